//! The terminal interface: four tabs over the same service layer the CLI
//! uses. A plain blocking loop: wait for a key (or a short tick that writes
//! the draft), take what a running sync reported, update, redraw. Modules
//! here never touch SQL.

mod act_form;
pub mod action;
pub mod app;
pub mod case_view;
mod columns;
mod draw;
mod field;
mod inbox;
mod intake;
pub mod keymap;
pub mod letter;
mod lock;
mod note_form;
pub mod notes;
mod popup;
pub mod print;
mod recap;
mod screens;
mod search;
mod settle;
mod sync;
pub mod tab;
pub mod theme;

use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

pub use app::App;

use crate::service::Desk;

/// How often the loop wakes without a key, to write a paused draft.
const TICK: Duration = Duration::from_millis(100);

/// Runs the interface until the user quits. The terminal is restored on
/// exit, on error and on panic.
pub fn run(desk: Desk) -> std::io::Result<()> {
    // ASCII marks and 16 colours on the Linux console, on a terminal that
    // does not report 256 colours, or when config.toml asks (`ui.ascii`).
    let var = |name| std::env::var(name).ok();
    let console = desk.config.ui.ascii
        || theme::limited_terminal(var("TERM").as_deref(), var("COLORTERM").as_deref());
    theme::set_console(console);
    // `init` sets up the terminal (raw mode, alternate screen, the panic
    // hook); the frames go out through the 16-colour filter.
    drop(ratatui::init());
    let backend = CrosstermBackend::new(theme::Sgr16::new(std::io::stdout(), console));
    let mut terminal = Terminal::new(backend)?;
    let _ = execute!(std::io::stdout(), EnableBracketedPaste, EnableMouseCapture);
    // ratatui's hook leaves raw mode and the alternate screen; the mouse
    // and paste modes this loop turned on must go too, or the shell gets
    // mouse reports after a panic.
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            std::io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture
        );
        restore(info);
    }));
    // Files others can read are said at once, as the CLI says them.
    let loose = desk.permission_warning();
    let mut app = App::new(desk);
    app.flash = loose.map(|line| (line, false));
    if let Ok(size) = terminal.size() {
        app.handle(crossterm::event::Event::Resize(size.width, size.height));
    }
    let result = event_loop(&mut terminal, &mut app);
    let _ = execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture
    );
    ratatui::restore();
    result
}

fn event_loop<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> std::io::Result<()>
where
    std::io::Error: From<B::Error>,
{
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
