//! The desk: configuration, database, SOPs and calendar opened together, and
//! the operations the CLI and the terminal UI share. Both call these
//! functions and nothing below them.

mod calendar;
mod case_view;
mod cases;
mod check;
pub mod documents;
mod inbox;
mod intake;
mod labels;
pub mod letters;
mod notes;
pub mod office_secret;
mod paper_data;
mod paper_letters;
pub mod permissions;
pub mod pin;
mod recap;
mod recap_layout;
mod report;
mod sync;
mod views;

use std::path::{Path, PathBuf};

use chrono::{FixedOffset, NaiveDate};

pub use calendar::{Deriving, MAX_HOLIDAY_FILE, ProgressFn, read_holiday_file};
pub use case_view::{AttachmentLine, CaseLinks, CaseView, LinkedCase, NoteLine};
pub use cases::{ActInput, ActingAs, Registered};
pub use check::CheckReport;
pub use inbox::{Queue, RowTiming, Urgency};
pub use notes::{CaseNotes, Integrity, file_safe, hex, short_id};
pub use recap::{Overdue, Recap, RecapCount, SopSteps, Span};
pub use recap_layout::{
    RecapCell, RecapColumn, RecapDoc, RecapOffice, RecapOverdue, RecapRow, RecapSection,
    RecapSignature,
};
pub use report::field_report;
pub use sync::{BUNDLE_EXT, Exported, FolderSync, bundle_desks};
pub use views::{CaseDetail, StepView, TimelineEntry};
pub use views::{ConflictValue, ConflictView};

use crate::config::{self, Config, ConfigError, Locations};
use crate::domain::agenda::AgendaFormat;
use crate::domain::calendar::Calendar;
use crate::domain::case::Kind;
use crate::domain::draft::{to_local, to_unix};
use crate::domain::sop::{self, Sop};
use crate::domain::workflow::Clock;
use crate::i18n::{self, Msg};
use crate::store::{LocalDesk, Store, StoreError};

pub type Result<T> = std::result::Result<T, Msg>;

/// Bumped whenever the projection is derived differently; a desk whose
/// stored projection is older rebuilds it from the log when opened.
const PROJECTION_VERSION: &str = "8";
const PROJECTION_KEY: &str = "projection_version";

/// The official holiday list shipped with the program.
pub const HOLIDAYS: &str = include_str!("../../assets/holidays-id.toml");

/// What the command line says about where things are.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    pub config: Option<PathBuf>,
    pub db: Option<PathBuf>,
    /// Draw every new id and key from this seed: a test whose outcome
    /// depends on ids replays from its own seed.
    pub ids_seed: Option<u64>,
    /// The code and name a new desk registers under (`aduan init --desk`),
    /// written into the configuration; otherwise the configuration's.
    pub register: Option<(String, String)>,
}

/// The SOPs in force, and which kind follows which.
#[derive(Debug, Clone)]
pub struct SopSet {
    pub sops: Vec<Sop>,
    by_kind: Vec<(Kind, usize)>,
}

impl SopSet {
    pub fn for_kind(&self, kind: Kind) -> &Sop {
        let i = self
            .by_kind
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, i)| *i);
        &self.sops[i]
    }

    pub fn by_id(&self, id: &str) -> Option<&Sop> {
        self.sops.iter().find(|s| s.id == id)
    }

    pub fn kinds_of(&self, sop_id: &str) -> Vec<Kind> {
        self.by_kind
            .iter()
            .filter(|(_, i)| self.sops[*i].id == sop_id)
            .map(|(k, _)| *k)
            .collect()
    }

    /// The SOP named by a case's registration among its events.
    pub fn of_events(&self, events: &[crate::domain::event::Event]) -> Option<&Sop> {
        events.iter().find_map(|e| match &e.payload {
            crate::domain::event::Payload::CaseRegistered(r) => self.by_id(&r.sop),
            _ => None,
        })
    }

    /// Whether any SOP in force knows the role.
    pub fn knows_role(&self, role: &str) -> bool {
        self.sops.iter().any(|s| s.role(role).is_some())
    }

    /// May `person_role` act as `role` under some SOP in force (its own,
    /// or on behalf of a head that SOP lets it record for)?
    pub fn may_act_as(&self, person_role: &str, role: &str) -> bool {
        self.sops.iter().any(|s| s.may_act_as(person_role, role))
    }

    /// The roles that may record on behalf of `role`, in any SOP in force.
    pub fn recorded_by(&self, role: &str) -> Vec<String> {
        let mut by: Vec<String> = self
            .sops
            .iter()
            .filter_map(|s| s.role(role))
            .flat_map(|r| r.recorded_by.iter().cloned())
            .collect();
        by.sort();
        by.dedup();
        by
    }

    pub fn role_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .sops
            .iter()
            .flat_map(|s| s.roles.iter().map(|r| r.id.clone()))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

