//! Bodies named by structure rather than by gazetteer: capitalized
//! chunks headed by an institution noun ("Central Election Commission of
//! Kazakhstan", "Kazakh Foreign Ministry", "Embassy of Japan in Kazakhstan").

use super::Ctx;
use crate::gazetteer::EntryKind;
use crate::span::Span;

/// Nouns that head an institution's name.
static HEADS: std::sync::LazyLock<crate::hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| HEAD_LIST.iter().copied().collect());

const HEAD_LIST: &[&str] = &[
    "ministry",
    "commission",
    "council",
    "committee",
    "court",
    "parliament",
    "senate",
    "mazhilis",
    "majilis",
    "assembly",
    "agency",
    "center",
    "centre",
    "office",
    "bureau",
    "department",
    "government",
    "congress",
    "secretariat",
    "university",
    "museum",
    "foundation",
    "institute",
    "bank",
    "fund",
    "organization",
    "organisation",
    "union",
    "forum",
    "service",
    "administration",
    "embassy",
    "consulate",
    "chamber",
    "academy",
    "party",
    "association",
    "corporation",
    "company",
    "authority",
    "directorate",
    "akimat",
    "maslikhat",
    "school",
    "library",
    "alliance",
    "federation",
    "network",
    "programme",
    "program",
    "cabinet",
    "presidency",
    "mission",
    "delegation",
    "kurultai",
    "jogorku",
    "majlis",
    "mejlis",
    "duma",
    "rada",
    "sejm",
    "bundestag",
    "division",
    "inspectorate",
    "hub",
    "police",
    "railway",
    "railways",
    "airlines",
    "army",
    "navy",
    "guard",
];

/// Capitalized words that open a sentence, not a name.
const DETERMINERS: &[&str] = &["its", "their", "his", "her", "our", "this", "that", "these", "those", "the", "a", "an"];

/// Month and day names end a name ("the National Assembly on Jan. 7").
use super::MONTHS_AND_DAYS as MONTHS;

/// True for an institution head noun (folded).
pub(crate) fn is_head(w: &str) -> bool {
    HEADS.contains(&w)
}

/// A body found by a rule or a gazetteer entry.
#[derive(Clone, Debug)]
pub(crate) struct BodyMention {
    pub canonical: String,
    pub text: String,
    pub span: Span,
    pub acronym: Option<String>,
    pub parent: Option<String>,
    pub source: String,
    /// Names the gazetteer knows for the same body.
    pub known_aliases: Vec<String>,
}

