//! The real binary in a real terminal (tmux), driven as the operator would.

mod common;

use std::time::Duration;

use common::TestDesk;
use common::term::Term;

fn sign_in(term: &Term) {
    term.wait_for("Siapa yang bertugas?");
    term.keys(&["Enter"]);
    term.wait_for("Pengaduan baru");
}

/// Types a complaint from the first field on.
fn type_complaint(term: &Term, name: &str, nik: &str) {
    term.keys(&["Tab", "Tab"]);
    term.type_text(name);
    term.keys(&["Tab"]);
    term.type_text(nik);
    term.keys(&["Tab"]);
    term.type_text("Jl. Melati No. 5, Situbondo");
    term.keys(&["Tab"]);
    term.type_text("0812-3456-7890");
    for _ in 0..5 {
        term.keys(&["Tab"]);
    }
    term.type_text("Toko Sinar Jaya");
    for _ in 0..4 {
        term.keys(&["Tab"]);
    }
    term.type_text("PBG belum terbit");
    term.keys(&["Tab"]);
    term.type_text("Sudah tiga bulan menunggu persetujuan bangunan.");
    term.keys(&["Enter"]);
    term.type_text("Mohon dibantu.");
}

fn agenda_on(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains("No. agenda:"))
        .expect("a receipt");
    line.split("No. agenda:")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn a_whole_complaint_is_typed_saved_and_found_again() {
    let term = Term::start(TestDesk::new(), "whole");
    sign_in(&term);
    type_complaint(&term, "Siti Aminah", "3512074507850003");
    term.wait_for("Isian lengkap");
    term.keys(&["C-s"]);
    let screen = term.wait_for("Tanda terima");
    let agenda = agenda_on(&screen);
    assert_eq!(agenda, "0001/PGD/LKT1/2026");
    assert!(screen.contains("Batas waktu: 2026-12-10"), "{screen}");
    assert!(
        screen.contains("Langkah berikutnya: Kepala Dinas"),
        "{screen}"
    );
    let receipt = term
        .desk
        .dir
        .path()
        .join("ekspor")
        .join("tanda-terima-0001-PGD-LKT1-2026.pdf");
    let pdf = std::fs::read(&receipt).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "the receipt is a PDF");
    if let Ok(out) = std::process::Command::new("pdftotext")
        .arg(&receipt)
        .arg("-")
        .output()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("0001/PGD/LKT1/2026") && text.contains("14 (empat belas) hari kerja"),
            "{text}"
        );
    }
    // The form is clear for the next person; the count of open cases went up.
    // (The count already went up behind the receipt: wait for the receipt to go.)
    term.keys(&["Enter"]);
    let screen = term.wait_gone("Siti Aminah");
    assert!(screen.contains("Terbuka 1"), "{screen}");
    // Find it by its agenda number, then by a word of the description.
    term.keys(&["/"]);
    term.wait_for("Cari kasus");
    term.type_text(&agenda);
    term.wait_for("Siti Aminah");
    term.keys(&["C-u"]);
    term.type_text("persetujuan");
    term.wait_for("Siti Aminah");
    // The whole case: its description first, its history at the end.
    term.keys(&["Enter"]);
    let screen = term.wait_for("Berkas kasus");
    assert!(screen.contains("Mohon dibantu."), "{screen}");
    term.keys(&["End"]);
    let screen = term.wait_for("Riwayat");
    assert!(screen.contains("Operator Loket"), "{screen}");
    // The CLI sees the same case.
    let shown = term.desk.json(&["case", "show", &agenda, "--json"]);
    assert_eq!(shown["complainant"]["phone"], "+6281234567890");
}

#[test]
fn a_killed_session_offers_its_draft_on_restart() {
    let term = Term::start(TestDesk::new(), "kill");
    sign_in(&term);
    term.keys(&["Tab", "Tab"]);
    term.type_text("Budi Santoso");
    term.wait_for("Budi Santoso");
    std::thread::sleep(Duration::from_millis(800));
    term.kill_program();
    term.tmux(&["kill-server"]);
    term.launch();
    term.wait_for("Siapa yang bertugas?");
    term.keys(&["Enter"]);
    term.wait_for("Draf belum disimpan");
    term.keys(&["Enter"]);
    let screen = term.wait_for("Budi Santoso");
    let name_row = screen.lines().find(|l| l.contains("Nama pelapor")).unwrap();
    assert!(name_row.contains("Budi Santoso"), "{screen}");
}

