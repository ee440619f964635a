//! Fuzzing the content loader with proptest (no nightly toolchain here for cargo-fuzz): random
//! edits to the real files and arbitrary bytes give a located error or a valid load, never a
//! panic or a hang. Inputs that once found bugs are kept in `tests/cases/fuzz_content/` and
//! replayed first.

use std::path::Path;

use esa_interview::content::{self, embedded::EMBEDDED};
use proptest::prelude::*;

/// One edit a person (or a bad disk) might make.
#[derive(Clone, Debug)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    DuplicateLine { line: usize },
    DeleteLine { line: usize },
    Truncate { at: usize },
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), "[\\PC\n\"'=\\[\\]{}#,.0-9a-z]{1,12}")
            .prop_map(|(at, text)| Edit::Insert { at, text }),
        any::<usize>().prop_map(|line| Edit::DuplicateLine { line }),
        any::<usize>().prop_map(|line| Edit::DeleteLine { line }),
        any::<usize>().prop_map(|at| Edit::Truncate { at }),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    let mut i = at % (text.len() + 1);
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, edit: &Edit) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    match edit {
        Edit::Delete { at, len } => {
            let a = boundary(text, *at);
            let b = boundary(text, (a + len).min(text.len()));
            format!("{}{}", &text[..a], &text[b.max(a)..])
        }
        Edit::Insert { at, text: t } => {
            let a = boundary(text, *at);
            format!("{}{t}{}", &text[..a], &text[a..])
        }
        Edit::DuplicateLine { line } if !lines.is_empty() => {
            let i = line % lines.len();
            let mut out: Vec<&str> = lines.clone();
            out.insert(i, lines[i]);
            out.concat()
        }
        Edit::DeleteLine { line } if !lines.is_empty() => {
            let i = line % lines.len();
            lines
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, l)| *l)
                .collect()
        }
        Edit::Truncate { at } => text[..boundary(text, *at)].to_string(),
        _ => text.to_string(),
    }
}

/// Loads with one file replaced and checks every problem is located inside that file.
fn check(file_index: usize, broken: &str) {
    let (path, _) = EMBEDDED[file_index];
    let entries: Vec<(&str, &str)> = EMBEDDED
        .iter()
        .map(|(p, t)| if *p == path { (*p, broken) } else { (*p, *t) })
        .collect();
    if let Err(problems) = content::load_texts(&entries) {
        assert!(!problems.is_empty());
        let line_count = broken.lines().count().max(1) + 1;
        for p in &problems {
            assert!(p.line >= 1 && p.column >= 1, "{p}");
            if p.file.contains(path) {
                assert!(
                    p.line <= line_count,
                    "{p} is past the end of a {line_count}-line file"
                );
            }
            assert!(
                !p.message.trim().is_empty(),
                "an empty message for {}",
                p.file
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn edited_content_gives_located_errors_never_a_panic(file in 0..EMBEDDED.len(), edits in proptest::collection::vec(edit_strategy(), 1..5)) {
        let mut text = EMBEDDED[file].1.to_string();
        for e in &edits {
            text = apply(&text, e);
        }
        check(file, &text);
    }

    #[test]
    fn arbitrary_text_gives_an_error_never_a_panic(file in 0..EMBEDDED.len(), text in "\\PC{0,400}") {
        check(file, &text);
    }
}

#[test]
fn inputs_that_found_bugs_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/fuzz_content");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        // Each file is named <content file with / as __>__<anything>.toml
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let target = name
            .split("__")
            .take_while(|p| !p.starts_with("case"))
            .collect::<Vec<_>>()
            .join("/");
        let index = EMBEDDED
            .iter()
            .position(|(p, _)| *p == target)
            .unwrap_or_else(|| panic!("{name}: no content file {target}"));
        check(index, &std::fs::read_to_string(&path).unwrap());
        n += 1;
    }
    assert!(n > 0, "the regression corpus is empty");
}
