//! Desk sync by copying files: the office and this desk's key, bundles out
//! and in, a shared folder in one step, and backups.

use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use uuid::Uuid;

use super::{Desk, Result};
use crate::domain::checkpoint::{self, Checkpoint};
use crate::i18n::{self, Msg};
use crate::store::{MergeContext, MergeError, MergeOutcome, Refusal};

/// A bundle written.
#[derive(Debug, Clone)]
pub struct Exported {
    pub path: PathBuf,
    pub events: u64,
}

/// What a folder sync did: this desk's bundle, and each bundle merged.
#[derive(Debug, Default)]
pub struct FolderSync {
    pub exported: Option<Exported>,
    pub merged: Vec<(PathBuf, MergeOutcome)>,
}

/// Why a merge or folder sync stopped: the message, and when the reason was
/// a desk not yet on the roster, that desk's code and key fingerprint, so an
/// interface can show them and ask before running again with trust.
#[derive(Debug)]
pub struct SyncFailure {
    pub msg: Msg,
    /// (desk code, key fingerprint) of the untrusted desk.
    pub untrusted: Option<Box<(String, String)>>,
}

impl From<Msg> for SyncFailure {
    fn from(msg: Msg) -> SyncFailure {
        SyncFailure {
            msg,
            untrusted: None,
        }
    }
}

/// The extension of bundle files.
pub const BUNDLE_EXT: &str = "aduan";

impl Desk {
    /// The office this desk belongs to; founded now if it has none yet.
    pub fn office(&self) -> Result<Uuid> {
        if let Some(id) = self.store.office_id().map_err(|e| self.db_error(e))? {
            return Ok(id);
        }
        let id = self.store.ids.uuid();
        self.store.set_office_id(id).map_err(|e| self.db_error(e))?;
        Ok(id)
    }

    /// Where this desk's private key lives: beside the config, never in the
    /// database or a bundle.
    pub fn key_path(&self) -> PathBuf {
        self.locations
            .config
            .parent()
            .unwrap_or(Path::new("."))
            .join("kunci")
            .join(format!("{}.ed25519", self.local.id))
    }

