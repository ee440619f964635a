//! The time limits for challenging a decision and what to do at each step, from
//! `content/deadlines.toml`: the limits become the plain `rules::deadlines::Limits` the timeline
//! counts with; the texts (what to send, where, if missed, what to prepare), the evidence list
//! and the notes stay here for screens and exports. Validation reports every problem with its
//! place: unknown or duplicate ids, a limit or step missing, a limit with both or neither of
//! months and days, references that do not resolve, symbols that are not plain ASCII.
//! Depends on `rules::deadlines`, `rules::calendar`, `content::holidays` and the framework.

mod raw;
mod validate;

pub use validate::CANNOT_COUNT;

use chrono::NaiveDate;

use super::diag::Diagnostics;
use super::files::FileSet;
use super::holidays::BankHolidays;
use super::source::Source;
use crate::rules::calendar::Jurisdiction;
use crate::rules::deadlines::{self, DecisionFacts, Limits, Rulebook, StepId, Timeline, Urgency};

/// The file this module reads.
pub const FILE: &str = "deadlines.toml";

/// The files this module reads, relative to the content directory.
pub const FILES: &[&str] = &[FILE];

/// A limit's provenance, for the routes screen's "source" line.
#[derive(Clone, Debug)]
pub struct LimitInfo {
    /// The limit id: a step id or `reasons-extension`.
    pub id: String,
    /// Where the law says so.
    pub source: Source,
    /// Date it applies from.
    pub applies_from: NaiveDate,
}

/// A rule or authority cited by the counting (the month rule, the working-day rules).
#[derive(Clone, Debug)]
pub struct Authority {
    /// Its id (`first-tier`, `upper-tribunal`, or `month-rule`).
    pub id: String,
    /// The short citation used in explanations.
    pub cite: String,
    /// Where the law says so.
    pub source: Source,
    /// Date it applies from.
    pub applies_from: NaiveDate,
}

/// How an urgency is shown: a word and a plain-ASCII symbol, never colour alone.
#[derive(Clone, Debug)]
pub struct UrgencyStyle {
    /// `passed`, `due-soon` or `ok`.
    pub id: String,
    /// The word ("PASSED").
    pub word: String,
    /// The symbol ("!!").
    pub symbol: String,
}

/// What an adviser reads about one step.
#[derive(Clone, Debug)]
pub struct StepText {
    /// Which step.
    pub id: StepId,
    /// Its heading.
    pub title: String,
    /// What to send.
    pub send: String,
    /// Where to send it.
    pub where_to: String,
    /// What happens if the deadline is missed (late applications and their limits).
    pub if_missed: String,
    /// What to prepare.
    pub prepare: Vec<String>,
    /// Where the law says so.
    pub source: Source,
    /// Date it applies from.
    pub applies_from: NaiveDate,
}

/// One item of the evidence list.
#[derive(Clone, Debug)]
pub struct Evidence {
    /// Stable id.
    pub id: String,
    /// What to get.
    pub item: String,
    /// Why it matters.
    pub why: String,
    /// The steps it is for.
    pub steps: Vec<StepId>,
    /// Where this comes from.
    pub source: Source,
    /// Date it applies from.
    pub applies_from: NaiveDate,
}

/// A note shown on steps (payment while challenging, rights to the report and recording).
#[derive(Clone, Debug)]
pub struct RouteNote {
    /// Stable id.
    pub id: String,
    /// Its heading.
    pub title: String,
    /// The explanation.
    pub says: String,
    /// The steps it is shown on.
    pub steps: Vec<StepId>,
    /// Where the law says so.
    pub source: Source,
    /// Date it applies from.
    pub applies_from: NaiveDate,
}

/// Everything `deadlines.toml` holds, validated.
#[derive(Clone, Debug)]
pub struct DeadlinesContent {
    /// The limits as the rules take them.
    pub limits: Limits,
    /// Each limit's provenance.
    pub limit_info: Vec<LimitInfo>,
    /// The month rule and working-day rules.
    pub authorities: Vec<Authority>,
    /// The warning window's provenance.
    pub warning_source: Source,
    /// Date the warning window applies from.
    pub warning_applies_from: NaiveDate,
    /// Word and symbol per urgency.
    pub urgency: Vec<UrgencyStyle>,
    /// Texts per step, in timeline order.
    pub steps: Vec<StepText>,
    /// The evidence list.
    pub evidence: Vec<Evidence>,
    /// Notes on payment and rights.
    pub notes: Vec<RouteNote>,
}

