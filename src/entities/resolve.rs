//! Resolution: mentions that name the same person, body, place or date
//! become one entity; short and title-only mentions join their referent.

use super::bodies::BodyMention;
use super::dates::DateMention;
use super::persons::PersonMention;
use super::{seniority, Ctx};
use crate::document::{Entity, EntityKind, Mention, Role};
use crate::gazetteer::EntryKind;
use crate::span::Span;
use crate::text::normalize::fold;
use std::collections::HashMap;

struct PersonCluster {
    /// Folded name words.
    words: Vec<String>,
    name: String,
    first: Span,
    mentions: Vec<Span>,
    titles: Vec<super::persons::TitleInfo>,
    rule: &'static str,
}

/// Builds the document's entities with ids in order of first mention.
pub(crate) fn entities(
    ctx: &Ctx,
    persons: Vec<PersonMention>,
    bodies: Vec<BodyMention>,
    dates: Vec<DateMention>,
) -> Vec<Entity> {
    let mut out = Vec::new();
    let dominant = dominant_country(ctx, &persons);
    let mut in_names: Vec<bool> = vec![false; ctx.tokens.len()];
    out.extend(person_entities(ctx, persons, dominant, &mut in_names));
    // Regions named inside a body's name ("Asia and the Pacific Division")
    // are part of the name, not places the article mentions.
    let chunks: Vec<Span> =
        bodies.iter().filter(|b| b.source == "rule:body.institution_chunk").map(|b| b.span).collect();
    out.extend(body_entities(ctx, bodies));
    out.extend(place_entities(ctx, &chunks, &in_names));
    out.extend(date_entities(ctx, dates));
    for e in out.iter_mut().filter(|e| e.kind == EntityKind::Body || e.kind.is_place()) {
        let mut aliases: Vec<String> = std::mem::take(&mut e.aliases);
        let mut seen: crate::hash::FxHashSet<&str> = Default::default();
        for m in &e.mentions {
            if m.text == e.canonical || !seen.insert(m.text.as_str()) {
                continue;
            }
            let a = repaired_span(ctx, m.span);
            if a != e.canonical && !aliases.contains(&a) {
                aliases.push(a);
            }
        }
        if let Some(a) = &e.acronym {
            if !aliases.contains(a) {
                aliases.push(a.clone());
            }
        }
        e.aliases = aliases;
    }
    out.sort_by_key(|e| (e.span.start, e.span.end));
    let mut ids = HashMap::new();
    for (i, e) in out.iter_mut().enumerate() {
        let id = format!("e{}", i + 1);
        ids.insert(e.canonical.clone(), id.clone());
        e.id = id;
    }
    for e in out.iter_mut() {
        if let Some(p) = e.part_of.take() {
            e.part_of = ids.get(&p).cloned();
        }
    }
    out
}

/// A name as a reader writes it: repaired, and with a space after an
/// initial written against the surname ("S.Turay" -> "S. Turay").
fn spaced_initials(ctx: &Ctx, a: usize, b: usize) -> String {
    let mut s = String::new();
    for i in a..b {
        let after_initial = i >= 2
            && i > a
            && ctx.text(i - 1) == "."
            && ctx.text(i - 2).chars().count() <= 2
            && ctx.text(i - 2).starts_with(char::is_uppercase)
            && ctx.is_cap(i);
        if i > a && (ctx.tokens[i].space_before || after_initial) {
            s.push(' ');
        }
        s.push_str(ctx.text(i));
    }
    s
}

/// The text of a span with its repairs applied.
fn repaired_span(ctx: &Ctx, span: Span) -> String {
    let a = ctx.tokens.partition_point(|t| t.span.end <= span.start);
    let b = ctx.tokens.partition_point(|t| t.span.start < span.end);
    if a >= b {
        return ctx.input[span].to_string();
    }
    ctx.repaired(a, b)
}

fn mention(ctx: &Ctx, span: Span) -> Mention {
    Mention { span, text: ctx.input[span].to_string() }
}

fn name_words(ctx: &Ctx, a: usize, b: usize) -> Vec<String> {
    // Particles do not identify a person: "Von Ahlefeldt" at a sentence
    // start is "Friederike von Ahlefeldt".
    (a..b)
        .filter(|&k| ctx.is_cap(k) && ctx.text(k).chars().count() > 1)
        .filter(|&k| !super::persons::PARTICLES_LIST.contains(&ctx.lower(k)))
        .map(|k| ctx.lower(k).to_string())
        .collect()
}

