//! Outgoing letters through the CLI: drafting, paraf, signature and sending,
//! the SOP steps they complete, their numbers, and two desks syncing them.

mod common;

use common::{TestDesk, step_state};
use serde_json::Value;

const KASI: &str = "Kepala Seksi Penanganan Pengaduan";
const STAF: &str = "Staf Penanganan Pengaduan";
const OPD: &str = "Dinas Lingkungan Hidup";

/// Takes a case through both dispositions to the authority decision, and
/// decides it outside the office's authority, for `OPD`.
fn decide_forward(desk: &TestDesk, agenda: &str) {
    desk.act(agenda, "disposisi", &["--as", "kadis"]);
    desk.act(agenda, "disposisi", &["--as", "kabid-dip"]);
    let d = desk.act(agenda, "putuskan", &["--by", KASI, "--to", OPD]);
    assert_eq!(d["current_step"], "konsep-penerusan", "{d}");
}

fn letter(desk: &TestDesk, args: &[&str]) -> Value {
    let mut all = vec!["letter"];
    all.extend_from_slice(args);
    all.push("--json");
    desk.json(&all)
}

fn show(desk: &TestDesk, agenda: &str) -> Value {
    desk.json(&["letter", "show", agenda, "--json"])
}

fn detail(desk: &TestDesk, agenda: &str) -> Value {
    desk.json(&["case", "show", agenda, "--json"])
}

fn rebuild_is_identical(desk: &TestDesk) {
    let v = desk.json(&["check", "--rebuild", "--json"]);
    assert_eq!(v["rebuild"]["identical"], true, "{v}");
}

fn add_bap(desk: &TestDesk, agenda: &str, temuan: &str, kesimpulan: &str) -> String {
    let temuan = format!("temuan={temuan}");
    let kesimpulan = format!("kesimpulan={kesimpulan}");
    let v = desk.json(&[
        "case",
        "note",
        agenda,
        "--kind",
        "bap",
        "--json",
        "--by",
        STAF,
        "--field",
        "waktu=2026-11-18 09:30",
        "--field",
        "tempat=Desa Kilensari, Panarukan",
        "--field",
        "petugas=Staf Penanganan Pengaduan",
        "--field",
        &temuan,
        "--field",
        &kesimpulan,
    ]);
    v["id"].as_str().unwrap().to_string()
}

/// What a refused command must leave: the same events and the same letters.
fn unchanged_after(desk: &TestDesk, agenda: &str, args: &[&str]) -> String {
    let (before, letters) = (desk.fingerprint(), show(desk, agenda));
    let line = desk.fails(args);
    assert_eq!(desk.fingerprint(), before, "{args:?} changed the log");
    assert_eq!(show(desk, agenda), letters);
    line
}

#[test]
fn a_forwarding_letter_is_drafted_initialled_signed_and_sent_and_the_case_ends_forwarded() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-16 09:00");
    decide_forward(&desk, &agenda);

    let l = letter(
        &desk,
        &["draft", &agenda, "--kind", "penerusan", "--by", KASI],
    );
    assert_eq!(l["number"], "500.16/001/PNR/LKT1/2026");
    assert_eq!(l["to"], OPD);
    let body = l["versions"][0]["body"].as_str().unwrap();
    assert!(body.starts_with("Bersama ini kami teruskan"), "{body}");
    assert!(
        body.contains("PBG belum terbit") && body.contains(OPD),
        "{body}"
    );
    let d = detail(&desk, &agenda);
    assert_eq!(step_state(&d, "konsep-penerusan"), "done");
    assert_eq!(step_state(&d, "paraf-penerusan"), "current");

    let l = letter(
        &desk,
        &[
            "paraf",
            &agenda,
            "--kind",
            "penerusan",
            "--by",
            KASI,
            "--as",
            "kabid-dip",
        ],
    );
    assert_eq!(l["paraf"]["role"], "kabid-dip");
    assert_eq!(l["paraf"]["on_behalf"], true);
    letter(
        &desk,
        &[
            "ttd",
            &agenda,
            "--kind",
            "penerusan",
            "--by",
            KASI,
            "--as",
            "kadis",
        ],
    );
    let l = letter(
        &desk,
        &["kirim", &agenda, "--kind", "penerusan", "--by", STAF],
    );
    assert_eq!(l["sent"]["by"], STAF);

    let d = detail(&desk, &agenda);
    for step in ["paraf-penerusan", "ttd-penerusan", "kirim-penerusan"] {
        assert_eq!(step_state(&d, step), "done", "{step}: {d}");
    }
    assert_eq!(d["status"], "forwarded", "{d}");
    let text = desk.ok(&["letter", "show", &agenda]);
    assert!(
        text.contains("500.16/001/PNR/LKT1/2026") && text.contains(OPD),
        "{text}"
    );
    rebuild_is_identical(&desk);
    assert_eq!(
        show(&desk, &agenda)[0]["number"],
        "500.16/001/PNR/LKT1/2026"
    );
}

