//! Investigation notes, attachments and the field report through the CLI.

mod common;

use common::TestDesk;
use serde_json::Value;

const STAF: &str = "Staf Penanganan Pengaduan";
const KASI: &str = "Kepala Seksi Penanganan Pengaduan";

fn note(desk: &TestDesk, agenda: &str, kind: &str, fields: &[&str], extra: &[&str]) -> Value {
    let mut args = vec![
        "case", "note", agenda, "--kind", kind, "--json", "--by", STAF,
    ];
    for f in fields {
        args.extend(["--field", f]);
    }
    args.extend(extra);
    desk.json(&args)
}

fn notes(desk: &TestDesk, agenda: &str) -> Vec<Value> {
    desk.json(&["case", "notes", agenda, "--json"])
        .as_array()
        .unwrap()
        .clone()
}

fn event_count(desk: &TestDesk, agenda: &str) -> usize {
    desk.json(&["case", "show", agenda, "--json"])["timeline"]
        .as_array()
        .unwrap()
        .len()
}

/// One note of each kind, with the fields a user would type.
const KINDS: [(&str, &[&str]); 5] = [
    ("catatan", &["teks=Pelapor menelepon, minta kabar"]),
    (
        "cek-perizinan",
        &[
            "nomor-izin=503/123/2025",
            "nib=9120001234567",
            "jenis-izin=PBG",
            "status=Tidak Sesuai",
            "dibandingkan=OSS RBA dan berkas fisik",
            "hasil=Luas bangunan di OSS 120 m2, di lapangan 300 m2",
        ],
    ),
    (
        "bap",
        &[
            "waktu=2026-11-18 09:30",
            "tempat=Desa Kilensari, Panarukan",
            "petugas=staf penanganan pengaduan, Kepala Seksi Penanganan Pengaduan",
            "pihak-lain=Kepala Desa Kilensari",
            "temuan=Gudang berdiri\\nTanpa papan PBG",
            "kesimpulan=Bangunan melebihi izin",
            "rekomendasi=Teguran tertulis",
        ],
    ),
    (
        "koordinasi",
        &[
            "dengan=Bidang Perizinan",
            "tanggal=19-11-2026",
            "hasil=Akan dicek ulang",
        ],
    ),
    (
        "fasilitasi",
        &[
            "tanggal=2026-11-19",
            "pihak=Pelapor dan pemilik gudang",
            "sepakat=ya",
            "tindak-lanjut=Pemilik mengurus perubahan PBG",
        ],
    ),
];

