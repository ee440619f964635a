//! The questions of the non-WCA stages (status, residency, contributions, routes) and the notes
//! shown on them, from `content/questions/*.toml`. Each answer that matters carries a flag saying
//! what it means in law and why. Ids under `claimant.` and `decision.` bind to fixed session
//! fields, so their kinds are checked here. Depends on the content framework only.

use serde::Deserialize;
use toml::Spanned;

use super::date::Date;
use super::diag::Diagnostics;
use super::files::{FileSet, SourceFile};
use super::parse::parse;
use super::source::Source;
use chrono::NaiveDate;

/// The files this module reads: one per stage, in interview order.
pub const FILES: &[&str] = &[
    "questions/status.toml",
    "questions/residency.toml",
    "questions/contributions.toml",
    "questions/routes.toml",
];

/// The stages whose questions live here.
pub const STAGES: &[&str] = &["status", "residency", "contributions", "routes"];

/// Session-bound ids and the kind of answer each field holds.
pub const BOUND: &[(&str, AnswerKind)] = &[
    ("claimant.date_of_birth", AnswerKind::Date),
    ("claimant.claim_date", AnswerKind::Date),
    ("claimant.incapacity_start", AnswerKind::Date),
    ("decision.decision_date", AnswerKind::Date),
    ("decision.reasons_requested", AnswerKind::Date),
    ("decision.reasons_provided", AnswerKind::Date),
    ("decision.mr_notice_date", AnswerKind::Date),
    ("decision.tribunal_decision_date", AnswerKind::Date),
    ("decision.tribunal_reasons_sent", AnswerKind::Date),
    ("decision.permission_refused_date", AnswerKind::Date),
    ("decision.jurisdiction", AnswerKind::OneOf),
];

/// The kind of answer a question takes, which decides how it is asked and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerKind {
    /// y/n.
    YesNo,
    /// A calendar date.
    Date,
    /// A whole number.
    Number,
    /// Pounds and pence.
    Money,
    /// One option.
    OneOf,
    /// Any number of options.
    SeveralOf,
    /// Free text.
    Text,
}

impl AnswerKind {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "yes-no" => AnswerKind::YesNo,
            "date" => AnswerKind::Date,
            "number" => AnswerKind::Number,
            "money" => AnswerKind::Money,
            "one-of" => AnswerKind::OneOf,
            "several-of" => AnswerKind::SeveralOf,
            "text" => AnswerKind::Text,
            _ => return None,
        })
    }
}

/// How much a flag matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FlagLevel {
    /// Background the adviser should know.
    Info,
    /// Something to act on or check.
    Warn,
    /// No new-style ESA for that period.
    Bar,
}

/// One option of a one-of or several-of question.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id stored in the session.
    pub id: String,
    /// What the adviser reads.
    pub label: String,
}

/// What an answer means in law, said in words with its source.
#[derive(Clone, Debug)]
pub struct Flag {
    /// The answer that raises it: yes/no or an option id.
    pub when: String,
    /// How much it matters.
    pub level: FlagLevel,
    /// The consequence and what to do instead.
    pub says: String,
    /// Where the law says so.
    pub source: Source,
    /// Date it applies from.
    pub applies_from: NaiveDate,
}

/// One question on a stage.
#[derive(Clone, Debug)]
pub struct Question {
    /// Stable id, `<stage>.<name>` or a session-bound id.
    pub id: String,
    /// The stage it is asked on.
    pub stage: String,
    /// The question as read out.
    pub text: String,
    /// Help for the adviser.
    pub help: Option<String>,
    /// The kind of answer.
    pub kind: AnswerKind,
    /// Must be answered before the stage's result is final.
    pub required: bool,
    /// Options of one-of and several-of questions.
    pub options: Vec<Choice>,
    /// What answers mean.
    pub flags: Vec<Flag>,
}

/// An explanation always shown on a stage.
#[derive(Clone, Debug)]
pub struct Note {
    /// Stable id.
    pub id: String,
    /// The stage it is shown on.
    pub stage: String,
    /// Its heading.
    pub title: String,
    /// The explanation.
    pub says: String,
    /// Where the law says so.
    pub source: Source,
    /// Date it applies from.
    pub applies_from: NaiveDate,
}

/// All questions and notes, in file order.
#[derive(Clone, Debug, Default)]
pub struct Questions {
    /// Every question.
    pub questions: Vec<Question>,
    /// Every note.
    pub notes: Vec<Note>,
}

