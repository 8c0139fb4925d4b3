//! The office's paper through the real binary: each document rendered from
//! a case walked through the SOP and read back with `pdftotext` (Debian's
//! poppler-utils), the confidential complainant kept off others' paper,
//! letters printed alike on two desks, and bad input refused whole.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{OFFICE, TestDesk};

const KASI: &str = "Kepala Seksi Penanganan Pengaduan";
const STAF: &str = "Staf Penanganan Pengaduan";
const OPD: &str = "Dinas Lingkungan Hidup";
const KADIS: &str = "Drs. Bambang Sutrisno, M.Si.";
const KADIS_NIP: &str = "196805121994031007";
const KABID: &str = "Ir. Hartini Puspitasari";
const KABID_NIP: &str = "197203151998032004";
const STAF_NIP: &str = "198904202015021003";

/// Why the test cannot read PDFs here, if it cannot.
fn no_pdftotext() -> Option<&'static str> {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok();
    (!ok).then_some("pdftotext is not installed (apt-get install poppler-utils)")
}

macro_rules! need_pdftotext {
    () => {
        if let Some(why) = no_pdftotext() {
            println!("skipped: {why}");
            return;
        }
    };
}

/// The text of a PDF, its whitespace folded to single spaces so a phrase
/// is found whatever line it was set on.
fn text_of(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pages_of(pdf: &Path) -> (u32, String) {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    (pages, info)
}

fn office_desk() -> TestDesk {
    TestDesk::with_config(OFFICE)
}

/// Renders document `kind` of `agenda` into the desk's folder; returns the
/// file and its text.
fn doc(desk: &TestDesk, agenda: &str, kind: &str) -> (PathBuf, String) {
    let path = desk
        .dir
        .path()
        .join(format!("{kind}-{}.pdf", agenda.replace('/', "-")));
    let _ = std::fs::remove_file(&path);
    desk.ok(&["doc", agenda, "--kind", kind, "-o", path.to_str().unwrap()]);
    let text = text_of(&path);
    (path, text)
}

fn has_all(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "missing {w:?} in: {text}");
    }
}

fn has_none(text: &str, unwanted: &[&str], what: &str) {
    for w in unwanted {
        assert!(!text.contains(w), "{what} shows {w:?}: {text}");
    }
}

fn letter(desk: &TestDesk, args: &[&str]) {
    let mut all = vec!["letter"];
    all.extend_from_slice(args);
    desk.ok(&all);
}

fn decide_forward(desk: &TestDesk, agenda: &str) {
    desk.act(
        agenda,
        "disposisi",
        &["--as", "kadis", "--note", "Segera pelajari"],
    );
    desk.act(agenda, "disposisi", &["--as", "kabid-dip"]);
    desk.act(agenda, "putuskan", &["--by", KASI, "--to", OPD]);
}

/// Drafts, initials and signs the forwarding letter.
fn forwarding_letter_signed(desk: &TestDesk, agenda: &str) {
    letter(
        desk,
        &["draft", agenda, "--kind", "penerusan", "--by", KASI],
    );
    initial_and_sign(desk, agenda);
}

/// The Kabid's paraf and the Kadis's signature of the forwarding letter,
/// recorded on their behalf by the Kasi.
fn initial_and_sign(desk: &TestDesk, agenda: &str) {
    for (act, role) in [("paraf", "kabid-dip"), ("ttd", "kadis")] {
        let args = [
            act,
            agenda,
            "--kind",
            "penerusan",
            "--by",
            KASI,
            "--as",
            role,
        ];
        letter(desk, &args);
    }
}

