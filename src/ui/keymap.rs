//! One key map: every key of every screen is a binding from a key (with a
//! condition on the focused field where its meaning depends on it) to one
//! `Action`. The help window is generated from it, and `[keys]` in
//! config.toml rebinds an action by its name.

use std::collections::BTreeMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Focus, When};
use super::tab::Tab;
use crate::domain::workflow::ActionKind;
use crate::service::Queue;

/// Where a binding applies: a tab's screen, or the window in front.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// Every screen and window.
    Everywhere,
    /// Every tab while no window is open.
    Tabs,
    /// Choosing who signs in.
    Picker,
    Intake,
    Inbox,
    /// Investigasi: the list of cases.
    Notes,
    /// Investigasi: one case's notes.
    NotesCase,
    Recap,
    /// The whole case, over any tab.
    CaseView,
    /// The search window.
    Search,
    /// The form of an SOP action.
    ActForm,
    /// The form of a note, a withdrawal or an attachment.
    NoteForm,
    /// Settling a conflict.
    Settle,
    /// The sync window.
    Sync,
    /// A yes/no question.
    Question,
    /// Possible duplicates of the complaint being registered.
    Duplicates,
    /// A message, a receipt or a short list to read.
    Message,
    /// A list to pick from (note kinds, attachments).
    Pick,
    /// The help window.
    Help,
    /// The list of a case's documents to print.
    Print,
    /// A case's outgoing letters.
    Letter,
    /// A letter's konsep being edited.
    LetterEdit,
    /// The PIN window: signing in, or the screen locked after idle time.
    Lock,
}

impl Scope {
    /// The scope's name (for the help window's title).
    pub fn name(self) -> &'static str {
        match self {
            Scope::Everywhere => "everywhere",
            Scope::Tabs => "tabs",
            Scope::Picker => "picker",
            Scope::Intake => "intake",
            Scope::Inbox => "inbox",
            Scope::Notes => "notes",
            Scope::NotesCase => "notes_case",
            Scope::Recap => "recap",
            Scope::CaseView => "case_view",
            Scope::Search => "search",
            Scope::ActForm => "act_form",
            Scope::NoteForm => "note_form",
            Scope::Settle => "settle",
            Scope::Sync => "sync",
            Scope::Question => "question",
            Scope::Duplicates => "duplicates",
            Scope::Message => "message",
            Scope::Pick => "pick",
            Scope::Help => "help",
            Scope::Print => "print",
            Scope::Letter => "letter",
            Scope::LetterEdit => "letter_edit",
            Scope::Lock => "lock",
        }
    }

    /// Tabs' scopes, where the `Tabs` bindings apply too.
    fn is_tab(self) -> bool {
        // The notes' forms and lists are part of the Investigasi tab (not
        // windows over it): switching person or tab keeps them as they are.
        matches!(
            self,
            Scope::Intake
                | Scope::Inbox
                | Scope::Notes
                | Scope::NotesCase
                | Scope::NoteForm
                | Scope::Pick
                | Scope::Recap
        )
    }

    /// The scopes whose bindings work in this one, its own first.
    pub fn layers(self) -> Vec<Scope> {
        let mut layers = vec![self];
        if self.is_tab() {
            layers.push(Scope::Tabs);
        }
        if self != Scope::Everywhere {
            layers.push(Scope::Everywhere);
        }
        layers
    }

    pub const ALL: [Scope; 23] = [
        Scope::Everywhere,
        Scope::Tabs,
        Scope::Picker,
        Scope::Intake,
        Scope::Inbox,
        Scope::Notes,
        Scope::NotesCase,
        Scope::Recap,
        Scope::CaseView,
        Scope::Search,
        Scope::ActForm,
        Scope::NoteForm,
        Scope::Settle,
        Scope::Sync,
        Scope::Question,
        Scope::Duplicates,
        Scope::Message,
        Scope::Pick,
        Scope::Help,
        Scope::Print,
        Scope::Letter,
        Scope::LetterEdit,
        Scope::Lock,
    ];
}

