//! Synthetic Indonesian content for the demo-data generator.
//!
//! Everything here is built from static tables of `&'static str`: a call picks
//! a few entries with the caller's rng and formats at most a handful of
//! `String`s, so generating a million complaints stays well within the time
//! budget. The output depends only on the rng state (no clock, no I/O, no
//! global state), so a seeded rng reproduces the same demo data.
//!
//! Place names are the kecamatan of Kabupaten Situbondo (Jawa Timur) with
//! their Kemendagri codes (35.12.xx) and a few real villages of each.

use rand::Rng;

/// The regency all demo places belong to.
pub const REGENCY: &str = "Kabupaten Situbondo";

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/// One element of a non-empty table, uniformly.
#[inline]
fn pick<R: Rng + ?Sized, T: Copy>(rng: &mut R, items: &[T]) -> T {
    items[rng.random_range(0..items.len())]
}

/// An index into `weights`, with probability proportional to its weight.
#[inline]
fn weighted<R: Rng + ?Sized>(rng: &mut R, weights: &[u16]) -> usize {
    let total: u32 = weights.iter().map(|&w| u32::from(w)).sum();
    let mut x = rng.random_range(0..total);
    for (i, &w) in weights.iter().enumerate() {
        let w = u32::from(w);
        if x < w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

/// Pushes `n` random decimal digits.
#[inline]
fn push_digits<R: Rng + ?Sized>(rng: &mut R, out: &mut String, n: usize) {
    for _ in 0..n {
        out.push(char::from(b'0' + rng.random_range(0..10u8)));
    }
}

/// Pushes an amount in rupiah, Indonesian style: "Rp1.500.000".
fn push_rupiah(out: &mut String, amount: u64) {
    out.push_str("Rp");
    let digits = amount.to_string();
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
}

use crate::domain::words::MONTHS;

const WEEKDAYS: [&str; 5] = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"];

/// A date such as "12 Mei 2026" within `years`.
fn date_text<R: Rng + ?Sized>(rng: &mut R, years: std::ops::RangeInclusive<i32>) -> String {
    let day = rng.random_range(1..=28u32);
    let month = pick(rng, &MONTHS);
    let year = rng.random_range(years);
    format!("{day} {month} {year}")
}

// ---------------------------------------------------------------------------
// Person names
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// Name parts of one naming tradition. A name is an optional prefix part
/// (which never stands alone: "Moh.", "Sri", a baptismal name), a first name
/// and an optional last name.
struct Culture {
    male_prefix: &'static [&'static str],
    male_first: &'static [&'static str],
    male_last: &'static [&'static str],
    female_prefix: &'static [&'static str],
    female_first: &'static [&'static str],
    female_last: &'static [&'static str],
    /// Probability of a prefix part.
    prefix_p: f64,
    /// Probability of a last name.
    last_p: f64,
    /// Whether the hajj titles "H."/"Hj." fit.
    muslim: bool,
}

const JAVANESE_MALE_FIRST: &[&str] = &[
    "Slamet",
    "Budi",
    "Agus",
    "Bambang",
    "Joko",
    "Suparman",
    "Sugeng",
    "Wahyudi",
    "Hariyanto",
    "Eko",
    "Teguh",
    "Bagus",
    "Rudi",
    "Heri",
    "Sutrisno",
    "Sujarwo",
    "Purnomo",
    "Wawan",
    "Yudi",
    "Arif",
    "Didik",
    "Gatot",
    "Sigit",
    "Adi",
    "Bayu",
    "Dimas",
    "Fajar",
    "Aditya",
    "Hendro",
    "Sunarto",
    "Suwito",
    "Mulyono",
    "Priyo",
    "Tri",
    "Yoga",
    "Andik",
    "Edi",
    "Puguh",
];
const JAVANESE_MALE_LAST: &[&str] = &[
    "Santoso",
    "Susanto",
    "Wibowo",
    "Prasetyo",
    "Purnomo",
    "Hidayat",
    "Setiawan",
    "Nugroho",
    "Kurniawan",
    "Saputra",
    "Prabowo",
    "Hartono",
    "Sulistyo",
    "Riyadi",
    "Widodo",
    "Utomo",
    "Cahyono",
    "Wijaya",
    "Pranoto",
    "Suryadi",
    "Handoko",
    "Firmansyah",
    "Wicaksono",
    "Hermawan",
    "Sasmito",
    "Mulyadi",
];
const JAVANESE_MALE_PREFIX: &[&str] = &["Dwi", "Catur", "M.", "Agung", "Eko"];
const JAVANESE_FEMALE_FIRST: &[&str] = &[
    "Endang", "Sumarni", "Suharti", "Rahayu", "Dewi", "Sulastri", "Puji", "Ratna", "Yuli",
    "Kartini", "Indah", "Fitri", "Ayu", "Novita", "Wulan", "Retno", "Anik", "Tutik", "Wahyuni",
    "Sumiati", "Suprapti", "Erna", "Yanti", "Lilik", "Rina", "Dian", "Winarsih", "Mega",
];
const JAVANESE_FEMALE_LAST: &[&str] = &[
    "Wahyuni",
    "Lestari",
    "Rahayu",
    "Handayani",
    "Susanti",
    "Puspitasari",
    "Wulandari",
    "Rahmawati",
    "Setyowati",
    "Kusumawati",
    "Purwanti",
    "Ningsih",
    "Astuti",
    "Anggraini",
    "Safitri",
    "Pratiwi",
    "Fitriani",
    "Yuliana",
    "Widyaningrum",
    "Kurniasari",
];
const JAVANESE_FEMALE_PREFIX: &[&str] = &["Sri", "Dwi", "Tri", "Siti", "Nur", "Eka"];

const MADURESE_MALE_PREFIX: &[&str] = &[
    "Moh.", "Ach.", "Abd.", "Mohammad", "Muhammad", "Achmad", "Abdul", "Syaiful", "Nur",
];
const MADURESE_MALE_FIRST: &[&str] = &[
    "Hosnan",
    "Sahrawi",
    "Holili",
    "Suhairi",
    "Busyairi",
    "Marsuki",
    "Sukardi",
    "Jumadi",
    "Matsari",
    "Hairul",
    "Maskur",
    "Nurhasan",
    "Sahlan",
    "Mahfud",
    "Rasidi",
    "Hasan",
    "Rahman",
    "Fauzi",
    "Sahri",
    "Bahri",
    "Hosen",
    "Rofiq",
    "Anwar",
    "Zainal",
    "Hamid",
    "Mansur",
    "Kholil",
    "Ridwan",
    "Sholeh",
    "Yasin",
    "Jakfar",
    "Hanafi",
    "Wasil",
    "Fathorrahman",
    "Sunardi",
    "Mattali",
    "Samsul",
    "Junaidi",
];
const MADURESE_MALE_LAST: &[&str] = &[
    "Arifin", "Syafi'i", "Rifa'i", "Hasyim", "Amin", "Hidayat", "Bahri", "Effendi", "Anshori",
    "Rosyidi", "Mursyid", "Hariri", "Qomar", "Halili", "Sahid", "Zaini",
];
const MADURESE_FEMALE_PREFIX: &[&str] = &["Sitti", "Siti", "Nurul", "Ummi", "Lailatul", "Nur"];
const MADURESE_FEMALE_FIRST: &[&str] = &[
    "Holilah",
    "Mursyidah",
    "Hosniyah",
    "Faridah",
    "Sumiyati",
    "Musyarofah",
    "Rohmah",
    "Juhairiyah",
    "Hatija",
    "Sunarti",
    "Suwarni",
    "Maimunah",
    "Rofiqoh",
    "Halimah",
    "Khotijah",
    "Zainab",
    "Aminah",
    "Maryam",
    "Fatimah",
    "Hasanah",
    "Qomariyah",
    "Jamilah",
    "Sholehah",
    "Munawaroh",
    "Hamidah",
    "Kholifah",
    "Marlina",
];
const MADURESE_FEMALE_LAST: &[&str] = &[
    "Hasanah",
    "Qomariyah",
    "Fadilah",
    "Zulaikha",
    "Munawaroh",
    "Mufidah",
    "Hidayati",
    "Jannah",
    "Rahmah",
    "Khasanah",
];

const MUSLIM_MALE_PREFIX: &[&str] = &["Muhammad", "Ahmad", "Abdul", "M."];
const MUSLIM_MALE_FIRST: &[&str] = &[
    "Rizal",
    "Fikri",
    "Ilham",
    "Hafidz",
    "Zainal",
    "Faisal",
    "Hidayatullah",
    "Lukman",
    "Imam",
    "Syamsul",
    "Nasrullah",
    "Ridho",
    "Farhan",
    "Irfan",
    "Taufik",
    "Yusuf",
    "Ismail",
    "Ibrahim",
    "Mustofa",
    "Khoirul",
    "Fathur",
    "Arief",
];
const MUSLIM_MALE_LAST: &[&str] = &[
    "Fauzi",
    "Hidayat",
    "Ramadhan",
    "Maulana",
    "Firmansyah",
    "Syahputra",
    "Hakim",
    "Rosyidi",
    "Mubarok",
    "Abidin",
    "Anam",
    "Huda",
    "Ghofur",
    "Iskandar",
    "Rahman",
    "Nasution",
];
const MUSLIM_FEMALE_PREFIX: &[&str] = &["Nur", "Siti", "Dewi", "Khoirun"];
const MUSLIM_FEMALE_FIRST: &[&str] = &[
    "Aisyah", "Fatimah", "Nadia", "Zahra", "Anisa", "Laila", "Aulia", "Nabila", "Afifah",
    "Hanifah", "Salma", "Latifah", "Rizka", "Faizah", "Ulfa", "Habibah", "Nisa", "Azizah",
];
const MUSLIM_FEMALE_LAST: &[&str] = &[
    "Rahmawati",
    "Azizah",
    "Nurhayati",
    "Khasanah",
    "Maulida",
    "Mufidah",
    "Hidayati",
    "Fauziah",
    "Zahroh",
    "Nurjannah",
    "Amalia",
    "Ramadhani",
];

const CHINESE_MALE_FIRST: &[&str] = &[
    "Hendra", "Budi", "Yohan", "Hendrik", "Andi", "Wilson", "Gunawan", "Rudy", "Teddy", "Johan",
    "Herman", "Sugianto", "Hartono", "Kevin", "Steven", "Willy",
];
const CHINESE_MALE_LAST: &[&str] = &[
    "Wijaya",
    "Gunawan",
    "Halim",
    "Tanoto",
    "Tanuwijaya",
    "Santoso",
    "Hartanto",
    "Susanto",
    "Kusuma",
    "Salim",
    "Setiadi",
    "Sugiarto",
    "Widjaja",
    "Tjahjadi",
    "Lim",
    "Kurniadi",
];
const CHINESE_FEMALE_FIRST: &[&str] = &[
    "Lina",
    "Melinda",
    "Yenny",
    "Lanny",
    "Fenny",
    "Veronika",
    "Lilis",
    "Meiliana",
    "Christine",
    "Vivian",
    "Linda",
    "Susan",
    "Jessica",
    "Lusiana",
];
const CHINESE_FEMALE_LAST: &[&str] = &[
    "Wijaya",
    "Gunawan",
    "Halim",
    "Santoso",
    "Kusuma",
    "Salim",
    "Setiawati",
    "Hartanti",
    "Tanuwijaya",
    "Widjaja",
];
/// Older three-part Chinese names: clan name + two syllables.
const CHINESE_CLAN: &[&str] = &[
    "Tan", "Lie", "Oei", "Liem", "Go", "The", "Kwee", "Tjoa", "Ong",
];
const CHINESE_SYLLABLE: &[&str] = &[
    "Giok", "Hong", "Swie", "Tjoe", "Siang", "Bing", "Kok", "Tjin", "Soen", "Hwie",
];
const CHINESE_MALE_SYLLABLE: &[&str] = &["Kian", "Hok", "Liang", "Hien", "Djien", "Gwan"];
const CHINESE_FEMALE_SYLLABLE: &[&str] = &["Lan", "Nio", "Hwa", "Ing", "Lian", "Mei"];

const CHRISTIAN_MALE_PREFIX: &[&str] = &[
    "Yohanes",
    "Stefanus",
    "Paulus",
    "Markus",
    "Yosef",
    "Antonius",
    "Fransiskus",
    "Petrus",
    "Daniel",
    "Samuel",
    "Yakobus",
    "Matius",
    "Agustinus",
    "Benediktus",
    "Andreas",
    "Timotius",
];
const CHRISTIAN_FEMALE_PREFIX: &[&str] = &[
    "Maria",
    "Agustina",
    "Fransiska",
    "Theresia",
    "Kristina",
    "Yuliana",
    "Veronika",
    "Elisabeth",
    "Katarina",
    "Magdalena",
    "Margaretha",
    "Natalia",
    "Debora",
    "Ruth",
];

