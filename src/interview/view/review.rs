//! The review page (every screen's answers on one page, numbered so "go" can jump back) and the
//! notes page.

use crate::content::Content;
use crate::content::stages::StageKind;
use crate::interview::evaluate::{Evaluation, lcwra_label};
use crate::interview::session::Session;
use crate::interview::step::{Step, sequence};
use crate::rules::wca::Assessment;

use super::questions;

/// One line of the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewItem {
    /// Where "go" takes you.
    pub step: Step,
    /// `4.12`.
    pub code: String,
    /// "Mobilising" or the stage title.
    pub label: String,
    /// The answers in words ("(c) 9 points", "2 of 5 answered").
    pub answer: String,
    /// Points, for activities.
    pub points: Option<u32>,
}

/// One item per screen of the interview.
pub fn items(session: &Session, content: &Content, e: &Evaluation) -> Vec<ReviewItem> {
    sequence(content)
        .into_iter()
        .map(|step| {
            let (label, answer, points) = summary(step, session, content, e);
            ReviewItem {
                step,
                code: step.code(content),
                label,
                answer,
                points,
            }
        })
        .collect()
}

fn summary(
    step: Step,
    session: &Session,
    content: &Content,
    e: &Evaluation,
) -> (String, String, Option<u32>) {
    let a = &e.wca.assessment;
    match step {
        Step::Activity(i) => {
            let act = &content.wca.schedule2.activities[i];
            let chosen: Vec<String> = act
                .descriptors
                .iter()
                .filter(|d| session.is_chosen(&d.id))
                .map(|d| {
                    if d.none {
                        "none applies".to_string()
                    } else {
                        format!("({}) {} points", d.letter, d.points)
                    }
                })
                .chain(
                    content
                        .wca
                        .lcwra_mirroring(&act.id)
                        .into_iter()
                        .flat_map(|m| &m.descriptors)
                        .filter(|d| session.is_chosen(&d.id))
                        .map(|d| format!("support group {}", lcwra_label(&d.id, content))),
                )
                .collect();
            let answer = if chosen.is_empty() {
                "not answered".into()
            } else {
                chosen.join("; ")
            };
            (
                act.title.clone(),
                answer,
                Some(a.activity(&act.id).map_or(0, |s| s.points)),
            )
        }
        Step::Stage(i) => {
            let stage = &content.stages[i];
            (
                stage.title.clone(),
                stage_summary(stage.kind, &stage.id, session, content, e),
                None,
            )
        }
        Step::Review | Step::Notes => (String::new(), String::new(), None),
    }
}

fn stage_summary(
    kind: StageKind,
    id: &str,
    session: &Session,
    content: &Content,
    e: &Evaluation,
) -> String {
    let a: &Assessment = &e.wca.assessment;
    match kind {
        StageKind::Questions | StageKind::Contributions | StageKind::Routes => {
            let fields = questions::fields(id, session, content);
            let answered = fields.iter().filter(|f| f.answer.is_some()).count();
            let mut s = format!("{answered} of {} answered", fields.len());
            if kind == StageKind::Contributions && !session.contributions.is_empty() {
                let years: Vec<&str> = session
                    .contributions
                    .iter()
                    .map(|y| y.tax_year.as_str())
                    .collect();
                s = format!("{s}; NI record for {}", years.join(", "));
            }
            s
        }
        StageKind::SupportGroup => {
            let n = a.lcwra_descriptors.len();
            if n == 0 {
                "none chosen".into()
            } else {
                a.lcwra_descriptors
                    .iter()
                    .map(|d| lcwra_label(d, content))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        }
        StageKind::Exceptional => {
            let chosen: Vec<&str> = content
                .wca
                .routes
                .iter()
                .filter(|r| session.is_chosen(&r.id))
                .map(|r| r.title.as_str())
                .collect();
            if chosen.is_empty() {
                "none chosen".into()
            } else {
                chosen.join("; ")
            }
        }
        StageKind::Outcome => format!("{} points; {}", a.total, e.wca.tally.group_words()),
        StageKind::Wca => String::new(),
    }
}

/// Every note with the label of its screen, the general note first.
pub fn notes(session: &Session, content: &Content) -> Vec<(String, String, Option<String>)> {
    crate::interview::notes::in_order(session, content)
        .into_iter()
        .map(|n| {
            (
                n.label,
                n.note.text.clone(),
                n.note.changed.map(|s| s.to_string()),
            )
        })
        .collect()
}
