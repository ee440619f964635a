//! The view model: everything a front end shows for the current screen, laid out from the
//! session's one evaluation (its findings, tally and deadlines) and content. The TUI draws it;
//! the plain mode says it. Neither adds interview logic, and this module works nothing out.

mod questions;
mod review;
mod wca;
mod years;

use chrono::NaiveDate;

use crate::content::Content;
use crate::content::stages::StageKind;

use super::evaluate::{Evaluation, evaluate};
use super::findings;
use super::session::Session;
use super::step::Step;
use super::update::current_step;

pub use super::evaluate::{Tally, TallyLine};
pub use super::findings::{Finding, Kind, Level};

/// Where the adviser is, for the header and the plain mode's labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// 1-based stage number (0 on review and notes).
    pub stage_number: usize,
    /// How many stages.
    pub stage_count: usize,
    /// The stage's title.
    pub stage_title: String,
    /// "Activity 1 of 17: Mobilising" on an activity; None elsewhere.
    pub activity_label: Option<String>,
    /// The screen's code for "go": `3`, `4.12`, `review`.
    pub code: String,
    /// The screen's id (note key).
    pub id: String,
}

/// One choosable line: a descriptor, a support-group descriptor or a route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The id toggled when chosen.
    pub id: String,
    /// The short tag shown before it: a letter, or "SG" for a support-group descriptor.
    pub tag: String,
    /// Statutory text (or the route's question).
    pub text: String,
    /// Points, for Schedule 2 descriptors.
    pub points: Option<u32>,
    /// Chosen.
    pub chosen: bool,
    /// Why a chosen item does not count, or what it gives.
    pub remark: Option<String>,
}

/// One question on a screen, with its current answer in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Question id (for `Action::Answer`).
    pub id: String,
    /// The question.
    pub text: String,
    /// Help for the adviser.
    pub help: Option<String>,
    /// How it is answered.
    pub kind: crate::content::questions::AnswerKind,
    /// The current answer in words.
    pub answer: Option<String>,
    /// What the user would type to keep the current answer (for editing).
    pub raw: Option<String>,
    /// Options with whether each is selected.
    pub options: Vec<(String, String, bool)>,
    /// What the current answer means.
    pub flags: Vec<Finding>,
    /// Must be answered.
    pub required: bool,
}

/// An explanation shown on a stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InfoBlock {
    /// Heading.
    pub title: String,
    /// Text.
    pub text: String,
    /// Provision.
    pub source: String,
}

/// One tax year's NI record as entered, for the contributions table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearRow {
    /// `2024-25`.
    pub tax_year: String,
    /// The year's Lower Earnings Limit, or why it is missing.
    pub lel: String,
    /// Each field with what was typed (for editing) or None.
    pub fields: Vec<(crate::interview::action::ContributionField, Option<String>)>,
}

impl YearRow {
    /// The row's entries as fields a front end edits like questions; their ids are
    /// `nic:<tax year>:<field>`, which `update` routes to the NI record.
    pub fn as_fields(&self) -> Vec<Field> {
        use crate::content::questions::AnswerKind;
        use crate::interview::action::ContributionField;
        self.fields
            .iter()
            .map(|(field, value)| Field {
                id: field.question_id(&self.tax_year),
                text: format!("{}: {}", self.tax_year, field.label()),
                help: None,
                kind: if *field == ContributionField::Class1Earnings {
                    AnswerKind::Money
                } else {
                    AnswerKind::Number
                },
                answer: value.clone(),
                raw: value.clone(),
                options: Vec::new(),
                flags: Vec::new(),
                required: false,
            })
            .collect()
    }
}

/// One Schedule 2 activity's screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityScreen {
    /// Activity id.
    pub id: String,
    /// Number in the schedule.
    pub number: u32,
    /// How many activities.
    pub count: usize,
    /// Short name.
    pub title: String,
    /// Physical or mental.
    pub part: &'static str,
    /// Statutory text of the activity.
    pub heading: String,
    /// The ESA50 question.
    pub esa50: String,
    /// Our guidance.
    pub guidance: String,
    /// Questions to ask.
    pub ask: Vec<String>,
    /// Schedule 2 provision.
    pub source: String,
    /// Descriptors, then any mirrored support-group descriptor.
    pub choices: Vec<Choice>,
    /// Points this activity scores now.
    pub points: u32,
}

