//! Runs the worked deadline cases in `tests/cases/deadlines.toml` against the built-in content,
//! and checks every running deadline's boundary: in time on its last day, late the day after.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use esa_interview::content::date::Date;
use esa_interview::content::{self, Content};
use esa_interview::rules::calendar::Jurisdiction;
use esa_interview::rules::deadlines::{DecisionFacts, StepId, StepState, Timeline};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    law: String,
    jurisdiction: Option<String>,
    decision_date: Option<Date>,
    reasons_requested: Option<Date>,
    reasons_provided: Option<Date>,
    mr_notice_date: Option<Date>,
    tribunal_decision_date: Option<Date>,
    tribunal_reasons_sent: Option<Date>,
    permission_refused_date: Option<Date>,
    today: Option<Date>,
    due_now: Option<String>,
    urgency: Option<String>,
    #[serde(default)]
    done: Vec<String>,
    #[serde(default)]
    explains: Vec<String>,
    expect: BTreeMap<String, Expected>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Expected {
    Date(Date),
    Word(String),
}

impl Case {
    fn facts(&self) -> DecisionFacts {
        DecisionFacts {
            decision_date: self.decision_date.map(|d| d.0),
            reasons_requested: self.reasons_requested.map(|d| d.0),
            reasons_provided: self.reasons_provided.map(|d| d.0),
            mr_notice_date: self.mr_notice_date.map(|d| d.0),
            tribunal_decision_date: self.tribunal_decision_date.map(|d| d.0),
            tribunal_reasons_sent: self.tribunal_reasons_sent.map(|d| d.0),
            permission_refused_date: self.permission_refused_date.map(|d| d.0),
        }
    }

    fn jurisdiction(&self) -> Option<Jurisdiction> {
        self.jurisdiction.as_deref().map(|id| {
            Jurisdiction::from_id(id)
                .unwrap_or_else(|| panic!("{}: bad jurisdiction {id}", self.name))
        })
    }

    fn timeline(&self, content: &Content, today: NaiveDate) -> Timeline {
        content
            .deadlines
            .timeline(&content.holidays, &self.facts(), self.jurisdiction(), today)
    }
}

fn step(case: &Case, id: &str) -> StepId {
    StepId::from_id(id).unwrap_or_else(|| panic!("{}: unknown step {id}", case.name))
}

fn cases() -> Vec<Case> {
    let text = include_str!("cases/deadlines.toml");
    toml::from_str::<Cases>(text)
        .expect("tests/cases/deadlines.toml parses")
        .case
}

/// Compares one case; returns a description of every mismatch.
fn check(case: &Case, content: &Content) -> Vec<String> {
    let today = case
        .today
        .map_or_else(|| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), |d| d.0);
    let timeline = case.timeline(content, today);
    let mut wrong = Vec::new();
    for (id, want) in &case.expect {
        let s = timeline.step(step(case, id));
        let got = match (&s.deadline, &s.state) {
            (_, StepState::Unavailable { .. }) => "unavailable".to_string(),
            (Some(d), _) => d.date.to_string(),
            (None, _) => "unknown".to_string(),
        };
        let want = match want {
            Expected::Date(d) => d.0.to_string(),
            Expected::Word(w) => w.clone(),
        };
        if got != want {
            wrong.push(format!("{id}: expected {want}, got {got}"));
        }
    }
    if let Some(due) = &case.due_now {
        let got = timeline.due_now.map(StepId::id);
        if got != Some(due.as_str()) {
            wrong.push(format!("due now: expected {due}, got {got:?}"));
        }
    }
    if let Some(want) = &case.urgency {
        let got = timeline.due_now.map(|id| &timeline.step(id).state);
        match got {
            Some(StepState::Current { urgency }) if urgency.id() == want => {}
            other => wrong.push(format!("urgency: expected {want}, got {other:?}")),
        }
    }
    for id in &case.done {
        if !matches!(timeline.step(step(case, id)).state, StepState::Done { .. }) {
            wrong.push(format!("{id}: expected done"));
        }
    }
    let words: String = timeline
        .steps
        .iter()
        .filter_map(|s| s.deadline.as_ref())
        .flat_map(|d| d.reckoning.iter().map(ToString::to_string))
        .collect::<Vec<_>>()
        .join(" ");
    for want in &case.explains {
        if !words.contains(want.as_str()) {
            wrong.push(format!("explanation lacks {want:?}: {words}"));
        }
    }
    wrong
}

/// On the last day a running step is in time; the next day it is late.
fn check_boundaries(case: &Case, content: &Content) -> Vec<String> {
    let probe = case.timeline(content, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    let mut wrong = Vec::new();
    for s in &probe.steps {
        let (StepState::Current { .. }, Some(d)) = (&s.state, &s.deadline) else {
            continue;
        };
        let last = case.timeline(content, d.date);
        let after = case.timeline(content, d.date.checked_add_days(Days::new(1)).unwrap());
        let urgency = |t: &Timeline| match &t.step(s.id).state {
            StepState::Current { urgency } => urgency.id(),
            _ => "not running",
        };
        if urgency(&last) != "due-soon" {
            wrong.push(format!(
                "{}: on its last day it is {}",
                s.id.id(),
                urgency(&last)
            ));
        }
        if urgency(&after) != "passed" {
            wrong.push(format!(
                "{}: the day after it is {}",
                s.id.id(),
                urgency(&after)
            ));
        }
    }
    wrong
}

#[test]
fn worked_deadline_cases_hold() {
    let content = content::load_embedded();
    let cases = cases();
    assert!(cases.len() >= 30, "keep at least 30 worked cases");
    let mut failures = Vec::new();
    for case in &cases {
        let wrong: Vec<String> = check(case, &content)
            .into_iter()
            .chain(check_boundaries(case, &content))
            .collect();
        if !wrong.is_empty() {
            failures.push(format!(
                "{} ({}):\n  {}",
                case.name,
                case.law,
                wrong.join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_contract_example_gives_the_contract_dates() {
    let content = content::load_embedded();
    let facts = DecisionFacts {
        decision_date: NaiveDate::from_ymd_opt(2026, 5, 11),
        reasons_requested: NaiveDate::from_ymd_opt(2026, 5, 20),
        reasons_provided: NaiveDate::from_ymd_opt(2026, 6, 1),
        mr_notice_date: NaiveDate::from_ymd_opt(2026, 7, 1),
        ..DecisionFacts::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 7, 2).unwrap();
    let t = content.deadlines.timeline(
        &content.holidays,
        &facts,
        Some(Jurisdiction::EnglandAndWales),
        today,
    );
    assert_eq!(
        t.deadline(StepId::MandatoryReconsideration)
            .map(|d| d.to_string()),
        Some("2026-06-25".to_string())
    );
    assert_eq!(
        t.deadline(StepId::Appeal).map(|d| d.to_string()),
        Some("2026-08-03".to_string())
    );
}
