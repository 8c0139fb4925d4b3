//! A case as `case show` presents it: fields, the SOP checklist, the timeline.

use serde::Serialize;
use uuid::Uuid;

use super::{Desk, Result, cases::deadline_flags};
use crate::domain::event::{Event, Payload, hex};
use crate::domain::sop::{Sop, Step};
use crate::domain::summary::DEFAULT_LIMIT_WORKDAYS;
use crate::domain::workflow::{CaseState, Status, allowed_actions};
use crate::i18n::{self, Word, word};

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// The SOP's id of the step: a machine key, not for people to read.
    pub id: String,
    pub title: String,
    /// What a narrow column shows: the SOP's short title, else the title.
    pub short: String,
    pub actor: String,
    pub actor_name: String,
    pub minutes: u32,
    pub requires: String,
    pub output: String,
    /// "done", "current" or "pending".
    pub state: String,
    pub started_at: Option<String>,
    pub due_at: Option<String>,
    pub done_at: Option<String>,
    pub done_by: Option<String>,
    pub done_as: Option<String>,
    pub on_behalf: bool,
    pub result: Option<String>,
    pub late: Option<bool>,
    /// Office minutes the step took (done) or has taken so far (current),
    /// paused time left out; `Desk::work_time` words it.
    pub used_minutes: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    pub desk: String,
    pub seq: u64,
    pub event_id: Uuid,
    pub at: String,
    pub recorded_at: String,
    pub kind: String,
    pub person: String,
    pub person_role: String,
    pub role: String,
    pub on_behalf: bool,
    pub summary: String,
    pub hash: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseDetail {
    pub id: Uuid,
    pub agenda_no: String,
    pub kind: String,
    pub channel: String,
    pub sop: String,
    pub status: String,
    pub received_at: String,
    pub complete_on: String,
    pub deadline: String,
    pub deadline_flags: Vec<String>,
    pub workdays_used: u32,
    /// For a finished case, frozen at its finish: working days before
    /// (positive) or after (negative) the deadline it finished.
    pub finished_margin: Option<i64>,
    pub overdue: bool,
    pub complainant: serde_json::Value,
    pub confidential: bool,
    pub anonymous: bool,
    pub identity_attached: bool,
    pub object: serde_json::Value,
    pub subject: String,
    pub description: String,
    pub attachments: Vec<serde_json::Value>,
    /// The case this one was linked to at registration.
    pub linked_to: Option<Uuid>,
    pub forwarded_to: Option<String>,
    pub closed_at: Option<String>,
    pub current_step: Option<String>,
    /// The current step's short title, for people to read.
    pub current_step_title: Option<String>,
    /// The actions each role may take now.
    pub allowed: Vec<(String, Vec<String>)>,
    /// The checklist: the SOP's steps in its order. Once a decision chose a
    /// branch, the steps only the other options lead to are left out (a
    /// step done or waiting is always kept), so nothing listed as pending
    /// is a step the case will not take.
    pub steps: Vec<StepView>,
    pub timeline: Vec<TimelineEntry>,
    /// How many events the fold did not apply; each is in `ignored`.
    pub anomalies: u32,
    pub ignored: Vec<IgnoredView>,
    /// Changes made apart on two desks, waiting for a decision ("perlu keputusan").
    pub conflicts: Vec<ConflictView>,
}

/// An event the fold did not apply, and why, in words.
#[derive(Debug, Clone, Serialize)]
pub struct IgnoredView {
    pub event: String,
    pub kind: String,
    pub desk: String,
    pub person: String,
    pub role: String,
    pub at: String,
    pub reason: String,
}

/// One conflict: what it concerns and every value still standing.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictView {
    /// `field:<id>` or `note:<short id>`.
    pub topic: String,
    pub label: String,
    pub values: Vec<ConflictValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConflictValue {
    pub value: String,
    pub desk: String,
    pub person: String,
    pub role: String,
    pub at: String,
    pub event: String,
}