/// What the current screen holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Questions with findings (status, residency).
    Questions {
        /// Stage intro.
        intro: String,
        /// The questions.
        fields: Vec<Field>,
        /// Notes that always show.
        notes: Vec<InfoBlock>,
        /// What the answers give.
        findings: Vec<Finding>,
    },
    /// The NI record stage.
    Contributions {
        /// Stage intro.
        intro: String,
        /// The tax years that count, with what has been entered for each.
        years: Vec<YearRow>,
        /// Its questions.
        fields: Vec<Field>,
        /// Notes that always show.
        notes: Vec<InfoBlock>,
        /// What the answers give.
        findings: Vec<Finding>,
    },
    /// One Schedule 2 activity.
    Activity(ActivityScreen),
    /// A list of things to tick (support group, routes).
    Checklist {
        /// Stage intro.
        intro: String,
        /// The items.
        choices: Vec<Choice>,
    },
    /// The result in sentences.
    Outcome {
        /// Stage intro.
        intro: String,
        /// The sentences.
        findings: Vec<Finding>,
    },
    /// Reconsideration and appeal.
    Routes {
        /// Stage intro.
        intro: String,
        /// The decision questions.
        fields: Vec<Field>,
        /// The timeline and what to prepare.
        findings: Vec<Finding>,
    },
    /// Every screen's answers.
    Review {
        /// One line per screen.
        items: Vec<review::ReviewItem>,
    },
    /// Every note.
    Notes {
        /// (screen label, note text, last changed).
        notes: Vec<(String, String, Option<String>)>,
    },
}

pub use review::ReviewItem;

/// The note of the current screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteView {
    /// Key in the session's notes.
    pub key: String,
    /// Its text (empty when none).
    pub text: String,
    /// When it was last changed.
    pub changed: Option<String>,
}

/// Everything a front end shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewModel {
    /// The claimant reference.
    pub reference: String,
    /// Where we are.
    pub place: Place,
    /// The screen.
    pub screen: Screen,
    /// The live points tally.
    pub tally: Tally,
    /// Warnings for the header of every screen (deadlines within the warning window, passed,
    /// or impossible to count), each a `Kind::Deadline` finding.
    pub alerts: Vec<Finding>,
    /// This screen's note.
    pub note: NoteView,
}

/// Builds the view of the session's current screen; `today` counts days left to deadlines.
pub fn view(session: &Session, content: &Content, today: NaiveDate) -> ViewModel {
    view_of(session, content, &evaluate(session, content, today))
}

/// Builds the view of the session's current screen from its evaluation.
pub fn view_of(session: &Session, content: &Content, e: &Evaluation) -> ViewModel {
    let step = current_step(session, content);
    let place = place(step, content);
    let note_key = place.id.clone();
    let note = session.notes.get(&note_key);
    ViewModel {
        reference: session.reference.clone(),
        screen: screen(step, session, content, e),
        tally: e.wca.tally.clone(),
        alerts: findings::alerts(e),
        note: NoteView {
            key: note_key,
            text: note.map(|n| n.text.clone()).unwrap_or_default(),
            changed: note.and_then(|n| n.changed).map(|s| s.to_string()),
        },
        place,
    }
}

fn place(step: Step, content: &Content) -> Place {
    let stage = step.stage_index(content);
    let activity_label = match step {
        Step::Activity(i) => {
            let a = &content.wca.schedule2.activities[i];
            Some(format!(
                "Activity {} of {}: {}",
                a.number,
                content.wca.schedule2.activities.len(),
                a.title
            ))
        }
        _ => None,
    };
    Place {
        stage_number: stage.map_or(0, |s| s + 1),
        stage_count: content.stages.len(),
        stage_title: match step {
            Step::Review => "Review".into(),
            Step::Notes => "Notes".into(),
            _ => stage
                .map(|s| content.stages[s].title.clone())
                .unwrap_or_default(),
        },
        activity_label,
        code: step.code(content),
        id: if step == Step::Notes {
            "general".into()
        } else {
            step.id(content)
        },
    }
}

fn screen(step: Step, session: &Session, content: &Content, e: &Evaluation) -> Screen {
    let a = &e.wca.assessment;
    match step {
        Step::Activity(i) => Screen::Activity(wca::activity(i, session, content, a)),
        Step::Review => Screen::Review {
            items: review::items(session, content, e),
        },
        Step::Notes => Screen::Notes {
            notes: review::notes(session, content),
        },
        Step::Stage(i) => {
            let stage = &content.stages[i];
            let intro = stage.intro.clone();
            match stage.kind {
                StageKind::Questions => Screen::Questions {
                    intro,
                    fields: questions::fields(&stage.id, session, content),
                    notes: questions::notes(&stage.id, content),
                    findings: if stage.id == "status" {
                        findings::status_stage(e)
                    } else {
                        Vec::new()
                    },
                },
                StageKind::Contributions => Screen::Contributions {
                    intro,
                    years: years::year_rows(session, content),
                    fields: questions::fields(&stage.id, session, content),
                    notes: questions::notes(&stage.id, content),
                    findings: findings::contributions_stage(e),
                },
                StageKind::SupportGroup => Screen::Checklist {
                    intro,
                    choices: wca::support_group(session, content),
                },
                StageKind::Exceptional => Screen::Checklist {
                    intro,
                    choices: wca::routes(session, content),
                },
                StageKind::Outcome => Screen::Outcome {
                    intro,
                    findings: findings::outcome(e, content),
                },
                StageKind::Routes => Screen::Routes {
                    intro,
                    fields: questions::fields(&stage.id, session, content),
                    findings: findings::routes(e, content),
                },
                StageKind::Wca => Screen::Activity(wca::activity(0, session, content, a)),
            }
        }
    }
}
