//! The outcome of a session as `assess` prints it and every export carries it: limited
//! capability for work and for work-related activity, the group, the contribution conditions
//! and the deadlines. Each part is `Err(reason)` where it cannot be worked out (inputs missing,
//! or rules not in this version), printed as `null` in JSON and as the reason in sentences.
//! The figures come from the same view-model helpers the screens use, so an export never
//! disagrees with the screen. Depends on `interview` (the tally, the eligibility and deadline
//! findings) and `rules`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::content::Content;
use crate::interview::Session;
use crate::interview::view::{self, Tally, eligibility};
use crate::rules::deadlines::StepId;
use crate::rules::wca::{Assessment, LcwBasis};

/// A part of the outcome, or why it could not be worked out.
pub type Worked<T> = Result<T, String>;

/// The whole outcome.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The WCA, unless the file gave no `[wca]` table.
    pub wca: Worked<Wca>,
    /// The contribution conditions.
    pub contribution: Worked<Contribution>,
    /// The reconsideration and appeal deadlines.
    pub deadlines: Worked<Deadlines>,
    /// Descriptor and route ids this content does not know (left out of the WCA).
    pub unknown_ids: Vec<String>,
}

/// The WCA scored, with the tally's words.
#[derive(Clone, Debug)]
pub struct Wca {
    /// The rules' result.
    pub assessment: Assessment,
    /// The same in words.
    pub tally: Tally,
}

/// The contribution conditions for new-style ESA.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contribution {
    /// The two tax years for the benefit year that includes the start of incapacity.
    pub tax_years: Vec<String>,
    /// First condition (paid contributions); `None` where the record is incomplete.
    pub condition_1: Option<bool>,
    /// Second condition (paid or credited); `None` where the record is incomplete.
    pub condition_2: Option<bool>,
    /// The result in one sentence.
    pub sentences: Vec<String>,
    /// Year by year, with the figures, for statements.
    pub details: Vec<String>,
}

/// The last days to challenge the decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadlines {
    /// Last day to ask for mandatory reconsideration.
    pub mandatory_reconsideration: Option<NaiveDate>,
    /// Last day to appeal to the First-tier Tribunal.
    pub appeal: Option<NaiveDate>,
    /// The timeline, one sentence per step, after any problem with the dates.
    pub sentences: Vec<String>,
    /// The timeline and what to do now (send, where, prepare), for statements.
    pub details: Vec<String>,
    /// Deadlines passed, due within the warning window, or impossible to count, each with its
    /// word and symbol: shown first in every export so they cannot be missed.
    pub warnings: Vec<String>,
}

/// Works out the outcome; `wca_given` is false for a hand-written file with no `[wca]` table.
pub fn outcome(session: &Session, content: &Content, today: NaiveDate, wca_given: bool) -> Outcome {
    let wca = if wca_given {
        Ok(Wca {
            assessment: view::assess(session, content),
            tally: view::tally(session, content),
        })
    } else {
        Err("the file has no [wca] table".into())
    };
    Outcome {
        wca,
        contribution: contribution(session, content),
        deadlines: deadlines(session, content, today),
        unknown_ids: unknown_ids(session, content),
    }
}

/// The contribution conditions, from `rules::contributions` as the contributions screen shows
/// them. A condition is `None` (null) while a relevant tax year has no entry and the entered
/// years do not already meet it: more weeks can only help, so "not met" needs every year.
pub fn contribution(session: &Session, content: &Content) -> Worked<Contribution> {
    let a = eligibility::contribution_assessment(session, content)
        .ok_or_else(|| "needs claimant.claim_date (or claimant.incapacity_start)".to_string())?
        .map_err(|missing| missing.to_string())?;
    let tax_years: Vec<String> = a.years.tax_years.iter().map(ToString::to_string).collect();
    let complete = tax_years
        .iter()
        .all(|y| session.contributions.iter().any(|c| &c.tax_year == y));
    let known = |met: bool| (met || complete).then_some(met);
    let (condition_1, condition_2) = (known(a.first.met), known(a.second.met));
    let word = |c: Option<bool>| match c {
        Some(true) => "met",
        Some(false) => "not met",
        None => "not known until every tax year's record is entered",
    };
    let summary = format!(
        "Contribution conditions (tax years {}): first condition {}; second condition {}.",
        tax_years.join(" and "),
        word(condition_1),
        word(condition_2)
    );
    Ok(Contribution {
        tax_years,
        condition_1,
        condition_2,
        sentences: vec![summary],
        details: eligibility::contributions(session, content)
            .into_iter()
            .map(|f| f.text)
            .collect(),
    })
}

