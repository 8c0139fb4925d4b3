//! `aduan case note|notes|attach|attachments|report`: investigation notes,
//! attachments and the field report without the terminal UI.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::print_json;
use super::table::say;
use crate::domain::event::NoteKind;
use crate::domain::note::{AttachmentRecord, NoteRecord};
use crate::i18n::{self, Msg, N, help, n, note_field_label};
use crate::service::{ActingAs, CaseNotes, Desk, Integrity, hex, short_id};

#[derive(Debug, Args)]
pub struct NoteArgs {
    #[arg(help = help::CASE_KEY)]
    case: String,
    #[arg(long, help = help::NOTE_KIND)]
    kind: Option<String>,
    #[arg(long = "field", short = 'f', value_name = "ISIAN=NILAI", help = help::NOTE_FIELD)]
    fields: Vec<String>,
    #[arg(long, value_name = "KODE", help = help::NOTE_REPLACES)]
    replaces: Option<String>,
    #[arg(long, value_name = "KODE", help = help::NOTE_WITHDRAW, conflicts_with_all = ["kind", "fields", "replaces"])]
    withdraw: Option<String>,
    #[arg(long, help = help::NOTE_REASON)]
    reason: Option<String>,
    #[arg(long = "as", value_name = "PERAN", help = help::ACT_AS)]
    as_role: Option<String>,
    #[arg(long, help = help::JSON)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct AttachArgs {
    #[arg(help = help::CASE_KEY)]
    case: String,
    #[arg(help = help::ATTACH_FILE)]
    file: PathBuf,
    #[arg(long, value_name = "KODE", help = help::ATTACH_NOTE)]
    note: Option<String>,
    #[arg(long, help = help::JSON)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct AttachmentsArgs {
    #[arg(help = help::CASE_KEY)]
    case: String,
    #[arg(long, value_name = "SHA|NAMA", help = help::ATTACHMENTS_SAVE)]
    save: Option<String>,
    #[arg(long, help = help::JSON)]
    json: bool,
}

/// `case note`: a new note, a correction (`--replaces`) or a withdrawal.
pub fn note(desk: &mut Desk, a: NoteArgs, by: Option<&str>) -> Result<(), Msg> {
    let who: ActingAs = desk.acting_as(by, a.as_role.as_deref())?;
    let id = match &a.withdraw {
        Some(note) => desk.withdraw_note(&a.case, note, a.reason.as_deref().unwrap_or(""), &who)?,
        None => {
            let kind = a.kind.as_deref().unwrap_or("catatan");
            let kind = NoteKind::parse(kind).ok_or_else(|| Msg::UnknownNoteKind(kind.into()))?;
            let fields = a
                .fields
                .iter()
                .map(|f| parse_field(f))
                .collect::<Result<Vec<_>, _>>()?;
            desk.add_note(&a.case, kind, &fields, a.replaces.as_deref(), &who)?
        }
    };
    let notes = desk.notebook(&a.case)?;
    if a.json {
        let written = notes.notebook.notes.iter().find(|n| n.event == id);
        match written {
            Some(note) => print_json(&NoteView::of(desk, note, &notes)),
            None => print_json(&serde_json::json!({ "id": short_id(id) })),
        }
    } else {
        say!("{} — {}", notes.agenda_no, short_id(id));
    }
    Ok(())
}

/// `KEY=VALUE`; `\n` in the value stands for a line break.
fn parse_field(s: &str) -> Result<(String, String), Msg> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| Msg::NoteField(format!("--field {s}: ISIAN=NILAI")))?;
    Ok((k.trim().to_lowercase(), v.replace("\\n", "\n")))
}

/// `case notes`: every note with its history.
pub fn notes(desk: &Desk, case: &str, json: bool) -> Result<(), Msg> {
    let notes = desk.notebook(case)?;
    if json {
        let views: Vec<NoteView> = notes
            .notebook
            .notes
            .iter()
            .map(|n| NoteView::of(desk, n, &notes))
            .collect();
        print_json(&views);
        return Ok(());
    }
    say!("{} — {}", notes.agenda_no, notes.subject);
    if notes.notebook.notes.is_empty() {
        say!("{}", n(N::NoNotes));
    }
    for note in &notes.notebook.notes {
        print_note(desk, note, &notes);
    }
    Ok(())
}

