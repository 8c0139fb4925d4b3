//! Validation and normalisation of the identifiers a complainant gives at the
//! desk: NIK (KTP number), phone/WhatsApp, e-mail and NIB (OSS business id).
//!
//! Errors are plain data so the caller can render them from its Indonesian
//! message catalog; nothing here produces user-facing text.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Sex {
    Male,
    Female,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Nik {
    /// 16 ASCII digits, separators removed.
    pub digits: String,
    pub province: u8,
    // chrono's own serde support is not enabled in the crate, so render ISO
    // "YYYY-MM-DD" by hand rather than pulling in a feature for one field.
    #[serde(serialize_with = "serialize_date")]
    pub birth_date: NaiveDate,
    pub sex: Sex,
}

impl Nik {
    /// The 4-digit serial within region, birth date and sex.
    pub fn serial(&self) -> &str {
        self.digits.get(12..).unwrap_or("")
    }
}

fn serialize_date<S: serde::Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NikError {
    Empty,
    NotDigits {
        ch: char,
    },
    /// Digits counted after stripping separators.
    Length {
        got: usize,
    },
    Province {
        code: String,
    },
    /// Regency or district code is 00.
    Region,
    /// Day field is neither 01..=31 nor 41..=71; `day` is the raw field.
    BirthDay {
        day: u32,
    },
    BirthMonth {
        month: u32,
    },
    /// The day does not exist in that month in either century, e.g. 31 Feb.
    /// `day` has the +40 for women already removed.
    BirthDateInvalid {
        day: u32,
        month: u32,
        year2: u32,
    },
    BirthInFuture,
    /// Serial 0000.
    Serial,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PhoneKind {
    Mobile,
    Landline,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phone {
    /// E.164 form, always "+62" followed by the national number without its 0.
    pub e164: String,
    pub kind: PhoneKind,
}

impl Phone {
    /// National digits with the trunk 0, e.g. "081234567890".
    pub fn national_digits(&self) -> String {
        let sub = self.e164.strip_prefix("+62").unwrap_or(&self.e164);
        let mut out = String::with_capacity(sub.len() + 1);
        out.push('0');
        out.push_str(sub);
        out
    }

    /// National display form, e.g. "0812-3456-7890" (groups of 4 for mobile)
    /// or "(031) 3930732".
    pub fn national(&self) -> String {
        let national = self.national_digits();
        match self.kind {
            PhoneKind::Mobile => group_mobile(&national),
            PhoneKind::Landline => {
                let area = 1 + area_code_len(&national[1..]);
                match (national.get(..area), national.get(area..)) {
                    (Some(code), Some(rest)) if !rest.is_empty() => format!("({code}) {rest}"),
                    _ => national,
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneError {
    Empty,
    BadChar {
        ch: char,
    },
    /// A "+" country code other than 62.
    NotIndonesian,
    /// The national number does not start with 0 and a non-zero digit.
    BadPrefix,
    /// Digits in national form (with the leading 0).
    MobileLength {
        got: usize,
    },
    /// Digits in national form (with the leading 0).
    LandlineLength {
        got: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    NoAt,
    ManyAt,
    EmptyLocal,
    /// Whitespace or a control character anywhere in the address.
    Space,
    BadDomain,
    TooLong,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NibError {
    NotDigits { ch: char },
    Length { got: usize },
}

/// Longest address SMTP can carry (RFC 5321 path limit minus the brackets).
const EMAIL_MAX: usize = 254;

/// Stack buffer for digits so the NIK hot path allocates only its result.
/// `len` keeps counting past capacity so length errors report what was typed.
struct Digits<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Digits<N> {
    fn new() -> Self {
        Self {
            buf: [0; N],
            len: 0,
        }
    }

    fn push(&mut self, digit: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = digit;
        }
        self.len += 1;
    }

    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len.min(N)]
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).expect("only ASCII digits are pushed")
    }
}

fn two_digits(b: &[u8], at: usize) -> u32 {
    u32::from(b[at] - b'0') * 10 + u32::from(b[at + 1] - b'0')
}

fn is_province(code: u8) -> bool {
    matches!(
        code,
        11..=19 | 21 | 31..=36 | 51..=53 | 61..=65 | 71..=76 | 81..=82 | 91..=97
    )
}

/// Parses a NIK as typed on a form; `today` decides the birth century and
/// rejects future births.
pub fn parse_nik(input: &str, today: NaiveDate) -> Result<Nik, NikError> {
    let mut digits = Digits::<16>::new();
    for ch in input.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch as u8);
        } else if !(ch.is_whitespace() || ch == '.' || ch == '-') {
            return Err(NikError::NotDigits { ch });
        }
    }
    match digits.len {
        0 => return Err(NikError::Empty),
        16 => {}
        got => return Err(NikError::Length { got }),
    }
    let b = digits.as_bytes();

    let province = two_digits(b, 0) as u8;
    if !is_province(province) {
        return Err(NikError::Province {
            code: digits.as_str()[..2].to_owned(),
        });
    }
    if two_digits(b, 2) == 0 || two_digits(b, 4) == 0 {
        return Err(NikError::Region);
    }

    let raw_day = two_digits(b, 6);
    let (day, sex) = match raw_day {
        1..=31 => (raw_day, Sex::Male),
        41..=71 => (raw_day - 40, Sex::Female),
        _ => return Err(NikError::BirthDay { day: raw_day }),
    };
    let month = two_digits(b, 8);
    if !(1..=12).contains(&month) {
        return Err(NikError::BirthMonth { month });
    }
    let birth_date = resolve_birth_date(day, month, two_digits(b, 10), today)?;

    if &b[12..16] == b"0000" {
        return Err(NikError::Serial);
    }
    Ok(Nik {
        digits: digits.as_str().to_owned(),
        province,
        birth_date,
        sex,
    })
}

fn resolve_birth_date(
    day: u32,
    month: u32,
    year2: u32,
    today: NaiveDate,
) -> Result<NaiveDate, NikError> {
    let recent_year = 2000 + year2 as i32;
    let recent = NaiveDate::from_ymd_opt(recent_year, month, day);
    let older = NaiveDate::from_ymd_opt(recent_year - 100, month, day);
    let chosen = if recent_year <= today.year() {
        recent
    } else {
        older
    };
    match chosen {
        Some(date) if date <= today => Ok(date),
        Some(_) => Err(NikError::BirthInFuture),
        // Only 29 Feb of year 00 gets here: it exists in 2000 alone, and 2000
        // was passed over because it lies after today's year.
        None if recent.is_some() || older.is_some() => Err(NikError::BirthInFuture),
        None => Err(NikError::BirthDateInvalid { day, month, year2 }),
    }
}

/// Province + regency + district of a parsed NIK, e.g. "351207".
pub fn nik_region(nik: &Nik) -> &str {
    nik.digits.get(..6).unwrap_or(&nik.digits)
}

/// Synthetic valid NIK for demo data: region code (e.g. "351207" for a
/// district of Kabupaten Situbondo), birth date, sex, serial 1..=9999.
///
/// The result parses back only if the region is real and `birth` lies within
/// the century window `parse_nik` applies for the chosen "today".
///
/// # Panics
/// If `region6` is not six ASCII digits or `serial` is outside 1..=9999:
/// both are programming errors in the generator, not user input.
pub fn make_nik(region6: &str, birth: NaiveDate, sex: Sex, serial: u16) -> String {
    assert!(
        region6.len() == 6 && region6.bytes().all(|b| b.is_ascii_digit()),
        "region6 must be six ASCII digits"
    );
    assert!((1..=9999).contains(&serial), "serial must be in 1..=9999");
    let day = birth.day()
        + match sex {
            Sex::Male => 0,
            Sex::Female => 40,
        };
    let mut out = String::with_capacity(16);
    out.push_str(region6);
    push_padded(&mut out, day, 2);
    push_padded(&mut out, birth.month(), 2);
    push_padded(&mut out, birth.year().rem_euclid(100) as u32, 2);
    push_padded(&mut out, u32::from(serial), 4);
    out
}

/// Zero-padded decimal without going through `fmt`, which the million-record
/// generator would otherwise pay for on every field.
fn push_padded(out: &mut String, value: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = (value / 10u32.pow(place)) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// Parses an Indonesian phone or WhatsApp number in any common written form.
pub fn parse_phone(input: &str) -> Result<Phone, PhoneError> {
    let mut digits = Digits::<16>::new();
    let mut plus = false;
    for ch in input.chars() {
        match ch {
            '0'..='9' => digits.push(ch as u8),
            '+' if digits.len == 0 && !plus => plus = true,
            '-' | '.' | '(' | ')' => {}
            c if c.is_whitespace() => {}
            c => return Err(PhoneError::BadChar { ch: c }),
        }
    }
    if digits.len == 0 {
        return Err(PhoneError::Empty);
    }
    let all = digits.as_bytes();
    // No national number starts with 6, so a bare "62" can only be the
    // country code typed without its "+".
    let skip = if all.starts_with(b"62") {
        2
    } else if plus {
        return Err(PhoneError::NotIndonesian);
    } else if all.starts_with(b"0") {
        1
    } else {
        return Err(PhoneError::BadPrefix);
    };
    let subscriber = &all[skip..];
    let national_len = digits.len - skip + 1;
    let kind = match subscriber.first() {
        Some(b'8') => PhoneKind::Mobile,
        Some(b'1'..=b'9') => PhoneKind::Landline,
        _ => return Err(PhoneError::BadPrefix),
    };
    match kind {
        PhoneKind::Mobile if !(10..=13).contains(&national_len) => {
            return Err(PhoneError::MobileLength { got: national_len });
        }
        PhoneKind::Landline if !(9..=11).contains(&national_len) => {
            return Err(PhoneError::LandlineLength { got: national_len });
        }
        _ => {}
    }
    let mut e164 = String::with_capacity(3 + subscriber.len());
    e164.push_str("+62");
    e164.extend(subscriber.iter().map(|&b| char::from(b)));
    Ok(Phone { e164, kind })
}

/// Length of the area code (without the trunk 0) at the start of a landline
/// subscriber string. Only the big metro areas have two-digit codes.
fn area_code_len(subscriber: &str) -> usize {
    const TWO_DIGIT: [&str; 5] = ["21", "22", "24", "31", "61"];
    if TWO_DIGIT.iter().any(|code| subscriber.starts_with(code)) {
        2
    } else {
        3
    }
}

/// Groups of four from the left; a lone trailing digit joins the previous
/// group so 13-digit numbers read "0812-3456-78901", not "...-7890-1".
fn group_mobile(national: &str) -> String {
    let mut out = String::with_capacity(national.len() + 3);
    let mut rest = national;
    while !rest.is_empty() {
        let take = if rest.len() == 5 {
            5
        } else {
            rest.len().min(4)
        };
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&rest[..take]);
        rest = &rest[take..];
    }
    out
}

/// Checks an e-mail address and returns it trimmed with the domain
/// lower-cased. The local part keeps its case: servers may treat it as
/// case-sensitive.
pub fn parse_email(input: &str) -> Result<String, EmailError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(EmailError::Empty);
    }
    if s.len() > EMAIL_MAX {
        return Err(EmailError::TooLong);
    }
    let Some((local, domain)) = s.split_once('@') else {
        return Err(EmailError::NoAt);
    };
    if domain.contains('@') {
        return Err(EmailError::ManyAt);
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(EmailError::Space);
    }
    if local.is_empty() {
        return Err(EmailError::EmptyLocal);
    }
    if !is_valid_domain(domain) {
        return Err(EmailError::BadDomain);
    }
    let mut out = String::with_capacity(s.len());
    out.push_str(local);
    out.push('@');
    out.push_str(&domain.to_ascii_lowercase());
    Ok(out)
}

