//! Checks `deadlines.toml` and builds the typed content, reporting every problem with its
//! place: unknown and duplicate ids, missing limits and steps, a period with both or neither of
//! months and days, working-day rules that do not resolve, non-ASCII symbols.

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use super::raw;
use super::{Authority, DeadlinesContent, Evidence, LimitInfo, RouteNote, StepText, UrgencyStyle};
use crate::content::diag::Diagnostics;
use crate::content::files::SourceFile;
use crate::rules::deadlines::{Limit, Limits, Period, StepId};

/// The extension limit's id, beside the seven step ids.
const REASONS_EXTENSION: &str = "reasons-extension";

/// The urgency ids every screen needs a word and symbol for.
const URGENCIES: [&str; 4] = ["passed", "due-soon", "ok", CANNOT_COUNT];

/// The style for a deadline that cannot be counted.
pub const CANNOT_COUNT: &str = "cannot-count";

pub(super) fn build(
    file: &SourceFile,
    raw: raw::File,
    diags: &mut Diagnostics,
) -> Option<DeadlinesContent> {
    let urgency = urgency(file, raw.urgency, diags);
    let authorities: Vec<Authority> = std::iter::once(("month-rule".to_string(), raw.month_rule))
        .chain(raw.working_days)
        .map(|(id, c)| Authority {
            id,
            cite: c.cite,
            source: c.source,
            applies_from: c.applies_from.0,
        })
        .collect();
    let (by_id, limit_info) = limits(file, raw.limit, &authorities, diags);
    let steps = steps(file, raw.step, diags);
    let mut ids = BTreeSet::new();
    let evidence = raw
        .evidence
        .into_iter()
        .map(|e| Evidence {
            steps: step_refs(file, &e.steps, diags),
            id: unique_id(file, &e.id, &mut ids, diags),
            item: e.item,
            why: e.why,
            source: e.source,
            applies_from: e.applies_from.0,
        })
        .collect();
    let notes = raw
        .note
        .into_iter()
        .map(|n| RouteNote {
            steps: step_refs(file, &n.steps, diags),
            id: unique_id(file, &n.id, &mut ids, diags),
            title: n.title,
            says: n.says,
            source: n.source,
            applies_from: n.applies_from.0,
        })
        .collect();
    let month_rule = authorities[0].cite.clone();
    let limits = assemble(file, by_id, month_rule, raw.warning.days, diags)?;
    Some(DeadlinesContent {
        limits,
        limit_info,
        authorities,
        warning_source: raw.warning.source,
        warning_applies_from: raw.warning.applies_from.0,
        urgency,
        steps: steps?,
        evidence,
        notes,
    })
}

fn unique_id(
    file: &SourceFile,
    id: &Spanned<String>,
    seen: &mut BTreeSet<String>,
    diags: &mut Diagnostics,
) -> String {
    if !seen.insert(id.get_ref().clone()) {
        diags.error(
            file,
            Some(id.span()),
            format!("duplicate id `{}`", id.get_ref()),
        );
    }
    id.get_ref().clone()
}

fn step_id(file: &SourceFile, id: &Spanned<String>, diags: &mut Diagnostics) -> Option<StepId> {
    let found = StepId::from_id(id.get_ref());
    if found.is_none() {
        let known: Vec<&str> = StepId::ALL.iter().map(|s| s.id()).collect();
        diags.error(
            file,
            Some(id.span()),
            format!(
                "unknown step `{}`: use one of {}",
                id.get_ref(),
                known.join(", ")
            ),
        );
    }
    found
}

fn step_refs(file: &SourceFile, refs: &[Spanned<String>], diags: &mut Diagnostics) -> Vec<StepId> {
    refs.iter()
        .filter_map(|r| step_id(file, r, diags))
        .collect()
}

fn urgency(
    file: &SourceFile,
    raw: Vec<raw::Urgency>,
    diags: &mut Diagnostics,
) -> Vec<UrgencyStyle> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for u in raw {
        let id = u.id.get_ref();
        if !URGENCIES.contains(&id.as_str()) {
            diags.error(
                file,
                Some(u.id.span()),
                format!("unknown urgency `{id}`: use {}", URGENCIES.join(", ")),
            );
            continue;
        }
        unique_id(file, &u.id, &mut seen, diags);
        let symbol = u.symbol.get_ref();
        if symbol.is_empty() || !symbol.is_ascii() {
            diags.error(file, Some(u.symbol.span()), "symbol must be plain ASCII and not empty: the plain-text mode and screen readers need it");
        }
        out.push(UrgencyStyle {
            id: id.clone(),
            word: u.word,
            symbol: symbol.clone(),
        });
    }
    for missing in URGENCIES.iter().filter(|id| !seen.contains(**id)) {
        diags.error(
            file,
            None,
            format!(
                "missing [[urgency]] id = \"{missing}\": every urgency needs a word and symbol"
            ),
        );
    }
    out
}

