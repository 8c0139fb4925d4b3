//! `aduan check`: is the database sound, and is its projection what the log says?

use serde::Serialize;

use super::{Desk, Result};
use crate::domain::event::hex;
use crate::store::ChainProblem;

#[derive(Debug, Clone, Serialize)]
pub struct DeskReport {
    pub code: String,
    pub desk: String,
    pub events: u64,
    pub last_seq: u64,
    pub head: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub integrity: Vec<String>,
    pub desks: Vec<DeskReport>,
    pub chain_problems: Vec<String>,
    /// Attachments whose stored content no longer matches its SHA-256.
    pub damaged_attachments: Vec<String>,
    pub cases: u64,
    pub events: u64,
    /// Events the fold did not apply (each listed with its reason in `case show`).
    pub events_not_applied: u64,
    /// Codes two desk ids share: their agenda numbers can collide.
    pub shared_codes: Vec<String>,
    /// Present after `--rebuild`.
    pub rebuild: Option<RebuildReport>,
    /// From 1 October, the next year when it has no holiday list yet.
    pub next_year_unlisted: Option<i32>,
    /// The desk's files and folders other users may read or change (a
    /// warning: the records are sound, but not kept private).
    pub loose_permissions: Vec<super::permissions::LoosePath>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RebuildReport {
    pub cases: u64,
    pub digest_before: String,
    pub digest_after: String,
    pub identical: bool,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.integrity == ["ok"]
            && self.chain_problems.is_empty()
            && self.damaged_attachments.is_empty()
            && self.shared_codes.is_empty()
    }
}

impl Desk {
    pub fn check(&mut self, rebuild: bool) -> Result<CheckReport> {
        let err = |e| super::store_msg(e, &self.locations.database);
        let (integrity, chains) = self.store.check_everything().map_err(err)?;
        let rebuild = if rebuild { Some(self.rebuild()?) } else { None };
        let err = |e| super::store_msg(e, &self.locations.database);
        Ok(CheckReport {
            integrity,
            desks: chains
                .desks
                .iter()
                .map(|d| DeskReport {
                    code: d.code.clone(),
                    desk: d.desk.to_string(),
                    events: d.events,
                    last_seq: d.last_seq,
                    head: hex(&d.head),
                })
                .collect(),
            chain_problems: chains.problems.iter().map(chain_problem).collect(),
            damaged_attachments: self
                .store
                .damaged_contents()
                .map_err(err)?
                .iter()
                .map(|sha| hex(sha))
                .collect(),
            cases: self.store.count_cases().map_err(err)?,
            events_not_applied: self.store.count_not_applied().map_err(err)?,
            shared_codes: self.store.shared_codes().map_err(err)?,
            events: self.store.count_events().map_err(err)?,
            rebuild,
            next_year_unlisted: self.next_year_unlisted(),
            loose_permissions: self.loose_permissions(),
        })
    }

    /// Derives the projection again from the log and says whether it changed.
    pub fn rebuild(&mut self) -> Result<RebuildReport> {
        self.rebuild_with(&mut |_, _| {})
    }

    /// [`Desk::rebuild`], telling `progress` (cases done, cases in all) as it goes.
    pub fn rebuild_with(&mut self, progress: &mut dyn FnMut(u64, u64)) -> Result<RebuildReport> {
        let db = self.locations.database.clone();
        let err = |e| super::store_msg(e, &db);
        let before = self.store.projection_digest().map_err(err)?;
        let cases = self.derive_all_again(progress)?;
        self.record_calendar()?;
        let after = self.store.projection_digest().map_err(err)?;
        Ok(RebuildReport {
            cases,
            digest_before: hex(&before),
            digest_after: hex(&after),
            identical: before == after,
        })
    }

    /// Derives the whole projection again from the log, under the SOPs and
    /// calendar in force (which the caller records). Returns the cases derived.
    pub(super) fn derive_all_again(&mut self, progress: &mut dyn FnMut(u64, u64)) -> Result<u64> {
        let project = super::projector(&self.sops, &self.calendar, self.offset);
        self.store
            .rebuild_projection(&project, progress)
            .map_err(|e| super::store_msg(e, &self.locations.database))
    }
}

fn chain_problem(p: &ChainProblem) -> String {
    use crate::i18n::{R, say};
    match p {
        ChainProblem::HashMismatch { desk, seq } => {
            format!("{desk} #{seq}: {}", say(R::EventBytesDoNotMatch))
        }
        ChainProblem::BrokenLink { desk, seq } => {
            format!("{desk} #{seq}: {}", say(R::BrokenChainDoesNotName))
        }
        ChainProblem::Gap { desk, after } => {
            format!("{desk}: {} #{after}", say(R::ASequenceNumberIsMissing))
        }
        ChainProblem::Undecodable { desk, seq } => {
            format!("{desk} #{seq}: {}", say(R::TheEventCannotBeRead))
        }
    }
}
