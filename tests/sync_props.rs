//! Properties of desk sync, over random histories of 2–5 desks: whatever
//! bundles go where, in whatever order and however often, once everyone has
//! heard from everyone all desks hold the same log and projection; every
//! desk's projection is the fold of its events; a conflict stands exactly
//! where two desks changed one thing apart; and every event is applied, part
//! of a conflict, or listed with its reason.
//!
//! Every random choice comes from the case's own seed (desk, case and event
//! ids included), so a failing history replays. `PROPTEST_CASES` sets how
//! many histories run (256 by default).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use aduan::domain::case::CaseField;
use aduan::domain::conflict::Topic;
use aduan::domain::draft::CaseDraft;
use aduan::domain::event::{Event, NoteKind, Payload};
use aduan::domain::fold::END_TOPIC;
use aduan::domain::workflow::CaseState;
use aduan::service::{ActInput, ActingAs, Desk};
use proptest::prelude::*;
use uuid::Uuid;

const NOW: i64 = 1_795_665_600; // 2026-11-20 10:00 +07:00

#[derive(Debug, Clone)]
enum Op {
    Register(usize),
    Correct {
        desk: usize,
        case: usize,
        field: usize,
        value: usize,
    },
    Note(usize, usize),
    /// Corrects a standing version of a note the desk knows.
    CorrectNote(usize, usize),
    /// The next SOP step the desk sees on the case, done in one of two ways
    /// (a disposition's instruction, a decision's option, a task's output).
    Step(usize, usize, usize),
    Pause(usize, usize),
    Resume(usize, usize),
    Close(usize, usize),
    Send(usize, usize),
    /// The last bundle sent, merged once more somewhere.
    Resend(usize),
}

fn op(desks: usize) -> impl Strategy<Value = Op> {
    let d = 0..desks;
    let pick = any::<usize>();
    prop_oneof![
        2 => d.clone().prop_map(Op::Register),
        2 => (d.clone(), pick, 0..2usize, 0..4usize)
            .prop_map(|(desk, case, field, value)| Op::Correct { desk, case, field, value }),
        1 => (d.clone(), pick).prop_map(|(desk, case)| Op::Note(desk, case)),
        2 => (d.clone(), pick).prop_map(|(desk, note)| Op::CorrectNote(desk, note)),
        5 => (d.clone(), pick, 0..2usize).prop_map(|(desk, case, way)| Op::Step(desk, case, way)),
        1 => (d.clone(), pick).prop_map(|(desk, case)| Op::Pause(desk, case)),
        1 => (d.clone(), pick).prop_map(|(desk, case)| Op::Resume(desk, case)),
        1 => (d.clone(), pick).prop_map(|(desk, case)| Op::Close(desk, case)),
        4 => (d.clone(), d.clone()).prop_map(|(a, b)| Op::Send(a, b)),
        1 => d.prop_map(Op::Resend),
    ]
}

const FIELDS: [CaseField; 2] = [CaseField::Name, CaseField::Subject];
const NAMES: [&str; 4] = ["Siti Aminah", "Sri Wahyuni", "Budi Santoso", "Ahmad Fauzi"];

/// What the test expects, from what each desk has heard of.
#[derive(Default)]
struct Model {
    /// Agenda numbers, in order of registration.
    cases: Vec<String>,
    known_cases: Vec<BTreeSet<usize>>,
    /// Per desk: the field corrections it has heard of.
    known: Vec<BTreeSet<usize>>,
    /// Each correction: (case, field, what it replaced).
    corrections: Vec<(usize, usize, BTreeSet<usize>)>,
    /// Each note version: (case, its first version, the version it corrects).
    notes: Vec<(usize, usize, Option<usize>)>,
    note_ids: Vec<Uuid>,
    known_notes: Vec<BTreeSet<usize>>,
    /// Per desk: every event it holds, by id.
    known_events: Vec<BTreeSet<Uuid>>,
    /// Each SOP action: its event and what its desk held when recording it.
    acts: Vec<(Uuid, BTreeSet<Uuid>)>,
}

impl Model {
    fn heads(&self, known: &BTreeSet<usize>, case: usize, field: usize) -> BTreeSet<usize> {
        let mine: Vec<usize> = known
            .iter()
            .copied()
            .filter(|&c| self.corrections[c].0 == case && self.corrections[c].1 == field)
            .collect();
        let replaced: BTreeSet<usize> = mine
            .iter()
            .flat_map(|&c| self.corrections[c].2.iter().copied())
            .collect();
        mine.into_iter().filter(|c| !replaced.contains(c)).collect()
    }

