//! The database schema and its migrations.
//!
//! `events` is the source of truth and is append-only (triggers refuse UPDATE
//! and DELETE). `cases`, `notes` and `agenda_counters` are the projection:
//! derived from the events by the domain fold and rebuildable at any time.
//! `desks` and `case_ids` map global ids to small local integers so indexes
//! stay compact; they are local bookkeeping, never rebuilt.

use rusqlite_migration::{M, Migrations};

/// `PRAGMA application_id` of every aduan database ("ADUN").
pub const APPLICATION_ID: i32 = 0x4144_554E;
/// `PRAGMA application_id` of a sync bundle ("ADUB"): never mistaken for a
/// desk's live database, nor the other way round.
pub const BUNDLE_APPLICATION_ID: i32 = 0x4144_5542;
/// The bundle layout this build writes and reads.
pub const BUNDLE_FORMAT: i64 = 2;

/// A bundle: a SQLite file holding events, the roster of desks and their
/// checkpoints, and attachment contents. Desks are named by their ids.
pub const BUNDLE_SCHEMA: &str = "
CREATE TABLE header (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE desks (uid BLOB PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, pubkey BLOB NOT NULL);
CREATE TABLE checkpoints (desk BLOB PRIMARY KEY, seq INTEGER NOT NULL, head BLOB NOT NULL, signature BLOB NOT NULL);
CREATE TABLE events (desk BLOB NOT NULL, seq INTEGER NOT NULL, hash BLOB NOT NULL, body BLOB NOT NULL, PRIMARY KEY (desk, seq)) WITHOUT ROWID;
CREATE TABLE attachments (sha256 BLOB PRIMARY KEY, size INTEGER NOT NULL, data BLOB NOT NULL);
";

const V1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE desks (
    n     INTEGER PRIMARY KEY,
    uid   BLOB NOT NULL UNIQUE,
    code  TEXT NOT NULL,
    name  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE case_ids (
    n     INTEGER PRIMARY KEY,
    uid   BLOB NOT NULL UNIQUE
);

-- One row per event, clustered in chain order. `body` is the event's
-- canonical bytes; `hash` is SHA-256 of `body`. The other columns repeat
-- what `body` says, for indexes.
CREATE TABLE events (
    desk    INTEGER NOT NULL REFERENCES desks(n),
    seq     INTEGER NOT NULL,
    case_n  INTEGER NOT NULL REFERENCES case_ids(n),
    at      INTEGER NOT NULL,
    kind    TEXT NOT NULL,
    hash    BLOB NOT NULL,
    body    BLOB NOT NULL,
    PRIMARY KEY (desk, seq)
) WITHOUT ROWID;
CREATE INDEX events_by_case ON events(case_n);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Projection: one row per case.
CREATE TABLE cases (
    n              INTEGER PRIMARY KEY REFERENCES case_ids(n),
    agenda_no      TEXT NOT NULL,
    agenda_desk    INTEGER NOT NULL,
    agenda_year    INTEGER NOT NULL,
    agenda_seq     INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    channel        TEXT NOT NULL,
    sop            TEXT NOT NULL,
    received_at    INTEGER NOT NULL,
    complete_on    TEXT NOT NULL,
    name           TEXT NOT NULL,
    nik            TEXT,
    phone          TEXT,
    confidential   INTEGER NOT NULL,
    anonymous      INTEGER NOT NULL,
    subject        TEXT NOT NULL,
    licence_type   TEXT NOT NULL,
    status         TEXT NOT NULL,
    step           TEXT,
    step_actor     TEXT,
    step_since     INTEGER NOT NULL,
    step_due       INTEGER,
    deadline       TEXT NOT NULL,
    unlisted_years TEXT NOT NULL,
    paused_since   INTEGER,
    forwarded_to   TEXT,
    closed_at      INTEGER,
    last_at        INTEGER NOT NULL,
    events         INTEGER NOT NULL,
    anomalies      INTEGER NOT NULL
);
CREATE INDEX cases_agenda ON cases(agenda_no);
CREATE INDEX cases_status_deadline ON cases(status, deadline);

CREATE TABLE notes (
    event     BLOB PRIMARY KEY,
    case_n    INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    person    TEXT NOT NULL,
    role      TEXT NOT NULL,
    text      TEXT NOT NULL,
    replaces  BLOB
) WITHOUT ROWID;
CREATE INDEX notes_by_case ON notes(case_n);

CREATE TABLE agenda_counters (
    desk  INTEGER NOT NULL,
    year  INTEGER NOT NULL,
    last  INTEGER NOT NULL,
    PRIMARY KEY (desk, year)
) WITHOUT ROWID;
"#;

/// Intake: unfinished forms kept as the operator types, full-text search,
/// and the lookups behind the duplicate warning.
const V2: &str = r#"
CREATE TABLE drafts (
    person    TEXT PRIMARY KEY,
    body      TEXT NOT NULL,
    saved_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- Projection: words of each case, rowid = cases.n. Contentless: the text
-- stays in the events; diacritics and case are folded.
CREATE VIRTUAL TABLE case_search USING fts5(
    agenda_no, name, nik, phone, subject, description,
    content = '', contentless_delete = 1, detail = none,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE INDEX cases_nik ON cases(nik) WHERE nik IS NOT NULL;
CREATE INDEX cases_phone ON cases(phone) WHERE phone IS NOT NULL;
"#;

/// The disposition inbox's queues, paged in deadline order.
const V3: &str = r#"
CREATE INDEX cases_queue ON cases(step_actor, deadline) WHERE status = 'open';
CREATE INDEX cases_forwarded ON cases(deadline) WHERE forwarded_to IS NOT NULL;
CREATE INDEX cases_deadline ON cases(deadline);
"#;

/// Office minutes the current step spent paused, so "time used" leaves them out.
const V4: &str = r#"
ALTER TABLE cases ADD COLUMN step_paused INTEGER NOT NULL DEFAULT 0;
"#;

/// Projection: what the monthly recap counts of each case (dates as
/// YYYY-MM-DD; `steps` one "step|date|within" per line).
const V5: &str = r#"
CREATE TABLE recap_cases (
    n                  INTEGER PRIMARY KEY,
    agenda_no          TEXT NOT NULL,
    shown_name         TEXT,
    kind               TEXT NOT NULL,
    channel            TEXT NOT NULL,
    licence_type       TEXT NOT NULL,
    received_on        TEXT NOT NULL,
    finished_on        TEXT,
    finished_status    TEXT,
    deadline           TEXT NOT NULL,
    workdays_to_close  INTEGER,
    forwarded_on       TEXT,
    opd                TEXT,
    consult_on         TEXT,
    consult_answered   INTEGER,
    steps              TEXT NOT NULL
);
CREATE INDEX recap_finished ON recap_cases(finished_on);
"#;

/// Each case's recap facts packed in one column, read instead of fifteen.
const V6: &str = "
DROP INDEX IF EXISTS recap_finished;
DROP INDEX IF EXISTS recap_span;
ALTER TABLE recap_cases ADD COLUMN packed BLOB NOT NULL DEFAULT x'';
";

/// Attachment contents, stored once under their SHA-256 whatever the number
/// of cases or notes that name them. Primary data like the events (a rebuild
/// never touches it), kept out of the events so the log stays small to hash.
const V7: &str = "
CREATE TABLE attachments (
    sha256  BLOB PRIMARY KEY,
    size    INTEGER NOT NULL,
    data    BLOB NOT NULL
);
";

/// Sync between desks: each desk's public key, the signed checkpoints that
/// cover its events, and a record of every bundle merged.
const V8: &str = "
ALTER TABLE desks ADD COLUMN pubkey BLOB;
CREATE TABLE checkpoints (
    desk       INTEGER PRIMARY KEY REFERENCES desks(n),
    seq        INTEGER NOT NULL,
    head       BLOB NOT NULL,
    signature  BLOB NOT NULL
);
CREATE TABLE imports (
    n          INTEGER PRIMARY KEY,
    bundle     BLOB NOT NULL,
    at         INTEGER NOT NULL,
    events     INTEGER NOT NULL,
    cases      INTEGER NOT NULL
);
";

/// Cases waiting for a decision between changes made apart. Zero until a
/// merge brings such changes, so no rebuild is needed.
const V9: &str = "ALTER TABLE cases ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0;";

/// Projection: the case each case was linked to at registration, indexed so
/// a case finds the cases that link to it. Filled from the log's
/// registrations when added ([`super::links::backfill`]).
const V10: &str = "
CREATE TABLE case_links (
    n          INTEGER PRIMARY KEY,
    linked_to  BLOB NOT NULL
);
CREATE INDEX case_links_to ON case_links(linked_to);
";

/// Projection: each desk's register of outgoing letter numbers per year
/// ([`super::letters`]). No log before it holds a letter, so it starts empty;
/// a database set back to an older version number keeps the table it has.
const V11: &str = "
CREATE TABLE IF NOT EXISTS letter_counters (
    desk  INTEGER NOT NULL,
    year  INTEGER NOT NULL,
    last  INTEGER NOT NULL,
    PRIMARY KEY (desk, year)
) WITHOUT ROWID;
";

/// Who signed in at this desk, who typed a wrong PIN, who was locked out:
/// desk-local like `drafts`, never in a bundle (whose schema is its own).
const V12: &str = "
CREATE TABLE IF NOT EXISTS sign_ins (
    n        INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    person   TEXT NOT NULL,
    place    TEXT NOT NULL,
    outcome  TEXT NOT NULL
);
";

/// The Investigasi tab's list: open cases at a step that takes notes, in
/// list order, one index range per step, whatever the backlog. It holds
/// every column the list is ordered and filtered by, so only the rows shown
/// are read from the table.
macro_rules! cases_steps {
    ($create:literal) => {
        concat!(
            $create,
            " cases_steps ON cases(sop, step, deadline, received_at, agenda_no, step_actor) WHERE status = 'open'"
        )
    };
}
const CASES_STEPS: &str = cases_steps!("CREATE INDEX");
/// A database set back to an older version number keeps the index it has.
const V13: &str = cases_steps!("CREATE INDEX IF NOT EXISTS");

/// The recap's facts stored once: the table is ordered by the day a case
/// finished (`''` while open, so open cases come first), so a month is one
/// contiguous range of it, and each row holds the facts packed in one
/// column. The dates, outcome and deadline the headline figures count by
/// are also plain columns, for anyone checking them with plain SQL; the
/// readable copies of the rest, and the covering index that held the packed
/// facts a second time, are gone. The facts are copied as they are: nothing
/// is derived again.
const V14: &str = "
CREATE TABLE recap_facts (
    finished_on      TEXT NOT NULL,
    received_on      TEXT NOT NULL,
    n                INTEGER NOT NULL,
    finished_status  TEXT,
    deadline         TEXT NOT NULL,
    forwarded_on     TEXT,
    packed           BLOB NOT NULL,
    PRIMARY KEY (finished_on, received_on, n)
) WITHOUT ROWID;
INSERT INTO recap_facts
    SELECT coalesce(finished_on, ''), received_on, n, finished_status, deadline, forwarded_on, packed
    FROM recap_cases ORDER BY 1, 2, 3;
DROP TABLE recap_cases;
ALTER TABLE recap_facts RENAME TO recap_cases;
CREATE UNIQUE INDEX recap_cases_n ON recap_cases(n);
";

/// The newest schema version this build knows.
pub const LATEST: usize = 14;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up(V3),
        M::up(V4),
        M::up(V5),
        M::up(V6),
        M::up(V7),
        M::up(V8),
        M::up(V9),
        M::up_with_hook(V10, super::links::backfill),
        M::up(V11),
        M::up(V12),
        M::up(V13),
        M::up(V14),
    ])
}

/// Indexes a bulk load into an empty database drops first and builds after:
/// building an index from sorted data is several times faster than keeping it
/// up to date row by row.
pub const BULK_INDEXES: [(&str, &str); 9] = [
    ("cases_steps", CASES_STEPS),
    (
        "cases_deadline",
        "CREATE INDEX cases_deadline ON cases(deadline)",
    ),
    (
        "cases_queue",
        "CREATE INDEX cases_queue ON cases(step_actor, deadline) WHERE status = 'open'",
    ),
    (
        "cases_forwarded",
        "CREATE INDEX cases_forwarded ON cases(deadline) WHERE forwarded_to IS NOT NULL",
    ),
    (
        "cases_nik",
        "CREATE INDEX cases_nik ON cases(nik) WHERE nik IS NOT NULL",
    ),
    (
        "cases_phone",
        "CREATE INDEX cases_phone ON cases(phone) WHERE phone IS NOT NULL",
    ),
    (
        "events_by_case",
        "CREATE INDEX events_by_case ON events(case_n)",
    ),
    (
        "cases_agenda",
        "CREATE INDEX cases_agenda ON cases(agenda_no)",
    ),
    (
        "cases_status_deadline",
        "CREATE INDEX cases_status_deadline ON cases(status, deadline)",
    ),
];

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }
}
