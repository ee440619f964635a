//! Who can get new-style ESA and how much: the age verdict with State Pension age, the
//! contribution conditions on the NI record, the weekly amounts period by period, and what the
//! answers raise. Each comes from the pure rules with figures from content; a missing entry or
//! figure is `NotWorkedOut`, never a guess.

use chrono::{Days, NaiveDate};

use crate::content::Content;
use crate::content::questions::FlagLevel;
use crate::interview::answer::flag_keys;
use crate::interview::session::{AnswerValue, Session};
use crate::interview::update::answer_of;
use crate::rules::age::{AgeVerdict, age_verdict};
use crate::rules::contributions::{
    ContributionAssessment, ContributionInputs, TaxYear, YearRecord, assess,
};
use crate::rules::provenance::{Finding, MissingFigure};
use crate::rules::rates::{WeeklyRate, rate_summary};
use crate::rules::wca::Group;

use super::{Needed, NotWorkedOut, Worked};

/// The date of birth and the claim date, which the age verdict and the rates both need.
fn born_and_claim(session: &Session) -> Worked<(NaiveDate, NaiveDate)> {
    let c = &session.claimant;
    match (c.date_of_birth, c.claim_date) {
        (Some(born), Some(claim)) => Ok((born.0, claim.0)),
        _ => Err(NotWorkedOut::Needs(vec![
            Needed::DateOfBirth,
            Needed::ClaimDate,
        ])),
    }
}

/// Age and State Pension age on the claim date.
pub fn age(session: &Session, content: &Content) -> Worked<AgeVerdict> {
    let (born, claim) = born_and_claim(session)?;
    let f = &content.figures;
    age_verdict(born, claim, &f.age, &f.state_pension_age).map_err(NotWorkedOut::Figure)
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

/// The contribution conditions, from the start of the period of limited capability for work
/// (the claim date when no earlier start is given).
pub fn contributions(session: &Session, content: &Content) -> Worked<ContributionAssessment> {
    let start = session
        .claimant
        .incapacity_start_or_claim()
        .ok_or(NotWorkedOut::Needs(vec![Needed::ClaimDate]))?;
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
    assess(&inputs, &f.contributions, &f.lel).map_err(NotWorkedOut::Figure)
}

/// The phase of a claim a weekly amount is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The first weeks, while limited capability for work is assessed.
    Assessment,
    /// After the assessment phase, in the group the WCA gives.
    Main,
}

impl Phase {
    /// The stable id: `assessment` or `main`.
    pub const fn id(self) -> &'static str {
        match self {
            Phase::Assessment => "assessment",
            Phase::Main => "main",
        }
    }
}

/// One period of the claim and its weekly amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatesPeriod {
    /// Which phase.
    pub phase: Phase,
    /// The group, in the main phase.
    pub group: Option<Group>,
    /// Its first day, counted from the claim date.
    pub from: NaiveDate,
    /// Its last day; `None` for the main phase, which runs on.
    pub to: Option<NaiveDate>,
    /// The day whose rates were used.
    pub rates_on: NaiveDate,
    /// The weekly amount with its parts, or the figure content lacks.
    pub weekly: Result<WeeklyRate, MissingFigure>,
}

/// The weekly amounts of a claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rates {
    /// The assessment phase, then the main phase in the group the WCA gives (none without
    /// limited capability for work).
    pub periods: Vec<RatesPeriod>,
    /// How long the assessment phase is and whether the work-related activity component is
    /// paid, with their provisions.
    pub notes: Vec<Finding>,
}

/// The weekly amounts for the claim: every period at the rates in force on the claim date.
pub fn rates(session: &Session, content: &Content, group: Group) -> Worked<Rates> {
    let (born, claim) = born_and_claim(session)?;
    let f = &content.figures;
    let s = rate_summary(born, claim, claim, f.age.leap_day, &f.rate_rules, &f.rates);
    let weeks = u64::from(f.rate_rules.assessment_phase_weeks) * 7;
    let main_from = claim.checked_add_days(Days::new(weeks)).unwrap_or(claim);
    let mut periods = vec![RatesPeriod {
        phase: Phase::Assessment,
        group: None,
        from: claim,
        to: main_from.pred_opt(),
        rates_on: claim,
        weekly: s.assessment,
    }];
    let main = match group {
        Group::Support => Some(s.support_group),
        Group::Wrag => Some(s.work_related_activity_group),
        Group::None => None,
    };
    if let Some(weekly) = main {
        periods.push(RatesPeriod {
            phase: Phase::Main,
            group: Some(group),
            from: main_from,
            to: None,
            rates_on: claim,
            weekly,
        });
    }
    Ok(Rates {
        periods,
        notes: s.notes,
    })
}

/// What one answer raises, as content says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaisedFlag {
    /// The question answered.
    pub question: String,
    /// How much it matters.
    pub level: FlagLevel,
    /// What it means.
    pub says: String,
    /// The provision.
    pub source: String,
}

/// Every flag the answers raise, in the order of the questions.
pub fn flags(session: &Session, content: &Content) -> Vec<RaisedFlag> {
    content
        .questions
        .questions
        .iter()
        .flat_map(|q| {
            let keys = answer_of(session, q)
                .as_ref()
                .map(flag_keys)
                .unwrap_or_default();
            q.flags
                .iter()
                .filter(move |f| keys.contains(&f.when))
                .map(|f| RaisedFlag {
                    question: q.id.clone(),
                    level: f.level,
                    says: f.says.clone(),
                    source: f.source.cite(),
                })
        })
        .collect()
}
