//! The interview engine without a terminal: action sequences in, session and view model out.
#![allow(clippy::many_single_char_names)] // c, s, v: content, session, view in short tests

use chrono::NaiveDate;
use esa_interview::content::{self, Content};
use esa_interview::interview::view::Screen;
use esa_interview::interview::{Action, ContributionField, Outcome, Session, Step, update, view};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn setup() -> (Content, Session) {
    let content = content::load_embedded();
    (content, Session::new("Test claimant A", day(2026, 11, 25)))
}

#[test]
fn a_new_session_starts_on_the_first_stage() {
    let (c, s) = setup();
    let v = view(&s, &c, day(2026, 11, 25));
    assert_eq!(v.place.stage_number, 1);
    assert_eq!(v.place.stage_count, c.stages.len());
    assert!(matches!(v.screen, Screen::Questions { .. }));
}

#[test]
fn next_and_back_walk_the_sequence_and_keep_answers() {
    let (c, mut s) = setup();
    let out = update(
        &mut s,
        Action::Answer {
            question: "claimant.date_of_birth".into(),
            text: "17/05/1980".into(),
        },
        &c,
    );
    assert_eq!(out, Outcome::Changed);
    assert_eq!(update(&mut s, Action::Next, &c), Outcome::Moved);
    assert_eq!(update(&mut s, Action::Back, &c), Outcome::Moved);
    assert_eq!(s.claimant.date_of_birth.unwrap().0, day(1980, 5, 17));
    assert_eq!(
        update(&mut s, Action::Back, &c),
        Outcome::Unchanged,
        "nothing before the first screen"
    );
}

#[test]
fn a_bad_date_is_refused_with_what_to_type() {
    let (c, mut s) = setup();
    let out = update(
        &mut s,
        Action::Answer {
            question: "claimant.claim_date".into(),
            text: "31/02/2026".into(),
        },
        &c,
    );
    assert!(
        matches!(out, Outcome::Invalid(ref m) if m.contains("not a real date")),
        "{out:?}"
    );
    assert!(s.claimant.claim_date.is_none());
}

#[test]
fn choosing_descriptors_updates_the_tally_and_marks_the_lower_one() {
    let (c, mut s) = setup();
    update(&mut s, Action::Go(Step::Activity(0)), &c);
    update(&mut s, Action::Toggle("lcw.1.b".into()), &c);
    let v = view(&s, &c, day(2026, 11, 25));
    assert_eq!(v.tally.physical, 9);
    assert!(!v.tally.lcw_met);
    assert_eq!(v.tally.short_by, 6);
    update(&mut s, Action::Toggle("lcw.1.a".into()), &c);
    let v = view(&s, &c, day(2026, 11, 25));
    assert_eq!((v.tally.total, v.tally.lcw_met), (15, true));
    let Screen::Activity(a) = &v.screen else {
        panic!("not an activity screen")
    };
    let b = a.choices.iter().find(|ch| ch.id == "lcw.1.b").unwrap();
    assert!(b.chosen);
    assert!(b.remark.as_deref().unwrap().contains("does not count"));
    // Unchoosing takes it back.
    update(&mut s, Action::Toggle("lcw.1.a".into()), &c);
    assert_eq!(view(&s, &c, day(2026, 11, 25)).tally.total, 9);
}

#[test]
fn an_unknown_id_is_refused() {
    let (c, mut s) = setup();
    assert!(matches!(
        update(&mut s, Action::Toggle("lcw.99.z".into()), &c),
        Outcome::Invalid(_)
    ));
    assert!(s.wca.descriptors.is_empty());
}

#[test]
fn contributions_are_stored_by_tax_year_and_cleared_when_empty() {
    let (c, mut s) = setup();
    let set = |s: &mut Session, f, t: &str| {
        update(
            s,
            Action::Contribution {
                tax_year: "2024-25".into(),
                field: f,
                text: t.into(),
            },
            &c,
        )
    };
    assert_eq!(
        set(&mut s, ContributionField::Class1Weeks, "30"),
        Outcome::Changed
    );
    assert!(matches!(
        set(&mut s, ContributionField::Class2Weeks, "60"),
        Outcome::Invalid(_)
    ));
    assert_eq!(
        set(&mut s, ContributionField::Class1Earnings, "9000"),
        Outcome::Changed
    );
    assert_eq!(s.contributions[0].class1_weeks, Some(30));
    set(&mut s, ContributionField::Class1Weeks, "");
    set(&mut s, ContributionField::Class1Earnings, "");
    assert!(s.contributions.is_empty());
}

