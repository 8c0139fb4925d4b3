//! Sync bundles: writing this desk's log into a file another desk can merge,
//! and checking and merging such a file here.
//!
//! A merge checks before it writes: the file must be an aduan bundle of this
//! office, pass SQLite's quick check, and each desk's new events must hash,
//! chain onto what this desk already holds of that desk, and end in the head
//! its owner signed. The events, the projection of the cases they touch and
//! the record of the import are then written in one transaction: a crash
//! leaves all of the bundle or none of it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use uuid::Uuid;

use super::projection::{Project, TextIndex, put_case};
use super::schema::{BUNDLE_APPLICATION_ID, BUNDLE_FORMAT, BUNDLE_SCHEMA};
use super::{Result, Store, StoreError, uuid_from};
use crate::domain::checkpoint::{self, Checkpoint};
use crate::domain::event::{Event, GENESIS, Hash, Payload, hash_bytes};

/// Why a bundle was refused. Desks are named by their codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a SQLite file at all (random bytes, a truncated header).
    NotSqlite,
    /// A SQLite file, but not an aduan bundle (perhaps a live database).
    NotABundle,
    Format(i64),
    OtherOffice(Uuid),
    /// SQLite's quick check failed (a truncated or damaged copy).
    Damaged(String),
    /// A desk not yet on this desk's roster; accepted only on confirmation.
    UntrustedDesk {
        code: String,
        fingerprint: String,
    },
    /// A known desk arrives with another public key.
    KeyChanged {
        code: String,
    },
    BadSignature {
        code: String,
    },
    /// An event's bytes do not hash to its stored hash: it was edited.
    HashMismatch {
        code: String,
        seq: u64,
    },
    /// An event does not name its predecessor, or its sequence has a hole.
    BrokenChain {
        code: String,
        seq: u64,
    },
    /// The bytes do not decode, or disagree with where they are stored.
    Undecodable {
        code: String,
        seq: u64,
    },
    /// The desk's event at this number differs from the one held here.
    Fork {
        code: String,
        seq: u64,
    },
    /// Events past the desk's signed checkpoint.
    Unsigned {
        code: String,
        seq: u64,
    },
    /// An attachment's content does not hash to its name.
    BadContent {
        sha256: String,
    },
}

#[derive(Debug)]
pub enum MergeError {
    Refused(Refusal),
    Store(StoreError),
}

impl From<StoreError> for MergeError {
    fn from(e: StoreError) -> MergeError {
        MergeError::Store(e)
    }
}

impl From<rusqlite::Error> for MergeError {
    fn from(e: rusqlite::Error) -> MergeError {
        MergeError::Store(e.into())
    }
}

fn refuse<T>(r: Refusal) -> std::result::Result<T, MergeError> {
    Err(MergeError::Refused(r))
}

/// A desk as a bundle names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterDesk {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub pubkey: Vec<u8>,
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeOutcome {
    /// New events per desk code.
    pub new_events: BTreeMap<String, u64>,
    pub new_desks: Vec<String>,
    pub cases_added: u64,
    pub cases_changed: u64,
    /// The cases touched, by id.
    pub touched: Vec<Uuid>,
    /// Agenda numbers of touched cases with changes made apart.
    pub conflicted: Vec<String>,
}

