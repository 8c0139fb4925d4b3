//! The real program in a tmux window, for tests that type as a person would.

use std::process::Command;
use std::time::{Duration, Instant};

use super::TestDesk;

/// A tmux server of its own, with the program running in one window.
pub struct Term {
    pub socket: String,
    pub desk: TestDesk,
}

impl Term {
    pub fn start(desk: TestDesk, name: &str) -> Term {
        let socket = format!("aduan-test-{name}-{}", std::process::id());
        let term = Term { socket, desk };
        term.launch();
        term
    }

    pub fn launch(&self) {
        self.launch_as("xterm-256color");
    }

    pub fn launch_as(&self, term: &str) {
        self.launch_sized(term, 100, 30);
    }

    /// The program under `TERM=term` in a window of `width`×`height`.
    pub fn launch_sized(&self, term: &str, width: u16, height: u16) {
        if !self.desk.dir.path().join("pin-test").exists() {
            super::pins_off(&self.desk.config());
        }
        let (width, height) = (width.to_string(), height.to_string());
        let cmd = format!(
            "env ADUAN_CONFIG={} ADUAN_DB={} ADUAN_NOW={} TERM={term} {} ; sleep 60",
            self.desk.config().display(),
            self.desk.db().display(),
            super::NOW,
            env!("CARGO_BIN_EXE_aduan")
        );
        let args = [
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &width,
            "-y",
            &height,
            &cmd,
        ];
        // Right after `kill-server` the old server may still hold its socket:
        // try again for a moment before concluding tmux is missing.
        let ok = (0..50).any(|_| {
            self.tmux(&args) || {
                std::thread::sleep(Duration::from_millis(100));
                false
            }
        });
        assert!(ok, "tmux must be installed to run the terminal tests");
    }

    pub fn tmux(&self, args: &[&str]) -> bool {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .status()
            .is_ok_and(|s| s.success())
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args));
    }

    pub fn type_text(&self, text: &str) {
        assert!(self.tmux(&["send-keys", "-t", "t", "-l", text]));
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(["capture-pane", "-t", "t", "-p"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen with its colours and attributes as escape sequences.
    pub fn screen_escapes(&self) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(["capture-pane", "-t", "t", "-p", "-e"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`, and returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "\"{text}\" never appeared:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen no longer shows `text`. After Escape, the
    /// next key must wait for it: sent at once, the terminal reads the two
    /// as Alt and that key.
    pub fn wait_gone(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "\"{text}\" never went away:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The shell the pane runs (`sh -c "env … aduan; sleep"`).
    pub fn shell_pid(&self) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(["list-panes", "-t", "t", "-F", "#{pane_pid}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    pub fn program_running(&self) -> bool {
        Command::new("pgrep")
            .args(["-P", &self.shell_pid(), "-x", "aduan"])
            .status()
            .is_ok_and(|s| s.success())
    }

    pub fn kill_program(&self) {
        let status = Command::new("pkill")
            .args(["-9", "-P", &self.shell_pid(), "-x", "aduan"])
            .status()
            .unwrap();
        assert!(status.success(), "no aduan process to kill");
    }

    pub fn wait_exit(&self) {
        let start = Instant::now();
        while self.program_running() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "aduan did not quit"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}
