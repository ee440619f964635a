use chrono::NaiveDate;

use super::*;
use crate::content::date::Date;
use crate::interview::evaluate::evaluate;
use crate::interview::session::{Decision, Session};
use crate::store::Summary;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn case(id: &str, decision: Decision) -> Case {
    Case {
        summary: Summary {
            id: id.into(),
            reference: format!("Test claimant {id}"),
            changed: None,
            problem: None,
        },
        decision,
    }
}

fn decided(on: NaiveDate) -> Decision {
    Decision {
        decision_date: Some(Date(on)),
        jurisdiction: Some("england-and-wales".into()),
        ..Decision::default()
    }
}

#[test]
fn the_next_deadline_is_the_step_the_whole_evaluation_calls_now() {
    let content = crate::content::load_embedded();
    let today = day(2026, 12, 8);
    for on in [
        day(2026, 11, 20),
        day(2026, 10, 1),
        day(2025, 1, 2),
        day(2026, 12, 8),
    ] {
        let mut session = Session::new("Test claimant", today);
        session.decision = decided(on);
        let whole = evaluate(&session, &content, today);
        let due = next_due(&case("x", decided(on)), &content, today);
        assert_eq!(
            due.map(|d| d.step),
            whole.deadlines.next().cloned(),
            "decided {on}"
        );
    }
}

#[test]
fn a_late_route_open_is_pressing_and_the_window_reaches_both_ways() {
    let content = crate::content::load_embedded();
    let today = day(2026, 12, 8);
    let late = next_due(&case("b", decided(day(2026, 10, 1))), &content, today).unwrap();
    assert_eq!(late.step.step, StepId::LateMandatoryReconsideration);
    assert!(late.is_pressing());
    assert!(!within(&late, 28));
    let open = next_due(&case("a", decided(day(2026, 11, 20))), &content, today).unwrap();
    assert!(
        !open.is_pressing(),
        "12 days left is beyond the 7-day warning"
    );
    assert!(within(&open, 12) && !within(&open, 11));
    let none = next_due(&case("f", Decision::default()), &content, today);
    assert_eq!(none, None);
}
