//! Throughput of the pipeline over the fixtures, in bytes per second.

use communique::Extractor;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn fixtures() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).expect("fixture is UTF-8")).collect::<Vec<_>>().join("\n\n")
}

fn pipeline(c: &mut Criterion) {
    let text = fixtures();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(text.len() as u64));
    let repair_only = Extractor::builder().build().expect("bundled data builds");
    group.bench_function("extract", |b| b.iter(|| repair_only.extract(std::hint::black_box(&text))));
    group.finish();
    c.bench_function("build_extractor", |b| b.iter(|| Extractor::builder().build().expect("bundled data builds")));
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
