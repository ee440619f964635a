//! Calendar arithmetic for legal time limits: "one month" as the law counts it, plain day
//! counts, and the tribunal rules' move to the next working day, using a bank-holiday list that
//! is passed in. Pure: depends only on chrono. No clock, no I/O, and no holiday dates here:
//! they come from content (`content/bank-holidays.toml`).

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The part of Great Britain whose bank holidays decide the tribunal's working days; asked once
/// per session because Scotland's holidays differ from England and Wales's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Jurisdiction {
    /// England and Wales share one bank-holiday list.
    EnglandAndWales,
    /// Scotland: 2 January, St Andrew's Day and the first Monday in August, no Easter Monday.
    Scotland,
}

impl Jurisdiction {
    /// Every jurisdiction, so content can check that each has a calendar.
    pub const ALL: [Jurisdiction; 2] = [Jurisdiction::EnglandAndWales, Jurisdiction::Scotland];

    /// The stable id used in session files and content ("england-and-wales", "scotland").
    pub const fn id(self) -> &'static str {
        match self {
            Jurisdiction::EnglandAndWales => "england-and-wales",
            Jurisdiction::Scotland => "scotland",
        }
    }

    /// Reads a stable id back, so a session file's answer becomes a jurisdiction.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|j| j.id() == id)
    }

    /// The name an adviser reads.
    pub const fn name(self) -> &'static str {
        match self {
            Jurisdiction::EnglandAndWales => "England and Wales",
            Jurisdiction::Scotland => "Scotland",
        }
    }
}

/// The result of adding whole months, saying whether the month was too short for the
/// corresponding date (Dodds v Walker: the period then ends on the last day of that month).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthsLater {
    /// The corresponding date, or the last day of the month when there is none.
    pub date: NaiveDate,
    /// True when the month had no corresponding date (31 January -> 28 February).
    pub clamped: bool,
}

/// Adds calendar months the way the courts count "a month": the corresponding date in the later
/// month, or that month's last day when it has no such date. `None` only past chrono's range.
pub fn months_after(start: NaiveDate, months: u32) -> Option<MonthsLater> {
    let date = start.checked_add_months(Months::new(months))?;
    Some(MonthsLater {
        date,
        clamped: date.day() != start.day(),
    })
}

/// Adds whole days ("14 days of the expiry of that period"). `None` only past chrono's range.
pub fn days_after(start: NaiveDate, days: u32) -> Option<NaiveDate> {
    start.checked_add_days(Days::new(u64::from(days)))
}

/// One bank holiday (or substitute day) as content gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holiday {
    /// The day on which it is a holiday.
    pub date: NaiveDate,
    /// Its name as published ("Boxing Day (substitute day)").
    pub name: String,
}

/// The bank holidays of one jurisdiction over the years content covers. A date in a year it does
/// not cover is an error, never silently a working day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HolidayCalendar {
    jurisdiction: Jurisdiction,
    origin: String,
    first_year: i32,
    last_year: i32,
    days: BTreeMap<NaiveDate, String>,
}

/// A date fell in a year for which no bank holidays are known, so its working-day status is
/// unknown; the adviser must be told what to add and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingYear {
    /// The year with no holiday list.
    pub year: i32,
    /// Whose holidays are missing.
    pub jurisdiction: Jurisdiction,
    /// The content file to add them to.
    pub origin: String,
}

impl fmt::Display for MissingYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no bank holidays for {} ({}) in {}: add that year's list from gov.uk/bank-holidays, \
             then run check-content",
            self.year,
            self.jurisdiction.name(),
            self.origin
        )
    }
}

impl std::error::Error for MissingYear {}

impl HolidayCalendar {
    /// Builds a calendar covering `first_year..=last_year`; content has already checked that
    /// every holiday lies in a covered year and that no year is missing.
    pub fn new(
        jurisdiction: Jurisdiction,
        origin: impl Into<String>,
        first_year: i32,
        last_year: i32,
        holidays: impl IntoIterator<Item = Holiday>,
    ) -> Self {
        HolidayCalendar {
            jurisdiction,
            origin: origin.into(),
            first_year,
            last_year,
            days: holidays.into_iter().map(|h| (h.date, h.name)).collect(),
        }
    }

    /// Whose holidays these are.
    pub const fn jurisdiction(&self) -> Jurisdiction {
        self.jurisdiction
    }

    /// The first and last years covered, for messages and checks.
    pub const fn years(&self) -> (i32, i32) {
        (self.first_year, self.last_year)
    }

    /// The holiday's name on that date, `Ok(None)` on an ordinary day, or an error when the
    /// year is not covered.
    pub fn holiday(&self, date: NaiveDate) -> Result<Option<&str>, MissingYear> {
        if date.year() < self.first_year || date.year() > self.last_year {
            return Err(MissingYear {
                year: date.year(),
                jurisdiction: self.jurisdiction,
                origin: self.origin.clone(),
            });
        }
        Ok(self.days.get(&date).map(String::as_str))
    }
}

