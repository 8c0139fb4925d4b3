//! The SOPs end to end through the command line, as a desk would run them.

mod common;

use common::{TestDesk, step_state};

#[test]
fn a_walk_in_complaint_gets_its_agenda_number_deadline_and_first_step() {
    let desk = TestDesk::new();
    let v = desk.json(&[
        "case",
        "add",
        "--name",
        "Siti Aminah",
        "--nik",
        "3512074507850003",
        "--phone",
        "0812-3456-7890",
        "--subject",
        "PBG belum terbit",
        "--description",
        "Sudah tiga bulan.",
        "--received-at",
        "2026-03-16 09:00",
    ]);
    assert_eq!(v["agenda_no"], "0001/PGD/LKT1/2026");
    // Monday 16 March 2026: Nyepi and Idulfitri joint leave fall in the count.
    assert_eq!(v["deadline"], "2026-04-13");
    assert_eq!(v["deadline_flags"], serde_json::json!([]));
    assert_eq!(v["received_at"], "2026-03-16T09:00:00+07:00");
    assert_eq!(v["step"]["id"], "disposisi-kadis");
    assert_eq!(v["step"]["actor"], "kadis");
    assert!(v["id"].as_str().unwrap().len() == 36);
    // Numbers follow on per desk and year.
    assert_eq!(desk.add_case("2026-03-16 10:00"), "0002/PGD/LKT1/2026");
    assert_eq!(desk.add_case("2025-12-22 10:00"), "0001/PGD/LKT1/2025");
}

#[test]
fn json_input_from_stdin_and_a_deadline_past_the_known_years_is_flagged() {
    let desk = TestDesk::new();
    let input = r#"{"kind":"pengaduan","channel":"whatsapp","name":"Bambang","phone":"+62 812 3456 7890",
        "subject":"Izin reklame","description":"Belum ada kabar.","received_at":"2027-12-21 08:30"}"#;
    let mut child = desk
        .command(&["case", "add"])
        .env("ADUAN_NOW", "2027-12-21T09:00:00+07:00")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // 2028 has no list: off are 24 Dec 2027 (joint leave) and the fixed dates
    // only. 22=1, 23=2, 27=3, 28=4, 29=5, 30=6, 31=7, 3 Jan=8, 4=9, 5=10, 6=11,
    // 7=12, 10=13, 11=14.
    assert_eq!(v["deadline"], "2028-01-11");
    assert_eq!(
        v["deadline_flags"],
        serde_json::json!(["no-holiday-list:2028"])
    );
    let shown = desk.json(&["case", "show", v["agenda_no"].as_str().unwrap(), "--json"]);
    assert_eq!(shown["complainant"]["phone"], "+6281234567890");
    assert_eq!(shown["channel"], "whatsapp");
}

