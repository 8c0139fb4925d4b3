//! The language of `--help`, settled before clap builds the command: clap
//! reads every help text while it builds, long before the desk (and so the
//! config) is opened. `$ADUAN_LANG` wins over `language` in the config; a
//! config that cannot be read leaves Bahasa Indonesia, quietly, since asking
//! for help must never fail.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::{Arg, Command};

use crate::i18n::Lang;
use crate::i18n::help_lang::{
    ARGUMENTS, COMMANDS, HELP_COMMAND, HELP_FLAG, OPTIONS, USAGE, VERSION_FLAG,
};

/// The language asked for by `$ADUAN_LANG`, else by the config that
/// `args` (the whole command line) would open.
pub fn help_language(args: &[OsString]) -> Lang {
    env_language()
        .or_else(|| {
            let path = crate::config::config_path(config_flag(args).as_deref());
            config_language(&path)
        })
        .unwrap_or_default()
}

fn env_language() -> Option<Lang> {
    parse_language(&std::env::var("ADUAN_LANG").ok()?)
}

fn parse_language(value: &str) -> Option<Lang> {
    match value.trim().to_ascii_lowercase().as_str() {
        "id" => Some(Lang::Id),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// `--config PATH` or `--config=PATH`, before any `--` that ends the options.
fn config_flag(args: &[OsString]) -> Option<PathBuf> {
    let mut args = args.iter().skip(1);
    let mut found = None;
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else { continue };
        if text == "--" {
            break;
        } else if text == "--config" {
            found = args.next().map(PathBuf::from);
        } else if let Some(path) = text.strip_prefix("--config=") {
            found = Some(PathBuf::from(path));
        }
    }
    found
}

/// Only `language` is read: the rest of the config is checked when the
/// desk opens, where a mistake in it is reported properly.
fn config_language(path: &Path) -> Option<Lang> {
    #[derive(serde::Deserialize)]
    struct LanguageOnly {
        language: Option<Lang>,
    }
    let text = crate::files::read_text_bounded(path, crate::files::limit::CONFIG).ok()?;
    toml::from_str::<LanguageOnly>(&text).ok()?.language
}

/// The command with clap's own words (the help and version flags, the
/// `help` subcommand, the headings) in the language set now; built, so the
/// flags clap adds itself are there to be worded.
pub fn localized(mut cmd: Command) -> Command {
    cmd.build();
    localize_built(cmd)
}

fn localize_built(cmd: Command) -> Command {
    let has = |cmd: &Command, id: &str| cmd.get_arguments().any(|a| a.get_id() == id);
    let template = help_template(&cmd);
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(COMMANDS.text())
        .mut_args(with_heading);
    if has(&cmd, "help") {
        cmd = cmd.mut_arg("help", |a| a.help(HELP_FLAG));
    }
    if has(&cmd, "version") {
        cmd = cmd.mut_arg("version", |a| a.help(VERSION_FLAG));
    }
    if cmd.find_subcommand("help").is_some() {
        cmd = cmd.mut_subcommand("help", |s| s.about(HELP_COMMAND));
    }
    cmd.mut_subcommands(localize_built)
}

fn with_heading(arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        ARGUMENTS
    } else {
        OPTIONS
    };
    arg.help_heading(heading.text())
}

/// Clap's default template with the usage heading worded (and styled) here.
fn help_template(cmd: &Command) -> String {
    let style = cmd.get_styles().get_usage();
    format!(
        "{{before-help}}{{about-with-newline}}\n{style}{}{style:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        USAGE.text()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_config_flag_is_found_in_both_spellings_and_not_after_the_end_of_options() {
        assert_eq!(
            config_flag(&args(&["aduan", "case", "--config", "a.toml", "list"])),
            Some(PathBuf::from("a.toml"))
        );
        assert_eq!(
            config_flag(&args(&["aduan", "--config=b.toml", "--help"])),
            Some(PathBuf::from("b.toml"))
        );
        assert_eq!(
            config_flag(&args(&["aduan", "sync", "--", "--config=c.toml"])),
            None
        );
    }

    #[test]
    fn only_id_and_en_name_a_language() {
        assert_eq!(parse_language(" EN "), Some(Lang::En));
        assert_eq!(parse_language("id"), Some(Lang::Id));
        assert_eq!(parse_language("fr"), None);
        assert_eq!(parse_language(""), None);
    }

    #[test]
    fn the_language_is_read_from_a_config_whatever_else_it_holds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "language = \"en\"\n[desk]\ncode = \"A\"\n").unwrap();
        assert_eq!(config_language(&path), Some(Lang::En));
        std::fs::write(&path, "language = \"en\"\n[desk\n").unwrap();
        assert_eq!(config_language(&path), None);
        assert_eq!(config_language(&dir.path().join("missing.toml")), None);
    }
}
