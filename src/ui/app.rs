//! The application: who is signed in, which tab, which windows are open,
//! and how a key press becomes an action. A key is looked up in the key
//! map of whatever is in front (a window, else the tab's screen); the
//! screen gets the action, or the key itself to type. Drawing is in
//! `draw.rs` and reads this state only.

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEvent, MouseEventKind};

use super::act_form::{ActForm, Outcome};
use super::action::{Action, Focus};
use super::case_view::CaseViewScreen;
use super::inbox::{self, Inbox};
use super::intake::Intake;
use super::keymap::{self, Scope};
use super::letter::{LetterOutcome, LetterWindow};
use super::lock::{LockOutcome, LockWindow, Why};
use super::notes::NotesScreen;
pub use super::popup::Popup;
use super::popup::scrolled;
use super::print::{PrintOutcome, PrintPick};
use super::recap::RecapScreen;
use super::settle::{SettleForm, Settlement};
use super::sync::{SyncKey, SyncWindow};
use super::tab::{Command, Cx, Screen, Tab};
use crate::config::Person;
use crate::domain::draft::{CaseDraft, DraftContext};
use crate::domain::workflow::ActionKind;
use crate::i18n::keys::{K, k};
use crate::i18n::{self, T, Word, t, word};
use crate::service::Desk;

/// How long typing must pause before the draft is written.
pub const DRAFT_DEBOUNCE: Duration = Duration::from_millis(300);
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// What a person left open when someone else signed in (F9): given back
/// when they sign in again.
struct Parked {
    name: String,
    intake: Box<Intake>,
    notes: Box<NotesScreen>,
}

/// How long typing pauses before the Rekap tab's figures are counted.
const RECAP_IDLE: std::time::Duration = std::time::Duration::from_millis(800);

pub struct App {
    pub desk: Desk,
    /// None until someone signs in.
    pub person: Option<Person>,
    pub picker: usize,
    pub tab: Tab,
    pub intake: Intake,
    pub inbox: Inbox,
    pub recap: RecapScreen,
    pub notes: NotesScreen,
    pub popups: Vec<Popup>,
    pub counts: (u64, u64),
    /// When this desk last exchanged bundles (unix seconds).
    pub last_sync: Option<i64>,
    pub quit: bool,
    /// The terminal is smaller than the interface needs: only a message is
    /// drawn, so keys go nowhere (but `Ctrl+Q`).
    pub too_small: bool,
    /// What the last action recorded (or why not), in the status line
    /// until the next key.
    pub flash: Option<(String, bool)>,
    /// The size of the terminal, for windows that scroll by the page.
    pub size: (u16, u16),
    last_edit: Option<Instant>,
    parked: Vec<Parked>,
    /// Who was signed in before F9: Esc in the picker goes back to them.
    previous: Option<Person>,
    /// The PIN window, over everything (sign-in or the idle lock).
    pub lock: Option<Box<LockWindow>>,
    /// The last key, for the idle lock.
    last_key: Instant,
}

impl App {
    pub fn new(desk: Desk) -> App {
        let last = desk.last_person();
        let picker = desk
            .config
            .people
            .iter()
            .position(|p| Some(&p.name) == last.as_ref())
            .unwrap_or(0);
        let counts = desk.open_and_overdue().unwrap_or_default();
        let last_sync = desk.last_sync().unwrap_or_default();
        let intake = Intake::new(&desk.config.licences.types);
        let recap = RecapScreen::new(&desk);
        App {
            desk,
            person: None,
            picker,
            tab: Tab::Intake,
            intake,
            inbox: Inbox::new(),
            recap,
            notes: NotesScreen::new(),
            popups: Vec::new(),
            counts,
            last_sync,
            quit: false,
            too_small: false,
            flash: None,
            size: (MIN_WIDTH, MIN_HEIGHT),
            last_edit: None,
            parked: Vec::new(),
            previous: None,
            lock: None,
            last_key: Instant::now(),
        }
    }

