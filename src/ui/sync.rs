//! The sync window (F8): the shared folder, the folder sync run on a worker
//! thread with a desk of its own (the interface's connection stays where it
//! is), a gauge while it runs, and what it did in words, each file skipped
//! named. When bundles of desks not yet on the roster were skipped (the
//! rest merged all the same), the window shows those desks' key
//! fingerprints and runs again with trust only when the user says so.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Gauge, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::action::{Action, Focus};
use super::field::LineInput;
use super::theme;
use crate::i18n::{self, Msg, T, t};
use crate::service::{Desk, FolderSync, OpenOptions};

/// A sync's result.
type SyncResult = Result<FolderSync, Msg>;

/// What the worker reports.
enum Report {
    Progress(u64, u64),
    Finished(SyncResult),
}

/// Where the window is.
pub enum SyncState {
    /// Choosing the folder; the problem with the last try, if any.
    Editing(Option<String>),
    Running {
        done: u64,
        total: u64,
    },
    /// Bundles of desks not on the roster wait for confirmation: each
    /// desk's code and key fingerprint.
    Untrusted(Vec<(String, String)>),
    /// Refused or failed: the message.
    Failed(String),
    /// What the sync did, and the new desks' fingerprints.
    Done {
        report: FolderSync,
        new_desks: Vec<(String, String)>,
    },
}

/// What a key asks of the application.
pub enum SyncKey {
    Stay,
    Close,
}

pub struct SyncWindow {
    pub folder: LineInput,
    pub state: SyncState,
    work: Option<Receiver<Report>>,
}

impl SyncWindow {
    /// The window with the folder the config remembers.
    pub fn new(folder: &str) -> SyncWindow {
        SyncWindow {
            // Kept when Enter is pressed; replaced by typing.
            folder: LineInput::prefilled(folder),
            state: SyncState::Editing(None),
            work: None,
        }
    }

    /// A pasted folder path (on one line) while the folder is being chosen.
    pub fn paste(&mut self, text: &str) {
        if let SyncState::Editing(_) = self.state {
            self.folder.paste(text);
            self.state = SyncState::Editing(None);
        }
    }

    /// Whether the worker is still running.
    pub fn running(&self) -> bool {
        self.work.is_some()
    }