/// The country of the last place named before `at` in the same sentence
/// ("In Baku, she will meet President X").
fn place_before(ctx: &Ctx, at: usize) -> Option<usize> {
    let sentence = ctx.sentences.iter().find(|s| s.span.start <= at && at < s.span.end)?;
    // Matches are in text order: only those between the sentence start and `at`.
    let lo = ctx.matches.partition_point(|m| ctx.tokens[m.first].span.start < sentence.span.start);
    let hi = ctx.matches.partition_point(|m| ctx.tokens[m.first].span.start < at);
    ctx.matches[lo..hi.max(lo)].iter().rev().find_map(|m| {
        let e = &ctx.gaz.entries[m.entry];
        match e.kind {
            EntryKind::Country => Some(m.entry),
            EntryKind::City => e.parent,
            _ => None,
        }
    })
}

/// `in_names` is set for tokens that repeat a person's given name before
/// the surname ("Milan Dragović" again): they are no place mentions.
fn person_entities(
    ctx: &Ctx,
    persons: Vec<PersonMention>,
    dominant: Option<usize>,
    in_names: &mut [bool],
) -> Vec<Entity> {
    let un_name = ctx
        .matches
        .iter()
        .map(|m| &ctx.gaz.entries[m.entry])
        .find(|e| e.kind == EntryKind::Body && e.id == "UN")
        .map(|e| e.canonical.clone());
    let mut clusters: Vec<PersonCluster> = Vec::new();
    let mut title_only = Vec::new();
    // Longer names first so short mentions find their full form.
    let mut named: Vec<PersonMention> = Vec::new();
    for m in persons {
        if m.name.0 == m.name.1 {
            title_only.push(m);
        } else {
            named.push(m);
        }
    }
    named.sort_by_key(|m| std::cmp::Reverse(name_words(ctx, m.name.0, m.name.1).len()));
    for m in named {
        let words = name_words(ctx, m.name.0, m.name.1);
        if words.is_empty() {
            continue;
        }
        let span = Span::new(ctx.tokens[m.name.0].span.start, ctx.tokens[m.name.1 - 1].span.end);
        let found = clusters
            .iter()
            .position(|c| c.words == words)
            .or_else(|| clusters.iter().position(|c| words.iter().all(|w| c.words.contains(w))));
        match found {
            Some(ci) => {
                let c = &mut clusters[ci];
                c.mentions.push(m.span);
                if span.start < c.first.start && words.len() == c.words.len() {
                    c.first = span;
                }
                c.titles.extend(m.title);
            }
            None => clusters.push(PersonCluster {
                words,
                name: spaced_initials(ctx, m.name.0, m.name.1),
                first: span,
                mentions: vec![m.span],
                titles: m.title.into_iter().collect(),
                rule: m.rule,
            }),
        }
    }
    // Bare mentions of a known surname or full name ("Dauren Abayev informed").
    let mut by_surname: crate::hash::FxHashMap<String, usize> = Default::default();
    for (ci, c) in clusters.iter().enumerate() {
        if let Some(l) = c.words.last() {
            by_surname.entry(l.clone()).or_insert(ci);
        }
    }
    for k in 0..ctx.tokens.len() {
        if ctx.taken[k] || !ctx.is_cap(k) || ctx.covered[k].is_some() {
            continue;
        }
        if let Some(c) = by_surname.get(ctx.lower(k)).map(|&ci| &mut clusters[ci]) {
            let mut s = ctx.tokens[k].span;
            // The given name written before the surname belongs to the mention.
            if k > 0
                && c.words.len() >= 2
                && ctx.lower(k - 1) == c.words[c.words.len() - 2]
                && ctx.tokens[k].breaks_before == 0
            {
                in_names[k - 1] = true;
                s = ctx.tokens[k - 1].span.cover(s);
            }
            if !c.mentions.iter().any(|m| m.contains(s)) {
                c.mentions.push(s);
            }
        }
    }
    // Title-only mentions ("the Kazakh Minister") join the nearest earlier
    // person with the same title head, else any with that head. Each
    // cluster's named mention starts, sorted, answer "last mention before"
    // by binary search.
    let starts: Vec<Vec<usize>> = clusters
        .iter()
        .map(|c| {
            let mut v: Vec<usize> = c.mentions.iter().map(|s| s.start).collect();
            v.sort_unstable();
            v
        })
        .collect();
    let last_before = |ci: usize, at: usize| -> Option<usize> {
        let v = &starts[ci];
        v.partition_point(|&s| s < at).checked_sub(1).map(|i| v[i])
    };
    let count_before = |ci: usize, at: usize| starts[ci].partition_point(|&s| s < at);
    let initials: Vec<Vec<String>> = clusters
        .iter()
        .map(|c| {
            c.titles
                .iter()
                .map(|ct| {
                    ct.text.split([' ', '-']).filter_map(|w| w.chars().next()).filter(|ch| ch.is_uppercase()).collect()
                })
                .collect()
        })
        .collect();
    for m in title_only {
        let Some(t) = m.title else { continue };
        // "EAM" is the External Affairs Minister: an acronym title matches
        // the initials of a full one.
        let acronym = t.text.chars().all(|ch| ch.is_ascii_uppercase()) && t.text.len() >= 2;
        let fits = |ci: usize| {
            let c = &clusters[ci];
            c.titles.iter().zip(&initials[ci]).any(|(ct, ini)| {
                ct.head == t.head || ct.folded.contains(&t.head) || (acronym && ini.ends_with(&t.text))
            }) && (t.country.is_none() || c.titles.iter().any(|ct| ct.country.is_none() || ct.country == t.country))
        };
        let at = m.span.start;
        let before = (0..clusters.len())
            .filter(|&ci| fits(ci))
            .filter_map(|ci| last_before(ci, at).map(|s| (s, ci)))
            .max()
            .map(|(_, ci)| ci);
        // No title with that head: the most mentioned earlier person of the
        // same class ("the Head of State" after "President Karanja").
        let same_class = || {
            (0..clusters.len())
                .filter(|&ci| clusters[ci].titles.iter().any(|ct| ct.class == t.class) && count_before(ci, at) > 0)
                .max_by_key(|&ci| count_before(ci, at))
        };
        if let Some(ci) = before.or_else(|| (0..clusters.len()).find(|&ci| fits(ci))).or_else(same_class) {
            clusters[ci].mentions.push(m.span);
        }
    }
    clusters
        .into_iter()
        .map(|mut c| {
            c.mentions.sort();
            c.mentions.dedup();
            let best = c.titles.iter().max_by_key(|t| (seniority(t.class), t.text.len()));
            let class = best.map_or(EntityKind::Person, |t| t.class);
            let country = c.titles.iter().find_map(|t| t.country);
            // "Special Representative of the Secretary-General", "Assistant
            // Secretary-General": UN offices when the article names the UN.
            let un_office = c
                .titles
                .iter()
                .any(|t| t.folded.contains("secretary-general") || t.folded.contains("secretary general"));
            let body = c
                .titles
                .iter()
                .find_map(|t| t.body.clone())
                .or_else(|| (un_office && country.is_none()).then(|| un_name.clone()).flatten());
            let local = place_before(ctx, c.first.start);
            let country_name = country.or(local).or(dominant).map(|i| ctx.gaz.entries[i].canonical.clone());
            let affiliation = match class {
                EntityKind::Person => None,
                EntityKind::Official => body.or(country_name),
                _ => country.map(|i| ctx.gaz.entries[i].canonical.clone()).or(body).or(country_name),
            };
            let title = best.map(|t| t.text.clone());
            Entity {
                id: String::new(),
                kind: class,
                canonical: c.name.clone(),
                text: ctx.input[c.first].to_string(),
                span: c.first,
                mentions: c.mentions.iter().map(|&s| mention(ctx, s)).collect(),
                role: Some(Role { class, title, affiliation }),
                acronym: None,
                part_of: None,
                aliases: Vec::new(),
                source: format!("rule:{}", c.rule),
            }
        })
        .collect()
}

