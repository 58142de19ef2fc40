//! Run-together repair: finds the spaces that HTML stripping lost and
//! reports each repair, without ever editing the input.
//!
//! Later stages see the repaired token sequence: a glued word becomes
//! several tokens whose spans are sub-spans of the original word, and a
//! token that needed a space gets `repaired = true`.

pub mod lexicon;
mod rules;
pub mod segment;

use crate::span::Span;
use crate::text::tokenize::{Token, TokenKind};
use lexicon::Lexicon;
use segment::{is_known, segment, DocVocab, Scratch, Strictness};
use serde::Serialize;

/// Which rule made a repair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairRule {
    /// The lexicon segmenter split a run of letters ("theevent").
    Segment,
    /// A case change inside a word ("andTraditional", "SamuelD.").
    CaseBoundary,
    /// Punctuation with no space after it ("event,the", "reports.The").
    Punctuation,
    /// Digits glued to a word ("1,000religious", "in2019").
    Digits,
}

/// One repair: the original text and the text with the missing spaces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Repair {
    /// Where the damaged text is in the original input.
    #[serde(flatten)]
    pub span: Span,
    /// The damaged text as written (`&input[span]`).
    pub original: String,
    /// The same text with spaces inserted.
    pub replacement: String,
    /// The rule that made the first of its splits.
    pub rule: RepairRule,
}

/// Reusable state for [`repair`].
#[derive(Default)]
pub struct RepairScratch {
    seg: Scratch,
    lower: String,
    bounds: Vec<usize>,
    /// (absolute byte offset of an inserted space, rule)
    breaks: Vec<(usize, RepairRule)>,
    /// Indices of word tokens that may need splitting.
    suspect: Vec<usize>,
    /// Segmentations already computed in this document, by run (names
    /// recur: "Nazarbayev" is looked at once).
    seen: crate::hash::FxHashMap<(String, bool), Option<Vec<usize>>>,
}

/// Repairs run-together text. `tokens` are the tokenizer's output; the
/// repaired sequence is written to `out` and the repairs to `repairs`.
pub fn repair(
    input: &str,
    tokens: &[Token],
    lex: &Lexicon,
    scratch: &mut RepairScratch,
    out: &mut Vec<Token>,
    repairs: &mut Vec<Repair>,
) {
    out.clear();
    repairs.clear();
    scratch.breaks.clear();
    scratch.seen.clear();
    // One lexicon lookup per word: it decides both whether the word needs
    // a closer look and whether the document vocabulary must count it.
    let mut doc = DocVocab::default();
    scratch.suspect.clear();
    for (k, t) in tokens.iter().enumerate() {
        let suspect = t.kind == TokenKind::Word && {
            let (suspect, known) = inspect_word(&input[t.span], lex);
            if !known || input[t.span].starts_with(char::is_uppercase) {
                doc.add(&input[t.span]);
            }
            suspect
        };
        if suspect {
            scratch.suspect.push(k);
        }
    }
    let doc = &doc;
    let mut next_suspect = 0;
    for k in 0..tokens.len() {
        let t = tokens[k];
        if k > 0
            && !t.space_before
            && needs_context(input, tokens, k)
            && rules::glued_between(input, tokens, k, lex, doc)
        {
            let rule = if t.kind == TokenKind::Number || tokens[k - 1].kind == TokenKind::Number {
                RepairRule::Digits
            } else {
                RepairRule::Punctuation
            };
            scratch.breaks.push((t.span.start, rule));
        }
        if scratch.suspect.get(next_suspect) == Some(&k) {
            next_suspect += 1;
            word_breaks(input, tokens, k, lex, doc, scratch);
        }
    }
    if scratch.breaks.is_empty() {
        out.extend_from_slice(tokens);
        return;
    }
    apply_breaks(tokens, &scratch.breaks, out);
    collect_repairs(input, out, &scratch.breaks, repairs);
}

