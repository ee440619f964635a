//! The Work Capability Assessment as typed content: Schedule 2 (LCW activities and points),
//! Schedule 3 (LCWRA descriptors) and the treated-as and exceptional routes, each with its
//! source. Loaded from `content/wca/*.toml`, validated in `validate`, and turned into the plain
//! `rules::wca::Scheme` that the scoring uses. Depends on `rules::wca` and the content framework.

mod raw;
mod validate;

use chrono::NaiveDate;

use super::diag::Diagnostics;
use super::files::FileSet;
use super::source::Source;
use crate::rules::wca::{Part, Scheme};

/// The files this module reads, relative to the content directory.
pub const FILES: &[&str] = &[
    "wca/schedule2.toml",
    "wca/schedule3.toml",
    "wca/routes.toml",
];

/// Route ids other work depends on (session files, worked cases, exports): all must exist.
pub const REQUIRED_ROUTES: &[&str] = &[
    "treated.terminal-illness",
    "treated.cancer-treatment",
    "treated.hospital-inpatient",
    "treated.regular-treatment",
    "treated.pregnancy-risk",
    "treated.pregnancy-risk-wra",
    "exceptional.lcw-substantial-risk",
    "exceptional.lcwra-substantial-risk",
    "exceptional.life-threatening-disease",
];

/// Schedules 2 and 3 and the routes, validated.
#[derive(Clone, Debug)]
pub struct WcaContent {
    /// Schedule 2: limited capability for work.
    pub schedule2: Schedule2,
    /// Schedule 3: limited capability for work-related activity.
    pub schedule3: Schedule3,
    /// Treated-as and exceptional routes.
    pub routes: Vec<Route>,
    /// The plain data the scoring rules take, built once at load.
    pub scheme: Scheme,
}

/// Schedule 2 with the scoring rule's own provenance.
#[derive(Clone, Debug)]
pub struct Schedule2 {
    /// Points needed for LCW.
    pub threshold: u32,
    /// The only points a descriptor may carry.
    pub allowed_points: Vec<u32>,
    /// Date the scheme's current form applies from.
    pub applies_from: NaiveDate,
    /// New-style ESA provision for the scoring rule.
    pub source: Source,
    /// Old-style ESA provision for the scoring rule.
    pub old_style_source: Source,
    /// The 17 activities in order.
    pub activities: Vec<Activity>,
}

/// One Schedule 2 activity with everything an adviser needs on its screen.
#[derive(Clone, Debug)]
pub struct Activity {
    /// Stable id, e.g. `lcw.1`.
    pub id: String,
    /// Its number in the schedule.
    pub number: u32,
    /// Physical or mental.
    pub part: Part,
    /// Short name, e.g. "Mobilising".
    pub title: String,
    /// Statutory text of the activity.
    pub heading: String,
    /// The ESA50 question it corresponds to.
    pub esa50: String,
    /// Date its current text applies from.
    pub applies_from: NaiveDate,
    /// Where it is in the law.
    pub source: Source,
    /// Our words for the adviser.
    pub guidance: String,
    /// Questions to ask the claimant.
    pub ask: Vec<String>,
    /// Descriptors in letter order, the "none" row last.
    pub descriptors: Vec<Descriptor>,
}

/// One Schedule 2 descriptor.
#[derive(Clone, Debug)]
pub struct Descriptor {
    /// Stable id, e.g. `lcw.1.c`.
    pub id: String,
    /// Its letter, e.g. "c".
    pub letter: String,
    /// Statutory text.
    pub text: String,
    /// Points.
    pub points: u32,
    /// The "none of the above applies" row.
    pub none: bool,
}

/// Schedule 3 with the rule's own provenance.
#[derive(Clone, Debug)]
pub struct Schedule3 {
    /// Date the scheme's current form applies from.
    pub applies_from: NaiveDate,
    /// New-style ESA provision for "any one descriptor".
    pub source: Source,
    /// Old-style ESA provision.
    pub old_style_source: Source,
    /// The 16 paragraphs in order.
    pub activities: Vec<LcwraActivity>,
}

/// Which kind of condition a Schedule 3 descriptor must arise from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LcwraPart {
    /// From a physical condition.
    Physical,
    /// From a mental condition.
    Mental,
    /// Varies by letter (paragraphs 15 and 16).
    Mixed,
}

