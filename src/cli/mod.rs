//! The command line: argument parsing and printing. Every command calls the
//! service layer ([`crate::service::Desk`]) and formats what it returns.

mod case;
mod check;
mod demo;
mod doc;
mod init;
mod lang;
mod letter;
mod manual;
mod note;
mod pin;
mod recap;
mod sop;
mod sync;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::i18n::Msg;
use crate::i18n::help;
use crate::service::{Desk, OpenOptions};

#[derive(Debug, Parser)]
#[command(name = "aduan", version, about = help::ABOUT)]
pub struct Cli {
    #[arg(long, global = true, value_name = "PATH", help = help::CONFIG)]
    pub config: Option<PathBuf>,
    #[arg(long, global = true, value_name = "PATH", help = help::DB)]
    pub db: Option<PathBuf>,
    #[arg(long, global = true, value_name = "NAMA", help = help::BY)]
    pub by: Option<String>,
    #[arg(long, global = true, help = crate::i18n::seal::help::VERBOSE)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = help::INIT)]
    Init {
        #[arg(long, value_name = "BUNDEL", help = help::INIT_JOIN)]
        join: Option<PathBuf>,
        #[arg(long, value_name = "BERKAS", requires = "join", help = crate::i18n::seal::help::INIT_JOIN_FILE)]
        join_file: Option<PathBuf>,
        #[arg(long, value_name = "KODE", help = help::INIT_DESK)]
        desk: Option<String>,
        #[arg(long, value_name = "NAMA", help = help::INIT_DESK_NAME)]
        desk_name: Option<String>,
    },
    #[command(about = help::CHECK)]
    Check {
        #[arg(long, help = help::CHECK_REBUILD)]
        rebuild: bool,
        #[arg(long, help = help::CHECK_FIX_PERMISSIONS)]
        fix_permissions: bool,
        #[arg(long, help = help::JSON)]
        json: bool,
    },
    #[command(about = help::CASE)]
    Case {
        #[command(subcommand)]
        command: case::CaseCommand,
    },
    #[command(about = crate::i18n::letters::help::LETTER)]
    Letter {
        #[command(subcommand)]
        command: letter::LetterCommand,
    },
    #[command(about = help::DOC)]
    Doc(doc::DocArgs),
    #[command(about = help::TEMPLATE)]
    Template {
        #[command(subcommand)]
        command: doc::TemplateCommand,
    },
    #[command(about = help::SOP)]
    Sop {
        #[command(subcommand)]
        command: sop::SopCommand,
    },
    #[command(about = help::DEMO)]
    Demo(demo::DemoArgs),
    #[command(about = help::RECAP)]
    Recap(recap::RecapArgs),
    #[command(about = help::SYNC)]
    Sync(sync::SyncArgs),
    #[command(about = help::BACKUP)]
    Backup(sync::BackupArgs),
    #[command(about = help::RESTORE)]
    Restore(sync::RestoreArgs),
    #[command(about = crate::i18n::pin::help::PIN)]
    Pin {
        #[command(subcommand)]
        command: pin::PinCommand,
    },
    /// For `scripts/package`, not for the desk: hidden from help.
    #[command(about = help::MANUAL, hide = true)]
    Manual(manual::ManualArgs),
}

impl Command {
    /// Whether the command records something or shows personal data, so
    /// the person acting gives their PIN first. The recap lists overdue
    /// cases by name; `pin` asks for itself.
    fn needs_pin(&self) -> bool {
        match self {
            Command::Case { .. }
            | Command::Letter { .. }
            | Command::Doc(_)
            | Command::Recap(_)
            | Command::Sync(_)
            | Command::Backup(_)
            | Command::Restore(_) => true,
            Command::Init { .. }
            | Command::Check { .. }
            | Command::Template { .. }
            | Command::Sop { .. }
            | Command::Demo(_)
            | Command::Pin { .. }
            | Command::Manual(_) => false,
        }
    }
}

/// The command line parsed, its help in the language of `$ADUAN_LANG` or
/// of the config the command would open (see [`lang`]).
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    crate::i18n::set_lang(lang::help_language(&args));
    let matches = lang::localized(Cli::command()).get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Runs one command; an error comes back as a message for the user.