/// Cheap pre-check before building the document vocabulary.
fn needs_context(input: &str, tokens: &[Token], k: usize) -> bool {
    let prev = tokens[k - 1];
    match (prev.kind, tokens[k].kind) {
        (TokenKind::Number, TokenKind::Word) | (TokenKind::Word, TokenKind::Number) => true,
        (TokenKind::Word, TokenKind::Punct) => &input[tokens[k].span] == "(",
        (TokenKind::Punct, TokenKind::Word) => {
            let p = &input[prev.span];
            (matches!(p, "," | ";" | ":" | "." | "!" | "?") && k >= 2 && !prev.space_before)
                || matches!(p, "'s" | "\u{2019}s")
        }
        _ => false,
    }
}

/// Whether a word token is worth a closer look (it changes case inside,
/// or is a long run of letters the lexicon does not know), and whether
/// the lexicon knows it.
fn inspect_word(w: &str, lex: &Lexicon) -> (bool, bool) {
    let mut chars = w.chars();
    let first = chars.next().unwrap_or(' ');
    let mut inner_upper = false;
    let mut alpha = first.is_alphabetic();
    let mut n = 1;
    for c in chars {
        inner_upper |= c.is_uppercase();
        alpha &= c.is_alphabetic();
        n += 1;
    }
    let known = w.is_ascii() && w.len() <= 32 && {
        let mut buf = [0u8; 32];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        std::str::from_utf8(b).is_ok_and(|lower| lex.contains(lower))
    };
    if inner_upper {
        return (!first.is_lowercase() || n > 2, known);
    }
    (n >= 4 && alpha && !known, known)
}

/// Finds the breaks inside word token `k`: case boundaries first, then the
/// segmenter on each unknown run between them.
fn word_breaks(input: &str, tokens: &[Token], k: usize, lex: &Lexicon, doc: &DocVocab, scratch: &mut RepairScratch) {
    let t = tokens[k];
    let w = &input[t.span];
    if k > 0 && !t.space_before && matches!(&input[tokens[k - 1].span], "#" | "@") {
        return;
    }
    // "e-VidyaBharati", "e-Gov": a product name after an "e-" style prefix.
    if k >= 2 && !t.space_before && &input[tokens[k - 1].span] == "-" && !tokens[k - 1].space_before {
        let p = &input[tokens[k - 2].span];
        if p.chars().count() == 1 && p.starts_with(char::is_lowercase) {
            return;
        }
    }
    let next_is_dot = tokens.get(k + 1).is_some_and(|n| !n.space_before && &input[n.span] == ".");
    let known = |p: &str| {
        let l = p.to_lowercase();
        is_known(lex, &l) || doc.count(&l) >= 1
    };
    let known_name = |p: &str| {
        let l = p.to_lowercase();
        doc.capitalized(&l) >= 1 || lex.rank(&l) == Some(lexicon::ADDED_WORD_RANK)
    };
    // "28thanniversary": the ordinal suffix belongs to the number.
    if k > 0 && !t.space_before && tokens[k - 1].kind == TokenKind::Number {
        if let Some(rest) = ["th", "st", "nd", "rd"].iter().find_map(|s| w.strip_prefix(s)) {
            if rest.len() >= 3 && is_known(lex, &rest.to_lowercase()) {
                scratch.breaks.push((t.span.start + 2, RepairRule::Digits));
                return;
            }
        }
    }
    // A mixed-case word the document writes the same way again is a name
    // ("AKIpress", "SoftBank"), unless it starts with a function word.
    let repeated = doc.count(w) >= 2;
    let cuts = if repeated && !w.starts_with(char::is_lowercase) {
        Vec::new()
    } else {
        rules::case_cuts(w, next_is_dot, &known, &known_name)
    };
    let whole = cuts.is_empty();
    let ctx = Context { sentence_initial: sentence_initial(input, tokens, k), in_name: in_name(input, tokens, k) };
    let mut prev = 0;
    for cut in cuts.iter().copied().chain([w.len()]) {
        let piece = &w[prev..cut];
        // A whole token counts itself once in the document vocabulary.
        let min_doc = if whole { 2 } else { 1 };
        let ctx = if prev == 0 { ctx } else { Context { sentence_initial: false, in_name: true } };
        // Capitalized pieces of a run cut at case changes are names or
        // words already ("MaryamRashid"), not glue of their own.
        if whole || !piece.starts_with(char::is_uppercase) {
            segment_run(piece, t.span.start + prev, lex, doc, min_doc, ctx, scratch);
        }
        if cut < w.len() {
            scratch.breaks.push((t.span.start + cut, RepairRule::CaseBoundary));
        }
        prev = cut;
    }
}

