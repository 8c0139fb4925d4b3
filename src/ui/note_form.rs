//! The forms of the Investigasi tab: a note of any kind (its fields from
//! `domain::note::fields_of`), and the small questions around it (a
//! withdrawal's reason, a file to attach). What was typed stays in the form
//! until it is saved or discarded, also when the save is refused.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

use super::action::{Action, Focus};
use super::field::{self, LineInput, wrap};
use super::theme;
use crate::domain::event::NoteKind;
use crate::domain::note::{FieldError, FieldSpec, FieldType, NoteRecord, fields_of};
use crate::i18n::{self, T, note_choice_label, note_field_label, t};

enum Input {
    Line {
        input: LineInput,
        /// Shown dimmed while the line is empty (a date's format).
        hint: &'static str,
    },
    Text(Box<TextArea<'static>>),
    /// `(value, label)`; the value "" is "nothing chosen".
    Choice {
        options: Vec<(String, String)>,
        index: usize,
    },
    /// The configured people, any of them ticked.
    People {
        names: Vec<String>,
        chosen: Vec<bool>,
        cursor: usize,
    },
}

struct Row {
    id: String,
    label: String,
    required: bool,
    input: Input,
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Open,
    Cancel,
    Submit,
}

pub struct Form {
    title: String,
    hint: &'static str,
    rows: Vec<Row>,
    focus: usize,
    /// Enter submits (a question); otherwise Ctrl+S does (a note).
    enter_submits: bool,
    /// The problem of the last refused save, and the field it names.
    pub message: Option<String>,
    problem: Option<String>,
    dirty: bool,
    /// Esc was pressed once on a form holding unsaved input.
    discard_armed: bool,
}

impl Form {
    /// An empty form for a new note; dates start at `today`, selected so
    /// that typing a date replaces it.
    pub fn note(kind: NoteKind, agenda: &str, people: &[String], today: &str) -> Form {
        let title = format!(
            "{}: {} — {agenda}",
            t(T::NoteNew),
            i18n::note_kind_label(kind)
        );
        let rows = fields_of(kind)
            .iter()
            .map(|spec| {
                let start = match spec.ty {
                    FieldType::Date => today,
                    _ => "",
                };
                field_row(spec, start, true, people)
            })
            .collect();
        Form::with_rows(title, T::NoteFormKeys, rows, false)
    }

    /// A form holding `note`'s values, to save as its correction.
    pub fn correction(note: &NoteRecord, agenda: &str, people: &[String]) -> Form {
        let title = format!(
            "{} {}: {} — {agenda}",
            t(T::NoteCorrect),
            crate::service::short_id(note.event),
            i18n::note_kind_label(note.kind)
        );
        let specs = fields_of(note.kind);
        // A note written before notes had fields keeps its text as `teks`:
        // it goes to the first free-text field.
        let legacy = note.field("teks").filter(|_| {
            note.kind != NoteKind::Catatan && !specs.iter().any(|s| note.field(s.id).is_some())
        });
        let first_text = specs.iter().find(|s| s.ty == FieldType::Text).map(|s| s.id);
        let rows = specs
            .iter()
            .map(|spec| {
                let value = note
                    .field(spec.id)
                    .or(legacy.filter(|_| Some(spec.id) == first_text))
                    .unwrap_or("");
                field_row(spec, value, false, people)
            })
            .collect();
        Form::with_rows(title, T::NoteFormKeys, rows, false)
    }

    /// One question answered with a line of text (a withdrawal's reason).
    pub fn question(title: String, label: &str, hint: T) -> Form {
        let rows = vec![Row {
            id: "answer".into(),
            label: label.to_string(),
            required: true,
            input: Input::Line {
                input: LineInput::default(),
                hint: "",
            },
        }];
        Form::with_rows(title, hint, rows, true)
    }

