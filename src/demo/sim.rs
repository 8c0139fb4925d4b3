//! The simulation behind `aduan demo`.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use chrono::{Datelike, Duration, NaiveDateTime};
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use super::{DemoOptions, corpus};
use crate::domain::case::{Channel, Kind};
use crate::domain::draft::{self, CaseDraft, DraftContext, to_local, to_unix};
use crate::domain::event::{
    Decision, Disposition, Instruction, Note, NoteKind, Payload, Priority, Registration, StepDone,
};
use crate::domain::identity::{self, Sex};
use crate::domain::sop::{Next, Sop, StepKind};
use crate::domain::summary::summarize;
use crate::domain::workflow::{CaseState, Clock};
use crate::i18n::Msg;
use crate::service::{Desk, store_msg};
use crate::store::{EventDraft, TextIndex, Writer};

/// Events per transaction: large enough to amortise commits, small enough
/// that a bulk load does not hold gigabytes in the WAL.
const EVENTS_PER_COMMIT: u64 = 100_000;

const CHANNELS: [(Channel, u32); 12] = [
    (Channel::Loket, 30),
    (Channel::Whatsapp, 18),
    (Channel::Surat, 12),
    (Channel::Telepon, 8),
    (Channel::Formulir, 8),
    (Channel::Sp4nLapor, 8),
    (Channel::Email, 5),
    (Channel::Website, 3),
    (Channel::Instagram, 3),
    (Channel::Sms, 2),
    (Channel::KotakSaran, 2),
    (Channel::QuickResponse, 1),
];

/// What is scheduled next for a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    Step,
    Resume,
}

struct Active {
    case: Uuid,
    case_n: i64,
    sop: usize,
    state: CaseState,
    pending: Pending,
    /// Multiplies every step's time standard: below 1 on time, above late.
    pace: f64,
    /// The case stops moving after this many steps (a forgotten file).
    stall_after: Option<usize>,
    /// The clock will be paused once, at this step count.
    pause_at: Option<usize>,
}

pub struct Simulation<'d> {
    desk: &'d mut Desk,
    opts: &'d DemoOptions,
}

