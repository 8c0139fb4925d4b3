//! Registering cases and acting on them.

use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{Desk, Result};
use crate::domain::case::{AttachmentRef, CaseField};
use crate::domain::conflict::Topic;
use crate::domain::draft::{self, CaseDraft, DraftContext, Problem};
use crate::domain::event::{Correction, Payload, Registration, Resolution, StepSettlement};
use crate::domain::identity;
use crate::domain::summary::{CaseSummary, summarize};
use crate::domain::workflow::{self, ActionKind, ActionRequest, Actor, CaseState};
use crate::i18n::Msg;
use crate::store::{EventDraft, TextIndex};

/// The person at the keyboard and the role they act in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActingAs {
    pub person: String,
    pub person_role: String,
    pub role: String,
}

impl ActingAs {
    fn actor(&self) -> Actor<'_> {
        Actor {
            person: &self.person,
            person_role: &self.person_role,
            role: &self.role,
        }
    }
}

/// What the desk hands back after registering: the receipt's content.
#[derive(Debug, Clone, Serialize)]
pub struct Registered {
    pub id: Uuid,
    pub agenda_no: String,
    pub kind: String,
    pub received_at: String,
    pub complete_on: String,
    pub deadline: String,
    pub deadline_flags: Vec<String>,
    /// From 1 October, the next year when it has no holiday list yet.
    pub next_year_unlisted: Option<i32>,
    pub step: super::StepView,
}

/// An action as typed on the command line or in a form.
#[derive(Debug, Clone, Default)]
pub struct ActInput {
    pub to: Option<String>,
    pub note: String,
    pub instruction: Option<String>,
    pub priority: Option<String>,
    pub written_on: Option<String>,
    pub note_kind: Option<String>,
    pub at: Option<String>,
}

impl Desk {
    /// The person (`by`, default the first in the config) acting as `role`
    /// (default their own).
    pub fn acting_as(&self, by: Option<&str>, role: Option<&str>) -> Result<ActingAs> {
        let person = match by {
            Some(name) => self.config.person(name).ok_or_else(|| Msg::PersonUnknown {
                name: name.into(),
                people: self.config.people.iter().map(|p| p.name.clone()).collect(),
            })?,
            None => self.config.people.first().ok_or(Msg::ConfigNoPeople)?,
        };
        let role = role.map(str::trim).unwrap_or(&person.role).to_string();
        if !self.sops.knows_role(&role) {
            return Err(Msg::RoleUnknown {
                role,
                roles: self.sops.role_ids(),
            });
        }
        // Every write goes through here: a person acts in their own role,
        // or records for a head the SOP lets that role record for.
        if !self.sops.may_act_as(&person.role, &role) {
            return Err(Msg::Refused(
                crate::domain::workflow::Refusal::CannotActAs {
                    person_role: person.role.clone(),
                    recorded_by: self.sops.recorded_by(&role),
                    role,
                },
            ));
        }
        Ok(ActingAs {
            person: person.name.clone(),
            person_role: person.role.clone(),
            role,
        })
    }

