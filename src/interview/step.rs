//! Where the interview is: the sequence of screens built from the content's stage list (one
//! screen per stage, except the WCA stage, which has one per Schedule 2 activity), plus the
//! review and notes pages. Also parses the targets of "go" (stage number, `4.12`, a name, an id).

use crate::content::Content;
use crate::content::stages::StageKind;

/// One screen of the interview.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// A non-WCA stage, by index into `content.stages`.
    Stage(usize),
    /// A Schedule 2 activity, by index into `content.wca.schedule2.activities`.
    Activity(usize),
    /// Every answer on one page, to check and jump from.
    Review,
    /// All notes on one page, with the general note.
    Notes,
}

impl Step {
    /// The stable id saved in the session file: a stage id, an activity id, `review`, `notes`.
    pub fn id(self, content: &Content) -> String {
        match self {
            Step::Stage(i) => content.stages[i].id.clone(),
            Step::Activity(i) => content.wca.schedule2.activities[i].id.clone(),
            Step::Review => "review".into(),
            Step::Notes => "notes".into(),
        }
    }

    /// Reads a saved step id back; unknown ids give None (the caller starts at the beginning).
    pub fn from_id(id: &str, content: &Content) -> Option<Step> {
        match id {
            "review" => return Some(Step::Review),
            "notes" => return Some(Step::Notes),
            _ => {}
        }
        if let Some(i) = content
            .wca
            .schedule2
            .activities
            .iter()
            .position(|a| a.id == id)
        {
            return Some(Step::Activity(i));
        }
        let i = content.stages.iter().position(|s| s.id == id)?;
        Some(first_step_of(i, content))
    }

    /// The index of the stage this step belongs to (None for review and notes).
    pub fn stage_index(self, content: &Content) -> Option<usize> {
        match self {
            Step::Stage(i) => Some(i),
            Step::Activity(_) => content.stages.iter().position(|s| s.kind == StageKind::Wca),
            Step::Review | Step::Notes => None,
        }
    }

    /// The code shown in the review and accepted by "go": `3`, or `4.12` for activity 12.
    pub fn code(self, content: &Content) -> String {
        match self {
            Step::Activity(i) => {
                let stage = self.stage_index(content).map_or(0, |s| s + 1);
                format!("{stage}.{}", content.wca.schedule2.activities[i].number)
            }
            Step::Stage(i) => (i + 1).to_string(),
            Step::Review => "review".into(),
            Step::Notes => "notes".into(),
        }
    }
}

/// The first screen of a stage (its first activity for the WCA stage).
pub fn first_step_of(stage: usize, content: &Content) -> Step {
    if content.stages[stage].kind == StageKind::Wca {
        Step::Activity(0)
    } else {
        Step::Stage(stage)
    }
}

/// The first screen of the reconsideration and appeal stage: where "routes" goes, from any
/// screen and from the start screens for a claimant who already has a decision.
pub fn routes_step(content: &Content) -> Option<Step> {
    content
        .stages
        .iter()
        .position(|s| s.kind == StageKind::Routes)
        .map(|i| first_step_of(i, content))
}

/// Every screen in interview order (review and notes are outside it).
pub fn sequence(content: &Content) -> Vec<Step> {
    let mut steps = Vec::new();
    for (i, stage) in content.stages.iter().enumerate() {
        if stage.kind == StageKind::Wca {
            steps.extend((0..content.wca.schedule2.activities.len()).map(Step::Activity));
        } else {
            steps.push(Step::Stage(i));
        }
    }
    steps
}

/// The screen after this one; review and notes lead back into the interview at its start.
pub fn next(step: Step, content: &Content) -> Option<Step> {
    let seq = sequence(content);
    match seq.iter().position(|s| *s == step) {
        Some(i) => seq.get(i + 1).copied(),
        None => seq.first().copied(),
    }
}

/// The screen before this one.
pub fn previous(step: Step, content: &Content) -> Option<Step> {
    let seq = sequence(content);
    let i = seq.iter().position(|s| *s == step)?;
    i.checked_sub(1).map(|j| seq[j])
}

/// Finds the screen a person means by "go X": a stage number (`4`), an activity code (`4.12`),
/// an id (`lcw.12`, `routes`), `review`, `notes`, or the start of a stage or activity title.
pub fn parse_target(text: &str, content: &Content) -> Option<Step> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    if let Some(step) = Step::from_id(&t, content) {
        return Some(step);
    }
    if let Some((stage, activity)) = t.split_once('.') {
        let stage: usize = stage.parse().ok()?;
        let number: u32 = activity.parse().ok()?;
        let wca = content
            .stages
            .iter()
            .position(|s| s.kind == StageKind::Wca)?;
        return (stage == wca + 1)
            .then(|| {
                content
                    .wca
                    .schedule2
                    .activities
                    .iter()
                    .position(|a| a.number == number)
            })
            .flatten()
            .map(Step::Activity);
    }
    if let Ok(n) = t.parse::<usize>() {
        return (1..=content.stages.len())
            .contains(&n)
            .then(|| first_step_of(n - 1, content));
    }
    let by_activity = content
        .wca
        .schedule2
        .activities
        .iter()
        .position(|a| a.title.to_lowercase().starts_with(&t))
        .map(Step::Activity);
    by_activity.or_else(|| {
        content
            .stages
            .iter()
            .position(|s| s.title.to_lowercase().starts_with(&t))
            .map(|i| first_step_of(i, content))
    })
}