pub struct Desk {
    pub config: Config,
    pub locations: Locations,
    pub store: Store,
    pub local: LocalDesk,
    pub sops: SopSet,
    pub calendar: Calendar,
    pub offset: FixedOffset,
    pub agenda: AgendaFormat,
    /// Things to tell the user once (e.g. a config file just written).
    pub notices: Vec<Msg>,
    /// A fixed "now" (unix seconds), from `ADUAN_NOW` or set by a test.
    pub fixed_now: Option<i64>,
}

impl Desk {
    /// Opens the desk: config (written on first run), SOPs, calendar, database.
    pub fn open(opts: &OpenOptions) -> Result<Desk> {
        Desk::open_with_progress(opts, None)
    }

    /// Like [`Desk::open`]; `progress` is shown while stored deadlines are
    /// derived again for a changed calendar, when that takes a while.
    pub fn open_with_progress(opts: &OpenOptions, progress: Option<ProgressFn>) -> Result<Desk> {
        let (config, locations, mut notices) = load_config(opts)?;
        let sops = load_sops(&config, &locations.sop_dir)?;
        let (calendar, calendar_notices) = calendar::build_calendar(&config)?;
        notices.extend(calendar_notices);
        let offset = config.offset().map_err(config_msg)?;
        let agenda = AgendaFormat::parse(&config.agenda.format).map_err(Msg::AgendaFormat)?;
        check_people(&config, &sops)?;
        let mut store =
            Store::open(&locations.database).map_err(|e| store_msg(e, &locations.database))?;
        if store.read_only() {
            notices.push(Msg::ReadOnlyDiskFull);
        } else if store.bulk_indexes_missing() {
            notices.push(Msg::IndexesMissing);
        }
        if let Some(seed) = opts.ids_seed {
            store.ids.seed(seed);
        }
        let db = locations.database.clone();
        let local = match store.local_desk().map_err(|e| store_msg(e, &db))? {
            Some(desk) => registered_desk(&mut store, desk, &config, opts, &locations)?,
            None => {
                let (code, name) = opts
                    .register
                    .clone()
                    .unwrap_or((config.desk.code.clone(), config.desk.name.clone()));
                store
                    .create_local_desk(&code, &name)
                    .map_err(|e| store_msg(e, &db))?
            }
        };
        let mut config = config;
        if let Some((code, name)) = &opts.register {
            remember_registration(&mut config, &locations.config, code, name)?;
        }
        let fixed_now = std::env::var("ADUAN_NOW")
            .ok()
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(&s).ok())
            .map(|t| t.timestamp());
        let mut desk = Desk {
            config,
            locations,
            store,
            local,
            sops,
            calendar,
            offset,
            agenda,
            notices,
            fixed_now,
        };
        desk.refresh_projection(progress)?;
        Ok(desk)
    }

    /// Now, in unix seconds. `ADUAN_NOW` (RFC 3339) fixes it, for trying out
    /// deadlines and for reproducible tests.
    pub fn now(&self) -> i64 {
        self.fixed_now
            .unwrap_or_else(|| chrono::Utc::now().timestamp())
    }

    pub fn today(&self) -> NaiveDate {
        to_local(self.now(), self.offset).date()
    }

    pub fn clock(&self) -> Clock<'_> {
        Clock {
            calendar: &self.calendar,
            offset: self.offset,
        }
    }

    /// A time as the office reads it: `2026-03-16 09:15`.
    pub fn local_time(&self, unix: i64) -> String {
        to_local(unix, self.offset)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// A date as a short column shows it: `16/03`.
    pub fn day_month(&self, unix: i64) -> String {
        to_local(unix, self.offset).format("%d/%m").to_string()
    }

    /// A time in RFC 3339 with the office's offset, for JSON.
    pub fn rfc3339(&self, unix: i64) -> String {
        to_local(unix, self.offset)
            .and_local_timezone(self.offset)
            .single()
            .map(|t| t.to_rfc3339())
            .unwrap_or_default()
    }

    pub fn parse_time(&self, s: &str) -> Result<i64> {
        crate::domain::draft::parse_datetime(s, self.offset)
            .map(|t| to_unix(t, self.offset))
            .ok_or_else(|| Msg::BadDateTime(s.to_string()))
    }

    /// Derives the projection again when this build derives it differently
    /// from the build that wrote it (a new column, a new table): all of it.
    /// Otherwise derives again the cases a change of the calendar in force
    /// can affect.
    fn refresh_projection(&mut self, progress: Option<ProgressFn>) -> Result<()> {
        let current = self
            .store
            .meta(PROJECTION_KEY)
            .map_err(|e| self.db_error(e))?;
        if current.as_deref() == Some(PROJECTION_VERSION) {
            if let Some(n @ 1..) = self.follow_calendar(progress)? {
                self.notices.push(Msg::CalendarFollowed(n));
            }
            return Ok(());
        }
        if self.store.count_events().map_err(|e| self.db_error(e))? > 0 {
            // A large desk takes minutes: the bar says why it waits.
            let started = std::time::Instant::now();
            let mut shown = false;
            let mut tell = |done: u64, total: u64| {
                if let Some(p) = progress
                    && (shown || (done < total && started.elapsed() > calendar::QUIET))
                {
                    shown = true;
                    p(Deriving::Upgrade, done, total);
                }
            };
            // An upgrade compares nothing, unlike `check --rebuild`: the
            // old projection is known to differ.
            self.derive_all_again(&mut tell)?;
            self.notices.push(Msg::ProjectionRefreshed);
        }
        self.record_calendar()?;
        self.store
            .set_meta(PROJECTION_KEY, PROJECTION_VERSION)
            .map_err(|e| self.db_error(e))
    }

    fn db_error(&self, e: StoreError) -> Msg {
        store_msg(e, &self.locations.database)
    }
}

