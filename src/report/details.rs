//! The supporting part of a statement: points by activity, the NI record and contribution
//! conditions, the decision's dates and deadlines, every answer given, and the notes not already
//! quoted as reasons. The outcome parts are the evaluation in the findings' words. Depends on
//! `interview` and `content`.

use std::collections::BTreeSet;

use crate::content::Content;
use crate::content::date::Date;
use crate::content::stages::StageKind;
use crate::interview::answer::describe;
use crate::interview::findings::{self, Finding};
use crate::interview::notes;
use crate::interview::session::AnswerValue;
use crate::interview::update::answer_of;
use crate::interview::{Evaluation, Session};
use crate::rules::dates::long_date;

use super::document::{Block, Section, blocks};

/// The supporting sections; notes whose keys are in `used` were quoted already.
pub fn sections(
    session: &Session,
    content: &Content,
    e: &Evaluation,
    used: &BTreeSet<String>,
) -> Vec<Section> {
    let mut out = Vec::new();
    out.push(points(session, content, e));
    out.push(contributions(session, e));
    out.push(decision(session, content, e));
    out.extend(answers(session, content));
    out.extend(notes(session, content, used));
    out
}

fn section(heading: &str, blocks: Vec<Block>) -> Section {
    Section {
        heading: heading.into(),
        blocks,
    }
}

fn points(session: &Session, content: &Content, e: &Evaluation) -> Section {
    let w = &e.wca;
    let lines: Vec<String> = content
        .wca
        .schedule2
        .activities
        .iter()
        .filter_map(|act| {
            let chosen: Vec<String> = act
                .descriptors
                .iter()
                .filter(|d| session.is_chosen(&d.id))
                .map(|d| format!("{}({}) {} points", act.number, d.letter, d.points))
                .collect();
            if chosen.is_empty() {
                return None;
            }
            let counted = w.assessment.activity(&act.id).map_or(0, |s| s.points);
            Some(format!(
                "Activity {} ({}): {counted} points; chosen: {}",
                act.number,
                act.title,
                chosen.join(", ")
            ))
        })
        .collect();
    let t = &w.tally;
    let mut blocks = Vec::new();
    if !lines.is_empty() {
        blocks.push(Block::Bullets(lines));
    }
    blocks.push(Block::Para(format!(
        "Total: {} points ({} physical, {} mental); {} are needed for limited capability for work.",
        t.total, t.physical, t.mental, t.threshold
    )));
    section("Points by activity", blocks)
}

fn contributions(session: &Session, e: &Evaluation) -> Section {
    let mut blocks = blocks(&[findings::contribution_verdict(e)]);
    let details: Vec<String> = findings::contribution_details(e)
        .into_iter()
        .map(|f| f.text)
        .collect();
    if !details.is_empty() {
        blocks.push(Block::Bullets(details));
    }
    let weeks = |label: &str, n: Option<u32>| n.map(|n| format!("{label}: {n} weeks"));
    let years: Vec<String> = session
        .contributions
        .iter()
        .map(|y| {
            let parts: Vec<String> = [
                weeks("Class 1", y.class1_weeks),
                y.class1_earnings
                    .map(|m| format!("Class 1 earnings: {}", m.0)),
                weeks("Class 2", y.class2_weeks),
                weeks("credited", y.credited_weeks),
            ]
            .into_iter()
            .flatten()
            .collect();
            format!(
                "{}: {}",
                y.tax_year,
                if parts.is_empty() {
                    "nothing recorded".into()
                } else {
                    parts.join("; ")
                }
            )
        })
        .collect();
    if !years.is_empty() {
        blocks.push(Block::Bullets(years));
    }
    section("National Insurance contributions", blocks)
}

fn decision(session: &Session, content: &Content, e: &Evaluation) -> Section {
    let d = &session.decision;
    let dates: [(&str, Option<Date>); 7] = [
        ("Decision sent", d.decision_date),
        ("Written reasons asked for", d.reasons_requested),
        ("Written reasons provided", d.reasons_provided),
        ("Mandatory reconsideration notice sent", d.mr_notice_date),
        ("Tribunal decision sent", d.tribunal_decision_date),
        ("Tribunal written reasons sent", d.tribunal_reasons_sent),
        ("Permission to appeal refused", d.permission_refused_date),
    ];
    let mut pairs: Vec<(String, String)> = dates
        .into_iter()
        .filter_map(|(label, date)| date.map(|x| (label.to_string(), long_date(x.0))))
        .collect();
    if let Some(j) = &d.jurisdiction {
        let words = if j == "scotland" {
            "Scotland"
        } else {
            "England and Wales"
        };
        pairs.push(("Jurisdiction".into(), words.into()));
    }
    let mut blocks = Vec::new();
    if !pairs.is_empty() {
        blocks.push(Block::Pairs(pairs));
    }
    if e.deadlines.started.is_ok() {
        let said = findings::routes(e, content);
        blocks.push(Block::Lines(said.iter().map(Finding::line).collect()));
    } else {
        blocks.extend(super::document::blocks(&findings::dated_deadlines(e)));
    }
    section("The decision, reconsideration and appeal", blocks)
}

fn answers(session: &Session, content: &Content) -> Option<Section> {
    let mut blocks = Vec::new();
    for stage in &content.stages {
        if !matches!(
            stage.kind,
            StageKind::Questions | StageKind::Contributions | StageKind::Routes
        ) {
            continue;
        }
        let pairs: Vec<(String, String)> = content
            .questions
            .for_stage(&stage.id)
            .filter_map(|q| answer_of(session, q).map(|v| (q.text.clone(), describe(q, &v))))
            .collect();
        if !pairs.is_empty() {
            blocks.push(Block::Sub(stage.title.clone()));
            blocks.push(Block::Pairs(pairs));
        }
    }
    let other: Vec<(String, String)> = session
        .answers
        .iter()
        .filter(|(id, _)| content.questions.get(id).is_none())
        .map(|(id, v)| (id.clone(), words(v)))
        .collect();
    if !other.is_empty() {
        blocks.push(Block::Sub(
            "Answers to questions this version does not ask".into(),
        ));
        blocks.push(Block::Pairs(other));
    }
    (!blocks.is_empty()).then(|| section("Answers given at the interview", blocks))
}

/// An answer to a question the content no longer has, in words.
fn words(value: &AnswerValue) -> String {
    match value {
        AnswerValue::Bool(b) => if *b { "Yes" } else { "No" }.into(),
        AnswerValue::Number(n) => n.to_string(),
        AnswerValue::Money(p) => p.0.to_string(),
        AnswerValue::Date(d) => long_date(d.0),
        AnswerValue::Text(t) => t.clone(),
        AnswerValue::List(l) => l.join("; "),
    }
}

fn notes(session: &Session, content: &Content, used: &BTreeSet<String>) -> Option<Section> {
    let pairs: Vec<(String, String)> = notes::in_order(session, content)
        .into_iter()
        .filter(|n| !used.contains(n.key) && !n.note.text.trim().is_empty())
        .map(|n| (n.label, n.note.text.trim_end().to_string()))
        .collect();
    (!pairs.is_empty()).then(|| section("Other notes", vec![Block::Pairs(pairs)]))
}
