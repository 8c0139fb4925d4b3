//! PINs in a real terminal: set at the first sign-in (typed twice, shown as
//! •), a wrong PIN then the right one, F9 asking again, the idle lock that
//! hides the screen, and the lockout after five wrong PINs. The idle lock is
//! configured in fractions of a minute (`idle_lock_minutes = 0.05`: 3 s).

mod common;

use aduan::service::pin::Place;
use common::TestDesk;
use common::term::Term;

const OPERATOR: &str = "Operator Loket";
const PINS_ON: &str = "[security]\npin = true\nidle_lock_minutes = 0\n";

fn open(desk: TestDesk, name: &str) -> Term {
    Term::start(desk, &format!("pin-{name}"))
}

fn with_pin(desk: &TestDesk, person: &str, pin: &str) {
    desk.open()
        .pins()
        .set(person, pin, Place::CommandLine)
        .unwrap();
}

/// Picks the first person of the picker.
fn pick_operator(term: &Term) {
    term.wait_for("Siapa yang bertugas?");
    term.keys(&["Home", "Enter"]);
}

fn type_pin(term: &Term, pin: &str) {
    term.type_text(pin);
    term.wait_for(&"•".repeat(pin.len()));
    term.keys(&["Enter"]);
}

#[test]
fn the_first_sign_in_sets_a_pin_typed_twice_and_masked() {
    let term = open(TestDesk::with_pins(PINS_ON), "first");
    pick_operator(&term);
    term.wait_for("Masuk pertama: setel PIN Anda.");
    type_pin(&term, "12");
    term.wait_for("PIN harus 4–12 angka.");
    term.type_text("1234");
    let screen = term.wait_for("••••");
    assert!(!screen.contains("1234"), "the PIN is masked:\n{screen}");
    term.keys(&["Enter"]);
    term.wait_for("Ulangi PIN baru");
    type_pin(&term, "4321");
    term.wait_for("Kedua PIN berbeda");
    type_pin(&term, "1234");
    term.wait_for("Ulangi PIN baru");
    type_pin(&term, "1234");
    term.wait_for("Pengaduan baru");
    let kept = std::fs::read_to_string(term.desk.dir.path().join("kunci/pin.toml")).unwrap();
    assert!(
        kept.contains("$argon2id$") && kept.contains(OPERATOR),
        "{kept}"
    );
    // F9 asks again: now for the PIN just set.
    term.keys(&["F9"]);
    pick_operator(&term);
    term.wait_for("Petugas: Operator Loket");
    let screen = term.screen();
    assert!(!screen.contains("Masuk pertama"), "{screen}");
    type_pin(&term, "1234");
    term.wait_for("Pengaduan baru");
}

#[test]
fn a_wrong_pin_says_so_and_the_right_one_signs_in() {
    let desk = TestDesk::with_pins(PINS_ON);
    with_pin(&desk, OPERATOR, "2468");
    let term = open(desk, "wrong");
    pick_operator(&term);
    term.wait_for("Petugas: Operator Loket");
    type_pin(&term, "1111");
    term.wait_for("PIN salah; sisa 4 kali coba");
    // Esc goes back to the picker; nobody is signed in.
    term.keys(&["Escape"]);
    term.wait_gone("PIN salah");
    term.wait_for("Siapa yang bertugas?");
    term.keys(&["Enter"]);
    term.wait_for("Petugas: Operator Loket");
    type_pin(&term, "2468");
    term.wait_for("Pengaduan baru");
    let log = term
        .desk
        .command(&["pin", "log"])
        .env("ADUAN_PIN", "2468")
        .output()
        .unwrap();
    let log = String::from_utf8(log.stdout).unwrap();
    assert!(
        log.contains("layar  ") && log.contains("PIN salah"),
        "{log}"
    );
    assert!(log.contains("masuk"), "{log}");
}

#[test]
fn five_wrong_pins_lock_the_person_until_a_time_shown() {
    let desk = TestDesk::with_pins(PINS_ON);
    with_pin(&desk, OPERATOR, "2468");
    let term = open(desk, "lockout");
    pick_operator(&term);
    for left in (1..=4).rev() {
        type_pin(&term, "0000");
        term.wait_for(&format!("sisa {left} kali coba"));
    }
    type_pin(&term, "0000");
    // The window wraps the line: the lock and its end are looked for apart.
    term.wait_for("terkunci setelah lima PIN salah, sampai");
    term.wait_for("2026-11-20 10:15.");
    type_pin(&term, "2468");
    let screen = term.wait_for("terkunci");
    assert!(!screen.contains("Pengaduan baru"), "{screen}");
    // Opened again later, the window says so at once.
    term.keys(&["Escape"]);
    term.wait_for("Siapa yang bertugas?");
    term.keys(&["Enter"]);
    term.wait_for("terkunci setelah lima PIN salah, sampai");
    term.wait_for("2026-11-20 10:15.");
}

#[test]
fn after_idle_time_the_screen_locks_and_hides_what_was_typed() {
    let desk = TestDesk::with_pins("[security]\npin = true\nidle_lock_minutes = 0.05\n");
    with_pin(&desk, OPERATOR, "2468");
    let term = open(desk, "idle");
    pick_operator(&term);
    type_pin(&term, "2468");
    term.wait_for("Pengaduan baru");
    term.keys(&["Tab", "Tab"]);
    term.type_text("Rahayu Lestari");
    term.wait_for("Rahayu Lestari");
    let screen = term.wait_for("Layar terkunci");
    assert!(
        !screen.contains("Rahayu") && !screen.contains("Pengaduan baru"),
        "the lock hides the screen:\n{screen}"
    );
    type_pin(&term, "9999");
    term.wait_for("PIN salah");
    type_pin(&term, "2468");
    term.wait_for("Rahayu Lestari");
    // Locked again, F9 hands the desk to another person.
    term.wait_for("Layar terkunci");
    term.keys(&["F9"]);
    term.wait_for("Siapa yang bertugas?");
}

#[test]
fn with_pins_off_the_status_bar_says_so() {
    let term = open(TestDesk::new(), "off");
    pick_operator(&term);
    term.wait_for("Pengaduan baru");
    term.wait_for("PIN mati");
}
