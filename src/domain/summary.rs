//! The flat row the store keeps per case for lists and queues: a pure
//! function of the case's state, so a rebuild reproduces it exactly.

use chrono::NaiveDate;
use uuid::Uuid;

use super::case::{Channel, Kind};
use super::sop::Sop;
use super::workflow::{CaseState, Clock, Status};

/// Legal limit used for a case whose SOP file is not loaded.
pub const DEFAULT_LIMIT_WORKDAYS: u32 = 14;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    pub id: Uuid,
    pub agenda_no: String,
    pub agenda_year: i32,
    pub agenda_seq: u32,
    pub kind: Kind,
    pub channel: Channel,
    pub sop: String,
    pub received_at: i64,
    pub complete_on: NaiveDate,
    pub name: String,
    pub nik: Option<String>,
    pub phone: Option<String>,
    pub confidential: bool,
    pub anonymous: bool,
    pub subject: String,
    pub licence_type: String,
    pub status: Status,
    pub step: Option<String>,
    pub step_actor: Option<String>,
    pub step_since: i64,
    /// None while the clock is paused or the case is finished.
    pub step_due: Option<i64>,
    /// Office minutes of ended pauses since the current step started.
    pub step_paused: u32,
    /// The legal deadline counting only pauses that have ended.
    pub deadline: NaiveDate,
    pub unlisted_years: Vec<i32>,
    pub paused_since: Option<i64>,
    pub forwarded_to: Option<String>,
    pub closed_at: Option<i64>,
    pub last_at: i64,
    pub events: u32,
    pub anomalies: u32,
    /// Changes made apart on two desks that wait for a decision.
    pub conflicts: u32,
    /// What the monthly recap counts of this case.
    pub recap: super::recap::CaseFacts,
}

pub fn summarize(state: &CaseState, sop: Option<&Sop>, clock: &Clock<'_>) -> CaseSummary {
    let input = &state.reg.input;
    let limit = sop.map_or(DEFAULT_LIMIT_WORKDAYS, |s| s.limit_workdays);
    let deadline = clock.settled_deadline(state, limit);
    let step = sop.and_then(|s| state.current_step(s));
    let step_due = match (step, state.status) {
        (Some(step), Status::Open) => clock.step_due(state, step, state.step_since, None),
        _ => None,
    };
    CaseSummary {
        id: state.id,
        agenda_no: state.reg.agenda_no.clone(),
        agenda_year: state.reg.agenda_year,
        agenda_seq: state.reg.agenda_seq,
        kind: input.kind,
        channel: input.channel,
        sop: state.reg.sop.clone(),
        received_at: input.received_at,
        complete_on: input.complete_on,
        name: input.complainant.name.clone(),
        nik: input.complainant.nik.clone(),
        phone: input.complainant.phone.clone(),
        confidential: input.confidential,
        anonymous: input.anonymous,
        subject: input.subject.clone(),
        licence_type: input.object.licence_type.clone(),
        status: state.status,
        step: state.current.clone(),
        step_actor: step.map(|s| s.actor.clone()),
        step_since: state.step_since,
        step_due,
        step_paused: clock.paused_minutes_since(state, state.step_since),
        deadline: deadline.date,
        unlisted_years: deadline.unlisted_years,
        paused_since: state
            .pauses
            .last()
            .filter(|p| p.to.is_none())
            .map(|p| p.from),
        forwarded_to: state.forwarded_to.clone(),
        closed_at: state.closed_at,
        last_at: state.last_at,
        events: state.events,
        anomalies: state.anomalies(),
        conflicts: state.conflicts().len() as u32,
        recap: super::recap::facts(state, sop, clock),
    }
}
