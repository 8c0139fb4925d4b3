//! What every benchmark shares: the large desk database and the report lines.

use std::path::PathBuf;
use std::time::Duration;

use aduan::demo::{self, DemoOptions};
use aduan::service::{Desk, OpenOptions};

/// The desk at `ADUAN_BENCH_DB` (default `/tmp/aduan-bench/aduan.db`, its
/// config beside it), filled first with `ADUAN_BENCH_CASES` demo cases
/// (default 1,000,000) if it is empty.
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
    ensure_data(&opts, cases);
    opts
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
