//! Agenda numbers (nomor agenda): `0007/PGD/LKT1/2026` by default.
//!
//! Each desk numbers its own register per year, and the desk code is part of
//! the number, so two desks can never hand out the same number.

use super::case::Kind;

pub const DEFAULT_FORMAT: &str = "{seq:04}/{kind}/{desk}/{year}";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaFormatError {
    /// A `{...}` placeholder that is not one of seq, seq:0N, kind, desk, year, month.
    UnknownPlaceholder(String),
    /// The format lacks a placeholder that keeps numbers unique.
    Missing(&'static str),
    Unclosed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Seq { width: usize },
    Kind,
    Desk,
    Year,
    Month,
}

/// A checked agenda number format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaFormat {
    parts: Vec<Part>,
}

impl AgendaFormat {
    pub fn parse(format: &str) -> Result<AgendaFormat, AgendaFormatError> {
        let mut parts = Vec::new();
        let mut rest = format;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_string()));
            }
            let close = rest[open..].find('}').ok_or(AgendaFormatError::Unclosed)? + open;
            parts.push(placeholder(&rest[open + 1..close])?);
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_string()));
        }
        let has = |want: fn(&Part) -> bool| parts.iter().any(want);
        if !has(|p| matches!(p, Part::Seq { .. })) {
            return Err(AgendaFormatError::Missing("seq"));
        }
        if !has(|p| matches!(p, Part::Desk)) {
            return Err(AgendaFormatError::Missing("desk"));
        }
        if !has(|p| matches!(p, Part::Year)) {
            return Err(AgendaFormatError::Missing("year"));
        }
        Ok(AgendaFormat { parts })
    }

    pub fn render(&self, seq: u32, kind: Kind, desk: &str, year: i32, month: u32) -> String {
        self.render_code(seq, kind.code(), desk, year, month)
    }

    /// As [`AgendaFormat::render`], with `{kind}` given as its code: the
    /// same formats number outgoing letters (`PNR`, `JWB`).
    pub fn render_code(&self, seq: u32, kind: &str, desk: &str, year: i32, month: u32) -> String {
        use std::fmt::Write;
        let mut out = String::with_capacity(24);
        for part in &self.parts {
            let _ = match part {
                Part::Text(t) => write!(out, "{t}"),
                Part::Seq { width } => write!(out, "{seq:0width$}"),
                Part::Kind => write!(out, "{kind}"),
                Part::Desk => write!(out, "{desk}"),
                Part::Year => write!(out, "{year}"),
                Part::Month => write!(out, "{month:02}"),
            };
        }
        out
    }
}

fn placeholder(name: &str) -> Result<Part, AgendaFormatError> {
    let unknown = || AgendaFormatError::UnknownPlaceholder(name.to_string());
    Ok(match name {
        "seq" => Part::Seq { width: 0 },
        "kind" => Part::Kind,
        "desk" => Part::Desk,
        "year" => Part::Year,
        "month" => Part::Month,
        _ => {
            let width = name.strip_prefix("seq:0").ok_or_else(unknown)?;
            let width: usize = width.parse().map_err(|_| unknown())?;
            if !(1..=9).contains(&width) {
                return Err(unknown());
            }
            Part::Seq { width }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_format() {
        let f = AgendaFormat::parse(DEFAULT_FORMAT).unwrap();
        assert_eq!(
            f.render(7, Kind::Pengaduan, "LKT1", 2026, 3),
            "0007/PGD/LKT1/2026"
        );
        assert_eq!(
            f.render(12345, Kind::Konsultasi, "OSS", 2025, 1),
            "12345/KNS/OSS/2025"
        );
    }

    #[test]
    fn office_format_with_month() {
        let f = AgendaFormat::parse("ADU-{desk}-{year}{month}-{seq:03}").unwrap();
        assert_eq!(
            f.render(5, Kind::Aspirasi, "A", 2026, 11),
            "ADU-A-202611-005"
        );
    }

    #[test]
    fn formats_that_could_collide_are_refused() {
        assert_eq!(
            AgendaFormat::parse("{seq}/{year}"),
            Err(AgendaFormatError::Missing("desk"))
        );
        assert_eq!(
            AgendaFormat::parse("{seq}/{desk}/{tahun}"),
            Err(AgendaFormatError::UnknownPlaceholder("tahun".into()))
        );
        assert_eq!(
            AgendaFormat::parse("{seq/{desk}"),
            Err(AgendaFormatError::UnknownPlaceholder("seq/{desk".into()))
        );
        assert_eq!(
            AgendaFormat::parse("{seq}/{desk}/{year"),
            Err(AgendaFormatError::Unclosed)
        );
    }
}

/// A desk's code as agenda numbers carry it: 1–12 capital letters, digits
/// or '-', starting with a letter. Lower case is read as upper case.
pub fn parse_desk_code(s: &str) -> Option<String> {
    let code = s.trim().to_uppercase();
    let mut chars = code.chars();
    let first_is_letter = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    let rest_ok = chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    (first_is_letter && rest_ok && code.len() <= 12).then_some(code)
}

#[cfg(test)]
mod desk_code_tests {
    use super::parse_desk_code;

    #[test]
    fn desk_codes_are_short_capitals_digits_and_dashes() {
        assert_eq!(parse_desk_code(" lkt-2 ").as_deref(), Some("LKT-2"));
        assert_eq!(parse_desk_code("LKT2").as_deref(), Some("LKT2"));
        for bad in ["", "2LKT", "LKT/2", "LKT 2", "LOKETPENGADUAN1", "LKT\u{1b}"] {
            assert_eq!(parse_desk_code(bad), None, "{bad:?}");
        }
    }
}
