//! The linear start: resume a session by number or reference, or start a new one with a
//! claimant reference. A session open in another process is said in words (who, since when)
//! and offered read-only. Uses only the API of `store`.

use std::io::{self, BufRead, Write};

use crate::app::Context;
use crate::content::date::Stamp;
use crate::interview::answer::parse_yes_no;
use crate::interview::commands::CommandId;
use crate::open_session::{OpenRefusal, open_for_changes};
use crate::store::{Access, Handle, Summary};

use super::Io;
use super::input::{Input, classify};

const START_HELP: &str = "Help: type the number of a saved session to resume it, or its \
    claimant reference; new to start a new session; or quit to leave.";

/// The start's questions, named when a refused line stops a strict run.
const LIST_QUESTION: &str =
    "Question: Type the number of a session to resume it, or new to start a new session.";
const REFERENCE_QUESTION: &str = "Question: What is the claimant's reference for the new \
    session? Type a name or your own reference; it is saved with the session.";
const READ_ONLY_QUESTION: &str = "Question: Open it read-only, to look at every answer without \
    changing anything? Answer yes or no.";

const REFERENCE_HELP: &str = "Help: type the claimant's reference (a name or your own \
    reference, which is saved with the session), or quit to leave. Once the session is open, \
    help lists every command.";

/// Opens the session to work on, or None when the adviser leaves (or input ends) first.
pub fn start<R: BufRead, W: Write>(
    io: &mut Io<R, W>,
    ctx: &Context,
    resume: Option<&str>,
) -> io::Result<Option<Handle>> {
    if let Some(handle) = resume_given(io, ctx, resume)? {
        return Ok(Some(handle));
    }
    loop {
        if io.stopped() {
            return nothing_saved(io);
        }
        let sessions = ctx.store.list();
        if sessions.is_empty() {
            io.say("There are no saved sessions yet, so a new one starts.")?;
            return create(io, ctx);
        }
        io.blank()?;
        say_list(io, &sessions)?;
        let Some(line) = io.read()? else {
            return nothing_saved(io);
        };
        match choose(&line, &sessions, ctx) {
            Choice::New => return create(io, ctx),
            Choice::Quit => return nothing_saved(io),
            Choice::Open(id) => {
                if let Some(handle) = open(io, ctx, &id, LIST_QUESTION)? {
                    return Ok(Some(handle));
                }
            }
            Choice::Say(text) => io.say(&text)?,
            Choice::Refuse(text) => {
                io.refuse(&text, LIST_QUESTION)?;
            }
        }
    }
}

/// Opens the session named on the command line, if one was and it can be opened.
fn resume_given<R: BufRead, W: Write>(
    io: &mut Io<R, W>,
    ctx: &Context,
    resume: Option<&str>,
) -> io::Result<Option<Handle>> {
    let Some(reference) = resume else {
        return Ok(None);
    };
    let asked = format!("resume {reference}.");
    if let Some(id) = ctx.store.find(reference) {
        return open(io, ctx, &id, &asked);
    }
    io.refuse(
        &format!("Error: no saved session has the reference {reference}."),
        &asked,
    )?;
    Ok(None)
}

/// Sessions listed at the start; with more, a reference (or part of one) finds the others.
/// Found by the scale benchmark: with 10,000 sessions the plain mode said 10,000 lines before
/// its first question.
const LISTED: usize = 20;

/// The most recent sessions, numbered, and the question.
fn say_list<R: BufRead, W: Write>(io: &mut Io<R, W>, sessions: &[Summary]) -> io::Result<()> {
    if sessions.len() > LISTED {
        io.say(&format!(
            "{} sessions are saved; the {LISTED} most recently changed:",
            sessions.len()
        ))?;
    } else {
        io.say("Saved sessions, most recently changed first:")?;
    }
    for (i, s) in sessions.iter().take(LISTED).enumerate() {
        io.say(&listed(i, s))?;
    }
    let find = if sessions.len() > LISTED {
        " To find another, type its reference or part of it."
    } else {
        ""
    };
    io.say(&format!("{LIST_QUESTION}{find}"))
}

