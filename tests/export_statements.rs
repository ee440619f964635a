//! Exports: the Markdown and text statements and the JSON export of one fictional session, as
//! snapshots (re-accept with `cargo insta review` when content wording changes), plus checks
//! drawn from the content itself: every descriptor claimed appears with its activity, its
//! words and the adviser's reason; and the shell command writes a private file.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use chrono::NaiveDate;
use esa_interview::cli::Format;
use esa_interview::content::date::{Date, Stamp};
use esa_interview::content::money::Pounds;
use esa_interview::content::{self, Content};
use esa_interview::interview::Session;
use esa_interview::interview::session::{ContributionYear, Note};
use esa_interview::report::{self, statement::NO_REASON};
use esa_interview::rules::money::Money;
use esa_interview::store::Store;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 6, 1)
}

fn note(text: &str) -> Note {
    Note {
        text: text.into(),
        changed: None,
    }
}

/// Test claimant X: the first activity's two highest descriptors (a reason given), its
/// Schedule 3 mirror, one route (no reason given), an NI record and a decision.
fn fixture(content: &Content) -> Session {
    let act = &content.wca.schedule2.activities[0];
    let mirror = content.wca.lcwra_mirroring(&act.id).unwrap();
    let mut s = Session::new("Test claimant X", day(2026, 5, 20));
    s.created = Some(Stamp(day(2026, 5, 20).and_hms_opt(9, 0, 0).unwrap()));
    s.claimant.date_of_birth = Some(Date(day(1980, 5, 17)));
    s.claimant.claim_date = Some(Date(day(2026, 3, 10)));
    s.wca.descriptors = vec![
        act.descriptors[1].id.clone(),
        act.descriptors[0].id.clone(),
        mirror.descriptors[0].id.clone(),
    ];
    s.wca.exceptional = vec!["treated.cancer-treatment".into()];
    s.contributions = vec![
        ContributionYear {
            tax_year: "2023-24".into(),
            class1_weeks: Some(52),
            ..ContributionYear::default()
        },
        ContributionYear {
            tax_year: "2024-25".into(),
            class1_weeks: Some(30),
            class1_earnings: Some(Pounds(Money(900_000))),
            class2_weeks: Some(0),
            credited_weeks: Some(0),
        },
    ];
    s.decision.decision_date = Some(Date(day(2026, 5, 11)));
    s.decision.reasons_requested = Some(Date(day(2026, 5, 20)));
    s.decision.jurisdiction = Some("england-and-wales".into());
    s.notes = BTreeMap::from([
        (
            act.id.clone(),
            note(
                "She has to stop after about 20 metres because of pain in both knees.\nAfter a rest of ten minutes she cannot do it again; her GP letter of 3 April says so.",
            ),
        ),
        (
            "general".into(),
            note("Attended with her sister, who helped with dates. *Not* a [link]."),
        ),
        (
            "status".into(),
            note("Claimant is not getting Statutory Sick Pay."),
        ),
    ]);
    s
}

#[test]
fn the_statements_and_json_match_their_snapshots() {
    let content = content::load_embedded();
    let s = fixture(&content);
    insta::assert_snapshot!(
        "markdown",
        report::render(&s, &content, today(), Format::Markdown)
    );
    insta::assert_snapshot!("text", report::render(&s, &content, today(), Format::Text));
    insta::assert_snapshot!("json", report::render(&s, &content, today(), Format::Json));
}

#[test]
fn each_descriptor_claimed_appears_with_its_activity_words_and_reason() {
    let content = content::load_embedded();
    let s = fixture(&content);
    let act = &content.wca.schedule2.activities[0];
    let (counted, lower) = (&act.descriptors[0], &act.descriptors[1]);
    let (para, sg) = content.wca.lcwra_descriptor(&s.wca.descriptors[2]).unwrap();
    for format in [Format::Markdown, Format::Text] {
        let out = report::render(&s, &content, today(), format);
        let flat = out
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('\\', "");
        let has =
            |what: &str| flat.contains(&what.split_whitespace().collect::<Vec<_>>().join(" "));
        for needed in [
            act.title.as_str(),
            counted.text.as_str(),
            "She has to stop after about 20 metres",
            "her GP letter of 3 April says so.",
            &act.source.cite(),
            sg.text.as_str(),
            para.title.as_str(),
            NO_REASON,
            "Attended with her sister",
            "Test claimant X",
            "Monday 1 June 2026",
            "2024-25",
        ] {
            assert!(has(needed), "{format:?} lacks `{needed}`:\n{out}");
        }
        assert!(
            has(&format!("{}({})", act.number, lower.letter)),
            "{format:?}: the lower descriptor is named as not counted"
        );
    }
    let text = report::render(&s, &content, today(), Format::Text);
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= 76 || !l.trim().contains(' ')),
        "text is wrapped at 76"
    );
    let md = report::render(&s, &content, today(), Format::Markdown);
    assert!(
        md.contains("\\*Not\\* a \\[link\\]"),
        "the adviser's text is escaped in Markdown"
    );
}

