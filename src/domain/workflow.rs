//! The SOP engine: folds a case's events into its state, and says which
//! actions a role may take next.
//!
//! The fold is the only place that interprets events, so the projection that
//! the store keeps, a rebuild from the log, and a merge of another desk's
//! events all agree by construction. It never fails: an event that does not
//! fit the state it meets (possible once desks merge concurrent work) is kept
//! in the log, counted as an anomaly and otherwise ignored.

use chrono::{FixedOffset, NaiveDate};
use uuid::Uuid;

use super::calendar::{Calendar, Deadline, Pause};
use super::case::{CaseField, Channel};
use super::conflict::{Conflict, FieldHeads, Head, Topic};
use super::draft::{parse_date, to_local};
use super::event::{
    Decision, Disposition, Event, Instruction, Note, NoteKind, Payload, Priority, Registration,
    StepDone,
};
use super::note::Notebook;
use super::sop::{End, Next, Sop, Step, StepKind};

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
    pub person: String,
    pub person_role: String,
    pub role: String,
    pub output: String,
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
    pub notebook: Notebook,
    /// The event that last set each corrected field.
    pub corrected: Vec<(CaseField, Uuid)>,
    /// The values of each corrected field nobody has replaced yet.
    pub heads: FieldHeads,
    /// Steps completed or decided differently on two desks.
    pub step_conflicts: Vec<Conflict>,
    pub last_at: i64,
    pub events: u32,
    /// Events that did not fit the state they met.
    pub anomalies: u32,
}