/// The reconsideration and appeal deadlines, from `rules::deadlines` as the routes screen shows
/// them, counted from `today`. `Err` when no decision date of any kind is entered.
pub fn deadlines(session: &Session, content: &Content, today: NaiveDate) -> Worked<Deadlines> {
    let facts = view::deadlines::facts(session);
    let any = [
        facts.decision_date,
        facts.mr_notice_date,
        facts.tribunal_decision_date,
        facts.tribunal_reasons_sent,
        facts.permission_refused_date,
    ];
    if any.iter().all(Option::is_none) {
        return Err("needs decision.decision_date".into());
    }
    let t = view::deadlines::timeline(session, content, today);
    let problems = t.problems.iter().map(ToString::to_string);
    Ok(Deadlines {
        mandatory_reconsideration: t.deadline(StepId::MandatoryReconsideration),
        appeal: t.deadline(StepId::Appeal),
        sentences: problems
            .chain(t.steps.iter().map(|s| content.deadlines.line(s)))
            .collect(),
        details: view::deadlines::findings(session, content, today)
            .into_iter()
            .map(|f| f.text)
            .collect(),
        warnings: content.deadlines.warnings(&t),
    })
}

/// Chosen ids the content does not know, in the order chosen.
pub fn unknown_ids(session: &Session, content: &Content) -> Vec<String> {
    let wca = &content.wca;
    let descriptors = session
        .wca
        .descriptors
        .iter()
        .filter(|id| wca.descriptor(id).is_none() && wca.lcwra_descriptor(id).is_none());
    let routes = session
        .wca
        .exceptional
        .iter()
        .filter(|id| wca.route(id).is_none());
    descriptors.chain(routes).cloned().collect()
}

/// `assess --json` and the outcome part of the JSON export. Keys are a contract.
#[derive(Serialize)]
pub struct Json {
    lcw: Option<LcwJson>,
    lcwra: Option<LcwraJson>,
    group: Option<&'static str>,
    contribution: Option<ContributionJson>,
    deadlines: Option<DeadlinesJson>,
}

#[derive(Serialize)]
struct LcwJson {
    physical: u32,
    mental: u32,
    total: u32,
    threshold: u32,
    met: bool,
    counted: Vec<CountedJson>,
    treated_as: Vec<String>,
}

#[derive(Serialize)]
struct CountedJson {
    activity: String,
    descriptor: String,
    points: u32,
}

#[derive(Serialize)]
struct LcwraJson {
    met: bool,
    descriptors: Vec<String>,
    routes: Vec<String>,
}

#[derive(Serialize)]
struct ContributionJson {
    tax_years: Vec<String>,
    condition_1: Option<bool>,
    condition_2: Option<bool>,
}

#[derive(Serialize)]
struct DeadlinesJson {
    mandatory_reconsideration: Option<String>,
    appeal: Option<String>,
}

/// ISO date, as every JSON date is written.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl Outcome {
    /// The JSON shape of the outcome.
    pub fn json(&self) -> Json {
        let wca = self.wca.as_ref().ok();
        Json {
            lcw: wca.map(|w| lcw_json(&w.assessment)),
            lcwra: wca.map(|w| LcwraJson {
                met: w.assessment.lcwra_met(),
                descriptors: w.assessment.lcwra_descriptors.clone(),
                routes: w.assessment.lcwra_routes.clone(),
            }),
            group: wca.map(|w| w.assessment.group.as_str()),
            contribution: self.contribution.as_ref().ok().map(|c| ContributionJson {
                tax_years: c.tax_years.clone(),
                condition_1: c.condition_1,
                condition_2: c.condition_2,
            }),
            deadlines: self.deadlines.as_ref().ok().map(|d| DeadlinesJson {
                mandatory_reconsideration: d.mandatory_reconsideration.map(iso),
                appeal: d.appeal.map(iso),
            }),
        }
    }
}

fn lcw_json(a: &Assessment) -> LcwJson {
    LcwJson {
        physical: a.physical,
        mental: a.mental,
        total: a.total,
        threshold: a.threshold,
        met: a.lcw_met(),
        counted: a
            .activities
            .iter()
            .filter(|s| s.points > 0)
            .map(|s| CountedJson {
                activity: s.activity.clone(),
                descriptor: s.counted.clone(),
                points: s.points,
            })
            .collect(),
        treated_as: a
            .lcw_basis
            .iter()
            .filter_map(|b| match b {
                LcwBasis::Route(id) | LcwBasis::Schedule3(id) => Some(id.clone()),
                LcwBasis::Points(_) => None,
            })
            .collect(),
    }
}
