//! The SOP engine on its own: pure functions over events, no database.

use aduan::domain::calendar::{Calendar, OfficeHours, parse_holiday_years};
use aduan::domain::case::{CaseInput, Channel, Complainant, ComplaintObject, Kind};
use aduan::domain::event::{EVENT_SCHEMA_VERSION, Event, GENESIS, Payload, Registration};
use aduan::domain::sop::{Sop, builtin};
use aduan::domain::workflow::{
    ActionKind, ActionRequest, Actor, CaseState, Clock, Refusal, Status, allowed_actions, plan,
};
use chrono::{FixedOffset, NaiveDate};
use uuid::Uuid;

const T0: i64 = 1_791_162_000; // 2026-10-05 08:00 +07:00, a Monday

fn sop(name: &str) -> Sop {
    Sop::parse(name, builtin(name).unwrap()).unwrap()
}

/// A case under test: events are planned through the engine and folded back.
struct Case {
    sop: Sop,
    events: Vec<Event>,
    state: CaseState,
    clock_minutes: i64,
}

impl Case {
    fn new(sop_name: &str) -> Case {
        let sop = sop(sop_name);
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
            received_at: T0,
            complete_on: NaiveDate::from_ymd_opt(2026, 10, 5).unwrap(),
            attachments: vec![],
            linked_to: None,
        };
        let reg = Registration {
            agenda_no: "0001/PGD/A/2026".into(),
            agenda_year: 2026,
            agenda_seq: 1,
            sop: sop.id.clone(),
            input,
        };
        let e = event(
            1,
            T0,
            "operator",
            "operator",
            Payload::CaseRegistered(Box::new(reg)),
        );
        let state = CaseState::registered(&e, Some(&sop)).unwrap();
        Case {
            sop,
            events: vec![e],
            state,
            clock_minutes: 0,
        }
    }

    fn try_act(
        &mut self,
        person_role: &str,
        role: &str,
        action: ActionKind,
        to: Option<&str>,
    ) -> Result<(), Refusal> {
        self.clock_minutes += 60;
        let at = T0 + self.clock_minutes * 60;
        let req = ActionRequest {
            to: to.map(String::from),
            note: "ok".into(),
            at,
            ..ActionRequest::default()
        };
        let actor = Actor {
            person: "P",
            person_role,
            role,
        };
        let opds = vec![
            "Dinas Lingkungan Hidup".to_string(),
            "Dinas Perhubungan".to_string(),
        ];
        let payload = plan(&self.state, &self.sop, actor, action, &req, &opds, at)?;
        let e = event(self.events.len() as u64 + 1, at, person_role, role, payload);
        self.state.apply(&e, Some(&self.sop));
        self.events.push(e);
        Ok(())
    }

    fn act(&mut self, person_role: &str, role: &str, action: ActionKind, to: Option<&str>) {
        self.try_act(person_role, role, action, to)
            .unwrap_or_else(|r| panic!("{action:?} as {role}: {r:?}"));
    }

    fn current(&self) -> Option<&str> {
        self.state.current.as_deref()
    }
}

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

use ActionKind::*;

/// The forwarding letter's steps: drafted, initialled, signed, delivered.
fn deliver_forwarding_letter(c: &mut Case) {
    for (p, r) in [
        ("kasi", "kasi"),
        ("kasi", "kabid-dip"),
        ("operator", "kadis"),
        ("staf", "staf"),
    ] {
        c.act(p, r, Complete, None);
    }
}

#[test]
fn situbondo_not_ours() {
    let mut c = Case::new("situbondo-pengaduan");
    assert_eq!(c.current(), Some("disposisi-kadis"));
    assert_eq!(allowed_actions(&c.state, &c.sop, "kadis"), [Dispose, Note]);
    assert_eq!(
        allowed_actions(&c.state, &c.sop, "kasi"),
        [Pause, Close, Note]
    );
    c.act("operator", "kadis", Dispose, None);
    c.act("kasi", "kabid-dip", Dispose, None);
    assert_eq!(c.current(), Some("kewenangan"));
    assert!(matches!(
        c.try_act("kasi", "kasi", Decide, None),
        Err(Refusal::OptionNeeded { .. })
    ));
    assert!(matches!(
        c.try_act("kasi", "kasi", Decide, Some("bukan-kewenangan")),
        Err(Refusal::OptionNeeded { .. })
    ));
    c.act("kasi", "kasi", Decide, Some("perhubungan"));
    assert_eq!(c.state.forwarded_to.as_deref(), Some("Dinas Perhubungan"));
    deliver_forwarding_letter(&mut c);
    assert_eq!(c.state.status, Status::Forwarded);
    assert_eq!(allowed_actions(&c.state, &c.sop, "kasi"), [Note]);
}

