//! The print list and the letter window over the case view, drawn on a
//! TestBackend: a case decided outside the office's authority, its
//! forwarding letter drafted and initialled.

mod common;

use aduan::ui::action::Action;
use aduan::ui::letter::LetterWindow;
use aduan::ui::print::{PrintOutcome, PrintPick};
use common::{OFFICE, TestDesk};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const KASI: &str = "Kepala Seksi Penanganan Pengaduan";
const OPD: &str = "Dinas Pekerjaan Umum dan Penataan Ruang";

/// A case forwarded to the OPD with its letter drafted and initialled.
fn forwarded_case() -> (TestDesk, String) {
    let desk = TestDesk::with_config(OFFICE);
    let agenda = desk.add_case("2026-11-19 09:00");
    desk.act(&agenda, "disposisi", &["--as", "kadis"]);
    desk.act(&agenda, "disposisi", &["--as", "kabid-dip"]);
    desk.act(&agenda, "putuskan", &["--by", KASI, "--to", OPD]);
    desk.ok(&[
        "letter",
        "draft",
        &agenda,
        "--kind",
        "penerusan",
        "--by",
        KASI,
        "--body",
        "Dengan hormat,\nkami teruskan pengaduan terlampir.",
    ]);
    desk.ok(&[
        "letter",
        "paraf",
        &agenda,
        "--kind",
        "penerusan",
        "--by",
        KASI,
        "--as",
        "kabid-dip",
    ]);
    (desk, agenda)
}

fn drawn(width: u16, height: u16, draw: impl FnOnce(&mut ratatui::Frame<'_>)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(draw).unwrap();
    format!("{}", terminal.backend())
}

#[test]
fn the_letter_window_shows_number_stage_and_body() {
    let (desk, agenda) = forwarded_case();
    let desk = desk.open();
    let window = LetterWindow::open(&desk, &agenda).unwrap();
    let screen = drawn(80, 24, |f| window.draw(f, f.area()));
    assert!(screen.contains("diparaf (v1)"), "{screen}");
    assert!(
        screen.contains("kami teruskan pengaduan terlampir."),
        "{screen}"
    );
    assert!(screen.contains(OPD), "{screen}");
    // Decided outside the office's authority: no reply to switch to.
    assert!(!screen.contains("Surat jawaban"), "{screen}");
    insta::assert_snapshot!("letter_window_80x24", screen);
}

#[test]
fn the_print_list_offers_six_documents_and_refuses_one_not_there() {
    let (desk, agenda) = forwarded_case();
    let desk = desk.open();
    let export = desk.locations.export_dir.clone();
    let before = files_in(&export);
    let mut pick = PrintPick::new(&agenda);
    let screen = drawn(80, 24, |f| pick.draw(f, f.area()));
    for label in ["Tanda terima", "Lembar disposisi", "Surat jawaban", "(BAP)"] {
        assert!(screen.contains(label), "{label}: {screen}");
    }
    insta::assert_snapshot!("print_list_80x24", screen);

    // No reply letter yet: refused in the window, nothing written.
    let outcome = pick.handle(Some(Action::Choose(5)), &desk);
    assert!(matches!(outcome, PrintOutcome::Open));
    let (said, good) = pick.said().cloned().unwrap();
    assert!(!good && said.contains("belum punya surat"), "{said}");
    assert_eq!(files_in(&export), before);
    let refused = drawn(80, 24, |f| pick.draw(f, f.area()));
    assert!(refused.contains("belum punya surat"), "{refused}");

    // Saved only: a new PDF in the export folder, named in the window.
    let outcome = pick.handle(Some(Action::First), &desk);
    assert!(matches!(outcome, PrintOutcome::Open));
    let PrintOutcome::Done { line, stay } = pick.handle(Some(Action::SaveDocument), &desk) else {
        panic!("the receipt is written");
    };
    assert!(stay, "the window says where the file is");
    let written: Vec<_> = files_in(&export)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(written[0].starts_with("tanda-terima-"), "{written:?}");
    assert!(line.contains(&written[0]), "{line}");
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
