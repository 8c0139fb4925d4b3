//! `aduan letter draft|paraf|ttd|kirim|show`: a case's outgoing letters.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::print_json;
use super::table::say;
use crate::domain::letter::{Letter, LetterAct, LetterKind, Stamp};
use crate::i18n::letters::{act_label, capitalised, help as lh, kind_label};
use crate::i18n::{LetterMsg, Lw, Msg, help, lw};
use crate::service::Desk;
use crate::service::letters::DraftInput;

#[derive(Debug, Subcommand)]
pub enum LetterCommand {
    #[command(about = lh::DRAFT)]
    Draft(DraftArgs),
    #[command(about = lh::PARAF)]
    Paraf(ActArgs),
    #[command(about = lh::TTD)]
    Ttd(ActArgs),
    #[command(about = lh::KIRIM)]
    Kirim(ActArgs),
    #[command(about = lh::SHOW)]
    Show {
        #[arg(help = help::CASE_KEY)]
        case: String,
        #[arg(long, help = lh::KIND_FILTER)]
        kind: Option<String>,
        #[arg(long, help = help::JSON)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    #[arg(help = help::CASE_KEY)]
    case: String,
    #[arg(long, help = lh::KIND)]
    kind: String,
    #[arg(long, help = lh::BODY, conflicts_with = "body_file")]
    body: Option<String>,
    #[arg(long, value_name = "BERKAS", help = lh::BODY_FILE)]
    body_file: Option<PathBuf>,
    #[arg(long, value_name = "KODE,KODE", value_delimiter = ',', help = lh::NOTES)]
    notes: Vec<String>,
    #[arg(long = "as", value_name = "PERAN", help = help::ACT_AS)]
    as_role: Option<String>,
    #[arg(long, help = help::JSON)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ActArgs {
    #[arg(help = help::CASE_KEY)]
    case: String,
    #[arg(long, help = lh::KIND)]
    kind: String,
    #[arg(long = "as", value_name = "PERAN", help = help::ACT_AS)]
    as_role: Option<String>,
    #[arg(long, help = help::JSON)]
    json: bool,
}

pub fn run(desk: &mut Desk, command: LetterCommand, by: Option<&str>) -> Result<(), Msg> {
    match command {
        LetterCommand::Draft(a) => {
            let kind = parse_kind(&a.kind)?;
            let who = desk.acting_as(by, a.as_role.as_deref())?;
            let input = DraftInput {
                body: read_body(a.body, a.body_file.as_ref())?,
                notes: a
                    .notes
                    .into_iter()
                    .filter(|n| !n.trim().is_empty())
                    .collect(),
            };
            let letter = desk.draft_letter(&a.case, kind, &input, &who)?;
            report(desk, &a.case, &letter, a.json)
        }
        LetterCommand::Paraf(a) => act(desk, a, LetterAct::Paraf, by),
        LetterCommand::Ttd(a) => act(desk, a, LetterAct::Ttd, by),
        LetterCommand::Kirim(a) => act(desk, a, LetterAct::Kirim, by),
        LetterCommand::Show { case, kind, json } => {
            let kind = kind.as_deref().map(parse_kind).transpose()?;
            let letters: Vec<Letter> = desk
                .letters(&case)?
                .into_iter()
                .filter(|l| kind.is_none_or(|k| l.kind == k))
                .collect();
            if json {
                print_json(&letters);
            } else if letters.is_empty() {
                say!("{}", lw(Lw::NoLetters));
            } else {
                for (i, l) in letters.iter().enumerate() {
                    if i > 0 {
                        println!();
                    }
                    print_letter(desk, l);
                }
            }
            Ok(())
        }
    }
}

fn act(desk: &mut Desk, a: ActArgs, act: LetterAct, by: Option<&str>) -> Result<(), Msg> {
    let kind = parse_kind(&a.kind)?;
    let who = desk.acting_as(by, a.as_role.as_deref())?;
    let letter = desk.letter_act(&a.case, kind, act, &who)?;
    report(desk, &a.case, &letter, a.json)
}

fn parse_kind(s: &str) -> Result<LetterKind, Msg> {
    LetterKind::parse(s).ok_or_else(|| Msg::Letter(Box::new(LetterMsg::UnknownKind(s.into()))))
}

/// The body given on the command line, from a file, or from stdin (`-`).
fn read_body(body: Option<String>, file: Option<&PathBuf>) -> Result<Option<String>, Msg> {
    let Some(path) = file else {
        return Ok(body);
    };
    use crate::files::{limit, read_text_bounded, read_text_limited};
    let read = if path.as_os_str() == "-" {
        read_text_limited(std::io::stdin().lock(), limit::LETTER)
    } else {
        read_text_bounded(path, limit::LETTER)
    };
    read.map(Some).map_err(|e| Msg::InputRead {
        path: path.clone(),
        detail: crate::i18n::files::read_problem(&e),
    })
}

/// After a change: the letter as JSON, or one line of where it stands and
/// the case's status.
fn report(desk: &Desk, case: &str, letter: &Letter, json: bool) -> Result<(), Msg> {
    if json {
        print_json(letter);
        return Ok(());
    }
    let detail = desk.show(case)?;
    say!(
        "{} {} — {} {}: {}. {}",
        capitalised(kind_label(letter.kind)),
        letter.number,
        lw(Lw::Version),
        letter.version(),
        act_label(letter.stage()),
        crate::i18n::status_label_by_id(&detail.status)
    );
    Ok(())
}

fn print_letter(desk: &Desk, l: &Letter) {
    say!("{} {}", capitalised(kind_label(l.kind)), l.number);
    say!("  {}: {}", lw(Lw::Subject), l.subject);
    say!("  {}: {}", lw(Lw::To), l.to);
    if !l.notes.is_empty() {
        let ids: Vec<String> = l
            .notes
            .iter()
            .map(|n| crate::service::short_id(*n))
            .collect();
        say!("  {}: {}", lw(Lw::Sources), ids.join(", "));
    }
    for (i, v) in l.versions.iter().enumerate() {
        say!(
            "  {} {} — {}",
            lw(Lw::Version),
            i + 1,
            stamp(desk, &v.stamp)
        );
    }
    for initial in &l.initials {
        let voided = if initial.version < l.version() {
            format!(" ({})", lw(Lw::Voided))
        } else {
            String::new()
        };
        say!(
            "  {} ({} {}) — {}{voided}",
            lw(Lw::Paraf),
            lw(Lw::Version),
            initial.version,
            stamp(desk, &initial.stamp)
        );
    }
    if l.initials.is_empty() {
        say!("  {}: {}", lw(Lw::Paraf), lw(Lw::None));
    }
    for (word, s) in [(Lw::Signed, &l.signed), (Lw::Sent, &l.sent)] {
        let text = s
            .as_ref()
            .map_or(lw(Lw::None).to_string(), |s| stamp(desk, s));
        say!("  {}: {text}", lw(word));
    }
    println!();
    for line in l.body().lines() {
        say!("  {line}");
    }
}

fn stamp(desk: &Desk, s: &Stamp) -> String {
    let behalf = if s.on_behalf {
        format!(" ({} {})", lw(Lw::OnBehalf), s.role)
    } else {
        String::new()
    };
    format!("{}, {}{behalf}", desk.local_time(s.at), s.by)
}
