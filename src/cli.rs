//! The command line, declared once with clap so `--help` and the parser cannot drift.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// esa-interview: walk a claimant through an Employment and Support Allowance interview.
#[derive(Debug, Parser)]
#[command(name = "esa-interview", version, about, long_about = None)]
pub struct Cli {
    /// Load the law and questions from this content directory instead of the built-in copy.
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// What to do; with no command, the interview starts.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a content directory and print every problem with file, line and column.
    CheckContent {
        /// The directory to check (default: the built-in content).
        dir: Option<PathBuf>,
    },
}