    /// Validates a draft and registers the case, with its agenda number, in
    /// one transaction.
    pub fn register(&mut self, draft: &CaseDraft, who: &ActingAs) -> Result<Registered> {
        let now = self.now();
        let files = draft
            .attachments
            .iter()
            .map(|p| {
                self.read_attachment_file(Path::new(p))
                    .map(|data| (Path::new(p), data))
            })
            .collect::<Result<Vec<_>>>()?;
        let attachments: Vec<AttachmentRef> = files
            .iter()
            .map(|(p, data)| attachment_ref(p, data))
            .collect();
        let linked_to = match draft.linked_to.trim() {
            "" => None,
            key => Some(self.resolve(key)?.1),
        };
        let ctx = DraftContext {
            now,
            offset: self.offset,
        };
        let input =
            draft::validate(draft, &ctx, attachments, linked_to).map_err(Msg::DraftInvalid)?;
        let sop = self.sops.for_kind(input.kind).clone();
        let received = draft::to_local(input.received_at, self.offset);
        let (year, month) = (
            chrono::Datelike::year(&received),
            chrono::Datelike::month(&received),
        );
        let case = self.store.ids.uuid();
        let db = self.locations.database.clone();
        let clock = crate::domain::workflow::Clock {
            calendar: &self.calendar,
            offset: self.offset,
        };
        let agenda = self.agenda.clone();
        let code = self.local.code.clone();
        let local = self.local.clone();
        let err = |e| super::store_msg(e, &db);
        let mut w = self.store.writer(&local).map_err(err)?;
        let seq = w.next_agenda_seq(year).map_err(err)?;
        let reg = Registration {
            agenda_no: agenda.render(seq, input.kind, &code, year, month),
            agenda_year: year,
            agenda_seq: seq,
            sop: sop.id.clone(),
            input,
        };
        let case_n = w.case_n(case).map_err(err)?;
        for (r, (_, data)) in reg.input.attachments.iter().zip(&files) {
            w.put_content(&r.sha256, data).map_err(err)?;
        }
        let event = w
            .append(
                case_n,
                EventDraft {
                    case,
                    at: reg.input.received_at,
                    recorded: now,
                    person: who.person.clone(),
                    person_role: who.person_role.clone(),
                    role: who.person_role.clone(),
                    payload: Payload::CaseRegistered(Box::new(reg)),
                },
            )
            .map_err(err)?;
        let state = CaseState::registered(&event, Some(&sop)).expect("a registration event");
        let summary = summarize(&state, Some(&sop), &clock);
        w.put_case(case_n, &summary, &state, local.n, TextIndex::New)
            .map_err(err)?;
        w.commit().map_err(err)?;
        Ok(self.receipt(&summary, &sop))
    }

    fn receipt(&self, s: &CaseSummary, sop: &crate::domain::sop::Sop) -> Registered {
        let step = sop
            .step(s.step.as_deref().unwrap_or_default())
            .unwrap_or(sop.first());
        Registered {
            id: s.id,
            agenda_no: s.agenda_no.clone(),
            kind: s.kind.id().into(),
            received_at: self.rfc3339(s.received_at),
            complete_on: s.complete_on.to_string(),
            deadline: s.deadline.to_string(),
            deadline_flags: deadline_flags(&s.unlisted_years),
            next_year_unlisted: self.next_year_unlisted(),
            step: self.step_view(sop, step, None, s.step_due, Some(s.step_since)),
        }
    }

    /// Finds exactly one case by agenda number or id.
    pub fn resolve(&self, key: &str) -> Result<(i64, Uuid)> {
        let found = self.store.find_case(key).map_err(|e| self.db_error(e))?;
        match found.as_slice() {
            [] => Err(Msg::CaseNotFound(key.into())),
            [one] => Ok(*one),
            many => Err(Msg::CaseAmbiguous {
                key: key.into(),
                count: many.len(),
            }),
        }
    }