fn add_bap(desk: &TestDesk, agenda: &str) {
    desk.ok(&[
        "case",
        "note",
        agenda,
        "--kind",
        "bap",
        "--by",
        STAF,
        "--field",
        "waktu=2026-11-18 09:30",
        "--field",
        "tempat=Desa Kilensari, Panarukan",
        "--field",
        "petugas=Staf Penanganan Pengaduan",
        "--field",
        "temuan=Bangunan gudang berdiri tanpa PBG di atas lahan sawah.",
        "--field",
        "kesimpulan=Pemilik wajib mengajukan PBG.",
        "--field",
        "rekomendasi=Diberi teguran tertulis.",
    ]);
}

/// A confidential complaint with a name and address found nowhere else.
fn add_confidential(desk: &TestDesk) -> String {
    let v = desk.json(&[
        "case",
        "add",
        "--name",
        "Wulandari Kusumastuti",
        "--nik",
        "3512074507850003",
        "--phone",
        "0812-3456-7890",
        "--address",
        "Jl. Kenanga Rahasia 7, Besuki",
        "--subject",
        "Gudang tanpa PBG",
        "--description",
        "Gudang dibangun di sawah.",
        "--received-at",
        "2026-11-16 09:00",
        "--rahasia",
    ]);
    v["agenda_no"].as_str().unwrap().to_string()
}

#[test]
fn the_receipt_names_the_deadline_the_rule_and_how_to_follow_up() {
    need_pdftotext!();
    let desk = office_desk();
    let agenda = desk.add_case("2026-11-16 09:00");
    let (path, text) = doc(&desk, &agenda, "tanda-terima");
    has_all(
        &text,
        &[
            "TANDA TERIMA PENGADUAN",
            &agenda,
            "Senin, 16 November 2026 pukul 09.00 WIB",
            "PBG belum terbit",
            "Siti Aminah",
            "14 (empat belas) hari kerja",
            "0811-3300-1234",
            "Operator Loket",
            "PEMERINTAH KABUPATEN SITUBONDO",
        ],
    );
    // Fourteen working days from Monday 16 November 2026.
    let deadline = desk.json(&["case", "show", &agenda, "--json"])["deadline"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(deadline, "2026-12-04");
    has_all(
        &text,
        &[
            "Jumat, 4 Desember 2026",
            "hari Jumat tanggal empat bulan Desember tahun dua ribu dua puluh enam",
        ],
    );
    let (pages, info) = pages_of(&path);
    assert_eq!(pages, 1, "{info}");
    assert!(info.contains("595.") && info.contains("841."), "A4: {info}");
    let fonts = Command::new("pdffonts").arg(&path).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "embedded: {fonts}"
    );
}

#[test]
fn the_disposition_sheet_travels_blank_and_fills_as_heads_dispose() {
    need_pdftotext!();
    let desk = office_desk();
    let agenda = desk.add_case("2026-11-16 09:00");
    let (_, blank) = doc(&desk, &agenda, "disposisi");
    has_all(
        &blank,
        &[
            "LEMBAR DISPOSISI",
            &agenda,
            "Siti Aminah",
            "PBG belum terbit",
            "Sangat segera",
            "Rahasia",
        ],
    );
    has_none(
        &blank,
        &["Pelajari", "Segera pelajari"],
        "a sheet printed at intake",
    );
    decide_forward(&desk, &agenda);
    let (_, filled) = doc(&desk, &agenda, "disposisi");
    has_all(
        &filled,
        &[
            "Segera pelajari",
            "Kadis",
            "Kabid DIP",
            "Diteruskan kepada: Dinas Lingkungan Hidup",
        ],
    );
}

