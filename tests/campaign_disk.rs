//! Campaign 4, disk trouble. The sessions folder is made full, read-only, missing (at start,
//! and taken away mid-interview), a session file is replaced by garbage, and a lock file is
//! left by a process that has died. Each time: the full-screen program (on a `TestBackend`),
//! the plain mode and the shell commands say what is wrong in words, lose nothing already
//! saved, and never overwrite a file they could not read (its bytes are compared before and
//! after).
//!
//! A full or read-only disk is a small tmpfs mounted on a temporary folder where `mount` works
//! (root, as here and in CI); where it does not, a read-only folder falls back to permissions
//! (enough for a user who is not root) and a full disk to a file-size limit (RLIMIT_FSIZE, as
//! `ulimit -f`) on the real binary, which is always run as well. Each test says which it used.

mod campaign_common;
mod campaign_disk_support;

use std::io::Write;
use std::process::{Command, Stdio};

use crossterm::event::KeyCode;
use esa_interview::store::{Access, Store};
use esa_interview::tui::app::App;
use esa_interview::tui::interview::Control;

use campaign_common::{context, record, today};
use campaign_disk_support::{
    BIN, Tmpfs, ctrl_s, key, make_read_only, make_writable, plain_run, screen, session_bytes,
    shell, temp_files, tui_with_one_choice,
};

/// Said when build.rs found that this process may mount, yet mounting failed.
const MOUNT_FAILED: &str =
    "build.rs found CAP_SYS_ADMIN, yet `mount -t tmpfs` failed: is `mount` installed?";
/// Said when neither a mount nor permissions made the folder read-only.
const READ_ONLY_FAILED: &str = "build.rs said a folder could be made read-only here (a mount or binding permissions), yet it stayed writable";

#[test]
#[cfg_attr(
    not(esa_test_mount),
    ignore = "needs a tmpfs mount (root or CAP_SYS_ADMIN, found by build.rs); the file-size-limit test covers a full disk here"
)]
fn a_full_disk_is_said_on_screen_keeps_what_was_saved_and_saves_when_there_is_room() {
    let disk = Tmpfs::mount(512).expect(MOUNT_FAILED);
    let ctx = context(&disk.path);
    let mut app = tui_with_one_choice(&ctx);
    let (path, before) = session_bytes(&ctx);
    disk.fill();
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' '));
    let text = screen(&app);
    assert!(text.contains("[NOT SAVED]"), "{text}");
    assert!(
        text.contains("Not saved: No space left on device"),
        "the reason comes first: {text}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the saved file is untouched"
    );
    assert_eq!(
        temp_files(&disk.path),
        Vec::<String>::new(),
        "no half-written file is left"
    );
    assert_eq!(
        key(&mut app, KeyCode::Char('q')),
        Control::Continue,
        "q does not leave unsaved"
    );
    let text = screen(&app);
    assert!(
        text.contains("Not saved: press q again to leave without the latest changes"),
        "{text}"
    );
    disk.free();
    ctrl_s(&mut app);
    let text = screen(&app);
    assert!(
        !text.contains("NOT SAVED") && text.contains("Saved."),
        "{text}"
    );
    let saved = ctx
        .store
        .open_session(&ctx.store.list()[0].id, Access::ReadOnly)
        .unwrap();
    assert_eq!(
        saved.session.wca.descriptors.len(),
        2,
        "both choices are on disk"
    );
    record("disk_full_tmpfs_tui", &[("faults", 2)]);
}

