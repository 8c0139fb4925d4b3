//! The small form behind each inbox action: who acts (a head on paper, or
//! oneself), and what the SOP step needs (recipient, instruction, option,
//! output, reason). Enter asks for confirmation; a second Enter records it.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui_textarea::TextArea;

use super::action::{Action, Focus};
use super::field::{self, LineInput, wrap};
use super::theme;
use crate::config::Person;
use crate::domain::event::{Instruction, NoteKind, Priority};
use crate::domain::workflow::ActionKind;
use crate::i18n::{self, T, t};
use crate::service::{ActInput, CaseDetail, Desk};

enum Input {
    Choice {
        options: Vec<(String, String)>,
        index: usize,
    },
    Line(LineInput),
    /// The note or reason: wraps, and keeps pasted line breaks.
    Area(Box<TextArea<'static>>),
}

/// Lines of the note area.
const NOTE_ROWS: u16 = 3;
/// The label column.
const LABEL_WIDTH: u16 = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    As,
    To,
    Instruction,
    Priority,
    PaperDate,
    Option,
    NoteKind,
    Note,
}

struct Row {
    name: Name,
    input: Input,
}

pub struct ActForm {
    pub agenda: String,
    pub action: ActionKind,
    rows: Vec<Row>,
    focus: usize,
    pub confirming: bool,
    /// Why the service refused the last try; the form stays as typed.
    error: Option<String>,
    /// The agencies a forwarding option sends the case to, and that
    /// option's label: a decision names both.
    opds: Vec<String>,
    forward_label: Option<String>,
}

pub enum Outcome {
    Open,
    Cancel,
    Submit,
}

