//! The Investigasi tab: the cases where the signed-in person's roles have
//! investigation work (or any case found by agenda number or name), and a
//! case's notes newest first — superseded and withdrawn ones stay, dimmed
//! and named — with their forms, attachments and the field report.

mod view;

use std::path::PathBuf;

use crossterm::event::KeyEvent;
use uuid::Uuid;

use super::action::{Action, Focus};
use super::keymap::Scope;
use super::note_form::{Form, Outcome, field_of};
use super::search::Search;
use super::tab::Command;
use crate::config::Person;
use crate::domain::event::NoteKind;
use crate::domain::note::{self, AttachmentRecord, NoteRecord};
use crate::i18n::{self, Msg, N, T, n, t};
use crate::service::{CaseNotes, Desk, Integrity, hex, short_id};
use crate::store::CaseRow;

/// How many cases with investigation work the picker lists.
const MINE: u32 = 200;

#[derive(Default)]
pub struct NotesScreen {
    search: Search,
    mine: Vec<CaseRow>,
    picked: usize,
    case: Option<OpenCase>,
    overlay: Option<Overlay>,
    pub message: Option<(String, bool)>,
}

struct OpenCase {
    notes: CaseNotes,
    /// Index in the list, newest first.
    selected: usize,
}

enum Overlay {
    Kinds(usize),
    Note {
        form: Box<Form>,
        kind: NoteKind,
        replaces: Option<String>,
    },
    Withdraw {
        form: Box<Form>,
        note: String,
    },
    Attach(Box<Form>),
    Attachments {
        rows: Vec<(AttachmentRecord, Integrity)>,
        selected: usize,
        message: Option<(String, bool)>,
    },
    Detail {
        note: Uuid,
        scroll: u16,
    },
}

impl NotesScreen {
    pub fn new() -> NotesScreen {
        NotesScreen::default()
    }

    /// Reads again what the tab shows: the open case's notes, or the list.
    pub fn reload(&mut self, desk: &Desk, person: &Person) {
        match &self.case {
            Some(open) => {
                let agenda = open.notes.agenda_no.clone();
                self.refresh(desk, &agenda);
            }
            None => match desk.investigation_cases(person, MINE) {
                Ok(rows) => {
                    self.mine = rows;
                    self.picked = self.picked.min(self.mine.len().saturating_sub(1));
                }
                Err(e) => self.message = Some((e.text(), false)),
            },
        }
    }

    /// Starts a new note on the open case: first its kind.
    pub fn start_note(&mut self) {
        if self.case.is_some() {
            self.overlay = Some(Overlay::Kinds(0));
        }
    }

    /// Opens a case's notes (from the list, or from the inbox).
    pub fn open_case(&mut self, desk: &Desk, agenda: &str) {
        self.overlay = None;
        self.message = None;
        match desk.notebook(agenda) {
            Ok(notes) => self.case = Some(OpenCase { notes, selected: 0 }),
            Err(e) => self.message = Some((e.text(), false)),
        }
    }

    fn refresh(&mut self, desk: &Desk, agenda: &str) {
        match desk.notebook(agenda) {
            Ok(notes) => {
                let selected = self.case.as_ref().map_or(0, |c| c.selected);
                let last = notes.notebook.notes.len().saturating_sub(1);
                self.case = Some(OpenCase {
                    notes,
                    selected: selected.min(last),
                });
            }
            Err(e) => self.message = Some((e.text(), false)),
        }
    }

    /// A note's form holds typing that is not saved yet.
    pub fn unsaved(&self) -> bool {
        matches!(
            &self.overlay,
            Some(Overlay::Note { form, .. }) if form.dirty()
        )
    }

    /// The note under the cursor.
    fn selected(&self) -> Option<&NoteRecord> {
        let open = self.case.as_ref()?;
        let notes = &open.notes.notebook.notes;
        notes
            .len()
            .checked_sub(open.selected + 1)
            .map(|i| &notes[i])
    }

