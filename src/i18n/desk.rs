//! A desk's identity: the code chosen at init, and what guards it.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskProblem {
    /// Not a code an agenda number can carry.
    BadCode(String),
    /// Another desk of the office holds the code already.
    CodeTaken { code: String, name: String },
    /// `init --join` without `--desk`, and no terminal to ask at.
    CodeNeeded { taken: Vec<String> },
    /// This database is a desk already, under another code.
    AlreadyRegistered { code: String, name: String },
    /// The configuration names another code or name than the desk registered.
    Drift {
        code: String,
        name: String,
        config_code: String,
        config_name: String,
        config: PathBuf,
    },
    /// Two desk ids of the office share a code (found by `aduan check`).
    Shared(Vec<String>),
}

impl DeskProblem {
    pub fn text(&self) -> String {
        match self {
            DeskProblem::BadCode(c) => tr!(
                "Kode loket \"{}\" tidak dapat dipakai: 1–12 huruf besar, angka atau '-', diawali huruf (mis. LKT2).",
                "Desk code \"{}\" cannot be used: 1–12 capital letters, digits or '-', starting with a letter (e.g. LKT2).",
                super::printable(c)
            ),
            DeskProblem::CodeTaken { code, name } => tr!(
                "Kode loket {code} sudah dipakai loket \"{name}\" di kantor ini; pilih kode lain dengan --desk. Tidak ada yang diubah.",
                "Desk code {code} is held by desk \"{name}\" of this office already; choose another with --desk. Nothing was changed."
            ),
            DeskProblem::CodeNeeded { taken } => tr!(
                "Sebutkan kode loket ini dengan --desk KODE (mis. --desk LKT2); sudah dipakai: {}. Tidak ada yang diubah.",
                "Give this desk's code with --desk CODE (e.g. --desk LKT2); already taken: {}. Nothing was changed.",
                taken.join(", ")
            ),
            DeskProblem::AlreadyRegistered { code, name } => tr!(
                "Basis data ini sudah menjadi loket {code} (\"{name}\") dan sudah mencatat peristiwa; kode loket tidak dapat diubah. Untuk loket baru, pakai basis data lain (--db).",
                "This database is desk {code} (\"{name}\") already and holds events; a desk's code cannot change. For a new desk, use another database (--db)."
            ),
            DeskProblem::Drift {
                code,
                name,
                config_code,
                config_name,
                config,
            } => tr!(
                "Loket ini terdaftar sebagai {code} (\"{name}\"), tetapi {} menyebut {config_code} (\"{config_name}\"). Kode dan nama loket tidak dapat diubah: kembalikan [desk] code = \"{code}\" dan name = \"{name}\" di berkas itu.",
                "This desk is registered as {code} (\"{name}\"), but {} says {config_code} (\"{config_name}\"). A desk's code and name cannot change: set [desk] code = \"{code}\" and name = \"{name}\" back in that file.",
                config.display()
            ),
            DeskProblem::Shared(codes) => tr!(
                "Dua loket berbeda memakai kode yang sama: {} (nomor agenda mereka dapat bertabrakan)",
                "Two different desks share a code: {} (their agenda numbers can collide)",
                codes.join(", ")
            ),
        }
    }
}
