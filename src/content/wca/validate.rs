//! Checks the WCA files against each other and against the shape of the law, reporting every
//! problem with its place: ids in the `lcw.<n>.<letter>` form and unique, points Schedule 2
//! allows, a "none applies" row in every activity, references that resolve, dates in order.

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use super::raw;
use super::{
    Activity, Descriptor, LcwraActivity, LcwraDescriptor, LcwraPart, REQUIRED_ROUTES, Route,
    RouteKind, RouteSources, Schedule2, Schedule3, WcaContent,
};
use crate::content::diag::Diagnostics;
use crate::content::files::{FileSet, SourceFile};
use crate::content::parse::parse;
use crate::rules::wca::{ActivityRule, DescriptorRule, LcwraRule, Part, RouteRule, Scheme};

/// Ids seen so far across all three files, so a duplicate anywhere is caught.
type Seen = BTreeMap<String, String>;

pub(super) fn load(files: &FileSet, diags: &mut Diagnostics) -> Option<WcaContent> {
    let f2 = files.require("wca/schedule2.toml", diags);
    let f3 = files.require("wca/schedule3.toml", diags);
    let fr = files.require("wca/routes.toml", diags);
    let mut seen = Seen::new();
    let s2 = f2.and_then(|f| {
        parse::<raw::Schedule2File>(f, diags).map(|r| schedule2(f, r, &mut seen, diags))
    });
    let s3 = f3.and_then(|f| parse::<raw::Schedule3File>(f, diags).map(|r| (f, r)));
    let routes =
        fr.and_then(|f| parse::<raw::RoutesFile>(f, diags).map(|r| routes(f, r, &mut seen, diags)));
    let schedule3 = s3.map(|(f3, r3)| schedule3(f3, r3, s2.as_ref(), &mut seen, diags));
    let (schedule2, schedule3, routes) = (s2?, schedule3?, routes?);
    let scheme = build_scheme(&schedule2, &schedule3, &routes);
    Some(WcaContent {
        schedule2,
        schedule3,
        routes,
        scheme,
    })
}

fn unique(seen: &mut Seen, file: &SourceFile, id: &Spanned<String>, diags: &mut Diagnostics) {
    if let Some(first) = seen.get(id.get_ref()) {
        diags.error(
            file,
            Some(id.span()),
            format!("duplicate id `{}`: already used in {first}", id.get_ref()),
        );
    } else {
        seen.insert(id.get_ref().clone(), file.display.clone());
    }
}

/// `lcw.12` -> 12 when the id has exactly that form.
fn number_after(id: &str, prefix: &str) -> Option<u32> {
    let rest = id.strip_prefix(prefix)?.strip_prefix('.')?;
    if rest.is_empty() || rest.starts_with('0') || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    rest.parse().ok()
}

/// `lcw.1.c` under `lcw.1` -> "c" when the id has exactly that form.
fn letter_after(id: &str, activity: &str) -> Option<String> {
    let rest = id.strip_prefix(activity)?.strip_prefix('.')?;
    (rest.len() == 1 && rest.bytes().all(|b| b.is_ascii_lowercase())).then(|| rest.to_string())
}

fn part(file: &SourceFile, value: &Spanned<String>, diags: &mut Diagnostics) -> Part {
    match value.get_ref().as_str() {
        "physical" => Part::Physical,
        "mental" => Part::Mental,
        other => {
            diags.error(
                file,
                Some(value.span()),
                format!("part must be \"physical\" or \"mental\", not \"{other}\""),
            );
            Part::Physical
        }
    }
}

