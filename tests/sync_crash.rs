//! A merge killed with SIGKILL at a random moment, a hundred times: the
//! database always passes `aduan check` and holds all of the bundle's events
//! or none of them.

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
    std::fs::write(b.config(), "[desk]\ncode = \"LKT2\"\nname = \"Loket 2\"\n").unwrap();
    b.ok(&["init", "--join", first.to_str().unwrap()]);
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
    let (mut none, mut all) = (0, 0);
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
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let check = work.run(&["check"]);
        assert!(
            check.status.success(),
            "round {round}, killed after {delay:?}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        match events(&work) {
            n if n == before => none += 1,
            n if n == after => all += 1,
            n => panic!("round {round}: {n} events, neither {before} nor {after}"),
        }
    }
    println!("killed 100 merges: {none} left nothing, {all} finished");
}
