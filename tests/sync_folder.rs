//! Folder sync through the real binary: files are told apart by what their
//! headers say, each desk keeps one file of its own, and a bad file is named
//! and skipped while the good ones are merged.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{TestDesk, agendas, file_sha, own_name};

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A folder sync that must succeed; returns (stdout, stderr).
fn sync(desk: &TestDesk, folder: &Path, trust: bool) -> (String, String) {
    let mut args = vec!["sync", "--folder", folder.to_str().unwrap()];
    if trust {
        args.push("--trust-new-desk");
    }
    let out = desk.run(&args);
    texts(&args, out)
}

fn texts(args: &[&str], out: Output) -> (String, String) {
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        out.status.success(),
        "aduan {args:?} failed: {stdout}{stderr}"
    );
    (stdout, stderr)
}

/// A copy of `bundle` at `name` in `dir` with every "PBG belum" in it made
/// "PBX belum": the bytes of its events changed in the middle of the
/// SQLite inside, sealed again by one who holds the office secret.
fn edited_copy(holder: &TestDesk, bundle: &Path, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    common::resealed(holder, bundle, &path, |plain| {
        let mut bytes = std::fs::read(plain).unwrap();
        let needle = b"PBG belum";
        let mut hits = 0;
        for i in 0..bytes.len() - needle.len() {
            if &bytes[i..i + needle.len()] == needle {
                bytes[i + 2] = b'X';
                hits += 1;
            }
        }
        assert!(hits > 0, "the bundle holds the subject");
        std::fs::write(plain, bytes).unwrap();
    });
    path
}

/// Three desks of one office that know each other, having synced once
/// through `folder`.
fn office(folder: &Path) -> (TestDesk, TestDesk, TestDesk) {
    let a = TestDesk::new();
    a.add_case("2026-11-16 09:00");
    let start = a.export_to("a0.aduan");
    let b = TestDesk::joining("LKT2", &start);
    let c = TestDesk::joining("LKT3", &start);
    for desk in [&b, &c] {
        desk.add_case("2026-11-17 09:00");
    }
    for desk in [&b, &c, &a, &b, &c] {
        sync(desk, folder, true);
    }
    for desk in [&a, &b, &c] {
        assert_eq!(agendas(desk).len(), 3);
    }
    (a, b, c)
}

