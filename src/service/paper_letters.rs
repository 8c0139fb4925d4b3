//! The data of an outgoing letter as printed: always set again from the
//! recorded letter (its number, latest version, paraf and signature), so
//! every desk holding the same events prints the same letter.

use serde_json::{Value, json};

use super::documents::paper_msg;
use super::paper_data::own_identity;
use super::{Desk, Result};
use crate::domain::letter::{Letter, LetterKind};
use crate::domain::workflow::CaseState;
use crate::i18n::paper::{PaperProblem, Pw, pw};
use crate::paper::DocKind;

impl Desk {
    pub(super) fn letter_data(&self, state: &CaseState, kind: DocKind) -> Result<Value> {
        let letter_kind = match kind {
            DocKind::Jawaban => LetterKind::Jawaban,
            _ => LetterKind::Penerusan,
        };
        let letter = state.letter(letter_kind).ok_or_else(|| {
            paper_msg(PaperProblem::NoLetter {
                agenda: state.reg.agenda_no.clone(),
                kind: letter_kind.id().into(),
            })
        })?;
        let dated = letter
            .signed
            .as_ref()
            .or(letter.latest().map(|v| &v.stamp))
            .map_or(state.last_at, |s| s.at);
        let hidden = state.reg.input.confidential || state.reg.input.anonymous;
        let o = &self.config.office;
        let (to, to_place, attachment, tembusan, copy_for) = match kind {
            DocKind::Jawaban => {
                let me = own_identity(state);
                (
                    vec![
                        format!("Sdr. {}", me["name"].as_str().unwrap_or("")),
                        address_of(&me),
                    ],
                    "Tempat".to_string(),
                    "-".to_string(),
                    vec![self.sign_title("kabid-dip"), "Arsip".to_string()],
                    Value::Null,
                )
            }
            _ => {
                let me = own_identity(state);
                let copy_line = if hidden {
                    pw(Pw::Withheld).to_string()
                } else {
                    format!(
                        "Sdr. {}, {}",
                        me["name"].as_str().unwrap_or(""),
                        address_of(&me)
                    )
                };
                let copy_for = if kind == DocKind::Tembusan {
                    json!({ "name": me["name"], "address": address_of(&me) })
                } else {
                    Value::Null
                };
                (
                    vec![format!("Kepala {}", letter.to), o.regency.clone()],
                    o.place.clone(),
                    "1 (satu) berkas".to_string(),
                    vec![copy_line, "Arsip".to_string()],
                    copy_for,
                )
            }
        };
        Ok(json!({
            "office": self.office_header(),
            "number": letter.number,
            "place_date": self.place_date(self.local(dated).date()),
            "nature": if state.reg.input.confidential { "Rahasia" } else { "Biasa" },
            "attachment": attachment,
            "subject": letter.subject,
            "to": to,
            "to_place": to_place,
            "body": letter.body(),
            "signer": self.sign_block("kadis")?,
            "signed": letter.signed.is_some(),
            "paraf": self.paraf_name(letter),
            "tembusan": tembusan,
            "copy_for": copy_for,
        }))
    }

    /// Who initialled the latest version: the Kabid named in the config.
    fn paraf_name(&self, letter: &Letter) -> Value {
        match &letter.paraf {
            Some(stamp) => {
                let name = self
                    .config
                    .signatory(&stamp.role)
                    .map_or(stamp.by.clone(), |s| s.name);
                Value::String(name)
            }
            None => Value::Null,
        }
    }

    fn sign_title(&self, role: &str) -> String {
        self.config
            .signatory(role)
            .map_or(role.to_string(), |s| s.title)
    }
}

fn address_of(identity: &Value) -> String {
    identity["address"].as_str().unwrap_or("-").to_string()
}