#[test]
fn the_forwarding_letter_is_numbered_signed_and_copied_to_the_complainant() {
    need_pdftotext!();
    let desk = office_desk();
    let agenda = desk.add_case("2026-11-16 09:00");
    decide_forward(&desk, &agenda);
    letter(
        &desk,
        &["draft", &agenda, "--kind", "penerusan", "--by", KASI],
    );
    let (_, draft) = doc(&desk, &agenda, "penerusan");
    assert!(
        draft.contains("KONSEP"),
        "an unsigned letter says it is a draft: {draft}"
    );
    initial_and_sign(&desk, &agenda);
    let (_, signed) = doc(&desk, &agenda, "penerusan");
    has_all(
        &signed,
        &[
            "500.16/001/PNR/LKT1/2026",
            "Yth. Kepala Dinas Lingkungan Hidup",
            "Bersama ini kami teruskan",
            KADIS,
            &format!("NIP. {KADIS_NIP}"),
            "Pembina Utama Muda (IV/c)",
            "Tembusan",
            "Sdr. Siti Aminah",
            &format!("Paraf: {KABID}"),
            "Situbondo, 20 November 2026",
        ],
    );
    assert!(!signed.contains("KONSEP"), "{signed}");
    let (_, copy) = doc(&desk, &agenda, "tembusan");
    has_all(
        &copy,
        &[
            "Salinan (tembusan) untuk: Siti Aminah",
            "500.16/001/PNR/LKT1/2026",
        ],
    );
}

#[test]
fn a_confidential_complainant_is_named_only_on_their_own_paper() {
    need_pdftotext!();
    let desk = office_desk();
    let agenda = add_confidential(&desk);
    let secret = ["Wulandari", "Kenanga Rahasia"];
    let (_, receipt) = doc(&desk, &agenda, "tanda-terima");
    has_all(&receipt, &secret);
    let (_, sheet) = doc(&desk, &agenda, "disposisi");
    has_none(&sheet, &secret, "the disposition sheet");
    assert!(sheet.contains("identitas dirahasiakan"), "{sheet}");
    decide_forward(&desk, &agenda);
    forwarding_letter_signed(&desk, &agenda);
    let (_, to_opd) = doc(&desk, &agenda, "penerusan");
    has_none(&to_opd, &secret, "the letter the OPD receives");
    has_all(&to_opd, &["Pengadu (identitas dirahasiakan)", "Rahasia"]);
    let (_, own_copy) = doc(&desk, &agenda, "tembusan");
    has_all(&own_copy, &secret);

    // The same complainant's case handled in the office: BAP and reply.
    let inside = add_confidential(&desk);
    desk.walk_to_cek_data(&inside);
    add_bap(&desk, &inside);
    let (_, bap) = doc(&desk, &inside, "bap");
    has_none(&bap, &secret, "the field report");
    letter(
        &desk,
        &["draft", &inside, "--kind", "jawaban", "--by", KASI],
    );
    let (_, reply) = doc(&desk, &inside, "jawaban");
    has_all(&reply, &secret);
}

#[test]
fn the_field_report_reads_its_date_in_words_and_is_signed_and_known() {
    need_pdftotext!();
    let desk = office_desk();
    let agenda = desk.add_case("2026-11-16 09:00");
    desk.walk_to_cek_data(&agenda);
    add_bap(&desk, &agenda);
    let (_, text) = doc(&desk, &agenda, "bap");
    has_all(
        &text,
        &[
            "BERITA ACARA PEMERIKSAAN",
            "Pada hari Rabu tanggal delapan belas bulan November tahun dua ribu dua puluh enam, pukul 09.30 WIB",
            "bertempat di Desa Kilensari, Panarukan",
            STAF,
            STAF_NIP,
            "Bangunan gudang berdiri tanpa PBG",
            "Pemilik wajib mengajukan PBG.",
            "Diberi teguran tertulis.",
            "Mengetahui,",
            KABID,
            &format!("NIP. {KABID_NIP}"),
        ],
    );
}

#[test]
fn the_reply_is_drafted_from_the_notes_the_section_head_picks() {
    need_pdftotext!();
    let desk = office_desk();
    let agenda = desk.add_case("2026-11-16 09:00");
    desk.walk_to_cek_data(&agenda);
    add_bap(&desk, &agenda);
    letter(
        &desk,
        &["draft", &agenda, "--kind", "jawaban", "--by", KASI],
    );
    let (_, reply) = doc(&desk, &agenda, "jawaban");
    has_all(
        &reply,
        &[
            "500.16/001/JWB/LKT1/2026",
            "Yth. Sdr. Siti Aminah",
            "Bangunan gudang berdiri tanpa PBG",
            "Pemilik wajib mengajukan PBG.",
            KADIS,
        ],
    );
}

