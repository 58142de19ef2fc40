//! Persons from evidence: a title or honorific before a capitalized name,
//! an appositive title after it, bylines; title-only mentions for
//! coreference ("the Kazakh Minister").

use super::{Ctx, GazMatch};
use crate::document::EntityKind;
use crate::gazetteer::EntryKind;
use crate::span::Span;

/// A title as written with what it says about the holder.
#[derive(Clone, Debug)]
pub(crate) struct TitleInfo {
    pub class: EntityKind,
    pub text: String,
    /// `text` folded, for matching title-only mentions.
    pub folded: String,
    pub span: Span,
    /// Folded head word ("minister", "director").
    pub head: String,
    pub country: Option<usize>,
    pub body: Option<String>,
}

/// One mention of a person, named or by title only.
#[derive(Clone, Debug)]
pub(crate) struct PersonMention {
    /// Token range of the name (empty for title-only mentions).
    pub name: (usize, usize),
    pub title: Option<TitleInfo>,
    pub span: Span,
    pub rule: &'static str,
}

/// Modifiers that may precede a title ("Acting Deputy Assistant Secretary").
static MODIFIERS: std::sync::LazyLock<crate::hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| MODIFIERS_LIST.iter().copied().collect());

const MODIFIERS_LIST: &[&str] = &[
    "acting",
    "deputy",
    "first",
    "former",
    "vice",
    "senior",
    "chief",
    "special",
    "executive",
    "principal",
    "assistant",
    "permanent",
    "interim",
    "incoming",
    "outgoing",
    "newly",
    "appointed",
    "then",
    "current",
    "new",
    "under",
    "second",
];

/// Words that name portfolios and institutions inside titles ("Minister
/// of Information and Social Development"), never persons.
static PORTFOLIO: std::sync::LazyLock<crate::hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| PORTFOLIO_LIST.iter().copied().collect());

const PORTFOLIO_LIST: &[&str] = &[
    "information",
    "social",
    "development",
    "foreign",
    "affairs",
    "internal",
    "external",
    "defence",
    "defense",
    "economy",
    "economic",
    "national",
    "trade",
    "integration",
    "justice",
    "health",
    "healthcare",
    "education",
    "science",
    "higher",
    "culture",
    "sports",
    "sport",
    "energy",
    "ecology",
    "natural",
    "resources",
    "emergency",
    "situations",
    "digital",
    "innovation",
    "innovations",
    "aerospace",
    "industry",
    "labour",
    "labor",
    "protection",
    "population",
    "agriculture",
    "infrastructure",
    "transport",
    "communications",
    "tourism",
    "youth",
    "family",
    "finance",
    "finances",
    "state",
    "security",
    "civil",
    "democracy",
    "human",
    "rights",
    "religious",
    "freedom",
    "international",
    "public",
    "policy",
    "affairs",
    "planning",
    "investment",
    "investments",
    "water",
    "environment",
    "climate",
    "board",
    "management",
    "directors",
    "cabinet",
    "government",
    "people",
    "republic",
    "relations",
    "cooperation",
    "co-operation",
    "strategic",
    "strategy",
    "research",
    "technology",
    "technologies",
    "media",
    "mission",
    "delegation",
    "office",
    "committee",
    "council",
    "commission",
    "department",
    "bureau",
    "agency",
    "secretariat",
    "parliament",
    "senate",
    "assembly",
    "congress",
    "center",
    "centre",
    "administration",
    "staff",
    "president",
    "presidential",
    "affairs",
    "europe",
    "asia",
    "world",
    "global",
    "regional",
    "religions",
    "leaders",
    "traditional",
    "dialogue",
    "peace",
    "reconciliation",
    "observation",
    "election",
    "elections",
    "electoral",
    "central",
    "general",
    "political",
    "military",
    "armed",
    "forces",
    "police",
    "customs",
    "migration",
    "refugees",
    "law",
    "legal",
    "order",
    "and",
    "the",
    "of",
    "for",
    "on",
    "at",
    "in",
    "to",
    "a",
    "an",
    "institutions",
    "democratic",
    "multilateral",
    "bilateral",
    "consular",
    "protocol",
    "press",
    "service",
    "issues",
    "matters",
    "east",
    "west",
    "north",
    "south",
    "eurasian",
    "arab",
    "african",
    "american",
    "organization",
    "organisation",
    "united",
    "nations",
    "union",
    "interfaith",
    "inter-civilization",
    "civilization",
    "trust",
    "fund",
];

/// Capitalized words that never begin a name.
static NOT_NAME: std::sync::LazyLock<crate::hash::FxHashSet<&'static str>> = std::sync::LazyLock::new(|| {
    // Full month and day names only: "Jan" is also a given name.
    NOT_NAME_LIST
        .iter()
        .chain(super::MONTHS_AND_DAYS.iter().filter(|w| w.len() >= 4 || **w == "may"))
        .copied()
        .collect()
});