fn schedule2(
    file: &SourceFile,
    raw: raw::Schedule2File,
    seen: &mut Seen,
    diags: &mut Diagnostics,
) -> Schedule2 {
    let s = raw.scheme;
    if *s.threshold.get_ref() == 0 {
        diags.error(
            file,
            Some(s.threshold.span()),
            "threshold must be more than 0 points",
        );
    }
    if !s.allowed_points.get_ref().contains(&0) {
        diags.error(
            file,
            Some(s.allowed_points.span()),
            "allowed_points must include 0, the points of a \"none of the above\" row",
        );
    }
    let allowed = s.allowed_points.get_ref().clone();
    if raw.activity.is_empty() {
        diags.error(file, None, "Schedule 2 has no [[activity]] entries");
    }
    let mut numbers = BTreeSet::new();
    let activities = raw
        .activity
        .into_iter()
        .map(|a| {
            activity2(
                file,
                a,
                &allowed,
                s.applies_from.0,
                seen,
                &mut numbers,
                diags,
            )
        })
        .collect();
    Schedule2 {
        threshold: s.threshold.into_inner(),
        allowed_points: allowed,
        applies_from: s.applies_from.0,
        source: s.source,
        old_style_source: s.old_style_source,
        activities,
    }
}

fn activity2(
    file: &SourceFile,
    spanned: Spanned<raw::Activity2>,
    allowed: &[u32],
    scheme_from: chrono::NaiveDate,
    seen: &mut Seen,
    numbers: &mut BTreeSet<u32>,
    diags: &mut Diagnostics,
) -> Activity {
    let span = spanned.span();
    let a = spanned.into_inner();
    unique(seen, file, &a.id, diags);
    let number = activity_number(file, &a.id, "lcw", numbers, diags);
    if a.applies_from.0 < scheme_from {
        diags.error(file, Some(span.clone()), format!("applies_from {} is before the schedule's own applies_from {scheme_from}: dates out of order", a.applies_from));
    }
    let part = part(file, &a.part, diags);
    let descriptors = descriptors2(file, &a.id, a.descriptor, allowed, seen, diags);
    if descriptors.is_empty() {
        diags.error(
            file,
            Some(span),
            format!("activity `{}` has no descriptors", a.id.get_ref()),
        );
    } else if descriptors.iter().filter(|d| d.none).count() != 1 {
        diags.error(
            file,
            Some(span),
            format!(
                "activity `{}` needs exactly one \"none of the above\" row (none = true)",
                a.id.get_ref()
            ),
        );
    }
    Activity {
        id: a.id.into_inner(),
        number,
        part,
        title: a.title,
        heading: a.heading,
        esa50: a.esa50,
        applies_from: a.applies_from.0,
        source: a.source,
        guidance: a.guidance,
        ask: a.ask,
        descriptors,
    }
}

fn activity_number(
    file: &SourceFile,
    id: &Spanned<String>,
    prefix: &str,
    numbers: &mut BTreeSet<u32>,
    diags: &mut Diagnostics,
) -> u32 {
    let Some(n) = number_after(id.get_ref(), prefix) else {
        diags.error(
            file,
            Some(id.span()),
            format!(
                "activity id `{}` must look like `{prefix}.<number>`, e.g. `{prefix}.1`",
                id.get_ref()
            ),
        );
        return 0;
    };
    if let Some(last) = numbers.last().copied().filter(|last| n <= *last) {
        diags.error(
            file,
            Some(id.span()),
            format!("activity {n} comes after activity {last}: keep activities in schedule order"),
        );
    }
    numbers.insert(n);
    n
}

fn descriptors2(
    file: &SourceFile,
    activity: &Spanned<String>,
    raw: Vec<Spanned<raw::Descriptor2>>,
    allowed: &[u32],
    seen: &mut Seen,
    diags: &mut Diagnostics,
) -> Vec<Descriptor> {
    let mut last_letter = String::new();
    raw.into_iter()
        .map(|d| {
            let d = d.into_inner();
            unique(seen, file, &d.id, diags);
            let letter = letter_after(d.id.get_ref(), activity.get_ref()).unwrap_or_else(|| {
                diags.error(file, Some(d.id.span()), format!("descriptor id `{}` must be `{}.<letter>`, e.g. `{}.a`", d.id.get_ref(), activity.get_ref(), activity.get_ref()));
                String::new()
            });
            if !letter.is_empty() && letter <= last_letter {
                diags.error(file, Some(d.id.span()), format!("descriptor ({letter}) comes after ({last_letter}): keep descriptors in letter order"));
            }
            last_letter.clone_from(&letter);
            check_points(file, &d, allowed, diags);
            Descriptor { id: d.id.into_inner(), letter, text: d.text, points: d.points.into_inner(), none: d.none }
        })
        .collect()
}