const CULTURES: [Culture; 4] = [
    Culture {
        male_prefix: JAVANESE_MALE_PREFIX,
        male_first: JAVANESE_MALE_FIRST,
        male_last: JAVANESE_MALE_LAST,
        female_prefix: JAVANESE_FEMALE_PREFIX,
        female_first: JAVANESE_FEMALE_FIRST,
        female_last: JAVANESE_FEMALE_LAST,
        prefix_p: 0.2,
        last_p: 0.65,
        muslim: true,
    },
    Culture {
        male_prefix: MADURESE_MALE_PREFIX,
        male_first: MADURESE_MALE_FIRST,
        male_last: MADURESE_MALE_LAST,
        female_prefix: MADURESE_FEMALE_PREFIX,
        female_first: MADURESE_FEMALE_FIRST,
        female_last: MADURESE_FEMALE_LAST,
        prefix_p: 0.45,
        last_p: 0.3,
        muslim: true,
    },
    Culture {
        male_prefix: MUSLIM_MALE_PREFIX,
        male_first: MUSLIM_MALE_FIRST,
        male_last: MUSLIM_MALE_LAST,
        female_prefix: MUSLIM_FEMALE_PREFIX,
        female_first: MUSLIM_FEMALE_FIRST,
        female_last: MUSLIM_FEMALE_LAST,
        prefix_p: 0.3,
        last_p: 0.8,
        muslim: true,
    },
    // Christian (mostly Javanese) names: a baptismal name followed by a
    // Javanese name.
    Culture {
        male_prefix: CHRISTIAN_MALE_PREFIX,
        male_first: JAVANESE_MALE_FIRST,
        male_last: JAVANESE_MALE_LAST,
        female_prefix: CHRISTIAN_FEMALE_PREFIX,
        female_first: JAVANESE_FEMALE_FIRST,
        female_last: JAVANESE_FEMALE_LAST,
        prefix_p: 0.9,
        last_p: 0.55,
        muslim: false,
    },
];
const CHINESE: Culture = Culture {
    male_prefix: &[],
    male_first: CHINESE_MALE_FIRST,
    male_last: CHINESE_MALE_LAST,
    female_prefix: &[],
    female_first: CHINESE_FEMALE_FIRST,
    female_last: CHINESE_FEMALE_LAST,
    prefix_p: 0.0,
    last_p: 0.9,
    muslim: false,
};

/// Weights of Javanese, Madurese, general Muslim, Christian, Chinese names.
const CULTURE_WEIGHTS: [u16; 5] = [38, 32, 18, 6, 6];

const DEGREES: &[&str] = &[
    ", S.E.",
    ", S.T.",
    ", S.H.",
    ", S.Pd.",
    ", S.Kom.",
    ", S.Sos.",
    ", S.Ag.",
    ", S.Pd.I.",
    ", S.E., M.M.",
    ", A.Md.",
    ", S.P.",
    ", S.Farm.",
    ", S.Kep.",
    ", M.Pd.",
];

/// Pushes a title-less name ("Moh. Hasan Arifin", "Sri Wahyuni").
/// With `abbrev_ok` false no abbreviated part ("Moh.", "M.") is used, so the
/// name holds no full stop. Returns whether the hajj titles fit the name.
fn push_plain_name<R: Rng + ?Sized>(
    rng: &mut R,
    sex: Sex,
    abbrev_ok: bool,
    out: &mut String,
) -> bool {
    let c = weighted(rng, &CULTURE_WEIGHTS);
    if c == 4 {
        // Chinese-Indonesian; now and then an older three-part name.
        if rng.random_bool(0.15) {
            out.push_str(pick(rng, CHINESE_CLAN));
            out.push(' ');
            out.push_str(pick(rng, CHINESE_SYLLABLE));
            out.push(' ');
            out.push_str(match sex {
                Sex::Male => pick(rng, CHINESE_MALE_SYLLABLE),
                Sex::Female => pick(rng, CHINESE_FEMALE_SYLLABLE),
            });
        } else {
            push_culture_name(rng, &CHINESE, sex, abbrev_ok, out);
        }
        return false;
    }
    let culture = &CULTURES[c];
    push_culture_name(rng, culture, sex, abbrev_ok, out);
    culture.muslim
}

fn push_culture_name<R: Rng + ?Sized>(
    rng: &mut R,
    c: &Culture,
    sex: Sex,
    abbrev_ok: bool,
    out: &mut String,
) {
    let (prefixes, firsts, lasts) = match sex {
        Sex::Male => (c.male_prefix, c.male_first, c.male_last),
        Sex::Female => (c.female_prefix, c.female_first, c.female_last),
    };
    if !prefixes.is_empty() && rng.random_bool(c.prefix_p) {
        let prefix = pick(rng, prefixes);
        if abbrev_ok || !prefix.ends_with('.') {
            out.push_str(prefix);
            out.push(' ');
        }
    }
    let first = pick(rng, firsts);
    out.push_str(first);
    if rng.random_bool(c.last_p) {
        let last = pick(rng, lasts);
        if last != first {
            out.push(' ');
            out.push_str(last);
        }
    }
}

/// A full Indonesian name fitting East Java (Javanese, Madurese, common Muslim
/// names, some Chinese-Indonesian and Christian names), with an optional title
/// now and then (e.g. "H.", "Hj.", ", S.E.", ", S.T."), matching the sex.
pub fn person_name<R: Rng + ?Sized>(rng: &mut R, sex: Sex) -> String {
    let mut out = String::with_capacity(40);
    // The prefix title is decided first and inserted before the name.
    let title_roll = rng.random_range(0..1000u32);
    let mut name = String::with_capacity(32);
    let muslim = push_plain_name(rng, sex, true, &mut name);
    let mut has_prefix = false;
    if muslim && title_roll < 60 {
        out.push_str(match sex {
            Sex::Male => "H. ",
            Sex::Female => "Hj. ",
        });
        has_prefix = true;
    } else if title_roll >= 985 {
        out.push_str(match (sex, title_roll % 3) {
            (Sex::Male, 0) => "Ir. ",
            (Sex::Male, 1) => "Drs. ",
            (Sex::Female, 0) => "Ir. ",
            (Sex::Female, 1) => "Dra. ",
            _ => "dr. ",
        });
        has_prefix = true;
    }
    out.push_str(&name);
    let degree_p = if has_prefix { 0.04 } else { 0.1 };
    if rng.random_bool(degree_p) {
        out.push_str(pick(rng, DEGREES));
    }
    out
}

// ---------------------------------------------------------------------------
// Places and addresses
// ---------------------------------------------------------------------------

/// A kecamatan of Kabupaten Situbondo with some of its villages.
#[derive(Debug, Clone, Copy)]
pub struct District {
    /// Kemendagri code without dots, as in NIK digits 1–6.
    pub code: &'static str,
    pub name: &'static str,
    pub villages: &'static [&'static str],
    /// Rough population weight used when picking a place.
    pub weight: u16,
}

/// The 17 kecamatan of Kabupaten Situbondo (Kemendagri 35.12.01–35.12.17).
pub const DISTRICTS: &[District] = &[
    District {
        code: "351201",
        name: "Sumbermalang",
        villages: &[
            "Alastengah",
            "Baderan",
            "Kalirejo",
            "Plalangan",
            "Tamankursi",
            "Tlogosari",
        ],
        weight: 31,
    },
    District {
        code: "351202",
        name: "Jatibanteng",
        villages: &[
            "Jatibanteng",
            "Curahsuri",
            "Kembangsari",
            "Patemon",
            "Semambung",
            "Pategalan",
        ],
        weight: 26,
    },
    District {
        code: "351203",
        name: "Banyuglugur",
        villages: &[
            "Banyuglugur",
            "Kalianget",
            "Kalisari",
            "Lubawang",
            "Selobanteng",
            "Tepos",
        ],
        weight: 25,
    },
    District {
        code: "351204",
        name: "Besuki",
        villages: &[
            "Besuki",
            "Blimbing",
            "Demung",
            "Jetis",
            "Kalimas",
            "Widoropayung",
        ],
        weight: 62,
    },
    District {
        code: "351205",
        name: "Suboh",
        villages: &[
            "Suboh",
            "Buduan",
            "Cemara",
            "Ketah",
            "Mojodungkul",
            "Gunung Putri",
        ],
        weight: 28,
    },
    District {
        code: "351206",
        name: "Mlandingan",
        villages: &[
            "Mlandingan Kulon",
            "Alasbayur",
            "Campoan",
            "Selomukti",
            "Sumberpinang",
        ],
        weight: 25,
    },
    District {
        code: "351207",
        name: "Bungatan",
        villages: &[
            "Bungatan",
            "Bletok",
            "Mlandingan Wetan",
            "Pasir Putih",
            "Sumbertengah",
        ],
        weight: 23,
    },
    District {
        code: "351208",
        name: "Kendit",
        villages: &[
            "Kendit",
            "Balung",
            "Bugeman",
            "Klatakan",
            "Rajekwesi",
            "Tambak Ukir",
        ],
        weight: 30,
    },
    District {
        code: "351209",
        name: "Panarukan",
        villages: &[
            "Alasmalang",
            "Duwet",
            "Gelung",
            "Kilensari",
            "Paowan",
            "Sumberkolak",
        ],
        weight: 56,
    },
    District {
        code: "351210",
        name: "Situbondo",
        villages: &[
            "Dawuhan",
            "Patokan",
            "Kalibagor",
            "Kotakan",
            "Olean",
            "Talkandang",
        ],
        weight: 48,
    },
    District {
        code: "351211",
        name: "Mangaran",
        villages: &[
            "Mangaran",
            "Semiring",
            "Tanjung Glugur",
            "Tanjung Kamal",
            "Tanjung Pecinan",
            "Trebungan",
        ],
        weight: 37,
    },
    District {
        code: "351212",
        name: "Panji",
        villages: &[
            "Mimbaan",
            "Ardirejo",
            "Curahjeru",
            "Juglangan",
            "Panji Kidul",
            "Tokelan",
        ],
        weight: 70,
    },
    District {
        code: "351213",
        name: "Kapongan",
        villages: &[
            "Kapongan",
            "Curah Cottok",
            "Gebangan",
            "Kesambirampak",
            "Landangan",
            "Seletreng",
        ],
        weight: 39,
    },
    District {
        code: "351214",
        name: "Arjasa",
        villages: &[
            "Arjasa",
            "Bayeman",
            "Curah Tatal",
            "Jatisari",
            "Kayumas",
            "Lamongan",
        ],
        weight: 41,
    },
    District {
        code: "351215",
        name: "Jangkar",
        villages: &[
            "Jangkar",
            "Agel",
            "Curah Kalak",
            "Gadingan",
            "Kumbangsari",
            "Palangan",
        ],
        weight: 40,
    },
    District {
        code: "351216",
        name: "Asembagus",
        villages: &[
            "Asembagus",
            "Awar-awar",
            "Bantal",
            "Gudang",
            "Mojosari",
            "Trigonco",
        ],
        weight: 50,
    },
    District {
        code: "351217",
        name: "Banyuputih",
        villages: &[
            "Banyuputih",
            "Sumberanyar",
            "Sumberejo",
            "Sumberwaru",
            "Wonorejo",
        ],
        weight: 58,
    },
];

/// `DISTRICTS[i].weight`, as a table for [`weighted`].
const DISTRICT_WEIGHTS: [u16; 17] = {
    let mut w = [0u16; 17];
    let mut i = 0;
    while i < 17 {
        w[i] = DISTRICTS[i].weight;
        i += 1;
    }
    w
};

/// The four kelurahan of the regency: (district, village).
const KELURAHAN: [(&str, &str); 4] = [
    ("Situbondo", "Dawuhan"),
    ("Situbondo", "Patokan"),
    ("Panji", "Mimbaan"),
    ("Panji", "Ardirejo"),
];

/// A district (kecamatan) of Kabupaten Situbondo with its 6-digit Kemendagri
/// code as used in NIK digits 1–6, and a village (desa/kelurahan) of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub region6: &'static str,
    pub district: &'static str,
    pub village: &'static str,
}

impl Place {
    /// Whether the village is a kelurahan (urban) rather than a desa.
    pub fn is_kelurahan(&self) -> bool {
        KELURAHAN
            .iter()
            .any(|&(d, v)| d == self.district && v == self.village)
    }

    /// "Desa" or "Kelurahan".
    pub fn village_kind(&self) -> &'static str {
        if self.is_kelurahan() {
            "Kelurahan"
        } else {
            "Desa"
        }
    }

    /// "Desa" or "Kel." as written in an address line.
    pub fn village_abbrev(&self) -> &'static str {
        if self.is_kelurahan() { "Kel." } else { "Desa" }
    }
}

/// A random place in Kabupaten Situbondo, districts weighted by population.
pub fn place<R: Rng + ?Sized>(rng: &mut R) -> Place {
    let d = &DISTRICTS[weighted(rng, &DISTRICT_WEIGHTS)];
    Place {
        region6: d.code,
        district: d.name,
        village: pick(rng, d.villages),
    }
}

