//! PINs: refusals, the lock window's words, the lines of `aduan pin log`.

use super::pick;
use crate::domain::pin::{MAX_DIGITS, MIN_DIGITS, PinProblem};

/// The command line's help texts, in Bahasa Indonesia and English as in `help`.
pub mod help {
    use crate::i18n::help::H;

    pub const PIN: H = H(
        "PIN petugas: setel, setel ulang (Kasi), catatan masuk",
        "Staff PINs: set, reset (Kasi), the sign-in log",
    );
    pub const SET: H = H(
        "Setel atau ganti PIN petugas --by (diketik dua kali, di terminal)",
        "Set or change the PIN of the staff member --by (typed twice, at a terminal)",
    );
    pub const RESET: H = H(
        "Hapus PIN seorang petugas (hanya Kasi); ia menyetel PIN baru saat masuk berikutnya",
        "Remove a staff member's PIN (Kasi only); they set a new PIN when they next sign in",
    );
    pub const RESET_NAME: H = H(
        "Nama petugas yang PIN-nya dihapus",
        "Name of the staff member whose PIN is removed",
    );
    pub const LOG: H = H(
        "Catatan masuk di loket ini: masuk, PIN salah, terkunci (tidak ikut bundel)",
        "Sign-ins at this desk: sign-ins, wrong PINs, lockouts (not part of bundles)",
    );
    pub const LOG_LIMIT: H = H(
        "Jumlah baris terakhir yang ditampilkan",
        "Number of the latest rows shown",
    );
}

/// Why a PIN was not accepted, or a PIN command refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinMsg {
    Wrong {
        left: u32,
    },
    Locked {
        person: String,
        until: String,
    },
    /// No PIN yet and no terminal to set one at.
    NotSetInScript {
        person: String,
    },
    /// `pin set` needs a terminal to type the PIN at.
    NeedsTerminal,
    /// A PIN is needed and neither a terminal nor `ADUAN_PIN` gives it.
    Needed {
        person: String,
    },
    Bad(PinProblem),
    /// The PIN file or its hash could not be read or written.
    Store(String),
    /// Only this role may reset another person's PIN.
    ResetOnlyBy {
        role: String,
    },
}

impl PinMsg {
    pub fn text(&self) -> String {
        match self {
            PinMsg::Wrong { left } => tr!(
                "PIN salah; sisa {left} kali coba sebelum terkunci.",
                "Wrong PIN; {left} tries left before the lock."
            ),
            PinMsg::Locked { person, until } => tr!(
                "{person} terkunci setelah lima PIN salah, sampai {until}.",
                "{person} is locked after five wrong PINs, until {until}."
            ),
            PinMsg::NotSetInScript { person } => tr!(
                "{person} belum punya PIN; setel dulu di terminal: aduan pin set --by \"{person}\"",
                "{person} has no PIN yet; set one at a terminal first: aduan pin set --by \"{person}\""
            ),
            PinMsg::NeedsTerminal => tr!(
                "PIN diketik di terminal, tidak dari skrip.",
                "A PIN is typed at a terminal, not given by a script."
            ),
            PinMsg::Needed { person } => tr!(
                "Perintah ini perlu PIN {person}: jalankan di terminal, atau beri ADUAN_PIN.",
                "This command needs the PIN of {person}: run it at a terminal, or set ADUAN_PIN."
            ),
            PinMsg::Bad(p) => problem(*p),
            PinMsg::Store(detail) => tr!(
                "PIN tidak dapat dibaca atau disimpan: {detail}",
                "The PINs cannot be read or kept: {detail}"
            ),
            PinMsg::ResetOnlyBy { role } => tr!(
                "Hanya peran \"{role}\" yang dapat menghapus PIN petugas lain.",
                "Only the role \"{role}\" may reset another person's PIN."
            ),
        }
    }
}

pub fn problem(p: PinProblem) -> String {
    match p {
        PinProblem::Length | PinProblem::NotDigits => tr!(
            "PIN harus {MIN_DIGITS}–{MAX_DIGITS} angka.",
            "A PIN is {MIN_DIGITS}–{MAX_DIGITS} digits."
        ),
        PinProblem::Mismatch => tr!(
            "Kedua PIN berbeda; ketik lagi.",
            "The two PINs differ; type them again."
        ),
    }
}

/// Words of the sign-in and lock windows and the PIN prompts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum P {
    SignInTitle,
    LockedTitle,
    Pin,
    NewPin,
    RepeatPin,
    FirstTime,
    Hint,
    LockedHint,
    StatusOff,
    PinSet,
    PinReset,
    LogEmpty,
}

pub fn p(word: P) -> &'static str {
    match word {
        P::SignInTitle => pick("Masuk", "Sign in"),
        P::LockedTitle => pick("Layar terkunci", "Screen locked"),
        P::Pin => pick("PIN", "PIN"),
        P::NewPin => pick("PIN baru (4–12 angka)", "New PIN (4–12 digits)"),
        P::RepeatPin => pick("Ulangi PIN baru", "The new PIN again"),
        P::FirstTime => pick(
            "Masuk pertama: setel PIN Anda.",
            "First sign-in: set your PIN.",
        ),
        P::Hint => pick(
            "Enter masuk · Esc kembali · F9 petugas lain",
            "Enter sign in · Esc back · F9 another person",
        ),
        P::LockedHint => pick(
            "Enter masuk · F9 petugas lain",
            "Enter sign in · F9 another person",
        ),
        P::StatusOff => pick("PIN mati", "PIN off"),
        P::PinSet => pick("PIN disimpan.", "PIN saved."),
        P::PinReset => pick(
            "PIN dihapus; petugas itu menyetel PIN baru saat masuk berikutnya.",
            "PIN removed; that person sets a new one at their next sign-in.",
        ),
        P::LogEmpty => pick("Belum ada catatan masuk.", "No sign-ins yet."),
    }
}

/// A line of the sign-in log's outcome and place.
pub fn sign_in_outcome(outcome: &str) -> &'static str {
    match outcome {
        "signed_in" => pick("masuk", "signed in"),
        "wrong_pin" => pick("PIN salah", "wrong PIN"),
        "locked_out" => pick("terkunci", "locked out"),
        "refused_locked" => pick("ditolak (terkunci)", "refused (locked)"),
        "pin_set" => pick("PIN disetel", "PIN set"),
        "pin_reset" => pick("PIN dihapus", "PIN reset"),
        _ => pick("lain", "other"),
    }
}

pub fn sign_in_place(place: &str) -> &'static str {
    match place {
        "terminal" => pick("layar", "terminal"),
        _ => pick("baris perintah", "command line"),
    }
}

/// The prompt for a person's PIN at the command line.
pub fn prompt_pin(person: &str) -> String {
    tr!("PIN {person}: ", "PIN of {person}: ")
}

pub fn prompt_new(person: &str) -> String {
    tr!(
        "{person} belum punya PIN. PIN baru (4–12 angka): ",
        "{person} has no PIN yet. New PIN (4–12 digits): "
    )
}

pub fn prompt_change(person: &str) -> String {
    tr!(
        "PIN baru {person} (4–12 angka): ",
        "New PIN of {person} (4–12 digits): "
    )
}

pub fn prompt_repeat() -> String {
    tr!("Ulangi PIN baru: ", "The new PIN again: ")
}

/// The window's first line: whose PIN is asked.
pub fn whose(person: &str, role: &str) -> String {
    tr!("Petugas: {person} ({role})", "Person: {person} ({role})")
}
