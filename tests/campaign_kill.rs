//! Campaign 3, kill and hang-up: the real binary (the release build from scripts/campaign.sh,
//! `ESA_BIN`) is started again and again, part of an interview is typed, and it is stopped at
//! a random moment: SIGKILL, SIGHUP or SIGTERM, or (full screen) the tmux session closed, as
//! an SSH connection dropping does. Half the runs are the plain mode on pipes fed by a slow
//! writer, half the full-screen program in tmux at a random size. After every run: the process
//! is gone within five seconds (else its CPU use is measured and it is a failure); every
//! session file parses; and the run's session holds everything that was shown as saved:
//!
//! - plain mode: each `Chosen: N) (x)` line (printed after the save) and each `Saved: the
//!   note` line for the activity being asked about;
//! - full screen: each `[x] x` the screen showed on an activity, read with `capture-pane` once
//!   the screen is still, when the header did not say `[NOT SAVED]` (a frame is drawn only
//!   after the change it shows was saved).
//!
//! Ignored in `cargo test` (it takes minutes); `CAMPAIGN_KILL_RUNS` sets the number of runs.

mod campaign_common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::{Duration, Instant};

use esa_interview::content::Content;
use esa_interview::store::{Store, read};

use campaign_common::{content, record};

/// A small xorshift generator: kill moments need variety, not quality.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn bin() -> String {
    std::env::var("ESA_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_esa-interview").to_string())
}

/// What a run was shown as saved: descriptor ids and notes by key.
#[derive(Default, Debug)]
struct Shown {
    reference: Option<String>,
    descriptors: BTreeSet<String>,
    notes: BTreeMap<String, String>,
}

/// How a run ended.
struct Ended {
    kind: &'static str,
    pid: u32,
    shown: Shown,
    /// Set when the process was still there five seconds after it was stopped.
    lingered: Option<String>,
}

/// The descriptor of activity `number` with `letter`.
fn descriptor(c: &Content, number: u32, letter: &str) -> Option<String> {
    let a = c
        .wca
        .schedule2
        .activities
        .iter()
        .find(|a| a.number == number)?;
    a.descriptors
        .iter()
        .find(|d| d.letter == letter)
        .map(|d| d.id.clone())
}

/// Activities to visit and which descriptor (1-based, never the "none" row) to choose.
fn plan(rng: &mut Rng, c: &Content) -> Vec<(u32, usize)> {
    let acts = &c.wca.schedule2.activities;
    let mut out: Vec<(u32, usize)> = Vec::new();
    for _ in 0..(3 + rng.below(5)) {
        let a = &acts[usize::try_from(rng.below(acts.len() as u64)).unwrap()];
        if out.iter().any(|(n, _)| *n == a.number) {
            continue;
        }
        let real = a.descriptors.iter().filter(|d| !d.none).count() as u64;
        out.push((a.number, 1 + usize::try_from(rng.below(real)).unwrap()));
    }
    out
}

fn signal(pid: u32, sig: &str) {
    let _ = Command::new("kill")
        .args(["-s", sig, &pid.to_string()])
        .status();
}

// ---------------------------------------------------------------- plain mode on pipes

fn plain_run(rng: &mut Rng, dir: &Path, run: usize, c: &Content) -> Ended {
    let (store, _) = Store::open(dir).unwrap();
    let first = store.list().is_empty();
    let reference = format!("Campaign P{run}");
    let mut lines: Vec<String> = Vec::new();
    if !first {
        lines.push("new".into());
    }
    lines.push(reference.clone());
    for (number, pick) in plan(rng, c) {
        lines.push(format!("go 4.{number}"));
        lines.push(pick.to_string());
        if rng.below(3) == 0 {
            lines.extend([
                "note".into(),
                format!("Campaign note {run} {number}"),
                ".".into(),
            ]);
        }
    }
    let mut child = Command::new(bin())
        .args(["--plain", "--now", "2026-11-25T10:30:00", "--data-dir"])
        .arg(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let out = Arc::new(Mutex::new(Vec::<String>::new()));
    let reader = {
        let out = Arc::clone(&out);
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for l in BufReader::new(stdout).lines().map_while(Result::ok) {
                out.lock().unwrap().push(l);
            }
        })
    };
    let delays: Vec<u64> = lines.iter().map(|_| rng.below(60)).collect();
    let total: u64 = delays.iter().sum::<u64>() + 150;
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for (line, d) in lines.iter().zip(delays) {
            sleep(Duration::from_millis(d));
            if writeln!(stdin, "{line}").is_err() {
                return;
            }
        }
        // Keep the pipe open: the program waits for more, as a person would.
        sleep(Duration::from_secs(30));
    });
    sleep(Duration::from_millis(rng.below(total)));
    let kind = ["SIGKILL", "SIGHUP", "SIGTERM"][usize::try_from(rng.below(3)).unwrap()];
    match kind {
        "SIGKILL" => child.kill().unwrap(),
        "SIGHUP" => signal(pid, "HUP"),
        _ => signal(pid, "TERM"),
    }
    let lingered = linger(pid);
    let _ = child.kill();
    let _ = child.wait();
    reader.join().unwrap();
    drop(writer); // it ends by itself when its pipe breaks or its sleep ends
    let said = out.lock().unwrap().clone();
    Ended {
        kind: match kind {
            "SIGKILL" => "plain SIGKILL",
            "SIGHUP" => "plain SIGHUP",
            _ => "plain SIGTERM",
        },
        pid,
        shown: plain_shown(&said, c, &reference, run),
        lingered,
    }
}

