//! The monthly and yearly recap: facts from the store, figures from the
//! domain, rows for every export.

use serde::Serialize;

use super::{Desk, Result};
use crate::domain::recap::{self, CaseFacts, MonthFigures, Periods, Tally};
use crate::i18n::{self, R, say};

/// What a recap covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Month(i32, u32),
    Year(i32),
    Years(i32, i32),
}

/// An overdue case at the end of the period: never a NIK, phone or address;
/// a name only when the case is neither confidential nor anonymous.
#[derive(Debug, Clone, Serialize)]
pub struct Overdue {
    pub agenda_no: String,
    pub name: Option<String>,
    pub deadline: String,
    /// `no-holiday-list:YYYY` for each year the deadline was counted through without a list.
    pub deadline_flags: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Recap {
    pub office: String,
    pub regency: String,
    /// One column per month (or per year for several years).
    pub periods: Vec<MonthFigures>,
    /// The whole span (for a year or several).
    pub total: Option<MonthFigures>,
    pub overdue: Vec<Overdue>,
    /// `YYYY-MM-DD` when the span has not ended: the figures are as of that day.
    pub as_of: Option<String>,
    /// Each SOP in force with its steps in its own order: the groups, the
    /// order and the words of the recap's step rows.
    #[serde(skip)]
    pub sop_steps: Vec<SopSteps>,
    #[serde(skip)]
    pub span: Span,
    /// The day the recap was made: the date above the signature.
    #[serde(skip)]
    pub made_on: chrono::NaiveDate,
}

/// An SOP's steps as the recap names them, and the kinds of case it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SopSteps {
    pub id: String,
    pub name: String,
    pub kinds: Vec<crate::domain::case::Kind>,
    /// Each step's id and short title, in the SOP's order.
    pub steps: Vec<(String, String)>,
}

impl Desk {
    /// Equal stamps mean nothing was written in between, so a recap would
    /// read the same ([`crate::store::Store::change_stamp`]).
    pub fn change_stamp(&self) -> Option<(i64, u64)> {
        self.store.change_stamp().ok()
    }

    pub fn recap(&self, span: Span) -> Result<Recap> {
        Ok(self.recap_of(&self.recap_count(span)?))
    }

    /// Counts `span` case by case, as of today.
    pub fn recap_count(&self, span: Span) -> Result<RecapCount> {
        let (first, last) = span_bounds(span)?;
        // A span that has not ended is counted as of today.
        let today = self.today();
        let tallies: Vec<Tally> = span_tallies(span, first, last)
            .into_iter()
            .map(|t| t.as_of(today))
            .collect();
        let mut count = RecapCount {
            span,
            first,
            last,
            today,
            periods: Periods::new(tallies),
            overdue: Vec::new(),
            mark: None,
        };
        let mark = self
            .store
            .recap_each_marked(first, last, &mut |c| count.add(c))
            .map_err(|e| self.db_error(e))?;
        count.mark = Some(mark);
        count.sort_overdue();
        Ok(count)
    }

