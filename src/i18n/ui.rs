//! Words of the terminal interface.

use super::pick;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    TabIntake,
    TabInbox,
    TabInvestigation,
    TabRecap,
    NotYet,
    TooSmall,
    PickPerson,
    PickPersonHint,
    FormTitle,
    Description,
    Yes,
    No,
    NowDefault,
    Problems,
    FormValid,
    SaveRefused,
    ReceiptTitle,
    ReceiptFile,
    ReceiptClose,
    RestoreTitle,
    RestoreBody,
    QuitTitle,
    QuitBody,
    DuplicateTitle,
    DuplicateBody,
    DuplicateKeys,
    SearchTitle,
    SearchHint,
    SearchEmpty,
    CaseTitle,
    HelpTitle,
    HelpClose,
    StatusOpen,
    StatusOverdue,
    StatusSync,
    Never,
    Saved,
    Linked,
    FirstStep,
    QueueMine,
    QueueOpen,
    QueueOverdue,
    QueuePaused,
    QueueForwarded,
    QueueClosed,
    QueueEmpty,
    ColDate,
    ColUsed,
    ColLeft,
    ColStep,
    Actions,
    NoActions,
    ActAs,
    ActTo,
    ActInstruction,
    ActPriority,
    ActPaperDate,
    ActOption,
    ActOpd,
    ActNote,
    ActNoteKind,
    ActFormHint,
    ConfirmTitle,
    ConfirmBody,
    Recorded,
    Hours,
    Minutes,
    WorkdaysShort,
    SwitchPerson,
    RecapKeys,
    ChartChannels,
    ChartMonths,
    OverwriteTitle,
    OverwriteBody,
}