fn body_entities(ctx: &Ctx, bodies: Vec<BodyMention>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    // Folded canonical names and acronyms -> entity index.
    let mut index: crate::hash::FxHashMap<String, usize> = Default::default();
    for b in bodies {
        let key = fold(&b.canonical);
        let existing = index.get(&key).or_else(|| b.acronym.as_ref().and_then(|a| index.get(&fold(a)))).copied();
        match existing {
            Some(i) => {
                let e = &mut out[i];
                e.mentions.push(mention(ctx, b.span));
                if e.acronym.is_none() {
                    if let Some(a) = &b.acronym {
                        index.insert(fold(a), i);
                    }
                    e.acronym = b.acronym;
                }
            }
            None => {
                index.insert(key, out.len());
                if let Some(a) = &b.acronym {
                    index.entry(fold(a)).or_insert(out.len());
                }
                out.push(Entity {
                    id: String::new(),
                    kind: EntityKind::Body,
                    canonical: b.canonical,
                    text: b.text,
                    span: b.span,
                    mentions: vec![mention(ctx, b.span)],
                    role: None,
                    acronym: b.acronym,
                    part_of: b.parent,
                    aliases: b.known_aliases,
                    source: b.source,
                })
            }
        }
    }
    out
}

fn place_entities(ctx: &Ctx, chunks: &[Span], in_names: &[bool]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut by_entry: HashMap<usize, usize> = HashMap::new();
    // A country that ends a body's name is mentioned too ("State Council of China").
    let mut matches: Vec<crate::gazetteer::GazMatch> = ctx.matches.clone();
    for m in &ctx.matches {
        if ctx.gaz.entries[m.entry].kind != EntryKind::Body {
            continue;
        }
        if let Some(k) = (m.first..m.last).rev().find(|&k| ctx.lower(k) == "of") {
            let q = if k + 1 < m.last && ctx.lower(k + 1) == "the" { k + 2 } else { k + 1 };
            if q < m.last {
                if let Some(e) = ctx.gaz.lookup(&ctx.repaired(q, m.last)) {
                    if ctx.gaz.entries[e].kind == EntryKind::Country {
                        matches.push(crate::gazetteer::GazMatch { entry: e, first: q, last: m.last });
                    }
                }
            }
        }
    }
    matches.sort_by_key(|m| m.first);
    for m in &matches {
        let e = &ctx.gaz.entries[m.entry];
        let kind = match e.kind {
            EntryKind::Country => EntityKind::Country,
            EntryKind::City => EntityKind::City,
            EntryKind::Region => EntityKind::Region,
            _ => continue,
        };
        if ctx.taken[m.first] || in_names[m.first] {
            continue;
        }
        if kind == EntityKind::Region {
            let at = ctx.tokens[m.first].span;
            if chunks.iter().any(|c| c.contains(at)) {
                continue;
            }
        }
        let span = Span::new(ctx.tokens[m.first].span.start, ctx.tokens[m.last - 1].span.end);
        match by_entry.get(&m.entry) {
            Some(&i) => out[i].mentions.push(mention(ctx, span)),
            None => {
                by_entry.insert(m.entry, out.len());
                out.push(Entity {
                    id: String::new(),
                    kind,
                    canonical: e.canonical.clone(),
                    text: ctx.input[span].to_string(),
                    span,
                    mentions: vec![mention(ctx, span)],
                    role: None,
                    acronym: None,
                    part_of: None,
                    aliases: Vec::new(),
                    source: format!("gazetteer:{}:{}", e.file, e.id),
                });
            }
        }
    }
    out
}

