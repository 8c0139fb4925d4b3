//! The small form that settles a field two desks changed apart ("perlu
//! keputusan"): pick one of the values standing (←/→) or type another;
//! Enter corrects the field again, which settles it on every desk.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::act_form::Outcome;
use super::field::LineInput;
use super::theme;
use crate::i18n::{T, t};
use crate::service::CaseDetail;

/// One field in conflict: its id, label and the values standing, each with
/// who wrote it where and when.
struct FieldConflict {
    field: String,
    label: String,
    /// (value, "desk · person · time")
    values: Vec<(String, String)>,
}

pub struct SettleForm {
    pub agenda: String,
    fields: Vec<FieldConflict>,
    focus: usize,
    input: LineInput,
}

impl SettleForm {
    /// The form for a case's field conflicts; None when it has none (note
    /// conflicts are settled by withdrawing a note).
    pub fn new(detail: &CaseDetail) -> Option<SettleForm> {
        let fields: Vec<FieldConflict> = detail
            .conflicts
            .iter()
            .filter_map(|c| {
                let field = c.topic.strip_prefix("field:")?;
                Some(FieldConflict {
                    field: field.to_string(),
                    label: c.label.clone(),
                    values: c
                        .values
                        .iter()
                        .map(|v| {
                            (
                                v.value.clone(),
                                format!("{} · {} · {}", v.desk, v.person, v.at),
                            )
                        })
                        .collect(),
                })
            })
            .collect();
        let first = fields.first()?.values.first().map(|(v, _)| v.clone());
        Some(SettleForm {
            agenda: detail.agenda_no.clone(),
            fields,
            focus: 0,
            input: LineInput::new(&first.unwrap_or_default()),
        })
    }

    /// The field's id and the value to keep.
    pub fn correction(&self) -> (String, String) {
        (
            self.fields[self.focus].field.clone(),
            self.input.text().to_string(),
        )
    }

    /// Which standing value the input holds, if it holds one.
    fn chosen(&self) -> Option<usize> {
        self.fields[self.focus]
            .values
            .iter()
            .position(|(v, _)| v == self.input.text())
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

    pub fn handle(&mut self, key: KeyEvent) -> Outcome {
        match key.code {
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Enter if !self.input.text().trim().is_empty() => return Outcome::Submit,
            KeyCode::Right => self.pick(1),
            KeyCode::Left => self.pick(-1),
            KeyCode::Down | KeyCode::Up | KeyCode::Tab | KeyCode::BackTab => {
                let n = self.fields.len();
                self.focus = match key.code {
                    KeyCode::Down | KeyCode::Tab => (self.focus + 1) % n,
                    _ => (self.focus + n - 1) % n,
                };
                let first = self.fields[self.focus].values.first();
                self.input = LineInput::new(first.map_or("", |(v, _)| v.as_str()));
            }
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
        for (i, (value, by)) in field.values.iter().enumerate() {
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
        lines.push(Line::styled(t(T::SettleKeys), theme::hint()));
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
        if inner.y + value_row >= inner.y + inner.height {
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
