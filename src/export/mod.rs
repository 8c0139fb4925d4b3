//! Files the office prints or sends: the recap as CSV, Markdown and XLSX,
//! each drawn from the one layout (`RecapDoc`). No export carries a NIK, a
//! phone or an address; names appear only in the list of overdue cases, and
//! only of cases neither confidential nor anonymous.

mod xlsx;

use std::path::Path;

use crate::domain::text;
use crate::i18n::Msg;
use crate::service::RecapDoc;

pub use xlsx::xlsx;

/// CSV that spreadsheets in Indonesian settings open as UTF-8: with a BOM,
/// and `;` as the delimiter where a comma is the decimal mark. A section's
/// heading is a row of its own; every figure is its cell's text.
pub fn csv(doc: &RecapDoc, delimiter: char) -> Result<Vec<u8>, Msg> {
    let fail = |detail: String| Msg::Io {
        path: "CSV".into(),
        detail,
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter as u8)
        .flexible(true)
        .from_writer(Vec::new());
    let mut header = vec![csv_cell(&doc.label_heading)];
    header.extend(doc.columns.iter().map(|c| csv_cell(&c.full_title)));
    w.write_record(&header).map_err(|e| fail(e.to_string()))?;
    for section in &doc.sections {
        w.write_record([csv_cell(&section.heading)])
            .map_err(|e| fail(e.to_string()))?;
        for row in &section.rows {
            let record: Vec<String> = std::iter::once(csv_cell(&row.label))
                .chain(row.cells.iter().map(|c| csv_cell(&c.text())))
                .collect();
            w.write_record(&record).map_err(|e| fail(e.to_string()))?;
        }
    }
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(w.into_inner().map_err(|e| fail(e.to_string()))?);
    Ok(bytes)
}

fn csv_cell(s: &str) -> String {
    text::for_csv_cell(s).into_owned()
}

/// Markdown: the title, the letterhead, one table with the sections as bold
/// rows, the overdue cases, and the signature block. Every text from the
/// layout is escaped ([`text::for_markdown`]): an office's letterhead or a
/// complainant's name can neither break the table nor steer a terminal
/// that shows the file.
pub fn markdown(doc: &RecapDoc) -> String {
    let md = |s: &str| text::for_markdown(s).into_owned();
    let mut out = String::new();
    if let Some((first, rest)) = doc.title.split_first() {
        out.push_str(&format!("# {}\n\n", md(first)));
        for line in rest {
            out.push_str(&format!("**{}**\n\n", md(line)));
        }
    }
    let letterhead: Vec<String> = doc.office.letterhead.iter().map(|l| md(l)).collect();
    out.push_str(&format!("{}\n\n", letterhead.join("  \n")));
    if let Some(as_of) = &doc.as_of {
        out.push_str(&format!("{}\n\n", md(as_of)));
    }
    let titles: Vec<String> = doc.columns.iter().map(|c| md(&c.full_title)).collect();
    out.push_str(&format!(
        "| {} | {} |\n",
        md(&doc.label_heading),
        titles.join(" | ")
    ));
    out.push_str(&format!("|---|{}\n", "---:|".repeat(titles.len())));
    let blank = " |".repeat(titles.len());
    for section in &doc.sections {
        out.push_str(&format!("| **{}** |{blank}\n", md(&section.heading)));
        for row in &section.rows {
            let cells: Vec<String> = row.cells.iter().map(|c| md(&c.text())).collect();
            let label = if row.strong {
                format!("**{}**", md(&row.label))
            } else {
                md(&row.label)
            };
            out.push_str(&format!("| {label} | {} |\n", cells.join(" | ")));
        }
    }
    if !doc.overdue.rows.is_empty() {
        out.push_str(&format!("\n## {}\n\n", md(&doc.overdue.heading)));
        for row in &doc.overdue.rows {
            // No, agenda, name, deadline.
            let cell = |i: usize| row.get(i).map_or(String::new(), |c| md(c));
            out.push_str(&format!(
                "{}. {} ({}) {}\n",
                cell(0),
                cell(1),
                cell(3),
                cell(2)
            ));
        }
    }
    let s = &doc.signature;
    out.push_str(&format!(
        "\n{}  \n{}  \n{}\n\n\n",
        md(&s.place_date),
        md(&s.mengetahui),
        md(&s.title)
    ));
    let tail: Vec<String> = [format!("**{}**", md(&s.name)), md(&s.rank), md(&s.nip)]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    out.push_str(&format!("{}\n", tail.join("  \n")));
    out
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
