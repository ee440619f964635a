//! The command line as a user meets it outside the interview: `--help` with examples and exit
//! statuses, the manual page and the completion scripts generated from the clap definition,
//! the exit statuses the help promises, and commands that only read creating nothing.
#![cfg(unix)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clap::{CommandFactory, Parser};
use esa_interview::cli::{Cli, EXAMPLES, EXIT_STATUSES};

const BIN: &str = env!("CARGO_BIN_EXE_esa-interview");
const NOW: &str = "2026-11-25T10:30:00";

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(["--now", NOW])
        .args(args)
        .env_remove("ESA_INTERVIEW_DATA_DIR")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The names of the subcommands a user is told about (not the packagers' `manpage`).
fn visible_subcommands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect()
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/assess/fifteen-points.toml")
}

#[test]
fn long_help_shows_the_examples_and_every_exit_status() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    let help = stdout(&out);
    let examples = help.find("Examples:").expect("--help has examples");
    let statuses = help
        .find("Exit status:")
        .expect("--help has the exit statuses");
    assert!(examples < statuses);
    for (command, what) in EXAMPLES {
        assert!(help.contains(command) && help.contains(what), "{command}");
    }
    for (code, lines) in EXIT_STATUSES {
        assert!(help.contains(&format!("  {code} ")), "exit status {code}");
        assert!(lines.iter().all(|l| help.contains(l)), "exit status {code}");
    }
    for line in help[examples..].lines() {
        assert!(
            line.chars().count() <= 80,
            "the examples and statuses fit 80 columns: {line}"
        );
    }
    let short = stdout(&run(&["-h"]));
    assert!(!short.contains("Exit status:"), "-h stays a summary");
}

#[test]
fn every_example_is_a_command_line_the_program_accepts() {
    for (command, _) in EXAMPLES {
        let words: Vec<&str> = command
            .split(">>")
            .next()
            .unwrap()
            .split_whitespace()
            .collect();
        assert_eq!(words[0], "esa-interview");
        if let Err(e) = Cli::try_parse_from(&words) {
            panic!("the example `{command}` does not parse: {e}");
        }
    }
}

/// Each status the help names is one the program really gives, from the case named.
#[test]
fn the_documented_exit_statuses_are_the_ones_the_program_gives() {
    let documented: BTreeSet<&str> = EXIT_STATUSES.iter().map(|(c, _)| *c).collect();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("sessions");
    let data = data.to_str().unwrap();
    let missing = dir.path().join("no-such-file.toml");
    let cases: [(&[&str], i32); 7] = [
        (&["--version"], 0),
        (&["check-content"], 0),
        (&["assess", missing.to_str().unwrap()], 1),
        (&["--data-dir", data, "export", "NO-SUCH-REF"], 1),
        (&["--no-such-option"], 2),
        (&["--data-dir", data, "purge", "--older-than", "soon"], 2),
        (&["--data-dir", data, "--today", "2026-02-30", "list"], 2),
    ];
    for (args, want) in cases {
        let got = run(args)
            .status
            .code()
            .expect("an exit status, not a signal");
        assert_eq!(got, want, "esa-interview {}", args.join(" "));
        assert!(documented.contains(want.to_string().as_str()), "{want}");
    }
    assert!(documented.contains("128+N") && documented.contains("101"));
}

