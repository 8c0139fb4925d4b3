//! The Debian package as the office's IT gets it: built by `scripts/package`
//! from the release binary these tests run, unpacked into a scratch root,
//! and the installed program, manual pages, completions and documents
//! tried there. Skipped, saying why, where `cargo deb`, dpkg or man is
//! missing or the tests are not a release build.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn skip_reason() -> Option<String> {
    let bin = Path::new(env!("CARGO_BIN_EXE_aduan"));
    if bin.parent().and_then(Path::file_name) != Some("release".as_ref()) {
        return Some("the package holds the release binary: run cargo test --release".into());
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let tools = [
        (
            cargo.as_str(),
            &["deb", "--version"][..],
            "cargo deb (cargo install cargo-deb --locked)",
        ),
        ("dpkg-deb", &["--version"][..], "dpkg-deb (dpkg)"),
        ("man", &["--version"][..], "man (man-db)"),
        ("readelf", &["--version"][..], "readelf (binutils)"),
    ];
    tools.iter().find_map(|(program, args, name)| {
        let ran = Command::new(program).args(*args).output();
        (!ran.is_ok_and(|o| o.status.success())).then(|| format!("{name} is not installed"))
    })
}

fn succeeded(what: &str, out: Output) -> String {
    assert!(
        out.status.success(),
        "{what}: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `scripts/package --no-build`, into `out`; the path of the `.deb`.
fn build_package(out: &Path) -> PathBuf {
    let bin = Path::new(env!("CARGO_BIN_EXE_aduan"));
    let target_dir = bin.parent().and_then(Path::parent).unwrap();
    let ran = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/package"))
        .args(["--no-build", "--", "--output"])
        .arg(out)
        .env("CARGO_TARGET_DIR", target_dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    succeeded("scripts/package", ran);
    let debs: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "deb"))
        .collect();
    assert_eq!(debs.len(), 1, "one package: {debs:?}");
    debs.into_iter().next().unwrap()
}

/// The installed program, away from any real desk.
fn installed(root: &Path, home: &Path, lang: &str, args: &[&str]) -> String {
    let ran = Command::new(root.join("usr/bin/aduan"))
        .args(args)
        .env("HOME", home)
        .env("ADUAN_CONFIG", home.join("config.toml"))
        .env("ADUAN_LANG", lang)
        .env_remove("ADUAN_DB")
        .output()
        .unwrap();
    succeeded(&format!("aduan {args:?}"), ran)
}

/// A manual page as `man` shows it, its words joined by single spaces
/// (the page is filled and justified to the width).
fn read_page(page: &Path) -> String {
    let ran = Command::new("man")
        .args(["-P", "cat", "-l"])
        .arg(page)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .env("COLUMNS", "100")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    let text = succeeded(&format!("man -l {}", page.display()), ran);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn field(deb: &Path, name: &str) -> String {
    let ran = Command::new("dpkg-deb")
        .arg("-f")
        .arg(deb)
        .arg(name)
        .output()
        .unwrap();
    succeeded("dpkg-deb -f", ran).trim().to_string()
}

#[test]
fn the_package_installs_a_working_program_with_its_pages_completions_and_documents() {
    if let Some(reason) = skip_reason() {
        eprintln!("skipped: {reason}");
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    let deb = build_package(&made(scratch.path().join("out")));
    assert_eq!(field(&deb, "Package"), "aduan");
    assert_eq!(
        field(&deb, "Version"),
        format!("{}-1", env!("CARGO_PKG_VERSION"))
    );
    assert!(
        field(&deb, "Depends").contains("libc6"),
        "{}",
        field(&deb, "Depends")
    );

    let root = scratch.path().join("root");
    let ran = Command::new("dpkg-deb")
        .arg("-x")
        .arg(&deb)
        .arg(&root)
        .output()
        .unwrap();
    succeeded("dpkg-deb -x", ran);
    let home = made(scratch.path().join("home"));

    let version = installed(&root, &home, "id", &["--version"]);
    assert_eq!(
        version.trim(),
        format!("aduan {}", env!("CARGO_PKG_VERSION"))
    );
    let en = installed(&root, &home, "en", &["--help"]);
    assert!(en.contains("Cases: record, list, show, act"), "{en}");
    let id = installed(&root, &home, "id", &["--help"]);
    assert!(id.contains("Kasus: catat, daftar, lihat, tindak"), "{id}");
    assert!(!home.join("config.toml").exists(), "help made a config");

    let sections = readelf_sections(&root.join("usr/bin/aduan"));
    for section in [".debug_info", ".debug_line", ".symtab"] {
        assert!(
            !sections.contains(section),
            "the binary is stripped of {section}: {sections}"
        );
    }

    let id_page = read_page(&root.join("usr/share/man/man1/aduan.1.gz"));
    assert!(id_page.contains("SINOPSIS"), "{id_page}");
    assert!(
        id_page.contains("Kasus: catat, daftar, lihat, tindak"),
        "{id_page}"
    );
    assert!(id_page.contains("ADUAN_LANG"), "{id_page}");
    let en_page = read_page(&root.join("usr/share/man/en/man1/aduan.1.gz"));
    assert!(en_page.contains("SYNOPSIS"), "{en_page}");
    assert!(
        en_page.contains("Cases: record, list, show, act"),
        "{en_page}"
    );
    let en_add = read_page(&root.join("usr/share/man/en/man1/aduan-case-add.1.gz"));
    assert!(en_add.contains("Complainant's name"), "{en_add}");

    let completions = [
        ("usr/share/bash-completion/completions/aduan", "complete -F"),
        ("usr/share/zsh/vendor-completions/_aduan", "#compdef aduan"),
        (
            "usr/share/fish/vendor_completions.d/aduan.fish",
            "complete -c aduan",
        ),
    ];
    for (path, mark) in completions {
        let text = std::fs::read_to_string(root.join(path)).unwrap();
        assert!(text.contains(mark), "{path}: {text}");
        assert!(text.contains("recap"), "{path} completes the commands");
    }
    let doc = root.join("usr/share/doc/aduan");
    let readme = std::fs::read_to_string(doc.join("README.md")).unwrap();
    assert!(
        readme.contains("## Install"),
        "the README shipped is this one"
    );
    let example = std::fs::read_to_string(doc.join("config.example.toml")).unwrap();
    assert!(example.contains("language"), "{example}");
    assert!(doc.join("copyright").exists());
}

fn readelf_sections(binary: &Path) -> String {
    let ran = Command::new("readelf")
        .args(["-S", "-W"])
        .arg(binary)
        .output()
        .unwrap();
    succeeded("readelf -S", ran)
}

/// The folder at `path`, made.
fn made(path: PathBuf) -> PathBuf {
    std::fs::create_dir_all(&path).unwrap();
    path
}
