//! The Investigasi tab in a real terminal: the staff picks the case at
//! their licence check, writes a note of each kind through its form,
//! corrects one, withdraws one, attaches a photo, checks and saves it out,
//! and writes the field report. What the screen says is checked against
//! what the database holds.

mod common;

use common::TestDesk;
use common::term::Term;

const KASI: usize = 1;
const STAF: usize = 2;
const KASI_NAME: &str = "Kepala Seksi Penanganan Pengaduan";
const STAF_NAME: &str = "Staf Penanganan Pengaduan";

fn sign_in(term: &Term, index: usize) {
    term.wait_for("Siapa yang bertugas?");
    for _ in 0..index {
        term.keys(&["Down"]);
    }
    term.keys(&["Enter"]);
    term.wait_for("Pengaduan baru");
}

/// `n`, the kind's digit, and waits for its form.
fn new_note(term: &Term, digit: &str, kind: &str) {
    term.keys(&["n"]);
    term.wait_for("Jenis catatan baru");
    term.keys(&[digit]);
    term.wait_for(&format!("Catatan baru: {kind}"));
}

/// Ctrl+S, and waits until the list counts `count` notes.
fn save(term: &Term, count: usize) -> String {
    term.keys(&["C-s"]);
    term.wait_for("Catatan tersimpan");
    term.wait_for(&format!("{count} catatan"))
}

/// Moves to the `index`-th note from the top (newest first) and waits
/// until the preview shows it is of `kind`.
fn select(term: &Term, index: usize, kind: &str) {
    term.keys(&["Home"]);
    for _ in 0..index {
        term.keys(&["Down"]);
    }
    term.wait_for(&format!("] {kind} — "));
}

