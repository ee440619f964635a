//! Question fields and stage notes for the question stages, with what each answer means.

use crate::content::Content;
use crate::content::questions::{AnswerKind, Question};
use crate::interview::answer::{describe, flag_keys};
use crate::interview::session::{AnswerValue, Session};
use crate::interview::update::answer_of;

use super::{Field, Finding, InfoBlock};

/// The stage's questions with their answers and raised flags.
pub fn fields(stage: &str, session: &Session, content: &Content) -> Vec<Field> {
    content
        .questions
        .for_stage(stage)
        .map(|q| field(q, session))
        .collect()
}

fn field(q: &Question, session: &Session) -> Field {
    let value = answer_of(session, q);
    let keys = value.as_ref().map(flag_keys).unwrap_or_default();
    let selected = |id: &str| keys.iter().any(|k| k == id);
    Field {
        id: q.id.clone(),
        text: q.text.clone(),
        help: q.help.clone(),
        kind: q.kind,
        answer: value.as_ref().map(|v| describe(q, v)),
        raw: value.as_ref().map(raw),
        options: q
            .options
            .iter()
            .map(|o| (o.id.clone(), o.label.clone(), selected(&o.id)))
            .collect(),
        flags: q
            .flags
            .iter()
            .filter(|f| keys.contains(&f.when))
            .map(|f| Finding::detail(f.level.into(), f.says.clone(), Some(f.source.cite())))
            .collect(),
        required: q.required && q.kind != AnswerKind::Text,
    }
}

/// What a person would type to give this answer again.
fn raw(value: &AnswerValue) -> String {
    match value {
        AnswerValue::Bool(b) => if *b { "yes" } else { "no" }.into(),
        AnswerValue::Number(n) => n.to_string(),
        AnswerValue::Money(p) => {
            format!("{}.{:02}", p.0.pence() / 100, p.0.pence().rem_euclid(100))
        }
        AnswerValue::Date(d) => d.0.format("%d/%m/%Y").to_string(),
        AnswerValue::Text(t) => t.clone(),
        AnswerValue::List(l) => l.join(", "),
    }
}

/// The stage's notes.
pub fn notes(stage: &str, content: &Content) -> Vec<InfoBlock> {
    content
        .questions
        .notes_for(stage)
        .map(|n| InfoBlock {
            title: n.title.clone(),
            text: n.says.clone(),
            source: n.source.cite(),
        })
        .collect()
}
