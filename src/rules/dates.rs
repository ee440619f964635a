//! How a date is written, in one place for every screen, statement and sentence: the long form
//! an adviser reads aloud ("Monday 3 August 2026"), the short form a narrow line can hold
//! ("Mon 3 Aug 2026") and the compact form inside explanations ("3 Aug 2026"). Pure; depends
//! only on chrono.

use chrono::{Datelike, NaiveDate};

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How long a date may be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateForm {
    /// "Monday 3 August 2026": every deadline is shown with its weekday.
    Long,
    /// "Mon 3 Aug 2026": the same for a line that cannot hold the long form.
    Short,
}

fn weekday(date: NaiveDate) -> &'static str {
    WEEKDAYS[date.weekday().num_days_from_monday() as usize]
}

fn month(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// A date in words with its weekday ("Monday 3 August 2026"): what an adviser reads aloud.
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday(date),
        date.day(),
        month(date),
        date.year()
    )
}

/// The long date with the day and month names cut to three letters ("Mon 3 Aug 2026").
pub fn short_date(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        &weekday(date)[..3],
        date.day(),
        &month(date)[..3],
        date.year()
    )
}

/// A date in the form asked for.
pub fn date_in(date: NaiveDate, form: DateForm) -> String {
    match form {
        DateForm::Long => long_date(date),
        DateForm::Short => short_date(date),
    }
}

/// "2 Mar 2026": dates inside explanations, where the weekday adds nothing.
pub fn day(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), &month(date)[..3], date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_reads_as_advisers_write_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 8, 3).unwrap();
        assert_eq!(long_date(d), "Monday 3 August 2026");
        assert_eq!(short_date(d), "Mon 3 Aug 2026");
        assert_eq!(day(d), "3 Aug 2026");
        let s = NaiveDate::from_ymd_opt(2026, 9, 20).unwrap();
        assert_eq!(date_in(s, DateForm::Long), "Sunday 20 September 2026");
        assert_eq!(date_in(s, DateForm::Short), "Sun 20 Sep 2026");
    }
}
