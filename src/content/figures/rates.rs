//! `figures/rates.toml`: weekly ESA rates by uprating period, and the rules saying which rate
//! applies. Checks each period's dates (from not after to, starting inside its tax year), that
//! periods follow one another with no gap or overlap and no tax year twice, and that amounts
//! are more than zero.

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::lel::tax_year;
use super::{citation, origin};
use crate::content::date::Date;
use crate::content::diag::Diagnostics;
use crate::content::files::SourceFile;
use crate::content::money::Pounds;
use crate::content::parse::parse;
use crate::content::source::Source;
use crate::rules::contributions::TaxYear;
use crate::rules::dates::day;
use crate::rules::rates::{RatePeriod, RateRules, RateTable};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    rules: RawRules,
    period: Vec<RawPeriod>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    age_threshold: Spanned<u32>,
    assessment_phase_weeks: Spanned<u32>,
    component_abolished_for_claims_from: Date,
    assessment_source: Source,
    main_phase_source: Source,
    abolition_source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    tax_year: Spanned<String>,
    applies_from: Spanned<Date>,
    applies_to: Spanned<Date>,
    assessment_phase_below_age: Spanned<Pounds>,
    assessment_phase_at_or_above_age: Spanned<Pounds>,
    main_phase: Spanned<Pounds>,
    work_related_activity_component: Option<Spanned<Pounds>>,
    support_component: Spanned<Pounds>,
    source: Source,
}

pub(super) fn load(file: &SourceFile, diags: &mut Diagnostics) -> Option<(RateTable, RateRules)> {
    let raw = parse::<RawFile>(file, diags)?;
    let mut ok = rules_ok(file, &raw.rules, diags);
    let rules = RateRules {
        age_threshold: *raw.rules.age_threshold.get_ref(),
        assessment_phase_weeks: *raw.rules.assessment_phase_weeks.get_ref(),
        component_abolished_for_claims_from: raw.rules.component_abolished_for_claims_from.0,
        assessment_citation: citation(&raw.rules.assessment_source),
        main_phase_citation: citation(&raw.rules.main_phase_source),
        abolition_citation: citation(&raw.rules.abolition_source),
    };
    let mut periods: Vec<RatePeriod> = Vec::new();
    for p in &raw.period {
        let Some(period) = period(file, p, diags) else {
            ok = false;
            continue;
        };
        if let Some(last) = periods.last() {
            ok &= follows(file, p, last, &period, diags);
        }
        periods.push(period);
    }
    if periods.is_empty() {
        diags.error(
            file,
            None,
            "no [[period]] entries: add one per uprating year",
        );
        ok = false;
    }
    ok.then(|| {
        (
            RateTable {
                periods,
                origin: origin(file),
            },
            rules,
        )
    })
}

fn rules_ok(file: &SourceFile, rules: &RawRules, diags: &mut Diagnostics) -> bool {
    let mut ok = true;
    for (value, what) in [
        (&rules.age_threshold, "age_threshold"),
        (&rules.assessment_phase_weeks, "assessment_phase_weeks"),
    ] {
        if *value.get_ref() == 0 {
            diags.error(
                file,
                Some(value.span()),
                format!("{what} must be more than zero"),
            );
            ok = false;
        }
    }
    ok
}

fn period(file: &SourceFile, p: &RawPeriod, diags: &mut Diagnostics) -> Option<RatePeriod> {
    let year = tax_year(file, &p.tax_year, diags)?;
    let dates_ok = dates_ok(file, p, year, diags);
    let amounts_ok = amounts_ok(file, p, diags);
    (dates_ok && amounts_ok).then(|| RatePeriod {
        tax_year: year,
        applies_from: p.applies_from.get_ref().0,
        applies_to: p.applies_to.get_ref().0,
        assessment_under_threshold: p.assessment_phase_below_age.get_ref().0,
        assessment_threshold_or_over: p.assessment_phase_at_or_above_age.get_ref().0,
        main_phase: p.main_phase.get_ref().0,
        work_related_activity_component: p
            .work_related_activity_component
            .as_ref()
            .map(|a| a.get_ref().0),
        support_component: p.support_component.get_ref().0,
        citation: citation(&p.source),
    })
}

/// applies_from not after applies_to, and inside the period's tax year.
fn dates_ok(file: &SourceFile, p: &RawPeriod, year: TaxYear, diags: &mut Diagnostics) -> bool {
    let (from, to) = (p.applies_from.get_ref().0, p.applies_to.get_ref().0);
    let mut ok = true;
    if from > to {
        let message = format!(
            "applies_to ({}) is before applies_from ({})",
            day(to),
            day(from)
        );
        diags.error(file, Some(p.applies_to.span()), message);
        ok = false;
    }
    if from < year.first_day() || from > year.last_day() {
        let message = format!(
            "applies_from ({}) is not in tax year {year} ({} to {})",
            day(from),
            day(year.first_day()),
            day(year.last_day())
        );
        diags.error(file, Some(p.applies_from.span()), message);
        ok = false;
    }
    ok
}

/// Every amount given is more than zero.
fn amounts_ok(file: &SourceFile, p: &RawPeriod, diags: &mut Diagnostics) -> bool {
    let amounts = [
        Some(&p.assessment_phase_below_age),
        Some(&p.assessment_phase_at_or_above_age),
        Some(&p.main_phase),
        p.work_related_activity_component.as_ref(),
        Some(&p.support_component),
    ];
    let mut ok = true;
    for amount in amounts.into_iter().flatten() {
        if amount.get_ref().0.pence() <= 0 {
            diags.error(
                file,
                Some(amount.span()),
                "a weekly rate must be more than zero",
            );
            ok = false;
        }
    }
    ok
}

/// Checks that a period starts the day after the previous one ends, in a later tax year.
fn follows(
    file: &SourceFile,
    raw: &RawPeriod,
    last: &RatePeriod,
    this: &RatePeriod,
    diags: &mut Diagnostics,
) -> bool {
    if this.tax_year <= last.tax_year {
        diags.error(
            file,
            Some(raw.tax_year.span()),
            format!(
                "{} comes after {}: one period per tax year, oldest first",
                this.tax_year, last.tax_year
            ),
        );
        return false;
    }
    let expected: NaiveDate = last.applies_to.succ_opt().expect("a next day exists");
    if this.applies_from == expected {
        return true;
    }
    let message = if this.applies_from < expected {
        format!(
            "this period overlaps the one before, which runs to {}: start it on {}",
            day(last.applies_to),
            day(expected)
        )
    } else {
        format!(
            "gap: the period before ends on {} but this one starts on {}; start it on {} or extend the one before",
            day(last.applies_to),
            day(this.applies_from),
            day(expected)
        )
    };
    diags.error(file, Some(raw.applies_from.span()), message);
    false
}
