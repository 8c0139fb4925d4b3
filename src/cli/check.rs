//! `aduan check`

use std::process::ExitCode;

use super::{print_json, table};
use crate::i18n::{Msg, pick};
use crate::service::Desk;

pub fn check(desk: &mut Desk, rebuild: bool, json: bool) -> Result<ExitCode, Msg> {
    let report = desk.check(rebuild)?;
    if json {
        print_json(&report);
    } else {
        println!(
            "{}: {}",
            pick("Integritas SQLite", "SQLite integrity"),
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
                    d.head[..16].to_string(),
                ]
            })
            .collect();
        table::print(
            &[
                pick("Loket", "Desk"),
                pick("Peristiwa", "Events"),
                pick("No. terakhir", "Last no."),
                "Hash",
            ],
            &rows,
        );
        for p in &report.chain_problems {
            println!("! {p}");
        }
        println!(
            "{}: {}  {}: {}",
            pick("Kasus", "Cases"),
            report.cases,
            pick("Peristiwa", "Events"),
            report.events
        );
        if let Some(r) = &report.rebuild {
            println!(
                "{} {} {}: {}",
                pick(
                    "Proyeksi dibangun ulang dari log:",
                    "Projection rebuilt from the log:"
                ),
                r.cases,
                pick("kasus", "cases"),
                if r.identical {
                    pick("identik dengan sebelumnya", "identical to before")
                } else {
                    pick(
                        "BERBEDA dari sebelumnya (kini sudah diperbaiki)",
                        "DIFFERENT from before (now repaired)",
                    )
                }
            );
        }
        println!(
            "{}",
            if report.ok() {
                pick("Hasil: baik.", "Result: sound.")
            } else {
                pick("Hasil: ADA MASALAH.", "Result: PROBLEMS FOUND.")
            }
        );
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
