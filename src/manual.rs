//! The manual page and the shell completion scripts, both generated from the clap definition
//! in `cli`, so neither can drift from the parser: `esa-interview completions SHELL` prints a
//! script, and the hidden `esa-interview manpage` prints the page that `scripts/package.sh`
//! puts in the Debian package. One page holds every command, so `man esa-interview` is the
//! whole manual. Depends on `cli`, clap_complete, clap_mangen (the standard sections) and its roff
//! (the sections clap has no notion of: commands, examples, exit status, environment, files).

use std::io::Write;

use clap::{Arg, CommandFactory};
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{self, Roff, bold, italic, roman};

use crate::app::PLAIN_ENV;
use crate::cli::{Cli, EXAMPLES, EXIT_STATUSES};
use crate::store::DATA_DIR_ENV;

/// The program's name as users type it.
const BIN: &str = "esa-interview";

/// The completion script for `shell`: the visible commands and options only.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut visible(&Cli::command()), BIN, &mut out);
    if shell == Shell::Bash {
        // clap_complete 4.6's bash script spells the state of a subcommand of a hyphenated
        // program two ways (`esa__interview__subcmd__export` where it is set,
        // `esa__subcmd__interview__subcmd__export` where it is matched), so nothing after a
        // subcommand completes (clap-rs/clap#6421). Spell the matching arms as they are set;
        // once upstream is fixed this finds nothing to change. tests/cli_docs.rs completes
        // `export C-1 --format ` in bash to check.
        let wrong = format!("{}__subcmd__", BIN.replacen('-', "__subcmd__", 1));
        let right = format!("{}__subcmd__", BIN.replace('-', "__"));
        let text = String::from_utf8_lossy(&out).replace(&wrong, &right);
        return text.into_bytes();
    }
    out
}

/// A copy of the command line without its hidden commands and options (`--now`, `manpage`):
/// clap_complete would offer them, and they are for tests and packagers, not for advisers.
fn visible(cmd: &clap::Command) -> clap::Command {
    let mut out = clap::Command::new(cmd.get_name().to_string());
    if let Some(about) = cmd.get_about() {
        out = out.about(about.clone());
    }
    if let Some(version) = cmd.get_version() {
        out = out.version(version.to_string());
    }
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        out = out.arg(arg.clone());
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        out = out.subcommand(visible(sub));
    }
    out
}

/// The manual page, section 1, in roff. `date` is the page's last change (YYYY-MM-DD): the
/// packaging script gives the last commit's, so two builds of one commit make the same page.
pub fn man_page(date: &str) -> String {
    let man = Man::new(Cli::command());
    let standard: [Section; 4] = [
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ];
    // Each of clap_mangen's sections starts with roff's preamble; the page needs it once.
    let preamble = Roff::new().render();
    // Written here, not by clap_mangen, which drops an empty date and so shifts the fields.
    let mut page = format!(
        "{preamble}.TH {} 1 \"{date}\" \"{BIN} {}\" \"User Commands\"\n",
        BIN.to_uppercase(),
        env!("CARGO_PKG_VERSION")
    );
    for render in standard {
        page += rendered(&man, render).trim_start_matches(preamble.as_str());
    }
    let mut roff = Roff::new();
    commands(&mut roff);
    examples(&mut roff);
    exit_status(&mut roff);
    environment(&mut roff);
    files(&mut roff);
    page += &roff.to_roff();
    page += rendered(&man, Man::render_version_section).trim_start_matches(preamble.as_str());
    page
}

/// One of clap_mangen's section writers.
type Section = fn(&Man, &mut dyn Write) -> std::io::Result<()>;

fn rendered(man: &Man, render: Section) -> String {
    let mut out = Vec::new();
    render(man, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("clap_mangen writes the UTF-8 it is given")
}

/// COMMANDS: each visible subcommand's usage, what it does and its own arguments.
fn commands(roff: &mut Roff) {
    roff.control("SH", ["COMMANDS"]);
    roff.text([roman(
        "With no command, the interview starts (the start screen, or the plain-text mode).",
    )]);
    for sub in Cli::command()
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
    {
        let args: Vec<&Arg> = sub.get_arguments().filter(|a| !a.is_hide_set()).collect();
        let mut usage = vec![bold(format!("{BIN} {}", sub.get_name()))];
        for arg in &args {
            usage.push(roman(" "));
            usage.extend(written(arg, Form::Usage));
        }
        roff.control("TP", []).text(usage);
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            roff.text([roman(sentence(&about.to_string()))]);
        }
        for arg in args {
            roff.control("RS", [])
                .control("TP", [])
                .text(written(arg, Form::Item));
            roff.text([roman(arg_help(arg))]).control("RE", []);
        }
    }
}