#[test]
#[cfg_attr(
    not(esa_test_mount),
    ignore = "needs a tmpfs mount (root or CAP_SYS_ADMIN, found by build.rs); the file-size-limit test covers a full disk here"
)]
fn a_full_disk_is_said_in_the_plain_mode_and_the_shell_and_loses_nothing() {
    let disk = Tmpfs::mount(512).expect(MOUNT_FAILED);
    let ctx = context(&disk.path);
    drop(tui_with_one_choice(&ctx));

    // Full but for one page: room for the lock file, none for a save.
    std::fs::write(disk.path.join("spare"), [0u8; 4096]).unwrap();
    disk.fill();
    std::fs::remove_file(disk.path.join("spare")).unwrap();
    let said = plain_run(&ctx, &["1", "go 4.2", "1", "save", "quit"]);
    assert!(
        said.contains("Not saved: No space left on device"),
        "{said}"
    );
    assert!(said.contains("Your answers are kept while the program runs; type save to try again"));
    assert!(
        !said.contains("at path"),
        "no temporary file's name in the message: {said}"
    );
    let on_disk = ctx
        .store
        .open_session(&ctx.store.list()[0].id, Access::ReadOnly)
        .unwrap();
    assert_eq!(
        on_disk.session.wca.descriptors.len(),
        1,
        "nothing saved is lost"
    );
    let new = plain_run(&ctx, &["new", "Test claimant E"]);
    assert!(
        new.contains("Error: the session could not be created") && new.contains("No space left"),
        "{new}"
    );
    disk.fill();
    let open = plain_run(&ctx, &["1"]);
    assert!(
        open.contains("cannot lock") && open.contains("No space left"),
        "{open}"
    );
    let target = disk.path.join("statement.md");
    let export = shell(
        &disk.path,
        &[
            "export",
            "Test claimant D",
            "--output",
            &target.to_string_lossy(),
        ],
    );
    let err = String::from_utf8_lossy(&export.stderr);
    assert_eq!(export.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot write the export") && err.contains("No space left"),
        "{err}"
    );
    assert!(!target.exists(), "no half-written export");
    let out = shell(&disk.path, &["list"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Test claimant D"),
        "list works on a full disk"
    );
    disk.free();
    record("disk_full_tmpfs_plain_shell", &[("faults", 4)]);
}

#[test]
fn a_file_size_limit_on_the_real_binary_refuses_the_save_and_keeps_the_last_good_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("sessions");
    // Start a session and save a first answer with no limit.
    let run = |limit: Option<u32>, input: &str| -> String {
        let ulimit = limit.map_or(String::new(), |kb| format!("ulimit -f {kb}; "));
        let script = format!(
            "trap '' XFSZ; {ulimit}exec \"$0\" --plain --data-dir \"$1\" --now 2026-11-25T10:30:00"
        );
        let mut child = Command::new("sh")
            .args(["-c", &script, BIN])
            .arg(&data)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    let first = run(None, "Test claimant L\ngo 4.1\n1\nquit\n");
    assert!(
        first.contains("Saved: a new session for Test claimant L"),
        "{first}"
    );
    let (store, _) = Store::open(&data).unwrap();
    let id = store.find("Test claimant L").unwrap();
    let before = std::fs::read(store.path_of(&id)).unwrap();
    // A note far longer than the limit allows the file to grow.
    let note = "A long note. ".repeat(2000);
    let said = run(Some(8), &format!("1\nnote\n{note}\n.\nsave\nquit\n"));
    assert!(said.contains("Not saved: File too large"), "{said}");
    assert_eq!(
        std::fs::read(store.path_of(&id)).unwrap(),
        before,
        "the last good file is kept"
    );
    assert_eq!(
        temp_files(&data),
        Vec::<String>::new(),
        "no half-written file is left"
    );
    record("disk_full_rlimit", &[("faults", 1)]);
}

#[test]
#[cfg_attr(
    not(any(esa_test_mount, esa_test_perms)),
    ignore = "needs a tmpfs mount or permissions that bind this user (build.rs found neither: root without CAP_SYS_ADMIN)"
)]
fn a_folder_that_turns_read_only_mid_interview_is_said_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let mut app = tui_with_one_choice(&ctx);
    let (path, before) = session_bytes(&ctx);
    let how = make_read_only(dir.path()).expect(READ_ONLY_FAILED);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' '));
    let text = screen(&app);
    make_writable(dir.path(), how);
    assert!(text.contains("[NOT SAVED]"), "{text}");
    assert!(
        text.contains("Not saved: Read-only file system")
            || text.contains("Not saved: Permission denied"),
        "the reason comes first: {text}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the saved file is untouched"
    );
    ctrl_s(&mut app);
    assert!(
        screen(&app).contains("Saved."),
        "saved once the folder can be written again"
    );
    eprintln!("campaign_disk: read-only mid-interview made with {how}");
    record("disk_read_only_mid_run", &[("faults", 1)]);
}

