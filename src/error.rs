//! The errors postchart reports.

use std::fmt;

/// Why a post could not be charted or a chart not drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input is larger than postchart reads ([`crate::MAX_SOURCE_BYTES`]).
    TooLarge { bytes: usize, limit: usize },
    /// The input is not text (NUL bytes or mostly control characters).
    NotText,
    /// A chart spec that cannot be drawn (no points, a non-finite value, an unknown kind).
    InvalidChart(String),
    /// The drawing backend failed.
    Drawing(String),
    /// A post whose body needs a Markdown reader, given to a build without one (the widget's
    /// lean wasm, built without the `markdown` feature).
    NeedsMarkdown,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => {
                write!(f, "post is {bytes} bytes; postchart reads at most {limit}")
            }
            Error::NotText => write!(f, "post is not text (binary data)"),
            Error::InvalidChart(why) => write!(f, "invalid chart: {why}"),
            Error::Drawing(why) => write!(f, "drawing failed: {why}"),
            Error::NeedsMarkdown => write!(
                f,
                "post body is Markdown, which this build does not read (the full build does)"
            ),
        }
    }
}

impl std::error::Error for Error {}