/// What the plain mode said was saved, in order.
fn plain_shown(said: &[String], c: &Content, reference: &str, run: usize) -> Shown {
    let mut shown = Shown::default();
    let mut activity = None;
    for l in said {
        if l.starts_with(&format!("Saved: a new session for {reference}")) {
            shown.reference = Some(reference.to_string());
        }
        if let Some(rest) = l.strip_prefix("Activity ") {
            activity = rest.split(' ').next().and_then(|n| n.parse::<u32>().ok());
        }
        if let (Some(rest), Some(n)) = (l.strip_prefix("Chosen: "), activity) {
            let letter = rest
                .split_once('(')
                .and_then(|(_, r)| r.split_once(')'))
                .map(|(x, _)| x);
            if let Some(id) = letter.and_then(|x| descriptor(c, n, x)) {
                shown.descriptors.insert(id);
            }
        }
        if let (true, Some(n)) = (l.starts_with("Saved: the note"), activity) {
            let a = c
                .wca
                .schedule2
                .activities
                .iter()
                .find(|a| a.number == n)
                .unwrap();
            shown
                .notes
                .insert(a.id.clone(), format!("Campaign note {run} {n}"));
        }
    }
    shown
}

// ---------------------------------------------------------------- full screen in tmux

struct Tmux(String);

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.0])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "k", k]);
        }
    }
    fn text(&self, t: &str) {
        self.run(&["send-keys", "-t", "k", "-l", t]);
    }
    /// The screen once two captures 40 ms apart agree (a frame is not half drawn).
    fn still_screen(&self) -> String {
        let mut last = self.run(&["capture-pane", "-p", "-t", "k"]);
        for _ in 0..25 {
            sleep(Duration::from_millis(40));
            let now = self.run(&["capture-pane", "-p", "-t", "k"]);
            if now == last {
                return now;
            }
            last = now;
        }
        last
    }
    fn pane_pid(&self) -> Option<u32> {
        self.run(&["list-panes", "-t", "k", "-F", "#{pane_pid}"])
            .trim()
            .parse()
            .ok()
    }
}

impl Drop for Tmux {
    /// Ends the server and removes its socket file, so hundreds of runs leave nothing in /tmp.
    fn drop(&mut self) {
        self.run(&["kill-server"]);
        // Where tmux keeps it: $TMUX_TMPDIR (else /tmp), tmux-UID, the -L name.
        let uid = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                let line = s.lines().find(|l| l.starts_with("Uid:"))?.to_string();
                line.split_whitespace().nth(1).map(str::to_string)
            });
        if let Some(uid) = uid {
            let dir = std::env::var("TMUX_TMPDIR").unwrap_or_else(|_| "/tmp".into());
            let _ = std::fs::remove_file(Path::new(&dir).join(format!("tmux-{uid}")).join(&self.0));
        }
    }
}

/// What one still screen shows as saved: the chosen letters of the activity on it.
fn tui_shown(screen: &str, c: &Content, shown: &mut Shown) {
    let mut lines = screen.lines();
    let Some(header) = lines.next() else { return };
    if header.contains("NOT SAVED") || header.contains("read-only") {
        return;
    }
    let Some(number) = screen
        .lines()
        .find_map(|l| l.trim().strip_prefix("Activity "))
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse::<u32>().ok())
    else {
        return;
    };
    for l in screen.lines() {
        let page = l.split('\u{2502}').next().unwrap_or(l);
        if let Some((_, rest)) = page.split_once("[x] ") {
            let letter = rest.split(' ').next().unwrap_or_default();
            if let Some(id) = descriptor(c, number, letter) {
                shown.descriptors.insert(id);
            }
        }
    }
}

