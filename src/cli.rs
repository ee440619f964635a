//! The command line, declared once with clap so `--help` and the parser cannot drift.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// esa-interview: walk a claimant through an Employment and Support Allowance interview.
///
/// Screen-reader users: `--plain` (or ESA_INTERVIEW_PLAIN=1, or TERM=dumb, or output that is
/// not a terminal) gives the plain-text mode, a linear conversation with no screen drawing.
#[derive(Debug, Parser)]
#[command(
    name = "esa-interview",
    version,
    about,
    long_about,
    after_long_help = after_long_help()
)]
pub struct Cli {
    /// Load the law and questions from this content directory instead of the built-in copy.
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// Keep sessions in this folder (default: your data folder; or ESA_INTERVIEW_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Plain-text mode for screen readers and braille displays: a linear conversation.
    #[arg(long, global = true)]
    pub plain: bool,

    /// Pretend today is this date (YYYY-MM-DD), for training, screenshots and tests.
    #[arg(long, global = true, value_name = "DATE", hide = true)]
    pub today: Option<String>,

    /// Fix the clock for the whole run (YYYY-MM-DDTHH:MM:SS): the interview date, the
    /// "created" and "last changed" stamps, purge cut-offs and days left. For tests.
    #[arg(
        long,
        global = true,
        value_name = "MOMENT",
        hide = true,
        env = crate::app::NOW_ENV
    )]
    pub now: Option<String>,

    /// What to do; with no command, the interview starts.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A statement in Markdown.
    Markdown,
    /// A statement in plain text.
    Text,
    /// Everything, for other programs.
    Json,
}

/// `export` formats: the statement's, and the deadlines as a calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A statement in Markdown.
    Markdown,
    /// A statement in plain text.
    Text,
    /// Everything, for other programs.
    Json,
    /// The deadlines still to come, as calendar events (iCalendar) for Outlook or Google.
    Ics,
}

impl ExportFormat {
    /// The statement format, or `None` for the calendar.
    pub const fn statement(self) -> Option<Format> {
        match self {
            ExportFormat::Markdown => Some(Format::Markdown),
            ExportFormat::Text => Some(Format::Text),
            ExportFormat::Json => Some(Format::Json),
            ExportFormat::Ics => None,
        }
    }
}

/// `due` formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DueFormat {
    /// A table to read.
    Text,
    /// An array of objects, for other programs.
    Json,
    /// Calendar events (iCalendar) for Outlook or Google Calendar.
    Ics,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Resume a session by its claimant reference.
    Resume {
        /// The claimant reference.
        reference: String,
    },
    /// List saved sessions, most recently changed first.
    List,
    /// Export a session as a statement (markdown, text) or data (json).
    Export {
        /// The claimant reference.
        reference: String,
        /// The format.
        #[arg(long, value_enum, default_value = "markdown")]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Every session's next deadline, soonest first: reconsideration, appeal and later steps.
    Due {
        /// Deadlines up to this many days ahead (and passed up to this many days ago).
        #[arg(long, value_name = "DAYS", default_value_t = crate::caseload::DEFAULT_WITHIN_DAYS)]
        within: i64,
        /// The format.
        #[arg(long, value_enum, default_value = "text")]
        format: DueFormat,
    },
    /// Print the outcome of a session file (written by this program or by hand).
    Assess {
        /// The session file.
        file: PathBuf,
        /// Print JSON for other programs.
        #[arg(long)]
        json: bool,
    },
    /// Delete sessions unchanged for a period, e.g. `--older-than 24m`.
    Purge {
        /// The period: a number and d (days), w (weeks), m (months) or y (years).
        #[arg(long, value_name = "PERIOD")]
        older_than: String,
        /// Say what would be deleted, delete nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Check a content directory and print every problem with file, line and column.
    CheckContent {
        /// The directory to check (default: the built-in content).
        dir: Option<PathBuf>,
    },
    /// Print a completion script for your shell, e.g. `completions bash`.
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for packagers: `manpage > esa-interview.1`.
    #[command(hide = true)]
    Manpage {
        /// The date of the page's last change, YYYY-MM-DD (scripts/package.sh gives the last
        /// commit's, so the page does not depend on the day it is built).
        #[arg(long, value_name = "DATE", default_value = "")]
        date: String,
    },
}

/// The common commands, with what each does: `--help` and the manual page's EXAMPLES are both
/// written from this one list. References here are made up, as in every example we ship.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "esa-interview",
        "The start screen: begin a new session or open a saved one.",
    ),
    (
        "esa-interview resume C-1042",
        "Open the session with that reference (or id) where you left it.",
    ),
    (
        "esa-interview --plain",
        "The plain-text mode, a linear conversation for screen readers.",
    ),
    (
        "esa-interview list",
        "Every saved session, most recently changed first.",
    ),
    (
        "esa-interview due --within 14",
        "Every claimant's next deadline in the next two weeks, soonest first.",
    ),
    (
        "esa-interview due --within 400 --format ics",
        "The caseload's deadlines as calendar events for Outlook or Google.",
    ),
    (
        "esa-interview export C-1042 --format text --output statement.txt",
        "Write the claimant's statement to a file only you can read.",
    ),
    (
        "esa-interview assess session.toml --json",
        "The outcome of a session file, for other programs. Writes nothing.",
    ),
    (
        "esa-interview purge --older-than 24m --dry-run",
        "Say which sessions unchanged for 24 months would be deleted.",
    ),
    (
        "esa-interview check-content content",
        "Check edited content files; every problem with file, line and column.",
    ),
    (
        "esa-interview completions bash >> ~/.bash_completion",
        "Tab completion for bash (also zsh and fish; see the README).",
    ),
];

/// Every exit status the program uses and what it means, for `--help` and the manual page's
/// EXIT STATUS. Each meaning is given as lines short enough for an 80-column `--help`; the
/// manual page joins them. `tests/cli_docs.rs` makes the program give 0, 1 and 2.
pub const EXIT_STATUSES: &[(&str, &[&str])] = &[
    (
        "0",
        &["Done; also --help, --version and quitting the interview."],
    ),
    (
        "1",
        &[
            "A session, file or terminal could not be used: a reference or file",
            "not found, a session file that cannot be read, problems found by",
            "check-content, a session purge could not delete, a terminal lost,",
            "a line of piped plain-mode input refused (the run stops there).",
        ],
    ),
    (
        "2",
        &[
            "The command was wrong or cannot start: an unknown command or",
            "option, a date or period that cannot be read, a --content folder",
            "with problems, a sessions folder that cannot be found or made.",
        ],
    ),
    (
        "128+N",
        &[
            "Stopped by signal N: 129 hang-up (the SSH connection dropped),",
            "130 interrupt (Ctrl-C in the plain mode), 131 quit, 143 terminate.",
            "Every change was already saved.",
        ],
    ),
    (
        "101",
        &["The program failed: a bug. Please report what you were doing."],
    ),
];

/// The text after the options in `--help`: the examples and the exit statuses.
pub fn after_long_help() -> String {
    use std::fmt::Write;
    // Writing to a String cannot fail.
    let mut text = String::from("Examples:\n");
    for (command, what) in EXAMPLES {
        let _ = writeln!(text, "  {command}\n      {what}");
    }
    text.push_str("\nExit status:\n");
    for (code, lines) in EXIT_STATUSES {
        for (i, line) in lines.iter().enumerate() {
            let _ = writeln!(text, "  {:<7}{line}", if i == 0 { code } else { "" });
        }
    }
    text + "\nThe manual page (man esa-interview) and the README say more."
}
