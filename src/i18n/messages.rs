//! Messages: errors, refusals and notices, each in both languages.

use std::fmt;
use std::path::PathBuf;

use super::{action_label, field_label};
use crate::domain::agenda::AgendaFormatError;
use crate::domain::calendar::HolidayListError;
use crate::domain::draft::{FieldError, Problem};
use crate::domain::identity::{EmailError, NibError, NikError, PhoneError};
use crate::domain::sop::{SopError, SopProblem};
use crate::domain::workflow::{ActionKind, Refusal};

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    ConfigCreated(PathBuf),
    ConfigRead {
        path: PathBuf,
        detail: String,
    },
    ConfigWrite {
        path: PathBuf,
        detail: String,
    },
    ConfigParse {
        path: PathBuf,
        line: Option<usize>,
        detail: String,
    },
    ConfigOffset(String),
    ConfigTime(String),
    ConfigNoPeople,
    AgendaFormat(AgendaFormatError),
    HolidayFile {
        path: PathBuf,
        error: HolidayListError,
    },
    SopFile(SopError),
    SopRead {
        path: PathBuf,
        detail: String,
    },
    SopNotFound {
        name: String,
        dir: PathBuf,
    },
    PersonUnknown {
        name: String,
        people: Vec<String>,
    },
    PersonRole {
        name: String,
        role: String,
    },
    RoleUnknown {
        role: String,
        roles: Vec<String>,
    },

    DbNotADatabase(PathBuf),
    DbForeign(PathBuf),
    DbNewer {
        path: PathBuf,
        found: usize,
        supported: usize,
    },
    DbOpen {
        path: PathBuf,
        detail: String,
    },
    DbNotAFile(PathBuf),
    DbReadOnly(PathBuf),
    DiskFull,
    DbBusy,
    BadEvent {
        desk: i64,
        seq: i64,
    },
    NoDesk,
    Sqlite(String),
    Io {
        path: PathBuf,
        detail: String,
    },

    JsonInput {
        line: usize,
        column: usize,
        detail: String,
    },
    InputRead {
        path: PathBuf,
        detail: String,
    },
    DraftInvalid(Vec<FieldError>),
    AttachmentRead {
        path: PathBuf,
        detail: String,
    },
    BundleRefused {
        file: PathBuf,
        detail: String,
    },
    KeyMissing(PathBuf),
    /// Who this desk is: its code and name, at init, join and start.
    Desk(Box<super::desk::DeskProblem>),
    Paper(Box<super::paper::PaperProblem>),
    /// An outgoing letter refused (see `i18n::letters`).
    Letter(Box<super::letters::LetterMsg>),
    /// The office secret, join files (see `i18n::seal`).
    Seal(Box<super::seal::SealMsg>),
    /// A PIN refused or not kept (see `i18n::pin`).
    Pin(Box<super::pin::PinMsg>),
    JoinNotEmpty(PathBuf),
    RestoreRefused {
        file: PathBuf,
        detail: String,
    },
    RestoreHeld,
    RestoreConfirm(PathBuf),
    Restored(PathBuf),
    SyncFolderUnknown,
    KeyUnreadable(PathBuf),
    NotAFolder(PathBuf),
    AttachmentNotAFile(PathBuf),
    AttachmentTooLarge {
        path: PathBuf,
        size: u64,
        max_mb: u64,
    },
    AttachmentNotFound(String),
    AttachmentDamaged(String),
    /// A note's fields were refused (already worded by `field_problem`).
    NoteField(String),
    NoteNotFound(String),
    NoteNotStanding(String),
    NoteSuperseded {
        note: String,
        by: String,
    },
    ReasonRequired,
    NoConflict(String),
    NoBapNotes(String),
    /// BAP notes lacking required fields: each note's short id and field ids.
    BapIncomplete {
        agenda: String,
        notes: Vec<(String, Vec<&'static str>)>,
    },
    CaseNotFound(String),
    CaseAmbiguous {
        key: String,
        count: usize,
    },
    Refused(Refusal),
    /// A message, and where on the command line its answer goes: the CLI
    /// adds the flag, the shared message never names one.
    FlagHint {
        msg: Box<Msg>,
        flag: &'static str,
    },
    UnknownAction(String),
    UnknownInstruction(String),
    UnknownPriority(String),
    UnknownStatus(String),
    UnknownField(String),
    UnknownNoteKind(String),
    UnknownKind(String),
    BadDate(String),
    /// The time an action happened is after now.
    ActionTimeInFuture {
        at: String,
        now: String,
    },
    /// The date written on a disposition sheet is after today.
    PaperDateInFuture {
        day: chrono::NaiveDate,
        today: chrono::NaiveDate,
    },
    /// The date written on a disposition sheet is before the case arrived.
    PaperDateBeforeReceipt {
        day: chrono::NaiveDate,
        received: chrono::NaiveDate,
    },
    BadDateTime(String),
    BadMonth(String),
    BadFieldValue {
        field: String,
        problem: Problem,
    },
    BadYears(String),
    /// A year a recap or demo cannot span: before 1970 or after 9999, or
    /// a range of more than [`crate::demo::MAX_YEARS`] years.
    YearOutOfRange(String),
    ProjectionRefreshed,
    /// Stored deadlines were derived again for the calendar in force.
    CalendarFollowed(u64),
    /// From 1 October: next year has no holiday list yet.
    NextYearUnlisted(i32),
    /// A branch of an SOP whose standards add up to more than its limit.
    SopBranchOverLimit {
        last: String,
        minutes: u32,
        limit: u32,
    },
    /// An office's holiday file repeats a shipped year (and what it adds).
    HolidayYearRepeated {
        path: PathBuf,
        year: i32,
        added: Vec<chrono::NaiveDate>,
    },
    FileExists(PathBuf),
    Written(PathBuf),
    DemoRange,
    DemoNotEmpty(PathBuf),
    /// The demo's cases were saved, but the disk had no room for the indexes.
    DemoSavedWithoutIndexes {
        cases: u64,
        events: u64,
    },
    /// The demo stopped on a full disk after some of its batches were saved.
    DemoStoppedPartly {
        events: u64,
    },
    /// Opened without some indexes: no room to build them yet.
    IndexesMissing,
    /// The database's disk is full: opened for reading only.
    ReadOnlyDiskFull,
    /// An export must sign this desk's newest events, which writes to a
    /// database whose disk is full.
    ExportNeedsRoom(PathBuf),
    AlreadyInitialised(PathBuf),
    Initialised {
        config: PathBuf,
        database: PathBuf,
        desk: String,
    },
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for Msg {}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "-".into()
    } else {
        items.join(", ")
    }
}