    /// A file to attach, and what it belongs to: `targets` are `(note short
    /// id or "", label)`, the first chosen at start.
    pub fn attach(title: String, targets: Vec<(String, String)>) -> Form {
        let rows = vec![
            Row {
                id: "path".into(),
                label: t(T::AttachFile).into(),
                required: true,
                input: Input::Line {
                    input: LineInput::default(),
                    hint: t(T::AttachPathHint),
                },
            },
            Row {
                id: "for".into(),
                label: t(T::AttachFor).into(),
                required: false,
                input: Input::Choice {
                    options: targets,
                    index: 0,
                },
            },
        ];
        Form::with_rows(title, T::AttachKeys, rows, true)
    }

    fn with_rows(title: String, hint: T, rows: Vec<Row>, enter_submits: bool) -> Form {
        let mut form = Form {
            title,
            hint: t(hint),
            rows,
            focus: 0,
            enter_submits,
            message: None,
            problem: None,
            dirty: false,
            discard_armed: false,
        };
        form.restyle();
        form
    }

    /// The typed values by field id, as the service takes them.
    pub fn values(&self) -> Vec<(String, String)> {
        self.rows
            .iter()
            .map(|r| (r.id.clone(), value_of(&r.input)))
            .collect()
    }

    pub fn value(&self, id: &str) -> String {
        self.rows
            .iter()
            .find(|r| r.id == id)
            .map(|r| value_of(&r.input))
            .unwrap_or_default()
    }

    /// Something was typed since the form opened.
    pub fn dirty(&self) -> bool {
        self.dirty
    }

    /// A refused save: the message shows in the form, the field it names
    /// gets the cursor and a ✗, and nothing typed is lost.
    pub fn refuse(&mut self, field: Option<&str>, message: String) {
        self.message = Some(message);
        self.problem = field.map(str::to_string);
        if let Some(i) = field.and_then(|f| self.rows.iter().position(|r| r.id == f)) {
            self.focus = i;
            self.restyle();
        }
    }

    /// The focused field, for keys whose meaning depends on it.
    pub fn focus(&self) -> Focus {
        match &self.rows[self.focus].input {
            Input::Line { input, .. } => Focus::Line {
                empty: input.text().is_empty(),
            },
            Input::Text(area) => Focus::Area {
                empty: area.lines().iter().all(|l| l.is_empty()),
            },
            Input::Choice { .. } => Focus::Choice,
            Input::People { .. } => Focus::Choice,
        }
    }

    /// An action bound to the key, or the key itself to type.
    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent) -> Outcome {
        if action == Some(Action::Cancel) {
            if self.dirty && !self.discard_armed {
                self.discard_armed = true;
                self.message = Some(t(T::NoteDiscard).into());
                return Outcome::Open;
            }
            return Outcome::Cancel;
        }
        self.discard_armed = false;
        match action {
            Some(Action::Save) => return Outcome::Submit,
            Some(Action::Confirm) if self.enter_submits => return Outcome::Submit,
            Some(Action::NextField | Action::Confirm) => self.move_focus(1),
            Some(Action::PrevField) => self.move_focus(-1),
            Some(Action::OptionNext | Action::Toggle) => self.pick(1, action),
            Some(Action::OptionPrev) => self.pick(-1, action),
            _ => self.edit(key),
        }
        Outcome::Open
    }

    /// The next or previous option of a pick-list; on the people list,
    /// arrows move and Space ticks.
    fn pick(&mut self, by: isize, action: Option<Action>) {
        let changed = match &mut self.rows[self.focus].input {
            Input::Choice { options, index } => {
                let n = options.len().max(1) as isize;
                *index = (*index as isize + by).rem_euclid(n) as usize;
                true
            }
            Input::People {
                names,
                chosen,
                cursor,
            } => {
                if action == Some(Action::Toggle) {
                    if let Some(c) = chosen.get_mut(*cursor) {
                        *c = !*c;
                    }
                    true
                } else {
                    let n = names.len().max(1) as isize;
                    *cursor = (*cursor as isize + by).rem_euclid(n) as usize;
                    false
                }
            }
            _ => false,
        };
        if changed {
            self.changed();
        }
    }

    fn move_focus(&mut self, by: isize) {
        let n = self.rows.len() as isize;
        self.focus = (self.focus as isize + by).rem_euclid(n) as usize;
        self.restyle();
    }

