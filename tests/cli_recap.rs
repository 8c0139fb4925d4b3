//! `aduan recap` over cases whose every figure is known.

mod common;

use common::TestDesk;

/// October 2026: one closed on time, one received on the last working day
/// and still open, one forwarded (received in September), one consultation
/// answered at once, one confidential and overdue.
fn october() -> TestDesk {
    let desk = TestDesk::new();
    let kasi = "Kepala Seksi Penanganan Pengaduan";
    let closed = desk.add_case("2026-10-05 09:00");
    desk.act(
        &closed,
        "tutup",
        &[
            "--by",
            kasi,
            "--note",
            "Selesai di loket",
            "--at",
            "2026-10-06 09:00",
        ],
    );
    desk.add_case("2026-10-30 15:00");
    let forwarded = desk.add_case("2026-09-15 09:00");
    desk.act(
        &forwarded,
        "disposisi",
        &["--as", "kadis", "--at", "2026-09-16 09:00"],
    );
    desk.act(
        &forwarded,
        "disposisi",
        &["--as", "kabid-dip", "--at", "2026-09-17 09:00"],
    );
    desk.act(
        &forwarded,
        "putuskan",
        &[
            "--by",
            kasi,
            "--to",
            "Perhubungan",
            "--at",
            "2026-10-01 09:00",
        ],
    );
    let oss = "Petugas Pojok OSS";
    let consult = desk.json(&[
        "case",
        "add",
        "--kind",
        "konsultasi",
        "--name",
        "Budi",
        "--phone",
        "081234567891",
        "--subject",
        "NIB",
        "--description",
        "Cara membuat NIB.",
        "--received-at",
        "2026-10-12 09:00",
    ])["agenda_no"]
        .as_str()
        .unwrap()
        .to_string();
    desk.act(
        &consult,
        "selesai",
        &["--by", oss, "--at", "2026-10-12 09:05"],
    );
    desk.act(
        &consult,
        "putuskan",
        &[
            "--by",
            oss,
            "--to",
            "jawab-langsung",
            "--at",
            "2026-10-12 09:10",
        ],
    );
    desk.json(&[
        "case",
        "add",
        "--name",
        "Rahasia Sekali",
        "--nik",
        "3512074507850003",
        "--phone",
        "081298765432",
        "--address",
        "Jl. Rahasia 1",
        "--rahasia",
        "--subject",
        "Pungli",
        "--description",
        "Diminta uang.",
        "--received-at",
        "2026-09-01 09:00",
    ]);
    desk
}

#[test]
fn the_figures_of_a_month_in_json() {
    let desk = october();
    let v = desk.json(&["recap", "--month", "2026-10", "--format", "json"]);
    assert_eq!(v["month"], "2026-10");
    assert_eq!(v["received"], 3);
    assert_eq!(v["received_by_channel"]["loket"], 3);
    assert_eq!(v["received_by_kind"]["pengaduan"], 2);
    assert_eq!(v["received_by_kind"]["konsultasi"], 1);
    assert_eq!(v["closed"], 2); // the closed complaint and the answered consultation
    assert_eq!(v["closed_on_time"], 2);
    assert_eq!(v["median_workdays_to_close"], 0.5); // 1 and 0 working days
    assert_eq!(v["forwarded"], 1);
    assert_eq!(v["forwarded_by_opd"]["Dinas Perhubungan"], 1);
    // Open at the end: received 30 Oct, the forwarded one (still being sent), the confidential one.
    assert_eq!(v["open_at_end"], 3);
    assert_eq!(v["overdue_at_end"], 2); // forwarded (deadline 2026-10-05) and confidential (2026-09-21)
    assert_eq!(v["steps"]["kewenangan"]["done"], 1);
    assert_eq!(v["consultations"]["received"], 1);
    assert_eq!(v["consultations"]["answered_directly"], 1);
    assert_eq!(v["consultations"]["escalated"], 0);
    // Names only of cases that are neither confidential nor anonymous.
    let overdue = v["overdue"].as_array().unwrap();
    assert_eq!(overdue.len(), 2);
    assert!(overdue.iter().any(|o| o["name"].is_null()));
}

#[test]
fn no_export_carries_a_nik_phone_or_address() {
    let desk = october();
    for format in ["table", "json", "csv", "md"] {
        let out = desk.ok(&["recap", "--month", "2026-10", "--format", format, "-o", "-"]);
        for secret in [
            "3512074507850003",
            "81298765432",
            "Jl. Rahasia",
            "Rahasia Sekali",
            "81234567891",
        ] {
            assert!(!out.contains(secret), "{format} shows {secret}:\n{out}");
        }
    }
}

#[test]
fn csv_opens_in_indonesian_spreadsheets_and_is_never_overwritten_silently() {
    let desk = october();
    desk.ok(&[
        "recap",
        "--month",
        "2026-10",
        "--format",
        "csv",
        "--delimiter",
        ";",
    ]);
    let path = desk
        .dir
        .path()
        .join("ekspor")
        .join("rekap-pengaduan-2026-10.csv");
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("Uraian;Oktober 2026\n"), "{text}");
    // Complaints apart from consultations, each under its section.
    assert!(
        text.contains("A. Penerimaan\nPengaduan diterima;2\n"),
        "{text}"
    );
    assert!(text.contains("Konsultasi diterima;1\n"), "{text}");
    assert!(text.contains("Jumlah diterima (semua jenis);3\n"), "{text}");
    assert!(text.contains("persentase tepat waktu;100%\n"), "{text}");
    let err = desk.fails(&["recap", "--month", "2026-10", "--format", "csv"]);
    assert!(
        err.contains("sudah ada") && err.contains("--force"),
        "{err}"
    );
    desk.ok(&["recap", "--month", "2026-10", "--format", "csv", "--force"]);
}

