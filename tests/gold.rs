//! Scores the extraction of every fixture against its hand-written gold
//! (fixtures/gold/*.json), as ../shared/eval/score.py does: persons and
//! places by name, bodies by name or alias, meetings as unordered pairs.

use communique::{Document, Extractor};
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;

fn norm(s: &str) -> String {
    let s = s.replace('\u{2019}', "'").replace(['\u{2013}', '\u{2014}'], "-");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_matches(|c| ".,;:".contains(c)).to_lowercase();
    s.strip_prefix("the ").map(String::from).unwrap_or(s)
}

#[derive(Default)]
struct Prf {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Prf {
    fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Matches system items (each a set of names) against gold records.
fn score(sys: Vec<Vec<String>>, gold: &[Value], prf: &mut Prf) {
    let keys: Vec<HashSet<String>> = gold
        .iter()
        .map(|g| {
            let mut k: HashSet<String> = [norm(g["name"].as_str().unwrap_or(""))].into();
            for a in g["aliases"].as_array().into_iter().flatten() {
                k.insert(norm(a.as_str().unwrap_or("")));
            }
            k
        })
        .collect();
    let mut matched = HashSet::new();
    let mut seen = HashSet::new();
    for names in sys {
        match keys.iter().position(|k| names.iter().any(|n| k.contains(n))) {
            Some(gi) => {
                if matched.insert(gi) && !gold[gi]["optional"].as_bool().unwrap_or(false) {
                    prf.tp += 1;
                }
            }
            None => {
                if seen.insert(names[0].clone()) {
                    prf.fp += 1;
                }
            }
        }
    }
    prf.fn_ +=
        (0..gold.len()).filter(|gi| !matched.contains(gi) && !gold[*gi]["optional"].as_bool().unwrap_or(false)).count();
}

fn score_doc(doc: &Document, gold: &Value, s: &mut [Prf; 4]) {
    let arr = |k: &str| gold[k].as_array().cloned().unwrap_or_default();
    let names = |e: &communique::Entity| {
        let mut v = vec![norm(&e.canonical), norm(&e.text)];
        v.extend(e.aliases.iter().map(|a| norm(a)));
        v.extend(e.acronym.iter().map(|a| norm(a)));
        v
    };
    let persons: Vec<_> =
        doc.entities.iter().filter(|e| e.kind.is_person()).map(|e| vec![norm(&e.canonical)]).collect();
    score(persons, &arr("persons"), &mut s[0]);
    let bodies: Vec<_> = doc.entities.iter().filter(|e| e.kind == communique::EntityKind::Body).map(names).collect();
    score(bodies, &arr("bodies"), &mut s[1]);
    let places: Vec<_> = doc.entities.iter().filter(|e| e.kind.is_place()).map(names).collect();
    score(places, &arr("places"), &mut s[2]);
    let canon = |n: String| -> String {
        arr("persons").iter().find(|g| norm(g["name"].as_str().unwrap_or("")) == n).map_or(n.clone(), |_| n)
    };
    let pair = |a: String, b: String| if a < b { (a, b) } else { (b, a) };
    let got: HashSet<(String, String)> = doc
        .relations
        .iter()
        .filter(|r| r.kind == "met")
        .filter_map(|r| {
            let a = doc.entity(&r.participants[0])?;
            let b = doc.entity(&r.participants[1])?;
            Some(pair(canon(norm(&a.canonical)), canon(norm(&b.canonical))))
        })
        .collect();
    let mut want = HashSet::new();
    let mut maybe = HashSet::new();
    for m in arr("meetings") {
        let p: Vec<String> =
            m["participants"].as_array().into_iter().flatten().map(|x| norm(x.as_str().unwrap_or(""))).collect();
        if p.len() == 2 {
            let k = pair(p[0].clone(), p[1].clone());
            if m["optional"].as_bool().unwrap_or(false) {
                maybe.insert(k);
            } else {
                want.insert(k);
            }
        }
    }
    let got: HashSet<_> = got.difference(&maybe).cloned().collect();
    s[3].tp += got.intersection(&want).count();
    s[3].fp += got.difference(&want).count();
    s[3].fn_ += want.difference(&got).count();
}

fn run(filter: &dyn Fn(&str) -> bool) -> [f64; 4] {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let ex = Extractor::new();
    let mut s: [Prf; 4] = Default::default();
    let mut paths: Vec<_> =
        std::fs::read_dir(root.join("gold")).expect("gold/").filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for gp in paths {
        let stem = gp.file_stem().and_then(|s| s.to_str()).expect("name").to_string();
        if !filter(&stem) {
            continue;
        }
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&gp).expect("gold")).expect("gold JSON");
        let text = std::fs::read_to_string(root.join(format!("{stem}.txt"))).expect("fixture text");
        score_doc(&ex.extract(&text), &gold, &mut s);
    }
    let f = s.map(|p| p.f1());
    eprintln!("F1 persons {:.3} bodies {:.3} places {:.3} meetings {:.3}", f[0], f[1], f[2], f[3]);
    f
}

#[test]
fn seed_articles_score_perfectly() {
    let f = run(&|stem| stem.starts_with('0'));
    assert!(f.iter().all(|&x| x >= 0.99), "{f:?}");
}

/// Our own development fixtures (1xx, 2xx). The entity and meeting issues
/// aim at persons and places .95, bodies .85 and meetings .90; these
/// floors are what the extractor reaches today and must not slip.
#[test]
fn own_fixtures_hold_their_scores() {
    let f = run(&|stem| stem.starts_with('1') || stem.starts_with('2'));
    let floors = [0.96, 0.91, 0.95, 0.92];
    for (got, floor) in f.iter().zip(floors) {
        assert!(*got >= floor, "{f:?} below {floors:?}");
    }
}

/// Held-out fixtures (3xx, 4xx, 5xx): written blind, from outlets and naming
/// conventions the rules were not developed on; they measure how the rules
/// generalize. Floors are today's scores.
#[test]
fn held_out_fixtures_hold_their_scores() {
    let f = run(&|stem| stem.starts_with('3') || stem.starts_with('4') || stem.starts_with('5'));
    let floors = [0.96, 0.88, 0.94, 0.93];
    for (got, floor) in f.iter().zip(floors) {
        assert!(*got >= floor, "{f:?} below {floors:?}");
    }
}