/// Where a capitalized run stands, which decides how readily it is split.
#[derive(Clone, Copy)]
struct Context {
    /// First word of a sentence or line.
    sentence_initial: bool,
    /// Right after another capitalized word or an initial: part of a name.
    in_name: bool,
}

/// Function words at the edge of a run that make it glue even when the
/// run recurs in the document.
const FUNCTION_EDGES: &[&str] =
    &["of", "the", "and", "to", "in", "for", "with", "on", "at", "by", "from", "a", "an", "is", "was"];

/// Function words that end a run-together capitalized word ("Bureauof",
/// "Kazakhstanand") but rarely end a name.
const GLUE_TAIL: &[&str] = &[
    "of", "and", "the", "for", "with", "from", "was", "were", "has", "had", "have", "that", "which", "who", "its",
    "his", "their", "will", "would",
];

/// Short function words that also end names ("Newton", "Putin"): they
/// count as glue only after a common word of five letters or more.
const GLUE_TAIL_SHORT: &[&str] = &["on", "in", "to", "at", "by", "as", "is", "an", "or"];

/// Function words that open a run-together sentence ("Thesides").
const GLUE_HEAD: &[&str] = &[
    "the", "this", "these", "that", "and", "for", "with", "from", "during", "after", "before", "under", "within",
    "among", "both", "such", "also", "its", "his", "her", "their",
];

fn sentence_initial(input: &str, tokens: &[Token], k: usize) -> bool {
    let mut j = k;
    while j > 0 {
        let t = tokens[j];
        if t.breaks_before > 0 {
            return true;
        }
        let p = &input[tokens[j - 1].span];
        match p {
            "." | "!" | "?" | ":" => return true,
            "\"" | "\u{201C}" | "\u{00AB}" | "(" | "-" | "\u{2013}" | "\u{2014}" => j -= 1,
            _ => return false,
        }
    }
    true
}

fn in_name(input: &str, tokens: &[Token], k: usize) -> bool {
    if k == 0 || tokens[k].breaks_before > 0 {
        return false;
    }
    let p = tokens[k - 1];
    let pt = &input[p.span];
    if pt == "." && k >= 2 {
        // "Samuel D. Brownback": an initial before.
        let i = &input[tokens[k - 2].span];
        return i.ends_with(char::is_uppercase) && !tokens[k - 1].space_before;
    }
    p.kind == TokenKind::Word && pt.starts_with(char::is_uppercase) && !sentence_initial(input, tokens, k - 1)
}

/// Runs the segmenter on one run of letters starting at byte `at`.
#[allow(clippy::too_many_arguments)]
fn segment_run(
    run: &str,
    at: usize,
    lex: &Lexicon,
    doc: &DocVocab,
    min_doc: u32,
    ctx: Context,
    scratch: &mut RepairScratch,
) {
    let mut chars = run.chars();
    let first = chars.next().unwrap_or(' ');
    if run.chars().count() < 4 || !run.chars().all(char::is_alphabetic) || !chars.all(char::is_lowercase) {
        return;
    }
    let strictness = if first.is_uppercase() { Strictness::Capitalized } else { Strictness::Normal };
    scratch.lower.clear();
    scratch.bounds.clear();
    for c in run.chars() {
        scratch.bounds.push(scratch.lower.len());
        // Keep one char per char so offsets map back to the original.
        let lc = c.to_lowercase().next().unwrap_or(c);
        scratch.lower.push(if lc.len_utf8() == c.len_utf8() { lc } else { c });
    }
    scratch.bounds.push(scratch.lower.len());
    let lower = scratch.lower.as_str();
    let key = (lower.to_string(), strictness == Strictness::Capitalized);
    let cuts = match scratch.seen.get(&key) {
        Some(c) => c.clone(),
        None => {
            let c = if is_known(lex, lower) || !has_known_ends(lex, doc, lower, &scratch.bounds) {
                None
            } else {
                segment(lex, doc, lower, &scratch.bounds, strictness, &mut scratch.seg)
            };
            scratch.seen.insert(key, c.clone());
            c
        }
    };
    let Some(cuts) = cuts else {
        return;
    };
    let lower = scratch.lower.as_str();
    // A word the document uses elsewhere is a word ("Mazhilis", "akimat"),
    // unless it is plain glue around a function word ("ofthe", "Republicof"),
    // which random damage repeats too.
    if doc.count(lower) >= min_doc {
        let first = &lower[..cuts[0]];
        let last = &lower[cuts[cuts.len() - 1]..];
        if !(FUNCTION_EDGES.contains(&first) || FUNCTION_EDGES.contains(&last)) {
            return;
        }
    }
    if strictness == Strictness::Capitalized && !accept_capitalized(lower, &cuts, lex, doc, ctx) {
        return;
    }
    scratch.breaks.extend(cuts.into_iter().map(|c| (at + c, RepairRule::Segment)));
}

