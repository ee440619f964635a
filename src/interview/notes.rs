//! The session's notes in interview order (the general note first, then each screen's in the
//! order of the screens, then any whose screen this content no longer has), each with the name
//! of its screen: what the notes page, the statement and the exports list.

use crate::content::Content;

use super::session::{Note, Session};
use super::step::{Step, sequence};

/// One note with the screen it belongs to.
#[derive(Clone, Debug)]
pub struct Noted<'s> {
    /// The note's key: a screen id or `general`.
    pub key: &'s str,
    /// The screen's name: "General", "Activity 1: Mobilising", a stage title, or the key.
    pub label: String,
    /// The note.
    pub note: &'s Note,
}

/// The name of the screen a note belongs to.
pub fn label(key: &str, content: &Content) -> String {
    match Step::from_id(key, content) {
        _ if key == "general" => "General".to_string(),
        Some(Step::Activity(i)) => {
            let a = &content.wca.schedule2.activities[i];
            format!("Activity {}: {}", a.number, a.title)
        }
        Some(Step::Stage(i)) => content.stages[i].title.clone(),
        _ => key.to_string(),
    }
}

/// Every note, in interview order, with its screen's name.
pub fn in_order<'s>(session: &'s Session, content: &Content) -> Vec<Noted<'s>> {
    let steps = sequence(content);
    let order = |key: &str| {
        if key == "general" {
            return 0;
        }
        Step::from_id(key, content)
            .and_then(|s| steps.iter().position(|x| *x == s))
            .map_or(usize::MAX, |p| p + 1)
    };
    let mut keys: Vec<&String> = session.notes.keys().collect();
    keys.sort_by_key(|k| order(k));
    keys.into_iter()
        .map(|k| Noted {
            key: k,
            label: label(k, content),
            note: &session.notes[k],
        })
        .collect()
}
