//! Figures of hand-made months.

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn case(received: &str, deadline: &str) -> CaseFacts {
    CaseFacts {
        agenda_no: format!("{received}/PGD"),
        shown_name: Some("Siti".into()),
        kind: Kind::Pengaduan,
        channel: "loket".into(),
        licence_type: "PBG".into(),
        received_on: d(received),
        finished: None,
        deadline: d(deadline),
        unlisted_years: Vec::new(),
        workdays_to_close: None,
        forwarded: None,
        consultation_decision: None,
        steps: Vec::new(),
    }
}

#[test]
fn percentiles() {
    assert_eq!(percentile(&[], 0.5), None);
    assert_eq!(percentile(&[3], 0.9), Some(3.0));
    assert_eq!(percentile(&[2, 4, 6, 8], 0.5), Some(5.0));
    assert_eq!(percentile(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), Some(9.0));
}

#[test]
fn every_figure_of_a_hand_made_month() {
    // Received on the last working day of October, closed in November: counts
    // as received in October, open (not overdue) at October's end, closed in November.
    let mut late_october = case("2026-10-30", "2026-11-19");
    late_october.finished = Some((d("2026-11-10"), Status::Closed));
    late_october.workdays_to_close = Some(7);
    // Closed late in October.
    let mut closed_late = case("2026-09-15", "2026-10-05");
    closed_late.finished = Some((d("2026-10-07"), Status::Closed));
    closed_late.workdays_to_close = Some(16);
    closed_late.steps = vec![
        StepFact {
            step: "kewenangan".into(),
            done_on: d("2026-09-20"),
            within_standard: true,
        },
        StepFact {
            step: "kirim-jawaban".into(),
            done_on: d("2026-10-07"),
            within_standard: false,
        },
    ];
    // Closed on time in October.
    let mut on_time = case("2026-10-01", "2026-10-21");
    on_time.channel = "whatsapp".into();
    on_time.finished = Some((d("2026-10-14"), Status::Closed));
    on_time.workdays_to_close = Some(9);
    on_time.steps = vec![StepFact {
        step: "kirim-jawaban".into(),
        done_on: d("2026-10-14"),
        within_standard: true,
    }];
    // Forwarded in October, delivered in November.
    let mut forwarded = case("2026-10-02", "2026-10-22");
    forwarded.forwarded = Some((d("2026-10-05"), "Dinas Perhubungan".into()));
    forwarded.finished = Some((d("2026-11-02"), Status::Forwarded));
    // Paused (its deadline moved past October) and still open.
    let paused = case("2026-10-05", "2026-11-06");
    // Overdue at October's end.
    let overdue = case("2026-09-01", "2026-09-21");
    // A consultation answered at once.
    let mut consult = case("2026-10-12", "2026-10-30");
    consult.kind = Kind::Konsultasi;
    consult.licence_type = String::new();
    consult.consultation_decision = Some((d("2026-10-12"), true));
    consult.finished = Some((d("2026-10-12"), Status::Closed));
    consult.workdays_to_close = Some(0);

    let all = [
        late_october,
        closed_late,
        on_time,
        forwarded,
        paused,
        overdue,
        consult,
    ];
    let oct = month(&all, 2026, 10);
    assert_eq!(oct.month, "2026-10");
    assert_eq!(oct.received, 5); // late_october, on_time, forwarded, paused, consult
    assert_eq!(oct.received_by_channel["loket"], 4);
    assert_eq!(oct.received_by_channel["whatsapp"], 1);
    assert_eq!(oct.received_by_kind["konsultasi"], 1);
    assert_eq!(oct.received_by_licence["PBG"], 4);
    assert_eq!(oct.closed, 3); // closed_late, on_time, consult
    assert_eq!(oct.closed_on_time, 2);
    assert_eq!(oct.median_workdays_to_close, Some(9.0)); // of 0, 9, 16
    assert_eq!(oct.p90_workdays_to_close, Some(16.0));
    assert_eq!(oct.forwarded, 1);
    assert_eq!(oct.forwarded_by_opd["Dinas Perhubungan"], 1);
    // late_october, forwarded (finished in November), paused, overdue.
    assert_eq!(oct.open_at_end, 4);
    assert_eq!(oct.overdue_at_end, 2); // forwarded (deadline 10-22) and overdue (09-21)
    assert_eq!(
        oct.steps["kirim-jawaban"],
        StepFigure {
            done: 2,
            done_within_standard: 1
        }
    );
    assert!(!oct.steps.contains_key("kewenangan"));
    assert_eq!(
        oct.consultations,
        Consultations {
            received: 1,
            answered_directly: 1,
            escalated: 0
        }
    );

    let nov = month(&all, 2026, 11);
    assert_eq!(nov.received, 0);
    assert_eq!(nov.closed, 1);
    assert_eq!(nov.closed_on_time, 1);
    assert_eq!(nov.median_workdays_to_close, Some(7.0));
    assert_eq!(nov.forwarded, 0);
    assert_eq!(nov.open_at_end, 2); // paused and overdue
}

