//! The Work Capability Assessment of a session: the chosen descriptors and routes scored by
//! `rules::wca` (ids this content does not know are left out and listed), with the tally's
//! names for the screens.

use crate::content::Content;
use crate::interview::session::Session;
use crate::rules::wca::Assessment;

use super::tally::{self, Tally};

/// The WCA scored, with the names and figures every screen shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wca {
    /// The rules' result.
    pub assessment: Assessment,
    /// The same with the content's names.
    pub tally: Tally,
}

/// Scores the session's choices.
pub fn evaluate(session: &Session, content: &Content) -> Wca {
    let assessment = assess(session, content);
    Wca {
        tally: tally::build(&assessment, content),
        assessment,
    }
}

fn known(id: &str, content: &Content) -> bool {
    content.wca.descriptor(id).is_some() || content.wca.lcwra_descriptor(id).is_some()
}

fn assess(session: &Session, content: &Content) -> Assessment {
    let scheme = &content.wca.scheme;
    let descriptors: Vec<&String> = session
        .wca
        .descriptors
        .iter()
        .filter(|id| known(id, content))
        .collect();
    let routes: Vec<&String> = session
        .wca
        .exceptional
        .iter()
        .filter(|id| content.wca.route(id).is_some())
        .collect();
    crate::rules::wca::assess(scheme, &descriptors, &routes).unwrap_or_else(|_| {
        crate::rules::wca::assess::<&String>(scheme, &[], &[])
            .expect("an empty choice is always known")
    })
}

/// Chosen ids the content does not know, in the order chosen.
pub fn unknown_ids(session: &Session, content: &Content) -> Vec<String> {
    let descriptors = session
        .wca
        .descriptors
        .iter()
        .filter(|id| !known(id, content));
    let routes = session
        .wca
        .exceptional
        .iter()
        .filter(|id| content.wca.route(id).is_none());
    descriptors.chain(routes).cloned().collect()
}
