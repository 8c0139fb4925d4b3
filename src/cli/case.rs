//! `aduan case …`

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::print_json;
use super::table::{self, say};
use crate::domain::draft::CaseDraft;
use crate::domain::workflow::Status;
use crate::i18n::{self, Cv, Msg, Word, cv, help, word};
use crate::service::{ActInput, CaseDetail, CaseLinks, Desk};
use crate::store::{CaseRow, ListFilter};

#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    #[command(about = help::CASE_ADD)]
    Add(Box<AddArgs>),
    #[command(about = help::CASE_LIST)]
    List {
        #[arg(long, help = help::CASE_LIST_STATUS)]
        status: Option<String>,
        #[arg(long, help = help::CASE_LIST_OVERDUE)]
        overdue: bool,
        #[arg(long, default_value_t = 50, help = help::CASE_LIST_LIMIT)]
        limit: u32,
        #[arg(long, help = help::JSON)]
        json: bool,
    },
    #[command(about = help::CASE_SHOW)]
    Show {
        #[arg(help = help::CASE_KEY)]
        case: String,
        #[arg(long, help = help::JSON)]
        json: bool,
    },
    #[command(about = help::CASE_ACT)]
    Act(ActArgs),
    #[command(about = help::CASE_CORRECT)]
    Correct {
        #[arg(help = help::CASE_KEY)]
        case: String,
        #[arg(long, help = help::CORRECT_FIELD)]
        field: String,
        #[arg(long, help = help::CORRECT_VALUE)]
        value: String,
        #[arg(long = "as", value_name = "PERAN", help = help::ACT_AS)]
        as_role: Option<String>,
        #[arg(long, help = help::JSON)]
        json: bool,
    },
    #[command(about = help::CASE_SETTLE)]
    Settle {
        #[arg(help = help::CASE_KEY)]
        case: String,
        #[arg(long, help = help::SETTLE_STEP)]
        step: String,
        #[arg(long, value_name = "KODE", help = help::SETTLE_KEEP)]
        keep: String,
        #[arg(long = "as", value_name = "PERAN", help = help::ACT_AS)]
        as_role: Option<String>,
        #[arg(long, help = help::JSON)]
        json: bool,
    },
    #[command(about = help::CASE_NOTE)]
    Note(super::note::NoteArgs),
    #[command(about = help::CASE_NOTES)]
    Notes {
        #[arg(help = help::CASE_KEY)]
        case: String,
        #[arg(long, help = help::JSON)]
        json: bool,
    },
    #[command(about = help::CASE_ATTACH)]
    Attach(super::note::AttachArgs),
    #[command(about = help::CASE_ATTACHMENTS)]
    Attachments(super::note::AttachmentsArgs),
    #[command(about = help::CASE_REPORT)]
    Report {
        #[arg(help = help::CASE_KEY)]
        case: String,
        #[arg(long, help = help::RECAP_FORCE)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(long = "json", value_name = "BERKAS", help = help::CASE_ADD_JSON)]
    json_file: Option<PathBuf>,
    #[arg(long, help = help::ADD_KIND)]
    kind: Option<String>,
    #[arg(long, help = help::ADD_CHANNEL)]
    channel: Option<String>,
    #[arg(long, help = help::ADD_NAME)]
    name: Option<String>,
    #[arg(long, help = help::ADD_NIK)]
    nik: Option<String>,
    #[arg(long, help = help::ADD_ADDRESS)]
    address: Option<String>,
    #[arg(long, help = help::ADD_PHONE)]
    phone: Option<String>,
    #[arg(long, help = help::ADD_EMAIL)]
    email: Option<String>,
    #[arg(long, help = help::ADD_CONFIDENTIAL)]
    rahasia: bool,
    #[arg(long, help = help::ADD_ANONYMOUS)]
    anonim: bool,
    #[arg(long = "identitas", help = help::ADD_IDENTITY)]
    identity_attached: bool,
    #[arg(long, help = help::ADD_BUSINESS)]
    business: Option<String>,
    #[arg(long, help = help::ADD_NIB)]
    nib: Option<String>,
    #[arg(long, help = help::ADD_LICENCE_NO)]
    licence_no: Option<String>,
    #[arg(long, help = help::ADD_LICENCE_TYPE)]
    licence_type: Option<String>,
    #[arg(long, help = help::ADD_SUBJECT)]
    subject: Option<String>,
    #[arg(long, help = help::ADD_DESCRIPTION)]
    description: Option<String>,
    #[arg(long, help = help::ADD_RECEIVED_AT)]
    received_at: Option<String>,
    #[arg(long, help = help::ADD_COMPLETE_ON)]
    complete_on: Option<String>,
    #[arg(long = "attach", value_name = "BERKAS", help = help::ADD_ATTACH)]
    attachments: Vec<String>,
    #[arg(long, help = help::ADD_LINKED)]
    linked_to: Option<String>,
}

