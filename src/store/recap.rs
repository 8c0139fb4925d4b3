//! The recap's projection: one row of facts per case, read back by month.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::{Result, Store};
use crate::domain::case::Kind;
use crate::domain::recap::{CaseFacts, StepFact};
use crate::domain::workflow::Status;

pub(super) fn put(conn: &Connection, case_n: i64, f: &CaseFacts) -> Result<()> {
    let steps: String = f
        .steps
        .iter()
        .map(|s| format!("{}|{}|{}\n", s.step, s.done_on, u8::from(s.within_standard)))
        .collect();
    conn.prepare_cached(
        "INSERT OR REPLACE INTO recap_cases (n, agenda_no, shown_name, kind, channel, licence_type, received_on,
            finished_on, finished_status, deadline, workdays_to_close, forwarded_on, opd, consult_on,
            consult_answered, steps)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        case_n,
        f.agenda_no,
        f.shown_name,
        f.kind.id(),
        f.channel,
        f.licence_type,
        f.received_on.to_string(),
        f.finished.map(|(d, _)| d.to_string()),
        f.finished.map(|(_, s)| s.id()),
        f.deadline.to_string(),
        f.workdays_to_close,
        f.forwarded.as_ref().map(|(d, _)| d.to_string()),
        f.forwarded.as_ref().map(|(_, o)| o.clone()),
        f.consultation_decision.map(|(d, _)| d.to_string()),
        f.consultation_decision.map(|(_, a)| a),
        steps,
    ])?;
    Ok(())
}

/// `YYYY-MM-DD` as the projection writes it; read by hand because a recap
/// parses a few million of them.
fn ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.as_deref().and_then(ymd)
}

fn facts(r: &rusqlite::Row<'_>) -> rusqlite::Result<CaseFacts> {
    let steps: String = r.get(15)?;
    let finished_on = date(r.get(7)?);
    let finished_status: Option<String> = r.get(8)?;
    Ok(CaseFacts {
        agenda_no: r.get(1)?,
        shown_name: r.get(2)?,
        kind: Kind::parse(&r.get::<_, String>(3)?).unwrap_or(Kind::Pengaduan),
        channel: r.get(4)?,
        licence_type: r.get(5)?,
        received_on: date(r.get(6)?).unwrap_or_default(),
        finished: finished_on.zip(finished_status.as_deref().and_then(Status::parse)),
        deadline: date(r.get(9)?).unwrap_or_default(),
        workdays_to_close: r.get(10)?,
        forwarded: date(r.get(11)?).zip(r.get::<_, Option<String>>(12)?),
        consultation_decision: date(r.get(13)?).zip(r.get::<_, Option<bool>>(14)?),
        steps: steps
            .lines()
            .filter_map(|l| {
                let mut parts = l.split('|');
                let step = parts.next()?.to_string();
                let done_on = ymd(parts.next()?)?;
                Some(StepFact {
                    step,
                    done_on,
                    within_standard: parts.next()? == "1",
                })
            })
            .collect(),
    })
}

impl Store {
    /// The facts of every case that can count in the period from `start` to
    /// `end` (received by its end and not finished before its start), one
    /// case at a time, so a year's cases are never all in memory.
    pub fn recap_each(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        each: &mut dyn FnMut(CaseFacts),
    ) -> Result<()> {
        for sql in [
            "SELECT * FROM recap_cases WHERE finished_on >= ?1 AND received_on <= ?2",
            "SELECT * FROM recap_cases WHERE finished_on IS NULL AND received_on <= ?2",
        ] {
            let mut stmt = self.conn().prepare_cached(sql)?;
            let rows = stmt.query_map(params![start.to_string(), end.to_string()], facts)?;
            for row in rows {
                each(row?);
            }
        }
        Ok(())
    }
}
