//! One case as the section head reads it before deciding: the whole
//! complaint, its files, the cases linked to it both ways, its notes, the
//! SOP checklist, the timeline and what may be done now. Built on
//! [`Desk::show`]; every lookup goes through an index.

use serde::Serialize;
use uuid::Uuid;

use super::views::ConflictView;
use super::{CaseDetail, Desk, Integrity, Result, StepView, TimelineEntry, short_id};
use crate::domain::case::{CaseField, Channel, Kind};
use crate::domain::note::NoteRecord;
use crate::domain::workflow::ActionKind;
use crate::i18n::{self, Word, word};
use crate::store::CaseRow;

/// Everything the case screen shows, already in words.
#[derive(Debug, Clone, Serialize)]
pub struct CaseView {
    pub agenda_no: String,
    pub kind: String,
    pub channel: String,
    /// The status id (`open`, `paused`, …) and its label.
    pub status: String,
    pub status_label: String,
    pub received_at: String,
    pub deadline: String,
    pub deadline_flags: Vec<String>,
    pub overdue: bool,
    pub workdays_used: u32,
    pub finished_margin: Option<i64>,
    pub forwarded_to: Option<String>,
    pub complainant: Complainant,
    pub business: Business,
    pub subject: String,
    /// As typed, line breaks kept.
    pub description: String,
    pub attachments: Vec<AttachmentLine>,
    pub links: CaseLinks,
    pub notes: Vec<NoteLine>,
    pub steps: Vec<StepView>,
    pub timeline: Vec<TimelineEntry>,
    pub conflicts: Vec<ConflictView>,
    /// Per role (its short name), the labels of the actions it may take now.
    pub allowed: Vec<(String, Vec<String>)>,
}

/// The complainant as the screen may show them: every field replaced by
/// "(dirahasiakan)" when the identity is hidden.
#[derive(Debug, Clone, Serialize)]
pub struct Complainant {
    pub hidden: bool,
    pub name: String,
    pub nik: String,
    pub phone: String,
    pub email: String,
    pub address: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Business {
    pub name: String,
    pub nib: String,
    pub licence_no: String,
    pub licence_type: String,
}

/// A file of the case: handed in at the desk or added to it since.
#[derive(Debug, Clone, Serialize)]
pub struct AttachmentLine {
    pub name: String,
    pub size: u64,
    /// Whether the desk holds the content at the size the event names
    /// (`aduan check` re-hashes it; this screen does not read the bytes).
    #[serde(serialize_with = "integrity_id")]
    pub copy: Integrity,
    /// The note it belongs to (short id), if any.
    pub note: Option<String>,
}

/// The cases linked to this one: the one it was linked to at registration,
/// and every case registered as linked to it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CaseLinks {
    pub to: Option<LinkedCase>,
    pub from: Vec<LinkedCase>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkedCase {
    pub id: Uuid,
    /// Empty when this desk does not hold the case (yet).
    pub agenda_no: String,
    pub subject: String,
    pub status: String,
}

impl LinkedCase {
    /// `0001/PGD/LKT1/2026 — subject [status]`, or the id when this desk
    /// does not hold the case.
    pub fn line(&self) -> String {
        if self.agenda_no.is_empty() {
            format!("{} ({})", self.id, i18n::cv(i18n::Cv::NotOnThisDesk))
        } else {
            format!("{} — {} [{}]", self.agenda_no, self.subject, self.status)
        }
    }
}

/// One note in a line: kind, when, who, its first line, what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct NoteLine {
    pub id: String,
    pub kind: String,
    pub at: String,
    pub person: String,
    pub role: String,
    pub summary: String,
    /// Superseded by (short id of the correction), if it was corrected.
    pub corrected_by: Option<String>,
    /// The reason given, if it was withdrawn.
    pub withdrawn: Option<String>,
}

impl Desk {
    /// The case `agenda` as its screen shows it.
    pub fn case_view(&self, agenda: &str) -> Result<CaseView> {
        self.case_view_of(self.show(agenda)?, agenda)
    }

    /// The case `agenda` as its screen shows it, and as [`Desk::show`]
    /// reads it, from one reading of the case.
    pub fn case_view_and_detail(&self, agenda: &str) -> Result<(CaseView, CaseDetail)> {
        let d = self.show(agenda)?;
        Ok((self.case_view_of(d.clone(), agenda)?, d))
    }

