//! Serde structs that mirror `content/deadlines.toml` key for key (`deny_unknown_fields`), with
//! spans kept on the values validation may point at.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::content::date::Date;
use crate::content::source::Source;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub warning: Warning,
    #[serde(default)]
    pub urgency: Vec<Urgency>,
    pub month_rule: Cited,
    pub working_days: BTreeMap<String, Cited>,
    #[serde(default)]
    pub limit: Vec<Limit>,
    #[serde(default)]
    pub step: Vec<Step>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub note: Vec<Note>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub days: u32,
    pub source: Source,
    pub applies_from: Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Urgency {
    pub id: Spanned<String>,
    pub word: String,
    pub symbol: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cited {
    pub cite: String,
    pub source: Source,
    pub applies_from: Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    pub id: Spanned<String>,
    pub months: Option<Spanned<u32>>,
    pub days: Option<Spanned<u32>>,
    pub cite: String,
    pub moves_to_working_day: Option<Spanned<String>>,
    pub not_moved_note: Option<String>,
    pub source: Source,
    pub applies_from: Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: Spanned<String>,
    pub title: String,
    pub send: String,
    #[serde(rename = "where")]
    pub where_to: String,
    pub if_missed: String,
    #[serde(default)]
    pub prepare: Vec<String>,
    pub source: Source,
    pub applies_from: Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub id: Spanned<String>,
    pub item: String,
    pub why: String,
    pub steps: Vec<Spanned<String>>,
    pub source: Source,
    pub applies_from: Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: Spanned<String>,
    pub title: String,
    pub says: String,
    pub steps: Vec<Spanned<String>>,
    pub source: Source,
    pub applies_from: Date,
}