#[test]
#[cfg_attr(
    not(any(esa_test_mount, esa_test_perms)),
    ignore = "needs a tmpfs mount or permissions that bind this user (build.rs found neither: root without CAP_SYS_ADMIN)"
)]
fn a_read_only_folder_at_start_lets_every_session_be_listed_and_exported_and_changes_nothing() {
    let disk = cfg!(esa_test_mount).then(|| Tmpfs::mount(1024).expect(MOUNT_FAILED));
    let base = tempfile::tempdir().unwrap();
    let dir = disk
        .as_ref()
        .map_or_else(|| base.path().to_path_buf(), |d| d.path.clone());
    let ctx = context(&dir);
    drop(tui_with_one_choice(&ctx));
    let (path, before) = session_bytes(&ctx);
    let how = if let Some(d) = &disk {
        d.remount("ro");
        "a tmpfs remounted read-only"
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).unwrap();
        assert!(
            std::fs::write(dir.join("probe"), "x").is_err(),
            "{READ_ONLY_FAILED}"
        );
        "permissions"
    };
    let mut start = App::new(&ctx, None, (100, 30), false);
    assert!(
        screen(&start).contains("Test claimant D"),
        "the start screen lists it"
    );
    key(&mut start, KeyCode::Down);
    key(&mut start, KeyCode::Enter);
    let text = screen(&start);
    assert!(
        text.contains("Open read-only?") && text.contains("Press y to open it read-only"),
        "a session that reads is offered read-only: {text}"
    );
    key(&mut start, KeyCode::Char('y'));
    let it = start.interview().expect("opened read-only");
    assert!(it.handle.read_only && it.handle.session.wca.descriptors.len() == 1);
    assert!(screen(&start).contains("[read-only]"));
    drop(start);
    let said = plain_run(&ctx, &["1", "y", "quit"]);
    assert!(
        said.contains("Error: changes to this session cannot be saved here:")
            && said.contains("cannot lock")
            && said.contains("Read-only: you can look at every answer"),
        "{said}"
    );
    let new = plain_run(&ctx, &["new", "Test claimant E"]);
    assert!(
        new.contains("Error: the session could not be created"),
        "{new}"
    );
    let out = shell(&dir, &["list"]);
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("Test claimant D")
    );
    let out = shell(&dir, &["export", "Test claimant D"]);
    assert!(
        out.status.success(),
        "exporting to the screen needs no writing"
    );
    let out = shell(&dir, &["purge", "--older-than", "1d"]);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "nothing was changed or deleted"
    );
    if let Some(d) = &disk {
        d.remount("rw");
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    eprintln!("campaign_disk: read-only folder at start made with {how}");
    record("disk_read_only_at_start", &[("faults", 6)]);
}

#[test]
fn a_missing_folder_is_made_and_one_that_vanishes_mid_interview_loses_nothing() {
    let base = tempfile::tempdir().unwrap();
    let data = base.path().join("not/yet/there");
    let out = shell(&data, &["list"]);
    assert!(out.status.success(), "a missing folder is made");
    assert!(data.is_dir());
    let blocked = base.path().join("a-file");
    std::fs::write(&blocked, "not a folder").unwrap();
    let out = shell(&blocked.join("sessions"), &["list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot create the sessions folder"), "{err}");

    let dir = base.path().join("vanishing");
    std::fs::create_dir(&dir).unwrap();
    let ctx = context(&dir);
    let mut app = tui_with_one_choice(&ctx);
    let (_, before) = session_bytes(&ctx);
    std::fs::rename(&dir, base.path().join("moved-away")).unwrap();
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' '));
    assert!(screen(&app).contains("[NOT SAVED]"));
    std::fs::rename(base.path().join("moved-away"), &dir).unwrap();
    assert_eq!(session_bytes(&ctx).1, before, "what was saved is there");
    key(&mut app, KeyCode::Char(' '));
    assert!(
        !screen(&app).contains("NOT SAVED"),
        "saved again once the folder is back"
    );
    let saved = ctx
        .store
        .open_session(&ctx.store.list()[0].id, Access::ReadOnly)
        .unwrap();
    assert_eq!(
        saved.session.wca.descriptors.len(),
        1,
        "the change after it came back is saved"
    );
    record("disk_missing", &[("faults", 3)]);
}