impl ActForm {
    pub fn new(desk: &Desk, person: &Person, detail: &CaseDetail, action: ActionKind) -> ActForm {
        let sop = desk.sops.by_id(&detail.sop);
        let step = sop.and_then(|s| detail.current_step.as_deref().and_then(|id| s.step(id)));
        let role_name = |id: &str| sop.map_or(id.to_string(), |s| s.role_short(id).to_string());
        let mine = desk.roles_of(person);
        let mut as_options: Vec<(String, String)> =
            mine.iter().map(|r| (r.clone(), role_name(r))).collect();
        // First the role that would take this action: for a step, its actor
        // (usually the head whose paper is on the desk); otherwise the
        // person's first role that may.
        let preferred = match action {
            ActionKind::Dispose | ActionKind::Decide | ActionKind::Complete => {
                step.map(|s| s.actor.clone())
            }
            _ => mine
                .iter()
                .find(|r| {
                    detail
                        .allowed
                        .iter()
                        .any(|(role, acts)| role == *r && acts.iter().any(|a| a == action.id()))
                })
                .cloned(),
        };
        if let Some(pos) = preferred.and_then(|p| as_options.iter().position(|(r, _)| *r == p)) {
            let first = as_options.remove(pos);
            as_options.insert(0, first);
        }
        let choice = |options: Vec<(String, String)>| Input::Choice { options, index: 0 };
        let mut rows = vec![Row {
            name: Name::As,
            input: choice(as_options),
        }];
        let mut forward_label = None;
        match action {
            ActionKind::Dispose => {
                let mut to: Vec<(String, String)> = sop
                    .map(|s| {
                        s.roles
                            .iter()
                            .map(|r| (r.id.clone(), r.short.clone()))
                            .collect()
                    })
                    .unwrap_or_default();
                if let Some(pos) = step
                    .and_then(|s| s.to.as_ref())
                    .and_then(|d| to.iter().position(|(r, _)| r == d))
                {
                    let target = to.remove(pos);
                    to.insert(0, target);
                }
                let default_instruction = step
                    .and_then(|s| s.instruction.as_deref())
                    .and_then(Instruction::parse);
                let mut instructions: Vec<(String, String)> = Instruction::ALL
                    .iter()
                    .map(|i| (i.id().into(), i18n::instruction_label(*i).into()))
                    .collect();
                if let Some(pos) = default_instruction
                    .and_then(|d| instructions.iter().position(|(i, _)| i == d.id()))
                {
                    let first = instructions.remove(pos);
                    instructions.insert(0, first);
                }
                rows.push(Row {
                    name: Name::To,
                    input: choice(to),
                });
                rows.push(Row {
                    name: Name::Instruction,
                    input: choice(instructions),
                });
                rows.push(Row {
                    name: Name::Priority,
                    input: choice(
                        Priority::ALL
                            .iter()
                            .map(|p| (p.id().into(), i18n::priority_label(*p).into()))
                            .collect(),
                    ),
                });
                rows.push(Row {
                    name: Name::PaperDate,
                    input: Input::Line(LineInput::prefilled(&desk.today().to_string())),
                });
            }
            ActionKind::Decide => {
                forward_label = step
                    .and_then(|s| s.options.iter().find(|o| o.forward))
                    .map(|o| o.label.clone());
                let mut options = Vec::new();
                for o in step.map(|s| s.options.as_slice()).unwrap_or_default() {
                    if o.forward {
                        for opd in &desk.config.forward.opds {
                            // The agency on a line of its own, so it shows whole.
                            options.push((opd.clone(), format!("{}\n→ {opd}", o.label)));
                        }
                    } else {
                        options.push((o.id.clone(), o.label.clone()));
                    }
                }
                rows.push(Row {
                    name: Name::Option,
                    input: choice(options),
                });
            }
            ActionKind::Note => rows.push(Row {
                name: Name::NoteKind,
                input: choice(
                    NoteKind::ALL
                        .iter()
                        .map(|k| (k.id().into(), i18n::note_kind_label(*k).into()))
                        .collect(),
                ),
            }),
            _ => {}
        }
        let note = match action {
            ActionKind::Complete => step.map(|s| s.output.clone()).unwrap_or_default(),
            _ => String::new(),
        };
        rows.push(Row {
            name: Name::Note,
            input: Input::Area(Box::new(field::prefilled_area(&note))),
        });
        // The cursor starts on the field the action is about, after "as".
        ActForm {
            agenda: detail.agenda_no.clone(),
            action,
            rows,
            focus: 1,
            confirming: false,
            error: None,
            opds: desk.config.forward.opds.clone(),
            forward_label,
        }
    }

    /// The service refused what the form holds: the form stays open with
    /// everything typed, the reason drawn inside it.
    pub fn set_error(&mut self, message: String) {
        self.error = Some(message);
        self.confirming = false;
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Pastes into the focused field: the note keeps its line breaks, a
    /// one-line field takes them as spaces.
    pub fn paste(&mut self, text: &str) {
        if self.confirming {
            return;
        }
        match &mut self.rows[self.focus].input {
            Input::Line(l) => l.paste(text),
            Input::Area(a) => field::area_paste(a, text),
            Input::Choice { .. } => return,
        }
        self.error = None;
    }

    pub fn focus(&self) -> Focus {
        if self.confirming {
            return Focus::None;
        }
        match &self.rows[self.focus].input {
            Input::Choice { .. } => Focus::Choice,
            Input::Line(l) => Focus::Line {
                empty: l.is_empty(),
            },
            Input::Area(a) => Focus::Area {
                empty: field::area_is_empty(a),
            },
        }
    }

    /// An action bound to the key, or the key itself to type.
    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent) -> Outcome {
        if self.confirming {
            return match action {
                Some(Action::Confirm) => Outcome::Submit,
                Some(Action::Cancel) => {
                    self.confirming = false;
                    Outcome::Open
                }
                _ => Outcome::Open,
            };
        }
        let n = self.rows.len();
        match action {
            Some(Action::Cancel) => return Outcome::Cancel,
            Some(Action::Confirm) => self.confirming = true,
            Some(Action::NextField) => self.focus = (self.focus + 1) % n,
            Some(Action::PrevField) => self.focus = (self.focus + n - 1) % n,
            Some(a @ (Action::OptionNext | Action::OptionPrev | Action::Toggle)) => {
                if let Input::Choice { options, index } = &mut self.rows[self.focus].input {
                    let len = options.len().max(1);
                    *index = match a {
                        Action::OptionPrev => (*index + len - 1) % len,
                        _ => (*index + 1) % len,
                    };
                }
            }
            _ => self.edit(key),
        }
        Outcome::Open
    }