const NOT_NAME_LIST: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "he",
    "she",
    "they",
    "it",
    "his",
    "her",
    "their",
    "we",
    "our",
    "during",
    "after",
    "before",
    "also",
    "and",
    "but",
    "as",
    "for",
    "with",
    "from",
    "by",
    "to",
    "of",
    "among",
    "according",
    "last",
    "next",
    "today",
    "yesterday",
    "read",
    "more",
    "photo",
    "source",
    "tags",
    "related",
    "news",
    "share",
    "both",
    "while",
    "when",
    "where",
    "which",
    "who",
    "there",
    "here",
    "all",
    "each",
    "other",
    "such",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "then",
    "thus",
    "therefore",
    "speaking",
    "addressing",
    "following",
    "is",
    "was",
    "will",
    "has",
    "had",
    "have",
    "said",
    "noted",
    "stressed",
    "sides",
    "parties",
    "delegations",
    "ambassadors",
    "ministers",
    "edited",
    "written",
    "reporting",
    "photo",
    "credit",
    "subscribe",
];

/// Name particles written in lower case inside names.
static PARTICLES: std::sync::LazyLock<crate::hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| PARTICLES_LIST.iter().copied().collect());

pub(crate) const PARTICLES_LIST: &[&str] = &[
    "de", "da", "van", "der", "von", "al", "bin", "ibn", "el", "du", "la", "le", "di", "dos", "das", "del", "ter",
    "den", "zu", "ben", "abu", "y",
];

/// Finds person mentions in text order; marks name tokens as taken.
pub(crate) fn find(ctx: &mut Ctx) -> Vec<PersonMention> {
    let mut out = Vec::new();
    let n = ctx.tokens.len();
    let mut i = 0;
    while i < n {
        let Some(m) = ctx.match_at(i).copied() else {
            if let Some(end) = counterpart(ctx, i, &mut out) {
                i = end;
                continue;
            }
            i = bylines(ctx, i, &mut out);
            continue;
        };
        match ctx.kind_of(&m) {
            EntryKind::Title(class) => {
                let (title, after) = title_phrase(ctx, m, class);
                let p = skip_to_name(ctx, after);
                if let Some((start, end)) = name_at(ctx, p) {
                    take(ctx, start, end);
                    let span = Span::new(title.span.start, ctx.tokens[end - 1].span.end);
                    let head = title.clone();
                    out.push(PersonMention {
                        name: (start, end),
                        title: Some(title),
                        span,
                        rule: "person.title_before_name",
                    });
                    i = list_continuation(ctx, &head, end, &mut out);
                    continue;
                }
                // "Sheikh Abdullah bin Zayed, Minister of Foreign Affairs,": the
                // title belongs to the name just found before the comma.
                let before_comma = title_start_token(ctx, &title).checked_sub(1).filter(|&c| ctx.text(c) == ",");
                if let Some(prev) =
                    out.last_mut().filter(|pm| pm.title.is_none() && pm.name.1 > 0 && Some(pm.name.1) == before_comma)
                {
                    prev.span = prev.span.cover(title.span);
                    prev.title = Some(title);
                    prev.rule = "person.name_comma_title";
                    i = after.max(i + 1);
                    // "..., Deputy Prime Minister and Minister of Foreign Affairs,":
                    // a second title joined by "and" is the same person's.
                    if i + 1 < n && ctx.text(i) == "and" {
                        if let Some(m2) = ctx.match_at(i + 1).copied() {
                            if let EntryKind::Title(c2) = ctx.kind_of(&m2) {
                                let (t2, after2) = title_phrase(ctx, m2, c2);
                                if name_at(ctx, skip_to_name(ctx, after2)).is_none() {
                                    if let Some(t1) = out.last_mut().and_then(|p| p.title.as_mut()) {
                                        if super::seniority(t2.class) > super::seniority(t1.class) {
                                            t1.class = t2.class;
                                        }
                                        t1.text = format!("{} and {}", t1.text, t2.text);
                                        t1.folded = crate::text::normalize::fold(&t1.text);
                                        t1.country = t1.country.or(t2.country);
                                        t1.body = t1.body.clone().or(t2.body);
                                        t1.span = t1.span.cover(t2.span);
                                    }
                                    i = after2;
                                }
                            }
                        }
                    }
                    continue;
                }
                if let Some(start) = name_line_above(ctx, title_start_token(ctx, &title)) {
                    take(ctx, start.0, start.1);
                    let span = Span::new(ctx.tokens[start.0].span.start, title.span.end);
                    out.push(PersonMention { name: start, title: Some(title), span, rule: "person.name_line_title" });
                    i = after.max(i + 1);
                    continue;
                }
                if let Some(start) = appositive_name(ctx, m.first, &title) {
                    take(ctx, start.0, start.1);
                    let span = Span::new(ctx.tokens[start.0].span.start, title.span.end);
                    out.push(PersonMention { name: start, title: Some(title), span, rule: "person.name_comma_title" });
                } else {
                    let span = title.span;
                    out.push(PersonMention { name: (0, 0), title: Some(title), span, rule: "person.title_only" });
                }
                i = after.max(i + 1);
            }
            EntryKind::Honorific => match Some(skip_to_name(ctx, m.last))
                .and_then(|p0| name_at(ctx, p0).filter(|&(start, _)| start == p0))
            {
                Some((p, end)) => {
                    take(ctx, p, end);
                    let span = Span::new(ctx.tokens[m.first].span.start, ctx.tokens[end - 1].span.end);
                    out.push(PersonMention { name: (p, end), title: None, span, rule: "person.honorific_name" });
                    i = end;
                }
                None => i = m.last,
            },
            _ => i = m.last,
        }
    }
    // "The OSCE Chairperson-in-Office, Italy's Minister of Foreign Affairs
    // Federica Santangelo": a title followed by ", Title Name" is hers too.
    for k in 1..out.len() {
        let (before, rest) = out.split_at_mut(k);
        let (prev, next) = (&mut before[k - 1], &rest[0]);
        if prev.name.0 == prev.name.1 && next.name.0 < next.name.1 && next.title.is_some() {
            let gap = ctx.input.get(prev.span.end..next.span.start).unwrap_or("x");
            if gap.trim() == "," {
                prev.name = next.name;
                prev.rule = "person.title_comma_title_name";
            }
        }
    }
    out
}