enum Choice {
    New,
    Quit,
    Open(String),
    Say(String),
    /// The line is refused: this error is said (and stops a strict run).
    Refuse(String),
}

fn choose(line: &str, sessions: &[Summary], ctx: &Context) -> Choice {
    let t = match classify(line, false) {
        Input::Command(c, _) if c.id == CommandId::Quit => return Choice::Quit,
        Input::Command(c, _) if c.id == CommandId::Help => return Choice::Say(START_HELP.into()),
        Input::Empty | Input::Command(..) => {
            return Choice::Refuse(format!(
                "Error: no session is open yet: type a number from 1 to {}, or new. Type help \
                 for more.",
                sessions.len()
            ));
        }
        Input::Text(t) => t,
    };
    if t.eq_ignore_ascii_case("new") {
        return Choice::New;
    }
    let picked = t
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| sessions.get(i));
    match (picked, ctx.store.find(t)) {
        (Some(s), _) if s.problem.is_some() => Choice::Refuse(format!(
            "Error: session {} cannot be read, so it cannot be resumed here.",
            s.id
        )),
        (Some(s), _) => Choice::Open(s.id.clone()),
        (None, Some(id)) => Choice::Open(id),
        (None, None) => found_by_part(t, sessions),
    }
}

/// The sessions whose reference holds every word typed: one is opened, several are listed
/// with their numbers.
fn found_by_part(t: &str, sessions: &[Summary]) -> Choice {
    let found: Vec<(usize, &Summary)> = sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.problem.is_none() && s.matches(t))
        .collect();
    match found.as_slice() {
        [] => Choice::Refuse(format!(
            "Error: \"{t}\" is not a number from 1 to {} or a saved reference. Type new to \
             start a new session.",
            sessions.len()
        )),
        [(_, s)] => Choice::Open(s.id.clone()),
        many => {
            let shown: Vec<String> = many
                .iter()
                .take(LISTED)
                .map(|(i, s)| listed(*i, s))
                .collect();
            let more = many.len().saturating_sub(LISTED);
            let tail = if more > 0 {
                format!(" And {more} more: type more of the reference.")
            } else {
                String::new()
            };
            Choice::Say(format!(
                "{} sessions match \"{t}\": {} Type a number to resume one.{tail}",
                many.len(),
                shown.join(" ")
            ))
        }
    }
}

fn listed(i: usize, s: &Summary) -> String {
    match (&s.problem, s.changed) {
        (Some(p), _) => format!("{}) Session {} cannot be read: {p}.", i + 1, s.id),
        (None, Some(c)) => format!("{}) {}, last changed {}.", i + 1, s.reference, when(c)),
        (None, None) => format!("{}) {}.", i + 1, s.reference),
    }
}

/// "Wednesday 25 November 2026 at 10:30".
pub fn when(stamp: Stamp) -> String {
    stamp.0.format("%A %-d %B %Y at %H:%M").to_string()
}

fn nothing_saved<R: BufRead, W: Write>(io: &mut Io<R, W>) -> io::Result<Option<Handle>> {
    io.say("No session was opened, so nothing was saved. Goodbye.")?;
    Ok(None)
}