impl Questions {
    /// The questions of one stage, in order.
    pub fn for_stage<'a>(&'a self, stage: &'a str) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions.iter().filter(move |q| q.stage == stage)
    }

    /// The notes of one stage, in order.
    pub fn notes_for<'a>(&'a self, stage: &'a str) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes.iter().filter(move |n| n.stage == stage)
    }

    /// A question by id.
    pub fn get(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    question: Vec<RawQuestion>,
    #[serde(default)]
    note: Vec<RawNote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    stage: Spanned<String>,
    text: String,
    help: Option<String>,
    kind: Spanned<String>,
    #[serde(default)]
    required: bool,
    options: Option<Spanned<Vec<Choice>>>,
    #[serde(default)]
    flag: Vec<RawFlag>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFlag {
    when: Spanned<String>,
    level: Spanned<String>,
    says: String,
    source: Source,
    applies_from: Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNote {
    id: Spanned<String>,
    stage: Spanned<String>,
    title: String,
    says: String,
    source: Source,
    applies_from: Date,
}

/// Reads every question file, reporting every problem.
pub fn load(files: &FileSet, diags: &mut Diagnostics) -> Option<Questions> {
    let mut out = Questions::default();
    let mut ok = true;
    for path in FILES {
        let Some(file) = files.require(path, diags) else {
            ok = false;
            continue;
        };
        let Some(raw) = parse::<RawFile>(file, diags) else {
            ok = false;
            continue;
        };
        for q in raw.question {
            if let Some(q) = question(file, q, &out, diags) {
                out.questions.push(q);
            }
        }
        for n in raw.note {
            out.notes.push(note(file, n, &out, diags));
        }
    }
    ok.then_some(out)
}

fn check_stage(file: &SourceFile, stage: &Spanned<String>, diags: &mut Diagnostics) {
    if !STAGES.contains(&stage.get_ref().as_str()) {
        diags.error(
            file,
            Some(stage.span()),
            format!(
                "stage must be one of {}, not \"{}\"",
                STAGES.join(", "),
                stage.get_ref()
            ),
        );
    }
}

fn check_id(
    file: &SourceFile,
    id: &Spanned<String>,
    stage: &str,
    taken: bool,
    diags: &mut Diagnostics,
) {
    let id_text = id.get_ref();
    if taken {
        diags.error(file, Some(id.span()), format!("duplicate id `{id_text}`"));
    }
    let bound = BOUND.iter().any(|(b, _)| b == id_text);
    if !bound && !id_text.starts_with(&format!("{stage}.")) {
        diags.error(file, Some(id.span()), format!("id `{id_text}` must start with `{stage}.` (its stage) or be a session field such as `claimant.date_of_birth`"));
    }
}

fn question(
    file: &SourceFile,
    q: RawQuestion,
    sofar: &Questions,
    diags: &mut Diagnostics,
) -> Option<Question> {
    check_stage(file, &q.stage, diags);
    check_id(
        file,
        &q.id,
        q.stage.get_ref(),
        sofar.get(q.id.get_ref()).is_some(),
        diags,
    );
    let Some(kind) = AnswerKind::parse(q.kind.get_ref()) else {
        diags.error(file, Some(q.kind.span()), format!("kind must be one of yes-no, date, number, money, one-of, several-of, text; not \"{}\"", q.kind.get_ref()));
        return None;
    };
    if let Some((_, want)) = BOUND.iter().find(|(b, _)| b == q.id.get_ref())
        && *want != kind
    {
        diags.error(
            file,
            Some(q.kind.span()),
            format!(
                "`{}` is a session field that holds a {want:?} answer",
                q.id.get_ref()
            ),
        );
    }
    let has_options = matches!(kind, AnswerKind::OneOf | AnswerKind::SeveralOf);
    let given = q.options.as_ref().is_some_and(|o| !o.get_ref().is_empty());
    if has_options != given {
        let msg = if has_options {
            "a one-of or several-of question needs options"
        } else {
            "only one-of and several-of questions take options"
        };
        let span = q.options.as_ref().map_or(q.kind.span(), Spanned::span);
        diags.error(file, Some(span), msg);
    }
    let options = q.options.map(Spanned::into_inner).unwrap_or_default();
    let flags = q
        .flag
        .into_iter()
        .map(|f| flag(file, f, kind, &options, diags))
        .collect();
    Some(Question {
        id: q.id.into_inner(),
        stage: q.stage.into_inner(),
        text: q.text,
        help: q.help,
        kind,
        required: q.required,
        options,
        flags,
    })
}

fn flag(
    file: &SourceFile,
    f: RawFlag,
    kind: AnswerKind,
    options: &[Choice],
    diags: &mut Diagnostics,
) -> Flag {
    let when = f.when.get_ref();
    let valid = match kind {
        AnswerKind::YesNo => when == "yes" || when == "no",
        AnswerKind::OneOf | AnswerKind::SeveralOf => options.iter().any(|o| &o.id == when),
        _ => false,
    };
    if !valid {
        diags.error(file, Some(f.when.span()), format!("when = \"{when}\" does not match an answer of this question (yes/no, or one of its option ids)"));
    }
    let level = match f.level.get_ref().as_str() {
        "bar" => FlagLevel::Bar,
        "warn" => FlagLevel::Warn,
        "info" => FlagLevel::Info,
        other => {
            diags.error(
                file,
                Some(f.level.span()),
                format!("level must be bar, warn or info, not \"{other}\""),
            );
            FlagLevel::Info
        }
    };
    Flag {
        when: f.when.into_inner(),
        level,
        says: f.says,
        source: f.source,
        applies_from: f.applies_from.0,
    }
}

fn note(file: &SourceFile, n: RawNote, sofar: &Questions, diags: &mut Diagnostics) -> Note {
    check_stage(file, &n.stage, diags);
    let taken =
        sofar.notes.iter().any(|x| &x.id == n.id.get_ref()) || sofar.get(n.id.get_ref()).is_some();
    check_id(file, &n.id, n.stage.get_ref(), taken, diags);
    Note {
        id: n.id.into_inner(),
        stage: n.stage.into_inner(),
        title: n.title,
        says: n.says,
        source: n.source,
        applies_from: n.applies_from.0,
    }
}
