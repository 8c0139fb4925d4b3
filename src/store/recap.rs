//! The recap's projection: one row of facts per case, read back by period.
//!
//! The table is ordered by the day a case finished (`''` while open), so the
//! cases a period counts are two contiguous ranges of it. Each row holds the
//! facts packed in one postcard column, for `recap_each`, which reads half a
//! million rows for a year and so decodes one column instead of fifteen;
//! the dates, outcome and deadline the headline figures count by are plain
//! columns beside it too, for anyone checking the figures with plain SQL.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use super::{Result, Store, StoreError};
use crate::domain::case::Kind;
use crate::domain::event::Event;
use crate::domain::recap::{CaseFacts, StepFact};
use crate::domain::workflow::Status;

/// The packed form of `CaseFacts`: dates as days from the common era.
#[derive(Serialize, Deserialize)]
struct Packed<'a> {
    #[serde(borrow)]
    agenda_no: &'a str,
    shown_name: Option<&'a str>,
    kind: &'a str,
    channel: &'a str,
    licence_type: &'a str,
    received_on: i32,
    finished: Option<(i32, &'a str)>,
    deadline: i32,
    workdays_to_close: Option<u32>,
    forwarded: Option<(i32, &'a str)>,
    consultation_decision: Option<(i32, bool)>,
    steps: Vec<(&'a str, i32, bool)>,
    unlisted_years: Vec<i32>,
}

fn days(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn date(days: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default()
}

fn pack(f: &CaseFacts) -> Vec<u8> {
    let packed = Packed {
        agenda_no: &f.agenda_no,
        shown_name: f.shown_name.as_deref(),
        kind: f.kind.id(),
        channel: &f.channel,
        licence_type: &f.licence_type,
        received_on: days(f.received_on),
        finished: f.finished.map(|(d, s)| (days(d), s.id())),
        deadline: days(f.deadline),
        workdays_to_close: f.workdays_to_close,
        forwarded: f.forwarded.as_ref().map(|(d, o)| (days(*d), o.as_str())),
        consultation_decision: f.consultation_decision.map(|(d, a)| (days(d), a)),
        steps: f
            .steps
            .iter()
            .map(|s| (s.step.as_str(), days(s.done_on), s.within_standard))
            .collect(),
        unlisted_years: f.unlisted_years.clone(),
    };
    postcard::to_stdvec(&packed).expect("packing into memory cannot fail")
}

fn unpack(bytes: &[u8]) -> Option<CaseFacts<&str>> {
    let p: Packed<'_> = postcard::from_bytes(bytes).ok()?;
    Some(CaseFacts {
        agenda_no: p.agenda_no,
        shown_name: p.shown_name,
        kind: Kind::from_id(p.kind)?,
        channel: p.channel,
        licence_type: p.licence_type,
        received_on: date(p.received_on),
        finished: match p.finished {
            Some((d, s)) => Some((date(d), Status::from_id(s)?)),
            None => None,
        },
        deadline: date(p.deadline),
        unlisted_years: p.unlisted_years,
        workdays_to_close: p.workdays_to_close,
        forwarded: p.forwarded.map(|(d, o)| (date(d), o)),
        consultation_decision: p.consultation_decision.map(|(d, a)| (date(d), a)),
        steps: p
            .steps
            .into_iter()
            .map(|(step, d, within_standard)| StepFact {
                step,
                done_on: date(d),
                within_standard,
            })
            .collect(),
    })
}

pub(super) fn put(conn: &Connection, case_n: i64, f: &CaseFacts) -> Result<()> {
    use rusqlite::OptionalExtension;
    let packed = pack(f);
    // The packed column holds every fact: unchanged, nothing is written.
    let unchanged: bool = conn
        .prepare_cached("SELECT packed = ? FROM recap_cases WHERE n = ?")?
        .query_row(params![packed, case_n], |r| r.get(0))
        .optional()?
        .unwrap_or(false);
    if unchanged {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT OR REPLACE INTO recap_cases
            (finished_on, received_on, n, finished_status, deadline, forwarded_on, packed)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        f.finished.map_or(String::new(), |(d, _)| d.to_string()),
        f.received_on.to_string(),
        case_n,
        f.finished.map(|(_, s)| s.id()),
        f.deadline.to_string(),
        f.forwarded.as_ref().map(|(d, _)| d.to_string()),
        packed,
    ])?;
    Ok(())
}

/// Where the log stood when a recap was counted: each desk's newest
/// sequence number, and what the projection was derived under. Its cases
/// changed since are those with an event after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogMark {
    seqs: Vec<(i64, i64)>,
    derived_under: Vec<String>,
}

impl LogMark {
    /// Whether `seq` of desk `desk` was in the log at the mark.
    pub fn holds(&self, desk: i64, seq: u64) -> bool {
        self.seqs
            .iter()
            .any(|&(d, newest)| d == desk && seq as i64 <= newest)
    }
}

/// What was written after a [`LogMark`]: each changed case with its events
/// in fold order (each with its desk's local number), and the mark now.
#[derive(Debug)]
pub struct Changes {
    pub cases: Vec<(i64, Vec<(i64, Event)>)>,
    pub mark: LogMark,
}

/// The meta rows a re-derivation of the projection rewrites.
const DERIVED_UNDER: &str =
    "SELECT value FROM meta WHERE key IN ('calendar_in_force', 'projection_version') ORDER BY key";

impl Store {
    /// [`Store::recap_each`] and the log's mark, read from one snapshot.
    pub fn recap_each_marked(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        each: &mut dyn FnMut(&CaseFacts<&str>),
    ) -> Result<LogMark> {
        let snapshot = self.conn().unchecked_transaction()?;
        let mark = self.log_mark()?;
        self.recap_each(start, end, each)?;
        snapshot.commit()?;
        Ok(mark)
    }

    fn log_mark(&self) -> Result<LogMark> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT n, (SELECT max(seq) FROM events WHERE desk = desks.n) FROM desks ORDER BY n",
        )?;
        let seqs = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?.unwrap_or(0)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn().prepare_cached(DERIVED_UNDER)?;
        let derived_under = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(LogMark {
            seqs,
            derived_under,
        })
    }

    /// What was written after `mark`, read from one snapshot. `None` when
    /// more than `limit` cases changed, or the projection was derived again:
    /// then only counting every case again is cheaper, or right.
    pub fn changed_since(&self, mark: &LogMark, limit: usize) -> Result<Option<Changes>> {
        let snapshot = self.conn().unchecked_transaction()?;
        let now = self.log_mark()?;
        if now.derived_under != mark.derived_under {
            return Ok(None);
        }
        let mut cases: Vec<i64> = Vec::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT DISTINCT case_n FROM events WHERE desk = ? AND seq > ? LIMIT ?",
        )?;
        for &(desk, _) in &now.seqs {
            let after = mark
                .seqs
                .iter()
                .find(|(d, _)| *d == desk)
                .map_or(0, |m| m.1);
            for case_n in stmt.query_map(params![desk, after, limit as i64 + 1], |r| r.get(0))? {
                cases.push(case_n?);
            }
        }
        cases.sort_unstable();
        cases.dedup();
        if cases.len() > limit {
            return Ok(None);
        }
        let cases = cases
            .into_iter()
            .map(|n| Ok((n, super::queries::events_with_desk(self.conn(), n)?)))
            .collect::<Result<_>>()?;
        snapshot.commit()?;
        Ok(Some(Changes { cases, mark: now }))
    }

    /// Whether the stored recap row of a case holds exactly `facts`.
    pub fn recap_row_holds(&self, case_n: i64, facts: &CaseFacts) -> Result<bool> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn()
            .prepare_cached("SELECT packed = ? FROM recap_cases WHERE n = ?")?
            .query_row(params![pack(facts), case_n], |r| r.get(0))
            .optional()?
            .unwrap_or(false))
    }

    /// The facts of every case that can count in the period from `start` to
    /// `end` (received by its end and not finished before its start), one
    /// case at a time, so a year's cases are never all in memory.
    pub fn recap_each(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        each: &mut dyn FnMut(&CaseFacts<&str>),
    ) -> Result<()> {
        for filter in [
            "finished_on = '' AND received_on <= ?2",
            "finished_on >= ?1 AND received_on <= ?2",
        ] {
            let sql = format!("SELECT n, packed FROM recap_cases WHERE {filter}");
            let mut stmt = self.conn().prepare_cached(&sql)?;
            let mut rows = stmt.query(params![start.to_string(), end.to_string()])?;
            while let Some(row) = rows.next()? {
                // Only a hand-edited projection gets here; `check --rebuild` mends it.
                let facts = unpack(row.get_ref(1)?.as_blob()?).ok_or_else(|| {
                    StoreError::Sqlite(format!(
                        "recap_cases n={}",
                        row.get_ref(0).map_or(0, |v| v.as_i64().unwrap_or(0))
                    ))
                })?;
                each(&facts);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_facts_read_back_the_same() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let facts = CaseFacts {
            agenda_no: "0007/PGD/LKT1/2026".to_string(),
            shown_name: None,
            kind: Kind::Konsultasi,
            channel: "whatsapp".into(),
            licence_type: String::new(),
            received_on: d("2026-10-30"),
            finished: Some((d("2026-11-10"), Status::Forwarded)),
            deadline: d("2026-11-19"),
            unlisted_years: vec![2027],
            workdays_to_close: Some(7),
            forwarded: Some((d("2026-11-02"), "Dinas Perhubungan".into())),
            consultation_decision: Some((d("2026-11-02"), false)),
            steps: vec![StepFact {
                step: "kewenangan".into(),
                done_on: d("2026-11-02"),
                within_standard: true,
            }],
        };
        let bytes = pack(&facts);
        let back = unpack(&bytes).unwrap();
        assert_eq!(back.agenda_no, facts.agenda_no);
        assert_eq!(back.unlisted_years, [2027]);
        assert_eq!(back.finished, facts.finished);
        assert_eq!(
            back.forwarded.map(|(d, o)| (d, o.to_string())),
            facts.forwarded
        );
        assert_eq!(back.consultation_decision, facts.consultation_decision);
        assert_eq!(back.steps[0].step, "kewenangan");
        assert_eq!(back.steps[0].done_on, d("2026-11-02"));
        assert!(unpack(&bytes[..bytes.len() / 2]).is_none());
    }
}
