//! The reconsideration and appeal timeline of a session: every step with its last day, where
//! it stands (running with an urgency, done, not yet known, cannot be counted), its days left,
//! how the date was counted and the provision that sets the limit. Counted by `rules::deadlines`
//! with content's limits and bank holidays; no date arithmetic here.

use chrono::NaiveDate;

use crate::content::Content;
use crate::content::date::Date;
use crate::interview::session::{Decision, Session};
use crate::rules::calendar::Jurisdiction;
use crate::rules::deadlines::{
    DecisionFacts, Input, InputProblem, Reckoning, StepId, StepState, Timeline, Urgency,
};

use super::{Needed, NotWorkedOut};

/// The word and symbol content gives an urgency ("PASSED", "!!"): never colour alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The word.
    pub word: String,
    /// The plain-ASCII symbol.
    pub symbol: String,
}

/// Where a step stands, as `assess --json` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepStatus {
    /// Its clock is running, with this urgency.
    Running(Urgency),
    /// A later date shows the case has moved past it.
    Done(Input),
    /// The date that starts its clock is not entered.
    NotYetKnown(Input),
    /// Content lacks a year of bank holidays to count it.
    CannotCount,
}

impl StepStatus {
    /// The stable id: `ok`, `due-soon`, `passed`, `done`, `not-yet-known` or `cannot-count`.
    pub const fn id(self) -> &'static str {
        match self {
            StepStatus::Running(u) => u.id(),
            StepStatus::Done(_) => "done",
            StepStatus::NotYetKnown(_) => "not-yet-known",
            StepStatus::CannotCount => "cannot-count",
        }
    }
}

/// One step of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// Which step.
    pub step: StepId,
    /// Its title, from content.
    pub title: String,
    /// Where it stands.
    pub status: StepStatus,
    /// The last day on which the step is in time, whenever the entered dates give one (also
    /// for a done step, as a record).
    pub last_day: Option<NaiveDate>,
    /// `last_day - today` in days; negative once passed.
    pub days_left: Option<i64>,
    /// Set when entering this date could move the last day later: the date given is the safe,
    /// earlier one.
    pub may_move_later: Option<Input>,
    /// How the last day was counted, stage by stage.
    pub reckoning: Vec<Reckoning>,
    /// Why it cannot be counted, for a step that cannot (what to add to content, and where).
    pub cannot_count: Option<String>,
    /// Content's word and symbol for a running step or one that cannot be counted.
    pub marker: Option<Marker>,
    /// The provision that sets the limit.
    pub source: String,
}

impl Deadline {
    /// Passed, due within the warning window, or impossible to count: flagged on every screen
    /// and at the top of every export.
    pub fn needs_warning(&self) -> bool {
        match self.status {
            StepStatus::Running(u) => u.needs_warning(),
            StepStatus::CannotCount => true,
            StepStatus::Done(_) | StepStatus::NotYetKnown(_) => false,
        }
    }
}

/// The whole timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadlines {
    /// Every step, in order.
    pub steps: Vec<Deadline>,
    /// The step to act on now, if any date has been entered.
    pub due_now: Option<StepId>,
    /// Entered dates that look wrong.
    pub problems: Vec<InputProblem>,
    /// `Needs` until a date that starts a clock is entered.
    pub started: Result<(), NotWorkedOut>,
}

impl Deadlines {
    /// The step with that id.
    pub fn step(&self, id: StepId) -> &Deadline {
        self.steps
            .iter()
            .find(|s| s.step == id)
            .expect("a timeline holds every step")
    }

    /// A step's last day, if known.
    pub fn last_day(&self, id: StepId) -> Option<NaiveDate> {
        self.step(id).last_day
    }

    /// The step due now, while its clock runs (passed or not) or it cannot be counted: the
    /// routes screen's "Now" and the caseload's next deadline. `None` once every step is done
    /// or none has started.
    pub fn next(&self) -> Option<&Deadline> {
        let step = self.step(self.due_now?);
        matches!(
            step.status,
            StepStatus::Running(_) | StepStatus::CannotCount
        )
        .then_some(step)
    }

    /// The steps to flag on every screen and in exports.
    pub fn alerts(&self) -> impl Iterator<Item = &Deadline> {
        self.steps.iter().filter(|s| s.needs_warning())
    }
}

/// The session's decision dates as the rules take them.
fn facts(d: &Decision) -> DecisionFacts {
    let date = |x: Option<Date>| x.map(|d| d.0);
    DecisionFacts {
        decision_date: date(d.decision_date),
        reasons_requested: date(d.reasons_requested),
        reasons_provided: date(d.reasons_provided),
        mr_notice_date: date(d.mr_notice_date),
        tribunal_decision_date: date(d.tribunal_decision_date),
        tribunal_reasons_sent: date(d.tribunal_reasons_sent),
        permission_refused_date: date(d.permission_refused_date),
    }
}

/// Counts the session's timeline from `today`.
pub fn evaluate(session: &Session, content: &Content, today: NaiveDate) -> Deadlines {
    of_decision(&session.decision, content, today)
}

/// The timeline from the decision table alone: what `evaluate` gives for any session holding
/// it, so the caseload can count a session's deadlines from its indexed decision without
/// reading the rest of the file.
pub fn of_decision(decision: &Decision, content: &Content, today: NaiveDate) -> Deadlines {
    let facts = facts(decision);
    let jurisdiction = decision
        .jurisdiction
        .as_deref()
        .and_then(Jurisdiction::from_id);
    let t: Timeline = content
        .deadlines
        .timeline(&content.holidays, &facts, jurisdiction, today);
    let started = [
        facts.decision_date,
        facts.mr_notice_date,
        facts.tribunal_decision_date,
        facts.tribunal_reasons_sent,
        facts.permission_refused_date,
    ]
    .iter()
    .any(Option::is_some);
    Deadlines {
        steps: t.steps.iter().map(|s| step(s, content)).collect(),
        due_now: t.due_now,
        problems: t.problems,
        started: if started {
            Ok(())
        } else {
            Err(NotWorkedOut::Needs(vec![Needed::DecisionDate]))
        },
    }
}

fn step(s: &crate::rules::deadlines::Step, content: &Content) -> Deadline {
    let dc = &content.deadlines;
    let (status, marker, cannot_count) = match &s.state {
        StepState::Current { urgency } => (
            StepStatus::Running(*urgency),
            Some(dc.style(*urgency)),
            None,
        ),
        StepState::Done { shown_by } => (StepStatus::Done(*shown_by), None, None),
        StepState::NotYetKnown { waiting_for } => {
            (StepStatus::NotYetKnown(*waiting_for), None, None)
        }
        StepState::Unavailable { missing } => (
            StepStatus::CannotCount,
            Some(dc.style_by_id(crate::content::deadlines::CANNOT_COUNT)),
            Some(missing.to_string()),
        ),
    };
    Deadline {
        step: s.id,
        title: dc.step(s.id).title.clone(),
        status,
        last_day: s.deadline.as_ref().map(|d| d.date),
        days_left: s.deadline.as_ref().map(|d| d.days_left),
        may_move_later: s.deadline.as_ref().and_then(|d| d.may_move_later),
        reckoning: s
            .deadline
            .as_ref()
            .map(|d| d.reckoning.clone())
            .unwrap_or_default(),
        cannot_count,
        marker: marker.map(|m| Marker {
            word: m.word.clone(),
            symbol: m.symbol.clone(),
        }),
        source: dc.limit_source(s.id).source.cite(),
    }
}