#[test]
fn too_small_a_terminal_says_so_and_recovers_on_a_linux_console() {
    let desk = TestDesk::new();
    let term = Term {
        socket: format!("aduan-test-small-{}", std::process::id()),
        desk,
    };
    term.launch_as("linux");
    sign_in(&term);
    // To the complainant's name.
    term.keys(&["Tab", "Tab"]);
    term.type_text("Siti");
    term.wait_for("Siti");
    term.tmux(&["resize-window", "-t", "t", "-x", "60", "-y", "20"]);
    term.wait_for("Perbesar jendela terminal");
    // Keys typed while only the message shows go nowhere.
    term.type_text("Zzz");
    std::thread::sleep(std::time::Duration::from_millis(300));
    term.tmux(&["resize-window", "-t", "t", "-x", "100", "-y", "30"]);
    let screen = term.wait_for("Pengaduan baru");
    assert!(screen.contains("Siti"), "{screen}");
    assert!(
        !screen.contains("Zzz"),
        "typed into the hidden form:\n{screen}"
    );
}

#[test]
fn help_tabs_duplicates_and_quit() {
    let desk = TestDesk::new();
    desk.add_case("2026-11-19 09:00");
    let term = Term::start(desk, "misc");
    sign_in(&term);
    term.keys(&["F1"]);
    let screen = term.wait_for("Bantuan");
    assert!(
        screen.contains("Ctrl+S") && screen.contains("Alt+1"),
        "{screen}"
    );
    term.keys(&["Escape"]);
    term.keys(&["M-3"]);
    term.wait_for("Kasus dengan pekerjaan investigasi");
    term.keys(&["C-PageUp"]);
    term.wait_for("Antrean saya");
    term.keys(&["C-PageUp"]);
    term.wait_for("Pengaduan baru");
    // Same NIK as the open case registered above.
    type_complaint(&term, "Siti Aminah", "3512074507850003");
    term.keys(&["C-s"]);
    let screen = term.wait_for("Mungkin pengaduan yang sama");
    assert!(screen.contains("0001/PGD/LKT1/2026"), "{screen}");
    term.keys(&["C-l"]);
    term.wait_for("Tanda terima");
    term.keys(&["Enter"]);
    let linked = term.desk.json(&["case", "list", "--json"]);
    assert_eq!(linked.as_array().unwrap().len(), 2);
    // Unsaved input makes quitting ask first.
    term.keys(&["Tab", "Tab"]);
    term.type_text("X");
    term.keys(&["C-q"]);
    term.wait_for("Keluar?");
    term.keys(&["Escape"]);
    term.keys(&["C-q"]);
    term.wait_for("Keluar?");
    assert!(term.program_running());
    term.keys(&["Enter"]);
    term.wait_exit();
    // Nothing typed is lost: the half-typed form waits as a draft.
    let draft = rusqlite::Connection::open(term.desk.db())
        .unwrap()
        .query_row("SELECT body FROM drafts", [], |r| r.get::<_, String>(0))
        .unwrap();
    assert!(draft.contains("\"name\":\"X\""), "{draft}");
}

#[test]
fn the_picker_remembers_who_signed_in_last() {
    let term = Term::start(TestDesk::new(), "picker");
    term.wait_for("Siapa yang bertugas?");
    term.keys(&["Down", "Enter"]);
    term.wait_for("Kepala Seksi Penanganan Pengaduan (kasi)");
    term.keys(&["C-q"]);
    term.wait_exit();
    term.tmux(&["kill-server"]);
    term.launch();
    let screen = term.wait_for("Siapa yang bertugas?");
    assert!(
        screen.contains("▶ Kepala Seksi Penanganan Pengaduan"),
        "{screen}"
    );
}

#[test]
fn the_recap_screen_shows_a_month_a_year_and_exports_xlsx() {
    let desk = TestDesk::new();
    desk.add_case("2026-11-19 09:00");
    let term = Term::start(desk, "recap");
    sign_in(&term);
    term.keys(&["M-4"]);
    let screen = term.wait_for("Saluran bulan ini");
    assert!(screen.contains("Rekap November 2026"), "{screen}");
    let received = screen
        .lines()
        .find(|l| l.contains("Pengaduan diterima"))
        .unwrap();
    assert!(received.contains(" 1 "), "{received}");
    term.keys(&["Left"]);
    term.wait_for("Rekap Oktober 2026");
    term.keys(&["t"]);
    term.wait_for("Pengaduan per bulan");
    term.keys(&["e"]);
    term.wait_for("Ditulis");
    let file = term
        .desk
        .dir
        .path()
        .join("ekspor")
        .join("rekap-pengaduan-2026.xlsx");
    let first = std::fs::metadata(&file).unwrap().modified().unwrap();
    term.keys(&["e"]);
    term.wait_for("Timpa berkas?");
    term.keys(&["Escape"]);
    assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), first);
    term.keys(&["e"]);
    term.wait_for("Timpa berkas?");
    term.keys(&["Enter"]);
    term.wait_for("Ditulis");
}