fn check_points(file: &SourceFile, d: &raw::Descriptor2, allowed: &[u32], diags: &mut Diagnostics) {
    let points = *d.points.get_ref();
    let place = Some(d.points.span());
    if !allowed.contains(&points) {
        let list: Vec<String> = allowed.iter().map(ToString::to_string).collect();
        diags.error(
            file,
            place,
            format!(
                "{points} points is not allowed by Schedule 2: use one of {}",
                list.join(", ")
            ),
        );
    } else if d.none && points != 0 {
        diags.error(file, place, "a \"none of the above\" row scores 0 points");
    } else if !d.none && points == 0 {
        diags.error(
            file,
            place,
            "only the \"none of the above\" row (none = true) scores 0 points",
        );
    }
}

fn schedule3(
    file: &SourceFile,
    raw: raw::Schedule3File,
    s2: Option<&Schedule2>,
    seen: &mut Seen,
    diags: &mut Diagnostics,
) -> Schedule3 {
    if raw.activity.is_empty() {
        diags.error(file, None, "Schedule 3 has no [[activity]] entries");
    }
    let mut numbers = BTreeSet::new();
    let from = raw.scheme.applies_from.0;
    let activities = raw
        .activity
        .into_iter()
        .map(|a| activity3(file, a, s2, from, seen, &mut numbers, diags))
        .collect();
    Schedule3 {
        applies_from: from,
        source: raw.scheme.source,
        old_style_source: raw.scheme.old_style_source,
        activities,
    }
}

fn lcwra_part(file: &SourceFile, value: &Spanned<String>, diags: &mut Diagnostics) -> LcwraPart {
    match value.get_ref().as_str() {
        "physical" => LcwraPart::Physical,
        "mental" => LcwraPart::Mental,
        "mixed" => LcwraPart::Mixed,
        other => {
            diags.error(
                file,
                Some(value.span()),
                format!("part must be \"physical\", \"mental\" or \"mixed\", not \"{other}\""),
            );
            LcwraPart::Mixed
        }
    }
}

fn activity3(
    file: &SourceFile,
    spanned: Spanned<raw::Activity3>,
    s2: Option<&Schedule2>,
    scheme_from: chrono::NaiveDate,
    seen: &mut Seen,
    numbers: &mut BTreeSet<u32>,
    diags: &mut Diagnostics,
) -> LcwraActivity {
    let span = spanned.span();
    let a = spanned.into_inner();
    let number = activity_number(file, &a.id, "lcwra", numbers, diags);
    if a.applies_from.0 < scheme_from {
        diags.error(file, Some(span.clone()), format!("applies_from {} is before the schedule's own applies_from {scheme_from}: dates out of order", a.applies_from));
    }
    if let Some(m) = &a.mirrors
        && let Some(s2) = s2
        && !s2.activities.iter().any(|x| &x.id == m.get_ref())
    {
        diags.error(
            file,
            Some(m.span()),
            format!(
                "mirrors `{}`, which is not a Schedule 2 activity id",
                m.get_ref()
            ),
        );
    }
    let implied: Vec<(String, Option<Spanned<String>>)> = a
        .descriptor
        .iter()
        .map(|d| {
            (
                d.get_ref().id.get_ref().clone(),
                d.get_ref().implies.clone(),
            )
        })
        .collect();
    if let Some(s2) = s2 {
        twins(
            file,
            &a.id,
            a.mirrors.as_ref(),
            a.gives_lcw,
            &implied,
            s2,
            diags,
        );
    }
    let descriptors = descriptors3(file, &a.id, a.descriptor, seen, diags);
    if descriptors.is_empty() {
        diags.error(
            file,
            Some(span),
            format!("paragraph `{}` has no descriptors", a.id.get_ref()),
        );
    }
    LcwraActivity {
        part: lcwra_part(file, &a.part, diags),
        id: a.id.into_inner(),
        number,
        title: a.title,
        heading: a.heading,
        mirrors: a.mirrors.map(Spanned::into_inner),
        gives_lcw: a.gives_lcw,
        esa50: a.esa50,
        applies_from: a.applies_from.0,
        source: a.source,
        guidance: a.guidance,
        ask: a.ask,
        descriptors,
    }
}