    pub fn handle(&mut self, event: Event) {
        match event {
            Event::Resize(w, h) => {
                self.size = (w, h);
                self.too_small = w < MIN_WIDTH || h < MIN_HEIGHT;
            }
            // Nothing can be asked on a screen too small to show it: the
            // form's draft is written, then the program ends.
            Event::Key(key)
                if self.too_small
                    && keymap::lookup(Scope::Everywhere, key, Focus::None)
                        == Some(Action::Quit) =>
            {
                self.settle(true);
                self.quit = true;
            }
            Event::Key(_) | Event::Paste(_) | Event::Mouse(_) if self.too_small => {}
            Event::Key(key) if key.kind != KeyEventKind::Release => self.key(key),
            Event::Paste(text) => self.paste(&text),
            Event::Mouse(mouse) => self.mouse(mouse),
            _ => {}
        }
    }

    /// Work that waits for typing to pause: the draft, the search.
    pub fn tick(&mut self) {
        self.settle(false);
        self.count_recap_when_idle();
        self.lock_when_idle();
    }

    /// Counts the Rekap tab's figures while typing pauses, so that opening
    /// the tab shows them at once: counting a month of a large desk takes a
    /// tenth of a second, counting again after a save a millisecond.
    fn count_recap_when_idle(&mut self) {
        if self.person.is_none() || self.lock.is_some() || self.last_key.elapsed() < RECAP_IDLE {
            return;
        }
        self.recap.count_when_idle(&self.desk);
    }

    /// After `[security] idle_lock_minutes` without a key, the screen locks
    /// until the signed-in person's PIN is given again.
    fn lock_when_idle(&mut self) {
        let idle = self.desk.config.security.idle_lock();
        if self.lock.is_some() || idle.is_none_or(|d| self.last_key.elapsed() < d) {
            return;
        }
        if let Some(person) = self.person.clone() {
            self.settle(true);
            self.lock = Some(Box::new(LockWindow::open(&self.desk, person, Why::Idle)));
        }
    }

    /// A picked person signs in: with their PIN first, when PINs are on.
    fn ask_pin(&mut self) {
        if !self.desk.pins_on() {
            return self.sign_in();
        }
        let person = self.desk.config.people[self.picker].clone();
        self.lock = Some(Box::new(LockWindow::open(&self.desk, person, Why::SignIn)));
    }

    fn lock_key(&mut self, mut lock: Box<LockWindow>, action: Option<Action>, key: KeyEvent) {
        match (lock.handle(action, key, &self.desk), lock.why) {
            (LockOutcome::Stay, _) => self.lock = Some(lock),
            (LockOutcome::SignedIn, Why::SignIn) => self.sign_in(),
            (LockOutcome::SignedIn, Why::Idle) => {}
            (LockOutcome::Back | LockOutcome::Other, Why::SignIn) => {}
            (LockOutcome::Back, Why::Idle) => self.lock = Some(lock),
            (LockOutcome::Other, Why::Idle) => self.switch_person(),
        }
    }

    /// Takes what a running sync reported; when it has ended, the open
    /// tab's data and the status bar are read again. The loop calls this
    /// after every key and tick.
    pub fn pump(&mut self) {
        let mut ended = false;
        for popup in &mut self.popups {
            if let Popup::Sync(w) = popup {
                ended |= w.poll(&mut self.desk);
            }
        }
        if ended {
            self.reload_after_sync();
        }
    }

    /// Whether a sync is running (its window waits for the worker).
    pub fn busy(&self) -> bool {
        self.popups
            .iter()
            .any(|p| matches!(p, Popup::Sync(w) if w.running()))
    }

    fn reload_after_sync(&mut self) {
        self.counts = self.desk.open_and_overdue().unwrap_or(self.counts);
        self.last_sync = self.desk.last_sync().unwrap_or(self.last_sync);
        self.reload_tab();
    }

    /// Reads the tab in front again.
    fn reload_tab(&mut self) {
        let Some(p) = self.person.clone() else { return };
        let (screen, desk) = self.screen();
        screen.reload(desk, &p);
    }

