//! Crash consistency: a child process saves a session over and over, saying "ACK n" after each
//! save returns; it is killed with SIGKILL at random moments, many times. After every kill the
//! file must parse, be whole (its parts all from one save), and hold at least the last change
//! acknowledged. Each new child must also notice and clear the lock the killed one left.
//! The child is this test binary itself, running the ignored `helper` test.
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use esa_interview::interview::Session;
use esa_interview::interview::session::{AnswerValue, Note};
use esa_interview::store::{Access, Store};

const ROLE: &str = "ESA_STORE_CRASH_ROLE";
const COUNTER: &str = "test.counter";

fn counter(s: &Session) -> i64 {
    match s.answers.get(COUNTER) {
        Some(AnswerValue::Number(n)) => *n,
        _ => 0,
    }
}

/// The note a save with counter `n` writes: long, so kills land mid-write.
fn note_for(n: i64) -> String {
    format!("Saved change {n}.\n").repeat(2000)
}

#[test]
#[ignore = "helper: run as a child process by the crash test"]
fn helper() {
    let (Ok(dir), Ok(id)) = (std::env::var(ROLE), std::env::var("ESA_STORE_CRASH_ID")) else {
        return;
    };
    let (store, _) = Store::open(Path::new(&dir)).unwrap();
    let mut h = match store.open_session(&id, Access::ReadWrite) {
        Ok(h) => h,
        Err(e) => return println!("ERROR {e}"),
    };
    if h.cleared_lock.is_some() {
        println!("CLEARED");
    }
    println!("READY");
    let now = NaiveDate::from_ymd_opt(2026, 5, 20)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    for n in counter(&h.session) + 1.. {
        h.session
            .answers
            .insert(COUNTER.into(), AnswerValue::Number(n));
        h.session.notes.insert(
            "general".into(),
            Note {
                text: note_for(n),
                changed: None,
            },
        );
        if let Err(e) = h.save(now) {
            return println!("ERROR {e}");
        }
        println!("ACK {n}");
    }
}

fn spawn(dir: &Path, id: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "helper",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
            "-q",
        ])
        .env(ROLE, dir)
        .env("ESA_STORE_CRASH_ID", id)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// A small xorshift generator: the kill moments need not be good random numbers, only varied.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Runs one child until a random moment after it is ready, kills it, and returns what it said.
fn run_and_kill(dir: &Path, id: &str, delay: Duration) -> Vec<String> {
    let mut child = spawn(dir, id);
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut said = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        let ready = line == "READY" || line.starts_with("ERROR");
        said.push(line);
        if ready {
            break;
        }
    }
    std::thread::sleep(delay);
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap();
    said.extend(rx.try_iter());
    said
}

#[test]
fn a_kill_at_any_moment_leaves_a_whole_file_with_every_acknowledged_change() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(tmp.path()).unwrap();
    let id = store
        .create(
            "Test claimant K",
            NaiveDate::from_ymd_opt(2026, 5, 20).unwrap(),
            NaiveDate::from_ymd_opt(2026, 5, 20)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
        )
        .unwrap()
        .id;
    // A fresh seed each run (std's hasher keys are random), never the clock.
    let seed =
        (std::hash::BuildHasher::hash_one(&std::hash::RandomState::new(), std::process::id())
            << 20)
            | u64::from(std::process::id())
            | 1;
    let mut rng = Rng(seed);
    let (mut acked, mut kills, mut cleared) = (0_i64, 0, 0);
    let started = Instant::now();
    while kills < 40 && started.elapsed() < Duration::from_secs(8) {
        let said = run_and_kill(tmp.path(), &id, Duration::from_millis(rng.below(30)));
        kills += 1;
        assert!(
            !said.iter().any(|l| l.starts_with("ERROR")),
            "seed {seed}: child failed: {said:?}"
        );
        cleared += said.iter().filter(|l| *l == "CLEARED").count();
        if let Some(last) = said
            .iter()
            .filter_map(|l| l.strip_prefix("ACK "))
            .filter_map(|n| n.parse().ok())
            .max()
        {
            acked = last;
        }
        let h = store
            .open_session(&id, Access::ReadOnly)
            .unwrap_or_else(|e| panic!("seed {seed}, kill {kills}: {e}"));
        let n = counter(&h.session);
        assert!(
            n >= acked,
            "seed {seed}, kill {kills}: file holds change {n}, {acked} was acknowledged"
        );
        let note = h.session.notes.get("general").map(|n| n.text.as_str());
        let want = (n > 0).then(|| note_for(n));
        assert_eq!(
            note,
            want.as_deref(),
            "seed {seed}, kill {kills}: the file mixes two saves"
        );
    }
    assert!(kills >= 10, "only {kills} kills in the time allowed");
    assert!(acked > 0, "seed {seed}: no save was ever acknowledged");
    assert_eq!(
        cleared,
        kills - 1,
        "seed {seed}: every child after the first clears the dead one's lock"
    );
    assert_eq!(
        store.list().len(),
        1,
        "temporary files left by kills are not sessions"
    );
    let torn = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    eprintln!("{kills} kills ({torn} mid-write), last acknowledged change {acked}, seed {seed}");
}
