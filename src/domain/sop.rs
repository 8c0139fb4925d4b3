//! SOPs as data: a TOML file lists the roles and the steps, each with its
//! actor, required documents, time standard and output, and what follows.
//! The format is documented at the top of `assets/sop/situbondo-pengaduan.toml`.
//!
//! Parsing checks everything the engine relies on (references resolve, every
//! step is reachable, every path ends), so the engine itself never meets a
//! dangling step id from a file.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::event::NoteKind;
use super::letter::{LetterAct, LetterKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// Completed with an output.
    Task,
    /// A disposition sheet passed down to another role.
    Disposition,
    /// One of several options; each leads on or ends the case.
    Decision,
}

/// How a path through the SOP ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum End {
    /// Resolved by this office.
    Closed,
    /// Forwarded to the competent OPD.
    Forwarded,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    Step(String),
    End(End),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub short: String,
    /// The role decides on paper; others type its decisions.
    pub on_paper: bool,
    /// Roles that may record this role's actions on its behalf.
    pub recorded_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionOption {
    pub id: String,
    pub label: String,
    /// Choosing it forwards the case to an OPD, which must be named.
    pub forward: bool,
    pub next: Next,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// What a narrow column shows; empty when the file gives none.
    pub short: String,
    pub actor: String,
    pub kind: StepKind,
    pub requires: String,
    /// Time standard in working minutes (480 = one working day).
    pub minutes: u32,
    pub output: String,
    pub on_register: bool,
    /// Who a disposition goes to, and its usual instruction.
    pub to: Option<String>,
    pub instruction: Option<String>,
    /// For tasks and dispositions.
    pub next: Option<Next>,
    /// For decisions.
    pub options: Vec<DecisionOption>,
    /// The kinds of investigation note this step is usually written with;
    /// a step with any is investigation work (the Investigasi tab lists it).
    pub notes: Vec<NoteKind>,
    /// The letter act that does this step (`letter` + `letter_act`):
    /// recording it at this step completes the step too.
    pub letter: Option<(LetterKind, LetterAct)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sop {
    pub id: String,
    pub name: String,
    pub limit_workdays: u32,
    pub roles: Vec<Role>,
    pub steps: Vec<Step>,
    /// Roles that may pause and resume the clock.
    pub pause_roles: Vec<String>,
    /// Roles that may close a case before its SOP ends.
    pub close_roles: Vec<String>,
    index: HashMap<String, usize>,
}

/// What is wrong with an SOP file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SopError {
    pub file: String,
    /// 1-based; None when the problem concerns the file as a whole.
    pub line: Option<usize>,
    pub problem: SopProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SopProblem {
    /// TOML syntax or a missing/mistyped key, as the TOML reader words it.
    Syntax(String),
    NoSteps,
    DuplicateStep(String),
    DuplicateRole(String),
    UnknownRole(String),
    UnknownStep(String),
    /// A task or disposition needs exactly one of `next` and `end`.
    NextOrEnd(String),
    /// A decision needs at least two `[[step.option]]` and no `next`/`end` of its own.
    DecisionOptions(String),
    OptionNextOrEnd {
        step: String,
        option: String,
    },
    DispositionTarget(String),
    ZeroMinutes(String),
    /// `limit_workdays` outside 1–60 (Perpres 76/2013 allows at most 60).
    LimitOutOfRange(u32),
    /// One step's standard alone is longer than the legal limit.
    StepOverLimit {
        step: String,
        minutes: u32,
        limit: u32,
    },
    Unreachable(String),
    FirstStepNotRegister,
    /// The step done by registering must lead on to a next step.
    RegisterStepNeedsNext(String),
    UnknownKind(String),
    UnknownNoteKind(String),
    /// A step's `short` title is wider than a list column allows.
    ShortTooLong {
        step: String,
        width: usize,
    },
    UnknownLetter(String),
    UnknownLetterAct(String),
    /// `letter` and `letter_act` go together, on a task step.
    LetterKeys(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSop {
    id: String,
    name: String,
    limit_workdays: Spanned<u32>,
    #[serde(default)]
    pause_roles: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    close_roles: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    role: Vec<Spanned<RawRole>>,
    #[serde(default)]
    step: Vec<Spanned<RawStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    id: String,
    name: String,
    #[serde(default)]
    short: String,
    #[serde(default)]
    on_paper: bool,
    #[serde(default)]
    recorded_by: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: Spanned<String>,
    title: String,
    #[serde(default)]
    short: Option<Spanned<String>>,
    actor: Spanned<String>,
    #[serde(default)]
    kind: Option<Spanned<String>>,
    #[serde(default)]
    requires: String,
    minutes: Spanned<u32>,
    #[serde(default)]
    output: String,
    #[serde(default)]
    on_register: bool,
    #[serde(default)]
    to: Option<Spanned<String>>,
    #[serde(default)]
    instruction: Option<String>,
    #[serde(default)]
    next: Option<Spanned<String>>,
    #[serde(default)]
    end: Option<End>,
    #[serde(default)]
    option: Vec<Spanned<RawOption>>,
    #[serde(default)]
    notes: Vec<Spanned<String>>,
    #[serde(default)]
    letter: Option<Spanned<String>>,
    #[serde(default)]
    letter_act: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    id: String,
    label: String,
    #[serde(default)]
    forward: bool,
    #[serde(default)]
    next: Option<Spanned<String>>,
    #[serde(default)]
    end: Option<End>,
}

/// The working days an SOP may give a case: Perpres 76/2013 sets 60 at most.
pub const LIMIT_RANGE: std::ops::RangeInclusive<u32> = 1..=60;

/// The widest a step's `short` title may be, in display columns: the width
/// of the inbox's step column.
pub const SHORT_TITLE_MAX: usize = 24;

/// The SOP files count time standards in working minutes, 480 to a day.
pub const MINUTES_PER_WORKDAY: u32 = 480;

/// The roles that may pause the clock when a file does not say.
const DEFAULT_PAUSE_ROLES: [&str; 4] = ["operator", "kasi", "staf", "petugas-oss"];
const DEFAULT_CLOSE_ROLES: [&str; 1] = ["kasi"];

impl Step {
    /// The title a list or a narrow column shows: `short` if the file gives
    /// one, else the whole title.
    pub fn short_title(&self) -> &str {
        if self.short.is_empty() {
            &self.title
        } else {
            &self.short
        }
    }
}

impl Sop {
    /// Parses and checks an SOP file. `file` names it in error messages.
    pub fn parse(file: &str, text: &str) -> Result<Sop, SopError> {
        let at = |span: Option<std::ops::Range<usize>>, problem| SopError {
            file: file.to_string(),
            line: span.map(|s| line_of(text, s.start)),
            problem,
        };
        let raw: RawSop = toml::from_str(text)
            .map_err(|e| at(e.span(), SopProblem::Syntax(e.message().trim().to_string())))?;
        let limit = *raw.limit_workdays.get_ref();
        if !LIMIT_RANGE.contains(&limit) {
            return Err(at(
                Some(raw.limit_workdays.span()),
                SopProblem::LimitOutOfRange(limit),
            ));
        }
        if raw.step.is_empty() {
            return Err(at(None, SopProblem::NoSteps));
        }

        let mut role_ids = HashSet::new();
        for r in &raw.role {
            if !role_ids.insert(r.get_ref().id.clone()) {
                return Err(at(
                    Some(r.span()),
                    SopProblem::DuplicateRole(r.get_ref().id.clone()),
                ));
            }
        }
        let check_role = |id: &Spanned<String>| -> Result<String, SopError> {
            if role_ids.contains(id.get_ref()) {
                Ok(id.get_ref().clone())
            } else {
                Err(at(
                    Some(id.span()),
                    SopProblem::UnknownRole(id.get_ref().clone()),
                ))
            }
        };
        let mut roles = Vec::new();
        for r in &raw.role {
            let r = r.get_ref();
            let recorded_by = r
                .recorded_by
                .iter()
                .map(check_role)
                .collect::<Result<_, _>>()?;
            roles.push(Role {
                id: r.id.clone(),
                name: r.name.clone(),
                short: if r.short.is_empty() {
                    r.id.clone()
                } else {
                    r.short.clone()
                },
                on_paper: r.on_paper,
                recorded_by,
            });
        }
        let role_list = |given: &Option<Vec<Spanned<String>>>, default: &[&str]| match given {
            Some(list) => list.iter().map(check_role).collect::<Result<Vec<_>, _>>(),
            None => Ok(default
                .iter()
                .filter(|r| role_ids.contains(**r))
                .map(|r| r.to_string())
                .collect()),
        };
        let pause_roles = role_list(&raw.pause_roles, &DEFAULT_PAUSE_ROLES)?;
        let close_roles = role_list(&raw.close_roles, &DEFAULT_CLOSE_ROLES)?;

        let mut index = HashMap::new();
        for (i, s) in raw.step.iter().enumerate() {
            let id = &s.get_ref().id;
            if index.insert(id.get_ref().clone(), i).is_some() {
                return Err(at(
                    Some(id.span()),
                    SopProblem::DuplicateStep(id.get_ref().clone()),
                ));
            }
        }
        let check_step = |id: &Spanned<String>| -> Result<Next, SopError> {
            if index.contains_key(id.get_ref()) {
                Ok(Next::Step(id.get_ref().clone()))
            } else {
                Err(at(
                    Some(id.span()),
                    SopProblem::UnknownStep(id.get_ref().clone()),
                ))
            }
        };

        let mut steps = Vec::new();
        for spanned in &raw.step {
            let s = spanned.get_ref();
            let id = s.id.get_ref().clone();
            let span = Some(spanned.span());
            let kind = match s.kind.as_ref().map(|k| (k.get_ref().as_str(), k.span())) {
                None | Some(("task", _)) => StepKind::Task,
                Some(("disposition", _)) => StepKind::Disposition,
                Some(("decision", _)) => StepKind::Decision,
                Some((other, span)) => {
                    return Err(at(Some(span), SopProblem::UnknownKind(other.to_string())));
                }
            };
            if *s.minutes.get_ref() == 0 {
                return Err(at(Some(s.minutes.span()), SopProblem::ZeroMinutes(id)));
            }
            if *s.minutes.get_ref() > limit * MINUTES_PER_WORKDAY {
                return Err(at(
                    Some(s.minutes.span()),
                    SopProblem::StepOverLimit {
                        step: id,
                        minutes: *s.minutes.get_ref(),
                        limit,
                    },
                ));
            }
            let actor = check_role(&s.actor)?;
            let short = match &s.short {
                Some(short) => {
                    let text = short.get_ref().trim().to_string();
                    let width = unicode_width::UnicodeWidthStr::width(text.as_str());
                    if width > SHORT_TITLE_MAX {
                        return Err(at(
                            Some(short.span()),
                            SopProblem::ShortTooLong { step: id, width },
                        ));
                    }
                    text
                }
                None => String::new(),
            };
            let next_or_end = |next: &Option<Spanned<String>>, end: Option<End>| match (next, end) {
                (Some(n), None) => check_step(n).map(Some),
                (None, Some(e)) => Ok(Some(Next::End(e))),
                _ => Ok(None),
            };
            let (next, options) = if kind == StepKind::Decision {
                if s.next.is_some() || s.end.is_some() || s.option.len() < 2 {
                    return Err(at(span.clone(), SopProblem::DecisionOptions(id)));
                }
                let mut options = Vec::new();
                for o in &s.option {
                    let raw_o = o.get_ref();
                    let next = next_or_end(&raw_o.next, raw_o.end)?.ok_or_else(|| {
                        at(
                            Some(o.span()),
                            SopProblem::OptionNextOrEnd {
                                step: id.clone(),
                                option: raw_o.id.clone(),
                            },
                        )
                    })?;
                    options.push(DecisionOption {
                        id: raw_o.id.clone(),
                        label: raw_o.label.clone(),
                        forward: raw_o.forward,
                        next,
                    });
                }
                (None, options)
            } else {
                let next = next_or_end(&s.next, s.end)?
                    .ok_or_else(|| at(span.clone(), SopProblem::NextOrEnd(id.clone())))?;
                (Some(next), Vec::new())
            };
            let to = match (&s.to, kind) {
                (Some(to), _) => Some(check_role(to)?),
                (None, StepKind::Disposition) => {
                    return Err(at(span, SopProblem::DispositionTarget(id)));
                }
                (None, _) => None,
            };
            let notes = s
                .notes
                .iter()
                .map(|n| {
                    NoteKind::parse(n.get_ref()).ok_or_else(|| {
                        at(
                            Some(n.span()),
                            SopProblem::UnknownNoteKind(n.get_ref().clone()),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let letter = letter_of(s, kind).map_err(|(span, p)| at(Some(span), p))?;
            steps.push(Step {
                id,
                title: s.title.clone(),
                short,
                actor,
                kind,
                requires: s.requires.clone(),
                minutes: *s.minutes.get_ref(),
                output: s.output.clone(),
                on_register: s.on_register,
                to,
                instruction: s.instruction.clone(),
                next,
                options,
                notes,
                letter,
            });
        }
        if let Some(bad) = raw.step.iter().skip(1).find(|s| s.get_ref().on_register) {
            return Err(at(Some(bad.span()), SopProblem::FirstStepNotRegister));
        }
        if let Some(first) = steps
            .first()
            .filter(|s| s.on_register && !matches!(s.next, Some(Next::Step(_))))
        {
            return Err(at(
                Some(raw.step[0].span()),
                SopProblem::RegisterStepNeedsNext(first.id.clone()),
            ));
        }

        let sop = Sop {
            id: raw.id,
            name: raw.name,
            limit_workdays: *raw.limit_workdays.get_ref(),
            roles,
            steps,
            pause_roles,
            close_roles,
            index,
        };
        if let Some(lost) = sop.unreachable_step() {
            let span = raw.step[sop.index[&lost]].span();
            return Err(at(Some(span), SopProblem::Unreachable(lost)));
        }
        Ok(sop)
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.index.get(id).map(|&i| &self.steps[i])
    }

    /// A step's short title, or its id for a step the SOP does not know.
    pub fn step_short<'a>(&'a self, id: &'a str) -> &'a str {
        self.step(id).map_or(id, Step::short_title)
    }

    /// A step's whole title, or its id for a step the SOP does not know.
    pub fn step_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.step(id).map_or(id, |s| s.title.as_str())
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// The role's short name, or the id for a role the SOP does not know.
    pub fn role_short<'a>(&'a self, id: &'a str) -> &'a str {
        self.role(id).map_or(id, |r| r.short.as_str())
    }

    pub fn first(&self) -> &Step {
        &self.steps[0]
    }

    /// The step a newly registered case waits on: the second step when the
    /// first is done by registering, else the first.
    pub fn step_after_registration(&self) -> &Step {
        let first = self.first();
        match (&first.on_register, &first.next) {
            (true, Some(Next::Step(id))) => self.step(id).unwrap_or(first),
            _ => first,
        }
    }

    /// May `person_role` act as `role` (its own, or on behalf of a paper role)?
    pub fn may_act_as(&self, person_role: &str, role: &str) -> bool {
        person_role == role
            || self
                .role(role)
                .is_some_and(|r| r.recorded_by.iter().any(|p| p == person_role))
    }

    /// Every step a path starting at `start` can pass through.
    pub fn reachable_from(&self, start: &Next) -> HashSet<String> {
        let mut seen = HashSet::new();
        let mut todo: Vec<String> = match start {
            Next::Step(id) => vec![id.clone()],
            Next::End(_) => Vec::new(),
        };
        while let Some(id) = todo.pop() {
            let Some(step) = self.step(&id) else { continue };
            if !seen.insert(id) {
                continue;
            }
            let nexts = step.next.iter().chain(step.options.iter().map(|o| &o.next));
            for n in nexts {
                if let Next::Step(s) = n {
                    todo.push(s.clone());
                }
            }
        }
        seen
    }

    /// The steps only the options not chosen lead to, once `option` of
    /// decision `step` was chosen: the branch the case did not take.
    pub fn branch_not_taken(&self, step: &str, option: &str) -> HashSet<String> {
        let Some(decision) = self.step(step) else {
            return HashSet::new();
        };
        let Some(chosen) = decision.options.iter().find(|o| o.id == option) else {
            return HashSet::new();
        };
        let taken = self.reachable_from(&chosen.next);
        decision
            .options
            .iter()
            .filter(|o| o.id != option)
            .flat_map(|o| self.reachable_from(&o.next))
            .filter(|s| !taken.contains(s))
            .collect()
    }

    fn unreachable_step(&self) -> Option<String> {
        let mut seen = HashSet::new();
        let mut todo = vec![self.first().id.clone()];
        while let Some(id) = todo.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            let step = self.step(&id).expect("references were checked");
            let nexts = step.next.iter().chain(step.options.iter().map(|o| &o.next));
            for n in nexts {
                if let Next::Step(s) = n {
                    todo.push(s.clone());
                }
            }
        }
        self.steps
            .iter()
            .find(|s| !seen.contains(&s.id))
            .map(|s| s.id.clone())
    }
}

/// A problem and the span of the file it is at.
type Located = (std::ops::Range<usize>, SopProblem);

/// A step's `letter` and `letter_act`: both or neither, on a task.
fn letter_of(s: &RawStep, kind: StepKind) -> Result<Option<(LetterKind, LetterAct)>, Located> {
    let id = || s.id.get_ref().clone();
    match (&s.letter, &s.letter_act) {
        (None, None) => Ok(None),
        (Some(l), Some(a)) => {
            let letter = LetterKind::parse(l.get_ref())
                .ok_or_else(|| (l.span(), SopProblem::UnknownLetter(l.get_ref().clone())))?;
            let act = LetterAct::parse(a.get_ref())
                .ok_or_else(|| (a.span(), SopProblem::UnknownLetterAct(a.get_ref().clone())))?;
            if kind != StepKind::Task {
                return Err((l.span(), SopProblem::LetterKeys(id())));
            }
            Ok(Some((letter, act)))
        }
        (Some(one), None) | (None, Some(one)) => Err((one.span(), SopProblem::LetterKeys(id()))),
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The SOP files shipped with the program, by file stem.
pub const BUILTIN: [(&str, &str); 3] = [
    (
        "situbondo-pengaduan",
        include_str!("../../assets/sop/situbondo-pengaduan.toml"),
    ),
    (
        "gresik-pengaduan",
        include_str!("../../assets/sop/gresik-pengaduan.toml"),
    ),
    (
        "gresik-konsultasi",
        include_str!("../../assets/sop/gresik-konsultasi.toml"),
    ),
];

pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(name: &str) -> Sop {
        Sop::parse(name, builtin(name).unwrap()).unwrap()
    }

    #[test]
    fn builtin_sops_parse() {
        let s = load("situbondo-pengaduan");
        assert_eq!(s.limit_workdays, 14);
        assert_eq!(s.step_after_registration().id, "disposisi-kadis");
        let decision = s.step("kewenangan").unwrap();
        assert_eq!(decision.kind, StepKind::Decision);
        assert_eq!(decision.options.len(), 2);
        assert!(decision.options.iter().any(|o| o.forward));
        // Step 7 (the monthly recap) is the office's task, not a case's step.
        assert_eq!(load("gresik-pengaduan").steps.len(), 7);
        assert_eq!(load("gresik-konsultasi").steps.len(), 5);
    }

    #[test]
    fn every_shipped_step_has_a_short_title_that_fits_a_column() {
        for (name, _) in BUILTIN {
            let sop = load(name);
            for step in &sop.steps {
                assert!(
                    !step.short.is_empty(),
                    "{name}: {} has no short title",
                    step.id
                );
                assert_ne!(step.short_title(), step.id);
            }
        }
        let s = load("situbondo-pengaduan");
        assert_eq!(s.step_short("paraf-penerusan"), "Paraf Kabid (penerusan)");
        assert_eq!(s.step_short("no-such-step"), "no-such-step");
        let mut step = s.step("agenda").unwrap().clone();
        step.short.clear();
        assert_eq!(step.short_title(), step.title, "falls back to the title");
    }

    #[test]
    fn paper_heads_are_recorded_by_the_desk() {
        let s = load("situbondo-pengaduan");
        assert!(s.may_act_as("operator", "kadis"));
        assert!(s.may_act_as("kasi", "kabid-dip"));
        assert!(!s.may_act_as("staf", "kadis"));
        assert!(!s.may_act_as("operator", "kasi"));
    }

    #[test]
    fn letter_steps_name_their_letter_and_act() {
        let s = load("situbondo-pengaduan");
        let marked: Vec<(&str, (LetterKind, LetterAct))> = s
            .steps
            .iter()
            .filter_map(|st| st.letter.map(|l| (st.id.as_str(), l)))
            .collect();
        assert_eq!(marked.len(), 8);
        assert_eq!(
            s.step("ttd-jawaban").unwrap().letter,
            Some((LetterKind::Jawaban, LetterAct::Ttd))
        );
        assert_eq!(s.step("kewenangan").unwrap().letter, None);
        let text = builtin("situbondo-pengaduan").unwrap();
        let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
        let bad = |edit: &str, with: &str| {
            Sop::parse("s.toml", &text.replacen(edit, with, 1)).unwrap_err()
        };
        let e = bad("letter = \"penerusan\"", "letter = \"surat\"");
        assert_eq!(e.problem, SopProblem::UnknownLetter("surat".into()));
        assert_eq!(e.line, Some(line_of("letter = \"penerusan\"")));
        let e = bad("letter_act = \"paraf\"", "letter_act = \"cap\"");
        assert_eq!(e.problem, SopProblem::UnknownLetterAct("cap".into()));
        assert_eq!(e.line, Some(line_of("letter_act = \"paraf\"")));
        let e = bad("letter_act = \"konsep\"\n", "");
        assert_eq!(e.problem, SopProblem::LetterKeys("konsep-penerusan".into()));
    }

    fn broken(edit: impl Fn(&str) -> String) -> SopError {
        let text = edit(builtin("gresik-pengaduan").unwrap());
        Sop::parse("gresik-pengaduan.toml", &text).unwrap_err()
    }

    #[test]
    fn errors_name_file_line_and_problem() {
        let e = broken(|t| t.replace("actor = \"sekretaris\"", "actor = \"sekertaris\""));
        assert_eq!(e.file, "gresik-pengaduan.toml");
        assert_eq!(e.problem, SopProblem::UnknownRole("sekertaris".into()));
        let text = builtin("gresik-pengaduan").unwrap();
        let line = text
            .lines()
            .position(|l| l.contains("actor = \"sekretaris\""))
            .unwrap()
            + 1;
        assert_eq!(e.line, Some(line));

        let e = broken(|t| t.replace("next = \"laporan\"", "next = \"lapor\""));
        assert_eq!(e.problem, SopProblem::UnknownStep("lapor".into()));

        let e = broken(|t| t.replace("minutes = 30\n", "minutes = \"tiga puluh\"\n"));
        assert!(matches!(e.problem, SopProblem::Syntax(_)), "{e:?}");
        assert!(e.line.is_some());

        let e = broken(|t| {
            t.replace(
                "[[step]]\nid = \"laporan\"",
                "[[step]]\nid = \"investigasi\"",
            )
        });
        assert_eq!(e.problem, SopProblem::DuplicateStep("investigasi".into()));

        let e = broken(|t| t.replace("next = \"verifikasi\"", "end = \"closed\""));
        assert_eq!(e.problem, SopProblem::Unreachable("verifikasi".into()));

        let e = broken(|t| t.replace("end = \"closed\"\n\n[[step.option]]", "\n[[step.option]]"));
        assert!(
            matches!(e.problem, SopProblem::OptionNextOrEnd { .. }),
            "{e:?}"
        );

        let e = broken(|t| t.replacen("next = \"identifikasi\"", "end = \"closed\"", 1));
        assert_eq!(
            e.problem,
            SopProblem::RegisterStepNeedsNext("sampaikan".into())
        );

        let e = broken(|t| t.replace("limit_workdays = 14", "limit_workdays = 2147483647"));
        assert_eq!(e.problem, SopProblem::LimitOutOfRange(2_147_483_647));
        let e = broken(|t| t.replace("limit_workdays = 14", "limit_workdays = 0"));
        assert_eq!(e.problem, SopProblem::LimitOutOfRange(0));
        let e = broken(|t| t.replace("limit_workdays = 14", "limit_workdays = 61"));
        assert_eq!(e.problem, SopProblem::LimitOutOfRange(61));
        assert!(
            Sop::parse(
                "x",
                &builtin("gresik-pengaduan")
                    .unwrap()
                    .replace("limit_workdays = 14", "limit_workdays = 60")
            )
            .is_ok()
        );
        let e = broken(|t| t.replace("minutes = 480\n", "minutes = 7000\n"));
        assert!(
            matches!(
                e.problem,
                SopProblem::StepOverLimit {
                    minutes: 7000,
                    limit: 14,
                    ..
                }
            ),
            "{e:?}"
        );

        let long = "Verifikasi oleh Sekretaris Dinas";
        let e = broken(|t| {
            t.replace(
                "short = \"Verifikasi Sekretaris\"",
                &format!("short = \"{long}\""),
            )
        });
        assert_eq!(
            e.problem,
            SopProblem::ShortTooLong {
                step: "verifikasi".into(),
                width: long.chars().count()
            }
        );
        let text = builtin("gresik-pengaduan").unwrap();
        let line = text
            .lines()
            .position(|l| l == "short = \"Verifikasi Sekretaris\"")
            .unwrap()
            + 1;
        assert_eq!(e.line, Some(line), "the line of the short title");

        let e = broken(|t| format!("{t}\n[[bogus]]\nx = 1\n"));
        assert!(matches!(e.problem, SopProblem::Syntax(_)));
    }
}
