//! The case screen the section head reads before deciding, drawn on a
//! TestBackend at the smallest size and at a roomy one, and scrolled.

mod common;

use aduan::ui::case_view::CaseViewScreen;
use common::TestDesk;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const STAF: &str = "Staf Penanganan Pengaduan";
const FIRST: &str = "0001/PGD/LKT1/2026";
const VIEWED: &str = "0002/PGD/LKT1/2026";
const LINKING: &str = "0003/PGD/LKT1/2026";

const DESCRIPTION: &str = "Gudang di belakang rumah kami dibangun sejak Agustus 2026 dan sekarang \
tingginya melebihi rumah-rumah di sekitarnya.\n\nMenurut papan proyek izinnya hanya untuk \
bangunan satu lantai.\nKami minta dinas memeriksa izinnya.";

/// LKT1's case 0002, confidential, linked to 0001 when registered, with
/// 0003 linked to it, a note, and its business name corrected apart on
/// both desks (a conflict). Returns the desk and the note's short id.
fn the_case() -> (TestDesk, TestDesk, String) {
    let (a, b) = common::two_desks();
    a.ok(&[
        "case",
        "add",
        "--name",
        "Rahmat Hidayat",
        "--nik",
        "3512071203800002",
        "--phone",
        "0813-1111-2222",
        "--email",
        "rahmat@contoh.id",
        "--address",
        "Jl. Melati 4, Panarukan",
        "--rahasia",
        "--business",
        "CV Maju Jaya",
        "--nib",
        "9120001234567",
        "--licence-no",
        "503/77/2026",
        "--licence-type",
        "PBG",
        "--subject",
        "Gudang melebihi izin bangunan",
        "--description",
        DESCRIPTION,
        "--received-at",
        "2026-11-17 10:00",
        "--linked-to",
        FIRST,
    ]);
    a.ok(&[
        "case",
        "add",
        "--name",
        "Budi Santoso",
        "--phone",
        "0812-5555-6666",
        "--subject",
        "Gudang yang sama, laporan tetangga",
        "--description",
        "Sama dengan laporan sebelumnya.",
        "--received-at",
        "2026-11-18 11:00",
        "--linked-to",
        VIEWED,
    ]);
    b.ok(&["sync", "merge", a.export_to("a1.aduan").to_str().unwrap()]);
    a.ok(&[
        "sync",
        "merge",
        b.export_to("b1.aduan").to_str().unwrap(),
        "--trust-new-desk",
    ]);
    a.correct_at(
        "2026-11-20T08:00:00+07:00",
        VIEWED,
        "business",
        "CV Maju Jaya Abadi",
    );
    b.correct_at(
        "2026-11-20T09:00:00+07:00",
        VIEWED,
        "business",
        "CV Majujaya",
    );
    let from_b = b.export_to("b2.aduan");
    a.ok(&["sync", "merge", from_b.to_str().unwrap()]);
    let note = a.json(&[
        "case",
        "note",
        VIEWED,
        "--kind",
        "catatan",
        "--field",
        "teks=Pelapor menelepon, minta kabar pemeriksaan",
        "--json",
        "--by",
        STAF,
    ]);
    let photo = a.dir.path().join("foto gudang.jpg");
    std::fs::write(&photo, vec![7u8; 2048]).unwrap();
    a.ok(&[
        "case",
        "attach",
        VIEWED,
        photo.to_str().unwrap(),
        "--by",
        STAF,
    ]);
    let id = note["id"].as_str().unwrap_or_default().to_string();
    let short = a.json(&["case", "notes", VIEWED, "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .chars()
        .take(8)
        .collect::<String>();
    assert!(id.is_empty() || id.starts_with(&short), "{id} {short}");
    (a, b, short)
}

fn screen(view: &CaseViewScreen, width: u16, height: u16, note: &str) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view.draw(f, f.area())).unwrap();
    format!("{}", terminal.backend()).replace(note, "xxxxxxxx")
}

