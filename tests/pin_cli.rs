//! PINs on the command line: `ADUAN_PIN` right and wrong, a person with no
//! PIN refused in a script with the line that says how to set one, the
//! lockout after five wrong PINs, the desk-local sign-in log; and a person
//! acting only in their own role or for the heads the SOP lets it record for.

mod common;

use aduan::service::pin::Place;
use common::{TestDesk, failure_line};

const OPERATOR: &str = "Operator Loket";
const STAF: &str = "Staf Penanganan Pengaduan";
const PINS_ON: &str = "[security]\npin = true\nlockout_minutes = 15\n";

fn with_pin(desk: &TestDesk, person: &str, pin: &str) {
    desk.open()
        .pins()
        .set(person, pin, Place::CommandLine)
        .unwrap();
}

fn run_with_pin(desk: &TestDesk, pin: &str, args: &[&str]) -> std::process::Output {
    desk.command(args).env("ADUAN_PIN", pin).output().unwrap()
}

fn ok_with_pin(desk: &TestDesk, pin: &str, args: &[&str]) -> String {
    let out = run_with_pin(desk, pin, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails_with_pin(desk: &TestDesk, pin: &str, args: &[&str]) -> String {
    failure_line(args, run_with_pin(desk, pin, args))
}

#[test]
fn the_right_pin_lets_a_command_through_and_a_wrong_one_says_how_many_tries_are_left() {
    let desk = TestDesk::with_pins(PINS_ON);
    with_pin(&desk, OPERATOR, "2468");
    let agenda = {
        let out = ok_with_pin(
            &desk,
            "2468",
            &[
                "case",
                "add",
                "--name",
                "Siti Aminah",
                "--phone",
                "0812-3456-7890",
                "--subject",
                "PBG belum terbit",
                "--description",
                "Sudah tiga bulan menunggu.",
                "--received-at",
                "2026-11-16 09:00",
            ],
        );
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["agenda_no"].as_str().unwrap().to_string()
    };
    let wrong = fails_with_pin(&desk, "1111", &["case", "show", &agenda]);
    assert!(
        wrong.contains("PIN salah") && wrong.contains("sisa 4"),
        "{wrong}"
    );
    assert!(!wrong.contains("Siti"), "{wrong}");
    let shown = ok_with_pin(&desk, "2468", &["case", "show", &agenda]);
    assert!(shown.contains("Siti Aminah"), "{shown}");
    // Without a PIN and without a terminal: refused, saying how to give it.
    let none = desk.fails(&["case", "list"]);
    assert!(none.contains("ADUAN_PIN"), "{none}");
    // Read-only commands without personal data ask nothing.
    desk.ok(&["check"]);
    desk.ok(&["sop", "show"]);
}

#[test]
fn a_person_without_a_pin_is_refused_in_a_script_with_how_to_set_one() {
    let desk = TestDesk::with_pins(PINS_ON);
    let err = desk.fails(&["case", "list", "--by", STAF]);
    assert!(
        err.contains(&format!("aduan pin set --by \"{STAF}\"")),
        "{err}"
    );
    let err = fails_with_pin(&desk, "1234", &["case", "list"]);
    assert!(err.contains("aduan pin set --by"), "{err}");
    // `pin set` itself wants a terminal.
    let err = desk.fails(&["pin", "set"]);
    assert!(err.contains("terminal"), "{err}");
}

#[test]
fn five_wrong_pins_lock_the_person_and_even_the_right_one_waits() {
    let desk = TestDesk::with_pins(PINS_ON);
    with_pin(&desk, OPERATOR, "2468");
    for left in (1..=4).rev() {
        let err = fails_with_pin(&desk, "0000", &["case", "list"]);
        assert!(err.contains(&format!("sisa {left}")), "{err}");
    }
    let err = fails_with_pin(&desk, "0000", &["case", "list"]);
    assert!(
        err.contains("terkunci") && err.contains("2026-11-20 10:15"),
        "{err}"
    );
    let err = fails_with_pin(&desk, "2468", &["case", "list"]);
    assert!(err.contains("terkunci"), "{err}");
    // Another person is not locked.
    with_pin(&desk, STAF, "1357");
    ok_with_pin(&desk, "1357", &["case", "list", "--by", STAF]);
    // The log says who, where and what; it lives in this desk only.
    let log = ok_with_pin(&desk, "1357", &["pin", "log", "--by", STAF]);
    assert_eq!(log.matches("PIN salah").count(), 4, "{log}");
    assert!(log.contains("terkunci"), "{log}");
    assert!(log.contains("ditolak (terkunci)"), "{log}");
    assert!(
        log.contains("baris perintah") && log.contains(OPERATOR),
        "{log}"
    );
    let bundle = desk.dir.path().join("b.aduan");
    ok_with_pin(
        &desk,
        "1357",
        &[
            "sync",
            "export",
            "-o",
            bundle.to_str().unwrap(),
            "--by",
            STAF,
        ],
    );
    let bytes = std::fs::read(&bundle).unwrap();
    assert!(
        !bytes.windows(8).any(|w| w == b"sign_ins") && !bytes.windows(6).any(|w| w == b"argon2"),
        "a bundle carries neither the sign-in log nor a PIN hash"
    );
}

#[test]
fn pins_are_kept_owner_only_beside_the_config_never_in_the_database() {
    let desk = TestDesk::with_pins(PINS_ON);
    with_pin(&desk, OPERATOR, "2468");
    let file = desk.dir.path().join("kunci").join("pin.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("$argon2id$"), "{text}");
    assert!(!text.contains("2468"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    ok_with_pin(&desk, "2468", &["case", "list"]);
    let db = std::fs::read(desk.db()).unwrap();
    assert!(!db.windows(6).any(|w| w == b"argon2"));
}

#[test]
fn the_kasi_resets_a_pin_and_nobody_else_may() {
    let desk = TestDesk::with_pins(PINS_ON);
    let kasi = "Kepala Seksi Penanganan Pengaduan";
    with_pin(&desk, OPERATOR, "2468");
    with_pin(&desk, kasi, "9753");
    let err = fails_with_pin(&desk, "2468", &["pin", "reset", STAF]);
    assert!(err.contains("kasi"), "{err}");
    ok_with_pin(&desk, "9753", &["pin", "reset", OPERATOR, "--by", kasi]);
    let err = desk.fails(&["case", "list"]);
    assert!(err.contains("aduan pin set --by"), "{err}");
}

#[test]
fn with_pins_off_nothing_is_asked() {
    let desk = TestDesk::with_pins("[security]\npin = false\n");
    desk.ok(&["case", "list"]);
}

/// Registers a case the staff will try to act on as the Kadis.
fn case_for_kadis(desk: &TestDesk) -> String {
    desk.add_case("2026-11-16 09:00")
}

/// `case act` recording the Kadis's disposition of `agenda`, by `by`.
fn kadis_disposition<'a>(agenda: &'a str, by: &'a str) -> [&'a str; 9] {
    [
        "case",
        "act",
        agenda,
        "--action",
        "disposisi",
        "--as",
        "kadis",
        "--by",
        by,
    ]
}

#[test]
fn a_staff_member_is_refused_a_kadis_action_naming_the_role() {
    let desk = TestDesk::new();
    let agenda = case_for_kadis(&desk);
    let err = desk.fails(&kadis_disposition(&agenda, STAF));
    assert!(
        err.contains("staf") && err.contains("kadis") && err.contains("operator"),
        "{err}"
    );
    // Nor may a correction be recorded in the Kadis's name.
    let err = desk.fails(&[
        "case",
        "correct",
        &agenda,
        "--field",
        "phone",
        "--value",
        "0812-1111-2222",
        "--as",
        "kadis",
        "--by",
        STAF,
    ]);
    assert!(err.contains("staf") && err.contains("kadis"), "{err}");
    // The operator records the Kadis's disposition from paper.
    desk.ok(&kadis_disposition(&agenda, OPERATOR));
}

#[test]
fn a_staff_member_records_for_the_kadis_where_the_sop_lets_staff() {
    let desk = TestDesk::new();
    desk.let_staff_record_for_the_kadis();
    let agenda = case_for_kadis(&desk);
    desk.ok(&kadis_disposition(&agenda, STAF));
    // Still not for the Kabid, whom this SOP does not let staff record for.
    let err = desk.fails(&[
        "case",
        "act",
        &agenda,
        "--action",
        "disposisi",
        "--as",
        "kabid-dip",
        "--by",
        STAF,
    ]);
    assert!(err.contains("kabid-dip"), "{err}");
}