fn period(file: &SourceFile, l: &raw::Limit, diags: &mut Diagnostics) -> Option<Period> {
    let period = match (&l.months, &l.days) {
        (Some(m), None) => Period::Months(*m.get_ref()),
        (None, Some(d)) => Period::Days(*d.get_ref()),
        _ => {
            diags.error(
                file,
                Some(l.id.span()),
                format!(
                    "limit `{}` needs either months or days, not both or neither",
                    l.id.get_ref()
                ),
            );
            return None;
        }
    };
    if matches!(period, Period::Months(0) | Period::Days(0)) {
        let span = l.months.as_ref().or(l.days.as_ref()).map(Spanned::span);
        diags.error(
            file,
            span,
            "a time limit of zero cannot be right: check the figure",
        );
    }
    Some(period)
}

fn limit(
    file: &SourceFile,
    l: &raw::Limit,
    authorities: &[Authority],
    diags: &mut Diagnostics,
) -> Option<Limit> {
    let period = period(file, l, diags)?;
    let next_working_day = match &l.moves_to_working_day {
        Some(rule) => {
            let found = authorities
                .iter()
                .find(|a| a.id != "month-rule" && &a.id == rule.get_ref());
            if found.is_none() {
                diags.error(
                    file,
                    Some(rule.span()),
                    format!(
                        "moves_to_working_day = \"{}\" names no [working_days.*] table",
                        rule.get_ref()
                    ),
                );
            }
            Some(found?.cite.clone())
        }
        None => None,
    };
    if next_working_day.is_none() && l.not_moved_note.is_none() {
        diags.error(file, Some(l.id.span()), format!("limit `{}` does not move to a working day, so it needs a not_moved_note telling the adviser what to do", l.id.get_ref()));
    }
    Some(Limit {
        period,
        cite: l.cite.clone(),
        next_working_day,
        not_moved_note: l.not_moved_note.clone().unwrap_or_default(),
    })
}

fn limits(
    file: &SourceFile,
    raw: Vec<raw::Limit>,
    authorities: &[Authority],
    diags: &mut Diagnostics,
) -> (BTreeMap<String, Option<Limit>>, Vec<LimitInfo>) {
    let mut by_id = BTreeMap::new();
    let mut info = Vec::new();
    let mut seen = BTreeSet::new();
    for l in raw {
        let id = l.id.get_ref().clone();
        if id != REASONS_EXTENSION && step_id(file, &l.id, diags).is_none() {
            continue;
        }
        unique_id(file, &l.id, &mut seen, diags);
        // An invalid limit is kept as None so it is not also reported as missing.
        by_id.insert(id.clone(), limit(file, &l, authorities, diags));
        info.push(LimitInfo {
            id,
            source: l.source,
            applies_from: l.applies_from.0,
        });
    }
    (by_id, info)
}

fn assemble(
    file: &SourceFile,
    mut by_id: BTreeMap<String, Option<Limit>>,
    month_rule: String,
    warning_days: u32,
    diags: &mut Diagnostics,
) -> Option<Limits> {
    let mut take = |id: &str| {
        let found = by_id.remove(id);
        if found.is_none() {
            diags.error(file, None, format!("missing [[limit]] id = \"{id}\" in content/deadlines.toml: add it with its source"));
        }
        found.flatten()
    };
    let mr = take(StepId::MandatoryReconsideration.id());
    let ext = take(REASONS_EXTENSION);
    let late_mr = take(StepId::LateMandatoryReconsideration.id());
    let appeal = take(StepId::Appeal.id());
    let late_appeal = take(StepId::LateAppeal.id());
    let sor = take(StepId::StatementOfReasons.id());
    let permission = take(StepId::PermissionToAppeal.id());
    let ut = take(StepId::UpperTribunal.id());
    Some(Limits {
        mandatory_reconsideration: mr?,
        reasons_extension: ext?,
        late_mandatory_reconsideration: late_mr?,
        appeal: appeal?,
        late_appeal: late_appeal?,
        statement_of_reasons: sor?,
        permission_to_appeal: permission?,
        upper_tribunal: ut?,
        month_rule,
        warning_days,
    })
}

fn steps(file: &SourceFile, raw: Vec<raw::Step>, diags: &mut Diagnostics) -> Option<Vec<StepText>> {
    let mut found: BTreeMap<StepId, StepText> = BTreeMap::new();
    for s in raw {
        let Some(id) = step_id(file, &s.id, diags) else {
            continue;
        };
        if found.contains_key(&id) {
            diags.error(
                file,
                Some(s.id.span()),
                format!("duplicate step `{}`", id.id()),
            );
            continue;
        }
        found.insert(
            id,
            StepText {
                id,
                title: s.title,
                send: s.send,
                where_to: s.where_to,
                if_missed: s.if_missed,
                prepare: s.prepare,
                source: s.source,
                applies_from: s.applies_from.0,
            },
        );
    }
    let mut complete = true;
    for id in StepId::ALL.iter().filter(|id| !found.contains_key(id)) {
        complete = false;
        diags.error(
            file,
            None,
            format!(
                "missing [[step]] id = \"{}\": every step needs its texts",
                id.id()
            ),
        );
    }
    complete.then(|| found.into_values().collect())
}
