//! `aduan check`: SQLite's own integrity check and every desk's hash chain.

use super::{Result, Store, uuid_from};
use crate::domain::event::{Event, GENESIS, Hash, hash_bytes};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskChain {
    pub code: String,
    pub desk: uuid::Uuid,
    pub events: u64,
    pub last_seq: u64,
    pub head: Hash,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainProblem {
    /// The stored hash is not the hash of the stored bytes: the event was edited.
    HashMismatch { desk: String, seq: u64 },
    /// The event does not name its predecessor's hash.
    BrokenLink { desk: String, seq: u64 },
    /// A sequence number is missing.
    Gap { desk: String, after: u64 },
    /// The bytes do not decode, or disagree with the row they are stored in.
    Undecodable { desk: String, seq: u64 },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChainReport {
    pub desks: Vec<DeskChain>,
    pub problems: Vec<ChainProblem>,
}

impl Store {
    /// `PRAGMA integrity_check`: "ok", or the problems SQLite found.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Walks every desk's chain in order and checks each link.
    pub fn verify_chains(&self) -> Result<ChainReport> {
        let mut report = ChainReport::default();
        let mut desks = self
            .conn()
            .prepare("SELECT n, uid, code FROM desks ORDER BY n")?;
        let desk_list: Vec<(i64, uuid::Uuid, String)> = desks
            .query_map([], |r| {
                Ok((r.get(0)?, uuid_from(r.get_ref(1)?.as_blob()?), r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self
            .conn()
            .prepare("SELECT seq, hash, body FROM events WHERE desk = ? ORDER BY seq")?;
        for (n, uid, code) in desk_list {
            let mut chain = DeskChain {
                code: code.clone(),
                desk: uid,
                events: 0,
                last_seq: 0,
                head: GENESIS,
            };
            let mut rows = stmt.query([n])?;
            while let Some(row) = rows.next()? {
                let seq = row.get::<_, i64>(0)? as u64;
                let stored = row.get_ref(1)?.as_blob()?;
                let body = row.get_ref(2)?.as_blob()?;
                let problem = |p: fn(String, u64) -> ChainProblem| p(code.clone(), seq);
                if seq != chain.last_seq + 1 {
                    report.problems.push(ChainProblem::Gap {
                        desk: code.clone(),
                        after: chain.last_seq,
                    });
                }
                let hash = hash_bytes(body);
                if stored != hash.as_slice() {
                    report
                        .problems
                        .push(problem(|desk, seq| ChainProblem::HashMismatch {
                            desk,
                            seq,
                        }));
                }
                match Event::decode(body) {
                    Ok(e) if e.desk == uid && e.seq == seq => {
                        if e.prev != chain.head {
                            report
                                .problems
                                .push(problem(|desk, seq| ChainProblem::BrokenLink { desk, seq }));
                        }
                    }
                    _ => report
                        .problems
                        .push(problem(|desk, seq| ChainProblem::Undecodable { desk, seq })),
                }
                chain.events += 1;
                chain.last_seq = seq;
                chain.head = hash;
            }
            report.desks.push(chain);
        }
        Ok(report)
    }
}
