//! Errors raised while building an [`Extractor`](crate::Extractor).

use std::path::PathBuf;

/// Why building an extractor failed. Extraction itself never fails.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A data file has a line the parser cannot read.
    #[error("{file}:{line}: {reason}")]
    BadLine {
        /// The file (a path, or `bundled:NAME` for embedded data).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        reason: String,
    },
    /// A data file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file that failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A matcher could not be compiled from the loaded data.
    #[error("cannot compile the {what} matcher: {reason}")]
    Matcher {
        /// Which matcher.
        what: &'static str,
        /// The compiler's message.
        reason: String,
    },
}
