//! Every command of the interface as one enum: the key map turns key presses
//! into these, and the help screen lists them, so the two never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show the keys of the current screen.
    Help,
    /// Leave the program (asks first when a form is unsaved).
    Quit,
    /// Go to tab 1–4.
    GoTab(usize),
    NextTab,
    PrevTab,
    /// Open the search over all cases.
    Search,
    /// Open the sync window: exchange bundles with the other desks through
    /// a shared folder or USB drive.
    Sync,
    /// Register the complaint in the form.
    Save,
    NextField,
    PrevField,
    /// Flip a yes/no field, or take the next option of a pick-list.
    Toggle,
    OptionNext,
    OptionPrev,
    /// Close a window, or go back.
    Cancel,
    Confirm,
    /// Link the new complaint to the case shown.
    Link,
}

/// What the focused field is, for keys whose meaning depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A one-line text field; `empty` when nothing is typed yet.
    Line {
        empty: bool,
    },
    /// The multi-line description.
    Area {
        empty: bool,
    },
    Choice,
    Check,
    /// No field: a list or a window.
    None,
}

/// Keys that mean the same everywhere.
pub fn global(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::F(1) => Action::Help,
        KeyCode::F(8) => Action::Sync,
        KeyCode::Char('q') if ctrl => Action::Quit,
        KeyCode::Char(c @ '1'..='4') if alt => Action::GoTab(c as usize - '1' as usize),
        KeyCode::PageDown if ctrl => Action::NextTab,
        KeyCode::PageUp if ctrl => Action::PrevTab,
        KeyCode::Char('f') if ctrl => Action::Search,
        _ => return None,
    })
}

/// Keys of the intake form. Plain characters type into the focused field,
/// except `/` in an empty field or on a non-text field, which opens search.
pub fn form(key: KeyEvent, focus: Focus) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match (key.code, focus) {
        (KeyCode::Char('s'), _) if ctrl => Action::Save,
        (KeyCode::Tab, _) => Action::NextField,
        (KeyCode::BackTab, _) => Action::PrevField,
        (KeyCode::Down | KeyCode::Enter, Focus::Line { .. } | Focus::Choice | Focus::Check) => {
            Action::NextField
        }
        (KeyCode::Up, Focus::Line { .. } | Focus::Choice | Focus::Check) => Action::PrevField,
        (KeyCode::Char(' '), Focus::Check | Focus::Choice) => Action::Toggle,
        (KeyCode::Right, Focus::Choice) => Action::OptionNext,
        (KeyCode::Left, Focus::Choice) => Action::OptionPrev,
        (
            KeyCode::Char('/'),
            Focus::Line { empty: true }
            | Focus::Area { empty: true }
            | Focus::Choice
            | Focus::Check,
        ) => Action::Search,
        _ => return None,
    })
}

/// Keys of a window (receipt, question, list).
pub fn window(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Esc => Action::Cancel,
        KeyCode::Enter => Action::Confirm,
        KeyCode::Char('l') if ctrl => Action::Link,
        _ => return None,
    })
}

/// The help screen's rows: key, what it does. The form's own keys only
/// where there is a form.
pub fn help_rows(form: bool) -> Vec<(&'static str, &'static str)> {
    crate::i18n::key_help()
        .into_iter()
        .filter(|(_, _, form_only)| form || !form_only)
        .map(|(key, what, _)| (key, what))
        .collect()
}