impl Desk {
    pub(super) fn step_view(
        &self,
        sop: &Sop,
        step: &Step,
        state: Option<&CaseState>,
        due: Option<i64>,
        started: Option<i64>,
    ) -> StepView {
        let done = state.and_then(|s| s.done.iter().rev().find(|d| d.step == step.id));
        let current = state.is_some_and(|s| s.current.as_deref() == Some(&step.id));
        let (started, due) = match (done, state) {
            (Some(d), Some(s)) => (
                Some(d.started),
                self.clock().step_due(s, step, d.started, Some(d.done)),
            ),
            _ => (started, due),
        };
        StepView {
            id: step.id.clone(),
            title: step.title.clone(),
            short: step.short_title().to_string(),
            actor: step.actor.clone(),
            actor_name: sop
                .role(&step.actor)
                .map(|r| r.name.clone())
                .unwrap_or_default(),
            minutes: step.minutes,
            requires: step.requires.clone(),
            output: step.output.clone(),
            state: if done.is_some() {
                "done"
            } else if current || state.is_none() {
                "current"
            } else {
                "pending"
            }
            .into(),
            started_at: started
                .filter(|_| done.is_some() || current || state.is_none())
                .map(|t| self.rfc3339(t)),
            due_at: due.map(|t| self.rfc3339(t)),
            done_at: done.map(|d| self.rfc3339(d.done)),
            done_by: done.map(|d| d.person.clone()),
            done_as: done.map(|d| d.role.clone()),
            on_behalf: done.is_some_and(|d| d.role != d.person_role),
            result: done.map(|d| d.output.clone()),
            late: match (done, due) {
                (Some(d), Some(due)) => Some(d.done > due),
                (None, Some(due)) if current => Some(self.now() > due),
                _ => None,
            },
            used_minutes: match (done, state) {
                (Some(d), Some(s)) => Some(self.office_minutes_used(s, d.started, d.done)),
                (None, Some(s)) if current => {
                    started.map(|t| self.office_minutes_used(s, t, self.now()))
                }
                _ => None,
            },
        }
    }

    /// Office minutes from `from` to `to`, less the office time the case's
    /// clock was paused in between.
    fn office_minutes_used(&self, state: &CaseState, from: i64, to: i64) -> u32 {
        let local = |t| crate::domain::draft::to_local(t, self.offset);
        let between = |a: i64, b: i64| self.calendar.work_minutes_between(local(a), local(b));
        let paused: u32 = state
            .pauses
            .iter()
            .filter(|p| p.from >= from && p.from < to)
            .map(|p| between(p.from, p.to.unwrap_or(to).min(to)))
            .sum();
        between(from, to).saturating_sub(paused)
    }

    /// A step's short title by SOP and step id, as a list shows it; the id
    /// itself only when the SOP file in force does not know the step.
    pub fn step_short_title(&self, sop: &str, step: &str) -> String {
        self.step_label(sop, step).to_string()
    }

    /// Office minutes as people count them: working days and hours (`3h 2j`).
    pub fn work_time(&self, minutes: u32) -> String {
        i18n::work_time_text(minutes, self.calendar.hours().minutes_per_day())
    }

