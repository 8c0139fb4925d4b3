//! An office of many desks, through the real binary: each desk's code is
//! chosen at init and guarded, every crossed decision becomes a conflict
//! that every desk shows alike, and three desks merged into a fourth in any
//! order give the same cases, notes and conflicts.

mod common;

use std::path::Path;

use common::{TestDesk, agendas};

/// SHA-256 of a file, None when there is none.
fn sha_if_any(path: &Path) -> Option<[u8; 32]> {
    path.exists().then(|| common::file_sha(path))
}

/// A desk folder with nothing in it yet.
fn empty_desk() -> TestDesk {
    TestDesk {
        dir: tempfile::tempdir().unwrap(),
    }
}

#[test]
fn a_desk_code_is_chosen_at_init_and_cannot_collide_or_drift() {
    let a = empty_desk();
    let out = a.ok(&["init", "--desk", "lkt", "--desk-name", "Loket Utama"]);
    assert!(out.contains("LKT (Loket Utama)"), "{out}");
    let config = std::fs::read_to_string(a.config()).unwrap();
    assert!(
        config.contains("code = \"LKT\""),
        "the code is written into the config: {config}"
    );
    let bundle = a.export_to("a.aduan");

    // A joining desk must name its code: a script is refused, nothing made.
    let b = empty_desk();
    let refused = b.fails(&["init", "--join", bundle.to_str().unwrap()]);
    assert!(
        refused.contains("--desk") && refused.contains("LKT"),
        "{refused}"
    );
    assert!(!b.db().exists(), "no database made by a refused join");
    // A code the office holds names the desk that holds it.
    let taken = b.fails(&["init", "--join", bundle.to_str().unwrap(), "--desk", "LKT"]);
    assert!(taken.contains("Loket Utama"), "{taken}");
    assert!(!b.db().exists());
    let bad = b.fails(&[
        "init",
        "--join",
        bundle.to_str().unwrap(),
        "--desk",
        "LKT/2",
    ]);
    assert!(bad.contains("LKT/2") && bad.contains("huruf"), "{bad}");
    assert!(!b.db().exists());
    b.ok(&[
        "init",
        "--join",
        bundle.to_str().unwrap(),
        "--desk",
        "LKT-2",
    ]);
    let agenda = b.add_case("2026-11-18 09:00");
    assert_eq!(agenda, "0001/PGD/LKT-2/2026");

    // The code in the config cannot drift from the code registered.
    let edited = std::fs::read_to_string(b.config())
        .unwrap()
        .replace("code = \"LKT-2\"", "code = \"LKT\"");
    std::fs::write(b.config(), edited).unwrap();
    let before = sha_if_any(&b.db());
    let drift = b.fails(&["case", "list"]);
    assert!(
        drift.contains("LKT-2") && drift.contains("code = \"LKT-2\""),
        "{drift}"
    );
    assert_eq!(
        sha_if_any(&b.db()),
        before,
        "a refused start changes nothing"
    );
    // Registering again under another code once the desk has recorded is refused.
    let again = b.fails(&["init", "--desk", "LKT9"]);
    assert!(again.contains("LKT-2"), "{again}");
}

