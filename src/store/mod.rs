//! The store: one SQLite file per desk. It owns the schema, the append-only
//! event log with its per-desk hash chains, the projection tables and every
//! query. Nothing outside this module writes SQL.

mod bundle;
mod check;
mod content;
mod digest;
mod ids;
mod letters;
mod links;
mod log;
mod merge;
mod office;
mod projection;
mod queries;
mod rebuild;
mod recap;
mod rederive;
pub mod schema;
pub mod seal;
mod search;
mod session;
mod sign_ins;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};
use uuid::Uuid;

pub use bundle::{
    BundleHeader, HeaderError, MergeError, Refusal, bundle_office, bundle_roster, file_hash,
    read_header,
};
pub use check::{ChainProblem, ChainReport, DeskChain};
pub use log::{Chain, EventDraft, Sealed, Writer};
pub use merge::{MergeContext, MergeOutcome};
pub use office::RosterDesk;
pub use projection::{NoteRow, TextIndex};
pub use queries::{CaseRow, ListFilter, StoredEvent};
pub use recap::{Changes, LogMark};
pub use rederive::{CaseSpan, Picked};
pub use search::{phone_words, search_query};
pub use sign_ins::SignInRow;

#[derive(Debug)]
pub enum StoreError {
    /// The file is not a SQLite database at all.
    NotADatabase(PathBuf),
    /// A SQLite database, but not aduan's.
    Foreign(PathBuf),
    /// Written by a newer version of aduan.
    NewerSchema {
        path: PathBuf,
        found: usize,
        supported: usize,
    },
    /// The path names a folder or a device, not a file.
    NotAFile(PathBuf),
    /// Could not be opened (permissions, a missing folder).
    Open {
        path: PathBuf,
        detail: String,
    },
    ReadOnly(PathBuf),
    DiskFull,
    /// Another program holds the database locked.
    Busy,
    /// An event in the log could not be decoded.
    BadEvent {
        desk: i64,
        seq: i64,
    },
    /// The database has no local desk yet (`aduan init` makes one).
    NoDesk,
    /// Restored from a backup: no writing until a bundle is merged.
    Held,
    Sqlite(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DiskFull) => StoreError::DiskFull,
            Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Busy,
            Some(C::NotADatabase) => StoreError::NotADatabase(PathBuf::new()),
            _ => StoreError::Sqlite(e.to_string()),
        }
    }
}

impl From<rusqlite::types::FromSqlError> for StoreError {
    fn from(e: rusqlite::types::FromSqlError) -> StoreError {
        StoreError::Sqlite(e.to_string())
    }
}

