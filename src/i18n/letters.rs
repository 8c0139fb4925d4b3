//! Outgoing letters: refusals, labels and the lines of `aduan letter show`.

use crate::domain::agenda::AgendaFormatError;
use crate::domain::letter::{LetterAct, LetterKind, LetterProblem};

/// The command line's help texts, in Bahasa Indonesia and English as in `help`.
pub mod help {
    use crate::i18n::help::H;

    pub const LETTER: H = H(
        "Surat keluar kasus: surat penerusan ke OPD, surat jawaban ke pengadu",
        "A case's outgoing letters: forwarding letters to an OPD, reply letters to the complainant",
    );
    pub const DRAFT: H = H(
        "Buat konsep surat (versi pertama memberi nomor surat) atau versi baru",
        "Draft a letter (the first version gives the letter its number) or a new version",
    );
    pub const PARAF: H = H(
        "Catat paraf Kabid pada versi terakhir surat",
        "Record the Kabid's initials (paraf) on the letter's last version",
    );
    pub const TTD: H = H(
        "Catat tanda tangan Kepala Dinas (perlu paraf versi terakhir)",
        "Record the Head of Office's signature (needs the last version initialled)",
    );
    pub const KIRIM: H = H(
        "Catat pengiriman surat (perlu tanda tangan)",
        "Record that the letter was sent (needs the signature)",
    );
    pub const SHOW: H = H(
        "Tampilkan surat kasus: nomor, perihal, tujuan, versi, paraf, ttd, kirim",
        "Show a case's letters: number, subject, addressee, versions, paraf, signature, sending",
    );
    pub const KIND: H = H(
        "Jenis surat: penerusan atau jawaban",
        "Letter kind: penerusan or jawaban",
    );
    pub const KIND_FILTER: H = H(
        "Hanya surat jenis ini: penerusan atau jawaban",
        "Only letters of this kind: penerusan or jawaban",
    );
    pub const BODY: H = H(
        "Isi surat (tanpa --body/--body-file: disusun dari kasus dan catatannya)",
        "The letter's body (without --body/--body-file: composed from the case and its notes)",
    );
    pub const BODY_FILE: H = H(
        "Berkas berisi isi surat ('-' untuk stdin)",
        "File holding the letter's body ('-' for stdin)",
    );
    pub const NOTES: H = H(
        "Kode catatan sumber surat jawaban, dipisah koma (bawaan: semua catatan pemeriksaan yang berlaku)",
        "Codes of the notes the reply letter draws on, comma-separated (default: every inspection note in force)",
    );
}

/// Why a letter command was refused, beyond the letter's own rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterMsg {
    /// The letter's rules (see `domain::letter`).
    Rule(LetterProblem),
    /// `letters.format` of the configuration cannot number letters.
    Format(AgendaFormatError),
    UnknownKind(String),
    /// A penerusan needs the case decided to be forwarded to an OPD.
    NotForwarded(String),
    /// The body given is empty.
    EmptyBody,
    /// The body given holds a character that would steer a terminal.
    BodyControl(char),
    /// The case is at the step this act completes, whose actor is another role.
    StepActor {
        act: LetterAct,
        kind: LetterKind,
        step: String,
        actor: String,
        actor_short: String,
    },
}

