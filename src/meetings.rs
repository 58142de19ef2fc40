//! Meetings: "X met Y" relations from trigger phrases between resolved
//! person mentions, with date, place, realis and the rule that fired.

use crate::document::{Entity, Realis, Relation};
use crate::span::Span;
use crate::text::sentence::Sentence;
use regex::Regex;
use std::sync::LazyLock;

/// A trigger family: its pattern, how participants are paired, roles.
struct Trigger {
    rule: &'static str,
    re: Regex,
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
    let t = |rule, pat: &str, pairing, roles| Trigger {
        rule,
        re: Regex::new(&format!(r"(?i)(?-u:\b)(?:{pat})(?-u:\b)")).expect("trigger compiles"),
        pairing,
        roles,
    };
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
            r"(?:during|at|in the course of) (?:the|a|their) (?:meeting|talks|conversation) with|(?:a|the) meeting of \S+(?: \S+){0,6} with",
            Pairing::Clause,
            None,
        ),
        t("meeting.guests", r"among the guests were|the guests included|guests included", Pairing::Guests, None),
        t(
            "meeting.phone",
            r"had (?:a |an )?(?:telephone|phone) (?:conversation|call|talk)s? with|spoke (?:by|over the) (?:phone|telephone) with|held (?:a )?(?:telephone|phone) (?:conversation|talks) with",
            Pairing::SubjectObjects,
            Some(["caller", "callee"]),
        ),
        t("meeting.received", r"received|hosted|welcomed", Pairing::SubjectObjects, Some(["host", "visitor"])),
        t(
            "meeting.met",
            r"met with|met|meets with|held (?:talks|negotiations|a meeting|meetings|bilateral meetings|bilateral talks|consultations)(?: via videoconference| by video link| online)? with|had (?:a )?(?:meeting|talks) with|paid a courtesy call on|called on",
            Pairing::SubjectObjects,
            None,
        ),
        t(
            "meeting.credentials_to",
            r"presented (?:a copy of )?(?:his |her |their |the )?(?:letters of )?credentials to",
            Pairing::SubjectObjects,
            Some(["visitor", "host"]),
        ),
        t(
            "meeting.credentials_from",
            r"accepted (?:a copy of )?(?:the )?(?:letters of )?credentials from",
            Pairing::SubjectObjects,
            Some(["host", "visitor"]),
        ),
        t("meeting.conjoined_discussed", r"discussed|exchanged views", Pairing::Conjoined, None),
    ]
});

/// Words before a trigger that make it a plan, not a fact.
static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:will|would|shall|to|plans? to|planning to|agreed to|expected to|scheduled to|intends? to|is set to|are set to|going to)\s+(?:\w+\s+){0,2}$").expect("compiles")
});

/// Page furniture after which reports are about other articles.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*(?:related news|read also|read more|see also|tags|more news)\b").expect("compiles")
});

/// A person mention inside a sentence.
#[derive(Clone, Copy)]
struct PersonAt<'e> {
    entity: &'e Entity,
    span: Span,
}

/// Finds meeting relations.
pub(crate) fn find(input: &str, sentences: &[Sentence], entities: &[Entity]) -> Vec<Relation> {
    let stop = FURNITURE.find(input).map_or(input.len(), |m| m.start());
    let dateline_date = first_of(entities, "date", sentences.iter().take(3));
    let dateline_place = first_of(entities, "city", sentences.iter().take(2));
    let mut mentions: Vec<PersonAt> = Vec::new();
    for e in entities.iter().filter(|e| e.kind.is_person()) {
        for m in &e.mentions {
            mentions.push(PersonAt { entity: e, span: m.span });
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    let mut out: Vec<Relation> = Vec::new();
    let mut host_without_guests: Option<&Entity> = None;
    for s in sentences.iter().filter(|s| s.span.start < stop) {
        let text = &input[s.span];
        let first = mentions.partition_point(|m| m.span.start < s.span.start);
        let persons: Vec<PersonAt> =
            mentions[first..].iter().take_while(|m| m.span.start < s.span.end).copied().filter(|m| s.span.contains(m.span)).collect();
        // A meeting needs a named person in the sentence (or a host waiting for guests).
        if persons.is_empty() {
            continue;
        }
        let date = within(entities, "date", s.span).or(dateline_date.clone());
        let place = within(entities, "city", s.span).or(dateline_place.clone());
        let mut used = vec![false; text.len() + 1];
        for trig in TRIGGERS.iter() {
            for m in trig.re.find_iter(text) {
                if used[m.start()..m.end()].iter().any(|&u| u) {
                    continue;
                }
                used[m.start()..m.end()].iter_mut().for_each(|u| *u = true);
                let at = s.span.start + m.start();
                let end = s.span.start + m.end();
                let planned = PLANNED.is_match(&text[..m.start()]);
                let before: Vec<&PersonAt> = persons.iter().filter(|p| p.span.end <= at).collect();
                let after: Vec<&PersonAt> = persons.iter().filter(|p| p.span.start >= end).collect();
                let mut pairs: Vec<(&Entity, &Entity)> = Vec::new();
                match trig.pairing {
                    Pairing::SubjectObjects | Pairing::Passive => {
                        let subject = before.last().map(|p| p.entity);
                        match subject {
                            Some(a) if !after.is_empty() => {
                                for b in &after {
                                    pairs.push((a, b.entity));
                                }
                            }
                            Some(a) if trig.rule == "meeting.met" && !planned => host_without_guests = Some(a),
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
                        trigger: text[m.start()..m.end()].to_string(),
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
    fn related_news_furniture_is_ignored() {
        let text = "Minister Aliya Dossanova spoke at the forum.\n\nRelated news\nForeign Minister Arman Issin met with Ambassador of Chile Rosa Ibarra.";
        assert!(pairs(text).is_empty());
    }
}
