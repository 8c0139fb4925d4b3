//! What each action of the interface does, by its `[keys]` name, for the
//! generated help; and why a `[keys]` table was refused.

use super::pick;

/// The help line of an action, looked up by its name in `[keys]`.
pub fn action_help(name: &str) -> String {
    if let Some(tab) = name.strip_prefix("tab_") {
        return format!("{} {}", pick("ke tab", "go to tab"), tab_title(tab));
    }
    if let Some(n) = name.strip_prefix("choose_") {
        return format!("{} {n}", pick("pilih nomor", "pick number"));
    }
    if let Some(q) = name.strip_prefix("queue_") {
        return format!("{}: {}", pick("antrean", "queue"), queue_title(q));
    }
    let text = match name {
        "help" => pick("bantuan: tombol layar ini", "help: this screen's keys"),
        "quit" => pick(
            "keluar (bertanya bila ada ketikan belum disimpan)",
            "quit (asks if something typed is unsaved)",
        ),
        "next_tab" => pick("tab berikut", "next tab"),
        "prev_tab" => pick("tab sebelumnya", "previous tab"),
        "search" => pick(
            "cari kasus (nomor agenda, nama, kata)",
            "search cases (agenda number, name, words)",
        ),
        "sync" => pick(
            "sinkron dengan loket lain (folder bersama / USB)",
            "sync with other desks (shared folder / USB)",
        ),
        "switch_person" => pick(
            "ganti petugas (ketikan tetap disimpan)",
            "switch person (unsaved work is kept)",
        ),
        "up" => pick("naik satu baris", "up a row"),
        "down" => pick("turun satu baris", "down a row"),
        "page_up" => pick("naik satu halaman", "up a page"),
        "page_down" => pick("turun satu halaman", "down a page"),
        "first" => pick("ke awal", "to the top"),
        "last" => pick("ke akhir", "to the end"),
        "open" => pick(
            "buka kasus (atau catatan) selengkapnya",
            "open the case (or note) in full",
        ),
        "cancel" => pick("tutup jendela / kembali", "close the window / go back"),
        "confirm" => pick("ya / lanjutkan / pilih", "yes / go on / pick"),
        "save" => pick("simpan formulir", "save the form"),
        "next_field" => pick("isian berikut", "next field"),
        "prev_field" => pick("isian sebelumnya", "previous field"),
        "toggle" => pick(
            "centang ya/tidak, atau pilihan berikut",
            "tick yes/no, or the next option",
        ),
        "option_next" => pick("pilihan berikut", "next option"),
        "option_prev" => pick("pilihan sebelumnya", "previous option"),
        "clear_form" => pick(
            "kosongkan formulir (bertanya dulu)",
            "empty the form (asks first)",
        ),
        "link" => pick(
            "kaitkan aduan baru dengan kasus yang ditampilkan",
            "link the new complaint to the case shown",
        ),
        "act_dispose" => pick(
            "catat disposisi (atas nama pimpinan bila perlu)",
            "record a disposition (on a head's behalf if needed)",
        ),
        "act_decide" => pick(
            "putuskan: kewenangan / teruskan ke OPD / pilihan lain",
            "decide: authority / forward to an agency / other options",
        ),
        "act_complete" => pick("selesaikan langkah", "complete the step"),
        "act_pause" => pick(
            "jeda waktu (berkas kurang)",
            "pause the clock (documents missing)",
        ),
        "act_resume" => pick("lanjutkan waktu", "resume the clock"),
        "act_close" => pick("tutup kasus", "close the case"),
        "act_note" => pick("catatan langkah", "step note"),
        "investigate" => pick(
            "buka catatan investigasi kasus",
            "open the case's investigation notes",
        ),
        "settle" => pick(
            "putuskan konflik antarloket",
            "settle a conflict between desks",
        ),
        "new_note" => pick(
            "catatan investigasi baru (formulir per jenis)",
            "new investigation note (a form per kind)",
        ),
        "correct_note" => pick("koreksi catatan terpilih", "correct the selected note"),
        "withdraw_note" => pick(
            "tarik catatan terpilih (dengan alasan)",
            "withdraw the selected note (with a reason)",
        ),
        "attach" => pick("lampirkan berkas", "attach a file"),
        "attachments" => pick(
            "daftar lampiran: periksa dan simpan salinan",
            "attachments: check and save a copy",
        ),
        "report" => pick(
            "tulis laporan pemeriksaan (BAP)",
            "write the field report (BAP)",
        ),
        "earlier" => pick("bulan/tahun sebelumnya", "previous month/year"),
        "later" => pick("bulan/tahun berikutnya", "next month/year"),
        "whole_year" => pick("rekap setahun", "the whole year"),
        "by_month" => pick("rekap bulanan", "by month"),
        "export" => pick("ekspor rekap ke berkas", "export the recap to a file"),
        "trust" => pick(
            "percayai loket baru dan gabungkan",
            "trust the new desks and merge",
        ),
        "print_document" => pick(
            "cetak dokumen kasus (tanda terima, disposisi, surat, BAP)",
            "print a case document (receipt, disposition, letters, BAP)",
        ),
        "save_document" => pick(
            "simpan PDF saja, tanpa mencetak",
            "save the PDF only, without printing",
        ),
        "letter" => pick(
            "surat keluar kasus: konsep, paraf, ttd, kirim",
            "the case's outgoing letters: draft, paraf, sign, send",
        ),
        "edit_letter" => pick(
            "ubah konsep surat (disimpan sebagai versi baru)",
            "edit the letter's draft (saved as a new version)",
        ),
        "paraf" => pick(
            "catat paraf Kabid (atas namanya; bertanya dulu)",
            "record the Kabid's paraf (on their behalf; asks first)",
        ),
        "sign" => pick(
            "catat tanda tangan Kadis (atas namanya; bertanya dulu)",
            "record the Kadis's signature (on their behalf; asks first)",
        ),
        "send" => pick(
            "catat surat sudah dikirim (bertanya dulu)",
            "record that the letter was sent (asks first)",
        ),
        other => return other.to_string(),
    };
    text.to_string()
}

