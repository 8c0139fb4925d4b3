//! Merging a checked bundle: what to take of each desk, the walk over its
//! new events, and the projection of the cases they touch, in one
//! transaction.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::bundle::{
    MergeError, Refusal, damaged, file_hash, io_error, open_bundle, read_checkpoints, read_roster,
    refuse, unseal_bundle,
};
use super::office::{RosterDesk, hash_at, head, put_checkpoint};
use super::projection::{Project, TextIndex, put_case};
use super::seal::{OfficeSecret, PrivateDir};
use super::search::{put_search_row, search_row};
use super::{Store, StoreError};
use crate::domain::checkpoint::{self, Checkpoint};
use crate::domain::event::{Event, GENESIS, Hash, Payload, hash_bytes};

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
    /// The office secret bundles are sealed to.
    pub secret: &'a OfficeSecret,
    /// Where the decrypted copy is made (in a private folder of its own):
    /// the desk's data folder, never the bundle's.
    pub scratch: &'a Path,
}

impl Store {
    /// Checks the sealed bundle at `path` (decrypted whole, and so
    /// authenticated, before any of it is read) and merges what this desk
    /// lacks.
    pub fn merge_bundle(
        &mut self,
        path: &Path,
        ctx: &mut MergeContext<'_>,
    ) -> std::result::Result<MergeOutcome, MergeError> {
        let scratch = PrivateDir::new_in(ctx.scratch).map_err(io_error)?;
        let plain = unseal_bundle(path, Some(ctx.office), ctx.secret, &scratch)?;
        let merged = self.merge_plain(&plain, path, ctx);
        drop(scratch);
        merged
    }

