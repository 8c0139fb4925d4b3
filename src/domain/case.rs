//! The vocabulary of a case: kinds, channels, the complainant, the object of
//! the complaint. These types are serialised into events, so the order of enum
//! variants is part of the event format: append new variants, never reorder.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the person brings to the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Pengaduan,
    Konsultasi,
    Aspirasi,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Pengaduan, Kind::Konsultasi, Kind::Aspirasi];

    /// The identifier used in files, the CLI and the database.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Pengaduan => "pengaduan",
            Kind::Konsultasi => "konsultasi",
            Kind::Aspirasi => "aspirasi",
        }
    }

    /// The short code that goes into the agenda number.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Pengaduan => "PGD",
            Kind::Konsultasi => "KNS",
            Kind::Aspirasi => "ASP",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::from_id(&s.trim().to_lowercase())
    }

    /// The kind whose id is exactly `id`, as the store writes it.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// How the complaint reached the office: the Gresik channels, the walk-in desk
/// and SP4N-LAPOR!.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Loket,
    Surat,
    Telepon,
    Formulir,
    KotakSaran,
    Sms,
    Whatsapp,
    Email,
    Instagram,
    Website,
    QuickResponse,
    Sp4nLapor,
}

impl Channel {
    pub const ALL: [Channel; 12] = [
        Channel::Loket,
        Channel::Surat,
        Channel::Telepon,
        Channel::Formulir,
        Channel::KotakSaran,
        Channel::Sms,
        Channel::Whatsapp,
        Channel::Email,
        Channel::Instagram,
        Channel::Website,
        Channel::QuickResponse,
        Channel::Sp4nLapor,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Channel::Loket => "loket",
            Channel::Surat => "surat",
            Channel::Telepon => "telepon",
            Channel::Formulir => "formulir",
            Channel::KotakSaran => "kotak-saran",
            Channel::Sms => "sms",
            Channel::Whatsapp => "whatsapp",
            Channel::Email => "email",
            Channel::Instagram => "instagram",
            Channel::Website => "website",
            Channel::QuickResponse => "quick-response",
            Channel::Sp4nLapor => "sp4n-lapor",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        let s = s.trim().to_lowercase().replace(['_', ' '], "-");
        let s = match s.as_str() {
            "wa" => "whatsapp",
            "lapor" | "sp4n" | "sp4n-lapor!" => "sp4n-lapor",
            "walk-in" => "loket",
            other => other,
        };
        Channel::ALL.into_iter().find(|c| c.id() == s)
    }
}

/// The person who complains. Contact fields are stored normalised (NIK as 16
/// digits, phone in E.164, e-mail with a lower-case domain).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Complainant {
    pub name: String,
    pub nik: Option<String>,
    pub address: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The business or licence the complaint is about.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ComplaintObject {
    pub business: String,
    pub nib: Option<String>,
    pub licence_no: String,
    pub licence_type: String,
}

/// A file handed in with the complaint, known by its content hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentRef {
    pub name: String,
    pub size: u64,
    pub sha256: [u8; 32],
}

/// A validated case as it is registered. Built from a [`crate::domain::draft::CaseDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseInput {
    pub kind: Kind,
    pub channel: Channel,
    pub complainant: Complainant,
    /// *rahasia*: the complainant's identity is shown only to the desk.
    pub confidential: bool,
    /// *anonim*: the complainant did not give an identity.
    pub anonymous: bool,
    /// A copy of the identity card is attached (required by the Situbondo procedure).
    pub identity_attached: bool,
    pub object: ComplaintObject,
    pub subject: String,
    pub description: String,
    /// Unix seconds.
    pub received_at: i64,
    /// The day the file was complete (berkas lengkap): day 0 of the legal clock.
    pub complete_on: NaiveDate,
    pub attachments: Vec<AttachmentRef>,
    /// Another case this complaint repeats or adds to.
    pub linked_to: Option<uuid::Uuid>,
}

impl CaseInput {
    /// The name to show in lists: hidden when the case is confidential or anonymous.
    pub fn display_name(&self) -> Option<&str> {
        if self.confidential || self.anonymous {
            None
        } else {
            Some(&self.complainant.name)
        }
    }
}

/// A field that can be corrected after registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseField {
    Name,
    Nik,
    Address,
    Phone,
    Email,
    Business,
    Nib,
    LicenceNo,
    LicenceType,
    Subject,
    Description,
    CompleteOn,
    Channel,
}

impl CaseField {
    pub const ALL: [CaseField; 13] = [
        CaseField::Name,
        CaseField::Nik,
        CaseField::Address,
        CaseField::Phone,
        CaseField::Email,
        CaseField::Business,
        CaseField::Nib,
        CaseField::LicenceNo,
        CaseField::LicenceType,
        CaseField::Subject,
        CaseField::Description,
        CaseField::CompleteOn,
        CaseField::Channel,
    ];

    pub fn id(self) -> &'static str {
        match self {
            CaseField::Name => "name",
            CaseField::Nik => "nik",
            CaseField::Address => "address",
            CaseField::Phone => "phone",
            CaseField::Email => "email",
            CaseField::Business => "business",
            CaseField::Nib => "nib",
            CaseField::LicenceNo => "licence-no",
            CaseField::LicenceType => "licence-type",
            CaseField::Subject => "subject",
            CaseField::Description => "description",
            CaseField::CompleteOn => "complete-on",
            CaseField::Channel => "channel",
        }
    }

    pub fn parse(s: &str) -> Option<CaseField> {
        let s = s.trim().to_lowercase().replace('_', "-");
        CaseField::ALL.into_iter().find(|f| f.id() == s)
    }
}
