//! Every error path: a non-zero exit, one line in Bahasa Indonesia, and the
//! database unchanged.

mod common;

use common::{TestDesk, failure_line};

fn unchanged(desk: &TestDesk, args: &[&str]) -> String {
    let before = desk.fingerprint();
    let err = desk.fails(args);
    assert_eq!(desk.fingerprint(), before, "{args:?} changed the database");
    err
}

#[test]
fn bad_json_is_refused_with_its_position() {
    let desk = TestDesk::new();
    desk.add_case("2026-10-05 09:00");
    let before = desk.fingerprint();
    let out = desk.run_with_stdin(&["case", "add"], "{\"name\": \"Siti\",\n \"subject\": }");
    let err = failure_line(&["case", "add"], out);
    assert!(err.contains("JSON kasus tidak sah pada baris 2"), "{err}");
    let out = desk.run_with_stdin(&["case", "add"], r#"{"nama": "Siti"}"#);
    let err = failure_line(&["case", "add"], out);
    assert!(err.contains("nama"), "unknown keys are named: {err}");
    assert_eq!(desk.fingerprint(), before);
}

#[test]
fn bad_nik_and_other_field_errors_are_all_named() {
    let desk = TestDesk::new();
    let err = unchanged(
        &desk,
        &[
            "case",
            "add",
            "--name",
            "Siti",
            "--nik",
            "3512079907850003",
            "--phone",
            "0812",
            "--subject",
            "x",
            "--description",
            "y",
        ],
    );
    assert!(err.contains("Data kasus belum benar"), "{err}");
    assert!(
        err.contains("NIK: tanggal lahir pada NIK (99) tidak sah"),
        "{err}"
    );
    assert!(err.contains("Telepon/WA"), "{err}");
    let err = unchanged(
        &desk,
        &[
            "case",
            "add",
            "--name",
            "Siti",
            "--nik",
            "12345",
            "--phone",
            "081234567890",
            "--subject",
            "x",
            "--description",
            "y",
        ],
    );
    assert!(err.contains("NIK harus 16 angka, ada 5"), "{err}");
    let err = unchanged(
        &desk,
        &[
            "case",
            "add",
            "--name",
            "Siti",
            "--phone",
            "081234567890",
            "--subject",
            "x",
            "--description",
            "y",
            "--received-at",
            "kemarin",
        ],
    );
    assert!(
        err.contains("Waktu diterima: \"kemarin\" bukan waktu"),
        "{err}"
    );
}

#[test]
fn a_two_digit_year_is_refused_not_read_as_year_26() {
    let desk = TestDesk::new();
    let err = unchanged(
        &desk,
        &[
            "case",
            "add",
            "--name",
            "Siti",
            "--phone",
            "081234567890",
            "--subject",
            "x",
            "--description",
            "y",
            "--received-at",
            "16/03/26 09.15",
        ],
    );
    assert!(err.contains("Waktu diterima"), "{err}");
}

#[test]
fn unknown_case_and_unknown_action() {
    let desk = TestDesk::new();
    desk.add_case("2026-10-05 09:00");
    let err = unchanged(&desk, &["case", "show", "9999/PGD/LKT1/2026"]);
    assert!(
        err.contains("Kasus \"9999/PGD/LKT1/2026\" tidak ditemukan"),
        "{err}"
    );
    let err = unchanged(
        &desk,
        &["case", "act", "0001/PGD/LKT1/2026", "--action", "hapus"],
    );
    assert!(err.contains("Tindakan \"hapus\" tidak dikenal"), "{err}");
}

#[test]
fn actions_the_sop_does_not_allow_name_what_is_allowed() {
    let desk = TestDesk::new();
    let a = desk.add_case("2026-10-05 09:00");
    // The case waits for the head's disposition; the operator tries to decide authority.
    let err = unchanged(
        &desk,
        &[
            "case",
            "act",
            &a,
            "--action",
            "putuskan",
            "--to",
            "kewenangan",
        ],
    );
    assert!(err.contains("tidak diizinkan untuk operator"), "{err}");
    assert!(
        err.contains("\"Disposisi Kadis\" dikerjakan oleh kadis"),
        "the step by its title, not its id: {err}"
    );
    assert!(err.contains("Yang diizinkan: tunda"), "{err}");
    // The operator types the head's paper disposition: the list says so.
    assert!(
        err.contains("disposisi (catat disposisi atas nama Kadis)"),
        "{err}"
    );
    // Staff may not type a head's decision.
    let err = unchanged(
        &desk,
        &[
            "--by",
            "Staf Penanganan Pengaduan",
            "case",
            "act",
            &a,
            "--action",
            "disposisi",
            "--as",
            "kadis",
        ],
    );
    assert!(
        err.contains("Peran staf tidak boleh bertindak sebagai kadis"),
        "{err}"
    );
    // Who may record for the Kadis is named (here across every SOP in force).
    assert!(
        err.contains("dapat dicatat oleh") && err.contains("operator") && err.contains("kasi"),
        "{err}"
    );
    // A forward needs a known OPD.
    desk.act(&a, "disposisi", &["--as", "kadis"]);
    desk.act(&a, "disposisi", &["--as", "kabid-dip"]);
    let kasi = ["--by", "Kepala Seksi Penanganan Pengaduan"];
    let err = unchanged(
        &desk,
        &[
            &kasi[..],
            &[
                "case",
                "act",
                &a,
                "--action",
                "putuskan",
                "--to",
                "Dinas Rahasia",
            ],
        ]
        .concat(),
    );
    assert!(
        err.contains("Pilihan \"Dinas Rahasia\" tidak dikenal"),
        "{err}"
    );
    assert!(err.contains("Dinas Lingkungan Hidup"), "{err}");
    // A pause needs a reason; an action cannot be dated in the future.
    let err = unchanged(
        &desk,
        &[&kasi[..], &["case", "act", &a, "--action", "tunda"]].concat(),
    );
    assert!(err.contains("memerlukan keterangan"), "{err}");
    let err = unchanged(
        &desk,
        &[
            &kasi[..],
            &[
                "case",
                "act",
                &a,
                "--action",
                "tunda",
                "--note",
                "x",
                "--at",
                "2027-01-01 09:00",
            ],
        ]
        .concat(),
    );
    assert!(err.contains("masa depan"), "{err}");
}

#[test]
fn unreadable_and_foreign_databases_are_refused_untouched() {
    let desk = TestDesk::new();
    let junk = desk.dir.path().join("junk.db");
    let bytes: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(&junk, &bytes).unwrap();
    let out = desk
        .command(&["case", "list"])
        .env("ADUAN_DB", &junk)
        .output()
        .unwrap();
    let err = failure_line(&["case", "list"], out);
    assert!(err.contains("bukan basis data"), "{err}");
    assert_eq!(std::fs::read(&junk).unwrap(), bytes);

    let foreign = desk.dir.path().join("foreign.db");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch("CREATE TABLE pegawai (nama TEXT); INSERT INTO pegawai VALUES ('x');")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&foreign).unwrap();
    let out = desk
        .command(&["case", "list"])
        .env("ADUAN_DB", &foreign)
        .output()
        .unwrap();
    let err = failure_line(&["case", "list"], out);
    assert!(err.contains("milik program lain"), "{err}");
    assert_eq!(std::fs::read(&foreign).unwrap(), before);

    let folder = desk.dir.path().join("folder.db");
    std::fs::create_dir(&folder).unwrap();
    let out = desk
        .command(&["case", "list"])
        .env("ADUAN_DB", &folder)
        .output()
        .unwrap();
    let err = failure_line(&["case", "list"], out);
    assert!(err.contains("folder, bukan berkas"), "{err}");
}