fn descriptors3(
    file: &SourceFile,
    activity: &Spanned<String>,
    raw: Vec<Spanned<raw::Descriptor3>>,
    seen: &mut Seen,
    diags: &mut Diagnostics,
) -> Vec<LcwraDescriptor> {
    let lettered = raw.len() > 1;
    raw.into_iter()
        .map(|d| {
            let d = d.into_inner();
            unique(seen, file, &d.id, diags);
            let letter = if lettered {
                let l = letter_after(d.id.get_ref(), activity.get_ref());
                if l.is_none() {
                    diags.error(
                        file,
                        Some(d.id.span()),
                        format!(
                            "in a lettered paragraph each id must be `{}.<letter>`",
                            activity.get_ref()
                        ),
                    );
                }
                l
            } else {
                if d.id.get_ref() != activity.get_ref()
                    && letter_after(d.id.get_ref(), activity.get_ref()).is_none()
                {
                    diags.error(
                        file,
                        Some(d.id.span()),
                        format!(
                            "descriptor id `{}` must be `{}` (or `{}.<letter>`)",
                            d.id.get_ref(),
                            activity.get_ref(),
                            activity.get_ref()
                        ),
                    );
                }
                letter_after(d.id.get_ref(), activity.get_ref())
            };
            let part = d.part.as_ref().map(|p| part(file, p, diags));
            LcwraDescriptor {
                id: d.id.into_inner(),
                letter,
                text: d.text,
                part,
                implies: d.implies.map(Spanned::into_inner),
            }
        })
        .collect()
}

/// Each descriptor of a paragraph that repeats a Schedule 2 descriptor names it in `implies`:
/// a 15-point descriptor of the activity the paragraph mirrors. A paragraph that gives LCW by
/// its own rule (15, 16) has no twin. So every Schedule 3 descriptor gives LCW one way or the
/// other, as the law has it.
fn twins(
    file: &SourceFile,
    paragraph: &Spanned<String>,
    mirrors: Option<&Spanned<String>>,
    gives_lcw: bool,
    descriptors: &[(String, Option<Spanned<String>>)],
    s2: &Schedule2,
    diags: &mut Diagnostics,
) {
    for (id, implies) in descriptors {
        let Some(twin) = implies else {
            if !gives_lcw {
                diags.error(
                    file,
                    Some(paragraph.span()),
                    format!(
                        "`{id}` names no Schedule 2 descriptor in `implies` and its paragraph has no `gives_lcw`: say which 15-point Schedule 2 descriptor it repeats"
                    ),
                );
            }
            continue;
        };
        if gives_lcw {
            diags.error(
                file,
                Some(twin.span()),
                "a paragraph with `gives_lcw = true` has no Schedule 2 twin: remove `implies`",
            );
            continue;
        }
        let found = s2.activities.iter().find_map(|a| {
            a.descriptors
                .iter()
                .find(|x| &x.id == twin.get_ref())
                .map(|x| (a, x))
        });
        let problem = match found {
            None => Some(format!(
                "implies `{}`, which is not a Schedule 2 descriptor id",
                twin.get_ref()
            )),
            Some((a, _)) if mirrors.map(Spanned::get_ref) != Some(&a.id) => Some(format!(
                "implies `{}`, which is not in the activity this paragraph mirrors",
                twin.get_ref()
            )),
            Some((_, x)) if x.points != s2.threshold => Some(format!(
                "implies `{}`, which scores {} points: a Schedule 3 twin repeats a descriptor that scores the threshold ({})",
                twin.get_ref(),
                x.points,
                s2.threshold
            )),
            Some(_) => None,
        };
        if let Some(p) = problem {
            diags.error(file, Some(twin.span()), p);
        }
    }
}

