//! The case screen: the whole complaint in sections, for the section head
//! to read before deciding. Every line is wrapped to the width (the
//! description keeps its own line breaks) and the screen scrolls.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme;
use crate::i18n::{self, Cv, Word, cv, word};
use crate::service::{CaseDetail, CaseView, Desk, Integrity};

/// The size drawn before the first frame: a page and the end are known
/// from the start.
const FIRST_VIEWPORT: (u16, u16) = (78, 20);

pub struct CaseViewScreen {
    view: CaseView,
    /// The actions the signed-in person may take now, with their keys;
    /// `None` lists every role's.
    person_actions: Option<Vec<String>>,
    offset: usize,
    /// Width and height of the text on the last frame, so a page is a page
    /// and the end is the end (drawing sets it and nothing else).
    viewport: Cell<(u16, u16)>,
    /// The lines wrapped at the width they were last wrapped for: a case
    /// with hundreds of notes takes milliseconds to wrap, and scrolling
    /// changes neither the case nor the width.
    wrapped: RefCell<Option<(usize, Rc<[Line<'static>]>)>>,
}

impl CaseViewScreen {
    pub fn new(view: CaseView) -> CaseViewScreen {
        CaseViewScreen {
            view,
            person_actions: None,
            offset: 0,
            viewport: Cell::new(FIRST_VIEWPORT),
            wrapped: RefCell::new(None),
        }
    }

    /// The case shown.
    pub fn view(&self) -> &CaseView {
        &self.view
    }

    /// Lists `actions` as what the signed-in person may do now.
    pub fn set_person_actions(&mut self, actions: Option<Vec<String>>) {
        self.person_actions = actions;
        self.wrapped.take();
    }

    /// Shows the case as `fresh` reads it now, scrolled on from where it
    /// was by as many lines as it was scrolled (clamped to the end).
    pub fn refresh_from(&mut self, fresh: &CaseViewScreen) {
        let offset = self.offset;
        self.view = fresh.view.clone();
        self.person_actions.clone_from(&fresh.person_actions);
        self.wrapped.take();
        // The same place, or the end if the case got shorter.
        self.offset = 0;
        self.scroll_by(offset as i32);
    }

    /// The case `agenda` read from the desk; the error in words.
    pub fn open(desk: &Desk, agenda: &str) -> Result<CaseViewScreen, String> {
        desk.case_view(agenda)
            .map(CaseViewScreen::new)
            .map_err(|e| e.to_string())
    }

    /// The case `agenda` read once from the desk: its screen, and the case
    /// as [`Desk::show`] gives it (what the person may do is read from
    /// that); the error in words.
    pub fn open_with_detail(
        desk: &Desk,
        agenda: &str,
    ) -> Result<(CaseViewScreen, CaseDetail), String> {
        desk.case_view_and_detail(agenda)
            .map(|(view, detail)| (CaseViewScreen::new(view), detail))
            .map_err(|e| e.to_string())
    }

    /// The first line on screen.
    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn scroll_by(&mut self, lines: i32) {
        let target = self.offset as i64 + i64::from(lines);
        self.offset = target.clamp(0, self.last_offset() as i64) as usize;
    }

    /// Moves by whole screens, one line of the last kept in view.
    pub fn page(&mut self, pages: i32) {
        let step = i32::from(self.viewport.get().1.saturating_sub(1).max(1));
        self.scroll_by(pages.saturating_mul(step));
    }

    pub fn home(&mut self) {
        self.offset = 0;
    }

    pub fn end(&mut self) {
        self.offset = self.last_offset();
    }

    fn last_offset(&self) -> usize {
        let (width, height) = self.viewport.get();
        self.lines(width as usize)
            .len()
            .saturating_sub(height as usize)
    }

    pub fn draw(&self, f: &mut Frame<'_>, area: Rect) {
        let block = Block::bordered()
            .title(Line::styled(
                format!(" {} {} ", cv(Cv::Title), self.view.agenda_no),
                theme::title(),
            ))
            .title_bottom(Line::styled(format!(" {} ", cv(Cv::Keys)), theme::hint()));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let [text_area, bar] =
            Layout::horizontal([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        self.viewport.set((text_area.width, text_area.height));
        let lines = self.lines(text_area.width as usize);
        let height = text_area.height as usize;
        let offset = self.offset.min(lines.len().saturating_sub(height));
        let shown: Vec<Line> = lines.iter().skip(offset).take(height).cloned().collect();
        f.render_widget(Paragraph::new(shown), text_area);
        self.draw_position(f, area, bar, offset, lines.len(), height);
    }

    /// A scrollbar beside the text and "baris x/y" on the frame's top edge.
    fn draw_position(
        &self,
        f: &mut Frame<'_>,
        area: Rect,
        bar: Rect,
        offset: usize,
        total: usize,
        height: usize,
    ) {
        let last = (offset + height).min(total);
        let position = format!(" {} {}-{}/{} ", cv(Cv::Line), offset + 1, last, total);
        let width = position.width() as u16;
        if area.width > width + 2 {
            let at = Rect::new(area.right() - width - 1, area.y, width, 1);
            f.render_widget(Paragraph::new(Span::styled(position, theme::hint())), at);
        }
        if total > height {
            let mut state = ScrollbarState::new(total.saturating_sub(height)).position(offset);
            let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│"))
                .thumb_symbol("█");
            f.render_stateful_widget(scrollbar, bar, &mut state);
        }
    }

    /// Every line of the screen, wrapped to `width` columns (once per
    /// width and content).
    fn lines(&self, width: usize) -> Rc<[Line<'static>]> {
        let mut wrapped = self.wrapped.borrow_mut();
        match &*wrapped {
            Some((at, lines)) if *at == width => Rc::clone(lines),
            _ => {
                let lines: Rc<[Line<'static>]> = self.wrap(width).into();
                *wrapped = Some((width, Rc::clone(&lines)));
                lines
            }
        }
    }

    fn wrap(&self, width: usize) -> Vec<Line<'static>> {
        let width = width.max(20);
        let v = &self.view;
        let mut out = Page::new(width);
        out.header(v);
        // What may be done now comes first: the keys are at hand.
        out.actions(v, self.person_actions.as_deref());
        out.complainant(v);
        out.business(v);
        out.heading(cv(Cv::Subject));
        out.text(&v.subject, theme::title());
        out.description(&v.description);
        out.attachments(v);
        out.links(v);
        out.notes(v);
        out.steps(v);
        out.timeline(v);
        out.conflicts(v);
        out.lines
    }
}

/// The lines being laid out, all at one width.
struct Page {
    width: usize,
    lines: Vec<Line<'static>>,
}

impl Page {
    fn new(width: usize) -> Page {
        Page {
            width,
            lines: Vec::new(),
        }
    }

    fn header(&mut self, v: &CaseView) {
        let mut status = vec![Span::styled(
            format!("[{}]", v.status_label),
            theme::title(),
        )];
        if v.overdue {
            status.push(Span::styled(
                format!(" ✗ {}", cv(Cv::Overdue)),
                theme::problem(),
            ));
        }
        if !v.conflicts.is_empty() {
            status.push(Span::styled(
                format!(" ⚑ {}", i18n::n(i18n::N::NeedsDecision)),
                theme::conflict(),
            ));
        }
        self.lines.push(Line::from(status));
        let mut deadline = v.deadline.clone();
        if !v.deadline_flags.is_empty() {
            deadline.push_str(&format!(" * {}", i18n::deadline_note(&v.deadline_flags)));
        }
        deadline.push_str(&format!(
            " · {}: {}",
            word(Word::WorkdaysUsed),
            v.workdays_used
        ));
        self.labelled(word(Word::Deadline), &deadline);
        if let Some(margin) = v.finished_margin {
            self.text(&i18n::finished_margin_text(margin), theme::label());
        }
        if let Some(opd) = &v.forwarded_to {
            self.labelled(word(Word::Forwarded), opd);
        }
        self.labelled(
            cv(Cv::Kind),
            &format!(
                "{} · {}: {} · {}: {}",
                v.kind,
                cv(Cv::Channel),
                v.channel,
                word(Word::Received),
                v.received_at
            ),
        );
    }

    /// Every contact field, or one line saying they are hidden.
    fn complainant(&mut self, v: &CaseView) {
        self.heading(cv(Cv::Complainant));
        let c = &v.complainant;
        let fields = [
            (cv(Cv::Name), &c.name),
            (cv(Cv::Nik), &c.nik),
            (cv(Cv::Phone), &c.phone),
            (cv(Cv::Email), &c.email),
            (cv(Cv::Address), &c.address),
        ];
        if c.hidden {
            let labels: Vec<&str> = fields.iter().map(|(label, _)| *label).collect();
            self.labelled_styled(&labels.join(" · "), word(Word::Hidden), theme::hint());
            return;
        }
        for (label, value) in fields {
            self.labelled(label, or_dash(value));
        }
    }

    fn business(&mut self, v: &CaseView) {
        self.heading(cv(Cv::Business));
        let b = &v.business;
        self.labelled(cv(Cv::BusinessName), or_dash(&b.name));
        self.labelled(
            cv(Cv::Nib),
            &format!(
                "{} · {}: {} · {}: {}",
                or_dash(&b.nib),
                cv(Cv::LicenceNo),
                or_dash(&b.licence_no),
                cv(Cv::LicenceType),
                or_dash(&b.licence_type)
            ),
        );
    }

    fn description(&mut self, text: &str) {
        self.heading(cv(Cv::Description));
        for paragraph in text.lines() {
            if paragraph.trim().is_empty() {
                self.lines.push(Line::raw(""));
            } else {
                self.text(paragraph, theme::label());
            }
        }
    }

    fn attachments(&mut self, v: &CaseView) {
        self.heading(cv(Cv::Attachments));
        if v.attachments.is_empty() {
            self.text(cv(Cv::Nothing), theme::hint());
        }
        for a in &v.attachments {
            let (mark, copy, style) = match a.copy {
                Integrity::Intact => ("✓", cv(Cv::CopyHeld), theme::ok()),
                Integrity::Damaged => ("✗", cv(Cv::CopySizeDiffers), theme::problem()),
                Integrity::Missing => ("✗", cv(Cv::CopyMissing), theme::problem()),
            };
            let mut line = format!("{} ({}) {mark} {copy}", a.name, size_text(a.size));
            if let Some(note) = &a.note {
                line.push_str(&format!(" · {} {note}", cv(Cv::OfNote)));
            }
            self.text(&line, style);
        }
    }

    fn links(&mut self, v: &CaseView) {
        self.heading(cv(Cv::Links));
        if v.links.to.is_none() && v.links.from.is_empty() {
            self.text(cv(Cv::Nothing), theme::hint());
        }
        if let Some(to) = &v.links.to {
            self.labelled(cv(Cv::LinkedTo), &to.line());
        }
        for from in &v.links.from {
            self.labelled(cv(Cv::LinkedFrom), &from.line());
        }
    }

    fn notes(&mut self, v: &CaseView) {
        self.heading(cv(Cv::Notes));
        if v.notes.is_empty() {
            self.text(cv(Cv::Nothing), theme::hint());
        }
        for n in &v.notes {
            let mut line = format!(
                "[{}] {} — {} — {} ({}): {}",
                n.id, n.kind, n.at, n.person, n.role, n.summary
            );
            let style = match (&n.withdrawn, &n.corrected_by) {
                (Some(reason), _) => {
                    line.push_str(&format!(" ({}: {reason})", cv(Cv::Withdrawn)));
                    theme::stale()
                }
                (None, Some(by)) => {
                    line.push_str(&format!(" ({} {by})", cv(Cv::CorrectedBy)));
                    theme::stale()
                }
                (None, None) => theme::label(),
            };
            self.text(&line, style);
        }
    }

    fn steps(&mut self, v: &CaseView) {
        self.heading(cv(Cv::Steps));
        for s in &v.steps {
            let (mark, style) = match s.state.as_str() {
                "done" if s.late == Some(true) => ("✔!", theme::problem()),
                "done" => ("✔ ", theme::ok()),
                "current" => ("▶ ", theme::title()),
                _ => ("· ", theme::hint()),
            };
            let mut line = format!("{mark}{} — {}", s.title, s.actor);
            if let Some(due) = &s.due_at {
                line.push_str(&format!(" · {} {}", word(Word::Due), minutes(due)));
            }
            if let Some(done) = &s.done_at {
                line.push_str(&format!(" · {} {}", word(Word::Done), minutes(done)));
            }
            if let Some(by) = &s.done_by {
                line.push_str(&format!(" {by}"));
            }
            self.text(&line, style);
        }
    }

    fn timeline(&mut self, v: &CaseView) {
        self.heading(cv(Cv::Timeline));
        for t in &v.timeline {
            let who = if t.on_behalf {
                format!("{} ({} {})", t.person, word(Word::OnBehalf), t.role)
            } else {
                format!("{} ({})", t.person, t.role)
            };
            self.hanging(
                format!("{}  ", minutes(&t.at)),
                &format!("{who}: {}", t.summary),
                theme::label(),
            );
        }
    }

    fn conflicts(&mut self, v: &CaseView) {
        self.heading(cv(Cv::Conflicts));
        if v.conflicts.is_empty() {
            self.text(cv(Cv::Nothing), theme::hint());
        }
        for c in &v.conflicts {
            self.text(
                &format!("⚑ {}: {}", i18n::n(i18n::N::NeedsDecision), c.label),
                theme::conflict(),
            );
            for value in &c.values {
                self.hanging(
                    "  ".to_string(),
                    &format!(
                        "\"{}\" · {} {} · {} ({}) · {}",
                        value.value,
                        word(Word::Desk),
                        value.desk,
                        value.person,
                        value.role,
                        value.at
                    ),
                    theme::label(),
                );
            }
        }
    }

    fn actions(&mut self, v: &CaseView, mine: Option<&[String]>) {
        self.heading(cv(Cv::Actions));
        if let Some(mine) = mine {
            if mine.is_empty() {
                self.text(cv(Cv::NoActions), theme::hint());
            }
            for line in mine {
                self.text(line, theme::label());
            }
            return;
        }
        if v.allowed.is_empty() {
            self.text(cv(Cv::NoActions), theme::hint());
        }
        for (role, labels) in &v.allowed {
            self.labelled(role, &labels.join(", "));
        }
    }

    /// A blank line and the section's name across the width.
    fn heading(&mut self, name: &str) {
        self.lines.push(Line::raw(""));
        let head = format!("── {name} ");
        let rule = "─".repeat(self.width.saturating_sub(head.width()));
        self.lines
            .push(Line::styled(format!("{head}{rule}"), theme::title()));
    }

    fn labelled(&mut self, label: &str, value: &str) {
        self.labelled_styled(label, value, theme::label());
    }

    /// `label: value`, the value's further lines under its start (or a
    /// little indented when the label takes most of the width).
    fn labelled_styled(&mut self, label: &str, value: &str, style: Style) {
        let head = if label.is_empty() {
            String::new()
        } else {
            format!("{label}: ")
        };
        self.hanging(head, value, style);
    }

    /// `head` then `value`, the value's further lines under its start.
    fn hanging(&mut self, head: String, value: &str, style: Style) {
        let indent = if head.width() * 2 <= self.width {
            head.width()
        } else {
            2
        };
        let first = self.width.saturating_sub(head.width()).max(1);
        let rest = self.width.saturating_sub(indent).max(1);
        for (i, chunk) in wrap(value, first, rest).into_iter().enumerate() {
            let lead = if i == 0 {
                Span::styled(head.clone(), theme::hint())
            } else {
                Span::raw(" ".repeat(indent))
            };
            self.lines
                .push(Line::from(vec![lead, Span::styled(chunk, style)]));
        }
    }

    /// A line of text wrapped, its further lines indented by two.
    fn text(&mut self, value: &str, style: Style) {
        let rest = self.width.saturating_sub(2).max(1);
        for (i, chunk) in wrap(value, self.width, rest).into_iter().enumerate() {
            let chunk = if i == 0 { chunk } else { format!("  {chunk}") };
            self.lines.push(Line::styled(chunk, style));
        }
    }
}

/// Splits `text` at spaces into lines of at most `first` columns, then
/// `rest` columns; a word longer than a line is broken. Never drops text.
fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = Vec::new();
    // A line's own indent (a list typed into the description) is kept.
    let body = text.trim_start_matches(' ');
    let mut line = " ".repeat((text.len() - body.len()).min(first / 2));
    let room = |lines: &Vec<String>| if lines.is_empty() { first } else { rest };
    for word in body.split(' ') {
        let needed = word.width() + usize::from(!line.trim_start().is_empty());
        if line.width() + needed <= room(&lines) {
            if !line.trim_start().is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.trim_start().is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > room(&lines) {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    lines.push(line);
    lines
}

fn or_dash(value: &str) -> &str {
    if value.is_empty() { "-" } else { value }
}

/// `2026-03-16T09:15:00+07:00` as `2026-03-16 09:15`.
fn minutes(rfc3339: &str) -> String {
    rfc3339
        .chars()
        .take(16)
        .collect::<String>()
        .replace('T', " ")
}

fn size_text(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
        b if b >= 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{b} B"),
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_keeps_every_word_and_breaks_long_ones() {
        let lines = wrap("satu dua tiga empat", 9, 9);
        assert_eq!(lines, ["satu dua", "tiga", "empat"]);
        let lines = wrap("abcdefghijkl", 5, 5);
        assert_eq!(lines, ["abcde", "fghij", "kl"]);
        assert_eq!(wrap("", 5, 5), [""]);
        assert_eq!(wrap("  - satu dua", 8, 8), ["  - satu", "dua"]);
    }
}