    /// Performs one action on a case, if the SOP allows it now.
    pub fn act(
        &mut self,
        key: &str,
        action: &str,
        input: &ActInput,
        who: &ActingAs,
    ) -> Result<CaseSummary> {
        let action = ActionKind::parse(action).ok_or_else(|| Msg::UnknownAction(action.into()))?;
        let now = self.now();
        let req = ActionRequest {
            to: input.to.clone(),
            note: input.note.clone(),
            instruction: parse_opt(
                &input.instruction,
                crate::domain::event::Instruction::parse,
                Msg::UnknownInstruction,
            )?,
            priority: parse_opt(
                &input.priority,
                crate::domain::event::Priority::parse,
                Msg::UnknownPriority,
            )?,
            written_on: parse_opt(&input.written_on, draft::parse_date, Msg::BadDate)?,
            note_kind: parse_opt(
                &input.note_kind,
                crate::domain::event::NoteKind::parse,
                Msg::UnknownNoteKind,
            )?,
            at: match &input.at {
                Some(t) => self.parse_time(t)?,
                None => now,
            },
        };
        // Five minutes' grace, as the engine gives, for clocks a little apart.
        if input.at.is_some() && req.at > now + 300 {
            return Err(Msg::ActionTimeInFuture {
                at: self.local_time(req.at),
                now: self.local_time(now),
            });
        }
        let opds = self.config.forward.opds.clone();
        let told_when = input.at.is_some();
        let (offset, today) = (self.offset, self.today());
        self.write_event(key, who, req.at, now, |state, sop| {
            if let Some(day) = req.written_on {
                check_paper_date(day, state, offset, today)?;
            }
            // Without a time given, "now" on a desk whose clock is behind
            // another's is taken as just after the case's last event.
            let req = ActionRequest {
                at: if told_when {
                    req.at
                } else {
                    req.at.max(state.last_at)
                },
                ..req.clone()
            };
            workflow::plan(state, sop, who.actor(), action, &req, &opds, now).map_err(Msg::Refused)
        })
    }

    /// Why `action` would be refused on the case now, if it would; nothing
    /// is written either way.
    pub fn why_not(&self, key: &str, action: ActionKind, who: &ActingAs) -> Result<Option<Msg>> {
        let (state, sop) = self.fold_case(key)?;
        let sop = sop.ok_or_else(|| Msg::CaseNotFound(key.into()))?;
        let now = self.now();
        let req = ActionRequest {
            at: now,
            ..ActionRequest::default()
        };
        let planned = workflow::plan(
            &state,
            sop,
            who.actor(),
            action,
            &req,
            &self.config.forward.opds,
            now,
        );
        Ok(planned.err().map(Msg::Refused))
    }

    /// Corrects one field of a case; the correction names the value it replaces.
    pub fn correct(
        &mut self,
        key: &str,
        field: &str,
        value: &str,
        who: &ActingAs,
    ) -> Result<CaseSummary> {
        let field = CaseField::parse(field).ok_or_else(|| Msg::UnknownField(field.into()))?;
        let value = self.normalise_field(field, value)?;
        let now = self.now();
        let (offset, today) = (self.offset, self.today());
        self.write_event(key, who, now, now, |state, _| {
            if field == CaseField::CompleteOn {
                let day = draft::parse_date(&value).unwrap_or(today);
                if day > today {
                    return Err(field_error(field, Problem::InFuture));
                }
                if day < draft::to_local(state.reg.input.received_at, offset).date() {
                    return Err(field_error(field, Problem::BeforeReceipt));
                }
            }
            // Correcting a field two desks changed apart settles it: the
            // new value replaces every value still standing.
            Ok(match state.heads.heads(field) {
                [] => Payload::FieldCorrected(Correction {
                    field,
                    value,
                    replaces: Some(state.registration),
                }),
                [one] => Payload::FieldCorrected(Correction {
                    field,
                    value,
                    replaces: Some(one.event),
                }),
                many => Payload::FieldResolved(Resolution {
                    field,
                    value,
                    replaces: many.iter().map(|h| h.event).collect(),
                }),
            })
        })
    }

    /// Settles a step two desks completed or decided differently: the
    /// version whose code starts with `keep` counts, the others no longer.
    pub fn settle_step(
        &mut self,
        key: &str,
        step: &str,
        keep: &str,
        who: &ActingAs,
    ) -> Result<CaseSummary> {
        let now = self.now();
        let (step, keep) = (step.trim().to_string(), keep.trim().to_lowercase());
        self.write_event(key, who, now, now, |state, _| {
            let conflict = state
                .step_conflicts
                .iter()
                .find(|c| c.topic == Topic::Step(step.clone()))
                .ok_or_else(|| Msg::NoConflict(step.clone()))?;
            let chosen = conflict
                .heads
                .iter()
                .find(|h| !keep.is_empty() && h.event.simple().to_string().starts_with(&keep))
                .ok_or_else(|| Msg::NoteNotFound(keep.clone()))?;
            Ok(Payload::StepSettled(StepSettlement {
                step: step.clone(),
                keep: chosen.event,
                drop: settled_away(conflict, &step, chosen.event),
            }))
        })
    }