/// Cheap filter before the segmenter: a run of glued words starts with a
/// known word and ends with one. Most unknown runs are names ("Atamkulov")
/// and fail here.
fn has_known_ends(lex: &Lexicon, doc: &DocVocab, w: &str, bounds: &[usize]) -> bool {
    let n = bounds.len() - 1;
    let known = |p: &str| lex.contains(p) || doc.count(p) >= 1;
    let heads: Vec<usize> = (1..n).filter(|&i| known(&w[..bounds[i]])).collect();
    !heads.is_empty()
        && ((1..n).any(|i| known(&w[bounds[i]..]))
            || heads.iter().any(|&i| w.len() - bounds[i] >= 6 && segment::derived_rank(lex, &w[bounds[i]..]).is_some()))
}

/// A capitalized run may be a name made of words ("Brownback"): split it
/// only with evidence of glue.
fn accept_capitalized(lower: &str, cuts: &[usize], lex: &Lexicon, doc: &DocVocab, ctx: Context) -> bool {
    let first = &lower[..cuts[0]];
    let last = &lower[cuts[cuts.len() - 1]..];
    // The first piece is a name this document writes on its own, or a
    // word of a gazetteer name ("Statewelcomed", "Ministerdiscussed")
    // followed by ordinary words.
    if doc.capitalized(first) >= 1 && first.len() >= 4 {
        return true;
    }
    let ordinary_rest = cuts.len() == 1 && last.len() >= 3 && lex.rank(last).is_some_and(|r| r <= 30_000);
    if lex.is_name_word(first) && first.len() >= 4 && ordinary_rest {
        return true;
    }
    // The remaining rules see two words only: a three-piece reading of a
    // capitalized run is usually a name cut up ("Brown back and").
    let two = cuts.len() == 1;
    if two && GLUE_TAIL.contains(&last) && first.len() >= 4 {
        return true;
    }
    if ctx.in_name || !two {
        return false;
    }
    let common_first = lex.rank(first).is_some_and(|r| r <= 20_000);
    (GLUE_TAIL_SHORT.contains(&last) && first.len() >= 5 && common_first)
        || GLUE_HEAD.contains(&first)
        || ctx.sentence_initial
}

/// Splits tokens at the breaks (sorted by offset after this call).
fn apply_breaks(tokens: &[Token], breaks: &[(usize, RepairRule)], out: &mut Vec<Token>) {
    let mut sorted: Vec<usize> = breaks.iter().map(|b| b.0).collect();
    sorted.sort_unstable();
    let mut bi = 0;
    for &t in tokens {
        while bi < sorted.len() && sorted[bi] < t.span.start {
            bi += 1;
        }
        let mut cur = t;
        if bi < sorted.len() && sorted[bi] == t.span.start {
            cur.space_before = true;
            cur.repaired = true;
            bi += 1;
        }
        while bi < sorted.len() && sorted[bi] < t.span.end {
            let at = sorted[bi];
            out.push(Token { span: Span::new(cur.span.start, at), ..cur });
            cur = Token { span: Span::new(at, t.span.end), space_before: true, breaks_before: 0, repaired: true, ..t };
            bi += 1;
        }
        out.push(cur);
    }
}

