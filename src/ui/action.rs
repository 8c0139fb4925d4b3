//! Every command of the interface as one enum. The key map (`keymap.rs`)
//! binds keys to these, the help window lists the bindings of the screen in
//! front, and `[keys]` in config.toml rebinds them by the names below, so
//! keys, help and configuration never disagree.

use crate::domain::workflow::ActionKind;
use crate::service::Queue;

use super::tab::Tab;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show the keys of the screen in front.
    Help,
    /// Leave the program; asks first when something typed is unsaved.
    Quit,
    /// Go to a tab.
    GoTab(Tab),
    /// Go to the next tab.
    NextTab,
    /// Go to the previous tab.
    PrevTab,
    /// Search every case by agenda number, name or words.
    Search,
    /// Exchange bundles with the other desks through a shared folder or a
    /// USB drive.
    Sync,
    /// Back to the person picker; unsaved forms are kept.
    SwitchPerson,

    /// Move up a row (or scroll up a line).
    Up,
    /// Move down a row (or scroll down a line).
    Down,
    /// Move up a page.
    PageUp,
    /// Move down a page.
    PageDown,
    /// Go to the first row.
    First,
    /// Go to the last row.
    Last,
    /// Open the selected case (or note) in full.
    Open,
    /// Close the window, or go back.
    Cancel,
    /// Confirm what the window asks, or pick the selected row.
    Confirm,
    /// Pick the n-th entry of a short list (1–9).
    Choose(u8),

    /// Save the form (the intake form: register the complaint).
    Save,
    /// Go to the next field.
    NextField,
    /// Go to the previous field.
    PrevField,
    /// Flip a yes/no field, or take the next option of a pick-list.
    Toggle,
    /// Take the next option of a pick-list.
    OptionNext,
    /// Take the previous option of a pick-list.
    OptionPrev,
    /// Empty the form (asks first).
    ClearForm,
    /// Link the new complaint to the earlier case shown.
    Link,

    /// Show one of the inbox queues.
    Queue(Queue),
    /// Record an SOP action on the case: disposition, decision,
    /// completion, pause, resume, close.
    Act(ActionKind),
    /// Open the case's investigation notes.
    Investigate,
    /// Settle what two desks changed apart on the case.
    Settle,

    /// Write a new investigation note (a form for each kind).
    NewNote,
    /// Correct the selected note.
    CorrectNote,
    /// Withdraw the selected note, with a reason.
    WithdrawNote,
    /// Attach a file to the case or the selected note.
    Attach,
    /// List the attachments, check them and save a copy.
    Attachments,
    /// Write the field report (BAP) of the case.
    Report,

    /// The recap of the month or year before.
    Earlier,
    /// The recap of the month or year after.
    Later,
    /// The recap of the whole year.
    WholeYear,
    /// The recap by month.
    ByMonth,
    /// Export the recap to a spreadsheet file.
    Export,

    /// Trust the new desks named and merge their bundles.
    Trust,

    /// Print one of the case's documents (a pick-list of the six).
    PrintDocument,
    /// Write the picked document as a PDF without printing it.
    SaveDocument,
    /// Open the case's outgoing letters: the forwarding letter or reply.
    Letter,
    /// Edit the letter's konsep (saved as a new version).
    EditLetter,
    /// Record the Kabid's paraf on the letter's latest version.
    Paraf,
    /// Record the Kadis's signature on the letter.
    Sign,
    /// Record that the signed letter was sent.
    Send,
}

/// The actions without a parameter, in the order the help lists them, with
/// their names in `[keys]`.
const PLAIN: &[(Action, &str)] = &[
    (Action::Help, "help"),
    (Action::Quit, "quit"),
    (Action::NextTab, "next_tab"),
    (Action::PrevTab, "prev_tab"),
    (Action::Search, "search"),
    (Action::Sync, "sync"),
    (Action::SwitchPerson, "switch_person"),
    (Action::Up, "up"),
    (Action::Down, "down"),
    (Action::PageUp, "page_up"),
    (Action::PageDown, "page_down"),
    (Action::First, "first"),
    (Action::Last, "last"),
    (Action::Open, "open"),
    (Action::Cancel, "cancel"),
    (Action::Confirm, "confirm"),
    (Action::Save, "save"),
    (Action::NextField, "next_field"),
    (Action::PrevField, "prev_field"),
    (Action::Toggle, "toggle"),
    (Action::OptionNext, "option_next"),
    (Action::OptionPrev, "option_prev"),
    (Action::ClearForm, "clear_form"),
    (Action::Link, "link"),
    (Action::Investigate, "investigate"),
    (Action::Settle, "settle"),
    (Action::NewNote, "new_note"),
    (Action::CorrectNote, "correct_note"),
    (Action::WithdrawNote, "withdraw_note"),
    (Action::Attach, "attach"),
    (Action::Attachments, "attachments"),
    (Action::Report, "report"),
    (Action::Earlier, "earlier"),
    (Action::Later, "later"),
    (Action::WholeYear, "whole_year"),
    (Action::ByMonth, "by_month"),
    (Action::Export, "export"),
    (Action::Trust, "trust"),
    (Action::PrintDocument, "print_document"),
    (Action::SaveDocument, "save_document"),
    (Action::Letter, "letter"),
    (Action::EditLetter, "edit_letter"),
    (Action::Paraf, "paraf"),
    (Action::Sign, "sign"),
    (Action::Send, "send"),
];

