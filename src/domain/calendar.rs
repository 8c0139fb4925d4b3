//! Indonesian working-day calendar (hari kerja): weekends, national holidays,
//! joint leave days and local holidays, office hours, and the deadline rules
//! for complaints (day 0 = the day the file was complete; paused days do not count).
//!
//! Everything is pure: callers pass dates and the holiday list text.

use std::collections::BTreeSet;
use std::ops::Range;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DayOffKind {
    National,
    JointLeave,
    Local,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayOff {
    pub date: NaiveDate,
    pub name: String,
    pub kind: DayOffKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HolidayListError {
    /// TOML syntax or shape error; `line` is 1-based when known.
    Syntax { line: Option<usize>, detail: String },
    /// A table name that is not a four-digit year.
    BadYear { line: Option<usize>, key: String },
    /// A date that is not YYYY-MM-DD or lies outside its year's table.
    BadDate { line: Option<usize>, value: String },
    /// A device, a pipe or a folder: only a regular file is read.
    NotAFile,
    /// Larger than any holiday list could be.
    TooLarge { max_bytes: u64 },
    /// Not UTF-8 text; `line` is where the first bad byte is.
    NotText { line: usize },
    /// A year the shipped list holds, lacking days the decree fixes.
    Contradicts { year: i32, missing: Vec<NaiveDate> },
}

/// How an office's list for a year compares with the shipped list of that year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearComparison {
    /// Days the shipped list has and the office's lacks.
    pub missing: Vec<NaiveDate>,
    /// Days the office's list adds (an amending decree, or a mistake).
    pub added: Vec<NaiveDate>,
}

/// Compares the days of `year` in an office's list with the shipped list's.
pub fn compare_year(shipped: &[DayOff], office: &[DayOff], year: i32) -> YearComparison {
    let of = |days: &[DayOff]| -> BTreeSet<NaiveDate> {
        days.iter()
            .filter(|d| d.date.year() == year)
            .map(|d| d.date)
            .collect()
    };
    let (a, b) = (of(shipped), of(office));
    YearComparison {
        missing: a.difference(&b).copied().collect(),
        added: b.difference(&a).copied().collect(),
    }
}

/// Parses the holiday list format (`[YYYY]` tables holding `libur_nasional`
/// and `cuti_bersama` arrays of `{ date, name }`).
pub fn parse_holiday_list(text: &str) -> Result<Vec<DayOff>, HolidayListError> {
    parse_holiday_years(text).map(|(_, days)| days)
}

/// Like [`parse_holiday_list`], also returning the years the list covers
/// (a year with an empty table still counts as covered).
pub fn parse_holiday_years(text: &str) -> Result<(BTreeSet<i32>, Vec<DayOff>), HolidayListError> {
    use toml::de::{DeTable, DeValue};

    let line = |span: Range<usize>| Some(line_of(text, span.start));
    let shape = |span: Range<usize>, detail: String| HolidayListError::Syntax {
        line: line(span),
        detail,
    };

    let doc = DeTable::parse(text).map_err(|e| HolidayListError::Syntax {
        line: e.span().map(|s| line_of(text, s.start)),
        detail: e.message().to_string(),
    })?;

    // The map is ordered by key, but the first error in the file is the one a
    // person editing it expects to be told about.
    let mut entries: Vec<_> = doc.get_ref().iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);

    let mut years = BTreeSet::new();
    let mut days = Vec::new();
    for (key, value) in entries {
        let key_text: &str = key.get_ref();
        let year = parse_year_key(key_text).ok_or_else(|| HolidayListError::BadYear {
            line: line(key.span()),
            key: key_text.to_string(),
        })?;
        let DeValue::Table(table) = value.get_ref() else {
            return Err(shape(value.span(), format!("[{year}] must be a table")));
        };
        years.insert(year);

        let mut lists: Vec<_> = table.iter().collect();
        lists.sort_by_key(|(k, _)| k.span().start);
        for (list_key, list) in lists {
            let kind = match &**list_key.get_ref() {
                "libur_nasional" => DayOffKind::National,
                "cuti_bersama" => DayOffKind::JointLeave,
                other => {
                    return Err(shape(
                        list_key.span(),
                        format!("unknown key `{other}` in [{year}]"),
                    ));
                }
            };
            let DeValue::Array(items) = list.get_ref() else {
                return Err(shape(list.span(), format!("`{list_key}` must be an array")));
            };
            for item in items {
                let DeValue::Table(fields) = item.get_ref() else {
                    return Err(shape(item.span(), "entry must be { date, name }".into()));
                };
                let mut date = None;
                let mut name = None;
                for (field, v) in fields {
                    match &**field.get_ref() {
                        "date" => date = Some(v),
                        "name" => name = Some(v),
                        other => {
                            return Err(shape(
                                field.span(),
                                format!("unknown field `{other}` in entry"),
                            ));
                        }
                    }
                }
                let date = date.ok_or_else(|| shape(item.span(), "missing `date`".into()))?;
                let name = name.ok_or_else(|| shape(item.span(), "missing `name`".into()))?;
                let DeValue::String(name) = name.get_ref() else {
                    return Err(shape(name.span(), "`name` must be a string".into()));
                };
                let parsed = match date.get_ref() {
                    DeValue::String(s) => parse_iso_date(s),
                    // A bare TOML date is the same text without quotes; accept it
                    // rather than punish an editor for a cosmetic slip.
                    DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                        dt.date.and_then(|d| {
                            NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
                        })
                    }
                    _ => None,
                };
                let raw = match date.get_ref() {
                    DeValue::String(s) => s.to_string(),
                    _ => text.get(date.span()).unwrap_or_default().to_string(),
                };
                let date = parsed.filter(|d| d.year() == year).ok_or_else(|| {
                    HolidayListError::BadDate {
                        line: line(date.span()),
                        value: raw,
                    }
                })?;
                days.push(DayOff {
                    date,
                    name: name.to_string(),
                    kind,
                });
            }
        }
    }
    Ok((years, days))
}

fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn parse_year_key(key: &str) -> Option<i32> {
    if key.len() == 4 && key.bytes().all(|b| b.is_ascii_digit()) {
        key.parse().ok()
    } else {
        None
    }
}

/// Strict `YYYY-MM-DD`: chrono's own parser accepts one-digit months and days,
/// which would let typos like `2025-1-01` through.
fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return None;
    }
    NaiveDate::from_ymd_opt(
        s[0..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..10].parse().ok()?,
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficeHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Default for OfficeHours {
    fn default() -> Self {
        OfficeHours {
            start: NaiveTime::from_hms_opt(8, 0, 0).expect("valid time"),
            end: NaiveTime::from_hms_opt(16, 0, 0).expect("valid time"),
        }
    }
}

impl OfficeHours {
    /// `None` unless the office closes after it opens.
    pub fn new(start: NaiveTime, end: NaiveTime) -> Option<OfficeHours> {
        (end > start).then_some(OfficeHours { start, end })
    }

    /// Length of one office day in minutes; 0 for hours that never open.
    pub fn minutes_per_day(&self) -> u32 {
        u32::try_from(self.span().num_minutes()).unwrap_or(0)
    }

    fn span(&self) -> TimeDelta {
        if self.end > self.start {
            self.end - self.start
        } else {
            TimeDelta::zero()
        }
    }
}

/// A clock pause: the office waited for the complainant's documents from `from` until `to` (None: still paused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl Pause {
    /// Day-number range `[from, to)`; an open pause runs through `today`.
    fn range(&self, today: NaiveDate) -> Range<i32> {
        let end = match self.to {
            Some(to) => day_number(to),
            None => day_number(today) + 1,
        };
        day_number(self.from)..end
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Deadline {
    /// Serialized as `YYYY-MM-DD` so the crate needs no chrono serde feature.
    #[serde(serialize_with = "serialize_date")]
    pub date: NaiveDate,
    /// Working days excluded by pauses.
    pub paused_workdays: u32,
    /// Years counted on weekends alone because no holiday list is known for them.
    pub unlisted_years: Vec<i32>,
}

fn serialize_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// Working days are counted on day numbers (days since 0001-01-01, a Monday)
/// so that ranges can be counted arithmetically instead of day by day.
fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn is_weekday_number(n: i32) -> bool {
    (n - 1).rem_euclid(7) < 5
}

/// Monday-to-Friday days among day numbers below `n`, offset by a constant;
/// only differences are meaningful.
fn weekdays_before(n: i32) -> i64 {
    let m = i64::from(n) - 1;
    m.div_euclid(7) * 5 + m.rem_euclid(7).min(5)
}

fn nanos(d: TimeDelta) -> i128 {
    i128::from(d.num_seconds()) * 1_000_000_000 + i128::from(d.subsec_nanos())
}

/// National holidays fixed by law to a date, which hold in every year whether
/// or not that year's decree is known: a deadline counted without a list still
/// skips New Year's Day.
pub const FIXED_HOLIDAYS: [(u32, u32, &str); 5] = [
    (1, 1, "Tahun Baru Masehi"),
    (5, 1, "Hari Buruh Internasional"),
    (6, 1, "Hari Lahir Pancasila"),
    (8, 17, "Proklamasi Kemerdekaan"),
    (12, 25, "Kelahiran Yesus Kristus"),
];

/// The years the fixed holidays are laid out for: far wider than any
/// deadline (an SOP limit is at most 60 working days).
const FIXED_YEARS: std::ops::RangeInclusive<i32> = 1970..=2199;

fn fixed_dates() -> impl Iterator<Item = (NaiveDate, &'static str)> {
    FIXED_YEARS.flat_map(|y| {
        FIXED_HOLIDAYS
            .iter()
            .filter_map(move |&(m, d, name)| Some((NaiveDate::from_ymd_opt(y, m, d)?, name)))
    })
}

fn fixed_days() -> impl Iterator<Item = i32> {
    fixed_dates().map(|(d, _)| day_number(d))
}

fn fixed_days_off() -> impl Iterator<Item = DayOff> {
    fixed_dates().map(|(date, name)| DayOff {
        date,
        name: name.to_string(),
        kind: DayOffKind::National,
    })
}

/// Whether the date is one of the fixed-date national holidays.
pub fn is_fixed_holiday(d: NaiveDate) -> bool {
    FIXED_HOLIDAYS
        .iter()
        .any(|&(m, day, _)| d.month() == m && d.day() == day)
}

#[derive(Debug, Clone)]
pub struct Calendar {
    known_years: BTreeSet<i32>,
    /// Sorted by date, one entry per date (the most relevant for display).
    days_off: Vec<DayOff>,
    /// Sorted, deduplicated day numbers of weekdays that are not working days;
    /// weekend holidays are left out because the weekend rule already covers them.
    closed: Vec<i32>,
    hours: OfficeHours,
}

impl Calendar {
    /// `known_years`: years whose official list is known. `days_off`: national + joint leave + local days.
    /// Local days off (kind Local) for a year do NOT make that year "known".
    pub fn new(
        known_years: BTreeSet<i32>,
        mut days_off: Vec<DayOff>,
        joint_leave_is_workday: bool,
        hours: OfficeHours,
    ) -> Calendar {
        let counts = |k: DayOffKind| !(joint_leave_is_workday && k == DayOffKind::JointLeave);
        // When two entries share a date, show the one that actually closes the
        // office, preferring the national name.
        let rank = |k: DayOffKind| match k {
            DayOffKind::National => 0,
            DayOffKind::Local => 1,
            DayOffKind::JointLeave if counts(k) => 1,
            DayOffKind::JointLeave => 2,
        };
        let mut closed: Vec<i32> = days_off
            .iter()
            .filter(|d| counts(d.kind))
            .map(|d| day_number(d.date))
            .filter(|&n| is_weekday_number(n))
            .collect();
        closed.extend(fixed_days().filter(|&n| is_weekday_number(n)));
        closed.sort_unstable();
        closed.dedup();
        // After the lists, so that a decree's own name for the day is the one shown
        // (the sort is stable).
        days_off.extend(fixed_days_off());
        days_off.sort_by_key(|d| (d.date, rank(d.kind)));
        days_off.dedup_by_key(|d| d.date);
        Calendar {
            known_years,
            days_off,
            closed,
            hours,
        }
    }

    /// Builds a calendar from the official list text plus the office's local days off.
    pub fn from_holiday_list(
        text: &str,
        local: Vec<DayOff>,
        joint_leave_is_workday: bool,
        hours: OfficeHours,
    ) -> Result<Calendar, HolidayListError> {
        let (years, mut days) = parse_holiday_years(text)?;
        days.extend(local);
        Ok(Calendar::new(years, days, joint_leave_is_workday, hours))
    }

    /// Weekends only, no known years (for tests and as a fallback).
    pub fn weekends_only(hours: OfficeHours) -> Calendar {
        Calendar::new(BTreeSet::new(), Vec::new(), false, hours)
    }

    pub fn hours(&self) -> OfficeHours {
        self.hours
    }

    pub fn is_workday(&self, d: NaiveDate) -> bool {
        let n = day_number(d);
        is_weekday_number(n) && self.closed.binary_search(&n).is_err()
    }

    /// The day off on that date, if any (for display, e.g. "libur: Idulfitri 1447 H").
    /// A joint leave day is returned even when the office counts it as a working
    /// day; check [`Calendar::is_workday`] to tell the two apart.
    pub fn day_off(&self, d: NaiveDate) -> Option<&DayOff> {
        self.days_off
            .binary_search_by_key(&d, |x| x.date)
            .ok()
            .map(|i| &self.days_off[i])
    }

    pub fn knows_year(&self, year: i32) -> bool {
        self.known_years.contains(&year)
    }

    /// The years whose decree list is known.
    pub fn known_years(&self) -> &BTreeSet<i32> {
        &self.known_years
    }

    /// Weekdays that are not working days, in order, leaving out the
    /// fixed-date holidays (the same in every calendar): what a change of
    /// holiday lists, local holidays or the joint leave setting changes.
    pub fn closed_weekdays(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.closed
            .iter()
            .filter_map(|&n| NaiveDate::from_num_days_from_ce_opt(n))
            .filter(|&d| !is_fixed_holiday(d))
    }

    /// Working days among day numbers `lo..hi`.
    fn count(&self, lo: i32, hi: i32) -> u32 {
        if hi <= lo {
            return 0;
        }
        let weekdays = weekdays_before(hi) - weekdays_before(lo);
        let closed =
            self.closed.partition_point(|&x| x < hi) - self.closed.partition_point(|&x| x < lo);
        u32::try_from(weekdays - closed as i64).unwrap_or(u32::MAX)
    }

    /// Steps day by day from `day0` until `n` working days not claimed by
    /// `paused` have passed. Returns the day reached and how many working days
    /// `paused` claimed; unknown years entered are appended to `unlisted`.
    fn walk(
        &self,
        day0: NaiveDate,
        n: u64,
        mut paused: impl FnMut(i32) -> bool,
        mut unlisted: Option<&mut Vec<i32>>,
    ) -> (NaiveDate, u32) {
        if n == 0 {
            return (day0, 0);
        }
        let last_day = day_number(NaiveDate::MAX);
        let year_start = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).map_or(i32::MAX, day_number);
        let mut day = day_number(day0);
        let mut year = day0.year();
        let mut next_year = year_start(year + 1);
        let mut year_seen = false;
        // The closed list is walked with a cursor rather than searched, since
        // days only move forward.
        let mut idx = self.closed.partition_point(|&x| x <= day);
        let mut left = n;
        let mut claimed = 0u32;
        while left > 0 && day < last_day {
            day += 1;
            if day >= next_year {
                year += 1;
                next_year = year_start(year + 1);
                year_seen = false;
            }
            if !year_seen {
                year_seen = true;
                if let Some(v) = unlisted.as_deref_mut()
                    && !self.knows_year(year)
                {
                    v.push(year);
                }
            }
            while idx < self.closed.len() && self.closed[idx] < day {
                idx += 1;
            }
            let closed = self.closed.get(idx) == Some(&day);
            if is_weekday_number(day) && !closed {
                if paused(day) {
                    claimed = claimed.saturating_add(1);
                } else {
                    left -= 1;
                }
            }
        }
        let date = NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MAX);
        (date, claimed)
    }

    /// The n-th working day after `day0` (day0 itself is day 0 whether or not it is a working day).
    /// n = 0 returns day0. Also returns the years counted through (strictly after day0 up to the result) that have no known list, ascending, deduplicated.
    pub fn add_workdays(&self, day0: NaiveDate, n: u32) -> (NaiveDate, Vec<i32>) {
        let mut unlisted = Vec::new();
        let (date, _) = self.walk(day0, u64::from(n), |_| false, Some(&mut unlisted));
        (date, unlisted)
    }

    /// Number of working days d with from < d <= to (0 if to <= from).
    pub fn workdays_after(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        self.count(day_number(from) + 1, day_number(to) + 1)
    }

    /// Number of working days d with from <= d < to (the pause convention).
    pub fn workdays_in(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        self.count(day_number(from), day_number(to))
    }

    /// Office time elapsed on `t`'s date before `t`.
    fn elapsed_that_day(&self, t: NaiveDateTime) -> i128 {
        if !self.is_workday(t.date()) {
            return 0;
        }
        let h = self.hours;
        nanos(t.time().clamp(h.start, h.end.max(h.start)) - h.start)
    }

    /// Adds `minutes` of office time to `t`: time outside office hours or on a non-working day does not count.
    /// If t is before opening on a working day, counting starts at opening; if after closing or on a day off, at the next working day's opening.
    /// Adding 0 minutes returns t unchanged. Adding exactly the rest of a day lands on that day's closing time (not the next morning).
    /// Office hours that never open cannot absorb any time, so `t` is returned unchanged.
    pub fn add_work_minutes(&self, t: NaiveDateTime, minutes: u32) -> NaiveDateTime {
        let per_day = nanos(self.hours.span());
        if minutes == 0 || per_day == 0 {
            return t;
        }
        let (start, end) = (self.hours.start, self.hours.end);
        let mut left = i128::from(minutes) * 60_000_000_000;
        let date = t.date();
        if self.is_workday(date) && t.time() < end {
            let pos = t.time().max(start);
            let avail = nanos(end - pos);
            if left <= avail {
                return date.and_time(pos + TimeDelta::minutes(i64::from(minutes)));
            }
            left -= avail;
        }
        // The rest fills whole office days; the last one is only partly used,
        // possibly up to its closing time.
        let days = u64::try_from((left - 1) / per_day + 1).unwrap_or(u64::MAX);
        let last = left - (i128::from(days) - 1) * per_day;
        let (day, _) = self.walk(date, days, |_| false, None);
        let last = i64::try_from(last).unwrap_or(i64::MAX);
        day.and_time(start + TimeDelta::nanoseconds(last))
    }

    /// Office minutes elapsed between a and b (0 if b <= a).
    pub fn work_minutes_between(&self, a: NaiveDateTime, b: NaiveDateTime) -> u32 {
        if b <= a {
            return 0;
        }
        let per_day = nanos(self.hours.span());
        let total = if a.date() == b.date() {
            self.elapsed_that_day(b) - self.elapsed_that_day(a)
        } else {
            let first = if self.is_workday(a.date()) {
                per_day - self.elapsed_that_day(a)
            } else {
                0
            };
            let middle = self.count(day_number(a.date()) + 1, day_number(b.date()));
            first + i128::from(middle) * per_day + self.elapsed_that_day(b)
        };
        u32::try_from(total / 60_000_000_000).unwrap_or(u32::MAX)
    }

    /// Due date of a case: `limit` working days after `complete_on`, extended by
    /// the working days spent in pauses. An open pause runs through `today`, so a
    /// paused case's deadline moves as days pass.
    ///
    /// Only pause days that fall before the due date extend it: a pause begun
    /// after the case was already overdue does not make it timely again, and
    /// overlapping pauses are not counted twice.
    pub fn deadline(
        &self,
        complete_on: NaiveDate,
        limit: u32,
        pauses: &[Pause],
        today: NaiveDate,
    ) -> Deadline {
        let mut unlisted_years = Vec::new();
        let in_pause = |n: i32| pauses.iter().any(|p| p.range(today).contains(&n));
        let (date, paused_workdays) = self.walk(
            complete_on,
            u64::from(limit),
            in_pause,
            Some(&mut unlisted_years),
        );
        Deadline {
            date,
            paused_workdays,
            unlisted_years,
        }
    }

    /// Working days used so far (from < d <= today), minus paused working days; never negative.
    pub fn workdays_used(&self, complete_on: NaiveDate, pauses: &[Pause], today: NaiveDate) -> u32 {
        let window = day_number(complete_on) + 1..day_number(today) + 1;
        let total = self.count(window.start, window.end);
        // Union of the pauses clipped to the window, taken piece by piece in
        // order of start so overlaps are counted once, without allocating.
        let mut paused = 0u32;
        let mut cursor = window.start;
        loop {
            let mut next: Option<Range<i32>> = None;
            for p in pauses {
                let r = p.range(today);
                let (s, e) = (r.start.max(cursor), r.end.min(window.end));
                if s < e
                    && next
                        .as_ref()
                        .is_none_or(|b| s < b.start || (s == b.start && e > b.end))
                {
                    next = Some(s..e);
                }
            }
            let Some(r) = next else { break };
            paused = paused.saturating_add(self.count(r.start, r.end));
            cursor = r.end;
        }
        total.saturating_sub(paused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = include_str!("../../assets/holidays-id.toml");

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn cal_with(joint_leave_is_workday: bool, local: Vec<DayOff>) -> Calendar {
        Calendar::from_holiday_list(LIST, local, joint_leave_is_workday, OfficeHours::default())
            .unwrap()
    }

    fn cal() -> Calendar {
        cal_with(false, Vec::new())
    }

    /// The shipped list as it stood before the 2027 decree: for what a desk
    /// does with a year it has no list for.
    fn list_to_2026() -> &'static str {
        &LIST[..LIST.find("[2027]").unwrap()]
    }

    fn cal_to_2026(joint_leave_is_workday: bool, local: Vec<DayOff>) -> Calendar {
        Calendar::from_holiday_list(
            list_to_2026(),
            local,
            joint_leave_is_workday,
            OfficeHours::default(),
        )
        .unwrap()
    }

    fn deadline_of(c: &Calendar, received: &str) -> (NaiveDate, Vec<i32>) {
        c.add_workdays(d(received), 14)
    }

    #[test]
    fn deadlines_from_the_decree_lists() {
        let c = cal();
        // Off in August 2025: 17 (Sunday), 18 (joint leave, amending decree).
        // 7=1, 8=2, 11=3, 12=4, 13=5, 14=6, 15=7, 19=8, 20=9, 21=10, 22=11, 25=12, 26=13, 27=14.
        assert_eq!(deadline_of(&c, "2025-08-06"), (d("2025-08-27"), vec![]));
        // Off: 24 Dec 2026 (joint leave), 25 Dec, 1 Jan 2027, 5 Jan (Isra Mikraj 1448 H).
        // 11=1, 14=2, 15=3, 16=4, 17=5, 18=6, 21=7, 22=8, 23=9, 28=10, 29=11, 30=12, 31=13, 4 Jan=14.
        assert_eq!(deadline_of(&c, "2026-12-10"), (d("2027-01-04"), vec![]));
        // 18=1, 21=2, 22=3, 23=4, 28=5, 29=6, 30=7, 31=8, 4 Jan=9, 6=10, 7=11, 8=12, 11=13, 12=14.
        assert_eq!(deadline_of(&c, "2026-12-17"), (d("2027-01-12"), vec![]));
        // 28=1, 29=2, 30=3, 31=4, 4 Jan=5, 6=6, 7=7, 8=8, 11=9, 12=10, 13=11, 14=12, 15=13, 18=14.
        assert_eq!(deadline_of(&c, "2026-12-23"), (d("2027-01-18"), vec![]));
        // 4 Jan=1, 6=2, 7=3, 8=4, 11=5, 12=6, 13=7, 14=8, 15=9, 18=10, 19=11, 20=12, 21=13, 22=14.
        assert_eq!(deadline_of(&c, "2026-12-31"), (d("2027-01-22"), vec![]));
    }

    #[test]
    fn nyepi_and_idulfitri_2027() {
        // Off: 8 Mar (Nyepi), 9 (joint leave), 10-11 (Idulfitri 1448 H), 12 and 15
        // (joint leave), 25 (joint leave), 26 (Good Friday).
        let c = cal();
        // 2=1, 3=2, 4=3, 5=4, 16=5, 17=6, 18=7, 19=8, 22=9, 23=10, 24=11, 29=12, 30=13, 31=14.
        assert_eq!(deadline_of(&c, "2027-03-01"), (d("2027-03-31"), vec![]));
        // 16=1, 17=2, 18=3, 19=4, 22=5, 23=6, 24=7, 29=8, 30=9, 31=10, 1 Apr=11, 2=12, 5=13, 6=14.
        assert_eq!(deadline_of(&c, "2027-03-05"), (d("2027-04-06"), vec![]));
        // 25 Feb=1, 26=2, 1 Mar=3, 2=4, 3=5, 4=6, 5=7, 16=8, 17=9, 18=10, 19=11, 22=12, 23=13, 24=14.
        assert_eq!(deadline_of(&c, "2027-02-24"), (d("2027-03-24"), vec![]));
        // Joint leave counted as working days: only 8, 10, 11 and 26 Mar are off.
        // 9=1, 12=2, 15=3, 16=4, 17=5, 18=6, 19=7, 22=8, 23=9, 24=10, 25=11, 29=12, 30=13, 31=14.
        let c = cal_with(true, Vec::new());
        assert_eq!(deadline_of(&c, "2027-03-05"), (d("2027-03-31"), vec![]));
    }

    #[test]
    fn iduladha_2027() {
        // Off: 6 May (Ascension), 17 (Iduladha 1448 H), 18-19 (joint leave), 20 (Waisak),
        // 1 Jun (Pancasila).
        let c = cal();
        // 11=1, 12=2, 13=3, 14=4, 21=5, 24=6, 25=7, 26=8, 27=9, 28=10, 31=11, 2 Jun=12, 3=13, 4=14.
        assert_eq!(deadline_of(&c, "2027-05-10"), (d("2027-06-04"), vec![]));
        // 7=1, 10=2, 11=3, 12=4, 13=5, 14=6, 21=7, 24=8, 25=9, 26=10, 27=11, 28=12, 31=13, 2 Jun=14.
        assert_eq!(deadline_of(&c, "2027-05-05"), (d("2027-06-02"), vec![]));
    }

    #[test]
    fn fixed_holidays_hold_without_a_list() {
        // 2028 has no list: weekends and the fixed dates only, and flagged.
        // Off: 24 Dec 2027 (joint leave), 25 Dec, 1 Jan 2028 (a Saturday).
        // 21=1, 22=2, 23=3, 27=4, 28=5, 29=6, 30=7, 31=8, 3 Jan=9, 4=10, 5=11, 6=12, 7=13, 10=14.
        let c = cal();
        assert_eq!(deadline_of(&c, "2027-12-20"), (d("2028-01-10"), vec![2028]));
        for day in ["2028-05-01", "2028-06-01", "2028-08-17", "2028-12-25"] {
            assert!(!c.is_workday(d(day)), "{day}");
            assert_eq!(c.day_off(d(day)).unwrap().kind, DayOffKind::National);
        }
        assert!(!c.knows_year(2028));
        // Even with no list at all, New Year's Day is no working day.
        let bare = Calendar::weekends_only(OfficeHours::default());
        assert!(!bare.is_workday(d("2027-01-01")));
        // A decree's own name is the one shown.
        assert_eq!(
            c.day_off(d("2027-01-01")).unwrap().name,
            "Tahun Baru 2027 Masehi"
        );
    }

    #[test]
    fn parses_the_official_list() {
        let (years, days) = parse_holiday_years(LIST).unwrap();
        assert_eq!(
            years.into_iter().collect::<Vec<_>>(),
            vec![2025, 2026, 2027]
        );
        let count = |y: i32, k: DayOffKind| {
            days.iter()
                .filter(|x| x.date.year() == y && x.kind == k)
                .count()
        };
        assert_eq!(count(2025, DayOffKind::National), 17);
        // 18 August 2025 was added by the amending decree.
        assert_eq!(count(2025, DayOffKind::JointLeave), 11);
        assert_eq!(count(2026, DayOffKind::National), 17);
        assert_eq!(count(2026, DayOffKind::JointLeave), 8);
        assert_eq!(count(2027, DayOffKind::National), 18);
        assert_eq!(count(2027, DayOffKind::JointLeave), 8);
        assert_eq!(parse_holiday_list(LIST).unwrap(), days);
    }
    #[test]
    fn nyepi_and_idulfitri_2026() {
        // Off: 18 Mar (joint leave Nyepi), 19 (Nyepi), 20 (joint leave), 21-22 (weekend,
        // Idulfitri), 23-24 (joint leave), 3 Apr (Good Friday).
        // 17 Mar=1, 25=2, 26=3, 27=4, 30=5, 31=6, 1 Apr=7, 2=8, 6=9, 7=10, 8=11, 9=12, 10=13, 13=14.
        assert_eq!(
            cal().add_workdays(d("2026-03-16"), 14),
            (d("2026-04-13"), vec![])
        );
    }

    #[test]
    fn idulfitri_2025() {
        // Off: 28 Mar, 31 Mar-4 Apr, 7 Apr, 18 Apr.
        // 25 Mar=1, 26=2, 27=3, 8 Apr=4, 9=5, 10=6, 11=7, 14=8, 15=9, 16=10, 17=11, 21=12, 22=13, 23=14.
        assert_eq!(
            cal().add_workdays(d("2025-03-24"), 14),
            (d("2025-04-23"), vec![])
        );
    }

    #[test]
    fn across_the_year_end() {
        // Off: 25-26 Dec 2025, 1 Jan 2026.
        // 23 Dec=1, 24=2, 29=3, 30=4, 31=5, 2 Jan=6, 5=7, 6=8, 7=9, 8=10, 9=11, 12=12, 13=13, 14=14.
        assert_eq!(
            cal().add_workdays(d("2025-12-22"), 14),
            (d("2026-01-14"), vec![])
        );
    }

    #[test]
    fn unknown_year_is_flagged_and_counted_on_weekends() {
        // Off: 24-25 Dec 2026. 2027 unknown: weekends and 1 Jan (a fixed date) only.
        // 22 Dec=1, 23=2, 28=3, 29=4, 30=5, 31=6, 4 Jan=7, 5=8, 6=9, 7=10, 8=11, 11=12, 12=13, 13=14.
        let c = cal_to_2026(false, Vec::new());
        assert_eq!(
            c.add_workdays(d("2026-12-21"), 14),
            (d("2027-01-13"), vec![2027])
        );
        assert!(c.knows_year(2026) && !c.knows_year(2027));
        assert!(!c.is_workday(d("2027-01-01")));
        assert!(c.is_workday(d("2027-01-05")));
        let dl = c.deadline(d("2026-12-21"), 14, &[], d("2026-12-21"));
        assert_eq!(dl.unlisted_years, vec![2027]);
        // Counting that stays inside the known year raises no flag.
        assert_eq!(
            c.add_workdays(d("2026-12-21"), 6),
            (d("2026-12-31"), vec![])
        );
        // Several unknown years are listed once each, in order.
        let (_, years) = c.add_workdays(d("2026-12-21"), 600);
        assert_eq!(years, vec![2027, 2028, 2029]);
        assert_eq!(
            Calendar::weekends_only(OfficeHours::default())
                .add_workdays(d("2026-03-16"), 1)
                .1,
            vec![2026]
        );
    }

    #[test]
    fn joint_leave_counted_as_workday() {
        // Only national holidays close the office: 19 Mar (Nyepi), 21-22 Mar (weekend),
        // 3 Apr (Good Friday). 17 Mar=1, 18=2, 20=3, 23=4, 24=5, 25=6, 26=7, 27=8,
        // 30=9, 31=10, 1 Apr=11, 2=12, 6=13, 7=14. The brief's 2026-04-06 is day 13.
        let c = cal_with(true, Vec::new());
        assert_eq!(
            c.add_workdays(d("2026-03-16"), 14),
            (d("2026-04-07"), vec![])
        );
        assert!(c.is_workday(d("2026-03-18")));
        // Still shown for display, with its kind.
        assert_eq!(
            c.day_off(d("2026-03-18")).unwrap().kind,
            DayOffKind::JointLeave
        );
    }

    #[test]
    fn local_holiday_moves_deadline_by_one_day() {
        let local = DayOff {
            date: d("2026-04-08"),
            name: "Hari Jadi Kabupaten".into(),
            kind: DayOffKind::Local,
        };
        let c = cal_with(false, vec![local.clone()]);
        assert!(!c.is_workday(d("2026-04-08")));
        assert_eq!(c.day_off(d("2026-04-08")), Some(&local));
        assert_eq!(
            c.add_workdays(d("2026-03-16"), 14),
            (d("2026-04-14"), vec![])
        );
        // A local day in an unlisted year does not make the year known.
        let later = DayOff {
            date: d("2027-01-04"),
            ..local
        };
        let c = cal_to_2026(false, vec![later]);
        assert!(!c.knows_year(2027));
        // Off: 24-25 Dec, 1 Jan (fixed), 4 Jan (local).
        assert_eq!(
            c.add_workdays(d("2026-12-21"), 14),
            (d("2027-01-14"), vec![2027])
        );
    }

    #[test]
    fn day0_on_a_saturday() {
        // 16 Mar=1, 17=2, 25=3, 26=4, 27=5, 30=6, 31=7, 1 Apr=8, 2=9, 6=10, 7=11, 8=12, 9=13, 10=14.
        let c = cal();
        assert_eq!(
            c.add_workdays(d("2026-03-14"), 0),
            (d("2026-03-14"), vec![])
        );
        assert_eq!(c.add_workdays(d("2026-03-14"), 1).0, d("2026-03-16"));
        assert_eq!(c.add_workdays(d("2026-03-14"), 14).0, d("2026-04-10"));
    }

    #[test]
    fn day_lookup_and_counts() {
        let c = cal();
        assert_eq!(c.day_off(d("2026-03-21")).unwrap().name, "Idulfitri 1447 H");
        assert_eq!(c.day_off(d("2026-03-17")), None);
        assert!(!c.is_workday(d("2026-03-21")) && !c.is_workday(d("2026-03-23")));
        assert!(c.is_workday(d("2026-03-25")));
        // (16 Mar, 13 Apr] holds exactly the 14 days counted above.
        assert_eq!(c.workdays_after(d("2026-03-16"), d("2026-04-13")), 14);
        assert_eq!(c.workdays_after(d("2026-04-13"), d("2026-03-16")), 0);
        assert_eq!(c.workdays_in(d("2026-03-16"), d("2026-04-13")), 14);
        assert_eq!(c.workdays_in(d("2026-03-18"), d("2026-03-25")), 0);
        assert_eq!(c.workdays_in(d("2026-03-25"), d("2026-03-25")), 0);
        assert_eq!(
            c.workdays_after(d("2025-12-31"), d("2026-12-31")),
            365 - 104 - 17 - 8 + 4
        );
    }

    #[test]
    fn counting_agrees_with_walking() {
        let c = cal_with(
            false,
            vec![DayOff {
                date: d("2026-07-07"),
                name: "Lokal".into(),
                kind: DayOffKind::Local,
            }],
        );
        let mut day = d("2024-12-20");
        while day < d("2027-02-01") {
            for n in [0, 1, 5, 14, 40] {
                let (end, _) = c.add_workdays(day, n);
                assert_eq!(c.workdays_after(day, end), n, "{day} + {n}");
                assert!(n == 0 || c.is_workday(end));
            }
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn closed_pause_extends_deadline() {
        let c = cal();
        // Mon 30 and Tue 31 Mar are paused: 14 + 2 working days after 16 Mar.
        let p = Pause {
            from: d("2026-03-30"),
            to: Some(d("2026-04-01")),
        };
        let dl = c.deadline(d("2026-03-16"), 14, &[p], d("2026-04-20"));
        assert_eq!(
            dl,
            Deadline {
                date: d("2026-04-15"),
                paused_workdays: 2,
                unlisted_years: vec![]
            }
        );
        // (16 Mar, 2 Apr]: 17, 25, 26, 27, 30, 31, 1, 2 = 8, minus 2 paused.
        assert_eq!(c.workdays_used(d("2026-03-16"), &[p], d("2026-04-02")), 6);
        // The same pause given twice is not counted twice.
        assert_eq!(
            c.deadline(d("2026-03-16"), 14, &[p, p], d("2026-04-20"))
                .date,
            d("2026-04-15")
        );
        assert_eq!(
            c.workdays_used(d("2026-03-16"), &[p, p], d("2026-04-02")),
            6
        );
    }

    #[test]
    fn open_pause_runs_through_today() {
        let c = cal();
        let p = Pause {
            from: d("2026-03-25"),
            to: None,
        };
        // Paused 25, 26, 27 Mar: 14 + 3 after 16 Mar = 16 Apr.
        let dl = c.deadline(d("2026-03-16"), 14, &[p], d("2026-03-27"));
        assert_eq!((dl.date, dl.paused_workdays), (d("2026-04-16"), 3));
        // One more working day paused on Monday 30 Mar moves it to Friday 17 Apr.
        let dl = c.deadline(d("2026-03-16"), 14, &[p], d("2026-03-30"));
        assert_eq!((dl.date, dl.paused_workdays), (d("2026-04-17"), 4));
        // Only 17 Mar counts as used; the weekend adds nothing.
        assert_eq!(c.workdays_used(d("2026-03-16"), &[p], d("2026-03-27")), 1);
        assert_eq!(c.workdays_used(d("2026-03-16"), &[p], d("2026-03-29")), 1);
        // A pause that has not started yet excludes nothing.
        let future = Pause {
            from: d("2026-04-01"),
            to: None,
        };
        assert_eq!(
            c.deadline(d("2026-03-16"), 14, &[future], d("2026-03-27"))
                .paused_workdays,
            0
        );
    }

    #[test]
    fn pause_resumed_the_same_day_excludes_nothing() {
        let c = cal();
        let p = Pause {
            from: d("2026-03-25"),
            to: Some(d("2026-03-25")),
        };
        let dl = c.deadline(d("2026-03-16"), 14, &[p], d("2026-04-20"));
        assert_eq!((dl.date, dl.paused_workdays), (d("2026-04-13"), 0));
        assert_eq!(c.workdays_used(d("2026-03-16"), &[p], d("2026-03-27")), 4);
    }

    #[test]
    fn pause_after_deadline_does_not_extend_it() {
        let c = cal();
        let p = Pause {
            from: d("2026-04-20"),
            to: Some(d("2026-04-24")),
        };
        let dl = c.deadline(d("2026-03-16"), 14, &[p], d("2026-05-01"));
        assert_eq!((dl.date, dl.paused_workdays), (d("2026-04-13"), 0));
        // (16 Mar, 24 Apr]: 14 up to 13 Apr, 14-17 Apr and 20-24 Apr = 23, minus 4 paused (20-23).
        assert_eq!(c.workdays_used(d("2026-03-16"), &[p], d("2026-04-24")), 19);
        assert_eq!(c.workdays_used(d("2026-03-16"), &[], d("2026-03-16")), 0);
        assert_eq!(c.workdays_used(d("2026-03-16"), &[], d("2026-03-01")), 0);
    }

    #[test]
    fn office_minutes() {
        let c = cal();
        // Fri 29 May 2026, Mon 1 Jun is Hari Lahir Pancasila.
        assert_eq!(
            c.add_work_minutes(dt("2026-05-29 15:50"), 15),
            dt("2026-06-02 08:05")
        );
        assert_eq!(
            c.add_work_minutes(dt("2026-04-13 08:00"), 480),
            dt("2026-04-13 16:00")
        );
        assert_eq!(
            c.add_work_minutes(dt("2026-04-13 08:00"), 481),
            dt("2026-04-14 08:01")
        );
        assert_eq!(
            c.add_work_minutes(dt("2026-04-13 07:00"), 30),
            dt("2026-04-13 08:30")
        );
        assert_eq!(
            c.add_work_minutes(dt("2026-04-13 16:30"), 10),
            dt("2026-04-14 08:10")
        );
        assert_eq!(
            c.add_work_minutes(dt("2026-04-11 10:00"), 60),
            dt("2026-04-13 09:00")
        );
        assert_eq!(
            c.add_work_minutes(dt("2026-04-11 10:00"), 0),
            dt("2026-04-11 10:00")
        );
        // Tue 17 Mar 15:00: one hour that day, the next open day is Wed 25 Mar.
        assert_eq!(
            c.add_work_minutes(dt("2026-03-17 15:00"), 120),
            dt("2026-03-25 09:00")
        );
        assert_eq!(
            c.add_work_minutes(dt("2026-03-17 08:00"), 3 * 480),
            dt("2026-03-26 16:00")
        );
        assert_eq!(
            c.add_work_minutes(dt("2026-03-18 12:00"), 480),
            dt("2026-03-25 16:00")
        );
        assert_eq!(c.hours().minutes_per_day(), 480);
    }

    #[test]
    fn minutes_between_inverts_adding() {
        let c = cal();
        assert_eq!(
            c.work_minutes_between(dt("2026-05-29 15:50"), dt("2026-06-02 08:05")),
            15
        );
        assert_eq!(
            c.work_minutes_between(dt("2026-03-17 08:00"), dt("2026-03-26 16:00")),
            1440
        );
        assert_eq!(
            c.work_minutes_between(dt("2026-04-13 09:00"), dt("2026-04-13 08:00")),
            0
        );
        assert_eq!(
            c.work_minutes_between(dt("2026-03-21 09:00"), dt("2026-03-22 12:00")),
            0
        );
        for start in [
            "2026-03-17 15:00",
            "2026-03-14 10:00",
            "2025-12-24 07:30",
            "2026-05-29 15:50",
        ] {
            for m in [1, 15, 479, 480, 481, 2000, 14 * 480] {
                let a = dt(start);
                let b = c.add_work_minutes(a, m);
                assert_eq!(c.work_minutes_between(a, b), m, "{start} + {m}");
            }
        }
        let a = dt("2026-03-16 10:00");
        for b in [
            "2026-03-16 10:01",
            "2026-03-17 15:59",
            "2026-04-13 12:34",
            "2027-01-12 09:00",
        ] {
            let b = dt(b);
            assert_eq!(c.add_work_minutes(a, c.work_minutes_between(a, b)), b);
        }
    }

    #[test]
    fn other_office_hours() {
        let hours = OfficeHours::new(
            NaiveTime::from_hms_opt(7, 30, 0).unwrap(),
            NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
        )
        .unwrap();
        assert_eq!(hours.minutes_per_day(), 450);
        let c = Calendar::weekends_only(hours);
        assert_eq!(
            c.add_work_minutes(dt("2026-03-20 14:00"), 90),
            dt("2026-03-23 08:00")
        );
        let t = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        assert_eq!(OfficeHours::new(t, t), None);
        let never = Calendar::weekends_only(OfficeHours { start: t, end: t });
        assert_eq!(never.hours().minutes_per_day(), 0);
        assert_eq!(
            never.add_work_minutes(dt("2026-03-20 14:00"), 5),
            dt("2026-03-20 14:00")
        );
    }

    #[test]
    fn empty_year_is_known() {
        let (years, days) = parse_holiday_years("[2027]\n\n[2028]\nlibur_nasional = []\n").unwrap();
        assert_eq!(years.into_iter().collect::<Vec<_>>(), vec![2027, 2028]);
        assert!(days.is_empty());
        let c = Calendar::from_holiday_list("[2027]\n", Vec::new(), false, OfficeHours::default())
            .unwrap();
        assert_eq!(
            c.add_workdays(d("2027-03-01"), 3),
            (d("2027-03-04"), vec![])
        );
    }

    #[test]
    fn parse_errors_carry_line_numbers() {
        let bad_year = "[2025]\nlibur_nasional = []\n\n[20x6]\ncuti_bersama = []\n";
        assert_eq!(
            parse_holiday_list(bad_year),
            Err(HolidayListError::BadYear {
                line: Some(4),
                key: "20x6".into()
            })
        );
        let bad_date = "[2025]\nlibur_nasional = [\n  { date = \"2025-01-01\", name = \"a\" },\n  { date = \"2025-02-30\", name = \"b\" },\n]\n";
        assert_eq!(
            parse_holiday_list(bad_date),
            Err(HolidayListError::BadDate {
                line: Some(4),
                value: "2025-02-30".into()
            })
        );
        let wrong_year =
            "[2025]\ncuti_bersama = [\n  { date = \"2026-01-02\", name = \"c\" },\n]\n";
        assert_eq!(
            parse_holiday_list(wrong_year),
            Err(HolidayListError::BadDate {
                line: Some(3),
                value: "2026-01-02".into()
            })
        );
        let short = "[2025]\ncuti_bersama = [{ date = \"2025-1-02\", name = \"c\" }]\n";
        assert!(matches!(
            parse_holiday_list(short),
            Err(HolidayListError::BadDate { line: Some(2), .. })
        ));
        let broken = "[2025]\nlibur_nasional = [\n  { date = \"2025-01-01\" name = \"a\" },\n]\n";
        assert!(matches!(
            parse_holiday_list(broken),
            Err(HolidayListError::Syntax { line: Some(3), .. })
        ));
        let typo = "[2025]\nlibur_nasional = []\ncuti_bersma = []\n";
        assert!(matches!(
            parse_holiday_list(typo),
            Err(HolidayListError::Syntax { line: Some(3), .. })
        ));
        let no_name = "[2025]\n\nlibur_nasional = [{ date = \"2025-01-01\" }]\n";
        assert!(matches!(
            parse_holiday_list(no_name),
            Err(HolidayListError::Syntax { line: Some(3), .. })
        ));
        let number = "[2025]\ncuti_bersama = [\n{ date = 20250102, name = \"c\" }]\n";
        assert_eq!(
            parse_holiday_list(number),
            Err(HolidayListError::BadDate {
                line: Some(3),
                value: "20250102".into()
            })
        );
        let bare = "[2025]\nlibur_nasional = [{ date = 2025-01-01, name = \"a\" }]\n";
        assert_eq!(parse_holiday_list(bare).unwrap()[0].date, d("2025-01-01"));
    }

    #[test]
    fn deadline_serializes_date_as_iso() {
        let dl = cal().deadline(d("2026-03-16"), 14, &[], d("2026-03-16"));
        let text = toml::to_string(&dl).unwrap();
        assert!(text.contains("date = \"2026-04-13\""), "{text}");
    }
}
