//! A bundle's roster and header edited a byte at a time by someone who
//! holds the office secret (and so can open and seal bundles again): every
//! changed byte of the pages that hold them is either refused, with the
//! database left as it was, or merged with exactly the result of the clean
//! bundle. No edit may rename a desk, give two desks one code, or move a
//! bundle to another office behind a genuine signature. (Without the
//! secret, any changed byte is refused: see `sealed.rs`.)

mod common;

use std::path::Path;

use aduan::service::{Desk, OpenOptions};
use aduan::store::seal::{self, OfficeSecret, PrivateDir, SealKind};
use common::TestDesk;
use sha2::{Digest, Sha256};

fn sha(path: &Path) -> [u8; 32] {
    Sha256::digest(std::fs::read(path).unwrap()).into()
}

/// The page numbers (from 1) of the bundle's header and desk tables, and
/// the page size.
fn roster_pages(bundle: &Path) -> (Vec<u32>, usize) {
    let conn = rusqlite::Connection::open(bundle).unwrap();
    let size: usize = conn
        .query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize;
    let mut stmt = conn
        .prepare("SELECT rootpage FROM sqlite_master WHERE name IN ('header', 'desks')")
        .unwrap();
    let pages = stmt
        .query_map([], |r| r.get::<_, u32>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (pages, size)
}

/// The offsets in a table leaf page that hold anything: its header and
/// cell pointers, and the cells (the gap between holds nothing).
fn used_bytes(file: &[u8], page: u32, size: usize) -> Vec<usize> {
    let start = (page as usize - 1) * size;
    let at = if page == 1 { start + 100 } else { start };
    let cells = u16::from_be_bytes([file[at + 3], file[at + 4]]) as usize;
    let content = match u16::from_be_bytes([file[at + 5], file[at + 6]]) as usize {
        0 => 65_536,
        c => c,
    };
    let head_end = at + 8 + 2 * cells;
    (at..head_end)
        .chain(start + content..start + size)
        .collect()
}

fn open(config: &Path, db: &Path) -> Desk {
    let mut desk = Desk::open(&OpenOptions {
        config: Some(config.into()),
        db: Some(db.into()),
        ..OpenOptions::default()
    })
    .unwrap();
    desk.fixed_now = Some(1_795_665_600);
    desk
}

#[test]
fn every_byte_of_a_bundles_roster_and_header_is_refused_or_harmless() {
    let a = TestDesk::new();
    let b = TestDesk::joining("LKT2", &a.export_to("a.aduan"));
    b.add_case("2026-11-17 09:00");
    b.add_case("2026-11-18 09:00");
    let bundle = b.export_to("b.aduan");
    let scratch = tempfile::tempdir().unwrap();
    let secret = OfficeSecret::parse(&a.office_secret()).unwrap();
    let private = PrivateDir::new_in(scratch.path()).unwrap();
    let (preamble, plain) =
        seal::unseal(&bundle, SealKind::Bundle, None, &secret, &private, "b.db").unwrap();
    let clean = std::fs::read(&plain).unwrap();
    let plain_edit = private.file("edited.db");

    let fresh = |name: &str| {
        let db = scratch.path().join(name);
        std::fs::copy(a.db(), &db).unwrap();
        db
    };
    let expected = {
        let db = fresh("clean.db");
        let mut desk = open(&a.config(), &db);
        desk.merge_bundle(&bundle, true, &mut |_, _| {}).unwrap();
        desk.store.canonical_digest().unwrap()
    };

    let (pages, size) = roster_pages(&plain);
    assert_eq!(pages.len(), 2);
    let (mut refused, mut harmless) = (0, 0);
    let edited = scratch.path().join("edited.aduan");
    for page in pages {
        for at in used_bytes(&clean, page, size) {
            let mut bytes = clean.clone();
            bytes[at] ^= 0x01;
            std::fs::write(&plain_edit, &bytes).unwrap();
            let _ = std::fs::remove_file(&edited);
            seal::seal(&plain_edit, &edited, &preamble, &secret).unwrap();
            let db = fresh("work.db");
            let before = sha(&db);
            let mut desk = open(&a.config(), &db);
            match desk.merge_bundle(&edited, true, &mut |_, _| {}) {
                Ok(_) => {
                    assert_eq!(
                        desk.store.canonical_digest().unwrap(),
                        expected,
                        "byte {at} of page {page} merged into another result"
                    );
                    harmless += 1;
                }
                Err(msg) => {
                    let line = msg.to_string();
                    assert!(!line.contains('\n'), "one line: {line}");
                    drop(desk);
                    assert_eq!(sha(&db), before, "byte {at}: refused, yet changed");
                    refused += 1;
                }
            }
        }
    }
    println!("roster and header bytes: {refused} refused, {harmless} merged as clean");
    assert!(
        refused > 20,
        "the edits that matter are refused ({refused})"
    );
}
