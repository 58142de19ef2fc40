//! Absolute dates in the formats wires use, normalized to ISO 8601.

use crate::span::Span;
use crate::text::sentence::Sentence;
use regex::Regex;
use std::sync::LazyLock;

/// A date found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateMention {
    pub iso: String,
    pub span: Span,
    pub rule: &'static str,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

static PATTERNS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    let p = |s: String| Regex::new(&s).expect("date pattern compiles");
    vec![
        // "May 7, 2019", "Jan. 7 2024"
        (
            p(format!(
                r"(?-u:\b)(?P<m>{MONTHS})\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)[0-9][0-9])(?-u:\b)"
            )),
            "date.month_day_year",
        ),
        // "7 May 2019", "20 May, 2024"
        (
            p(format!(
                r"(?-u:\b)(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTHS}),?\s+(?P<y>(?:19|20)[0-9][0-9])(?-u:\b)"
            )),
            "date.day_month_year",
        ),
        // "2019-05-07"
        (p(r"(?-u:\b)(?P<y>(?:19|20)[0-9][0-9])-(?P<mn>[0-9][0-9])-(?P<d>[0-9][0-9])(?-u:\b)".to_string()), "date.iso"),
        // "07.05.2019", "8.05.2019", "07/05/2019" (day first, as wires outside the US write it)
        (
            p(r"(?-u:\b)(?P<d>[0-9]{1,2})[./](?P<mn>[0-9]{1,2})[./](?P<y>(?:19|20)[0-9][0-9])(?-u:\b)".to_string()),
            "date.numeric_dmy",
        ),
    ]
});

fn month_number(m: &str) -> Option<u32> {
    let m = m.trim_end_matches('.').to_ascii_lowercase();
    let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    names.iter().position(|n| m.starts_with(n)).map(|i| i as u32 + 1)
}

/// All dates, in text order, without overlaps.
pub(crate) fn find(input: &str, _sentences: &[Sentence]) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    // Every date has a four-digit year: run the patterns only on a short
    // window ending at each year, not over the whole text.
    let bytes = input.as_bytes();
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let year = (bytes[i] == b'1' && bytes[i + 1] == b'9' || bytes[i] == b'2' && bytes[i + 1] == b'0')
            && bytes[i + 2].is_ascii_digit()
            && bytes[i + 3].is_ascii_digit()
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.' || bytes[i - 1] == b'/')
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_alphanumeric());
        if year {
            let mut lo = i.saturating_sub(32);
            while !input.is_char_boundary(lo) {
                lo -= 1;
            }
            let mut hi = (i + 10).min(input.len());
            while !input.is_char_boundary(hi) {
                hi += 1;
            }
            windows.push((lo, hi));
            i += 4;
        } else {
            i += 1;
        }
    }
    for (re, rule) in PATTERNS.iter() {
        for &(lo, hi) in &windows {
            for c in re.captures_iter(&input[lo..hi]) {
                let Some(whole) = c.get(0) else { continue };
                let span = Span::new(lo + whole.start(), lo + whole.end());
                if out.iter().any(|d| d.span.overlaps(span)) {
                    continue;
                }
                let y: u32 = c.name("y").and_then(|y| y.as_str().parse().ok()).unwrap_or(0);
                let mo = match (c.name("m"), c.name("mn")) {
                    (Some(m), _) => month_number(m.as_str()),
                    (None, Some(mn)) => mn.as_str().parse().ok(),
                    _ => None,
                };
                let d: u32 = c.name("d").and_then(|d| d.as_str().parse().ok()).unwrap_or(0);
                let Some(mo) = mo.filter(|m| (1..=12).contains(m)) else { continue };
                if !(1..=31).contains(&d) {
                    continue;
                }
                out.push(DateMention { iso: format!("{y:04}-{mo:02}-{d:02}"), span, rule });
            }
        }
    }
    out.sort_by_key(|d| d.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isos(s: &str) -> Vec<String> {
        find(s, &[]).into_iter().map(|d| d.iso).collect()
    }

    #[test]
    fn wire_formats_normalize_to_iso() {
        assert_eq!(isos("WARSAW, May 7, 2019 – As part"), ["2019-05-07"]);
        assert_eq!(isos("on 7 May 2024 and 07.05.2024 and 2024-05-07"), ["2024-05-07", "2024-05-07", "2024-05-07"]);
        assert_eq!(isos("Created at : 8.05.2019, 11:00"), ["2019-05-08"]);
        assert_eq!(isos("Resolution 60/251 of March 15, 2006"), ["2006-03-15"]);
    }

    #[test]
    fn the_modal_may_is_not_a_date() {
        assert!(isos("observers may 2 or 3 times visit; it may 2019").is_empty());
    }
}
