//! Synthetic run-together test: remove the space between adjacent words at
//! random (7%, fixed seeds) in every fixture, then measure the recall of the
//! removed spaces and the false splits per 1,000 tokens on undamaged text.
//! Mirrors ../shared/eval/join_eval.py.

use communique::Extractor;
use std::collections::HashSet;
use std::path::Path;

/// The bars of the foundation issue.
const MIN_RECALL: f64 = 0.95;
const MAX_FALSE_PER_1K: f64 = 0.1;

/// A small deterministic generator (SplitMix64), so no RNG crate is needed.
struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A whitespace token whose facing side is a letter, with nothing else
/// between that letter and the space.
fn core_ok(tok: &str, left: bool) -> bool {
    let chars: Vec<char> = tok.chars().collect();
    let i = chars.iter().position(|c| c.is_alphabetic());
    let j = chars.iter().rposition(|c| c.is_alphabetic());
    match (i, j) {
        (Some(i), Some(j)) => {
            chars[i..=j].iter().all(|c| c.is_alphabetic()) && if left { j == chars.len() - 1 } else { i == 0 }
        }
        _ => false,
    }
}

/// Removes spaces; returns the damaged text and the byte offsets of the joins.
fn damage(text: &str, rate: f64, rng: &mut Rng, protected: &HashSet<String>) -> (String, HashSet<usize>) {
    let mut toks = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                toks.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        toks.push((s, text.len()));
    }
    let mut cuts = Vec::new();
    let mut k = 0;
    while k + 1 < toks.len() {
        let ((a, b), (c, d)) = (toks[k], toks[k + 1]);
        let (t1, t2) = (&text[a..b], &text[c..d]);
        if c == b + 1
            && text.as_bytes()[b] == b' '
            && !protected.contains(t1)
            && !protected.contains(t2)
            && core_ok(t1, true)
            && core_ok(t2, false)
            && rng.next_f64() < rate
        {
            cuts.push(b);
            k += 2;
            continue;
        }
        k += 1;
    }
    let mut out = String::with_capacity(text.len());
    let mut points = HashSet::new();
    let mut prev = 0;
    for b in cuts {
        out.push_str(&text[prev..b]);
        points.insert(out.len());
        prev = b + 1;
    }
    out.push_str(&text[prev..]);
    (out, points)
}

/// Offsets where a repair inserted spaces, or None when it did more.
fn inserted_points(start: usize, original: &str, replacement: &str) -> Option<Vec<usize>> {
    let (o, r) = (original.as_bytes(), replacement.as_bytes());
    let (mut i, mut j, mut pts) = (0, 0, Vec::new());
    while i < o.len() && j < r.len() {
        if o[i] == r[j] {
            i += 1;
            j += 1;
        } else if r[j] == b' ' {
            pts.push(start + i);
            j += 1;
        } else {
            return None;
        }
    }
    (i == o.len() && j == r.len()).then_some(pts)
}

fn gold_repairs(stem: &str) -> HashSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/gold").join(format!("{stem}.json"));
    let Ok(text) = std::fs::read_to_string(path) else { return HashSet::new() };
    let gold: serde_json::Value = serde_json::from_str(&text).expect("gold is JSON");
    gold["repairs"]
        .as_array()
        .map(|a| a.iter().filter_map(|r| r[0].as_str().map(String::from)).collect())
        .unwrap_or_default()
}

/// Recall of removed spaces and false splits per 1,000 tokens over the
/// fixtures whose stem passes `keep`.
fn measure(keep: &dyn Fn(&str) -> bool) -> (f64, f64) {
    let paths: Vec<_> = crate::fixture_paths()
        .into_iter()
        .filter(|p| p.file_stem().and_then(|s| s.to_str()).is_some_and(keep))
        .collect();
    let ex = Extractor::new();
    let (mut tp, mut fn_, mut fp, mut ntok) = (0usize, 0usize, 0usize, 0usize);
    let mut report = Vec::new();
    for seed in [1u64, 2, 3, 4, 5] {
        let mut rng = Rng(seed);
        for p in &paths {
            let stem = p.file_stem().and_then(|s| s.to_str()).expect("name").to_string();
            let text = std::fs::read_to_string(p).expect("UTF-8 fixture");
            let known = gold_repairs(&stem);
            let (dmg, want) = damage(&text, 0.07, &mut rng, &known);
            ntok += dmg.split_whitespace().count();
            let doc = ex.extract(&dmg);
            let mut got = HashSet::new();
            for r in &doc.repairs {
                let Some(pts) = inserted_points(r.span.start, &r.original, &r.replacement) else { continue };
                if known.iter().any(|k| r.original.contains(k.as_str())) {
                    continue;
                }
                got.extend(pts);
            }
            tp += want.intersection(&got).count();
            fn_ += want.difference(&got).count();
            for &q in got.difference(&want) {
                fp += 1;
                let mut lo = q.saturating_sub(15);
                while !dmg.is_char_boundary(lo) {
                    lo -= 1;
                }
                let mut hi = (q + 15).min(dmg.len());
                while !dmg.is_char_boundary(hi) {
                    hi += 1;
                }
                report.push(format!("false split {stem}: {}|{}", &dmg[lo..q], &dmg[q..hi]));
            }
        }
    }
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let per_1k = fp as f64 * 1000.0 / ntok.max(1) as f64;
    eprintln!(
        "joins recall {recall:.4} ({tp}/{}), false splits {fp} = {per_1k:.3} per 1k tokens ({ntok} tokens)",
        tp + fn_
    );
    for r in &report {
        eprintln!("  {r}");
    }
    (recall, per_1k)
}

/// The seeds and the development fixtures (0xx-2xx): the bars.
#[test]
fn glued_words_are_found_without_false_splits() {
    let (recall, per_1k) = measure(&|s| s.starts_with(['0', '1', '2']));
    assert!(recall >= MIN_RECALL, "recall {recall:.4} below {MIN_RECALL}");
    assert!(per_1k <= MAX_FALSE_PER_1K, "{per_1k:.3} false splits per 1k tokens above {MAX_FALSE_PER_1K}");
}

/// The held-out fixtures (3xx-5xx), written blind: today's levels, held so
/// they cannot slip. Their remaining false splits are camel-case brands
/// ("airBaltic", "SoftBank") and unknown compounds.
#[test]
fn held_out_glued_words() {
    let (recall, per_1k) = measure(&|s| s.starts_with(['3', '4', '5']));
    assert!(recall >= 0.92, "recall {recall:.4} below 0.92");
    assert!(per_1k <= 0.5, "{per_1k:.3} false splits per 1k tokens above 0.5");
}
