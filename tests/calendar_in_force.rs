//! The legal clock against the calendar in force: a holiday file added to a
//! desk that already holds cases moves every stored deadline and flag; a
//! running month is counted as of today; a finished case's margin is frozen;
//! bad holiday files and SOP limits are refused with nothing changed.

mod common;

use std::process::Output;

use aduan::service::Queue;
use common::{TestDesk, failure_line};

fn run_at(desk: &TestDesk, now: &str, args: &[&str]) -> Output {
    desk.command(args).env("ADUAN_NOW", now).output().unwrap()
}

fn ok_at(desk: &TestDesk, now: &str, args: &[&str]) -> String {
    let out = run_at(desk, now, args);
    assert!(
        out.status.success(),
        "aduan {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json_at(desk: &TestDesk, now: &str, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok_at(desk, now, args)).unwrap()
}

fn add_at(desk: &TestDesk, now: &str, received: &str) -> serde_json::Value {
    json_at(
        desk,
        now,
        &[
            "case",
            "add",
            "--name",
            "Siti Aminah",
            "--phone",
            "0812-3456-7890",
            "--subject",
            "PBG belum terbit",
            "--description",
            "Sudah tiga bulan.",
            "--received-at",
            received,
        ],
    )
}

/// Points `calendar.holiday_files` of the desk's configuration at `files`.
fn set_holiday_files(desk: &TestDesk, files: &[&std::path::Path]) {
    let config = std::fs::read_to_string(desk.config()).unwrap();
    let list: Vec<String> = files
        .iter()
        .map(|p| format!("{:?}", p.display().to_string()))
        .collect();
    let start = config
        .find("holiday_files = [")
        .expect("the key in the config");
    let end = start + config[start..].find(']').unwrap() + 1;
    let edited = format!(
        "{}holiday_files = [{}]{}",
        &config[..start],
        list.join(", "),
        &config[end..]
    );
    std::fs::write(desk.config(), edited).unwrap();
}

const DEC_2027: &str = "2027-12-21T10:00:00+07:00";

/// A test list for 2028 (no decree exists yet): 5 January closed.
const LIST_2028: &str = "[2028]\nlibur_nasional = [\n  { date = \"2028-01-01\", name = \"Tahun Baru 2028 Masehi\" },\n  { date = \"2028-01-05\", name = \"Libur uji\" },\n]\n";

#[test]
fn a_holiday_file_added_later_moves_every_stored_deadline() {
    let desk = TestDesk::new();
    // Received 20 Dec 2027; 2028 has no list: off are 24 Dec (joint leave),
    // 25 Dec and 1 Jan (a Saturday). 21=1, 22=2, 23=3, 27=4, 28=5, 29=6, 30=7,
    // 31=8, 3 Jan=9, 4=10, 5=11, 6=12, 7=13, 10=14.
    let a = add_at(&desk, DEC_2027, "2027-12-20 09:00");
    assert_eq!(a["deadline"], "2028-01-10");
    assert_eq!(
        a["deadline_flags"],
        serde_json::json!(["no-holiday-list:2028"])
    );
    let a = a["agenda_no"].as_str().unwrap().to_string();
    let early = add_at(&desk, DEC_2027, "2026-03-16 09:00");
    assert_eq!(early["deadline"], "2026-04-13");

    let file = desk.dir.path().join("libur-2028.toml");
    std::fs::write(&file, LIST_2028).unwrap();
    set_holiday_files(&desk, &[&file]);

    // With 5 Jan closed: ... 4=10, 6=11, 7=12, 10=13, 11=14.
    let out = run_at(&desk, DEC_2027, &["case", "list", "--json"]);
    assert!(out.status.success());
    let notice = String::from_utf8_lossy(&out.stderr);
    assert!(notice.contains("dihitung ulang"), "{notice}");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = |agenda: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["agenda_no"] == agenda)
            .unwrap()
            .clone()
    };
    let shown = json_at(&desk, DEC_2027, &["case", "show", &a, "--json"]);
    assert_eq!(shown["deadline"], "2028-01-11");
    assert_eq!(shown["deadline_flags"], serde_json::json!([]));
    assert_eq!(row(&a)["deadline"], shown["deadline"]);
    assert_eq!(row(&a)["deadline_flags"], shown["deadline_flags"]);
    let early_agenda = early["agenda_no"].as_str().unwrap();
    assert_eq!(row(early_agenda)["deadline"], "2026-04-13");

    // The inbox reads the same rows the UI pages through.
    let open = desk.open();
    let person = open.config.people[0].clone();
    let rows = open.queue_page(Queue::Open, &person, None, 100).unwrap();
    let inbox = rows.iter().find(|r| r.agenda_no == a).unwrap();
    assert_eq!(inbox.deadline, "2028-01-11");
    assert!(inbox.unlisted_years.is_empty());
    assert!(!open.row_timing(inbox).left_text().contains('*'));
    drop(open);

    // The recap of January 2028, read on 12 January, lists it overdue with
    // the same deadline and no flag.
    let recap = json_at(
        &desk,
        "2028-01-12T10:00:00+07:00",
        &["recap", "--month", "2028-01", "--format", "json"],
    );
    let overdue = recap["overdue"].as_array().unwrap();
    let listed = overdue.iter().find(|o| o["agenda_no"] == a).unwrap();
    assert_eq!(listed["deadline"], "2028-01-11");
    assert_eq!(listed["deadline_flags"], serde_json::json!([]));

    // Deriving in place gave what a rebuild from the log gives.
    let r = desk.json(&["check", "--rebuild", "--json"]);
    assert_eq!(r["rebuild"]["identical"], true, "{r}");

    // Taking the file away again brings the flag back everywhere.
    set_holiday_files(&desk, &[]);
    let list = json_at(&desk, DEC_2027, &["case", "list", "--json"]);
    let again = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["agenda_no"] == a)
        .unwrap();
    assert_eq!(again["deadline"], "2028-01-10");
    assert_eq!(
        again["deadline_flags"],
        serde_json::json!(["no-holiday-list:2028"])
    );
    let text = ok_at(&desk, DEC_2027, &["case", "list"]);
    assert!(text.contains("2028-01-10 *"), "{text}");
    assert!(text.contains("tanpa daftar libur tahun 2028"), "{text}");
}

