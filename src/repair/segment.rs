//! Statistical word segmentation: the cheapest split of a run of letters
//! into known words, by dynamic programming over a Zipf-cost lexicon.

use super::lexicon::Lexicon;
use crate::hash::FxHashMap;

/// The longest piece the segmenter considers, in chars.
const MAX_PIECE: usize = 24;

/// Two-letter words that may stand as a piece; rarer ones ("pm", "de",
/// "la", "st") are abbreviations or foreign and make false splits.
const TWO_LETTER: &[&str] = &[
    "of", "to", "in", "is", "on", "by", "it", "or", "be", "at", "as", "an", "we", "us", "if", "my", "do", "no", "he",
    "up", "so", "me", "go", "am",
];

/// Productive prefixes: "inter" + "religious" is one word, not two.
const PREFIXES: &[&str] = &[
    "inter", "intra", "anti", "non", "pre", "post", "re", "un", "co", "multi", "counter", "socio", "geo", "bio", "eco",
    "cyber", "micro", "macro", "over", "under", "sub", "super", "trans", "cross", "semi", "ultra", "pan", "neo",
    "euro", "pro", "de", "dis", "mis", "bi", "tri", "tele", "hyper", "para", "extra", "mega", "mini", "out", "self",
    "agro", "petro", "narco", "ethno", "hydro", "info",
];

/// Closed-class words of four letters or more: no prefix attaches to them.
const FUNCTION_WORDS: &[&str] = &[
    "between", "about", "after", "before", "under", "over", "within", "without", "through", "during", "against",
    "among", "this", "that", "these", "those", "other", "their", "there", "which", "where", "while", "with", "from",
    "into", "onto", "upon", "than", "then", "they", "them", "were", "have", "been", "will", "would", "should", "could",
    "also", "such", "some", "what", "when", "your", "ours",
];

/// Productive suffixes: "digital" + "ization" is one word, not two.
const SUFFIXES: &[&str] = &[
    "ization", "isation", "izations", "isations", "ize", "ise", "ized", "ised", "izing", "ising", "ism", "isms", "ist",
    "ists", "ity", "ities", "ness", "ment", "ments", "al", "ally", "ly", "er", "ers", "ship", "wide", "hood", "less",
    "ian", "ians", "ic", "ics", "ive", "s", "es", "ed", "ing", "ings",
];

/// Words of the document used on their own (whole tokens), lower case,
/// keyed by a 64-bit hash of the lower-case word so counting allocates
/// nothing.
#[derive(Debug, Default)]
pub struct DocVocab {
    counts: FxHashMap<u64, (u32, u32)>,
}

/// Hash of the lower-case form of `word`, the same for any casing.
fn word_key(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::hash::FxHasher::default();
    if word.is_ascii() && word.len() <= 64 {
        let mut buf = [0u8; 64];
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        h.write(b);
        h.write_u8(0xff);
        return h.finish();
    }
    for c in word.chars() {
        for l in c.to_lowercase() {
            h.write_u32(l as u32);
        }
    }
    h.write_u8(0xff);
    h.finish()
}

impl DocVocab {
    /// Counts one use of `word` as written.
    pub fn add(&mut self, word: &str) {
        let cap = word.starts_with(char::is_uppercase);
        let e = self.counts.entry(word_key(word)).or_insert((0, 0));
        e.0 += 1;
        e.1 += u32::from(cap);
    }

    /// How often `word` (any casing) stands alone in the document.
    pub fn count(&self, word: &str) -> u32 {
        self.counts.get(&word_key(word)).map_or(0, |c| c.0)
    }

    /// How often it stands alone with a capital first letter.
    pub fn capitalized(&self, word: &str) -> u32 {
        self.counts.get(&word_key(word)).map_or(0, |c| c.1)
    }
}

/// True when `w` is a lexicon word or regular derivation of one.
pub fn is_known(lex: &Lexicon, w: &str) -> bool {
    lex.contains(w) || derived_rank(lex, w).is_some()
}