#[test]
fn a_malformed_sop_names_file_line_and_problem() {
    let desk = TestDesk::new();
    desk.add_case("2026-10-05 09:00");
    let before = desk.fingerprint();
    let sop = desk.dir.path().join("sop").join("situbondo-pengaduan.toml");
    let text = std::fs::read_to_string(&sop).unwrap();
    let broken = text.replacen("actor = \"kadis\"", "actor = \"kepala\"", 1);
    let line = broken
        .lines()
        .position(|l| l.contains("actor = \"kepala\""))
        .unwrap()
        + 1;
    std::fs::write(&sop, broken).unwrap();
    let err = desk.fails(&["case", "list"]);
    assert!(err.contains("situbondo-pengaduan.toml"), "{err}");
    assert!(err.contains(&format!("baris {line}")), "{err}");
    assert!(
        err.contains("peran \"kepala\" tidak ada di [[role]]"),
        "{err}"
    );
    let err = desk.fails(&["sop", "check", sop.to_str().unwrap()]);
    assert!(err.contains("kepala"), "{err}");
    std::fs::write(&sop, text).unwrap();
    assert_eq!(desk.fingerprint(), before);
}

#[test]
fn a_broken_config_names_its_line() {
    let desk = TestDesk::new();
    std::fs::write(desk.config(), "language = \"id\"\n[desk]\nkode = \"A\"\n").unwrap();
    let err = desk.fails(&["case", "list"]);
    assert!(err.contains("baris 3"), "{err}");
    assert!(err.contains("tidak sah"), "{err}");
}

#[test]
fn first_run_without_config_writes_one_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("baru").join("config.toml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aduan"))
        .env("ADUAN_CONFIG", &config)
        .env("ADUAN_DB", dir.path().join("aduan.db"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Konfigurasi awal ditulis ke") && err.contains("baru/config.toml"),
        "{err}"
    );
    assert!(config.exists());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Kasus terbuka: 0"), "{stdout}");
}

#[test]
fn english_when_the_config_says_so() {
    let desk = TestDesk::with_config("language = \"en\"\n");
    let err = desk.fails(&["case", "show", "nope"]);
    assert!(err.contains("No case \"nope\""), "{err}");
}

#[test]
fn a_year_beyond_any_calendar_is_refused_not_a_crash() {
    let desk = TestDesk::new();
    for args in [
        ["recap", "--month", "262142-12"],
        ["recap", "--year", "262142"],
        ["recap", "--year", "2147483647"],
        ["recap", "--years", "2026..262142"],
        ["recap", "--years", "1900..2026"],
    ] {
        let line = unchanged(&desk, &args);
        assert!(line.contains("di luar jangkauan"), "{args:?}: {line}");
        assert!(!line.contains("panicked"), "{line}");
    }
    let line = unchanged(&desk, &["recap", "--years", "2026..2025"]);
    assert!(line.contains("tidak sah"), "{line}");
    let line = unchanged(&desk, &["demo", "--cases", "5", "--from", "99999-01"]);
    assert!(line.contains("di luar jangkauan"), "{line}");
    desk.ok(&["recap", "--years", "2025..2026"]);
}
