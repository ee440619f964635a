//! The Work Capability Assessment scored as the law scores it: Schedule 2 points (only the
//! highest descriptor in each activity counts; physical and mental points add; 15 or more is
//! limited capability for work), Schedule 3 (any one descriptor is limited capability for
//! work-related activity), and the treated-as and exceptional routes. Pure: the scheme (ids,
//! points, threshold) comes from content as plain data; nothing here reads a file or a clock.

use std::collections::BTreeSet;

/// Which Part of Schedule 2 an activity is in; the tally shows the two separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// Part 1: physical disabilities (activities 1 to 10).
    Physical,
    /// Part 2: mental, cognitive and intellectual function (activities 11 to 17).
    Mental,
}

/// One Schedule 2 descriptor as the scoring needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DescriptorRule {
    /// Stable id, e.g. `lcw.1.c`.
    pub id: String,
    /// Points from column 3 of Schedule 2.
    pub points: u32,
    /// The "none of the above applies" row.
    pub none: bool,
}

/// One Schedule 2 activity as the scoring needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityRule {
    /// Stable id, e.g. `lcw.1`.
    pub id: String,
    /// Physical or mental.
    pub part: Part,
    /// Its descriptors in schedule order.
    pub descriptors: Vec<DescriptorRule>,
}

/// One Schedule 3 descriptor as the scoring needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LcwraRule {
    /// Stable id, e.g. `lcwra.9` or `lcwra.15.c`.
    pub id: String,
    /// True where the law treats the descriptor as also giving LCW (Schedule 3 paragraphs 15, 16).
    pub gives_lcw: bool,
    /// The 15-point Schedule 2 descriptor this one repeats (paragraphs 1 to 14): whoever meets
    /// this meets that, so it is counted as if chosen (ESA Regulations 2013 reg 15(3)).
    pub implies: Option<String>,
}

/// A treated-as or exceptional route as the scoring needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteRule {
    /// Stable id, e.g. `treated.terminal-illness`.
    pub id: String,
    /// The route treats the claimant as having LCW.
    pub gives_lcw: bool,
    /// The route treats the claimant as having LCWRA.
    pub gives_lcwra: bool,
}

/// Everything the scoring needs from Schedules 2 and 3 and the routes, built from content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scheme {
    /// Points needed for LCW (15 in Schedule 2's regulation).
    pub threshold: u32,
    /// Schedule 2 activities in order.
    pub activities: Vec<ActivityRule>,
    /// Schedule 3 descriptors in order.
    pub lcwra: Vec<LcwraRule>,
    /// The routes.
    pub routes: Vec<RouteRule>,
}

/// The support group, the work-related activity group, or neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// LCW and LCWRA: the support group.
    Support,
    /// LCW without LCWRA: the work-related activity group.
    Wrag,
    /// No LCW.
    None,
}

impl Group {
    /// The contract spelling used in `assess --json` and worked cases.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Support => "support",
            Group::Wrag => "wrag",
            Group::None => "none",
        }
    }
}

/// A chosen descriptor that does not score, and the one that scores instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotCounting {
    /// The chosen descriptor that does not count.
    pub id: String,
    /// Its points.
    pub points: u32,
    /// The descriptor in the same activity that counts instead.
    pub instead: String,
}

/// The score of one activity in which something was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityScore {
    /// The activity id, e.g. `lcw.1`.
    pub activity: String,
    /// Physical or mental.
    pub part: Part,
    /// The descriptor that counts (the highest chosen).
    pub counted: String,
    /// Its points.
    pub points: u32,
    /// Chosen descriptors of this activity that do not count.
    pub not_counting: Vec<NotCounting>,
    /// The Schedule 3 descriptor that makes `counted` apply when it was not itself chosen.
    pub implied_by: Option<String>,
}

/// Why LCW is met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LcwBasis {
    /// The total reached the threshold.
    Points(u32),
    /// A treated-as or exceptional route.
    Route(String),
    /// A Schedule 3 descriptor that also gives LCW.
    Schedule3(String),
}

