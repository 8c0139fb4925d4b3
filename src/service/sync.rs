//! Desk sync by copying files: the office and this desk's key, bundles out
//! and in, a shared folder in one step, and backups.

use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use uuid::Uuid;

use std::collections::{BTreeMap, BTreeSet};

use super::{Desk, Result};
use crate::domain::checkpoint::{self, Checkpoint};
use crate::i18n::{self, Msg, SkipWhy};
use crate::store::seal::{self, OfficeSecret, Preamble, SealKind, UnsealError};
use crate::store::{HeaderError, MergeContext, MergeError, MergeOutcome, Refusal, StoreError};

/// A bundle written.
#[derive(Debug, Clone)]
pub struct Exported {
    pub path: PathBuf,
    pub events: u64,
}

/// What a folder sync did: this desk's bundle, each bundle merged, each file
/// left alone and why, and the known desks that had no bundle there.
#[derive(Debug, Default)]
pub struct FolderSync {
    pub exported: Option<Exported>,
    pub merged: Vec<(PathBuf, MergeOutcome)>,
    pub skipped: Vec<Skipped>,
    pub missing: Vec<MissingDesk>,
}

/// A file in the sync folder that was neither merged nor touched.
#[derive(Debug)]
pub struct Skipped {
    pub path: PathBuf,
    pub why: Skip,
}

/// Why a file was skipped.
#[derive(Debug)]
pub enum Skip {
    /// A temporary or conflict copy (a file-sync tool's, or aduan's own).
    ToolCopy,
    /// Listed, then gone before it could be read.
    Vanished,
    Unreadable(String),
    /// Read as a bundle and refused, an untrusted desk among the reasons.
    Refused(Refusal),
}

/// A desk on the roster with no bundle in the folder this time.
#[derive(Debug)]
pub struct MissingDesk {
    pub code: String,
    /// When a bundle it wrote was last merged here (local time), if ever.
    pub last_merged: Option<String>,
}

impl Skipped {
    /// One line naming the file (its whole path, or only its name where the
    /// folder is on screen) and the reason.
    pub fn line(&self, whole_path: bool) -> String {
        let reason = match &self.why {
            Skip::ToolCopy => i18n::sync_skip_reason(SkipWhy::ToolCopy),
            Skip::Vanished => i18n::sync_skip_reason(SkipWhy::Vanished),
            Skip::Unreadable(d) => i18n::sync_skip_reason(SkipWhy::Unreadable(d)),
            Skip::Refused(r) => i18n::refusal(r),
        };
        let file = if whole_path {
            self.path.display().to_string()
        } else {
            file_name(&self.path)
        };
        i18n::sync_skipped(&file, &reason)
    }
}

impl FolderSync {
    /// The desks whose bundles wait for trust, as (code, key fingerprint).
    pub fn untrusted(&self) -> Vec<(String, String)> {
        let mut desks: Vec<(String, String)> = Vec::new();
        for s in &self.skipped {
            if let Skip::Refused(Refusal::UntrustedDesk { code, fingerprint }) = &s.why {
                let desk = (code.clone(), fingerprint.clone());
                if !desks.contains(&desk) {
                    desks.push(desk);
                }
            }
        }
        desks
    }

    /// A line for each file skipped and each known desk missing.
    pub fn warnings(&self, whole_paths: bool) -> Vec<String> {
        let skipped = self.skipped.iter().map(|s| s.line(whole_paths));
        let missing = self
            .missing
            .iter()
            .map(|m| i18n::sync_missing(&m.code, m.last_merged.as_deref()));
        skipped.chain(missing).collect()
    }
}