    /// Does the waiting work now (`now`) or if its pause has passed.
    pub fn settle(&mut self, now: bool) {
        let paused = self
            .last_edit
            .is_some_and(|t| now || t.elapsed() >= DRAFT_DEBOUNCE);
        if self.intake.unsaved_draft && paused {
            self.keep_draft();
        }
        for popup in &mut self.popups {
            if let Popup::Search(s) = popup {
                s.settle(&self.desk, now);
            }
        }
        let (screen, desk) = self.screen();
        screen.settle(desk, now);
    }

    fn keep_draft(&mut self) {
        if let Some(p) = &self.person {
            match self.desk.save_draft(&p.name, &self.intake.to_draft()) {
                Ok(()) => self.intake.unsaved_draft = false,
                Err(e) => self.intake.message = Some((e.text(), false)),
            }
        }
    }

    fn paste(&mut self, text: &str) {
        match self.popups.last_mut() {
            _ if self.lock.is_some() => {}
            Some(Popup::Search(s)) => s.paste(text),
            Some(Popup::Act(form)) => form.paste(text),
            Some(Popup::Sync(window)) => window.paste(text),
            Some(Popup::Settle(form)) => form.paste(text),
            Some(Popup::Letter(w)) => w.paste(text),
            None if self.person.is_some() => {
                self.screen().0.paste(text);
                if self.tab == Tab::Intake {
                    self.after_edit();
                }
            }
            _ => {}
        }
    }

    /// Whose keys apply now, and the focused field.
    pub fn front(&self) -> (Scope, Focus) {
        if let Some(lock) = &self.lock {
            return (
                Scope::Lock,
                Focus::Line {
                    empty: lock.empty(),
                },
            );
        }
        if self.person.is_none() {
            return (Scope::Picker, Focus::None);
        }
        if let Some(top) = self.popups.last() {
            return (top.scope(), top.focus());
        }
        let screen = self.screen_ref();
        (screen.scope(), screen.focus())
    }

    fn key(&mut self, key: KeyEvent) {
        let (scope, focus) = self.front();
        let action = keymap::lookup(scope, key, focus);
        self.flash = None;
        self.last_key = Instant::now();
        if let Some(lock) = self.lock.take() {
            return self.lock_key(lock, action, key);
        }
        match action {
            Some(Action::Quit) => return self.ask_quit(),
            Some(Action::Help) if matches!(self.popups.last(), Some(Popup::Help { .. })) => {
                self.popups.pop();
                return;
            }
            Some(Action::Help) => return self.popups.push(Popup::Help { scope, scroll: 0 }),
            _ => {}
        }
        if self.person.is_none() {
            return self.pick_person(action);
        }
        if !self.popups.is_empty() {
            return self.popup_key(action, key);
        }
        match action {
            Some(
                a @ (Action::GoTab(_)
                | Action::NextTab
                | Action::PrevTab
                | Action::Search
                | Action::Sync
                | Action::SwitchPerson),
            ) => self.run(a),
            _ => self.tab_key(action, key),
        }
    }

    /// The screen of the tab in front.
    pub(super) fn screen_ref(&self) -> &dyn Screen {
        match self.tab {
            Tab::Intake => &self.intake,
            Tab::Inbox => &self.inbox,
            Tab::Notes => &self.notes,
            Tab::Recap => &self.recap,
        }
    }

    /// The screen of the tab in front, and the desk beside it.
    fn screen(&mut self) -> (&mut dyn Screen, &mut Desk) {
        let screen: &mut dyn Screen = match self.tab {
            Tab::Intake => &mut self.intake,
            Tab::Inbox => &mut self.inbox,
            Tab::Notes => &mut self.notes,
            Tab::Recap => &mut self.recap,
        };
        (screen, &mut self.desk)
    }

    fn tab_key(&mut self, action: Option<Action>, key: KeyEvent) {
        let Some(person) = self.person.clone() else {
            return;
        };
        let (screen, desk) = self.screen();
        let mut cx = Cx {
            desk,
            person: &person,
        };
        if let Some(command) = screen.handle(action, key, &mut cx) {
            self.command(command);
        }
    }

