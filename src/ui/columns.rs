//! Tables that fit the terminal: columns declared with a priority and a
//! width range (a column shrinks when its minimum is below its preferred width); `fit` picks which show at a width and how wide each is, and
//! `cell` cuts a text to its column by display width, marking the cut
//! with `…`. `wrap` breaks a pane's line into lines that fit. Pure: no
//! drawing happens here.

use ratatui::layout::Constraint;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns between two cells (ratatui's default column spacing).
pub const GAP: u16 = 1;

/// The mark of a cut text.
pub const CUT: &str = "…";

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub header: &'static str,
    /// Higher shows first; the lowest gives way first when room is short.
    pub priority: u8,
    pub min: u16,
    pub preferred: u16,
    /// Takes what is left once every shown column has its preferred width.
    pub fill: bool,
}

impl Column {
    /// A column that never shrinks: agenda numbers, dates, day counts.
    pub const fn fixed(header: &'static str, width: u16, priority: u8) -> Column {
        Column {
            header,
            priority,
            min: width,
            preferred: width,
            fill: false,
        }
    }

    /// A column of words that may shrink down to `min`, cut with `…`.
    pub const fn flexible(header: &'static str, min: u16, preferred: u16, priority: u8) -> Column {
        Column {
            header,
            priority,
            min,
            preferred,
            fill: false,
        }
    }

    pub const fn filling(self) -> Column {
        Column { fill: true, ..self }
    }
}

/// The columns shown at one width, in the order they were declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    /// Per declared column: its width, or `None` when it gave way.
    pub widths: Vec<Option<u16>>,
}

impl Fit {
    /// (index of the declared column, width) of each shown column, left to right.
    pub fn shown(&self) -> impl Iterator<Item = (usize, u16)> + '_ {
        self.widths
            .iter()
            .enumerate()
            .filter_map(|(i, w)| w.map(|w| (i, w)))
    }

    #[cfg(test)]
    pub fn width_of(&self, index: usize) -> Option<u16> {
        self.widths.get(index).copied().flatten()
    }

    /// Columns and gaps together.
    #[cfg(test)]
    pub fn total(&self) -> u16 {
        let cells: u16 = self.shown().map(|(_, w)| w).sum();
        let count = self.shown().count() as u16;
        cells + GAP * count.saturating_sub(1)
    }

    pub fn constraints(&self) -> Vec<Constraint> {
        self.shown().map(|(_, w)| Constraint::Length(w)).collect()
    }

    /// The shown columns' headers, cut to their widths.
    pub fn headers(&self, columns: &[Column]) -> Vec<String> {
        self.shown()
            .map(|(i, w)| cell(columns[i].header, w))
            .collect()
    }
}

/// Which columns show in `width` and how wide each is; the sum of widths
/// and gaps never exceeds `width`.
///
/// Columns are taken from the highest priority down; each one is taken
/// only while every column taken before it can have its preferred width
/// and it its minimum, so a less important column never squeezes a more
/// important one. Room left over goes first to the shrinking columns
/// (in proportion to how far each is from its preferred width), then to
/// a filling column.
pub fn fit(columns: &[Column], width: u16) -> Fit {
    let mut order: Vec<usize> = (0..columns.len()).collect();
    // Stable: among equal priorities the one declared first stays.
    order.sort_by_key(|&i| std::cmp::Reverse(columns[i].priority));
    let taken = take_by_priority(columns, &order, width);
    let mut widths = vec![None; columns.len()];
    let Some(&first) = taken.first() else {
        return Fit { widths };
    };
    let gaps = GAP * (taken.len() as u16 - 1);
    let mins: u16 = taken.iter().map(|&i| columns[i].min).sum();
    if taken.len() == 1 && mins > width {
        // Not even the most important column fits whole: it gets all there is.
        widths[first] = Some(width).filter(|&w| w > 0);
        return Fit { widths };
    }
    for &i in &taken {
        widths[i] = Some(columns[i].min);
    }
    let spare = width - mins - gaps;
    let spare = grow_towards_preferred(columns, &taken, &mut widths, spare);
    if let Some(&i) = taken.iter().find(|&&i| columns[i].fill) {
        widths[i] = widths[i].map(|w| w + spare);
    }
    Fit { widths }
}

