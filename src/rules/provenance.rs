//! Where a legal figure or rule comes from, as plain data the rules can carry into their results.
//! Pure: no I/O, no serde. Content fills these in from each item's `source`; the rules only pass
//! them through, so every explanation can name the provision it rests on.

use std::fmt;

/// The provision a figure or a rule rests on, so an adviser can check it and cite it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Citation {
    /// The instrument, e.g. "Welfare Reform Act 2007".
    pub instrument: String,
    /// The provision within it, e.g. "Schedule 1 paragraph 1(1)".
    pub provision: String,
    /// Where to read it (legislation.gov.uk where there is one).
    pub url: Option<String>,
    /// What was checked, or what is still unverified.
    pub note: Option<String>,
}

impl Citation {
    /// Builds a citation from its two required parts (tests and worked examples).
    pub fn new(instrument: impl Into<String>, provision: impl Into<String>) -> Self {
        Citation {
            instrument: instrument.into(),
            provision: provision.into(),
            url: None,
            note: None,
        }
    }
}

impl fmt::Display for Citation {
    /// "Welfare Reform Act 2007, Schedule 1 paragraph 1(1)": how advisers cite law in letters.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}", self.instrument, self.provision)
    }
}

/// A figure the rules needed but content does not hold, so the adviser is told what to add
/// instead of being given a wrong number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingFigure {
    /// What is missing, e.g. "Lower Earnings Limit for 2027-28".
    pub what: String,
    /// Where it belongs, e.g. "content/figures/lel.toml".
    pub origin: String,
}

impl fmt::Display for MissingFigure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no {} in {}: add it, then run check-content",
            self.what, self.origin
        )
    }
}

impl std::error::Error for MissingFigure {}

/// How much an adviser must act on a finding: the same three levels as question flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// No new-style ESA for the period this applies to.
    Bar,
    /// Act on it or check it before relying on the result.
    Warn,
    /// For information.
    Info,
}

/// A finding in words, with how much it matters and what it rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// How much the adviser must act on it.
    pub level: Level,
    /// The finding in words, with its figures.
    pub says: String,
    /// The provision it rests on.
    pub citation: Citation,
}

#[cfg(test)]
mod tests {
    use super::{Citation, MissingFigure};

    #[test]
    fn a_missing_figure_tells_the_adviser_what_to_add_and_where() {
        let missing = MissingFigure {
            what: "Lower Earnings Limit for 2027-28".into(),
            origin: "content/figures/lel.toml".into(),
        };
        assert_eq!(
            missing.to_string(),
            "no Lower Earnings Limit for 2027-28 in content/figures/lel.toml: add it, then run check-content"
        );
    }

    #[test]
    fn a_citation_reads_as_instrument_then_provision() {
        let c = Citation::new("Welfare Reform Act 2007", "section 1A");
        assert_eq!(c.to_string(), "Welfare Reform Act 2007, section 1A");
    }
}