impl<'d> Simulation<'d> {
    pub fn new(desk: &'d mut Desk, opts: &'d DemoOptions) -> Simulation<'d> {
        Simulation { desk, opts }
    }

    /// Returns (events written, cases left open).
    pub fn run(self, progress: &mut dyn FnMut(u64, u64)) -> Result<(u64, u64), Msg> {
        let now = self.desk.now();
        let Desk {
            store,
            sops,
            calendar,
            offset,
            config,
            local,
            agenda,
            locations,
            ..
        } = self.desk;
        let offset = *offset;
        let clock = Clock { calendar, offset };
        let db = locations.database.clone();
        let err = |e| store_msg(e, &db);
        let sop_list: Vec<Sop> = sops.sops.clone();
        let sop_of_kind = |k: Kind| {
            sop_list
                .iter()
                .position(|s| s.id == sops.for_kind(k).id)
                .unwrap_or(0)
        };
        let people = Typists::new(config, &sop_list);
        let mut rng = ChaCha8Rng::seed_from_u64(self.opts.seed);

        let end = to_unix(
            self.opts
                .to
                .succ_opt()
                .unwrap_or(self.opts.to)
                .and_hms_opt(0, 0, 0)
                .unwrap(),
            offset,
        )
        .min(now);
        let arrivals = arrival_times(self.opts, calendar, offset, end, &mut rng);
        let total = arrivals.len() as u64;
        let mut queue: BinaryHeap<Reverse<(i64, u64, usize)>> = BinaryHeap::new();
        let mut slots: Vec<Option<Active>> = Vec::new();
        let mut free: Vec<usize> = Vec::new();
        let mut agenda_seq: HashMap<i32, u32> = HashMap::new();
        let mut tiebreak = 0u64;
        let mut events = 0u64;
        let mut in_tx = 0u64;
        let mut w = store.writer(local).map_err(err)?;
        let hours = calendar.hours();

        let mut sim = Ctx {
            rng: &mut rng,
            clock: &clock,
            sops: &sop_list,
            people: &people,
            end,
            hours,
        };
        for (i, &arrival) in arrivals.iter().enumerate() {
            // Everything that happens before this person walks in happens first.
            while let Some(&Reverse((t, _, slot))) = queue.peek() {
                if t > arrival {
                    break;
                }
                queue.pop();
                let mut active = slots[slot].take().expect("queued slots are live");
                let written = sim.act(&mut w, &mut active, t).map_err(err)?;
                events += written;
                in_tx += written;
                match sim.schedule(&active, t) {
                    Some(next) => {
                        tiebreak += 1;
                        queue.push(Reverse((next, tiebreak, slot)));
                        slots[slot] = Some(active);
                    }
                    None => {
                        sim.project(&w, &active, local.n).map_err(err)?;
                        free.push(slot);
                    }
                }
            }
            let kind = pick_kind(sim.rng);
            let sop = sop_of_kind(kind);
            let year = to_local(arrival, offset).year();
            let seq = agenda_seq.entry(year).or_insert(0);
            *seq += 1;
            let active = sim
                .register(&mut w, kind, sop, arrival, *seq, agenda, &local.code)
                .map_err(err)?;
            events += 1;
            in_tx += 1;
            let slot = free.pop().unwrap_or_else(|| {
                slots.push(None);
                slots.len() - 1
            });
            match sim.schedule(&active, arrival) {
                Some(next) => {
                    tiebreak += 1;
                    queue.push(Reverse((next, tiebreak, slot)));
                    slots[slot] = Some(active);
                }
                None => {
                    sim.project(&w, &active, local.n).map_err(err)?;
                    free.push(slot);
                }
            }
            if in_tx >= EVENTS_PER_COMMIT {
                w.commit().map_err(err)?;
                w = store.writer(local).map_err(err)?;
                in_tx = 0;
            }
            if (i + 1) % 50_000 == 0 {
                progress(i as u64 + 1, total);
            }
        }
        // Drain what is due before the end of the period; the rest stays open.
        while let Some(Reverse((t, _, slot))) = queue.pop() {
            let mut active = slots[slot].take().expect("queued slots are live");
            if t <= end {
                events += sim.act(&mut w, &mut active, t).map_err(err)?;
                if let Some(next) = sim.schedule(&active, t) {
                    tiebreak += 1;
                    queue.push(Reverse((next, tiebreak, slot)));
                    slots[slot] = Some(active);
                    continue;
                }
            }
            sim.project(&w, &active, local.n).map_err(err)?;
        }
        w.commit().map_err(err)?;
        progress(total, total);
        let open = store
            .open_and_overdue(&to_local(end, offset).date().to_string())
            .map_err(err)?
            .0;
        Ok((events, open))
    }
}

/// Working-day arrival times, spread evenly over the period, in order.
fn arrival_times(
    opts: &DemoOptions,
    calendar: &crate::domain::calendar::Calendar,
    offset: chrono::FixedOffset,
    end: i64,
    rng: &mut ChaCha8Rng,
) -> Vec<i64> {
    let last = to_local(end, offset).date();
    let mut days = Vec::new();
    let mut d = opts.from;
    while d <= opts.to && d <= last {
        if calendar.is_workday(d) {
            days.push(d);
        }
        d = d.succ_opt().expect("dates stay in range");
    }
    if days.is_empty() {
        days.push(opts.from);
    }
    let hours = calendar.hours();
    let span = i64::from(hours.minutes_per_day().max(1)) * 60;
    let n = opts.cases as usize;
    let mut out = Vec::with_capacity(n);
    for (i, day) in days.iter().enumerate() {
        let count = (i + 1) * n / days.len() - i * n / days.len();
        let opens = to_unix(day.and_time(hours.start), offset);
        let mut times: Vec<i64> = (0..count)
            .map(|_| opens + rng.random_range(0..span))
            .collect();
        times.sort_unstable();
        out.extend(times.into_iter().filter(|t| *t <= end));
    }
    out
}