fn actions(items: &[ActionKind]) -> String {
    items
        .iter()
        .map(|a| format!("{} ({})", a.id(), action_label(*a)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn at_line(line: Option<usize>) -> String {
    line.map(|l| tr!(" baris {l}", " line {l}"))
        .unwrap_or_default()
}

impl Msg {
    /// The message in the current language. Whatever it echoes (a value
    /// typed, a path, a line of a file) shows its control characters as
    /// visible stand-ins, so printing it cannot steer the terminal.
    pub fn text(&self) -> String {
        let words = self.words();
        match crate::domain::text::for_terminal_lines(&words) {
            std::borrow::Cow::Borrowed(_) => words,
            std::borrow::Cow::Owned(safe) => safe,
        }
    }

    fn words(&self) -> String {
        match self {
            Msg::ConfigCreated(p) => tr!(
                "Konfigurasi awal ditulis ke {}; sunting berkas itu untuk kantor dan loket Anda.",
                "A default configuration was written to {}; edit it for your office and desk.",
                p.display()
            ),
            Msg::ConfigRead { path, detail } => tr!(
                "Konfigurasi {} tidak dapat dibaca: {detail}",
                "Cannot read the configuration {}: {detail}",
                path.display()
            ),
            Msg::ConfigWrite { path, detail } => tr!(
                "Konfigurasi {} tidak dapat ditulis: {detail}",
                "Cannot write the configuration {}: {detail}",
                path.display()
            ),
            Msg::ConfigParse { path, line, detail } => tr!(
                "Konfigurasi {}{} tidak sah: {detail}",
                "Configuration {}{} is invalid: {detail}",
                path.display(),
                at_line(*line)
            ),
            Msg::ConfigOffset(s) => tr!(
                "Zona waktu kantor \"{s}\" tidak sah; tulis seperti \"+07:00\".",
                "Office time zone \"{s}\" is invalid; write it like \"+07:00\"."
            ),
            Msg::ConfigTime(s) => tr!(
                "Jam kantor \"{s}\" tidak sah; tulis seperti \"08:00\", dan jam tutup setelah jam buka.",
                "Office hours \"{s}\" are invalid; write them like \"08:00\", closing after opening."
            ),
            Msg::ConfigNoPeople => tr!(
                "Konfigurasi tidak memuat satu pun petugas ([[people]]).",
                "The configuration lists no people ([[people]])."
            ),
            Msg::AgendaFormat(e) => agenda_format(e),
            Msg::HolidayFile { path, error } => holiday_file(path, error),
            Msg::SopFile(e) => sop_error(e),
            Msg::SopRead { path, detail } => tr!(
                "Berkas SOP {} tidak dapat dibaca: {detail}",
                "Cannot read the SOP file {}: {detail}",
                path.display()
            ),
            Msg::SopNotFound { name, dir } => tr!(
                "SOP \"{name}\" tidak ditemukan di {} maupun di antara SOP bawaan.",
                "SOP \"{name}\" is neither in {} nor among the built-in SOPs.",
                dir.display()
            ),
            Msg::PersonUnknown { name, people } => tr!(
                "Petugas \"{name}\" tidak ada di konfigurasi. Yang ada: {}.",
                "No person \"{name}\" in the configuration. Known: {}.",
                list(people)
            ),
            Msg::PersonRole { name, role } => tr!(
                "Peran \"{role}\" milik petugas \"{name}\" tidak dikenal SOP yang berlaku.",
                "The role \"{role}\" of \"{name}\" is not a role of the SOP in force."
            ),
            Msg::RoleUnknown { role, roles } => tr!(
                "Peran \"{role}\" tidak dikenal. Peran yang ada: {}.",
                "Unknown role \"{role}\". Roles: {}.",
                list(roles)
            ),
            Msg::DbNotADatabase(p) => tr!(
                "Berkas {} bukan basis data (rusak atau berkas lain); tidak ada yang diubah.",
                "{} is not a database (damaged or another kind of file); nothing was changed.",
                p.display()
            ),
            Msg::DbForeign(p) => tr!(
                "Berkas {} adalah basis data SQLite milik program lain, bukan aduan; tidak ada yang diubah.",
                "{} is another program's SQLite database, not aduan's; nothing was changed.",
                p.display()
            ),
            Msg::DbNewer {
                path,
                found,
                supported,
            } => tr!(
                "Basis data {} dibuat oleh versi aduan yang lebih baru (skema {found}, versi ini {supported}); perbarui aduan.",
                "Database {} was written by a newer aduan (schema {found}, this build {supported}); update aduan.",
                path.display()
            ),
            Msg::DbOpen { path, detail } => tr!(
                "Basis data {} tidak dapat dibuka: {detail}",
                "Cannot open the database {}: {detail}",
                path.display()
            ),
            Msg::DbNotAFile(p) => tr!(
                "Basis data {} tidak dapat dibuka: itu folder, bukan berkas.",
                "Cannot open the database {}: it is a folder, not a file.",
                p.display()
            ),
            Msg::DbReadOnly(p) => tr!(
                "Basis data {} hanya dapat dibaca; periksa izin berkas.",
                "Database {} is read-only; check the file's permissions.",
                p.display()
            ),
            Msg::DiskFull => tr!(
                "Disk penuh: perubahan dibatalkan, data yang sudah tersimpan tetap utuh. Kosongkan ruang lalu ulangi.",
                "The disk is full: the change was rolled back and saved data is intact. Free some space and retry."
            ),
            Msg::DbBusy => tr!(
                "Basis data sedang dipakai program lain; tunggu sebentar lalu ulangi.",
                "The database is busy in another program; wait a moment and retry."
            ),
            Msg::BadEvent { desk, seq } => tr!(
                "Peristiwa nomor {seq} dari loket #{desk} tidak dapat dibaca; jalankan `aduan check`.",
                "Event {seq} of desk #{desk} cannot be read; run `aduan check`."
            ),
            Msg::NoDesk => tr!(
                "Basis data ini belum punya loket; jalankan `aduan init`.",
                "This database has no desk yet; run `aduan init`."
            ),
            Msg::Sqlite(d) => tr!("Galat basis data: {d}", "Database error: {d}"),
            Msg::Io { path, detail } => tr!(
                "Berkas {} tidak dapat ditulis: {detail}",
                "Cannot write {}: {detail}",
                path.display()
            ),
            Msg::JsonInput {
                line,
                column,
                detail,
            } => tr!(
                "JSON kasus tidak sah pada baris {line} kolom {column}: {detail}",
                "Invalid case JSON at line {line} column {column}: {detail}"
            ),
            Msg::InputRead { path, detail } => tr!(
                "Masukan {} tidak dapat dibaca: {detail}",
                "Cannot read the input {}: {detail}",
                path.display()
            ),
            Msg::DraftInvalid(errors) => {
                let parts: Vec<String> = errors
                    .iter()
                    .map(|e| format!("{}: {}", field_label(e.field), problem(&e.problem)))
                    .collect();
                tr!(
                    "Data kasus belum benar: {}",
                    "The case is not valid: {}",
                    parts.join("; ")
                )
            }
            Msg::AttachmentRead { path, detail } => tr!(
                "Lampiran {} tidak dapat dibaca: {detail}",
                "Cannot read the attachment {}: {detail}",
                path.display()
            ),
            Msg::BundleRefused { file, detail } => tr!(
                "Bundel {} ditolak: {detail}. Basis data tidak diubah.",
                "Bundle {} refused: {detail}. The database was not changed.",
                file.display()
            ),
            Msg::Desk(p) => p.text(),
            Msg::Paper(p) => p.text(),
            Msg::Letter(m) => m.text(),
            Msg::Seal(m) => m.text(),
            Msg::Pin(m) => m.text(),
            Msg::JoinNotEmpty(p) => tr!(
                "Basis data {} sudah berisi peristiwa; bergabung ke kantor hanya dari basis data kosong.",
                "Database {} already holds events; joining an office needs an empty database.",
                p.display()
            ),
            Msg::RestoreRefused { file, detail } => tr!(
                "Cadangan {} tidak dipulihkan: {detail}. Basis data tidak diubah.",
                "Backup {} not restored: {detail}. The database was not changed.",
                file.display()
            ),
            Msg::RestoreHeld => tr!(
                "Loket ini baru dipulihkan dari cadangan: gabungkan dulu bundel dari loket lain (aduan sync) agar nomor urut peristiwa tidak bercabang. Kantor dengan satu loket saja: aduan restore BERKAS --sendiri.",
                "This desk was just restored from a backup: merge a bundle from another desk first (aduan sync) so its event numbers never fork. An office with a single desk: aduan restore FILE --alone."
            ),
            Msg::RestoreConfirm(p) => tr!(
                "Ganti seluruh isi basis data loket ini dengan cadangan {}?",
                "Replace this desk's whole database with the backup {}?",
                p.display()
            ),
            Msg::Restored(p) => tr!(
                "Dipulihkan dari {}. Gabungkan bundel dari loket lain sebelum mencatat lagi.",
                "Restored from {}. Merge a bundle from another desk before recording again.",
                p.display()
            ),
            Msg::SyncFolderUnknown => tr!(
                "Folder sinkronisasi belum ditentukan: aduan sync --folder FOLDER (akan diingat di konfigurasi).",
                "No sync folder yet: aduan sync --folder FOLDER (it is remembered in the config)."
            ),
            Msg::KeyMissing(p) => tr!(
                "Kunci privat loket ini tidak ditemukan di {}; tanpa kunci itu loket tidak dapat menandatangani bundel. Pulihkan berkasnya dari cadangan.",
                "This desk's private key is missing at {}; without it the desk cannot sign bundles. Restore the file from a backup.",
                p.display()
            ),
            Msg::KeyUnreadable(p) => tr!(
                "Kunci privat di {} rusak atau bukan milik loket ini.",
                "The private key at {} is damaged or not this desk's.",
                p.display()
            ),
            Msg::NotAFolder(p) => tr!(
                "{} bukan folder yang ada.",
                "{} is not an existing folder.",
                p.display()
            ),
            Msg::AttachmentNotAFile(p) => tr!(
                "{} bukan berkas biasa (folder, pipa atau perangkat); tidak ada yang dilampirkan.",
                "{} is not a regular file (a folder, a pipe or a device); nothing was attached.",
                p.display()
            ),
            Msg::AttachmentTooLarge { path, size, max_mb } => tr!(
                "Berkas {} berukuran {:.1} MB, melebihi batas {max_mb} MB ([attachments] max_mb); tidak ada yang dilampirkan.",
                "{} is {:.1} MB, over the {max_mb} MB limit ([attachments] max_mb); nothing was attached.",
                path.display(),
                *size as f64 / 1_048_576.0
            ),
            Msg::AttachmentNotFound(s) => tr!(
                "Lampiran \"{s}\" tidak ada pada kasus ini.",
                "No attachment \"{s}\" on this case."
            ),
            Msg::AttachmentDamaged(s) => tr!(
                "Isi lampiran \"{s}\" tidak cocok dengan sidik SHA-256-nya; jalankan `aduan check`.",
                "The content of attachment \"{s}\" does not match its SHA-256; run `aduan check`."
            ),
            Msg::NoteField(problem) => problem.clone(),
            Msg::NoteNotFound(s) => tr!(
                "Catatan \"{s}\" tidak ada pada kasus ini (tulis awal kode catatan, misalnya 1a2b3c4d).",
                "No note \"{s}\" on this case (give the start of its code, e.g. 1a2b3c4d)."
            ),
            Msg::NoteNotStanding(s) => tr!(
                "Catatan {s} sudah ditarik; tidak dapat dikoreksi atau ditarik lagi.",
                "Note {s} was withdrawn; it cannot be corrected or withdrawn again."
            ),
            Msg::NoteSuperseded { note, by } => tr!(
                "Catatan {note} sudah diganti oleh {by}; koreksi versi terbarunya.",
                "Note {note} was superseded by {by}; correct its newest version."
            ),
            Msg::NoConflict(step) => tr!(
                "Langkah \"{step}\" tidak sedang berbeda antar loket; tidak ada yang diputuskan.",
                "Step \"{step}\" is not in conflict between desks; nothing to settle."
            ),
            Msg::ReasonRequired => tr!("Alasan wajib diisi.", "A reason is required."),
            Msg::NoBapNotes(agenda) => tr!(
                "Kasus {agenda} belum memiliki catatan BAP pemeriksaan lapangan; laporan tidak dibuat.",
                "Case {agenda} has no field inspection (BAP) note; no report was written."
            ),
            Msg::BapIncomplete { agenda, notes } => {
                let each: Vec<String> = notes
                    .iter()
                    .map(|(note, fields)| {
                        let labels: Vec<&str> =
                            fields.iter().map(|f| super::note_field_label(f)).collect();
                        format!("{note}: {}", labels.join(", "))
                    })
                    .collect();
                tr!(
                    "Laporan BAP kasus {agenda} tidak dibuat: catatan BAP belum lengkap. Yang belum diisi — {}. Koreksi catatannya dengan semua isian BAP.",
                    "The BAP report of case {agenda} was not written: a BAP note is incomplete. Missing — {}. Correct the note with every BAP field.",
                    each.join("; ")
                )
            }
            Msg::FlagHint { msg, flag } => {
                tr!("{} (opsi {flag})", "{} (option {flag})", msg.text())
            }
            Msg::CaseNotFound(key) => tr!(
                "Kasus \"{key}\" tidak ditemukan (cari dengan nomor agenda atau id).",
                "No case \"{key}\" (give an agenda number or an id)."
            ),
            Msg::CaseAmbiguous { key, count } => tr!(
                "Nomor agenda \"{key}\" dipakai {count} kasus; sebut kasus dengan id-nya.",
                "Agenda number \"{key}\" matches {count} cases; name the case by its id."
            ),
            Msg::Refused(r) => refusal(r),
            Msg::UnknownAction(a) => tr!(
                "Tindakan \"{a}\" tidak dikenal. Tindakan: {}.",
                "Unknown action \"{a}\". Actions: {}.",
                actions(&ActionKind::ALL)
            ),
            Msg::UnknownInstruction(s) => tr!(
                "Instruksi disposisi \"{s}\" tidak dikenal. Pilihan: pelajari, tindak-lanjuti, koordinasikan, siapkan-jawaban, untuk-diketahui, arsip.",
                "Unknown instruction \"{s}\". Choices: pelajari, tindak-lanjuti, koordinasikan, siapkan-jawaban, untuk-diketahui, arsip."
            ),
            Msg::UnknownPriority(s) => tr!(
                "Sifat disposisi \"{s}\" tidak dikenal. Pilihan: biasa, segera, sangat-segera.",
                "Unknown priority \"{s}\". Choices: biasa, segera, sangat-segera."
            ),
            Msg::UnknownStatus(s) => tr!(
                "Status \"{s}\" tidak dikenal. Pilihan: open, paused, forwarded, closed.",
                "Unknown status \"{s}\". Choices: open, paused, forwarded, closed."
            ),
            Msg::UnknownField(s) => tr!(
                "Isian \"{s}\" tidak dikenal. Pilihan: name, nik, address, phone, email, business, nib, licence-no, licence-type, subject, description, complete-on, channel.",
                "Unknown field \"{s}\". Choices: name, nik, address, phone, email, business, nib, licence-no, licence-type, subject, description, complete-on, channel."
            ),
            Msg::UnknownNoteKind(s) => tr!(
                "Jenis catatan \"{s}\" tidak dikenal. Pilihan: catatan, cek-perizinan, bap, koordinasi, fasilitasi.",
                "Unknown note kind \"{s}\". Choices: catatan, cek-perizinan, bap, koordinasi, fasilitasi."
            ),
            Msg::UnknownKind(s) => tr!(
                "Jenis \"{s}\" tidak dikenal. Pilihan: pengaduan, konsultasi, aspirasi.",
                "Unknown kind \"{s}\". Choices: pengaduan, konsultasi, aspirasi."
            ),
            Msg::BadDate(s) => tr!(
                "Tanggal \"{s}\" tidak sah; tulis seperti 2026-03-16 atau 16-03-2026.",
                "Date \"{s}\" is invalid; write it like 2026-03-16 or 16-03-2026."
            ),
            Msg::ActionTimeInFuture { at, now } => tr!(
                "Waktu tindakan ({at}) tidak boleh di masa depan: paling lambat sekarang, {now}. Tidak ada yang dicatat.",
                "The action's time ({at}) cannot be in the future: now, {now}, at the latest. Nothing was recorded."
            ),
            Msg::PaperDateInFuture { day, today } => tr!(
                "Tanggal di lembar disposisi ({day}) tidak boleh di masa depan: paling lambat hari ini, {today}. Tidak ada yang dicatat.",
                "The date on the disposition sheet ({day}) cannot be in the future: today, {today}, at the latest. Nothing was recorded."
            ),
            Msg::PaperDateBeforeReceipt { day, received } => tr!(
                "Tanggal di lembar disposisi ({day}) tidak boleh sebelum pengaduan diterima ({received}). Tidak ada yang dicatat.",
                "The date on the disposition sheet ({day}) cannot be before the complaint was received ({received}). Nothing was recorded."
            ),
            Msg::BadDateTime(s) => tr!(
                "Waktu \"{s}\" tidak sah; tulis seperti \"2026-03-16 09:15\".",
                "Time \"{s}\" is invalid; write it like \"2026-03-16 09:15\"."
            ),
            Msg::YearOutOfRange(s) => tr!(
                "Tahun \"{s}\" di luar jangkauan: tulis tahun 1970 sampai 9999, paling banyak {} tahun sekaligus.",
                "Year \"{s}\" is out of range: give a year from 1970 to 9999, at most {} years at once.",
                crate::demo::MAX_YEARS
            ),
            Msg::BadMonth(s) => tr!(
                "Bulan \"{s}\" tidak sah; tulis seperti 2026-03.",
                "Month \"{s}\" is invalid; write it like 2026-03."
            ),
            Msg::BadFieldValue { field, problem: p } => tr!(
                "Nilai baru untuk {field} tidak sah: {}",
                "The new value for {field} is invalid: {}",
                problem(p)
            ),
            Msg::CalendarFollowed(n) => super::calendar::calendar_followed(*n),
            Msg::NextYearUnlisted(y) => super::calendar::next_year_unlisted(*y),
            Msg::SopBranchOverLimit {
                last,
                minutes,
                limit,
            } => super::calendar::branch_over_limit(last, *minutes, *limit),
            Msg::HolidayYearRepeated { path, year, added } => {
                super::calendar::year_repeated(path, *year, added)
            }
            Msg::ProjectionRefreshed => tr!(
                "Tabel kasus dibangun ulang dari log untuk versi program ini.",
                "The case tables were rebuilt from the log for this version of the program."
            ),
            Msg::BadYears(s) => tr!(
                "Rentang tahun \"{s}\" tidak sah; tulis seperti 2021..2023.",
                "Year range \"{s}\" is invalid; write it like 2021..2023."
            ),
            Msg::FileExists(p) => tr!(
                "Berkas {} sudah ada; tidak ditimpa (pakai --force untuk menimpa).",
                "{} already exists; not overwritten (use --force to overwrite).",
                p.display()
            ),
            Msg::Written(p) => tr!("Ditulis: {}", "Written: {}", p.display()),
            Msg::DemoRange => tr!(
                "Rentang demo tidak sah: --from harus sebelum atau sama dengan --to, dan --cases lebih dari 0.",
                "Invalid demo range: --from must not be after --to, and --cases must be above 0."
            ),
            Msg::DemoNotEmpty(p) => tr!(
                "Basis data {} sudah berisi kasus; data demo hanya diisikan ke basis data kosong.",
                "Database {} already holds cases; demo data only goes into an empty database.",
                p.display()
            ),
            Msg::DemoSavedWithoutIndexes { cases, events } => tr!(
                "Disk penuh: {} kasus demo ({} peristiwa) sudah tersimpan, tetapi indeksnya tidak muat. Loket tetap dapat dibaca, dicadangkan dan diekspor ke disk lain; indeks dibangun sendiri saat loket dibuka setelah ada ruang.",
                "The disk is full: {} demo cases ({} events) were saved, but their indexes did not fit. The desk can still be read, backed up and exported to another disk; the indexes are built by themselves when the desk is opened once there is room.",
                cases,
                events
            ),
            Msg::DemoStoppedPartly { events } => tr!(
                "Disk penuh: demo terhenti. {} peristiwa sudah tersimpan, sisanya tidak dibuat. Setelah ada ruang, jalankan `aduan check --rebuild` agar semua kasusnya tampil di daftar.",
                "The disk is full: the demo stopped. {} events were saved, the rest were not made. Once there is room, run `aduan check --rebuild` so that all its cases show in the lists.",
                events
            ),
            Msg::ReadOnlyDiskFull => tr!(
                "Catatan: disk basis data penuh; loket dibuka hanya untuk membaca (daftar, rekap, cadangan ke disk lain). Kosongkan ruang untuk mencatat lagi.",
                "Note: the database's disk is full; the desk is open for reading only (lists, recaps, backups to another disk). Free some room to record again."
            ),
            Msg::IndexesMissing => tr!(
                "Catatan: disk basis data penuh, sebagian indeks belum dibangun; daftar dan rekap lebih lambat sampai ada ruang.",
                "Note: the database's disk is full and some indexes are not built yet; lists and recaps are slower until there is room."
            ),
            Msg::ExportNeedsRoom(p) => tr!(
                "Bundel tidak ditulis: peristiwa terbaru loket ini harus ditandatangani dulu, dan tanda tangan itu dicatat di basis data {}, yang disknya penuh. Kosongkan sedikit ruang di disk itu lalu ulangi (bundelnya boleh ke disk lain); `aduan sync backup` tetap dapat menyalin basis data ke disk lain.",
                "No bundle written: this desk's newest events must be signed first, and the signature is recorded in the database {}, whose disk is full. Free a little room on that disk and retry (the bundle may go to another disk); `aduan sync backup` can still copy the database to another disk.",
                p.display()
            ),
            Msg::AlreadyInitialised(p) => tr!(
                "Basis data {} sudah siap dipakai.",
                "Database {} is already set up.",
                p.display()
            ),
            Msg::Initialised {
                config,
                database,
                desk,
            } => tr!(
                "Siap. Konfigurasi: {}\nBasis data: {}\nLoket: {desk}",
                "Ready. Configuration: {}\nDatabase: {}\nDesk: {desk}",
                config.display(),
                database.display()
            ),
        }
    }
}

fn agenda_format(e: &AgendaFormatError) -> String {
    match e {
        AgendaFormatError::UnknownPlaceholder(p) => tr!(
            "Format nomor agenda: penanda {{{p}}} tidak dikenal (yang ada: seq, seq:04, kind, desk, year, month).",
            "Agenda number format: unknown placeholder {{{p}}} (known: seq, seq:04, kind, desk, year, month)."
        ),
        AgendaFormatError::Missing(p) => tr!(
            "Format nomor agenda harus memuat {{{p}}} agar nomor tidak pernah kembar.",
            "The agenda number format must contain {{{p}}} so numbers never repeat."
        ),
        AgendaFormatError::Unclosed => tr!(
            "Format nomor agenda: ada {{ tanpa }}.",
            "Agenda number format: a {{ without }}."
        ),
    }
}

fn holiday_file(path: &std::path::Path, e: &HolidayListError) -> String {
    let (line, what) = match e {
        HolidayListError::Syntax { line, detail } => (*line, detail.clone()),
        HolidayListError::BadYear { line, key } => (
            *line,
            tr!("\"{key}\" bukan tahun", "\"{key}\" is not a year"),
        ),
        HolidayListError::BadDate { line, value } => (
            *line,
            tr!("tanggal \"{value}\" tidak sah", "invalid date \"{value}\""),
        ),
        other => super::calendar::holiday_problem(other),
    };
    tr!(
        "Daftar libur {}{}: {what}",
        "Holiday list {}{}: {what}",
        path.display(),
        at_line(line)
    )
}

fn sop_error(e: &SopError) -> String {
    let what = match &e.problem {
        SopProblem::Syntax(d) => tr!("tidak sah: {d}", "invalid: {d}"),
        SopProblem::NoSteps => tr!("tidak ada [[step]]", "no [[step]]"),
        SopProblem::DuplicateStep(s) => tr!(
            "langkah \"{s}\" ditulis dua kali",
            "step \"{s}\" appears twice"
        ),
        SopProblem::DuplicateRole(s) => tr!(
            "peran \"{s}\" ditulis dua kali",
            "role \"{s}\" appears twice"
        ),
        SopProblem::UnknownRole(s) => tr!(
            "peran \"{s}\" tidak ada di [[role]]",
            "role \"{s}\" is not among the [[role]]s"
        ),
        SopProblem::UnknownStep(s) => tr!("langkah \"{s}\" tidak ada", "no step \"{s}\""),
        SopProblem::NextOrEnd(s) => tr!(
            "langkah \"{s}\" harus punya tepat satu dari next atau end",
            "step \"{s}\" needs exactly one of next and end"
        ),
        SopProblem::DecisionOptions(s) => tr!(
            "keputusan \"{s}\" butuh paling sedikit dua [[step.option]] dan tanpa next/end sendiri",
            "decision \"{s}\" needs at least two [[step.option]] and no next/end of its own"
        ),
        SopProblem::OptionNextOrEnd { step, option } => tr!(
            "pilihan \"{option}\" pada langkah \"{step}\" harus punya tepat satu dari next atau end",
            "option \"{option}\" of step \"{step}\" needs exactly one of next and end"
        ),
        SopProblem::DispositionTarget(s) => tr!(
            "disposisi \"{s}\" harus menyebut tujuan (to)",
            "disposition \"{s}\" must name its recipient (to)"
        ),
        SopProblem::ZeroMinutes(s) => tr!(
            "waktu langkah \"{s}\" harus lebih dari 0 menit",
            "step \"{s}\" needs more than 0 minutes"
        ),
        SopProblem::LimitOutOfRange(n) => tr!(
            "limit_workdays {n} di luar 1–60 hari kerja (Perpres 76/2013: paling lama 60)",
            "limit_workdays {n} is outside 1–60 working days (Perpres 76/2013: 60 at most)"
        ),
        SopProblem::StepOverLimit {
            step,
            minutes,
            limit,
        } => tr!(
            "waktu langkah \"{step}\" ({minutes} menit) lebih lama dari batas {limit} hari kerja ({} menit)",
            "step \"{step}\" ({minutes} minutes) is longer than the limit of {limit} working days ({} minutes)",
            limit * crate::domain::sop::MINUTES_PER_WORKDAY
        ),
        SopProblem::Unreachable(s) => tr!(
            "langkah \"{s}\" tidak pernah dicapai dari langkah pertama",
            "step \"{s}\" cannot be reached from the first step"
        ),
        SopProblem::FirstStepNotRegister => tr!(
            "hanya langkah pertama yang boleh on_register = true",
            "only the first step may have on_register = true"
        ),
        SopProblem::RegisterStepNeedsNext(s) => tr!(
            "langkah \"{s}\" (on_register) harus berupa tugas dengan next ke langkah berikutnya",
            "step \"{s}\" (on_register) must be a task with a next step"
        ),
        SopProblem::UnknownKind(k) => tr!(
            "jenis langkah \"{k}\" tidak dikenal (task, disposition, decision)",
            "unknown step kind \"{k}\" (task, disposition, decision)"
        ),
        SopProblem::UnknownNoteKind(k) => tr!(
            "jenis catatan \"{k}\" tidak dikenal (catatan, cek-perizinan, bap, koordinasi, fasilitasi)",
            "unknown note kind \"{k}\" (catatan, cek-perizinan, bap, koordinasi, fasilitasi)"
        ),
        SopProblem::ShortTooLong { step, width } => tr!(
            "judul singkat langkah \"{step}\" selebar {width} kolom; paling banyak {}",
            "the short title of step \"{step}\" is {width} columns wide; at most {}",
            crate::domain::sop::SHORT_TITLE_MAX
        ),
        p @ (SopProblem::UnknownLetter(_)
        | SopProblem::UnknownLetterAct(_)
        | SopProblem::LetterKeys(_)) => super::letters::sop_problem(p),
    };
    tr!(
        "Berkas SOP {}{}: {what}",
        "SOP file {}{}: {what}",
        e.file,
        at_line(e.line)
    )
}

fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::CannotActAs {
            person_role,
            role,
            recorded_by,
        } => tr!(
            "Peran {person_role} tidak boleh bertindak sebagai {role}. Tindakan {role} dapat dicatat oleh: {}.",
            "Role {person_role} may not act as {role}. {role}'s actions may be recorded by: {}.",
            list(recorded_by)
        ),
        Refusal::NotAllowed {
            action,
            role,
            status,
            step,
            step_actor,
            allowed,
            on_behalf,
        } => {
            let now = match (step, step_actor) {
                (Some(s), Some(a)) => tr!(
                    " Langkah sekarang \"{s}\" dikerjakan oleh {a}.",
                    " The current step \"{s}\" is done by {a}."
                ),
                _ => tr!(
                    " Status kasus: {}.",
                    " Case status: {}.",
                    super::status_label(*status)
                ),
            };
            let mut may = vec![actions(allowed)];
            may.extend(on_behalf.iter().map(|(a, r)| {
                tr!(
                    "{} ({} atas nama {r})",
                    "{} ({} on behalf of {r})",
                    a.id(),
                    action_label(*a)
                )
            }));
            tr!(
                "Tindakan \"{}\" tidak diizinkan untuk {role} sekarang.{now} Yang diizinkan: {}.",
                "Action \"{}\" is not allowed for {role} now.{now} Allowed: {}.",
                action.id(),
                list(&may)
            )
        }
        Refusal::OptionNeeded { options, opds } => tr!(
            "Sebutkan pilihan: {}{}",
            "Name the option: {}{}",
            list(options),
            forward_hint(opds)
        ),
        Refusal::UnknownOption {
            given,
            options,
            opds,
        } => tr!(
            "Pilihan \"{given}\" tidak dikenal. Pilihan: {}{}",
            "Unknown option \"{given}\". Options: {}{}",
            list(options),
            forward_hint(opds)
        ),
        Refusal::UnknownRole { given, roles } => tr!(
            "Tujuan disposisi \"{given}\" bukan peran SOP. Peran: {}.",
            "Disposition recipient \"{given}\" is not an SOP role. Roles: {}.",
            list(roles)
        ),
        Refusal::TextNeeded(a) => tr!(
            "Tindakan \"{}\" memerlukan keterangan.",
            "Action \"{}\" needs a text.",
            a.id()
        ),
        Refusal::NoteNeedsFields(kind) => {
            let fields: Vec<&str> = crate::domain::note::fields_of(*kind)
                .iter()
                .filter(|f| f.required)
                .map(|f| super::note_field_label(f.id))
                .collect();
            tr!(
                "Catatan \"{}\" ditulis lengkap dengan isiannya ({}) sebagai catatan investigasi, bukan satu baris keterangan.",
                "A \"{}\" note is written with its fields ({}) as an investigation note, not as one line of text.",
                super::note_kind_label(*kind),
                fields.join(", ")
            )
        }
        Refusal::BeforeLastEvent { .. } => tr!(
            "Waktu tindakan tidak boleh sebelum peristiwa terakhir kasus ini.",
            "The action's time cannot be before the case's last event."
        ),
        Refusal::InFuture => tr!(
            "Waktu tindakan tidak boleh di masa depan.",
            "The action's time cannot be in the future."
        ),
        Refusal::StepNotInSop(s) => tr!(
            "Langkah \"{s}\" kasus ini tidak ada di berkas SOP yang berlaku; periksa SOP.",
            "This case's step \"{s}\" is missing from the SOP file in force; check the SOP."
        ),
    }
}

fn forward_hint(opds: &[String]) -> String {
    if opds.is_empty() {
        ".".into()
    } else {
        tr!(
            ". Untuk meneruskan, sebut OPD tujuan: {}.",
            ". To forward, name the agency: {}.",
            list(opds)
        )
    }
}

/// What is wrong with one field of a case.
pub fn problem(p: &Problem) -> String {
    // The value typed is echoed: shown with its control characters visible.
    let echo = |s: &str| super::printable(s);
    match p {
        Problem::Required => tr!("wajib diisi", "required"),
        Problem::UnknownKind(k) => {
            let k = echo(k);
            tr!(
                "\"{k}\" tidak dikenal (pengaduan, konsultasi, aspirasi)",
                "\"{k}\" is unknown (pengaduan, konsultasi, aspirasi)"
            )
        }
        Problem::UnknownChannel(c) => {
            let c = echo(c);
            tr!(
                "\"{c}\" tidak dikenal (loket, surat, telepon, formulir, kotak-saran, sms, whatsapp, email, instagram, website, quick-response, sp4n-lapor)",
                "\"{c}\" is unknown (loket, surat, telepon, formulir, kotak-saran, sms, whatsapp, email, instagram, website, quick-response, sp4n-lapor)"
            )
        }
        Problem::Nik(e) => nik(e),
        Problem::Phone(e) => phone(e),
        Problem::Email(e) => email(e),
        Problem::Nib(e) => match e {
            NibError::NotDigits { ch } => tr!(
                "NIB hanya angka, ada \"{ch}\"",
                "NIB is digits only, found \"{ch}\""
            ),
            NibError::Length { got } => tr!(
                "NIB harus 13 angka, ada {got}",
                "NIB must be 13 digits, got {got}"
            ),
        },
        Problem::BadDateTime(s) => {
            let s = echo(s);
            tr!(
                "\"{s}\" bukan waktu; tulis seperti 2026-03-16 09:15",
                "\"{s}\" is not a time; write like 2026-03-16 09:15"
            )
        }
        Problem::BadDate(s) => {
            let s = echo(s);
            tr!(
                "\"{s}\" bukan tanggal; tulis seperti 2026-03-16",
                "\"{s}\" is not a date; write like 2026-03-16"
            )
        }
        Problem::InFuture => tr!("tidak boleh di masa depan", "cannot be in the future"),
        Problem::BeforeReceipt => tr!(
            "tidak boleh sebelum tanggal diterima",
            "cannot be before the day of receipt"
        ),
        Problem::TooLong { max } => tr!(
            "terlalu panjang (paling banyak {max} huruf)",
            "too long (at most {max} characters)"
        ),
        Problem::NoContact => tr!(
            "isi paling sedikit satu kontak: alamat, telepon/WA atau email (atau tandai anonim)",
            "give at least one contact: address, phone or email (or mark anonymous)"
        ),
        Problem::ControlChar(c) => control_char(*c),
    }
}

/// A panic, told in one line: what broke and where, shown with its control
/// characters visible (a panic message may quote input).
pub fn internal_error(what: &str, at: &str) -> String {
    let what = super::printable(what);
    tr!(
        "kesalahan internal (bug): {what} ({at}). Laporkan baris ini kepada pengelola aplikasi.",
        "internal error (a bug): {what} ({at}). Please report this line to whoever maintains aduan."
    )
}

/// A field holding a character that would steer a terminal.
pub fn control_char(c: char) -> String {
    let code = crate::domain::text::code_point(c);
    tr!(
        "berisi karakter kendali ({code}) yang tidak boleh ada",
        "holds a control character ({code}), which is not allowed"
    )
}

fn nik(e: &NikError) -> String {
    match e {
        NikError::Empty => tr!("NIK kosong", "NIK is empty"),
        NikError::NotDigits { ch } => tr!(
            "NIK hanya angka, ada \"{ch}\"",
            "NIK is digits only, found \"{ch}\""
        ),
        NikError::Length { got } => tr!(
            "NIK harus 16 angka, ada {got}",
            "NIK must be 16 digits, got {got}"
        ),
        NikError::Province { code } => tr!(
            "kode provinsi \"{code}\" pada NIK tidak ada",
            "province code \"{code}\" in the NIK does not exist"
        ),
        NikError::Region => tr!(
            "kode kabupaten/kecamatan pada NIK tidak boleh 00",
            "the regency/district code in the NIK cannot be 00"
        ),
        NikError::BirthDay { day } => tr!(
            "tanggal lahir pada NIK ({day}) tidak sah: 01–31, atau 41–71 untuk perempuan",
            "the birth day in the NIK ({day}) is invalid: 01–31, or 41–71 for women"
        ),
        NikError::BirthMonth { month } => tr!(
            "bulan lahir pada NIK ({month}) tidak sah",
            "the birth month in the NIK ({month}) is invalid"
        ),
        NikError::BirthDateInvalid { day, month, year2 } => tr!(
            "tanggal lahir pada NIK ({day:02}-{month:02}-{year2:02}) tidak ada di kalender",
            "the birth date in the NIK ({day:02}-{month:02}-{year2:02}) does not exist"
        ),
        NikError::BirthInFuture => tr!(
            "tanggal lahir pada NIK ada di masa depan",
            "the birth date in the NIK is in the future"
        ),
        NikError::Serial => tr!(
            "nomor urut NIK tidak boleh 0000",
            "the NIK's serial cannot be 0000"
        ),
    }
}

fn phone(e: &PhoneError) -> String {
    match e {
        PhoneError::Empty => tr!("nomor kosong", "the number is empty"),
        PhoneError::BadChar { ch } => tr!("nomor memuat \"{ch}\"", "the number contains \"{ch}\""),
        PhoneError::NotIndonesian => tr!(
            "bukan nomor Indonesia (+62 atau 0…)",
            "not an Indonesian number (+62 or 0…)"
        ),
        PhoneError::BadPrefix => tr!(
            "awalan nomor tidak sah; tulis seperti 0812… atau +62812…",
            "invalid prefix; write like 0812… or +62812…"
        ),
        PhoneError::MobileLength { got } => tr!(
            "nomor HP harus 10–13 angka, ada {got}",
            "a mobile number has 10–13 digits, got {got}"
        ),
        PhoneError::LandlineLength { got } => tr!(
            "nomor telepon rumah/kantor harus 9–11 angka, ada {got}",
            "a landline number has 9–11 digits, got {got}"
        ),
    }
}

fn email(e: &EmailError) -> String {
    match e {
        EmailError::Empty => tr!("email kosong", "email is empty"),
        EmailError::NoAt => tr!("email harus memuat @", "an email needs an @"),
        EmailError::ManyAt => tr!("email hanya boleh satu @", "an email has only one @"),
        EmailError::EmptyLocal => tr!("nama sebelum @ kosong", "nothing before the @"),
        EmailError::Space => tr!(
            "email tidak boleh memuat spasi",
            "an email cannot contain spaces"
        ),
        EmailError::BadDomain => tr!("domain email tidak sah", "invalid email domain"),
        EmailError::TooLong => tr!("email terlalu panjang", "the email is too long"),
    }
}

/// What went wrong with a file, in words: the common cases translated, the
/// rest as the system words it.
pub fn io_detail(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => tr!("berkas atau folder tidak ada", "no such file or folder"),
        K::PermissionDenied => tr!("tidak ada izin", "permission denied"),
        K::StorageFull => tr!("disk penuh", "the disk is full"),
        K::IsADirectory => tr!("ini folder, bukan berkas", "this is a folder, not a file"),
        K::NotADirectory => tr!(
            "sebagian jalurnya bukan folder",
            "part of the path is not a folder"
        ),
        K::ReadOnlyFilesystem => tr!("disk hanya-baca", "the disk is read-only"),
        _ => e.to_string(),
    }
}
