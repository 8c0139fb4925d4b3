//! Words of the command line's reports, the receipt and checks.

use super::pick;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum R {
    SqliteIntegrity,
    Desk,
    Events,
    LastNo,
    Cases,
    ProjectionRebuiltFromTheLog,
    CasesLower,
    IdenticalToBefore,
    DifferentFromBeforeNowRepaired,
    ResultSound,
    ResultProblemsFound,
    CasesMade,
    DemoDone,
    EventsLower,
    StillOpen,
    Database,
    OpenCases,
    Overdue,
    CommandsAduanCaseAddCase,
    SopIsValid,
    Steps,
    ResolutionLimit,
    WorkingDays,
    EventBytesDoNotMatch,
    BrokenChainDoesNotName,
    ASequenceNumberIsMissing,
    TheEventCannotBeRead,
    ComplaintReceipt,
    DeskOfficer,
    CtrlSSave,
    Help,
}

pub fn say(key: R) -> &'static str {
    match key {
        R::SqliteIntegrity => pick("Integritas SQLite", "SQLite integrity"),
        R::Desk => pick("Loket", "Desk"),
        R::Events => pick("Peristiwa", "Events"),
        R::LastNo => pick("No. terakhir", "Last no."),
        R::Cases => pick("Kasus", "Cases"),
        R::ProjectionRebuiltFromTheLog => pick(
            "Proyeksi dibangun ulang dari log:",
            "Projection rebuilt from the log:",
        ),
        R::CasesLower => pick("kasus", "cases"),
        R::IdenticalToBefore => pick("identik dengan sebelumnya", "identical to before"),
        R::DifferentFromBeforeNowRepaired => pick(
            "BERBEDA dari sebelumnya (kini sudah diperbaiki)",
            "DIFFERENT from before (now repaired)",
        ),
        R::ResultSound => pick("Hasil: baik.", "Result: sound."),
        R::ResultProblemsFound => pick("Hasil: ADA MASALAH.", "Result: PROBLEMS FOUND."),
        R::CasesMade => pick("kasus dibuat:", "cases made:"),
        R::DemoDone => pick("Demo selesai", "Demo done"),
        R::EventsLower => pick("peristiwa", "events"),
        R::StillOpen => pick("masih terbuka", "still open"),
        R::Database => pick("Basis data", "Database"),
        R::OpenCases => pick("Kasus terbuka", "Open cases"),
        R::Overdue => pick("Lewat batas waktu", "Overdue"),
        R::CommandsAduanCaseAddCase => pick(
            "Perintah: aduan case add | case list | case show | case act | sop show | check | demo. Lihat aduan --help.",
            "Commands: aduan case add | case list | case show | case act | sop show | check | demo. See aduan --help.",
        ),
        R::SopIsValid => pick("SOP sah", "SOP is valid"),
        R::Steps => pick("langkah", "steps"),
        R::ResolutionLimit => pick("Batas penyelesaian", "Resolution limit"),
        R::WorkingDays => pick("hari kerja", "working days"),
        R::EventBytesDoNotMatch => pick(
            "isi peristiwa tidak cocok dengan hash-nya (diubah)",
            "event bytes do not match their hash (edited)",
        ),
        R::BrokenChainDoesNotName => pick(
            "rantai terputus: tidak menyebut hash peristiwa sebelumnya",
            "broken chain: does not name the previous hash",
        ),
        R::ASequenceNumberIsMissing => pick(
            "ada nomor urut yang hilang setelah",
            "a sequence number is missing after",
        ),
        R::TheEventCannotBeRead => pick("peristiwa tidak dapat dibaca", "the event cannot be read"),
        R::ComplaintReceipt => pick("TANDA TERIMA PENGADUAN", "COMPLAINT RECEIPT"),
        R::DeskOfficer => pick("Petugas:", "Desk officer:"),
        R::CtrlSSave => pick("Ctrl+S simpan", "Ctrl+S save"),
        R::Help => pick("bantuan", "help"),
    }
}
