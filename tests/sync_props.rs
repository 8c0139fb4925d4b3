//! Properties of desk sync, over random histories of 2–5 desks: whatever
//! bundles go where, in whatever order and however often, once everyone has
//! heard from everyone all desks hold the same log and projection, and a
//! conflict stands exactly where two desks changed one field apart.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use aduan::domain::case::CaseField;
use aduan::domain::draft::CaseDraft;
use aduan::domain::workflow::CaseState;
use aduan::service::{Desk, OpenOptions};
use proptest::prelude::*;

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
    /// The operator records the next head's paper disposition, if the SOP
    /// allows one now (the same disposition on two desks is no conflict).
    Dispose(usize, usize),
    Send(usize, usize),
    /// The last bundle sent, merged once more somewhere.
    Resend(usize),
}

fn op(desks: usize) -> impl Strategy<Value = Op> {
    let d = 0..desks;
    prop_oneof![
        2 => d.clone().prop_map(Op::Register),
        3 => (d.clone(), any::<usize>(), 0..2usize, 0..4usize)
            .prop_map(|(desk, case, field, value)| Op::Correct { desk, case, field, value }),
        1 => (d.clone(), any::<usize>()).prop_map(|(desk, case)| Op::Note(desk, case)),
        2 => (d.clone(), any::<usize>()).prop_map(|(desk, case)| Op::Dispose(desk, case)),
        3 => (d.clone(), d.clone()).prop_map(|(a, b)| Op::Send(a, b)),
        1 => d.prop_map(Op::Resend),
    ]
}

const FIELDS: [CaseField; 2] = [CaseField::Name, CaseField::Subject];
const NAMES: [&str; 4] = ["Siti Aminah", "Sri Wahyuni", "Budi Santoso", "Ahmad Fauzi"];

/// What the test expects: each desk's known corrections, as a model of the
/// rule "a correction replaces every value its desk sees standing".
#[derive(Default)]
struct Model {
    /// Agenda numbers, in order of registration.
    cases: Vec<String>,
    /// Per desk: the cases and corrections it has heard of.
    known_cases: Vec<BTreeSet<usize>>,
    known: Vec<BTreeSet<usize>>,
    /// Each correction: (case, field, what it replaced).
    corrections: Vec<(usize, usize, BTreeSet<usize>)>,
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
}

struct Office {
    /// The desks' folders, removed when the office is dropped.
    _dirs: Vec<tempfile::TempDir>,
    desks: Vec<Desk>,
    bundles: tempfile::TempDir,
    sent: usize,
    last: Option<PathBuf>,
}

fn open(dir: &tempfile::TempDir, code: &str) -> Desk {
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("[desk]\ncode = \"{code}\"\nname = \"Loket {code}\"\n"),
    )
    .unwrap();
    let mut desk = Desk::open(&OpenOptions {
        config: Some(config),
        db: Some(dir.path().join("aduan.db")),
    })
    .unwrap();
    desk.fixed_now = Some(NOW);
    desk
}

