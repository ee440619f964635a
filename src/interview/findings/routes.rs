//! The reconsideration and appeal stage in sentences: problems with the dates, every step of
//! the timeline, then for the step due now how its date was counted, what to send, where, what
//! happens if it is missed, what to prepare, the evidence and the notes; and the alerts every
//! screen's header shows. The guidance is content's; the steps are the evaluation's.

use crate::content::Content;
use crate::interview::evaluate::Evaluation;

use super::deadline::finding as deadline_finding;
use super::{Finding, Level};

/// Problems with the entered dates, then every step.
pub fn timeline(e: &Evaluation) -> Vec<Finding> {
    let d = &e.deadlines;
    let mut out: Vec<Finding> = d
        .problems
        .iter()
        .map(|p| Finding::detail(Level::Warn, p.to_string(), None))
        .collect();
    out.extend(d.steps.iter().map(deadline_finding));
    out
}

/// The routes screen: the timeline, then the step due now in full.
pub fn routes(e: &Evaluation, content: &Content) -> Vec<Finding> {
    let mut out = timeline(e);
    let Some(now) = e.deadlines.due_now else {
        return out;
    };
    let dc = &content.deadlines;
    let text = dc.step(now);
    let info = |s: String| Finding::detail(Level::Info, s, None);
    out.push(info(format!("Now: {}.", text.title)));
    out.extend(
        e.deadlines
            .step(now)
            .reckoning
            .iter()
            .map(|r| info(format!("How the date was counted: {r}"))),
    );
    out.push(info(format!("What to send: {}", text.send)));
    out.push(info(format!("Where: {}", text.where_to)));
    out.push(Finding::detail(
        Level::Warn,
        format!("If it is missed: {}", text.if_missed),
        Some(text.source.cite()),
    ));
    out.extend(text.prepare.iter().map(|p| info(format!("Prepare: {p}"))));
    out.extend(dc.evidence_for(now).map(|ev| {
        Finding::detail(
            Level::Info,
            format!("Evidence: {} ({})", ev.item, ev.why),
            Some(ev.source.cite()),
        )
    }));
    out.extend(dc.notes_for(now).map(|n| {
        Finding::detail(
            Level::Info,
            format!("{}: {}", n.title, n.says),
            Some(n.source.cite()),
        )
    }));
    out
}

/// Deadlines passed, due soon, or impossible to count: for the header of every screen and the
/// top of every export.
pub fn alerts(e: &Evaluation) -> Vec<Finding> {
    e.deadlines.alerts().map(deadline_finding).collect()
}