const STREETS: &[&str] = &[
    "PB Sudirman",
    "Basuki Rahmat",
    "Ahmad Yani",
    "Diponegoro",
    "WR Supratman",
    "Imam Bonjol",
    "Kartini",
    "Merdeka",
    "Raya Banyuwangi",
    "Raya Situbondo",
    "Raya Panarukan",
    "Raya Besuki",
    "Raya Asembagus",
    "Mawar",
    "Melati",
    "Anggrek",
    "Kenanga",
    "Flamboyan",
    "Cempaka",
    "Semeru",
    "Argopuro",
    "Baluran",
    "Ijen",
    "Irian Jaya",
    "Madura",
    "Cut Nyak Dien",
    "KH. Wahid Hasyim",
    "KHR. As'ad Syamsul Arifin",
    "Kapten Pierre Tendean",
    "Pattimura",
    "Sultan Agung",
    "Gajah Mada",
    "Hayam Wuruk",
    "Pemuda",
    "Pahlawan",
    "Veteran",
    "Mangga",
    "Rambutan",
    "Nangka",
    "Kelapa",
    "Masjid",
    "Pesantren",
    "Pasar",
    "Seroja",
    "Teratai",
    "Sepudi",
];

const DUSUN: &[&str] = &[
    "Krajan",
    "Krajan Barat",
    "Krajan Timur",
    "Karang Anyar",
    "Kebun",
    "Tengah",
    "Laok",
    "Daja",
    "Pesisir",
    "Sumber",
    "Paltoding",
    "Tegal",
];

/// "Jl. <street> No. <n>, RT 00x/RW 00y, Desa <village>, Kec. <district>,
/// Kabupaten Situbondo" ("Kel." for a kelurahan). About one rural address in
/// five names the dusun instead of a street.
pub fn address<R: Rng + ?Sized>(rng: &mut R, place: &Place) -> String {
    let mut out = String::with_capacity(96);
    let kelurahan = place.is_kelurahan();
    if !kelurahan && rng.random_bool(0.2) {
        out.push_str("Dusun ");
        out.push_str(pick(rng, DUSUN));
    } else {
        out.push_str("Jl. ");
        out.push_str(pick(rng, STREETS));
        out.push_str(" No. ");
        let n = rng.random_range(1..=160u32);
        out.push_str(&n.to_string());
        if rng.random_bool(0.05) {
            out.push(pick(rng, &['A', 'B', 'C']));
        }
    }
    let rt = rng.random_range(1..=9u32);
    let rw = rng.random_range(1..=5u32);
    out.push_str(&format!(", RT {rt:03}/RW {rw:03}, "));
    out.push_str(place.village_abbrev());
    out.push(' ');
    out.push_str(place.village);
    out.push_str(", Kec. ");
    out.push_str(place.district);
    out.push_str(", ");
    out.push_str(REGENCY);
    out
}

// ---------------------------------------------------------------------------
// Phones and email
// ---------------------------------------------------------------------------

/// Mobile prefixes with a weight reflecting market share in East Java.
pub const PHONE_PREFIXES: &[(&str, u16)] = &[
    // Telkomsel
    ("0811", 4),
    ("0812", 12),
    ("0813", 10),
    ("0821", 8),
    ("0822", 8),
    ("0823", 6),
    ("0851", 5),
    ("0852", 8),
    ("0853", 5),
    // Indosat
    ("0814", 1),
    ("0815", 2),
    ("0816", 1),
    ("0855", 2),
    ("0856", 5),
    ("0857", 6),
    ("0858", 3),
    // XL
    ("0817", 3),
    ("0818", 3),
    ("0819", 4),
    ("0859", 3),
    ("0877", 5),
    ("0878", 5),
    // Axis
    ("0831", 2),
    ("0832", 2),
    ("0833", 1),
    ("0838", 3),
    // Tri
    ("0895", 3),
    ("0896", 4),
    ("0897", 2),
    ("0898", 2),
    ("0899", 2),
    // Smartfren
    ("0881", 2),
    ("0882", 1),
    ("0883", 1),
    ("0884", 1),
    ("0885", 1),
    ("0886", 1),
    ("0887", 1),
    ("0888", 1),
    ("0889", 1),
];

const PHONE_PREFIX_WEIGHTS: [u16; PHONE_PREFIXES.len()] = {
    let mut w = [0u16; PHONE_PREFIXES.len()];
    let mut i = 0;
    while i < w.len() {
        w[i] = PHONE_PREFIXES[i].1;
        i += 1;
    }
    w
};

/// A mobile number in national form with a real operator prefix, 10–13
/// digits, grouped as people write them: "0812-3456-7890", "0857-123-4567".
pub fn mobile_phone<R: Rng + ?Sized>(rng: &mut R) -> String {
    let prefix = PHONE_PREFIXES[weighted(rng, &PHONE_PREFIX_WEIGHTS)].0;
    let total = match rng.random_range(0..100u32) {
        0..=4 => 10,
        5..=29 => 11,
        30..=89 => 12,
        _ => 13,
    };
    let rest = total - 4;
    let first_group = if rest == 7 || rest == 6 { 3 } else { 4 };
    let mut out = String::with_capacity(16);
    out.push_str(prefix);
    out.push('-');
    out.push(char::from(b'1' + rng.random_range(0..9u8)));
    push_digits(rng, &mut out, first_group - 1);
    out.push('-');
    push_digits(rng, &mut out, rest - first_group);
    out
}

const EMAIL_DOMAINS: [&str; 5] = [
    "gmail.com",
    "yahoo.co.id",
    "yahoo.com",
    "ymail.com",
    "outlook.com",
];
const EMAIL_DOMAIN_WEIGHTS: [u16; 5] = [76, 9, 7, 3, 5];

/// Title tokens dropped when deriving an email from a name.
const NAME_TITLES: [&str; 7] = ["H.", "Hj.", "dr.", "Ir.", "Drs.", "Dra.", "Prof."];

/// Pushes the lower-case ASCII letters and digits of `token`.
fn push_clean(out: &mut String, token: &str) {
    for b in token.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b.to_ascii_lowercase()));
        }
    }
}

fn has_alnum(token: &str) -> bool {
    token.bytes().any(|b| b.is_ascii_alphanumeric())
}

/// An email derived from the name, lower-case ASCII, on a common domain
/// (gmail.com dominant). Titles and degrees are dropped.
pub fn email_for<R: Rng + ?Sized>(rng: &mut R, name: &str) -> String {
    // The name proper is what precedes the first comma (", S.E." etc.).
    let name = name.split(',').next().unwrap_or("");
    let mut tokens: [&str; 4] = [""; 4];
    let mut n = 0;
    for t in name.split_whitespace() {
        if NAME_TITLES.contains(&t) || !has_alnum(t) {
            continue;
        }
        if n < tokens.len() {
            tokens[n] = t;
            n += 1;
        } else {
            tokens[n - 1] = t;
        }
    }
    let mut out = String::with_capacity(40);
    if n == 0 {
        out.push_str("warga");
        push_digits(rng, &mut out, 3);
    } else {
        // Skip an abbreviation such as "Moh." or "M." as the first part now and then.
        let start = if n >= 2 && tokens[0].ends_with('.') && rng.random_bool(0.5) {
            1
        } else {
            0
        };
        let first = tokens[start];
        let last = tokens[n - 1];
        let two = n - start >= 2;
        match rng.random_range(0..8u32) {
            0 | 1 if two => {
                push_clean(&mut out, first);
                out.push('.');
                push_clean(&mut out, last);
            }
            2 if two => {
                push_clean(&mut out, first);
                push_clean(&mut out, last);
            }
            3 if two => {
                push_clean(&mut out, first);
                out.push('_');
                push_clean(&mut out, last);
            }
            4 if two => {
                if let Some(b) = first.bytes().find(u8::is_ascii_alphanumeric) {
                    out.push(char::from(b.to_ascii_lowercase()));
                }
                push_clean(&mut out, last);
                push_digits(rng, &mut out, 2);
            }
            5 => {
                push_clean(&mut out, first);
                if two {
                    push_clean(&mut out, last);
                }
                let year = rng.random_range(1965..=2006u32);
                out.push_str(&year.to_string());
            }
            6 if two => {
                push_clean(&mut out, last);
                out.push('.');
                push_clean(&mut out, first);
            }
            _ => {
                push_clean(&mut out, first);
                if two && rng.random_bool(0.5) {
                    push_clean(&mut out, last);
                }
                let n = rng.random_range(2..=4usize);
                push_digits(rng, &mut out, n);
            }
        }
    }
    out.push('@');
    out.push_str(EMAIL_DOMAINS[weighted(rng, &EMAIL_DOMAIN_WEIGHTS)]);
    out
}

// ---------------------------------------------------------------------------
// Licences and businesses
// ---------------------------------------------------------------------------

/// Indices into [`LICENCE_TYPES`].
pub const LIC_PBG: usize = 0;
pub const LIC_SLF: usize = 1;
pub const LIC_NIB: usize = 2;
pub const LIC_SS: usize = 3;
pub const LIC_KKPR: usize = 4;
pub const LIC_PL: usize = 5;
pub const LIC_REKLAME: usize = 6;
pub const LIC_SIP: usize = 7;
pub const LIC_APOTEK: usize = 8;
pub const LIC_IUTS: usize = 9;
pub const LIC_TDUP: usize = 10;
pub const LIC_IOS: usize = 11;
pub const LIC_TRAYEK: usize = 12;
pub const LIC_SIPA: usize = 13;

/// Licence types people complain about at a regency DPMPTSP: (short code,
/// Indonesian label).
pub const LICENCE_TYPES: &[(&str, &str)] = &[
    ("PBG", "Persetujuan Bangunan Gedung"),
    ("SLF", "Sertifikat Laik Fungsi"),
    ("NIB", "Nomor Induk Berusaha (OSS)"),
    ("SS", "Izin Usaha Berbasis Risiko (Sertifikat Standar)"),
    ("KKPR", "Kesesuaian Kegiatan Pemanfaatan Ruang"),
    ("UKL-UPL", "Persetujuan Lingkungan (UKL-UPL/SPPL)"),
    ("REKLAME", "Izin Reklame"),
    ("SIP", "Surat Izin Praktik Tenaga Kesehatan"),
    ("SIA", "Izin Apotek"),
    ("IUTS", "Izin Usaha Toko Swalayan"),
    ("TDUP", "Tanda Daftar Usaha Pariwisata"),
    ("IOS", "Izin Operasional Sekolah"),
    ("TRAYEK", "Izin Trayek"),
    ("SIPA", "Surat Izin Pengusahaan Air Tanah"),
];

/// How each licence is named in a subject line.
const LICENCE_SHORT: [&str; 14] = [
    "PBG",
    "SLF",
    "NIB",
    "sertifikat standar",
    "KKPR",
    "persetujuan lingkungan",
    "izin reklame",
    "SIP",
    "izin apotek",
    "izin toko swalayan",
    "TDUP",
    "izin operasional sekolah",
    "izin trayek",
    "SIPA",
];

/// Relative frequency of each licence type in complaints (sums to 100).
const LICENCE_WEIGHTS: [u16; 14] = [22, 5, 20, 9, 7, 6, 6, 5, 3, 4, 4, 3, 2, 4];

/// An index into [`LICENCE_TYPES`], weighted to a believable mix (PBG and
/// NIB/OSS common).
pub fn licence_type<R: Rng + ?Sized>(rng: &mut R) -> usize {
    weighted(rng, &LICENCE_WEIGHTS)
}

const BIZ_WORD_A: &[&str] = &[
    "Sumber",
    "Sinar",
    "Cahaya",
    "Bintang",
    "Karya",
    "Mitra",
    "Putra",
    "Berkah",
    "Barokah",
    "Tirta",
    "Harapan",
    "Sentosa",
    "Mulia",
    "Anugerah",
    "Rizki",
    "Maju",
    "Bumi",
    "Surya",
    "Mekar",
    "Dua Putri",
    "Tiga Saudara",
    "Al-Amin",
    "Nur",
    "Sri",
    "Gading",
    "Rahmat",
];
const BIZ_WORD_B: &[&str] = &[
    "Rejeki",
    "Jaya",
    "Makmur",
    "Abadi",
    "Lestari",
    "Sejahtera",
    "Mandiri",
    "Sentosa",
    "Agung",
    "Mulya",
    "Baru",
    "Utama",
    "Perkasa",
    "Berkah",
    "Indah",
    "Sehat",
    "Bersama",
    "Gemilang",
    "Kencana",
    "Amanah",
    "Nusantara",
    "Santoso",
    "Murni",
    "Jaya Abadi",
];
const BIZ_LOCAL: &[&str] = &[
    "Situbondo",
    "Baluran",
    "Panarukan",
    "Besuki",
    "Asembagus",
    "Pasir Putih",
    "Banyuputih",
    "Kapongan",
    "Arjasa",
    "Jangkar",
    "Tapal Kuda",
    "Bumi Sholawat",
];
const BIZ_SECTOR: &[&str] = &[
    "Agro", "Tirta", "Karya", "Niaga", "Bahari", "Energi", "Bangun", "Mina", "Sarana", "Graha",
];
const BIZ_SUFFIX: &[&str] = &[
    "Lestari",
    "Abadi",
    "Makmur",
    "Perkasa",
    "Sejahtera",
    "Mandiri",
    "Utama",
];
const ISLAMIC_NAMES: &[&str] = &[
    "Al-Hidayah",
    "Nurul Huda",
    "Miftahul Ulum",
    "Darul Ulum",
    "Al-Falah",
    "Bustanul Ulum",
    "Roudlotul Jannah",
    "Al-Ikhlas",
    "Nurul Islam",
    "Baitul Hikmah",
    "Al-Amanah",
    "Mambaul Ulum",
];
const HEALTH_WORDS: &[&str] = &[
    "Husada", "Sehat", "Medika", "Farma", "Sentosa", "Waras", "Prima", "Bakti", "Mulia",
];

