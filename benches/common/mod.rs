//! What every benchmark shares: the large desk database and the report lines.

use std::path::PathBuf;
use std::time::Duration;

use aduan::demo::{self, DemoOptions};
use aduan::service::{Desk, OpenOptions};

/// The desk at `ADUAN_BENCH_DB` (default `/tmp/aduan-bench/aduan.db`, its
/// config beside it), filled first with `ADUAN_BENCH_CASES` demo cases
/// (default 1,000,000) if it does not exist yet. An existing desk is never
/// opened here: opening an older database migrates it, and that belongs to
/// the copy.
pub fn bench_desk() -> OpenOptions {
    let db = std::env::var("ADUAN_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| "/tmp/aduan-bench/aduan.db".into());
    let cases: u64 = std::env::var("ADUAN_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let opts = OpenOptions {
        config: Some(db.with_file_name("config.toml")),
        db: Some(db.clone()),
        ..OpenOptions::default()
    };
    if !db.exists() {
        ensure_data(&opts, cases);
    }
    opts
}

/// A copy of the bench desk that a benchmark may change (notes added,
/// drafts and the last person written) without changing the desk itself;
/// removed when dropped.
#[allow(dead_code)]
pub struct Scratch {
    pub opts: OpenOptions,
    _dir: tempfile::TempDir,
}

/// Copies the desk's database (and its write-ahead log, if one is left)
/// and configuration into a new temporary folder. The copy is made from
/// the files, so the desk is never opened for it.
#[allow(dead_code)]
pub fn scratch_copy(opts: &OpenOptions) -> Scratch {
    let db = opts.db.clone().expect("the bench names its database");
    let dir = tempfile::Builder::new()
        .prefix("aduan-bench-copy-")
        .tempdir()
        .unwrap();
    let started = std::time::Instant::now();
    let copy = dir.path().join("aduan.db");
    copy_database(&db, &copy);
    let config = dir.path().join("config.toml");
    if let Some(original) = &opts.config {
        std::fs::copy(original, &config).unwrap();
    }
    eprintln!(
        "working on a copy of {} ({:.1} s to copy)",
        db.display(),
        started.elapsed().as_secs_f64()
    );
    Scratch {
        opts: OpenOptions {
            config: Some(config),
            db: Some(copy),
            ..OpenOptions::default()
        },
        _dir: dir,
    }
}

/// Copies a database file and its write-ahead log (if one is left) and
/// flushes both to the disk, so the writing-out of the copy is never part of
/// what is measured after it.
#[allow(dead_code)]
pub fn copy_database(from: &std::path::Path, to: &std::path::Path) {
    copy_flushed(from, to);
    let wal = with_suffix(from, "-wal");
    if wal.exists() {
        copy_flushed(&wal, &with_suffix(to, "-wal"));
    }
}

fn copy_flushed(from: &std::path::Path, to: &std::path::Path) {
    std::fs::copy(from, to).unwrap();
    std::fs::File::open(to).unwrap().sync_all().unwrap();
}

/// A connection to `db` through the same SQLite build and the same settings
/// as aduan's own (`Store::open`): the plain baselines' yardstick.
#[allow(dead_code)]
pub fn plain_connection(db: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    conn.pragma_update(None, "cache_size", -8_192).unwrap();
    conn
}

/// Prints aduan's median beside the baseline's and their ratio.
#[allow(dead_code)]
pub fn ratio(what: &str, ours: &mut [Duration], plain: &mut [Duration]) {
    // The same p50 as `report` prints.
    let median = |v: &mut [Duration]| {
        v.sort();
        v[v.len().div_ceil(2) - 1].as_secs_f64()
    };
    let (a, b) = (median(ours), median(plain));
    println!(
        "  {what}: aduan {:.2} ms, plain SQL {:.2} ms, ratio aduan / plain {:.2}",
        a * 1e3,
        b * 1e3,
        a / b
    );
}

fn with_suffix(path: &std::path::Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn ensure_data(opts: &OpenOptions, cases: u64) {
    let mut desk = Desk::open(opts).unwrap();
    if desk.store.count_cases().unwrap() > 0 {
        return;
    }
    eprintln!(
        "filling {} with {cases} demo cases…",
        desk.locations.database.display()
    );
    let to = desk.today();
    let from = to - chrono::Duration::days(730);
    let o = DemoOptions {
        cases,
        seed: 1,
        from,
        to,
    };
    demo::generate(&mut desk, &o, &mut |done, total| {
        eprintln!("{done}/{total}")
    })
    .unwrap();
}

#[allow(dead_code)]
pub fn report(what: &str, samples: &mut [Duration]) {
    samples.sort();
    let pct =
        |p: f64| samples[((samples.len() as f64 * p).ceil() as usize).clamp(1, samples.len()) - 1];
    println!(
        "{what}: n={} p50={:.2} ms p99={:.2} ms max={:.2} ms",
        samples.len(),
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        samples[samples.len() - 1].as_secs_f64() * 1e3
    );
}

#[allow(dead_code)]
pub fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse()
                    .unwrap_or(0)
            })
        })
        .unwrap_or(0)
}

/// The fact rows `Store::recap_each` reads for a period, by the same
/// ranges of the fact table, each packed column's bytes touched: the
/// plain yardstick of a recap. Returns the number of rows.
#[allow(dead_code)]
pub fn read_recap_facts(
    conn: &rusqlite::Connection,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
) -> u64 {
    let mut rows = 0;
    for filter in [
        "finished_on = '' AND received_on <= ?2",
        "finished_on >= ?1 AND received_on <= ?2",
    ] {
        let sql = format!("SELECT n, packed FROM recap_cases WHERE {filter}");
        let mut stmt = conn.prepare_cached(&sql).unwrap();
        let mut found = stmt.query([start.to_string(), end.to_string()]).unwrap();
        while let Some(row) = found.next().unwrap() {
            std::hint::black_box(row.get_ref(1).unwrap().as_blob().unwrap().len());
            rows += 1;
        }
    }
    rows
}
