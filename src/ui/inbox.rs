//! The disposition inbox (Disposisi): the office's cases by queue, the
//! selected case's SOP checklist and timeline, and the actions its current
//! step allows. Rows page in from SQL in deadline order.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, TableState, Tabs};

use super::action::Action;
use super::columns::{self, Column};
use super::tab::Command;
use super::theme;
use crate::config::Person;
use crate::domain::workflow::ActionKind;
use crate::i18n::{self, T, Word, t, word};
use crate::service::{CaseDetail, Desk, Queue, RowTiming, StepView, Urgency};
use crate::store::CaseRow;

const PAGE: u32 = 100;

/// The mark of a case that needs a decision: two desks changed it apart.
pub const CONFLICT_MARK: &str = "⚑";

pub struct Inbox {
    pub queue: Queue,
    rows: Vec<CaseRow>,
    selected: usize,
    exhausted: bool,
    pub detail: Option<CaseDetail>,
    pub error: Option<String>,
}

impl Inbox {
    pub fn new() -> Inbox {
        Inbox {
            queue: Queue::Mine,
            rows: Vec::new(),
            selected: 0,
            exhausted: false,
            detail: None,
            error: None,
        }
    }

    /// Loads the first page of the queue again, keeping the selected case
    /// when it is still there, else the cursor's place (the case an action
    /// moved out of the queue gives its row to the next one).
    pub fn reload(&mut self, desk: &Desk, person: &Person) {
        let keep = self.rows.get(self.selected).map(|r| r.agenda_no.clone());
        let place = self.selected;
        self.rows.clear();
        self.exhausted = false;
        self.load_more(desk, person);
        while let Some(agenda) = &keep {
            if let Some(i) = self.rows.iter().position(|r| &r.agenda_no == agenda) {
                self.selected = i;
                break;
            }
            if self.exhausted || self.rows.len() > 5_000 {
                self.selected = place;
                break;
            }
            self.load_more(desk, person);
        }
        if keep.is_none() {
            self.selected = 0;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.load_detail(desk);
    }

    fn load_more(&mut self, desk: &Desk, person: &Person) {
        let after = self.rows.last().map(|r| (r.deadline.clone(), r.n));
        match desk.queue_page(self.queue, person, after, PAGE) {
            Ok(rows) => {
                self.exhausted = (rows.len() as u32) < PAGE;
                self.rows.extend(rows);
                self.error = None;
            }
            Err(e) => {
                // Stop paging: a read that fails now would fail again.
                self.exhausted = true;
                self.error = Some(e.text());
            }
        }
    }

    fn load_detail(&mut self, desk: &Desk) {
        self.detail = self
            .rows
            .get(self.selected)
            .and_then(|r| desk.show(&r.agenda_no).ok());
    }

    fn move_to(&mut self, target: usize, desk: &Desk, person: &Person) {
        while target + 1 >= self.rows.len() && !self.exhausted {
            self.load_more(desk, person);
        }
        let target = target.min(self.rows.len().saturating_sub(1));
        if target != self.selected {
            self.selected = target;
            self.load_detail(desk);
        }
    }

    /// What an action does here; the case it needs is the selected one.
    pub fn on_action(&mut self, action: Action, desk: &Desk, person: &Person) -> Option<Command> {
        let page = 10;
        let agenda = self.rows.get(self.selected).map(|r| r.agenda_no.clone());
        match action {
            Action::Down => self.move_to(self.selected + 1, desk, person),
            Action::Up => self.move_to(self.selected.saturating_sub(1), desk, person),
            Action::PageDown => self.move_to(self.selected + page, desk, person),
            Action::PageUp => self.move_to(self.selected.saturating_sub(page), desk, person),
            Action::First => self.move_to(0, desk, person),
            Action::Queue(queue) => {
                self.queue = queue;
                self.rows.clear();
                self.selected = 0;
                self.reload(desk, person);
            }
            Action::Open => return agenda.map(Command::OpenCase),
            Action::Investigate => return agenda.map(Command::Investigate),
            Action::NewNote => return agenda.map(Command::NewNote),
            Action::Settle => return agenda.map(Command::Settle),
            Action::Act(kind) => return agenda.map(|a| Command::Act(a, kind)),
            _ => {}
        }
        None
    }

    /// The actions the person may take on the selected case now.
    pub fn allowed(&self, desk: &Desk, person: &Person) -> Vec<ActionKind> {
        self.detail
            .as_ref()
            .map_or_else(Vec::new, |d| allowed(d, desk, person))
    }

    /// Selects the row drawn at this line of the terminal (a mouse click).
    pub fn click(&mut self, row: u16, body: Rect, desk: &Desk, person: &Person) {
        let [_, list, _] = Self::layout(body);
        // Below the header row.
        let (top, height) = (list.y + 1, list.height.saturating_sub(1));
        if row < top || row >= top + height {
            return;
        }
        let start = self
            .selected
            .saturating_sub((height as usize).saturating_sub(1));
        self.move_to(start + usize::from(row - top), desk, person);
    }

    /// The queue bar, the list and the selected case's pane.
    fn layout(area: Rect) -> [Rect; 3] {
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Percentage(45),
            Constraint::Min(8),
        ])
        .areas(area)
    }

    pub fn draw(&self, f: &mut Frame<'_>, area: Rect, desk: &Desk, person: &Person) {
        let [queues, list, detail] = Self::layout(area);
        let names: Vec<String> = [
            T::QueueMine,
            T::QueueOpen,
            T::QueueOverdue,
            T::QueuePaused,
            T::QueueForwarded,
            T::QueueClosed,
        ]
        .iter()
        .enumerate()
        .map(|(i, q)| format!("F{} {}", i + 2, t(*q)))
        .collect();
        let current = Queue::ALL
            .iter()
            .position(|q| *q == self.queue)
            .unwrap_or(0);
        f.render_widget(
            Tabs::new(names)
                .select(current)
                .highlight_style(theme::tab_active())
                .divider("")
                .padding("", " "),
            queues,
        );
        self.draw_list(f, list, desk);
        self.draw_detail(f, detail, desk, person);
    }

    fn draw_list(&self, f: &mut Frame<'_>, area: Rect, desk: &Desk) {
        if let Some(e) = &self.error {
            return f.render_widget(
                Paragraph::new(Span::styled(e.clone(), theme::problem())),
                area,
            );
        }
        if self.rows.is_empty() {
            let p = Paragraph::new(t(T::QueueEmpty)).block(Block::default().borders(Borders::TOP));
            return f.render_widget(p, area);
        }
        let declared = queue_columns();
        let columns: Vec<Column> = declared.iter().map(|(_, c)| *c).collect();
        let fit = columns::fit(&columns, area.width);
        // Only the rows on screen are built: a queue may hold a million cases.
        let height = area.height.saturating_sub(1) as usize;
        let start = self.selected.saturating_sub(height.saturating_sub(1));
        let rows = self.rows.iter().skip(start).take(height).map(|r| {
            let timing = desk.row_timing(r);
            let cells = fit
                .shown()
                .map(|(i, width)| queue_cell(declared[i].0, r, &timing, width, desk));
            Row::new(cells.collect::<Vec<_>>())
        });
        let header = fit.shown().map(|(i, width)| match declared[i].0 {
            QueueCol::Left => columns::cell_right(columns[i].header, width),
            _ => columns::cell(columns[i].header, width),
        });
        let table = Table::new(rows, fit.constraints())
            .column_spacing(columns::GAP)
            .header(Row::new(header.collect::<Vec<_>>()).style(theme::title()))
            .row_highlight_style(theme::focused());
        let mut state = TableState::default().with_selected(Some(self.selected - start));
        f.render_stateful_widget(table, area, &mut state);
    }

    fn draw_detail(&self, f: &mut Frame<'_>, area: Rect, desk: &Desk, person: &Person) {
        let block = Block::default().borders(Borders::TOP);
        let inner = block.inner(area);
        f.render_widget(block, area);
        let Some(d) = &self.detail else { return };
        // What needs a decision comes before the checklist, leaving it two rows.
        let conflicts = conflict_lines(d);
        let room = inner.height.saturating_sub(2 + 2 + 2);
        let [head, decide, body, actions] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length((conflicts.len() as u16).min(room)),
            Constraint::Min(2),
            Constraint::Length(2),
        ])
        .areas(inner);
        f.render_widget(Paragraph::new(conflicts), decide);
        let name = d
            .complainant
            .get("name")
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let shown = if d.confidential || d.anonymous {
            word(Word::Hidden)
        } else {
            name
        };
        let mut rest = format!(
            "[{}]  {}: {}",
            i18n::status_label_by_id(&d.status),
            word(Word::Deadline),
            d.deadline
        );
        if !d.deadline_flags.is_empty() {
            rest.push_str(&format!(" * {}", i18n::deadline_note(&d.deadline_flags)));
        }
        // The name gives way first, so the deadline stays whole.
        let fixed = columns::display_width(&d.agenda_no) + 4 + columns::display_width(&rest);
        let room = usize::from(head.width).saturating_sub(fixed);
        let shown = columns::cell(shown, u16::try_from(room).unwrap_or(u16::MAX));
        let first = format!("{}  {shown}  {rest}", d.agenda_no);
        // Cut with a mark: the full values are in the panes below and in `case show`.
        // Where the case went comes before the subject: the agency's name
        // is read whole at any width.
        let second = match &d.forwarded_to {
            Some(opd) => format!("→ {opd} · {}", d.subject),
            None => d.subject.clone(),
        };
        let head_lines = vec![
            Line::styled(columns::cell(&first, head.width), theme::title()),
            Line::raw(columns::cell(&second, head.width)),
        ];
        f.render_widget(Paragraph::new(head_lines), head);
        let [steps, timeline] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(body);
        f.render_widget(Paragraph::new(step_lines(d, steps, desk)), steps);
        let block = Block::default().borders(Borders::LEFT);
        let events = timeline_lines(d, block.inner(timeline), desk);
        f.render_widget(Paragraph::new(events).block(block), timeline);
        let allowed = self.allowed(desk, person);
        let mut keys: Vec<String> = allowed
            .iter()
            .map(|a| format!("[{}] {}", action_key(*a), i18n::action_label(*a)))
            .collect();
        if d.conflicts.iter().any(|c| c.topic.starts_with("field:")) {
            keys.push(format!("[c] {}", t(T::SettleAction)));
        }
        let text = if keys.is_empty() {
            format!("{}: {}", t(T::Actions), t(T::NoActions))
        } else {
            format!("{}: {}", t(T::Actions), keys.join("  "))
        };
        f.render_widget(
            Paragraph::new(Span::styled(text, theme::hint()))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            actions,
        );
    }
}

