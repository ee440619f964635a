//! The policy for using an open session, written once for both front ends (`OpenSession`):
//! actions apply as one change or not at all, a read-only session moves between screens but
//! refuses a change, every change is saved at once, a failed save keeps the change and is
//! tried again at the next one, and the evaluation the screens and exports render is current
//! after every change.

mod plain_common;

use esa_interview::app::Context;
use esa_interview::interview::{Action, Outcome, Step};
use esa_interview::open_session::{OpenSession, Refusal, SaveProblem};
use esa_interview::store::Access;

fn toggle(id: &str) -> Action {
    Action::Toggle(id.into())
}

/// A context over a fresh folder, and a new session open in it with its id.
fn opened() -> (tempfile::TempDir, Context, OpenSession, String) {
    let dir = tempfile::tempdir().unwrap();
    let ctx = plain_common::context(dir.path());
    let h = ctx
        .store
        .create("Test claimant O", ctx.today, plain_common::clock())
        .unwrap();
    let id = h.id.clone();
    let open = OpenSession::new(h, &ctx);
    (dir, ctx, open, id)
}

#[test]
fn a_change_is_saved_at_once_and_the_evaluation_follows_it() {
    let (_dir, ctx, mut open, id) = opened();
    assert_eq!(open.evaluation().wca.tally.total, 0);
    let applied = open.apply(vec![toggle("lcw.1.a")], &ctx);
    assert_eq!(applied.outcome, Outcome::Changed);
    assert_eq!(applied.save_failed, None);
    assert_eq!(open.evaluation().wca.tally.total, 15);
    drop(open);
    let on_disk = ctx.store.open_session(&id, Access::ReadOnly).unwrap();
    assert_eq!(on_disk.session.wca.descriptors, vec!["lcw.1.a".to_string()]);
}

#[test]
fn actions_apply_as_one_change_or_not_at_all() {
    let (_dir, ctx, mut open, _) = opened();
    let applied = open.apply(vec![toggle("lcw.1.a"), toggle("lcw.99.z")], &ctx);
    assert!(matches!(applied.outcome, Outcome::Invalid(_)));
    assert!(applied.problem().is_some_and(|p| p.contains("lcw.99.z")));
    assert!(open.session.wca.descriptors.is_empty(), "nothing applied");
    assert_eq!(open.evaluation().wca.tally.total, 0);
}

#[test]
fn a_read_only_session_moves_between_screens_but_refuses_a_change() {
    let (_dir, ctx, open, id) = opened();
    drop(open);
    let h = ctx.store.open_session(&id, Access::ReadOnly).unwrap();
    let mut open = OpenSession::new(h, &ctx);
    assert_eq!(open.refuses_changes(), Some(Refusal::ReadOnly));
    let moved = open.apply(vec![Action::Go(Step::Review)], &ctx);
    assert_eq!(moved.outcome, Outcome::Moved);
    assert_eq!(moved.refused, None);
    let refused = open.apply(vec![Action::Go(Step::Notes), toggle("lcw.1.a")], &ctx);
    assert_eq!(refused.refused, Some(Refusal::ReadOnly));
    assert_eq!(refused.outcome, Outcome::Unchanged);
    assert!(open.session.wca.descriptors.is_empty());
    assert_eq!(
        open.session.position.step.as_deref(),
        Some("review"),
        "a refused batch does not even move"
    );
    assert_eq!(open.save(&ctx), Err(SaveProblem::ReadOnly));
    assert_eq!(
        Refusal::ReadOnly.sentence(),
        "This session is open read-only: nothing can be changed."
    );
}

#[test]
fn a_failed_save_keeps_the_change_and_is_tried_again_at_the_next_one() {
    let (dir, ctx, mut open, id) = opened();
    std::fs::remove_dir_all(dir.path()).unwrap();
    let failed = open.apply(vec![toggle("lcw.1.a")], &ctx);
    assert_eq!(failed.outcome, Outcome::Changed);
    let failure = failed.save_failed.expect("the folder is gone");
    assert!(
        failure.said().starts_with("Not saved: "),
        "{}",
        failure.said()
    );
    assert_eq!(open.session.wca.descriptors.len(), 1, "the change is kept");
    assert!(open.save_failure().is_some());
    std::fs::create_dir_all(dir.path()).unwrap();
    let retried = open.apply(vec![Action::Go(Step::Review)], &ctx);
    assert_eq!(retried.save_failed, None);
    assert!(open.save_failure().is_none());
    drop(open);
    let on_disk = ctx.store.open_session(&id, Access::ReadOnly).unwrap();
    assert_eq!(on_disk.session.wca.descriptors, vec!["lcw.1.a".to_string()]);
}