#[test]
fn situbondo_not_ours_branch_forwards_to_an_opd() {
    let desk = TestDesk::new();
    let a = desk.add_case("2026-10-05 09:00");
    desk.act(
        &a,
        "disposisi",
        &[
            "--as",
            "kadis",
            "--at",
            "2026-10-05 13:00",
            "--written-on",
            "2026-10-05",
        ],
    );
    desk.act(
        &a,
        "disposisi",
        &["--as", "kabid-dip", "--at", "2026-10-06 09:00"],
    );
    let kasi = ["--by", "Kepala Seksi Penanganan Pengaduan"];
    let d = desk.act(
        &a,
        "putuskan",
        &[
            &kasi[..],
            &["--to", "Lingkungan Hidup", "--at", "2026-10-06 11:00"],
        ]
        .concat(),
    );
    assert_eq!(d["forwarded_to"], "Dinas Lingkungan Hidup");
    assert_eq!(d["current_step"], "konsep-penerusan");
    desk.act(
        &a,
        "selesai",
        &[
            &kasi[..],
            &[
                "--note",
                "Konsep surat penerusan No. 500/123",
                "--at",
                "2026-10-07 09:00",
            ],
        ]
        .concat(),
    );
    desk.act(
        &a,
        "selesai",
        &["--as", "kabid-dip", "--at", "2026-10-07 14:00"],
    );
    desk.act(
        &a,
        "selesai",
        &["--as", "kadis", "--at", "2026-10-08 09:00"],
    );
    let staf = ["--by", "Staf Penanganan Pengaduan"];
    let d = desk.act(
        &a,
        "selesai",
        &[&staf[..], &["--at", "2026-10-08 13:00"]].concat(),
    );
    assert_eq!(d["status"], "forwarded");
    assert_eq!(d["current_step"], serde_json::Value::Null);
    for step in [
        "agenda",
        "disposisi-kadis",
        "kewenangan",
        "ttd-penerusan",
        "kirim-penerusan",
    ] {
        assert_eq!(step_state(&d, step), "done", "{step}");
    }
    // The checklist holds only the branch taken: no "own office" step waits.
    let listed = |d: &serde_json::Value, id: &str| {
        d["steps"].as_array().unwrap().iter().any(|s| s["id"] == id)
    };
    assert!(!listed(&d, "cek-data"), "the branch not taken is left out");
    assert!(!listed(&d, "kirim-jawaban"));
    assert!(
        d["steps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["state"] != "pending"),
        "nothing of a forwarded case is pending"
    );
    // The timeline keeps who typed and in whose name.
    let timeline = d["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 8);
    assert_eq!(timeline[1]["role"], "kadis");
    assert_eq!(timeline[1]["person"], "Operator Loket");
    assert_eq!(timeline[1]["on_behalf"], true);
    assert_eq!(timeline[3]["person"], "Kepala Seksi Penanganan Pengaduan");
    assert_eq!(timeline[3]["on_behalf"], false);
    // Nothing more may happen but notes.
    let err = desk.fails(&[
        "case",
        "act",
        &a,
        "--action",
        "tutup",
        "--note",
        "x",
        "--by",
        "Kepala Seksi Penanganan Pengaduan",
    ]);
    assert!(err.contains("Yang diizinkan: catat"), "{err}");
}

#[test]
fn situbondo_ours_branch_runs_to_the_reply_letter_and_closes() {
    let desk = TestDesk::new();
    let a = desk.add_case("2026-10-05 09:00");
    let kasi = "Kepala Seksi Penanganan Pengaduan";
    let staf = "Staf Penanganan Pengaduan";
    let steps: [(&str, &str, &str); 15] = [
        ("disposisi", "Operator Loket", "kadis"),
        ("disposisi", "Operator Loket", "kabid-dip"),
        ("putuskan", kasi, "kasi"),
        ("selesai", kasi, "kasi"),
        ("selesai", staf, "staf"),
        ("selesai", kasi, "kasi"),
        ("selesai", kasi, "kabid-dip"),
        ("selesai", kasi, "kabid-dip"),
        ("selesai", "Operator Loket", "kadis"),
        ("disposisi", kasi, "kabid-dip"),
        ("selesai", kasi, "kasi"),
        ("selesai", kasi, "kasi"),
        ("selesai", kasi, "kabid-dip"),
        ("selesai", "Operator Loket", "kadis"),
        ("selesai", staf, "staf"),
    ];
    let mut last = serde_json::Value::Null;
    for (i, (action, by, role)) in steps.iter().enumerate() {
        let at = format!("2026-10-{:02} 10:00", 6 + i);
        let mut extra = vec!["--by", by, "--as", role, "--at", &at];
        if *action == "putuskan" {
            extra.extend(["--to", "kewenangan"]);
        }
        last = desk.act(&a, action, &extra);
    }
    assert_eq!(last["status"], "closed");
    assert!(
        last["steps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["state"] == "done")
            .count()
            == 16
    );
    let ids: Vec<&str> = last["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 16, "only the branch taken: {ids:?}");
    assert!(
        !ids.iter().any(|id| id.ends_with("-penerusan")),
        "the forwarding steps are left out: {ids:?}"
    );
    assert_eq!(last["forwarded_to"], serde_json::Value::Null);
    // Closed after the deadline of 2026-10-23: the last steps were late.
    assert_eq!(last["deadline"], "2026-10-23");
    let list = desk.json(&["case", "list", "--status", "closed", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn gresik_sop_runs_its_steps_without_the_monthly_recap() {
    let desk = TestDesk::with_config("[sop]\npengaduan = \"gresik-pengaduan\"\n");
    let a = desk.add_case("2026-11-02 08:30");
    let shown = desk.json(&["case", "show", &a, "--json"]);
    assert_eq!(shown["sop"], "gresik-pengaduan");
    assert_eq!(shown["current_step"], "identifikasi");
    let staf = "Staf Penanganan Pengaduan";
    desk.act(
        &a,
        "putuskan",
        &["--by", staf, "--to", "ajukan", "--at", "2026-11-02 09:00"],
    );
    desk.act(
        &a,
        "selesai",
        &["--as", "sekretaris", "--at", "2026-11-02 09:30"],
    );
    desk.act(
        &a,
        "disposisi",
        &["--as", "kadis", "--at", "2026-11-03 09:00"],
    );
    desk.act(
        &a,
        "selesai",
        &[
            "--by",
            staf,
            "--note",
            "BAP investigasi lapangan",
            "--at",
            "2026-11-04 09:00",
        ],
    );
    desk.act(&a, "selesai", &["--by", staf, "--at", "2026-11-04 09:10"]);
    // Step 7 (monthly recap) is the Rekap screen's task: the report leads to step 8.
    let d = desk.act(&a, "selesai", &["--by", staf, "--at", "2026-11-04 10:10"]);
    assert_eq!(d["status"], "closed");
    let done: Vec<&str> = d["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["state"] == "done")
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        done,
        [
            "sampaikan",
            "identifikasi",
            "verifikasi",
            "disposisi",
            "investigasi",
            "laporan",
            "tindak-lanjut"
        ]
    );
    // Step 2 took 30 minutes against a 30-minute standard; step 3 was on time too.
    let identify = &d["steps"][1];
    assert_eq!(identify["late"], false);
}

#[test]
fn consultation_answered_at_once_or_escalated_to_bkpm() {
    let desk = TestDesk::new();
    let oss = "Petugas Pojok OSS";
    let add = |received: &str| {
        desk.json(&[
            "case",
            "add",
            "--kind",
            "konsultasi",
            "--name",
            "Budi",
            "--phone",
            "081234567890",
            "--subject",
            "Cara membuat NIB",
            "--description",
            "Mohon dibantu.",
            "--received-at",
            received,
        ])["agenda_no"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let a = add("2026-11-02 09:00");
    assert!(a.contains("/KNS/"));
    desk.act(&a, "selesai", &["--by", oss, "--at", "2026-11-02 09:05"]);
    let d = desk.act(
        &a,
        "putuskan",
        &[
            "--by",
            oss,
            "--to",
            "jawab-langsung",
            "--at",
            "2026-11-02 09:10",
        ],
    );
    assert_eq!(d["status"], "closed");

    let b = add("2026-11-03 09:00");
    desk.act(&b, "selesai", &["--by", oss, "--at", "2026-11-03 09:05"]);
    desk.act(
        &b,
        "putuskan",
        &[
            "--by",
            oss,
            "--to",
            "eskalasi-bkpm",
            "--at",
            "2026-11-03 09:15",
        ],
    );
    let d = desk.act(
        &b,
        "disposisi",
        &["--by", oss, "--as", "kadis", "--at", "2026-11-05 09:00"],
    );
    assert_eq!(d["current_step"], "investigasi-bkpm");
    // Step 5 is the OSS desk's own work, not BKPM's.
    let d = desk.act(
        &b,
        "selesai",
        &[
            "--by",
            oss,
            "--note",
            "Jawaban BKPM diterima",
            "--at",
            "2026-11-06 09:00",
        ],
    );
    assert_eq!(d["status"], "closed");
    assert_eq!(
        d["timeline"].as_array().unwrap().last().unwrap()["on_behalf"],
        false
    );
}

#[test]
fn pausing_for_documents_moves_the_deadline_by_the_paused_working_days() {
    let desk = TestDesk::new();
    let a = desk.add_case("2026-10-05 09:00");
    let before = desk.json(&["case", "show", &a, "--json"]);
    assert_eq!(before["deadline"], "2026-10-23");
    desk.act(
        &a,
        "tunda",
        &[
            "--note",
            "Menunggu fotokopi KTP",
            "--at",
            "2026-10-06 09:00",
        ],
    );
    let paused = desk.json(&["case", "list", "--status", "paused", "--json"]);
    assert_eq!(paused.as_array().unwrap().len(), 1);
    // Paused Tuesday 6 Oct, resumed Tuesday 13 Oct: five working days do not count.
    let d = desk.act(&a, "lanjutkan", &["--at", "2026-10-13 09:00"]);
    assert_eq!(d["status"], "open");
    assert_eq!(d["deadline"], "2026-10-30");
}

#[test]
fn a_correction_is_a_new_event_and_shows_in_the_case() {
    let desk = TestDesk::new();
    let a = desk.add_case("2026-10-05 09:00");
    let d = desk.json(&[
        "case",
        "correct",
        &a,
        "--field",
        "phone",
        "--value",
        "0856 1234 5678",
        "--json",
    ]);
    assert_eq!(d["complainant"]["phone"], "+6285612345678");
    let last = d["timeline"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "corrected");
    assert_eq!(d["timeline"].as_array().unwrap().len(), 2);
    let err = desk.fails(&["case", "correct", &a, "--field", "nik", "--value", "123"]);
    assert!(err.contains("NIK harus 16 angka"), "{err}");
}

#[test]
fn lists_hide_confidential_names_and_find_overdue_cases() {
    let desk = TestDesk::new();
    desk.add_case("2026-10-05 09:00");
    desk.json(&[
        "case",
        "add",
        "--name",
        "Rahasia Sekali",
        "--phone",
        "081234567890",
        "--rahasia",
        "--subject",
        "Pungli",
        "--description",
        "Diminta uang.",
        "--received-at",
        "2026-11-19 09:00",
    ]);
    let all = desk.json(&["case", "list", "--json"]);
    let names: Vec<&serde_json::Value> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["complainant"])
        .collect();
    assert_eq!(
        names,
        [&serde_json::json!("Siti Aminah"), &serde_json::Value::Null]
    );
    let text = desk.ok(&["case", "list"]);
    assert!(
        text.contains("(dirahasiakan)") && !text.contains("Rahasia Sekali"),
        "{text}"
    );
    // Today (20 Nov) is past the first case's deadline (23 Oct) only.
    let overdue = desk.json(&["case", "list", "--overdue", "--json"]);
    assert_eq!(overdue.as_array().unwrap().len(), 1);
    assert_eq!(overdue[0]["deadline"], "2026-10-23");
}

#[test]
fn a_correction_typed_before_the_receipt_time_keeps_the_case_whole() {
    let desk = TestDesk::new();
    // Received "now + 4 minutes" (within the clock slack between desks).
    let a = desk.add_case("2026-11-20 10:04");
    let d = desk.json(&[
        "case",
        "correct",
        &a,
        "--field",
        "subject",
        "--value",
        "PBG rumah tinggal",
        "--json",
    ]);
    assert_eq!(d["subject"], "PBG rumah tinggal");
    assert_eq!(d["current_step"], "disposisi-kadis");
    let r = desk.json(&["check", "--rebuild", "--json"]);
    assert_eq!(r["rebuild"]["identical"], true, "{r}");
    assert_eq!(r["cases"], 1);
}

#[test]
fn a_later_pause_does_not_excuse_a_step_done_late() {
    let desk = TestDesk::new();
    let a = desk.add_case("2026-10-05 09:00");
    // Due Monday 13:00 (a standard of 240 minutes); done Wednesday: late.
    desk.act(
        &a,
        "disposisi",
        &["--as", "kadis", "--at", "2026-10-07 09:00"],
    );
    desk.act(
        &a,
        "tunda",
        &["--note", "Menunggu KTP", "--at", "2026-10-08 09:00"],
    );
    let d = desk.act(&a, "lanjutkan", &["--at", "2026-10-12 09:00"]);
    let step = d["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "disposisi-kadis")
        .unwrap();
    assert_eq!(step["late"], true, "{step}");
    assert_eq!(step["due_at"], "2026-10-05T13:00:00+07:00");
}
