//! The timeline as sentences, for the plain-text mode, the header warning on every screen and
//! exports: each line carries the urgency's word and symbol from content, never colour alone.
//! Formatting only; depends on `rules::deadlines` and this module's content types.

use super::DeadlinesContent;
use super::validate::CANNOT_COUNT;
use crate::rules::dates::long_date;
use crate::rules::deadlines::{Step, StepState, Timeline};

impl DeadlinesContent {
    /// One line for a step: "! DUE SOON Appeal to the First-tier Tribunal: last day Monday
    /// 3 August 2026 (5 days left)", or why it has no date.
    pub fn line(&self, step: &Step) -> String {
        let title = &self.step(step.id).title;
        match (&step.state, &step.deadline) {
            (StepState::Current { urgency }, Some(deadline)) => {
                let style = self.style(*urgency);
                let later = deadline.may_move_later.map_or(String::new(), |input| {
                    format!("; may move later once {} is entered", input.label())
                });
                format!(
                    "{} {} {title}: last day {} ({urgency}{later})",
                    style.symbol,
                    style.word,
                    long_date(deadline.date)
                )
            }
            (StepState::Done { shown_by }, _) => {
                format!("{title}: done ({} is entered)", shown_by.label())
            }
            (StepState::Unavailable { missing }, _) => {
                let style = self.style_by_id(CANNOT_COUNT);
                format!("{} {} {title}: {missing}", style.symbol, style.word)
            }
            (StepState::NotYetKnown { waiting_for }, _) => {
                format!("{title}: not yet known; enter {}", waiting_for.label())
            }
            (StepState::Current { .. }, None) => format!("{title}: not yet known"),
        }
    }

    /// The lines that must be shown in every screen's header and in exports: deadlines
    /// passed, due within the warning window, or impossible to count. Empty when none.
    pub fn warnings(&self, timeline: &Timeline) -> Vec<String> {
        timeline
            .alerts()
            .into_iter()
            .map(|s| self.line(s))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::content::load_embedded;
    use crate::rules::calendar::Jurisdiction;
    use crate::rules::deadlines::{DecisionFacts, StepId};

    #[test]
    fn a_passed_deadline_is_said_with_its_word_and_symbol() {
        let content = load_embedded();
        let facts = DecisionFacts {
            decision_date: NaiveDate::from_ymd_opt(2026, 5, 11),
            ..DecisionFacts::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 6, 14).unwrap();
        let t = content.deadlines.timeline(
            &content.holidays,
            &facts,
            Some(Jurisdiction::EnglandAndWales),
            today,
        );
        let warnings = content.deadlines.warnings(&t);
        assert_eq!(
            warnings,
            vec![
                "!! PASSED Mandatory reconsideration: last day Thursday 11 June 2026 \
                 (passed 3 days ago)"
                    .to_string()
            ]
        );
        let appeal = content.deadlines.line(t.step(StepId::Appeal));
        assert!(
            appeal.contains(
                "not yet known; enter the date the mandatory reconsideration notice was sent"
            ),
            "{appeal}"
        );
    }
}
