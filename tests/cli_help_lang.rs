//! `--help` speaks the desk's language: `language` of the config the command
//! would open, `$ADUAN_LANG` over it, Bahasa Indonesia when neither says
//! (or the config cannot be read). Asking for help never fails and never
//! makes a file.

use std::path::Path;
use std::process::Command;

const EN_TOP: &str = "Cases: record, list, show, act";
const ID_TOP: &str = "Kasus: catat, daftar, lihat, tindak";

fn help(config: &Path, lang: Option<&str>, args: &[&str]) -> String {
    let mut c = Command::new(env!("CARGO_BIN_EXE_aduan"));
    c.args(args)
        .env("ADUAN_CONFIG", config)
        .env_remove("ADUAN_LANG")
        .env_remove("ADUAN_DB");
    if let Some(lang) = lang {
        c.env("ADUAN_LANG", lang);
    }
    let out = c.output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{args:?}: {}{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

fn config_saying(dir: &Path, text: &str) -> std::path::PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn help_is_indonesian_unless_the_config_says_english() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.toml");
    let id = help(&missing, None, &["--help"]);
    assert!(id.contains(ID_TOP), "{id}");
    assert!(id.contains("Penggunaan:"), "{id}");
    assert!(id.contains("Tampilkan bantuan"), "{id}");
    assert!(!id.contains("Print help"), "{id}");
    assert!(!missing.exists(), "help made the config");

    let config = config_saying(dir.path(), "language = \"en\"\n\n[desk]\ncode = \"LKT1\"\n");
    let en = help(&config, None, &["--help"]);
    assert!(en.contains(EN_TOP), "{en}");
    assert!(en.contains("Usage:"), "{en}");
    assert!(en.contains("Print help"), "{en}");
    assert!(!en.contains(ID_TOP), "{en}");
    assert!(
        !en.contains("manual"),
        "the packaging command is hidden: {en}"
    );
}

#[test]
fn a_subcommand_s_help_follows_the_config_named_by_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let english = config_saying(dir.path(), "language = \"en\"\n");
    let elsewhere = dir.path().join("none.toml");
    let en = help(
        &elsewhere,
        None,
        &[
            "--config",
            english.to_str().unwrap(),
            "case",
            "add",
            "--help",
        ],
    );
    assert!(en.contains("Complainant's name"), "{en}");
    assert!(en.contains("Options:"), "{en}");
    let arg = format!("--config={}", english.display());
    let en = help(&elsewhere, None, &["recap", &arg, "--help"]);
    assert!(en.contains("Month, YYYY-MM"), "{en}");
    let id = help(&elsewhere, None, &["case", "add", "--help"]);
    assert!(id.contains("Nama pelapor"), "{id}");
    assert!(id.contains("Opsi:"), "{id}");
}

#[test]
fn aduan_lang_wins_over_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let english = config_saying(dir.path(), "language = \"en\"\n");
    let id = help(&english, Some("id"), &["--help"]);
    assert!(id.contains(ID_TOP), "{id}");
    let en = help(&dir.path().join("none.toml"), Some("en"), &["help", "sync"]);
    assert!(en.contains("Synchronise desks by copying files"), "{en}");
    let unknown = help(&english, Some("fr"), &["--help"]);
    assert!(
        unknown.contains(EN_TOP),
        "an unknown ADUAN_LANG is ignored: {unknown}"
    );
}

#[test]
fn a_config_that_cannot_be_read_leaves_help_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let text = "language = \"en\"\n[desk\n";
    let broken = config_saying(dir.path(), text);
    let id = help(&broken, None, &["--help"]);
    assert!(id.contains(ID_TOP), "{id}");
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), text);
    // A folder where the file should be.
    let id = help(dir.path(), None, &["--help"]);
    assert!(id.contains(ID_TOP), "{id}");
}