    /// The versions of note tree `root` that nothing in `known` corrects.
    fn note_heads(&self, known: &BTreeSet<usize>, root: usize) -> Vec<usize> {
        let tree: Vec<usize> = known
            .iter()
            .copied()
            .filter(|&v| self.notes[v].1 == root)
            .collect();
        tree.iter()
            .copied()
            .filter(|&v| !tree.iter().any(|&w| self.notes[w].2 == Some(v)))
            .collect()
    }

    /// Whether desk `d`'s event `a` was recorded knowing event `b`.
    fn saw(&self, a: Uuid, b: Uuid) -> bool {
        self.acts
            .iter()
            .find(|(id, _)| *id == a)
            .is_some_and(|(_, seen)| seen.contains(&b))
    }

    fn hear(&mut self, to: usize, from: &Knowledge) {
        self.known_cases[to].extend(from.cases.iter().copied());
        self.known[to].extend(from.corrections.iter().copied());
        self.known_notes[to].extend(from.notes.iter().copied());
        self.known_events[to].extend(from.events.iter().copied());
    }

    fn knowledge(&self, d: usize) -> Knowledge {
        Knowledge {
            cases: self.known_cases[d].clone(),
            corrections: self.known[d].clone(),
            notes: self.known_notes[d].clone(),
            events: self.known_events[d].clone(),
        }
    }
}

/// What a bundle carries: everything its desk had heard of.
#[derive(Clone)]
struct Knowledge {
    cases: BTreeSet<usize>,
    corrections: BTreeSet<usize>,
    notes: BTreeSet<usize>,
    events: BTreeSet<Uuid>,
}

struct Office {
    /// The desks' folders, removed when the office is dropped.
    _dirs: Vec<tempfile::TempDir>,
    desks: Vec<Desk>,
    bundles: tempfile::TempDir,
    sent: usize,
    last: Option<PathBuf>,
}

/// A folder on tmpfs where there is one: the histories write thousands of
/// small commits, and waiting for each to reach a disk measures the disk.
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    }
}

fn open(dir: &tempfile::TempDir, code: &str, seed: u64) -> Desk {
    common::open_in_process(dir.path(), code, seed, NOW)
}

impl Office {
    fn new(n: usize, seed: u64) -> Office {
        let bundles = scratch();
        let dirs: Vec<tempfile::TempDir> = (0..n).map(|_| scratch()).collect();
        let mut desks: Vec<Desk> = Vec::new();
        for (i, dir) in dirs.iter().enumerate() {
            let mut desk = open(dir, &format!("LKT{}", i + 1), seed.wrapping_add(i as u64));
            if i == 0 {
                desk.office().unwrap();
                desk.new_office_secret().unwrap();
            } else {
                let first = desks[0].export_bundle(Some(bundles.path()), true).unwrap();
                let secret = desks[0].office_secret().unwrap();
                desk.join_office(&first.path, &secret).unwrap();
            }
            desks.push(desk);
        }
        Office {
            _dirs: dirs,
            desks,
            bundles,
            sent: 0,
            last: None,
        }
    }

    fn send(&mut self, from: usize, to: usize) {
        self.sent += 1;
        let path = self.bundles.path().join(format!("{}.aduan", self.sent));
        self.desks[from].export_bundle(Some(&path), true).unwrap();
        self.desks[to]
            .merge_bundle(&path, true, &mut |_, _| {})
            .unwrap();
        self.last = Some(path);
    }
}

fn draft(i: usize) -> CaseDraft {
    CaseDraft {
        kind: "pengaduan".into(),
        channel: "loket".into(),
        name: NAMES[i % NAMES.len()].into(),
        phone: format!("08123456{:04}", i),
        subject: format!("Perihal {i}"),
        description: "Uraian".into(),
        ..CaseDraft::default()
    }
}

/// Someone at the desk who may act as `role`: a person of that role, else
/// the operator recording a head's paper decision on their behalf.
fn actor(desk: &Desk, role: &str) -> ActingAs {
    match desk.config.people.iter().find(|p| p.role == role) {
        Some(p) => desk.acting_as(Some(&p.name), None).unwrap(),
        None => desk.acting_as(None, Some(role)).unwrap(),
    }
}

/// The desk's newest own event, just written.
fn last_own_event(desk: &Desk, agenda: &str) -> Uuid {
    let (n, _) = desk.resolve(agenda).unwrap();
    desk.store
        .case_events(n)
        .unwrap()
        .into_iter()
        .filter(|e| e.desk == desk.local.id)
        .max_by_key(|e| e.seq)
        .unwrap()
        .id
}

