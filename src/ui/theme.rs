//! Styles that read in 16 colours and on a plain Linux console. Meaning is
//! never carried by colour alone: a problem also gets a ✗.

use ratatui::style::{Color, Modifier, Style};

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn focused() -> Style {
    Style::new().fg(Color::Black).bg(Color::Cyan)
}

pub fn label() -> Style {
    Style::new()
}

pub fn problem() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn ok() -> Style {
    Style::new().fg(Color::Green)
}

pub fn hint() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// A note that no longer stands (superseded or withdrawn); a word says which.
pub fn stale() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn status_bar() -> Style {
    Style::new().fg(Color::White).bg(Color::Blue)
}

pub fn tab_active() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

/// A case that needs a decision (two desks changed it apart); always with
/// the ⚑ mark beside it.
pub fn conflict() -> Style {
    Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD)
}

/// The filled part of a progress bar.
pub fn gauge() -> Style {
    Style::new().fg(Color::Cyan).bg(Color::Black)
}

// ---- The console look ---------------------------------------------------
//
// On a terminal with few colours or a small font (the Linux console of an
// old office PC), every mark below is drawn as its ASCII stand-in and no
// colour beyond the 16 basic ones is sent. The screens draw as always; the
// finished frame is rewritten (`finish`), and the bytes sent to the terminal
// keep to the 16-colour SGR codes (`Sgr16`). Box drawing stays: the console
// font has it.

use std::cell::Cell;
use std::io::{self, Write};

use ratatui::buffer::Buffer;

use crate::i18n::{T, t};

thread_local! {
    /// Whether the console look is in use on this (the drawing) thread.
    static CONSOLE: Cell<bool> = const { Cell::new(false) };
}

/// Chooses the console look (ASCII marks, 16 colours) or the full one.
pub fn set_console(on: bool) {
    CONSOLE.with(|c| c.set(on));
}

pub fn console() -> bool {
    CONSOLE.with(Cell::get)
}

/// The rule, from the environment only: `TERM=linux`, or `COLORTERM`
/// unset and a `TERM` that names no 256-colour or direct-colour terminal
/// (`xterm`, `vt100`, `screen`). An unset `TERM` (a Windows console) says
/// nothing and keeps the full look.
pub fn limited_terminal(term: Option<&str>, colorterm: Option<&str>) -> bool {
    let Some(term) = term.filter(|t| !t.is_empty()) else {
        return false;
    };
    if term == "linux" || term.starts_with("linux-") {
        return true;
    }
    let colorterm = colorterm.is_some_and(|c| !c.is_empty());
    !colorterm && !term.contains("256color") && !term.contains("direct")
}

/// Every mark the interface draws beyond ASCII and box drawing, its ASCII
/// stand-in, and what it means (shown in the help under the console look;
/// `None`: punctuation that needs no word).
pub const MARKS: &[(char, char, Option<T>)] = &[
    ('✔', 'v', Some(T::MarkDone)),
    ('✓', 'v', None),
    ('✗', 'x', Some(T::MarkProblem)),
    ('!', '!', Some(T::MarkToday)),
    ('·', '.', Some(T::MarkOnTime)),
    ('‖', '=', Some(T::MarkPaused)),
    ('⚑', '*', Some(T::MarkConflict)),
    ('▶', '>', Some(T::MarkCurrent)),
    ('◀', '<', Some(T::MarkChoice)),
    ('█', '#', Some(T::MarkGauge)),
    ('…', '~', Some(T::MarkCut)),
    ('→', '>', None),
    ('←', '<', None),
    ('↑', '^', None),
    ('↓', 'v', None),
    ('–', '-', None),
    ('—', '-', None),
    ('×', 'x', None),
];

/// The mark drawn for `c` under the console look.
pub fn ascii_of(c: char) -> char {
    if c.is_ascii() || ('\u{2500}'..='\u{257F}').contains(&c) {
        return c;
    }
    MARKS
        .iter()
        .find(|(m, _, _)| *m == c)
        .map(|(_, a, _)| *a)
        .unwrap_or('?')
}

/// The legend of the marks in use, for the help: `v selesai · x …`.
/// Empty under the full look (its marks are the familiar ones).
pub fn legend() -> String {
    if !console() {
        return String::new();
    }
    let marks: Vec<String> = MARKS
        .iter()
        .filter_map(|(m, a, what)| {
            let what = t((*what)?);
            Some(match m {
                '◀' => format!("< > {what}"),
                _ => format!("{a} {what}"),
            })
        })
        .collect();
    format!("{}: {}", t(T::MarksTitle), marks.join("  "))
}

