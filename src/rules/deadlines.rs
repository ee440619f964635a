//! The challenge timeline after an ESA decision: mandatory reconsideration, appeal to the
//! First-tier Tribunal, and the steps after the tribunal, each with its deadline, how it was
//! counted, the days left and which step is due now. Pure: depends on chrono and
//! `rules::calendar`; every limit (months, days, warning window, citations) arrives as
//! [`Limits`] from content, and "today" is passed in. A missing date gives a "not yet known"
//! step, never a guess.

mod explain;
mod ids;
mod steps;

use chrono::NaiveDate;

use crate::rules::calendar::{HolidayCalendar, MissingYear, NonWorking};

pub use ids::{Input, StepId};
pub use steps::timeline;

/// The dates the adviser enters (the session file's `[decision]` table); any may be missing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecisionFacts {
    /// The date the decision notice was sent (notification of the original decision).
    pub decision_date: Option<NaiveDate>,
    /// When a written statement of the decision's reasons was asked for, if it was.
    pub reasons_requested: Option<NaiveDate>,
    /// When that statement was provided.
    pub reasons_provided: Option<NaiveDate>,
    /// The date the mandatory reconsideration notice was sent.
    pub mr_notice_date: Option<NaiveDate>,
    /// The date the tribunal's decision notice was sent or given.
    pub tribunal_decision_date: Option<NaiveDate>,
    /// The date the tribunal sent its written statement of reasons.
    pub tribunal_reasons_sent: Option<NaiveDate>,
    /// The date the tribunal sent its refusal of permission to appeal.
    pub permission_refused_date: Option<NaiveDate>,
}

/// A length of time as the law states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// Calendar months, counted to the corresponding date.
    Months(u32),
    /// Whole days.
    Days(u32),
}

/// One time limit as content states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limit {
    /// How long.
    pub period: Period,
    /// The provision, short ("D&A Regs 2013 reg 5(1)(b)(i)"), quoted in explanations.
    pub cite: String,
    /// The rule that moves a limit ending on a non-working day to the next working day, if one
    /// applies (e.g. "SEC Rules r.12(2)"); `None` when no such rule is known.
    pub next_working_day: Option<String>,
    /// What to tell the adviser when the limit ends on a non-working day and is not moved.
    pub not_moved_note: String,
}

/// Every limit the timeline uses, from `content/deadlines.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Reconsideration: one month from notification.
    pub mandatory_reconsideration: Limit,
    /// The extension when a statement of reasons was asked for within the month (14 days).
    pub reasons_extension: Limit,
    /// The outer limit for a late reconsideration request (13 months from notification).
    pub late_mandatory_reconsideration: Limit,
    /// Appeal: one month after the reconsideration notice was sent.
    pub appeal: Limit,
    /// The outer limit for a late appeal (12 months after the normal limit).
    pub late_appeal: Limit,
    /// Statement of reasons from the tribunal: one month from its decision notice.
    pub statement_of_reasons: Limit,
    /// Permission to appeal from the tribunal: one month after its reasons were sent.
    pub permission_to_appeal: Limit,
    /// Application to the Upper Tribunal: one month after the refusal of permission was sent.
    pub upper_tribunal: Limit,
    /// The authority for "a month ends on the last day of a short month" (Dodds v Walker).
    pub month_rule: String,
    /// A deadline this many days away or fewer is flagged "due soon" (7).
    pub warning_days: u32,
}

impl Limits {
    /// The limit that sets a step's deadline.
    pub const fn for_step(&self, step: StepId) -> &Limit {
        match step {
            StepId::MandatoryReconsideration => &self.mandatory_reconsideration,
            StepId::LateMandatoryReconsideration => &self.late_mandatory_reconsideration,
            StepId::Appeal => &self.appeal,
            StepId::LateAppeal => &self.late_appeal,
            StepId::StatementOfReasons => &self.statement_of_reasons,
            StepId::PermissionToAppeal => &self.permission_to_appeal,
            StepId::UpperTribunal => &self.upper_tribunal,
        }
    }
}

/// How pressing a running deadline is; shown with a word and a symbol, never colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    /// The last day has gone.
    Passed {
        /// Days since the last day (1 = it was yesterday).
        days_ago: i64,
    },
    /// The last day is today or within the warning window.
    DueSoon {
        /// Days left (0 = today is the last day).
        days_left: i64,
        /// The window from content, for the message.
        window: u32,
    },
    /// More time than the warning window.
    Ok {
        /// Days left.
        days_left: i64,
    },
}

impl Urgency {
    /// True for the states every screen, header and export must flag.
    pub const fn needs_warning(self) -> bool {
        !matches!(self, Urgency::Ok { .. })
    }

    /// The stable id content keys its word and symbol by ("passed", "due-soon", "ok").
    pub const fn id(self) -> &'static str {
        match self {
            Urgency::Passed { .. } => "passed",
            Urgency::DueSoon { .. } => "due-soon",
            Urgency::Ok { .. } => "ok",
        }
    }
}

/// A step's last day and how it was reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The last day on which the step is in time.
    pub date: NaiveDate,
    /// `date - today` in days; negative once passed.
    pub days_left: i64,
    /// Each stage of the counting, in order, with its provision.
    pub reckoning: Vec<Reckoning>,
    /// Set when entering this date could move the deadline later (a statement of reasons
    /// asked for but not yet received): the date shown is the safe, earlier one.
    pub may_move_later: Option<Input>,
}