#[test]
fn notes_record_when_they_changed_and_empty_notes_go() {
    let (c, mut s) = setup();
    let at = day(2026, 11, 25).and_hms_opt(10, 30, 0).unwrap();
    let out = update(
        &mut s,
        Action::Note {
            key: "status".into(),
            text: "Works part time.".into(),
            at,
        },
        &c,
    );
    assert_eq!(out, Outcome::Changed);
    let v = view(&s, &c, day(2026, 11, 25));
    assert_eq!(v.note.text, "Works part time.");
    assert_eq!(v.note.changed.as_deref(), Some("2026-11-25 10:30"));
    update(
        &mut s,
        Action::Note {
            key: "status".into(),
            text: "  ".into(),
            at,
        },
        &c,
    );
    assert!(s.notes.is_empty());
}

#[test]
fn go_remembers_where_you_were() {
    let (c, mut s) = setup();
    update(&mut s, Action::Next, &c);
    update(&mut s, Action::Go(Step::Review), &c);
    assert!(matches!(
        view(&s, &c, day(2026, 11, 25)).screen,
        Screen::Review { .. }
    ));
    update(&mut s, Action::Back, &c);
    assert_eq!(view(&s, &c, day(2026, 11, 25)).place.stage_number, 2);
}

#[test]
fn a_passed_deadline_is_in_the_header_of_every_screen_and_the_routes_screen_says_what_to_do() {
    let (c, mut s) = setup();
    update(
        &mut s,
        Action::Answer {
            question: "decision.decision_date".into(),
            text: "11/05/2026".into(),
        },
        &c,
    );
    update(
        &mut s,
        Action::Answer {
            question: "decision.jurisdiction".into(),
            text: "1".into(),
        },
        &c,
    );
    let before = view(&s, &c, day(2026, 6, 11));
    assert!(
        before
            .alerts
            .iter()
            .any(|a| a.text.contains("DUE SOON") && a.text.contains("Thursday 11 June 2026")),
        "{:?}",
        before.alerts
    );
    let after = view(&s, &c, day(2026, 6, 12));
    assert!(
        after.alerts.iter().any(|a| a.text.contains("PASSED")),
        "{:?}",
        after.alerts
    );
    update(&mut s, Action::Go(Step::Activity(3)), &c);
    assert!(
        !view(&s, &c, day(2026, 6, 12)).alerts.is_empty(),
        "the header warning shows on an activity screen too"
    );
    let routes = c.stages.iter().position(|st| st.id == "routes").unwrap();
    update(&mut s, Action::Go(Step::Stage(routes)), &c);
    let Screen::Routes { findings, .. } = view(&s, &c, day(2026, 5, 20)).screen else {
        panic!("not the routes screen")
    };
    let text: Vec<&str> = findings.iter().map(|f| f.text.as_str()).collect();
    assert!(text.iter().any(|t| t.starts_with("Now: ")), "{text:#?}");
    assert!(
        text.iter().any(|t| t.starts_with("What to send: ")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|t| t.starts_with("If it is missed: ")),
        "{text:#?}"
    );
}

