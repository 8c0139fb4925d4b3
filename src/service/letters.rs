//! Outgoing letters: drafting (the first version takes a number from this
//! desk's register), paraf, signature and sending. An act recorded while the
//! case is at the SOP step marked with it completes that step too, in the
//! same transaction.

use uuid::Uuid;

use super::cases::ActingAs;
use super::{Desk, Result};
use crate::domain::agenda::AgendaFormat;
use crate::domain::draft::to_local;
use crate::domain::event::{LetterAction, LetterDraft, Payload};
use crate::domain::letter::{self, Letter, LetterAct, LetterKind};
use crate::domain::note::NoteRecord;
use crate::domain::sop::Sop;
use crate::domain::summary::summarize;
use crate::domain::workflow::{self, ActionKind, ActionRequest, Actor, CaseState, Refusal};
use crate::i18n::{LetterMsg, Msg};
use crate::store::{EventDraft, TextIndex, Writer};

/// What a draft is made of, as typed.
#[derive(Debug, Clone, Default)]
pub struct DraftInput {
    /// The body; none to have it drafted from the case (and its notes).
    pub body: Option<String>,
    /// Short ids of the standing notes a reply is drafted from; none for
    /// every standing investigation note (or, for a new version, the
    /// notes the letter had).
    pub notes: Vec<String>,
}

fn letter_msg(m: LetterMsg) -> Msg {
    Msg::Letter(Box::new(m))
}

impl Desk {
    /// Drafts the case's letter of `kind`: its first version, numbered from
    /// this desk's register, or a new version (which voids a paraf).
    pub fn draft_letter(
        &mut self,
        key: &str,
        kind: LetterKind,
        input: &DraftInput,
        who: &ActingAs,
    ) -> Result<Letter> {
        let format = AgendaFormat::parse(&self.config.letters.format)
            .map_err(|e| letter_msg(LetterMsg::Format(e)))?;
        if let Some(c) = input.body.as_deref().and_then(letter::control_in_body) {
            return Err(letter_msg(LetterMsg::BodyControl(c)));
        }
        let body = match &input.body {
            Some(b) if b.trim().is_empty() => return Err(letter_msg(LetterMsg::EmptyBody)),
            Some(b) => Some(letter::body_text(b)),
            None => None,
        };
        let (offset, code) = (self.offset, self.local.code.clone());
        let db = self.locations.database.clone();
        let picked = input.notes.clone();
        self.write_letter(key, who, LetterAct::Konsep, kind, |w, state, at| {
            let current = state.letter(kind);
            letter::check_draft(current).map_err(|p| letter_msg(LetterMsg::Rule(p)))?;
            let notes = pick_notes(state, current, &picked)?;
            let records: Vec<&NoteRecord> = notes
                .iter()
                .filter_map(|id| state.notebook.note(*id))
                .collect();
            let (to, drafted) = match kind {
                LetterKind::Penerusan => {
                    let opd = letter::forwarded_opd(state).ok_or_else(|| {
                        letter_msg(LetterMsg::NotForwarded(state.reg.agenda_no.clone()))
                    })?;
                    (opd.to_string(), letter::draft_forward_body(state, opd))
                }
                LetterKind::Jawaban => (
                    letter::reply_addressee(state),
                    letter::draft_reply_body(state, &records),
                ),
            };
            let (number, year, seq) = match current.and_then(|l| l.issued.first()) {
                Some(n) => (n.number.clone(), n.year, n.seq),
                None => {
                    let local = to_local(at, offset);
                    let year = chrono::Datelike::year(&local);
                    let month = chrono::Datelike::month(&local);
                    let seq = w
                        .next_letter_seq(year)
                        .map_err(|e| super::store_msg(e, &db))?;
                    let number = format.render_code(seq, kind.code(), &code, year, month);
                    (number, year, seq)
                }
            };
            Ok(Payload::LetterDrafted(LetterDraft {
                kind,
                number,
                year,
                seq,
                subject: current.map_or_else(
                    || letter::default_subject(kind, state),
                    |l| l.subject.clone(),
                ),
                to,
                notes,
                body: body.clone().unwrap_or(drafted),
                version: current.map_or(1, |l| l.version() as u32 + 1),
            }))
        })
    }

    /// Records a paraf, signature or sending of the latest version of the
    /// case's letter of `kind`. `who` acting as another role than their own
    /// (`--as kadis`) records a head's paper act on their behalf.
    pub fn letter_act(
        &mut self,
        key: &str,
        kind: LetterKind,
        act: LetterAct,
        who: &ActingAs,
    ) -> Result<Letter> {
        self.write_letter(key, who, act, kind, |_, state, _| {
            let version = letter::check_act(kind, state.letter(kind), act)
                .map_err(|p| letter_msg(LetterMsg::Rule(p)))?;
            Ok(Payload::LetterActed(LetterAction { kind, act, version }))
        })
    }

    /// The case's letter of `kind`, if one was drafted.
    pub fn letter(&self, key: &str, kind: LetterKind) -> Result<Option<Letter>> {
        let (state, _) = self.fold_case(key)?;
        Ok(state.letter(kind).cloned())
    }

    /// The text a new letter of `kind` starts from: the forwarding letter
    /// from the case and its OPD, the reply from the standing notes and BAP.
    pub fn letter_starting_text(&self, key: &str, kind: LetterKind) -> Result<String> {
        let (state, _) = self.fold_case(key)?;
        Ok(match kind {
            LetterKind::Penerusan => {
                let opd = letter::forwarded_opd(&state)
                    .unwrap_or_default()
                    .to_string();
                letter::draft_forward_body(&state, &opd)
            }
            LetterKind::Jawaban => {
                letter::draft_reply_body(&state, &letter::default_reply_notes(&state))
            }
        })
    }

