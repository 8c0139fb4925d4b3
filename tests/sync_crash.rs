//! A merge killed with SIGKILL at a random moment, a hundred times: the
//! database always passes `aduan check` and holds all of the bundle's events
//! or none of them. The kills are counted by what the merge was doing: a
//! test whose kills all land before the merge writes would prove nothing,
//! so some must land while it writes (bytes written, from `/proc`).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::TestDesk;
use rand::{Rng, SeedableRng};

fn events(desk: &TestDesk) -> u64 {
    desk.json(&["check", "--json"])["events"].as_u64().unwrap()
}

fn copy_desk(from: &Path, to: &Path) {
    for entry in walk(from) {
        let rel = entry.strip_prefix(from).unwrap();
        let target = to.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &target).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_merge_killed_at_any_moment_leaves_all_or_nothing() {
    let a = TestDesk::new();
    let first = a.dir.path().join("a.aduan");
    a.ok(&["sync", "export", "-o", first.to_str().unwrap()]);
    a.add_case("2026-11-16 09:00");
    let b = TestDesk {
        dir: tempfile::tempdir().unwrap(),
    };
    b.ok(&["init", "--join", first.to_str().unwrap(), "--desk", "LKT2"]);
    b.ok(&[
        "demo", "--cases", "1500", "--from", "2026-06", "--to", "2026-10",
    ]);
    let bundle = b.dir.path().join("b.aduan");
    b.ok(&["sync", "export", "-o", bundle.to_str().unwrap()]);

    let before = events(&a);
    // A full merge, timed, so the kills fall inside one.
    let full = TestDesk {
        dir: tempfile::tempdir().unwrap(),
    };
    copy_desk(a.dir.path(), full.dir.path());
    let start = Instant::now();
    full.ok(&[
        "sync",
        "merge",
        bundle.to_str().unwrap(),
        "--trust-new-desk",
    ]);
    let took = start.elapsed();
    let after = events(&full);
    assert!(after > before + 10_000, "{before} → {after}");

    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let (mut none, mut all, mut while_writing) = (0, 0, 0);
    for round in 0..100 {
        let work = TestDesk {
            dir: tempfile::tempdir().unwrap(),
        };
        copy_desk(a.dir.path(), work.dir.path());
        let mut child = work
            .command(&[
                "sync",
                "merge",
                bundle.to_str().unwrap(),
                "--trust-new-desk",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let delay = Duration::from_micros(rng.random_range(0..took.as_micros() as u64 * 11 / 10));
        std::thread::sleep(delay);
        let written = bytes_written(child.id());
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let check = work.run(&["check"]);
        assert!(
            check.status.success(),
            "round {round}, killed after {delay:?}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        let finished = match events(&work) {
            n if n == before => false,
            n if n == after => true,
            n => panic!("round {round}: {n} events, neither {before} nor {after}"),
        };
        if finished {
            all += 1;
        } else {
            none += 1;
            // Still running, and it had written part of its transaction.
            if written.is_some_and(|w| w > WRITING) {
                while_writing += 1;
            }
        }
    }
    println!(
        "killed 100 merges: {none} left nothing ({while_writing} of them while writing), {all} finished"
    );
    assert!(
        while_writing >= 3,
        "only {while_writing} kills landed while the merge was writing"
    );
}

/// More than opening a desk writes: the merge's own pages are going out.
const WRITING: u64 = 256 * 1024;

/// Bytes the process has written so far (`wchar` of `/proc/PID/io`).
fn bytes_written(pid: u32) -> Option<u64> {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).ok()?;
    io.lines()
        .find_map(|l| l.strip_prefix("wchar:"))
        .and_then(|v| v.trim().parse().ok())
}
