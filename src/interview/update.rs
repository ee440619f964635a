//! The only place a session changes: `update` applies one `Action` and says whether anything
//! changed (so the front end saves) or why the input was refused.

use crate::content::Content;
use crate::content::date::Stamp;
use crate::content::money::Pounds;
use crate::content::questions::{AnswerKind, Question};
use crate::rules::money::Money;

use super::action::{Action, ContributionField};
use super::answer::parse_answer;
use super::session::{AnswerValue, ContributionYear, Note, Session};
use super::step::{self, Step};

/// What an action did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// An answer, choice or note changed: save.
    Changed,
    /// Only the position changed: save, so the adviser resumes here.
    Moved,
    /// Nothing to do (e.g. "next" on the last screen).
    Unchanged,
    /// The input was refused; the message says what to type instead.
    Invalid(String),
}

impl Outcome {
    /// True when the session should be written to disk.
    pub fn needs_save(&self) -> bool {
        matches!(self, Outcome::Changed | Outcome::Moved)
    }
}

/// The screen the session is on (the first screen for a new session).
pub fn current_step(session: &Session, content: &Content) -> Step {
    session
        .position
        .step
        .as_deref()
        .and_then(|id| Step::from_id(id, content))
        .unwrap_or_else(|| step::first_step_of(0, content))
}

/// Applies one action to the session.
pub fn update(session: &mut Session, action: Action, content: &Content) -> Outcome {
    let here = current_step(session, content);
    match action {
        Action::Next => move_to(session, step::next(here, content), content, false),
        Action::Previous => move_to(session, step::previous(here, content), content, false),
        Action::Back => {
            let back = session.position.history.pop();
            let target = back
                .and_then(|id| Step::from_id(&id, content))
                .or_else(|| step::previous(here, content));
            move_to(session, target, content, false)
        }
        Action::Go(target) => move_to(session, Some(target), content, true),
        Action::Toggle(id) => toggle(session, &id, content),
        Action::Answer { question, text } => answer(session, &question, &text, content),
        Action::ToggleOption { question, option } => {
            toggle_option(session, &question, &option, content)
        }
        Action::Contribution {
            tax_year,
            field,
            text,
        } => contribution(session, &tax_year, field, &text),
        Action::Note { key, text, at } => note(session, key, text, Stamp(at)),
        Action::Reference(r) => {
            let r = r.trim().to_string();
            if r.is_empty() {
                return Outcome::Invalid("the claimant reference cannot be empty".into());
            }
            set(&mut session.reference, r)
        }
    }
}

fn set<T: PartialEq>(slot: &mut T, value: T) -> Outcome {
    if *slot == value {
        Outcome::Unchanged
    } else {
        *slot = value;
        Outcome::Changed
    }
}

fn move_to(
    session: &mut Session,
    target: Option<Step>,
    content: &Content,
    remember: bool,
) -> Outcome {
    let Some(target) = target else {
        return Outcome::Unchanged;
    };
    let here = current_step(session, content);
    if target == here {
        return Outcome::Unchanged;
    }
    if remember {
        session.position.history.push(here.id(content));
    }
    session.position.step = Some(target.id(content));
    Outcome::Moved
}

fn toggle(session: &mut Session, id: &str, content: &Content) -> Outcome {
    let wca = &content.wca;
    let is_descriptor = wca.descriptor(id).is_some() || wca.lcwra_descriptor(id).is_some();
    if !is_descriptor && wca.route(id).is_none() {
        return Outcome::Invalid(format!("`{id}` is not a descriptor or route"));
    }
    let cleared = if is_descriptor && !session.is_chosen(id) {
        cleared_by(id, session, content)
    } else {
        Vec::new()
    };
    let list = if is_descriptor {
        &mut session.wca.descriptors
    } else {
        &mut session.wca.exceptional
    };
    if let Some(i) = list.iter().position(|d| d == id) {
        list.remove(i);
    } else {
        list.retain(|d| !cleared.contains(d));
        list.push(id.to_string());
    }
    Outcome::Changed
}

