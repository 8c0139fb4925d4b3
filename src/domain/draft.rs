//! Turning what a person typed (a form, a JSON document, CLI flags) into a
//! validated [`CaseInput`]. Every problem is reported per field, so a form can
//! show it beside the field and a command can name it.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use serde::{Deserialize, Serialize};

use super::case::{AttachmentRef, CaseInput, Channel, Complainant, ComplaintObject, Kind};
use super::identity::{self, EmailError, NibError, NikError, PhoneError};
use super::text;

/// A case as typed: every field is text, nothing is checked yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CaseDraft {
    pub kind: String,
    pub channel: String,
    pub name: String,
    pub nik: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub confidential: bool,
    pub anonymous: bool,
    pub identity_attached: bool,
    pub business: String,
    pub nib: String,
    pub licence_no: String,
    pub licence_type: String,
    pub subject: String,
    pub description: String,
    /// Local time; empty means now.
    pub received_at: String,
    /// Date; empty means the day of receipt.
    pub complete_on: String,
    /// Paths of files handed in.
    pub attachments: Vec<String>,
    /// Agenda number or id of a case this one repeats.
    pub linked_to: String,
}

/// A draft from the text of a JSON file (`case add --json`); a key that is
/// not a field is refused.
pub fn from_json(text: &str) -> Result<CaseDraft, serde_json::Error> {
    serde_json::from_str(text)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftField {
    Kind,
    Channel,
    Name,
    Nik,
    Address,
    Phone,
    Email,
    Confidential,
    Anonymous,
    IdentityAttached,
    Business,
    Nib,
    LicenceNo,
    LicenceType,
    Subject,
    Description,
    ReceivedAt,
    CompleteOn,
    Attachments,
    LinkedTo,
}

impl DraftField {
    /// The key of the field in a JSON draft.
    pub fn key(self) -> &'static str {
        match self {
            DraftField::Kind => "kind",
            DraftField::Channel => "channel",
            DraftField::Name => "name",
            DraftField::Nik => "nik",
            DraftField::Address => "address",
            DraftField::Phone => "phone",
            DraftField::Email => "email",
            DraftField::Confidential => "confidential",
            DraftField::Anonymous => "anonymous",
            DraftField::IdentityAttached => "identity_attached",
            DraftField::Business => "business",
            DraftField::Nib => "nib",
            DraftField::LicenceNo => "licence_no",
            DraftField::LicenceType => "licence_type",
            DraftField::Subject => "subject",
            DraftField::Description => "description",
            DraftField::ReceivedAt => "received_at",
            DraftField::CompleteOn => "complete_on",
            DraftField::Attachments => "attachments",
            DraftField::LinkedTo => "linked_to",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    UnknownKind(String),
    UnknownChannel(String),
    Nik(NikError),
    Phone(PhoneError),
    Email(EmailError),
    Nib(NibError),
    BadDateTime(String),
    BadDate(String),
    InFuture,
    BeforeReceipt,
    TooLong {
        max: usize,
    },
    NoContact,
    /// A character that would steer a terminal (see [`super::text`]).
    ControlChar(char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: DraftField,
    pub problem: Problem,
}

/// What validation needs to know about the world.
#[derive(Debug, Clone, Copy)]
pub struct DraftContext {
    pub now: i64,
    pub offset: FixedOffset,
}

impl DraftContext {
    pub fn local_now(&self) -> NaiveDateTime {
        to_local(self.now, self.offset)
    }
}

pub fn to_local(unix: i64, offset: FixedOffset) -> NaiveDateTime {
    offset
        .timestamp_opt(unix, 0)
        .single()
        .map(|t| t.naive_local())
        .unwrap_or_default()
}

pub fn to_unix(local: NaiveDateTime, offset: FixedOffset) -> i64 {
    local.and_utc().timestamp() - i64::from(offset.local_minus_utc())
}

/// Accepts the forms an Indonesian office writes: `2026-03-16`, `16-03-2026`, `16/03/2026`.
/// The year must be written in full: `16/03/26` is refused, not read as year 26.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok().filter(plausible))
}

/// Years a complaint desk can mean.
fn plausible(d: &NaiveDate) -> bool {
    (2000..=2100).contains(&chrono::Datelike::year(d))
}

/// A date with a time (`2026-03-16 09:15`, `2026-03-16T09:15:00`, `16/03/2026 09.15`,
/// RFC 3339 with an offset), or a date alone (taken at the office's opening, 08:00).
pub fn parse_datetime(s: &str, offset: FixedOffset) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&offset).naive_local()).filter(|t| plausible(&t.date()));
    }
    let normalised = s.replace('T', " ").replace('.', ":");
    const FORMS: [&str; 6] = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%d-%m-%Y %H:%M:%S",
        "%d-%m-%Y %H:%M",
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M",
    ];
    FORMS
        .iter()
        .find_map(|f| {
            NaiveDateTime::parse_from_str(&normalised, f)
                .ok()
                .filter(|t| plausible(&t.date()))
        })
        .or_else(|| parse_date(s).map(|d| d.and_time(NaiveTime::from_hms_opt(8, 0, 0).unwrap())))
}