#[test]
fn the_case_view_at_both_sizes_and_scrolled() {
    let (a, _b, note) = the_case();
    let desk = a.open();
    let mut view = CaseViewScreen::open(&desk, VIEWED).unwrap();

    let small = screen(&view, 80, 24, &note);
    assert!(small.contains("(dirahasiakan)"), "{small}");
    assert!(!small.contains("Rahmat"), "{small}");
    insta::assert_snapshot!("case_view_80x24", small);

    let large = screen(&view, 120, 40, &note);
    insta::assert_snapshot!("case_view_120x40", large);

    // A page down at 80×24 (the size last drawn) passes the complainant
    // and the business and brings the linked cases and the notes.
    screen(&view, 80, 24, &note);
    view.page(1);
    let scrolled = screen(&view, 80, 24, &note);
    assert!(scrolled.contains("Kasus terkait"), "{scrolled}");
    assert!(
        scrolled.contains("foto gudang.jpg (2.0 KB) ✓"),
        "{scrolled}"
    );
    insta::assert_snapshot!("case_view_80x24_page_down", scrolled);

    view.end();
    let end = screen(&view, 80, 24, &note);
    assert!(end.contains("Konflik"), "{end}");
    assert!(!end.contains("Rahmat"), "{end}");
    insta::assert_snapshot!("case_view_80x24_end", end);
    view.home();
    assert_eq!(view.offset(), 0);
    view.scroll_by(-3);
    assert_eq!(view.offset(), 0);
}

#[test]
fn a_case_knows_the_cases_that_link_to_it() {
    let (a, _b, _) = the_case();
    let desk = a.open();
    let viewed = desk.case_view(VIEWED).unwrap();
    let to = viewed.links.to.as_ref().expect("linked at registration");
    assert_eq!(to.agenda_no, FIRST);
    let from: Vec<&str> = viewed
        .links
        .from
        .iter()
        .map(|c| c.agenda_no.as_str())
        .collect();
    assert_eq!(from, [LINKING]);
    let first = desk.case_view(FIRST).unwrap();
    assert_eq!(first.links.from.len(), 1);
    assert_eq!(first.links.from[0].agenda_no, VIEWED);
    assert!(first.links.to.is_none());
    assert!(desk.case_view(LINKING).unwrap().links.from.is_empty());

    // The same links in `case show`, and after the projection is derived again.
    let shown = a.json(&["case", "show", FIRST, "--json"]);
    assert_eq!(shown["links"]["from"][0]["agenda_no"], VIEWED, "{shown}");
    let text = a.ok(&["case", "show", VIEWED]);
    assert!(text.contains(FIRST) && text.contains(LINKING), "{text}");
    a.ok(&["check", "--rebuild"]);
    let again = a.open().case_view(FIRST).unwrap();
    assert_eq!(again.links.from.len(), 1);
}

#[test]
fn a_hidden_complainant_stays_hidden_in_corrections_and_conflicts() {
    let (a, b, _) = the_case();
    a.correct_at(
        "2026-11-20T10:30:00+07:00",
        VIEWED,
        "phone",
        "0813-9999-0000",
    );
    b.correct_at(
        "2026-11-20T10:40:00+07:00",
        VIEWED,
        "phone",
        "0813-7777-0000",
    );
    a.ok(&["sync", "merge", b.export_to("b3.aduan").to_str().unwrap()]);
    let view = a.open().case_view(VIEWED).unwrap();
    let all = serde_json::to_string(&view).unwrap();
    // The phones in the forms they are typed and stored; a bare "9999" may
    // stand by chance in an event's hash.
    for secret in [
        "9999-0000",
        "99990000",
        "7777-0000",
        "77770000",
        "Rahmat",
        "rahmat@",
        "3512071203800002",
    ] {
        assert!(!all.contains(secret), "{secret} shown: {all}");
    }
    assert!(view.conflicts.iter().any(|c| c.topic == "field:phone"));
}

#[test]
fn a_desk_written_before_links_were_kept_finds_them_after_the_upgrade() {
    let (a, _b, _) = the_case();
    {
        let conn = rusqlite::Connection::open(a.db()).unwrap();
        conn.execute_batch("DROP TABLE case_links; PRAGMA user_version = 9;")
            .unwrap();
    }
    let first = a.open().case_view(FIRST).unwrap();
    let from: Vec<&str> = first
        .links
        .from
        .iter()
        .map(|c| c.agenda_no.as_str())
        .collect();
    assert_eq!(from, [VIEWED]);
    // What the upgrade filled in is what a rebuild derives.
    let r = a.json(&["check", "--rebuild", "--json"])["rebuild"].clone();
    assert_eq!(r["identical"], true, "{r}");
}
