//! Investigation notes and attachments: written as events of the case,
//! read back as its notebook, and the field report (BAP) made from them.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{ActingAs, Desk, Result};
use crate::config::Person;
use crate::domain::draft::to_local;
use crate::domain::event::{Attachment, Hash, NoteEntry, NoteKind, Payload};
use crate::domain::note::{self, AttachmentRecord, NoteRecord, Notebook};
use crate::domain::workflow::{CaseState, Status};
use crate::i18n::{self, Msg};
use crate::store::{CaseRow, ListFilter};

/// A case's notebook with what a screen shows above it.
#[derive(Debug, Clone)]
pub struct CaseNotes {
    pub agenda_no: String,
    pub subject: String,
    pub status: Status,
    pub notebook: Notebook,
}

/// Whether an attachment's stored content still matches its SHA-256.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Integrity {
    Intact,
    Damaged,
    /// Named by an event, but the content is not on this desk.
    Missing,
}

/// The short form of a note's id that lists show and commands accept.
pub fn short_id(id: Uuid) -> String {
    id.simple().to_string()[..8].to_string()
}

impl Desk {
    /// The case's notes and attachments, folded from its events.
    pub fn notebook(&self, key: &str) -> Result<CaseNotes> {
        let state = self.case_state(key)?;
        let mut notebook = state.notebook;
        // Files handed in at the desk count among the case's attachments.
        let at_intake = state
            .reg
            .input
            .attachments
            .iter()
            .map(|a| AttachmentRecord {
                event: state.registration,
                at: state.reg.input.received_at,
                person: String::new(),
                sha256: a.sha256,
                name: a.name.clone(),
                size: a.size,
                note: None,
            });
        notebook.attachments.splice(0..0, at_intake);
        Ok(CaseNotes {
            agenda_no: state.reg.agenda_no.clone(),
            subject: state.reg.input.subject.clone(),
            status: state.status,
            notebook,
        })
    }

    fn case_state(&self, key: &str) -> Result<CaseState> {
        self.fold_case(key).map(|(state, _)| state)
    }

    /// A case folded from its events, with the SOP it follows.
    pub(super) fn fold_case(
        &self,
        key: &str,
    ) -> Result<(CaseState, Option<&crate::domain::sop::Sop>)> {
        let (case_n, _) = self.resolve(key)?;
        let events = self
            .store
            .case_events(case_n)
            .map_err(|e| self.db_error(e))?;
        let sop = self.sops.of_events(&events);
        let state = CaseState::fold(&events, sop).ok_or_else(|| Msg::CaseNotFound(key.into()))?;
        Ok((state, sop))
    }

    /// Names of the configured people, for the officers of a field report.
    pub fn people_names(&self) -> Vec<String> {
        self.config.people.iter().map(|p| p.name.clone()).collect()
    }

    /// Adds a note, or with `replaces` a correction that supersedes one.
    /// Returns the new note's id.
    pub fn add_note(
        &mut self,
        key: &str,
        kind: NoteKind,
        fields: &[(String, String)],
        replaces: Option<&str>,
        who: &ActingAs,
    ) -> Result<Uuid> {
        let fields = note::validate(kind, fields, &self.people_names(), self.offset)
            .map_err(|e| Msg::NoteField(i18n::field_problem(&e)))?;
        let now = self.now();
        let received = self.case_state(key)?.reg.input.received_at;
        let bounds = note::DateBounds {
            received: to_local(received, self.offset),
            now: to_local(now, self.offset),
        };
        note::check_dates(kind, &fields, bounds)
            .map_err(|e| Msg::NoteField(i18n::date_problem(&e)))?;
        let replaces = replaces.map(str::to_string);
        let (_, id) = self.write_event_with(key, who, now, now, None, |state, _| {
            let replaces = match &replaces {
                Some(r) => Some(standing_note(&state.notebook, r)?.event),
                None => None,
            };
            Ok(Payload::NoteRecorded(NoteEntry {
                kind,
                fields,
                replaces,
            }))
        })?;
        Ok(id)
    }

    /// Marks a note withdrawn; it stays in the history.
    pub fn withdraw_note(
        &mut self,
        key: &str,
        note: &str,
        reason: &str,
        who: &ActingAs,
    ) -> Result<Uuid> {
        let reason = reason.trim().to_string();
        if reason.is_empty() {
            return Err(Msg::ReasonRequired);
        }
        let now = self.now();
        let note = note.to_string();
        let (_, id) = self.write_event_with(key, who, now, now, None, |state, _| {
            Ok(Payload::NoteWithdrawn {
                note: standing_note(&state.notebook, &note)?.event,
                reason,
            })
        })?;
        Ok(id)
    }

    /// Stores a file's content in the database and names it in an event of
    /// the case (and of one of its notes, if given).
    pub fn attach_file(
        &mut self,
        key: &str,
        path: &Path,
        note: Option<&str>,
        who: &ActingAs,
    ) -> Result<AttachmentRecord> {
        let data = self.read_attachment_file(path)?;
        let sha256: Hash = Sha256::digest(&data).into();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let now = self.now();
        let note = note.map(str::to_string);
        let attachment_name = name.clone();
        let (_, id) =
            self.write_event_with(key, who, now, now, Some((&sha256, &data)), |state, _| {
                let note = match &note {
                    Some(n) => Some(standing_note(&state.notebook, n)?.event),
                    None => None,
                };
                Ok(Payload::AttachmentAdded(Attachment {
                    sha256,
                    name: attachment_name,
                    size: data.len() as u64,
                    note,
                }))
            })?;
        let book = self.notebook(key)?.notebook;
        book.attachments
            .into_iter()
            .find(|a| a.event == id)
            .ok_or_else(|| Msg::CaseNotFound(key.into()))
    }

