//! Recap arithmetic (rekapitulasi): the figures of a month from the facts of
//! each case. Pure: the store supplies the facts, the exports format them.
//!
//! Definitions, the same in every export:
//! - *received*: the day of receipt falls in the month;
//! - *closed*: resolved by the office (not forwarded) on a day in the month;
//!   *on time* when that day is not after the legal deadline;
//! - *working days to close*: from the day the file was complete to the day
//!   closed, paused working days left out;
//! - *forwarded*: the decision to forward to an OPD was taken in the month;
//! - *open at the end*: received by the month's last day and not finished by
//!   then; *overdue* when the deadline is before that day. A period that has
//!   not ended is counted *as of* today instead: open now, and overdue only
//!   when the deadline has passed; a period not yet begun has no figures;
//! - a step counts in the month it was done, *within standard* when done by
//!   its due time;
//! - consultations: received in the month; *answered directly* or
//!   *escalated* by the decision taken in the month.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::case::Kind;
use super::draft::to_local;
use super::sop::Sop;
use super::summary::DEFAULT_LIMIT_WORKDAYS;
use super::workflow::{CaseState, Clock, Status};

/// A step done, and whether it was done within its time standard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepFact<S = String> {
    pub step: S,
    pub done_on: NaiveDate,
    pub within_standard: bool,
}

/// What the recap needs to know of one case. Generic over the string type so
/// the store can lend a row's text (`CaseFacts<&str>`) instead of copying it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts<S = String> {
    pub agenda_no: S,
    /// The complainant's name, absent when confidential or anonymous.
    pub shown_name: Option<S>,
    pub kind: Kind,
    pub channel: S,
    pub licence_type: S,
    pub received_on: NaiveDate,
    /// The day the office's part ended, and how (closed or forwarded).
    pub finished: Option<(NaiveDate, Status)>,
    pub deadline: NaiveDate,
    /// Years the deadline was counted through without a holiday list.
    pub unlisted_years: Vec<i32>,
    pub workdays_to_close: Option<u32>,
    /// The day of the decision to forward, and the OPD.
    pub forwarded: Option<(NaiveDate, S)>,
    /// For a consultation: the day of its decision, and whether that answered it.
    pub consultation_decision: Option<(NaiveDate, bool)>,
    pub steps: Vec<StepFact<S>>,
}

impl<S> CaseFacts<S> {
    /// Whether the case can count in the period from `start` to `end`:
    /// received by its end and not finished before its start.
    pub fn counts_in(&self, start: NaiveDate, end: NaiveDate) -> bool {
        self.received_on <= end && self.finished.is_none_or(|(on, _)| on >= start)
    }

    /// Received by `end` and not finished by then.
    pub fn open_at(&self, end: NaiveDate) -> bool {
        self.received_on <= end && self.finished.is_none_or(|(on, _)| on > end)
    }

    /// Open at `end` and past its deadline.
    pub fn overdue_at(&self, end: NaiveDate) -> bool {
        self.open_at(end) && self.deadline < end
    }
}