/// What a merge needs to know of this desk.
pub struct MergeContext<'a> {
    pub office: Uuid,
    /// Desks not yet on the roster are accepted (the user confirmed).
    pub trust_new_desks: bool,
    pub now: i64,
    pub project: &'a mut Project<'a>,
    /// Called with (events checked, events to check) while merging.
    pub progress: &'a mut dyn FnMut(u64, u64),
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

    /// Writes every event covered by a checkpoint, the roster, the
    /// checkpoints and the attachment contents into a new bundle at `path`
    /// (which must not exist). Returns the number of events written.
    pub fn write_bundle(
        &self,
        path: &Path,
        office: Uuid,
        exported_by: Uuid,
        at: i64,
    ) -> Result<u64> {
        // The desk's connection may not create files: the bundle is made
        // empty on its own connection first, then filled through ATTACH.
        Connection::open(path)?.execute_batch(&format!(
            "PRAGMA journal_mode = DELETE; PRAGMA application_id = {BUNDLE_APPLICATION_ID}; {BUNDLE_SCHEMA}"
        ))?;
        let conn = self.conn();
        conn.execute("ATTACH DATABASE ? AS b", [path.to_string_lossy()])?;
        let written = (|| -> Result<u64> {
            conn.execute_batch("BEGIN")?;
            let header = [
                ("format", BUNDLE_FORMAT.to_string()),
                ("office", office.to_string()),
                ("exported_by", exported_by.to_string()),
                ("exported_at", at.to_string()),
            ];
            for (k, v) in header {
                conn.execute("INSERT INTO b.header (key, value) VALUES (?, ?)", [k, &v])?;
            }
            conn.execute_batch(
                "INSERT INTO b.desks SELECT uid, code, name, pubkey FROM desks
                     WHERE pubkey IS NOT NULL AND n IN (SELECT desk FROM checkpoints);
                 INSERT INTO b.checkpoints SELECT d.uid, c.seq, c.head, c.signature
                     FROM checkpoints c JOIN desks d ON d.n = c.desk;
                 INSERT INTO b.events SELECT d.uid, e.seq, e.hash, e.body
                     FROM checkpoints c JOIN desks d ON d.n = c.desk
                     JOIN events e ON e.desk = c.desk AND e.seq <= c.seq
                     ORDER BY d.uid, e.seq;
                 INSERT INTO b.attachments SELECT sha256, size, data FROM attachments;",
            )?;
            let n: i64 = conn.query_row("SELECT count(*) FROM b.events", [], |r| r.get(0))?;
            conn.execute_batch("COMMIT")?;
            Ok(n as u64)
        })();
        if written.is_err() {
            let _ = conn.execute_batch("ROLLBACK");
        }
        conn.execute_batch("DETACH DATABASE b")?;
        written
    }

    /// Checks the bundle at `path` and merges what this desk lacks.
    pub fn merge_bundle(
        &mut self,
        path: &Path,
        ctx: &mut MergeContext<'_>,
    ) -> std::result::Result<MergeOutcome, MergeError> {
        let bundle = open_bundle(path, ctx.office)?;
        let roster = read_roster(&bundle)?;
        let checkpoints = read_checkpoints(&bundle)?;
        let plans = plan(self.conn(), &roster, &checkpoints, ctx)?;
        if plans.iter().all(|p| p.from > p.cp.seq) {
            // Nothing to take, but this desk now knows what the other holds.
            if self.held()? {
                self.conn()
                    .execute("DELETE FROM meta WHERE key = 'restored'", [])?;
            }
            return Ok(MergeOutcome::default());
        }
        let quick: String = bundle.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if quick != "ok" {
            return refuse(Refusal::Damaged(quick));
        }
        let bundle_hash = file_hash(path).map_err(|e| StoreError::Sqlite(e.to_string()))?;
        let tx = self.transaction()?;
        let mut outcome = MergeOutcome::default();
        let total: u64 = plans
            .iter()
            .map(|p| p.cp.seq + 1 - p.from.min(p.cp.seq + 1))
            .sum();
        let mut checked = 0;
        let mut touched: BTreeSet<Uuid> = BTreeSet::new();
        for p in &plans {
            let desk_n = match p.local_n {
                Some(n) => {
                    tx.execute(
                        "UPDATE desks SET pubkey = ? WHERE n = ? AND pubkey IS NULL",
                        params![p.desk.pubkey, n],
                    )?;
                    n
                }
                None => {
                    tx.execute(
                        "INSERT INTO desks (uid, code, name, pubkey) VALUES (?, ?, ?, ?)",
                        params![
                            p.desk.id.as_bytes().as_slice(),
                            p.desk.code,
                            p.desk.name,
                            p.desk.pubkey
                        ],
                    )?;
                    outcome.new_desks.push(p.desk.code.clone());
                    tx.last_insert_rowid()
                }
            };
            if p.from <= p.cp.seq {
                let n = copy_events(&bundle, &tx, p, desk_n, &mut touched, &mut |k| {
                    (ctx.progress)(checked + k, total)
                })?;
                checked += n;
                outcome.new_events.insert(p.desk.code.clone(), n);
            }
            put_checkpoint(&tx, desk_n, &p.cp)?;
        }
        copy_contents(&bundle, &tx)?;
        for case in &touched {
            let case_n: i64 = tx.query_row(
                "SELECT n FROM case_ids WHERE uid = ?",
                [case.as_bytes().as_slice()],
                |r| r.get(0),
            )?;
            let existed: bool =
                tx.query_row("SELECT count(*) FROM cases WHERE n = ?", [case_n], |r| {
                    r.get::<_, i64>(0)
                })? > 0;
            let events = super::queries::events_with_desk(&tx, case_n)?;
            let registered_by = events
                .iter()
                .find(|(_, e)| matches!(e.payload, Payload::CaseRegistered(_)))
                .map(|(d, _)| *d);
            let events: Vec<Event> = events.into_iter().map(|(_, e)| e).collect();
            if let (Some(desk), Some((summary, state))) = (registered_by, (ctx.project)(&events)) {
                let text = if existed {
                    TextIndex::Replace
                } else {
                    TextIndex::New
                };
                put_case(&tx, case_n, &summary, &state, desk, text)?;
                if summary.conflicts > 0 {
                    outcome.conflicted.push(summary.agenda_no.clone());
                }
                if existed {
                    outcome.cases_changed += 1;
                } else {
                    outcome.cases_added += 1;
                }
            }
        }
        tx.execute(
            "INSERT INTO imports (bundle, at, events, cases) VALUES (?, ?, ?, ?)",
            params![
                bundle_hash.as_slice(),
                ctx.now,
                checked as i64,
                touched.len() as i64
            ],
        )?;
        tx.execute("DELETE FROM meta WHERE key = 'restored'", [])?;
        tx.commit().map_err(StoreError::from)?;
        outcome.touched = touched.into_iter().collect();
        Ok(outcome)
    }
}

