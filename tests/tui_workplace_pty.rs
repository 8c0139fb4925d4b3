//! The reworked workplace in a real terminal, at 80×24 and 120×40: cases
//! opened whole from every list, the forwarding decision, step titles,
//! linked cases, drafts and notes that survive, pasted paragraphs, the Linux
//! console and windows that close with Esc.

mod common;

use common::TestDesk;
use common::term::Term;

const OPERATOR: usize = 0;
const KASI: usize = 1;
const STAF: usize = 2;
const OPD: &str = "Dinas Pekerjaan Umum dan Penataan Ruang";
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The program in a `width`×`height` window under `TERM=term`.
fn open_sized(desk: TestDesk, name: &str, term: &str, (width, height): (u16, u16)) -> Term {
    let t = Term {
        socket: format!("aduan-test-wp-{name}-{width}-{}", std::process::id()),
        desk,
    };
    t.launch_sized(term, width, height);
    t
}

fn open(desk: TestDesk, name: &str, size: (u16, u16)) -> Term {
    open_sized(desk, name, "xterm-256color", size)
}

/// Picks the person at `index` (counted from the top) in the picker.
fn pick_person(term: &Term, index: usize) {
    term.wait_for("Siapa yang bertugas?");
    // After F9 the picker starts on the last person: count from the top.
    term.keys(&["Home"]);
    for _ in 0..index {
        term.keys(&["Down"]);
    }
    term.keys(&["Enter"]);
}

fn sign_in(term: &Term, index: usize) {
    pick_person(term, index);
    term.wait_for("Pengaduan baru");
}

fn sign_in_to_inbox(term: &Term, index: usize) {
    sign_in(term, index);
    term.keys(&["M-2"]);
    term.wait_for("Antrean saya");
}

/// Registers a case from JSON, as `case add --json -` reads it; returns its agenda.
fn add_json(desk: &TestDesk, json: serde_json::Value) -> String {
    let out = desk.run_with_stdin(&["case", "add", "--json", "-"], &json.to_string());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["agenda_no"].as_str().unwrap().to_string()
}

fn add_described(desk: &TestDesk) -> String {
    add_json(
        desk,
        serde_json::json!({
            "name": "Siti Aminah",
            "phone": "0812-3456-7890",
            "subject": "PBG belum terbit",
            "description": "Baris pertama uraian.\nBaris kedua uraian.",
            "received_at": "2026-11-19 09:00",
        }),
    )
}

/// Scrolls the case view with PgDn until `text` shows; fails at its end.
fn scroll_to(term: &Term, text: &str) -> String {
    loop {
        let screen = term.screen();
        if screen.contains(text) {
            return screen;
        }
        assert!(
            !at_end(&screen),
            "\"{text}\" not in the case view:\n{screen}"
        );
        term.keys(&["PageDown"]);
        wait_changed(term, &screen);
    }
}

/// The case view's title says "baris A-B/B" on its last page.
fn at_end(screen: &str) -> bool {
    let Some(rows) = screen.split("baris ").nth(1) else {
        return false;
    };
    let rows = rows.split_whitespace().next().unwrap_or_default();
    let last = rows.split('-').nth(1).unwrap_or_default();
    let mut parts = last.split('/');
    parts.next() == parts.next()
}

fn wait_changed(term: &Term, before: &str) {
    let start = std::time::Instant::now();
    while term.screen() == before {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(15),
            "the screen did not move:\n{before}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The line right after the one holding `text`.
fn line_after<'a>(screen: &'a str, text: &str) -> &'a str {
    let mut lines = screen.lines().skip_while(|l| !l.contains(text));
    lines.next().expect("the line is on screen");
    lines.next().unwrap_or_default()
}

/// The case view of `agenda` shows its description on two lines.
fn description_in_view(term: &Term, agenda: &str) {
    term.wait_for(&format!("Berkas kasus {agenda}"));
    let screen = scroll_to(term, "Baris pertama uraian.");
    if line_after(&screen, "Baris pertama uraian.").trim() == "" {
        // The first line sat at the foot of the page.
        term.keys(&["Down"]);
    }
    let screen = term.wait_for("Baris kedua uraian.");
    assert!(screen.contains("── Uraian"), "{screen}");
    assert!(
        line_after(&screen, "Baris pertama uraian.").contains("Baris kedua uraian."),
        "the line break is kept:\n{screen}"
    );
}

fn close_view(term: &Term, agenda: &str) {
    term.keys(&["Escape"]);
    term.wait_gone(&format!("Berkas kasus {agenda}"));
}