/// "Elena Dimitrova-Novak\nLead Spokesperson ...": a title opening a line
/// under a line that holds only a name (press contacts, signatures).
fn name_line_above(ctx: &Ctx, title_first: usize) -> Option<(usize, usize)> {
    if title_first == 0 || ctx.tokens[title_first].breaks_before != 1 {
        return None;
    }
    // The first token of the line above.
    let mut a = title_first - 1;
    while a > 0 && ctx.tokens[a].breaks_before == 0 {
        a -= 1;
    }
    let (start, end) = name_at(ctx, a)?;
    (start == a && end == title_first && end - start >= 2).then_some((start, end))
}

/// The first token of a title phrase.
fn title_start_token(ctx: &Ctx, title: &TitleInfo) -> usize {
    ctx.tokens.partition_point(|t| t.span.start < title.span.start)
}

/// "his Saudi counterpart Prince Faisal", "her Azerbaijani counterpart
/// Jeyhun Bayramov": a counterpart holds the same kind of office as the
/// person the sentence is about, for the country of the adjective.
fn counterpart(ctx: &mut Ctx, i: usize, out: &mut Vec<PersonMention>) -> Option<usize> {
    if !matches!(ctx.lower(i), "counterpart" | "counterparts") {
        return None;
    }
    let model = out.iter().rev().find_map(|pm| pm.title.clone())?;
    let mut a = i;
    let mut country = None;
    if let Some(mi) = i.checked_sub(1).and_then(|p| ctx.covered[p]) {
        let pm = ctx.matches[mi];
        let e = &ctx.gaz.entries[pm.entry];
        country = match e.kind {
            EntryKind::Adjective => e.parent,
            EntryKind::Country => Some(pm.entry),
            _ => None,
        };
        if country.is_some() {
            a = pm.first;
        }
    }
    let p = skip_to_name(ctx, i + 1);
    let (start, end) = name_at(ctx, p).filter(|&(s, _)| s == p)?;
    take(ctx, start, end);
    let text = ctx.repaired(a, i + 1);
    let folded = crate::text::normalize::fold(&text);
    let span = Span::new(ctx.tokens[a].span.start, ctx.tokens[end - 1].span.end);
    let title = TitleInfo { text, folded, span, country, body: None, ..model };
    out.push(PersonMention { name: (start, end), title: Some(title), span, rule: "person.counterpart" });
    Some(end)
}

fn take(ctx: &mut Ctx, a: usize, b: usize) {
    ctx.taken[a..b].iter_mut().for_each(|t| *t = true);
}

/// "By Diana Aliyeva", "Edited by Brian Maguire": a byline name.
fn bylines(ctx: &mut Ctx, i: usize, out: &mut Vec<PersonMention>) -> usize {
    let t = ctx.text(i);
    // "Editor: Yoga Prasetya Wibisono", "Reporter: ..." at a line start.
    let label = matches!(ctx.lower(i), "editor" | "reporter" | "writer" | "author" | "correspondent" | "translator")
        && (i == 0 || ctx.tokens[i].breaks_before > 0)
        && i + 1 < ctx.tokens.len()
        && ctx.text(i + 1) == ":";
    if label {
        if let Some((start, end)) = name_at(ctx, i + 2).filter(|&(s, e)| s == i + 2 && e - s >= 2) {
            take(ctx, start, end);
            let span = Span::new(ctx.tokens[start].span.start, ctx.tokens[end - 1].span.end);
            out.push(PersonMention { name: (start, end), title: None, span, rule: "person.byline" });
            return end;
        }
    }
    if !t.eq_ignore_ascii_case("by") {
        return i + 1;
    }
    let prev = if i > 0 { ctx.text(i - 1) } else { "" };
    let line_start = ctx.tokens[i].breaks_before > 0
        || i == 0
        || matches!(prev, "[" | "(" | "|" | "Edited" | "edited" | "Photo" | "photo");
    if !line_start || (t == "by" && !matches!(prev, "Edited" | "edited" | "Photo" | "photo")) {
        return i + 1;
    }
    if let Some((_, end)) = name_at(ctx, i + 1).filter(|&(start, _)| start == i + 1) {
        if end - (i + 1) >= 2 {
            take(ctx, i + 1, end);
            let span = Span::new(ctx.tokens[i + 1].span.start, ctx.tokens[end - 1].span.end);
            out.push(PersonMention { name: (i + 1, end), title: None, span, rule: "person.byline" });
            return end;
        }
    }
    i + 1
}

