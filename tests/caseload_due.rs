//! The caseload: `due` lists every session's next deadline, soonest first, with the step, the
//! last day, the days left and the status in words; each entry is the step the session's own
//! timeline (`assess --json`, which renders the same evaluation as its routes screen) gives,
//! with the same day and status. Calendar exports parse back as iCalendar and carry the
//! reference and the rule only. Output into a closed pipe ends quietly with status 0. Every run
//! is given `--now`: the days left never move with the wall clock.
#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

use icalendar::Component;

use serde_json::Value;

/// The moment every run takes as now: Tuesday 8 December 2026.
const NOW: &str = "2026-12-08T10:00:00";

/// A private, fictional note: it must never reach a calendar or the `due` listing.
const NOTE: &str = "Fictional note: cannot walk 50 metres without stopping.";

/// A private sessions folder, as the program makes its own (others' access is refused).
fn folder() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    tmp
}

fn session(dir: &Path, id: &str, reference: &str, decision: &str) {
    let text = format!(
        "format = 1\nreference = \"{reference}\"\nchanged = 2026-12-01T09:00:00\n\
         [claimant]\n[decision]\n{decision}\n[notes.general]\ntext = \"{NOTE}\"\n"
    );
    std::fs::write(dir.join(format!("{id}.toml")), text).unwrap();
}

