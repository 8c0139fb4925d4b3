//! What a person reads: steps by their titles, time in working days and
//! hours, dates on paper inside the case's span, refusals without flags,
//! and a field report only from a complete BAP.

mod common;

use common::TestDesk;

const KASI: &str = "Kepala Seksi Penanganan Pengaduan";
const STAF: &str = "Staf Penanganan Pengaduan";

/// A refused command leaves the case's events as they were.
fn refused(desk: &TestDesk, agenda: &str, args: &[&str]) -> String {
    let before = desk.fingerprint();
    let err = desk.fails(args);
    assert_eq!(desk.fingerprint(), before, "{args:?} wrote something");
    let shown = desk.json(&["case", "show", agenda, "--json"]);
    assert!(shown["timeline"].as_array().is_some());
    err
}

#[test]
fn steps_read_by_their_titles_and_time_in_working_days() {
    let desk = TestDesk::new();
    let a = desk.add_case("2026-11-16 09:00");
    desk.act(
        &a,
        "disposisi",
        &["--as", "kadis", "--at", "2026-11-16 13:00"],
    );
    desk.act(
        &a,
        "disposisi",
        &["--as", "kabid-dip", "--at", "2026-11-17 09:00"],
    );
    let shown = desk.ok(&["case", "show", &a]);
    assert!(shown.contains("✔ Disposisi Kadis"), "{shown}");
    assert!(shown.contains("▶ Putusan kewenangan"), "{shown}");
    assert!(
        !shown.contains("disposisi-kabid"),
        "no step id for people: {shown}"
    );
    // Standards and time used in working days (h) and hours (j).
    assert!(shown.contains("Standar"), "{shown}");
    assert!(shown.contains("4j"), "a 240-minute standard: {shown}");
    assert!(shown.contains("2h"), "two days of one step: {shown}");
    // The timeline names the step a disposition was for.
    assert!(
        shown.contains("Disposisi Kabid: Kabid DIP → Kasi"),
        "{shown}"
    );

    let list = desk.ok(&["case", "list"]);
    assert!(list.contains("Putusan kewenangan"), "{list}");
    assert!(list.contains("Terpakai"), "{list}");
    assert!(list.contains("3h 1j"), "time on the step so far: {list}");
    let json = desk.json(&["case", "list", "--json"]);
    assert_eq!(json[0]["step"], "kewenangan", "JSON keeps the id");
    assert_eq!(json[0]["step_title"], "Putusan kewenangan");

    let detail = desk.json(&["case", "show", &a, "--json"]);
    let step = &detail["steps"][3];
    assert_eq!(step["id"], "kewenangan");
    assert_eq!(step["short"], "Putusan kewenangan");
    assert!(step["used_minutes"].as_u64().unwrap() > 480);
}

#[test]
fn the_recap_names_steps_by_title_in_the_sops_order() {
    let desk = TestDesk::new();
    let a = desk.add_case("2026-11-16 09:00");
    desk.act(
        &a,
        "disposisi",
        &["--as", "kadis", "--at", "2026-11-16 13:00"],
    );
    desk.act(
        &a,
        "disposisi",
        &["--as", "kabid-dip", "--at", "2026-11-17 09:00"],
    );
    desk.act(
        &a,
        "putuskan",
        &[
            "--by",
            KASI,
            "--to",
            "kewenangan",
            "--at",
            "2026-11-17 10:00",
        ],
    );
    let out = desk.ok(&["recap", "--month", "2026-11"]);
    let row = |title: &str| {
        out.lines()
            .position(|l| l.starts_with(&format!("  {title}  ")))
            .unwrap_or_else(|| panic!("no row for {title}: {out}"))
    };
    // The SOP's order, not the ids' alphabet ("agenda" < "disposisi-kabid" < "disposisi-kadis").
    assert!(row("Agenda & disposisi") < row("Disposisi Kadis"));
    assert!(row("Disposisi Kadis") < row("Disposisi Kabid"));
    assert!(row("Disposisi Kabid") < row("Putusan kewenangan"));
    assert!(!out.contains("disposisi-kabid"), "{out}");
}