#[test]
fn the_manual_page_has_every_command_the_examples_and_the_exit_statuses() {
    let out = run(&["manpage", "--date", "2026-12-01"]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(
        page.contains(".TH ESA-INTERVIEW 1 \"2026-12-01\" \"esa-interview "),
        "title line: {}",
        page.lines()
            .find(|l| l.starts_with(".TH"))
            .unwrap_or("none")
    );
    let sections: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .collect();
    assert_eq!(
        sections,
        [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "COMMANDS",
            "EXAMPLES",
            "\"EXIT STATUS\"",
            "ENVIRONMENT",
            "FILES",
            "VERSION"
        ]
    );
    assert_eq!(page.matches(".ie \\n(.g").count(), 1, "one roff preamble");
    // roff escapes hyphens; read the page with them plain.
    let plain = page.replace("\\-", "-");
    for sub in visible_subcommands() {
        assert!(
            plain.contains(&format!("esa-interview {sub}")),
            "the page has `{sub}`"
        );
    }
    assert!(
        !plain.contains("esa-interview manpage"),
        "not the packagers' command"
    );
    assert!(!plain.contains("--now") && !plain.contains("--today"));
    let examples = &plain[plain.find(".SH EXAMPLES").unwrap()..];
    for (command, _) in EXAMPLES {
        assert!(examples.contains(command), "example {command}");
    }
    let statuses = &plain[plain.find(".SH \"EXIT STATUS\"").unwrap()..];
    for (code, _) in EXIT_STATUSES {
        assert!(
            statuses.contains(&format!("\\fB{code}\\fR")),
            "status {code}"
        );
    }
    assert!(plain.contains("One of: markdown, text, json, ics."));
}

#[test]
fn each_completion_script_offers_every_command_and_nothing_hidden() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = stdout(&out);
        for sub in visible_subcommands() {
            assert!(script.contains(&sub), "{shell} completes `{sub}`");
        }
        for hidden in ["manpage", "--now", "--today"] {
            assert!(!script.contains(hidden), "{shell} offers {hidden}");
        }
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

/// What bash offers after the words typed so far (the last may be empty).
fn bash_offers(script: &Path, words: &[&str]) -> Vec<String> {
    let words_q: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let prev = if cword > 0 { words[cword - 1] } else { "" };
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; \
         _esa__interview esa-interview '{}' '{prev}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words_q.join(" "),
        words[cword]
    );
    let out = Command::new("bash")
        .args(["-c", &program])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out).lines().map(str::to_string).collect()
}

#[test]
fn bash_completes_commands_their_options_and_their_values() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("esa-interview.bash");
    std::fs::write(&script, run(&["completions", "bash"]).stdout).unwrap();
    assert_eq!(bash_offers(&script, &["esa-interview", "ex"]), ["export"]);
    let purge = bash_offers(&script, &["esa-interview", "purge", "--"]);
    assert!(purge.contains(&"--older-than".to_string()), "{purge:?}");
    assert!(purge.contains(&"--dry-run".to_string()), "{purge:?}");
    assert_eq!(
        bash_offers(&script, &["esa-interview", "export", "C-1", "--format", ""]),
        ["markdown", "text", "json", "ics"]
    );
    assert_eq!(
        bash_offers(&script, &["esa-interview", "due", "--format", ""]),
        ["text", "json", "ics"]
    );
    let shells = bash_offers(&script, &["esa-interview", "completions", ""]);
    assert!(
        ["bash", "zsh", "fish"]
            .iter()
            .all(|s| shells.contains(&s.to_string()))
    );
}

/// Every file and folder under `dir`, relative to it.
fn everything_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap().map(Result::unwrap) {
            found.push(e.path().strip_prefix(dir).unwrap().to_path_buf());
            if e.file_type().unwrap().is_dir() {
                todo.push(e.path());
            }
        }
    }
    found
}

#[test]
fn commands_that_only_read_make_no_folder_and_write_nothing() {
    let root = tempfile::tempdir().unwrap();
    let home = root.path().join("home");
    let xdg = root.path().join("xdg-data");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&xdg).unwrap();
    let sessions = root.path().join("must-not-appear");
    let cwd = root.path().join("cwd");
    std::fs::create_dir_all(&cwd).unwrap();
    let fixture = fixture();
    let fixture = fixture.to_str().unwrap();
    let runs: [&[&str]; 9] = [
        &["assess", fixture],
        &["assess", fixture, "--json"],
        &["check-content"],
        &[
            "check-content",
            concat!(env!("CARGO_MANIFEST_DIR"), "/content"),
        ],
        &["--help"],
        &["-h"],
        &["--version"],
        &["completions", "bash"],
        &["manpage"],
    ];
    let in_env = |args: &[&str]| {
        Command::new(BIN)
            .args(["--now", NOW])
            .args(args)
            .current_dir(&cwd)
            .env("HOME", &home)
            .env("XDG_DATA_HOME", &xdg)
            .env("ESA_INTERVIEW_DATA_DIR", &sessions)
            .output()
            .unwrap()
    };
    for args in runs {
        let out = in_env(args);
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(
            !sessions.exists(),
            "`{}` made the sessions folder",
            args.join(" ")
        );
        for dir in [&home, &xdg, &cwd] {
            let made = everything_under(dir);
            assert!(made.is_empty(), "`{}` wrote {made:?}", args.join(" "));
        }
    }
    // The folder is the one the program would use: `list` makes it.
    assert!(in_env(&["list"]).status.success());
    assert!(sessions.is_dir(), "list uses ESA_INTERVIEW_DATA_DIR");
}
