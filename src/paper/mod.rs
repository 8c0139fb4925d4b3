//! The office's paper: document templates (Typst markup, data files an
//! office edits) and their rendering to PDF.

pub mod engine;