#[test]
fn a_case_opens_whole_from_the_inbox_investigasi_and_search() {
    for size in SIZES {
        let desk = TestDesk::new();
        let agenda = add_described(&desk);
        desk.walk_to_cek_data(&agenda);
        let term = open(desk, "open", size);
        sign_in_to_inbox(&term, STAF);
        term.wait_for(&agenda);
        term.keys(&["Enter"]);
        description_in_view(&term, &agenda);
        close_view(&term, &agenda);

        term.keys(&["M-3"]);
        term.wait_for("Kasus dengan pekerjaan investigasi untuk Anda (1)");
        term.keys(&["Enter"]);
        description_in_view(&term, &agenda);
        close_view(&term, &agenda);

        term.keys(&["C-f"]);
        term.wait_for("Cari kasus");
        term.type_text("pertama");
        term.wait_for("/ pertama");
        // The result's row, right inside the window's border.
        term.wait_for(&format!("│{agenda} "));
        term.keys(&["Enter"]);
        description_in_view(&term, &agenda);
    }
}

#[test]
fn forwarding_names_the_whole_agency() {
    for size in SIZES {
        let desk = TestDesk::new();
        let agenda = desk.add_case("2026-11-19 09:00");
        desk.act(&agenda, "disposisi", &["--as", "kadis"]);
        desk.act(&agenda, "disposisi", &["--as", "kabid-dip"]);
        let term = open(desk, "forward", size);
        sign_in_to_inbox(&term, KASI);
        term.wait_for("Putusan kewenangan");
        term.keys(&["p"]);
        term.wait_for("Tab pindah");
        term.keys(&["Right"]);
        term.wait_for(OPD);
        term.keys(&["Enter"]);
        term.wait_for("Catat tindakan?");
        term.wait_for(&format!("Diteruskan ke: {OPD}"));
        term.keys(&["Enter"]);
        term.wait_for("Tercatat: putuskan");
        let screen = term.wait_for("Konsep surat penerus");
        assert!(!screen.contains("→ Dina "), "{screen}");
        if size.0 >= 120 {
            assert!(screen.contains(&format!("→ {OPD}")), "{screen}");
        } else {
            // The head line is cut with a mark; the timeline has it whole.
            assert!(screen.contains("Penataan Ruang"), "{screen}");
        }
        term.keys(&["Enter"]);
        term.wait_for(&format!("Berkas kasus {agenda}"));
        scroll_to(&term, &format!("diteruskan ke: {OPD}"));
        let d = term.desk.json(&["case", "show", &agenda, "--json"]);
        assert_eq!(d["forwarded_to"], OPD);
    }
}

#[test]
fn the_inbox_shows_step_titles_not_ids() {
    for size in SIZES {
        let desk = TestDesk::new();
        desk.add_case("2026-11-19 09:00");
        let deciding = desk.add_case("2026-11-19 10:00");
        desk.act(&deciding, "disposisi", &["--as", "kadis"]);
        desk.act(&deciding, "disposisi", &["--as", "kabid-dip"]);
        let checking = desk.add_case("2026-11-19 11:00");
        desk.walk_to_cek_data(&checking);
        let term = open(desk, "titles", size);
        sign_in_to_inbox(&term, KASI);
        term.keys(&["F3"]);
        let screen = term.wait_for(&checking);
        for title in ["Disposisi Kadis", "Putusan kewenangan"] {
            assert!(screen.contains(title), "{title}:\n{screen}");
        }
        for id in [
            "disposisi-kadis",
            "disposisi-kabid",
            "cek-data",
            "▶ kewenangan",
        ] {
            assert!(!screen.contains(id), "{id}:\n{screen}");
        }
    }
}

#[test]
fn linked_cases_show_each_other() {
    for size in SIZES {
        let desk = TestDesk::new();
        let first = desk.add_case("2026-11-19 09:00");
        let later = add_json(
            &desk,
            serde_json::json!({
                "name": "Budi Santoso",
                "phone": "0812-3456-7891",
                "subject": "Susulan pengaduan PBG",
                "description": "Menyusul pengaduan sebelumnya.",
                "received_at": "2026-11-19 10:00",
                "linked_to": first,
            }),
        );
        let term = open(desk, "linked", size);
        sign_in_to_inbox(&term, KASI);
        term.keys(&["F3"]);
        term.wait_for(&later);
        for (down, own, other, subject) in [
            (0, &first, &later, "Susulan pengaduan PBG"),
            (1, &later, &first, "PBG belum terbit"),
        ] {
            term.keys(&["Home"]);
            for _ in 0..down {
                term.keys(&["Down"]);
            }
            term.wait_for(&format!("{own}  "));
            term.keys(&["Enter"]);
            term.wait_for(&format!("Berkas kasus {own}"));
            scroll_to(&term, "── Kasus terkait");
            let screen = scroll_to(&term, &format!("{other} — {subject}"));
            assert!(
                !screen.contains(&format!("Berkas kasus {other}")),
                "{screen}"
            );
            close_view(&term, own);
        }
    }
}

