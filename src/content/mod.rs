//! Content: the law and the interview's questions as TOML, turned into typed values. Two
//! stages: raw serde structs that mirror the files (`deny_unknown_fields`), then validation that
//! cross-checks and reports every problem with file, line and column. The default content is
//! compiled in (`embedded`); `--content DIR` loads a directory instead. Depends on `rules`.

pub mod date;
pub mod deadlines;
pub mod diag;
pub mod embedded;
pub mod figures;
pub mod files;
pub mod holidays;
pub mod money;
pub mod parse;
pub mod questions;
pub mod source;
pub mod stages;
pub mod wca;

use std::path::Path;

use diag::{Diagnostic, Diagnostics};
use files::FileSet;

/// Everything the program knows about the law and the interview, validated.
#[derive(Clone, Debug)]
pub struct Content {
    /// Schedules 2 and 3 and the routes.
    pub wca: wca::WcaContent,
    /// The questions and notes of the non-WCA stages.
    pub questions: questions::Questions,
    /// The interview's stages in order.
    pub stages: Vec<stages::Stage>,
    /// Time limits for challenging a decision and what to do at each step.
    pub deadlines: deadlines::DeadlinesContent,
    /// Bank holidays for England and Wales and for Scotland.
    pub holidays: holidays::BankHolidays,
    /// LEL, rates, State Pension age and the contribution conditions' figures.
    pub figures: figures::Figures,
}

/// Every file a content directory must hold, relative to it.
pub fn all_files() -> Vec<&'static str> {
    [
        stages::FILES,
        wca::FILES,
        questions::FILES,
        figures::FILES,
        deadlines::FILES,
        holidays::FILES,
    ]
    .concat()
}

/// The compiled-in default content. It is checked by the test suite, so a failure here is a
/// build that should never have shipped.
pub fn load_embedded() -> Content {
    let files = FileSet::embedded(embedded::EMBEDDED);
    match load_files(&files, Diagnostics::default()) {
        Ok(content) => content,
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("the built-in content is invalid:\n{}", list.join("\n"))
        }
    }
}

/// Loads content from texts in memory (relative path, text): for tests and fuzzing.
pub fn load_texts(entries: &[(&str, &str)]) -> Result<Content, Vec<Diagnostic>> {
    load_files(&FileSet::embedded(entries), Diagnostics::default())
}

/// Loads and validates a content directory, or returns every problem found.
pub fn load_dir(dir: &Path) -> Result<Content, Vec<Diagnostic>> {
    let mut diags = Diagnostics::default();
    let files = FileSet::read_dir(dir, &all_files(), &mut diags);
    load_files(&files, diags)
}

/// Loads from a file set; every loader runs even after a failure, so all problems are found.
fn load_files(files: &FileSet, mut diags: Diagnostics) -> Result<Content, Vec<Diagnostic>> {
    // Parsing is most of start-up; the WCA files are about half the text, so they are read on
    // a second thread while this one reads the rest. Problems keep their file order.
    let ((wca, wca_diags), rest) = std::thread::scope(|scope| {
        let wca = scope.spawn(|| {
            let mut d = Diagnostics::default();
            (wca::load(files, &mut d), d)
        });
        let rest = load_rest(files, &mut diags);
        (
            wca.join()
                .unwrap_or_else(|_| (None, Diagnostics::default())),
            rest,
        )
    });
    let (questions, figures, stages, deadlines, holidays) = rest;
    let mut problems = wca_diags.into_vec();
    problems.extend(diags.into_vec());
    match (wca, questions, figures, stages, deadlines, holidays) {
        (
            Some(wca),
            Some(questions),
            Some(figures),
            Some(stages),
            Some(deadlines),
            Some(holidays),
        ) if problems.is_empty() => Ok(Content {
            wca,
            questions,
            stages,
            deadlines,
            holidays,
            figures,
        }),
        _ => Err(problems),
    }
}

type Rest = (
    Option<questions::Questions>,
    Option<figures::Figures>,
    Option<Vec<stages::Stage>>,
    Option<deadlines::DeadlinesContent>,
    Option<holidays::BankHolidays>,
);

/// Everything but the WCA files, in file order.
fn load_rest(files: &FileSet, diags: &mut Diagnostics) -> Rest {
    let questions = questions::load(files, diags);
    let figures = figures::load(files, questions.as_ref(), diags);
    let stages = stages::load(files, diags);
    let deadlines = deadlines::load(files, diags);
    let holidays = holidays::load(files, diags);
    (questions, figures, stages, deadlines, holidays)
}
