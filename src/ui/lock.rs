//! The PIN window: asks the picked person's PIN at sign-in (or, the first
//! time, a new one typed twice), and locks the screen after idle time with a
//! window over everything until the signed-in person's PIN is given again
//! (or F9 hands the desk to someone else). Digits show as •.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::action::Action;
use super::popup::centered;
use super::theme;
use crate::config::Person;
use crate::domain::pin::{MAX_DIGITS, PinProblem};
use crate::i18n::pin::{self as words, P, PinMsg, p};
use crate::service::Desk;
use crate::service::pin::{Place, Verdict, check_repeated};

/// Why the window is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// A person was picked to sign in.
    SignIn,
    /// No key for `[security] idle_lock_minutes`.
    Idle,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    Enter,
    NewFirst,
    NewRepeat { first: String },
}

/// What the key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockOutcome {
    Stay,
    /// The right PIN (or a new one set): the person is signed in.
    SignedIn,
    /// Esc at sign-in: back to the picker.
    Back,
    /// F9: another person signs in.
    Other,
}

pub struct LockWindow {
    pub person: Person,
    pub why: Why,
    stage: Stage,
    typed: String,
    /// The last refusal (a wrong PIN, the lock), shown until the next try.
    problem: Option<String>,
}

impl LockWindow {
    pub fn open(desk: &Desk, person: Person, why: Why) -> LockWindow {
        let pins = desk.pins();
        let (stage, problem) = match pins.has_pin(&person.name) {
            Ok(true) => (Stage::Enter, locked_text(desk, &person)),
            Ok(false) => (Stage::NewFirst, None),
            Err(e) => (Stage::Enter, Some(e.text())),
        };
        LockWindow {
            person,
            why,
            stage,
            typed: String::new(),
            problem,
        }
    }

    pub fn empty(&self) -> bool {
        self.typed.is_empty()
    }

    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent, desk: &Desk) -> LockOutcome {
        match action {
            Some(Action::Confirm) => return self.confirm(desk),
            Some(Action::Cancel) if self.why == Why::SignIn => return LockOutcome::Back,
            Some(Action::SwitchPerson) => return LockOutcome::Other,
            _ => {}
        }
        let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
        match key.code {
            KeyCode::Char(c) if plain && c.is_ascii_digit() && self.typed.len() < MAX_DIGITS => {
                self.typed.push(c);
            }
            KeyCode::Backspace => {
                self.typed.pop();
            }
            _ => {}
        }
        LockOutcome::Stay
    }

    fn confirm(&mut self, desk: &Desk) -> LockOutcome {
        let typed = std::mem::take(&mut self.typed);
        self.problem = None;
        match std::mem::replace(&mut self.stage, Stage::Enter) {
            Stage::Enter => self.check(desk, &typed),
            Stage::NewFirst => {
                match crate::domain::pin::check_new(&typed) {
                    Ok(()) => self.stage = Stage::NewRepeat { first: typed },
                    Err(e) => self.refuse_new(e, Stage::NewFirst),
                }
                LockOutcome::Stay
            }
            Stage::NewRepeat { first } => match check_repeated(&first, &typed) {
                Ok(()) => match desk.pins().set(&self.person.name, &first, Place::Terminal) {
                    Ok(()) => LockOutcome::SignedIn,
                    Err(e) => {
                        self.problem = Some(e.text());
                        self.stage = Stage::NewFirst;
                        LockOutcome::Stay
                    }
                },
                Err(e) => {
                    self.refuse_new(e, Stage::NewFirst);
                    LockOutcome::Stay
                }
            },
        }
    }

    fn refuse_new(&mut self, problem: PinProblem, stage: Stage) {
        self.problem = Some(words::problem(problem));
        self.stage = stage;
    }

    fn check(&mut self, desk: &Desk, typed: &str) -> LockOutcome {
        let verdict = desk
            .pins()
            .verify(&self.person.name, typed, Place::Terminal);
        let msg = match verdict {
            Ok(Verdict::Right) => return LockOutcome::SignedIn,
            Ok(Verdict::NotSet) => {
                self.stage = Stage::NewFirst;
                return LockOutcome::Stay;
            }
            Ok(Verdict::Wrong { left }) => PinMsg::Wrong { left }.text(),
            Ok(Verdict::Locked { until }) => PinMsg::Locked {
                person: self.person.name.clone(),
                until: desk.local_time(until),
            }
            .text(),
            Err(e) => e.text(),
        };
        self.problem = Some(msg);
        LockOutcome::Stay
    }

    pub fn draw(&self, f: &mut Frame<'_>, area: Rect) {
        if self.why == Why::Idle {
            // Nothing of the screen beneath stays visible.
            f.render_widget(Clear, area);
        }
        let (label, first_time) = match self.stage {
            Stage::Enter => (p(P::Pin), false),
            Stage::NewFirst => (p(P::NewPin), true),
            Stage::NewRepeat { .. } => (p(P::RepeatPin), true),
        };
        let mut lines = vec![Line::raw(words::whose(
            &self.person.name,
            &self.person.role,
        ))];
        if first_time {
            lines.push(Line::styled(p(P::FirstTime), theme::hint()));
        }
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(format!("{label}: "), theme::title()),
            Span::styled("•".repeat(self.typed.len()), theme::focused()),
        ]));
        if let Some(problem) = &self.problem {
            lines.push(Line::raw(""));
            lines.push(Line::styled(problem.clone(), theme::problem()));
        }
        lines.push(Line::raw(""));
        let hint = match self.why {
            Why::SignIn => p(P::Hint),
            Why::Idle => p(P::LockedHint),
        };
        lines.push(Line::styled(hint, theme::hint()));
        let title = match self.why {
            Why::SignIn => p(P::SignInTitle),
            Why::Idle => p(P::LockedTitle),
        };
        let box_area = centered(area, 64, lines.len() as u16 + 4);
        f.render_widget(Clear, box_area);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title, theme::title()));
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block),
            box_area,
        );
    }
}

/// The lock still running on a person, worded.
fn locked_text(desk: &Desk, person: &Person) -> Option<String> {
    let until = desk.pins().locked_until(&person.name).ok().flatten()?;
    Some(
        PinMsg::Locked {
            person: person.name.clone(),
            until: desk.local_time(until),
        }
        .text(),
    )
}