/// A file's name for a line on screen.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    )
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
            Err(e) => Err(Msg::Seal(Box::new(i18n::seal::SealMsg::KeyUnreadable {
                path,
                detail: i18n::io_detail(&e),
            }))),
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
    /// temporary name first, flushed, then renamed. Into a folder (the
    /// export folder without `out`) it goes under the dated name, so bundles
    /// carried by hand keep their history and never replace one another.
    pub fn export_bundle(&self, out: Option<&Path>, force: bool) -> Result<Exported> {
        let path = match out {
            Some(p) if p.is_dir() => p.join(self.bundle_name()),
            Some(p) => p.to_path_buf(),
            None => self.locations.export_dir.join(self.bundle_name()),
        };
        if path.exists() && !force {
            return Err(Msg::FileExists(path));
        }
        self.export_to(path)
    }

    /// Signs the chain head and writes the bundle at `path`, replacing what
    /// is there in one rename.
    fn export_to(&self, path: PathBuf) -> Result<Exported> {
        let office = self.office().map_err(|e| self.unsigned(e))?;
        let secret = self.office_secret()?;
        self.sign_head(office).map_err(|e| self.unsigned(e))?;
        let desks = self.forwardable_desks(office)?;
        let scratch = self.scratch()?;
        let plain = scratch.file("bundle.db");
        let now = self.now();
        let events = self
            .store
            .write_bundle(&plain, office, self.local.id, now, &desks)
            .map_err(|e| self.db_error(e))?;
        let preamble = self.preamble(SealKind::Bundle, office, now, &secret);
        write_atomically(&path, |tmp| seal_into(&plain, tmp, &preamble, &secret))?;
        drop(scratch);
        // The bundle is whole: a database with no room to note the time of
        // the export (shown as the last sync) does not undo it.
        let _ = self.store.set_meta("last_export", &self.now().to_string());
        Ok(Exported { path, events })
    }

    /// Signing the chain head records a checkpoint in the database: on a
    /// full database disk, say so rather than a change rolled back.
    fn unsigned(&self, e: Msg) -> Msg {
        match e {
            Msg::DiskFull => Msg::ExportNeedsRoom(self.locations.database.clone()),
            _ if self.store.read_only() => Msg::ExportNeedsRoom(self.locations.database.clone()),
            e => e,
        }
    }

    /// The plaintext head of a file this desk seals now.
    fn preamble(&self, kind: SealKind, office: Uuid, at: i64, secret: &OfficeSecret) -> Preamble {
        Preamble {
            kind,
            office,
            exported_by: self.local.id,
            exported_at: at,
            secret_id: secret.id(),
        }
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
        let refused = |detail: String| Msg::BundleRefused {
            file: path.into(),
            detail,
        };
        if path.is_dir() {
            return Err(refused(i18n::refusal(&Refusal::Folder)));
        }
        if !path.is_file() {
            let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
            return Err(refused(i18n::io_detail(&missing)));
        }
        let office = self.office()?;
        // Asked first: a desk without the secret is told how to get one.
        self.office_secret()?;
        let db = self.locations.database.clone();
        let outcome = match self.merge_file(path, office, trust_new_desks, progress) {
            Ok(outcome) => outcome,
            Err(MergeError::Refused(r)) => return Err(refused(i18n::refusal(&r))),
            Err(MergeError::Store(e)) => return Err(super::store_msg(e, &db)),
        };
        // Merging a file again that brings nothing leaves the database as it
        // was; anything new is worth remembering the bundle's desk by.
        if outcome != MergeOutcome::default()
            && let Ok(header) = crate::store::read_header(path)
        {
            self.note_merged(header.exported_by)?;
        }
        Ok(outcome)
    }

    /// The merge itself, its refusal left for the caller to word.
    fn merge_file(
        &mut self,
        path: &Path,
        office: Uuid,
        trust_new_desks: bool,
        progress: &mut dyn FnMut(u64, u64),
    ) -> std::result::Result<MergeOutcome, MergeError> {
        let now = self.now();
        let secret = self
            .office_secret()
            .map_err(|m| MergeError::Store(StoreError::Sqlite(m.text())))?;
        let scratch = self.locations.database.parent().map(Path::to_path_buf);
        let scratch = scratch
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."));
        let mut project = super::projector(&self.sops, &self.calendar, self.offset);
        let mut ctx = MergeContext {
            office,
            trust_new_desks,
            now,
            project: &mut project,
            progress,
            secret: &secret,
            scratch: &scratch,
        };
        self.store.merge_bundle(path, &mut ctx)
    }

    /// Remembers that a bundle written by `desk` was merged now.
    fn note_merged(&self, desk: Uuid) -> Result<()> {
        self.store
            .set_meta(&merged_key(desk), &self.now().to_string())
            .map_err(|e| self.db_error(e))
    }

    /// The USB stick or shared folder in one step: merges the newest good
    /// bundle of every other desk found there and writes this desk's own, under
    /// the one name that is this desk's alone. Files are told apart by
    /// their headers, never their names: a file that is not this desk's is
    /// never replaced or removed, and one that cannot be merged is named in
    /// [`FolderSync::skipped`] while the rest go on. Fails only when this
    /// desk's own bundle could not be written.
    pub fn sync_folder(
        &mut self,
        dir: &Path,
        trust_new_desks: bool,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<FolderSync> {
        if !dir.is_dir() {
            return Err(Msg::NotAFolder(dir.into()));
        }
        let office = self.office()?;
        self.office_secret()?;
        // Before any temporary file appears, so a file-sync tool never
        // picks one up.
        ensure_stignore(dir);
        let survey = self.survey_folder(dir, office)?;
        let mut report = FolderSync {
            skipped: survey.skipped,
            ..FolderSync::default()
        };
        for (from, paths) in survey.by_desk {
            self.merge_newest(from, paths, office, trust_new_desks, progress, &mut report)?;
        }
        report.missing = self.missing_desks(&survey.seen)?;
        let exported = self.export_to(self.folder_bundle_path(dir, &survey.own)?)?;
        for old in survey.own.iter().filter(|p| **p != exported.path) {
            if is_dated_bundle_name(&file_name(old)) {
                let _ = std::fs::remove_file(old);
            }
        }
        report.exported = Some(exported);
        self.remember_sync_folder(dir)?;
        Ok(report)
    }

    /// Merges the newest of one desk's files (newest first) that merges: a
    /// damaged or half-copied newest file is named and the next one tried.
    fn merge_newest(
        &mut self,
        from: Uuid,
        paths: Vec<PathBuf>,
        office: Uuid,
        trust_new_desks: bool,
        progress: &mut dyn FnMut(u64, u64),
        report: &mut FolderSync,
    ) -> Result<()> {
        for path in paths {
            let why = match self.merge_file(&path, office, trust_new_desks, progress) {
                Ok(outcome) => {
                    self.note_merged(from)?;
                    report.merged.push((path, outcome));
                    return Ok(());
                }
                Err(MergeError::Refused(r)) => Skip::Refused(r),
                Err(MergeError::Store(e)) => self.store_skip(&path, e)?,
            };
            // The desk's older files would wait for the same trust.
            let untrusted = matches!(why, Skip::Refused(Refusal::UntrustedDesk { .. }));
            report.skipped.push(Skipped { path, why });
            if untrusted {
                break;
            }
        }
        Ok(())
    }

    /// A store error met while merging a folder's file: this desk's own
    /// trouble (locked, full, read-only) stops the sync; anything else is
    /// the file's, which is skipped.
    fn store_skip(&self, path: &Path, e: StoreError) -> Result<Skip> {
        Ok(match e {
            _ if !path.exists() => Skip::Vanished,
            StoreError::Open { detail, .. } => Skip::Unreadable(detail),
            StoreError::Sqlite(detail) => Skip::Unreadable(detail),
            StoreError::NotADatabase(_) => Skip::Refused(Refusal::NotSqlite),
            e @ (StoreError::Busy
            | StoreError::DiskFull
            | StoreError::ReadOnly(_)
            | StoreError::Held
            | StoreError::NoDesk) => return Err(self.db_error(e)),
            other => Skip::Unreadable(format!("{other:?}")),
        })
    }

    /// Sorts the folder's files by what their headers say.
    fn survey_folder(&self, dir: &Path, office: Uuid) -> Result<Survey> {
        let entries = std::fs::read_dir(dir).map_err(|e| Msg::Io {
            path: dir.into(),
            detail: i18n::io_detail(&e),
        })?;
        let own_tmp = temp_name(&self.folder_bundle_name(false));
        let mut survey = Survey::default();
        let mut by_desk: BTreeMap<Uuid, Vec<(i64, PathBuf)>> = BTreeMap::new();
        let mut names: Vec<(String, PathBuf)> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
            .collect();
        names.sort();
        for (name, path) in names {
            match kind_of_name(&name, &own_tmp) {
                NameKind::Other => continue,
                NameKind::Copy => {
                    survey.skipped.push(Skipped {
                        path,
                        why: Skip::ToolCopy,
                    });
                    continue;
                }
                NameKind::Bundle => {}
            }
            let header = match crate::store::read_header(&path) {
                Ok(h) if h.office != office => Err(Skip::Refused(Refusal::OtherOffice(h.office))),
                Ok(h) => Ok(h),
                Err(HeaderError::Vanished) => Err(Skip::Vanished),
                Err(HeaderError::Refused(r)) => Err(Skip::Refused(r)),
            };
            let header = match header {
                Ok(h) => h,
                Err(why) => {
                    survey.skipped.push(Skipped { path, why });
                    continue;
                }
            };
            if header.exported_by == self.local.id {
                survey.own.push(path);
                continue;
            }
            survey.seen.insert(header.exported_by);
            by_desk
                .entry(header.exported_by)
                .or_default()
                .push((header.exported_at, path));
        }
        // Newest first; of two written at the same second, the name decides.
        survey.by_desk = by_desk
            .into_iter()
            .map(|(desk, mut files)| {
                files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                (desk, files.into_iter().map(|(_, p)| p).collect())
            })
            .collect();
        Ok(survey)
    }

    /// The desks on the roster (not this one) with no file in the folder.
    fn missing_desks(&self, seen: &BTreeSet<Uuid>) -> Result<Vec<MissingDesk>> {
        let roster = self.store.roster().map_err(|e| self.db_error(e))?;
        let mut missing = Vec::new();
        for desk in roster {
            if desk.id == self.local.id || seen.contains(&desk.id) {
                continue;
            }
            let at = self
                .store
                .meta(&merged_key(desk.id))
                .map_err(|e| self.db_error(e))?
                .and_then(|v| v.parse::<i64>().ok());
            let last_merged = at.map(|t| {
                crate::domain::draft::to_local(t, self.offset)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            });
            missing.push(MissingDesk {
                code: desk.code,
                last_merged,
            });
        }
        Ok(missing)
    }

    /// This desk's one file in a shared folder: `aduan-<code>-<first 8 hex
    /// of its id>.aduan`, a name no other desk has. Should a file not this
    /// desk's lie there all the same, the whole id is used instead.
    fn folder_bundle_name(&self, whole_id: bool) -> String {
        let id = self.local.id.simple().to_string();
        let id = if whole_id { &id[..] } else { &id[..8] };
        format!(
            "aduan-{}-{id}.{BUNDLE_EXT}",
            super::file_safe(&self.local.code)
        )
    }

    fn folder_bundle_path(&self, dir: &Path, own: &[PathBuf]) -> Result<PathBuf> {
        for whole_id in [false, true] {
            let path = dir.join(self.folder_bundle_name(whole_id));
            if !path.exists() || own.contains(&path) {
                return Ok(path);
            }
        }
        Err(Msg::FileExists(dir.join(self.folder_bundle_name(true))))
    }

    /// Writes the folder into the config file's `[sync]`, keeping the
    /// file's comments and layout.
    fn remember_sync_folder(&mut self, dir: &Path) -> Result<()> {
        let folder = dir.to_string_lossy().into_owned();
        if self.config.sync.folder == folder {
            return Ok(());
        }
        let path = self.locations.config.clone();
        // Never from nothing: a config that cannot be read is left as it is.
        let text =
            crate::files::read_text_bounded(&path, crate::files::limit::CONFIG).map_err(|e| {
                Msg::ConfigRead {
                    path: path.clone(),
                    detail: i18n::files::read_problem(&e),
                }
            })?;
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
        let office = self.office()?;
        let secret = self.office_secret()?;
        let scratch = self.scratch()?;
        let plain = scratch.file("backup.db");
        self.store
            .vacuum_into(&plain)
            .map_err(|e| self.db_error(e))?;
        let preamble = self.preamble(SealKind::Backup, office, self.now(), &secret);
        write_atomically(&path, |tmp| seal_into(&plain, tmp, &preamble, &secret))?;
        Ok(path)
    }
}

