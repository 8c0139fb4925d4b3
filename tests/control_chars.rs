//! No terminal control from data: a control character is refused where text
//! comes in, and shown (never sent) wherever text goes out, also when it
//! arrived some other way than this desk's intake (a bundle from another
//! desk, an older version).

mod common;

use aduan::domain::draft::{self, CaseDraft, DraftContext};
use aduan::domain::event::{Payload, Registration};
use aduan::domain::summary::summarize;
use aduan::domain::workflow::{CaseState, Clock};
use aduan::store::{EventDraft, TextIndex};
use common::TestDesk;

const ESC_NAME: &str = "Esc\u{1b}[31mRed";
const ESC: u8 = 0x1b;

fn no_raw_escape(what: &str, bytes: &[u8]) {
    assert!(
        !bytes.contains(&ESC),
        "{what} holds a raw ESC: {:?}",
        String::from_utf8_lossy(bytes)
    );
}

fn add_args(name: &str) -> Vec<&str> {
    vec![
        "case",
        "add",
        "--name",
        name,
        "--phone",
        "0812-3456-7890",
        "--subject",
        "PBG belum terbit",
        "--description",
        "Sudah tiga bulan.",
    ]
}

#[test]
fn a_name_with_an_escape_is_refused_by_flags_and_json_and_nothing_is_written() {
    let desk = TestDesk::new();
    let before = desk.fingerprint();

    let out = desk.run(&add_args(ESC_NAME));
    assert!(!out.status.success());
    no_raw_escape("stderr", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("karakter kendali (U+001B)"), "{err}");
    assert!(err.contains("Nama"), "{err}");

    let json = serde_json::json!({
        "name": ESC_NAME,
        "phone": "081234567890",
        "subject": "PBG belum terbit",
        "description": "Sudah tiga bulan.",
    });
    let file = desk.dir.path().join("case.json");
    std::fs::write(&file, json.to_string()).unwrap();
    let out = desk.run(&["case", "add", "--json", file.to_str().unwrap()]);
    assert!(!out.status.success());
    no_raw_escape("stderr", &out.stderr);
    assert!(String::from_utf8_lossy(&out.stderr).contains("U+001B"));

    assert_eq!(desk.fingerprint(), before, "nothing may be written");
}

#[test]
fn a_description_keeps_its_lines_but_not_a_bell() {
    let desk = TestDesk::new();
    let mut args = add_args("Siti Aminah");
    args[9] = "Baris satu\nbaris dua";
    desk.ok(&args);
    // (A NUL cannot be passed as an argument; JSON carries it below.)
    args[9] = "Baris\u{7}satu";
    let err = desk.fails(&args);
    assert!(err.contains("U+0007"), "{err}");
    let json = serde_json::json!({
        "name": "Siti", "phone": "081234567890", "subject": "PBG",
        "description": "Baris\u{0}satu",
    });
    let out = desk.run_with_stdin(&["case", "add", "--json", "-"], &json.to_string());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("U+0000"));
}