#[test]
fn situbondo_ours_to_closing() {
    let mut c = Case::new("situbondo-pengaduan");
    c.act("operator", "kadis", Dispose, None);
    c.act("operator", "kabid-dip", Dispose, None);
    c.act("kasi", "kasi", Decide, Some("kewenangan"));
    assert_eq!(c.current(), Some("perintah-cek"));
    let rest = [
        ("kasi", "kasi", Complete),
        ("staf", "staf", Complete),
        ("kasi", "kasi", Complete),
        ("kasi", "kabid-dip", Complete),
        ("kasi", "kabid-dip", Complete),
        ("operator", "kadis", Complete),
        ("kasi", "kabid-dip", Dispose),
        ("kasi", "kasi", Complete),
        ("kasi", "kasi", Complete),
        ("kasi", "kabid-dip", Complete),
        ("operator", "kadis", Complete),
        ("staf", "staf", Complete),
    ];
    for (p, r, a) in rest {
        c.act(p, r, a, None);
    }
    assert_eq!(c.state.status, Status::Closed);
    assert_eq!(c.state.done.len(), 16);
    assert!(c.state.done.iter().all(|d| !d.step.contains("penerusan")));
}

#[test]
fn wrong_role_and_wrong_state_are_refused_with_what_is_allowed() {
    let mut c = Case::new("situbondo-pengaduan");
    match c.try_act("kasi", "kasi", Complete, None) {
        Err(Refusal::NotAllowed {
            allowed,
            step_actor,
            ..
        }) => {
            assert_eq!(allowed, [Pause, Close, Note]);
            assert_eq!(step_actor.as_deref(), Some("kadis"));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        c.try_act("staf", "kadis", Dispose, None),
        Err(Refusal::CannotActAs { .. })
    ));
    c.act("kasi", "kasi", Pause, None);
    assert_eq!(allowed_actions(&c.state, &c.sop, "kadis"), [Note]);
    assert!(c.try_act("operator", "kadis", Dispose, None).is_err());
    c.act("kasi", "kasi", Resume, None);
    c.act("operator", "kadis", Dispose, None);
}

#[test]
fn gresik_steps_and_the_direct_answer() {
    let mut c = Case::new("gresik-pengaduan");
    assert_eq!(c.current(), Some("identifikasi"));
    c.act("staf", "staf", Decide, Some("ajukan"));
    c.act("operator", "sekretaris", Complete, None);
    c.act("kasi", "kadis", Dispose, None);
    c.act("staf", "staf", Complete, None);
    c.act("staf", "staf", Complete, None);
    // Step 7, the monthly recap, is the office's task: the report leads to step 8.
    assert_eq!(c.current(), Some("tindak-lanjut"));
    c.act("staf", "staf", Complete, None);
    assert_eq!(c.state.status, Status::Closed);
    assert_eq!(c.state.done.len(), 7);

    let mut d = Case::new("gresik-pengaduan");
    d.act("staf", "staf", Decide, Some("selesai-langsung"));
    assert_eq!(d.state.status, Status::Closed);
    assert_eq!(d.state.done.len(), 2);
}

#[test]
fn consultation_escalates_to_bkpm() {
    let mut c = Case::new("gresik-konsultasi");
    assert_eq!(c.current(), Some("terima-form"));
    c.act("petugas-oss", "petugas-oss", Complete, None);
    c.act("petugas-oss", "petugas-oss", Decide, Some("eskalasi-bkpm"));
    // The head disposes to the complaint team; the OSS desk does step 5 itself.
    assert_eq!(allowed_actions(&c.state, &c.sop, "kadis"), [Dispose, Note]);
    assert_eq!(
        c.sop.step("verifikasi-bkpm").unwrap().to.as_deref(),
        Some("staf")
    );
    assert_eq!(c.sop.role_short("staf"), "Tim Pengaduan");
    c.act("petugas-oss", "kadis", Dispose, None);
    assert_eq!(c.state.current.as_deref(), Some("investigasi-bkpm"));
    assert!(!allowed_actions(&c.state, &c.sop, "bkpm").contains(&Complete));
    c.act("petugas-oss", "petugas-oss", Complete, None);
    assert_eq!(c.state.status, Status::Closed);
}

#[test]
fn folding_in_any_order_gives_the_same_state() {
    let mut c = Case::new("situbondo-pengaduan");
    c.act("operator", "kadis", Dispose, None);
    c.act("operator", "kabid-dip", Dispose, None);
    c.act("kasi", "kasi", Pause, None);
    c.act("kasi", "kasi", Resume, None);
    c.act("kasi", "kasi", Decide, Some("kewenangan"));
    let forward = CaseState::fold(&c.events, Some(&c.sop)).unwrap();
    let reversed: Vec<Event> = c.events.iter().rev().cloned().collect();
    assert_eq!(CaseState::fold(&reversed, Some(&c.sop)).unwrap(), forward);
    assert_eq!(forward, c.state);
}

#[test]
fn an_event_that_does_not_fit_is_counted_not_applied() {
    let mut c = Case::new("situbondo-pengaduan");
    c.act("operator", "kadis", Dispose, None);
    // The same disposition again, as a second desk might have recorded it.
    let mut twin = c.events[1].clone();
    twin.seq = 99;
    twin.desk = Uuid::from_u128(8);
    let mut events = c.events.clone();
    events.push(twin);
    let state = CaseState::fold(&events, Some(&c.sop)).unwrap();
    assert_eq!(state.anomalies(), 1);
    assert!(
        matches!(
            state.ignored[0].reason,
            aduan::domain::fold::IgnoreReason::SameAs { .. }
        ),
        "the twin is listed as the same disposition again: {:?}",
        state.ignored
    );
    assert_eq!(state.current.as_deref(), Some("disposisi-kabid"));
}