    /// Brings `count` up to date with what was written since it was
    /// counted, taking each changed case's facts as they were back out and
    /// counting them as they are now; counts the span again when the day
    /// moved on, many cases changed, or the projection was derived again.
    /// Returns whether the figures may have changed.
    pub fn recount(&self, count: &mut RecapCount) -> Result<bool> {
        let err = |e| self.db_error(e);
        let changed = match &count.mark {
            Some(mark) if count.today == self.today() => self
                .store
                .changed_since(mark, RECOUNT_AT_MOST)
                .map_err(err)?,
            _ => None,
        };
        let Some(crate::store::Changes { cases, mark: now }) = changed else {
            *count = self.recap_count(count.span)?;
            return Ok(true);
        };
        if cases.is_empty() {
            return Ok(false);
        }
        let mark = count.mark.take().expect("a mark, matched above");
        let project = super::projector(&self.sops, &self.calendar, self.offset);
        for (case_n, events) in cases {
            let before: Vec<_> = events
                .iter()
                .filter(|(desk, e)| mark.holds(*desk, e.seq))
                .map(|(_, e)| e.clone())
                .collect();
            let all: Vec<_> = events.into_iter().map(|(_, e)| e).collect();
            let was = project(&before).map(|(s, _)| s.recap);
            let is = project(&all).map(|(s, _)| s.recap);
            // The stored row says what counting again would read: if this
            // desk's SOP and calendar would not have written it, recount.
            let stored = match &is {
                Some(facts) => self.store.recap_row_holds(case_n, facts).map_err(err)?,
                None => true,
            };
            if !stored {
                *count = self.recap_count(count.span)?;
                return Ok(true);
            }
            if let Some(was) = &was {
                count.remove(was);
            }
            if let Some(is) = &is {
                count.add(is);
            }
        }
        count.mark = Some(now);
        count.sort_overdue();
        Ok(true)
    }

    /// The recap of a count, as every export prints it.
    pub fn recap_of(&self, count: &RecapCount) -> Recap {
        Recap {
            overdue: count.overdue.clone(),
            ..self.figures_of(count)
        }
    }

    /// [`Desk::recap_of`] without the list of overdue cases, which on a
    /// large desk runs to tens of thousands of rows: the Rekap tab shows
    /// the figures and reads its own first page of that list.
    pub fn figures_of(&self, count: &RecapCount) -> Recap {
        let span = count.span;
        let total = (!matches!(span, Span::Month(..))).then(|| say(R::Total).to_string());
        let (periods, total) = count.periods.clone().finish(total);
        Recap {
            office: self.config.office.name.clone(),
            regency: self.config.office.regency.clone(),
            periods,
            total,
            overdue: Vec::new(),
            as_of: (count.today <= count.last).then(|| count.today.to_string()),
            sop_steps: self.sop_steps(),
            span,
            made_on: count.today,
        }
    }

    /// The recap laid out as the office prints it.
    pub fn recap_doc(&self, span: Span) -> Result<super::RecapDoc> {
        Ok(self.recap(span)?.doc(&self.config))
    }

    /// Every SOP in force that some kind of case follows, with its steps.
    fn sop_steps(&self) -> Vec<SopSteps> {
        use crate::domain::case::Kind;
        self.sops
            .sops
            .iter()
            .filter_map(|sop| {
                let kinds: Vec<Kind> = Kind::ALL
                    .into_iter()
                    .filter(|k| self.sops.for_kind(*k).id == sop.id)
                    .collect();
                (!kinds.is_empty()).then(|| SopSteps {
                    id: sop.id.clone(),
                    name: sop.name.clone(),
                    kinds,
                    steps: sop
                        .steps
                        .iter()
                        .map(|s| (s.id.clone(), s.short_title().to_string()))
                        .collect(),
                })
            })
            .collect()
    }
}

/// The most changed cases [`Desk::recount`] takes one by one; past it,
/// reading the span again is as quick.
const RECOUNT_AT_MOST: usize = 500;

/// A recap's counts, kept so that after a save only the changed cases are
/// counted again ([`Desk::recount`]).
#[derive(Debug, Clone)]
pub struct RecapCount {
    span: Span,
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
    today: chrono::NaiveDate,
    periods: Periods,
    /// Cases past their deadline at the span's end (or today), in the order shown.
    overdue: Vec<Overdue>,
    mark: Option<crate::store::LogMark>,
}

impl RecapCount {
    pub fn span(&self) -> Span {
        self.span
    }

    fn open_on(&self) -> chrono::NaiveDate {
        self.last.min(self.today)
    }