fn date_entities(ctx: &Ctx, dates: Vec<DateMention>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for d in dates {
        match out.iter_mut().find(|e| e.canonical == d.iso) {
            Some(e) => e.mentions.push(mention(ctx, d.span)),
            None => out.push(Entity {
                id: String::new(),
                kind: EntityKind::Date,
                canonical: d.iso,
                text: ctx.input[d.span].to_string(),
                span: d.span,
                mentions: vec![mention(ctx, d.span)],
                role: None,
                acronym: None,
                part_of: None,
                aliases: Vec::new(),
                source: format!("rule:{}", d.rule),
            }),
        }
    }
    out
}

/// The country the document is about: that of the dateline city when
/// the article opens with one, else the most mentioned country (countries
/// and their adjectives).
fn dominant_country(ctx: &Ctx, persons: &[PersonMention]) -> Option<usize> {
    let opening = ctx.input.len().min(300);
    for m in &ctx.matches {
        if ctx.tokens[m.first].span.start >= opening {
            break;
        }
        let e = &ctx.gaz.entries[m.entry];
        if e.kind == EntryKind::City && e.parent.is_some() && ctx.text(m.first).chars().all(|c| !c.is_lowercase()) {
            return e.parent;
        }
    }
    // Countries named inside other people's titles ("ROK Foreign Minister")
    // say whom those people serve, not what the article is about.
    let in_title = |start: usize| {
        persons
            .iter()
            .filter_map(|p| p.title.as_ref())
            .any(|t| t.country.is_some() && t.span.start <= start && start < t.span.end)
    };
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for m in ctx.matches.iter().filter(|m| !in_title(ctx.tokens[m.first].span.start)) {
        let e = &ctx.gaz.entries[m.entry];
        let c = match e.kind {
            EntryKind::Country => Some(m.entry),
            EntryKind::Adjective => e.parent,
            _ => None,
        };
        if let Some(c) = c {
            *counts.entry(c).or_insert(0) += 1;
        }
    }
    counts.into_iter().max_by_key(|&(c, n)| (n, std::cmp::Reverse(c))).map(|(c, _)| c)
}
