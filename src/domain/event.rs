//! The event log's format: every change to a case is one immutable [`Event`].
//!
//! The bytes that are hashed ("canonical bytes") are the postcard encoding of
//! the whole [`Event`]. Postcard writes fields in declaration order, enum
//! variants by index and integers as varints, with no maps and no floats, so
//! one event has exactly one encoding. That makes three rules part of the
//! format, checked by a test against fixed bytes:
//! - never reorder or remove fields or variants; add new payload variants at
//!   the end and bump [`EVENT_SCHEMA_VERSION`];
//! - no `HashMap`, no `f64`, no `#[serde(skip_serializing_if)]` in events;
//! - the hash is SHA-256 over the canonical bytes, and each event carries the
//!   hash of the previous event of the same desk (`prev`), so a desk's events
//!   form a chain that shows any edit, deletion or reordering.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::case::{CaseField, CaseInput};
use super::letter::{LetterAct, LetterKind};

/// Version of the event format written by this build.
pub const EVENT_SCHEMA_VERSION: u16 = 3;

pub type Hash = [u8; 32];

/// The `prev` of a desk's first event.
pub const GENESIS: Hash = [0; 32];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Event schema version.
    pub v: u16,
    /// Globally unique id of this event.
    pub id: Uuid,
    /// The desk that wrote it.
    pub desk: Uuid,
    /// Position in that desk's chain, from 1.
    pub seq: u64,
    /// Hash of the desk's previous event ([`GENESIS`] for the first).
    pub prev: Hash,
    /// The case it belongs to.
    pub case: Uuid,
    /// When it happened (unix seconds). Orders a case's events.
    pub at: i64,
    /// When it was typed in (unix seconds).
    pub recorded: i64,
    /// Who typed it.
    pub person: String,
    /// The typist's own role.
    pub person_role: String,
    /// The role in whose name the action was taken. Differs from
    /// `person_role` when a head's paper decision is recorded on their behalf.
    pub role: String,
    pub payload: Payload,
}

impl Event {
    pub fn canonical_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("events contain no unserialisable values")
    }

    pub fn decode(bytes: &[u8]) -> Result<Event, postcard::Error> {
        postcard::from_bytes(bytes)
    }

    /// True when a head's decision was typed by someone else.
    pub fn on_behalf(&self) -> bool {
        self.role != self.person_role
    }

    /// The order of a case's events: by time, then by desk and sequence, so
    /// every desk folds the same events in the same order.
    pub fn order_key(&self) -> (i64, [u8; 16], u64) {
        (self.at, *self.desk.as_bytes(), self.seq)
    }
}

pub fn hash_bytes(bytes: &[u8]) -> Hash {
    Sha256::digest(bytes).into()
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// What happened. Variant order is part of the format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Payload {
    CaseRegistered(Box<Registration>),
    FieldCorrected(Correction),
    DispositionRecorded(Disposition),
    /// A decision step: the authority decision (ours, or forward to an OPD),
    /// "resolved at once or escalate", "answer or escalate to BKPM".
    Decided(Decision),
    StepCompleted(StepDone),
    NoteAdded(Note),
    ClockPaused {
        reason: String,
    },
    ClockResumed {
        note: String,
    },
    CaseClosed {
        reason: String,
    },
    /// An investigation note with the fields of its kind.
    NoteRecorded(NoteEntry),
    /// A note taken back: it stays in the history, marked.
    NoteWithdrawn {
        note: Uuid,
        reason: String,
    },
    /// A file attached to the case or one of its notes; the content is kept
    /// beside the log under its SHA-256.
    AttachmentAdded(Attachment),
    /// A correction that settles a conflict: it names every value it replaces.
    FieldResolved(Resolution),
    /// Settles a step two desks completed (or decided) differently apart:
    /// the events in `drop` no longer count, `keep` does.
    StepSettled(StepSettlement),
    /// A version of an outgoing letter; the first carries the number this
    /// desk's register gave it, later ones repeat it.
    LetterDrafted(LetterDraft),
    /// A letter initialled, signed or sent.
    LetterActed(LetterAction),
}

impl Payload {
    /// Short stable name, stored beside the event for queries.
    pub fn name(&self) -> &'static str {
        match self {
            Payload::CaseRegistered(_) => "registered",
            Payload::FieldCorrected(_) => "corrected",
            Payload::DispositionRecorded(_) => "disposition",
            Payload::Decided(_) => "decided",
            Payload::StepCompleted(_) => "step-done",
            Payload::NoteAdded(_) => "note",
            Payload::ClockPaused { .. } => "paused",
            Payload::ClockResumed { .. } => "resumed",
            Payload::CaseClosed { .. } => "closed",
            Payload::NoteRecorded(_) => "note",
            Payload::NoteWithdrawn { .. } => "note-withdrawn",
            Payload::AttachmentAdded(_) => "attachment",
            Payload::FieldResolved(_) => "resolved",
            Payload::StepSettled(_) => "step-settled",
            Payload::LetterDrafted(_) => "letter-drafted",
            Payload::LetterActed(_) => "letter-acted",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub agenda_no: String,
    pub agenda_year: i32,
    pub agenda_seq: u32,
    /// Id of the SOP the case follows, fixed at registration.
    pub sop: String,
    pub input: CaseInput,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub field: CaseField,
    pub value: String,
    /// The event whose value this one replaces (the registration or an
    /// earlier correction), so concurrent corrections can be told apart.
    pub replaces: Option<Uuid>,
}

/// The usual instructions on a lembar disposisi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Instruction {
    Pelajari,
    TindakLanjuti,
    Koordinasikan,
    SiapkanJawaban,
    UntukDiketahui,
    Arsip,
}

