//! The console look on a TestBackend: every screen drawn in it keeps to the
//! 16 basic colours and to ASCII and box drawing; the full look keeps its
//! marks.

mod common;

use aduan::ui::{App, theme};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.handle(Event::Key(KeyEvent::new(code, mods)));
}

fn press(app: &mut App, code: KeyCode) {
    key(app, code, KeyModifiers::NONE);
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    terminal.backend().buffer().clone()
}

fn wide(c: Color) -> bool {
    matches!(c, Color::Indexed(n) if n >= 16) || matches!(c, Color::Rgb(..))
}

fn plain(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii() || ('\u{2500}'..='\u{257F}').contains(&c))
}

/// The screens of a day: the picker, a refused save, the help, each inbox
/// view with a late and a paused case, Investigasi, the recap's month and
/// year; each at the smallest size and a larger one.
fn screens(app: &mut App) -> Vec<(String, Buffer)> {
    let mut out = Vec::new();
    let mut shot = |app: &App, name: &str| {
        for (w, h) in [(80, 24), (120, 40)] {
            out.push((format!("{name} {w}x{h}"), draw(app, w, h)));
        }
    };
    shot(app, "picker");
    press(app, KeyCode::Down);
    press(app, KeyCode::Enter);
    key(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    shot(app, "refused save");
    press(app, KeyCode::F(1));
    shot(app, "help");
    press(app, KeyCode::Esc);
    key(app, KeyCode::Char('2'), KeyModifiers::ALT);
    for n in 2..=7 {
        press(app, KeyCode::F(n));
        shot(app, &format!("inbox F{n}"));
    }
    press(app, KeyCode::F(1));
    shot(app, "inbox help");
    press(app, KeyCode::Esc);
    key(app, KeyCode::Char('3'), KeyModifiers::ALT);
    shot(app, "investigation");
    key(app, KeyCode::Char('4'), KeyModifiers::ALT);
    shot(app, "recap month");
    press(app, KeyCode::Char('t'));
    shot(app, "recap year");
    out
}

fn desk() -> common::TestDesk {
    let desk = common::TestDesk::new();
    desk.add_case("2026-10-01 09:00");
    let paused = desk.add_case("2026-11-18 09:00");
    desk.act(
        &paused,
        "tunda",
        &["--note", "Menunggu KTP", "--at", "2026-11-19 09:00"],
    );
    let done = desk.add_case("2026-11-19 09:00");
    desk.walk_to_cek_data(&done);
    desk
}

#[test]
fn the_console_look_sends_sixteen_colours_and_plain_marks() {
    let desk = desk();
    theme::set_console(true);
    let mut app = App::new(desk.open());
    for (name, buf) in screens(&mut app) {
        for cell in &buf.content {
            assert!(!wide(cell.fg) && !wide(cell.bg), "{name}: {cell:?}");
            assert!(plain(cell.symbol()), "{name}: {:?}", cell.symbol());
        }
    }
    theme::set_console(false);
}

#[test]
fn the_full_look_keeps_its_marks_and_its_sixteen_colours() {
    let desk = desk();
    theme::set_console(false);
    let mut app = App::new(desk.open());
    let all: String = screens(&mut app)
        .iter()
        .flat_map(|(_, buf)| buf.content.iter().map(|c| c.symbol().to_string()))
        .collect();
    for mark in ["✗", "▶", "✔", "‖", "·"] {
        assert!(all.contains(mark), "{mark}");
    }
}

#[test]
fn the_legend_names_the_stand_ins_only_on_the_console() {
    theme::set_console(true);
    let legend = theme::legend();
    theme::set_console(false);
    assert!(legend.starts_with("Tanda: v selesai"), "{legend}");
    for mark in ["x ", "! ", ". ", "= ", "* ", "> ", "< > ", "# ", "~ "] {
        assert!(legend.contains(mark), "{mark} in {legend}");
    }
    assert!(theme::legend().is_empty());
}
