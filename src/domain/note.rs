//! Investigation notes: the fields of each kind, their checks, and a case's
//! notes as history (corrections supersede, withdrawals mark, nothing goes).

use chrono::{FixedOffset, NaiveDateTime, Timelike};
use uuid::Uuid;

use super::conflict::{Conflict, Head, Topic};
use super::draft::{lines, parse_date, parse_datetime};
use super::event::{Attachment, Event, Hash, NoteKind};
use super::text;

/// How a field is typed and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// One line.
    Line,
    /// Several lines.
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// `YYYY-MM-DD HH:MM`.
    DateTime,
    /// One of the listed ids.
    Choice(&'static [&'static str]),
    /// Names of the office's people, separated by commas.
    People,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Stored in the event and the key of `--field id=value`.
    pub id: &'static str,
    pub ty: FieldType,
    pub required: bool,
}

const fn field(id: &'static str, ty: FieldType, required: bool) -> FieldSpec {
    FieldSpec { id, ty, required }
}

/// What a licence check found in the records.
pub const LICENCE_STATUSES: &[&str] = &["sah", "kedaluwarsa", "tidak-terdaftar", "tidak-sesuai"];
/// Whether a mediation reached agreement.
pub const AGREEMENT: &[&str] = &["ya", "tidak"];

use FieldType::*;

const CATATAN: &[FieldSpec] = &[field("teks", Text, true)];
const CEK_PERIZINAN: &[FieldSpec] = &[
    field("nomor-izin", Line, false),
    field("nib", Line, false),
    field("jenis-izin", Line, true),
    field("status", Choice(LICENCE_STATUSES), true),
    field("dibandingkan", Text, true),
    field("hasil", Text, true),
];
const BAP: &[FieldSpec] = &[
    field("waktu", DateTime, true),
    field("tempat", Line, true),
    field("petugas", People, true),
    field("pihak-lain", Line, false),
    field("temuan", Text, true),
    field("kesimpulan", Text, true),
    field("rekomendasi", Text, false),
];
const KOORDINASI: &[FieldSpec] = &[
    field("dengan", Line, true),
    field("tanggal", Date, true),
    field("hasil", Text, true),
];
const FASILITASI: &[FieldSpec] = &[
    field("tanggal", Date, true),
    field("pihak", Line, true),
    field("sepakat", Choice(AGREEMENT), true),
    field("tindak-lanjut", Text, false),
];

/// The fields of a kind of note, in the order of its form.
pub fn fields_of(kind: NoteKind) -> &'static [FieldSpec] {
    match kind {
        NoteKind::Catatan => CATATAN,
        NoteKind::CekPerizinan => CEK_PERIZINAN,
        NoteKind::Bap => BAP,
        NoteKind::Koordinasi => KOORDINASI,
        NoteKind::Fasilitasi => FASILITASI,
    }
}

