//! One claimant's interview: every answer, chosen descriptor, note and where the adviser is.
//! Its serde shape *is* the session file format (`format = 1`, documented in the README): the
//! `claimant`, `wca`, `contributions` and `decision` tables are a fixed contract that
//! hand-written files and `assess` rely on. Every field is optional so a hand-written file
//! needs only what its outcome needs.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::content::date::{Date, Stamp};
use crate::content::money::Pounds;

/// The session file format this program writes and the newest it reads.
pub const FORMAT: u32 = 1;

/// A whole interview.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// File format version; a newer one is refused, not misread.
    #[serde(default = "current_format")]
    pub format: u32,
    /// The adviser's reference for the claimant (free text, not necessarily a name).
    #[serde(default)]
    pub reference: String,
    /// The day of the interview.
    pub interview_date: Option<Date>,
    /// When the session was created and last changed.
    pub created: Option<Stamp>,
    /// Last change, for sorting the start screen.
    pub changed: Option<Stamp>,
    /// Dates about the claimant.
    #[serde(default)]
    pub claimant: Claimant,
    /// Answers to content questions, by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, AnswerValue>,
    /// The Work Capability Assessment choices.
    #[serde(default)]
    pub wca: WcaChoices,
    /// The NI record, one entry per tax year.
    #[serde(default)]
    pub contributions: Vec<ContributionYear>,
    /// The decision and what followed it.
    #[serde(default)]
    pub decision: Decision,
    /// Notes by screen id (`status`, `lcw.1`, ..., `general`).
    #[serde(default)]
    pub notes: BTreeMap<String, Note>,
    /// Where the adviser was, to resume there.
    #[serde(default)]
    pub position: Position,
}

fn current_format() -> u32 {
    FORMAT
}

/// Dates that decide age, State Pension age and the relevant benefit year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claimant {
    /// Date of birth.
    pub date_of_birth: Option<Date>,
    /// Date the claim was made.
    pub claim_date: Option<Date>,
    /// Start of the period of limited capability for work; defaults to the claim date.
    pub incapacity_start: Option<Date>,
}

impl Claimant {
    /// The start of the period of limited capability for work, defaulting to the claim date.
    pub fn incapacity_start_or_claim(&self) -> Option<NaiveDate> {
        self.incapacity_start.or(self.claim_date).map(|d| d.0)
    }
}

/// Chosen descriptors (Schedule 2 and 3 ids) and routes, in the order chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WcaChoices {
    /// Chosen `lcw.*` and `lcwra.*` descriptor ids.
    #[serde(default)]
    pub descriptors: Vec<String>,
    /// Chosen `treated.*` and `exceptional.*` route ids.
    #[serde(default)]
    pub exceptional: Vec<String>,
}

/// What the claimant's NI record shows for one tax year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContributionYear {
    /// `2024-25`.
    pub tax_year: String,
    /// Weeks of Class 1 paid or treated as paid on earnings at or above the LEL.
    pub class1_weeks: Option<u32>,
    /// Earnings on which Class 1 was paid.
    pub class1_earnings: Option<Pounds>,
    /// Weeks of Class 2 paid or treated as paid.
    pub class2_weeks: Option<u32>,
    /// Weeks credited.
    pub credited_weeks: Option<u32>,
}

/// The decision under challenge and the steps since.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Date the decision was sent.
    pub decision_date: Option<Date>,
    /// Date a written statement of reasons was asked for.
    pub reasons_requested: Option<Date>,
    /// Date the statement of reasons was provided.
    pub reasons_provided: Option<Date>,
    /// Date the mandatory reconsideration notice was sent.
    pub mr_notice_date: Option<Date>,
    /// `england-and-wales` or `scotland`: decides the bank holidays.
    pub jurisdiction: Option<String>,
    /// Date the First-tier Tribunal's decision notice was sent.
    pub tribunal_decision_date: Option<Date>,
    /// Date the tribunal sent its written reasons.
    pub tribunal_reasons_sent: Option<Date>,
    /// Date the First-tier Tribunal refused permission to appeal.
    pub permission_refused_date: Option<Date>,
}

/// An adviser's note on one screen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// The note, several lines.
    pub text: String,
    /// When it was last changed.
    pub changed: Option<Stamp>,
}

/// Where the adviser was.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// The screen's id.
    pub step: Option<String>,
    /// Screens jumped from, for "back"; not saved.
    #[serde(skip)]
    pub history: Vec<String>,
}

/// One answer to a content question, in the shape its kind takes in TOML.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerValue {
    /// yes-no.
    Bool(bool),
    /// number.
    Number(i64),
    /// money.
    Money(Pounds),
    /// date.
    Date(Date),
    /// one-of (an option id) or text.
    Text(String),
    /// several-of (option ids).
    List(Vec<String>),
}

impl Serialize for AnswerValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AnswerValue::Bool(b) => b.serialize(serializer),
            AnswerValue::Number(n) => n.serialize(serializer),
            AnswerValue::Money(m) => m.serialize(serializer),
            AnswerValue::Date(d) => d.serialize(serializer),
            AnswerValue::Text(t) => t.serialize(serializer),
            AnswerValue::List(l) => l.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for AnswerValue {
    /// Reads any TOML scalar or list of strings; the question's kind interprets it later.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        Ok(match toml::Value::deserialize(deserializer)? {
            toml::Value::Boolean(b) => AnswerValue::Bool(b),
            toml::Value::Integer(n) => AnswerValue::Number(n),
            v @ toml::Value::Float(_) => AnswerValue::Money(
                Pounds::deserialize(v).map_err(|e| D::Error::custom(e.to_string()))?,
            ),
            v @ toml::Value::Datetime(_) => AnswerValue::Date(
                Date::deserialize(v).map_err(|e| D::Error::custom(e.to_string()))?,
            ),
            toml::Value::String(s) => AnswerValue::Text(s),
            toml::Value::Array(items) => AnswerValue::List(
                items
                    .into_iter()
                    .map(|v| match v {
                        toml::Value::String(s) => Ok(s),
                        other => Err(D::Error::custom(format!(
                            "a list answer holds option ids (strings), not {}",
                            other.type_str()
                        ))),
                    })
                    .collect::<Result<_, _>>()?,
            ),
            toml::Value::Table(_) => {
                return Err(D::Error::custom("an answer cannot be a table"));
            }
        })
    }
}

impl Session {
    /// A new session for a claimant reference, on the interview date.
    pub fn new(reference: &str, interview_date: NaiveDate) -> Self {
        Session {
            format: FORMAT,
            reference: reference.trim().to_string(),
            interview_date: Some(Date(interview_date)),
            ..Session::default()
        }
    }

    /// True when a descriptor or route id has been chosen.
    pub fn is_chosen(&self, id: &str) -> bool {
        self.wca.descriptors.iter().any(|d| d == id) || self.wca.exceptional.iter().any(|d| d == id)
    }
}