/// From the end of a title phrase to where its holder's name starts:
/// over "," or a dash, an acronym in brackets ("(UNRCCA)"), a bracketed
/// gloss ("Akim (Mayor) of Almaty" is handled in the phrase) and
/// honorifics ("– Elbasy", "H.E.").
fn skip_to_name(ctx: &Ctx, mut p: usize) -> usize {
    let n = ctx.tokens.len();
    loop {
        // A bracketed acronym or aside: "(UNRCCA)", "(residence in Astana)".
        if p < n && ctx.text(p) == "(" {
            if let Some(close) = (p + 1..n.min(p + 8)).find(|&k| ctx.text(k) == ")") {
                p = close + 1;
                continue;
            }
        }
        if p < n && matches!(ctx.text(p), "," | "\u{2013}" | "\u{2014}") && ctx.tokens[p].breaks_before == 0 {
            p += 1;
            continue;
        }
        if let Some(h) = ctx.match_at(p).filter(|h| ctx.kind_of(h) == EntryKind::Honorific) {
            p = h.last;
            continue;
        }
        return p;
    }
}

/// "the Ambassadors of Spain A, of Estonia B and of Japan C": after the
/// first holder, more "of COUNTRY Name" items share the title.
fn list_continuation(ctx: &mut Ctx, head: &TitleInfo, mut end: usize, out: &mut Vec<PersonMention>) -> usize {
    let n = ctx.tokens.len();
    loop {
        let mut q = end;
        while q < n && matches!(ctx.text(q), "," | "and") && ctx.tokens[q].breaks_before == 0 {
            q += 1;
        }
        if q == end || q >= n || ctx.text(q) != "of" {
            return end;
        }
        q += 1;
        if q < n && ctx.lower(q) == "the" {
            q += 1;
        }
        let Some(m) = ctx.match_at(q).copied() else { return end };
        let e = &ctx.gaz.entries[m.entry];
        let country = match e.kind {
            EntryKind::Country => Some(m.entry),
            EntryKind::Adjective => e.parent,
            _ => return end,
        };
        let p = skip_to_name(ctx, m.last);
        let Some((start, stop)) = name_at(ctx, p).filter(|&(s, _)| s == p) else { return end };
        take(ctx, start, stop);
        let text = format!("{} of {}", head.text, ctx.repaired(m.first, m.last));
        let folded = crate::text::normalize::fold(&text);
        let span = Span::new(ctx.tokens[m.first].span.start, ctx.tokens[stop - 1].span.end);
        let title = TitleInfo { text, folded, span, country, body: None, ..head.clone() };
        out.push(PersonMention { name: (start, stop), title: Some(title), span, rule: "person.title_list" });
        end = stop;
    }
}

