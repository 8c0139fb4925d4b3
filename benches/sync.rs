//! Merging a large bundle into a large desk, against plain SQL writing the
//! same rows.
//!
//! `cargo bench --bench sync` takes the benchmark desk (see
//! `common::bench_desk`, 1,000,000 cases by default), makes a second desk of
//! its office in `ADUAN_BENCH_SYNC_DIR` (default `/tmp/aduan-bench-sync`)
//! with `ADUAN_BENCH_NEW_CASES` demo cases (default 100,000), exports its
//! bundle, and merges it into a flushed copy of the large desk twice: the
//! first merge takes everything, the second finds nothing new.
//!
//! The baseline is plain SQL through the same SQLite build (rusqlite) and
//! settings, on a second flushed copy of the large desk: in one transaction
//! it inserts exactly the rows aduan's merge added (events, case ids, cases,
//! recap facts, notes, links, counters, the desk's roster entry and
//! checkpoint) into the same tables with the same indexes, and each new
//! case's words into the same full-text index (from its registration).
//! The rows are read out of the merged copy beforehand, untimed, so the
//! baseline does only the writing. It prints aduan / plain. Needs about
//! three times the large desk's size in free disk.
//!
//! Bundles are sealed to the office secret: the time of sealing (age
//! encryption of the SQLite file) and of opening (decrypting it to a
//! private copy) are printed on their own, so what encryption adds to an
//! export and a merge can be read off.

use std::path::{Path, PathBuf};
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
    common::copy_database(&source, &copy);
    println!(
        "copied the large desk and flushed the copy in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let opts = OpenOptions {
        config: big.config.clone(),
        db: Some(copy.clone()),
        ..OpenOptions::default()
    };
    let mut desk = Desk::open(&opts).unwrap();
    let before = desk.store.count_events().unwrap();
    let last_case = max_n(&copy, "case_ids");
    let last_desk = max_n(&copy, "desks");
    let mut ours = Vec::new();
    for round in ["first merge (everything new)", "second merge (nothing new)"] {
        let start = Instant::now();
        // Opening (decrypting) the bundle is part of each merge.
        let outcome = desk.merge_bundle(&bundle, true, &mut |_, _| {}).unwrap();
        let took = start.elapsed().as_secs_f64();
        ours.push(took);
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
    let target = dir.join("besar-plain.db");
    common::copy_database(&source, &target);
    let theirs = plain_sql(&target, &copy, (last_case, last_desk));
    for (round, (a, b)) in ["first", "second"].iter().zip(ours.iter().zip(&theirs)) {
        println!(
            "{round} merge: aduan {a:.2} s, plain SQL {b:.2} s, ratio aduan / plain {:.2} (target 1.5)",
            a / b
        );
    }
    drop(plain);
}

fn max_n(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        &format!("SELECT coalesce(max(n), 0) FROM {table}"),
        [],
        |r| r.get(0),
    )
    .unwrap()
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

/// The tables a merge adds rows to, each with the rows of it that are new:
/// `?1` is the last case number and `?2` the last desk number before it.
const NEW_ROWS: [(&str, &str); 12] = [
    ("desks", "n > ?2"),
    ("case_ids", "n > ?1"),
    ("events", "desk > ?2"),
    ("cases", "n > ?1"),
    ("recap_cases", "n > ?1"),
    ("notes", "case_n > ?1"),
    ("case_links", "n > ?1"),
    ("agenda_counters", "desk > ?2"),
    ("letter_counters", "desk > ?2"),
    ("checkpoints", "desk > ?2"),
    (
        "imports",
        "n > (SELECT coalesce(max(n), 0) FROM main.imports)",
    ),
    (
        "attachments",
        "sha256 NOT IN (SELECT sha256 FROM main.attachments)",
    ),
];

/// Plain SQL writing what aduan's merge wrote into `merged` into `target`
/// (a fresh copy of the same desk), twice: all new, then all ignored.
/// Returns the time of each round in seconds.
fn plain_sql(target: &Path, merged: &Path, (last_case, last_desk): (i64, i64)) -> Vec<f64> {
    let conn = common::plain_connection(target);
    conn.pragma_update(None, "temp_store", "MEMORY").unwrap();
    conn.execute("ATTACH ?1 AS merged", [merged.to_str().unwrap()])
        .unwrap();
    let start = Instant::now();
    for (table, new) in NEW_ROWS {
        let new = new
            .replace("?1", &last_case.to_string())
            .replace("?2", &last_desk.to_string());
        conn.execute_batch(&format!(
            "CREATE TEMP TABLE new_{table} AS SELECT * FROM merged.{table} WHERE {new}"
        ))
        .unwrap();
    }
    let words = search_rows(&conn);
    conn.execute_batch("DETACH merged").unwrap();
    println!(
        "plain SQL: the new rows read out of the merged copy in {:.1} s ({words} cases' words)",
        start.elapsed().as_secs_f64()
    );
    let mut times = Vec::new();
    for round in ["first", "second"] {
        let verb = if round == "first" {
            "INSERT"
        } else {
            "INSERT OR IGNORE"
        };
        let start = Instant::now();
        let tx = conn.unchecked_transaction().unwrap();
        for (table, _) in NEW_ROWS {
            tx.execute(
                &format!("{verb} INTO main.{table} SELECT * FROM new_{table}"),
                [],
            )
            .unwrap();
        }
        if round == "first" {
            tx.execute(
                "INSERT INTO main.case_search (rowid, agenda_no, name, nik, phone, subject, description)
                 SELECT * FROM new_words",
                [],
            )
            .unwrap();
        }
        tx.commit().unwrap();
        let took = start.elapsed().as_secs_f64();
        println!("plain SQL, {round} round: {took:.2} s");
        times.push(took);
    }
    times
}

/// Each new case's words for the full-text index, as aduan indexes them,
/// from its registration. Returns how many cases.
fn search_rows(conn: &rusqlite::Connection) -> usize {
    use aduan::domain::event::{Event, Payload};
    conn.execute_batch(
        "CREATE TEMP TABLE new_words (rowid INTEGER PRIMARY KEY, agenda_no, name, nik, phone, subject, description)",
    )
    .unwrap();
    let mut insert = conn
        .prepare("INSERT INTO new_words VALUES (?, ?, ?, ?, ?, ?, ?)")
        .unwrap();
    let mut stmt = conn
        .prepare("SELECT case_n, body FROM new_events WHERE kind = 'registered'")
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    let mut count = 0;
    while let Some(row) = rows.next().unwrap() {
        let event = Event::decode(row.get_ref(1).unwrap().as_blob().unwrap()).unwrap();
        let Payload::CaseRegistered(r) = &event.payload else {
            continue;
        };
        let who = &r.input.complainant;
        insert
            .execute(rusqlite::params![
                row.get::<_, i64>(0).unwrap(),
                r.agenda_no,
                who.name,
                who.nik.clone().unwrap_or_default(),
                who.phone
                    .as_deref()
                    .map(aduan::store::phone_words)
                    .unwrap_or_default(),
                r.input.subject,
                r.input.description,
            ])
            .unwrap();
        count += 1;
    }
    count
}