/// Asks for a claimant reference and creates the session.
fn create<R: BufRead, W: Write>(io: &mut Io<R, W>, ctx: &Context) -> io::Result<Option<Handle>> {
    loop {
        if io.stopped() {
            return nothing_saved(io);
        }
        io.blank()?;
        io.say(REFERENCE_QUESTION)?;
        let Some(line) = io.read()? else {
            return nothing_saved(io);
        };
        let reference = match classify(&line, false) {
            Input::Command(c, _) if c.id == CommandId::Quit => return nothing_saved(io),
            Input::Command(c, _) if c.id == CommandId::Help => {
                io.say(REFERENCE_HELP)?;
                continue;
            }
            Input::Text(t) => t.to_string(),
            other => {
                io.refuse(&not_a_reference(&other), REFERENCE_QUESTION)?;
                continue;
            }
        };
        if ctx.store.find(&reference).is_some() {
            io.refuse(
                &format!(
                    "Error: a saved session already has the reference {reference}. Type \
                     another reference, or quit and resume that session."
                ),
                REFERENCE_QUESTION,
            )?;
            continue;
        }
        return match ctx.store.create(&reference, ctx.today, ctx.clock.now()) {
            Ok(handle) => {
                io.say(&format!("Saved: a new session for {reference}."))?;
                io.say(
                    "If the DWP has already decided the claim, type routes at any prompt to go \
                     straight to reconsideration and appeal.",
                )?;
                Ok(Some(handle))
            }
            Err(e) => {
                io.say(&format!("Error: the session could not be created: {e}."))?;
                Err(io::Error::other(e.to_string()))
            }
        };
    }
}

/// Why a line at the reference prompt is not a reference.
fn not_a_reference(input: &Input) -> String {
    match input {
        Input::Command(c, _) => format!(
            "Error: no session is open yet, so {} cannot be used: type the claimant's \
             reference, or quit to leave.",
            c.words[0]
        ),
        _ => "Error: the claimant reference cannot be empty: type a name or your own \
              reference, or quit to leave."
            .to_string(),
    }
}

/// Opens a session for changes; if another process has it, says who and since when and offers
/// to open it read-only. None when it cannot be opened or the adviser declines.
/// `asked` is what the line that chose it was typed at, named if a strict run stops here.
fn open<R: BufRead, W: Write>(
    io: &mut Io<R, W>,
    ctx: &Context,
    id: &str,
    asked: &str,
) -> io::Result<Option<Handle>> {
    let why = match open_for_changes(ctx, id) {
        Ok(handle) => return opened(io, handle),
        Err(OpenRefusal::Locked { holder }) => format!(
            "Error: this session is open in another process, by {holder}. Changing it here as \
             well could lose that work."
        ),
        Err(OpenRefusal::CannotLock { reason }) => {
            format!("Error: changes to this session cannot be saved here: {reason}.")
        }
        Err(OpenRefusal::Unusable(e)) => {
            io.refuse(&format!("Error: the session cannot be opened: {e}."), asked)?;
            return Ok(None);
        }
    };
    io.say(&why)?;
    if !read_only_wanted(io)? {
        return Ok(None);
    }
    read_only(io, ctx, id)
}

fn read_only<R: BufRead, W: Write>(
    io: &mut Io<R, W>,
    ctx: &Context,
    id: &str,
) -> io::Result<Option<Handle>> {
    match ctx.store.open_session(id, Access::ReadOnly) {
        Ok(handle) => opened(io, handle),
        Err(e) => {
            io.refuse(&format!("Error: {e}."), READ_ONLY_QUESTION)?;
            Ok(None)
        }
    }
}

/// Says which session is open and when it last changed.
fn opened<R: BufRead, W: Write>(io: &mut Io<R, W>, handle: Handle) -> io::Result<Option<Handle>> {
    let s = &handle.session;
    let changed = s
        .changed
        .map_or(String::new(), |c| format!(", last changed {}", when(c)));
    io.say(&format!("Session: {}{changed}.", s.reference))?;
    if let Some(cleared) = &handle.cleared_lock {
        io.say(&format!("Note: {cleared}"))?;
    }
    Ok(Some(handle))
}

fn read_only_wanted<R: BufRead, W: Write>(io: &mut Io<R, W>) -> io::Result<bool> {
    loop {
        io.blank()?;
        io.say(READ_ONLY_QUESTION)?;
        let Some(line) = io.read()? else {
            return Ok(false);
        };
        match parse_yes_no(&line) {
            Ok(yes) => return Ok(yes),
            Err(_) => {
                if io.refuse("Error: answer yes or no (y or n).", READ_ONLY_QUESTION)? {
                    return Ok(false);
                }
            }
        }
    }
}