    fn merge_plain(
        &mut self,
        plain: &Path,
        path: &Path,
        ctx: &mut MergeContext<'_>,
    ) -> std::result::Result<MergeOutcome, MergeError> {
        let bundle = open_bundle(plain, ctx.office)?;
        let roster = read_roster(&bundle)?;
        let checkpoints = read_checkpoints(&bundle)?;
        let plans = plan(self.conn(), &roster, &checkpoints, ctx)?;
        // A new desk with nothing recorded yet is still taken onto the
        // roster: the trust given to it is kept.
        if plans
            .iter()
            .all(|p| p.from > p.cp.seq && p.local_n.is_some())
        {
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
        // A large merge touches index pages all over a big database: a
        // larger cache keeps them from being written out and read back.
        self.conn().pragma_update(None, "cache_size", -262_144)?;
        let merged = self.merge_checked(&bundle, &plans, &bundle_hash, ctx);
        self.conn().pragma_update(None, "cache_size", -8_192)?;
        merged
    }

    fn merge_checked(
        &mut self,
        bundle: &Connection,
        plans: &[Plan],
        bundle_hash: &Hash,
        ctx: &mut MergeContext<'_>,
    ) -> std::result::Result<MergeOutcome, MergeError> {
        let tx = self.transaction()?;
        let mut outcome = MergeOutcome::default();
        let total: u64 = plans
            .iter()
            .map(|p| p.cp.seq + 1 - p.from.min(p.cp.seq + 1))
            .sum();
        let mut checked = 0;
        // By local number: new cases then get their rows appended in order.
        let mut touched: BTreeMap<i64, Uuid> = BTreeMap::new();
        let mut in_hand = InHand::default();
        for p in plans {
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
                let n = copy_events(
                    bundle,
                    &tx,
                    p,
                    desk_n,
                    &mut touched,
                    &mut in_hand,
                    &mut |k| (ctx.progress)(checked + k, total),
                )?;
                checked += n;
                outcome.new_events.insert(p.desk.code.clone(), n);
            }
            put_checkpoint(&tx, desk_n, &p.cp)?;
        }
        copy_contents(bundle, &tx)?;
        // Search rows are written last: once the full-text index has joined
        // the transaction, every later statement makes it flush to disk.
        let mut search_rows = Vec::with_capacity(touched.len());
        for &case_n in touched.keys() {
            let (existed, events) = match in_hand.take(case_n) {
                Some(mut events) => {
                    events.sort_by_key(|(_, e)| e.order_key());
                    (false, events)
                }
                None => (
                    tx.query_row("SELECT count(*) FROM cases WHERE n = ?", [case_n], |r| {
                        r.get::<_, i64>(0)
                    })? > 0,
                    super::queries::events_with_desk(&tx, case_n)?,
                ),
            };
            let registered_by = events
                .iter()
                .find(|(_, e)| matches!(e.payload, Payload::CaseRegistered(_)))
                .map(|(d, _)| *d);
            let events: Vec<Event> = events.into_iter().map(|(_, e)| e).collect();
            if let (Some(desk), Some((summary, state))) = (registered_by, (ctx.project)(&events)) {
                put_case(&tx, case_n, &summary, &state, desk, TextIndex::Keep)?;
                search_rows.push((search_row(case_n, &state), existed));
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
        for (row, existed) in &search_rows {
            put_search_row(&tx, row, *existed)?;
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
        outcome.touched = touched.into_values().collect();
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

/// The events of cases new to this desk, kept as they are copied so that
/// each case is folded without reading back what was just written. A case
/// whose events would pass the ceiling is read back instead.
struct InHand {
    /// Every event merged of each case held (none was here before), with
    /// what they weigh.
    cases: HashMap<i64, (usize, Vec<(i64, Event)>)>,
    bytes: usize,
    limit: usize,
}

/// What the events held in hand may take, about twice their stored bytes.
const IN_HAND_BYTES: usize = 128 << 20;

impl Default for InHand {
    fn default() -> InHand {
        InHand {
            cases: HashMap::new(),
            bytes: 0,
            limit: IN_HAND_BYTES,
        }
    }
}

impl InHand {
    fn keep(&mut self, case_n: i64, is_new: bool, desk_n: i64, event: Event, stored: usize) {
        use std::collections::hash_map::Entry;
        let weight = 2 * stored + 64;
        let fits = self.bytes + weight <= self.limit;
        match self.cases.entry(case_n) {
            Entry::Occupied(mut held) if fits => {
                held.get_mut().0 += weight;
                held.get_mut().1.push((desk_n, event));
                self.bytes += weight;
            }
            // Read back whole instead: what was held of it is let go.
            Entry::Occupied(held) => self.bytes -= held.remove().0,
            Entry::Vacant(slot) if is_new && fits => {
                slot.insert((weight, vec![(desk_n, event)]));
                self.bytes += weight;
            }
            Entry::Vacant(_) => {}
        }
    }

    fn take(&mut self, case_n: i64) -> Option<Vec<(i64, Event)>> {
        let (weight, events) = self.cases.remove(&case_n)?;
        self.bytes -= weight;
        Some(events)
    }
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
    let held_codes = desk_codes(conn)?;
    for (i, d) in roster.iter().enumerate() {
        if roster[..i].iter().any(|o| o.code == d.code && o.id != d.id) {
            return refuse(Refusal::DuplicateCode {
                code: d.code.clone(),
            });
        }
    }
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
        match held_codes.iter().find(|(id, ..)| *id == desk.id) {
            Some((_, code, name)) if *code != desk.code || *name != desk.name => {
                return refuse(Refusal::IdentityChanged {
                    code: code.clone(),
                    now: desk.code.clone(),
                });
            }
            None if held_codes.iter().any(|(_, code, _)| *code == desk.code) => {
                return refuse(Refusal::DuplicateCode {
                    code: desk.code.clone(),
                });
            }
            _ => {}
        }
        if !checkpoint::verify(&desk.pubkey, ctx.office, &desk.code, &desk.name, cp) {
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

/// Every desk this database knows: (id, code, name).
fn desk_codes(conn: &Connection) -> std::result::Result<Vec<(Uuid, String, String)>, MergeError> {
    let mut stmt = conn.prepare("SELECT uid, code, name FROM desks")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            super::uuid_from(r.get_ref(0)?.as_blob()?),
            r.get(1)?,
            r.get(2)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Walks one desk's new events in the bundle, checking each, and stores
/// them. Returns how many.
fn copy_events(
    bundle: &Connection,
    tx: &rusqlite::Transaction<'_>,
    p: &Plan,
    desk_n: i64,
    touched: &mut BTreeMap<i64, Uuid>,
    in_hand: &mut InHand,
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
        let (case_n, is_new): (i64, bool) = match find_case
            .query_row([event.case.as_bytes().as_slice()], |r| r.get(0))
            .optional()?
        {
            Some(n) => (n, false),
            None => {
                new_case.execute([event.case.as_bytes().as_slice()])?;
                (tx.last_insert_rowid(), true)
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
        touched.insert(case_n, event.case);
        in_hand.keep(case_n, is_new, desk_n, event, body.len());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn event(seq: u64) -> Event {
        let note = String::new();
        crate::domain::event::sample_event(seq, Payload::ClockResumed { note })
    }

    /// Held: only a case new to this desk, only with all its merged events.
    #[test]
    fn a_case_is_held_whole_or_read_back() {
        let mut hand = InHand {
            limit: 3 * (2 * 100 + 64),
            ..InHand::default()
        };
        hand.keep(1, true, 1, event(1), 100);
        hand.keep(2, false, 1, event(2), 100);
        hand.keep(1, false, 1, event(3), 100);
        assert_eq!(hand.cases[&1].1.len(), 2, "a new case's events are held");
        assert!(
            !hand.cases.contains_key(&2),
            "a case held here before is read back"
        );
        hand.keep(3, true, 1, event(4), 100);
        // Past the ceiling, a held case is let go whole and read back.
        hand.keep(1, false, 1, event(5), 100);
        assert!(hand.take(1).is_none());
        hand.keep(1, false, 1, event(6), 100);
        assert!(hand.take(1).is_none(), "once let go, never held again");
        assert_eq!(hand.take(3).map(|e| e.len()), Some(1));
        assert_eq!(hand.bytes, 0);
    }
}
