//! The recap as a workbook that prints: A4 landscape, one page wide, the
//! column headings and the row labels on every page, the letterhead on
//! top and the signature block below; figures are numbers (rates formatted
//! as percentages), so the sheet can be summed and charted.

use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, FormatUnderline, Workbook, Worksheet, XlsxError,
};

use crate::i18n::{Msg, R, say};
use crate::service::{RecapCell, RecapDoc, RecapRow};

/// A4 in the paper sizes of the XLSX format.
const A4: u8 = 9;
/// The signature block needs about this many characters of width.
const SIGNATURE_WIDTH: f64 = 44.0;
/// Rows left blank for the signature itself.
const ROOM_TO_SIGN: u32 = 3;

pub fn xlsx(doc: &RecapDoc) -> Result<Vec<u8>, Msg> {
    let fail = |e: XlsxError| Msg::Io {
        path: "XLSX".into(),
        detail: e.to_string(),
    };
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(say(R::SheetRecap)).map_err(fail)?;
    RecapSheet::new(doc).write(ws).map_err(fail)?;
    let ws = wb.add_worksheet();
    ws.set_name(say(R::SheetOverdue)).map_err(fail)?;
    write_overdue(doc, ws).map_err(fail)?;
    wb.save_to_buffer().map_err(fail)
}

/// Page setup shared by both sheets.
fn print_setup(ws: &mut Worksheet, footer: &str) {
    ws.set_landscape();
    ws.set_paper_size(A4);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.4, 0.4, 0.5, 0.6, 0.3, 0.3);
    let footer = footer.replace("{page}", "&P").replace("{pages}", "&N");
    ws.set_footer(format!("&C{footer}"));
}

struct Formats {
    government: Format,
    office: Format,
    contact: Format,
    contact_last: Format,
    title: Format,
    note: Format,
    head: Format,
    section: Format,
    label: Format,
    label_strong: Format,
    label_under: Format,
    count: Format,
    rate: Format,
    days: Format,
    text: Format,
    sign: Format,
    sign_wrap: Format,
    sign_name: Format,
}

impl Formats {
    fn new() -> Formats {
        let center = Format::new().set_align(FormatAlign::Center);
        let boxed = Format::new().set_border(FormatBorder::Thin);
        let figure = boxed.clone().set_align(FormatAlign::Right);
        Formats {
            government: center.clone().set_bold().set_font_size(12),
            office: center.clone().set_bold().set_font_size(14),
            contact: center.clone().set_font_size(10),
            contact_last: center
                .clone()
                .set_font_size(10)
                .set_border_bottom(FormatBorder::Double),
            title: center.clone().set_bold().set_font_size(12),
            note: center.clone().set_italic().set_font_size(10),
            head: boxed
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            section: boxed
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xF2F2F2)),
            label: boxed.clone(),
            label_strong: boxed.clone().set_bold(),
            label_under: boxed.clone().set_indent(2),
            count: figure.clone().set_num_format("0"),
            rate: figure.clone().set_num_format("0%"),
            days: figure.clone().set_num_format("0.0"),
            text: figure,
            sign: center.clone(),
            sign_wrap: center.clone().set_text_wrap(),
            sign_name: center.set_bold().set_underline(FormatUnderline::Single),
        }
    }
}

/// Where everything goes on the recap sheet.
struct RecapSheet<'a> {
    doc: &'a RecapDoc,
    label_width: f64,
    value_width: f64,
    /// The last column printed: the table's, or a blank one beyond it so
    /// the signature block has room beside a narrow table.
    last_col: u16,
    /// The first column of the signature block.
    sign_col: u16,
}

