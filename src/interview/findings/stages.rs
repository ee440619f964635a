//! What the stages before the WCA say: the age verdict on the status stage, and on the
//! contributions stage the verdict with its figures year by year, the relaxation, the records
//! to check and the later benefit year. The figures' sentences are the rules' own.

use crate::interview::evaluate::Evaluation;
use crate::rules::contributions::{ContributionAssessment, FirstConditionYear};

use super::outcome::{age, contribution_verdict};
use super::{Finding, Level};

/// The status stage: age and State Pension age.
pub fn status_stage(e: &Evaluation) -> Vec<Finding> {
    age(e)
}

/// The contributions stage: which tax years count, the verdict, then the details.
pub fn contributions_stage(e: &Evaluation) -> Vec<Finding> {
    let Ok(a) = &e.contributions else {
        return vec![contribution_verdict(e)];
    };
    let mut out: Vec<Finding> = a.findings.iter().take(1).map(Finding::from_rules).collect();
    out.push(contribution_verdict(e));
    out.extend(details(a));
    out
}

/// The figures behind the verdict, year by year, for the contributions stage and statements.
pub fn contribution_details(e: &Evaluation) -> Vec<Finding> {
    match &e.contributions {
        Ok(a) => {
            let mut out: Vec<Finding> =
                a.findings.iter().take(1).map(Finding::from_rules).collect();
            out.extend(details(a));
            out
        }
        Err(_) => Vec::new(),
    }
}

fn met(m: bool) -> Level {
    if m { Level::Ok } else { Level::Warn }
}

fn year(label: &str, explained: &str, is_met: bool) -> Finding {
    Finding::detail(met(is_met), format!("{label}, {explained}"), None)
}

fn details(a: &ContributionAssessment) -> Vec<Finding> {
    let cite = |c: &crate::rules::provenance::Citation| Some(c.to_string());
    let mut out: Vec<Finding> = a
        .first
        .years
        .iter()
        .map(|y| year("First condition", &y.explain(), y.met()))
        .collect();
    if let Some(r) = &a.first.relaxed {
        let grounds: Vec<&str> = r.grounds.iter().map(|g| g.says.as_str()).collect();
        out.push(Finding::detail(
            met(r.met()),
            format!(
                "Relaxed first condition ({}): {}.",
                grounds.join("; "),
                if r.met() {
                    "met in at least one tax year"
                } else {
                    "not met in any entered tax year"
                }
            ),
            cite(&r.citation),
        ));
        out.extend(
            r.years.iter().map(|y: &FirstConditionYear| {
                year("Relaxed first condition", &y.explain(), y.met())
            }),
        );
    }
    out.extend(
        a.second
            .years
            .iter()
            .map(|y| year("Second condition", &y.explain(), y.met())),
    );
    out.extend(a.findings.iter().skip(1).map(Finding::from_rules));
    if let Some(later) = &a.later_benefit_year {
        out.push(Finding::from_rules(&later.finding));
    }
    out
}
