//! The calendar in force: the shipped holiday list, the office's own lists
//! and local days off, read with care; and keeping every stored deadline in
//! step with it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Datelike;

use super::{Desk, HOLIDAYS, Result, config_msg};
use crate::config::Config;
use crate::domain::calendar::{
    Calendar, DayOff, DayOffKind, HolidayListError, compare_year, parse_holiday_years,
};
use crate::domain::draft::to_local;
use crate::domain::fingerprint::{CalendarRecord, Change};
use crate::i18n::Msg;
use crate::store::CaseSpan;

/// Where the projection records the calendar it was computed with.
const CALENDAR_KEY: &str = "calendar_in_force";

/// No holiday list comes near this: a year is a few kilobytes.
pub const MAX_HOLIDAY_FILE: u64 = 4 * 1024 * 1024;

/// How long deriving may take before a progress bar is shown.
pub(super) const QUIET: Duration = Duration::from_secs(1);

/// Told how far deriving again has got: (what, cases done, cases in all).
pub type ProgressFn = fn(Deriving, u64, u64);

/// What is being derived again while a desk opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deriving {
    /// The cases a change of the calendar in force affects.
    Calendar,
    /// The whole projection, for a build that derives it differently.
    Upgrade,
}

/// Reads an office's holiday file: a regular file (never a device or a pipe,
/// which would never end), of a holiday list's size, in UTF-8.
pub fn read_holiday_file(path: &Path) -> Result<String> {
    use crate::files::ReadError;
    let refuse = |error| Msg::HolidayFile {
        path: path.to_path_buf(),
        error,
    };
    let bytes = crate::files::read_bounded(path, MAX_HOLIDAY_FILE).map_err(|e| match e {
        ReadError::NotAFile => refuse(HolidayListError::NotAFile),
        ReadError::TooLarge { limit } => refuse(HolidayListError::TooLarge { max_bytes: limit }),
        ReadError::Io(e) => Msg::InputRead {
            path: path.to_path_buf(),
            detail: crate::i18n::io_detail(&e),
        },
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        refuse(HolidayListError::NotText {
            line: good.iter().filter(|&&b| b == b'\n').count() + 1,
        })
    })
}

/// The calendar of the configuration, and what to tell about the office's lists.
pub(super) fn build_calendar(config: &Config) -> Result<(Calendar, Vec<Msg>)> {
    let hours = config.office_hours().map_err(config_msg)?;
    let holiday_error = |path: PathBuf| move |error| Msg::HolidayFile { path, error };
    let (mut years, shipped) =
        parse_holiday_years(HOLIDAYS).map_err(holiday_error("assets/holidays-id.toml".into()))?;
    let mut days = shipped.clone();
    let mut notices = Vec::new();
    for path in &config.calendar.holiday_files {
        let text = read_holiday_file(path)?;
        let (more_years, more_days) =
            parse_holiday_years(&text).map_err(holiday_error(path.clone()))?;
        for &year in more_years.iter().filter(|y| years.contains(y)) {
            let cmp = compare_year(&shipped, &more_days, year);
            if !cmp.missing.is_empty() {
                return Err(holiday_error(path.clone())(HolidayListError::Contradicts {
                    year,
                    missing: cmp.missing,
                }));
            }
            notices.push(Msg::HolidayYearRepeated {
                path: path.clone(),
                year,
                added: cmp.added,
            });
        }
        years.extend(more_years);
        days.extend(more_days);
    }
    days.extend(config.calendar.local_holidays.iter().map(|h| DayOff {
        date: h.date,
        name: h.name.clone(),
        kind: DayOffKind::Local,
    }));
    let calendar = Calendar::new(years, days, config.calendar.joint_leave_is_workday, hours);
    Ok((calendar, notices))
}

impl Desk {
    /// From 1 October, the next year when it has no holiday list yet.
    pub fn next_year_unlisted(&self) -> Option<i32> {
        let today = self.today();
        let next = today.year() + 1;
        (today.month() >= 10 && !self.calendar.knows_year(next)).then_some(next)
    }

    /// The record of the calendar in force.
    fn calendar_record(&self) -> CalendarRecord {
        CalendarRecord::of(&self.calendar, &self.sops.sops)
    }

    /// Records the calendar in force after a full rebuild.
    pub(super) fn record_calendar(&self) -> Result<()> {
        self.store
            .set_meta(CALENDAR_KEY, &self.calendar_record().to_text())
            .map_err(|e| self.db_error(e))
    }

    /// Derives again every case the change of calendar (or SOP) since the
    /// projection was written can affect. Returns how many, None when the
    /// calendar is the one recorded.
    pub(super) fn follow_calendar(&mut self, progress: Option<ProgressFn>) -> Result<Option<u64>> {
        let stored = self
            .store
            .meta(CALENDAR_KEY)
            .map_err(|e| self.db_error(e))?;
        let record = self.calendar_record();
        let change = record.change_from(stored.as_deref().and_then(CalendarRecord::parse).as_ref());
        if change == Change::None {
            return Ok(None);
        }
        let offset = self.offset;
        let day = |t: i64| to_local(t, offset).date();
        let picked = self
            .store
            .pick_cases(&mut |c: &CaseSpan<'_>| {
                let (from, to) = span_days(c, day);
                change.affects(c.sop, from, to)
            })
            .map_err(|e| self.db_error(e))?;
        let total = picked.len() as u64;
        let started = Instant::now();
        let mut shown = false;
        let mut tell = |done: u64| {
            if let Some(p) = progress
                && (shown || started.elapsed() > QUIET)
            {
                shown = true;
                p(Deriving::Calendar, done, total);
            }
        };
        let mut project = super::projector(&self.sops, &self.calendar, self.offset);
        let text = record.to_text();
        let db = self.locations.database.clone();
        let n = self
            .store
            .rederive(&picked, &mut project, (CALENDAR_KEY, &text), &mut tell)
            .map_err(|e| super::store_msg(e, &db))?;
        if shown && let Some(p) = progress {
            p(Deriving::Calendar, total, total);
        }
        Ok(Some(n))
    }
}

/// The days a case's stored figures were counted over.
fn span_days(
    c: &CaseSpan<'_>,
    day: impl Fn(i64) -> chrono::NaiveDate,
) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let parse = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let received = day(c.received_at);
    let from = parse(c.complete_on).map_or(received, |d| d.min(received));
    let to = [
        parse(c.deadline),
        Some(day(c.last_at)),
        c.closed_at.map(&day),
        c.step_due.map(&day),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(received);
    (from, to)
}
