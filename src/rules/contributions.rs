//! The National Insurance contribution conditions for new-style (contributory) ESA: the
//! relevant benefit year and tax years, the first and second conditions (WRA 2007 Sch 1
//! paras 1-3; ESA Regs 2013 regs 8-9), the relaxation of the first condition, Class 2 treated
//! as paid for the self-employed, and the 365-day limit (WRA 2007 s.1A) as information.
//! Pure: dates, the NI record and every figure (multipliers, day counts, the LEL series) come
//! in as arguments; results explain themselves. Depends on `rules::{money, provenance, age}`.

mod conditions;
mod findings;
mod years;

pub use conditions::{FirstConditionYear, SecondConditionYear, YearRecord};
pub use findings::LaterBenefitYear;
pub use years::{
    BenefitYear, TaxYear, benefit_year, benefit_year_containing, first_sunday_in_january,
    relevant_tax_years,
};

use chrono::NaiveDate;

use super::money::Money;
use super::provenance::{Citation, Finding, MissingFigure};

/// The weekly Lower Earnings Limit for one tax year, with its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LelEntry {
    /// The tax year it applies to.
    pub tax_year: TaxYear,
    /// The weekly limit.
    pub weekly: Money,
    /// The instrument setting it.
    pub citation: Citation,
}

/// The LEL series from content; asking for a year it lacks names the year and the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LelSeries {
    /// One entry per tax year.
    pub entries: Vec<LelEntry>,
    /// The content file it came from, for missing-figure messages.
    pub origin: String,
}

impl LelSeries {
    /// The entry for a tax year, or what to add to content.
    pub fn entry(&self, tax_year: TaxYear) -> Result<&LelEntry, MissingFigure> {
        self.entries
            .iter()
            .find(|e| e.tax_year == tax_year)
            .ok_or_else(|| MissingFigure {
                what: format!("Lower Earnings Limit for {tax_year}"),
                origin: self.origin.clone(),
            })
    }

    /// The weekly LEL for a tax year, or what to add to content.
    pub fn weekly(&self, tax_year: TaxYear) -> Result<Money, MissingFigure> {
        self.entry(tax_year).map(|e| e.weekly)
    }
}

/// A case in which the first condition is relaxed (ESA Regs 2013 reg 9(2)), identified by
/// the question whose "yes" claims it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelaxationGround {
    /// The question id, e.g. "contributions.carers-allowance".
    pub id: String,
    /// The case in words.
    pub says: String,
    /// The provision.
    pub citation: Citation,
}

/// The figures and provisions of the contribution conditions, from content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContributionRules {
    /// How many complete tax years before the benefit year count (2).
    pub tax_years_counted: u32,
    /// First condition: this many times the LEL (26).
    pub first_multiplier: i64,
    /// Second condition: this many times the LEL (50).
    pub second_multiplier: i64,
    /// Most days of contributory ESA outside the support group on the same tax years (365).
    pub time_limit_days: u32,
    /// The first tax year in which profits at or above the small profits threshold count as
    /// Class 2 treated as paid with nothing payable.
    pub class2_treated_as_paid_from: TaxYear,
    /// The provisions, for the explanations.
    pub citations: ContributionCitations,
}

/// The provisions each part of the assessment rests on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContributionCitations {
    /// Benefit year: begins on the first Sunday in January.
    pub benefit_year: Citation,
    /// Relevant benefit year and the two tax years.
    pub relevant_tax_years: Citation,
    /// First condition, with ESA Regs 2013 reg 8.
    pub first_condition: Citation,
    /// Second condition.
    pub second_condition: Citation,
    /// Relaxation of the first condition.
    pub relaxation: Citation,
    /// Class 2 treated as paid for the self-employed.
    pub class2_treated_as_paid: Citation,
    /// The 365-day limit.
    pub time_limit: Citation,
    /// A later benefit year in prescribed circumstances.
    pub later_benefit_year: Citation,
}

/// The benefit year and tax years for a period of limited capability for work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContributionYears {
    /// The relevant benefit year.
    pub benefit_year: BenefitYear,
    /// The tax years counted, oldest first.
    pub tax_years: Vec<TaxYear>,
}

