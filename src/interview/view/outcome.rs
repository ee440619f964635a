//! Sentences about what the answers give: per-stage findings (status, residency,
//! contributions), the outcome, the deadlines timeline and the header alerts.

use chrono::NaiveDate;

use crate::content::Content;
use crate::interview::session::Session;
use crate::rules::wca::Assessment;

use super::{Finding, Level};
use super::{eligibility, tally};

/// What the answers of a question stage give, beyond the flags on each answer.
pub fn stage_findings(stage: &str, session: &Session, content: &Content) -> Vec<Finding> {
    match stage {
        "status" => eligibility::status(session, content),
        "contributions" => eligibility::contributions(session, content),
        _ => Vec::new(),
    }
}

/// Every flag raised anywhere, for the outcome: a bar on any stage must not be missed there.
fn raised_flags(session: &Session, content: &Content) -> Vec<Finding> {
    super::questions::all_fields(session, content)
        .into_iter()
        .flat_map(|f| f.flags)
        .filter(|f| f.level >= Level::Warn)
        .collect()
}

/// The outcome in sentences an adviser can read out: entitlement bars first, then the
/// contribution conditions, the WCA, the group and the weekly amounts.
pub fn outcome(session: &Session, content: &Content, a: &Assessment) -> Vec<Finding> {
    let t = tally::build(a, content);
    let mut out: Vec<Finding> = eligibility::status(session, content)
        .into_iter()
        .filter(|f| f.level != Level::Info)
        .collect();
    out.extend(raised_flags(session, content));
    out.extend(contribution_summary(session, content));
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
    out.extend(eligibility::rates(session, content, t.group));
    out
}

/// One line on the contribution conditions for the outcome.
fn contribution_summary(session: &Session, content: &Content) -> Option<Finding> {
    let a = match eligibility::contribution_assessment(session, content)? {
        Ok(a) => a,
        Err(m) => {
            return Some(Finding {
                level: Level::Warn,
                text: format!("Contribution conditions: cannot be worked out: {m}."),
                source: None,
            });
        }
    };
    let years: Vec<String> = a.years.tax_years.iter().map(ToString::to_string).collect();
    let word = |m: bool| if m { "met" } else { "not met" };
    let tail = if a.conditions_met() {
        ""
    } else {
        ": no new-style ESA on these years unless the record is wrong or another benefit year applies"
    };
    Some(Finding {
        level: if a.conditions_met() {
            Level::Ok
        } else {
            Level::Bar
        },
        text: format!(
            "National Insurance contribution conditions (tax years {}): first {}, second {}{tail}.",
            years.join(" and "),
            word(a.first.met),
            word(a.second.met),
        ),
        source: Some(a.first.citation.to_string()),
    })
}

/// The reconsideration and appeal timeline.
pub fn deadlines(session: &Session, content: &Content, today: NaiveDate) -> Vec<Finding> {
    super::deadlines::findings(session, content, today)
}

/// Warnings for the header of every screen.
pub fn alerts(session: &Session, content: &Content, today: NaiveDate) -> Vec<Finding> {
    super::deadlines::alerts(session, content, today)
}