    /// Every letter of the case: the forwarding letter, then the reply.
    pub fn letters(&self, key: &str) -> Result<Vec<Letter>> {
        let (state, _) = self.fold_case(key)?;
        Ok(LetterKind::ALL
            .into_iter()
            .filter_map(|k| state.letter(k).cloned())
            .collect())
    }

    /// One transaction: the case folded, the letter event `make` plans
    /// (given the writer, the state and the event's time), the completion
    /// of the SOP step this act does when the case is at it, the projection.
    fn write_letter(
        &mut self,
        key: &str,
        who: &ActingAs,
        act: LetterAct,
        kind: LetterKind,
        make: impl FnOnce(&Writer<'_>, &CaseState, i64) -> Result<Payload>,
    ) -> Result<Letter> {
        let (case_n, case) = self.resolve(key)?;
        let now = self.now();
        let clock = workflow::Clock {
            calendar: &self.calendar,
            offset: self.offset,
        };
        let (local, sops, db) = (
            self.local.clone(),
            self.sops.clone(),
            self.locations.database.clone(),
        );
        let err = |e| super::store_msg(e, &db);
        let mut w = self.store.writer(&local).map_err(err)?;
        let events = w.case_events(case_n).map_err(err)?;
        let sop = sops
            .of_events(&events)
            .ok_or_else(|| Msg::CaseNotFound(key.into()))?;
        let state =
            CaseState::fold(&events, Some(sop)).ok_or_else(|| Msg::CaseNotFound(key.into()))?;
        // Never at or before the case's last event (see `cases::after_last`).
        let at = now.max(state.last_at + 1);
        let payload = make(&w, &state, at)?;
        let step = step_done_by(&state, sop, who, (kind, act), at + 1, now)?;
        let mut all = events;
        for (at, payload) in [(at, Some(payload)), (at + 1, step)] {
            let Some(payload) = payload else { continue };
            let draft = EventDraft {
                case,
                at,
                recorded: now,
                person: who.person.clone(),
                person_role: who.person_role.clone(),
                role: who.role.clone(),
                payload,
            };
            all.push(w.append(case_n, draft).map_err(err)?);
        }
        let state =
            CaseState::fold(&all, Some(sop)).ok_or_else(|| Msg::CaseNotFound(key.into()))?;
        let summary = summarize(&state, Some(sop), &clock);
        let registered_by = w.registering_desk(case_n).map_err(err)?;
        w.put_case(case_n, &summary, &state, registered_by, TextIndex::Keep)
            .map_err(err)?;
        let letter = state
            .letter(kind)
            .cloned()
            .ok_or_else(|| Msg::CaseNotFound(key.into()))?;
        w.commit().map_err(err)?;
        Ok(letter)
    }
}

/// The completion of the case's current step when it is the step this
/// letter act does, planned by the engine as any completion is; None when
/// the case is elsewhere. Acting as another role is checked either way.
fn step_done_by(
    state: &CaseState,
    sop: &Sop,
    who: &ActingAs,
    letter: (LetterKind, LetterAct),
    at: i64,
    now: i64,
) -> Result<Option<Payload>> {
    let actor = Actor {
        person: &who.person,
        person_role: &who.person_role,
        role: &who.role,
    };
    if !sop.may_act_as(actor.person_role, actor.role) {
        return Err(Msg::Refused(Refusal::CannotActAs {
            person_role: who.person_role.clone(),
            role: who.role.clone(),
            recorded_by: sop
                .role(&who.role)
                .map(|r| r.recorded_by.clone())
                .unwrap_or_default(),
        }));
    }
    let Some(step) = state.current_step(sop).filter(|s| s.letter == Some(letter)) else {
        return Ok(None);
    };
    if step.actor != who.role {
        return Err(letter_msg(LetterMsg::StepActor {
            act: letter.1,
            kind: letter.0,
            step: step.short_title().to_string(),
            actor: step.actor.clone(),
            actor_short: sop.role_short(&step.actor).to_string(),
        }));
    }
    let req = ActionRequest {
        at,
        ..ActionRequest::default()
    };
    workflow::plan(state, sop, actor, ActionKind::Complete, &req, &[], now + 1)
        .map(Some)
        .map_err(Msg::Refused)
}

/// The notes a reply is drafted from: those picked (by a piece of their
/// code, each standing), else the letter's own, else every standing
/// investigation note.
fn pick_notes(state: &CaseState, current: Option<&Letter>, picked: &[String]) -> Result<Vec<Uuid>> {
    if picked.is_empty() {
        return Ok(match current {
            Some(l) => l.notes.clone(),
            None => letter::default_reply_notes(state)
                .iter()
                .map(|n| n.event)
                .collect(),
        });
    }
    picked
        .iter()
        .map(|key| {
            let key = key.trim().to_lowercase().replace('-', "");
            let mut hits = state
                .notebook
                .notes
                .iter()
                .filter(|n| !key.is_empty() && n.event.simple().to_string().starts_with(&key));
            match (hits.next(), hits.next()) {
                (Some(n), None) if n.is_current() => Ok(n.event),
                (Some(_), None) => Err(Msg::NoteNotStanding(key.clone())),
                _ => Err(Msg::NoteNotFound(key.clone())),
            }
        })
        .collect()
}