impl Default for Inbox {
    fn default() -> Inbox {
        Inbox::new()
    }
}

use crate::domain::fold::END_TOPIC;

/// Each conflict of the case: what it concerns and how it is settled, then
/// every value standing with its desk, person and time.
fn conflict_lines(d: &CaseDetail) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for c in &d.conflicts {
        let step = c.topic.starts_with("step:");
        let how = if c.topic.starts_with("field:") {
            t(T::ConflictFieldHint)
        } else if c.topic == format!("step:{END_TOPIC}") {
            t(T::ConflictEndHint)
        } else if step {
            t(T::ConflictStepHint)
        } else {
            t(T::ConflictNoteHint)
        };
        // The hint first: a step's title can fill the line.
        lines.push(Line::from(vec![
            Span::styled(
                format!("{CONFLICT_MARK} {}", t(T::NeedsDecision)),
                theme::conflict(),
            ),
            Span::styled(format!(" ({how})"), theme::hint()),
            Span::styled(format!(": {}", c.label), theme::conflict()),
        ]));
        for v in &c.values {
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(v.value.clone(), theme::title()),
                Span::raw(format!(" · {} · {} · {}", v.desk, v.person, v.at)),
                // The code `case settle --keep` takes.
                Span::styled(
                    if step {
                        format!(" [{}]", v.event)
                    } else {
                        String::new()
                    },
                    theme::hint(),
                ),
            ]));
        }
    }
    lines
}

