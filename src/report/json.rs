//! The JSON export: everything in the session for other programs, with the outcome in the same
//! shape as `assess --json`. Dates are ISO strings, money is a decimal string of pounds (exact),
//! every key is present (`null` when empty). Depends on `assess`, `interview` and `content`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::Content;
use crate::content::date::Date;
use crate::interview::answer::describe;
use crate::interview::session::{AnswerValue, ContributionYear};
use crate::interview::{Evaluation, Session};

use super::assess::{Json as OutcomeJson, iso, json, pounds};

#[derive(Serialize)]
struct Export {
    format: u32,
    reference: String,
    interview_date: Option<String>,
    exported: String,
    claimant: BTreeMap<&'static str, Option<String>>,
    #[serde(flatten)]
    outcome: OutcomeJson,
    activities: Vec<ActivityJson>,
    support_group: Vec<DescriptorJson>,
    routes: Vec<String>,
    unknown_ids: Vec<String>,
    contributions: Vec<YearJson>,
    decision: BTreeMap<&'static str, Option<String>>,
    answers: Vec<AnswerJson>,
    notes: BTreeMap<String, String>,
}

#[derive(Serialize)]
struct ActivityJson {
    id: String,
    number: u32,
    title: String,
    points: u32,
    descriptors: Vec<DescriptorJson>,
    note: Option<String>,
}

#[derive(Serialize)]
struct DescriptorJson {
    id: String,
    text: String,
    points: Option<u32>,
    counts: bool,
}

#[derive(Serialize)]
struct YearJson {
    tax_year: String,
    class1_weeks: Option<u32>,
    class1_earnings: Option<String>,
    class2_weeks: Option<u32>,
    credited_weeks: Option<u32>,
}

#[derive(Serialize)]
struct AnswerJson {
    id: String,
    question: Option<String>,
    answer: String,
    value: serde_json::Value,
}

/// The JSON export, pretty-printed.
pub fn render(session: &Session, content: &Content, e: &Evaluation) -> String {
    let export = Export {
        format: session.format,
        reference: session.reference.clone(),
        interview_date: date(session.interview_date),
        exported: iso(e.today),
        claimant: claimant(session),
        outcome: json(e, true),
        activities: activities(session, content, e),
        support_group: support_group(session, content),
        routes: session.wca.exceptional.clone(),
        unknown_ids: e.unknown_ids.clone(),
        contributions: session.contributions.iter().map(year).collect(),
        decision: decision(session),
        answers: answers(session, content),
        notes: session
            .notes
            .iter()
            .map(|(k, n)| (k.clone(), n.text.clone()))
            .collect(),
    };
    let mut text =
        serde_json::to_string_pretty(&export).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

fn date(d: Option<Date>) -> Option<String> {
    d.map(|d| iso(d.0))
}

fn claimant(session: &Session) -> BTreeMap<&'static str, Option<String>> {
    let c = &session.claimant;
    BTreeMap::from([
        ("date_of_birth", date(c.date_of_birth)),
        ("claim_date", date(c.claim_date)),
        ("incapacity_start", date(c.incapacity_start)),
    ])
}

fn decision(session: &Session) -> BTreeMap<&'static str, Option<String>> {
    let d = &session.decision;
    BTreeMap::from([
        ("decision_date", date(d.decision_date)),
        ("reasons_requested", date(d.reasons_requested)),
        ("reasons_provided", date(d.reasons_provided)),
        ("mr_notice_date", date(d.mr_notice_date)),
        ("jurisdiction", d.jurisdiction.clone()),
        ("tribunal_decision_date", date(d.tribunal_decision_date)),
        ("tribunal_reasons_sent", date(d.tribunal_reasons_sent)),
        ("permission_refused_date", date(d.permission_refused_date)),
    ])
}

fn year(y: &ContributionYear) -> YearJson {
    YearJson {
        tax_year: y.tax_year.clone(),
        class1_weeks: y.class1_weeks,
        class1_earnings: y.class1_earnings.map(|p| pounds(p.0)),
        class2_weeks: y.class2_weeks,
        credited_weeks: y.credited_weeks,
    }
}

fn activities(session: &Session, content: &Content, e: &Evaluation) -> Vec<ActivityJson> {
    let assessment = Some(&e.wca.assessment);
    content
        .wca
        .schedule2
        .activities
        .iter()
        .filter(|a| a.descriptors.iter().any(|d| session.is_chosen(&d.id)))
        .map(|a| {
            let score = assessment.and_then(|x| x.activity(&a.id));
            ActivityJson {
                id: a.id.clone(),
                number: a.number,
                title: a.title.clone(),
                points: score.map_or(0, |s| s.points),
                descriptors: a
                    .descriptors
                    .iter()
                    .filter(|d| session.is_chosen(&d.id))
                    .map(|d| DescriptorJson {
                        id: d.id.clone(),
                        text: d.text.clone(),
                        points: Some(d.points),
                        counts: score.is_some_and(|s| s.counted == d.id),
                    })
                    .collect(),
                note: session.notes.get(&a.id).map(|n| n.text.clone()),
            }
        })
        .collect()
}

fn support_group(session: &Session, content: &Content) -> Vec<DescriptorJson> {
    session
        .wca
        .descriptors
        .iter()
        .filter_map(|id| content.wca.lcwra_descriptor(id))
        .map(|(_, d)| DescriptorJson {
            id: d.id.clone(),
            text: d.text.clone(),
            points: None,
            counts: true,
        })
        .collect()
}

fn answers(session: &Session, content: &Content) -> Vec<AnswerJson> {
    session
        .answers
        .iter()
        .map(|(id, v)| {
            let q = content.questions.get(id);
            AnswerJson {
                id: id.clone(),
                question: q.map(|q| q.text.clone()),
                answer: q.map_or_else(|| format!("{}", value(v)), |q| describe(q, v)),
                value: value(v),
            }
        })
        .collect()
}

fn value(v: &AnswerValue) -> serde_json::Value {
    use serde_json::Value;
    match v {
        AnswerValue::Bool(b) => Value::Bool(*b),
        AnswerValue::Number(n) => Value::from(*n),
        AnswerValue::Money(p) => Value::String(pounds(p.0)),
        AnswerValue::Date(d) => Value::String(iso(d.0)),
        AnswerValue::Text(t) => Value::String(t.clone()),
        AnswerValue::List(l) => Value::from(l.clone()),
    }
}
