//! Text that may not steer a terminal: which characters a field refuses, and
//! how any text is made safe to show wherever it came from (a bundle from
//! another desk may carry what this desk's intake would refuse).
//!
//! A "control character" here is what [`char::is_control`] says (C0, DEL,
//! C1: escape sequences, NUL, carriage return) plus the bidirectional
//! overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder the
//! text shown around them. A one-line field holds none; a multi-line field
//! (a description, a note's text, a letter's konsep) holds line breaks and
//! tabs, which only move the cursor forward, and nothing else.

use std::borrow::Cow;

/// Whether `c` may steer a terminal or reorder the text around it.
pub fn is_control(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The first character a one-line field may not hold.
pub fn control_in_line(s: &str) -> Option<char> {
    s.chars().find(|&c| is_control(c))
}

/// The first character a multi-line field may not hold: line breaks and
/// tabs are its own.
pub fn control_in_lines(s: &str) -> Option<char> {
    s.chars().find(|&c| c != '\n' && c != '\t' && is_control(c))
}

/// How a character is named in a message: `U+001B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// One line for a terminal: every control character, line breaks
/// included, replaced by a visible stand-in (`\x1b`, `\0`, `\n`, `\u{202e}`).
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    replace_where(s, is_control)
}

/// Text of several lines for a terminal: line breaks and tabs kept, every
/// other control character shown as its stand-in.
pub fn for_terminal_lines(s: &str) -> Cow<'_, str> {
    replace_where(s, |c| c != '\n' && c != '\t' && is_control(c))
}

