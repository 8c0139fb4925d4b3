//! The words of the terminal's print list and letter window.

use super::pick;
use crate::domain::letter::LetterAct;
use crate::paper::DocKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pu {
    PrintTitle,
    PrintKeys,
    Printed,
    Saved,
    LetterTitle,
    LetterKeys,
    EditKeys,
    NoLetterYet,
    EmptyMeansDrafted,
    Stage,
    Number,
    Version,
    AskTitle,
    DiscardEdit,
    NoKind,
}

pub fn pu(w: Pu) -> &'static str {
    match w {
        Pu::PrintTitle => pick("Cetak dokumen kasus", "Print a case document"),
        Pu::PrintKeys => pick(
            "Enter: cetak · s: simpan PDF saja · Esc: tutup",
            "Enter: print · s: save the PDF only · Esc: close",
        ),
        Pu::Printed => pick("Dicetak", "Printed"),
        Pu::Saved => pick("Disimpan", "Saved"),
        Pu::LetterTitle => pick("Surat keluar", "Outgoing letter"),
        Pu::LetterKeys => pick(
            "←→: jenis · e: ubah konsep · p: paraf · t: ttd · k: kirim · Esc: tutup",
            "←→: kind · e: edit the draft · p: paraf · t: sign · k: send · Esc: close",
        ),
        Pu::EditKeys => pick(
            "Ctrl+S: simpan versi baru · Esc: batal",
            "Ctrl+S: save a new version · Esc: cancel",
        ),
        Pu::NoLetterYet => pick(
            "Belum ada konsep. Tekan e untuk menulisnya.",
            "No draft yet. Press e to write it.",
        ),
        Pu::EmptyMeansDrafted => pick(
            "Biarkan kosong lalu Ctrl+S agar konsep disusun otomatis dari kasus.",
            "Leave it empty and press Ctrl+S to have the draft written from the case.",
        ),
        Pu::Stage => pick("Tahap", "Stage"),
        Pu::Number => pick("Nomor", "Number"),
        Pu::Version => pick("versi", "version"),
        Pu::AskTitle => pick("Catat?", "Record?"),
        Pu::DiscardEdit => pick(
            "Perubahan konsep belum disimpan dan akan dibuang. Buang?",
            "The changes to the draft are not saved and will be dropped. Drop them?",
        ),
        Pu::NoKind => pick(
            "Kasus ini belum dapat memiliki surat keluar.",
            "This case cannot have an outgoing letter yet.",
        ),
    }
}

/// A document's name in the print list.
pub fn doc_label(kind: DocKind) -> &'static str {
    match kind {
        DocKind::TandaTerima => pick("Tanda terima pengaduan", "Complaint receipt"),
        DocKind::Disposisi => pick("Lembar disposisi", "Disposition sheet"),
        DocKind::Penerusan => pick("Surat penerusan ke OPD", "Forwarding letter to the OPD"),
        DocKind::Tembusan => pick(
            "Tembusan surat penerusan (pengadu)",
            "Complainant's copy of the forwarding letter",
        ),
        DocKind::Jawaban => pick("Surat jawaban", "Reply letter"),
        DocKind::Bap => pick("Berita acara pemeriksaan (BAP)", "Field report (BAP)"),
        DocKind::Rekap => pick("Rekap", "Recap"),
    }
}

/// Where a letter stands, as the window shows it.
pub fn stage_label(stage: LetterAct, version: usize) -> String {
    match stage {
        LetterAct::Konsep => tr!("konsep v{version}", "draft v{version}"),
        LetterAct::Paraf => tr!("diparaf (v{version})", "initialled (v{version})"),
        LetterAct::Ttd => tr!("ditandatangani (v{version})", "signed (v{version})"),
        LetterAct::Kirim => tr!("dikirim (v{version})", "sent (v{version})"),
    }
}

/// The question before a paper act is recorded: what, on whose behalf.
pub fn ask_act(act: &str, kind: &str, version: usize, role: &str) -> String {
    tr!(
        "Catat {act} {kind} versi {version} sebagai {role}?",
        "Record the {act} of the {kind}, version {version}, as {role}?"
    )
}