/// What to take of one desk: its events from `from` up to its checkpoint.
struct Plan {
    desk: RosterDesk,
    local_n: Option<i64>,
    cp: Checkpoint,
    /// The first sequence number this desk lacks.
    from: u64,
    /// The hash the first new event must name as its predecessor.
    prev: Hash,
}

fn open_bundle(path: &Path, office: Uuid) -> std::result::Result<Connection, MergeError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| {
        MergeError::Store(StoreError::Open {
            path: path.into(),
            detail: e.to_string(),
        })
    })?;
    let app: i32 = match conn.query_row("PRAGMA application_id", [], |r| r.get(0)) {
        Ok(id) => id,
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            return refuse(Refusal::NotSqlite);
        }
        Err(e) => return refuse(Refusal::Damaged(e.to_string())),
    };
    if app != BUNDLE_APPLICATION_ID {
        return refuse(Refusal::NotABundle);
    }
    let header = |key: &str| -> std::result::Result<String, MergeError> {
        conn.query_row("SELECT value FROM header WHERE key = ?", [key], |r| {
            r.get(0)
        })
        .map_err(|e| MergeError::Refused(Refusal::Damaged(e.to_string())))
    };
    let format: i64 = header("format")?.parse().unwrap_or(-1);
    if format != BUNDLE_FORMAT {
        return refuse(Refusal::Format(format));
    }
    let theirs = Uuid::parse_str(&header("office")?).unwrap_or_default();
    if theirs != office {
        return refuse(Refusal::OtherOffice(theirs));
    }
    Ok(conn)
}

fn damaged(e: rusqlite::Error) -> MergeError {
    MergeError::Refused(Refusal::Damaged(e.to_string()))
}

fn read_roster(bundle: &Connection) -> std::result::Result<Vec<RosterDesk>, MergeError> {
    let mut stmt = bundle
        .prepare("SELECT uid, code, name, pubkey FROM desks")
        .map_err(damaged)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(RosterDesk {
                id: uuid_from(r.get_ref(0)?.as_blob()?),
                code: r.get(1)?,
                name: r.get(2)?,
                pubkey: r.get(3)?,
            })
        })
        .map_err(damaged)?;
    rows.collect::<rusqlite::Result<_>>().map_err(damaged)
}

fn read_checkpoints(bundle: &Connection) -> std::result::Result<Vec<Checkpoint>, MergeError> {
    let mut stmt = bundle
        .prepare("SELECT desk, seq, head, signature FROM checkpoints ORDER BY desk")
        .map_err(damaged)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Checkpoint {
                desk: uuid_from(r.get_ref(0)?.as_blob()?),
                seq: r.get::<_, i64>(1)? as u64,
                head: r.get_ref(2)?.as_blob()?.try_into().unwrap_or(GENESIS),
                signature: r.get_ref(3)?.as_blob()?.try_into().unwrap_or([0; 64]),
            })
        })
        .map_err(damaged)?;
    rows.collect::<rusqlite::Result<_>>().map_err(damaged)
}

