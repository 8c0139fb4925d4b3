//! Every input the fuzzers kept (`fuzz/corpus/<target>/`), crashes found
//! and fixed included, replayed through the same `aduan::probe` functions
//! the fuzz targets call: so the stable toolchain, without cargo-fuzz,
//! fails when a change brings a crash back.

use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

fn replay(target: &str, probe: fn(&[u8])) {
    let files = corpus(target);
    assert!(!files.is_empty(), "fuzz/corpus/{target} holds no inputs");
    replay_files(files, probe);
}

fn replay_files(files: Vec<PathBuf>, probe: fn(&[u8])) {
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let outcome = std::panic::catch_unwind(|| probe(&bytes));
        assert!(outcome.is_ok(), "{} panicked", file.display());
    }
}

#[test]
fn case_json_corpus_replays_without_a_panic() {
    replay("case_json", aduan::probe::case_json);
}

#[test]
fn sop_corpus_replays_without_a_panic() {
    replay("sop", aduan::probe::sop);
}

#[test]
fn config_corpus_replays_without_a_panic() {
    replay("config", aduan::probe::config);
}

#[test]
fn template_corpus_replays_without_a_panic() {
    replay("template", aduan::probe::template);
}

/// The bundle corpus may hold no seed yet (it is made by `write_seeds`):
/// the sample bundle is made here as well and goes through the probe first.
#[test]
fn bundle_corpus_replays_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("sample.aduan");
    aduan::probe::sample_bundle(&dir.path().join("work"), &sample).unwrap();
    let mut files = vec![sample];
    files.extend(corpus("bundle"));
    replay_files(files, aduan::probe::bundle);
}

/// The bundle seed is a real bundle, signed, of the office the bundle
/// probe's desk joins: fuzzing it starts inside the merge, not at a refusal
/// for another office.
#[test]
fn the_sample_bundle_is_a_bundle_of_the_probe_office() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("1.aduan"), dir.path().join("2.aduan"));
    aduan::probe::sample_bundle(&dir.path().join("a"), &first).unwrap();
    aduan::probe::sample_bundle(&dir.path().join("b"), &second).unwrap();
    let (a, b) = (
        aduan::store::read_header(&first).unwrap(),
        aduan::store::read_header(&second).unwrap(),
    );
    assert_eq!((a.office, a.exported_by), (b.office, b.exported_by));
    aduan::probe::bundle(&std::fs::read(&first).unwrap());
}

/// Writes the seed inputs of every corpus from the files aduan ships:
/// `cargo test --release --test fuzz_corpora -- --ignored write_seeds`.
#[test]
#[ignore = "writes the seed corpora into fuzz/corpus; run by hand"]
fn write_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("fuzz/corpus");
    let put = |target: &str, name: &str, bytes: &[u8]| {
        let dir = seeds.join(target);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
    };
    for entry in std::fs::read_dir(root.join("assets/sop")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        put(
            "sop",
            &format!("seed-{name}"),
            &std::fs::read(&path).unwrap(),
        );
    }
    put(
        "config",
        "seed-config.example.toml",
        &std::fs::read(root.join("config.example.toml")).unwrap(),
    );
    for (i, (name, text)) in aduan::paper::templates::SHIPPED.iter().enumerate() {
        let mut bytes = vec![i as u8, 0];
        bytes.extend(text.as_bytes().iter().take(aduan::probe::TEMPLATE_CAP));
        put("template", &format!("seed-{name}"), &bytes);
    }
    put("case_json", "seed-case.json", CASE_JSON.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample.aduan");
    aduan::probe::sample_bundle(&dir.path().join("work"), &out).unwrap();
    put("bundle", "seed-sample.aduan", &std::fs::read(&out).unwrap());
}

/// A case as `case add --json` takes it, every field given.
const CASE_JSON: &str = r#"{
  "kind": "pengaduan",
  "channel": "loket",
  "name": "Siti Aminah",
  "nik": "3525014101900001",
  "address": "Jl. Veteran 12, Gresik",
  "phone": "0812-3456-7890",
  "email": "siti@example.id",
  "confidential": false,
  "anonymous": false,
  "identity_attached": true,
  "business": "CV Maju Jaya",
  "nib": "9120001234567",
  "licence_no": "503/123/437.73/2026",
  "licence_type": "PBG",
  "subject": "Izin belum terbit",
  "description": "Permohonan sudah lengkap sejak bulan lalu.\nMohon kejelasan.",
  "received_at": "2026-11-19 09:30",
  "complete_on": "",
  "attachments": [],
  "linked_to": ""
}"#;
