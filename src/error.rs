//! The error of a command: what went wrong, whose fault it is, and what to do next.
//!
//! Every area keeps its own thiserror enum (`ConfigError`, `ClusterError`, …). Beside each
//! enum, a `From` impl converts it into [`Error`] and decides its [`ErrorKind`] variant by
//! variant (an exhaustive `match`), so the exit code is stated once, where the error is
//! converted, and a new error type does not compile into a command until it has a kind. There
//! is deliberately no `From<anyhow::Error>`: an error of unknown kind cannot reach `?`.
//!
//! This module imports no other part of qctl, so every layer can use it.

use std::fmt;

/// Whose fault an error is; decides the exit code (`docs/exit-codes.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad usage or invalid input: the user can fix it by changing what they pass. Exit 2.
    User,
    /// Cluster, I/O, timeouts: the input was fine, running it failed. Exit 1.
    Runtime,
    /// Stdout was closed by its reader (`qctl … | head`): not a failure. Exit 0.
    StdoutClosed,
}

impl ErrorKind {
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::User => 2,
            ErrorKind::Runtime => 1,
            ErrorKind::StdoutClosed => 0,
        }
    }
}

/// A failed command: the error with its causes, its kind, and hints for the next step.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    error: anyhow::Error,
    hints: Vec<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, error: impl Into<anyhow::Error>) -> Error {
        Error {
            kind,
            error: error.into(),
            hints: Vec::new(),
        }
    }

    /// Invalid input (exit 2) described by `message`.
    pub fn user(message: impl fmt::Display) -> Error {
        Error::new(ErrorKind::User, anyhow::Error::msg(message.to_string()))
    }

    /// A runtime failure (exit 1) described by `message`.
    pub fn runtime(message: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Runtime, anyhow::Error::msg(message.to_string()))
    }

    /// The user declined a confirmation: nothing was done (exit 2).
    pub fn cancelled(what_was_kept: &str) -> Error {
        Error::user(format!("cancelled; {what_was_kept}"))
    }

    /// `N object(s) <what>:` and one indented line per failure, each with its causes: the
    /// objects a deploy or destroy could not handle while the others went through.
    pub fn failures<E: std::error::Error + 'static>(what: &str, failed: &[E]) -> Error {
        let lines: Vec<String> = failed.iter().map(|e| format!("  {}", chain(e))).collect();
        Error::runtime(format!(
            "{} object(s) {what}:\n{}",
            failed.len(),
            lines.join("\n")
        ))
    }

    /// Adds a hint, printed after the error.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Error {
        self.hints.push(hint.into());
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }

    pub fn hints(&self) -> &[String] {
        &self.hints
    }

    /// The underlying error, for tests and callers that inspect it.
    pub fn inner(&self) -> &anyhow::Error {
        &self.error
    }

    /// The message and each cause once, joined by `: `. A cause whose text an outer message
    /// already holds is skipped: some library errors repeat their source in their own text.
    pub fn chain(&self) -> String {
        chain(self.error.as_ref())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.chain())
    }
}

/// An error and its sources on one line, each text once.
pub fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("outer: {0}")]
    struct Repeats(#[source] std::io::Error);

    #[test]
    fn a_cause_already_in_the_message_is_printed_once() {
        let e = Error::new(ErrorKind::Runtime, Repeats(std::io::Error::other("inner")));
        assert_eq!(e.to_string(), "outer: inner");
    }

    #[test]
    fn each_kind_has_its_documented_exit_code() {
        assert_eq!(Error::user("x").exit_code(), 2);
        assert_eq!(Error::runtime("x").exit_code(), 1);
        assert_eq!(ErrorKind::StdoutClosed.exit_code(), 0);
    }
}