    pub fn paste(&mut self, text: &str) {
        match &mut self.overlay {
            Some(
                Overlay::Note { form, .. } | Overlay::Withdraw { form, .. } | Overlay::Attach(form),
            ) => form.paste(text),
            None if self.case.is_none() => self.search.paste(text),
            _ => {}
        }
    }

    /// Runs the picker's search once typing has paused.
    pub fn settle(&mut self, desk: &Desk, now: bool) {
        if self.case.is_none() {
            self.search.settle(desk, now);
        }
    }

    /// Whose keys apply: the window in front, the open case, or the list.
    pub fn scope(&self) -> Scope {
        match (&self.overlay, &self.case) {
            (Some(Overlay::Note { .. } | Overlay::Withdraw { .. } | Overlay::Attach(_)), _) => {
                Scope::NoteForm
            }
            (Some(_), _) => Scope::Pick,
            (None, Some(_)) => Scope::NotesCase,
            (None, None) => Scope::Notes,
        }
    }

    pub fn focus(&self) -> Focus {
        match (&self.overlay, &self.case) {
            (Some(Overlay::Note { form, .. }), _)
            | (Some(Overlay::Withdraw { form, .. }), _)
            | (Some(Overlay::Attach(form)), _) => form.focus(),
            (Some(_), _) | (None, Some(_)) => Focus::None,
            (None, None) => Focus::Line {
                empty: self.search.query().is_empty(),
            },
        }
    }

    pub fn handle(
        &mut self,
        action: Option<Action>,
        key: KeyEvent,
        desk: &mut Desk,
        person: &Person,
    ) -> Option<Command> {
        if let Some(overlay) = self.overlay.take() {
            return self.overlay_key(overlay, action, key, desk, person);
        }
        match (&self.case, action) {
            (None, _) => self.picker_key(action, key, desk),
            (Some(_), Some(action)) => self.case_key(action, desk, person),
            (Some(_), None) => None,
        }
    }

    /// The case under the cursor of the list (or of the search results).
    fn picked_agenda(&mut self, desk: &Desk) -> Option<String> {
        self.search.settle(desk, true);
        let chosen = if self.search.query().is_empty() {
            self.mine.get(self.picked)
        } else {
            self.search.chosen()
        };
        chosen.map(|r| r.agenda_no.clone())
    }

    fn picker_key(
        &mut self,
        action: Option<Action>,
        key: KeyEvent,
        desk: &Desk,
    ) -> Option<Command> {
        let searching = !self.search.query().is_empty();
        match action {
            Some(Action::Open) => return self.picked_agenda(desk).map(Command::OpenCase),
            Some(Action::Investigate) => {
                if let Some(agenda) = self.picked_agenda(desk) {
                    self.open_case(desk, &agenda);
                }
            }
            Some(Action::Cancel) => self.search = Search::default(),
            Some(a @ (Action::Down | Action::Up | Action::PageDown | Action::PageUp))
                if !searching =>
            {
                self.picked = moved(self.picked, a, self.mine.len());
            }
            Some(a @ (Action::Down | Action::Up | Action::PageDown | Action::PageUp)) => {
                self.search.move_by_action(a, desk)
            }
            _ => self.search.type_key(key),
        }
        None
    }

