//! Where output goes: data on stdout, everything else on stderr; prompts only on a terminal.

use std::io::{self, IsTerminal, Write};

use super::GlobalArgs;
use crate::error::{Error, ErrorKind, Result};

/// A line on stderr; a closed stderr must not turn a finished command into a crash.
fn message(args: std::fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{args}");
}

/// A warning about a config as it is read (an unknown key kept); never coloured, since the
/// reader has no `Ui`.
pub fn config_warning(text: &str) {
    message(format_args!("warning: {text}"));
}

/// A command waits for the config's lock (see [`crate::config::set_lock_wait`]); a message
/// like a status line, without a `Ui`.
pub fn lock_wait(text: &str) {
    message(format_args!("{text}"));
}

/// A usage error found before the command line was parsed: exit 2, like clap's own.
pub fn usage_error(text: &str, no_color: bool) {
    let label = if no_color || !io::stderr().is_terminal() {
        "error"
    } else {
        "\x1b[31merror\x1b[0m"
    };
    message(format_args!("{label}: {text}"));
}

pub struct Ui {
    quiet: bool,
    yes: bool,
    color: bool,
}

impl Ui {
    pub fn new(g: &GlobalArgs) -> Ui {
        Ui {
            quiet: g.quiet,
            yes: g.yes,
            color: !g.no_color && !super::env_no_color() && io::stderr().is_terminal(),
        }
    }

    /// Data for scripts. A closed stdout (`qctl … | head`) is an error of kind
    /// [`ErrorKind::StdoutClosed`], which ends the command quietly with success.
    pub fn data(&self, text: &str) -> Result<()> {
        let mut out = io::stdout().lock();
        let written = out
            .write_all(text.as_bytes())
            .and_then(|()| {
                if text.ends_with('\n') {
                    Ok(())
                } else {
                    out.write_all(b"\n")
                }
            })
            .and_then(|()| out.flush());
        match written {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                Err(Error::new(ErrorKind::StdoutClosed, e))
            }
            Err(e) => Err(Error::new(
                ErrorKind::Runtime,
                anyhow::Error::new(e).context("cannot write to stdout"),
            )),
            Ok(()) => Ok(()),
        }
    }

    /// A status line for people (stderr, silenced by --quiet).
    pub fn status(&self, text: impl AsRef<str>) {
        if !self.quiet {
            message(format_args!("{}", text.as_ref()));
        }
    }

    pub fn warn(&self, text: impl AsRef<str>) {
        let label = if self.color {
            "\x1b[33mwarning\x1b[0m"
        } else {
            "warning"
        };
        message(format_args!("{label}: {}", text.as_ref()));
    }

    /// The error, each cause once, then its hints.
    pub fn error(&self, err: &Error) {
        let label = if self.color {
            "\x1b[31merror\x1b[0m"
        } else {
            "error"
        };
        message(format_args!("{label}: {err}"));
        for hint in err.hints() {
            message(format_args!("hint: {hint}"));
        }
    }

    /// A hint for the next step.
    pub fn hint(&self, text: impl AsRef<str>) {
        if !self.quiet {
            message(format_args!("next: {}", text.as_ref()));
        }
    }

    /// Prompts are allowed: stdin and stderr are terminals and --yes was not given.
    pub fn can_prompt(&self) -> bool {
        !self.yes && io::stdin().is_terminal() && io::stderr().is_terminal()
    }

    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// Asks for confirmation. With --yes: true. Without a terminal: an error telling the user
    /// to pass --yes, so scripts never hang.
    /// Whether [`Ui::confirm`] can get an answer: `--yes`, or a terminal to ask on.
    pub fn can_confirm(&self) -> bool {
        self.yes || self.can_prompt()
    }

    pub fn confirm(&self, question: &str) -> Result<bool> {
        if self.yes {
            return Ok(true);
        }
        if !self.can_prompt() {
            return Err(Error::user(format!(
                "{question} — not a terminal, so pass --yes to confirm"
            )));
        }
        dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()
            .map_err(prompt_failed)
    }
}

/// A prompt could not be shown or answered (the terminal went away).
pub fn prompt_failed(e: dialoguer::Error) -> Error {
    Error::new(ErrorKind::Runtime, e)
}