    /// Reads a file to attach, refusing what is missing, unreadable, not a
    /// file or over the configured size before anything is written.
    pub fn read_attachment_file(&self, path: &Path) -> Result<Vec<u8>> {
        use crate::files::ReadError;
        let max_mb = self.config.attachments.max_mb;
        let max = max_mb.saturating_mul(1024 * 1024);
        crate::files::read_bounded(path, max).map_err(|e| match e {
            ReadError::NotAFile => Msg::AttachmentNotAFile(path.into()),
            ReadError::TooLarge { .. } => Msg::AttachmentTooLarge {
                path: path.into(),
                size: std::fs::metadata(path).map_or(max.saturating_add(1), |m| m.len()),
                max_mb,
            },
            ReadError::Io(e) => Msg::AttachmentRead {
                path: path.into(),
                detail: crate::i18n::io_detail(&e),
            },
        })
    }

    /// Each attachment of the case, with whether its content is intact.
    pub fn verify_attachments(&self, key: &str) -> Result<Vec<(AttachmentRecord, Integrity)>> {
        let book = self.notebook(key)?.notebook;
        book.attachments
            .into_iter()
            .map(|a| {
                let integrity = match self.store.content(&a.sha256) {
                    Ok(None) => Integrity::Missing,
                    Ok(Some(data)) if Sha256::digest(&data).as_slice() == a.sha256 => {
                        Integrity::Intact
                    }
                    Ok(Some(_)) => Integrity::Damaged,
                    Err(e) => return Err(self.db_error(e)),
                };
                Ok((a, integrity))
            })
            .collect()
    }

    /// Writes an attachment out into the export folder and returns where.
    /// `which` is the start of its SHA-256 in hex, or its file name.
    pub fn save_attachment(&self, key: &str, which: &str) -> Result<PathBuf> {
        let notes = self.notebook(key)?;
        let which_lower = which.trim().to_lowercase();
        let found = notes
            .notebook
            .attachments
            .iter()
            .rev()
            .find(|a| {
                hex(&a.sha256).starts_with(&which_lower)
                    || a.name.to_lowercase().contains(&which_lower)
            })
            .ok_or_else(|| Msg::AttachmentNotFound(which.into()))?;
        let data = self
            .store
            .content(&found.sha256)
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| Msg::AttachmentNotFound(which.into()))?;
        if Sha256::digest(&data).as_slice() != found.sha256 {
            return Err(Msg::AttachmentDamaged(found.name.clone()));
        }
        let dir = self.locations.export_dir.clone();
        let stem = format!("{}-{}", file_safe(&notes.agenda_no), file_safe(&found.name));
        let path = free_name(&dir, &stem, &data);
        crate::export::write_new(&path, &data, true)?;
        Ok(path)
    }

    /// Open cases whose current step is investigation work (an SOP step
    /// that lists note kinds) for one of this person's roles.
    pub fn investigation_cases(&self, person: &Person, limit: u32) -> Result<Vec<CaseRow>> {
        let steps = self
            .sops
            .sops
            .iter()
            .flat_map(|sop| {
                sop.steps
                    .iter()
                    .filter(|s| !s.notes.is_empty())
                    .map(|s| (sop.id.clone(), s.id.clone()))
            })
            .collect();
        self.list(&ListFilter {
            step_actors: self.roles_of(person),
            steps,
            limit,
            ..ListFilter::default()
        })
    }
}

/// The note `key` names (the start of its id), if it still stands.
fn standing_note<'a>(book: &'a Notebook, key: &str) -> Result<&'a NoteRecord> {
    let key = key.trim().to_lowercase();
    let matches: Vec<&NoteRecord> = book
        .notes
        .iter()
        .filter(|n| !key.is_empty() && n.event.simple().to_string().starts_with(&key))
        .collect();
    match matches.as_slice() {
        [one] if one.withdrawn.is_some() => Err(Msg::NoteNotStanding(short_id(one.event))),
        [one] => match one.superseded_by {
            Some(by) => Err(Msg::NoteSuperseded {
                note: short_id(one.event),
                by: short_id(by),
            }),
            None => Ok(one),
        },
        _ => Err(Msg::NoteNotFound(key)),
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A name safe in any file system: agenda numbers hold slashes.
pub fn file_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// `dir/stem`, or `stem` numbered, whichever is free or already holds `data`.
fn free_name(dir: &Path, stem: &str, data: &[u8]) -> PathBuf {
    let (base, ext) = match stem.rsplit_once('.') {
        Some((b, e)) if !b.is_empty() => (b.to_string(), format!(".{e}")),
        _ => (stem.to_string(), String::new()),
    };
    (1..)
        .map(|i| match i {
            1 => dir.join(stem),
            i => dir.join(format!("{base}-{i}{ext}")),
        })
        .find(|p| std::fs::read(p).map_or(true, |held| held == data))
        .expect("some name is free")
}
