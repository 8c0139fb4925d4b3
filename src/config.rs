//! The desk's configuration file: where it lives, what it holds, and the
//! first-run default. `config.example.toml` is both the documentation of
//! every key and the file written on a first run.

use std::path::{Path, PathBuf};

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

pub const EXAMPLE: &str = include_str!("../config.example.toml");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub language: Lang,
    pub office: Office,
    pub desk: Desk,
    pub people: Vec<Person>,
    pub sop: SopChoice,
    pub calendar: CalendarConfig,
    pub agenda: Agenda,
    pub letters: Letters,
    /// Who signs or initials the office's paper, by SOP role; the Kadis
    /// comes from `[office]` unless listed here.
    pub signatories: Vec<Signatory>,
    pub forward: Forward,
    pub licences: Licences,
    pub attachments: Attachments,
    pub sync: Sync,
    pub ui: Ui,
    pub security: Security,
    /// Keys rebound by action name (`cancel = "Ctrl+G"`); checked when
    /// the interface starts.
    pub keys: std::collections::BTreeMap<String, KeySpec>,
    pub paths: Paths,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Office {
    pub name: String,
    pub regency: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// The number a complainant follows up on by WhatsApp.
    pub whatsapp: String,
    /// The town in a letter's place-and-date line ("Situbondo, 1 Desember 2026").
    pub place: String,
    /// An image for the letterhead (PNG, JPEG or SVG); "" for none. A
    /// relative path is beside the config file.
    pub logo: String,
    pub head_name: String,
    pub head_nip: String,
    /// The Kadis's rank (pangkat/golongan) under the name; may be empty.
    pub head_rank: String,
    pub utc_offset: String,
}

/// A person who signs or initials: the name, title and NIP printed under
/// the signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    pub role: String,
    pub title: String,
    pub name: String,
    #[serde(default)]
    pub nip: String,
    #[serde(default)]
    pub rank: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Letters {
    /// Outgoing letter numbers, like agenda numbers: {seq}/{seq:0N},
    /// {desk}, {year} required; {kind} (PNR, JWB), {month} optional.
    pub format: String,
}