#[test]
fn a_session_file_replaced_by_garbage_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    drop(tui_with_one_choice(&ctx));
    let (path, _) = session_bytes(&ctx);
    let garbage: &[&[u8]] = &[
        b"",
        b"\x00\x01\x02 not toml at all \xff\xfe",
        b"format = 1\nreference = \"Test claimant D\"\n[claimant]\ndate_of_birth = \"soon\"\n",
        b"format = 1\nreference = \"Test claimant D\"\n[wca\n",
        b"format = 99\nreference = \"Test claimant D\"\n",
    ];
    for bytes in garbage {
        std::fs::write(&path, bytes).unwrap();
        let mut app = App::new(&ctx, None, (100, 30), false);
        let text = screen(&app);
        assert!(
            text.contains("cannot be read") || text.contains("Test claimant D"),
            "{text}"
        );
        key(&mut app, KeyCode::Down);
        key(&mut app, KeyCode::Enter);
        assert!(
            app.interview().is_none(),
            "a file that cannot be read is not opened"
        );
        let text = screen(&app);
        assert!(text.contains("Cannot open it:"), "{text}");
        let said = plain_run(&ctx, &["1", "new", "Test claimant G", "quit"]);
        assert!(
            said.contains("cannot be read") || said.contains("cannot be opened"),
            "{said}"
        );
        let out = shell(dir.path(), &["list"]);
        assert!(out.status.success());
        let out = shell(dir.path(), &["purge", "--older-than", "1d"]);
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && said.contains("Deleted 0 sessions"),
            "purge deletes nothing it cannot read: {said}"
        );
        let out = shell(dir.path(), &["resume", "Test claimant D", "--plain"]);
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            said.contains("cannot be opened") || said.contains("no saved session"),
            "resume says it cannot open it: {said}"
        );
        assert!(!said.contains("Saved:"), "resume saved nothing: {said}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            *bytes,
            "the unreadable file is untouched"
        );
        for s in ctx
            .store
            .list()
            .iter()
            .filter(|s| s.reference == "Test claimant G")
        {
            ctx.store.delete(&s.id).unwrap();
        }
    }
    record("disk_garbage", &[("faults", garbage.len() as u64)]);
}

#[test]
fn a_lock_left_by_a_dead_process_is_cleared_said_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    drop(tui_with_one_choice(&ctx));
    let id = ctx.store.list()[0].id.clone();
    let before = ctx
        .store
        .open_session(&id, Access::ReadOnly)
        .unwrap()
        .session;
    let mut dead = Command::new("true").spawn().unwrap();
    let pid = dead.id();
    dead.wait().unwrap();
    let lock = dir.path().join(format!("{id}.lock"));
    let holder = format!(
        "user = \"adviser\"\nhost = \"{}\"\npid = {pid}\nsince = 2026-11-25T09:00:00\n",
        esa_interview::store::lock::host_name()
    );
    std::fs::write(&lock, &holder).unwrap();
    let mut app = App::new(&ctx, None, (100, 30), false);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let it = app.interview().expect("the session opens");
    assert_eq!(
        it.handle.session.wca, before.wca,
        "everything saved is there"
    );
    let text = screen(&app);
    assert!(
        text.contains(&format!("Process {pid} that had this open has ended")),
        "{text}"
    );
    drop(app);
    std::fs::write(&lock, &holder).unwrap();
    let said = plain_run(&ctx, &["1", "quit"]);
    assert!(
        said.contains(&format!("Note: Process {pid} that had this open has ended")),
        "{said}"
    );
    std::fs::write(&lock, "garbage that is not a lock \u{0} at all").unwrap();
    let said = plain_run(&ctx, &["1", "quit"]);
    assert!(
        said.contains("Session: Test claimant D"),
        "a garbage lock nobody holds is taken: {said}"
    );
    let after = ctx
        .store
        .open_session(&id, Access::ReadOnly)
        .unwrap()
        .session;
    assert_eq!(after.wca, before.wca);
    assert_eq!(today(), ctx.today);
    record("disk_dead_lock", &[("faults", 3)]);
}