#[test]
fn a_paraf_at_the_heads_step_by_the_desk_in_its_own_name_is_refused() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-16 09:00");
    decide_forward(&desk, &agenda);
    letter(
        &desk,
        &["draft", &agenda, "--kind", "penerusan", "--by", KASI],
    );
    let line = unchanged_after(
        &desk,
        &agenda,
        &[
            "letter",
            "paraf",
            &agenda,
            "--kind",
            "penerusan",
            "--by",
            KASI,
        ],
    );
    assert!(line.contains("--as kabid-dip"), "{line}");
    // The desk's staff may not record for the Kadis at all.
    letter(
        &desk,
        &[
            "paraf",
            &agenda,
            "--kind",
            "penerusan",
            "--by",
            KASI,
            "--as",
            "kabid-dip",
        ],
    );
    let line = unchanged_after(
        &desk,
        &agenda,
        &[
            "letter",
            "ttd",
            &agenda,
            "--kind",
            "penerusan",
            "--by",
            STAF,
            "--as",
            "kadis",
        ],
    );
    assert!(line.contains("kadis"), "{line}");
}

#[test]
fn a_reply_drafted_from_picked_notes_carries_their_findings() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-16 09:00");
    let picked = add_bap(
        &desk,
        &agenda,
        "Gudang tanpa papan PBG",
        "Bangunan melebihi izin",
    );
    let other = add_bap(&desk, &agenda, "Pagar roboh", "Tidak terkait");
    let l = letter(
        &desk,
        &[
            "draft", &agenda, "--kind", "jawaban", "--notes", &picked, "--by", KASI,
        ],
    );
    assert_eq!(l["number"], "500.16/001/JWB/LKT1/2026");
    assert_eq!(l["to"], "Siti Aminah");
    let body = l["versions"][0]["body"].as_str().unwrap();
    assert!(
        body.starts_with("Menindaklanjuti pengaduan Saudara Siti Aminah"),
        "{body}"
    );
    assert!(body.contains("1. Hasil pemeriksaan lapangan"), "{body}");
    assert!(body.contains("Gudang tanpa papan PBG"), "{body}");
    assert!(body.contains("Bangunan melebihi izin"), "{body}");
    assert!(!body.contains("Pagar roboh"), "{body}");
    assert_eq!(l["notes"].as_array().unwrap().len(), 1);
    assert!(
        l["notes"][0]
            .as_str()
            .unwrap()
            .replace('-', "")
            .starts_with(&picked),
        "{l}"
    );
    // Without picking, every standing investigation note is a source.
    let desk2 = TestDesk::new();
    let agenda2 = desk2.add_case("2026-11-16 09:00");
    add_bap(&desk2, &agenda2, "Gudang tanpa papan PBG", "Melebihi izin");
    add_bap(&desk2, &agenda2, "Pagar roboh", "Tidak terkait");
    let l = letter(
        &desk2,
        &["draft", &agenda2, "--kind", "jawaban", "--by", KASI],
    );
    let body = l["versions"][0]["body"].as_str().unwrap();
    assert!(body.contains("1. ") && body.contains("2. "), "{body}");
    assert!(body.contains("Pagar roboh"), "{body}");
    let _ = other;
    // A body typed in replaces the drafted one; the number stays.
    let l = letter(
        &desk2,
        &[
            "draft", &agenda2, "--kind", "jawaban", "--body", "Isi baru", "--by", KASI,
        ],
    );
    assert_eq!(l["versions"].as_array().unwrap().len(), 2);
    assert_eq!(l["versions"][1]["body"], "Isi baru");
    assert_eq!(l["number"], "500.16/001/JWB/LKT1/2026");
    rebuild_is_identical(&desk2);
}