impl Desk {
    /// Joins the office of a bundle another desk exported: this desk must
    /// hold nothing yet. Every desk in the bundle is trusted (the user chose
    /// the file); their fingerprints are returned to be shown.
    /// `secret` (from a join file or the paper copy) is kept in `kunci`.
    pub fn join_office(
        &mut self,
        bundle: &Path,
        secret: &OfficeSecret,
    ) -> Result<(MergeOutcome, Vec<(String, String)>)> {
        let events = self.store.count_events().map_err(|e| self.db_error(e))?;
        if events > 0 {
            return Err(Msg::JoinNotEmpty(self.locations.database.clone()));
        }
        let office = match crate::store::read_header(bundle) {
            Ok(h) => h.office,
            Err(HeaderError::Refused(r)) => return Err(bundle_refused(bundle, &r)),
            Err(HeaderError::Vanished) => return Err(bundle_refused(bundle, &Refusal::Empty)),
        };
        self.store
            .set_office_id(office)
            .map_err(|e| self.db_error(e))?;
        self.keep_office_secret(secret)?;
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
        if let Err(e) = std::fs::metadata(file) {
            return Err(refused(i18n::io_detail(&e)));
        }
        let secret = self.office_secret()?;
        let scratch = self.scratch()?;
        let office = self.store.office_id().ok().flatten();
        let plain = match seal::unseal(
            file,
            SealKind::Backup,
            office,
            &secret,
            &scratch,
            "backup.db",
        ) {
            Ok((_, plain)) => plain,
            Err(UnsealError::Refused(r)) => return Err(refused(i18n::refusal(&r))),
            Err(UnsealError::Io(e)) => {
                return Err(Msg::Io {
                    path: scratch.file(""),
                    detail: i18n::io_detail(&e),
                });
            }
        };
        let backup = crate::store::Store::open(&plain)
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
            .restore_from(&plain, !alone)
            .map_err(|e| self.db_error(e))
    }
}

