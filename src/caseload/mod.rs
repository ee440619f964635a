//! The caseload: every session's next deadline, soonest first, for `due`, the start screen's
//! column and banner, the plain mode's list and the calendar export. Each deadline is the step
//! the session's own routes screen calls "Now" (`Deadlines::next` of the one evaluation),
//! counted by the same function from the session's decision table; nothing here counts a date.
//! The decision tables come from the sessions folder's index (`store::index`), so a caseload
//! of 50,000 sessions is read without parsing 50,000 files. Depends on `interview::evaluate`,
//! `store` and `content`.

pub mod ics;

use chrono::NaiveDate;

use crate::content::Content;
use crate::interview::evaluate::{Deadline, StepStatus, deadlines_of};
use crate::rules::deadlines::{StepId, Urgency};
use crate::store::Case;

/// The default `--within`: four weeks, the length of the commonest limit (one month).
pub const DEFAULT_WITHIN_DAYS: i64 = 28;

/// A session's next deadline, as its routes screen gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    /// The session id.
    pub id: String,
    /// The claimant reference (never health data: the calendar carries this alone).
    pub reference: String,
    /// The step due now.
    pub step: Deadline,
}

impl Due {
    /// The status word content gives the step (`PASSED`, `DUE SOON`, `OPEN`, ...).
    pub fn word(&self) -> &str {
        self.step.marker.as_ref().map_or("", |m| m.word.as_str())
    }

    /// Passed, due within the warning window, cannot be counted, or a late route open
    /// because the ordinary limit has passed: what the start screen's banner counts.
    pub fn is_pressing(&self) -> bool {
        self.step.needs_warning()
            || matches!(
                self.step.step,
                StepId::LateMandatoryReconsideration | StepId::LateAppeal
            )
    }

    /// Days left, or `None` where the step cannot be counted.
    pub fn days_left(&self) -> Option<i64> {
        self.step.days_left
    }

    /// The sort key: steps that cannot be counted first (nobody knows their day), then by
    /// last day, then by reference and id so the order never depends on the folder.
    fn order(&self) -> (bool, Option<NaiveDate>, &str, &str) {
        (
            self.step.status != StepStatus::CannotCount,
            self.step.last_day,
            &self.reference,
            &self.id,
        )
    }
}

/// The next deadline of one case, if a step of its timeline is running or cannot be counted.
pub fn next_due(case: &Case, content: &Content, today: NaiveDate) -> Option<Due> {
    let deadlines = deadlines_of(&case.decision, content, today);
    deadlines.next().map(|step| Due {
        id: case.summary.id.clone(),
        reference: case.summary.reference.clone(),
        step: step.clone(),
    })
}

/// True when `due --within DAYS` lists it: its last day is no more than `within` days away,
/// or passed no more than `within` days ago; a step that cannot be counted is always listed.
pub fn within(due: &Due, within: i64) -> bool {
    match due.step.status {
        StepStatus::CannotCount => true,
        StepStatus::Running(Urgency::Passed { days_ago }) => days_ago <= within,
        _ => due.days_left().is_some_and(|d| d <= within),
    }
}

/// Every case's next deadline, soonest first.
pub fn due_list(cases: &[Case], content: &Content, today: NaiveDate) -> Vec<Due> {
    let mut out: Vec<Due> = cases
        .iter()
        .filter_map(|c| next_due(c, content, today))
        .collect();
    out.sort_by(|a, b| a.order().cmp(&b.order()));
    out
}

#[cfg(test)]
mod tests;
