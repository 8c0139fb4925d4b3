//! Opening each tab, against plain SQL reading the rows the tab shows.

use std::time::{Duration, Instant};

use aduan::domain::recap::month_bounds;
use aduan::service::{Desk, OpenOptions};
use chrono::Datelike;
use crossterm::event::KeyCode;
use rusqlite::Connection;

use super::{alt, key, on_inbox};
use crate::common::{self, report};

const SAMPLES: usize = 40;

/// Alt+2, Alt+3 and Alt+4 from the intake tab, as the Kasi at 100×30: each
/// sample goes back to the intake tab first, so every opening reads again.
pub fn tab_openings(opts: &OpenOptions) {
    let (mut app, mut t) = on_inbox(opts, 100, 30);
    let plain = common::plain_connection(opts.db.as_ref().unwrap());
    let person = app.person.clone().expect("signed in");
    // A pause after signing in, as at a desk: the app counts the Rekap
    // figures while no key comes (`App::tick`).
    std::thread::sleep(Duration::from_secs(1));
    app.tick();
    for (tab, name) in [('2', "Disposisi"), ('3', "Investigasi"), ('4', "Rekap")] {
        let mut open = Vec::new();
        for _ in 0..SAMPLES {
            alt(&mut app, '1');
            t.draw(|f| app.draw(f)).unwrap();
            let start = Instant::now();
            alt(&mut app, tab);
            t.draw(|f| app.draw(f)).unwrap();
            open.push(start.elapsed());
        }
        report(&format!("tab {name}: open (Alt+{tab}) → frame"), &mut open);
        let mut baseline = baseline_for(tab, &app.desk, &person, &plain);
        report(
            &format!("tab {name}: plain SQL reading the rows it shows"),
            &mut baseline,
        );
        common::ratio(&format!("tab {name}"), &mut open, &mut baseline);
    }
    rekap_after_a_save(&mut app, &mut t, &person, &plain);
    // Back to a tab that reads nothing, for the next measurement.
    alt(&mut app, '1');
    key(&mut app, KeyCode::Esc);
}

/// The Rekap tab keeps its figures while nothing is written; after a save
/// it counts the changed cases again. Each sample registers a complaint on
/// the intake tab first (received today: this month's figures move).
fn rekap_after_a_save(
    app: &mut aduan::ui::App,
    t: &mut ratatui::Terminal<ratatui::backend::TestBackend>,
    person: &aduan::config::Person,
    plain: &Connection,
) {
    let who = app.desk.acting_as(Some(&person.name), None).unwrap();
    let mut open = Vec::new();
    for i in 0..SAMPLES {
        alt(app, '1');
        t.draw(|f| app.draw(f)).unwrap();
        let draft = aduan::domain::draft::CaseDraft {
            kind: "pengaduan".into(),
            channel: "loket".into(),
            name: format!("Pelapor {i}"),
            phone: format!("0812{:08}", 40_000_000 + i),
            subject: format!("Perihal {i}"),
            description: "Uraian".into(),
            ..Default::default()
        };
        app.desk.register(&draft, &who).unwrap();
        let start = Instant::now();
        alt(app, '4');
        t.draw(|f| app.draw(f)).unwrap();
        open.push(start.elapsed());
    }
    report(
        "tab Rekap after a registration: open (Alt+4) → frame",
        &mut open,
    );
    let mut baseline = baseline_for('4', &app.desk, person, plain);
    common::ratio("tab Rekap after a registration", &mut open, &mut baseline);
}

fn baseline_for(
    tab: char,
    desk: &Desk,
    person: &aduan::config::Person,
    conn: &Connection,
) -> Vec<Duration> {
    let roles = desk.roles_of(person);
    let note_steps: Vec<String> = desk
        .sops
        .sops
        .iter()
        .flat_map(|s| {
            s.steps
                .iter()
                .filter(|st| !st.notes.is_empty())
                .map(|st| format!("('{}', '{}')", s.id, st.id))
        })
        .collect();
    let today = desk.today();
    (0..SAMPLES)
        .map(|_| {
            let start = Instant::now();
            match tab {
                '2' => queue_rows(conn, &roles, &[], 100),
                '3' => queue_rows(conn, &roles, &note_steps, 200),
                _ => month_rows(conn, today) + overdue_rows(conn, today, 50),
            };
            start.elapsed()
        })
        .collect()
}

/// A queue's first page by the best plain query: the keys of one ordered
/// index range per role (Disposisi) or per step (Investigasi, with
/// `steps` as `('sop', 'step')` pairs), merged, then only the page's rows
/// read from the table.
fn queue_rows(conn: &Connection, roles: &[String], steps: &[String], limit: u32) -> usize {
    let roles_in = roles
        .iter()
        .map(|r| format!("'{}'", r.replace('\'', "''")))
        .collect::<Vec<_>>()
        .join(", ");
    let parts: Vec<String> = if steps.is_empty() {
        roles
            .iter()
            .map(|r| {
                format!(
                    "SELECT * FROM (SELECT n, deadline, received_at, agenda_no FROM cases INDEXED BY cases_queue
                     WHERE status = 'open' AND step_actor = '{}' ORDER BY deadline, received_at, agenda_no LIMIT {limit})",
                    r.replace('\'', "''")
                )
            })
            .collect()
    } else {
        steps
            .iter()
            .map(|pair| {
                format!(
                    "SELECT * FROM (SELECT n, deadline, received_at, agenda_no FROM cases INDEXED BY cases_steps
                     WHERE status = 'open' AND (sop, step) = {pair} AND step_actor IN ({roles_in})
                     ORDER BY deadline, received_at, agenda_no LIMIT {limit})"
                )
            })
            .collect()
    };
    let sql = format!(
        "SELECT n, agenda_no, name, subject, step, step_actor, deadline, received_at FROM cases
         WHERE n IN (SELECT n FROM ({}) ORDER BY deadline, received_at, agenda_no LIMIT {limit})
         ORDER BY deadline, received_at, agenda_no",
        parts.join(" UNION ALL ")
    );
    let mut stmt = conn.prepare_cached(&sql).unwrap();
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(1))
        .unwrap()
        .count();
    std::hint::black_box(rows)
}

fn month_rows(conn: &Connection, today: chrono::NaiveDate) -> usize {
    let (start, end) = month_bounds(today.year(), today.month()).unwrap();
    common::read_recap_facts(conn, start, end) as usize
}

fn overdue_rows(conn: &Connection, today: chrono::NaiveDate, limit: u32) -> usize {
    let mut stmt = conn
        .prepare_cached(
            "SELECT n, agenda_no, deadline FROM cases WHERE status = 'open' AND deadline < ?
             ORDER BY deadline LIMIT ?",
        )
        .unwrap();
    stmt.query_map(rusqlite::params![today.to_string(), limit], |r| {
        r.get::<_, String>(1)
    })
    .unwrap()
    .count()
}
