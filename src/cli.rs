//! The command line, declared once with clap so `--help` and the parser cannot drift.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// esa-interview: walk a claimant through an Employment and Support Allowance interview.
///
/// Screen-reader users: `--plain` (or ESA_INTERVIEW_PLAIN=1, or TERM=dumb, or output that is
/// not a terminal) gives the plain-text mode, a linear conversation with no screen drawing.
#[derive(Debug, Parser)]
#[command(name = "esa-interview", version, about, long_about)]
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
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
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
}
