//! Outgoing letters as records: the forwarding letter to an OPD (surat
//! penerusan, copied to the complainant) and the reply to the complainant
//! (surat jawaban). A case has at most one letter of each kind.
//!
//! A letter goes konsep → paraf → ttd → kirim. Its rules, which the engine
//! checks before writing and the fold applies to whatever arrives:
//! - a paraf, a signature or a sending needs a konsep;
//! - a paraf names the version it initials; a new version voids it;
//! - a signature needs the paraf of the latest version;
//! - sending needs the signature; nothing is redrafted once signed.
//!
//! Versions from two desks are kept in fold order, never dropped; a paraf of
//! a version another desk has since replaced stays in the letter's history.
//!
//! The drafting helpers write letter prose in Indonesian whatever language
//! the screen speaks: the letter is the office's document, like the SOP's
//! step titles, not a message of the program.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::event::{Event, LetterAction, LetterDraft, NoteKind};
use super::note::NoteRecord;
use super::workflow::CaseState;

/// Which letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LetterKind {
    /// Forwards the complaint to the competent OPD.
    Penerusan,
    /// Answers the complainant with what was done.
    Jawaban,
}

impl LetterKind {
    pub const ALL: [LetterKind; 2] = [LetterKind::Penerusan, LetterKind::Jawaban];

    pub fn id(self) -> &'static str {
        match self {
            LetterKind::Penerusan => "penerusan",
            LetterKind::Jawaban => "jawaban",
        }
    }

    /// The `{kind}` of a letter number.
    pub fn code(self) -> &'static str {
        match self {
            LetterKind::Penerusan => "PNR",
            LetterKind::Jawaban => "JWB",
        }
    }

    pub fn parse(s: &str) -> Option<LetterKind> {
        let s = s.trim().to_lowercase();
        LetterKind::ALL
            .into_iter()
            .find(|k| k.id() == s || k.code().eq_ignore_ascii_case(&s))
    }
}

/// What is done to a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LetterAct {
    /// A draft (the first, or a new version).
    Konsep,
    /// Initialled by the head of division.
    Paraf,
    /// Signed by the head of office.
    Ttd,
    /// Sent.
    Kirim,
}

impl LetterAct {
    pub const ALL: [LetterAct; 4] = [
        LetterAct::Konsep,
        LetterAct::Paraf,
        LetterAct::Ttd,
        LetterAct::Kirim,
    ];

    pub fn id(self) -> &'static str {
        match self {
            LetterAct::Konsep => "konsep",
            LetterAct::Paraf => "paraf",
            LetterAct::Ttd => "ttd",
            LetterAct::Kirim => "kirim",
        }
    }

    pub fn parse(s: &str) -> Option<LetterAct> {
        let s = s.trim().to_lowercase();
        LetterAct::ALL.into_iter().find(|a| a.id() == s)
    }
}

/// Who did something to a letter, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamp {
    /// The person who recorded it.
    pub by: String,
    /// The role it was done as.
    pub role: String,
    /// Recorded for a head by the desk (a paper paraf or signature).
    pub on_behalf: bool,
    /// Unix seconds.
    pub at: i64,
}

