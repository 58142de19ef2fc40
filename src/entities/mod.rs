//! Entity stage: gazetteer matches, title/name patterns for persons,
//! institution chunks for bodies, dates, then resolution of mentions.

mod bodies;
mod dates;
mod persons;
mod resolve;
mod stream;

use crate::document::{Entity, EntityKind};
use crate::gazetteer::{EntryKind, GazMatch, Gazetteer};
use crate::text::sentence::Sentence;
use crate::text::tokenize::{Token, TokenKind};
pub use stream::Stream;

/// Everything the entity rules look at for one document.
pub(crate) struct Ctx<'a> {
    pub input: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
    pub gaz: &'a Gazetteer,
    /// English word frequencies: common words are not names.
    pub lex: &'a crate::repair::lexicon::Lexicon,
    /// Selected gazetteer matches (non-overlapping), in text order.
    pub matches: Vec<GazMatch>,
    /// For each token, the index in `matches` of the match covering it.
    pub covered: Vec<Option<usize>>,
    /// Tokens already used by a person name.
    pub taken: Vec<bool>,
    /// Folded text of every token.
    pub stream: Stream,
}

impl<'a> Ctx<'a> {
    pub fn text(&self, i: usize) -> &'a str {
        &self.input[self.tokens[i].span]
    }

    /// The folded (lower-case, diacritic-free) text of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        &self.stream.text[self.stream.starts[i]..self.stream.ends[i]]
    }

    /// The text of tokens `a..b` with repaired spaces, as a reader sees it.
    pub fn repaired(&self, a: usize, b: usize) -> String {
        let mut s = String::new();
        for i in a..b {
            if i > a && self.tokens[i].space_before {
                s.push(' ');
            }
            s.push_str(self.text(i));
        }
        s
    }

    pub fn is_cap(&self, i: usize) -> bool {
        let t = self.tokens[i];
        t.kind == TokenKind::Word && self.text(i).starts_with(char::is_uppercase)
    }

    pub fn glued(&self, i: usize) -> bool {
        i < self.tokens.len() && !self.tokens[i].space_before
    }

    /// The match starting at token `i`, if any.
    pub fn match_at(&self, i: usize) -> Option<&GazMatch> {
        self.covered.get(i).copied().flatten().map(|m| &self.matches[m]).filter(|m| m.first == i)
    }

    pub fn kind_of(&self, m: &GazMatch) -> EntryKind {
        self.gaz.entries[m.entry].kind
    }
}

/// Finds and resolves the entities of a document.
pub(crate) fn extract(
    input: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    gaz: &Gazetteer,
    lex: &crate::repair::lexicon::Lexicon,
) -> Vec<Entity> {
    let stream = Stream::build(input, tokens);
    let found = gaz
        .find(&stream.text, &stream.starts, &stream.ends, &|a, b| &input[tokens[a].span.start..tokens[b - 1].span.end]);
    let matches = select(input, tokens, gaz, found);
    let mut covered = vec![None; tokens.len()];
    for (mi, m) in matches.iter().enumerate() {
        for c in covered.iter_mut().take(m.last).skip(m.first) {
            *c = Some(mi);
        }
    }
    let mut ctx =
        Ctx { input, tokens, sentences, gaz, lex, matches, covered, taken: vec![false; tokens.len()], stream };
    let mut persons = persons::find(&mut ctx);
    persons.extend(persons::bare_names(&mut ctx));
    let bodies = bodies::find(&ctx);
    let dates = dates::find(input, sentences);
    resolve::entities(&ctx, persons, bodies, dates)
}

/// Keeps the longest non-overlapping matches that pass their context checks.
fn select(input: &str, tokens: &[Token], gaz: &Gazetteer, mut found: Vec<GazMatch>) -> Vec<GazMatch> {
    let len = |m: &GazMatch| tokens[m.last - 1].span.end - tokens[m.first].span.start;
    found.sort_by(|a, b| len(b).cmp(&len(a)).then(a.first.cmp(&b.first)));
    let mut used = vec![false; tokens.len()];
    let mut out = Vec::new();
    for m in found {
        if used[m.first..m.last].iter().any(|&u| u) {
            continue;
        }
        let e = &gaz.entries[m.entry];
        if e.ambiguous && !ambiguous_ok(input, tokens, &m, e.kind) {
            continue;
        }
        used[m.first..m.last].iter_mut().for_each(|u| *u = true);
        out.push(m);
    }
    out.sort_by_key(|m| m.first);
    out
}

/// An ambiguous name ("Jordan", "Georgia", "Chad") counts as a place only
/// when it does not stand inside a run of capitalized words (a person's
/// name) and, for titles that are also names ("Sultan"), after "the".
fn ambiguous_ok(input: &str, tokens: &[Token], m: &GazMatch, kind: EntryKind) -> bool {
    let cap = |i: usize| tokens[i].kind == TokenKind::Word && input[tokens[i].span].starts_with(char::is_uppercase);
    let first_text = &input[tokens[m.first].span];
    if !first_text.starts_with(char::is_uppercase) {
        return false;
    }
    if let EntryKind::Title(_) = kind {
        return m.first > 0 && input[tokens[m.first - 1].span].eq_ignore_ascii_case("the");
    }
    // "His Highness Sheikh Saif", "Prince Faisal": a form of address before a name.
    if kind == EntryKind::Honorific {
        return m.last < tokens.len() && cap(m.last);
    }
    // "of China Wei Zhongming": after a preposition it is the place.
    if m.first > 0
        && matches!(&input[tokens[m.first - 1].span], "of" | "in" | "to" | "from" | "and" | "the" | "with" | "between")
    {
        return true;
    }
    let prev_cap = m.first > 0 && cap(m.first - 1) && tokens[m.first].breaks_before == 0 && {
        let p = &input[tokens[m.first - 1].span];
        !matches!(p, "The" | "In" | "On" | "From" | "To" | "And" | "Of" | "For" | "With")
    };
    let next_cap = m.last < tokens.len() && cap(m.last) && tokens[m.last].breaks_before == 0;
    !prev_cap && !next_cap
}

/// Month and day names, folded and abbreviated: never part of a name.
pub(crate) const MONTHS_AND_DAYS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Person kinds from most to least senior.
pub(crate) fn seniority(k: EntityKind) -> u8 {
    match k {
        EntityKind::Leader => 4,
        EntityKind::Minister => 3,
        EntityKind::Ambassador => 2,
        EntityKind::Official => 1,
        _ => 0,
    }
}
