//! The sync window (F8) and a case that needs a decision, drawn on a
//! TestBackend at the smallest size the program runs in.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Once;
use std::time::{Duration, Instant};

use aduan::ui::App;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

const KASI: usize = 1;

/// A sync folder named relative to one working folder, so the window shows
/// the same path wherever temporary files live. Emptied first.
fn shared_folder(name: &str) -> PathBuf {
    static CWD: Once = Once::new();
    CWD.call_once(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tui-sync");
        std::fs::create_dir_all(&dir).unwrap();
        std::env::set_current_dir(&dir).unwrap();
    });
    let path = std::env::current_dir().unwrap().join(name);
    let _ = std::fs::remove_dir_all(&path);
    std::fs::create_dir_all(&path).unwrap();
    path
}

fn key(app: &mut App, code: KeyCode) {
    app.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Signs in as the person at `index` and opens the inbox.
fn inbox_as(desk: &common::TestDesk, index: usize) -> App {
    let mut app = App::new(desk.open());
    for _ in 0..index {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('2'),
        KeyModifiers::ALT,
    )));
    app
}

/// Takes the worker's reports until the sync has ended.
fn wait_for_sync(app: &mut App) {
    let start = Instant::now();
    loop {
        app.pump();
        if !app.busy() {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the sync never ended"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    terminal
}

/// The screen as text; a desk's key fingerprint (random per desk) is
/// replaced by a placeholder of the same width.
fn screen(app: &App, fingerprints: &[&str]) -> String {
    let mut text = format!("{}", draw(app).backend());
    for f in fingerprints {
        text = text.replace(f, "XXXX-XXXX-XXXX-XXXX");
    }
    text
}

/// The start of a desk's id, which names its file in a shared folder.
fn id8(desk: &common::TestDesk) -> String {
    desk.open().local.id.simple().to_string()[..8].to_string()
}

/// [`screen`], the desks' ids in file names replaced too.
fn screen_of_files(app: &App, fingerprint: &str, desks: &[&common::TestDesk]) -> String {
    let mut text = screen(app, &[fingerprint]);
    for desk in desks {
        text = text.replace(&id8(desk), "xxxxxxxx");
    }
    text
}

fn row_with(buffer: &Buffer, text: &str) -> u16 {
    let area = buffer.area;
    (0..area.height)
        .find(|&y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains(text)
        })
        .unwrap_or_else(|| panic!("{text} is not on the screen"))
}

#[test]
fn the_sync_window_before_during_confirmation_and_after() {
    let (a, b) = common::two_desks();
    let usb = shared_folder("usb-jendela");
    b.ok(&["sync", "--folder", usb.to_str().unwrap()]);
    let fingerprint = b.open().fingerprint().unwrap();

    let mut app = inbox_as(&a, KASI);
    key(&mut app, KeyCode::F(8));
    type_text(&mut app, "usb-jendela");
    let before = screen(&app, &[]);
    assert!(before.contains("Folder: usb-jendela"), "{before}");
    insta::assert_snapshot!("sync_window_before", before);

    // LKT2 is not on LKT1's roster: its fingerprint is shown and nothing is
    // merged until the user says yes.
    key(&mut app, KeyCode::Enter);
    wait_for_sync(&mut app);
    let asking = format!("{}", draw(&app).backend());
    assert!(asking.contains(&fingerprint), "{asking}");
    insta::assert_snapshot!("sync_window_untrusted", screen(&app, &[&fingerprint]));
    assert_eq!(
        a.json(&["case", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    key(&mut app, KeyCode::Char('y'));
    wait_for_sync(&mut app);
    let after = screen_of_files(&app, &fingerprint, &[&a, &b]);
    for must in [
        "Sinkron selesai",
        "Peristiwa baru dari loket LKT2: 1",
        "Kasus baru: 1",
        "aduan-LKT1-xxxxxxxx.aduan",
    ] {
        assert!(after.contains(must), "{must} missing:\n{after}");
    }
    insta::assert_snapshot!("sync_window_after", after);

    // Closed: B's case is in the inbox, and the status bar tells when.
    key(&mut app, KeyCode::Esc);
    let inbox = screen(&app, &[]);
    assert!(inbox.contains("0001/PGD/LKT2/2026"), "{inbox}");
    assert!(inbox.contains("Sinkron: 2026-11-20 10:00"), "{inbox}");
    assert!(inbox.contains("Terbuka 2"), "{inbox}");
    assert!(usb.join(format!("aduan-LKT1-{}.aduan", id8(&a))).is_file());
}

#[test]
fn a_refused_folder_is_named_and_the_status_bar_tells_the_last_sync() {
    let desk = common::TestDesk::new();
    desk.add_case("2026-11-16 09:00");
    let mut app = inbox_as(&desk, KASI);
    assert!(screen(&app, &[]).contains("Sinkron: belum pernah"));
    key(&mut app, KeyCode::F(8));
    type_text(&mut app, "tidak-ada-folder-ini");
    key(&mut app, KeyCode::Enter);
    wait_for_sync(&mut app);
    let text = screen(&app, &[]);
    assert!(
        text.contains("✗ tidak-ada-folder-ini bukan folder yang ada."),
        "{text}"
    );
    // Enter goes back to the folder; a good one syncs (nothing to merge).
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app, &[]).contains("Enter: mulai"));
    let usb = tempfile::tempdir().unwrap();
    key(&mut app, KeyCode::Home);
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    type_text(&mut app, usb.path().to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    wait_for_sync(&mut app);
    let text = screen(&app, &[]);
    assert!(
        text.contains("Belum ada bundel loket lain di folder ini."),
        "{text}"
    );
    key(&mut app, KeyCode::Esc);
    let text = screen(&app, &[]);
    assert!(!text.contains("Sinkron antar loket"), "{text}");
    assert!(text.contains("Sinkron: 2026-11-20 10:00"), "{text}");
    // The folder is remembered for the next time.
    key(&mut app, KeyCode::F(8));
    let text = screen(&app, &[]);
    assert!(
        text.contains(&format!("Folder: {}", usb.path().display())),
        "{text}"
    );
    assert_eq!(
        app.desk.config.sync.folder,
        usb.path().to_str().unwrap().to_string()
    );
}

#[test]
fn a_case_that_needs_a_decision_is_marked_and_settled() {
    let (a, b) = common::two_desks();
    b.ok(&["sync", "merge", a.export_to("a1.aduan").to_str().unwrap()]);
    a.ok(&[
        "sync",
        "merge",
        b.export_to("b1.aduan").to_str().unwrap(),
        "--trust-new-desk",
    ]);
    let case = common::name_corrected_apart(&a, &b);

    let mut app = inbox_as(&a, KASI);
    // The other case selected, so the conflicted row shows its own colours.
    key(&mut app, KeyCode::Down);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let marked = row_with(buffer, &case);
    assert_eq!(buffer[(1, marked)].symbol(), "⚑");
    assert_eq!(buffer[(1, marked)].fg, Color::Magenta);
    // The other case needs no decision.
    let plain = row_with(buffer, "0001/PGD/LKT2/2026");
    assert_eq!(buffer[(1, plain)].symbol(), " ");
    key(&mut app, KeyCode::Up);
    let text = screen(&app, &[]);
    for must in [
        "⚑ Perlu keputusan (c: putuskan): Nama pelapor",
        "Siti Aminah · LKT1 · Operator Loket · 2026-11-20 08:00",
        "Sity Aminah · LKT2 · Operator Loket · 2026-11-20 09:00",
        "[c] putuskan perbedaan",
    ] {
        assert!(text.contains(must), "{must} missing:\n{text}");
    }
    insta::assert_snapshot!("inbox_with_a_conflict", text);

    // c: both values to pick from; → takes the next one, Enter keeps it.
    key(&mut app, KeyCode::Char('c'));
    let first = app.desk.show(&case).unwrap().conflicts[0].values[0]
        .value
        .clone();
    let form = screen(&app, &[]);
    assert!(form.contains(&format!("▶ {first}")), "{form}");
    insta::assert_snapshot!("settle_form", form);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    let shown = app.desk.show(&case).unwrap();
    assert!(shown.conflicts.is_empty());
    let kept = shown.complainant["name"].as_str().unwrap().to_string();
    assert_ne!(kept, first, "→ chose the other value");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(1, row_with(buffer, &case))].symbol(), " ");
    assert!(a.conflicts(&case).is_empty());
}