/// The rank of the base of a prefix or suffix derivation of a known word.
pub fn derived_rank(lex: &Lexicon, w: &str) -> Option<u32> {
    let (Some(&first), Some(&last)) = (w.as_bytes().first(), w.as_bytes().last()) else { return None };
    for p in PREFIXES {
        // Compare one byte before the whole prefix: most do not match.
        if p.as_bytes()[0] != first {
            continue;
        }
        if let Some(rest) = w.strip_prefix(p) {
            let rest = rest.strip_prefix('-').unwrap_or(rest);
            // Function words take no prefix: "overbetween" is two words.
            if rest.len() >= 4 {
                if let Some(r) = lex.rank(rest).filter(|_| !FUNCTION_WORDS.contains(&rest)) {
                    return Some(r);
                }
            }
        }
    }
    if let Some(r) = spelling_variant_rank(lex, w) {
        return Some(r);
    }
    for s in SUFFIXES {
        if s.as_bytes()[s.len() - 1] != last {
            continue;
        }
        if let Some(stem) = w.strip_suffix(s) {
            // Derivational suffixes take a singular stem of some length:
            // "crisesal" and "lostal" are not words.
            let inflection = matches!(*s, "s" | "es" | "ed" | "ing" | "ings" | "er" | "ers");
            // No suffix after a plural "s" ("chainss", "crisesal").
            if stem.len() >= 4 && !stem.ends_with('s') && (inflection || stem.len() >= 6) {
                if let Some(r) = lex.rank(stem).or_else(|| e_stem_rank(lex, stem)) {
                    return Some(r);
                }
            }
        }
    }
    None
}

/// American and British spellings of one word ("labor" / "labour",
/// "analyze" / "analyse", "center" / "centre"): the lexicon has one of
/// them for some words only.
fn spelling_variant_rank(lex: &Lexicon, w: &str) -> Option<u32> {
    const PAIRS: &[(&str, &str)] = &[
        ("or", "our"),
        ("our", "or"),
        ("yze", "yse"),
        ("yse", "yze"),
        ("er", "re"),
        ("re", "er"),
        ("ize", "ise"),
        ("ise", "ize"),
    ];
    if w.len() > 28 {
        return None;
    }
    // Plurals too: "neighbors" is "neighbours".
    if let Some(singular) = w.strip_suffix('s').filter(|s| s.len() >= 4) {
        if let Some(r) = spelling_variant_rank(lex, singular) {
            return Some(r);
        }
    }
    for (from, to) in PAIRS {
        if let Some(stem) = w.strip_suffix(from) {
            if stem.len() >= 3 {
                let mut buf = [0u8; 32];
                let b = stem.as_bytes();
                buf[..b.len()].copy_from_slice(b);
                buf[b.len()..b.len() + to.len()].copy_from_slice(to.as_bytes());
                if let Some(r) = std::str::from_utf8(&buf[..b.len() + to.len()]).ok().and_then(|v| lex.rank(v)) {
                    return Some(r);
                }
            }
        }
    }
    None
}

/// "organiz" + "ation" style stems that dropped a final "e".
fn e_stem_rank(lex: &Lexicon, stem: &str) -> Option<u32> {
    if stem.len() > 12 {
        return None;
    }
    let mut buf = [0u8; 16];
    let b = stem.as_bytes();
    buf[..b.len()].copy_from_slice(b);
    buf[b.len()] = b'e';
    std::str::from_utf8(&buf[..=b.len()]).ok().and_then(|s| lex.rank(s))
}

/// Reusable buffers for [`segment`], so the hot loop does not allocate.
#[derive(Default)]
pub struct Scratch {
    best: Vec<f32>,
    back: Vec<usize>,
}

/// How strict to be: a capitalized run may be a proper noun, so its pieces
/// must all be common words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strictness {
    /// Lower-case run.
    Normal,
    /// Capitalized run.
    Capitalized,
}

/// Splits the lower-case run `w` (whose char boundaries, as byte offsets
/// into `w`, are `bounds`, ending with `w.len()`) into known words.
/// Returns the byte offsets into `w` where spaces go, or `None` when no
/// segmentation into acceptable pieces exists.
pub fn segment(
    lex: &Lexicon,
    doc: &DocVocab,
    w: &str,
    bounds: &[usize],
    strictness: Strictness,
    scratch: &mut Scratch,
) -> Option<Vec<usize>> {
    let n = bounds.len() - 1;
    scratch.best.clear();
    scratch.best.resize(n + 1, f32::INFINITY);
    scratch.back.clear();
    scratch.back.resize(n + 1, 0);
    scratch.best[0] = 0.0;
    for j in 1..=n {
        for i in j.saturating_sub(MAX_PIECE)..j {
            let base = scratch.best[i];
            if !base.is_finite() {
                continue;
            }
            // The whole run is not a candidate piece: it is unknown by assumption.
            if i == 0 && j == n {
                continue;
            }
            let piece = &w[bounds[i]..bounds[j]];
            // A final "a" only after a word that takes an article, found
            // on the best path to `i`.
            let prev_takes_article =
                j == n && i > 0 && BEFORE_ARTICLE.contains(&&w[bounds[scratch.back[i]]..bounds[i]]);
            let edge = i == 0 || j == n;
            if let Some(c) = piece_cost(lex, doc, piece, j - i, j == n, edge, prev_takes_article, strictness) {
                if base + c < scratch.best[j] {
                    scratch.best[j] = base + c;
                    scratch.back[j] = i;
                }
            }
        }
    }
    if !scratch.best[n].is_finite() {
        return None;
    }
    let mut cuts = Vec::new();
    let mut j = scratch.back[n];
    while j > 0 {
        cuts.push(bounds[j]);
        j = scratch.back[j];
    }
    cuts.reverse();
    Some(cuts)
}

