//! The Investigasi tab: the cases where the signed-in person's roles have
//! investigation work (or any case found by agenda number or name), and a
//! case's notes newest first — superseded and withdrawn ones stay, dimmed
//! and named — with their forms, attachments and the field report.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Row, Table, TableState, Wrap};
use unicode_width::UnicodeWidthStr;
use uuid::Uuid;

use super::note_form::{Form, Outcome, field_of};
use super::search::Search;
use super::theme;
use crate::config::Person;
use crate::domain::event::NoteKind;
use crate::domain::note::{self, AttachmentRecord, NoteRecord};
use crate::i18n::{self, Msg, N, T, Word, n, t, word};
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

/// What a key in the tab asks the application to do.
pub enum Command {
    /// The report exists: ask before overwriting it.
    ConfirmOverwrite(PathBuf),
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

    /// The note under the cursor.
    fn selected(&self) -> Option<&NoteRecord> {
        let open = self.case.as_ref()?;
        let notes = &open.notes.notebook.notes;
        notes.len().checked_sub(open.selected + 1).map(|i| &notes[i])
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

    pub fn handle(&mut self, key: KeyEvent, desk: &mut Desk, person: &Person) -> Option<Command> {
        if let Some(overlay) = self.overlay.take() {
            return self.overlay_key(overlay, key, desk, person);
        }
        match &self.case {
            None => {
                self.picker_key(key, desk);
                None
            }
            Some(_) => self.case_key(key, desk, person),
        }
    }

    fn picker_key(&mut self, key: KeyEvent, desk: &Desk) {
        let searching = !self.search.query().is_empty();
        match key.code {
            KeyCode::Enter => {
                self.search.settle(desk, true);
                let chosen = if searching {
                    self.search.chosen()
                } else {
                    self.mine.get(self.picked)
                };
                if let Some(agenda) = chosen.map(|r| r.agenda_no.clone()) {
                    self.open_case(desk, &agenda);
                }
            }
            KeyCode::Esc => self.search = Search::default(),
            KeyCode::Down | KeyCode::Up | KeyCode::PageDown | KeyCode::PageUp if !searching => {
                self.picked = moved(self.picked, key.code, self.mine.len());
            }
            _ => self.search.handle(key, desk),
        }
    }

    fn case_key(&mut self, key: KeyEvent, desk: &mut Desk, person: &Person) -> Option<Command> {
        let open = self.case.as_mut()?;
        let agenda = open.notes.agenda_no.clone();
        let count = open.notes.notebook.notes.len();
        self.message = None;
        match key.code {
            KeyCode::Up
            | KeyCode::Down
            | KeyCode::PageUp
            | KeyCode::PageDown
            | KeyCode::Home
            | KeyCode::End => open.selected = moved(open.selected, key.code, count),
            KeyCode::Esc => {
                self.case = None;
                self.reload(desk, person);
            }
            KeyCode::Enter => match self.selected() {
                Some(note) => {
                    self.overlay = Some(Overlay::Detail {
                        note: note.event,
                        scroll: 0,
                    })
                }
                None => self.message = Some((t(T::NoNoteSelected).into(), false)),
            },
            KeyCode::Char('n') => self.overlay = Some(Overlay::Kinds(0)),
            KeyCode::Char('k') => {
                if let Some(note) = self.standing_selected() {
                    let form = Form::correction(note, &agenda, &desk.people_names());
                    self.overlay = Some(Overlay::Note {
                        form: Box::new(form),
                        kind: note.kind,
                        replaces: Some(short_id(note.event)),
                    });
                }
            }
            KeyCode::Char('t') => {
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
            KeyCode::Char('l') => {
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
            KeyCode::Char('a') => match desk.verify_attachments(&agenda) {
                Ok(rows) => {
                    self.overlay = Some(Overlay::Attachments {
                        rows,
                        selected: 0,
                        message: None,
                    })
                }
                Err(e) => self.message = Some((e.text(), false)),
            },
            KeyCode::Char('r') => return self.write_report(desk, false),
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
        key: KeyEvent,
        desk: &mut Desk,
        person: &Person,
    ) -> Option<Command> {
        let agenda = self.case.as_ref()?.notes.agenda_no.clone();
        let kept = match overlay {
            Overlay::Kinds(index) => {
                let n = NoteKind::ALL.len();
                let chosen = match key.code {
                    KeyCode::Esc => return None,
                    KeyCode::Down => return self.keep(Overlay::Kinds((index + 1) % n)),
                    KeyCode::Up => return self.keep(Overlay::Kinds((index + n - 1) % n)),
                    KeyCode::Enter => Some(index),
                    KeyCode::Char(c @ '1'..='5') => Some(c as usize - '1' as usize),
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
            } => match form.handle(key) {
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
            Overlay::Withdraw { mut form, note } => match form.handle(key) {
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
            Overlay::Attach(mut form) => match form.handle(key) {
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
                match key.code {
                    KeyCode::Esc => return None,
                    KeyCode::Enter | KeyCode::Char('s') => {
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
                    code => Overlay::Attachments {
                        rows,
                        selected: moved(selected, code, count),
                        message,
                    },
                }
            }
            Overlay::Detail { note, scroll } => {
                let lines = self
                    .case
                    .as_ref()
                    .map_or(0, |c| detail_lines(desk, &c.notes, note).len());
                let top = lines.saturating_sub(1) as u16;
                let scroll = match key.code {
                    KeyCode::Esc | KeyCode::Enter => return None,
                    KeyCode::Down => scroll.saturating_add(1).min(top),
                    KeyCode::Up => scroll.saturating_sub(1),
                    KeyCode::PageDown => scroll.saturating_add(10).min(top),
                    KeyCode::PageUp => scroll.saturating_sub(10),
                    KeyCode::Home => 0,
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

    // ---- Drawing ------------------------------------------------------

    pub fn draw(&self, f: &mut Frame<'_>, area: Rect, desk: &Desk) {
        match &self.case {
            None => self.draw_picker(f, area),
            Some(open) => self.draw_case(f, area, desk, open),
        }
        let Some(overlay) = &self.overlay else { return };
        match overlay {
            Overlay::Kinds(index) => draw_kinds(f, area, *index),
            Overlay::Note { form, .. } | Overlay::Withdraw { form, .. } | Overlay::Attach(form) => {
                form.draw(f, area)
            }
            Overlay::Attachments {
                rows,
                selected,
                message,
            } => draw_attachments(f, area, rows, *selected, message.as_ref()),
            Overlay::Detail { note, scroll } => {
                if let Some(open) = &self.case {
                    draw_detail(f, area, desk, &open.notes, *note, *scroll);
                }
            }
        }
    }

    fn draw_picker(&self, f: &mut Frame<'_>, area: Rect) {
        let keys = i18n::notes_picker_keys();
        let [input, title, list, message, hint] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(self.message_height(area.width)),
            Constraint::Length(key_line_height(&keys, area.width)),
        ])
        .areas(area);
        let label = format!("{}: ", t(T::NotesSearch));
        let lw = label.width() as u16;
        let (shown, col) = self
            .search
            .input()
            .visible(area.width.saturating_sub(lw + 1) as usize);
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(label, theme::title()),
                Span::raw(shown),
            ])),
            input,
        );
        if self.overlay.is_none() {
            f.set_cursor_position((input.x + lw + col as u16, input.y));
        }
        let searching = !self.search.query().is_empty();
        let (rows, selected, heading) = if searching {
            (
                self.search.results.as_slice(),
                self.search.selected,
                t(T::NotesFound).to_string(),
            )
        } else {
            (
                self.mine.as_slice(),
                self.picked,
                format!("{} ({})", t(T::NotesMine), self.mine.len()),
            )
        };
        f.render_widget(
            Block::default()
                .borders(Borders::TOP)
                .title(Span::styled(heading, theme::title())),
            title,
        );
        if let Some(e) = &self.search.error {
            f.render_widget(
                Paragraph::new(Span::styled(e.clone(), theme::problem())),
                list,
            );
        } else if rows.is_empty() {
            let empty = if searching {
                t(T::SearchEmpty)
            } else {
                t(T::NotesNoCases)
            };
            f.render_widget(Paragraph::new(empty).wrap(Wrap { trim: true }), list);
        } else {
            draw_cases(f, list, rows, selected);
        }
        self.draw_message(f, message);
        draw_keys(f, hint, &keys);
    }

    fn draw_case(&self, f: &mut Frame<'_>, area: Rect, desk: &Desk, open: &OpenCase) {
        let keys = i18n::notes_case_keys();
        let [head, list, preview, message, hint] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Percentage(45),
            Constraint::Min(3),
            Constraint::Length(self.message_height(area.width)),
            Constraint::Length(key_line_height(&keys, area.width)),
        ])
        .areas(area);
        let c = &open.notes;
        let book = &c.notebook;
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(
                    format!("{}  [{}]  ", c.agenda_no, i18n::status_label(c.status)),
                    theme::title(),
                ),
                Span::styled(
                    format!(
                        "{} {} · {} {} · ",
                        book.notes.len(),
                        t(T::NotesCount),
                        book.attachments.len(),
                        n(N::Attachments).to_lowercase()
                    ),
                    theme::hint(),
                ),
                Span::raw(c.subject.clone()),
            ])),
            head,
        );
        if book.notes.is_empty() {
            f.render_widget(
                Paragraph::new(n(N::NoNotes)).block(Block::default().borders(Borders::TOP)),
                list,
            );
        } else {
            draw_notes(f, list, desk, c, open.selected);
        }
        let block = Block::default().borders(Borders::TOP);
        let inner = block.inner(preview);
        f.render_widget(block, preview);
        if let Some(note) = self.selected() {
            let lines = note_lines(desk, c, note, false);
            f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        }
        self.draw_message(f, message);
        draw_keys(f, hint, &keys);
    }

