//! Owner-only files. A desk holds NIKs, phones and addresses, so every file
//! it makes is readable by its owner only (files 0600, folders 0700),
//! whatever the umask; a desk whose files let others in is told so, and
//! `aduan check --fix-permissions` closes them.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Desk, Result};
use crate::config::Locations;
use crate::i18n::{self, Msg};

pub use crate::files::{FILE_MODE, FOLDER_MODE};

/// The bits that let anyone but the owner in.
const OTHERS: u32 = 0o077;

/// One of the desk's paths that others may read or change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoosePath {
    pub path: PathBuf,
    /// The permission bits found (e.g. `0o644`).
    pub mode: u32,
    pub folder: bool,
}

impl LoosePath {
    /// The mode it gets when repaired.
    pub fn wanted(&self) -> u32 {
        if self.folder { FOLDER_MODE } else { FILE_MODE }
    }
}

/// The folder of the desk's private key (beside the config).
pub fn key_dir(locations: &Locations) -> PathBuf {
    locations
        .config
        .parent()
        .unwrap_or(Path::new("."))
        .join("kunci")
}

/// Every path of the desk that must be owner-only and exists now: the
/// config, the database with its WAL and SHM, the key folder and its files,
/// the export folder (where backups, bundles, recaps, reports and
/// documents go) and the files in it.
pub fn desk_paths(locations: &Locations) -> Vec<PathBuf> {
    let db = locations.database.as_os_str();
    let beside_db = ["-wal", "-shm", "-journal"].map(|suffix| {
        let mut name = db.to_owned();
        name.push(suffix);
        PathBuf::from(name)
    });
    let mut paths = vec![locations.config.clone(), locations.database.clone()];
    paths.extend(beside_db);
    for folder in [key_dir(locations), locations.export_dir.clone()] {
        paths.push(folder.clone());
        paths.extend(entries(&folder));
    }
    paths.retain(|p| std::fs::symlink_metadata(p).is_ok());
    paths
}

/// The files and folders directly in `dir` (a link is left alone: changing
/// it would change what it points to).
fn entries(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = read
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_symlink()))
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
}

/// The desk's paths that others may read or change.
pub fn loose_paths(locations: &Locations) -> Vec<LoosePath> {
    desk_paths(locations)
        .into_iter()
        .filter_map(|path| loose(&path).map(|(mode, folder)| LoosePath { path, mode, folder }))
        .collect()
}

#[cfg(unix)]
fn loose(path: &Path) -> Option<(u32, bool)> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(path).ok()?;
    let mode = meta.permissions().mode() & 0o7777;
    (mode & OTHERS != 0).then_some((mode, meta.is_dir()))
}

#[cfg(not(unix))]
fn loose(_: &Path) -> Option<(u32, bool)> {
    None
}

/// Gives each path its owner-only mode; returns those changed and, apart,
/// those that could not be (with why).
pub fn fix(loose: &[LoosePath]) -> (Vec<LoosePath>, Vec<(PathBuf, String)>) {
    let mut fixed = Vec::new();
    let mut failed = Vec::new();
    for l in loose {
        match set_mode(&l.path, l.wanted()) {
            Ok(()) => fixed.push(l.clone()),
            Err(e) => failed.push((l.path.clone(), i18n::io_detail(&e))),
        }
    }
    (fixed, failed)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) -> std::io::Result<()> {
    Ok(())
}

impl Desk {
    /// Makes the folder of the desk's keys owner-only before a key is put
    /// in it.
    pub fn make_key_dir(&self) -> Result<()> {
        let dir = key_dir(&self.locations);
        crate::files::create_private_dir_all(&dir).map_err(|e| Msg::Io {
            path: dir.clone(),
            detail: i18n::io_detail(&e),
        })
    }

    /// This desk's paths that others may read or change.
    pub fn loose_permissions(&self) -> Vec<LoosePath> {
        loose_paths(&self.locations)
    }

    /// The one line to show at start when some of the desk's files let
    /// others in.
    pub fn permission_warning(&self) -> Option<String> {
        let loose = self.loose_permissions();
        let first = loose.first()?;
        Some(i18n::files::loose_warning(
            loose.len(),
            &first.path,
            first.mode,
        ))
    }

    /// Closes every loose path of the desk; returns those changed. A path
    /// that could not be changed is refused with its cause, after the rest
    /// were changed.
    pub fn fix_permissions(&self) -> Result<Vec<LoosePath>> {
        let (fixed, failed) = fix(&self.loose_permissions());
        match failed.into_iter().next() {
            Some((path, detail)) => Err(Msg::Io { path, detail }),
            None => Ok(fixed),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::files::{create_private_dir_all, write_private_new};
    use std::os::unix::fs::PermissionsExt;

    fn locations(dir: &Path) -> Locations {
        Locations {
            config: dir.join("config.toml"),
            database: dir.join("aduan.db"),
            export_dir: dir.join("ekspor"),
            sop_dir: dir.join("sop"),
        }
    }

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn loose_files_are_found_and_closed() {
        let dir = tempfile::tempdir().unwrap();
        let at = locations(dir.path());
        std::fs::write(&at.config, "").unwrap();
        std::fs::write(&at.database, "").unwrap();
        std::fs::create_dir(&at.export_dir).unwrap();
        let backup = at.export_dir.join("cadangan.db");
        std::fs::write(&backup, "").unwrap();
        set_mode(&at.config, 0o644).unwrap();
        set_mode(&at.database, 0o600).unwrap();
        set_mode(&backup, 0o666).unwrap();
        set_mode(&at.export_dir, 0o755).unwrap();
        let found: Vec<PathBuf> = loose_paths(&at).into_iter().map(|l| l.path).collect();
        assert_eq!(
            found,
            [at.config.clone(), at.export_dir.clone(), backup.clone()]
        );
        let (fixed, failed) = fix(&loose_paths(&at));
        assert_eq!(fixed.len(), 3);
        assert!(failed.is_empty());
        assert_eq!(mode(&at.config), 0o600);
        assert_eq!(mode(&backup), 0o600);
        assert_eq!(mode(&at.export_dir), 0o700);
        assert!(loose_paths(&at).is_empty());
    }

    #[test]
    fn private_files_and_folders_ignore_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("a").join("b");
        create_private_dir_all(&folder).unwrap();
        let file = folder.join("f");
        write_private_new(&file, b"x").unwrap();
        assert_eq!(mode(&dir.path().join("a")) & OTHERS, 0);
        assert_eq!(mode(&folder) & OTHERS, 0);
        assert_eq!(mode(&file), 0o600);
        assert!(write_private_new(&file, b"y").is_err(), "never replaced");
    }
}