/// Words after which a glued final "a" is the article ("witha tour").
const BEFORE_ARTICLE: &[&str] = &[
    "with", "for", "of", "in", "on", "at", "to", "by", "from", "into", "as", "is", "was", "has", "had", "have", "be",
    "been", "such", "what", "once", "through", "about", "after", "before", "without", "under", "over", "within",
    "during", "took", "make", "made", "held", "hold", "signed", "become", "became", "played", "created",
];

#[allow(clippy::too_many_arguments)]
fn piece_cost(
    lex: &Lexicon,
    doc: &DocVocab,
    piece: &str,
    chars: usize,
    last: bool,
    edge: bool,
    prev_takes_article: bool,
    strictness: Strictness,
) -> Option<f32> {
    let strict = strictness == Strictness::Capitalized;
    let rank = match chars {
        0 => return None,
        1 => (piece == "a" && !strict && (!last || prev_takes_article)).then_some(10)?,
        2 => TWO_LETTER.contains(&piece).then(|| lex.rank(piece).unwrap_or(100))?,
        _ => {
            // A piece the document uses as a name, or twice: a glued run
            // seen once elsewhere ("thatcan") is no evidence.
            let doc_known = doc.capitalized(piece) >= 1 || doc.count(piece) >= 2;
            match lex.rank(piece) {
                Some(r) if chars == 3 && r > if strict { 3_000 } else { 10_000 } && !doc_known => return None,
                Some(r) if strict && r > 40_000 && !doc_known => return None,
                Some(r) => r,
                None if doc_known => 5_000,
                None if chars >= 6 && edge => {
                    let r = derived_rank(lex, piece)?;
                    return Some(lex.cost_of_rank(r) + 3.0 + PIECE_COST);
                }
                None => return None,
            }
        }
    };
    Some(lex.cost_of_rank(rank) + PIECE_COST)
}

/// Every piece costs this much on top of its word cost, so that of two
/// readings the one with fewer words wins unless the other is much more
/// frequent ("that cannot", not "that can not").
const PIECE_COST: f32 = 2.5;

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        let words = "the\nof\nand\nto\nin\na\nis\nthis\nfor\nthat\nevent\nissue\nsue\nfloor\nhuman\nrights\nreligious\ninter\nsociety\nforeign\nministers\nbureau\nkaz\ninform\ndigital\n";
        Lexicon::parse("t", words).unwrap()
    }

    fn seg(w: &str, s: Strictness) -> Option<Vec<String>> {
        let lex = lex();
        let doc = DocVocab::default();
        let lower = w.to_lowercase();
        let mut bounds: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        bounds.push(lower.len());
        let cuts = segment(&lex, &doc, &lower, &bounds, s, &mut Scratch::default())?;
        let mut out = Vec::new();
        let mut prev = 0;
        for c in cuts.into_iter().chain([w.len()]) {
            out.push(w[prev..c].to_string());
            prev = c;
        }
        Some(out)
    }

    #[test]
    fn splits_runs_into_frequent_words() {
        assert_eq!(seg("theevent", Strictness::Normal).unwrap(), ["the", "event"]);
        assert_eq!(seg("thisissue", Strictness::Normal).unwrap(), ["this", "issue"]);
        assert_eq!(seg("humanrights", Strictness::Normal).unwrap(), ["human", "rights"]);
    }

    #[test]
    fn keeps_derivations_whole() {
        assert_eq!(seg("ofinterreligious", Strictness::Normal).unwrap(), ["of", "interreligious"]);
        assert!(is_known(&lex(), "digitalization"));
    }

    #[test]
    fn refuses_pieces_that_are_not_words() {
        assert_eq!(seg("xqzfloor", Strictness::Normal), None);
    }
}
