//! The projection: the tables the program reads, derived from the log.

use rusqlite::types::Value;
use rusqlite::{Connection, params, params_from_iter};
use sha2::{Digest, Sha256};

use super::{Result, Store};
use crate::domain::event::{Event, Hash};
use crate::domain::summary::CaseSummary;
use crate::domain::workflow::CaseState;

/// What a projection write does to the case's words in the search index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextIndex {
    /// The searchable fields did not change.
    Keep,
    /// The case is not indexed yet.
    New,
    /// A searchable field changed.
    Replace,
}

/// A note as the projection keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRow {
    pub at: i64,
    pub kind: String,
    pub person: String,
    pub role: String,
    pub text: String,
}

/// The projection's columns of a case, in the order [`case_values`] gives them.
const CASE_ROW_COLUMNS: [&str; 32] = [
    "n",
    "agenda_no",
    "agenda_desk",
    "agenda_year",
    "agenda_seq",
    "kind",
    "channel",
    "sop",
    "received_at",
    "complete_on",
    "name",
    "nik",
    "phone",
    "confidential",
    "anonymous",
    "subject",
    "licence_type",
    "status",
    "step",
    "step_actor",
    "step_since",
    "step_due",
    "deadline",
    "unlisted_years",
    "paused_since",
    "forwarded_to",
    "closed_at",
    "last_at",
    "events",
    "anomalies",
    "step_paused",
    "conflicts",
];

/// The years a deadline was counted through without a holiday list, as the
/// `unlisted_years` column keeps them: `2027,2028`.
pub(super) fn years_text(years: &[i32]) -> String {
    years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn case_values(case_n: i64, s: &CaseSummary, registered_by: i64) -> Vec<Value> {
    let years = years_text(&s.unlisted_years);
    let text = |v: &str| Value::Text(v.to_string());
    let opt_text = |v: &Option<String>| v.as_deref().map_or(Value::Null, text);
    let opt_int = |v: Option<i64>| v.map_or(Value::Null, Value::Integer);
    vec![
        Value::Integer(case_n),
        text(&s.agenda_no),
        Value::Integer(registered_by),
        Value::Integer(i64::from(s.agenda_year)),
        Value::Integer(i64::from(s.agenda_seq)),
        text(s.kind.id()),
        text(s.channel.id()),
        text(&s.sop),
        Value::Integer(s.received_at),
        Value::Text(s.complete_on.to_string()),
        text(&s.name),
        opt_text(&s.nik),
        opt_text(&s.phone),
        Value::Integer(i64::from(s.confidential)),
        Value::Integer(i64::from(s.anonymous)),
        text(&s.subject),
        text(&s.licence_type),
        text(s.status.id()),
        opt_text(&s.step),
        opt_text(&s.step_actor),
        Value::Integer(s.step_since),
        opt_int(s.step_due),
        Value::Text(s.deadline.to_string()),
        Value::Text(years),
        opt_int(s.paused_since),
        opt_text(&s.forwarded_to),
        opt_int(s.closed_at),
        Value::Integer(s.last_at),
        Value::Integer(i64::from(s.events)),
        Value::Integer(i64::from(s.anomalies)),
        Value::Integer(i64::from(s.step_paused)),
        Value::Integer(i64::from(s.conflicts)),
    ]
}

/// Writes the case's row: a new row whole, a known row by the columns that
/// changed only, so an index whose columns did not change is not written
/// (on an old office PC's disk every page counts).
fn put_case_row(conn: &Connection, values: Vec<Value>) -> Result<()> {
    use rusqlite::OptionalExtension;
    let columns = CASE_ROW_COLUMNS.join(", ");
    let stored: Option<Vec<Value>> = conn
        .prepare_cached(&format!("SELECT {columns} FROM cases WHERE n = ?"))?
        .query_row([&values[0]], |r| {
            (0..CASE_ROW_COLUMNS.len()).map(|i| r.get(i)).collect()
        })
        .optional()?;
    let Some(stored) = stored else {
        let marks = vec!["?"; CASE_ROW_COLUMNS.len()].join(", ");
        conn.prepare_cached(&format!("INSERT INTO cases ({columns}) VALUES ({marks})"))?
            .execute(params_from_iter(values))?;
        return Ok(());
    };
    let changed: Vec<usize> = (1..values.len())
        .filter(|&i| values[i] != stored[i])
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    let set = changed
        .iter()
        .map(|&i| format!("{} = ?", CASE_ROW_COLUMNS[i]))
        .collect::<Vec<_>>()
        .join(", ");
    let mut args: Vec<Value> = changed.iter().map(|&i| values[i].clone()).collect();
    args.push(values[0].clone());
    conn.prepare_cached(&format!("UPDATE cases SET {set} WHERE n = ?"))?
        .execute(params_from_iter(args))?;
    Ok(())
}

pub(super) fn put_case(
    conn: &Connection,
    case_n: i64,
    s: &CaseSummary,
    state: &CaseState,
    registered_by: i64,
    text: TextIndex,
) -> Result<()> {
    if text != TextIndex::Keep {
        super::search::index_case(conn, case_n, state, text == TextIndex::Replace)?;
    }
    put_case_row(conn, case_values(case_n, s, registered_by))?;
    conn.prepare_cached(
        "INSERT INTO agenda_counters (desk, year, last) VALUES (?, ?, ?)
         ON CONFLICT (desk, year) DO UPDATE SET last = excluded.last WHERE excluded.last > last",
    )?
    .execute(params![registered_by, s.agenda_year, s.agenda_seq])?;
    super::recap::put(conn, case_n, &s.recap)?;
    if let Some(to) = state.reg.input.linked_to {
        super::links::put_link(conn, case_n, to)?;
    }
    if !state.letters.is_empty() {
        super::letters::put_numbers(conn, state)?;
    }
    if !state.notebook.notes.is_empty() {
        put_notes(conn, case_n, state)?;
    }
    Ok(())
}

/// Writes the notes that are new or changed; the others stay as they are.
fn put_notes(conn: &Connection, case_n: i64, state: &CaseState) -> Result<()> {
    let stored: i64 = conn
        .prepare_cached("SELECT count(*) FROM notes WHERE case_n = ?")?
        .query_row([case_n], |r| r.get(0))?;
    // A notebook never loses a note; should a row be left over from an
    // earlier projection, the case's notes are written afresh.
    if stored > state.notebook.notes.len() as i64 {
        conn.prepare_cached("DELETE FROM notes WHERE case_n = ?")?
            .execute([case_n])?;
    }
    let mut upsert = conn.prepare_cached(
        "INSERT INTO notes (event, case_n, at, kind, person, role, text, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (event) DO UPDATE SET case_n = excluded.case_n, at = excluded.at, kind = excluded.kind,
             person = excluded.person, role = excluded.role, text = excluded.text, replaces = excluded.replaces
         WHERE (case_n, at, kind, person, role, text) IS NOT
               (excluded.case_n, excluded.at, excluded.kind, excluded.person, excluded.role, excluded.text)
            OR replaces IS NOT excluded.replaces",
    )?;
    for note in &state.notebook.notes {
        upsert.execute(params![
            note.event.as_bytes().as_slice(),
            case_n,
            note.at,
            note.kind.id(),
            note.person,
            note.role,
            note.text(),
            note.replaces.map(|r| r.as_bytes().to_vec()),
        ])?;
    }
    Ok(())
}

/// What a rebuild needs from the domain: the projection of one case from its events.
pub type Project<'a> = dyn FnMut(&[Event]) -> Option<(CaseSummary, CaseState)> + 'a;

impl Store {
    /// A digest of the whole projection, in a fixed order: equal digests mean
    /// equal tables.
    pub fn projection_digest(&self) -> Result<Hash> {
        let mut hasher = Sha256::new();
        for sql in [
            "SELECT * FROM cases ORDER BY n",
            "SELECT * FROM notes ORDER BY case_n, at, event",
            "SELECT * FROM agenda_counters ORDER BY desk, year",
            "SELECT * FROM recap_cases ORDER BY n",
            "SELECT * FROM case_links ORDER BY n",
            "SELECT * FROM letter_counters ORDER BY desk, year",
        ] {
            let mut stmt = self.conn().prepare(sql)?;
            let columns = stmt.column_count();
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                for i in 0..columns {
                    hash_value(&mut hasher, row.get_ref(i)?);
                }
            }
            hasher.update(b"\xff");
        }
        Ok(hasher.finalize().into())
    }
}