/// The prefix of `order` (priority order) that fits: see `fit`.
fn take_by_priority(columns: &[Column], order: &[usize], width: u16) -> Vec<usize> {
    let mut taken: Vec<usize> = Vec::new();
    let mut preferred: u32 = 0;
    for &i in order {
        let gaps = u32::from(GAP) * taken.len() as u32;
        let need = preferred + u32::from(columns[i].min) + gaps;
        if need > u32::from(width) && !taken.is_empty() {
            break;
        }
        taken.push(i);
        preferred += u32::from(columns[i].preferred);
    }
    taken
}

/// Shares `spare` among the taken columns below their preferred width;
/// returns what is left.
fn grow_towards_preferred(
    columns: &[Column],
    taken: &[usize],
    widths: &mut [Option<u16>],
    spare: u16,
) -> u16 {
    let wanted = |i: usize| columns[i].preferred.saturating_sub(columns[i].min);
    let total_wanted: u32 = taken.iter().map(|&i| u32::from(wanted(i))).sum();
    if total_wanted <= u32::from(spare) {
        for &i in taken {
            widths[i] = Some(columns[i].min + wanted(i));
        }
        return spare - total_wanted as u16;
    }
    let mut left = spare;
    for &i in taken {
        let share = (u32::from(spare) * u32::from(wanted(i)) / total_wanted) as u16;
        widths[i] = widths[i].map(|w| w + share);
        left -= share;
    }
    // What rounding left goes one column at a time, most important first.
    for &i in taken {
        if left == 0 {
            break;
        }
        if let Some(w) = widths[i].filter(|&w| w < columns[i].preferred) {
            widths[i] = Some(w + 1);
            left -= 1;
        }
    }
    left
}

