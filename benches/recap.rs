//! The recap on a large desk database, as a whole process and against plain
//! SQL.
//!
//! `cargo bench --bench recap` runs `aduan recap --month …` and `--year …`
//! with `--format json` on the benchmark desk (see `common::bench_desk`),
//! ten times each, and prints wall-clock percentiles and the largest resident
//! memory. When the `sqlite3` shell is installed it then computes the same
//! headline figures (received, closed, closed on time, forwarded, open and
//! overdue at the end) with plain SQL over the same file, checks they agree
//! and prints the ratio of the two times.

use std::process::Command;
use std::time::{Duration, Instant};

use aduan::domain::recap::month_bounds;
use aduan::service::OpenOptions;

mod common;
use common::report;

const RUNS: usize = 10;

fn main() {
    let opts = common::bench_desk();
    let month = std::env::var("ADUAN_BENCH_MONTH").unwrap_or_else(|_| "2026-10".into());
    let year = std::env::var("ADUAN_BENCH_YEAR").unwrap_or_else(|_| "2025".into());
    let (y, m) = month
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse().ok()?, m.parse().ok()?)))
        .expect("ADUAN_BENCH_MONTH as YYYY-MM");
    let y_only: i32 = year.parse().expect("ADUAN_BENCH_YEAR as YYYY");

    let month_json = compare(
        &opts,
        &format!("month {month}"),
        &["--month", &month],
        &[month_bounds(y, m).expect("a month")],
    );
    let year_months: Vec<_> = (1..=12)
        .map(|m| month_bounds(y_only, m).expect("a month"))
        .collect();
    compare(
        &opts,
        &format!("year {year}"),
        &["--year", &year],
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

/// Times `aduan recap <span> --format json`, then plain SQL for each month,
/// checks the figures agree and prints both times. Returns the JSON.
fn compare(
    opts: &OpenOptions,
    what: &str,
    span: &[&str],
    months: &[(chrono::NaiveDate, chrono::NaiveDate)],
) -> String {
    let (json, mut ours) = run_recap(opts, span);
    report(
        &format!("aduan recap --{what} --format json (process)"),
        &mut ours,
    );
    println!(
        "  largest resident memory of a run: {} MB",
        max_child_rss_mb()
    );
    let figures: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let columns: Vec<&serde_json::Value> = match figures.get("periods") {
        Some(p) => p.as_array().expect("periods").iter().collect(),
        None => vec![&figures],
    };
    let Some((sql_figures, mut plain)) = plain_sql(opts, months) else {
        println!("  (no sqlite3 shell: plain SQL comparison skipped)");
        return json;
    };
    for (column, sql) in columns.iter().zip(&sql_figures) {
        let ours: Vec<u64> = HEADLINE
            .iter()
            .map(|k| column[*k].as_u64().unwrap_or(0))
            .collect();
        assert_eq!(&ours, sql, "figures differ from plain SQL for {what}");
    }
    println!("  plain SQL agrees on {HEADLINE:?}: {:?}", sql_figures[0]);
    report(&format!("sqlite3 shell, plain SQL, {what}"), &mut plain);
    let median = |v: &[Duration]| v[v.len() / 2].as_secs_f64();
    println!(
        "  ratio plain SQL / aduan (medians): {:.1}",
        median(&plain) / median(&ours)
    );
    json
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

/// The headline figures of each month by plain SQL over the readable
/// columns of `recap_cases`, as someone checking aduan would write them.
fn month_sql(start: &str, end: &str) -> String {
    format!(
        "SELECT
  (SELECT count(*) FROM recap_cases WHERE received_on BETWEEN '{start}' AND '{end}'),
  (SELECT count(*) FROM recap_cases WHERE finished_status = 'closed' AND finished_on BETWEEN '{start}' AND '{end}'),
  (SELECT count(*) FROM recap_cases WHERE finished_status = 'closed' AND finished_on BETWEEN '{start}' AND '{end}' AND finished_on <= deadline),
  (SELECT count(*) FROM recap_cases WHERE forwarded_on BETWEEN '{start}' AND '{end}'),
  (SELECT count(*) FROM recap_cases WHERE received_on <= '{end}' AND (finished_on IS NULL OR finished_on > '{end}')),
  (SELECT count(*) FROM recap_cases WHERE received_on <= '{end}' AND (finished_on IS NULL OR finished_on > '{end}') AND deadline < '{end}');\n"
    )
}

fn plain_sql(
    opts: &OpenOptions,
    months: &[(chrono::NaiveDate, chrono::NaiveDate)],
) -> Option<(Vec<Vec<u64>>, Vec<Duration>)> {
    let script: String = months
        .iter()
        .map(|(s, e)| month_sql(&s.to_string(), &e.to_string()))
        .collect();
    let mut times = Vec::new();
    let mut figures = Vec::new();
    for _ in 0..RUNS.min(3) {
        let start = Instant::now();
        let out = Command::new("sqlite3")
            .arg("-readonly")
            .arg(opts.db.as_ref()?)
            .arg(&script)
            .output()
            .ok()?;
        times.push(start.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        figures = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.split('|').map(|n| n.parse().unwrap_or(0)).collect())
            .collect();
    }
    Some((figures, times))
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
