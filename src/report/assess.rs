//! What `assess` prints, and the outcome part of the JSON export: the evaluation as JSON for
//! other programs (keys documented in docs/assess-json.md; they are a contract: add, never
//! rename) and as sentences for people. A part that cannot be worked out is `null` in JSON
//! and says why in the sentences. Renders an `Evaluation`; works nothing out.

use chrono::NaiveDate;
use serde::Serialize;

use crate::content::Content;
use crate::interview::evaluate::{Evaluation, RatesPeriod};
use crate::interview::findings::{self, Finding, Level};
use crate::rules::age::{AgeVerdict, PensionAgeDate};
use crate::rules::contributions::ContributionAssessment;
use crate::rules::deadlines::StepId;
use crate::rules::money::Money;
use crate::rules::wca::{Assessment, LcwBasis};

/// ISO date, as every JSON date is written.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Money as an exact decimal string of pounds ("92.05").
pub fn pounds(m: Money) -> String {
    let p = m.pence();
    let sign = if p < 0 { "-" } else { "" };
    format!(
        "{sign}{}.{:02}",
        p.unsigned_abs() / 100,
        p.unsigned_abs() % 100
    )
}

/// `assess --json` and the outcome part of the JSON export.
#[derive(Serialize)]
pub struct Json {
    lcw: Option<LcwJson>,
    lcwra: Option<LcwraJson>,
    group: Option<&'static str>,
    contribution: Option<ContributionJson>,
    deadlines: Option<DeadlinesJson>,
    age: Option<AgeJson>,
    rates: Option<Vec<RateJson>>,
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
    implied_by: Option<String>,
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
    steps: Vec<StepJson>,
}

#[derive(Serialize)]
struct StepJson {
    id: &'static str,
    last_day: Option<String>,
    status: &'static str,
    days_left: Option<i64>,
}

#[derive(Serialize)]
struct AgeJson {
    age_on_claim_date: u32,
    state_pension_age: SpaJson,
    verdict: &'static str,
}

#[derive(Serialize)]
struct SpaJson {
    date: String,
    reached: &'static str,
}

#[derive(Serialize)]
struct RateJson {
    phase: &'static str,
    group: Option<&'static str>,
    from: String,
    to: Option<String>,
    rates_on: String,
    rates_year: Option<String>,
    weekly: Option<String>,
    missing: Option<String>,
}

/// The evaluation as JSON; `scored` is false for a hand-written file with no `[wca]` table,
/// whose WCA is `null` rather than 0 points.
pub fn json(e: &Evaluation, scored: bool) -> Json {
    let a = scored.then_some(&e.wca.assessment);
    Json {
        lcw: a.map(lcw_json),
        lcwra: a.map(|a| LcwraJson {
            met: a.lcwra_met(),
            descriptors: a.lcwra_descriptors.clone(),
            routes: a.lcwra_routes.clone(),
        }),
        group: a.map(|a| a.group.as_str()),
        contribution: e.contributions.as_ref().ok().map(contribution_json),
        deadlines: e.deadlines.started.is_ok().then(|| deadlines_json(e)),
        age: e.age.as_ref().ok().map(age_json),
        rates: e
            .rates
            .as_ref()
            .ok()
            .map(|r| r.periods.iter().map(rate_json).collect()),
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
                implied_by: s.implied_by.clone(),
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

fn contribution_json(a: &ContributionAssessment) -> ContributionJson {
    ContributionJson {
        tax_years: a.years.tax_years.iter().map(ToString::to_string).collect(),
        condition_1: a.first.status.known(),
        condition_2: a.second.status.known(),
    }
}

fn deadlines_json(e: &Evaluation) -> DeadlinesJson {
    let d = &e.deadlines;
    DeadlinesJson {
        mandatory_reconsideration: d.last_day(StepId::MandatoryReconsideration).map(iso),
        appeal: d.last_day(StepId::Appeal).map(iso),
        steps: d
            .steps
            .iter()
            .map(|s| StepJson {
                id: s.step.id(),
                last_day: s.last_day.map(iso),
                status: s.status.id(),
                days_left: s.days_left,
            })
            .collect(),
    }
}

fn age_json(v: &AgeVerdict) -> AgeJson {
    let (date, reached) = match v.state_pension_age.date {
        PensionAgeDate::On(d) => (d, "on"),
        PensionAgeDate::NoLaterThan(d) => (d, "no-later-than"),
        PensionAgeDate::NoEarlierThan(d) => (d, "no-earlier-than"),
    };
    AgeJson {
        age_on_claim_date: v.age_at_claim,
        state_pension_age: SpaJson {
            date: iso(date),
            reached,
        },
        verdict: v.outcome.id(),
    }
}

fn rate_json(p: &RatesPeriod) -> RateJson {
    RateJson {
        phase: p.phase.id(),
        group: p.group.map(crate::rules::wca::Group::as_str),
        from: iso(p.from),
        to: p.to.map(iso),
        rates_on: iso(p.rates_on),
        rates_year: p.weekly.as_ref().ok().map(|w| w.tax_year.to_string()),
        weekly: p.weekly.as_ref().ok().map(|w| pounds(w.total())),
        missing: p.weekly.as_ref().err().map(ToString::to_string),
    }
}

/// The outcome as sentences, one per line, as `assess` prints it: the summary, then every
/// step of the reconsideration and appeal timeline (or why there is none).
pub fn sentences(e: &Evaluation, content: &Content, scored: bool) -> Vec<String> {
    let mut said = findings::eligibility(e);
    if scored {
        said.extend(findings::wca(e, content));
    } else {
        said.push(Finding::detail(
            Level::Info,
            "Work Capability Assessment: not worked out: the file has no [wca] table.",
            None,
        ));
    }
    if e.deadlines.started.is_ok() {
        said.extend(findings::timeline(e));
    } else {
        said.extend(findings::dated_deadlines(e));
    }
    said.iter().map(Finding::line).collect()
}
