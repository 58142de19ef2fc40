//! Meetings: "X met Y" relations from trigger phrases between resolved
//! person mentions, with date, place, realis and the rule that fired.

use crate::document::{Entity, Realis, Relation};
use crate::span::Span;
use crate::text::sentence::Sentence;
use crate::text::tokenize::Token;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// A trigger family: its pattern, how participants are paired, roles.
struct Trigger {
    rule: &'static str,
    source: &'static str,
    pairing: Pairing,
    roles: Option<[&'static str; 2]>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pairing {
    /// Subject before the trigger, each named person after it.
    SubjectObjects,
    /// "was received by B": the person after is the host.
    Passive,
    /// "talks between A and B", "co-chaired by A and B", "A and B discussed":
    /// every pair of the persons around the trigger.
    Conjoined,
    /// "During the meeting with B, A noted": all persons of the clause.
    Clause,
    /// "Among the guests were B, C": the host of the previous unnamed meeting.
    Guests,
}

static TRIGGERS: LazyLock<Vec<Trigger>> = LazyLock::new(|| {
    let t = |rule, pat: &'static str, pairing, roles| Trigger { rule, source: pat, pairing, roles };
    vec![
        t(
            "meeting.passive_received",
            r"was received by|were received by|was welcomed by",
            Pairing::Passive,
            Some(["visitor", "host"]),
        ),
        t("meeting.co_chaired", r"co-chaired by|co-chaired", Pairing::Conjoined, None),
        t(
            "meeting.between",
            r"(?:talks|meeting|negotiations|conversation|consultations) between",
            Pairing::Conjoined,
            None,
        ),
        t(
            "meeting.during_meeting_with",
            r"(?:during|at|in the course of) (?:the|a|their|his|her) (?:bilateral |separate |working |official |one-on-one |private )?(?:meeting|talks|conversation) with|(?:a|the) meeting of",
            Pairing::Clause,
            None,
        ),
        t(
            "meeting.guests",
            r"among the guests were|among them were|the guests included|guests included|they included|these included|they were|those received included|those received were|received were|were presented by|presented by",
            Pairing::Guests,
            None,
        ),
        t(
            "meeting.phone",
            r"had (?:a |an )?(?:telephone|phone) (?:conversation|call|talk)s? with|spoke (?:by|over the|on the) (?:phone|telephone) with|spoke (?:today |yesterday )?with|talked (?:by phone )?with|held (?:a )?(?:telephone|phone) (?:conversation|call|talks) with",
            Pairing::SubjectObjects,
            Some(["caller", "callee"]),
        ),
        t("meeting.received", r"received|hosted|welcomed", Pairing::SubjectObjects, Some(["host", "visitor"])),
        t(
            "meeting.met",
            r"met with|met|meets with|held (?:delegation-level |bilateral |official |comprehensive |extensive |in-depth |substantive |high-level |productive |fruitful |constructive |separate |closed-door |one-on-one |tete-a-tete )?(?:talks|negotiations|a meeting|meetings|consultations)(?: via videoconference| by video link| online)? with|had (?:a )?(?:meeting|talks) with|paid a courtesy call on|called on",
            Pairing::SubjectObjects,
            None,
        ),
        t(
            "meeting.credentials_to",
            r"presented (?:a copy of |copies of |the copy of |the copies of )?(?:his |her |their |the )?(?:letters of |letter of )?credentials to",
            Pairing::SubjectObjects,
            Some(["visitor", "host"]),
        ),
        t(
            "meeting.credentials_from",
            r"accepted (?:a copy of |copies of |the copies of )?(?:the )?(?:letters of credence|credentials|letters of credentials) from|received (?:a copy of |copies of |the copies of )(?:the )?(?:letters of credence|credentials) from",
            Pairing::SubjectObjects,
            Some(["host", "visitor"]),
        ),
        t("meeting.conjoined_discussed", r"discussed|exchanged views", Pairing::Conjoined, None),
        // Base forms: only ever a plan ("will meet with", "is expected to
        // hold talks with"); kept apart so they are never counted as met.
        t(
            "meeting.planned",
            r"meet with|meet|hold talks with|hold a meeting with|hold (?:a )?(?:telephone|phone) (?:conversation|talks) with|visit",
            Pairing::SubjectObjects,
            None,
        ),
    ]
});

/// Every trigger phrase, expanded from its pattern, in one automaton
/// (ASCII case-insensitive, leftmost-longest); the payload is the trigger.
static PHRASES: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut owner = Vec::new();
    for (i, t) in TRIGGERS.iter().enumerate() {
        for p in expand(t.source) {
            phrases.push(p);
            owner.push(i);
        }
    }
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&phrases)
        .expect("trigger phrases compile");
    (ac, owner)
});

