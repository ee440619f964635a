//! Provenance of every legal item: which instrument, which provision, where to read it.

use serde::{Deserialize, Serialize};

/// Where a piece of law comes from, so an adviser can check it and cite it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The Act or statutory instrument, e.g. "Employment and Support Allowance Regulations 2013 (SI 2013/379)".
    pub instrument: String,
    /// The regulation, section, schedule or paragraph.
    pub provision: String,
    /// A legislation URL where there is one.
    pub url: Option<String>,
    /// What was verified and how, or where secondary sources differ.
    pub note: Option<String>,
}

impl Source {
    /// "regulation 15(3), Employment and Support Allowance Regulations 2013": for citing in a sentence.
    pub fn cite(&self) -> String {
        format!("{}, {}", self.provision, self.instrument)
    }
}
