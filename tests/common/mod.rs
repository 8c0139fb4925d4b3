//! A desk in a temporary folder, driven through the real `aduan` binary.
#![allow(dead_code)]

pub mod term;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub const NOW: &str = "2026-11-20T10:00:00+07:00";

/// A config whose signatories and officers all have names and NIPs, so
/// every document of a case can be set.
pub const OFFICE: &str = r#"
[office]
head_name = "Drs. Bambang Sutrisno, M.Si."
head_nip = "196805121994031007"
head_rank = "Pembina Utama Muda (IV/c)"
whatsapp = "0811-3300-1234"

[[people]]
name = "Operator Loket"
nip = "199001012015031001"
role = "operator"

[[people]]
name = "Kepala Seksi Penanganan Pengaduan"
nip = "197811112005011002"
role = "kasi"

[[people]]
name = "Staf Penanganan Pengaduan"
nip = "198904202015021003"
role = "staf"

[[signatories]]
role = "kabid-dip"
title = "Kepala Bidang Data, Informasi dan Pengaduan"
name = "Ir. Hartini Puspitasari"
nip = "197203151998032004"

[security]
pin = false
"#;

/// The line of the documented default config that turns PINs on.
const DEFAULT_PIN_LINE: &str = "\npin = true\n# Minutes without a key";

/// Tests not about PINs run with `[security] pin = false`: a config that
/// names no `[security]` gets it appended, and the documented default a
/// first run writes gets it switched off. A config of a PIN test says
/// `[security]` itself and is left as it is.
pub fn pins_off(config: &std::path::Path) {
    let Ok(text) = std::fs::read_to_string(config) else {
        return;
    };
    let changed = if text.contains(DEFAULT_PIN_LINE) {
        text.replace(DEFAULT_PIN_LINE, "\npin = false\n# Minutes without a key")
    } else if !text.contains("[security]") {
        format!("{text}\n[security]\npin = false\n")
    } else {
        return;
    };
    std::fs::write(config, changed).unwrap();
}

/// A file in a PIN test's folder that keeps its config's PINs on.
const PIN_TEST_MARK: &str = "pin-test";

pub struct TestDesk {
    pub dir: tempfile::TempDir,
}

impl TestDesk {
    pub fn new() -> TestDesk {
        let desk = TestDesk {
            dir: tempfile::tempdir().unwrap(),
        };
        desk.ok(&["init"]);
        pins_off(&desk.config());
        desk
    }