/// Gazetteer bodies and chunk bodies, in text order.
pub(crate) fn find(ctx: &Ctx) -> Vec<BodyMention> {
    let mut out = Vec::new();
    let n = ctx.tokens.len();
    let mut in_chunk = vec![false; n];
    // Chunk bodies around each head noun not already inside a gazetteer body.
    for h in 0..n {
        if in_chunk[h] || ctx.taken[h] || !ctx.is_cap(h) || !is_head(ctx.lower(h)) {
            continue;
        }
        // A head inside a listed name ("Russian Federation") heads nothing;
        // inside a title ("Chairman of the Senate") it still names a body.
        if ctx.covered[h].is_some_and(|mi| !matches!(ctx.kind_of(&ctx.matches[mi]), EntryKind::Title(_))) {
            continue;
        }
        let mut a = h;
        while a > 0 && ctx.tokens[a].breaks_before == 0 {
            let p = a - 1;
            if ctx.taken[p] {
                break;
            }
            let t = ctx.text(p);
            let covered_kind = ctx.covered[p].map(|mi| ctx.kind_of(&ctx.matches[mi]));
            let ok = match covered_kind {
                Some(
                    EntryKind::Adjective | EntryKind::Country | EntryKind::City | EntryKind::Region | EntryKind::Body,
                ) => true,
                Some(_) => false,
                None => {
                    (ctx.is_cap(p) && !DETERMINERS.contains(&ctx.lower(p)))
                        || (t == "." && p > 0 && ctx.text(p - 1).chars().count() == 1)
                        || (matches!(t, "-" | "\u{2013}") && ctx.glued(p))
                        // "People's Party", not "Kazakhstan's Foreign Ministry".
                        || (matches!(ctx.lower(p), "'s") && p > 0 && ctx.is_cap(p - 1) && ctx.covered[p - 1].is_none())
                }
            };
            let starts_sentence =
                p == 0 || ctx.tokens[p].breaks_before > 0 || matches!(ctx.text(p - 1), "." | ":" | "\u{2013}");
            if !ok || (starts_sentence && matches!(t, "The" | "In" | "At" | "On" | "A")) {
                break;
            }
            a = ctx.covered[p].map_or(p, |mi| ctx.matches[mi].first);
        }
        // Right: "of X", "for the Development of Y", "in Z".
        let mut b = h + 1;
        loop {
            if b >= n || ctx.tokens[b].breaks_before > 0 {
                break;
            }
            let t = ctx.text(b);
            // "in Y" only names a seat abroad: "Embassy of Japan in Kazakhstan".
            let seat = matches!(
                ctx.lower(h),
                "embassy" | "consulate" | "office" | "mission" | "representation" | "delegation" | "centre" | "center"
            );
            if !(matches!(t, "of" | "for" | "on") || (t == "in" && seat)) {
                break;
            }
            let mut q = b + 1;
            if q < n && ctx.text(q) == "the" {
                q += 1;
            }
            let mut r = q;
            while r < n && ctx.tokens[r].breaks_before == 0 && !ctx.taken[r] {
                let w = ctx.text(r);
                if let Some(mi) = ctx.covered[r] {
                    if matches!(ctx.kind_of(&ctx.matches[mi]), EntryKind::Title(_) | EntryKind::Honorific) {
                        break;
                    }
                    r = ctx.matches[mi].last.max(r + 1);
                } else if MONTHS.contains(&ctx.lower(r)) {
                    break;
                } else if ctx.is_cap(r)
                    || (w == "-" && ctx.glued(r))
                    || (matches!(w, "and" | "of" | "," | "&") && r + 1 < n && ctx.is_cap(r + 1) && r > q)
                {
                    r += 1;
                } else {
                    break;
                }
            }
            // A run never ends on a connector ("... Security Policy and").
            while r > q && matches!(ctx.text(r - 1), "and" | "of" | "," | "&" | "for" | "the") {
                r -= 1;
            }
            if r == q {
                break;
            }
            b = r;
        }
        // An edition number is not part of the name ("XIX Secretariat").
        while a < h && is_roman(ctx.text(a)) {
            a += 1;
        }
        let words = (a..b).filter(|&k| ctx.is_cap(k)).count();
        if words < 2 {
            continue;
        }
        in_chunk[a..b].iter_mut().for_each(|x| *x = true);
        let canonical = ctx.repaired(a, b);
        let span = Span::new(ctx.tokens[a].span.start, ctx.tokens[b - 1].span.end);
        let acronym = acronym_after(ctx, b);
        out.push(BodyMention {
            canonical,
            text: ctx.input[span].to_string(),
            span,
            acronym,
            parent: None,
            source: "rule:body.institution_chunk".into(),
            known_aliases: Vec::new(),
        });
    }
    // Gazetteer bodies.
    for m in &ctx.matches {
        let e = &ctx.gaz.entries[m.entry];
        if e.kind != EntryKind::Body || in_chunk[m.first..m.last].iter().all(|&x| x) {
            continue;
        }
        // "Peace and Security Council": capitalized words joined by "and"
        // before a listed short form name another body.
        if m.first >= 2
            && ctx.text(m.first - 1) == "and"
            && ctx.is_cap(m.first - 2)
            && ctx.covered[m.first - 2].is_none()
        {
            let mut a = m.first - 2;
            while a > 0 && ctx.is_cap(a - 1) && ctx.covered[a - 1].is_none() && ctx.tokens[a].breaks_before == 0 {
                a -= 1;
            }
            let span = Span::new(ctx.tokens[a].span.start, ctx.tokens[m.last - 1].span.end);
            out.push(BodyMention {
                canonical: ctx.repaired(a, m.last),
                text: ctx.input[span].to_string(),
                span,
                acronym: acronym_after(ctx, m.last),
                parent: None,
                source: "rule:body.institution_chunk".into(),
                known_aliases: Vec::new(),
            });
            continue;
        }
        let span = Span::new(ctx.tokens[m.first].span.start, ctx.tokens[m.last - 1].span.end);
        out.push(BodyMention {
            canonical: e.canonical.clone(),
            text: ctx.input[span].to_string(),
            span,
            acronym: e.acronym.clone(),
            parent: e.parent.map(|p| ctx.gaz.entries[p].canonical.clone()),
            source: format!("gazetteer:{}:{}", e.file, e.id),
            known_aliases: e.aliases.clone(),
        });
    }
    out.sort_by_key(|b| b.span.start);
    out
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// "(CICA)" right after a name defines its acronym.
fn acronym_after(ctx: &Ctx, b: usize) -> Option<String> {
    if b + 2 < ctx.tokens.len() && ctx.text(b) == "(" && ctx.text(b + 2) == ")" {
        let a = ctx.text(b + 1);
        let caps = a.chars().filter(|c| c.is_uppercase()).count();
        if caps >= 2 && a.chars().all(|c| c.is_alphanumeric()) {
            return Some(a.to_string());
        }
    }
    None
}
