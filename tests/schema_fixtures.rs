//! Desks written by earlier builds, one for each schema version they wrote
//! (`tests/fixtures/schema-vN`, made by `scripts/make-fixtures`), opened by
//! this build: each must come up at the latest schema, pass `aduan check`,
//! and give the cases, deadlines and recap the old build gave.

mod common;

use std::path::Path;

use common::TestDesk;
use serde_json::Value;

/// What the old build printed of its desk (`expected.json`).
struct Expected {
    /// The schema version the old build wrote.
    schema: usize,
    now: String,
    list: Vec<Value>,
    shows: Vec<Value>,
    recap: Value,
}

fn expected(fixture: &Path) -> Expected {
    let text = std::fs::read_to_string(fixture.join("expected.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    Expected {
        schema: fixture
            .to_str()
            .and_then(|f| f.rsplit("schema-v").next())
            .and_then(|n| n.parse().ok())
            .unwrap(),
        now: v["now"].as_str().unwrap().to_string(),
        list: v["list"].as_array().unwrap().clone(),
        shows: v["shows"].as_array().unwrap().clone(),
        recap: v["recap"].clone(),
    }
}

/// A copy of the fixture's desk in a temporary folder: opening a desk
/// migrates it, so the fixture itself is never opened.
fn copy_of(fixture: &Path) -> TestDesk {
    let desk = TestDesk {
        dir: tempfile::tempdir().unwrap(),
    };
    copy_tree(fixture, desk.dir.path());
    std::fs::remove_file(desk.dir.path().join("expected.json")).unwrap();
    common::pins_off(&desk.config());
    desk
}

/// Copies files owner-only, as aduan made them: a checkout leaves them
/// readable by others, which `aduan check` would rightly report.
fn copy_tree(from: &Path, to: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(to).unwrap();
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o700)).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
            std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    }
}