#[test]
fn a_damaged_and_a_foreign_bundle_never_stop_the_good_ones() {
    let usb = tempfile::tempdir().unwrap();
    let folder = usb.path();
    let (a, b, c) = office(folder);
    // A fourth desk everyone trusts, whose newer bundles reach the folder
    // damaged: edited in the middle, and cut in half.
    let d = TestDesk::joining("LKT4", &a.export_to("a1.aduan"));
    let from_d = d.export_to("d0.aduan");
    for desk in [&a, &b, &c] {
        desk.ok(&[
            "sync",
            "merge",
            from_d.to_str().unwrap(),
            "--trust-new-desk",
        ]);
    }
    d.add_case("2026-11-18 09:00");
    let newer = d.export_to("d1.aduan");
    let edited = edited_copy(&d, &newer, folder, "aduan-LKT4-rusak.aduan");
    let bytes = std::fs::read(&newer).unwrap();
    let truncated = folder.join("aduan-LKT4-terpotong.aduan");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    // Another office's bundle.
    let stranger = TestDesk::new();
    stranger.add_case("2026-11-18 09:00");
    let foreign = folder.join("aduan-LKT9-kantorlain.aduan");
    std::fs::copy(stranger.export_to("x.aduan"), &foreign).unwrap();
    let bad = [&edited, &truncated, &foreign];
    let bad_sha: Vec<[u8; 32]> = bad.iter().map(|p| file_sha(p)).collect();

    // Each desk has news for the others.
    for (desk, day) in [(&a, "19"), (&b, "19"), (&c, "19")] {
        desk.add_case(&format!("2026-11-{day} 09:00"));
    }
    for round in 0..2 {
        for desk in [&a, &b, &c] {
            let (_, err) = sync(desk, folder, false);
            for file in bad {
                let line = err
                    .lines()
                    .find(|l| l.contains(&file.display().to_string()))
                    .unwrap_or_else(|| panic!("round {round}: {file:?} named in: {err}"));
                assert!(line.contains("dilewati (tidak dihapus)"), "{line}");
            }
            assert!(err.contains("diubah"), "{err}");
            assert!(err.contains("kantor lain"), "{err}");
            assert!(folder.join(own_name(desk)).is_file(), "{err}");
        }
    }
    // Every desk merged the good bundles; the bad files are all still there.
    let expected = agendas(&a);
    assert_eq!(
        expected.len(),
        6,
        "the damaged case of LKT4 is not among them: {expected:?}"
    );
    assert_eq!(agendas(&b), expected);
    assert_eq!(agendas(&c), expected);
    for (file, sha) in bad.iter().zip(&bad_sha) {
        assert_eq!(&file_sha(file), sha, "{file:?} untouched");
    }

    // With only bad files in a folder, nothing of the desk's data changes;
    // merged one by one, each is refused with the database byte-identical.
    let only_bad = tempfile::tempdir().unwrap();
    for file in bad {
        std::fs::copy(file, only_bad.path().join(file.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        only_bad.path().join(".syncthing.aduan-LKT2-x.aduan.tmp"),
        b"",
    )
    .unwrap();
    let before = (a.fingerprint(), agendas(&a));
    let (_, err) = sync(&a, only_bad.path(), true);
    assert_eq!(err.matches("dilewati").count(), 4, "{err}");
    assert_eq!((a.fingerprint(), agendas(&a)), before);
    for file in bad {
        let sha = file_sha(&a.db());
        let line = a.fails(&["sync", "merge", file.to_str().unwrap()]);
        assert!(line.contains(&file.display().to_string()), "{line}");
        assert_eq!(file_sha(&a.db()), sha, "{line}");
    }
    assert_eq!(names(only_bad.path()).len(), 6, "nothing deleted");
}

#[test]
fn desk_lkt_never_takes_desk_lkt_2_bundles_for_its_own() {
    let usb = tempfile::tempdir().unwrap();
    let folder = usb.path();
    let a = TestDesk::with_config("[desk]\ncode = \"LKT\"\nname = \"Loket LKT\"\n");
    a.add_case("2026-11-16 09:00");
    let b = TestDesk::joining("LKT-2", &a.export_to("a0.aduan"));
    b.add_case("2026-11-17 09:00");
    // Bundles under the dated names of earlier versions: "aduan-LKT-" starts
    // both. Each desk may remove its own only.
    let old_a = folder.join("aduan-LKT-20261119-0900.aduan");
    let old_b = folder.join("aduan-LKT-2-20261119-0900.aduan");
    std::fs::copy(a.export_to("a-lama.aduan"), &old_a).unwrap();
    std::fs::copy(b.export_to("b-lama.aduan"), &old_b).unwrap();

    sync(&b, folder, true);
    let b_file = folder.join(own_name(&b));
    let b_sha = file_sha(&b_file);
    assert!(!old_b.exists(), "LKT-2 removed its own old bundle");
    let (out, _) = sync(&a, folder, true);
    assert!(out.contains("Peristiwa baru dari loket LKT-2"), "{out}");
    assert!(!old_a.exists(), "LKT removed its own old bundle");
    assert_eq!(file_sha(&b_file), b_sha, "LKT left LKT-2's bundle alone");
    assert_eq!(agendas(&a), agendas(&b));

    // Both at once, in the same minute: two files, neither lost.
    a.add_case("2026-11-18 09:00");
    b.add_case("2026-11-18 09:00");
    let args = ["sync", "--folder", folder.to_str().unwrap()];
    let (ca, cb) = (
        a.command(&args).spawn().unwrap(),
        b.command(&args).spawn().unwrap(),
    );
    for child in [ca, cb] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
    }
    let mut expected = vec![".stignore".to_string(), own_name(&a), own_name(&b)];
    expected.sort();
    assert_eq!(names(folder), expected);
    sync(&a, folder, false);
    sync(&b, folder, false);
    assert_eq!(agendas(&a).len(), 4);
    assert_eq!(agendas(&a), agendas(&b));
}

#[test]
fn a_known_desk_missing_from_the_folder_is_named_with_its_last_merge() {
    let usb = tempfile::tempdir().unwrap();
    let folder = usb.path();
    let a = TestDesk::new();
    a.add_case("2026-11-16 09:00");
    let b = TestDesk::joining("LKT2", &a.export_to("a0.aduan"));
    b.add_case("2026-11-17 09:00");
    let args = ["sync", "--folder", folder.to_str().unwrap()];
    let at = |desk: &TestDesk, now: &str, trust: bool| {
        let mut args = args.to_vec();
        if trust {
            args.push("--trust-new-desk");
        }
        texts(
            &args,
            desk.command(&args).env("ADUAN_NOW", now).output().unwrap(),
        )
    };
    at(&b, "2026-11-18T08:00:00+07:00", false);
    let (_, err) = at(&a, "2026-11-18T09:30:00+07:00", true);
    assert!(!err.contains("LKT2"), "{err}");
    // LKT2's file is gone (a file-sync tool between delete and write).
    std::fs::remove_file(folder.join(own_name(&b))).unwrap();
    let (_, err) = at(&a, "2026-11-20T10:00:00+07:00", false);
    assert!(
        err.contains("tidak ada bundel dari LKT2 di folder; terakhir digabung 2026-11-18 09:30"),
        "{err}"
    );
    assert!(folder.join(own_name(&a)).is_file());
}
