//! The front-end-agnostic interview engine: the `Session` (every answer), `Action` (every user
//! intent), `update` (the only place the session changes), the sequence of screens, and the
//! `ViewModel` both front ends draw. Depends on `content` and `rules`; knows no terminal.

pub mod action;
pub mod answer;
pub mod commands;
pub mod evaluate;
pub mod findings;
pub mod notes;
pub mod session;
pub mod step;
pub mod update;
pub mod view;

pub use action::{Action, ContributionField};
pub use evaluate::{Evaluation, evaluate};
pub use session::Session;
pub use step::Step;
pub use update::{Outcome, current_step, update};
pub use view::{ViewModel, view, view_of};
