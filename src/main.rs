use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Before any file is made: the database (and SQLite's WAL and SHM),
    // backups, bundles and exports hold personal data, so whatever the
    // umask, nobody but the owner may open them.
    #[cfg(unix)]
    unsafe {
        libc::umask(0o077);
    }
    // `aduan case list | head` should end quietly, like any Unix tool.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // A panic still restores the terminal and prints a report.
    let _ = color_eyre::install();
    let cli = aduan::cli::Cli::parse();
    match aduan::cli::run(cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("aduan: {msg}");
            ExitCode::FAILURE
        }
    }
}
