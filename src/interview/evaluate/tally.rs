//! The live points tally: physical, mental and total against the threshold, the support group
//! and why, and each scoring activity, with the names content gives them. Built from
//! `rules::wca`'s assessment; the sentences that state LCW, LCWRA and the group are in
//! `interview::findings`.

use crate::content::Content;
use crate::rules::wca::{Assessment, Caution, Group, LcwBasis, Part};
use std::fmt::Write as _;

/// One scoring activity in the tally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TallyLine {
    /// Activity number.
    pub number: u32,
    /// Activity title.
    pub title: String,
    /// The letter of the descriptor that counts.
    pub letter: String,
    /// Its points.
    pub points: u32,
    /// Physical or mental.
    pub part: Part,
}

/// The tally as every screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// Part 1 points.
    pub physical: u32,
    /// Part 2 points.
    pub mental: u32,
    /// Total.
    pub total: u32,
    /// Points needed.
    pub threshold: u32,
    /// Limited capability for work is met.
    pub lcw_met: bool,
    /// Points still needed (0 when reached).
    pub short_by: u32,
    /// Why LCW is met, in words.
    pub lcw_why: Vec<String>,
    /// Limited capability for work-related activity is met.
    pub lcwra_met: bool,
    /// Why LCWRA is met, in words.
    pub lcwra_why: Vec<String>,
    /// The group that follows.
    pub group: Group,
    /// Each activity that scores.
    pub lines: Vec<TallyLine>,
    /// Things to check, in words.
    pub cautions: Vec<String>,
}

impl Tally {
    /// "Support group", "Work-related activity group", "No limited capability for work".
    pub fn group_words(&self) -> &'static str {
        match self.group {
            Group::Support => "Support group",
            Group::Wrag => "Work-related activity group",
            Group::None => "Not enough for limited capability for work",
        }
    }
}

/// Builds the tally from an assessment.
pub fn build(a: &Assessment, content: &Content) -> Tally {
    let wca = &content.wca;
    let lines = a
        .activities
        .iter()
        .filter(|s| s.points > 0)
        .filter_map(|s| {
            let (act, d) = wca.descriptor(&s.counted)?;
            Some(TallyLine {
                number: act.number,
                title: act.title.clone(),
                letter: d.letter.clone(),
                points: s.points,
                part: s.part,
            })
        })
        .collect();
    let lcw_why = a
        .lcw_basis
        .iter()
        .map(|b| match b {
            LcwBasis::Points(p) => {
                let mut said = format!("{p} points (at least {} needed)", a.threshold);
                for s in a.activities.iter().filter(|s| s.implied_by.is_some()) {
                    let by = s.implied_by.as_deref().unwrap_or_default();
                    let _ = write!(said,
                        "; {} of them from Schedule 2 descriptor {}, which applies because Schedule 3 {} does",
                        s.points,
                        descriptor_label(&s.counted, content),
                        lcwra_label(by, content)
                    );
                }
                said
            }
            LcwBasis::Route(id) => format!(
                "treated as having it: {}",
                wca.route(id).map_or(id.as_str(), |r| r.title.as_str())
            ),
            LcwBasis::Schedule3(id) => format!(
                "treated as having it: Schedule 3 {}, which has no Schedule 2 twin (the regulation 20(1)(g) route)",
                lcwra_label(id, content)
            ),
        })
        .collect();
    let lcwra_why = a
        .lcwra_descriptors
        .iter()
        .map(|id| lcwra_label(id, content))
        .chain(
            a.lcwra_routes
                .iter()
                .map(|id| wca.route(id).map_or(id.clone(), |r| r.title.clone())),
        )
        .collect();
    let cautions = a.cautions.iter().map(|c| caution(c, content)).collect();
    Tally {
        physical: a.physical,
        mental: a.mental,
        total: a.total,
        threshold: a.threshold,
        lcw_met: a.lcw_met(),
        short_by: a.points_short(),
        lcw_why,
        lcwra_met: a.lcwra_met(),
        lcwra_why,
        group: a.group,
        lines,
        cautions,
    }
}

/// A caution in words: what to check, and where the law is.
fn caution(c: &Caution, content: &Content) -> String {
    let wca = &content.wca;
    match c {
        Caution::TwinNotChosen { lcwra, twin } => format!(
            "Schedule 3 {} repeats Schedule 2 descriptor {}, so {} applies too and its 15 points are counted: choose {} as well so the statement shows it.",
            lcwra_label(lcwra, content),
            descriptor_label(twin, content),
            descriptor_label(twin, content),
            descriptor_label(twin, content)
        ),
        Caution::LcwraWithoutLcw(routes) => {
            let mut said = String::from(
                "Limited capability for work-related activity is met but limited capability for work is not, so there is no support group (it needs both).",
            );
            for id in routes {
                let Some(r) = wca.route(id) else { continue };
                let own = r
                    .new_style
                    .lcwra
                    .as_ref()
                    .map_or(String::new(), |s| format!(" ({})", s.provision));
                let _ = write!(said, " {}{own} gives only that:", r.title);
                match r.lcw_counterpart.as_deref().and_then(|c| wca.route(c)) {
                    Some(c) => {
                        let law = c
                            .new_style
                            .lcw
                            .as_ref()
                            .map_or(String::new(), |s| format!(", {}", s.provision));
                        let _ = write!(
                            said,
                            " check the points, or {}{law}.",
                            c.title.to_lowercase()
                        );
                    }
                    None => said.push_str(
                        " check the points, or a route that gives limited capability for work.",
                    ),
                }
            }
            said
        }
    }
}

/// "16(a)": a Schedule 2 descriptor as the schedule numbers it.
pub fn descriptor_label(id: &str, content: &Content) -> String {
    match content.wca.descriptor(id) {
        Some((a, d)) => format!("{}({})", a.number, d.letter),
        None => id.to_string(),
    }
}

/// "paragraph 9 (Learning tasks)" or "paragraph 15(c) (Conveying food or drink)".
pub fn lcwra_label(id: &str, content: &Content) -> String {
    match content.wca.lcwra_descriptor(id) {
        Some((a, d)) => match &d.letter {
            Some(l) => format!("paragraph {}({l}) ({})", a.number, a.title),
            None => format!("paragraph {} ({})", a.number, a.title),
        },
        None => id.to_string(),
    }
}
