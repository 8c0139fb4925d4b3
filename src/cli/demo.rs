//! `aduan demo`

use std::process::ExitCode;

use chrono::{Datelike, Months};
use clap::Args;

use crate::demo::{self, DemoOptions, last_day_of_month, parse_month};
use crate::i18n::{Msg, R, help, say};
use crate::service::Desk;

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long, help = help::DEMO_CASES)]
    cases: u64,
    #[arg(long, default_value_t = 1, help = help::DEMO_SEED)]
    seed: u64,
    #[arg(long, value_name = "YYYY-MM", help = help::DEMO_FROM)]
    from: Option<String>,
    #[arg(long, value_name = "YYYY-MM", help = help::DEMO_TO)]
    to: Option<String>,
    #[arg(long, help = help::JSON)]
    json: bool,
}

pub fn run(desk: &mut Desk, args: &DemoArgs) -> Result<ExitCode, Msg> {
    let this_month = desk.today().with_day(1).expect("day 1 exists");
    let to = match &args.to {
        Some(m) => parse_month(m)?,
        None => this_month,
    };
    let from = match &args.from {
        Some(m) => parse_month(m)?,
        None => to.checked_sub_months(Months::new(23)).unwrap_or(to),
    };
    let opts = DemoOptions {
        cases: args.cases,
        seed: args.seed,
        from,
        to: last_day_of_month(to),
    };
    let mut progress = |done: u64, total: u64| {
        eprintln!("{} {done}/{total}", say(R::CasesMade));
    };
    let report = demo::generate(desk, &opts, &mut progress)?;
    if args.json {
        super::print_json(&report);
    } else {
        println!(
            "{}: {} {}, {} {}, {} {} ({:.1} s)",
            say(R::DemoDone),
            report.cases,
            say(R::CasesLower),
            report.events,
            say(R::EventsLower),
            report.open,
            say(R::StillOpen),
            report.seconds
        );
    }
    Ok(ExitCode::SUCCESS)
}