/// A Markdown table cell or inline text: control characters visible, `|`
/// escaped so a cell cannot split the row, a line break a `<br>` so it
/// cannot end it, and `<` escaped so a viewer renders no HTML.
pub fn for_markdown(s: &str) -> Cow<'_, str> {
    let special = |c: char| matches!(c, '|' | '<' | '\n' | '\r' | '\\') || is_control(c);
    if !s.contains(special) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '\\' => out.push_str("\\\\"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => out.push_str("<br>"),
            c if is_control(c) => push_stand_in(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A CSV cell a spreadsheet opens as text, never as a formula (OWASP's
/// advice): a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a leading `'`; a plain number (`-3`, `2,5`) stays a number,
/// and a lone `-` (no figure) stays as it is.
/// Control characters but the line break (CSV quotes a cell holding one)
/// are made visible.
pub fn for_csv_cell(s: &str) -> Cow<'_, str> {
    let risky_start =
        s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s != "-" && !is_plain_number(s);
    let visible = replace_where(s, |c| c != '\n' && is_control(c));
    if risky_start {
        Cow::Owned(format!("'{visible}"))
    } else {
        visible
    }
}

/// `-3`, `12`, `2,5`, `-0.75`: digits with one optional sign and one
/// decimal mark, which a spreadsheet reads as a number and never runs.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let mut marks = 0;
    !digits.is_empty()
        && digits.chars().all(|c| match c {
            '0'..='9' => true,
            '.' | ',' => {
                marks += 1;
                marks == 1
            }
            _ => false,
        })
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.ends_with(|c: char| c.is_ascii_digit())
}

/// JSON as `serde_json` writes it, safe for a terminal with the same
/// meaning: it escapes C0 itself, this escapes DEL, C1 and the bidi
/// controls (`\u009b`), which can only stand inside a string.
pub fn json_for_terminal(json: &str) -> Cow<'_, str> {
    let raw = |c: char| c != '\n' && is_control(c);
    if !json.contains(raw) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if raw(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn replace_where(s: &str, replace: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.contains(&replace) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if replace(c) {
            push_stand_in(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The visible stand-in of a control character, as Rust and C write it.
fn push_stand_in(out: &mut String, c: char) {
    match c {
        '\0' => out.push_str("\\0"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if (c as u32) <= 0xFF => out.push_str(&format!("\\x{:02x}", c as u32)),
        c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ESC_RED: &str = "Esc\u{1b}[31mRed";

    fn no_raw_control(s: &str) -> bool {
        !s.chars().any(is_control)
    }

    #[test]
    fn escape_nul_del_c1_and_bidi_are_control_characters() {
        for c in [
            '\u{1b}', '\0', '\u{7f}', '\u{9b}', '\r', '\u{202e}', '\u{2066}',
        ] {
            assert!(is_control(c), "{c:?}");
        }
        for c in ['a', 'é', ' ', '\u{200b}', '—', '\u{2028}'] {
            assert!(!is_control(c), "{c:?}");
        }
    }

    #[test]
    fn a_line_refuses_breaks_and_tabs_but_lines_keep_them() {
        assert_eq!(control_in_line(ESC_RED), Some('\u{1b}'));
        assert_eq!(control_in_line("Siti Aminah"), None);
        assert_eq!(control_in_line("Siti\nAminah"), Some('\n'));
        assert_eq!(control_in_lines("Baris satu\n\tdua"), None);
        assert_eq!(control_in_lines("satu\r\ndua"), Some('\r'));
        assert_eq!(control_in_lines("abc\u{202e}fed"), Some('\u{202e}'));
    }

    #[test]
    fn the_terminal_sees_stand_ins_never_the_character() {
        assert_eq!(for_terminal(ESC_RED), "Esc\\x1b[31mRed");
        assert_eq!(for_terminal("a\0b"), "a\\0b");
        assert_eq!(for_terminal("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(for_terminal("x\u{202e}y\u{9b}"), "x\\u{202e}y\\x9b");
        assert_eq!(for_terminal_lines("a\nb\tc\rd\u{1b}"), "a\nb\tc\\rd\\x1b");
        assert!(no_raw_control(&for_terminal(
            "\u{1b}\u{7}\u{8}\u{7f}\u{2069}"
        )));
    }

    #[test]
    fn clean_text_is_not_copied() {
        assert!(matches!(for_terminal("Siti Aminah"), Cow::Borrowed(_)));
        assert!(matches!(for_markdown("Siti Aminah"), Cow::Borrowed(_)));
        assert!(matches!(for_csv_cell("Siti Aminah"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_markdown_cell_cannot_split_or_end_its_row() {
        assert_eq!(for_markdown("a | b"), "a \\| b");
        assert_eq!(for_markdown("satu\r\ndua\nthree"), "satu<br>dua<br>three");
        assert_eq!(for_markdown("<script>"), "&lt;script>");
        assert_eq!(for_markdown("a\\|b"), "a\\\\\\|b");
        assert_eq!(for_markdown(ESC_RED), "Esc\\x1b[31mRed");
    }

    #[test]
    fn a_csv_cell_is_never_a_formula() {
        assert_eq!(for_csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(for_csv_cell("+1+1"), "'+1+1");
        assert_eq!(for_csv_cell("-2+3"), "'-2+3");
        assert_eq!(for_csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(for_csv_cell("\t=1"), "'\\t=1");
        assert_eq!(for_csv_cell("\r=1"), "'\\r=1");
        assert_eq!(for_csv_cell("a=b"), "a=b");
        assert_eq!(for_csv_cell(ESC_RED), "Esc\\x1b[31mRed");
        assert_eq!(for_csv_cell("dua\nbaris"), "dua\nbaris");
    }

    #[test]
    fn json_keeps_its_meaning_without_raw_controls() {
        let json = serde_json::to_string_pretty(&serde_json::json!({
            "name": "Esc\u{1b}[31m\u{9b}2J\u{202e}x\u{7f}"
        }))
        .unwrap();
        let safe = json_for_terminal(&json);
        assert!(no_raw_control(&safe.replace('\n', "")), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], "Esc\u{1b}[31m\u{9b}2J\u{202e}x\u{7f}");
    }

    #[test]
    fn a_negative_number_stays_a_number() {
        for n in ["-3", "12", "2,5", "-0.75", "0"] {
            assert_eq!(for_csv_cell(n), n);
        }
        assert_eq!(for_csv_cell("-"), "-");
        for s in ["--", "-,5", "-1,2,3", "-inf", "-1e5"] {
            assert!(for_csv_cell(s).starts_with('\''), "{s}");
        }
    }
}