/// The facts of a case from its folded state.
pub fn facts(state: &CaseState, sop: Option<&Sop>, clock: &Clock<'_>) -> CaseFacts {
    let input = &state.reg.input;
    let day = |t: i64| to_local(t, clock.offset).date();
    let limit = sop.map_or(DEFAULT_LIMIT_WORKDAYS, |s| s.limit_workdays);
    let settled = clock.settled_deadline(state, limit);
    let deadline = settled.date;
    let finished = state
        .closed_at
        .filter(|_| state.status.is_finished())
        .map(|t| (day(t), state.status));
    let workdays_to_close = match finished {
        Some((on, Status::Closed)) => Some(clock.calendar.workdays_used(
            input.complete_on,
            &state.pause_days(clock.offset),
            on,
        )),
        _ => None,
    };
    let steps = sop.map_or_else(Vec::new, |sop| {
        state
            .done
            .iter()
            .filter_map(|d| {
                let step = sop.step(&d.step)?;
                let due = clock.step_due(state, step, d.started, Some(d.done))?;
                Some(StepFact {
                    step: d.step.clone(),
                    done_on: day(d.done),
                    within_standard: d.done <= due,
                })
            })
            .collect()
    });
    CaseFacts {
        agenda_no: state.reg.agenda_no.clone(),
        shown_name: input.display_name().map(str::to_string),
        kind: input.kind,
        channel: input.channel.id().to_string(),
        licence_type: input.object.licence_type.clone(),
        received_on: day(input.received_at),
        finished,
        deadline,
        unlisted_years: settled.unlisted_years,
        workdays_to_close,
        forwarded: state
            .decisions
            .iter()
            .find_map(|d| d.opd.clone().map(|opd| (day(d.at), opd))),
        consultation_decision: (input.kind == Kind::Konsultasi)
            .then(|| state.decisions.first().map(|d| (day(d.at), d.ends)))
            .flatten(),
        steps,
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StepFigure {
    pub done: u64,
    pub done_within_standard: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Consultations {
    pub received: u64,
    pub answered_directly: u64,
    pub escalated: u64,
}

/// The figures of one month. Keys are the JSON keys of `aduan recap`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MonthFigures {
    /// `YYYY-MM`.
    pub month: String,
    /// False for a period that has not begun: it has no figures, not zeros.
    pub begun: bool,
    /// `YYYY-MM-DD` when the period has not ended: the day "open" and
    /// "overdue" are counted on.
    pub as_of: Option<String>,
    pub received: u64,
    pub received_by_channel: BTreeMap<String, u64>,
    pub received_by_kind: BTreeMap<String, u64>,
    pub received_by_licence: BTreeMap<String, u64>,
    pub closed: u64,
    pub closed_on_time: u64,
    pub median_workdays_to_close: Option<f64>,
    pub p90_workdays_to_close: Option<f64>,
    pub forwarded: u64,
    pub forwarded_by_opd: BTreeMap<String, u64>,
    pub open_at_end: u64,
    pub overdue_at_end: u64,
    pub steps: BTreeMap<String, StepFigure>,
    /// The same steps apart by the kind of case, so each SOP's steps are
    /// counted under that SOP even where two SOPs share a step id.
    pub steps_by_kind: BTreeMap<String, BTreeMap<String, StepFigure>>,
    pub consultations: Consultations,
}

fn last_day(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .expect("a valid month")
}

/// The figures of `year`-`month` over every case given.
pub fn month<'a>(
    cases: impl IntoIterator<Item = &'a CaseFacts>,
    year: i32,
    month: u32,
) -> MonthFigures {
    let (start, end) = month_bounds(year, month).expect("a valid month");
    period(cases, start, end, format!("{year:04}-{month:02}"))
}

/// The first and last day of a month.
pub fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    Some((start, last_day(year, month)))
}

/// The figures of the days from `start` to `end`: a month, or a year's total.
pub fn period<'a>(
    cases: impl IntoIterator<Item = &'a CaseFacts>,
    start: NaiveDate,
    end: NaiveDate,
    label: String,
) -> MonthFigures {
    let mut tally = Tally::new(start, end, label);
    for c in cases {
        tally.add(c);
    }
    tally.finish()
}

/// The figures of one period, counted case by case, so the cases need not
/// all be in memory at once.
#[derive(Debug, Clone)]
pub struct Tally {
    start: NaiveDate,
    end: NaiveDate,
    /// The day open and overdue cases are counted on: `end`, or today for a
    /// period that has not ended.
    open_on: NaiveDate,
    begun: bool,
    /// The plain counts; the keyed ones are filled in by `finish`.
    figures: MonthFigures,
    to_close: Vec<u32>,
    by_channel: Counts<u64>,
    by_kind: Counts<u64>,
    by_licence: Counts<u64>,
    by_opd: Counts<u64>,
    /// One list per kind, in the order of `Kind::ALL`.
    steps: [Counts<StepFigure>; 3],
}

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Pengaduan => 0,
        Kind::Konsultasi => 1,
        Kind::Aspirasi => 2,
    }
}

