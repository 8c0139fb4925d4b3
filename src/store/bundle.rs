//! Sync bundles: writing this desk's log into a file another desk can
//! merge, opening such a file and reading its header, roster and
//! checkpoints, and the reasons one is refused.
//!
//! A merge (see `merge.rs`) checks before it writes: the file must be an
//! aduan bundle of this office, pass SQLite's quick check, and each desk's
//! new events must hash, chain onto what this desk already holds of that
//! desk, and end in the head its owner signed.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use uuid::Uuid;

use super::office::RosterDesk;
use super::schema::{BUNDLE_APPLICATION_ID, BUNDLE_FORMAT, BUNDLE_SCHEMA};
use super::seal::{OfficeSecret, PrivateDir, SealKind, UnsealError, read_preamble, unseal};
use super::{Result, Store, StoreError, uuid_from};
use crate::domain::checkpoint::Checkpoint;
use crate::domain::event::{GENESIS, Hash};

/// Why a bundle was refused. Desks are named by their codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// An empty file (a copy just begun, or one that failed).
    Empty,
    /// A folder where a file was named.
    Folder,
    /// Not a sealed aduan file, nor an older one.
    Foreign,
    /// An unencrypted bundle of an older version: never merged.
    PlainBundle,
    /// An unencrypted SQLite file (an older backup, a live database).
    PlainDatabase,
    /// A sealed file of the other kind (a backup given as a bundle).
    WrongKind(SealKind),
    /// Sealed to another office secret.
    OtherSecret,
    /// The sealed file was changed or damaged: refused before it is read.
    Tampered,
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
    /// Two desk ids would share one code (and so hand out the same agenda
    /// numbers).
    DuplicateCode {
        code: String,
    },
    /// A known desk arrives under another code or name.
    IdentityChanged {
        code: String,
        now: String,
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

pub(super) fn refuse<T>(r: Refusal) -> std::result::Result<T, MergeError> {
    Err(MergeError::Refused(r))
}

impl Store {
    /// Writes every event covered by a checkpoint, the roster, the
    /// checkpoints and the attachment contents into a new bundle at `path`
    /// (which must not exist). Returns the number of events written.
    /// Only the desks (local numbers) in `desks` go in: a checkpoint whose
    /// signature does not cover its desk's code and name is not forwarded.
    pub fn write_bundle(
        &self,
        path: &Path,
        office: Uuid,
        exported_by: Uuid,
        at: i64,
        desks: &[i64],
    ) -> Result<u64> {
        let list = desks
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        // The desk's connection may not create files: the bundle is made
        // empty on its own connection first, then filled through ATTACH.
        Connection::open(path)?.execute_batch(&format!(
            "PRAGMA journal_mode = DELETE; PRAGMA application_id = {BUNDLE_APPLICATION_ID}; {BUNDLE_SCHEMA}"
        ))?;
        // A desk opened read-only (its disk is full) cannot write through an
        // attached file: the bundle's connection reads the desk instead.
        let bundle_side;
        let (conn, src, dst) = if self.read_only {
            bundle_side = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            let desk = format!("file:{}?immutable=1", self.path.display());
            bundle_side.execute("ATTACH DATABASE ? AS src", [desk])?;
            (&bundle_side, "src.", "main.")
        } else {
            let conn = self.conn();
            conn.execute("ATTACH DATABASE ? AS b", [path.to_string_lossy()])?;
            (conn, "", "b.")
        };
        let written = (|| -> Result<u64> {
            conn.execute_batch("BEGIN")?;
            let header = [
                ("format", BUNDLE_FORMAT.to_string()),
                ("office", office.to_string()),
                ("exported_by", exported_by.to_string()),
                ("exported_at", at.to_string()),
            ];
            for (k, v) in header {
                conn.execute(
                    &format!("INSERT INTO {dst}header (key, value) VALUES (?, ?)"),
                    [k, &v],
                )?;
            }
            conn.execute_batch(&format!(
                "INSERT INTO {dst}desks SELECT uid, code, name, pubkey FROM {src}desks
                     WHERE pubkey IS NOT NULL AND n IN (SELECT desk FROM {src}checkpoints)
                     AND n IN ({list});
                 INSERT INTO {dst}checkpoints SELECT d.uid, c.seq, c.head, c.signature
                     FROM {src}checkpoints c JOIN {src}desks d ON d.n = c.desk
                     WHERE c.desk IN ({list});
                 INSERT INTO {dst}events SELECT d.uid, e.seq, e.hash, e.body
                     FROM {src}checkpoints c JOIN {src}desks d ON d.n = c.desk
                     JOIN {src}events e ON e.desk = c.desk AND e.seq <= c.seq
                     WHERE c.desk IN ({list})
                     ORDER BY d.uid, e.seq;
                 INSERT INTO {dst}attachments SELECT sha256, size, data FROM {src}attachments;"
            ))?;
            let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {dst}events"), [], |r| {
                r.get(0)
            })?;
            conn.execute_batch("COMMIT")?;
            Ok(n as u64)
        })();
        if written.is_err() {
            let _ = conn.execute_batch("ROLLBACK");
        }
        if !self.read_only {
            conn.execute_batch("DETACH DATABASE b")?;
        }
        written
    }
}

