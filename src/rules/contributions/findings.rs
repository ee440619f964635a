//! The words around the contribution conditions: which benefit year and why, data to check,
//! Class 2 treated as paid, payment before the benefit week, the 365-day limit, and the
//! later-benefit-year alternative. Pure; works on the parent module's types.

use crate::rules::dates::day;
use crate::rules::provenance::{Finding, Level, MissingFigure};

use super::{
    ContributionInputs, ContributionRules, ContributionYears, FirstCondition, LelSeries,
    SecondCondition, SecondConditionYear, TaxYear, YearRecord, test_years,
};

/// The most weeks a tax year can hold.
const WEEKS_IN_A_TAX_YEAR: u32 = 53;

/// "2023-24 and 2024-25".
pub(super) fn list(tax_years: &[TaxYear]) -> String {
    let names: Vec<String> = tax_years.iter().map(ToString::to_string).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// Which benefit year and tax years, and why.
pub(super) fn years_finding(
    years: &ContributionYears,
    inputs: &ContributionInputs<'_>,
    rules: &ContributionRules,
) -> Finding {
    let start = if inputs.incapacity_start == inputs.claim_date {
        format!(
            "{} (the date of claim; no earlier start was given)",
            day(inputs.incapacity_start)
        )
    } else {
        day(inputs.incapacity_start)
    };
    Finding {
        level: Level::Info,
        says: format!(
            "The period of limited capability for work began on {start}, in {}. A benefit year \
             begins on the first Sunday in January. The conditions look at the last {} complete \
             tax years before it began: {}.",
            years.benefit_year.explain(),
            rules.tax_years_counted,
            list(&years.tax_years)
        ),
        citation: rules.citations.relevant_tax_years.clone(),
    }
}

/// Years with nothing entered, figures that contradict each other, and Class 2 treated as paid.
pub(super) fn record_findings(
    tax_years: &[TaxYear],
    records: &[YearRecord],
    second: &SecondCondition,
    rules: &ContributionRules,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for year in &second.years {
        if !year.entered {
            out.push(warn(
                format!(
                    "Nothing entered for {}: counted as nothing paid or credited. Enter what the \
                     claimant's NI record shows for that year.",
                    year.tax_year
                ),
                rules,
            ));
        }
        out.extend(conflict(year, rules));
    }
    for (i, r) in records.iter().enumerate() {
        if records[..i]
            .iter()
            .any(|earlier| earlier.tax_year == r.tax_year)
        {
            out.push(warn(
                format!(
                    "{} is entered more than once: only the first entry is used. Delete the \
                     other.",
                    r.tax_year
                ),
                rules,
            ));
        }
    }
    for r in records.iter().filter(|r| tax_years.contains(&r.tax_year)) {
        out.extend(too_many_weeks(r, rules));
        if r.class2_weeks > 0 && r.tax_year >= rules.class2_treated_as_paid_from {
            out.push(class2_treated_as_paid(r, rules));
        }
    }
    out
}

fn warn(says: String, rules: &ContributionRules) -> Finding {
    Finding {
        level: Level::Warn,
        says,
        citation: rules.citations.second_condition.clone(),
    }
}

fn conflict(year: &SecondConditionYear, rules: &ContributionRules) -> Option<Finding> {
    let earnings = year.earnings_conflict()?;
    Some(warn(
        format!(
            "{}: the Class 1 earnings entered ({earnings}) are less than {} weeks at the Lower \
             Earnings Limit ({}). One of the two is wrong: check the NI record. The weeks are \
             used.",
            year.tax_year,
            year.record.class1_weeks,
            year.class1_from_weeks()
        ),
        rules,
    ))
}

fn too_many_weeks(r: &YearRecord, rules: &ContributionRules) -> Vec<Finding> {
    [
        ("Class 1", r.class1_weeks),
        ("Class 2", r.class2_weeks),
        ("credited", r.credited_weeks),
    ]
    .into_iter()
    .filter(|(_, weeks)| *weeks > WEEKS_IN_A_TAX_YEAR)
    .map(|(kind, weeks)| {
        warn(
            format!(
                "{}: {weeks} {kind} weeks entered, more than a tax year has (52 or 53): \
                     check the NI record.",
                r.tax_year
            ),
            rules,
        )
    })
    .collect()
}

fn class2_treated_as_paid(r: &YearRecord, rules: &ContributionRules) -> Finding {
    Finding {
        level: Level::Info,
        says: format!(
            "{}: the {} Class 2 weeks count as paid. From {} a self-employed person with profits \
             at or above the small profits threshold is treated as having paid Class 2, with \
             nothing to pay. If the Self Assessment return for the year was filed late, they \
             count as paid only from the day it was filed, which must be before the week the \
             claim is for.",
            r.tax_year, r.class2_weeks, rules.class2_treated_as_paid_from
        ),
        citation: rules.citations.class2_treated_as_paid.clone(),
    }
}

/// Contributions count for the first condition only if paid before the benefit week.
pub(super) fn paid_before_finding(rules: &ContributionRules) -> Finding {
    Finding {
        level: Level::Info,
        says: "The first condition counts only contributions paid before the week the claim is \
               for: Class 2 paid late, or treated as paid after a late Self Assessment return, \
               may not count yet."
            .to_string(),
        citation: rules.citations.first_condition.clone(),
    }
}

/// The 365-day limit outside the support group, as information.
pub(super) fn time_limit_finding(tax_years: &[TaxYear], rules: &ContributionRules) -> Finding {
    let later_than = tax_years
        .last()
        .map_or_else(String::new, ToString::to_string);
    Finding {
        level: Level::Info,
        says: format!(
            "Outside the support group, contributory ESA based on {} lasts at most {} days in \
             all. Days in the support group, or with the support component, do not count. \
             After the limit, a new entitlement needs both conditions again on tax years \
             including at least one later than {later_than}.",
            list(tax_years),
            rules.time_limit_days
        ),
        citation: rules.citations.time_limit.clone(),
    }
}

/// The next benefit year, tested the same way, for when the relevant years fail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaterBenefitYear {
    /// The next benefit year and its tax years.
    pub years: ContributionYears,
    /// The claim date is already in it (so the period reaches it).
    pub already_reached: bool,
    /// The conditions on its tax years, unless a figure is missing.
    pub conditions: Result<(FirstCondition, SecondCondition), MissingFigure>,
    /// What the adviser is told.
    pub finding: Finding,
}