const MAX_SHORT: usize = 200;
const MAX_LONG: usize = 20_000;
/// Clock skew tolerated between desks before a time counts as "in the future".
const FUTURE_SLACK_SECS: i64 = 300;

/// Checks every field and returns the case, or every problem found.
pub fn validate(
    draft: &CaseDraft,
    ctx: &DraftContext,
    attachments: Vec<AttachmentRef>,
    linked_to: Option<uuid::Uuid>,
) -> Result<CaseInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut fail = |field, problem| errors.push(FieldError { field, problem });
    let today = ctx.local_now().date();

    let kind = match draft.kind.trim() {
        "" => Some(Kind::Pengaduan),
        k => Kind::parse(k).or_else(|| {
            fail(DraftField::Kind, Problem::UnknownKind(k.to_string()));
            None
        }),
    };
    let channel = match draft.channel.trim() {
        "" => Some(Channel::Loket),
        c => Channel::parse(c).or_else(|| {
            fail(DraftField::Channel, Problem::UnknownChannel(c.to_string()));
            None
        }),
    };

    let name = clean(&draft.name);
    if name.is_empty() && !draft.anonymous {
        fail(DraftField::Name, Problem::Required);
    }
    let nik = optional(&draft.nik)
        .map(|n| identity::parse_nik(n, today).map(|n| n.digits))
        .transpose()
        .unwrap_or_else(|e| {
            fail(DraftField::Nik, Problem::Nik(e));
            None
        });
    let phone = optional(&draft.phone)
        .map(|p| identity::parse_phone(p).map(|p| p.e164))
        .transpose()
        .unwrap_or_else(|e| {
            fail(DraftField::Phone, Problem::Phone(e));
            None
        });
    let email = optional(&draft.email)
        .map(identity::parse_email)
        .transpose()
        .unwrap_or_else(|e| {
            fail(DraftField::Email, Problem::Email(e));
            None
        });
    let address = clean(&draft.address);
    let contact_given =
        !address.is_empty() || !draft.phone.trim().is_empty() || !draft.email.trim().is_empty();
    if !draft.anonymous && !contact_given {
        fail(DraftField::Phone, Problem::NoContact);
    }
    let nib = optional(&draft.nib)
        .map(identity::parse_nib)
        .transpose()
        .unwrap_or_else(|e| {
            fail(DraftField::Nib, Problem::Nib(e));
            None
        });

    let subject = clean(&draft.subject);
    let description = lines(&draft.description);
    for (field, value, max) in [
        (DraftField::Name, &name, MAX_SHORT),
        (DraftField::Address, &address, MAX_SHORT * 2),
        (DraftField::Subject, &subject, MAX_SHORT),
        (DraftField::Description, &description, MAX_LONG),
    ] {
        if value.chars().count() > max {
            fail(field, Problem::TooLong { max });
        }
    }
    for (field, value) in controls_of(draft, &description) {
        fail(field, Problem::ControlChar(value));
    }
    if subject.is_empty() {
        fail(DraftField::Subject, Problem::Required);
    }
    if description.is_empty() {
        fail(DraftField::Description, Problem::Required);
    }

    let received = match draft.received_at.trim() {
        "" => Some(ctx.now),
        s => match parse_datetime(s, ctx.offset) {
            Some(t) if to_unix(t, ctx.offset) > ctx.now + FUTURE_SLACK_SECS => {
                fail(DraftField::ReceivedAt, Problem::InFuture);
                None
            }
            Some(t) => Some(to_unix(t, ctx.offset)),
            None => {
                fail(DraftField::ReceivedAt, Problem::BadDateTime(s.to_string()));
                None
            }
        },
    };
    let received_day = received.map(|r| to_local(r, ctx.offset).date());
    let complete_on = match draft.complete_on.trim() {
        "" => received_day,
        s => match parse_date(s) {
            None => {
                fail(DraftField::CompleteOn, Problem::BadDate(s.to_string()));
                None
            }
            Some(d) if d > today => {
                fail(DraftField::CompleteOn, Problem::InFuture);
                None
            }
            Some(d) if received_day.is_some_and(|r| d < r) => {
                fail(DraftField::CompleteOn, Problem::BeforeReceipt);
                None
            }
            Some(d) => Some(d),
        },
    };

    match (kind, channel, received, complete_on) {
        (Some(kind), Some(channel), Some(received_at), Some(complete_on)) if errors.is_empty() => {
            Ok(CaseInput {
                kind,
                channel,
                complainant: Complainant {
                    name,
                    nik,
                    address,
                    phone,
                    email,
                },
                confidential: draft.confidential,
                anonymous: draft.anonymous,
                identity_attached: draft.identity_attached,
                object: ComplaintObject {
                    business: clean(&draft.business),
                    nib,
                    licence_no: clean(&draft.licence_no),
                    licence_type: clean(&draft.licence_type),
                },
                subject,
                description,
                received_at,
                complete_on,
                attachments,
                linked_to,
            })
        }
        _ => Err(control_first(errors)),
    }
}