    /// Does what a screen asked for.
    fn command(&mut self, command: Command) {
        match command {
            Command::OpenCase(agenda) => self.open_case(&agenda),
            Command::Act(agenda, kind) => self.open_act(&agenda, kind),
            Command::Investigate(agenda) => {
                self.popups.clear();
                self.tab = Tab::Notes;
                self.notes.open_case(&self.desk, &agenda);
            }
            Command::NewNote(agenda) => {
                self.popups.clear();
                self.tab = Tab::Notes;
                self.notes.open_case(&self.desk, &agenda);
                self.notes.start_note();
            }
            Command::Settle(agenda) => self.open_settle(&agenda),
            Command::ConfirmOverwrite(path) => self.popups.push(Popup::Overwrite(path)),
            Command::Register => self.save(false),
            Command::ConfirmClear => self.popups.push(Popup::ClearForm),
            Command::Edited => self.after_edit(),
        }
    }

    fn after_edit(&mut self) {
        self.last_edit = Some(Instant::now());
        self.validate();
    }

    fn validate(&mut self) -> bool {
        let ctx = DraftContext {
            now: self.desk.now(),
            offset: self.desk.offset,
        };
        self.intake.validate(&ctx)
    }

    fn pick_person(&mut self, action: Option<Action>) {
        let n = self.desk.config.people.len();
        match action {
            Some(Action::Down) => self.picker = (self.picker + 1) % n,
            Some(Action::Up) => self.picker = (self.picker + n - 1) % n,
            Some(Action::First | Action::PageUp) => self.picker = 0,
            Some(Action::Last | Action::PageDown) => self.picker = n.saturating_sub(1),
            Some(Action::Confirm) => self.ask_pin(),
            Some(Action::Cancel) => {
                // Back to whoever was signed in before F9.
                if let Some(previous) = self.previous.take()
                    && let Some(i) = self
                        .desk
                        .config
                        .people
                        .iter()
                        .position(|p| p.name == previous.name)
                {
                    self.picker = i;
                    self.ask_pin();
                }
            }
            _ => {}
        }
    }

    fn sign_in(&mut self) {
        let person = self.desk.config.people[self.picker].clone();
        let _ = self.desk.remember_person(&person.name);
        self.previous = None;
        match self.parked.iter().position(|p| p.name == person.name) {
            // Their forms as they left them, newer than any draft.
            Some(i) => {
                let parked = self.parked.remove(i);
                self.intake = *parked.intake;
                self.notes = *parked.notes;
            }
            None => {
                self.intake = Intake::new(&self.desk.config.licences.types);
                self.notes = NotesScreen::new();
                if let Ok(Some(draft)) = self.desk.load_draft(&person.name) {
                    self.popups.push(Popup::Restore(Box::new(draft)));
                }
            }
        }
        self.person = Some(person);
        self.reload_tab();
    }

    /// Runs an action that does not depend on the screen in front.
    pub fn run(&mut self, a: Action) {
        match a {
            Action::Help => self.popups.push(Popup::Help {
                scope: self.front().0,
                scroll: 0,
            }),
            Action::Quit => self.ask_quit(),
            Action::GoTab(tab) => self.show_tab(tab),
            Action::NextTab => self.show_tab(self.tab.step(1)),
            Action::PrevTab => self.show_tab(self.tab.step(-1)),
            Action::Search => self.popups.push(Popup::Search(Box::default())),
            Action::Sync => {
                let window = SyncWindow::new(&self.desk.config.sync.folder);
                self.popups.push(Popup::Sync(Box::new(window)));
            }
            Action::SwitchPerson => self.switch_person(),
            Action::Save => self.save(false),
            other => {
                if self.intake.apply(other)
                    && matches!(
                        other,
                        Action::Toggle | Action::OptionNext | Action::OptionPrev
                    )
                {
                    self.after_edit();
                }
            }
        }
    }

    /// Something typed anywhere is not saved yet.
    pub fn unsaved(&self) -> bool {
        self.intake.touched
            || self.notes.unsaved()
            || self.parked.iter().any(|p| p.notes.unsaved())
            || self.popups.iter().any(Popup::unsaved)
    }