/// Writes the code and name a desk registered under into its config file,
/// so the two never disagree.
fn remember_registration(config: &mut Config, path: &Path, code: &str, name: &str) -> Result<()> {
    if config.desk.code != code || config.desk.name != name {
        let (code, name) = (code.to_string(), name.to_string());
        config::set_values(path, &[("desk", "code", &code), ("desk", "name", &name)]).map_err(
            |detail| Msg::ConfigWrite {
                path: path.into(),
                detail,
            },
        )?;
    }
    config.desk.code = code.into();
    config.desk.name = name.into();
    Ok(())
}

/// The desk this database already is. Its code and name are signed into
/// every bundle and carried by every agenda number it gave, so they never
/// change: a configuration that names others is refused at start, and so
/// is registering under another code once the desk has recorded anything
/// (before that, a failed join may be tried again under another code).
fn registered_desk(
    store: &mut Store,
    desk: LocalDesk,
    config: &Config,
    opts: &OpenOptions,
    locations: &Locations,
) -> Result<LocalDesk> {
    let db = &locations.database;
    if let Some((code, name)) = &opts.register {
        if desk.code == *code && desk.name == *name {
            return Ok(desk);
        }
        if store.count_events().map_err(|e| store_msg(e, db))? > 0 {
            return Err(Msg::Desk(Box::new(i18n::DeskProblem::AlreadyRegistered {
                code: desk.code,
                name: desk.name,
            })));
        }
        store
            .rename_local_desk(&desk, code, name)
            .map_err(|e| store_msg(e, db))?;
        return Ok(LocalDesk {
            code: code.clone(),
            name: name.clone(),
            ..desk
        });
    }
    if desk.code != config.desk.code || desk.name != config.desk.name {
        return Err(Msg::Desk(Box::new(i18n::DeskProblem::Drift {
            code: desk.code,
            name: desk.name,
            config_code: config.desk.code.clone(),
            config_name: config.desk.name.clone(),
            config: locations.config.clone(),
        })));
    }
    Ok(desk)
}

fn load_config(opts: &OpenOptions) -> Result<(Config, Locations, Vec<Msg>)> {
    let path = config::config_path(opts.config.as_deref());
    let (config, created) = config::load_or_create(&path).map_err(config_msg)?;
    i18n::set_lang(config.language);
    let locations = config.paths(&path, opts.db.as_deref());
    let notices = if created {
        vec![Msg::ConfigCreated(path)]
    } else {
        Vec::new()
    };
    Ok((config, locations, notices))
}

/// Reads one SOP: a path to a .toml file, a file in the office's SOP folder,
/// or one shipped with the program.
pub fn read_sop(name: &str, dir: &Path) -> Result<Sop> {
    let path = if name.ends_with(".toml") {
        PathBuf::from(name)
    } else {
        dir.join(format!("{name}.toml"))
    };
    // A named file must be there; a name is the office's file where it has
    // one (even a FIFO or a folder there is refused, never passed over).
    if name.ends_with(".toml") || std::fs::symlink_metadata(&path).is_ok() {
        let text =
            crate::files::read_text_bounded(&path, crate::files::limit::SOP).map_err(|e| {
                Msg::SopRead {
                    path: path.clone(),
                    detail: i18n::files::read_problem(&e),
                }
            })?;
        return Sop::parse(&path.display().to_string(), &text).map_err(Msg::SopFile);
    }
    match sop::builtin(name) {
        Some(text) => Sop::parse(&format!("{name}.toml"), text).map_err(Msg::SopFile),
        None => Err(Msg::SopNotFound {
            name: name.into(),
            dir: dir.into(),
        }),
    }
}

