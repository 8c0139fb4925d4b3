//! The fold: a case's events, in one order every desk agrees on, turned
//! into its state. This is the only place that interprets events, so the
//! projection the store keeps, a rebuild from the log and a merge of another
//! desk's events agree by construction.
//!
//! The fold never fails. Desks work apart, so an event may meet a state its
//! author never saw; each such event ends in exactly one of three places:
//! - applied;
//! - part of a conflict ("perlu keputusan"), when it crossed another desk's
//!   decision: a step disposed, decided or completed differently, or an SOP
//!   action recorded on a case another desk had meanwhile finished;
//! - listed in [`CaseState::ignored`] with the reason, in words a person can
//!   check (the same disposition recorded on two desks, a step the case is
//!   no longer at).

use uuid::Uuid;

use super::case::{CaseField, Channel};
use super::conflict::{Conflict, FieldHeads, Head, Topic};
use super::draft::parse_date;
use super::event::{Decision, Disposition, Event, Payload};
use super::letter::{self, LetterProblem};
use super::note::{NoteProblem, Notebook};
use super::sop::{End, Next, Sop, Step};
use super::workflow::{CaseState, DecisionRecord, PauseSpan, Status, StepRecord};

/// The conflict topic of an SOP action recorded after another desk finished
/// the case; also the `--step` a settlement of it names.
pub const END_TOPIC: &str = "#akhir";

/// An event the fold did not apply, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub event: Uuid,
    pub desk: Uuid,
    pub person: String,
    pub role: String,
    pub at: i64,
    /// The event's kind (its payload's stored name).
    pub kind: &'static str,
    pub reason: IgnoreReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IgnoreReason {
    /// A second registration of the same case.
    RegisteredTwice,
    /// The step was recorded once already with the same content (the same
    /// paper disposition typed on two desks): the earlier one counts.
    SameAs { event: Uuid, step: String },
    /// The step is not the one the case is at (the case went another way).
    NotCurrentStep {
        step: String,
        current: Option<String>,
    },
    /// The SOP in force has no such step, option or next step.
    NotInSop(String),
    /// A corrected value this build cannot read.
    BadValue(CaseField),
    /// The case was paused already (another desk paused it too).
    AlreadyPaused,
    /// The clock was running: nothing to resume.
    NotPaused,
    /// The case was closed already.
    AlreadyClosed,
    /// The note it corrects, withdraws or attaches to.
    Note(NoteProblem),
    /// A letter's rules (a signature without a paraf of the latest
    /// version, a version after the signature, ...).
    Letter(LetterProblem),
}