    /// Quits, or asks first when something is unsaved (a second Ctrl+Q
    /// while asking quits).
    fn ask_quit(&mut self) {
        if matches!(self.popups.last(), Some(Popup::Quit)) || !self.unsaved() {
            return self.quit_now();
        }
        self.popups.push(Popup::Quit);
    }

    fn quit_now(&mut self) {
        if self.intake.touched {
            self.keep_draft();
        }
        self.quit = true;
    }

    fn show_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.reload_tab();
    }

    /// Back to the person picker. The forms are kept as they are, for when
    /// this person signs in again; the intake form is also written as a
    /// draft, which survives a crash.
    fn switch_person(&mut self) {
        if self.intake.touched {
            self.keep_draft();
        }
        let Some(person) = self.person.take() else {
            return;
        };
        let fresh_intake = Intake::new(&self.desk.config.licences.types);
        let intake = std::mem::replace(&mut self.intake, fresh_intake);
        let notes = std::mem::take(&mut self.notes);
        self.parked.retain(|p| p.name != person.name);
        self.parked.push(Parked {
            name: person.name.clone(),
            intake: Box::new(intake),
            notes: Box::new(notes),
        });
        self.previous = Some(person);
    }

    fn open_case(&mut self, agenda: &str) {
        match self.case_screen(agenda) {
            Ok(view) => self.popups.push(Popup::Case(Box::new(view))),
            Err(e) => self.popups.push(Popup::Error(e)),
        }
    }

    /// The whole case, with the actions the signed-in person may take.
    fn case_screen(&self, agenda: &str) -> Result<CaseViewScreen, String> {
        let (mut view, detail) = CaseViewScreen::open_with_detail(&self.desk, agenda)?;
        if let Some(person) = &self.person {
            let mine = inbox::allowed(&detail, &self.desk, person)
                .into_iter()
                .map(|a| format!("[{}] {}", inbox::action_key(a), i18n::action_label(a)))
                .collect();
            view.set_person_actions(Some(mine));
        }
        Ok(view)
    }

    /// The form of an SOP action on a case, or why this person may not.
    fn open_act(&mut self, agenda: &str, action: ActionKind) {
        let Some(person) = self.person.clone() else {
            return;
        };
        let detail = match self.desk.show(agenda) {
            Ok(d) => d,
            Err(e) => return self.popups.push(Popup::Error(e.text())),
        };
        if inbox::allowed(&detail, &self.desk, &person).contains(&action) {
            let form = ActForm::new(&self.desk, &person, &detail, action);
            return self.popups.push(Popup::Act(Box::new(form)));
        }
        // Not allowed for any role this person holds: the engine's refusal
        // names what is allowed. Nothing is written.
        let why = self
            .desk
            .acting_as(Some(&person.name), None)
            .and_then(|who| self.desk.why_not(agenda, action, &who));
        match why {
            Ok(Some(refusal)) | Err(refusal) => self.popups.push(Popup::Error(refusal.text())),
            // The list was behind: the case moved on; show it as it is now.
            Ok(None) => {}
        }
        self.reload_tab();
    }

    /// The settle form for a case, or why there is none.
    fn open_settle(&mut self, agenda: &str) {
        let detail = match self.desk.show(agenda) {
            Ok(d) => d,
            Err(e) => return self.popups.push(Popup::Error(e.text())),
        };
        let popup = match SettleForm::new(&detail) {
            Some(form) => Popup::Settle(Box::new(form)),
            None if detail.conflicts.is_empty() => Popup::Error(t(T::SettleNone).into()),
            None => Popup::Error(t(T::SettleNotesOnly).into()),
        };
        self.popups.push(popup);
    }

    /// Corrects the field again with the value chosen, or keeps the step's
    /// version chosen: the conflict is settled here and, after the next
    /// sync, on every desk. Refused, the form stays open as it was.
    fn submit_settle(&mut self, form: Box<SettleForm>) {
        let Some(person) = self.person.clone() else {
            return;
        };
        let Some(settlement) = form.settlement() else {
            return self.popups.push(Popup::Settle(form));
        };
        let result =
            self.desk
                .acting_as(Some(&person.name), None)
                .and_then(|who| match &settlement {
                    Settlement::Field { field, value } => {
                        self.desk.correct(&form.agenda, field, value, &who)
                    }
                    Settlement::Step { step, keep } => {
                        self.desk.settle_step(&form.agenda, step, keep, &who)
                    }
                });
        match result {
            Ok(_) => {
                self.flash = Some((format!("{} — {}", k(K::Settled), form.agenda), true));
                self.after_change(&form.agenda);
            }
            Err(e) => {
                self.popups.push(Popup::Settle(form));
                self.popups.push(Popup::Error(e.text()));
            }
        }
    }

    /// Records the action of the form; refused, the form stays open with
    /// everything typed, and the refusal on top of it.
    fn submit_action(&mut self, form: Box<ActForm>) {
        let Some(person) = self.person.clone() else {
            return;
        };
        let (role, input) = form.to_input();
        let result = self
            .desk
            .acting_as(Some(&person.name), Some(&role))
            .and_then(|who| self.desk.act(&form.agenda, form.action.id(), &input, &who));
        match result {
            Ok(_) => {
                // The agency a case went to is named whole.
                let forward: String = form
                    .summary()
                    .into_iter()
                    .filter(|l| l.starts_with(t(T::ActForwardTo)))
                    .map(|l| format!(" · {l}"))
                    .collect();
                self.flash = Some((
                    format!(
                        "{}: {} — {}{forward}",
                        k(K::Recorded),
                        i18n::action_label(form.action),
                        form.agenda
                    ),
                    true,
                ));
                self.after_change(&form.agenda);
            }
            Err(e) => {
                let mut form = form;
                form.set_error(e.text());
                self.popups.push(Popup::Act(form));
            }
        }
    }

    /// After a change to a case: the counts, the tab and an open case view
    /// are read again; the cursor stays where it was.
    fn after_change(&mut self, agenda: &str) {
        self.counts = self.desk.open_and_overdue().unwrap_or(self.counts);
        self.reload_tab();
        let fresh = self.case_screen(agenda);
        for popup in &mut self.popups {
            if let (Popup::Case(view), Ok(fresh)) = (popup, &fresh)
                && view.view().agenda_no == agenda
            {
                view.refresh_from(fresh);
            }
        }
    }

    fn save(&mut self, confirmed: bool) {
        if !self.validate() {
            self.intake.focus_first_problem();
            self.intake.message = Some((t(T::SaveRefused).into(), false));
            return;
        }
        let draft = self.intake.to_draft();
        if !confirmed && draft.linked_to.is_empty() {
            match self.desk.possible_duplicates(&draft) {
                Ok(found) if !found.is_empty() => {
                    return self.popups.push(Popup::Duplicates(found));
                }
                Ok(_) => {}
                Err(e) => return self.popups.push(Popup::Error(e.text())),
            }
        }
        self.register(draft);
    }

    fn register(&mut self, draft: CaseDraft) {
        let Some(person) = self.person.clone() else {
            return;
        };
        let result = self
            .desk
            .acting_as(Some(&person.name), None)
            .and_then(|who| self.desk.register(&draft, &who));
        match result {
            Ok(registered) => {
                let name = if draft.anonymous {
                    word(Word::Hidden).to_string()
                } else {
                    draft.name.clone()
                };
                let file = self.desk.write_receipt(&registered);
                let _ = self.desk.clear_draft(&person.name);
                self.intake.clear(&self.desk.config.licences.types);
                self.counts = self.desk.open_and_overdue().unwrap_or(self.counts);
                if let Err(e) = &file {
                    self.intake.message = Some((e.text(), false));
                }
                self.popups.push(Popup::Receipt {
                    registered: Box::new(registered),
                    file: file.ok(),
                    name,
                });
            }
            Err(e) => self.popups.push(Popup::Error(e.text())),
        }
    }

    fn popup_key(&mut self, action: Option<Action>, key: KeyEvent) {
        let Some(top) = self.popups.pop() else { return };
        let rows = super::popup::scrolled_rows(ratatui::layout::Rect::new(
            0,
            0,
            self.size.0,
            self.size.1.saturating_sub(2),
        ));
        match (top, action) {
            (Popup::Sync(mut window), _) => {
                if let SyncKey::Stay = window.handle(action, key, &self.desk) {
                    self.popups.push(Popup::Sync(window));
                }
            }
            (Popup::Settle(mut form), _) => match form.handle(action, key) {
                Outcome::Open => self.popups.push(Popup::Settle(form)),
                Outcome::Cancel => {}
                Outcome::Submit => self.submit_settle(form),
            },
            (Popup::Act(mut form), _) => match form.handle(action, key) {
                Outcome::Open => self.popups.push(Popup::Act(form)),
                Outcome::Cancel => {}
                Outcome::Submit => self.submit_action(form),
            },
            (Popup::Print(pick), _) => self.print_key(pick, action),
            (Popup::Letter(window), _) => self.letter_key(window, action, key),
            (Popup::Help { scope, scroll }, Some(a)) if a != Action::Cancel => {
                let top = super::popup::help_lines(scope).len() as u16;
                let scroll = scrolled(scroll, a, top.saturating_sub(rows));
                self.popups.push(Popup::Help { scope, scroll });
            }
            (Popup::Help { .. }, Some(Action::Cancel)) => {}
            (Popup::Case(_), Some(Action::Cancel)) => {}
            (Popup::Case(view), Some(a)) => self.case_key(view, a),
            (Popup::Overwrite(_), Some(Action::Confirm)) if self.tab == Tab::Notes => {
                self.notes.write_report(&self.desk, true);
            }
            (Popup::Overwrite(_), Some(Action::Confirm)) => self.recap.export(&self.desk, true),
            (Popup::Quit, Some(Action::Confirm)) => self.quit_now(),
            (Popup::Restore(d), Some(Action::Confirm)) => {
                self.intake.load(&d);
                self.validate();
            }
            // Throwing a recovered draft away is asked once more.
            (Popup::Restore(d), Some(Action::Cancel)) => self.popups.push(Popup::DiscardDraft(d)),
            (Popup::DiscardDraft(_), Some(Action::Confirm)) => {
                if let Some(p) = &self.person {
                    let _ = self.desk.clear_draft(&p.name);
                }
            }
            (Popup::DiscardDraft(d), Some(Action::Cancel)) => self.popups.push(Popup::Restore(d)),
            (Popup::ClearForm, Some(Action::Confirm)) => {
                self.intake.clear(&self.desk.config.licences.types);
                if let Some(p) = &self.person {
                    let _ = self.desk.clear_draft(&p.name);
                }
            }
            (Popup::Duplicates(found), Some(Action::Link)) => {
                self.intake.linked_to = found[0].agenda_no.clone();
                self.save(true);
            }
            (Popup::Duplicates(_), Some(Action::Confirm)) => self.save(true),
            (Popup::Search(mut s), Some(Action::Open)) => {
                s.settle(&self.desk, true);
                let chosen = s.chosen().map(|r| r.agenda_no.clone());
                self.popups.push(Popup::Search(s));
                if let Some(agenda) = chosen {
                    self.open_case(&agenda);
                }
            }
            (Popup::Search(_), Some(Action::Cancel)) => {}
            (Popup::Search(mut s), action) => {
                s.handle(action, key, &self.desk);
                self.popups.push(Popup::Search(s));
            }
            (Popup::Receipt { .. } | Popup::Error(_), Some(Action::Cancel | Action::Confirm)) => {}
            (
                Popup::Quit | Popup::Duplicates(_) | Popup::Overwrite(_) | Popup::ClearForm,
                Some(Action::Cancel),
            ) => {}
            (other, _) => self.popups.push(other),
        }
    }

    /// A key in the case view: scrolling, or an action on the case.
    fn case_key(&mut self, mut view: Box<CaseViewScreen>, action: Action) {
        let agenda = view.view().agenda_no.clone();
        let command = match action {
            Action::Act(kind) => Some(Command::Act(agenda, kind)),
            Action::NewNote => Some(Command::NewNote(agenda)),
            Action::Investigate => Some(Command::Investigate(agenda)),
            Action::Settle => Some(Command::Settle(agenda)),
            Action::Down => scroll(&mut view, |v| v.scroll_by(1)),
            Action::Up => scroll(&mut view, |v| v.scroll_by(-1)),
            Action::PageDown => scroll(&mut view, |v| v.page(1)),
            Action::PageUp => scroll(&mut view, |v| v.page(-1)),
            Action::First => scroll(&mut view, CaseViewScreen::home),
            Action::Last => scroll(&mut view, CaseViewScreen::end),
            _ => None,
        };
        self.popups.push(Popup::Case(view));
        if let Some(command) = command {
            self.command(command);
        }
        self.paper_key(action);
    }

    /// The case view's paper keys: the print list and the letter window
    /// over the case in front.
    fn paper_key(&mut self, action: Action) {
        let Some(Popup::Case(view)) = self.popups.last() else {
            return;
        };
        let agenda = view.view().agenda_no.clone();
        match action {
            Action::PrintDocument => self
                .popups
                .push(Popup::Print(Box::new(PrintPick::new(&agenda)))),
            Action::Letter => match LetterWindow::open(&self.desk, &agenda) {
                Ok(w) => self.popups.push(Popup::Letter(Box::new(w))),
                Err(e) => self.popups.push(Popup::Error(e)),
            },
            _ => {}
        }
    }

    /// A key in the print list: the file written is said in the status line.
    fn print_key(&mut self, mut pick: Box<PrintPick>, action: Option<Action>) {
        match pick.handle(action, &self.desk) {
            PrintOutcome::Open => self.popups.push(Popup::Print(pick)),
            PrintOutcome::Close => {}
            PrintOutcome::Done { line, stay } => {
                let good = pick.said().is_none_or(|s| s.1);
                self.flash = Some((line, good));
                if stay {
                    self.popups.push(Popup::Print(pick));
                }
            }
        }
    }

    /// A key in the letter window; after an act the case is read again.
    fn letter_key(&mut self, mut window: Box<LetterWindow>, action: Option<Action>, key: KeyEvent) {
        let Some(person) = self.person.clone() else {
            return;
        };
        let outcome = window.handle(action, key, &mut self.desk, &person);
        let agenda = window.agenda.clone();
        match outcome {
            LetterOutcome::Open => self.popups.push(Popup::Letter(window)),
            LetterOutcome::Close => {}
            LetterOutcome::Recorded(line) => {
                self.popups.push(Popup::Letter(window));
                self.flash = Some((line, true));
                self.after_change(&agenda);
            }
        }
    }
}