impl<'a> RecapSheet<'a> {
    fn new(doc: &'a RecapDoc) -> RecapSheet<'a> {
        let longest = doc
            .sections
            .iter()
            .flat_map(|s| {
                s.rows
                    .iter()
                    .map(|r| r.label.chars().count() + 3 * r.indent as usize)
            })
            .max()
            .unwrap_or(20);
        let label_width = (longest as f64 + 2.0).clamp(30.0, 54.0);
        let widest_title = doc
            .columns
            .iter()
            .map(|c| c.title.chars().count())
            .max()
            .unwrap_or(6);
        let value_width = (widest_title as f64 + 2.0).max(7.5);
        let table_last = doc.columns.len() as u16;
        // The signature block sits over the rightmost columns that give it room.
        let mut sign_col = table_last.max(1);
        let mut room = value_width;
        while sign_col > 1 && room < SIGNATURE_WIDTH {
            sign_col -= 1;
            room += value_width;
        }
        let last_col = if room < SIGNATURE_WIDTH {
            table_last + 1
        } else {
            table_last
        };
        RecapSheet {
            doc,
            label_width,
            value_width,
            last_col,
            sign_col,
        }
    }

    fn write(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        let f = Formats::new();
        let doc = self.doc;
        ws.set_column_width(0, self.label_width)?;
        for c in 1..=doc.columns.len() as u16 {
            ws.set_column_width(c, self.value_width)?;
        }
        if self.last_col > doc.columns.len() as u16 {
            let spare = SIGNATURE_WIDTH - self.value_width;
            ws.set_column_width(self.last_col, spare.max(10.0))?;
        }
        let mut row = self.letterhead(ws, &f)?;
        row += 1;
        for line in &doc.title {
            self.across(ws, row, line, &f.title)?;
            row += 1;
        }
        if let Some(as_of) = &doc.as_of {
            self.across(ws, row, as_of, &f.note)?;
            row += 1;
        }
        row += 1;
        let header = row;
        self.header_row(ws, header, &f)?;
        row += 1;
        for section in &doc.sections {
            self.section_heading(ws, row, &section.heading, &f)?;
            row += 1;
            for r in &section.rows {
                self.figure_row(ws, row, r, &f)?;
                row += 1;
            }
        }
        let last_row = self.signature(ws, row + 1, &f)?;
        print_setup(ws, &doc.page_footer);
        ws.set_repeat_rows(header, header)?;
        ws.set_repeat_columns(0, 0)?;
        ws.set_print_area(0, 0, last_row, self.last_col)?;
        ws.set_freeze_panes(header + 1, 1)?;
        Ok(())
    }

    /// A line merged over every printed column.
    fn across(
        &self,
        ws: &mut Worksheet,
        row: u32,
        text: &str,
        f: &Format,
    ) -> Result<(), XlsxError> {
        if self.last_col == 0 {
            ws.write_string_with_format(row, 0, sheet_text(text), f)?;
        } else {
            ws.merge_range(row, 0, row, self.last_col, text, f)?;
        }
        Ok(())
    }

    /// The letterhead, ruled off below; returns the row after it.
    fn letterhead(&self, ws: &mut Worksheet, f: &Formats) -> Result<u32, XlsxError> {
        let lines = &self.doc.office.letterhead;
        for (i, line) in lines.iter().enumerate() {
            let row = i as u32;
            let last = i + 1 == lines.len();
            // The government's line, the office's name large, the contacts.
            let is_office = i == usize::from(lines.len() > 2);
            let format = match i {
                _ if last => &f.contact_last,
                _ if is_office => &f.office,
                0 => &f.government,
                _ => &f.contact,
            };
            self.across(ws, row, line, format)?;
            if is_office {
                ws.set_row_height(row, 19)?;
            }
        }
        Ok(lines.len() as u32)
    }

    /// A section's heading over the whole width of the table, on two lines
    /// when it is longer than the table is wide.
    fn section_heading(
        &self,
        ws: &mut Worksheet,
        row: u32,
        heading: &str,
        f: &Formats,
    ) -> Result<(), XlsxError> {
        let last = self.doc.columns.len() as u16;
        if last == 0 {
            ws.write_string_with_format(row, 0, sheet_text(heading), &f.section)?;
            return Ok(());
        }
        ws.merge_range(row, 0, row, last, heading, &f.section)?;
        let width = self.label_width + self.value_width * f64::from(last);
        if heading.chars().count() as f64 > width {
            ws.set_row_height(row, 30)?;
        }
        Ok(())
    }

    fn header_row(&self, ws: &mut Worksheet, row: u32, f: &Formats) -> Result<(), XlsxError> {
        ws.write_string_with_format(row, 0, sheet_text(&self.doc.label_heading), &f.head)?;
        for (i, c) in self.doc.columns.iter().enumerate() {
            ws.write_string_with_format(row, i as u16 + 1, sheet_text(&c.title), &f.head)?;
        }
        Ok(())
    }

    fn figure_row(
        &self,
        ws: &mut Worksheet,
        row: u32,
        r: &RecapRow,
        f: &Formats,
    ) -> Result<(), XlsxError> {
        let label = match (r.indent, r.strong) {
            (0, true) => &f.label_strong,
            (0, false) => &f.label,
            _ => &f.label_under,
        };
        ws.write_string_with_format(row, 0, sheet_text(&r.label), label)?;
        for (i, cell) in r.cells.iter().enumerate() {
            let col = i as u16 + 1;
            match cell {
                RecapCell::Count(n) => {
                    ws.write_number_with_format(row, col, *n as f64, &f.count)?;
                }
                RecapCell::Rate { .. } => {
                    let value = cell.fraction().unwrap_or(0.0);
                    ws.write_number_with_format(row, col, value, &f.rate)?;
                }
                RecapCell::Days(d) => {
                    ws.write_number_with_format(row, col, *d, &f.days)?;
                }
                RecapCell::Text(t) => {
                    ws.write_string_with_format(row, col, sheet_text(t), &f.text)?;
                }
                RecapCell::Empty => {
                    ws.write_blank(row, col, &f.label)?;
                }
            }
        }
        Ok(())
    }

    /// The signature block from `row`; returns its last row.
    fn signature(&self, ws: &mut Worksheet, row: u32, f: &Formats) -> Result<u32, XlsxError> {
        let s = &self.doc.signature;
        let mut row = row;
        let mut line =
            |ws: &mut Worksheet, text: &str, format: &Format| -> Result<u32, XlsxError> {
                if self.sign_col == self.last_col {
                    ws.write_string_with_format(row, self.sign_col, sheet_text(text), format)?;
                } else {
                    ws.merge_range(row, self.sign_col, row, self.last_col, text, format)?;
                }
                row += 1;
                Ok(row - 1)
            };
        line(ws, &s.place_date, &f.sign)?;
        line(ws, &s.mengetahui, &f.sign)?;
        let title = line(ws, &s.title, &f.sign_wrap)?;
        // A long title wraps onto two lines within the block.
        if s.title.chars().count() as f64 > SIGNATURE_WIDTH {
            ws.set_row_height(title, 30)?;
        }
        for _ in 0..ROOM_TO_SIGN {
            line(ws, "", &f.sign)?;
        }
        let mut last = line(ws, &s.name, &f.sign_name)?;
        for extra in [&s.rank, &s.nip] {
            if !extra.is_empty() {
                last = line(ws, extra, &f.sign)?;
            }
        }
        Ok(last)
    }
}

/// The overdue cases on a sheet of their own, printed the same way.
fn write_overdue(doc: &RecapDoc, ws: &mut Worksheet) -> Result<(), XlsxError> {
    let f = Formats::new();
    let o = &doc.overdue;
    for (c, w) in [(0u16, 5.0), (1, 26.0), (2, 34.0), (3, 36.0)] {
        ws.set_column_width(c, w)?;
    }
    let last_col = o.columns.len().saturating_sub(1) as u16;
    let mut row = 0;
    for line in doc.title.iter().chain(std::iter::once(&o.heading)) {
        ws.merge_range(row, 0, row, last_col, line, &f.title)?;
        row += 1;
    }
    row += 1;
    let header = row;
    for (c, h) in o.columns.iter().enumerate() {
        ws.write_string_with_format(header, c as u16, sheet_text(h), &f.head)?;
    }
    for (i, r) in o.rows.iter().enumerate() {
        for (c, v) in r.iter().enumerate() {
            ws.write_string_with_format(header + 1 + i as u32, c as u16, sheet_text(v), &f.label)?;
        }
    }
    print_setup(ws, &doc.page_footer);
    ws.set_repeat_rows(header, header)?;
    let last_row = header + o.rows.len() as u32;
    ws.set_print_area(0, 0, last_row, last_col)?;
    Ok(())
}

/// A cell's text as the sheet shows it: control characters as visible
/// stand-ins (the sheet stores text, so a leading `=` is never a formula).
fn sheet_text(s: &str) -> String {
    crate::domain::text::for_terminal(s).into_owned()
}