    pub fn focus(&self) -> Focus {
        match self.state {
            SyncState::Editing(_) => Focus::Line {
                empty: self.folder.text().is_empty(),
            },
            _ => Focus::None,
        }
    }

    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent, desk: &Desk) -> SyncKey {
        match (&self.state, action) {
            // Keys wait while it runs: a merge is never stopped halfway.
            (SyncState::Running { .. }, _) => {}
            (_, Some(Action::Cancel)) => return SyncKey::Close,
            (SyncState::Editing(_), Some(Action::Confirm)) => self.start(desk, false),
            (SyncState::Editing(_), None) if self.folder.handle(key) => {
                self.state = SyncState::Editing(None);
            }
            (SyncState::Untrusted { .. }, Some(Action::Trust)) => self.start(desk, true),
            (SyncState::Failed(_), Some(Action::Confirm)) => self.state = SyncState::Editing(None),
            (SyncState::Done { .. }, Some(Action::Confirm)) => return SyncKey::Close,
            _ => {}
        }
        SyncKey::Stay
    }

    /// Starts the sync on a worker thread that opens the same desk files.
    fn start(&mut self, desk: &Desk, trust_new_desks: bool) {
        let folder = self.folder.text().trim().to_string();
        if folder.is_empty() {
            self.state = SyncState::Editing(Some(t(T::SyncFolderEmpty).to_string()));
            return;
        }
        let opts = OpenOptions {
            config: Some(desk.locations.config.clone()),
            db: Some(desk.locations.database.clone()),
            ..OpenOptions::default()
        };
        let fixed_now = desk.fixed_now;
        let dir = PathBuf::from(folder);
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let progress = tx.clone();
            let result = Desk::open(&opts).and_then(|mut desk| {
                desk.fixed_now = fixed_now.or(desk.fixed_now);
                desk.sync_folder(&dir, trust_new_desks, &mut |done, total| {
                    let _ = progress.send(Report::Progress(done, total));
                })
            });
            let _ = tx.send(Report::Finished(result));
        });
        self.work = Some(rx);
        self.state = SyncState::Running { done: 0, total: 0 };
    }

    /// Takes what the worker reported since the last call. True when the
    /// sync has just ended (the desk's data may have changed: even a
    /// refusal can follow bundles already merged).
    pub fn poll(&mut self, desk: &mut Desk) -> bool {
        let Some(rx) = &self.work else {
            return false;
        };
        loop {
            match rx.try_recv() {
                Ok(Report::Progress(done, total)) => {
                    self.state = SyncState::Running { done, total };
                }
                Ok(Report::Finished(result)) => {
                    self.work = None;
                    self.finish(result, desk);
                    return true;
                }
                Err(TryRecvError::Empty) => return false,
                Err(TryRecvError::Disconnected) => {
                    self.work = None;
                    self.state = SyncState::Failed(t(T::SyncStopped).to_string());
                    return true;
                }
            }
        }
    }

    fn finish(&mut self, result: SyncResult, desk: &mut Desk) {
        self.state = match result {
            Ok(report) if !report.untrusted().is_empty() => {
                desk.config.sync.folder = self.folder.text().trim().to_string();
                SyncState::Untrusted(report.untrusted())
            }
            Ok(report) => {
                // The worker wrote the folder into the config file; this
                // desk's copy of the config learns it too.
                desk.config.sync.folder = self.folder.text().trim().to_string();
                let roster = desk.roster_fingerprints().unwrap_or_default();
                let new_desks = report
                    .merged
                    .iter()
                    .flat_map(|(_, o)| o.new_desks.iter())
                    .map(|code| {
                        let fingerprint = roster
                            .iter()
                            .find(|(c, _)| c == code)
                            .map_or(String::new(), |(_, f)| f.clone());
                        (code.clone(), fingerprint)
                    })
                    .collect();
                SyncState::Done { report, new_desks }
            }
            Err(msg) => SyncState::Failed(msg.text()),
        };
    }

    pub fn draw(&self, f: &mut Frame<'_>, body: Rect) {
        let width = body.width.saturating_sub(4).min(76);
        let inner_width = width.saturating_sub(2).max(10) as usize;
        let lines = self.lines();
        let gauge = matches!(self.state, SyncState::Running { .. });
        let text_height: usize = lines
            .iter()
            .map(|l| l.width().max(1).div_ceil(inner_width))
            .sum();
        // Borders, the folder row, the text, and the gauge with a blank row
        // either side.
        let height = (text_height + 3 + usize::from(gauge) * 3) as u16;
        let [v] = Layout::vertical([Constraint::Length(height.min(body.height))])
            .flex(Flex::Center)
            .areas(body);
        let [area] = Layout::horizontal([Constraint::Length(width)])
            .flex(Flex::Center)
            .areas(v);
        f.render_widget(Clear, area);
        let title = match self.state {
            SyncState::Untrusted { .. } => t(T::SyncUntrustedTitle),
            _ => t(T::SyncTitle),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title, theme::title()));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let [folder_row, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        self.draw_folder(f, folder_row);
        let rest = if let SyncState::Running { done, total } = self.state {
            let [_, gauge_row, _, below] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Min(0),
            ])
            .areas(rest);
            let ratio = if total == 0 {
                0.0
            } else {
                (done as f64 / total as f64).clamp(0.0, 1.0)
            };
            f.render_widget(
                Gauge::default()
                    .gauge_style(theme::gauge())
                    .ratio(ratio)
                    .label(format!("{} {done}/{total}", t(T::SyncChecked))),
                gauge_row,
            );
            below
        } else {
            rest
        };
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rest);
    }

    fn draw_folder(&self, f: &mut Frame<'_>, row: Rect) {
        let label = format!("{}: ", t(T::SyncFolder));
        let label_width = label.width() as u16;
        let [l, value] =
            Layout::horizontal([Constraint::Length(label_width), Constraint::Min(4)]).areas(row);
        f.render_widget(Paragraph::new(Span::styled(label, theme::title())), l);
        let editing = matches!(self.state, SyncState::Editing(_));
        if !editing {
            let (shown, _) = self.folder.visible(value.width as usize);
            return f.render_widget(Paragraph::new(shown), value);
        }
        if self.folder.is_empty() {
            f.render_widget(
                Paragraph::new(Span::styled(t(T::SyncFolderHint), theme::hint())),
                value,
            );
            return f.set_cursor_position((value.x, value.y));
        }
        let width = value.width.saturating_sub(1) as usize;
        let (shown, col) = self.folder.styled(width, theme::focused(), true);
        f.render_widget(Paragraph::new(shown), value);
        f.set_cursor_position((value.x + col, value.y));
    }

    /// The window's text under the folder (and the gauge).
    fn lines(&self) -> Vec<Line<'static>> {
        let mut lines = vec![Line::raw("")];
        match &self.state {
            SyncState::Editing(problem) => {
                lines.push(Line::raw(t(T::SyncExplain)));
                if let Some(p) = problem {
                    lines.push(Line::styled(format!("✗ {p}"), theme::problem()));
                }
                lines.push(Line::raw(""));
                lines.push(Line::styled(t(T::SyncStartKeys), theme::hint()));
            }
            SyncState::Running { .. } => {
                lines = vec![Line::raw(t(T::SyncRunning))];
            }
            SyncState::Untrusted(desks) => {
                for (code, fingerprint) in desks {
                    lines.push(Line::raw(i18n::sync_untrusted(code)));
                    lines.push(Line::from(vec![
                        Span::raw(format!("{}: ", t(T::SyncFingerprint))),
                        Span::styled(fingerprint.clone(), theme::title()),
                    ]));
                    lines.push(Line::raw(""));
                }
                lines.push(Line::styled(t(T::SyncUntrustedKeys), theme::hint()));
            }
            SyncState::Failed(msg) => {
                lines.push(Line::styled(format!("✗ {msg}"), theme::problem()));
                lines.push(Line::raw(""));
                lines.push(Line::styled(t(T::SyncRetryKeys), theme::hint()));
            }
            SyncState::Done { report, new_desks } => {
                lines.push(Line::styled(t(T::SyncDone), theme::ok()));
                lines.extend(report_lines(report, new_desks));
                lines.push(Line::raw(""));
                lines.push(Line::styled(t(T::SyncCloseKeys), theme::hint()));
            }
        }
        lines
    }
}

