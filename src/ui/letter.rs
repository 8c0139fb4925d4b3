//! The letter window over the case view (`w`): the case's forwarding letter
//! or reply, its number, stage and body; the konsep edited in a text area
//! and saved as a new version; paraf, signature and sending recorded (on a
//! head's behalf where the SOP's step says so) after a question. A refusal
//! keeps the window open with the reason.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use super::action::{Action, Focus};
use super::field::{area_is_empty, area_key, area_paste, area_text, draw_area, new_area};
use super::keymap::Scope;
use super::popup::centered;
use super::theme;
use crate::config::Person;
use crate::domain::letter::{self, Letter, LetterAct, LetterKind, Stamp};
use crate::i18n::keys::{K, k};
use crate::i18n::letters::{act_label, capitalised, kind_label};
use crate::i18n::paper_ui::{Pu, ask_act, pu, stage_label};
use crate::i18n::{LetterMsg, Lw, lw};
use crate::service::Desk;
use crate::service::letters::DraftInput;

enum Mode {
    Read,
    Edit(Box<TextArea<'static>>),
    /// Whether to record `act` as `role`; the question in words.
    Ask {
        act: LetterAct,
        role: Option<String>,
        text: String,
    },
    /// Whether to drop the edited text (kept here to go back to).
    Discard(Box<TextArea<'static>>),
}

pub struct LetterWindow {
    pub agenda: String,
    kinds: Vec<LetterKind>,
    index: usize,
    letters: Vec<Letter>,
    /// The case's step now: the letter act it is done with, and its actor.
    step: Option<(Option<(LetterKind, LetterAct)>, String)>,
    sop: String,
    /// The SOP's roles: id and short name.
    roles: Vec<(String, String)>,
    mode: Mode,
    error: Option<String>,
    scroll: u16,
    /// The text each kind not yet drafted starts from.
    starting: Vec<(LetterKind, String)>,
}

/// What a key in the letter window leads to.
pub enum LetterOutcome {
    Open,
    Close,
    /// Something was recorded: the status line's words; the case is read again.
    Recorded(String),
}

impl LetterWindow {
    /// The letters of case `agenda`, or why they cannot be read.
    pub fn open(desk: &Desk, agenda: &str) -> Result<LetterWindow, String> {
        let mut w = LetterWindow {
            agenda: agenda.to_string(),
            kinds: Vec::new(),
            index: 0,
            letters: Vec::new(),
            step: None,
            sop: String::new(),
            roles: Vec::new(),
            mode: Mode::Read,
            error: None,
            scroll: 0,
            starting: Vec::new(),
        };
        w.reload(desk)?;
        Ok(w)
    }

    /// Reads the case's letters and step again; the kind shown stays.
    fn reload(&mut self, desk: &Desk) -> Result<(), String> {
        let detail = desk.show(&self.agenda).map_err(|e| e.text())?;
        self.letters = desk.letters(&self.agenda).map_err(|e| e.text())?;
        let shown = self.kinds.get(self.index).copied();
        // Only the letters the case can have: a forwarding letter once it is
        // decided outside the office's authority, a reply otherwise.
        self.kinds = LetterKind::ALL
            .into_iter()
            .filter(|&k| {
                self.letters.iter().any(|l| l.kind == k)
                    || match k {
                        LetterKind::Penerusan => detail.forwarded_to.is_some(),
                        LetterKind::Jawaban => detail.forwarded_to.is_none(),
                    }
            })
            .collect();
        self.index = shown
            .and_then(|s| self.kinds.iter().position(|&k| k == s))
            .unwrap_or(0);
        self.starting = self
            .kinds
            .iter()
            .filter(|k| !self.letters.iter().any(|l| l.kind == **k))
            .filter_map(|&k| Some((k, desk.letter_starting_text(&self.agenda, k).ok()?)))
            .collect();
        let sop = desk.sops.by_id(&detail.sop);
        self.sop = detail.sop.clone();
        self.roles = sop.map_or_else(Vec::new, |s| {
            s.roles
                .iter()
                .map(|r| (r.id.clone(), r.short.clone()))
                .collect()
        });
        self.step = sop
            .zip(detail.current_step.as_deref())
            .and_then(|(s, id)| s.step(id))
            .map(|s| (s.letter, s.actor.clone()));
        Ok(())
    }

    /// The kind of letter shown, if the case can have any.
    pub fn kind(&self) -> Option<LetterKind> {
        self.kinds.get(self.index).copied()
    }

    fn letter(&self) -> Option<&Letter> {
        let kind = self.kind()?;
        self.letters.iter().find(|l| l.kind == kind)
    }

    pub fn scope(&self) -> Scope {
        match self.mode {
            Mode::Read => Scope::Letter,
            Mode::Edit(_) => Scope::LetterEdit,
            Mode::Ask { .. } | Mode::Discard(_) => Scope::Question,
        }
    }

    pub fn focus(&self) -> Focus {
        match &self.mode {
            Mode::Edit(area) => Focus::Area {
                empty: area_is_empty(area),
            },
            _ => Focus::None,
        }
    }

    /// Text typed into the konsep and not saved.
    pub fn unsaved(&self) -> bool {
        matches!(self.mode, Mode::Edit(_) | Mode::Discard(_))
    }

    pub fn paste(&mut self, text: &str) {
        if let Mode::Edit(area) = &mut self.mode {
            area_paste(area, text);
        }
    }

    pub fn handle(
        &mut self,
        action: Option<Action>,
        key: KeyEvent,
        desk: &mut Desk,
        person: &Person,
    ) -> LetterOutcome {
        match std::mem::replace(&mut self.mode, Mode::Read) {
            Mode::Read => self.read_key(action, desk, person),
            Mode::Edit(area) => self.edit_key(area, action, key, desk, person),
            Mode::Ask { act, role, text } => match action {
                Some(Action::Confirm) => self.record(act, role.as_deref(), desk, person),
                Some(Action::Cancel) => LetterOutcome::Open,
                _ => {
                    self.mode = Mode::Ask { act, role, text };
                    LetterOutcome::Open
                }
            },
            Mode::Discard(area) => {
                if action != Some(Action::Confirm) {
                    self.mode = Mode::Edit(area);
                }
                LetterOutcome::Open
            }
        }
    }

    fn read_key(&mut self, action: Option<Action>, desk: &Desk, person: &Person) -> LetterOutcome {
        let n = self.kinds.len().max(1);
        match action {
            Some(Action::Cancel) => return LetterOutcome::Close,
            Some(Action::OptionNext | Action::NextField) => self.switch((self.index + 1) % n),
            Some(Action::OptionPrev | Action::PrevField) => self.switch((self.index + n - 1) % n),
            Some(Action::Down) => self.scroll = self.scroll.saturating_add(1),
            Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::PageDown) => self.scroll = self.scroll.saturating_add(10),
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(10),
            Some(Action::EditLetter) => self.start_edit(),
            Some(Action::Paraf) => self.ask(LetterAct::Paraf, desk, person),
            Some(Action::Sign) => self.ask(LetterAct::Ttd, desk, person),
            Some(Action::Send) => self.ask(LetterAct::Kirim, desk, person),
            _ => {}
        }
        LetterOutcome::Open
    }

    fn switch(&mut self, index: usize) {
        self.index = index;
        self.scroll = 0;
        self.error = None;
    }

    /// The konsep in a text area: the latest version, or for a new letter
    /// the text drafted from the case.
    fn start_edit(&mut self) {
        if self.kind().is_none() {
            self.error = Some(pu(Pu::NoKind).into());
            return;
        }
        if let Err(p) = letter::check_draft(self.letter()) {
            self.error = Some(LetterMsg::Rule(p).text());
            return;
        }
        self.error = None;
        let body = self.starting_body().to_string();
        let mut area = new_area(&body);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        self.mode = Mode::Edit(Box::new(area));
    }

    fn edit_key(
        &mut self,
        mut area: Box<TextArea<'static>>,
        action: Option<Action>,
        key: KeyEvent,
        desk: &mut Desk,
        person: &Person,
    ) -> LetterOutcome {
        match action {
            Some(Action::Save) => return self.save(area, desk, person),
            Some(Action::Cancel) if self.edited(&area) => self.mode = Mode::Discard(area),
            Some(Action::Cancel) => {}
            _ => {
                area_key(&mut area, key);
                self.mode = Mode::Edit(area);
            }
        }
        LetterOutcome::Open
    }

    fn edited(&self, area: &TextArea<'_>) -> bool {
        area_text(area) != self.starting_body()
    }

    /// What the text area opens with.
    fn starting_body(&self) -> &str {
        match (self.letter(), self.kind()) {
            (Some(l), _) => l.body(),
            (None, Some(kind)) => self
                .starting
                .iter()
                .find(|(k, _)| *k == kind)
                .map_or("", |(_, t)| t.as_str()),
            (None, None) => "",
        }
    }

    /// Saves the text as a new version; empty, the service drafts it.
    fn save(
        &mut self,
        area: Box<TextArea<'static>>,
        desk: &mut Desk,
        person: &Person,
    ) -> LetterOutcome {
        let Some(kind) = self.kind() else {
            return LetterOutcome::Open;
        };
        let text = area_text(&area);
        let input = DraftInput {
            body: (!text.trim().is_empty()).then_some(text),
            notes: Vec::new(),
        };
        let role = self.role_for(kind, LetterAct::Konsep, desk);
        let result = desk
            .acting_as(Some(&person.name), role.as_deref())
            .and_then(|who| desk.draft_letter(&self.agenda, kind, &input, &who));
        match result {
            Ok(letter) => self.recorded(desk, LetterAct::Konsep, &letter),
            Err(e) => {
                self.error = Some(e.text());
                self.mode = Mode::Edit(area);
                LetterOutcome::Open
            }
        }
    }

    /// The role an act is recorded as: the actor of the case's step when
    /// the act does that step (a head's, on their behalf); otherwise the
    /// head whose act it is on paper (paraf: Kabid DIP, signature: Kadis),
    /// or the person's own role.
    fn role_for(&self, kind: LetterKind, act: LetterAct, desk: &Desk) -> Option<String> {
        if let Some((Some(done), actor)) = &self.step
            && *done == (kind, act)
        {
            return Some(actor.clone());
        }
        let head = match act {
            LetterAct::Paraf => "kabid-dip",
            LetterAct::Ttd => "kadis",
            _ => return None,
        };
        desk.sops
            .by_id(&self.sop)
            .and_then(|s| s.role(head))
            .map(|r| r.id.clone())
    }

    fn role_short<'a>(&'a self, id: &'a str) -> &'a str {
        self.roles
            .iter()
            .find(|(r, _)| r == id)
            .map_or(id, |(_, short)| short.as_str())
    }

    fn ask(&mut self, act: LetterAct, desk: &Desk, person: &Person) {
        let (Some(kind), Some(l)) = (self.kind(), self.letter()) else {
            self.error = Some(pu(Pu::NoLetterYet).into());
            return;
        };
        let role = self.role_for(kind, act, desk);
        let as_whom = self.role_short(role.as_deref().unwrap_or(&person.role));
        let text = ask_act(act_label(act), kind_label(kind), l.version(), as_whom);
        self.error = None;
        self.mode = Mode::Ask { act, role, text };
    }

    fn record(
        &mut self,
        act: LetterAct,
        role: Option<&str>,
        desk: &mut Desk,
        person: &Person,
    ) -> LetterOutcome {
        let Some(kind) = self.kind() else {
            return LetterOutcome::Open;
        };
        let result = desk
            .acting_as(Some(&person.name), role)
            .and_then(|who| desk.letter_act(&self.agenda, kind, act, &who));
        match result {
            Ok(letter) => self.recorded(desk, act, &letter),
            Err(e) => {
                self.error = Some(e.text());
                LetterOutcome::Open
            }
        }
    }

    fn recorded(&mut self, desk: &Desk, act: LetterAct, letter: &Letter) -> LetterOutcome {
        self.error = self.reload(desk).err();
        let line = format!(
            "{}: {} {} {} — {}",
            k(K::Recorded),
            act_label(act),
            kind_label(letter.kind),
            letter.number,
            self.agenda
        );
        LetterOutcome::Recorded(line)
    }

    pub fn draw(&self, f: &mut Frame<'_>, body: Rect) {
        let width = body.width.saturating_sub(4).min(96);
        let area = centered(body, width, body.height.saturating_sub(1));
        f.render_widget(Clear, area);
        let title = format!(" {} {} ", pu(Pu::LetterTitle), self.agenda);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title, theme::title()));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let head = self.head_lines();
        let head_height = rows_of(&head, inner.width);
        let [head_area, text_area, said_area, foot_area] = Layout::vertical([
            Constraint::Length(head_height),
            Constraint::Min(3),
            Constraint::Length(self.said_height(inner.width)),
            Constraint::Length(1),
        ])
        .areas(inner);
        f.render_widget(Paragraph::new(head).wrap(Wrap { trim: false }), head_area);
        match &self.mode {
            Mode::Edit(a) | Mode::Discard(a) => draw_area(f, a, text_area, true),
            _ => self.draw_body(f, text_area),
        }
        f.render_widget(
            Paragraph::new(self.said_lines()).wrap(Wrap { trim: false }),
            said_area,
        );
        f.render_widget(
            Paragraph::new(Line::styled(self.foot(), theme::hint())),
            foot_area,
        );
    }

    fn draw_body(&self, f: &mut Frame<'_>, at: Rect) {
        let lines: Vec<Line> = match self.letter() {
            Some(l) => l.body().lines().map(|s| Line::raw(s.to_string())).collect(),
            None if self.kind().is_none() => vec![Line::styled(pu(Pu::NoKind), theme::hint())],
            None => vec![Line::styled(pu(Pu::NoLetterYet), theme::hint())],
        };
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0)),
            at,
        );
    }

    /// The kinds to switch between, then the letter's number, stage,
    /// addressee, paraf, signature and sending.
    fn head_lines(&self) -> Vec<Line<'static>> {
        let mut tabs: Vec<Span> = Vec::new();
        for (i, &kind) in self.kinds.iter().enumerate() {
            let label = format!(" {} ", capitalised(kind_label(kind)));
            let style = if i == self.index {
                theme::focused()
            } else {
                theme::hint()
            };
            tabs.push(Span::styled(label, style));
            tabs.push(Span::raw(" "));
        }
        let mut lines = vec![Line::from(tabs)];
        let Some(l) = self.letter() else {
            lines.push(Line::raw(""));
            return lines;
        };
        lines.push(Line::from(vec![
            Span::raw(format!("{}: ", pu(Pu::Number))),
            Span::styled(l.number.clone(), theme::title()),
            Span::raw(format!("  ·  {}: ", pu(Pu::Stage))),
            Span::styled(stage_label(l.stage(), l.version()), theme::title()),
        ]));
        lines.push(Line::raw(format!("{}: {}", lw(Lw::To), l.to)));
        lines.push(Line::raw(format!("{}: {}", lw(Lw::Subject), l.subject)));
        let stamps = [
            (Lw::Paraf, &l.paraf),
            (Lw::Signed, &l.signed),
            (Lw::Sent, &l.sent),
        ]
        .iter()
        .map(|(w, s)| format!("{}: {}", lw(*w), self.stamp(s.as_ref())))
        .collect::<Vec<_>>()
        .join("  ·  ");
        lines.push(Line::raw(stamps));
        lines.push(Line::raw(""));
        lines
    }

    fn stamp(&self, s: Option<&Stamp>) -> String {
        match s {
            None => lw(Lw::None).to_string(),
            Some(s) if s.on_behalf => format!("✓ {} ({})", self.role_short(&s.role), s.by),
            Some(s) => format!("✓ {}", s.by),
        }
    }

    /// The question asked, the refusal, or the hint of an empty area.
    fn said_lines(&self) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        match &self.mode {
            Mode::Ask { text, .. } => {
                lines.push(Line::styled(text.clone(), theme::title()));
                lines.push(Line::styled(k(K::QuestionKeys), theme::hint()));
            }
            Mode::Discard(_) => {
                lines.push(Line::styled(pu(Pu::DiscardEdit), theme::title()));
                lines.push(Line::styled(k(K::QuestionKeys), theme::hint()));
            }
            Mode::Edit(a) if area_is_empty(a) && self.letter().is_none() => {
                lines.push(Line::styled(pu(Pu::EmptyMeansDrafted), theme::hint()));
            }
            _ => {}
        }
        if let Some(e) = &self.error {
            lines.push(Line::styled(e.clone(), theme::problem()));
        }
        lines
    }

    /// The rows the said lines take once wrapped, so the whole reason shows.
    fn said_height(&self, width: u16) -> u16 {
        rows_of(&self.said_lines(), width)
    }

    fn foot(&self) -> String {
        match self.mode {
            Mode::Edit(_) => pu(Pu::EditKeys).to_string(),
            Mode::Read => pu(Pu::LetterKeys).to_string(),
            _ => String::new(),
        }
    }
}

/// The rows `lines` take wrapped at `width` columns.
fn rows_of(lines: &[Line<'_>], width: u16) -> u16 {
    let width = usize::from(width.max(10));
    lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(width))
        .sum::<usize>() as u16
}
