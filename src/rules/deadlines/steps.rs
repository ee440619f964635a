//! Counting each step's deadline and placing the case on the timeline. Pure: uses only the
//! types of `rules::deadlines` and `rules::calendar`.

use chrono::NaiveDate;

use super::{
    Deadline, DecisionFacts, Input, InputProblem, Limit, Limits, Period, Reckoning, Rulebook, Step,
    StepId, StepState, Timeline, Urgency,
};
use crate::rules::calendar::{
    MissingYear, days_after, months_after, next_working_day, non_working,
};

/// The stages of a challenge: the date that opens each, and the steps it runs.
const STAGES: [(Input, &[StepId]); 5] = [
    (
        Input::DecisionDate,
        &[
            StepId::MandatoryReconsideration,
            StepId::LateMandatoryReconsideration,
        ],
    ),
    (Input::MrNoticeDate, &[StepId::Appeal, StepId::LateAppeal]),
    (Input::TribunalDecisionDate, &[StepId::StatementOfReasons]),
    (Input::TribunalReasonsSent, &[StepId::PermissionToAppeal]),
    (Input::PermissionRefusedDate, &[StepId::UpperTribunal]),
];

/// Builds the timeline from the entered dates, the limits and bank holidays, and today.
pub fn timeline(facts: &DecisionFacts, book: Rulebook<'_>, today: NaiveDate) -> Timeline {
    let current = STAGES
        .iter()
        .rposition(|(input, _)| input.value(facts).is_some());
    let steps: Vec<Step> = StepId::ALL
        .into_iter()
        .map(|id| place(id, facts, book, today, current))
        .collect();
    let due_now = current.and_then(|stage| due_now(STAGES[stage].1, &steps));
    Timeline {
        today,
        steps,
        due_now,
        problems: problems(facts, today),
    }
}

fn stage_of(step: StepId) -> usize {
    STAGES
        .iter()
        .position(|(_, steps)| steps.contains(&step))
        .expect("every step belongs to a stage")
}

/// The first entered date of a stage after `stage`: the proof the case moved on.
fn later_input(stage: usize, facts: &DecisionFacts) -> Option<Input> {
    STAGES[stage + 1..]
        .iter()
        .map(|(input, _)| *input)
        .find(|input| input.value(facts).is_some())
}

fn place(
    id: StepId,
    facts: &DecisionFacts,
    book: Rulebook<'_>,
    today: NaiveDate,
    current: Option<usize>,
) -> Step {
    let own_stage = stage_of(id);
    let done_by = later_input(own_stage, facts);
    let counted = count(id, facts, book);
    let deadline = match &counted {
        Ok(Some(c)) => Some(Deadline {
            date: c.date,
            days_left: c.date.signed_duration_since(today).num_days(),
            reckoning: c.reckoning.clone(),
            may_move_later: c.may_move_later,
        }),
        _ => None,
    };
    let state = match (done_by, counted, &deadline) {
        (Some(shown_by), _, _) => StepState::Done { shown_by },
        (None, Err(Blocked::Holidays(missing)), _) => StepState::Unavailable { missing },
        (None, Err(Blocked::Jurisdiction), _) => StepState::NotYetKnown {
            waiting_for: Input::Jurisdiction,
        },
        (None, Ok(_), Some(d)) if current == Some(own_stage) => StepState::Current {
            urgency: urgency(d.days_left, book.limits.warning_days),
        },
        _ => StepState::NotYetKnown {
            waiting_for: id.counted_from(),
        },
    };
    Step {
        id,
        state,
        deadline,
    }
}

fn urgency(days_left: i64, window: u32) -> Urgency {
    if days_left < 0 {
        Urgency::Passed {
            days_ago: -days_left,
        }
    } else if days_left <= i64::from(window) {
        Urgency::DueSoon { days_left, window }
    } else {
        Urgency::Ok { days_left }
    }
}

/// Within the current stage: the first step still open, else the last (all passed).
fn due_now(stage_steps: &[StepId], steps: &[Step]) -> Option<StepId> {
    let open = stage_steps.iter().copied().find(|id| {
        steps.iter().any(|s| {
            s.id == *id
                && matches!(
                    s.state,
                    StepState::Unavailable { .. }
                        | StepState::Current {
                            urgency: Urgency::DueSoon { .. } | Urgency::Ok { .. }
                        }
                )
        })
    });
    open.or_else(|| stage_steps.last().copied())
}

/// A deadline before it is set against today.
struct Counted {
    date: NaiveDate,
    reckoning: Vec<Reckoning>,
    may_move_later: Option<Input>,
}

/// Why a deadline that has its starting date still cannot be counted.
enum Blocked {
    /// Content lacks a year of bank holidays.
    Holidays(MissingYear),
    /// The jurisdiction, and so the holiday list, is not chosen yet.
    Jurisdiction,
}

/// `Ok(None)` when the date that starts the clock is missing (or the sum leaves chrono's
/// range); `Err` when a working-day move needs holidays that are not available.
fn count(
    id: StepId,
    facts: &DecisionFacts,
    book: Rulebook<'_>,
) -> Result<Option<Counted>, Blocked> {
    let limits = book.limits;
    let counted = match id {
        StepId::MandatoryReconsideration => mandatory_reconsideration(facts, limits),
        StepId::LateAppeal => late_appeal(facts, limits),
        other => simple(other, facts, limits),
    };
    let Some(mut counted) = counted else {
        return Ok(None);
    };
    counted.date = finish(
        counted.date,
        limits.for_step(id),
        book,
        &mut counted.reckoning,
    )?;
    Ok(Some(counted))
}