impl Office {
    fn new(n: usize) -> Office {
        let bundles = tempfile::tempdir().unwrap();
        let dirs: Vec<tempfile::TempDir> = (0..n).map(|_| tempfile::tempdir().unwrap()).collect();
        let mut desks: Vec<Desk> = Vec::new();
        for (i, dir) in dirs.iter().enumerate() {
            let mut desk = open(dir, &format!("LKT{}", i + 1));
            if i == 0 {
                desk.office().unwrap();
            } else {
                let first = desks[0].export_bundle(Some(bundles.path()), true).unwrap();
                desk.join_office(&first.path).unwrap();
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

fn run(n: usize, ops: &[Op]) -> (Office, Model) {
    let mut office = Office::new(n);
    let mut model = Model {
        known_cases: vec![BTreeSet::new(); n],
        known: vec![BTreeSet::new(); n],
        ..Model::default()
    };
    let mut last: Option<(BTreeSet<usize>, BTreeSet<usize>)> = None;
    for op in ops {
        match *op {
            Op::Register(d) => {
                let who = office.desks[d].acting_as(None, None).unwrap();
                let r = office.desks[d]
                    .register(&draft(model.cases.len()), &who)
                    .unwrap();
                model.known_cases[d].insert(model.cases.len());
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
            }
            Op::Note(desk, case) => {
                let Some(&case) = pick(&model.known_cases[desk], case) else {
                    continue;
                };
                let who = office.desks[desk].acting_as(None, None).unwrap();
                let agenda = model.cases[case].clone();
                let fields = [("teks".to_string(), format!("Catatan dari loket {desk}"))];
                office.desks[desk]
                    .add_note(
                        &agenda,
                        aduan::domain::event::NoteKind::Catatan,
                        &fields,
                        None,
                        &who,
                    )
                    .unwrap();
            }
            Op::Dispose(desk, case) => {
                let Some(&case) = pick(&model.known_cases[desk], case) else {
                    continue;
                };
                let agenda = model.cases[case].clone();
                let step = office.desks[desk].show(&agenda).unwrap().current_step;
                let head = match step.as_deref() {
                    Some("disposisi-kadis") => "kadis",
                    Some("disposisi-kabid") => "kabid-dip",
                    _ => continue,
                };
                let who = office.desks[desk].acting_as(None, Some(head)).unwrap();
                office.desks[desk]
                    .act(
                        &agenda,
                        "disposisi",
                        &aduan::service::ActInput::default(),
                        &who,
                    )
                    .unwrap();
            }
            Op::Send(from, to) if from != to => {
                office.send(from, to);
                let (cases, known) = (model.known_cases[from].clone(), model.known[from].clone());
                model.known_cases[to].extend(cases.iter().copied());
                model.known[to].extend(known.iter().copied());
                last = Some((cases, known));
            }
            Op::Send(..) => {}
            Op::Resend(to) => {
                // An old bundle found again (a copy left on the stick): it
                // brings what its sender knew then.
                if let (Some(path), Some((cases, known))) = (office.last.clone(), &last) {
                    office.desks[to]
                        .merge_bundle(&path, true, &mut |_, _| {})
                        .unwrap();
                    model.known_cases[to].extend(cases.iter().copied());
                    model.known[to].extend(known.iter().copied());
                }
            }
        }
    }
    (office, model)
}

fn pick(set: &BTreeSet<usize>, i: usize) -> Option<&usize> {
    if set.is_empty() {
        None
    } else {
        set.iter().nth(i % set.len())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_desk_converges_with_conflicts_exactly_where_changes_crossed(
        (n, ops) in (2usize..=5).prop_flat_map(|n| (Just(n), prop::collection::vec(op(n), 1..30)))
    ) {
        let (mut office, mut model) = run(n, &ops);
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
        let all: BTreeSet<usize> = (0..model.corrections.len()).collect();
        model.known = vec![all.clone(); n];
        let digests: Vec<_> = office.desks.iter().map(|d| d.store.canonical_digest().unwrap()).collect();
        for d in &digests[1..] {
            prop_assert_eq!(d, &digests[0], "canonical dumps differ");
        }
        let events: Vec<u64> = office.desks.iter().map(|d| d.store.count_events().unwrap()).collect();
        prop_assert!(events.iter().all(|&e| e == events[0]), "{:?}", events);

        let mut expected: BTreeMap<String, u32> = BTreeMap::new();
        for (case, agenda) in model.cases.iter().enumerate() {
            let crossed = (0..FIELDS.len())
                .filter(|&f| model.heads(&all, case, f).len() > 1)
                .count() as u32;
            expected.insert(agenda.clone(), crossed);
        }
        for desk in &office.desks {
            for (agenda, want) in &expected {
                let shown = desk.show(agenda).unwrap();
                prop_assert_eq!(shown.conflicts.len() as u32, *want, "{} on {}", agenda, desk.local.code);
            }
        }

        // The projection folded from any order of a case's events is the same.
        let desk = &office.desks[0];
        for agenda in &model.cases {
            let (case_n, _) = desk.resolve(agenda).unwrap();
            let mut events = desk.store.case_events(case_n).unwrap();
            let sop = desk.sops.by_id("situbondo-pengaduan");
            let straight = CaseState::fold(&events, sop);
            events.reverse();
            let reversed = CaseState::fold(&events, sop);
            let half = events.len() / 2;
            events.rotate_left(half);
            let rotated = CaseState::fold(&events, sop);
            prop_assert_eq!(&straight, &reversed);
            prop_assert_eq!(&straight, &rotated);
        }
    }
}