#[test]
fn every_kind_of_note_is_recorded_corrected_and_kept_in_history() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-16 09:00");
    let mut ids = Vec::new();
    for (kind, fields) in KINDS {
        let v = note(&desk, &agenda, kind, fields, &[]);
        assert_eq!(v["kind"], kind);
        assert_eq!(v["person"], STAF);
        assert_eq!(v["role"], "staf");
        assert_eq!(v["at"], "2026-11-20 10:00");
        ids.push(v["id"].as_str().unwrap().to_string());
    }
    let all = notes(&desk, &agenda);
    assert_eq!(all.len(), 5);
    // Typed values come back normalised: choices as ids, dates in ISO form,
    // people as configured, "\n" as a line break.
    assert_eq!(all[1]["fields"]["status"], "tidak-sesuai");
    assert_eq!(all[2]["fields"]["petugas"], format!("{STAF}, {KASI}"));
    assert_eq!(
        all[2]["fields"]["temuan"],
        "Gudang berdiri\nTanpa papan PBG"
    );
    assert_eq!(all[3]["fields"]["tanggal"], "2026-11-19");

    // Each kind corrected: the new note names the old, the old is kept.
    for ((kind, fields), id) in KINDS.iter().zip(&ids) {
        let mut changed: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        let last = changed.len() - 1;
        changed[last] = format!("{} (koreksi)", changed[last]);
        let refs: Vec<&str> = changed.iter().map(String::as_str).collect();
        let v = note(&desk, &agenda, kind, &refs, &["--replaces", id]);
        assert_eq!(v["replaces"], id.as_str());
    }
    let all = notes(&desk, &agenda);
    assert_eq!(
        all.len(),
        10,
        "corrections add notes, they never replace rows"
    );
    for (old, new) in all[..5].iter().zip(&all[5..]) {
        assert_eq!(old["superseded_by"], new["id"]);
        assert!(new["superseded_by"].is_null());
    }
    assert!(
        all[9]["fields"]["tindak-lanjut"]
            .as_str()
            .unwrap()
            .ends_with("(koreksi)")
    );

    // Withdrawn: still listed, marked, with who and why.
    let withdrawn = all[5]["id"].as_str().unwrap().to_string();
    desk.ok(&[
        "case",
        "note",
        &agenda,
        "--withdraw",
        &withdrawn,
        "--reason",
        "Salah kasus",
        "--by",
        KASI,
    ]);
    let all = notes(&desk, &agenda);
    assert_eq!(all.len(), 10);
    assert_eq!(all[5]["withdrawn"]["reason"], "Salah kasus");
    assert_eq!(all[5]["withdrawn"]["person"], KASI);

    // The plain listing shows the history in words.
    let text = desk.ok(&["case", "notes", &agenda]);
    assert!(
        text.contains(&format!("diganti {}", all[5]["id"].as_str().unwrap())),
        "{text}"
    );
    assert!(text.contains("ditarik 2026-11-20 10:00"), "{text}");
    assert!(
        text.contains("Status di data perizinan: tidak-sesuai"),
        "{text}"
    );
}

#[test]
fn refused_notes_say_why_and_write_nothing() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-16 09:00");
    let first = note(&desk, &agenda, "catatan", &["teks=awal"], &[]);
    let first = first["id"].as_str().unwrap().to_string();
    note(
        &desk,
        &agenda,
        "catatan",
        &["teks=kedua"],
        &["--replaces", &first],
    );
    let before = event_count(&desk, &agenda);
    let cases: [(&[&str], &str); 7] = [
        (
            &["--kind", "bap", "--field", "tempat=Pasar"],
            "Hari/tanggal dan jam wajib diisi",
        ),
        (
            &[
                "--kind",
                "koordinasi",
                "--field",
                "dengan=Dinkes",
                "--field",
                "tanggal=7/10/26",
                "--field",
                "hasil=x",
            ],
            "bukan tanggal",
        ),
        (
            &[
                "--kind",
                "fasilitasi",
                "--field",
                "tanggal=2026-11-19",
                "--field",
                "pihak=x",
                "--field",
                "sepakat=mungkin",
            ],
            "Pilihan: ya, tidak",
        ),
        (
            &[
                "--kind",
                "bap",
                "--field",
                "waktu=2026-11-18 09:30",
                "--field",
                "tempat=x",
                "--field",
                "petugas=Joko",
                "--field",
                "temuan=x",
                "--field",
                "kesimpulan=x",
            ],
            "\"Joko\" tidak ada di daftar petugas",
        ),
        (
            &["--kind", "laporan"],
            "Jenis catatan \"laporan\" tidak dikenal",
        ),
        (
            &["--field", "teks=x", "--replaces", &first],
            "sudah diganti oleh",
        ),
        (&["--withdraw", &first[..6]], "Alasan wajib diisi"),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["case", "note", &agenda];
        args.extend(extra);
        let err = desk.fails(&args);
        assert!(err.contains(expected), "{extra:?}: {err}");
    }
    assert_eq!(event_count(&desk, &agenda), before);
}

