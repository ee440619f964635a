//! The statement a claimant can send with a reconsideration request or to a tribunal, built in
//! the document model (`document`) that the Markdown and text renderers print. For each
//! descriptor claimed: the activity, the descriptor's
//! words, why it applies in the adviser's words (the note on that screen) and the law; then the
//! points, the contribution conditions, the dates and deadlines, every answer and other notes.
//! The outcome is the session's evaluation in the findings' words. Depends on `interview`'s
//! evaluation and findings and on `content`; reads nothing but its arguments.

use std::collections::BTreeSet;

use crate::content::Content;
use crate::interview::findings;
use crate::interview::{Evaluation, Session};
use crate::rules::dates::long_date;
use crate::rules::wca::ActivityScore;

use super::details;
use super::document::{Block, Section, Statement, blocks};

/// Said where the adviser recorded no reason for a descriptor.
pub const NO_REASON: &str = "No reason was recorded at the interview: add one in the claimant's own words before sending this.";

/// Builds the statement from the session and its evaluation.
pub fn build(session: &Session, content: &Content, e: &Evaluation) -> Statement {
    let mut used = BTreeSet::new();
    let mut sections = Vec::new();
    let alerts = findings::alerts(e);
    if !alerts.is_empty() {
        sections.push(Section::new(
            "Deadlines needing action now",
            blocks(&alerts),
        ));
    }
    sections.push(summary(e, content));
    let a = &e.wca.assessment;
    sections.extend(descriptors(&a.activities, session, content, &mut used));
    sections.extend(support_group(
        &a.lcwra_descriptors,
        session,
        content,
        &mut used,
    ));
    sections.extend(routes(session, content, &mut used));
    sections.extend(details::sections(session, content, e, &used));
    let date = |d: Option<crate::content::date::Date>| {
        d.map_or_else(|| "not recorded".into(), |d| long_date(d.0))
    };
    Statement {
        title: "Statement about the claimant's Work Capability Assessment".into(),
        facts: vec![
            ("Claimant reference".into(), session.reference.clone()),
            ("Interview date".into(), date(session.interview_date)),
            ("Prepared on".into(), long_date(e.today)),
        ],
        sections,
    }
}

fn summary(e: &Evaluation, content: &Content) -> Section {
    let mut blocks = vec![Block::Para(
        "This statement sets out, for each descriptor that applies, the activity, the words of \
         the descriptor, and why it applies, as recorded with a welfare-rights adviser. It may be \
         sent with a request for mandatory reconsideration or with an appeal to the First-tier \
         Tribunal."
            .into(),
    )];
    let mut said = findings::summary(e, content);
    said.extend(findings::dated_deadlines(e));
    blocks.extend(self::blocks(&said));
    Section::new("Summary", blocks)
}

fn reason(session: &Session, key: &str, used: &mut BTreeSet<String>) -> String {
    match session.notes.get(key).filter(|n| !n.text.trim().is_empty()) {
        Some(n) => {
            used.insert(key.to_string());
            n.text.trim_end().to_string()
        }
        None => NO_REASON.into(),
    }
}

fn descriptors(
    scores: &[ActivityScore],
    session: &Session,
    content: &Content,
    used: &mut BTreeSet<String>,
) -> Option<Section> {
    let mut blocks = Vec::new();
    for score in scores.iter().filter(|s| s.points > 0) {
        let Some((act, d)) = content.wca.descriptor(&score.counted) else {
            continue;
        };
        blocks.push(Block::Sub(format!(
            "Activity {}: {} ({} points)",
            act.number, act.title, score.points
        )));
        blocks.push(Block::Quote(format!(
            "{}({}) {}",
            act.number, d.letter, d.text
        )));
        let mut pairs = vec![("Why it applies".to_string(), reason(session, &act.id, used))];
        if let Some(by) = &score.implied_by {
            pairs.push((
                "Also because".into(),
                format!(
                    "Schedule 3 {} applies, and it repeats this descriptor word for word (or more strictly), so this descriptor applies too.",
                    crate::interview::evaluate::lcwra_label(by, content)
                ),
            ));
        }
        for n in &score.not_counting {
            if let Some((_, other)) = content.wca.descriptor(&n.id) {
                pairs.push((
                    "Also applies".into(),
                    format!(
                        "{}({}) ({} points), not counted: only the highest-scoring descriptor in an activity counts.",
                        act.number, other.letter, n.points
                    ),
                ));
            }
        }
        pairs.push(("The law".into(), act.source.cite()));
        blocks.push(Block::Pairs(pairs));
    }
    (!blocks.is_empty()).then(|| {
        Section::new(
            "Descriptors that apply: limited capability for work (Schedule 2)",
            blocks,
        )
    })
}

fn support_group(
    ids: &[String],
    session: &Session,
    content: &Content,
    used: &mut BTreeSet<String>,
) -> Option<Section> {
    let mut blocks = Vec::new();
    for id in ids {
        let Some((para, d)) = content.wca.lcwra_descriptor(id) else {
            continue;
        };
        let number = match &d.letter {
            Some(l) => format!("{}({l})", para.number),
            None => para.number.to_string(),
        };
        blocks.push(Block::Sub(format!("Paragraph {number}: {}", para.title)));
        blocks.push(Block::Quote(d.text.clone()));
        let key = para
            .mirrors
            .clone()
            .unwrap_or_else(|| "support-group".into());
        blocks.push(Block::Pairs(vec![
            ("Why it applies".into(), reason(session, &key, used)),
            ("The law".into(), para.source.cite()),
        ]));
    }
    (!blocks.is_empty()).then(|| {
        Section::new(
            "Descriptors that apply: limited capability for work-related activity (Schedule 3)",
            blocks,
        )
    })
}

fn routes(session: &Session, content: &Content, used: &mut BTreeSet<String>) -> Option<Section> {
    let mut blocks = Vec::new();
    for route in content
        .wca
        .routes
        .iter()
        .filter(|r| session.is_chosen(&r.id))
    {
        blocks.push(Block::Sub(route.title.clone()));
        let mut pairs = vec![(
            "Why it applies".to_string(),
            reason(session, "exceptional", used),
        )];
        let law = [&route.new_style.lcw, &route.new_style.lcwra]
            .into_iter()
            .flatten()
            .map(crate::content::source::Source::cite)
            .collect::<Vec<_>>();
        if !law.is_empty() {
            pairs.push(("The law".into(), law.join("; ")));
        }
        blocks.push(Block::Pairs(pairs));
    }
    (!blocks.is_empty()).then(|| Section::new("Treated as having limited capability", blocks))
}
