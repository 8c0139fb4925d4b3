//! Appending to the event log: one desk's chain, inside one transaction.

use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::{LocalDesk, Result, StoreError, projection};
use crate::domain::event::{EVENT_SCHEMA_VERSION, Event, GENESIS, Hash, Payload, hash_bytes};
use crate::domain::summary::CaseSummary;
use crate::domain::workflow::CaseState;

/// An event before the log gives it its id, sequence number and chain link.
#[derive(Debug, Clone)]
pub struct EventDraft {
    pub case: Uuid,
    pub at: i64,
    pub recorded: i64,
    pub person: String,
    pub person_role: String,
    pub role: String,
    pub payload: Payload,
}

/// One desk's hash chain: gives each draft its sequence number and the link
/// to the previous event, and seals it into canonical bytes and their hash.
#[derive(Debug, Clone)]
pub struct Chain {
    desk: Uuid,
    next_seq: u64,
    prev: Hash,
}

/// An event with its canonical bytes and their hash, ready to store.
#[derive(Debug, Clone)]
pub struct Sealed {
    pub event: Event,
    pub body: Vec<u8>,
    pub hash: Hash,
}

impl Chain {
    pub fn seal(&mut self, draft: EventDraft, id: Uuid) -> Sealed {
        let event = Event {
            v: EVENT_SCHEMA_VERSION,
            id,
            desk: self.desk,
            seq: self.next_seq,
            prev: self.prev,
            case: draft.case,
            at: draft.at,
            recorded: draft.recorded,
            person: draft.person,
            person_role: draft.person_role,
            role: draft.role,
            payload: draft.payload,
        };
        let body = event.canonical_bytes();
        let hash = hash_bytes(&body);
        self.next_seq += 1;
        self.prev = hash;
        Sealed { event, body, hash }
    }
}

/// A write transaction for the local desk. Dropping it without `commit`
/// rolls everything back.
pub struct Writer<'c> {
    pub(super) tx: Transaction<'c>,
    desk: LocalDesk,
    chain: Chain,
    ids: &'c super::ids::IdSource,
}

impl<'c> Writer<'c> {
    pub(super) fn new(
        tx: Transaction<'c>,
        desk: LocalDesk,
        ids: &'c super::ids::IdSource,
    ) -> Result<Writer<'c>> {
        let last: Option<(i64, Vec<u8>)> = tx
            .query_row(
                "SELECT seq, hash FROM events WHERE desk = ? ORDER BY seq DESC LIMIT 1",
                [desk.n],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (next_seq, prev) = match last {
            Some((seq, hash)) => (seq as u64 + 1, hash.try_into().unwrap_or(GENESIS)),
            None => (1, GENESIS),
        };
        let chain = Chain {
            desk: desk.id,
            next_seq,
            prev,
        };
        Ok(Writer {
            tx,
            desk,
            chain,
            ids,
        })
    }

    /// The chain as it stands, for a bulk producer that seals events itself.
    pub fn chain(&self) -> Chain {
        self.chain.clone()
    }

    /// The next free local case number, for a bulk producer.
    pub fn next_case_n(&self) -> Result<i64> {
        let max: Option<i64> = self
            .tx
            .query_row("SELECT max(n) FROM case_ids", [], |r| r.get(0))?;
        Ok(max.unwrap_or(0) + 1)
    }

    /// Records a case id under a local number chosen by a bulk producer.
    pub fn insert_case_id(&self, n: i64, case: Uuid) -> Result<()> {
        self.tx
            .prepare_cached("INSERT INTO case_ids (n, uid) VALUES (?, ?)")?
            .execute(params![n, case.as_bytes().as_slice()])?;
        Ok(())
    }

    pub fn desk(&self) -> &LocalDesk {
        &self.desk
    }

    /// The next agenda sequence number of this desk for `year`.
    pub fn next_agenda_seq(&self, year: i32) -> Result<u32> {
        let last: Option<u32> = self
            .tx
            .query_row(
                "SELECT last FROM agenda_counters WHERE desk = ? AND year = ?",
                params![self.desk.n, year],
                |r| r.get(0),
            )
            .optional()?;
        Ok(last.unwrap_or(0) + 1)
    }

    /// The local number of a case, allocated on first sight.
    pub fn case_n(&self, case: Uuid) -> Result<i64> {
        let found: Option<i64> = self
            .tx
            .prepare_cached("SELECT n FROM case_ids WHERE uid = ?")?
            .query_row([case.as_bytes().as_slice()], |r| r.get(0))
            .optional()?;
        match found {
            Some(n) => Ok(n),
            None => {
                self.tx
                    .prepare_cached("INSERT INTO case_ids (uid) VALUES (?)")?
                    .execute([case.as_bytes().as_slice()])?;
                Ok(self.tx.last_insert_rowid())
            }
        }
    }

    /// Seals a draft into the desk's chain under a new random id, and stores it.
    pub fn append(&mut self, case_n: i64, draft: EventDraft) -> Result<Event> {
        let id = self.ids.uuid();
        self.append_as(case_n, draft, id)
    }

    /// As [`Writer::append`], with the id given (demo data is reproducible).
    pub fn append_as(&mut self, case_n: i64, draft: EventDraft, id: Uuid) -> Result<Event> {
        let sealed = self.chain.seal(draft, id);
        self.insert_sealed(case_n, &sealed)?;
        Ok(sealed.event)
    }

    /// Stores an event sealed by this desk's chain.
    pub fn insert_sealed(&self, case_n: i64, sealed: &Sealed) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO events (desk, seq, case_n, at, kind, hash, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
            )?
            .execute(params![
                self.desk.n,
                sealed.event.seq as i64,
                case_n,
                sealed.event.at,
                sealed.event.payload.name(),
                sealed.hash.as_slice(),
                sealed.body
            ])?;
        Ok(())
    }

    /// Reads a case's events inside this transaction.
    pub fn case_events(&self, case_n: i64) -> Result<Vec<Event>> {
        super::queries::events_of_case(&self.tx, case_n)
    }

    /// The local number of the desk that registered a case.
    pub fn registering_desk(&self, case_n: i64) -> Result<i64> {
        Ok(self.tx.query_row(
            "SELECT desk FROM events WHERE case_n = ? AND kind = 'registered' ORDER BY at LIMIT 1",
            [case_n],
            |r| r.get(0),
        )?)
    }

    /// Writes the projection of one case (its row, its notes, its agenda
    /// counter, and as `text` says, its words for search).
    pub fn put_case(
        &self,
        case_n: i64,
        summary: &CaseSummary,
        state: &CaseState,
        registered_by: i64,
        text: projection::TextIndex,
    ) -> Result<()> {
        projection::put_case(&self.tx, case_n, summary, state, registered_by, text)
    }

    pub fn commit(self) -> Result<()> {
        self.tx.commit().map_err(StoreError::from)
    }
}