/// Business-name prefixes per licence type.
const BIZ_PREFIXES: [&[&str]; 14] = [
    // PBG
    &[
        "Toko Bangunan",
        "CV",
        "UD",
        "Perumahan Griya",
        "Gudang Tembakau",
        "Ruko",
        "Toko",
        "Gedung Sarang Walet",
        "Rumah Makan",
    ],
    // SLF
    &[
        "Hotel",
        "Ruko",
        "Gedung Serbaguna",
        "Pabrik Es",
        "Perumahan Griya",
        "Rumah Sakit",
    ],
    // NIB
    &[
        "UD",
        "CV",
        "Toko",
        "Warung Kopi",
        "Bengkel",
        "Konveksi",
        "Toko Kelontong",
        "Usaha Kerupuk",
        "Katering",
        "Penggilingan Padi",
        "Toko Sembako",
        "Depot",
    ],
    // SS
    &[
        "CV",
        "PT",
        "UD",
        "Bengkel",
        "Laundry",
        "Toko Pertanian",
        "Pabrik Es",
        "Tambak Udang",
        "Konveksi",
    ],
    // KKPR
    &[
        "PT",
        "SPBU",
        "Perumahan Griya",
        "CV",
        "Gudang",
        "Pergudangan",
    ],
    // PL
    &[
        "PT",
        "Pabrik Tahu",
        "Peternakan Ayam",
        "Tambak Udang",
        "Penggilingan Padi",
        "Rumah Potong Ayam",
        "Usaha Batu Bata",
        "Bengkel Las",
    ],
    // Reklame
    &[
        "Toko",
        "Dealer Motor",
        "Toko Ponsel",
        "Rumah Makan",
        "Toko Emas",
        "Toko Mebel",
    ],
    // SIP
    &[
        "Klinik Pratama",
        "Praktik Mandiri Bidan",
        "Praktik Dokter Gigi",
        "Praktik Dokter",
    ],
    // Apotek
    &["Apotek"],
    // IUTS
    &["Toko Swalayan", "Minimarket", "Swalayan", "Toserba"],
    // TDUP
    &[
        "Hotel",
        "Homestay",
        "Warung Kopi",
        "Rumah Makan",
        "Kafe",
        "Wisata Pantai",
        "Resto",
        "Kolam Renang",
        "Karaoke Keluarga",
    ],
    // IOS
    &[
        "TK",
        "PAUD",
        "SD Islam Terpadu",
        "SMK",
        "Lembaga Kursus",
        "Bimbingan Belajar",
    ],
    // Trayek
    &["PO", "Koperasi Angkutan", "CV"],
    // SIPA
    &[
        "PT",
        "Depot Air Minum Isi Ulang",
        "Hotel",
        "Pabrik Es",
        "Tambak Udang",
        "Cuci Mobil",
    ],
];

/// Pushes "Sumber Rejeki" or "Sinar Jaya Makmur".
fn push_biz_words<R: Rng + ?Sized>(rng: &mut R, out: &mut String) {
    out.push_str(pick(rng, BIZ_WORD_A));
    out.push(' ');
    let b = pick(rng, BIZ_WORD_B);
    out.push_str(b);
    if rng.random_bool(0.25) {
        let c = pick(rng, BIZ_SUFFIX);
        if !b.contains(c) {
            out.push(' ');
            out.push_str(c);
        }
    }
}

/// A business name fitting the licence type ("CV Sumber Rejeki Makmur",
/// "Apotek Kimia Sehat", "PT Situbondo Agro Lestari", ...).
pub fn business_name<R: Rng + ?Sized>(rng: &mut R, licence: usize) -> String {
    let licence = licence.min(LICENCE_TYPES.len() - 1);
    let prefix = pick(rng, BIZ_PREFIXES[licence]);
    let mut out = String::with_capacity(48);
    out.push_str(prefix);
    out.push(' ');
    match prefix {
        "PT" => {
            out.push_str(pick(rng, BIZ_LOCAL));
            out.push(' ');
            out.push_str(pick(rng, BIZ_SECTOR));
            out.push(' ');
            out.push_str(pick(rng, BIZ_SUFFIX));
        }
        "SPBU" => {
            // SPBU numbers in the area: 54.683.xx
            out.push_str("54.683.");
            push_digits(rng, &mut out, 2);
            out.push(' ');
            out.push_str(pick(rng, BIZ_LOCAL));
        }
        "Praktik Mandiri Bidan" | "Praktik Dokter Gigi" | "Praktik Dokter" => {
            let sex = if prefix == "Praktik Mandiri Bidan" || rng.random_bool(0.5) {
                Sex::Female
            } else {
                Sex::Male
            };
            push_plain_name(rng, sex, false, &mut out);
        }
        "Klinik Pratama" | "Apotek" | "Rumah Sakit" => {
            match rng.random_range(0..3u32) {
                0 => out.push_str(pick(rng, BIZ_WORD_A)),
                1 => out.push_str("Kimia"),
                _ => out.push_str(pick(rng, BIZ_LOCAL)),
            }
            out.push(' ');
            out.push_str(pick(rng, HEALTH_WORDS));
        }
        "TK" | "PAUD" | "SD Islam Terpadu" => out.push_str(pick(rng, ISLAMIC_NAMES)),
        "Hotel" | "Homestay" | "Wisata Pantai" | "Resto" | "Kafe" if rng.random_bool(0.4) => {
            out.push_str(pick(rng, BIZ_LOCAL));
            if rng.random_bool(0.5) {
                out.push(' ');
                out.push_str(pick(
                    rng,
                    &["Indah", "Asri", "Permai", "Beach", "Sari", "Inn"],
                ));
            }
        }
        "CV" if licence == LIC_TRAYEK => {
            push_biz_words(rng, &mut out);
            out.push_str(" Trans");
        }
        "Toko" | "CV" if licence == LIC_REKLAME && rng.random_bool(0.3) => {
            push_biz_words(rng, &mut out);
            out.push_str(" Advertising");
        }
        _ => push_biz_words(rng, &mut out),
    }
    out
}

/// A 13-digit NIB as issued by OSS.
fn push_nib<R: Rng + ?Sized>(rng: &mut R, out: &mut String) {
    out.push_str(if rng.random_bool(0.85) {
        "9120"
    } else {
        "8120"
    });
    push_digits(rng, out, 9);
}

/// A licence number in a plausible format for the type, e.g.
/// "PBG-351200-12052026-01", "503.446/0123/SIP/431.304/2025".
pub fn licence_number<R: Rng + ?Sized>(rng: &mut R, licence: usize, year: i32) -> String {
    let licence = licence.min(LICENCE_TYPES.len() - 1);
    let seq = rng.random_range(1..=2400u32);
    match licence {
        LIC_PBG | LIC_SLF => {
            let day = rng.random_range(1..=28u32);
            let month = rng.random_range(1..=12u32);
            let n = rng.random_range(1..=12u32);
            format!(
                "{}-351200-{day:02}{month:02}{year}-{n:02}",
                LICENCE_TYPES[licence].0
            )
        }
        LIC_NIB => {
            let mut out = String::with_capacity(13);
            push_nib(rng, &mut out);
            out
        }
        LIC_SS => {
            let mut out = String::with_capacity(17);
            push_nib(rng, &mut out);
            out.push_str(&format!("{:04}", rng.random_range(1..=3u32)));
            out
        }
        LIC_KKPR => format!("650/{seq:04}/KKPR/431.304/{year}"),
        LIC_PL => format!("660.1/{seq:04}/431.304/{year}"),
        LIC_REKLAME => format!("503/{seq:04}/REK/431.304/{year}"),
        LIC_SIP => format!("503.446/{seq:04}/SIP/431.304/{year}"),
        LIC_APOTEK => format!("503.445/{seq:04}/SIA/431.304/{year}"),
        LIC_IUTS => format!("510/{seq:04}/IUTS/431.304/{year}"),
        LIC_TDUP => format!("556/{seq:04}/TDUP/431.304/{year}"),
        LIC_IOS => format!("421/{seq:04}/431.304/{year}"),
        LIC_TRAYEK => format!("551.2/{seq:04}/431.304/{year}"),
        _ => format!("690/{seq:04}/SIPA/431.304/{year}"),
    }
}

// ---------------------------------------------------------------------------
// Subjects and descriptions
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pengaduan,
    Konsultasi,
    Aspirasi,
}

/// A subject/description template. Placeholders: `{lic}` licence label,
/// `{short}` licence name for a subject line, `{biz}` business, `{vil}`
/// "Desa X"/"Kelurahan X", `{kec}` district, `{days}`, `{weeks}`, `{amt}`
/// rupiah amount, `{month}`, `{weekday}`.
struct Template {
    /// Bit i set: fits licence type i. `ALL`: fits every type.
    mask: u16,
    subject: &'static str,
    body: &'static str,
    /// Sentences in `body`, counted at compile time.
    sentences: u8,
}

const ALL: u16 = u16::MAX;

const fn bit(i: usize) -> u16 {
    1 << i
}

/// Counts sentence ends ('.', '?', '!' followed by a space or the end).
const fn count_sentences(s: &str) -> u8 {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if (b[i] == b'.' || b[i] == b'?' || b[i] == b'!') && (i + 1 == b.len() || b[i + 1] == b' ')
        {
            n += 1;
        }
        i += 1;
    }
    n
}

const fn t(mask: u16, subject: &'static str, body: &'static str) -> Template {
    Template {
        mask,
        subject,
        body,
        sentences: count_sentences(body),
    }
}

