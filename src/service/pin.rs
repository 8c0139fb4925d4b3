//! A PIN per person: argon2id hashes and wrong-try counts in the desk's
//! `kunci` folder (`kunci/pin.toml`, owner-only, written whole through a
//! temporary and a rename), never in the database a bundle copies. Every
//! sign-in, wrong PIN and lockout goes to the desk-local `sign_ins` table.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use serde::{Deserialize, Serialize};

use super::{Desk, Result};
use crate::domain::pin::{self, PinProblem, Tries};
use crate::i18n::Msg;
use crate::i18n::pin::PinMsg;
use crate::store::SignInRow;

/// The largest PIN file read (a few hundred bytes per person).
const PIN_FILE_LIMIT: u64 = 1 << 20;

/// Where a sign-in happened, for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Terminal,
    CommandLine,
}

impl Place {
    fn as_str(self) -> &'static str {
        match self {
            Place::Terminal => "terminal",
            Place::CommandLine => "cli",
        }
    }
}

/// What a PIN typed for a person came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Right,
    Wrong {
        left: u32,
    },
    /// Locked (now, or by this very try) until these unix seconds.
    Locked {
        until: i64,
    },
    /// The person has no PIN yet: they set one first.
    NotSet,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Entry {
    hash: String,
    #[serde(flatten)]
    tries: Tries,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct PinFile {
    people: BTreeMap<String, Entry>,
}

/// The PINs of this desk's people (see [`Desk::pins`]).
pub struct Pins<'a> {
    desk: &'a Desk,
}

impl Desk {
    pub fn pins(&self) -> Pins<'_> {
        Pins { desk: self }
    }

    /// Whether people sign in with a PIN (`[security] pin`).
    pub fn pins_on(&self) -> bool {
        self.config.security.pin
    }
}

fn store_error(path: &Path, detail: impl std::fmt::Display) -> Msg {
    Msg::Pin(Box::new(PinMsg::Store(format!(
        "{}: {detail}",
        path.display()
    ))))
}

impl Pins<'_> {
    /// `kunci/pin.toml` beside the config.
    pub fn path(&self) -> PathBuf {
        self.desk
            .locations
            .config
            .parent()
            .unwrap_or(Path::new("."))
            .join("kunci")
            .join("pin.toml")
    }

    /// The config's own spelling of a person's name (names match in any case).
    fn key(&self, person: &str) -> String {
        self.desk
            .config
            .person(person)
            .map_or_else(|| person.trim().to_string(), |p| p.name.clone())
    }

    fn read(&self) -> Result<PinFile> {
        let path = self.path();
        match crate::files::read_text_bounded(&path, PIN_FILE_LIMIT) {
            Ok(text) => toml::from_str(&text).map_err(|e| store_error(&path, e.message())),
            Err(crate::files::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(PinFile::default())
            }
            Err(e) => Err(store_error(&path, e)),
        }
    }

    fn write(&self, file: &PinFile) -> Result<()> {
        let path = self.path();
        let text = toml::to_string(file).map_err(|e| store_error(&path, e))?;
        write_private(&path, text.as_bytes()).map_err(|e| store_error(&path, e))
    }

    fn entry(&self, person: &str) -> Result<Option<Entry>> {
        Ok(self.read()?.people.remove(&self.key(person)))
    }

    pub fn has_pin(&self, person: &str) -> Result<bool> {
        Ok(self.entry(person)?.is_some_and(|e| !e.hash.is_empty()))
    }

    /// The end of a lockout still running now.
    pub fn locked_until(&self, person: &str) -> Result<Option<i64>> {
        let now = self.desk.now();
        Ok(self.entry(person)?.and_then(|e| e.tries.locked_at(now)))
    }

    /// Checks a person's PIN: counts a wrong one (the fifth locks), resets
    /// the count on the right one, and logs what happened.
    pub fn verify(&self, person: &str, typed: &str, place: Place) -> Result<Verdict> {
        let key = self.key(person);
        let now = self.desk.now();
        let mut file = self.read()?;
        let Some(entry) = file.people.get_mut(&key).filter(|e| !e.hash.is_empty()) else {
            return Ok(Verdict::NotSet);
        };
        if let Some(until) = entry.tries.locked_at(now) {
            self.log(&key, place, "refused_locked");
            return Ok(Verdict::Locked { until });
        }
        let right = PasswordHash::new(&entry.hash)
            .map(|h| {
                Argon2::default()
                    .verify_password(typed.as_bytes(), &h)
                    .is_ok()
            })
            .map_err(|e| store_error(&self.path(), e))?;
        let lockout = i64::from(self.desk.config.security.lockout_minutes) * 60;
        entry.tries = if right {
            entry.tries.after_success()
        } else {
            entry.tries.after_failure(now, lockout)
        };
        let verdict = match (right, entry.tries.locked_at(now)) {
            (true, _) => Verdict::Right,
            (false, Some(until)) => Verdict::Locked { until },
            (false, None) => Verdict::Wrong {
                left: entry.tries.left(),
            },
        };
        self.write(&file)?;
        self.log(
            &key,
            place,
            match verdict {
                Verdict::Right => "signed_in",
                Verdict::Locked { .. } => "locked_out",
                _ => "wrong_pin",
            },
        );
        Ok(verdict)
    }

    /// Sets (or changes) a person's PIN; the new one must be 4–12 digits.
    pub fn set(&self, person: &str, new: &str, place: Place) -> Result<()> {
        pin::check_new(new).map_err(|p| Msg::Pin(Box::new(PinMsg::Bad(p))))?;
        let hash = Argon2::default()
            .hash_password(new.as_bytes())
            .map_err(|e| store_error(&self.path(), e))?
            .to_string();
        let key = self.key(person);
        let mut file = self.read()?;
        file.people.insert(
            key.clone(),
            Entry {
                hash,
                tries: Tries::default(),
            },
        );
        self.write(&file)?;
        self.log(&key, place, "pin_set");
        Ok(())
    }

    /// Removes a person's PIN (they set a new one at their next sign-in).
    pub fn reset(&self, person: &str) -> Result<()> {
        let key = self.key(person);
        let mut file = self.read()?;
        file.people.remove(&key);
        self.write(&file)?;
        self.log(&key, Place::CommandLine, "pin_reset");
        Ok(())
    }

    /// The newest lines of the sign-in log, oldest first.
    pub fn log_lines(&self, limit: u32) -> Result<Vec<SignInRow>> {
        self.desk
            .store
            .sign_ins(limit)
            .map_err(|e| self.desk.db_error(e))
    }

    /// A line of the log; a database that cannot take it does not stop
    /// the sign-in (the PIN file already holds what matters).
    fn log(&self, person: &str, place: Place, outcome: &str) {
        let _ = self.desk.store.record_sign_in(&SignInRow {
            at: self.desk.now(),
            person: person.into(),
            place: place.as_str().into(),
            outcome: outcome.into(),
        });
    }
}

/// A typed PIN and its repetition, as a new PIN.
pub fn check_repeated(first: &str, second: &str) -> std::result::Result<(), PinProblem> {
    pin::check_new(first)?;
    if first != second {
        return Err(PinProblem::Mismatch);
    }
    Ok(())
}

/// Writes `bytes` to `path` owner-only (0600, in a 0700 folder) through a
/// temporary name and a rename, so the file is always whole.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir)?;
    }
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    // A temporary left by a crash is replaced, never written through.
    let _ = std::fs::remove_file(&tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&tmp, path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    renamed
}
