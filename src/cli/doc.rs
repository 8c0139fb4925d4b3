//! `aduan doc` (a case's paper as PDF, optionally printed) and
//! `aduan template` (the office's document templates).

use std::path::{Path, PathBuf};

use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::i18n::Msg;
use crate::i18n::help;
use crate::i18n::paper::{PaperProblem, Pw, pw};
use crate::paper::DocKind;
use crate::paper::templates;
use crate::service::Desk;
use crate::service::documents::{Printed, paper_msg, print, template_msg};

#[derive(Debug, Args)]
pub struct DocArgs {
    #[arg(value_name = "KASUS", help = help::CASE_KEY)]
    case: String,
    #[arg(long, value_name = "JENIS", help = help::DOC_KIND)]
    kind: String,
    #[arg(short = 'o', long, value_name = "BERKAS", help = help::DOC_OUT)]
    output: Option<PathBuf>,
    #[arg(long, help = help::RECAP_FORCE)]
    force: bool,
    #[arg(long, help = help::DOC_PRINT)]
    print: bool,
    #[arg(long, value_name = "NAMA", help = help::DOC_PRINTER)]
    printer: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    #[command(about = help::TEMPLATE_CHECK)]
    Check {
        #[arg(value_name = "BERKAS")]
        file: PathBuf,
    },
}

pub fn doc(desk: &Desk, args: &DocArgs) -> Result<ExitCode, Msg> {
    let kind = parse_kind(&args.kind)?;
    let rendered = desk.render_document(&args.case, kind)?;
    let path = desk.write_document(&rendered, args.output.as_deref(), args.force)?;
    println!("{}", Msg::Written(path.clone()));
    if args.print || args.printer.is_some() {
        send(&path, args.printer.as_deref())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints `path` and says what became of it.
pub fn send(path: &Path, printer: Option<&str>) -> Result<(), Msg> {
    match print(path, printer)? {
        Printed::Sent(answer) => println!("{}: {answer}", pw(Pw::SentToPrinter)),
        Printed::NoPrinter => println!("{}: {}", pw(Pw::NoPrinter), path.display()),
    }
    Ok(())
}

fn parse_kind(given: &str) -> Result<DocKind, Msg> {
    DocKind::parse(given)
        .filter(|k| *k != DocKind::Rekap)
        .ok_or_else(|| {
            paper_msg(PaperProblem::UnknownKind {
                given: given.to_string(),
                kinds: DocKind::OF_CASE
                    .iter()
                    .map(|k| k.id().to_string())
                    .collect(),
            })
        })
}

pub fn template(command: &TemplateCommand) -> Result<ExitCode, Msg> {
    match command {
        TemplateCommand::Check { file } => {
            let kinds = templates::check(file).map_err(template_msg)?;
            let names: Vec<&str> = kinds.iter().map(|k| k.id()).collect();
            println!("{}: {}", pw(Pw::TemplateSound), names.join(", "));
            Ok(ExitCode::SUCCESS)
        }
    }
}
