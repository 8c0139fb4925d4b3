//! Latency of the terminal interface on a large desk database.
//!
//! `cargo bench --bench tui` takes the desk at `ADUAN_BENCH_DB` (default
//! `/tmp/aduan-bench/aduan.db`), filling it first with `ADUAN_BENCH_CASES`
//! demo cases (default 1,000,000) if it does not exist, and works on a copy
//! it makes of it, so the desk itself never changes (the Investigasi
//! measurement adds 500 notes to a case, and signing in and the form write
//! their own rows). It prints percentiles of: start to first frame, a key
//! press in the form, a search key press on a word found in many cases,
//! scrolling through the results, the inbox (opening it and moving its
//! cursor at 80×24 and 120×40, its views, paging), the case view (opening
//! it from the inbox and scrolling it at both sizes), and the Investigasi tab
//! on a case with 500 notes; each tab's opening beside plain SQL reading
//! the rows it shows (`tui/tabs.rs`), and the bytes a save writes
//! (`tui/saves.rs`). `ADUAN_BENCH_ONLY=WORD` runs only the
//! measurements whose name holds WORD (`case view`, `inbox`, …).

use std::time::{Duration, Instant};

use aduan::service::{Desk, OpenOptions};

mod common;
#[path = "tui/saves.rs"]
mod saves;
#[path = "tui/tabs.rs"]
mod tabs;
use aduan::ui::App;
use common::{peak_rss_kb, report};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// One measurement: it prints its own report lines.
type Measure = fn(&OpenOptions);

/// Each measurement in the order it runs: a function of the copy's open
/// options that prints its own report lines. A new one (the case view
/// opening from the inbox, say: `on_inbox`, then `timed` with its key) is
/// one function and one line here.
const MEASUREMENTS: &[(&str, Measure)] = &[
    ("start", first_frame),
    ("form and search", form_and_search),
    ("inbox at 80×24 and 120×40", inbox_sizes),
    ("case view at 80×24 and 120×40", case_view_sizes),
    ("inbox views and paging", inbox),
    ("Investigasi", notes),
    ("tabs", tabs::tab_openings),
    ("saves", saves::save_bytes),
];

fn main() {
    let desk = common::bench_desk();
    let copy = common::scratch_copy(&desk);
    migrate_first(&copy.opts);
    // `ADUAN_BENCH_ONLY=case` runs only the measurements whose name holds it.
    let only = std::env::var("ADUAN_BENCH_ONLY").unwrap_or_default();
    for (what, measure) in MEASUREMENTS.iter().filter(|(w, _)| w.contains(&only)) {
        eprintln!("— {what}");
        measure(&copy.opts);
    }
    println!("peak resident memory: {} MB", peak_rss_kb() / 1024);
}