pub fn t(key: T) -> &'static str {
    match key {
        T::TabIntake => pick("Penerimaan", "Intake"),
        T::TabInbox => pick("Disposisi", "Dispositions"),
        T::TabInvestigation => pick("Investigasi", "Investigation"),
        T::TabRecap => pick("Rekap", "Recap"),
        T::NotYet => pick(
            "Layar ini belum tersedia.",
            "This screen is not available yet.",
        ),
        T::TooSmall => pick(
            "Perbesar jendela terminal: paling kecil 80×24",
            "Enlarge the terminal window: at least 80×24",
        ),
        T::PickPerson => pick("Siapa yang bertugas?", "Who is at the desk?"),
        T::PickPersonHint => pick(
            "↑↓ pilih · Enter masuk · Ctrl+Q keluar",
            "↑↓ choose · Enter sign in · Ctrl+Q quit",
        ),
        T::FormTitle => pick("Pengaduan baru", "New complaint"),
        T::Description => pick("Uraian", "Description"),
        T::Yes => pick("ya", "yes"),
        T::No => pick("tidak", "no"),
        T::NowDefault => pick("(kosong = sekarang)", "(empty = now)"),
        T::Problems => pick("Perlu diperbaiki", "To fix"),
        T::FormValid => pick(
            "Isian lengkap. Ctrl+S menyimpan.",
            "The form is complete. Ctrl+S saves.",
        ),
        T::SaveRefused => pick(
            "Belum dapat disimpan: perbaiki isian yang ditandai ✗.",
            "Cannot save yet: fix the fields marked ✗.",
        ),
        T::ReceiptTitle => pick("Tanda terima", "Receipt"),
        T::ReceiptFile => pick("Berkas cetak", "Print file"),
        T::ReceiptClose => pick("Enter: formulir baru", "Enter: next complaint"),
        T::RestoreTitle => pick("Draf belum disimpan", "Unsaved draft"),
        T::RestoreBody => pick(
            "Ada formulir yang belum selesai dari sesi sebelumnya. Pulihkan? Enter: pulihkan · Esc: buang",
            "A form was left unfinished last time. Restore it? Enter: restore · Esc: discard",
        ),
        T::QuitTitle => pick("Keluar?", "Quit?"),
        T::QuitBody => pick(
            "Formulir belum disimpan (draf tetap tersimpan). Keluar? Enter: keluar · Esc: kembali",
            "The form is not saved (its draft is kept). Quit? Enter: quit · Esc: back",
        ),
        T::DuplicateTitle => pick("Mungkin pengaduan yang sama", "Possibly the same complaint"),
        T::DuplicateBody => pick(
            "NIK atau telepon ini sudah ada pada kasus terbuka:",
            "This NIK or phone already belongs to an open case:",
        ),
        T::DuplicateKeys => pick(
            "Ctrl+L: tautkan ke kasus pertama lalu simpan · Enter: simpan sebagai kasus baru · Esc: kembali",
            "Ctrl+L: link to the first case and save · Enter: save as a new case · Esc: back",
        ),
        T::SearchTitle => pick("Cari kasus", "Search cases"),
        T::SearchHint => pick(
            "nomor agenda, nama, NIK, telepon, kata perihal/uraian · ↑↓ · Enter buka · Esc tutup",
            "agenda number, name, NIK, phone, words · ↑↓ · Enter open · Esc close",
        ),
        T::SearchEmpty => pick("Tidak ada yang cocok.", "Nothing matches."),
        T::CaseTitle => pick("Kasus", "Case"),
        T::HelpTitle => pick("Bantuan: tombol di layar ini", "Help: keys on this screen"),
        T::HelpClose => pick("Esc atau F1: tutup", "Esc or F1: close"),
        T::StatusOpen => pick("Terbuka", "Open"),
        T::StatusOverdue => pick("Lewat batas", "Overdue"),
        T::StatusSync => pick("Sinkron", "Synced"),
        T::Never => pick("belum pernah", "never"),
        T::Saved => pick("Tersimpan", "Saved"),
        T::Linked => pick("Ditautkan ke", "Linked to"),
        T::FirstStep => pick("Langkah berikutnya", "Next step"),
        T::QueueMine => pick("Antrean saya", "Mine"),
        T::QueueOpen => pick("Terbuka", "Open"),
        T::QueueOverdue => pick("Terlambat", "Overdue"),
        T::QueuePaused => pick("Dijeda", "Paused"),
        T::QueueForwarded => pick("Diteruskan", "Forwarded"),
        T::QueueClosed => pick("Selesai", "Closed"),
        T::QueueEmpty => pick("Tidak ada kasus di antrean ini.", "No case in this queue."),
        T::ColDate => pick("Tgl", "Date"),
        T::ColUsed => pick("Pakai/bk", "Used/std"),
        T::ColLeft => pick("Sisa", "Left"),
        T::ColStep => pick("Langkah (pelaksana)", "Step (actor)"),
        T::Actions => pick("Tindakan", "Actions"),
        T::NoActions => pick(
            "tidak ada tindakan untuk Anda sekarang",
            "no action for you now",
        ),
        T::ActAs => pick("Sebagai", "As"),
        T::ActTo => pick("Kepada", "To"),
        T::ActInstruction => pick("Instruksi", "Instruction"),
        T::ActPriority => pick("Sifat", "Priority"),
        T::ActPaperDate => pick("Tgl. di kertas", "Date on paper"),
        T::ActOption => pick("Keputusan", "Decision"),
        T::ActOpd => "OPD",
        T::ActNote => pick("Keterangan", "Note"),
        T::ActNoteKind => pick("Jenis catatan", "Note kind"),
        T::ActFormHint => pick(
            "Tab pindah · ←→ pilih · Enter lanjut · Esc batal",
            "Tab move · ←→ choose · Enter continue · Esc cancel",
        ),
        T::ConfirmTitle => pick("Catat tindakan?", "Record the action?"),
        T::ConfirmBody => pick("Enter: catat · Esc: kembali", "Enter: record · Esc: back"),
        T::Recorded => pick("Tercatat", "Recorded"),
        T::Hours => pick("j", "h"),
        T::Minutes => pick("m", "m"),
        T::WorkdaysShort => pick("HK", "wd"),
        T::SwitchPerson => pick("ganti petugas", "switch person"),
        T::RecapKeys => pick(
            "← → periode · b bulan · t tahun · e ekspor XLSX",
            "← → period · b month · t year · e export XLSX",
        ),
        T::ChartChannels => pick("Saluran bulan ini", "Channels this month"),
        T::ChartMonths => pick("Pengaduan per bulan", "Complaints per month"),
        T::OverwriteTitle => pick("Timpa berkas?", "Overwrite the file?"),
        T::OverwriteBody => pick(
            "Berkas sudah ada. Enter: timpa · Esc: batal",
            "The file exists. Enter: overwrite · Esc: cancel",
        ),
    }
}