/// The SOP checklist in `area`, each step wrapped to its width, scrolled so
/// the current step and the one after it show.
fn step_lines(d: &CaseDetail, area: Rect, desk: &Desk) -> Vec<Line<'static>> {
    let shown: Vec<_> = d
        .steps
        .iter()
        .filter(|s| s.state != "pending" || d.current_step.is_some())
        .collect();
    let blocks: Vec<Vec<Line<'static>>> = shown
        .iter()
        .map(|s| step_block(s, &d.sop, area.width, desk))
        .collect();
    let current = shown
        .iter()
        .position(|s| s.state == "current")
        .unwrap_or(shown.len().saturating_sub(1));
    let start = scroll_to(&blocks, current, area.height as usize);
    blocks
        .into_iter()
        .skip(start)
        .flatten()
        .take(area.height as usize)
        .collect()
}

/// The first block to show so that block `current` and the one after it
/// fit in `height` lines, with as many before them as there is room for.
fn scroll_to(blocks: &[Vec<Line<'static>>], current: usize, height: usize) -> usize {
    let Some(first) = blocks.get(current) else {
        return 0;
    };
    let mut used = first.len() + blocks.get(current + 1).map_or(0, Vec::len);
    let mut start = current;
    while start > 0 && used + blocks[start - 1].len() <= height {
        start -= 1;
        used += blocks[start].len();
    }
    start
}

/// One step of the checklist: mark, short title, actor, standard, when and
/// by whom.
fn step_block(s: &StepView, sop: &str, width: u16, desk: &Desk) -> Vec<Line<'static>> {
    let (mark, style) = match s.state.as_str() {
        "done" if s.late == Some(true) => ("✔!", Style::new().fg(Color::Red)),
        "done" => ("✔ ", Style::new().fg(Color::Green)),
        "current" => ("▶ ", theme::title()),
        _ => ("· ", theme::hint()),
    };
    let when = s
        .done_at
        .as_deref()
        .or(s.due_at.as_deref())
        .and_then(|w| w.get(5..16))
        .unwrap_or("")
        .replace('T', " ");
    let by = s
        .done_by
        .as_deref()
        .map(|p| format!(" {p}"))
        .unwrap_or_default();
    let text = format!(
        "{mark}{} ({}, {}) {when}{by}",
        s.short,
        desk.role_label(sop, &s.actor),
        desk.work_time(s.minutes)
    );
    columns::wrap(&text, width, 2)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// The newest events that fit in `area`, each wrapped to its width.
fn timeline_lines(d: &CaseDetail, area: Rect, desk: &Desk) -> Vec<Line<'static>> {
    let height = area.height as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    for e in d.timeline.iter().rev() {
        let who = if e.on_behalf {
            let role = desk.role_label(&d.sop, &e.role);
            format!("{} ({} {role})", e.person, word(Word::OnBehalf))
        } else {
            e.person.clone()
        };
        let text = format!(
            "{} {} · {}",
            e.at.get(5..16).unwrap_or("").replace('T', " "),
            who,
            e.summary
        );
        let block = columns::wrap(&text, area.width, 2);
        if !lines.is_empty() && lines.len() + block.len() > height {
            break;
        }
        // Newest last, as before: older events go on top.
        lines.splice(0..0, block.into_iter().map(Line::raw));
        if lines.len() >= height {
            break;
        }
    }
    lines.truncate(height);
    lines
}