/// Runs the current build on the copy at the fixture's clock.
fn json_at(desk: &TestDesk, now: &str, args: &[&str]) -> Value {
    let out = desk.command(args).env("ADUAN_NOW", now).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "aduan {args:?} failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn user_version(db: &Path) -> usize {
    let conn = rusqlite::Connection::open(db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    version as usize
}

/// Every value the old build gave under `keys` must be what this build
/// gives; a key the old build did not print is not compared.
fn compare_keys(what: &str, old: &Value, new: &Value, keys: &[&str], diffs: &mut Vec<String>) {
    for key in keys {
        let Some(was) = old.get(key) else { continue };
        let is = new.get(key).unwrap_or(&Value::Null);
        if was != is {
            diffs.push(format!("{what} {key}: was {was}, now {is}"));
        }
    }
}

/// The whole of the old value against the new one, key by key; keys only
/// the new build prints are left out.
fn compare_all(what: &str, old: &Value, new: &Value, diffs: &mut Vec<String>) {
    match (old, new) {
        (Value::Object(was), Value::Object(is)) => {
            for (key, value) in was {
                let path = format!("{what}.{key}");
                match is.get(key) {
                    Some(now) => compare_all(&path, value, now, diffs),
                    None => diffs.push(format!("{path}: was {value}, now missing")),
                }
            }
        }
        (Value::Array(was), Value::Array(is)) if was.len() == is.len() => {
            for (i, (was, is)) in was.iter().zip(is).enumerate() {
                compare_all(&format!("{what}[{i}]"), was, is, diffs);
            }
        }
        (Value::Number(was), Value::Number(is)) if was.as_f64() == is.as_f64() => {}
        _ if old != new => diffs.push(format!("{what}: was {old}, now {new}")),
        _ => {}
    }
}

/// What `case list` says of each case: its number, status, step and deadline.
const LIST_KEYS: &[&str] = &[
    "agenda_no",
    "kind",
    "status",
    "step",
    "step_actor",
    "deadline",
    "deadline_flags",
    "forwarded_to",
    "received_at",
    "closed_at",
];

/// What `case show` says of each case, the checklist's steps included.
const SHOW_KEYS: &[&str] = &[
    "kind",
    "status",
    "current_step",
    "deadline",
    "deadline_flags",
    "forwarded_to",
    "received_at",
    "closed_at",
    "confidential",
    "anonymous",
    "overdue",
    "workdays_used",
    "steps",
];

fn compare_cases(desk: &TestDesk, old: &Expected, diffs: &mut Vec<String>) {
    let list = json_at(
        desk,
        &old.now,
        &["case", "list", "--limit", "100", "--json"],
    );
    let list = list.as_array().unwrap();
    let numbers =
        |cases: &[Value]| -> Vec<Value> { cases.iter().map(|c| c["agenda_no"].clone()).collect() };
    assert_eq!(numbers(list), numbers(&old.list), "the cases listed");
    for (was, is) in old.list.iter().zip(list) {
        compare_keys(
            &format!("list {}", was["agenda_no"]),
            was,
            is,
            LIST_KEYS,
            diffs,
        );
    }
    for was in &old.shows {
        let agenda = was["agenda_no"].as_str().unwrap();
        let is = json_at(desk, &old.now, &["case", "show", agenda, "--json"]);
        let what = format!("show {agenda}");
        let keys: Vec<&str> = SHOW_KEYS
            .iter()
            .copied()
            .filter(|k| *k != "steps")
            .filter(|k| !(*k == "workdays_used" && counted_closed_cases_to_now(old, was)))
            .collect();
        compare_keys(&what, was, &is, &keys, diffs);
        compare_steps(&what, &was["steps"], &steps_of(&is), diffs);
    }
}

/// Builds up to schema 8 counted a closed case's working days on to the
/// clock (41 for a case closed the day after it came); later builds stop at
/// the closing, as the deadline does. The old figure was wrong, so it is
/// not the one to keep.
fn counted_closed_cases_to_now(old: &Expected, case: &Value) -> bool {
    old.schema <= 8 && case["status"] == "closed"
}

/// The checklist of old builds listed every step of the SOP, the branch not
/// taken too; this build lists the steps of the case's own path. Each step
/// listed must be in the state the old build gave it, and a step no longer
/// listed must have been one not reached.
fn compare_steps(what: &str, old: &Value, new: &Value, diffs: &mut Vec<String>) {
    let (Some(old), Some(new)) = (old.as_array(), new.as_array()) else {
        return;
    };
    for step in old {
        let listed = new.iter().find(|s| s["id"] == step["id"]);
        match listed {
            Some(s) if s["state"] == step["state"] => {}
            None if step["state"] == "pending" => {}
            _ => diffs.push(format!(
                "{what} step {}: was {}, now {}",
                step["id"],
                step["state"],
                listed.map_or(Value::Null, |s| s["state"].clone())
            )),
        }
    }
    for step in new {
        if !old.iter().any(|s| s["id"] == step["id"]) {
            diffs.push(format!("{what} step {} is new", step["id"]));
        }
    }
}

/// A checklist as the fixture keeps it: each step's id and state.
fn steps_of(show: &Value) -> Value {
    let steps = show["steps"].as_array().cloned().unwrap_or_default();
    steps
        .iter()
        .map(|s| serde_json::json!({"id": s["id"], "state": s["state"]}))
        .collect()
}

fn compare_recap(desk: &TestDesk, old: &Expected, diffs: &mut Vec<String>) {
    let Some(months) = old.recap.as_object() else {
        return;
    };
    for (month, was) in months {
        // Builds before the recap (schema 4 and older) printed none.
        if was.is_null() {
            continue;
        }
        let is = json_at(
            desk,
            &old.now,
            &["recap", "--month", month, "--format", "json"],
        );
        compare_all(&format!("recap {month}"), was, &is, diffs);
    }
}

fn check_passes(desk: &TestDesk, old: &Expected) {
    let v = json_at(desk, &old.now, &["check", "--json"]);
    assert_eq!(v["integrity"], serde_json::json!(["ok"]), "{v}");
    assert_eq!(v["chain_problems"], serde_json::json!([]), "{v}");
    assert_eq!(v["events_not_applied"], 0, "{v}");
    assert_eq!(v["cases"], old.list.len(), "{v}");
}

fn opens_as_the_old_build_left_it(fixture: &str) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    let old = expected(&fixture);
    let desk = copy_of(&fixture);
    let mut diffs = Vec::new();
    compare_cases(&desk, &old, &mut diffs);
    assert_eq!(user_version(&desk.db()), aduan::store::schema::LATEST);
    compare_recap(&desk, &old, &mut diffs);
    check_passes(&desk, &old);
    assert!(diffs.is_empty(), "{fixture:?}:\n{}", diffs.join("\n"));
}

macro_rules! fixture_tests {
    ($($name:ident => $dir:literal,)*) => {
        $(#[test]
        fn $name() {
            opens_as_the_old_build_left_it($dir);
        })*
    };
}

fixture_tests! {
    schema_v1 => "schema-v1",
    schema_v2 => "schema-v2",
    schema_v3 => "schema-v3",
    schema_v4 => "schema-v4",
    schema_v5 => "schema-v5",
    schema_v7 => "schema-v7",
    schema_v8 => "schema-v8",
    schema_v9 => "schema-v9",
    schema_v10 => "schema-v10",
    schema_v11 => "schema-v11",
    schema_v12 => "schema-v12",
    schema_v13 => "schema-v13",
}
