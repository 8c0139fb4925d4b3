//! Desk sync: why a bundle was refused, and what a merge did.

use super::{R, say};
use crate::store::seal::SealKind;
use crate::store::{MergeOutcome, Refusal};

/// The check that failed, naming the desk where there is one.
pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::Empty => tr!(
            "berkas kosong (salinan yang belum selesai atau gagal), bukan berkas aduan tersegel",
            "an empty file (a copy not finished, or one that failed), not a sealed aduan file"
        ),
        Refusal::Folder => tr!("adalah folder, bukan bundel", "is a folder, not a bundle"),
        Refusal::Foreign => tr!("bukan berkas aduan tersegel", "not a sealed aduan file"),
        Refusal::PlainBundle => tr!(
            "bundel lama tanpa enkripsi (dari versi sebelumnya), bukan berkas aduan tersegel; ekspor ulang dari loket itu",
            "an old unencrypted bundle (of an earlier version), not a sealed aduan file; export it again on that desk"
        ),
        Refusal::PlainDatabase => tr!(
            "berkas SQLite tanpa enkripsi (basis data loket atau cadangan versi lama), bukan berkas aduan tersegel",
            "an unencrypted SQLite file (a desk's database or an old version's backup), not a sealed aduan file"
        ),
        Refusal::WrongKind(SealKind::Backup) => tr!(
            "ini cadangan, bukan bundel (pulihkan dengan aduan restore)",
            "this is a backup, not a bundle (restore it with aduan restore)"
        ),
        Refusal::WrongKind(SealKind::Bundle) => tr!(
            "ini bundel, bukan cadangan (gabungkan dengan aduan sync merge)",
            "this is a bundle, not a backup (merge it with aduan sync merge)"
        ),
        Refusal::OtherSecret => tr!(
            "dibuat dengan rahasia kantor lain",
            "made with another office secret"
        ),
        Refusal::Tampered => tr!(
            "rusak atau diubah: ditolak sebelum dibaca",
            "damaged or altered: refused before it was read"
        ),
        Refusal::NotSqlite => tr!(
            "bukan berkas SQLite (terpotong atau bukan bundel aduan)",
            "not a SQLite file (truncated, or not an aduan bundle)"
        ),
        Refusal::NotABundle => tr!(
            "berkas SQLite ini bukan bundel aduan (application_id lain; basis data loket tidak boleh digabung langsung)",
            "this SQLite file is not an aduan bundle (another application_id; a desk's live database is never merged)"
        ),
        Refusal::Format(v) => tr!(
            "format bundel {v} tidak dikenal versi program ini",
            "bundle format {v} is unknown to this version"
        ),
        Refusal::OtherOffice(id) => tr!(
            "bundel dari kantor lain ({id})",
            "a bundle of another office ({id})"
        ),
        Refusal::Damaged(d) => {
            let line = tr!(
                "isi bundel rusak (pemeriksaan SQLite gagal; rinciannya dengan --verbose)",
                "the bundle's content is damaged (SQLite's check failed; details with --verbose)"
            );
            if super::seal::verbose() {
                format!("{line}\n{}", verbose_detail(d))
            } else {
                line
            }
        }
        Refusal::UntrustedDesk { code, fingerprint } => tr!(
            "loket {code} belum dikenal; sidik kuncinya {fingerprint}. Cocokkan dengan loket itu, lalu ulangi dengan --trust-new-desk",
            "desk {code} is not on the roster yet; its key fingerprint is {fingerprint}. Compare it with that desk, then repeat with --trust-new-desk"
        ),
        Refusal::KeyChanged { code } => tr!(
            "loket {code} datang dengan kunci publik yang berbeda dari yang tercatat",
            "desk {code} comes with a public key other than the one on record"
        ),
        Refusal::BadSignature { code } => tr!(
            "tanda tangan loket {code} tidak sah",
            "desk {code}'s signature is not valid"
        ),
        Refusal::HashMismatch { code, seq } => tr!(
            "peristiwa loket {code} no. {seq} telah diubah (hash tidak cocok)",
            "desk {code}'s event no. {seq} was edited (hash mismatch)"
        ),
        Refusal::BrokenChain { code, seq } => tr!(
            "rantai hash loket {code} putus di no. {seq}",
            "desk {code}'s hash chain is broken at no. {seq}"
        ),
        Refusal::Undecodable { code, seq } => tr!(
            "peristiwa loket {code} no. {seq} tidak terbaca",
            "desk {code}'s event no. {seq} cannot be read"
        ),
        Refusal::Fork { code, seq } => tr!(
            "loket {code} bercabang: no. {seq} berbeda dengan yang sudah ada di sini (mungkin loket itu dipulihkan dari cadangan lama lalu terus dipakai)",
            "desk {code} has forked: no. {seq} differs from the one held here (perhaps it was restored from an old backup and kept working)"
        ),
        Refusal::Unsigned { code, seq } => tr!(
            "peristiwa loket {code} no. {seq} tidak tercakup tanda tangannya",
            "desk {code}'s event no. {seq} is not covered by its signature"
        ),
        Refusal::BadContent { sha256 } => tr!(
            "isi lampiran {sha256} tidak cocok dengan sidiknya",
            "attachment {sha256}'s content does not match its hash"
        ),
        Refusal::DuplicateCode { code } => tr!(
            "dua loket berbeda memakai kode {code}: nomor agenda mereka akan bertabrakan; loket yang baru harus bergabung ulang dengan kode lain",
            "two different desks use the code {code}: their agenda numbers would collide; the newer desk must join again under another code"
        ),
        Refusal::IdentityChanged { code, now } => tr!(
            "loket {code} datang dengan kode atau nama lain ({now}); kode dan nama loket tidak dapat diubah",
            "desk {code} comes under another code or name ({now}); a desk's code and name cannot change"
        ),
    }
}

