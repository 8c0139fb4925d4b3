//! Deriving again, in place, the cases a change of the calendar in force can
//! affect: their events are folded again and their rows written over, while
//! the search words (which no calendar changes) stay as they are. The result
//! is the same as a rebuild's for those cases; the others are not read.

use rusqlite::params;

use super::projection::{Project, TextIndex, put_case};
use super::queries::events_of_case;
use super::{Result, Store};

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

/// A case picked to be derived again: its local number and the desk that registered it.
pub type Picked = (i64, i64);

impl Store {
    /// The cases `pick` chooses, read from the projection in one pass.
    pub fn pick_cases(&self, pick: &mut dyn FnMut(&CaseSpan<'_>) -> bool) -> Result<Vec<Picked>> {
        let mut stmt = self.conn().prepare(
            "SELECT n, agenda_desk, sop, complete_on, received_at, deadline, last_at, closed_at, step_due
             FROM cases",
        )?;
        let mut rows = stmt.query([])?;
        let mut picked = Vec::new();
        while let Some(r) = rows.next()? {
            let span = CaseSpan {
                sop: r.get_ref(2)?.as_str()?,
                complete_on: r.get_ref(3)?.as_str()?,
                received_at: r.get(4)?,
                deadline: r.get_ref(5)?.as_str()?,
                last_at: r.get(6)?,
                closed_at: r.get(7)?,
                step_due: r.get(8)?,
            };
            if pick(&span) {
                picked.push((r.get(0)?, r.get(1)?));
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
        for &(case_n, desk) in cases {
            let events = events_of_case(&tx, case_n)?;
            if let Some((summary, state)) = project(&events) {
                put_case(&tx, case_n, &summary, &state, desk, TextIndex::Keep)?;
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
