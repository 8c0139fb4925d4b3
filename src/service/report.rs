//! The field report (Berita Acara Pemeriksaan) of a case, from its standing
//! BAP notes, as Markdown and as plain text.

use std::path::PathBuf;

use super::notes::{CaseNotes, file_safe};
use super::{Desk, Result};
use crate::config::{Office, Person};
use crate::domain::event::NoteKind;
use crate::domain::note::{NoteRecord, fields_of, missing_required};
use crate::i18n::{Msg, N, n, note_field_label};

/// The BAP fields in the report's order, under their labels.
const BODY: [&str; 7] = [
    "waktu",
    "tempat",
    "petugas",
    "pihak-lain",
    "temuan",
    "kesimpulan",
    "rekomendasi",
];

impl Desk {
    /// Writes `bap-<agenda>.md` and `.txt` into the export folder; an
    /// existing report is replaced only with `force`. Returns both paths.
    pub fn write_field_report(&self, key: &str, force: bool) -> Result<Vec<PathBuf>> {
        let notes = self.notebook(key)?;
        let dir = &self.locations.export_dir;
        let stem = format!("bap-{}", file_safe(&notes.agenda_no));
        let paths = [
            dir.join(format!("{stem}.md")),
            dir.join(format!("{stem}.txt")),
        ];
        if !force && let Some(existing) = paths.iter().find(|p| p.exists()) {
            return Err(Msg::FileExists(existing.clone()));
        }
        let people = &self.config.people;
        let office = &self.config.office;
        for (path, markdown) in paths.iter().zip([true, false]) {
            let text = field_report(office, people, &notes, markdown)?;
            crate::export::write_new(path, text.as_bytes(), true)?;
        }
        Ok(paths.to_vec())
    }
}

/// The report's text; refused when the case has no standing BAP note.
pub fn field_report(
    office: &Office,
    people: &[Person],
    case: &CaseNotes,
    markdown: bool,
) -> Result<String> {
    let baps: Vec<&NoteRecord> = case
        .notebook
        .current()
        .filter(|n| n.kind == NoteKind::Bap)
        .collect();
    if baps.is_empty() {
        return Err(Msg::NoBapNotes(case.agenda_no.clone()));
    }
    refuse_incomplete(&case.agenda_no, &baps)?;
    let mut out = Vec::new();
    let heading = |out: &mut Vec<String>, level: usize, text: &str| {
        if markdown {
            out.push(format!("{} {text}", "#".repeat(level)));
        } else {
            out.push(text.to_string());
            out.push("=".repeat(text.chars().count()));
        }
        out.push(String::new());
    };
    for line in [
        office.name.to_uppercase(),
        office.regency.to_uppercase(),
        office.address.clone(),
        office.phone.clone(),
    ] {
        if !line.is_empty() {
            out.push(if markdown {
                format!("**{line}**  ")
            } else {
                line
            });
        }
    }
    out.push(String::new());
    heading(&mut out, 1, n(N::ReportTitle));
    out.push(format!(
        "{} {}: {}",
        n(N::ReportIntro),
        case.agenda_no,
        case.subject
    ));
    out.push(String::new());
    let mut officers: Vec<String> = Vec::new();
    for (i, bap) in baps.iter().enumerate() {
        heading(
            &mut out,
            2,
            &format!("{}. {}", i + 1, bap.field("tempat").unwrap_or_default()),
        );
        for id in BODY {
            let Some(value) = bap.field(id).or_else(|| legacy_text(bap, id)) else {
                continue;
            };
            push_field(&mut out, note_field_label(id), value, markdown);
        }
        out.push(String::new());
        for name in bap.field("petugas").unwrap_or_default().split(", ") {
            if !name.is_empty() && !officers.iter().any(|o| o == name) {
                officers.push(name.to_string());
            }
        }
    }
    heading(&mut out, 2, n(N::Signatures));
    for name in officers {
        let nip = people
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.nip.as_str())
            .filter(|nip| !nip.is_empty());
        out.push(String::new());
        out.push(String::new());
        out.push("(______________________)".to_string());
        out.push(format!(
            "{name}{}",
            nip.map(|n| format!(" — NIP {n}")).unwrap_or_default()
        ));
    }
    out.push(String::new());
    Ok(out.join("\n"))
}

/// A report without its date, place or signatories is no record: each
/// BAP must hold every required field of its kind.
pub(super) fn refuse_incomplete(agenda: &str, baps: &[&NoteRecord]) -> Result<()> {
    let incomplete: Vec<(String, Vec<&'static str>)> = baps
        .iter()
        .filter_map(|b| {
            let missing = missing_required(NoteKind::Bap, &b.fields);
            (!missing.is_empty()).then(|| (super::notes::short_id(b.event), missing))
        })
        .collect();
    if incomplete.is_empty() {
        return Ok(());
    }
    Err(Msg::BapIncomplete {
        agenda: agenda.to_string(),
        notes: incomplete,
    })
}

/// Notes written before notes had fields hold their text under `teks`:
/// it stands in for the findings.
fn legacy_text<'a>(note: &'a NoteRecord, id: &str) -> Option<&'a str> {
    (id == "temuan"
        && !fields_of(NoteKind::Bap)
            .iter()
            .any(|f| note.field(f.id).is_some()))
    .then(|| note.field("teks"))
    .flatten()
}

fn push_field(out: &mut Vec<String>, label: &str, value: &str, markdown: bool) {
    let mut lines = value.lines();
    let first = lines.next().unwrap_or_default();
    if markdown {
        out.push(format!("- **{label}:** {first}"));
        out.extend(lines.map(|l| format!("  {l}")));
    } else {
        out.push(format!("{label}: {first}"));
        out.extend(lines.map(|l| format!("    {l}")));
    }
}