    /// A desk whose config says something else (appended to the defaults).
    pub fn with_config(extra: &str) -> TestDesk {
        let desk = TestDesk {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::write(desk.config(), extra).unwrap();
        // Owner-only, as aduan makes it: a looser file would be warned of.
        owner_only(&desk.config());
        desk.ok(&["init"]);
        pins_off(&desk.config());
        desk
    }

    /// A desk of a PIN test: its config is never switched to `pin = false`.
    pub fn with_pins(config: &str) -> TestDesk {
        let desk = TestDesk {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::write(desk.dir.path().join(PIN_TEST_MARK), "").unwrap();
        std::fs::write(desk.config(), config).unwrap();
        owner_only(&desk.config());
        desk.ok(&["init"]);
        desk
    }

    fn pin_test(&self) -> bool {
        self.dir.path().join(PIN_TEST_MARK).exists()
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("aduan.db")
    }

    pub fn command(&self, args: &[&str]) -> Command {
        if !self.pin_test() {
            pins_off(&self.config());
        }
        let mut c = Command::new(env!("CARGO_BIN_EXE_aduan"));
        c.args(args)
            .env("ADUAN_CONFIG", self.config())
            .env("ADUAN_DB", self.db())
            .env("ADUAN_NOW", NOW)
            .env_remove("ADUAN_OFFICE_SECRET")
            .env_remove("ADUAN_PASSPHRASE")
            .stdin(Stdio::null());
        // `init --join BUNDLE` brings the office secret as a person would
        // type it from the paper copy: that of the desk whose folder holds
        // the bundle (tests join from a bundle the founder wrote at home).
        let join = args.iter().position(|a| *a == "--join");
        if let Some(bundle) = join.and_then(|i| args.get(i + 1))
            && !args.contains(&"--join-file")
            && let Some(secret) = founder_secret(std::path::Path::new(bundle))
        {
            c.env("ADUAN_OFFICE_SECRET", secret);
        }
        c
    }

    /// This desk's office secret, as `aduan sync secret` prints it.
    pub fn office_secret(&self) -> String {
        self.ok(&["sync", "secret"]).trim().to_string()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    pub fn run_with_stdin(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "aduan {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must fail; returns its stderr, which must be one line.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        failure_line(args, out)
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let text = self.ok(args);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
    }

    /// Registers a walk-in complaint received at `received` and returns its agenda number.
    pub fn add_case(&self, received: &str) -> String {
        let v = self.json(&[
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
            received,
        ]);
        v["agenda_no"].as_str().unwrap().to_string()
    }

    /// Performs an action; extra args follow.
    pub fn act(&self, agenda: &str, action: &str, extra: &[&str]) -> serde_json::Value {
        let mut args = vec!["case", "act", agenda, "--action", action, "--json"];
        args.extend_from_slice(extra);
        self.json(&args)
    }

    /// Takes a Situbondo case from registration to `cek-data`, the staff's
    /// check of the licence records: the first step marked with notes.
    /// Edits the desk's copy of the Situbondo SOP so that staff may record
    /// the Kadis's paper decisions too.
    #[allow(dead_code)]
    pub fn let_staff_record_for_the_kadis(&self) {
        let sop = self.dir.path().join("sop").join("situbondo-pengaduan.toml");
        let text = std::fs::read_to_string(&sop).unwrap();
        // The first `recorded_by` of the file is the Kadis's.
        let edited = text.replacen(
            "recorded_by = [\"operator\", \"kasi\"]",
            "recorded_by = [\"operator\", \"kasi\", \"staf\"]",
            1,
        );
        assert_ne!(text, edited);
        std::fs::write(&sop, edited).unwrap();
    }

    pub fn walk_to_cek_data(&self, agenda: &str) {
        let kasi = "Kepala Seksi Penanganan Pengaduan";
        self.act(agenda, "disposisi", &["--as", "kadis"]);
        self.act(agenda, "disposisi", &["--as", "kabid-dip"]);
        self.act(agenda, "putuskan", &["--by", kasi, "--to", "kewenangan"]);
        let d = self.act(agenda, "selesai", &["--by", kasi]);
        assert_eq!(d["current_step"], "cek-data", "{d}");
    }

    /// The desk opened in-process, its clock fixed at [`NOW`].
    pub fn open(&self) -> aduan::service::Desk {
        let opts = aduan::service::OpenOptions {
            config: Some(self.config()),
            db: Some(self.db()),
            ..Default::default()
        };
        let mut desk = aduan::service::Desk::open(&opts).unwrap();
        desk.fixed_now = Some(
            chrono::DateTime::parse_from_rfc3339(NOW)
                .unwrap()
                .timestamp(),
        );
        desk
    }

    /// Events and projection digest: equal before and after means nothing changed.
    pub fn fingerprint(&self) -> (u64, String) {
        let v = self.json(&["check", "--json"]);
        let events = v["events"].as_u64().unwrap();
        let heads: Vec<String> = v["desks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["head"].to_string())
            .collect();
        (events, heads.join(","))
    }
}

pub fn failure_line(args: &[&str], out: Output) -> String {
    assert!(
        !out.status.success(),
        "aduan {args:?} should have failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line expected for {args:?}, got: {err}");
    assert!(lines[0].starts_with("aduan: "), "{err}");
    lines[0].to_string()
}

pub fn step_state(detail: &serde_json::Value, step: &str) -> String {
    detail["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == step)
        .unwrap()["state"]
        .as_str()
        .unwrap()
        .to_string()
}

impl TestDesk {
    /// A second desk of the office `bundle` belongs to, with its own code.
    pub fn joining(code: &str, bundle: &std::path::Path) -> TestDesk {
        let desk = TestDesk {
            dir: tempfile::tempdir().unwrap(),
        };
        desk.ok(&["init", "--join", bundle.to_str().unwrap(), "--desk", code]);
        pins_off(&desk.config());
        desk
    }

    /// Writes this desk's bundle into its own folder under `name`.
    pub fn export_to(&self, name: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        self.ok(&["sync", "export", "-o", path.to_str().unwrap()]);
        path
    }

    /// Corrects a field of a case at `at` (RFC 3339), as the first person
    /// of the config.
    pub fn correct_at(&self, at: &str, agenda: &str, field: &str, value: &str) {
        let args = [
            "case", "correct", agenda, "--field", field, "--value", value,
        ];
        let out = self.command(&args).env("ADUAN_NOW", at).output().unwrap();
        assert!(
            out.status.success(),
            "aduan {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The conflicts `case show` lists for a case.
    pub fn conflicts(&self, agenda: &str) -> Vec<serde_json::Value> {
        self.json(&["case", "show", agenda, "--json"])["conflicts"]
            .as_array()
            .unwrap()
            .clone()
    }
}

/// Two desks of one office (LKT1 founded it, LKT2 joined from its bundle),
/// each with a case of its own registered since; LKT1 does not know LKT2 yet.
pub fn two_desks() -> (TestDesk, TestDesk) {
    let a = TestDesk::new();
    a.add_case("2026-11-16 09:00");
    let b = TestDesk::joining("LKT2", &a.export_to("a0.aduan"));
    b.add_case("2026-11-17 09:00");
    (a, b)
}

/// The complainant's name of LKT1's first case corrected on both desks
/// without either seeing the other's change, then exchanged both ways: the
/// desks, which must already know each other, now show one conflict.
pub fn name_corrected_apart(a: &TestDesk, b: &TestDesk) -> String {
    let case = "0001/PGD/LKT1/2026";
    // An hour apart, so every desk orders the two the same way.
    a.correct_at("2026-11-20T08:00:00+07:00", case, "name", "Siti Aminah");
    b.correct_at("2026-11-20T09:00:00+07:00", case, "name", "Sity Aminah");
    let from_a = a.export_to("a-beda.aduan");
    let from_b = b.export_to("b-beda.aduan");
    a.ok(&["sync", "merge", from_b.to_str().unwrap()]);
    b.ok(&["sync", "merge", from_a.to_str().unwrap()]);
    assert_eq!(a.conflicts(case).len(), 1);
    case.to_string()
}

/// The office secret kept by the desk whose folder (or a folder above it)
/// holds `bundle`, if there is one.
pub fn founder_secret(bundle: &std::path::Path) -> Option<String> {
    bundle.ancestors().skip(1).find_map(|dir| {
        let kunci = std::fs::read_dir(dir.join("kunci")).ok()?;
        kunci
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with("kantor-"))
            .and_then(|e| std::fs::read_to_string(e.path()).ok())
            .map(|s| s.trim().to_string())
    })
}

/// SHA-256 of a whole file.
pub fn file_sha(path: &std::path::Path) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(std::fs::read(path).unwrap()).into()
}

/// Every agenda number a desk holds, sorted.
pub fn agendas(desk: &TestDesk) -> Vec<String> {
    let mut list: Vec<String> = desk
        .json(&["case", "list", "--json", "--limit", "0"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["agenda_no"].as_str().unwrap().to_string())
        .collect();
    list.sort();
    list
}

/// The one file a desk keeps in a shared folder.
pub fn own_name(desk: &TestDesk) -> String {
    let d = desk.open();
    format!(
        "aduan-{}-{}.aduan",
        d.local.code,
        &d.local.id.simple().to_string()[..8]
    )
}

/// A copy at `out` of the sealed `bundle`, its SQLite changed by `edit`
/// and sealed again with the office secret `holder` keeps: what someone
/// who holds the secret could do, and the signatures must still catch.
pub fn resealed(
    holder: &TestDesk,
    bundle: &std::path::Path,
    out: &std::path::Path,
    edit: impl FnOnce(&std::path::Path),
) {
    use aduan::store::seal::{self, OfficeSecret, PrivateDir, SealKind};
    let secret = OfficeSecret::parse(&holder.office_secret()).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let private = PrivateDir::new_in(scratch.path()).unwrap();
    let (preamble, plain) =
        seal::unseal(bundle, SealKind::Bundle, None, &secret, &private, "b.db").unwrap();
    edit(&plain);
    let _ = std::fs::remove_file(out);
    seal::seal(&plain, out, &preamble, &secret).unwrap();
}

/// Makes a file the test wrote owner-only, as aduan makes its own.
pub fn owner_only(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// A desk opened in this process, in `dir` (its config and database
/// there), with ids seeded by `seed` and the clock fixed at `now` (Unix
/// seconds).
pub fn open_in_process(
    dir: &std::path::Path,
    code: &str,
    seed: u64,
    now: i64,
) -> aduan::service::Desk {
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!("[desk]\ncode = \"{code}\"\nname = \"Loket {code}\"\n"),
    )
    .unwrap();
    let mut desk = aduan::service::Desk::open(&aduan::service::OpenOptions {
        config: Some(config),
        db: Some(dir.join("aduan.db")),
        ids_seed: Some(seed),
        ..aduan::service::OpenOptions::default()
    })
    .unwrap();
    desk.fixed_now = Some(now);
    desk
}
