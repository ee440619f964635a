//! The binary: parse arguments, read the clock once, choose what to run, map errors to exit
//! codes. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;

use esa_interview::cli::{Cli, Command};
use esa_interview::content;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::CheckContent { dir }) => check_content(dir.or(cli.content)),
        None => {
            eprintln!(
                "esa-interview: the interview is not built yet; try `esa-interview check-content`"
            );
            ExitCode::from(2)
        }
    }
}

/// Validates a content directory (or the built-in content) and prints every problem.
fn check_content(dir: Option<std::path::PathBuf>) -> ExitCode {
    let Some(dir) = dir else {
        let content = content::load_embedded();
        println!(
            "The built-in content is valid: {} Schedule 2 activities, {} Schedule 3 descriptors, {} routes.",
            content.wca.schedule2.activities.len(),
            content.wca.scheme.lcwra.len(),
            content.wca.routes.len()
        );
        return ExitCode::SUCCESS;
    };
    match content::load_dir(&dir) {
        Ok(content) => {
            println!(
                "{} is valid: {} Schedule 2 activities, {} Schedule 3 descriptors, {} routes.",
                dir.display(),
                content.wca.schedule2.activities.len(),
                content.wca.scheme.lcwra.len(),
                content.wca.routes.len()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                println!("{p}");
            }
            let n = problems.len();
            println!(
                "{n} problem{} found in {}. Fix them, then run check-content again.",
                if n == 1 { "" } else { "s" },
                dir.display()
            );
            ExitCode::FAILURE
        }
    }
}