#[test]
fn a_case_investigated_from_the_tab() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-19 09:00");
    desk.walk_to_cek_data(&agenda);
    let other = desk.add_case("2026-11-19 10:00");
    let photo = desk.dir.path().join("foto-lokasi.jpg");
    let photo_bytes: Vec<u8> = b"\xff\xd8\xff\xe0 foto gudang \x00\x01\x02"
        .iter()
        .copied()
        .chain((0..=255u8).cycle().take(3000))
        .collect();
    std::fs::write(&photo, &photo_bytes).unwrap();
    let export = desk.dir.path().join("ekspor");
    let term = Term::start(desk, "notes");
    sign_in(&term, STAF);

    // The tab opens on the case at the staff's step; the other one is found
    // by its number.
    term.keys(&["M-3"]);
    let screen = term.wait_for("Kasus dengan pekerjaan investigasi untuk Anda (1)");
    assert!(screen.contains(&agenda), "{screen}");
    // Who holds the step has a column of its own.
    let row = screen.lines().find(|l| l.contains(&agenda)).unwrap();
    assert!(row.contains(" Staf "), "{screen}");
    assert!(!screen.contains(&other), "{screen}");
    term.type_text("0002");
    term.wait_for("Hasil pencarian");
    term.wait_for(&other);
    term.keys(&["Escape"]);
    term.wait_for("Kasus dengan pekerjaan investigasi");
    // Enter opens the whole case; from there `i` opens its notes.
    term.keys(&["Enter"]);
    term.wait_for(&format!("Berkas kasus {agenda}"));
    term.keys(&["i"]);
    term.wait_for("Belum ada catatan.");

    // 1. A plain note over two lines.
    new_note(&term, "1", "Catatan");
    term.type_text("Pelapor datang lagi");
    term.keys(&["Enter"]);
    term.type_text("membawa fotokopi KTP");
    save(&term, 1);

    // 2. The licence check: a status chosen with →.
    new_note(&term, "2", "Cek data perizinan");
    term.type_text("503/123/2025");
    term.keys(&["Tab"]);
    term.type_text("1234567890123");
    term.keys(&["Tab"]);
    term.type_text("PBG");
    term.keys(&["Tab", "Right", "Right", "Right"]);
    term.wait_for("◀ tidak terdaftar ▶");
    term.keys(&["Tab"]);
    term.type_text("OSS dan berkas pemohon");
    term.keys(&["Tab"]);
    term.type_text("NIB ada, PBG belum terdaftar");
    save(&term, 2);

    // 3. The field report: a time that is not one is refused, named, and
    // everything typed stays.
    new_note(&term, "3", "BAP pemeriksaan lapangan");
    term.type_text("kemarin pagi");
    term.keys(&["Tab"]);
    term.type_text("Desa Kilensari, Kec. Panarukan");
    term.keys(&["Tab"]);
    // Officers: the Kasi and the staff, ticked with Space.
    term.keys(&["Right", "Space", "Right", "Space"]);
    term.wait_for(&format!("Dipilih: {KASI_NAME}, {STAF_NAME}"));
    term.keys(&["Tab"]);
    term.type_text("Kepala Desa Kilensari");
    term.keys(&["Tab"]);
    term.type_text("Gudang berdiri tanpa PBG.");
    term.keys(&["Enter"]);
    term.type_text("Pemilik hanya memiliki NIB.");
    term.keys(&["Tab"]);
    term.type_text("Kegiatan belum berizin");
    term.keys(&["C-s"]);
    let screen = term.wait_for("bukan tanggal dan jam");
    for kept in [
        "kemarin pagi",
        "Desa Kilensari, Kec. Panarukan",
        "Gudang berdiri tanpa PBG.",
        "Pemilik hanya memiliki NIB.",
        "Kegiatan belum berizin",
    ] {
        assert!(screen.contains(kept), "{kept} lost:\n{screen}");
    }
    // The cursor went to the refused field: clear it and type a time.
    term.keys(&["C-u"]);
    term.type_text("2026-11-19 09:30");
    save(&term, 3);

    // 4. Coordination: the date starts at today.
    new_note(&term, "4", "Koordinasi");
    term.type_text("Bidang Pelayanan Terpadu");
    term.keys(&["Tab"]);
    term.wait_for("2026-11-20");
    term.keys(&["Tab"]);
    term.type_text("Disepakati teguran tertulis");
    save(&term, 4);

    // 5. Mediation with an agreement.
    new_note(&term, "5", "Fasilitasi");
    term.keys(&["Tab"]);
    term.type_text("Pelapor dan pemilik gudang");
    term.keys(&["Tab", "Right"]);
    term.wait_for("◀ ya ▶");
    term.keys(&["Tab"]);
    term.type_text("Pemilik mengurus PBG dalam 30 hari");
    let screen = save(&term, 5);
    // Newest first.
    let order: Vec<usize> = ["Fasilitasi", "Koordinasi", "BAP", "Cek izin", "Catatan"]
        .iter()
        .map(|k| screen.find(&format!(" {k} ")).unwrap())
        .collect();
    assert!(order.is_sorted(), "{screen}");

    // A correction: the note's form comes filled in; the old one stays, marked.
    select(&term, 4, "Catatan");
    term.keys(&["k"]);
    term.wait_for("Koreksi catatan");
    term.wait_for("membawa fotokopi KTP");
    term.keys(&["Down", "End"]);
    term.type_text(" dan KK");
    let screen = save(&term, 6);
    assert!(screen.contains("diganti oleh"), "{screen}");

    // A withdrawal asks for a reason.
    select(&term, 2, "Koordinasi");
    term.keys(&["t"]);
    term.wait_for("Tarik catatan");
    term.type_text("Salah kasus");
    term.keys(&["Enter"]);
    term.wait_for("Catatan ditarik");
    term.wait_for("ditarik: Salah kasus");

    // Enter on the correction: both versions, oldest first.
    select(&term, 0, "Catatan");
    term.keys(&["Enter"]);
    let screen = term.wait_for("Riwayat: 2 versi");
    assert!(screen.contains("mengoreksi"), "{screen}");
    assert_eq!(
        screen.matches("membawa fotokopi KTP").count(),
        2,
        "{screen}"
    );
    let old = screen.find("membawa fotokopi KTP").unwrap();
    let new = screen.find("membawa fotokopi KTP dan KK").unwrap();
    assert!(old < new, "{screen}");
    term.keys(&["Escape"]);
    term.wait_for("laporan BAP");

    // A photo attached to the BAP; the list says it is intact; saved out.
    select(&term, 3, "BAP pemeriksaan lapangan");
    term.keys(&["l"]);
    let screen = term.wait_for("Lampirkan berkas");
    // It goes to the selected note unless another is chosen.
    let target = screen.lines().find(|l| l.contains("Untuk")).unwrap();
    assert!(target.contains("BAP "), "{screen}");
    term.type_text(&photo.display().to_string());
    term.keys(&["Enter"]);
    term.wait_for("Terlampir: foto-lokasi.jpg");
    term.keys(&["a"]);
    term.wait_for("Lampiran dan keutuhannya");
    let screen = term.wait_for("✓ utuh");
    assert!(screen.contains("foto-lokasi.jpg"), "{screen}");
    term.keys(&["Enter"]);
    term.wait_for("Ditulis:");
    let saved = export.join("0001-PGD-LKT1-2026-foto-lokasi.jpg");
    assert_eq!(std::fs::read(&saved).unwrap(), photo_bytes);
    term.keys(&["Escape"]);
    term.wait_gone("Lampiran dan keutuhannya");

    // The field report; the second time asks before overwriting.
    term.keys(&["r"]);
    term.wait_for("bap-0001-PGD-LKT1-2026.md");
    let report = export.join("bap-0001-PGD-LKT1-2026.md");
    let text = std::fs::read_to_string(&report).unwrap();
    for must in [
        "**DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU**",
        "**KABUPATEN SITUBONDO**",
        "# BERITA ACARA PEMERIKSAAN LAPANGAN",
        "0001/PGD/LKT1/2026",
        "- **Temuan:** Gudang berdiri tanpa PBG.",
        "  Pemilik hanya memiliki NIB.",
        "- **Kesimpulan:** Kegiatan belum berizin",
        KASI_NAME,
    ] {
        assert!(text.contains(must), "{must} missing:\n{text}");
    }
    std::fs::write(&report, "lama").unwrap();
    term.keys(&["r"]);
    term.wait_for("Timpa berkas?");
    term.keys(&["Enter"]);
    term.wait_for("(+ .txt)");
    let start = std::time::Instant::now();
    while std::fs::read_to_string(&report).unwrap() == "lama" {
        assert!(
            start.elapsed().as_secs() < 10,
            "the report was not replaced"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("Gudang berdiri tanpa PBG.")
    );

    // The database holds what the screen said.
    let notes = term.desk.json(&["case", "notes", &agenda, "--json"]);
    let notes = notes.as_array().unwrap();
    assert_eq!(notes.len(), 6);
    let kinds: Vec<&str> = notes.iter().map(|n| n["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "catatan",
            "cek-perizinan",
            "bap",
            "koordinasi",
            "fasilitasi",
            "catatan"
        ]
    );
    assert!(notes.iter().all(|n| n["person"] == STAF_NAME));
    assert_eq!(notes[0]["superseded_by"], notes[5]["id"]);
    assert_eq!(notes[5]["replaces"], notes[0]["id"]);
    assert_eq!(
        notes[5]["fields"]["teks"],
        "Pelapor datang lagi\nmembawa fotokopi KTP dan KK"
    );
    assert_eq!(notes[1]["fields"]["status"], "tidak-terdaftar");
    assert_eq!(notes[1]["fields"]["nomor-izin"], "503/123/2025");
    let bap = &notes[2];
    assert_eq!(bap["fields"]["waktu"], "2026-11-19 09:30");
    assert_eq!(
        bap["fields"]["petugas"],
        format!("{KASI_NAME}, {STAF_NAME}")
    );
    assert_eq!(
        bap["fields"]["temuan"],
        "Gudang berdiri tanpa PBG.\nPemilik hanya memiliki NIB."
    );
    assert_eq!(bap["attachments"].as_array().unwrap().len(), 1);
    assert_eq!(notes[3]["withdrawn"]["reason"], "Salah kasus");
    assert_eq!(notes[3]["fields"]["tanggal"], "2026-11-20");
    assert_eq!(notes[4]["fields"]["sepakat"], "ya");
    let files = term.desk.json(&["case", "attachments", &agenda, "--json"]);
    assert_eq!(files[0]["name"], "foto-lokasi.jpg");
    assert_eq!(files[0]["size"], photo_bytes.len());
    assert_eq!(files[0]["intact"], true);
    assert_eq!(files[0]["note"], bap["id"]);
}