#[test]
fn the_status_contributions_and_outcome_screens_explain_the_rules_with_figures() {
    let (c, mut s) = setup();
    for (q, t) in [
        ("claimant.date_of_birth", "17/05/1980"),
        ("claimant.claim_date", "10/03/2026"),
        ("claimant.incapacity_start", "02/03/2026"),
    ] {
        assert_eq!(
            update(
                &mut s,
                Action::Answer {
                    question: q.into(),
                    text: t.into()
                },
                &c
            ),
            Outcome::Changed
        );
    }
    let Screen::Questions { findings, .. } = view(&s, &c, day(2026, 3, 10)).screen else {
        panic!("status is a questions screen")
    };
    assert!(
        findings
            .iter()
            .any(|f| f.text.contains("State Pension age")),
        "{findings:#?}"
    );
    let contributions = c
        .stages
        .iter()
        .position(|st| st.id == "contributions")
        .unwrap();
    update(&mut s, Action::Go(Step::Stage(contributions)), &c);
    for (ty, field, text) in [
        ("2023-24", ContributionField::Class1Weeks, "52"),
        ("2024-25", ContributionField::Class1Weeks, "30"),
        ("2024-25", ContributionField::Class1Earnings, "9000"),
    ] {
        update(
            &mut s,
            Action::Contribution {
                tax_year: ty.into(),
                field,
                text: text.into(),
            },
            &c,
        );
    }
    let Screen::Contributions {
        years, findings, ..
    } = view(&s, &c, day(2026, 3, 10)).screen
    else {
        panic!("not the contributions screen")
    };
    let labels: Vec<&str> = years.iter().map(|y| y.tax_year.as_str()).collect();
    assert_eq!(labels, ["2023-24", "2024-25"]);
    assert!(years[0].lel.contains("£123.00"), "{}", years[0].lel);
    let text: Vec<&str> = findings.iter().map(|f| f.text.as_str()).collect();
    assert!(
        text.iter()
            .any(|t| t.starts_with("First condition") && t.contains(": met")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.starts_with("Second condition") && t.contains(": met")),
        "{text:#?}"
    );
    let outcome = c.stages.iter().position(|st| st.id == "outcome").unwrap();
    update(&mut s, Action::Go(Step::Stage(outcome)), &c);
    let Screen::Outcome { findings, .. } = view(&s, &c, day(2026, 3, 10)).screen else {
        panic!("not the outcome screen")
    };
    let text: Vec<&str> = findings.iter().map(|f| f.text.as_str()).collect();
    assert!(
        text.iter().any(|t| t.contains(
            "contribution conditions (tax years 2023-24 and 2024-25): first condition met; second condition met"
        )),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.starts_with("Assessment phase") && t.contains("£92.05")),
        "{text:#?}"
    );
}

fn toggle(s: &mut Session, c: &Content, id: &str) {
    assert_eq!(update(s, Action::Toggle(id.into()), c), Outcome::Changed);
}

#[test]
fn none_of_the_above_clears_the_descriptors_of_its_activity_and_says_so() {
    use esa_interview::interview::update::clearing_said;
    let (c, mut s) = setup();
    toggle(&mut s, &c, "lcw.1.c");
    toggle(&mut s, &c, "lcw.11.b");
    let said = clearing_said("lcw.1.e", &s, &c).expect("choosing none clears 1(c)");
    assert!(said.contains("1(c) is no longer chosen"), "{said}");
    toggle(&mut s, &c, "lcw.1.e");
    // Another activity's choice is untouched.
    assert_eq!(s.wca.descriptors, ["lcw.11.b", "lcw.1.e"]);
}

#[test]
fn a_descriptor_that_applies_clears_none_of_the_above_and_says_so() {
    use esa_interview::interview::update::clearing_said;
    let (c, mut s) = setup();
    toggle(&mut s, &c, "lcw.1.e");
    let said = clearing_said("lcw.1.d", &s, &c).expect("choosing 1(d) clears none");
    assert!(said.contains("1(e) is no longer chosen"), "{said}");
    toggle(&mut s, &c, "lcw.1.d");
    assert_eq!(s.wca.descriptors, ["lcw.1.d"]);
    // The support-group descriptor on the same screen clears "none" too, and "none" clears it.
    toggle(&mut s, &c, "lcw.1.e");
    toggle(&mut s, &c, "lcwra.1");
    assert_eq!(s.wca.descriptors, ["lcwra.1"]);
    toggle(&mut s, &c, "lcw.1.e");
    assert_eq!(s.wca.descriptors, ["lcw.1.e"]);
    // Unchoosing clears nothing, and two scoring descriptors may stand together.
    toggle(&mut s, &c, "lcw.1.e");
    toggle(&mut s, &c, "lcw.1.b");
    toggle(&mut s, &c, "lcw.1.c");
    assert_eq!(clearing_said("lcw.1.b", &s, &c), None);
    assert_eq!(s.wca.descriptors, ["lcw.1.b", "lcw.1.c"]);
}