fn tab_title(tab: &str) -> &'static str {
    match tab {
        "intake" => pick("Penerimaan", "Intake"),
        "inbox" => pick("Disposisi", "Dispositions"),
        "notes" => pick("Investigasi", "Investigation"),
        _ => pick("Rekap", "Recap"),
    }
}

fn queue_title(q: &str) -> &'static str {
    match q {
        "mine" => pick("saya", "mine"),
        "open" => pick("semua terbuka", "all open"),
        "overdue" => pick("terlambat", "overdue"),
        "paused" => pick("dijeda", "paused"),
        "forwarded" => pick("diteruskan", "forwarded"),
        _ => pick("selesai", "closed"),
    }
}

/// A `[keys]` entry that cannot be used, with its line in config.toml.
pub fn key_problem_unknown(name: &str) -> String {
    tr!(
        "[keys] tidak mengenal tindakan \"{}\" (daftar nama ada di config.example.toml)",
        "[keys] has no action \"{}\" (config.example.toml lists the names)",
        name
    )
}

pub fn key_problem_bad_key(name: &str, key: &str) -> String {
    tr!(
        "[keys] {}: \"{}\" bukan nama tombol (contoh: \"Ctrl+G\", \"F10\", \"x\")",
        "[keys] {}: \"{}\" is not a key name (e.g. \"Ctrl+G\", \"F10\", \"x\")",
        name,
        key
    )
}

pub fn key_problem_clash(key: &str, first: &str, second: &str) -> String {
    tr!(
        "[keys] tombol {} dipakai dua tindakan di layar yang sama: {} dan {}",
        "[keys] key {} is bound to two actions on one screen: {} and {}",
        key,
        first,
        second
    )
}

/// Texts of the windows around keys: questions before something typed is
/// thrown away, the help window's own line, what an action recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum K {
    DiscardTitle,
    DiscardBody,
    ClearTitle,
    ClearBody,
    HelpFoot,
    Recorded,
    Settled,
    QuestionKeys,
    RestoreBody,
    Screen,
}

pub fn k(key: K) -> &'static str {
    match key {
        K::DiscardTitle => pick("Buang draf?", "Discard the draft?"),
        K::DiscardBody => pick(
            "Draf yang dipulihkan akan dihapus dan tidak bisa dikembalikan.",
            "The recovered draft will be deleted for good.",
        ),
        K::ClearTitle => pick("Kosongkan formulir?", "Empty the form?"),
        K::ClearBody => pick(
            "Semua yang sudah diketik di formulir ini akan dihapus.",
            "Everything typed in this form will be deleted.",
        ),
        K::HelpFoot => pick(
            "↑ ↓ PgUp PgDn: gulir · Esc / F1: tutup",
            "↑ ↓ PgUp PgDn: scroll · Esc / F1: close",
        ),
        K::Recorded => pick("Tercatat", "Recorded"),
        K::Settled => pick("Konflik diputuskan", "Conflict settled"),
        K::QuestionKeys => pick(
            "Enter / y: ya · Esc / n: tidak",
            "Enter / y: yes · Esc / n: no",
        ),
        K::RestoreBody => pick(
            "Ada formulir yang belum selesai dari sesi sebelumnya. Pulihkan?",
            "A form was left unfinished last time. Restore it?",
        ),
        K::Screen => pick("Layar", "Screen"),
    }
}

/// A screen's name in the help window's title.
pub fn scope_title(name: &str) -> &'static str {
    match name {
        "picker" => pick("pilih petugas", "sign in"),
        "intake" => pick("Penerimaan", "Intake"),
        "inbox" => pick("Disposisi", "Dispositions"),
        "notes" => pick("Investigasi: daftar kasus", "Investigation: cases"),
        "notes_case" => pick(
            "Investigasi: catatan kasus",
            "Investigation: a case's notes",
        ),
        "recap" => pick("Rekap", "Recap"),
        "case_view" => pick("kasus selengkapnya", "the whole case"),
        "search" => pick("pencarian", "search"),
        "act_form" => pick("formulir tindakan SOP", "SOP action form"),
        "note_form" => pick("formulir catatan", "note form"),
        "settle" => pick("keputusan konflik", "settling a conflict"),
        "sync" => pick("sinkron", "sync"),
        "question" => pick("pertanyaan", "question"),
        "duplicates" => pick("kemungkinan aduan ganda", "possible duplicates"),
        "message" => pick("pesan", "message"),
        "pick" => pick("daftar pilihan", "pick list"),
        "help" => pick("bantuan", "help"),
        "print" => pick("cetak dokumen", "print a document"),
        "letter" => pick("surat keluar", "outgoing letters"),
        "letter_edit" => pick("konsep surat", "a letter's draft"),
        "lock" => pick("PIN", "PIN"),
        _ => pick("semua layar", "every screen"),
    }
}
