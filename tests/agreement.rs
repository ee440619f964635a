//! One outcome, however it is shown. For every session file in `tests/cases/assess/`, and for a
//! session made from every worked case in `tests/cases/*.toml`, this renders
//! - the outcome screen of the full-screen program (its buffer, on a test terminal),
//! - the outcome screen of the plain mode (what it says on arriving there),
//! - the text statement (`export --format text`),
//! - `assess --json` and `assess` (the real binary for the files; for the worked cases the
//!   same rendering in-process, as 200 runs of the binary would take half a minute),
//!
//! and checks that they agree on limited capability for work, limited capability for
//! work-related activity, the group, each contribution condition, the age verdict and every
//! deadline date. Each rendering is read as an adviser reads it: the facts are found in its
//! words, so a rendering that words a fact its own way, says it twice two ways, or leaves it
//! out, fails. A file the program refuses must be refused by `assess` as well.
//!
//! Not sessions, so not here: `tests/cases/bad_content.toml` (broken content files) and the
//! files under `tests/cases/fuzz_*` (inputs for the robustness campaigns).

mod plain_common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use esa_interview::app::{Context, SharedContent};
use esa_interview::cli::Format;
use esa_interview::content::Content;
use esa_interview::content::date::Date;
use esa_interview::content::money::Pounds;
use esa_interview::interview::Session;
use esa_interview::interview::session::{AnswerValue, ContributionYear};
use esa_interview::report;
use esa_interview::rules::deadlines::StepId;
use esa_interview::store::read;
use esa_interview::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A fact as one rendering states it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Said {
    /// Not stated at all.
    Absent,
    /// Stated as not worked out (its inputs are missing).
    NotWorkedOut,
    /// Stated with this value.
    Is(String),
    /// Stated more than one way.
    Conflict(Vec<String>),
}

/// What one rendering says about the facts that must agree.
#[derive(Clone, Debug)]
struct Facts {
    lcw: Said,
    lcwra: Said,
    group: Said,
    first: Said,
    second: Said,
    age: Said,
    /// Every (step id, last day) the rendering gives.
    deadlines: BTreeSet<(String, NaiveDate)>,
}

fn one_of(found: Vec<String>) -> Said {
    let mut distinct: Vec<String> = Vec::new();
    for f in found {
        if !distinct.contains(&f) {
            distinct.push(f);
        }
    }
    match distinct.len() {
        0 => Said::Absent,
        1 if distinct[0] == "not worked out" => Said::NotWorkedOut,
        1 => Said::Is(distinct.remove(0)),
        _ => Said::Conflict(distinct),
    }
}

/// Every place `needle` occurs, with the text after it.
fn after<'t>(text: &'t str, needle: &str) -> Vec<&'t str> {
    text.match_indices(needle)
        .map(|(i, _)| &text[i + needle.len()..])
        .collect()
}

fn met_word(rest: &str) -> Option<&'static str> {
    if rest.starts_with("met") {
        Some("met")
    } else if rest.starts_with("not met") || rest.starts_with("no support-group") {
        Some("not met")
    } else if rest.starts_with("not known") {
        Some("not known")
    } else if rest.starts_with("not worked out") || rest.starts_with("cannot be worked out") {
        Some("not worked out")
    } else {
        None
    }
}

/// "<fact>: met" or "<fact>: not met", or the WCA not worked out.
fn met_fact(text: &str, fact: &str) -> Said {
    let mut found: Vec<String> = after(text, &format!("{fact}: "))
        .into_iter()
        .filter_map(met_word)
        .map(String::from)
        .collect();
    if text.contains("Work Capability Assessment: not worked out") {
        found.push("not worked out".into());
    }
    one_of(found)
}

fn lcw(text: &str) -> Said {
    met_fact(text, "Limited capability for work")
}

fn lcwra(text: &str) -> Said {
    met_fact(text, "Limited capability for work-related activity")
}