const PENGADUAN: &[Template] = &[
    t(
        ALL,
        "Permohonan {short} belum selesai lebih dari {days} hari kerja",
        "Saya mengajukan permohonan {lic} untuk {biz} di {vil}, Kecamatan {kec} sejak bulan {month}, tetapi sampai sekarang statusnya masih dalam proses. Sudah {days} hari kerja berlalu dan belum ada pemberitahuan apa pun dari petugas. Saya sudah dua kali datang ke kantor DPMPTSP namun hanya diminta menunggu. Mohon ada kepastian kapan izin saya bisa terbit.",
    ),
    t(
        ALL,
        "Dugaan pungutan liar dalam pengurusan {short}",
        "Waktu mengurus {lic} untuk {biz}, saya dimintai uang sebesar {amt} oleh orang yang mengaku bisa mempercepat proses. Setahu saya tidak ada biaya seperti itu di luar retribusi resmi, dan saya tidak diberi kuitansi apa pun. Mohon hal ini diusut supaya tidak terjadi lagi kepada warga lain.",
    ),
    t(
        bit(LIC_NIB)
            | bit(LIC_SS)
            | bit(LIC_KKPR)
            | bit(LIC_PL)
            | bit(LIC_IUTS)
            | bit(LIC_TDUP)
            | bit(LIC_APOTEK),
        "Sistem OSS selalu gagal saat pengajuan {short}",
        "Saya sudah mencoba mengajukan {lic} untuk {biz} melalui OSS sejak {weeks} minggu yang lalu, tetapi selalu muncul pesan gagal saat menyimpan data. Sudah saya coba di beberapa komputer dan pada jam yang berbeda, hasilnya tetap sama. Usaha saya di {vil} jadi tertunda karena izinnya belum keluar. Mohon dibantu atau diberi petunjuk apa yang harus saya lakukan.",
    ),
    t(
        bit(LIC_PBG) | bit(LIC_SLF),
        "Bangunan tanpa PBG di {vil}, Kec. {kec}",
        "Di sebelah rumah saya di {vil}, Kecamatan {kec} sedang dibangun gedung untuk {biz} yang setahu saya belum memiliki Persetujuan Bangunan Gedung. Bangunannya menempel ke tembok rumah saya dan air hujan dari atapnya jatuh ke pekarangan kami. Sudah saya tegur baik-baik tetapi pemiliknya tidak menanggapi. Mohon dicek perizinannya dan ditindak sesuai aturan.",
    ),
    t(
        bit(LIC_PL) | bit(LIC_SS) | bit(LIC_NIB) | bit(LIC_KKPR) | bit(LIC_SIPA),
        "Bau dan limbah usaha mengganggu warga {vil}",
        "Kami warga {vil} merasa terganggu dengan {biz} yang beroperasi di dekat permukiman. Setiap hari ada bau menyengat dan limbahnya dibuang ke saluran air warga, kalau malam juga bising sampai lewat jam sepuluh. Kami ingin tahu apakah usaha ini benar punya izin lingkungan dan mohon ada pemeriksaan ke lokasi.",
    ),
    t(
        bit(LIC_KKPR)
            | bit(LIC_PBG)
            | bit(LIC_IUTS)
            | bit(LIC_REKLAME)
            | bit(LIC_TDUP)
            | bit(LIC_PL),
        "Keberatan atas terbitnya {short} di {vil}",
        "Kami keberatan dengan terbitnya {lic} untuk {biz} di {vil}. Lokasinya berdekatan dengan sekolah dan masjid, dan warga sekitar tidak pernah dimintai persetujuan. Kami mohon DPMPTSP meninjau kembali izin tersebut dan menjelaskan dasar penerbitannya.",
    ),
    t(
        bit(LIC_IUTS) | bit(LIC_KKPR),
        "Toko swalayan terlalu dekat dengan pasar tradisional",
        "{biz} yang baru buka di {vil}, Kecamatan {kec} letaknya sangat dekat dengan pasar desa dan toko-toko kelontong warga. Sejak toko itu buka, dagangan kami jadi sepi. Kami ingin tahu apakah izinnya sudah sesuai aturan jarak dan zonasi, dan mohon izin tersebut ditinjau ulang.",
    ),
    t(
        ALL,
        "Sikap petugas loket kurang ramah",
        "Pada hari {weekday} kemarin saya datang ke loket DPMPTSP untuk menanyakan {lic} atas nama {biz}. Petugas yang melayani menjawab dengan ketus dan menyuruh saya membaca sendiri persyaratannya di internet. Saya sudah tua dan kurang paham komputer, jadi sangat butuh penjelasan. Mohon petugas diberi pembinaan supaya lebih sabar melayani masyarakat.",
    ),
    t(
        ALL,
        "Persyaratan {short} berubah-ubah dan tidak jelas",
        "Saya sudah tiga kali bolak-balik mengurus {lic} untuk {biz} karena setiap datang selalu diminta berkas tambahan yang sebelumnya tidak disebutkan. Keterangan di papan informasi dan dari petugas berbeda. Jarak dari {vil} ke kantor cukup jauh sehingga saya rugi waktu dan biaya. Mohon persyaratan dibuat jelas dan tertulis sejak awal.",
    ),
    t(
        ALL,
        "Permohonan {short} ditolak tanpa alasan yang jelas",
        "Permohonan {lic} untuk {biz} di {vil} ditolak, padahal semua berkas sudah saya lengkapi sesuai daftar dari petugas. Di surat penolakan hanya tertulis tidak memenuhi persyaratan teknis tanpa penjelasan bagian mana yang kurang. Mohon penjelasan rinci agar saya bisa memperbaikinya dan mengajukan lagi.",
    ),
    t(
        bit(LIC_REKLAME),
        "Reklame tanpa izin membahayakan pengendara di {kec}",
        "Di pinggir jalan raya {vil}, Kecamatan {kec} terpasang papan reklame {biz} yang sangat besar dan menutupi pandangan pengendara di tikungan. Setahu saya reklame itu tidak ada stiker tanda izinnya. Kemarin hampir terjadi kecelakaan di situ. Mohon dicek izinnya dan kalau tidak berizin agar dibongkar.",
    ),
    t(
        bit(LIC_SIP) | bit(LIC_APOTEK),
        "Dugaan praktik tenaga kesehatan tanpa izin di {vil}",
        "Di {vil} ada {biz} yang melayani pasien setiap sore, tetapi warga ragu apakah praktiknya sudah punya izin. Tidak ada papan nama yang mencantumkan nomor Surat Izin Praktik. Kami khawatir terjadi hal yang tidak diinginkan pada pasien, mohon diperiksa bersama Dinas Kesehatan.",
    ),
    t(
        bit(LIC_TRAYEK),
        "Angkutan trayek ke {kec} sering tidak beroperasi",
        "Angkutan umum milik {biz} yang memegang izin trayek ke arah {kec} sering tidak jalan, terutama sore hari. Anak-anak sekolah dari {vil} terpaksa menumpang kendaraan bak terbuka. Mohon izin trayeknya dievaluasi atau diberikan kepada pengusaha lain yang sanggup melayani.",
    ),
    t(
        bit(LIC_SIPA),
        "Sumur warga kering diduga akibat pengambilan air tanah",
        "Sejak {biz} mengebor sumur dalam di {vil}, sumur-sumur warga di sekitarnya mulai kering, apalagi pada musim kemarau. Kami ingin tahu apakah usaha tersebut punya izin pengusahaan air tanah dan berapa batas debit yang dibolehkan. Mohon segera ditinjau karena warga kesulitan air bersih.",
    ),
    t(
        bit(LIC_SLF) | bit(LIC_PBG) | bit(LIC_TDUP),
        "Gedung sudah dipakai umum padahal belum ada SLF",
        "{biz} di {vil} sudah ramai dipakai untuk umum, padahal bangunannya terlihat belum selesai dan ada retakan di beberapa bagian. Kami mendengar bangunan itu belum punya Sertifikat Laik Fungsi. Demi keselamatan pengunjung, mohon diperiksa kelaikan gedungnya.",
    ),
    t(
        bit(LIC_IOS),
        "Sekolah menerima murid padahal izin operasional belum terbit",
        "{biz} di {vil} sudah menerima murid baru dan memungut biaya pendaftaran {amt}, padahal kabarnya izin operasionalnya belum terbit. Kami sebagai orang tua khawatir ijazah anak kami nanti tidak diakui. Mohon penjelasan status izin sekolah tersebut.",
    ),
    t(
        bit(LIC_TDUP),
        "Tempat hiburan beroperasi sampai larut malam",
        "{biz} di {vil}, Kecamatan {kec} setiap malam memutar musik keras sampai lewat tengah malam. Letaknya dekat pondok pesantren dan rumah warga. Kami ingin tahu apakah tanda daftar usaha pariwisatanya mengatur jam operasional, dan mohon ada tindakan tegas.",
    ),
    t(
        ALL,
        "Kesalahan data pada dokumen {short} yang sudah terbit",
        "Dokumen {lic} untuk {biz} sudah terbit, tetapi alamatnya salah tulis, seharusnya {vil}, Kecamatan {kec}. Saya sudah melapor ke loket {weeks} minggu lalu dan dijanjikan akan diperbaiki, tetapi sampai sekarang belum ada perbaikan. Dokumen ini saya perlukan untuk mengajukan pinjaman ke bank.",
    ),
    t(
        bit(LIC_APOTEK),
        "Apotek menjual obat keras tanpa resep dokter",
        "{biz} di {vil} diduga menjual obat keras tanpa resep dokter dan apotekernya sering tidak ada di tempat. Beberapa remaja di kampung kami membeli obat di sana. Mohon izin apoteknya diperiksa dan diawasi bersama Dinas Kesehatan.",
    ),
];

const KONSULTASI: &[Template] = &[
    t(
        bit(LIC_NIB) | bit(LIC_SS) | bit(LIC_TDUP),
        "Cara mendaftar NIB untuk usaha mikro",
        "Saya punya usaha kecil bernama {biz} di {vil}, Kecamatan {kec}. Saya ingin mendaftar NIB tetapi belum paham cara membuat akun OSS. Apakah bisa dibantu di Pojok OSS dan berkas apa saja yang perlu saya bawa?",
    ),
    t(
        bit(LIC_NIB) | bit(LIC_SS) | bit(LIC_TDUP) | bit(LIC_IUTS),
        "Mohon bantuan memilih kode KBLI yang sesuai",
        "Usaha saya, {biz}, bergerak di lebih dari satu bidang sehingga saya bingung memilih kode KBLI di OSS. Saya khawatir salah pilih dan nanti izinnya tidak sesuai. Mohon saran KBLI mana yang tepat dan apakah boleh mencantumkan lebih dari satu kode.",
    ),
    t(
        bit(LIC_SS) | bit(LIC_NIB) | bit(LIC_PL),
        "Tingkat risiko usaha dan izin yang dibutuhkan",
        "Saya berencana mengembangkan {biz} di {vil}. Di OSS tertulis tingkat risikonya menengah tinggi sehingga perlu sertifikat standar. Apa bedanya dengan risiko rendah dan berapa lama proses verifikasinya?",
    ),
    t(
        bit(LIC_PBG),
        "Persyaratan PBG untuk rumah tinggal dan toko",
        "Saya akan membangun rumah sekaligus toko di {vil}, Kecamatan {kec}. Saya ingin tahu persyaratan Persetujuan Bangunan Gedung, apakah gambarnya harus dibuat oleh konsultan, dan berapa besar retribusinya. Mohon informasi langkah-langkah pengajuannya melalui SIMBG.",
    ),
    t(
        ALL,
        "Migrasi izin lama ke OSS berbasis risiko",
        "{biz} sudah punya {lic} yang terbit sebelum OSS berbasis risiko berlaku. Saya mendapat kabar izin lama harus dimigrasikan ke OSS. Apakah izin saya masih berlaku dan bagaimana cara memindahkan datanya ke sistem yang baru?",
    ),
    t(
        ALL,
        "Biaya resmi dan lama proses {short}",
        "Saya ingin mengurus {lic} untuk {biz}. Berapa biaya resmi yang harus dibayar dan berapa lama waktu penyelesaiannya sesuai standar pelayanan? Saya ingin mengurus sendiri tanpa perantara.",
    ),
    t(
        bit(LIC_SLF) | bit(LIC_PBG),
        "Kewajiban SLF untuk bangunan lama",
        "Bangunan {biz} di {vil} sudah berdiri sejak lama dan dulu sudah punya IMB. Apakah sekarang masih wajib mengurus Sertifikat Laik Fungsi? Kalau wajib, siapa yang memeriksa kelaikan bangunannya dan berkas apa yang perlu disiapkan?",
    ),
    t(
        bit(LIC_KKPR) | bit(LIC_PBG) | bit(LIC_IUTS),
        "Cek kesesuaian tata ruang sebelum membeli lahan",
        "Saya berencana membeli lahan di {vil}, Kecamatan {kec} untuk {biz}. Sebelum membeli, saya ingin memastikan lokasinya sesuai dengan rencana tata ruang. Bagaimana cara mengajukan KKPR dan apakah peruntukan lahannya bisa dicek lebih dulu?",
    ),
    t(
        bit(LIC_PL) | bit(LIC_SS) | bit(LIC_SIPA),
        "UKL-UPL atau SPPL untuk usaha kecil",
        "{biz} termasuk usaha kecil dan berlokasi di {vil}. Saya bingung apakah cukup dengan SPPL atau harus menyusun UKL-UPL. Mohon penjelasan kriterianya dan apakah penyusunan dokumennya wajib memakai konsultan.",
    ),
    t(
        bit(LIC_SIP),
        "Perpanjangan SIP tenaga kesehatan",
        "Surat Izin Praktik saya untuk {biz} akan habis pada bulan {month}. Saya ingin tahu apakah perpanjangannya bisa diajukan secara daring dan berkas apa saja yang diperlukan. Apakah STR yang berlaku seumur hidup sudah cukup sebagai syarat?",
    ),
    t(
        bit(LIC_APOTEK),
        "Syarat membuka apotek baru",
        "Saya seorang apoteker dan berencana membuka {biz} di {vil}, Kecamatan {kec}. Mohon informasi persyaratan izin apotek, termasuk ketentuan sarana dan tenaga kefarmasian. Apakah ada aturan jarak minimal dengan apotek lain?",
    ),
    t(
        bit(LIC_TDUP),
        "Pendaftaran usaha pariwisata untuk homestay dan warung",
        "Saya ingin mendaftarkan {biz} di {vil} sebagai usaha pariwisata karena banyak wisatawan yang datang ke Pasir Putih dan Baluran. Apakah cukup dengan NIB atau masih perlu izin lain?",
    ),
    t(
        bit(LIC_REKLAME),
        "Prosedur izin reklame dan pajaknya",
        "{biz} akan memasang papan nama dan baliho di depan toko di {vil}. Apakah papan nama usaha juga perlu izin reklame? Berapa lama prosesnya dan bagaimana hubungannya dengan pajak reklame di Bapenda?",
    ),
    t(
        bit(LIC_IOS),
        "Persyaratan izin operasional lembaga pendidikan",
        "Yayasan kami berencana membuka {biz} di {vil}. Kami ingin tahu persyaratan izin operasional sekolah, termasuk luas lahan, sarana prasarana, dan rekomendasi yang diperlukan dari Dinas Pendidikan. Mohon penjelasannya.",
    ),
    t(
        bit(LIC_TRAYEK),
        "Syarat pengajuan izin trayek angkutan pedesaan",
        "{biz} ingin mengajukan izin trayek angkutan pedesaan dari {kec} ke terminal kota. Mohon penjelasan syarat kendaraan dan uji KIR-nya. Apakah pemohon harus berbadan hukum?",
    ),
    t(
        bit(LIC_SIPA),
        "Izin pengambilan air tanah untuk usaha",
        "{biz} membutuhkan air cukup banyak setiap hari dan kami berencana membuat sumur bor di {vil}. Apakah kami wajib mengurus SIPA dan ke mana permohonannya diajukan? Mohon juga informasi batas kedalaman yang diperbolehkan.",
    ),
    t(
        bit(LIC_IUTS),
        "Ketentuan jarak dan zonasi toko swalayan",
        "Kami berencana membuka {biz} di {vil}, Kecamatan {kec}. Kami ingin tahu ketentuan jarak toko swalayan dengan pasar rakyat dan apakah ada pembatasan jumlah toko modern per kecamatan. Mohon penjelasannya sebelum kami menyewa tempat.",
    ),
    t(
        ALL,
        "Cara mengecek status permohonan {short}",
        "Saya sudah mengajukan {lic} untuk {biz} dan mendapat nomor registrasi. Bagaimana cara mengecek status permohonan secara daring tanpa harus datang ke kantor? Rumah saya di {vil} cukup jauh dari kantor DPMPTSP.",
    ),
    t(
        ALL,
        "Perubahan nama pemegang {short}",
        "Pemilik {biz} sebelumnya sudah meninggal dan usahanya sekarang diteruskan oleh anaknya. Bagaimana prosedur perubahan nama pemegang {lic}? Apakah harus mengajukan dari awal?",
    ),
];

