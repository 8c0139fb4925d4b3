//! Dates and numbers in words, as official Indonesian paper writes them:
//! "hari Selasa tanggal satu bulan Desember tahun dua ribu dua puluh enam"
//! in a Berita Acara, "empat belas" beside a figure in a receipt.

use chrono::{Datelike, NaiveDate, Weekday};

const UNITS: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];

pub const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// A whole number in words (terbilang): 21 → "dua puluh satu",
/// 2026 → "dua ribu dua puluh enam", 1100 → "seribu seratus".
pub fn number(n: u64) -> String {
    if n == 0 {
        return UNITS[0].into();
    }
    let mut parts = Vec::new();
    push_number(n, &mut parts);
    parts.join(" ")
}

fn push_number(n: u64, out: &mut Vec<String>) {
    const SCALES: [(u64, &str); 4] = [
        (1_000_000_000_000, "triliun"),
        (1_000_000_000, "miliar"),
        (1_000_000, "juta"),
        (1_000, "ribu"),
    ];
    let mut rest = n;
    for (size, name) in SCALES {
        let count = rest / size;
        if count > 0 {
            if size == 1_000 && count == 1 {
                out.push("seribu".into());
            } else {
                push_below_thousand(count, out);
                out.push(name.into());
            }
            rest %= size;
        }
    }
    if rest > 0 {
        push_below_thousand(rest, out);
    }
}

/// Also used for the count before a scale, which may exceed 999 only for
/// trillions (not on any paper this program prints).
fn push_below_thousand(n: u64, out: &mut Vec<String>) {
    if n >= 1000 {
        push_number(n, out);
        return;
    }
    let (hundreds, rest) = (n / 100, n % 100);
    match hundreds {
        0 => {}
        1 => out.push("seratus".into()),
        h => out.push(format!("{} ratus", UNITS[h as usize])),
    }
    match rest {
        0 => {}
        10 => out.push("sepuluh".into()),
        11 => out.push("sebelas".into()),
        12..=19 => out.push(format!("{} belas", UNITS[(rest - 10) as usize])),
        1..=9 => out.push(UNITS[rest as usize].into()),
        _ => {
            out.push(format!("{} puluh", UNITS[(rest / 10) as usize]));
            if rest % 10 > 0 {
                out.push(UNITS[(rest % 10) as usize].into());
            }
        }
    }
}

pub fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Senin",
        Weekday::Tue => "Selasa",
        Weekday::Wed => "Rabu",
        Weekday::Thu => "Kamis",
        Weekday::Fri => "Jumat",
        Weekday::Sat => "Sabtu",
        Weekday::Sun => "Minggu",
    }
}

pub fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// "1 Desember 2026".
pub fn date_long(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name(date), date.year())
}

/// "Senin, 21 Desember 2026".
pub fn date_with_day(date: NaiveDate) -> String {
    format!("{}, {}", day_name(date.weekday()), date_long(date))
}

/// "hari Senin tanggal dua puluh satu bulan Desember tahun dua ribu dua
/// puluh enam": the opening of a Berita Acara.
pub fn date_in_words(date: NaiveDate) -> String {
    format!(
        "hari {} tanggal {} bulan {} tahun {}",
        day_name(date.weekday()),
        number(u64::from(date.day())),
        month_name(date),
        number(date.year().unsigned_abs().into())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_an_indonesian_writes_them() {
        let cases = [
            (0, "nol"),
            (1, "satu"),
            (10, "sepuluh"),
            (11, "sebelas"),
            (14, "empat belas"),
            (20, "dua puluh"),
            (21, "dua puluh satu"),
            (100, "seratus"),
            (115, "seratus lima belas"),
            (999, "sembilan ratus sembilan puluh sembilan"),
            (1000, "seribu"),
            (1100, "seribu seratus"),
            (2026, "dua ribu dua puluh enam"),
            (11_000, "sebelas ribu"),
            (1_000_000, "satu juta"),
            (
                2_345_678,
                "dua juta tiga ratus empat puluh lima ribu enam ratus tujuh puluh delapan",
            ),
        ];
        for (n, words) in cases {
            assert_eq!(number(n), words, "{n}");
        }
    }

    #[test]
    fn a_date_in_words_names_the_day() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 21).unwrap();
        assert_eq!(
            date_in_words(d),
            "hari Senin tanggal dua puluh satu bulan Desember tahun dua ribu dua puluh enam"
        );
        assert_eq!(date_with_day(d), "Senin, 21 Desember 2026");
        assert_eq!(date_long(d), "21 Desember 2026");
    }
}
