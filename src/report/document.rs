//! The document model every statement is built in and every format prints: a title with its
//! facts, sections of paragraphs, sub-headings, quotations, labelled lines, lists and lines
//! that carry their own markers; and findings laid out as blocks. The Markdown and text
//! renderers print it; nothing here knows a format. Depends on the findings only.

use crate::interview::findings::{Finding, Kind};

/// A whole statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The title.
    pub title: String,
    /// Reference and dates, shown under the title.
    pub facts: Vec<(String, String)>,
    /// The sections in order.
    pub sections: Vec<Section>,
}

/// One section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Its heading.
    pub heading: String,
    /// Its content in order.
    pub blocks: Vec<Block>,
}

/// A piece of a section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Para(String),
    /// A sub-heading (one activity, one descriptor).
    Sub(String),
    /// Words quoted from the law.
    Quote(String),
    /// Labelled lines ("Why it applies: ...").
    Pairs(Vec<(String, String)>),
    /// A list.
    Bullets(Vec<String>),
    /// Lines that carry their own markers (a timeline), one after another.
    Lines(Vec<String>),
}

/// A label followed by its value: "Why it applies: ..." but "Is the claimant ...? Yes".
pub fn labelled(label: &str, value: &str) -> String {
    if label.ends_with(['?', ':', '.']) {
        format!("{label} {value}")
    } else {
        format!("{label}: {value}")
    }
}

impl Section {
    /// A section with its heading and blocks.
    pub fn new(heading: &str, blocks: Vec<Block>) -> Section {
        Section {
            heading: heading.to_string(),
            blocks,
        }
    }
}

/// Findings as a block: deadlines as lines with their markers, anything else as paragraphs.
pub fn blocks(said: &[Finding]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for f in said {
        match (&f.kind, out.last_mut()) {
            (Kind::Deadline(_), Some(Block::Lines(lines))) => lines.push(f.line()),
            (Kind::Deadline(_), _) => out.push(Block::Lines(vec![f.line()])),
            _ => out.push(Block::Para(f.line())),
        }
    }
    out
}