/// The whole title phrase around a title match: modifiers, adjectives and
/// bodies before it; "of X", "to Y", "for Z" complements and compound
/// titles after it. Returns the title and the token after it.
fn title_phrase(ctx: &Ctx, m: GazMatch, class: EntityKind) -> (TitleInfo, usize) {
    let mut class = class;
    let mut country = None;
    let mut body = None;
    // Where an extendable body name starts ("Senate" + "of the Parliament").
    let mut body_from: Option<usize> = None;
    // The phrase ends in a portfolio ("of Foreign Affairs"), which "and"
    // may continue ("and Trade"); a bare title ("EAM and ...") may not.
    let mut in_portfolio =
        (m.first..m.last).any(|k| matches!(ctx.text(k), "of" | "for")) && PORTFOLIO.contains(ctx.lower(m.last - 1));
    // Left: "Kazakh", "U.S.", "Poland's", "ODIHR", "UN", "Acting", "Deputy".
    let mut a = m.first;
    loop {
        if a == 0 || ctx.tokens[a].breaks_before > 0 {
            break;
        }
        let p = a - 1;
        if let Some(mi) = ctx.covered[p] {
            let pm = ctx.matches[mi];
            let e = &ctx.gaz.entries[pm.entry];
            match e.kind {
                EntryKind::Adjective | EntryKind::Country => {
                    country = country.or(if e.kind == EntryKind::Adjective { e.parent } else { Some(pm.entry) });
                    a = pm.first;
                    continue;
                }
                // "ODIHR Director", "UN Secretary-General"; not a dateline's
                // news agency ("ASTANA. KAZINFORM Minister ...").
                EntryKind::Body if pm.last - pm.first <= 3 && !dateline_agency(ctx, pm.first, pm.last) => {
                    body = body.or_else(|| Some(ctx.repaired(pm.first, pm.last)));
                    a = pm.first;
                    continue;
                }
                _ => break,
            }
        }
        let t = ctx.lower(p).to_string();
        if matches!(t.as_str(), "'s" | "\u{2019}s") && p > 0 {
            if let Some(mi) = ctx.covered[p - 1] {
                let pm = ctx.matches[mi];
                if ctx.gaz.entries[pm.entry].kind == EntryKind::Country {
                    country = country.or(Some(pm.entry));
                    a = pm.first;
                    continue;
                }
            }
            break;
        }
        if MODIFIERS.contains(t.as_str()) && ctx.is_cap(p) {
            a = p;
            continue;
        }
        // "CEC Chairperson": an acronym the gazetteers do not know.
        let raw = ctx.text(p);
        if body.is_none()
            && (2..=6).contains(&raw.len())
            && raw.chars().all(|c| c.is_ascii_uppercase())
            && !dateline_agency(ctx, p, p + 1)
        {
            body = Some(raw.to_string());
            a = p;
            continue;
        }
        break;
    }
    // "Poland's top diplomat, Foreign Minister ...": a possessive appositive.
    if country.is_none() && a >= 2 && ctx.text(a - 1) == "," {
        let mut p = a - 1;
        let mut words = 0;
        while p > 0
            && words < 4
            && ctx.tokens[p - 1].kind == crate::text::tokenize::TokenKind::Word
            && !ctx.is_cap(p - 1)
        {
            p -= 1;
            words += 1;
        }
        if words > 0 && p >= 2 && matches!(ctx.lower(p - 1), "'s") {
            if let Some(mi) = ctx.covered[p - 2] {
                let pm = ctx.matches[mi];
                if ctx.kind_of(&pm) == EntryKind::Country {
                    country = Some(pm.entry);
                }
            }
        }
    }
    // Inside the title: "President of the General Assembly".
    if let Some(k) = (m.first..m.last).find(|&k| matches!(ctx.text(k), "of" | "for")) {
        let mut q = k + 1;
        if q < m.last && ctx.lower(q) == "the" {
            q += 1;
        }
        if q < m.last {
            match ctx.gaz.lookup(&ctx.repaired(q, m.last)).map(|e| (e, ctx.gaz.entries[e].kind)) {
                Some((e, EntryKind::Country)) => country = country.or(Some(e)),
                Some((_, EntryKind::Body)) => {
                    body = Some(ctx.repaired(q, m.last));
                    body_from = (m.last - q == 1).then_some(q);
                }
                _ if ctx.is_cap(q) && body_head_in(ctx, q, m.last) => {
                    body = Some(ctx.repaired(q, m.last));
                    body_from = Some(q);
                }
                _ => {}
            }
        }
    }
    // Right: complements and compound titles.
    let n = ctx.tokens.len();
    let mut b = m.last;
    let mut head = ctx.lower(m.last - 1).to_string();
    loop {
        if b >= n || ctx.tokens[b].breaks_before > 0 {
            break;
        }
        let t = ctx.text(b);
        // A bracketed gloss: "Akim (Mayor) of Almaty".
        if t == "(" && b + 2 < n && ctx.text(b + 2) == ")" && ctx.is_cap(b + 1) && b + 3 < n && ctx.text(b + 3) == "of"
        {
            b += 3;
            continue;
        }
        // "Deputy Prime Minister – Minister of Foreign Affairs"
        if matches!(t, "\u{2013}" | "\u{2014}" | "-") && ctx.tokens[b].space_before {
            let q = if b + 1 < n && ctx.text(b + 1).eq_ignore_ascii_case("the") { b + 2 } else { b + 1 };
            if let Some(m2) = ctx.match_at(q).copied() {
                if let EntryKind::Title(c2) = ctx.kind_of(&m2) {
                    if super::seniority(c2) > super::seniority(class) {
                        class = c2;
                    }
                    head = ctx.lower(m2.last - 1).to_string();
                    b = m2.last;
                    body_from = None;
                    continue;
                }
            }
            break;
        }
        // "Minister of Foreign Affairs and Trade": the portfolio goes on.
        let and_more = t == "and"
            && in_portfolio
            && b + 1 < n
            && ctx.is_cap(b + 1)
            && (PORTFOLIO.contains(ctx.lower(b + 1)) || super::bodies::is_head(ctx.lower(b + 1)));
        if matches!(t, "of" | "for" | "to" | "at" | "on" | "in") || and_more {
            let mut q = b + 1;
            if q < n && ctx.text(q).eq_ignore_ascii_case("the") {
                q += 1;
            }
            if q >= n {
                break;
            }
            if let Some(m2) = ctx.match_at(q).copied() {
                let e = &ctx.gaz.entries[m2.entry];
                match e.kind {
                    EntryKind::Country | EntryKind::City | EntryKind::Region => {
                        if t == "of" || t == "for" {
                            country = country.or(if e.kind == EntryKind::Country { Some(m2.entry) } else { e.parent });
                        }
                        if let (Some(f), "of") = (body_from, t) {
                            body = Some(ctx.repaired(f, m2.last));
                        }
                        b = m2.last;
                        continue;
                    }
                    EntryKind::Body => {
                        // A one-word body ("Mazhilis", "Senate") goes on with
                        // "of the Parliament of X"; a full name is complete.
                        match (body_from, t) {
                            (Some(f), "of") => body = Some(ctx.repaired(f, m2.last)),
                            _ if body.is_none() => {
                                body = Some(ctx.repaired(m2.first, m2.last));
                                body_from = (m2.last - m2.first == 1).then_some(m2.first);
                            }
                            _ => body_from = None,
                        }
                        b = m2.last;
                        // "of the State Duma Committee on International Affairs",
                        // "for East African Community Affairs": capitalized office
                        // and portfolio words go on after a listed body.
                        let mut k = b;
                        while k < n
                            && ctx.tokens[k].breaks_before == 0
                            && ctx.is_cap(k)
                            && ctx.covered[k].is_none()
                            && (PORTFOLIO.contains(ctx.lower(k)) || super::bodies::is_head(ctx.lower(k)))
                        {
                            k += 1;
                        }
                        if k > b {
                            if body_head_in(ctx, b, k) && body_from.is_none() {
                                body = Some(ctx.repaired(m2.first, k));
                            }
                            b = k;
                            in_portfolio = true;
                        }
                        continue;
                    }
                    _ => {}
                }
            }
            // A run of portfolio words: "of Information and Social Development".
            let mut r = q;
            let mut last_word = None;
            // An institution named by capitalized words up to its head noun:
            // "of Al-Farabi Kazakh National University".
            let mut k = q;
            while k < n && k < q + 10 && ctx.tokens[k].breaks_before == 0 && !ctx.taken[k] {
                let w = ctx.text(k);
                if ctx.is_cap(k) {
                    if super::bodies::is_head(ctx.lower(k)) {
                        last_word = Some(k + 1);
                    }
                } else if !(matches!(w, "-" | "and" | "of" | "for" | "the" | "'s" | "\u{2019}s")
                    || ctx.tokens[k].kind == crate::text::tokenize::TokenKind::Number)
                {
                    break;
                }
                k += 1;
            }
            if let Some(end) = last_word {
                r = end;
            }
            // "Minister of Health and Social Welfare, Prof. X": any
            // capitalized words between "of" and a comma are the portfolio.
            if last_word.is_none() && matches!(t, "of" | "for") {
                // Only English words or gazetteer names: a person's name
                // ("to the Republic Kazakhstan Yousef Abdelghani,") is not a portfolio.
                let mut k = q;
                while k < n && k < q + 8 && ctx.tokens[k].breaks_before == 0 && !ctx.taken[k] {
                    let word = ctx.is_cap(k) && (ctx.covered[k].is_some() || common_word(ctx, k));
                    if !(word || matches!(ctx.text(k), "and" | "of" | "the" | "for" | "&" | "-")) {
                        break;
                    }
                    k += 1;
                }
                if k > q && k < n && matches!(ctx.text(k), "," | "(") && ctx.is_cap(k - 1) {
                    last_word = Some(k);
                    r = k;
                }
            }
            while r < n && !ctx.taken[r] && ctx.tokens[r].breaks_before == 0 {
                let w = ctx.text(r);
                let lw = ctx.lower(r);
                let addressing = ctx.covered[r].is_some_and(|mi| {
                    matches!(ctx.gaz.entries[ctx.matches[mi].entry].kind, EntryKind::Title(_) | EntryKind::Honorific)
                });
                let portfolio = ctx.is_cap(r)
                    && !addressing
                    && (PORTFOLIO.contains(lw) || super::bodies::is_head(lw) || institution_word(ctx, lw));
                let connector = matches!(w, "and" | "of" | "the" | "for" | "on" | "&" | ",") && last_word.is_some();
                let inner = ctx.covered[r].is_some_and(|mi| {
                    !matches!(ctx.gaz.entries[ctx.matches[mi].entry].kind, EntryKind::Title(_) | EntryKind::Honorific)
                });
                if portfolio || inner {
                    r = ctx.covered[r].map_or(r + 1, |mi| ctx.matches[mi].last.max(r + 1));
                    last_word = Some(r);
                } else if connector {
                    r += 1;
                } else {
                    break;
                }
            }
            match last_word {
                Some(end) => {
                    in_portfolio = true;
                    if (body.is_none() || body_from.is_some()) && (q..end).any(|k| ctx.is_cap(k)) {
                        // "of the Board of X Center": a body named in the complement.
                        let c = country_in(ctx, q, end);
                        if body_head_in(ctx, q, end) {
                            match (body_from, t) {
                                (Some(f), "of") => body = Some(ctx.repaired(f, end)),
                                _ if body.is_none() => {
                                    body = Some(ctx.repaired(q, end));
                                    body_from = Some(q);
                                }
                                _ => {}
                            }
                        }
                        if t == "of" && c.is_some() && country.is_none() {
                            country = c;
                        }
                    }
                    b = end;
                    continue;
                }
                None => break,
            }
        }
        break;
    }
    let span = Span::new(ctx.tokens[a].span.start, ctx.tokens[b - 1].span.end);
    let text = ctx.repaired(a, b);
    let folded = crate::text::normalize::fold(&text);
    // "President of the European Commission", "Vice-President of the
    // Commission": heading a body, not a state, is an official's office.
    // A country at the end of a body inside the title counts
    // ("Premier of the State Council of China").
    if country.is_none() {
        country = (a..b).rev().filter(|&k| ctx.lower(k) == "of").find_map(|k| {
            let q = if k + 1 < b && ctx.lower(k + 1) == "the" { k + 2 } else { k + 1 };
            let e = ctx.gaz.lookup(&ctx.repaired(q.min(b), b))?;
            (ctx.gaz.entries[e].kind == EntryKind::Country).then_some(e)
        });
    }
    // "President for July" of a council: a rotating chair, not a head of state.
    let rotating = head == "president"
        && m.last + 1 < n
        && ctx.text(m.last).eq_ignore_ascii_case("for")
        && super::MONTHS_AND_DAYS.contains(&ctx.lower(m.last + 1));
    if class == EntityKind::Leader && ((country.is_none() && body.is_some()) || rotating) {
        class = EntityKind::Official;
    }
    (TitleInfo { class, text, folded, span, head, country, body }, b)
}

