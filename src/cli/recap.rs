//! `aduan recap`: the monthly or yearly recap as a table, JSON, CSV,
//! Markdown, XLSX or PDF.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::table;
use crate::demo::parse_month;
use crate::domain::text;
use crate::export;
use crate::i18n::{Msg, R, help, say};
use crate::service::{Desk, Recap, RecapDoc, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Xlsx,
    Md,
    Pdf,
    Layout,
}

#[derive(Debug, Args)]
pub struct RecapArgs {
    #[arg(long, value_name = "YYYY-MM", help = help::RECAP_MONTH, conflicts_with_all = ["year", "years"])]
    month: Option<String>,
    #[arg(long, value_name = "YYYY", help = help::RECAP_YEAR, conflicts_with = "years")]
    year: Option<i32>,
    #[arg(long, value_name = "A..B", help = help::RECAP_YEARS)]
    years: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table, help = help::RECAP_FORMAT)]
    format: Format,
    #[arg(short = 'o', long = "output", value_name = "BERKAS", help = help::RECAP_OUTPUT)]
    output: Option<PathBuf>,
    #[arg(long, help = help::RECAP_FORCE)]
    force: bool,
    #[arg(long, default_value = ",", help = help::RECAP_DELIMITER)]
    delimiter: char,
}

pub fn run(desk: &Desk, args: &RecapArgs) -> Result<ExitCode, Msg> {
    let (span, slug) = span(desk, args)?;
    let recap = desk.recap(span)?;
    let doc = recap.doc(&desk.config);
    let bytes = match args.format {
        Format::Table => text::for_terminal_lines(&table_text(&doc, &recap))
            .into_owned()
            .into_bytes(),
        Format::Json => text::json_for_terminal(&json_text(&recap, span))
            .into_owned()
            .into_bytes(),
        Format::Csv => export::csv(&doc, args.delimiter)?,
        Format::Xlsx => export::xlsx(&doc)?,
        Format::Md => export::markdown(&doc).into_bytes(),
        Format::Pdf => desk.recap_pdf(&doc)?,
        Format::Layout => {
            let json = serde_json::to_string_pretty(&doc).expect("layout serialises") + "\n";
            text::json_for_terminal(&json).into_owned().into_bytes()
        }
    };
    let ext = match args.format {
        Format::Csv => Some("csv"),
        Format::Xlsx => Some("xlsx"),
        Format::Md => Some("md"),
        Format::Pdf => Some("pdf"),
        Format::Table | Format::Json | Format::Layout => None,
    };
    let default_file = ext.map(|ext| {
        desk.locations
            .export_dir
            .join(format!("rekap-pengaduan-{slug}.{ext}"))
    });
    match args.output.clone().or(default_file) {
        Some(path) if path.as_os_str() != "-" => {
            export::write_new(&path, &bytes, args.force)?;
            eprintln!("{}", Msg::Written(path));
        }
        _ => {
            let _ = std::io::stdout().write_all(&bytes);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn span(desk: &Desk, args: &RecapArgs) -> Result<(Span, String), Msg> {
    use chrono::Datelike;
    if let Some(m) = &args.month {
        let d = parse_month(m)?;
        return Ok((
            Span::Month(d.year(), d.month()),
            format!("{:04}-{:02}", d.year(), d.month()),
        ));
    }
    if let Some(range) = &args.years {
        let bad = || Msg::BadYears(range.clone());
        let (a, b) = range.split_once("..").ok_or_else(bad)?;
        let (a, b): (i32, i32) = (
            a.trim().parse().map_err(|_| bad())?,
            b.trim().parse().map_err(|_| bad())?,
        );
        let (a, b) = (crate::demo::check_year(a)?, crate::demo::check_year(b)?);
        if a > b {
            return Err(bad());
        }
        if b - a >= crate::demo::MAX_YEARS {
            return Err(Msg::YearOutOfRange(range.clone()));
        }
        return Ok((Span::Years(a, b), format!("{a}-{b}")));
    }
    let year = crate::demo::check_year(args.year.unwrap_or_else(|| desk.today().year()))?;
    Ok((Span::Year(year), year.to_string()))
}

fn heading(doc: &RecapDoc) -> String {
    let mut out = doc.title.join("\n") + "\n";
    if let Some(as_of) = &doc.as_of {
        out.push_str(&format!("{as_of}\n"));
    }
    out
}

/// The layout's sections as one table, each under its heading on a line
/// of its own (so a long heading does not widen the label column).
fn table_text(doc: &RecapDoc, r: &Recap) -> String {
    let mut header: Vec<&str> = vec![&doc.label_heading];
    header.extend(doc.columns.iter().map(|c| c.full_title.as_str()));
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut headings: Vec<(usize, &str)> = Vec::new();
    for section in &doc.sections {
        headings.push((rows.len(), &section.heading));
        for row in &section.rows {
            let label = format!("{}{}", "  ".repeat(row.indent as usize), row.label);
            rows.push(
                std::iter::once(label)
                    .chain(row.cells.iter().map(|c| c.text()))
                    .collect(),
            );
        }
    }
    let table = table::render(&header, &rows);
    let mut lines: Vec<&str> = table.lines().collect();
    // Two lines of header and rule come before the first row.
    for (at, heading) in headings.into_iter().rev() {
        lines.insert(at + 2, heading);
    }
    format!(
        "{}\n{}\n{}",
        heading(doc),
        lines.join("\n"),
        overdue_text(r)
    )
}

fn overdue_text(r: &Recap) -> String {
    if r.overdue.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{} ({})\n", say(R::OverdueList), r.overdue.len());
    for o in &r.overdue {
        out.push_str(&format!(
            "{}  {}  {}\n",
            o.agenda_no,
            o.deadline_text(),
            o.name.as_deref().unwrap_or("-")
        ));
    }
    out
}

fn json_text(r: &Recap, span: Span) -> String {
    let value = match span {
        Span::Month(..) => {
            let mut v = Recap::period_json(&r.periods[0]);
            v["overdue"] = serde_json::to_value(&r.overdue).expect("rows serialise");
            v
        }
        _ => {
            let periods: Vec<_> = r.periods.iter().map(Recap::period_json).collect();
            serde_json::json!({
                "periods": periods,
                "total": r.total,
                "overdue": r.overdue,
                "as_of": r.as_of,
            })
        }
    };
    serde_json::to_string_pretty(&value).expect("json") + "\n"
}
