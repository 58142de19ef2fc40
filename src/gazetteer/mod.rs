//! Gazetteers: countries, places, bodies and titles, parsed from TSV files
//! and compiled into one Aho-Corasick automaton over folded text.

mod parse;

use crate::document::EntityKind;
use crate::error::BuildError;
use crate::text::normalize::fold;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
pub use parse::{GazetteerFile, GazetteerFormat};

/// What a gazetteer entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// A country: its name or a formal name.
    Country,
    /// A nationality adjective ("Kazakh"): points at its country, names no place.
    Adjective,
    /// A city.
    City,
    /// A region.
    Region,
    /// An organization or institution.
    Body,
    /// A title of office with the person class it implies.
    Title(EntityKind),
    /// A form of address ("Mr.", "H.E.", "Elbasy"), dropped from names.
    Honorific,
}

/// One gazetteer record.
#[derive(Clone, Debug)]
pub struct Entry {
    /// What it names.
    pub kind: EntryKind,
    /// The id of the record ("KZ", "ODIHR"), or the title itself.
    pub id: String,
    /// Canonical name (country short name, body full name, the title).
    pub canonical: String,
    /// For adjectives, cities, and bodies: the index of an entry it belongs
    /// to (the country of an adjective or city, the parent body).
    pub parent: Option<usize>,
    /// The name is also an ordinary word or a personal name.
    pub ambiguous: bool,
    /// A short form that needs an acronym reading (bodies' acronyms).
    pub acronym: Option<String>,
    /// Other names of a body ("State Department" for the United States
    /// Department of State).
    pub aliases: Vec<String>,
    /// The file the record came from (for provenance).
    pub file: String,
}

/// One searchable form of an entry.
#[derive(Clone, Debug)]
struct Pattern {
    entry: usize,
    /// Upper-case forms ("US", "WHO", "UN") match only as written.
    exact: Option<String>,
}

/// All gazetteers, compiled.
#[derive(Debug)]
pub struct Gazetteer {
    /// Records, indexed by pattern payloads.
    pub entries: Vec<Entry>,
    patterns: Vec<Pattern>,
    automaton: AhoCorasick,
    /// Folded words of all names, for the repair stage and name detection.
    pub words: crate::hash::FxHashSet<String>,
    /// Folded form -> entry, for exact lookups of a whole phrase.
    by_form: crate::hash::FxHashMap<String, usize>,
}

/// A gazetteer match over the folded stream of a document.
#[derive(Clone, Copy, Debug)]
pub struct GazMatch {
    /// The entry.
    pub entry: usize,
    /// Token range (repaired tokens) the match covers.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
}