/// What a sync did, bundle by bundle, in words.
fn report_lines(report: &FolderSync, new_desks: &[(String, String)]) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if report.merged.is_empty() && report.skipped.is_empty() {
        lines.push(Line::raw(t(T::SyncNoOtherBundle)));
    }
    for (path, o) in &report.merged {
        lines.push(Line::styled(file_name(path), theme::title()));
        for line in i18n::merge_event_lines(o) {
            lines.push(Line::raw(format!("  {line}")));
        }
        if o.new_events.is_empty() && o.new_desks.is_empty() {
            continue;
        }
        for code in &o.new_desks {
            let fingerprint = new_desks
                .iter()
                .find(|(c, _)| c == code)
                .map_or("", |(_, f)| f.as_str());
            lines.push(Line::raw(format!(
                "  {}",
                i18n::sync_new_desk(code, fingerprint)
            )));
        }
        lines.push(Line::raw(format!("  {}", i18n::merge_case_line(o))));
        if !o.conflicted.is_empty() {
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(
                    format!("{} {}: ", super::inbox::CONFLICT_MARK, t(T::NeedsDecision)),
                    theme::conflict(),
                ),
                Span::raw(o.conflicted.join(", ")),
            ]));
        }
    }
    for warning in report.warnings(false) {
        lines.push(Line::styled(format!("✗ {warning}"), theme::problem()));
    }
    if let Some(out) = &report.exported {
        lines.push(Line::raw(i18n::sync_written(
            &file_name(&out.path),
            out.events,
        )));
    }
    lines
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    #[test]
    fn a_running_sync_draws_a_gauge_with_done_and_total() {
        let mut window = SyncWindow::new("/media/usb/aduan");
        window.state = SyncState::Running { done: 5, total: 10 };
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| window.draw(f, f.area())).unwrap();
        let buffer = terminal.backend().buffer();
        let text = format!("{}", terminal.backend());
        assert!(
            text.contains(&format!("{} 5/10", t(T::SyncChecked))),
            "{text}"
        );
        assert!(text.contains("Folder: /media/usb/aduan"), "{text}");
        // Half the bar is filled (under the label, the colours swap).
        let row = (0..24)
            .find(|&y| (0..80).any(|x| buffer[(x, y)].symbol() == "█"))
            .expect("a filled bar");
        let filled = (0..80)
            .filter(|&x| {
                let cell = &buffer[(x, row)];
                cell.symbol() == "█" || cell.bg == ratatui::style::Color::Cyan
            })
            .count();
        assert_eq!(filled, 37, "half of 74 filled:\n{text}");
    }

    #[test]
    fn a_pasted_folder_replaces_the_remembered_one_on_one_line() {
        let mut window = SyncWindow::new("/media/usb/aduan");
        // A path copied from a file manager often ends with a line break.
        window.paste("/mnt/flashdisk/aduan\r\n");
        assert_eq!(window.folder.text().trim(), "/mnt/flashdisk/aduan");
        window.state = SyncState::Running { done: 0, total: 1 };
        window.paste("x");
        assert_eq!(window.folder.text().trim(), "/mnt/flashdisk/aduan");
    }
}
