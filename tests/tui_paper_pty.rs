//! The office's paper in the real terminal: a case decided outside the
//! office's authority gets its forwarding letter typed, saved, initialled
//! and signed from the case view, then its receipt printed on a PC
//! without `lp`.

mod common;

use common::term::Term;
use common::{OFFICE, TestDesk};

const KASI_INDEX: usize = 1;
const KASI: &str = "Kepala Seksi Penanganan Pengaduan";
const OPD: &str = "Dinas Pekerjaan Umum dan Penataan Ruang";
const TYPED: &str = "Dengan hormat, kami teruskan pengaduan Saudari Siti Aminah.";
const TYPED_TOO: &str = "Mohon ditindaklanjuti sesuai kewenangan.";

/// The program in a 100×30 window with an empty PATH: no `lp` to find.
fn open_without_printer(desk: TestDesk) -> Term {
    let bin = desk.dir.path().join("no-bin");
    std::fs::create_dir_all(&bin).unwrap();
    let term = Term {
        socket: format!("aduan-test-paper-{}", std::process::id()),
        desk,
    };
    let cmd = format!(
        "env PATH={} ADUAN_CONFIG={} ADUAN_DB={} ADUAN_NOW={} TERM=xterm-256color {} ; sleep 60",
        bin.display(),
        term.desk.config().display(),
        term.desk.db().display(),
        common::NOW,
        env!("CARGO_BIN_EXE_aduan")
    );
    let args = [
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "100",
        "-y",
        "30",
        &cmd,
    ];
    assert!(
        term.tmux(&args),
        "tmux must be installed to run the terminal tests"
    );
    term
}

fn decided_forward() -> (TestDesk, String) {
    let desk = TestDesk::with_config(OFFICE);
    let agenda = desk.add_case("2026-11-19 09:00");
    desk.act(&agenda, "disposisi", &["--as", "kadis"]);
    desk.act(&agenda, "disposisi", &["--as", "kabid-dip"]);
    desk.act(&agenda, "putuskan", &["--by", KASI, "--to", OPD]);
    (desk, agenda)
}

fn open_case(term: &Term, agenda: &str) {
    term.wait_for("Siapa yang bertugas?");
    term.keys(&["Home"]);
    for _ in 0..KASI_INDEX {
        term.keys(&["Down"]);
    }
    term.keys(&["Enter"]);
    term.wait_for("Pengaduan baru");
    term.keys(&["C-f"]);
    term.wait_for("Cari kasus");
    term.type_text(agenda);
    term.wait_for(&format!("│{agenda} "));
    term.keys(&["Enter"]);
    term.wait_for(&format!("Berkas kasus {agenda}"));
}

/// Scrolls the case view down until `text` shows.
fn scroll_until(term: &Term, text: &str) -> String {
    for _ in 0..80 {
        let screen = term.screen();
        if screen.contains(text) {
            return screen;
        }
        term.keys(&["Down"]);
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    term.wait_for(text)
}

#[test]
fn a_forwarding_letter_is_written_initialled_signed_and_a_receipt_printed() {
    let (desk, agenda) = decided_forward();
    let export = desk.open().locations.export_dir.clone();
    let term = open_without_printer(desk);
    open_case(&term, &agenda);

    // The letter window: no konsep yet. The text area opens with the text
    // drafted from the case; two lines are added to it and it is saved.
    term.keys(&["w"]);
    term.wait_for(&format!("Surat keluar {agenda}"));
    term.wait_for("Belum ada konsep");
    term.keys(&["e"]);
    term.wait_for("Ctrl+S: simpan versi baru");
    term.wait_for("Bersama ini kami teruskan");
    term.keys(&["Enter"]);
    term.type_text(TYPED);
    term.keys(&["Enter"]);
    term.type_text(TYPED_TOO);
    term.wait_for(TYPED_TOO);
    term.keys(&["C-s"]);
    term.wait_for("Tercatat: konsep surat penerusan");
    let screen = term.wait_for("konsep v1");
    assert!(screen.contains(TYPED), "{screen}");

    // Changes typed and then dropped with Esc are asked about first.
    term.keys(&["e"]);
    term.wait_for("Ctrl+S: simpan versi baru");
    term.type_text(" Tambahan yang batal.");
    term.wait_for("Tambahan yang batal.");
    term.keys(&["Escape"]);
    term.wait_for("akan dibuang. Buang?");
    term.keys(&["n"]);
    term.wait_gone("akan dibuang. Buang?");
    term.keys(&["Escape"]);
    term.wait_for("akan dibuang. Buang?");
    term.keys(&["y"]);
    term.wait_gone("Tambahan yang batal.");
    term.wait_for("konsep v1");

    // Paraf on the Kabid DIP's behalf, then the Kadis's signature.
    term.keys(&["p"]);
    term.wait_for("sebagai Kabid DIP?");
    term.keys(&["Enter"]);
    term.wait_for("Tercatat: paraf surat penerusan");
    term.wait_for("diparaf (v1)");
    term.keys(&["t"]);
    term.wait_for("sebagai Kadis?");
    term.keys(&["y"]);
    term.wait_for("Tercatat: tanda tangan surat penerusan");
    term.wait_for("ditandatangani (v1)");
    // A signed letter is not redrafted: the reason, in the window.
    term.keys(&["e"]);
    term.wait_for("sudah ditandatangani: tidak ada versi");

    let letters = term.desk.json(&["letter", "show", &agenda, "--json"]);
    let letter = &letters[0];
    let body = letter["versions"][0]["body"].as_str().unwrap();
    assert!(body.starts_with("Bersama ini kami teruskan"), "{body}");
    assert!(body.ends_with(&format!("\n{TYPED}\n{TYPED_TOO}")), "{body}");
    assert_eq!(letter["paraf"]["role"], "kabid-dip", "{letter}");
    assert_eq!(letter["signed"]["role"], "kadis", "{letter}");
    let detail = term.desk.json(&["case", "show", &agenda, "--json"]);
    for step in ["konsep-penerusan", "paraf-penerusan", "ttd-penerusan"] {
        assert_eq!(
            common::step_state(&detail, step),
            "done",
            "{step}: {detail}"
        );
    }
    assert_eq!(detail["current_step"], "kirim-penerusan", "{detail}");

    // Back in the case view.
    term.keys(&["Escape"]);
    term.wait_gone(&format!("Surat keluar {agenda}"));
    term.wait_for(&format!("Berkas kasus {agenda}"));
    // Read again after the acts: its checklist has the paraf and the
    // signature done and the sending next.
    for step in [
        "✔ Kabid DIP mengoreksi",
        "✔ Kepala Dinas menandatangani",
        "▶ Staf menyampaikan surat",
    ] {
        scroll_until(&term, step);
    }
    term.keys(&["Home"]);

    // Ctrl+P → the receipt, on a PC without lp: the file is named.
    term.keys(&["C-p"]);
    term.wait_for("Cetak dokumen kasus");
    term.keys(&["Enter"]);
    let screen = term.wait_for("Tidak ada pencetak");
    let file = format!("tanda-terima-{}.pdf", agenda.replace('/', "-"));
    assert!(screen.contains(&file), "{screen}");
    let pdf = std::fs::read(export.join(&file)).expect("the PDF is in the export folder");
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
}
