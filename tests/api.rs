//! The public API: thread safety, builder errors, span contract.

use communique::{BuildError, Extractor};
use std::io::Write;

#[test]
fn extractor_is_send_sync_and_clone() {
    fn assert_traits<T: Send + Sync + Clone + 'static>() {}
    assert_traits::<Extractor>();
    assert_traits::<communique::Document>();
}

#[test]
fn one_extractor_serves_many_threads() {
    let ex = std::sync::Arc::new(Extractor::new());
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let ex = ex.clone();
            std::thread::spawn(move || ex.extract("Minister Abayev took thefloor.").repairs.len())
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().expect("thread ran"), 1);
    }
}

#[test]
fn bad_lexicon_line_fails_with_file_and_line() {
    let mut f = tempfile::NamedTempFile::new().expect("temp file");
    writeln!(f, "# words\nsamruk 10\nkazyna lots").expect("write");
    let err = Extractor::builder().lexicon_file(f.path()).build().expect_err("bad line");
    assert!(matches!(err, BuildError::BadLine { line: 3, .. }), "{err}");
    assert!(err.to_string().contains(&format!("{}:3:", f.path().display())), "{err}");
}

#[test]
fn missing_data_file_is_an_io_error_naming_it() {
    let err = Extractor::builder().lexicon_file("/nonexistent/words.txt").build().expect_err("missing");
    assert!(matches!(err, BuildError::Io { .. }));
    assert!(err.to_string().contains("/nonexistent/words.txt"));
}

#[test]
fn known_words_are_never_split() {
    let text = "The Minister visited Samrukkazyna yesterday and Samrukkazyna replied.";
    let plain = Extractor::builder().repair(true).build().expect("builds");
    assert!(plain.extract(text).repairs.is_empty());
    let text = "They signed a roadmap.";
    let custom = Extractor::builder().known_words(["roadmap"]).build().expect("builds");
    assert!(custom.extract(text).repairs.is_empty());
}

#[test]
fn repairs_keep_original_offsets() {
    let text =
        "On the sidelines of theevent,the Kazakh Minister met SamuelD. Brownback and the\u{a0}Bureauof Democracy.";
    let doc = Extractor::new().extract(text);
    let got: Vec<(&str, &str)> = doc.repairs.iter().map(|r| (&text[r.span], r.replacement.as_str())).collect();
    assert_eq!(got, [("theevent,the", "the event, the"), ("SamuelD.", "Samuel D."), ("Bureauof", "Bureau of")]);
    for r in &doc.repairs {
        assert_eq!(&text[r.span], r.original);
    }
    assert_eq!(
        doc.repaired_text(text),
        "On the sidelines of the event, the Kazakh Minister met Samuel D. Brownback and the\u{a0}Bureau of Democracy."
    );
}

#[test]
fn repair_can_be_turned_off() {
    let ex = Extractor::builder().repair(false).build().expect("builds");
    assert!(ex.extract("theevent").repairs.is_empty());
}

#[test]
fn dateline_gives_date_and_place() {
    let doc = Extractor::new().extract("WARSAW, May 7, 2019 – Foreign Minister Beibut Atamkulov met the Director.");
    assert_eq!(doc.dateline.date.as_deref(), Some("2019-05-07"));
    assert_eq!(doc.dateline.place.as_deref(), Some("Warsaw"));
}
