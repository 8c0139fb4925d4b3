//! Every file a desk makes is its owner's only (files 0600, folders 0700),
//! whatever the umask it was started under; a desk whose files are open to
//! others is told so, and `aduan check --fix-permissions` closes them.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::NOW;

struct Desk {
    dir: tempfile::TempDir,
    umask: libc::mode_t,
}

impl Desk {
    fn new(umask: libc::mode_t) -> Desk {
        Desk {
            dir: tempfile::tempdir().unwrap(),
            umask,
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_aduan"));
        c.args(args)
            .env("ADUAN_CONFIG", self.path("config.toml"))
            .env("ADUAN_DB", self.path("data/aduan.db"))
            .env("ADUAN_NOW", NOW)
            .stdin(std::process::Stdio::null());
        let umask = self.umask;
        // SAFETY: umask is async-signal-safe and touches nothing else.
        unsafe {
            c.pre_exec(move || {
                libc::umask(umask);
                Ok(())
            });
        }
        c
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        self.command(args).output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "aduan {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn add_case(&self) -> String {
        let out = self.ok(&[
            "case",
            "add",
            "--name",
            "Siti Aminah",
            "--nik",
            "3512074507850003",
            "--phone",
            "0812-3456-7890",
            "--subject",
            "PBG belum terbit",
            "--description",
            "Sudah tiga bulan menunggu.",
            "--received-at",
            "2026-11-16 09:00",
        ]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["agenda_no"].as_str().unwrap().to_string()
    }

    /// SQLite removes the WAL and SHM when the last connection closes: a
    /// case given on stdin keeps aduan's open while they are looked at.
    fn add_case_while_wal_and_shm_are_checked(&self) {
        use std::io::Write;
        let mut child = self
            .command(&["case", "add", "--json", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let (wal, shm) = (
            self.path("data/aduan.db-wal"),
            self.path("data/aduan.db-shm"),
        );
        let start = std::time::Instant::now();
        while !(wal.exists() && shm.exists()) {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(120),
                "no WAL and SHM while the desk is open"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        for path in [&wal, &shm] {
            assert_eq!(
                mode(path),
                0o600,
                "umask {:03o}: {}",
                self.umask,
                path.display()
            );
        }
        let json = r#"{"name": "Siti Aminah", "nik": "3512074507850003", "phone": "0812-3456-7890",
            "subject": "PBG belum terbit", "description": "Sudah tiga bulan menunggu.",
            "received_at": "2026-11-16 09:00"}"#;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(json.as_bytes()).unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Makes a file of every kind a desk writes.
    fn make_every_kind_of_file(&self) {
        self.ok(&["init"]);
        common::pins_off(&self.path("config.toml"));
        self.add_case_while_wal_and_shm_are_checked();
        let agenda = self.add_case();
        self.ok(&[
            "case",
            "note",
            &agenda,
            "--kind",
            "bap",
            "--by",
            "Staf Penanganan Pengaduan",
            "--field",
            "waktu=2026-11-18 09:30",
            "--field",
            "tempat=Desa Kilensari, Panarukan",
            "--field",
            "petugas=Staf Penanganan Pengaduan",
            "--field",
            "pihak-lain=Kepala Desa Kilensari",
            "--field",
            "temuan=Gudang berdiri",
            "--field",
            "kesimpulan=Bangunan melebihi izin",
            "--field",
            "rekomendasi=Teguran tertulis",
        ]);
        self.ok(&["case", "report", &agenda]);
        for format in ["csv", "md", "xlsx"] {
            self.ok(&["recap", "--month", "2026-11", "--format", format]);
        }
        self.ok(&["doc", &agenda, "--kind", "tanda-terima"]);
        self.ok(&["sync", "export"]);
        self.ok(&["backup"]);
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o7777
}

/// Every file and folder under `dir`, the folder itself left out.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all.extend(tree(&path));
        }
        all.push(path);
    }
    all.sort();
    all
}

fn names(paths: &[PathBuf], root: &Path) -> Vec<String> {
    paths
        .iter()
        .map(|p| p.strip_prefix(root).unwrap().display().to_string())
        .collect()
}

fn assert_owner_only(desk: &Desk) {
    let root = desk.dir.path();
    let all = tree(root);
    let names = names(&all, root);
    for wanted in [
        "config.toml",
        "data/aduan.db",
        "kunci",
        "sop",
        "templates",
        "data/ekspor",
    ] {
        assert!(names.iter().any(|n| n == wanted), "{wanted} in {names:?}");
    }
    let key = all
        .iter()
        .find(|p| p.starts_with(root.join("kunci")) && p.is_file());
    assert!(key.is_some(), "a key in kunci: {names:?}");
    let exports = names.iter().filter(|n| n.starts_with("data/ekspor/"));
    let exported: Vec<&String> = exports.collect();
    for ext in [".csv", ".md", ".xlsx", ".pdf", ".aduan", ".db", ".txt"] {
        assert!(
            exported.iter().any(|n| n.ends_with(ext)),
            "a {ext} file in the export folder: {exported:?}"
        );
    }
    let loose: Vec<String> = all
        .iter()
        .filter(|p| mode(p) != if p.is_dir() { 0o700 } else { 0o600 })
        .map(|p| format!("{} {:o}", p.display(), mode(p)))
        .collect();
    assert!(
        loose.is_empty(),
        "umask {:03o}: not owner-only: {loose:#?}",
        desk.umask
    );
}

#[test]
fn every_file_is_owner_only_under_umask_000() {
    let desk = Desk::new(0o000);
    desk.make_every_kind_of_file();
    assert_owner_only(&desk);
}

#[test]
fn every_file_is_owner_only_under_umask_022() {
    let desk = Desk::new(0o022);
    desk.make_every_kind_of_file();
    assert_owner_only(&desk);
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn open_files_are_named_at_start_and_in_check_and_repaired_on_request() {
    let desk = Desk::new(0o022);
    desk.ok(&["init"]);
    common::pins_off(&desk.path("config.toml"));
    desk.add_case();
    desk.ok(&["backup"]);
    let config = desk.path("config.toml");
    let db = desk.path("data/aduan.db");
    let kunci = desk.path("kunci");
    let exports = desk.path("data/ekspor");
    let backup = tree(&exports).into_iter().next().unwrap();
    set_mode(&config, 0o644);
    set_mode(&db, 0o644);
    set_mode(&kunci, 0o755);
    set_mode(&exports, 0o755);
    set_mode(&backup, 0o664);
    let opened = [&config, &db, &kunci, &exports, &backup];

    // Any command warns in one line on stderr, and still works.
    let out = desk.run(&["case", "list"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("Peringatan") && err.contains("--fix-permissions"),
        "{err}"
    );

    let text = desk.ok(&["check"]);
    for path in opened {
        let line = text
            .lines()
            .find(|l| l.contains(&format!("{} ", path.display())))
            .unwrap_or_else(|| panic!("{} named in: {text}", path.display()));
        assert!(line.starts_with("! "), "{line}");
    }
    let json: serde_json::Value = serde_json::from_str(&desk.ok(&["check", "--json"])).unwrap();
    let listed: Vec<&str> = json["loose_permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["path"].as_str().unwrap())
        .collect();
    for path in opened {
        assert!(listed.contains(&path.to_str().unwrap()), "{listed:?}");
    }

    let fixed = desk.ok(&["check", "--fix-permissions"]);
    for path in opened {
        assert!(
            fixed.contains(&format!("{} ", path.display())),
            "{} listed in: {fixed}",
            path.display()
        );
    }
    for path in [&config, &db, &backup] {
        assert_eq!(mode(path), 0o600, "{}", path.display());
    }
    for path in [&kunci, &exports] {
        assert_eq!(mode(path), 0o700, "{}", path.display());
    }
    let json: serde_json::Value = serde_json::from_str(&desk.ok(&["check", "--json"])).unwrap();
    assert_eq!(json["loose_permissions"], serde_json::json!([]));
    let out = desk.run(&["case", "list"]);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "no warning left");
    let again = desk.ok(&["check", "--fix-permissions"]);
    assert!(again.contains("tidak ada yang diubah"), "{again}");
}
