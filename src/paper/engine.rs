//! Typesetting: a template (Typst markup) and its data (JSON) → a PDF.
//!
//! The template reads its data with `json("/data.json")` and may import the
//! other templates of its folder (`import "kop.typ": *`). Nothing is read
//! from the disk during a compilation: the caller hands in every file (the
//! templates, the data, the logo, extra fonts), so a render is a pure
//! function of its inputs and every desk prints the same bytes.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

/// The font built into the program, embedded in every PDF: Libertinus
/// Serif (SIL Open Font License, `assets/fonts/OFL-Libertinus.txt`), which
/// carries Indonesian text. An office adds its own beside its templates.
const BUILT_IN_FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../../assets/fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../../assets/fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../../assets/fonts/LibertinusSerif-BoldItalic.otf"),
];

static BUILT_IN_FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    BUILT_IN_FONT_FILES
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect()
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// Everything one compilation may read.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// The file compiled, by its name among `files` (`tanda-terima.typ`).
    pub main: String,
    /// Sources and binary files by their name at the root (`kop.typ`,
    /// `data.json`, `logo.png`).
    pub files: BTreeMap<String, Vec<u8>>,
    /// Fonts an office adds beside its templates (TTF/OTF bytes).
    pub fonts: Vec<Vec<u8>>,
}

/// Where a template went wrong: the file, the 1-based line and column, and
/// Typst's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Compiles `inputs` and writes the document as PDF; the problems of the
/// template when it does not compile (errors first, at most a few).
pub fn render_pdf(inputs: &Inputs) -> Result<Vec<u8>, Vec<Problem>> {
    let world = PaperWorld::new(inputs);
    let document = compile(&world)?;
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(inputs.main.clone()),
        timestamp: None,
        ..Default::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|d| world.problems(&d))
}

/// Compiles `inputs` and counts its pages: for checking a template.
pub fn page_count(inputs: &Inputs) -> Result<usize, Vec<Problem>> {
    let world = PaperWorld::new(inputs);
    Ok(compile(&world)?.pages().len())
}

fn compile(world: &PaperWorld) -> Result<PagedDocument, Vec<Problem>> {
    typst::compile::<PagedDocument>(world)
        .output
        .map_err(|d| world.problems(&d))
}

struct PaperWorld {
    main: FileId,
    files: HashMap<FileId, Vec<u8>>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn file_id(name: &str) -> Option<FileId> {
    let path = VirtualPath::new(format!("/{name}")).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, path).intern())
}

impl PaperWorld {
    fn new(inputs: &Inputs) -> PaperWorld {
        let files = inputs
            .files
            .iter()
            .filter_map(|(name, bytes)| Some((file_id(name)?, bytes.clone())))
            .collect();
        let mut fonts = BUILT_IN_FONTS.clone();
        for data in &inputs.fonts {
            fonts.extend(Font::iter(Bytes::new(data.clone())));
        }
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        PaperWorld {
            main: file_id(&inputs.main)
                .unwrap_or_else(|| file_id("main.typ").expect("a plain name")),
            files,
            book,
            fonts,
        }
    }

    fn name_of(id: FileId) -> String {
        id.get().vpath().get_without_slash().to_string()
    }

    fn problems(&self, diagnostics: &[SourceDiagnostic]) -> Vec<Problem> {
        let mut out: Vec<Problem> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| self.problem(d))
            .collect();
        out.dedup();
        out.truncate(5);
        out
    }

    fn problem(&self, d: &SourceDiagnostic) -> Problem {
        let id = d.span.id();
        let place = id.zip(self.range(d.span)).and_then(|(id, range)| {
            let source = self.source(id).ok()?;
            let (line, column) = source.lines().byte_to_line_column(range.start)?;
            Some((Self::name_of(id), line + 1, column + 1))
        });
        let (file, line, column) = place.unwrap_or_else(|| (Self::name_of(self.main), 0, 0));
        let mut message = d.message.to_string();
        for hint in d.hints.iter().take(1) {
            message.push_str(" (");
            message.push_str(&hint.v);
            message.push(')');
        }
        Problem {
            file,
            line,
            column,
            message,
        }
    }
}

impl World for PaperWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let bytes = self.bytes_of(id)?;
        let text = String::from_utf8(bytes.to_vec()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        Ok(Bytes::new(self.bytes_of(id)?.to_vec()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    /// Templates print the dates they are given, never the clock's.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

impl PaperWorld {
    fn bytes_of(&self, id: FileId) -> FileResult<&[u8]> {
        self.files
            .get(&id)
            .map(Vec::as_slice)
            .ok_or_else(|| FileError::NotFound(Self::name_of(id).into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(main: &str, files: &[(&str, &str)]) -> Inputs {
        Inputs {
            main: main.into(),
            files: files
                .iter()
                .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
                .collect(),
            fonts: Vec::new(),
        }
    }

    #[test]
    fn a_template_reads_its_data_and_imports_its_neighbours() {
        let i = inputs(
            "surat.typ",
            &[
                (
                    "surat.typ",
                    "#import \"kop.typ\": kop\n#let d = json(\"/data.json\")\n#kop\n#d.nama",
                ),
                ("kop.typ", "#let kop = [DINAS]"),
                ("data.json", "{\"nama\": \"Siti Aminah\"}"),
            ],
        );
        let pdf = render_pdf(&i).expect("compiles");
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(page_count(&i).unwrap(), 1);
        assert_eq!(
            render_pdf(&i).unwrap(),
            pdf,
            "the same inputs, the same bytes"
        );
    }

    #[test]
    fn an_error_names_its_file_and_line() {
        let i = inputs(
            "surat.typ",
            &[("surat.typ", "Baris satu\n\n#let x = 1\n#tidak-ada\n")],
        );
        let problems = render_pdf(&i).unwrap_err();
        assert_eq!(problems[0].file, "surat.typ");
        assert_eq!(problems[0].line, 4, "{problems:?}");
        assert!(
            problems[0].message.contains("unknown variable"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_missing_file_is_a_problem_not_a_panic() {
        let i = inputs("surat.typ", &[("surat.typ", "#image(\"/logo.png\")")]);
        let problems = render_pdf(&i).unwrap_err();
        assert!(problems[0].message.contains("logo.png"), "{problems:?}");
    }
}
