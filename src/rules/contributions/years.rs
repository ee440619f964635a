//! Tax years and benefit years: the calendar the contribution conditions are counted in.
//! Pure date arithmetic on definitions fixed by statute (a tax year is the 12 months beginning
//! with 6 April, WRA 2007 Sch 1 para 3(1)(g); a benefit year begins on the first Sunday in
//! January, SSCBA 1992 s.21(6) as applied by WRA 2007 Sch 1 para 3(1)(a)). These are the
//! meanings of the words, not figures that change, so they live here rather than in content.

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::rules::dates::day;

/// A tax year, named by the calendar year it starts in (2024 = 2024-25).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TaxYear(pub i32);

impl TaxYear {
    /// The tax year a date falls in.
    pub fn containing(date: NaiveDate) -> Self {
        if (date.month(), date.day()) >= (4, 6) {
            TaxYear(date.year())
        } else {
            TaxYear(date.year() - 1)
        }
    }

    /// 6 April of its first calendar year.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 4, 6).expect("6 April exists")
    }

    /// 5 April of the following calendar year.
    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 + 1, 4, 5).expect("5 April exists")
    }

    /// The tax year before this one.
    #[must_use]
    pub fn previous(self) -> Self {
        TaxYear(self.0 - 1)
    }

    /// The tax year after this one.
    #[must_use]
    pub fn next(self) -> Self {
        TaxYear(self.0 + 1)
    }

    /// Reads "2024-25" (or "2024/25") as written on NI records and in content.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (first, second) = text.split_once(['-', '/'])?;
        if first.len() != 4 || second.len() != 2 {
            return None;
        }
        let start: i32 = first.parse().ok()?;
        let end: i32 = second.parse().ok()?;
        (end == (start + 1) % 100).then_some(TaxYear(start))
    }
}

impl fmt::Display for TaxYear {
    /// "2024-25".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.0, (self.0 + 1).rem_euclid(100))
    }
}

/// A benefit year: from the first Sunday in January to the Saturday before the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BenefitYear {
    /// The calendar year it begins in.
    pub year: i32,
    /// Its first day (a Sunday in the first seven days of January).
    pub first_day: NaiveDate,
    /// Its last day (the Saturday before the next first Sunday in January).
    pub last_day: NaiveDate,
}

impl BenefitYear {
    /// "benefit year 2026 (4 Jan 2026 to 2 Jan 2027)".
    pub fn explain(&self) -> String {
        format!(
            "benefit year {} ({} to {})",
            self.year,
            day(self.first_day),
            day(self.last_day)
        )
    }

    /// Whether a date falls in it.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first_day <= date && date <= self.last_day
    }

    /// The benefit year after this one.
    #[must_use]
    pub fn next(&self) -> Self {
        benefit_year(self.year + 1)
    }
}

/// The first Sunday in January of a year.
pub fn first_sunday_in_january(year: i32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, 1, Weekday::Sun, 1)
        .expect("every January has a first Sunday")
}

/// The benefit year beginning in a calendar year.
pub fn benefit_year(year: i32) -> BenefitYear {
    let first_day = first_sunday_in_january(year);
    let last_day = first_sunday_in_january(year + 1)
        .pred_opt()
        .expect("a day before exists");
    BenefitYear {
        year,
        first_day,
        last_day,
    }
}

/// The benefit year a date falls in: 1-6 January before the first Sunday belong to the
/// benefit year that began the previous January.
pub fn benefit_year_containing(date: NaiveDate) -> BenefitYear {
    if date < first_sunday_in_january(date.year()) {
        benefit_year(date.year() - 1)
    } else {
        benefit_year(date.year())
    }
}

/// The last `count` complete tax years before a benefit year begins, oldest first.
/// The tax year in progress on the first Sunday in January is not complete, so the last
/// complete one is the year before it.
pub fn relevant_tax_years(benefit_year: &BenefitYear, count: u32) -> Vec<TaxYear> {
    let in_progress = TaxYear::containing(benefit_year.first_day);
    let count = i32::try_from(count).unwrap_or(0);
    (1..=count)
        .rev()
        .map(|back| TaxYear(in_progress.0 - back))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn tax_years_run_from_6_april_to_5_april() {
        assert_eq!(TaxYear::containing(d(2024, 4, 5)), TaxYear(2023));
        assert_eq!(TaxYear::containing(d(2024, 4, 6)), TaxYear(2024));
        assert_eq!(TaxYear(2024).to_string(), "2024-25");
        assert_eq!(TaxYear(1999).to_string(), "1999-00");
        assert_eq!(TaxYear::parse("2024-25"), Some(TaxYear(2024)));
        assert_eq!(TaxYear::parse("2024/25"), Some(TaxYear(2024)));
        assert_eq!(TaxYear::parse("2024-26"), None);
        assert_eq!(TaxYear::parse("24-25"), None);
    }

    #[test]
    fn benefit_years_begin_on_the_first_sunday_in_january() {
        assert_eq!(first_sunday_in_january(2025), d(2025, 1, 5));
        assert_eq!(first_sunday_in_january(2026), d(2026, 1, 4));
        assert_eq!(first_sunday_in_january(2027), d(2027, 1, 3));
        assert_eq!(benefit_year(2026).last_day, d(2027, 1, 2));
        assert_eq!(benefit_year_containing(d(2026, 1, 3)).year, 2025);
        assert_eq!(benefit_year_containing(d(2026, 1, 4)).year, 2026);
    }

    #[test]
    fn the_relevant_tax_years_are_the_last_two_complete_before_the_benefit_year() {
        let years = relevant_tax_years(&benefit_year(2026), 2);
        assert_eq!(years, vec![TaxYear(2023), TaxYear(2024)]);
    }
}
