//! The print list over the case view (Ctrl+P): the case's six documents;
//! Enter writes a new PDF in the export folder and sends it to the printer,
//! `s` writes it only. A refusal (no BAP yet, no letter, a signatory without
//! NIP, a template error) is one line in the window and nothing is written.

use std::path::Path;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::action::{Action, Focus};
use super::keymap::Scope;
use super::popup::text_window;
use super::theme;
use crate::i18n::paper::{Pw, pw};
use crate::i18n::paper_ui::{Pu, doc_label, pu};
use crate::paper::DocKind;
use crate::service::Desk;
use crate::service::documents::{Printed, print};

pub struct PrintPick {
    pub agenda: String,
    selected: usize,
    /// What the last try did (true) or why it was refused (false).
    said: Option<(String, bool)>,
}

/// What a key in the print list leads to.
pub enum PrintOutcome {
    Open,
    Close,
    /// A file was written (and perhaps printed): the status line's words,
    /// and whether the window stays open to show where the file is.
    Done {
        line: String,
        stay: bool,
    },
}

impl PrintPick {
    pub fn new(agenda: &str) -> PrintPick {
        PrintPick {
            agenda: agenda.to_string(),
            selected: 0,
            said: None,
        }
    }

    pub fn scope(&self) -> Scope {
        Scope::Print
    }

    pub fn focus(&self) -> Focus {
        Focus::None
    }

    /// The document under the cursor.
    pub fn selected(&self) -> DocKind {
        DocKind::OF_CASE[self.selected]
    }

    /// What the window says now (after a try), and whether it went well.
    pub fn said(&self) -> Option<&(String, bool)> {
        self.said.as_ref()
    }

    pub fn handle(&mut self, action: Option<Action>, desk: &Desk) -> PrintOutcome {
        let last = DocKind::OF_CASE.len() - 1;
        match action {
            Some(Action::Cancel) => return PrintOutcome::Close,
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) => self.selected = (self.selected + 1).min(last),
            Some(Action::First | Action::PageUp) => self.selected = 0,
            Some(Action::Last | Action::PageDown) => self.selected = last,
            Some(Action::Choose(n)) if (1..=last + 1).contains(&usize::from(n)) => {
                self.selected = usize::from(n) - 1;
                return self.produce(desk, true);
            }
            Some(Action::Confirm) => return self.produce(desk, true),
            Some(Action::SaveDocument) => return self.produce(desk, false),
            _ => {}
        }
        PrintOutcome::Open
    }

    /// Renders the selected document, writes it to a new file and (when
    /// `send`) prints it. The window stays open saying where the file is.
    fn produce(&mut self, desk: &Desk, send: bool) -> PrintOutcome {
        let kind = self.selected();
        let written = desk
            .render_document(&self.agenda, kind)
            .and_then(|r| desk.write_document(&r, None, false));
        let path = match written {
            Ok(path) => path,
            Err(e) => {
                self.said = Some((e.text(), false));
                return PrintOutcome::Open;
            }
        };
        let (line, good, stay) = if send {
            match print(&path, None) {
                Ok(Printed::Sent(_)) => (
                    format!("{}: {}", pu(Pu::Printed), file_name(&path)),
                    true,
                    false,
                ),
                Ok(Printed::NoPrinter) => (
                    format!("{}: {}", pw(Pw::NoPrinter), path.display()),
                    true,
                    true,
                ),
                Err(e) => (e.text(), false, true),
            }
        } else {
            (format!("{}: {}", pu(Pu::Saved), path.display()), true, true)
        };
        // In the window the file stands on a line of its own.
        let shown = line.replace(
            &format!(": {}", path.display()),
            &format!(":\n{}", path.display()),
        );
        self.said = Some((shown, good));
        PrintOutcome::Done { line, stay }
    }

    pub fn draw(&self, f: &mut Frame<'_>, body: Rect) {
        let mut lines: Vec<Line> = DocKind::OF_CASE
            .iter()
            .enumerate()
            .map(|(i, &kind)| {
                let text = format!(" {}  {}", i + 1, doc_label(kind));
                if i == self.selected {
                    Line::styled(format!("▸{text}"), theme::focused())
                } else {
                    Line::raw(format!(" {text}"))
                }
            })
            .collect();
        lines.push(Line::raw(""));
        if let Some((text, good)) = &self.said {
            let style = if *good { theme::ok() } else { theme::problem() };
            lines.extend(
                text.lines()
                    .map(|l| Line::from(Span::styled(l.to_string(), style))),
            );
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(pu(Pu::PrintKeys), theme::hint()));
        let title = format!("{} {}", pu(Pu::PrintTitle), self.agenda);
        text_window(f, body, &title, lines, 76);
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