pub fn run(cli: Cli) -> Result<ExitCode, Msg> {
    crate::i18n::seal::set_verbose(cli.verbose);
    // Writes files for the package only: no desk is opened or made.
    if let Some(Command::Manual(args)) = &cli.command {
        return manual::write(args);
    }
    // A joining desk's secret and code are settled before anything is made.
    let mut join_secret = None;
    let register = match &cli.command {
        Some(Command::Init {
            join,
            join_file,
            desk,
            desk_name,
        }) => {
            if let Some(bundle) = join {
                join_secret = Some(sync::join_secret(bundle, join_file.as_deref())?);
            }
            let join = join.as_deref().zip(join_secret.as_ref());
            init::desk_identity(join, desk.as_deref(), desk_name.as_deref())?
        }
        _ => None,
    };
    let opts = OpenOptions {
        config: cli.config.clone(),
        db: cli.db.clone(),
        register,
        ..OpenOptions::default()
    };
    let mut desk = Desk::open_with_progress(&opts, Some(progress_bar))?;
    for notice in desk.notices.drain(..) {
        eprintln!("{notice}");
    }
    // `check` tells of each loose file itself.
    if !matches!(cli.command, Some(Command::Check { .. }))
        && let Some(warning) = desk.permission_warning()
    {
        eprintln!("{warning}");
    }
    let by = cli.by.as_deref();
    if cli.command.as_ref().is_some_and(Command::needs_pin) {
        pin::gate(&desk, by)?;
    }
    match cli.command {
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            install_keys(&desk)?;
            crate::ui::run(desk).map_err(|e| Msg::Io {
                path: "terminal".into(),
                detail: e.to_string(),
            })?;
            Ok(ExitCode::SUCCESS)
        }
        None => init::summary(&desk),
        Some(Command::Init { join: None, .. }) => init::init(&desk, true),
        Some(Command::Init {
            join: Some(bundle), ..
        }) => {
            init::init(&desk, false)?;
            let secret = join_secret.expect("settled before the desk was opened");
            sync::join(&mut desk, &bundle, &secret)
        }
        Some(Command::Check {
            fix_permissions: true,
            json,
            ..
        }) => check::fix_permissions(&desk, json),
        Some(Command::Check { rebuild, json, .. }) => check::check(&mut desk, rebuild, json),
        Some(Command::Case { command }) => case::run(&mut desk, command, by),
        Some(Command::Letter { command }) => {
            letter::run(&mut desk, command, by).map(|_| ExitCode::SUCCESS)
        }
        Some(Command::Doc(args)) => doc::doc(&desk, &args),
        Some(Command::Template { command }) => doc::template(&command),
        Some(Command::Sop { command }) => sop::run(&desk, command),
        Some(Command::Demo(args)) => demo::run(&mut desk, &args),
        Some(Command::Recap(args)) => recap::run(&desk, &args),
        Some(Command::Sync(args)) => sync::sync(&mut desk, args),
        Some(Command::Backup(args)) => sync::backup(&desk, args),
        Some(Command::Restore(args)) => sync::restore(&mut desk, args),
        Some(Command::Pin { command }) => pin::run(&desk, command, by),
        Some(Command::Manual(args)) => manual::write(&args),
    }
}

/// A bar on stderr while stored deadlines are derived again (only on a
/// terminal: a log file gets no carriage returns).
fn progress_bar(what: crate::service::Deriving, done: u64, total: u64) {
    use std::io::{IsTerminal, Write};
    let mut err = std::io::stderr();
    if !err.is_terminal() || total == 0 {
        return;
    }
    const WIDTH: u64 = 30;
    let filled = (done * WIDTH / total) as usize;
    let _ = write!(
        err,
        "\r{} [{}{}] {}/{}",
        crate::i18n::rederive_label(what),
        "#".repeat(filled),
        "-".repeat(WIDTH as usize - filled),
        done,
        total
    );
    if done >= total {
        let _ = writeln!(err);
    }
    let _ = err.flush();
}

pub(crate) fn print_json<T: serde::Serialize>(value: &T) {
    let json = serde_json::to_string_pretty(value).expect("views serialise");
    println!("{}", crate::domain::text::json_for_terminal(&json));
}

/// The key map of the interface, with `[keys]` of config.toml applied;
/// a bad key name or a clash is refused before the screen opens.
fn install_keys(desk: &Desk) -> Result<(), Msg> {
    let path = &desk.locations.config;
    let source =
        crate::files::read_text_bounded(path, crate::files::limit::CONFIG).map_err(|e| {
            Msg::ConfigRead {
                path: path.clone(),
                detail: crate::i18n::files::read_problem(&e),
            }
        })?;
    let map = crate::ui::keymap::KeyMap::from_config(&desk.config, &source).map_err(|p| {
        Msg::ConfigParse {
            path: path.clone(),
            line: Some(p.line()).filter(|&l| l > 0),
            detail: p.text(),
        }
    })?;
    crate::ui::keymap::install(map);
    Ok(())
}