/// Something the adviser should look at: the result is what the law gives, but odd.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caution {
    /// LCWRA is met, by these routes, but LCW is not, so there is no support group (the support
    /// group needs both).
    LcwraWithoutLcw(Vec<String>),
    /// A Schedule 3 descriptor (`lcwra`) is chosen and its Schedule 2 twin (`twin`) is not: the
    /// twin is counted all the same; choosing it makes the statement show it.
    TwinNotChosen {
        /// The Schedule 3 descriptor chosen.
        lcwra: String,
        /// The 15-point Schedule 2 descriptor it repeats.
        twin: String,
    },
}

/// The whole assessment, explaining itself as data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// Activities in which something was chosen, in schedule order.
    pub activities: Vec<ActivityScore>,
    /// Points from Part 1.
    pub physical: u32,
    /// Points from Part 2.
    pub mental: u32,
    /// Physical plus mental.
    pub total: u32,
    /// Points needed (from content).
    pub threshold: u32,
    /// Why LCW is met; empty when it is not.
    pub lcw_basis: Vec<LcwBasis>,
    /// Schedule 3 descriptors chosen.
    pub lcwra_descriptors: Vec<String>,
    /// Routes chosen that give LCWRA.
    pub lcwra_routes: Vec<String>,
    /// The group that follows.
    pub group: Group,
    /// Things to check.
    pub cautions: Vec<Caution>,
}

impl Assessment {
    /// True when the claimant has limited capability for work.
    pub fn lcw_met(&self) -> bool {
        !self.lcw_basis.is_empty()
    }

    /// True when the claimant has limited capability for work-related activity.
    pub fn lcwra_met(&self) -> bool {
        !self.lcwra_descriptors.is_empty() || !self.lcwra_routes.is_empty()
    }

    /// Points still needed to reach the threshold (0 when reached).
    pub fn points_short(&self) -> u32 {
        self.threshold.saturating_sub(self.total)
    }

    /// The score of an activity, if anything was chosen in it.
    pub fn activity(&self, id: &str) -> Option<&ActivityScore> {
        self.activities.iter().find(|a| a.activity == id)
    }
}

/// Ids given to `assess` that the scheme does not know.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown descriptor or route id: {}", .0.join(", "))]
pub struct UnknownIds(pub Vec<String>);

