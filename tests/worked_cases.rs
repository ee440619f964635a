//! Runs the worked cases in `tests/cases/*.toml` against the built-in content: benefit years,
//! State Pension age, the age verdict, the contribution conditions and the weekly rates. Each
//! case is a statement of law an adviser can read and extend; a failure names the case.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Deserialize;

use esa_interview::content::date::Date;
use esa_interview::content::figures::Figures;
use esa_interview::content::load_embedded;
use esa_interview::content::money::Pounds;
use esa_interview::rules::age::{self, AgeOutcome, PensionAgeDate};
use esa_interview::rules::contributions::{
    self, ContributionInputs, FirstConditionYear, SecondConditionYear, TaxYear, YearRecord,
};
use esa_interview::rules::provenance::{Level, MissingFigure};
use esa_interview::rules::rates::{self, WeeklyRate};

fn figures() -> Figures {
    load_embedded().figures
}

fn cases<T: for<'de> Deserialize<'de>>(file: &str) -> Vec<T> {
    #[derive(Deserialize)]
    struct File<T> {
        case: Vec<T>,
    }
    let path = format!("{}/tests/cases/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str::<File<T>>(&text)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .case
}

/// Collects every failure so one run reports all the cases that disagree with the law.
#[derive(Default)]
struct Failures(String);

impl Failures {
    fn check(&mut self, case: &str, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            let _ = writeln!(self.0, "- {case}: {}", what());
        }
    }

    fn says(&mut self, case: &str, text: &[String], wanted: &[String]) {
        for w in wanted {
            self.check(case, text.iter().any(|t| t.contains(w.as_str())), || {
                format!(
                    "expected to be told {w:?}; was told:\n    {}",
                    text.join("\n    ")
                )
            });
        }
    }

    fn finish(self) {
        assert!(self.0.is_empty(), "worked cases that fail:\n{}", self.0);
    }
}

