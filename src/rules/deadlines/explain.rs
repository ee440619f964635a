//! The timeline in words: each reckoning line, urgency and input problem as a sentence an
//! adviser can read aloud or a screen reader can say. Pure formatting over the rules' types;
//! the figures in these sentences all come from the data, never from this file.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::{Input, InputProblem, Period, Reckoning, StepId, Urgency};
use crate::rules::calendar::NonWorking;
use crate::rules::dates::long_date;

impl StepId {
    /// A short name for sentences ("the appeal limit"); the screen's titles live in content.
    pub const fn short_name(self) -> &'static str {
        match self {
            StepId::MandatoryReconsideration => "mandatory reconsideration",
            StepId::LateMandatoryReconsideration => "late mandatory reconsideration",
            StepId::Appeal => "appeal",
            StepId::LateAppeal => "late appeal",
            StepId::StatementOfReasons => "statement of reasons",
            StepId::PermissionToAppeal => "permission to appeal",
            StepId::UpperTribunal => "Upper Tribunal application",
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Months(1) => f.write_str("1 month"),
            Period::Months(n) => write!(f, "{n} months"),
            Period::Days(1) => f.write_str("1 day"),
            Period::Days(n) => write!(f, "{n} days"),
        }
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn skipped_days(skipped: &[(NaiveDate, NonWorking)]) -> String {
    skipped
        .iter()
        .map(|(date, why)| format!("{} ({why})", long_date(*date)))
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for Reckoning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reckoning::Start { event, date } => {
                write!(
                    f,
                    "Counted from {}, when {}.",
                    long_date(*date),
                    event.event()
                )
            }
            Reckoning::StartFromLimit { step, date } => write!(
                f,
                "Counted from {}, the end of the {} limit.",
                long_date(*date),
                step.short_name()
            ),
            Reckoning::Add {
                from,
                period,
                to,
                clamped,
                cite,
                month_rule,
            } => write_add(f, (*from, *period, *to, *clamped), cite, month_rule),
            Reckoning::MovedToWorkingDay {
                from,
                to,
                skipped,
                cite,
            } => write!(
                f,
                "{} is not a working day, so the limit moves to the next working day, {} \
                 ({cite}). Days passed over: {}.",
                long_date(*from),
                long_date(*to),
                skipped_days(skipped)
            ),
            Reckoning::NotMoved { date, why, note } => {
                write!(
                    f,
                    "{} is not a working day ({why}). {note}",
                    long_date(*date)
                )
            }
            reasons => write_reasons(f, reasons),
        }
    }
}

fn write_add(
    f: &mut fmt::Formatter<'_>,
    (from, period, to, clamped): (NaiveDate, Period, NaiveDate, bool),
    cite: &str,
    month_rule: &str,
) -> fmt::Result {
    if clamped {
        write!(
            f,
            "{period} after {} ends on {}: that month has no {}, so the period ends on its last \
             day ({cite}; {month_rule}).",
            long_date(from),
            long_date(to),
            ordinal(from.day())
        )
    } else {
        write!(
            f,
            "{period} after {} is {} ({cite}).",
            long_date(from),
            long_date(to)
        )
    }
}

/// The lines about a statement of the DWP decision's reasons.
fn write_reasons(f: &mut fmt::Formatter<'_>, line: &Reckoning) -> fmt::Result {
    match line {
        Reckoning::ReasonsWithinMonth {
            requested,
            provided,
            cite,
        } => write!(
            f,
            "A written statement of reasons was asked for on {} and provided on {}, within the \
             month, so the limit runs on from the end of the month ({cite}).",
            long_date(*requested),
            long_date(*provided)
        ),
        Reckoning::ReasonsAfterMonth {
            requested,
            provided,
            cite,
        } => write!(
            f,
            "A written statement of reasons was asked for on {}, within the month, and provided \
             on {}, after it, so the limit runs on from the day it was provided ({cite}).",
            long_date(*requested),
            long_date(*provided)
        ),
        Reckoning::ReasonsRequestedLate {
            requested,
            month_end,
        } => write!(
            f,
            "A written statement of reasons was asked for on {}, after the month ended on {}, so \
             it does not extend the limit.",
            long_date(*requested),
            long_date(*month_end)
        ),
        Reckoning::ReasonsAwaited { requested } => write!(
            f,
            "A written statement of reasons was asked for on {} and has not arrived: the date \
             shown is the limit without any extension, the safe date. Enter the date it \
             arrives to count the extension.",
            long_date(*requested)
        ),
        Reckoning::ReasonsRequestDateMissing { provided } => write!(
            f,
            "A written statement of reasons arrived on {}, but the date it was asked for is not \
             entered: no extension is counted until it is.",
            long_date(*provided)
        ),
        _ => Ok(()),
    }
}

impl fmt::Display for Urgency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Urgency::Passed { days_ago: 1 } => f.write_str("passed yesterday"),
            Urgency::Passed { days_ago } => write!(f, "passed {days_ago} days ago"),
            Urgency::DueSoon { days_left: 0, .. } => f.write_str("today is the last day"),
            Urgency::DueSoon { days_left: 1, .. } | Urgency::Ok { days_left: 1 } => {
                f.write_str("1 day left")
            }
            Urgency::DueSoon { days_left, .. } | Urgency::Ok { days_left } => {
                write!(f, "{days_left} days left")
            }
        }
    }
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            InputProblem::OutOfOrder { earlier, later } => write!(
                f,
                "Check the dates: the date when {} is before the date when {}.",
                later.event(),
                earlier.event()
            ),
            InputProblem::InFuture { input } => write!(
                f,
                "Check the date: the date when {} is after today.",
                input.event()
            ),
        }
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_read_naturally() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 29, 30, 31]
            .into_iter()
            .map(ordinal)
            .collect();
        let want = [
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "29th",
            "30th", "31st",
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn periods_read_in_the_singular_and_plural() {
        assert_eq!(Period::Months(1).to_string(), "1 month");
        assert_eq!(Period::Months(13).to_string(), "13 months");
        assert_eq!(Period::Days(14).to_string(), "14 days");
    }

    #[test]
    fn urgency_says_today_yesterday_and_days() {
        assert_eq!(
            Urgency::DueSoon {
                days_left: 0,
                window: 7
            }
            .to_string(),
            "today is the last day"
        );
        assert_eq!(
            Urgency::Passed { days_ago: 1 }.to_string(),
            "passed yesterday"
        );
        assert_eq!(Urgency::Ok { days_left: 30 }.to_string(), "30 days left");
    }
}