/// Scores the chosen descriptors (Schedule 2 and 3 ids) and routes.
pub fn assess<S: AsRef<str>>(
    scheme: &Scheme,
    descriptors: &[S],
    routes: &[S],
) -> Result<Assessment, UnknownIds> {
    let chosen: BTreeSet<&str> = descriptors.iter().map(AsRef::as_ref).collect();
    let routes_chosen: BTreeSet<&str> = routes.iter().map(AsRef::as_ref).collect();
    check_known(scheme, &chosen, &routes_chosen)?;

    // A Schedule 3 descriptor that repeats a Schedule 2 one makes that one apply too.
    let implied: Vec<(&str, &str)> = scheme
        .lcwra
        .iter()
        .filter(|d| chosen.contains(d.id.as_str()))
        .filter_map(|d| d.implies.as_deref().map(|twin| (twin, d.id.as_str())))
        .collect();
    let activities: Vec<ActivityScore> = scheme
        .activities
        .iter()
        .filter_map(|a| score_activity(a, &chosen, &implied))
        .collect();
    let sum = |part| {
        activities
            .iter()
            .filter(|a| a.part == part)
            .map(|a| a.points)
            .sum::<u32>()
    };
    let (physical, mental) = (sum(Part::Physical), sum(Part::Mental));
    let total = physical + mental;

    let lcwra: Vec<&LcwraRule> = scheme
        .lcwra
        .iter()
        .filter(|d| chosen.contains(d.id.as_str()))
        .collect();
    let route_rules: Vec<&RouteRule> = scheme
        .routes
        .iter()
        .filter(|r| routes_chosen.contains(r.id.as_str()))
        .collect();

    let mut lcw_basis = Vec::new();
    if total >= scheme.threshold {
        lcw_basis.push(LcwBasis::Points(total));
    }
    lcw_basis.extend(
        route_rules
            .iter()
            .filter(|r| r.gives_lcw)
            .map(|r| LcwBasis::Route(r.id.clone())),
    );
    lcw_basis.extend(
        lcwra
            .iter()
            .filter(|d| d.gives_lcw)
            .map(|d| LcwBasis::Schedule3(d.id.clone())),
    );
    let lcwra_descriptors: Vec<String> = lcwra.iter().map(|d| d.id.clone()).collect();
    let lcwra_routes: Vec<String> = route_rules
        .iter()
        .filter(|r| r.gives_lcwra)
        .map(|r| r.id.clone())
        .collect();

    let (lcw, has_lcwra) = (
        !lcw_basis.is_empty(),
        !lcwra_descriptors.is_empty() || !lcwra_routes.is_empty(),
    );
    let group = match (lcw, has_lcwra) {
        (true, true) => Group::Support,
        (true, false) => Group::Wrag,
        (false, _) => Group::None,
    };
    let mut cautions: Vec<Caution> = implied
        .iter()
        .filter(|(twin, _)| !chosen.contains(twin))
        .map(|(twin, lcwra)| Caution::TwinNotChosen {
            lcwra: (*lcwra).to_string(),
            twin: (*twin).to_string(),
        })
        .collect();
    if has_lcwra && !lcw {
        cautions.push(Caution::LcwraWithoutLcw(lcwra_routes.clone()));
    }
    Ok(Assessment {
        activities,
        physical,
        mental,
        total,
        threshold: scheme.threshold,
        lcw_basis,
        lcwra_descriptors,
        lcwra_routes,
        group,
        cautions,
    })
}

fn check_known(
    scheme: &Scheme,
    chosen: &BTreeSet<&str>,
    routes: &BTreeSet<&str>,
) -> Result<(), UnknownIds> {
    let known_descriptor = |id: &str| {
        scheme
            .activities
            .iter()
            .flat_map(|a| &a.descriptors)
            .any(|d| d.id == id)
            || scheme.lcwra.iter().any(|d| d.id == id)
    };
    let known_route = |id: &str| scheme.routes.iter().any(|r| r.id == id);
    let unknown: Vec<String> = chosen
        .iter()
        .filter(|id| !known_descriptor(id))
        .chain(routes.iter().filter(|id| !known_route(id)))
        .map(|id| (*id).to_string())
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(UnknownIds(unknown))
    }
}

/// Highest chosen (or implied) descriptor counts; ties go to the first in schedule order; a
/// chosen "none" row never counts beside a scoring descriptor.
fn score_activity(
    activity: &ActivityRule,
    chosen: &BTreeSet<&str>,
    implied: &[(&str, &str)],
) -> Option<ActivityScore> {
    let implied_by = |id: &str| {
        implied
            .iter()
            .find(|(twin, _)| *twin == id)
            .map(|(_, by)| (*by).to_string())
    };
    let picked: Vec<&DescriptorRule> = activity
        .descriptors
        .iter()
        .filter(|d| chosen.contains(d.id.as_str()) || implied_by(&d.id).is_some())
        .collect();
    let best = picked
        .iter()
        .copied()
        .reduce(|best, d| if d.points > best.points { d } else { best })?;
    let not_counting = picked
        .iter()
        .filter(|d| d.id != best.id)
        .map(|d| NotCounting {
            id: d.id.clone(),
            points: d.points,
            instead: best.id.clone(),
        })
        .collect();
    Some(ActivityScore {
        activity: activity.id.clone(),
        part: activity.part,
        counted: best.id.clone(),
        points: best.points,
        not_counting,
        implied_by: if chosen.contains(best.id.as_str()) {
            None
        } else {
            implied_by(&best.id)
        },
    })
}
