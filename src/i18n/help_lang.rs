//! One help text in both languages, and the words clap and the manual pages
//! would otherwise always say in English.

use clap::builder::StyledStr;

use super::{Lang, lang};

/// A help text: Bahasa Indonesia, then English. Clap takes it wherever it
/// takes a help string, in the language set when the command is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct H(pub &'static str, pub &'static str);

impl H {
    /// The text in the language set now.
    pub fn text(self) -> &'static str {
        self.in_lang(lang())
    }

    pub fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.0,
            Lang::En => self.1,
        }
    }
}

impl From<H> for StyledStr {
    fn from(h: H) -> Self {
        h.text().into()
    }
}

pub const HELP_FLAG: H = H("Tampilkan bantuan", "Print help");
pub const VERSION_FLAG: H = H("Tampilkan versi", "Print version");
pub const HELP_COMMAND: H = H(
    "Tampilkan bantuan ini atau bantuan perintah yang disebut",
    "Print this message or the help of the given subcommand(s)",
);
pub const USAGE: H = H("Penggunaan:", "Usage:");
pub const COMMANDS: H = H("Perintah", "Commands");
pub const OPTIONS: H = H("Opsi", "Options");
pub const ARGUMENTS: H = H("Argumen", "Arguments");

/// The section headings clap_mangen writes in English, with the Indonesian
/// heading of each (the English page keeps them as they are).
pub const MAN_SECTIONS: &[(&str, &str)] = &[
    ("NAME", "NAMA"),
    ("SYNOPSIS", "SINOPSIS"),
    ("DESCRIPTION", "DESKRIPSI"),
    ("OPTIONS", "OPSI"),
    ("SUBCOMMANDS", "PERINTAH"),
    ("EXTRA", "KETERANGAN"),
    ("VERSION", "VERSI"),
    ("AUTHORS", "PENULIS"),
];

/// The NAME line of the top manual page (its DESCRIPTION is `help::ABOUT`).
pub const MAN_NAME: H = H("loket pengaduan DPMPTSP", "the complaint desk of a DPMPTSP");
pub const MAN_ENVIRONMENT: H = H("LINGKUNGAN", "ENVIRONMENT");
pub const MAN_FILES: H = H("BERKAS", "FILES");

/// The environment variables the manual page names, each with what it does.
pub const MAN_VARIABLES: &[(&str, H)] = &[
    (
        "ADUAN_CONFIG",
        H(
            "Berkas konfigurasi bila --config tidak diberikan",
            "The configuration file when --config is not given",
        ),
    ),
    (
        "ADUAN_DB",
        H(
            "Berkas basis data bila --db tidak diberikan",
            "The database file when --db is not given",
        ),
    ),
    (
        "ADUAN_LANG",
        H(
            "Bahasa bantuan dan halaman manual: id (Bahasa Indonesia) atau en (English); mengalahkan language di konfigurasi",
            "Language of the help and the manual page: id (Bahasa Indonesia) or en (English); wins over language in the configuration",
        ),
    ),
    (
        "ADUAN_PIN",
        H(
            "PIN petugas untuk perintah dalam skrip (tanpa terminal)",
            "The staff member's PIN for commands in a script (no terminal)",
        ),
    ),
    (
        "ADUAN_PASSPHRASE",
        H("Kata sandi berkas gabung", "The passphrase of a join file"),
    ),
    (
        "ADUAN_OFFICE_SECRET",
        H(
            "Rahasia kantor, bila tidak diketik",
            "The office secret, when it is not typed",
        ),
    ),
];

/// The files the manual page names: path, then what it is.
pub const MAN_FILE_LIST: &[(&str, H)] = &[
    (
        "~/.config/aduan/config.toml",
        H(
            "Konfigurasi, dibuat saat pertama dijalankan; contohnya di /usr/share/doc/aduan/config.example.toml",
            "The configuration, made on the first run; an example is in /usr/share/doc/aduan/config.example.toml",
        ),
    ),
    (
        "~/.local/share/aduan/aduan.db",
        H(
            "Basis data loket, kecuali paths.database di konfigurasi menyebut yang lain",
            "The desk's database, unless paths.database in the configuration names another",
        ),
    ),
];
