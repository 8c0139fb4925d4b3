//! Files the office prints or sends: the recap as CSV, Markdown and XLSX,
//! each drawn from the one layout (`RecapDoc`). No export carries a NIK, a
//! phone or an address; names appear only in the list of overdue cases, and
//! only of cases neither confidential nor anonymous.

mod xlsx;

use std::path::Path;

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
    let mut header = vec![doc.label_heading.clone()];
    header.extend(doc.columns.iter().map(|c| c.full_title.clone()));
    w.write_record(&header).map_err(|e| fail(e.to_string()))?;
    for section in &doc.sections {
        w.write_record([&section.heading])
            .map_err(|e| fail(e.to_string()))?;
        for row in &section.rows {
            let record: Vec<String> = std::iter::once(row.label.clone())
                .chain(row.cells.iter().map(|c| c.text()))
                .collect();
            w.write_record(&record).map_err(|e| fail(e.to_string()))?;
        }
    }
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(w.into_inner().map_err(|e| fail(e.to_string()))?);
    Ok(bytes)
}

/// Markdown: the title, the letterhead, one table with the sections as bold
/// rows, the overdue cases, and the signature block.
pub fn markdown(doc: &RecapDoc) -> String {
    let mut out = String::new();
    if let Some((first, rest)) = doc.title.split_first() {
        out.push_str(&format!("# {first}\n\n"));
        for line in rest {
            out.push_str(&format!("**{line}**\n\n"));
        }
    }
    out.push_str(&format!("{}\n\n", doc.office.letterhead.join("  \n")));
    if let Some(as_of) = &doc.as_of {
        out.push_str(&format!("{as_of}\n\n"));
    }
    let titles: Vec<&str> = doc.columns.iter().map(|c| c.full_title.as_str()).collect();
    out.push_str(&format!(
        "| {} | {} |\n",
        doc.label_heading,
        titles.join(" | ")
    ));
    out.push_str(&format!("|---|{}\n", "---:|".repeat(titles.len())));
    let blank = " |".repeat(titles.len());
    for section in &doc.sections {
        out.push_str(&format!("| **{}** |{blank}\n", section.heading));
        for row in &section.rows {
            let cells: Vec<String> = row.cells.iter().map(|c| c.text()).collect();
            let label = if row.strong {
                format!("**{}**", row.label)
            } else {
                row.label.clone()
            };
            out.push_str(&format!("| {label} | {} |\n", cells.join(" | ")));
        }
    }
    if !doc.overdue.rows.is_empty() {
        out.push_str(&format!("\n## {}\n\n", doc.overdue.heading));
        for row in &doc.overdue.rows {
            // No, agenda, name, deadline.
            out.push_str(&format!("{}. {} ({}) {}\n", row[0], row[1], row[3], row[2]));
        }
    }
    let s = &doc.signature;
    out.push_str(&format!(
        "\n{}  \n{}  \n{}\n\n\n",
        s.place_date, s.mengetahui, s.title
    ));
    let tail: Vec<String> = [format!("**{}**", s.name), s.rank.clone(), s.nip.clone()]
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
