//! Merging a large bundle into a large desk, against plain SQL.
//!
//! `cargo bench --bench sync` takes the benchmark desk (see
//! `common::bench_desk`, 1,000,000 cases by default), makes a second desk of
//! its office in `ADUAN_BENCH_SYNC_DIR` (default `/tmp/aduan-bench-sync`)
//! with `ADUAN_BENCH_NEW_CASES` demo cases (default 100,000), exports its
//! bundle, and merges it into a copy of the large desk twice: the first
//! merge takes everything, the second finds nothing new. Then the `sqlite3`
//! shell (when installed) does the plain-SQL equivalent on the same files:
//! `ATTACH` and `INSERT OR IGNORE … SELECT` of the bundle's event rows,
//! twice. Needs about twice the large desk's size in free disk.
//!
//! Bundles are sealed to the office secret: the time of sealing (age
//! encryption of the SQLite file) and of opening (decrypting it to a
//! private copy) are printed on their own, so what encryption adds to an
//! export and a merge can be read off.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use aduan::demo::{self, DemoOptions};
use aduan::service::{Desk, OpenOptions};
use aduan::store::seal::{self, OfficeSecret, PrivateDir, SealKind};

mod common;

fn main() {
    let big = common::bench_desk();
    let dir: PathBuf = std::env::var("ADUAN_BENCH_SYNC_DIR")
        .unwrap_or_else(|_| "/tmp/aduan-bench-sync".into())
        .into();
    let new_cases: u64 = std::env::var("ADUAN_BENCH_NEW_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();

    let (office, secret) = {
        let desk = Desk::open(&big).unwrap();
        if !desk.has_office_secret().unwrap() {
            desk.new_office_secret().unwrap();
        }
        (desk.office().unwrap(), desk.office_secret().unwrap())
    };
    let bundle = second_desk_bundle(&dir, office, &secret, new_cases);
    let size = std::fs::metadata(&bundle).unwrap().len();
    let plain = seal_costs(&dir, &bundle, office, &secret);

    let copy = dir.join("besar.db");
    let start = Instant::now();
    let source = big.db.clone().unwrap();
    std::fs::copy(&source, &copy).unwrap();
    // Another reader may hold recent commits in the write-ahead log.
    let wal = PathBuf::from(format!("{}-wal", source.display()));
    if wal.exists() {
        std::fs::copy(&wal, format!("{}-wal", copy.display())).unwrap();
    }
    println!(
        "copied the large desk in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let opts = OpenOptions {
        config: big.config.clone(),
        db: Some(copy.clone()),
        ..OpenOptions::default()
    };
    let mut desk = Desk::open(&opts).unwrap();
    let before = desk.store.count_events().unwrap();
    for round in ["first merge (everything new)", "second merge (nothing new)"] {
        let start = Instant::now();
        // Opening (decrypting) the bundle is part of each merge.
        let outcome = desk.merge_bundle(&bundle, true, &mut |_, _| {}).unwrap();
        let took = start.elapsed().as_secs_f64();
        let new: u64 = outcome.new_events.values().sum();
        println!(
            "{round}: {took:.2} s, {new} new events, {} cases added",
            outcome.cases_added
        );
    }
    let after = desk.store.count_events().unwrap();
    println!(
        "bundle: {size} bytes; events {before} → {after}; peak resident memory {} MB",
        common::peak_rss_kb() / 1024
    );
    drop(desk);
    plain_sql(&copy, &plain.file("bundle.db"));
}

/// Opens (decrypts) the sealed bundle and seals its plaintext again, each
/// timed on its own; the decrypted copy is kept for the plain-SQL run.
fn seal_costs(dir: &Path, bundle: &Path, office: uuid::Uuid, secret: &OfficeSecret) -> PrivateDir {
    let scratch = PrivateDir::new_in(dir).unwrap();
    let start = Instant::now();
    let (preamble, plain) = seal::unseal(
        bundle,
        SealKind::Bundle,
        Some(office),
        secret,
        &scratch,
        "bundle.db",
    )
    .unwrap();
    let opened = start.elapsed().as_secs_f64();
    let again = dir.join("again.aduan");
    let _ = std::fs::remove_file(&again);
    let start = Instant::now();
    seal::seal(&plain, &again, &preamble, secret).unwrap();
    let sealed = start.elapsed().as_secs_f64();
    println!(
        "sealing (age encryption, flushed): {sealed:.2} s; opening (decrypting to a private copy): {opened:.2} s; plaintext {} bytes",
        std::fs::metadata(&plain).unwrap().len()
    );
    let _ = std::fs::remove_file(&again);
    scratch
}

/// A desk of the same office with `cases` demo cases of its own, and its bundle.
fn second_desk_bundle(
    dir: &Path,
    office: uuid::Uuid,
    secret: &OfficeSecret,
    cases: u64,
) -> PathBuf {
    let config = dir.join("config.toml");
    std::fs::write(&config, "[desk]\ncode = \"LKT9\"\nname = \"Loket 9\"\n").unwrap();
    let opts = OpenOptions {
        config: Some(config),
        db: Some(dir.join("loket9.db")),
        ..OpenOptions::default()
    };
    let mut desk = Desk::open(&opts).unwrap();
    desk.store.set_office_id(office).unwrap();
    desk.keep_office_secret(secret).unwrap();
    let to = desk.today();
    let start = Instant::now();
    demo::generate(
        &mut desk,
        &DemoOptions {
            cases,
            seed: 2,
            from: to - chrono::Duration::days(365),
            to,
        },
        &mut |_, _| {},
    )
    .unwrap();
    println!(
        "second desk: {cases} demo cases in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    let out = desk.export_bundle(Some(dir), true).unwrap();
    println!(
        "export (sealing included): {} events in {:.2} s",
        out.events,
        start.elapsed().as_secs_f64()
    );
    out.path
}

/// The same rows by plain SQL in the `sqlite3` shell: into a table of the
/// large desk's copy, all new the first time, all ignored the second.
fn plain_sql(db: &std::path::Path, bundle: &std::path::Path) {
    let script = format!(
        "ATTACH '{}' AS b;
         CREATE TABLE IF NOT EXISTS plain_events (desk BLOB, seq INTEGER, hash BLOB, body BLOB,
             PRIMARY KEY (desk, seq)) WITHOUT ROWID;
         INSERT OR IGNORE INTO plain_events SELECT desk, seq, hash, body FROM b.events;",
        bundle.display()
    );
    for round in ["first", "second"] {
        let start = Instant::now();
        let Ok(out) = Command::new("sqlite3").arg(db).arg(&script).output() else {
            println!("(no sqlite3 shell: plain SQL comparison skipped)");
            return;
        };
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        println!(
            "plain SQL, {round} INSERT OR IGNORE … SELECT: {:.2} s",
            start.elapsed().as_secs_f64()
        );
    }
}
