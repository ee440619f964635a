//! The law as pure functions: no I/O, no clock (dates are passed in), no serde, no terminal.
//! Every result explains itself as data. Legal figures come in as arguments, from content.

pub mod age;
pub mod calendar;
pub mod contributions;
pub mod dates;
pub mod deadlines;
pub mod money;
pub mod provenance;
pub mod rates;
pub mod wca;