    /// Loads a case, lets `decide` turn its state into a payload, appends the
    /// event and updates the projection, all in one transaction.
    fn write_event(
        &mut self,
        key: &str,
        who: &ActingAs,
        at: i64,
        now: i64,
        decide: impl FnOnce(&CaseState, &crate::domain::sop::Sop) -> Result<Payload>,
    ) -> Result<CaseSummary> {
        self.write_event_with(key, who, at, now, None, decide)
            .map(|(summary, _)| summary)
    }

    /// Appends the event `decide` makes of the case's state, with the
    /// attachment content it names if any, and updates the projection: all
    /// in one transaction. Returns the case's summary and the event's id.
    pub(super) fn write_event_with(
        &mut self,
        key: &str,
        who: &ActingAs,
        at: i64,
        now: i64,
        content: Option<(&crate::domain::event::Hash, &[u8])>,
        decide: impl FnOnce(&CaseState, &crate::domain::sop::Sop) -> Result<Payload>,
    ) -> Result<(CaseSummary, Uuid)> {
        let (case_n, case) = self.resolve(key)?;
        let db = self.locations.database.clone();
        let err = |e| super::store_msg(e, &db);
        let clock = crate::domain::workflow::Clock {
            calendar: &self.calendar,
            offset: self.offset,
        };
        let local = self.local.clone();
        let sops = self.sops.clone();
        let mut w = self.store.writer(&local).map_err(err)?;
        let events = w.case_events(case_n).map_err(err)?;
        let sop_id = match events.iter().find_map(|e| match &e.payload {
            Payload::CaseRegistered(r) => Some(r.sop.clone()),
            _ => None,
        }) {
            Some(id) => id,
            None => return Err(Msg::CaseNotFound(key.into())),
        };
        let sop = sops.by_id(&sop_id).ok_or_else(|| Msg::SopNotFound {
            name: sop_id.clone(),
            dir: self.locations.sop_dir.clone(),
        })?;
        let mut state =
            CaseState::fold(&events, Some(sop)).ok_or_else(|| Msg::CaseNotFound(key.into()))?;
        let payload = decide(&state, sop)?;
        if let Some((sha256, data)) = content {
            w.put_content(sha256, data).map_err(err)?;
        }
        let text = if matches!(
            payload,
            Payload::FieldCorrected(_) | Payload::FieldResolved(_)
        ) {
            TextIndex::Replace
        } else {
            TextIndex::Keep
        };
        let event = w
            .append(
                case_n,
                EventDraft {
                    case,
                    at: after_last(at, &state),
                    recorded: now,
                    person: who.person.clone(),
                    person_role: who.person_role.clone(),
                    role: who.role.clone(),
                    payload,
                },
            )
            .map_err(err)?;
        // The stored state is always the one fold of every event, exactly as
        // a merge or a rebuild derives it.
        let mut all = events;
        all.push(event.clone());
        state = CaseState::fold(&all, Some(sop)).ok_or_else(|| Msg::CaseNotFound(key.into()))?;
        let summary = summarize(&state, Some(sop), &clock);
        let registered_by = w.registering_desk(case_n).map_err(err)?;
        w.put_case(case_n, &summary, &state, registered_by, text)
            .map_err(err)?;
        w.commit().map_err(err)?;
        Ok((summary, event.id))
    }

