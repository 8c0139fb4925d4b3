//! Each shipped SOP walked exactly on its time standards, branch by branch,
//! from every working day of 2025–2027: the case must finish inside the legal
//! limit, whatever holidays fall in between.

use aduan::domain::calendar::{Calendar, OfficeHours};
use aduan::domain::case::{CaseInput, Channel, Complainant, ComplaintObject, Kind};
use aduan::domain::draft::to_unix;
use aduan::domain::event::{EVENT_SCHEMA_VERSION, Event, GENESIS, Payload, Registration};
use aduan::domain::sop::{BUILTIN, Next, Sop, StepKind, builtin};
use aduan::domain::standards::{Branch, branches};
use aduan::domain::workflow::{ActionKind, ActionRequest, Actor, CaseState, Clock, Status, plan};
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime};
use uuid::Uuid;

const OPD: &str = "Dinas Lingkungan Hidup";

fn event(seq: u64, at: i64, person_role: &str, role: &str, payload: Payload) -> Event {
    Event {
        v: EVENT_SCHEMA_VERSION,
        id: Uuid::from_u128(seq as u128 + 1000),
        desk: Uuid::from_u128(7),
        seq,
        prev: GENESIS,
        case: Uuid::from_u128(42),
        at,
        recorded: at,
        person: "P".into(),
        person_role: person_role.into(),
        role: role.into(),
        payload,
    }
}

fn register(sop: &Sop, at: i64, day: NaiveDate) -> CaseState {
    let input = CaseInput {
        kind: Kind::Pengaduan,
        channel: Channel::Loket,
        complainant: Complainant {
            name: "Siti".into(),
            ..Complainant::default()
        },
        confidential: false,
        anonymous: false,
        identity_attached: true,
        object: ComplaintObject::default(),
        subject: "PBG".into(),
        description: "Lama.".into(),
        received_at: at,
        complete_on: day,
        attachments: vec![],
        linked_to: None,
    };
    let reg = Registration {
        agenda_no: "0001/PGD/A/2026".into(),
        agenda_year: day.year(),
        agenda_seq: 1,
        sop: sop.id.clone(),
        input,
    };
    let e = event(
        1,
        at,
        "operator",
        "operator",
        Payload::CaseRegistered(Box::new(reg)),
    );
    CaseState::registered(&e, Some(sop)).unwrap()
}

/// Who types the step: the actor itself, or the first role that records a head's paper.
fn person_role(sop: &Sop, role: &str) -> String {
    let r = sop.role(role).unwrap();
    if r.on_paper {
        r.recorded_by[0].clone()
    } else {
        role.to_string()
    }
}

/// Walks the branch with every step done exactly when its standard runs out.
/// Returns the state at the end and the time of the last step.
fn walk_on_standard(sop: &Sop, branch: &Branch, clock: &Clock<'_>, at: i64) -> (CaseState, i64) {
    let day = aduan::domain::draft::to_local(at, clock.offset).date();
    let mut state = register(sop, at, day);
    let mut seq = 1;
    let mut last = at;
    while state.status == Status::Open {
        let id = state.current.clone().unwrap();
        let step = sop.step(&id).unwrap();
        let due = clock
            .step_due(&state, step, state.step_since, None)
            .unwrap();
        let pos = branch.steps.iter().position(|s| *s == id).unwrap();
        let (action, to) = match step.kind {
            StepKind::Task => (ActionKind::Complete, None),
            StepKind::Disposition => (ActionKind::Dispose, None),
            StepKind::Decision => {
                let next = branch.steps.get(pos + 1);
                let option = step
                    .options
                    .iter()
                    .find(|o| match (&o.next, next) {
                        (Next::Step(s), Some(n)) => s == n,
                        (Next::End(e), None) => *e == branch.end,
                        _ => false,
                    })
                    .unwrap();
                let to = if option.forward {
                    OPD.to_string()
                } else {
                    option.id.clone()
                };
                (ActionKind::Decide, Some(to))
            }
        };
        let req = ActionRequest {
            to,
            note: "sesuai standar".into(),
            at: due,
            ..ActionRequest::default()
        };
        let who = person_role(sop, &step.actor);
        let actor = Actor {
            person: "P",
            person_role: &who,
            role: &step.actor,
        };
        let payload = plan(&state, sop, actor, action, &req, &[OPD.to_string()], due)
            .unwrap_or_else(|r| panic!("{} {id}: {r:?}", sop.id));
        seq += 1;
        state.apply(&event(seq, due, &who, &step.actor, payload), Some(sop));
        last = due;
    }
    (state, last)
}

#[test]
fn every_shipped_sop_finishes_inside_its_limit_on_standard() {
    let offset = FixedOffset::east_opt(7 * 3600).unwrap();
    let calendar = Calendar::from_holiday_list(
        aduan::service::HOLIDAYS,
        Vec::new(),
        false,
        OfficeHours::default(),
    )
    .unwrap();
    let clock = Clock {
        calendar: &calendar,
        offset,
    };
    let mut walked = 0;
    for (name, _) in BUILTIN {
        let sop = Sop::parse(name, builtin(name).unwrap()).unwrap();
        let all = branches(&sop);
        assert!(all.len() >= 2, "{name}");
        for branch in &all {
            let mut day = NaiveDate::from_ymd_opt(2025, 1, 2).unwrap();
            while day.year() < 2028 {
                // Received late in the afternoon, the hardest hour to start at.
                let at = to_unix(
                    day.and_time(NaiveTime::from_hms_opt(15, 30, 0).unwrap()),
                    offset,
                );
                let (state, last) = walk_on_standard(&sop, branch, &clock, at);
                assert_eq!(state.done.len(), branch.steps.len(), "{name} {day}");
                let deadline = clock.settled_deadline(&state, sop.limit_workdays).date;
                let finished = aduan::domain::draft::to_local(last, offset).date();
                assert!(
                    finished <= deadline,
                    "{name} received {day}: finished {finished}, deadline {deadline}"
                );
                walked += 1;
                day = day.succ_opt().unwrap();
            }
        }
    }
    assert!(walked > 6 * 1000);
}
