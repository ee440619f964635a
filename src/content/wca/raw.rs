//! Serde structs that mirror `content/wca/*.toml` key for key (`deny_unknown_fields`), with
//! spans kept on the values that validation may need to point at.

use serde::Deserialize;
use toml::Spanned;

use crate::content::date::Date;
use crate::content::source::Source;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule2File {
    pub scheme: Schedule2Scheme,
    #[serde(default)]
    pub activity: Vec<Spanned<Activity2>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule2Scheme {
    pub threshold: Spanned<u32>,
    pub allowed_points: Spanned<Vec<u32>>,
    pub applies_from: Date,
    pub source: Source,
    pub old_style_source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity2 {
    pub id: Spanned<String>,
    pub part: Spanned<String>,
    pub title: String,
    pub heading: String,
    pub esa50: String,
    pub applies_from: Date,
    pub source: Source,
    pub guidance: String,
    #[serde(default)]
    pub ask: Vec<String>,
    #[serde(default)]
    pub descriptor: Vec<Spanned<Descriptor2>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Descriptor2 {
    pub id: Spanned<String>,
    pub text: String,
    pub points: Spanned<u32>,
    #[serde(default)]
    pub none: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule3File {
    pub scheme: Schedule3Scheme,
    #[serde(default)]
    pub activity: Vec<Spanned<Activity3>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule3Scheme {
    pub applies_from: Date,
    pub source: Source,
    pub old_style_source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity3 {
    pub id: Spanned<String>,
    pub part: Spanned<String>,
    pub title: String,
    pub heading: String,
    pub mirrors: Option<Spanned<String>>,
    #[serde(default)]
    pub gives_lcw: bool,
    pub esa50: String,
    pub applies_from: Date,
    pub source: Source,
    pub guidance: String,
    #[serde(default)]
    pub ask: Vec<String>,
    #[serde(default)]
    pub descriptor: Vec<Spanned<Descriptor3>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Descriptor3 {
    pub id: Spanned<String>,
    pub implies: Option<Spanned<String>>,
    pub text: String,
    pub part: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutesFile {
    #[serde(default)]
    pub route: Vec<Spanned<Route>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: Spanned<String>,
    pub title: String,
    pub question: String,
    pub lcw_counterpart: Option<Spanned<String>>,
    pub guidance: String,
    pub applies_from: Date,
    pub new_style: Spanned<RouteSources>,
    pub old_style: Spanned<RouteSources>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteSources {
    pub lcw: Option<Source>,
    pub lcwra: Option<Source>,
}