#[test]
fn two_desks_under_one_code_are_refused_at_merge_and_reported_by_check() {
    let a = empty_desk();
    a.ok(&["init", "--desk", "LKT1"]);
    let bundle = a.export_to("a.aduan");
    let b = TestDesk::joining("LKT2", &bundle);
    b.add_case("2026-11-18 09:00");
    // A desk made from the same bundle, and its code then forced to LKT2 in
    // its own database (as an older build allowed by editing the config).
    let c = TestDesk::joining("LKT3", &bundle);
    c.add_case("2026-11-18 10:00");
    {
        let db = rusqlite::Connection::open(c.db()).unwrap();
        db.execute(
            "UPDATE desks SET code = 'LKT2', name = 'Loket LKT2' WHERE code = 'LKT3'",
            [],
        )
        .unwrap();
    }
    std::fs::write(
        c.config(),
        std::fs::read_to_string(c.config())
            .unwrap()
            .replace("LKT3", "LKT2"),
    )
    .unwrap();
    let from_b = b.export_to("b.aduan");
    let from_c = c.export_to("c.aduan");
    a.ok(&[
        "sync",
        "merge",
        from_b.to_str().unwrap(),
        "--trust-new-desk",
    ]);
    let before = sha_if_any(&a.db());
    let refused = a.fails(&[
        "sync",
        "merge",
        from_c.to_str().unwrap(),
        "--trust-new-desk",
    ]);
    assert!(refused.contains("LKT2"), "{refused}");
    assert_eq!(sha_if_any(&a.db()), before);

    // `check` finds two desk ids under one code in a database that has them.
    {
        let db = rusqlite::Connection::open(a.db()).unwrap();
        db.execute("UPDATE desks SET code = 'LKT1' WHERE code = 'LKT2'", [])
            .unwrap();
    }
    let out = a.run(&["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains("LKT1") && text.contains("kode yang sama"),
        "{text}"
    );
}

#[test]
fn trust_in_a_new_desk_is_kept_before_it_records_anything() {
    let a = TestDesk::new();
    let b = TestDesk::joining("LKT2", &a.export_to("a.aduan"));
    let empty = b.export_to("b0.aduan");
    a.ok(&["sync", "merge", empty.to_str().unwrap(), "--trust-new-desk"]);
    b.add_case("2026-11-18 09:00");
    // The next plain merge trusts LKT2 without asking again.
    let out = a.ok(&["sync", "merge", b.export_to("b1.aduan").to_str().unwrap()]);
    assert!(out.contains("LKT2: 1"), "{out}");
}

/// Desk LKT1 founds the office with a case at the Kadis's disposition;
/// LKT2 joins and both know the case.
fn shared_case() -> (TestDesk, TestDesk, String) {
    let a = TestDesk::new();
    let case = a.add_case("2026-11-16 09:00");
    let b = TestDesk::joining("LKT2", &a.export_to("a0.aduan"));
    a.ok(&[
        "sync",
        "merge",
        b.export_to("b0.aduan").to_str().unwrap(),
        "--trust-new-desk",
    ]);
    (a, b, case)
}

fn exchange(a: &TestDesk, b: &TestDesk, tag: &str) {
    let from_a = a.export_to(&format!("a-{tag}.aduan"));
    let from_b = b.export_to(&format!("b-{tag}.aduan"));
    a.ok(&["sync", "merge", from_b.to_str().unwrap()]);
    b.ok(&["sync", "merge", from_a.to_str().unwrap()]);
}

#[test]
fn one_head_disposed_differently_on_two_desks_is_a_conflict_on_both_until_settled() {
    let (a, b, case) = shared_case();
    a.act(
        &case,
        "disposisi",
        &[
            "--as",
            "kadis",
            "--instruction",
            "tindak-lanjuti",
            "--priority",
            "segera",
        ],
    );
    b.act(
        &case,
        "disposisi",
        &[
            "--as",
            "kadis",
            "--instruction",
            "koordinasikan",
            "--priority",
            "biasa",
        ],
    );
    exchange(&a, &b, "1");
    for desk in [&a, &b] {
        let conflicts = desk.conflicts(&case);
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        let c = &conflicts[0];
        assert_eq!(c["topic"], "step:disposisi-kadis");
        let values: Vec<String> = c["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.to_string())
            .collect();
        assert!(
            values.iter().any(|v| v.contains("tindak-lanjuti")
                && v.contains("segera")
                && v.contains("LKT1")),
            "{values:?}"
        );
        assert!(
            values
                .iter()
                .any(|v| v.contains("koordinasikan") && v.contains("biasa") && v.contains("LKT2")),
            "{values:?}"
        );
    }
    // Settled on one desk, settled everywhere.
    let keep = version_with(&a, &case, "koordinasikan");
    a.ok(&[
        "case",
        "settle",
        &case,
        "--step",
        "disposisi-kadis",
        "--keep",
        &keep,
    ]);
    exchange(&a, &b, "2");
    for desk in [&a, &b] {
        assert!(desk.conflicts(&case).is_empty());
        let shown = desk.json(&["case", "show", &case, "--json"]);
        let step = shown["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "disposisi-kadis")
            .unwrap()
            .clone();
        assert!(
            step["result"].as_str().unwrap().contains("koordinasikan"),
            "{step}"
        );
    }
}

#[test]
fn a_close_on_one_desk_and_a_later_action_on_another_is_a_conflict_not_a_loss() {
    let (a, b, case) = shared_case();
    let kasi = "Kepala Seksi Penanganan Pengaduan";
    a.act(&case, "tutup", &["--by", kasi, "--note", "Dicabut pelapor"]);
    // LKT2 has not seen the close: it records the Kadis's disposition later.
    let later = b
        .command(&[
            "case",
            "act",
            &case,
            "--action",
            "disposisi",
            "--as",
            "kadis",
        ])
        .env("ADUAN_NOW", "2026-11-20T11:00:00+07:00")
        .output()
        .unwrap();
    assert!(
        later.status.success(),
        "{}",
        String::from_utf8_lossy(&later.stderr)
    );
    exchange(&a, &b, "1");
    for desk in [&a, &b] {
        let shown = desk.json(&["case", "show", &case, "--json"]);
        let conflicts = shown["conflicts"].as_array().unwrap();
        assert_eq!(conflicts.len(), 1, "{shown}");
        assert_eq!(conflicts[0]["topic"], "step:#akhir");
        assert_eq!(conflicts[0]["values"].as_array().unwrap().len(), 2);
        assert_eq!(shown["anomalies"], 0, "nothing ignored in silence");
    }
    // Keeping the later disposition drops the close: the case goes on.
    let keep = version_with(&a, &case, "disposisi-kadis");
    a.ok(&["case", "settle", &case, "--step", "#akhir", "--keep", &keep]);
    exchange(&a, &b, "2");
    for desk in [&a, &b] {
        let shown = desk.json(&["case", "show", &case, "--json"]);
        assert_eq!(shown["status"], "open", "{shown}");
        assert_eq!(shown["current_step"], "disposisi-kabid");
        assert!(shown["conflicts"].as_array().unwrap().is_empty());
    }
}

/// The event code of the version of the case's first conflict whose value
/// contains `text`.
fn version_with(desk: &TestDesk, case: &str, text: &str) -> String {
    let conflicts = desk.conflicts(case);
    let values = conflicts[0]["values"].as_array().unwrap();
    let v = values
        .iter()
        .find(|v| v["value"].as_str().unwrap().contains(text))
        .unwrap_or_else(|| panic!("no version with {text}: {values:?}"));
    v["event"].as_str().unwrap().to_string()
}

#[test]
fn the_same_disposition_on_two_desks_is_listed_with_its_reason() {
    let (a, b, case) = shared_case();
    a.act(&case, "disposisi", &["--as", "kadis"]);
    b.act(&case, "disposisi", &["--as", "kadis"]);
    exchange(&a, &b, "1");
    let shown = a.json(&["case", "show", &case, "--json"]);
    assert!(shown["conflicts"].as_array().unwrap().is_empty());
    let ignored = shown["ignored"].as_array().unwrap();
    assert_eq!(ignored.len(), 1, "{shown}");
    assert!(
        ignored[0]["reason"]
            .as_str()
            .unwrap()
            .contains("isi yang sama"),
        "{ignored:?}"
    );
    let on_b = b.json(&["case", "show", &case, "--json"]);
    assert_eq!(
        on_b["ignored"], shown["ignored"],
        "every desk lists it alike"
    );
    let check = a.ok(&["check"]);
    assert!(
        check.contains("tidak diterapkan") && check.contains(": 1"),
        "{check}"
    );
}

#[test]
fn three_desks_merged_into_a_fourth_in_every_order_give_the_same_office() {
    let a = TestDesk::new();
    let first = a.export_to("a0.aduan");
    let b = TestDesk::joining("LKT2", &first);
    let c = TestDesk::joining("LKT3", &first);
    let case = a.add_case("2026-11-16 09:00");
    for (desk, tag) in [(&b, "b0"), (&c, "c0")] {
        desk.ok(&[
            "sync",
            "merge",
            a.export_to(&format!("a-{tag}.aduan")).to_str().unwrap(),
        ]);
    }
    // Each desk changes the shared case apart, and adds one of its own.
    a.correct_at("2026-11-20T08:00:00+07:00", &case, "name", "Siti A.");
    b.correct_at("2026-11-20T08:30:00+07:00", &case, "name", "Sity Aminah");
    c.act(&case, "disposisi", &["--as", "kadis"]);
    b.act(
        &case,
        "disposisi",
        &["--as", "kadis", "--instruction", "arsip"],
    );
    for (desk, when) in [
        (&a, "2026-11-17 09:00"),
        (&b, "2026-11-17 10:00"),
        (&c, "2026-11-17 11:00"),
    ] {
        desk.add_case(when);
    }
    let bundles: Vec<std::path::PathBuf> = [(&a, "a"), (&b, "b"), (&c, "c")]
        .iter()
        .map(|(d, n)| d.export_to(&format!("{n}-end.aduan")))
        .collect();
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let mut seen: Option<(String, String, String)> = None;
    for order in orders {
        let d = TestDesk::joining("LKT4", &first);
        for &i in &order {
            d.ok(&[
                "sync",
                "merge",
                bundles[i].to_str().unwrap(),
                "--trust-new-desk",
            ]);
        }
        let list = d.ok(&["case", "list", "--json", "--limit", "0"]);
        let shown = d.json(&["case", "show", &case, "--json"]);
        let notes = d.ok(&["case", "notes", &case]);
        let got = (list, shown["conflicts"].to_string(), notes);
        assert_eq!(shown["conflicts"].as_array().unwrap().len(), 2, "{shown}");
        match &seen {
            None => seen = Some(got),
            Some(first) => assert_eq!(&got, first, "order {order:?} differs"),
        }
    }
}

/// The bundle files in a folder, by name, with their contents' hashes.
fn folder_files(dir: &Path) -> std::collections::BTreeMap<String, [u8; 32]> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "aduan"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                sha_if_any(&e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn three_desks_with_look_alike_codes_sync_through_one_folder_in_every_order() {
    let lkt = empty_desk();
    lkt.ok(&["init", "--desk", "LKT"]);
    let first = lkt.export_to("lkt0.aduan");
    let desks = [
        lkt,
        TestDesk::joining("LKT2", &first),
        TestDesk::joining("LKT-2", &first),
    ];
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().to_str().unwrap().to_string();
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let mut registered = 0;
    for round in 0..2 {
        for order in orders {
            // Several cases in the same minute on every desk (the clock is fixed).
            for d in &desks {
                d.add_case("2026-11-19 09:00");
                registered += 1;
            }
            for &i in &order {
                let before = folder_files(folder.path());
                desks[i].ok(&["sync", "--folder", &dir, "--trust-new-desk"]);
                let after = folder_files(folder.path());
                // Only this desk's own file may have changed or appeared.
                let own = format!("aduan-{}-", ["LKT", "LKT2", "LKT-2"][i]);
                for (name, hash) in &before {
                    if !name.starts_with(&own) || name.starts_with("aduan-LKT-2-") && i == 0 {
                        assert_eq!(
                            after.get(name),
                            Some(hash),
                            "round {round}, {order:?}: {name} touched by desk {i}"
                        );
                    }
                }
            }
        }
    }
    // One more turn so the last changes reach everyone.
    for d in &desks {
        d.ok(&["sync", "--folder", &dir]);
    }
    let all = agendas(&desks[0]);
    assert_eq!(all.len(), registered, "every case on every desk");
    let mut unique = all.clone();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "no agenda number twice");
    for d in &desks[1..] {
        assert_eq!(agendas(d), all);
    }
    assert_eq!(folder_files(folder.path()).len(), 3, "one file per desk");
}
