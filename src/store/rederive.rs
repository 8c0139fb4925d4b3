//! Deriving again, in place, the cases a change of the calendar in force can
//! affect: their events are folded again and only what a calendar or an SOP
//! decides is written over (status, step, due times, deadline, flags, the
//! recap's facts). The registration's fields, the notes, the agenda counters
//! and the search words come from the events alone, so they stay as they
//! are. The result is the same as a rebuild's for those cases; the others
//! are not read.

use rusqlite::{Connection, params};

use super::projection::Project;
use super::queries::events_of_case;
use super::{Result, Store};
use crate::domain::summary::CaseSummary;

/// What a case's stored figures were counted over: from its first day to the
/// latest of its deadline, its current step's due time and its events.
#[derive(Debug, Clone, Copy)]
pub struct CaseSpan<'a> {
    pub sop: &'a str,
    pub complete_on: &'a str,
    pub received_at: i64,
    pub deadline: &'a str,
    pub last_at: i64,
    pub closed_at: Option<i64>,
    pub step_due: Option<i64>,
}

/// A case picked to be derived again: its local number.
pub type Picked = i64;

impl Store {
    /// The cases `pick` chooses, read from the projection in one pass.
    pub fn pick_cases(&self, pick: &mut dyn FnMut(&CaseSpan<'_>) -> bool) -> Result<Vec<Picked>> {
        let mut stmt = self.conn().prepare(
            "SELECT n, sop, complete_on, received_at, deadline, last_at, closed_at, step_due
             FROM cases",
        )?;
        let mut rows = stmt.query([])?;
        let mut picked = Vec::new();
        while let Some(r) = rows.next()? {
            let span = CaseSpan {
                sop: r.get_ref(1)?.as_str()?,
                complete_on: r.get_ref(2)?.as_str()?,
                received_at: r.get(3)?,
                deadline: r.get_ref(4)?.as_str()?,
                last_at: r.get(5)?,
                closed_at: r.get(6)?,
                step_due: r.get(7)?,
            };
            if pick(&span) {
                picked.push(r.get(0)?);
            }
        }
        Ok(picked)
    }

    /// Derives the picked cases again from their events and records
    /// `meta = (key, value)`, in one transaction. `progress` hears how many
    /// cases are done, every thousand.
    pub fn rederive(
        &mut self,
        cases: &[Picked],
        project: &mut Project<'_>,
        meta: (&str, &str),
        progress: &mut dyn FnMut(u64),
    ) -> Result<u64> {
        let tx = self.transaction()?;
        let mut done = 0u64;
        for &case_n in cases {
            let events = events_of_case(&tx, case_n)?;
            if let Some((summary, _)) = project(&events) {
                update_derived(&tx, case_n, &summary)?;
            }
            done += 1;
            if done.is_multiple_of(1000) {
                progress(done);
            }
        }
        tx.prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")?
            .execute(params![meta.0, meta.1])?;
        tx.commit()?;
        Ok(done)
    }
}

/// Writes what the calendar and the SOP decide of a case: an UPDATE of those
/// columns touches only the indexes that hold them.
fn update_derived(conn: &Connection, case_n: i64, s: &CaseSummary) -> Result<()> {
    let years = super::projection::years_text(&s.unlisted_years);
    conn.prepare_cached(
        "UPDATE cases SET status = ?, step = ?, step_actor = ?, step_since = ?, step_due = ?,
            deadline = ?, unlisted_years = ?, paused_since = ?, forwarded_to = ?, closed_at = ?,
            anomalies = ?, step_paused = ?, conflicts = ?
         WHERE n = ?",
    )?
    .execute(params![
        s.status.id(),
        s.step,
        s.step_actor,
        s.step_since,
        s.step_due,
        s.deadline.to_string(),
        years,
        s.paused_since,
        s.forwarded_to,
        s.closed_at,
        s.anomalies,
        s.step_paused,
        s.conflicts,
        case_n,
    ])?;
    super::recap::put(conn, case_n, &s.recap)
}
