//! Whole-document snapshots of every fixture (reviewed on change).

use communique::Extractor;

#[test]
fn every_fixture_matches_its_snapshot() {
    let paths = crate::fixture_paths();
    assert!(paths.len() >= 15, "expected the seeds and at least ten own fixtures");
    let ex = Extractor::new();
    for p in paths {
        let name = p.file_stem().and_then(|s| s.to_str()).expect("UTF-8 name").to_string();
        let text = std::fs::read_to_string(&p).expect("fixture is UTF-8");
        let doc = ex.extract(&text).with_source(format!("fixtures/{name}.txt"));
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!(name, doc);
        });
    }
}