#[derive(Debug, Args)]
pub struct ActArgs {
    #[arg(help = help::CASE_KEY)]
    case: String,
    #[arg(long, help = help::ACT_ACTION)]
    action: String,
    #[arg(long, default_value = "", help = help::ACT_NOTE)]
    note: String,
    #[arg(long, help = help::ACT_TO)]
    to: Option<String>,
    #[arg(long = "as", value_name = "PERAN", help = help::ACT_AS)]
    as_role: Option<String>,
    #[arg(long, help = help::ACT_AT)]
    at: Option<String>,
    #[arg(long, help = help::ACT_INSTRUCTION)]
    instruction: Option<String>,
    #[arg(long, help = help::ACT_PRIORITY)]
    priority: Option<String>,
    #[arg(long, help = help::ACT_WRITTEN_ON)]
    written_on: Option<String>,
    #[arg(long, help = help::ACT_NOTE_KIND)]
    note_kind: Option<String>,
    #[arg(long, help = help::JSON)]
    json: bool,
}

pub fn run(desk: &mut Desk, command: CaseCommand, by: Option<&str>) -> Result<ExitCode, Msg> {
    match command {
        CaseCommand::Add(args) => {
            let draft = read_draft(&args)?;
            let who = desk.acting_as(by, None)?;
            let registered = desk.register(&draft, &who)?;
            print_json(&registered);
        }
        CaseCommand::List {
            status,
            overdue,
            limit,
            json,
        } => list(desk, status, overdue, limit, json)?,
        CaseCommand::Show { case, json } => {
            let detail = desk.show(&case)?;
            let links = desk.case_links(&detail)?;
            if json {
                let mut value = serde_json::to_value(&detail).unwrap_or_default();
                value["links"] = serde_json::to_value(&links).unwrap_or_default();
                print_json(&value);
            } else {
                print_detail(desk, &detail);
                print_links(&links);
            }
        }
        CaseCommand::Act(a) => {
            let who = desk.acting_as(by, a.as_role.as_deref())?;
            let input = ActInput {
                to: a.to,
                note: a.note,
                instruction: a.instruction,
                priority: a.priority,
                written_on: a.written_on,
                note_kind: a.note_kind,
                at: a.at,
            };
            let summary = desk
                .act(&a.case, &a.action, &input, &who)
                .map_err(with_flag_hint)?;
            report_change(desk, &summary.agenda_no, a.json)?;
        }
        CaseCommand::Correct {
            case,
            field,
            value,
            as_role,
            json,
        } => {
            let who = desk.acting_as(by, as_role.as_deref())?;
            let summary = desk.correct(&case, &field, &value, &who)?;
            report_change(desk, &summary.agenda_no, json)?;
        }
        CaseCommand::Settle {
            case,
            step,
            keep,
            as_role,
            json,
        } => {
            let who = desk.acting_as(by, as_role.as_deref())?;
            let summary = desk.settle_step(&case, &step, &keep, &who)?;
            report_change(desk, &summary.agenda_no, json)?;
        }
        CaseCommand::Note(a) => super::note::note(desk, a, by)?,
        CaseCommand::Notes { case, json } => super::note::notes(desk, &case, json)?,
        CaseCommand::Attach(a) => super::note::attach(desk, a, by)?,
        CaseCommand::Attachments(a) => {
            if !super::note::attachments(desk, a)? {
                return Ok(ExitCode::from(1));
            }
        }
        CaseCommand::Report { case, force } => super::note::report(desk, &case, force)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Where on the command line a refusal's answer goes.
fn with_flag_hint(e: Msg) -> Msg {
    use crate::domain::workflow::Refusal;
    let flag = match &e {
        Msg::Refused(Refusal::TextNeeded(_)) => "--note",
        Msg::Refused(Refusal::OptionNeeded { .. } | Refusal::UnknownOption { .. }) => "--to",
        _ => return e,
    };
    Msg::FlagHint {
        msg: Box::new(e),
        flag,
    }
}

fn report_change(desk: &Desk, agenda_no: &str, json: bool) -> Result<(), Msg> {
    let detail = desk.show(agenda_no)?;
    if json {
        print_json(&detail);
        return Ok(());
    }
    let step = detail.steps.iter().find(|s| s.state == "current");
    let status = i18n::status_label_by_id(&detail.status);
    match step {
        Some(s) => say!(
            "{} — {status}. {}: {} ({}: {}). {}: {}",
            detail.agenda_no,
            word(Word::Step),
            s.short,
            word(Word::Actor),
            s.actor,
            word(Word::Deadline),
            detail.deadline
        ),
        None => say!("{} — {status}.", detail.agenda_no),
    }
    Ok(())
}

fn read_draft(args: &AddArgs) -> Result<CaseDraft, Msg> {
    let json_text = match &args.json_file {
        Some(path) if path.as_os_str() == "-" => Some(read_stdin()?),
        Some(path) => Some(
            crate::files::read_text_bounded(path, crate::files::limit::CASE_JSON).map_err(|e| {
                Msg::InputRead {
                    path: path.clone(),
                    detail: crate::i18n::files::read_problem(&e),
                }
            })?,
        ),
        None if !has_flags(args) && !std::io::stdin().is_terminal() => Some(read_stdin()?),
        None => None,
    };
    let mut draft = match json_text {
        Some(text) => crate::domain::draft::from_json(&text).map_err(|e| Msg::JsonInput {
            line: e.line(),
            column: e.column(),
            detail: e
                .to_string()
                .split(" at line")
                .next()
                .unwrap_or_default()
                .to_string(),
        })?,
        None => CaseDraft::default(),
    };
    let set = |field: &mut String, value: &Option<String>| {
        if let Some(v) = value {
            *field = v.clone();
        }
    };
    set(&mut draft.kind, &args.kind);
    set(&mut draft.channel, &args.channel);
    set(&mut draft.name, &args.name);
    set(&mut draft.nik, &args.nik);
    set(&mut draft.address, &args.address);
    set(&mut draft.phone, &args.phone);
    set(&mut draft.email, &args.email);
    set(&mut draft.business, &args.business);
    set(&mut draft.nib, &args.nib);
    set(&mut draft.licence_no, &args.licence_no);
    set(&mut draft.licence_type, &args.licence_type);
    set(&mut draft.subject, &args.subject);
    set(&mut draft.description, &args.description);
    set(&mut draft.received_at, &args.received_at);
    set(&mut draft.complete_on, &args.complete_on);
    set(&mut draft.linked_to, &args.linked_to);
    draft.confidential |= args.rahasia;
    draft.anonymous |= args.anonim;
    draft.identity_attached |= args.identity_attached;
    draft.attachments.extend(args.attachments.iter().cloned());
    Ok(draft)
}

fn has_flags(a: &AddArgs) -> bool {
    [
        &a.kind,
        &a.channel,
        &a.name,
        &a.nik,
        &a.subject,
        &a.description,
        &a.phone,
        &a.address,
    ]
    .iter()
    .any(|f| f.is_some())
}

/// The case JSON on stdin, never more than a case's limit of it.
fn read_stdin() -> Result<String, Msg> {
    crate::files::read_text_limited(std::io::stdin().lock(), crate::files::limit::CASE_JSON)
        .map_err(|e| Msg::InputRead {
            path: "-".into(),
            detail: crate::i18n::files::read_problem(&e),
        })
}

fn list(
    desk: &Desk,
    status: Option<String>,
    overdue: bool,
    limit: u32,
    json: bool,
) -> Result<(), Msg> {
    let status = status
        .map(|s| {
            Status::parse(&s)
                .map(|st| st.id().to_string())
                .ok_or(Msg::UnknownStatus(s))
        })
        .transpose()?;
    let filter = ListFilter {
        status,
        overdue_on: overdue.then(|| desk.today().to_string()),
        limit,
        ..ListFilter::default()
    };
    let rows = desk.list(&filter)?;
    if json {
        let values: Vec<_> = rows.iter().map(|r| row_json(desk, r)).collect();
        print_json(&values);
        return Ok(());
    }
    let today = desk.today().to_string();
    let mut unlisted: Vec<String> = Vec::new();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let late = r.status == "open" && r.deadline < today;
            let flags = crate::service::deadline_flags_text(&r.unlisted_years);
            let mark = if flags.is_empty() { "" } else { " *" };
            unlisted.extend(flags);
            let step = r.step.as_deref().map_or(word(Word::None).into(), |id| {
                desk.step_short_title(&r.sop, id)
            });
            let used = desk
                .row_timing(r)
                .step_used
                .map_or(word(Word::None).into(), |(used, _)| desk.work_time(used));
            vec![
                r.agenda_no.clone(),
                desk.local_time(r.received_at),
                table::clip(shown_name(r), 24),
                table::clip(&r.subject, 40),
                i18n::status_label_by_id(&r.status).to_string(),
                table::clip(&step, 24),
                used,
                format!("{}{mark}{}", r.deadline, if late { " !" } else { "" }),
            ]
        })
        .collect();
    table::print(
        &[
            word(Word::AgendaNo),
            word(Word::Received),
            word(Word::Complainant),
            word(Word::Subject),
            word(Word::Status),
            word(Word::Step),
            word(Word::Used),
            word(Word::Deadline),
        ],
        &body,
    );
    if !unlisted.is_empty() {
        unlisted.sort();
        unlisted.dedup();
        say!("* {}", i18n::deadline_note(&unlisted));
    }
    Ok(())
}

