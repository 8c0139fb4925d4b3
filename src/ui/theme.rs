//! Styles that read in 16 colours and on a plain Linux console. Meaning is
//! never carried by colour alone: a problem also gets a ✗.

use ratatui::style::{Color, Modifier, Style};

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn focused() -> Style {
    Style::new().fg(Color::Black).bg(Color::Cyan)
}

pub fn label() -> Style {
    Style::new()
}

pub fn problem() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn ok() -> Style {
    Style::new().fg(Color::Green)
}

pub fn hint() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// A note that no longer stands (superseded or withdrawn); a word says which.
pub fn stale() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn status_bar() -> Style {
    Style::new().fg(Color::White).bg(Color::Blue)
}

pub fn tab_active() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

/// A case that needs a decision (two desks changed it apart); always with
/// the ⚑ mark beside it.
pub fn conflict() -> Style {
    Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD)
}

/// The filled part of a progress bar.
pub fn gauge() -> Style {
    Style::new().fg(Color::Cyan).bg(Color::Black)
}