/// A key with its modifiers, as the terminal reports it. Shift is part of
/// a letter (`A`), not a modifier of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Chord {
    pub fn of(key: KeyEvent) -> Chord {
        let mut mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match key.code {
            KeyCode::BackTab => KeyCode::BackTab,
            KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            c => c,
        };
        if matches!(code, KeyCode::Tab | KeyCode::Enter | KeyCode::Esc)
            && key.modifiers.contains(KeyModifiers::SHIFT)
        {
            mods |= KeyModifiers::SHIFT;
        }
        Chord { code, mods }
    }

    /// The key event this chord stands for (for tests and replays).
    pub fn event(self) -> KeyEvent {
        KeyEvent::new(self.code, self.mods)
    }

    /// Reads a key name as config.toml and the help write it:
    /// `Ctrl+Q`, `Alt+1`, `F8`, `PgDn`, `Shift+Tab`, `Space`, `↑`, `x`.
    pub fn parse(text: &str) -> Result<Chord, String> {
        let text = text.trim();
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl+") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt+") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift+") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            mods |= m;
            rest = &rest[len..];
        }
        let code = named_key(rest).ok_or_else(|| text.to_string())?;
        let code = match code {
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods -= KeyModifiers::SHIFT;
                KeyCode::BackTab
            }
            KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
                mods -= KeyModifiers::SHIFT;
                KeyCode::Char(c.to_ascii_uppercase())
            }
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            c => c,
        };
        Ok(Chord { code, mods })
    }
}

fn named_key(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" | "spasi" => KeyCode::Char(' '),
        "up" | "↑" => KeyCode::Up,
        "down" | "↓" => KeyCode::Down,
        "left" | "←" => KeyCode::Left,
        "right" | "→" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        f if f.starts_with('f') && f.len() > 1 => {
            let n: u8 = f[1..].parse().ok()?;
            (1..=12).contains(&n).then_some(KeyCode::F(n))?
        }
        _ => {
            let mut chars = name.chars();
            let c = chars.next()?;
            if chars.next().is_some() || c.is_control() {
                return None;
            }
            KeyCode::Char(c)
        }
    })
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl+")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt+")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift+")?;
        }
        match self.code {
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift+Tab"),
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub scope: Scope,
    pub key: Chord,
    pub when: When,
    pub action: Action,
}

/// Why a `[keys]` table was refused; `line` is its line in config.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    UnknownAction {
        line: usize,
        name: String,
    },
    BadKey {
        line: usize,
        name: String,
        key: String,
    },
    Clash {
        line: usize,
        key: String,
        first: String,
        second: String,
    },
}

impl KeyProblem {
    /// The line of config.toml it is on (from 1).
    pub fn line(&self) -> usize {
        match self {
            KeyProblem::UnknownAction { line, .. }
            | KeyProblem::BadKey { line, .. }
            | KeyProblem::Clash { line, .. } => *line,
        }
    }

    /// What is wrong, in the user's words (the line is said apart).
    pub fn text(&self) -> String {
        use crate::i18n::keys as k;
        match self {
            KeyProblem::UnknownAction { name, .. } => k::key_problem_unknown(name),
            KeyProblem::BadKey { name, key, .. } => k::key_problem_bad_key(name, key),
            KeyProblem::Clash {
                key, first, second, ..
            } => k::key_problem_clash(key, first, second),
        }
    }
}

#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            bindings: defaults(),
        }
    }
}

