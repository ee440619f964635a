//! Findings for the stages before the WCA and for the outcome: the age verdict with State
//! Pension age, the contribution conditions with their figures, and the weekly rates. Each
//! comes from the pure rules with figures from content; missing figures are said, never guessed.

use crate::content::Content;
use crate::interview::session::{AnswerValue, Session};
use crate::rules::age::age_verdict;
use crate::rules::contributions::{
    ContributionAssessment, ContributionInputs, TaxYear, YearRecord, assess, contribution_years,
};
use crate::rules::provenance::{self, MissingFigure};
use crate::rules::rates::rate_summary;
use crate::rules::wca::Group;

use super::{Finding, Level};

/// Converts a rules finding into a view finding.
pub fn from_rules(f: &provenance::Finding) -> Finding {
    let level = match f.level {
        provenance::Level::Bar => Level::Bar,
        provenance::Level::Warn => Level::Warn,
        provenance::Level::Info => Level::Info,
    };
    Finding {
        level,
        text: f.says.clone(),
        source: Some(f.citation.to_string()),
    }
}

fn missing(m: &MissingFigure) -> Finding {
    Finding {
        level: Level::Warn,
        text: format!("Cannot work this out: {m}."),
        source: None,
    }
}

fn info(text: &str) -> Finding {
    Finding {
        level: Level::Info,
        text: text.to_string(),
        source: None,
    }
}

/// Age and State Pension age on the claim date.
pub fn status(session: &Session, content: &Content) -> Vec<Finding> {
    let c = &session.claimant;
    let (Some(born), Some(claim)) = (c.date_of_birth, c.claim_date) else {
        return vec![info(
            "Enter the date of birth and the claim date to check age and State Pension age.",
        )];
    };
    let f = &content.figures;
    match age_verdict(born.0, claim.0, &f.age, &f.state_pension_age) {
        Ok(v) => v.findings.iter().map(from_rules).collect(),
        Err(m) => vec![missing(&m)],
    }
}

/// The NI record as the rules take it: unentered weeks count as none.
fn records(session: &Session) -> Vec<YearRecord> {
    session
        .contributions
        .iter()
        .filter_map(|y| {
            Some(YearRecord {
                tax_year: TaxYear::parse(&y.tax_year)?,
                class1_weeks: y.class1_weeks.unwrap_or(0),
                class1_earnings: y.class1_earnings.map(|p| p.0),
                class2_weeks: y.class2_weeks.unwrap_or(0),
                credited_weeks: y.credited_weeks.unwrap_or(0),
            })
        })
        .collect()
}

/// The contribution assessment, when the dates it needs are known.
pub fn contribution_assessment(
    session: &Session,
    content: &Content,
) -> Option<Result<ContributionAssessment, MissingFigure>> {
    let start = session.claimant.incapacity_start_or_claim()?;
    let claim = session.claimant.claim_date.map_or(start, |d| d.0);
    let f = &content.figures;
    let yes: Vec<&str> = session
        .answers
        .iter()
        .filter(|(_, v)| matches!(v, AnswerValue::Bool(true)))
        .map(|(k, _)| k.as_str())
        .collect();
    let relaxation = f.relaxation_grounds(yes);
    let records = records(session);
    let inputs = ContributionInputs {
        incapacity_start: start,
        claim_date: claim,
        records: &records,
        relaxation: &relaxation,
    };
    Some(assess(&inputs, &f.contributions, &f.lel))
}

/// The tax years whose NI record matters, for the contributions screen's rows.
pub fn relevant_tax_years(session: &Session, content: &Content) -> Vec<TaxYear> {
    session
        .claimant
        .incapacity_start_or_claim()
        .map(|start| contribution_years(start, &content.figures.contributions).tax_years)
        .unwrap_or_default()
}