impl Gazetteer {
    /// Compiles parsed files.
    pub fn build(files: &[GazetteerFile]) -> Result<Gazetteer, BuildError> {
        let mut entries: Vec<Entry> = Vec::new();
        let mut forms: Vec<(String, Pattern)> = Vec::new();
        let mut country_ids = std::collections::HashMap::new();
        let mut body_ids = std::collections::HashMap::new();
        // Countries first: adjectives and cities point at them.
        let mut ordered: Vec<&GazetteerFile> = files.iter().collect();
        ordered.sort_by_key(|f| f.order());
        let mut parents: Vec<(usize, String)> = Vec::new();
        for file in ordered {
            for rec in &file.records {
                let idx = entries.len();
                let push_forms = |forms: &mut Vec<(String, Pattern)>, names: &[String], entry: usize| {
                    for n in names {
                        let exact = is_acronym(n).then(|| n.clone());
                        forms.push((fold_pattern(n), Pattern { entry, exact }));
                    }
                };
                match rec {
                    parse::Record::Country { id, name, aliases, adjectives, ambiguous, .. } => {
                        country_ids.insert(id.clone(), idx);
                        entries.push(entry(EntryKind::Country, id, name, None, *ambiguous, &file.name));
                        let mut names = vec![name.clone()];
                        names.extend(aliases.iter().cloned());
                        push_forms(&mut forms, &names, idx);
                        if !adjectives.is_empty() {
                            let a = entries.len();
                            entries.push(entry(EntryKind::Adjective, id, name, Some(idx), false, &file.name));
                            push_forms(&mut forms, adjectives, a);
                        }
                    }
                    parse::Record::Place { name, kind, country, aliases, ambiguous } => {
                        let parent = country_ids.get(country).copied();
                        let k = if kind == "region" { EntryKind::Region } else { EntryKind::City };
                        entries.push(entry(k, name, name, parent, *ambiguous, &file.name));
                        let mut names = vec![name.clone()];
                        names.extend(aliases.iter().cloned());
                        push_forms(&mut forms, &names, idx);
                    }
                    parse::Record::Body { id, name, aliases, parent, ambiguous } => {
                        body_ids.insert(id.clone(), idx);
                        let mut e = entry(EntryKind::Body, id, name, None, false, &file.name);
                        e.acronym = aliases.iter().find(|a| is_acronym(a)).cloned();
                        e.aliases = aliases.clone();
                        entries.push(e);
                        if !parent.is_empty() {
                            parents.push((idx, parent.clone()));
                        }
                        forms.push((fold_pattern(name), Pattern { entry: idx, exact: None }));
                        for a in aliases {
                            // A risky short form must be written exactly.
                            let exact =
                                (is_acronym(a) || (*ambiguous && a.split_whitespace().count() <= 2)).then(|| a.clone());
                            forms.push((fold_pattern(a), Pattern { entry: idx, exact }));
                        }
                    }
                    parse::Record::Title { title, class, flags } => {
                        let kind = match class {
                            Some(c) => EntryKind::Title(*c),
                            None => EntryKind::Honorific,
                        };
                        entries.push(entry(kind, title, title, None, flags.contains("name"), &file.name));
                        let exact = (is_acronym(title) || flags.contains("generic")).then(|| title.clone());
                        forms.push((fold_pattern(title), Pattern { entry: idx, exact: exact.clone() }));
                        // "the Ambassadors of ...", "the prime ministers of ...".
                        if let Some(plural) = plural_title(title).filter(|_| class.is_some()) {
                            forms.push((
                                fold_pattern(&plural),
                                Pattern { entry: idx, exact: exact.map(|_| plural.clone()) },
                            ));
                        }
                    }
                }
            }
        }
        for (idx, parent) in parents {
            entries[idx].parent = body_ids.get(&parent).copied();
        }
        let mut words = crate::hash::FxHashSet::default();
        for (f, _) in &forms {
            for w in f.split(|c: char| !c.is_alphanumeric()) {
                if w.len() >= 2 {
                    words.insert(w.to_string());
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Both)
            .build(forms.iter().map(|(f, _)| f.as_str()))
            .map_err(|e| BuildError::Matcher { what: "gazetteer", reason: e.to_string() })?;
        let mut by_form = crate::hash::FxHashMap::default();
        for (f, p) in &forms {
            if p.exact.is_none() {
                by_form.entry(f.clone()).or_insert(p.entry);
            }
        }
        let patterns = forms.into_iter().map(|(_, p)| p).collect();
        Ok(Gazetteer { entries, patterns, automaton, words, by_form })
    }

    /// The entry whose name or alias is exactly `phrase` (folded).
    pub fn lookup(&self, phrase: &str) -> Option<usize> {
        self.by_form.get(&fold_pattern(phrase)).copied()
    }

    /// All boundary-respecting matches over a folded stream. `starts` and
    /// `ends` give each token's byte range in the stream; `original` gives
    /// each match's original text for exact-case patterns.
    pub fn find<'t>(
        &self,
        stream: &str,
        starts: &[usize],
        ends: &[usize],
        original: &dyn Fn(usize, usize) -> &'t str,
    ) -> Vec<GazMatch> {
        let mut out = Vec::new();
        // Names start at token starts: an anchored, leftmost-longest search
        // from each one (most fail on the first byte) instead of a scan of
        // every byte.
        let mut first = 0;
        while first < starts.len() {
            let at = starts[first];
            let mut found = self
                .automaton
                .find(aho_corasick::Input::new(stream).span(at..stream.len()).anchored(aho_corasick::Anchored::Yes));
            // The longest match from here that ends on a token end and, for
            // acronyms, is written as listed: "OSCE" when "OSCE PA" ran into
            // "OSCE participating".
            let mut accepted = None;
            while let Some(m) = found {
                let last = ends.binary_search(&m.end()).ok();
                let p = &self.patterns[m.pattern().as_usize()];
                let case_ok = last.is_some_and(|last| {
                    p.exact.as_ref().is_none_or(|exact| {
                        let written = original(first, last + 1);
                        written == exact.as_str() || written.replace('\u{2019}', "'") == exact.replace('\u{2019}', "'")
                    })
                });
                if let (true, Some(last)) = (case_ok, last) {
                    accepted = Some(GazMatch { entry: p.entry, first, last: last + 1 });
                    break;
                }
                // Try again with the span ending at the previous token end.
                let i = ends.partition_point(|&e| e < m.end());
                found = i.checked_sub(1).map(|j| ends[j]).filter(|&e| e > at).and_then(|e| {
                    self.automaton
                        .find(aho_corasick::Input::new(stream).span(at..e).anchored(aho_corasick::Anchored::Yes))
                });
            }
            match accepted {
                Some(g) => {
                    first = g.last;
                    out.push(g);
                }
                None => first += 1,
            }
        }
        out
    }
}

fn entry(kind: EntryKind, id: &str, canonical: &str, parent: Option<usize>, ambiguous: bool, file: &str) -> Entry {
    let file = file.rsplit('/').next().unwrap_or(file).trim_start_matches("bundled:").to_string();
    Entry {
        kind,
        id: id.to_string(),
        canonical: canonical.to_string(),
        parent,
        ambiguous,
        acronym: None,
        aliases: Vec::new(),
        file,
    }
}

/// The plural of a title: its head noun (the last word before "of", or
/// the last word) takes an "s". None for titles that cannot be plural.
fn plural_title(title: &str) -> Option<String> {
    if is_acronym(title) || title.ends_with('.') {
        return None;
    }
    let (head, rest) = match title.find(" of ") {
        Some(i) => (&title[..i], &title[i..]),
        None => (title, ""),
    };
    let last = head.rsplit([' ', '-']).next()?;
    if last.is_empty() || !last.chars().all(char::is_alphabetic) || last.ends_with('s') {
        return None;
    }
    let plural = if last.ends_with('y') && !last.ends_with("ey") {
        format!("{}ies", &head[..head.len() - 1])
    } else {
        format!("{head}s")
    };
    Some(format!("{plural}{rest}"))
}

/// "US", "U.S.", "WHO", "OSCE/ODIHR": written in capitals, short.
fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 8 && letters.iter().all(|c| c.is_uppercase()) && !s.contains(' ')
}

/// The folded form of a pattern: the same folding as the text stream, with
/// whitespace collapsed to single spaces.
pub fn fold_pattern(s: &str) -> String {
    fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}
