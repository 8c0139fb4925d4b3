//! The office secret every bundle and backup is sealed to: kept in the
//! desk's `kunci` folder (owner-only), made when the office is founded,
//! carried to a new desk in a join file (encrypted with a passphrase) or
//! typed from the office's paper copy.

use std::path::{Path, PathBuf};

use uuid::Uuid;

use super::{Desk, Result};
use crate::i18n::seal::SealMsg;
use crate::i18n::{self, Msg};
use crate::store::seal::{self, OfficeSecret, PrivateDir};

/// The shortest passphrase a join file is written with.
pub const MIN_PASSPHRASE: usize = 8;

fn seal_msg(m: SealMsg) -> Msg {
    Msg::Seal(Box::new(m))
}

impl Desk {
    /// The `kunci` folder beside the config: this desk's keys, never in the
    /// database or a bundle.
    pub fn kunci_dir(&self) -> PathBuf {
        self.locations
            .config
            .parent()
            .unwrap_or(Path::new("."))
            .join("kunci")
    }

    /// Where the secret of `office` is kept on this desk.
    pub fn office_secret_path(&self, office: Uuid) -> PathBuf {
        self.kunci_dir().join(format!("kantor-{office}.age"))
    }

    /// Where plaintext copies are made while sealing or opening a file: a
    /// private folder (0700, removed when dropped) in the system's
    /// temporary folder, which is on this PC like the database holding the
    /// same data in the clear, and usually not on the database's disk, so a
    /// full database disk still lets a desk export or back up elsewhere.
    /// The desk's data folder stands in when there is no temporary folder.
    pub fn scratch(&self) -> Result<PrivateDir> {
        let data = self
            .locations
            .database
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        PrivateDir::new_in(&std::env::temp_dir())
            .or_else(|_| PrivateDir::new_in(&data))
            .map_err(|e| Msg::Io {
                path: data,
                detail: i18n::io_detail(&e),
            })
    }

    /// The office secret this desk holds; a desk without one is told how
    /// to get one.
    pub fn office_secret(&self) -> Result<OfficeSecret> {
        let path = self.office_secret_path(self.office()?);
        match read_small(&path) {
            Ok(text) => {
                OfficeSecret::parse(&text).ok_or_else(|| seal_msg(SealMsg::SecretBad(path)))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(seal_msg(SealMsg::SecretMissing(path)))
            }
            Err(e) => Err(seal_msg(SealMsg::SecretUnreadable {
                path,
                detail: i18n::io_detail(&e),
            })),
        }
    }

    /// Whether this desk holds the office secret (a file is there).
    pub fn has_office_secret(&self) -> Result<bool> {
        Ok(self.office_secret_path(self.office()?).exists())
    }

    /// Makes the office secret on this desk (`aduan sync secret --new`, and
    /// `aduan init` of a new office); never replaces one.
    pub fn new_office_secret(&self) -> Result<PathBuf> {
        self.keep_office_secret(&OfficeSecret::generate())
    }

    /// Keeps `secret` as this desk's office secret. The same secret again is
    /// fine; another one is refused, so no desk silently changes secrets.
    pub fn keep_office_secret(&self, secret: &OfficeSecret) -> Result<PathBuf> {
        let path = self.office_secret_path(self.office()?);
        if path.exists() {
            let held = self.office_secret()?;
            if held.id() == secret.id() {
                return Ok(path);
            }
            return Err(seal_msg(SealMsg::SecretDiffers(path)));
        }
        write_secret(&path, secret).map_err(|e| Msg::Io {
            path: path.clone(),
            detail: i18n::io_detail(&e),
        })?;
        Ok(path)
    }

    /// At `aduan init` of a desk that knows no other desk: the founder of a
    /// new office gets its secret now. A desk of an office with others
    /// gets none here: a second secret would split the office.
    pub fn found_office_secret(&self) -> Result<Option<PathBuf>> {
        if self.has_office_secret()? {
            return Ok(None);
        }
        let roster = self.store.roster().map_err(|e| self.db_error(e))?;
        if roster.iter().any(|d| d.id != self.local.id) {
            return Ok(None);
        }
        self.new_office_secret().map(Some)
    }

    /// Writes a join file at `path` (never over a file): the office and its
    /// secret, encrypted with `passphrase`.
    pub fn write_join_file(&self, path: &Path, passphrase: &str) -> Result<()> {
        check_passphrase(passphrase)?;
        let secret = self.office_secret()?;
        let bytes = seal::seal_join(&secret, self.office()?, passphrase).map_err(|e| Msg::Io {
            path: path.into(),
            detail: i18n::io_detail(&e),
        })?;
        crate::export::write_new(path, &bytes, false)
    }

    /// Takes the office secret from a join file of this desk's office.
    pub fn take_join_file(&self, path: &Path, passphrase: &str) -> Result<PathBuf> {
        let (office, secret) = secret_from_join_file(path, passphrase)?;
        if office != self.office()? {
            return Err(seal_msg(SealMsg::JoinOtherOffice(path.into())));
        }
        self.keep_office_secret(&secret)
    }
}

/// A secret file, read up to a size no secret exceeds.
fn read_small(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(4096)
        .read_to_string(&mut text)?;
    Ok(text)
}

/// Refuses a passphrase too short to guard the secret.
pub fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(seal_msg(SealMsg::PassphraseShort(MIN_PASSPHRASE)));
    }
    Ok(())
}

/// The office and secret of a join file.
pub fn secret_from_join_file(path: &Path, passphrase: &str) -> Result<(Uuid, OfficeSecret)> {
    let refused = |why| {
        seal_msg(SealMsg::JoinFile {
            file: path.into(),
            why,
        })
    };
    match seal::open_join_file(path, passphrase) {
        Ok(Ok(found)) => Ok(found),
        Ok(Err(why)) => Err(refused(why)),
        Err(e) => Err(seal_msg(SealMsg::SecretUnreadable {
            path: path.into(),
            detail: i18n::io_detail(&e),
        })),
    }
}

/// The office secret as typed from the paper copy.
pub fn secret_from_text(text: &str) -> Result<OfficeSecret> {
    OfficeSecret::parse(text).ok_or_else(|| seal_msg(SealMsg::SecretTyped))
}

/// Creates the secret file readable by its owner only, in an owner-only
/// folder, never replacing one.
fn write_secret(path: &Path, secret: &OfficeSecret) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    let done = file
        .write_all(format!("{}\n", secret.reveal()).as_bytes())
        .and_then(|()| file.sync_all());
    if done.is_err() {
        let _ = std::fs::remove_file(path);
    }
    done
}
