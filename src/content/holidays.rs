//! Bank holidays for England and Wales and for Scotland, from `content/bank-holidays.toml`,
//! turned into `rules::calendar::HolidayCalendar`s. Validation reports every problem with its
//! place: an unknown jurisdiction, a year listed twice or missing from a run of years, a
//! holiday outside its year or on a weekend, dates out of order. Depends on `rules::calendar`
//! and the content framework.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;
use toml::Spanned;

use super::date::Date;
use super::diag::Diagnostics;
use super::files::{FileSet, SourceFile};
use super::parse::parse;
use super::source::Source;
use crate::rules::calendar::{Holiday, HolidayCalendar, Jurisdiction};

/// The file this module reads.
pub const FILE: &str = "bank-holidays.toml";

/// The files this module reads, relative to the content directory.
pub const FILES: &[&str] = &[FILE];

/// One jurisdiction's year as listed, kept so screens can say which years are unconfirmed.
#[derive(Clone, Debug)]
pub struct YearInfo {
    /// Whose year.
    pub jurisdiction: Jurisdiction,
    /// The year.
    pub year: i32,
    /// Read on gov.uk or in the proclamation; false means derived and to be checked.
    pub confirmed: bool,
    /// Where the dates come from.
    pub source: Source,
}

/// Both jurisdictions' calendars, validated.
#[derive(Clone, Debug)]
pub struct BankHolidays {
    england_and_wales: HolidayCalendar,
    scotland: HolidayCalendar,
    /// Every listed year, in file order.
    pub years: Vec<YearInfo>,
}

impl BankHolidays {
    /// The calendar whose holidays decide working days for that jurisdiction.
    pub fn calendar(&self, jurisdiction: Jurisdiction) -> &HolidayCalendar {
        match jurisdiction {
            Jurisdiction::EnglandAndWales => &self.england_and_wales,
            Jurisdiction::Scotland => &self.scotland,
        }
    }

