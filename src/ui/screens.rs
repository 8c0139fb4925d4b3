//! The four tabs as `Screen`s: each says whose keys apply, takes an action
//! (or a typed key), and draws itself. The application reaches them only
//! through this trait, so a fifth tab is a `Tab` variant and one impl here.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::action::{Action, Focus};
use super::inbox::Inbox;
use super::intake::Intake;
use super::keymap::Scope;
use super::notes::NotesScreen;
use super::recap::RecapScreen;
use super::tab::{Command, Cx, Screen};
use crate::config::Person;
use crate::service::Desk;

impl Screen for Intake {
    fn scope(&self) -> Scope {
        Scope::Intake
    }

    fn focus(&self) -> Focus {
        Intake::focus(self)
    }

    fn handle(&mut self, action: Option<Action>, key: KeyEvent, _: &mut Cx<'_>) -> Option<Command> {
        match action {
            Some(Action::Save) => Some(Command::Register),
            Some(Action::ClearForm) => self.touched.then_some(Command::ConfirmClear),
            Some(a) => {
                let edited = self.apply(a)
                    && matches!(a, Action::Toggle | Action::OptionNext | Action::OptionPrev);
                edited.then_some(Command::Edited)
            }
            None => self.edit(key).then_some(Command::Edited),
        }
    }

    fn draw(&self, f: &mut Frame<'_>, area: Rect, _: &Desk, _: &Person) {
        Intake::draw(self, f, area);
    }

    fn paste(&mut self, text: &str) {
        Intake::paste(self, text);
    }

    fn unsaved(&self) -> bool {
        self.touched
    }
}

impl Screen for Inbox {
    fn scope(&self) -> Scope {
        Scope::Inbox
    }

    fn handle(&mut self, action: Option<Action>, _: KeyEvent, cx: &mut Cx<'_>) -> Option<Command> {
        self.on_action(action?, cx.desk, cx.person)
    }

    fn draw(&self, f: &mut Frame<'_>, area: Rect, desk: &Desk, person: &Person) {
        Inbox::draw(self, f, area, desk, person);
    }

    fn reload(&mut self, desk: &Desk, person: &Person) {
        Inbox::reload(self, desk, person);
    }
}

impl Screen for NotesScreen {
    fn scope(&self) -> Scope {
        NotesScreen::scope(self)
    }

    fn focus(&self) -> Focus {
        NotesScreen::focus(self)
    }

    fn handle(
        &mut self,
        action: Option<Action>,
        key: KeyEvent,
        cx: &mut Cx<'_>,
    ) -> Option<Command> {
        NotesScreen::handle(self, action, key, cx.desk, cx.person)
    }

    fn draw(&self, f: &mut Frame<'_>, area: Rect, desk: &Desk, _: &Person) {
        NotesScreen::draw(self, f, area, desk);
    }

    fn reload(&mut self, desk: &Desk, person: &Person) {
        NotesScreen::reload(self, desk, person);
    }

    fn paste(&mut self, text: &str) {
        NotesScreen::paste(self, text);
    }

    fn settle(&mut self, desk: &Desk, now: bool) {
        NotesScreen::settle(self, desk, now);
    }

    fn unsaved(&self) -> bool {
        NotesScreen::unsaved(self)
    }
}

impl Screen for RecapScreen {
    fn scope(&self) -> Scope {
        Scope::Recap
    }

    fn handle(&mut self, action: Option<Action>, _: KeyEvent, cx: &mut Cx<'_>) -> Option<Command> {
        RecapScreen::handle(self, action?, cx.desk)
    }

    fn draw(&self, f: &mut Frame<'_>, area: Rect, _: &Desk, _: &Person) {
        RecapScreen::draw(self, f, area);
    }

    fn reload(&mut self, desk: &Desk, person: &Person) {
        RecapScreen::reload(self, desk);
        self.load_overdue(desk, person);
    }
}