/// SQLite's own words, each line made printable, for `--verbose`.
fn verbose_detail(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {}", super::printable(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a merge took, a line each: "nothing new", or the new events of each
/// desk. The interfaces add the new desks, the cases and the conflicts.
pub fn merge_event_lines(o: &MergeOutcome) -> Vec<String> {
    if o.new_events.is_empty() && o.new_desks.is_empty() {
        return vec![say(R::NothingNew).to_string()];
    }
    o.new_events
        .iter()
        .map(|(code, n)| format!("{} {code}: {n}", say(R::NewEventsOf)))
        .collect()
}

/// The cases a merge added and changed, in one line.
pub fn merge_case_line(o: &MergeOutcome) -> String {
    format!(
        "{}: {}   {}: {}",
        say(R::CasesAdded),
        o.cases_added,
        say(R::CasesChanged),
        o.cases_changed
    )
}

/// A file a folder sync left alone, and why, in one line.
pub fn sync_skipped(file: &str, reason: &str) -> String {
    tr!(
        "{file} dilewati (tidak dihapus): {reason}",
        "{file} skipped (not deleted): {reason}"
    )
}

/// Why a folder sync skipped a file, for the reasons that are not a refused
/// bundle.
pub fn sync_skip_reason(why: SkipWhy<'_>) -> String {
    match why {
        SkipWhy::ToolCopy => tr!(
            "salinan sementara atau salinan konflik (alat sinkronisasi berkas, atau aduan yang sedang menulis)",
            "a temporary or conflict copy (of a file-sync tool, or of aduan while it writes)"
        ),
        SkipWhy::Vanished => tr!(
            "berkas hilang saat akan dibaca (mungkin sedang diganti alat sinkronisasi); coba lagi nanti",
            "the file vanished before it could be read (perhaps a file-sync tool is replacing it); try again later"
        ),
        SkipWhy::Unreadable(detail) => {
            tr!("tidak dapat dibaca: {detail}", "cannot be read: {detail}")
        }
    }
}

/// The reasons of [`sync_skip_reason`].
#[derive(Debug, Clone, Copy)]
pub enum SkipWhy<'a> {
    ToolCopy,
    Vanished,
    Unreadable(&'a str),
}

/// A desk on the roster whose bundle is not in the folder this time, and
/// when a bundle of it was last merged here (local time), if ever.
pub fn sync_missing(code: &str, last_merged: Option<&str>) -> String {
    match last_merged {
        Some(when) => tr!(
            "tidak ada bundel dari {code} di folder; terakhir digabung {when}",
            "no bundle from {code} in the folder; last merged {when}"
        ),
        None => tr!(
            "tidak ada bundel dari {code} di folder; belum pernah digabung dari loket itu",
            "no bundle from {code} in the folder; never merged from that desk"
        ),
    }
}