/// Counts under a few dozen keys at most. A year's recap looks keys up
/// millions of times: a short list compared by length first beats a
/// sorted map's string comparisons.
#[derive(Debug, Clone)]
struct Counts<T> {
    keys: Vec<String>,
    values: Vec<T>,
}

impl<T: Default> Counts<T> {
    fn new() -> Counts<T> {
        Counts {
            keys: Vec::new(),
            values: Vec::new(),
        }
    }

    fn at(&mut self, key: &str) -> &mut T {
        let i = match self.keys.iter().position(|k| k == key) {
            Some(i) => i,
            None => {
                self.keys.push(key.to_string());
                self.values.push(T::default());
                self.keys.len() - 1
            }
        };
        &mut self.values[i]
    }

    fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.keys.iter().zip(&self.values)
    }

    /// The counts by key, without the keys a case taken back out left at zero.
    fn into_map(self) -> BTreeMap<String, T>
    where
        T: Counted,
    {
        self.keys
            .into_iter()
            .zip(self.values)
            .filter(|(_, v)| !v.is_zero())
            .collect()
    }
}

trait Counted {
    fn is_zero(&self) -> bool;
}

impl Counted for u64 {
    fn is_zero(&self) -> bool {
        *self == 0
    }
}

impl Counted for StepFigure {
    fn is_zero(&self) -> bool {
        self.done == 0
    }
}

/// Whether a case's facts are being counted or taken back out (the case
/// changed since it was counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    Plus,
    Minus,
}

fn bump(n: &mut u64, sign: Sign) {
    match sign {
        Sign::Plus => *n += 1,
        Sign::Minus => *n = n.saturating_sub(1),
    }
}

impl Tally {
    pub fn new(start: NaiveDate, end: NaiveDate, label: String) -> Tally {
        Tally {
            start,
            end,
            open_on: end,
            begun: true,
            figures: MonthFigures {
                month: label,
                begun: true,
                ..MonthFigures::default()
            },
            to_close: Vec::new(),
            by_channel: Counts::new(),
            by_kind: Counts::new(),
            by_licence: Counts::new(),
            by_opd: Counts::new(),
            steps: [Counts::new(), Counts::new(), Counts::new()],
        }
    }

    /// Counts the period as it stands on `today`: a period not yet begun has
    /// no figures; one not yet ended counts open and overdue cases today.
    pub fn as_of(mut self, today: NaiveDate) -> Tally {
        if today < self.start {
            self.begun = false;
            self.figures.begun = false;
        } else if today <= self.end {
            self.open_on = today;
            self.figures.as_of = Some(today.to_string());
        }
        self
    }

    /// The day open and overdue cases are counted on.
    pub fn open_on(&self) -> NaiveDate {
        self.open_on
    }

