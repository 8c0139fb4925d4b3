//! A table's indexes checked against the table by order-free digests: the
//! table read once and each index read once, each in its own order, instead
//! of SQLite's integrity check looking every row up in every index. SQLite
//! still checks every page of the table and its indexes (`quick_check`);
//! this adds what `quick_check` leaves out: that each index holds exactly
//! the entries its table's rows give it, and no two equal keys where the
//! index is unique.

use std::hash::{BuildHasher, Hash, Hasher};

use foldhash::quality::FixedState;

use rusqlite::Connection;
use rusqlite::types::{Value, ValueRef};

use super::Result;

/// SQLite's checks of `table` and its indexes, as `PRAGMA integrity_check`
/// reports them ("ok" when sound). An index on an expression, whose
/// entries cannot be read back as columns, is left to SQLite's own check.
pub(super) fn check_table(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let (rows, indexes) = index_plans(conn, table)?;
    if indexes.is_empty() || indexes.iter().any(|i| i.columns.is_empty()) {
        return pragma_lines(conn, &format!("PRAGMA integrity_check({})", quote(table)));
    }
    let mut lines = pragma_lines(conn, &format!("PRAGMA quick_check({})", quote(table)))?;
    lines.retain(|line| line != "ok");
    let from_table = table_digests(conn, &rows, &indexes)?;
    for (index, expected) in indexes.iter().zip(from_table) {
        let found = index_digest(conn, table, index, &mut lines)?;
        if found != expected {
            lines.push(format!("index {} does not match table {table}", index.name));
        }
    }
    if lines.is_empty() {
        lines.push("ok".into());
    }
    Ok(lines)
}

/// What an index holds per row of its table.
struct IndexPlan {
    name: String,
    /// The columns of each entry in the index's order: its keys, then the
    /// row's key (`rowid`, or the primary key of a table without rowid).
    /// Empty where a key is an expression.
    columns: Vec<String>,
    /// How many of `columns` are the index's keys.
    keys: usize,
    unique: bool,
    /// The `WHERE` of a partial index.
    partial: Option<String>,
}