/// Why a note's fields were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    UnknownField(String),
    Missing(&'static str),
    BadDate(&'static str, String),
    BadDateTime(&'static str, String),
    NotAChoice(&'static str, String, &'static [&'static str]),
    UnknownPerson(&'static str, String),
    /// A one-line field holding a line break.
    MultiLine(&'static str),
    /// A field holding a character that would steer a terminal.
    ControlChar(&'static str, char),
}

/// A note's date outside the span it may fall in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// After now; the limit as the field is written.
    InFuture(&'static str, String),
    /// Before the case was received; the receipt likewise.
    BeforeReceipt(&'static str, String),
}

/// The span a note's dates must fall in: from the case's receipt to now,
/// both in the office's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateBounds {
    pub received: NaiveDateTime,
    pub now: NaiveDateTime,
}

/// Checks the date and time fields of validated values (as `validate`
/// returns them) against the case's receipt and now: what happened on paper
/// happened neither before the complaint arrived nor later than today.
pub fn check_dates(
    kind: NoteKind,
    values: &[(String, String)],
    bounds: DateBounds,
) -> Result<(), DateError> {
    for spec in fields_of(kind) {
        let Some((_, value)) = values.iter().find(|(id, _)| id == spec.id) else {
            continue;
        };
        let (at, earliest, latest, form) = match spec.ty {
            Date => (
                parse_date(value).map(|d| d.and_time(chrono::NaiveTime::MIN)),
                bounds.received.date().and_time(chrono::NaiveTime::MIN),
                bounds.now.date().and_time(chrono::NaiveTime::MIN),
                "%Y-%m-%d",
            ),
            // Written to the minute: the receipt and now count to the minute too.
            DateTime => (
                NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M").ok(),
                floor_minute(bounds.received),
                floor_minute(bounds.now),
                "%Y-%m-%d %H:%M",
            ),
            _ => continue,
        };
        let Some(at) = at else { continue };
        if at > latest {
            return Err(DateError::InFuture(
                spec.id,
                latest.format(form).to_string(),
            ));
        }
        if at < earliest {
            return Err(DateError::BeforeReceipt(
                spec.id,
                bounds.received.format(form).to_string(),
            ));
        }
    }
    Ok(())
}

fn floor_minute(t: NaiveDateTime) -> NaiveDateTime {
    t.with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(t)
}

/// The fields of `kind` that are required but missing from `values`, in
/// form order: what a note written without its form (or before notes had
/// fields) lacks.
pub fn missing_required(kind: NoteKind, values: &[(String, String)]) -> Vec<&'static str> {
    fields_of(kind)
        .iter()
        .filter(|s| s.required)
        .filter(|s| {
            !values
                .iter()
                .any(|(id, v)| id == s.id && !v.trim().is_empty())
        })
        .map(|s| s.id)
        .collect()
}

/// Checks typed values against the kind's fields and returns them in form
/// order, trimmed and normalised (dates in ISO form, people as configured).
/// Empty optional fields are left out.
pub fn validate(
    kind: NoteKind,
    values: &[(String, String)],
    people: &[String],
    offset: FixedOffset,
) -> Result<Vec<(String, String)>, FieldError> {
    let specs = fields_of(kind);
    if let Some((unknown, _)) = values
        .iter()
        .find(|(id, _)| !specs.iter().any(|s| s.id == id.as_str()))
    {
        return Err(FieldError::UnknownField(unknown.clone()));
    }
    let mut out = Vec::new();
    for spec in specs {
        let value = values
            .iter()
            .rev()
            .find(|(id, _)| id == spec.id)
            .map_or("", |(_, v)| v.trim());
        if value.is_empty() {
            if spec.required {
                return Err(FieldError::Missing(spec.id));
            }
            continue;
        }
        out.push((spec.id.to_string(), normalise(spec, value, people, offset)?));
    }
    Ok(out)
}

fn normalise(
    spec: &FieldSpec,
    value: &str,
    people: &[String],
    offset: FixedOffset,
) -> Result<String, FieldError> {
    let id = spec.id;
    if let Some(c) = control_in(spec.ty, value) {
        return Err(FieldError::ControlChar(id, c));
    }
    match spec.ty {
        Line if value.contains('\n') => Err(FieldError::MultiLine(id)),
        Line => Ok(value.to_string()),
        Text => Ok(lines(value)),
        Date => parse_date(value)
            .map(|d| d.to_string())
            .ok_or_else(|| FieldError::BadDate(id, value.into())),
        DateTime => parse_datetime(value, offset)
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .ok_or_else(|| FieldError::BadDateTime(id, value.into())),
        Choice(options) => {
            let v = value.to_lowercase().replace([' ', '_'], "-");
            options
                .iter()
                .find(|o| **o == v)
                .map(|o| o.to_string())
                .ok_or_else(|| FieldError::NotAChoice(id, value.into(), options))
        }
        People => value
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|n| {
                people
                    .iter()
                    .find(|p| p.to_lowercase() == n.to_lowercase())
                    .cloned()
                    .ok_or_else(|| FieldError::UnknownPerson(id, n.into()))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|names| names.join(", ")),
    }
}

/// The first control character of a value: a text keeps its line breaks
/// and tabs, a one-line field's line break is told as [`FieldError::MultiLine`].
fn control_in(ty: FieldType, value: &str) -> Option<char> {
    match ty {
        Text => text::control_in_lines(&lines(value)),
        Line => text::control_in_line(value).filter(|&c| c != '\n'),
        _ => text::control_in_line(value),
    }
}

/// A file attached to a case or to one of its notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentRecord {
    pub event: Uuid,
    pub at: i64,
    pub person: String,
    pub sha256: Hash,
    pub name: String,
    pub size: u64,
    pub note: Option<Uuid>,
}

/// A note as its case knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRecord {
    pub event: Uuid,
    /// The desk that recorded it.
    pub desk: Uuid,
    pub at: i64,
    pub person: String,
    pub role: String,
    pub kind: NoteKind,
    pub fields: Vec<(String, String)>,
    pub replaces: Option<Uuid>,
    /// The note that superseded this one, if any.
    pub superseded_by: Option<Uuid>,
    pub withdrawn: Option<Withdrawn>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawn {
    pub at: i64,
    pub person: String,
    pub role: String,
    pub reason: String,
}

impl NoteRecord {
    /// Neither superseded nor withdrawn.
    pub fn is_current(&self) -> bool {
        self.superseded_by.is_none() && self.withdrawn.is_none()
    }

    pub fn field(&self, id: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| v.as_str())
    }

    /// The fields as one text (search, the case's summary): values only,
    /// one per line.
    pub fn text(&self) -> String {
        self.fields
            .iter()
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The first line of the first field, for lists.
    pub fn headline(&self) -> &str {
        self.fields
            .first()
            .map_or("", |(_, v)| v.lines().next().unwrap_or(""))
    }
}

/// Why a note event was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteProblem {
    /// It names a note the case does not have.
    Unknown(Uuid),
    /// The note was withdrawn already (on another desk too).
    AlreadyWithdrawn(Uuid),
}

/// A case's notes and attachments, in the order their events were applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notebook {
    pub notes: Vec<NoteRecord>,
    pub attachments: Vec<AttachmentRecord>,
}

impl Notebook {
    /// Applies a note event. A correction marks the note it replaces; one
    /// naming a note the case lacks still stands, on its own.
    pub fn record(
        &mut self,
        e: &Event,
        kind: NoteKind,
        fields: Vec<(String, String)>,
        replaces: Option<Uuid>,
    ) -> Result<(), NoteProblem> {
        if let Some(n) = replaces.and_then(|old| self.note_mut(old)) {
            n.superseded_by = Some(e.id);
        }
        self.notes.push(NoteRecord {
            event: e.id,
            desk: e.desk,
            at: e.at,
            person: e.person.clone(),
            role: e.role.clone(),
            kind,
            fields,
            replaces,
            superseded_by: None,
            withdrawn: None,
        });
        Ok(())
    }

    pub fn withdraw(&mut self, e: &Event, note: Uuid, reason: &str) -> Result<(), NoteProblem> {
        match self.note_mut(note) {
            Some(n) if n.withdrawn.is_none() => {
                n.withdrawn = Some(Withdrawn {
                    at: e.at,
                    person: e.person.clone(),
                    role: e.role.clone(),
                    reason: reason.to_string(),
                });
                Ok(())
            }
            Some(_) => Err(NoteProblem::AlreadyWithdrawn(note)),
            None => Err(NoteProblem::Unknown(note)),
        }
    }

    /// Applies an attachment; one naming a note the case lacks stays on the
    /// case as a whole.
    pub fn attach(&mut self, e: &Event, a: &Attachment) -> Result<(), NoteProblem> {
        self.attachments.push(AttachmentRecord {
            event: e.id,
            at: e.at,
            person: e.person.clone(),
            sha256: a.sha256,
            name: a.name.clone(),
            size: a.size,
            note: a.note,
        });
        Ok(())
    }

    pub fn note(&self, id: Uuid) -> Option<&NoteRecord> {
        self.notes.iter().find(|n| n.event == id)
    }

    fn note_mut(&mut self, id: Uuid) -> Option<&mut NoteRecord> {
        self.notes.iter_mut().find(|n| n.event == id)
    }

    /// The notes that stand: neither superseded nor withdrawn.
    pub fn current(&self) -> impl Iterator<Item = &NoteRecord> {
        self.notes.iter().filter(|n| n.is_current())
    }

    /// Notes corrected apart: two or more standing versions of one note
    /// (named by its first version), each shown with every field in which
    /// the versions differ. A correction of one version by a desk that had
    /// not seen the other keeps the conflict; withdrawing all but one
    /// settles it.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut out: Vec<(Conflict, Vec<&NoteRecord>)> = Vec::new();
        for n in self.current().filter(|n| n.replaces.is_some()) {
            let topic = Topic::Note(self.root(n).event);
            match out.iter_mut().find(|(c, _)| c.topic == topic) {
                Some((_, versions)) => versions.push(n),
                None => out.push((
                    Conflict {
                        topic,
                        heads: Vec::new(),
                    },
                    vec![n],
                )),
            }
        }
        out.into_iter()
            .filter(|(_, versions)| versions.len() > 1)
            .map(|(mut c, versions)| {
                let differing = differing_fields(&versions);
                c.heads = versions
                    .iter()
                    .map(|n| Head {
                        event: n.event,
                        value: fields_text(n, &differing),
                        desk: n.desk,
                        person: n.person.clone(),
                        role: n.role.clone(),
                        at: n.at,
                    })
                    .collect();
                c
            })
            .collect()
    }

    /// The first version of a note.
    fn root<'n>(&'n self, mut n: &'n NoteRecord) -> &'n NoteRecord {
        for _ in 0..self.notes.len() {
            match n.replaces.and_then(|r| self.note(r)) {
                Some(older) => n = older,
                None => break,
            }
        }
        n
    }

    /// The versions of a note, oldest first, ending with `id`.
    pub fn history(&self, id: Uuid) -> Vec<&NoteRecord> {
        let mut chain = Vec::new();
        let mut next = self.note(id);
        while let Some(n) = next {
            chain.push(n);
            next = n.replaces.and_then(|r| self.note(r));
            if chain.len() > self.notes.len() {
                break;
            }
        }
        chain.reverse();
        chain
    }
}

/// The fields whose values are not the same in every version, in form order.
fn differing_fields(versions: &[&NoteRecord]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for n in versions {
        for (k, _) in &n.fields {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    keys.retain(|k| {
        let first = versions[0].field(k);
        versions.iter().any(|n| n.field(k) != first)
    });
    keys
}

/// `key: value` of each named field, one per line (empty fields as `-`).
fn fields_text(n: &NoteRecord, keys: &[String]) -> String {
    if keys.is_empty() {
        return n.headline().to_string();
    }
    keys.iter()
        .map(|k| format!("{k}: {}", n.field(k).unwrap_or("-")))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wib() -> FixedOffset {
        FixedOffset::east_opt(7 * 3600).unwrap()
    }

    fn kv(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_field_report_is_checked_and_normalised() {
        let people = vec!["Sri Wahyuni".to_string(), "Budi Santoso".to_string()];
        let ok = validate(
            NoteKind::Bap,
            &kv(&[
                ("waktu", "2026-10-07 09:30"),
                ("tempat", "Desa Kilensari"),
                ("petugas", "sri wahyuni,  Budi Santoso"),
                ("temuan", "Bangunan tanpa PBG"),
                ("kesimpulan", "Melanggar"),
            ]),
            &people,
            wib(),
        )
        .unwrap();
        assert_eq!(
            ok[2],
            ("petugas".into(), "Sri Wahyuni, Budi Santoso".into())
        );
        assert_eq!(ok.len(), 5, "empty optional fields are left out");

        let missing = validate(NoteKind::Bap, &kv(&[("tempat", "x")]), &people, wib());
        assert_eq!(missing, Err(FieldError::Missing("waktu")));
        let stranger = validate(
            NoteKind::Bap,
            &kv(&[
                ("waktu", "2026-10-07 09:30"),
                ("tempat", "x"),
                ("petugas", "Joko"),
                ("temuan", "x"),
                ("kesimpulan", "x"),
            ]),
            &people,
            wib(),
        );
        assert_eq!(
            stranger,
            Err(FieldError::UnknownPerson("petugas", "Joko".into()))
        );
        let bad_time = validate(
            NoteKind::Koordinasi,
            &kv(&[
                ("dengan", "Bidang Perizinan"),
                ("tanggal", "7/10/26"),
                ("hasil", "x"),
            ]),
            &people,
            wib(),
        );
        assert_eq!(
            bad_time,
            Err(FieldError::BadDate("tanggal", "7/10/26".into()))
        );
    }

    #[test]
    fn a_note_field_refuses_control_characters_but_a_text_keeps_its_lines() {
        let koordinasi = |dengan: &str, hasil: &str| {
            validate(
                NoteKind::Koordinasi,
                &kv(&[
                    ("dengan", dengan),
                    ("tanggal", "2026-10-07"),
                    ("hasil", hasil),
                ]),
                &[],
                wib(),
            )
        };
        assert_eq!(
            koordinasi("Bidang\u{1b}[2J", "x"),
            Err(FieldError::ControlChar("dengan", '\u{1b}'))
        );
        assert_eq!(
            koordinasi("Bidang", "sepakat\u{0}"),
            Err(FieldError::ControlChar("hasil", '\0'))
        );
        assert_eq!(
            koordinasi("Bidang\nPerizinan", "x"),
            Err(FieldError::MultiLine("dengan"))
        );
        let ok = koordinasi("Bidang", "satu\r\n\tdua").unwrap();
        assert_eq!(ok[2].1, "satu\n\tdua");
    }

    #[test]
    fn note_dates_fall_between_the_receipt_and_now() {
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let bounds = DateBounds {
            received: at("2026-10-05 09:15"),
            now: at("2026-10-07 10:00"),
        };
        let koordinasi = |day: &str| {
            check_dates(
                NoteKind::Koordinasi,
                &kv(&[("dengan", "Bidang"), ("tanggal", day), ("hasil", "x")]),
                bounds,
            )
        };
        assert_eq!(koordinasi("2026-10-05"), Ok(()), "the day of receipt");
        assert_eq!(koordinasi("2026-10-07"), Ok(()), "today");
        assert_eq!(
            koordinasi("2026-10-08"),
            Err(DateError::InFuture("tanggal", "2026-10-07".into()))
        );
        assert_eq!(
            koordinasi("2026-10-04"),
            Err(DateError::BeforeReceipt("tanggal", "2026-10-05".into()))
        );
        let bap = |t: &str| check_dates(NoteKind::Bap, &kv(&[("waktu", t)]), bounds);
        assert_eq!(bap("2026-10-05 09:15"), Ok(()));
        assert_eq!(
            bap("2026-10-05 09:00"),
            Err(DateError::BeforeReceipt("waktu", "2026-10-05 09:15".into()))
        );
        assert_eq!(
            bap("2026-10-07 10:01"),
            Err(DateError::InFuture("waktu", "2026-10-07 10:00".into()))
        );
    }

    #[test]
    fn a_bap_without_its_fields_lacks_time_place_and_officers() {
        assert_eq!(
            missing_required(NoteKind::Bap, &kv(&[("teks", "Sudah dicek")])),
            ["waktu", "tempat", "petugas", "temuan", "kesimpulan"]
        );
        assert!(
            missing_required(
                NoteKind::Bap,
                &kv(&[
                    ("waktu", "2026-10-07 09:30"),
                    ("tempat", "x"),
                    ("petugas", "Sri"),
                    ("temuan", "x"),
                    ("kesimpulan", "x"),
                ])
            )
            .is_empty()
        );
    }

    #[test]
    fn choices_and_unknown_fields() {
        let status = |s: &str| {
            validate(
                NoteKind::CekPerizinan,
                &kv(&[
                    ("jenis-izin", "PBG"),
                    ("status", s),
                    ("dibandingkan", "OSS dan berkas"),
                    ("hasil", "x"),
                ]),
                &[],
                wib(),
            )
        };
        assert_eq!(status("Tidak Terdaftar").unwrap()[1].1, "tidak-terdaftar");
        assert!(matches!(
            status("hilang"),
            Err(FieldError::NotAChoice("status", _, _))
        ));
        assert_eq!(
            validate(NoteKind::Catatan, &kv(&[("warna", "x")]), &[], wib()),
            Err(FieldError::UnknownField("warna".into()))
        );
    }

    fn note_event(id: u128, desk: u128) -> Event {
        Event {
            v: 2,
            id: Uuid::from_u128(id),
            desk: Uuid::from_u128(desk),
            seq: id as u64,
            prev: [0; 32],
            case: Uuid::from_u128(99),
            at: id as i64,
            recorded: id as i64,
            person: "Sri".into(),
            person_role: "staf".into(),
            role: "staf".into(),
            payload: crate::domain::event::Payload::ClockResumed {
                note: String::new(),
            },
        }
    }

    #[test]
    fn a_note_conflict_outlives_a_correction_of_one_side_and_shows_every_differing_field() {
        let mut book = Notebook::default();
        let f = |hasil: &str, status: &str| {
            kv(&[("status", status), ("hasil", hasil), ("jenis-izin", "PBG")])
        };
        let n = Uuid::from_u128;
        book.record(
            &note_event(1, 10),
            NoteKind::CekPerizinan,
            f("ada", "sah"),
            None,
        )
        .unwrap();
        // Desks A and B correct note 1 apart; desk C, which saw only A's, corrects it.
        book.record(
            &note_event(2, 11),
            NoteKind::CekPerizinan,
            f("sah", "sah"),
            Some(n(1)),
        )
        .unwrap();
        book.record(
            &note_event(3, 12),
            NoteKind::CekPerizinan,
            f("tidak ada", "kedaluwarsa"),
            Some(n(1)),
        )
        .unwrap();
        assert_eq!(book.conflicts().len(), 1);
        book.record(
            &note_event(4, 13),
            NoteKind::CekPerizinan,
            f("sah, dicek ulang", "sah"),
            Some(n(2)),
        )
        .unwrap();
        let c = book.conflicts();
        assert_eq!(c.len(), 1, "the conflict stands: {c:?}");
        assert_eq!(c[0].topic, Topic::Note(n(1)));
        let values: Vec<&str> = c[0].heads.iter().map(|h| h.value.as_str()).collect();
        assert_eq!(
            values,
            [
                "status: kedaluwarsa\nhasil: tidak ada",
                "status: sah\nhasil: sah, dicek ulang"
            ]
        );
        assert_eq!(c[0].heads[0].desk, n(12), "each version names its desk");
        // Withdrawing one side settles it.
        book.withdraw(&note_event(5, 10), n(3), "salah").unwrap();
        assert!(book.conflicts().is_empty());
        assert_eq!(
            book.withdraw(&note_event(6, 11), n(3), "salah"),
            Err(NoteProblem::AlreadyWithdrawn(n(3)))
        );
    }
}