/// The name and a description typed into the intake form.
fn type_draft(term: &Term) {
    term.keys(&["Tab", "Tab"]);
    term.type_text("Budi Santoso");
    for _ in 0..13 {
        term.keys(&["Tab"]);
    }
    term.type_text("Uraian yang belum disimpan");
    term.wait_for("Uraian yang belum disimpan");
}

fn quit(term: &Term) {
    term.keys(&["C-q"]);
    term.wait_for("Keluar?");
    term.keys(&["Enter"]);
    term.wait_exit();
}

#[test]
fn a_draft_survives_declining_to_discard_it() {
    for size in SIZES {
        let term = open(TestDesk::new(), "draft", size);
        sign_in(&term, OPERATOR);
        type_draft(&term);
        quit(&term);
        term.tmux(&["kill-server"]);
        term.launch_sized("xterm-256color", size.0, size.1);
        pick_person(&term, OPERATOR);
        term.wait_for("Draf belum disimpan");
        // No with Esc, then with n: each time back to the restore question.
        for no in ["Escape", "n"] {
            term.keys(&["Escape"]);
            term.wait_for("Buang draf?");
            term.keys(&[no]);
            let screen = term.wait_gone("Buang draf?");
            assert!(screen.contains("Draf belum disimpan"), "{screen}");
        }
        term.keys(&["Enter"]);
        let screen = term.wait_for("Uraian yang belum disimpan");
        let name_row = screen.lines().find(|l| l.contains("Nama pelapor")).unwrap();
        assert!(name_row.contains("Budi Santoso"), "{screen}");
        assert!(!screen.contains("Draf belum disimpan"), "{screen}");
    }
}

/// As the staff, the notes of the case at their step, with a note begun.
fn begin_note(term: &Term, text: &str) {
    term.keys(&["M-3"]);
    term.wait_for("Kasus dengan pekerjaan investigasi untuk Anda (1)");
    term.keys(&["Enter"]);
    term.wait_for("Berkas kasus");
    term.keys(&["i"]);
    term.wait_for("Belum ada catatan.");
    term.keys(&["n"]);
    term.wait_for("Jenis catatan baru");
    term.keys(&["1"]);
    term.wait_for("Catatan baru: Catatan");
    term.type_text(text);
    term.wait_for(text);
}

#[test]
fn a_note_being_typed_survives_another_person_signing_in() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-19 09:00");
    desk.walk_to_cek_data(&agenda);
    let term = open(desk, "note", (80, 24));
    sign_in(&term, STAF);
    begin_note(&term, "Pelapor menelepon pagi ini");
    term.keys(&["F9"]);
    pick_person(&term, KASI);
    let screen = term.wait_gone("Siapa yang bertugas?");
    let status = screen.lines().last().unwrap_or_default();
    assert!(status.contains("Kepala Seksi Penang"), "{screen}");
    assert!(!screen.contains("Pelapor menelepon"), "{screen}");
    term.keys(&["F9"]);
    pick_person(&term, STAF);
    term.wait_for("Catatan baru: Catatan");
    term.wait_for("Pelapor menelepon pagi ini");
    term.keys(&["C-s"]);
    term.wait_for("Catatan tersimpan");
    let notes = term.desk.ok(&["case", "notes", &agenda]);
    assert!(notes.contains("Pelapor menelepon pagi ini"), "{notes}");
}

#[test]
fn a_half_typed_complaint_survives_another_person_signing_in() {
    let term = open(TestDesk::new(), "intake-f9", (80, 24));
    sign_in(&term, OPERATOR);
    type_draft(&term);
    term.keys(&["F9"]);
    pick_person(&term, KASI);
    let screen = term.wait_gone("Siapa yang bertugas?");
    let status = screen.lines().last().unwrap_or_default();
    assert!(status.contains("Kepala Seksi Penang"), "{screen}");
    assert!(!screen.contains("Uraian yang belum disimpan"), "{screen}");
    term.keys(&["F9"]);
    pick_person(&term, OPERATOR);
    let screen = term.wait_for("Uraian yang belum disimpan");
    let name_row = screen.lines().find(|l| l.contains("Nama pelapor")).unwrap();
    assert!(name_row.contains("Budi Santoso"), "{screen}");
}