fn years(list: &[TaxYear]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BenefitYearCase {
    name: String,
    incapacity_start: Date,
    benefit_year: i32,
    starts: Date,
    ends: Date,
    tax_years: Vec<String>,
}

#[test]
fn benefit_years_and_tax_years() {
    let f = figures();
    let mut fail = Failures::default();
    for c in cases::<BenefitYearCase>("benefit-years.toml") {
        let got = contributions::contribution_years(c.incapacity_start.0, &f.contributions);
        let by = got.benefit_year;
        fail.check(&c.name, by.year == c.benefit_year, || {
            format!("benefit year {}", by.year)
        });
        fail.check(&c.name, by.first_day == c.starts.0, || {
            format!("starts {}", by.first_day)
        });
        fail.check(&c.name, by.last_day == c.ends.0, || {
            format!("ends {}", by.last_day)
        });
        fail.check(&c.name, years(&got.tax_years) == c.tax_years, || {
            format!("tax years {:?}", years(&got.tax_years))
        });
    }
    fail.finish();
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PensionAgeCase {
    name: String,
    born: Date,
    reached: String,
    date: Date,
}

#[test]
fn state_pension_age() {
    let f = figures();
    let mut fail = Failures::default();
    for c in cases::<PensionAgeCase>("state-pension-age.toml") {
        let spa = age::state_pension_age(c.born.0, &f.state_pension_age, f.age.leap_day)
            .unwrap_or_else(|m| panic!("{}: {m}", c.name));
        let want = match c.reached.as_str() {
            "on" => PensionAgeDate::On(c.date.0),
            "no-later-than" => PensionAgeDate::NoLaterThan(c.date.0),
            "no-earlier-than" => PensionAgeDate::NoEarlierThan(c.date.0),
            other => panic!("{}: reached = {other:?}", c.name),
        };
        fail.check(&c.name, spa.date == want, || format!("got {:?}", spa.date));
    }
    fail.finish();
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgeCase {
    name: String,
    born: Date,
    claim_date: Date,
    age: u32,
    outcome: String,
    leap_day: Option<String>,
    #[serde(default)]
    says: Vec<String>,
}

#[test]
fn age_verdicts() {
    let f = figures();
    let mut fail = Failures::default();
    for c in cases::<AgeCase>("age.toml") {
        let v = age::age_verdict(c.born.0, c.claim_date.0, &f.age, &f.state_pension_age)
            .unwrap_or_else(|m| panic!("{}: {m}", c.name));
        let outcome = match v.outcome {
            AgeOutcome::UnderMinimumAge => "under-minimum-age",
            AgeOutcome::WorkingAge => "working-age",
            AgeOutcome::AtOrOverPensionAge => "at-or-over-pension-age",
        };
        fail.check(&c.name, v.age_at_claim == c.age, || {
            format!("age {}", v.age_at_claim)
        });
        fail.check(&c.name, outcome == c.outcome, || {
            format!("outcome {outcome}")
        });
        let leap = v
            .findings
            .iter()
            .find(|x| x.says.starts_with("Born on 29 February"))
            .map(|x| {
                if x.level == Level::Warn {
                    "warn"
                } else {
                    "info"
                }
            });
        fail.check(&c.name, leap == c.leap_day.as_deref(), || {
            format!("leap-day finding {leap:?}")
        });
        let text: Vec<String> = v.findings.iter().map(|x| x.says.clone()).collect();
        fail.says(&c.name, &text, &c.says);
    }
    fail.finish();
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordCase {
    tax_year: String,
    class1_weeks: u32,
    class1_earnings: Option<Pounds>,
    class2_weeks: u32,
    credited_weeks: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContributionCase {
    name: String,
    incapacity_start: Date,
    claim_date: Date,
    #[serde(default)]
    relaxation: Vec<String>,
    #[serde(default)]
    contributions: Vec<RecordCase>,
    expect: ContributionExpect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContributionExpect {
    tax_years: Option<Vec<String>>,
    condition_1: Option<bool>,
    condition_2: Option<bool>,
    later_benefit_year: Option<bool>,
    status_1: Option<String>,
    status_2: Option<String>,
    missing: Option<String>,
    #[serde(default)]
    says: Vec<String>,
}

fn record(r: &RecordCase) -> YearRecord {
    YearRecord {
        tax_year: TaxYear::parse(&r.tax_year).expect("a tax year like 2024-25"),
        class1_weeks: r.class1_weeks,
        class1_earnings: r.class1_earnings.map(|p| p.0),
        class2_weeks: r.class2_weeks,
        credited_weeks: r.credited_weeks,
    }
}

/// Every sentence the adviser is shown for an assessment.
fn told(a: &contributions::ContributionAssessment) -> Vec<String> {
    let mut out: Vec<String> = a
        .first
        .years
        .iter()
        .map(FirstConditionYear::explain)
        .collect();
    if let Some(r) = &a.first.relaxed {
        out.extend(r.years.iter().map(FirstConditionYear::explain));
    }
    out.extend(a.second.years.iter().map(SecondConditionYear::explain));
    out.extend(a.findings.iter().map(|f| f.says.clone()));
    out.extend(a.later_benefit_year.iter().map(|l| l.finding.says.clone()));
    out
}

#[test]
fn contribution_conditions() {
    let f = figures();
    let mut fail = Failures::default();
    for c in cases::<ContributionCase>("contributions.toml") {
        let records: Vec<YearRecord> = c.contributions.iter().map(record).collect();
        let relaxation = f.figures_relaxation(&c.relaxation);
        let inputs = ContributionInputs {
            incapacity_start: c.incapacity_start.0,
            claim_date: c.claim_date.0,
            records: &records,
            relaxation: &relaxation,
        };
        let e = &c.expect;
        if let Some(want) = &e.tax_years {
            let got = contributions::contribution_years(inputs.incapacity_start, &f.contributions);
            fail.check(&c.name, &years(&got.tax_years) == want, || {
                format!("tax years {:?}", years(&got.tax_years))
            });
        }
        match (
            contributions::assess(&inputs, &f.contributions, &f.lel),
            &e.missing,
        ) {
            (Err(m), Some(want)) => {
                fail.check(&c.name, &m.to_string() == want, || format!("message {m}"));
            }
            (Err(m), None) => fail.check(&c.name, false, || format!("refused: {m}")),
            (Ok(_), Some(want)) => fail.check(&c.name, false, || format!("expected {want:?}")),
            (Ok(a), None) => {
                let first = a.first.met;
                let second = a.second.met;
                let later = a.later_benefit_year.is_some();
                fail.check(&c.name, e.condition_1.is_none_or(|w| w == first), || {
                    format!("condition 1 {first}")
                });
                fail.check(&c.name, e.condition_2.is_none_or(|w| w == second), || {
                    format!("condition 2 {second}")
                });
                for (want, got, n) in [
                    (&e.status_1, a.first.status.id(), 1),
                    (&e.status_2, a.second.status.id(), 2),
                ] {
                    fail.check(&c.name, want.as_deref().is_none_or(|w| w == got), || {
                        format!("condition {n} is {got}")
                    });
                }
                fail.check(
                    &c.name,
                    e.later_benefit_year.is_none_or(|w| w == later),
                    || format!("later benefit year offered: {later}"),
                );
                fail.says(&c.name, &told(&a), &e.says);
            }
        }
    }
    fail.finish();
}

/// Test-only helper: the relaxation grounds for the question ids a case answers "yes".
trait RelaxationFor {
    fn figures_relaxation(&self, ids: &[String]) -> Vec<contributions::RelaxationGround>;
}

impl RelaxationFor for Figures {
    fn figures_relaxation(&self, ids: &[String]) -> Vec<contributions::RelaxationGround> {
        let grounds = self.relaxation_grounds(ids.iter().map(String::as_str));
        assert_eq!(
            grounds.len(),
            ids.len(),
            "unknown relaxation case in {ids:?}"
        );
        grounds
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RateCase {
    name: String,
    born: Date,
    claim_date: Date,
    on: Date,
    tax_year: Option<String>,
    assessment: Option<Pounds>,
    assessment_missing: Option<String>,
    work_related_activity_group: Option<Pounds>,
    work_related_activity_group_missing: Option<String>,
    support_group: Option<Pounds>,
    support_group_missing: Option<String>,
}

fn check_rate(
    fail: &mut Failures,
    case: &str,
    what: &str,
    got: &Result<WeeklyRate, MissingFigure>,
    amount: Option<Pounds>,
    missing: Option<&String>,
    tax_year: Option<&String>,
) {
    match (got, amount, missing) {
        (Ok(rate), Some(want), None) => {
            fail.check(case, rate.total() == want.0, || {
                format!("{what}: {}", rate.explain())
            });
            fail.check(
                case,
                tax_year.is_none_or(|t| *t == rate.tax_year.to_string()),
                || format!("{what}: {} rates used", rate.tax_year),
            );
        }
        (Err(m), None, Some(want)) => {
            fail.check(case, &m.to_string() == want, || {
                format!("{what}: message {m}")
            });
        }
        (_, None, None) => {}
        (Ok(rate), _, _) => fail.check(case, false, || format!("{what}: got {}", rate.explain())),
        (Err(m), _, _) => fail.check(case, false, || format!("{what}: refused: {m}")),
    }
}

#[test]
fn weekly_rates() {
    let f = figures();
    let mut fail = Failures::default();
    for c in cases::<RateCase>("rates.toml") {
        let s = rates::rate_summary(
            c.born.0,
            c.claim_date.0,
            c.on.0,
            f.age.leap_day,
            &f.rate_rules,
            &f.rates,
        );
        let ty = c.tax_year.as_ref();
        check_rate(
            &mut fail,
            &c.name,
            "assessment",
            &s.assessment,
            c.assessment,
            c.assessment_missing.as_ref(),
            ty,
        );
        check_rate(
            &mut fail,
            &c.name,
            "work-related activity group",
            &s.work_related_activity_group,
            c.work_related_activity_group,
            c.work_related_activity_group_missing.as_ref(),
            ty,
        );
        check_rate(
            &mut fail,
            &c.name,
            "support group",
            &s.support_group,
            c.support_group,
            c.support_group_missing.as_ref(),
            ty,
        );
    }
    fail.finish();
}

#[test]
fn the_cases_use_dates_that_exist() {
    // Guards the harness itself: a case file that deserialises dates wrongly would pass vacuously.
    let c = cases::<BenefitYearCase>("benefit-years.toml");
    assert_eq!(
        c[0].incapacity_start.0,
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    );
}
