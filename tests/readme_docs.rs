//! The README cannot drift from the program. Its key table is the command table's own
//! Markdown; every key and plain-mode word it names in backticks is one the program knows;
//! every `esa-interview` command and `--flag` it shows is declared on the command line; every
//! environment variable it names is one the program reads; every file and folder it names
//! exists; and its transcript excerpt is part of `screenshots/plain-transcript.txt` (which
//! `readme_screenshots.rs` keeps current). `UPDATE_README=1 cargo test --test readme_docs`
//! rewrites the key table from the command table.

use std::path::Path;

use clap::CommandFactory;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use esa_interview::cli::Cli;
use esa_interview::interview::commands::{self, COMMANDS};
use esa_interview::tui::keymap;

const KEYS_BEGIN: &str = "<!-- keys:begin -->\n";
const KEYS_END: &str = "<!-- keys:end -->";

/// The command line as clap builds it, with the `--help` and `--version` it adds.
fn cli() -> clap::Command {
    let mut cli = Cli::command();
    cli.build();
    cli
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// The text of the `## heading` section, up to the next `## ` heading.
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("the README has no section ## {heading}"));
    let body = &text[start + 1..];
    let end = body[3..].find("\n## ").map_or(body.len(), |e| e + 3);
    &body[..end]
}

/// Inline code spans (`like this`) and the lines of fenced and indented code blocks.
fn code(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut spans, mut lines) = (Vec::new(), Vec::new());
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if fenced || line.starts_with("    ") && !line.trim_start().starts_with('-') {
            lines.push(line.trim().to_string());
        } else {
            spans.extend(line.split('`').skip(1).step_by(2).map(str::to_string));
        }
    }
    (spans, lines)
}

#[test]
fn the_key_table_is_the_command_table() {
    let text = readme();
    let table = commands::markdown_table();
    let (Some(b), Some(e)) = (text.find(KEYS_BEGIN), text.find(KEYS_END)) else {
        panic!("the README needs the markers {KEYS_BEGIN:?} and {KEYS_END:?}");
    };
    let inside = &text[b + KEYS_BEGIN.len()..e];
    if std::env::var_os("UPDATE_README").is_some() {
        let new = format!("{}{table}{}", &text[..b + KEYS_BEGIN.len()], &text[e..]);
        std::fs::write(root().join("README.md"), new).unwrap();
        return;
    }
    assert_eq!(
        inside, table,
        "the README's key table differs from interview::commands: \
         run UPDATE_README=1 cargo test --test readme_docs"
    );
}