/// A news agency in a dateline ("ASTANA. KAZINFORM – Minister ..."):
/// written in capitals where a sentence or line starts.
fn dateline_agency(ctx: &Ctx, a: usize, b: usize) -> bool {
    let start = a == 0
        || ctx.tokens[a].breaks_before > 0
        || matches!(ctx.text(a - 1), "." | "\u{2013}" | "\u{2014}" | ":" | "|");
    let caps = (a..b).all(|k| !ctx.text(k).chars().any(char::is_lowercase))
        && ctx.input[ctx.tokens[a].span.start..ctx.tokens[b - 1].span.end].len() >= 5;
    start && caps
}

fn institution_word(ctx: &Ctx, lw: &str) -> bool {
    ctx.gaz.words.contains(lw) && !lw.is_empty()
}

fn country_in(ctx: &Ctx, a: usize, b: usize) -> Option<usize> {
    (a..b).find_map(|k| {
        let mi = ctx.covered[k]?;
        let e = &ctx.gaz.entries[ctx.matches[mi].entry];
        match e.kind {
            EntryKind::Country => Some(ctx.matches[mi].entry),
            EntryKind::Adjective => e.parent,
            _ => None,
        }
    })
}

fn body_head_in(ctx: &Ctx, a: usize, b: usize) -> bool {
    (a..b).any(|k| super::bodies::is_head(ctx.lower(k)))
}