/// The chosen descriptors that choosing `id` clears: in one activity, "none of the above
/// applies" cannot stand beside a descriptor that applies (a Schedule 2 one, or the Schedule 3
/// one that repeats a Schedule 2 one), so choosing either clears the other.
pub fn cleared_by(id: &str, session: &Session, content: &Content) -> Vec<String> {
    let wca = &content.wca;
    let activity = match (wca.descriptor(id), wca.lcwra_descriptor(id)) {
        (Some((a, _)), _) => Some(a),
        (None, Some((p, _))) => p.mirrors.as_deref().and_then(|m| wca.activity(m)),
        (None, None) => None,
    };
    let Some(activity) = activity else {
        return Vec::new();
    };
    let choosing_none = wca.descriptor(id).is_some_and(|(_, d)| d.none);
    let mirrored: Vec<&str> = wca
        .lcwra_mirroring(&activity.id)
        .map(|p| p.descriptors.iter().map(|d| d.id.as_str()).collect())
        .unwrap_or_default();
    let others = activity
        .descriptors
        .iter()
        .filter(|d| d.id != id && d.none != choosing_none)
        .map(|d| d.id.as_str())
        .chain(mirrored.into_iter().filter(|_| choosing_none));
    others
        .filter(|o| session.is_chosen(o))
        .map(str::to_string)
        .collect()
}

/// What choosing `id` clears, in words, for the front end to say: "None of the above applies
/// cannot be chosen with a descriptor that applies: 1(c) is no longer chosen." None when it
/// clears nothing.
pub fn clearing_said(id: &str, session: &Session, content: &Content) -> Option<String> {
    let cleared = cleared_by(id, session, content);
    if cleared.is_empty() {
        return None;
    }
    let label = |x: &str| match (content.wca.descriptor(x), content.wca.lcwra_descriptor(x)) {
        (Some((a, d)), _) => format!("{}({})", a.number, d.letter),
        (None, Some(_)) => format!(
            "support-group descriptor {}",
            crate::interview::evaluate::lcwra_label(x, content)
        ),
        (None, None) => x.to_string(),
    };
    let names: Vec<String> = cleared.iter().map(|x| label(x)).collect();
    let (names, verb) = match names.len() {
        1 => (names[0].clone(), "is"),
        _ => (names.join(" and "), "are"),
    };
    let chosen = label(id);
    let none_chosen = content.wca.descriptor(id).is_some_and(|(_, d)| d.none);
    Some(if none_chosen {
        format!(
            "{chosen} says none of the above applies, so it cannot stand with a descriptor that applies: {names} {verb} no longer chosen."
        )
    } else {
        format!(
            "{chosen} applies, so \"none of the above applies\" cannot stand with it: {names} {verb} no longer chosen."
        )
    })
}

fn question<'a>(content: &'a Content, id: &str) -> Result<&'a Question, Outcome> {
    content
        .questions
        .get(id)
        .ok_or_else(|| Outcome::Invalid(format!("`{id}` is not a question")))
}

fn answer(session: &mut Session, id: &str, text: &str, content: &Content) -> Outcome {
    if let Some((tax_year, field)) = ContributionField::parse_question_id(id) {
        return contribution(session, &tax_year, field, text);
    }
    let q = match question(content, id) {
        Ok(q) => q,
        Err(o) => return o,
    };
    match parse_answer(q, text) {
        Ok(value) => store(session, q, value),
        Err(message) => Outcome::Invalid(message),
    }
}

fn toggle_option(session: &mut Session, id: &str, option: &str, content: &Content) -> Outcome {
    let q = match question(content, id) {
        Ok(q) => q,
        Err(o) => return o,
    };
    if !q.options.iter().any(|o| o.id == option) {
        return Outcome::Invalid(format!("`{option}` is not an option of this question"));
    }
    let value = match (q.kind, answer_of(session, q)) {
        (AnswerKind::SeveralOf, Some(AnswerValue::List(mut ids))) => {
            if let Some(i) = ids.iter().position(|x| x == option) {
                ids.remove(i);
            } else {
                ids.push(option.to_string());
            }
            AnswerValue::List(ids)
        }
        (AnswerKind::SeveralOf, _) => AnswerValue::List(vec![option.to_string()]),
        (AnswerKind::OneOf, _) => AnswerValue::Text(option.to_string()),
        _ => return Outcome::Invalid("this question has no options to choose".into()),
    };
    store(session, q, Some(value))
}

/// The current answer to a question, wherever the session keeps it.
pub fn answer_of(session: &Session, q: &Question) -> Option<AnswerValue> {
    let date = |d: Option<crate::content::date::Date>| d.map(AnswerValue::Date);
    let (c, d) = (&session.claimant, &session.decision);
    match q.id.as_str() {
        "claimant.date_of_birth" => date(c.date_of_birth),
        "claimant.claim_date" => date(c.claim_date),
        "claimant.incapacity_start" => date(c.incapacity_start),
        "decision.decision_date" => date(d.decision_date),
        "decision.reasons_requested" => date(d.reasons_requested),
        "decision.reasons_provided" => date(d.reasons_provided),
        "decision.mr_notice_date" => date(d.mr_notice_date),
        "decision.tribunal_decision_date" => date(d.tribunal_decision_date),
        "decision.tribunal_reasons_sent" => date(d.tribunal_reasons_sent),
        "decision.permission_refused_date" => date(d.permission_refused_date),
        "decision.jurisdiction" => d.jurisdiction.clone().map(AnswerValue::Text),
        id => session.answers.get(id).cloned(),
    }
}