    /// One line, two for a long message (a path, a refusal).
    fn message_height(&self, width: u16) -> u16 {
        match &self.message {
            Some((text, _)) if text.width() > width as usize => 2,
            _ => 1,
        }
    }

    fn draw_message(&self, f: &mut Frame<'_>, area: Rect) {
        if let Some((text, good)) = &self.message {
            let style = if *good { theme::ok() } else { theme::problem() };
            f.render_widget(
                Paragraph::new(Span::styled(text.clone(), style)).wrap(Wrap { trim: false }),
                area,
            );
        }
    }
}

/// A cursor moved by a list key within `len` rows.
fn moved(at: usize, key: KeyCode, len: usize) -> usize {
    let last = len.saturating_sub(1);
    match key {
        KeyCode::Down => (at + 1).min(last),
        KeyCode::Up => at.saturating_sub(1),
        KeyCode::PageDown => (at + 10).min(last),
        KeyCode::PageUp => at.saturating_sub(10),
        KeyCode::Home => 0,
        KeyCode::End => last,
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
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for ch in text.chars() {
        if out.width() + ch.to_string().width() + 1 > width {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

/// "Name (role)" in `width` columns: the name gives way, the role stays.
fn person_role(name: &str, role: &str, width: usize) -> String {
    let role = format!(" ({role})");
    format!("{}{role}", cut(name, width.saturating_sub(role.width())))
}

/// `2026-11-20 10:00` as a narrow column shows it: `20/11 10:00`.
fn short_time(desk: &Desk, at: i64) -> String {
    let s = desk.local_time(at);
    match (s.get(5..7), s.get(8..10), s.get(11..16)) {
        (Some(m), Some(d), Some(hm)) => format!("{d}/{m} {hm}"),
        _ => s,
    }
}

/// Why a note no longer stands, in words; empty when it does.
fn stale_mark(note: &NoteRecord) -> String {
    match (&note.withdrawn, note.superseded_by) {
        (Some(w), _) => format!("{}: {}", n(N::Withdrawn), w.reason),
        (None, Some(by)) => format!("{} {}", t(T::SupersededBy), short_id(by)),
        (None, None) => String::new(),
    }
}

fn draw_cases(f: &mut Frame<'_>, area: Rect, rows: &[CaseRow], selected: usize) {
    // Only the rows on screen are built.
    let height = area.height.saturating_sub(1) as usize;
    let start = selected.saturating_sub(height.saturating_sub(1));
    let shown = rows.iter().skip(start).take(height).map(|r| {
        let name = if r.confidential || r.anonymous {
            word(Word::Hidden).to_string()
        } else {
            r.name.clone()
        };
        let step = match (&r.step, &r.step_actor) {
            (Some(s), Some(a)) => format!("{s} ({a})"),
            _ => i18n::status_label_by_id(&r.status).to_string(),
        };
        Row::new(vec![r.agenda_no.clone(), name, r.subject.clone(), step])
    });
    let header = Row::new(vec![
        word(Word::AgendaNo),
        word(Word::Complainant),
        word(Word::Subject),
        t(T::ColStep),
    ])
    .style(theme::title());
    let table = Table::new(
        shown,
        [
            Constraint::Length(19),
            Constraint::Length(16),
            Constraint::Min(10),
            Constraint::Length(22),
        ],
    )
    .header(header)
    .row_highlight_style(theme::focused());
    let mut state = TableState::default().with_selected(Some(selected - start));
    f.render_stateful_widget(table, area, &mut state);
}

fn draw_notes(f: &mut Frame<'_>, area: Rect, desk: &Desk, c: &CaseNotes, selected: usize) {
    let notes = &c.notebook.notes;
    let height = area.height.saturating_sub(1) as usize;
    let start = selected.saturating_sub(height.saturating_sub(1));
    const BY: usize = 24;
    // Newest first; only the rows on screen are built.
    let rows = notes.iter().rev().skip(start).take(height).map(|note| {
        let mark = stale_mark(note);
        let content = if mark.is_empty() {
            summary(note)
        } else {
            format!("{mark} · {}", summary(note))
        };
        let style = if note.is_current() {
            Style::new()
        } else {
            theme::stale()
        };
        Row::new(vec![
            short_id(note.event),
            short_time(desk, note.at),
            i18n::note_kind_short(note.kind).to_string(),
            person_role(&note.person, &note.role, BY),
            content,
        ])
        .style(style)
    });
    let header = Row::new(vec![
        t(T::ColCode),
        word(Word::Time),
        t(T::ColKind),
        t(T::ColBy),
        t(T::ColContent),
    ])
    .style(theme::title());
    let table = Table::new(
        rows,
        [
            Constraint::Length(8),
            Constraint::Length(11),
            Constraint::Length(10),
            Constraint::Length(BY as u16),
            Constraint::Min(10),
        ],
    )
    .header(header)
    .row_highlight_style(theme::focused());
    let mut state = TableState::default().with_selected(Some(selected - start));
    f.render_stateful_widget(table, area, &mut state);
}

/// A note in full: who and when, what became of it, its fields, its files.
fn note_lines(desk: &Desk, c: &CaseNotes, note: &NoteRecord, marker: bool) -> Vec<Line<'static>> {
    let stale = !note.is_current();
    let head_style = if stale {
        theme::stale()
    } else {
        theme::title()
    };
    let mut lines = vec![Line::styled(
        format!(
            "{}[{}] {} — {} — {} ({})",
            if marker { "▶ " } else { "" },
            short_id(note.event),
            i18n::note_kind_label(note.kind),
            desk.local_time(note.at),
            note.person,
            note.role
        ),
        head_style,
    )];
    if let Some(old) = note.replaces {
        lines.push(Line::raw(format!("  {} {}", n(N::Corrects), short_id(old))));
    }
    if let Some(by) = note.superseded_by {
        lines.push(Line::styled(
            format!("  {} {}", t(T::SupersededBy), short_id(by)),
            theme::stale(),
        ));
    }
    if let Some(w) = &note.withdrawn {
        lines.push(Line::styled(
            format!(
                "  {} {} ({}, {}): {}",
                n(N::Withdrawn),
                desk.local_time(w.at),
                w.person,
                w.role,
                w.reason
            ),
            theme::stale(),
        ));
    }
    for (id, value) in &note.fields {
        let mut values = value.lines();
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {}: ", i18n::note_field_label(id)),
                theme::title(),
            ),
            Span::raw(values.next().unwrap_or("").to_string()),
        ]));
        lines.extend(values.map(|l| Line::raw(format!("    {l}"))));
    }
    for a in c
        .notebook
        .attachments
        .iter()
        .filter(|a| a.note == Some(note.event))
    {
        lines.push(Line::raw(format!(
            "  {}: {} ({} B)",
            n(N::Attachment),
            a.name,
            a.size
        )));
    }
    lines
}