const ASPIRASI: &[Template] = &[
    t(
        ALL,
        "Usulan layanan perizinan pada hari Sabtu",
        "Banyak pelaku usaha kecil seperti saya yang sulit datang ke kantor pada hari kerja karena harus berjualan. Saya mengusulkan agar DPMPTSP membuka layanan pada hari Sabtu, minimal setengah hari. Dengan begitu warga dari {kec} dan kecamatan lain tidak perlu meninggalkan usahanya.",
    ),
    t(
        ALL,
        "Usulan sistem nomor antrean dan pendaftaran daring",
        "Setiap pagi antrean di loket pelayanan sangat panjang dan tidak tertib. Saya mengusulkan ada sistem nomor antrean, bahkan kalau bisa pendaftaran antrean lewat WhatsApp sehingga warga bisa datang sesuai jadwal. Ini akan sangat membantu warga yang datang dari jauh seperti dari {kec}.",
    ),
    t(
        ALL,
        "Usulan layanan perizinan keliling ke kecamatan",
        "Warga di {vil}, Kecamatan {kec} banyak yang belum punya NIB karena jauh dari kantor dan tidak paham internet. Kami mengusulkan ada mobil layanan keliling yang datang ke kecamatan secara berkala, misalnya pada hari pasaran. Pasti banyak pelaku usaha yang terbantu.",
    ),
    t(
        bit(LIC_NIB) | bit(LIC_SS) | bit(LIC_TDUP) | bit(LIC_PL),
        "Usulan pelatihan OSS untuk pelaku UMKM",
        "Saya usul DPMPTSP mengadakan pelatihan atau pendampingan pengisian OSS untuk pelaku usaha mikro di desa-desa. Banyak teman saya di {vil} yang sudah bertahun-tahun berusaha tetapi belum berizin karena takut salah mengisi. Pelatihan bisa bekerja sama dengan pemerintah desa.",
    ),
    t(
        ALL,
        "Informasi persyaratan izin agar dimuat di media sosial",
        "Mohon persyaratan dan alur setiap jenis izin, terutama {lic}, dimuat di media sosial dan situs resmi DPMPTSP. Sekarang informasinya sulit dicari dan sering berbeda dengan yang disampaikan petugas. Kalau ada video singkat cara mengurusnya pasti lebih mudah dipahami.",
    ),
    t(
        ALL,
        "Usulan layanan konsultasi perizinan lewat WhatsApp",
        "Saya mengusulkan ada nomor WhatsApp resmi untuk konsultasi perizinan yang dijawab pada jam kerja. Banyak pertanyaan sederhana, misalnya soal {short}, sebenarnya tidak perlu datang ke kantor. Warga dari {kec} bisa menghemat waktu dan ongkos perjalanan.",
    ),
    t(
        ALL,
        "Fasilitas ruang tunggu dan akses penyandang disabilitas",
        "Ruang tunggu pelayanan terasa panas dan kursinya kurang, apalagi saat ramai. Selain itu belum ada jalur landai untuk pengguna kursi roda. Saya berharap fasilitasnya diperbaiki agar pelayanan lebih nyaman untuk semua warga.",
    ),
    t(
        ALL,
        "Apresiasi pelayanan cepat pengurusan {short}",
        "Saya ingin menyampaikan terima kasih karena {lic} untuk {biz} selesai lebih cepat dari perkiraan. Petugas menjelaskan dengan sabar dan tidak ada biaya tambahan. Semoga pelayanan seperti ini dipertahankan dan ditingkatkan.",
    ),
    t(
        ALL,
        "Usulan notifikasi perubahan status permohonan",
        "Saya mengusulkan agar pemohon mendapat pemberitahuan melalui SMS atau WhatsApp setiap kali status permohonan berubah. Selama ini saya harus datang atau menelepon berkali-kali untuk menanyakan {lic} untuk {biz}. Dengan notifikasi, pemohon lebih tenang dan petugas tidak terus menjawab pertanyaan yang sama.",
    ),
    t(
        ALL,
        "Sosialisasi perizinan berusaha di balai desa",
        "Kami dari pemerintah {vil} berharap DPMPTSP bisa mengadakan sosialisasi perizinan berusaha di balai desa. Banyak warga yang mengira mengurus izin usaha itu mahal dan rumit. Kami siap menyediakan tempat dan mengundang pelaku usaha setempat.",
    ),
    t(
        ALL,
        "Usulan papan informasi biaya resmi dan larangan pungli",
        "Saya mengusulkan dipasang papan informasi yang jelas tentang biaya resmi setiap izin dan nomor pengaduan jika ada pungutan liar. Dengan begitu warga berani menolak kalau ada yang meminta uang di luar ketentuan. Keterbukaan seperti ini akan menambah kepercayaan masyarakat.",
    ),
    t(
        bit(LIC_PBG) | bit(LIC_SLF),
        "Penyederhanaan PBG untuk rumah tinggal sederhana",
        "Untuk rumah tinggal sederhana di {vil}, persyaratan PBG terasa berat karena harus ada gambar teknis dari tenaga ahli. Kami mengusulkan ada prototipe gambar rumah sederhana yang bisa dipakai warga secara gratis. Dengan begitu warga tidak enggan mengurus PBG.",
    ),
    t(
        bit(LIC_IUTS) | bit(LIC_KKPR),
        "Pembatasan toko modern demi pasar rakyat",
        "Kami berharap pemerintah daerah lebih selektif memberikan izin toko swalayan di Kecamatan {kec}. Pasar rakyat dan toko kelontong warga makin sepi sejak banyak minimarket berdiri. Mohon ada kajian jarak dan kuota toko modern di setiap kecamatan.",
    ),
    t(
        ALL,
        "Hasil survei kepuasan layanan agar diumumkan",
        "Saya pernah mengisi survei kepuasan setelah mengurus {lic}, tetapi tidak pernah melihat hasilnya. Sebaiknya hasil survei dan tindak lanjutnya diumumkan kepada masyarakat supaya warga tahu masukannya didengar.",
    ),
    t(
        bit(LIC_TDUP) | bit(LIC_NIB),
        "Pendampingan perizinan untuk usaha wisata desa",
        "Desa kami, {vil}, sedang mengembangkan wisata desa dan banyak warga membuka warung serta homestay. Kami mengusulkan ada pendampingan khusus agar usaha-usaha kecil ini bisa terdaftar sebagai usaha pariwisata tanpa proses yang rumit.",
    ),
];

const OPENERS: &[&str] = &[
    "Assalamualaikum warahmatullahi wabarakatuh.",
    "Selamat pagi.",
    "Selamat siang, Bapak/Ibu petugas.",
    "Dengan hormat.",
    "Saya warga {vil}, Kecamatan {kec}.",
    "Mohon maaf mengganggu waktunya.",
];
const PENGADUAN_CLOSERS: &[&str] = &[
    "Mohon segera ditindaklanjuti.",
    "Terima kasih atas perhatiannya.",
    "Atas perhatian Bapak/Ibu saya ucapkan terima kasih.",
    "Saya menunggu tindak lanjut dari DPMPTSP.",
    "Saya bersedia dihubungi jika diperlukan keterangan tambahan.",
];
const KONSULTASI_CLOSERS: &[&str] = &[
    "Terima kasih.",
    "Mohon penjelasannya.",
    "Atas bantuannya saya ucapkan terima kasih.",
    "Mohon dibalas melalui nomor telepon yang saya cantumkan.",
];
const ASPIRASI_CLOSERS: &[&str] = &[
    "Semoga usulan ini bisa dipertimbangkan.",
    "Terima kasih.",
    "Semoga pelayanan DPMPTSP semakin baik.",
    "Salam hormat dari kami warga Kecamatan {kec}.",
];

const MAX_SUBJECT: usize = 90;

fn templates(kind: Kind) -> &'static [Template] {
    match kind {
        Kind::Pengaduan => PENGADUAN,
        Kind::Konsultasi => KONSULTASI,
        Kind::Aspirasi => ASPIRASI,
    }
}

/// Picks a template fitting the licence type: templates made for the type are
/// three times as likely as general ones.
fn template_index<R: Rng + ?Sized>(rng: &mut R, kind: Kind, licence: usize) -> usize {
    let tpls = templates(kind);
    let want = 1u16 << licence.min(15);
    for _ in 0..256 {
        let i = rng.random_range(0..tpls.len());
        let mask = tpls[i].mask;
        if mask == ALL {
            if rng.random_range(0..3u32) == 0 {
                return i;
            }
        } else if mask & want != 0 {
            return i;
        }
    }
    // Practically unreachable: every table has general templates.
    tpls.iter().position(|t| t.mask == ALL).unwrap_or(0)
}

/// Values substituted into a template.
struct Ctx<'a> {
    licence: usize,
    biz: &'a str,
    place: &'a Place,
    days: u32,
    weeks: u32,
    amount: u64,
    month: &'static str,
    weekday: &'static str,
}