#[test]
fn a_running_month_is_counted_as_of_today() {
    // On 1 December: due 18 December is open, not overdue; due 30 November is overdue.
    let later = case("2026-11-27", "2026-12-18");
    let passed = case("2026-11-06", "2026-11-30");
    let today_due = case("2026-11-10", "2026-12-01");
    let all = [later, passed, today_due];
    let dec = |today: &str| {
        let (s, e) = month_bounds(2026, 12).unwrap();
        let mut t = Tally::new(s, e, "2026-12".into()).as_of(d(today));
        for c in &all {
            t.add(c);
        }
        t.finish()
    };
    let now = dec("2026-12-01");
    assert_eq!((now.open_at_end, now.overdue_at_end), (3, 1));
    assert_eq!(now.as_of.as_deref(), Some("2026-12-01"));
    // Its last day is still a running month.
    assert_eq!(dec("2026-12-31").as_of.as_deref(), Some("2026-12-31"));
    // Once the month has ended, the month's end counts.
    let ended = dec("2027-01-05");
    assert_eq!((ended.open_at_end, ended.overdue_at_end), (3, 3));
    assert_eq!(ended.as_of, None);
    // A month not yet begun has no figures.
    let (s, e) = month_bounds(2027, 1).unwrap();
    let mut jan = Tally::new(s, e, "2027-01".into()).as_of(d("2026-12-01"));
    for c in &all {
        jan.add(c);
    }
    let jan = jan.finish();
    assert!(!jan.begun);
    assert_eq!(jan.open_at_end, 0);
}

#[test]
fn a_step_id_two_kinds_share_is_counted_apart_by_kind() {
    let done = |within| StepFact {
        step: "terima".to_string(),
        done_on: d("2026-10-05"),
        within_standard: within,
    };
    let mut complaint = case("2026-10-01", "2026-10-21");
    complaint.steps = vec![done(true)];
    let mut consult = case("2026-10-02", "2026-10-22");
    consult.kind = Kind::Konsultasi;
    consult.steps = vec![done(false)];
    let oct = month(&[complaint, consult], 2026, 10);
    assert_eq!(
        oct.steps["terima"],
        StepFigure {
            done: 2,
            done_within_standard: 1
        }
    );
    assert_eq!(
        oct.steps_by_kind["pengaduan"]["terima"],
        StepFigure {
            done: 1,
            done_within_standard: 1
        }
    );
    assert_eq!(
        oct.steps_by_kind["konsultasi"]["terima"],
        StepFigure {
            done: 1,
            done_within_standard: 0
        }
    );
    assert!(!oct.steps_by_kind.contains_key("aspirasi"));
}

mod taken_back_out {
    use proptest::prelude::*;

    use super::*;

    /// Facts of a case received in 2026, from a handful of numbers.
    fn facts(n: usize, received: u32, open_days: Option<u32>, end: u8, steps: u8) -> CaseFacts {
        let received_on = d("2026-01-01") + chrono::Days::new(u64::from(received));
        let deadline = received_on + chrono::Days::new(20);
        let mut c = case(&received_on.to_string(), &deadline.to_string());
        c.agenda_no = format!("{n:04}/PGD");
        c.channel = ["loket", "whatsapp", "surat"][n % 3].into();
        c.kind = [Kind::Pengaduan, Kind::Konsultasi, Kind::Aspirasi][usize::from(end) % 3];
        c.licence_type = ["PBG", "", "NIB"][n % 3].into();
        if let Some(days) = open_days {
            let on = received_on + chrono::Days::new(u64::from(days));
            if end.is_multiple_of(2) {
                c.finished = Some((on, Status::Closed));
                c.workdays_to_close = Some(days);
            } else {
                c.finished = Some((on, Status::Forwarded));
                c.forwarded = Some((on, ["Perhubungan", "Dinkes"][n % 2].into()));
            }
            if c.kind == Kind::Konsultasi {
                c.consultation_decision = Some((on, end.is_multiple_of(4)));
            }
        }
        c.steps = (0..steps)
            .map(|i| StepFact {
                step: ["cek-data", "bap", "mediasi"][usize::from(i) % 3].into(),
                done_on: received_on + chrono::Days::new(u64::from(i) * 3),
                within_standard: i % 2 == 0,
            })
            .collect();
        c
    }

    fn year(today: NaiveDate) -> Periods {
        Periods::new(
            (1..=12)
                .map(|m| {
                    let (s, e) = month_bounds(2026, m).unwrap();
                    Tally::new(s, e, format!("2026-{m:02}")).as_of(today)
                })
                .collect(),
        )
    }

    type Shape = (u32, Option<u32>, u8, u8);

    fn shape() -> impl Strategy<Value = Shape> {
        (0u32..365, proptest::option::of(0u32..60), 0u8..8, 0u8..4)
    }

    proptest! {
        /// Counting every case, then taking the changed ones back out and
        /// counting them as they are now, gives the figures of counting the
        /// cases as they are now from the start: what the Rekap tab shows
        /// after a save without reading the whole month again.
        #[test]
        fn equals_counting_again(
            before in proptest::collection::vec(shape(), 1..40),
            changes in proptest::collection::vec((0usize..40, proptest::option::of(shape())), 0..12),
            today in 0u32..400,
        ) {
            let today = d("2026-01-01") + chrono::Days::new(u64::from(today));
            let make = |n: usize, s: &Shape| facts(n, s.0, s.1, s.2, s.3);
            let mut now: Vec<Option<CaseFacts>> =
                before.iter().enumerate().map(|(n, s)| Some(make(n, s))).collect();
            let mut kept = year(today);
            for c in now.iter().flatten() {
                kept.add(c);
            }
            for (n, change) in changes {
                // A change to a counted case, or a case new since the count.
                let n = n.min(now.len());
                if n == now.len() {
                    now.push(None);
                }
                if let Some(old) = &now[n] {
                    kept.remove(old);
                }
                now[n] = change.map(|s| make(n, &s));
                if let Some(new) = &now[n] {
                    kept.add(new);
                }
            }
            let mut again = year(today);
            for c in now.iter().flatten() {
                again.add(c);
            }
            let label = Some("2026".to_string());
            prop_assert_eq!(kept.finish(label.clone()), again.finish(label));
        }
    }
}
