//! The SOP engine: a case's state (folded from its events in `fold.rs`), and
//! which actions a role may take next.

use chrono::{FixedOffset, NaiveDate};
use uuid::Uuid;

use super::calendar::{Calendar, Deadline, Pause};
use super::case::CaseField;
use super::conflict::{Conflict, FieldHeads, Head};
use super::draft::to_local;
use super::event::{
    Decision, Disposition, Instruction, Note, NoteKind, Payload, Priority, Registration, StepDone,
};
use super::note::Notebook;
use super::sop::{Sop, Step, StepKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Open,
    /// Waiting for the complainant's documents; the clock is stopped.
    Paused,
    /// Handed to the competent OPD; the office's part is done.
    Forwarded,
    Closed,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::Paused,
        Status::Forwarded,
        Status::Closed,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Paused => "paused",
            Status::Forwarded => "forwarded",
            Status::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim().to_lowercase();
        let s = match s.as_str() {
            "terbuka" | "proses" => "open",
            "dijeda" | "ditunda" => "paused",
            "diteruskan" => "forwarded",
            "selesai" | "ditutup" => "closed",
            other => other,
        };
        Status::from_id(s)
    }

    /// The status whose id is exactly `id`, as the store writes it.
    pub fn from_id(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.id() == id)
    }

    pub fn is_finished(self) -> bool {
        matches!(self, Status::Forwarded | Status::Closed)
    }
}

/// A step as it was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRecord {
    pub step: String,
    pub started: i64,
    pub done: i64,
    pub event: Uuid,
    /// The desk that recorded it.
    pub desk: Uuid,
    pub person: String,
    pub person_role: String,
    pub role: String,
    /// What the checklist shows.
    pub output: String,
    /// What tells it apart from the same step done otherwise on another desk.
    pub content: String,
}

/// A decision as it was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRecord {
    pub step: String,
    pub option: String,
    pub at: i64,
    /// The option ended the case (answered or resolved at once).
    pub ends: bool,
    /// The OPD, when the option forwards the case.
    pub opd: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PauseSpan {
    pub from: i64,
    pub to: Option<i64>,
}

/// Everything known about a case after its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseState {
    pub id: Uuid,
    /// The registration event.
    pub registration: Uuid,
    /// Who registered the case and when: the first value of every field.
    pub registered_head: Head,
    /// The registration, with every correction applied.
    pub reg: Registration,
    pub status: Status,
    /// The step waiting to be done; None once the case is finished.
    pub current: Option<String>,
    pub step_since: i64,
    pub done: Vec<StepRecord>,
    pub pauses: Vec<PauseSpan>,
    pub forwarded_to: Option<String>,
    /// Decisions taken: (step, option, when, whether the option ended the case).
    pub decisions: Vec<DecisionRecord>,
    pub closed_at: Option<i64>,
    /// The event that finished the case (closed it, or took its last step).
    pub finished_by: Option<Head>,
    pub notebook: Notebook,
    /// The outgoing letters, at most one of each kind.
    pub letters: Vec<super::letter::Letter>,
    /// The event that last set each corrected field.
    pub corrected: Vec<(CaseField, Uuid)>,
    /// The values of each corrected field nobody has replaced yet.
    pub heads: FieldHeads,
    /// Steps disposed, completed or decided differently on two desks, and
    /// SOP actions recorded after another desk finished the case.
    pub step_conflicts: Vec<Conflict>,
    /// Events the fold did not apply, each with its reason.
    pub ignored: Vec<super::fold::Ignored>,
    pub last_at: i64,
    pub events: u32,
}