/// A field holding a control character is told that alone: "not a NIK"
/// beside it would only confuse.
fn control_first(errors: Vec<FieldError>) -> Vec<FieldError> {
    let controlled: Vec<DraftField> = errors
        .iter()
        .filter(|e| matches!(e.problem, Problem::ControlChar(_)))
        .map(|e| e.field)
        .collect();
    errors
        .into_iter()
        .filter(|e| matches!(e.problem, Problem::ControlChar(_)) || !controlled.contains(&e.field))
        .collect()
}

/// The text fields holding a control character, each with the first one:
/// one-line fields as [`clean`] stores them (a tab or a line break there is
/// only whitespace), the description as [`lines`] does.
fn controls_of(draft: &CaseDraft, description: &str) -> Vec<(DraftField, char)> {
    let one_line = [
        (DraftField::Kind, &draft.kind),
        (DraftField::Channel, &draft.channel),
        (DraftField::Name, &draft.name),
        (DraftField::Nik, &draft.nik),
        (DraftField::Address, &draft.address),
        (DraftField::Phone, &draft.phone),
        (DraftField::Email, &draft.email),
        (DraftField::Business, &draft.business),
        (DraftField::Nib, &draft.nib),
        (DraftField::LicenceNo, &draft.licence_no),
        (DraftField::LicenceType, &draft.licence_type),
        (DraftField::Subject, &draft.subject),
        (DraftField::ReceivedAt, &draft.received_at),
        (DraftField::CompleteOn, &draft.complete_on),
        (DraftField::LinkedTo, &draft.linked_to),
    ];
    let mut found: Vec<(DraftField, char)> = one_line
        .into_iter()
        .filter_map(|(field, value)| text::control_in_line(&clean(value)).map(|c| (field, c)))
        .collect();
    found.extend(text::control_in_lines(description).map(|c| (DraftField::Description, c)));
    found.extend(
        draft
            .attachments
            .iter()
            .find_map(|p| text::control_in_line(p))
            .map(|c| (DraftField::Attachments, c)),
    );
    found
}

/// The refusal of a one-line text field holding a control character.
pub fn control_in_line(s: &str) -> Option<Problem> {
    text::control_in_line(&clean(s)).map(Problem::ControlChar)
}

/// The refusal of a multi-line text field holding a control character.
pub fn control_in_lines(s: &str) -> Option<Problem> {
    text::control_in_lines(&lines(s)).map(Problem::ControlChar)
}

/// A multi-line field as it is stored: trimmed, a Windows line end (`\r\n`)
/// a plain one.
pub fn lines(s: &str) -> String {
    s.replace("\r\n", "\n").trim().to_string()
}