/// Checks each desk's checkpoint against the roster and what is held here,
/// and says what to take. Reads nothing of the events but two hashes.
fn plan(
    conn: &Connection,
    roster: &[RosterDesk],
    checkpoints: &[Checkpoint],
    ctx: &MergeContext<'_>,
) -> std::result::Result<Vec<Plan>, MergeError> {
    let mut plans = Vec::new();
    for cp in checkpoints {
        let Some(desk) = roster.iter().find(|d| d.id == cp.desk) else {
            return refuse(Refusal::Damaged(format!(
                "checkpoint of an unlisted desk {}",
                cp.desk
            )));
        };
        let local: Option<(i64, Option<Vec<u8>>)> = conn
            .query_row(
                "SELECT n, pubkey FROM desks WHERE uid = ?",
                [cp.desk.as_bytes().as_slice()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let known_key = local.as_ref().and_then(|(_, k)| k.clone());
        match &known_key {
            Some(k) if *k != desk.pubkey => {
                return refuse(Refusal::KeyChanged {
                    code: desk.code.clone(),
                });
            }
            None if !ctx.trust_new_desks => {
                return refuse(Refusal::UntrustedDesk {
                    code: desk.code.clone(),
                    fingerprint: checkpoint::fingerprint(&desk.pubkey),
                });
            }
            _ => {}
        }
        if !checkpoint::verify(&desk.pubkey, ctx.office, cp) {
            return refuse(Refusal::BadSignature {
                code: desk.code.clone(),
            });
        }
        let (held, held_head) = match &local {
            Some((n, _)) => head(conn, *n)?,
            None => (0, GENESIS),
        };
        let code = desk.code.clone();
        if cp.seq <= held {
            // Nothing new; the signed head must be the one held here.
            let ours = local
                .as_ref()
                .map(|(n, _)| hash_at(conn, *n, cp.seq))
                .transpose()?
                .flatten();
            if cp.seq > 0 && ours != Some(cp.head) {
                return refuse(Refusal::Fork { code, seq: cp.seq });
            }
        }
        plans.push(Plan {
            desk: desk.clone(),
            local_n: local.map(|(n, _)| n),
            cp: *cp,
            from: held + 1,
            prev: held_head,
        });
    }
    Ok(plans)
}

/// Walks one desk's new events in the bundle, checking each, and stores
/// them. Returns how many.
fn copy_events(
    bundle: &Connection,
    tx: &rusqlite::Transaction<'_>,
    p: &Plan,
    desk_n: i64,
    touched: &mut BTreeSet<Uuid>,
    progress: &mut dyn FnMut(u64),
) -> std::result::Result<u64, MergeError> {
    let code = || p.desk.code.clone();
    if p.from > 1 {
        // The event before the first new one must be the one held here.
        let theirs: Option<Vec<u8>> = bundle
            .query_row(
                "SELECT hash FROM events WHERE desk = ? AND seq = ?",
                params![p.desk.id.as_bytes().as_slice(), (p.from - 1) as i64],
                |r| r.get(0),
            )
            .optional()
            .map_err(damaged)?;
        if theirs.as_deref().is_some_and(|h| h != p.prev) {
            return refuse(Refusal::Fork {
                code: code(),
                seq: p.from - 1,
            });
        }
    }
    let mut stmt = bundle
        .prepare("SELECT seq, hash, body FROM events WHERE desk = ? AND seq >= ? ORDER BY seq")
        .map_err(damaged)?;
    let mut rows = stmt
        .query(params![p.desk.id.as_bytes().as_slice(), p.from as i64])
        .map_err(damaged)?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO events (desk, seq, case_n, at, kind, hash, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )?;
    let mut find_case = tx.prepare_cached("SELECT n FROM case_ids WHERE uid = ?")?;
    let mut new_case = tx.prepare_cached("INSERT INTO case_ids (uid) VALUES (?)")?;
    let (mut expected, mut prev, mut count) = (p.from, p.prev, 0u64);
    while let Some(row) = rows.next().map_err(damaged)? {
        let seq = row.get::<_, i64>(0).map_err(damaged)? as u64;
        if seq > p.cp.seq {
            return refuse(Refusal::Unsigned { code: code(), seq });
        }
        if seq != expected {
            return refuse(Refusal::BrokenChain {
                code: code(),
                seq: expected,
            });
        }
        let stored = row
            .get_ref(1)
            .map_err(damaged)?
            .as_blob()
            .map_err(|e| damaged(e.into()))?;
        let body = row
            .get_ref(2)
            .map_err(damaged)?
            .as_blob()
            .map_err(|e| damaged(e.into()))?;
        let hash = hash_bytes(body);
        if stored != hash.as_slice() {
            return refuse(Refusal::HashMismatch { code: code(), seq });
        }
        let event = Event::decode(body)
            .ok()
            .filter(|e| e.desk == p.desk.id && e.seq == seq)
            .ok_or_else(|| MergeError::Refused(Refusal::Undecodable { code: code(), seq }))?;
        if event.prev != prev {
            return refuse(Refusal::BrokenChain { code: code(), seq });
        }
        let case_n: i64 = match find_case
            .query_row([event.case.as_bytes().as_slice()], |r| r.get(0))
            .optional()?
        {
            Some(n) => n,
            None => {
                new_case.execute([event.case.as_bytes().as_slice()])?;
                tx.last_insert_rowid()
            }
        };
        insert.execute(params![
            desk_n,
            seq as i64,
            case_n,
            event.at,
            event.payload.name(),
            hash.as_slice(),
            body
        ])?;
        touched.insert(event.case);
        prev = hash;
        expected += 1;
        count += 1;
        if count.is_multiple_of(10_000) {
            progress(count);
        }
    }
    if expected != p.cp.seq + 1 || prev != p.cp.head {
        return refuse(Refusal::BrokenChain {
            code: code(),
            seq: expected,
        });
    }
    progress(count);
    Ok(count)
}

/// Attachment contents this desk lacks, each checked against its name.
fn copy_contents(
    bundle: &Connection,
    tx: &rusqlite::Transaction<'_>,
) -> std::result::Result<(), MergeError> {
    use sha2::{Digest, Sha256};
    let mut stmt = bundle
        .prepare("SELECT sha256, data FROM attachments")
        .map_err(damaged)?;
    let mut rows = stmt.query([]).map_err(damaged)?;
    let mut held = tx.prepare_cached("SELECT 1 FROM attachments WHERE sha256 = ?")?;
    let mut put =
        tx.prepare_cached("INSERT INTO attachments (sha256, size, data) VALUES (?, ?, ?)")?;
    while let Some(row) = rows.next().map_err(damaged)? {
        let sha = row
            .get_ref(0)
            .map_err(damaged)?
            .as_blob()
            .map_err(|e| damaged(e.into()))?;
        if held.exists([sha])? {
            continue;
        }
        let data = row
            .get_ref(1)
            .map_err(damaged)?
            .as_blob()
            .map_err(|e| damaged(e.into()))?;
        if Sha256::digest(data).as_slice() != sha {
            return refuse(Refusal::BadContent {
                sha256: crate::domain::event::hex(sha),
            });
        }
        put.execute(params![sha, data.len() as i64, data])?;
    }
    Ok(())
}

fn head(conn: &Connection, desk_n: i64) -> Result<(u64, Hash)> {
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

fn hash_at(conn: &Connection, desk_n: i64, seq: u64) -> Result<Option<Hash>> {
    Ok(conn
        .query_row(
            "SELECT hash FROM events WHERE desk = ? AND seq = ?",
            params![desk_n, seq as i64],
            |r| Ok(r.get_ref(0)?.as_blob()?.try_into().unwrap_or(GENESIS)),
        )
        .optional()?)
}

fn put_checkpoint(conn: &Connection, desk_n: i64, cp: &Checkpoint) -> Result<()> {
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

/// The desk that wrote a bundle and when (its header), if it reads as one.
pub fn bundle_origin(path: &Path) -> Option<(String, i64)> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    let get = |key: &str| -> Option<String> {
        conn.query_row("SELECT value FROM header WHERE key = ?", [key], |r| {
            r.get(0)
        })
        .ok()
    };
    Some((get("exported_by")?, get("exported_at")?.parse().ok()?))
}

/// The office a bundle belongs to, if it reads as a bundle.
pub fn bundle_office(path: &Path) -> Option<Uuid> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .ok()?;
    if app != BUNDLE_APPLICATION_ID {
        return None;
    }
    conn.query_row("SELECT value FROM header WHERE key = 'office'", [], |r| {
        r.get::<_, String>(0)
    })
    .ok()
    .and_then(|v| Uuid::parse_str(&v).ok())
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

/// SHA-256 of a whole file, read in blocks.
pub fn file_hash(path: &Path) -> std::io::Result<Hash> {
    use sha2::{Digest, Sha256};
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)?;
    Ok(hasher.finalize().into())
}