fn print_note(desk: &Desk, note: &NoteRecord, notes: &CaseNotes) {
    let mut marks = Vec::new();
    if let Some(old) = note.replaces {
        marks.push(format!("{} {}", n(N::Corrects), short_id(old)));
    }
    if let Some(by) = note.superseded_by {
        marks.push(format!("{} {}", n(N::Superseded), short_id(by)));
    }
    if let Some(w) = &note.withdrawn {
        marks.push(format!(
            "{} {} ({}, {}): {}",
            n(N::Withdrawn),
            desk.local_time(w.at),
            w.person,
            w.role,
            w.reason
        ));
    }
    println!();
    say!(
        "[{}] {} — {} — {} ({}){}",
        short_id(note.event),
        i18n::note_kind_label(note.kind),
        desk.local_time(note.at),
        note.person,
        note.role,
        if marks.is_empty() {
            String::new()
        } else {
            format!(" — {}", marks.join("; "))
        }
    );
    for (id, value) in &note.fields {
        let mut lines = value.lines();
        say!("  {}: {}", note_field_label(id), lines.next().unwrap_or(""));
        for l in lines {
            say!("    {l}");
        }
    }
    for a in notes
        .notebook
        .attachments
        .iter()
        .filter(|a| a.note == Some(note.event))
    {
        say!("  {}: {} ({} B)", n(N::Attachment), a.name, a.size);
    }
}

#[derive(Serialize)]
struct NoteView {
    id: String,
    event: String,
    kind: &'static str,
    at: String,
    person: String,
    role: String,
    fields: serde_json::Map<String, serde_json::Value>,
    replaces: Option<String>,
    superseded_by: Option<String>,
    withdrawn: Option<serde_json::Value>,
    attachments: Vec<String>,
}

impl NoteView {
    fn of(desk: &Desk, note: &NoteRecord, notes: &CaseNotes) -> NoteView {
        NoteView {
            id: short_id(note.event),
            event: note.event.to_string(),
            kind: note.kind.id(),
            at: desk.local_time(note.at),
            person: note.person.clone(),
            role: note.role.clone(),
            fields: note
                .fields
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                .collect(),
            replaces: note.replaces.map(short_id),
            superseded_by: note.superseded_by.map(short_id),
            withdrawn: note.withdrawn.as_ref().map(|w| {
                serde_json::json!({
                    "at": desk.local_time(w.at),
                    "person": w.person,
                    "role": w.role,
                    "reason": w.reason,
                })
            }),
            attachments: notes
                .notebook
                .attachments
                .iter()
                .filter(|a| a.note == Some(note.event))
                .map(|a| hex(&a.sha256))
                .collect(),
        }
    }
}

/// `case attach`.
pub fn attach(desk: &mut Desk, a: AttachArgs, by: Option<&str>) -> Result<(), Msg> {
    let who = desk.acting_as(by, None)?;
    let record = desk.attach_file(&a.case, &a.file, a.note.as_deref(), &who)?;
    if a.json {
        print_json(&AttachmentView::of(&record, Integrity::Intact));
    } else {
        say!(
            "{} ({} B) sha256 {}",
            record.name,
            record.size,
            hex(&record.sha256)
        );
    }
    Ok(())
}

#[derive(Serialize)]
struct AttachmentView {
    name: String,
    size: u64,
    sha256: String,
    note: Option<String>,
    intact: bool,
    state: &'static str,
}

impl AttachmentView {
    fn of(a: &AttachmentRecord, integrity: Integrity) -> AttachmentView {
        AttachmentView {
            name: a.name.clone(),
            size: a.size,
            sha256: hex(&a.sha256),
            note: a.note.map(short_id),
            intact: integrity == Integrity::Intact,
            state: integrity_word(integrity),
        }
    }
}

pub fn integrity_word(i: Integrity) -> &'static str {
    match i {
        Integrity::Intact => n(N::Verified),
        Integrity::Damaged => n(N::Damaged),
        Integrity::Missing => n(N::Missing),
    }
}

/// `case attachments`: list and verify, or write one out.
pub fn attachments(desk: &Desk, a: AttachmentsArgs) -> Result<bool, Msg> {
    if let Some(which) = &a.save {
        let path = desk.save_attachment(&a.case, which)?;
        eprintln!("{}", Msg::Written(path));
        return Ok(true);
    }
    let checked = desk.verify_attachments(&a.case)?;
    let all_intact = checked.iter().all(|(_, i)| *i == Integrity::Intact);
    if a.json {
        let views: Vec<AttachmentView> = checked
            .iter()
            .map(|(r, i)| AttachmentView::of(r, *i))
            .collect();
        print_json(&views);
    } else {
        for (r, i) in &checked {
            say!(
                "{}  {:>10} B  {}  {}{}",
                &hex(&r.sha256)[..12],
                r.size,
                integrity_word(*i),
                r.name,
                r.note
                    .map(|n| format!("  [{}]", short_id(n)))
                    .unwrap_or_default()
            );
        }
    }
    Ok(all_intact)
}

/// `case report`.
pub fn report(desk: &Desk, case: &str, force: bool) -> Result<(), Msg> {
    for path in desk.write_field_report(case, force)? {
        eprintln!("{}", Msg::Written(path));
    }
    Ok(())
}