    fn add<S: AsRef<str>>(&mut self, c: &CaseFacts<S>) {
        if !c.counts_in(self.first, self.last) {
            return;
        }
        self.periods.add(c);
        if c.overdue_at(self.open_on()) {
            self.overdue.push(Overdue {
                agenda_no: c.agenda_no.as_ref().to_string(),
                name: c.shown_name.as_ref().map(|n| n.as_ref().to_string()),
                deadline: c.deadline.to_string(),
                deadline_flags: super::cases::deadline_flags(&c.unlisted_years),
            });
        }
    }

    fn remove(&mut self, c: &CaseFacts) {
        if !c.counts_in(self.first, self.last) {
            return;
        }
        self.periods.remove(c);
        self.overdue.retain(|o| o.agenda_no != c.agenda_no);
    }

    fn sort_overdue(&mut self) {
        self.overdue.sort_by(|a, b| {
            a.deadline
                .cmp(&b.deadline)
                .then(a.agenda_no.cmp(&b.agenda_no))
        });
    }
}

fn span_bounds(span: Span) -> Result<(chrono::NaiveDate, chrono::NaiveDate)> {
    Ok(match span {
        Span::Month(y, m) => {
            recap::month_bounds(y, m).ok_or_else(|| i18n::Msg::BadMonth(format!("{y}-{m}")))?
        }
        Span::Year(y) => year_bounds(y),
        Span::Years(a, b) => (year_bounds(a.min(b)).0, year_bounds(a.max(b)).1),
    })
}

/// One tally per month of a month or a year, or per year of several.
fn span_tallies(span: Span, first: chrono::NaiveDate, last: chrono::NaiveDate) -> Vec<Tally> {
    match span {
        Span::Month(y, m) => vec![Tally::new(first, last, format!("{y:04}-{m:02}"))],
        Span::Year(y) => (1..=12)
            .filter_map(|m| {
                recap::month_bounds(y, m).map(|(s, e)| Tally::new(s, e, format!("{y:04}-{m:02}")))
            })
            .collect(),
        Span::Years(a, b) => (a.min(b)..=a.max(b))
            .map(|y| {
                let (s, e) = year_bounds(y);
                Tally::new(s, e, y.to_string())
            })
            .collect(),
    }
}

fn year_bounds(y: i32) -> (chrono::NaiveDate, chrono::NaiveDate) {
    (
        recap::month_bounds(y, 1).expect("January").0,
        recap::month_bounds(y, 12).expect("December").1,
    )
}

impl Recap {
    /// Column titles: the periods, then the total; a period not yet ended
    /// says the day it is counted as of (the heading says it for the total).
    pub fn titles(&self) -> Vec<String> {
        let total = self.total.as_ref().map(|t| i18n::period_label(&t.month));
        self.periods
            .iter()
            .map(|p| match as_of_day(p) {
                Some(day) => format!(
                    "{} ({})",
                    i18n::period_label(&p.month),
                    i18n::as_of_label(day)
                ),
                None => i18n::period_label(&p.month),
            })
            .chain(total)
            .collect()
    }

    /// "per 1 Desember 2026" when the recap's span has not ended.
    pub fn as_of_text(&self) -> Option<String> {
        let day = self.as_of.as_deref()?;
        chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .ok()
            .map(i18n::as_of_label)
    }
}

impl Overdue {
    /// The deadline, and when it was counted without a holiday list, so.
    pub fn deadline_text(&self) -> String {
        if self.deadline_flags.is_empty() {
            self.deadline.clone()
        } else {
            format!(
                "{} ({})",
                self.deadline,
                i18n::deadline_note(&self.deadline_flags)
            )
        }
    }
}

fn as_of_day(p: &MonthFigures) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(p.as_of.as_deref()?, "%Y-%m-%d").ok()
}

impl Recap {
    /// The JSON of a period: a period not yet begun is its name and `begun: false`.
    pub fn period_json(p: &MonthFigures) -> serde_json::Value {
        if p.begun {
            serde_json::to_value(p).expect("figures serialise")
        } else {
            serde_json::json!({ "month": p.month, "begun": false })
        }
    }
}