fn shown_name(r: &CaseRow) -> &str {
    if r.confidential || r.anonymous {
        word(Word::Hidden)
    } else {
        &r.name
    }
}

fn row_json(desk: &Desk, r: &CaseRow) -> serde_json::Value {
    serde_json::json!({
        "agenda_no": r.agenda_no,
        "kind": r.kind,
        "channel": r.channel,
        "received_at": desk.rfc3339(r.received_at),
        "complainant": if r.confidential || r.anonymous { None } else { Some(&r.name) },
        "subject": r.subject,
        "status": r.status,
        "step": r.step,
        "step_title": r.step.as_deref().map(|id| desk.step_short_title(&r.sop, id)),
        "step_actor": r.step_actor,
        "step_due": r.step_due.map(|t| desk.rfc3339(t)),
        "deadline": r.deadline,
        "deadline_flags": crate::service::deadline_flags_text(&r.unlisted_years),
        "forwarded_to": r.forwarded_to,
        "closed_at": r.closed_at.map(|t| desk.rfc3339(t)),
        "conflicts": r.conflicts,
    })
}

fn print_detail(desk: &Desk, d: &CaseDetail) {
    let name = d
        .complainant
        .get("name")
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    say!(
        "{}  {}  [{}]",
        d.agenda_no,
        d.subject,
        i18n::status_label_by_id(&d.status)
    );
    for c in &d.conflicts {
        say!("!! {} — {}:", i18n::n(i18n::N::NeedsDecision), c.label);
        for v in &c.values {
            say!(
                "   \"{}\"  ({} {}, {} ({}), {})",
                v.value,
                word(Word::Desk),
                v.desk,
                v.person,
                v.role,
                v.at
            );
        }
    }
    say!("{}: {}", word(Word::Received), d.received_at);
    say!("{}: {}", word(Word::Complainant), name);
    let flags = if d.deadline_flags.is_empty() {
        String::new()
    } else {
        format!(" ({})", i18n::deadline_note(&d.deadline_flags))
    };
    say!(
        "{}: {}{flags}  {}: {}",
        word(Word::Deadline),
        d.deadline,
        word(Word::WorkdaysUsed),
        d.workdays_used
    );
    if let Some(margin) = d.finished_margin {
        say!("{}", i18n::finished_margin_text(margin));
    }
    if let Some(opd) = &d.forwarded_to {
        say!("{}: {opd}", word(Word::Forwarded));
    }
    say!("\n{}", d.description);
    say!("\n{}", word(Word::Steps));
    let rows: Vec<Vec<String>> = d
        .steps
        .iter()
        .map(|s| {
            let mark = match s.state.as_str() {
                "done" => "✔",
                "current" => "▶",
                _ => "·",
            };
            let by = match (&s.done_by, &s.done_as) {
                (Some(p), Some(r)) if s.on_behalf => format!("{p} ({} {r})", word(Word::OnBehalf)),
                (Some(p), _) => p.clone(),
                _ => String::new(),
            };
            vec![
                format!("{mark} {}", s.short),
                s.actor.clone(),
                desk.work_time(s.minutes),
                s.used_minutes.map_or(String::new(), |m| desk.work_time(m)),
                minutes_only(s.due_at.as_deref()),
                minutes_only(s.done_at.as_deref()),
                by,
            ]
        })
        .collect();
    table::print(
        &[
            word(Word::Step),
            word(Word::Actor),
            word(Word::Standard),
            word(Word::Used),
            word(Word::Due),
            word(Word::Done),
            word(Word::Person),
        ],
        &rows,
    );
    say!("\n{}", word(Word::Timeline));
    let rows: Vec<Vec<String>> = d
        .timeline
        .iter()
        .map(|t| {
            let who = if t.on_behalf {
                format!("{} ({} {})", t.person, word(Word::OnBehalf), t.role)
            } else {
                format!("{} ({})", t.person, t.role)
            };
            vec![
                minutes_only(Some(&t.at)),
                format!("{}#{}", t.desk, t.seq),
                who,
                table::clip(&t.summary, 70),
            ]
        })
        .collect();
    table::print(
        &[
            word(Word::Time),
            word(Word::Desk),
            word(Word::Person),
            word(Word::Event),
        ],
        &rows,
    );
}

fn print_links(links: &CaseLinks) {
    if links.to.is_none() && links.from.is_empty() {
        return;
    }
    say!("\n{}", cv(Cv::Links));
    if let Some(to) = &links.to {
        say!("{}: {}", cv(Cv::LinkedTo), to.line());
    }
    for from in &links.from {
        say!("{}: {}", cv(Cv::LinkedFrom), from.line());
    }
}

/// `2026-03-16T09:15:00+07:00` as `2026-03-16 09:15`.
fn minutes_only(rfc3339: Option<&str>) -> String {
    rfc3339
        .unwrap_or_default()
        .chars()
        .take(16)
        .collect::<String>()
        .replace('T', " ")
}
