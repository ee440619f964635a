//! The reconsideration and appeal timeline as view-model findings: each step's line (with the
//! urgency's word and symbol from content), how the step now due was counted, what to send,
//! where, what happens if it is missed, what to prepare, and the header alerts every screen
//! shows. Built from `rules::deadlines` via content; no date arithmetic here.

use chrono::NaiveDate;

use crate::content::Content;
use crate::interview::session::Session;
use crate::rules::calendar::Jurisdiction;
use crate::rules::deadlines::{DecisionFacts, StepState, Timeline, Urgency};

use super::{Finding, Level};

/// The session's decision dates as the rules take them.
pub fn facts(session: &Session) -> DecisionFacts {
    let d = &session.decision;
    let date = |x: Option<crate::content::date::Date>| x.map(|d| d.0);
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

/// The session's timeline, counted from `today`.
pub fn timeline(session: &Session, content: &Content, today: NaiveDate) -> Timeline {
    let jurisdiction = session
        .decision
        .jurisdiction
        .as_deref()
        .and_then(Jurisdiction::from_id);
    content
        .deadlines
        .timeline(&content.holidays, &facts(session), jurisdiction, today)
}

fn level(state: &StepState) -> Level {
    match state {
        StepState::Current {
            urgency: Urgency::Passed { .. },
        } => Level::Bar,
        StepState::Current {
            urgency: Urgency::DueSoon { .. },
        }
        | StepState::Unavailable { .. } => Level::Warn,
        StepState::Current {
            urgency: Urgency::Ok { .. },
        } => Level::Ok,
        StepState::Done { .. } | StepState::NotYetKnown { .. } => Level::Info,
    }
}

/// The routes screen's findings: problems with the dates, the timeline, then the step due now
/// in full.
pub fn findings(session: &Session, content: &Content, today: NaiveDate) -> Vec<Finding> {
    let t = timeline(session, content, today);
    let dc = &content.deadlines;
    let mut out: Vec<Finding> = t
        .problems
        .iter()
        .map(|p| Finding {
            level: Level::Warn,
            text: format!("{p}"),
            source: None,
        })
        .collect();
    out.extend(t.steps.iter().map(|s| Finding {
        level: level(&s.state),
        text: dc.line(s),
        source: Some(dc.limit_source(s.id).source.cite()),
    }));
    if let Some(now) = t.due_now {
        let text = dc.step(now);
        let step = t.step(now);
        let info = |s: String| Finding {
            level: Level::Info,
            text: s,
            source: None,
        };
        out.push(info(format!("Now: {}.", text.title)));
        if let Some(d) = &step.deadline {
            out.extend(
                d.reckoning
                    .iter()
                    .map(|r| info(format!("How the date was counted: {r}"))),
            );
        }
        out.push(info(format!("What to send: {}", text.send)));
        out.push(info(format!("Where: {}", text.where_to)));
        out.push(Finding {
            level: Level::Warn,
            text: format!("If it is missed: {}", text.if_missed),
            source: Some(text.source.cite()),
        });
        out.extend(text.prepare.iter().map(|p| info(format!("Prepare: {p}"))));
        out.extend(dc.evidence_for(now).map(|e| Finding {
            level: Level::Info,
            text: format!("Evidence: {} ({})", e.item, e.why),
            source: Some(e.source.cite()),
        }));
        out.extend(dc.notes_for(now).map(|n| Finding {
            level: Level::Info,
            text: format!("{}: {}", n.title, n.says),
            source: Some(n.source.cite()),
        }));
    }
    out
}

/// Deadlines passed, due soon, or impossible to count: for the header of every screen.
pub fn alerts(session: &Session, content: &Content, today: NaiveDate) -> Vec<Finding> {
    let t = timeline(session, content, today);
    t.alerts()
        .into_iter()
        .map(|s| Finding {
            level: level(&s.state),
            text: content.deadlines.line(s),
            source: Some(content.deadlines.limit_source(s.id).source.cite()),
        })
        .collect()
}
