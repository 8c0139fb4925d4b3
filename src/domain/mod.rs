//! The domain: cases, events, the SOP engine, the working-day calendar.
//!
//! Pure Rust: nothing here touches a file, a database, the terminal or the
//! clock. Callers pass "now" and "today" in, so every rule can be tested with
//! fixed dates.

pub mod agenda;
pub mod calendar;
pub mod case;
pub mod checkpoint;
pub mod conflict;
pub mod draft;
pub mod event;
pub mod fingerprint;
pub mod fold;
pub mod identity;
pub mod letter;
pub mod note;
pub mod pin;
pub mod recap;
pub mod sop;
pub mod standards;
pub mod summary;
pub mod text;
pub mod words;
pub mod workflow;
pub mod worktime;