/// One line of "how this deadline was counted".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reckoning {
    /// Counting starts from an entered date.
    Start {
        /// Which date.
        event: Input,
        /// Its value.
        date: NaiveDate,
    },
    /// Counting starts from the end of another step's limit.
    StartFromLimit {
        /// Whose limit.
        step: StepId,
        /// Its last day before any move to a working day.
        date: NaiveDate,
    },
    /// A period was added.
    Add {
        /// From this date.
        from: NaiveDate,
        /// This long.
        period: Period,
        /// Giving this date.
        to: NaiveDate,
        /// The month was too short for the corresponding date.
        clamped: bool,
        /// The provision for the period.
        cite: String,
        /// The authority for the short-month rule (used when `clamped`).
        month_rule: String,
    },
    /// The statement of reasons was asked for and provided within the month.
    ReasonsWithinMonth {
        /// When it was asked for.
        requested: NaiveDate,
        /// When it came.
        provided: NaiveDate,
        /// The extension's provision.
        cite: String,
    },
    /// The statement was asked for within the month but came after it.
    ReasonsAfterMonth {
        /// When it was asked for.
        requested: NaiveDate,
        /// When it came.
        provided: NaiveDate,
        /// The extension's provision.
        cite: String,
    },
    /// The statement was asked for after the month ended: no extension.
    ReasonsRequestedLate {
        /// When it was asked for.
        requested: NaiveDate,
        /// The month's last day.
        month_end: NaiveDate,
    },
    /// The statement was asked for within the month and has not come yet.
    ReasonsAwaited {
        /// When it was asked for.
        requested: NaiveDate,
    },
    /// A statement's arrival was entered without the date it was asked for.
    ReasonsRequestDateMissing {
        /// When it came.
        provided: NaiveDate,
    },
    /// The limit ended on a non-working day and moves to the next working day.
    MovedToWorkingDay {
        /// The last day before moving.
        from: NaiveDate,
        /// The working day.
        to: NaiveDate,
        /// The days passed over, with why.
        skipped: Vec<(NaiveDate, NonWorking)>,
        /// The rule that moves it.
        cite: String,
    },
    /// The limit ends on a non-working day and no rule is known to move it.
    NotMoved {
        /// The last day.
        date: NaiveDate,
        /// Why it is not a working day.
        why: NonWorking,
        /// What content says to do about it.
        note: String,
    },
}

/// Where a step stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepState {
    /// The case is at this step's stage: its clock is running.
    Current {
        /// How pressing it is.
        urgency: Urgency,
    },
    /// A later date shows the case has moved past this step.
    Done {
        /// The entered date that shows it.
        shown_by: Input,
    },
    /// The date that starts its clock has not been entered.
    NotYetKnown {
        /// That date.
        waiting_for: Input,
    },
    /// The deadline cannot be counted: content lacks a year of bank holidays.
    Unavailable {
        /// What to add, and where.
        missing: MissingYear,
    },
}

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Which step.
    pub id: StepId,
    /// Where it stands.
    pub state: StepState,
    /// Its deadline, whenever the entered dates allow one (also for done steps, as a record).
    pub deadline: Option<Deadline>,
}

/// Something wrong with the entered dates that the adviser should check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputProblem {
    /// A date is before one that must come first.
    OutOfOrder {
        /// The date that should be earlier.
        earlier: Input,
        /// The date found before it.
        later: Input,
    },
    /// A date is after today.
    InFuture {
        /// Which date.
        input: Input,
    },
}

/// The whole timeline: what the routes screen, the header warning and exports are built from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// The day the days-left were counted from.
    pub today: NaiveDate,
    /// Every step in order.
    pub steps: Vec<Step>,
    /// The step to act on now, if any date has been entered.
    pub due_now: Option<StepId>,
    /// Entered dates that look wrong.
    pub problems: Vec<InputProblem>,
}

impl Timeline {
    /// The step with that id.
    pub fn step(&self, id: StepId) -> &Step {
        self.steps
            .iter()
            .find(|s| s.id == id)
            .expect("a timeline holds every step")
    }

    /// A step's deadline date, if known (the `assess --json` "deadlines" values).
    pub fn deadline(&self, id: StepId) -> Option<NaiveDate> {
        self.step(id).deadline.as_ref().map(|d| d.date)
    }

    /// The running steps that must be flagged on every screen and in exports: passed, due
    /// within the warning window, or impossible to count.
    pub fn alerts(&self) -> Vec<&Step> {
        self.steps
            .iter()
            .filter(|s| match &s.state {
                StepState::Current { urgency } => urgency.needs_warning(),
                StepState::Unavailable { .. } => true,
                _ => false,
            })
            .collect()
    }
}

/// Everything the timeline needs besides the facts, grouped so callers pass one value.
#[derive(Clone, Copy, Debug)]
pub struct Rulebook<'a> {
    /// The limits from content.
    pub limits: &'a Limits,
    /// The bank holidays of the session's jurisdiction; `None` until it is chosen, when
    /// tribunal deadlines wait for it.
    pub calendar: Option<&'a HolidayCalendar>,
}

#[cfg(test)]
mod tests;