/// Groups breaks into repairs covering the words on either side.
fn collect_repairs(input: &str, out: &[Token], breaks: &[(usize, RepairRule)], repairs: &mut Vec<Repair>) {
    let mut sorted = breaks.to_vec();
    sorted.sort_unstable_by_key(|b| b.0);
    sorted.dedup_by_key(|b| b.0);
    let mut extents: Vec<(Span, RepairRule, Vec<usize>)> = Vec::new();
    let mut j = 0;
    for (at, rule) in sorted {
        while j < out.len() && out[j].span.start < at {
            j += 1;
        }
        if j == 0 || j >= out.len() {
            continue;
        }
        let mut start = out[j - 1].span.start;
        if out[j - 1].kind == TokenKind::Punct && j >= 2 && !out[j - 1].space_before {
            start = out[j - 2].span.start;
        }
        // "€270million": a currency sign glued before the number belongs to it.
        let first = out.partition_point(|t| t.span.start < start);
        if first > 0
            && !out[first].space_before
            && matches!(&input[out[first - 1].span], "$" | "\u{20AC}" | "\u{00A3}" | "\u{00A5}")
        {
            start = out[first - 1].span.start;
        }
        // "11thmember": the number the ordinal belongs to is part of it.
        while let Some(f) =
            Some(out.partition_point(|t| t.span.start < start)).filter(|&f| f < out.len() && out[f].span.start == start)
        {
            if f == 0 || out[f].space_before || out[f - 1].kind != TokenKind::Number {
                break;
            }
            start = out[f - 1].span.start;
        }
        let mut end = out[j].span.end;
        // An initial: "SamuelD.", and the patronymic "MikhailYu.".
        let single_cap = {
            let mut cs = input[out[j].span].chars();
            cs.next().is_some_and(char::is_uppercase)
                && (cs.next().is_none() || input[out[j].span].chars().count() == 2)
        };
        // "Korea(ROK)": the bracketed word goes with the bracket.
        if &input[out[j].span] == "(" {
            let mut e = j;
            while e + 1 < out.len() && !out[e + 1].space_before && out[e + 1].kind != TokenKind::Url {
                e += 1;
                if &input[out[e].span] == ")" {
                    break;
                }
            }
            end = out[e].span.end;
        }
        let next_glued = |t: &str| out.get(j + 1).is_some_and(|n| !n.space_before && &input[n.span] == t);
        if (single_cap && next_glued(".")) || next_glued("'s") || next_glued("\u{2019}s") {
            end = out[j + 1].span.end;
        }
        // A hyphenated compound is reported whole ("Ambassador-at-Largefor").
        let mut a = if start == out[j - 1].span.start { j - 1 } else { j - 2 };
        while a >= 2 && !out[a].space_before && &input[out[a - 1].span] == "-" && !out[a - 1].space_before {
            a -= 2;
            start = out[a].span.start;
        }
        let mut b = j;
        while b + 2 < out.len()
            && &input[out[b + 1].span] == "-"
            && !out[b + 1].space_before
            && !out[b + 2].space_before
        {
            b += 2;
            end = end.max(out[b].span.end);
        }
        let span = Span::new(start, end);
        match extents.last_mut() {
            Some(last) if last.0.end > span.start => {
                last.0 = last.0.cover(span);
                last.2.push(at);
            }
            _ => extents.push((span, rule, vec![at])),
        }
    }
    for (span, rule, points) in extents {
        let original = &input[span];
        let mut replacement = String::with_capacity(original.len() + points.len());
        let mut prev = span.start;
        for p in points {
            replacement.push_str(&input[prev..p]);
            replacement.push(' ');
            prev = p;
        }
        replacement.push_str(&input[prev..span.end]);
        repairs.push(Repair { span, original: original.to_string(), replacement, rule });
    }
}
