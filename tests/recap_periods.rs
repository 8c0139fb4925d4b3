//! A year counted in one pass (each date routed to its month, the total the
//! sum of the months) must give exactly the figures of counting each month,
//! and the whole year, on its own.

use aduan::domain::case::Kind;
use aduan::domain::recap::{self, CaseFacts, Periods, StepFact, Tally};
use aduan::domain::workflow::Status;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

fn day(offset: u64) -> NaiveDate {
    // From mid-November of the year before, so some cases start before the year.
    NaiveDate::from_ymd_opt(2025, 11, 15).unwrap() + Days::new(offset)
}

prop_compose! {
    fn a_case()(
        kind in prop::sample::select(vec![Kind::Pengaduan, Kind::Konsultasi, Kind::Aspirasi]),
        channel in prop::sample::select(vec!["loket", "whatsapp", "email"]),
        licence in prop::sample::select(vec!["", "PBG", "NIB"]),
        received in 0u64..450,
        deadline_after in 10u64..40,
        finished in prop::option::of((0u64..200, any::<bool>(), 0u32..30)),
        forwarded_opd in prop::sample::select(vec!["Dinas Perhubungan", "Dinas Kesehatan"]),
        decided_after in prop::option::of((0u64..20, any::<bool>())),
        steps in prop::collection::vec((prop::sample::select(vec!["kewenangan", "cek-data", "jawab"]), 0u64..60, any::<bool>()), 0..5),
    ) -> CaseFacts {
        let finished = finished.map(|(after, closed, _)| {
            (day(received + after), if closed { Status::Closed } else { Status::Forwarded })
        });
        CaseFacts {
            agenda_no: format!("{received:04}/PGD"),
            shown_name: None,
            kind,
            channel: channel.to_string(),
            licence_type: licence.to_string(),
            received_on: day(received),
            finished,
            deadline: day(received + deadline_after),
            unlisted_years: Vec::new(),
            workdays_to_close: finished
                .filter(|(_, s)| *s == Status::Closed)
                .map(|(on, _)| (on - day(received)).num_days() as u32),
            forwarded: finished
                .filter(|(_, s)| *s == Status::Forwarded)
                .map(|(on, _)| (on, forwarded_opd.to_string())),
            consultation_decision: (kind == Kind::Konsultasi)
                .then_some(decided_after)
                .flatten()
                .map(|(after, answered)| (day(received + after), answered)),
            steps: steps
                .into_iter()
                .map(|(step, after, within_standard)| StepFact {
                    step: step.to_string(),
                    done_on: day(received + after),
                    within_standard,
                })
                .collect(),
        }
    }
}

fn months_of(year: i32) -> Vec<Tally> {
    (1..=12)
        .map(|m| {
            let (s, e) = recap::month_bounds(year, m).unwrap();
            Tally::new(s, e, format!("{year}-{m:02}"))
        })
        .collect()
}

proptest! {
    #[test]
    fn a_year_in_one_pass_equals_each_month_counted_alone(cases in prop::collection::vec(a_case(), 0..80)) {
        let mut periods = Periods::new(months_of(2026));
        for c in &cases {
            periods.add(c);
        }
        let (months, total) = periods.finish(Some("Jumlah".to_string()));
        for (m, figures) in (1..=12).zip(&months) {
            prop_assert_eq!(figures, &recap::month(&cases, 2026, m));
        }
        let (start, _) = recap::month_bounds(2026, 1).unwrap();
        let (_, end) = recap::month_bounds(2026, 12).unwrap();
        prop_assert_eq!(total.unwrap(), recap::period(&cases, start, end, "Jumlah".to_string()));
    }
}
