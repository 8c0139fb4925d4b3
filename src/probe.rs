//! Entry points for fuzzing: one function per kind of file aduan reads from
//! bytes it cannot trust. Each does with the bytes what aduan does with such
//! a file, up to the point where it would act on it, and throws the result
//! away; error messages are rendered too, since printing them is part of
//! what aduan does. None of them may panic, whatever the bytes: the fuzz
//! targets in `fuzz/` call them, and `tests/fuzz_corpora.rs` replays the
//! kept corpora through them on the stable toolchain.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crate::config;
use crate::domain::agenda::AgendaFormat;
use crate::domain::draft::{self, DraftContext};
use crate::domain::sop::Sop;
use crate::i18n::Msg;
use crate::paper::DocKind;
use crate::paper::engine;
use crate::paper::templates::{self, TemplateSet};
use crate::service::{Desk, OpenOptions};

/// The moment every probe takes as now (2026-11-20 10:00 at UTC+7), so a
/// replayed input behaves as it did when it was found.
pub const NOW: i64 = 1_795_143_600;

/// A template text longer than this is cut: a Typst compilation is slow, and
/// a fuzzer learns more from many small templates than from few large ones.
pub const TEMPLATE_CAP: usize = 4 << 10;

/// `case add --json`: the bytes as the JSON file, read as text, parsed and
/// validated into the case it would register.
pub fn case_json(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let draft = match draft::from_json(text) {
        Ok(draft) => draft,
        Err(e) => {
            let msg = Msg::JsonInput {
                line: e.line(),
                column: e.column(),
                detail: e.to_string(),
            };
            std::hint::black_box(msg.to_string());
            return;
        }
    };
    let ctx = DraftContext {
        now: NOW,
        offset: chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7 is an offset"),
    };
    if let Err(errors) = draft::validate(&draft, &ctx, Vec::new(), None) {
        std::hint::black_box(Msg::DraftInvalid(errors).to_string());
    }
}

/// An SOP file: parsed and checked as the desk's SOP loader does.
pub fn sop(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match Sop::parse("sop.toml", text) {
        Ok(sop) => {
            std::hint::black_box(crate::domain::standards::branches(&sop));
        }
        Err(e) => {
            std::hint::black_box(Msg::SopFile(e).to_string());
        }
    }
}

/// `config.toml`: parsed and checked as opening a desk does (offset, office
/// hours, agenda format, the `[keys]` overrides). The holiday files it names
/// are not read: they are files of their own.
pub fn config(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let config = match config::parse(Path::new("config.toml"), text) {
        Ok(config) => config,
        Err(e) => {
            std::hint::black_box(crate::service::config_msg(e).to_string());
            return;
        }
    };
    if let Err(e) = AgendaFormat::parse(&config.agenda.format) {
        std::hint::black_box(Msg::AgendaFormat(e).to_string());
    }
    if let Err(e) = crate::ui::keymap::KeyMap::from_config(&config, text) {
        std::hint::black_box(e.text());
    }
    std::hint::black_box(config.paths(Path::new("config.toml"), None));
}

/// A document template edited by the office (`template check`): the first
/// byte picks which shipped template the rest replaces, the second which
/// of the documents that use it is set with its example data.
pub fn template(bytes: &[u8]) {
    let [pick_file, pick_kind, rest @ ..] = bytes else {
        return;
    };
    let Ok(text) = std::str::from_utf8(&rest[..rest.len().min(TEMPLATE_CAP)]) else {
        return;
    };
    let (name, _) = templates::SHIPPED[*pick_file as usize % templates::SHIPPED.len()];
    let kinds = kinds_using(name);
    let kind = kinds[*pick_kind as usize % kinds.len()];
    let mut set = TemplateSet::shipped();
    set.files.insert(name.to_string(), text.as_bytes().to_vec());
    let inputs = set.inputs(kind, templates::sample(kind).as_bytes(), None);
    if let Err(problems) = engine::page_count(&inputs) {
        let msg =
            crate::service::documents::template_msg(templates::TemplateError::Problems(problems));
        std::hint::black_box(msg.to_string());
    }
}

/// The documents `template check` sets for a template: those whose main file
/// it is, else (a file others include) every one.
fn kinds_using(name: &str) -> Vec<DocKind> {
    let every = DocKind::OF_CASE.into_iter().chain([DocKind::Rekap]);
    let direct: Vec<DocKind> = every.clone().filter(|k| k.template() == name).collect();
    if direct.is_empty() {
        every.collect()
    } else {
        direct
    }
}

