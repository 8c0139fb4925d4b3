//! The recap screen (Rekap): a month or a year of figures, a bar chart, the
//! cases past their deadline today (Enter opens one), and the XLSX export
//! on one key.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Row, Table};

use super::action::Action;
use super::columns;
use super::tab::Command;
use super::theme;
use crate::config::Person;
use crate::domain::case::Channel;
use crate::export;
use crate::i18n::{self, T, t};
use crate::service::{Desk, Queue, Recap, RecapCount, RecapDoc, Span};
use crate::store::CaseRow;

/// How many of the cases past their deadline the screen lists.
const OVERDUE_SHOWN: u32 = 50;

/// What the figures on screen were computed from: while it stays the same,
/// opening the tab again shows them without reading the recap again (a
/// month of a large desk reads tens of thousands of rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Basis {
    span: Span,
    today: chrono::NaiveDate,
    stamp: (i64, u64),
}

pub struct RecapScreen {
    pub span: Span,
    basis: Option<Basis>,
    /// The counts behind the figures, counted again case by case after a save.
    count: Option<RecapCount>,
    /// The last count failed: counting waits for the tab to be opened again
    /// rather than retrying on every pause.
    failed: bool,
    recap: Option<Recap>,
    /// The recap as printed: the rows of the table and of the export.
    doc: Option<RecapDoc>,
    /// Cases past their deadline today, most overdue first.
    overdue: Vec<CaseRow>,
    picked: usize,
    pub message: Option<(String, bool)>,
}

impl RecapScreen {
    pub fn new(desk: &Desk) -> RecapScreen {
        let today = desk.today();
        RecapScreen {
            span: Span::Month(today.year(), today.month()),
            basis: None,
            count: None,
            failed: false,
            recap: None,
            doc: None,
            overdue: Vec::new(),
            picked: 0,
            message: None,
        }
    }

    /// Reads the cases past their deadline again.
    pub fn load_overdue(&mut self, desk: &Desk, person: &Person) {
        match desk.queue_page(Queue::Overdue, person, None, OVERDUE_SHOWN) {
            Ok(rows) => {
                self.overdue = rows;
                self.picked = self.picked.min(self.overdue.len().saturating_sub(1));
            }
            Err(e) => self.message = Some((e.text(), false)),
        }
    }

    /// Shows the span's figures: unchanged while nothing was written, and
    /// after a save counted again from the cases that changed only.
    pub fn reload(&mut self, desk: &Desk) {
        let basis = desk.change_stamp().map(|stamp| Basis {
            span: self.span,
            today: desk.today(),
            stamp,
        });
        if basis.is_some() && basis == self.basis && self.recap.is_some() {
            return;
        }
        self.basis = None;
        let counted = match self.count.as_mut() {
            Some(count) if count.span() == self.span => desk.recount(count),
            _ => desk.recap_count(self.span).map(|count| {
                self.count = Some(count);
                true
            }),
        };
        match counted {
            Ok(moved) => {
                self.failed = false;
                let count = self.count.as_ref().expect("counted above");
                if moved || self.recap.is_none() {
                    let recap = desk.figures_of(count);
                    self.doc = Some(recap.doc(&desk.config));
                    self.recap = Some(recap);
                }
                self.basis = basis;
            }
            Err(e) => {
                self.count = None;
                self.failed = true;
                self.message = Some((e.text(), false));
            }
        }
    }

    /// [`RecapScreen::reload`] while typing pauses, unless the last count failed.
    pub fn count_when_idle(&mut self, desk: &Desk) {
        if !self.failed {
            self.reload(desk);
        }
    }

