//! Locking between processes: a session open in one process is locked; a second process is told
//! who holds it and since when, may open it read-only, and cannot save or delete it; two
//! processes racing for it get it once; a lock left by a process killed with SIGKILL is noticed
//! and cleared. The other process is this test binary itself, running the ignored `helper`.
#![cfg(unix)]

use std::io::{BufRead, BufReader, Lines, Write};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};

use chrono::{NaiveDate, NaiveDateTime};
use esa_interview::store::{Access, Store, StoreError};

const ROLE: &str = "ESA_STORE_LOCK_DIR";

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 5, 20)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// The other process: waits for "go", opens the session read-write and says LOCKED or
/// REFUSED; then "release" drops it (RELEASED) and the end of input ends the process.
#[test]
#[ignore = "helper: run as a child process by the locking tests"]
fn helper() {
    let (Ok(dir), Ok(id)) = (std::env::var(ROLE), std::env::var("ESA_STORE_LOCK_ID")) else {
        return;
    };
    let (store, _) = Store::open(Path::new(&dir)).unwrap();
    let mut handle = None;
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        match line.as_str() {
            "go" => match store.open_session(&id, Access::ReadWrite) {
                Ok(h) => {
                    handle = Some(h);
                    println!("LOCKED {}", std::process::id());
                }
                Err(e) => println!("REFUSED {e}"),
            },
            "release" => {
                handle = None;
                println!("RELEASED");
            }
            _ => {}
        }
    }
    drop(handle);
}

struct Other {
    child: Child,
    out: Lines<BufReader<ChildStdout>>,
}

impl Other {
    fn start(dir: &Path, id: &str) -> Other {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "helper",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
                "-q",
            ])
            .env(ROLE, dir)
            .env("ESA_STORE_LOCK_ID", id)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = BufReader::new(child.stdout.take().unwrap()).lines();
        Other { child, out }
    }

    fn send(&mut self, line: &str) {
        writeln!(self.child.stdin.as_mut().unwrap(), "{line}").unwrap();
    }

    /// The next line the helper says (skipping the test harness's own lines).
    fn said(&mut self) -> String {
        self.out
            .by_ref()
            .map_while(Result::ok)
            .find(|l| {
                ["LOCKED", "REFUSED", "RELEASED"]
                    .iter()
                    .any(|w| l.starts_with(w))
            })
            .expect("the other process ended without answering")
    }

    fn finish(mut self) {
        drop(self.child.stdin.take());
        assert!(self.child.wait().unwrap().success());
    }
}

fn setup() -> (tempfile::TempDir, Store, String) {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(tmp.path()).unwrap();
    let id = store
        .create("Test claimant L", now().date(), now())
        .unwrap()
        .id;
    (tmp, store, id)
}

#[test]
fn a_second_process_is_told_who_holds_it_and_may_only_read() {
    let (tmp, store, id) = setup();
    let mut other = Other::start(tmp.path(), &id);
    other.send("go");
    let pid = other.said().strip_prefix("LOCKED ").unwrap().to_string();
    let err = store.open_session(&id, Access::ReadWrite).unwrap_err();
    match &err {
        StoreError::Locked {
            id: locked,
            by,
            since,
        } => {
            assert_eq!(locked, &id);
            assert!(by.contains(&format!("process {pid}")), "{by}");
            assert!(
                by.contains(&esa_interview::store::lock::host_name()),
                "{by}"
            );
            assert!(since.len() >= 16, "since when: {since}");
        }
        other => panic!("expected locked, got {other:?}"),
    }
    assert!(err.to_string().contains("open in another process"), "{err}");
    let mut look = store.open_session(&id, Access::ReadOnly).unwrap();
    assert_eq!(look.session.reference, "Test claimant L");
    assert!(matches!(look.save(now()), Err(StoreError::ReadOnly)));
    assert!(matches!(store.delete(&id), Err(StoreError::Locked { .. })));
    assert_eq!(store.holder(&id).map(|h| h.pid.to_string()), Some(pid));
    other.send("release");
    assert_eq!(other.said(), "RELEASED");
    let mut mine = store.open_session(&id, Access::ReadWrite).unwrap();
    assert_eq!(
        mine.cleared_lock, None,
        "a released lock is not a stale one"
    );
    mine.save(now()).unwrap();
    other.finish();
}

#[test]
fn two_processes_racing_for_a_session_get_it_once() {
    let (tmp, _store, id) = setup();
    let mut a = Other::start(tmp.path(), &id);
    let mut b = Other::start(tmp.path(), &id);
    a.send("go");
    b.send("go");
    let mut answers = [a.said(), b.said()];
    answers.sort();
    assert!(answers[0].starts_with("LOCKED"), "{answers:?}");
    assert!(
        answers[1].starts_with("REFUSED") && answers[1].contains("open in another process"),
        "{answers:?}"
    );
    a.finish();
    b.finish();
}

#[test]
fn a_lock_left_by_a_killed_process_is_noticed_and_cleared() {
    let (tmp, store, id) = setup();
    let mut other = Other::start(tmp.path(), &id);
    other.send("go");
    let pid = other.said().strip_prefix("LOCKED ").unwrap().to_string();
    other.child.kill().unwrap();
    other.child.wait().unwrap();
    assert!(
        tmp.path().join(format!("{id}.lock")).exists(),
        "SIGKILL leaves the lock file"
    );
    assert_eq!(store.holder(&id), None, "a dead holder holds nothing");
    let h = store.open_session(&id, Access::ReadWrite).unwrap();
    let notice = h
        .cleared_lock
        .clone()
        .expect("the cleared lock is reported");
    assert!(notice.contains(&format!("Process {pid} ")), "{notice}");
    assert_eq!(store.holder(&id).map(|x| x.pid), Some(std::process::id()));
}
