//! `aduan manual --out DIR` (hidden): the manual pages in both languages and
//! the shell completions, made from the very command the binary parses, so
//! the package can never describe another program. `scripts/package` runs
//! it before `cargo deb`.
//!
//! Written under DIR:
//! - `man/id/` and `man/en/`: `aduan.1` and a page per subcommand
//!   (`aduan-case-add.1`, …);
//! - `completions/`: `aduan.bash`, `_aduan` (zsh), `aduan.fish`, in
//!   Bahasa Indonesia like the default page.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;
use roff::{Roff, bold, roman};

use crate::i18n::help_lang::{
    MAN_ENVIRONMENT, MAN_FILE_LIST, MAN_FILES, MAN_NAME, MAN_SECTIONS, MAN_VARIABLES,
};
use crate::i18n::{Lang, Msg};

#[derive(Debug, clap::Args)]
pub struct ManualArgs {
    #[arg(long, value_name = "FOLDER", help = crate::i18n::help::MANUAL_OUT)]
    pub out: PathBuf,
}

/// Writes every page in both languages, then the completions.
pub fn write(args: &ManualArgs) -> Result<ExitCode, Msg> {
    for lang in [Lang::Id, Lang::En] {
        crate::i18n::set_lang(lang);
        let dir = args.out.join("man").join(lang_dir(lang));
        make_dir(&dir)?;
        write_pages(&command(), &dir, lang)?;
    }
    crate::i18n::set_lang(Lang::Id);
    let dir = args.out.join("completions");
    make_dir(&dir)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        write_completion(shell, &dir)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn lang_dir(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id",
        Lang::En => "en",
    }
}

/// The command as the binary parses it in the language set now, without
/// the `help` subcommand (a page of its own would only repeat `--help`).
fn command() -> clap::Command {
    let cmd = super::Cli::command()
        .disable_help_subcommand(true)
        .about(MAN_NAME)
        .long_about(crate::i18n::help::ABOUT);
    super::lang::localized(cmd)
}

/// The command for the completions: as the binary parses it, less what is
/// hidden (clap_complete would offer the hidden commands too).
fn completion_command() -> clap::Command {
    let full = super::Cli::command();
    let mut cmd = clap::Command::new("aduan")
        .version(env!("CARGO_PKG_VERSION"))
        .about(crate::i18n::help::ABOUT);
    for arg in full.get_arguments() {
        cmd = cmd.arg(arg.clone());
    }
    for sub in full.get_subcommands().filter(|s| !s.is_hide_set()) {
        cmd = cmd.subcommand(sub.clone());
    }
    super::lang::localized(cmd)
}

/// The page of `cmd` and, below it, of each subcommand not hidden.
fn write_pages(cmd: &clap::Command, dir: &Path, lang: Lang) -> Result<(), Msg> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir, lang)?;
    }
    let man = clap_mangen::Man::new(cmd.clone()).manual("aduan");
    let mut page = Vec::new();
    man.render(&mut page).map_err(|e| io(dir, &e))?;
    let mut page = String::from_utf8(page).expect("pages are rendered from UTF-8 text");
    page = worded_headings(&page, lang);
    if lang == Lang::Id {
        page = unhyphenated(&page);
    }
    if cmd.get_name() == "aduan" {
        page = with_environment_and_files(&page, lang);
    }
    let path = dir.join(man.get_filename());
    std::fs::write(&path, page).map_err(|e| io(&path, &e))
}

/// Section headings in the language set now, upper case as manual pages
/// have them (clap_mangen writes its own in English).
fn worded_headings(page: &str, lang: Lang) -> String {
    page.lines()
        .map(|line| match line.strip_prefix(".SH ") {
            Some(heading) => format!(".SH {}", heading_in_language(heading, lang).to_uppercase()),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// groff breaks words by English patterns: Indonesian text is set ragged
/// and unbroken instead.
fn unhyphenated(page: &str) -> String {
    match page
        .find(".TH ")
        .and_then(|at| page[at..].find('\n').map(|end| at + end + 1))
    {
        Some(after_title) => format!(
            "{}.nh\n.ad l\n{}",
            &page[..after_title],
            &page[after_title..]
        ),
        None => page.to_string(),
    }
}

fn heading_in_language(heading: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => heading,
        Lang::Id => MAN_SECTIONS
            .iter()
            .find(|(en, _)| *en == heading)
            .map_or(heading, |(_, id)| id),
    }
}

/// The top page also says which variables and files the program reads,
/// before its version section.
fn with_environment_and_files(page: &str, lang: Lang) -> String {
    let mut roff = Roff::new();
    roff.control("SH", [MAN_ENVIRONMENT.in_lang(lang)]);
    for (name, what) in MAN_VARIABLES {
        roff.control("TP", [])
            .text([bold(*name)])
            .text([roman(what.in_lang(lang))]);
    }
    roff.control("SH", [MAN_FILES.in_lang(lang)]);
    for (path, what) in MAN_FILE_LIST {
        roff.control("TP", [])
            .text([bold(*path)])
            .text([roman(what.in_lang(lang))]);
    }
    let sections = roff.render();
    let version = format!(".SH {}\n", heading_in_language("VERSION", lang));
    match page.find(&version) {
        Some(at) => format!("{}{sections}{}", &page[..at], &page[at..]),
        None => format!("{page}{sections}"),
    }
}

fn write_completion(shell: Shell, dir: &Path) -> Result<(), Msg> {
    let mut cmd = completion_command();
    let path = dir.join(completion_file(shell));
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "aduan", &mut out);
    std::fs::write(&path, out).map_err(|e| io(&path, &e))
}

/// The names each shell looks for in its completions folder.
fn completion_file(shell: Shell) -> &'static str {
    match shell {
        Shell::Zsh => "_aduan",
        Shell::Fish => "aduan.fish",
        _ => "aduan.bash",
    }
}

fn make_dir(dir: &Path) -> Result<(), Msg> {
    std::fs::create_dir_all(dir).map_err(|e| io(dir, &e))
}

fn io(path: &Path, e: &std::io::Error) -> Msg {
    Msg::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_pages_have_indonesian_headings_and_english_pages_keep_theirs() {
        let id = worded_headings(".TH aduan 1\n.SH NAME\naduan\n.SH Perintah\n", Lang::Id);
        let en = worded_headings(".SH NAME\n.SH Commands\n", Lang::En);
        assert_eq!(id, ".TH aduan 1\n.SH NAMA\naduan\n.SH PERINTAH\n");
        assert_eq!(en, ".SH NAME\n.SH COMMANDS\n");
    }

    #[test]
    fn indonesian_pages_are_not_hyphenated_by_english_rules() {
        let page = unhyphenated(".ie x\n.TH aduan 1 \"\"\n.SH NAME\n");
        assert_eq!(page, ".ie x\n.TH aduan 1 \"\"\n.nh\n.ad l\n.SH NAME\n");
    }
}