/// A capitalized personal name starting at token `p`: given names,
/// initials ("D."), particles ("de", "van der"), hyphenated parts.
pub(crate) fn name_at(ctx: &Ctx, p: usize) -> Option<(usize, usize)> {
    let n = ctx.tokens.len();
    let mut p = p;
    let mut q = p;
    let mut words = 0;
    while q < n && q - p < 8 {
        if q > p && ctx.tokens[q].breaks_before > 0 {
            break;
        }
        if ctx.taken[q] {
            break;
        }
        let t = ctx.text(q);
        let lower = ctx.lower(q);
        // Initial: "D." (also glued "SamuelD." after repair), and
        // two-letter ones in patronymics ("Mikhail Yu. Galuzov").
        let two = t.chars().count() == 2 && t.chars().nth(1).is_some_and(char::is_lowercase) && words > 0;
        if (t.chars().count() == 1 || two)
            && t.starts_with(char::is_uppercase)
            && ctx.glued(q + 1)
            && q + 1 < n
            && ctx.text(q + 1) == "."
        {
            q += 2;
            continue;
        }
        // Particles, also in chains: "de la Fuente", "van der Hoeven".
        if q > p && PARTICLES.contains(lower) && t.starts_with(char::is_lowercase) {
            let mut r = q + 1;
            while r < n && PARTICLES.contains(ctx.lower(r)) && ctx.text(r).starts_with(char::is_lowercase) {
                r += 1;
            }
            if r < n && ctx.is_cap(r) && !ctx.taken[r] {
                q = r;
                continue;
            }
            break;
        }
        // Hyphenated: "Al-Faraj", "Kassym-Jomart", "Park Jun-seo".
        if t == "-"
            && q > p
            && ctx.glued(q)
            && ctx.glued(q + 1)
            && ctx.tokens[q + 1].kind == crate::text::tokenize::TokenKind::Word
        {
            q += 2;
            continue;
        }
        if !ctx.is_cap(q) || NOT_NAME.contains(lower) {
            break;
        }
        if let Some(mi) = ctx.covered[q] {
            let m = ctx.matches[mi];
            let e = &ctx.gaz.entries[m.entry];
            // A place or body is not part of a name, except a city name
            // that is also a given name inside a name ("Nursultan Nazarbayev").
            let given = matches!(e.kind, EntryKind::City | EntryKind::Region)
                && m.last - m.first == 1
                && words == 0
                && m.last < n
                && ctx.is_cap(m.last)
                && ctx.covered[m.last].is_none()
                && !ctx.glued(m.last);
            if !given {
                break;
            }
        }
        if t.chars().count() == 1 {
            break;
        }
        // Acronyms ("PM", "OSCE") are not name words; initials have a dot.
        // A family name in capitals before a given name is ("SAKURAI Kenji").
        let caps = t.chars().filter(|c| c.is_uppercase()).count();
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        let family_first = words == 0
            && letters >= 3
            && q + 1 < n
            && ctx.is_cap(q + 1)
            && ctx.covered[q + 1].is_none()
            && ctx.text(q + 1).chars().skip(1).any(char::is_lowercase);
        if caps >= 2 && caps == letters && !family_first {
            break;
        }
        if PORTFOLIO.contains(lower) || super::bodies::is_head(lower) {
            if words == 0 {
                return None;
            }
            // "... Peacebuilding Affairs K. Raghunathan": the name is what
            // follows the last institution word.
            p = q + 1;
            q = p;
            words = 0;
            continue;
        }
        words += 1;
        q += 1;
    }
    if words == 0 {
        return None;
    }
    // One common English word is not a name ("... for International
    // Partnerships at ..."); a surname like "Abayev" is.
    if q - p == 1 && (common_word(ctx, p) || ctx.lex.rank(ctx.lower(p)).is_some()) {
        return None;
    }
    Some((p, q))
}

/// A frequent English word (lexicon rank under 20,000) or a regular
/// derivation of one ("Countering"), lower-cased.
fn common_word(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.lower(k);
    ctx.lex.rank(w).is_some_and(|r| r < 20_000)
        || (w.len() >= 6 && crate::repair::segment::derived_rank(ctx.lex, w).is_some_and(|r| r < 20_000))
}