    fn within(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    /// Counts whatever of `c` happened in this period.
    pub fn add<S: AsRef<str>>(&mut self, c: &CaseFacts<S>) {
        let sign = Sign::Plus;
        if self.within(c.received_on) {
            self.count_received(c, sign);
        }
        if let Some((on, Status::Closed)) = c.finished
            && self.within(on)
        {
            self.count_closed(c, on, sign);
        }
        if let Some((on, opd)) = &c.forwarded
            && self.within(*on)
        {
            self.count_forwarded(opd.as_ref(), sign);
        }
        for s in &c.steps {
            if self.within(s.done_on) {
                self.count_step(c.kind, s, sign);
            }
        }
        if let Some((on, answered)) = c.consultation_decision
            && self.within(on)
        {
            self.count_consultation_decision(answered, sign);
        }
        self.count_if_open(c, sign);
    }

    fn count_received<S: AsRef<str>>(&mut self, c: &CaseFacts<S>, sign: Sign) {
        bump(&mut self.figures.received, sign);
        bump(self.by_channel.at(c.channel.as_ref()), sign);
        bump(self.by_kind.at(c.kind.id()), sign);
        let licence = c.licence_type.as_ref();
        if !licence.is_empty() {
            bump(self.by_licence.at(licence), sign);
        }
        if c.kind == Kind::Konsultasi {
            bump(&mut self.figures.consultations.received, sign);
        }
    }

    fn count_closed<S>(&mut self, c: &CaseFacts<S>, on: NaiveDate, sign: Sign) {
        bump(&mut self.figures.closed, sign);
        if on <= c.deadline {
            bump(&mut self.figures.closed_on_time, sign);
        }
        match (sign, c.workdays_to_close) {
            (_, None) => {}
            (Sign::Plus, Some(days)) => self.to_close.push(days),
            (Sign::Minus, Some(days)) => {
                if let Some(i) = self.to_close.iter().position(|d| *d == days) {
                    self.to_close.swap_remove(i);
                }
            }
        }
    }

    fn count_forwarded(&mut self, opd: &str, sign: Sign) {
        bump(&mut self.figures.forwarded, sign);
        bump(self.by_opd.at(opd), sign);
    }

    fn count_step<S: AsRef<str>>(&mut self, kind: Kind, s: &StepFact<S>, sign: Sign) {
        let fig = self.steps[kind_index(kind)].at(s.step.as_ref());
        bump(&mut fig.done, sign);
        if s.within_standard {
            bump(&mut fig.done_within_standard, sign);
        }
    }

    fn count_consultation_decision(&mut self, answered: bool, sign: Sign) {
        let c = &mut self.figures.consultations;
        bump(
            if answered {
                &mut c.answered_directly
            } else {
                &mut c.escalated
            },
            sign,
        );
    }

    /// Returns false when the case is not open at this period's end.
    fn count_if_open<S>(&mut self, c: &CaseFacts<S>, sign: Sign) -> bool {
        if !self.begun || !c.open_at(self.open_on) {
            return false;
        }
        bump(&mut self.figures.open_at_end, sign);
        if c.deadline < self.open_on {
            bump(&mut self.figures.overdue_at_end, sign);
        }
        true
    }

    /// Adds a later period's counts to this one: the open cases are those at
    /// the later period's end.
    fn absorb(&mut self, later: &Tally) {
        if !later.begun {
            return;
        }
        let (f, g) = (&mut self.figures, &later.figures);
        f.as_of.clone_from(&g.as_of);
        f.received += g.received;
        f.closed += g.closed;
        f.closed_on_time += g.closed_on_time;
        f.forwarded += g.forwarded;
        f.open_at_end = g.open_at_end;
        f.overdue_at_end = g.overdue_at_end;
        f.consultations.received += g.consultations.received;
        f.consultations.answered_directly += g.consultations.answered_directly;
        f.consultations.escalated += g.consultations.escalated;
        for (mine, theirs) in [
            (&mut self.by_channel, &later.by_channel),
            (&mut self.by_kind, &later.by_kind),
            (&mut self.by_licence, &later.by_licence),
            (&mut self.by_opd, &later.by_opd),
        ] {
            for (k, n) in theirs.iter() {
                *mine.at(k) += n;
            }
        }
        for (mine, theirs) in self.steps.iter_mut().zip(&later.steps) {
            for (k, s) in theirs.iter() {
                let fig = mine.at(k);
                fig.done += s.done;
                fig.done_within_standard += s.done_within_standard;
            }
        }
        self.end = later.end;
        self.open_on = later.open_on;
        self.to_close.extend_from_slice(&later.to_close);
    }

    pub fn finish(mut self) -> MonthFigures {
        self.figures.received_by_channel = self.by_channel.into_map();
        self.figures.received_by_kind = self.by_kind.into_map();
        self.figures.received_by_licence = self.by_licence.into_map();
        self.figures.forwarded_by_opd = self.by_opd.into_map();
        let mut steps: BTreeMap<String, StepFigure> = BTreeMap::new();
        for (kind, counts) in Kind::ALL.iter().zip(self.steps) {
            let counts = counts.into_map();
            if counts.is_empty() {
                continue;
            }
            for (k, s) in &counts {
                let sum = steps.entry(k.clone()).or_default();
                sum.done += s.done;
                sum.done_within_standard += s.done_within_standard;
            }
            self.figures
                .steps_by_kind
                .insert(kind.id().to_string(), counts);
        }
        self.figures.steps = steps;
        self.to_close.sort_unstable();
        self.figures.median_workdays_to_close = percentile(&self.to_close, 0.5);
        self.figures.p90_workdays_to_close = percentile(&self.to_close, 0.9);
        self.figures
    }
}

/// Consecutive periods (the months of a year, or several years) counted in
/// one pass: each date of a case goes straight to the period holding it, so
/// a case costs the same whatever the number of periods.
#[derive(Debug, Clone)]
pub struct Periods {
    tallies: Vec<Tally>,
}

impl Periods {
    /// `tallies` in order, each starting the day after the one before ends.
    pub fn new(tallies: Vec<Tally>) -> Periods {
        debug_assert!(tallies.windows(2).all(|w| w[0].end < w[1].start));
        Periods { tallies }
    }

