//! The office secret, join files and sealed files: what a person is told,
//! and the `--verbose` switch for the long details behind a refusal.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::store::seal::JoinFileError;

static VERBOSE: AtomicBool = AtomicBool::new(false);

/// Long details (SQLite's own check output) are added to refusals from now on.
pub fn set_verbose(on: bool) {
    VERBOSE.store(on, Ordering::Relaxed);
}

pub fn verbose() -> bool {
    VERBOSE.load(Ordering::Relaxed)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealMsg {
    /// This desk holds no office secret (an office from before sealing).
    SecretMissing(PathBuf),
    /// The secret file exists but could not be read.
    SecretUnreadable {
        path: PathBuf,
        detail: String,
    },
    /// This desk's signing key file exists but could not be read.
    KeyUnreadable {
        path: PathBuf,
        detail: String,
    },
    /// The secret file holds no secret.
    SecretBad(PathBuf),
    /// `--new` where a secret is kept already.
    SecretExists(PathBuf),
    /// Another secret than the one kept here was given.
    SecretDiffers(PathBuf),
    /// What was typed is not an office secret.
    SecretTyped,
    /// `init --join` in a script with neither a join file nor the secret.
    SecretNeeded,
    JoinFile {
        file: PathBuf,
        why: JoinFileError,
    },
    /// The join file is of another office than the bundle or the desk.
    JoinOtherOffice(PathBuf),
    /// No terminal to type a passphrase at, and no `ADUAN_PASSPHRASE`.
    PassphraseNeeded,
    PassphraseShort(usize),
    PassphraseMismatch,
    /// `init --join` failed after the desk's files were made.
    JoinFailed {
        database: PathBuf,
        detail: String,
    },
    /// The secret printed for the paper copy, with how to use it.
    SecretShown(PathBuf),
    SecretMade(PathBuf),
    SecretKept(PathBuf),
    JoinFileWritten(PathBuf),
}

impl SealMsg {
    pub fn text(&self) -> String {
        match self {
            SealMsg::SecretMissing(p) => tr!(
                "Loket ini belum memegang rahasia kantor ({}). Buat satu di SATU loket: aduan sync secret --new; lalu di loket itu: aduan sync join-file BERKAS, dan di setiap loket lain: aduan sync secret --join-file BERKAS.",
                "This desk holds no office secret yet ({}). Make one on ONE desk: aduan sync secret --new; then there: aduan sync join-file FILE, and on every other desk: aduan sync secret --join-file FILE.",
                p.display()
            ),
            SealMsg::SecretUnreadable { path, detail } => tr!(
                "Rahasia kantor di {} tidak dapat dibaca: {detail}",
                "The office secret at {} cannot be read: {detail}",
                path.display()
            ),
            SealMsg::KeyUnreadable { path, detail } => tr!(
                "Kunci privat loket di {} tidak dapat dibaca: {detail}",
                "This desk's private key at {} cannot be read: {detail}",
                path.display()
            ),
            SealMsg::SecretBad(p) => tr!(
                "Berkas {} tidak berisi rahasia kantor yang sah; pulihkan dari salinan kertas: aduan sync secret --enter.",
                "The file {} holds no valid office secret; restore it from the paper copy: aduan sync secret --enter.",
                p.display()
            ),
            SealMsg::SecretExists(p) => tr!(
                "Loket ini sudah memegang rahasia kantor ({}); rahasia tidak diganti.",
                "This desk already holds an office secret ({}); it is not replaced.",
                p.display()
            ),
            SealMsg::SecretDiffers(p) => tr!(
                "Rahasia itu berbeda dengan yang dipegang loket ini ({}); rahasia tidak diganti.",
                "That secret differs from the one this desk holds ({}); it is not replaced.",
                p.display()
            ),
            SealMsg::SecretTyped => tr!(
                "Yang diketik bukan rahasia kantor (AGE-SECRET-KEY-1…).",
                "What was typed is not an office secret (AGE-SECRET-KEY-1…)."
            ),
            SealMsg::SecretNeeded => tr!(
                "Bergabung perlu rahasia kantor: --join-file BERKAS (kata sandinya di prompt atau ADUAN_PASSPHRASE), atau rahasianya di ADUAN_OFFICE_SECRET.",
                "Joining needs the office secret: --join-file FILE (its passphrase at the prompt or in ADUAN_PASSPHRASE), or the secret in ADUAN_OFFICE_SECRET."
            ),
            SealMsg::JoinFile { file, why } => {
                let why = join_file_why(*why);
                tr!(
                    "Berkas gabung {} ditolak: {why}.",
                    "Join file {} refused: {why}.",
                    file.display()
                )
            }
            SealMsg::JoinOtherOffice(p) => tr!(
                "Berkas gabung {} milik kantor lain.",
                "The join file {} belongs to another office.",
                p.display()
            ),
            SealMsg::PassphraseNeeded => tr!(
                "Kata sandi berkas gabung diketik di terminal, atau diberikan di ADUAN_PASSPHRASE.",
                "A join file's passphrase is typed at a terminal, or given in ADUAN_PASSPHRASE."
            ),
            SealMsg::PassphraseShort(n) => tr!(
                "Kata sandi terlalu pendek: paling sedikit {n} karakter.",
                "The passphrase is too short: at least {n} characters."
            ),
            SealMsg::PassphraseMismatch => tr!(
                "Kedua kata sandi tidak sama; tidak ada yang ditulis.",
                "The two passphrases differ; nothing was written."
            ),
            SealMsg::JoinFailed { database, detail } => tr!(
                "Bergabung gagal: {detail}. Basis data {} sudah dibuat tetapi tidak berisi apa pun dari bundel; hapus berkas itu sebelum mencoba lagi.",
                "Joining failed: {detail}. The database {} was created but holds nothing from the bundle; remove it before trying again.",
                database.display()
            ),
            SealMsg::SecretShown(p) => tr!(
                "Rahasia kantor (dari {}). Tulis di kertas dan simpan di brankas kantor; siapa pun yang memegangnya dapat membaca bundel dan cadangan kantor:",
                "The office secret (from {}). Write it on paper and keep it in the office safe; whoever holds it can read the office's bundles and backups:",
                p.display()
            ),
            SealMsg::SecretMade(p) => tr!(
                "Rahasia kantor dibuat: {}",
                "Office secret made: {}",
                p.display()
            ),
            SealMsg::SecretKept(p) => tr!(
                "Rahasia kantor disimpan: {}",
                "Office secret kept: {}",
                p.display()
            ),
            SealMsg::JoinFileWritten(p) => tr!(
                "Berkas gabung ditulis: {}. Bawa ke loket baru bersama kata sandinya (sampaikan terpisah): aduan init --join BUNDEL --join-file BERKAS.",
                "Join file written: {}. Carry it to the new desk with its passphrase (told separately): aduan init --join BUNDLE --join-file FILE.",
                p.display()
            ),
        }
    }
}

fn join_file_why(why: JoinFileError) -> String {
    match why {
        JoinFileError::NotAJoinFile => tr!("bukan berkas gabung aduan", "not an aduan join file"),
        JoinFileError::WrongPassphrase => tr!("kata sandi salah", "wrong passphrase"),
        JoinFileError::Damaged => tr!("rusak atau diubah", "damaged or altered"),
    }
}

/// The prompts for a passphrase and for the secret itself.
pub fn ask_passphrase(again: bool) -> String {
    if again {
        tr!("Ulangi kata sandi: ", "Passphrase again: ")
    } else {
        tr!("Kata sandi berkas gabung: ", "Join file passphrase: ")
    }
}

pub fn ask_secret() -> String {
    tr!(
        "Rahasia kantor (AGE-SECRET-KEY-1…): ",
        "Office secret (AGE-SECRET-KEY-1…): "
    )
}

/// Help texts (`--help`), in Bahasa Indonesia and English as in `i18n::help`.
pub mod help {
    use crate::i18n::help::H;

    pub const VERBOSE: H = H(
        "Tampilkan rincian panjang di balik penolakan (mis. hasil pemeriksaan SQLite)",
        "Show the long details behind a refusal (e.g. the result of SQLite's check)",
    );
    pub const INIT_JOIN_FILE: H = H(
        "Berkas gabung (dari aduan sync join-file) yang memuat rahasia kantor; kata sandinya diketik atau di $ADUAN_PASSPHRASE",
        "Join file (from aduan sync join-file) holding the office secret; its passphrase is typed or in $ADUAN_PASSPHRASE",
    );
    pub const SECRET: H = H(
        "Rahasia kantor: tampilkan untuk salinan kertas, buat, atau ambil dari berkas gabung",
        "The office secret: show it for a paper copy, make it, or take it from a join file",
    );
    pub const SECRET_NEW: H = H(
        "Buat rahasia kantor di loket ini (hanya di SATU loket kantor yang belum punya)",
        "Make the office secret at this desk (only at ONE desk of an office that has none yet)",
    );
    pub const SECRET_JOIN_FILE: H = H(
        "Ambil rahasia kantor dari berkas gabung",
        "Take the office secret from a join file",
    );
    pub const SECRET_ENTER: H = H(
        "Ketik rahasia kantor dari salinan kertas (atau di $ADUAN_OFFICE_SECRET)",
        "Type the office secret from the paper copy (or in $ADUAN_OFFICE_SECRET)",
    );
    pub const JOIN_FILE: H = H(
        "Tulis berkas gabung: rahasia kantor terenkripsi dengan kata sandi, untuk loket baru",
        "Write a join file: the office secret encrypted under a passphrase, for a new desk",
    );
    pub const JOIN_FILE_PATH: H = H(
        "Berkas yang ditulis (tidak menimpa)",
        "The file written (never over an existing one)",
    );
}
