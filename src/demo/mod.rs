//! `aduan demo`: realistic synthetic cases, walked through the SOPs in time
//! order, for training and for every benchmark.
//!
//! It is a small discrete-event simulation: complaints arrive on working days
//! during office hours; each waits in a queue for its next SOP action, which
//! happens after a time drawn around the step's time standard (mostly within
//! it, sometimes late). Events are written in time order, as a real desk
//! would write them, through the same log writer and the same fold as live
//! work, so the projection equals a rebuild. Deterministic for a seed.

#[allow(dead_code)]
mod corpus;
mod sim;

use std::time::Instant;

use chrono::{Datelike, NaiveDate};

use crate::i18n::Msg;
use crate::service::Desk;

#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub cases: u64,
    pub seed: u64,
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct DemoReport {
    pub cases: u64,
    pub events: u64,
    pub open: u64,
    pub seconds: f64,
    /// Of which: building the indexes after the load.
    pub index_seconds: f64,
}

/// Parses `YYYY-MM` to its first day.
/// The years a recap or the demo may name: an office's records, with room
/// on both sides; and how many a side-by-side recap may span.
pub const YEARS: std::ops::RangeInclusive<i32> = 1970..=9999;
pub const MAX_YEARS: i32 = 50;

pub fn parse_month(s: &str) -> Result<NaiveDate, Msg> {
    let bad = || Msg::BadMonth(s.to_string());
    let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
    let (y, m): (i32, u32) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    let y = check_year(y)?;
    NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)
}

/// `year`, or the refusal of one outside [`YEARS`].
pub fn check_year(year: i32) -> Result<i32, Msg> {
    if YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(Msg::YearOutOfRange(year.to_string()))
    }
}

pub fn last_day_of_month(first: NaiveDate) -> NaiveDate {
    let (y, m) = if first.month() == 12 {
        (first.year() + 1, 1)
    } else {
        (first.year(), first.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .expect("valid month")
        .pred_opt()
        .expect("a day before")
}

/// Fills an empty desk database with `opts.cases` cases.
pub fn generate(
    desk: &mut Desk,
    opts: &DemoOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoReport, Msg> {
    if opts.cases == 0 || opts.from > opts.to {
        return Err(Msg::DemoRange);
    }
    let db = desk.locations.database.clone();
    let err = |e| crate::service::store_msg(e, &db);
    if desk.store.count_events().map_err(err)? > 0 {
        return Err(Msg::DemoNotEmpty(db));
    }
    let started = Instant::now();
    desk.store.set_bulk_mode(true).map_err(err)?;
    desk.store.drop_bulk_indexes().map_err(err)?;
    let result = sim::Simulation::new(desk, opts).run(progress);
    let indexing = Instant::now();
    let indexed = desk.store.create_bulk_indexes();
    let index_seconds = indexing.elapsed().as_secs_f64();
    desk.store.set_bulk_mode(false).map_err(err)?;
    let (events, open) = outcome(desk, result, indexed.map_err(err))?;
    Ok(DemoReport {
        cases: opts.cases,
        events,
        open,
        seconds: started.elapsed().as_secs_f64(),
        index_seconds,
    })
}

/// What a demo achieved; a demo that failed part way says what it left
/// saved: its batches are committed one by one, and the indexes after them.
fn outcome(
    desk: &Desk,
    result: Result<(u64, u64), Msg>,
    indexed: Result<(), Msg>,
) -> Result<(u64, u64), Msg> {
    let saved = || desk.store.count_events().unwrap_or(0);
    match (result, indexed) {
        (Ok(done), Ok(())) => Ok(done),
        (Ok(_), Err(Msg::DiskFull)) => Err(Msg::DemoSavedWithoutIndexes {
            cases: desk.store.count_cases().unwrap_or(0),
            events: saved(),
        }),
        (Err(Msg::DiskFull), _) if saved() > 0 => Err(Msg::DemoStoppedPartly { events: saved() }),
        (Err(e), _) | (Ok(_), Err(e)) => Err(e),
    }
}