impl CaseState {
    /// A field's value as text, as a correction writes it.
    pub fn field_value(&self, field: CaseField) -> String {
        let input = &self.reg.input;
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        match field {
            CaseField::Name => input.complainant.name.clone(),
            CaseField::Nik => opt(&input.complainant.nik),
            CaseField::Address => input.complainant.address.clone(),
            CaseField::Phone => opt(&input.complainant.phone),
            CaseField::Email => opt(&input.complainant.email),
            CaseField::Business => input.object.business.clone(),
            CaseField::Nib => opt(&input.object.nib),
            CaseField::LicenceNo => input.object.licence_no.clone(),
            CaseField::LicenceType => input.object.licence_type.clone(),
            CaseField::Subject => input.subject.clone(),
            CaseField::Description => input.description.clone(),
            CaseField::CompleteOn => input.complete_on.to_string(),
            CaseField::Channel => input.channel.id().to_string(),
        }
    }

    /// Every conflict in the case: fields and notes.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut all: Vec<Conflict> = self.heads.conflicts().collect();
        all.extend(self.notebook.conflicts());
        all.extend(self.step_conflicts.iter().cloned());
        all
    }

    /// The event that holds a field's current value.
    pub fn source_of(&self, field: CaseField) -> Uuid {
        self.corrected
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(self.registration, |(_, e)| *e)
    }

    pub fn current_step<'s>(&self, sop: &'s Sop) -> Option<&'s Step> {
        self.current.as_deref().and_then(|id| sop.step(id))
    }

    /// The SOP's steps in its order, without the branches the case's
    /// decisions did not take; a step done or waiting stays whatever the
    /// decisions say (a conflict between desks may have left one there).
    pub fn steps_on_path<'s>(&self, sop: &'s Sop) -> Vec<&'s Step> {
        let mut not_taken = std::collections::HashSet::new();
        for d in &self.decisions {
            not_taken.extend(sop.branch_not_taken(&d.step, &d.option));
        }
        sop.steps
            .iter()
            .filter(|s| {
                !not_taken.contains(&s.id)
                    || self.current.as_deref() == Some(&s.id)
                    || self.done.iter().any(|d| d.step == s.id)
            })
            .collect()
    }

    /// The pauses as calendar days, for the legal clock.
    pub fn pause_days(&self, offset: FixedOffset) -> Vec<Pause> {
        self.pauses
            .iter()
            .map(|p| Pause {
                from: to_local(p.from, offset).date(),
                to: p.to.map(|t| to_local(t, offset).date()),
            })
            .collect()
    }

    /// How many events the fold did not apply (each is listed with its reason).
    pub fn anomalies(&self) -> u32 {
        self.ignored.len() as u32
    }
}

/// The calendar and the office's time zone: what turns event times into due dates.
#[derive(Debug, Clone, Copy)]
pub struct Clock<'a> {
    pub calendar: &'a Calendar,
    pub offset: FixedOffset,
}

impl Clock<'_> {
    /// The legal deadline: the SOP's limit in working days after the file was
    /// complete, extended by paused working days up to `today`.
    pub fn deadline(&self, state: &CaseState, sop_limit: u32, today: NaiveDate) -> Deadline {
        self.calendar.deadline(
            state.reg.input.complete_on,
            sop_limit,
            &state.pause_days(self.offset),
            today,
        )
    }

    /// The deadline counting only pauses that have ended: it does not depend
    /// on today, so the stored projection is the same whenever it is rebuilt.
    pub fn settled_deadline(&self, state: &CaseState, sop_limit: u32) -> Deadline {
        let closed: Vec<Pause> = state
            .pause_days(self.offset)
            .into_iter()
            .filter(|p| p.to.is_some())
            .collect();
        let day0 = state.reg.input.complete_on;
        self.calendar.deadline(day0, sop_limit, &closed, day0)
    }

    /// When a step started at `started` is due: its time standard in office
    /// minutes, plus the office time of pauses that ended since it started.
    /// None while a pause that began after the start is still running.
    /// `done` bounds the pauses that count: a step finished before a pause
    /// is not extended by it.
    pub fn step_due(
        &self,
        state: &CaseState,
        step: &Step,
        started: i64,
        done: Option<i64>,
    ) -> Option<i64> {
        let mut extra = 0u32;
        let counts = |p: &&PauseSpan| p.from >= started && done.is_none_or(|d| p.from < d);
        for p in state.pauses.iter().filter(counts) {
            let to = p.to?;
            extra += self
                .calendar
                .work_minutes_between(self.local(p.from), self.local(to));
        }
        let due = self
            .calendar
            .add_work_minutes(self.local(started), step.minutes + extra);
        Some(super::draft::to_unix(due, self.offset))
    }

    /// Office minutes of the pauses that began at or after `since` and have ended.
    pub fn paused_minutes_since(&self, state: &CaseState, since: i64) -> u32 {
        state
            .pauses
            .iter()
            .filter(|p| p.from >= since)
            .filter_map(|p| {
                p.to.map(|to| {
                    self.calendar
                        .work_minutes_between(self.local(p.from), self.local(to))
                })
            })
            .sum()
    }

    fn local(&self, t: i64) -> chrono::NaiveDateTime {
        to_local(t, self.offset)
    }
}