/// Opens the copy once before anything is measured: an older database is
/// migrated on its first open (the `case_links` backfill), once.
fn migrate_first(opts: &OpenOptions) {
    let start = Instant::now();
    drop(Desk::open(opts).unwrap());
    eprintln!(
        "first open of the copy (schema migration, if any): {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

fn first_frame(opts: &OpenOptions) {
    let mut first_frame = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let desk = Desk::open(opts).unwrap();
        let app = App::new(desk);
        let mut t = terminal();
        t.draw(|f| app.draw(f)).unwrap();
        first_frame.push(start.elapsed());
    }
    report("start → first frame", &mut first_frame);
}

fn form_and_search(opts: &OpenOptions) {
    let mut app = App::new(Desk::open(opts).unwrap());
    let mut t = terminal();
    key(&mut app, KeyCode::Enter);
    if matches!(app.popups.last(), Some(aduan::ui::app::Popup::Restore(_))) {
        key(&mut app, KeyCode::Esc);
    }
    let mut typing = Vec::new();
    for i in 0..2000 {
        let code = match i % 40 {
            0 => KeyCode::Tab,
            39 => KeyCode::Backspace,
            n => KeyCode::Char((b'a' + (n % 26) as u8) as char),
        };
        typing.push(timed(&mut app, &mut t, code));
    }
    report("form key press → redraw", &mut typing);

    let word = common_word(&app.desk);
    app.intake.clear(&[]);
    app.run(aduan::ui::action::Action::Search);
    let mut keys = Vec::new();
    for c in word.chars() {
        keys.push(timed(&mut app, &mut t, KeyCode::Char(c)));
    }
    report(
        "search key press → redraw (query waits for a pause)",
        &mut keys,
    );
    let mut queries = Vec::new();
    // A common whole word, and name prefixes that need the prefix query.
    for probe in [word.as_str(), "aminah", "amin", "sit", "santo"] {
        app.handle(Event::Key(KeyEvent::new(
            KeyCode::Char('u'),
            KeyModifiers::CONTROL,
        )));
        for c in probe.chars() {
            key(&mut app, KeyCode::Char(c));
        }
        let start = Instant::now();
        app.settle(true);
        t.draw(|f| app.draw(f)).unwrap();
        let took = start.elapsed();
        println!(
            "  first page for \"{probe}\": {:.2} ms",
            took.as_secs_f64() * 1e3
        );
        queries.push(took);
    }
    report("search pause → first page drawn", &mut queries);
    // Back to the common word for scrolling.
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    for c in word.chars() {
        key(&mut app, KeyCode::Char(c));
    }
    app.settle(true);
    let mut scroll = Vec::new();
    for i in 0..3000 {
        scroll.push(timed(
            &mut app,
            &mut t,
            if i % 20 == 19 {
                KeyCode::PageDown
            } else {
                KeyCode::Down
            },
        ));
    }
    report(
        "search scroll (↓, PgDn; pages load from SQL) → redraw",
        &mut scroll,
    );
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(100, 30)).unwrap()
}

fn key(app: &mut App, code: KeyCode) {
    app.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn timed(app: &mut App, t: &mut Terminal<TestBackend>, code: KeyCode) -> Duration {
    timed_with(app, t, code, KeyModifiers::NONE)
}

fn timed_with(
    app: &mut App,
    t: &mut Terminal<TestBackend>,
    code: KeyCode,
    modifiers: KeyModifiers,
) -> Duration {
    let start = Instant::now();
    app.handle(Event::Key(KeyEvent::new(code, modifiers)));
    t.draw(|f| app.draw(f)).unwrap();
    start.elapsed()
}

fn ctrl(app: &mut App, c: char) {
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// A word of the demo corpus found in roughly a third of all cases.
fn common_word(desk: &Desk) -> String {
    let total = desk.store.count_cases().unwrap() as f64;
    let mut best = ("izin".to_string(), f64::MAX);
    for w in [
        "izin",
        "mohon",
        "usaha",
        "bapak",
        "kami",
        "sudah",
        "pbg",
        "nib",
        "situbondo",
    ] {
        let n = desk
            .store
            .count_matches(&aduan::store::search_query(w, false).unwrap())
            .unwrap() as f64;
        let distance = (n / total - 1.0 / 3.0).abs();
        println!("  \"{w}\" appears in {:.1}% of cases", 100.0 * n / total);
        if distance < best.1 {
            best = (w.to_string(), distance);
        }
    }
    best.0
}

fn alt(app: &mut App, c: char) {
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::ALT,
    )));
}

/// The app signed in as the Kasi (the second person), on the inbox tab
/// (my queue) drawn once in a `width`×`height` terminal.
fn on_inbox(opts: &OpenOptions, width: u16, height: u16) -> (App, Terminal<TestBackend>) {
    let mut app = App::new(Desk::open(opts).unwrap());
    let mut t = Terminal::new(TestBackend::new(width, height)).unwrap();
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    if matches!(app.popups.last(), Some(aduan::ui::app::Popup::Restore(_))) {
        key(&mut app, KeyCode::Esc);
    }
    alt(&mut app, '2');
    t.draw(|f| app.draw(f)).unwrap();
    (app, t)
}

