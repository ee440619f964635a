//! The interview's stages from `content/interview.toml`: their order, titles and what each
//! holds. The kinds are fixed by the program; their order and words are content.

use serde::Deserialize;
use toml::Spanned;

use super::diag::Diagnostics;
use super::files::{FileSet, SourceFile};
use super::parse::parse;

/// The file this module reads.
pub const FILES: &[&str] = &["interview.toml"];

/// What a stage holds, which decides how the engine builds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StageKind {
    /// Questions from `content/questions/<id>.toml`.
    Questions,
    /// The NI record by tax year and its questions.
    Contributions,
    /// One screen per Schedule 2 activity.
    Wca,
    /// The Schedule 3 descriptors.
    SupportGroup,
    /// Treated-as and exceptional routes.
    Exceptional,
    /// The result.
    Outcome,
    /// Reconsideration and appeal.
    Routes,
}

impl StageKind {
    const ALL: [(&'static str, StageKind); 7] = [
        ("questions", StageKind::Questions),
        ("contributions", StageKind::Contributions),
        ("wca", StageKind::Wca),
        ("support-group", StageKind::SupportGroup),
        ("exceptional", StageKind::Exceptional),
        ("outcome", StageKind::Outcome),
        ("routes", StageKind::Routes),
    ];
}

/// One stage as the adviser meets it.
#[derive(Clone, Debug)]
pub struct Stage {
    /// Stable id, also the stage of its questions.
    pub id: String,
    /// What it holds.
    pub kind: StageKind,
    /// Its heading.
    pub title: String,
    /// One sentence saying what it is for.
    pub intro: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    stage: Vec<RawStage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    id: Spanned<String>,
    kind: Spanned<String>,
    title: String,
    intro: String,
}

/// Reads the stage list; every kind must appear exactly once.
pub fn load(files: &FileSet, diags: &mut Diagnostics) -> Option<Vec<Stage>> {
    let file = files.require(FILES[0], diags)?;
    let raw = parse::<RawFile>(file, diags)?;
    let mut stages: Vec<Stage> = Vec::new();
    for s in raw.stage {
        if let Some(stage) = stage(file, s, &stages, diags) {
            stages.push(stage);
        }
    }
    for (name, kind) in StageKind::ALL {
        let n = stages.iter().filter(|s| s.kind == kind).count();
        let wanted = if kind == StageKind::Questions {
            n >= 1
        } else {
            n == 1
        };
        if !wanted {
            diags.error(
                file,
                None,
                format!("the interview needs exactly one stage of kind \"{name}\" (found {n})"),
            );
        }
    }
    Some(stages)
}

fn stage(
    file: &SourceFile,
    s: RawStage,
    sofar: &[Stage],
    diags: &mut Diagnostics,
) -> Option<Stage> {
    if sofar.iter().any(|x| &x.id == s.id.get_ref()) {
        diags.error(
            file,
            Some(s.id.span()),
            format!("duplicate stage id `{}`", s.id.get_ref()),
        );
    }
    let Some((_, kind)) = StageKind::ALL.iter().find(|(n, _)| n == s.kind.get_ref()) else {
        let names: Vec<&str> = StageKind::ALL.iter().map(|(n, _)| *n).collect();
        diags.error(
            file,
            Some(s.kind.span()),
            format!(
                "kind must be one of {}, not \"{}\"",
                names.join(", "),
                s.kind.get_ref()
            ),
        );
        return None;
    };
    Some(Stage {
        id: s.id.into_inner(),
        kind: *kind,
        title: s.title,
        intro: s.intro,
    })
}