fn tui_run(rng: &mut Rng, dir: &Path, run: usize, c: &Content) -> Ended {
    let tmux = Tmux(format!("esa-kill-{}-{run}", std::process::id()));
    let (w, h) = (80 + rng.below(60), 24 + rng.below(20));
    let cmd = format!(
        "exec env TERM=xterm-256color {} --data-dir {} --now 2026-11-25T10:30:00",
        bin(),
        dir.display()
    );
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "k",
        "-x",
        &w.to_string(),
        "-y",
        &h.to_string(),
        &cmd,
    ]);
    let pid = tmux.pane_pid().unwrap_or(0);
    let reference = format!("Campaign T{run}");
    let plan = plan(rng, c);
    let steps = 2 + plan.len() * 2;
    let stop_at = rng.below(steps as u64 + 1);
    let mut shown = Shown::default();
    let mut step = 0;
    let mut go = |f: &mut dyn FnMut(&Tmux, &mut Shown)| {
        if step < stop_at {
            f(&tmux, &mut shown);
        }
        step += 1;
    };
    go(&mut |t, _| {
        sleep(Duration::from_millis(150));
        t.text(&reference);
    });
    go(&mut |t, s| {
        t.keys(&["Enter"]);
        let screen = t.still_screen();
        let header = screen.lines().next().unwrap_or_default();
        if header.starts_with(&format!("{reference} ")) && !header.contains("NOT SAVED") {
            s.reference = Some(reference.clone());
        }
    });
    for (number, pick) in &plan {
        go(&mut |t, _| {
            t.keys(&["g"]);
            t.text(&format!("4.{number}"));
            t.keys(&["Enter"]);
        });
        go(&mut |t, s| {
            for _ in 1..*pick {
                t.keys(&["Down"]);
            }
            t.keys(&["Space"]);
            tui_shown(&t.still_screen(), c, s);
        });
    }
    sleep(Duration::from_millis(rng.below(40)));
    let kind =
        ["SIGKILL", "SIGHUP", "SIGTERM", "kill-session"][usize::try_from(rng.below(4)).unwrap()];
    match kind {
        "SIGKILL" => signal(pid, "KILL"),
        "SIGHUP" => signal(pid, "HUP"),
        "SIGTERM" => signal(pid, "TERM"),
        _ => {
            tmux.run(&["kill-session", "-t", "k"]);
        }
    }
    // Before the tmux server goes (its end would hang up on anything left).
    let lingered = (pid != 0).then(|| linger(pid)).flatten();
    Ended {
        kind: match kind {
            "SIGKILL" => "tui SIGKILL",
            "SIGHUP" => "tui SIGHUP",
            "SIGTERM" => "tui SIGTERM",
            _ => "tui tmux kill-session",
        },
        pid,
        shown,
        lingered,
    }
}

// ---------------------------------------------------------------- the checks after a run

/// CPU time (user + system, clock ticks) of a process, if it is there and not a zombie.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    if fields.first() == Some(&"Z") {
        return None;
    }
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Waits up to five seconds for a process to end (a zombie has ended); if it has not, measures
/// its CPU use over the next second, kills it and says so.
fn linger(pid: u32) -> Option<String> {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        cpu_ticks(pid)?;
        sleep(Duration::from_millis(10));
    }
    let a = cpu_ticks(pid)?;
    sleep(Duration::from_secs(1));
    let b = cpu_ticks(pid).unwrap_or(a);
    signal(pid, "KILL");
    Some(format!(
        "process {pid} still running 5 s after it was stopped, using {}% of a CPU",
        b - a
    ))
}

/// Processes still running the binary on `dir`.
fn still_running(dir: &Path) -> Vec<u32> {
    let needle = dir.display().to_string();
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_string_lossy().parse::<u32>().ok())
        .filter(|pid| *pid != std::process::id())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains(&needle))
        })
        .filter(|pid| cpu_ticks(*pid).is_some())
        .collect()
}

