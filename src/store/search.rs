//! Full-text search over cases (SQLite FTS5), and the duplicate lookup.
//!
//! Results come newest first by rowid, never ranked: ranking every match of
//! a common word reads all of them, while rowid order lets FTS5 stop after
//! one page.

use rusqlite::{Connection, params};

use super::queries::{CASE_COLUMNS, case_row};
use super::{CaseRow, Result, Store};
use crate::domain::workflow::CaseState;

pub(super) fn index_case(
    conn: &Connection,
    case_n: i64,
    state: &CaseState,
    replace: bool,
) -> Result<()> {
    put_search_row(conn, &search_row(case_n, state), replace)
}

/// What search knows of a case.
#[derive(Debug, Clone)]
pub(super) struct SearchRow {
    case_n: i64,
    agenda_no: String,
    name: String,
    nik: String,
    phone: String,
    subject: String,
    description: String,
}

pub(super) fn search_row(case_n: i64, state: &CaseState) -> SearchRow {
    let input = &state.reg.input;
    SearchRow {
        case_n,
        agenda_no: state.reg.agenda_no.clone(),
        name: input.complainant.name.clone(),
        nik: input.complainant.nik.clone().unwrap_or_default(),
        phone: input
            .complainant
            .phone
            .as_deref()
            .map(phone_words)
            .unwrap_or_default(),
        subject: input.subject.clone(),
        description: input.description.clone(),
    }
}

pub(super) fn put_search_row(conn: &Connection, row: &SearchRow, replace: bool) -> Result<()> {
    if replace {
        conn.prepare_cached("DELETE FROM case_search WHERE rowid = ?")?
            .execute([row.case_n])?;
    }
    conn.prepare_cached(
        "INSERT INTO case_search (rowid, agenda_no, name, nik, phone, subject, description)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        row.case_n,
        row.agenda_no,
        row.name,
        row.nik,
        row.phone,
        row.subject,
        row.description,
    ])?;
    Ok(())
}

/// A phone in both the forms people type: `6281234567890 081234567890`.
pub fn phone_words(e164: &str) -> String {
    let digits = e164.trim_start_matches('+');
    match digits.strip_prefix("62") {
        Some(national) => format!("{digits} 0{national}"),
        None => digits.to_string(),
    }
}

/// Turns what a person typed into an FTS5 query in which every word must
/// match: as a whole word, or with `last_as_prefix` the last word as the
/// start of one, so "siti ami" finds "Siti Aminah". "0001/PGD/LKT1" finds
/// that agenda number. None when nothing is searchable.
///
/// Whole words are the fast path: FTS5 walks their doclists lazily in rowid
/// order and stops after a page. A prefix makes it gather every matching
/// rowid first, cheap only when the prefix is rare.
pub fn search_query(typed: &str, last_as_prefix: bool) -> Option<String> {
    let words: Vec<&str> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.len().checked_sub(1)?;
    let terms: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let star = if last_as_prefix && i == last { "*" } else { "" };
            format!("\"{}\"{star}", w.to_lowercase())
        })
        .collect();
    Some(terms.join(" AND "))
}

impl Store {
    /// One page of the cases matching `query` (an FTS5 query from
    /// [`search_query`]), newest first.
    pub fn search_cases(&self, query: &str, limit: u32, offset: u32) -> Result<Vec<CaseRow>> {
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE n IN (
                 SELECT rowid FROM case_search WHERE case_search MATCH ?1
                 ORDER BY rowid DESC LIMIT ?2 OFFSET ?3)
             ORDER BY n DESC"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params![query, limit, offset], case_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many cases match: for benchmarks and reports, never for paging.
    pub fn count_matches(&self, query: &str) -> Result<u64> {
        let n: i64 = self.conn().query_row(
            "SELECT count(*) FROM case_search WHERE case_search MATCH ?",
            [query],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// Open cases of the same person: the same NIK or the same phone.
    pub fn open_cases_of(&self, nik: Option<&str>, phone: Option<&str>) -> Result<Vec<CaseRow>> {
        if nik.is_none() && phone.is_none() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases
             WHERE status IN ('open', 'paused') AND (nik = ?1 OR phone = ?2)
             ORDER BY received_at DESC LIMIT 5"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params![nik, phone], case_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_become_queries() {
        assert_eq!(
            search_query("Siti  ami", true).unwrap(),
            "\"siti\" AND \"ami\"*"
        );
        assert_eq!(
            search_query("0001/PGD/LKT1", false).unwrap(),
            "\"0001\" AND \"pgd\" AND \"lkt1\""
        );
        assert_eq!(search_query(" \"*( ", true), None);
        assert_eq!(phone_words("+6281234567890"), "6281234567890 081234567890");
    }
}
