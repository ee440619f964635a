//! The sessions folder in one process: every field survives a save and a read, files are
//! private, a damaged or newer file is reported with file, line and field and never
//! overwritten, references resolve (or say they are shared), and thousands of sessions list fast.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Instant;

use chrono::{NaiveDate, NaiveDateTime};
use esa_interview::content::date::{Date, Stamp};
use esa_interview::content::money::Pounds;
use esa_interview::interview::Session;
use esa_interview::interview::session::{
    AnswerValue, Claimant, ContributionYear, Decision, Note, Position, WcaChoices,
};
use esa_interview::rules::money::Money;
use esa_interview::store::{Access, Store, StoreError};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, 30, 0).unwrap()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let (store, warnings) = Store::open(&dir.path().join("sessions")).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    (dir, store)
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A session with every field of the format set, with awkward text.
fn everything(reference: &str) -> Session {
    let d = |y, m, dd| Some(Date(day(y, m, dd)));
    Session {
        format: 1,
        reference: reference.into(),
        interview_date: d(2026, 5, 20),
        created: Some(Stamp(at(2026, 5, 20, 9))),
        changed: None,
        claimant: Claimant {
            date_of_birth: d(1980, 5, 17),
            claim_date: d(2026, 3, 10),
            incapacity_start: d(2026, 3, 2),
        },
        answers: BTreeMap::from([
            ("status.ssp".into(), AnswerValue::Bool(false)),
            ("status.children".into(), AnswerValue::Number(2)),
            ("status.pension".into(), AnswerValue::Money(Pounds(Money(1_234_567)))),
            ("status.ssp_end".into(), AnswerValue::Date(Date(day(2026, 2, 28)))),
            ("residency.country".into(), AnswerValue::Text("england".into())),
            ("residency.free".into(), AnswerValue::Text("2026-01-01 is not a date here".into())),
            ("residency.reasons".into(), AnswerValue::List(vec!["a".into(), "b".into()])),
            ("residency.none".into(), AnswerValue::List(vec![])),
        ]),
        wca: WcaChoices {
            descriptors: vec!["lcw.1.b".into(), "lcw.1.a".into(), "lcwra.1".into()],
            exceptional: vec!["treated.terminal-illness".into()],
        },
        contributions: vec![
            ContributionYear {
                tax_year: "2023-24".into(),
                class1_weeks: Some(52),
                class1_earnings: None,
                class2_weeks: None,
                credited_weeks: Some(0),
            },
            ContributionYear {
                tax_year: "2024-25".into(),
                class1_weeks: Some(30),
                class1_earnings: Some(Pounds(Money(900_001))),
                class2_weeks: Some(3),
                credited_weeks: Some(22),
            },
        ],
        decision: Decision {
            decision_date: d(2026, 5, 11),
            reasons_requested: d(2026, 5, 20),
            reasons_provided: d(2026, 6, 1),
            mr_notice_date: d(2026, 7, 1),
            jurisdiction: Some("scotland".into()),
            tribunal_decision_date: d(2026, 9, 1),
            tribunal_reasons_sent: d(2026, 9, 15),
            permission_refused_date: d(2026, 10, 1),
        },
        notes: BTreeMap::from([
            ("general".into(), Note { text: "Line one.\nLine \"two\" with ''' and \"\"\" and \\ and # and [x].\n\n  indented".into(), changed: Some(Stamp(at(2026, 5, 20, 10))) }),
            ("lcw.1".into(), Note { text: "Stops after 20 metres: pain £ é 日本".into(), changed: None }),
        ]),
        position: Position {
            step: Some("lcw.1".into()),
            history: Vec::new(),
        },
    }
}

#[test]
fn every_field_survives_a_save_and_a_read() {
    let (_tmp, store) = store();
    let mut h = store
        .create(
            "Test claimant A, \"quoted\" [1]",
            day(2026, 5, 20),
            at(2026, 5, 20, 9),
        )
        .unwrap();
    h.session = everything(&h.session.reference);
    h.save(at(2026, 5, 20, 11)).unwrap();
    let first = std::fs::read_to_string(h.path()).unwrap();
    let id = h.id.clone();
    let saved = h.session.clone();
    drop(h);
    let mut again = store.open_session(&id, Access::ReadWrite).unwrap();
    assert_eq!(again.session, saved);
    assert_eq!(again.session.changed, Some(Stamp(at(2026, 5, 20, 11))));
    again.save(at(2026, 5, 20, 11)).unwrap();
    let second = std::fs::read_to_string(again.path()).unwrap();
    assert_eq!(first, second, "reading and saving again changes nothing");
    assert!(first.starts_with("# esa-interview session file (format 1)"));
}