impl LaterBenefitYear {
    /// Both conditions met on the later tax years (None if a figure is missing).
    pub fn conditions_met(&self) -> Option<bool> {
        self.conditions.as_ref().ok().map(|(f, s)| f.met && s.met)
    }
}

/// The alternative on the benefit year after the relevant one.
pub(super) fn later_benefit_year(
    years: &ContributionYears,
    inputs: &ContributionInputs<'_>,
    rules: &ContributionRules,
    lel: &LelSeries,
) -> LaterBenefitYear {
    let benefit_year = years.benefit_year.next();
    let tax_years = super::relevant_tax_years(&benefit_year, rules.tax_years_counted);
    let later = ContributionYears {
        benefit_year,
        tax_years,
    };
    let without_relaxation = ContributionInputs {
        relaxation: &[],
        ..*inputs
    };
    let conditions = test_years(&later.tax_years, &without_relaxation, rules, lel);
    let already_reached = inputs.claim_date >= benefit_year.first_day;
    let finding = later_finding(&later, already_reached, &conditions, inputs, rules);
    LaterBenefitYear {
        years: later,
        already_reached,
        conditions,
        finding,
    }
}

fn later_finding(
    later: &ContributionYears,
    already_reached: bool,
    conditions: &Result<(FirstCondition, SecondCondition), MissingFigure>,
    inputs: &ContributionInputs<'_>,
    rules: &ContributionRules,
) -> Finding {
    let when = if already_reached {
        format!("The claim is already in {}", later.benefit_year.explain())
    } else {
        format!(
            "If the claimant still has limited capability for work on {} (the start of {})",
            day(later.benefit_year.first_day),
            later.benefit_year.explain()
        )
    };
    Finding {
        level: Level::Warn,
        says: format!(
            "These tax years do not satisfy both conditions. {when}, a claim decided on that \
             benefit year would look at {}. {} This depends on the rule that lets a later \
             benefit year be used in some cases (for example after a claim that failed the \
             conditions); check it with DWP or a specialist before advising a fresh claim.",
            list(&later.tax_years),
            later_outcome(later, conditions, inputs.records)
        ),
        citation: rules.citations.later_benefit_year.clone(),
    }
}

/// What the later tax years show on the record entered, or what is needed to test them.
fn later_outcome(
    later: &ContributionYears,
    conditions: &Result<(FirstCondition, SecondCondition), MissingFigure>,
    records: &[YearRecord],
) -> String {
    let missing: Vec<String> = later
        .tax_years
        .iter()
        .filter(|ty| !records.iter().any(|r| r.tax_year == **ty))
        .map(ToString::to_string)
        .collect();
    match conditions {
        Err(m) => format!("It cannot be tested yet: {m}."),
        Ok(_) if !missing.is_empty() => format!(
            "To test it, enter what the NI record shows for {}.",
            missing.join(" and ")
        ),
        Ok((first, second)) => format!(
            "On the figures entered the first condition would be {} and the second {}.",
            met_word(first.met),
            met_word(second.met)
        ),
    }
}

fn met_word(met: bool) -> &'static str {
    if met { "met" } else { "not met" }
}
