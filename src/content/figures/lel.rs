//! `figures/lel.toml`: the weekly Lower Earnings Limit, one entry per tax year. Checks that each
//! tax year is written like "2024-25", appears once, in order, with no year missing between the
//! first and the last, and that each limit is more than zero.

use serde::Deserialize;
use toml::Spanned;

use super::{citation, origin};
use crate::content::diag::Diagnostics;
use crate::content::files::SourceFile;
use crate::content::money::Pounds;
use crate::content::parse::parse;
use crate::content::source::Source;
use crate::rules::contributions::{LelEntry, LelSeries, TaxYear};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    lel: Vec<RawLel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLel {
    tax_year: Spanned<String>,
    weekly: Spanned<Pounds>,
    source: Source,
}

/// Reads a tax year written like "2024-25", or records why it cannot.
pub(super) fn tax_year(
    file: &SourceFile,
    text: &Spanned<String>,
    diags: &mut Diagnostics,
) -> Option<TaxYear> {
    let parsed = TaxYear::parse(text.get_ref());
    if parsed.is_none() {
        diags.error(
            file,
            Some(text.span()),
            format!(
                "`{}` is not a tax year: write it like \"2024-25\" (the year it starts, a hyphen, the last two digits of the next)",
                text.get_ref()
            ),
        );
    }
    parsed
}

pub(super) fn load(file: &SourceFile, diags: &mut Diagnostics) -> Option<LelSeries> {
    let raw = parse::<RawFile>(file, diags)?;
    let mut entries: Vec<LelEntry> = Vec::new();
    let mut ok = true;
    for r in raw.lel {
        if r.weekly.get_ref().0.pence() <= 0 {
            diags.error(
                file,
                Some(r.weekly.span()),
                "the weekly limit must be more than zero",
            );
            ok = false;
        }
        let Some(year) = tax_year(file, &r.tax_year, diags) else {
            ok = false;
            continue;
        };
        if let Some(last) = entries.last() {
            ok &= in_sequence(file, &r.tax_year, last.tax_year, year, diags);
        }
        entries.push(LelEntry {
            tax_year: year,
            weekly: r.weekly.get_ref().0,
            citation: citation(&r.source),
        });
    }
    if entries.is_empty() {
        diags.error(file, None, "no [[lel]] entries: add one per tax year");
        ok = false;
    }
    ok.then(|| LelSeries {
        entries,
        origin: origin(file),
    })
}

/// Checks that `year` follows `last` directly, reporting a duplicate, a step back or a gap.
pub(super) fn in_sequence(
    file: &SourceFile,
    at: &Spanned<String>,
    last: TaxYear,
    year: TaxYear,
    diags: &mut Diagnostics,
) -> bool {
    let message = if year == last {
        format!("{year} appears twice: keep one entry per tax year")
    } else if year < last {
        format!("{year} comes after {last}: put the tax years in order, oldest first")
    } else if year != last.next() {
        let missing: Vec<String> = (last.0 + 1..year.0)
            .map(|y| TaxYear(y).to_string())
            .collect();
        format!(
            "{} missing between {last} and {year}: add {}",
            if missing.len() == 1 {
                "a tax year is"
            } else {
                "tax years are"
            },
            missing.join(", ")
        )
    } else {
        return true;
    };
    diags.error(file, Some(at.span()), message);
    false
}