// ---- Actions -------------------------------------------------------------

/// What a person can do to a case. The ids are the CLI's `--action` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionKind {
    /// Record the disposition sheet of the current step.
    Dispose,
    /// Choose an option of the current decision step.
    Decide,
    /// Complete the current step with its output.
    Complete,
    /// Stop the clock while documents are missing.
    Pause,
    /// Restart the clock.
    Resume,
    /// Close the case before its SOP ends.
    Close,
    /// Add a note to the case.
    Note,
}

impl ActionKind {
    pub const ALL: [ActionKind; 7] = [
        ActionKind::Dispose,
        ActionKind::Decide,
        ActionKind::Complete,
        ActionKind::Pause,
        ActionKind::Resume,
        ActionKind::Close,
        ActionKind::Note,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ActionKind::Dispose => "disposisi",
            ActionKind::Decide => "putuskan",
            ActionKind::Complete => "selesai",
            ActionKind::Pause => "tunda",
            ActionKind::Resume => "lanjutkan",
            ActionKind::Close => "tutup",
            ActionKind::Note => "catat",
        }
    }

    /// The English name of the action (accepted by the CLI; the key map's
    /// `act_…` names).
    pub fn alias(self) -> &'static str {
        match self {
            ActionKind::Dispose => "dispose",
            ActionKind::Decide => "decide",
            ActionKind::Complete => "complete",
            ActionKind::Pause => "pause",
            ActionKind::Resume => "resume",
            ActionKind::Close => "close",
            ActionKind::Note => "note",
        }
    }

    pub fn parse(s: &str) -> Option<ActionKind> {
        let s = s.trim().to_lowercase();
        ActionKind::ALL
            .into_iter()
            .find(|a| a.id() == s || a.alias() == s)
    }
}

/// Who acts: the person typing, their own role, and the role acted as.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub person: &'a str,
    pub person_role: &'a str,
    pub role: &'a str,
}

#[derive(Debug, Clone, Default)]
pub struct ActionRequest {
    pub to: Option<String>,
    pub note: String,
    pub instruction: Option<Instruction>,
    pub priority: Option<Priority>,
    pub written_on: Option<NaiveDate>,
    pub note_kind: Option<NoteKind>,
    /// When it happened (unix seconds).
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The person's role may not act as this role.
    CannotActAs {
        person_role: String,
        role: String,
        recorded_by: Vec<String>,
    },
    /// Not allowed now for this role; lists what is.
    NotAllowed {
        action: ActionKind,
        role: String,
        status: Status,
        /// The current step's short title, for people to read.
        step: Option<String>,
        step_actor: Option<String>,
        allowed: Vec<ActionKind>,
        /// What the person may record on behalf of a role that decides on
        /// paper (the Kasi typing a head's disposition): (action, the
        /// role's short name).
        on_behalf: Box<[(ActionKind, String)]>,
    },
    OptionNeeded {
        options: Vec<String>,
        opds: Vec<String>,
    },
    UnknownOption {
        given: String,
        options: Vec<String>,
        opds: Vec<String>,
    },
    UnknownRole {
        given: String,
        roles: Vec<String>,
    },
    /// Pausing, closing and notes need a text.
    TextNeeded(ActionKind),
    /// A kind of note with fields of its own (a BAP: time, place,
    /// officers) is written with them, never as one line of text.
    NoteNeedsFields(NoteKind),
    BeforeLastEvent {
        last: i64,
    },
    InFuture,
    /// The case's current step is missing from the SOP file in force.
    StepNotInSop(String),
}

