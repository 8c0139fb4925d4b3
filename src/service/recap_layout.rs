//! The recap laid out as an office prints it: title lines, letterhead,
//! columns, sections of labelled rows, the overdue list and the signature
//! block. Every export (CSV, Markdown, XLSX, and a PDF template fed its
//! JSON) draws this one model, so they show the same rows with the same words.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::recap::{Recap, SopSteps, Span};
use crate::config::Config;
use crate::domain::case::{Channel, Kind};
use crate::domain::recap::{MonthFigures, StepFigure};
use crate::i18n::recap::{self as words, Rp, rp};
use crate::i18n::{self, R, say};

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

/// The sections of figures over the columns (periods, then the total).
struct Sections<'a> {
    columns: &'a [&'a MonthFigures],
    sops: &'a [SopSteps],
}

impl Sections<'_> {
    fn all(&self) -> Vec<RecapSection> {
        let part = |key: &str, heading: &str, rows| (key.to_string(), heading.to_string(), rows);
        let mut parts: Vec<(String, String, Vec<RecapRow>)> = vec![
            part("received", rp(Rp::SectionReceived), self.received()),
            part("channels", rp(Rp::SectionChannels), self.channels()),
            part("licences", rp(Rp::SectionLicences), self.licences()),
            part("handling", rp(Rp::SectionHandling), self.handling()),
            part("forwarded", rp(Rp::SectionForwarded), self.forwarded()),
            part(
                "consultations",
                rp(Rp::SectionConsultations),
                self.consultations(),
            ),
        ];
        for sop in self.sops {
            parts.push((
                format!("steps:{}", sop.id),
                words::steps_heading(&sop.name),
                self.steps(sop),
            ));
        }
        parts
            .into_iter()
            .filter(|(_, _, rows)| !rows.is_empty())
            .enumerate()
            .map(|(i, (key, heading, rows))| RecapSection {
                key,
                heading: format!("{}. {heading}", section_letter(i)),
                rows,
            })
            .collect()
    }

    /// A row of one cell per column; a period not yet begun has empty cells.
    fn row(
        &self,
        label: impl Into<String>,
        indent: u8,
        cell: impl Fn(&MonthFigures) -> RecapCell,
    ) -> RecapRow {
        RecapRow {
            label: label.into(),
            indent,
            strong: indent == 0,
            cells: self
                .columns
                .iter()
                .map(|c| if c.begun { cell(c) } else { RecapCell::Empty })
                .collect(),
        }
    }

    fn received(&self) -> Vec<RecapRow> {
        let kind = |k: Kind| move |c: &MonthFigures| count_of(&c.received_by_kind, k.id());
        vec![
            self.row(rp(Rp::ComplaintsReceived), 0, kind(Kind::Pengaduan)),
            self.row(rp(Rp::AspirationsReceived), 0, kind(Kind::Aspirasi)),
            self.row(rp(Rp::ConsultationsReceived), 0, kind(Kind::Konsultasi)),
            self.row(rp(Rp::AllReceived), 0, |c| RecapCell::Count(c.received)),
        ]
    }

    fn channels(&self) -> Vec<RecapRow> {
        let counted = self.keys(|c| c.received_by_channel.keys().cloned().collect());
        // The office's order of channels, then any no longer known.
        let mut ordered: Vec<(String, String)> = Channel::ALL
            .iter()
            .filter(|ch| counted.iter().any(|k| k == ch.id()))
            .map(|ch| (ch.id().to_string(), i18n::channel_label(*ch).to_string()))
            .collect();
        for key in counted {
            if Channel::parse(&key).is_none() {
                ordered.push((key.clone(), key));
            }
        }
        ordered
            .into_iter()
            .map(|(key, label)| self.row(label, 1, |c| count_of(&c.received_by_channel, &key)))
            .collect()
    }

    fn licences(&self) -> Vec<RecapRow> {
        self.keys(|c| c.received_by_licence.keys().cloned().collect())
            .into_iter()
            .map(|key| self.row(key.clone(), 1, |c| count_of(&c.received_by_licence, &key)))
            .collect()
    }

    fn handling(&self) -> Vec<RecapRow> {
        let days = |v: Option<f64>| v.map_or(RecapCell::Text("-".into()), RecapCell::Days);
        vec![
            self.row(rp(Rp::ClosedAll), 0, |c| RecapCell::Count(c.closed)),
            self.row(say(R::ClosedOnTime), 1, |c| {
                RecapCell::Count(c.closed_on_time)
            }),
            self.row(rp(Rp::OnTimeShare), 1, |c| rate(c.closed_on_time, c.closed)),
            self.row(lower_first(say(R::MedianDays)), 1, |c| {
                days(c.median_workdays_to_close)
            }),
            self.row(lower_first(say(R::P90Days)), 1, |c| {
                days(c.p90_workdays_to_close)
            }),
            self.row(say(R::Forwarded), 0, |c| RecapCell::Count(c.forwarded)),
            self.row(say(R::OpenAtEnd), 0, |c| RecapCell::Count(c.open_at_end)),
            self.row(say(R::OverdueAtEnd), 1, |c| {
                RecapCell::Count(c.overdue_at_end)
            }),
        ]
    }

    fn forwarded(&self) -> Vec<RecapRow> {
        self.keys(|c| c.forwarded_by_opd.keys().cloned().collect())
            .into_iter()
            .map(|key| self.row(key.clone(), 1, |c| count_of(&c.forwarded_by_opd, &key)))
            .collect()
    }

    fn consultations(&self) -> Vec<RecapRow> {
        if self.columns.iter().all(|c| c.consultations.received == 0) {
            return Vec::new();
        }
        vec![
            self.row(rp(Rp::ConsultationsReceived), 0, |c| {
                RecapCell::Count(c.consultations.received)
            }),
            self.row(say(R::AnsweredDirectly), 1, |c| {
                RecapCell::Count(c.consultations.answered_directly)
            }),
            self.row(say(R::EscalatedBkpm), 1, |c| {
                RecapCell::Count(c.consultations.escalated)
            }),
        ]
    }

    /// An SOP's steps, in its order, that any column counts: the share done
    /// within the standard; then steps the SOP no longer has, by id.
    fn steps(&self, sop: &SopSteps) -> Vec<RecapRow> {
        let figure = |c: &MonthFigures, id: &str| -> StepFigure {
            let mut sum = StepFigure::default();
            for kind in &sop.kinds {
                if let Some(f) = c.steps_by_kind.get(kind.id()).and_then(|s| s.get(id)) {
                    sum.done += f.done;
                    sum.done_within_standard += f.done_within_standard;
                }
            }
            sum
        };
        let counted = self.keys(|c| {
            sop.kinds
                .iter()
                .filter_map(|k| c.steps_by_kind.get(k.id()))
                .flat_map(|s| s.keys().cloned())
                .collect()
        });
        let mut rows: Vec<(String, String)> = sop
            .steps
            .iter()
            .filter(|(id, _)| counted.contains(id))
            .cloned()
            .collect();
        for id in counted {
            if !rows.iter().any(|(known, _)| *known == id) {
                rows.push((id.clone(), id));
            }
        }
        rows.into_iter()
            .map(|(id, title)| {
                let mut row = self.row(title, 1, |c| {
                    let f = figure(c, &id);
                    if f.done == 0 {
                        RecapCell::Text(rp(Rp::NoStepsDone).into())
                    } else {
                        rate(f.done_within_standard, f.done)
                    }
                });
                row.strong = false;
                row
            })
            .collect()
    }

    /// Every key any column has, in order.
    fn keys(&self, of: impl Fn(&MonthFigures) -> Vec<String>) -> Vec<String> {
        let mut all: Vec<String> = self.columns.iter().flat_map(|c| of(c)).collect();
        all.sort();
        all.dedup();
        all
    }
}

