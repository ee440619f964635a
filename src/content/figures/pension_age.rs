//! `figures/state-pension-age.toml`: the State Pension age timetable by date of birth, the
//! statutory month-end cases, and the 29 February rule. Checks that each band has exactly one
//! form of rule, that bands run in date order with no gap or overlap (only the first may lack
//! born_from, only the last born_to), and that each special case belongs to a band and names a
//! day in the month its anniversary falls in.

use chrono::{Datelike, Months, NaiveDate};
use serde::Deserialize;
use toml::Spanned;

use super::{citation, origin};
use crate::content::date::Date;
use crate::content::diag::Diagnostics;
use crate::content::files::SourceFile;
use crate::content::parse::parse;
use crate::content::source::Source;
use crate::rules::age::{LeapDayRule, PensionAgeRule, SpaBand, SpaSpecialCase, SpaTimetable};
use crate::rules::dates::day;
use crate::rules::provenance::Citation;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    leap_day: RawLeapDay,
    band: Vec<Spanned<RawBand>>,
    #[serde(default)]
    special_case: Vec<Spanned<RawSpecial>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLeapDay {
    anniversary_in_common_year: Spanned<String>,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    born_from: Option<Date>,
    born_to: Option<Date>,
    years: Option<u32>,
    months: Option<Spanned<u32>>,
    #[serde(default)]
    at_least: bool,
    reached_by: Option<Date>,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpecial {
    born: Date,
    attains: Date,
    source: Source,
}

pub(super) fn load(
    file: &SourceFile,
    diags: &mut Diagnostics,
) -> Option<(SpaTimetable, LeapDayRule, Citation)> {
    let raw = parse::<RawFile>(file, diags)?;
    let leap = leap_day(file, &raw.leap_day, diags);
    // Special cases are checked against the bands that are valid even when others are not,
    // so one edit shows every mistake in the file.
    let (bands, bands_ok) = bands(file, &raw.band, diags);
    let special_cases = special_cases(file, &raw.special_case, &bands, diags);
    if !bands_ok {
        return None;
    }
    let timetable = SpaTimetable {
        bands,
        special_cases: special_cases?,
        origin: origin(file),
    };
    Some((timetable, leap?, citation(&raw.leap_day.source)))
}

/// Every band checked on its own and against the one before: the valid bands, and whether
/// all were valid.
fn bands(
    file: &SourceFile,
    raw: &[Spanned<RawBand>],
    diags: &mut Diagnostics,
) -> (Vec<SpaBand>, bool) {
    let mut ok = true;
    let mut out = Vec::new();
    for (i, b) in raw.iter().enumerate() {
        if i > 0 {
            ok &= follows(file, b, &raw[i - 1], diags);
        }
        match band(file, b, i == 0, i + 1 == raw.len(), diags) {
            Some(band) => out.push(band),
            None => ok = false,
        }
    }
    if out.is_empty() {
        diags.error(
            file,
            None,
            "no [[band]] entries: the timetable needs at least one",
        );
        ok = false;
    }
    (out, ok)
}

/// Every special case checked against the bands.
fn special_cases(
    file: &SourceFile,
    raw: &[Spanned<RawSpecial>],
    bands: &[SpaBand],
    diags: &mut Diagnostics,
) -> Option<Vec<SpaSpecialCase>> {
    let mut ok = true;
    let mut out = Vec::new();
    for s in raw {
        ok &= special_ok(file, s, bands, &out, diags);
        out.push(SpaSpecialCase {
            born: s.get_ref().born.0,
            attains_on: s.get_ref().attains.0,
            citation: citation(&s.get_ref().source),
        });
    }
    ok.then_some(out)
}

fn leap_day(file: &SourceFile, raw: &RawLeapDay, diags: &mut Diagnostics) -> Option<LeapDayRule> {
    match raw.anniversary_in_common_year.get_ref().as_str() {
        "march-1" => Some(LeapDayRule::MarchFirst),
        "february-28" => Some(LeapDayRule::FebruaryTwentyEighth),
        other => {
            diags.error(
                file,
                Some(raw.anniversary_in_common_year.span()),
                format!("anniversary_in_common_year must be \"march-1\" or \"february-28\", not \"{other}\""),
            );
            None
        }
    }
}

fn band(
    file: &SourceFile,
    raw: &Spanned<RawBand>,
    first: bool,
    last: bool,
    diags: &mut Diagnostics,
) -> Option<SpaBand> {
    let b = raw.get_ref();
    let mut problems = bound_problems(b, first, last);
    let rule = band_rule(b);
    if let Err(p) = &rule {
        problems.push(p.clone());
    }
    for p in &problems {
        diags.error(file, Some(raw.span()), format!("this band: {p}"));
    }
    let rule = rule.ok().filter(|_| problems.is_empty())?;
    Some(SpaBand {
        born_from: b.born_from.map(|d| d.0),
        born_to: b.born_to.map(|d| d.0),
        rule,
        citation: citation(&b.source),
    })
}

/// Mistakes in a band's birth dates and months.
fn bound_problems(b: &RawBand, first: bool, last: bool) -> Vec<String> {
    let mut problems = Vec::new();
    if b.born_from.is_none() && !first {
        problems.push("only the first band may leave out born_from".to_string());
    }
    if b.born_to.is_none() && !last {
        problems.push("only the last band may leave out born_to".to_string());
    }
    if let (Some(f), Some(t)) = (b.born_from, b.born_to)
        && f.0 > t.0
    {
        problems.push(format!(
            "born_from ({}) is after born_to ({})",
            day(f.0),
            day(t.0)
        ));
    }
    if b.months.as_ref().is_some_and(|m| *m.get_ref() > 11) {
        problems.push("months must be 0 to 11: put whole years in years".to_string());
    }
    problems
}

/// The band's rule: an age (exact or a lower bound) or a date by which it was reached.
fn band_rule(b: &RawBand) -> Result<PensionAgeRule, String> {
    let months = b.months.as_ref().map_or(0, |m| *m.get_ref());
    match (b.years, b.reached_by, b.at_least) {
        (Some(years), None, true) => Ok(PensionAgeRule::AtLeast { years, months }),
        (Some(years), None, false) => Ok(PensionAgeRule::Exact { years, months }),
        (None, Some(by), false) if b.months.is_none() => Ok(PensionAgeRule::ReachedBy(by.0)),
        _ => Err("give either years (with months, and at_least = true if the age is only a lower bound) or reached_by, not both or neither".to_string()),
    }
}

/// Checks that a band starts the day after the previous one ends (whether or not either
/// band is otherwise valid, so one bad band does not cause a second message about a gap).
fn follows(
    file: &SourceFile,
    raw: &Spanned<RawBand>,
    before: &Spanned<RawBand>,
    diags: &mut Diagnostics,
) -> bool {
    let (Some(end), Some(start)) = (before.get_ref().born_to, raw.get_ref().born_from) else {
        return true; // a missing bound is reported by `band`
    };
    let (end, start) = (end.0, start.0);
    let expected = end.succ_opt().expect("a next day exists");
    if start == expected {
        return true;
    }
    let message = if start < expected {
        format!(
            "this band overlaps the one before, which ends on {}: start it on {}",
            day(end),
            day(expected)
        )
    } else {
        format!(
            "gap: the band before ends on {} but this one starts on {}; start it on {}",
            day(end),
            day(start),
            day(expected)
        )
    };
    diags.error(file, Some(raw.span()), message);
    false
}

fn special_ok(
    file: &SourceFile,
    raw: &Spanned<RawSpecial>,
    bands: &[SpaBand],
    sofar: &[SpaSpecialCase],
    diags: &mut Diagnostics,
) -> bool {
    let s = raw.get_ref();
    let born = s.born.0;
    let problem = if sofar.iter().any(|x| x.born == born) {
        Some(format!(
            "{} appears twice: keep one special case per birth date",
            day(born)
        ))
    } else {
        match bands
            .iter()
            .find(|b| b.born_from.is_none_or(|f| f <= born) && b.born_to.is_none_or(|t| born <= t))
        {
            None => Some(format!("no band covers a birth date of {}", day(born))),
            Some(band) => month_problem(born, s.attains.0, band.rule),
        }
    };
    if let Some(p) = &problem {
        diags.error(file, Some(raw.span()), format!("this special case: {p}"));
    }
    problem.is_none()
}

/// A special case must name a day in the month the band's anniversary falls in.
fn month_problem(born: NaiveDate, attains: NaiveDate, rule: PensionAgeRule) -> Option<String> {
    let PensionAgeRule::Exact { years, months } = rule else {
        return Some("its band does not give an exact age".to_string());
    };
    let month = born.checked_add_months(Months::new(years * 12 + months))?;
    if (month.year(), month.month()) == (attains.year(), attains.month()) {
        None
    } else {
        Some(format!(
            "attains ({}) is not in {}, the month in which the band's age is reached",
            day(attains),
            month.format("%B %Y")
        ))
    }
}
