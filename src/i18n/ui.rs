//! Words of the terminal interface.

use super::pick;
use crate::domain::event::NoteKind;

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
    QuitNoteBody,
    DuplicateTitle,
    DuplicateBody,
    DuplicateKeys,
    SearchTitle,
    SearchHint,
    SearchEmpty,
    CaseTitle,
    HelpTitle,
    HelpClose,
    MarksTitle,
    MarkDone,
    MarkProblem,
    MarkToday,
    MarkOnTime,
    MarkPaused,
    MarkConflict,
    MarkCurrent,
    MarkChoice,
    MarkGauge,
    MarkCut,
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
    ActAction,
    ActForwardTo,
    ClearFormTitle,
    ClearFormBody,
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
    NotesMine,
    NotesFound,
    NotesNoCases,
    NotesSearch,
    ColCode,
    ColKind,
    ColBy,
    ColContent,
    ColFile,
    ColSize,
    ColState,
    SupersededBy,
    NoteNew,
    NoteCorrect,
    ChooseKind,
    ChooseKindKeys,
    NoteFormKeys,
    NoteDiscard,
    NoteSaved,
    NoteWithdrawnDone,
    Chosen,
    DateHint,
    DateTimeHint,
    WithdrawTitle,
    WithdrawKeys,
    AttachTitle,
    AttachFile,
    AttachFor,
    AttachCase,
    AttachKeys,
    AttachPathHint,
    Attached,
    AttachmentsTitle,
    AttachmentsKeys,
    AttachmentsNone,
    DetailTitle,
    DetailKeys,
    Versions,
    NotesCount,
    NoNoteSelected,
    SyncTitle,
    SyncFolder,
    SyncFolderHint,
    SyncExplain,
    SyncStartKeys,
    SyncFolderEmpty,
    SyncRunning,
    SyncChecked,
    SyncDone,
    SyncNoOtherBundle,
    SyncCloseKeys,
    SyncRetryKeys,
    SyncUntrustedTitle,
    SyncFingerprint,
    SyncUntrustedKeys,
    SyncStopped,
    NeedsDecision,
    ConflictFieldHint,
    ConflictNoteHint,
    ConflictStepHint,
    ConflictEndHint,
    SettleTitle,
    SettleField,
    SettleStanding,
    SettleValue,
    SettleKeys,
    SettleStepKeys,
    SettleNone,
    SettleNotesOnly,
    SettleAction,
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
        T::QuitNoteBody => pick(
            "Catatan yang sedang ditulis di tab Investigasi belum disimpan dan akan hilang. Keluar? Enter: keluar · Esc: kembali",
            "The note being written in the Investigasi tab is not saved and will be lost. Quit? Enter: quit · Esc: back",
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
        T::MarksTitle => pick("Tanda", "Marks"),
        T::MarkDone => pick("selesai/sah", "done/valid"),
        T::MarkProblem => pick("terlambat/salah", "late/wrong"),
        T::MarkToday => pick("jatuh tempo hari ini", "due today"),
        T::MarkOnTime => pick("tepat waktu", "on time"),
        T::MarkPaused => pick("dijeda", "paused"),
        T::MarkConflict => pick("perlu keputusan", "needs a decision"),
        T::MarkCurrent => pick("langkah kini/terpilih", "current/chosen"),
        T::MarkChoice => pick("pilihan", "a choice"),
        T::MarkGauge => pick("kemajuan", "progress"),
        T::MarkCut => pick("terpotong", "cut short"),
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
        T::ActAction => pick("Tindakan", "Action"),
        T::ActForwardTo => pick("Diteruskan ke", "Forwarded to"),
        T::ClearFormTitle => pick("Kosongkan formulir?", "Clear the form?"),
        T::ClearFormBody => pick(
            "Semua isian dihapus. Enter: kosongkan · Esc: batal",
            "Everything typed is removed. Enter: clear · Esc: cancel",
        ),
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
        T::NotesMine => pick(
            "Kasus dengan pekerjaan investigasi untuk Anda",
            "Cases with investigation work for you",
        ),
        T::NotesFound => pick("Hasil pencarian", "Search results"),
        T::NotesNoCases => pick(
            "Tidak ada pekerjaan investigasi untuk peran Anda. Ketik nomor agenda atau nama untuk mencari kasus.",
            "No investigation work for your roles. Type an agenda number or a name to find a case.",
        ),
        T::NotesSearch => pick("Cari", "Search"),
        T::ColCode => pick("Kode", "Code"),
        T::ColKind => pick("Jenis", "Kind"),
        T::ColBy => pick("Oleh (peran)", "By (role)"),
        T::ColContent => pick("Isi", "Content"),
        T::ColFile => pick("Berkas", "File"),
        T::ColSize => pick("Ukuran", "Size"),
        T::ColState => pick("Keadaan", "State"),
        T::SupersededBy => pick("diganti oleh", "superseded by"),
        T::NoteNew => pick("Catatan baru", "New note"),
        T::NoteCorrect => pick("Koreksi catatan", "Correcting note"),
        T::ChooseKind => pick("Jenis catatan baru", "Kind of the new note"),
        T::ChooseKindKeys => pick(
            "1–5 atau ↑↓ Enter: pilih · Esc: batal",
            "1–5 or ↑↓ Enter: choose · Esc: cancel",
        ),
        T::NoteFormKeys => pick(
            "* wajib · Tab ↑↓ pindah · ←→ Spasi pilih · Ctrl+S simpan · Esc batal",
            "* required · Tab ↑↓ move · ←→ Space choose · Ctrl+S save · Esc cancel",
        ),
        T::NoteDiscard => pick(
            "Isian belum disimpan. Esc sekali lagi membuangnya; Ctrl+S menyimpan.",
            "Not saved yet. Esc again discards it; Ctrl+S saves.",
        ),
        T::NoteSaved => pick("Catatan tersimpan", "Note saved"),
        T::NoteWithdrawnDone => pick("Catatan ditarik", "Note withdrawn"),
        T::Chosen => pick("Dipilih", "Chosen"),
        T::DateHint => pick("TTTT-BB-HH", "YYYY-MM-DD"),
        T::DateTimeHint => pick("TTTT-BB-HH JJ:MM", "YYYY-MM-DD HH:MM"),
        T::WithdrawTitle => pick("Tarik catatan", "Withdraw note"),
        T::WithdrawKeys => pick(
            "Catatan tetap terlihat, ditandai ditarik. Enter: tarik · Esc: batal",
            "The note stays visible, marked withdrawn. Enter: withdraw · Esc: cancel",
        ),
        T::AttachTitle => pick("Lampirkan berkas", "Attach a file"),
        T::AttachFile => pick("Berkas", "File"),
        T::AttachFor => pick("Untuk", "For"),
        T::AttachCase => pick("kasus ini", "the case"),
        T::AttachKeys => pick(
            "Enter: lampirkan · Tab pindah · ←→ pilih · Esc batal",
            "Enter: attach · Tab move · ←→ choose · Esc cancel",
        ),
        T::AttachPathHint => pick(
            "path berkas, mis. /home/kasi/foto-lokasi.jpg",
            "the file's path, e.g. /home/kasi/site-photo.jpg",
        ),
        T::Attached => pick("Terlampir", "Attached"),
        T::AttachmentsTitle => pick(
            "Lampiran dan keutuhannya",
            "Attachments and their integrity",
        ),
        T::AttachmentsKeys => pick(
            "↑↓ pilih · s/Enter: simpan ke folder ekspor · Esc: tutup",
            "↑↓ choose · s/Enter: save to the export folder · Esc: close",
        ),
        T::AttachmentsNone => pick("Belum ada lampiran.", "No attachments yet."),
        T::DetailTitle => pick("Rincian catatan", "Note details"),
        T::DetailKeys => pick(
            "↑↓ PgUp PgDn: gulir · Esc: tutup",
            "↑↓ PgUp PgDn: scroll · Esc: close",
        ),
        T::Versions => pick("versi", "versions"),
        T::NotesCount => pick("catatan", "notes"),
        T::NoNoteSelected => pick("Belum ada catatan yang dipilih.", "No note is selected."),
        T::SyncTitle => pick("Sinkron antar loket", "Sync between desks"),
        T::SyncFolder => pick("Folder", "Folder"),
        T::SyncFolderHint => pick(
            "folder bersama atau flashdisk, mis. /media/usb/aduan",
            "a shared folder or USB drive, e.g. /media/usb/aduan",
        ),
        T::SyncExplain => pick(
            "Bundel terbaru tiap loket lain di folder itu digabung ke sini, lalu bundel loket ini ditulis ke sana. Folder diingat untuk lain kali.",
            "The newest bundle of every other desk in that folder is merged here, then this desk's bundle is written there. The folder is remembered.",
        ),
        T::SyncStartKeys => pick("Enter: mulai · Esc: tutup", "Enter: start · Esc: close"),
        T::SyncFolderEmpty => pick(
            "Isi dulu folder sinkronisasi.",
            "Fill in the sync folder first.",
        ),
        T::SyncRunning => pick(
            "Sedang sinkron… jangan cabut flashdisk.",
            "Syncing… do not remove the drive.",
        ),
        T::SyncChecked => pick("Peristiwa diperiksa", "Events checked"),
        T::SyncDone => pick("Sinkron selesai.", "Sync finished."),
        T::SyncNoOtherBundle => pick(
            "Belum ada bundel loket lain di folder ini.",
            "No other desk's bundle in this folder yet.",
        ),
        T::SyncCloseKeys => pick("Enter/Esc: tutup", "Enter/Esc: close"),
        T::SyncRetryKeys => pick(
            "Enter: ubah folder · Esc: tutup",
            "Enter: change the folder · Esc: close",
        ),
        T::SyncUntrustedTitle => pick("Loket belum dikenal", "Desk not known yet"),
        T::SyncFingerprint => pick("Sidik kunci", "Key fingerprint"),
        T::SyncUntrustedKeys => pick(
            "y: percayai loket ini dan ulangi · Esc: batal",
            "y: trust this desk and run again · Esc: cancel",
        ),
        T::SyncStopped => pick(
            "Sinkron berhenti tanpa hasil.",
            "The sync stopped without a result.",
        ),
        T::NeedsDecision => pick("Perlu keputusan", "Needs a decision"),
        T::ConflictFieldHint => pick("c: putuskan", "c: settle"),
        T::ConflictNoteHint => pick(
            "tarik salah satu catatan di tab Investigasi (i)",
            "withdraw one of the notes in the Investigasi tab (i)",
        ),
        T::ConflictStepHint => pick(
            "c: pilih versi yang berlaku",
            "c: choose the version to keep",
        ),
        T::SettleTitle => pick("Putuskan perbedaan", "Settle a conflict"),
        T::SettleField => pick("Isian", "Field"),
        T::SettleStanding => pick("Nilai yang ada", "Values standing"),
        T::SettleValue => pick("Nilai yang berlaku", "Value to keep"),
        T::SettleKeys => pick(
            "←→ pilih · ketik nilai lain · ↑↓ isian lain · Enter simpan · Esc batal",
            "←→ pick · type another value · ↑↓ other field · Enter save · Esc cancel",
        ),
        T::ConflictEndHint => pick(
            "c: pilih penutupan atau tindakan sesudahnya",
            "c: keep the finish or the action after it",
        ),
        T::SettleStepKeys => pick(
            "←→ pilih versi yang berlaku · ↑↓ perbedaan lain · Enter simpan · Esc batal",
            "←→ pick the version to keep · ↑↓ other conflict · Enter save · Esc cancel",
        ),
        T::SettleNone => pick(
            "Kasus ini tidak perlu keputusan: tidak ada perbedaan antar loket.",
            "This case needs no decision: there is no conflict between desks.",
        ),
        T::SettleNotesOnly => pick(
            "Perbedaan pada catatan diselesaikan dengan menarik salah satu catatan di tab Investigasi (tombol i).",
            "A conflict between notes is settled by withdrawing one of them in the Investigasi tab (key i).",
        ),
        T::SettleAction => pick("putuskan perbedaan", "settle the conflict"),
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
        (
            "F8",
            pick(
                "sinkron antar loket (folder bersama/flashdisk)",
                "sync with other desks (shared folder/USB drive)",
            ),
        ),
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
        (
            "i",
            pick(
                "buka kasus ini di tab Investigasi",
                "open this case in the Investigasi tab",
            ),
        ),
        (
            "⚑",
            pick(
                "perlu keputusan: diubah di dua loket terpisah",
                "needs a decision: changed on two desks apart",
            ),
        ),
        (
            "c",
            pick(
                "putuskan perbedaan isian pada kasus ⚑",
                "settle a field conflict on a ⚑ case",
            ),
        ),
    ]
}