/// The step the desk sees the case at, done in way 0 or 1. None when the
/// case is at no step or the SOP refuses (paused, finished).
fn step_input(desk: &Desk, agenda: &str, way: usize) -> Option<(ActingAs, &'static str, ActInput)> {
    let shown = desk.show(agenda).ok()?;
    let step_id = shown.current_step.clone()?;
    let sop = desk.sops.by_id(&shown.sop)?;
    let step = sop.step(&step_id)?;
    let who = actor(desk, &step.actor);
    let (action, input) = match step.kind {
        aduan::domain::sop::StepKind::Disposition => (
            "disposisi",
            ActInput {
                instruction: Some(["tindak-lanjuti", "koordinasikan"][way].into()),
                priority: Some(["segera", "biasa"][way].into()),
                ..ActInput::default()
            },
        ),
        aduan::domain::sop::StepKind::Decision => {
            let option = &step.options[way % step.options.len()];
            let to = if option.forward {
                desk.config.forward.opds[way % desk.config.forward.opds.len()].clone()
            } else {
                option.id.clone()
            };
            (
                "putuskan",
                ActInput {
                    to: Some(to),
                    ..ActInput::default()
                },
            )
        }
        aduan::domain::sop::StepKind::Task => (
            "selesai",
            ActInput {
                note: ["", "Hasil lain"][way].into(),
                ..ActInput::default()
            },
        ),
    };
    Some((who, action, input))
}

fn run(n: usize, seed: u64, ops: &[Op]) -> (Office, Model) {
    let mut office = Office::new(n, seed);
    let mut model = Model {
        known_cases: vec![BTreeSet::new(); n],
        known: vec![BTreeSet::new(); n],
        known_notes: vec![BTreeSet::new(); n],
        known_events: vec![BTreeSet::new(); n],
        ..Model::default()
    };
    let mut last: Option<Knowledge> = None;
    for op in ops {
        // The SOP action an op records, if it records one: (desk, agenda).
        let mut acted: Option<(usize, String)> = None;
        match *op {
            Op::Register(d) => {
                let who = office.desks[d].acting_as(None, None).unwrap();
                let r = office.desks[d]
                    .register(&draft(model.cases.len()), &who)
                    .unwrap();
                model.known_cases[d].insert(model.cases.len());
                model.known_events[d].insert(last_own_event(&office.desks[d], &r.agenda_no));
                model.cases.push(r.agenda_no);
            }
            Op::Correct {
                desk,
                case,
                field,
                value,
            } => {
                let Some(&case) = pick(&model.known_cases[desk], case) else {
                    continue;
                };
                let value = match FIELDS[field] {
                    CaseField::Name => NAMES[value].to_string(),
                    _ => format!("Perihal baru {value}"),
                };
                let who = office.desks[desk].acting_as(None, None).unwrap();
                let agenda = model.cases[case].clone();
                office.desks[desk]
                    .correct(&agenda, FIELDS[field].id(), &value, &who)
                    .unwrap();
                let replaced = model.heads(&model.known[desk], case, field);
                model.known[desk].insert(model.corrections.len());
                model.corrections.push((case, field, replaced));
                model.known_events[desk].insert(last_own_event(&office.desks[desk], &agenda));
            }
            Op::Note(desk, case) => {
                let Some(&case) = pick(&model.known_cases[desk], case) else {
                    continue;
                };
                let id = note(&mut office.desks[desk], &model.cases[case], None, desk);
                let v = model.notes.len();
                model.notes.push((case, v, None));
                model.note_ids.push(id);
                model.known_notes[desk].insert(v);
                model.known_events[desk].insert(id);
            }
            Op::CorrectNote(desk, which) => {
                // A standing version this desk knows, of any note it knows.
                let standing: Vec<usize> = {
                    let roots: BTreeSet<usize> = model.known_notes[desk]
                        .iter()
                        .map(|&v| model.notes[v].1)
                        .collect();
                    roots
                        .into_iter()
                        .flat_map(|r| model.note_heads(&model.known_notes[desk], r))
                        .collect()
                };
                let Some(&old) = standing.get(which % standing.len().max(1)) else {
                    continue;
                };
                let (case, root, _) = model.notes[old];
                let code = model.note_ids[old].simple().to_string();
                let id = note(
                    &mut office.desks[desk],
                    &model.cases[case],
                    Some(&code),
                    desk,
                );
                let v = model.notes.len();
                model.notes.push((case, root, Some(old)));
                model.note_ids.push(id);
                model.known_notes[desk].insert(v);
                model.known_events[desk].insert(id);
            }
            Op::Step(desk, case, way) => {
                let Some(&case) = pick(&model.known_cases[desk], case) else {
                    continue;
                };
                let agenda = model.cases[case].clone();
                let Some((who, action, input)) = step_input(&office.desks[desk], &agenda, way)
                else {
                    continue;
                };
                if office.desks[desk]
                    .act(&agenda, action, &input, &who)
                    .is_ok()
                {
                    acted = Some((desk, agenda));
                }
            }
            Op::Pause(desk, case) | Op::Resume(desk, case) | Op::Close(desk, case) => {
                let Some(&case) = pick(&model.known_cases[desk], case) else {
                    continue;
                };
                let agenda = model.cases[case].clone();
                let action = match op {
                    Op::Pause(..) => "tunda",
                    Op::Resume(..) => "lanjutkan",
                    _ => "tutup",
                };
                let who = actor(&office.desks[desk], "kasi");
                let input = ActInput {
                    note: "Berkas belum lengkap".into(),
                    ..ActInput::default()
                };
                // Refused when the desk's own view does not allow it.
                if office.desks[desk]
                    .act(&agenda, action, &input, &who)
                    .is_ok()
                {
                    acted = Some((desk, agenda));
                }
            }
            Op::Send(from, to) if from != to => {
                office.send(from, to);
                let k = model.knowledge(from);
                model.hear(to, &k);
                last = Some(k);
            }
            Op::Send(..) => {}
            Op::Resend(to) => {
                // An old bundle found again (a copy left on the stick): it
                // brings what its sender knew then.
                if let (Some(path), Some(k)) = (office.last.clone(), last.clone()) {
                    office.desks[to]
                        .merge_bundle(&path, true, &mut |_, _| {})
                        .unwrap();
                    model.hear(to, &k);
                }
            }
        }
        if let Some((desk, agenda)) = acted {
            let id = last_own_event(&office.desks[desk], &agenda);
            let seen = model.known_events[desk].clone();
            model.acts.push((id, seen));
            model.known_events[desk].insert(id);
        }
    }
    (office, model)
}

