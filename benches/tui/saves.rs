//! Bytes written to the disk per save, from `/proc/self/io`, against one
//! plain fsync'd commit of an event-sized row in the same database.

use aduan::domain::draft::CaseDraft;
use aduan::domain::event::NoteKind;
use aduan::service::{Desk, OpenOptions};

use crate::common;

const SAVES: usize = 20;

/// This process's I/O counters: `wchar` (bytes handed to write calls) and
/// `write_bytes` (bytes it caused to be written to the storage layer).
fn io_counters() -> (u64, u64) {
    let text = std::fs::read_to_string("/proc/self/io").unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    };
    (field("wchar:"), field("write_bytes:"))
}

/// Runs `save` `SAVES` times and prints the mean bytes per save.
fn per_save(what: &str, mut save: impl FnMut(usize)) -> u64 {
    let (wchar, bytes) = io_counters();
    for i in 0..SAVES {
        save(i);
    }
    let (wchar_after, bytes_after) = io_counters();
    let n = SAVES as u64;
    let written = (bytes_after - bytes) / n;
    println!(
        "  {what}: {} KB written to the disk per save ({} KB in write calls), mean of {SAVES}",
        written / 1024,
        (wchar_after - wchar) / n / 1024,
    );
    written
}

fn draft(i: usize) -> CaseDraft {
    CaseDraft {
        kind: "pengaduan".into(),
        channel: "loket".into(),
        name: format!("Pelapor Uji {i}"),
        phone: "0812-3456-7890".into(),
        address: "Jl. Basuki Rahmat No. 5, Situbondo".into(),
        subject: "PBG belum terbit setelah berkas lengkap".into(),
        description: "Berkas sudah lengkap sejak bulan lalu, tetapi PBG belum terbit.".into(),
        ..CaseDraft::default()
    }
}

pub fn save_bytes(opts: &OpenOptions) {
    let mut desk = Desk::open(opts).unwrap();
    let who = desk.acting_as(None, None).unwrap();
    let mut agendas = Vec::new();
    let register = per_save("register a case", |i| {
        agendas.push(desk.register(&draft(i), &who).unwrap().agenda_no);
    });
    let note = per_save("add a note", |i| {
        let fields = vec![("teks".to_string(), format!("Catatan uji {i}"))];
        desk.add_note(&agendas[i], NoteKind::Catatan, &fields, None, &who)
            .unwrap();
    });
    let kadis = desk.acting_as(None, Some("kadis")).unwrap();
    let act = per_save("record the Kadis's paper disposition", |i| {
        let input = aduan::service::ActInput {
            to: Some("kabid-dip".into()),
            ..Default::default()
        };
        desk.act(&agendas[i], "disposisi", &input, &kadis).unwrap();
    });
    drop(desk);
    let plain = common::plain_connection(opts.db.as_ref().unwrap());
    plain
        .execute_batch("CREATE TABLE IF NOT EXISTS bench_plain (n INTEGER PRIMARY KEY, body BLOB)")
        .unwrap();
    let row = per_save("plain SQL: one fsync'd commit of an 800-byte row", |_| {
        plain
            .execute("INSERT INTO bench_plain (body) VALUES (zeroblob(800))", [])
            .unwrap();
    });
    for (what, bytes) in [("register", register), ("note", note), ("disposition", act)] {
        println!(
            "  {what}: ratio aduan / plain row {:.1} (target: at most 64 KB a save)",
            bytes as f64 / row.max(1) as f64
        );
    }
}