/// Every key of the interface and what it does, for the help screen.
/// The last element tells whether the key belongs to the intake form only.
pub fn key_help() -> Vec<(&'static str, &'static str, bool)> {
    let form_only = [
        "Tab / Shift+Tab",
        "↓ ↑ Enter",
        "← → Spasi",
        "huruf",
        "Ctrl+← Ctrl+→",
        "Ctrl+S",
    ];
    let rows = vec![
        ("F1", pick("bantuan ini", "this help")),
        (
            "Ctrl+Q",
            pick(
                "keluar (bertanya bila formulir belum disimpan)",
                "quit (asks if the form is unsaved)",
            ),
        ),
        ("Alt+1…4", pick("pindah ke tab 1–4", "go to tab 1–4")),
        (
            "Ctrl+PgDn / Ctrl+PgUp",
            pick("tab berikut / sebelumnya", "next / previous tab"),
        ),
        (
            "Tab / Shift+Tab",
            pick("isian berikut / sebelumnya", "next / previous field"),
        ),
        (
            "↓ ↑ Enter",
            pick(
                "isian berikut / sebelumnya (bukan di Uraian)",
                "next / previous field (not in the description)",
            ),
        ),
        (
            "← → Spasi",
            pick(
                "ganti pilihan; Spasi mencentang ya/tidak",
                "change a choice; Space ticks yes/no",
            ),
        ),
        (
            "huruf",
            pick(
                "mengetik ke isian yang aktif; pada pilihan, melompat ke pilihan berawalan huruf itu",
                "type into the field; on a choice, jump to the option starting with it",
            ),
        ),
        (
            "Ctrl+← Ctrl+→",
            pick("lompat per kata (Uraian)", "jump by word (description)"),
        ),
        (
            "Ctrl+S",
            pick(
                "simpan: nomor agenda, batas waktu, tanda terima",
                "save: agenda number, deadline, receipt",
            ),
        ),
        (
            "Ctrl+F, /",
            pick(
                "cari kasus (/ bila isian kosong)",
                "search cases (/ when the field is empty)",
            ),
        ),
        ("Esc", pick("tutup jendela", "close a window")),
        ("F9", pick("ganti petugas", "switch person")),
    ];
    rows.into_iter()
        .map(|(key, what)| (localised_key(key), what, form_only.contains(&key)))
        .collect()
}

/// Keys of the disposition inbox.
pub fn inbox_key_help() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "↑ ↓ PgUp PgDn Home",
            pick("pindah kasus", "move between cases"),
        ),
        (
            "F2…F7",
            pick(
                "antrean saya · semua terbuka · terlambat · dijeda · diteruskan · selesai",
                "my queue · all open · overdue · paused · forwarded · closed",
            ),
        ),
        (
            "d",
            pick(
                "catat disposisi (atas nama pimpinan bila perlu)",
                "record a disposition (on a head's behalf if needed)",
            ),
        ),
        (
            "k",
            pick(
                "putuskan (kewenangan / teruskan ke OPD / pilihan lain)",
                "decide (authority / forward to an agency / other options)",
            ),
        ),
        (
            "s",
            pick(
                "selesaikan langkah dengan outputnya",
                "complete the step with its output",
            ),
        ),
        (
            "t / u",
            pick(
                "jeda jam menunggu berkas / lanjutkan",
                "pause the clock for documents / resume",
            ),
        ),
        ("x", pick("tutup kasus", "close the case")),
        ("n", pick("tambah catatan", "add a note")),
    ]
}

/// Key names that are words.
fn localised_key(key: &'static str) -> &'static str {
    match key {
        "← → Spasi" => pick("← → Spasi", "← → Space"),
        "huruf" => pick("huruf", "letters"),
        other => other,
    }
}

/// Keys of the recap screen.
pub fn recap_key_help() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "← →",
            pick(
                "bulan (atau tahun) sebelumnya / berikutnya",
                "previous / next month (or year)",
            ),
        ),
        ("b / t", pick("tampilan bulan / tahun", "month / year view")),
        (
            "e",
            pick(
                "ekspor XLSX ke folder ekspor (bertanya sebelum menimpa)",
                "export XLSX to the export folder (asks before overwriting)",
            ),
        ),
    ]
}