/// One Schedule 3 paragraph.
#[derive(Clone, Debug)]
pub struct LcwraActivity {
    /// Stable id, e.g. `lcwra.9`.
    pub id: String,
    /// Its paragraph number.
    pub number: u32,
    /// Physical, mental or mixed.
    pub part: LcwraPart,
    /// Short name.
    pub title: String,
    /// Statutory text of the activity.
    pub heading: String,
    /// The Schedule 2 activity whose screen also offers it.
    pub mirrors: Option<String>,
    /// The law treats its descriptors as also giving LCW.
    pub gives_lcw: bool,
    /// The ESA50 question it corresponds to.
    pub esa50: String,
    /// Date its current text applies from.
    pub applies_from: NaiveDate,
    /// Where it is in the law.
    pub source: Source,
    /// Our words for the adviser.
    pub guidance: String,
    /// Questions to ask.
    pub ask: Vec<String>,
    /// One descriptor, or one per letter.
    pub descriptors: Vec<LcwraDescriptor>,
}

/// One Schedule 3 descriptor.
#[derive(Clone, Debug)]
pub struct LcwraDescriptor {
    /// Stable id, e.g. `lcwra.9` or `lcwra.15.c`.
    pub id: String,
    /// Its letter where the paragraph letters them.
    pub letter: Option<String>,
    /// Statutory text.
    pub text: String,
    /// Physical or mental, where it differs from the paragraph's.
    pub part: Option<Part>,
    /// The 15-point Schedule 2 descriptor it repeats (paragraphs 1 to 14), which therefore
    /// applies whenever it does.
    pub implies: Option<String>,
}

/// Whether a route is "treated as" (a regulation says so) or exceptional circumstances.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteKind {
    /// `treated.*`
    Treated,
    /// `exceptional.*`
    Exceptional,
}

/// A treated-as or exceptional route.
#[derive(Clone, Debug)]
pub struct Route {
    /// Stable id.
    pub id: String,
    /// Treated or exceptional.
    pub kind: RouteKind,
    /// Short name.
    pub title: String,
    /// What the adviser asks.
    pub question: String,
    /// For a route that gives LCWRA only: the route giving LCW on the matching facts, which the
    /// adviser is pointed to when LCW is not met.
    pub lcw_counterpart: Option<String>,
    /// Our words: what must be shown.
    pub guidance: String,
    /// Date it applies from.
    pub applies_from: NaiveDate,
    /// New-style ESA provisions.
    pub new_style: RouteSources,
    /// Old-style ESA provisions.
    pub old_style: RouteSources,
}

/// The provisions by which a route gives LCW and LCWRA; absent means it does not give it.
#[derive(Clone, Debug)]
pub struct RouteSources {
    /// Provision treating the claimant as having LCW.
    pub lcw: Option<Source>,
    /// Provision treating the claimant as having LCWRA.
    pub lcwra: Option<Source>,
}

impl WcaContent {
    /// A Schedule 2 activity by id.
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.schedule2.activities.iter().find(|a| a.id == id)
    }

    /// A Schedule 2 descriptor by id, with its activity.
    pub fn descriptor(&self, id: &str) -> Option<(&Activity, &Descriptor)> {
        self.schedule2
            .activities
            .iter()
            .find_map(|a| a.descriptors.iter().find(|d| d.id == id).map(|d| (a, d)))
    }

    /// A Schedule 3 descriptor by id, with its paragraph.
    pub fn lcwra_descriptor(&self, id: &str) -> Option<(&LcwraActivity, &LcwraDescriptor)> {
        self.schedule3
            .activities
            .iter()
            .find_map(|a| a.descriptors.iter().find(|d| d.id == id).map(|d| (a, d)))
    }

    /// The Schedule 3 paragraph offered on a Schedule 2 activity's screen.
    pub fn lcwra_mirroring(&self, lcw_activity: &str) -> Option<&LcwraActivity> {
        self.schedule3
            .activities
            .iter()
            .find(|a| a.mirrors.as_deref() == Some(lcw_activity))
    }

    /// A route by id.
    pub fn route(&self, id: &str) -> Option<&Route> {
        self.routes.iter().find(|r| r.id == id)
    }
}

/// Reads and validates the WCA files, reporting every problem.
pub fn load(files: &FileSet, diags: &mut Diagnostics) -> Option<WcaContent> {
    validate::load(files, diags)
}