#[test]
fn acts_out_of_order_are_refused_and_change_nothing() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-16 09:00");
    let line = unchanged_after(
        &desk,
        &agenda,
        &[
            "letter",
            "draft",
            &agenda,
            "--kind",
            "penerusan",
            "--by",
            KASI,
        ],
    );
    assert!(line.contains("bukan kewenangan"), "{line}");
    let line = unchanged_after(
        &desk,
        &agenda,
        &[
            "letter",
            "paraf",
            &agenda,
            "--kind",
            "jawaban",
            "--by",
            KASI,
            "--as",
            "kabid-dip",
        ],
    );
    assert!(line.contains("konsep"), "{line}");

    letter(
        &desk,
        &["draft", &agenda, "--kind", "jawaban", "--by", KASI],
    );
    let line = unchanged_after(
        &desk,
        &agenda,
        &[
            "letter", "ttd", &agenda, "--kind", "jawaban", "--by", KASI, "--as", "kadis",
        ],
    );
    assert!(line.contains("paraf"), "{line}");
    let line = unchanged_after(
        &desk,
        &agenda,
        &[
            "letter", "kirim", &agenda, "--kind", "jawaban", "--by", STAF,
        ],
    );
    assert!(line.contains("ditandatangani"), "{line}");
    letter(
        &desk,
        &[
            "paraf",
            &agenda,
            "--kind",
            "jawaban",
            "--by",
            KASI,
            "--as",
            "kabid-dip",
        ],
    );
    letter(
        &desk,
        &[
            "ttd", &agenda, "--kind", "jawaban", "--by", KASI, "--as", "kadis",
        ],
    );
    let line = unchanged_after(
        &desk,
        &agenda,
        &[
            "letter", "draft", &agenda, "--kind", "jawaban", "--body", "Lain", "--by", KASI,
        ],
    );
    assert!(line.contains("sudah ditandatangani"), "{line}");
    let line = unchanged_after(
        &desk,
        &agenda,
        &["letter", "draft", &agenda, "--kind", "surat"],
    );
    assert!(line.contains("penerusan atau jawaban"), "{line}");
}

#[test]
fn a_number_format_without_seq_is_refused_naming_its_key() {
    let desk = TestDesk::with_config("[letters]\nformat = \"500.16/{kind}/{desk}/{year}\"\n");
    let agenda = desk.add_case("2026-11-16 09:00");
    let line = unchanged_after(
        &desk,
        &agenda,
        &[
            "letter", "draft", &agenda, "--kind", "jawaban", "--by", KASI,
        ],
    );
    assert!(
        line.contains("letters.format") && line.contains("{seq}"),
        "{line}"
    );
    let desk = TestDesk::with_config("[letters]\nformat = \"{seq}/{kind}/{year}\"\n");
    let agenda = desk.add_case("2026-11-16 09:00");
    let line = desk.fails(&["letter", "draft", &agenda, "--kind", "jawaban"]);
    assert!(
        line.contains("letters.format") && line.contains("{desk}"),
        "{line}"
    );
}