    fn at(&mut self, d: NaiveDate) -> Option<&mut Tally> {
        let i = self.tallies.partition_point(|t| t.end < d);
        self.tallies.get_mut(i).filter(|t| t.start <= d)
    }

    pub fn add<S: AsRef<str>>(&mut self, c: &CaseFacts<S>) {
        self.count(c, Sign::Plus);
    }

    /// Takes back out what [`Periods::add`] counted of `c`: with the case's
    /// facts as they were counted, then `add` with its facts now, the
    /// figures are those of counting every case again.
    pub fn remove<S: AsRef<str>>(&mut self, c: &CaseFacts<S>) {
        self.count(c, Sign::Minus);
    }

    fn count<S: AsRef<str>>(&mut self, c: &CaseFacts<S>, sign: Sign) {
        if let Some(t) = self.at(c.received_on) {
            t.count_received(c, sign);
        }
        if let Some((on, Status::Closed)) = c.finished
            && let Some(t) = self.at(on)
        {
            t.count_closed(c, on, sign);
        }
        if let Some((on, opd)) = &c.forwarded
            && let Some(t) = self.at(*on)
        {
            t.count_forwarded(opd.as_ref(), sign);
        }
        for s in &c.steps {
            if let Some(t) = self.at(s.done_on) {
                t.count_step(c.kind, s, sign);
            }
        }
        if let Some((on, answered)) = c.consultation_decision
            && let Some(t) = self.at(on)
        {
            t.count_consultation_decision(answered, sign);
        }
        let first = self.tallies.partition_point(|t| t.end < c.received_on);
        for t in &mut self.tallies[first..] {
            if !t.count_if_open(c, sign) {
                break;
            }
        }
    }

    /// The figures of each period, and of the whole span under `total`.
    pub fn finish(self, total: Option<String>) -> (Vec<MonthFigures>, Option<MonthFigures>) {
        let sum = total.and_then(|label| {
            let mut all = Tally::new(
                self.tallies.first()?.start,
                self.tallies.first()?.start,
                label,
            );
            for t in &self.tallies {
                all.absorb(t);
            }
            Some(all.finish())
        });
        (self.tallies.into_iter().map(Tally::finish).collect(), sum)
    }
}

/// The nearest-rank percentile; the median of an even count is the mean of
/// the middle two.
fn percentile(sorted: &[u32], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if p == 0.5 && n.is_multiple_of(2) {
        return Some(f64::from(sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
    }
    let rank = ((p * n as f64).ceil() as usize).clamp(1, n);
    Some(f64::from(sorted[rank - 1]))
}

#[cfg(test)]
mod tests;
