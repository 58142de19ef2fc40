//! The output types: a [`Document`] with its repairs, entities and
//! relations, serialized to the JSON contract the CLI and scorers read.

use crate::repair::Repair;
use crate::span::Span;
use crate::text::sentence::Sentence;
use crate::text::tokenize::Token;
use serde::Serialize;

/// Everything extracted from one text.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Document {
    /// Where the text came from (a file path), when the caller says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Run-together words that were repaired, in text order.
    pub repairs: Vec<Repair>,
    /// Entities (persons, bodies, places, dates), in order of first mention.
    pub entities: Vec<Entity>,
    /// Relations between entities ("met").
    pub relations: Vec<Relation>,
    /// Date and place of the dateline ("WARSAW, May 7, 2019 –"), when the
    /// article opens with one.
    #[serde(skip_serializing_if = "Dateline::is_empty")]
    pub dateline: Dateline,
    /// Sentences of the repaired text.
    #[serde(skip)]
    pub sentences: Vec<Sentence>,
    /// The repaired token sequence (spans into the original input).
    #[serde(skip)]
    pub tokens: Vec<Token>,
}

impl Document {
    /// Sets the source name (builder style).
    pub fn with_source(mut self, source: impl Into<String>) -> Document {
        self.source = Some(source.into());
        self
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The text with every repair applied (for display; spans in this
    /// crate always refer to the original).
    pub fn repaired_text(&self, input: &str) -> String {
        let mut out = String::with_capacity(input.len() + self.repairs.len());
        let mut prev = 0;
        for r in &self.repairs {
            if r.span.start < prev || r.span.end > input.len() {
                continue;
            }
            out.push_str(&input[prev..r.span.start]);
            out.push_str(&r.replacement);
            prev = r.span.end;
        }
        out.push_str(&input[prev..]);
        out
    }
}

/// The date and place an article is filed from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// ISO date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Canonical city name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

impl Dateline {
    /// True when neither date nor place is known.
    pub fn is_empty(&self) -> bool {
        self.date.is_none() && self.place.is_none()
    }
}

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A cabinet member.
    Minister,
    /// A head of mission or envoy.
    Ambassador,
    /// A head of state or government.
    Leader,
    /// Any other titled office holder.
    Official,
    /// A named person with no role in the text.
    Person,
    /// An organization or institution.
    Body,
    /// A country or territory.
    Country,
    /// A city.
    City,
    /// A region (Central Asia, the Caucasus).
    Region,
    /// An absolute date.
    Date,
}

impl EntityKind {
    /// True for the five person kinds.
    pub fn is_person(self) -> bool {
        matches!(self, Self::Minister | Self::Ambassador | Self::Leader | Self::Official | Self::Person)
    }

    /// True for country, city and region.
    pub fn is_place(self) -> bool {
        matches!(self, Self::Country | Self::City | Self::Region)
    }

    /// The lower-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Minister => "minister",
            Self::Ambassador => "ambassador",
            Self::Leader => "leader",
            Self::Official => "official",
            Self::Person => "person",
            Self::Body => "body",
            Self::Country => "country",
            Self::City => "city",
            Self::Region => "region",
            Self::Date => "date",
        }
    }
}

/// One place an entity is named in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Where.
    #[serde(flatten)]
    pub span: Span,
    /// The text as written (`&input[span]`).
    pub text: String,
}

/// A person's role: class, title as written (repaired), affiliation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Role {
    /// leader, minister, ambassador, official or person.
    pub class: EntityKind,
    /// The title as written, repaired ("Foreign Minister of Kazakhstan").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The country or body the person serves, by canonical name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

/// A person, body, place or date, with all its mentions resolved to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Document-local id ("e1", "e2", ...), used by relations.
    pub id: String,
    /// What it is.
    pub kind: EntityKind,
    /// The canonical name: the fullest form written (persons), the
    /// gazetteer name (places, bodies), ISO 8601 (dates).
    pub canonical: String,
    /// The text of the first full mention, as written.
    pub text: String,
    /// Span of that first full mention.
    #[serde(flatten)]
    pub span: Span,
    /// Every mention, short ones included, in text order.
    pub mentions: Vec<Mention>,
    /// Other names the text uses for it, repaired ("Bureau of ..." for
    /// "Bureauof ..."), acronyms and short forms.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Role of a person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Acronym of a body, when known or defined in the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// The id of a body this one is part of ("OSCE/ODIHR").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Which gazetteer entry or rule found it ("gazetteer:countries:KZ",
    /// "rule:person.title_before_name").
    pub source: String,
}

/// Whether a relation happened or is only planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Realis {
    /// Reported as having happened.
    Actual,
    /// Announced, proposed or expected.
    Planned,
}

/// A relation between entities; today only `"met"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// Always `"met"`.
    pub kind: &'static str,
    /// Entity ids of the two persons.
    pub participants: [String; 2],
    /// Host / visitor, caller / callee where the text says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<[&'static str; 2]>,
    /// The trigger as written ("met with", "received").
    pub trigger: String,
    /// The evidence: the sentence or clause that reports it.
    #[serde(flatten)]
    pub span: Span,
    /// ISO date, from the sentence or else the dateline.
    pub date: Option<String>,
    /// Canonical place name.
    pub place: Option<String>,
    /// Actual or planned.
    pub realis: Realis,
    /// The rule that produced it.
    pub rule: &'static str,
}