/// The queue's columns, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QueueCol {
    Agenda,
    Received,
    Complainant,
    Subject,
    Step,
    Holder,
    Used,
    Deadline,
    Left,
}

/// The urgency mark, the conflict mark, then the agenda number.
const AGENDA_WIDTH: u16 = 20;

/// What the queue shows, most important first: the agenda number, days
/// left and the deadline are never cut; at 80 columns the subject and the
/// step share what is left, and from about 100 columns on who holds the
/// step, the time it has taken, the complainant and the day received join.
fn queue_columns() -> [(QueueCol, Column); 9] {
    [
        (
            QueueCol::Agenda,
            Column::fixed(word(Word::AgendaNo), AGENDA_WIDTH, 100),
        ),
        (QueueCol::Received, Column::fixed(t(T::ColDate), 5, 20)),
        (
            QueueCol::Complainant,
            Column::flexible(word(Word::Complainant), 10, 16, 40),
        ),
        (
            QueueCol::Subject,
            Column::flexible(word(Word::Subject), 12, 27, 85).filling(),
        ),
        (
            QueueCol::Step,
            Column::flexible(word(Word::Step), 12, 24, 80),
        ),
        (
            QueueCol::Holder,
            Column::flexible(word(Word::Actor), 9, 12, 50),
        ),
        (QueueCol::Used, Column::flexible(t(T::ColUsed), 8, 9, 45)),
        (QueueCol::Deadline, Column::fixed(t(T::ColDeadline), 5, 90)),
        (QueueCol::Left, Column::fixed(t(T::ColLeft), 6, 95)),
    ]
}

