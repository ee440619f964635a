//! esa-interview: an Employment and Support Allowance interview for welfare-rights advisers.
//!
//! Dependencies point inward: `rules` (pure law) <- `content` (TOML -> typed) <- the engine and
//! front ends. The binary in `main.rs` only wires these together.

pub mod app;
pub mod caseload;
pub mod cli;
pub mod content;
pub mod interview;
pub mod manual;
pub mod open_session;
pub mod plain;
pub mod report;
pub mod rules;
pub mod shell;
pub mod store;
pub mod tui;
