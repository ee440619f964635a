//! Parity: the plain mode says everything the full-screen UI can show. A session with every
//! question answered, descriptors chosen (some that do not count), support-group descriptors,
//! a route and notes is walked screen by screen through `plain::run`; on each screen the output
//! must mention every populated `ViewModel` field. The view model's structs are destructured
//! without `..`, so a field added to the view model fails to compile here until it is said.
//!
//! Not said, by design: ids (`Place::id`, `Choice::id`, `Field::id`, option ids, the note key),
//! `Place::code` outside the review (the review lists every code for `go`), `Field::raw` (Enter
//! keeps the answer), `Field::required` once answered, and booleans said as words (`chosen` as
//! "Chosen.", `lcw_met`, `lcwra_met` and `group` in the tally's sentences).

mod plain_common;

use esa_interview::app::Context;
use esa_interview::content::questions::{
    AnswerKind, Choice as QChoice, Flag, FlagLevel, Note, Question,
};
use esa_interview::content::source::Source;
use esa_interview::content::stages::StageKind;
use esa_interview::interview::step::sequence;
use esa_interview::interview::view::{
    ActivityScreen, Choice, Field, Finding, InfoBlock, Kind, NoteView, Place, ReviewItem, Screen,
    Tally, TallyLine, YearRow,
};
use esa_interview::interview::{Action, ContributionField, Session, Step, ViewModel, update, view};
use esa_interview::plain::items::{Item, items};
use esa_interview::plain::text::ascii;
use esa_interview::rules::wca::Part;
use plain_common::{clock, context, run};

