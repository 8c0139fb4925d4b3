//! One key map: what F1 lists is what the keys do, and `[keys]` in
//! config.toml rebinds an action by its name (a clash is refused).

mod common;

use std::collections::BTreeMap;

use aduan::ui::action::Focus;
use aduan::ui::keymap::{Chord, KeyMap, KeyProblem, Scope};
use common::TestDesk;
use common::term::Term;

#[test]
fn every_binding_is_in_the_help_of_its_screen_and_every_help_row_is_a_binding() {
    let map = KeyMap::default();
    for scope in Scope::ALL {
        let help = map.help(scope);
        // Each binding that works on this screen is on one of its rows,
        // with the action it runs.
        for b in map
            .bindings()
            .iter()
            .filter(|b| scope.layers().contains(&b.scope))
        {
            let key = b.key.to_string();
            let row = help
                .iter()
                .find(|(_, action)| *action == b.action)
                .unwrap_or_else(|| panic!("{scope:?}: {:?} is not in the help", b.action));
            assert!(
                row.0.split(", ").any(|k| k == key),
                "{scope:?}: key {key} of {:?} missing from its help row {:?}",
                b.action,
                row.0
            );
        }
        // Each key on a help row runs that row's action (in some focus).
        for (keys, action) in &help {
            for key in keys.split(", ") {
                let chord = Chord::parse(key).unwrap();
                let runs = Focus::ALL
                    .iter()
                    .any(|&f| map.action(scope, chord.event(), f) == Some(*action));
                assert!(
                    runs,
                    "{scope:?}: help says {key} does {action:?}, it does not"
                );
            }
        }
    }
}

#[test]
fn rebinding_replaces_the_key_everywhere_and_a_clash_names_its_line() {
    let source = "[ui]\nascii = false\n\n[keys]\ncancel = \"Ctrl+G\"\n";
    let table = BTreeMap::from([("cancel".to_string(), vec!["Ctrl+G".to_string()])]);
    let map = KeyMap::with_overrides(&table, source).unwrap();
    let esc = Chord::parse("Esc").unwrap().event();
    let ctrl_g = Chord::parse("Ctrl+G").unwrap().event();
    for scope in [Scope::CaseView, Scope::ActForm, Scope::Question] {
        assert_eq!(map.action(scope, esc, Focus::None), None, "{scope:?}");
        assert_eq!(
            map.action(scope, ctrl_g, Focus::None),
            Some(aduan::ui::action::Action::Cancel),
            "{scope:?}"
        );
    }
    assert!(map.help(Scope::CaseView).iter().any(|(k, _)| k == "Ctrl+G"));

    // `p` already decides in the inbox.
    let source = "[keys]\n# the disposition on p\nact_dispose = \"p\"\n";
    let table = BTreeMap::from([("act_dispose".to_string(), vec!["p".to_string()])]);
    match KeyMap::with_overrides(&table, source) {
        Err(KeyProblem::Clash { line, key, .. }) => {
            assert_eq!(line, 3);
            assert_eq!(key, "p");
        }
        other => panic!("clash not refused: {other:?}"),
    }
    let table = BTreeMap::from([("fly".to_string(), vec!["x".to_string()])]);
    assert!(matches!(
        KeyMap::with_overrides(&table, "[keys]\nfly = \"x\"\n"),
        Err(KeyProblem::UnknownAction { line: 2, .. })
    ));
    let table = BTreeMap::from([("help".to_string(), vec!["Ctrl+Hyper".to_string()])]);
    assert!(matches!(
        KeyMap::with_overrides(&table, "[keys]\nhelp = \"Ctrl+Hyper\"\n"),
        Err(KeyProblem::BadKey { line: 2, .. })
    ));
}

#[test]
fn the_program_uses_the_rebound_key_and_refuses_a_clash_at_start() {
    let desk = TestDesk::with_config("[keys]\nhelp = \"F12\"\n");
    let term = Term::start(desk, "keys-rebound");
    term.wait_for("Siapa yang bertugas?");
    term.keys(&["Enter"]);
    term.wait_for("Pengaduan baru");
    term.keys(&["F1"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        !term.screen().contains("Bantuan"),
        "F1 still opens the help"
    );
    term.keys(&["F12"]);
    let help = term.wait_for("Bantuan");
    assert!(help.contains("F12"), "{help}");

    let desk = TestDesk::with_config("[keys]\nact_dispose = \"p\"\n");
    let term = Term::start(desk, "keys-clash");
    let screen = term.wait_for("tidak sah");
    assert!(screen.contains("[keys] tombol p"), "{screen}");
    assert!(screen.contains("baris"), "{screen}");
}
