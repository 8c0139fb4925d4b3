//! Which case each case was linked to at registration, kept so that a case
//! finds the cases that link to it through an index. Part of the projection:
//! written with the case's row and derived again by a rebuild.

use rusqlite::{Connection, Transaction};
use uuid::Uuid;

use super::queries::{CASE_COLUMNS, case_row};
use super::{CaseRow, Result, Store, uuid_from};
use crate::domain::event::{Event, Payload};

/// Records that case `case_n` was linked to the case `linked_to` (a link is
/// fixed at registration, so writing it again changes nothing).
pub(super) fn put_link(conn: &Connection, case_n: i64, linked_to: Uuid) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO case_links (n, linked_to) VALUES (?, ?)
         ON CONFLICT (n) DO UPDATE SET linked_to = excluded.linked_to WHERE linked_to IS NOT excluded.linked_to",
    )?
        .execute(rusqlite::params![case_n, linked_to.as_bytes().as_slice()])?;
    Ok(())
}

/// Fills `case_links` from the registrations already in the log: one pass
/// over the registration events, decoding only those.
pub(super) fn backfill(tx: &Transaction) -> rusqlite_migration::HookResult {
    let mut insert = tx.prepare("INSERT OR IGNORE INTO case_links (n, linked_to) VALUES (?, ?)")?;
    let mut stmt = tx.prepare("SELECT case_n, body FROM events WHERE kind = 'registered'")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let body = row.get_ref(1)?;
        let Some(Ok(event)) = body.as_blob().ok().map(Event::decode) else {
            // `check` names an undecodable event; a rebuild derives the links again.
            continue;
        };
        if let Payload::CaseRegistered(r) = &event.payload
            && let Some(to) = r.input.linked_to
        {
            insert.execute(rusqlite::params![
                row.get::<_, i64>(0)?,
                to.as_bytes().as_slice()
            ])?;
        }
    }
    Ok(())
}

impl Store {
    /// The case with this id, if this desk holds it.
    pub fn case_by_id(&self, id: Uuid) -> Result<Option<CaseRow>> {
        use rusqlite::OptionalExtension;
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE n = (SELECT n FROM case_ids WHERE uid = ?)"
        );
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row([id.as_bytes().as_slice()], case_row)
            .optional()?)
    }

    /// The cases registered as linked to the case `id`, oldest first, each
    /// with its id.
    pub fn cases_linking_to(&self, id: Uuid) -> Result<Vec<(Uuid, CaseRow)>> {
        let sql = format!(
            "SELECT {CASE_COLUMNS}, (SELECT uid FROM case_ids i WHERE i.n = cases.n) FROM cases
             WHERE n IN (SELECT n FROM case_links WHERE linked_to = ?)
             ORDER BY received_at, agenda_no"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map([id.as_bytes().as_slice()], |r| {
            let uid = uuid_from(r.get_ref(21)?.as_blob()?);
            Ok((uid, case_row(r)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
