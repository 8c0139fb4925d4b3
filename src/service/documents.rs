//! The office's paper, printed: a document's data gathered from the case
//! (`paper_data`), set with the desk's templates, written as a PDF that
//! never replaces a file unasked, and sent to the printer through `lp`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Serialize;

use super::{Desk, Result};
use crate::config::Signatory;
use crate::i18n::Msg;
use crate::i18n::paper::PaperProblem;
use crate::paper::DocKind;
use crate::paper::engine;
use crate::paper::templates::{self, TemplateError, TemplateSet};

/// A document set and ready to write.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub kind: DocKind,
    /// The agenda number of its case, or the recap's period.
    pub subject: String,
    pub pdf: Vec<u8>,
}

/// The office as every letterhead shows it.
#[derive(Debug, Clone, Serialize)]
pub struct OfficeHeader {
    pub name: String,
    pub regency: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub whatsapp: String,
    pub place: String,
    /// The logo's name among the template's files, when there is one.
    pub logo: Option<String>,
}

/// A signature block: title, name, rank, NIP.
#[derive(Debug, Clone, Serialize)]
pub struct SignBlock {
    pub title: String,
    pub name: String,
    pub rank: String,
    pub nip: String,
}

/// What became of a print job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Printed {
    /// `lp` took the job; its answer ("request id is …").
    Sent(String),
    /// No `lp` on this PC: the file is where it was written.
    NoPrinter,
}

pub fn paper_msg(p: PaperProblem) -> Msg {
    Msg::Paper(Box::new(p))
}

pub fn template_msg(e: TemplateError) -> Msg {
    paper_msg(match e {
        TemplateError::Io { path, detail } => PaperProblem::TemplateRead { path, detail },
        TemplateError::TooLarge { path, limit } => PaperProblem::TemplateTooLarge { path, limit },
        TemplateError::NotText(p) => PaperProblem::TemplateNotText(p),
        TemplateError::NotATemplate(p) => PaperProblem::NotATemplate(p),
        TemplateError::Problems(mut p) => PaperProblem::Template(p.remove(0)),
    })
}

impl Desk {
    /// The office's templates: `templates` beside the config file.
    pub fn templates_dir(&self) -> PathBuf {
        self.locations
            .config
            .parent()
            .map(|p| p.join("templates"))
            .unwrap_or_else(|| PathBuf::from("templates"))
    }

    pub fn office_header(&self) -> OfficeHeader {
        let o = &self.config.office;
        OfficeHeader {
            name: o.name.clone(),
            regency: o.regency.clone(),
            address: o.address.clone(),
            phone: o.phone.clone(),
            email: o.email.clone(),
            whatsapp: o.whatsapp.clone(),
            place: o.place.clone(),
            logo: self.logo_path().map(|(_, name)| name),
        }
    }

    /// The signature block of `role`, refused while its name or NIP is
    /// empty: an official letter without them is no letter.
    pub fn sign_block(&self, role: &str) -> Result<SignBlock> {
        let key = if role == "kadis" {
            "office.head_name / office.head_nip".to_string()
        } else {
            format!("[[signatories]] role = \"{role}\"")
        };
        let s: Signatory = self.config.signatory(role).ok_or_else(|| {
            paper_msg(PaperProblem::SignatoryIncomplete {
                title: role.to_string(),
                key: key.clone(),
            })
        })?;
        if s.name.trim().is_empty() || s.nip.trim().is_empty() {
            return Err(paper_msg(PaperProblem::SignatoryIncomplete {
                title: s.title,
                key,
            }));
        }
        Ok(SignBlock {
            title: s.title,
            name: s.name,
            rank: s.rank,
            nip: s.nip,
        })
    }

    /// The document `kind` of the case `key`, set as PDF.
    pub fn render_document(&self, key: &str, kind: DocKind) -> Result<Rendered> {
        let (agenda, data) = self.document_data(key, kind)?;
        Ok(Rendered {
            kind,
            subject: agenda,
            pdf: self.render_data(kind, &data)?,
        })
    }

    /// The recap set as PDF on A4 landscape, under this desk's letterhead.
    pub fn recap_pdf(&self, doc: &super::RecapDoc) -> Result<Vec<u8>> {
        let mut data = serde_json::to_value(doc).expect("the recap layout is plain JSON");
        data["office"] = serde_json::to_value(self.office_header()).expect("plain JSON");
        self.render_data(DocKind::Rekap, &data)
    }

