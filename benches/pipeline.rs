//! Throughput of the pipeline over the fixtures, in bytes per second.

use communique::Extractor;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).expect("fixture is UTF-8")).collect()
}

fn pipeline(c: &mut Criterion) {
    let docs = fixtures();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    let full = Extractor::new();
    // Every fixture as its own document, as a user extracts articles.
    group.bench_function("extract", |b| {
        b.iter(|| docs.iter().map(|d| full.extract(std::hint::black_box(d)).entities.len()).sum::<usize>())
    });
    let repair_only = Extractor::builder().entities(false).build().expect("bundled data builds");
    group.bench_function("tokenize_repair", |b| {
        b.iter(|| docs.iter().map(|d| repair_only.extract(std::hint::black_box(d)).repairs.len()).sum::<usize>())
    });
    group.finish();
    c.bench_function("build_extractor", |b| b.iter(|| Extractor::builder().build().expect("bundled data builds")));
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
