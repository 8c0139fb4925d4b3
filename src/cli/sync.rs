//! `aduan sync`, `aduan backup`, `aduan restore`, `aduan init --join`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::i18n::seal::{SealMsg, help as seal_help};
use crate::i18n::{Msg, R, help, say};
use crate::service::Desk;
use crate::store::MergeOutcome;

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(subcommand)]
    command: Option<SyncCommand>,
    /// Folder sync: this desk's bundle out, every other desk's newest in.
    #[arg(long, value_name = "FOLDER", help = help::SYNC_FOLDER)]
    folder: Option<PathBuf>,
    #[arg(long, global = true, help = help::SYNC_TRUST)]
    trust_new_desk: bool,
}

#[derive(Debug, Subcommand)]
enum SyncCommand {
    #[command(about = help::SYNC_EXPORT)]
    Export {
        #[arg(short = 'o', long, value_name = "BERKAS", help = help::SYNC_OUT)]
        output: Option<PathBuf>,
        #[arg(long, help = help::RECAP_FORCE)]
        force: bool,
    },
    #[command(about = help::SYNC_MERGE)]
    Merge {
        #[arg(required = true, help = help::SYNC_FILES)]
        files: Vec<PathBuf>,
    },
    #[command(about = seal_help::SECRET)]
    Secret {
        #[arg(long, help = seal_help::SECRET_NEW, conflicts_with_all = ["join_file", "enter"])]
        new: bool,
        #[arg(long, value_name = "BERKAS", help = seal_help::SECRET_JOIN_FILE, conflicts_with = "enter")]
        join_file: Option<PathBuf>,
        #[arg(long, help = seal_help::SECRET_ENTER)]
        enter: bool,
    },
    #[command(name = "join-file", about = seal_help::JOIN_FILE)]
    JoinFile {
        #[arg(help = seal_help::JOIN_FILE_PATH)]
        file: PathBuf,
    },
}

