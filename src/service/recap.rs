//! The monthly and yearly recap: facts from the store, figures from the
//! domain, rows for every export.

use serde::Serialize;

use super::{Desk, Result};
use crate::domain::recap::{self, MonthFigures, Periods, Tally};
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
}

impl Desk {
    pub fn recap(&self, span: Span) -> Result<Recap> {
        let (first, last) = match span {
            Span::Month(y, m) => {
                recap::month_bounds(y, m).ok_or_else(|| i18n::Msg::BadMonth(format!("{y}-{m}")))?
            }
            Span::Year(y) => year_bounds(y),
            Span::Years(a, b) => (year_bounds(a.min(b)).0, year_bounds(a.max(b)).1),
        };
        let tallies: Vec<Tally> = match span {
            Span::Month(y, m) => vec![Tally::new(first, last, format!("{y:04}-{m:02}"))],
            Span::Year(y) => (1..=12)
                .filter_map(|m| {
                    recap::month_bounds(y, m)
                        .map(|(s, e)| Tally::new(s, e, format!("{y:04}-{m:02}")))
                })
                .collect(),
            Span::Years(a, b) => (a.min(b)..=a.max(b))
                .map(|y| {
                    let (s, e) = year_bounds(y);
                    Tally::new(s, e, y.to_string())
                })
                .collect(),
        };
        let mut periods = Periods::new(tallies);
        let mut overdue = Vec::new();
        self.store
            .recap_each(first, last, &mut |c| {
                periods.add(c);
                if c.overdue_at(last) {
                    overdue.push(Overdue {
                        agenda_no: c.agenda_no.to_string(),
                        name: c.shown_name.map(str::to_string),
                        deadline: c.deadline.to_string(),
                    });
                }
            })
            .map_err(|e| self.db_error(e))?;
        overdue.sort_by(|a, b| {
            a.deadline
                .cmp(&b.deadline)
                .then(a.agenda_no.cmp(&b.agenda_no))
        });
        let total = (!matches!(span, Span::Month(..))).then(|| say(R::Total).to_string());
        let (periods, total) = periods.finish(total);
        Ok(Recap {
            office: self.config.office.name.clone(),
            regency: self.config.office.regency.clone(),
            periods,
            total,
            overdue,
        })
    }
}

fn year_bounds(y: i32) -> (chrono::NaiveDate, chrono::NaiveDate) {
    (
        recap::month_bounds(y, 1).expect("January").0,
        recap::month_bounds(y, 12).expect("December").1,
    )
}

impl Recap {
    /// The figures as rows (label, one value per column, total last), the
    /// shape every table export shares.
    pub fn rows(&self) -> Vec<(String, Vec<String>)> {
        let columns: Vec<&MonthFigures> = self.periods.iter().chain(self.total.as_ref()).collect();
        let mut rows = Vec::new();
        let mut count = |label: String, get: &dyn Fn(&MonthFigures) -> u64| {
            rows.push((
                label,
                columns
                    .iter()
                    .map(|c| get(c).to_string())
                    .collect::<Vec<_>>(),
            ));
        };
        count(say(R::Received).into(), &|c| c.received);
        for key in keys(&columns, |c| {
            c.received_by_channel.keys().cloned().collect()
        }) {
            let label = crate::domain::case::Channel::parse(&key)
                .map_or(key.clone(), |ch| i18n::channel_label(ch).into());
            count(format!("  {label}"), &|c| {
                c.received_by_channel.get(&key).copied().unwrap_or(0)
            });
        }
        for key in keys(&columns, |c| c.received_by_kind.keys().cloned().collect()) {
            let label = crate::domain::case::Kind::parse(&key)
                .map_or(key.clone(), |k| i18n::kind_label(k).into());
            count(format!("  {label}"), &|c| {
                c.received_by_kind.get(&key).copied().unwrap_or(0)
            });
        }
        for key in keys(&columns, |c| {
            c.received_by_licence.keys().cloned().collect()
        }) {
            count(format!("  {key}"), &|c| {
                c.received_by_licence.get(&key).copied().unwrap_or(0)
            });
        }
        count(say(R::Closed).into(), &|c| c.closed);
        count(format!("  {}", say(R::ClosedOnTime)), &|c| c.closed_on_time);
        count(say(R::Forwarded).into(), &|c| c.forwarded);
        for key in keys(&columns, |c| c.forwarded_by_opd.keys().cloned().collect()) {
            count(format!("  {key}"), &|c| {
                c.forwarded_by_opd.get(&key).copied().unwrap_or(0)
            });
        }
        count(say(R::OpenAtEnd).into(), &|c| c.open_at_end);
        count(format!("  {}", say(R::OverdueAtEnd)), &|c| c.overdue_at_end);
        count(say(R::ConsultationsReceived).into(), &|c| {
            c.consultations.received
        });
        count(format!("  {}", say(R::AnsweredDirectly)), &|c| {
            c.consultations.answered_directly
        });
        count(format!("  {}", say(R::EscalatedBkpm)), &|c| {
            c.consultations.escalated
        });
        let days = |v: Option<f64>| v.map_or("-".to_string(), |d| format!("{d:.1}"));
        rows.push((
            say(R::MedianDays).into(),
            columns
                .iter()
                .map(|c| days(c.median_workdays_to_close))
                .collect(),
        ));
        rows.push((
            say(R::P90Days).into(),
            columns
                .iter()
                .map(|c| days(c.p90_workdays_to_close))
                .collect(),
        ));
        for key in keys(&columns, |c| c.steps.keys().cloned().collect()) {
            let cell = |c: &&MonthFigures| {
                c.steps.get(&key).map_or("0".to_string(), |s| {
                    format!("{}/{}", s.done_within_standard, s.done)
                })
            };
            rows.push((
                format!("{} {key}", say(R::StepWithinDone)),
                columns.iter().map(cell).collect(),
            ));
        }
        rows
    }

    /// Column titles: the periods, then the total.
    pub fn titles(&self) -> Vec<String> {
        self.periods
            .iter()
            .chain(self.total.as_ref())
            .map(|p| i18n::period_label(&p.month))
            .collect()
    }
}

/// Every key any column has, in order.
fn keys(columns: &[&MonthFigures], of: impl Fn(&MonthFigures) -> Vec<String>) -> Vec<String> {
    let mut all: Vec<String> = columns.iter().flat_map(|c| of(c)).collect();
    all.sort();
    all.dedup();
    all
}