/// An argument's help as a sentence, with the values it takes and its default.
fn arg_help(arg: &Arg) -> String {
    let mut help = vec![sentence(
        &arg.get_help().map(ToString::to_string).unwrap_or_default(),
    )];
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if arg.get_action().takes_values() && arg.get_long().is_some() && !values.is_empty() {
        help.push(format!("One of: {}.", values.join(", ")));
    }
    if let Some(default) = arg.get_default_values().first() {
        help.push(format!("Default: {}.", default.to_string_lossy()));
    }
    help.join(" ")
}

/// Help text as the page prints it: Markdown's backticks dropped, ending with a full stop.
fn sentence(text: &str) -> String {
    let text = text.trim().replace('`', "");
    if text.ends_with('.') {
        text
    } else {
        format!("{text}.")
    }
}

/// Where an argument is written: in a command's usage line, or heading its own entry.
#[derive(Clone, Copy, PartialEq)]
enum Form {
    Usage,
    Item,
}

/// How an argument is written: `[--format FORMAT]` or `-o, --output FILE`; `REFERENCE`, `[DIR]`.
fn written(arg: &Arg, form: Form) -> Vec<roff::Inline> {
    let value = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
    let optional = !arg.is_required_set();
    if arg.is_positional() {
        return vec![italic(if optional {
            format!("[{value}]")
        } else {
            value
        })];
    }
    let mut out = Vec::new();
    if optional && form == Form::Usage {
        out.push(roman("["));
    }
    if let (Some(short), Form::Item) = (arg.get_short(), form) {
        out.extend([bold(format!("-{short}")), roman(", ")]);
    }
    if let Some(long) = arg.get_long() {
        out.push(bold(format!("--{long}")));
    }
    if arg.get_action().takes_values() {
        out.extend([roman(" "), italic(value)]);
    }
    if optional && form == Form::Usage {
        out.push(roman("]"));
    }
    out
}

fn examples(roff: &mut Roff) {
    roff.control("SH", ["EXAMPLES"]);
    roff.text([roman(
        "The references below are made up; use the claimant reference your organisation uses.",
    )]);
    for (command, what) in EXAMPLES {
        roff.control("TP", [])
            .text([bold(*command)])
            .text([roman(*what)]);
    }
}

fn exit_status(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    for (code, lines) in EXIT_STATUSES {
        roff.control("TP", [])
            .text([bold(*code)])
            .text([roman(lines.join(" "))]);
    }
}

fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    let vars = [
        (
            DATA_DIR_ENV,
            "The sessions folder, as --data-dir gives it (the option wins).",
        ),
        (
            PLAIN_ENV,
            "Any value but empty or 0 starts the plain-text mode, as --plain does.",
        ),
        (
            "NO_COLOR",
            "Set and not empty: no colour. Every mark is also a symbol or a word.",
        ),
        (
            "TERM",
            "dumb starts the plain-text mode; so does output that is not a terminal.",
        ),
        (
            "XDG_DATA_HOME",
            "Where the default sessions folder is (see FILES).",
        ),
    ];
    for (name, what) in vars {
        roff.control("TP", [])
            .text([bold(name)])
            .text([roman(what)]);
    }
}

fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    roff.control("TP", [])
        .text([italic("$XDG_DATA_HOME/esa-interview/sessions")])
        .text([roman(
            "The sessions folder (by default ~/.local/share/esa-interview/sessions), readable \
             by you only: one ID.toml per session, ID.lock while one is open, and exports/. \
             It is made the first time a command needs it; assess, check-content, \
             completions, --help and --version never make it.",
        )]);
    roff.control("TP", [])
        .text([italic("/usr/share/doc/esa-interview/README.md")])
        .text([roman(
            "The full guide, when installed from the package: an interview step by step, \
             the keys, the plain-text mode, updating the content each April, using it over \
             SSH.",
        )]);
}
