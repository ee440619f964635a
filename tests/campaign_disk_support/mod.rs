//! Helpers for the disk campaign (tests/campaign_disk.rs): a small tmpfs that can be filled
//! or made read-only, a read-only folder by other means, and ways to drive the full-screen
//! program, the plain mode and the shell commands and read what they said.
#![allow(dead_code)] // the campaign uses each in some tests only

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use esa_interview::app::{Context, PlainReason};
use esa_interview::plain;
use esa_interview::tui::app::App;
use esa_interview::tui::interview::Control;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The program under test, built by cargo for the integration tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_esa-interview");

/// A sessions folder on its own small tmpfs, unmounted when dropped.
pub struct Tmpfs {
    _base: tempfile::TempDir,
    /// The mounted folder.
    pub path: PathBuf,
}

impl Tmpfs {
    /// Mounts a tmpfs of `kb` kilobytes, or None where this machine does not allow it.
    pub fn mount(kb: u32) -> Option<Tmpfs> {
        let base = tempfile::tempdir().ok()?;
        let path = base.path().join("sessions");
        std::fs::create_dir(&path).ok()?;
        let ok = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={kb}k,mode=0700"),
                "tmpfs",
            ])
            .arg(&path)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Tmpfs { _base: base, path })
    }

    /// Fills the disk with a file of zeros until the system refuses.
    pub fn fill(&self) {
        let n = self.fillers().len();
        let Ok(mut f) = std::fs::File::create(self.path.join(format!("filler{n}"))) else {
            return; // not even room for the name: full already
        };
        let block = vec![0u8; 4096];
        while f.write_all(&block).is_ok() {}
        let _ = f.sync_all();
    }

    /// The files `fill` made.
    pub fn fillers(&self) -> Vec<PathBuf> {
        std::fs::read_dir(&self.path)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("filler"))
            })
            .collect()
    }

    /// Removes what `fill` wrote, so there is room again.
    pub fn free(&self) {
        for f in self.fillers() {
            std::fs::remove_file(f).unwrap();
        }
    }

    /// Remounts with `how` (`ro`, `rw`).
    pub fn remount(&self, how: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{how}")])
            .arg(&self.path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount {how}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// Presses one key.
pub fn key(app: &mut App, code: KeyCode) -> Control {
    app.event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Presses Ctrl-S (save now).
pub fn ctrl_s(app: &mut App) {
    app.event(&Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
}

/// Types text key by key.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The screen, drawn fresh, as text with runs of spaces squeezed.
pub fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A session started in the TUI with the first descriptor of activity 1 chosen (and saved).
pub fn tui_with_one_choice(ctx: &Context) -> App<'_> {
    let mut app = App::new(ctx, None, (100, 30), false);
    type_text(&mut app, "Test claimant D");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('g'));
    type_text(&mut app, "4.1");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char(' '));
    assert!(app.interview().unwrap().handle.save_failure().is_none());
    app
}

/// The path and bytes of the most recently changed session file.
pub fn session_bytes(ctx: &Context) -> (PathBuf, Vec<u8>) {
    let list = ctx.store.list();
    let path = ctx.store.path_of(&list[0].id);
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

/// Temporary files (half-written saves) in a folder.
pub fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| esa_interview::store::atomic::is_temp_name(n))
        .collect()
}

/// Runs the plain mode over typed lines; returns everything it said.
pub fn plain_run(ctx: &Context, lines: &[&str]) -> String {
    let input = lines.join("\n") + "\n";
    let mut out = Vec::new();
    let options = plain::Options::default();
    let _ = plain::run_with(
        input.as_bytes(),
        &mut out,
        ctx,
        None,
        PlainReason::Flag,
        options,
    );
    String::from_utf8(out).unwrap()
}

/// Runs a shell command of the real binary on `dir`.
pub fn shell(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(["--now", "2026-11-25T10:30:00"])
        .args(args)
        .output()
        .unwrap()
}

/// Makes `dir` read-only: a read-only tmpfs mounted over it (what the program sees from then
/// on, as when a file system is remounted read-only after an error), else permissions.
/// Returns how, or None where neither works (root without mount).
pub fn make_read_only(dir: &Path) -> Option<&'static str> {
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs"])
        .arg(dir)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if mounted {
        return Some("a read-only tmpfs mounted over it");
    }
    std::fs::set_permissions(dir, std::os::unix::fs::PermissionsExt::from_mode(0o500)).unwrap();
    std::fs::write(dir.join("probe"), "x")
        .is_err()
        .then_some("permissions")
}

/// Undoes `make_read_only`.
pub fn make_writable(dir: &Path, how: &str) {
    if how == "permissions" {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    } else {
        assert!(Command::new("umount").arg(dir).status().unwrap().success());
    }
}
