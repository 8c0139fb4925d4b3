//! The disposition inbox in a real terminal: whole SOPs walked from this
//! screen only, as the Kasi and the staff would, recording the heads'
//! paper dispositions on their behalf.

mod common;

use common::TestDesk;
use common::term::Term;

const KASI: usize = 1;
const STAF: usize = 2;

/// Signs in as the person at `index` of the config's people and opens the inbox.
fn sign_in_to_inbox(term: &Term, index: usize) {
    term.wait_for("Siapa yang bertugas?");
    for _ in 0..index {
        term.keys(&["Down"]);
    }
    term.keys(&["Enter"]);
    term.wait_for("Pengaduan baru");
    term.keys(&["M-2"]);
    term.wait_for("Antrean saya");
}

/// F9: another person signs in; the inbox stays open, now with their queue.
fn switch_to(term: &Term, index: usize) {
    term.keys(&["F9"]);
    term.wait_for("Siapa yang bertugas?");
    // The picker starts on the last person; count from the top.
    term.keys(&["Home"]);
    for _ in 0..index {
        term.keys(&["Down"]);
    }
    term.keys(&["Enter"]);
    term.wait_for("Antrean saya");
}

/// Presses an action key on the selected case, moves the first choice after
/// "as" `right` times, records it, and waits for the step that follows.
fn act(term: &Term, key: &str, right: usize, then: &str) {
    term.keys(&[key]);
    term.wait_for("Tab pindah");
    for _ in 0..right {
        term.keys(&["Right"]);
    }
    term.keys(&["Enter"]);
    term.wait_for("Catat tindakan?");
    term.keys(&["Enter"]);
    term.wait_for(then);
}

fn timeline(desk: &TestDesk, agenda: &str) -> serde_json::Value {
    desk.json(&["case", "show", agenda, "--json"])
}

#[test]
fn situbondo_not_ours_from_the_inbox() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-19 09:00");
    let term = Term::start(desk, "notours");
    sign_in_to_inbox(&term, KASI);
    term.wait_for("▶ Disposisi Kadis");
    act(&term, "d", 0, "▶ Disposisi Kabid");
    act(&term, "d", 0, "▶ Putusan kewenangan");
    // The first option is "ours"; one step right is the first OPD.
    act(&term, "p", 1, "▶ Konsep surat penerusan");
    act(&term, "s", 0, "▶ Paraf Kabid (penerusan)");
    act(&term, "s", 0, "▶ TTD Kadis (penerusan)");
    act(&term, "s", 0, "Tidak ada kasus di antrean ini");
    switch_to(&term, STAF);
    act(&term, "s", 0, "Tidak ada kasus di antrean ini");
    term.keys(&["F6"]);
    term.wait_for("Diteruskan ke OPD");
    let d = timeline(&term.desk, &agenda);
    assert_eq!(d["status"], "forwarded");
    assert_eq!(d["forwarded_to"], "Dinas Pekerjaan Umum dan Penataan Ruang");
    let events = d["timeline"].as_array().unwrap();
    assert_eq!(events.len(), 8);
    // The Kasi typed the Kadis's paper disposition: both are kept.
    assert_eq!(events[1]["role"], "kadis");
    assert_eq!(events[1]["person"], "Kepala Seksi Penanganan Pengaduan");
    assert_eq!(events[1]["on_behalf"], true);
    assert_eq!(events[7]["person"], "Staf Penanganan Pengaduan");
}

#[test]
fn situbondo_ours_to_closing_from_the_inbox() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-19 09:00");
    let term = Term::start(desk, "ours");
    sign_in_to_inbox(&term, KASI);
    term.wait_for("▶ Disposisi Kadis");
    act(&term, "d", 0, "▶ Disposisi Kabid");
    act(&term, "d", 0, "▶ Putusan kewenangan");
    act(&term, "p", 0, "▶ Perintah cek perizinan");
    act(&term, "s", 0, "Tidak ada kasus di antrean ini");
    switch_to(&term, STAF);
    act(&term, "s", 0, "Tidak ada kasus di antrean ini");
    switch_to(&term, KASI);
    for next in [
        "▶ Koordinasi Kabid Yandu",
        "▶ Lapor ke Kadis",
        "▶ Arahan Kadis",
        "▶ Perintah penanganan",
    ] {
        act(&term, "s", 0, next);
    }
    act(&term, "d", 0, "▶ Penanganan/fasilitasi");
    for next in [
        "▶ Konsep surat jawaban",
        "▶ Paraf Kabid (jawaban)",
        "▶ TTD Kadis (jawaban)",
        "Tidak ada kasus di antrean ini",
    ] {
        act(&term, "s", 0, next);
    }
    switch_to(&term, STAF);
    act(&term, "s", 0, "Tidak ada kasus di antrean ini");
    let d = timeline(&term.desk, &agenda);
    assert_eq!(d["status"], "closed");
    let done = d["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["state"] == "done")
        .count();
    assert_eq!(done, 16);
    assert_eq!(d["timeline"].as_array().unwrap().len(), 16);
}