#[test]
fn a_received_at_that_clears_the_screen_is_echoed_harmlessly() {
    let desk = TestDesk::new();
    let mut args = add_args("Siti Aminah");
    args.extend(["--received-at", "\u{1b}[2J"]);
    let out = desk.run(&args);
    assert!(!out.status.success());
    no_raw_escape("stderr", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("U+001B"), "{err}");
    // A value echoed back shows the escape as text.
    let out = desk.run(&["case", "list", "--status", "\u{1b}[2J"]);
    assert!(!out.status.success());
    no_raw_escape("stderr", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\\x1b[2J"), "{err}");
}

/// A case registered by another way than the intake: the event written
/// through the library, as a bundle from a desk with laxer rules would
/// bring it. Name, subject, address, description and licence type carry
/// escapes; the case is old enough to be overdue.
fn register_unchecked(desk: &TestDesk) -> String {
    let mut d = desk.open();
    let now = d.fixed_now.unwrap();
    let good = CaseDraft {
        name: "Siti".into(),
        phone: "081234567890".into(),
        subject: "PBG".into(),
        description: "x".into(),
        received_at: "2026-06-01 09:00".into(),
        ..CaseDraft::default()
    };
    let ctx = DraftContext {
        now,
        offset: d.offset,
    };
    let mut input = draft::validate(&good, &ctx, vec![], None).unwrap();
    input.complainant.name = ESC_NAME.into();
    input.complainant.address = "Jl. \u{1b}]0;judul\u{7}Melati".into();
    input.subject = "PBG \u{1b}[2J belum \u{9b}terbit".into();
    input.description = "Baris\u{1b}[1A satu\nbaris \u{202e}dua".into();
    input.object.licence_type = "=HYPERLINK(\"http://x\")\u{1b}[5m".into();
    let sop = d.sops.for_kind(input.kind).clone();
    let agenda_no = d.agenda.render(1, input.kind, &d.local.code, 2026, 6);
    let case = d.store.ids.uuid();
    let local = d.local.clone();
    let calendar = d.calendar.clone();
    let offset = d.offset;
    let mut w = d.store.writer(&local).unwrap();
    let case_n = w.case_n(case).unwrap();
    let received_at = input.received_at;
    let reg = Registration {
        agenda_no: agenda_no.clone(),
        agenda_year: 2026,
        agenda_seq: 1,
        sop: sop.id.clone(),
        input,
    };
    let event = w
        .append(
            case_n,
            EventDraft {
                case,
                at: received_at,
                recorded: now,
                person: "Operator Loket".into(),
                person_role: "operator".into(),
                role: "operator".into(),
                payload: Payload::CaseRegistered(Box::new(reg)),
            },
        )
        .unwrap();
    let state = CaseState::registered(&event, Some(&sop)).unwrap();
    let clock = Clock {
        calendar: &calendar,
        offset,
    };
    let summary = summarize(&state, Some(&sop), &clock);
    w.put_case(case_n, &summary, &state, local.n, TextIndex::New)
        .unwrap();
    w.commit().unwrap();
    agenda_no
}

#[test]
fn a_case_carrying_escapes_is_printed_without_them_everywhere() {
    let desk = TestDesk::new();
    let agenda = register_unchecked(&desk);

    let list = desk.run(&["case", "list"]);
    assert!(list.status.success());
    no_raw_escape("case list", &list.stdout);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(text.contains("Esc\\x1b[31mRed"), "{text}");

    let show = desk.run(&["case", "show", &agenda]);
    assert!(show.status.success(), "{show:?}");
    no_raw_escape("case show", &show.stdout);
    let text = String::from_utf8_lossy(&show.stdout);
    assert!(text.contains("Esc\\x1b[31mRed"), "{text}");
    assert!(text.contains("PBG \\x1b[2J belum \\x9bterbit"), "{text}");
    assert!(text.contains("baris \\u{202e}dua"), "{text}");
    assert!(!text.contains('\u{202e}') && !text.contains('\u{9b}'));

    let json = desk.run(&["case", "show", &agenda, "--json"]);
    assert!(json.status.success());
    no_raw_escape("case show --json", &json.stdout);
    let text = String::from_utf8_lossy(&json.stdout);
    assert!(
        !text.contains('\u{202e}') && !text.contains('\u{9b}'),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["subject"], "PBG \u{1b}[2J belum \u{9b}terbit");

    let md = desk.run(&["recap", "--year", "2026", "--format", "md", "-o", "-"]);
    assert!(md.status.success(), "{md:?}");
    no_raw_escape("Markdown recap", &md.stdout);
    let text = String::from_utf8_lossy(&md.stdout);
    assert!(
        text.contains("Esc\\x1b[31mRed"),
        "the overdue case is listed: {text}"
    );

    let csv = desk.run(&["recap", "--year", "2026", "--format", "csv", "-o", "-"]);
    assert!(csv.status.success(), "{csv:?}");
    no_raw_escape("CSV recap", &csv.stdout);
    let text = String::from_utf8_lossy(&csv.stdout);
    assert!(
        text.contains("'=HYPERLINK("),
        "a formula is text in the spreadsheet: {text}"
    );
    let table = desk.run(&["recap", "--year", "2026"]);
    assert!(table.status.success());
    no_raw_escape("recap table", &table.stdout);
}

#[test]
fn a_licence_type_typed_as_a_formula_is_text_in_the_csv() {
    let desk = TestDesk::new();
    let mut args = add_args("Siti Aminah");
    args.extend([
        "--licence-type",
        "=1+1",
        "--received-at",
        "2026-11-02 09:00",
    ]);
    desk.ok(&args);
    let csv = desk.ok(&["recap", "--month", "2026-11", "--format", "csv", "-o", "-"]);
    let row = csv
        .lines()
        .find(|l| l.contains("1+1"))
        .unwrap_or_else(|| panic!("no licence row: {csv}"));
    assert!(row.starts_with("'=1+1"), "{row}");
}

/// ratatui drops control characters when it fills its buffer (and skips
/// the zero-width bidi controls); this holds it to that for the inbox and
/// its detail pane, where the name and subject are drawn.
#[test]
fn the_interface_never_puts_an_escape_in_a_cell() {
    use aduan::ui::App;
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let desk = TestDesk::new();
    register_unchecked(&desk);
    let mut app = App::new(desk.open());
    let mut key = |code, mods| app.handle(Event::Key(KeyEvent::new(code, mods)));
    key(KeyCode::Down, KeyModifiers::NONE);
    key(KeyCode::Enter, KeyModifiers::NONE);
    key(KeyCode::Char('2'), KeyModifiers::ALT);
    key(KeyCode::F(3), KeyModifiers::NONE);
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buffer = terminal.backend().buffer();
    let screen = format!("{}", terminal.backend());
    assert!(
        screen.contains("[31mRed"),
        "the case is on screen:\n{screen}"
    );
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(aduan::domain::text::is_control),
            "a cell holds {:?}:\n{screen}",
            cell.symbol()
        );
    }
}