    /// Types a key into the focused field; a change clears a refusal shown.
    fn edit(&mut self, key: KeyEvent) {
        let changed = match &mut self.rows[self.focus].input {
            // Options are taken by actions (→ ← Space), never typed.
            Input::Choice { .. } => false,
            Input::Line(l) => {
                let before = l.text().to_string();
                l.handle(key) && l.text() != before
            }
            Input::Area(a) => field::area_key(a, key),
        };
        if changed {
            self.error = None;
        }
    }

    fn value(&self, name: Name) -> Option<String> {
        self.rows
            .iter()
            .find(|r| r.name == name)
            .map(|r| match &r.input {
                Input::Choice { options, index } => {
                    options.get(*index).map(|o| o.0.clone()).unwrap_or_default()
                }
                Input::Line(l) => l.text().to_string(),
                Input::Area(a) => field::area_text(a),
            })
    }

    /// The shown label of a row's value.
    fn shown(&self, row: &Row) -> String {
        match &row.input {
            Input::Choice { options, index } => {
                options.get(*index).map_or("-".to_string(), |o| o.1.clone())
            }
            Input::Line(l) => l.text().to_string(),
            Input::Area(a) => field::area_text(a),
        }
    }

    /// What a second Enter records, one "label: value" a line: who acts,
    /// each choice by its whole name, a decision's option and the agency
    /// it forwards to.
    pub fn summary(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "{}: {} — {}",
            t(T::ActAction),
            i18n::action_label(self.action),
            self.agenda
        )];
        for row in &self.rows {
            let value = self.shown(row);
            let chosen = self.value(row.name).unwrap_or_default();
            match row.name {
                Name::Option if self.opds.contains(&chosen) => {
                    let label = self.forward_label.clone().unwrap_or_default();
                    lines.push(format!("{}: {label}", t(T::ActOption)));
                    lines.push(format!("{}: {chosen}", t(T::ActForwardTo)));
                }
                _ if value.trim().is_empty() => {}
                _ => lines.push(format!("{}: {value}", name_label(row.name))),
            }
        }
        lines
    }

    /// The role acted as, and the action's input for the service.
    pub fn to_input(&self) -> (String, ActInput) {
        let input = ActInput {
            to: self.value(Name::To).or_else(|| self.value(Name::Option)),
            note: self.value(Name::Note).unwrap_or_default(),
            instruction: self.value(Name::Instruction),
            priority: self.value(Name::Priority),
            written_on: self.value(Name::PaperDate).filter(|d| !d.trim().is_empty()),
            note_kind: self.value(Name::NoteKind),
            at: None,
        };
        (self.value(Name::As).unwrap_or_default(), input)
    }

    /// Draws the form over `body`, centred, each choice wrapped so its whole
    /// value shows; while confirming, what will be recorded.
    pub fn draw(&self, f: &mut Frame<'_>, body: Rect) {
        let width = body.width.saturating_sub(8).min(76);
        let inner_width = width.saturating_sub(2);
        let value_width = inner_width.saturating_sub(LABEL_WIDTH);
        let foot = self.foot_lines(inner_width);
        let lines_of = |note_rows: u16| -> Vec<Vec<Line<'static>>> {
            self.rows
                .iter()
                .enumerate()
                .map(|(i, row)| self.value_lines(i, row, value_width, note_rows))
                .collect()
        };
        let height_of = |values: &[Vec<Line<'static>>]| {
            values.iter().map(|v| v.len() as u16).sum::<u16>() + foot.len() as u16 + 3
        };
        // On a short terminal the note gives up lines first, so the
        // confirmation and its keys still show.
        let over = height_of(&lines_of(NOTE_ROWS)).saturating_sub(body.height);
        let values = lines_of(NOTE_ROWS.saturating_sub(over).max(1));
        let height = height_of(&values).min(body.height);
        let [v] = Layout::vertical([Constraint::Length(height)])
            .flex(Flex::Center)
            .areas(body);
        let [area] = Layout::horizontal([Constraint::Length(width)])
            .flex(Flex::Center)
            .areas(v);
        f.render_widget(Clear, area);
        let title = format!("{} — {}", i18n::action_label(self.action), self.agenda);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title, theme::title()));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let bottom = inner.y + inner.height;
        let mut y = inner.y;
        for (i, (row, lines)) in self.rows.iter().zip(values).enumerate() {
            let h = (lines.len() as u16).min(bottom.saturating_sub(y));
            if h == 0 {
                break;
            }
            let [label, value] =
                Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Min(10)]).areas(
                    Rect {
                        y,
                        height: h,
                        ..inner
                    },
                );
            f.render_widget(Paragraph::new(name_label(row.name)), label);
            self.draw_value(f, i, row, lines, value);
            y += h;
        }
        let foot_area = Rect {
            y: (y + 1).min(bottom),
            height: bottom.saturating_sub(y + 1),
            ..inner
        };
        f.render_widget(Paragraph::new(foot), foot_area);
    }

    fn focused(&self, i: usize) -> bool {
        i == self.focus && !self.confirming
    }

    /// A row's value as drawn: a choice wrapped whole, a line, or the note
    /// area's height in blank lines (the area draws itself).
    fn value_lines(&self, i: usize, row: &Row, width: u16, note_rows: u16) -> Vec<Line<'static>> {
        let style = if self.focused(i) {
            theme::focused()
        } else {
            Style::new()
        };
        match &row.input {
            Input::Choice { .. } => {
                let text = self.shown(row);
                let text = if self.focused(i) {
                    format!("◀ {text} ▶")
                } else {
                    text
                };
                wrap(&text, width as usize)
                    .into_iter()
                    .map(|l| Line::styled(l, style))
                    .collect()
            }
            Input::Line(l) => {
                let width = width.saturating_sub(1) as usize;
                vec![l.styled(width, style, self.focused(i)).0]
            }
            Input::Area(_) => vec![Line::raw(""); note_rows as usize],
        }
    }

    fn draw_value(
        &self,
        f: &mut Frame<'_>,
        i: usize,
        row: &Row,
        lines: Vec<Line<'static>>,
        at: Rect,
    ) {
        let focused = self.focused(i);
        match &row.input {
            Input::Area(a) => field::draw_area(f, a, at, focused),
            Input::Line(l) => {
                f.render_widget(Paragraph::new(lines), at);
                if focused {
                    let width = at.width.saturating_sub(1) as usize;
                    let (_, col) = l.styled(width, Style::new(), true);
                    f.set_cursor_position((at.x + col, at.y));
                }
            }
            Input::Choice { .. } => f.render_widget(Paragraph::new(lines), at),
        }
    }

    /// Under the fields: a refusal, then the keys, or while confirming
    /// what will be recorded and how to record it.
    fn foot_lines(&self, width: u16) -> Vec<Line<'static>> {
        let width = width as usize;
        let mut lines = Vec::new();
        if let Some(e) = &self.error {
            let refusal = wrap(&format!("✗ {e}"), width);
            lines.extend(
                refusal
                    .into_iter()
                    .map(|l| Line::styled(l, theme::problem())),
            );
        }
        if self.confirming {
            lines.push(Line::styled(t(T::ConfirmTitle), theme::title()));
            for item in self.summary() {
                let first_line = item.lines().next().unwrap_or_default();
                let item = if item.lines().count() > 1 {
                    format!("{first_line} …")
                } else {
                    item
                };
                lines.extend(wrap(&item, width).into_iter().map(Line::raw));
            }
            lines.push(Line::styled(t(T::ConfirmBody), theme::hint()));
        } else {
            lines.push(Line::styled(t(T::ActFormHint), theme::hint()));
        }
        lines
    }
}

