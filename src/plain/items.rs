//! The prompts of a question screen, in the order they are asked: on the contributions stage,
//! each tax year's NI record entry by entry, then the stage's questions; elsewhere just the
//! questions. Pure: a view model in, the list out.

use crate::content::questions::AnswerKind;
use crate::interview::ContributionField;
use crate::interview::view::{Field, Screen, YearRow};
use crate::interview::{Action, ViewModel};

/// One prompt of a question screen.
#[derive(Clone, Copy, Debug)]
pub enum Item<'a> {
    /// One field of one tax year's NI record.
    Entry {
        /// The tax year's row.
        row: &'a YearRow,
        /// Which field.
        field: ContributionField,
        /// What is entered now.
        value: Option<&'a str>,
    },
    /// A content question.
    Question(&'a Field),
}

impl Item<'_> {
    /// Whether y, n, yes and no answer it (rather than being commands).
    pub fn is_yes_no(&self) -> bool {
        matches!(self, Item::Question(f) if f.kind == AnswerKind::YesNo)
    }

    /// The current answer in words, if any.
    pub fn answer(&self) -> Option<String> {
        match self {
            Item::Entry { value, field, .. } => value.map(|v| entry_words(*field, v)),
            Item::Question(f) => f.answer.clone(),
        }
    }

    /// The action that answers it with what was typed (empty text clears it).
    pub fn action(&self, text: &str) -> Action {
        match self {
            Item::Entry { row, field, .. } => Action::Contribution {
                tax_year: row.tax_year.clone(),
                field: *field,
                text: text.to_string(),
            },
            Item::Question(f) => Action::Answer {
                question: f.id.clone(),
                text: text.to_string(),
            },
        }
    }

    /// True when both are the same prompt (the same question, or the same year and field).
    pub fn same(&self, other: &Item) -> bool {
        match (self, other) {
            (
                Item::Entry {
                    row: a, field: f, ..
                },
                Item::Entry {
                    row: b, field: g, ..
                },
            ) => a.tax_year == b.tax_year && f == g,
            (Item::Question(a), Item::Question(b)) => a.id == b.id,
            _ => false,
        }
    }
}

/// An NI record entry in words: weeks as typed, earnings with their unit.
pub fn entry_words(field: ContributionField, value: &str) -> String {
    if field == ContributionField::Class1Earnings {
        format!("{value} pounds")
    } else {
        value.to_string()
    }
}

/// The prompts of the screen in order; None when it is not a question screen.
pub fn items(vm: &ViewModel) -> Option<Vec<Item<'_>>> {
    let (years, fields): (&[YearRow], &[Field]) = match &vm.screen {
        Screen::Contributions { years, fields, .. } => (years, fields),
        Screen::Questions { fields, .. } | Screen::Routes { fields, .. } => (&[], fields),
        _ => return None,
    };
    let entries = years.iter().flat_map(|row| {
        row.fields.iter().map(move |(field, value)| Item::Entry {
            row,
            field: *field,
            value: value.as_deref(),
        })
    });
    Some(entries.chain(fields.iter().map(Item::Question)).collect())
}
