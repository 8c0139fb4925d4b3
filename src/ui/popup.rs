//! The windows that open over a tab: what each one is, whose keys apply in
//! it, and how it is drawn. What a key does in them is in `app.rs`.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::act_form::ActForm;
use super::action::{Action, Focus};
use super::case_view::CaseViewScreen;
use super::keymap::{self, Scope};
use super::letter::LetterWindow;
use super::print::PrintPick;
use super::search::Search;
use super::settle::SettleForm;
use super::sync::SyncWindow;
use super::theme;
use crate::domain::draft::CaseDraft;
use crate::i18n::keys::{K, action_help, k, scope_title};
use crate::i18n::{self, T, Word, t, word};
use crate::service::Registered;
use crate::store::CaseRow;

pub enum Popup {
    /// The keys of the screen beneath, generated from the key map.
    Help {
        scope: Scope,
        scroll: u16,
    },
    Quit,
    Restore(Box<CaseDraft>),
    /// Whether to throw a recovered draft away (from the restore window).
    DiscardDraft(Box<CaseDraft>),
    /// Whether to empty the intake form.
    ClearForm,
    Duplicates(Vec<CaseRow>),
    Receipt {
        registered: Box<Registered>,
        file: Option<PathBuf>,
        name: String,
    },
    Search(Box<Search>),
    /// The whole case.
    Case(Box<CaseViewScreen>),
    Error(String),
    Act(Box<ActForm>),
    Overwrite(PathBuf),
    /// The sync window (F8), running or not.
    Sync(Box<SyncWindow>),
    /// Settling a field two desks changed apart.
    Settle(Box<SettleForm>),
    /// The case's documents to print.
    Print(Box<PrintPick>),
    /// The case's outgoing letters.
    Letter(Box<LetterWindow>),
}

/// A scroll offset moved by a list action, within `0..=top`.
pub fn scrolled(at: u16, action: Action, top: u16) -> u16 {
    match action {
        Action::Down => at.saturating_add(1),
        Action::Up => at.saturating_sub(1),
        Action::PageDown => at.saturating_add(10),
        Action::PageUp => at.saturating_sub(10),
        Action::First => 0,
        Action::Last => top,
        _ => at,
    }
    .min(top)
}

impl Popup {
    /// Whose keys apply while this window is in front.
    pub fn scope(&self) -> Scope {
        match self {
            Popup::Help { .. } => Scope::Help,
            Popup::Quit
            | Popup::Restore(_)
            | Popup::DiscardDraft(_)
            | Popup::ClearForm
            | Popup::Overwrite(_) => Scope::Question,
            Popup::Duplicates(_) => Scope::Duplicates,
            Popup::Receipt { .. } | Popup::Error(_) => Scope::Message,
            Popup::Search(_) => Scope::Search,
            Popup::Case(_) => Scope::CaseView,
            Popup::Act(_) => Scope::ActForm,
            Popup::Sync(_) => Scope::Sync,
            Popup::Settle(_) => Scope::Settle,
            Popup::Print(p) => p.scope(),
            Popup::Letter(w) => w.scope(),
        }
    }

    pub fn focus(&self) -> Focus {
        match self {
            Popup::Search(s) => Focus::Line {
                empty: s.query().is_empty(),
            },
            Popup::Act(form) => form.focus(),
            Popup::Sync(window) => window.focus(),
            Popup::Settle(form) => form.focus(),
            Popup::Print(p) => p.focus(),
            Popup::Letter(w) => w.focus(),
            _ => Focus::None,
        }
    }

    /// Something typed in this window is not saved yet.
    pub fn unsaved(&self) -> bool {
        match self {
            Popup::Act(_) | Popup::Settle(_) => true,
            Popup::Letter(w) => w.unsaved(),
            _ => false,
        }
    }
}

/// The help window's rows for a scope: keys, then what they do.
pub fn help_lines(scope: Scope) -> Vec<Line<'static>> {
    let rows = keymap::with(|m| m.help(scope));
    let legend = theme::legend();
    let mut lines = Vec::new();
    if !legend.is_empty() {
        // Under the console look the stand-ins are named first.
        lines.extend([Line::styled(legend, theme::hint()), Line::raw("")]);
    }
    lines.extend(rows.into_iter().map(|(keys, action)| {
        Line::from(vec![
            Span::styled(format!("{keys:<22} "), theme::title()),
            Span::raw(action_help(&action.name())),
        ])
    }));
    lines
}

