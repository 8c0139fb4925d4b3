//! The four screens as one enum, and what every screen offers the
//! application: handle an action (or a typed key), draw, say which keys
//! apply, say whether something typed is unsaved. A fifth tab is a variant
//! here and a module that implements `Screen`.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::action::{Action, Focus};
use super::keymap::Scope;
use crate::config::Person;
use crate::i18n::{T, t};
use crate::service::Desk;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Intake,
    Inbox,
    Notes,
    Recap,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Intake, Tab::Inbox, Tab::Notes, Tab::Recap];

    /// The tab's name in `[keys]` (`tab_inbox`, …).
    pub fn name(self) -> &'static str {
        match self {
            Tab::Intake => "intake",
            Tab::Inbox => "inbox",
            Tab::Notes => "notes",
            Tab::Recap => "recap",
        }
    }

    /// The title on the tab bar.
    pub fn title(self) -> &'static str {
        t(match self {
            Tab::Intake => T::TabIntake,
            Tab::Inbox => T::TabInbox,
            Tab::Notes => T::TabInvestigation,
            Tab::Recap => T::TabRecap,
        })
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|&t| t == self).unwrap_or(0)
    }

    /// The tab `by` places on, wrapping around.
    pub fn step(self, by: isize) -> Tab {
        let n = Tab::ALL.len() as isize;
        Tab::ALL[(self.index() as isize + by).rem_euclid(n) as usize]
    }
}

/// What the application shares with a screen while it handles a key.
pub struct Cx<'a> {
    pub desk: &'a mut Desk,
    pub person: &'a Person,
}

/// What a screen asks the application to do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Open the whole case in the case view.
    OpenCase(String),
    /// Record an SOP action on the case (opens its form).
    Act(String, crate::domain::workflow::ActionKind),
    /// Open the case's notes in Investigasi.
    Investigate(String),
    /// Open the case's notes in Investigasi and start a new note.
    NewNote(String),
    /// Settle what two desks changed apart on the case.
    Settle(String),
    /// Ask before writing over an existing file.
    ConfirmOverwrite(std::path::PathBuf),
    /// Register the intake form (after checks).
    Register,
    /// Ask before emptying the intake form.
    ConfirmClear,
    /// A form changed: its draft is written once typing pauses.
    Edited,
}

/// One tab's screen.
pub trait Screen {
    /// Whose key bindings apply (and are listed in the help) just now.
    fn scope(&self) -> Scope;
    /// The focused field, for keys whose meaning depends on it.
    fn focus(&self) -> Focus {
        Focus::None
    }
    /// An action bound to the key, or `None` and the key itself (typing).
    fn handle(&mut self, action: Option<Action>, key: KeyEvent, cx: &mut Cx<'_>)
    -> Option<Command>;
    fn draw(&self, f: &mut Frame<'_>, area: Rect, desk: &Desk, person: &Person);
    /// Read its data again (on showing the tab, after a sync or a change).
    fn reload(&mut self, _desk: &Desk, _person: &Person) {}
    /// Pasted text, for the focused field.
    fn paste(&mut self, _text: &str) {}
    /// Work that waits for typing to pause (searches).
    fn settle(&mut self, _desk: &Desk, _now: bool) {}
    /// Something typed is not saved yet.
    fn unsaved(&self) -> bool {
        false
    }
}
