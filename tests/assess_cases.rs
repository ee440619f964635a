//! Runs the worked cases in `tests/cases/assess/cases.toml` through the real binary:
//! `esa-interview assess FILE --json` (and without `--json` where a case lists `says`). Each
//! case is a session file, most written by hand with only the fields its outcome needs, and the
//! outcome the law gives. See the comment at the top of cases.toml to add one.

use std::path::{Path, PathBuf};
use std::process::Command;

use esa_interview::content;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    file: String,
    expect: Option<toml::Table>,
    #[serde(default)]
    null: Vec<String>,
    #[serde(default)]
    says: Vec<String>,
    error: Option<Vec<String>>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/assess")
}

fn assess(file: &Path, json: bool) -> (bool, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_esa-interview"));
    cmd.args(["--now", "2026-11-25T10:30:00", "assess"])
        .arg(file);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

/// Every key in `want` is in `got` with the same value (objects compared key by key, arrays
/// item by item).
fn contains(want: &serde_json::Value, got: &serde_json::Value, at: &str) -> Result<(), String> {
    match (want, got) {
        (serde_json::Value::Object(w), serde_json::Value::Object(g)) => {
            w.iter().try_for_each(|(k, v)| {
                let here = format!("{at}.{k}");
                contains(v, g.get(k).ok_or_else(|| format!("{here} missing"))?, &here)
            })
        }
        // Arrays match item by item, each item as an object does: keys added to the contract
        // later do not break a case written before them.
        (serde_json::Value::Array(w), serde_json::Value::Array(g)) if w.len() == g.len() => w
            .iter()
            .zip(g)
            .enumerate()
            .try_for_each(|(i, (w, g))| contains(w, g, &format!("{at}[{i}]")))
            .map_err(|e| format!("{e} (in {at}: want {want}, got {got})")),
        _ if want == got => Ok(()),
        _ => Err(format!("{at}: want {want}, got {got}")),
    }
}

fn check(case: &Case) -> Result<(), String> {
    let file = dir().join(&case.file);
    let (ok, stdout, stderr) = assess(&file, true);
    if let Some(words) = &case.error {
        if ok {
            return Err(format!("succeeded, but should fail with {words:?}"));
        }
        return match words.iter().find(|w| !stderr.contains(*w)) {
            Some(w) => Err(format!("the message lacks `{w}`: {stderr}")),
            None => Ok(()),
        };
    }
    if !ok {
        return Err(format!("failed: {stderr}"));
    }
    let got: serde_json::Value =
        serde_json::from_str(&stdout).map_err(|e| format!("{e}: {stdout}"))?;
    for key in ["lcw", "lcwra", "group", "contribution", "deadlines"] {
        got.get(key)
            .ok_or_else(|| format!("key `{key}` missing: {stdout}"))?;
    }
    if let Some(expect) = &case.expect {
        contains(&serde_json::to_value(expect).unwrap(), &got, "")?;
    }
    for key in &case.null {
        match got.pointer(&format!("/{}", key.replace('.', "/"))) {
            Some(serde_json::Value::Null) => {}
            other => return Err(format!("`{key}` should be null: {other:?}")),
        }
    }
    let (_, sentences, _) = assess(&file, false);
    match case.says.iter().find(|w| !sentences.contains(w.as_str())) {
        Some(w) => Err(format!("the sentences lack `{w}`:\n{sentences}")),
        None => Ok(()),
    }
}

#[test]
fn every_worked_case_gives_the_outcome_the_law_gives() {
    let text = std::fs::read_to_string(dir().join("cases.toml")).unwrap();
    let cases: Cases = toml::from_str(&text).unwrap();
    let (mut ran, mut failures) = (0, Vec::new());
    for case in &cases.case {
        ran += 1;
        if let Err(e) = check(case) {
            failures.push(format!("{} ({}): {e}", case.name, case.file));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(ran >= 15, "only {ran} cases ran");
}

#[test]
fn a_session_saved_by_the_program_assesses_as_its_tally_shows() {
    let content = content::load_embedded();
    let tmp = tempfile::tempdir().unwrap();
    let (store, _) = esa_interview::store::Store::open(tmp.path()).unwrap();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 5, 20)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let mut h = store.create("Test claimant Q", now.date(), now).unwrap();
    for id in content.wca.schedule2.activities[0]
        .descriptors
        .iter()
        .take(2)
        .map(|d| d.id.clone())
    {
        esa_interview::interview::update(
            &mut h.session,
            esa_interview::interview::Action::Toggle(id),
            &content,
        );
    }
    h.save(now).unwrap();
    let tally = esa_interview::interview::evaluate(&h.session, &content, now.date())
        .wca
        .tally;
    let (ok, stdout, stderr) = assess(h.path(), true);
    assert!(ok, "{stderr}");
    let got: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(got["lcw"]["total"], tally.total);
    assert_eq!(got["lcw"]["met"], tally.lcw_met);
    assert_eq!(got["group"], tally.group.as_str());
}

/// Every key path in a JSON value: `lcw.physical`, `deadlines.steps[].id`.
fn key_paths(v: &serde_json::Value, at: &str, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                let here = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                out.insert(here.clone());
                key_paths(v, &here, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                key_paths(item, &format!("{at}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn docs_assess_json_describes_every_key_assess_prints_and_no_other() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/assess-json.md"))
            .unwrap();
    let documented: std::collections::BTreeSet<String> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`').map(|(k, _)| k.to_string()))
        .collect();
    let mut printed = std::collections::BTreeSet::new();
    for file in [
        "issue-example.toml",
        "fifteen-points.toml",
        "lcw-risk-route.toml",
    ] {
        let (ok, stdout, stderr) = assess(&dir().join(file), true);
        assert!(ok, "{stderr}");
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        key_paths(&v, "", &mut printed);
    }
    // The counted activities' own keys are named in the row for `lcw.counted`.
    printed.retain(|k| !k.starts_with("lcw.counted[]."));
    let undocumented: Vec<&String> = printed.difference(&documented).collect();
    let unknown: Vec<&String> = documented.difference(&printed).collect();
    assert!(
        undocumented.is_empty() && unknown.is_empty(),
        "keys printed but not in docs/assess-json.md: {undocumented:?}; \
         keys in the doc that assess does not print: {unknown:?}"
    );
}