impl LetterMsg {
    pub fn text(&self) -> String {
        match self {
            LetterMsg::Rule(p) => {
                let s = capitalised(&problem_text(p));
                tr!("{s}. Tidak ada yang dicatat.", "{s}. Nothing was recorded.")
            }
            LetterMsg::Format(e) => format_text(e),
            LetterMsg::UnknownKind(k) => tr!(
                "Jenis surat \"{}\" tidak dikenal; pilih penerusan atau jawaban.",
                "Unknown letter kind \"{}\"; choose penerusan or jawaban.",
                super::printable(k)
            ),
            LetterMsg::NotForwarded(agenda) => tr!(
                "Kasus {agenda} belum diputuskan bukan kewenangan dengan OPD tujuan; surat penerusan belum dapat dibuat. Tidak ada yang dicatat.",
                "Case {agenda} has not been decided outside the office's authority with an OPD to forward to; no forwarding letter yet. Nothing was recorded."
            ),
            LetterMsg::EmptyBody => tr!(
                "Isi surat kosong; tulis isinya atau hilangkan --body agar disusun otomatis. Tidak ada yang dicatat.",
                "The letter's body is empty; write it, or leave out --body to have it drafted. Nothing was recorded."
            ),
            LetterMsg::BodyControl(c) => {
                let problem = super::messages::control_char(*c);
                tr!(
                    "Isi surat {problem}. Tidak ada yang dicatat.",
                    "The letter's body {problem}. Nothing was recorded."
                )
            }
            LetterMsg::StepActor {
                act,
                kind,
                step,
                actor,
                actor_short,
            } => {
                let act = capitalised(act_label(*act));
                let kind = kind_label(*kind);
                tr!(
                    "{act} {kind} pada langkah \"{step}\" dilakukan oleh {actor_short}; catat atas namanya dengan --as {actor}. Tidak ada yang dicatat.",
                    "{act} of the {kind} at step \"{step}\" is done by {actor_short}; record it on their behalf with --as {actor}. Nothing was recorded."
                )
            }
        }
    }
}

/// A letter rule in words, lower case (the fold's reasons continue a sentence).
pub fn problem_text(p: &LetterProblem) -> String {
    match p {
        LetterProblem::NoDraft(k) => tr!(
            "{} belum memiliki konsep: paraf, tanda tangan dan pengiriman menunggu konsep",
            "the {} has no draft yet: paraf, signature and sending wait for a draft",
            kind_label(*k)
        ),
        LetterProblem::NoParaf(k) => tr!(
            "{} belum diparaf pada versi terakhirnya: tanda tangan menunggu paraf",
            "the {} is not initialled on its latest version: the signature waits for the paraf",
            kind_label(*k)
        ),
        LetterProblem::NotSigned(k) => tr!(
            "{} belum ditandatangani: pengiriman menunggu tanda tangan",
            "the {} is not signed: sending waits for the signature",
            kind_label(*k)
        ),
        LetterProblem::Signed(k) => tr!(
            "{} sudah ditandatangani: tidak ada versi atau paraf baru sesudahnya",
            "the {} is signed: no new version or paraf after that",
            kind_label(*k)
        ),
        LetterProblem::AlreadyDone(k, a) => tr!(
            "{} sudah ber-{} (juga di loket lain)",
            "the {} has its {} already (on another desk too)",
            kind_label(*k),
            act_label(*a)
        ),
        LetterProblem::UnknownVersion(k) => tr!(
            "{} tidak memiliki versi yang disebut",
            "the {} has no such version",
            kind_label(*k)
        ),
        LetterProblem::NotAnAct => tr!(
            "konsep dibuat dengan `aduan letter draft`",
            "a draft is made with `aduan letter draft`"
        ),
    }
}

fn format_text(e: &AgendaFormatError) -> String {
    match e {
        AgendaFormatError::UnknownPlaceholder(p) => tr!(
            "letters.format di konfigurasi: penanda {{{p}}} tidak dikenal (yang ada: seq, seq:03, kind, desk, year, month). Tidak ada yang dicatat.",
            "letters.format in the configuration: unknown placeholder {{{p}}} (known: seq, seq:03, kind, desk, year, month). Nothing was recorded."
        ),
        AgendaFormatError::Missing(p) => tr!(
            "letters.format di konfigurasi harus memuat {{{p}}} agar nomor surat tidak pernah kembar. Tidak ada yang dicatat.",
            "letters.format in the configuration must contain {{{p}}} so letter numbers never repeat. Nothing was recorded."
        ),
        AgendaFormatError::Unclosed => tr!(
            "letters.format di konfigurasi: ada {{ tanpa }}. Tidak ada yang dicatat.",
            "letters.format in the configuration: a {{ without }}. Nothing was recorded."
        ),
    }
}

