//! Drawing the application: the tab bar, the screen of the tab in front,
//! the status line, the windows over it. Reads `App` and changes nothing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Tabs, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH};
use super::popup::{self, centered};
use super::tab::Tab;
use super::theme;
use crate::i18n::{self, T, t};

/// The divider between tab titles.
const DIVIDER: &str = "│";

impl App {
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
        self.draw_beneath_lock(f, area);
        if let Some(lock) = &self.lock {
            lock.draw(f, area);
        }
    }

    fn draw_beneath_lock(&self, f: &mut Frame<'_>, area: Rect) {
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
        if let Some(person) = &self.person {
            self.screen_ref().draw(f, body, &self.desk, person);
        }
        self.draw_status(f, status);
        let unsaved_note = self.notes.unsaved();
        for p in &self.popups {
            popup::draw(f, body, p, unsaved_note);
        }
    }

    fn draw_tabs(&self, f: &mut Frame<'_>, area: Rect) {
        let tabs = Tabs::new(tab_titles())
            .select(self.tab.index())
            .highlight_style(theme::tab_active())
            .divider(DIVIDER);
        f.render_widget(tabs, area);
    }

    fn draw_status(&self, f: &mut Frame<'_>, area: Rect) {
        if let Some((text, good)) = &self.flash {
            let style = if *good { theme::ok() } else { theme::problem() };
            return f.render_widget(Paragraph::new(format!(" {text}")).style(style), area);
        }
        let person = self
            .person
            .as_ref()
            .map(|p| format!("{} ({})", p.name, p.role))
            .unwrap_or_default();
        // An office of one switched PINs off: the bar says so where it fits.
        let pin_off =
            (!self.desk.pins_on()).then(|| crate::i18n::pin::p(crate::i18n::pin::P::StatusOff));
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
            pin_off,
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
}

fn tab_titles() -> Vec<String> {
    Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, tab)| format!("{} {}", i + 1, tab.title()))
        .collect()
}

/// The tab whose title is drawn at this column of the tab bar.
pub fn tab_at(column: u16) -> Option<Tab> {
    // Tabs pads each title with a space either side, then the divider.
    let mut x = 0usize;
    for (tab, title) in Tab::ALL.iter().zip(tab_titles()) {
        let end = x + title.width() + 2;
        if (column as usize) < end {
            return Some(*tab);
        }
        x = end + DIVIDER.width();
    }
    None
}

/// The status bar's parts joined by │, the last sync with its key (F8).
/// When they do not fit, the database file goes first, then the regency,
/// then the key, and last the person's name is shortened: the desk, the
/// counts and the last sync always show.
#[allow(clippy::too_many_arguments)]
fn status_text(
    width: usize,
    regency: &str,
    code: &str,
    person: &str,
    pin_off: Option<&str>,
    db: &str,
    counts: &str,
    sync: &str,
) -> String {
    let join = |parts: &[&str]| format!(" {}", parts.join(" │ "));
    let keyed = format!("F8 {sync}");
    // "PIN mati" goes before the database name and the F8 hint, and after
    // the person, who is never cut for it.
    let with_pin = |parts: &[&str]| match pin_off {
        Some(note) => {
            let mut v = parts.to_vec();
            let after_person = v
                .iter()
                .position(|p| *p == person)
                .map_or(v.len(), |i| i + 1);
            v.insert(after_person, note);
            join(&v)
        }
        None => join(parts),
    };
    let candidates = [
        with_pin(&[regency, code, person, db, counts, &keyed]),
        with_pin(&[regency, code, person, counts, &keyed]),
        with_pin(&[code, person, counts, &keyed]),
        with_pin(&[code, person, counts, sync]),
        join(&[code, person, counts, &keyed]),
        join(&[code, person, counts, sync]),
    ];
    if let Some(fits) = candidates.iter().find(|c| c.width() <= width) {
        return fits.clone();
    }
    let over = candidates[5].width().saturating_sub(width);
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
