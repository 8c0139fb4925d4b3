//! Bundles and backups sealed to the office secret: what a lost USB stick
//! reveals (nothing personal), what a changed byte does (a refusal, the
//! database untouched), a wrong secret, joining with a join file, backups
//! round trip, and the one-line refusals of files that are not sealed.

mod common;

use std::path::Path;

use aduan::service::{Desk, OpenOptions};
use common::{TestDesk, agendas, file_sha};

const PASSPHRASE: &str = "loket pengaduan 2026";

/// The NIKs, phones and names of every case a desk holds.
fn personal_data(desk: &TestDesk) -> Vec<String> {
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    let mut stmt = conn.prepare("SELECT name, nik, phone FROM cases").unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok([
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                r.get::<_, Option<String>>(2)?.unwrap_or_default(),
            ])
        })
        .unwrap();
    let mut found: Vec<String> = rows
        .flat_map(Result::unwrap)
        .filter(|v| v.len() >= 6)
        .collect();
    found.sort();
    found.dedup();
    found
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// A desk with demo cases and one typed in, and its personal data.
fn desk_with_cases() -> (TestDesk, Vec<String>) {
    let a = TestDesk::new();
    a.ok(&[
        "demo", "--cases", "40", "--from", "2026-09", "--to", "2026-10",
    ]);
    a.add_case("2026-11-16 09:00");
    let data = personal_data(&a);
    assert!(data.len() > 40, "demo data found: {}", data.len());
    (a, data)
}

#[test]
fn a_bundle_and_a_backup_reveal_no_nik_phone_or_name() {
    let (a, data) = desk_with_cases();
    let live = std::fs::read(a.db()).unwrap();
    assert!(
        contains(&live, "3512074507850003"),
        "the live database holds the NIK in the clear (the check can fail)"
    );
    let bundle = std::fs::read(a.export_to("a.aduan")).unwrap();
    let backup_path = a.dir.path().join("cadangan.db");
    a.ok(&["backup", "-o", backup_path.to_str().unwrap()]);
    let backup = std::fs::read(&backup_path).unwrap();
    for (what, bytes) in [("bundle", &bundle), ("backup", &backup)] {
        assert!(bytes.starts_with(b"ADUAN-SEALED 1\n"), "{what}");
        for value in &data {
            assert!(!contains(bytes, value), "{what} holds {value:?}");
        }
        // Nor the spellings a search would try.
        for value in ["Siti Aminah", "3512074507850003", "081234567890"] {
            assert!(!contains(bytes, value), "{what} holds {value:?}");
        }
    }
    // No plaintext copy is left behind in the desk's folder.
    let leftovers: Vec<_> = std::fs::read_dir(a.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".aduan-private")
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn open(desk: &TestDesk, db: &Path) -> Desk {
    let mut d = Desk::open(&OpenOptions {
        config: Some(desk.config()),
        db: Some(db.into()),
        ..OpenOptions::default()
    })
    .unwrap();
    d.fixed_now = Some(1_795_665_600);
    d
}

/// The offsets of a sealed file worth flipping: every byte of the
/// preamble and the age header, a spread through the body, the last byte.
fn positions(bytes: &[u8]) -> Vec<usize> {
    let preamble_end = bytes.windows(2).position(|w| w == b"\n\n").unwrap() + 2;
    let header_end = preamble_end
        + bytes[preamble_end..]
            .windows(4)
            .position(|w| w == b"--- ")
            .unwrap()
        + 48;
    let mut at: Vec<usize> = (0..header_end.min(bytes.len())).collect();
    let step = ((bytes.len() - header_end) / 60).max(1);
    at.extend((header_end..bytes.len()).step_by(step));
    at.push(bytes.len() - 1);
    at.sort();
    at.dedup();
    at
}

#[test]
fn a_flipped_byte_anywhere_in_a_bundle_is_refused_and_changes_nothing() {
    let a = TestDesk::new();
    let b = TestDesk::joining("LKT2", &a.export_to("a.aduan"));
    b.add_case("2026-11-17 09:00");
    b.add_case("2026-11-18 09:00");
    let bundle = b.export_to("b.aduan");
    let clean = std::fs::read(&bundle).unwrap();

    let scratch = tempfile::tempdir().unwrap();
    let db = scratch.path().join("work.db");
    std::fs::copy(a.db(), &db).unwrap();
    let before = file_sha(&db);
    let edited = scratch.path().join("edited.aduan");
    let mut desk = open(&a, &db);
    let digest = desk.store.canonical_digest().unwrap();
    let at = positions(&clean);
    assert!(at.len() > 200, "{} positions", at.len());
    let mut reasons = std::collections::BTreeSet::new();
    for &i in &at {
        let mut bytes = clean.clone();
        bytes[i] ^= 0x04;
        std::fs::write(&edited, &bytes).unwrap();
        let err = desk
            .merge_bundle(&edited, true, &mut |_, _| {})
            .expect_err(&format!("byte {i} of {} merged", clean.len()))
            .to_string();
        assert!(!err.contains('\n'), "byte {i}: one line: {err}");
        reasons.insert(err.replace(&edited.display().to_string(), "F"));
        assert_eq!(desk.store.canonical_digest().unwrap(), digest, "byte {i}");
    }
    drop(desk);
    assert_eq!(file_sha(&db), before, "refused, yet the database changed");
    assert!(
        reasons.iter().any(|r| r.contains("rusak atau diubah")),
        "{reasons:#?}"
    );

    // Through the real binary too: the last byte, and the receiving
    // database byte-identical afterwards.
    let mut bytes = clean.clone();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    std::fs::write(&edited, &bytes).unwrap();
    let before = file_sha(&a.db());
    let err = a.fails(&[
        "sync",
        "merge",
        edited.to_str().unwrap(),
        "--trust-new-desk",
    ]);
    assert!(
        err.contains("rusak atau diubah: ditolak sebelum dibaca"),
        "{err}"
    );
    assert_eq!(file_sha(&a.db()), before);
    // And the clean bundle still merges.
    a.ok(&[
        "sync",
        "merge",
        bundle.to_str().unwrap(),
        "--trust-new-desk",
    ]);
    assert_eq!(agendas(&a), agendas(&b));
}

fn secret_file(desk: &TestDesk) -> std::path::PathBuf {
    std::fs::read_dir(desk.dir.path().join("kunci"))
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("kantor-"))
        .unwrap()
        .path()
}