impl CaseState {
    /// Folds a case's events (in any order) into its state. None when the
    /// events hold no registration.
    pub fn fold<'e>(
        events: impl IntoIterator<Item = &'e Event>,
        sop: Option<&Sop>,
    ) -> Option<CaseState> {
        let mut sorted: Vec<&Event> = events.into_iter().collect();
        sorted.sort_by_key(|e| e.order_key());
        // Events a settlement dropped no longer count, wherever they fall.
        let dropped: Vec<Uuid> = sorted
            .iter()
            .filter_map(|e| match &e.payload {
                Payload::StepSettled(s) => Some(s.drop.clone()),
                _ => None,
            })
            .flatten()
            .collect();
        sorted.retain(|e| !dropped.contains(&e.id));
        // The registration starts the state even if another desk's clock put
        // an event before it; that event is then applied after it.
        let first = sorted
            .iter()
            .position(|e| matches!(e.payload, Payload::CaseRegistered(_)))?;
        let mut state = CaseState::registered(sorted[first], sop)?;
        for (i, e) in sorted.iter().enumerate() {
            if i != first {
                state.apply(e, sop);
            }
        }
        Some(state)
    }

    /// The state right after a registration event.
    pub fn registered(e: &Event, sop: Option<&Sop>) -> Option<CaseState> {
        let Payload::CaseRegistered(reg) = &e.payload else {
            return None;
        };
        let mut state = CaseState {
            id: e.case,
            registration: e.id,
            registered_head: Head::of(e, String::new()),
            reg: (**reg).clone(),
            status: Status::Open,
            current: None,
            step_since: e.at,
            done: Vec::new(),
            pauses: Vec::new(),
            forwarded_to: None,
            decisions: Vec::new(),
            closed_at: None,
            notebook: Notebook::default(),
            corrected: Vec::new(),
            heads: FieldHeads::default(),
            step_conflicts: Vec::new(),
            last_at: e.at,
            events: 1,
            anomalies: 0,
        };
        if let Some(sop) = sop {
            let first = sop.first();
            if let (true, Some(next)) = (first.on_register, first.next.clone()) {
                state.record_step(first, e, first.output.clone());
                state.advance(next, e.at);
            } else {
                state.current = Some(first.id.clone());
            }
        }
        Some(state)
    }

    /// Applies one more event, in order.
    pub fn apply(&mut self, e: &Event, sop: Option<&Sop>) {
        self.events += 1;
        self.last_at = self.last_at.max(e.at);
        let fitted = match &e.payload {
            Payload::CaseRegistered(_) => false,
            Payload::FieldCorrected(c) => {
                let replaces: Vec<Uuid> = c.replaces.into_iter().collect();
                self.correct(c.field, &c.value, &replaces, e)
            }
            Payload::FieldResolved(r) => self.correct(r.field, &r.value, &r.replaces, e),
            Payload::DispositionRecorded(d) => match &d.step {
                Some(step) => self.complete(sop, step, e, disposition_summary(d), None),
                None => true,
            },
            Payload::Decided(d) => {
                self.decide(sop, d, e) || self.crossed(&d.step, &decision_output(sop, d), e)
            }
            Payload::StepCompleted(s) => {
                self.complete(sop, &s.step, e, s.output.clone(), None)
                    || self.crossed(&s.step, &s.output, e)
            }
            // Its effect is in the fold, which leaves the dropped events out.
            Payload::StepSettled(_) => true,
            Payload::NoteAdded(n) => {
                let fields = vec![("teks".to_string(), n.text.clone())];
                self.notebook.record(e, n.kind, fields, n.replaces)
            }
            Payload::NoteRecorded(n) => {
                self.notebook
                    .record(e, n.kind, n.fields.clone(), n.replaces)
            }
            Payload::NoteWithdrawn { note, reason } => self.notebook.withdraw(e, *note, reason),
            Payload::AttachmentAdded(a) => self.notebook.attach(e, a),
            Payload::ClockPaused { .. } => {
                self.status == Status::Open && {
                    self.status = Status::Paused;
                    self.pauses.push(PauseSpan {
                        from: e.at,
                        to: None,
                    });
                    true
                }
            }
            Payload::ClockResumed { .. } => {
                self.status == Status::Paused && {
                    self.status = Status::Open;
                    if let Some(p) = self.pauses.last_mut() {
                        p.to = Some(e.at);
                    }
                    true
                }
            }
            Payload::CaseClosed { .. } => {
                !self.status.is_finished() && {
                    if let Some(p) = self.pauses.last_mut().filter(|p| p.to.is_none()) {
                        p.to = Some(e.at);
                    }
                    self.finish(Status::Closed, e.at);
                    true
                }
            }
        };
        if !fitted {
            self.anomalies += 1;
        }
    }

    fn correct(&mut self, field: CaseField, value: &str, replaces: &[Uuid], e: &Event) -> bool {
        let valid = match field {
            CaseField::CompleteOn => parse_date(value).is_some(),
            CaseField::Channel => Channel::parse(value).is_some(),
            _ => true,
        };
        if !valid {
            return false;
        }
        let first = Head {
            value: self.field_value(field),
            ..self.registered_head.clone()
        };
        self.heads
            .change(field, replaces, || first, Head::of(e, value.to_string()));
        // The value shown is the newest standing one, whatever order the
        // changes arrived in; with two standing it is a conflict anyway.
        let shown = self
            .heads
            .heads(field)
            .iter()
            .max_by_key(|h| (h.at, h.event))
            .map(|h| (h.value.clone(), h.event));
        let Some((v, source)) = shown else {
            return true;
        };
        self.set_field(field, v);
        self.corrected.retain(|(f, _)| *f != field);
        self.corrected.push((field, source));
        true
    }

    fn set_field(&mut self, field: CaseField, v: String) {
        let input = &mut self.reg.input;
        match field {
            CaseField::Name => input.complainant.name = v,
            CaseField::Nik => input.complainant.nik = non_empty(v),
            CaseField::Address => input.complainant.address = v,
            CaseField::Phone => input.complainant.phone = non_empty(v),
            CaseField::Email => input.complainant.email = non_empty(v),
            CaseField::Business => input.object.business = v,
            CaseField::Nib => input.object.nib = non_empty(v),
            CaseField::LicenceNo => input.object.licence_no = v,
            CaseField::LicenceType => input.object.licence_type = v,
            CaseField::Subject => input.subject = v,
            CaseField::Description => input.description = v,
            CaseField::CompleteOn => {
                if let Some(d) = parse_date(&v) {
                    input.complete_on = d;
                }
            }
            CaseField::Channel => {
                if let Some(ch) = Channel::parse(&v) {
                    input.channel = ch;
                }
            }
        }
    }

    /// A step done here already, done again elsewhere with another outcome:
    /// a conflict, not an anomaly. False when it is not that.
    fn crossed(&mut self, step: &str, output: &str, e: &Event) -> bool {
        let Some(done) = self.done.iter().find(|d| d.step == step) else {
            return false;
        };
        if done.output == output {
            return false;
        }
        let first = Head {
            event: done.event,
            value: done.output.clone(),
            desk: Uuid::nil(),
            person: done.person.clone(),
            role: done.role.clone(),
            at: done.done,
        };
        let topic = Topic::Step(step.to_string());
        match self.step_conflicts.iter_mut().find(|c| c.topic == topic) {
            Some(c) => c.heads.push(Head::of(e, output.to_string())),
            None => self.step_conflicts.push(Conflict {
                topic,
                heads: vec![first, Head::of(e, output.to_string())],
            }),
        }
        true
    }

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

    fn decide(&mut self, sop: Option<&Sop>, d: &Decision, e: &Event) -> bool {
        let Some(option) = sop
            .and_then(|s| s.step(&d.step))
            .and_then(|s| s.options.iter().find(|o| o.id == d.option))
        else {
            return false;
        };
        let next = option.next.clone();
        let forward = option.forward;
        let ends = matches!(next, Next::End(_));
        let fitted = self.complete(sop, &d.step, e, option.label.clone(), Some(next));
        if fitted {
            self.decisions.push(DecisionRecord {
                step: d.step.clone(),
                option: d.option.clone(),
                at: e.at,
                ends,
                opd: d.opd.clone().filter(|_| forward),
            });
        }
        if fitted && forward {
            self.forwarded_to = d.opd.clone();
        }
        fitted
    }

    fn complete(
        &mut self,
        sop: Option<&Sop>,
        step_id: &str,
        e: &Event,
        output: String,
        next: Option<Next>,
    ) -> bool {
        if self.status != Status::Open || self.current.as_deref() != Some(step_id) {
            return false;
        }
        let Some(step) = sop.and_then(|s| s.step(step_id)) else {
            return false;
        };
        let Some(next) = next.or_else(|| step.next.clone()) else {
            return false;
        };
        self.record_step(step, e, output);
        self.advance(next, e.at);
        true
    }

    fn record_step(&mut self, step: &Step, e: &Event, output: String) {
        self.done.push(StepRecord {
            step: step.id.clone(),
            started: self.step_since,
            done: e.at,
            event: e.id,
            person: e.person.clone(),
            person_role: e.person_role.clone(),
            role: e.role.clone(),
            output,
        });
    }

    fn advance(&mut self, next: Next, at: i64) {
        match next {
            Next::Step(id) => {
                self.current = Some(id);
                self.step_since = at;
            }
            Next::End(End::Closed) => self.finish(Status::Closed, at),
            Next::End(End::Forwarded) => self.finish(Status::Forwarded, at),
        }
    }

    fn finish(&mut self, status: Status, at: i64) {
        self.status = status;
        self.current = None;
        self.closed_at = Some(at);
    }

    pub fn current_step<'s>(&self, sop: &'s Sop) -> Option<&'s Step> {
        self.current.as_deref().and_then(|id| sop.step(id))
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
}

fn non_empty(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}

fn disposition_summary(d: &Disposition) -> String {
    if d.note.is_empty() {
        d.instruction.id().to_string()
    } else {
        format!("{}: {}", d.instruction.id(), d.note)
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

    fn alias(self) -> &'static str {
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
        step: Option<String>,
        step_actor: Option<String>,
        allowed: Vec<ActionKind>,
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
            step: step.map(|s| s.id.clone()),
            step_actor: step.map(|s| s.actor.clone()),
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
            need_text(action)?;
            Payload::NoteAdded(Note {
                kind: req.note_kind.unwrap_or(NoteKind::Catatan),
                text: note,
                replaces: None,
            })
        }
    })
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

/// What a decision records as its step's output: the option's label.
fn decision_output(sop: Option<&Sop>, d: &Decision) -> String {
    sop.and_then(|s| s.step(&d.step))
        .and_then(|s| s.options.iter().find(|o| o.id == d.option))
        .map_or(d.option.clone(), |o| o.label.clone())
}
