//! The catalog of every user-facing string, in Bahasa Indonesia and English
//! side by side. Code elsewhere builds a [`Msg`] (or asks for a label) and
//! never spells out user-facing text itself.

/// Formats the Indonesian or the English text, with the same arguments.
macro_rules! tr {
    ($id:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $crate::i18n::lang() {
            $crate::i18n::Lang::Id => format!($id $(, $arg)*),
            $crate::i18n::Lang::En => format!($en $(, $arg)*),
        }
    };
}

mod calendar;
mod case_view;
mod desk;
pub mod files;
mod fold;
pub mod help;
pub mod help_lang;
pub mod keys;
mod labels;
pub mod letters;
mod messages;
mod notes;
pub mod paper;
pub mod paper_ui;
pub mod pin;
pub mod recap;
mod report;
pub mod seal;
mod sync;
mod ui;

use std::sync::atomic::{AtomicU8, Ordering};

use serde::{Deserialize, Serialize};

pub use calendar::{
    as_of_label, finished_margin_text, next_year_short, rederive_label, sisa_finished,
};
pub use case_view::{Cv, cv};
pub use desk::DeskProblem;
pub use fold::{ignored_count, ignored_reason, step_conflict_label};
pub use labels::*;
pub use letters::{LetterMsg, Lw, lw};
pub use messages::{Msg, internal_error, io_detail, problem};
pub use notes::{N, date_problem, field_problem, n, note_choice_label, note_field_label};
pub use report::{R, say};
pub use sync::{
    SkipWhy, merge_case_line, merge_event_lines, refusal, sync_missing, sync_skip_reason,
    sync_skipped,
};
pub use ui::{
    T, note_kind_short, notes_case_keys, notes_picker_keys, sync_new_desk, sync_untrusted,
    sync_written, t,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every message from now on (once, from the config).
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == Lang::En as u8 {
        Lang::En
    } else {
        Lang::Id
    }
}

/// Text from outside (a file, a flag) made safe to print on one line:
/// control characters shown as visible stand-ins (`\x1b`, `\0`).
pub fn printable(s: &str) -> String {
    crate::domain::text::for_terminal(s).into_owned()
}

/// Picks the text of the current language.
pub(crate) fn pick<'a>(id: &'a str, en: &'a str) -> &'a str {
    match lang() {
        Lang::Id => id,
        Lang::En => en,
    }
}