#[test]
fn the_json_export_holds_everything_with_the_assess_keys() {
    let content = content::load_embedded();
    let s = fixture(&content);
    let out = report::render(&s, &content, today(), Format::Json);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in [
        "lcw",
        "lcwra",
        "group",
        "contribution",
        "deadlines",
        "activities",
        "support_group",
        "answers",
        "notes",
        "decision",
        "contributions",
    ] {
        assert!(v.get(key).is_some(), "no `{key}`");
    }
    let act = &content.wca.schedule2.activities[0];
    assert_eq!(v["lcw"]["total"], act.descriptors[0].points);
    assert_eq!(v["activities"][0]["id"], act.id.as_str());
    assert_eq!(
        v["activities"][0]["descriptors"].as_array().unwrap().len(),
        2
    );
    assert!(
        v["activities"][0]["note"]
            .as_str()
            .unwrap()
            .starts_with("She has to stop")
    );
    assert_eq!(v["contributions"][1]["class1_earnings"], "9000.00");
    assert_eq!(v["claimant"]["date_of_birth"], "1980-05-17");
    assert_eq!(v["exported"], "2026-06-01");
}

fn binary(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_esa-interview"))
        .arg("--data-dir")
        .arg(dir)
        .args(["--now", "2026-06-01T09:00:00"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn export_from_the_shell_writes_a_private_file_or_prints() {
    let content = content::load_embedded();
    let tmp = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&tmp.path().join("s")).unwrap();
    let now = day(2026, 5, 20).and_hms_opt(9, 0, 0).unwrap();
    let mut h = store
        .create("Test claimant X", day(2026, 5, 20), now)
        .unwrap();
    h.session = fixture(&content);
    h.save(now).unwrap();
    let saved = h.session.clone();
    drop(h);
    let file = tmp.path().join("statement.txt");
    let out = binary(
        store.dir(),
        &[
            "export",
            "test claimant x",
            "--format",
            "text",
            "--output",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        report::render(&saved, &content, today(), Format::Text)
    );
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let out = binary(
        store.dir(),
        &["export", "Test claimant X", "--format", "json"],
    );
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok());

    store
        .create("Test claimant X", day(2026, 5, 21), now)
        .unwrap();
    let out = binary(store.dir(), &["export", "Test claimant X"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("2 sessions have that reference"), "{err}");
    let out = binary(store.dir(), &["export", "Nobody"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_deadline_due_soon_or_passed_is_the_first_thing_in_every_statement() {
    let content = content::load_embedded();
    let mut session = Session::new("Test claimant W", day(2026, 11, 20));
    session.decision.decision_date = Some(Date(day(2026, 10, 30)));
    session.decision.jurisdiction = Some("england-and-wales".into());
    for (today, word) in [
        (day(2026, 11, 25), "DUE SOON"),
        (day(2026, 12, 2), "PASSED"),
    ] {
        for format in [Format::Markdown, Format::Text] {
            let out = report::render(&session, &content, today, format);
            let warning = out
                .find(word)
                .unwrap_or_else(|| panic!("no {word} in:\n{out}"));
            let summary = out.find("Summary").unwrap();
            assert!(
                warning < summary,
                "the warning comes after the summary:\n{out}"
            );
            assert!(out.contains("Monday 30 November 2026"), "{out}");
        }
    }
    let calm = report::render(&session, &content, day(2026, 11, 1), Format::Markdown);
    assert!(!calm.contains("Deadlines needing action now"), "{calm}");
}