#[test]
fn a_bundle_made_with_another_office_secret_is_refused_as_such() {
    let a = TestDesk::new();
    let b = TestDesk::joining("LKT2", &a.export_to("a.aduan"));
    std::fs::remove_file(secret_file(&b)).unwrap();
    b.ok(&["sync", "secret", "--new"]);
    b.add_case("2026-11-17 09:00");
    let bundle = b.export_to("b.aduan");
    let before = file_sha(&a.db());
    let err = a.fails(&[
        "sync",
        "merge",
        bundle.to_str().unwrap(),
        "--trust-new-desk",
    ]);
    assert!(err.contains("dibuat dengan rahasia kantor lain"), "{err}");
    assert_eq!(file_sha(&a.db()), before);
}

#[test]
fn a_desk_joins_with_a_join_file_and_its_passphrase_and_merges_both_ways() {
    let a = TestDesk::new();
    a.add_case("2026-11-16 09:00");
    let join_file = a.dir.path().join("gabung.aduan-join");
    let out = a
        .command(&["sync", "join-file", join_file.to_str().unwrap()])
        .env("ADUAN_PASSPHRASE", PASSPHRASE)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let join_bytes = std::fs::read(&join_file).unwrap();
    let secret = a.office_secret();
    assert!(
        !contains(&join_bytes, &secret),
        "the join file hides the secret"
    );
    let bundle = a.export_to("a.aduan");

    // Far from A's folder, so the secret can only come from the join file.
    let elsewhere = tempfile::tempdir().unwrap();
    let carried = elsewhere.path().join("a.aduan");
    std::fs::copy(&bundle, &carried).unwrap();
    let carried_join = elsewhere.path().join("gabung");
    std::fs::copy(&join_file, &carried_join).unwrap();
    let b = TestDesk {
        dir: tempfile::tempdir().unwrap(),
    };
    let join = [
        "init",
        "--join",
        carried.to_str().unwrap(),
        "--join-file",
        carried_join.to_str().unwrap(),
        "--desk",
        "LKT2",
    ];
    let wrong = b
        .command(&join)
        .env("ADUAN_PASSPHRASE", "bukan kata sandinya")
        .output()
        .unwrap();
    assert!(!wrong.status.success());
    let line = String::from_utf8_lossy(&wrong.stderr);
    assert!(line.contains("kata sandi salah"), "{line}");
    assert_eq!(line.trim().lines().count(), 1, "{line}");
    assert!(!b.db().exists(), "nothing made by a refused join");
    let no_passphrase = b.run(&join);
    assert!(!no_passphrase.status.success());
    assert!(!b.db().exists());

    let joined = b
        .command(&join)
        .env("ADUAN_PASSPHRASE", PASSPHRASE)
        .output()
        .unwrap();
    assert!(
        joined.status.success(),
        "{}",
        String::from_utf8_lossy(&joined.stderr)
    );
    assert_eq!(b.office_secret(), secret, "B keeps the office secret");
    b.add_case("2026-11-17 09:00");
    a.ok(&[
        "sync",
        "merge",
        b.export_to("b.aduan").to_str().unwrap(),
        "--trust-new-desk",
    ]);
    b.ok(&["sync", "merge", a.export_to("a1.aduan").to_str().unwrap()]);
    assert_eq!(agendas(&a), ["0001/PGD/LKT1/2026", "0001/PGD/LKT2/2026"]);
    assert_eq!(agendas(&a), agendas(&b));
}