/// How many terminal columns `text` takes, counted as the terminal draws
/// it: grapheme by grapheme.
pub fn display_width(text: &str) -> usize {
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// `text` in `width` columns: itself when it fits, else cut (never inside
/// a grapheme) and ending in `…`. A cut falls after a whole word when one
/// ends near the edge.
pub fn cell(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if display_width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let room = width - display_width(CUT);
    let end = fitting_prefix(text, room);
    // A separator left dangling before the mark says nothing.
    let kept = at_word_end(&text[..end], room)
        .trim_end_matches(|c: char| c.is_whitespace() || "·,;:".contains(c));
    format!("{kept}{CUT}")
}

/// `text` right-aligned in `width` columns (cut like `cell` when longer).
pub fn cell_right(text: &str, width: u16) -> String {
    let cut = cell(text, width);
    let pad = usize::from(width).saturating_sub(display_width(&cut));
    format!("{}{cut}", " ".repeat(pad))
}

/// The byte length of the longest prefix of whole graphemes within `room` columns.
fn fitting_prefix(text: &str, room: usize) -> usize {
    let mut used = 0;
    let mut end = 0;
    for (at, g) in text.grapheme_indices(true) {
        used += g.width();
        if used > room {
            break;
        }
        end = at + g.len();
    }
    end
}

/// `kept` shortened to its last whole word when that loses at most a
/// third of the room; else `kept` as it is.
fn at_word_end(kept: &str, room: usize) -> &str {
    let Some(space) = kept.rfind(char::is_whitespace) else {
        return kept;
    };
    let word_end = kept[..space].trim_end();
    if !word_end.is_empty() && display_width(word_end) * 3 >= room * 2 {
        word_end
    } else {
        kept
    }
}

/// `text` as lines of at most `width` columns, broken between words; a
/// word longer than a line is broken where the line ends. Lines after
/// the first start with `indent` spaces.
pub fn wrap(text: &str, width: u16, indent: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let indent = usize::from(indent).min(width - 1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let room = if lines.is_empty() {
            width
        } else {
            width - indent
        };
        let w = display_width(word);
        if used > 0 && used + 1 + w <= room {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = word;
        loop {
            let room = if lines.is_empty() {
                width
            } else {
                width - indent
            };
            if display_width(rest) <= room {
                line = rest.to_string();
                used = display_width(rest);
                break;
            }
            // A word wider than a line: at least one grapheme per line.
            let end = fitting_prefix(rest, room).max(first_grapheme_len(rest));
            lines.push(rest[..end].to_string());
            rest = &rest[end..];
            if rest.is_empty() {
                used = 0;
                break;
            }
        }
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    let pad = " ".repeat(indent);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { l } else { format!("{pad}{l}") })
        .collect()
}

/// A `2026-10-23` date as a narrow column shows it: `23/10`.
pub fn day_month(date: &str) -> String {
    match (date.get(5..7), date.get(8..10)) {
        (Some(m), Some(d)) => format!("{d}/{m}"),
        _ => date.to_string(),
    }
}

fn first_grapheme_len(text: &str) -> usize {
    text.graphemes(true).next().map_or(0, str::len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn agenda() -> Column {
        Column::fixed("No. agenda", 20, 100)
    }

    /// The inbox's shape: an agenda number, a day count, a date, and words.
    fn inbox_like() -> Vec<Column> {
        vec![
            agenda(),
            Column::flexible("Pelapor", 10, 16, 40),
            Column::flexible("Perihal", 12, 28, 85).filling(),
            Column::flexible("Langkah", 12, 24, 80),
            Column::fixed("Batas", 5, 90),
            Column::fixed("Sisa", 6, 95),
        ]
    }

    #[test]
    fn a_text_that_fits_is_left_as_it_is() {
        assert_eq!(cell("PBG belum terbit", 16), "PBG belum terbit");
        assert_eq!(cell("", 0), "");
    }

    #[test]
    fn a_cut_text_ends_in_an_ellipsis_at_a_word_when_one_is_near() {
        assert_eq!(cell("Dugaan pungutan liar", 10), "Dugaan…");
        assert_eq!(cell("Dugaan pungutan liar", 17), "Dugaan pungutan…");
    }

    #[test]
    fn a_cut_after_a_separator_leaves_the_separator_out() {
        assert_eq!(cell("Salah tempat · Desa Kilensari", 16), "Salah tempat…");
    }

    #[test]
    fn a_cut_far_from_a_word_end_keeps_the_room_and_marks_it() {
        assert_eq!(cell("PBG belum terbit", 9), "PBG belu…");
        assert_eq!(cell("Pemberitahuan", 6), "Pembe…");
    }

    #[test]
    fn wide_characters_are_measured_by_the_columns_they_take() {
        // Each of these takes two columns: three fit in seven with the mark.
        assert_eq!(cell("日本語の文字", 7), "日本語…");
        assert_eq!(display_width(&cell("日本語の文字", 6)), 5);
    }

    #[test]
    fn a_grapheme_is_never_split() {
        // "e" followed by a combining acute accent is one grapheme.
        let text = "cafe\u{301} cafe\u{301}";
        assert_eq!(cell(text, 4), "caf…");
        assert_eq!(cell(text, 5), "cafe\u{301}…");
    }

    #[test]
    fn numbers_right_aligned_keep_their_digits() {
        assert_eq!(cell_right("-20", 6), "   -20");
        assert_eq!(cell_right("✓+3*", 6), "  ✓+3*");
    }

    #[test]
    fn at_eighty_columns_the_complainant_gives_way_first() {
        let columns = inbox_like();
        let fit = fit(&columns, 80);
        assert_eq!(fit.width_of(1), None, "{fit:?}");
        assert_eq!(fit.width_of(0), Some(20));
        assert_eq!(fit.width_of(4), Some(5));
        assert_eq!(fit.width_of(5), Some(6));
        assert!(fit.width_of(2).unwrap() >= 12 && fit.width_of(3).unwrap() >= 12);
        assert_eq!(fit.total(), 80);
    }

    #[test]
    fn at_a_wide_terminal_every_column_shows_and_the_subject_takes_the_rest() {
        let columns = inbox_like();
        let fit = fit(&columns, 140);
        assert!(fit.widths.iter().all(Option::is_some), "{fit:?}");
        assert_eq!(fit.width_of(1), Some(16));
        assert_eq!(fit.width_of(3), Some(24));
        assert_eq!(fit.total(), 140);
    }

    #[test]
    fn a_narrow_width_keeps_the_most_important_column_only() {
        let columns = inbox_like();
        let fit = fit(&columns, 12);
        assert_eq!(fit.shown().collect::<Vec<_>>(), vec![(0, 12)]);
        assert_eq!(super::fit(&columns, 27).shown().count(), 2);
    }

    #[test]
    fn wrapped_lines_break_between_words_and_indent_the_rest() {
        let lines = wrap(
            "10-05 09:00 Operator Loket · Pengaduan 0001/PGD/LKT1/2026",
            24,
            2,
        );
        assert_eq!(
            lines,
            vec![
                "10-05 09:00 Operator",
                "  Loket · Pengaduan",
                "  0001/PGD/LKT1/2026",
            ]
        );
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_where_the_line_ends() {
        assert_eq!(wrap("abcdefghij", 4, 0), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4, 0), vec![""]);
    }

    fn any_column() -> impl Strategy<Value = Column> {
        (0u16..30, 0u16..30, any::<u8>(), any::<bool>()).prop_map(|(a, b, p, fill)| Column {
            header: "Kolom",
            priority: p,
            min: a.min(b),
            preferred: a.max(b),
            fill,
        })
    }

    proptest! {
        #[test]
        fn columns_and_gaps_never_exceed_the_width(
            columns in prop::collection::vec(any_column(), 0..10),
            width in 0u16..200,
        ) {
            let fit = fit(&columns, width);
            prop_assert!(fit.total() <= width, "{fit:?} in {width}");
            // A shown column has at least its minimum, unless it is the only one.
            if fit.shown().count() > 1 {
                for (i, w) in fit.shown() {
                    prop_assert!(w >= columns[i].min);
                }
            }
        }

        #[test]
        fn a_cell_fits_and_is_the_text_or_a_marked_cut_of_it(
            text in "[a-zA-Z é日\u{301}·/-]{0,40}",
            width in 0u16..30,
        ) {
            let shown = cell(&text, width);
            prop_assert!(display_width(&shown) <= usize::from(width));
            if display_width(&text) <= usize::from(width) {
                prop_assert_eq!(&shown, &text);
            } else if width > 0 {
                prop_assert!(shown.ends_with(CUT), "{shown:?}");
                let kept = shown.strip_suffix(CUT).unwrap();
                prop_assert!(text.starts_with(kept));
                // Whole graphemes only: what follows the kept part starts one.
                let boundaries: Vec<usize> =
                    text.grapheme_indices(true).map(|(i, _)| i).collect();
                prop_assert!(kept.is_empty() || boundaries.contains(&kept.len())
                    || kept.len() == text.len());
            }
        }

        #[test]
        fn wrapped_lines_fit_and_keep_every_word(
            text in "[a-z ]{0,80}",
            width in 1u16..30,
        ) {
            let lines = wrap(&text, width, 2);
            for l in &lines {
                prop_assert!(display_width(l) <= usize::from(width), "{l:?}");
            }
            let joined: String = lines.concat().split_whitespace().collect();
            let original: String = text.split_whitespace().collect();
            prop_assert_eq!(joined, original);
        }
    }
}
