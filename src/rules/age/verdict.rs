//! The age verdict on a claim date: under the minimum age, working age, or at or over State
//! Pension age, each said in words with its provision, and a warning when a 29 February birthday
//! makes the reading of the law matter. Pure.

use chrono::{Datelike, NaiveDate};

use super::{
    AgeRules, LeapDayRule, PensionAgeDate, SpaTimetable, StatePensionAge, age_on, anniversary,
    state_pension_age,
};
use crate::rules::dates::day;
use crate::rules::provenance::{Finding, Level, MissingFigure};

/// Where the claimant stands on the claim date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeOutcome {
    /// Under the minimum age: no ESA until it is reached.
    UnderMinimumAge,
    /// Between the minimum age and State Pension age: the age conditions are met.
    WorkingAge,
    /// At or over State Pension age: no ESA.
    AtOrOverPensionAge,
}

impl AgeOutcome {
    /// The stable id, as `assess --json` and the worked cases spell it.
    pub const fn id(self) -> &'static str {
        match self {
            AgeOutcome::UnderMinimumAge => "under-minimum-age",
            AgeOutcome::WorkingAge => "working-age",
            AgeOutcome::AtOrOverPensionAge => "at-or-over-pension-age",
        }
    }
}

/// The age conditions for a claim, explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgeVerdict {
    /// Completed years on the claim date.
    pub age_at_claim: u32,
    /// When the minimum age is (or was) reached.
    pub reaches_minimum_age_on: NaiveDate,
    /// The claimant's State Pension age.
    pub state_pension_age: StatePensionAge,
    /// The result.
    pub outcome: AgeOutcome,
    /// What the adviser is told, in order.
    pub findings: Vec<Finding>,
}

/// The age verdict for a claim made on `claim_date` by someone born on `born`.
pub fn age_verdict(
    born: NaiveDate,
    claim_date: NaiveDate,
    rules: &AgeRules,
    timetable: &SpaTimetable,
) -> Result<AgeVerdict, MissingFigure> {
    let spa = state_pension_age(born, timetable, rules.leap_day)?;
    let age = age_on(born, claim_date, rules.leap_day);
    let minimum_on = anniversary(born, rules.minimum_age, rules.leap_day);
    let outcome = outcome(claim_date, minimum_on, &spa, timetable, born)?;
    let mut findings = vec![main_finding(
        outcome, age, claim_date, minimum_on, &spa, rules,
    )];
    if let Some(f) = leap_day_finding(born, claim_date, rules, timetable, outcome) {
        findings.push(f);
    }
    Ok(AgeVerdict {
        age_at_claim: age,
        reaches_minimum_age_on: minimum_on,
        state_pension_age: spa,
        outcome,
        findings,
    })
}

fn outcome(
    claim_date: NaiveDate,
    minimum_on: NaiveDate,
    spa: &StatePensionAge,
    timetable: &SpaTimetable,
    born: NaiveDate,
) -> Result<AgeOutcome, MissingFigure> {
    if claim_date < minimum_on {
        return Ok(AgeOutcome::UnderMinimumAge);
    }
    let over = match spa.date {
        PensionAgeDate::On(d) => claim_date >= d,
        PensionAgeDate::NoLaterThan(d) if claim_date >= d => true,
        PensionAgeDate::NoEarlierThan(d) if claim_date < d => false,
        // The claim date falls where content cannot say which side it is on.
        PensionAgeDate::NoLaterThan(_) | PensionAgeDate::NoEarlierThan(_) => {
            return Err(MissingFigure {
                what: format!(
                    "exact State Pension age for a birth date of {} (needed for a claim on {})",
                    day(born),
                    day(claim_date)
                ),
                origin: timetable.origin.clone(),
            });
        }
    };
    Ok(if over {
        AgeOutcome::AtOrOverPensionAge
    } else {
        AgeOutcome::WorkingAge
    })
}

fn main_finding(
    outcome: AgeOutcome,
    age: u32,
    claim_date: NaiveDate,
    minimum_on: NaiveDate,
    spa: &StatePensionAge,
    rules: &AgeRules,
) -> Finding {
    let on = day(claim_date);
    match outcome {
        AgeOutcome::UnderMinimumAge => Finding {
            level: Level::Bar,
            says: format!(
                "Aged {age} on the claim date ({on}): ESA needs the claimant to be at least {}. \
                 They reach {} on {}; a claim can be made from then.",
                rules.minimum_age,
                rules.minimum_age,
                day(minimum_on)
            ),
            citation: rules.minimum_age_citation.clone(),
        },
        AgeOutcome::WorkingAge => Finding {
            level: Level::Info,
            says: format!(
                "Aged {age} on the claim date ({on}): at least {} and under State Pension age, \
                 so the age conditions are met. {}. ESA ends when State Pension age is reached.",
                rules.minimum_age,
                spa.explain()
            ),
            citation: rules.pension_age_citation.clone(),
        },
        AgeOutcome::AtOrOverPensionAge => Finding {
            level: Level::Bar,
            says: format!(
                "Aged {age} on the claim date ({on}) and at or over State Pension age: no ESA. \
                 {}. Check State Pension and Pension Credit instead.",
                spa.explain()
            ),
            citation: rules.pension_age_citation.clone(),
        },
    }
}

/// For someone born on 29 February: says which birthday rule was used, and warns when the
/// other reading of the law would change the result.
fn leap_day_finding(
    born: NaiveDate,
    claim_date: NaiveDate,
    rules: &AgeRules,
    timetable: &SpaTimetable,
    outcome_used: AgeOutcome,
) -> Option<Finding> {
    if !(born.month() == 2 && born.day() == 29) {
        return None;
    }
    let used = match rules.leap_day {
        LeapDayRule::MarchFirst => "1 March",
        LeapDayRule::FebruaryTwentyEighth => "28 February",
    };
    let (level, tail) = if other_reading_differs(born, claim_date, rules, timetable, outcome_used) {
        (
            Level::Warn,
            " On this claim date the other reading gives a different result: check with DWP before relying on it.",
        )
    } else {
        (
            Level::Info,
            " The other reading would not change anything on this claim date.",
        )
    };
    Some(Finding {
        level,
        says: format!(
            "Born on 29 February: in a year without that day, the birthday is taken as {used}.{tail}"
        ),
        citation: rules.leap_day_citation.clone(),
    })
}

/// Whether taking the birthday as the other day (28 February for 1 March, or the reverse)
/// changes the age or the outcome on the claim date.
fn other_reading_differs(
    born: NaiveDate,
    claim_date: NaiveDate,
    rules: &AgeRules,
    timetable: &SpaTimetable,
    outcome_used: AgeOutcome,
) -> bool {
    let other = match rules.leap_day {
        LeapDayRule::MarchFirst => LeapDayRule::FebruaryTwentyEighth,
        LeapDayRule::FebruaryTwentyEighth => LeapDayRule::MarchFirst,
    };
    let other_outcome = state_pension_age(born, timetable, other)
        .ok()
        .and_then(|spa| {
            let minimum_on = anniversary(born, rules.minimum_age, other);
            outcome(claim_date, minimum_on, &spa, timetable, born).ok()
        });
    age_on(born, claim_date, rules.leap_day) != age_on(born, claim_date, other)
        || other_outcome.is_some_and(|o| o != outcome_used)
}
