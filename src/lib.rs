//! # communique
//!
//! Reads English diplomatic and government news, repairs the run-together
//! words that HTML stripping leaves behind, and returns who is in it and
//! who met whom, as typed structs whose spans point into the original text.
//!
//! ```
//! use communique::{EntityKind, Extractor};
//!
//! let text = "WARSAW, May 7, 2019 – Foreign Minister of Kazakhstan Beibut Atamkulov \
//!             met with Ingibjörg Sólrún Gísladóttir, Director of theOffice for \
//!             Democratic Institutions and Human Rights.";
//! let extractor = Extractor::new(); // build once, share freely (Send + Sync)
//! let doc = extractor.extract(text);
//!
//! // 1. Repairs: reported, never applied to the text; spans index `text`.
//! assert_eq!(doc.repairs[0].replacement, "the Office");
//! assert_eq!(&text[doc.repairs[0].span], "theOffice");
//!
//! // 2. Entities: persons with roles, bodies, places, dates.
//! let minister = doc.entities.iter().find(|e| e.kind == EntityKind::Minister).unwrap();
//! assert_eq!(minister.canonical, "Beibut Atamkulov");
//! let role = minister.role.as_ref().unwrap();
//! assert_eq!(role.affiliation.as_deref(), Some("Kazakhstan"));
//! assert!(doc.entities.iter().any(|e| e.kind == EntityKind::City && e.canonical == "Warsaw"));
//!
//! // 3. Meetings: "met" relations between entity ids, with date and place.
//! let met = &doc.relations[0];
//! assert_eq!(met.trigger, "met with");
//! assert_eq!(met.date.as_deref(), Some("2019-05-07"));
//! assert_eq!(met.place.as_deref(), Some("Warsaw"));
//! let other = doc.entity(&met.participants[1]).unwrap();
//! assert_eq!(other.canonical, "Ingibjörg Sólrún Gísladóttir");
//! ```
//!
//! The output types are in [`document`]: a [`Document`] holds [`Repair`]s,
//! [`Entity`]s (with [`Mention`]s and a [`Role`]) and [`Relation`]s, and
//! serializes (serde) to the JSON contract the example binary prints.
//! Gazetteers (countries, places, bodies, titles) are bundled; add your own
//! with [`ExtractorBuilder::gazetteer_file`] in the same TSV formats.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod document;
mod entities;
pub mod error;
pub mod extractor;
pub mod gazetteer;
mod hash;
mod meetings;
pub mod repair;
pub mod span;
pub mod text;

pub use document::{Dateline, Document, Entity, EntityKind, Mention, Realis, Relation, Role};
pub use error::BuildError;
pub use extractor::{Extractor, ExtractorBuilder};
pub use gazetteer::GazetteerFormat;
pub use repair::{Repair, RepairRule};
pub use span::Span;

/// The README's examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
