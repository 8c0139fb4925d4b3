//! Folder sync through a real file-sync tool: two Syncthing instances on
//! this machine (`shared/tools/syncthing-pair`, loopback only) keep two
//! copies of one folder; each desk syncs through its own copy, in turns and
//! at the same moment, and the desks converge with nothing left in the
//! folders but their bundles and Syncthing's own files.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{TestDesk, agendas, own_name};

/// The tool beside the repository (`../shared/tools/syncthing-pair`).
fn pair_tool() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/syncthing-pair")
}

/// Why the test cannot run here, if it cannot.
fn missing_requirement() -> Option<String> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !root {
        return Some("not root (the pair runs in its own network namespace)".into());
    }
    let syncthing = Command::new("syncthing").arg("--version").output();
    if !syncthing.is_ok_and(|o| o.status.success()) {
        return Some("syncthing is not installed (apt-get install syncthing)".into());
    }
    if !pair_tool().is_file() {
        return Some(format!("{} is missing", pair_tool().display()));
    }
    None
}

/// The running pair; stopped when dropped, also when the test fails.
struct Pair {
    dir: tempfile::TempDir,
}

impl Pair {
    fn start() -> Pair {
        let pair = Pair {
            dir: tempfile::tempdir().unwrap(),
        };
        pair.run("start");
        pair
    }

    /// Runs the tool with its output in a file: the instances it starts
    /// keep what they inherit open, so a pipe would never end.
    fn run(&self, command: &str) {
        let log = self.dir.path().join("pair.log");
        let file = std::fs::File::create(&log).unwrap();
        let status = Command::new("bash")
            .arg(pair_tool())
            .arg(command)
            .arg(self.dir.path())
            .stdin(std::process::Stdio::null())
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .status()
            .unwrap();
        assert!(
            status.success(),
            "syncthing-pair {command}: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }

    /// Until both copies hold the same files.
    fn wait(&self) {
        self.run("wait");
    }

    fn copy(&self, side: &str) -> PathBuf {
        self.dir.path().join(side)
    }
}

impl Drop for Pair {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(pair_tool())
            .arg("stop")
            .arg(self.dir.path())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }
}

fn sync_args(folder: &Path, trust: bool) -> Vec<String> {
    let mut args = vec![
        "sync".into(),
        "--folder".into(),
        folder.display().to_string(),
    ];
    if trust {
        args.push("--trust-new-desk".into());
    }
    args
}

/// A folder sync that must succeed and skip nothing; returns its stderr.
fn sync(desk: &TestDesk, folder: &Path, trust: bool) -> String {
    let args = sync_args(folder, trust);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = desk.run(&args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    // Syncthing's own half-written copy may be there mid-transfer; it is
    // rightly passed over. Anything else passed over is a lost bundle.
    let skipped_other = err
        .lines()
        .filter(|line| line.contains("dilewati"))
        .any(|line| !line.contains("/.syncthing."));
    assert!(
        !skipped_other,
        "nothing but Syncthing's temporaries skipped: {err}"
    );
    err
}

#[test]
fn two_desks_converge_through_syncthing() {
    if let Some(why) = missing_requirement() {
        println!("skipped: {why}");
        return;
    }
    let pair = Pair::start();
    let (side_a, side_b) = (pair.copy("a"), pair.copy("b"));
    let a = TestDesk::new();
    a.add_case("2026-11-16 09:00");
    let b = TestDesk::joining("LKT2", &a.export_to("a0.aduan"));
    b.add_case("2026-11-16 10:00");

    // First meeting: each accepts the other once.
    sync(&b, &side_b, false);
    pair.wait();
    sync(&a, &side_a, true);
    pair.wait();
    sync(&b, &side_b, true);
    pair.wait();
    assert_eq!(agendas(&a), agendas(&b));

    // In turns, several times, each with news.
    for day in 17..20 {
        a.add_case(&format!("2026-11-{day} 09:00"));
        b.add_case(&format!("2026-11-{day} 10:00"));
        sync(&a, &side_a, false);
        pair.wait();
        let err = sync(&b, &side_b, false);
        assert!(!err.contains("tidak ada bundel"), "{err}");
        pair.wait();
    }

    // At the same moment, two processes started together.
    a.add_case("2026-11-20 09:00");
    b.add_case("2026-11-20 09:00");
    let spawn = |desk: &TestDesk, folder: &Path| {
        let args = sync_args(folder, false);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        desk.command(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let both = [spawn(&a, &side_a), spawn(&b, &side_b)];
    for child in both {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    pair.wait();
    // Once more each, so each has merged the other's newest.
    sync(&a, &side_a, false);
    pair.wait();
    sync(&b, &side_b, false);
    pair.wait();
    sync(&a, &side_a, false);

    let cases = agendas(&a);
    assert_eq!(cases.len(), 10, "{cases:?}");
    assert_eq!(agendas(&b), cases);
    let mut expected = vec![
        ".stfolder".to_string(),
        ".stignore".to_string(),
        own_name(&a),
        own_name(&b),
    ];
    expected.sort();
    pair.wait();
    for side in [&side_a, &side_b] {
        let mut names: Vec<String> = std::fs::read_dir(side)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, expected, "nothing else left in {side:?}");
    }
}