impl Default for Letters {
    fn default() -> Letters {
        Letters {
            format: "500.16/{seq:03}/{kind}/{desk}/{year}".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Desk {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub nip: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SopChoice {
    pub pengaduan: String,
    pub aspirasi: String,
    pub konsultasi: String,
    pub dir: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalHoliday {
    pub date: NaiveDate,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CalendarConfig {
    pub opens: String,
    pub closes: String,
    pub joint_leave_is_workday: bool,
    pub holiday_files: Vec<PathBuf>,
    pub local_holidays: Vec<LocalHoliday>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Agenda {
    pub format: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Forward {
    pub opds: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Licences {
    pub types: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Attachments {
    /// The largest file that may be attached, in megabytes.
    pub max_mb: u64,
}

impl Default for Attachments {
    fn default() -> Attachments {
        Attachments { max_mb: 10 }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Sync {
    /// The folder `aduan sync --folder` last used (a USB stick, a shared
    /// folder); remembered so the next sync needs no argument.
    pub folder: String,
}

/// How the terminal interface draws.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Ui {
    /// ASCII marks and 16 colours whatever the terminal says (an old
    /// office PC's console font); they are also chosen on `TERM=linux` and
    /// on a terminal that does not report 256 colours.
    pub ascii: bool,
}

/// Who may act: a PIN per person, the idle lock, the lockout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Security {
    /// Each person signs in with a PIN; `false` only for an office of one.
    pub pin: bool,
    /// Minutes without a key before the screen locks (a fraction is
    /// allowed: tests lock after seconds); 0 never locks.
    pub idle_lock_minutes: f64,
    /// Minutes a person stays locked after five wrong PINs.
    pub lockout_minutes: u32,
}

impl Default for Security {
    fn default() -> Security {
        Security {
            pin: true,
            idle_lock_minutes: 10.0,
            lockout_minutes: 15,
        }
    }
}

impl Security {
    /// The idle time that locks the screen, if any.
    pub fn idle_lock(&self) -> Option<std::time::Duration> {
        let secs = self.idle_lock_minutes * 60.0;
        (self.pin && secs.is_finite() && secs > 0.0)
            .then(|| std::time::Duration::from_secs_f64(secs.min(1e9)))
    }
}

/// One key name, or several, for an action in `[keys]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum KeySpec {
    One(String),
    Many(Vec<String>),
}

impl KeySpec {
    pub fn names(&self) -> Vec<String> {
        match self {
            KeySpec::One(k) => vec![k.clone()],
            KeySpec::Many(ks) => ks.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Paths {
    pub database: String,
    pub export_dir: String,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            language: Lang::Id,
            office: Office::default(),
            desk: Desk::default(),
            people: default_people(),
            sop: SopChoice::default(),
            calendar: CalendarConfig::default(),
            agenda: Agenda::default(),
            letters: Letters::default(),
            signatories: default_signatories(),
            forward: Forward::default(),
            licences: Licences::default(),
            attachments: Attachments::default(),
            sync: Sync::default(),
            ui: Ui::default(),
            security: Security::default(),
            keys: Default::default(),
            paths: Paths::default(),
        }
    }
}

impl Default for Office {
    fn default() -> Office {
        Office {
            name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu".into(),
            regency: "Kabupaten Situbondo".into(),
            address: "Jl. PB. Sudirman No. 1, Situbondo".into(),
            phone: "(0338) 000000".into(),
            email: "dpmptsp@situbondokab.go.id".into(),
            whatsapp: "0812-0000-0000".into(),
            place: "Situbondo".into(),
            logo: String::new(),
            head_name: "Kepala Dinas".into(),
            head_nip: String::new(),
            head_rank: String::new(),
            utc_offset: "+07:00".into(),
        }
    }
}

impl Default for Desk {
    fn default() -> Desk {
        Desk {
            code: "LKT1".into(),
            name: "Loket Pengaduan 1".into(),
        }
    }
}

fn default_signatories() -> Vec<Signatory> {
    let one = |role: &str, title: &str| Signatory {
        role: role.into(),
        title: title.into(),
        name: title.into(),
        nip: String::new(),
        rank: String::new(),
    };
    vec![
        one("kabid-dip", "Kepala Bidang Data, Informasi dan Pengaduan"),
        one("kasi", "Kepala Seksi Penanganan Pengaduan"),
    ]
}

fn default_people() -> Vec<Person> {
    [
        ("Operator Loket", "operator"),
        ("Kepala Seksi Penanganan Pengaduan", "kasi"),
        ("Staf Penanganan Pengaduan", "staf"),
        ("Petugas Pojok OSS", "petugas-oss"),
    ]
    .into_iter()
    .map(|(name, role)| Person {
        name: name.into(),
        nip: String::new(),
        role: role.into(),
    })
    .collect()
}

impl Default for SopChoice {
    fn default() -> SopChoice {
        SopChoice {
            pengaduan: "situbondo-pengaduan".into(),
            aspirasi: "situbondo-pengaduan".into(),
            konsultasi: "gresik-konsultasi".into(),
            dir: String::new(),
        }
    }
}

impl Default for CalendarConfig {
    fn default() -> CalendarConfig {
        CalendarConfig {
            opens: "08:00".into(),
            closes: "16:00".into(),
            joint_leave_is_workday: false,
            holiday_files: Vec::new(),
            local_holidays: Vec::new(),
        }
    }
}

impl Default for Agenda {
    fn default() -> Agenda {
        Agenda {
            format: crate::domain::agenda::DEFAULT_FORMAT.into(),
        }
    }
}

impl Default for Forward {
    fn default() -> Forward {
        Forward {
            opds: [
                "Dinas Pekerjaan Umum dan Penataan Ruang",
                "Dinas Lingkungan Hidup",
                "Satuan Polisi Pamong Praja",
                "Dinas Perhubungan",
                "Dinas Kesehatan",
                "Dinas Koperasi, Usaha Mikro dan Perdagangan",
                "Dinas Pariwisata, Kepemudaan dan Olahraga",
                "Badan Pendapatan Daerah",
                "Dinas Perumahan Rakyat dan Kawasan Permukiman",
                "Dinas Pendidikan",
                "Dinas Tenaga Kerja",
                "Dinas Pertanian dan Ketahanan Pangan",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

impl Default for Licences {
    fn default() -> Licences {
        Licences {
            types: [
                "PBG (Persetujuan Bangunan Gedung)",
                "SLF (Sertifikat Laik Fungsi)",
                "NIB / OSS",
                "Sertifikat Standar / Izin Usaha",
                "KKPR",
                "Persetujuan Lingkungan",
                "Izin Reklame",
                "SIP Tenaga Kesehatan",
                "Izin Apotek",
                "Izin Toko Swalayan",
                "TDUP (Pariwisata)",
                "Izin Operasional Sekolah",
                "Izin Trayek",
                "SIPA (Air Tanah)",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

#[derive(Debug)]
pub enum ConfigError {
    Read {
        path: PathBuf,
        detail: String,
    },
    Write {
        path: PathBuf,
        detail: String,
    },
    Parse {
        path: PathBuf,
        line: Option<usize>,
        detail: String,
    },
    BadOffset(String),
    BadTime(String),
    NoPeople,
}

/// Where things live, after flags, environment and config are weighed.
#[derive(Debug, Clone)]
pub struct Locations {
    pub config: PathBuf,
    pub database: PathBuf,
    pub export_dir: PathBuf,
    pub sop_dir: PathBuf,
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "aduan")
}

/// The config file: `--config`, else `$ADUAN_CONFIG`, else the user's config folder.
pub fn config_path(flag: Option<&Path>) -> PathBuf {
    flag.map(Path::to_path_buf)
        .or_else(|| {
            std::env::var_os("ADUAN_CONFIG")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| project_dirs().map(|d| d.config_dir().join("config.toml")))
        .unwrap_or_else(|| PathBuf::from("aduan.toml"))
}

/// Loads the config, writing the documented default first if there is none.
/// Returns whether it was just written.
/// Sets `[table] key = value` for each value in the file at `path`,
/// keeping its comments and layout. A file that cannot be read is never
/// written back from nothing.
pub fn set_values(path: &Path, values: &[(&str, &str, &String)]) -> Result<(), String> {
    let text = crate::files::read_text_bounded(path, crate::files::limit::CONFIG)
        .map_err(|e| crate::i18n::files::read_problem(&e))?;
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    for (table, key, value) in values {
        if !doc.contains_key(table) {
            doc[*table] = toml_edit::table();
        }
        doc[*table][*key] = toml_edit::value(value.as_str());
    }
    crate::export::write_new(path, doc.to_string().as_bytes(), true).map_err(|e| e.text())
}

pub fn load_or_create(path: &Path) -> Result<(Config, bool), ConfigError> {
    let created = !path.exists();
    if created {
        write_default(path)?;
    }
    let text = crate::files::read_text_bounded(path, crate::files::limit::CONFIG).map_err(|e| {
        ConfigError::Read {
            path: path.into(),
            detail: crate::i18n::files::read_problem(&e),
        }
    })?;
    let config = parse(path, &text)?;
    Ok((config, created))
}

pub fn write_default(path: &Path) -> Result<(), ConfigError> {
    let fail = |e: std::io::Error| ConfigError::Write {
        path: path.into(),
        detail: e.to_string(),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::files::create_private_dir_all(dir).map_err(fail)?;
    }
    crate::files::write_private_new(path, EXAMPLE.as_bytes()).map_err(fail)
}

pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let config: Config = toml::from_str(text).map_err(|e| ConfigError::Parse {
        path: path.into(),
        line: e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
        detail: e.message().trim().to_string(),
    })?;
    config.offset()?;
    config.office_hours()?;
    if config.people.is_empty() {
        return Err(ConfigError::NoPeople);
    }
    Ok(config)
}

impl Config {
    pub fn offset(&self) -> Result<FixedOffset, ConfigError> {
        let bad = || ConfigError::BadOffset(self.office.utc_offset.clone());
        let s = self.office.utc_offset.trim();
        let (sign, rest) = match s.split_at_checked(1) {
            Some(("+", r)) => (1, r),
            Some(("-", r)) => (-1, r),
            _ => return Err(bad()),
        };
        let (h, m) = rest.split_once(':').ok_or_else(bad)?;
        let h: i32 = h.parse().map_err(|_| bad())?;
        let m: i32 = m.parse().map_err(|_| bad())?;
        FixedOffset::east_opt(sign * (h * 3600 + m * 60)).ok_or_else(bad)
    }

    pub fn office_hours(&self) -> Result<crate::domain::calendar::OfficeHours, ConfigError> {
        let time = |s: &str| {
            NaiveTime::parse_from_str(s.trim(), "%H:%M")
                .map_err(|_| ConfigError::BadTime(s.to_string()))
        };
        let (opens, closes) = (time(&self.calendar.opens)?, time(&self.calendar.closes)?);
        crate::domain::calendar::OfficeHours::new(opens, closes).ok_or_else(|| {
            ConfigError::BadTime(format!("{}–{}", self.calendar.opens, self.calendar.closes))
        })
    }

    /// Resolves the database, export and SOP folders.
    pub fn paths(&self, config_path: &Path, db_flag: Option<&Path>) -> Locations {
        let data_dir = project_dirs()
            .map(|d| d.data_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from("."));
        let config_dir = config_path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let database = db_flag
            .map(Path::to_path_buf)
            .or_else(|| {
                std::env::var_os("ADUAN_DB")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .or_else(|| non_empty(&self.paths.database))
            .unwrap_or_else(|| data_dir.join("aduan.db"));
        let export_dir = non_empty(&self.paths.export_dir).unwrap_or_else(|| {
            database
                .parent()
                .map(|p| p.join("ekspor"))
                .unwrap_or_else(|| PathBuf::from("ekspor"))
        });
        let sop_dir = non_empty(&self.sop.dir).unwrap_or_else(|| config_dir.join("sop"));
        Locations {
            config: config_path.into(),
            database,
            export_dir,
            sop_dir,
        }
    }

    /// The signature block of a role: a listed signatory, else for the
    /// Kadis the head named in `[office]`.
    pub fn signatory(&self, role: &str) -> Option<Signatory> {
        if let Some(s) = self.signatories.iter().find(|s| s.role == role) {
            return Some(s.clone());
        }
        (role == "kadis").then(|| Signatory {
            role: role.into(),
            title: format!("Kepala {}", self.office.name),
            name: self.office.head_name.clone(),
            nip: self.office.head_nip.clone(),
            rank: self.office.head_rank.clone(),
        })
    }

    pub fn person(&self, name: &str) -> Option<&Person> {
        let name = name.trim().to_lowercase();
        self.people.iter().find(|p| p.name.to_lowercase() == name)
    }
}

fn non_empty(s: &str) -> Option<PathBuf> {
    (!s.trim().is_empty()).then(|| PathBuf::from(s.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_documents_exactly_the_defaults() {
        let parsed = parse(Path::new("config.example.toml"), EXAMPLE).unwrap();
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn an_empty_file_means_defaults() {
        assert_eq!(parse(Path::new("x"), "").unwrap(), Config::default());
    }

    #[test]
    fn a_misspelled_key_names_its_line() {
        let err = parse(
            Path::new("c.toml"),
            "language = \"id\"\n[desk]\ncode = \"A\"\nnama = \"x\"\n",
        )
        .unwrap_err();
        match err {
            ConfigError::Parse { line, .. } => assert_eq!(line, Some(4)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn offsets() {
        let mut c = Config::default();
        assert_eq!(c.offset().unwrap().local_minus_utc(), 7 * 3600);
        c.office.utc_offset = "+08:00".into();
        assert_eq!(c.offset().unwrap().local_minus_utc(), 8 * 3600);
        c.office.utc_offset = "WIB".into();
        assert!(c.offset().is_err());
    }
}
