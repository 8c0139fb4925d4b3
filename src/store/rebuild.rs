//! Deriving the whole projection again from the log (an upgrade whose build
//! derives it differently, `check --rebuild`), in one transaction.
//!
//! A second connection reads each case's events in case order and folds
//! them on a thread of its own while this connection writes what it folded,
//! so the fold and the writes each have a core. The projection's secondary
//! indexes are dropped first and built again at the end, from sorted rows,
//! inside the same transaction: a failure anywhere leaves the old projection
//! whole.

use std::sync::mpsc;

use super::projection::{TextIndex, put_case};
use super::{Result, Store, StoreError, schema};
use crate::domain::event::{Event, Payload};
use crate::domain::summary::CaseSummary;
use crate::domain::workflow::CaseState;

/// The projection of one case from its events, callable from the reading
/// thread.
pub type SharedProject<'a> = dyn Fn(&[Event]) -> Option<(CaseSummary, CaseState)> + Sync + 'a;

/// The reading connection's page cache: the log's index by case is read in
/// order, the log's rows in the order of that index.
const READER_CACHE_KIB: i64 = 64 * 1024;
/// This connection's page cache while it writes a million cases' rows.
const WRITER_CACHE_KIB: i64 = 128 * 1024;
/// Cases folded ahead of the writes.
const AHEAD: usize = 512;

/// One case, folded.
struct Derived {
    case_n: i64,
    registered_by: i64,
    summary: CaseSummary,
    state: CaseState,
}

impl Store {
    /// Throws the projection away and derives it again from the log, in one
    /// transaction, telling `progress` (cases done, cases in all) every few
    /// thousand cases. Returns the number of cases projected.
    pub fn rebuild_projection(
        &mut self,
        project: &SharedProject<'_>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<u64> {
        // Without a second connection (none can be opened), the fold runs
        // between the writes, on this one.
        let reader = self.second_reader(READER_CACHE_KIB).ok();
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn
            .pragma_update(None, "cache_size", -WRITER_CACHE_KIB)?;
        let result = self.rebuild_in_one_transaction(reader, project, progress);
        self.conn.pragma_update(None, "cache_size", cache)?;
        result
    }

    fn rebuild_in_one_transaction(
        &mut self,
        reader: Option<rusqlite::Connection>,
        project: &SharedProject<'_>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<u64> {
        let tx = self.transaction()?;
        let total: i64 = tx.query_row("SELECT count(*) FROM case_ids", [], |r| r.get(0))?;
        let total = total.unsigned_abs();
        tx.execute_batch(
            "DELETE FROM cases; DELETE FROM notes; DELETE FROM agenda_counters; DELETE FROM recap_cases;
             DELETE FROM case_links; DELETE FROM letter_counters; INSERT INTO case_search (case_search) VALUES ('delete-all');",
        )?;
        for (name, _) in projection_indexes() {
            tx.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
        }
        let mut count = 0;
        let mut write = |d: Derived| -> Result<()> {
            put_case(
                &tx,
                d.case_n,
                &d.summary,
                &d.state,
                d.registered_by,
                TextIndex::New,
            )?;
            count += 1;
            if count % 4096 == 0 {
                progress(count, total);
            }
            Ok(())
        };
        match reader {
            Some(conn) => fold_beside(conn, project, &mut write)?,
            None => read_and_fold(&tx, project, &mut write)?,
        }
        // Lets SQLite's sorter use a second core for the index builds.
        tx.pragma_update(None, "threads", 2)?;
        for (_, sql) in projection_indexes() {
            tx.execute_batch(sql)?;
        }
        tx.commit()?;
        progress(total, total);
        Ok(count)
    }
}

/// The secondary indexes of the projection's tables, which a rebuild drops
/// and builds again; the log's own index is what it reads by.
fn projection_indexes() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    schema::BULK_INDEXES
        .iter()
        .filter(|(name, _)| *name != "events_by_case")
}

/// Folds on a scoped thread reading through `conn` and hands each case to
/// `write` here, in case order. The first failure, of either side, stops both.
fn fold_beside(
    conn: rusqlite::Connection,
    project: &SharedProject<'_>,
    write: &mut dyn FnMut(Derived) -> Result<()>,
) -> Result<()> {
    std::thread::scope(|scope| {
        let (send, folded) = mpsc::sync_channel::<Derived>(AHEAD);
        let reading = scope.spawn(move || {
            // A send fails only once the writes have stopped: their error
            // is the one to tell.
            read_and_fold(&conn, project, &mut |d| {
                send.send(d).map_err(|_| StoreError::Sqlite(String::new()))
            })
        });
        let written = folded.into_iter().try_for_each(&mut *write);
        let read = reading.join().expect("the reading thread does not panic");
        written.and(read)
    })
}

/// Reads every event in case order, folds each case's events, and hands
/// each case that has a registration to `each`.
fn read_and_fold(
    conn: &rusqlite::Connection,
    project: &SharedProject<'_>,
    each: &mut dyn FnMut(Derived) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare("SELECT case_n, desk, body FROM events ORDER BY case_n")?;
    let mut rows = stmt.query([])?;
    let mut batch: Vec<(i64, Event)> = Vec::new();
    let mut current: Option<i64> = None;
    let mut fold = |case_n: i64, batch: &mut Vec<(i64, Event)>| -> Result<()> {
        let registered_by = batch
            .iter()
            .find(|(_, e)| matches!(e.payload, Payload::CaseRegistered(_)))
            .map(|(desk, _)| *desk);
        let events: Vec<Event> = batch.drain(..).map(|(_, e)| e).collect();
        match (registered_by, project(&events)) {
            (Some(registered_by), Some((summary, state))) => each(Derived {
                case_n,
                registered_by,
                summary,
                state,
            }),
            _ => Ok(()),
        }
    };
    while let Some(row) = rows.next()? {
        let case_n: i64 = row.get(0)?;
        if let Some(previous) = current.filter(|&c| c != case_n) {
            fold(previous, &mut batch)?;
        }
        current = Some(case_n);
        let desk: i64 = row.get(1)?;
        let event = Event::decode(row.get_ref(2)?.as_blob()?)
            .map_err(|_| StoreError::BadEvent { desk, seq: -1 })?;
        batch.push((desk, event));
    }
    match current {
        Some(last) => fold(last, &mut batch),
        None => Ok(()),
    }
}