/// Opening the inbox from the form's tab, and the cursor moving down my
/// queue, at the smallest terminal and a wide one.
fn inbox_sizes(opts: &OpenOptions) {
    for (width, height) in [(80, 24), (120, 40)] {
        let (mut app, mut t) = on_inbox(opts, width, height);
        let mut open = Vec::new();
        for _ in 0..20 {
            alt(&mut app, '1');
            t.draw(|f| app.draw(f)).unwrap();
            let start = Instant::now();
            alt(&mut app, '2');
            t.draw(|f| app.draw(f)).unwrap();
            open.push(start.elapsed());
        }
        report(
            &format!("inbox {width}×{height}: open the tab (Alt+2) → frame"),
            &mut open,
        );
        let mut down = Vec::new();
        for _ in 0..1000 {
            down.push(timed(&mut app, &mut t, KeyCode::Down));
        }
        report(
            &format!("inbox {width}×{height}: cursor ↓ (my queue) → frame"),
            &mut down,
        );
    }
}

/// The case view opened with Enter on the selected row of my queue (Esc
/// back between samples), and scrolling it line by line and by pages, at
/// the smallest terminal and a wide one.
fn case_view_sizes(opts: &OpenOptions) {
    for (width, height) in [(80, 24), (120, 40)] {
        let (mut app, mut t) = on_inbox(opts, width, height);
        let mut open = Vec::new();
        for i in 0..40 {
            // A different row every other sample, so not one case's pages only.
            if i % 2 == 1 {
                key(&mut app, KeyCode::Down);
                t.draw(|f| app.draw(f)).unwrap();
            }
            open.push(timed(&mut app, &mut t, KeyCode::Enter));
            assert!(
                matches!(app.popups.last(), Some(aduan::ui::app::Popup::Case(_))),
                "Enter on the inbox row opens the case view"
            );
            key(&mut app, KeyCode::Esc);
            t.draw(|f| app.draw(f)).unwrap();
        }
        report(
            &format!("case view {width}×{height}: open (Enter on the inbox row) → frame"),
            &mut open,
        );
        key(&mut app, KeyCode::Enter);
        t.draw(|f| app.draw(f)).unwrap();
        let mut scroll = Vec::new();
        for i in 0..1000 {
            let code = match i % 50 {
                49 => KeyCode::Home,
                n if n % 10 == 9 => KeyCode::PageDown,
                _ => KeyCode::Down,
            };
            scroll.push(timed(&mut app, &mut t, code));
        }
        report(
            &format!("case view {width}×{height}: scroll (↓, PgDn) → frame"),
            &mut scroll,
        );
    }
}

/// The disposition inbox as the Kasi: switching views, moving, paging.
fn inbox(opts: &OpenOptions) {
    let (mut app, mut t) = on_inbox(opts, 100, 30);
    let mut views = Vec::new();
    for _ in 0..5 {
        for f in 2..=7 {
            views.push(timed(&mut app, &mut t, KeyCode::F(f)));
        }
    }
    report("inbox: switch view (F2…F7) → redraw", &mut views);
    for (view, name) in [(3, "all open"), (7, "closed")] {
        key(&mut app, KeyCode::F(view));
        let mut lines = Vec::new();
        for _ in 0..1000 {
            lines.push(timed(&mut app, &mut t, KeyCode::Down));
        }
        report(&format!("inbox ({name}): cursor ↓ → redraw"), &mut lines);
        let mut pages = Vec::new();
        for _ in 0..200 {
            pages.push(timed(&mut app, &mut t, KeyCode::PageDown));
        }
        report(&format!("inbox ({name}): page ↓ → redraw"), &mut pages);
    }
}