fn count_of(map: &std::collections::BTreeMap<String, u64>, key: &str) -> RecapCell {
    RecapCell::Count(map.get(key).copied().unwrap_or(0))
}

fn rate(part: u64, whole: u64) -> RecapCell {
    if whole == 0 {
        RecapCell::Text("-".into())
    } else {
        RecapCell::Rate { part, whole }
    }
}

fn section_letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

/// "Median hari kerja" as a row under a heading: "median hari kerja".
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn figures(month: &str) -> MonthFigures {
        MonthFigures {
            month: month.into(),
            begun: true,
            ..MonthFigures::default()
        }
    }

    fn step(done: u64, within: u64) -> StepFigure {
        StepFigure {
            done,
            done_within_standard: within,
        }
    }

    /// October 2026 counted, November not yet begun; two SOPs that share a
    /// step id.
    fn recap() -> Recap {
        let mut oct = figures("2026-10");
        oct.received = 3;
        oct.received_by_kind = BTreeMap::from([("pengaduan".into(), 2), ("konsultasi".into(), 1)]);
        oct.closed = 4;
        oct.closed_on_time = 3;
        oct.steps_by_kind = BTreeMap::from([
            (
                "pengaduan".to_string(),
                BTreeMap::from([
                    ("terima".to_string(), step(2, 2)),
                    ("jawab".into(), step(4, 3)),
                ]),
            ),
            (
                "konsultasi".to_string(),
                BTreeMap::from([("terima".to_string(), step(1, 0))]),
            ),
        ]);
        let mut nov = figures("2026-11");
        nov.begun = false;
        let sop = |id: &str, kind, steps: &[&str]| SopSteps {
            id: id.into(),
            name: format!("SOP {id}"),
            kinds: vec![kind],
            steps: steps
                .iter()
                .map(|s| (s.to_string(), format!("Langkah {s}")))
                .collect(),
        };
        Recap {
            office: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu".into(),
            regency: "Kabupaten Situbondo".into(),
            periods: vec![oct, nov],
            total: None,
            overdue: Vec::new(),
            as_of: None,
            sop_steps: vec![
                sop("aduan", Kind::Pengaduan, &["terima", "jawab"]),
                sop("konsul", Kind::Konsultasi, &["terima"]),
            ],
            span: Span::Year(2026),
            made_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        }
    }

    fn row<'a>(doc: &'a RecapDoc, section: &str, label: &str) -> &'a RecapRow {
        doc.sections
            .iter()
            .find(|s| s.key == section)
            .and_then(|s| s.rows.iter().find(|r| r.label == label))
            .unwrap_or_else(|| panic!("no row {label} in {section}"))
    }

    #[test]
    fn a_consultation_is_not_a_complaint_received() {
        let doc = recap().doc(&Config::default());
        let cells = |label| row(&doc, "received", label).cells.clone();
        assert_eq!(cells("Pengaduan diterima")[0], RecapCell::Count(2));
        assert_eq!(cells("Konsultasi diterima")[0], RecapCell::Count(1));
        assert_eq!(cells("Aspirasi/saran diterima")[0], RecapCell::Count(0));
        assert_eq!(
            cells("Jumlah diterima (semua jenis)")[0],
            RecapCell::Count(3)
        );
        // A month not yet begun has no figures, not zeros.
        assert_eq!(cells("Pengaduan diterima")[1], RecapCell::Empty);
    }

    #[test]
    fn steps_are_grouped_per_sop_in_its_order_as_rates() {
        let doc = recap().doc(&Config::default());
        let headings: Vec<&str> = doc.sections.iter().map(|s| s.heading.as_str()).collect();
        assert!(
            headings.contains(&"C. Ketepatan waktu langkah: SOP aduan"),
            "{headings:?}"
        );
        assert!(
            headings.contains(&"D. Ketepatan waktu langkah: SOP konsul"),
            "{headings:?}"
        );
        let aduan = doc
            .sections
            .iter()
            .find(|s| s.key == "steps:aduan")
            .unwrap();
        let labels: Vec<&str> = aduan.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Langkah terima", "Langkah jawab"]);
        // The shared step id is counted under each SOP apart.
        assert_eq!(
            aduan.rows[0].cells[0],
            RecapCell::Rate { part: 2, whole: 2 }
        );
        assert_eq!(aduan.rows[1].cells[0].fraction(), Some(0.75));
        let konsul = &row(&doc, "steps:konsul", "Langkah terima").cells[0];
        assert_eq!(konsul.text(), "0%");
        assert_eq!(
            row(&doc, "handling", "persentase tepat waktu").cells[0].text(),
            "75%"
        );
    }

    #[test]
    fn the_title_letterhead_and_signature_are_as_the_office_writes_them() {
        let mut config = Config::default();
        config.office.head_name = "Drs. Budi Santoso".into();
        config.office.head_nip = "19700101 199003 1 007".into();
        config.office.head_rank = "Pembina Utama Muda (IV/c)".into();
        let doc = recap().doc(&config);
        assert_eq!(
            doc.title,
            [
                "REKAPITULASI JUMLAH PENGADUAN TH. 2026",
                "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KABUPATEN SITUBONDO"
            ]
        );
        assert_eq!(doc.office.letterhead[0], "PEMERINTAH KABUPATEN SITUBONDO");
        assert!(doc.office.letterhead[2].contains("Telp. (0338) 000000"));
        let columns: Vec<&str> = doc.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(columns, ["Okt", "Nov"]);
        let s = &doc.signature;
        assert_eq!(s.place_date, "Situbondo, 1 Desember 2026");
        assert_eq!(s.mengetahui, "Mengetahui,");
        assert!(
            s.title.starts_with("Kepala Dinas Penanaman Modal"),
            "{}",
            s.title
        );
        assert_eq!(s.name, "Drs. Budi Santoso");
        assert_eq!(s.nip, "NIP. 19700101 199003 1 007");
        let mut month = recap();
        month.span = Span::Month(2026, 12);
        assert_eq!(
            month.doc(&config).title[0],
            "REKAPITULASI PENGADUAN BULAN DESEMBER 2026"
        );
        month.span = Span::Years(2026, 2025);
        assert_eq!(
            month.doc(&config).title[0],
            "REKAPITULASI JUMLAH PENGADUAN TH. 2025 S.D 2026"
        );
    }

    #[test]
    fn a_cell_serialises_with_its_kind_and_text() {
        let rate = serde_json::to_value(RecapCell::Rate {
            part: 19,
            whole: 20,
        })
        .unwrap();
        assert_eq!(rate["kind"], "rate");
        assert_eq!(rate["value"], 0.95);
        assert_eq!(rate["text"], "95%");
        let count = serde_json::to_value(RecapCell::Count(7)).unwrap();
        assert_eq!(
            (count["kind"].as_str(), count["value"].as_u64()),
            (Some("count"), Some(7))
        );
        assert_eq!(serde_json::to_value(RecapCell::Empty).unwrap()["text"], "");
    }
}