fn is_valid_domain(domain: &str) -> bool {
    let mut labels = 0;
    let mut last = "";
    for label in domain.split('.') {
        let ok = !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !ok {
            return false;
        }
        labels += 1;
        last = label;
    }
    labels >= 2 && last.len() >= 2 && last.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Parses an OSS NIB: 13 digits, spaces allowed between them.
pub fn parse_nib(input: &str) -> Result<String, NibError> {
    let mut digits = Digits::<13>::new();
    for ch in input.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch as u8);
        } else if !ch.is_whitespace() {
            return Err(NibError::NotDigits { ch });
        }
    }
    if digits.len != 13 {
        return Err(NibError::Length { got: digits.len });
    }
    Ok(digits.as_str().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(2025, 6, 30)
    }

    fn nik_err(input: &str) -> NikError {
        parse_nik(input, today()).unwrap_err()
    }

    // 35 Jawa Timur, 12 Kab. Situbondo, 07 district; 17-08-1985, serial 0003.
    const MALE: &str = "3512071708850003";
    // Day 57 = 17 + 40: a woman born 17-08-1990.
    const FEMALE: &str = "3512075708900001";

    #[test]
    fn male_nik_decodes() {
        let nik = parse_nik(MALE, today()).unwrap();
        assert_eq!(nik.digits, MALE);
        assert_eq!(nik.province, 35);
        assert_eq!(nik.birth_date, date(1985, 8, 17));
        assert_eq!(nik.sex, Sex::Male);
        assert_eq!(nik_region(&nik), "351207");
        assert_eq!(nik.serial(), "0003");
    }

    #[test]
    fn female_nik_subtracts_forty_from_day() {
        let nik = parse_nik(FEMALE, today()).unwrap();
        assert_eq!(nik.birth_date, date(1990, 8, 17));
        assert_eq!(nik.sex, Sex::Female);
        // Day 71 is 31 for women; 41 is the 1st.
        let nik = parse_nik("3174017101000001", today()).unwrap();
        assert_eq!(nik.birth_date, date(2000, 1, 31));
        assert_eq!(nik.sex, Sex::Female);
        let nik = parse_nik("3174014112990001", today()).unwrap();
        assert_eq!(nik.birth_date, date(1999, 12, 1));
    }

    #[test]
    fn century_follows_today() {
        // 25 is not after 2025, so 2025; 26 is, so 1926.
        let nik = parse_nik("3512070101250001", today()).unwrap();
        assert_eq!(nik.birth_date, date(2025, 1, 1));
        let nik = parse_nik("3512070101260001", today()).unwrap();
        assert_eq!(nik.birth_date, date(1926, 1, 1));
        // Same year but a later day is a future birth, not 1925.
        assert_eq!(nik_err("3512070107250001"), NikError::BirthInFuture);
        // Born today is fine.
        let nik = parse_nik("3512073006250001", today()).unwrap();
        assert_eq!(nik.birth_date, today());
    }

    #[test]
    fn feb_29_of_year_00_only_exists_in_2000() {
        let nik = parse_nik("3512072902000001", today()).unwrap();
        assert_eq!(nik.birth_date, date(2000, 2, 29));
        let nik = parse_nik("3512076902000001", today()).unwrap();
        assert_eq!((nik.birth_date, nik.sex), (date(2000, 2, 29), Sex::Female));
        // Before 2000 the century is 19, where 1900 has no 29 Feb; the only
        // real reading is in the future.
        assert_eq!(
            parse_nik("3512072902000001", date(1999, 12, 31)).unwrap_err(),
            NikError::BirthInFuture
        );
        // 2001 and 1901 are both common years.
        assert_eq!(
            nik_err("3512072902010001"),
            NikError::BirthDateInvalid {
                day: 29,
                month: 2,
                year2: 1
            }
        );
        // Ordinary leap year in both centuries.
        let nik = parse_nik("3512072902960001", today()).unwrap();
        assert_eq!(nik.birth_date, date(1996, 2, 29));
    }

    #[test]
    fn nik_separators_are_stripped() {
        for input in [
            "3512 0717 0885 0003",
            "35.12.07.170885.0003",
            "35-12-07-170885-0003",
            "  35.12.07 170885-0003\t",
            "3512071708850003",
        ] {
            let nik = parse_nik(input, today()).unwrap();
            assert_eq!(nik.digits, MALE, "{input}");
        }
    }

    #[test]
    fn nik_errors() {
        assert_eq!(nik_err(""), NikError::Empty);
        assert_eq!(nik_err("  "), NikError::Empty);
        assert_eq!(nik_err(" - . "), NikError::Empty);
        assert_eq!(nik_err("35120717O8850003"), NikError::NotDigits { ch: 'O' });
        assert_eq!(nik_err("3512/07"), NikError::NotDigits { ch: '/' });
        assert_eq!(nik_err("351207170885000"), NikError::Length { got: 15 });
        assert_eq!(nik_err("35120717088500031"), NikError::Length { got: 17 });
        assert_eq!(
            nik_err("351207170885000312345"),
            NikError::Length { got: 21 }
        );
        for code in [
            "00", "10", "20", "22", "30", "37", "50", "54", "66", "77", "83", "90", "98",
        ] {
            let input = format!("{code}12071708850003");
            assert_eq!(nik_err(&input), NikError::Province { code: code.into() });
        }
        assert_eq!(nik_err("3500071708850003"), NikError::Region);
        assert_eq!(nik_err("3512001708850003"), NikError::Region);
        for day in [0, 32, 40, 72, 99] {
            let input = format!("351207{day:02}08850003");
            assert_eq!(nik_err(&input), NikError::BirthDay { day });
        }
        assert_eq!(
            nik_err("3512071700850003"),
            NikError::BirthMonth { month: 0 }
        );
        assert_eq!(
            nik_err("3512071713850003"),
            NikError::BirthMonth { month: 13 }
        );
        assert_eq!(
            nik_err("3512073102850003"),
            NikError::BirthDateInvalid {
                day: 31,
                month: 2,
                year2: 85
            }
        );
        assert_eq!(
            nik_err("3512077104850003"),
            NikError::BirthDateInvalid {
                day: 31,
                month: 4,
                year2: 85
            }
        );
        assert_eq!(nik_err("3512071708850000"), NikError::Serial);
    }

    #[test]
    fn every_listed_province_is_accepted() {
        let codes = (11..=19)
            .chain([21])
            .chain(31..=36)
            .chain(51..=53)
            .chain(61..=65)
            .chain(71..=76)
            .chain(81..=82)
            .chain(91..=97);
        let mut count = 0;
        for code in codes {
            let nik = parse_nik(&format!("{code}01011708850003"), today()).unwrap();
            assert_eq!(nik.province, code);
            count += 1;
        }
        assert_eq!(count, 39);
    }

    #[test]
    fn make_nik_builds_expected_digits() {
        assert_eq!(make_nik("351207", date(1985, 8, 17), Sex::Male, 3), MALE);
        assert_eq!(
            make_nik("351207", date(1990, 8, 17), Sex::Female, 1),
            FEMALE
        );
        assert_eq!(
            make_nik("317401", date(2000, 1, 31), Sex::Female, 9999),
            "3174017101009999"
        );
    }

    #[test]
    #[should_panic(expected = "serial")]
    fn make_nik_rejects_serial_zero() {
        make_nik("351207", date(1985, 8, 17), Sex::Male, 0);
    }

    #[test]
    fn nik_serialises_date_as_iso() {
        let nik = parse_nik(FEMALE, today()).unwrap();
        assert_eq!(
            serde_json::to_string(&nik).unwrap(),
            r#"{"digits":"3512075708900001","province":35,"birth_date":"1990-08-17","sex":"Female"}"#
        );
    }

    #[test]
    fn phone_forms_normalise() {
        let cases = [
            (
                "0812-3456-7890",
                "+6281234567890",
                PhoneKind::Mobile,
                "0812-3456-7890",
            ),
            (
                "0812 3456 789",
                "+628123456789",
                PhoneKind::Mobile,
                "0812-3456-789",
            ),
            (
                "+62 812 3456 7890",
                "+6281234567890",
                PhoneKind::Mobile,
                "0812-3456-7890",
            ),
            (
                "6281234567890",
                "+6281234567890",
                PhoneKind::Mobile,
                "0812-3456-7890",
            ),
            (
                "0812.3456.78",
                "+62812345678",
                PhoneKind::Mobile,
                "0812-3456-78",
            ),
            (
                "0812345678901",
                "+62812345678901",
                PhoneKind::Mobile,
                "0812-3456-78901",
            ),
            (
                "(031) 3930732",
                "+62313930732",
                PhoneKind::Landline,
                "(031) 3930732",
            ),
            (
                "031-3930733",
                "+62313930733",
                PhoneKind::Landline,
                "(031) 3930733",
            ),
            (
                "+6231 3930732",
                "+62313930732",
                PhoneKind::Landline,
                "(031) 3930732",
            ),
            (
                "(0338) 671234",
                "+62338671234",
                PhoneKind::Landline,
                "(0338) 671234",
            ),
            (
                "0274.512345",
                "+62274512345",
                PhoneKind::Landline,
                "(0274) 512345",
            ),
            (
                "021 5551234",
                "+62215551234",
                PhoneKind::Landline,
                "(021) 5551234",
            ),
        ];
        for (input, e164, kind, national) in cases {
            let phone = parse_phone(input).unwrap();
            assert_eq!(phone.e164, e164, "{input}");
            assert_eq!(phone.kind, kind, "{input}");
            assert_eq!(phone.national(), national, "{input}");
            assert_eq!(parse_phone(&phone.national()).unwrap(), phone, "{input}");
        }
        assert_eq!(
            parse_phone("0812-3456-7890").unwrap().national_digits(),
            "081234567890"
        );
    }

    #[test]
    fn phone_errors() {
        assert_eq!(parse_phone(""), Err(PhoneError::Empty));
        assert_eq!(parse_phone(" - () "), Err(PhoneError::Empty));
        assert_eq!(parse_phone("0812abc"), Err(PhoneError::BadChar { ch: 'a' }));
        assert_eq!(
            parse_phone("0812+3456"),
            Err(PhoneError::BadChar { ch: '+' })
        );
        assert_eq!(
            parse_phone("++6281234567890"),
            Err(PhoneError::BadChar { ch: '+' })
        );
        assert_eq!(
            parse_phone("+1 555 123 4567"),
            Err(PhoneError::NotIndonesian)
        );
        assert_eq!(parse_phone("+65 6123 4567"), Err(PhoneError::NotIndonesian));
        assert_eq!(parse_phone("81234567890"), Err(PhoneError::BadPrefix));
        assert_eq!(parse_phone("0012345678"), Err(PhoneError::BadPrefix));
        assert_eq!(
            parse_phone("+62 0812 3456 7890"),
            Err(PhoneError::BadPrefix)
        );
        assert_eq!(parse_phone("0"), Err(PhoneError::BadPrefix));
        assert_eq!(
            parse_phone("081234567"),
            Err(PhoneError::MobileLength { got: 9 })
        );
        assert_eq!(
            parse_phone("08123456789012"),
            Err(PhoneError::MobileLength { got: 14 })
        );
        assert_eq!(
            parse_phone("+62 812 3456 7890 1234 5678"),
            Err(PhoneError::MobileLength { got: 20 })
        );
        assert_eq!(
            parse_phone("02112345"),
            Err(PhoneError::LandlineLength { got: 8 })
        );
        assert_eq!(
            parse_phone("021123456789"),
            Err(PhoneError::LandlineLength { got: 12 })
        );
    }

    #[test]
    fn valid_emails_normalise() {
        assert_eq!(
            parse_email("Budi.Santoso@Example.CO.ID").unwrap(),
            "Budi.Santoso@example.co.id"
        );
        assert_eq!(
            parse_email("  user+tag@dpmptsp.situbondokab.go.id \n").unwrap(),
            "user+tag@dpmptsp.situbondokab.go.id"
        );
        assert_eq!(parse_email("a@b-c.id").unwrap(), "a@b-c.id");
        assert_eq!(parse_email("x1@1mail.com").unwrap(), "x1@1mail.com");
        let longest = format!("{}@x.id", "a".repeat(EMAIL_MAX - 5));
        assert_eq!(parse_email(&longest).unwrap(), longest);
    }

    #[test]
    fn invalid_emails() {
        assert_eq!(parse_email(""), Err(EmailError::Empty));
        assert_eq!(parse_email("   "), Err(EmailError::Empty));
        assert_eq!(parse_email("budi.example.com"), Err(EmailError::NoAt));
        assert_eq!(parse_email("a@b@c.id"), Err(EmailError::ManyAt));
        assert_eq!(parse_email("@example.com"), Err(EmailError::EmptyLocal));
        assert_eq!(parse_email("bu di@example.com"), Err(EmailError::Space));
        assert_eq!(parse_email("budi@exam ple.com"), Err(EmailError::Space));
        for bad in [
            "a@localhost",
            "a@",
            "a@.id",
            "a@x..id",
            "a@x.id.",
            "a@-x.id",
            "a@x-.id",
            "a@x_y.id",
            "a@x.i",
            "a@x.c0m",
            "a@x.123",
            "a@bücher.de",
        ] {
            assert_eq!(parse_email(bad), Err(EmailError::BadDomain), "{bad}");
        }
        let long = format!("{}@x.id", "a".repeat(EMAIL_MAX - 4));
        assert_eq!(parse_email(&long), Err(EmailError::TooLong));
    }

    #[test]
    fn nib() {
        assert_eq!(parse_nib("1234567890123").unwrap(), "1234567890123");
        assert_eq!(parse_nib(" 1234 5678 90123 ").unwrap(), "1234567890123");
        assert_eq!(parse_nib(""), Err(NibError::Length { got: 0 }));
        assert_eq!(parse_nib("123456789012"), Err(NibError::Length { got: 12 }));
        assert_eq!(
            parse_nib("12345678901234"),
            Err(NibError::Length { got: 14 })
        );
        assert_eq!(
            parse_nib("12345A7890123"),
            Err(NibError::NotDigits { ch: 'A' })
        );
        assert_eq!(
            parse_nib("1234-5678-90123"),
            Err(NibError::NotDigits { ch: '-' })
        );
    }

    const PROVINCES: [u8; 39] = [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64,
        65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
    ];

    proptest! {
        #[test]
        fn make_nik_round_trips(
            province in proptest::sample::select(&PROVINCES[..]),
            regency in 1u32..=99,
            district in 1u32..=99,
            // Days since 1926-01-01 up to today: the window parse_nik accepts.
            offset in 0i64..=(today() - date(1926, 1, 1)).num_days(),
            female in any::<bool>(),
            serial in 1u16..=9999,
        ) {
            let region = format!("{province:02}{regency:02}{district:02}");
            let birth = date(1926, 1, 1) + chrono::Duration::days(offset);
            let sex = if female { Sex::Female } else { Sex::Male };
            let text = make_nik(&region, birth, sex, serial);
            let nik = parse_nik(&text, today()).unwrap();
            prop_assert_eq!(&nik.digits, &text);
            prop_assert_eq!(nik.birth_date, birth);
            prop_assert_eq!(nik.sex, sex);
            prop_assert_eq!(nik_region(&nik), region.as_str());
            prop_assert_eq!(nik.province, province);
        }

        #[test]
        fn mobile_national_round_trips(rest in "[0-9]{8,11}", plus in any::<bool>()) {
            let input = if plus { format!("+628{rest}") } else { format!("08{rest}") };
            let phone = parse_phone(&input).unwrap();
            prop_assert_eq!(phone.kind, PhoneKind::Mobile);
            prop_assert_eq!(parse_phone(&phone.national()).unwrap(), phone.clone());
            prop_assert_eq!(phone.national_digits(), format!("08{rest}"));
        }

        #[test]
        fn landline_national_round_trips(first in "[1-79]", rest in "[0-9]{7,9}") {
            let phone = parse_phone(&format!("0{first}{rest}")).unwrap();
            prop_assert_eq!(phone.kind, PhoneKind::Landline);
            prop_assert_eq!(parse_phone(&phone.national()).unwrap(), phone);
        }
    }
}