    /// Checks and normalises a corrected value as the intake form would.
    fn normalise_field(&self, field: CaseField, value: &str) -> Result<String> {
        let today = self.today();
        let bad = |problem: Problem| field_error(field, problem);
        let v = value.trim();
        let control = match field {
            CaseField::Description => draft::control_in_lines(v),
            _ => draft::control_in_line(v),
        };
        if let Some(problem) = control {
            return Err(bad(problem));
        }
        Ok(match field {
            CaseField::Nik if !v.is_empty() => {
                identity::parse_nik(v, today)
                    .map_err(|e| bad(Problem::Nik(e)))?
                    .digits
            }
            CaseField::Phone if !v.is_empty() => {
                identity::parse_phone(v)
                    .map_err(|e| bad(Problem::Phone(e)))?
                    .e164
            }
            CaseField::Email if !v.is_empty() => {
                identity::parse_email(v).map_err(|e| bad(Problem::Email(e)))?
            }
            CaseField::Nib if !v.is_empty() => {
                identity::parse_nib(v).map_err(|e| bad(Problem::Nib(e)))?
            }
            CaseField::CompleteOn => draft::parse_date(v)
                .ok_or_else(|| Msg::BadDate(v.into()))?
                .to_string(),
            CaseField::Channel => crate::domain::case::Channel::parse(v)
                .ok_or_else(|| bad(Problem::UnknownChannel(v.into())))?
                .id()
                .to_string(),
            CaseField::Name | CaseField::Subject if v.is_empty() => {
                return Err(bad(Problem::Required));
            }
            CaseField::Description => draft::lines(v),
            _ => draft::clean(v),
        })
    }
}

/// A date written on paper lies between the case's receipt and today.
fn check_paper_date(
    day: chrono::NaiveDate,
    state: &CaseState,
    offset: chrono::FixedOffset,
    today: chrono::NaiveDate,
) -> Result<()> {
    let received = draft::to_local(state.reg.input.received_at, offset).date();
    if day > today {
        return Err(Msg::PaperDateInFuture { day, today });
    }
    if day < received {
        return Err(Msg::PaperDateBeforeReceipt { day, received });
    }
    Ok(())
}

fn field_error(field: CaseField, problem: Problem) -> Msg {
    Msg::BadFieldValue {
        field: crate::i18n::case_field_label(field).into(),
        problem,
    }
}

fn parse_opt<T>(
    value: &Option<String>,
    parse: impl Fn(&str) -> Option<T>,
    err: impl Fn(String) -> Msg,
) -> Result<Option<T>> {
    value
        .as_deref()
        .map(|v| parse(v).ok_or_else(|| err(v.into())))
        .transpose()
}

/// The events a settlement keeping `keep` drops: every other version of a
/// step. Of a case finished on one desk and acted on further on another,
/// keeping the finish drops every later action; keeping a later action
/// drops the finish only, so the case goes on with every action after it.
fn settled_away(conflict: &crate::domain::conflict::Conflict, step: &str, keep: Uuid) -> Vec<Uuid> {
    let finish = conflict.heads.first().map(|h| h.event);
    if step == crate::domain::fold::END_TOPIC && finish != Some(keep) {
        return finish.into_iter().collect();
    }
    conflict
        .heads
        .iter()
        .map(|h| h.event)
        .filter(|e| *e != keep)
        .collect()
}

/// When a new event of the case happens: never at or before the case's last
/// event. The fold orders events by time, then by desk; an event at the same
/// second as one this desk has seen could sort before it on every desk (by
/// the other desk's id) and so be folded against a state its author never
/// saw. One second later keeps what a desk saw before what it then did.
fn after_last(at: i64, state: &CaseState) -> i64 {
    at.max(state.last_at + 1)
}

/// Machine-readable flags for a deadline counted without a holiday list.
pub fn deadline_flags(years: &[i32]) -> Vec<String> {
    years
        .iter()
        .map(|y| format!("no-holiday-list:{y}"))
        .collect()
}

fn attachment_ref(path: &Path, data: &[u8]) -> AttachmentRef {
    AttachmentRef {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        size: data.len() as u64,
        sha256: Sha256::digest(data).into(),
    }
}