/// The actions `role` may take on the case now.
pub fn allowed_actions(state: &CaseState, sop: &Sop, role: &str) -> Vec<ActionKind> {
    let mut allowed = Vec::new();
    let may = |list: &[String]| list.iter().any(|r| r == role);
    match state.status {
        Status::Open => {
            if let Some(step) = state.current_step(sop).filter(|s| s.actor == role) {
                allowed.push(match step.kind {
                    StepKind::Disposition => ActionKind::Dispose,
                    StepKind::Decision => ActionKind::Decide,
                    StepKind::Task => ActionKind::Complete,
                });
            }
            if may(&sop.pause_roles) {
                allowed.push(ActionKind::Pause);
            }
            if may(&sop.close_roles) {
                allowed.push(ActionKind::Close);
            }
        }
        Status::Paused => {
            if may(&sop.pause_roles) {
                allowed.push(ActionKind::Resume);
            }
            if may(&sop.close_roles) {
                allowed.push(ActionKind::Close);
            }
        }
        Status::Forwarded | Status::Closed => {}
    }
    allowed.push(ActionKind::Note);
    allowed
}

/// Checks an action against the SOP and the case, and returns the event
/// payload that records it. `opds` are the agencies a case may be forwarded to.
pub fn plan(
    state: &CaseState,
    sop: &Sop,
    actor: Actor<'_>,
    action: ActionKind,
    req: &ActionRequest,
    opds: &[String],
    now: i64,
) -> Result<Payload, Refusal> {
    if !sop.may_act_as(actor.person_role, actor.role) {
        return Err(Refusal::CannotActAs {
            person_role: actor.person_role.to_string(),
            role: actor.role.to_string(),
            recorded_by: sop
                .role(actor.role)
                .map(|r| r.recorded_by.clone())
                .unwrap_or_default(),
        });
    }
    if req.at < state.last_at {
        return Err(Refusal::BeforeLastEvent {
            last: state.last_at,
        });
    }
    if req.at > now + 300 {
        return Err(Refusal::InFuture);
    }
    if let Some(id) = state.current.as_ref().filter(|id| sop.step(id).is_none()) {
        return Err(Refusal::StepNotInSop(id.clone()));
    }
    let allowed = allowed_actions(state, sop, actor.role);
    if !allowed.contains(&action) {
        let step = state.current_step(sop);
        return Err(Refusal::NotAllowed {
            action,
            role: actor.role.to_string(),
            status: state.status,
            step: step.map(|s| s.short_title().to_string()),
            step_actor: step.map(|s| s.actor.clone()),
            on_behalf: on_behalf_actions(state, sop, actor, &allowed).into_boxed_slice(),
            allowed,
        });
    }
    let note = req.note.trim().to_string();
    let need_text = |kind| {
        if note.is_empty() {
            Err(Refusal::TextNeeded(kind))
        } else {
            Ok(())
        }
    };
    let step = state.current_step(sop);
    Ok(match action {
        ActionKind::Dispose => {
            let step = step.expect("dispose is allowed only on a current step");
            let to = match &req.to {
                Some(to) => sop.role(to.trim()).map(|r| r.id.clone()).ok_or_else(|| {
                    Refusal::UnknownRole {
                        given: to.clone(),
                        roles: sop.roles.iter().map(|r| r.id.clone()).collect(),
                    }
                })?,
                None => step.to.clone().unwrap_or_default(),
            };
            let instruction = req
                .instruction
                .or_else(|| step.instruction.as_deref().and_then(Instruction::parse))
                .unwrap_or(Instruction::TindakLanjuti);
            Payload::DispositionRecorded(Disposition {
                step: Some(step.id.clone()),
                from: actor.role.to_string(),
                to,
                instruction,
                priority: req.priority.unwrap_or(Priority::Biasa),
                note,
                written_on: req.written_on,
            })
        }
        ActionKind::Decide => {
            let step = step.expect("decide is allowed only on a current step");
            let (option, opd) = choose_option(step, req.to.as_deref(), opds)?;
            Payload::Decided(Decision {
                step: step.id.clone(),
                option,
                opd,
                note,
            })
        }
        ActionKind::Complete => {
            let step = step.expect("complete is allowed only on a current step");
            let output = if note.is_empty() {
                step.output.clone()
            } else {
                note
            };
            Payload::StepCompleted(StepDone {
                step: step.id.clone(),
                output,
            })
        }
        ActionKind::Pause => {
            need_text(action)?;
            Payload::ClockPaused { reason: note }
        }
        ActionKind::Resume => Payload::ClockResumed { note },
        ActionKind::Close => {
            need_text(action)?;
            Payload::CaseClosed { reason: note }
        }
        ActionKind::Note => {
            let kind = req.note_kind.unwrap_or(NoteKind::Catatan);
            if kind != NoteKind::Catatan {
                return Err(Refusal::NoteNeedsFields(kind));
            }
            need_text(action)?;
            Payload::NoteAdded(Note {
                kind,
                text: note,
                replaces: None,
            })
        }
    })
}

