//! What each document says, gathered from a case: the data a template
//! reads as `/data.json` (the fields are listed at the top of each
//! template, and `templates/contoh/*.json` shows an example of each).
//!
//! A confidential or anonymous complainant's name and address appear only
//! on their own receipt, reply and copy of the forwarding letter.

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use serde_json::{Value, json};

use super::documents::{SignBlock, paper_msg};
use super::{Desk, Result};
use crate::domain::draft::to_local;
use crate::domain::event::{Disposition, Event, NoteKind, Payload};
use crate::domain::note::NoteRecord;
use crate::domain::sop::{Sop, StepKind};
use crate::domain::words;
use crate::domain::workflow::CaseState;
use crate::i18n::paper::PaperProblem;
use crate::i18n::{self, Msg};
use crate::paper::DocKind;

/// The legal limit a receipt names, in working days.
const LIMIT_DAYS: u64 = 14;

impl Desk {
    /// The data of document `kind` for the case `key`, and the case's
    /// agenda number.
    pub fn document_data(&self, key: &str, kind: DocKind) -> Result<(String, Value)> {
        let (state, sop) = self.fold_case(key)?;
        let agenda = state.reg.agenda_no.clone();
        let data = match kind {
            DocKind::TandaTerima => self.receipt_data(key, &state)?,
            DocKind::Disposisi => self.disposition_data(key, &state, sop)?,
            DocKind::Bap => self.bap_data(key, &state)?,
            DocKind::Penerusan | DocKind::Tembusan | DocKind::Jawaban => {
                self.letter_data(&state, kind)?
            }
            DocKind::Rekap => {
                return Err(paper_msg(PaperProblem::UnknownKind {
                    given: kind.id().into(),
                    kinds: DocKind::OF_CASE
                        .iter()
                        .map(|k| k.id().to_string())
                        .collect(),
                }));
            }
        };
        Ok((agenda, data))
    }

    pub(super) fn local(&self, unix: i64) -> NaiveDateTime {
        to_local(unix, self.offset)
    }

    /// "Situbondo, 1 Desember 2026" for the day `date`.
    pub(super) fn place_date(&self, date: NaiveDate) -> String {
        format!("{}, {}", self.config.office.place, words::date_long(date))
    }

    /// "09.15 WIB": an Indonesian letter's time of day.
    fn time_of_day(&self, t: NaiveDateTime) -> String {
        let zone = match self.offset.local_minus_utc() / 3600 {
            7 => "WIB",
            8 => "WITA",
            9 => "WIT",
            _ => "",
        };
        format!("{:02}.{:02} {zone}", t.hour(), t.minute())
            .trim_end()
            .to_string()
    }

    fn receipt_data(&self, key: &str, state: &CaseState) -> Result<Value> {
        let input = &state.reg.input;
        let received = self.local(input.received_at);
        let detail = self.show(key)?;
        let deadline = NaiveDate::parse_from_str(&detail.deadline, "%Y-%m-%d")
            .map_err(|_| Msg::BadDate(detail.deadline.clone()))?;
        let officer = &state.registered_head;
        let person = self.config.person(&officer.person);
        let o = &self.config.office;
        Ok(json!({
            "office": self.office_header(),
            "agenda": state.reg.agenda_no,
            "received": format!("{} pukul {}", words::date_with_day(received.date()), self.time_of_day(received)),
            "channel": i18n::channel_label(input.channel),
            "kind": i18n::kind_label(input.kind),
            "subject": input.subject,
            "complainant": own_identity(state),
            "deadline": {
                "date": words::date_with_day(deadline),
                "words": format!("paling lambat {}", words::date_in_words(deadline)),
            },
            "limit": { "days": LIMIT_DAYS, "words": words::number(LIMIT_DAYS) },
            "follow_up": { "phone": o.phone, "whatsapp": o.whatsapp, "agenda": state.reg.agenda_no },
            "officer": {
                "name": officer.person,
                "nip": person.map(|p| p.nip.clone()).unwrap_or_default(),
                "title": self.sop_role_name(state, &officer.role),
            },
            "place_date": self.place_date(received.date()),
        }))
    }

    fn sop_role_name(&self, state: &CaseState, role: &str) -> String {
        self.sops
            .by_id(&state.reg.sop)
            .and_then(|s| s.role(role))
            .map_or(role.to_string(), |r| r.name.clone())
    }

    fn disposition_data(&self, key: &str, state: &CaseState, sop: Option<&Sop>) -> Result<Value> {
        let input = &state.reg.input;
        let received = self.local(input.received_at).date();
        let recorded = self.recorded_dispositions(key, state)?;
        let mut rows = Vec::new();
        if let Some(sop) = sop {
            let kept: Vec<String> = self.show(key)?.steps.into_iter().map(|s| s.id).collect();
            for step in sop.steps.iter().filter(|s| s.kind == StepKind::Disposition) {
                if !kept.contains(&step.id) {
                    continue;
                }
                let to = step.to.as_deref().unwrap_or("");
                let done: Vec<&(Event, Disposition)> = recorded
                    .iter()
                    .filter(|(_, d)| d.step.as_deref() == Some(step.id.as_str()))
                    .collect();
                if done.is_empty() {
                    rows.push(json!({
                        "from": sop.role_short(&step.actor), "to": sop.role_short(to),
                        "instruction": "", "note": "", "date": "", "by": "", "blank": true,
                    }));
                }
                for (e, d) in done {
                    rows.push(self.disposition_row(sop, e, d));
                }
            }
        }
        let nature = if input.confidential {
            "rahasia"
        } else {
            recorded
                .iter()
                .map(|(_, d)| d.priority)
                .max_by_key(|p| *p as u8)
                .map_or("biasa", |p| p.id())
        };
        Ok(json!({
            "office": self.office_header(),
            "from": public_name(state),
            "letter_no": "-",
            "letter_date": words::date_long(received),
            "received_on": words::date_long(received),
            "agenda": state.reg.agenda_no,
            "nature": nature,
            "subject": input.subject,
            "forwarded_to": state.forwarded_to.clone().unwrap_or_else(|| "-".into()),
            "rows": rows,
        }))
    }

