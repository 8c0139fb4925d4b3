//! Plain-text tables aligned by display width (names and titles may hold
//! characters wider or narrower than one byte), and the printing of text
//! that holds data: whatever a case carries (a bundle from another desk may
//! carry what this desk refuses) reaches the terminal with its control
//! characters shown, never sent.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use crate::domain::text;

/// `println!` for a line holding data: control characters shown as
/// stand-ins (`\x1b`), line breaks kept.
macro_rules! say {
    ($($arg:tt)+) => {
        println!(
            "{}",
            $crate::domain::text::for_terminal_lines(&format!($($arg)+))
        )
    };
}
pub(crate) use say;

/// One cell or one line of data as the terminal may show it.
pub fn safe(s: &str) -> Cow<'_, str> {
    text::for_terminal(s)
}

/// Prints rows under a header (see [`render`]).
pub fn print(header: &[&str], rows: &[Vec<String>]) {
    print!("{}", render(header, rows));
}

/// Rows under a header, each column as wide as its widest cell, the last
/// column unpadded.
pub fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<Cow<str>>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| safe(cell)).collect())
        .collect();
    let mut text = String::new();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut line = |cells: Vec<&str>| {
        let last = cells.len().saturating_sub(1);
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            out.push_str(cell);
            if i < last {
                out.push_str(&" ".repeat(w - cell.width() + 2));
            }
        }
        text.push_str(out.trim_end());
        text.push('\n');
    };
    line(header.to_vec());
    line(
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    );
    for row in &rows {
        line(row.iter().map(|c| c.as_ref()).collect());
    }
    text
}

/// Shortens text to `max` columns with an ellipsis, its control characters
/// shown first so the stand-ins count.
pub fn clip(s: &str, max: usize) -> String {
    let s = safe(s);
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for ch in s.chars() {
        if out.width() + 1 >= max {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_shows_an_escape_instead_of_sending_it() {
        let rows = vec![vec!["Esc\u{1b}[31mRed".to_string(), "x".to_string()]];
        let out = render(&["Nama", "Y"], &rows);
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(out.contains("Esc\\x1b[31mRed"), "{out:?}");
        assert!(!clip("a\u{1b}[2Jb", 40).contains('\u{1b}'));
    }
}
