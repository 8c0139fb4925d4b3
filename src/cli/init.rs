//! `aduan init`, and `aduan` with no command: the desk at a glance.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::domain::agenda::parse_desk_code;
use crate::domain::sop::BUILTIN;
use crate::i18n::{DeskProblem, Msg, R, say};
use crate::service::Desk;

/// The code and name `aduan init` registers the desk under. The founding
/// desk may keep the configuration's; a joining desk must choose one the
/// office does not hold yet: asked at a terminal, refused in a script.
pub fn desk_identity(
    join: Option<(&Path, &crate::store::seal::OfficeSecret)>,
    code: Option<&str>,
    name: Option<&str>,
) -> Result<Option<(String, String)>, Msg> {
    let taken = match join {
        Some((bundle, secret)) => crate::service::bundle_desks(bundle, secret)?,
        None => Vec::new(),
    };
    let code = match code {
        Some(c) => c.to_string(),
        None if join.is_none() => return Ok(None),
        None if std::io::stdin().is_terminal() => ask_code()?,
        None => {
            return Err(Msg::Desk(Box::new(DeskProblem::CodeNeeded {
                taken: taken.into_iter().map(|(c, _)| c).collect(),
            })));
        }
    };
    let Some(code) = parse_desk_code(&code) else {
        return Err(Msg::Desk(Box::new(DeskProblem::BadCode(code))));
    };
    if let Some((_, holder)) = taken.iter().find(|(c, _)| *c == code) {
        return Err(Msg::Desk(Box::new(DeskProblem::CodeTaken {
            code,
            name: holder.clone(),
        })));
    }
    let name = name
        .map(crate::domain::draft::clean)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("Loket {code}"));
    Ok(Some((code, name)))
}

fn ask_code() -> Result<String, Msg> {
    eprint!("{}: ", say(R::AskDeskCode));
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Msg::Io {
            path: "stdin".into(),
            detail: e.to_string(),
        })?;
    Ok(line.trim().to_string())
}

/// The config and database were made by opening the desk; this also copies
/// the shipped SOPs beside the config so the office can edit them.
pub fn init(desk: &Desk, found_office: bool) -> Result<ExitCode, Msg> {
    let dir = &desk.locations.sop_dir;
    crate::files::create_private_dir_all(dir).map_err(|e| Msg::Io {
        path: dir.clone(),
        detail: e.to_string(),
    })?;
    for (name, text) in BUILTIN {
        let path = dir.join(format!("{name}.toml"));
        if !path.exists() {
            crate::files::write_private_new(&path, text.as_bytes()).map_err(|e| Msg::Io {
                path: path.clone(),
                detail: e.to_string(),
            })?;
        }
    }
    desk.make_key_dir()?;
    println!(
        "{}",
        Msg::Initialised {
            config: desk.locations.config.clone(),
            database: desk.locations.database.clone(),
            desk: format!("{} ({})", desk.local.code, desk.local.name),
        }
    );
    println!("{}: {}", say(R::SopFolder), dir.display());
    let templates = desk.templates_dir();
    crate::paper::templates::copy_out(&templates)
        .map_err(crate::service::documents::template_msg)?;
    println!(
        "{}: {}",
        crate::i18n::paper::pw(crate::i18n::paper::Pw::TemplatesFolder),
        templates.display()
    );
    if found_office {
        print_identity(desk)?;
        if let Some(path) = desk.found_office_secret()? {
            println!("{}", crate::i18n::seal::SealMsg::SecretMade(path).text());
        }
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