/// The key event a key name stands for, for keys the command table does not name.
fn edit_key(name: &str) -> Option<KeyEvent> {
    let code = match name {
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        _ => return None,
    };
    Some(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn every_key_the_keys_section_names_is_one_the_program_knows() {
    let text = readme();
    let (spans, _) = code(section(&text, "Keys"));
    assert!(spans.len() > 20, "the keys section names the keys");
    for span in spans {
        let known = commands::by_key(&span).is_some()
            || plain_command(&span)
            || edit_key(&span).is_some_and(|ev| keymap::edit_key(&ev).is_some());
        assert!(
            known,
            "the README's keys section names `{span}`, which no key does"
        );
    }
}

/// A plain-mode command as typed: a word from the command table, with an argument if it takes
/// one.
fn plain_command(span: &str) -> bool {
    let mut words = span.split_whitespace();
    let Some(c) = words.next().and_then(commands::by_word) else {
        return false;
    };
    words.next().is_none() || c.arg.is_some()
}

#[test]
fn every_command_and_label_the_plain_section_names_is_said_or_understood() {
    let text = readme();
    let transcript = std::fs::read_to_string(root().join("screenshots/plain-transcript.txt"))
        .expect("the transcript");
    let (spans, _) = code(section(&text, "The plain-text mode"));
    let answers = ["y", "n", "yes", "no", "clear", "0"];
    for span in spans {
        let understood = plain_command(&span)
            || answers.contains(&span.as_str())
            || span.starts_with("--")
            || span.starts_with("esa-interview")
            || span.contains('=')
            || span.chars().all(|c| c.is_ascii_uppercase() || c == '_')
            || transcript.contains(&span);
        assert!(
            understood,
            "the README's plain-text section names `{span}`: neither a command, an answer, \
             nor something the transcript says"
        );
    }
    for c in COMMANDS.iter().filter(|c| !c.words.is_empty()) {
        assert!(
            section(&text, "The plain-text mode").contains(&format!("`{}", c.words[0])),
            "the plain-text section does not list the command `{}`",
            c.words[0]
        );
    }
}

/// Checks one command line's arguments against clap's definition; returns the problem.
fn check_args(args: &[&str]) -> Result<(), String> {
    let cli = cli();
    let mut sub: Option<&clap::Command> = None;
    let mut i = 0;
    while i < args.len() {
        let cmd = sub.unwrap_or(&cli);
        let a = args[i].trim_matches(['[', ']', '"', '\'']);
        if let Some(long) = a.strip_prefix("--") {
            let long = long.split('=').next().unwrap_or_default();
            let arg = cmd
                .get_arguments()
                .chain(cli.get_arguments())
                .find(|x| x.get_long() == Some(long))
                .ok_or(format!("--{long} is not an option of `{}`", cmd.get_name()))?;
            if arg.get_action().takes_values() && !a.contains('=') {
                i += 1;
            }
        } else if let Some(short) = a.strip_prefix('-').and_then(|s| s.chars().next()) {
            cmd.get_arguments()
                .find(|x| x.get_short() == Some(short))
                .ok_or(format!("-{short} is not an option of `{}`", cmd.get_name()))?;
            i += 1;
        } else if sub.is_none() && a != "..." {
            sub = Some(
                cli.find_subcommand(a)
                    .ok_or(format!("`{a}` is not a command of esa-interview"))?,
            );
        }
        i += 1;
    }
    Ok(())
}

/// The arguments given to esa-interview on a line of code, if the line runs it: the program
/// comes first (after any `VAR=value`, `sudo` or `env`), or after `cargo run ... --`.
fn program_args(line: &str) -> Option<Vec<&str>> {
    let line = line.split(['|', ';', '#', '>', '<']).next()?;
    let words: Vec<&str> = line.split_whitespace().collect();
    let first = words
        .iter()
        .position(|w| !w.contains('=') && !["sudo", "env", "exec"].contains(w))?;
    if words[first].ends_with("esa-interview") {
        return Some(words[first + 1..].to_vec());
    }
    if words[first..].starts_with(&["cargo", "run"]) {
        let dashes = words.iter().position(|w| *w == "--")?;
        return Some(words[dashes + 1..].to_vec());
    }
    None
}

#[test]
fn every_command_and_option_the_readme_shows_exists() {
    let text = readme();
    let (spans, lines) = code(&text);
    let mut checked = 0;
    for line in spans.iter().chain(&lines) {
        let line = line.replace('\\', "");
        if let Some(args) = program_args(&line) {
            if let Err(e) = check_args(&args) {
                panic!("the README shows `{line}`: {e}");
            }
            checked += 1;
        } else if line.starts_with("--") {
            let flag = line.split_whitespace().next().unwrap_or_default();
            let long = flag.trim_start_matches('-');
            let cli = cli();
            let known = cli
                .get_arguments()
                .chain(cli.get_subcommands().flat_map(clap::Command::get_arguments))
                .any(|a| a.get_long() == Some(long));
            assert!(
                known,
                "the README names `{flag}`, which esa-interview does not have"
            );
            checked += 1;
        }
    }
    assert!(
        checked > 15,
        "the README shows its commands ({checked} found)"
    );
}

#[test]
fn the_checker_refuses_what_does_not_exist() {
    assert!(check_args(&["resume", "REF"]).is_ok());
    assert!(check_args(&["--plain", "resume", "REF"]).is_ok());
    assert!(check_args(&["export", "REF", "--format", "text", "-o", "x"]).is_ok());
    assert!(check_args(&["lists"]).is_err());
    assert!(check_args(&["purge", "--older", "24m"]).is_err());
    assert!(check_args(&["list", "--json"]).is_err());
    assert!(
        program_args("cargo run --release -- check-content content")
            == Some(vec!["check-content", "content"])
    );
    assert!(program_args("cargo test").is_none());
    assert!(program_args("sudo cp target/release/esa-interview /usr/local/bin/").is_none());
    assert!(program_args("NO_COLOR=1 esa-interview") == Some(vec![]));
}

#[test]
fn every_environment_variable_the_readme_names_is_one_the_program_reads() {
    let text = readme();
    let known = [
        esa_interview::app::PLAIN_ENV,
        esa_interview::store::DATA_DIR_ENV,
        esa_interview::app::NOW_ENV,
    ];
    for (i, _) in text.match_indices("ESA_INTERVIEW_") {
        let name: String = text[i..]
            .chars()
            .take_while(|c| c.is_ascii_uppercase() || *c == '_')
            .collect();
        assert!(known.contains(&name.as_str()), "the README names {name}");
    }
}

/// Files the README names before they land: the Robustness section's campaign script.
const BEING_WRITTEN: &[&str] = &["scripts/campaign.sh"];

#[test]
fn every_file_and_folder_the_readme_names_exists() {
    let text = readme();
    let (spans, lines) = code(&text);
    let link_targets = text
        .split("](")
        .skip(1)
        .filter_map(|s| s.split(')').next())
        .map(str::to_string);
    let prefixes = [
        "content/",
        "docs/",
        "scripts/",
        "screenshots/",
        "tests/",
        "src/",
        "bench/",
    ];
    let mut checked = 0;
    for item in spans.iter().chain(&lines).cloned().chain(link_targets) {
        for word in item.split_whitespace() {
            let word = word.split(':').next().unwrap_or_default();
            let word = word.trim_end_matches([',', '.', ')']);
            if !prefixes.iter().any(|p| word.starts_with(p)) || BEING_WRITTEN.contains(&word) {
                continue;
            }
            // A glob names its folder.
            let path = word.split('*').next().unwrap_or(word);
            assert!(
                root().join(path).exists(),
                "the README names {word}, which is not in the repository"
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "the README names its files ({checked} found)");
}

#[test]
fn the_transcript_excerpt_is_part_of_the_transcript() {
    let text = readme();
    let begin = text
        .find("<!-- transcript:begin -->")
        .expect("the excerpt's start marker");
    let end = text
        .find("<!-- transcript:end -->")
        .expect("the excerpt's end marker");
    let transcript = std::fs::read_to_string(root().join("screenshots/plain-transcript.txt"))
        .expect("the transcript");
    let all: Vec<&str> = transcript.lines().collect();
    let (_, lines) = code(&text[begin..end]);
    let mut from = 0;
    for part in lines.split(|l| l == "...") {
        let at = (from..all.len())
            .find(|&i| all[i..].starts_with(&part.iter().map(String::as_str).collect::<Vec<_>>()))
            .unwrap_or_else(|| {
                panic!(
                    "these lines of the README's excerpt are not in the transcript:\n{}",
                    part.join("\n")
                )
            });
        from = at + part.len();
    }
}