/// The note's whole chain of versions, oldest first, the chosen one marked.
fn detail_lines(desk: &Desk, c: &CaseNotes, id: Uuid) -> Vec<Line<'static>> {
    let book = &c.notebook;
    let mut newest = id;
    for _ in 0..book.notes.len() {
        match book.note(newest).and_then(|n| n.superseded_by) {
            Some(next) => newest = next,
            None => break,
        }
    }
    let chain = book.history(newest);
    let mut lines = vec![
        Line::styled(
            format!(
                "{}: {} {}",
                word(Word::Timeline),
                chain.len(),
                t(T::Versions)
            ),
            theme::hint(),
        ),
        Line::raw(""),
    ];
    for (i, note) in chain.iter().enumerate() {
        if i > 0 {
            lines.push(Line::raw(""));
        }
        lines.extend(note_lines(desk, c, note, note.event == id && chain.len() > 1));
    }
    lines
}

/// The keys as lines no wider than `width`, never breaking a key from
/// its word.
fn key_lines(keys: &[(&'static str, &'static str)], width: u16) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = vec![Line::default()];
    for (key, what) in keys {
        let pair = [
            Span::styled(*key, theme::title()),
            Span::styled(format!(" {what}"), theme::hint()),
        ];
        let wide: usize = pair.iter().map(Span::width).sum();
        let line = lines.last_mut().expect("one line at least");
        if line.width() > 0 && line.width() + 2 + wide > width as usize {
            lines.push(Line::from(pair.to_vec()));
        } else {
            if line.width() > 0 {
                line.push_span(Span::raw("  "));
            }
            line.extend(pair);
        }
    }
    lines
}

