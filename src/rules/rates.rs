//! Weekly amounts of new-style (contributory) ESA for a claimant on a date: the assessment
//! phase rate by age band, the main phase allowance, the work-related activity component for
//! claims made before it was abolished, and the support component. Pure: the rates, the age
//! band, the phase length and the abolition date all come from content; depends on
//! `rules::{money, provenance, age, contributions::TaxYear}`.

use chrono::NaiveDate;

use super::age::{LeapDayRule, age_on};
use super::contributions::TaxYear;
use super::dates::day;
use super::money::Money;
use super::provenance::{Citation, Finding, Level, MissingFigure};

/// One uprating period's weekly rates, as content holds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatePeriod {
    /// The tax year the rates are for (used to name a missing year).
    pub tax_year: TaxYear,
    /// First day the rates apply.
    pub applies_from: NaiveDate,
    /// Last day the rates apply (inclusive).
    pub applies_to: NaiveDate,
    /// Assessment phase, under the age threshold.
    pub assessment_under_threshold: Money,
    /// Assessment phase, at or over the age threshold.
    pub assessment_threshold_or_over: Money,
    /// Main phase personal allowance, any age.
    pub main_phase: Money,
    /// Work-related activity component; None where content does not hold a verified figure.
    pub work_related_activity_component: Option<Money>,
    /// Support component.
    pub support_component: Money,
    /// The instrument setting these rates.
    pub citation: Citation,
}

/// The rules around the rates, from content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateRules {
    /// Under this age the lower assessment phase rate applies (25).
    pub age_threshold: u32,
    /// Length of the assessment phase in weeks (13).
    pub assessment_phase_weeks: u32,
    /// Claims made on or after this date get no work-related activity component (3 Apr 2017).
    pub component_abolished_for_claims_from: NaiveDate,
    /// Assessment phase rates and the age threshold.
    pub assessment_citation: Citation,
    /// Main phase amount.
    pub main_phase_citation: Citation,
    /// Abolition of the work-related activity component for new claims.
    pub abolition_citation: Citation,
}

/// The rates table from content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateTable {
    /// Periods in date order.
    pub periods: Vec<RatePeriod>,
    /// The content file, for missing-figure messages.
    pub origin: String,
}

impl RateTable {
    /// The period covering a date, or what to add to content.
    pub fn period_on(&self, on: NaiveDate) -> Result<&RatePeriod, MissingFigure> {
        self.periods
            .iter()
            .find(|p| p.applies_from <= on && on <= p.applies_to)
            .ok_or_else(|| MissingFigure {
                what: format!("ESA rates in force on {}", day(on)),
                origin: self.origin.clone(),
            })
    }
}

/// The phase of the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Normally the first 13 weeks, while limited capability for work is assessed.
    Assessment,
    /// After the assessment phase.
    Main,
}

/// The group a claimant is placed in after the Work Capability Assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Limited capability for work only.
    WorkRelatedActivity,
    /// Limited capability for work-related activity as well.
    Support,
}

/// Who and when a weekly amount is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateQuery {
    /// Date of birth.
    pub born: NaiveDate,
    /// Date of claim (decides the work-related activity component).
    pub claim_date: NaiveDate,
    /// The day the amount is for (decides the rates and the age band).
    pub on: NaiveDate,
    /// Phase on that day.
    pub phase: Phase,
    /// Group, once decided (main phase only).
    pub group: Option<Group>,
    /// Leap-day birthday rule, for the age band.
    pub leap: LeapDayRule,
}

/// One part of a weekly amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatePart {
    /// What it is, in words.
    pub what: String,
    /// How much a week.
    pub amount: Money,
    /// Why it applies (or does not).
    pub why: String,
    /// The provision.
    pub citation: Citation,
}

/// A weekly amount, with its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeeklyRate {
    /// The tax year whose rates were used.
    pub tax_year: TaxYear,
    /// The parts that make it up.
    pub parts: Vec<RatePart>,
}

impl WeeklyRate {
    /// The weekly total.
    pub fn total(&self) -> Money {
        Money(self.parts.iter().map(|p| p.amount.0).sum())
    }

    /// "£90.50 a week (2024-25 rates): main phase allowance £90.50 (...)".
    pub fn explain(&self) -> String {
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|p| format!("{} {} ({})", p.what, p.amount, p.why))
            .collect();
        format!(
            "{} a week ({} rates): {}",
            self.total(),
            self.tax_year,
            parts.join(" + ")
        )
    }
}