/// The Investigasi tab on one open case holding 500 notes of mixed kinds
/// (written through the service into the copy): opening its notes, and
/// moving down the list.
fn notes(opts: &OpenOptions) {
    use aduan::domain::event::NoteKind;

    const NOTES: usize = 500;
    let mut desk = Desk::open(opts).unwrap();
    let open = aduan::store::ListFilter {
        status: Some("open".into()),
        limit: 1,
        ..Default::default()
    };
    let agenda = desk.list(&open).unwrap().remove(0).agenda_no;
    let have = desk.notebook(&agenda).unwrap().notebook.notes.len();
    if have < NOTES {
        eprintln!("adding {} notes to {agenda}…", NOTES - have);
        let who = desk.acting_as(None, None).unwrap();
        let officer = desk.people_names().remove(0);
        let today = desk.today().to_string();
        // A field report's time may not be in the future: yesterday's morning.
        let yesterday = (desk.today() - chrono::Duration::days(1)).to_string();
        for i in have..NOTES {
            let kind = NoteKind::ALL[i % NoteKind::ALL.len()];
            let text = format!("Catatan nomor {i}: pemeriksaan berkas dan lapangan");
            let fields: Vec<(&str, String)> = match kind {
                NoteKind::Catatan => vec![("teks", format!("{text}\nbaris kedua"))],
                NoteKind::CekPerizinan => vec![
                    ("jenis-izin", "PBG".into()),
                    ("status", "sah".into()),
                    ("dibandingkan", "OSS dan berkas".into()),
                    ("hasil", text),
                ],
                NoteKind::Bap => vec![
                    ("waktu", format!("{yesterday} 09:30")),
                    ("tempat", "Desa Kilensari".into()),
                    ("petugas", officer.clone()),
                    ("temuan", text),
                    ("kesimpulan", "Sesuai".into()),
                ],
                NoteKind::Koordinasi => vec![
                    ("dengan", "Bidang Perizinan".into()),
                    ("tanggal", today.clone()),
                    ("hasil", text),
                ],
                NoteKind::Fasilitasi => vec![
                    ("tanggal", today.clone()),
                    ("pihak", "Pelapor dan pemilik usaha".into()),
                    ("sepakat", "ya".into()),
                ],
            };
            let fields: Vec<(String, String)> =
                fields.into_iter().map(|(k, v)| (k.into(), v)).collect();
            desk.add_note(&agenda, kind, &fields, None, &who).unwrap();
        }
    }
    let count = desk.notebook(&agenda).unwrap().notebook.notes.len();
    println!("  Investigasi: {agenda} holds {count} notes");

    let mut app = App::new(desk);
    let mut t = terminal();
    key(&mut app, KeyCode::Enter);
    if matches!(app.popups.last(), Some(aduan::ui::app::Popup::Restore(_))) {
        key(&mut app, KeyCode::Esc);
    }
    alt(&mut app, '3');
    // Found by its agenda number in the tab's search.
    for c in agenda.chars() {
        key(&mut app, KeyCode::Char(c));
    }
    app.settle(true);
    // Ctrl+O opens the found case's notes (Enter would open its case view).
    let mut open = Vec::new();
    for _ in 0..20 {
        open.push(timed_with(
            &mut app,
            &mut t,
            KeyCode::Char('o'),
            KeyModifiers::CONTROL,
        ));
        assert!(app.popups.is_empty(), "Ctrl+O opens the notes, no popup");
        key(&mut app, KeyCode::Esc);
    }
    report(
        "Investigasi: open a case's notes (Ctrl+O) → redraw",
        &mut open,
    );
    ctrl(&mut app, 'o');
    let mut down = Vec::new();
    for _ in 1..count {
        down.push(timed(&mut app, &mut t, KeyCode::Down));
    }
    report("Investigasi: cursor ↓ in the notes → redraw", &mut down);
    busy_case_view(&app.desk, &agenda);
}

/// The case view of the case holding 500 notes, read as the app reads it
/// (`CaseViewScreen::open_with_detail`: the screen and the case the
/// person's actions come from) and drawn at 120×40; then scrolled down its
/// lines.
fn busy_case_view(desk: &Desk, agenda: &str) {
    use aduan::ui::case_view::CaseViewScreen;

    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut open = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let (view, _detail) = CaseViewScreen::open_with_detail(desk, agenda).unwrap();
        t.draw(|f| view.draw(f, f.area())).unwrap();
        open.push(start.elapsed());
    }
    report(
        "case view 120×40, 500 notes: read and first frame",
        &mut open,
    );
    let mut view = CaseViewScreen::open(desk, agenda).unwrap();
    t.draw(|f| view.draw(f, f.area())).unwrap();
    let mut scroll = Vec::new();
    for i in 0..1000 {
        let start = Instant::now();
        match i % 20 {
            19 => view.page(1),
            _ => view.scroll_by(1),
        }
        t.draw(|f| view.draw(f, f.area())).unwrap();
        scroll.push(start.elapsed());
    }
    report(
        &format!(
            "case view 120×40, 500 notes: scroll (↓, PgDn) → frame (to line {})",
            view.offset()
        ),
        &mut scroll,
    );
}
