//! The small form behind each inbox action: who acts (a head on paper, or
//! oneself), and what the SOP step needs (recipient, instruction, option,
//! output, reason). Enter asks for confirmation; a second Enter records it.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::action::{Action, Focus};
use super::field::LineInput;
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
}

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
                    input: Input::Line(LineInput::new(&desk.today().to_string())),
                });
            }
            ActionKind::Decide => {
                let mut options = Vec::new();
                for o in step.map(|s| s.options.as_slice()).unwrap_or_default() {
                    if o.forward {
                        for opd in &desk.config.forward.opds {
                            options.push((opd.clone(), format!("{} → {opd}", o.label)));
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
            input: Input::Line(LineInput::new(&note)),
        });
        // The cursor starts on the field the action is about, after "as".
        ActForm {
            agenda: detail.agenda_no.clone(),
            action,
            rows,
            focus: 1,
            confirming: false,
        }
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
            _ => {
                if let Input::Line(l) = &mut self.rows[self.focus].input {
                    l.handle(key);
                }
            }
        }
        Outcome::Open
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
            })
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

    pub fn draw(&self, f: &mut Frame<'_>, body: Rect) {
        let height = self.rows.len() as u16 + 4;
        let [v] = Layout::vertical([Constraint::Length(height)])
            .flex(Flex::Center)
            .areas(body);
        let [area] = Layout::horizontal([Constraint::Length(body.width.saturating_sub(8).min(76))])
            .flex(Flex::Center)
            .areas(v);
        f.render_widget(Clear, area);
        let title = format!("{} — {}", i18n::action_label(self.action), self.agenda);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title, theme::title()));
        let inner = block.inner(area);
        f.render_widget(block, area);
        for (i, row) in self.rows.iter().enumerate() {
            let y = inner.y + i as u16;
            let [label, value] = Layout::horizontal([Constraint::Length(16), Constraint::Min(10)])
                .areas(Rect {
                    y,
                    height: 1,
                    ..inner
                });
            let focused = i == self.focus && !self.confirming;
            f.render_widget(Paragraph::new(name_label(row.name)), label);
            let style = if focused {
                theme::focused()
            } else {
                ratatui::style::Style::new()
            };
            match &row.input {
                Input::Choice { options, index } => {
                    let text = options.get(*index).map_or("-".to_string(), |o| o.1.clone());
                    let text = if focused {
                        format!("◀ {text} ▶")
                    } else {
                        text
                    };
                    f.render_widget(Paragraph::new(Span::styled(text, style)), value);
                }
                Input::Line(l) => {
                    let width = value.width.saturating_sub(1) as usize;
                    let (shown, col) = l.visible(width);
                    f.render_widget(
                        Paragraph::new(Span::styled(format!("{shown:<width$}"), style)),
                        value,
                    );
                    if focused {
                        f.set_cursor_position((value.x + col as u16, value.y));
                    }
                }
            }
        }
        let hint = Rect {
            y: inner.y + self.rows.len() as u16 + 1,
            height: 1,
            ..inner
        };
        let line = if self.confirming {
            Line::from(vec![
                Span::styled(format!("{} ", t(T::ConfirmTitle)), theme::title()),
                Span::raw(t(T::ConfirmBody)),
            ])
        } else {
            Line::styled(t(T::ActFormHint), theme::hint())
        };
        f.render_widget(Paragraph::new(line), hint);
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