    /// Sets `data` with the desk's template for `kind`.
    pub fn render_data(&self, kind: DocKind, data: &serde_json::Value) -> Result<Vec<u8>> {
        let set = TemplateSet::load(&self.templates_dir()).map_err(template_msg)?;
        let logo = match self.logo_path() {
            Some((path, name)) => Some((name, self.read_logo(&path)?)),
            None => None,
        };
        let json = serde_json::to_vec(data).expect("document data is plain JSON");
        let inputs = set.inputs(
            kind,
            &json,
            logo.as_ref().map(|(n, b)| (n.as_str(), b.clone())),
        );
        engine::render_pdf(&inputs).map_err(|p| template_msg(TemplateError::Problems(p)))
    }

    /// Writes the document to `out`, or to a new file in the export folder
    /// (`tanda-terima-0001-PGD-LKT1-2026.pdf`, then `…-2.pdf`, never over
    /// another). An existing `out` is replaced only with `force`.
    pub fn write_document(&self, r: &Rendered, out: Option<&Path>, force: bool) -> Result<PathBuf> {
        let path = match out {
            Some(p) => p.to_path_buf(),
            None => self.fresh_document_path(r),
        };
        crate::export::write_new(&path, &r.pdf, force)?;
        Ok(path)
    }

    fn fresh_document_path(&self, r: &Rendered) -> PathBuf {
        let stem = format!("{}-{}", r.kind.id(), super::notes::file_safe(&r.subject));
        let dir = &self.locations.export_dir;
        let first = dir.join(format!("{stem}.pdf"));
        if !first.exists() {
            return first;
        }
        (2..)
            .map(|n| dir.join(format!("{stem}-{n}.pdf")))
            .find(|p| !p.exists())
            .expect("some number is free")
    }

    /// The configured logo (resolved beside the config) and the name the
    /// templates know it by.
    fn logo_path(&self) -> Option<(PathBuf, String)> {
        let logo = self.config.office.logo.trim();
        if logo.is_empty() {
            return None;
        }
        let path = Path::new(logo);
        let path = if path.is_relative() {
            self.locations
                .config
                .parent()
                .unwrap_or(Path::new("."))
                .join(path)
        } else {
            path.to_path_buf()
        };
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        Some((path, format!("logo.{ext}")))
    }

    fn read_logo(&self, path: &Path) -> Result<Vec<u8>> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !["png", "jpg", "jpeg", "svg"].contains(&ext.to_ascii_lowercase().as_str()) {
            return Err(paper_msg(PaperProblem::LogoKind(path.to_path_buf())));
        }
        templates::read_bounded(path, templates::MAX_BINARY).map_err(|e| {
            let detail = match e {
                TemplateError::Io { detail, .. } => detail,
                TemplateError::TooLarge { limit, .. } => format!("> {} MB", limit >> 20),
                other => format!("{other:?}"),
            };
            paper_msg(PaperProblem::LogoMissing {
                path: path.to_path_buf(),
                detail,
            })
        })
    }
}

/// Sends a PDF to the default printer (or `printer`) with CUPS's `lp`.
pub fn print(path: &Path, printer: Option<&str>) -> Result<Printed> {
    let mut cmd = Command::new("lp");
    if let Some(p) = printer {
        cmd.arg("-d").arg(p);
    }
    cmd.arg("--").arg(path);
    let out = match cmd.output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Printed::NoPrinter),
        Err(e) => {
            return Err(paper_msg(PaperProblem::PrintRefused {
                printer: printer.unwrap_or("lp").into(),
                detail: e.to_string(),
            }));
        }
    };
    if !out.status.success() {
        let detail = String::from_utf8_lossy(&out.stderr);
        let detail = detail.lines().next().unwrap_or("").trim();
        return Err(paper_msg(PaperProblem::PrintRefused {
            printer: printer
                .unwrap_or(crate::i18n::paper::pw(
                    crate::i18n::paper::Pw::DefaultPrinter,
                ))
                .into(),
            detail: detail.chars().filter(|c| !c.is_control()).collect(),
        }));
    }
    Ok(Printed::Sent(
        String::from_utf8_lossy(&out.stdout).trim().to_string(),
    ))
}
