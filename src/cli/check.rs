//! `aduan check`

use std::process::ExitCode;

use super::{print_json, table};
use crate::i18n::{self, Msg, R, say};
use crate::service::Desk;

pub fn check(desk: &mut Desk, rebuild: bool, json: bool) -> Result<ExitCode, Msg> {
    let report = desk.check(rebuild)?;
    if json {
        print_json(&report);
    } else {
        println!(
            "{}: {}",
            say(R::SqliteIntegrity),
            report.integrity.join("; ")
        );
        let rows: Vec<Vec<String>> = report
            .desks
            .iter()
            .map(|d| {
                vec![
                    d.code.clone(),
                    d.events.to_string(),
                    d.last_seq.to_string(),
                    d.head.chars().take(16).collect(),
                ]
            })
            .collect();
        table::print(
            &[say(R::Desk), say(R::Events), say(R::LastNo), say(R::Hash)],
            &rows,
        );
        for p in &report.chain_problems {
            println!("! {p}");
        }
        if let Some(year) = report.next_year_unlisted {
            println!("! {}", Msg::NextYearUnlisted(year));
        }
        for sha in &report.damaged_attachments {
            println!(
                "! {} {sha}: {}",
                i18n::n(i18n::N::Attachment),
                i18n::n(i18n::N::Damaged)
            );
        }
        if !report.shared_codes.is_empty() {
            println!(
                "! {}",
                i18n::DeskProblem::Shared(report.shared_codes.clone()).text()
            );
        }
        for l in &report.loose_permissions {
            println!(
                "! {}",
                i18n::files::loose_finding(&l.path, l.mode, l.folder)
            );
        }
        if report.events_not_applied > 0 {
            println!("{}", i18n::ignored_count(report.events_not_applied));
        }
        println!(
            "{}: {}  {}: {}",
            say(R::Cases),
            report.cases,
            say(R::Events),
            report.events
        );
        if let Some(r) = &report.rebuild {
            println!(
                "{} {} {}: {}",
                say(R::ProjectionRebuiltFromTheLog),
                r.cases,
                say(R::CasesLower),
                if r.identical {
                    say(R::IdenticalToBefore)
                } else {
                    say(R::DifferentFromBeforeNowRepaired)
                }
            );
        }
        println!(
            "{}",
            if report.ok() {
                say(R::ResultSound)
            } else {
                say(R::ResultProblemsFound)
            }
        );
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `aduan check --fix-permissions`: each loose path made owner-only, and
/// said.
pub fn fix_permissions(desk: &Desk, json: bool) -> Result<ExitCode, Msg> {
    let fixed = desk.fix_permissions()?;
    if json {
        print_json(&fixed);
    } else if fixed.is_empty() {
        println!("{}", i18n::files::permissions_already_tight());
    }
    for l in fixed.iter().filter(|_| !json) {
        println!(
            "{}",
            i18n::files::permission_fixed(&l.path, l.mode, l.wanted())
        );
    }
    Ok(ExitCode::SUCCESS)
}
