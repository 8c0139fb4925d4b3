//! The forms keep what is typed and show their values whole: a pasted
//! description with its paragraphs, an OPD's full name in a decision, a
//! pre-filled date replaced by typing.

mod common;

use aduan::ui::App;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const THREE_PARAGRAPHS: &str = "Saya mengajukan PBG untuk rumah toko di Jl. Melati sejak Agustus.\r\n\
\r\n\
Petugas menyatakan berkas lengkap, tetapi sampai hari ini belum ada kabar.\r\
\r\
Mohon kepastian kapan PBG terbit.";

/// The pasted text as the form keeps it: every break a `\n`.
const KEPT: &str = "Saya mengajukan PBG untuk rumah toko di Jl. Melati sejak Agustus.\n\
\n\
Petugas menyatakan berkas lengkap, tetapi sampai hari ini belum ada kabar.\n\
\n\
Mohon kepastian kapan PBG terbit.";

fn press(app: &mut App, code: KeyCode) {
    app.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    format!("{}", terminal.backend())
}

fn rows(screen: &str) -> Vec<&str> {
    screen.lines().collect()
}

/// Signed in as the first person, the cursor in the description.
fn at_the_description(desk: &common::TestDesk) -> App {
    let mut app = App::new(desk.open());
    press(&mut app, KeyCode::Enter);
    for _ in 0..15 {
        press(&mut app, KeyCode::Tab);
    }
    app
}

#[test]
fn a_pasted_description_wraps_and_keeps_its_paragraphs() {
    let desk = common::TestDesk::new();
    let mut app = at_the_description(&desk);
    app.handle(Event::Paste(THREE_PARAGRAPHS.into()));
    assert_eq!(app.intake.to_draft().description, KEPT);
    let screen = draw(&app, 80, 24);
    // Each paragraph's last words are on screen: nothing scrolled sideways.
    for end in ["Agustus.", "belum ada kabar.", "kapan PBG terbit."] {
        assert!(screen.contains(end), "{end} missing:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

/// Rows from the description's label down to the time of receipt.
fn description_rows(screen: &str) -> usize {
    let rows = rows(screen);
    let first = rows.iter().position(|r| r.contains("Uraian")).unwrap();
    let last = rows
        .iter()
        .position(|r| r.contains("Waktu diterima"))
        .unwrap();
    last - first
}

#[test]
fn the_description_is_several_lines_tall_and_taller_on_a_larger_terminal() {
    let desk = common::TestDesk::new();
    let app = at_the_description(&desk);
    let small = description_rows(&draw(&app, 80, 24));
    let large = description_rows(&draw(&app, 120, 40));
    assert!(small >= 6, "{small} rows at 80×24");
    assert!(
        large >= small + 10,
        "{large} rows at 120×40, {small} at 80×24"
    );
}

#[test]
fn pasted_line_breaks_survive_the_draft() {
    let desk = common::TestDesk::new();
    let mut app = at_the_description(&desk);
    app.handle(Event::Paste(THREE_PARAGRAPHS.into()));
    app.settle(true);
    let person = app.desk.config.people[0].name.clone();
    let kept = app.desk.load_draft(&person).unwrap().expect("a draft");
    assert_eq!(kept.description, KEPT);
    drop(app);

    // The next session offers the draft; taking it brings the paragraphs back.
    let mut again = App::new(desk.open());
    press(&mut again, KeyCode::Enter);
    press(&mut again, KeyCode::Enter);
    assert_eq!(again.intake.to_draft().description, KEPT);
    let screen = draw(&again, 80, 24);
    let blank_between = rows(&screen)
        .windows(3)
        .any(|w| w[0].contains("Agustus.") && w[2].contains("│Petugas"));
    assert!(blank_between, "no blank line between paragraphs:\n{screen}");
}

#[test]
fn a_one_line_field_takes_pasted_breaks_as_spaces() {
    let desk = common::TestDesk::new();
    let mut app = App::new(desk.open());
    press(&mut app, KeyCode::Enter);
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    app.handle(Event::Paste("Jl. Melati No. 5\r\nSitubondo".into()));
    assert_eq!(app.intake.to_draft().address, "Jl. Melati No. 5 Situbondo");
}

/// A case at the Kasi's decision, the inbox open as the Kasi.
fn at_the_decision() -> (common::TestDesk, App) {
    let desk = common::TestDesk::new();
    let agenda = desk.add_case("2026-11-19 09:00");
    desk.act(&agenda, "disposisi", &["--as", "kadis"]);
    desk.act(&agenda, "disposisi", &["--as", "kabid-dip"]);
    let mut app = App::new(desk.open());
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('2'),
        KeyModifiers::ALT,
    )));
    (desk, app)
}

#[test]
fn every_opd_shows_whole_in_the_decision_at_80_columns() {
    let (desk, mut app) = at_the_decision();
    press(&mut app, KeyCode::Char('p'));
    // The first option keeps the case; each step right is the next OPD.
    for opd in &desk.open().config.forward.opds {
        press(&mut app, KeyCode::Right);
        let screen = draw(&app, 80, 24);
        assert!(screen.contains(opd.as_str()), "{opd} not whole:\n{screen}");
    }
}

#[test]
fn the_forward_decision_names_the_opd_and_the_confirmation_says_what_is_recorded() {
    let (_desk, mut app) = at_the_decision();
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Right);
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("→ Dinas Pekerjaan Umum dan Penataan Ruang"));
    insta::assert_snapshot!("decision_forward", screen);
    press(&mut app, KeyCode::Enter);
    let screen = draw(&app, 80, 24);
    for must in [
        "Catat tindakan?",
        "Tindakan: putuskan",
        "Keputusan: Bukan kewenangan DPMPTSP: diteruskan ke OPD terkait",
        "Diteruskan ke: Dinas Pekerjaan Umum dan Penataan Ruang",
    ] {
        assert!(screen.contains(must), "{must} missing:\n{screen}");
    }
    insta::assert_snapshot!("decision_forward_confirm", screen);
}

#[test]
fn typing_into_the_prefilled_paper_date_replaces_it() {
    let desk = common::TestDesk::new();
    let agenda = desk.add_case("2026-11-19 09:00");
    let mut app = App::new(desk.open());
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('2'),
        KeyModifiers::ALT,
    )));
    press(&mut app, KeyCode::Char('d'));
    // To, instruction, priority: then the date on paper, today by default.
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    assert!(draw(&app, 80, 24).contains("2026-11-20"));
    type_text(&mut app, "2026-11-19");
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("2026-11-19"), "{screen}");
    assert!(!screen.contains("2026-11-202026"), "{screen}");
    press(&mut app, KeyCode::Tab);
    app.handle(Event::Paste(
        "Segera ditindaklanjuti.\nLapor hasilnya.".into(),
    ));
    press(&mut app, KeyCode::Enter);
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Tgl. di kertas: 2026-11-19"), "{screen}");
    // A note on a short terminal: the confirmation and its keys still show.
    assert!(
        screen.contains("Keterangan: Segera ditindaklanjuti. …"),
        "{screen}"
    );
    assert!(screen.contains("Enter: catat"), "{screen}");
    press(&mut app, KeyCode::Enter);
    let d = desk.json(&["case", "show", &agenda, "--json"]);
    let text = d["timeline"].to_string();
    assert!(text.contains("2026-11-19"), "{text}");
    assert!(!text.contains("2026-11-202026"), "{text}");
}