/// Why a bundle waits for confirmation: its desk is not on the roster.
pub fn sync_untrusted(code: &str) -> String {
    tr!(
        "Bundel dari loket {code}, yang belum dikenal di loket ini. Cocokkan sidik kunci di bawah dengan loket {code} (langsung atau lewat telepon) sebelum menerimanya.",
        "A bundle from desk {code}, which this desk does not know yet. Compare the key fingerprint below with desk {code} (in person or by phone) before accepting it."
    )
}

/// A desk added to the roster by a sync, with its key fingerprint.
pub fn sync_new_desk(code: &str, fingerprint: &str) -> String {
    tr!(
        "Loket baru: {code} (sidik kunci {fingerprint})",
        "New desk: {code} (key fingerprint {fingerprint})"
    )
}

/// This desk's bundle, written into the sync folder (its file name).
pub fn sync_written(name: &str, events: u64) -> String {
    tr!(
        "Bundel loket ini ditulis ke folder: {name} ({events} peristiwa)",
        "This desk's bundle written to the folder: {name} ({events} events)"
    )
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

/// A kind of note in a narrow column.
pub fn note_kind_short(k: NoteKind) -> &'static str {
    match k {
        NoteKind::Catatan => pick("Catatan", "Note"),
        NoteKind::CekPerizinan => pick("Cek izin", "Licence"),
        NoteKind::Bap => "BAP",
        NoteKind::Koordinasi => pick("Koordinasi", "Coordin."),
        NoteKind::Fasilitasi => pick("Fasilitasi", "Mediation"),
    }
}