pub fn draw(f: &mut Frame<'_>, body: Rect, popup: &Popup, note_unsaved: bool) {
    match popup {
        Popup::Help { scope, scroll } => {
            let title = format!("{} — {}", t(T::HelpTitle), scope_title(scope.name()));
            scrolled_window(f, body, &title, help_lines(*scope), *scroll, k(K::HelpFoot));
        }
        Popup::Quit => question(
            f,
            body,
            t(T::QuitTitle),
            if note_unsaved {
                t(T::QuitNoteBody)
            } else {
                t(T::QuitBody)
            },
        ),
        Popup::Restore(_) => question(f, body, t(T::RestoreTitle), k(K::RestoreBody)),
        Popup::DiscardDraft(_) => question(f, body, k(K::DiscardTitle), k(K::DiscardBody)),
        Popup::ClearForm => question(f, body, k(K::ClearTitle), k(K::ClearBody)),
        Popup::Error(e) => text_window(
            f,
            body,
            "!",
            vec![Line::styled(e.clone(), theme::problem())],
            70,
        ),
        Popup::Duplicates(found) => draw_duplicates(f, body, found),
        Popup::Receipt {
            registered,
            file,
            name,
        } => draw_receipt(f, body, registered, file.as_ref(), name),
        Popup::Search(s) => s.draw(
            f,
            centered(
                body,
                body.width.saturating_sub(4),
                body.height.saturating_sub(2),
            ),
        ),
        Popup::Act(form) => form.draw(f, body),
        Popup::Sync(window) => window.draw(f, body),
        Popup::Settle(form) => form.draw(f, body),
        Popup::Print(p) => p.draw(f, body),
        Popup::Letter(w) => w.draw(f, body),
        Popup::Overwrite(path) => question(
            f,
            body,
            t(T::OverwriteTitle),
            &format!("{}\n{}", path.display(), t(T::OverwriteBody)),
        ),
        Popup::Case(view) => {
            f.render_widget(Clear, body);
            view.draw(f, body);
        }
    }
}

fn draw_duplicates(f: &mut Frame<'_>, body: Rect, found: &[CaseRow]) {
    let mut lines = vec![Line::raw(t(T::DuplicateBody)), Line::raw("")];
    for r in found {
        lines.push(Line::raw(format!(
            "{}  {}  [{}]",
            r.agenda_no,
            r.subject,
            r.step.as_deref().unwrap_or("-")
        )));
    }
    lines.extend([
        Line::raw(""),
        Line::styled(t(T::DuplicateKeys), theme::hint()),
    ]);
    text_window(f, body, t(T::DuplicateTitle), lines, 76);
}

fn draw_receipt(f: &mut Frame<'_>, body: Rect, r: &Registered, file: Option<&PathBuf>, name: &str) {
    let mut lines = vec![
        Line::from(vec![
            Span::raw(format!("{}: ", word(Word::AgendaNo))),
            Span::styled(r.agenda_no.clone(), theme::title()),
        ]),
        Line::raw(format!("{}: {}", word(Word::Complainant), name)),
        Line::raw(format!(
            "{}: {}",
            word(Word::Received),
            r.received_at.replace('T', " ").get(..16).unwrap_or("")
        )),
        Line::from(vec![
            Span::raw(format!("{}: ", word(Word::Deadline))),
            Span::styled(r.deadline.clone(), theme::title()),
        ]),
    ];
    if !r.deadline_flags.is_empty() {
        lines.push(Line::styled(
            format!("! {}", i18n::deadline_note(&r.deadline_flags)),
            theme::problem(),
        ));
    }
    if let Some(year) = r.next_year_unlisted {
        lines.push(Line::styled(
            format!("! {}", i18n::Msg::NextYearUnlisted(year)),
            theme::problem(),
        ));
    }
    lines.push(Line::raw(format!("{}: {}", t(T::FirstStep), r.step.title)));
    if let Some(p) = file {
        lines.push(Line::styled(
            format!("{}: {}", t(T::ReceiptFile), p.display()),
            theme::hint(),
        ));
    }
    lines.extend([
        Line::raw(""),
        Line::styled(t(T::ReceiptClose), theme::hint()),
    ]);
    text_window(f, body, t(T::ReceiptTitle), lines, 76);
}

/// A yes/no window: the question, then its keys.
fn question(f: &mut Frame<'_>, body: Rect, title: &str, text: &str) {
    let mut lines: Vec<Line> = text.lines().map(|l| Line::raw(l.to_string())).collect();
    lines.extend([
        Line::raw(""),
        Line::styled(k(K::QuestionKeys), theme::hint()),
    ]);
    text_window(f, body, title, lines, 64);
}

/// A window as tall as the body allows, scrolled to `scroll`, with a foot
/// line naming its keys and where it stands (`12–30/64`).
fn scrolled_window(
    f: &mut Frame<'_>,
    body: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: u16,
    foot: &str,
) {
    let width = body.width.saturating_sub(4).min(100);
    let area = centered(body, width, body.height);
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title.to_string(), theme::title()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let [text, foot_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let total = lines.len();
    let shown = text.height as usize;
    let first = (scroll as usize).min(total.saturating_sub(1));
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((first as u16, 0)),
        text,
    );
    let place = format!(
        "{}–{}/{}  {foot}",
        first + 1,
        (first + shown).min(total),
        total
    );
    f.render_widget(
        Paragraph::new(Line::styled(place, theme::hint())),
        foot_area,
    );
}

/// How many rows a scrolled window shows in a body of this size.
pub fn scrolled_rows(body: Rect) -> u16 {
    body.height.saturating_sub(3)
}

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

pub fn text_window(f: &mut Frame<'_>, body: Rect, title: &str, lines: Vec<Line<'_>>, width: u16) {
    let inner_width = width.saturating_sub(2).max(10) as usize;
    let height: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_width))
        .sum();
    let area = centered(body, width, height as u16 + 2);
    f.render_widget(Clear, area);
    let p = Paragraph::new(lines).wrap(Wrap { trim: false }).block(
        Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title.to_string(), theme::title())),
    );
    f.render_widget(p, area);
}