fn norm(s: &str) -> String {
    ascii(s)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Adds to the content what it may lack, so every kind of field is always exercised: a
/// flagged yes-no question, a several-of question and an always-shown note on the first stage.
fn enrich(ctx: &mut Context) {
    let stage = ctx.content.stages[0].id.clone();
    let source = Source {
        instrument: "Test Act 2026".into(),
        provision: "section 2".into(),
        url: None,
        note: None,
    };
    let flag = Flag {
        when: "yes".into(),
        level: FlagLevel::Warn,
        says: "Test flag: check the test pay.".into(),
        source: source.clone(),
        applies_from: ctx.today,
    };
    let q = |id: &str, kind, options: Vec<QChoice>, flags| Question {
        id: format!("{stage}.{id}"),
        stage: stage.clone(),
        text: format!("Test question {id}?"),
        help: Some(format!("Test help for {id}.")),
        kind,
        required: true,
        options,
        flags,
    };
    let options = ["One", "Two"]
        .map(|l| QChoice {
            id: l.to_lowercase(),
            label: format!("Test option {l}"),
        })
        .to_vec();
    let mut content = (*ctx.content).clone();
    let questions = &mut content.questions;
    questions
        .questions
        .push(q("yes-no", AnswerKind::YesNo, Vec::new(), vec![flag]));
    questions
        .questions
        .push(q("several", AnswerKind::SeveralOf, options, Vec::new()));
    questions.notes.push(Note {
        id: format!("{stage}.test-note"),
        stage,
        title: "Test note title".into(),
        says: "Test note text.".into(),
        source,
        applies_from: ctx.today,
    });
    ctx.content = content.into();
}

/// A session with something in every field the view model can show.
fn populated(ctx: &Context) -> Session {
    let c = &ctx.content;
    let mut h = ctx
        .store
        .create("Test claimant P", ctx.today, clock())
        .unwrap();
    let s = &mut h.session;
    for q in &c.questions.questions {
        let text = match q.kind {
            AnswerKind::Date => "10/03/2026",
            AnswerKind::YesNo => "yes",
            AnswerKind::OneOf | AnswerKind::SeveralOf => "1",
            AnswerKind::Number => "3",
            AnswerKind::Money => "100",
            AnswerKind::Text => "Test text",
        };
        let answer = Action::Answer {
            question: q.id.clone(),
            text: text.into(),
        };
        update(s, answer, c);
    }
    let activities = &c.wca.schedule2.activities;
    for d in activities.iter().flat_map(|a| a.descriptors.iter().take(2)) {
        update(s, Action::Toggle(d.id.clone()), c);
    }
    for a in &c.wca.schedule3.activities {
        update(s, Action::Toggle(a.descriptors[0].id.clone()), c);
    }
    update(s, Action::Toggle(c.wca.routes[0].id.clone()), c);
    let contributions = c
        .stages
        .iter()
        .position(|x| x.kind == StageKind::Contributions);
    let mut at = s.clone();
    update(&mut at, Action::Go(Step::Stage(contributions.unwrap())), c);
    let vm = view(&at, c, ctx.today);
    for item in items(&vm).unwrap_or_default() {
        if let Item::Entry { field, .. } = item {
            let text = if field == ContributionField::Class1Earnings {
                "9000"
            } else {
                "30"
            };
            update(s, item.action(text), c);
        }
    }
    let first_stage = c.stages[0].id.clone();
    for key in ["general".to_string(), first_stage, activities[0].id.clone()] {
        let text = format!("Test note on {key}.\nSecond line.");
        update(
            s,
            Action::Note {
                key,
                text,
                at: clock(),
            },
            c,
        );
    }
    let session = s.clone();
    h.save(clock()).unwrap();
    session
}

fn finding(f: &Finding, label: &str, out: &mut Vec<String>) {
    let Finding {
        kind,
        level,
        text,
        source,
    } = f;
    let label = match kind {
        _ if !label.is_empty() => label,
        Kind::Deadline(_) => "Deadline",
        Kind::Verdict(_) | Kind::Detail => level.word(),
    };
    out.push(format!("{label}: {text}"));
    out.extend(source.clone());
}

fn field(f: &Field, out: &mut Vec<String>) {
    let Field {
        id: _,
        text,
        help,
        kind: _,
        answer,
        raw: _,
        options,
        flags,
        required: _,
    } = f;
    out.push(text.clone());
    out.extend(help.clone());
    out.extend(answer.iter().map(|a| format!("Current answer: {a}")));
    out.extend(options.iter().map(|(_, label, _)| label.clone()));
    for x in flags {
        finding(x, "", out);
    }
}

fn choice(i: usize, c: &Choice, out: &mut Vec<String>) {
    let Choice {
        id: _,
        tag,
        text,
        points,
        chosen,
        remark,
    } = c;
    let n = (i + 1).to_string();
    out.push(if *tag == n {
        format!("{n}) {text}")
    } else {
        format!("{n}) ({tag}) {text}")
    });
    out.extend(points.map(|p| format!("{text} ({p} points)")));
    if *chosen {
        out.push(format!(
            "{text}{} Chosen.",
            points.map_or(String::new(), |p| format!(" ({p} points)"))
        ));
    }
    out.extend(remark.clone().filter(|r| !r.is_empty()));
}

fn info(b: &InfoBlock, out: &mut Vec<String>) {
    let InfoBlock {
        title,
        text,
        source,
    } = b;
    out.extend([title.clone(), text.clone(), source.clone()]);
}

fn activity(a: &ActivityScreen, out: &mut Vec<String>) {
    let ActivityScreen {
        id: _,
        number,
        count,
        title,
        part,
        heading,
        esa50,
        guidance,
        ask,
        source,
        choices,
        points,
    } = a;
    out.push(format!("Activity {number} of {count}: {title}"));
    out.extend([
        format!("Part: {part}"),
        heading.clone(),
        esa50.clone(),
        source.clone(),
    ]);
    out.extend((!guidance.trim().is_empty()).then(|| guidance.clone()));
    out.extend(ask.iter().cloned());
    choices
        .iter()
        .enumerate()
        .for_each(|(i, c)| choice(i, c, out));
    out.push(format!("scores {points} points"));
}

fn screen(s: &Screen, out: &mut Vec<String>) {
    match s {
        Screen::Contributions {
            intro,
            years,
            fields,
            notes,
            findings,
        } => {
            for YearRow {
                tax_year,
                lel,
                fields: entries,
            } in years
            {
                for (which, value) in entries {
                    out.push(format!("Tax year {tax_year} ({lel}): {}", which.label()));
                    out.extend(value.iter().map(|v| format!("Current answer: {v}")));
                }
            }
            out.push(intro.clone());
            for f in fields {
                field(f, out);
            }
            for b in notes {
                info(b, out);
            }
            for f in findings {
                finding(f, "", out);
            }
        }
        Screen::Questions {
            intro,
            fields,
            notes,
            findings,
        } => {
            out.push(intro.clone());
            for f in fields {
                field(f, out);
            }
            for b in notes {
                info(b, out);
            }
            for f in findings {
                finding(f, "", out);
            }
        }
        Screen::Activity(a) => activity(a, out),
        Screen::Checklist { intro, choices } => {
            out.push(intro.clone());
            choices
                .iter()
                .enumerate()
                .for_each(|(i, c)| choice(i, c, out));
        }
        Screen::Outcome { intro, findings } => {
            out.push(intro.clone());
            for f in findings {
                finding(f, "", out);
            }
        }
        Screen::Routes {
            intro,
            fields,
            findings,
        } => {
            out.push(intro.clone());
            for f in fields {
                field(f, out);
            }
            for f in findings {
                // Labelled by what each line is (see `plain::speak::route_finding`).
                out.push(f.text.clone());
                out.extend(f.source.clone());
            }
        }
        Screen::Review { items } => {
            for ReviewItem {
                step: _,
                code,
                label,
                answer,
                points,
            } in items
            {
                out.push(format!("{code}, {label}: {answer}"));
                out.extend(points.map(|p| format!("Scores {p} points")));
            }
        }
        Screen::Notes { notes } => {
            for (label, text, changed) in notes {
                out.push(format!("Note on {label}"));
                out.extend(text.lines().map(str::to_string));
                out.extend(changed.clone());
            }
        }
    }
}

fn tally(t: &Tally, out: &mut Vec<String>) {
    let Tally {
        physical,
        mental,
        total,
        threshold,
        lcw_met: _,
        short_by,
        lcw_why,
        lcwra_met: _,
        lcwra_why,
        group: _,
        lines,
        cautions,
    } = t;
    out.push(format!(
        "{physical} physical and {mental} mental points, {total} in all"
    ));
    out.push(format!("{threshold} needed"));
    if *short_by > 0 {
        out.push(format!("{short_by} short"));
    }
    out.extend(lcw_why.iter().chain(lcwra_why).chain(cautions).cloned());
    out.push(esa_interview::interview::findings::group_sentence(t.group).to_string());
    for TallyLine {
        number,
        title,
        letter,
        points,
        part,
    } in lines
    {
        let part = if *part == Part::Physical {
            "physical"
        } else {
            "mental"
        };
        out.push(format!(
            "activity {number}, {title}: ({letter}) {points} points, {part}"
        ));
    }
}

/// Every populated field of one screen's view model, as the plain mode must say it.
fn said(vm: &ViewModel) -> Vec<String> {
    let ViewModel {
        reference: _,
        place,
        screen: s,
        tally: t,
        alerts: _,
        note,
    } = vm;
    let Place {
        stage_number,
        stage_count,
        stage_title,
        activity_label,
        code: _,
        id: _,
    } = place;
    let mut out = Vec::new();
    if *stage_number > 0 {
        out.push(format!(
            "Stage {stage_number} of {stage_count}: {stage_title}."
        ));
    } else {
        out.push(format!("{stage_title}."));
    }
    out.extend(activity_label.clone());
    screen(s, &mut out);
    tally(t, &mut out);
    let NoteView {
        key: _,
        text,
        changed,
    } = note;
    if !matches!(s, Screen::Notes { .. }) && !text.is_empty() {
        out.extend(text.lines().map(str::to_string));
        out.extend(changed.clone());
    }
    out
}

#[test]
fn every_populated_view_model_field_is_said_on_every_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut ctx = context(dir.path());
    enrich(&mut ctx);
    let session = populated(&ctx);
    let c = &ctx.content;
    let mut steps = sequence(c);
    steps.extend([Step::Review, Step::Notes]);
    let mut script = Vec::new();
    for step in &steps {
        script.push(
            if *step == Step::Notes {
                "review"
            } else {
                "notes"
            }
            .to_string(),
        );
        script.push(format!("go {}", step.code(c)));
        let mut at = session.clone();
        update(&mut at, Action::Go(*step), c);
        let questions = items(&view(&at, c, ctx.today)).map_or(0, |i| i.len());
        script.extend(std::iter::repeat_n(
            String::new(),
            questions.saturating_sub(1),
        ));
        script.push("tally".into());
    }
    script.push("quit".into());
    let out = run(&ctx, Some("Test claimant P"), &script);
    let whole = norm(&out.transcript);
    let first = view(&session, c, ctx.today);
    assert!(whole.contains(&norm(&first.reference)));
    for a in &first.alerts {
        let said = format!("Deadline: {}", a.text);
        assert!(whole.contains(&norm(&said)), "alert not said: {}", a.text);
    }
    let segments: Vec<&str> = out.transcript.split("\n> go ").skip(1).collect();
    assert_eq!(segments.len(), steps.len());
    for (step, segment) in steps.iter().zip(segments) {
        let segment = segment.split("\n> notes").next().unwrap();
        let segment = norm(segment.split("\n> review").next().unwrap());
        let mut at = session.clone();
        update(&mut at, Action::Go(*step), c);
        for expected in said(&view(&at, c, ctx.today)) {
            assert!(
                segment.contains(&norm(&expected)),
                "on {}, not said: {expected:?}\n\nsaid: {segment}",
                step.code(c)
            );
        }
    }
}
