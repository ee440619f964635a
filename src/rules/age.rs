//! Age on a date, State Pension age from a timetable passed in as data, and the age verdict
//! for an ESA claim (WRA 2007 s.1(3)(b) and (c)). Pure: dates come in as arguments, every legal
//! figure (minimum age, the timetable, the leap-day rule) comes from content; depends only on
//! `chrono` and `rules::provenance`.

use chrono::{Datelike, Months, NaiveDate};

use super::provenance::{Citation, Finding, Level, MissingFigure};

/// Which day counts as the birthday, in a year without 29 February, of someone born on it.
/// The law is not uniform (see content/figures/state-pension-age.toml), so content chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeapDayRule {
    /// The birthday is 28 February in a common year.
    FebruaryTwentyEighth,
    /// The birthday is 1 March in a common year.
    MarchFirst,
}

/// The age figures and their provenance, so the verdict can cite them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgeRules {
    /// The youngest age at which ESA can be claimed (16).
    pub minimum_age: u32,
    /// WRA 2007 s.1(3)(b).
    pub minimum_age_citation: Citation,
    /// The leap-day birthday rule in use.
    pub leap_day: LeapDayRule,
    /// Why that rule was chosen, and how far it is verified.
    pub leap_day_citation: Citation,
    /// WRA 2007 s.1(3)(c): no ESA at or over pensionable age.
    pub pension_age_citation: Citation,
}

/// How a band of the timetable fixes pensionable age.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PensionAgeRule {
    /// Attained at exactly this age.
    Exact { years: u32, months: u32 },
    /// At least this age; content does not hold the exact age (e.g. the rise to 68).
    AtLeast { years: u32, months: u32 },
    /// Already reached on or before this date by everyone born in the band.
    ReachedBy(NaiveDate),
}

/// One row of the State Pension age timetable: a range of birth dates and its rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpaBand {
    /// First birth date in the band; None = no lower bound.
    pub born_from: Option<NaiveDate>,
    /// Last birth date in the band (inclusive); None = no upper bound.
    pub born_to: Option<NaiveDate>,
    /// The pensionable age for the band.
    pub rule: PensionAgeRule,
    /// The provision setting it.
    pub citation: Citation,
}

/// A birth date for which the statute names the day pensionable age is reached, because the
/// anniversary would fall on a day the month does not have (Pensions Act 1995 Sch 4 para 1(7A)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpaSpecialCase {
    /// The birth date.
    pub born: NaiveDate,
    /// The day pensionable age is reached, at its commencement.
    pub attains_on: NaiveDate,
    /// The provision naming it.
    pub citation: Citation,
}

/// The whole timetable, as content holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpaTimetable {
    /// Bands in birth-date order.
    pub bands: Vec<SpaBand>,
    /// Statutory month-end cases.
    pub special_cases: Vec<SpaSpecialCase>,
    /// The content file the timetable came from, for missing-figure messages.
    pub origin: String,
}

/// When pensionable age is reached, as precisely as content allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PensionAgeDate {
    /// Reached at the start of this day.
    On(NaiveDate),
    /// Reached on or before this day.
    NoLaterThan(NaiveDate),
    /// Not reached before this day.
    NoEarlierThan(NaiveDate),
}

/// How the date was arrived at, so the explanation can say so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpaMethod {
    /// The anniversary of birth at the band's age.
    Anniversary,
    /// A statutory special case for a birth date.
    SpecialCase,
    /// The anniversary day does not exist in that month and content names no special case,
    /// so the last day of the month is used.
    MonthEnd,
    /// The band gives a date directly.
    BandDate,
}

/// A claimant's State Pension age, with how it was found and the provision behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatePensionAge {
    /// When it is reached.
    pub date: PensionAgeDate,
    /// The band's rule.
    pub rule: PensionAgeRule,
    /// How the date was found.
    pub method: SpaMethod,
    /// The provision setting it.
    pub citation: Citation,
}

impl StatePensionAge {
    /// "State Pension age 66 years and 4 months, reached on 30 Nov 2026 (...)": for the screen.
    pub fn explain(&self) -> String {
        let age = match self.rule {
            PensionAgeRule::Exact { years, months } => describe_age(years, months),
            PensionAgeRule::AtLeast { years, months } => {
                format!("at least {}", describe_age(years, months))
            }
            PensionAgeRule::ReachedBy(_) => "reached by the date shown".to_string(),
        };
        let when = match self.date {
            PensionAgeDate::On(d) => format!("reached on {}", day(d)),
            PensionAgeDate::NoLaterThan(d) => format!("reached on or before {}", day(d)),
            PensionAgeDate::NoEarlierThan(d) => format!("not reached before {}", day(d)),
        };
        let how = match self.method {
            SpaMethod::SpecialCase => " (a date the statute names for this birth date)",
            SpaMethod::MonthEnd => {
                " (that day does not exist in the month, so the last day of the month)"
            }
            SpaMethod::Anniversary | SpaMethod::BandDate => "",
        };
        format!("State Pension age {age}, {when}{how} ({})", self.citation)
    }
}

