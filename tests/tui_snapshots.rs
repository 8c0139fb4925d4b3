//! Each screen state drawn on a TestBackend: characters in snapshots,
//! colours asserted on the buffer.

mod common;

use aduan::ui::App;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

fn app(desk: &common::TestDesk) -> App {
    App::new(desk.open())
}

fn press(app: &mut App, code: KeyCode) {
    app.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn ctrl(app: &mut App, c: char) {
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    terminal
}

fn signed_in() -> (common::TestDesk, App) {
    let desk = common::TestDesk::new();
    let mut app = app(&desk);
    press(&mut app, KeyCode::Enter);
    (desk, app)
}

fn fill(app: &mut App) {
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    type_text(app, "Siti Aminah");
    press(app, KeyCode::Tab);
    type_text(app, "3512074507850003");
    press(app, KeyCode::Tab);
    type_text(app, "Jl. Melati No. 5");
    press(app, KeyCode::Tab);
    type_text(app, "081234567890");
    for _ in 0..9 {
        press(app, KeyCode::Tab);
    }
    type_text(app, "PBG belum terbit");
    press(app, KeyCode::Tab);
    type_text(app, "Sudah tiga bulan.");
}

#[test]
fn person_picker() {
    let desk = common::TestDesk::new();
    let app = app(&desk);
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn empty_form_at_the_smallest_size() {
    let (_desk, app) = signed_in();
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn refused_save_marks_the_problems_in_red_with_a_cross() {
    let (_desk, mut app) = signed_in();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Siti");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "12345");
    ctrl(&mut app, 's');
    let terminal = draw(&app, 80, 24);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    let nik_row = (0..24)
        .find(|&y| {
            (0..80)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("NIK")
        })
        .unwrap();
    let cross = &buffer[(1, nik_row)];
    assert_eq!(cross.symbol(), "✗");
    assert_eq!(cross.fg, Color::Red);
}

#[test]
fn receipt_after_saving() {
    let (desk, mut app) = signed_in();
    fill(&mut app);
    ctrl(&mut app, 's');
    let terminal = draw(&app, 100, 30);
    let text = format!("{}", terminal.backend());
    insta::assert_snapshot!(text.replace(&desk.dir.path().display().to_string(), "[DIR]"));
}

#[test]
fn help_lists_every_key() {
    let (_desk, mut app) = signed_in();
    press(&mut app, KeyCode::F(1));
    insta::assert_snapshot!(draw(&app, 100, 30).backend());
}

#[test]
fn too_small() {
    let (_desk, app) = signed_in();
    insta::assert_snapshot!(draw(&app, 60, 20).backend());
}

#[test]
fn search_results() {
    let (desk, mut app) = signed_in();
    desk.add_case("2026-11-19 09:00");
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "siti");
    app.settle(true);
    insta::assert_snapshot!(draw(&app, 100, 30).backend());
}

#[test]
fn other_tabs_are_not_there_yet() {
    let (_desk, mut app) = signed_in();
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('2'),
        KeyModifiers::ALT,
    )));
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn recap_month_and_year_at_the_smallest_size() {
    let (desk, mut app) = signed_in();
    desk.add_case("2026-11-19 09:00");
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('4'),
        KeyModifiers::ALT,
    )));
    insta::assert_snapshot!("recap_month", draw(&app, 80, 24).backend());
    press(&mut app, KeyCode::Char('t'));
    insta::assert_snapshot!("recap_year", draw(&app, 80, 24).backend());
}
