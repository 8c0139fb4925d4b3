//! The recap on a large desk database, against plain SQL doing the same
//! reading through the same SQLite build.
//!
//! `cargo bench --bench recap` takes the benchmark desk (see
//! `common::bench_desk`) and, for a month and a year, times:
//! - `aduan recap … --format json` as a whole process, ten times;
//! - `Desk::recap` on a desk already open (what the Rekap tab does), twenty
//!   times;
//! - the plain baseline: rusqlite (aduan's own SQLite) reading the rows
//!   aduan's recap reads, by the best plain query: the two ranges of the
//!   fact table, which is ordered by the day a case finished (cases still
//!   open, cases finished in or after the period), every packed fact column
//!   touched, twenty times.
//!
//! It prints the percentiles, then aduan / plain for both of aduan's
//! figures. The headline figures are checked once against plain SQL over
//! the readable columns, untimed. Nothing is written to the database, but
//! a desk of an older schema is upgraded once when this build first opens
//! it, before anything is timed.

use std::process::Command;
use std::time::{Duration, Instant};

use aduan::domain::recap::month_bounds;
use aduan::service::{Desk, OpenOptions, Span};
use chrono::NaiveDate;
use rusqlite::Connection;

mod common;
use common::report;

const RUNS: usize = 10;
const IN_PROCESS_RUNS: usize = 20;

fn main() {
    let opts = common::bench_desk();
    let month = std::env::var("ADUAN_BENCH_MONTH").unwrap_or_else(|_| "2026-10".into());
    let year = std::env::var("ADUAN_BENCH_YEAR").unwrap_or_else(|_| "2025".into());
    let (y, m) = month
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse().ok()?, m.parse().ok()?)))
        .expect("ADUAN_BENCH_MONTH as YYYY-MM");
    let y_only: i32 = year.parse().expect("ADUAN_BENCH_YEAR as YYYY");
    let desk = Desk::open(&opts).unwrap();
    let plain = read_only(&opts);

    let month_json = compare(
        &opts,
        (&desk, &plain),
        &format!("month {month}"),
        (&["--month", &month], Span::Month(y, m)),
        &[month_bounds(y, m).expect("a month")],
    );
    let year_months: Vec<_> = (1..=12)
        .map(|m| month_bounds(y_only, m).expect("a month"))
        .collect();
    compare(
        &opts,
        (&desk, &plain),
        &format!("year {year}"),
        (&["--year", &year], Span::Year(y_only)),
        &year_months,
    );
    println!(
        "month {month}: {} bytes of JSON, {} overdue cases listed",
        month_json.len(),
        serde_json::from_str::<serde_json::Value>(&month_json)
            .ok()
            .and_then(|v| v["overdue"].as_array().map(Vec::len))
            .unwrap_or(0)
    );
}