#[test]
fn the_folder_and_every_file_are_private() {
    let (_tmp, store) = store();
    assert_eq!(mode(store.dir()), 0o700);
    let h = store
        .create("Test claimant B", day(2026, 5, 20), at(2026, 5, 20, 9))
        .unwrap();
    assert_eq!(mode(h.path()), 0o600);
    assert_eq!(mode(&store.dir().join(format!("{}.lock", h.id))), 0o600);
    let path = esa_interview::report::export_to_file(
        &store,
        &h.id,
        &h.session,
        &esa_interview::content::load_embedded(),
        day(2026, 5, 20),
        esa_interview::cli::Format::Text,
    )
    .unwrap();
    assert_eq!(mode(&store.exports_dir()), 0o700);
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn a_folder_others_can_read_gets_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("shared");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (_, warnings) = Store::open(&dir).unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("chmod 700"), "{}", warnings[0]);
}

#[test]
fn file_names_carry_no_claimant_data() {
    let (_tmp, store) = store();
    let h = store
        .create("Jane Example", day(2026, 5, 20), at(2026, 5, 20, 9))
        .unwrap();
    for entry in std::fs::read_dir(store.dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_lowercase();
        assert!(
            !name.contains("jane") && !name.contains("example"),
            "{name}"
        );
    }
    assert!(h.id.chars().all(|c| c.is_ascii_hexdigit()), "{}", h.id);
}

/// (what is wrong, the file's text, the line and words the message must carry)
const DAMAGED: &[(&str, &str, usize, &[&str])] = &[
    (
        "impossible date",
        "format = 1\nreference = \"x\"\n[claimant]\ndate_of_birth = 1980-02-30\n",
        4,
        &["claimant.date_of_birth"],
    ),
    (
        "unknown field",
        "format = 1\n[claimant]\nclaim_dte = 2026-03-10\n",
        3,
        &["claimant.claim_dte", "unknown field"],
    ),
    (
        "weeks as text",
        "format = 1\n[[contributions]]\ntax_year = \"2023-24\"\n[[contributions]]\ntax_year = \"2024-25\"\nclass1_weeks = \"x\"\n",
        6,
        &["contributions[2].class1_weeks"],
    ),
    (
        "not TOML",
        "format = 1\nreference = \"unterminated\n",
        2,
        &[],
    ),
    (
        "bad jurisdiction",
        "format = 1\n[decision]\njurisdiction = \"wales\"\n",
        3,
        &["decision.jurisdiction", "england-and-wales"],
    ),
    (
        "bad tax year",
        "format = 1\n[[contributions]]\ntax_year = \"2024-26\"\n",
        3,
        &["contributions[1].tax_year", "2024-25"],
    ),
    (
        "too many weeks",
        "format = 1\n[[contributions]]\ntax_year = \"2024-25\"\nclass2_weeks = 54\n",
        3,
        &["contributions[1].class2_weeks", "53"],
    ),
    ("format as text", "format = \"one\"\n", 1, &["format"]),
    ("empty", "", 1, &["format: missing"]),
    (
        "no format",
        "reference = \"x\"\n[claimant]\n",
        1,
        &["format: missing"],
    ),
];

#[test]
fn a_damaged_file_names_file_line_and_field_and_is_never_overwritten() {
    let (_tmp, store) = store();
    let good = store
        .create("Test claimant C", day(2026, 5, 20), at(2026, 5, 20, 9))
        .unwrap();
    drop(good);
    for (i, (what, text, line, words)) in DAMAGED.iter().enumerate() {
        let id = format!("damaged{i}");
        let path = store.path_of(&id);
        std::fs::write(&path, text).unwrap();
        for access in [Access::ReadWrite, Access::ReadOnly] {
            match store.open_session(&id, access) {
                Err(StoreError::Damaged {
                    file,
                    line: l,
                    message,
                }) => {
                    assert!(file.ends_with(&format!("{id}.toml")), "{what}: {file}");
                    assert_eq!(l, *line, "{what}: {message}");
                    for w in *words {
                        assert!(message.contains(w), "{what}: `{message}` lacks `{w}`");
                    }
                }
                other => panic!("{what}: expected damaged, got {other:?}"),
            }
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            *text,
            "{what}: file unchanged"
        );
        assert!(
            !store.dir().join(format!("{id}.lock")).exists(),
            "{what}: no lock left"
        );
    }
    let listed = store.list();
    assert_eq!(
        listed.len(),
        DAMAGED.len() + 1,
        "the others are still listed"
    );
    assert!(
        listed
            .iter()
            .any(|s| s.reference == "Test claimant C" && s.problem.is_none())
    );
}

