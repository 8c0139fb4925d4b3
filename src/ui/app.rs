//! The application: who is signed in, which tab, which window is open, and
//! how a key press becomes an action. Drawing reads this state and nothing else.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEvent, KeyEventKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Tabs, Wrap};

use super::act_form::{ActForm, Outcome};
use super::action::{self, Action};
use super::inbox::{Command, Inbox};
use super::intake::Intake;
use super::notes::NotesScreen;
use super::recap::RecapScreen;
use super::search::Search;
use super::settle::{SettleForm, Settlement};
use super::sync::{SyncKey, SyncWindow};
use super::theme;
use crate::config::Person;
use crate::domain::draft::{CaseDraft, DraftContext};
use crate::i18n::{self, T, Word, t, word};
use crate::service::{Desk, Registered};
use crate::store::CaseRow;

/// How long typing must pause before the draft is written.
pub const DRAFT_DEBOUNCE: Duration = Duration::from_millis(300);
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub enum Popup {
    Help,
    Quit,
    Restore(Box<CaseDraft>),
    Duplicates(Vec<CaseRow>),
    Receipt {
        registered: Box<Registered>,
        file: Option<PathBuf>,
        name: String,
    },
    Search(Box<Search>),
    Case(Vec<String>),
    Error(String),
    Act(Box<ActForm>),
    Overwrite(PathBuf),
    /// The sync window (F8), running or not.
    Sync(Box<SyncWindow>),
    /// Settling a field two desks changed apart.
    Settle(Box<SettleForm>),
}

