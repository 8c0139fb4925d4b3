//! Files the office prints or sends: the recap as CSV, Markdown and XLSX,
//! each drawn from the one layout (`RecapDoc`). No export carries a NIK, a
//! phone or an address; names appear only in the list of overdue cases, and
//! only of cases neither confidential nor anonymous.

mod xlsx;

use std::path::Path;

use crate::domain::text;
use crate::files as private;
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

/// Writes a file whole (a temporary name, then a rename), owner-only,
/// never over an existing one unless `force`.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), Msg> {
    if path.exists() && !force {
        return Err(Msg::FileExists(path.into()));
    }
    let fail = |e: std::io::Error| Msg::Io {
        path: path.into(),
        detail: crate::i18n::io_detail(&e),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        private::create_private_dir_all(dir).map_err(fail)?;
    }
    // A whole file or none: a crash or a full disk never leaves half a file
    // under the real name. A temporary left by a crash is made anew, so it
    // carries this file's mode and not its own.
    let tmp = path.with_extension("tmp-aduan");
    let _ = std::fs::remove_file(&tmp);
    let published =
        private::write_private_new(&tmp, bytes).and_then(|()| publish(&tmp, path, force));
    if let Err(e) = published {
        let _ = std::fs::remove_file(&tmp);
        return Err(match e.kind() {
            std::io::ErrorKind::AlreadyExists => Msg::FileExists(path.into()),
            _ => fail(e),
        });
    }
    Ok(())
}

/// Gives the written temporary its real name. Without `force` a file that
/// appeared at `path` since it was looked at is kept: the move refuses
/// (`AlreadyExists`) instead of replacing it.
fn publish(tmp: &Path, path: &Path, force: bool) -> std::io::Result<()> {
    if force {
        return std::fs::rename(tmp, path);
    }
    match rename_no_replace(tmp, path) {
        Err(e) if unsupported(&e) => match std::fs::hard_link(tmp, path) {
            Ok(()) => std::fs::remove_file(tmp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
            // A file system with neither (some network shares): the
            // narrowest window left.
            Err(_) if !path.exists() => std::fs::rename(tmp, path),
            Err(_) => Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists)),
        },
        done => done,
    }
}

/// Whether the file system cannot do the move this way (and another way
/// should be tried).
fn unsupported(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    if matches!(
        e.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)
    ) {
        return true;
    }
    e.kind() == std::io::ErrorKind::Unsupported
}

#[cfg(target_os = "linux")]
fn rename_no_replace(from: &Path, to: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        std::ffi::CString::new(p.as_os_str().as_bytes())
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
    };
    let (from, to) = (c(from)?, c(to)?);
    // SAFETY: both are NUL-terminated paths that live across the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::RENAME_NOREPLACE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn rename_no_replace(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_appears_before_the_rename_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rekap.csv");
        let tmp = dir.path().join("rekap.tmp-aduan");
        std::fs::write(&tmp, "ours").unwrap();
        // Another program writes the name after write_new looked.
        std::fs::write(&path, "theirs").unwrap();
        let e = publish(&tmp, &path, false).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "theirs");
    }

    #[test]
    fn a_free_name_is_published_and_force_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("rekap.csv");
        write_new(&path, b"one", false).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        assert!(matches!(
            write_new(&path, b"two", false),
            Err(Msg::FileExists(_))
        ));
        write_new(&path, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert!(!dir.path().join("sub").join("rekap.tmp-aduan").exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
