//! `aduan init`, and `aduan` with no command: the desk at a glance.

use std::process::ExitCode;

use crate::domain::sop::BUILTIN;
use crate::i18n::{Msg, R, say};
use crate::service::Desk;

/// The config and database were made by opening the desk; this also copies
/// the shipped SOPs beside the config so the office can edit them.
pub fn init(desk: &Desk, found_office: bool) -> Result<ExitCode, Msg> {
    let dir = &desk.locations.sop_dir;
    std::fs::create_dir_all(dir).map_err(|e| Msg::Io {
        path: dir.clone(),
        detail: e.to_string(),
    })?;
    for (name, text) in BUILTIN {
        let path = dir.join(format!("{name}.toml"));
        if !path.exists() {
            std::fs::write(&path, text).map_err(|e| Msg::Io {
                path: path.clone(),
                detail: e.to_string(),
            })?;
        }
    }
    println!(
        "{}",
        Msg::Initialised {
            config: desk.locations.config.clone(),
            database: desk.locations.database.clone(),
            desk: format!("{} ({})", desk.local.code, desk.local.name),
        }
    );
    println!("{}: {}", say(R::SopFolder), dir.display());
    if found_office {
        print_identity(desk)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The office this desk belongs to and the desk's key fingerprint, which
/// other desks compare before trusting its bundles.
pub fn print_identity(desk: &Desk) -> Result<(), Msg> {
    println!("{}: {}", say(R::Office), desk.office()?);
    println!(
        "{}: {}  {}",
        say(R::ThisDesk),
        desk.local.code,
        desk.fingerprint()?
    );
    Ok(())
}

pub fn summary(desk: &Desk) -> Result<ExitCode, Msg> {
    let (open, overdue) = desk.open_and_overdue()?;
    println!(
        "{} — {}",
        desk.config.office.name, desk.config.office.regency
    );
    println!(
        "{}: {} ({})",
        say(R::Desk),
        desk.local.code,
        desk.local.name
    );
    println!(
        "{}: {}",
        say(R::Database),
        desk.locations.database.display()
    );
    println!(
        "{}: {open}   {}: {overdue}",
        say(R::OpenCases),
        say(R::Overdue)
    );
    println!("\n{}", say(R::CommandsAduanCaseAddCase));
    Ok(ExitCode::SUCCESS)
}