    fn disposition_row(&self, sop: &Sop, e: &Event, d: &Disposition) -> Value {
        let date = d.written_on.unwrap_or_else(|| self.local(e.at).date());
        json!({
            "from": sop.role_short(&d.from),
            "to": sop.role_short(&d.to),
            "instruction": i18n::instruction_label(d.instruction),
            "note": d.note,
            "date": words::date_long(date),
            "by": e.person,
            "blank": false,
        })
    }

    /// The dispositions the fold applied, in its order.
    fn recorded_dispositions(
        &self,
        key: &str,
        state: &CaseState,
    ) -> Result<Vec<(Event, Disposition)>> {
        let (case_n, _) = self.resolve(key)?;
        let events = self
            .store
            .case_events(case_n)
            .map_err(|e| self.db_error(e))?;
        let applied = |e: &Event| state.done.iter().any(|r| r.event == e.id);
        Ok(events
            .into_iter()
            .filter(|e| applied(e))
            .filter_map(|e| match &e.payload {
                Payload::DispositionRecorded(d) => {
                    let d = d.clone();
                    Some((e, d))
                }
                _ => None,
            })
            .collect())
    }

    fn bap_data(&self, key: &str, state: &CaseState) -> Result<Value> {
        let book = self.notebook(key)?;
        let baps: Vec<&NoteRecord> = book
            .notebook
            .current()
            .filter(|n| n.kind == NoteKind::Bap)
            .collect();
        if baps.is_empty() {
            return Err(Msg::NoBapNotes(state.reg.agenda_no.clone()));
        }
        super::report::refuse_incomplete(&state.reg.agenda_no, &baps)?;
        let reports = baps
            .iter()
            .map(|b| self.bap_report(state, b))
            .collect::<Result<Vec<_>>>()?;
        let last = baps.iter().map(|b| b.at).max().unwrap_or(state.last_at);
        Ok(json!({
            "office": self.office_header(),
            "agenda": state.reg.agenda_no,
            "subject": state.reg.input.subject,
            "reports": reports,
            "known": self.sign_block("kabid-dip")?,
            "place_date": self.place_date(self.local(last).date()),
        }))
    }

    fn bap_report(&self, state: &CaseState, b: &NoteRecord) -> Result<Value> {
        let field = |id: &str| b.field(id).unwrap_or_default().to_string();
        let when = crate::domain::draft::parse_datetime(&field("waktu"), self.offset)
            .unwrap_or_else(|| self.local(b.at));
        let officers = field("petugas")
            .split(", ")
            .filter(|n| !n.trim().is_empty())
            .map(|name| self.officer(state, name.trim()))
            .collect::<Result<Vec<_>>>()?;
        let object = &state.reg.input.object;
        Ok(json!({
            "opening": words::date_in_words(when.date()),
            "time": self.time_of_day(when),
            "place": field("tempat"),
            "officers": officers,
            "others": field("pihak-lain"),
            "object": {
                "name": object.business,
                "nib": object.nib.clone().unwrap_or_else(|| "-".into()),
                "address": field("tempat"),
            },
            "findings": field("temuan"),
            "conclusion": field("kesimpulan"),
            "recommendation": field("rekomendasi"),
        }))
    }

    /// An officer of a BAP as signed: their NIP from `[[people]]`, required.
    fn officer(&self, state: &CaseState, name: &str) -> Result<SignBlock> {
        let person = self.config.person(name);
        let nip = person.map(|p| p.nip.trim().to_string()).unwrap_or_default();
        if nip.is_empty() {
            return Err(paper_msg(PaperProblem::SignatoryIncomplete {
                title: name.to_string(),
                key: format!("[[people]] name = \"{name}\" (nip)"),
            }));
        }
        let role = person.map(|p| p.role.clone()).unwrap_or_default();
        Ok(SignBlock {
            title: self.sop_role_name(state, &role),
            name: name.to_string(),
            rank: String::new(),
            nip,
        })
    }
}

/// The complainant as their own paper names them.
pub(super) fn own_identity(state: &CaseState) -> Value {
    let input = &state.reg.input;
    let c = &input.complainant;
    if input.anonymous {
        let anon = i18n::paper::pw(i18n::paper::Pw::Anonymous);
        return json!({ "name": anon, "address": "-", "phone": "-" });
    }
    json!({
        "name": c.name,
        "address": if c.address.is_empty() { "-".to_string() } else { c.address.clone() },
        "phone": c.phone.clone().unwrap_or_else(|| "-".into()),
    })
}

/// The complainant as paper others read names them: hidden when
/// confidential or anonymous.
pub(super) fn public_name(state: &CaseState) -> String {
    let input = &state.reg.input;
    match input.display_name() {
        Some(name) => name.to_string(),
        None if input.anonymous => i18n::paper::pw(i18n::paper::Pw::Anonymous).into(),
        None => i18n::paper::pw(i18n::paper::Pw::Withheld).into(),
    }
}
