//! Why the fold left an event out, and what a step conflict is about.

use crate::domain::fold::{END_TOPIC, IgnoreReason};
use crate::domain::note::NoteProblem;
use crate::domain::sop::Sop;

/// A reason in words, naming steps by their titles.
pub fn ignored_reason(r: &IgnoreReason, sop: Option<&Sop>) -> String {
    let title = |id: &str| {
        sop.and_then(|s| s.step(id))
            .map_or(id.to_string(), |s| s.title.clone())
    };
    match r {
        IgnoreReason::RegisteredTwice => tr!(
            "pendaftaran kedua kasus yang sama",
            "a second registration of the same case"
        ),
        IgnoreReason::SameAs { event, step } => tr!(
            "langkah \"{}\" sudah dicatat dengan isi yang sama (peristiwa {}); yang pertama berlaku",
            "step \"{}\" was recorded already with the same content (event {}); the first one counts",
            title(step),
            crate::service::short_id(*event)
        ),
        IgnoreReason::NotCurrentStep { step, current } => match current {
            Some(c) => tr!(
                "langkah \"{}\" bukan langkah kasus saat itu (\"{}\"): kasus berjalan lewat jalur lain",
                "step \"{}\" was not the case's step then (\"{}\"): the case went another way",
                title(step),
                title(c)
            ),
            None => tr!(
                "langkah \"{}\" dicatat ketika kasus tidak sedang di langkah mana pun",
                "step \"{}\" was recorded when the case was at no step",
                title(step)
            ),
        },
        IgnoreReason::NotInSop(what) => tr!(
            "SOP yang berlaku tidak mengenal \"{what}\"",
            "the SOP in force does not know \"{what}\""
        ),
        IgnoreReason::BadValue(field) => tr!(
            "nilai koreksi {} tidak terbaca",
            "the corrected value of {} cannot be read",
            super::case_field_label(*field)
        ),
        IgnoreReason::AlreadyPaused => tr!(
            "kasus sudah ditunda (juga di loket lain)",
            "the case was paused already (on another desk too)"
        ),
        IgnoreReason::NotPaused => tr!(
            "jam kasus sedang berjalan: tidak ada yang dilanjutkan",
            "the case's clock was running: nothing to resume"
        ),
        IgnoreReason::AlreadyClosed => tr!("kasus sudah ditutup", "the case was closed already"),
        IgnoreReason::Note(NoteProblem::Unknown(n)) => tr!(
            "catatan {} tidak ada pada kasus ini",
            "note {} is not on this case",
            crate::service::short_id(*n)
        ),
        IgnoreReason::Note(NoteProblem::AlreadyWithdrawn(n)) => tr!(
            "catatan {} sudah ditarik",
            "note {} was withdrawn already",
            crate::service::short_id(*n)
        ),
        IgnoreReason::Letter(p) => super::letters::problem_text(p),
    }
}

/// The label of a step conflict: the step's title, or the case's ending.
pub fn step_conflict_label(step: &str, sop: Option<&Sop>) -> String {
    if step == END_TOPIC {
        return tr!(
            "Penyelesaian kasus: ditutup/diteruskan di satu loket, tindakan lain di loket lain",
            "The case's end: finished on one desk, acted on further on another"
        );
    }
    let title = sop
        .and_then(|s| s.step(step))
        .map_or(step.to_string(), |s| s.title.clone());
    tr!("Langkah \"{title}\"", "Step \"{title}\"")
}

/// The count of events not applied, for `aduan check`.
pub fn ignored_count(n: u64) -> String {
    tr!(
        "Peristiwa yang tidak diterapkan (lihat alasannya di `aduan case show`): {n}",
        "Events not applied (see their reasons in `aduan case show`): {n}"
    )
}