    fn case_key(&mut self, action: Action, desk: &mut Desk, person: &Person) -> Option<Command> {
        let open = self.case.as_mut()?;
        let agenda = open.notes.agenda_no.clone();
        let count = open.notes.notebook.notes.len();
        self.message = None;
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last => open.selected = moved(open.selected, action, count),
            Action::Cancel => {
                self.case = None;
                self.reload(desk, person);
            }
            Action::Open => match self.selected() {
                Some(note) => {
                    self.overlay = Some(Overlay::Detail {
                        note: note.event,
                        scroll: 0,
                    })
                }
                None => self.message = Some((t(T::NoNoteSelected).into(), false)),
            },
            Action::NewNote => self.overlay = Some(Overlay::Kinds(0)),
            Action::CorrectNote => {
                if let Some(note) = self.standing_selected() {
                    let form = Form::correction(note, &agenda, &desk.people_names());
                    self.overlay = Some(Overlay::Note {
                        form: Box::new(form),
                        kind: note.kind,
                        replaces: Some(short_id(note.event)),
                    });
                }
            }
            Action::WithdrawNote => {
                if let Some(note) = self.standing_selected() {
                    let id = short_id(note.event);
                    let title = format!("{} {id} — {agenda}", t(T::WithdrawTitle));
                    let form = Form::question(title, n(N::Reason), T::WithdrawKeys);
                    self.overlay = Some(Overlay::Withdraw {
                        form: Box::new(form),
                        note: id,
                    });
                }
            }
            Action::Attach => {
                let mut targets = vec![(String::new(), t(T::AttachCase).to_string())];
                let chosen = self.selected().filter(|n| n.is_current()).map(|n| n.event);
                let open = self.case.as_ref()?;
                for note in open.notes.notebook.notes.iter().rev() {
                    if note.is_current() {
                        let entry = (short_id(note.event), note_title(note));
                        if Some(note.event) == chosen {
                            targets.insert(0, entry);
                        } else {
                            targets.push(entry);
                        }
                    }
                }
                let title = format!("{} — {agenda}", t(T::AttachTitle));
                self.overlay = Some(Overlay::Attach(Box::new(Form::attach(title, targets))));
            }
            Action::Attachments => match desk.verify_attachments(&agenda) {
                Ok(rows) => {
                    self.overlay = Some(Overlay::Attachments {
                        rows,
                        selected: 0,
                        message: None,
                    })
                }
                Err(e) => self.message = Some((e.text(), false)),
            },
            Action::Report => return self.write_report(desk, false),
            _ => {}
        }
        None
    }

    /// The selected note if it may still be corrected or withdrawn; else
    /// says why not.
    fn standing_selected(&mut self) -> Option<&NoteRecord> {
        let refusal = match self.selected() {
            None => Msg::NoteNotFound(String::new()).text(),
            Some(note) => match (&note.withdrawn, note.superseded_by) {
                (Some(_), _) => Msg::NoteNotStanding(short_id(note.event)).text(),
                (None, Some(by)) => Msg::NoteSuperseded {
                    note: short_id(note.event),
                    by: short_id(by),
                }
                .text(),
                (None, None) => String::new(),
            },
        };
        if refusal.is_empty() {
            self.selected()
        } else {
            self.message = Some((refusal, false));
            None
        }
    }

    /// Writes the field report of the open case; an existing one only
    /// with `force`, else the application asks first.
    pub fn write_report(&mut self, desk: &Desk, force: bool) -> Option<Command> {
        let agenda = self.case.as_ref()?.notes.agenda_no.clone();
        match desk.write_field_report(&agenda, force) {
            Ok(paths) => {
                // The Markdown, and beside it the same as plain text.
                let others: Vec<String> = paths
                    .iter()
                    .skip(1)
                    .filter_map(|p| p.extension())
                    .map(|e| format!(" (+ .{})", e.to_string_lossy()))
                    .collect();
                let text = paths.first().map_or(String::new(), |first| {
                    format!("{}{}", Msg::Written(first.clone()).text(), others.concat())
                });
                self.message = Some((text, true));
            }
            Err(Msg::FileExists(path)) if !force => return Some(Command::ConfirmOverwrite(path)),
            Err(e) => self.message = Some((e.text(), false)),
        }
        None
    }

    fn overlay_key(
        &mut self,
        overlay: Overlay,
        action: Option<Action>,
        key: KeyEvent,
        desk: &mut Desk,
        person: &Person,
    ) -> Option<Command> {
        let agenda = self.case.as_ref()?.notes.agenda_no.clone();
        let kept = match overlay {
            Overlay::Kinds(index) => {
                let n = NoteKind::ALL.len();
                let chosen = match action {
                    Some(Action::Cancel) => return None,
                    Some(Action::Down) => return self.keep(Overlay::Kinds((index + 1) % n)),
                    Some(Action::Up) => return self.keep(Overlay::Kinds((index + n - 1) % n)),
                    Some(Action::Confirm | Action::Open) => Some(index),
                    Some(Action::Choose(n)) => Some(usize::from(n) - 1),
                    _ => None,
                };
                match chosen.and_then(|i| NoteKind::ALL.get(i)) {
                    Some(&kind) => {
                        let today = desk.today().to_string();
                        let form = Form::note(kind, &agenda, &desk.people_names(), &today);
                        Overlay::Note {
                            form: Box::new(form),
                            kind,
                            replaces: None,
                        }
                    }
                    None => Overlay::Kinds(index),
                }
            }
            Overlay::Note {
                mut form,
                kind,
                replaces,
            } => match form.handle(action, key) {
                Outcome::Open => Overlay::Note {
                    form,
                    kind,
                    replaces,
                },
                Outcome::Cancel => return None,
                Outcome::Submit => {
                    if self.save_note(desk, person, &agenda, &mut form, kind, replaces.as_deref()) {
                        return None;
                    }
                    Overlay::Note {
                        form,
                        kind,
                        replaces,
                    }
                }
            },
            Overlay::Withdraw { mut form, note } => match form.handle(action, key) {
                Outcome::Open => Overlay::Withdraw { form, note },
                Outcome::Cancel => return None,
                Outcome::Submit => {
                    let reason = form.value("answer");
                    let result = desk
                        .acting_as(Some(&person.name), None)
                        .and_then(|who| desk.withdraw_note(&agenda, &note, &reason, &who));
                    match result {
                        Ok(_) => {
                            self.refresh(desk, &agenda);
                            let text = format!("{}: {note}", t(T::NoteWithdrawnDone));
                            self.message = Some((text, true));
                            return None;
                        }
                        Err(e) => {
                            form.refuse(Some("answer"), e.text());
                            Overlay::Withdraw { form, note }
                        }
                    }
                }
            },
            Overlay::Attach(mut form) => match form.handle(action, key) {
                Outcome::Open => Overlay::Attach(form),
                Outcome::Cancel => return None,
                Outcome::Submit => {
                    let path = typed_path(&form.value("path"));
                    let target = form.value("for");
                    let note = Some(target.as_str()).filter(|n| !n.is_empty());
                    let result = desk
                        .acting_as(Some(&person.name), None)
                        .and_then(|who| desk.attach_file(&agenda, &path, note, &who));
                    match result {
                        Ok(a) => {
                            self.refresh(desk, &agenda);
                            let text = format!(
                                "{}: {} ({} B) · sha256 {}…",
                                t(T::Attached),
                                a.name,
                                a.size,
                                &hex(&a.sha256)[..16]
                            );
                            self.message = Some((text, true));
                            return None;
                        }
                        Err(e) => {
                            form.refuse(Some("path"), e.text());
                            Overlay::Attach(form)
                        }
                    }
                }
            },
            Overlay::Attachments {
                rows,
                selected,
                message,
            } => {
                let count = rows.len();
                match action {
                    Some(Action::Cancel) => return None,
                    Some(Action::Confirm) => {
                        let message = rows.get(selected).map(|(a, _)| {
                            match desk.save_attachment(&agenda, &hex(&a.sha256)) {
                                Ok(path) => (Msg::Written(path).text(), true),
                                Err(e) => (e.text(), false),
                            }
                        });
                        self.message.clone_from(&message);
                        Overlay::Attachments {
                            rows,
                            selected,
                            message,
                        }
                    }
                    other => Overlay::Attachments {
                        rows,
                        selected: other.map_or(selected, |a| moved(selected, a, count)),
                        message,
                    },
                }
            }
            Overlay::Detail { note, scroll } => {
                let lines = self
                    .case
                    .as_ref()
                    .map_or(0, |c| view::detail_lines(desk, &c.notes, note).len());
                let top = lines.saturating_sub(1) as u16;
                let scroll = match action {
                    Some(Action::Cancel | Action::Confirm) => return None,
                    Some(Action::Down) => scroll.saturating_add(1).min(top),
                    Some(Action::Up) => scroll.saturating_sub(1),
                    Some(Action::PageDown) => scroll.saturating_add(10).min(top),
                    Some(Action::PageUp) => scroll.saturating_sub(10),
                    Some(Action::First) => 0,
                    Some(Action::Last) => top,
                    _ => scroll,
                };
                Overlay::Detail { note, scroll }
            }
        };
        self.keep(kept)
    }

    fn keep(&mut self, overlay: Overlay) -> Option<Command> {
        self.overlay = Some(overlay);
        None
    }

    /// Checks the form, then saves it; false (the form stays, with the
    /// problem shown) when refused.
    fn save_note(
        &mut self,
        desk: &mut Desk,
        person: &Person,
        agenda: &str,
        form: &mut Form,
        kind: NoteKind,
        replaces: Option<&str>,
    ) -> bool {
        let values = form.values();
        if let Err(e) = note::validate(kind, &values, &desk.people_names(), desk.offset) {
            form.refuse(field_of(&e), i18n::field_problem(&e));
            return false;
        }
        let result = desk
            .acting_as(Some(&person.name), None)
            .and_then(|who| desk.add_note(agenda, kind, &values, replaces, &who));
        match result {
            Ok(id) => {
                self.refresh(desk, agenda);
                if let Some(open) = &mut self.case {
                    open.selected = 0;
                }
                self.message = Some((format!("{}: {}", t(T::NoteSaved), short_id(id)), true));
                true
            }
            Err(e) => {
                form.refuse(None, e.text());
                false
            }
        }
    }
}