fn group(text: &str) -> Said {
    let mut found: Vec<String> = after(text, "Group: ")
        .into_iter()
        .map(|rest| {
            let sentence = rest.split('.').next().unwrap_or("").to_lowercase();
            if sentence.contains("work-related activity group") {
                "wrag"
            } else if sentence.contains("support group") {
                "support"
            } else if sentence.contains("neither") || sentence.contains("not enough") {
                "none"
            } else {
                "unreadable"
            }
            .to_string()
        })
        .collect();
    if text.contains("Work Capability Assessment: not worked out") {
        found.push("not worked out".into());
    }
    one_of(found)
}

/// The first and second contribution conditions, from the sentence that names the tax years.
fn conditions(text: &str) -> (Said, Said) {
    let mut first = Vec::new();
    let mut second = Vec::new();
    for rest in after(text, "ontribution conditions (tax years") {
        let sentence = rest.split(". ").next().unwrap_or(rest);
        for (word, out) in [("first ", &mut first), ("second ", &mut second)] {
            if let Some(at) = sentence.find(word) {
                let tail = &sentence[at + word.len()..];
                let tail = tail.strip_prefix("condition ").unwrap_or(tail);
                out.push(met_word(tail).unwrap_or("unreadable").to_string());
            }
        }
    }
    for rest in after(text, "ontribution conditions: ") {
        if met_word(rest) == Some("not worked out") {
            first.push("not worked out".into());
            second.push("not worked out".into());
        }
    }
    (one_of(first), one_of(second))
}

fn age(text: &str) -> Said {
    let mut found = Vec::new();
    for (words, verdict) in [
        ("the age conditions are met", "working-age"),
        (
            "at or over State Pension age: no ESA",
            "at-or-over-pension-age",
        ),
        ("ESA needs the claimant to be at least", "under-minimum-age"),
        (
            "Age and State Pension age: not worked out",
            "not worked out",
        ),
    ] {
        if text.contains(words) {
            found.push(verdict.to_string());
        }
    }
    one_of(found)
}

/// "Thursday 25 June 2026" at the start of `text`.
fn long_date(text: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = text.split_whitespace().take(4).collect();
    let joined = words.join(" ");
    let joined = joined.trim_end_matches(|c: char| !c.is_ascii_digit());
    NaiveDate::parse_from_str(joined, "%A %-d %B %Y").ok()
}

