//! Files the office prints or sends: the recap as CSV, Markdown and XLSX.
//! No export carries a NIK, a phone or an address; names appear only in the
//! list of overdue cases, and only of cases neither confidential nor anonymous.

use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook};

use crate::i18n::{Msg, R, say};
use crate::service::Recap;

/// CSV that spreadsheets in Indonesian settings open as UTF-8: with a BOM,
/// and `;` as the delimiter where a comma is the decimal mark.
pub fn csv(r: &Recap, delimiter: char) -> Result<Vec<u8>, Msg> {
    let fail = |detail: String| Msg::Io {
        path: "CSV".into(),
        detail,
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter as u8)
        .from_writer(Vec::new());
    let mut header = vec![String::new()];
    header.extend(r.titles());
    w.write_record(&header).map_err(|e| fail(e.to_string()))?;
    for (label, values) in r.rows() {
        let record: Vec<String> = std::iter::once(label.trim().to_string())
            .chain(values)
            .collect();
        w.write_record(&record).map_err(|e| fail(e.to_string()))?;
    }
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(w.into_inner().map_err(|e| fail(e.to_string()))?);
    Ok(bytes)
}

pub fn markdown(r: &Recap) -> String {
    let titles = r.titles();
    let mut out = format!(
        "# {}\n\n{} — {}\n\n",
        say(R::RecapTitle),
        r.office,
        r.regency
    );
    if let Some(as_of) = r.as_of_text() {
        out.push_str(&format!("{as_of}\n\n"));
    }
    out.push_str(&format!("| | {} |\n", titles.join(" | ")));
    out.push_str(&format!("|---|{}\n", "---:|".repeat(titles.len())));
    for (label, values) in r.rows() {
        out.push_str(&format!("| {} | {} |\n", label.trim(), values.join(" | ")));
    }
    if !r.overdue.is_empty() {
        out.push_str(&format!("\n## {}\n\n", say(R::OverdueList)));
        for o in &r.overdue {
            out.push_str(&format!(
                "- {} ({}) {}\n",
                o.agenda_no,
                o.deadline_text(),
                o.name.as_deref().unwrap_or("-")
            ));
        }
    }
    out
}

/// A workbook: the figures on one sheet, the overdue cases on another; the
/// office's header, bold headings, column widths, A4 landscape.
pub fn xlsx(r: &Recap) -> Result<Vec<u8>, Msg> {
    let fail = |e: rust_xlsxwriter::XlsxError| Msg::Io {
        path: "XLSX".into(),
        detail: e.to_string(),
    };
    let mut wb = Workbook::new();
    let title = Format::new().set_bold().set_font_size(13);
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let label_bold = Format::new().set_border(FormatBorder::Thin).set_bold();
    let titles = r.titles();

    let ws = wb.add_worksheet();
    ws.set_name(say(R::SheetRecap)).map_err(fail)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_column_width(0, 48).map_err(fail)?;
    for c in 1..=titles.len() as u16 {
        ws.set_column_width(c, 14).map_err(fail)?;
    }
    ws.write_string_with_format(0, 0, say(R::RecapTitle), &title)
        .map_err(fail)?;
    ws.write_string(1, 0, &r.office).map_err(fail)?;
    ws.write_string(2, 0, &r.regency).map_err(fail)?;
    if let Some(as_of) = r.as_of_text() {
        ws.write_string(3, 0, &as_of).map_err(fail)?;
    }
    let top = 4;
    ws.write_string_with_format(top, 0, "", &head)
        .map_err(fail)?;
    for (i, t) in titles.iter().enumerate() {
        ws.write_string_with_format(top, i as u16 + 1, t, &head)
            .map_err(fail)?;
    }
    for (row, (label, values)) in r.rows().iter().enumerate() {
        let row = top + 1 + row as u32;
        let fmt = if label.starts_with(' ') {
            &cell
        } else {
            &label_bold
        };
        ws.write_string_with_format(row, 0, label.trim(), fmt)
            .map_err(fail)?;
        for (i, v) in values.iter().enumerate() {
            // A month not yet begun is blank, not zero.
            if v.is_empty() {
                ws.write_blank(row, i as u16 + 1, &cell).map_err(fail)?;
                continue;
            }
            match v.parse::<f64>() {
                Ok(n) => ws
                    .write_number_with_format(row, i as u16 + 1, n, &cell)
                    .map_err(fail)?,
                Err(_) => ws
                    .write_string_with_format(row, i as u16 + 1, v, &cell)
                    .map_err(fail)?,
            };
        }
    }

    let ws = wb.add_worksheet();
    ws.set_name(say(R::SheetOverdue)).map_err(fail)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    for (c, w) in [(0u16, 22.0), (1, 30.0), (2, 14.0)] {
        ws.set_column_width(c, w).map_err(fail)?;
    }
    ws.write_string_with_format(0, 0, say(R::OverdueList), &title)
        .map_err(fail)?;
    for (c, h) in [say(R::AgendaNo), say(R::Name), say(R::DeadlineWord)]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(2, c as u16, *h, &head)
            .map_err(fail)?;
    }
    for (i, o) in r.overdue.iter().enumerate() {
        let row = 3 + i as u32;
        ws.write_string_with_format(row, 0, &o.agenda_no, &cell)
            .map_err(fail)?;
        ws.write_string_with_format(row, 1, o.name.as_deref().unwrap_or("-"), &cell)
            .map_err(fail)?;
        ws.write_string_with_format(row, 2, o.deadline_text(), &cell)
            .map_err(fail)?;
    }
    wb.save_to_buffer().map_err(fail)
}

/// Writes a file whole (a temporary name, then a rename), never over an
/// existing one unless `force`.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), Msg> {
    if path.exists() && !force {
        return Err(Msg::FileExists(path.into()));
    }
    let fail = |e: std::io::Error| Msg::Io {
        path: path.into(),
        detail: crate::i18n::io_detail(&e),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    // A whole file or none: a crash or a full disk never leaves half a file
    // under the real name.
    let tmp = path.with_extension("tmp-aduan");
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        std::io::Write::write_all(&mut f, bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}
