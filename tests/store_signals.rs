//! Hang-ups and signals: a process with a session open, its main thread stuck in a blocking
//! read (as an event loop on a dead terminal can be), is sent SIGHUP, SIGTERM or SIGINT. It must
//! exit by itself with 128 + the signal, having run the terminal-restore hook and removed its
//! lock, and the session must open again with every saved change. A restore hook that hangs
//! must not keep the process alive. Logging in again, the adviser resumes by reference exactly
//! where they were. The process is this test binary running the ignored helper.
#![cfg(unix)]

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use esa_interview::interview::{Action, Step, current_step, update};
use esa_interview::store::{Access, Store, signals};

const ROLE: &str = "ESA_STORE_SIGNAL_DIR";

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 5, 20)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

#[test]
#[ignore = "helper: run as a child process by the signal tests"]
fn helper() {
    let (Ok(dir), Ok(id)) = (std::env::var(ROLE), std::env::var("ESA_STORE_SIGNAL_ID")) else {
        return;
    };
    let hang = std::env::var_os("ESA_STORE_SIGNAL_HANG").is_some();
    let (store, _) = Store::open(Path::new(&dir)).unwrap();
    let content = esa_interview::content::load_embedded();
    let mut h = store.open_session(&id, Access::ReadWrite).unwrap();
    // As a front end does: every action that changes anything is saved at once.
    for action in [
        Action::Reference("Test claimant S, changed".into()),
        Action::Answer {
            question: "claimant.date_of_birth".into(),
            text: "17/05/1980".into(),
        },
        Action::Go(Step::Activity(0)),
        Action::Note {
            key: "general".into(),
            text: "Half way through.".into(),
            at: now(),
        },
    ] {
        if update(&mut h.session, action, &content).needs_save() {
            h.save(now()).unwrap();
        }
    }
    signals::install(move || {
        if hang {
            std::thread::sleep(Duration::from_mins(1));
        }
        println!("RESTORED");
    })
    .unwrap();
    println!("READY");
    // Stuck: a blocking read that never returns (the parent never writes or closes stdin).
    let mut buf = [0u8; 1];
    let _ = std::io::stdin().read(&mut buf);
    std::thread::sleep(Duration::from_mins(1));
}

/// Starts the helper, sends the signal when it is ready, and returns its exit code, whether the
/// hook ran, and how long it took to go.
fn signal(dir: &Path, id: &str, name: &str, hang: bool) -> (Option<i32>, bool, Duration) {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "helper",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
        "-q",
    ])
    .env(ROLE, dir)
    .env("ESA_STORE_SIGNAL_ID", id)
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    if hang {
        cmd.env("ESA_STORE_SIGNAL_HANG", "1");
    }
    let mut child = cmd.spawn().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map_while(Result::ok);
    assert!(
        out.by_ref().any(|l| l == "READY"),
        "the helper did not start"
    );
    let sent = Instant::now();
    let kill = Command::new("kill")
        .args(["-s", name, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if sent.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("SIG{name}: the process did not exit");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let took = sent.elapsed();
    let restored = out.any(|l| l == "RESTORED");
    drop(child.stdin.take());
    (status.code(), restored, took)
}

#[test]
fn hangup_term_and_interrupt_release_the_lock_restore_the_terminal_and_exit() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(tmp.path()).unwrap();
    let content = esa_interview::content::load_embedded();
    let id = store
        .create("Test claimant S", now().date(), now())
        .unwrap()
        .id;
    for (name, number) in [("HUP", 1), ("TERM", 15), ("INT", 2)] {
        let (code, restored, _) = signal(tmp.path(), &id, name, false);
        assert_eq!(code, Some(128 + number), "SIG{name}: exit status");
        assert_eq!(signals::exit_code(number), 128 + number);
        assert!(restored, "SIG{name}: the restore hook ran");
        assert!(
            !tmp.path().join(format!("{id}.lock")).exists(),
            "SIG{name}: lock file removed"
        );
        // Log in again and resume by reference: exactly where the adviser was.
        let again = store.resolve("test claimant s, changed").unwrap();
        let h = store.open_session(&again, Access::ReadWrite).unwrap();
        assert_eq!(
            h.cleared_lock, None,
            "SIG{name}: the lock was released, not left"
        );
        assert_eq!(
            current_step(&h.session, &content),
            Step::Activity(0),
            "SIG{name}"
        );
        assert_eq!(h.session.notes["general"].text, "Half way through.");
        assert!(h.session.claimant.date_of_birth.is_some(), "SIG{name}");
    }
}

#[test]
fn a_restore_hook_that_hangs_does_not_keep_the_process_alive() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(tmp.path()).unwrap();
    let id = store
        .create("Test claimant T", now().date(), now())
        .unwrap()
        .id;
    let (code, restored, took) = signal(tmp.path(), &id, "HUP", true);
    assert_eq!(code, Some(129));
    assert!(!restored);
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert!(!tmp.path().join(format!("{id}.lock")).exists());
}
