//! Words of the recap as the office prints it: titles, letterhead, section
//! headings, row labels and the signature block.

use chrono::{Datelike, NaiveDate};

use super::pick;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rp {
    Description,
    SectionReceived,
    SectionChannels,
    SectionLicences,
    SectionHandling,
    SectionForwarded,
    SectionConsultations,
    ComplaintsReceived,
    AspirationsReceived,
    ConsultationsReceived,
    AllReceived,
    ClosedAll,
    OnTimeShare,
    NoStepsDone,
    Acknowledged,
    Phone,
    Email,
}

pub fn rp(key: Rp) -> &'static str {
    match key {
        Rp::Description => pick("Uraian", "Item"),
        Rp::SectionReceived => pick("Penerimaan", "Received"),
        Rp::SectionChannels => pick("Menurut saluran (semua jenis)", "By channel (every kind)"),
        Rp::SectionLicences => pick(
            "Menurut jenis izin (semua jenis)",
            "By licence (every kind)",
        ),
        Rp::SectionHandling => pick("Penyelesaian", "Handling"),
        Rp::SectionForwarded => pick("Diteruskan menurut OPD", "Forwarded by agency"),
        Rp::SectionConsultations => pick("Konsultasi (Pojok OSS)", "Consultations (OSS desk)"),
        Rp::ComplaintsReceived => pick("Pengaduan diterima", "Complaints received"),
        Rp::AspirationsReceived => pick("Aspirasi/saran diterima", "Suggestions received"),
        Rp::ConsultationsReceived => pick("Konsultasi diterima", "Consultations received"),
        Rp::AllReceived => pick("Jumlah diterima (semua jenis)", "All received (every kind)"),
        Rp::ClosedAll => pick("Selesai (semua jenis)", "Closed (every kind)"),
        Rp::OnTimeShare => pick("persentase tepat waktu", "share on time"),
        Rp::NoStepsDone => "-",
        Rp::Acknowledged => pick("Mengetahui,", "Acknowledged,"),
        Rp::Phone => pick("Telp.", "Phone"),
        Rp::Email => pick("E-mail:", "E-mail:"),
    }
}

/// The heading of an SOP's step rows: how many of each step were done
/// within its time standard.
pub fn steps_heading(sop_name: &str) -> String {
    tr!(
        "Ketepatan waktu langkah: {sop_name}",
        "Steps within their standard: {sop_name}",
    )
}

/// "REKAPITULASI PENGADUAN BULAN DESEMBER 2026".
pub fn month_title(year: i32, month: u32) -> String {
    let name = month_name(month).to_uppercase();
    tr!(
        "REKAPITULASI PENGADUAN BULAN {name} {year}",
        "COMPLAINT RECAP FOR {name} {year}",
    )
}

/// "REKAPITULASI JUMLAH PENGADUAN TH. 2026".
pub fn year_title(year: i32) -> String {
    tr!(
        "REKAPITULASI JUMLAH PENGADUAN TH. {year}",
        "COMPLAINT COUNT RECAP, YEAR {year}",
    )
}

/// "REKAPITULASI JUMLAH PENGADUAN TH. 2025 S.D 2026".
pub fn years_title(first: i32, last: i32) -> String {
    tr!(
        "REKAPITULASI JUMLAH PENGADUAN TH. {first} S.D {last}",
        "COMPLAINT COUNT RECAP, YEARS {first} TO {last}",
    )
}

/// "PEMERINTAH KABUPATEN SITUBONDO": the first line of the letterhead.
pub fn government_line(regency: &str) -> String {
    let regency = regency.to_uppercase();
    tr!("PEMERINTAH {regency}", "GOVERNMENT OF {regency}")
}

/// "Keadaan per 1 Desember 2026": under the title of a span not yet ended.
pub fn state_as_of(day: NaiveDate) -> String {
    let day = long_date(day);
    tr!("Keadaan per {day}", "As of {day}")
}

/// "Situbondo, 1 Desember 2026".
pub fn place_date(place: &str, day: NaiveDate) -> String {
    format!("{place}, {}", long_date(day))
}

/// "1 Desember 2026".
pub fn long_date(day: NaiveDate) -> String {
    format!("{} {} {}", day.day(), month_name(day.month()), day.year())
}

pub fn nip_line(nip: &str) -> String {
    format!("NIP. {nip}")
}

/// The footer of every printed page; `{page}` and `{pages}` are filled in
/// by whoever prints.
pub fn page_footer() -> &'static str {
    pick("Halaman {page} dari {pages}", "Page {page} of {pages}")
}

pub fn month_name(month: u32) -> String {
    super::period_label(&format!("2000-{month:02}"))
        .split(' ')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// "Jan", "Agu": a month's column in the year's table.
pub fn month_short(month: u32) -> &'static str {
    const ID: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    pick(ID[i], EN[i])
}
