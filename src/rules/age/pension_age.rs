//! State Pension age from the timetable content passes in: bands of birth dates, the
//! statutory month-end special cases, and bounds where content holds no exact age. Pure.

use chrono::{Datelike, Months, NaiveDate};

use super::{LeapDayRule, anniversary, describe_age};
use crate::rules::dates::day;
use crate::rules::provenance::{Citation, MissingFigure};

/// How a band of the timetable fixes pensionable age.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PensionAgeRule {
    /// Attained at exactly this age.
    Exact {
        /// Whole years.
        years: u32,
        /// And months.
        months: u32,
    },
    /// At least this age; content does not hold the exact age (e.g. the rise to 68).
    AtLeast {
        /// Whole years.
        years: u32,
        /// And months.
        months: u32,
    },
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn timetable(special: bool) -> SpaTimetable {
        SpaTimetable {
            bands: vec![SpaBand {
                born_from: Some(d(1960, 7, 6)),
                born_to: Some(d(1960, 8, 5)),
                rule: PensionAgeRule::Exact {
                    years: 66,
                    months: 4,
                },
                citation: Citation::new("Pensions Act 1995", "Schedule 4 paragraph 1(7)"),
            }],
            special_cases: if special {
                vec![SpaSpecialCase {
                    born: d(1960, 7, 31),
                    attains_on: d(2026, 11, 30),
                    citation: Citation::new("Pensions Act 1995", "Schedule 4 paragraph 1(7A)(a)"),
                }]
            } else {
                Vec::new()
            },
            origin: "content/figures/state-pension-age.toml".into(),
        }
    }

    #[test]
    fn a_statutory_special_case_is_used_and_cited() {
        let spa =
            state_pension_age(d(1960, 7, 31), &timetable(true), LeapDayRule::MarchFirst).unwrap();
        assert_eq!(spa.date, PensionAgeDate::On(d(2026, 11, 30)));
        assert_eq!(spa.method, SpaMethod::SpecialCase);
        assert_eq!(spa.citation.provision, "Schedule 4 paragraph 1(7A)(a)");
    }

    #[test]
    fn without_a_special_case_a_short_month_gives_its_last_day_and_says_so() {
        let spa =
            state_pension_age(d(1960, 7, 31), &timetable(false), LeapDayRule::MarchFirst).unwrap();
        assert_eq!(spa.date, PensionAgeDate::On(d(2026, 11, 30)));
        assert_eq!(spa.method, SpaMethod::MonthEnd);
        assert!(
            spa.explain()
                .contains("that day does not exist in the month")
        );
    }

    #[test]
    fn a_birth_date_outside_the_timetable_names_what_to_add() {
        let e = state_pension_age(d(1950, 1, 1), &timetable(false), LeapDayRule::MarchFirst)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "no State Pension age band covering a birth date of 1 Jan 1950 in content/figures/state-pension-age.toml: add it, then run check-content"
        );
    }
}
