//! Names of things: kinds, channels, statuses, fields, instructions.

use super::pick;
use crate::domain::case::{CaseField, Channel, Kind};
use crate::domain::draft::DraftField;
use crate::domain::event::{Instruction, NoteKind, Priority};
use crate::domain::workflow::{ActionKind, Status};

pub fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Pengaduan => pick("Pengaduan", "Complaint"),
        Kind::Konsultasi => pick("Konsultasi", "Consultation"),
        Kind::Aspirasi => pick("Aspirasi", "Suggestion"),
    }
}

pub fn channel_label(c: Channel) -> &'static str {
    match c {
        Channel::Loket => pick("Loket (langsung)", "Walk-in desk"),
        Channel::Surat => pick("Surat", "Letter"),
        Channel::Telepon => pick("Telepon", "Telephone"),
        Channel::Formulir => pick("Formulir pengaduan", "Complaint form"),
        Channel::KotakSaran => pick("Kotak saran", "Suggestion box"),
        Channel::Sms => "SMS",
        Channel::Whatsapp => "WhatsApp",
        Channel::Email => "Email",
        Channel::Instagram => "Instagram",
        Channel::Website => "Website",
        Channel::QuickResponse => "Quick Response (QR)",
        Channel::Sp4nLapor => "SP4N-LAPOR!",
    }
}

pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::Open => pick("Dalam proses", "In progress"),
        Status::Paused => pick("Dijeda (menunggu berkas)", "Paused (awaiting documents)"),
        Status::Forwarded => pick("Diteruskan ke OPD", "Forwarded to an agency"),
        Status::Closed => pick("Selesai", "Closed"),
    }
}

pub fn status_label_by_id(id: &str) -> &'static str {
    Status::parse(id).map_or("?", status_label)
}

pub fn action_label(a: ActionKind) -> &'static str {
    match a {
        ActionKind::Dispose => pick("catat disposisi", "record a disposition"),
        ActionKind::Decide => pick("putuskan", "decide"),
        ActionKind::Complete => pick("selesaikan langkah", "complete the step"),
        ActionKind::Pause => pick("jeda jam (menunggu berkas)", "pause the clock"),
        ActionKind::Resume => pick("lanjutkan jam", "resume the clock"),
        ActionKind::Close => pick("tutup kasus", "close the case"),
        ActionKind::Note => pick("tambah catatan", "add a note"),
    }
}

pub fn instruction_label(i: Instruction) -> &'static str {
    match i {
        Instruction::Pelajari => pick("Pelajari", "Study"),
        Instruction::TindakLanjuti => pick("Tindak lanjuti", "Follow up"),
        Instruction::Koordinasikan => pick("Koordinasikan", "Coordinate"),
        Instruction::SiapkanJawaban => pick("Siapkan jawaban", "Prepare a reply"),
        Instruction::UntukDiketahui => pick("Untuk diketahui", "For information"),
        Instruction::Arsip => pick("Arsip", "File"),
    }
}

pub fn priority_label(p: Priority) -> &'static str {
    match p {
        Priority::Biasa => pick("Biasa", "Normal"),
        Priority::Segera => pick("Segera", "Urgent"),
        Priority::SangatSegera => pick("Sangat segera", "Very urgent"),
    }
}

pub fn note_kind_label(k: NoteKind) -> &'static str {
    match k {
        NoteKind::Catatan => pick("Catatan", "Note"),
        NoteKind::CekPerizinan => pick("Cek data perizinan", "Licence check"),
        NoteKind::Bap => pick("BAP pemeriksaan lapangan", "Field inspection report"),
        NoteKind::Koordinasi => pick("Koordinasi", "Coordination"),
        NoteKind::Fasilitasi => pick("Fasilitasi", "Mediation"),
    }
}