/// Scrolls the case view; nothing more to do.
fn scroll(view: &mut CaseViewScreen, how: impl FnOnce(&mut CaseViewScreen)) -> Option<Command> {
    how(view);
    None
}

impl App {
    /// The wheel scrolls what is in front; a click on a tab's title shows it.
    fn mouse(&mut self, mouse: MouseEvent) {
        if self.person.is_none() || self.lock.is_some() {
            return;
        }
        let (scope, _) = self.front();
        let scroll = match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Down),
            MouseEventKind::ScrollUp => Some(Action::Up),
            MouseEventKind::Down(_) if mouse.row == 0 && self.popups.is_empty() => {
                if let Some(tab) = super::draw::tab_at(mouse.column) {
                    self.show_tab(tab);
                }
                None
            }
            MouseEventKind::Down(_) if self.popups.is_empty() && self.tab == Tab::Inbox => {
                if let Some(person) = self.person.clone() {
                    let body = ratatui::layout::Rect::new(0, 1, self.size.0, self.size.1 - 2);
                    self.inbox.click(mouse.row, body, &self.desk, &person);
                }
                None
            }
            _ => None,
        };
        if let Some(action) = scroll
            && scope != Scope::Intake
        {
            let key = keymap::with(|m| {
                m.bindings()
                    .iter()
                    .find(|b| scope.layers().contains(&b.scope) && b.action == action)
                    .map(|b| b.key.event())
            });
            if let Some(key) = key {
                self.key(key);
            }
        }
    }
}