#[test]
fn a_year_month_by_month_with_totals_and_years_side_by_side() {
    let desk = october();
    let v = desk.json(&["recap", "--year", "2026", "--format", "json"]);
    let periods = v["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 12);
    assert_eq!(periods[8]["received"], 2); // September
    assert_eq!(periods[9]["received"], 3); // October
    assert_eq!(v["total"]["received"], 5);
    let md = desk.ok(&[
        "recap",
        "--years",
        "2025..2026",
        "--format",
        "md",
        "-o",
        "-",
    ]);
    // 2026 has not ended on 20 November: it is counted as of that day.
    assert!(
        md.contains("# REKAPITULASI JUMLAH PENGADUAN TH. 2025 S.D 2026\n"),
        "{md}"
    );
    assert!(
        md.contains("| Uraian | 2025 | 2026 (per 20 November 2026) | Jumlah |"),
        "{md}"
    );
    assert!(md.contains("Keadaan per 20 November 2026\n"), "{md}");
    assert!(
        md.contains("| **Pengaduan diterima** | 0 | 4 | 4 |"),
        "{md}"
    );
    assert!(
        md.contains("| **Konsultasi diterima** | 0 | 1 | 1 |"),
        "{md}"
    );
    assert!(md.contains("Mengetahui,"), "{md}");
}

#[test]
fn the_xlsx_opens_in_a_spreadsheet_reader_with_sheets_headers_and_totals() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let desk = october();
    desk.ok(&["recap", "--year", "2026", "--format", "xlsx"]);
    let path = desk
        .dir
        .path()
        .join("ekspor")
        .join("rekap-pengaduan-2026.xlsx");
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(wb.sheet_names(), ["Rekap", "Terlambat"]);
    let sheet = wb.worksheet_range("Rekap").unwrap();
    let text = |r: u32, c: u32| match sheet.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        other => format!("{other:?}"),
    };
    let row_of = |label: &str| {
        (0..sheet.height() as u32)
            .find(|r| text(*r, 0) == label)
            .unwrap_or_else(|| panic!("no row {label}"))
    };
    assert_eq!(text(0, 0), "PEMERINTAH KABUPATEN SITUBONDO");
    let title = (0..12)
        .map(|r| text(r, 0))
        .find(|t| t.starts_with("REKAPITULASI"));
    assert_eq!(
        title.as_deref(),
        Some("REKAPITULASI JUMLAH PENGADUAN TH. 2026")
    );
    let head = row_of("Uraian");
    assert_eq!(text(head, 1), "Jan");
    assert_eq!(text(head, 10), "Okt");
    assert_eq!(text(head, 13), "Jumlah");
    let complaints = row_of("Pengaduan diterima");
    assert_eq!(sheet.get_value((complaints, 10)), Some(&Data::Float(2.0)));
    assert_eq!(sheet.get_value((complaints, 13)), Some(&Data::Float(4.0)));
    assert_eq!(text(row_of("Jumlah diterima (semua jenis)"), 13), "5");
    // Rates are numbers (a fraction the cell shows as a percentage), not "1/1" text.
    let on_time = row_of("persentase tepat waktu");
    assert_eq!(sheet.get_value((on_time, 10)), Some(&Data::Float(1.0)));
    let step = row_of("Agenda & disposisi");
    assert!(
        matches!(sheet.get_value((step, 13)), Some(Data::Float(f)) if (0.0..=1.0).contains(f)),
        "{:?}",
        sheet.get_value((step, 13))
    );
    let overdue = wb.worksheet_range("Terlambat").unwrap();
    assert_eq!(
        overdue.get_value((4, 1)),
        Some(&Data::String("No. agenda".into()))
    );
    // Never overwritten without --force.
    let err = desk.fails(&["recap", "--year", "2026", "--format", "xlsx"]);
    assert!(err.contains("--force"), "{err}");
}

#[test]
fn the_print_layout_is_json_a_pdf_template_can_read() {
    let desk = october();
    let doc = desk.json(&["recap", "--month", "2026-10", "--format", "layout"]);
    assert_eq!(doc["title"][0], "REKAPITULASI PENGADUAN BULAN OKTOBER 2026");
    assert_eq!(
        doc["office"]["letterhead"][0],
        "PEMERINTAH KABUPATEN SITUBONDO"
    );
    assert_eq!(doc["signature"]["mengetahui"], "Mengetahui,");
    assert_eq!(
        doc["signature"]["place_date"],
        "Situbondo, 20 November 2026"
    );
    let received = &doc["sections"][0];
    assert_eq!(received["key"], "received");
    assert_eq!(received["rows"][0]["label"], "Pengaduan diterima");
    assert_eq!(received["rows"][0]["cells"][0]["value"], 2);
    let handling = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "handling")
        .unwrap();
    let on_time = handling["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == "persentase tepat waktu")
        .unwrap();
    assert_eq!(on_time["cells"][0]["kind"], "rate");
    assert_eq!(on_time["cells"][0]["value"], 1.0);
    assert_eq!(on_time["cells"][0]["text"], "100%");
    assert_eq!(doc["overdue"]["rows"].as_array().unwrap().len(), 2);
}