pub fn field_label(f: DraftField) -> &'static str {
    match f {
        DraftField::Kind => pick("Jenis", "Kind"),
        DraftField::Channel => pick("Saluran", "Channel"),
        DraftField::Name => pick("Nama pelapor", "Complainant's name"),
        DraftField::Nik => "NIK",
        DraftField::Address => pick("Alamat", "Address"),
        DraftField::Phone => pick("Telepon/WA", "Phone/WhatsApp"),
        DraftField::Email => "Email",
        DraftField::Confidential => pick("Rahasia", "Confidential"),
        DraftField::Anonymous => pick("Anonim", "Anonymous"),
        DraftField::IdentityAttached => pick("KTP dilampirkan", "ID attached"),
        DraftField::Business => pick("Nama usaha", "Business name"),
        DraftField::Nib => "NIB",
        DraftField::LicenceNo => pick("Nomor izin", "Licence number"),
        DraftField::LicenceType => pick("Jenis izin", "Licence type"),
        DraftField::Subject => pick("Perihal", "Subject"),
        DraftField::Description => pick("Uraian", "Description"),
        DraftField::ReceivedAt => pick("Waktu diterima", "Received at"),
        DraftField::CompleteOn => pick("Tanggal berkas lengkap", "File complete on"),
        DraftField::Attachments => pick("Lampiran", "Attachments"),
        DraftField::LinkedTo => pick("Terkait kasus", "Linked case"),
    }
}

pub fn case_field_label(f: CaseField) -> &'static str {
    match f {
        CaseField::Name => field_label(DraftField::Name),
        CaseField::Nik => field_label(DraftField::Nik),
        CaseField::Address => field_label(DraftField::Address),
        CaseField::Phone => field_label(DraftField::Phone),
        CaseField::Email => field_label(DraftField::Email),
        CaseField::Business => field_label(DraftField::Business),
        CaseField::Nib => field_label(DraftField::Nib),
        CaseField::LicenceNo => field_label(DraftField::LicenceNo),
        CaseField::LicenceType => field_label(DraftField::LicenceType),
        CaseField::Subject => field_label(DraftField::Subject),
        CaseField::Description => field_label(DraftField::Description),
        CaseField::CompleteOn => field_label(DraftField::CompleteOn),
        CaseField::Channel => field_label(DraftField::Channel),
    }
}

/// Words used in tables and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    AgendaNo,
    Received,
    Complainant,
    Subject,
    Status,
    Step,
    Actor,
    Deadline,
    Due,
    Done,
    Late,
    OnTime,
    Hidden,
    OnBehalf,
    Pending,
    Current,
    Minutes,
    Requires,
    Output,
    Next,
    End,
    Timeline,
    Steps,
    Desk,
    Person,
    Role,
    Time,
    Event,
    Forwarded,
    NoHolidayList,
    Paused,
    WorkdaysUsed,
    /// A step's time standard, in working days and hours.
    Standard,
    /// Office time a step took or has taken so far.
    Used,
    Anomalies,
    None,
}

