//! One integration-test binary; each module is one concern.

mod api;
mod cli;
mod gold;
mod join;
mod properties;
mod snapshots;

/// The fixture articles (`fixtures/*.txt`), sorted by name.
pub fn fixture_paths() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
}