/// The benefit year that includes the start of the period of limited capability for work,
/// and the tax years counted for it: what `assess --json` reports as `tax_years`.
pub fn contribution_years(
    incapacity_start: NaiveDate,
    rules: &ContributionRules,
) -> ContributionYears {
    let benefit_year = benefit_year_containing(incapacity_start);
    let tax_years = relevant_tax_years(&benefit_year, rules.tax_years_counted);
    ContributionYears {
        benefit_year,
        tax_years,
    }
}

/// What the assessment works from.
#[derive(Clone, Copy, Debug)]
pub struct ContributionInputs<'a> {
    /// First day of the period of limited capability for work (the claim date if not asked).
    pub incapacity_start: NaiveDate,
    /// The date of claim.
    pub claim_date: NaiveDate,
    /// What the NI record shows, one entry per tax year (any order; extra years allowed).
    pub records: &'a [YearRecord],
    /// Relaxation cases the adviser says apply.
    pub relaxation: &'a [RelaxationGround],
}

/// Whether a condition is met on the NI record as entered: what `assess --json` gives as
/// `true`, `false` or `null`, and every screen and statement says in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// The entered record meets it.
    Met,
    /// Every tax year that counts is entered, and the record does not meet it.
    NotMet,
    /// It cannot be decided yet, and why.
    Unknown(Unknown),
}

/// Why a condition cannot be decided yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// These tax years that count have no entry, and the years entered do not meet the
    /// condition. A year with nothing entered is tested as nothing paid or credited, but more
    /// weeks can only help, so "not met" would be a guess about the missing record.
    YearsNotEntered(Vec<TaxYear>),
}

impl Status {
    /// From whether the test passed on the record as entered and which years have no entry.
    pub fn of(met: bool, not_entered: Vec<TaxYear>) -> Status {
        if met {
            Status::Met
        } else if not_entered.is_empty() {
            Status::NotMet
        } else {
            Status::Unknown(Unknown::YearsNotEntered(not_entered))
        }
    }

    /// `Some(met)` when decided, `None` while unknown.
    pub fn known(&self) -> Option<bool> {
        match self {
            Status::Met => Some(true),
            Status::NotMet => Some(false),
            Status::Unknown(_) => None,
        }
    }

    /// The stable id: `met`, `not-met` or `unknown`.
    pub fn id(&self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not-met",
            Status::Unknown(_) => "unknown",
        }
    }
}

/// The first condition, as tested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirstCondition {
    /// Whether it is met (directly or by relaxation).
    pub met: bool,
    /// Met, not met, or not known while a tax year that counts has no entry.
    pub status: Status,
    /// The relevant tax years tested, oldest first.
    pub years: Vec<FirstConditionYear>,
    /// The relaxation, when a case was claimed.
    pub relaxed: Option<RelaxedFirstCondition>,
    /// The provision.
    pub citation: Citation,
}

/// The first condition under ESA Regs 2013 reg 9: any one tax year counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelaxedFirstCondition {
    /// The cases claimed.
    pub grounds: Vec<RelaxationGround>,
    /// Every entered tax year that began before the claim, tested.
    pub years: Vec<FirstConditionYear>,
    /// The provision.
    pub citation: Citation,
}

impl RelaxedFirstCondition {
    /// Whether any year meets it.
    pub fn met(&self) -> bool {
        self.years.iter().any(FirstConditionYear::met)
    }
}

/// The second condition, as tested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecondCondition {
    /// Whether every relevant tax year meets it.
    pub met: bool,
    /// Met, not met, or not known while a tax year that counts has no entry.
    pub status: Status,
    /// The relevant tax years tested, oldest first.
    pub years: Vec<SecondConditionYear>,
    /// The provision.
    pub citation: Citation,
}

/// The whole contribution assessment, explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContributionAssessment {
    /// The relevant benefit year and tax years.
    pub years: ContributionYears,
    /// The first condition.
    pub first: FirstCondition,
    /// The second condition.
    pub second: SecondCondition,
    /// The same conditions on the next benefit year, when the law may allow it and these
    /// years fail.
    pub later_benefit_year: Option<LaterBenefitYear>,
    /// Everything else the adviser is told: the benefit year, data to check, Class 2 treated
    /// as paid, the 365-day limit.
    pub findings: Vec<Finding>,
}

