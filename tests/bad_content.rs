//! Every kind of content mistake gives a clear message with file, line and column: each case in
//! `tests/cases/bad_content.toml` breaks a copy of the built-in content in one place and checks
//! what `check-content` reports, through the library and through the binary.

use std::path::Path;
use std::process::Command;

use esa_interview::content;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    file: String,
    find: String,
    replace: String,
    message: String,
    at: Option<String>,
    line: Option<usize>,
}

fn copy_content(to: &Path) {
    for rel in content::all_files() {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content")
            .join(rel);
        let dest = to.join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(from, dest).unwrap();
    }
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cases/bad_content.toml"
    ))
    .unwrap();
    toml::from_str::<File>(&text).unwrap().case
}

/// Breaks the copy; returns the expected line (1 when `at` is not given).
fn break_copy(dir: &Path, case: &Case) -> usize {
    let path = dir.join(&case.file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(&case.find),
        "{}: `find` text not in {}",
        case.name,
        case.file
    );
    let broken = text.replacen(&case.find, &case.replace, 1);
    std::fs::write(&path, &broken).unwrap();
    if let Some(line) = case.line {
        return line;
    }
    case.at.as_ref().map_or(1, |at| {
        let offset = broken
            .find(at.as_str())
            .unwrap_or_else(|| panic!("{}: `at` text not in the broken file", case.name));
        broken[..offset].matches('\n').count() + 1
    })
}

#[test]
fn the_corpus_has_at_least_fifty_kinds_of_mistake() {
    assert!(cases().len() >= 50, "{} cases", cases().len());
}

#[test]
fn the_built_in_content_is_valid_on_disk_too() {
    let dir = tempfile::tempdir().unwrap();
    copy_content(dir.path());
    let loaded = content::load_dir(dir.path());
    assert!(loaded.is_ok(), "{:?}", loaded.err());
}

#[test]
fn every_broken_file_gives_a_located_message() {
    let mut failures = Vec::new();
    for case in cases() {
        let dir = tempfile::tempdir().unwrap();
        copy_content(dir.path());
        let line = break_copy(dir.path(), &case);
        let Err(problems) = content::load_dir(dir.path()) else {
            failures.push(format!("{}: loaded without a problem", case.name));
            continue;
        };
        let file_ok = |p: &&content::diag::Diagnostic| p.file.ends_with(&case.file);
        let hit = problems
            .iter()
            .filter(file_ok)
            .find(|p| p.message.contains(&case.message) && p.line == line);
        if hit.is_none() {
            let got: Vec<String> = problems.iter().map(ToString::to_string).collect();
            failures.push(format!(
                "{}: want `{}` at line {line} of {}; got:\n    {}",
                case.name,
                case.message,
                case.file,
                got.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn check_content_exits_1_and_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    copy_content(dir.path());
    let case = cases()
        .into_iter()
        .find(|c| c.name.starts_with("points the schedule"))
        .unwrap();
    let line = break_copy(dir.path(), &case);
    let out = Command::new(env!("CARGO_BIN_EXE_esa-interview"))
        .args(["--now", "2026-11-25T10:30:00", "check-content"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let want = format!("wca/schedule2.toml:{line}:");
    assert!(
        stdout.contains(&want) && stdout.contains("7 points is not allowed"),
        "{stdout}"
    );
    let ok = Command::new(env!("CARGO_BIN_EXE_esa-interview"))
        .args(["--now", "2026-11-25T10:30:00", "check-content"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    copy_content(dir.path());
    std::fs::remove_file(dir.path().join("wca/routes.toml")).unwrap();
    let problems = content::load_dir(dir.path()).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.file.ends_with("wca/routes.toml") && p.message.contains("missing file")),
        "{problems:?}"
    );
}

#[test]
fn problems_in_several_files_are_all_reported() {
    let dir = tempfile::tempdir().unwrap();
    copy_content(dir.path());
    let all = cases();
    let a = all
        .iter()
        .find(|c| c.name.starts_with("unknown key"))
        .unwrap();
    let b = all
        .iter()
        .find(|c| c.name.starts_with("a required route renamed"))
        .unwrap();
    break_copy(dir.path(), a);
    break_copy(dir.path(), b);
    let problems = content::load_dir(dir.path()).unwrap_err();
    assert!(problems.iter().any(|p| p.message.contains("pionts")));
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("treated.terminal-illness"))
    );
}