/// A bundle handed to a merge: the bytes written to a file, its header read,
/// then merged into a desk of the office made once per process (which
/// trusts desks it does not know yet, so a well-signed bundle of a new desk
/// gets as far as it can).
pub fn bundle(bytes: &[u8]) {
    let Some(place) = merging_desk() else {
        return;
    };
    let Ok(mut place) = place.lock() else {
        return;
    };
    let file = place.dir.join("input.aduan");
    if std::fs::write(&file, bytes).is_err() {
        return;
    }
    if let Err(e) = crate::store::read_header(&file) {
        std::hint::black_box(format!("{e:?}"));
    }
    if let Err(e) = place.desk.merge_bundle(&file, true, &mut |_, _| {}) {
        std::hint::black_box(e.to_string());
    }
    let _ = std::fs::remove_file(&file);
}

struct MergingDesk {
    desk: Desk,
    dir: PathBuf,
    /// Removes the folder when the process ends normally.
    _keep: TempFolder,
}

fn merging_desk() -> Option<&'static Mutex<MergingDesk>> {
    static DESK: OnceLock<Option<Mutex<MergingDesk>>> = OnceLock::new();
    DESK.get_or_init(|| make_merging_desk().map(Mutex::new))
        .as_ref()
}

/// A desk that joined the office of [`sample_bundle`]'s desk from that
/// desk's first, empty bundle: so the sample and anything grown from it
/// reach the merge proper instead of a refusal for another office.
fn make_merging_desk() -> Option<MergingDesk> {
    let keep = TempFolder::new("aduan-probe")?;
    let founding = founding_desk(&keep.0.join("founding")).ok()?;
    let empty = keep.0.join("empty.aduan");
    founding.export_bundle(Some(&empty), true).ok()?;
    let mut desk = open_desk(&keep.0.join("merging"), 16, ("PRB", "Loket Probe")).ok()?;
    desk.join_office(&empty, &probe_secret()).ok()?;
    let dir = keep.0.clone();
    Some(MergingDesk {
        desk,
        dir,
        _keep: keep,
    })
}

/// A small real bundle of the office the bundle probe's desk belongs to:
/// two cases, one moved a step on. Written at `out`; the desk that wrote it
/// lives in `work`. For seeding the bundle corpus.
pub fn sample_bundle(work: &Path, out: &Path) -> Result<(), Msg> {
    let mut founding = founding_desk(work)?;
    founding.export_bundle(Some(&work.join("empty.aduan")), true)?;
    let who = founding.acting_as(None, None)?;
    for (name, phone) in [
        ("Siti Aminah", "081234567890"),
        ("Budi Santoso", "085711112222"),
    ] {
        let draft = draft::CaseDraft {
            name: name.into(),
            phone: phone.into(),
            subject: "Izin usaha belum terbit".into(),
            description: "Permohonan sudah lengkap, izin belum terbit.".into(),
            received_at: "2026-11-19 09:30".into(),
            ..Default::default()
        };
        founding.register(&draft, &who)?;
    }
    founding.export_bundle(Some(out), true)?;
    Ok(())
}

/// The office's first desk, always with the same ids, key and office
/// secret: so a bundle kept in the corpus opens in every later run.
fn founding_desk(dir: &Path) -> Result<Desk, Msg> {
    let desk = open_desk(dir, 15, ("FND", "Loket Induk"))?;
    if !desk.has_office_secret()? {
        desk.keep_office_secret(&probe_secret())?;
    }
    Ok(desk)
}

/// The probe office's secret (fixed: it guards only synthetic data).
fn probe_secret() -> crate::store::seal::OfficeSecret {
    const SECRET: &str =
        "AGE-SECRET-KEY-1QYPQXPQ9QCRSSZG2PVXQ6RS0ZQG3YYC5Z5TPWXQERGD3C8G7RUSQGPQYEE";
    crate::store::seal::OfficeSecret::parse(SECRET).expect("a valid age identity")
}

fn open_desk(dir: &Path, seed: u64, (code, name): (&str, &str)) -> Result<Desk, Msg> {
    std::fs::create_dir_all(dir).map_err(|e| Msg::Io {
        path: dir.into(),
        detail: e.to_string(),
    })?;
    let opts = OpenOptions {
        config: Some(dir.join("config.toml")),
        db: Some(dir.join("aduan.db")),
        ids_seed: Some(seed),
        register: Some((code.into(), name.into())),
    };
    let mut desk = Desk::open(&opts)?;
    desk.fixed_now = Some(NOW);
    Ok(desk)
}

/// A folder of its own under the system's temporary folder, removed on drop.
struct TempFolder(PathBuf);

impl TempFolder {
    fn new(prefix: &str) -> Option<TempFolder> {
        let nonce = uuid::Uuid::new_v4().simple();
        let path = std::env::temp_dir().join(format!("{prefix}-{nonce}"));
        std::fs::create_dir_all(&path).ok()?;
        Some(TempFolder(path))
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
