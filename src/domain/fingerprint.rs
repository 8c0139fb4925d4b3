//! The calendar in force, as the projection records it: which years have a
//! decree list, which weekdays are closed, the office hours and what each SOP
//! says about time. Stored deadlines, step due times and flags were derived
//! with one such record; when the record of the calendar in force differs,
//! [`Change`] says which cases can be affected, so only those are derived again.
//!
//! Pure: the service stores the text and asks the store for the cases.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use sha2::{Digest, Sha256};

use super::calendar::Calendar;
use super::sop::{Next, Sop};

/// What a stored projection was computed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarRecord {
    hours: String,
    years: BTreeSet<i32>,
    closed: BTreeSet<NaiveDate>,
    /// SOP id → digest of everything in it that a fold or a due time reads.
    sops: BTreeMap<String, String>,
}

/// What differs between the record a projection was computed with and the
/// calendar in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    None,
    /// Office hours changed, or nothing was recorded: every case.
    All,
    Some {
        /// Weekdays that opened or closed, sorted.
        days: Vec<NaiveDate>,
        /// Years that gained or lost their decree list, sorted.
        years: Vec<i32>,
        /// SOPs whose steps, standards or limit changed.
        sops: BTreeSet<String>,
    },
}

impl CalendarRecord {
    pub fn of(calendar: &Calendar, sops: &[Sop]) -> CalendarRecord {
        let h = calendar.hours();
        CalendarRecord {
            hours: format!("{}-{}", h.start.format("%H:%M"), h.end.format("%H:%M")),
            years: calendar.known_years().clone(),
            closed: calendar.closed_weekdays().collect(),
            sops: sops.iter().map(|s| (s.id.clone(), sop_digest(s))).collect(),
        }
    }

    /// One line per part: `hours`, `years`, `closed`, then one `sop` line each.
    pub fn to_text(&self) -> String {
        let join = |it: &mut dyn Iterator<Item = String>| it.collect::<Vec<_>>().join(" ");
        let mut text = format!(
            "hours {}\nyears {}\nclosed {}\n",
            self.hours,
            join(&mut self.years.iter().map(i32::to_string)),
            join(&mut self.closed.iter().map(NaiveDate::to_string)),
        );
        for (id, digest) in &self.sops {
            text.push_str(&format!("sop {id} {digest}\n"));
        }
        text
    }

    /// None for text this build did not write (then every case is derived again).
    pub fn parse(text: &str) -> Option<CalendarRecord> {
        let mut record = CalendarRecord {
            hours: String::new(),
            years: BTreeSet::new(),
            closed: BTreeSet::new(),
            sops: BTreeMap::new(),
        };
        for line in text.lines() {
            let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
            let words = rest.split_whitespace();
            match key {
                "hours" => record.hours = rest.to_string(),
                "years" => {
                    for w in words {
                        record.years.insert(w.parse().ok()?);
                    }
                }
                "closed" => {
                    for w in words {
                        record
                            .closed
                            .insert(NaiveDate::parse_from_str(w, "%Y-%m-%d").ok()?);
                    }
                }
                "sop" => {
                    let (id, digest) = rest.split_once(' ')?;
                    record.sops.insert(id.to_string(), digest.to_string());
                }
                _ => return None,
            }
        }
        (!record.hours.is_empty()).then_some(record)
    }

    /// What changed from `old` (the record stored with the projection) to this one.
    pub fn change_from(&self, old: Option<&CalendarRecord>) -> Change {
        let Some(old) = old else { return Change::All };
        if old == self {
            return Change::None;
        }
        if old.hours != self.hours {
            return Change::All;
        }
        let days = old
            .closed
            .symmetric_difference(&self.closed)
            .copied()
            .collect();
        let years = old
            .years
            .symmetric_difference(&self.years)
            .copied()
            .collect();
        let ids: BTreeSet<&String> = old.sops.keys().chain(self.sops.keys()).collect();
        let sops = ids
            .into_iter()
            .filter(|id| old.sops.get(*id) != self.sops.get(*id))
            .cloned()
            .collect();
        Change::Some { days, years, sops }
    }
}