fn store(session: &mut Session, q: &Question, value: Option<AnswerValue>) -> Outcome {
    let as_date = |v: &Option<AnswerValue>| match v {
        Some(AnswerValue::Date(d)) => Some(*d),
        _ => None,
    };
    let date = as_date(&value);
    let (c, d) = (&mut session.claimant, &mut session.decision);
    match q.id.as_str() {
        "claimant.date_of_birth" => set(&mut c.date_of_birth, date),
        "claimant.claim_date" => set(&mut c.claim_date, date),
        "claimant.incapacity_start" => set(&mut c.incapacity_start, date),
        "decision.decision_date" => set(&mut d.decision_date, date),
        "decision.reasons_requested" => set(&mut d.reasons_requested, date),
        "decision.reasons_provided" => set(&mut d.reasons_provided, date),
        "decision.mr_notice_date" => set(&mut d.mr_notice_date, date),
        "decision.tribunal_decision_date" => set(&mut d.tribunal_decision_date, date),
        "decision.tribunal_reasons_sent" => set(&mut d.tribunal_reasons_sent, date),
        "decision.permission_refused_date" => set(&mut d.permission_refused_date, date),
        "decision.jurisdiction" => {
            let j = match value {
                Some(AnswerValue::Text(t)) => Some(t),
                _ => None,
            };
            set(&mut d.jurisdiction, j)
        }
        id => {
            let before = session.answers.get(id).cloned();
            if before == value {
                return Outcome::Unchanged;
            }
            match value {
                Some(v) => session.answers.insert(id.to_string(), v),
                None => session.answers.remove(id),
            };
            Outcome::Changed
        }
    }
}

fn contribution(
    session: &mut Session,
    tax_year: &str,
    field: ContributionField,
    text: &str,
) -> Outcome {
    let t = text.trim();
    let weeks = |t: &str| -> Result<Option<u32>, String> {
        if t.is_empty() {
            return Ok(None);
        }
        match t.parse::<u32>() {
            Ok(n) if n <= 53 => Ok(Some(n)),
            _ => Err(format!("`{t}`: type a number of weeks from 0 to 53")),
        }
    };
    let years = &mut session.contributions;
    let index = years
        .iter()
        .position(|y| y.tax_year == tax_year)
        .unwrap_or_else(|| {
            years.push(ContributionYear {
                tax_year: tax_year.to_string(),
                ..ContributionYear::default()
            });
            years.len() - 1
        });
    let year = &mut years[index];
    let outcome = match field {
        ContributionField::Class1Weeks => weeks(t).map(|v| set(&mut year.class1_weeks, v)),
        ContributionField::Class2Weeks => weeks(t).map(|v| set(&mut year.class2_weeks, v)),
        ContributionField::CreditedWeeks => weeks(t).map(|v| set(&mut year.credited_weeks, v)),
        ContributionField::Class1Earnings if t.is_empty() => {
            Ok(set(&mut year.class1_earnings, None))
        }
        ContributionField::Class1Earnings => Money::parse_pounds(t)
            .filter(|m| m.pence() >= 0)
            .map(|m| set(&mut year.class1_earnings, Some(Pounds(m))))
            .ok_or_else(|| format!("`{t}`: type an amount in pounds, e.g. 9000.00")),
    };
    let empty = *year
        == ContributionYear {
            tax_year: tax_year.to_string(),
            ..ContributionYear::default()
        };
    if empty {
        years.remove(index);
    }
    outcome.unwrap_or_else(Outcome::Invalid)
}

fn note(session: &mut Session, key: String, text: String, at: Stamp) -> Outcome {
    let current = session
        .notes
        .get(&key)
        .map(|n| n.text.as_str())
        .unwrap_or_default();
    if current == text {
        return Outcome::Unchanged;
    }
    if text.trim().is_empty() {
        session.notes.remove(&key);
    } else {
        session.notes.insert(
            key,
            Note {
                text,
                changed: Some(at),
            },
        );
    }
    Outcome::Changed
}