/// The key line under the Investigasi tab's list of cases.
pub fn notes_picker_keys() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            pick("ketik", "type"),
            pick("cari no. agenda atau nama", "to search agenda no. or name"),
        ),
        ("↑↓", pick("pilih", "choose")),
        ("Enter", pick("buka", "open")),
        ("Esc", pick("hapus", "clear")),
        ("F1", pick("bantuan", "help")),
    ]
}

/// The key line under a case's notes.
pub fn notes_case_keys() -> Vec<(&'static str, &'static str)> {
    vec![
        ("n", pick("baru", "new")),
        ("k", pick("koreksi", "correct")),
        ("t", pick("tarik", "withdraw")),
        ("Enter", pick("rincian", "details")),
        ("l", pick("lampirkan", "attach")),
        ("a", pick("lampiran", "attachments")),
        ("r", pick("laporan BAP", "report")),
        ("Esc", pick("kembali", "back")),
    ]
}

/// Keys of the Investigasi tab, for the help screen (each fits 80 columns).
pub fn notes_key_help() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            pick("huruf, ↑ ↓, Enter", "letters, ↑ ↓, Enter"),
            pick(
                "daftar kasus: cari, pilih, buka",
                "list of cases: search, choose, open",
            ),
        ),
        (
            "n",
            pick(
                "catatan baru: jenis 1–5, isi, Ctrl+S simpan",
                "new note: kind 1–5, fill in, Ctrl+S saves",
            ),
        ),
        (
            "k",
            pick(
                "koreksi catatan (yang lama tetap, ditandai)",
                "correct a note (the old one stays, marked)",
            ),
        ),
        (
            "t",
            pick(
                "tarik catatan dengan alasan",
                "withdraw a note, with a reason",
            ),
        ),
        (
            "Enter",
            pick(
                "rincian catatan dan riwayat koreksinya",
                "a note in full and its corrections",
            ),
        ),
        (
            "l",
            pick(
                "lampirkan berkas ke kasus atau catatan",
                "attach a file to the case or a note",
            ),
        ),
        (
            "a",
            pick(
                "lampiran dan keutuhannya; s menyimpan salinan",
                "attachments and integrity; s saves a copy",
            ),
        ),
        (
            "r",
            pick(
                "tulis laporan BAP (bertanya sebelum menimpa)",
                "write the field report (asks to overwrite)",
            ),
        ),
        (
            pick("Tab ↑↓ ←→ Spasi", "Tab ↑↓ ←→ Space"),
            pick(
                "formulir: pindah, ganti pilihan, centang petugas",
                "form: move, change a choice, tick an officer",
            ),
        ),
        (
            "Esc",
            pick("kembali ke daftar kasus", "back to the list of cases"),
        ),
    ]
}
