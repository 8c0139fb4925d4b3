//! The terminal interface: four tabs over the same service layer the CLI
//! uses. A plain blocking loop: wait for a key (or a short tick that writes
//! the draft), take what a running sync reported, update, redraw. Modules
//! here never touch SQL.

mod act_form;
pub mod action;
pub mod app;
mod field;
mod inbox;
mod intake;
mod note_form;
pub mod notes;
mod recap;
mod search;
mod settle;
mod sync;
mod theme;

use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;

pub use app::App;

use crate::service::Desk;

/// How often the loop wakes without a key, to write a paused draft.
const TICK: Duration = Duration::from_millis(100);

/// Runs the interface until the user quits. The terminal is restored on
/// exit, on error and on panic.
pub fn run(desk: Desk) -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let mut app = App::new(desk);
    let result = event_loop(&mut terminal, &mut app);
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    while !app.quit {
        terminal.draw(|f| app.draw(f))?;
        if event::poll(TICK)? {
            app.handle(event::read()?);
        } else {
            app.tick();
        }
        // A sync runs on its own thread; its progress and result come here.
        app.pump();
    }
    Ok(())
}