#[test]
fn gresik_steps_from_the_inbox_and_a_refusal() {
    let desk = TestDesk::with_config("[sop]\npengaduan = \"gresik-pengaduan\"\n");
    let agenda = desk.add_case("2026-11-19 09:00");
    let term = Term::start(desk, "gresik");
    sign_in_to_inbox(&term, STAF);
    term.wait_for("▶ Identifikasi masalah");
    // "ajukan" (escalate to the head) is the second option.
    act(&term, "p", 1, "Tidak ada kasus di antrean ini");
    switch_to(&term, KASI);
    // A key the SOP does not allow now is refused, naming what is.
    term.keys(&["p"]);
    let screen = term.wait_for("diizinkan: tunda");
    assert!(screen.contains("tidak diizinkan"), "{screen}");
    assert!(
        screen.contains("selesaikan langkah atas nama"),
        "on-behalf actions listed: {screen}"
    );
    term.keys(&["Escape"]);
    // A key sent hard on the heels of Esc would read as Alt+key.
    term.wait_gone("diizinkan: tunda");
    act(&term, "s", 0, "▶ Disposisi Kadis");
    act(&term, "d", 0, "Tidak ada kasus di antrean ini");
    switch_to(&term, STAF);
    act(&term, "s", 0, "▶ Laporan investigasi");
    // Step 7 (the monthly recap) is the Rekap screen's task: step 6 leads to step 8.
    act(&term, "s", 0, "▶ Tindak lanjut & arsip");
    act(&term, "s", 0, "Tidak ada kasus di antrean ini");
    let d = timeline(&term.desk, &agenda);
    assert_eq!(d["status"], "closed");
    let done: Vec<&str> = d["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["state"] == "done")
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(done.len(), 7, "{done:?}");
}

/// The Kadis's disposition waits; the staff member finds the case in the
/// open queue (F3) and presses `d`.
fn staff_tries_the_kadis_disposition(term: &Term) -> String {
    sign_in_to_inbox(term, STAF);
    term.keys(&["F3"]);
    term.wait_for("▶ Disposisi Kadis");
    term.keys(&["d"]);
    term.wait_for("diizinkan")
}

#[test]
fn a_staff_member_is_refused_the_kadis_disposition() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-19 09:00");
    let term = Term::start(desk, "stafkadis");
    let screen = staff_tries_the_kadis_disposition(&term);
    assert!(screen.contains("tidak diizinkan untuk staf"), "{screen}");
    assert!(screen.contains("dikerjakan oleh kadis"), "{screen}");
    term.keys(&["Escape"]);
    term.wait_gone("tidak diizinkan");
    let d = timeline(&term.desk, &agenda);
    assert_eq!(
        d["timeline"].as_array().unwrap().len(),
        1,
        "nothing recorded"
    );
}

#[test]
fn a_staff_member_records_the_kadis_disposition_where_the_sop_allows() {
    let desk = TestDesk::new();
    desk.let_staff_record_for_the_kadis();
    let agenda = desk.add_case("2026-11-19 09:00");
    let term = Term::start(desk, "stafkadisok");
    sign_in_to_inbox(&term, STAF);
    // The Kadis's step is now in the staff member's own queue.
    term.wait_for("▶ Disposisi Kadis");
    act(&term, "d", 0, "Tidak ada kasus di antrean ini");
    let d = timeline(&term.desk, &agenda);
    let events = d["timeline"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[1]["role"], "kadis");
    assert_eq!(events[1]["person"], "Staf Penanganan Pengaduan");
    assert_eq!(events[1]["on_behalf"], true);
}