pub fn kind_label(k: LetterKind) -> &'static str {
    match k {
        LetterKind::Penerusan => super::pick("surat penerusan", "forwarding letter"),
        LetterKind::Jawaban => super::pick("surat jawaban", "reply letter"),
    }
}

pub fn act_label(a: LetterAct) -> &'static str {
    match a {
        LetterAct::Konsep => super::pick("konsep", "draft"),
        LetterAct::Paraf => super::pick("paraf", "paraf"),
        LetterAct::Ttd => super::pick("tanda tangan", "signature"),
        LetterAct::Kirim => super::pick("pengiriman", "sending"),
    }
}

/// The words of `aduan letter show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lw {
    Number,
    Subject,
    To,
    Version,
    Paraf,
    Signed,
    Sent,
    Sources,
    None,
    OnBehalf,
    Voided,
    NoLetters,
}

pub fn lw(w: Lw) -> &'static str {
    use super::pick;
    match w {
        Lw::Number => pick("Nomor", "Number"),
        Lw::Subject => pick("Perihal", "Subject"),
        Lw::To => pick("Kepada", "To"),
        Lw::Version => pick("Versi", "Version"),
        Lw::Paraf => pick("Paraf", "Paraf"),
        Lw::Signed => pick("Ditandatangani", "Signed"),
        Lw::Sent => pick("Dikirim", "Sent"),
        Lw::Sources => pick("Catatan sumber", "Source notes"),
        Lw::None => pick("belum", "not yet"),
        Lw::OnBehalf => pick("dicatat atas nama", "recorded on behalf of"),
        Lw::Voided => pick("gugur oleh versi sesudahnya", "voided by a later version"),
        Lw::NoLetters => pick(
            "Kasus ini belum memiliki surat keluar.",
            "This case has no outgoing letters yet.",
        ),
    }
}

/// An SOP step's letter keys in words (continuing "SOP file x, line n: ").
pub fn sop_problem(p: &crate::domain::sop::SopProblem) -> String {
    use crate::domain::sop::SopProblem as P;
    match p {
        P::UnknownLetter(l) => tr!(
            "letter = \"{l}\" tidak dikenal; pilih \"penerusan\" atau \"jawaban\"",
            "letter = \"{l}\" is unknown; choose \"penerusan\" or \"jawaban\""
        ),
        P::UnknownLetterAct(a) => tr!(
            "letter_act = \"{a}\" tidak dikenal; pilih \"konsep\", \"paraf\", \"ttd\" atau \"kirim\"",
            "letter_act = \"{a}\" is unknown; choose \"konsep\", \"paraf\", \"ttd\" or \"kirim\""
        ),
        P::LetterKeys(step) => tr!(
            "langkah \"{step}\": letter dan letter_act ditulis berdua, pada langkah kind = \"task\"",
            "step \"{step}\": letter and letter_act go together, on a step of kind = \"task\""
        ),
        _ => String::new(),
    }
}

/// A letter event as one line of a case's timeline.
pub fn timeline_line(p: &crate::domain::event::Payload) -> String {
    use crate::domain::event::Payload;
    match p {
        Payload::LetterDrafted(d) => tr!(
            "Konsep {} {} (versi {}): {}",
            "Draft of the {} {} (version {}): {}",
            kind_label(d.kind),
            d.number,
            d.version,
            d.subject
        ),
        Payload::LetterActed(a) => {
            let act = capitalised(act_label(a.act));
            let kind = kind_label(a.kind);
            tr!("{act} {kind}", "{act} of the {kind}")
        }
        _ => String::new(),
    }
}

/// The text with its first letter in upper case (a label opening a sentence).
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}
