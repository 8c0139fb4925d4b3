//! The office's paper: documents, templates, printing.

use std::path::PathBuf;

use super::pick;
use crate::paper::engine::Problem;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaperProblem {
    /// A template does not compile: its first problem.
    Template(Problem),
    TemplateRead {
        path: PathBuf,
        detail: String,
    },
    TemplateTooLarge {
        path: PathBuf,
        limit: u64,
    },
    TemplateNotText(PathBuf),
    NotATemplate(PathBuf),
    LogoMissing {
        path: PathBuf,
        detail: String,
    },
    LogoKind(PathBuf),
    /// A signature block the document needs has no NIP (or no name).
    SignatoryIncomplete {
        title: String,
        key: String,
    },
    /// The case has no letter of that kind yet.
    NoLetter {
        agenda: String,
        kind: String,
    },
    /// A forwarding letter for a case not forwarded.
    NotForwarded(String),
    /// The tembusan copy of a confidential or anonymous complainant's letter
    /// without an address.
    UnknownKind {
        given: String,
        kinds: Vec<String>,
    },
    PrintRefused {
        printer: String,
        detail: String,
    },
}

impl PaperProblem {
    pub fn text(&self) -> String {
        match self {
            PaperProblem::Template(p) => tr!(
                "Templat {} baris {}, kolom {}: {}",
                "Template {} line {}, column {}: {}",
                p.file,
                p.line,
                p.column,
                p.message
            ),
            PaperProblem::TemplateRead { path, detail } => tr!(
                "Templat {} tidak dapat dibaca: {detail}",
                "Template {} cannot be read: {detail}",
                path.display()
            ),
            PaperProblem::TemplateTooLarge { path, limit } => tr!(
                "Berkas {} lebih besar dari {} KB; tidak dibaca.",
                "{} is larger than {} KB; not read.",
                path.display(),
                limit / 1024
            ),
            PaperProblem::TemplateNotText(p) => tr!(
                "Templat {} bukan teks UTF-8.",
                "Template {} is not UTF-8 text.",
                p.display()
            ),
            PaperProblem::NotATemplate(p) => tr!(
                "{} bukan templat (berkas .typ di folder templates).",
                "{} is not a template (a .typ file in the templates folder).",
                p.display()
            ),
            PaperProblem::LogoMissing { path, detail } => tr!(
                "Logo kop surat {} tidak dapat dibaca ({detail}); periksa office.logo di config.",
                "Letterhead logo {} cannot be read ({detail}); check office.logo in the config.",
                path.display()
            ),
            PaperProblem::LogoKind(p) => tr!(
                "Logo kop surat {} harus berupa PNG, JPEG atau SVG (office.logo).",
                "Letterhead logo {} must be PNG, JPEG or SVG (office.logo).",
                p.display()
            ),
            PaperProblem::SignatoryIncomplete { title, key } => tr!(
                "Penanda tangan \"{title}\" belum lengkap (nama dan NIP); isi {key} di config.",
                "Signatory \"{title}\" is incomplete (name and NIP); fill in {key} in the config."
            ),
            PaperProblem::NoLetter { agenda, kind } => tr!(
                "Kasus {agenda} belum punya surat {kind}; buat konsepnya dulu.",
                "Case {agenda} has no {kind} letter yet; draft it first."
            ),
            PaperProblem::NotForwarded(agenda) => tr!(
                "Kasus {agenda} tidak diputuskan untuk diteruskan ke OPD; tidak ada surat penerusan.",
                "Case {agenda} was not decided to be forwarded to an OPD; there is no forwarding letter."
            ),
            PaperProblem::UnknownKind { given, kinds } => tr!(
                "Jenis dokumen \"{given}\" tidak dikenal; pilih salah satu: {}.",
                "Unknown document kind \"{given}\"; choose one of: {}.",
                kinds.join(", ")
            ),
            PaperProblem::PrintRefused { printer, detail } => tr!(
                "Pencetak {printer} menolak: {detail}. Berkas PDF tetap tersimpan.",
                "Printer {printer} refused: {detail}. The PDF file is kept."
            ),
        }
    }
}

/// Words of the paper commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pw {
    TemplateSound,
    TemplatesFolder,
    SentToPrinter,
    NoPrinter,
    DefaultPrinter,
    Anonymous,
    Withheld,
}

pub fn pw(w: Pw) -> &'static str {
    match w {
        Pw::TemplateSound => pick(
            "Templat baik; dokumen yang diperiksa",
            "Template sound; documents checked",
        ),
        Pw::TemplatesFolder => pick("Folder templat", "Templates folder"),
        Pw::SentToPrinter => pick("Dikirim ke pencetak", "Sent to the printer"),
        Pw::NoPrinter => pick(
            "Tidak ada pencetak (CUPS/lp tidak terpasang); cetak berkas ini dari penampil PDF",
            "No printer (CUPS/lp not installed); print this file from a PDF viewer",
        ),
        Pw::DefaultPrinter => pick("pencetak bawaan", "the default printer"),
        Pw::Anonymous => pick("Tanpa nama (anonim)", "No name (anonymous)"),
        Pw::Withheld => pick(
            "Pengadu (identitas dirahasiakan)",
            "Complainant (identity withheld)",
        ),
    }
}
