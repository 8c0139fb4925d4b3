//! `aduan check`: SQLite's own integrity check and every desk's hash chain.

use super::digest::{self, Digest, pragma_lines};
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

/// The log's table, whose rows the chain walk reads anyway: SQLite checks
/// its structure (`quick_check`), and the walk checks its index against it.
const LOG: &str = "events";

/// Each check connection's page cache: an index lookup that finds its page
/// already read costs no system call.
const CHECK_CACHE_KIB: i64 = 128 * 1024;

impl Store {
    /// `PRAGMA integrity_check`: "ok", or the problems SQLite found.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        pragma_lines(self.conn(), "PRAGMA integrity_check")
    }

    /// SQLite's integrity check of every table and its indexes, and every
    /// desk's hash chain, on two connections side by side, which take about
    /// as long. One checks every table but the log's, each index against its
    /// table by digests (`digest::check_table`), then the structure of the
    /// log's table (its pages and their order). The other walks the chains,
    /// and reads the log's index by case whole to compare it with the rows
    /// the walk read (`LogDigest`). A digest reads each index once in its own
    /// order, a fraction of looking each row up in it.
    /// Table by table, SQLite does not count pages no table uses; such pages
    /// hold no records. Where a second connection cannot be opened (a desk
    /// read from a snapshot), everything runs here, one after the other,
    /// with the whole-file check.
    pub fn check_everything(&self) -> Result<(Vec<String>, ChainReport)> {
        let Ok(other) = self.second_reader(CHECK_CACHE_KIB) else {
            return Ok((self.integrity_check()?, self.verify_chains()?));
        };
        let theirs: Vec<String> = self
            .table_names()?
            .into_iter()
            .filter(|t| t != LOG)
            .collect();
        let cache: i64 = self
            .conn()
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn()
            .pragma_update(None, "cache_size", -CHECK_CACHE_KIB)?;
        let (their_lines, mine) = std::thread::scope(|scope| {
            let worker = scope.spawn(move || -> Result<Vec<String>> {
                let mut lines = check_tables(&other, &theirs)?;
                lines.extend(pragma_lines(
                    &other,
                    &format!("PRAGMA quick_check(\"{LOG}\")"),
                )?);
                Ok(lines)
            });
            let mine = self.check_log();
            let theirs = worker.join().expect("the check thread does not panic");
            (theirs, mine)
        });
        self.conn().pragma_update(None, "cache_size", cache)?;
        let (chains, my_lines) = mine?;
        let mut problems: Vec<String> = their_lines?
            .into_iter()
            .chain(my_lines)
            .filter(|line| line != "ok")
            .collect();
        if problems.is_empty() {
            problems.push("ok".into());
        }
        Ok((problems, chains))
    }

    fn check_log(&self) -> Result<(ChainReport, Vec<String>)> {
        let mut rows = LogDigest::default();
        let chains = self.walk_chains(&mut rows)?;
        let mut lines = Vec::new();
        if self.log_index_digest()?.is_some_and(|index| index != rows) {
            lines.push(format!("index events_by_case does not match table {LOG}"));
        }
        Ok((chains, lines))
    }

    /// The digest of the log's index by case, read whole in its own order;
    /// none where the index is not built (a bulk load on a full disk).
    fn log_index_digest(&self) -> Result<Option<LogDigest>> {
        use rusqlite::OptionalExtension;
        let built = self
            .conn()
            .query_row(
                "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'events_by_case'",
                [],
                |_| Ok(()),
            )
            .optional()?;
        if built.is_none() {
            return Ok(None);
        }
        let mut digest = LogDigest::default();
        let mut stmt = self
            .conn()
            .prepare("SELECT desk, seq, case_n FROM events INDEXED BY events_by_case")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            digest.add(row.get(0)?, row.get(1)?, row.get(2)?);
        }
        Ok(Some(digest))
    }

    /// Every ordinary table, the schema table first (its check includes
    /// the free-page list).
    fn table_names(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'",
        )?;
        let mut names = vec!["sqlite_schema".to_string()];
        for name in stmt.query_map([], |r| r.get::<_, String>(0))? {
            names.push(name?);
        }
        Ok(names)
    }

    /// Walks every desk's chain in order and checks each link.
    pub fn verify_chains(&self) -> Result<ChainReport> {
        self.walk_chains(&mut LogDigest::default())
    }

    /// [`Store::verify_chains`], adding each row's keys to `rows`.
    fn walk_chains(&self, rows_seen: &mut LogDigest) -> Result<ChainReport> {
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
            .prepare("SELECT seq, hash, body, case_n FROM events WHERE desk = ? ORDER BY seq")?;
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
                rows_seen.add(n, seq as i64, row.get(3)?);
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

fn check_tables(conn: &rusqlite::Connection, tables: &[String]) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    for table in tables {
        lines.extend(digest::check_table(conn, table)?);
    }
    Ok(lines)
}

/// The log's rows by their keys (desk, sequence number, case), as an
/// order-free [`Digest`]: the walk reads the table by desk, the index is
/// read by case.
#[derive(Debug, Default, PartialEq, Eq)]
struct LogDigest(Digest);

impl LogDigest {
    fn add(&mut self, desk: i64, seq: i64, case_n: i64) {
        self.0
            .add(mix(mix(mix(desk as u64) ^ seq as u64) ^ case_n as u64));
    }
}

/// SplitMix64's finaliser: every input bit moves every output bit.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}