/// The weekly amount for one claimant, phase and group on a date.
pub fn weekly_rate(
    q: &RateQuery,
    rules: &RateRules,
    table: &RateTable,
) -> Result<WeeklyRate, MissingFigure> {
    let period = table.period_on(q.on)?;
    let mut parts = vec![basic_part(q, rules, period)];
    match (q.phase, q.group) {
        (Phase::Main, Some(Group::Support)) => parts.push(RatePart {
            what: "support component".into(),
            amount: period.support_component,
            why: "in the support group".into(),
            citation: period.citation.clone(),
        }),
        (Phase::Main, Some(Group::WorkRelatedActivity)) => {
            if let Some(part) = component_part(q, rules, table, period)? {
                parts.push(part);
            }
        }
        _ => {}
    }
    Ok(WeeklyRate {
        tax_year: period.tax_year,
        parts,
    })
}

fn basic_part(q: &RateQuery, rules: &RateRules, period: &RatePeriod) -> RatePart {
    let age = age_on(q.born, q.on, q.leap);
    match q.phase {
        Phase::Assessment if age < rules.age_threshold => RatePart {
            what: format!("assessment phase rate, under {}", rules.age_threshold),
            amount: period.assessment_under_threshold,
            why: format!("aged {age} on {}", day(q.on)),
            citation: rules.assessment_citation.clone(),
        },
        Phase::Assessment => RatePart {
            what: format!("assessment phase rate, {} or over", rules.age_threshold),
            amount: period.assessment_threshold_or_over,
            why: format!("aged {age} on {}", day(q.on)),
            citation: rules.assessment_citation.clone(),
        },
        Phase::Main => RatePart {
            what: "main phase allowance".into(),
            amount: period.main_phase,
            why: "the same at any age once the assessment phase ends".into(),
            citation: rules.main_phase_citation.clone(),
        },
    }
}

fn component_part(
    q: &RateQuery,
    rules: &RateRules,
    table: &RateTable,
    period: &RatePeriod,
) -> Result<Option<RatePart>, MissingFigure> {
    if q.claim_date >= rules.component_abolished_for_claims_from {
        return Ok(None);
    }
    let amount = period
        .work_related_activity_component
        .ok_or_else(|| MissingFigure {
            what: format!("work-related activity component for {}", period.tax_year),
            origin: table.origin.clone(),
        })?;
    Ok(Some(RatePart {
        what: "work-related activity component".into(),
        amount,
        why: format!(
            "claim made on {}, before {}",
            day(q.claim_date),
            day(rules.component_abolished_for_claims_from)
        ),
        citation: rules.abolition_citation.clone(),
    }))
}

/// What the outcome screen shows: the amount now and the amounts after the assessment phase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateSummary {
    /// The assessment phase amount on the date asked about.
    pub assessment: Result<WeeklyRate, MissingFigure>,
    /// The main phase amount in the work-related activity group, at that date's rates.
    pub work_related_activity_group: Result<WeeklyRate, MissingFigure>,
    /// The main phase amount in the support group, at that date's rates.
    pub support_group: Result<WeeklyRate, MissingFigure>,
    /// Notes: phase length and the component's abolition.
    pub notes: Vec<Finding>,
}

/// The amounts that apply to a claimant on a date (normally the claim date).
pub fn rate_summary(
    born: NaiveDate,
    claim_date: NaiveDate,
    on: NaiveDate,
    leap: LeapDayRule,
    rules: &RateRules,
    table: &RateTable,
) -> RateSummary {
    let query = |phase, group| RateQuery {
        born,
        claim_date,
        on,
        phase,
        group,
        leap,
    };
    RateSummary {
        assessment: weekly_rate(&query(Phase::Assessment, None), rules, table),
        work_related_activity_group: weekly_rate(
            &query(Phase::Main, Some(Group::WorkRelatedActivity)),
            rules,
            table,
        ),
        support_group: weekly_rate(&query(Phase::Main, Some(Group::Support)), rules, table),
        notes: summary_notes(claim_date, rules),
    }
}

fn summary_notes(claim_date: NaiveDate, rules: &RateRules) -> Vec<Finding> {
    let from = day(rules.component_abolished_for_claims_from);
    let component = if claim_date >= rules.component_abolished_for_claims_from {
        format!(
            "No work-related activity component: it is not paid on claims made from {from} \
             (some claims linked to, or backdated to, an earlier claim keep it)."
        )
    } else {
        format!(
            "The work-related activity component is paid in the work-related activity group \
             because the claim was made before {from}."
        )
    };
    vec![
        Finding {
            level: Level::Info,
            says: format!(
                "The assessment phase rate is normally paid for the first {} weeks of the claim; \
                 the main phase amounts apply after it.",
                rules.assessment_phase_weeks
            ),
            citation: rules.assessment_citation.clone(),
        },
        Finding {
            level: Level::Info,
            says: component,
            citation: rules.abolition_citation.clone(),
        },
    ]
}