impl Stamp {
    pub fn of(e: &Event) -> Stamp {
        Stamp {
            by: e.person.clone(),
            role: e.role.clone(),
            on_behalf: e.on_behalf(),
            at: e.at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LetterVersion {
    pub body: String,
    pub stamp: Stamp,
    /// The event that holds it: what a paraf, signature or sending names.
    pub event: Uuid,
}

/// A paraf as it was given, standing or voided by a later version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Initial {
    /// The version it initials, from 1.
    pub version: usize,
    pub stamp: Stamp,
}

/// A number given to the letter by a desk's register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssuedNumber {
    pub number: String,
    pub desk: Uuid,
    pub year: i32,
    pub seq: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Letter {
    pub kind: LetterKind,
    /// The letter's number: the first one given to it.
    pub number: String,
    /// Perihal, as the latest version has it.
    pub subject: String,
    /// The addressee: the OPD, or the complainant.
    pub to: String,
    /// The notes picked as its sources (a reply), as the latest version has them.
    pub notes: Vec<Uuid>,
    /// Every version, oldest first.
    pub versions: Vec<LetterVersion>,
    /// The paraf of the latest version, if it has one.
    pub paraf: Option<Stamp>,
    pub signed: Option<Stamp>,
    pub sent: Option<Stamp>,
    /// Every paraf given, including those a later version voided.
    pub initials: Vec<Initial>,
    /// Every number a register gave it: one, unless two desks drafted the
    /// first version apart (the first in fold order is its number).
    pub issued: Vec<IssuedNumber>,
}

impl Letter {
    /// The body of the latest version.
    pub fn body(&self) -> &str {
        self.versions.last().map_or("", |v| v.body.as_str())
    }

    /// How many versions it has (the latest's number, from 1).
    pub fn version(&self) -> usize {
        self.versions.len()
    }

    /// The latest version.
    pub fn latest(&self) -> Option<&LetterVersion> {
        self.versions.last()
    }

    /// The step a letter has reached: the last of konsep, paraf, ttd, kirim
    /// that stands.
    pub fn stage(&self) -> LetterAct {
        if self.sent.is_some() {
            LetterAct::Kirim
        } else if self.signed.is_some() {
            LetterAct::Ttd
        } else if self.paraf.is_some() {
            LetterAct::Paraf
        } else {
            LetterAct::Konsep
        }
    }

    fn version_index(&self, event: Uuid) -> Option<usize> {
        self.versions.iter().position(|v| v.event == event)
    }
}

/// Why an act on a letter is refused, or was not applied by the fold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterProblem {
    /// Paraf, signature or sending before any konsep.
    NoDraft(LetterKind),
    /// A signature needs the paraf of the latest version.
    NoParaf(LetterKind),
    /// Sending needs the signature.
    NotSigned(LetterKind),
    /// Signed already: no new version, no new paraf.
    Signed(LetterKind),
    /// The act was done already (the latest version initialled, the letter
    /// signed or sent).
    AlreadyDone(LetterKind, LetterAct),
    /// An act naming a version the letter does not have.
    UnknownVersion(LetterKind),
    /// A konsep is drafted, not acted.
    NotAnAct,
}

/// A konsep's text as it is kept: a Windows line end (`\r\n`) a plain one,
/// no blank lines at the end.
pub fn body_text(body: &str) -> String {
    body.replace("\r\n", "\n").trim_end().to_string()
}

/// The first character a konsep may not hold: its lines and tabs are its
/// own, nothing that would steer a terminal is.
pub fn control_in_body(body: &str) -> Option<char> {
    super::text::control_in_lines(&body_text(body))
}

/// Whether a new version may be drafted.
pub fn check_draft(letter: Option<&Letter>) -> Result<(), LetterProblem> {
    match letter {
        Some(l) if l.signed.is_some() => Err(LetterProblem::Signed(l.kind)),
        _ => Ok(()),
    }
}

/// Whether `act` may be done now; the latest version's event, which the
/// act names.
pub fn check_act(
    kind: LetterKind,
    letter: Option<&Letter>,
    act: LetterAct,
) -> Result<Uuid, LetterProblem> {
    let letter = letter.ok_or(LetterProblem::NoDraft(kind))?;
    let latest = letter.latest().ok_or(LetterProblem::NoDraft(kind))?.event;
    check_act_on(letter, act, latest)?;
    Ok(latest)
}

/// The rules of an act naming version `version`.
fn check_act_on(letter: &Letter, act: LetterAct, version: Uuid) -> Result<(), LetterProblem> {
    let kind = letter.kind;
    let index = letter
        .version_index(version)
        .ok_or(LetterProblem::UnknownVersion(kind))?;
    let is_latest = index + 1 == letter.versions.len();
    match act {
        LetterAct::Konsep => Err(LetterProblem::NotAnAct),
        LetterAct::Paraf if letter.signed.is_some() => Err(LetterProblem::Signed(kind)),
        LetterAct::Paraf if is_latest && letter.paraf.is_some() => {
            Err(LetterProblem::AlreadyDone(kind, act))
        }
        LetterAct::Paraf => Ok(()),
        LetterAct::Ttd if letter.signed.is_some() => Err(LetterProblem::AlreadyDone(kind, act)),
        LetterAct::Ttd if !is_latest || letter.paraf.is_none() => Err(LetterProblem::NoParaf(kind)),
        LetterAct::Ttd => Ok(()),
        LetterAct::Kirim if letter.sent.is_some() => Err(LetterProblem::AlreadyDone(kind, act)),
        LetterAct::Kirim if letter.signed.is_none() => Err(LetterProblem::NotSigned(kind)),
        LetterAct::Kirim => Ok(()),
    }
}

/// Folds a draft event into the case's letters.
pub fn apply_draft(
    letters: &mut Vec<Letter>,
    e: &Event,
    d: &LetterDraft,
) -> Result<(), LetterProblem> {
    let existing = letters.iter().position(|l| l.kind == d.kind);
    check_draft(existing.map(|i| &letters[i]))?;
    let i = existing.unwrap_or_else(|| {
        letters.push(Letter {
            kind: d.kind,
            number: d.number.clone(),
            subject: String::new(),
            to: String::new(),
            notes: Vec::new(),
            versions: Vec::new(),
            paraf: None,
            signed: None,
            sent: None,
            initials: Vec::new(),
            issued: Vec::new(),
        });
        letters.len() - 1
    });
    let letter = &mut letters[i];
    if d.version == 1 {
        letter.issued.push(IssuedNumber {
            number: d.number.clone(),
            desk: e.desk,
            year: d.year,
            seq: d.seq,
        });
    }
    letter.subject = d.subject.clone();
    letter.to = d.to.clone();
    letter.notes = d.notes.clone();
    letter.versions.push(LetterVersion {
        body: d.body.clone(),
        stamp: Stamp::of(e),
        event: e.id,
    });
    letter.paraf = None;
    Ok(())
}

/// Folds a paraf, signature or sending into the case's letters. A paraf of
/// a version that is no longer the latest is kept in the history only.
pub fn apply_act(letters: &mut [Letter], e: &Event, a: &LetterAction) -> Result<(), LetterProblem> {
    let letter = letters
        .iter_mut()
        .find(|l| l.kind == a.kind)
        .ok_or(LetterProblem::NoDraft(a.kind))?;
    check_act_on(letter, a.act, a.version)?;
    let index = letter.version_index(a.version).unwrap_or_default();
    let stamp = Stamp::of(e);
    match a.act {
        LetterAct::Paraf => {
            letter.initials.push(Initial {
                version: index + 1,
                stamp: stamp.clone(),
            });
            if index + 1 == letter.versions.len() {
                letter.paraf = Some(stamp);
            }
        }
        LetterAct::Ttd => letter.signed = Some(stamp),
        LetterAct::Kirim => letter.sent = Some(stamp),
        LetterAct::Konsep => {}
    }
    Ok(())
}

impl CaseState {
    /// The case's letter of this kind, if one was drafted.
    pub fn letter(&self, kind: LetterKind) -> Option<&Letter> {
        self.letters.iter().find(|l| l.kind == kind)
    }
}

/// The OPD the case was decided to go to: the latest forwarding decision's.
pub fn forwarded_opd(state: &CaseState) -> Option<&str> {
    state.decisions.iter().rev().find_map(|d| d.opd.as_deref())
}

/// Who the letters call the complainant.
fn complainant(state: &CaseState) -> String {
    let input = &state.reg.input;
    match input.display_name() {
        Some(name) if !name.trim().is_empty() => format!("Saudara {name}"),
        _ => "Saudara".to_string(),
    }
}

/// The perihal a new letter starts with.
pub fn default_subject(kind: LetterKind, state: &CaseState) -> String {
    let subject = &state.reg.input.subject;
    match kind {
        LetterKind::Penerusan => format!("Penerusan Pengaduan: {subject}"),
        LetterKind::Jawaban => format!("Jawaban atas Pengaduan: {subject}"),
    }
}

/// The addressee of a reply: the complainant, by name unless anonymous.
pub fn reply_addressee(state: &CaseState) -> String {
    let input = &state.reg.input;
    if input.anonymous || input.complainant.name.trim().is_empty() {
        "Pengadu".to_string()
    } else {
        input.complainant.name.clone()
    }
}

/// A forwarding letter's starting body, from the case's subject and
/// description. A confidential complainant is not named to the OPD.
pub fn draft_forward_body(state: &CaseState, opd: &str) -> String {
    let input = &state.reg.input;
    let from = if input.confidential || input.anonymous {
        "pengaduan masyarakat (identitas pengadu dirahasiakan)".to_string()
    } else {
        format!("pengaduan {}", complainant(state))
    };
    let mut body = format!(
        "Bersama ini kami teruskan {from} dengan nomor agenda {} perihal {}.",
        state.reg.agenda_no, input.subject
    );
    let description = input.description.trim();
    if !description.is_empty() {
        body.push_str(&format!(
            " Adapun pokok pengaduan sebagai berikut:\n\n{description}"
        ));
    }
    body.push_str(&format!(
        "\n\nPengaduan tersebut bukan merupakan kewenangan kami. Untuk itu kami mohon {opd} \
         berkenan menindaklanjuti sesuai kewenangan dan menyampaikan hasilnya kepada pengadu \
         dengan tembusan kepada kami.\n\nDemikian atas perhatian dan kerja samanya kami \
         sampaikan terima kasih."
    ));
    body
}

/// A reply's starting body: one numbered point per picked note, from its
/// findings and conclusion (a BAP), its result, or its text.
pub fn draft_reply_body(state: &CaseState, notes: &[&NoteRecord]) -> String {
    let mut body = format!(
        "Menindaklanjuti pengaduan {} dengan nomor agenda {} perihal {}, kami sampaikan hasil \
         penanganan sebagai berikut:\n",
        complainant(state),
        state.reg.agenda_no,
        state.reg.input.subject
    );
    let points: Vec<String> = notes.iter().filter_map(|n| note_point(n)).collect();
    if points.is_empty() {
        body.push_str("1. …\n");
    }
    for (i, point) in points.iter().enumerate() {
        body.push_str(&format!("{}. {point}\n", i + 1));
    }
    body.push_str("\nDemikian kami sampaikan, atas perhatian Saudara kami ucapkan terima kasih.");
    body
}

/// What a note says for a reply, in one paragraph.
fn note_point(n: &NoteRecord) -> Option<String> {
    let field = |id: &str| n.field(id).map(str::trim).filter(|v| !v.is_empty());
    let parts: Vec<String> = match n.kind {
        NoteKind::Bap => {
            let mut parts = Vec::new();
            if let Some(v) = field("temuan") {
                let place = field("tempat").map_or(String::new(), |t| format!(" di {t}"));
                parts.push(format!("Hasil pemeriksaan lapangan{place}: {v}"));
            }
            if let Some(v) = field("kesimpulan") {
                parts.push(format!("Kesimpulan: {v}"));
            }
            if let Some(v) = field("rekomendasi") {
                parts.push(format!("Rekomendasi: {v}"));
            }
            parts
        }
        NoteKind::CekPerizinan => field("hasil")
            .map(|v| format!("Hasil pengecekan data perizinan: {v}"))
            .into_iter()
            .collect(),
        NoteKind::Koordinasi => field("hasil")
            .map(|v| match field("dengan") {
                Some(with) => format!("Hasil koordinasi dengan {with}: {v}"),
                None => format!("Hasil koordinasi: {v}"),
            })
            .into_iter()
            .collect(),
        NoteKind::Fasilitasi => {
            let agreed = match field("sepakat") {
                Some("ya") => "para pihak mencapai kesepakatan",
                _ => "para pihak belum mencapai kesepakatan",
            };
            let mut parts = vec![format!("Fasilitasi telah dilaksanakan; {agreed}")];
            if let Some(v) = field("tindak-lanjut") {
                parts.push(format!("Tindak lanjut: {v}"));
            }
            parts
        }
        NoteKind::Catatan => field("teks").map(str::to_string).into_iter().collect(),
    };
    (!parts.is_empty()).then(|| parts.join(". "))
}

/// The notes a reply is drafted from when none are picked: every standing
/// note of the investigation (not the desk's own remarks).
pub fn default_reply_notes(state: &CaseState) -> Vec<&NoteRecord> {
    state
        .notebook
        .current()
        .filter(|n| n.kind != NoteKind::Catatan)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::event::{GENESIS, Payload};

    fn event(n: u128, desk: u128, role: &str, payload: Payload) -> Event {
        Event {
            v: 3,
            id: Uuid::from_u128(n),
            desk: Uuid::from_u128(desk),
            seq: n as u64,
            prev: GENESIS,
            case: Uuid::from_u128(99),
            at: 1_000 + n as i64,
            recorded: 1_000,
            person: "Kasi".into(),
            person_role: "kasi".into(),
            role: role.into(),
            payload,
        }
    }

    fn draft(version: u32, seq: u32, body: &str) -> LetterDraft {
        LetterDraft {
            kind: LetterKind::Penerusan,
            number: format!("500.16/{seq:03}/PNR/LKT1/2026"),
            year: 2026,
            seq,
            subject: "Penerusan".into(),
            to: "Dinas Lingkungan Hidup".into(),
            notes: Vec::new(),
            body: body.into(),
            version,
        }
    }

    fn act(
        letters: &mut [Letter],
        n: u128,
        act: LetterAct,
        version: Uuid,
    ) -> Result<(), LetterProblem> {
        let a = LetterAction {
            kind: LetterKind::Penerusan,
            act,
            version,
        };
        apply_act(
            letters,
            &event(n, 1, "kabid-dip", Payload::LetterActed(a.clone())),
            &a,
        )
    }

    fn drafted(
        letters: &mut Vec<Letter>,
        n: u128,
        desk: u128,
        d: LetterDraft,
    ) -> Result<(), LetterProblem> {
        apply_draft(
            letters,
            &event(n, desk, "kasi", Payload::LetterDrafted(d.clone())),
            &d,
        )
    }

    #[test]
    fn a_letter_goes_konsep_paraf_ttd_kirim_and_refuses_skipping() {
        let kind = LetterKind::Penerusan;
        let mut letters = Vec::new();
        assert_eq!(
            check_act(kind, None, LetterAct::Paraf),
            Err(LetterProblem::NoDraft(kind))
        );
        drafted(&mut letters, 1, 1, draft(1, 1, "v1")).unwrap();
        let v1 = check_act(kind, letters.first(), LetterAct::Paraf).unwrap();
        assert_eq!(
            check_act(kind, letters.first(), LetterAct::Ttd),
            Err(LetterProblem::NoParaf(kind))
        );
        assert_eq!(
            check_act(kind, letters.first(), LetterAct::Kirim),
            Err(LetterProblem::NotSigned(kind))
        );
        act(&mut letters, 2, LetterAct::Paraf, v1).unwrap();
        assert!(letters[0].paraf.as_ref().unwrap().on_behalf);
        // A new version voids the paraf; the signature then waits for a new one.
        drafted(&mut letters, 3, 1, draft(2, 1, "v2")).unwrap();
        assert_eq!(letters[0].version(), 2);
        assert_eq!(letters[0].body(), "v2");
        assert_eq!(letters[0].paraf, None);
        assert_eq!(
            check_act(kind, letters.first(), LetterAct::Ttd),
            Err(LetterProblem::NoParaf(kind))
        );
        assert_eq!(
            act(&mut letters, 4, LetterAct::Ttd, v1),
            Err(LetterProblem::NoParaf(kind))
        );
        let v2 = check_act(kind, letters.first(), LetterAct::Paraf).unwrap();
        act(&mut letters, 5, LetterAct::Paraf, v2).unwrap();
        act(&mut letters, 6, LetterAct::Ttd, v2).unwrap();
        assert_eq!(
            check_draft(letters.first()),
            Err(LetterProblem::Signed(kind))
        );
        assert_eq!(
            drafted(&mut letters, 7, 1, draft(3, 1, "v3")),
            Err(LetterProblem::Signed(kind))
        );
        act(&mut letters, 8, LetterAct::Kirim, v2).unwrap();
        assert_eq!(letters[0].stage(), LetterAct::Kirim);
        assert_eq!(
            check_act(kind, letters.first(), LetterAct::Kirim),
            Err(LetterProblem::AlreadyDone(kind, LetterAct::Kirim))
        );
        assert_eq!(letters[0].initials.len(), 2);
        assert_eq!(letters[0].number, "500.16/001/PNR/LKT1/2026");
    }

    #[test]
    fn first_drafts_from_two_desks_keep_both_versions_and_both_numbers() {
        let mut letters = Vec::new();
        drafted(&mut letters, 1, 1, draft(1, 4, "dari A")).unwrap();
        let mut b = draft(1, 9, "dari B");
        b.number = "500.16/009/PNR/LKT2/2026".into();
        drafted(&mut letters, 2, 2, b).unwrap();
        let l = &letters[0];
        assert_eq!(l.version(), 2);
        assert_eq!(
            l.number, "500.16/004/PNR/LKT1/2026",
            "the first in fold order"
        );
        let seqs: Vec<(Uuid, u32)> = l.issued.iter().map(|i| (i.desk, i.seq)).collect();
        assert_eq!(seqs, vec![(Uuid::from_u128(1), 4), (Uuid::from_u128(2), 9)]);
    }

    #[test]
    fn a_paraf_of_a_replaced_version_stays_in_the_history_only() {
        let mut letters = Vec::new();
        drafted(&mut letters, 1, 1, draft(1, 1, "v1")).unwrap();
        let v1 = letters[0].versions[0].event;
        drafted(&mut letters, 2, 1, draft(2, 1, "v2")).unwrap();
        act(&mut letters, 3, LetterAct::Paraf, v1).unwrap();
        assert_eq!(letters[0].paraf, None);
        assert_eq!(letters[0].initials[0].version, 1);
        assert_eq!(
            act(&mut letters, 4, LetterAct::Paraf, Uuid::from_u128(77)),
            Err(LetterProblem::UnknownVersion(LetterKind::Penerusan))
        );
    }

    #[test]
    fn kinds_and_acts_parse_by_id_and_code() {
        assert_eq!(LetterKind::parse(" Jawaban"), Some(LetterKind::Jawaban));
        assert_eq!(LetterKind::parse("pnr"), Some(LetterKind::Penerusan));
        assert_eq!(LetterKind::parse("surat"), None);
        assert_eq!(LetterAct::parse("TTD"), Some(LetterAct::Ttd));
        assert_eq!(LetterAct::parse("tanda"), None);
    }
}
