//! Tokenizer: words, numbers, punctuation and URLs with byte spans.
//!
//! Whitespace-delimited chunks are cut into tokens with Unicode word
//! boundaries (UAX #29, from `unicode-segmentation`) and then refined:
//! letters and digits are separated ("1,000religious" -> "1,000" +
//! "religious"), a dot inside a word that is not an abbreviation is cut
//! ("reports.The"), possessive clitics stand alone ("Kazakhstan" + "’s"),
//! and URLs and e-mail addresses stay whole. No token ever crosses
//! whitespace and no byte of the input is rewritten.

use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (possibly with internal apostrophes or abbreviation dots).
    Word,
    /// Digits, possibly with internal separators ("1,000", "8.05.2019").
    Number,
    /// A single punctuation or symbol character, or a possessive clitic.
    Punct,
    /// A URL, domain name or e-mail address, kept whole.
    Url,
}

/// One token: a span of the original text and what precedes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the original text.
    pub span: Span,
    /// Its kind.
    pub kind: TokenKind,
    /// Whitespace separates it from the previous token in the original.
    pub space_before: bool,
    /// Line breaks in that whitespace (capped at 2: 2 means a blank line).
    pub breaks_before: u8,
    /// The repair stage put a space before this token that the original
    /// lacks (the token touches the previous one in the input).
    pub repaired: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, input: &'t str) -> &'t str {
        &input[self.span]
    }
}

/// Tokenizes `input`, appending to `out` (which is cleared first).
pub fn tokenize(input: &str, out: &mut Vec<Token>) {
    out.clear();
    let mut space = false;
    let mut breaks: u8 = 0;
    let mut chunk_start = None;
    for (i, c) in input.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                chunk(input, s, i, space, breaks, out);
                breaks = 0;
            }
            space = true;
            if c == '\n' {
                breaks = breaks.saturating_add(1).min(2);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        chunk(input, s, input.len(), space, breaks, out);
    }
}

/// Tokens of one whitespace-free chunk `input[start..end]`.
fn chunk(input: &str, start: usize, end: usize, space: bool, breaks: u8, out: &mut Vec<Token>) {
    let first = out.len();
    let text = &input[start..end];
    if let Some(word_end) = plain_word(text) {
        // Fast path: an ASCII word with at most trailing punctuation, the
        // shape of most chunks; UAX #29 would give the same tokens.
        out.push(glued(Span::new(start, start + word_end), TokenKind::Word));
        for (k, _) in text[word_end..].char_indices() {
            out.push(glued(Span::new(start + word_end + k, start + word_end + k + 1), TokenKind::Punct));
        }
    } else if let Some(url) = url_extent(text) {
        let (lead, body) = (url.start, url.end);
        push_segments(input, start, start + lead, out);
        out.push(glued(Span::new(start + lead, start + body), TokenKind::Url));
        push_segments(input, start + body, end, out);
    } else {
        push_segments(input, start, end, out);
    }
    if let Some(t) = out.get_mut(first) {
        t.space_before = space;
        t.breaks_before = breaks;
    }
}

/// Length of the leading ASCII-letter word when the chunk is such a word
/// followed only by ASCII closing punctuation ("event", "talks.", "Minister,").
fn plain_word(chunk: &str) -> Option<usize> {
    let b = chunk.as_bytes();
    let n = b.iter().position(|c| !c.is_ascii_alphabetic()).unwrap_or(b.len());
    if n == 0 {
        return None;
    }
    b[n..].iter().all(|c| matches!(c, b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'"')).then_some(n)
}

/// UAX #29 word-bound segments of `input[start..end]`, refined.
fn push_segments(input: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    if start >= end {
        return;
    }
    for (off, seg) in input[start..end].split_word_bound_indices() {
        let s = start + off;
        let first = seg.chars().next().unwrap_or(' ');
        if first.is_alphanumeric() {
            refine_word(input, s, s + seg.len(), out);
        } else {
            // Punctuation: one token per character.
            for (k, c) in seg.char_indices() {
                let b = s + k;
                out.push(glued(Span::new(b, b + c.len_utf8()), TokenKind::Punct));
            }
        }
    }
}