/// Under the console look, rewrites a finished frame: marks to their ASCII
/// stand-ins, any colour beyond the basic 16 to the terminal's default.
pub fn finish(buf: &mut Buffer) {
    if !console() {
        return;
    }
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        if !symbol.chars().all(|c| ascii_of(c) == c) {
            let plain: String = symbol.chars().take(1).map(ascii_of).collect();
            cell.set_symbol(&plain);
        }
        cell.fg = sixteen(cell.fg);
        cell.bg = sixteen(cell.bg);
    }
}

/// One of the 16 basic colours, or the default.
pub fn sixteen(c: Color) -> Color {
    match c {
        Color::Indexed(n) if n >= 16 => Color::Reset,
        Color::Rgb(..) => Color::Reset,
        c => c,
    }
}

/// What goes to the terminal: unchanged under the full look; under the
/// console look every colour in an SGR sequence is sent as a 16-colour
/// code (30–37, 90–97, 40–47, 100–107), never as `38;5;n` or `38;2;r;g;b`.
/// The frame is held until `flush`, so no sequence is cut in two.
pub struct Sgr16<W: Write> {
    inner: W,
    on: bool,
    held: Vec<u8>,
}

impl<W: Write> Sgr16<W> {
    pub fn new(inner: W, on: bool) -> Sgr16<W> {
        Sgr16 {
            inner,
            on,
            held: Vec::new(),
        }
    }
}

impl<W: Write> Write for Sgr16<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if !self.on {
            return self.inner.write(bytes);
        }
        self.held.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.held.is_empty() {
            let out = sgr16(&self.held);
            self.held.clear();
            self.inner.write_all(&out)?;
        }
        self.inner.flush()
    }
}

/// Rewrites every SGR sequence (`ESC [ … m`) of `bytes` to 16-colour codes.
pub fn sgr16(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            let start = i + 2;
            let mut end = start;
            while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b';') {
                end += 1;
            }
            if bytes.get(end) == Some(&b'm') {
                let params = std::str::from_utf8(&bytes[start..end]).unwrap_or("");
                let params = sgr16_params(params);
                // Nothing left (a dropped underline colour): send nothing,
                // for `ESC [ m` would reset every attribute.
                if !params.is_empty() || start == end {
                    out.extend_from_slice(b"\x1b[");
                    out.extend_from_slice(params.as_bytes());
                    out.push(b'm');
                }
                i = end + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn sgr16_params(params: &str) -> String {
    let p: Vec<&str> = params.split(';').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < p.len() {
        let base = match p[i] {
            "38" => Some(30),
            "48" => Some(40),
            "58" => Some(0),
            _ => None,
        };
        let Some(base) = base else {
            out.push(p[i].to_string());
            i += 1;
            continue;
        };
        let (n, used) = match p.get(i + 1).copied() {
            Some("5") => (p.get(i + 2).and_then(|n| n.parse::<u16>().ok()), 3),
            Some("2") => (None, 5),
            _ => (None, 1),
        };
        i += used;
        if base == 0 {
            continue; // underline colour: the console has none
        }
        out.push(match n {
            Some(n) if n < 8 => (base + n).to_string(),
            Some(n) if n < 16 => (base + 60 + n - 8).to_string(),
            _ => (base + 9).to_string(),
        });
    }
    out.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_names_the_console_and_small_terminals() {
        assert!(limited_terminal(Some("linux"), None));
        assert!(limited_terminal(Some("linux"), Some("truecolor")));
        assert!(limited_terminal(Some("xterm"), None));
        assert!(limited_terminal(Some("vt100"), None));
        assert!(!limited_terminal(Some("xterm"), Some("truecolor")));
        assert!(!limited_terminal(Some("xterm-256color"), None));
        assert!(!limited_terminal(Some("tmux-256color"), None));
        assert!(!limited_terminal(Some("xterm-direct"), None));
        assert!(!limited_terminal(None, None));
    }

    #[test]
    fn every_mark_has_a_plain_stand_in() {
        for (m, a, _) in MARKS {
            assert!(!m.is_ascii() || m == a);
            assert!(a.is_ascii_graphic(), "{m}");
        }
        assert_eq!(ascii_of('─'), '─');
        assert_eq!(ascii_of('é'), '?');
    }

    #[test]
    fn only_sixteen_colour_codes_are_sent() {
        let sent = sgr16(b"a\x1b[38;5;1m\x1b[38;5;9;48;5;4mb\x1b[38;5;200m\x1b[48;2;1;2;3m\x1b[39;49m\x1b[0m\x1b[58;5;3m\x1b[1;10H");
        assert_eq!(
            String::from_utf8(sent).unwrap(),
            "a\x1b[31m\x1b[91;44mb\x1b[39m\x1b[49m\x1b[39;49m\x1b[0m\x1b[1;10H"
        );
    }
}