/// Why a day is not a working day, so a moved deadline can say what it skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NonWorking {
    /// Saturday or Sunday.
    Weekend(Weekday),
    /// A bank holiday (or substitute day) by name.
    Holiday(String),
}

impl fmt::Display for NonWorking {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NonWorking::Weekend(_) => f.write_str("weekend"),
            NonWorking::Holiday(name) => write!(f, "bank holiday: {name}"),
        }
    }
}

/// Whether a date is a working day: `Ok(None)` if it is, the reason if not.
pub fn non_working(
    date: NaiveDate,
    calendar: &HolidayCalendar,
) -> Result<Option<NonWorking>, MissingYear> {
    let holiday = calendar.holiday(date)?;
    Ok(match (date.weekday(), holiday) {
        (day @ (Weekday::Sat | Weekday::Sun), _) => Some(NonWorking::Weekend(day)),
        (_, Some(name)) => Some(NonWorking::Holiday(name.to_owned())),
        (_, None) => None,
    })
}

/// A limit moved forward because it ended on a day that is not a working day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rollover {
    /// The working day on which the act is still in time.
    pub date: NaiveDate,
    /// Each day passed over, with why it is not a working day (empty when none was).
    pub skipped: Vec<(NaiveDate, NonWorking)>,
}

/// The first working day on or after `date`: where a tribunal limit that ends on a weekend or
/// bank holiday really ends.
pub fn next_working_day(
    date: NaiveDate,
    calendar: &HolidayCalendar,
) -> Result<Rollover, MissingYear> {
    let mut day = date;
    let mut skipped = Vec::new();
    while let Some(reason) = non_working(day, calendar)? {
        skipped.push((day, reason));
        day = day.succ_opt().ok_or_else(|| MissingYear {
            year: day.year(),
            jurisdiction: calendar.jurisdiction,
            origin: calendar.origin.clone(),
        })?;
    }
    Ok(Rollover { date: day, skipped })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn england() -> HolidayCalendar {
        HolidayCalendar::new(
            Jurisdiction::EnglandAndWales,
            "bank-holidays.toml",
            2026,
            2026,
            [
                Holiday {
                    date: d(2026, 12, 25),
                    name: "Christmas Day".into(),
                },
                Holiday {
                    date: d(2026, 12, 28),
                    name: "Boxing Day (substitute day)".into(),
                },
            ],
        )
    }

    #[test]
    fn a_month_after_the_31st_of_january_is_the_last_day_of_february() {
        let later = months_after(d(2026, 1, 31), 1).unwrap();
        assert_eq!(
            later,
            MonthsLater {
                date: d(2026, 2, 28),
                clamped: true
            }
        );
        assert_eq!(
            months_after(d(2028, 1, 31), 1).unwrap().date,
            d(2028, 2, 29)
        );
    }

    #[test]
    fn a_month_after_an_ordinary_day_is_the_corresponding_date() {
        let later = months_after(d(2026, 3, 10), 1).unwrap();
        assert_eq!(
            later,
            MonthsLater {
                date: d(2026, 4, 10),
                clamped: false
            }
        );
    }

    #[test]
    fn fourteen_days_after_the_11th_of_june_is_the_25th() {
        assert_eq!(days_after(d(2026, 6, 11), 14), Some(d(2026, 6, 25)));
    }

    #[test]
    fn a_limit_ending_on_christmas_day_moves_past_the_weekend_and_boxing_day_substitute() {
        let moved = next_working_day(d(2026, 12, 25), &england()).unwrap();
        assert_eq!(moved.date, d(2026, 12, 29));
        assert_eq!(moved.skipped.len(), 4);
        assert_eq!(
            moved.skipped[0].1,
            NonWorking::Holiday("Christmas Day".into())
        );
    }

    #[test]
    fn a_working_day_does_not_move() {
        let moved = next_working_day(d(2026, 12, 24), &england()).unwrap();
        assert_eq!(
            moved,
            Rollover {
                date: d(2026, 12, 24),
                skipped: vec![]
            }
        );
    }

    #[test]
    fn a_year_with_no_holiday_list_is_an_error_naming_the_file() {
        let err = next_working_day(d(2027, 1, 4), &england()).unwrap_err();
        assert_eq!(err.year, 2027);
        assert!(err.to_string().contains("bank-holidays.toml"), "{err}");
    }

    #[test]
    fn jurisdiction_ids_round_trip() {
        for j in Jurisdiction::ALL {
            assert_eq!(Jurisdiction::from_id(j.id()), Some(j));
        }
        assert_eq!(Jurisdiction::from_id("wales"), None);
    }
}