#[test]
fn two_desks_print_the_same_letter_after_sync() {
    need_pdftotext!();
    let a = office_desk();
    let agenda = a.add_case("2026-11-16 09:00");
    decide_forward(&a, &agenda);
    forwarding_letter_signed(&a, &agenda);
    let bundle = a.export_to("a.aduan");
    let b = TestDesk {
        dir: tempfile::tempdir().unwrap(),
    };
    std::fs::write(b.config(), OFFICE).unwrap();
    b.ok(&["init", "--join", bundle.to_str().unwrap(), "--desk", "LKT2"]);
    let (pdf_a, text_a) = doc(&a, &agenda, "penerusan");
    let (pdf_b, text_b) = doc(&b, &agenda, "penerusan");
    assert_eq!(text_a, text_b);
    assert_eq!(
        std::fs::read(pdf_a).unwrap(),
        std::fs::read(pdf_b).unwrap(),
        "byte for byte"
    );
}

#[test]
fn bad_input_is_one_clear_line_and_writes_nothing() {
    let desk = office_desk();
    let agenda = desk.add_case("2026-11-16 09:00");
    let out = desk.dir.path().join("out.pdf");
    let out_s = out.to_str().unwrap();

    let line = desk.fails(&["doc", &agenda, "--kind", "surat", "-o", out_s]);
    assert!(line.contains("tanda-terima, disposisi"), "{line}");
    let line = desk.fails(&["doc", &agenda, "--kind", "penerusan", "-o", out_s]);
    assert!(line.contains("belum punya surat penerusan"), "{line}");
    let line = desk.fails(&["doc", &agenda, "--kind", "bap", "-o", out_s]);
    assert!(line.contains("BAP"), "{line}");
    assert!(!out.exists());

    // An existing file is kept unless --force.
    std::fs::write(&out, "mine").unwrap();
    let line = desk.fails(&["doc", &agenda, "--kind", "tanda-terima", "-o", out_s]);
    assert!(line.contains("sudah ada"), "{line}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    desk.ok(&[
        "doc",
        &agenda,
        "--kind",
        "tanda-terima",
        "-o",
        out_s,
        "--force",
    ]);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));

    // An officer without NIP: the field report is refused, naming where.
    let plain = TestDesk::new();
    let case = plain.add_case("2026-11-16 09:00");
    plain.walk_to_cek_data(&case);
    add_bap(&plain, &case);
    let line = plain.fails(&["doc", &case, "--kind", "bap", "-o", out_s, "--force"]);
    assert!(
        line.contains("NIP") && line.contains("[[people]]"),
        "{line}"
    );

    // A template broken by the office: its file and line.
    let templates = desk.dir.path().join("templates");
    let receipt = templates.join("tanda-terima.typ");
    let mut text = std::fs::read_to_string(&receipt).unwrap();
    text.push_str("\n#d.tidak_ada\n");
    let last = text.lines().count();
    std::fs::write(&receipt, &text).unwrap();
    let line = desk.fails(&["template", "check", receipt.to_str().unwrap()]);
    assert!(
        line.contains(&format!("tanda-terima.typ baris {last}")),
        "{line}"
    );
    let line = desk.fails(&[
        "doc",
        &agenda,
        "--kind",
        "tanda-terima",
        "-o",
        out_s,
        "--force",
    ]);
    assert!(
        line.contains(&format!("tanda-terima.typ baris {last}")),
        "{line}"
    );

    // A logo that is not there.
    std::fs::write(&receipt, text.replace("\n#d.tidak_ada\n", "")).unwrap();
    let cfg = std::fs::read_to_string(desk.config()).unwrap();
    std::fs::write(
        desk.config(),
        cfg.replace("[office]\n", "[office]\nlogo = \"logo.png\"\n"),
    )
    .unwrap();
    let line = desk.fails(&[
        "doc",
        &agenda,
        "--kind",
        "tanda-terima",
        "-o",
        out_s,
        "--force",
    ]);
    assert!(line.contains("Logo") && line.contains("logo.png"), "{line}");
}