#[test]
fn an_attachment_round_trips_byte_identical_and_bad_files_are_refused() {
    let desk = TestDesk::with_config("[attachments]\nmax_mb = 1\n");
    let agenda = desk.add_case("2026-11-16 09:00");
    let bap = note(&desk, &agenda, KINDS[2].0, KINDS[2].1, &[]);
    let bap = bap["id"].as_str().unwrap();
    let dir = desk.dir.path();
    // Every byte value, so nothing is lost to text handling.
    let photo: Vec<u8> = (0..200_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(dir.join("foto lapangan.jpg"), &photo).unwrap();
    let v = desk.json(&[
        "case",
        "attach",
        &agenda,
        dir.join("foto lapangan.jpg").to_str().unwrap(),
        "--note",
        bap,
        "--json",
    ]);
    assert_eq!(v["size"], 200_000);
    assert_eq!(v["note"], bap);
    let sha = v["sha256"].as_str().unwrap().to_string();

    let before = event_count(&desk, &agenda);
    std::fs::write(dir.join("besar.pdf"), vec![0u8; 1024 * 1024 + 1]).unwrap();
    let refusals = [
        (dir.join("besar.pdf"), "melebihi batas 1 MB"),
        (dir.join("tidak-ada.pdf"), "berkas atau folder tidak ada"),
        (dir.to_path_buf(), "bukan berkas"),
        (dir.join("foto lapangan.jpg/x"), "tidak dapat dibaca"),
    ];
    for (path, expected) in refusals {
        let err = desk.fails(&["case", "attach", &agenda, path.to_str().unwrap()]);
        assert!(err.contains(expected), "{}: {err}", path.display());
    }
    assert_eq!(event_count(&desk, &agenda), before, "nothing stored");

    let listed = desk.json(&["case", "attachments", &agenda, "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["intact"], true);
    desk.ok(&["case", "attachments", &agenda, "--save", &sha[..10]]);
    let saved = std::fs::read_dir(dir.join("ekspor"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("foto-lapangan.jpg"))
        .expect("written into the export folder");
    assert_eq!(std::fs::read(saved).unwrap(), photo);

    // A damaged stored copy is reported, and the listing fails.
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    conn.execute("UPDATE attachments SET data = zeroblob(10)", [])
        .unwrap();
    drop(conn);
    let out = desk.run(&["case", "attachments", &agenda]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("RUSAK"));
    let out = desk.run(&["check"]);
    assert!(!out.status.success(), "check reports the damage");
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("Lampiran {sha}: RUSAK")));
}

#[test]
fn the_field_report_is_written_from_the_standing_bap_notes() {
    let desk = TestDesk::new();
    let agenda = desk.add_case("2026-11-16 09:00");
    let err = desk.fails(&["case", "report", &agenda]);
    assert!(err.contains("belum memiliki catatan BAP"), "{err}");
    let first = note(&desk, &agenda, KINDS[2].0, KINDS[2].1, &[]);
    let mut fields: Vec<&str> = KINDS[2].1.to_vec();
    fields[4] = "temuan=Gudang 300 m2 tanpa perubahan PBG";
    note(
        &desk,
        &agenda,
        "bap",
        &fields,
        &["--replaces", first["id"].as_str().unwrap()],
    );
    desk.ok(&["case", "report", &agenda]);
    let stem = agenda.replace('/', "-");
    let md =
        std::fs::read_to_string(desk.dir.path().join(format!("ekspor/bap-{stem}.md"))).unwrap();
    let txt =
        std::fs::read_to_string(desk.dir.path().join(format!("ekspor/bap-{stem}.txt"))).unwrap();
    for text in [&md, &txt] {
        assert!(text.contains("DINAS PENANAMAN MODAL"), "{text}");
        assert!(text.contains("BERITA ACARA PEMERIKSAAN LAPANGAN"));
        assert!(text.contains(&agenda));
        assert!(
            text.contains("Gudang 300 m2 tanpa perubahan PBG"),
            "the correction"
        );
        assert!(!text.contains("Tanpa papan PBG"), "not the superseded note");
        assert!(text.contains(KASI) && text.contains(STAF), "officers sign");
    }
    assert!(md.contains("- **Temuan:**"));
    let err = desk.fails(&["case", "report", &agenda]);
    assert!(err.contains("sudah ada"), "{err}");
    desk.ok(&["case", "report", &agenda, "--force"]);
}
