//! Property tests: no panic and valid spans on arbitrary input.

use communique::{Document, Extractor, Span};
use proptest::prelude::*;

fn check_span(text: &str, span: Span) {
    assert!(span.start <= span.end && span.end <= text.len(), "span {span:?} outside input");
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "span {span:?} off char boundary");
}

fn check(text: &str, doc: &Document) {
    for r in &doc.repairs {
        check_span(text, r.span);
        assert_eq!(&text[r.span], r.original);
        assert_eq!(r.replacement.replace(' ', ""), r.original.replace(' ', ""), "repairs only insert spaces");
    }
    for t in &doc.tokens {
        check_span(text, t.span);
    }
    for s in &doc.sentences {
        check_span(text, s.span);
    }
    for e in &doc.entities {
        check_span(text, e.span);
        assert_eq!(&text[e.span], e.text);
        for m in &e.mentions {
            check_span(text, m.span);
            assert_eq!(&text[m.span], m.text);
        }
    }
    for r in &doc.relations {
        check_span(text, r.span);
        for p in &r.participants {
            assert!(doc.entity(p).is_some(), "relation names unknown entity {p}");
        }
    }
}

/// Text in the genre, glued at random, with non-ASCII and punctuation.
fn gluey_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the",
        "Minister",
        "met",
        "with",
        "Ambassador",
        "Gísladóttir",
        "of",
        "Kazakhstan’s",
        "U.S.",
        "1,000",
        "event,",
        "SamuelD.",
        "«Neighbors»",
        "–",
        "Türkiye",
        "Nur-Sultan",
        "talks.",
        "ODIHR",
        "mfa.gov.kz",
        "e.g.",
        "No.",
        "5",
        "received",
        "\u{a0}",
        "\n\n",
        "日本",
        "🙂",
        "a.i.",
        "Mr.",
        "R.Sklyar",
        "(OSCE/ODIHR)",
        "’",
        "\u{301}",
        "5.4million",
        "3.5.",
        "12memoranda",
        "11thmember",
        "MikhailYu.",
        "Korea(ROK)",
        "€270million",
        "e-VidyaBharati",
        "1.2.3",
        "..",
        ".5",
        "x.y.z",
        "Sheikh",
        "SAKURAI",
        "(",
        ")",
        "counterpart",
        "Minister",
        "of",
        ",",
    ]);
    prop::collection::vec((words, prop::sample::select(vec!["", " ", " ", "\n"])), 0..60)
        .prop_map(|v| v.into_iter().map(|(w, sep)| format!("{w}{sep}")).collect())
}

/// Lines of every fixture, to recombine into new documents.
fn fixture_lines() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut lines = Vec::new();
    for e in std::fs::read_dir(dir).expect("fixtures/").flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(e.path()).expect("UTF-8 fixture");
            lines.extend(text.lines().filter(|l| !l.trim().is_empty()).map(String::from));
        }
    }
    lines.sort();
    lines
}

/// Documents made of fixture lines in random order, cut at random.
fn recombined() -> impl Strategy<Value = String> {
    let lines = fixture_lines();
    prop::collection::vec((prop::sample::select(lines), 0usize..400, prop::bool::ANY), 1..12).prop_map(|parts| {
        let mut doc = String::new();
        for (line, cut, whole) in parts {
            let mut end = if whole { line.len() } else { cut.min(line.len()) };
            while !line.is_char_boundary(end) {
                end -= 1;
            }
            doc.push_str(&line[..end]);
            doc.push_str(if cut % 3 == 0 { " " } else { "\n\n" });
        }
        doc
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let doc = Extractor::new().extract(&text);
        check(&text, &doc);
    }

    #[test]
    fn recombined_fixture_lines_keep_spans_valid(text in recombined()) {
        let doc = Extractor::new().extract(&text);
        check(&text, &doc);
    }

    #[test]
    fn glued_genre_text_keeps_spans_valid(text in gluey_text()) {
        let doc = Extractor::new().extract(&text);
        check(&text, &doc);
    }
}