    fn edit(&mut self, key: KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let changed = match &mut self.rows[self.focus].input {
            Input::Line { input, .. } => {
                let before = input.text().to_string();
                input.handle(key) && input.text() != before
            }
            Input::Text(area) => {
                let cursor = area.cursor();
                let changed = field::area_key(area, key);
                // ↑ on the first line and ↓ on the last leave the field.
                if !changed && area.cursor() == cursor {
                    match key.code {
                        KeyCode::Up => return self.move_focus(-1),
                        KeyCode::Down => return self.move_focus(1),
                        _ => {}
                    }
                }
                changed
            }
            Input::Choice { options, index } => {
                let n = options.len().max(1);
                match key.code {
                    KeyCode::Char(c) if c.is_alphanumeric() && !ctrl => {
                        let c = c.to_lowercase().to_string();
                        if let Some(i) = (1..=n)
                            .map(|step| (*index + step) % n)
                            .find(|&i| options[i].1.to_lowercase().starts_with(&c))
                        {
                            *index = i;
                        }
                    }
                    _ => return,
                }
                true
            }
            Input::People { .. } => false,
        };
        if changed {
            self.changed();
        }
    }

    fn changed(&mut self) {
        self.dirty = true;
        self.message = None;
        self.problem = None;
    }

    /// Pastes into the focused field: a free-text field keeps the line
    /// breaks, a one-line field takes them as spaces.
    pub fn paste(&mut self, text: &str) {
        match &mut self.rows[self.focus].input {
            Input::Line { input, .. } => input.paste(text),
            Input::Text(area) => field::area_paste(area, text),
            _ => return,
        }
        self.changed();
    }

    /// Text fields show their border and cursor only when focused.
    fn restyle(&mut self) {
        for (i, row) in self.rows.iter_mut().enumerate() {
            if let Input::Text(area) = &mut row.input {
                let focused = i == self.focus;
                let border = if focused {
                    theme::focused()
                } else {
                    theme::hint()
                };
                area.set_block(Block::default().borders(Borders::LEFT).border_style(border));
                area.set_cursor_style(if focused {
                    Style::new().add_modifier(ratatui::style::Modifier::REVERSED)
                } else {
                    Style::new()
                });
            }
        }
    }

