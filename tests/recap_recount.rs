//! The Rekap tab keeps its counts and, after a save, counts only the cases
//! that changed ([`Desk::recount`]). Whatever was written, by this desk or
//! merged from another, the figures must be those of counting the span
//! again from the start.

mod common;

use aduan::domain::draft::CaseDraft;
use aduan::domain::sop::StepKind;
use aduan::service::{ActInput, ActingAs, Desk, RecapCount, Span};

/// 2026-11-26 11:00 +07:00.
const NOW: i64 = 1_795_665_600;
const DAY: i64 = 86_400;

fn open(dir: &tempfile::TempDir, code: &str, seed: u64) -> Desk {
    common::open_in_process(dir.path(), code, seed, NOW)
}

fn draft(i: usize, received_at: &str) -> CaseDraft {
    CaseDraft {
        kind: ["pengaduan", "konsultasi"][i % 2].into(),
        channel: ["loket", "whatsapp", "surat"][i % 3].into(),
        name: format!("Pelapor {i}"),
        phone: format!("08123456{i:04}"),
        licence_type: ["PBG", "NIB", ""][i % 3].into(),
        subject: format!("Perihal {i}"),
        description: "Uraian".into(),
        received_at: received_at.into(),
        ..CaseDraft::default()
    }
}

fn actor(desk: &Desk, role: &str) -> ActingAs {
    match desk.config.people.iter().find(|p| p.role == role) {
        Some(p) => desk.acting_as(Some(&p.name), None).unwrap(),
        None => desk.acting_as(None, Some(role)).unwrap(),
    }
}

/// Does the step the case is at, in way 0 or 1; false at no step.
fn do_step(desk: &mut Desk, agenda: &str, way: usize, at: &str) -> bool {
    let shown = desk.show(agenda).unwrap();
    let Some(step_id) = shown.current_step.clone() else {
        return false;
    };
    let step = desk
        .sops
        .by_id(&shown.sop)
        .unwrap()
        .step(&step_id)
        .unwrap()
        .clone();
    let who = actor(desk, &step.actor);
    let (action, input) = match step.kind {
        StepKind::Disposition => (
            "disposisi",
            ActInput {
                instruction: Some("tindak-lanjuti".into()),
                priority: Some("segera".into()),
                ..ActInput::default()
            },
        ),
        StepKind::Decision => {
            let option = &step.options[way % step.options.len()];
            let to = if option.forward {
                desk.config.forward.opds[0].clone()
            } else {
                option.id.clone()
            };
            let input = ActInput {
                to: Some(to),
                ..ActInput::default()
            };
            ("putuskan", input)
        }
        StepKind::Task => (
            "selesai",
            ActInput {
                note: "Hasil".into(),
                ..ActInput::default()
            },
        ),
    };
    let input = ActInput {
        at: Some(at.into()),
        ..input
    };
    desk.act(agenda, action, &input, &who).is_ok()
}

/// The kept count brought up to date equals the span counted again.
#[track_caller]
fn assert_recounted(desk: &Desk, count: &mut RecapCount, what: &str) {
    desk.recount(count).unwrap();
    let kept = serde_json::to_value(desk.recap_of(count)).unwrap();
    let again = serde_json::to_value(desk.recap(count.span()).unwrap()).unwrap();
    assert_eq!(kept, again, "after {what}");
}

#[test]
fn counting_the_changed_cases_again_equals_counting_every_case() {
    let (dir_a, dir_b, bundles) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let mut a = open(&dir_a, "LKT1", 1);
    a.office().unwrap();
    a.new_office_secret().unwrap();
    let mut b = open(&dir_b, "LKT2", 2);
    let first = a.export_bundle(Some(bundles.path()), true).unwrap();
    b.join_office(&first.path, &a.office_secret().unwrap())
        .unwrap();

    // Cases from October on, so November's counts carry some over.
    let mut agendas = Vec::new();
    for i in 0..4 {
        let day = 20 + i * 3;
        let r = a.register(
            &draft(i, &format!("2026-10-{day} 09:00")),
            &actor(&a, "operator"),
        );
        agendas.push(r.unwrap().agenda_no);
    }
    let mut month = a.recap_count(Span::Month(2026, 11)).unwrap();
    let mut year = a.recap_count(Span::Year(2026)).unwrap();
    let before = serde_json::to_value(a.recap_of(&month)).unwrap();

    for i in 4..8 {
        let at = format!("2026-11-{:02} 10:00", 2 + i);
        let r = a.register(&draft(i, &at), &actor(&a, "operator")).unwrap();
        agendas.push(r.agenda_no);
        assert_recounted(&a, &mut month, "a registration");
    }
    let after = serde_json::to_value(a.recap_of(&month)).unwrap();
    assert_ne!(
        before, after,
        "the month's figures moved with its new cases"
    );

    // Each case taken a few steps on, some decided one way, some the other.
    for round in 0..6 {
        for (i, agenda) in agendas.clone().iter().enumerate() {
            if (i + round) % 3 == 0 {
                let at = format!("2026-11-{:02} 14:00", 12 + round);
                do_step(&mut a, agenda, i % 2, &at);
            }
        }
        assert_recounted(&a, &mut month, "steps done");
        assert_recounted(&a, &mut year, "steps done");
    }

    // Another desk's cases and steps, merged.
    b.fixed_now = Some(NOW);
    for i in 8..11 {
        let r = b.register(&draft(i, "2026-11-16 11:00"), &actor(&b, "operator"));
        let agenda = r.unwrap().agenda_no;
        do_step(&mut b, &agenda, 0, "2026-11-17 09:00");
    }
    let bundle = b.export_bundle(Some(&bundles.path().join("b.aduan")), true);
    a.merge_bundle(&bundle.unwrap().path, true, &mut |_, _| {})
        .unwrap();
    assert_recounted(&a, &mut month, "a merge");
    assert_recounted(&a, &mut year, "a merge");

    // Nothing written: the count says nothing moved.
    assert!(!a.recount(&mut month).unwrap());

    // A new day counts the month as of that day.
    a.fixed_now = Some(NOW + 2 * DAY);
    assert_recounted(&a, &mut month, "a day later");
    let as_of = a.recap_of(&month).as_of;
    assert_eq!(as_of.as_deref(), Some("2026-11-28"));
}