/// Expands a phrase pattern with `a|b`, `(?:a|b)` groups and `?` after a
/// group or a letter into every literal phrase it stands for.
fn expand(pat: &str) -> Vec<String> {
    fn alternatives(p: &[char]) -> Vec<&[char]> {
        let (mut depth, mut start, mut out) = (0, 0, Vec::new());
        for (i, &c) in p.iter().enumerate() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                '|' if depth == 0 => {
                    out.push(&p[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        out.push(&p[start..]);
        out
    }
    fn seq(p: &[char]) -> Vec<String> {
        let mut acc = vec![String::new()];
        let mut i = 0;
        while i < p.len() {
            let (options, next): (Vec<String>, usize) = if p[i] == '(' {
                let mut depth = 0;
                let mut j = i;
                loop {
                    match p[j] {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                let inner = &p[i + 3..j]; // skip "(?:"
                (alternatives(inner).into_iter().flat_map(seq).collect(), j + 1)
            } else {
                (vec![p[i].to_string()], i + 1)
            };
            let optional = p.get(next) == Some(&'?');
            let mut grown = Vec::new();
            for a in &acc {
                for o in &options {
                    grown.push(format!("{a}{o}"));
                }
                if optional {
                    grown.push(a.clone());
                }
            }
            acc = grown;
            i = if optional { next + 1 } else { next };
        }
        acc
    }
    let chars: Vec<char> = pat.chars().collect();
    let mut out: Vec<String> = alternatives(&chars)
        .into_iter()
        .flat_map(seq)
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Trigger matches in a sentence, whole words only, in text order.
/// `repaired_at(i)` tells whether the repair stage put a space at byte `i`
/// of the sentence ("Sulastrimet with" reads "Sulastri met with").
fn trigger_matches(text: &str, repaired_at: &dyn Fn(usize) -> bool) -> Vec<(usize, usize, usize)> {
    let (ac, owner) = &*PHRASES;
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    ac.find_iter(text)
        .filter(|m| {
            (!word(text[..m.start()].chars().next_back()) || repaired_at(m.start()))
                && (!word(text[m.end()..].chars().next()) || repaired_at(m.end()))
        })
        .map(|m| (m.start(), m.end(), owner[m.pattern().as_usize()]))
        .collect()
}

/// Words just before a trigger that make it a plan, not a fact ("will
/// meet", "agreed to hold talks", "is expected to meet").
const PLANNED: &[&str] = &[
    "will",
    "would",
    "shall",
    "to",
    "plans",
    "plan",
    "planning",
    "agreed",
    "expected",
    "scheduled",
    "intends",
    "intend",
    "set",
    "going",
    "might",
    "may",
    "could",
    "should",
    "wants",
    "hopes",
];

/// True when one of the three words before byte `at` of `text` marks a plan.
fn planned_before(text: &str, at: usize) -> bool {
    text[..at]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| PLANNED.iter().any(|p| p.eq_ignore_ascii_case(w)))
}

/// Where page furniture begins ("Related news", "Read also", "Tags" at
/// the start of a line): reports after it are about other articles.
fn furniture_start(input: &str) -> usize {
    const HEADS: &[&str] =
        &["related news", "read also", "read more", "see also", "tags", "more news", "related articles"];
    let mut at = 0;
    for line in input.split_inclusive('\n') {
        let t = line.trim_start();
        let head = t.get(..t.len().min(16)).unwrap_or("").to_ascii_lowercase();
        if HEADS.iter().any(|h| head.starts_with(h) && !head[h.len()..].starts_with(char::is_alphanumeric)) {
            return at;
        }
        at += line.len();
    }
    input.len()
}

/// A person mention inside a sentence.
#[derive(Clone, Copy)]
struct PersonAt<'e> {
    entity: &'e Entity,
    span: Span,
}

/// The dateline: the first date of the opening sentences and the first
/// city of the first two.
pub(crate) fn dateline(sentences: &[Sentence], entities: &[Entity]) -> crate::document::Dateline {
    crate::document::Dateline {
        date: first_of(entities, "date", sentences.iter().take(3)),
        place: first_of(entities, "city", sentences.iter().take(2)),
    }
}

/// Finds meeting relations.
pub(crate) fn find(input: &str, tokens: &[Token], sentences: &[Sentence], entities: &[Entity]) -> Vec<Relation> {
    let stop = furniture_start(input);
    let crate::document::Dateline { date: dateline_date, place: dateline_place } = dateline(sentences, entities);
    let dates = mentions_of(entities, "date");
    let cities = mentions_of(entities, "city");
    let mut mentions: Vec<PersonAt> = Vec::new();
    for e in entities.iter().filter(|e| e.kind.is_person()) {
        for m in &e.mentions {
            mentions.push(PersonAt { entity: e, span: m.span });
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    let mut out: Vec<Relation> = Vec::new();
    let mut host_without_guests: Option<&Entity> = None;
    // "Credentials were presented by:" followed by one line per guest.
    let mut guest_list: Option<(&Entity, &'static str)> = None;
    let mut rule_trigger = String::new();
    for s in sentences.iter().filter(|s| s.span.start < stop) {
        let text = &input[s.span];
        let first = mentions.partition_point(|m| m.span.start < s.span.start);
        let persons: Vec<PersonAt> = mentions[first..]
            .iter()
            .take_while(|m| m.span.start < s.span.end)
            .copied()
            .filter(|m| s.span.contains(m.span))
            .collect();
        if let Some((host, rule)) = guest_list {
            let item = text.trim_start().starts_with(['-', '\u{2013}', '\u{2022}', '*', '\u{00B7}'])
                || text.trim_start().starts_with(|c: char| c.is_ascii_digit());
            if !item {
                guest_list = None;
            } else {
                for p in &persons {
                    if p.entity.id != host.id && !out.iter().any(|r| same_pair(r, host, p.entity)) {
                        out.push(Relation {
                            kind: "met",
                            participants: [host.id.clone(), p.entity.id.clone()],
                            roles: None,
                            trigger: rule_trigger.to_string(),
                            span: s.span,
                            date: first_in(&dates, s.span).or(dateline_date.clone()),
                            place: first_in(&cities, s.span).or(dateline_place.clone()),
                            realis: Realis::Actual,
                            rule,
                        });
                    }
                }
                continue;
            }
        }
        // A meeting needs a named person in the sentence, or a host waiting
        // for a list of guests ("Credentials were presented by:").
        if persons.is_empty() {
            if let Some(h) = host_without_guests {
                let lower = text.to_ascii_lowercase();
                if let Some(p) =
                    ["presented by", "included", "guests were", "were received"].iter().find(|p| lower.contains(**p))
                {
                    if text.trim_end().ends_with(':') {
                        guest_list = Some((h, "meeting.guest_list"));
                        rule_trigger = p.to_string();
                    }
                }
            }
            continue;
        }
        let sentence_tokens = &tokens[s.tokens.clone()];
        let base = s.span.start;
        let repaired_at = |i: usize| sentence_tokens.iter().any(|t| t.repaired && t.span.start == base + i);
        let found = trigger_matches(text, &repaired_at);
        if found.is_empty() {
            continue;
        }
        let date = first_in(&dates, s.span).or(dateline_date.clone());
        let place = first_in(&cities, s.span).or(dateline_place.clone());
        for (m_start, m_end, ti) in found {
            let trig = &TRIGGERS[ti];
            {
                let m = m_start..m_end;
                // "a meeting of A with B": the "with" must follow.
                if text[m.clone()].to_ascii_lowercase().ends_with("meeting of") && !text[m.end..].contains(" with ") {
                    continue;
                }
                let at = s.span.start + m.start;
                let end = s.span.start + m.end;
                let planned = planned_before(text, m.start);
                if trig.rule == "meeting.planned" && !planned {
                    continue;
                }
                let before: Vec<&PersonAt> = persons.iter().filter(|p| p.span.end <= at).collect();
                let after: Vec<&PersonAt> = persons.iter().filter(|p| p.span.start >= end).collect();
                let mut pairs: Vec<(&Entity, &Entity)> = Vec::new();
                match trig.pairing {
                    Pairing::SubjectObjects | Pairing::Passive => {
                        // The clause's subject: the last person before the trigger,
                        // unless an earlier one opens a relative clause ("Neema
                        // Mollel, who is representing President X, was received").
                        let relative = before.iter().find(|p| {
                            let after = input.get(p.span.end..at).unwrap_or("");
                            let lower = after.trim_start_matches([',', ' ']).to_ascii_lowercase();
                            after.trim_start().starts_with(',')
                                && (lower.starts_with("who ")
                                    || lower.starts_with("representing ")
                                    || lower.starts_with("on behalf "))
                        });
                        let subject = relative.or(before.last()).map(|p| p.entity);
                        match subject {
                            Some(a) if !after.is_empty() => {
                                // The objects run as a list: after the first, only
                                // commas, "and" and title words may come between
                                // ("met A, B and C"), not a new clause ("called on A
                                // and conveyed greetings from B").
                                let mut prev_end = after[0].span.end;
                                for (k, b) in after.iter().enumerate() {
                                    if k > 0 && !list_gap(input.get(prev_end..b.span.start).unwrap_or("x")) {
                                        break;
                                    }
                                    prev_end = prev_end.max(b.span.end);
                                    pairs.push((a, b.entity));
                                }
                            }
                            // "A met with heads of missions" / "A received copies of the
                            // credentials of five ambassadors": the guests follow.
                            Some(a) if !planned && trig.pairing == Pairing::SubjectObjects => {
                                host_without_guests = Some(a)
                            }
                            _ => {}
                        }
                    }
                    Pairing::Conjoined => {
                        // The persons joined by "and" around the trigger.
                        let side: Vec<&PersonAt> =
                            if trig.rule == "meeting.conjoined_discussed" { before } else { after };
                        let group = conjoined(input, &side);
                        for i in 0..group.len() {
                            for j in i + 1..group.len() {
                                pairs.push((group[i], group[j]));
                            }
                        }
                    }
                    Pairing::Clause => {
                        if let Some(b) = after.first() {
                            for p in before.iter().chain(after.iter().skip(1)) {
                                pairs.push((p.entity, b.entity));
                            }
                        }
                    }
                    Pairing::Guests => {
                        if let Some(h) = host_without_guests {
                            for p in &after {
                                pairs.push((h, p.entity));
                            }
                            if after.is_empty() && text.trim_end().ends_with(':') {
                                guest_list = Some((h, "meeting.guest_list"));
                                rule_trigger = text[m.start..m.end].to_string();
                            }
                        }
                    }
                }
                for (a, b) in pairs {
                    if a.id == b.id || out.iter().any(|r| same_pair(r, a, b)) {
                        continue;
                    }
                    let (kind, realis) =
                        if planned { ("planned_meeting", Realis::Planned) } else { ("met", Realis::Actual) };
                    out.push(Relation {
                        kind,
                        participants: [a.id.clone(), b.id.clone()],
                        roles: trig.roles,
                        trigger: text[m.clone()].to_string(),
                        span: s.span,
                        date: date.clone(),
                        place: place.clone(),
                        realis,
                        rule: trig.rule,
                    });
                }
            }
        }
    }
    out
}

/// True when the text between two listed persons holds only list words:
/// punctuation, "and", titles (capitalized) and a few function words.
fn list_gap(gap: &str) -> bool {
    // "... and six other ambassadors, among them B": the list goes on.
    let lower = gap.to_ascii_lowercase();
    if ["among them", "including", "such as", "as well as"].iter().any(|p| lower.contains(p)) {
        return true;
    }
    const OK: &[&str] = &[
        "and",
        "the",
        "of",
        "to",
        "his",
        "her",
        "its",
        "their",
        "counterpart",
        "counterparts",
        "as",
        "well",
        "also",
        "with",
        "a.i",
        "for",
        "on",
        "in",
        "ambassador",
        "minister",
        "president",
        "a",
        "an",
    ];
    gap.split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .all(|w| w.starts_with(char::is_uppercase) || OK.contains(&w.to_ascii_lowercase().trim_end_matches('.')))
}

fn same_pair(r: &Relation, a: &Entity, b: &Entity) -> bool {
    (r.participants[0] == a.id && r.participants[1] == b.id) || (r.participants[0] == b.id && r.participants[1] == a.id)
}

/// Persons in a run joined only by commas, "and" and title words: the
/// longest run of consecutive mentions with no sentence verb between.
fn conjoined<'e>(input: &str, side: &[&PersonAt<'e>]) -> Vec<&'e Entity> {
    let mut group: Vec<&Entity> = Vec::new();
    for (i, p) in side.iter().enumerate() {
        if i > 0 {
            // Mentions may overlap (a title phrase around a name): no gap then.
            let gap = input.get(side[i - 1].span.end..p.span.start).unwrap_or("");
            if !(gap.contains(" and ") || gap.contains(',') || gap.trim().is_empty()) || gap.len() > 200 {
                group.clear();
            }
        }
        if !group.iter().any(|g| g.id == p.entity.id) {
            group.push(p.entity);
        }
    }
    if group.len() >= 2 {
        group
    } else {
        Vec::new()
    }
}

fn first_of<'s>(entities: &[Entity], kind: &str, sentences: impl Iterator<Item = &'s Sentence>) -> Option<String> {
    sentences.into_iter().find_map(|s| within(entities, kind, s.span))
}

/// Mentions of one kind of entity, sorted by start, with the canonical name.
fn mentions_of<'e>(entities: &'e [Entity], kind: &str) -> Vec<(usize, &'e str)> {
    let mut v: Vec<(usize, &str)> = entities
        .iter()
        .filter(|e| e.kind.as_str() == kind)
        .flat_map(|e| e.mentions.iter().map(move |m| (m.span.start, e.canonical.as_str())))
        .collect();
    v.sort_unstable();
    v
}

/// The first of sorted mentions inside `span`.
fn first_in(sorted: &[(usize, &str)], span: Span) -> Option<String> {
    let i = sorted.partition_point(|&(start, _)| start < span.start);
    sorted.get(i).filter(|&&(start, _)| start < span.end).map(|&(_, name)| name.to_string())
}

fn within(entities: &[Entity], kind: &str, span: Span) -> Option<String> {
    entities
        .iter()
        .filter(|e| e.kind.as_str() == kind)
        .flat_map(|e| e.mentions.iter().map(move |m| (m.span.start, e)))
        .filter(|(start, _)| *start >= span.start && *start < span.end)
        .min_by_key(|(start, _)| *start)
        .map(|(_, e)| e.canonical.clone())
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn pairs(text: &str) -> Vec<(String, String, &'static str)> {
        let doc = Extractor::new().extract(text);
        doc.relations
            .iter()
            .filter(|r| r.kind == "met")
            .map(|r| {
                let name = |id: &str| doc.entity(id).map(|e| e.canonical.clone()).unwrap_or_default();
                (name(&r.participants[0]), name(&r.participants[1]), r.rule)
            })
            .collect()
    }

    #[test]
    fn trigger_patterns_expand_to_phrases() {
        assert_eq!(
            super::expand("had (?:a )?(?:telephone|phone) call(?:s)? with|met"),
            [
                "had a phone call with",
                "had a phone calls with",
                "had a telephone call with",
                "had a telephone calls with",
                "had phone call with",
                "had phone calls with",
                "had telephone call with",
                "had telephone calls with",
                "met"
            ]
        );
    }

    #[test]
    fn active_passive_and_lists() {
        let p = pairs("Foreign Minister Aliya Dossanova met with Ambassador of Spain Luis Moreno and Ambassador of Japan Kenji Sato.");
        assert_eq!(p.len(), 2, "{p:?}");
        let p = pairs("Ambassador of Chile Rosa Ibarra was received by Foreign Minister Aliya Dossanova.");
        assert_eq!(p, [("Rosa Ibarra".into(), "Aliya Dossanova".into(), "meeting.passive_received")]);
    }

    #[test]
    fn co_chairing_and_conjoined_subjects() {
        let p = pairs("The meeting was co-chaired by Deputy Minister Arman Issin and Special Envoy Clara Weiss.");
        assert_eq!(p.len(), 1, "{p:?}");
    }

    #[test]
    fn planned_and_unnamed_meetings_are_not_met() {
        assert!(pairs("Foreign Minister Aliya Dossanova will meet with Ambassador of Chile Rosa Ibarra next week.")
            .is_empty());
        assert!(pairs("Foreign Minister Aliya Dossanova met with the heads of several missions.").is_empty());
        assert!(pairs("President Arman Issin and Prime Minister Clara Weiss attended the plenary session.").is_empty());
    }

    #[test]
    fn meeting_a_body_or_a_country_or_a_speech_mention_is_no_pair() {
        assert!(pairs("Foreign Minister Aliya Dossanova met with the OSCE delegation and with Japan.").is_empty());
        assert!(pairs("In his speech, Minister Arman Issin recalled the words of President Clara Weiss.").is_empty());
        assert!(pairs("Minister Arman Issin and Ambassador Clara Weiss spoke at the same session.").is_empty());
    }

    #[test]
    fn planned_meetings_keep_realis_planned() {
        let doc = Extractor::new()
            .extract("Foreign Minister Aliya Dossanova will meet with Ambassador of Chile Rosa Ibarra.");
        assert_eq!(doc.relations.len(), 1);
        assert_eq!(doc.relations[0].kind, "planned_meeting");
        assert_eq!(doc.relations[0].realis, crate::Realis::Planned);
    }

    #[test]
    fn phone_calls_and_credentials() {
        let p = pairs(
            "Foreign Minister Aliya Dossanova had a telephone conversation with Foreign Minister of Chile Rosa Ibarra.",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].2, "meeting.phone");
        let p =
            pairs("Ambassador of Chile Rosa Ibarra presented a copy of credentials to Deputy Minister Arman Issin.");
        assert_eq!(p.len(), 1, "{p:?}");
        let p = pairs("Talks between Foreign Minister Aliya Dossanova and Foreign Minister of Chile Rosa Ibarra took place in Astana.");
        assert_eq!(p.len(), 1, "{p:?}");
    }

    #[test]
    fn short_mentions_resolve_to_the_participant() {
        let text = "Foreign Minister of Kazakhstan Aliya Dossanova arrived in Lima. The Kazakh Minister met with Ambassador of Chile Rosa Ibarra.";
        assert_eq!(pairs(text), [("Aliya Dossanova".into(), "Rosa Ibarra".into(), "meeting.met")]);
    }

    #[test]
    fn related_news_furniture_is_ignored() {
        let text = "Minister Aliya Dossanova spoke at the forum.\n\nRelated news\nForeign Minister Arman Issin met with Ambassador of Chile Rosa Ibarra.";
        assert!(pairs(text).is_empty());
    }
}
