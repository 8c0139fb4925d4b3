//! Desk sync from the terminal interface, in real terminals: two desks of
//! one office exchange bundles through a shared folder with F8, one accepts
//! the other after seeing its key fingerprint, and a case changed on both
//! desks apart is marked "perlu keputusan" and settled from the inbox.

mod common;

use std::time::{Duration, Instant};

use common::term::Term;

const KASI: usize = 1;

/// Signs in as the person at `index` of the config's people and opens the inbox.
fn sign_in_to_inbox(term: &Term, index: usize) {
    term.wait_for("Siapa yang bertugas?");
    for _ in 0..index {
        term.keys(&["Down"]);
    }
    term.keys(&["Enter"]);
    term.wait_for("Pengaduan baru");
    term.keys(&["M-2"]);
    term.wait_for("Antrean saya");
}

/// Waits until the screen shows every one of `texts` (a frame may be
/// captured half drawn), and returns the screen.
fn wait_for_all(term: &Term, texts: &[&str]) -> String {
    let start = Instant::now();
    loop {
        let screen = term.screen();
        let missing: Vec<&&str> = texts.iter().filter(|t| !screen.contains(**t)).collect();
        if missing.is_empty() {
            return screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{missing:?} never appeared:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// F8, the folder typed over whatever the config remembered, Enter.
fn sync_with(term: &Term, folder: &str) {
    term.keys(&["F8"]);
    term.wait_for("Sinkron antar loket");
    term.keys(&["C-u"]);
    term.type_text(folder);
    term.wait_for(folder);
    term.keys(&["Enter"]);
}

#[test]
fn two_desks_sync_from_the_terminal_and_settle_a_conflict() {
    // LKT1 founded the office; LKT2 joined from its bundle. Each has a case.
    let (founder, joiner) = common::two_desks();
    let usb = tempfile::tempdir().unwrap();
    let folder = usb.path().to_str().unwrap().to_string();
    // Each desk keeps one file in the folder: its code and the start of its id.
    let bundle_of = |desk: &common::TestDesk| {
        let d = desk.open();
        format!(
            "aduan-{}-{}.aduan",
            d.local.code,
            &d.local.id.simple().to_string()[..8]
        )
    };
    let (lkt1, lkt2) = (bundle_of(&founder), bundle_of(&joiner));

    // Desk A (LKT2) syncs first: nothing to merge yet, its bundle is written;
    // a half-copied file lying there is named and left alone.
    let half = usb.path().join("aduan-setengah.aduan");
    std::fs::write(&half, b"SQLite format 3").unwrap();
    let a = Term::start(joiner, "sync-a");
    sign_in_to_inbox(&a, KASI);
    sync_with(&a, &folder);
    wait_for_all(
        &a,
        &[
            "Sinkron selesai",
            "aduan-setengah.aduan dilewati (tidak dihapus)",
            &format!("ditulis ke folder: {lkt2}"),
            "Enter/Esc: tutup",
        ],
    );
    assert!(half.is_file());
    std::fs::remove_file(&half).unwrap();
    a.keys(&["Escape"]);
    a.wait_gone("Sinkron selesai");
    wait_for_all(&a, &["│ Sinkron: 2026-11-20 10:00"]);
    assert!(
        std::fs::read_to_string(a.desk.config())
            .unwrap()
            .contains(&folder),
        "the folder is remembered"
    );

    // Desk B (LKT1) does not know LKT2 yet: its fingerprint is shown and
    // nothing is merged before y.
    let fingerprint = a.desk.open().fingerprint().unwrap();
    let b = Term::start(founder, "sync-b");
    sign_in_to_inbox(&b, KASI);
    assert!(!b.screen().contains("0001/PGD/LKT2/2026"));
    sync_with(&b, &folder);
    wait_for_all(
        &b,
        &[
            "Loket belum dikenal",
            "Bundel dari loket LKT2",
            &format!("Sidik kunci: {fingerprint}"),
            "y: percayai loket ini",
        ],
    );
    assert_eq!(
        b.desk
            .json(&["case", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    b.keys(&["y"]);
    wait_for_all(
        &b,
        &[
            "Sinkron selesai",
            &lkt2,
            "Peristiwa baru dari loket LKT2: 1",
            &format!("Loket baru: LKT2 (sidik kunci {fingerprint})"),
            "Kasus baru: 1",
            &format!("ditulis ke folder: {lkt1}"),
            "Enter/Esc: tutup",
        ],
    );
    b.keys(&["Escape"]);
    b.wait_gone("Sinkron selesai");
    wait_for_all(&b, &["0001/PGD/LKT2/2026", "Terbuka 2"]);

    // The name corrected on both desks apart, exchanged on the command line.
    let case = common::name_corrected_apart(&b.desk, &a.desk);
    // Back to the inbox so it is read again.
    b.keys(&["M-1"]);
    b.wait_for("Pengaduan baru");
    b.keys(&["M-2"]);
    wait_for_all(
        &b,
        &[
            &format!("✗⚑{case}"),
            "⚑ Perlu keputusan (c: putuskan): Nama pelapor",
            "Siti Aminah · LKT1 · Operator Loket · 2026-11-20 08:00",
            "Sity Aminah · LKT2 · Operator Loket · 2026-11-20 09:00",
            "[c] putuskan perbedaan",
        ],
    );

    // c: the form starts on the first value; → the other; ← back; Enter keeps it.
    b.keys(&["c"]);
    b.wait_for("Putuskan perbedaan");
    b.wait_for("▶ Siti Aminah");
    b.keys(&["Right"]);
    b.wait_for("▶ Sity Aminah");
    b.keys(&["Left"]);
    b.wait_for("▶ Siti Aminah");
    b.keys(&["Enter"]);
    b.wait_gone("Putuskan perbedaan");
    b.wait_gone("Perlu keputusan");
    b.wait_gone("⚑");
    let shown = b.desk.json(&["case", "show", &case, "--json"]);
    assert!(shown["conflicts"].as_array().unwrap().is_empty(), "{shown}");
    assert_eq!(shown["complainant"]["name"], "Siti Aminah");

    // The next sync takes the decision to the other desk too.
    sync_with(&b, &folder);
    wait_for_all(&b, &["Sinkron selesai", "Enter/Esc: tutup"]);
    sync_with(&a, &folder);
    wait_for_all(
        &a,
        &["Sinkron selesai", "Kasus berubah: 1", "Enter/Esc: tutup"],
    );
    assert!(a.desk.conflicts(&case).is_empty());

    // The Kadis's disposition recorded differently on the two desks apart:
    // c picks the version to keep.
    b.desk.act(
        &case,
        "disposisi",
        &["--as", "kadis", "--instruction", "tindak-lanjuti"],
    );
    a.desk.act(
        &case,
        "disposisi",
        &["--as", "kadis", "--instruction", "koordinasikan"],
    );
    let from_a = a.desk.export_to("a-dispo.aduan");
    b.desk.ok(&["sync", "merge", from_a.to_str().unwrap()]);
    b.keys(&["Escape"]);
    b.wait_gone("Sinkron selesai");
    b.keys(&["M-1"]);
    b.wait_for("Pengaduan baru");
    b.keys(&["M-2"]);
    b.keys(&["F3"]);
    wait_for_all(
        &b,
        &["⚑ Perlu keputusan (c: pilih versi yang berlaku): Langkah"],
    );
    b.keys(&["c"]);
    b.wait_for("Putuskan perbedaan");
    b.wait_for("pilih versi yang berlaku · ↑↓");
    let screen = b.screen();
    if !screen.contains("▶ → kabid-dip · koordinasikan") {
        b.keys(&["Right"]);
    }
    b.wait_for("▶ → kabid-dip · koordinasikan");
    b.keys(&["Enter"]);
    b.wait_gone("Putuskan perbedaan");
    b.wait_gone("⚑");
    let shown = b.desk.json(&["case", "show", &case, "--json"]);
    assert!(shown["conflicts"].as_array().unwrap().is_empty(), "{shown}");
    let step = &shown["steps"][1];
    assert!(
        step["result"].as_str().unwrap().contains("koordinasikan"),
        "{step}"
    );
}