fn queue_cell(
    col: QueueCol,
    r: &CaseRow,
    timing: &RowTiming,
    width: u16,
    desk: &Desk,
) -> Line<'static> {
    let (symbol, color) = urgency_mark(timing.urgency);
    let text = match col {
        QueueCol::Agenda => {
            // Urgency, then ⚑ when the case needs a decision.
            let conflict = if r.conflicts > 0 {
                Span::styled(CONFLICT_MARK, theme::conflict())
            } else {
                Span::raw(" ")
            };
            return Line::from(vec![
                Span::styled(symbol, Style::new().fg(color)),
                conflict,
                Span::styled(r.agenda_no.clone(), Style::new().fg(color)),
            ]);
        }
        QueueCol::Left => {
            let left = columns::cell_right(&timing.left_text(), width);
            return Line::styled(left, Style::new().fg(color));
        }
        QueueCol::Received => desk.day_month(r.received_at),
        QueueCol::Complainant if r.confidential || r.anonymous => word(Word::Hidden).into(),
        QueueCol::Complainant => r.name.clone(),
        QueueCol::Subject => r.subject.clone(),
        QueueCol::Step => match &r.step {
            Some(step) => desk.step_label(&r.sop, step).to_string(),
            None => i18n::status_label_by_id(&r.status).to_string(),
        },
        QueueCol::Holder => r
            .step_actor
            .as_deref()
            .map(|a| desk.role_label(&r.sop, a).to_string())
            .unwrap_or_default(),
        QueueCol::Used => timing
            .step_used
            .map(|(u, s)| format!("{}/{}", desk.work_time(u), desk.work_time(s)))
            .unwrap_or_else(|| "-".into()),
        QueueCol::Deadline => columns::day_month(&r.deadline),
    };
    Line::raw(columns::cell(&text, width))
}

fn urgency_mark(u: Urgency) -> (&'static str, Color) {
    match u {
        Urgency::OnTime => ("·", Color::Green),
        Urgency::DueToday => ("!", Color::Yellow),
        Urgency::Late => ("✗", Color::Red),
        Urgency::Paused => ("‖", Color::Cyan),
        Urgency::Finished => ("✓", Color::Reset),
    }
}

/// The key of an SOP action in the inbox, as the key map holds it.
pub fn action_key(a: ActionKind) -> String {
    // A step's note is written through the notes' forms, like any note.
    let action = match a {
        ActionKind::Note => Action::NewNote,
        other => Action::Act(other),
    };
    super::keymap::key_of(super::keymap::Scope::Inbox, action)
}

/// The actions a person may take on a case now, by the roles they hold.
pub fn allowed(d: &CaseDetail, desk: &Desk, person: &Person) -> Vec<ActionKind> {
    let roles = desk.roles_of(person);
    let mut out: Vec<ActionKind> = Vec::new();
    for (role, actions) in &d.allowed {
        if roles.contains(role) {
            for a in actions.iter().filter_map(|a| ActionKind::parse(a)) {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
    }
    out
}
