//! The document templates: the shipped set (embedded), the office's own
//! copies beside its config (copied out at `aduan init`, each file there
//! replacing the shipped one of its name), extra fonts in `fonts/`, and the
//! check an office runs after editing one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::DocKind;
use super::engine::{self, Inputs, Problem};

macro_rules! shipped {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../assets/templates/", $name)))),*]
    };
}

/// The templates aduan ships, by file name.
pub const SHIPPED: &[(&str, &str)] = shipped!(
    "kop.typ",
    "surat.typ",
    "tanda-terima.typ",
    "disposisi.typ",
    "penerusan.typ",
    "jawaban.typ",
    "bap.typ",
    "rekap.typ",
);

/// Example data of each document, for `template check` and for an office
/// to see the fields a template may use.
pub const SAMPLES: &[(&str, &str)] = shipped!(
    "contoh/tanda-terima.json",
    "contoh/disposisi.json",
    "contoh/penerusan.json",
    "contoh/tembusan.json",
    "contoh/jawaban.json",
    "contoh/bap.json",
    "contoh/rekap.json",
);

/// A template file larger than this is refused unread.
const MAX_TEMPLATE: u64 = 1 << 20;
/// A font or logo larger than this is refused unread.
pub const MAX_BINARY: u64 = 16 << 20;

/// Why the templates could not be read or set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    Io {
        path: PathBuf,
        detail: String,
    },
    TooLarge {
        path: PathBuf,
        limit: u64,
    },
    NotText(PathBuf),
    /// The file is not one of the templates, nor a `.typ` file.
    NotATemplate(PathBuf),
    Problems(Vec<Problem>),
}

/// The templates in force at a desk: the shipped ones, each replaced by the
/// office's file of the same name where there is one.
#[derive(Debug, Clone, Default)]
pub struct TemplateSet {
    pub files: BTreeMap<String, Vec<u8>>,
    pub fonts: Vec<Vec<u8>>,
}

impl TemplateSet {
    pub fn shipped() -> TemplateSet {
        TemplateSet {
            files: SHIPPED
                .iter()
                .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
                .collect(),
            fonts: Vec::new(),
        }
    }

    /// The shipped set with the office's `.typ` files in `dir` over it and
    /// the fonts of `dir/fonts`; a missing folder means the shipped set.
    pub fn load(dir: &Path) -> Result<TemplateSet, TemplateError> {
        let mut set = TemplateSet::shipped();
        for path in files_in(dir, &["typ"])? {
            let name = file_name(&path);
            set.files.insert(name, read_text(&path)?.into_bytes());
        }
        for path in files_in(&dir.join("fonts"), &["ttf", "otf", "ttc"])? {
            set.fonts.push(read_bounded(&path, MAX_BINARY)?);
        }
        Ok(set)
    }

    /// The inputs of one compilation: `data` as `/data.json`, and the logo
    /// under its own name when there is one.
    pub fn inputs(&self, kind: DocKind, data: &[u8], logo: Option<(&str, Vec<u8>)>) -> Inputs {
        let mut files = self.files.clone();
        files.insert("data.json".into(), data.to_vec());
        if let Some((name, bytes)) = logo {
            files.insert(name.into(), bytes);
        }
        Inputs {
            main: kind.template().into(),
            files,
            fonts: self.fonts.clone(),
        }
    }
}

/// The example data of a document kind.
pub fn sample(kind: DocKind) -> &'static str {
    let name = format!("contoh/{}.json", kind.id());
    SAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or("{}")
}