impl Change {
    /// Whether a case of `sop` whose stored figures read the days from `from`
    /// to `to` (its first day to the latest of its deadline, due times and
    /// events) can come out differently.
    ///
    /// Counting working days forward only ever reads the days it passes, so
    /// a day opened or closed after `to` changes nothing already stored; a
    /// case is only flagged for the years its counting passed through.
    pub fn affects(&self, sop: &str, from: NaiveDate, to: NaiveDate) -> bool {
        match self {
            Change::None => false,
            Change::All => true,
            Change::Some { days, years, sops } => {
                let first = days.partition_point(|d| *d < from);
                days.get(first).is_some_and(|d| *d <= to)
                    || years.iter().any(|y| (from.year()..=to.year()).contains(y))
                    || sops.contains(sop)
            }
        }
    }
}

/// A digest of what the fold and the due times read of an SOP: its limit,
/// and each step's kind, actor, standard and where it leads.
fn sop_digest(sop: &Sop) -> String {
    let next = |n: &Next| match n {
        Next::Step(s) => format!("step:{s}"),
        Next::End(e) => format!("end:{e:?}"),
    };
    let mut text = format!("limit {}\n", sop.limit_workdays);
    for s in &sop.steps {
        text.push_str(&format!(
            "{}|{:?}|{}|{}|{}|{}|{}",
            s.id,
            s.kind,
            s.actor,
            s.minutes,
            s.on_register,
            s.to.as_deref().unwrap_or(""),
            s.next.as_ref().map(next).unwrap_or_default(),
        ));
        for o in &s.options {
            text.push_str(&format!("|{}:{}:{}", o.id, o.forward, next(&o.next)));
        }
        text.push('\n');
    }
    Sha256::digest(text.as_bytes())
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{DayOff, DayOffKind, OfficeHours};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn sop() -> Sop {
        let name = "gresik-pengaduan";
        Sop::parse(name, crate::domain::sop::builtin(name).unwrap()).unwrap()
    }

    fn calendar(years: &[i32], closed: &[&str]) -> Calendar {
        let days = closed
            .iter()
            .map(|s| DayOff {
                date: d(s),
                name: "x".into(),
                kind: DayOffKind::National,
            })
            .collect();
        Calendar::new(
            years.iter().copied().collect(),
            days,
            false,
            OfficeHours::default(),
        )
    }

    #[test]
    fn text_reads_back_the_same() {
        let r = CalendarRecord::of(&calendar(&[2026], &["2026-03-19"]), &[sop()]);
        assert_eq!(CalendarRecord::parse(&r.to_text()), Some(r.clone()));
        assert_eq!(r.change_from(Some(&r)), Change::None);
        assert_eq!(r.change_from(None), Change::All);
        assert_eq!(CalendarRecord::parse("bogus"), None);
    }

    #[test]
    fn only_cases_that_read_a_changed_day_are_affected() {
        let old = CalendarRecord::of(&calendar(&[2025], &["2025-03-31"]), &[sop()]);
        // The amending decree closes 18 August 2025.
        let new = CalendarRecord::of(&calendar(&[2025], &["2025-03-31", "2025-08-18"]), &[sop()]);
        let change = new.change_from(Some(&old));
        assert!(change.affects("gresik-pengaduan", d("2025-08-06"), d("2025-08-26")));
        assert!(change.affects("x", d("2025-08-18"), d("2025-08-18")));
        assert!(!change.affects("x", d("2025-08-19"), d("2025-09-09")));
        assert!(!change.affects("x", d("2025-07-01"), d("2025-08-15")));
        // A year's list arriving affects the cases counted into that year.
        let with_2027 = CalendarRecord::of(
            &calendar(&[2025, 2027], &["2025-03-31", "2025-08-18"]),
            &[sop()],
        );
        let change = with_2027.change_from(Some(&new));
        assert!(change.affects("x", d("2026-12-10"), d("2027-01-01")));
        assert!(!change.affects("x", d("2026-11-10"), d("2026-12-01")));
    }

    #[test]
    fn an_sop_change_affects_its_cases_and_hours_every_case() {
        let cal = calendar(&[2026], &[]);
        let old = CalendarRecord::of(&cal, &[sop()]);
        let mut edited = sop();
        edited.steps[1].minutes += 15;
        let change = CalendarRecord::of(&cal, &[edited]).change_from(Some(&old));
        assert!(change.affects("gresik-pengaduan", d("2020-01-01"), d("2020-01-02")));
        assert!(!change.affects("situbondo-pengaduan", d("2020-01-01"), d("2020-01-02")));
        let mut late = old.clone();
        late.hours = "07:30-15:00".into();
        assert_eq!(late.change_from(Some(&old)), Change::All);
    }
}
