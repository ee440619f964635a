//! The figures content: the built-in files hold every year the issue requires, and a person
//! editing them is told about every mistake with file, line and column (a missing or repeated
//! tax year, periods out of order or overlapping, a timetable with a gap, a special case in the
//! wrong month, a relaxation case naming no question).

use std::path::Path;

use esa_interview::content::diag::Diagnostic;
use esa_interview::content::embedded::EMBEDDED;
use esa_interview::content::{load_dir, load_embedded};
use esa_interview::rules::contributions::TaxYear;

#[test]
fn the_lel_is_in_content_for_every_tax_year_from_2015_16_to_2026_27() {
    let f = load_embedded().figures;
    let years: Vec<String> = f
        .lel
        .entries
        .iter()
        .map(|e| e.tax_year.to_string())
        .collect();
    let wanted: Vec<String> = (2015..=2026).map(|y| TaxYear(y).to_string()).collect();
    assert_eq!(years, wanted);
    assert!(
        f.lel
            .entries
            .iter()
            .all(|e| !e.citation.instrument.is_empty())
    );
}

#[test]
fn rates_are_in_content_for_2024_25_to_2026_27() {
    let f = load_embedded().figures;
    let years: Vec<String> = f
        .rates
        .periods
        .iter()
        .map(|p| p.tax_year.to_string())
        .collect();
    assert_eq!(years, ["2024-25", "2025-26", "2026-27"]);
}

#[test]
fn the_contribution_figures_are_the_statutory_ones() {
    let f = load_embedded().figures;
    assert_eq!(f.contributions.tax_years_counted, 2);
    assert_eq!(f.contributions.first_multiplier, 26);
    assert_eq!(f.contributions.second_multiplier, 50);
    assert_eq!(f.contributions.time_limit_days, 365);
    assert_eq!(f.age.minimum_age, 16);
    assert_eq!(f.relaxation_cases.len(), 4);
}

/// Writes the built-in content to a temporary directory, with one file replaced.
fn check_with(path: &str, edit: impl Fn(&str) -> String) -> Vec<Diagnostic> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (rel, text) in EMBEDDED {
        let target = dir.path().join(rel);
        std::fs::create_dir_all(target.parent().expect("a parent")).expect("mkdir");
        let text = if *rel == path {
            edit(text)
        } else {
            (*text).to_string()
        };
        std::fs::write(&target, text).expect("write");
    }
    load_dir(dir.path()).err().unwrap_or_default()
}

fn messages_in(problems: &[Diagnostic], file: &str) -> Vec<(usize, String)> {
    problems
        .iter()
        .filter(|d| Path::new(&d.file).ends_with(file))
        .map(|d| (d.line, d.message.clone()))
        .collect()
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the file"));
    text[..at].matches('\n').count() + 1
}

fn builtin(path: &str) -> &'static str {
    EMBEDDED
        .iter()
        .find(|(p, _)| *p == path)
        .expect("a built-in file")
        .1
}

#[test]
fn every_lel_mistake_is_reported_where_it_is() {
    let file = "figures/lel.toml";
    let text = builtin(file)
        .replacen("tax_year = \"2018-19\"", "tax_year = \"2017-18\"", 1)
        .replacen("tax_year = \"2021-22\"", "tax_year = \"2021/23\"", 1)
        .replacen(
            "tax_year = \"2024-25\"\nweekly = 123",
            "tax_year = \"2024-25\"\nweekly = 0",
            1,
        );
    let problems = check_with(file, |_| text.clone());
    let got = messages_in(&problems, file);
    let want = [
        (
            line_of(&text, "tax_year = \"2017-18\"\nweekly = 116"),
            "2017-18 appears twice",
        ),
        (
            line_of(&text, "tax_year = \"2019-20\""),
            "a tax year is missing between 2017-18 and 2019-20: add 2018-19",
        ),
        (
            line_of(&text, "tax_year = \"2021/23\""),
            "`2021/23` is not a tax year",
        ),
        (
            line_of(&text, "tax_year = \"2022-23\""),
            "missing between 2020-21 and 2022-23: add 2021-22",
        ),
        (
            line_of(&text, "weekly = 0"),
            "the weekly limit must be more than zero",
        ),
    ];
    for (line, words) in want {
        assert!(
            got.iter().any(|(l, m)| *l == line && m.contains(words)),
            "expected {words:?} at line {line}; got {got:?}"
        );
    }
}

#[test]
fn rate_periods_must_follow_one_another() {
    let file = "figures/rates.toml";
    let gap = check_with(file, |t| {
        t.replace("applies_from = 2025-04-07", "applies_from = 2025-04-09")
    });
    let got = messages_in(&gap, file);
    assert!(
        got.iter()
            .any(|(_, m)| m.contains("gap: the period before ends on 6 Apr 2025")),
        "{got:?}"
    );
    let overlap = check_with(file, |t| {
        t.replace("applies_to = 2026-04-05", "applies_to = 2026-04-09")
    });
    let got = messages_in(&overlap, file);
    assert!(
        got.iter()
            .any(|(_, m)| m.contains("overlaps the one before, which runs to 9 Apr 2026")),
        "{got:?}"
    );
    let outside = check_with(file, |t| {
        t.replace("applies_from = 2026-04-06", "applies_from = 2026-04-01")
    });
    let got = messages_in(&outside, file);
    assert!(
        got.iter()
            .any(|(_, m)| m.contains("is not in tax year 2026-27")),
        "{got:?}"
    );
}

#[test]
fn the_pension_age_timetable_must_have_no_gaps_and_true_special_cases() {
    let file = "figures/state-pension-age.toml";
    let problems = check_with(file, |t| {
        t.replace("born_from = 1960-06-06", "born_from = 1960-06-08")
            .replace(
                "born = 1960-12-31\nattains = 2027-09-30",
                "born = 1960-12-31\nattains = 2027-10-01",
            )
    });
    let got = messages_in(&problems, file);
    assert!(
        got.iter()
            .any(|(_, m)| m.contains("gap: the band before ends on 5 Jun 1960")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(_, m)| m.contains("is not in September 2027")),
        "{got:?}"
    );
}

#[test]
fn a_relaxation_case_must_name_a_contributions_question() {
    let file = "figures/contribution-conditions.toml";
    let problems = check_with(file, |t| {
        t.replace("\"contributions.wtc-disability\"", "\"contributions.wtc\"")
    });
    let got = messages_in(&problems, file);
    assert!(
        got.iter()
            .any(|(_, m)| m.contains("`contributions.wtc` is not a question id")),
        "{got:?}"
    );
}

#[test]
fn the_built_in_figures_load_from_a_directory_too() {
    assert!(check_with("figures/lel.toml", ToString::to_string).is_empty());
}