impl Instruction {
    pub const ALL: [Instruction; 6] = [
        Instruction::Pelajari,
        Instruction::TindakLanjuti,
        Instruction::Koordinasikan,
        Instruction::SiapkanJawaban,
        Instruction::UntukDiketahui,
        Instruction::Arsip,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Instruction::Pelajari => "pelajari",
            Instruction::TindakLanjuti => "tindak-lanjuti",
            Instruction::Koordinasikan => "koordinasikan",
            Instruction::SiapkanJawaban => "siapkan-jawaban",
            Instruction::UntukDiketahui => "untuk-diketahui",
            Instruction::Arsip => "arsip",
        }
    }

    pub fn parse(s: &str) -> Option<Instruction> {
        let s = s.trim().to_lowercase().replace([' ', '_'], "-");
        Instruction::ALL.into_iter().find(|i| i.id() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Priority {
    Biasa,
    Segera,
    SangatSegera,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::Biasa, Priority::Segera, Priority::SangatSegera];

    pub fn id(self) -> &'static str {
        match self {
            Priority::Biasa => "biasa",
            Priority::Segera => "segera",
            Priority::SangatSegera => "sangat-segera",
        }
    }

    pub fn parse(s: &str) -> Option<Priority> {
        let s = s.trim().to_lowercase().replace([' ', '_'], "-");
        Priority::ALL.into_iter().find(|p| p.id() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disposition {
    /// The SOP step this disposition completes, if it is one.
    pub step: Option<String>,
    pub from: String,
    pub to: String,
    pub instruction: Instruction,
    pub priority: Priority,
    pub note: String,
    /// The date written on the paper sheet.
    pub written_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub step: String,
    pub option: String,
    /// The OPD a complaint outside the office's authority is forwarded to.
    pub opd: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepDone {
    pub step: String,
    pub output: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    Catatan,
    CekPerizinan,
    Bap,
    Koordinasi,
    Fasilitasi,
}

impl NoteKind {
    pub const ALL: [NoteKind; 5] = [
        NoteKind::Catatan,
        NoteKind::CekPerizinan,
        NoteKind::Bap,
        NoteKind::Koordinasi,
        NoteKind::Fasilitasi,
    ];

    pub fn id(self) -> &'static str {
        match self {
            NoteKind::Catatan => "catatan",
            NoteKind::CekPerizinan => "cek-perizinan",
            NoteKind::Bap => "bap",
            NoteKind::Koordinasi => "koordinasi",
            NoteKind::Fasilitasi => "fasilitasi",
        }
    }

    pub fn parse(s: &str) -> Option<NoteKind> {
        let s = s.trim().to_lowercase().replace([' ', '_'], "-");
        NoteKind::ALL.into_iter().find(|k| k.id() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
    /// A correction names the note it supersedes.
    pub replaces: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub field: CaseField,
    pub value: String,
    pub replaces: Vec<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepSettlement {
    pub step: String,
    pub keep: Uuid,
    pub drop: Vec<Uuid>,
}

/// A note of any kind: its fields in form order (see `domain::note`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteEntry {
    pub kind: NoteKind,
    pub fields: Vec<(String, String)>,
    /// A correction names the note it supersedes.
    pub replaces: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub sha256: Hash,
    /// The file's name as it was attached, without its folder.
    pub name: String,
    pub size: u64,
    /// The note it belongs to; none for the case as a whole.
    pub note: Option<Uuid>,
}

/// One version of a letter, whole: a letter folds from its events alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterDraft {
    pub kind: LetterKind,
    pub number: String,
    /// The register the number came from: its year and sequence there.
    pub year: i32,
    pub seq: u32,
    /// Perihal.
    pub subject: String,
    pub to: String,
    /// The notes picked as its sources.
    pub notes: Vec<Uuid>,
    pub body: String,
    /// The version as its author saw it, from 1; a 1 takes a number.
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterAction {
    pub kind: LetterKind,
    /// Paraf, ttd or kirim.
    pub act: LetterAct,
    /// The event of the version acted on.
    pub version: Uuid,
}

/// Event `seq` of one desk and one case, for tests.
#[cfg(test)]
pub(crate) fn sample_event(seq: u64, payload: Payload) -> Event {
    Event {
        v: 1,
        id: Uuid::from_u128(u128::from(seq)),
        desk: Uuid::from_u128(2),
        seq,
        prev: GENESIS,
        case: Uuid::from_u128(3),
        at: 1_773_630_000,
        recorded: 1_773_630_000,
        person: "Sri".into(),
        person_role: "operator".into(),
        role: "kadis".into(),
        payload,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Event {
        let reason = "KTP".into();
        sample_event(1, Payload::ClockPaused { reason })
    }

    #[test]
    fn canonical_bytes_round_trip_and_are_stable() {
        let e = sample();
        let bytes = e.canonical_bytes();
        assert_eq!(Event::decode(&bytes).unwrap(), e);
        // Pinned: a change here breaks every stored chain and must come with
        // a new EVENT_SCHEMA_VERSION and a migration.
        assert_eq!(
            hex(&hash_bytes(&bytes)),
            "68fcbe72b6317f1d46c806bcc0fb66badcd25ef97efc73d587bb5c71b5898ffe",
            "canonical encoding changed: {}",
            hex(&bytes)
        );
    }

    #[test]
    fn on_behalf_is_derived_from_roles() {
        let mut e = sample();
        assert!(e.on_behalf());
        e.role = "operator".into();
        assert!(!e.on_behalf());
    }
}