/// The actions `actor`'s own role may record for the other roles it acts
/// for, beyond those in `own`: what a refusal lists beside `own`.
fn on_behalf_actions(
    state: &CaseState,
    sop: &Sop,
    actor: Actor<'_>,
    own: &[ActionKind],
) -> Vec<(ActionKind, String)> {
    let mut out = Vec::new();
    let roles = std::iter::once(actor.person_role).chain(sop.roles.iter().map(|r| r.id.as_str()));
    for role in roles.filter(|r| *r != actor.role && sop.may_act_as(actor.person_role, r)) {
        for action in allowed_actions(state, sop, role) {
            let listed = own.contains(&action) || out.iter().any(|(a, _)| *a == action);
            if !listed {
                out.push((action, sop.role_short(role).to_string()));
            }
        }
    }
    out
}

/// `to` names an option, or an OPD (which picks the forwarding option).
fn choose_option(
    step: &Step,
    to: Option<&str>,
    opds: &[String],
) -> Result<(String, Option<String>), Refusal> {
    let options: Vec<String> = step.options.iter().map(|o| o.id.clone()).collect();
    let has_forward = step.options.iter().any(|o| o.forward);
    let opd_list = if has_forward {
        opds.to_vec()
    } else {
        Vec::new()
    };
    let Some(to) = to.map(str::trim).filter(|t| !t.is_empty()) else {
        return Err(Refusal::OptionNeeded {
            options,
            opds: opd_list,
        });
    };
    if let Some(o) = step.options.iter().find(|o| o.id.eq_ignore_ascii_case(to)) {
        if o.forward {
            return Err(Refusal::OptionNeeded {
                options,
                opds: opd_list,
            });
        }
        return Ok((o.id.clone(), None));
    }
    let forward = step.options.iter().find(|o| o.forward);
    match (forward, find_opd(to, &opd_list)) {
        (Some(o), Some(opd)) => Ok((o.id.clone(), Some(opd))),
        _ => Err(Refusal::UnknownOption {
            given: to.to_string(),
            options,
            opds: opd_list,
        }),
    }
}

/// An OPD by its exact name, or by a piece of it that names only one.
fn find_opd(given: &str, opds: &[String]) -> Option<String> {
    let g = given.to_lowercase();
    if let Some(o) = opds.iter().find(|o| o.to_lowercase() == g) {
        return Some(o.clone());
    }
    let mut hits = opds.iter().filter(|o| o.to_lowercase().contains(&g));
    match (hits.next(), hits.next()) {
        (Some(o), None) => Some(o.clone()),
        _ => None,
    }
}