/// The folder of the tests: England and Wales and Scotland, due soon, open, late-open,
/// long passed, not started and damaged.
fn caseload(dir: &Path) {
    let ew = "jurisdiction = \"england-and-wales\"";
    let sc = "jurisdiction = \"scotland\"";
    session(
        dir,
        "0000000a",
        "Test claimant A",
        &format!("decision_date = 2026-11-20\n{ew}"),
    );
    session(
        dir,
        "0000000b",
        "Test claimant B",
        &format!("decision_date = 2026-10-01\n{ew}"),
    );
    session(
        dir,
        "0000000c",
        "Test claimant C",
        &format!("decision_date = 2026-11-10\n{sc}"),
    );
    session(
        dir,
        "0000000d",
        "Test claimant D",
        &format!("decision_date = 2026-09-01\nmr_notice_date = 2026-11-15\n{sc}"),
    );
    session(
        dir,
        "0000000e",
        "Test claimant E",
        &format!("decision_date = 2024-01-10\nmr_notice_date = 2024-03-01\n{ew}"),
    );
    session(dir, "0000000f", "Test claimant F", "");
    std::fs::write(dir.join("00000bad.toml"), "format = 1\nreference = \n").unwrap();
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_esa-interview"))
        .args(["--now", NOW])
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn due_json(dir: &Path, within: &str) -> Vec<Value> {
    let out = run(dir, &["due", "--format", "json", "--within", within]);
    serde_json::from_str::<Value>(&stdout(&out))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// `assess --json` of one session file: its whole timeline.
fn timeline(dir: &Path, id: &str) -> Vec<Value> {
    let file = dir.join(format!("{id}.toml"));
    let out = run(dir, &["assess", "--json", file.to_str().unwrap()]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    v["deadlines"]["steps"].as_array().unwrap().clone()
}

#[test]
fn due_lists_each_next_deadline_soonest_first_as_its_own_timeline_gives_it() {
    let tmp = folder();
    caseload(tmp.path());
    let due = due_json(tmp.path(), "28");
    let row = |d: &Value| {
        (
            d["id"].as_str().unwrap().to_string(),
            d["step"].as_str().unwrap().to_string(),
            d["last_day"].as_str().map(str::to_string),
            d["days_left"].as_i64(),
            d["status"].as_str().unwrap().to_string(),
        )
    };
    let got: Vec<_> = due.iter().map(row).collect();
    let want = |id: &str, step: &str, day: &str, left: i64, status: &str| {
        (
            id.to_string(),
            step.to_string(),
            Some(day.to_string()),
            Some(left),
            status.to_string(),
        )
    };
    // Worked by hand: one month from the decision (no move to a working day for a
    // reconsideration, D&A Regs 2013 reg 5); one month from the MR notice for an appeal
    // (Tribunal Procedure Rules r.22), 15 December 2026 being a Tuesday.
    assert_eq!(
        got[..3],
        [
            want(
                "0000000c",
                "mandatory-reconsideration",
                "2026-12-10",
                2,
                "due-soon"
            ),
            want("0000000d", "appeal", "2026-12-15", 7, "due-soon"),
            want(
                "0000000a",
                "mandatory-reconsideration",
                "2026-12-20",
                12,
                "ok"
            ),
        ]
    );
    // B's month has passed: the late route (13 months) is what is open now, 11 months away,
    // so beyond 28 days it is not listed; nor are E (long passed), F (no dates) or the
    // damaged file.
    assert_eq!(got.len(), 3, "{got:?}");
    for d in &due {
        assert!(
            d["reference"]
                .as_str()
                .unwrap()
                .starts_with("Test claimant ")
        );
        assert!(d["title"].as_str().is_some_and(|t| !t.is_empty()));
    }

    let all = due_json(tmp.path(), "1000");
    let ids: Vec<&str> = all.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["0000000e", "0000000c", "0000000d", "0000000a", "0000000b"],
        "passed first (E's late appeal), then by last day"
    );
    let b = &all[4];
    assert_eq!(b["step"], "late-mandatory-reconsideration");
    assert_eq!(b["status"], "ok");
    let e = &all[0];
    assert_eq!(e["step"], "late-appeal");
    assert_eq!(e["status"], "passed");
    assert!(e["days_left"].as_i64().unwrap() < -28);

    // Each entry is the session's own timeline's step: same day, days left and status.
    for d in &all {
        let id = d["id"].as_str().unwrap();
        let steps = timeline(tmp.path(), id);
        let step = steps
            .iter()
            .find(|s| s["id"] == d["step"])
            .unwrap_or_else(|| panic!("{id}: {} not in its timeline", d["step"]));
        for key in ["last_day", "days_left", "status"] {
            assert_eq!(step[key], d[key], "{id}: {key}");
        }
    }
}

#[test]
fn due_in_words_gives_the_weekday_days_left_and_status_and_nothing_private() {
    let tmp = folder();
    caseload(tmp.path());
    let text = stdout(&run(tmp.path(), &["due"]));
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("ID ") && lines[0].contains("DAYS LEFT"),
        "{text}"
    );
    assert!(lines[1].contains("Test claimant C"), "{text}");
    assert!(lines[1].contains("Thu 10 Dec 2026"), "{text}");
    assert!(lines[1].contains("2 days"), "{text}");
    assert!(lines[1].contains("DUE SOON"), "{text}");
    assert!(
        lines[3].contains("Sun 20 Dec 2026") && lines[3].contains("OPEN"),
        "{text}"
    );
    assert_eq!(lines.len(), 4, "{text}");
    assert!(!text.contains("Fictional note"), "{text}");

    let passed = stdout(&run(tmp.path(), &["due", "--within", "1000"]));
    let e = passed
        .lines()
        .find(|l| l.contains("Test claimant E"))
        .unwrap();
    assert!(e.contains("PASSED") && e.contains("days ago"), "{passed}");

    let none = folder();
    session(none.path(), "00000001", "Test claimant Z", "");
    let said = stdout(&run(none.path(), &["due"]));
    assert_eq!(
        said.trim(),
        "No deadline within 28 days (or passed in the last 28) among 1 session."
    );
}

fn events(ics: &str) -> Vec<icalendar::Event> {
    let cal: icalendar::Calendar = ics.parse().expect("an iCalendar file");
    cal.components
        .into_iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

#[test]
fn the_calendar_exports_parse_back_with_all_day_events_on_each_last_day() {
    let tmp = folder();
    caseload(tmp.path());
    let ics = stdout(&run(tmp.path(), &["due", "--format", "ics"]));
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(!ics.contains("Fictional note"), "{ics}");
    let evs = events(&ics);
    assert_eq!(evs.len(), 3, "{ics}");
    let first = &evs[0];
    assert_eq!(
        first.get_start(),
        Some(icalendar::DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()
        ))
    );
    assert_eq!(
        first.get_end(),
        Some(icalendar::DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 12, 11).unwrap()
        ))
    );
    let summary = first.get_summary().unwrap();
    assert!(summary.contains("Test claimant C"), "{summary}");
    assert!(
        summary.to_lowercase().contains("reconsideration"),
        "{summary}"
    );
    assert_eq!(
        first.get_uid(),
        Some("0000000c-mandatory-reconsideration@esa-interview")
    );
    assert!(first.get_description().unwrap().contains("reg"), "{ics}");

    // One session's export: both limits still to come (the month and the late 13 months).
    let one = stdout(&run(tmp.path(), &["export", "0000000a", "--format", "ics"]));
    let steps: Vec<String> = events(&one)
        .iter()
        .map(|e| e.get_uid().unwrap().to_string())
        .collect();
    assert_eq!(
        steps,
        [
            "0000000a-mandatory-reconsideration@esa-interview",
            "0000000a-late-mandatory-reconsideration@esa-interview"
        ]
    );
    assert!(!one.contains("Fictional note"), "{one}");
    // The same run on the same clock gives the same file.
    assert_eq!(
        one,
        stdout(&run(tmp.path(), &["export", "0000000a", "--format", "ics"]))
    );
}