impl From<rusqlite_migration::Error> for StoreError {
    fn from(e: rusqlite_migration::Error) -> StoreError {
        match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => err.into(),
            other => StoreError::Sqlite(other.to_string()),
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The desk this database belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalDesk {
    pub n: i64,
    pub id: Uuid,
    pub code: String,
    pub name: String,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Where new desk, case and event ids come from.
    pub ids: ids::IdSource,
    bulk_indexes_missing: bool,
    read_only: bool,
}

/// Builds the indexes a bulk load dropped and did not build again (it was
/// interrupted, or the disk filled). Returns false when the disk has no room
/// for them: the desk must still open, so that it can be read, backed up and
/// exported to another disk, instead of failing every command.
fn build_missing_indexes(conn: &Connection) -> Result<bool> {
    for (_, sql) in schema::BULK_INDEXES {
        match conn.execute_batch(&sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS")) {
            Ok(()) => {}
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) => {
                return Ok(false);
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(true)
}

fn open_for_writing(path: &Path, flags: OpenFlags) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    check_identity(&conn, path)?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| open_error(path, e))?;
    Ok(conn)
}

/// Whether every index a bulk load drops is there.
fn bulk_indexes_present(conn: &Connection) -> Result<bool> {
    for (name, _) in schema::BULK_INDEXES {
        let n: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?",
            [name],
            |r| r.get(0),
        )?;
        if n == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

impl Store {
    /// Opens (or creates) a desk database. A file that is not aduan's is
    /// refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Store> {
        let exists = path.exists();
        if exists && !path.is_file() {
            return Err(StoreError::NotAFile(path.into()));
        }
        if let Some(dir) = path
            .parent()
            .filter(|d| !exists && !d.as_os_str().is_empty())
        {
            crate::files::create_private_dir_all(dir).map_err(|e| StoreError::Open {
                path: path.into(),
                detail: e.to_string(),
            })?;
        }
        if !exists {
            // SQLite gives its WAL and SHM the database's mode: an empty
            // owner-only file made first keeps all three private.
            crate::files::create_private_file(path).map_err(|e| StoreError::Open {
                path: path.into(),
                detail: e.to_string(),
            })?;
        }
        let flags = if exists {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        // A WAL database needs room for its index file (-shm) to open for
        // writing; on a full disk the desk still reads, from a snapshot.
        let conn = match open_for_writing(path, flags) {
            Ok(conn) => conn,
            Err(_) if exists && disk_is_full(path) => return Store::open_read_only(path),
            Err(e) => return Err(e),
        };
        // Pages stay SQLite's 4 KiB (WAL mode, set on opening, fixes the size
        // of a new file): a save writes whole pages, so smaller ones write less.
        let mut conn = conn;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| open_error(path, e))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let migrations = schema::migrations();
        let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let current = current as usize;
        let supported = schema::LATEST;
        if current > supported {
            return Err(StoreError::NewerSchema {
                path: path.into(),
                found: current,
                supported,
            });
        }
        migrations.to_latest(&mut conn)?;
        let bulk_indexes_missing = !build_missing_indexes(&conn)?;
        // Written once: a desk that only reads never changes its file.
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if app != schema::APPLICATION_ID {
            conn.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
        }
        Ok(Store {
            conn,
            path: path.into(),
            ids: ids::IdSource::default(),
            bulk_indexes_missing,
            read_only: false,
        })
    }

    /// The database as it stands on disk, for reading only (SQLite's
    /// `immutable`: no lock, no -shm), when its disk has no room left to
    /// open it for writing. Any write fails as a read-only database.
    fn open_read_only(path: &Path) -> Result<Store> {
        let uri = format!("file:{}?immutable=1", path.display());
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(uri, flags).map_err(|e| open_error(path, e))?;
        check_identity(&conn, path)?;
        let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if current as usize != schema::LATEST {
            return Err(StoreError::Open {
                path: path.into(),
                detail: "disk full".into(),
            });
        }
        let bulk_indexes_missing = !bulk_indexes_present(&conn)?;
        Ok(Store {
            conn,
            path: path.into(),
            ids: ids::IdSource::default(),
            bulk_indexes_missing,
            read_only: true,
        })
    }

    /// Whether the database was opened read-only because its disk is full.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Whether some secondary indexes are still missing after a bulk load
    /// (there was no room to build them): the desk reads, slower, until an
    /// open finds room.
    pub fn bulk_indexes_missing(&self) -> bool {
        self.bulk_indexes_missing
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A second, read-only connection to the same file, with a page cache of
    /// `cache_kib`, for work beside this one on another core. It sees what
    /// was committed when its first statement starts.
    fn second_reader(&self, cache_kib: i64) -> Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags)?;
        conn.pragma_update(None, "cache_size", -cache_kib)?;
        Ok(conn)
    }

    /// What moves whenever the database changes: SQLite's `data_version`
    /// (moved by other connections' commits) and the rows this connection
    /// has changed. Two equal stamps mean nothing was written in between.
    pub fn change_stamp(&self) -> Result<(i64, u64)> {
        let version = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok((version, self.conn.total_changes()))
    }

    pub fn local_desk(&self) -> Result<Option<LocalDesk>> {
        let n: Option<i64> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'local_desk'", [], |r| {
                r.get::<_, String>(0)
            })
            .optional()?
            .and_then(|v| v.parse().ok());
        let Some(n) = n else { return Ok(None) };
        let desk =
            self.conn
                .query_row("SELECT uid, code, name FROM desks WHERE n = ?", [n], |r| {
                    Ok(LocalDesk {
                        n,
                        id: uuid_from(r.get_ref(0)?.as_blob()?),
                        code: r.get(1)?,
                        name: r.get(2)?,
                    })
                })?;
        Ok(Some(desk))
    }

    /// Makes this database a desk's own: a new random desk id.
    pub fn create_local_desk(&mut self, code: &str, name: &str) -> Result<LocalDesk> {
        let id = self.ids.uuid();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO desks (uid, code, name) VALUES (?, ?, ?)",
            rusqlite::params![id.as_bytes().as_slice(), code, name],
        )?;
        let n = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('local_desk', ?)",
            [n.to_string()],
        )?;
        tx.commit()?;
        Ok(LocalDesk {
            n,
            id,
            code: code.into(),
            name: name.into(),
        })
    }

    /// Keeps the desk's code and name as the configuration says.
    pub fn rename_local_desk(&mut self, desk: &LocalDesk, code: &str, name: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE desks SET code = ?, name = ? WHERE n = ?",
            rusqlite::params![code, name, desk.n],
        )?;
        Ok(())
    }

    /// Starts a write transaction for the local desk. Every change to the
    /// log and its projection goes through one, so a crash leaves all of it
    /// or none.
    pub fn writer(&mut self, desk: &LocalDesk) -> Result<Writer<'_>> {
        if self.held()? {
            return Err(StoreError::Held);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        Writer::new(tx, desk.clone(), &self.ids)
    }

    /// Speeds up a one-off bulk load (demo data): no fsync per commit and a
    /// large cache. Durability is restored when the store is reopened.
    pub fn set_bulk_mode(&self, on: bool) -> Result<()> {
        self.conn
            .pragma_update(None, "synchronous", if on { "OFF" } else { "FULL" })?;
        self.conn
            .pragma_update(None, "cache_size", if on { -32_768 } else { -8_192 })?;
        Ok(())
    }

    /// Drops the secondary indexes before a bulk load into an empty database.
    pub fn drop_bulk_indexes(&mut self) -> Result<()> {
        self.bulk_indexes_missing = true;
        for (name, _) in schema::BULK_INDEXES {
            self.conn
                .execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
        }
        Ok(())
    }

    pub fn create_bulk_indexes(&mut self) -> Result<()> {
        // Lets SQLite's sorter use a second core while it builds the indexes.
        self.conn.pragma_update(None, "threads", 2)?;
        for (_, sql) in schema::BULK_INDEXES {
            self.conn
                .execute_batch(&sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS"))?;
        }
        self.bulk_indexes_missing = false;
        // A sampled ANALYZE: enough for the planner, seconds instead of minutes.
        self.conn
            .execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")?;
        Ok(())
    }

    pub(crate) fn transaction(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }
}

fn open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::NotADatabase) => StoreError::NotADatabase(path.into()),
        Some(C::ReadOnly) => StoreError::ReadOnly(path.into()),
        Some(C::DiskFull) => StoreError::DiskFull,
        Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Busy,
        _ => StoreError::Open {
            path: path.into(),
            detail: e.to_string(),
        },
    }
}

/// Refuses a file that is some other program's database. An empty database
/// (a new file) is welcome.
fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| open_error(path, e))?;
    if app_id == schema::APPLICATION_ID {
        return Ok(());
    }
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| open_error(path, e))?;
    if app_id == 0 && objects == 0 {
        Ok(())
    } else {
        Err(StoreError::Foreign(path.into()))
    }
}

pub(crate) fn uuid_from(bytes: &[u8]) -> Uuid {
    Uuid::from_slice(bytes).unwrap_or_default()
}

/// Whether the file system holding `path` has no block left for a user.
fn disk_is_full(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a valid NUL-terminated path and `st` a writable struct.
    let ok = unsafe { libc::statvfs(c.as_ptr(), &mut st) } == 0;
    ok && st.f_bavail == 0
}