    /// Everything about one case.
    pub fn show(&self, key: &str) -> Result<CaseDetail> {
        let (case_n, _) = self.resolve(key)?;
        let timeline = self
            .store
            .case_timeline(case_n)
            .map_err(|e| self.db_error(e))?;
        let events: Vec<&Event> = timeline.iter().map(|t| &t.event).collect();
        let sop_id = events.iter().find_map(|e| match &e.payload {
            Payload::CaseRegistered(r) => Some(r.sop.clone()),
            _ => None,
        });
        let sop = sop_id.as_deref().and_then(|id| self.sops.by_id(id));
        let state = CaseState::fold(events.iter().copied(), sop)
            .ok_or_else(|| crate::i18n::Msg::CaseNotFound(key.into()))?;
        let today = self.today();
        let limit = sop.map_or(DEFAULT_LIMIT_WORKDAYS, |s| s.limit_workdays);
        let deadline = self.clock().deadline(&state, limit, today);
        // A finished case's clock stopped when it finished.
        let finished_on = state
            .closed_at
            .filter(|_| state.status.is_finished())
            .map(|t| crate::domain::draft::to_local(t, self.offset).date());
        let until = finished_on.unwrap_or(today);
        let input = &state.reg.input;
        let steps = sop.map_or_else(Vec::new, |sop| {
            state
                .steps_on_path(sop)
                .into_iter()
                .map(|step| {
                    let current = state.current.as_deref() == Some(&step.id);
                    let due = if current && state.status == Status::Open {
                        self.clock().step_due(&state, step, state.step_since, None)
                    } else {
                        None
                    };
                    self.step_view(
                        sop,
                        step,
                        Some(&state),
                        due,
                        current.then_some(state.step_since),
                    )
                })
                .collect()
        });
        let allowed = sop.map_or_else(Vec::new, |sop| {
            sop.roles
                .iter()
                .map(|r| {
                    let acts = allowed_actions(&state, sop, &r.id)
                        .iter()
                        .map(|a| a.id().to_string())
                        .collect();
                    (r.id.clone(), acts)
                })
                .collect()
        });
        Ok(CaseDetail {
            id: state.id,
            agenda_no: state.reg.agenda_no.clone(),
            kind: input.kind.id().into(),
            channel: input.channel.id().into(),
            sop: state.reg.sop.clone(),
            status: state.status.id().into(),
            received_at: self.rfc3339(input.received_at),
            complete_on: input.complete_on.to_string(),
            deadline: deadline.date.to_string(),
            deadline_flags: deadline_flags(&deadline.unlisted_years),
            workdays_used: self.calendar.workdays_used(input.complete_on, &state.pause_days(self.offset), until),
            finished_margin: finished_on.map(|day| self.workdays_between(day, deadline.date)),
            overdue: state.status == Status::Open && today > deadline.date,
            complainant: serde_json::to_value(&input.complainant).unwrap_or_default(),
            confidential: input.confidential,
            anonymous: input.anonymous,
            identity_attached: input.identity_attached,
            object: serde_json::to_value(&input.object).unwrap_or_default(),
            subject: input.subject.clone(),
            description: input.description.clone(),
            attachments: input
                .attachments
                .iter()
                .map(|a| serde_json::json!({ "name": a.name, "size": a.size, "sha256": hex(&a.sha256) }))
                .collect(),
            linked_to: input.linked_to,
            forwarded_to: state.forwarded_to.clone(),
            closed_at: state.closed_at.map(|t| self.rfc3339(t)),
            current_step: state.current.clone(),
            current_step_title: sop
                .zip(state.current.as_deref())
                .map(|(sop, id)| sop.step_short(id).to_string()),
            allowed,
            steps,
            timeline: timeline
                .iter()
                .map(|t| TimelineEntry {
                    desk: t.desk_code.clone(),
                    seq: t.event.seq,
                    event_id: t.event.id,
                    at: self.rfc3339(t.event.at),
                    recorded_at: self.rfc3339(t.event.recorded),
                    kind: t.event.payload.name().into(),
                    person: t.event.person.clone(),
                    person_role: t.event.person_role.clone(),
                    role: t.event.role.clone(),
                    on_behalf: t.event.on_behalf(),
                    summary: event_summary(&t.event, sop),
                    hash: hex(&crate::domain::event::hash_bytes(&t.event.canonical_bytes())),
                })
                .collect(),
            anomalies: state.anomalies(),
            ignored: self.ignored_views(&state, sop),
            conflicts: state
                .conflicts()
                .iter()
                .map(|c| self.conflict_view(c, sop))
                .collect(),
        })
    }
}

impl Desk {
    fn ignored_views(&self, state: &CaseState, sop: Option<&Sop>) -> Vec<IgnoredView> {
        let codes = self.store.desk_codes().unwrap_or_default();
        state
            .ignored
            .iter()
            .map(|i| IgnoredView {
                event: super::short_id(i.event),
                kind: i.kind.to_string(),
                desk: code_of(&codes, i.desk),
                person: i.person.clone(),
                role: i.role.clone(),
                at: self.local_time(i.at),
                reason: i18n::ignored_reason(&i.reason, sop),
            })
            .collect()
    }

