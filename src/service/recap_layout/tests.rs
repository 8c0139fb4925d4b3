//! The layout of hand-made figures: what each row counts, the words of
//! the title and the signature.

use std::collections::BTreeMap;

use super::*;
use crate::domain::case::Kind;
use crate::domain::recap::StepFigure;
use crate::service::SopSteps;

fn figures(month: &str) -> MonthFigures {
    MonthFigures {
        month: month.into(),
        begun: true,
        ..MonthFigures::default()
    }
}

fn step(done: u64, within: u64) -> StepFigure {
    StepFigure {
        done,
        done_within_standard: within,
    }
}

/// October 2026 counted, November not yet begun; two SOPs that share a
/// step id.
fn recap() -> Recap {
    let mut oct = figures("2026-10");
    oct.received = 3;
    oct.received_by_kind = BTreeMap::from([("pengaduan".into(), 2), ("konsultasi".into(), 1)]);
    oct.closed = 4;
    oct.closed_on_time = 3;
    oct.steps_by_kind = BTreeMap::from([
        (
            "pengaduan".to_string(),
            BTreeMap::from([
                ("terima".to_string(), step(2, 2)),
                ("jawab".into(), step(4, 3)),
            ]),
        ),
        (
            "konsultasi".to_string(),
            BTreeMap::from([("terima".to_string(), step(1, 0))]),
        ),
    ]);
    let mut nov = figures("2026-11");
    nov.begun = false;
    let sop = |id: &str, kind, steps: &[&str]| SopSteps {
        id: id.into(),
        name: format!("SOP {id}"),
        kinds: vec![kind],
        steps: steps
            .iter()
            .map(|s| (s.to_string(), format!("Langkah {s}")))
            .collect(),
    };
    Recap {
        office: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu".into(),
        regency: "Kabupaten Situbondo".into(),
        periods: vec![oct, nov],
        total: None,
        overdue: Vec::new(),
        as_of: None,
        sop_steps: vec![
            sop("aduan", Kind::Pengaduan, &["terima", "jawab"]),
            sop("konsul", Kind::Konsultasi, &["terima"]),
        ],
        span: Span::Year(2026),
        made_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    }
}

fn row<'a>(doc: &'a RecapDoc, section: &str, label: &str) -> &'a RecapRow {
    doc.sections
        .iter()
        .find(|s| s.key == section)
        .and_then(|s| s.rows.iter().find(|r| r.label == label))
        .unwrap_or_else(|| panic!("no row {label} in {section}"))
}

#[test]
fn a_consultation_is_not_a_complaint_received() {
    let doc = recap().doc(&Config::default());
    let cells = |label| row(&doc, "received", label).cells.clone();
    assert_eq!(cells("Pengaduan diterima")[0], RecapCell::Count(2));
    assert_eq!(cells("Konsultasi diterima")[0], RecapCell::Count(1));
    assert_eq!(cells("Aspirasi/saran diterima")[0], RecapCell::Count(0));
    assert_eq!(
        cells("Jumlah diterima (semua jenis)")[0],
        RecapCell::Count(3)
    );
    // A month not yet begun has no figures, not zeros.
    assert_eq!(cells("Pengaduan diterima")[1], RecapCell::Empty);
}

#[test]
fn steps_are_grouped_per_sop_in_its_order_as_rates() {
    let doc = recap().doc(&Config::default());
    let headings: Vec<&str> = doc.sections.iter().map(|s| s.heading.as_str()).collect();
    assert!(
        headings.contains(&"C. Ketepatan waktu langkah: SOP aduan"),
        "{headings:?}"
    );
    assert!(
        headings.contains(&"D. Ketepatan waktu langkah: SOP konsul"),
        "{headings:?}"
    );
    let aduan = doc
        .sections
        .iter()
        .find(|s| s.key == "steps:aduan")
        .unwrap();
    let labels: Vec<&str> = aduan.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["Langkah terima", "Langkah jawab"]);
    // The shared step id is counted under each SOP apart.
    assert_eq!(
        aduan.rows[0].cells[0],
        RecapCell::Rate { part: 2, whole: 2 }
    );
    assert_eq!(aduan.rows[1].cells[0].fraction(), Some(0.75));
    let konsul = &row(&doc, "steps:konsul", "Langkah terima").cells[0];
    assert_eq!(konsul.text(), "0%");
    assert_eq!(
        row(&doc, "handling", "persentase tepat waktu").cells[0].text(),
        "75%"
    );
}

#[test]
fn the_title_letterhead_and_signature_are_as_the_office_writes_them() {
    let mut config = Config::default();
    config.office.head_name = "Drs. Budi Santoso".into();
    config.office.head_nip = "19700101 199003 1 007".into();
    config.office.head_rank = "Pembina Utama Muda (IV/c)".into();
    let doc = recap().doc(&config);
    assert_eq!(
        doc.title,
        [
            "REKAPITULASI JUMLAH PENGADUAN TH. 2026",
            "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KABUPATEN SITUBONDO"
        ]
    );
    assert_eq!(doc.office.letterhead[0], "PEMERINTAH KABUPATEN SITUBONDO");
    assert!(doc.office.letterhead[2].contains("Telp. (0338) 000000"));
    let columns: Vec<&str> = doc.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(columns, ["Okt", "Nov"]);
    let s = &doc.signature;
    assert_eq!(s.place_date, "Situbondo, 1 Desember 2026");
    assert_eq!(s.mengetahui, "Mengetahui,");
    assert!(
        s.title.starts_with("Kepala Dinas Penanaman Modal"),
        "{}",
        s.title
    );
    assert_eq!(s.name, "Drs. Budi Santoso");
    assert_eq!(s.nip, "NIP. 19700101 199003 1 007");
    let mut month = recap();
    month.span = Span::Month(2026, 12);
    assert_eq!(
        month.doc(&config).title[0],
        "REKAPITULASI PENGADUAN BULAN DESEMBER 2026"
    );
    month.span = Span::Years(2026, 2025);
    assert_eq!(
        month.doc(&config).title[0],
        "REKAPITULASI JUMLAH PENGADUAN TH. 2025 S.D 2026"
    );
}

#[test]
fn a_cell_serialises_with_its_kind_and_text() {
    let rate = serde_json::to_value(RecapCell::Rate {
        part: 19,
        whole: 20,
    })
    .unwrap();
    assert_eq!(rate["kind"], "rate");
    assert_eq!(rate["value"], 0.95);
    assert_eq!(rate["text"], "95%");
    let count = serde_json::to_value(RecapCell::Count(7)).unwrap();
    assert_eq!(
        (count["kind"].as_str(), count["value"].as_u64()),
        (Some("count"), Some(7))
    );
    assert_eq!(serde_json::to_value(RecapCell::Empty).unwrap()["text"], "");
}
