//! The office's paper: document templates (Typst markup an office edits,
//! beside its SOPs) and their rendering to PDF. What goes into a document
//! is gathered by `service::documents`; this module knows templates only.

pub mod engine;
pub mod templates;

/// The documents aduan prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// The receipt handed to the complainant at registration.
    TandaTerima,
    /// The disposition sheet that travels with the letter.
    Disposisi,
    /// The forwarding letter to the competent OPD.
    Penerusan,
    /// The complainant's copy of the forwarding letter, addressed to them.
    Tembusan,
    /// The reply letter to the complainant.
    Jawaban,
    /// The field inspection report.
    Bap,
    /// The monthly or yearly recap.
    Rekap,
}

impl DocKind {
    /// Every document a case prints (the recap is printed from the recap).
    pub const OF_CASE: [DocKind; 6] = [
        DocKind::TandaTerima,
        DocKind::Disposisi,
        DocKind::Penerusan,
        DocKind::Tembusan,
        DocKind::Jawaban,
        DocKind::Bap,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DocKind::TandaTerima => "tanda-terima",
            DocKind::Disposisi => "disposisi",
            DocKind::Penerusan => "penerusan",
            DocKind::Tembusan => "tembusan",
            DocKind::Jawaban => "jawaban",
            DocKind::Bap => "bap",
            DocKind::Rekap => "rekap",
        }
    }

    pub fn parse(id: &str) -> Option<DocKind> {
        DocKind::OF_CASE
            .into_iter()
            .chain([DocKind::Rekap])
            .find(|k| k.id() == id)
    }

    /// The template a document is set with: the complainant's copy of a
    /// forwarding letter is the same letter.
    pub fn template(self) -> &'static str {
        match self {
            DocKind::Tembusan => "penerusan.typ",
            DocKind::TandaTerima => "tanda-terima.typ",
            DocKind::Disposisi => "disposisi.typ",
            DocKind::Penerusan => "penerusan.typ",
            DocKind::Jawaban => "jawaban.typ",
            DocKind::Bap => "bap.typ",
            DocKind::Rekap => "rekap.typ",
        }
    }
}