pub struct App {
    pub desk: Desk,
    /// None until someone signs in.
    pub person: Option<Person>,
    pub picker: usize,
    pub tab: usize,
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
    last_edit: Option<Instant>,
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
            tab: 0,
            intake,
            inbox: Inbox::new(),
            recap,
            notes: NotesScreen::new(),
            popups: Vec::new(),
            counts,
            last_sync,
            quit: false,
            too_small: false,
            last_edit: None,
        }
    }

    pub fn handle(&mut self, event: Event) {
        match event {
            Event::Resize(w, h) => self.too_small = w < MIN_WIDTH || h < MIN_HEIGHT,
            // Nothing can be asked on a screen too small to show it: the
            // form's draft is written, then the program ends.
            Event::Key(key)
                if self.too_small && action::global(key) == Some(action::Action::Quit) =>
            {
                self.settle(true);
                self.quit = true;
            }
            Event::Key(_) if self.too_small => {}
            Event::Paste(_) if self.too_small => {}
            Event::Key(key) if key.kind != KeyEventKind::Release => self.key(key),
            Event::Paste(text) => self.paste(&text),
            _ => {}
        }
    }

    /// Work that waits for typing to pause: the draft, the search.
    pub fn tick(&mut self) {
        self.settle(false);
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
        if let Some(p) = self.person.clone() {
            match self.tab {
                1 => self.inbox.reload(&self.desk, &p),
                2 => self.notes.reload(&self.desk, &p),
                _ => {}
            }
        }
        if self.tab == 3 {
            self.recap.reload(&self.desk);
        }
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
        if self.tab == 2 {
            self.notes.settle(&self.desk, now);
        }
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
            Some(Popup::Search(s)) => s.paste(text),
            Some(Popup::Act(form)) => form.paste(text),
            Some(Popup::Sync(window)) => window.paste(text),
            None if self.person.is_some() && self.tab == 0 && self.intake.paste(text) => {
                self.after_edit();
            }
            None if self.person.is_some() && self.tab == 2 => self.notes.paste(text),
            _ => {}
        }
    }

    fn key(&mut self, key: KeyEvent) {
        if self.person.is_none() {
            return self.pick_person(key);
        }
        if !self.popups.is_empty() {
            return self.popup_key(key);
        }
        if let Some(a) = action::global(key) {
            return self.run(a);
        }
        if key.code == crossterm::event::KeyCode::F(9) {
            return self.switch_person();
        }
        if self.tab == 1 {
            return self.inbox_key(key);
        }
        if self.tab == 2 {
            if let Some(person) = self.person.clone()
                && let Some(super::notes::Command::ConfirmOverwrite(path)) =
                    self.notes.handle(key, &mut self.desk, &person)
            {
                self.popups.push(Popup::Overwrite(path));
            }
            return;
        }
        if self.tab == 3 {
            if let Some(super::recap::Command::ConfirmOverwrite(path)) =
                self.recap.handle(key, &self.desk)
            {
                self.popups.push(Popup::Overwrite(path));
            }
            return;
        }
        if self.tab != 0 {
            return;
        }
        match action::form(key, self.intake.focus()) {
            Some(a) => self.run(a),
            None => {
                if self.intake.edit(key) {
                    self.after_edit();
                }
            }
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

    fn pick_person(&mut self, key: KeyEvent) {
        use crossterm::event::KeyCode;
        let n = self.desk.config.people.len();
        match (key.code, action::global(key)) {
            (_, Some(Action::Quit)) => self.quit = true,
            (KeyCode::Down, _) => self.picker = (self.picker + 1) % n,
            (KeyCode::Up, _) => self.picker = (self.picker + n - 1) % n,
            (KeyCode::Home, _) => self.picker = 0,
            (KeyCode::Enter, _) => self.sign_in(),
            _ => {}
        }
    }

    fn sign_in(&mut self) {
        let person = self.desk.config.people[self.picker].clone();
        let _ = self.desk.remember_person(&person.name);
        if let Ok(Some(draft)) = self.desk.load_draft(&person.name) {
            self.popups.push(Popup::Restore(Box::new(draft)));
        }
        if self.tab == 1 {
            self.inbox.reload(&self.desk, &person);
        }
        self.notes = NotesScreen::new();
        if self.tab == 2 {
            self.notes.reload(&self.desk, &person);
        }
        self.person = Some(person);
    }

    pub fn run(&mut self, a: Action) {
        match a {
            Action::Help => self.popups.push(Popup::Help),
            Action::Quit if self.intake.touched || self.notes.unsaved() => {
                self.popups.push(Popup::Quit)
            }
            Action::Quit => self.quit = true,
            Action::GoTab(i) => self.show_tab(i.min(3)),
            Action::NextTab => self.show_tab((self.tab + 1) % 4),
            Action::PrevTab => self.show_tab((self.tab + 3) % 4),
            Action::Search => self.popups.push(Popup::Search(Box::default())),
            Action::Sync => {
                let window = SyncWindow::new(&self.desk.config.sync.folder);
                self.popups.push(Popup::Sync(Box::new(window)));
            }
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

    fn show_tab(&mut self, tab: usize) {
        self.tab = tab;
        if tab == 3 {
            self.recap.reload(&self.desk);
        }
        if tab == 1
            && let Some(p) = &self.person
        {
            self.inbox.reload(&self.desk, p);
        }
        if tab == 2
            && let Some(p) = &self.person
        {
            self.notes.reload(&self.desk, p);
        }
    }

    /// Back to the person picker; the form's draft is kept first.
    fn switch_person(&mut self) {
        if self.intake.touched {
            self.keep_draft();
        }
        self.person = None;
        self.intake.clear(&self.desk.config.licences.types);
    }

    fn inbox_key(&mut self, key: KeyEvent) {
        let Some(person) = self.person.clone() else {
            return;
        };
        let action = match self.inbox.handle(key, &self.desk, &person) {
            Some(Command::Act(action)) => action,
            Some(Command::Investigate(agenda)) => {
                self.tab = 2;
                return self.notes.open_case(&self.desk, &agenda);
            }
            Some(Command::Settle) => return self.open_settle(),
            None => return,
        };
        let Some(detail) = &self.inbox.detail else {
            return;
        };
        if self.inbox.allowed(&self.desk, &person).contains(&action) {
            let form = ActForm::new(&self.desk, &person, detail, action);
            return self.popups.push(Popup::Act(Box::new(form)));
        }
        // Not allowed for any role this person holds: the engine's refusal
        // names what is allowed. Nothing is written.
        let agenda = detail.agenda_no.clone();
        let why = self
            .desk
            .acting_as(Some(&person.name), None)
            .and_then(|who| self.desk.why_not(&agenda, action, &who));
        match why {
            Ok(Some(refusal)) | Err(refusal) => self.popups.push(Popup::Error(refusal.text())),
            // The list was behind: the case moved on; show it as it is now.
            Ok(None) => {}
        }
        self.inbox.reload(&self.desk, &person);
    }

    /// The settle form for the selected case, or why there is none.
    fn open_settle(&mut self) {
        let Some(detail) = &self.inbox.detail else {
            return;
        };
        let popup = match SettleForm::new(detail) {
            Some(form) => Popup::Settle(Box::new(form)),
            None if detail.conflicts.is_empty() => Popup::Error(t(T::SettleNone).into()),
            None => Popup::Error(t(T::SettleNotesOnly).into()),
        };
        self.popups.push(popup);
    }

    /// Corrects the field again with the value chosen, or keeps the step's
    /// version chosen: the conflict is settled here and, after the next
    /// sync, on every desk.
    fn submit_settle(&mut self, form: &SettleForm) {
        let Some(person) = self.person.clone() else {
            return;
        };
        let Some(settlement) = form.settlement() else {
            return;
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
        if let Err(e) = result {
            self.popups.push(Popup::Error(e.text()));
        }
        self.inbox.reload(&self.desk, &person);
    }

    fn submit_action(&mut self, form: &ActForm) {
        let Some(person) = self.person.clone() else {
            return;
        };
        let (role, input) = form.to_input();
        let result = self
            .desk
            .acting_as(Some(&person.name), Some(&role))
            .and_then(|who| self.desk.act(&form.agenda, form.action.id(), &input, &who));
        if let Err(e) = result {
            self.popups.push(Popup::Error(e.text()));
        }
        self.counts = self.desk.open_and_overdue().unwrap_or(self.counts);
        self.inbox.reload(&self.desk, &person);
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
                let file = self.desk.write_receipt(&registered, &name, &person.name);
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

    fn popup_key(&mut self, key: KeyEvent) {
        if let Some(Popup::Sync(window)) = self.popups.last_mut() {
            if let SyncKey::Close = window.handle(key, &self.desk) {
                self.popups.pop();
            }
            return;
        }
        if let Some(Popup::Settle(form)) = self.popups.last_mut() {
            match form.handle(key) {
                Outcome::Open => {}
                Outcome::Cancel => {
                    self.popups.pop();
                }
                Outcome::Submit => {
                    if let Some(Popup::Settle(form)) = self.popups.pop() {
                        self.submit_settle(&form);
                    }
                }
            }
            return;
        }
        if let Some(Popup::Act(form)) = self.popups.last_mut() {
            match form.handle(key) {
                Outcome::Open => {}
                Outcome::Cancel => {
                    self.popups.pop();
                }
                Outcome::Submit => {
                    if let Some(Popup::Act(form)) = self.popups.pop() {
                        self.submit_action(&form);
                    }
                }
            }
            return;
        }
        let act = action::window(key);
        let Some(top) = self.popups.pop() else { return };
        match (top, act) {
            (Popup::Overwrite(_), Some(Action::Confirm)) if self.tab == 2 => {
                self.notes.write_report(&self.desk, true);
            }
            (Popup::Overwrite(_), Some(Action::Confirm)) => self.recap.export(&self.desk, true),
            (Popup::Overwrite(_), Some(Action::Cancel)) => {}
            (Popup::Help, Some(Action::Cancel)) => {}
            (Popup::Help, _) if action::global(key) == Some(Action::Help) => {}
            (Popup::Quit, Some(Action::Confirm)) => {
                if self.intake.touched {
                    self.keep_draft();
                }
                self.quit = true;
            }
            (Popup::Restore(d), Some(Action::Confirm)) => {
                self.intake.load(&d);
                self.validate();
            }
            (Popup::Restore(_), Some(Action::Cancel)) => {
                if let Some(p) = &self.person {
                    let _ = self.desk.clear_draft(&p.name);
                }
            }
            (Popup::Duplicates(found), Some(Action::Link)) => {
                self.intake.linked_to = found[0].agenda_no.clone();
                self.save(true);
            }
            (Popup::Duplicates(_), Some(Action::Confirm)) => self.save(true),
            (Popup::Search(mut s), Some(Action::Confirm)) => {
                s.settle(&self.desk, true);
                let chosen = s.chosen().map(|r| r.agenda_no.clone());
                self.popups.push(Popup::Search(s));
                if let Some(agenda) = chosen {
                    let lines = self.case_lines(&agenda);
                    self.popups.push(Popup::Case(lines));
                }
            }
            (Popup::Search(mut s), None) => {
                s.handle(key, &self.desk);
                self.popups.push(Popup::Search(s));
            }
            (
                Popup::Receipt { .. } | Popup::Error(_) | Popup::Case(_),
                Some(Action::Cancel | Action::Confirm),
            ) => {}
            (Popup::Quit | Popup::Duplicates(_) | Popup::Search(_), Some(Action::Cancel)) => {}
            (other, _) => self.popups.push(other),
        }
    }

    fn case_lines(&self, agenda: &str) -> Vec<String> {
        match self.desk.show(agenda) {
            Ok(d) => {
                let mut lines = vec![
                    format!("{}  [{}]", d.agenda_no, i18n::status_label_by_id(&d.status)),
                    d.subject.clone(),
                    format!(
                        "{}: {}",
                        word(Word::Received),
                        d.received_at.replace('T', " ")
                    ),
                    format!("{}: {}", word(Word::Deadline), d.deadline),
                ];
                if let Some(step) = d.steps.iter().find(|s| s.state == "current") {
                    lines.push(format!(
                        "{}: {} ({})",
                        word(Word::Step),
                        step.title,
                        step.actor
                    ));
                }
                lines.push(String::new());
                lines.push(word(Word::Timeline).to_string());
                // The newest events: the window shows about a dozen.
                for e in d.timeline.iter().skip(d.timeline.len().saturating_sub(12)) {
                    lines.push(format!(
                        "{}  {}  {}",
                        e.at.get(..16).unwrap_or("").replace('T', " "),
                        e.person,
                        e.summary
                    ));
                }
                lines
            }
            Err(e) => vec![e.text()],
        }
    }

    // ---- Drawing ------------------------------------------------------

    pub fn draw(&self, f: &mut Frame<'_>) {
        self.draw_screen(f);
        // The console look: ASCII marks, 16 colours (theme.rs).
        theme::finish(f.buffer_mut());
    }

    fn draw_screen(&self, f: &mut Frame<'_>) {
        let area = f.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return draw_too_small(f, area);
        }
        if self.person.is_none() {
            return self.draw_picker(f, area);
        }
        let [tabs, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(5),
            Constraint::Length(1),
        ])
        .areas(area);
        self.draw_tabs(f, tabs);
        match (self.tab, &self.person) {
            (0, _) => self.intake.draw(f, body),
            (1, Some(p)) => self.inbox.draw(f, body, &self.desk, p),
            (2, Some(_)) => self.notes.draw(f, body, &self.desk),
            (3, _) => self.recap.draw(f, body),
            _ => f.render_widget(
                Paragraph::new(t(T::NotYet)).block(Block::default().borders(Borders::ALL)),
                body,
            ),
        }
        self.draw_status(f, status);
        for popup in &self.popups {
            self.draw_popup(f, body, popup);
        }
    }

    fn draw_tabs(&self, f: &mut Frame<'_>, area: Rect) {
        let titles: Vec<String> = [T::TabIntake, T::TabInbox, T::TabInvestigation, T::TabRecap]
            .iter()
            .enumerate()
            .map(|(i, k)| format!("{} {}", i + 1, t(*k)))
            .collect();
        let tabs = Tabs::new(titles)
            .select(self.tab)
            .highlight_style(theme::tab_active())
            .divider("│");
        f.render_widget(tabs, area);
    }

    fn draw_status(&self, f: &mut Frame<'_>, area: Rect) {
        let person = self
            .person
            .as_ref()
            .map(|p| format!("{} ({})", p.name, p.role))
            .unwrap_or_default();
        let db = self
            .desk
            .locations
            .database
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let counts = format!(
            "{} {} · {} {}",
            t(T::StatusOpen),
            self.counts.0,
            t(T::StatusOverdue),
            self.counts.1,
        );
        let synced = match self.last_sync {
            Some(at) => self.desk.local_time(at),
            None => t(T::Never).to_string(),
        };
        let sync = format!("{}: {synced}", t(T::StatusSync));
        // From 1 October the status bar says when next year has no list yet.
        let counts = match self.desk.next_year_unlisted() {
            Some(year) => format!("{counts} · {}", i18n::next_year_short(year)),
            None => counts,
        };
        let text = status_text(
            area.width as usize,
            &self.desk.config.office.regency,
            &self.desk.local.code,
            &person,
            &db,
            &counts,
            &sync,
        );
        f.render_widget(Paragraph::new(text).style(theme::status_bar()), area);
    }

    fn draw_picker(&self, f: &mut Frame<'_>, area: Rect) {
        let people = &self.desk.config.people;
        let box_area = centered(area, 60, people.len() as u16 + 4);
        let items: Vec<ListItem> = people
            .iter()
            .map(|p| ListItem::new(format!("{} — {}", p.name, p.role)))
            .collect();
        let list = List::new(items)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(Span::styled(t(T::PickPerson), theme::title())),
            )
            .highlight_style(theme::focused())
            .highlight_symbol("▶ ");
        let mut state = ListState::default().with_selected(Some(self.picker));
        f.render_stateful_widget(list, box_area, &mut state);
        let hint = Rect {
            y: box_area.y + box_area.height,
            height: 1,
            ..box_area
        };
        f.render_widget(
            Paragraph::new(Span::styled(t(T::PickPersonHint), theme::hint())),
            hint,
        );
        let title = Rect {
            y: box_area.y.saturating_sub(2),
            height: 1,
            ..box_area
        };
        f.render_widget(
            Paragraph::new(Span::styled(
                format!("aduan — {}", self.desk.config.office.regency),
                theme::title(),
            )),
            title,
        );
    }

    fn draw_popup(&self, f: &mut Frame<'_>, body: Rect, popup: &Popup) {
        match popup {
            Popup::Help => {
                let mut rows = action::help_rows(self.tab == 0);
                if self.tab == 1 {
                    rows.extend(crate::i18n::inbox_key_help());
                }
                if self.tab == 2 {
                    rows.extend(crate::i18n::notes_key_help());
                }
                if self.tab == 3 {
                    rows.extend(crate::i18n::recap_key_help());
                }
                // Under the console look the stand-ins are named first.
                let legend = theme::legend();
                let legend = (!legend.is_empty())
                    .then(|| [Line::styled(legend, theme::hint()), Line::raw("")]);
                let lines: Vec<Line> = legend
                    .into_iter()
                    .flatten()
                    .chain(rows.iter().map(|(k, d)| {
                        Line::from(vec![
                            Span::styled(format!("{k:<22}"), theme::title()),
                            Span::raw(*d),
                        ])
                    }))
                    .chain([Line::raw(""), Line::styled(t(T::HelpClose), theme::hint())])
                    .collect();
                text_window(f, body, t(T::HelpTitle), lines, 76);
            }
            Popup::Quit => text_window(
                f,
                body,
                t(T::QuitTitle),
                vec![Line::raw(if self.notes.unsaved() {
                    t(T::QuitNoteBody)
                } else {
                    t(T::QuitBody)
                })],
                60,
            ),
            Popup::Restore(_) => text_window(
                f,
                body,
                t(T::RestoreTitle),
                vec![Line::raw(t(T::RestoreBody))],
                60,
            ),
            Popup::Error(e) => text_window(
                f,
                body,
                "!",
                vec![Line::styled(e.clone(), theme::problem())],
                70,
            ),
            Popup::Duplicates(found) => {
                let mut lines = vec![Line::raw(t(T::DuplicateBody)), Line::raw("")];
                for r in found {
                    lines.push(Line::raw(format!(
                        "{}  {}  [{}]",
                        r.agenda_no,
                        r.subject,
                        r.step.as_deref().unwrap_or("-")
                    )));
                }
                lines.extend([
                    Line::raw(""),
                    Line::styled(t(T::DuplicateKeys), theme::hint()),
                ]);
                text_window(f, body, t(T::DuplicateTitle), lines, 76);
            }
            Popup::Receipt {
                registered: r,
                file,
                name,
            } => {
                let mut lines = vec![
                    Line::from(vec![
                        Span::raw(format!("{}: ", word(Word::AgendaNo))),
                        Span::styled(r.agenda_no.clone(), theme::title()),
                    ]),
                    Line::raw(format!("{}: {}", word(Word::Complainant), name)),
                    Line::raw(format!(
                        "{}: {}",
                        word(Word::Received),
                        r.received_at.replace('T', " ").get(..16).unwrap_or("")
                    )),
                    Line::from(vec![
                        Span::raw(format!("{}: ", word(Word::Deadline))),
                        Span::styled(r.deadline.clone(), theme::title()),
                    ]),
                ];
                if !r.deadline_flags.is_empty() {
                    lines.push(Line::styled(
                        format!("! {}", i18n::deadline_note(&r.deadline_flags)),
                        theme::problem(),
                    ));
                }
                if let Some(year) = r.next_year_unlisted {
                    lines.push(Line::styled(
                        format!("! {}", i18n::Msg::NextYearUnlisted(year)),
                        theme::problem(),
                    ));
                }
                lines.push(Line::raw(format!("{}: {}", t(T::FirstStep), r.step.title)));
                if let Some(p) = file {
                    lines.push(Line::styled(
                        format!("{}: {}", t(T::ReceiptFile), p.display()),
                        theme::hint(),
                    ));
                }
                lines.extend([
                    Line::raw(""),
                    Line::styled(t(T::ReceiptClose), theme::hint()),
                ]);
                text_window(f, body, t(T::ReceiptTitle), lines, 76);
            }
            Popup::Search(s) => s.draw(
                f,
                centered(
                    body,
                    body.width.saturating_sub(4),
                    body.height.saturating_sub(2),
                ),
            ),
            Popup::Act(form) => form.draw(f, body),
            Popup::Sync(window) => window.draw(f, body),
            Popup::Settle(form) => form.draw(f, body),
            Popup::Overwrite(path) => text_window(
                f,
                body,
                t(T::OverwriteTitle),
                vec![
                    Line::raw(path.display().to_string()),
                    Line::raw(t(T::OverwriteBody)),
                ],
                70,
            ),
            Popup::Case(lines) => {
                let lines = lines.iter().map(|l| Line::raw(l.clone())).collect();
                text_window(
                    f,
                    body,
                    t(T::CaseTitle),
                    lines,
                    body.width.saturating_sub(6),
                );
            }
        }
    }
}

/// The status bar's parts joined by │, the last sync with its key (F8).
/// When they do not fit, the database file goes first, then the regency,
/// then the key, and last the person's name is shortened: the desk, the
/// counts and the last sync always show.
fn status_text(
    width: usize,
    regency: &str,
    code: &str,
    person: &str,
    db: &str,
    counts: &str,
    sync: &str,
) -> String {
    use unicode_width::UnicodeWidthStr;
    let join = |parts: &[&str]| format!(" {}", parts.join(" │ "));
    let keyed = format!("F8 {sync}");
    let candidates = [
        join(&[regency, code, person, db, counts, &keyed]),
        join(&[regency, code, person, counts, &keyed]),
        join(&[code, person, counts, &keyed]),
        join(&[code, person, counts, sync]),
    ];
    if let Some(fits) = candidates.iter().find(|c| c.width() <= width) {
        return fits.clone();
    }
    let over = candidates[3].width().saturating_sub(width);
    let keep = person.width().saturating_sub(over + 1);
    let mut name = String::new();
    for ch in person.chars() {
        if (name.clone() + &ch.to_string()).width() > keep {
            break;
        }
        name.push(ch);
    }
    name.push('…');
    join(&[code, &name, counts, sync])
}

fn draw_too_small(f: &mut Frame<'_>, area: Rect) {
    let text = format!("{} ({}×{})", t(T::TooSmall), area.width, area.height);
    let p = Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .style(theme::problem());
    let [mid] = Layout::vertical([Constraint::Length(3)])
        .flex(Flex::Center)
        .areas(area);
    f.render_widget(p, mid);
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

fn text_window(f: &mut Frame<'_>, body: Rect, title: &str, lines: Vec<Line<'_>>, width: u16) {
    let inner_width = width.saturating_sub(2).max(10) as usize;
    let height: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_width))
        .sum();
    let area = centered(body, width, height as u16 + 2);
    f.render_widget(Clear, area);
    let p = Paragraph::new(lines).wrap(Wrap { trim: false }).block(
        Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title.to_string(), theme::title())),
    );
    f.render_widget(p, area);
}
