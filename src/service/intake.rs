//! What the intake desk needs beyond registering: drafts that survive a
//! crash, the duplicate warning, search, and the printed receipt.

use std::path::PathBuf;

use super::{Desk, Registered, Result};
use crate::domain::draft::CaseDraft;
use crate::domain::identity;
use crate::store::{CaseRow, search_query};

const LAST_PERSON: &str = "last_person";

impl Desk {
    /// Keeps the person's unfinished form; called as they type.
    pub fn save_draft(&self, person: &str, draft: &CaseDraft) -> Result<()> {
        let body = serde_json::to_string(draft).expect("drafts serialise");
        self.store
            .save_draft(person, &body, self.now())
            .map_err(|e| self.db_error(e))
    }

    /// The person's unfinished form, if one was left.
    pub fn load_draft(&self, person: &str) -> Result<Option<CaseDraft>> {
        let stored = self
            .store
            .load_draft(person)
            .map_err(|e| self.db_error(e))?;
        Ok(stored.and_then(|(body, _)| serde_json::from_str(&body).ok()))
    }

    pub fn clear_draft(&self, person: &str) -> Result<()> {
        self.store.clear_draft(person).map_err(|e| self.db_error(e))
    }

    pub fn last_person(&self) -> Option<String> {
        self.store.meta(LAST_PERSON).ok().flatten()
    }

    pub fn remember_person(&self, name: &str) -> Result<()> {
        self.store
            .set_meta(LAST_PERSON, name)
            .map_err(|e| self.db_error(e))
    }

    /// One page of cases matching what was typed, newest first.
    ///
    /// The first page decides how the last word is read: as a whole word when
    /// that fills the page (fast even for a word in every third case), else
    /// as the start of a word, so a half-typed name still finds its case.
    /// Later pages pass the same `prefix` back.
    pub fn search(
        &self,
        typed: &str,
        limit: u32,
        offset: u32,
        prefix: Option<bool>,
    ) -> Result<(Vec<CaseRow>, bool)> {
        let mut words = typed.to_string();
        // A phone typed as 0812… also matches the stored +62812… form.
        if let Ok(phone) = identity::parse_phone(typed) {
            words = phone.national_digits();
        }
        let page = |prefix: bool| -> Result<Vec<CaseRow>> {
            match search_query(&words, prefix) {
                Some(q) => self
                    .store
                    .search_cases(&q, limit, offset)
                    .map_err(|e| self.db_error(e)),
                None => Ok(Vec::new()),
            }
        };
        // One or two letters as a prefix match too much to be quick or useful.
        let last_word = words
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty());
        let may_prefix = last_word.is_some_and(|w| w.chars().count() >= 3);
        match prefix {
            Some(p) => Ok((page(p)?, p)),
            None => {
                let whole = page(false)?;
                if whole.len() as u32 >= limit || !may_prefix {
                    Ok((whole, false))
                } else {
                    Ok((page(true)?, true))
                }
            }
        }
    }

    /// Open cases with the draft's NIK or phone.
    pub fn possible_duplicates(&self, draft: &CaseDraft) -> Result<Vec<CaseRow>> {
        let nik = identity::parse_nik(&draft.nik, self.today())
            .ok()
            .map(|n| n.digits);
        let phone = identity::parse_phone(&draft.phone).ok().map(|p| p.e164);
        self.store
            .open_cases_of(nik.as_deref(), phone.as_deref())
            .map_err(|e| self.db_error(e))
    }

    /// Writes the receipt (tanda terima) handed to the complainant: the
    /// PDF of `aduan doc --kind tanda-terima`, as a new file in the export
    /// folder.
    pub fn write_receipt(&self, r: &Registered) -> Result<PathBuf> {
        let receipt = self.render_document(&r.agenda_no, crate::paper::DocKind::TandaTerima)?;
        self.write_document(&receipt, None, false)
    }
}
