//! Age on a date, State Pension age from a timetable passed in as data, and the age verdict
//! for an ESA claim (WRA 2007 s.1(3)(b) and (c)). Pure: dates come in as arguments, every legal
//! figure (minimum age, the timetable, the leap-day rule) comes from content; depends only on
//! `chrono` and `rules::provenance`. The timetable lives in `pension_age`, the verdict in
//! `verdict`; both are re-exported here.

mod pension_age;
mod verdict;

pub use pension_age::{
    PensionAgeDate, PensionAgeRule, SpaBand, SpaMethod, SpaSpecialCase, SpaTimetable,
    StatePensionAge, state_pension_age,
};
pub use verdict::{AgeOutcome, AgeVerdict, age_verdict};

use chrono::{Datelike, NaiveDate};

use super::provenance::Citation;

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

/// "66 years and 4 months" / "67 years".
pub fn describe_age(years: u32, months: u32) -> String {
    match months {
        0 => format!("{years} years"),
        1 => format!("{years} years and 1 month"),
        m => format!("{years} years and {m} months"),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn a_leap_day_birthday_follows_the_rule_content_chooses() {
        let born = d(2000, 2, 29);
        assert_eq!(
            anniversary(born, 25, LeapDayRule::MarchFirst),
            d(2025, 3, 1)
        );
        assert_eq!(
            anniversary(born, 25, LeapDayRule::FebruaryTwentyEighth),
            d(2025, 2, 28)
        );
        assert_eq!(
            anniversary(born, 24, LeapDayRule::MarchFirst),
            d(2024, 2, 29)
        );
        assert_eq!(age_on(born, d(2025, 2, 28), LeapDayRule::MarchFirst), 24);
        assert_eq!(
            age_on(born, d(2025, 2, 28), LeapDayRule::FebruaryTwentyEighth),
            25
        );
    }

    #[test]
    fn age_counts_completed_years_from_the_start_of_the_birthday() {
        let born = d(1980, 5, 17);
        assert_eq!(age_on(born, d(2026, 5, 16), LeapDayRule::MarchFirst), 45);
        assert_eq!(age_on(born, d(2026, 5, 17), LeapDayRule::MarchFirst), 46);
        assert_eq!(age_on(born, d(1970, 1, 1), LeapDayRule::MarchFirst), 0);
    }
}
