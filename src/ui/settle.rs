//! The small form that settles what two desks changed apart ("perlu
//! keputusan"): for a field, pick one of the values standing (←/→) or type
//! another, and Enter corrects the field again; for an SOP step (or a case
//! finished on one desk and acted on further on another), pick the version
//! to keep, and Enter records the settlement. Either settles it on every
//! desk after the next sync.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::act_form::Outcome;
use super::action::{Action, Focus};
use super::field::LineInput;
use super::theme;
use crate::i18n::{T, t};
use crate::service::CaseDetail;

/// One conflict: what it is about, its label and the versions standing,
/// each with who wrote it where and when.
struct FieldConflict {
    topic: Topic,
    label: String,
    /// (value, "desk · person · time", event code)
    values: Vec<(String, String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Topic {
    Field(String),
    Step(String),
}

/// What the form settles on Enter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settlement {
    /// Correct the field to this value.
    Field { field: String, value: String },
    /// Keep the version with this event code of the step.
    Step { step: String, keep: String },
}

pub struct SettleForm {
    pub agenda: String,
    fields: Vec<FieldConflict>,
    focus: usize,
    input: LineInput,
}

impl SettleForm {
    /// The form for a case's field and step conflicts; None when it has
    /// neither (note conflicts are settled by withdrawing a note).
    pub fn new(detail: &CaseDetail) -> Option<SettleForm> {
        let fields: Vec<FieldConflict> = detail
            .conflicts
            .iter()
            .filter_map(|c| {
                let topic = match (
                    c.topic.strip_prefix("field:"),
                    c.topic.strip_prefix("step:"),
                ) {
                    (Some(f), _) => Topic::Field(f.to_string()),
                    (_, Some(s)) => Topic::Step(s.to_string()),
                    _ => return None,
                };
                Some(FieldConflict {
                    topic,
                    label: c.label.clone(),
                    values: c
                        .values
                        .iter()
                        .map(|v| {
                            (
                                v.value.clone(),
                                format!("{} · {} · {} · {}", v.desk, v.person, v.role, v.at),
                                v.event.clone(),
                            )
                        })
                        .collect(),
                })
            })
            .collect();
        let first = fields.first()?.values.first().map(|(v, ..)| v.clone());
        Some(SettleForm {
            agenda: detail.agenda_no.clone(),
            fields,
            focus: 0,
            input: LineInput::new(&first.unwrap_or_default()),
        })
    }

    /// What Enter records: a correction of the field, or which version of
    /// the step to keep (None until one is picked).
    pub fn settlement(&self) -> Option<Settlement> {
        let item = &self.fields[self.focus];
        match &item.topic {
            Topic::Field(field) => Some(Settlement::Field {
                field: field.clone(),
                value: self.input.text().to_string(),
            }),
            Topic::Step(step) => self.chosen().map(|i| Settlement::Step {
                step: step.clone(),
                keep: item.values[i].2.clone(),
            }),
        }
    }

    fn is_step(&self) -> bool {
        matches!(self.fields[self.focus].topic, Topic::Step(_))
    }

    /// Which standing value the input holds, if it holds one.
    fn chosen(&self) -> Option<usize> {
        self.fields[self.focus]
            .values
            .iter()
            .position(|(v, ..)| v == self.input.text())
    }

    fn pick(&mut self, step: isize) {
        let values = &self.fields[self.focus].values;
        if values.is_empty() {
            return;
        }
        let n = values.len() as isize;
        let next = match self.chosen() {
            Some(i) => (i as isize + step).rem_euclid(n),
            None if step > 0 => 0,
            None => n - 1,
        };
        self.input = LineInput::new(&values[next as usize].0);
    }

    fn ready(&self) -> bool {
        if self.is_step() {
            self.chosen().is_some()
        } else {
            !self.input.text().trim().is_empty()
        }
    }

    pub fn focus(&self) -> Focus {
        if self.is_step() {
            Focus::Choice
        } else {
            Focus::Line {
                empty: self.input.text().is_empty(),
            }
        }
    }

    /// Pasted text as another value for the field (a step's versions are
    /// only picked).
    pub fn paste(&mut self, text: &str) {
        if !self.is_step() {
            self.input.paste(text);
        }
    }

    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent) -> Outcome {
        match action {
            Some(Action::Cancel) => return Outcome::Cancel,
            Some(Action::Confirm) if self.ready() => return Outcome::Submit,
            Some(Action::OptionNext | Action::Toggle) => self.pick(1),
            Some(Action::OptionPrev) => self.pick(-1),
            Some(a @ (Action::NextField | Action::PrevField)) => {
                let n = self.fields.len();
                self.focus = match a {
                    Action::NextField => (self.focus + 1) % n,
                    _ => (self.focus + n - 1) % n,
                };
                let first = self.fields[self.focus].values.first();
                self.input = LineInput::new(first.map_or("", |(v, ..)| v.as_str()));
            }
            // A step's versions are picked, never typed.
            _ if self.is_step() => {}
            _ => {
                self.input.handle(key);
            }
        }
        Outcome::Open
    }

    pub fn draw(&self, f: &mut Frame<'_>, body: Rect) {
        let field = &self.fields[self.focus];
        let chosen = self.chosen();
        let mut lines = vec![Line::from(vec![
            Span::raw(format!("{}: ", t(T::SettleField))),
            Span::styled(field.label.clone(), theme::title()),
            Span::raw(if self.fields.len() > 1 {
                format!("  ({}/{})", self.focus + 1, self.fields.len())
            } else {
                String::new()
            }),
        ])];
        lines.push(Line::raw(format!("{}:", t(T::SettleStanding))));
        for (i, (value, by, _)) in field.values.iter().enumerate() {
            let mark = if chosen == Some(i) { "▶ " } else { "  " };
            let style = if chosen == Some(i) {
                theme::title()
            } else {
                ratatui::style::Style::new()
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{mark}{value}"), style),
                Span::styled(format!("  {by}"), theme::hint()),
            ]));
        }
        let value_row = lines.len() as u16 + 1;
        lines.push(Line::raw(""));
        lines.push(Line::raw(""));
        let keys = if self.is_step() {
            t(T::SettleStepKeys)
        } else {
            t(T::SettleKeys)
        };
        lines.push(Line::styled(keys, theme::hint()));
        let height = lines.len() as u16 + 2;
        let [v] = Layout::vertical([Constraint::Length(height.min(body.height))])
            .flex(Flex::Center)
            .areas(body);
        let [area] = Layout::horizontal([Constraint::Length(body.width.saturating_sub(4).min(76))])
            .flex(Flex::Center)
            .areas(v);
        f.render_widget(Clear, area);
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            format!("{} — {}", t(T::SettleTitle), self.agenda),
            theme::title(),
        ));
        let inner = block.inner(area);
        f.render_widget(block, area);
        f.render_widget(Paragraph::new(lines), inner);
        if self.is_step() || inner.y + value_row >= inner.y + inner.height {
            return;
        }
        let label = format!("{}: ", t(T::SettleValue));
        let label_width = label.chars().count() as u16;
        let row = Rect {
            y: inner.y + value_row,
            height: 1,
            ..inner
        };
        let [l, value] =
            Layout::horizontal([Constraint::Length(label_width), Constraint::Min(4)]).areas(row);
        f.render_widget(Paragraph::new(label), l);
        let width = value.width.saturating_sub(1) as usize;
        let (shown, col) = self.input.visible(width);
        f.render_widget(
            Paragraph::new(Span::styled(format!("{shown:<width$}"), theme::focused())),
            value,
        );
        f.set_cursor_position((value.x + col as u16, value.y));
    }
}