/// Appends `tpl` to `out` with its placeholders replaced.
fn render(out: &mut String, tpl: &str, ctx: &Ctx) {
    let mut rest = tpl;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        match &after[..close] {
            "lic" => out.push_str(LICENCE_TYPES[ctx.licence].1),
            "short" => out.push_str(LICENCE_SHORT[ctx.licence]),
            "biz" => out.push_str(ctx.biz),
            "vil" => {
                out.push_str(ctx.place.village_kind());
                out.push(' ');
                out.push_str(ctx.place.village);
            }
            "kec" => out.push_str(ctx.place.district),
            "days" => out.push_str(&ctx.days.to_string()),
            "weeks" => out.push_str(&ctx.weeks.to_string()),
            "amt" => push_rupiah(out, ctx.amount),
            "month" => out.push_str(ctx.month),
            "weekday" => out.push_str(ctx.weekday),
            other => {
                debug_assert!(false, "unknown placeholder {other}");
                out.push_str(other);
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

/// Cuts `s` to at most `max` bytes at a word boundary (all data is ASCII,
/// but the cut stays on a char boundary regardless).
fn truncate_words(s: &mut String, max: usize) {
    if s.len() <= max {
        return;
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(space) = s[..cut].rfind(' ') {
        cut = space;
    }
    s.truncate(cut);
    while s.ends_with([',', ' ', '.']) {
        s.pop();
    }
}

/// Subject (short, like a letter's "perihal") and description (2–5 sentences
/// as a citizen writes it) for the kind and licence type, mentioning the
/// business and place where it fits.
pub fn subject_and_description<R: Rng + ?Sized>(
    rng: &mut R,
    kind: Kind,
    licence: usize,
    business: &str,
    place: &Place,
) -> (String, String) {
    let licence = licence.min(LICENCE_TYPES.len() - 1);
    let tpl = &templates(kind)[template_index(rng, kind, licence)];
    let ctx = Ctx {
        licence,
        biz: business,
        place,
        days: rng.random_range(15..=75u32),
        weeks: rng.random_range(2..=8u32),
        amount: u64::from(rng.random_range(4..=60u32)) * 50_000,
        month: pick(rng, &MONTHS),
        weekday: pick(rng, &WEEKDAYS),
    };

    let mut subject = String::with_capacity(80);
    render(&mut subject, tpl.subject, &ctx);
    truncate_words(&mut subject, MAX_SUBJECT);

    let closers = match kind {
        Kind::Pengaduan => PENGADUAN_CLOSERS,
        Kind::Konsultasi => KONSULTASI_CLOSERS,
        Kind::Aspirasi => ASPIRASI_CLOSERS,
    };
    // A body ending in a question always gets a closing sentence; the total
    // stays within five sentences.
    let must_close = tpl.body.ends_with('?');
    let mut budget = 5u8.saturating_sub(tpl.sentences);
    if must_close {
        budget = budget.saturating_sub(1);
    }
    let opener = budget > 0 && rng.random_bool(0.35);
    if opener {
        budget -= 1;
    }
    let closer = must_close || (budget > 0 && rng.random_bool(0.45));

    let mut desc = String::with_capacity(tpl.body.len() + 160);
    if opener {
        render(&mut desc, pick(rng, OPENERS), &ctx);
        desc.push(' ');
    }
    render(&mut desc, tpl.body, &ctx);
    if closer {
        desc.push(' ');
        render(&mut desc, pick(rng, closers), &ctx);
    }
    (subject, desc)
}

// ---------------------------------------------------------------------------
// Staff notes
// ---------------------------------------------------------------------------

const SECTIONS: &[&str] = &[
    "Seksi Penanganan Pengaduan",
    "Bidang Pelayanan Terpadu",
    "Bidang Data, Informasi dan Pengaduan",
    "Bidang Pengendalian Pelaksanaan Penanaman Modal",
    "Tim Teknis Perizinan",
    "Petugas Pojok OSS",
];

const KBLI: &[(&str, &str)] = &[
    ("56102", "Rumah/Warung Makan"),
    ("56303", "Rumah Minum/Kafe"),
    ("47111", "Perdagangan Eceran Minimarket"),
    ("55130", "Pondok Wisata"),
    ("10710", "Industri Produk Roti dan Kue"),
    ("45201", "Reparasi Mobil"),
    ("47521", "Perdagangan Eceran Bahan Bangunan"),
    ("14111", "Industri Pakaian Jadi"),
    ("01461", "Peternakan Ayam Ras Pedaging"),
    ("03252", "Pembesaran Udang Air Payau"),
];

const RISK_LEVELS: &[&str] = &["rendah", "menengah rendah", "menengah tinggi", "tinggi"];

const DOCUMENTS: &[&str] = &[
    "fotokopi KTP pemohon",
    "NPWP",
    "bukti kepemilikan tanah",
    "gambar arsitektur",
    "perhitungan struktur",
    "surat pernyataan tidak keberatan dari tetangga",
    "akta pendirian badan usaha",
    "SK pengesahan Kemenkumham",
    "dokumen SPPL",
    "STR tenaga kesehatan",
    "rekomendasi organisasi profesi",
    "denah lokasi",
    "bukti pelunasan PBB tahun berjalan",
    "surat kuasa bermeterai",
    "foto lokasi usaha",
    "rekomendasi dinas teknis",
    "identitas diri pelapor (KTP)",
];

const STATUSES: &[&str] = &[
    "menunggu verifikasi teknis",
    "menunggu pembayaran retribusi",
    "dikembalikan untuk perbaikan berkas",
    "menunggu jadwal peninjauan lapangan",
    "dalam proses penandatanganan",
];

/// A random year in the demo's active period.
fn note_year<R: Rng + ?Sized>(rng: &mut R) -> i32 {
    rng.random_range(2025..=2026)
}

/// Short texts the staff write at SOP steps. `topic`: 0 disposition note,
/// 1 licence check result, 2 field/investigation finding, 3 reply letter
/// summary, 4 note on missing documents (other values wrap around).
pub fn step_note<R: Rng + ?Sized>(rng: &mut R, topic: u8) -> String {
    match topic % 5 {
        0 => disposition_note(rng),
        1 => licence_check_note(rng),
        2 => field_note(rng),
        3 => reply_note(rng),
        _ => missing_documents_note(rng),
    }
}

fn disposition_note<R: Rng + ?Sized>(rng: &mut R) -> String {
    match rng.random_range(0..9u32) {
        0 => format!(
            "Pelajari dan tindak lanjuti, laporkan hasilnya paling lambat {} hari kerja.",
            rng.random_range(2..=7u32)
        ),
        1 => format!(
            "Koordinasikan dengan {} terkait status {}; hubungi pelapor.",
            pick(rng, SECTIONS),
            LICENCE_SHORT[licence_type(rng)]
        ),
        2 => format!(
            "Bukan kewenangan DPMPTSP, siapkan surat penerusan ke {} dengan tembusan kepada pelapor.",
            pick(rng, OPDS)
        ),
        3 => "Agendakan peninjauan lapangan bersama tim teknis minggu ini.".to_string(),
        4 => "Segera hubungi pelapor untuk klarifikasi identitas dan kronologi.".to_string(),
        5 => "Siapkan konsep surat jawaban, ajukan untuk paraf.".to_string(),
        6 => "Untuk diketahui, pantau penyelesaiannya sesuai SOP dan tenggat 14 hari kerja."
            .to_string(),
        7 => format!(
            "Cek data perizinan {} di OSS dan arsip, lalu laporkan.",
            LICENCE_SHORT[licence_type(rng)]
        ),
        _ => "Fasilitasi pertemuan pelapor dan terlapor, buat BAP.".to_string(),
    }
}

fn licence_check_note<R: Rng + ?Sized>(rng: &mut R) -> String {
    let lic = licence_type(rng);
    let (code, label) = LICENCE_TYPES[lic];
    let biz = business_name(rng, lic);
    let mut nib = String::with_capacity(13);
    push_nib(rng, &mut nib);
    let year = note_year(rng);
    match rng.random_range(0..7u32) {
        0 => format!(
            "NIB {nib} terdaftar atas nama {biz}, izin {code} berlaku s.d. {}.",
            date_text(rng, 2026..=2031)
        ),
        1 => {
            let (kbli, kbli_label) = pick(rng, KBLI);
            format!(
                "NIB {nib} terdaftar, KBLI {kbli} ({kbli_label}), tingkat risiko {}; {} sudah terverifikasi.",
                pick(rng, RISK_LEVELS),
                LICENCE_SHORT[LIC_SS]
            )
        }
        2 => format!(
            "Permohonan {label} atas nama {biz} tercatat tanggal {}, status: {}.",
            date_text(rng, 2025..=2026),
            pick(rng, STATUSES)
        ),
        3 => format!(
            "{label} nomor {} atas nama {biz} terbit tahun {year}, masih berlaku.",
            licence_number(rng, lic, year)
        ),
        4 => format!("Tidak ditemukan data {label} atas nama {biz} di OSS maupun arsip DPMPTSP."),
        5 => format!(
            "{label} nomor {} sudah habis masa berlakunya pada {} dan belum diperpanjang.",
            licence_number(rng, lic, year - 5),
            date_text(rng, 2024..=2025)
        ),
        _ => format!(
            "NIB {nib} terdaftar, namun {label} masih menunggu rekomendasi teknis dari {}.",
            pick(rng, OPDS)
        ),
    }
}

fn field_note<R: Rng + ?Sized>(rng: &mut R) -> String {
    let p = place(rng);
    let vil = p.village;
    let kind = p.village_kind();
    match rng.random_range(0..8u32) {
        0 => format!(
            "Hasil peninjauan tanggal {}: bangunan {} di {kind} {vil} sudah berdiri {} lantai, dokumen PBG belum ada. Pemilik diminta menghentikan sementara pekerjaan.",
            date_text(rng, 2025..=2026),
            business_name(rng, LIC_PBG),
            rng.random_range(1..=3u32)
        ),
        1 => format!(
            "Tim bersama {} meninjau {}; saluran limbah mengarah ke sungai dan dokumen lingkungan belum ada. Direkomendasikan pembinaan dan penyusunan SPPL/UKL-UPL.",
            pick(rng, OPDS),
            business_name(rng, LIC_PL)
        ),
        2 => format!(
            "Lokasi usaha di {kind} {vil}, Kec. {} sesuai alamat pada izin; kegiatan sesuai KBLI terdaftar, tidak ditemukan pelanggaran.",
            p.district
        ),
        3 => format!(
            "Pelapor dan terlapor dipertemukan di kantor {} {vil}; disepakati pemilik memperbaiki talang dan saluran air dalam {} hari.",
            if p.is_kelurahan() {
                "kelurahan"
            } else {
                "desa"
            },
            rng.random_range(3..=14u32)
        ),
        4 => format!(
            "Reklame {} di {kind} {vil} terpasang tanpa stiker izin; sudah dikoordinasikan dengan Satuan Polisi Pamong Praja untuk penertiban.",
            business_name(rng, LIC_REKLAME)
        ),
        5 => format!(
            "Saat peninjauan ke {kind} {vil} usaha tidak beroperasi dan pemilik tidak di tempat; peninjauan dijadwalkan ulang hari {}.",
            pick(rng, &WEEKDAYS)
        ),
        6 => format!(
            "Pengukuran kebisingan di batas permukiman {kind} {vil} pada malam hari {} dB(A), melebihi baku mutu kawasan permukiman 55 dB(A).",
            rng.random_range(62..=85u32)
        ),
        _ => format!(
            "BAP peninjauan {}: izin usaha lengkap, keluhan warga soal parkir di bahu jalan diteruskan ke Dinas Perhubungan.",
            business_name(rng, LIC_IUTS)
        ),
    }
}

fn reply_note<R: Rng + ?Sized>(rng: &mut R) -> String {
    let lic = licence_type(rng);
    let short = LICENCE_SHORT[lic];
    match rng.random_range(0..8u32) {
        0 => format!(
            "Dijelaskan kepada pelapor bahwa permohonan {short} masih dalam verifikasi teknis dan diperkirakan selesai dalam {} hari kerja.",
            rng.random_range(3..=14u32)
        ),
        1 => format!(
            "Disampaikan bahwa pengurusan {short} tidak dipungut biaya di luar retribusi resmi; oknum yang dilaporkan sedang diperiksa Inspektorat."
        ),
        2 => format!(
            "Izin {} telah terbit sesuai ketentuan; keberatan pelapor dibahas dalam rapat tim teknis.",
            business_name(rng, lic)
        ),
        3 => "Pelapor diarahkan memperbaiki data melalui OSS; petugas Pojok OSS siap mendampingi pada jam layanan.".to_string(),
        4 => format!(
            "Aduan diteruskan kepada {} sesuai kewenangan; pelapor diberi tahu melalui surat nomor 500/{:03}/431.304/{}.",
            pick(rng, OPDS),
            rng.random_range(1..=999u32),
            note_year(rng)
        ),
        5 => format!(
            "Terima kasih atas masukannya; usulan menjadi bahan evaluasi standar pelayanan tahun {}.",
            note_year(rng) + 1
        ),
        6 => format!(
            "Permohonan {short} sudah selesai diproses; dokumen dapat diunduh melalui OSS atau diambil di loket."
        ),
        _ => format!(
            "Hasil fasilitasi tanggal {} disampaikan kepada pelapor; kedua pihak sepakat dan aduan dinyatakan selesai.",
            date_text(rng, 2025..=2026)
        ),
    }
}

fn missing_documents_note<R: Rng + ?Sized>(rng: &mut R) -> String {
    let doc = pick(rng, DOCUMENTS);
    match rng.random_range(0..7u32) {
        0 => {
            let mut other = pick(rng, DOCUMENTS);
            if other == doc {
                other = "foto lokasi usaha";
            }
            if other == doc {
                other = "denah lokasi";
            }
            format!("Berkas belum lengkap: {doc} dan {other}.")
        }
        1 => format!("Pemohon diminta melengkapi {doc}; berkas dikembalikan untuk diperbaiki."),
        2 => format!("Unggahan {doc} buram dan tidak terbaca, mohon diunggah ulang."),
        3 => format!(
            "{} sudah kedaluwarsa, mohon dilampirkan yang masih berlaku.",
            capitalize_first(doc)
        ),
        4 => format!(
            "Belum ada {doc}; permohonan {} ditangguhkan sampai dokumen dilengkapi.",
            LICENCE_SHORT[licence_type(rng)]
        ),
        5 => format!("Tanda tangan pada {doc} tidak sama dengan KTP pemohon, mohon diperbaiki."),
        _ => format!(
            "Aduan belum dapat diproses karena pelapor belum melampirkan {doc}; batas melengkapi {} hari kerja.",
            rng.random_range(3..=10u32)
        ),
    }
}

/// The string with its first letter in upper case.
fn capitalize_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------
// Other agencies
// ---------------------------------------------------------------------------

/// The OPDs of Kabupaten Situbondo a complaint is forwarded to when it is
/// not the DPMPTSP's authority.
pub const OPDS: &[&str] = &[
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Lingkungan Hidup",
    "Satuan Polisi Pamong Praja",
    "Dinas Perhubungan",
    "Dinas Kesehatan",
    "Dinas Koperasi, Usaha Mikro dan Perdagangan",
    "Dinas Pariwisata, Kepemudaan dan Olahraga",
    "Badan Pendapatan Daerah",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Tenaga Kerja, Transmigrasi dan Perindustrian",
    "Dinas Perikanan",
    "Dinas Komunikasi, Informatika dan Persandian",
];

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn rng(seed: u64) -> ChaCha8Rng {
        ChaCha8Rng::seed_from_u64(seed)
    }

    /// One full record, as the generator would draw it.
    fn record(r: &mut ChaCha8Rng) -> Vec<String> {
        let sex = if r.random_bool(0.5) {
            Sex::Male
        } else {
            Sex::Female
        };
        let name = person_name(r, sex);
        let email = email_for(r, &name);
        let p = place(r);
        let addr = address(r, &p);
        let phone = mobile_phone(r);
        let lic = licence_type(r);
        let biz = business_name(r, lic);
        let no = licence_number(r, lic, 2025);
        let kind = [Kind::Pengaduan, Kind::Konsultasi, Kind::Aspirasi][r.random_range(0..3)];
        let (s, d) = subject_and_description(r, kind, lic, &biz, &p);
        let notes: Vec<String> = (0..5).map(|t| step_note(r, t)).collect();
        let mut v = vec![
            name,
            email,
            p.region6.to_string(),
            addr,
            phone,
            biz,
            no,
            s,
            d,
        ];
        v.extend(notes);
        v
    }

    #[test]
    fn deterministic_for_a_seed() {
        let mut a = rng(42);
        let mut b = rng(42);
        for _ in 0..500 {
            assert_eq!(record(&mut a), record(&mut b));
        }
        let mut c = rng(43);
        let mut a = rng(42);
        let differ = (0..20).any(|_| record(&mut a) != record(&mut c));
        assert!(differ);
    }

    #[test]
    fn districts_are_complete_and_coded() {
        assert_eq!(DISTRICTS.len(), 17);
        for (i, d) in DISTRICTS.iter().enumerate() {
            assert_eq!(d.code, format!("3512{:02}", i + 1));
            assert!((3..=6).contains(&d.villages.len()), "{}", d.name);
        }
        for &(d, v) in &KELURAHAN {
            let district = DISTRICTS.iter().find(|x| x.name == d).unwrap();
            assert!(district.villages.contains(&v));
        }
        let mut r = rng(1);
        for _ in 0..10_000 {
            let p = place(&mut r);
            assert_eq!(p.region6.len(), 6);
            assert!(p.region6.starts_with("3512"));
            assert!(p.region6.bytes().all(|b| b.is_ascii_digit()));
            let d = DISTRICTS.iter().find(|d| d.code == p.region6).unwrap();
            assert_eq!(d.name, p.district);
            assert!(d.villages.contains(&p.village));
        }
    }

    #[test]
    fn addresses_look_right() {
        let mut r = rng(2);
        for _ in 0..5_000 {
            let p = place(&mut r);
            let a = address(&mut r, &p);
            assert!(a.starts_with("Jl. ") || a.starts_with("Dusun "), "{a}");
            assert!(a.contains(", RT 00"), "{a}");
            assert!(a.ends_with(REGENCY), "{a}");
            assert!(a.contains(&format!("{} {}", p.village_abbrev(), p.village)));
            assert!(a.contains(&format!("Kec. {}", p.district)));
        }
        let kel = Place {
            region6: "351210",
            district: "Situbondo",
            village: "Patokan",
        };
        assert!(kel.is_kelurahan());
        assert!(address(&mut r, &kel).contains("Kel. Patokan"));
        let desa = Place {
            region6: "351205",
            district: "Suboh",
            village: "Dawuhan",
        };
        assert!(!desa.is_kelurahan());
    }

    #[test]
    fn phones_have_operator_prefix_and_length() {
        let mut r = rng(3);
        let mut lengths = [0u32; 14];
        for _ in 0..10_000 {
            let ph = mobile_phone(&mut r);
            let digits: String = ph.chars().filter(|c| *c != '-').collect();
            assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{ph}");
            assert!((10..=13).contains(&digits.len()), "{ph}");
            assert!(
                PHONE_PREFIXES.iter().any(|(p, _)| digits.starts_with(p)),
                "{ph}"
            );
            assert_eq!(&ph[4..5], "-", "{ph}");
            assert_eq!(ph.matches('-').count(), 2, "{ph}");
            lengths[digits.len()] += 1;
        }
        assert!(lengths[10..].iter().all(|&n| n > 0), "{lengths:?}");
    }

    #[test]
    fn names_and_emails() {
        let mut r = rng(4);
        let mut titled = 0;
        for i in 0..20_000 {
            let sex = if i % 2 == 0 { Sex::Male } else { Sex::Female };
            let name = person_name(&mut r, sex);
            assert!(!name.is_empty());
            assert!(!name.contains("  "), "{name}");
            assert_eq!(name.trim(), name);
            if sex == Sex::Male {
                assert!(
                    !name.starts_with("Hj.") && !name.starts_with("Dra."),
                    "{name}"
                );
            } else {
                assert!(
                    !name.starts_with("H. ") && !name.starts_with("Drs."),
                    "{name}"
                );
            }
            if name.contains(',') || name.starts_with("H. ") || name.starts_with("Hj. ") {
                titled += 1;
            }
            let email = email_for(&mut r, &name);
            assert!(email.is_ascii(), "{email}");
            assert_eq!(email, email.to_lowercase(), "{email}");
            assert_eq!(email.matches('@').count(), 1, "{email}");
            let (local, domain) = email.split_once('@').unwrap();
            assert!(!local.is_empty() && domain.contains('.'), "{email}");
            assert!(
                local.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'.'
                    || b == b'_'),
                "{email}"
            );
            assert!(!local.starts_with('.') && !local.ends_with('.'), "{email}");
        }
        assert!(titled > 500, "titles too rare: {titled}");
        assert!(email_for(&mut r, "H. Moh. Syafi'i, S.Pd.").contains("syafii"));
        assert!(email_for(&mut r, "").starts_with("warga"));
    }

    #[test]
    fn licences_businesses_and_numbers() {
        assert_eq!(LICENCE_TYPES.len(), LICENCE_SHORT.len());
        assert_eq!(LICENCE_TYPES.len(), LICENCE_WEIGHTS.len());
        assert_eq!(LICENCE_TYPES.len(), BIZ_PREFIXES.len());
        assert_eq!(
            LICENCE_WEIGHTS.iter().map(|&w| u32::from(w)).sum::<u32>(),
            100
        );
        let mut r = rng(5);
        for lic in 0..LICENCE_TYPES.len() {
            for _ in 0..300 {
                let b = business_name(&mut r, lic);
                assert!(b.len() >= 5 && b.len() <= 60, "{b}");
                assert!(!b.contains("  ") && !b.ends_with(' '), "{b}");
                assert!(!b.contains(". ") || b.starts_with("SPBU"), "{b}");
                let no = licence_number(&mut r, lic, 2026);
                assert!(!no.is_empty());
                match lic {
                    LIC_PBG => assert!(no.starts_with("PBG-351200-") && no.contains("2026")),
                    LIC_NIB => assert!(no.len() == 13 && no.bytes().all(|b| b.is_ascii_digit())),
                    LIC_SS => assert!(no.len() == 17 && no.bytes().all(|b| b.is_ascii_digit())),
                    _ if lic != LIC_SLF => assert!(no.ends_with("/431.304/2026"), "{no}"),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn templates_render_cleanly() {
        let p = Place {
            region6: "351212",
            district: "Panji",
            village: "Mimbaan",
        };
        for kind in [Kind::Pengaduan, Kind::Konsultasi, Kind::Aspirasi] {
            let tpls = templates(kind);
            assert!(tpls.len() >= 12);
            assert!(tpls.iter().filter(|t| t.mask == ALL).count() >= 4);
            for tpl in tpls {
                assert!((2..=4).contains(&tpl.sentences), "{}", tpl.body);
                assert!(
                    tpl.body.ends_with('.') || tpl.body.ends_with('?'),
                    "{}",
                    tpl.body
                );
                for lic in 0..LICENCE_TYPES.len() {
                    let ctx = Ctx {
                        licence: lic,
                        biz: "Depot Air Minum Isi Ulang Tiga Saudara Jaya Abadi",
                        place: &p,
                        days: 75,
                        weeks: 8,
                        amount: 3_000_000,
                        month: "September",
                        weekday: "Selasa",
                    };
                    let mut s = String::new();
                    render(&mut s, tpl.subject, &ctx);
                    assert!(!s.contains('{') && !s.contains('}'), "{s}");
                    let mut d = String::new();
                    render(&mut d, tpl.body, &ctx);
                    assert!(!d.contains('{') && !d.contains('}'), "{d}");
                }
            }
            for lic in 0..LICENCE_TYPES.len() {
                assert!(
                    tpls.iter()
                        .any(|t| t.mask != ALL && t.mask & (1 << lic) != 0)
                        || kind != Kind::Pengaduan,
                    "no specific complaint template for licence {lic}"
                );
            }
        }
        let mut s = String::new();
        push_rupiah(&mut s, 1_500_000);
        assert_eq!(s, "Rp1.500.000");
        s.clear();
        push_rupiah(&mut s, 750_000);
        assert_eq!(s, "Rp750.000");
    }

    #[test]
    fn subjects_and_descriptions() {
        let mut r = rng(6);
        for i in 0..30_000 {
            let kind = [Kind::Pengaduan, Kind::Konsultasi, Kind::Aspirasi][i % 3];
            let lic = licence_type(&mut r);
            let biz = business_name(&mut r, lic);
            let p = place(&mut r);
            let (s, d) = subject_and_description(&mut r, kind, lic, &biz, &p);
            assert!(!s.is_empty() && s.len() <= 100, "{s}");
            assert!(!s.contains('{') && !d.contains('{'));
            assert!(d.ends_with('.'), "{d}");
            let n = count_sentences(&d);
            assert!((2..=5).contains(&n), "{n} sentences: {d}");
        }
    }

    #[test]
    fn distribution_uses_every_licence_and_template() {
        let mut r = rng(7);
        let mut lic_seen = [0u32; 14];
        for _ in 0..10_000 {
            lic_seen[licence_type(&mut r)] += 1;
        }
        assert!(lic_seen.iter().all(|&n| n > 0), "{lic_seen:?}");
        assert!(lic_seen[LIC_PBG] > lic_seen[LIC_TRAYEK] * 4);
        assert!(lic_seen[LIC_NIB] > lic_seen[LIC_APOTEK] * 3);
        for kind in [Kind::Pengaduan, Kind::Konsultasi, Kind::Aspirasi] {
            let mut seen = vec![0u32; templates(kind).len()];
            for _ in 0..10_000 {
                let lic = licence_type(&mut r);
                let i = template_index(&mut r, kind, lic);
                assert!(templates(kind)[i].mask & (1 << lic) != 0);
                seen[i] += 1;
            }
            assert!(seen.iter().all(|&n| n > 0), "{kind:?}: {seen:?}");
        }
    }

    #[test]
    fn step_notes() {
        let mut r = rng(8);
        for topic in 0..5u8 {
            let mut distinct = std::collections::HashSet::new();
            for _ in 0..2_000 {
                let n = step_note(&mut r, topic);
                assert!(!n.is_empty() && n.len() < 300, "{n}");
                assert!(n.ends_with('.'), "{n}");
                assert!(!n.contains('{'), "{n}");
                // The leading words identify the variant.
                distinct.insert(n.split_whitespace().take(2).collect::<Vec<_>>().join(" "));
            }
            assert!(distinct.len() >= 6, "topic {topic}: {distinct:?}");
        }
    }

    #[test]
    fn opds_are_unique() {
        let set: std::collections::HashSet<_> = OPDS.iter().collect();
        assert_eq!(set.len(), OPDS.len());
        assert!(OPDS.len() >= 12);
    }

    /// Run with `cargo test --release -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn bench_one_million_records() {
        let mut r = rng(9);
        let start = std::time::Instant::now();
        let mut bytes = 0usize;
        for i in 0..1_000_000u32 {
            let sex = if i % 2 == 0 { Sex::Male } else { Sex::Female };
            let name = person_name(&mut r, sex);
            let p = place(&mut r);
            let addr = address(&mut r, &p);
            let phone = mobile_phone(&mut r);
            let lic = licence_type(&mut r);
            let biz = business_name(&mut r, lic);
            let kind = [Kind::Pengaduan, Kind::Konsultasi, Kind::Aspirasi][(i % 3) as usize];
            let (s, d) = subject_and_description(&mut r, kind, lic, &biz, &p);
            bytes += name.len() + addr.len() + phone.len() + biz.len() + s.len() + d.len();
        }
        let elapsed = start.elapsed();
        println!("1,000,000 records in {elapsed:?} ({bytes} bytes)");
        assert!(elapsed.as_secs() < 60);
    }
}