fn name_label(name: Name) -> &'static str {
    match name {
        Name::As => t(T::ActAs),
        Name::To => t(T::ActTo),
        Name::Instruction => t(T::ActInstruction),
        Name::Priority => t(T::ActPriority),
        Name::PaperDate => t(T::ActPaperDate),
        Name::Option => t(T::ActOption),
        Name::NoteKind => t(T::ActNoteKind),
        Name::Note => t(T::ActNote),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keymap::Scope;
    use crossterm::event::KeyCode;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// A key as the application hands it over: through the key map.
    fn press(form: &mut ActForm, key: KeyEvent) -> Outcome {
        let action = crate::ui::keymap::lookup(Scope::ActForm, key, form.focus());
        form.handle(action, key)
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, crossterm::event::KeyModifiers::NONE)
    }

    /// A pause: who acts, and the reason.
    fn pause_form() -> ActForm {
        ActForm {
            agenda: "0001/PGD/LKT1/2026".into(),
            action: ActionKind::Pause,
            rows: vec![
                Row {
                    name: Name::As,
                    input: Input::Choice {
                        options: vec![("kasi".into(), "Kasi".into())],
                        index: 0,
                    },
                },
                Row {
                    name: Name::Note,
                    input: Input::Area(Box::new(field::new_area(""))),
                },
            ],
            focus: 1,
            confirming: false,
            error: None,
            opds: Vec::new(),
            forward_label: None,
        }
    }

    fn screen(form: &ActForm) -> String {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| form.draw(f, f.area())).unwrap();
        format!("{}", terminal.backend())
    }

    #[test]
    fn a_refusal_keeps_the_form_and_what_was_typed() {
        let mut form = pause_form();
        press(&mut form, key(KeyCode::Char('K')));
        press(&mut form, key(KeyCode::Enter));
        assert!(form.confirming);
        form.set_error("Alasan jeda wajib diisi.".into());
        assert!(!form.confirming);
        assert_eq!(form.to_input().1.note, "K");
        let shown = screen(&form);
        assert!(shown.contains("✗ Alasan jeda wajib diisi."), "{shown}");
        assert!(shown.contains("Tab pindah"), "{shown}");
        // Typing again clears the refusal; the text stays.
        press(&mut form, key(KeyCode::Char('T')));
        assert_eq!(form.error(), None);
        assert_eq!(form.to_input().1.note, "KT");
    }

    #[test]
    fn a_pasted_reason_keeps_its_line_breaks() {
        let mut form = pause_form();
        form.paste("Menunggu KTP.\r\rDan surat kuasa.");
        assert_eq!(form.to_input().1.note, "Menunggu KTP.\n\nDan surat kuasa.");
        let shown = screen(&form);
        assert!(shown.contains("│Menunggu KTP."), "{shown}");
        assert!(shown.contains("│Dan surat kuasa."), "{shown}");
    }

    #[test]
    fn the_confirmation_lists_what_is_recorded() {
        let mut form = pause_form();
        form.paste("Menunggu KTP");
        press(&mut form, key(KeyCode::Enter));
        let summary = form.summary();
        assert!(summary[0].contains("0001/PGD/LKT1/2026"));
        assert!(
            summary.contains(&"Sebagai: Kasi".to_string()),
            "{summary:?}"
        );
        assert!(summary.contains(&"Keterangan: Menunggu KTP".to_string()));
        assert!(screen(&form).contains("Keterangan: Menunggu KTP"));
    }
}