impl Store {
    /// A digest of the log and its projection with every local number
    /// (case, desk) replaced by its global id: two desks holding the same
    /// events have the same canonical digest, whatever order they got them in.
    pub fn canonical_digest(&self) -> Result<Hash> {
        const TABLES: [(&str, &[&str]); 8] = [
            (
                "SELECT d.uid, e.seq, e.hash FROM events e JOIN desks d ON d.n = e.desk ORDER BY d.uid, e.seq",
                &[],
            ),
            (
                "SELECT ci.uid AS case_uid, d.uid AS desk_uid, c.* FROM cases c
                 JOIN case_ids ci ON ci.n = c.n JOIN desks d ON d.n = c.agenda_desk ORDER BY ci.uid",
                &["n", "agenda_desk"],
            ),
            (
                "SELECT ci.uid AS case_uid, x.* FROM notes x JOIN case_ids ci ON ci.n = x.case_n ORDER BY x.event",
                &["case_n"],
            ),
            (
                "SELECT d.uid AS desk_uid, a.* FROM agenda_counters a JOIN desks d ON d.n = a.desk
                 ORDER BY d.uid, a.year",
                &["desk"],
            ),
            (
                "SELECT ci.uid AS case_uid, r.* FROM recap_cases r JOIN case_ids ci ON ci.n = r.n ORDER BY ci.uid",
                &["n"],
            ),
            (
                "SELECT ci.uid AS case_uid, l.linked_to FROM case_links l
                 JOIN case_ids ci ON ci.n = l.n ORDER BY ci.uid",
                &[],
            ),
            (
                "SELECT d.uid AS desk_uid, a.* FROM letter_counters a JOIN desks d ON d.n = a.desk
                 ORDER BY d.uid, a.year",
                &["desk"],
            ),
            ("SELECT sha256, size FROM attachments ORDER BY sha256", &[]),
        ];
        let mut hasher = Sha256::new();
        for (sql, local) in TABLES {
            let mut stmt = self.conn().prepare(sql)?;
            let keep: Vec<usize> = (0..stmt.column_count())
                .filter(|&i| !local.contains(&stmt.column_name(i).unwrap_or_default()))
                .collect();
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                for &i in &keep {
                    hash_value(&mut hasher, row.get_ref(i)?);
                }
            }
            hasher.update(b"\xff");
        }
        Ok(hasher.finalize().into())
    }
}

fn hash_value(h: &mut Sha256, v: rusqlite::types::ValueRef<'_>) {
    use rusqlite::types::ValueRef as V;
    match v {
        V::Null => h.update([0]),
        V::Integer(i) => {
            h.update([1]);
            h.update(i.to_le_bytes());
        }
        V::Real(f) => {
            h.update([2]);
            h.update(f.to_le_bytes());
        }
        V::Text(t) | V::Blob(t) => {
            h.update([3]);
            h.update((t.len() as u64).to_le_bytes());
            h.update(t);
        }
    }
}