pub(super) fn open_bundle(
    path: &Path,
    office: Uuid,
) -> std::result::Result<Connection, MergeError> {
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

pub(super) fn damaged(e: rusqlite::Error) -> MergeError {
    MergeError::Refused(Refusal::Damaged(e.to_string()))
}

pub(super) fn read_roster(bundle: &Connection) -> std::result::Result<Vec<RosterDesk>, MergeError> {
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

pub(super) fn read_checkpoints(
    bundle: &Connection,
) -> std::result::Result<Vec<Checkpoint>, MergeError> {
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

/// What a bundle's header says: the office, the desk that wrote it and when.
/// Nothing in it is signed; it only says which desk a file claims to be
/// from, which is what a folder sync needs to sort files by desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleHeader {
    pub office: Uuid,
    pub exported_by: Uuid,
    pub exported_at: i64,
}

/// Why a file's header could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderError {
    /// The file is gone (a file-sync tool replaced or removed it).
    Vanished,
    /// Not a bundle, or not readable as one.
    Refused(Refusal),
}

/// Reads the header of the bundle at `path` from its plaintext preamble,
/// without decrypting or trusting anything else in the file.
pub fn read_header(path: &Path) -> std::result::Result<BundleHeader, HeaderError> {
    let preamble = match read_preamble(path) {
        Ok(Ok((p, _))) => p,
        Ok(Err(r)) => return Err(HeaderError::Refused(r)),
        Err(_) if !path.exists() => return Err(HeaderError::Vanished),
        Err(e) => return Err(HeaderError::Refused(Refusal::Damaged(e.to_string()))),
    };
    if preamble.kind != SealKind::Bundle {
        return Err(HeaderError::Refused(Refusal::WrongKind(preamble.kind)));
    }
    Ok(BundleHeader {
        office: preamble.office,
        exported_by: preamble.exported_by,
        exported_at: preamble.exported_at,
    })
}

/// Decrypts the bundle at `path` into `scratch`, refused unless it is a
/// bundle of `office` (any office when `None`) sealed to `secret`.
pub(super) fn unseal_bundle(
    path: &Path,
    office: Option<Uuid>,
    secret: &OfficeSecret,
    scratch: &PrivateDir,
) -> std::result::Result<std::path::PathBuf, MergeError> {
    match unseal(path, SealKind::Bundle, office, secret, scratch, "bundle.db") {
        Ok((_, plain)) => Ok(plain),
        Err(UnsealError::Refused(r)) => refuse(r),
        Err(UnsealError::Io(e)) => Err(io_error(e)),
    }
}

pub(super) fn io_error(e: std::io::Error) -> MergeError {
    if e.raw_os_error() == Some(libc::ENOSPC) {
        return MergeError::Store(StoreError::DiskFull);
    }
    MergeError::Store(StoreError::Sqlite(e.to_string()))
}

/// The (code, name) of every desk on a sealed bundle's roster, decrypted
/// in a private folder made in `scratch_parent`.
pub fn bundle_roster(
    path: &Path,
    secret: &OfficeSecret,
    scratch_parent: &Path,
) -> std::result::Result<Vec<(String, String)>, MergeError> {
    let scratch = PrivateDir::new_in(scratch_parent).map_err(io_error)?;
    let plain = unseal_bundle(path, None, secret, &scratch)?;
    let conn = open_bundle_any_office(&plain)?;
    let mut stmt = conn
        .prepare("SELECT code, name FROM desks")
        .map_err(damaged)?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(damaged)?;
    rows.collect::<rusqlite::Result<_>>().map_err(damaged)
}

/// The office a bundle's preamble names, if it has one.
pub fn bundle_office(path: &Path) -> Option<Uuid> {
    read_header(path).ok().map(|h| h.office)
}

/// A decrypted bundle, opened read-only whatever office its header names.
fn open_bundle_any_office(plain: &Path) -> std::result::Result<Connection, MergeError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(plain, flags).map_err(damaged)?;
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(damaged)?;
    if app != BUNDLE_APPLICATION_ID {
        return refuse(Refusal::NotABundle);
    }
    Ok(conn)
}

/// SHA-256 of a whole file, read in blocks.
pub fn file_hash(path: &Path) -> std::io::Result<Hash> {
    use sha2::{Digest, Sha256};
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)?;
    Ok(hasher.finalize().into())
}
