//! The inbox drawn on a TestBackend in each view, with the detail pane.

mod common;

use aduan::ui::App;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

/// Five cases, one in each state the views tell apart.
fn desk_with_cases() -> common::TestDesk {
    let desk = common::TestDesk::new();
    let late = desk.add_case("2026-10-05 09:00");
    assert_eq!(late, "0001/PGD/LKT1/2026");
    desk.add_case("2026-11-19 09:00");
    let paused = desk.add_case("2026-11-10 09:00");
    desk.act(
        &paused,
        "tunda",
        &["--note", "Menunggu KTP", "--at", "2026-11-11 09:00"],
    );
    let forwarded = desk.add_case("2026-11-02 09:00");
    let kasi = "Kepala Seksi Penanganan Pengaduan";
    desk.act(
        &forwarded,
        "disposisi",
        &["--as", "kadis", "--at", "2026-11-02 10:00"],
    );
    desk.act(
        &forwarded,
        "disposisi",
        &["--as", "kabid-dip", "--at", "2026-11-02 11:00"],
    );
    desk.act(
        &forwarded,
        "putuskan",
        &[
            "--by",
            kasi,
            "--to",
            "Perhubungan",
            "--at",
            "2026-11-03 09:00",
        ],
    );
    let closed = desk.add_case("2026-11-04 09:00");
    desk.act(
        &closed,
        "tutup",
        &[
            "--by",
            kasi,
            "--note",
            "Dicabut oleh pelapor",
            "--at",
            "2026-11-05 09:00",
        ],
    );
    desk
}

fn inbox_as_kasi(desk: &common::TestDesk) -> App {
    let mut app = App::new(desk.open());
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('2'), KeyModifiers::ALT);
    app
}

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.handle(Event::Key(KeyEvent::new(code, mods)));
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    terminal
}

#[test]
fn each_view_of_the_inbox() {
    let desk = desk_with_cases();
    let mut app = inbox_as_kasi(&desk);
    for (n, name) in [
        (2, "mine"),
        (3, "open"),
        (4, "overdue"),
        (5, "paused"),
        (6, "forwarded"),
        (7, "closed"),
    ] {
        key(&mut app, KeyCode::F(n), KeyModifiers::NONE);
        insta::assert_snapshot!(format!("inbox_{name}"), draw(&app).backend());
    }
}

#[test]
fn a_late_case_is_marked_red_with_a_cross() {
    let desk = desk_with_cases();
    let mut app = inbox_as_kasi(&desk);
    // All open cases; the late 0004 is not the highlighted row.
    key(&mut app, KeyCode::F(3), KeyModifiers::NONE);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let row = (0..30)
        .find(|&y| {
            (0..100)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("0004/PGD/LKT1/2026")
        })
        .unwrap();
    assert_eq!(buffer[(0, row)].symbol(), "✗");
    assert_eq!(buffer[(0, row)].fg, Color::Red);
}

#[test]
fn the_inbox_fits_the_smallest_terminal() {
    let desk = desk_with_cases();
    let mut app = inbox_as_kasi(&desk);
    key(&mut app, KeyCode::F(3), KeyModifiers::NONE);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let screen = format!("{}", terminal.backend());
    for must in ["F7 Selesai", "Sisa", "0004/PGD/LKT1/2026", "[d]"] {
        assert!(screen.contains(must), "{must} missing:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn time_used_by_a_step_leaves_out_its_pauses() {
    let desk = common::TestDesk::new();
    let a = desk.add_case("2026-11-16 08:00");
    // Paused Monday 09:00 to Thursday 09:00: three office days that do not count.
    desk.act(
        &a,
        "tunda",
        &["--note", "Menunggu KTP", "--at", "2026-11-16 09:00"],
    );
    desk.act(&a, "lanjutkan", &["--at", "2026-11-19 09:00"]);
    let d = desk.open();
    let rows = d.list(&aduan::store::ListFilter::default()).unwrap();
    assert_eq!(rows[0].step_paused, 3 * 480);
    // From Monday 08:00 to Friday 10:00 is 4 days and 2 hours of office time; 3 days were paused.
    let (used, standard) = d.row_timing(&rows[0]).step_used.unwrap();
    // The disposition's standard is half a day (240 minutes).
    assert_eq!((used, standard), (480 + 120, 240));
}

#[test]
fn a_wide_inbox_shows_who_holds_the_step_and_the_complainant() {
    let desk = desk_with_cases();
    let mut app = inbox_as_kasi(&desk);
    key(&mut app, KeyCode::F(3), KeyModifiers::NONE);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let screen = format!("{}", terminal.backend());
    let header = screen.lines().nth(2).unwrap();
    for must in ["Pelapor", "Pelaksana", "Pakai/bk", "Batas", "Sisa"] {
        assert!(header.contains(must), "{must} missing:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn at_eighty_columns_a_cut_word_ends_in_an_ellipsis() {
    let desk = desk_with_cases();
    let mut app = inbox_as_kasi(&desk);
    key(&mut app, KeyCode::F(3), KeyModifiers::NONE);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let screen = format!("{}", terminal.backend());
    let row = screen
        .lines()
        .find(|l| l.contains("0001/PGD/LKT1/2026"))
        .unwrap();
    // The step's title is longer than its column: it is cut, and says so.
    let cut = screen
        .lines()
        .find(|l| l.contains("0004/PGD/LKT1/2026"))
        .unwrap();
    assert!(cut.contains("Konsep surat penerus…"), "{screen}");
    assert!(row.contains("Disposisi Kadis"), "{screen}");
    // The days left are whole at the end of the row.
    assert!(row.trim_end_matches(['"', ' ']).ends_with("-20"), "{row}");
}

#[test]
fn at_eighty_columns_the_name_gives_way_to_the_deadline() {
    let desk = desk_with_cases();
    let mut app = inbox_as_kasi(&desk);
    key(&mut app, KeyCode::F(5), KeyModifiers::NONE);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let screen = format!("{}", terminal.backend());
    let head = screen
        .lines()
        .find(|l| l.starts_with("\"0003/PGD/LKT1/2026"))
        .unwrap();
    // The paused status is long; the deadline still shows whole.
    assert!(head.contains("[Dijeda"), "{screen}");
    assert!(head.contains("Batas waktu: 2026-"), "{head}");
    assert!(!head.contains("Batas waktu: 2026-…"), "{head}");
    assert!(head.contains('…'), "the name is cut and says so: {head}");
}

#[test]
fn the_recap_lists_the_cases_past_their_deadline_and_opens_one() {
    let desk = desk_with_cases();
    let mut app = inbox_as_kasi(&desk);
    key(&mut app, KeyCode::Char('4'), KeyModifiers::ALT);
    let screen = format!("{}", draw(&app).backend());
    // The case received on 5 October is past its deadline; the others not.
    assert!(screen.contains("Terlambat (1)"), "{screen}");
    assert!(screen.contains("0001/PGD/LKT1/2026 PBG"), "{screen}");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let screen = format!("{}", draw(&app).backend());
    assert!(
        screen.contains("Berkas kasus 0001/PGD/LKT1/2026"),
        "{screen}"
    );
    assert!(screen.contains("lewat batas waktu"), "{screen}");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    let screen = format!("{}", draw(&app).backend());
    assert!(!screen.contains("Berkas kasus"), "{screen}");
}