impl Action {
    /// Every action, in the order the help lists them: the plain ones,
    /// each family of parameterised ones after its neighbours.
    pub fn all() -> Vec<Action> {
        let mut all = Vec::new();
        for &(action, _) in PLAIN {
            all.push(action);
            match action {
                Action::Quit => all.extend(Tab::ALL.iter().map(|&t| Action::GoTab(t))),
                Action::Confirm => all.extend((1..=9).map(Action::Choose)),
                Action::Link => {
                    all.extend(Queue::ALL.iter().map(|&q| Action::Queue(q)));
                    all.extend(
                        ActionKind::ALL
                            .iter()
                            .filter(|&&k| k != ActionKind::Note)
                            .map(|&k| Action::Act(k)),
                    );
                }
                _ => {}
            }
        }
        all
    }

    /// The action's name in `[keys]` of config.toml.
    pub fn name(self) -> String {
        match self {
            Action::GoTab(tab) => format!("tab_{}", tab.name()),
            Action::Queue(q) => format!("queue_{}", queue_name(q)),
            Action::Act(kind) => format!("act_{}", kind.alias()),
            Action::Choose(n) => format!("choose_{n}"),
            plain => PLAIN
                .iter()
                .find(|(a, _)| *a == plain)
                .map_or_else(String::new, |(_, name)| name.to_string()),
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::all().into_iter().find(|a| a.name() == name)
    }
}

fn queue_name(q: Queue) -> &'static str {
    match q {
        Queue::Mine => "mine",
        Queue::Open => "open",
        Queue::Overdue => "overdue",
        Queue::Paused => "paused",
        Queue::Forwarded => "forwarded",
        Queue::Closed => "closed",
    }
}

/// What the focused field is, for keys whose meaning depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A one-line text field; `empty` when nothing is typed yet.
    Line {
        empty: bool,
    },
    /// A multi-line text area.
    Area {
        empty: bool,
    },
    Choice,
    Check,
    /// No field: a list or a window.
    None,
}

impl Focus {
    /// Every focus there is.
    pub const ALL: [Focus; 7] = [
        Focus::Line { empty: true },
        Focus::Line { empty: false },
        Focus::Area { empty: true },
        Focus::Area { empty: false },
        Focus::Choice,
        Focus::Check,
        Focus::None,
    ];

    pub fn is_text(self) -> bool {
        matches!(self, Focus::Line { .. } | Focus::Area { .. })
    }

    fn is_empty_text(self) -> bool {
        matches!(
            self,
            Focus::Line { empty: true } | Focus::Area { empty: true }
        )
    }
}

/// When a binding applies, read from the focused field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    Always,
    /// No text field has focus: plain letters are commands, not typing.
    NoText,
    /// An empty text field, or no text field.
    NothingTyped,
    /// Any field but a multi-line area (where ↑ ↓ Enter move in the text).
    NotArea,
    /// A pick-list.
    Choice,
    /// A pick-list or a yes/no field.
    ChoiceOrCheck,
}

impl When {
    pub fn holds(self, focus: Focus) -> bool {
        match self {
            When::Always => true,
            When::NoText => !focus.is_text(),
            When::NothingTyped => !focus.is_text() || focus.is_empty_text(),
            When::NotArea => !matches!(focus, Focus::Area { .. }),
            When::Choice => focus == Focus::Choice,
            When::ChoiceOrCheck => matches!(focus, Focus::Choice | Focus::Check),
        }
    }

    /// Whether some focus makes both hold: two such bindings of one key clash.
    pub fn overlaps(self, other: When) -> bool {
        Focus::ALL.iter().any(|&f| self.holds(f) && other.holds(f))
    }
}