    pub(super) fn conflict_view(
        &self,
        c: &crate::domain::conflict::Conflict,
        sop: Option<&Sop>,
    ) -> ConflictView {
        use crate::domain::conflict::Topic;
        let (topic, label) = match &c.topic {
            Topic::Field(f) => (
                format!("field:{}", f.id()),
                i18n::case_field_label(*f).to_string(),
            ),
            Topic::Note(n) => (
                format!("note:{}", super::short_id(*n)),
                format!("{} {}", i18n::n(i18n::N::Note), super::short_id(*n)),
            ),
            Topic::Step(step) => (format!("step:{step}"), i18n::step_conflict_label(step, sop)),
        };
        let codes = self.store.desk_codes().unwrap_or_default();
        ConflictView {
            topic,
            label,
            values: c
                .heads
                .iter()
                .map(|h| ConflictValue {
                    value: h.value.clone(),
                    desk: code_of(&codes, h.desk),
                    person: h.person.clone(),
                    role: h.role.clone(),
                    at: self.local_time(h.at),
                    event: super::short_id(h.event),
                })
                .collect(),
        }
    }
}

fn code_of(codes: &[(Uuid, String)], desk: Uuid) -> String {
    codes
        .iter()
        .find(|(id, _)| *id == desk)
        .map_or(String::new(), |(_, code)| code.clone())
}

/// One line saying what an event did, in the user's language.
pub fn event_summary(e: &Event, sop: Option<&Sop>) -> String {
    // A timeline line is one row: the step's short title.
    let step_title = |id: &str| sop.map_or(id.to_string(), |s| s.step_short(id).to_string());
    let role = |id: &str| sop.map_or(id.to_string(), |s| s.role_short(id).to_string());
    match &e.payload {
        Payload::CaseRegistered(r) => format!(
            "{} {} — {}",
            i18n::kind_label(r.input.kind),
            r.agenda_no,
            i18n::channel_label(r.input.channel)
        ),
        Payload::FieldCorrected(c) => format!("{}: {}", i18n::case_field_label(c.field), c.value),
        Payload::DispositionRecorded(d) => {
            let mut s = d
                .step
                .as_deref()
                .map(|id| format!("{}: ", step_title(id)))
                .unwrap_or_default();
            s.push_str(&format!(
                "{} → {}: {} ({})",
                role(&d.from),
                role(&d.to),
                i18n::instruction_label(d.instruction),
                i18n::priority_label(d.priority)
            ));
            if !d.note.is_empty() {
                s.push_str(&format!(" — {}", d.note));
            }
            if let Some(w) = d.written_on {
                s.push_str(&format!(" [{w}]"));
            }
            s
        }
        Payload::Decided(d) => {
            let label = sop
                .and_then(|s| s.step(&d.step))
                .and_then(|s| s.options.iter().find(|o| o.id == d.option))
                .map_or(d.option.clone(), |o| o.label.clone());
            match &d.opd {
                Some(opd) => format!("{}: {label} — {opd}", step_title(&d.step)),
                None => format!("{}: {label}", step_title(&d.step)),
            }
        }
        Payload::StepCompleted(s) => format!("{} — {}", step_title(&s.step), s.output),
        Payload::NoteAdded(n) => format!("{}: {}", i18n::note_kind_label(n.kind), n.text),
        Payload::ClockPaused { reason } => format!("{}: {reason}", word(Word::Paused)),
        Payload::ClockResumed { note } => note.clone(),
        Payload::CaseClosed { reason } => reason.clone(),
        Payload::NoteRecorded(n) => {
            let first = n.fields.first().map_or("", |(_, v)| v.as_str());
            format!("{}: {first}", i18n::note_kind_label(n.kind))
        }
        Payload::NoteWithdrawn { reason, .. } => {
            format!("{} — {reason}", i18n::n(i18n::N::Withdrawn))
        }
        Payload::StepSettled(st) => format!(
            "{}: {} {} ({})",
            step_title(&st.step),
            i18n::n(i18n::N::Kept),
            super::short_id(st.keep),
            i18n::n(i18n::N::Resolved)
        ),
        Payload::FieldResolved(r) => format!(
            "{}: {} ({})",
            i18n::case_field_label(r.field),
            r.value,
            i18n::n(i18n::N::Resolved)
        ),
        Payload::AttachmentAdded(a) => format!(
            "{}: {} ({} B)",
            i18n::n(i18n::N::Attachment),
            a.name,
            a.size
        ),
        Payload::LetterDrafted(_) | Payload::LetterActed(_) => {
            i18n::letters::timeline_line(&e.payload)
        }
    }
}