/// "66 years and 4 months" / "67 years".
pub fn describe_age(years: u32, months: u32) -> String {
    match months {
        0 => format!("{years} years"),
        1 => format!("{years} years and 1 month"),
        m => format!("{years} years and {m} months"),
    }
}

/// "2 Mar 2026": dates as advisers read them.
pub fn day(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// The day someone born on `born` attains `years` (the anniversary, at its commencement).
pub fn anniversary(born: NaiveDate, years: u32, leap: LeapDayRule) -> NaiveDate {
    let year = born.year() + i32::try_from(years).unwrap_or(i32::MAX - born.year());
    if let Some(date) = born.with_year(year) {
        return date;
    }
    // Only 29 February has no counterpart in a common year.
    match leap {
        LeapDayRule::FebruaryTwentyEighth => NaiveDate::from_ymd_opt(year, 2, 28),
        LeapDayRule::MarchFirst => NaiveDate::from_ymd_opt(year, 3, 1),
    }
    .expect("28 February and 1 March exist in every year")
}

/// Completed years of age at the start of `on`.
pub fn age_on(born: NaiveDate, on: NaiveDate, leap: LeapDayRule) -> u32 {
    let mut years = u32::try_from(on.year() - born.year()).unwrap_or(0);
    while years > 0 && anniversary(born, years, leap) > on {
        years -= 1;
    }
    years
}

/// The band of the timetable covering a birth date, or what to add to content.
fn band_for(born: NaiveDate, timetable: &SpaTimetable) -> Result<&SpaBand, MissingFigure> {
    timetable
        .bands
        .iter()
        .find(|b| b.born_from.is_none_or(|f| f <= born) && b.born_to.is_none_or(|t| born <= t))
        .ok_or_else(|| MissingFigure {
            what: format!(
                "State Pension age band covering a birth date of {}",
                day(born)
            ),
            origin: timetable.origin.clone(),
        })
}

/// A claimant's State Pension age from the timetable in content.
pub fn state_pension_age(
    born: NaiveDate,
    timetable: &SpaTimetable,
    leap: LeapDayRule,
) -> Result<StatePensionAge, MissingFigure> {
    let band = band_for(born, timetable)?;
    let (date, method) = match band.rule {
        PensionAgeRule::ReachedBy(d) => (PensionAgeDate::NoLaterThan(d), SpaMethod::BandDate),
        PensionAgeRule::Exact { years, months } => {
            let (d, m) = attains(born, years, months, timetable, leap);
            (PensionAgeDate::On(d), m)
        }
        PensionAgeRule::AtLeast { years, months } => {
            let (d, m) = attains(born, years, months, timetable, leap);
            (PensionAgeDate::NoEarlierThan(d), m)
        }
    };
    let citation = match method {
        SpaMethod::SpecialCase => special_case(born, timetable).map(|s| s.citation.clone()),
        _ => None,
    }
    .unwrap_or_else(|| band.citation.clone());
    Ok(StatePensionAge {
        date,
        rule: band.rule,
        method,
        citation,
    })
}

fn special_case(born: NaiveDate, timetable: &SpaTimetable) -> Option<&SpaSpecialCase> {
    timetable.special_cases.iter().find(|s| s.born == born)
}

/// The day an age in years and months is attained, and how it was found.
fn attains(
    born: NaiveDate,
    years: u32,
    months: u32,
    timetable: &SpaTimetable,
    leap: LeapDayRule,
) -> (NaiveDate, SpaMethod) {
    if let Some(special) = special_case(born, timetable) {
        return (special.attains_on, SpaMethod::SpecialCase);
    }
    if months == 0 {
        return (anniversary(born, years, leap), SpaMethod::Anniversary);
    }
    let target = born
        .checked_add_months(Months::new(years * 12 + months))
        .expect("pensionable ages stay within chrono's range");
    if target.day() == born.day() {
        (target, SpaMethod::Anniversary)
    } else if born.month() == 2 && born.day() == 29 && target.month() == 2 {
        (anniversary(born, years, leap), SpaMethod::Anniversary)
    } else {
        // checked_add_months has already moved to the last day of the shorter month.
        (target, SpaMethod::MonthEnd)
    }
}

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
    let other = match rules.leap_day {
        LeapDayRule::MarchFirst => LeapDayRule::FebruaryTwentyEighth,
        LeapDayRule::FebruaryTwentyEighth => LeapDayRule::MarchFirst,
    };
    let used = match rules.leap_day {
        LeapDayRule::MarchFirst => "1 March",
        LeapDayRule::FebruaryTwentyEighth => "28 February",
    };
    let other_outcome = state_pension_age(born, timetable, other)
        .ok()
        .and_then(|spa| {
            let minimum_on = anniversary(born, rules.minimum_age, other);
            outcome(claim_date, minimum_on, &spa, timetable, born).ok()
        });
    let differs = age_on(born, claim_date, rules.leap_day) != age_on(born, claim_date, other)
        || other_outcome.is_some_and(|o| o != outcome_used);
    let (level, tail) = if differs {
        (
            Level::Warn,
            " On this claim date the other reading gives a different age: check with DWP before relying on it.",
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