    pub fn handle(&mut self, action: Action, desk: &Desk) -> Option<Command> {
        let step = |s: Span, by: i32| match s {
            Span::Month(y, m) => {
                let index = y * 12 + m as i32 - 1 + by;
                Span::Month(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
            }
            Span::Year(y) => Span::Year(y + by),
            other => other,
        };
        match action {
            Action::Down => {
                self.picked = (self.picked + 1).min(self.overdue.len().saturating_sub(1));
                return None;
            }
            Action::Up => {
                self.picked = self.picked.saturating_sub(1);
                return None;
            }
            Action::Open => {
                return self
                    .overdue
                    .get(self.picked)
                    .map(|r| Command::OpenCase(r.agenda_no.clone()));
            }
            Action::Earlier => self.span = step(self.span, -1),
            Action::Later => self.span = step(self.span, 1),
            Action::WholeYear => {
                let year = match self.span {
                    Span::Month(y, _) | Span::Year(y) | Span::Years(_, y) => y,
                };
                self.span = Span::Year(year);
            }
            Action::ByMonth => {
                let today = desk.today();
                let year = match self.span {
                    Span::Month(y, _) | Span::Year(y) | Span::Years(_, y) => y,
                };
                let month = if year == today.year() {
                    today.month()
                } else {
                    12
                };
                self.span = Span::Month(year, month);
            }
            Action::Export => {
                let path = self.export_path(desk);
                if path.exists() {
                    return Some(Command::ConfirmOverwrite(path));
                }
                self.export(desk, false);
                return None;
            }
            _ => return None,
        }
        self.message = None;
        self.reload(desk);
        None
    }

    fn export_path(&self, desk: &Desk) -> std::path::PathBuf {
        let slug = match self.span {
            Span::Month(y, m) => format!("{y:04}-{m:02}"),
            Span::Year(y) => y.to_string(),
            Span::Years(a, b) => format!("{a}-{b}"),
        };
        desk.locations
            .export_dir
            .join(format!("rekap-pengaduan-{slug}.xlsx"))
    }

    /// Writes the XLSX of what is on screen.
    pub fn export(&mut self, desk: &Desk, force: bool) {
        let path = self.export_path(desk);
        let Some(count) = &self.count else { return };
        let doc = desk.recap_of(count).doc(&desk.config);
        let written = export::xlsx(&doc).and_then(|bytes| export::write_new(&path, &bytes, force));
        self.message = Some(match written {
            Ok(()) => (crate::i18n::Msg::Written(path).text(), true),
            Err(e) => (e.text(), false),
        });
    }

    pub fn draw(&self, f: &mut Frame<'_>, area: Rect) {
        let [head, body, foot] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(5),
            Constraint::Length(1),
        ])
        .areas(area);
        let Some(r) = &self.recap else { return };
        let period = r
            .periods
            .first()
            .map(|p| crate::i18n::period_label(&p.month))
            .unwrap_or_default();
        let label = match self.span {
            Span::Month(..) => period,
            Span::Year(y) => y.to_string(),
            Span::Years(a, b) => format!("{a}–{b}"),
        };
        f.render_widget(
            Paragraph::new(Line::from(vec![
                TextSpan::styled(format!("{} {label}", t(T::TabRecap)), theme::title()),
                TextSpan::styled(format!("   {}", t(T::RecapKeys)), theme::hint()),
            ])),
            head,
        );
        let [left, right] = Layout::new(
            Direction::Horizontal,
            [Constraint::Percentage(55), Constraint::Percentage(45)],
        )
        .areas(body);
        self.draw_table(f, left);
        // The chart keeps the rows it needs (twelve months in a year);
        // the overdue list takes what is left, at most eight.
        let needed = match self.span {
            Span::Month(..) => 8,
            _ => 14,
        };
        let list = right.height.saturating_sub(needed).min(8);
        let [chart, overdue] =
            Layout::vertical([Constraint::Min(4), Constraint::Length(list)]).areas(right);
        match self.span {
            Span::Month(..) => draw_channels(f, chart, r),
            _ => draw_months(f, chart, r),
        }
        self.draw_overdue(f, overdue);
        if let Some((text, good)) = &self.message {
            let style = if *good { theme::ok() } else { theme::problem() };
            f.render_widget(Paragraph::new(TextSpan::styled(text.clone(), style)), foot);
        } else if let Some(as_of) = r.as_of_text() {
            // A period not yet ended: its figures are as of today.
            f.render_widget(Paragraph::new(TextSpan::styled(as_of, theme::hint())), foot);
        }
    }

    /// The cases past their deadline today: agenda and subject, the
    /// selected one marked.
    fn draw_overdue(&self, f: &mut Frame<'_>, area: Rect) {
        if area.height < 2 {
            return;
        }
        let title = format!(
            "{} ({}{})",
            t(T::QueueOverdue),
            self.overdue.len(),
            if self.overdue.len() as u32 >= OVERDUE_SHOWN {
                "+"
            } else {
                ""
            }
        );
        let block = Block::default()
            .borders(Borders::TOP)
            .title(TextSpan::styled(title, theme::title()));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let height = inner.height as usize;
        let start = self.picked.saturating_sub(height.saturating_sub(1));
        let width = inner.width;
        let lines: Vec<Line> = self
            .overdue
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, r)| {
                let text = columns::cell(&format!("{} {}", r.agenda_no, r.subject), width);
                let style = if i == self.picked {
                    theme::focused()
                } else {
                    Style::default()
                };
                Line::styled(text, style)
            })
            .collect();
        f.render_widget(Paragraph::new(lines), inner);
    }

    fn draw_table(&self, f: &mut Frame<'_>, area: Rect) {
        // The headline sections, the last column; the full breakdown is in the exports.
        let Some(doc) = &self.doc else { return };
        let rows: Vec<Row> = doc
            .sections
            .iter()
            .filter(|s| s.key == "received" || s.key == "handling")
            .flat_map(|s| &s.rows)
            .map(|r| {
                let label = format!("{}{}", "  ".repeat(r.indent as usize), r.label);
                let total = r.cells.last().map(|c| c.text()).unwrap_or_default();
                Row::new(vec![label, total])
            })
            .collect();
        let table = Table::new(rows, [Constraint::Min(20), Constraint::Length(8)])
            .block(Block::default().borders(Borders::RIGHT));
        f.render_widget(table, area);
    }
}

