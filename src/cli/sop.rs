//! `aduan sop …`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use super::table;
use crate::domain::case::Kind;
use crate::domain::sop::{End, Next, Sop, StepKind};
use crate::domain::workflow::Status;
use crate::i18n::{Msg, R, Word, help, kind_label, say, word};
use crate::service::{Desk, read_sop};

#[derive(Debug, Subcommand)]
pub enum SopCommand {
    #[command(about = help::SOP_SHOW)]
    Show {
        #[arg(long, help = help::SOP_SHOW_KIND)]
        kind: Option<String>,
        #[arg(long, help = help::JSON)]
        json: bool,
    },
    #[command(about = help::SOP_CHECK)]
    Check {
        #[arg(help = help::SOP_FILE)]
        file: PathBuf,
    },
}

pub fn run(desk: &Desk, command: SopCommand) -> Result<ExitCode, Msg> {
    match command {
        SopCommand::Show { kind, json } => {
            let kinds: Vec<Kind> = match kind {
                Some(k) => vec![Kind::parse(&k).ok_or_else(|| Msg::UnknownKind(k.clone()))?],
                None => Kind::ALL.to_vec(),
            };
            let mut shown: Vec<&Sop> = Vec::new();
            for k in kinds {
                let sop = desk.sops.for_kind(k);
                if !shown.iter().any(|s| s.id == sop.id) {
                    shown.push(sop);
                }
            }
            if json {
                let v: Vec<_> = shown.iter().map(|s| sop_json(desk, s)).collect();
                super::print_json(&v);
            } else {
                for sop in shown {
                    print_sop(desk, sop);
                }
            }
        }
        SopCommand::Check { file } => {
            let sop = read_sop(&file.display().to_string(), &desk.locations.sop_dir)?;
            for b in crate::domain::standards::over_limit(&sop) {
                eprintln!(
                    "{}",
                    Msg::SopBranchOverLimit {
                        last: b.label(),
                        minutes: b.minutes,
                        limit: sop.limit_workdays,
                    }
                );
            }
            println!(
                "{}: {} ({} {})",
                say(R::SopIsValid),
                sop.name,
                sop.steps.len(),
                say(R::Steps)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn next_text(next: &Next) -> String {
    match next {
        Next::Step(s) => s.clone(),
        Next::End(End::Closed) => format!("[{}]", crate::i18n::status_label(Status::Closed)),
        Next::End(End::Forwarded) => format!("[{}]", crate::i18n::status_label(Status::Forwarded)),
    }
}

fn print_sop(desk: &Desk, sop: &Sop) {
    let kinds: Vec<&str> = desk
        .sops
        .kinds_of(&sop.id)
        .into_iter()
        .map(kind_label)
        .collect();
    println!("{} ({}) — {}", sop.name, sop.id, kinds.join(", "));
    println!(
        "{}: {} {}",
        say(R::ResolutionLimit),
        sop.limit_workdays,
        say(R::WorkingDays)
    );
    let rows: Vec<Vec<String>> = sop
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let next = match s.kind {
                StepKind::Decision => s
                    .options
                    .iter()
                    .map(|o| format!("{} → {}", o.id, next_text(&o.next)))
                    .collect::<Vec<_>>()
                    .join("; "),
                _ => s.next.as_ref().map(next_text).unwrap_or_default(),
            };
            vec![
                format!("{}", i + 1),
                s.id.clone(),
                sop.role_short(&s.actor).to_string(),
                s.minutes.to_string(),
                table::clip(&s.requires, 28),
                table::clip(&s.output, 28),
                next,
            ]
        })
        .collect();
    table::print(
        &[
            say(R::Number),
            word(Word::Step),
            word(Word::Actor),
            word(Word::Minutes),
            word(Word::Requires),
            word(Word::Output),
            word(Word::Next),
        ],
        &rows,
    );
    println!();
}

fn sop_json(desk: &Desk, sop: &Sop) -> serde_json::Value {
    serde_json::json!({
        "id": sop.id,
        "name": sop.name,
        "kinds": desk.sops.kinds_of(&sop.id).iter().map(|k| k.id()).collect::<Vec<_>>(),
        "limit_workdays": sop.limit_workdays,
        "roles": sop.roles.iter().map(|r| serde_json::json!({
            "id": r.id, "name": r.name, "short": r.short, "on_paper": r.on_paper, "recorded_by": r.recorded_by,
        })).collect::<Vec<_>>(),
        "steps": sop.steps.iter().map(|s| serde_json::json!({
            "id": s.id, "title": s.title, "actor": s.actor, "kind": format!("{:?}", s.kind).to_lowercase(),
            "requires": s.requires, "minutes": s.minutes, "output": s.output,
            "next": s.next.as_ref().map(next_text),
            "options": s.options.iter().map(|o| serde_json::json!({
                "id": o.id, "label": o.label, "forward": o.forward, "next": next_text(&o.next),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
