//! End to end through a real terminal: the built binary runs inside tmux (which answers the
//! terminal queries crossterm may send), keys are typed with `send-keys`, and the screen is
//! read back with `capture-pane`. Needs tmux (CI installs it).

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use esa_interview::store::{Access, Store};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux must be installed for the end-to-end test (apt-get install tmux)");
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Waits until the screen (spaces squeezed) contains `text`; fails with the screen if not.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            let flat: String = s
                .lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n");
            if flat.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?}; the screen shows:\n{s}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Sends keys one at a time (a pause keeps Esc from joining the next key).
    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "e2e", k]);
            sleep(Duration::from_millis(60));
        }
    }

    fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
        sleep(Duration::from_millis(60));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

/// Starts the built binary in a fresh tmux server at 80x24 (after `prefix`, e.g. `env TERM=..`),
/// starts a new session for `reference` and waits for its first stage. When the program exits,
/// the pane says `EXITED <status>`.
fn new_session_in_tmux(tag: &str, prefix: &str, data: &Path, reference: &str) -> Tmux {
    let bin = env!("CARGO_BIN_EXE_esa-interview");
    let cmd = format!(
        "{prefix}{bin} --data-dir {} --now 2026-11-25T10:30:00; echo EXITED $?; sleep 60",
        data.display()
    );
    let tmux = Tmux {
        socket: format!("esa-e2e-{tag}"),
    };
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "80",
        "-y",
        "24",
        &cmd,
    ]);
    tmux.wait_for("esa-interview: start");
    tmux.text(reference);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Stage 1 of 8");
    tmux
}

fn interview_in_tmux(term: &str, no_color: bool, data: &Path) {
    let colour = if no_color { "NO_COLOR=1" } else { "NO_COLOR=" };
    let tmux = new_session_in_tmux(
        &format!("{}-{term}", std::process::id()),
        &format!("env TERM={term} {colour} "),
        data,
        "Test claimant E2E",
    );
    tmux.keys(&["g", "4", "Enter"]);
    tmux.wait_for("Activity 1 of 17: Mobilising");
    let screen = tmux.keys_then(&["Space"], "Total 15 of 15");
    assert!(screen.contains("LCW: met"), "{screen}");
    assert!(
        screen.contains("> [x] a"),
        "focus marker and choice:\n{screen}"
    );
    tmux.keys(&["Tab", "Tab"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Note: Activity 1 of 17");
    tmux.text("Stops after 40 metres q n");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Note for this screen (changed");
    tmux.keys(&["q"]);
    let after = tmux.wait_for("EXITED 0");
    assert!(
        !after.contains("Points tally"),
        "the screen is restored after leaving:\n{after}"
    );
    let (store, _) = Store::open(data).unwrap();
    let id = store
        .find("Test claimant E2E")
        .expect("the session was saved");
    let h = store.open_session(&id, Access::ReadOnly).unwrap();
    assert_eq!(h.session.wca.descriptors, vec!["lcw.1.a".to_string()]);
    assert_eq!(h.session.notes["lcw.1"].text, "Stops after 40 metres q n");
}

impl Tmux {
    fn keys_then(&self, keys: &[&str], text: &str) -> String {
        self.keys(keys);
        self.wait_for(text)
    }
}

#[test]
fn an_interview_in_a_real_terminal_saves_and_restores_the_screen() {
    for (term, no_color) in [("xterm-256color", false), ("vt100", true), ("linux", false)] {
        let dir = tempfile::tempdir().unwrap();
        interview_in_tmux(term, no_color, dir.path());
    }
}

#[test]
fn a_termination_signal_saves_restores_the_terminal_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = new_session_in_tmux(
        &format!("sig-{}", std::process::id()),
        "",
        dir.path(),
        "Test claimant S",
    );
    tmux.keys(&["n"]);
    tmux.wait_for("Stage 2 of 8");
    let shell = tmux.run(&["list-panes", "-t", "e2e", "-F", "#{pane_pid}"]);
    let shell = shell.trim();
    let children =
        std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap_or_default();
    let pid = children
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(!pid.is_empty(), "the program's process id");
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let after = tmux.wait_for("EXITED 143");
    assert!(
        after.contains("stopped by signal 15; every change was already saved"),
        "{after}"
    );
    assert!(!after.contains("Points tally"), "{after}");
    let (store, _) = Store::open(dir.path()).unwrap();
    let id = store.find("Test claimant S").unwrap();
    let h = store.open_session(&id, Access::ReadOnly).unwrap();
    assert_eq!(h.session.position.step.as_deref(), Some("residency"));
}
