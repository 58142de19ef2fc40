//! The folded text stream that gazetteers are matched against.

use crate::text::normalize::fold_into;
use crate::text::tokenize::Token;

/// Repaired tokens folded and joined: a space where the original (or a
/// repair) has whitespace, nothing where tokens touch. `starts[i]` and
/// `ends[i]` are token `i`'s byte range in `text`.
pub struct Stream {
    /// The folded text.
    pub text: String,
    /// Start of each token in `text`.
    pub starts: Vec<usize>,
    /// End of each token in `text`.
    pub ends: Vec<usize>,
}

impl Stream {
    /// Builds the stream for a document's repaired tokens.
    pub fn build(input: &str, tokens: &[Token]) -> Stream {
        let mut text = String::with_capacity(input.len() + 16);
        let mut starts = Vec::with_capacity(tokens.len());
        let mut ends = Vec::with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 && t.space_before {
                text.push(' ');
            }
            starts.push(text.len());
            fold_into(&input[t.span], &mut text);
            ends.push(text.len());
        }
        Stream { text, starts, ends }
    }
}