fn key_line_height(keys: &[(&'static str, &'static str)], width: u16) -> u16 {
    key_lines(keys, width).len() as u16
}

fn draw_keys(f: &mut Frame<'_>, area: Rect, keys: &[(&'static str, &'static str)]) {
    f.render_widget(Paragraph::new(key_lines(keys, area.width)), area);
}

fn window(f: &mut Frame<'_>, body: Rect, title: String, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(body.height))])
        .flex(Flex::Center)
        .areas(body);
    let [area] = Layout::horizontal([Constraint::Length(width.min(body.width))])
        .flex(Flex::Center)
        .areas(v);
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme::title()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}

fn draw_kinds(f: &mut Frame<'_>, body: Rect, index: usize) {
    let count = NoteKind::ALL.len() as u16;
    let inner = window(f, body, t(T::ChooseKind).into(), 50, count + 4);
    let mut lines: Vec<Line> = NoteKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let text = format!(" {} {}", i + 1, i18n::note_kind_label(*k));
            if i == index {
                Line::styled(text, theme::focused())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(t(T::ChooseKindKeys), theme::hint()));
    f.render_widget(Paragraph::new(lines), inner);
}

fn integrity(i: Integrity) -> (String, Style) {
    match i {
        Integrity::Intact => (format!("✓ {}", n(N::Verified)), theme::ok()),
        Integrity::Damaged => (format!("✗ {}", n(N::Damaged)), theme::problem()),
        Integrity::Missing => (format!("? {}", n(N::Missing)), Style::new().fg(Color::Yellow)),
    }
}

