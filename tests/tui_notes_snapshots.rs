//! The Investigasi tab drawn on a TestBackend at 80×24: the list of cases,
//! a case's notes, a note's history and the form of each kind. Characters
//! are in snapshots (note codes replaced, as they are random); colours are
//! asserted on the buffer.

mod common;

use aduan::domain::event::NoteKind;
use aduan::service::short_id;
use aduan::ui::App;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

const STAF: usize = 2;

/// Two cases: the first at the staff's licence check (investigation work),
/// the second still waiting for the head's disposition.
fn desk_with_cases() -> (common::TestDesk, String, String) {
    let desk = common::TestDesk::new();
    let at_check = desk.add_case("2026-11-19 09:00");
    desk.walk_to_cek_data(&at_check);
    let waiting = desk.add_case("2026-11-19 10:00");
    (desk, at_check, waiting)
}

fn key(app: &mut App, code: KeyCode) {
    app.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Signed in as the person at `index` of the config, on the Investigasi tab.
fn investigation_tab(desk: &common::TestDesk, index: usize) -> App {
    let mut app = App::new(desk.open());
    for _ in 0..index {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('3'),
        KeyModifiers::ALT,
    )));
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    terminal
}

/// The screen with each note's random code replaced by a fixed one.
fn screen(app: &App, terminal: &Terminal<TestBackend>, agenda: &str) -> String {
    let mut text = format!("{}", terminal.backend());
    let book = app.desk.notebook(agenda).unwrap().notebook;
    for (i, note) in book.notes.iter().enumerate() {
        text = text.replace(&short_id(note.event), &format!("note{:04}", i + 1));
    }
    text
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A note of each kind by the staff; the first corrected, the BAP's first
/// version withdrawn.
fn write_notes(desk: &common::TestDesk, agenda: &str) {
    let mut d = desk.open();
    let who = d
        .acting_as(Some("Staf Penanganan Pengaduan"), None)
        .unwrap();
    let first = d
        .add_note(
            agenda,
            NoteKind::Catatan,
            &fields(&[("teks", "Pelapor datang lagi\nmembawa fotokopi KTP")]),
            None,
            &who,
        )
        .unwrap();
    d.add_note(
        agenda,
        NoteKind::CekPerizinan,
        &fields(&[
            ("jenis-izin", "PBG"),
            ("status", "tidak-terdaftar"),
            ("dibandingkan", "OSS dan berkas pemohon"),
            ("hasil", "NIB ada, PBG belum terdaftar"),
        ]),
        None,
        &who,
    )
    .unwrap();
    let bap = d
        .add_note(
            agenda,
            NoteKind::Bap,
            &fields(&[
                ("waktu", "2026-11-19 09:30"),
                ("tempat", "Desa Kilensari"),
                ("petugas", "Staf Penanganan Pengaduan"),
                ("temuan", "Gudang tanpa PBG"),
                ("kesimpulan", "Belum berizin"),
            ]),
            None,
            &who,
        )
        .unwrap();
    d.withdraw_note(agenda, &short_id(bap), "Salah tempat", &who)
        .unwrap();
    d.add_note(
        agenda,
        NoteKind::Catatan,
        &fields(&[("teks", "Pelapor datang lagi\nmembawa fotokopi KTP dan KK")]),
        Some(&short_id(first)),
        &who,
    )
    .unwrap();
}

#[test]
fn the_list_of_cases_with_investigation_work() {
    let (desk, at_check, waiting) = desk_with_cases();
    let app = investigation_tab(&desk, STAF);
    let text = format!("{}", draw(&app).backend());
    assert!(text.contains(&at_check), "{text}");
    assert!(!text.contains(&waiting), "{text}");
    insta::assert_snapshot!("notes_picker", text);
}

#[test]
fn a_case_found_by_name_from_the_tab() {
    let (desk, _, waiting) = desk_with_cases();
    let mut app = investigation_tab(&desk, STAF);
    for c in "0002".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    app.settle(true);
    let text = format!("{}", draw(&app).backend());
    assert!(text.contains(&waiting), "{text}");
    // Enter opens the whole case; `i` there opens its notes.
    key(&mut app, KeyCode::Enter);
    let text = format!("{}", draw(&app).backend());
    assert!(text.contains(&format!("Berkas kasus {waiting}")), "{text}");
    key(&mut app, KeyCode::Char('i'));
    let text = format!("{}", draw(&app).backend());
    assert!(text.contains(&format!("{waiting}  [")), "{text}");
    assert!(text.contains("Belum ada catatan."), "{text}");
}

#[test]
fn notes_newest_first_with_superseded_and_withdrawn_marked() {
    let (desk, at_check, _) = desk_with_cases();
    write_notes(&desk, &at_check);
    let mut app = investigation_tab(&desk, STAF);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('i'));
    let terminal = draw(&app);
    let text = screen(&app, &terminal, &at_check);
    assert!(text.contains("ditarik: Salah tempat"), "{text}");
    assert!(text.contains("diganti oleh note0004"), "{text}");
    insta::assert_snapshot!("notes_list", text);

    // The withdrawn BAP is dimmed, the standing notes are not.
    let buffer = terminal.backend().buffer();
    let row_of = |needle: &str| {
        (0..24)
            .find(|&y| {
                (0..80)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
                    .contains(needle)
            })
            .unwrap()
    };
    let withdrawn = row_of("ditarik: Salah tempat");
    assert_eq!(buffer[(0, withdrawn)].fg, Color::DarkGray);
    assert_eq!(buffer[(70, withdrawn)].fg, Color::DarkGray);
    let standing = row_of("Cek izin");
    assert_eq!(buffer[(0, standing)].fg, Color::Reset);

    // Enter on the old version shows the chain, oldest first.
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    let terminal = draw(&app);
    let text = screen(&app, &terminal, &at_check);
    assert!(text.contains("Riwayat: 2 versi"), "{text}");
    let old = text
        .find("▶ [note0001]")
        .expect("the chosen version is marked");
    let new = text.find("[note0004]").unwrap();
    assert!(old < new, "{text}");
    insta::assert_snapshot!("notes_history", text);
}

