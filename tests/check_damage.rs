//! `aduan check` finds an index that no longer matches its table, in the
//! log's table (checked on its own connection, beside the hash chains), in
//! the case rows and in the notes (a table without rowid, checked beside).

mod common;

use common::TestDesk;

/// Makes SQLite read index `index` as if `column` led it: its stored
/// entries no longer match the rows, as after a damaged write.
fn skew_index(desk: &TestDesk, index: &str, column: &str) {
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?",
            [index],
            |r| r.get(0),
        )
        .unwrap();
    let open = sql.find('(').unwrap();
    let skewed = format!("{}({column}, {}", &sql[..open], &sql[open + 1..]);
    conn.execute_batch("PRAGMA writable_schema = ON").unwrap();
    conn.execute(
        "UPDATE sqlite_schema SET sql = ? WHERE name = ?",
        [&skewed, index],
    )
    .unwrap();
    conn.execute_batch("PRAGMA writable_schema = OFF").unwrap();
}

fn damaged_desk(index: &str, column: &str) -> TestDesk {
    let desk = TestDesk::new();
    for day in ["2026-11-02 09:00", "2026-11-03 09:00", "2026-11-04 09:00"] {
        let agenda = desk.add_case(day);
        desk.ok(&[
            "case",
            "note",
            &agenda,
            "--kind",
            "catatan",
            "--field",
            "teks=Pelapor menelepon lagi",
            "--by",
            "Staf Penanganan Pengaduan",
        ]);
    }
    let report = desk.json(&["check", "--json"]);
    assert_eq!(report["integrity"], serde_json::json!(["ok"]), "{report}");
    skew_index(&desk, index, column);
    desk
}

/// `check` fails and names the damaged index, in JSON and as text.
fn check_names(desk: &TestDesk, index: &str) {
    let out = desk.run(&["check", "--json"]);
    assert!(!out.status.success(), "a damaged desk fails the check");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines = report["integrity"].as_array().unwrap();
    assert!(
        lines.iter().any(|l| l.as_str().unwrap().contains(index)),
        "{lines:?}"
    );
    let text = String::from_utf8(desk.run(&["check"]).stdout).unwrap();
    assert!(text.contains(index), "{text}");
}

#[test]
fn a_damaged_index_of_the_log_is_found() {
    check_names(&damaged_desk("events_by_case", "seq"), "events_by_case");
}

#[test]
fn a_damaged_index_of_the_case_rows_is_found() {
    check_names(&damaged_desk("cases_agenda", "n"), "cases_agenda");
}

#[test]
fn a_damaged_index_of_the_notes_is_found() {
    check_names(&damaged_desk("notes_by_case", "at"), "notes_by_case");
}
