//! Reading: cases by key, lists and queues, a case's events.

use rusqlite::{Connection, params_from_iter, types::Value};
use uuid::Uuid;

use super::{Result, Store, StoreError, uuid_from};
use crate::domain::event::Event;

/// A case as lists show it (a row of the projection).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub n: i64,
    pub agenda_no: String,
    pub kind: String,
    pub channel: String,
    pub received_at: i64,
    pub name: String,
    pub confidential: bool,
    pub anonymous: bool,
    pub subject: String,
    pub status: String,
    pub step: Option<String>,
    pub step_actor: Option<String>,
    pub step_due: Option<i64>,
    pub step_since: i64,
    pub sop: String,
    /// Office minutes the current step spent paused (ended pauses).
    pub step_paused: u32,
    pub deadline: String,
    pub unlisted_years: String,
    pub forwarded_to: Option<String>,
    pub closed_at: Option<i64>,
    /// Changes made apart on two desks that wait for a decision.
    pub conflicts: u32,
}

#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub status: Option<String>,
    /// Open cases whose deadline is before this date (YYYY-MM-DD).
    pub overdue_on: Option<String>,
    /// Open cases whose current step is done by one of these roles.
    pub step_actors: Vec<String>,
    /// Open cases whose current step is one of these (SOP id, step id).
    pub steps: Vec<(String, String)>,
    /// Cases decided not to be the office's and forwarded to an OPD.
    pub forwarded: bool,
    pub limit: u32,
    pub offset: u32,
    /// Keyset paging: only cases after this (deadline, n) in list order.
    pub after: Option<(String, i64)>,
}

/// An event with the code of the desk that wrote it.
#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub desk_code: String,
    pub event: Event,
}

pub(super) fn events_of_case(conn: &Connection, case_n: i64) -> Result<Vec<Event>> {
    Ok(events_with_desk(conn, case_n)?
        .into_iter()
        .map(|(_, e)| e)
        .collect())
}

/// A case's events in fold order, each with the local number of its desk.
pub(super) fn events_with_desk(conn: &Connection, case_n: i64) -> Result<Vec<(i64, Event)>> {
    let mut stmt = conn.prepare_cached("SELECT desk, seq, body FROM events WHERE case_n = ?")?;
    let mut rows = stmt.query([case_n])?;
    let mut events = Vec::new();
    while let Some(row) = rows.next()? {
        let desk: i64 = row.get(0)?;
        let body = row.get_ref(2)?.as_blob()?;
        let event = Event::decode(body).map_err(|_| StoreError::BadEvent {
            desk,
            seq: row.get(1).unwrap_or(0),
        })?;
        events.push((desk, event));
    }
    events.sort_by_key(|(_, e)| e.order_key());
    Ok(events)
}

pub(super) const CASE_COLUMNS: &str =
    "n, agenda_no, kind, channel, received_at, name, confidential, anonymous, subject,
    status, step, step_actor, step_due, deadline, unlisted_years, forwarded_to, closed_at, step_since, sop, step_paused,
    conflicts";

pub(super) fn case_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CaseRow> {
    Ok(CaseRow {
        n: r.get(0)?,
        agenda_no: r.get(1)?,
        kind: r.get(2)?,
        channel: r.get(3)?,
        received_at: r.get(4)?,
        name: r.get(5)?,
        confidential: r.get(6)?,
        anonymous: r.get(7)?,
        subject: r.get(8)?,
        status: r.get(9)?,
        step: r.get(10)?,
        step_actor: r.get(11)?,
        step_due: r.get(12)?,
        deadline: r.get(13)?,
        unlisted_years: r.get(14)?,
        forwarded_to: r.get(15)?,
        closed_at: r.get(16)?,
        step_since: r.get(17)?,
        sop: r.get(18)?,
        step_paused: r.get(19)?,
        conflicts: r.get(20)?,
    })
}

impl Store {
    /// Cases whose agenda number or id is `key`.
    pub fn find_case(&self, key: &str) -> Result<Vec<(i64, Uuid)>> {
        let key = key.trim();
        let mut found = Vec::new();
        if let Ok(id) = Uuid::parse_str(key) {
            let mut stmt = self
                .conn()
                .prepare_cached("SELECT n FROM case_ids WHERE uid = ?")?;
            let mut rows = stmt.query([id.as_bytes().as_slice()])?;
            while let Some(r) = rows.next()? {
                found.push((r.get(0)?, id));
            }
        }
        // As typed, then in capitals as agenda numbers are written: both
        // through the index (a NOCASE comparison would scan every case).
        let mut stmt = self.conn().prepare_cached(
            "SELECT c.n, i.uid FROM cases c JOIN case_ids i ON i.n = c.n WHERE c.agenda_no = ?",
        )?;
        for candidate in [key.to_string(), key.to_uppercase()] {
            let mut rows = stmt.query([&candidate])?;
            while let Some(r) = rows.next()? {
                found.push((r.get(0)?, uuid_from(r.get_ref(1)?.as_blob()?)));
            }
            if !found.is_empty() {
                break;
            }
        }
        found.sort();
        found.dedup();
        Ok(found)
    }

    pub fn case_events(&self, case_n: i64) -> Result<Vec<Event>> {
        events_of_case(self.conn(), case_n)
    }