    /// This desk's signing key, made on first use (owner-only file).
    pub fn signing_key(&self) -> Result<SigningKey> {
        let path = self.key_path();
        let fail = |e: std::io::Error| Msg::Io {
            path: path.clone(),
            detail: i18n::io_detail(&e),
        };
        let public = self
            .store
            .desk_pubkey(self.local.n)
            .map_err(|e| self.db_error(e))?;
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let key = parse_key(&text).ok_or_else(|| Msg::KeyUnreadable(path.clone()))?;
                let mine = key.verifying_key().to_bytes();
                match public {
                    Some(p) if p != mine => Err(Msg::KeyUnreadable(path.clone())),
                    Some(_) => Ok(key),
                    None => {
                        self.store
                            .set_desk_pubkey(self.local.n, &mine)
                            .map_err(|e| self.db_error(e))?;
                        Ok(key)
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && public.is_none() => {
                let seed = self.store.ids.key_seed().map_err(fail)?;
                let key = checkpoint::key_from_seed(seed);
                write_private(&path, &key).map_err(fail)?;
                self.store
                    .set_desk_pubkey(self.local.n, &key.verifying_key().to_bytes())
                    .map_err(|e| self.db_error(e))?;
                Ok(key)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Msg::KeyMissing(path)),
            Err(e) => Err(fail(e)),
        }
    }

    /// This desk's key fingerprint, as others see it on confirmation.
    pub fn fingerprint(&self) -> Result<String> {
        Ok(checkpoint::fingerprint(
            &self.signing_key()?.verifying_key().to_bytes(),
        ))
    }

    /// Signs this desk's chain head, so every event so far is covered.
    fn sign_head(&self, office: Uuid) -> Result<Checkpoint> {
        let key = self.signing_key()?;
        let (seq, head) = self
            .store
            .chain_head(self.local.n)
            .map_err(|e| self.db_error(e))?;
        let who = checkpoint::Signer {
            desk: self.local.id,
            code: &self.local.code,
            name: &self.local.name,
        };
        let cp = checkpoint::sign(&key, office, who, seq, head);
        self.store
            .put_checkpoint(self.local.n, &cp)
            .map_err(|e| self.db_error(e))?;
        Ok(cp)
    }

    /// When this desk last exchanged bundles (wrote one or merged one).
    pub fn last_sync(&self) -> Result<Option<i64>> {
        let export = self
            .store
            .meta("last_export")
            .map_err(|e| self.db_error(e))?
            .and_then(|v| v.parse::<i64>().ok());
        let import = self.store.last_import().map_err(|e| self.db_error(e))?;
        Ok(export.max(import))
    }

    /// The default bundle name: `aduan-<desk>-<YYYYMMDD-HHMM>.aduan`.
    pub fn bundle_name(&self) -> String {
        let t = crate::domain::draft::to_local(self.now(), self.offset);
        format!(
            "aduan-{}-{}.{BUNDLE_EXT}",
            super::file_safe(&self.local.code),
            t.format("%Y%m%d-%H%M")
        )
    }

    /// Writes a bundle of every event this desk holds (signed), to a
    /// temporary name first, flushed, then renamed.
    pub fn export_bundle(&self, out: Option<&Path>, force: bool) -> Result<Exported> {
        let office = self.office()?;
        self.sign_head(office)?;
        let path = match out {
            Some(p) if p.is_dir() => p.join(self.bundle_name()),
            Some(p) => p.to_path_buf(),
            None => self.locations.export_dir.join(self.bundle_name()),
        };
        if path.exists() && !force {
            return Err(Msg::FileExists(path));
        }
        let desks = self.forwardable_desks(office)?;
        let events = write_atomically(&path, |tmp| {
            self.store
                .write_bundle(tmp, office, self.local.id, self.now(), &desks)
                .map_err(|e| self.db_error(e))
        })?;
        self.store
            .set_meta("last_export", &self.now().to_string())
            .map_err(|e| self.db_error(e))?;
        Ok(Exported { path, events })
    }

    /// The desks whose checkpoints may go into a bundle: those whose
    /// signature covers the code and name on record (one made by an older
    /// build covers neither, and waits for that desk's own next bundle).
    fn forwardable_desks(&self, office: Uuid) -> Result<Vec<i64>> {
        let held = self
            .store
            .held_checkpoints()
            .map_err(|e| self.db_error(e))?;
        Ok(held
            .into_iter()
            .filter(|(_, d, cp)| checkpoint::verify(&d.pubkey, office, &d.code, &d.name, cp))
            .map(|(n, ..)| n)
            .collect())
    }

    /// Checks a bundle and merges what this desk lacks, in one transaction.
    pub fn merge_bundle(
        &mut self,
        path: &Path,
        trust_new_desks: bool,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<MergeOutcome> {
        self.merge_bundle_explained(path, trust_new_desks, progress)
            .map_err(|f| f.msg)
    }

    /// [`Desk::merge_bundle`], telling an untrusted desk apart from other
    /// refusals.
    pub fn merge_bundle_explained(
        &mut self,
        path: &Path,
        trust_new_desks: bool,
        progress: &mut dyn FnMut(u64, u64),
    ) -> std::result::Result<MergeOutcome, SyncFailure> {
        if !path.is_file() {
            return Err(Msg::BundleRefused {
                file: path.into(),
                detail: i18n::io_detail(&std::io::Error::from(std::io::ErrorKind::NotFound)),
            }
            .into());
        }
        let office = self.office()?;
        let now = self.now();
        let sops = self.sops.clone();
        let clock = crate::domain::workflow::Clock {
            calendar: &self.calendar,
            offset: self.offset,
        };
        let mut project =
            |events: &[crate::domain::event::Event]| super::project_case(&sops, &clock, events);
        let mut ctx = MergeContext {
            office,
            trust_new_desks,
            now,
            project: &mut project,
            progress,
        };
        let db = self.locations.database.clone();
        match self.store.merge_bundle(path, &mut ctx) {
            Ok(outcome) => Ok(outcome),
            Err(MergeError::Refused(r)) => Err(SyncFailure {
                msg: Msg::BundleRefused {
                    file: path.into(),
                    detail: i18n::refusal(&r),
                },
                untrusted: match r {
                    Refusal::UntrustedDesk { code, fingerprint } => {
                        Some(Box::new((code, fingerprint)))
                    }
                    _ => None,
                },
            }),
            Err(MergeError::Store(e)) => Err(super::store_msg(e, &db).into()),
        }
    }

    /// The USB stick or shared folder in one step: writes this desk's bundle
    /// into `dir` (replacing its older ones there) and merges the newest
    /// bundle of every other desk found there.
    pub fn sync_folder(
        &mut self,
        dir: &Path,
        trust_new_desks: bool,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<FolderSync> {
        self.sync_folder_explained(dir, trust_new_desks, progress)
            .map_err(|f| f.msg)
    }

    /// [`Desk::sync_folder`], telling an untrusted desk apart from other
    /// refusals (the terminal interface asks, then runs again with trust).
    pub fn sync_folder_explained(
        &mut self,
        dir: &Path,
        trust_new_desks: bool,
        progress: &mut dyn FnMut(u64, u64),
    ) -> std::result::Result<FolderSync, SyncFailure> {
        if !dir.is_dir() {
            return Err(Msg::NotAFolder(dir.into()).into());
        }
        let mut report = FolderSync::default();
        let mine = format!("aduan-{}-", super::file_safe(&self.local.code));
        let mut theirs: Vec<PathBuf> = Vec::new();
        let entries = std::fs::read_dir(dir).map_err(|e| Msg::Io {
            path: dir.into(),
            detail: i18n::io_detail(&e),
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.extension().is_some_and(|e| e == BUNDLE_EXT) && !name.starts_with(&mine) {
                theirs.push(path);
            }
        }
        for path in newest_per_desk(theirs) {
            let outcome = self.merge_bundle_explained(&path, trust_new_desks, progress)?;
            report.merged.push((path, outcome));
        }
        let old_own: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.path())
                    .filter(|p| {
                        p.extension().is_some_and(|e| e == BUNDLE_EXT)
                            && p.file_name()
                                .is_some_and(|n| n.to_string_lossy().starts_with(&mine))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let exported = self.export_bundle(Some(dir), true)?;
        for old in old_own.into_iter().filter(|p| *p != exported.path) {
            let _ = std::fs::remove_file(old);
        }
        report.exported = Some(exported);
        self.remember_sync_folder(dir)?;
        Ok(report)
    }

    /// Writes the folder into the config file's `[sync]`, keeping the
    /// file's comments and layout.
    fn remember_sync_folder(&mut self, dir: &Path) -> Result<()> {
        let folder = dir.to_string_lossy().into_owned();
        if self.config.sync.folder == folder {
            return Ok(());
        }
        let path = self.locations.config.clone();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut doc: toml_edit::DocumentMut =
            text.parse()
                .map_err(|e: toml_edit::TomlError| Msg::ConfigWrite {
                    path: path.clone(),
                    detail: e.to_string(),
                })?;
        if !doc.contains_key("sync") {
            doc["sync"] = toml_edit::table();
        }
        doc["sync"]["folder"] = toml_edit::value(folder.clone());
        crate::export::write_new(&path, doc.to_string().as_bytes(), true).map_err(|e| {
            Msg::ConfigWrite {
                path: path.clone(),
                detail: e.text(),
            }
        })?;
        self.config.sync.folder = folder;
        Ok(())
    }

    /// A consistent copy of the whole database (`VACUUM INTO`), flushed and
    /// renamed like a bundle.
    pub fn backup(&self, out: Option<&Path>, force: bool) -> Result<PathBuf> {
        let t = crate::domain::draft::to_local(self.now(), self.offset);
        let name = format!(
            "aduan-cadangan-{}-{}.db",
            super::file_safe(&self.local.code),
            t.format("%Y%m%d-%H%M")
        );
        let path = match out {
            Some(p) if p.is_dir() => p.join(name),
            Some(p) => p.to_path_buf(),
            None => self.locations.export_dir.join(name),
        };
        if path.exists() && !force {
            return Err(Msg::FileExists(path));
        }
        write_atomically(&path, |tmp| {
            self.store.vacuum_into(tmp).map_err(|e| self.db_error(e))
        })?;
        Ok(path)
    }
}

impl Desk {
    /// Joins the office of a bundle another desk exported: this desk must
    /// hold nothing yet. Every desk in the bundle is trusted (the user chose
    /// the file); their fingerprints are returned to be shown.
    pub fn join_office(&mut self, bundle: &Path) -> Result<(MergeOutcome, Vec<(String, String)>)> {
        let events = self.store.count_events().map_err(|e| self.db_error(e))?;
        if events > 0 {
            return Err(Msg::JoinNotEmpty(self.locations.database.clone()));
        }
        let office = crate::store::bundle_office(bundle).ok_or_else(|| Msg::BundleRefused {
            file: bundle.into(),
            detail: i18n::refusal(&crate::store::Refusal::NotABundle),
        })?;
        self.store
            .set_office_id(office)
            .map_err(|e| self.db_error(e))?;
        let outcome = self.merge_bundle(bundle, true, &mut |_, _| {})?;
        Ok((outcome, self.roster_fingerprints()?))
    }

    /// Every desk on the roster, as (code, key fingerprint).
    pub fn roster_fingerprints(&self) -> Result<Vec<(String, String)>> {
        Ok(self
            .store
            .roster()
            .map_err(|e| self.db_error(e))?
            .into_iter()
            .map(|d| (d.code, checkpoint::fingerprint(&d.pubkey)))
            .collect())
    }

    /// Replaces the database with a backup of this same desk (SQLite's
    /// backup API, in place). Until the desk has merged a bundle from
    /// another desk, it refuses to write: only then does it know how far
    /// the office has seen its chain, so it never forks itself. `alone`
    /// (an office of one desk) lifts that at once.
    pub fn restore(&mut self, file: &Path, alone: bool) -> Result<()> {
        let refused = |detail: String| Msg::RestoreRefused {
            file: file.into(),
            detail,
        };
        let backup = crate::store::Store::open(file)
            .map_err(|e| refused(super::store_msg(e, file).text()))?;
        let theirs = backup.local_desk().ok().flatten();
        if theirs.as_ref().map(|d| d.id) != Some(self.local.id) {
            return Err(refused(i18n::n(i18n::N::OtherDeskBackup).to_string()));
        }
        let office = self.store.office_id().ok().flatten();
        let backup_office = backup.office_id().ok().flatten();
        if office.is_some() && backup_office.is_some() && office != backup_office {
            return Err(refused(i18n::n(i18n::N::OtherOfficeBackup).to_string()));
        }
        drop(backup);
        self.store
            .restore_from(file, !alone)
            .map_err(|e| self.db_error(e))
    }
}

/// The desks (code, name) on the roster of a bundle, read before anything
/// is created, so a join under a code the office holds changes nothing.
pub fn bundle_desks(bundle: &Path) -> Result<Vec<(String, String)>> {
    crate::store::bundle_roster(bundle).ok_or_else(|| Msg::BundleRefused {
        file: bundle.into(),
        detail: i18n::refusal(&Refusal::NotABundle),
    })
}

fn parse_key(text: &str) -> Option<SigningKey> {
    let hex = text.trim();
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
        })
        .collect::<Option<_>>()?;
    Some(checkpoint::key_from_seed(bytes.try_into().ok()?))
}

/// Creates the key file readable by its owner only, never replacing one.
fn write_private(path: &Path, key: &SigningKey) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    let hex: String = key.to_bytes().iter().map(|b| format!("{b:02x}")).collect();
    file.write_all(hex.as_bytes())?;
    file.sync_all()
}

/// Runs `write` on a temporary name beside `path`, flushes the result to
/// disk and renames it into place, so a half-written file never carries the
/// real name. The temporary file is removed on failure.
fn write_atomically<T>(path: &Path, write: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let fail = |e: std::io::Error| Msg::Io {
        path: path.into(),
        detail: i18n::io_detail(&e),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".sementara");
    let tmp = PathBuf::from(tmp);
    let _ = std::fs::remove_file(&tmp);
    let done = write(&tmp).and_then(|value| {
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(fail)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(value)
    });
    if done.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    done
}

/// Of several bundles, the newest of each desk (by the time in its header).
fn newest_per_desk(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut best: std::collections::BTreeMap<String, (i64, PathBuf)> = Default::default();
    for path in paths {
        let Some((desk, at)) = crate::store::bundle_origin(&path) else {
            // Not readable as a bundle: merging it says why.
            best.insert(path.to_string_lossy().into_owned(), (0, path));
            continue;
        };
        match best.get(&desk) {
            Some((t, _)) if *t >= at => {}
            _ => {
                best.insert(desk, (at, path));
            }
        }
    }
    best.into_values().map(|(_, p)| p).collect()
}
