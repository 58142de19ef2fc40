//! Sentence splitting over the repaired tokens, aware of abbreviations,
//! initials, datelines and paragraph breaks.

use crate::span::Span;
use crate::text::tokenize::{is_abbreviation, Token, TokenKind};
use serde::Serialize;
use std::ops::Range;

/// One sentence: its span and the range of repaired tokens it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    #[serde(flatten)]
    pub span: Span,
    /// Indices into the document's repaired tokens.
    #[serde(skip)]
    pub tokens: Range<usize>,
}

/// Words that end with a dot that does not end the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "gen", "col", "lt", "maj", "capt", "sgt", "sen", "rep", "gov", "vs", "inc", "ltd", "co",
    "corp", "jr", "sr", "vol", "art", "para", "pp", "fig", "approx", "dept", "univ", "mt", "ft", "hon", "rev", "amb",
];

/// Splits the repaired token sequence into sentences.
pub fn split(input: &str, tokens: &[Token], out: &mut Vec<Sentence>) {
    out.clear();
    let mut start = 0;
    let mut k = 0;
    while k < tokens.len() {
        if k > start && starts_paragraph(input, tokens, k) {
            push(tokens, start..k, out);
            start = k;
        }
        if is_final_punct(input, tokens, k, start) {
            let mut end = k + 1;
            // Closing quotes and brackets stay with the sentence they close.
            while end < tokens.len() && !tokens[end].space_before && is_closer(&input[tokens[end].span]) {
                end += 1;
            }
            push(tokens, start..end, out);
            start = end;
            k = end;
            continue;
        }
        k += 1;
    }
    if start < tokens.len() {
        push(tokens, start..tokens.len(), out);
    }
}

fn push(tokens: &[Token], range: Range<usize>, out: &mut Vec<Sentence>) {
    let span = Span::new(tokens[range.start].span.start, tokens[range.end - 1].span.end);
    out.push(Sentence { span, tokens: range });
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "\u{201D}" | "\u{2019}" | "'" | ")" | "]" | "\u{00BB}")
}

/// A line break starts a new sentence unless the line plainly goes on.
fn starts_paragraph(input: &str, tokens: &[Token], k: usize) -> bool {
    let t = tokens[k];
    match t.breaks_before {
        0 => false,
        1 => {
            let prev = &input[tokens[k - 1].span];
            let continues = prev.ends_with(|c: char| c.is_lowercase() || c == ',' || c == '-');
            let next_lower = input[t.span].starts_with(char::is_lowercase);
            !(continues && next_lower)
        }
        _ => true,
    }
}

/// Whether token `k` ends the sentence that began at token `start`.
fn is_final_punct(input: &str, tokens: &[Token], k: usize, start: usize) -> bool {
    let t = tokens[k];
    let text = &input[t.span];
    if !matches!(text, "." | "!" | "?" | "\u{2026}") {
        return false;
    }
    let next = tokens.get(k + 1);
    if let Some(n) = next {
        let nt = &input[n.span];
        // "No. 5", "Jan. 7", "e.g. the": a lower-case word or a number goes on.
        if n.kind == TokenKind::Number
            || nt.starts_with(char::is_lowercase)
            || (!n.space_before && !n.repaired && !is_closer(nt))
        {
            return false;
        }
    }
    if text != "." || k == 0 || t.space_before {
        return true;
    }
    let prev = tokens[k - 1];
    let pt = &input[prev.span];
    if prev.kind != TokenKind::Word {
        return true;
    }
    // Initials ("Samuel D. Brownback") and abbreviations ("Mr.", "U.S.").
    // "D.", and two-letter initials of patronymics before a capitalized
    // word ("Mikhail Yu. Galuzov").
    let single_cap = (pt.chars().count() == 1
        || (pt.chars().count() == 2
            && pt.chars().nth(1).is_some_and(char::is_lowercase)
            && tokens.get(k + 1).is_some_and(|n| input[n.span].starts_with(char::is_uppercase))
            && k >= 2
            && tokens[k - 2].kind == TokenKind::Word
            && input[tokens[k - 2].span].starts_with(char::is_uppercase)))
        && pt.starts_with(char::is_uppercase);
    let lower = pt.to_lowercase();
    if single_cap || is_abbreviation(pt) || ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // Datelines: "ASTANA. KAZINFORM –" (only capitals since the start).
    let dateline = (start..k).all(|i| {
        let s = &input[tokens[i].span];
        tokens[i].kind != TokenKind::Word || !s.chars().any(char::is_lowercase)
    }) && pt.chars().count() >= 3;
    !dateline
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    fn sentences(s: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(s, &mut toks);
        let mut out = Vec::new();
        split(s, &toks, &mut out);
        out.iter().map(|x| &s[x.span]).collect()
    }

    #[test]
    fn survives_abbreviations_and_initials() {
        let s = "Mr. Atamkulov met Samuel D. Brownback in the U.S. on Jan. 7. No. 5 was signed. Then they left.";
        assert_eq!(
            sentences(s),
            ["Mr. Atamkulov met Samuel D. Brownback in the U.S. on Jan. 7.", "No. 5 was signed.", "Then they left."]
        );
    }

    #[test]
    fn keeps_datelines_and_splits_paragraphs() {
        let s = "ASTANA. KAZINFORM – The Minister met him.\n\nHeadline without dot\nNext line.";
        assert_eq!(sentences(s), ["ASTANA. KAZINFORM – The Minister met him.", "Headline without dot", "Next line."]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(sentences("He said “yes.” Then left."), ["He said “yes.”", "Then left."]);
    }
}