fn add(from: NaiveDate, limit: &Limit, limits: &Limits) -> Option<(NaiveDate, Reckoning)> {
    let (to, clamped) = match limit.period {
        Period::Months(n) => {
            let later = months_after(from, n)?;
            (later.date, later.clamped)
        }
        Period::Days(n) => (days_after(from, n)?, false),
    };
    let line = Reckoning::Add {
        from,
        period: limit.period,
        to,
        clamped,
        cite: limit.cite.clone(),
        month_rule: limits.month_rule.clone(),
    };
    Some((to, line))
}

/// A step counted straight from its starting date.
fn simple(id: StepId, facts: &DecisionFacts, limits: &Limits) -> Option<Counted> {
    let event = id.counted_from();
    let start = event.value(facts)?;
    let (date, line) = add(start, limits.for_step(id), limits)?;
    Some(Counted {
        date,
        reckoning: vec![Reckoning::Start { event, date: start }, line],
        may_move_later: None,
    })
}

/// Twelve months (from content) after the normal appeal limit, before any working-day move.
fn late_appeal(facts: &DecisionFacts, limits: &Limits) -> Option<Counted> {
    let notice = facts.mr_notice_date?;
    let (normal, _) = add(notice, &limits.appeal, limits)?;
    let (date, line) = add(normal, &limits.late_appeal, limits)?;
    Some(Counted {
        date,
        reckoning: vec![
            Reckoning::StartFromLimit {
                step: StepId::Appeal,
                date: normal,
            },
            line,
        ],
        may_move_later: None,
    })
}

/// One month from notification, extended when a statement of reasons was asked for in time.
fn mandatory_reconsideration(facts: &DecisionFacts, limits: &Limits) -> Option<Counted> {
    let decision = facts.decision_date?;
    let (month_end, line) = add(decision, &limits.mandatory_reconsideration, limits)?;
    let mut reckoning = vec![
        Reckoning::Start {
            event: Input::DecisionDate,
            date: decision,
        },
        line,
    ];
    let mut may_move_later = None;
    let cite = limits.reasons_extension.cite.clone();
    let date = match (facts.reasons_requested, facts.reasons_provided) {
        (None, None) => month_end,
        (None, Some(provided)) => {
            reckoning.push(Reckoning::ReasonsRequestDateMissing { provided });
            may_move_later = Some(Input::ReasonsRequested);
            month_end
        }
        (Some(requested), _) if requested > month_end => {
            reckoning.push(Reckoning::ReasonsRequestedLate {
                requested,
                month_end,
            });
            month_end
        }
        (Some(requested), None) => {
            reckoning.push(Reckoning::ReasonsAwaited { requested });
            may_move_later = Some(Input::ReasonsProvided);
            month_end
        }
        (Some(requested), Some(provided)) => {
            let from = if provided <= month_end {
                reckoning.push(Reckoning::ReasonsWithinMonth {
                    requested,
                    provided,
                    cite,
                });
                month_end
            } else {
                reckoning.push(Reckoning::ReasonsAfterMonth {
                    requested,
                    provided,
                    cite,
                });
                provided
            };
            let (date, line) = add(from, &limits.reasons_extension, limits)?;
            reckoning.push(line);
            date
        }
    };
    Some(Counted {
        date,
        reckoning,
        may_move_later,
    })
}

/// Moves a limit to the next working day where a rule says so; otherwise notes a limit that
/// ends on a non-working day and stays there.
fn finish(
    date: NaiveDate,
    limit: &Limit,
    book: Rulebook<'_>,
    reckoning: &mut Vec<Reckoning>,
) -> Result<NaiveDate, Blocked> {
    if let Some(cite) = &limit.next_working_day {
        let calendar = book.calendar.ok_or(Blocked::Jurisdiction)?;
        let moved = next_working_day(date, calendar).map_err(Blocked::Holidays)?;
        if moved.date != date {
            reckoning.push(Reckoning::MovedToWorkingDay {
                from: date,
                to: moved.date,
                skipped: moved.skipped,
                cite: cite.clone(),
            });
        }
        return Ok(moved.date);
    }
    // The limit does not move; a day outside the holiday tables only loses the note.
    if let Some(Ok(Some(why))) = book.calendar.map(|c| non_working(date, c)) {
        reckoning.push(Reckoning::NotMoved {
            date,
            why,
            note: limit.not_moved_note.clone(),
        });
    }
    Ok(date)
}

/// Dates that must run in order, and dates that cannot be after today.
fn problems(facts: &DecisionFacts, today: NaiveDate) -> Vec<InputProblem> {
    let mut found = Vec::new();
    let chain = [
        Input::DecisionDate,
        Input::MrNoticeDate,
        Input::TribunalDecisionDate,
        Input::TribunalReasonsSent,
        Input::PermissionRefusedDate,
    ];
    check_order(&chain, facts, &mut found);
    let reasons = [
        Input::DecisionDate,
        Input::ReasonsRequested,
        Input::ReasonsProvided,
    ];
    check_order(&reasons, facts, &mut found);
    for input in chain.into_iter().chain(reasons) {
        let future = input.value(facts).is_some_and(|d| d > today);
        let listed = found.contains(&InputProblem::InFuture { input });
        if future && !listed {
            found.push(InputProblem::InFuture { input });
        }
    }
    found
}

/// Each entered date must not be before the last entered date ahead of it in `chain`.
fn check_order(chain: &[Input], facts: &DecisionFacts, found: &mut Vec<InputProblem>) {
    let mut previous: Option<(Input, NaiveDate)> = None;
    for &input in chain {
        let Some(date) = input.value(facts) else {
            continue;
        };
        if let Some((earlier, before)) = previous
            && date < before
        {
            found.push(InputProblem::OutOfOrder {
                earlier,
                later: input,
            });
        }
        previous = Some((input, date));
    }
}
