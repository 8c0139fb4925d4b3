//! What is said about the calendar in force: holiday files, the next year's
//! list, deadlines derived again, figures as of a day, a finished case's margin.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::domain::calendar::HolidayListError;

fn dates(days: &[NaiveDate]) -> String {
    const SHOWN: usize = 6;
    let mut text: Vec<String> = days.iter().take(SHOWN).map(NaiveDate::to_string).collect();
    if days.len() > SHOWN {
        text.push(tr!("dan {} lagi", "and {} more", days.len() - SHOWN));
    }
    text.join(", ")
}

/// The problems of a holiday file beyond its syntax, with the line when known.
pub(super) fn holiday_problem(e: &HolidayListError) -> (Option<usize>, String) {
    match e {
        HolidayListError::NotAFile => (
            None,
            tr!(
                "bukan berkas biasa (perangkat, pipa atau folder); tunjuk berkas .toml",
                "not a regular file (a device, a pipe or a folder); name a .toml file"
            ),
        ),
        HolidayListError::TooLarge { max_bytes } => (
            None,
            tr!(
                "lebih dari {} MB, terlalu besar untuk daftar libur",
                "larger than {} MB, too large for a holiday list",
                max_bytes / (1024 * 1024)
            ),
        ),
        HolidayListError::NotText { line } => {
            (Some(*line), tr!("bukan teks UTF-8", "not UTF-8 text"))
        }
        HolidayListError::Contradicts { year, missing } => (
            None,
            tr!(
                "daftar {year} tidak memuat hari libur yang ada di daftar bawaan: {}; hapus tahun {year} dari berkas ini atau lengkapi",
                "the {year} list lacks days off the shipped list has: {}; remove {year} from this file or complete it",
                dates(missing)
            ),
        ),
        HolidayListError::Syntax { line, detail } => (*line, detail.clone()),
        HolidayListError::BadYear { line, key } => (*line, key.clone()),
        HolidayListError::BadDate { line, value } => (*line, value.clone()),
    }
}

pub(super) fn calendar_followed(cases: u64) -> String {
    tr!(
        "Kalender berubah: tenggat {cases} kasus dihitung ulang.",
        "The calendar changed: the deadlines of {cases} cases were counted again."
    )
}

pub(super) fn next_year_unlisted(year: i32) -> String {
    tr!(
        "Daftar libur {year} belum ada: tenggat yang masuk ke {year} dihitung tanpa SKB. Tambahkan berkasnya di calendar.holiday_files.",
        "No holiday list for {year} yet: deadlines running into {year} are counted without the decree. Add its file under calendar.holiday_files."
    )
}

pub(super) fn year_repeated(path: &Path, year: i32, added: &[NaiveDate]) -> String {
    if added.is_empty() {
        tr!(
            "Daftar libur {}: tahun {year} sama dengan daftar bawaan; tahun itu boleh dihapus dari berkas.",
            "Holiday list {}: {year} repeats the shipped list; it can be removed from the file.",
            path.display()
        )
    } else {
        tr!(
            "Daftar libur {}: tahun {year} menambah hari libur pada daftar bawaan: {}.",
            "Holiday list {}: {year} adds days off to the shipped list: {}.",
            path.display(),
            dates(added)
        )
    }
}

/// "per 1 Desember 2026": a period not yet ended is counted as of that day.
pub fn as_of_label(day: NaiveDate) -> String {
    let month = super::period_label(&format!("{:04}-{:02}", day.year(), day.month()));
    let (name, year) = month.rsplit_once(' ').unwrap_or((&month, ""));
    tr!("per {} {name} {year}", "as of {} {name} {year}", day.day())
}

/// What the progress bar says while deadlines are derived again.
pub fn rederive_label(what: crate::service::Deriving) -> &'static str {
    match what {
        crate::service::Deriving::Calendar => super::pick(
            "Menghitung ulang tenggat untuk kalender yang berlaku",
            "Counting deadlines again for the calendar in force",
        ),
        crate::service::Deriving::Upgrade => super::pick(
            "Memperbarui data turunan untuk versi program ini (sekali saja)",
            "Bringing the derived tables up to this version (once)",
        ),
    }
}

/// A finished case's margin, frozen at its finish: `✓+3` finished three
/// working days before its deadline, `✓-2` two after.
pub fn sisa_finished(margin: i64) -> String {
    if margin >= 0 {
        format!("✓+{margin}")
    } else {
        format!("✓{margin}")
    }
}

pub(super) fn branch_over_limit(last: &str, minutes: u32, limit: u32) -> String {
    let limit_minutes = limit * crate::domain::sop::MINUTES_PER_WORKDAY;
    tr!(
        "Peringatan: cabang sampai langkah \"{last}\" berjumlah {minutes} menit, melebihi batas {limit} hari kerja ({limit_minutes} menit); kasus yang ditangani tepat waktu standar akan terlambat.",
        "Warning: the branch ending at step \"{last}\" adds up to {minutes} minutes, more than the limit of {limit} working days ({limit_minutes} minutes); a case handled exactly on standard will be late."
    )
}

/// A finished case's margin in words, as `case show` prints it.
pub fn finished_margin_text(margin: i64) -> String {
    if margin >= 0 {
        tr!(
            "Selesai {margin} hari kerja sebelum tenggat ({}).",
            "Finished {margin} working days before the deadline ({}).",
            sisa_finished(margin)
        )
    } else {
        tr!(
            "Selesai {} hari kerja setelah tenggat ({}).",
            "Finished {} working days after the deadline ({}).",
            -margin,
            sisa_finished(margin)
        )
    }
}

/// The status bar's short form of [`next_year_unlisted`].
pub fn next_year_short(year: i32) -> String {
    tr!(
        "! libur {year} belum ada: calendar.holiday_files",
        "! no {year} holidays: calendar.holiday_files"
    )
}