/// Places that name a building or event, not a person, when capitalized
/// after a name-like word ("Akorda Palace").
const NOT_SURNAME: &[&str] = &[
    "palace",
    "hall",
    "street",
    "avenue",
    "square",
    "park",
    "airport",
    "station",
    "hotel",
    "summit",
    "forum",
    "conference",
    "festival",
    "plaza",
    "tower",
    "bridge",
    "expo",
    "week",
    "day",
    "award",
    "prize",
    "cup",
    "games",
    "region",
    "district",
    "oblast",
    "province",
    "metro",
    "river",
    "lake",
    "mountains",
    "valley",
    "island",
    "islands",
];

/// Full names standing without a title ("said Katarzyna Dąbrowska-Lind",
/// "led by Ioanna Karamanlidou"): two to five name words, at least one of
/// them not an English word, not inside a longer run of capitalized words.
pub(crate) fn bare_names(ctx: &mut Ctx) -> Vec<PersonMention> {
    let mut out = Vec::new();
    let n = ctx.tokens.len();
    let mut k = 0;
    while k < n {
        if ctx.taken[k] || !ctx.is_cap(k) || (k > 0 && ctx.is_cap(k - 1) && ctx.tokens[k].breaks_before == 0) {
            k += 1;
            continue;
        }
        let Some((start, end)) = name_at(ctx, k).filter(|&(s, _)| s == k) else {
            k += 1;
            continue;
        };
        let words: Vec<usize> = (start..end).filter(|&j| ctx.is_cap(j) && ctx.text(j).chars().count() > 1).collect();
        let unknown = words.iter().filter(|&&j| !common_word(ctx, j)).count();
        // Not inside quotes, not a gazetteer name, no camel case ("WhatsApp"),
        // and a surname that is not an everyday word.
        let quoted = k > 0 && matches!(ctx.text(k - 1), "\u{201C}" | "\"" | "\u{00AB}" | "'" | "\u{2018}");
        let plain = (start..end).all(|j| ctx.covered[j].is_none())
            && words.iter().all(|&j| {
                let w = ctx.text(j);
                let rest = w.strip_prefix("Mc").or_else(|| w.strip_prefix("Mac")).unwrap_or(w);
                rest.chars().skip(1).all(|c| !c.is_uppercase())
            });
        let last_unknown = words.last().is_some_and(|&j| !common_word(ctx, j));
        let next_cap = end < n && ctx.is_cap(end) && ctx.tokens[end].breaks_before == 0;
        let sentence_start =
            k == 0 || ctx.tokens[k].breaks_before > 0 || matches!(ctx.text(k - 1), "." | "!" | "?" | ":");
        // "in Santa Marta", "from Punta Arenas": a place, not a person.
        let place_context = k > 0
            && matches!(ctx.lower(k - 1), "in" | "at" | "from" | "near" | "to" | "of" | "across" | "around" | "the");
        let last_ok = words
            .last()
            .is_some_and(|&j| !NOT_SURNAME.contains(&ctx.lower(j)) && !super::bodies::is_head(ctx.lower(j)));
        if words.len() >= 2
            && words.len() <= 5
            && unknown >= 1
            && last_unknown
            && plain
            && !quoted
            && !place_context
            && !next_cap
            && last_ok
            && (!sentence_start || unknown == words.len())
        {
            take(ctx, start, end);
            let span = Span::new(ctx.tokens[start].span.start, ctx.tokens[end - 1].span.end);
            out.push(PersonMention { name: (start, end), title: None, span, rule: "person.bare_name" });
        }
        k = end.max(k + 1);
    }
    out
}

/// "Ingibjörg Sólrún Gísladóttir, Director of ...": the name before a
/// comma right before the title phrase.
fn appositive_name(ctx: &Ctx, title_first: usize, title: &TitleInfo) -> Option<(usize, usize)> {
    let mut a = title_first;
    while a > 0
        && ctx.tokens[a - 1].span.end > title.span.start.saturating_sub(0)
        && ctx.tokens[a - 1].span.start >= title.span.start
    {
        a -= 1;
    }
    let comma = a.checked_sub(1)?;
    if ctx.text(comma) != "," {
        return None;
    }
    let end = comma;
    let mut start = end;
    while start > 0 && end - start < 6 {
        let k = start - 1;
        let t = ctx.text(k);
        let ok = ctx.is_cap(k)
            || (t == "." && k > 0 && ctx.text(k - 1).chars().count() == 1)
            || (t == "-" && ctx.glued(k))
            || (PARTICLES.contains(&t) && k > 0);
        if !ok || ctx.taken[k] || ctx.covered[k].is_some() || ctx.tokens[k + 1].breaks_before > 0 && k + 1 < end {
            break;
        }
        start = k;
    }
    while start < end && !ctx.is_cap(start) {
        start += 1;
    }
    if start >= end {
        return None;
    }
    // The name must begin a clause: sentence start, or after a comma,
    // "and", "with", "by" or a verb-like lower-case word.
    let before_ok = start == 0 || ctx.tokens[start].breaks_before > 0 || !ctx.is_cap(start - 1);
    let (first, check) = name_at(ctx, start)?;
    (before_ok && first == start && check >= end && !NOT_NAME.contains(ctx.lower(start))).then_some((start, end))
}