/// The desks (code, name) on the roster of a bundle, read before anything
/// is created, so a join under a code the office holds (or with the wrong
/// secret) changes nothing. The bundle is decrypted in a private folder of
/// the system's temporary folder: no desk folder exists yet.
pub fn bundle_desks(bundle: &Path, secret: &OfficeSecret) -> Result<Vec<(String, String)>> {
    if bundle.is_dir() {
        return Err(bundle_refused(bundle, &Refusal::Folder));
    }
    match crate::store::bundle_roster(bundle, secret, &std::env::temp_dir()) {
        Ok(desks) => Ok(desks),
        Err(MergeError::Refused(r)) => Err(bundle_refused(bundle, &r)),
        Err(MergeError::Store(_)) if !bundle.exists() => {
            let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
            Err(Msg::BundleRefused {
                file: bundle.into(),
                detail: i18n::io_detail(&missing),
            })
        }
        Err(MergeError::Store(e)) => Err(super::store_msg(e, bundle)),
    }
}

fn bundle_refused(bundle: &Path, r: &Refusal) -> Msg {
    Msg::BundleRefused {
        file: bundle.into(),
        detail: i18n::refusal(r),
    }
}

/// Seals the plaintext `plain` into the temporary file `tmp`.
fn seal_into(plain: &Path, tmp: &Path, preamble: &Preamble, secret: &OfficeSecret) -> Result<()> {
    seal::seal(plain, tmp, preamble, secret).map_err(|e| Msg::Io {
        path: tmp.into(),
        detail: i18n::io_detail(&e),
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
    let name = path
        .file_name()
        .map_or_else(|| "aduan".to_string(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(temp_name(&name));
    let journal = path.with_file_name(format!("{}-journal", temp_name(&name)));
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
        let _ = std::fs::remove_file(&journal);
    }
    done
}

/// What a folder holds, by the files' headers.
#[derive(Default)]
struct Survey {
    /// Each other desk's bundles, newest first.
    by_desk: Vec<(Uuid, Vec<PathBuf>)>,
    /// Every desk with a readable bundle there.
    seen: BTreeSet<Uuid>,
    /// This desk's own bundles.
    own: Vec<PathBuf>,
    skipped: Vec<Skipped>,
}

/// What a file's name alone says.
enum NameKind {
    /// Nothing of aduan's (the folder may hold other things): left unsaid.
    Other,
    /// A temporary or conflict copy of a bundle: named and skipped.
    Copy,
    /// A bundle, perhaps: its header says.
    Bundle,
}

fn kind_of_name(name: &str, own_tmp: &str) -> NameKind {
    let ext = format!(".{BUNDLE_EXT}");
    // This desk's own temporary file is replaced when it writes.
    if !name.contains(&ext) || name.starts_with(own_tmp) {
        return NameKind::Other;
    }
    // Syncthing: `.syncthing.NAME.tmp`, `~syncthing~NAME.tmp`,
    // `NAME.sync-conflict-DATE-TIME-DEVICE.aduan`; aduan: `~NAME.tmp`.
    let copy = name.starts_with('~')
        || name.starts_with('.')
        || name.contains(".sync-conflict-")
        || !name.ends_with(&ext);
    if copy {
        NameKind::Copy
    } else {
        NameKind::Bundle
    }
}

/// `aduan-<code>-YYYYMMDD-HHMM.aduan`: the name a folder sync used before
/// each desk kept one file there.
fn is_dated_bundle_name(name: &str) -> bool {
    let Some(stem) = name
        .strip_prefix("aduan-")
        .and_then(|n| n.strip_suffix(&format!(".{BUNDLE_EXT}")))
    else {
        return false;
    };
    let tail = stem.len().checked_sub(14).map(|i| &stem.as_bytes()[i..]);
    tail.is_some_and(|t| {
        t[0] == b'-' && t[9] == b'-' && t[1..9].iter().chain(&t[10..]).all(u8::is_ascii_digit)
    })
}

/// The meta key holding when a bundle of `desk` was last merged.
fn merged_key(desk: Uuid) -> String {
    format!("merged_from:{desk}")
}

/// The temporary name of a file being written: `~NAME.tmp`, which
/// file-sync tools (and aduan's folder sync) leave alone.
fn temp_name(name: &str) -> String {
    format!("~{name}.tmp")
}

/// What Syncthing should never carry: aduan's temporary files (and the
/// journal SQLite keeps beside one while writing it).
const STIGNORE: &str =
    "// aduan: temporary files of a bundle being written, never synced\n~aduan-*\n";

/// Gives a sync folder a `.stignore` when it has none. Best effort: a folder
/// that cannot take it cannot take a bundle either, and that is reported.
fn ensure_stignore(dir: &Path) {
    use std::io::Write;
    let path = dir.join(".stignore");
    let Ok(mut file) = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    else {
        return;
    };
    if file
        .write_all(STIGNORE.as_bytes())
        .and_then(|()| file.sync_all())
        .is_err()
    {
        let _ = std::fs::remove_file(&path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gone_before_its_header_is_read_has_vanished() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("aduan-LKT2-1a2b3c4d.aduan");
        assert_eq!(crate::store::read_header(&gone), Err(HeaderError::Vanished));
        std::fs::write(&gone, b"").unwrap();
        assert_eq!(
            crate::store::read_header(&gone),
            Err(HeaderError::Refused(Refusal::Empty))
        );
    }

    #[test]
    fn dated_names_are_those_of_earlier_folder_syncs() {
        assert!(is_dated_bundle_name("aduan-LKT-2-20261119-0900.aduan"));
        assert!(is_dated_bundle_name("aduan-LKT1-20261119-0900.aduan"));
        for other in [
            "aduan-LKT1-1a2b3c4d.aduan",
            "aduan-LKT1-20261119-090.aduan",
            "aduan-LKT1-2026111x-0900.aduan",
            "aduan-20261119-0900.aduan.tmp",
            "x-LKT1-20261119-0900.aduan",
        ] {
            assert!(!is_dated_bundle_name(other), "{other}");
        }
    }

    #[test]
    fn copies_and_temporary_files_are_told_by_their_names() {
        let own = "~aduan-LKT1-1a2b3c4d.aduan.tmp";
        let kind = |n| kind_of_name(n, own);
        assert!(matches!(
            kind("aduan-LKT2-1a2b3c4d.aduan"),
            NameKind::Bundle
        ));
        assert!(matches!(kind("anything.aduan"), NameKind::Bundle));
        for copy in [
            ".syncthing.aduan-LKT2-1a2b3c4d.aduan.tmp",
            "~syncthing~aduan-LKT2-1a2b3c4d.aduan.tmp",
            "aduan-LKT2-1a2b3c4d.sync-conflict-20261120-100000-ABCDEFG.aduan",
            "~aduan-LKT2-1a2b3c4d.aduan.tmp",
            "aduan-LKT2-20261120-1000.aduan.sementara",
        ] {
            assert!(matches!(kind(copy), NameKind::Copy), "{copy}");
        }
        for other in [".stignore", ".stfolder", "foto.jpg", own] {
            assert!(matches!(kind(other), NameKind::Other), "{other}");
        }
    }
}
