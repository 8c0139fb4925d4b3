//! What a desk remembers between sessions that is not part of the log:
//! unfinished forms and the last person signed in.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};

impl Store {
    /// Keeps a person's unfinished form (any serialised text), replacing the last one.
    pub fn save_draft(&self, person: &str, body: &str, saved_at: i64) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT OR REPLACE INTO drafts (person, body, saved_at) VALUES (?, ?, ?)",
            )?
            .execute(params![person, body, saved_at])?;
        Ok(())
    }

    pub fn load_draft(&self, person: &str) -> Result<Option<(String, i64)>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT body, saved_at FROM drafts WHERE person = ?")?
            .query_row([person], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    pub fn clear_draft(&self, person: &str) -> Result<()> {
        self.conn()
            .prepare_cached("DELETE FROM drafts WHERE person = ?")?
            .execute([person])?;
        Ok(())
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT value FROM meta WHERE key = ?")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn()
            .prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")?
            .execute(params![key, value])?;
        Ok(())
    }
}
