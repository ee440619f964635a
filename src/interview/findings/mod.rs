//! The evaluation in sentences: each fact gets its sentence here, once, as a typed `Finding`
//! that carries how much it matters, its source and what kind of fact it states (a deadline
//! keeps its step, date and urgency as data). The screens lay findings out, the plain mode says
//! them and the statement prints them; none writes a fact's sentence for itself, and none takes
//! a sentence apart again (a deadline is re-worded to fit a line from its data, by `deadline`).
//! Depends on the evaluation and content.

mod deadline;
mod outcome;
mod routes;
mod stages;

use crate::content::questions::FlagLevel;
use crate::rules::provenance;

use super::evaluate::{Deadline, NotWorkedOut};

pub use deadline::{Fit, deadline_line};
pub use outcome::{
    contribution_verdict, dated_deadlines, eligibility, group_sentence, lcw_sentence,
    lcwra_sentence, outcome, summary, wca,
};
pub use routes::{alerts, routes, timeline};
pub use stages::{contribution_details, contributions_stage, status_stage};

/// How much a finding matters; front ends show it with a word and a symbol, never colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Met, or good news.
    Ok,
    /// Background.
    Info,
    /// Act on or check this.
    Warn,
    /// No entitlement, or a deadline passed.
    Bar,
}

impl Level {
    /// The word that carries the level without colour.
    pub fn word(self) -> &'static str {
        match self {
            Level::Ok => "Met",
            Level::Info => "Note",
            Level::Warn => "Warning",
            Level::Bar => "Stop",
        }
    }

    /// An ASCII symbol that carries the level without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Level::Ok => "+",
            Level::Info => "i",
            Level::Warn => "!",
            Level::Bar => "X",
        }
    }
}

impl From<FlagLevel> for Level {
    fn from(l: FlagLevel) -> Level {
        match l {
            FlagLevel::Info => Level::Info,
            FlagLevel::Warn => Level::Warn,
            FlagLevel::Bar => Level::Bar,
        }
    }
}

impl From<provenance::Level> for Level {
    fn from(l: provenance::Level) -> Level {
        match l {
            provenance::Level::Bar => Level::Bar,
            provenance::Level::Warn => Level::Warn,
            provenance::Level::Info => Level::Info,
        }
    }
}

/// The facts an outcome rests on, each stated by one finding (decided, or not worked out).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fact {
    /// Age and State Pension age on the claim date.
    Age,
    /// The two contribution conditions.
    Contributions,
    /// Limited capability for work.
    Lcw,
    /// Limited capability for work-related activity.
    Lcwra,
    /// The group.
    Group,
    /// The weekly amounts.
    Rates,
    /// The deadlines, while none can be counted.
    Deadlines,
}

/// What a finding states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A step of the challenge timeline, with its date and urgency as data.
    Deadline(Deadline),
    /// The sentence that states one of the facts an outcome rests on.
    Verdict(Fact),
    /// Anything else: figures year by year, guidance, what the answers raise.
    Detail,
}

/// A sentence the adviser can read out, with how much it matters and where the law says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What it states.
    pub kind: Kind,
    /// How much it matters.
    pub level: Level,
    /// The sentence, with its figures (a deadline's in its fullest form, without its symbol).
    pub text: String,
    /// The provision it rests on, if any.
    pub source: Option<String>,
}

impl Finding {
    /// A detail.
    pub fn detail(level: Level, text: impl Into<String>, source: Option<String>) -> Finding {
        Finding {
            kind: Kind::Detail,
            level,
            text: text.into(),
            source,
        }
    }

    /// A finding from the rules' own explanation.
    pub fn from_rules(f: &provenance::Finding) -> Finding {
        Finding::detail(f.level.into(), f.says.clone(), Some(f.citation.to_string()))
    }

    /// The symbol that goes before the finding where symbols are shown: a deadline's from
    /// content ("!!"), none for a step that needs no marker, else the level's.
    pub fn symbol(&self) -> Option<&str> {
        match &self.kind {
            Kind::Deadline(d) => d.marker.as_ref().map(|m| m.symbol.as_str()),
            _ => Some(self.level.symbol()),
        }
    }

    /// The finding as one line of plain text, as statements and `assess` print it: a deadline
    /// after its symbol ("!! PASSED ..."), a verdict as it is (it names its fact), any other
    /// warning or bar after its level's word ("Warning: ...").
    pub fn line(&self) -> String {
        match (&self.kind, self.level) {
            (Kind::Deadline(_), _) => match self.symbol() {
                Some(s) => format!("{s} {}", self.text),
                None => self.text.clone(),
            },
            (Kind::Detail, Level::Warn | Level::Bar) => {
                format!("{}: {}", self.level.word(), self.text)
            }
            _ => self.text.clone(),
        }
    }
}

/// "Contribution conditions: not worked out: needs the claim date."
fn not_worked_out(fact: Fact, what: &str, why: &NotWorkedOut) -> Finding {
    let (level, reason) = match why {
        NotWorkedOut::Needs(needed) => {
            let words: Vec<&str> = needed.iter().map(|n| n.words()).collect();
            (Level::Info, format!("needs {}", and_list(&words)))
        }
        NotWorkedOut::Figure(m) => (Level::Warn, m.to_string()),
    };
    Finding {
        kind: Kind::Verdict(fact),
        level,
        text: format!("{what}: not worked out: {reason}."),
        source: None,
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_string(),
        None => String::new(),
    }
}