fn routes(
    file: &SourceFile,
    raw: raw::RoutesFile,
    seen: &mut Seen,
    diags: &mut Diagnostics,
) -> Vec<Route> {
    let raw_counterparts: Vec<(String, Spanned<String>)> = raw
        .route
        .iter()
        .filter_map(|r| {
            let r = r.get_ref();
            r.lcw_counterpart
                .clone()
                .map(|c| (r.id.get_ref().clone(), c))
        })
        .collect();
    let routes: Vec<Route> = raw
        .route
        .into_iter()
        .filter_map(|r| route(file, r, seen, diags))
        .collect();
    for r in &raw_counterparts {
        let (from, to) = r;
        let ok = routes
            .iter()
            .any(|x| &x.id == to.get_ref() && x.new_style.lcw.is_some());
        if !ok {
            diags.error(
                file,
                Some(to.span()),
                format!(
                    "route `{from}`: lcw_counterpart `{}` is not a route that gives lcw",
                    to.get_ref()
                ),
            );
        }
    }
    for required in REQUIRED_ROUTES {
        if !routes.iter().any(|r| r.id == *required) {
            diags.error(
                file,
                None,
                format!("route `{required}` is missing: other parts of the program refer to it"),
            );
        }
    }
    routes
}

fn route(
    file: &SourceFile,
    spanned: Spanned<raw::Route>,
    seen: &mut Seen,
    diags: &mut Diagnostics,
) -> Option<Route> {
    let r = spanned.into_inner();
    unique(seen, file, &r.id, diags);
    let kind = if r.id.get_ref().starts_with("treated.") {
        RouteKind::Treated
    } else if r.id.get_ref().starts_with("exceptional.") {
        RouteKind::Exceptional
    } else {
        diags.error(
            file,
            Some(r.id.span()),
            format!(
                "route id `{}` must start with `treated.` or `exceptional.`",
                r.id.get_ref()
            ),
        );
        return None;
    };
    let (new_span, old_span) = (r.new_style.span(), r.old_style.span());
    let (new_style, old_style) = (
        sources(r.new_style.into_inner()),
        sources(r.old_style.into_inner()),
    );
    if new_style.lcw.is_none() && new_style.lcwra.is_none() {
        diags.error(
            file,
            Some(new_span),
            "a route must give lcw, lcwra or both: add the provision that does",
        );
    }
    if new_style.lcw.is_some() != old_style.lcw.is_some()
        || new_style.lcwra.is_some() != old_style.lcwra.is_some()
    {
        diags.error(
            file,
            Some(old_span),
            "old_style and new_style must name the same effects (lcw, lcwra)",
        );
    }
    Some(Route {
        id: r.id.into_inner(),
        kind,
        title: r.title,
        question: r.question,
        lcw_counterpart: r.lcw_counterpart.map(Spanned::into_inner),
        guidance: r.guidance,
        applies_from: r.applies_from.0,
        new_style,
        old_style,
    })
}

fn sources(raw: raw::RouteSources) -> RouteSources {
    RouteSources {
        lcw: raw.lcw,
        lcwra: raw.lcwra,
    }
}

fn build_scheme(s2: &Schedule2, s3: &Schedule3, routes: &[Route]) -> Scheme {
    Scheme {
        threshold: s2.threshold,
        activities: s2
            .activities
            .iter()
            .map(|a| ActivityRule {
                id: a.id.clone(),
                part: a.part,
                descriptors: a
                    .descriptors
                    .iter()
                    .map(|d| DescriptorRule {
                        id: d.id.clone(),
                        points: d.points,
                        none: d.none,
                    })
                    .collect(),
            })
            .collect(),
        lcwra: s3
            .activities
            .iter()
            .flat_map(|a| {
                a.descriptors.iter().map(|d| LcwraRule {
                    id: d.id.clone(),
                    gives_lcw: a.gives_lcw,
                    implies: d.implies.clone(),
                })
            })
            .collect(),
        routes: routes
            .iter()
            .map(|r| RouteRule {
                id: r.id.clone(),
                gives_lcw: r.new_style.lcw.is_some(),
                gives_lcwra: r.new_style.lcwra.is_some(),
            })
            .collect(),
    }
}