type Applied = Result<(), IgnoreReason>;

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
            finished_by: None,
            notebook: Notebook::default(),
            letters: Vec::new(),
            corrected: Vec::new(),
            heads: FieldHeads::default(),
            step_conflicts: Vec::new(),
            ignored: Vec::new(),
            last_at: e.at,
            events: 1,
        };
        if let Some(sop) = sop {
            let first = sop.first();
            if let (true, Some(next)) = (first.on_register, first.next.clone()) {
                let content = first.output.clone();
                state.record_step(first, e, first.output.clone(), content);
                state.advance(next, e);
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
        if let Err(reason) = self.apply_payload(e, sop) {
            self.ignored.push(Ignored {
                event: e.id,
                desk: e.desk,
                person: e.person.clone(),
                role: e.role.clone(),
                at: e.at,
                kind: e.payload.name(),
                reason,
            });
        }
    }

    fn apply_payload(&mut self, e: &Event, sop: Option<&Sop>) -> Applied {
        match &e.payload {
            Payload::CaseRegistered(_) => Err(IgnoreReason::RegisteredTwice),
            Payload::FieldCorrected(c) => {
                let replaces: Vec<Uuid> = c.replaces.into_iter().collect();
                self.correct(c.field, &c.value, &replaces, e)
            }
            Payload::FieldResolved(r) => self.correct(r.field, &r.value, &r.replaces, e),
            Payload::DispositionRecorded(d) => match &d.step {
                Some(step) => {
                    let act = StepAct {
                        step,
                        content: disposition_content(d),
                        output: disposition_summary(d),
                        next: None,
                    };
                    self.step_act(sop, e, act)
                }
                None => Ok(()),
            },
            Payload::Decided(d) => self.decide(sop, d, e),
            Payload::StepCompleted(s) => {
                let act = StepAct {
                    step: &s.step,
                    content: s.output.clone(),
                    output: s.output.clone(),
                    next: None,
                };
                self.step_act(sop, e, act)
            }
            // Its effect is in the fold, which leaves the dropped events out.
            Payload::StepSettled(_) => Ok(()),
            Payload::NoteAdded(n) => {
                let fields = vec![("teks".to_string(), n.text.clone())];
                self.notebook
                    .record(e, n.kind, fields, n.replaces)
                    .map_err(IgnoreReason::Note)
            }
            Payload::NoteRecorded(n) => self
                .notebook
                .record(e, n.kind, n.fields.clone(), n.replaces)
                .map_err(IgnoreReason::Note),
            Payload::NoteWithdrawn { note, reason } => self
                .notebook
                .withdraw(e, *note, reason)
                .map_err(IgnoreReason::Note),
            Payload::AttachmentAdded(a) => self.notebook.attach(e, a).map_err(IgnoreReason::Note),
            Payload::ClockPaused { reason } => self.pause(e, reason),
            Payload::ClockResumed { .. } => self.resume(e),
            Payload::CaseClosed { reason } => self.close(e, reason),
            Payload::LetterDrafted(d) => {
                letter::apply_draft(&mut self.letters, e, d).map_err(IgnoreReason::Letter)
            }
            Payload::LetterActed(a) => {
                letter::apply_act(&mut self.letters, e, a).map_err(IgnoreReason::Letter)
            }
        }
    }

    fn pause(&mut self, e: &Event, reason: &str) -> Applied {
        match self.status {
            s if s.is_finished() => self.after_end(e, format!("tunda: {reason}")),
            Status::Paused => Err(IgnoreReason::AlreadyPaused),
            _ => {
                self.status = Status::Paused;
                self.pauses.push(PauseSpan {
                    from: e.at,
                    to: None,
                });
                Ok(())
            }
        }
    }

    fn resume(&mut self, e: &Event) -> Applied {
        match self.status {
            s if s.is_finished() => self.after_end(e, "lanjutkan".to_string()),
            Status::Open => Err(IgnoreReason::NotPaused),
            _ => {
                self.status = Status::Open;
                if let Some(p) = self.pauses.last_mut() {
                    p.to = Some(e.at);
                }
                Ok(())
            }
        }
    }

    fn close(&mut self, e: &Event, reason: &str) -> Applied {
        match self.status {
            Status::Closed => Err(IgnoreReason::AlreadyClosed),
            Status::Forwarded => self.after_end(e, format!("tutup: {reason}")),
            _ => {
                self.end_pause(e.at);
                self.finish(Status::Closed, e);
                Ok(())
            }
        }
    }

    fn end_pause(&mut self, at: i64) {
        if let Some(p) = self.pauses.last_mut().filter(|p| p.to.is_none()) {
            p.to = Some(at);
        }
    }

    fn correct(&mut self, field: CaseField, value: &str, replaces: &[Uuid], e: &Event) -> Applied {
        let valid = match field {
            CaseField::CompleteOn => parse_date(value).is_some(),
            CaseField::Channel => Channel::parse(value).is_some(),
            _ => true,
        };
        if !valid {
            return Err(IgnoreReason::BadValue(field));
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
            return Ok(());
        };
        self.set_field(field, v);
        self.corrected.retain(|(f, _)| *f != field);
        self.corrected.push((field, source));
        Ok(())
    }

    fn decide(&mut self, sop: Option<&Sop>, d: &Decision, e: &Event) -> Applied {
        let Some(option) = sop
            .and_then(|s| s.step(&d.step))
            .and_then(|s| s.options.iter().find(|o| o.id == d.option))
        else {
            return Err(IgnoreReason::NotInSop(format!("{}:{}", d.step, d.option)));
        };
        let label = match &d.opd {
            Some(opd) if option.forward => format!("{} → {opd}", option.label),
            _ => option.label.clone(),
        };
        let act = StepAct {
            step: &d.step,
            content: label.clone(),
            output: option.label.clone(),
            next: Some(option.next.clone()),
        };
        let before = self.done.len();
        self.step_act(sop, e, act)?;
        if self.done.len() > before {
            self.decisions.push(DecisionRecord {
                step: d.step.clone(),
                option: d.option.clone(),
                at: e.at,
                ends: matches!(option.next, Next::End(_)),
                opd: d.opd.clone().filter(|_| option.forward),
            });
            if option.forward {
                self.forwarded_to = d.opd.clone();
            }
        }
        Ok(())
    }

    /// A disposition, decision or completion of `act.step`. On a finished
    /// case it crosses the finish; on a step done already it is the same
    /// act again or a crossed one; otherwise it must be the current step.
    fn step_act(&mut self, sop: Option<&Sop>, e: &Event, act: StepAct<'_>) -> Applied {
        if self.status.is_finished() {
            return self.after_end(e, format!("{}: {}", act.step, act.content));
        }
        if let Some(done) = self.done.iter().find(|d| d.step == act.step) {
            if done.content == act.content {
                return Err(IgnoreReason::SameAs {
                    event: done.event,
                    step: act.step.to_string(),
                });
            }
            let first = head_of_record(done, done.content.clone());
            self.add_conflict(Topic::Step(act.step.to_string()), first, e, act.content);
            return Ok(());
        }
        if self.current.as_deref() != Some(act.step) {
            return Err(IgnoreReason::NotCurrentStep {
                step: act.step.to_string(),
                current: self.current.clone(),
            });
        }
        let Some(step) = sop.and_then(|s| s.step(act.step)) else {
            return Err(IgnoreReason::NotInSop(act.step.to_string()));
        };
        let Some(next) = act.next.or_else(|| step.next.clone()) else {
            return Err(IgnoreReason::NotInSop(act.step.to_string()));
        };
        self.record_step(step, e, act.output, act.content);
        self.advance(next, e);
        Ok(())
    }

    /// An SOP action on a case another desk had finished meanwhile: on this
    /// desk's view it would have been refused, so its author had not seen
    /// the finish. Both stand as one conflict until settled.
    fn after_end(&mut self, e: &Event, content: String) -> Applied {
        let first = match self.finished_by.as_ref() {
            Some(f) => f.clone(),
            None => return Err(IgnoreReason::AlreadyClosed),
        };
        self.add_conflict(Topic::Step(END_TOPIC.to_string()), first, e, content);
        Ok(())
    }

    fn add_conflict(&mut self, topic: Topic, first: Head, e: &Event, value: String) {
        let head = Head::of(e, value);
        match self.step_conflicts.iter_mut().find(|c| c.topic == topic) {
            Some(c) => c.heads.push(head),
            None => self.step_conflicts.push(Conflict {
                topic,
                heads: vec![first, head],
            }),
        }
    }

    fn record_step(&mut self, step: &Step, e: &Event, output: String, content: String) {
        self.done.push(StepRecord {
            step: step.id.clone(),
            started: self.step_since,
            done: e.at,
            event: e.id,
            desk: e.desk,
            person: e.person.clone(),
            person_role: e.person_role.clone(),
            role: e.role.clone(),
            output,
            content,
        });
    }

    fn advance(&mut self, next: Next, e: &Event) {
        match next {
            Next::Step(id) => {
                self.current = Some(id);
                self.step_since = e.at;
            }
            Next::End(End::Closed) => self.finish(Status::Closed, e),
            Next::End(End::Forwarded) => self.finish(Status::Forwarded, e),
        }
    }

    fn finish(&mut self, status: Status, e: &Event) {
        self.end_pause(e.at);
        self.status = status;
        self.current = None;
        self.closed_at = Some(e.at);
        let what = match &e.payload {
            Payload::CaseClosed { reason } => format!("tutup: {reason}"),
            _ => self
                .done
                .last()
                .map(|d| format!("{}: {}", d.step, d.content))
                .unwrap_or_default(),
        };
        self.finished_by = Some(Head::of(e, what));
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
}

/// One SOP step done: what it compares by, what the checklist shows, and
/// where a decision leads.
struct StepAct<'a> {
    step: &'a str,
    /// Two acts of one step with the same content are the same act.
    content: String,
    output: String,
    next: Option<Next>,
}

fn head_of_record(done: &StepRecord, value: String) -> Head {
    Head {
        event: done.event,
        value,
        desk: done.desk,
        person: done.person.clone(),
        role: done.role.clone(),
        at: done.done,
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}

/// What the checklist shows of a disposition: its instruction and note.
pub(super) fn disposition_summary(d: &Disposition) -> String {
    if d.note.is_empty() {
        d.instruction.id().to_string()
    } else {
        format!("{}: {}", d.instruction.id(), d.note)
    }
}

/// What tells two dispositions of one step apart: to whom, the instruction,
/// the priority and the note (the paper's date may be typed or not).
fn disposition_content(d: &Disposition) -> String {
    let mut s = format!("→ {} · {} · {}", d.to, d.instruction.id(), d.priority.id());
    if !d.note.is_empty() {
        s.push_str(" · ");
        s.push_str(&d.note);
    }
    s
}
