//! The real binary on a Linux console (`TERM=linux`, 80×24): every screen
//! a day at the desk passes through draws ASCII and box drawing only, in the
//! 16 basic colours.

mod common;

use common::term::Term;

/// Every character on screen is ASCII or box drawing, and no colour beyond
/// the basic 16 reached the terminal.
fn assert_console(term: &Term, screen: &str) {
    let odd: Vec<char> = screen
        .chars()
        .filter(|c| !c.is_ascii() && !('\u{2500}'..='\u{257F}').contains(c))
        .collect();
    assert!(odd.is_empty(), "{odd:?} on screen:\n{screen}");
    let escapes = term.screen_escapes();
    for wide in ["38;5;", "48;5;", "38;2;", "48;2;"] {
        assert!(!escapes.contains(wide), "{wide} sent:\n{escapes:?}");
    }
}

fn check(term: &Term, text: &str) -> String {
    let screen = term.wait_for(text);
    assert_console(term, &screen);
    screen
}

#[test]
fn a_day_on_a_linux_console_draws_ascii_and_box_drawing_only() {
    let (desk, other) = common::two_desks();
    // A conflict (⚑), a late case (✗) and a paused one (‖).
    let first = desk.export_to("a1.aduan");
    other.ok(&["sync", "merge", first.to_str().unwrap()]);
    let back = other.export_to("b1.aduan");
    desk.ok(&["sync", "merge", back.to_str().unwrap(), "--trust-new-desk"]);
    common::name_corrected_apart(&desk, &other);
    desk.add_case("2026-10-01 09:00");
    let paused = desk.add_case("2026-11-18 09:00");
    desk.act(
        &paused,
        "tunda",
        &[
            "--note",
            "Menunggu fotokopi KTP",
            "--at",
            "2026-11-19 09:00",
        ],
    );
    let investigated = desk.add_case("2026-11-19 09:00");
    desk.walk_to_cek_data(&investigated);
    let term = Term {
        socket: format!("aduan-test-console-{}", std::process::id()),
        desk,
    };
    term.launch_sized("linux", 80, 24);
    let screen = check(&term, "Siapa yang bertugas?");
    assert!(screen.contains("> "), "the picker marks the row:\n{screen}");
    term.keys(&["Down", "Enter"]);
    check(&term, "Pengaduan baru");
    // The intake form, typed whole.
    term.keys(&["Tab", "Tab"]);
    term.type_text("Budi Santoso");
    term.keys(&["Tab"]);
    term.type_text("3512070101800001");
    term.keys(&["Tab"]);
    term.type_text("Jl. Melati No. 5, Situbondo");
    term.keys(&["Tab"]);
    term.type_text("0812-3456-7890");
    for _ in 0..9 {
        term.keys(&["Tab"]);
    }
    term.type_text("Izin usaha belum terbit");
    term.keys(&["Tab"]);
    term.type_text("Sudah dua bulan.");
    check(&term, "Isian lengkap");
    term.keys(&["F1"]);
    let screen = check(&term, "Bantuan");
    assert!(screen.contains("Tanda: v selesai"), "{screen}");
    term.keys(&["Escape"]);
    term.wait_gone("Bantuan");
    // The phone number is on the open cases: the duplicates window first.
    term.keys(&["C-s"]);
    check(&term, "Mungkin pengaduan yang sama");
    term.keys(&["Enter"]);
    let screen = term.wait_for("Tanda terima");
    assert_console(&term, &screen);
    term.keys(&["Enter"]);
    term.wait_gone("Tanda terima");
    // A refused save marks the fields with x.
    term.keys(&["C-s"]);
    let screen = check(&term, "Belum dapat disimpan");
    assert!(screen.contains("x Nama pelapor"), "{screen}");
    // Disposisi, each of its views.
    term.keys(&["M-2"]);
    let screen = check(&term, "Antrean saya");
    assert_console(&term, &screen);
    for (key, text) in [("F4", "Terlambat"), ("F6", "Diteruskan"), ("F7", "Selesai")] {
        term.keys(&[key]);
        check(&term, text);
    }
    term.keys(&["F5"]);
    let screen = check(&term, "= 0003/PGD/LKT1/2026");
    assert!(screen.contains("Menunggu fotokopi KTP"), "{screen}");
    // The late case first, with x; the conflict with *.
    term.keys(&["F3"]);
    let screen = check(&term, "x*0001/PGD/LKT1/2026");
    assert!(screen.contains("x 0002/PGD/LKT1/2026"), "{screen}");
    term.keys(&["F1"]);
    check(&term, "Bantuan");
    term.keys(&["Escape"]);
    term.wait_gone("Bantuan");
    // Investigasi, then Rekap: a month and a year with its bars.
    term.keys(&["M-3"]);
    check(&term, "Kasus dengan pekerjaan investigasi");
    term.keys(&["M-4"]);
    check(&term, "Saluran bulan ini");
    term.keys(&["t"]);
    check(&term, "Pengaduan per bulan");
}