fn glued(span: Span, kind: TokenKind) -> Token {
    Token { span, kind, space_before: false, breaks_before: 0, repaired: false }
}

/// Splits a UAX #29 word into letter runs, digit runs, clitics and dots.
fn refine_word(input: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &input[start..end];
    // Abbreviations with inner dots ("U.S", "e.g", "a.i") stay whole; a dot
    // between digits belongs to the number ("5.4million").
    let bytes = word.as_bytes();
    let cut_dot = |k: usize| {
        bytes[k] == b'.'
            && !(k > 0 && k + 1 < bytes.len() && bytes[k - 1].is_ascii_digit() && bytes[k + 1].is_ascii_digit())
    };
    if !is_abbreviation(word) && !is_numeric(word) && (0..bytes.len()).any(cut_dot) {
        let mut s = start;
        for k in (0..bytes.len()).filter(|&k| cut_dot(k)) {
            refine_word(input, s, start + k, out);
            out.push(glued(Span::new(start + k, start + k + 1), TokenKind::Punct));
            s = start + k + 1;
        }
        refine_word(input, s, end, out);
        return;
    }
    if start >= end {
        return;
    }
    // A clitic glued to the next word ("Vietnam’scontribution") is cut
    // after the "s"; the repair stage decides whether a space is missing.
    if let Some(k) = glued_clitic(word) {
        refine_word(input, start, start + k, out);
        refine_word(input, start + k, end, out);
        return;
    }
    // A possessive clitic stands alone: "Kazakhstan’s" -> "Kazakhstan" "’s".
    let (body_end, clitic) = match clitic_start(word) {
        Some(k) => (start + k, true),
        None => (end, false),
    };
    // Runs of letters versus digits (with their inner separators).
    let body = &input[start..body_end];
    let mut run_start = start;
    let mut run_digit: Option<bool> = None;
    let mut iter = body.char_indices().peekable();
    while let Some((k, c)) = iter.next() {
        let digit = if c.is_numeric() {
            true
        } else if c.is_alphabetic() || is_word_joiner(c) {
            // Separators inside a digit run stay with it ("1,000", "3.5").
            run_digit == Some(true) && is_number_separator(c) && iter.peek().is_some_and(|&(_, n)| n.is_numeric())
        } else {
            run_digit.unwrap_or(false)
        };
        match run_digit {
            Some(d) if d != digit => {
                let kind = if d { TokenKind::Number } else { TokenKind::Word };
                out.push(glued(Span::new(run_start, start + k), kind));
                run_start = start + k;
            }
            _ => {}
        }
        run_digit = Some(digit);
    }
    if run_start < body_end {
        let kind = if run_digit == Some(true) { TokenKind::Number } else { TokenKind::Word };
        out.push(glued(Span::new(run_start, body_end), kind));
    }
    if clitic {
        out.push(glued(Span::new(body_end, end), TokenKind::Punct));
    }
}

fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '_' | '\u{00B7}')
}

fn is_number_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\'' | '\u{2019}')
}

/// Byte offset of a trailing possessive "'s" / "’s" in `word`.
fn clitic_start(word: &str) -> Option<usize> {
    for ap in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(head) = word.strip_suffix(ap) {
            if head.chars().last().is_some_and(char::is_alphanumeric) {
                return Some(head.len());
            }
        }
    }
    None
}

/// Byte offset just after "’s" when a word follows it in the same token.
fn glued_clitic(word: &str) -> Option<usize> {
    for ap in ["'s", "\u{2019}s"] {
        if let Some(i) = word.find(ap) {
            let after = i + ap.len();
            let head_ok = word[..i].chars().count() >= 2 && word[..i].chars().all(char::is_alphabetic);
            let tail = &word[after..];
            if head_ok && tail.chars().count() >= 2 && tail.chars().all(char::is_alphabetic) {
                return Some(after);
            }
        }
    }
    None
}