    /// Whether a year's dates were confirmed; `None` when the year is not listed.
    pub fn confirmed(&self, jurisdiction: Jurisdiction, year: i32) -> Option<bool> {
        self.years
            .iter()
            .find(|y| y.jurisdiction == jurisdiction && y.year == year)
            .map(|y| y.confirmed)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    year: Vec<RawYear>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    jurisdiction: Spanned<String>,
    year: Spanned<i32>,
    confirmed: bool,
    source: Source,
    days: Spanned<Vec<RawDay>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDay {
    date: Spanned<Date>,
    name: String,
}

/// Reads and validates the bank holidays, reporting every problem.
pub fn load(files: &FileSet, diags: &mut Diagnostics) -> Option<BankHolidays> {
    let file = files.require(FILE, diags)?;
    let raw = parse::<RawFile>(file, diags)?;
    let mut years: Vec<YearInfo> = Vec::new();
    let mut days: BTreeMap<Jurisdiction, Vec<Holiday>> = BTreeMap::new();
    let mut seen: BTreeSet<(Jurisdiction, i32)> = BTreeSet::new();
    for y in raw.year {
        let Some(jurisdiction) = jurisdiction(file, &y.jurisdiction, diags) else {
            continue;
        };
        let year = *y.year.get_ref();
        if !seen.insert((jurisdiction, year)) {
            diags.error(
                file,
                Some(y.year.span()),
                format!("{year} is listed twice for {}", jurisdiction.id()),
            );
        }
        check_days(file, year, &y.days, diags);
        days.entry(jurisdiction)
            .or_default()
            .extend(y.days.get_ref().iter().map(|d| Holiday {
                date: d.date.get_ref().0,
                name: d.name.clone(),
            }));
        years.push(YearInfo {
            jurisdiction,
            year,
            confirmed: y.confirmed,
            source: y.source,
        });
    }
    let england_and_wales = calendar(
        file,
        Jurisdiction::EnglandAndWales,
        &years,
        &mut days,
        diags,
    );
    let scotland = calendar(file, Jurisdiction::Scotland, &years, &mut days, diags);
    // Problems found above are in `diags`; the caller refuses content while any remain.
    Some(BankHolidays {
        england_and_wales: england_and_wales?,
        scotland: scotland?,
        years,
    })
}

fn jurisdiction(
    file: &SourceFile,
    id: &Spanned<String>,
    diags: &mut Diagnostics,
) -> Option<Jurisdiction> {
    let found = Jurisdiction::from_id(id.get_ref());
    if found.is_none() {
        diags.error(
            file,
            Some(id.span()),
            format!(
                "jurisdiction must be \"england-and-wales\" or \"scotland\", not \"{}\"",
                id.get_ref()
            ),
        );
    }
    found
}

/// Each day in its year, on a weekday, after the one before.
fn check_days(file: &SourceFile, year: i32, days: &Spanned<Vec<RawDay>>, diags: &mut Diagnostics) {
    if days.get_ref().is_empty() {
        diags.error(
            file,
            Some(days.span()),
            format!("{year} lists no bank holidays"),
        );
    }
    let mut previous: Option<NaiveDate> = None;
    for day in days.get_ref() {
        let date = day.date.get_ref().0;
        let span = Some(day.date.span());
        if date.year() != year {
            diags.error(
                file,
                span.clone(),
                format!("{date} is not in {year}: move it to its own year"),
            );
        }
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            diags.error(file, span.clone(), format!("{date} is a weekend day, which is never a working day: list the substitute weekday instead"));
        }
        if previous.is_some_and(|p| date <= p) {
            diags.error(
                file,
                span,
                format!("{date} is out of order: list each year's days in date order, each once"),
            );
        }
        previous = Some(date);
    }
}

/// One jurisdiction's calendar, if its years run without a gap.
fn calendar(
    file: &SourceFile,
    jurisdiction: Jurisdiction,
    years: &[YearInfo],
    days: &mut BTreeMap<Jurisdiction, Vec<Holiday>>,
    diags: &mut Diagnostics,
) -> Option<HolidayCalendar> {
    let listed: Vec<i32> = years
        .iter()
        .filter(|y| y.jurisdiction == jurisdiction)
        .map(|y| y.year)
        .collect();
    let (Some(&first), Some(&last)) = (listed.iter().min(), listed.iter().max()) else {
        diags.error(
            file,
            None,
            format!(
                "no [[year]] for {}: add that jurisdiction's bank holidays",
                jurisdiction.id()
            ),
        );
        return None;
    };
    let mut complete = true;
    for missing in (first..=last).filter(|y| !listed.contains(y)) {
        complete = false;
        diags.error(file, None, format!("missing year: no [[year]] for {missing} ({}) between {first} and {last}; add it from gov.uk/bank-holidays", jurisdiction.id()));
    }
    let holidays = days.remove(&jurisdiction).unwrap_or_default();
    complete.then(|| {
        HolidayCalendar::new(
            jurisdiction,
            format!("content/{FILE}"),
            first,
            last,
            holidays,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(usize, String)> {
        let files = FileSet::embedded(&[(FILE, text)]);
        let mut diags = Diagnostics::default();
        let loaded = load(&files, &mut diags);
        let found: Vec<(usize, String)> = diags
            .into_vec()
            .into_iter()
            .map(|d| (d.line, d.message))
            .collect();
        assert!(loaded.is_some() || !found.is_empty());
        found
    }

    const GOOD: &str = include_str!("../../content/bank-holidays.toml");

    #[test]
    fn the_built_in_holidays_are_valid_and_cover_2024_to_2028_in_both_jurisdictions() {
        assert!(problems(GOOD).is_empty());
        let files = FileSet::embedded(&[(FILE, GOOD)]);
        let holidays = load(&files, &mut Diagnostics::default()).unwrap();
        for j in Jurisdiction::ALL {
            assert_eq!(holidays.calendar(j).years(), (2024, 2028));
            assert_eq!(holidays.confirmed(j, 2026), Some(true));
            assert_eq!(holidays.confirmed(j, 2028), Some(false));
        }
    }

    #[test]
    fn every_mistake_in_the_holiday_file_is_reported_with_its_line() {
        let text = GOOD
            // A Scottish year removed from the middle of the run.
            .replacen(
                "jurisdiction = \"scotland\"\nyear = 2026",
                "jurisdiction = \"scotland\"\nyear = 2025",
                1,
            )
            // A date outside its year, and a weekend day.
            .replace(
                "{ date = 2024-05-06, name = \"Early May bank holiday\" }",
                "{ date = 2023-05-06, name = \"Early May bank holiday\" }",
            )
            .replace(
                "{ date = 2025-04-21, name = \"Easter Monday\" }",
                "{ date = 2025-04-20, name = \"Easter Sunday\" }",
            )
            // Out of order.
            .replace(
                "{ date = 2026-05-25, name = \"Spring bank holiday\" }",
                "{ date = 2026-01-01, name = \"Spring bank holiday\" }",
            )
            .replace(
                "jurisdiction = \"england-and-wales\"\nyear = 2028",
                "jurisdiction = \"wales\"\nyear = 2028",
            );
        let found = problems(&text);
        let messages: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
        let has = |s: &str| messages.iter().any(|m| m.contains(s));
        assert!(has("2025 is listed twice for scotland"), "{found:?}");
        assert!(
            has("missing year: no [[year]] for 2026 (scotland)"),
            "{found:?}"
        );
        assert!(has("2023-05-06 is not in 2024"), "{found:?}");
        assert!(has("2025-04-20 is a weekend day"), "{found:?}");
        assert!(has("2026-01-01 is out of order"), "{found:?}");
        assert!(has("jurisdiction must be"), "{found:?}");
        // Located problems point at their line, not the top of the file.
        assert!(
            found
                .iter()
                .filter(|(_, m)| m.contains("not in 2024"))
                .all(|(l, _)| *l > 20)
        );
    }
}