#[test]
fn pasted_paragraphs_keep_their_lines() {
    for size in SIZES {
        let term = open(TestDesk::new(), "paste", size);
        sign_in(&term, OPERATOR);
        term.keys(&["Tab", "Tab"]);
        term.type_text("Siti Aminah");
        for _ in 0..3 {
            term.keys(&["Tab"]);
        }
        term.type_text("0812-3456-7890");
        for _ in 0..9 {
            term.keys(&["Tab"]);
        }
        term.type_text("PBG belum terbit");
        term.keys(&["Tab"]);
        let pasted = "Paragraf satu.\n\nParagraf dua\nbaris tiga";
        assert!(term.tmux(&["set-buffer", "-b", "tempel", pasted]));
        assert!(term.tmux(&["paste-buffer", "-p", "-b", "tempel", "-t", "t"]));
        let screen = term.wait_for("baris tiga");
        let lines: Vec<&str> = screen.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("Paragraf satu."))
            .unwrap();
        let text_of = |l: &str| l.rsplit('│').nth(1).unwrap_or(l).trim().to_string();
        assert_eq!(text_of(lines[at + 1]), "", "{screen}");
        assert!(lines[at + 2].contains("Paragraf dua"), "{screen}");
        assert!(lines[at + 3].contains("baris tiga"), "{screen}");
        term.keys(&["C-s"]);
        let screen = term.wait_for("Tanda terima");
        let agenda = screen
            .split("No. agenda:")
            .nth(1)
            .and_then(|s| s.split_whitespace().next())
            .unwrap()
            .to_string();
        let d = term.desk.json(&["case", "show", &agenda, "--json"]);
        assert_eq!(d["description"], pasted, "{d}");
    }
}

/// Every character on screen is ASCII or box drawing.
fn ascii_only(term: &Term, text: &str) -> String {
    let screen = term.wait_for(text);
    let odd: Vec<char> = screen
        .chars()
        .filter(|c| !c.is_ascii() && !('\u{2500}'..='\u{257F}').contains(c))
        .collect();
    assert!(odd.is_empty(), "{odd:?} on screen:\n{screen}");
    screen
}

#[test]
fn inbox_case_view_and_help_on_a_linux_console() {
    for size in SIZES {
        let desk = TestDesk::new();
        let agenda = add_described(&desk);
        let linked = desk.add_case("2026-11-19 10:00");
        desk.act(&linked, "disposisi", &["--as", "kadis"]);
        let term = open_sized(desk, "linux", "linux", size);
        sign_in_to_inbox(&term, KASI);
        term.keys(&["F3"]);
        ascii_only(&term, &linked);
        term.keys(&["Enter"]);
        ascii_only(&term, &format!("Berkas kasus {agenda}"));
        // Every page of it, down to the end.
        while !at_end(&term.screen()) {
            let before = term.screen();
            term.keys(&["PageDown"]);
            wait_changed(&term, &before);
            ascii_only(&term, "Berkas kasus");
        }
        close_view(&term, &agenda);
        term.keys(&["F1"]);
        ascii_only(&term, "Bantuan");
        let before = term.screen();
        term.keys(&["PageDown"]);
        if size.1 < 40 {
            // Taller windows may hold the whole help.
            wait_changed(&term, &before);
        }
        ascii_only(&term, "Bantuan");
        term.keys(&["Escape"]);
        ascii_only(&term, "Antrean saya");
    }
}

#[test]
fn quitting_with_a_note_asks_and_esc_closes_every_window() {
    for size in SIZES {
        let desk = TestDesk::new();
        let agenda = desk.add_case("2026-11-19 09:00");
        desk.walk_to_cek_data(&agenda);
        let term = open(desk, "esc", size);
        sign_in_to_inbox(&term, STAF);
        term.keys(&["F1"]);
        term.wait_for("Bantuan");
        term.keys(&["Escape"]);
        term.wait_gone("Bantuan");
        term.keys(&["Enter"]);
        term.wait_for(&format!("Berkas kasus {agenda}"));
        close_view(&term, &agenda);
        term.keys(&["C-f"]);
        term.wait_for("Cari kasus");
        term.keys(&["Escape"]);
        let screen = term.wait_gone("Cari kasus");
        assert!(screen.contains("Antrean saya"), "{screen}");

        begin_note(&term, "Belum selesai diketik");
        term.keys(&["C-q"]);
        term.wait_for("Keluar?");
        term.keys(&["Escape"]);
        let screen = term.wait_gone("Keluar?");
        assert!(screen.contains("Belum selesai diketik"), "{screen}");
        assert!(term.program_running());
        // Once the note is saved nothing is left to lose: Ctrl+Q quits at once.
        term.keys(&["C-s"]);
        term.wait_for("Catatan tersimpan");
        term.keys(&["C-q"]);
        term.wait_exit();
    }
}
