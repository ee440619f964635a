//! Legal figures as typed content: the Lower Earnings Limit series, ESA rates, the State
//! Pension age timetable, and the figures of the age and contribution conditions, each with its
//! source and the period it applies to. Loaded from `content/figures/*.toml`; every file is
//! parsed into raw serde structs (`deny_unknown_fields`), then validated (years and periods in
//! order with no gaps, overlaps or duplicates; references to questions that resolve), and
//! turned into the plain data that `rules::{age, contributions, rates}` take. Depends on
//! `rules` and the content framework.

mod conditions;
mod lel;
mod pension_age;
mod rates;

use super::diag::Diagnostics;
use super::files::{FileSet, SourceFile};
use super::questions::Questions;
use super::source::Source;
use crate::rules::age::{AgeRules, SpaTimetable};
use crate::rules::contributions::{ContributionRules, LelSeries, RelaxationGround};
use crate::rules::provenance::Citation;
use crate::rules::rates::{RateRules, RateTable};

/// The files this module reads, relative to the content directory.
pub const FILES: &[&str] = &[
    "figures/lel.toml",
    "figures/rates.toml",
    "figures/state-pension-age.toml",
    "figures/contribution-conditions.toml",
];

/// Every figure the status, contributions and rates rules need, validated.
#[derive(Clone, Debug)]
pub struct Figures {
    /// Weekly Lower Earnings Limit by tax year.
    pub lel: LelSeries,
    /// Weekly ESA rates by period.
    pub rates: RateTable,
    /// Which rate applies: age threshold, phase length, abolition of the component.
    pub rate_rules: RateRules,
    /// State Pension age by date of birth.
    pub state_pension_age: SpaTimetable,
    /// Minimum age, the pension-age bar and the leap-day rule.
    pub age: AgeRules,
    /// The contribution conditions' figures and provisions.
    pub contributions: ContributionRules,
    /// The cases that relax the first condition, each keyed by its question id.
    pub relaxation_cases: Vec<RelaxationGround>,
}

impl Figures {
    /// The relaxation cases claimed by the questions answered "yes", for
    /// `rules::contributions::ContributionInputs::relaxation`.
    pub fn relaxation_grounds<'a>(
        &self,
        answered_yes: impl IntoIterator<Item = &'a str>,
    ) -> Vec<RelaxationGround> {
        let yes: Vec<&str> = answered_yes.into_iter().collect();
        self.relaxation_cases
            .iter()
            .filter(|c| yes.contains(&c.id.as_str()))
            .cloned()
            .collect()
    }
}

/// Reads and validates the four figure files, reporting every problem. `questions`, when
/// loaded, lets relaxation cases be checked against the contributions questions.
pub fn load(
    files: &FileSet,
    questions: Option<&Questions>,
    diags: &mut Diagnostics,
) -> Option<Figures> {
    let lel = files
        .require(FILES[0], diags)
        .and_then(|f| lel::load(f, diags));
    let rates = files
        .require(FILES[1], diags)
        .and_then(|f| rates::load(f, diags));
    let pension = files
        .require(FILES[2], diags)
        .and_then(|f| pension_age::load(f, diags));
    let conditions = files
        .require(FILES[3], diags)
        .and_then(|f| conditions::load(f, questions, diags));
    let (rates, rate_rules) = rates?;
    let (state_pension_age, leap_day, leap_day_citation) = pension?;
    let loaded = conditions?;
    Some(Figures {
        lel: lel?,
        rates,
        rate_rules,
        state_pension_age,
        age: AgeRules {
            minimum_age: loaded.minimum_age,
            minimum_age_citation: loaded.minimum_age_citation,
            leap_day,
            leap_day_citation,
            pension_age_citation: loaded.pension_age_citation,
        },
        contributions: loaded.rules,
        relaxation_cases: loaded.relaxation_cases,
    })
}

/// The rules' plain citation for a content source.
pub fn citation(source: &Source) -> Citation {
    Citation {
        instrument: source.instrument.clone(),
        provision: source.provision.clone(),
        url: source.url.clone(),
        note: source.note.clone(),
    }
}

/// The file name to give in "add it to ..." messages: the path as the user knows it, without
/// the "(built in)" marker of compiled-in content.
fn origin(file: &SourceFile) -> String {
    file.display.trim_end_matches(" (built in)").to_string()
}
