//! Byte spans into the original input text.

use serde::{Deserialize, Serialize};
use std::ops::{Index, Range};

/// A half-open byte range `start..end` into the ORIGINAL input.
///
/// Both ends always lie on `char` boundaries, so `&text[span]` is the text
/// the span names. Spans never point into a repaired or normalized copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (`start <= end`).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when `other` lies within `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span as a `Range<usize>`.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_str_by_byte_offsets() {
        let text = "Ms. Gísladóttir met him";
        let span = Span::new(4, 17);
        assert_eq!(&text[span], "Gísladóttir");
        assert_eq!(span.len(), 13);
    }

    #[test]
    fn cover_and_overlap() {
        let a = Span::new(0, 4);
        let b = Span::new(3, 9);
        assert_eq!(a.cover(b), Span::new(0, 9));
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(4, 5)));
        assert!(Span::new(0, 9).contains(b));
    }
}
