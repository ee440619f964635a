//! Retention: `purge --older-than 24m` deletes sessions unchanged for 24 months (with their
//! exports) and says which by id and date only; a dry run deletes nothing; a session open in
//! another process or a file that cannot be read is kept and reported. The boundary: last
//! changed exactly at the cut-off is purged, a second later is kept.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

use chrono::{Months, NaiveDateTime};
use esa_interview::store::{Access, Store};

fn session(dir: &Path, id: &str, reference: &str, changed: NaiveDateTime) {
    let text = format!(
        "format = 1\nreference = \"{reference}\"\nchanged = {}\n[claimant]\n",
        changed.format("%Y-%m-%dT%H:%M:%S")
    );
    std::fs::write(dir.join(format!("{id}.toml")), text).unwrap();
}

/// The moment every run here takes as now, so the cut-off never moves with the wall clock.
const NOW: &str = "2030-06-15T10:30:00";

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str(NOW, "%Y-%m-%dT%H:%M:%S").unwrap()
}

fn purge(dir: &Path, dry_run: bool) -> (bool, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_esa-interview"));
    cmd.args(["--now", NOW])
        .arg("--data-dir")
        .arg(dir)
        .args(["purge", "--older-than", "24m"]);
    if dry_run {
        cmd.arg("--dry-run");
    }
    let out = cmd.output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

#[test]
fn purge_deletes_only_sessions_unchanged_for_the_period_and_says_which() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(tmp.path()).unwrap();
    let months = |n| now().checked_sub_months(Months::new(n)).unwrap();
    session(tmp.path(), "0000old1", "Test claimant old", months(25));
    session(tmp.path(), "0000new1", "Test claimant recent", months(23));
    session(tmp.path(), "0000open", "Test claimant open", months(30));
    std::fs::write(
        tmp.path().join("0000bad1.toml"),
        "format = 1\nreference = \n",
    )
    .unwrap();
    let exports = store.create_exports_dir().unwrap();
    std::fs::write(exports.join("0000old1.md"), "an export").unwrap();
    let held = store.open_session("0000open", Access::ReadWrite).unwrap();

    let (ok, said) = purge(tmp.path(), true);
    assert!(ok, "{said}");
    assert!(
        said.contains("Would delete 1 session") && said.contains("0000old1"),
        "{said}"
    );
    assert!(
        tmp.path().join("0000old1.toml").exists(),
        "a dry run deletes nothing"
    );

    let (ok, said) = purge(tmp.path(), false);
    assert!(ok, "{said}");
    assert!(
        said.contains("Deleted 1 session") && said.contains("0000old1"),
        "{said}"
    );
    assert!(
        said.contains("open in another process") && said.contains("0000open"),
        "{said}"
    );
    assert!(
        said.contains("could not be read") && said.contains("0000bad1"),
        "{said}"
    );
    assert!(
        !said.contains("Test claimant"),
        "no claimant data in the output: {said}"
    );
    assert!(!tmp.path().join("0000old1.toml").exists());
    assert!(
        !exports.join("0000old1.md").exists(),
        "its exports go with it"
    );
    for kept in ["0000new1", "0000open", "0000bad1"] {
        assert!(
            tmp.path().join(format!("{kept}.toml")).exists(),
            "{kept} kept"
        );
    }
    drop(held);
}

#[test]
fn changed_exactly_at_the_cutoff_is_purged_and_a_second_later_is_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(tmp.path()).unwrap();
    let cutoff = chrono::NaiveDate::from_ymd_opt(2024, 5, 20)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    session(tmp.path(), "0000edge", "Test claimant edge", cutoff);
    session(
        tmp.path(),
        "0000next",
        "Test claimant next",
        cutoff + chrono::Duration::seconds(1),
    );
    let report = store.purge(cutoff, false);
    let ids: Vec<&str> = report.deleted.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["0000edge"]);
    assert_eq!(store.list().len(), 1);
}

#[test]
fn a_period_that_is_not_one_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_esa-interview"))
        .args(["--now", NOW])
        .arg("--data-dir")
        .arg(tmp.path())
        .args(["purge", "--older-than", "two years"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("24m"));
}
