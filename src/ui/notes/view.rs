//! Drawing the Investigasi tab: reads the tab's state, never changes it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Row, Table, TableState, Wrap};
use unicode_width::UnicodeWidthStr;
use uuid::Uuid;

use super::{NotesScreen, OpenCase, Overlay, cut, summary};
use crate::domain::event::NoteKind;
use crate::domain::note::{AttachmentRecord, NoteRecord};
use crate::i18n::{self, N, T, Word, n, t, word};
use crate::service::{CaseNotes, Desk, Integrity, hex, short_id};
use crate::store::CaseRow;
use crate::ui::columns::{self, Column};
use crate::ui::keymap::{self, Scope};
use crate::ui::theme;

impl NotesScreen {
    pub fn draw(&self, f: &mut Frame<'_>, area: Rect, desk: &Desk) {
        match &self.case {
            None => self.draw_picker(f, area, desk),
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

    fn draw_picker(&self, f: &mut Frame<'_>, area: Rect, desk: &Desk) {
        let keys = keymap::hints(Scope::Notes, &i18n::notes_picker_keys());
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
                format!(
                    "{} ({}{})",
                    t(T::NotesMine),
                    self.mine.len(),
                    if self.mine.len() >= super::MINE as usize {
                        "+"
                    } else {
                        ""
                    }
                ),
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
            draw_cases(f, list, desk, rows, selected);
        }
        self.draw_message(f, message);
        draw_keys(f, hint, &keys);
    }

    fn draw_case(&self, f: &mut Frame<'_>, area: Rect, desk: &Desk, open: &OpenCase) {
        let keys = keymap::hints(Scope::NotesCase, &i18n::notes_case_keys());
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
                        "{} {} · {}: {} · ",
                        book.notes.len(),
                        t(T::NotesCount),
                        n(N::Attachments),
                        book.attachments.len()
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

/// The Investigasi list's columns, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseCol {
    Agenda,
    Complainant,
    Subject,
    Step,
    Holder,
    Deadline,
}

/// Most important first: the agenda number and the deadline are never
/// cut; the subject and the step share the rest at 80 columns; who holds
/// the step, then the complainant, join on wider terminals.
fn case_columns() -> [(CaseCol, Column); 6] {
    [
        (
            CaseCol::Agenda,
            Column::fixed(word(Word::AgendaNo), 18, 100),
        ),
        (
            CaseCol::Complainant,
            Column::flexible(word(Word::Complainant), 10, 16, 40),
        ),
        (
            CaseCol::Subject,
            Column::flexible(word(Word::Subject), 12, 27, 85).filling(),
        ),
        (
            CaseCol::Step,
            Column::flexible(word(Word::Step), 12, 24, 80),
        ),
        (
            CaseCol::Holder,
            Column::flexible(word(Word::Actor), 9, 12, 50),
        ),
        (CaseCol::Deadline, Column::fixed(t(T::ColDeadline), 5, 90)),
    ]
}

fn case_cell(col: CaseCol, r: &CaseRow, desk: &Desk) -> String {
    match col {
        CaseCol::Agenda => r.agenda_no.clone(),
        CaseCol::Complainant if r.confidential || r.anonymous => word(Word::Hidden).into(),
        CaseCol::Complainant => r.name.clone(),
        CaseCol::Subject => r.subject.clone(),
        CaseCol::Step => match &r.step {
            Some(step) => desk.step_label(&r.sop, step).to_string(),
            None => i18n::status_label_by_id(&r.status).to_string(),
        },
        CaseCol::Holder => r
            .step_actor
            .as_deref()
            .map(|a| desk.role_label(&r.sop, a).to_string())
            .unwrap_or_default(),
        CaseCol::Deadline => columns::day_month(&r.deadline),
    }
}

fn draw_cases(f: &mut Frame<'_>, area: Rect, desk: &Desk, rows: &[CaseRow], selected: usize) {
    let declared = case_columns();
    let columns: Vec<Column> = declared.iter().map(|(_, c)| *c).collect();
    let fit = columns::fit(&columns, area.width);
    // Only the rows on screen are built.
    let height = area.height.saturating_sub(1) as usize;
    let start = selected.saturating_sub(height.saturating_sub(1));
    let shown = rows.iter().skip(start).take(height).map(|r| {
        let cells = fit
            .shown()
            .map(|(i, width)| columns::cell(&case_cell(declared[i].0, r, desk), width));
        Row::new(cells.collect::<Vec<_>>())
    });
    let table = Table::new(shown, fit.constraints())
        .column_spacing(columns::GAP)
        .header(Row::new(fit.headers(&columns)).style(theme::title()))
        .row_highlight_style(theme::focused());
    let mut state = TableState::default().with_selected(Some(selected - start));
    f.render_stateful_widget(table, area, &mut state);
}

/// Code, time, kind, who, what: the code and the time are never cut; the
/// content takes what is left, and who wrote it gives way first.
fn note_columns() -> [Column; 5] {
    [
        Column::fixed(t(T::ColCode), 8, 100),
        Column::fixed(word(Word::Time), 11, 90),
        Column::flexible(t(T::ColKind), 6, 10, 70),
        Column::flexible(t(T::ColBy), 12, 24, 60),
        Column::flexible(t(T::ColContent), 10, 30, 85).filling(),
    ]
}

fn draw_notes(f: &mut Frame<'_>, area: Rect, desk: &Desk, c: &CaseNotes, selected: usize) {
    let notes = &c.notebook.notes;
    let columns = note_columns();
    let fit = columns::fit(&columns, area.width);
    let height = area.height.saturating_sub(1) as usize;
    let start = selected.saturating_sub(height.saturating_sub(1));
    // Newest first; only the rows on screen are built.
    let rows = notes.iter().rev().skip(start).take(height).map(|note| {
        let style = if note.is_current() {
            Style::new()
        } else {
            theme::stale()
        };
        let cells = fit.shown().map(|(i, width)| match i {
            0 => short_id(note.event),
            1 => short_time(desk, note.at),
            2 => columns::cell(i18n::note_kind_short(note.kind), width),
            3 => person_role(&note.person, &note.role, width.into()),
            _ => columns::cell(&note_content(note), width),
        });
        Row::new(cells.collect::<Vec<_>>()).style(style)
    });
    let table = Table::new(rows, fit.constraints())
        .column_spacing(columns::GAP)
        .header(Row::new(fit.headers(&columns)).style(theme::title()))
        .row_highlight_style(theme::focused());
    let mut state = TableState::default().with_selected(Some(selected - start));
    f.render_stateful_widget(table, area, &mut state);
}

/// Why a note no longer stands, if it does not, then what it says.
fn note_content(note: &NoteRecord) -> String {
    let mark = stale_mark(note);
    if mark.is_empty() {
        summary(note)
    } else {
        format!("{mark} · {}", summary(note))
    }
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
pub(super) fn detail_lines(desk: &Desk, c: &CaseNotes, id: Uuid) -> Vec<Line<'static>> {
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
        lines.extend(note_lines(
            desk,
            c,
            note,
            note.event == id && chain.len() > 1,
        ));
    }
    lines
}

/// The keys as lines no wider than `width`, never breaking a key from
/// its word.
fn key_lines(keys: &[(String, &'static str)], width: u16) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = vec![Line::default()];
    for (key, what) in keys {
        let pair = [
            Span::styled(key.clone(), theme::title()),
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

fn key_line_height(keys: &[(String, &'static str)], width: u16) -> u16 {
    key_lines(keys, width).len() as u16
}

fn draw_keys(f: &mut Frame<'_>, area: Rect, keys: &[(String, &'static str)]) {
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
        Integrity::Missing => (
            format!("? {}", n(N::Missing)),
            Style::new().fg(Color::Yellow),
        ),
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
    let [text, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
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
