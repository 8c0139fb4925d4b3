//! Desk sync by copying files, through the real binary: joining an office,
//! exchanging bundles, and every refusal leaving the database as it was.

mod common;

use std::path::{Path, PathBuf};

use common::{TestDesk, agendas, file_sha};

/// Two desks of one office, each with a case of its own, not yet exchanged.
fn office() -> (TestDesk, TestDesk) {
    let a = TestDesk::new();
    a.add_case("2026-11-16 09:00");
    let b = TestDesk::joining("LKT2", &a.export_to("a0.aduan"));
    b.add_case("2026-11-17 09:00");
    (a, b)
}

/// The two desks of [`office`], each having merged the other's bundle once.
fn exchanged_office() -> (TestDesk, TestDesk) {
    let (a, b) = office();
    b.ok(&["sync", "merge", a.export_to("a1.aduan").to_str().unwrap()]);
    a.ok(&[
        "sync",
        "merge",
        b.export_to("b1.aduan").to_str().unwrap(),
        "--trust-new-desk",
    ]);
    (a, b)
}

#[test]
fn desks_exchange_bundles_and_a_merge_is_idempotent() {
    let (a, b) = office();
    assert_eq!(agendas(&b), ["0001/PGD/LKT1/2026", "0001/PGD/LKT2/2026"]);
    let from_b = b.export_to("b1.aduan");
    let out = a.ok(&[
        "sync",
        "merge",
        from_b.to_str().unwrap(),
        "--trust-new-desk",
    ]);
    assert!(out.contains("Peristiwa baru dari loket LKT2: 1"), "{out}");
    assert!(out.contains("Kasus baru: 1"), "{out}");
    assert_eq!(agendas(&a), agendas(&b));

    let before = file_sha(&a.db());
    let again = a.ok(&["sync", "merge", from_b.to_str().unwrap()]);
    assert!(again.contains("Tidak ada yang baru"), "{again}");
    assert_eq!(file_sha(&a.db()), before, "merging again changes nothing");

    // A change on one desk reaches the other.
    a.act("0001/PGD/LKT2/2026", "disposisi", &["--as", "kadis"]);
    b.ok(&["sync", "merge", a.export_to("a2.aduan").to_str().unwrap()]);
    let shown = b.json(&["case", "show", "0001/PGD/LKT2/2026", "--json"]);
    assert_eq!(shown["timeline"].as_array().unwrap().len(), 2);
    assert!(b.ok(&["check"]).contains("LKT1"));
}