#[test]
fn a_template_check_names_what_it_checked() {
    let desk = office_desk();
    let kop = desk.dir.path().join("templates/kop.typ");
    assert!(kop.is_file(), "init copies the templates out");
    let out = desk.ok(&["template", "check", kop.to_str().unwrap()]);
    assert!(
        out.contains("tanda-terima") && out.contains("rekap"),
        "{out}"
    );
}

#[test]
fn printing_without_cups_says_where_the_file_is() {
    let desk = office_desk();
    let agenda = desk.add_case("2026-11-16 09:00");
    let out = desk.dir.path().join("cetak.pdf");
    // An `lp` that refuses, first on the PATH.
    let bin = desk.dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let lp = bin.join("lp");
    std::fs::write(
        &lp,
        "#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let args = [
        "doc",
        &agenda,
        "--kind",
        "tanda-terima",
        "-o",
        out.to_str().unwrap(),
        "--print",
    ];
    let refused = desk.command(&args).env("PATH", &path).output().unwrap();
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("menolak") && err.contains("does not exist"),
        "{err}"
    );
    assert!(out.is_file(), "the PDF is kept");
    // No lp at all: the file is named.
    std::fs::remove_file(&lp).unwrap();
    std::fs::remove_file(&out).unwrap();
    let empty = desk.dir.path().join("empty-bin");
    std::fs::create_dir_all(&empty).unwrap();
    let done = desk.command(&args).env("PATH", &empty).output().unwrap();
    let said = String::from_utf8_lossy(&done.stdout);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(
        said.contains("Tidak ada pencetak") && said.contains("cetak.pdf"),
        "{said}"
    );
}

/// The text of one page.
fn page_text(pdf: &Path, page: u32) -> String {
    let p = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-f", &p, "-l", &p])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_recap_prints_on_a4_landscape_with_headings_on_every_page() {
    need_pdftotext!();
    let desk = office_desk();
    desk.ok(&[
        "demo", "--cases", "400", "--from", "2025-06", "--to", "2026-11",
    ]);
    let year = desk.dir.path().join("rekap-2026.pdf");
    desk.ok(&[
        "recap",
        "--year",
        "2026",
        "--format",
        "pdf",
        "-o",
        year.to_str().unwrap(),
    ]);
    let (pages, info) = pages_of(&year);
    assert!(
        info.contains("841.") && info.contains("x 595."),
        "landscape A4: {info}"
    );
    assert!(pages >= 1, "{info}");
    let text = text_of(&year);
    has_all(
        &text,
        &[
            "REKAPITULASI JUMLAH PENGADUAN TH. 2026",
            "Pengaduan diterima",
            "Mengetahui,",
            KADIS,
            &format!("NIP. {KADIS_NIP}"),
            "Jl. PB. Sudirman No. 1, Situbondo",
        ],
    );
    for page in 1..=pages {
        let t = page_text(&year, page);
        assert!(
            t.contains("Uraian") && t.contains("Jumlah"),
            "page {page} repeats the header: {t}"
        );
        assert!(
            t.contains(&format!("Halaman {page} dari {pages}")),
            "page {page}: {t}"
        );
    }
    let years = desk.dir.path().join("rekap-2025-2026.pdf");
    desk.ok(&[
        "recap",
        "--years",
        "2025..2026",
        "--format",
        "pdf",
        "-o",
        years.to_str().unwrap(),
    ]);
    assert!(
        text_of(&years).contains("TH. 2025 S.D 2026"),
        "{}",
        text_of(&years)
    );
}