impl KeyMap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action a key stands for in a scope, given the focused field.
    pub fn action(&self, scope: Scope, key: KeyEvent, focus: Focus) -> Option<Action> {
        let chord = Chord::of(key);
        scope.layers().into_iter().find_map(|layer| {
            self.bindings
                .iter()
                .find(|b| b.scope == layer && b.key == chord && b.when.holds(focus))
                .map(|b| b.action)
        })
    }

    /// The help of a scope: each action bound there (and in the scopes
    /// beneath), with its keys, in the order of `Action::all`.
    pub fn help(&self, scope: Scope) -> Vec<(String, Action)> {
        let layers = scope.layers();
        Action::all()
            .into_iter()
            .filter_map(|action| {
                let keys: Vec<String> = layers
                    .iter()
                    .flat_map(|layer| {
                        self.bindings
                            .iter()
                            .filter(move |b| b.scope == *layer && b.action == action)
                    })
                    .map(|b| b.key.to_string())
                    .fold(Vec::new(), |mut keys, k| {
                        if !keys.contains(&k) {
                            keys.push(k);
                        }
                        keys
                    });
                (!keys.is_empty()).then(|| (keys.join(", "), action))
            })
            .collect()
    }

    /// The default map with `[keys]` applied. `table` maps an action's
    /// name to one key or a list of keys; `source` is the config text, to
    /// name the line of a problem. Each named action's keys are replaced
    /// wherever the action is bound.
    pub fn with_overrides(
        table: &BTreeMap<String, Vec<String>>,
        source: &str,
    ) -> Result<KeyMap, KeyProblem> {
        let mut map = KeyMap::default();
        for (name, keys) in table {
            let line = line_of(source, name);
            let action = Action::from_name(name).ok_or_else(|| KeyProblem::UnknownAction {
                line,
                name: name.clone(),
            })?;
            let chords = keys
                .iter()
                .map(|k| {
                    Chord::parse(k).map_err(|key| KeyProblem::BadKey {
                        line,
                        name: name.clone(),
                        key,
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            map.rebind(action, &chords);
        }
        map.check_clashes(|action| line_of(source, &action.name()))?;
        Ok(map)
    }

    /// The map of the desk's config: `[keys]` applied, or why not.
    pub fn from_config(config: &crate::config::Config, source: &str) -> Result<KeyMap, KeyProblem> {
        let table: BTreeMap<String, Vec<String>> = config
            .keys
            .iter()
            .map(|(name, spec)| (name.clone(), spec.names()))
            .collect();
        KeyMap::with_overrides(&table, source)
    }

    fn rebind(&mut self, action: Action, chords: &[Chord]) {
        let mut places: Vec<(Scope, When)> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.action == action) {
            if !places.contains(&(b.scope, b.when)) {
                places.push((b.scope, b.when));
            }
        }
        self.bindings.retain(|b| b.action != action);
        for (scope, when) in places {
            for &key in chords {
                self.bindings.push(Binding {
                    scope,
                    key,
                    when,
                    action,
                });
            }
        }
    }

    /// Two actions on one key where both can apply: in the same scope, or
    /// one in a scope beneath the other.
    fn check_clashes(&self, line: impl Fn(Action) -> usize) -> Result<(), KeyProblem> {
        for scope in Scope::ALL {
            let layers = scope.layers();
            let visible: Vec<&Binding> = self
                .bindings
                .iter()
                .filter(|b| layers.contains(&b.scope))
                .collect();
            for (i, a) in visible.iter().enumerate() {
                for b in &visible[i + 1..] {
                    if a.key == b.key && a.action != b.action && a.when.overlaps(b.when) {
                        let (first, second) = (a.action.name(), b.action.name());
                        let at = line(a.action).max(line(b.action));
                        return Err(KeyProblem::Clash {
                            line: at,
                            key: a.key.to_string(),
                            first,
                            second,
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

static CURRENT: std::sync::LazyLock<std::sync::RwLock<KeyMap>> =
    std::sync::LazyLock::new(|| std::sync::RwLock::new(KeyMap::default()));

/// Makes `map` the key map of the interface (once, from the config).
pub fn install(map: KeyMap) {
    *CURRENT.write().unwrap_or_else(|e| e.into_inner()) = map;
}

/// Reads the key map in force.
pub fn with<R>(f: impl FnOnce(&KeyMap) -> R) -> R {
    f(&CURRENT.read().unwrap_or_else(|e| e.into_inner()))
}

/// The action of a key in a scope, from the key map in force.
pub fn lookup(scope: Scope, key: KeyEvent, focus: Focus) -> Option<Action> {
    with(|m| m.action(scope, key, focus))
}

/// The first key of an action in a scope (for hints drawn on screen).
pub fn key_of(scope: Scope, action: Action) -> String {
    with(|m| {
        scope
            .layers()
            .into_iter()
            .find_map(|layer| {
                m.bindings
                    .iter()
                    .find(|b| b.scope == layer && b.action == action)
            })
            .map(|b| b.key.to_string())
            .unwrap_or_default()
    })
}

/// A screen's key line from (action name, what it does) pairs: each
/// action's first key in the key map in force; an empty name is shown
/// as its text alone.
pub fn hints(scope: Scope, pairs: &[(&'static str, &'static str)]) -> Vec<(String, &'static str)> {
    pairs
        .iter()
        .map(|(name, what)| {
            let key = Action::from_name(name).map_or_else(String::new, |a| key_of(scope, a));
            (key, *what)
        })
        .collect()
}

/// The line (from 1) where `name = …` stands in the `[keys]` table, or 0.
fn line_of(source: &str, name: &str) -> usize {
    let mut in_keys = false;
    for (i, line) in source.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_keys = trimmed == "[keys]";
            continue;
        }
        let key = trimmed
            .split('=')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        if in_keys && key == name {
            return i + 1;
        }
    }
    0
}

fn defaults() -> Vec<Binding> {
    use Action as A;
    use Scope as S;
    use When as W;
    let mut out = Vec::new();
    let mut bind = |scope: Scope, keys: &[&str], when: When, action: Action| {
        for k in keys {
            let key = Chord::parse(k).expect("default key names parse");
            out.push(Binding {
                scope,
                key,
                when,
                action,
            });
        }
    };
    // Everywhere: help and quit, also with a window open.
    bind(S::Everywhere, &["F1"], W::Always, A::Help);
    bind(S::Everywhere, &["?"], W::NoText, A::Help);
    bind(S::Everywhere, &["Ctrl+Q"], W::Always, A::Quit);
    // Tabs.
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let key = format!("Alt+{}", i + 1);
        bind(S::Tabs, &[key.as_str()], W::Always, A::GoTab(*tab));
    }
    bind(S::Tabs, &["Ctrl+PgDn"], W::Always, A::NextTab);
    bind(S::Tabs, &["Ctrl+PgUp"], W::Always, A::PrevTab);
    bind(S::Tabs, &["Ctrl+F"], W::Always, A::Search);
    bind(S::Tabs, &["F8"], W::Always, A::Sync);
    bind(S::Tabs, &["F9"], W::Always, A::SwitchPerson);
    // The PIN window: F9 hands the desk to another person.
    bind(S::Lock, &["Enter"], W::Always, A::Confirm);
    bind(S::Lock, &["Esc"], W::Always, A::Cancel);
    bind(S::Lock, &["F9"], W::Always, A::SwitchPerson);

    // Lists: moving, opening, closing.
    let lists = [
        S::Picker,
        S::Inbox,
        S::Notes,
        S::NotesCase,
        S::CaseView,
        S::Search,
        S::Pick,
        S::Help,
        S::Duplicates,
        S::Print,
        S::Letter,
    ];
    for scope in lists {
        bind(scope, &["↑"], W::Always, A::Up);
        bind(scope, &["↓"], W::Always, A::Down);
        bind(scope, &["PgUp"], W::Always, A::PageUp);
        bind(scope, &["PgDn"], W::Always, A::PageDown);
    }
    for scope in [
        S::Picker,
        S::NotesCase,
        S::CaseView,
        S::Pick,
        S::Help,
        S::Print,
    ] {
        bind(scope, &["Home"], W::Always, A::First);
        bind(scope, &["End"], W::Always, A::Last);
    }
    // A queue may hold a million cases: the inbox goes to the top only.
    bind(S::Inbox, &["Home"], W::Always, A::First);
    // A case in any list opens whole with Enter.
    for scope in [S::Inbox, S::Notes, S::Search] {
        bind(scope, &["Enter"], W::Always, A::Open);
    }
    bind(S::NotesCase, &["Enter"], W::Always, A::Open);
    bind(S::Notes, &["Ctrl+O"], W::Always, A::Investigate);
    for scope in [
        S::Picker,
        S::NotesCase,
        S::Notes,
        S::CaseView,
        S::Search,
        S::ActForm,
        S::NoteForm,
        S::Settle,
        S::Sync,
        S::Question,
        S::Duplicates,
        S::Message,
        S::Pick,
        S::Help,
        S::Print,
        S::Letter,
        S::LetterEdit,
    ] {
        bind(scope, &["Esc"], W::Always, A::Cancel);
    }
    for scope in [
        S::Picker,
        S::Question,
        S::Duplicates,
        S::Message,
        S::Pick,
        S::Sync,
        S::Settle,
        S::ActForm,
        S::Print,
    ] {
        bind(scope, &["Enter"], W::Always, A::Confirm);
    }
    for n in 1..=9u8 {
        bind(S::Pick, &[n.to_string().as_str()], W::Always, A::Choose(n));
    }
    for n in 1..=paper_count() {
        bind(S::Print, &[n.to_string().as_str()], W::Always, A::Choose(n));
    }
    bind(S::Question, &["y"], W::Always, A::Confirm);
    bind(S::Question, &["n"], W::Always, A::Cancel);
    bind(S::Duplicates, &["Ctrl+L"], W::Always, A::Link);
    bind(S::Sync, &["y"], W::NoText, A::Trust);

    // Forms.
    for scope in [S::Intake, S::NoteForm, S::ActForm, S::Settle] {
        bind(scope, &["Tab"], W::Always, A::NextField);
        bind(scope, &["Shift+Tab"], W::Always, A::PrevField);
        bind(scope, &["↓"], W::NotArea, A::NextField);
        bind(scope, &["↑"], W::NotArea, A::PrevField);
        bind(scope, &["→"], W::Choice, A::OptionNext);
        bind(scope, &["←"], W::Choice, A::OptionPrev);
        bind(scope, &["Space"], W::ChoiceOrCheck, A::Toggle);
    }
    // A conflict's versions are picked with ← → also while one is edited.
    bind(S::Settle, &["→"], W::Always, A::OptionNext);
    bind(S::Settle, &["←"], W::Always, A::OptionPrev);
    bind(S::Intake, &["Enter"], W::NotArea, A::NextField);
    bind(S::Intake, &["Ctrl+S"], W::Always, A::Save);
    bind(S::NoteForm, &["Ctrl+S"], W::Always, A::Save);
    // Enter goes on to the next field (or answers a one-field question);
    // in a multi-line area it starts a new line.
    bind(S::NoteForm, &["Enter"], W::NotArea, A::Confirm);
    bind(S::Intake, &["Ctrl+K"], W::Always, A::ClearForm);
    bind(S::Intake, &["/"], W::NothingTyped, A::Search);

    // The inbox and the case view: SOP actions on the case.
    for (i, q) in Queue::ALL.iter().enumerate() {
        let key = format!("F{}", i + 2);
        bind(S::Inbox, &[key.as_str()], W::Always, A::Queue(*q));
    }
    for scope in [S::Inbox, S::CaseView] {
        bind(scope, &["d"], W::Always, A::Act(ActionKind::Dispose));
        bind(scope, &["p"], W::Always, A::Act(ActionKind::Decide));
        bind(scope, &["s"], W::Always, A::Act(ActionKind::Complete));
        bind(scope, &["j"], W::Always, A::Act(ActionKind::Pause));
        bind(scope, &["u"], W::Always, A::Act(ActionKind::Resume));
        bind(scope, &["x"], W::Always, A::Act(ActionKind::Close));
        bind(scope, &["n"], W::Always, A::NewNote);
        bind(scope, &["i"], W::Always, A::Investigate);
        bind(scope, &["c"], W::Always, A::Settle);
    }

    // The case's paper: documents to print, letters to write and record.
    bind(S::CaseView, &["Ctrl+P"], W::Always, A::PrintDocument);
    bind(S::CaseView, &["w"], W::Always, A::Letter);
    bind(S::Print, &["s"], W::Always, A::SaveDocument);
    bind(S::Letter, &["→"], W::Always, A::OptionNext);
    bind(S::Letter, &["←"], W::Always, A::OptionPrev);
    bind(S::Letter, &["e", "Enter"], W::Always, A::EditLetter);
    bind(S::Letter, &["p"], W::Always, A::Paraf);
    bind(S::Letter, &["t"], W::Always, A::Sign);
    bind(S::Letter, &["k"], W::Always, A::Send);
    bind(S::LetterEdit, &["Ctrl+S"], W::Always, A::Save);

    // Investigasi: a case's notes.
    bind(S::NotesCase, &["n"], W::Always, A::NewNote);
    bind(S::NotesCase, &["k"], W::Always, A::CorrectNote);
    bind(S::NotesCase, &["t"], W::Always, A::WithdrawNote);
    bind(S::NotesCase, &["l"], W::Always, A::Attach);
    bind(S::NotesCase, &["a"], W::Always, A::Attachments);
    bind(S::NotesCase, &["r"], W::Always, A::Report);

    // Recap.
    bind(S::Recap, &["←"], W::Always, A::Earlier);
    bind(S::Recap, &["→"], W::Always, A::Later);
    bind(S::Recap, &["t"], W::Always, A::WholeYear);
    bind(S::Recap, &["b"], W::Always, A::ByMonth);
    bind(S::Recap, &["e"], W::Always, A::Export);
    // The list of cases past their deadline.
    bind(S::Recap, &["↑"], W::Always, A::Up);
    bind(S::Recap, &["↓"], W::Always, A::Down);
    bind(S::Recap, &["Enter"], W::Always, A::Open);
    out
}

/// How many documents the print list offers (each has a number key).
fn paper_count() -> u8 {
    crate::paper::DocKind::OF_CASE.len() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_read_back_as_written() {
        for name in [
            "Ctrl+Q",
            "Alt+1",
            "F8",
            "PgDn",
            "Shift+Tab",
            "Space",
            "↑",
            "x",
            "?",
        ] {
            assert_eq!(Chord::parse(name).unwrap().to_string(), name);
        }
        assert!(Chord::parse("Ctrl+Hyper").is_err());
        assert!(Chord::parse("F13").is_err());
    }

    #[test]
    fn the_default_map_has_no_clash() {
        KeyMap::default().check_clashes(|_| 0).unwrap();
    }

    #[test]
    fn every_action_has_a_name_read_back() {
        for a in Action::all() {
            assert_eq!(Action::from_name(&a.name()), Some(a), "{}", a.name());
        }
    }
}