#[test]
fn a_folder_sync_exports_and_merges_in_one_step_and_is_remembered() {
    let (a, b) = office();
    let usb = tempfile::tempdir().unwrap();
    let folder = usb.path().to_str().unwrap();
    b.ok(&["sync", "--folder", folder]);
    let out = a.ok(&["sync", "--folder", folder, "--trust-new-desk"]);
    assert!(out.contains("Kasus baru: 1"), "{out}");
    // Remembered: the next sync needs no folder, and B gets A's news.
    b.ok(&["sync"]);
    assert_eq!(agendas(&a), agendas(&b));
    let mut names: Vec<String> = std::fs::read_dir(usb.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // One bundle per desk, under its code and the start of its id, and the
    // folder's note to Syncthing.
    let own = |d: &TestDesk| {
        let desk = d.open();
        format!(
            "aduan-{}-{}.aduan",
            desk.local.code,
            &desk.local.id.simple().to_string()[..8]
        )
    };
    let mut expected = vec![".stignore".to_string(), own(&a), own(&b)];
    expected.sort();
    assert_eq!(names, expected);
    assert!(
        std::fs::read_to_string(b.config())
            .unwrap()
            .contains(&format!("folder = \"{folder}\""))
    );
}

/// Runs a merge that must be refused, and checks the message and that the
/// database file did not change by a byte.
fn refused(desk: &TestDesk, bundle: &Path, expected: &[&str]) {
    let before = file_sha(&desk.db());
    let err = desk.fails(&[
        "sync",
        "merge",
        bundle.to_str().unwrap(),
        "--trust-new-desk",
    ]);
    assert!(err.contains("ditolak"), "{err}");
    assert!(
        err.contains(&bundle.display().to_string()),
        "names the file: {err}"
    );
    for word in expected {
        assert!(err.contains(word), "{word:?} in {err}");
    }
    assert_eq!(file_sha(&desk.db()), before, "database unchanged: {err}");
}

/// A copy of `bundle` with `sql` run on the SQLite inside, sealed again
/// with `holder`'s office secret.
fn edit_bundle(holder: &TestDesk, bundle: &Path, name: &str, sql: &str) -> PathBuf {
    let copy = bundle.with_file_name(name);
    common::resealed(holder, bundle, &copy, |plain| {
        rusqlite::Connection::open(plain)
            .unwrap()
            .execute_batch(sql)
            .unwrap();
    });
    copy
}

#[test]
fn dishonest_or_damaged_files_are_refused_and_change_nothing() {
    let (a, b) = office();
    b.add_case("2026-11-18 09:00");
    let good = b.export_to("b.aduan");
    let dir = a.dir.path();

    let bytes = std::fs::read(&good).unwrap();
    let truncated = dir.join("terpotong.aduan");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    refused(&a, &truncated, &["rusak atau diubah"]);

    let random = dir.join("acak.aduan");
    std::fs::write(
        &random,
        (0..9000u32)
            .map(|i| (i * 31 % 256) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    refused(&a, &random, &["bukan berkas aduan tersegel"]);

    let foreign = dir.join("lain.sqlite");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    refused(&a, &foreign, &["tanpa enkripsi"]);
    refused(&a, &b.db(), &["tanpa enkripsi"]);

    let stranger = TestDesk::new();
    stranger.add_case("2026-11-18 09:00");
    refused(&a, &stranger.export_to("x.aduan"), &["kantor lain"]);

    let edited = edit_bundle(
        &b,
        &good,
        "ubah.aduan",
        "UPDATE events SET body = CAST(replace(CAST(body AS TEXT), 'Siti', 'Sita') AS BLOB) WHERE seq = 2",
    );
    refused(&a, &edited, &["LKT2", "no. 2", "diubah"]);

    let gap = edit_bundle(&b, &good, "celah.aduan", "DELETE FROM events WHERE seq = 1");
    refused(&a, &gap, &["LKT2", "rantai hash", "putus"]);

    let forged = edit_bundle(
        &b,
        &good,
        "palsu.aduan",
        "UPDATE checkpoints SET signature = zeroblob(64) WHERE desk = (SELECT uid FROM desks WHERE code = 'LKT2')",
    );
    refused(&a, &forged, &["tanda tangan loket LKT2 tidak sah"]);

    // Without confirmation a new desk is shown with its fingerprint.
    let err = a.fails(&["sync", "merge", good.to_str().unwrap()]);
    assert!(
        err.contains("LKT2 belum dikenal") && err.contains("sidik kuncinya"),
        "{err}"
    );
    a.ok(&["sync", "merge", good.to_str().unwrap(), "--trust-new-desk"]);
    assert_eq!(agendas(&a).len(), 3);
}

#[test]
fn a_desk_restored_from_an_old_backup_cannot_fork_itself() {
    let (a, b) = office();
    let backup = a.dir.path().join("cadangan.db");
    a.ok(&["backup", "-o", backup.to_str().unwrap()]);
    a.add_case("2026-11-18 09:00");
    b.ok(&["sync", "merge", a.export_to("a1.aduan").to_str().unwrap()]);

    // Restored: the case written after the backup is gone here, and writing
    // is held until the desk hears from the office again.
    let unconfirmed = a.run(&["restore", backup.to_str().unwrap()]);
    assert!(!unconfirmed.status.success());
    assert!(String::from_utf8_lossy(&unconfirmed.stdout).contains("Dibatalkan"));
    assert_eq!(
        agendas(&a).len(),
        2,
        "nothing restored without confirmation"
    );
    a.ok(&["restore", backup.to_str().unwrap(), "--yes"]);
    assert_eq!(agendas(&a), ["0001/PGD/LKT1/2026"]);
    let err = a.fails(&["case", "note", "0001/PGD/LKT1/2026", "--field", "teks=x"]);
    assert!(err.contains("dipulihkan dari cadangan"), "{err}");

    // B's bundle brings A's own lost events back; A then continues above them.
    a.ok(&[
        "sync",
        "merge",
        b.export_to("b1.aduan").to_str().unwrap(),
        "--trust-new-desk",
    ]);
    assert_eq!(agendas(&a).len(), 3, "{:?}", agendas(&a));
    let third = a.add_case("2026-11-19 09:00");
    assert_eq!(third, "0003/PGD/LKT1/2026", "agenda numbers continue too");
    b.ok(&["sync", "merge", a.export_to("a2.aduan").to_str().unwrap()]);
    assert_eq!(agendas(&a), agendas(&b));

    // A desk that restores alone and keeps working has forked: refused.
    a.ok(&["restore", backup.to_str().unwrap(), "--yes", "--sendiri"]);
    a.add_case("2026-11-19 10:00");
    let forked = a.export_to("a3.aduan");
    refused(&b, &forked, &["LKT1 bercabang"]);
}

#[test]
fn a_field_corrected_on_two_desks_apart_is_a_conflict_until_corrected_again() {
    let (a, b) = exchanged_office();
    let case = "0001/PGD/LKT1/2026";
    a.ok(&[
        "case",
        "correct",
        case,
        "--field",
        "name",
        "--value",
        "Siti Aminah",
    ]);
    b.ok(&[
        "case",
        "correct",
        case,
        "--field",
        "name",
        "--value",
        "Sity Aminah",
    ]);
    let from_a = a.export_to("a2.aduan");
    let from_b = b.export_to("b2.aduan");
    let out = a.ok(&["sync", "merge", from_b.to_str().unwrap()]);
    assert!(
        out.contains("perlu keputusan") && out.contains(case),
        "{out}"
    );
    b.ok(&["sync", "merge", from_a.to_str().unwrap()]);
    // Both desks see the same conflict, with both values and who typed them.
    for desk in [&a, &b] {
        let shown = desk.json(&["case", "show", case, "--json"]);
        let conflicts = shown["conflicts"].as_array().unwrap();
        assert_eq!(conflicts.len(), 1, "{shown}");
        let mut values: Vec<(String, String)> = conflicts[0]["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["value"].as_str().unwrap().into(),
                    v["desk"].as_str().unwrap().into(),
                )
            })
            .collect();
        values.sort();
        assert_eq!(
            values,
            [
                ("Siti Aminah".into(), "LKT1".into()),
                ("Sity Aminah".into(), "LKT2".into())
            ]
        );
        let list = desk.json(&["case", "list", "--json"]);
        let row = list
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["agenda_no"] == case)
            .unwrap();
        assert_eq!(row["conflicts"], 1);
    }
    // Correcting the field again on one desk settles it everywhere.
    b.ok(&[
        "case",
        "correct",
        case,
        "--field",
        "name",
        "--value",
        "Siti Aminah",
    ]);
    a.ok(&["sync", "merge", b.export_to("b3.aduan").to_str().unwrap()]);
    for desk in [&a, &b] {
        let shown = desk.json(&["case", "show", case, "--json"]);
        assert!(shown["conflicts"].as_array().unwrap().is_empty());
        assert_eq!(shown["complainant"]["name"], "Siti Aminah");
    }
}