fn pick_kind(rng: &mut ChaCha8Rng) -> Kind {
    match rng.random_range(0..100) {
        0..62 => Kind::Pengaduan,
        62..92 => Kind::Konsultasi,
        _ => Kind::Aspirasi,
    }
}

fn pick_channel(rng: &mut ChaCha8Rng) -> Channel {
    let total: u32 = CHANNELS.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total);
    for (c, w) in CHANNELS {
        if roll < w {
            return c;
        }
        roll -= w;
    }
    Channel::Loket
}

fn random_uuid(rng: &mut ChaCha8Rng) -> Uuid {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// Who types each role's actions: the configured person with that role, or
/// for a head deciding on paper, the person whose role records it.
struct Typists {
    by_role: HashMap<String, (String, String)>,
}

impl Typists {
    fn new(config: &crate::config::Config, sops: &[Sop]) -> Typists {
        let mut by_role = HashMap::new();
        for sop in sops {
            for role in &sop.roles {
                let own = config.people.iter().find(|p| p.role == role.id);
                let proxy = || {
                    role.recorded_by
                        .iter()
                        .find_map(|r| config.people.iter().find(|p| &p.role == r))
                };
                let (name, person_role) = match own.or_else(proxy) {
                    Some(p) => (p.name.clone(), p.role.clone()),
                    None => (role.name.clone(), role.id.clone()),
                };
                by_role
                    .entry(role.id.clone())
                    .or_insert((name, person_role));
            }
        }
        Typists { by_role }
    }

    fn of(&self, role: &str) -> (String, String) {
        self.by_role
            .get(role)
            .cloned()
            .unwrap_or_else(|| (role.to_string(), role.to_string()))
    }
}

struct Ctx<'a> {
    rng: &'a mut ChaCha8Rng,
    clock: &'a Clock<'a>,
    sops: &'a [Sop],
    people: &'a Typists,
    end: i64,
    hours: crate::domain::calendar::OfficeHours,
}