#[test]
fn a_backup_restores_and_a_tampered_backup_is_refused() {
    let a = TestDesk::new();
    a.add_case("2026-11-16 09:00");
    let backup = a.dir.path().join("cadangan.db");
    a.ok(&["backup", "-o", backup.to_str().unwrap()]);
    a.add_case("2026-11-17 09:00");
    assert_eq!(agendas(&a).len(), 2);

    let mut bytes = std::fs::read(&backup).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let tampered = a.dir.path().join("cadangan-ubah.db");
    std::fs::write(&tampered, &bytes).unwrap();
    let before = file_sha(&a.db());
    let err = a.fails(&["restore", tampered.to_str().unwrap(), "--yes"]);
    assert!(err.contains("rusak atau diubah"), "{err}");
    assert_eq!(file_sha(&a.db()), before);

    // A bundle is not a backup, nor the other way round.
    let bundle = a.export_to("a.aduan");
    let err = a.fails(&["restore", bundle.to_str().unwrap(), "--yes"]);
    assert!(err.contains("ini bundel, bukan cadangan"), "{err}");
    let err = a.fails(&["sync", "merge", backup.to_str().unwrap()]);
    assert!(err.contains("ini cadangan, bukan bundel"), "{err}");

    a.ok(&["restore", backup.to_str().unwrap(), "--yes", "--sendiri"]);
    assert_eq!(agendas(&a), ["0001/PGD/LKT1/2026"]);
}

#[test]
fn files_that_are_not_sealed_bundles_are_refused_in_one_line_each() {
    let a = TestDesk::new();
    let before = file_sha(&a.db());
    let dir = a.dir.path();
    let empty = dir.join("kosong.aduan");
    std::fs::write(&empty, b"").unwrap();
    let folder = dir.join("folder.aduan");
    std::fs::create_dir(&folder).unwrap();
    let foreign = dir.join("foto.aduan");
    std::fs::write(&foreign, b"\x89PNG\r\n\x1a\nnot a bundle at all").unwrap();
    let plain = dir.join("lama.aduan");
    {
        let conn = rusqlite::Connection::open(&plain).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA application_id = {}; CREATE TABLE header (key TEXT, value TEXT);",
            aduan::store::schema::BUNDLE_APPLICATION_ID
        ))
        .unwrap();
    }
    for (file, says) in [
        (&empty, "berkas kosong"),
        (&folder, "adalah folder, bukan bundel"),
        (&foreign, "bukan berkas aduan tersegel"),
        (&plain, "bundel lama tanpa enkripsi"),
    ] {
        let err = a.fails(&["sync", "merge", file.to_str().unwrap()]);
        assert!(err.contains(says), "{}: {err}", file.display());
        assert_eq!(file_sha(&a.db()), before);
    }
    // Restoring the same files: one line each too.
    let err = a.fails(&["restore", plain.to_str().unwrap(), "--yes"]);
    assert!(err.contains("tanpa enkripsi"), "{err}");
    let err = a.fails(&["restore", empty.to_str().unwrap(), "--yes"]);
    assert!(err.contains("berkas kosong"), "{err}");
}

#[test]
fn a_desk_without_the_office_secret_is_told_how_to_get_one() {
    let a = TestDesk::new();
    let b = TestDesk::joining("LKT2", &a.export_to("a.aduan"));
    let secret = a.office_secret();
    std::fs::remove_file(secret_file(&b)).unwrap();
    let err = b.fails(&["sync", "export", "-o", "/nonexistent/x.aduan"]);
    assert!(
        err.contains("aduan sync secret --new") && err.contains("join-file"),
        "{err}"
    );
    let err = b.fails(&["backup"]);
    assert!(err.contains("aduan sync secret --new"), "{err}");
    // The paper copy brings it back.
    let out = b
        .command(&["sync", "secret", "--enter"])
        .env("ADUAN_OFFICE_SECRET", secret.to_lowercase())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(b.office_secret(), secret);
    b.export_to("b.aduan");
}

#[test]
fn an_unreadable_key_file_is_called_unreadable() {
    let a = TestDesk::new();
    let key = std::fs::read_dir(a.dir.path().join("kunci"))
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with(".ed25519"))
        .unwrap()
        .path();
    std::fs::remove_file(&key).unwrap();
    // A folder in its place cannot be read as a key (root reads any file).
    std::fs::create_dir(&key).unwrap();
    // Owner-only, so the desk does not also warn of a folder others can read.
    std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    let err = a.fails(&[
        "sync",
        "export",
        "-o",
        a.dir.path().join("x.aduan").to_str().unwrap(),
    ]);
    assert!(err.contains("tidak dapat dibaca"), "{err}");
    assert!(!err.contains("ditulis"), "{err}");
}
