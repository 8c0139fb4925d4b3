//! The office and its desks as this database knows them: the office id,
//! each desk's public key and signed checkpoint, and backups.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::{Result, Store, uuid_from};
use crate::domain::checkpoint::Checkpoint;
use crate::domain::event::{GENESIS, Hash};

/// A desk as a bundle names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterDesk {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub pubkey: Vec<u8>,
}

impl Store {
    /// The office this desk belongs to, once founded or joined.
    pub fn office_id(&self) -> Result<Option<Uuid>> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM meta WHERE key = 'office'", [], |r| {
                r.get::<_, String>(0)
            })
            .optional()?
            .and_then(|v| Uuid::parse_str(&v).ok()))
    }

    pub fn set_office_id(&self, office: Uuid) -> Result<()> {
        self.conn().execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('office', ?)",
            [office.to_string()],
        )?;
        Ok(())
    }

    pub fn desk_pubkey(&self, desk_n: i64) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn()
            .query_row("SELECT pubkey FROM desks WHERE n = ?", [desk_n], |r| {
                r.get(0)
            })?)
    }

    pub fn set_desk_pubkey(&self, desk_n: i64, pubkey: &[u8]) -> Result<()> {
        self.conn().execute(
            "UPDATE desks SET pubkey = ? WHERE n = ?",
            params![pubkey, desk_n],
        )?;
        Ok(())
    }

    /// The last sequence number and hash of a desk's chain here.
    pub fn chain_head(&self, desk_n: i64) -> Result<(u64, Hash)> {
        head(self.conn(), desk_n)
    }

    /// Keeps a desk's checkpoint unless a later one is already held.
    pub fn put_checkpoint(&self, desk_n: i64, cp: &Checkpoint) -> Result<()> {
        put_checkpoint(self.conn(), desk_n, cp)
    }

    /// Every desk's id and code.
    pub fn desk_codes(&self) -> Result<Vec<(Uuid, String)>> {
        let mut stmt = self.conn().prepare_cached("SELECT uid, code FROM desks")?;
        let rows = stmt.query_map([], |r| Ok((uuid_from(r.get_ref(0)?.as_blob()?), r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every checkpoint held, with the desk it belongs to (local number and
    /// roster entry), so the signatures can be checked before forwarding.
    pub fn held_checkpoints(&self) -> Result<Vec<(i64, RosterDesk, Checkpoint)>> {
        let mut stmt = self.conn().prepare(
            "SELECT d.n, d.uid, d.code, d.name, d.pubkey, c.seq, c.head, c.signature
             FROM checkpoints c JOIN desks d ON d.n = c.desk WHERE d.pubkey IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            let id = uuid_from(r.get_ref(1)?.as_blob()?);
            Ok((
                r.get(0)?,
                RosterDesk {
                    id,
                    code: r.get(2)?,
                    name: r.get(3)?,
                    pubkey: r.get(4)?,
                },
                Checkpoint {
                    desk: id,
                    seq: r.get::<_, i64>(5)? as u64,
                    head: r.get_ref(6)?.as_blob()?.try_into().unwrap_or(GENESIS),
                    signature: r.get_ref(7)?.as_blob()?.try_into().unwrap_or([0; 64]),
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many events the fold left out, over every case.
    pub fn count_not_applied(&self) -> Result<u64> {
        Ok(self
            .conn()
            .query_row("SELECT coalesce(sum(anomalies), 0) FROM cases", [], |r| {
                r.get::<_, i64>(0)
            })? as u64)
    }

    /// Desk codes held by more than one desk id (each such code once).
    pub fn shared_codes(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT code FROM desks GROUP BY code HAVING count(*) > 1 ORDER BY code")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The roster: every desk with a known key.
    pub fn roster(&self) -> Result<Vec<RosterDesk>> {
        let mut stmt = self.conn().prepare(
            "SELECT uid, code, name, pubkey FROM desks WHERE pubkey IS NOT NULL ORDER BY n",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(RosterDesk {
                id: uuid_from(r.get_ref(0)?.as_blob()?),
                code: r.get(1)?,
                name: r.get(2)?,
                pubkey: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(super) fn head(conn: &Connection, desk_n: i64) -> Result<(u64, Hash)> {
    Ok(conn
        .query_row(
            "SELECT seq, hash FROM events WHERE desk = ? ORDER BY seq DESC LIMIT 1",
            [desk_n],
            |r| {
                Ok((
                    r.get::<_, i64>(0)? as u64,
                    r.get_ref(1)?.as_blob()?.try_into().unwrap_or(GENESIS),
                ))
            },
        )
        .optional()?
        .unwrap_or((0, GENESIS)))
}

pub(super) fn hash_at(conn: &Connection, desk_n: i64, seq: u64) -> Result<Option<Hash>> {
    Ok(conn
        .query_row(
            "SELECT hash FROM events WHERE desk = ? AND seq = ?",
            params![desk_n, seq as i64],
            |r| Ok(r.get_ref(0)?.as_blob()?.try_into().unwrap_or(GENESIS)),
        )
        .optional()?)
}

pub(super) fn put_checkpoint(conn: &Connection, desk_n: i64, cp: &Checkpoint) -> Result<()> {
    // Nothing to write when it covers no more than the one held: so an
    // export of events already signed needs no room on the database's disk.
    let held: Option<i64> = conn
        .query_row(
            "SELECT seq FROM checkpoints WHERE desk = ?",
            [desk_n],
            |r| r.get(0),
        )
        .optional()?;
    if held.is_some_and(|seq| seq >= cp.seq as i64) {
        return Ok(());
    }
    conn.execute(
        "INSERT INTO checkpoints (desk, seq, head, signature) VALUES (?, ?, ?, ?)
         ON CONFLICT (desk) DO UPDATE SET seq = excluded.seq, head = excluded.head,
             signature = excluded.signature WHERE excluded.seq > checkpoints.seq",
        params![
            desk_n,
            cp.seq as i64,
            cp.head.as_slice(),
            cp.signature.as_slice()
        ],
    )?;
    Ok(())
}

impl Store {
    /// Replaces this database's content with the backup at `path`. With
    /// `hold`, writing is refused until a bundle is merged (see `held`).
    pub fn restore_from(&mut self, path: &Path, hold: bool) -> Result<()> {
        self.conn.restore(
            rusqlite::MAIN_DB,
            path,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        if hold {
            self.conn().execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('restored', '1')",
                [],
            )?;
        }
        Ok(())
    }

    /// Restored from a backup and not yet merged with another desk.
    pub fn held(&self) -> Result<bool> {
        Ok(self
            .conn()
            .query_row("SELECT 1 FROM meta WHERE key = 'restored'", [], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// A consistent copy of the whole database at `path` (which must not exist).
    pub fn vacuum_into(&self, path: &Path) -> Result<()> {
        self.conn()
            .execute("VACUUM INTO ?", [path.to_string_lossy()])?;
        Ok(())
    }
}

impl Store {
    /// When a bundle was last merged here.
    pub fn last_import(&self) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .query_row("SELECT max(at) FROM imports", [], |r| r.get(0))?)
    }
}
