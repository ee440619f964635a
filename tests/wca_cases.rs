//! Runs the worked cases in `tests/cases/wca.toml` against the built-in content: each case is a
//! statement of law with the descriptors and routes chosen and what the law gives.

use esa_interview::content;
use esa_interview::rules::wca::assess;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    descriptors: Vec<String>,
    #[serde(default)]
    routes: Vec<String>,
    expect: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    physical: u32,
    mental: u32,
    total: u32,
    lcw: bool,
    lcwra: bool,
    group: String,
    #[serde(default)]
    not_counting: Option<Vec<String>>,
}

#[test]
fn every_worked_case_scores_as_the_law_says() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/wca.toml"))
            .unwrap();
    let file: File = toml::from_str(&text).unwrap();
    let content = content::load_embedded();
    let mut failures = Vec::new();
    for case in &file.case {
        let a = match assess(&content.wca.scheme, &case.descriptors, &case.routes) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{}: {e}", case.name));
                continue;
            }
        };
        let e = &case.expect;
        let got = (
            a.physical,
            a.mental,
            a.total,
            a.lcw_met(),
            a.lcwra_met(),
            a.group.as_str(),
        );
        let want = (
            e.physical,
            e.mental,
            e.total,
            e.lcw,
            e.lcwra,
            e.group.as_str(),
        );
        if got != want {
            failures.push(format!("{}:\n  got  {got:?}\n  want {want:?}", case.name));
        }
        if let Some(expected) = &e.not_counting {
            let mut ids: Vec<&str> = a
                .activities
                .iter()
                .flat_map(|s| &s.not_counting)
                .map(|n| n.id.as_str())
                .collect();
            let mut want: Vec<&str> = expected.iter().map(String::as_str).collect();
            ids.sort_unstable();
            want.sort_unstable();
            if ids != want {
                failures.push(format!(
                    "{}: not counting {ids:?}, want {want:?}",
                    case.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        file.case.len(),
        failures.join("\n")
    );
}