#[test]
fn a_reader_that_closes_the_pipe_ends_list_due_and_export_quietly() {
    let tmp = folder();
    caseload(tmp.path());
    for args in [
        &["list"][..],
        &["due", "--within", "1000"],
        &["export", "0000000a", "--format", "text"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_esa-interview"))
            .args(["--now", NOW])
            .arg("--data-dir")
            .arg(tmp.path())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the program writes: every write meets a closed pipe.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn the_index_is_rebuilt_when_damaged_and_follows_every_change() {
    let tmp = folder();
    caseload(tmp.path());
    let index = tmp.path().join("caseload.index");
    let before = due_json(tmp.path(), "1000");
    assert!(!index.exists(), "a small folder is read without an index");
    // Enough sessions without a decision to be worth an index.
    for n in 0..64 {
        session(tmp.path(), &format!("1{n:07x}"), "Test claimant N", "");
    }
    assert_eq!(due_json(tmp.path(), "1000"), before);
    assert!(
        index.is_file(),
        "the first listing of a large folder writes the index"
    );
    std::fs::write(&index, "garbage\tnot\tan index\n\u{0}\u{1}").unwrap();
    assert_eq!(
        due_json(tmp.path(), "1000"),
        before,
        "a damaged index is rebuilt"
    );

    // A session changed after it was indexed is read again.
    session(
        tmp.path(),
        "0000000a",
        "Test claimant A",
        "decision_date = 2026-12-01\njurisdiction = \"england-and-wales\"\nmr_notice_date = 2026-12-03",
    );
    let after = due_json(tmp.path(), "1000");
    let a = after.iter().find(|d| d["id"] == "0000000a").unwrap();
    assert_eq!(a["step"], "appeal");
    assert_eq!(a["last_day"], "2027-01-04", "3 January 2027 is a Sunday");

    // A deleted session leaves the listing.
    std::fs::remove_file(tmp.path().join("0000000b.toml")).unwrap();
    let ids: Vec<String> = due_json(tmp.path(), "1000")
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!ids.contains(&"0000000b".to_string()), "{ids:?}");
    let list = stdout(&run(tmp.path(), &["list"]));
    assert!(
        list.contains("00000bad") && list.contains("cannot be read"),
        "{list}"
    );
}