#[test]
fn a_running_month_counts_overdue_only_past_deadlines() {
    let desk = TestDesk::new();
    let now = "2026-12-01T10:00:00+07:00";
    // 6 Nov: 9-13 Nov = 5, 16-20 = 10, 23-26 = 14: due 26 Nov, overdue on 1 Dec.
    let passed = add_at(&desk, now, "2026-11-06 09:00");
    assert_eq!(passed["deadline"], "2026-11-26");
    // 13 Nov: 16-20 = 5, 23-27 = 10, 30 Nov, 1, 2, 3 Dec = 14: due 3 Dec.
    let soon = add_at(&desk, now, "2026-11-13 09:00");
    assert_eq!(soon["deadline"], "2026-12-03");
    // 27 Nov: 30 Nov, 1-4 Dec = 5, 7-11 = 10, 14-17 = 14: due 17 Dec.
    let later = add_at(&desk, now, "2026-11-27 09:00");
    assert_eq!(later["deadline"], "2026-12-17");

    let dec = json_at(
        &desk,
        now,
        &["recap", "--month", "2026-12", "--format", "json"],
    );
    assert_eq!(dec["open_at_end"], 3);
    assert_eq!(dec["overdue_at_end"], 1, "{dec}");
    assert_eq!(dec["as_of"], "2026-12-01");
    let overdue: Vec<&str> = dec["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["agenda_no"].as_str().unwrap())
        .collect();
    assert_eq!(overdue, [passed["agenda_no"].as_str().unwrap()]);
    let table = ok_at(&desk, now, &["recap", "--month", "2026-12"]);
    assert!(table.contains("per 1 Desember 2026"), "{table}");
    // The status bar's count agrees.
    let mut open = desk.open();
    open.fixed_now = Some(
        chrono::DateTime::parse_from_rfc3339(now)
            .unwrap()
            .timestamp(),
    );
    assert_eq!(open.open_and_overdue().unwrap(), (3, 1));
    drop(open);

    // After the month has ended, its end counts: all three were late by 31 Dec.
    let ended = json_at(
        &desk,
        "2027-01-05T10:00:00+07:00",
        &["recap", "--month", "2026-12", "--format", "json"],
    );
    assert_eq!(ended["overdue_at_end"], 3);
    assert!(ended["as_of"].is_null());

    // The year view: November counted at its end, December as of today,
    // months not yet begun have no figures at all.
    let year = json_at(
        &desk,
        "2026-11-20T10:00:00+07:00",
        &["recap", "--year", "2026", "--format", "json"],
    );
    let periods = year["periods"].as_array().unwrap();
    assert_eq!(
        periods[11],
        serde_json::json!({ "month": "2026-12", "begun": false })
    );
    assert_eq!(periods[10]["as_of"], "2026-11-20");
    assert_eq!(year["as_of"], "2026-11-20");
    let csv = ok_at(
        &desk,
        "2026-11-20T10:00:00+07:00",
        &["recap", "--year", "2026", "--format", "csv", "-o", "-"],
    );
    let received = csv
        .lines()
        .find(|l| l.starts_with("Pengaduan diterima"))
        .unwrap();
    let cells: Vec<&str> = received.split(',').collect();
    // Label, January … December, total: December is blank, November is not.
    assert_eq!(cells.len(), 14, "{received}");
    assert_eq!(cells[12], "", "{received}");
    assert_eq!(cells[11], "3", "{received}");
}

#[test]
fn a_finished_case_keeps_the_margin_it_finished_with() {
    let desk = TestDesk::new();
    // Received Monday 2 Nov: 3-6 = 4, 9-13 = 9, 16-20 = 14: due 20 Nov.
    let a = desk.add_case("2026-11-02 09:00");
    let kasi = "Kepala Seksi Penanganan Pengaduan";
    desk.act(
        &a,
        "tutup",
        &[
            "--by",
            kasi,
            "--note",
            "Selesai di loket",
            "--at",
            "2026-11-03 10:00",
        ],
    );
    // Today (20 Nov) the deadline is 0 days away; the case finished 13 before it.
    let open = desk.open();
    let person = open.config.people[0].clone();
    let rows = open.queue_page(Queue::Closed, &person, None, 10).unwrap();
    let timing = open.row_timing(&rows[0]);
    assert!(timing.finished);
    assert_eq!(timing.workdays_left, 13);
    assert_eq!(timing.left_text(), "✓+13");
    drop(open);
    let shown = ok_at(&desk, "2026-12-20T10:00:00+07:00", &["case", "show", &a]);
    assert!(
        shown.contains("Selesai 13 hari kerja sebelum tenggat"),
        "{shown}"
    );
    let later = json_at(
        &desk,
        "2026-12-20T10:00:00+07:00",
        &["case", "show", &a, "--json"],
    );
    assert_eq!(later["finished_margin"], 13);
    assert_eq!(later["workdays_used"], 1);
}

fn refused_untouched(desk: &TestDesk, file: &std::path::Path, expect: &[&str]) {
    let before = desk.fingerprint();
    set_holiday_files(desk, &[file]);
    let line = failure_line(&["case", "list"], desk.run(&["case", "list"]));
    for e in expect {
        assert!(line.contains(e), "{e:?} in {line}");
    }
    set_holiday_files(desk, &[]);
    assert_eq!(desk.fingerprint(), before);
}

#[test]
fn bad_holiday_files_are_refused_with_file_and_line() {
    let desk = TestDesk::new();
    desk.add_case("2026-11-02 09:00");
    let dir = desk.dir.path();
    refused_untouched(
        &desk,
        std::path::Path::new("/dev/zero"),
        &["/dev/zero", "bukan berkas biasa"],
    );
    let fifo = dir.join("pipa.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    refused_untouched(&desk, &fifo, &["pipa.toml", "bukan berkas biasa"]);
    let huge = dir.join("besar.toml");
    std::fs::write(&huge, "#".repeat(5 * 1024 * 1024)).unwrap();
    refused_untouched(&desk, &huge, &["besar.toml", "terlalu besar"]);
    let broken = dir.join("rusak.toml");
    std::fs::write(
        &broken,
        "[2028]\nlibur_nasional = [\n  { date = \"2028-02-30\", name = \"x\" },\n]\n",
    )
    .unwrap();
    refused_untouched(&desk, &broken, &["rusak.toml", "baris 3", "2028-02-30"]);
    let binary = dir.join("biner.toml");
    std::fs::write(&binary, b"[2028]\n\xff\xfe\n").unwrap();
    refused_untouched(&desk, &binary, &["biner.toml", "baris 2", "UTF-8"]);
    // An old copy of the 2025 list, from before the amending decree.
    let shipped = aduan::service::HOLIDAYS;
    let old_2025 = &shipped[shipped.find("[2025]").unwrap()..shipped.find("[2026]").unwrap()];
    let old_2025 = old_2025.replace(
        "  { date = \"2025-08-18\", name = \"Cuti bersama Proklamasi Kemerdekaan\" },\n",
        "",
    );
    let stale = dir.join("libur-2025.toml");
    std::fs::write(&stale, &old_2025).unwrap();
    refused_untouched(&desk, &stale, &["libur-2025.toml", "2025", "2025-08-18"]);

    // A repeat of a shipped year is accepted, and said to be one.
    let repeat = dir.join("libur-2026.toml");
    let year_2026 = &shipped[shipped.find("[2026]").unwrap()..shipped.find("[2027]").unwrap()];
    std::fs::write(&repeat, year_2026).unwrap();
    set_holiday_files(&desk, &[&repeat]);
    let out = desk.run(&["case", "list"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sama dengan daftar bawaan"), "{err}");
}

#[test]
fn sop_check_refuses_limits_outside_the_law_and_warns_of_branches_too_long() {
    let desk = TestDesk::new();
    let dir = desk.dir.path();
    let shipped = aduan::domain::sop::builtin("situbondo-pengaduan").unwrap();
    let write = |name: &str, text: String| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let huge = write(
        "besar.toml",
        shipped.replace("limit_workdays = 14", "limit_workdays = 2147483647"),
    );
    let line = desk.fails(&["sop", "check", &huge]);
    assert!(
        line.contains("besar.toml") && line.contains("1–60"),
        "{line}"
    );
    let long = write(
        "lama.toml",
        shipped.replace("minutes = 960", "minutes = 7200"),
    );
    let line = desk.fails(&["sop", "check", &long]);
    assert!(
        line.contains("penanganan") && line.contains("7200"),
        "{line}"
    );
    let over = write(
        "lewat.toml",
        shipped.replace("minutes = 960", "minutes = 3600"),
    );
    let out = desk.run(&["sop", "check", &over]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Peringatan") && err.contains("6765"), "{err}");
    let out = desk.run(&["sop", "check", &write("baik.toml", shipped.to_string())]);
    assert!(out.status.success() && out.stderr.is_empty());
}

#[test]
fn from_october_the_missing_next_year_is_said() {
    let desk = TestDesk::new();
    // 2027 ships; 2028 does not. On 1 October 2027 `check` and the receipt say so.
    let now = "2027-10-01T10:00:00+07:00";
    let text = ok_at(&desk, now, &["check"]);
    assert!(
        text.contains("2028") && text.contains("calendar.holiday_files"),
        "{text}"
    );
    let v = add_at(&desk, now, "2027-10-01 09:00");
    assert_eq!(v["next_year_unlisted"], 2028);
    // Not in September, and not once the year's list is there.
    let text = ok_at(&desk, "2027-09-30T10:00:00+07:00", &["check"]);
    assert!(!text.contains("calendar.holiday_files"), "{text}");
    let v = json_at(&desk, "2026-10-01T10:00:00+07:00", &["check", "--json"]);
    assert!(v["next_year_unlisted"].is_null());
}

#[test]
fn the_status_bar_says_when_next_years_list_is_missing() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let desk = TestDesk::new();
    let status_bar = |now: &str| {
        let mut open = desk.open();
        open.fixed_now = Some(
            chrono::DateTime::parse_from_rfc3339(now)
                .unwrap()
                .timestamp(),
        );
        let mut app = aduan::ui::App::new(open);
        app.handle(crossterm::event::Event::Key(
            crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Enter,
                crossterm::event::KeyModifiers::NONE,
            ),
        ));
        let mut terminal = Terminal::new(TestBackend::new(140, 30)).unwrap();
        terminal.draw(|f| app.draw(f)).unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..buffer.area.width)
            .map(|x| buffer[(x, buffer.area.height - 1)].symbol().to_string())
            .collect::<String>()
    };
    let october = status_bar("2027-10-01T10:00:00+07:00");
    assert!(
        october.contains("libur 2028 belum ada: calendar.holiday_files"),
        "{october}"
    );
    let september = status_bar("2027-09-30T10:00:00+07:00");
    assert!(!september.contains("calendar.holiday_files"), "{september}");
}
