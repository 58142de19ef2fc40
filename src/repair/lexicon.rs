//! The word-frequency lexicon that tells known words from run-together ones.

use crate::error::BuildError;
use crate::hash::FxHashMap;

/// Rank given to words that come from gazetteers or user word lists rather
/// than from frequency counts: "known, moderately common".
pub const ADDED_WORD_RANK: u32 = 20_000;

/// Lower-case words with their frequency rank (0 = most frequent).
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    ranks: FxHashMap<Box<str>, u32>,
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
            self.ranks.entry(word.into()).or_insert(rank);
        }
        self.log_n = (self.ranks.len().max(2) as f32).ln();
        Ok(())
    }

    /// Adds a word known from elsewhere (a gazetteer name), lower-cased by
    /// the caller; a rare word is lifted to [`ADDED_WORD_RANK`].
    pub fn add_known(&mut self, word: &str) {
        let r = self.ranks.entry(word.into()).or_insert(ADDED_WORD_RANK);
        *r = (*r).min(ADDED_WORD_RANK);
    }

    /// Adds every word of a word list (same format as a frequency list; the
    /// counts, if any, are ignored) as known words.
    pub fn extend_known_from_list(&mut self, name: &str, text: &str) -> Result<(), BuildError> {
        let list = Lexicon::parse(name, text)?;
        for w in list.ranks.keys() {
            self.add_known(w);
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
        self.ranks.get(word).copied()
    }

    /// True when the lower-case word is in the lexicon.
    pub fn contains(&self, word: &str) -> bool {
        self.ranks.contains_key(word)
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
        self.ranks.is_empty()
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
