//! Deadlines as iCalendar (RFC 5545) events, which Outlook and Google Calendar import: one
//! all-day event on each last day, titled with the step and the claimant reference, described
//! with the rule that sets the limit. Nothing else of the session goes in (a calendar is often
//! shared or synced): no name beyond the reference, no health data, no notes. Each event's UID
//! is the session id and the step, so importing again updates an event instead of adding a
//! twin. Written with the `icalendar` crate (line folding, escaping and the calendar frame are
//! its job); the stamp is the run's clock, so the same run gives the same file.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use icalendar::{Calendar, Component, EventLike};

use crate::interview::evaluate::{Deadline, Deadlines, StepStatus};

use super::Due;

/// One event: which session, its reference, and the step with its last day.
pub struct Event<'a> {
    /// The session id (in the UID, so a later export updates the event).
    pub id: &'a str,
    /// The claimant reference (the title says whose deadline it is).
    pub reference: &'a str,
    /// The step.
    pub step: &'a Deadline,
}

/// The session's deadlines a calendar should hold: every running step whose last day is today
/// or later (the ordinary and the late limit alike), in timeline order.
pub fn session_events<'a>(id: &'a str, reference: &'a str, d: &'a Deadlines) -> Vec<Event<'a>> {
    d.steps
        .iter()
        .filter(|s| matches!(s.status, StepStatus::Running(_)))
        .filter(|s| s.days_left.is_some_and(|n| n >= 0))
        .map(|step| Event {
            id,
            reference,
            step,
        })
        .collect()
}

/// The caseload's next deadlines that have a day (a step that cannot be counted has none).
pub fn due_events(due: &[Due]) -> Vec<Event<'_>> {
    due.iter()
        .filter(|d| d.step.last_day.is_some())
        .map(|d| Event {
            id: &d.id,
            reference: &d.reference,
            step: &d.step,
        })
        .collect()
}

/// The calendar file's text; `stamp` (UTC) is when it was made.
pub fn calendar(events: &[Event<'_>], stamp: DateTime<Utc>) -> String {
    let mut cal = Calendar::new();
    cal.name("ESA deadlines");
    for e in events {
        let Some(day) = e.step.last_day else {
            continue;
        };
        cal.push(event(e, day, stamp));
    }
    cal.done().to_string()
}

fn event(e: &Event<'_>, day: NaiveDate, stamp: DateTime<Utc>) -> icalendar::Event {
    let step = e.step;
    icalendar::Event::new()
        .uid(&format!("{}-{}@esa-interview", e.id, step.step.id()))
        .timestamp(stamp)
        .summary(&format!("Last day: {} ({})", step.title, e.reference))
        .description(&format!(
            "The last day for {} for {} (session {}). The limit is set by {}.",
            lower_first(&step.title),
            e.reference,
            e.id,
            step.source
        ))
        .starts(day)
        // DTEND is exclusive (RFC 5545 3.6.1): an all-day event on `day` ends the day after.
        .ends(day + TimeDelta::days(1))
        .done()
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if c.clone().next().is_some_and(char::is_lowercase) => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}