    /// A case's events with the code of the desk that wrote each.
    pub fn case_timeline(&self, case_n: i64) -> Result<Vec<StoredEvent>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT d.code, e.body, e.seq, e.desk FROM events e JOIN desks d ON d.n = e.desk WHERE e.case_n = ?",
        )?;
        let mut rows = stmt.query([case_n])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let event =
                Event::decode(r.get_ref(1)?.as_blob()?).map_err(|_| StoreError::BadEvent {
                    desk: r.get(3).unwrap_or(0),
                    seq: r.get(2).unwrap_or(0),
                })?;
            out.push(StoredEvent {
                desk_code: r.get(0)?,
                event,
            });
        }
        out.sort_by_key(|s| s.event.order_key());
        Ok(out)
    }

    pub fn case_row(&self, case_n: i64) -> Result<Option<CaseRow>> {
        use rusqlite::OptionalExtension;
        let sql = format!("SELECT {CASE_COLUMNS} FROM cases WHERE n = ?");
        Ok(self.conn().query_row(&sql, [case_n], case_row).optional()?)
    }

    /// A page of cases, soonest deadline first.
    pub fn list_cases(&self, f: &ListFilter) -> Result<Vec<CaseRow>> {
        // A page after a key follows the key's order. A whole list orders
        // ties by what every desk shares, so desks print the same list
        // whatever order their cases arrived in (local numbers differ).
        let order = if f.after.is_some() {
            "deadline, n"
        } else {
            "deadline, received_at, agenda_no"
        };
        let limit = i64::from(if f.limit == 0 { u32::MAX } else { f.limit });
        let offset = i64::from(f.offset);
        // Without their indexes (no room to build them after a bulk load)
        // the table is scanned rather than the list refused.
        let hint = |index: &str| {
            if self.bulk_indexes_missing() {
                String::new()
            } else {
                format!("INDEXED BY {index}")
            }
        };
        let mut args: Vec<Value> = Vec::new();
        // Each range yields only the keys of its first rows; the table is
        // read for the rows of the page alone.
        let range = |index: &str, part: Part<'_>, args: &mut Vec<Value>| {
            let filter = where_clause(f, part, args);
            args.push(Value::Integer(limit.saturating_add(offset)));
            format!(
                "SELECT * FROM (SELECT n, deadline, received_at, agenda_no FROM cases {} {filter} ORDER BY {order} LIMIT ?)",
                hint(index)
            )
        };
        // One ordered index range per step or per role, merged: an `IN`
        // over them would sort every open case they hold.
        let parts: Vec<String> = if !f.steps.is_empty() {
            f.steps
                .iter()
                .map(|step| range("cases_steps", Part::Step(step), &mut args))
                .collect()
        } else {
            f.step_actors
                .iter()
                .map(|actor| range("cases_queue", Part::Actor(actor), &mut args))
                .collect()
        };
        let sql = if parts.is_empty() {
            let filter = where_clause(f, Part::Whole, &mut args);
            format!("SELECT {CASE_COLUMNS} FROM cases {filter} ORDER BY {order} LIMIT ? OFFSET ?")
        } else {
            format!(
                "SELECT {CASE_COLUMNS} FROM cases WHERE n IN (SELECT n FROM ({}) ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}",
                parts.join(" UNION ALL ")
            )
        };
        args.push(Value::Integer(limit));
        args.push(Value::Integer(offset));
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), case_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open cases (open or paused), and of those, open ones past their deadline on `today`.
    pub fn open_and_overdue(&self, today: &str) -> Result<(u64, u64)> {
        let conn = self.conn();
        let open: i64 = conn.query_row(
            "SELECT count(*) FROM cases WHERE status IN ('open', 'paused')",
            [],
            |r| r.get(0),
        )?;
        let overdue: i64 = conn.query_row(
            "SELECT count(*) FROM cases WHERE status = 'open' AND deadline < ?",
            [today],
            |r| r.get(0),
        )?;
        Ok((open as u64, overdue as u64))
    }

    pub fn count_cases(&self) -> Result<u64> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    pub fn count_events(&self) -> Result<u64> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))?;
        Ok(n as u64)
    }
}

/// Which part of a case list one index range reads.
#[derive(Clone, Copy)]
enum Part<'a> {
    Whole,
    /// The open cases whose step this role does.
    Actor(&'a str),
    /// The open cases at this (SOP id, step id), of the list's roles.
    Step(&'a (String, String)),
}

/// The `WHERE` of a case list, or of one part of it; its values are pushed
/// to `args`.
fn where_clause(f: &ListFilter, part: Part<'_>, args: &mut Vec<Value>) -> String {
    let mut clauses: Vec<String> = Vec::new();
    if let Some(s) = &f.status {
        clauses.push("status = ?".into());
        args.push(Value::Text(s.clone()));
    }
    if let Some(day) = &f.overdue_on {
        clauses.push("status = 'open' AND deadline < ?".into());
        args.push(Value::Text(day.clone()));
    }
    match part {
        Part::Whole => {}
        Part::Actor(actor) => {
            clauses.push("status = 'open' AND step_actor = ?".into());
            args.push(Value::Text(actor.into()));
        }
        Part::Step((sop, step)) => {
            clauses.push("status = 'open' AND sop = ? AND step = ?".into());
            args.push(Value::Text(sop.clone()));
            args.push(Value::Text(step.clone()));
            if !f.step_actors.is_empty() {
                let marks = vec!["?"; f.step_actors.len()].join(", ");
                clauses.push(format!("step_actor IN ({marks})"));
                args.extend(f.step_actors.iter().cloned().map(Value::Text));
            }
        }
    }
    if f.forwarded {
        clauses.push("forwarded_to IS NOT NULL".into());
    }
    if let Some((deadline, n)) = &f.after {
        clauses.push("(deadline, n) > (?, ?)".into());
        args.push(Value::Text(deadline.clone()));
        args.push(Value::Integer(*n));
    }
    if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    }
}