#[test]
fn the_inbox_opens_its_case_in_the_tab() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-19 09:00");
    let term = Term::start(desk, "notes-jump");
    sign_in(&term, KASI);
    term.keys(&["M-2"]);
    term.wait_for("▶ Disposisi Kadis");
    term.keys(&["F1"]);
    term.wait_for("Bantuan");
    // The help is longer than the screen: it scrolls to the notes' key.
    term.keys(&["End"]);
    term.wait_for("buka catatan investigasi kasus");
    term.keys(&["Escape"]);
    term.wait_gone("Bantuan");
    term.keys(&["i"]);
    let screen = term.wait_for("Belum ada catatan.");
    assert!(screen.contains(&format!("{agenda}  [")), "{screen}");
    new_note(&term, "1", "Catatan");
    term.type_text("Pelapor menelepon menanyakan perkembangan");
    // Quitting with the note unsaved asks first; Esc returns to it.
    term.keys(&["C-q"]);
    term.wait_for("akan hilang");
    term.keys(&["Escape"]);
    term.wait_gone("akan hilang");
    save(&term, 1);
    // The tab's own keys are in the help.
    term.keys(&["F1"]);
    term.wait_for("daftar lampiran: periksa dan simpan salinan");
    term.keys(&["Escape"]);
    term.wait_gone("Bantuan");
    // Esc goes back to the list: no investigation work for the Kasi yet.
    term.keys(&["Escape"]);
    term.wait_for("Tidak ada pekerjaan investigasi untuk peran Anda");
    let notes = term.desk.json(&["case", "notes", &agenda, "--json"]);
    assert_eq!(notes[0]["person"], KASI_NAME);
    assert_eq!(notes[0]["role"], "kasi");
}
