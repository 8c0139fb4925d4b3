//! The recap laid out as an office prints it: title lines, letterhead,
//! columns, sections of labelled rows, the overdue list and the signature
//! block. Every export (CSV, Markdown, XLSX, and a PDF template fed its
//! JSON) draws this one model, so they show the same rows with the same words.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::recap::{Recap, Span};
use crate::config::Config;
use crate::domain::recap::MonthFigures;
use crate::i18n::recap::{self as words, Rp, rp};
use crate::i18n::{self, R, say};

mod sections;
#[cfg(test)]
mod tests;

use sections::Sections;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecapDoc {
    /// The title as the office writes it, line by line.
    pub title: Vec<String>,
    /// "Keadaan per 1 Desember 2026" when the span has not ended.
    pub as_of: Option<String>,
    pub office: RecapOffice,
    /// The heading of the row-label column ("Uraian").
    pub label_heading: String,
    pub columns: Vec<RecapColumn>,
    pub sections: Vec<RecapSection>,
    pub overdue: RecapOverdue,
    pub signature: RecapSignature,
    /// "Halaman {page} dari {pages}": the footer of every page.
    pub page_footer: String,
}

/// The letterhead (kop): the fields, and the lines as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecapOffice {
    pub name: String,
    pub regency: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// "PEMERINTAH KABUPATEN SITUBONDO", the office's name in capitals,
    /// address and phone, e-mail; empty parts left out.
    pub letterhead: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecapColumn {
    /// `2026-10`, `2026`, or `total`.
    pub key: String,
    /// What the printed table heads the column with ("Okt", "2026", "Jumlah").
    pub title: String,
    /// The full name ("Oktober 2026 (per 1 Desember 2026)").
    pub full_title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecapSection {
    /// What the section counts, whatever the language: `received`,
    /// `channels`, `licences`, `handling`, `forwarded`, `consultations`,
    /// `steps:<sop id>`.
    pub key: String,
    /// "A. Penerimaan".
    pub heading: String,
    pub rows: Vec<RecapRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecapRow {
    pub label: String,
    /// 0 for a main row, 1 for a row under it.
    pub indent: u8,
    /// A main figure, printed bold.
    pub strong: bool,
    /// One per column.
    pub cells: Vec<RecapCell>,
}

/// One figure. Serialised as `{"kind": "count", "value": 12, "text": "12"}`;
/// a rate also carries its `part` and `whole`.
#[derive(Debug, Clone, PartialEq)]
pub enum RecapCell {
    Count(u64),
    /// `part` of `whole`, shown as a percentage.
    Rate {
        part: u64,
        whole: u64,
    },
    /// Working days, one decimal.
    Days(f64),
    Text(String),
    /// A period not yet begun: no figure, not a zero.
    Empty,
}

impl RecapCell {
    /// The fraction 0..1 of a rate.
    pub fn fraction(&self) -> Option<f64> {
        match self {
            RecapCell::Rate { part, whole } if *whole > 0 => Some(*part as f64 / *whole as f64),
            _ => None,
        }
    }

    /// The cell as text: `12`, `95%`, `2.5`, or empty.
    pub fn text(&self) -> String {
        match self {
            RecapCell::Count(n) => n.to_string(),
            RecapCell::Rate { .. } => self
                .fraction()
                .map_or_else(String::new, |f| format!("{:.0}%", f * 100.0)),
            RecapCell::Days(d) => format!("{d:.1}"),
            RecapCell::Text(t) => t.clone(),
            RecapCell::Empty => String::new(),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            RecapCell::Count(_) => "count",
            RecapCell::Rate { .. } => "rate",
            RecapCell::Days(_) => "days",
            RecapCell::Text(_) => "text",
            RecapCell::Empty => "empty",
        }
    }
}

impl Serialize for RecapCell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.kind())?;
        match self {
            RecapCell::Count(n) => map.serialize_entry("value", n)?,
            RecapCell::Rate { part, whole } => {
                map.serialize_entry("value", &self.fraction())?;
                map.serialize_entry("part", part)?;
                map.serialize_entry("whole", whole)?;
            }
            RecapCell::Days(d) => map.serialize_entry("value", d)?,
            RecapCell::Text(t) => map.serialize_entry("value", t)?,
            RecapCell::Empty => {}
        }
        map.serialize_entry("text", &self.text())?;
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecapOverdue {
    pub heading: String,
    /// No, agenda number, name, deadline.
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The block the Kadis signs under: place and date, "Mengetahui,", the
/// title, room to sign, the name, the rank and the NIP line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecapSignature {
    /// "Situbondo, 1 Desember 2026".
    pub place_date: String,
    /// "Mengetahui,".
    pub mengetahui: String,
    pub title: String,
    pub name: String,
    /// May be empty.
    pub rank: String,
    /// "NIP. 1970…"; empty when the configuration names none.
    pub nip: String,
}

impl Recap {
    /// The recap laid out for print, with the office's letterhead and
    /// signatory from `config`.
    pub fn doc(&self, config: &Config) -> RecapDoc {
        let columns: Vec<&MonthFigures> = self.periods.iter().chain(self.total.as_ref()).collect();
        let sections = Sections {
            columns: &columns,
            sops: &self.sop_steps,
        }
        .all();
        RecapDoc {
            title: self.title_lines(),
            as_of: self
                .as_of
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map(words::state_as_of),
            office: office(config),
            label_heading: rp(Rp::Description).to_string(),
            columns: self.doc_columns(),
            sections,
            overdue: self.overdue_table(),
            signature: self.signature(config),
            page_footer: words::page_footer().to_string(),
        }
    }

    fn title_lines(&self) -> Vec<String> {
        let first = match self.span {
            Span::Month(y, m) => words::month_title(y, m),
            Span::Year(y) => words::year_title(y),
            Span::Years(a, b) => words::years_title(a.min(b), a.max(b)),
        };
        let office = format!("{} {}", self.office, self.regency).to_uppercase();
        vec![first, office.trim().to_string()]
    }

    fn doc_columns(&self) -> Vec<RecapColumn> {
        let full = self.titles();
        let periods = self.periods.iter().map(|p| {
            let title = match (self.span, p.month.split_once('-')) {
                (Span::Year(_), Some((_, m))) => m
                    .parse()
                    .map_or(p.month.clone(), |m| words::month_short(m).to_string()),
                _ => i18n::period_label(&p.month),
            };
            (p.month.clone(), title)
        });
        let total = self
            .total
            .as_ref()
            .map(|t| ("total".to_string(), i18n::period_label(&t.month)));
        periods
            .chain(total)
            .zip(full)
            .map(|((key, title), full_title)| RecapColumn {
                key,
                title,
                full_title,
            })
            .collect()
    }

    fn overdue_table(&self) -> RecapOverdue {
        RecapOverdue {
            heading: say(R::OverdueList).to_string(),
            columns: [
                say(R::Number),
                say(R::AgendaNo),
                say(R::Name),
                say(R::DeadlineWord),
            ]
            .map(str::to_string)
            .to_vec(),
            rows: self
                .overdue
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    vec![
                        (i + 1).to_string(),
                        o.agenda_no.clone(),
                        o.name.clone().unwrap_or_else(|| "-".into()),
                        o.deadline_text(),
                    ]
                })
                .collect(),
        }
    }

    fn signature(&self, config: &Config) -> RecapSignature {
        let kadis = config
            .signatory("kadis")
            .unwrap_or_else(|| crate::config::Signatory {
                role: "kadis".into(),
                title: String::new(),
                name: config.office.head_name.clone(),
                nip: config.office.head_nip.clone(),
                rank: config.office.head_rank.clone(),
            });
        let place = if config.office.place.trim().is_empty() {
            &config.office.regency
        } else {
            &config.office.place
        };
        RecapSignature {
            place_date: words::place_date(place, self.made_on),
            mengetahui: rp(Rp::Acknowledged).to_string(),
            title: kadis.title,
            name: kadis.name,
            rank: kadis.rank,
            nip: if kadis.nip.trim().is_empty() {
                String::new()
            } else {
                words::nip_line(kadis.nip.trim())
            },
        }
    }
}

fn office(config: &Config) -> RecapOffice {
    let o = &config.office;
    let mut letterhead = Vec::new();
    if !o.regency.trim().is_empty() {
        letterhead.push(words::government_line(o.regency.trim()));
    }
    letterhead.push(o.name.trim().to_uppercase());
    let phone =
        (!o.phone.trim().is_empty()).then(|| format!("{} {}", rp(Rp::Phone), o.phone.trim()));
    let contact: Vec<String> = [Some(o.address.trim().to_string()), phone]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    if !contact.is_empty() {
        letterhead.push(contact.join("  "));
    }
    if !o.email.trim().is_empty() {
        letterhead.push(format!("{} {}", rp(Rp::Email), o.email.trim()));
    }
    RecapOffice {
        name: o.name.clone(),
        regency: o.regency.clone(),
        address: o.address.clone(),
        phone: o.phone.clone(),
        email: o.email.clone(),
        letterhead,
    }
}
