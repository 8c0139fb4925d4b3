//! The desk's log of sign-ins: each PIN accepted, each wrong one, each
//! lockout. Desk-local (the `sign_ins` table never travels in a bundle).

use rusqlite::params;

use super::{Result, Store};

/// One line of the sign-in log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SignInRow {
    pub at: i64,
    pub person: String,
    /// `terminal` or `cli`.
    pub place: String,
    /// `signed_in`, `wrong_pin`, `locked_out`, `refused_locked`, `pin_set`, `pin_reset`.
    pub outcome: String,
}

impl Store {
    pub fn record_sign_in(&self, row: &SignInRow) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO sign_ins (at, person, place, outcome) VALUES (?, ?, ?, ?)",
            )?
            .execute(params![row.at, row.person, row.place, row.outcome])?;
        Ok(())
    }

    /// The newest `limit` lines, oldest first.
    pub fn sign_ins(&self, limit: u32) -> Result<Vec<SignInRow>> {
        let mut rows = self
            .conn()
            .prepare_cached(
                "SELECT at, person, place, outcome FROM sign_ins ORDER BY n DESC LIMIT ?",
            )?
            .query_map([limit], |r| {
                Ok(SignInRow {
                    at: r.get(0)?,
                    person: r.get(1)?,
                    place: r.get(2)?,
                    outcome: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.reverse();
        Ok(rows)
    }
}