/// Trims and collapses runs of whitespace, as a one-line field should be stored.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn optional(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> DraftContext {
        let offset = FixedOffset::east_opt(7 * 3600).unwrap();
        let now = parse_datetime("2026-03-16 10:00", offset).unwrap();
        DraftContext {
            now: to_unix(now, offset),
            offset,
        }
    }

    fn good() -> CaseDraft {
        CaseDraft {
            name: "  Siti   Aminah ".into(),
            nik: "3512074507850003".into(),
            phone: "0812-3456-7890".into(),
            subject: "PBG belum terbit".into(),
            description: "Sudah tiga bulan.".into(),
            ..CaseDraft::default()
        }
    }

    #[test]
    fn a_good_draft_is_normalised() {
        let c = validate(&good(), &ctx(), vec![], None).unwrap();
        assert_eq!(c.complainant.name, "Siti Aminah");
        assert_eq!(c.complainant.phone.as_deref(), Some("+6281234567890"));
        assert_eq!(c.kind, Kind::Pengaduan);
        assert_eq!(c.channel, Channel::Loket);
        assert_eq!(c.complete_on, NaiveDate::from_ymd_opt(2026, 3, 16).unwrap());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let d = CaseDraft {
            nik: "12345".into(),
            kind: "keluhan".into(),
            received_at: "besok".into(),
            ..CaseDraft::default()
        };
        let errs = validate(&d, &ctx(), vec![], None).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        for f in [
            DraftField::Kind,
            DraftField::Name,
            DraftField::Nik,
            DraftField::Phone,
            DraftField::Subject,
            DraftField::Description,
            DraftField::ReceivedAt,
        ] {
            assert!(fields.contains(&f), "{f:?} missing from {errs:?}");
        }
    }

    #[test]
    fn anonymous_needs_no_name_or_contact() {
        let d = CaseDraft {
            anonymous: true,
            subject: "Pungli".into(),
            description: "Diminta uang.".into(),
            ..CaseDraft::default()
        };
        assert!(validate(&d, &ctx(), vec![], None).is_ok());
    }

    #[test]
    fn dates_in_office_forms() {
        let o = FixedOffset::east_opt(7 * 3600).unwrap();
        let want = NaiveDate::from_ymd_opt(2026, 3, 16).unwrap();
        for s in ["2026-03-16", "16-03-2026", "16/03/2026"] {
            assert_eq!(parse_date(s), Some(want), "{s}");
        }
        let t = parse_datetime("16/03/2026 09.15", o).unwrap();
        assert_eq!(t.to_string(), "2026-03-16 09:15:00");
        let t = parse_datetime("2026-03-16T02:15:00Z", o).unwrap();
        assert_eq!(t.to_string(), "2026-03-16 09:15:00");
        assert_eq!(parse_date("2026-02-30"), None);
        // A two-digit year is refused, not read as year 26 or 16.
        assert_eq!(parse_date("16/03/26"), None);
        assert_eq!(parse_date("16-03-26"), None);
        assert_eq!(parse_datetime("16/03/26 09.15", o), None);
    }

    #[test]
    fn a_control_character_is_refused_in_the_field_holding_it() {
        let mut d = good();
        d.name = "Esc\u{1b}[31mRed".into();
        d.nik = "35120745\u{0}07850003".into();
        d.subject = "PBG \u{202e}tibret".into();
        let e = validate(&d, &ctx(), vec![], None).unwrap_err();
        assert_eq!(
            e,
            vec![
                FieldError {
                    field: DraftField::Name,
                    problem: Problem::ControlChar('\u{1b}')
                },
                FieldError {
                    field: DraftField::Nik,
                    problem: Problem::ControlChar('\0')
                },
                FieldError {
                    field: DraftField::Subject,
                    problem: Problem::ControlChar('\u{202e}')
                },
            ]
        );
    }

    #[test]
    fn a_description_keeps_its_lines_and_tabs_but_no_escape() {
        let mut d = good();
        d.description = "Baris satu\r\n\tbaris dua".into();
        d.name = "Siti\tAminah".into();
        let c = validate(&d, &ctx(), vec![], None).unwrap();
        assert_eq!(c.description, "Baris satu\n\tbaris dua");
        assert_eq!(c.complainant.name, "Siti Aminah");
        d.description = "Layar \u{1b}[2J bersih".into();
        let e = validate(&d, &ctx(), vec![], None).unwrap_err();
        assert_eq!(e[0].field, DraftField::Description);
        assert_eq!(e[0].problem, Problem::ControlChar('\u{1b}'));
    }

    #[test]
    fn complete_date_rules() {
        let mut d = good();
        d.complete_on = "2026-03-15".into();
        let e = validate(&d, &ctx(), vec![], None).unwrap_err();
        assert_eq!(e[0].problem, Problem::BeforeReceipt);
        d.complete_on = "2026-03-17".into();
        let e = validate(&d, &ctx(), vec![], None).unwrap_err();
        assert_eq!(e[0].problem, Problem::InFuture);
    }
}