/// How to read `table`'s own rows, and its indexes.
fn index_plans(conn: &Connection, table: &str) -> Result<(String, Vec<IndexPlan>)> {
    use rusqlite::OptionalExtension;
    let without_rowid: bool = conn
        .query_row(
            "SELECT wr FROM pragma_table_list WHERE name = ?",
            [table],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(false);
    let mut list = conn.prepare(&format!("PRAGMA index_list({})", quote(table)))?;
    let listed: Vec<(String, bool, String)> = list
        .query_map([], |r| Ok((r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut rows = format!("{} NOT INDEXED", quote(table));
    let mut plans = Vec::with_capacity(listed.len());
    for (name, unique, origin) in listed {
        if without_rowid && origin == "pk" {
            // The table is its primary key's index; SQLite may read a
            // covering index instead where told NOT INDEXED.
            rows = format!("{} INDEXED BY {}", quote(table), quote(&name));
            continue;
        }
        let (columns, keys) = index_columns(conn, &name)?;
        let partial = partial_condition(conn, &name)?;
        plans.push(IndexPlan {
            name,
            columns,
            keys,
            unique,
            partial,
        });
    }
    Ok((rows, plans))
}

fn index_columns(conn: &Connection, index: &str) -> Result<(Vec<String>, usize)> {
    let mut info = conn.prepare(&format!("PRAGMA index_xinfo({})", quote(index)))?;
    let rows: Vec<(i64, Option<String>, bool)> = info
        .query_map([], |r| Ok((r.get(1)?, r.get(2)?, r.get(5)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut columns = Vec::with_capacity(rows.len());
    let mut keys = 0;
    for (cid, name, key) in rows {
        let column = match (cid, name) {
            (-1, _) => "rowid".to_string(),
            (cid, Some(name)) if cid >= 0 => quote(&name),
            _ => return Ok((Vec::new(), 0)),
        };
        columns.push(column);
        keys += usize::from(key);
    }
    Ok((columns, keys))
}

/// The condition after `WHERE` in a partial index's statement; none for a
/// whole index or one SQLite made for a constraint (which has no statement).
fn partial_condition(conn: &Connection, index: &str) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    let sql: Option<String> = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?",
            [index],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    Ok(sql.and_then(|sql| {
        let after_columns = &sql[sql.find(')')? + 1..];
        let rest = after_columns.trim_start();
        rest.get(..5)
            .filter(|word| word.eq_ignore_ascii_case("where"))
            .map(|_| rest[5..].trim().to_string())
    }))
}

/// Each index's digest as its table's rows give it, in one read of the table.
fn table_digests(conn: &Connection, rows: &str, indexes: &[IndexPlan]) -> Result<Vec<Digest>> {
    let mut selected: Vec<String> = Vec::new();
    let mut position = |column: &String| match selected.iter().position(|c| c == column) {
        Some(at) => at,
        None => {
            selected.push(column.clone());
            selected.len() - 1
        }
    };
    let picks: Vec<Vec<usize>> = indexes
        .iter()
        .map(|index| index.columns.iter().map(&mut position).collect())
        .collect();
    let conditions: Vec<Option<usize>> = indexes
        .iter()
        .map(|index| {
            index
                .partial
                .as_ref()
                .map(|c| position(&format!("CASE WHEN ({c}) THEN 1 ELSE 0 END")))
        })
        .collect();
    let sql = format!("SELECT {} FROM {rows}", selected.join(", "));
    let mut digests: Vec<Digest> = indexes.iter().map(|_| Digest::default()).collect();
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        for ((digest, pick), condition) in digests.iter_mut().zip(&picks).zip(&conditions) {
            if let Some(at) = condition
                && row.get::<_, i64>(*at)? == 0
            {
                continue;
            }
            digest.add(entry(row, pick.iter().copied())?);
        }
    }
    Ok(digests)
}

/// An index's digest read from the index itself, in its order; a unique
/// index's repeated keys are added to `lines`.
fn index_digest(
    conn: &Connection,
    table: &str,
    index: &IndexPlan,
    lines: &mut Vec<String>,
) -> Result<Digest> {
    let condition = index
        .partial
        .as_ref()
        .map(|c| format!(" WHERE {c}"))
        .unwrap_or_default();
    let sql = format!(
        "SELECT {} FROM {} INDEXED BY {}{condition}",
        index.columns.join(", "),
        quote(table),
        quote(&index.name)
    );
    let mut digest = Digest::default();
    let mut previous: Option<Vec<Value>> = None;
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        digest.add(entry(row, 0..index.columns.len())?);
        if index.unique {
            let key: Vec<Value> = (0..index.keys)
                .map(|at| row.get::<_, Value>(at))
                .collect::<rusqlite::Result<_>>()?;
            let has_null = key.contains(&Value::Null);
            if !has_null && previous.as_ref() == Some(&key) {
                lines.push(format!("non-unique entry in index {}", index.name));
            }
            previous = Some(key);
        }
    }
    Ok(digest)
}

/// The order-free digest of a set of entries: their count and the sum of
/// their hashes. Two reads give the same digest exactly when they hold the
/// same entries (but for a chance of one in 2^64).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Digest {
    rows: u64,
    sum: u64,
}

impl Digest {
    pub(super) fn add(&mut self, entry: u64) {
        self.rows += 1;
        self.sum = self.sum.wrapping_add(entry);
    }
}

/// The hash of one index entry: the row's values at `columns`, in order.
/// The seed is fixed, so every read hashes an entry alike.
fn entry(row: &rusqlite::Row<'_>, columns: impl Iterator<Item = usize>) -> Result<u64> {
    let mut hasher = FixedState::with_seed(0x6164_7561_6e00_0001).build_hasher();
    for at in columns {
        hash_value(row.get_ref(at)?, &mut hasher);
    }
    Ok(hasher.finish())
}

/// Values hash by their storage class and content, as an index compares
/// them: an integer and the same number as text are different entries.
fn hash_value(value: ValueRef<'_>, into: &mut impl Hasher) {
    match value {
        ValueRef::Null => 0u8.hash(into),
        ValueRef::Integer(i) => (1u8, i).hash(into),
        ValueRef::Real(f) => (2u8, f.to_bits()).hash(into),
        ValueRef::Text(t) => (3u8, t).hash(into),
        ValueRef::Blob(b) => (4u8, b).hash(into),
    }
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub(super) fn pragma_lines(conn: &Connection, pragma: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(pragma)?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: &str = "
        CREATE TABLE t (n INTEGER PRIMARY KEY, a TEXT, b INTEGER, c BLOB);
        CREATE INDEX t_a ON t(a);
        CREATE INDEX t_open ON t(b, a) WHERE a IS NOT NULL;
        CREATE UNIQUE INDEX t_c ON t(c);
        CREATE TABLE w (k TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX w_v ON w(v);
        INSERT INTO t (a, b, c) VALUES ('x', 1, x'01'), (NULL, 2, NULL), ('y', 2, NULL), ('x', 3, x'02');
        INSERT INTO w VALUES ('p', 1), ('q', 1), ('r', 2);
    ";

    /// A desk file whose index `name` is read, after reopening, as `sql`
    /// says, while its stored entries stay as they were.
    fn with_index_read_as(name: &str, sql: &str) -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        conn.execute_batch("PRAGMA writable_schema = ON").unwrap();
        conn.execute(
            "UPDATE sqlite_schema SET sql = ? WHERE name = ?",
            [sql, name],
        )
        .unwrap();
        drop(conn);
        let conn = Connection::open(&path).unwrap();
        (dir, conn)
    }

    #[test]
    fn sound_tables_of_every_kind_are_ok() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        assert_eq!(check_table(&conn, "t").unwrap(), ["ok"]);
        assert_eq!(check_table(&conn, "w").unwrap(), ["ok"]);
    }

    #[test]
    fn an_index_with_other_entries_than_its_rows_give_is_named() {
        let (_dir, conn) = with_index_read_as("t_a", "CREATE INDEX t_a ON t(b)");
        assert_eq!(
            check_table(&conn, "t").unwrap(),
            ["index t_a does not match table t"]
        );
        let (_dir, conn) = with_index_read_as("w_v", "CREATE INDEX w_v ON w(k, v)");
        assert_eq!(
            check_table(&conn, "w").unwrap(),
            ["index w_v does not match table w"]
        );
    }

    #[test]
    fn a_partial_index_missing_rows_its_condition_takes_is_named() {
        let (_dir, conn) =
            with_index_read_as("t_open", "CREATE INDEX t_open ON t(b, a) WHERE b > 0");
        assert_eq!(
            check_table(&conn, "t").unwrap(),
            ["index t_open does not match table t"]
        );
    }

    #[test]
    fn a_unique_index_holding_one_key_twice_is_named() {
        let (_dir, conn) = with_index_read_as("t_a", "CREATE UNIQUE INDEX t_a ON t(a)");
        assert_eq!(
            check_table(&conn, "t").unwrap(),
            ["non-unique entry in index t_a"]
        );
        let sqlite = pragma_lines(&conn, "PRAGMA integrity_check(t)").unwrap();
        assert_ne!(sqlite, ["ok"], "SQLite agrees");
    }
}