fn draw_attachments(
    f: &mut Frame<'_>,
    body: Rect,
    rows: &[(AttachmentRecord, Integrity)],
    selected: usize,
    message: Option<&(String, bool)>,
) {
    let height = (rows.len() as u16 + 6).max(7);
    let inner = window(
        f,
        body,
        t(T::AttachmentsTitle).into(),
        body.width.saturating_sub(2),
        height,
    );
    let [list, full, msg, hint] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    if rows.is_empty() {
        f.render_widget(Paragraph::new(t(T::AttachmentsNone)), list);
    } else {
        let height = list.height.saturating_sub(1) as usize;
        let start = selected.saturating_sub(height.saturating_sub(1));
        let shown = rows.iter().skip(start).take(height).map(|(a, i)| {
            let (state, style) = integrity(*i);
            Row::new(vec![
                Span::styled(state, style),
                Span::raw(a.name.clone()),
                Span::raw(format!("{:>8} B", a.size)),
                Span::raw(hex(&a.sha256)[..12].to_string()),
                Span::raw(a.note.map(short_id).unwrap_or_default()),
            ])
        });
        let header = Row::new(vec![
            t(T::ColState),
            t(T::ColFile),
            t(T::ColSize),
            "SHA-256",
            t(T::ColCode),
        ])
        .style(theme::title());
        let table = Table::new(
            shown,
            [
                Constraint::Length(10),
                Constraint::Min(12),
                Constraint::Length(10),
                Constraint::Length(12),
                Constraint::Length(8),
            ],
        )
        .header(header)
        .row_highlight_style(theme::focused());
        let mut state = TableState::default().with_selected(Some(selected - start));
        f.render_stateful_widget(table, list, &mut state);
        if let Some((a, i)) = rows.get(selected) {
            let text = format!("sha256 {} · {}", hex(&a.sha256), integrity(*i).0);
            f.render_widget(Paragraph::new(Span::styled(text, theme::hint())), full);
        }
    }
    if let Some((text, good)) = message {
        let style = if *good { theme::ok() } else { theme::problem() };
        f.render_widget(Paragraph::new(Span::styled(text.clone(), style)), msg);
    }
    f.render_widget(
        Paragraph::new(Span::styled(t(T::AttachmentsKeys), theme::hint())),
        hint,
    );
}

fn draw_detail(f: &mut Frame<'_>, body: Rect, desk: &Desk, c: &CaseNotes, id: Uuid, scroll: u16) {
    let title = format!("{} {} — {}", t(T::DetailTitle), short_id(id), c.agenda_no);
    let inner = window(f, body, title, body.width, body.height);
    let [text, hint] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    f.render_widget(
        Paragraph::new(detail_lines(desk, c, id))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        text,
    );
    f.render_widget(
        Paragraph::new(Span::styled(t(T::DetailKeys), theme::hint())),
        hint,
    );
}
