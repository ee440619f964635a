//! `figures/contribution-conditions.toml`: the minimum age, the pension-age bar, and the figures
//! and provisions of the contribution conditions, including the cases that relax the first
//! condition. Checks that numbers are more than zero, the Class 2 tax year is well written, and
//! each relaxation case is unique and names a yes-no question of the contributions stage.

use serde::Deserialize;
use toml::Spanned;

use super::citation;
use super::lel::tax_year;
use crate::content::date::Date;
use crate::content::diag::Diagnostics;
use crate::content::files::SourceFile;
use crate::content::parse::parse;
use crate::content::questions::{AnswerKind, Questions};
use crate::content::source::Source;
use crate::rules::contributions::{ContributionCitations, ContributionRules, RelaxationGround};
use crate::rules::provenance::Citation;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    minimum_age: MinimumAge,
    pensionable_age: Cited,
    benefit_year: Cited,
    relevant_tax_years: TaxYears,
    first_condition: Condition,
    second_condition: Condition,
    time_limit: TimeLimit,
    class2_treated_as_paid: RawClass2,
    later_benefit_year: Cited,
    relaxation: Cited,
    relaxation_case: Vec<RawCase>,
}

// `applies_from` is read so each table's shape is checked and a person sees when each rule
// began; the rules do not need it, since every period begins before any claim they assess.

/// A provision with no figure of its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cited {
    #[allow(dead_code)]
    applies_from: Date,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MinimumAge {
    years: Spanned<u32>,
    #[allow(dead_code)]
    applies_from: Date,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxYears {
    count: Spanned<u32>,
    #[allow(dead_code)]
    applies_from: Date,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Condition {
    multiplier: Spanned<i64>,
    #[allow(dead_code)]
    applies_from: Date,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeLimit {
    days: Spanned<u32>,
    #[allow(dead_code)]
    applies_from: Date,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClass2 {
    from_tax_year: Spanned<String>,
    #[allow(dead_code)]
    applies_from: Date,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    id: Spanned<String>,
    says: String,
    source: Source,
}

/// What this file contributes to `Figures`.
pub(super) struct Loaded {
    pub minimum_age: u32,
    pub minimum_age_citation: Citation,
    pub pension_age_citation: Citation,
    pub rules: ContributionRules,
    pub relaxation_cases: Vec<RelaxationGround>,
}

pub(super) fn load(
    file: &SourceFile,
    questions: Option<&Questions>,
    diags: &mut Diagnostics,
) -> Option<Loaded> {
    let raw = parse::<RawFile>(file, diags)?;
    let figures_ok = figures_ok(file, &raw, diags);
    let class2_from = tax_year(file, &raw.class2_treated_as_paid.from_tax_year, diags);
    let cases = relaxation_cases(file, &raw.relaxation_case, questions, diags);
    if !figures_ok {
        return None;
    }
    Some(Loaded {
        minimum_age: *raw.minimum_age.years.get_ref(),
        minimum_age_citation: citation(&raw.minimum_age.source),
        pension_age_citation: citation(&raw.pensionable_age.source),
        rules: ContributionRules {
            tax_years_counted: *raw.relevant_tax_years.count.get_ref(),
            first_multiplier: *raw.first_condition.multiplier.get_ref(),
            second_multiplier: *raw.second_condition.multiplier.get_ref(),
            time_limit_days: *raw.time_limit.days.get_ref(),
            class2_treated_as_paid_from: class2_from?,
            citations: citations(&raw),
        },
        relaxation_cases: cases?,
    })
}

/// Every number in the file is more than zero.
fn figures_ok(file: &SourceFile, raw: &RawFile, diags: &mut Diagnostics) -> bool {
    let mut ok = positive(file, "minimum_age.years", &raw.minimum_age.years, diags);
    ok &= positive(
        file,
        "relevant_tax_years.count",
        &raw.relevant_tax_years.count,
        diags,
    );
    ok &= positive(
        file,
        "first_condition.multiplier",
        &raw.first_condition.multiplier,
        diags,
    );
    ok &= positive(
        file,
        "second_condition.multiplier",
        &raw.second_condition.multiplier,
        diags,
    );
    ok &= positive(file, "time_limit.days", &raw.time_limit.days, diags);
    ok
}

fn citations(raw: &RawFile) -> ContributionCitations {
    ContributionCitations {
        benefit_year: citation(&raw.benefit_year.source),
        relevant_tax_years: citation(&raw.relevant_tax_years.source),
        first_condition: citation(&raw.first_condition.source),
        second_condition: citation(&raw.second_condition.source),
        relaxation: citation(&raw.relaxation.source),
        class2_treated_as_paid: citation(&raw.class2_treated_as_paid.source),
        time_limit: citation(&raw.time_limit.source),
        later_benefit_year: citation(&raw.later_benefit_year.source),
    }
}

fn positive<T: Copy + Default + PartialOrd>(
    file: &SourceFile,
    key: &str,
    value: &Spanned<T>,
    diags: &mut Diagnostics,
) -> bool {
    let ok = *value.get_ref() > T::default();
    if !ok {
        diags.error(
            file,
            Some(value.span()),
            format!("{key} must be more than zero"),
        );
    }
    ok
}

fn relaxation_cases(
    file: &SourceFile,
    raw: &[RawCase],
    questions: Option<&Questions>,
    diags: &mut Diagnostics,
) -> Option<Vec<RelaxationGround>> {
    let mut ok = true;
    let mut out: Vec<RelaxationGround> = Vec::new();
    for case in raw {
        let id = case.id.get_ref();
        let problem = if out.iter().any(|c| &c.id == id) {
            Some(format!("duplicate relaxation case `{id}`"))
        } else {
            questions.and_then(|q| match q.get(id) {
                None => Some(format!("`{id}` is not a question id: each relaxation case must name a yes-no question in questions/contributions.toml")),
                Some(q) if q.kind != AnswerKind::YesNo || q.stage != "contributions" => Some(format!("`{id}` must be a yes-no question of the contributions stage")),
                Some(_) => None,
            })
        };
        if let Some(p) = problem {
            diags.error(file, Some(case.id.span()), p);
            ok = false;
        }
        out.push(RelaxationGround {
            id: id.clone(),
            says: case.says.clone(),
            citation: citation(&case.source),
        });
    }
    ok.then_some(out)
}