pub fn word(w: Word) -> &'static str {
    match w {
        Word::AgendaNo => pick("No. agenda", "Agenda no."),
        Word::Received => pick("Diterima", "Received"),
        Word::Complainant => pick("Pelapor", "Complainant"),
        Word::Subject => pick("Perihal", "Subject"),
        Word::Status => "Status",
        Word::Step => pick("Langkah", "Step"),
        Word::Actor => pick("Pelaksana", "Actor"),
        Word::Deadline => pick("Batas waktu", "Deadline"),
        Word::Due => pick("Tenggat", "Due"),
        Word::Done => pick("Selesai", "Done"),
        Word::Late => pick("terlambat", "late"),
        Word::OnTime => pick("tepat waktu", "on time"),
        Word::Hidden => pick("(dirahasiakan)", "(confidential)"),
        Word::OnBehalf => pick("atas nama", "on behalf of"),
        Word::Pending => pick("belum", "pending"),
        Word::Current => pick("sedang berjalan", "in progress"),
        Word::Minutes => pick("menit", "minutes"),
        Word::Requires => pick("Kelengkapan", "Requires"),
        Word::Output => "Output",
        Word::Next => pick("Berikutnya", "Next"),
        Word::End => pick("selesai", "end"),
        Word::Timeline => pick("Riwayat", "Timeline"),
        Word::Steps => pick("Langkah SOP", "SOP steps"),
        Word::Desk => pick("Loket", "Desk"),
        Word::Person => pick("Petugas", "Person"),
        Word::Role => pick("Peran", "Role"),
        Word::Time => pick("Waktu", "Time"),
        Word::Event => pick("Peristiwa", "Event"),
        Word::Forwarded => pick("diteruskan ke", "forwarded to"),
        Word::NoHolidayList => pick(
            "dihitung tanpa daftar libur tahun",
            "counted without a holiday list for",
        ),
        Word::Paused => pick("dijeda", "paused"),
        Word::WorkdaysUsed => pick("Hari kerja terpakai", "Working days used"),
        Word::Standard => pick("Standar", "Standard"),
        Word::Used => pick("Terpakai", "Used"),
        Word::Anomalies => pick("peristiwa tidak sesuai urutan", "events out of order"),
        Word::None => "-",
    }
}

/// A deadline's flags in words: which years were counted without a holiday list.
pub fn deadline_note(flags: &[String]) -> String {
    let years: Vec<&str> = flags
        .iter()
        .filter_map(|f| f.strip_prefix("no-holiday-list:"))
        .collect();
    format!("{} {}", word(Word::NoHolidayList), years.join(", "))
}

/// A period's title: "Oktober 2026" for `2026-10`, the year or "Jumlah" as given.
pub fn period_label(key: &str) -> String {
    use crate::domain::words::MONTHS as ID;
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match key
        .split_once('-')
        .and_then(|(y, m)| Some((y, m.parse::<usize>().ok()?)))
    {
        Some((y, m @ 1..=12)) => format!("{} {y}", pick(ID[m - 1], EN[m - 1])),
        _ => key.to_string(),
    }
}

/// Office minutes as working days and hours: `3h 2j`, `45m`, `0j`
/// (h = hari kerja, j = jam, m = menit); in English `3d 2h`, `45m`, `0h`.
/// A working day is `minutes_per_day` (the office's hours).
pub fn work_time_text(minutes: u32, minutes_per_day: u32) -> String {
    work_time_in(super::lang(), minutes, minutes_per_day)
}

fn work_time_in(lang: super::Lang, minutes: u32, minutes_per_day: u32) -> String {
    use crate::domain::worktime::{Unit, WorkTime};
    let id = lang == super::Lang::Id;
    WorkTime::split(minutes, minutes_per_day)
        .parts()
        .iter()
        .map(|(n, unit)| {
            let unit = match (unit, id) {
                (Unit::Day, true) => "h",
                (Unit::Day, false) => "d",
                (Unit::Hour, true) => "j",
                (Unit::Hour, false) => "h",
                (Unit::Minute, _) => "m",
            };
            format!("{n}{unit}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::Lang;
    use super::work_time_in;

    #[test]
    fn time_used_reads_as_working_days_and_hours_in_both_languages() {
        let used = 3 * 480 + 2 * 60;
        assert_eq!(work_time_in(Lang::Id, used, 480), "3h 2j");
        assert_eq!(work_time_in(Lang::En, used, 480), "3d 2h");
        assert_eq!(work_time_in(Lang::Id, 45, 480), "45m");
        assert_eq!(work_time_in(Lang::Id, 0, 480), "0j");
        assert_eq!(work_time_in(Lang::En, 0, 480), "0h");
        assert_eq!(work_time_in(Lang::Id, 480, 480), "1h");
        assert_eq!(work_time_in(Lang::Id, 90, 480), "1j 30m");
    }
}