pub fn sync(desk: &mut Desk, args: SyncArgs) -> Result<ExitCode, Msg> {
    match args.command {
        Some(SyncCommand::Export { output, force }) => {
            let out = desk.export_bundle(output.as_deref(), force)?;
            println!("{}", Msg::Written(out.path));
            println!("{}: {}", say(R::Events), out.events);
        }
        Some(SyncCommand::Merge { files }) => {
            for file in files {
                let outcome = desk.merge_bundle(&file, args.trust_new_desk, &mut progress())?;
                print_outcome(&file, &outcome);
            }
        }
        Some(SyncCommand::Secret {
            new,
            join_file,
            enter,
        }) => secret(desk, new, join_file.as_deref(), enter)?,
        Some(SyncCommand::JoinFile { file }) => {
            let passphrase = passphrase(true)?;
            desk.write_join_file(&file, &passphrase)?;
            println!("{}", SealMsg::JoinFileWritten(file).text());
        }
        None => {
            let folder = match args.folder {
                Some(f) => f,
                None if !desk.config.sync.folder.is_empty() => {
                    desk.config.sync.folder.clone().into()
                }
                None => return Err(Msg::SyncFolderUnknown),
            };
            // Files skipped and desks missing are warnings: the sync did what
            // it could and wrote this desk's bundle, so it still succeeds.
            let report = desk.sync_folder(&folder, args.trust_new_desk, &mut progress())?;
            for (file, outcome) in &report.merged {
                print_outcome(file, outcome);
            }
            for warning in report.warnings(true) {
                eprintln!("aduan: {warning}");
            }
            if let Some(out) = report.exported {
                println!("{}", Msg::Written(out.path));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `aduan sync secret`: shows, makes or takes the office secret.
fn secret(desk: &Desk, new: bool, join_file: Option<&Path>, enter: bool) -> Result<(), Msg> {
    let kept = if new {
        let path = desk.new_office_secret()?;
        println!("{}", SealMsg::SecretMade(path.clone()).text());
        path
    } else if let Some(file) = join_file {
        let path = desk.take_join_file(file, &passphrase(false)?)?;
        println!("{}", SealMsg::SecretKept(path).text());
        return Ok(());
    } else if enter {
        let secret = typed_secret()?.ok_or(Msg::Seal(Box::new(SealMsg::SecretNeeded)))?;
        let path = desk.keep_office_secret(&secret)?;
        println!("{}", SealMsg::SecretKept(path).text());
        return Ok(());
    } else {
        desk.office_secret_path(desk.office()?)
    };
    let secret = desk.office_secret()?;
    eprintln!("{}", SealMsg::SecretShown(kept).text());
    println!("{}", secret.reveal());
    Ok(())
}

/// A passphrase from `ADUAN_PASSPHRASE`, else typed without echo at a
/// terminal (twice when a join file is written); refused in a script.
pub fn passphrase(twice: bool) -> Result<String, Msg> {
    if let Ok(p) = std::env::var("ADUAN_PASSPHRASE") {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Msg::Seal(Box::new(SealMsg::PassphraseNeeded)));
    }
    let first = hidden(&crate::i18n::seal::ask_passphrase(false))?;
    if twice {
        crate::service::office_secret::check_passphrase(&first)?;
        if hidden(&crate::i18n::seal::ask_passphrase(true))? != first {
            return Err(Msg::Seal(Box::new(SealMsg::PassphraseMismatch)));
        }
    }
    Ok(first)
}

/// The office secret from `ADUAN_OFFICE_SECRET`, else typed without echo
/// at a terminal; `None` in a script without it.
pub fn typed_secret() -> Result<Option<crate::store::seal::OfficeSecret>, Msg> {
    let text = match std::env::var("ADUAN_OFFICE_SECRET") {
        Ok(t) => t,
        Err(_) if std::io::stdin().is_terminal() => hidden(&crate::i18n::seal::ask_secret())?,
        Err(_) => return Ok(None),
    };
    crate::service::office_secret::secret_from_text(&text).map(Some)
}

fn hidden(prompt: &str) -> Result<String, Msg> {
    rpassword::prompt_password(prompt).map_err(|e| Msg::Io {
        path: "stdin".into(),
        detail: crate::i18n::io_detail(&e),
    })
}

/// A progress line on a terminal, nothing when piped.
fn progress() -> impl FnMut(u64, u64) {
    let tty = std::io::stderr().is_terminal();
    move |done, total| {
        if tty && total > 0 {
            eprint!("\r{}: {done}/{total}   ", say(R::Checked));
            if done >= total {
                eprintln!();
            }
        }
    }
}

fn print_outcome(file: &std::path::Path, o: &MergeOutcome) {
    println!("{}", file.display());
    for line in crate::i18n::merge_event_lines(o) {
        println!("  {line}");
    }
    if o.new_events.is_empty() && o.new_desks.is_empty() {
        return;
    }
    if !o.new_desks.is_empty() {
        println!("  {}: {}", say(R::NewDesks), o.new_desks.join(", "));
    }
    println!("  {}", crate::i18n::merge_case_line(o));
    if !o.conflicted.is_empty() {
        println!(
            "  {} ({}): {}",
            say(R::Conflicts),
            crate::i18n::n(crate::i18n::N::NeedsDecision),
            o.conflicted.join(", ")
        );
    }
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[arg(short = 'o', long, value_name = "BERKAS", help = help::BACKUP_OUT)]
    output: Option<PathBuf>,
    #[arg(long, help = help::RECAP_FORCE)]
    force: bool,
}

pub fn backup(desk: &Desk, args: BackupArgs) -> Result<ExitCode, Msg> {
    let path = desk.backup(args.output.as_deref(), args.force)?;
    println!("{}", Msg::Written(path));
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    #[arg(help = help::RESTORE_FILE)]
    file: PathBuf,
    #[arg(long, short = 'y', help = help::RESTORE_YES)]
    yes: bool,
    #[arg(long = "sendiri", alias = "alone", help = help::RESTORE_ALONE)]
    alone: bool,
}

pub fn restore(desk: &mut Desk, args: RestoreArgs) -> Result<ExitCode, Msg> {
    if !args.yes && !confirm(&Msg::RestoreConfirm(args.file.clone()).text()) {
        println!("{}", say(R::Cancelled));
        return Ok(ExitCode::from(1));
    }
    desk.restore(&args.file, args.alone)?;
    println!("{}", Msg::Restored(args.file));
    Ok(ExitCode::SUCCESS)
}

/// Asks on the terminal; anything but yes is no, and so is no terminal.
fn confirm(question: &str) -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer).is_ok()
        && matches!(answer.trim().to_lowercase().as_str(), "y" | "ya" | "yes")
}

/// The office secret a joining desk brings: from a join file (with its
/// passphrase), else typed or in `ADUAN_OFFICE_SECRET`; checked against
/// the bundle's office before anything is made.
pub fn join_secret(
    bundle: &Path,
    join_file: Option<&Path>,
) -> Result<crate::store::seal::OfficeSecret, Msg> {
    let Some(file) = join_file else {
        return typed_secret()?.ok_or(Msg::Seal(Box::new(SealMsg::SecretNeeded)));
    };
    let (office, secret) =
        crate::service::office_secret::secret_from_join_file(file, &passphrase(false)?)?;
    if crate::store::bundle_office(bundle).is_some_and(|o| o != office) {
        return Err(Msg::Seal(Box::new(SealMsg::JoinOtherOffice(file.into()))));
    }
    Ok(secret)
}

/// `aduan init --join BUNDLE`. Should the merge fail, the desk's database
/// exists already: the message says so rather than that nothing changed.
pub fn join(
    desk: &mut Desk,
    bundle: &Path,
    secret: &crate::store::seal::OfficeSecret,
) -> Result<ExitCode, Msg> {
    let (outcome, roster) = desk.join_office(bundle, secret).map_err(|e| match e {
        Msg::JoinNotEmpty(_) => e,
        Msg::BundleRefused { detail, .. } => Msg::Seal(Box::new(SealMsg::JoinFailed {
            database: desk.locations.database.clone(),
            detail,
        })),
        other => Msg::Seal(Box::new(SealMsg::JoinFailed {
            database: desk.locations.database.clone(),
            detail: other.text(),
        })),
    })?;
    print_outcome(bundle, &outcome);
    println!("{}: {}", say(R::Office), desk.office()?);
    println!("{}:", say(R::Roster));
    for (code, fingerprint) in roster {
        println!("  {code}  {fingerprint}");
    }
    println!(
        "{}: {}  {}",
        say(R::ThisDesk),
        desk.local.code,
        desk.fingerprint()?
    );
    Ok(ExitCode::SUCCESS)
}
