//! One evaluation of a session: everything the law gives for it, worked out once, as data. The
//! screens, the plain mode, every export and `assess` render an `Evaluation`; none works an
//! outcome out for itself, so what the screen says is what the statement says is what
//! `assess --json` says. The caseload view and the decision documents read it too: every part
//! is public and typed (dates as dates, conditions as `Status`, deadlines as steps), and its
//! words are made in one place, `interview::findings`. Built from the session, content and
//! today alone; depends on `content` and `rules`.

mod deadlines;
mod eligibility;
mod tally;
mod wca;

use chrono::NaiveDate;

use crate::content::Content;
use crate::rules::age::AgeVerdict;
use crate::rules::contributions::ContributionAssessment;
use crate::rules::provenance::MissingFigure;

use super::session::Session;

pub use deadlines::{Deadline, Deadlines, Marker, StepStatus, of_decision as deadlines_of};
pub use eligibility::{Phase, RaisedFlag, Rates, RatesPeriod};
pub use tally::{Tally, TallyLine, descriptor_label, lcwra_label};
pub use wca::Wca;

/// A part of the evaluation, or why it could not be worked out.
pub type Worked<T> = Result<T, NotWorkedOut>;

/// Why a part of the evaluation could not be worked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotWorkedOut {
    /// The session lacks these entries.
    Needs(Vec<Needed>),
    /// Content lacks a figure the rules need: what to add, and where.
    Figure(MissingFigure),
}

/// An entry of the session that a part of the evaluation needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needed {
    /// `claimant.date_of_birth`.
    DateOfBirth,
    /// `claimant.claim_date` (or, for the contribution conditions, `claimant.incapacity_start`).
    ClaimDate,
    /// `decision.decision_date` (or any later date of the challenge).
    DecisionDate,
}

impl Needed {
    /// The entry in words, as the adviser enters it.
    pub const fn words(self) -> &'static str {
        match self {
            Needed::DateOfBirth => "the date of birth",
            Needed::ClaimDate => "the claim date",
            Needed::DecisionDate => "the date the decision was sent",
        }
    }

    /// Its field in the session file.
    pub const fn field(self) -> &'static str {
        match self {
            Needed::DateOfBirth => "claimant.date_of_birth",
            Needed::ClaimDate => "claimant.claim_date",
            Needed::DecisionDate => "decision.decision_date",
        }
    }
}

/// Everything the law gives for one session on one day.
#[derive(Clone, Debug)]
pub struct Evaluation {
    /// The day the deadlines' days left are counted from.
    pub today: NaiveDate,
    /// The Work Capability Assessment: Schedule 2 points, Schedule 3, routes, the group.
    pub wca: Wca,
    /// Chosen descriptor and route ids this content does not know (left out of the WCA).
    pub unknown_ids: Vec<String>,
    /// Age and State Pension age on the claim date.
    pub age: Worked<AgeVerdict>,
    /// The contribution conditions, each `Met`, `NotMet` or `Unknown`.
    pub contributions: Worked<ContributionAssessment>,
    /// The weekly amounts, period by period.
    pub rates: Worked<Rates>,
    /// Every step of the reconsideration and appeal timeline.
    pub deadlines: Deadlines,
    /// What the answers raise (a bar, a warning, a note), question by question.
    pub flags: Vec<RaisedFlag>,
}

/// Evaluates a session: the only place its outcome is worked out.
pub fn evaluate(session: &Session, content: &Content, today: NaiveDate) -> Evaluation {
    let wca = wca::evaluate(session, content);
    let rates = eligibility::rates(session, content, wca.assessment.group);
    Evaluation {
        today,
        unknown_ids: wca::unknown_ids(session, content),
        age: eligibility::age(session, content),
        contributions: eligibility::contributions(session, content),
        rates,
        deadlines: deadlines::evaluate(session, content, today),
        flags: eligibility::flags(session, content),
        wca,
    }
}
