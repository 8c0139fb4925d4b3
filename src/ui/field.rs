//! Text inputs measured in display columns (unicode-width), so names with
//! wide or combining characters line up: a one-line input, the helpers the
//! multi-line areas share (pasted line breaks, a pre-filled value selected),
//! and word wrapping for values shown whole.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui_textarea::{TextArea, WrapMode};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in chars.
    cursor: usize,
    /// The text was put there for the operator (a default such as today's
    /// date): the first character typed replaces it.
    selected: bool,
}

impl LineInput {
    pub fn new(text: &str) -> LineInput {
        LineInput {
            text: text.to_string(),
            cursor: text.chars().count(),
            selected: false,
        }
    }

    /// A default value, selected until the first key.
    pub fn prefilled(text: &str) -> LineInput {
        LineInput {
            selected: !text.is_empty(),
            ..LineInput::new(text)
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn is_selected(&self) -> bool {
        self.selected
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.selected = false;
    }

    pub fn insert_str(&mut self, s: &str) {
        if self.selected {
            self.clear();
        }
        let clean: String = s.chars().filter(|c| !c.is_control()).collect();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// Pasted text on one line: its line breaks become spaces.
    pub fn paste(&mut self, text: &str) {
        self.insert_str(&one_line(text));
    }

    /// Handles an editing key; false when the key is not an editing key.
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.selected {
            match key.code {
                KeyCode::Backspace | KeyCode::Delete => {
                    self.clear();
                    return true;
                }
                KeyCode::Left | KeyCode::Right | KeyCode::Home | KeyCode::End => {
                    self.selected = false;
                    return true;
                }
                _ => {}
            }
        }
        let len = self.text.chars().count();
        match key.code {
            KeyCode::Char('u') if ctrl => self.clear(),
            KeyCode::Char(c) if !ctrl => self.insert_str(&c.to_string()),
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Left if ctrl => self.cursor = self.word_left(),
            KeyCode::Right if ctrl => self.cursor = self.word_right(),
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }

    fn word_left(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.cursor;
        while i > 0 && chars[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    fn word_right(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.cursor;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        i
    }

    /// The part of the text that fits in `width` columns with the cursor
    /// visible, and the cursor's column within it.
    pub fn visible(&self, width: usize) -> (String, usize) {
        let before: String = self.text.chars().take(self.cursor).collect();
        let cursor_col = before.width();
        let mut start_col = 0;
        if cursor_col >= width {
            start_col = cursor_col + 1 - width;
        }
        let mut shown = String::new();
        let mut col = 0;
        for ch in self.text.chars() {
            let w = ch.to_string().width();
            if col >= start_col && col + w <= start_col + width {
                shown.push(ch);
            }
            col += w;
        }
        (shown, cursor_col - start_col)
    }

    /// The visible part as a line `width` columns wide in `style`, and the
    /// cursor's column. A selected default shows reversed while focused.
    pub fn styled(&self, width: usize, style: Style, focused: bool) -> (Line<'static>, u16) {
        let (shown, col) = self.visible(width);
        let pad = " ".repeat(width.saturating_sub(shown.width()));
        let text_style = if self.selected && focused {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        };
        let line = Line::from(vec![
            Span::styled(shown, text_style),
            Span::styled(pad, style),
        ]);
        (line, col as u16)
    }
}

/// Line breaks as the terminal delivers them (`\r\n`, or `\r` alone in a
/// bracketed paste) made `\n`; tabs made spaces; other control characters
/// dropped.
pub fn normalise_breaks(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Pasted text for a one-line field: each line break a space.
pub fn one_line(text: &str) -> String {
    normalise_breaks(text).replace('\n', " ")
}

/// A multi-line area that wraps at words and holds `text` line by line.
pub fn new_area(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = normalise_breaks(text)
        .split('\n')
        .map(str::to_string)
        .collect();
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(Style::new());
    area.set_selection_style(theme::focused().add_modifier(Modifier::REVERSED));
    area
}

/// An area holding a default, selected until the first key.
pub fn prefilled_area(text: &str) -> TextArea<'static> {
    let mut area = new_area(text);
    if !text.is_empty() {
        area.select_all();
    }
    area
}

/// The area's text, its lines joined by `\n`.
pub fn area_text(area: &TextArea<'_>) -> String {
    area.lines().join("\n")
}

pub fn area_is_empty(area: &TextArea<'_>) -> bool {
    area.lines().iter().all(|l| l.is_empty())
}

/// Pastes into an area, keeping the line breaks; replaces a selected default.
pub fn area_paste(area: &mut TextArea<'_>, text: &str) {
    area.insert_str(normalise_breaks(text));
}

/// Types a key into an area. A selected default is replaced by a typed
/// character, cleared by Backspace or Delete, and kept by any other key.
/// True when the text changed.
pub fn area_key(area: &mut TextArea<'_>, key: KeyEvent) -> bool {
    let replaces = matches!(
        key.code,
        KeyCode::Char(_) | KeyCode::Backspace | KeyCode::Delete | KeyCode::Enter
    ) && !key.modifiers.contains(KeyModifiers::CONTROL);
    if area.is_selecting() && !replaces {
        area.cancel_selection();
    }
    let before = area.lines().to_vec();
    area.input(key);
    area.lines() != before.as_slice()
}

/// `text` broken into lines at most `width` columns wide: at spaces where
/// it can, inside a word longer than the width, and at each `\n`.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let sep = usize::from(!line.is_empty());
            if line.width() + sep + word.width() <= width {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            for ch in word.chars() {
                if !line.is_empty() && line.width() + ch.width().unwrap_or(0) > width {
                    out.push(std::mem::take(&mut line));
                }
                line.push(ch);
            }
        }
        out.push(line);
    }
    out
}

/// Draws a multi-line area with a bar on its left, bright while focused;
/// the cursor shows only in the focused one.
pub fn draw_area(
    f: &mut ratatui::Frame<'_>,
    area: &TextArea<'static>,
    at: ratatui::layout::Rect,
    focused: bool,
) {
    use ratatui::style::Style;
    use ratatui::widgets::{Block, Borders};
    let mut a = area.clone();
    let border = if focused {
        super::theme::focused()
    } else {
        super::theme::hint()
    };
    a.set_block(Block::default().borders(Borders::LEFT).border_style(border));
    if !focused {
        a.set_cursor_style(Style::new());
    }
    a.set_cursor_line_style(Style::new());
    f.render_widget(&a, at);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn editing_in_the_middle_and_word_jumps() {
        let mut l = LineInput::new("Siti Aminah");
        l.handle(KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL));
        assert_eq!(l.cursor, 5);
        l.handle(key(KeyCode::Char('N')));
        l.handle(key(KeyCode::Char('.')));
        l.handle(key(KeyCode::Char(' ')));
        assert_eq!(l.text(), "Siti N. Aminah");
        l.handle(key(KeyCode::Home));
        l.handle(key(KeyCode::Delete));
        assert_eq!(l.text(), "iti N. Aminah");
    }

    #[test]
    fn the_cursor_column_counts_display_width() {
        let l = LineInput::new("日本abc");
        let (shown, col) = l.visible(20);
        assert_eq!(shown, "日本abc");
        assert_eq!(col, 7);
        let (shown, col) = l.visible(4);
        assert_eq!(col, 3);
        assert_eq!(shown, "abc");
    }

    #[test]
    fn a_prefilled_date_is_replaced_by_typing() {
        let mut l = LineInput::prefilled("2026-12-01");
        assert!(l.is_selected());
        for c in "2026-12-02".chars() {
            l.handle(key(KeyCode::Char(c)));
        }
        assert_eq!(l.text(), "2026-12-02");
        assert!(!l.is_selected());
    }

    #[test]
    fn an_arrow_keeps_a_prefilled_value_and_backspace_clears_it() {
        let mut l = LineInput::prefilled("2026-12-01");
        l.handle(key(KeyCode::End));
        assert!(!l.is_selected());
        l.handle(key(KeyCode::Char('x')));
        assert_eq!(l.text(), "2026-12-01x");
        let mut l = LineInput::prefilled("2026-12-01");
        l.handle(key(KeyCode::Left));
        assert_eq!(l.text(), "2026-12-01");
        let mut l = LineInput::prefilled("2026-12-01");
        l.handle(key(KeyCode::Backspace));
        assert_eq!(l.text(), "");
        // A field the operator filled is not selected.
        let mut l = LineInput::new("2026-12-01");
        l.handle(key(KeyCode::Char('x')));
        assert_eq!(l.text(), "2026-12-01x");
    }

    #[test]
    fn a_selected_default_is_drawn_reversed_only_while_focused() {
        let l = LineInput::prefilled("2026-12-01");
        let (line, col) = l.styled(20, Style::new(), true);
        assert!(
            line.spans[0]
                .style
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert_eq!(col, 10);
        let (line, _) = l.styled(20, Style::new(), false);
        assert!(
            !line.spans[0]
                .style
                .add_modifier
                .contains(Modifier::REVERSED)
        );
    }

    #[test]
    fn wide_characters_are_padded_by_their_columns() {
        let (line, _) = LineInput::new("日本").styled(6, Style::new(), false);
        assert_eq!(line.width(), 6);
    }

    #[test]
    fn pasted_breaks_become_newlines_in_areas_and_spaces_on_a_line() {
        assert_eq!(normalise_breaks("a\r\nb\rc\nd\te"), "a\nb\nc\nd e");
        let mut l = LineInput::default();
        l.paste("Jl. Melati\r\nNo. 5");
        assert_eq!(l.text(), "Jl. Melati No. 5");
        let mut area = new_area("");
        area_paste(&mut area, "Satu.\r\rDua.\rTiga.");
        assert_eq!(area_text(&area), "Satu.\n\nDua.\nTiga.");
    }

    #[test]
    fn a_prefilled_area_is_replaced_by_typing_and_kept_by_an_arrow() {
        let mut area = prefilled_area("Lembar disposisi");
        area_key(&mut area, key(KeyCode::Char('X')));
        assert_eq!(area_text(&area), "X");
        let mut area = prefilled_area("Lembar disposisi");
        area_key(&mut area, key(KeyCode::End));
        area_key(&mut area, key(KeyCode::Char('!')));
        assert_eq!(area_text(&area), "Lembar disposisi!");
    }

    #[test]
    fn wrapping_keeps_every_word_and_breaks() {
        let text = "Bukan kewenangan DPMPTSP → Dinas Pekerjaan Umum dan Penataan Ruang\nbaris";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text.replace('\n', " "));
        assert_eq!(lines.last().unwrap(), "baris");
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
    }
}