impl ContributionAssessment {
    /// Both conditions met.
    pub fn conditions_met(&self) -> bool {
        self.first.met && self.second.met
    }
}

/// Tests both conditions on the relevant tax years.
pub fn assess(
    inputs: &ContributionInputs<'_>,
    rules: &ContributionRules,
    lel: &LelSeries,
) -> Result<ContributionAssessment, MissingFigure> {
    let years = contribution_years(inputs.incapacity_start, rules);
    let (first, second) = test_years(&years.tax_years, inputs, rules, lel)?;
    let mut findings = vec![findings::years_finding(&years, inputs, rules)];
    findings.extend(findings::record_findings(
        &years.tax_years,
        inputs.records,
        &second,
        rules,
    ));
    findings.push(findings::paid_before_finding(rules));
    findings.push(findings::time_limit_finding(&years.tax_years, rules));
    let later_benefit_year = if first.met && second.met {
        None
    } else {
        Some(findings::later_benefit_year(&years, inputs, rules, lel))
    };
    Ok(ContributionAssessment {
        years,
        first,
        second,
        later_benefit_year,
        findings,
    })
}

/// Both conditions on a set of tax years (used for the relevant years and for the
/// later-benefit-year alternative).
fn test_years(
    tax_years: &[TaxYear],
    inputs: &ContributionInputs<'_>,
    rules: &ContributionRules,
    lel: &LelSeries,
) -> Result<(FirstCondition, SecondCondition), MissingFigure> {
    let record = |ty: TaxYear| inputs.records.iter().find(|r| r.tax_year == ty);
    let mut first_years = Vec::new();
    let mut second_years = Vec::new();
    for &ty in tax_years {
        let limit = lel.weekly(ty)?;
        first_years.push(FirstConditionYear::test(
            ty,
            record(ty),
            limit,
            rules.first_multiplier,
        ));
        second_years.push(SecondConditionYear::test(
            ty,
            record(ty),
            limit,
            rules.second_multiplier,
        ));
    }
    let relaxed = relaxed_first(inputs, rules, lel)?;
    let not_entered: Vec<TaxYear> = first_years
        .iter()
        .filter(|y| !y.entered)
        .map(|y| y.tax_year)
        .collect();
    let first_met = first_years.iter().any(FirstConditionYear::met)
        || relaxed.as_ref().is_some_and(RelaxedFirstCondition::met);
    let second_met = second_years.iter().all(SecondConditionYear::met);
    let first = FirstCondition {
        met: first_met,
        status: Status::of(first_met, not_entered.clone()),
        years: first_years,
        relaxed,
        citation: rules.citations.first_condition.clone(),
    };
    let second = SecondCondition {
        met: second_met,
        status: Status::of(second_met, not_entered),
        years: second_years,
        citation: rules.citations.second_condition.clone(),
    };
    Ok((first, second))
}

/// The relaxed first condition, when the adviser claims a case: any entered tax year that
/// began before the claim date may be the base year (ESA Regs 2013 reg 9(1)).
fn relaxed_first(
    inputs: &ContributionInputs<'_>,
    rules: &ContributionRules,
    lel: &LelSeries,
) -> Result<Option<RelaxedFirstCondition>, MissingFigure> {
    if inputs.relaxation.is_empty() {
        return Ok(None);
    }
    let mut records: Vec<&YearRecord> = inputs
        .records
        .iter()
        .filter(|r| r.tax_year.first_day() < inputs.claim_date)
        .collect();
    records.sort_by_key(|r| r.tax_year);
    let mut years = Vec::new();
    for r in records {
        let limit = lel.weekly(r.tax_year)?;
        years.push(FirstConditionYear::test(
            r.tax_year,
            Some(r),
            limit,
            rules.first_multiplier,
        ));
    }
    Ok(Some(RelaxedFirstCondition {
        grounds: inputs.relaxation.to_vec(),
        years,
        citation: rules.citations.relaxation.clone(),
    }))
}
