//! The recap's XLSX as LibreOffice prints it: one page wide on A4
//! landscape, the column headings and the row labels on every page, the
//! letterhead, the title and the signature block in the text.
//!
//! Needs `soffice` (LibreOffice) and `pdfinfo`/`pdftotext` (poppler-utils);
//! without them each test says why and passes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::TestDesk;

const NIP: &str = "19700101 199003 1 007";
const ADDRESS: &str = "Jl. PB. Sudirman No. 1, Situbondo";

fn missing_tool() -> Option<&'static str> {
    ["soffice", "pdfinfo", "pdftotext"]
        .into_iter()
        .find(|tool| {
            Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .output()
                .map_or(true, |o| !o.status.success())
        })
}

/// A year and a half of demo cases, and a Kadis with a NIP.
fn desk() -> TestDesk {
    let desk = TestDesk::with_config(&format!(
        "[office]\nhead_name = \"Drs. Budi Santoso, M.Si.\"\nhead_nip = \"{NIP}\"\nhead_rank = \"Pembina Utama Muda (IV/c)\"\n"
    ));
    desk.ok(&[
        "demo", "--cases", "700", "--from", "2025-06", "--to", "2026-11",
    ]);
    desk
}

/// Converts `xlsx` to PDF with a LibreOffice profile of its own (runs
/// side by side do not share one).
fn to_pdf(desk: &TestDesk, xlsx: &Path) -> PathBuf {
    let out = desk.dir.path().join("pdf");
    let profile = desk.dir.path().join("lo-profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .arg(xlsx)
        .output()
        .unwrap();
    let pdf = out.join(xlsx.with_extension("pdf").file_name().unwrap());
    assert!(
        pdf.exists(),
        "soffice made no PDF: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    pdf
}

fn page_count(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(info.contains("841.89 x 595.3"), "not A4 landscape: {info}");
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count: {info}"))
}

/// The text of each page, laid out as printed.
fn pages(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The pages of the recap sheet (the overdue sheet follows them), each
/// checked to carry the column headings and a label on every row of
/// figures: a page of bare numbers is a table that spilled sideways.
fn recap_pages(pages: &[String], headings: &[&str]) -> usize {
    let recap: Vec<&String> = pages.iter().filter(|p| p.contains("Uraian")).collect();
    assert!(!recap.is_empty(), "no recap page");
    for (i, page) in recap.iter().enumerate() {
        let head = page
            .lines()
            .find(|l| l.contains("Uraian"))
            .unwrap_or_default();
        for h in headings {
            assert!(head.contains(h), "page {} heading lacks {h}: {head}", i + 1);
        }
        for line in page.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let first = line.split_whitespace().next().unwrap_or_default();
            let bare = first
                .trim_end_matches('%')
                .replace('.', "")
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-');
            assert!(!bare, "page {}: figures without a label: {line}", i + 1);
        }
    }
    assert_eq!(
        pages.iter().filter(|p| p.contains("Halaman")).count(),
        pages.len(),
        "every page has its number"
    );
    recap.len()
}

fn export(desk: &TestDesk, args: &[&str], name: &str) -> PathBuf {
    let path = desk.dir.path().join(name);
    let mut all = vec!["recap"];
    all.extend_from_slice(args);
    all.extend(["--format", "xlsx", "-o", path.to_str().unwrap()]);
    desk.ok(&all);
    path
}

fn the_office_the_title_and_the_signature_are_printed(text: &str, title: &str) {
    for needed in [
        title,
        "PEMERINTAH KABUPATEN SITUBONDO",
        ADDRESS,
        "dpmptsp@situbondokab.go.id",
        "Mengetahui,",
        "Drs. Budi Santoso, M.Si.",
        &format!("NIP. {NIP}"),
    ] {
        assert!(text.contains(needed), "the PDF lacks {needed}:\n{text}");
    }
}

#[test]
fn the_year_prints_one_page_wide_with_labels_and_headings_on_every_page() {
    if let Some(tool) = missing_tool() {
        eprintln!("skipped: {tool} is not installed");
        return;
    }
    let desk = desk();
    let pdf = to_pdf(&desk, &export(&desk, &["--year", "2026"], "tahun.xlsx"));
    let pages = pages(&pdf);
    assert_eq!(page_count(&pdf), pages.len());
    let recap = recap_pages(&pages, &["Jan", "Jun", "Des", "Jumlah"]);
    eprintln!("year: {} pages, {recap} of the recap sheet", pages.len());
    // About a hundred rows: two pages tall, never a second page across.
    assert!(recap <= 3, "{recap} pages of recap");
    the_office_the_title_and_the_signature_are_printed(
        &pages.concat(),
        "REKAPITULASI JUMLAH PENGADUAN TH. 2026",
    );
}

#[test]
fn the_month_prints_one_page_wide_with_labels_and_headings_on_every_page() {
    if let Some(tool) = missing_tool() {
        eprintln!("skipped: {tool} is not installed");
        return;
    }
    let desk = desk();
    let pdf = to_pdf(&desk, &export(&desk, &["--month", "2026-10"], "bulan.xlsx"));
    let pages = pages(&pdf);
    let recap = recap_pages(&pages, &["Oktober 2026"]);
    eprintln!("month: {} pages, {recap} of the recap sheet", pages.len());
    assert!(recap <= 3, "{recap} pages of recap");
    the_office_the_title_and_the_signature_are_printed(
        &pages.concat(),
        "REKAPITULASI PENGADUAN BULAN OKTOBER 2026",
    );
}