fn draw_channels(f: &mut Frame<'_>, area: Rect, r: &Recap) {
    let Some(month) = r.periods.first() else {
        return;
    };
    let bars: Vec<Bar> = Channel::ALL
        .iter()
        .filter_map(|c| month.received_by_channel.get(c.id()).map(|n| (c, *n)))
        .map(|(c, n)| {
            let label = i18n::channel_label(*c).chars().take(12).collect::<String>();
            Bar::default()
                .value(n)
                .text_value(n.to_string())
                .label(Line::from(label))
        })
        .collect();
    let chart = BarChart::default()
        .block(Block::default().title(t(T::ChartChannels)))
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(Style::new().fg(Color::Cyan))
        .data(BarGroup::default().bars(&bars));
    f.render_widget(chart, area);
}

fn draw_months(f: &mut Frame<'_>, area: Rect, r: &Recap) {
    let bars: Vec<Bar> = r
        .periods
        .iter()
        .map(|p| {
            let short = i18n::period_label(&p.month)
                .chars()
                .take(3)
                .collect::<String>();
            // Complaints only, as "Pengaduan diterima" counts them.
            let complaints = p
                .received_by_kind
                .get(crate::domain::case::Kind::Pengaduan.id())
                .copied()
                .unwrap_or(0);
            // A month not yet begun has an empty bar, not a zero.
            let value = if p.begun {
                complaints.to_string()
            } else {
                String::new()
            };
            Bar::default()
                .value(complaints)
                .text_value(value)
                .label(Line::from(short))
        })
        .collect();
    let chart = BarChart::default()
        .block(Block::default().title(t(T::ChartMonths)))
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(Style::new().fg(Color::Cyan))
        .data(BarGroup::default().bars(&bars));
    f.render_widget(chart, area);
}
