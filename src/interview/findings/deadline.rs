//! A step of the timeline as one line, in the fullest form a line can fit: "PASSED Mandatory
//! reconsideration: last day Thursday 11 June 2026 (passed 3 days ago)", the same with short
//! day and month names, or without "last day". The urgency's word comes from content; the
//! symbol that goes before it is the front end's to show (`Finding::symbol`).

use crate::interview::evaluate::{Deadline, StepStatus};
use crate::rules::dates::{DateForm, date_in};
use crate::rules::deadlines::Urgency;

use super::{Finding, Kind, Level};

/// How much of a deadline's line there is room for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Everything, with long dates.
    Full,
    /// Day and month names cut to three letters.
    ShortDates,
    /// Short dates, and "last day" left out.
    Shortest,
}

impl Fit {
    /// Every form, fullest first, for a front end to take the first that fits.
    pub const ALL: [Fit; 3] = [Fit::Full, Fit::ShortDates, Fit::Shortest];
}

/// The line for a step.
pub fn deadline_line(d: &Deadline, fit: Fit) -> String {
    let title = &d.title;
    let form = if fit == Fit::Full {
        DateForm::Long
    } else {
        DateForm::Short
    };
    let last_day = |date| {
        if fit == Fit::Shortest {
            date_in(date, form)
        } else {
            format!("last day {}", date_in(date, form))
        }
    };
    let word = d.marker.as_ref().map_or("", |m| m.word.as_str());
    match (d.status, d.last_day) {
        (StepStatus::Running(urgency), Some(date)) => {
            let later = d.may_move_later.map_or(String::new(), |input| {
                format!("; may move later once {} is entered", input.label())
            });
            format!("{word} {title}: {} ({urgency}{later})", last_day(date))
        }
        (StepStatus::Running(_), None) => format!("{title}: not yet known"),
        (StepStatus::Done(shown_by), Some(date)) => format!(
            "{title}: {} (done: {} is entered)",
            last_day(date),
            shown_by.label()
        ),
        (StepStatus::Done(shown_by), None) => {
            format!("{title}: done ({} is entered)", shown_by.label())
        }
        (StepStatus::NotYetKnown(waiting_for), _) => {
            format!("{title}: not yet known; enter {}", waiting_for.label())
        }
        (StepStatus::CannotCount, _) => format!(
            "{word} {title}: {}",
            d.cannot_count.as_deref().unwrap_or("cannot be counted")
        ),
    }
}

/// How much a step matters: passed is a bar; due soon, or impossible to count, a warning.
fn level(d: &Deadline) -> Level {
    match d.status {
        StepStatus::Running(Urgency::Passed { .. }) => Level::Bar,
        StepStatus::Running(Urgency::DueSoon { .. }) | StepStatus::CannotCount => Level::Warn,
        StepStatus::Running(Urgency::Ok { .. }) => Level::Ok,
        StepStatus::Done(_) | StepStatus::NotYetKnown(_) => Level::Info,
    }
}

/// The finding that states a step: its data, and its line in the fullest form.
pub(super) fn finding(d: &Deadline) -> Finding {
    Finding {
        kind: Kind::Deadline(d.clone()),
        level: level(d),
        text: deadline_line(d, Fit::Full),
        source: Some(d.source.clone()),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::content::load_embedded;
    use crate::interview::Session;
    use crate::interview::evaluate::evaluate;
    use crate::rules::deadlines::StepId;

    #[test]
    fn a_passed_deadline_is_said_with_its_word_and_fits_a_narrow_line_by_its_data() {
        let content = load_embedded();
        let mut s = Session::default();
        s.decision.decision_date =
            NaiveDate::from_ymd_opt(2026, 5, 11).map(crate::content::date::Date);
        s.decision.jurisdiction = Some("england-and-wales".into());
        let today = NaiveDate::from_ymd_opt(2026, 6, 14).unwrap();
        let e = evaluate(&s, &content, today);
        let mr = e.deadlines.step(StepId::MandatoryReconsideration);
        assert_eq!(
            deadline_line(mr, Fit::Full),
            "PASSED Mandatory reconsideration: last day Thursday 11 June 2026 (passed 3 days ago)"
        );
        assert_eq!(
            deadline_line(mr, Fit::ShortDates),
            "PASSED Mandatory reconsideration: last day Thu 11 Jun 2026 (passed 3 days ago)"
        );
        assert_eq!(
            deadline_line(mr, Fit::Shortest),
            "PASSED Mandatory reconsideration: Thu 11 Jun 2026 (passed 3 days ago)"
        );
        assert_eq!(mr.marker.as_ref().map(|m| m.symbol.as_str()), Some("!!"));
        let appeal = deadline_line(e.deadlines.step(StepId::Appeal), Fit::Full);
        assert_eq!(
            appeal,
            "Appeal to the First-tier Tribunal: not yet known; enter the date the mandatory \
             reconsideration notice was sent"
        );
    }

    #[test]
    fn a_done_step_keeps_its_last_day_as_a_record() {
        let content = load_embedded();
        let mut s = Session::default();
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).map(crate::content::date::Date);
        s.decision.decision_date = d(2026, 5, 11);
        s.decision.mr_notice_date = d(2026, 7, 1);
        s.decision.jurisdiction = Some("england-and-wales".into());
        let e = evaluate(&s, &content, NaiveDate::from_ymd_opt(2026, 7, 10).unwrap());
        let mr = e.deadlines.step(StepId::MandatoryReconsideration);
        assert_eq!(
            deadline_line(mr, Fit::Full),
            "Mandatory reconsideration: last day Thursday 11 June 2026 (done: the date the \
             mandatory reconsideration notice was sent is entered)"
        );
        assert!(mr.marker.is_none());
    }
}