impl Ctx<'_> {
    #[allow(clippy::too_many_arguments)]
    fn register(
        &mut self,
        w: &mut Writer<'_>,
        kind: Kind,
        sop: usize,
        at: i64,
        seq: u32,
        agenda: &crate::domain::agenda::AgendaFormat,
        desk_code: &str,
    ) -> crate::store::Result<Active> {
        let draft = self.draft(kind, at);
        let ctx = DraftContext {
            now: at,
            offset: self.clock.offset,
        };
        let input =
            draft::validate(&draft, &ctx, Vec::new(), None).expect("generated drafts are valid");
        let local = to_local(at, self.clock.offset);
        let reg = Registration {
            agenda_no: agenda.render(seq, kind, desk_code, local.year(), local.month()),
            agenda_year: local.year(),
            agenda_seq: seq,
            sop: self.sops[sop].id.clone(),
            input,
        };
        let case = random_uuid(self.rng);
        let case_n = w.case_n(case)?;
        let (person, person_role) = self.people.of("operator");
        let id = random_uuid(self.rng);
        let event = w.append_as(
            case_n,
            EventDraft {
                case,
                at,
                recorded: at,
                person,
                person_role: person_role.clone(),
                role: person_role,
                payload: Payload::CaseRegistered(Box::new(reg)),
            },
            id,
        )?;
        let state = CaseState::registered(&event, Some(&self.sops[sop])).expect("a registration");
        let roll = self.rng.random_range(0..100);
        let pace = if roll < 85 {
            self.rng.random_range(0.15..0.9)
        } else {
            self.rng.random_range(1.1..2.8)
        };
        let stall_after = (self.rng.random_range(0..100) < 3).then(|| self.rng.random_range(1..6));
        let pause_at = (self.rng.random_range(0..100) < 6).then(|| self.rng.random_range(1..5));
        Ok(Active {
            case,
            case_n,
            sop,
            state,
            pending: Pending::Step,
            pace,
            stall_after,
            pause_at,
        })
    }

    fn draft(&mut self, kind: Kind, at: i64) -> CaseDraft {
        let rng = &mut *self.rng;
        let channel = pick_channel(rng);
        let female = rng.random_bool(0.45);
        let name = corpus::person_name(
            rng,
            if female {
                corpus::Sex::Female
            } else {
                corpus::Sex::Male
            },
        );
        let place = corpus::place(rng);
        let today = to_local(at, self.clock.offset).date();
        let age_days = rng.random_range(18 * 365..70 * 365);
        let birth = today - Duration::days(age_days);
        let sex = if female { Sex::Female } else { Sex::Male };
        let serial = rng.random_range(1..=9999);
        let licence = corpus::licence_type(rng);
        let business = corpus::business_name(rng, licence);
        let corpus_kind = match kind {
            Kind::Pengaduan => corpus::Kind::Pengaduan,
            Kind::Konsultasi => corpus::Kind::Konsultasi,
            Kind::Aspirasi => corpus::Kind::Aspirasi,
        };
        let (subject, description) =
            corpus::subject_and_description(rng, corpus_kind, licence, &business, &place);
        let anonymous = channel != Channel::Loket && rng.random_range(0..100) < 2;
        let confidential = !anonymous && rng.random_range(0..100) < 4;
        let with_email =
            matches!(channel, Channel::Email | Channel::Website) || rng.random_bool(0.2);
        CaseDraft {
            kind: kind.id().into(),
            channel: channel.id().into(),
            name: if anonymous {
                String::new()
            } else {
                name.clone()
            },
            nik: if anonymous || rng.random_bool(0.15) {
                String::new()
            } else {
                identity::make_nik(place.region6, birth, sex, serial)
            },
            address: if anonymous {
                String::new()
            } else {
                corpus::address(rng, &place)
            },
            phone: if anonymous {
                String::new()
            } else {
                corpus::mobile_phone(rng)
            },
            email: if with_email && !anonymous {
                corpus::email_for(rng, &name)
            } else {
                String::new()
            },
            confidential,
            anonymous,
            identity_attached: !anonymous && channel == Channel::Loket,
            business,
            licence_no: corpus::licence_number(rng, licence, today.year()),
            licence_type: corpus::LICENCE_TYPES[licence].1.into(),
            subject,
            description,
            ..CaseDraft::default()
        }
    }

    /// When the case's next action happens, or None if it never will
    /// (finished, or a forgotten file that stays open and goes overdue).
    fn schedule(&mut self, a: &Active, now: i64) -> Option<i64> {
        if a.state.status.is_finished() {
            return None;
        }
        if a.stall_after.is_some_and(|n| a.state.done.len() >= n) {
            return None;
        }
        let minutes = match a.pending {
            Pending::Resume => self.rng.random_range(1..6) * self.hours.minutes_per_day(),
            Pending::Step => {
                let step = a.state.current_step(&self.sops[a.sop])?;
                let jitter: f64 = self.rng.random_range(0.6..1.4);
                ((f64::from(step.minutes) * a.pace * jitter) as u32).max(3)
            }
        };
        let due = self
            .clock
            .calendar
            .add_work_minutes(self.local(now), minutes);
        Some(to_unix(due, self.clock.offset))
    }

    fn local(&self, t: i64) -> NaiveDateTime {
        to_local(t, self.clock.offset)
    }

    /// Performs the case's pending action at `t`; returns the events written.
    fn act(&mut self, w: &mut Writer<'_>, a: &mut Active, t: i64) -> crate::store::Result<u64> {
        if t > self.end {
            return Ok(0);
        }
        let sop = &self.sops[a.sop];
        if a.pending == Pending::Resume {
            a.pending = Pending::Step;
            let note = corpus::step_note(self.rng, 4);
            return self.write(w, a, t, "kasi", Payload::ClockResumed { note });
        }
        if a.pause_at.is_some_and(|n| a.state.done.len() >= n) {
            a.pause_at = None;
            a.pending = Pending::Resume;
            let reason = corpus::step_note(self.rng, 4);
            let role = sop
                .pause_roles
                .first()
                .cloned()
                .unwrap_or_else(|| "kasi".into());
            return self.write(w, a, t, &role, Payload::ClockPaused { reason });
        }
        let Some(step) = a.state.current_step(sop).cloned() else {
            return Ok(0);
        };
        let mut written = 0;
        if let Some(kind) = note_for(&step.id).filter(|_| self.rng.random_bool(0.35)) {
            {
                let text = corpus::step_note(self.rng, if kind == NoteKind::Bap { 2 } else { 1 });
                let note = Payload::NoteAdded(Note {
                    kind,
                    text,
                    replaces: None,
                });
                written += self.write(w, a, t, &step.actor, note)?;
            }
        }
        let payload = match step.kind {
            StepKind::Disposition => Payload::DispositionRecorded(Disposition {
                step: Some(step.id.clone()),
                from: step.actor.clone(),
                to: step.to.clone().unwrap_or_default(),
                instruction: step
                    .instruction
                    .as_deref()
                    .and_then(Instruction::parse)
                    .unwrap_or(Instruction::TindakLanjuti),
                priority: if self.rng.random_bool(0.1) {
                    Priority::Segera
                } else {
                    Priority::Biasa
                },
                note: if self.rng.random_bool(0.3) {
                    corpus::step_note(self.rng, 0)
                } else {
                    String::new()
                },
                written_on: Some(self.local(t).date()),
            }),
            StepKind::Decision => {
                let option = self.choose(sop, &step);
                let forward = step.options.iter().any(|o| o.id == option && o.forward);
                Payload::Decided(Decision {
                    step: step.id.clone(),
                    opd: forward.then(|| {
                        corpus::OPDS[self.rng.random_range(0..corpus::OPDS.len())].to_string()
                    }),
                    option,
                    note: String::new(),
                })
            }
            StepKind::Task => Payload::StepCompleted(StepDone {
                step: step.id.clone(),
                output: if self.rng.random_bool(0.25) {
                    corpus::step_note(self.rng, 3)
                } else {
                    step.output.clone()
                },
            }),
        };
        written += self.write(w, a, t, &step.actor, payload)?;
        Ok(written)
    }

    /// Picks a decision option: forwarding about a third of the time,
    /// answering a consultation at once about two thirds of the time.
    fn choose(&mut self, sop: &Sop, step: &crate::domain::sop::Step) -> String {
        let consultation = sop.id.contains("konsultasi");
        let weight = |o: &crate::domain::sop::DecisionOption| match (&o.next, o.forward) {
            (_, true) => 35,
            (Next::End(_), false) if consultation => 65,
            (Next::End(_), false) => 30,
            (Next::Step(_), false) => 65,
        };
        let total: u32 = step.options.iter().map(weight).sum();
        let mut roll = self.rng.random_range(0..total.max(1));
        for o in &step.options {
            if roll < weight(o) {
                return o.id.clone();
            }
            roll -= weight(o);
        }
        step.options[0].id.clone()
    }

    fn write(
        &mut self,
        w: &mut Writer<'_>,
        a: &mut Active,
        t: i64,
        role: &str,
        payload: Payload,
    ) -> crate::store::Result<u64> {
        let (person, person_role) = self.people.of(role);
        let id = random_uuid(self.rng);
        let draft = EventDraft {
            case: a.case,
            at: t,
            recorded: t,
            person,
            person_role,
            role: role.to_string(),
            payload,
        };
        let event = w.append_as(a.case_n, draft, id)?;
        a.state.apply(&event, Some(&self.sops[a.sop]));
        Ok(1)
    }

    fn project(&self, w: &Writer<'_>, a: &Active, desk_n: i64) -> crate::store::Result<()> {
        let sop = &self.sops[a.sop];
        let summary = summarize(&a.state, Some(sop), self.clock);
        w.put_case(a.case_n, &summary, &a.state, desk_n, TextIndex::New)
    }
}

/// Investigation steps where staff usually write a note first.
fn note_for(step: &str) -> Option<NoteKind> {
    if step == "cek-data" {
        Some(NoteKind::CekPerizinan)
    } else if step.contains("penanganan") || step.contains("investigasi") {
        Some(NoteKind::Bap)
    } else {
        None
    }
}
