//! Input aduan reads whole is a regular file of a sensible size: a device,
//! a FIFO or a huge file is refused at once in one line, and nothing is
//! changed.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::TestDesk;

/// Far beyond any honest run on a loaded machine: reaching it means the
/// child hung on its input (a FIFO read waits forever).
const HUNG: Duration = Duration::from_secs(120);

fn finish(mut child: Child, what: &str) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > HUNG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still reading after {HUNG:?}; killed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn spawn(mut c: Command) -> Child {
    c.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The command fails at once with one line naming `file` and the cause.
fn refused(c: Command, what: &str, wanted: &[&str]) {
    let out = finish(spawn(c), what);
    assert!(!out.status.success(), "{what} should be refused");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{what}: one line: {err}");
    for w in wanted {
        assert!(err.contains(w), "{what}: {w:?} in {err}");
    }
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

fn add_json(desk: &TestDesk, file: &str) -> Command {
    desk.command(&["case", "add", "--json", file])
}

/// A desk with one case; its fingerprint is what "unchanged" compares.
fn desk_with_a_case() -> (TestDesk, (u64, String)) {
    let desk = TestDesk::new();
    desk.add_case("2026-11-16 09:00");
    let before = desk.fingerprint();
    (desk, before)
}

#[test]
fn case_json_from_a_device_a_fifo_or_too_large_is_refused() {
    let (desk, before) = desk_with_a_case();
    refused(
        add_json(&desk, "/dev/zero"),
        "--json /dev/zero",
        &["/dev/zero", "bukan berkas biasa"],
    );
    let fifo = desk.dir.path().join("kasus.json");
    mkfifo(&fifo);
    refused(
        add_json(&desk, fifo.to_str().unwrap()),
        "--json FIFO",
        &["kasus.json", "bukan berkas biasa"],
    );
    let huge = desk.dir.path().join("besar.json");
    let padding = " ".repeat(5 << 20);
    std::fs::write(&huge, format!("{{\"name\": \"Siti\"{padding}}}")).unwrap();
    refused(
        add_json(&desk, huge.to_str().unwrap()),
        "--json 5 MB",
        &["besar.json", "lebih dari 4 MB"],
    );
    let mut from_zero = add_json(&desk, "-");
    from_zero.stdin(std::fs::File::open("/dev/zero").unwrap());
    refused(from_zero, "--json - < /dev/zero", &["lebih dari 4 MB"]);
    assert_eq!(desk.fingerprint(), before, "nothing recorded");
}

#[test]
fn holiday_lists_and_sops_from_a_device_or_a_fifo_are_refused() {
    let (desk, before) = desk_with_a_case();
    // The config's own [calendar] and [sop] tables are replaced whole.
    let config = desk.config();
    let original = std::fs::read_to_string(&config).unwrap();
    let without = |table: &str| -> String {
        let start = original.find(&format!("\n[{table}]")).unwrap();
        let end = original[start + 1..]
            .find("\n[")
            .map_or(original.len(), |e| start + 1 + e);
        format!("{}{}", &original[..start], &original[end..])
    };
    let fifo = desk.dir.path().join("pipa.toml");
    mkfifo(&fifo);
    let holidays = |file: &Path| {
        format!(
            "{}\n[calendar]\nholiday_files = [\"{}\"]\n",
            without("calendar"),
            file.display()
        )
    };
    let sop = |file: &Path| {
        format!(
            "{}\n[sop]\npengaduan = \"{}\"\n",
            without("sop"),
            file.display()
        )
    };
    // An SOP is named by a file ending in .toml.
    let device = desk.dir.path().join("perangkat.toml");
    std::os::unix::fs::symlink("/dev/zero", &device).unwrap();
    let cases: [(String, &str, PathBuf); 4] = [
        (
            holidays(Path::new("/dev/zero")),
            "holiday /dev/zero",
            "/dev/zero".into(),
        ),
        (holidays(&fifo), "holiday FIFO", fifo.clone()),
        (sop(&device), "SOP /dev/zero", device.clone()),
        (sop(&fifo), "SOP FIFO", fifo.clone()),
    ];
    for (text, what, file) in cases {
        std::fs::write(&config, &text).unwrap();
        refused(
            desk.command(&["case", "list"]),
            what,
            &[file.to_str().unwrap(), "bukan berkas biasa"],
        );
    }
    std::fs::write(&config, &original).unwrap();
    assert_eq!(desk.fingerprint(), before, "nothing changed");
}

#[test]
fn a_config_that_is_a_fifo_is_refused() {
    let (desk, before) = desk_with_a_case();
    let fifo = desk.dir.path().join("config-pipa.toml");
    mkfifo(&fifo);
    let mut c = desk.command(&["case", "list"]);
    c.env("ADUAN_CONFIG", &fifo);
    refused(
        c,
        "config FIFO",
        &["config-pipa.toml", "bukan berkas biasa"],
    );
    assert_eq!(desk.fingerprint(), before, "nothing changed");
}