fn read_only(opts: &OpenOptions) -> Connection {
    let conn = Connection::open_with_flags(
        opts.db.as_ref().expect("db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    conn.pragma_update(None, "cache_size", -8_192).unwrap();
    conn
}

/// Times aduan (as a process and in-process) and the plain reading of the
/// same rows, checks the figures, prints both and their ratio. Returns the
/// process's JSON.
fn compare(
    opts: &OpenOptions,
    (desk, plain): (&Desk, &Connection),
    what: &str,
    (args, span): (&[&str], Span),
    months: &[(NaiveDate, NaiveDate)],
) -> String {
    let (json, mut process) = run_recap(opts, args);
    report(
        &format!("aduan recap --{what} --format json (process)"),
        &mut process,
    );
    println!(
        "  largest resident memory of a run: {} MB",
        max_child_rss_mb()
    );
    let mut in_process = Vec::new();
    for _ in 0..IN_PROCESS_RUNS {
        let start = Instant::now();
        std::hint::black_box(desk.recap(span).unwrap());
        in_process.push(start.elapsed());
    }
    report(&format!("Desk::recap, {what} (desk open)"), &mut in_process);
    let mut baseline = Vec::new();
    let mut rows = 0;
    for _ in 0..IN_PROCESS_RUNS {
        let start = Instant::now();
        let (first, last) = span_bounds(months);
        rows = common::read_recap_facts(plain, first, last);
        baseline.push(start.elapsed());
    }
    report(
        &format!("plain SQL (rusqlite), the same {rows} fact rows read, {what}"),
        &mut baseline,
    );
    common::ratio(
        &format!("{what}, desk open"),
        &mut in_process,
        &mut baseline,
    );
    common::ratio(
        &format!("{what}, whole process"),
        &mut process,
        &mut baseline,
    );
    check_figures(plain, what, &json, months);
    json
}

/// From the first day of the first month to the last of the last: aduan
/// reads a year's rows in one pass and counts each month from them.
fn span_bounds(months: &[(NaiveDate, NaiveDate)]) -> (NaiveDate, NaiveDate) {
    (months[0].0, months[months.len() - 1].1)
}

/// aduan's headline figures against plain SQL over the readable columns
/// (untimed: a check, not a yardstick).
fn check_figures(conn: &Connection, what: &str, json: &str, months: &[(NaiveDate, NaiveDate)]) {
    let figures: serde_json::Value = serde_json::from_str(json).expect("JSON");
    let columns: Vec<&serde_json::Value> = match figures.get("periods") {
        Some(p) => p.as_array().expect("periods").iter().collect(),
        None => vec![&figures],
    };
    for (column, (start, end)) in columns.iter().zip(months) {
        let ours: Vec<u64> = HEADLINE
            .iter()
            .map(|k| column[*k].as_u64().unwrap_or(0))
            .collect();
        let sql = month_figures(conn, &start.to_string(), &end.to_string());
        assert_eq!(
            ours, sql,
            "figures differ from plain SQL for {what} ({start})"
        );
    }
    println!("  plain SQL agrees on {HEADLINE:?} for every month of {what}");
}

const HEADLINE: [&str; 6] = [
    "received",
    "closed",
    "closed_on_time",
    "forwarded",
    "open_at_end",
    "overdue_at_end",
];

fn run_recap(opts: &OpenOptions, span: &[&str]) -> (String, Vec<Duration>) {
    let mut times = Vec::new();
    let mut json = String::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_aduan"))
            .args(["recap", "--format", "json"])
            .args(span)
            .env("ADUAN_CONFIG", opts.config.as_ref().expect("config"))
            .env("ADUAN_DB", opts.db.as_ref().expect("db"))
            .output()
            .expect("run aduan");
        times.push(start.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        json = String::from_utf8(out.stdout).expect("UTF-8");
    }
    (json, times)
}

/// The headline figures of one month by plain SQL over the readable
/// columns of `recap_cases`, as someone checking aduan would write them.
fn month_figures(conn: &Connection, start: &str, end: &str) -> Vec<u64> {
    conn.query_row(
        "SELECT
  (SELECT count(*) FROM recap_cases WHERE received_on BETWEEN ?1 AND ?2),
  (SELECT count(*) FROM recap_cases WHERE finished_status = 'closed' AND finished_on BETWEEN ?1 AND ?2),
  (SELECT count(*) FROM recap_cases WHERE finished_status = 'closed' AND finished_on BETWEEN ?1 AND ?2 AND finished_on <= deadline),
  (SELECT count(*) FROM recap_cases WHERE forwarded_on BETWEEN ?1 AND ?2),
  (SELECT count(*) FROM recap_cases WHERE received_on <= ?2 AND (finished_on = '' OR finished_on > ?2)),
  (SELECT count(*) FROM recap_cases WHERE received_on <= ?2 AND (finished_on = '' OR finished_on > ?2) AND deadline < ?2)",
        [start, end],
        |r| (0..6).map(|i| r.get::<_, i64>(i).map(|v| v as u64)).collect(),
    )
    .unwrap()
}

fn max_child_rss_mb() -> i64 {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut u);
        u
    };
    usage.ru_maxrss / 1024
}
