//! `aduan pin …`, and the PIN gate of every command that records something
//! or shows personal data: the PIN of the person acting (`--by`) is asked
//! at a no-echo prompt on a terminal, or taken from `ADUAN_PIN`.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Subcommand;

use crate::i18n::Msg;
use crate::i18n::pin::{self as words, P, PinMsg, help, p};
use crate::service::Desk;
use crate::service::pin::{Place, Verdict, check_repeated};

/// The role that may remove another person's PIN.
pub const RESET_ROLE: &str = "kasi";

#[derive(Debug, Subcommand)]
pub enum PinCommand {
    #[command(about = help::SET)]
    Set,
    #[command(about = help::RESET)]
    Reset {
        #[arg(value_name = "NAMA", help = help::RESET_NAME)]
        name: String,
    },
    #[command(about = help::LOG)]
    Log {
        #[arg(long, default_value_t = 50, help = help::LOG_LIMIT)]
        limit: u32,
    },
}

fn pin_msg(m: PinMsg) -> Msg {
    Msg::Pin(Box::new(m))
}

fn terminal_error(e: std::io::Error) -> Msg {
    Msg::Io {
        path: "terminal".into(),
        detail: crate::i18n::io_detail(&e),
    }
}

fn interactive() -> bool {
    std::io::stdin().is_terminal()
}

fn ask(prompt: &str) -> Result<String, Msg> {
    rpassword::prompt_password(prompt)
        .map(|s| s.trim().to_string())
        .map_err(terminal_error)
}

/// Asks a new PIN twice at the terminal and keeps it.
fn set_at_terminal(desk: &Desk, person: &str, first_prompt: &str) -> Result<(), Msg> {
    let first = ask(first_prompt)?;
    let second = ask(&words::prompt_repeat())?;
    check_repeated(&first, &second).map_err(|e| pin_msg(PinMsg::Bad(e)))?;
    desk.pins().set(person, &first, Place::CommandLine)
}

/// What a PIN came to, as the command's refusal.
fn verdict(desk: &Desk, person: &str, v: Verdict) -> Result<(), Msg> {
    match v {
        Verdict::Right => Ok(()),
        Verdict::Wrong { left } => Err(pin_msg(PinMsg::Wrong { left })),
        Verdict::Locked { until } => Err(pin_msg(PinMsg::Locked {
            person: person.into(),
            until: desk.local_time(until),
        })),
        Verdict::NotSet => Err(pin_msg(PinMsg::NotSetInScript {
            person: person.into(),
        })),
    }
}

/// Lets the command go on only with the right PIN of the person acting;
/// nothing is asked when `[security] pin = false`.
pub fn gate(desk: &Desk, by: Option<&str>) -> Result<(), Msg> {
    if !desk.pins_on() {
        return Ok(());
    }
    let person = desk.acting_as(by, None)?.person;
    let pins = desk.pins();
    let given = std::env::var("ADUAN_PIN").ok().filter(|v| !v.is_empty());
    if !pins.has_pin(&person)? {
        if given.is_none() && interactive() {
            return set_at_terminal(desk, &person, &words::prompt_new(&person));
        }
        return Err(pin_msg(PinMsg::NotSetInScript { person }));
    }
    let typed = match given {
        Some(pin) => pin,
        None if interactive() => {
            if let Some(until) = pins.locked_until(&person)? {
                return verdict(desk, &person, Verdict::Locked { until });
            }
            ask(&words::prompt_pin(&person))?
        }
        None => return Err(pin_msg(PinMsg::Needed { person })),
    };
    let v = pins.verify(&person, &typed, Place::CommandLine)?;
    verdict(desk, &person, v)
}

pub fn run(desk: &Desk, command: PinCommand, by: Option<&str>) -> Result<ExitCode, Msg> {
    match command {
        PinCommand::Set => set(desk, by),
        PinCommand::Reset { name } => reset(desk, by, &name),
        PinCommand::Log { limit } => {
            gate(desk, by)?;
            log(desk, limit)
        }
    }
}

/// Sets or changes the PIN of `--by`: the old one first, if there is one.
fn set(desk: &Desk, by: Option<&str>) -> Result<ExitCode, Msg> {
    let person = desk.acting_as(by, None)?.person;
    if !interactive() {
        return Err(pin_msg(PinMsg::NeedsTerminal));
    }
    let prompt = if desk.pins().has_pin(&person)? {
        if let Some(until) = desk.pins().locked_until(&person)? {
            return verdict(desk, &person, Verdict::Locked { until }).map(|_| ExitCode::FAILURE);
        }
        let old = ask(&words::prompt_pin(&person))?;
        let v = desk.pins().verify(&person, &old, Place::CommandLine)?;
        verdict(desk, &person, v)?;
        words::prompt_change(&person)
    } else {
        words::prompt_new(&person)
    };
    set_at_terminal(desk, &person, &prompt)?;
    println!("{}", p(P::PinSet));
    Ok(ExitCode::SUCCESS)
}

/// The Kasi removes a person's PIN, after giving their own.
fn reset(desk: &Desk, by: Option<&str>, name: &str) -> Result<ExitCode, Msg> {
    let who = desk.acting_as(by, None)?;
    if who.person_role != RESET_ROLE {
        return Err(pin_msg(PinMsg::ResetOnlyBy {
            role: RESET_ROLE.into(),
        }));
    }
    let target = desk.acting_as(Some(name), None)?.person;
    gate(desk, by)?;
    desk.pins().reset(&target)?;
    println!("{}", p(P::PinReset));
    Ok(ExitCode::SUCCESS)
}

fn log(desk: &Desk, limit: u32) -> Result<ExitCode, Msg> {
    let lines = desk.pins().log_lines(limit)?;
    if lines.is_empty() {
        println!("{}", p(P::LogEmpty));
    }
    for l in lines {
        println!(
            "{}  {:<14}  {:<18}  {}",
            desk.local_time(l.at),
            words::sign_in_place(&l.place),
            words::sign_in_outcome(&l.outcome),
            crate::i18n::printable(&l.person)
        );
    }
    Ok(ExitCode::SUCCESS)
}
