//! The WCA screens: one Schedule 2 activity with its descriptors and the support-group
//! descriptor that mirrors it, the support-group checklist, and the routes checklist.

use crate::content::Content;
use crate::content::wca::Route;
use crate::interview::session::Session;
use crate::rules::wca::{Assessment, Part};
use std::fmt::Write as _;

use super::{ActivityScreen, Choice};
use crate::interview::evaluate::lcwra_label;

/// The screen of the i-th Schedule 2 activity.
pub fn activity(i: usize, session: &Session, content: &Content, a: &Assessment) -> ActivityScreen {
    let act = &content.wca.schedule2.activities[i];
    let score = a.activity(&act.id);
    let mut choices: Vec<Choice> = act
        .descriptors
        .iter()
        .map(|d| {
            let chosen = session.is_chosen(&d.id);
            let remark = score.and_then(|s| s.not_counting.iter().find(|n| n.id == d.id)).map(|n| {
                let instead = content.wca.descriptor(&n.instead).map_or(n.instead.clone(), |(_, x)| x.letter.clone());
                format!("does not count: ({instead}) counts instead (only the highest descriptor in an activity scores)")
            }).or_else(|| {
                let by = score.filter(|s| s.counted == d.id)?.implied_by.as_deref()?;
                Some(format!("applies and counts, because the support-group descriptor (SG, Schedule 3 {}) repeats it: choose it so the statement shows it", lcwra_label(by, content)))
            });
            Choice { id: d.id.clone(), tag: d.letter.clone(), text: d.text.clone(), points: Some(d.points), chosen, remark }
        })
        .collect();
    if let Some(mirror) = content.wca.lcwra_mirroring(&act.id) {
        choices.extend(
            mirror
                .descriptors
                .iter()
                .map(|d| lcwra_choice(&d.id, &d.text, session, content)),
        );
    }
    ActivityScreen {
        id: act.id.clone(),
        number: act.number,
        count: content.wca.schedule2.activities.len(),
        title: act.title.clone(),
        part: match act.part {
            Part::Physical => "physical",
            Part::Mental => "mental, cognitive and intellectual",
        },
        heading: act.heading.clone(),
        esa50: act.esa50.clone(),
        guidance: act.guidance.clone(),
        ask: act.ask.clone(),
        source: act.source.cite(),
        choices,
        points: score.map_or(0, |s| s.points),
    }
}

fn lcwra_choice(id: &str, text: &str, session: &Session, content: &Content) -> Choice {
    let chosen = session.is_chosen(id);
    let twin = content
        .wca
        .lcwra_descriptor(id)
        .and_then(|(_, d)| d.implies.as_deref());
    let mut remark = format!("support group: Schedule 3 {}", lcwra_label(id, content));
    if let Some(twin) = twin {
        let letter = content
            .wca
            .descriptor(twin)
            .map_or(twin.to_string(), |(_, d)| d.letter.clone());
        let _ = write!(remark, "; ({letter}) applies with it (15 points)");
        if chosen && !session.is_chosen(twin) {
            let _ = write!(remark, ": choose ({letter}) as well");
        }
    }
    Choice {
        id: id.to_string(),
        tag: "SG".into(),
        text: text.to_string(),
        points: None,
        chosen,
        remark: Some(remark),
    }
}

/// Every Schedule 3 descriptor as a checklist.
pub fn support_group(session: &Session, content: &Content) -> Vec<Choice> {
    content
        .wca
        .schedule3
        .activities
        .iter()
        .flat_map(|a| {
            a.descriptors.iter().map(move |d| {
                let tag = match &d.letter {
                    Some(l) => format!("{}{l}", a.number),
                    None => a.number.to_string(),
                };
                Choice {
                    id: d.id.clone(),
                    tag,
                    text: format!("{}: {}", a.title, d.text),
                    points: None,
                    chosen: session.is_chosen(&d.id),
                    remark: if a.gives_lcw {
                        Some("also gives limited capability for work".to_string())
                    } else {
                        d.implies.as_deref().map(|twin| {
                            format!(
                                "also gives limited capability for work: Schedule 2 {} (15 points) applies with it",
                                crate::interview::evaluate::descriptor_label(twin, content)
                            )
                        })
                    },
                }
            })
        })
        .collect()
}

/// What a route gives, in words.
pub fn route_gives(r: &Route) -> String {
    match (r.new_style.lcw.is_some(), r.new_style.lcwra.is_some()) {
        (true, true) => "gives limited capability for work and for work-related activity".into(),
        (true, false) => "gives limited capability for work".into(),
        (false, true) => "gives limited capability for work-related activity".into(),
        (false, false) => String::new(),
    }
}

/// Every route as a checklist.
pub fn routes(session: &Session, content: &Content) -> Vec<Choice> {
    content
        .wca
        .routes
        .iter()
        .enumerate()
        .map(|(i, r)| Choice {
            id: r.id.clone(),
            tag: (i + 1).to_string(),
            text: format!("{}: {}", r.title, r.question),
            points: None,
            chosen: session.is_chosen(&r.id),
            remark: Some(route_gives(r)),
        })
        .collect()
}
