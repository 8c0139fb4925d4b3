//! Investigation notes: field names, choices, the field report's words.

use super::pick;
use crate::domain::note::{DateError, FieldError};

/// The label of a note field (ids from `domain::note`).
pub fn note_field_label(id: &str) -> &str {
    match id {
        "teks" => pick("Catatan", "Note"),
        "nomor-izin" => pick("Nomor izin", "Licence number"),
        "nib" => "NIB",
        "jenis-izin" => pick("Jenis izin", "Licence type"),
        "status" => pick("Status di data perizinan", "Status in the records"),
        "dibandingkan" => pick("Yang dibandingkan", "What was compared"),
        "hasil" => pick("Hasil", "Result"),
        "waktu" => pick("Hari/tanggal dan jam", "Date and time"),
        "tempat" => pick("Tempat", "Place"),
        "petugas" => pick("Petugas yang hadir", "Officers present"),
        "pihak-lain" => pick("Pihak lain yang hadir", "Other parties present"),
        "temuan" => pick("Temuan", "Findings"),
        "kesimpulan" => pick("Kesimpulan", "Conclusion"),
        "rekomendasi" => pick("Rekomendasi", "Recommendation"),
        "dengan" => pick("Dengan (bidang/OPD)", "With (division/agency)"),
        "tanggal" => pick("Tanggal", "Date"),
        "pihak" => pick("Para pihak", "Parties"),
        "sepakat" => pick("Tercapai kesepakatan", "Agreement reached"),
        "tindak-lanjut" => pick("Tindak lanjut", "Follow-up"),
        other => other,
    }
}

/// The label of a choice value.
pub fn note_choice_label(id: &str) -> &str {
    match id {
        "sah" => pick("sah / berlaku", "valid"),
        "kedaluwarsa" => pick("kedaluwarsa", "expired"),
        "tidak-terdaftar" => pick("tidak terdaftar", "not registered"),
        "tidak-sesuai" => pick("tidak sesuai", "mismatch"),
        "ya" => pick("ya", "yes"),
        "tidak" => pick("tidak", "no"),
        other => other,
    }
}

/// A refused field, in words.
pub fn field_problem(e: &FieldError) -> String {
    let l = note_field_label;
    match e {
        FieldError::UnknownField(id) => format!(
            "{} \"{id}\"",
            pick(
                "Isian tidak dikenal untuk jenis catatan ini:",
                "No such field for this kind of note:"
            )
        ),
        FieldError::Missing(id) => format!("{} {}", l(id), pick("wajib diisi.", "is required.")),
        FieldError::BadDate(id, v) => format!(
            "{}: \"{v}\" {}",
            l(id),
            pick(
                "bukan tanggal. Tulis TTTT-BB-HH, misalnya 2026-10-07.",
                "is not a date. Write YYYY-MM-DD, e.g. 2026-10-07."
            )
        ),
        FieldError::BadDateTime(id, v) => format!(
            "{}: \"{v}\" {}",
            l(id),
            pick(
                "bukan tanggal dan jam. Tulis TTTT-BB-HH JJ:MM, misalnya 2026-10-07 09:30.",
                "is not a date and time. Write YYYY-MM-DD HH:MM, e.g. 2026-10-07 09:30."
            )
        ),
        FieldError::NotAChoice(id, v, options) => format!(
            "{}: \"{v}\" {} {}",
            l(id),
            pick("tidak dikenal. Pilihan:", "is not an option. Options:"),
            options.join(", ")
        ),
        FieldError::UnknownPerson(id, v) => format!(
            "{}: \"{v}\" {}",
            l(id),
            pick(
                "tidak ada di daftar petugas konfigurasi ([[people]]).",
                "is not among the configured people ([[people]])."
            )
        ),
        FieldError::MultiLine(id) => format!(
            "{} {}",
            l(id),
            pick("harus satu baris.", "must be a single line.")
        ),
        FieldError::ControlChar(id, c) => {
            format!("{} {}.", l(id), super::messages::control_char(*c))
        }
    }
}

/// A note's date out of its span, in words: the field and the limit.
pub fn date_problem(e: &DateError) -> String {
    let l = note_field_label;
    match e {
        DateError::InFuture(id, limit) => format!(
            "{} {} {limit}).",
            l(id),
            pick(
                "tidak boleh di masa depan (paling lambat",
                "cannot be in the future (at the latest"
            )
        ),
        DateError::BeforeReceipt(id, received) => format!(
            "{} {} {received}).",
            l(id),
            pick(
                "tidak boleh sebelum pengaduan diterima (diterima",
                "cannot be before the complaint was received (received"
            )
        ),
    }
}

/// Words of the notes tab, the CLI and the field report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum N {
    Withdrawn,
    Superseded,
    Corrects,
    Attachment,
    Attachments,
    NoNotes,
    ReportTitle,
    ReportIntro,
    ReportNoBap,
    Signatures,
    Verified,
    Damaged,
    Missing,
    Reason,
    OtherDeskBackup,
    OtherOfficeBackup,
    Resolved,
    Kept,
    NeedsDecision,
    Note,
}

pub fn n(w: N) -> &'static str {
    match w {
        N::Withdrawn => pick("ditarik", "withdrawn"),
        N::Superseded => pick("diganti", "superseded"),
        N::Corrects => pick("mengoreksi", "corrects"),
        N::Attachment => pick("Lampiran", "Attachment"),
        N::Attachments => pick("Lampiran", "Attachments"),
        N::NoNotes => pick("Belum ada catatan.", "No notes yet."),
        N::ReportTitle => pick(
            "BERITA ACARA PEMERIKSAAN LAPANGAN",
            "FIELD INSPECTION REPORT",
        ),
        N::ReportIntro => pick(
            "Atas pengaduan dengan nomor agenda",
            "On the complaint with agenda number",
        ),
        N::ReportNoBap => pick(
            "Kasus ini belum memiliki catatan BAP pemeriksaan lapangan.",
            "This case has no field inspection (BAP) note yet.",
        ),
        N::Signatures => pick("Petugas pemeriksa", "Inspecting officers"),
        N::Verified => pick("utuh", "intact"),
        N::Damaged => pick(
            "RUSAK: isi tidak cocok dengan sidik SHA-256",
            "DAMAGED: content does not match its SHA-256",
        ),
        N::Missing => pick("isi belum ada di loket ini", "content not on this desk"),
        N::Reason => pick("Alasan", "Reason"),
        N::Resolved => pick("menyelesaikan perbedaan", "settles a conflict"),
        N::NeedsDecision => pick("perlu keputusan", "needs a decision"),
        N::Kept => pick("yang berlaku", "keeping"),
        N::Note => pick("Catatan", "Note"),
        N::OtherDeskBackup => pick(
            "berkas itu bukan cadangan loket ini",
            "that file is not a backup of this desk",
        ),
        N::OtherOfficeBackup => pick(
            "berkas itu cadangan kantor lain",
            "that file is a backup of another office",
        ),
    }
}
