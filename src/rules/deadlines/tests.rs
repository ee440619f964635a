//! Unit tests of the timeline with small made-up limits and holidays, so each rule is seen
//! on its own; the worked cases against real content are in `tests/deadlines.rs`.

use chrono::NaiveDate;

use super::*;
use crate::rules::calendar::{Holiday, HolidayCalendar, Jurisdiction};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn limit(period: Period, moves: bool) -> Limit {
    Limit {
        period,
        cite: "test rule".into(),
        next_working_day: moves.then(|| "r.12".into()),
        not_moved_note: "Not moved.".into(),
    }
}

fn limits() -> Limits {
    Limits {
        mandatory_reconsideration: limit(Period::Months(1), false),
        reasons_extension: limit(Period::Days(14), false),
        late_mandatory_reconsideration: limit(Period::Months(13), false),
        appeal: limit(Period::Months(1), true),
        late_appeal: limit(Period::Months(12), false),
        statement_of_reasons: limit(Period::Months(1), true),
        permission_to_appeal: limit(Period::Months(1), true),
        upper_tribunal: limit(Period::Months(1), true),
        month_rule: "Dodds v Walker".into(),
        warning_days: 7,
    }
}

fn calendar() -> HolidayCalendar {
    let holiday = Holiday {
        date: d(2026, 8, 31),
        name: "Summer bank holiday".into(),
    };
    HolidayCalendar::new(Jurisdiction::EnglandAndWales, "test", 2026, 2027, [holiday])
}

fn run(facts: &DecisionFacts, today: NaiveDate, with_calendar: bool) -> Timeline {
    let limits = limits();
    let calendar = calendar();
    let book = Rulebook {
        limits: &limits,
        calendar: with_calendar.then_some(&calendar),
    };
    timeline(facts, book, today)
}

#[test]
fn with_no_dates_nothing_is_due_and_every_step_waits() {
    let t = run(&DecisionFacts::default(), d(2026, 5, 1), true);
    assert_eq!(t.due_now, None);
    assert!(t.alerts().is_empty());
    let first = t.step(StepId::MandatoryReconsideration);
    assert_eq!(
        first.state,
        StepState::NotYetKnown {
            waiting_for: Input::DecisionDate
        }
    );
}

#[test]
fn a_deadline_within_the_window_is_an_alert_and_one_beyond_it_is_not() {
    let facts = DecisionFacts {
        decision_date: Some(d(2026, 5, 11)),
        ..DecisionFacts::default()
    };
    // 11 June is the last day: 7 days before is flagged, 8 days before is not.
    let flagged = run(&facts, d(2026, 6, 4), true);
    assert_eq!(flagged.alerts().len(), 1);
    let calm = run(&facts, d(2026, 6, 3), true);
    assert!(calm.alerts().is_empty());
}

#[test]
fn a_passed_limit_stays_an_alert_while_the_late_limit_is_due() {
    let facts = DecisionFacts {
        decision_date: Some(d(2026, 5, 11)),
        ..DecisionFacts::default()
    };
    let t = run(&facts, d(2026, 6, 12), true);
    assert_eq!(t.due_now, Some(StepId::LateMandatoryReconsideration));
    let alerted: Vec<StepId> = t.alerts().iter().map(|s| s.id).collect();
    assert_eq!(alerted, vec![StepId::MandatoryReconsideration]);
}

#[test]
fn an_awaited_statement_marks_the_date_as_one_that_may_move_later() {
    let facts = DecisionFacts {
        decision_date: Some(d(2026, 5, 11)),
        reasons_requested: Some(d(2026, 5, 20)),
        ..DecisionFacts::default()
    };
    let t = run(&facts, d(2026, 5, 21), true);
    let deadline = t
        .step(StepId::MandatoryReconsideration)
        .deadline
        .clone()
        .unwrap();
    assert_eq!(deadline.date, d(2026, 6, 11));
    assert_eq!(deadline.may_move_later, Some(Input::ReasonsProvided));
}

#[test]
fn without_a_jurisdiction_a_tribunal_limit_waits_but_the_dwp_limit_does_not() {
    let facts = DecisionFacts {
        decision_date: Some(d(2026, 5, 11)),
        mr_notice_date: Some(d(2026, 7, 31)),
        ..DecisionFacts::default()
    };
    let t = run(&facts, d(2026, 8, 1), false);
    assert_eq!(
        t.step(StepId::Appeal).state,
        StepState::NotYetKnown {
            waiting_for: Input::Jurisdiction
        }
    );
    assert_eq!(
        t.deadline(StepId::MandatoryReconsideration),
        Some(d(2026, 6, 11))
    );
    // With the calendar, 31 August (a holiday here) moves to 1 September.
    let with = run(&facts, d(2026, 8, 1), true);
    assert_eq!(with.deadline(StepId::Appeal), Some(d(2026, 9, 1)));
}

#[test]
fn a_limit_past_the_holiday_tables_is_unavailable_and_alerted() {
    let facts = DecisionFacts {
        mr_notice_date: Some(d(2027, 12, 10)),
        ..DecisionFacts::default()
    };
    let t = run(&facts, d(2027, 12, 11), true);
    let StepState::Unavailable { missing } = &t.step(StepId::Appeal).state else {
        panic!(
            "expected unavailable, got {:?}",
            t.step(StepId::Appeal).state
        );
    };
    assert_eq!(missing.year, 2028);
    assert_eq!(t.alerts().len(), 1);
}

#[test]
fn dates_out_of_order_or_in_the_future_are_reported() {
    let facts = DecisionFacts {
        decision_date: Some(d(2026, 5, 11)),
        reasons_requested: Some(d(2026, 5, 1)),
        mr_notice_date: Some(d(2026, 5, 1)),
        tribunal_decision_date: Some(d(2026, 9, 1)),
        ..DecisionFacts::default()
    };
    let t = run(&facts, d(2026, 8, 1), true);
    assert!(t.problems.contains(&InputProblem::OutOfOrder {
        earlier: Input::DecisionDate,
        later: Input::MrNoticeDate
    }));
    assert!(t.problems.contains(&InputProblem::OutOfOrder {
        earlier: Input::DecisionDate,
        later: Input::ReasonsRequested
    }));
    assert!(t.problems.contains(&InputProblem::InFuture {
        input: Input::TribunalDecisionDate
    }));
    assert_eq!(t.problems.len(), 3, "{:?}", t.problems);
}

#[test]
fn a_later_date_marks_earlier_steps_done_even_when_their_own_date_is_missing() {
    let facts = DecisionFacts {
        tribunal_decision_date: Some(d(2026, 9, 15)),
        ..DecisionFacts::default()
    };
    let t = run(&facts, d(2026, 9, 16), true);
    assert_eq!(
        t.step(StepId::Appeal).state,
        StepState::Done {
            shown_by: Input::TribunalDecisionDate
        }
    );
    assert_eq!(t.due_now, Some(StepId::StatementOfReasons));
}