/// Every step's "<title>: last day <date>".
fn deadlines(text: &str, content: &Content) -> BTreeSet<(String, NaiveDate)> {
    let mut out = BTreeSet::new();
    for id in StepId::ALL {
        let title = &content.deadlines.step(id).title;
        for rest in after(text, &format!("{title}: last day ")) {
            if let Some(d) = long_date(rest) {
                out.insert((id.id().to_string(), d));
            }
        }
    }
    out
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_words(text: &str, content: &Content) -> Facts {
    let text = normalise(text);
    let (first, second) = conditions(&text);
    Facts {
        lcw: lcw(&text),
        lcwra: lcwra(&text),
        group: group(&text),
        first,
        second,
        age: age(&text),
        deadlines: deadlines(&text, content),
    }
}

fn json_said(v: &serde_json::Value, f: impl Fn(&serde_json::Value) -> Said) -> Said {
    if v.is_null() {
        Said::NotWorkedOut
    } else {
        f(v)
    }
}

fn tri(v: &serde_json::Value) -> Said {
    Said::Is(
        match v {
            serde_json::Value::Bool(true) => "met",
            serde_json::Value::Bool(false) => "not met",
            serde_json::Value::Null => "not known",
            _ => "unreadable",
        }
        .into(),
    )
}

fn met(v: &serde_json::Value) -> Said {
    tri(&v["met"])
}

fn read_json(j: &serde_json::Value) -> Facts {
    let c = &j["contribution"];
    let first = json_said(c, |c| tri(&c["condition_1"]));
    let second = json_said(c, |c| tri(&c["condition_2"]));
    let age = match j.get("age") {
        None => Said::Absent,
        Some(a) => json_said(a, |a| Said::Is(a["verdict"].as_str().unwrap_or("?").into())),
    };
    let mut deadlines = BTreeSet::new();
    let d = &j["deadlines"];
    let date = |v: &serde_json::Value| {
        v.as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    };
    if let Some(steps) = d.get("steps").and_then(|s| s.as_array()) {
        for s in steps {
            if let (Some(id), Some(day)) = (s["id"].as_str(), date(&s["last_day"])) {
                deadlines.insert((id.to_string(), day));
            }
        }
    } else if d.is_object() {
        for (key, id) in [
            (
                "mandatory_reconsideration",
                StepId::MandatoryReconsideration,
            ),
            ("appeal", StepId::Appeal),
        ] {
            if let Some(day) = date(&d[key]) {
                deadlines.insert((id.id().to_string(), day));
            }
        }
    }
    Facts {
        lcw: json_said(&j["lcw"], met),
        lcwra: json_said(&j["lcwra"], met),
        group: json_said(&j["group"], |g| Said::Is(g.as_str().unwrap_or("?").into())),
        first,
        second,
        age,
        deadlines,
    }
}

/// One session to render, and where it came from.
struct Case {
    name: String,
    session: Session,
    /// The file `assess` reads, for the files in tests/cases/assess.
    file: Option<PathBuf>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

fn toml_date(v: Option<&toml::Value>) -> Option<Date> {
    let text = v?.as_datetime()?.to_string();
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok().map(Date)
}

fn strings(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// A session holding what a worked case gives: dates, the NI record, the relaxation
/// questions answered yes, descriptors and routes, the decision's dates.
fn session_of(case: &toml::Table, today: NaiveDate) -> Session {
    let mut s = Session::new("", today);
    let c = &mut s.claimant;
    c.date_of_birth = toml_date(case.get("born"));
    c.incapacity_start = toml_date(case.get("incapacity_start"));
    c.claim_date = toml_date(case.get("claim_date")).or(c.incapacity_start);
    if c.claim_date.is_none() && c.date_of_birth.is_some() {
        // State Pension age cases give a birth date only: ask on the interview date.
        c.claim_date = Some(Date(today));
    }
    for id in strings(case.get("relaxation")) {
        s.answers.insert(id, AnswerValue::Bool(true));
    }
    for y in case
        .get("contributions")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
    {
        let weeks = |k: &str| {
            y.get(k)
                .and_then(toml::Value::as_integer)
                .and_then(|n| u32::try_from(n).ok())
        };
        s.contributions.push(ContributionYear {
            tax_year: y["tax_year"].as_str().unwrap_or_default().to_string(),
            class1_weeks: weeks("class1_weeks"),
            class1_earnings: y
                .get("class1_earnings")
                .and_then(|v| v.clone().try_into::<Pounds>().ok()),
            class2_weeks: weeks("class2_weeks"),
            credited_weeks: weeks("credited_weeks"),
        });
    }
    s.wca.descriptors = strings(case.get("descriptors"));
    s.wca.exceptional = strings(case.get("routes"));
    let d = &mut s.decision;
    d.decision_date = toml_date(case.get("decision_date"));
    d.reasons_requested = toml_date(case.get("reasons_requested"));
    d.reasons_provided = toml_date(case.get("reasons_provided"));
    d.mr_notice_date = toml_date(case.get("mr_notice_date"));
    d.tribunal_decision_date = toml_date(case.get("tribunal_decision_date"));
    d.tribunal_reasons_sent = toml_date(case.get("tribunal_reasons_sent"));
    d.permission_refused_date = toml_date(case.get("permission_refused_date"));
    d.jurisdiction = case
        .get("jurisdiction")
        .and_then(|v| v.as_str())
        .map(String::from);
    s
}

/// The worked cases of tests/cases/*.toml that describe a claimant or a decision.
/// A worked case whose NI record the program refuses to hold (a tax year given twice, to test
/// the rules' warning) is left out: no screen can show it.
fn worked_cases(today: NaiveDate) -> Vec<Case> {
    let mut out = Vec::new();
    for file in [
        "age.toml",
        "state-pension-age.toml",
        "benefit-years.toml",
        "contributions.toml",
        "rates.toml",
        "deadlines.toml",
        "wca.toml",
    ] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap();
        for case in table["case"].as_array().unwrap() {
            let case = case.as_table().unwrap();
            let session = session_of(case, today);
            let text = esa_interview::store::to_text(&session).unwrap();
            if read::parse(&text, file).is_err() {
                continue;
            }
            out.push(Case {
                name: format!("{file}: {}", case["name"].as_str().unwrap_or("?")),
                session,
                file: None,
            });
        }
    }
    out
}

/// The session files of tests/cases/assess; the ones the program refuses are returned apart.
fn assess_files() -> (Vec<Case>, Vec<PathBuf>) {
    let mut cases = Vec::new();
    let mut refused = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("assess"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && !p.ends_with("cases.toml"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        match read::parse(&text, &path.display().to_string()) {
            Ok(session) => cases.push(Case {
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                session,
                file: Some(path),
            }),
            Err(_) => refused.push(path),
        }
    }
    (cases, refused)
}

fn run_assess(file: &Path, json: bool) -> (bool, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_esa-interview"));
    cmd.args(["--now", "2026-11-25T10:30:00", "assess"])
        .arg(file);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// `assess --json` and `assess` for a session the program holds (not a file).
fn assess_in_process(session: &Session, ctx: &Context) -> (serde_json::Value, String) {
    let e = esa_interview::interview::evaluate(session, &ctx.content, ctx.today);
    let json = serde_json::to_value(report::assess::json(&e, true)).unwrap();
    (
        json,
        report::assess::sentences(&e, &ctx.content, true).join("\n"),
    )
}

/// Descriptor and route ids the content does not know.
fn unknown_ids(session: &Session, content: &Content) -> Vec<String> {
    let wca = &content.wca;
    session
        .wca
        .descriptors
        .iter()
        .filter(|id| wca.descriptor(id).is_none() && wca.lcwra_descriptor(id).is_none())
        .chain(
            session
                .wca
                .exceptional
                .iter()
                .filter(|id| wca.route(id).is_none()),
        )
        .cloned()
        .collect()
}

/// Puts the session in a fresh store on the outcome screen and returns its reference.
fn stored(ctx: &Context, session: &Session) -> String {
    let reference = "Agreement claimant".to_string();
    let now = plain_common::clock();
    let mut h = ctx.store.create(&reference, ctx.today, now).unwrap();
    let mut s = session.clone();
    s.reference.clone_from(&reference);
    s.position.step = Some("outcome".into());
    h.session = s;
    h.save(now).unwrap();
    reference
}

/// The page of the full-screen outcome screen, drawn tall enough to hold all of it (it ends
/// with the note), without the tally panel beside it (which has its own short words).
fn tui_text(ctx: &Context, reference: &str) -> String {
    let size = (140, 100);
    let app = App::new(ctx, Some(reference), size, false);
    assert!(app.interview().is_some(), "the session did not open");
    let mut t = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    let buf = t.backend().buffer();
    let page = (0..buf.area.height)
        .map(|y| {
            let row: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            row.split('\u{2502}')
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        page.contains("Note for this screen"),
        "the outcome page does not fit the test terminal:\n{page}"
    );
    page
}

fn plain_text(ctx: &Context, reference: &str) -> String {
    plain_common::run(ctx, Some(reference), &["quit".to_string()]).stdout
}

/// What disagrees for one case, as lines. Each case gets a fresh sessions folder; the content
/// is loaded once and shared.
fn disagreements(case: &Case, content: &SharedContent) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let ctx = plain_common::context_with(dir.path(), content.clone());
    let content = &ctx.content;
    let (json, sentences) = match &case.file {
        Some(file) => {
            let (ok, out) = run_assess(file, true);
            if !ok {
                // `assess` refuses ids this content does not know; the screens leave them out.
                return if unknown_ids(&case.session, content).is_empty() {
                    vec!["assess refuses a file the program reads".into()]
                } else {
                    Vec::new()
                };
            }
            (
                serde_json::from_str(&out).unwrap(),
                run_assess(file, false).1,
            )
        }
        None => assess_in_process(&case.session, &ctx),
    };
    let reference = stored(&ctx, &case.session);
    let renderings = [
        (
            "the outcome screen",
            read_words(&tui_text(&ctx, &reference), content),
        ),
        (
            "the plain mode",
            read_words(&plain_text(&ctx, &reference), content),
        ),
        (
            "the statement",
            read_words(
                &report::render(&case.session, content, ctx.today, Format::Text),
                content,
            ),
        ),
        ("assess", read_words(&sentences, content)),
    ];
    let truth = read_json(&json);
    // A hand-written file without a [wca] table: `assess` does not score an empty WCA, but the
    // program's own screens (which cannot tell) show it as 0 points. Only `assess` is held.
    let wca_held = truth.lcw != Said::NotWorkedOut || case.file.is_none();
    let mut out = Vec::new();
    for (fact, said) in [
        ("LCW", &truth.lcw),
        ("LCWRA", &truth.lcwra),
        ("group", &truth.group),
        ("first condition", &truth.first),
        ("second condition", &truth.second),
        ("age verdict", &truth.age),
    ] {
        if matches!(said, Said::Absent | Said::Conflict(_)) {
            out.push(format!(
                "{fact}: assess --json does not carry it ({said:?})"
            ));
        }
    }
    let mut compare = |fact: &str, want: &Said, got: &Said, rendering: &str| {
        if want != got {
            out.push(format!(
                "{fact}: assess --json says {want:?}, {rendering} says {got:?}"
            ));
        }
    };
    for (name, facts) in &renderings {
        let held = wca_held || *name == "assess";
        if held {
            compare("LCW", &truth.lcw, &facts.lcw, name);
            compare("LCWRA", &truth.lcwra, &facts.lcwra, name);
            compare("group", &truth.group, &facts.group, name);
        }
        compare("first condition", &truth.first, &facts.first, name);
        compare("second condition", &truth.second, &facts.second, name);
        compare("age verdict", &truth.age, &facts.age, name);
        let (want, got) = (&truth.deadlines, &facts.deadlines);
        compare(
            "deadlines",
            &Said::Is(format!("{want:?}")),
            &Said::Is(format!("{got:?}")),
            name,
        );
    }
    out
}

#[test]
fn the_screen_the_statement_and_assess_say_the_same_thing() {
    let today = plain_common::today();
    let (mut cases, refused) = assess_files();
    let files = cases.len();
    cases.extend(worked_cases(today));
    let content = SharedContent::from(esa_interview::content::load_embedded());
    // Two at a time: most of the time is the sessions' durable writes and the test terminal.
    let half = |rest: usize| -> Vec<&Case> {
        cases
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == rest)
            .map(|(_, c)| c)
            .collect()
    };
    let (first, second) = (half(0), half(1));
    let check = |part: Vec<&Case>| -> Vec<String> {
        part.into_iter()
            .filter_map(|case| {
                let found = disagreements(case, &content);
                (!found.is_empty()).then(|| format!("{}:\n    {}", case.name, found.join("\n    ")))
            })
            .collect()
    };
    let mut failures: Vec<String> = std::thread::scope(|s| {
        let other = s.spawn(|| check(second));
        let mut mine = check(first);
        mine.extend(other.join().expect("the second half ran"));
        mine
    });
    for path in &refused {
        if run_assess(path, true).0 {
            failures.push(format!(
                "{}: the program refuses this file, but assess accepts it",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} sessions disagree:\n{}",
        failures.len(),
        cases.len() + refused.len(),
        failures.join("\n")
    );
    assert!(
        files >= 15,
        "only {files} session files in tests/cases/assess"
    );
    assert!(cases.len() >= 150, "only {} sessions", cases.len());
}
