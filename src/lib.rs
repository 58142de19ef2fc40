//! # communique
//!
//! Reads English diplomatic and government news, repairs the run-together
//! words that HTML stripping leaves behind, and returns who is in it and
//! who met whom, as typed structs whose spans point into the original text.
//!
//! ```
//! use communique::Extractor;
//!
//! let text = "On the sidelines of theevent,the Kazakh Minister met with \
//!             SamuelD. Brownback.";
//! let doc = Extractor::new().extract(text);
//! let repaired: Vec<&str> = doc.repairs.iter().map(|r| r.replacement.as_str()).collect();
//! assert_eq!(repaired, ["the event, the", "Samuel D."]);
//! // Every span indexes the original input.
//! assert_eq!(&text[doc.repairs[1].span], "SamuelD.");
//! ```
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
