//! The word-frequency lexicon that tells known words from run-together ones.

use crate::error::BuildError;
use crate::hash::FxHashMap;

/// Rank given to words that come from gazetteers or user word lists rather
/// than from frequency counts: "known, moderately common".
pub const ADDED_WORD_RANK: u32 = 20_000;

/// Word -> rank. Words of up to 16 bytes (nearly all) are packed into a
/// `u128` key, so a lookup hashes two machine words and follows no
/// pointer; longer words live in an ordinary map.
#[derive(Clone, Debug, Default)]
struct WordTable {
    short: FxHashMap<u128, u32>,
    long: FxHashMap<Box<str>, u32>,
}

/// The packed key of a word of at most 16 bytes (words hold no NUL byte).
fn pack(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.len() > 16 || b.contains(&0) {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    Some(u128::from_le_bytes(buf))
}

impl WordTable {
    fn get(&self, word: &str) -> Option<u32> {
        match pack(word) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(word).copied(),
        }
    }

    /// Inserts unless present; returns the stored rank, mutable.
    fn entry_or_insert(&mut self, word: &str, rank: u32) -> &mut u32 {
        match pack(word) {
            Some(k) => self.short.entry(k).or_insert(rank),
            None => self.long.entry(word.into()).or_insert(rank),
        }
    }

    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    fn words(&self) -> Vec<String> {
        let unpack = |k: &u128| {
            let b = k.to_le_bytes();
            let n = b.iter().position(|&c| c == 0).unwrap_or(16);
            String::from_utf8_lossy(&b[..n]).into_owned()
        };
        self.short.keys().map(unpack).chain(self.long.keys().map(|w| w.to_string())).collect()
    }
}

/// Lower-case words with their frequency rank (0 = most frequent).
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    ranks: WordTable,
    /// `ln(number of ranked words)`, part of the Zipf cost.
    log_n: f32,
    /// Words of gazetteer names ("state", "minister", "kazakhstan").
    names: crate::hash::FxHashSet<Box<str>>,
}

impl Lexicon {
    /// Parses a frequency list: one `word count` per line, most frequent
    /// first, `#` comments. `name` is used in errors (`name:line`).
    pub fn parse(name: &str, text: &str) -> Result<Lexicon, BuildError> {
        let mut lex = Lexicon::default();
        lex.extend_from_list(name, text)?;
        Ok(lex)
    }

    /// Adds the entries of another frequency list after the current ones.
    pub fn extend_from_list(&mut self, name: &str, text: &str) -> Result<(), BuildError> {
        let bad = |line: usize, reason: &str| BuildError::BadLine {
            file: name.to_string(),
            line,
            reason: reason.to_string(),
        };
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let word = parts.next().ok_or_else(|| bad(i + 1, "empty entry"))?;
            match parts.next() {
                Some(count) if count.parse::<u64>().is_err() => {
                    return Err(bad(i + 1, "the count after the word is not a whole number"))
                }
                _ => {}
            }
            if parts.next().is_some() {
                return Err(bad(i + 1, "expected `word count`, found more fields"));
            }
            if word.chars().any(|c| c.is_uppercase()) {
                return Err(bad(i + 1, "lexicon words must be lower case"));
            }
            let rank = self.ranks.len() as u32;
            self.ranks.entry_or_insert(word, rank);
        }
        self.log_n = (self.ranks.len().max(2) as f32).ln();
        Ok(())
    }

    /// Adds a word known from elsewhere (a gazetteer name), lower-cased by
    /// the caller; a rare word is lifted to [`ADDED_WORD_RANK`].
    pub fn add_known(&mut self, word: &str) {
        let r = self.ranks.entry_or_insert(word, ADDED_WORD_RANK);
        *r = (*r).min(ADDED_WORD_RANK);
    }

    /// Adds every word of a word list (same format as a frequency list; the
    /// counts, if any, are ignored) as known words.
    pub fn extend_known_from_list(&mut self, name: &str, text: &str) -> Result<(), BuildError> {
        let list = Lexicon::parse(name, text)?;
        for w in list.ranks.words() {
            self.add_known(&w);
        }
        Ok(())
    }

    /// Adds a gazetteer name word: known, and marked as a name word.
    pub fn add_name_word(&mut self, word: &str) {
        self.add_known(word);
        self.names.insert(word.into());
    }

    /// True for a word of a gazetteer name.
    pub fn is_name_word(&self, word: &str) -> bool {
        self.names.contains(word)
    }

    /// The rank of a lower-case word.
    pub fn rank(&self, word: &str) -> Option<u32> {
        self.ranks.get(word)
    }

    /// True when the lower-case word is in the lexicon.
    pub fn contains(&self, word: &str) -> bool {
        self.ranks.get(word).is_some()
    }

    /// Zipf cost of a word of rank `rank`: `ln((rank + 1) * ln N)`, so a
    /// word ten times rarer costs `ln 10` more.
    pub fn cost_of_rank(&self, rank: u32) -> f32 {
        ((rank as f32 + 1.0) * self.log_n).ln()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.ranks.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.ranks.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_line_order() {
        let lex = Lexicon::parse("t", "# c\nthe 100\nof 50\n\nevent 3\n").unwrap();
        assert_eq!(lex.rank("the"), Some(0));
        assert_eq!(lex.rank("event"), Some(2));
        assert!(lex.cost_of_rank(0) < lex.cost_of_rank(2));
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let err = Lexicon::parse("words.txt", "the 1\nof many\n").unwrap_err();
        assert_eq!(err.to_string(), "words.txt:2: the count after the word is not a whole number");
        let err = Lexicon::parse("words.txt", "The 1\n").unwrap_err();
        assert!(err.to_string().starts_with("words.txt:1:"));
    }
}
