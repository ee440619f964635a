//! Sentences about what the answers give: per-stage findings (status, residency,
//! contributions), the outcome, the deadlines timeline and the header alerts.

use chrono::NaiveDate;

use crate::content::Content;
use crate::interview::session::Session;
use crate::rules::wca::Assessment;

use super::tally;
use super::{Finding, Level};

/// What the answers of a question stage give, beyond the flags on each answer.
pub fn stage_findings(_stage: &str, _session: &Session, _content: &Content) -> Vec<Finding> {
    Vec::new()
}

/// The outcome in sentences an adviser can read out.
pub fn outcome(_session: &Session, content: &Content, a: &Assessment) -> Vec<Finding> {
    let t = tally::build(a, content);
    let mut out = Vec::new();
    let s2 = &content.wca.schedule2;
    let lcw = if t.lcw_met {
        Finding {
            level: Level::Ok,
            text: format!(
                "Limited capability for work: met ({}).",
                t.lcw_why.join("; ")
            ),
            source: Some(s2.source.cite()),
        }
    } else {
        Finding {
            level: Level::Warn,
            text: format!(
                "Limited capability for work: not met. {} points ({} physical, {} mental); {} needed, {} short.",
                t.total, t.physical, t.mental, t.threshold, t.short_by
            ),
            source: Some(s2.source.cite()),
        }
    };
    out.push(lcw);
    let s3 = &content.wca.schedule3;
    out.push(if t.lcwra_met {
        Finding { level: Level::Ok, text: format!("Limited capability for work-related activity: met ({}).", t.lcwra_why.join("; ")), source: Some(s3.source.cite()) }
    } else {
        Finding { level: Level::Info, text: "Limited capability for work-related activity: no support-group descriptor or route chosen.".into(), source: Some(s3.source.cite()) }
    });
    out.push(Finding {
        level: if t.lcw_met { Level::Ok } else { Level::Warn },
        text: format!("Group: {}.", t.group_words()),
        source: None,
    });
    out.extend(t.cautions.iter().map(|c| Finding {
        level: Level::Warn,
        text: c.clone(),
        source: None,
    }));
    out
}

/// The reconsideration and appeal timeline.
pub fn deadlines(_session: &Session, _content: &Content, _today: NaiveDate) -> Vec<Finding> {
    Vec::new()
}

/// Warnings for the header of every screen.
pub fn alerts(_session: &Session, _content: &Content, _today: NaiveDate) -> Vec<Finding> {
    Vec::new()
}
