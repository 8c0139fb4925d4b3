//! A one-line text input whose cursor is measured in display columns
//! (unicode-width), so names with wide or combining characters line up.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in chars.
    cursor: usize,
}

impl LineInput {
    pub fn new(text: &str) -> LineInput {
        LineInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert_str(&mut self, s: &str) {
        let clean: String = s.chars().filter(|c| !c.is_control()).collect();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// Handles an editing key; false when the key is not an editing key.
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let len = self.text.chars().count();
        match key.code {
            KeyCode::Char('u') if ctrl => {
                self.text.clear();
                self.cursor = 0;
            }
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
}