#[test]
fn a_step_decided_differently_on_two_desks_is_a_conflict_until_settled() {
    let (a, b) = exchanged_office();
    let case = "0001/PGD/LKT1/2026";
    let kasi = "Kepala Seksi Penanganan Pengaduan";
    a.act(
        case,
        "disposisi",
        &["--as", "kadis", "--at", "2026-11-17 09:00"],
    );
    a.act(
        case,
        "disposisi",
        &["--as", "kabid-dip", "--at", "2026-11-17 10:00"],
    );
    b.ok(&["sync", "merge", a.export_to("a2.aduan").to_str().unwrap()]);
    // Apart: A keeps the case, B forwards it.
    a.act(
        case,
        "putuskan",
        &[
            "--by",
            kasi,
            "--to",
            "kewenangan",
            "--at",
            "2026-11-18 09:00",
        ],
    );
    b.act(
        case,
        "putuskan",
        &[
            "--by",
            kasi,
            "--to",
            "Perhubungan",
            "--at",
            "2026-11-18 10:00",
        ],
    );
    let from_a = a.export_to("a3.aduan");
    let from_b = b.export_to("b3.aduan");
    a.ok(&["sync", "merge", from_b.to_str().unwrap()]);
    b.ok(&["sync", "merge", from_a.to_str().unwrap()]);
    let mut forward_event = String::new();
    for desk in [&a, &b] {
        let shown = desk.json(&["case", "show", case, "--json"]);
        let conflicts = shown["conflicts"].as_array().unwrap();
        assert_eq!(conflicts.len(), 1, "{shown}");
        assert_eq!(conflicts[0]["topic"], "step:kewenangan");
        let values = conflicts[0]["values"].as_array().unwrap();
        assert_eq!(values.len(), 2);
        let forward = values
            .iter()
            .find(|v| {
                v["person"] == kasi
                    && v["value"]
                        .as_str()
                        .unwrap()
                        .to_lowercase()
                        .contains("terus")
            })
            .unwrap_or(&values[1]);
        forward_event = forward["event"].as_str().unwrap().to_string();
        assert_eq!(
            shown["anomalies"], 0,
            "a crossed decision is a conflict, not an anomaly"
        );
    }
    // Settled on A in favour of B's decision; B agrees once it hears of it.
    let err = a.fails(&[
        "case",
        "settle",
        case,
        "--step",
        "analisa",
        "--keep",
        &forward_event,
    ]);
    assert!(err.contains("tidak sedang berbeda"), "{err}");
    a.ok(&[
        "case",
        "settle",
        case,
        "--step",
        "kewenangan",
        "--keep",
        &forward_event,
        "--by",
        kasi,
    ]);
    b.ok(&["sync", "merge", a.export_to("a4.aduan").to_str().unwrap()]);
    let shown_a = a.json(&["case", "show", case, "--json"]);
    let shown_b = b.json(&["case", "show", case, "--json"]);
    for shown in [&shown_a, &shown_b] {
        assert!(shown["conflicts"].as_array().unwrap().is_empty(), "{shown}");
    }
    assert_eq!(shown_a["forwarded_to"], shown_b["forwarded_to"]);
    assert!(
        shown_a["forwarded_to"]
            .as_str()
            .unwrap()
            .contains("Perhubungan"),
        "{shown_a}"
    );
    assert_eq!(shown_a["current_step"], shown_b["current_step"]);
}