/// Waits up to five seconds for the run's process to go; returns a failure if it did not,
/// with how much CPU it used in the next second.
fn gone(ended: &Ended, dir: &Path) -> Option<String> {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if still_running(dir).is_empty() {
            return None;
        }
        sleep(Duration::from_millis(20));
    }
    let left = still_running(dir);
    let mut report = Vec::new();
    for pid in &left {
        let a = cpu_ticks(*pid).unwrap_or(0);
        sleep(Duration::from_secs(1));
        let b = cpu_ticks(*pid).unwrap_or(a);
        report.push(format!("process {pid} left running, {}% CPU", b - a));
        signal(*pid, "KILL");
    }
    Some(format!(
        "{} (pid {}): {}",
        ended.kind,
        ended.pid,
        report.join("; ")
    ))
}

/// Every session file parses; the run's session holds everything shown as saved.
fn check_files(dir: &Path, ended: &Ended) -> Vec<String> {
    let mut failures = Vec::new();
    let (store, _) = Store::open(dir).unwrap();
    let mut found = None;
    for s in store.list() {
        let path = store.path_of(&s.id);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        match read::parse(&text, &path.display().to_string()) {
            Ok(session) => {
                if ended.shown.reference.as_deref() == Some(session.reference.as_str()) {
                    found = Some(session);
                }
            }
            Err(e) => failures.push(format!(
                "{}: a session file does not parse: {e}",
                ended.kind
            )),
        }
    }
    let Some(reference) = &ended.shown.reference else {
        return failures;
    };
    let Some(session) = found else {
        failures.push(format!(
            "{}: the session {reference} shown as saved is not on disk",
            ended.kind
        ));
        return failures;
    };
    for id in &ended.shown.descriptors {
        if !session.wca.descriptors.contains(id) {
            failures.push(format!(
                "{}: {reference}: {id} was shown as saved but is not on disk",
                ended.kind
            ));
        }
    }
    for (key, text) in &ended.shown.notes {
        if session.notes.get(key).map(|n| n.text.as_str()) != Some(text.as_str()) {
            failures.push(format!(
                "{}: {reference}: the note for {key} was shown as saved but is not on disk",
                ended.kind
            ));
        }
    }
    failures
}

#[test]
#[ignore = "long: run by scripts/campaign.sh"]
fn killing_the_program_at_random_moments_loses_nothing_shown_as_saved() {
    let runs: usize = std::env::var("CAMPAIGN_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let seed = std::env::var("CAMPAIGN_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        // A fresh seed each run (std's hasher keys are random), never the clock.
        .unwrap_or_else(|| {
            std::hash::BuildHasher::hash_one(&std::hash::RandomState::new(), std::process::id()) | 1
        });
    let mut rng = Rng(seed);
    let c = content();
    let base = tempfile::tempdir().unwrap();
    let (plain_dir, tui_dir): (PathBuf, PathBuf) =
        (base.path().join("plain"), base.path().join("tui"));
    let mut kinds: BTreeMap<&str, u64> = BTreeMap::new();
    let (mut failures, mut shown_items) = (Vec::<String>::new(), 0u64);
    let started = Instant::now();
    for run in 0..runs {
        let ended = if run % 2 == 0 {
            plain_run(&mut rng, &plain_dir, run, &c)
        } else {
            tui_run(&mut rng, &tui_dir, run, &c)
        };
        *kinds.entry(ended.kind).or_default() += 1;
        if std::env::var_os("CAMPAIGN_DEBUG").is_some() {
            eprintln!("run {run}: {} {:?}", ended.kind, ended.shown);
        }
        shown_items += (ended.shown.descriptors.len() + ended.shown.notes.len()) as u64
            + u64::from(ended.shown.reference.is_some());
        let dir = if run % 2 == 0 { &plain_dir } else { &tui_dir };
        failures.extend(
            ended
                .lingered
                .as_ref()
                .map(|m| format!("{}: {m}", ended.kind)),
        );
        failures.extend(gone(&ended, dir));
        failures.extend(check_files(dir, &ended));
    }
    let sessions = [&plain_dir, &tui_dir]
        .iter()
        .map(|d| Store::open(d).unwrap().0.list().len() as u64)
        .sum::<u64>();
    let mut figures: Vec<(&str, u64)> = vec![
        ("runs", runs as u64),
        ("seed", seed),
        ("seconds", started.elapsed().as_secs()),
        ("shown_as_saved", shown_items),
        ("sessions", sessions),
        ("failures", failures.len() as u64),
    ];
    let named: Vec<(String, u64)> = kinds
        .iter()
        .map(|(k, v)| (k.replace(' ', "_"), *v))
        .collect();
    figures.extend(named.iter().map(|(k, v)| (k.as_str(), *v)));
    record("kill", &figures);
    assert!(failures.is_empty(), "seed {seed}:\n{}", failures.join("\n"));
}
