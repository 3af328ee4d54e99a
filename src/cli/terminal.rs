//! This process's terminal for an interactive session in a container (`geth attach`,
//! `connect`): raw mode while the session lasts, and the terminal's size.

use std::io::IsTerminal;

use crate::error::{Error, Result};

/// Runs `session` with the terminal's (columns, rows) in raw mode when stdin and stdout are a
/// terminal, restoring the mode afterwards (also on an error); with `None` and the streams as
/// they are (pipes) otherwise.
pub fn session(session: impl FnOnce(Option<(u16, u16)>) -> Result<()>) -> Result<()> {
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if !terminal {
        return session(None);
    }
    let size = rustix::termios::tcgetwinsize(std::io::stdout())
        .map(|w| (w.ws_col, w.ws_row))
        .unwrap_or((80, 24));
    let _raw = RawMode::enter()?;
    session(Some(size))
}

/// The local terminal in raw mode, so keys reach the remote side as typed; restored when
/// dropped, also on an error.
struct RawMode {
    saved: rustix::termios::Termios,
}

impl RawMode {
    fn enter() -> Result<RawMode> {
        let stdin = std::io::stdin();
        let saved = rustix::termios::tcgetattr(&stdin)
            .map_err(|e| Error::runtime(format!("cannot read the terminal's mode: {e}")))?;
        let mut raw = saved.clone();
        raw.make_raw();
        rustix::termios::tcsetattr(&stdin, rustix::termios::OptionalActions::Now, &raw)
            .map_err(|e| Error::runtime(format!("cannot set the terminal's mode: {e}")))?;
        Ok(RawMode { saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = rustix::termios::tcsetattr(
            std::io::stdin(),
            rustix::termios::OptionalActions::Now,
            &self.saved,
        );
    }
}