#[test]
fn the_form_of_each_kind_of_note() {
    let (desk, at_check, _) = desk_with_cases();
    let mut app = investigation_tab(&desk, STAF);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    insta::assert_snapshot!("notes_choose_kind", draw(&app).backend());
    key(&mut app, KeyCode::Esc);
    for (digit, name) in [
        ('1', "catatan"),
        ('2', "cek_perizinan"),
        ('3', "bap"),
        ('4', "koordinasi"),
        ('5', "fasilitasi"),
    ] {
        key(&mut app, KeyCode::Char('n'));
        key(&mut app, KeyCode::Char(digit));
        let text = format!("{}", draw(&app).backend());
        assert!(text.contains(&at_check), "{text}");
        insta::assert_snapshot!(format!("notes_form_{name}"), text);
        // Nothing typed: one Esc closes it.
        key(&mut app, KeyCode::Esc);
    }
    let text = format!("{}", draw(&app).backend());
    assert!(text.contains("Belum ada catatan."), "{text}");
}

#[test]
fn a_refused_value_is_named_and_kept() {
    let (desk, at_check, _) = desk_with_cases();
    let mut app = investigation_tab(&desk, STAF);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('4'));
    for c in "Bidang Pelayanan".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Tab);
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    for c in "7/10/26".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    let terminal = draw(&app);
    let text = format!("{}", terminal.backend());
    assert!(text.contains("bukan tanggal"), "{text}");
    assert!(text.contains("7/10/26"), "{text}");
    assert!(text.contains("Bidang Pelayanan"), "{text}");
    // The field is marked with a red ✗.
    let buffer = terminal.backend().buffer();
    let (x, y) = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .find(|&(x, y)| buffer[(x, y)].symbol() == "✗")
        .unwrap();
    assert_eq!(buffer[(x, y)].fg, Color::Red);
    assert!(
        app.desk
            .notebook(&at_check)
            .unwrap()
            .notebook
            .notes
            .is_empty(),
        "nothing was written"
    );
}
