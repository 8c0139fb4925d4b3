//! The sections of figures: which rows each holds, in which order, and
//! what each cell counts.

use super::{RecapCell, RecapRow, RecapSection};
use crate::domain::case::{Channel, Kind};
use crate::domain::recap::{MonthFigures, StepFigure};
use crate::i18n::recap::{self as words, Rp, rp};
use crate::i18n::{self, R, say};
use crate::service::SopSteps;

/// The sections of figures over the columns (periods, then the total).
pub(super) struct Sections<'a> {
    pub columns: &'a [&'a MonthFigures],
    pub sops: &'a [SopSteps],
}

impl Sections<'_> {
    pub fn all(&self) -> Vec<RecapSection> {
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