    /// Draws the form over `body`: a note's form takes the whole body, a
    /// question only what it needs.
    pub fn draw(&self, f: &mut Frame<'_>, body: Rect) {
        let has_text = self.rows.iter().any(|r| matches!(r.input, Input::Text(_)));
        let height = if has_text {
            body.height
        } else {
            self.rows.len() as u16 + 6
        };
        let width = if has_text {
            body.width
        } else {
            body.width.saturating_sub(4).min(90)
        };
        let [v] = Layout::vertical([Constraint::Length(height.min(body.height))])
            .flex(Flex::Center)
            .areas(body);
        let [area] = Layout::horizontal([Constraint::Length(width)])
            .flex(Flex::Center)
            .areas(v);
        f.render_widget(Clear, area);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(self.title.clone(), theme::title()));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let [fields, _, message, hint] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(u16::from(!has_text)),
            Constraint::Length(2),
            Constraint::Length(1),
        ])
        .areas(inner);
        let label_width = self
            .rows
            .iter()
            .map(|r| r.label.width() + 3)
            .max()
            .unwrap_or(10) as u16;
        let value_width = fields.width.saturating_sub(label_width + 2);
        let heights = self.row_heights(fields.height, value_width);
        let mut y = fields.y;
        for (i, (row, h)) in self.rows.iter().zip(heights).enumerate() {
            if h == 0 || y + h > fields.y + fields.height {
                break;
            }
            let rect = Rect {
                y,
                height: h,
                ..fields
            };
            self.draw_row(f, i, row, rect, label_width);
            y += h;
        }
        self.draw_message(f, message);
        f.render_widget(Paragraph::new(Span::styled(self.hint, theme::hint())), hint);
    }

    /// A line each, a choice as many as its whole value needs, and what is
    /// left shared by the free-text fields.
    fn row_heights(&self, total: u16, value_width: u16) -> Vec<u16> {
        let fixed: Vec<Option<u16>> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| match r.input {
                Input::Text(_) => None,
                Input::Line { .. } => Some(1),
                _ => Some(self.choice_lines(i, r, value_width).len() as u16),
            })
            .collect();
        let texts = fixed.iter().filter(|h| h.is_none()).count() as u16;
        let lines: u16 = fixed.iter().flatten().sum();
        let spare = total.saturating_sub(lines);
        let each = spare.checked_div(texts).unwrap_or(0).max(1);
        let mut extra = spare.saturating_sub(each * texts);
        fixed
            .into_iter()
            .map(|h| {
                h.unwrap_or_else(|| {
                    let h = each + u16::from(extra > 0);
                    extra = extra.saturating_sub(1);
                    h
                })
            })
            .collect()
    }

    /// A choice's or the people's text, wrapped to `width` so it shows whole.
    fn choice_lines(&self, i: usize, row: &Row, width: u16) -> Vec<String> {
        let focused = i == self.focus;
        let text = match &row.input {
            Input::Choice { options, index } => {
                let text = options.get(*index).map_or("-", |o| o.1.as_str());
                if focused {
                    format!("◀ {text} ▶")
                } else {
                    text.to_string()
                }
            }
            Input::People {
                names,
                chosen,
                cursor,
            } => {
                if focused {
                    let name = names.get(*cursor).map_or("-", String::as_str);
                    let tick = if chosen.get(*cursor) == Some(&true) {
                        "x"
                    } else {
                        " "
                    };
                    format!("◀ [{tick}] {name} ▶  {}/{}", cursor + 1, names.len())
                } else {
                    let v = value_of(&row.input);
                    if v.is_empty() { "-".into() } else { v }
                }
            }
            _ => String::new(),
        };
        wrap(&text, width as usize)
    }

    fn draw_row(&self, f: &mut Frame<'_>, i: usize, row: &Row, area: Rect, label_width: u16) {
        let focused = i == self.focus;
        let [mark, label, value] = Layout::horizontal([
            Constraint::Length(2),
            Constraint::Length(label_width),
            Constraint::Min(5),
        ])
        .areas(area);
        if self.problem.as_deref() == Some(row.id.as_str()) {
            f.render_widget(Paragraph::new(Span::styled("✗", theme::problem())), mark);
        }
        let label_text = if row.required {
            format!("{} *", row.label)
        } else {
            row.label.clone()
        };
        let label_style = if focused {
            theme::title()
        } else {
            theme::label()
        };
        f.render_widget(Paragraph::new(Span::styled(label_text, label_style)), label);
        let style = if focused {
            theme::focused()
        } else {
            Style::new()
        };
        match &row.input {
            Input::Line { input, hint } => {
                let width = value.width.saturating_sub(1) as usize;
                let (shown, col) = input.styled(width, style, focused);
                let span = if input.is_empty() && !hint.is_empty() {
                    let pad = width.saturating_sub(hint.width());
                    Line::from(vec![
                        Span::styled(hint.to_string(), theme::hint()),
                        Span::styled(" ".repeat(pad), style),
                    ])
                } else {
                    shown
                };
                f.render_widget(Paragraph::new(span), value);
                if focused {
                    f.set_cursor_position((value.x + col, value.y));
                }
            }
            Input::Text(area) => f.render_widget(&**area, value),
            Input::Choice { .. } | Input::People { .. } => {
                let lines: Vec<Line<'static>> = self
                    .choice_lines(i, row, value.width)
                    .into_iter()
                    .map(|l| Line::styled(l, style))
                    .collect();
                f.render_widget(Paragraph::new(lines), value);
            }
        }
    }

    fn draw_message(&self, f: &mut Frame<'_>, area: Rect) {
        let line = match (&self.message, &self.rows[self.focus].input) {
            (Some(m), _) if self.discard_armed => Line::styled(m.clone(), theme::title()),
            (Some(m), _) => Line::from(vec![
                Span::styled("✗ ", theme::problem()),
                Span::styled(m.clone(), theme::problem()),
            ]),
            (None, people @ Input::People { .. }) => Line::raw(format!(
                "{}: {}",
                t(T::Chosen),
                match value_of(people) {
                    v if v.is_empty() => "-".to_string(),
                    v => v,
                }
            )),
            _ => Line::raw(""),
        };
        f.render_widget(Paragraph::new(line).wrap(Wrap { trim: false }), area);
    }
}