    fn case_view_of(&self, mut d: CaseDetail, agenda: &str) -> Result<CaseView> {
        if d.confidential || d.anonymous {
            hide_identity_changes(&mut d);
        }
        let links = self.case_links(&d)?;
        let book = self.notebook(agenda)?.notebook;
        let attachments = book
            .attachments
            .iter()
            .map(|a| {
                Ok(AttachmentLine {
                    name: a.name.clone(),
                    size: a.size,
                    copy: self.stored_copy(&a.sha256, a.size)?,
                    note: a.note.map(short_id),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(CaseView {
            agenda_no: d.agenda_no.clone(),
            kind: Kind::from_id(&d.kind).map_or(d.kind.clone(), |k| i18n::kind_label(k).into()),
            channel: Channel::parse(&d.channel)
                .map_or(d.channel.clone(), |c| i18n::channel_label(c).into()),
            status_label: i18n::status_label_by_id(&d.status).into(),
            status: d.status.clone(),
            received_at: self.minutes(&d.received_at),
            deadline: d.deadline.clone(),
            deadline_flags: d.deadline_flags.clone(),
            overdue: d.overdue,
            workdays_used: d.workdays_used,
            finished_margin: d.finished_margin,
            forwarded_to: d.forwarded_to.clone(),
            complainant: complainant_of(&d),
            business: business_of(&d),
            subject: d.subject.clone(),
            description: d.description.clone(),
            attachments,
            links,
            notes: book.notes.iter().map(|n| self.note_line(n)).collect(),
            allowed: self.allowed_labels(&d),
            steps: d.steps,
            timeline: d.timeline,
            conflicts: d.conflicts,
        })
    }

    /// The case `d` was linked to at registration and the cases linked to it.
    pub fn case_links(&self, d: &CaseDetail) -> Result<CaseLinks> {
        let to = match d.linked_to {
            Some(id) => Some(match self.store.case_by_id(id) {
                Ok(Some(row)) => linked(id, &row),
                Ok(None) => LinkedCase {
                    id,
                    agenda_no: String::new(),
                    subject: String::new(),
                    status: String::new(),
                },
                Err(e) => return Err(self.db_error(e)),
            }),
            None => None,
        };
        let from = self
            .store
            .cases_linking_to(d.id)
            .map_err(|e| self.db_error(e))?
            .iter()
            .map(|(id, row)| linked(*id, row))
            .collect();
        Ok(CaseLinks { to, from })
    }

    fn stored_copy(&self, sha256: &[u8; 32], size: u64) -> Result<Integrity> {
        Ok(
            match self
                .store
                .content_len(sha256)
                .map_err(|e| self.db_error(e))?
            {
                None => Integrity::Missing,
                Some(held) if held == size => Integrity::Intact,
                Some(_) => Integrity::Damaged,
            },
        )
    }

    fn note_line(&self, n: &NoteRecord) -> NoteLine {
        NoteLine {
            id: short_id(n.event),
            kind: i18n::note_kind_label(n.kind).into(),
            at: self.local_time(n.at),
            person: n.person.clone(),
            role: n.role.clone(),
            summary: n.headline().to_string(),
            corrected_by: n.superseded_by.map(short_id),
            withdrawn: n.withdrawn.as_ref().map(|w| w.reason.clone()),
        }
    }

    fn allowed_labels(&self, d: &CaseDetail) -> Vec<(String, Vec<String>)> {
        let sop = self.sops.by_id(&d.sop);
        d.allowed
            .iter()
            .filter(|(_, actions)| !actions.is_empty())
            .map(|(role, actions)| {
                let role = sop.map_or(role.as_str(), |s| s.role_short(role));
                let labels = actions
                    .iter()
                    .map(|a| {
                        ActionKind::parse(a).map_or(a.clone(), |k| i18n::action_label(k).into())
                    })
                    .collect();
                (role.to_string(), labels)
            })
            .collect()
    }

    /// `2026-03-16T09:15:00+07:00` as `2026-03-16 09:15`.
    fn minutes(&self, rfc3339: &str) -> String {
        rfc3339
            .chars()
            .take(16)
            .collect::<String>()
            .replace('T', " ")
    }
}

fn linked(id: Uuid, row: &CaseRow) -> LinkedCase {
    LinkedCase {
        id,
        agenda_no: row.agenda_no.clone(),
        subject: row.subject.clone(),
        status: i18n::status_label_by_id(&row.status).into(),
    }
}

/// The rule every list and the receipt follow (`CaseInput::display_name`):
/// a confidential or anonymous complainant's identity is not shown, and on
/// this screen that covers every way to reach them too.
fn complainant_of(d: &CaseDetail) -> Complainant {
    let hidden = d.confidential || d.anonymous;
    let field = |key: &str| {
        if hidden {
            word(Word::Hidden).to_string()
        } else {
            d.complainant
                .get(key)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        }
    };
    Complainant {
        hidden,
        name: field("name"),
        nik: field("nik"),
        phone: field("phone"),
        email: field("email"),
        address: field("address"),
    }
}

/// What could reach a hidden complainant (their name, NIK, address, phone,
/// e-mail) as corrections and conflicts name it.
const IDENTITY: [CaseField; 5] = [
    CaseField::Name,
    CaseField::Nik,
    CaseField::Address,
    CaseField::Phone,
    CaseField::Email,
];

/// Corrections of the identity in the timeline and values of its
/// conflicts, hidden as the fields themselves are.
fn hide_identity_changes(d: &mut CaseDetail) {
    let hidden = word(Word::Hidden);
    for t in &mut d.timeline {
        if t.kind != "corrected" && t.kind != "resolved" {
            continue;
        }
        for f in IDENTITY {
            let label = format!("{}: ", i18n::case_field_label(f));
            if t.summary.starts_with(&label) {
                t.summary = format!("{label}{hidden}");
            }
        }
    }
    for c in &mut d.conflicts {
        if IDENTITY
            .iter()
            .any(|f| c.topic == format!("field:{}", f.id()))
        {
            for v in &mut c.values {
                v.value = hidden.to_string();
            }
        }
    }
}

fn business_of(d: &CaseDetail) -> Business {
    let field = |key: &str| {
        d.object
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    Business {
        name: field("business"),
        nib: field("nib"),
        licence_no: field("licence_no"),
        licence_type: field("licence_type"),
    }
}

fn integrity_id<S: serde::Serializer>(i: &Integrity, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(match i {
        Integrity::Intact => "held",
        Integrity::Damaged => "size-differs",
        Integrity::Missing => "missing",
    })
}