fn numbers(desk: &TestDesk, agendas: &[&str]) -> Vec<String> {
    agendas
        .iter()
        .flat_map(|a| {
            show(desk, a)
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["number"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn exchange(a: &TestDesk, b: &TestDesk, name: &str) {
    let from_a = a.export_to(&format!("a-{name}.aduan"));
    let from_b = b.export_to(&format!("b-{name}.aduan"));
    // The first exchange is where A meets B (whose fingerprint a person
    // would compare).
    a.ok(&[
        "sync",
        "merge",
        from_b.to_str().unwrap(),
        "--trust-new-desk",
    ]);
    b.ok(&["sync", "merge", from_a.to_str().unwrap()]);
}

#[test]
fn letters_of_two_desks_travel_with_sync_and_their_numbers_never_collide() {
    let (a, b) = common::two_desks();
    let (case_a, case_b) = ("0001/PGD/LKT1/2026", "0001/PGD/LKT2/2026");
    a.add_case("2026-11-18 09:00");
    let case_a2 = "0002/PGD/LKT1/2026";
    exchange(&a, &b, "0");
    letter(&a, &["draft", case_a, "--kind", "jawaban", "--by", KASI]);
    letter(&b, &["draft", case_b, "--kind", "jawaban", "--by", KASI]);
    // B writes the reply of a case A registered: B's own number.
    letter(&b, &["draft", case_a2, "--kind", "jawaban", "--by", KASI]);
    exchange(&a, &b, "1");
    let all = [case_a, case_b, case_a2];
    let on_a = numbers(&a, &all);
    assert_eq!(
        on_a,
        [
            "500.16/001/JWB/LKT1/2026",
            "500.16/001/JWB/LKT2/2026",
            "500.16/002/JWB/LKT2/2026"
        ]
    );
    for case in all {
        assert_eq!(show(&a, case), show(&b, case), "{case}");
    }
    // After the merge each desk goes on counting its own letters only.
    decide_forward(&a, case_b);
    let l = letter(&a, &["draft", case_b, "--kind", "penerusan", "--by", KASI]);
    assert_eq!(l["number"], "500.16/002/PNR/LKT1/2026");
    decide_forward(&b, case_a);
    let l = letter(&b, &["draft", case_a, "--kind", "penerusan", "--by", KASI]);
    assert_eq!(l["number"], "500.16/003/PNR/LKT2/2026");
    exchange(&a, &b, "2");
    let mut every = numbers(&a, &all);
    assert_eq!(every, numbers(&b, &all));
    every.sort();
    let before = every.len();
    every.dedup();
    assert_eq!(every.len(), before, "a number given twice: {every:?}");
    rebuild_is_identical(&a);
    rebuild_is_identical(&b);
}

#[test]
fn a_letter_edited_on_one_desk_and_initialled_on_another_shows_both() {
    let (a, b) = common::two_desks();
    let case = "0001/PGD/LKT1/2026";
    exchange(&a, &b, "0");
    letter(&a, &["draft", case, "--kind", "jawaban", "--by", KASI]);
    exchange(&a, &b, "1");
    letter(
        &a,
        &[
            "draft",
            case,
            "--kind",
            "jawaban",
            "--body",
            "Versi kedua",
            "--by",
            KASI,
        ],
    );
    exchange(&a, &b, "2");
    let l = letter(
        &b,
        &[
            "paraf",
            case,
            "--kind",
            "jawaban",
            "--by",
            KASI,
            "--as",
            "kabid-dip",
        ],
    );
    assert_eq!(l["versions"].as_array().unwrap().len(), 2);
    assert!(l["paraf"].is_object(), "{l}");
    exchange(&a, &b, "3");
    let (on_a, on_b) = (show(&a, case), show(&b, case));
    assert_eq!(on_a, on_b);
    assert_eq!(on_a[0]["versions"][1]["body"], "Versi kedua");
    assert_eq!(on_a[0]["paraf"]["role"], "kabid-dip");

    // Apart: A writes a third version while B initials the second. Both
    // desks keep the version and the paraf, which the newer version voids.
    letter(
        &a,
        &[
            "draft",
            case,
            "--kind",
            "jawaban",
            "--body",
            "Versi ketiga",
            "--by",
            KASI,
        ],
    );
    let out = b.run(&[
        "letter", "ttd", case, "--kind", "jawaban", "--by", KASI, "--as", "kadis",
    ]);
    assert!(out.status.success());
    let b_signed = show(&b, case);
    assert!(b_signed[0]["signed"].is_object());
    exchange(&a, &b, "4");
    let (on_a, on_b) = (show(&a, case), show(&b, case));
    assert_eq!(on_a, on_b);
    let l = &on_a[0];
    assert_eq!(l["initials"].as_array().unwrap().len(), 1);
    // The fold orders A's third version and B's signature the same way on
    // both desks; whichever came first, neither is silently merged away:
    // the version stands unsigned, or the signature stands on version 2.
    let versions = l["versions"].as_array().unwrap().len();
    match versions {
        3 => assert!(l["signed"].is_null() && l["paraf"].is_null(), "{l}"),
        2 => assert!(l["signed"].is_object(), "{l}"),
        n => panic!("{n} versions: {l}"),
    }
    let shown = a.ok(&["case", "show", case]);
    assert!(!shown.is_empty());
    rebuild_is_identical(&a);
}