impl DeadlinesContent {
    /// The timeline for a session: the engine's one call. `jurisdiction` is `None` until the
    /// adviser chooses it; tribunal deadlines then wait for it.
    pub fn timeline(
        &self,
        holidays: &BankHolidays,
        facts: &DecisionFacts,
        jurisdiction: Option<Jurisdiction>,
        today: NaiveDate,
    ) -> Timeline {
        let book = Rulebook {
            limits: &self.limits,
            calendar: jurisdiction.map(|j| holidays.calendar(j)),
        };
        deadlines::timeline(facts, book, today)
    }

    /// A step's texts (validation guarantees every step has them).
    pub fn step(&self, id: StepId) -> &StepText {
        self.steps
            .iter()
            .find(|s| s.id == id)
            .expect("validated: every step has texts")
    }

    /// A step's limit provenance.
    pub fn limit_source(&self, id: StepId) -> &LimitInfo {
        self.limit_info
            .iter()
            .find(|l| l.id == id.id())
            .expect("validated: every step has a limit")
    }

    /// The word and symbol for an urgency.
    pub fn style(&self, urgency: Urgency) -> &UrgencyStyle {
        self.style_by_id(urgency.id())
    }

    /// The word and symbol by id (`passed`, `due-soon`, `ok`, `cannot-count`).
    pub fn style_by_id(&self, id: &str) -> &UrgencyStyle {
        self.urgency
            .iter()
            .find(|u| u.id == id)
            .expect("validated: every urgency has a style")
    }

    /// The evidence items for a step.
    pub fn evidence_for(&self, id: StepId) -> impl Iterator<Item = &Evidence> {
        self.evidence.iter().filter(move |e| e.steps.contains(&id))
    }

    /// The notes shown on a step.
    pub fn notes_for(&self, id: StepId) -> impl Iterator<Item = &RouteNote> {
        self.notes.iter().filter(move |n| n.steps.contains(&id))
    }
}

/// Reads and validates `deadlines.toml`, reporting every problem.
pub fn load(files: &FileSet, diags: &mut Diagnostics) -> Option<DeadlinesContent> {
    let file = files.require(FILE, diags)?;
    let raw = super::parse::parse::<raw::File>(file, diags)?;
    validate::build(file, raw, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = include_str!("../../content/deadlines.toml");

    fn load_text(text: &str) -> (Option<DeadlinesContent>, Vec<(usize, String)>) {
        let files = FileSet::embedded(&[(FILE, text)]);
        let mut diags = Diagnostics::default();
        let loaded = load(&files, &mut diags);
        let found = diags
            .into_vec()
            .into_iter()
            .map(|d| (d.line, d.message))
            .collect();
        (loaded, found)
    }

    #[test]
    fn the_built_in_deadlines_are_valid_and_complete() {
        let (loaded, found) = load_text(GOOD);
        assert!(found.is_empty(), "{found:?}");
        let content = loaded.unwrap();
        assert_eq!(content.limits.warning_days, 7);
        for id in StepId::ALL {
            assert!(!content.step(id).send.is_empty());
            assert_eq!(content.limit_source(id).id, id.id());
        }
        assert!(content.evidence_for(StepId::Appeal).count() >= 4);
        assert!(content.notes_for(StepId::MandatoryReconsideration).count() >= 1);
    }

    #[test]
    fn every_mistake_in_the_deadlines_file_is_reported() {
        let text = GOOD
            .replacen(
                "id = \"upper-tribunal\"\nmonths = 1",
                "id = \"upper-tribunal\"\nmonths = 1\ndays = 30",
                1,
            )
            .replacen(
                "moves_to_working_day = \"first-tier\"",
                "moves_to_working_day = \"court\"",
                1,
            )
            .replace(
                "steps = [\"appeal\"]\napplies_from = 1998-07-01",
                "steps = [\"apeal\"]\napplies_from = 1998-07-01",
            )
            .replace("symbol = \"!!\"", "symbol = \"\u{2716}\"")
            .replacen(
                "[[limit]]\nid = \"late-appeal\"",
                "[[limit]]\nid = \"late-apeal\"",
                1,
            );
        let (loaded, found) = load_text(&text);
        assert!(loaded.is_none());
        let has = |s: &str| found.iter().any(|(_, m)| m.contains(s));
        assert!(has("needs either months or days"), "{found:?}");
        assert!(has("names no [working_days.*] table"), "{found:?}");
        assert!(has("unknown step `apeal`"), "{found:?}");
        assert!(has("plain ASCII"), "{found:?}");
        assert!(has("missing [[limit]] id = \"late-appeal\""), "{found:?}");
        assert!(
            !has("missing [[limit]] id = \"upper-tribunal\""),
            "{found:?}"
        );
        assert!(
            !has("missing [[limit]] id = \"upper-tribunal\""),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(line, m)| m.contains("apeal") && *line > 1)
        );
    }
}