fn load_sops(config: &Config, dir: &Path) -> Result<SopSet> {
    let mut sops: Vec<Sop> = Vec::new();
    let mut by_kind = Vec::new();
    for (kind, name) in [
        (Kind::Pengaduan, &config.sop.pengaduan),
        (Kind::Aspirasi, &config.sop.aspirasi),
        (Kind::Konsultasi, &config.sop.konsultasi),
    ] {
        let sop = read_sop(name, dir)?;
        let i = match sops.iter().position(|s| s.id == sop.id) {
            Some(i) => i,
            None => {
                sops.push(sop);
                sops.len() - 1
            }
        };
        by_kind.push((kind, i));
    }
    // Cases registered under an SOP the config no longer names still fold.
    for (name, _) in sop::BUILTIN {
        if !sops.iter().any(|s| s.id == name)
            && let Ok(s) = read_sop(name, dir)
        {
            sops.push(s);
        }
    }
    Ok(SopSet { sops, by_kind })
}

fn check_people(config: &Config, sops: &SopSet) -> Result<()> {
    match config.people.iter().find(|p| !sops.knows_role(&p.role)) {
        Some(p) => Err(Msg::PersonRole {
            name: p.name.clone(),
            role: p.role.clone(),
        }),
        None => Ok(()),
    }
}

pub fn config_msg(e: ConfigError) -> Msg {
    match e {
        ConfigError::Read { path, detail } => Msg::ConfigRead { path, detail },
        ConfigError::Write { path, detail } => Msg::ConfigWrite { path, detail },
        ConfigError::Parse { path, line, detail } => Msg::ConfigParse { path, line, detail },
        ConfigError::BadOffset(s) => Msg::ConfigOffset(s),
        ConfigError::BadTime(s) => Msg::ConfigTime(s),
        ConfigError::NoPeople => Msg::ConfigNoPeople,
    }
}

/// [`project_case`] under the calendar in force, as the store's rebuild,
/// merge and re-derivation take it.
fn projector<'a>(
    sops: &'a SopSet,
    calendar: &'a Calendar,
    offset: FixedOffset,
) -> impl Fn(
    &[crate::domain::event::Event],
) -> Option<(
    crate::domain::summary::CaseSummary,
    crate::domain::workflow::CaseState,
)> + Sync
+ 'a {
    let clock = Clock { calendar, offset };
    move |events| project_case(sops, &clock, events)
}

/// The projection of one case from its events: what the store's rebuild and
/// merge ask the domain for.
fn project_case(
    sops: &SopSet,
    clock: &Clock<'_>,
    events: &[crate::domain::event::Event],
) -> Option<(
    crate::domain::summary::CaseSummary,
    crate::domain::workflow::CaseState,
)> {
    let sop = sops.of_events(events);
    let state = crate::domain::workflow::CaseState::fold(events, sop)?;
    Some((crate::domain::summary::summarize(&state, sop, clock), state))
}

pub fn store_msg(e: StoreError, db: &Path) -> Msg {
    match e {
        StoreError::NotADatabase(p) => Msg::DbNotADatabase(if p.as_os_str().is_empty() {
            db.into()
        } else {
            p
        }),
        StoreError::Foreign(p) => Msg::DbForeign(p),
        StoreError::NewerSchema {
            path,
            found,
            supported,
        } => Msg::DbNewer {
            path,
            found,
            supported,
        },
        StoreError::Open { path, detail } => Msg::DbOpen { path, detail },
        StoreError::NotAFile(path) => Msg::DbNotAFile(path),
        StoreError::ReadOnly(p) => Msg::DbReadOnly(p),
        StoreError::DiskFull => Msg::DiskFull,
        StoreError::Busy => Msg::DbBusy,
        StoreError::BadEvent { desk, seq } => Msg::BadEvent { desk, seq },
        StoreError::NoDesk => Msg::NoDesk,
        StoreError::Sqlite(d) => Msg::Sqlite(d),
        StoreError::Held => Msg::RestoreHeld,
    }
}

impl Desk {
    /// A page of cases from the projection.
    pub fn list(&self, filter: &crate::store::ListFilter) -> Result<Vec<crate::store::CaseRow>> {
        self.store.list_cases(filter).map_err(|e| self.db_error(e))
    }

    /// Open cases, and of those, cases past their deadline today.
    pub fn open_and_overdue(&self) -> Result<(u64, u64)> {
        self.store
            .open_and_overdue(&self.today().to_string())
            .map_err(|e| self.db_error(e))
    }
}

/// Deadline flags from the projection's comma-separated list of years.
pub fn deadline_flags_text(years: &str) -> Vec<String> {
    let years: Vec<i32> = years
        .split(',')
        .filter_map(|y| y.trim().parse().ok())
        .collect();
    cases::deadline_flags(&years)
}