/// A cursor moved by a list key within `len` rows.
fn moved(at: usize, action: Action, len: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Down => (at + 1).min(last),
        Action::Up => at.saturating_sub(1),
        Action::PageDown => (at + 10).min(last),
        Action::PageUp => at.saturating_sub(10),
        Action::First => 0,
        Action::Last => last,
        _ => at,
    }
}

/// A path as typed or dropped into the terminal: quotes and `~/` allowed.
fn typed_path(s: &str) -> PathBuf {
    let s = s.trim().trim_matches(|c| c == '\'' || c == '"');
    match (s.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(s),
    }
}

fn note_title(note: &NoteRecord) -> String {
    format!(
        "{} {} — {}",
        i18n::note_kind_short(note.kind),
        short_id(note.event),
        cut(&summary(note), 30)
    )
}

/// What a note is about, in one line: the fields that say most of each
/// kind, first lines only.
fn summary(note: &NoteRecord) -> String {
    let ids: &[&str] = match note.kind {
        NoteKind::Catatan => &["teks"],
        NoteKind::CekPerizinan => &["jenis-izin", "status", "hasil"],
        NoteKind::Bap => &["tempat", "temuan"],
        NoteKind::Koordinasi => &["dengan", "hasil"],
        NoteKind::Fasilitasi => &["pihak", "sepakat", "tindak-lanjut"],
    };
    let parts: Vec<String> = ids
        .iter()
        .filter_map(|id| note.field(id).map(|v| (*id, v)))
        .map(|(id, v)| match id {
            "status" => i18n::note_choice_label(v).to_string(),
            "sepakat" => format!(
                "{}: {}",
                i18n::note_field_label(id),
                i18n::note_choice_label(v)
            ),
            _ => v.lines().next().unwrap_or("").to_string(),
        })
        .filter(|v| !v.is_empty())
        .collect();
    if parts.is_empty() {
        note.headline().to_string()
    } else {
        parts.join(" · ")
    }
}

/// `text` cut to `width` columns, with … when cut.
fn cut(text: &str, width: usize) -> String {
    super::columns::cell(text, u16::try_from(width).unwrap_or(u16::MAX))
}