/// A note, or with `replaces` a correction of one; returns its event id.
fn note(desk: &mut Desk, agenda: &str, replaces: Option<&str>, from: usize) -> Uuid {
    let who = desk.acting_as(None, None).unwrap();
    let fields = [
        ("jenis-izin".to_string(), "PBG".to_string()),
        ("status".to_string(), "sah".to_string()),
        ("dibandingkan".to_string(), "OSS".to_string()),
        ("hasil".to_string(), format!("Temuan loket {from}")),
    ];
    desk.add_note(agenda, NoteKind::CekPerizinan, &fields, replaces, &who)
        .unwrap()
}

fn pick(set: &BTreeSet<usize>, i: usize) -> Option<&usize> {
    if set.is_empty() {
        None
    } else {
        set.iter().nth(i % set.len())
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// The SOP action events of a case (what the step conflicts are made of).
fn is_sop_action(e: &Event) -> bool {
    matches!(
        e.payload,
        Payload::DispositionRecorded(_)
            | Payload::Decided(_)
            | Payload::StepCompleted(_)
            | Payload::ClockPaused { .. }
            | Payload::ClockResumed { .. }
            | Payload::CaseClosed { .. }
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn every_desk_converges_with_conflicts_exactly_where_changes_crossed(
        (n, seed, ops) in (2usize..=5).prop_flat_map(|n| {
            (Just(n), any::<u64>(), prop::collection::vec(op(n), 1..40))
        })
    ) {
        let (mut office, model) = run(n, seed, &ops);
        // Every desk's stored projection is the fold of the events it holds.
        for desk in office.desks.iter_mut() {
            let rebuilt = desk.rebuild().unwrap();
            prop_assert!(rebuilt.identical, "projection of {} is not the fold of its events", desk.local.code);
        }
        // Everyone hears from everyone, twice round.
        for _ in 0..2 {
            for from in 0..n {
                for to in 0..n {
                    if from != to {
                        office.send(from, to);
                    }
                }
            }
        }
        let digests: Vec<_> = office.desks.iter().map(|d| d.store.canonical_digest().unwrap()).collect();
        for d in &digests[1..] {
            prop_assert_eq!(d, &digests[0], "canonical dumps differ");
        }
        let events: Vec<u64> = office.desks.iter().map(|d| d.store.count_events().unwrap()).collect();
        prop_assert!(events.iter().all(|&e| e == events[0]), "{:?}", events);
        for desk in office.desks.iter_mut() {
            prop_assert!(desk.rebuild().unwrap().identical, "after the merges, {}", desk.local.code);
        }

        let all: BTreeSet<usize> = (0..model.corrections.len()).collect();
        let all_notes: BTreeSet<usize> = (0..model.notes.len()).collect();
        let desk = &office.desks[0];
        let sop = desk.sops.by_id("situbondo-pengaduan");
        for (case, agenda) in model.cases.iter().enumerate() {
            let (case_n, _) = desk.resolve(agenda).unwrap();
            let mut events = desk.store.case_events(case_n).unwrap();
            let state = CaseState::fold(&events, sop).unwrap();
            let conflicts = state.conflicts();

            // Fields and notes: a conflict exactly where changes crossed.
            let crossed_fields = (0..FIELDS.len())
                .filter(|&f| model.heads(&all, case, f).len() > 1)
                .count();
            let shown_fields = conflicts.iter().filter(|c| matches!(c.topic, Topic::Field(_))).count();
            prop_assert_eq!(shown_fields, crossed_fields, "field conflicts of {}", agenda);
            let roots: BTreeSet<usize> = model.notes.iter().filter(|v| v.0 == case).map(|v| v.1).collect();
            let crossed_notes = roots.iter().filter(|&&r| model.note_heads(&all_notes, r).len() > 1).count();
            let shown_notes = conflicts.iter().filter(|c| matches!(c.topic, Topic::Note(_))).count();
            prop_assert_eq!(shown_notes, crossed_notes, "note conflicts of {}", agenda);

            // Steps: the versions of a step conflict were recorded apart, and
            // two acts recorded apart that the fold both applied to one step
            // with different content are in its conflict.
            for c in &state.step_conflicts {
                for (i, a) in c.heads.iter().enumerate() {
                    for b in &c.heads[i + 1..] {
                        prop_assert!(!model.saw(a.event, b.event) && !model.saw(b.event, a.event)
                            || matches!(&c.topic, Topic::Step(s) if s == END_TOPIC),
                            "{:?} of {} joins versions recorded one after the other", c.topic, agenda);
                    }
                    if let Topic::Step(s) = &c.topic && s == END_TOPIC && i > 0 {
                        prop_assert!(!model.saw(a.event, c.heads[0].event),
                            "an action recorded after seeing the case finished is no conflict");
                    }
                }
            }
            let in_conflict: BTreeSet<Uuid> = conflicts.iter().flat_map(|c| c.heads.iter().map(|h| h.event)).collect();
            let ignored: BTreeSet<Uuid> = state.ignored.iter().map(|i| i.event).collect();
            prop_assert!(in_conflict.is_disjoint(&ignored), "an event both in a conflict and ignored");
            // Nothing ignored in silence: every ignored event has its reason,
            // in words, in `case show`.
            let shown = desk.show(agenda).unwrap();
            prop_assert_eq!(shown.ignored.len(), state.ignored.len());
            prop_assert!(shown.ignored.iter().all(|i| !i.reason.trim().is_empty()));
            prop_assert_eq!(shown.anomalies as usize, state.ignored.len());
            // An SOP action recorded on a finished case by a desk that had
            // not seen the finish is in the ending conflict.
            if let Some(finish) = &state.finished_by {
                for e in events.iter().filter(|e| is_sop_action(e) && e.order_key() > (finish.at, *finish.desk.as_bytes(), u64::MAX)) {
                    if e.id != finish.event && !model.saw(e.id, finish.event) && !ignored.contains(&e.id) {
                        prop_assert!(in_conflict.contains(&e.id), "{} acted on after its end without a conflict", agenda);
                    }
                }
            }

            // What a desk recorded knowing every other action of the case is
            // applied as its author saw it: only actions recorded apart may
            // be ignored or meet in a conflict.
            let acts: Vec<Uuid> = events.iter().filter(|e| is_sop_action(e)).map(|e| e.id).collect();
            for &a in &acts {
                let apart = acts.iter().any(|&b| b != a && !model.saw(a, b) && !model.saw(b, a));
                if !apart {
                    prop_assert!(!ignored.contains(&a) && !in_conflict.contains(&a),
                        "{}: an action recorded in sight of every other was not applied: {:?}", agenda, state.ignored);
                }
            }

            // The fold of any order of a case's events is the same.
            events.reverse();
            let reversed = CaseState::fold(&events, sop).unwrap();
            let half = events.len() / 2;
            events.rotate_left(half);
            let rotated = CaseState::fold(&events, sop).unwrap();
            prop_assert_eq!(&state, &reversed);
            prop_assert_eq!(&state, &rotated);
        }
    }
}