/// "U.S", "e.g", "a.i", "U.S.A", "Ph.D": short letter groups between dots.
pub fn is_abbreviation(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 2 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

fn is_numeric(word: &str) -> bool {
    word.chars().all(|c| c.is_numeric() || is_number_separator(c))
}

/// Byte range of a URL, domain or e-mail address inside a chunk, without
/// surrounding brackets, quotes and trailing sentence punctuation.
fn url_extent(chunk: &str) -> Option<std::ops::Range<usize>> {
    let lead = chunk.len() - chunk.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let core = chunk[lead..].trim_end_matches(|c: char| !c.is_alphanumeric() && c != '/');
    if core.is_empty() {
        return None;
    }
    let lower_has = |p: &str| core.len() >= p.len() && core.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let url = core.contains("://") || lower_has("www.") || is_email(core) || is_domain(core);
    url.then(|| lead..lead + core.len())
}

fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, host)) => {
            !user.is_empty() && user.chars().all(|c| c.is_alphanumeric() || "._-+".contains(c)) && is_domain(host)
        }
        None => false,
    }
}

/// "kazinform.kz", "mfa.gov.kz/en": lower-case labels ending in a known
/// top-level domain. Sentence glue such as "reports.The" is not a domain.
fn is_domain(s: &str) -> bool {
    let host = s.split('/').next().unwrap_or(s);
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let ok_label =
        |l: &str| !l.is_empty() && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !labels.iter().all(|l| ok_label(l)) {
        return false;
    }
    let tld = labels[labels.len() - 1];
    const TLDS: &[&str] =
        &["com", "org", "net", "gov", "edu", "int", "info", "news", "biz", "mil", "eu", "io", "tv", "me", "online"];
    TLDS.contains(&tld) || (tld.len() == 2 && labels.iter().any(|l| l.len() > 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, TokenKind, bool)> {
        let mut out = Vec::new();
        tokenize(s, &mut out);
        out.iter().map(|t| (&s[t.span], t.kind, t.space_before)).collect()
    }

    fn texts(s: &str) -> Vec<&str> {
        toks(s).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(texts("in theevent, 1,000religious"), ["in", "theevent", ",", "1,000", "religious"]);
        assert_eq!(texts("event,the"), ["event", ",", "the"]);
        assert_eq!(texts("reports.The"), ["reports", ".", "The"]);
        assert_eq!(texts("8.05.2019, 11:00"), ["8.05.2019", ",", "11", ":", "00"]);
        assert_eq!(texts("5.4million"), ["5.4", "million"]);
        assert_eq!(texts("v2.0.Then"), ["v", "2.0", ".", "Then"]);
    }

    #[test]
    fn abbreviations_urls_and_clitics() {
        assert_eq!(texts("the U.S. Secretary"), ["the", "U.S", ".", "Secretary"]);
        assert_eq!(texts("see mfa.gov.kz."), ["see", "mfa.gov.kz", "."]);
        assert_eq!(texts("(press@mfa.kz)"), ["(", "press@mfa.kz", ")"]);
        assert_eq!(texts("Kazakhstan’s"), ["Kazakhstan", "’s"]);
        assert_eq!(texts("Nur-Sultan"), ["Nur", "-", "Sultan"]);
        assert_eq!(texts("R.Sklyar"), ["R", ".", "Sklyar"]);
    }

    #[test]
    fn records_whitespace_and_line_breaks() {
        let mut out = Vec::new();
        tokenize("A\u{a0}B\n\nC", &mut out);
        assert_eq!(out.len(), 3);
        assert!(out[1].space_before);
        assert_eq!(out[2].breaks_before, 2);
    }
}