#[test]
fn dates_on_paper_and_in_notes_lie_between_receipt_and_now() {
    // Now is 2026-11-20 10:00 (the test desks' clock).
    let desk = TestDesk::new();
    let a = desk.add_case("2026-11-16 09:00");
    let act = |extra: &[&str]| {
        let mut args = vec!["case", "act", &a, "--action", "disposisi", "--as", "kadis"];
        args.extend_from_slice(extra);
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let args = act(&["--written-on", "2026-11-24"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = refused(&desk, &a, &args);
    assert!(
        err.contains("Tanggal di lembar disposisi (2026-11-24) tidak boleh di masa depan"),
        "{err}"
    );
    assert!(err.contains("2026-11-20"), "names the limit: {err}");
    let args = act(&["--written-on", "2026-11-13"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = refused(&desk, &a, &args);
    assert!(
        err.contains("tidak boleh sebelum pengaduan diterima (2026-11-16)"),
        "{err}"
    );
    let err = refused(
        &desk,
        &a,
        &[
            "case",
            "act",
            &a,
            "--action",
            "disposisi",
            "--as",
            "kadis",
            "--at",
            "2026-11-21 09:00",
        ],
    );
    assert!(
        err.contains("Waktu tindakan (2026-11-21 09:00) tidak boleh di masa depan"),
        "{err}"
    );
    assert!(err.contains("2026-11-20 10:00"), "names the limit: {err}");
    // A paper date inside the span is taken.
    desk.act(
        &a,
        "disposisi",
        &["--as", "kadis", "--written-on", "2026-11-17"],
    );

    let note = |kind: &str, fields: &[&str]| {
        let mut args = vec!["case", "note", a.as_str(), "--kind", kind, "--by", STAF];
        for f in fields {
            args.extend(["--field", f]);
        }
        refused(&desk, &a, &args)
    };
    let err = note(
        "koordinasi",
        &["dengan=Bidang Perizinan", "tanggal=2026-11-21", "hasil=x"],
    );
    assert!(
        err.contains("Tanggal tidak boleh di masa depan (paling lambat 2026-11-20)"),
        "{err}"
    );
    let err = note(
        "fasilitasi",
        &["tanggal=2026-11-15", "pihak=Pelapor", "sepakat=ya"],
    );
    assert!(
        err.contains("Tanggal tidak boleh sebelum pengaduan diterima (diterima 2026-11-16)"),
        "{err}"
    );
    let err = note(
        "bap",
        &[
            "waktu=2026-11-16 08:30",
            "tempat=Desa Kilensari",
            &format!("petugas={STAF}"),
            "temuan=x",
            "kesimpulan=x",
        ],
    );
    assert!(
        err.contains("Hari/tanggal dan jam tidak boleh sebelum pengaduan diterima (diterima 2026-11-16 09:00)"),
        "{err}"
    );
}

#[test]
fn refusals_name_no_flag_in_the_shared_words_and_list_on_behalf_actions() {
    let desk = TestDesk::new();
    let a = desk.add_case("2026-11-16 09:00");
    desk.act(&a, "disposisi", &["--as", "kadis"]);
    // The shared message says what is missing; the CLI adds where it goes.
    let err = refused(
        &desk,
        &a,
        &["case", "act", &a, "--action", "tutup", "--by", KASI],
    );
    assert!(
        err.contains("Tindakan \"tutup\" memerlukan keterangan."),
        "{err}"
    );
    assert!(err.contains("(opsi --note)"), "the CLI's hint: {err}");
    let shared = aduan::i18n::Msg::Refused(aduan::domain::workflow::Refusal::TextNeeded(
        aduan::domain::workflow::ActionKind::Close,
    ))
    .text();
    assert!(
        !shared.contains("--"),
        "no flag in the shared text: {shared}"
    );

    // The Kasi pressing "selesai" on the Kabid's disposition: the refusal
    // lists the disposition the Kasi may record on the Kabid's behalf.
    let err = refused(
        &desk,
        &a,
        &["case", "act", &a, "--action", "selesai", "--by", KASI],
    );
    assert!(err.contains("Yang diizinkan: tunda"), "{err}");
    assert!(
        err.contains("disposisi (catat disposisi atas nama Kabid DIP)"),
        "{err}"
    );

    // A BAP is not one line of text.
    let err = refused(
        &desk,
        &a,
        &[
            "case",
            "act",
            &a,
            "--action",
            "catat",
            "--note-kind",
            "bap",
            "--note",
            "Sudah ke lokasi",
            "--by",
            KASI,
        ],
    );
    assert!(err.contains("Catatan \"BAP"), "{err}");
    assert!(err.contains("Tempat"), "names the fields: {err}");
}

#[test]
fn a_field_report_refuses_a_bap_without_time_place_or_officers() {
    use aduan::domain::event::NoteKind;
    use aduan::domain::note::{NoteRecord, Notebook};
    use aduan::domain::workflow::Status;
    use uuid::Uuid;

    // A BAP written as one line of text, as older desks could.
    let legacy = NoteRecord {
        event: Uuid::from_u128(0xabcd_ef01 << 96),
        desk: Uuid::from_u128(1),
        at: 0,
        person: STAF.into(),
        role: "staf".into(),
        kind: NoteKind::Bap,
        fields: vec![("teks".into(), "Sudah ke lokasi".into())],
        replaces: None,
        superseded_by: None,
        withdrawn: None,
    };
    let case = aduan::service::CaseNotes {
        agenda_no: "0001/PGD/LKT1/2026".into(),
        subject: "PBG".into(),
        status: Status::Open,
        notebook: Notebook {
            notes: vec![legacy],
            attachments: vec![],
        },
    };
    let office = aduan::config::Office::default();
    let err = aduan::service::field_report(&office, &[], &case, true)
        .unwrap_err()
        .text();
    assert!(err.contains("tidak dibuat"), "{err}");
    for missing in ["Hari/tanggal dan jam", "Tempat", "Petugas yang hadir"] {
        assert!(err.contains(missing), "lists {missing}: {err}");
    }
    assert!(err.contains("abcdef01"), "names the note: {err}");
}
