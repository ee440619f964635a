//! Every user intent, whichever front end it came from. Keys (TUI) and typed lines (plain mode)
//! both become these, and only `update` applies them.

use chrono::NaiveDateTime;

use super::step::Step;

/// One field of a tax year's NI record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContributionField {
    /// Weeks of Class 1 paid or treated as paid at or above the LEL.
    Class1Weeks,
    /// Earnings on which Class 1 was paid.
    Class1Earnings,
    /// Weeks of Class 2 paid or treated as paid.
    Class2Weeks,
    /// Weeks credited.
    CreditedWeeks,
}

impl ContributionField {
    /// All fields in the order they are asked.
    pub const ALL: [ContributionField; 4] = [
        ContributionField::Class1Weeks,
        ContributionField::Class1Earnings,
        ContributionField::Class2Weeks,
        ContributionField::CreditedWeeks,
    ];

    /// The field's name in the session file (`class1_weeks`, ...).
    pub fn id(self) -> &'static str {
        match self {
            ContributionField::Class1Weeks => "class1_weeks",
            ContributionField::Class1Earnings => "class1_earnings",
            ContributionField::Class2Weeks => "class2_weeks",
            ContributionField::CreditedWeeks => "credited_weeks",
        }
    }

    /// The id a front end types into, as if it were a question: `nic:2024-25:class1_weeks`.
    /// `update` routes an answer to such an id to the NI record.
    pub fn question_id(self, tax_year: &str) -> String {
        format!("nic:{tax_year}:{}", self.id())
    }

    /// Reads a `nic:<tax year>:<field>` id back.
    pub fn parse_question_id(id: &str) -> Option<(String, ContributionField)> {
        let mut parts = id.strip_prefix("nic:")?.splitn(2, ':');
        let (year, field) = (parts.next()?, parts.next()?);
        let field = Self::ALL.into_iter().find(|f| f.id() == field)?;
        Some((year.to_string(), field))
    }

    /// The words for the field, as asked.
    pub fn label(self) -> &'static str {
        match self {
            ContributionField::Class1Weeks => {
                "Class 1 weeks at or above the LEL (paid or treated as paid)"
            }
            ContributionField::Class1Earnings => "Earnings on which Class 1 was paid (optional)",
            ContributionField::Class2Weeks => "Class 2 weeks paid or treated as paid",
            ContributionField::CreditedWeeks => "Weeks credited",
        }
    }
}

/// What the user meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The next screen.
    Next,
    /// The screen before this one in interview order.
    Previous,
    /// Where the user was before the last jump (or the previous screen).
    Back,
    /// A particular screen.
    Go(Step),
    /// Choose or unchoose a descriptor (`lcw.*`, `lcwra.*`) or route id.
    Toggle(String),
    /// Type an answer to a question; empty text clears it.
    Answer {
        /// Question id.
        question: String,
        /// What was typed.
        text: String,
    },
    /// Pick an option of a one-of question, or flip one of a several-of question.
    ToggleOption {
        /// Question id.
        question: String,
        /// Option id.
        option: String,
    },
    /// Type one field of a tax year's NI record; empty text clears it.
    Contribution {
        /// `2024-25`.
        tax_year: String,
        /// Which field.
        field: ContributionField,
        /// What was typed.
        text: String,
    },
    /// Replace the note of a screen (`general` for the general note).
    Note {
        /// Screen id or `general`.
        key: String,
        /// The whole note.
        text: String,
        /// Now, from the front end's clock.
        at: NaiveDateTime,
    },
    /// Change the claimant reference.
    Reference(String),
}
