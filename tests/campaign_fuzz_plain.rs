//! Campaign 2, the plain mode's parser (proptest: no nightly toolchain here for cargo-fuzz).
//! Arbitrary bytes go through `plain::input::Lines` (reading typed lines) and arbitrary text
//! through `plain::input::classify` (command or answer), the "go" target parser, and every
//! question's answer parser by way of the engine's `update`: never a panic or a hang, a line
//! never keeps a control character, a command is only ever a word of the command table, and
//! whatever an answer puts in the session is saved and read back unchanged. Lines that found
//! bugs are kept in tests/cases/fuzz_plain/ (one input per line) and replayed first.

mod campaign_common;

use std::path::Path;

use esa_interview::interview::action::ContributionField;
use esa_interview::interview::answer::{parse_date, parse_yes_no};
use esa_interview::interview::step::parse_target;
use esa_interview::interview::{Action, Session, update};
use esa_interview::plain::input::{Input, Lines, classify};
use esa_interview::store::purge::parse_period;
use esa_interview::store::{read, to_text};
use proptest::prelude::*;

use campaign_common::{CHARS, cases, clock, content, record, today};

/// Classifies a line both ways and checks what comes back.
fn check_classify(line: &str) {
    for yes_no in [false, true] {
        match classify(line, yes_no) {
            Input::Empty => assert!(line.trim().is_empty()),
            Input::Text(t) => assert_eq!(t, line.trim()),
            Input::Command(c, arg) => {
                let word = line.split_whitespace().next().unwrap().to_lowercase();
                assert!(
                    c.words.contains(&word.as_str()),
                    "{word:?} is not a word of {:?}",
                    c.id
                );
                assert!(
                    arg.is_none() || c.arg.is_some(),
                    "an argument for {:?}",
                    c.id
                );
            }
        }
    }
}

/// Gives the text as an answer to every question, every NI field, a note and the reference,
/// and checks the session still saves and reads back unchanged.
fn check_answers(text: &str) {
    let c = content();
    let _ = parse_target(text, &c);
    let _ = parse_yes_no(text);
    if let Ok(d) = parse_date(text) {
        assert!(
            esa_interview::content::date::writable(d),
            "{text:?} gave {d}"
        );
    }
    let _ = parse_period(text);
    let mut s = Session::new("Test claimant Z", today());
    let mut actions: Vec<Action> = c
        .questions
        .questions
        .iter()
        .map(|q| Action::Answer {
            question: q.id.clone(),
            text: text.to_string(),
        })
        .collect();
    actions.extend(
        ContributionField::ALL
            .into_iter()
            .map(|field| Action::Contribution {
                tax_year: "2024-25".into(),
                field,
                text: text.to_string(),
            }),
    );
    actions.push(Action::Note {
        key: "general".into(),
        text: text.to_string(),
        at: clock(),
    });
    actions.push(Action::Reference(text.to_string()));
    for a in actions {
        update(&mut s, a, &c);
    }
    let saved = to_text(&s).unwrap_or_else(|e| panic!("{text:?} made the session unsavable: {e}"));
    let back = read::parse(&saved, "saved.toml")
        .unwrap_or_else(|e| panic!("{text:?} made a file that does not read: {e}\n{saved}"));
    assert_eq!(back, s, "{text:?} did not survive a save");
}

/// Reads lines from bytes and checks none keeps a control character.
fn check_lines(bytes: &[u8]) {
    let mut lines = Lines::new(bytes);
    let mut n = 0;
    while let Some(line) = lines.next_line().unwrap() {
        assert!(!line.chars().any(char::is_control), "{line:?}");
        n += 1;
    }
    let breaks = bytes.split(|b| *b == b'\n').count() - 1;
    let tail = usize::from(!bytes.is_empty() && bytes.last() != Some(&b'\n'));
    assert_eq!(n, breaks + tail, "every line is read once");
}

fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(proptest::sample::select(CHARS), 0..40)
            .prop_map(|cs| cs.into_iter().collect::<String>()),
        "\\PC{0,40}",
        "-?[0-9]{1,22}(\\.[0-9]{0,3})?",
        "[+-]?[0-9]{1,6}[-/. ][0-9]{1,3}[-/. ][+-]?[0-9]{1,6}",
        "(go|g|export|help|n|s|y|no|clear|tally) ?[0-9a-z.]{0,6}",
    ]
}

#[test]
fn typed_text_is_classified_answered_and_saved_never_a_panic() {
    let config = ProptestConfig {
        cases: cases(60),
        ..ProptestConfig::default()
    };
    let n = config.cases;
    proptest!(config, |(text in typed())| {
        check_classify(&text);
        check_answers(&text);
    });
    record("fuzz_plain_text", &[("cases", u64::from(n))]);
}

#[test]
fn arbitrary_bytes_read_as_lines_without_control_characters() {
    let config = ProptestConfig {
        cases: cases(300),
        ..ProptestConfig::default()
    };
    let n = config.cases;
    proptest!(config, |(bytes in proptest::collection::vec(any::<u8>(), 0..400))| {
        check_lines(&bytes);
        for line in String::from_utf8_lossy(&bytes).split('\n') {
            check_classify(line);
        }
    });
    record("fuzz_plain_bytes", &[("cases", u64::from(n))]);
}

#[test]
fn inputs_that_found_bugs_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/fuzz_plain");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        check_lines(&bytes);
        for line in String::from_utf8_lossy(&bytes).lines() {
            check_classify(line);
            check_answers(line);
            n += 1;
        }
    }
    assert!(n > 0, "the regression corpus is empty");
}
