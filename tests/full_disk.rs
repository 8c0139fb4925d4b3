//! A full database disk, on a small tmpfs: what was saved is told truly,
//! and the desk stays usable (reads, a backup and an export to another
//! disk). Mounting needs root; elsewhere each test says why it is skipped.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A tmpfs of a few megabytes, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(megabytes: u32) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::piped())
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs { dir }),
            Ok(o) => {
                eprintln!(
                    "skipped: cannot mount a tmpfs ({})",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("skipped: cannot run mount ({e})");
                None
            }
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Takes the rest of the room with a file of zeros.
    fn fill(&self) {
        let mut f = std::fs::File::create(self.path().join("filler")).unwrap();
        let block = vec![0u8; 64 << 10];
        while f.write_all(&block).is_ok() {}
        let _ = f.flush();
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// A desk whose config lives in an ordinary folder and whose database is
/// on the small disk.
struct Desk {
    home: tempfile::TempDir,
    db: PathBuf,
}

impl Desk {
    fn on(disk: &Tmpfs) -> Desk {
        let desk = Desk {
            home: tempfile::tempdir().unwrap(),
            db: disk.path().join("aduan.db"),
        };
        let out = desk.run(&["init"]);
        assert!(out.status.success(), "{}", text(&out));
        common::pins_off(&desk.home.path().join("config.toml"));
        desk
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_aduan"))
            .args(args)
            .env("ADUAN_CONFIG", self.home.path().join("config.toml"))
            .env("ADUAN_DB", &self.db)
            .env("ADUAN_NOW", common::NOW)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "aduan {args:?}: {}", text(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn events(&self) -> u64 {
        let v: serde_json::Value = serde_json::from_str(&self.ok(&["check", "--json"])).unwrap();
        v["events"].as_u64().unwrap()
    }

    /// Elsewhere than the full disk.
    fn other_disk(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The reads and the backup to another disk a full disk must leave working.
fn still_readable(desk: &Desk) {
    desk.ok(&["case", "list", "--limit", "5"]);
    desk.ok(&["recap", "--month", "2026-10"]);
    let backup = desk.other_disk("cadangan.db");
    desk.ok(&["backup", "-o", backup.to_str().unwrap()]);
    assert!(backup.metadata().unwrap().len() > 0);
}

/// Reads, a backup and an export, all to another disk.
fn still_usable(desk: &Desk) {
    still_readable(desk);
    let bundle = desk.other_disk("bundel.aduan");
    desk.ok(&["sync", "export", "-o", bundle.to_str().unwrap()]);
    assert!(bundle.metadata().unwrap().len() > 0);
}

/// An export that needs to sign events no bundle has carried yet must
/// write that signature into the database: with no room it says so.
fn exported_or_told_why(desk: &Desk) {
    let bundle = desk.other_disk("bundel.aduan");
    let out = desk.run(&["sync", "export", "-o", bundle.to_str().unwrap()]);
    if out.status.success() {
        assert!(bundle.metadata().unwrap().len() > 0);
        return;
    }
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(said.contains(desk.db.to_str().unwrap()), "{said}");
    assert!(!said.contains("dibatalkan"), "told cancelled: {said}");
    assert!(!bundle.exists());
}

#[test]
fn a_demo_that_fills_the_disk_says_what_it_saved_and_the_desk_stays_usable() {
    let Some(disk) = Tmpfs::mount(20) else { return };
    let desk = Desk::on(&disk);
    let out = desk.run(&["demo", "--cases", "3000"]);
    assert!(!out.status.success(), "the demo fit: {}", text(&out));
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    let saved = desk.events();
    if saved > 0 {
        assert!(
            said.contains(&saved.to_string()),
            "{saved} events saved, the message does not say so: {said}"
        );
        assert!(!said.contains("dibatalkan"), "told cancelled: {said}");
    }
    still_readable(&desk);
    exported_or_told_why(&desk);
    assert_eq!(desk.events(), saved, "a read or an export changed the log");
}

#[test]
fn an_export_to_another_disk_works_when_the_database_disk_is_full() {
    let Some(disk) = Tmpfs::mount(20) else { return };
    let desk = Desk::on(&disk);
    desk.ok(&["demo", "--cases", "200"]);
    desk.ok(&[
        "sync",
        "export",
        "-o",
        desk.other_disk("first.aduan").to_str().unwrap(),
    ]);
    disk.fill();
    still_usable(&desk);
}

#[test]
fn an_export_that_must_sign_new_events_on_a_full_disk_says_why() {
    let Some(disk) = Tmpfs::mount(20) else { return };
    let desk = Desk::on(&disk);
    desk.ok(&["demo", "--cases", "200"]);
    disk.fill();
    still_readable(&desk);
    exported_or_told_why(&desk);
}