/// Both conditions, year by year, with the figures.
pub fn contributions(session: &Session, content: &Content) -> Vec<Finding> {
    let Some(result) = contribution_assessment(session, content) else {
        return vec![info(
            "Enter the claim date (and the date the illness began, if earlier) on the Status stage to see which tax years count.",
        )];
    };
    let a = match result {
        Ok(a) => a,
        Err(m) => return vec![missing(&m)],
    };
    let cite = |c: &provenance::Citation| Some(c.to_string());
    let met = |m: bool| if m { Level::Ok } else { Level::Warn };
    let mut out: Vec<Finding> = a.findings.iter().take(1).map(from_rules).collect();
    out.push(Finding {
        level: met(a.first.met),
        text: format!(
            "First condition (paid contributions): {}.",
            if a.first.met { "met" } else { "not met" }
        ),
        source: cite(&a.first.citation),
    });
    out.extend(a.first.years.iter().map(|y| Finding {
        level: met(y.met()),
        text: y.explain(),
        source: None,
    }));
    if let Some(r) = &a.first.relaxed {
        out.push(Finding {
            level: met(r.met()),
            text: format!(
                "Relaxed first condition ({}): {}.",
                r.grounds
                    .iter()
                    .map(|g| g.says.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                if r.met() {
                    "met in at least one tax year"
                } else {
                    "not met in any entered tax year"
                }
            ),
            source: cite(&r.citation),
        });
        out.extend(r.years.iter().map(|y| Finding {
            level: met(y.met()),
            text: y.explain(),
            source: None,
        }));
    }
    out.push(Finding {
        level: met(a.second.met),
        text: format!(
            "Second condition (paid or credited in each year): {}.",
            if a.second.met { "met" } else { "not met" }
        ),
        source: cite(&a.second.citation),
    });
    out.extend(a.second.years.iter().map(|y| Finding {
        level: met(y.met()),
        text: y.explain(),
        source: None,
    }));
    out.extend(a.findings.iter().skip(1).map(from_rules));
    if let Some(later) = &a.later_benefit_year {
        out.push(from_rules(&later.finding));
    }
    out
}

/// The weekly amounts that apply on the claim date, for the outcome.
pub fn rates(session: &Session, content: &Content, group: Group) -> Vec<Finding> {
    let c = &session.claimant;
    let (Some(born), Some(claim)) = (c.date_of_birth, c.claim_date) else {
        return vec![info(
            "Enter the date of birth and the claim date to see the weekly amounts.",
        )];
    };
    let f = &content.figures;
    let s = rate_summary(
        born.0,
        claim.0,
        claim.0,
        f.age.leap_day,
        &f.rate_rules,
        &f.rates,
    );
    let line = |label: &str, r: &Result<crate::rules::rates::WeeklyRate, MissingFigure>| match r {
        Ok(w) => Finding {
            level: Level::Info,
            text: format!("{label}: {}.", w.explain()),
            source: w.parts.first().map(|p| p.citation.to_string()),
        },
        Err(m) => missing(m),
    };
    let mut out = vec![line("Assessment phase (the first 13 weeks)", &s.assessment)];
    match group {
        Group::Support => out.push(line("Main phase, support group", &s.support_group)),
        Group::Wrag => out.push(line(
            "Main phase, work-related activity group",
            &s.work_related_activity_group,
        )),
        Group::None => {}
    }
    out.extend(s.notes.iter().map(from_rules));
    out
}

/// The contributions table: one row per relevant tax year, then any other years entered.
pub fn year_rows(session: &Session, content: &Content) -> Vec<super::YearRow> {
    use crate::interview::action::ContributionField as F;
    let mut years = relevant_tax_years(session, content);
    for y in &session.contributions {
        if let Some(t) = TaxYear::parse(&y.tax_year)
            && !years.contains(&t)
        {
            years.push(t);
        }
    }
    years
        .into_iter()
        .map(|ty| {
            let label = ty.to_string();
            let entry = session.contributions.iter().find(|y| y.tax_year == label);
            let weeks = |w: Option<u32>| w.map(|n| n.to_string());
            let fields = vec![
                (F::Class1Weeks, entry.and_then(|e| weeks(e.class1_weeks))),
                (
                    F::Class1Earnings,
                    entry
                        .and_then(|e| e.class1_earnings)
                        .map(|p| format!("{}.{:02}", p.0.pence() / 100, p.0.pence() % 100)),
                ),
                (F::Class2Weeks, entry.and_then(|e| weeks(e.class2_weeks))),
                (
                    F::CreditedWeeks,
                    entry.and_then(|e| weeks(e.credited_weeks)),
                ),
            ];
            let lel = match content.figures.lel.weekly(ty) {
                Ok(m) => format!("LEL {m} a week"),
                Err(m) => m.to_string(),
            };
            super::YearRow {
                tax_year: label,
                lel,
                fields,
            }
        })
        .collect()
}