#[test]
fn a_file_from_a_newer_format_is_refused_and_left_alone() {
    let (_tmp, store) = store();
    let text = "format = 2\nreference = \"x\"\n[something_new]\nfield = 1\n";
    std::fs::write(store.path_of("newer"), text).unwrap();
    let err = store.open_session("newer", Access::ReadWrite).unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(err, StoreError::NewerFormat { found: 2, .. }),
        "{message}"
    );
    assert!(
        message.contains("newer esa-interview") && message.contains("format 1"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(store.path_of("newer")).unwrap(),
        text
    );
    let listed = store.list();
    assert!(
        listed[0]
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("format 2"))
    );
}

#[test]
fn a_new_session_never_replaces_an_existing_file() {
    let (_tmp, store) = store();
    let mut ids = std::collections::BTreeSet::new();
    for n in 0..50 {
        let h = store
            .create(
                &format!("Test claimant {n}"),
                day(2026, 5, 20),
                at(2026, 5, 20, 9),
            )
            .unwrap();
        assert!(ids.insert(h.id.clone()), "id {} given twice", h.id);
    }
    assert_eq!(store.list().len(), 50);
}

#[test]
fn resume_by_reference_finds_one_and_lists_a_shared_reference() {
    let (_tmp, store) = store();
    let a = store
        .create("Test claimant D", day(2026, 5, 1), at(2026, 5, 1, 9))
        .unwrap();
    let b = store
        .create("test claimant d ", day(2026, 5, 2), at(2026, 5, 2, 9))
        .unwrap();
    let c = store
        .create("Test claimant E", day(2026, 5, 3), at(2026, 5, 3, 9))
        .unwrap();
    assert_eq!(store.resolve("TEST CLAIMANT E").unwrap(), c.id);
    assert_eq!(store.resolve(&a.id).unwrap(), a.id, "an id always works");
    let err = store.resolve("Test claimant D").unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(&err, StoreError::Ambiguous(s) if s.len() == 2),
        "{message}"
    );
    assert!(
        message.contains(&a.id) && message.contains(&b.id),
        "{message}"
    );
    assert!(
        !message.to_lowercase().contains("claimant d"),
        "no reference in the message: {message}"
    );
    assert_eq!(
        store.find("Test claimant D"),
        Some(b.id.clone()),
        "most recent first"
    );
    assert!(matches!(
        store.resolve("nobody"),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn the_list_is_newest_first_and_filters_as_you_type() {
    let (_tmp, store) = store();
    for (r, d) in [
        ("Test claimant F", 3),
        ("REF-2041", 5),
        ("Test claimant G", 4),
    ] {
        store.create(r, day(2026, 5, d), at(2026, 5, d, 9)).unwrap();
    }
    let list = store.list();
    let refs: Vec<&str> = list.iter().map(|s| s.reference.as_str()).collect();
    assert_eq!(refs, ["REF-2041", "Test claimant G", "Test claimant F"]);
    let hits: Vec<&str> = list
        .iter()
        .filter(|s| s.matches("claimant g"))
        .map(|s| s.reference.as_str())
        .collect();
    assert_eq!(hits, ["Test claimant G"]);
    assert_eq!(list.iter().filter(|s| s.matches("")).count(), 3);
    assert_eq!(
        list.iter().filter(|s| s.matches("ref 9999")).count(),
        0,
        "every word must match"
    );
    assert_eq!(
        list.iter().filter(|s| s.matches("2041 ref")).count(),
        1,
        "words in any order"
    );
    assert_eq!(list.iter().filter(|s| s.matches("ref-20")).count(), 1);
}

#[test]
fn deleting_removes_the_session_and_its_exports() {
    let (_tmp, store) = store();
    let h = store
        .create("Test claimant H", day(2026, 5, 20), at(2026, 5, 20, 9))
        .unwrap();
    let id = h.id.clone();
    let content = esa_interview::content::load_embedded();
    let export = esa_interview::report::export_to_file(
        &store,
        &id,
        &h.session,
        &content,
        day(2026, 5, 20),
        esa_interview::cli::Format::Markdown,
    )
    .unwrap();
    assert!(
        matches!(store.delete(&id), Err(StoreError::Locked { .. })),
        "not while open"
    );
    drop(h);
    store.delete(&id).unwrap();
    assert!(!store.path_of(&id).exists() && !export.exists());
    assert!(store.list().is_empty());
    assert!(matches!(store.delete(&id), Err(StoreError::NotFound(_))));
    assert!(matches!(
        store.open_session("../etc/passwd", Access::ReadOnly),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn ten_thousand_sessions_list_and_a_damaged_body_is_listed_as_damaged() {
    let (_tmp, store) = store();
    let body = format!(
        "[notes.general]\ntext = \"\"\"\n{}\"\"\"\n",
        "A long note line.\n".repeat(50)
    );
    for n in 0..10_000u32 {
        let text = format!(
            "format = 1\nreference = \"Test claimant {n}\"\nchanged = 2026-01-01T{:02}:{:02}:{:02}\n{body}",
            n / 3600 % 24,
            n / 60 % 60,
            n % 60
        );
        std::fs::write(store.dir().join(format!("{n:08x}.toml")), text).unwrap();
    }
    std::fs::write(store.dir().join("badbody.toml"), "format = 1\nreference = \"Test claimant body\"\nchanged = 2025-01-01T00:00:00\n[claimant]\nthis is not toml\n").unwrap();
    let start = Instant::now();
    let list = store.list();
    let took = start.elapsed();
    assert_eq!(list.len(), 10_001);
    let damaged: Vec<&str> = list
        .iter()
        .filter(|s| s.problem.is_some())
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        damaged,
        ["badbody"],
        "a damaged body is listed as damaged, as open finds it"
    );
    assert_eq!(list[0].reference, "Test claimant 9999");
    // Listed again, the files are not read: the folder's index answers for them.
    let start = Instant::now();
    assert_eq!(store.list(), list);
    let again = start.elapsed();
    eprintln!("listed again from the index in {again:?}");
    assert!(took.as_secs() < 10, "listing 10,000 sessions took {took:?}");
    eprintln!("listed 10,000 sessions in {took:?}");
}

/// Every key of a file with every field set, as dotted paths (`claimant.date_of_birth`).
fn keys(table: &toml::Table, prefix: &str, out: &mut Vec<String>) {
    for (k, v) in table {
        let path = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) if prefix != "answers" && prefix != "notes" => {
                keys(t, &path, out);
            }
            toml::Value::Array(items) if k == "contributions" => {
                for item in items {
                    if let toml::Value::Table(t) = item {
                        keys(t, &path, out);
                    }
                }
            }
            _ => out.push(path),
        }
    }
}

#[test]
fn the_format_document_describes_every_field_and_its_examples_read() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/session-format.md"
    ))
    .unwrap();
    let text = esa_interview::store::to_text(&everything("Test claimant Z")).unwrap();
    let table: toml::Table = text.parse().unwrap();
    let mut all = Vec::new();
    keys(&table, "", &mut all);
    let fields: std::collections::BTreeSet<String> = all
        .iter()
        .filter(|p| {
            !p.starts_with("answers.")
                && !p.starts_with("notes.general")
                && !p.starts_with("notes.lcw")
        })
        .map(|p| p.rsplit('.').next().unwrap().to_string())
        .collect();
    for field in &fields {
        assert!(
            doc.contains(&format!("`{field}`")),
            "docs/session-format.md does not describe `{field}`"
        );
    }
    let blocks: Vec<&str> = doc
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert!(blocks.len() >= 3);
    for block in blocks {
        let whole = if block.contains("format = ") {
            block.to_string()
        } else {
            format!("format = 1\n{block}")
        };
        let session = esa_interview::store::read::parse(&whole, "example");
        assert!(
            session.is_ok(),
            "an example in the document does not read: {session:?}\n{block}"
        );
    }
}
