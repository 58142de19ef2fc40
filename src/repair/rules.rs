//! Repair rules no lexicon gives: case boundaries, glued punctuation,
//! digits glued to words, glued initials.

use super::lexicon::Lexicon;
use super::segment::{is_known, DocVocab};
use crate::text::tokenize::{Token, TokenKind};

/// Name particles that legitimately precede a capital inside one word
/// ("McDonald", "DeSantis", "MacArthur", "LeBlanc", "VanDyke").
const NAME_PREFIXES: &[&str] = &["Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "St"];

/// Word-forming prefixes of company and programme names ("PetroChina",
/// "KazMunayGas", "EuroAsia", "InterContinental").
const BRAND_PREFIXES: &[&str] = &[
    "petro", "euro", "inter", "trans", "geo", "agro", "kaz", "qaz", "uz", "turk", "air", "tech", "bio", "eco", "hydro",
    "info", "tele", "micro", "macro", "multi", "uni", "aero", "auto", "energo", "neft", "gaz", "rus", "sino", "indo",
];

/// Short function words that glue to a following capitalized word.
const GLUE_HEADS: &[&str] = &[
    "of", "the", "and", "in", "to", "for", "on", "at", "by", "as", "is", "was", "a", "an", "its", "his", "her", "our",
    "with", "from",
];

/// Start of the word that begins at char index `b` (at least `seg_start`).
fn left_start(word: &str, chars: &[(usize, char)], b: usize, seg_start: usize) -> usize {
    chars.get(b).map_or(word.len(), |&(i, _)| i.max(seg_start))
}

/// Mixed-case words that are written that way on purpose.
const CAMEL_WORDS: &[&str] = &[
    "iPhone", "iPad", "eBay", "PhD", "PhDs", "GmbH", "MoU", "MoUs", "YouTube", "LinkedIn", "WhatsApp", "PayPal",
    "JPMorgan", "PwC", "TikTok", "WeChat",
];

/// Unit and ordinal suffixes that follow digits without a space ("30th",
/// "5km", "1990s").
const DIGIT_SUFFIXES: &[&str] = &[
    "st", "nd", "rd", "th", "s", "km", "kg", "mm", "cm", "m", "pm", "am", "bn", "mn", "mln", "bln", "kw", "kwh", "mw",
    "gw", "gwh", "mwh", "kt", "mt", "g", "d", "x", "k", "h", "sq", "ha", "tn",
];

/// Short words that glue to a following number ("in2019").
const BEFORE_NUMBER: &[&str] = &[
    "in", "on", "since", "from", "until", "by", "at", "for", "of", "to", "and", "the", "about", "over", "than", "with",
    "nearly", "some", "around", "almost", "only", "last", "next", "some", "between", "before", "after", "during",
];

/// Where a word token's case changes inside it ("andTraditional",
/// "MariaTelalian", "ODIHRDirector"), as byte offsets into `word`, for the
/// boundaries that are run-together words rather than written so.
/// `known` tells whether a piece is a word the reader knows, `known_name`
/// whether it is a name written on its own elsewhere or in a gazetteer.
pub fn case_cuts(
    word: &str,
    next_is_dot: bool,
    known: &dyn Fn(&str) -> bool,
    known_name: &dyn Fn(&str) -> bool,
) -> Vec<usize> {
    let mut cuts = Vec::new();
    if CAMEL_WORDS.contains(&word) || word.contains(['\'', '\u{2019}', '.']) {
        return cuts;
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut seg_start = 0;
    for k in 1..chars.len() {
        let (i, c) = chars[k];
        let prev = chars[k - 1].1;
        // The word just before the boundary: a lower-case run and the
        // capital that opens it ("Munay" in "KazMunayGas").
        let mut b = k;
        while b > 0 && chars[b - 1].1.is_lowercase() {
            b -= 1;
        }
        if b > 0 && chars[b - 1].1.is_uppercase() {
            b -= 1;
        }
        let left = &word[chars[b].0.max(seg_start)..i];
        let lower_to_upper = prev.is_lowercase() && c.is_uppercase();
        // "ODIHRDirector": an upper-case run, then a capitalized word.
        let caps_to_word = prev.is_uppercase()
            && c.is_uppercase()
            && k >= 2
            && chars[k - 2].1.is_uppercase()
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_lowercase())
            && chars.get(k + 2).is_some_and(|&(_, n)| n.is_lowercase());
        // "ODIHRprojects": an upper-case run, then a lower-case word.
        let caps_to_lower = prev.is_uppercase()
            && c.is_lowercase()
            && k >= 3
            && chars[k - 2].1.is_uppercase()
            && chars[k - 3].1.is_uppercase()
            && chars[k - 3].0 >= seg_start
            && chars[k..].iter().all(|&(_, n)| n.is_lowercase())
            && chars.len() - k >= 3
            && known(&word[i..]);
        if caps_to_lower {
            cuts.push(i);
            seg_start = i;
            continue;
        }
        if !(lower_to_upper || caps_to_word) {
            continue;
        }
        // Written in camel case on purpose from here on ("onWhatsApp").
        if CAMEL_WORDS.contains(&&word[left_start(word, &chars, b, seg_start)..]) {
            break;
        }
        let rest_end = chars[k + 1..].iter().find(|&&(_, n)| n.is_uppercase()).map_or(word.len(), |&(j, _)| j);
        let right = &word[i..rest_end];
        // "SamuelD.", and the two-letter patronymic initials "MikhailYu.".
        let initial = (right.chars().count() == 1
            || (right.chars().count() == 2 && right.chars().nth(1).is_some_and(char::is_lowercase)))
            && rest_end == word.len()
            && next_is_dot;
        let capital_left = left.starts_with(char::is_uppercase);
        // Two capitalized words that are not English words, each of four
        // letters or more, are a name run together ("MaryamRashid",
        // "JasurKholmatov"), unless the left one is a brand-forming prefix
        // ("PetroChina", "EuroAsia").
        let two_names = capital_left
            && rest_end == word.len()
            && left.chars().count() >= 4
            && right.chars().count() >= 4
            && !known(left)
            && !known(right)
            && b == 0;
        // "airBaltic", "eCitizen": a short lower-case head that is no function
        // word opens a brand, not glue ("inKazakhstan", "theKingdom" are glue).
        let lower_brand = !capital_left && left.chars().count() <= 2 && !GLUE_HEADS.contains(&left);
        let brand = lower_brand || (capital_left && BRAND_PREFIXES.contains(&left.to_lowercase().as_str()));
        let ok = if lower_to_upper {
            !NAME_PREFIXES.contains(&left)
                && !brand
                && left.chars().count() >= 2
                && (known(left)
                    || two_names
                    || (initial && left.chars().count() >= 3)
                    || (right.chars().count() >= 5 && known_name(right)))
        } else {
            known(right)
        };
        if ok {
            cuts.push(i);
            seg_start = i;
        }
    }
    cuts
}

/// Whether a space belongs between `tokens[k - 1]` and `tokens[k]`, which
/// touch in the original: glued punctuation ("event,the", "reports.The",
/// "R.Sklyar") and digits glued to words ("1,000religious", "in2019").
pub fn glued_between(input: &str, tokens: &[Token], k: usize, lex: &Lexicon, doc: &DocVocab) -> bool {
    let cur = tokens[k];
    if cur.space_before || k == 0 || cur.kind == TokenKind::Url {
        return false;
    }
    let prev = tokens[k - 1];
    let cur_text = &input[cur.span];
    let prev_text = &input[prev.span];
    // Known to the lexicon, or used elsewhere in the document (the token
    // itself counts once).
    let word_known = |w: &str| {
        let l = w.to_lowercase();
        is_known(lex, &l) || doc.count(&l) >= 2
    };
    match (prev.kind, cur.kind) {
        (TokenKind::Number, TokenKind::Word) => {
            let lower = cur_text.to_lowercase();
            // After digits, a lower-case word of three letters or more that
            // is no unit is a word of its own ("12memoranda").
            cur_text.chars().count() >= 3
                && cur_text.chars().all(char::is_alphabetic)
                && !DIGIT_SUFFIXES.contains(&lower.as_str())
                && (word_known(cur_text) || cur_text.chars().all(char::is_lowercase))
                // "33rdanniversary": the ordinal suffix stays with the number.
                && !["st", "nd", "rd", "th"].iter().any(|s| lower.starts_with(s) && !word_known(cur_text))
                && !follows_letter(tokens, k - 1)
        }
        (TokenKind::Word, TokenKind::Number) => {
            BEFORE_NUMBER.contains(&prev_text)
                && input[cur.span].chars().filter(char::is_ascii_digit).count() >= 2
                && (k < 2 || tokens[k - 1].space_before)
        }
        // "Korea(ROK)": an opening bracket glued to the word before it.
        (TokenKind::Word, TokenKind::Punct) if cur_text == "(" => {
            tokens.get(k + 1).is_some_and(|n| {
                let inner = &input[n.span];
                n.kind == TokenKind::Word && inner.chars().count() >= 2 && inner.starts_with(char::is_uppercase)
            }) && prev_text.chars().count() >= 2
        }
        (TokenKind::Punct, TokenKind::Word) if matches!(prev_text, "'s" | "\u{2019}s") => {
            cur_text.chars().count() >= 2 && word_known(cur_text)
        }
        (TokenKind::Punct, TokenKind::Word) if k >= 2 && !prev.space_before => {
            let left = tokens[k - 2];
            let left_text = &input[left.span];
            if !matches!(left.kind, TokenKind::Word | TokenKind::Number) {
                return false;
            }
            let cap = cur_text.chars().next().is_some_and(char::is_uppercase);
            let cur_len = cur_text.chars().count();
            match prev_text {
                "," | ";" => {
                    cur_text.chars().next().is_some_and(char::is_alphabetic) && !is_hashtag(tokens, input, k - 2)
                }
                ":" => left.kind == TokenKind::Word && cur_text.chars().next().is_some_and(char::is_alphabetic),
                "." | "!" | "?" => {
                    let left_len = left_text.chars().count();
                    // "M.Tleuberdin" is house style for an initial, not damage.
                    cap && cur_len >= 2 && left_len >= 2 && cur_text.chars().skip(1).any(char::is_lowercase)
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// True when the token before `k` is a letter glued to it ("A320" style
/// codes are not words glued to numbers).
fn follows_letter(tokens: &[Token], k: usize) -> bool {
    k > 0 && !tokens[k].space_before && tokens[k - 1].kind == TokenKind::Word
}

fn is_hashtag(tokens: &[Token], input: &str, k: usize) -> bool {
    k > 0 && !tokens[k].space_before && matches!(&input[tokens[k - 1].span], "#" | "@")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(w: &str, dot: bool) -> Vec<&str> {
        let known = |p: &str| {
            ["and", "traditional", "maria", "samuel", "kazakhstan", "director", "the"]
                .contains(&p.to_lowercase().as_str())
        };
        let cs = case_cuts(w, dot, &known, &|_| false);
        let mut out = Vec::new();
        let mut prev = 0;
        for c in cs.into_iter().chain([w.len()]) {
            out.push(&w[prev..c]);
            prev = c;
        }
        out
    }

    #[test]
    fn cuts_case_boundaries_between_words() {
        assert_eq!(cuts("andTraditional", false), ["and", "Traditional"]);
        assert_eq!(cuts("MariaTelalian", false), ["Maria", "Telalian"]);
        assert_eq!(cuts("KazakhstanKazakhstan", false), ["Kazakhstan", "Kazakhstan"]);
        assert_eq!(cuts("SamuelD", true), ["Samuel", "D"]);
        assert_eq!(cuts("ODIHRDirector", false), ["ODIHR", "Director"]);
    }

    #[test]
    fn keeps_names_written_in_camel_case() {
        assert_eq!(cuts("McDonald", false), ["McDonald"]);
        assert_eq!(cuts("DeSantis", false), ["DeSantis"]);
        assert_eq!(cuts("iPhone", false), ["iPhone"]);
        assert_eq!(cuts("MoU", true), ["MoU"]);
        assert_eq!(cuts("KazMunayGas", false), ["KazMunayGas"]);
    }
}
