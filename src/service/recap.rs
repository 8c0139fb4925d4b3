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
    /// Each SOP step's id and short title, SOP by SOP in each one's own
    /// order: the order and the words of the recap's step rows.
    #[serde(skip)]
    pub step_order: Vec<(String, String)>,
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
        // A span that has not ended is counted as of today.
        let today = self.today();
        let tallies: Vec<Tally> = tallies.into_iter().map(|t| t.as_of(today)).collect();
        let open_on = last.min(today);
        let as_of = (today <= last).then(|| today.to_string());
        let mut periods = Periods::new(tallies);
        let mut overdue = Vec::new();
        self.store
            .recap_each(first, last, &mut |c| {
                periods.add(c);
                if c.overdue_at(open_on) {
                    overdue.push(Overdue {
                        agenda_no: c.agenda_no.to_string(),
                        name: c.shown_name.map(str::to_string),
                        deadline: c.deadline.to_string(),
                        deadline_flags: super::cases::deadline_flags(&c.unlisted_years),
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
            as_of,
            step_order: self.step_order(),
        })
    }

    /// Every loaded SOP's steps in the SOP's order. A step id two SOPs share
    /// is named once, by the first SOP that has it: the recap counts steps
    /// by id.
    fn step_order(&self) -> Vec<(String, String)> {
        let mut order: Vec<(String, String)> = Vec::new();
        for sop in &self.sops.sops {
            for step in &sop.steps {
                if !order.iter().any(|(id, _)| *id == step.id) {
                    order.push((step.id.clone(), step.short_title().to_string()));
                }
            }
        }
        order
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
        // A period not yet begun has empty cells, not zeros.
        let cell = |c: &MonthFigures, text: String| if c.begun { text } else { String::new() };
        let mut count = |label: String, get: &dyn Fn(&MonthFigures) -> u64| {
            rows.push((
                label,
                columns
                    .iter()
                    .map(|c| cell(c, get(c).to_string()))
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
                .map(|c| cell(c, days(c.median_workdays_to_close)))
                .collect(),
        ));
        rows.push((
            say(R::P90Days).into(),
            columns
                .iter()
                .map(|c| cell(c, days(c.p90_workdays_to_close)))
                .collect(),
        ));
        for (key, title) in self.step_rows(&columns) {
            let cell = |c: &&MonthFigures| {
                cell(
                    c,
                    c.steps.get(&key).map_or("0".to_string(), |s| {
                        format!("{}/{}", s.done_within_standard, s.done)
                    }),
                )
            };
            rows.push((
                format!("{} {title}", say(R::StepWithinDone)),
                columns.iter().map(cell).collect(),
            ));
        }
        rows
    }

    /// The steps any column counts, as (id, title): in the SOPs' order,
    /// then any step no SOP in force knows, by its id.
    fn step_rows(&self, columns: &[&MonthFigures]) -> Vec<(String, String)> {
        let counted = keys(columns, |c| c.steps.keys().cloned().collect());
        let mut rows: Vec<(String, String)> = self
            .step_order
            .iter()
            .filter(|(id, _)| counted.contains(id))
            .cloned()
            .collect();
        for id in counted {
            if !rows.iter().any(|(known, _)| *known == id) {
                rows.push((id.clone(), id));
            }
        }
        rows
    }

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

/// Every key any column has, in order.
fn keys(columns: &[&MonthFigures], of: impl Fn(&MonthFigures) -> Vec<String>) -> Vec<String> {
    let mut all: Vec<String> = columns.iter().flat_map(|c| of(c)).collect();
    all.sort();
    all.dedup();
    all
}