/// The field a refusal names.
pub fn field_of(e: &FieldError) -> Option<&str> {
    match e {
        FieldError::UnknownField(id) => Some(id),
        FieldError::Missing(id)
        | FieldError::BadDate(id, _)
        | FieldError::BadDateTime(id, _)
        | FieldError::NotAChoice(id, _, _)
        | FieldError::UnknownPerson(id, _)
        | FieldError::MultiLine(id)
        | FieldError::ControlChar(id, _) => Some(id),
    }
}

/// A row for `spec` holding `value`; a `default` value (a new note's date)
/// is selected until the first key.
fn field_row(spec: &FieldSpec, value: &str, default: bool, people: &[String]) -> Row {
    let line = |hint: &'static str| Input::Line {
        input: if default {
            LineInput::prefilled(value)
        } else {
            LineInput::new(value)
        },
        hint,
    };
    let input = match spec.ty {
        FieldType::Line => line(""),
        FieldType::Date => line(t(T::DateHint)),
        FieldType::DateTime => line(t(T::DateTimeHint)),
        FieldType::Text => Input::Text(Box::new(field::new_area(value))),
        FieldType::Choice(ids) => {
            // Nothing is chosen until someone chooses.
            let mut options = vec![(String::new(), "-".to_string())];
            options.extend(
                ids.iter()
                    .map(|id| (id.to_string(), note_choice_label(id).to_string())),
            );
            let index = options.iter().position(|(id, _)| id == value).unwrap_or(0);
            Input::Choice { options, index }
        }
        FieldType::People => {
            let given: Vec<String> = value
                .split(',')
                .map(|n| n.trim().to_lowercase())
                .filter(|n| !n.is_empty())
                .collect();
            Input::People {
                names: people.to_vec(),
                chosen: people
                    .iter()
                    .map(|p| given.contains(&p.to_lowercase()))
                    .collect(),
                cursor: 0,
            }
        }
    };
    Row {
        id: spec.id.to_string(),
        label: note_field_label(spec.id).to_string(),
        required: spec.required,
        input,
    }
}

