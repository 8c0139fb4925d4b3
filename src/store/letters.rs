//! Each desk's register of outgoing letter numbers, per year: the highest
//! sequence it gave. Part of the projection, like `agenda_counters`: written
//! from a case's letters with its row and derived again by a rebuild.

use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use super::log::Writer;
use crate::domain::workflow::CaseState;

/// Raises the registers to every number the case's letters were given.
/// A number from a desk this database does not know yet is skipped: the
/// desk's events, and its roster entry, arrive together.
pub(super) fn put_numbers(conn: &Connection, state: &CaseState) -> Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO letter_counters (desk, year, last) SELECT n, ?, ? FROM desks WHERE uid = ?
         ON CONFLICT (desk, year) DO UPDATE SET last = excluded.last WHERE excluded.last > last",
    )?;
    for issued in state.letters.iter().flat_map(|l| &l.issued) {
        insert.execute(params![
            issued.year,
            issued.seq,
            issued.desk.as_bytes().as_slice()
        ])?;
    }
    Ok(())
}

impl Writer<'_> {
    /// The next letter sequence number of this desk for `year`.
    pub fn next_letter_seq(&self, year: i32) -> Result<u32> {
        let last: Option<u32> = self
            .tx
            .query_row(
                "SELECT last FROM letter_counters WHERE desk = ? AND year = ?",
                params![self.desk().n, year],
                |r| r.get(0),
            )
            .optional()?;
        Ok(last.unwrap_or(0) + 1)
    }
}