#[test]
fn step_due_times_follow_office_hours_and_holidays() {
    let text = include_str!("../assets/holidays-id.toml");
    let (years, days) = parse_holiday_years(text).unwrap();
    let cal = Calendar::new(years, days, false, OfficeHours::default());
    let clock = Clock {
        calendar: &cal,
        offset: FixedOffset::east_opt(7 * 3600).unwrap(),
    };
    let c = Case::new("situbondo-pengaduan");
    let step = c.sop.step("disposisi-kadis").unwrap();
    // Registered Monday 08:00; a standard of 240 minutes is due Monday 12:00.
    let due = clock.step_due(&c.state, step, T0, None).unwrap();
    assert_eq!(due - T0, 4 * 3600);
    let deadline = clock.deadline(&c.state, 14, NaiveDate::from_ymd_opt(2026, 10, 5).unwrap());
    assert_eq!(
        deadline.date,
        NaiveDate::from_ymd_opt(2026, 10, 23).unwrap()
    );
}

#[test]
fn recap_facts_come_from_the_fold() {
    use aduan::domain::recap;
    let text = include_str!("../assets/holidays-id.toml");
    let (years, days) = parse_holiday_years(text).unwrap();
    let cal = Calendar::new(years, days, false, OfficeHours::default());
    let clock = Clock {
        calendar: &cal,
        offset: FixedOffset::east_opt(7 * 3600).unwrap(),
    };
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();

    let mut c = Case::new("situbondo-pengaduan");
    c.act("operator", "kadis", Dispose, None);
    c.act("operator", "kabid-dip", Dispose, None);
    c.act("kasi", "kasi", Decide, Some("perhubungan"));
    deliver_forwarding_letter(&mut c);
    let f = recap::facts(&c.state, Some(&c.sop), &clock);
    assert_eq!(f.received_on, day("2026-10-05"));
    assert_eq!(
        f.forwarded,
        Some((day("2026-10-05"), "Dinas Perhubungan".to_string()))
    );
    assert_eq!(f.finished, Some((day("2026-10-05"), Status::Forwarded)));
    assert_eq!(f.workdays_to_close, None);
    assert_eq!(f.deadline, day("2026-10-23"));
    // Every step was done within the hour: all within standard.
    assert_eq!(f.steps.len(), 8);
    assert!(f.steps.iter().all(|s| s.within_standard));
    let oct = recap::month([&f], 2026, 10);
    assert_eq!(
        (oct.received, oct.forwarded, oct.closed, oct.open_at_end),
        (1, 1, 0, 0)
    );

    let mut g = Case::new("gresik-konsultasi");
    g.act("petugas-oss", "petugas-oss", Complete, None);
    g.act("petugas-oss", "petugas-oss", Decide, Some("eskalasi-bkpm"));
    g.state.reg.input.kind = Kind::Konsultasi;
    let f = recap::facts(&g.state, Some(&g.sop), &clock);
    assert_eq!(f.consultation_decision, Some((day("2026-10-05"), false)));
    let oct = recap::month([&f], 2026, 10);
    assert_eq!(oct.consultations.escalated, 1);
    assert_eq!(oct.open_at_end, 1);
}

#[test]
fn the_checklist_keeps_only_the_branch_a_decision_took() {
    let ids = |c: &Case| -> Vec<String> {
        c.state
            .steps_on_path(&c.sop)
            .iter()
            .map(|s| s.id.clone())
            .collect()
    };
    let mut ours = Case::new("situbondo-pengaduan");
    assert_eq!(ids(&ours).len(), 20, "undecided: every step");
    ours.act("operator", "kadis", Dispose, None);
    ours.act("kasi", "kabid-dip", Dispose, None);
    ours.act("kasi", "kasi", Decide, Some("kewenangan"));
    let kept = ids(&ours);
    assert!(kept.contains(&"perintah-cek".to_string()));
    assert!(
        !kept.iter().any(|id| id.ends_with("-penerusan")),
        "{kept:?}"
    );

    let mut theirs = Case::new("situbondo-pengaduan");
    theirs.act("operator", "kadis", Dispose, None);
    theirs.act("kasi", "kabid-dip", Dispose, None);
    theirs.act("kasi", "kasi", Decide, Some("Dinas Lingkungan Hidup"));
    let kept = ids(&theirs);
    assert!(kept.contains(&"kirim-penerusan".to_string()));
    assert!(!kept.contains(&"cek-data".to_string()), "{kept:?}");
    assert!(!kept.contains(&"kirim-jawaban".to_string()), "{kept:?}");

    // Answered at once: nothing after the decision is left waiting.
    let mut direct = Case::new("gresik-pengaduan");
    direct.act("staf", "staf", Decide, Some("selesai-langsung"));
    assert_eq!(ids(&direct), ["sampaikan", "identifikasi"]);
}