fn value_of(input: &Input) -> String {
    match input {
        Input::Line { input, .. } => input.text().to_string(),
        Input::Text(area) => area.lines().join("\n"),
        Input::Choice { options, index } => {
            options.get(*index).map(|o| o.0.clone()).unwrap_or_default()
        }
        Input::People { names, chosen, .. } => names
            .iter()
            .zip(chosen)
            .filter(|(_, c)| **c)
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keymap::Scope;

    /// A key as the application hands it over: through the key map.
    fn press(form: &mut Form, key: KeyEvent) -> Outcome {
        let action = crate::ui::keymap::lookup(Scope::NoteForm, key, form.focus());
        form.handle(action, key)
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn people() -> Vec<String> {
        vec!["Sri Wahyuni".into(), "Budi Santoso".into()]
    }

    #[test]
    fn a_field_report_form_collects_its_values() {
        let mut form = Form::note(NoteKind::Bap, "0001/PGD/LKT1/2026", &people(), "2026-11-20");
        for c in "2026-11-19 09:30".chars() {
            press(&mut form, key(KeyCode::Char(c)));
        }
        press(&mut form, key(KeyCode::Enter));
        for c in "Desa Kilensari".chars() {
            press(&mut form, key(KeyCode::Char(c)));
        }
        press(&mut form, key(KeyCode::Tab));
        // Officers: tick the second person.
        press(&mut form, key(KeyCode::Right));
        press(&mut form, key(KeyCode::Char(' ')));
        press(&mut form, key(KeyCode::Tab));
        press(&mut form, key(KeyCode::Tab));
        for c in "Bangunan".chars() {
            press(&mut form, key(KeyCode::Char(c)));
        }
        // Enter in a free-text field starts a new line.
        press(&mut form, key(KeyCode::Enter));
        for c in "tanpa PBG".chars() {
            press(&mut form, key(KeyCode::Char(c)));
        }
        assert_eq!(form.value("waktu"), "2026-11-19 09:30");
        assert_eq!(form.value("tempat"), "Desa Kilensari");
        assert_eq!(form.value("petugas"), "Budi Santoso");
        assert_eq!(form.value("temuan"), "Bangunan\ntanpa PBG");
        assert_eq!(
            press(
                &mut form,
                KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)
            ),
            Outcome::Submit
        );
    }

    #[test]
    fn esc_on_typed_input_asks_once_more() {
        let mut form = Form::note(NoteKind::Catatan, "A", &[], "2026-11-20");
        assert_eq!(press(&mut form, key(KeyCode::Char('x'))), Outcome::Open);
        assert_eq!(press(&mut form, key(KeyCode::Esc)), Outcome::Open);
        assert!(form.message.is_some());
        assert_eq!(press(&mut form, key(KeyCode::Esc)), Outcome::Cancel);
        let mut clean = Form::note(NoteKind::Catatan, "A", &[], "2026-11-20");
        assert_eq!(press(&mut clean, key(KeyCode::Esc)), Outcome::Cancel);
    }

    #[test]
    fn choices_start_empty_and_corrections_start_filled() {
        let mut form = Form::note(NoteKind::Fasilitasi, "A", &[], "2026-11-20");
        assert_eq!(form.value("tanggal"), "2026-11-20");
        assert_eq!(form.value("sepakat"), "");
        press(&mut form, key(KeyCode::Tab));
        press(&mut form, key(KeyCode::Tab));
        press(&mut form, key(KeyCode::Right));
        assert_eq!(form.value("sepakat"), "ya");

        let note = NoteRecord {
            event: uuid::Uuid::from_u128(7),
            desk: uuid::Uuid::from_u128(8),
            at: 0,
            person: "Sri Wahyuni".into(),
            role: "staf".into(),
            kind: NoteKind::Bap,
            fields: vec![
                ("waktu".into(), "2026-11-19 09:30".into()),
                ("petugas".into(), "Budi Santoso".into()),
                ("temuan".into(), "Gudang\ntanpa PBG".into()),
            ],
            replaces: None,
            superseded_by: None,
            withdrawn: None,
        };
        let form = Form::correction(&note, "A", &people());
        assert_eq!(form.value("waktu"), "2026-11-19 09:30");
        assert_eq!(form.value("petugas"), "Budi Santoso");
        assert_eq!(form.value("temuan"), "Gudang\ntanpa PBG");
        assert_eq!(form.value("tempat"), "");
        assert!(!form.dirty());
    }

    #[test]
    fn typing_a_date_replaces_the_prefilled_one_but_not_a_correction() {
        let mut form = Form::note(NoteKind::Fasilitasi, "A", &[], "2026-11-20");
        for c in "2026-11-19".chars() {
            press(&mut form, key(KeyCode::Char(c)));
        }
        assert_eq!(form.value("tanggal"), "2026-11-19");
        let note = NoteRecord {
            event: uuid::Uuid::from_u128(7),
            desk: uuid::Uuid::from_u128(8),
            at: 0,
            person: "Sri Wahyuni".into(),
            role: "staf".into(),
            kind: NoteKind::Fasilitasi,
            fields: vec![("tanggal".into(), "2026-11-1".into())],
            replaces: None,
            superseded_by: None,
            withdrawn: None,
        };
        let mut form = Form::correction(&note, "A", &[]);
        press(&mut form, key(KeyCode::Char('8')));
        assert_eq!(form.value("tanggal"), "2026-11-18");
    }

    #[test]
    fn pasted_text_keeps_its_breaks_in_a_free_text_field() {
        let mut form = Form::note(NoteKind::Catatan, "A", &[], "2026-11-20");
        let text_row = form
            .rows
            .iter()
            .position(|r| matches!(r.input, Input::Text(_)))
            .unwrap();
        form.focus = text_row;
        form.paste("Baris satu\r\rBaris tiga");
        let id = form.rows[text_row].id.clone();
        assert_eq!(form.value(&id), "Baris satu\n\nBaris tiga");
        assert!(form.dirty());
    }
}
