//! Attachment contents, addressed by their SHA-256.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, Writer};
use crate::domain::event::Hash;

impl Writer<'_> {
    /// Keeps `data` under `sha256` in the same transaction as the event that
    /// names it; content already held is not written twice.
    pub fn put_content(&self, sha256: &Hash, data: &[u8]) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO attachments (sha256, size, data) VALUES (?, ?, ?)",
            )?
            .execute(params![sha256.as_slice(), data.len() as i64, data])?;
        Ok(())
    }
}

impl Store {
    /// The SHA-256 of every stored content whose bytes no longer hash to it.
    pub fn damaged_contents(&self) -> Result<Vec<Hash>> {
        use sha2::{Digest, Sha256};
        let mut stmt = self
            .conn()
            .prepare("SELECT sha256, data FROM attachments")?;
        let mut rows = stmt.query([])?;
        let mut damaged = Vec::new();
        while let Some(row) = rows.next()? {
            let sha = row.get_ref(0)?.as_blob()?;
            if Sha256::digest(row.get_ref(1)?.as_blob()?).as_slice() != sha {
                damaged.push(sha.try_into().unwrap_or([0; 32]));
            }
        }
        Ok(damaged)
    }

    /// The content stored under `sha256`, if this desk has it.
    pub fn content(&self, sha256: &Hash) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT data FROM attachments WHERE sha256 = ?")?
            .query_row([sha256.as_slice()], |r| r.get(0))
            .optional()?)
    }

    /// How many bytes are stored under `sha256`, if this desk has the
    /// content: read without loading it, so a screen can show it per file.
    pub fn content_len(&self, sha256: &Hash) -> Result<Option<u64>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT length(data) FROM attachments WHERE sha256 = ?")?
            .query_row([sha256.as_slice()], |r| r.get::<_, i64>(0))
            .optional()?
            .map(|n| n as u64))
    }
}
