use std::process::ExitCode;

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
    // A bug must still end readably: one line saying what happened (the
    // interface adds restoring the terminal in front of this hook).
    std::panic::set_hook(Box::new(report_panic));
    let cli = aduan::cli::parse();
    match aduan::cli::run(cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("aduan: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// The one line a panic prints, the backtrace only when asked for
/// (`RUST_BACKTRACE=1`).
fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    let payload = info.payload();
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let at = info
        .location()
        .map(|l| format!("{}:{}", l.file(), l.line()))
        .unwrap_or_default();
    eprintln!("aduan: {}", aduan::i18n::internal_error(&what, &at));
    if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
        eprintln!("{}", std::backtrace::Backtrace::force_capture());
    }
}
