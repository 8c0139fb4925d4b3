//! `aduan recap`: the monthly or yearly recap as a table, JSON, CSV or Markdown.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::table;
use crate::demo::parse_month;
use crate::i18n::{Msg, R, help, say};
use crate::service::{Desk, Recap, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Md,
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
    let text = match args.format {
        Format::Table => table_text(&recap),
        Format::Json => json_text(&recap, span),
        Format::Csv => csv_text(&recap, args.delimiter)?,
        Format::Md => md_text(&recap),
    };
    let default_file = matches!(args.format, Format::Csv | Format::Md).then(|| {
        let ext = if args.format == Format::Csv {
            "csv"
        } else {
            "md"
        };
        desk.locations
            .export_dir
            .join(format!("rekap-pengaduan-{slug}.{ext}"))
    });
    match args.output.clone().or(default_file) {
        Some(path) if path.as_os_str() != "-" => write_file(&path, &text, args.force)?,
        _ => {
            let _ = std::io::stdout().write_all(text.as_bytes());
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
        return Ok((Span::Years(a, b), format!("{a}-{b}")));
    }
    let year = args.year.unwrap_or_else(|| desk.today().year());
    Ok((Span::Year(year), year.to_string()))
}

/// Writes a file whole (temporary name, then rename), never over an existing one unless forced.
fn write_file(path: &std::path::Path, text: &str, force: bool) -> Result<(), Msg> {
    if path.exists() && !force {
        return Err(Msg::FileExists(path.into()));
    }
    let fail = |e: std::io::Error| Msg::Io {
        path: path.into(),
        detail: e.to_string(),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let tmp = path.with_extension("tmp-aduan");
    std::fs::write(&tmp, text).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(fail)?;
    eprintln!("{}", Msg::Written(path.into()));
    Ok(())
}

fn heading(r: &Recap) -> String {
    format!("{}\n{} — {}\n", say(R::RecapTitle), r.office, r.regency)
}

fn table_text(r: &Recap) -> String {
    let titles = r.titles();
    let mut header: Vec<&str> = vec![""];
    header.extend(titles.iter().map(String::as_str));
    let rows: Vec<Vec<String>> = r
        .rows()
        .into_iter()
        .map(|(l, v)| std::iter::once(l).chain(v).collect())
        .collect();
    format!(
        "{}\n{}{}",
        heading(r),
        table::render(&header, &rows),
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
            o.deadline,
            o.name.as_deref().unwrap_or("-")
        ));
    }
    out
}

fn json_text(r: &Recap, span: Span) -> String {
    let value = match span {
        Span::Month(..) => {
            let mut v = serde_json::to_value(&r.periods[0]).expect("figures serialise");
            v["overdue"] = serde_json::to_value(&r.overdue).expect("rows serialise");
            v
        }
        _ => serde_json::json!({ "periods": r.periods, "total": r.total, "overdue": r.overdue }),
    };
    serde_json::to_string_pretty(&value).expect("json") + "\n"
}

/// CSV that spreadsheets in Indonesian settings open as UTF-8: with a BOM,
/// and `;` as the delimiter where a comma is the decimal mark.
fn csv_text(r: &Recap, delimiter: char) -> Result<String, Msg> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter as u8)
        .from_writer(Vec::new());
    let mut header = vec![String::new()];
    header.extend(r.titles());
    let csv_err = |e: csv::Error| Msg::Io {
        path: "csv".into(),
        detail: e.to_string(),
    };
    w.write_record(&header).map_err(csv_err)?;
    for (label, values) in r.rows() {
        let record: Vec<String> = std::iter::once(label.trim().to_string())
            .chain(values)
            .collect();
        w.write_record(&record).map_err(csv_err)?;
    }
    let bytes = w.into_inner().map_err(|e| Msg::Io {
        path: "csv".into(),
        detail: e.to_string(),
    })?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

fn md_text(r: &Recap) -> String {
    let titles = r.titles();
    let mut out = format!(
        "# {}\n\n{} — {}\n\n",
        say(R::RecapTitle),
        r.office,
        r.regency
    );
    out.push_str(&format!("| | {} |\n", titles.join(" | ")));
    out.push_str(&format!("|---|{}\n", "---:|".repeat(titles.len())));
    for (label, values) in r.rows() {
        out.push_str(&format!("| {} | {} |\n", label.trim(), values.join(" | ")));
    }
    if !r.overdue.is_empty() {
        out.push_str(&format!("\n## {}\n\n", say(R::OverdueList)));
        for o in &r.overdue {
            out.push_str(&format!(
                "- {} ({}) {}\n",
                o.agenda_no,
                o.deadline,
                o.name.as_deref().unwrap_or("-")
            ));
        }
    }
    out
}