/// Writes the shipped templates and example data into `dir`, leaving every
/// file already there as it is. Returns the files written.
pub fn copy_out(dir: &Path) -> Result<Vec<PathBuf>, TemplateError> {
    let mut written = Vec::new();
    for (name, text) in SHIPPED.iter().chain(SAMPLES) {
        let path = dir.join(name);
        if path.exists() {
            continue;
        }
        if let Some(parent) = path.parent() {
            crate::files::create_private_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        crate::files::write_private_new(&path, text.as_bytes()).map_err(|e| io(&path, e))?;
        written.push(path);
    }
    Ok(written)
}

/// Checks an edited template: sets every document that uses it with the
/// example data, the file's neighbours standing in for the shipped ones.
/// Returns the documents checked.
pub fn check(file: &Path) -> Result<Vec<DocKind>, TemplateError> {
    if file.extension().and_then(|e| e.to_str()) != Some("typ") {
        return Err(TemplateError::NotATemplate(file.to_path_buf()));
    }
    let text = read_text(file)?;
    let dir = file.parent().unwrap_or(Path::new("."));
    let mut set = TemplateSet::load(dir)?;
    set.files.insert(file_name(file), text.into_bytes());
    let own = file_name(file);
    let kinds: Vec<DocKind> = {
        let direct: Vec<DocKind> = documents().filter(|k| k.template() == own).collect();
        if direct.is_empty() {
            documents().collect()
        } else {
            direct
        }
    };
    for kind in &kinds {
        let inputs = set.inputs(*kind, sample(*kind).as_bytes(), None);
        engine::page_count(&inputs).map_err(TemplateError::Problems)?;
    }
    Ok(kinds)
}

fn documents() -> impl Iterator<Item = DocKind> {
    DocKind::OF_CASE.into_iter().chain([DocKind::Rekap])
}

fn files_in(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>, TemplateError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir, e)),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read_text(path: &Path) -> Result<String, TemplateError> {
    let bytes = read_bounded(path, MAX_TEMPLATE)?;
    String::from_utf8(bytes).map_err(|_| TemplateError::NotText(path.to_path_buf()))
}

/// Reads at most `limit` bytes of a regular file ([`crate::files`]): a
/// device or a FIFO named by mistake is refused, not read forever.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, TemplateError> {
    crate::files::read_bounded(path, limit).map_err(|e| match e {
        crate::files::ReadError::TooLarge { limit } => TemplateError::TooLarge {
            path: path.to_path_buf(),
            limit,
        },
        other => TemplateError::Io {
            path: path.to_path_buf(),
            detail: crate::i18n::files::read_problem(&other),
        },
    })
}

fn io(path: &Path, e: std::io::Error) -> TemplateError {
    TemplateError::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_document_sets_with_its_example_data() {
        let set = TemplateSet::shipped();
        for kind in documents() {
            let inputs = set.inputs(kind, sample(kind).as_bytes(), None);
            let pages = engine::page_count(&inputs);
            assert!(matches!(pages, Ok(n) if n >= 1), "{kind:?}: {pages:?}");
            if let Ok(dir) = std::env::var("ADUAN_SAMPLE_PDFS") {
                let pdf = engine::render_pdf(&inputs).unwrap();
                std::fs::write(Path::new(&dir).join(format!("{}.pdf", kind.id())), pdf).unwrap();
            }
        }
    }

    #[test]
    fn a_broken_template_is_named_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("tanda-terima.typ");
        std::fs::write(
            &file,
            "#import \"kop.typ\": *\n#let d = json(\"/data.json\")\n\n#d.tidak_ada\n",
        )
        .unwrap();
        match check(&file) {
            Err(TemplateError::Problems(p)) => {
                assert_eq!(
                    (p[0].file.as_str(), p[0].line),
                    ("tanda-terima.typ", 4),
                    "{p:?}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_broken_letterhead_is_found_through_every_document() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kop.typ");
        let shipped = SHIPPED.iter().find(|(n, _)| *n == "kop.typ").unwrap().1;
        let broken = shipped.replace("office.regency", "office.kabupaten");
        std::fs::write(&file, broken).unwrap();
        let line = shipped
            .lines()
            .position(|l| l.contains("office.regency"))
            .unwrap()
            + 1;
        match check(&file) {
            Err(TemplateError::Problems(p)) => {
                assert_eq!((p[0].file.as_str(), p[0].line), ("kop.typ", line), "{p:?}");
                assert!(p[0].message.contains("kabupaten"), "{p:?}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn copying_out_leaves_an_edited_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("kop.typ"), "// ours\n").unwrap();
        let written = copy_out(dir.path()).unwrap();
        assert!(!written.iter().any(|p| p.ends_with("kop.typ")));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("kop.typ")).unwrap(),
            "// ours\n"
        );
        assert!(dir.path().join("contoh/bap.json").is_file());
    }
}
