//! The search window: what is typed becomes a full-text query; results page
//! in from SQL as the cursor reaches the end of what is loaded.

use std::time::{Duration, Instant};

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Row, Table, TableState};

use super::action::Action;
use super::columns::{self, Column};
use super::field::LineInput;
use super::theme;
use crate::i18n::{self, T, Word, t, word};
use crate::service::{Desk, Result};
use crate::store::CaseRow;

const PAGE: u32 = 50;
/// Typing must pause this long before the query runs: a key press only
/// redraws the input, and a half-typed word is never searched.
pub const SEARCH_DEBOUNCE: Duration = Duration::from_millis(150);

#[derive(Default)]
pub struct Search {
    input: LineInput,
    pub results: Vec<CaseRow>,
    pub selected: usize,
    exhausted: bool,
    /// How the last word is read, fixed by the first page.
    prefix: Option<bool>,
    /// Typed but not searched yet.
    pending_since: Option<Instant>,
    pub error: Option<String>,
}

impl Search {
    /// Moves in the list (loading pages as needed) or edits the query.
    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent, desk: &Desk) {
        match action {
            Some(a @ (Action::Down | Action::Up | Action::PageDown | Action::PageUp)) => {
                self.move_by_action(a, desk)
            }
            _ => self.type_key(key),
        }
    }

    pub fn move_by_action(&mut self, action: Action, desk: &Desk) {
        match action {
            Action::Down => self.move_by(1, desk),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::PageDown => self.move_by(10, desk),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            _ => {}
        }
    }

    /// A key typed into the query.
    pub fn type_key(&mut self, key: KeyEvent) {
        let before = self.input.text().to_string();
        if self.input.handle(key) && self.input.text() != before {
            self.pending_since = Some(Instant::now());
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.input.insert_str(text);
        self.pending_since = Some(Instant::now());
    }

    /// Runs the query once typing has paused (or at once with `now`).
    pub fn settle(&mut self, desk: &Desk, now: bool) {
        if self
            .pending_since
            .is_some_and(|t| now || t.elapsed() >= SEARCH_DEBOUNCE)
        {
            self.reload(desk);
        }
    }

    fn reload(&mut self, desk: &Desk) {
        self.pending_since = None;
        self.results.clear();
        self.selected = 0;
        self.exhausted = false;
        self.prefix = None;
        self.load_more(desk);
    }

    fn move_by(&mut self, n: usize, desk: &Desk) {
        let want = self.selected + n;
        if want + 5 >= self.results.len() && !self.exhausted {
            self.load_more(desk);
        }
        self.selected = want.min(self.results.len().saturating_sub(1));
    }

    fn load_more(&mut self, desk: &Desk) {
        let offset = self.results.len() as u32;
        let page: Result<(Vec<CaseRow>, bool)> =
            desk.search(self.input.text(), PAGE, offset, self.prefix);
        match page {
            Ok((rows, prefix)) => {
                self.prefix = Some(prefix);
                self.exhausted = (rows.len() as u32) < PAGE;
                self.results.extend(rows);
                self.error = None;
            }
            Err(e) => self.error = Some(e.text()),
        }
    }

    /// What is typed.
    pub fn query(&self) -> &str {
        self.input.text()
    }

    pub fn input(&self) -> &LineInput {
        &self.input
    }

    pub fn chosen(&self) -> Option<&CaseRow> {
        self.results.get(self.selected)
    }

    pub fn draw(&self, f: &mut Frame<'_>, area: Rect) {
        f.render_widget(Clear, area);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(t(T::SearchTitle), theme::title()));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let [input, hint, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(inner);
        let (shown, col) = self.input.visible(input.width.saturating_sub(3) as usize);
        f.render_widget(Paragraph::new(format!("/ {shown}")), input);
        f.set_cursor_position((input.x + 2 + col as u16, input.y));
        f.render_widget(
            Paragraph::new(Span::styled(t(T::SearchHint), theme::hint())),
            hint,
        );
        if let Some(e) = &self.error {
            f.render_widget(
                Paragraph::new(Span::styled(e.clone(), theme::problem())),
                list,
            );
            return;
        }
        if self.results.is_empty() && !self.input.is_empty() {
            f.render_widget(Paragraph::new(Line::from(t(T::SearchEmpty))), list);
            return;
        }
        let columns = result_columns();
        let fit = columns::fit(&columns, list.width);
        // Only the rows on screen are built: the list may hold thousands.
        let height = list.height.saturating_sub(1) as usize;
        let start = self.selected.saturating_sub(height.saturating_sub(1));
        let rows = self.results.iter().skip(start).take(height).map(|r| {
            let name = if r.confidential || r.anonymous {
                word(Word::Hidden).to_string()
            } else {
                r.name.clone()
            };
            let values = [
                r.agenda_no.clone(),
                name,
                r.subject.clone(),
                i18n::status_label_by_id(&r.status).to_string(),
            ];
            let cells = fit.shown().map(|(i, w)| columns::cell(&values[i], w));
            Row::new(cells.collect::<Vec<_>>())
        });
        let table = Table::new(rows, fit.constraints())
            .column_spacing(columns::GAP)
            .header(Row::new(fit.headers(&columns)).style(theme::title()))
            .row_highlight_style(theme::focused());
        let mut state = TableState::default().with_selected(Some(self.selected - start));
        f.render_stateful_widget(table, list, &mut state);
    }
}

/// Agenda number, complainant, subject, status: the agenda number is never
/// cut, the complainant gives way first.
fn result_columns() -> [Column; 4] {
    [
        Column::fixed(word(Word::AgendaNo), 18, 100),
        Column::flexible(word(Word::Complainant), 10, 20, 60),
        Column::flexible(word(Word::Subject), 12, 40, 85).filling(),
        Column::flexible(word(Word::Status), 8, 14, 90),
    ]
}
