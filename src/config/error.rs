use crate::error::{Error, ErrorKind};
use std::fmt;
use std::path::PathBuf;

use super::edit::EditError;
use super::model::Problem;

/// Why a config could not be read, validated or written.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file does not exist.
    #[error("config `{}` not found", path.display())]
    NotFound { path: PathBuf },
    /// The file exists but could not be read.
    #[error("failed to read `{}`", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Not valid YAML.
    #[error("`{}` line {line}, column {column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid YAML, invalid config.
    #[error("{}", Problems { path, problems })]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    /// An edit could not be made losslessly.
    #[error("cannot edit `{}`", path.display())]
    Edit {
        path: PathBuf,
        #[source]
        source: EditError,
    },
    /// A request that conflicts with the config (duplicate name, unknown node, …).
    #[error("`{}`: {message}", path.display())]
    Conflict { path: PathBuf, message: String },
    /// The lock of the file could not be taken: an I/O error, or another qctl held it too long.
    #[error(transparent)]
    Lock(crate::fsutil::LockError),
    /// The file could not be written.
    #[error("failed to write `{}`", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl ConfigError {
    /// The lock file could not be made because its directory is not writable (its mode, or a
    /// read-only file system).
    pub fn lock_not_writable(&self) -> bool {
        matches!(
            self,
            ConfigError::Lock(crate::fsutil::LockError::Io { source, .. }) if matches!(
                source.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            )
        )
    }
}

struct Problems<'a> {
    path: &'a PathBuf,
    problems: &'a [Problem],
}

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "invalid config `{}` ({n} problem{}):",
            self.path.display(),
            if n == 1 { "" } else { "s" }
        )?;
        for p in self.problems {
            write!(
                f,
                "\n  {}:{}: {}: {}",
                self.path.display(),
                p.line,
                crate::text::clip(&p.path, 200),
                crate::text::clip(&p.message, 2000)
            )?;
        }
        Ok(())
    }
}

impl From<ConfigError> for Error {
    fn from(e: ConfigError) -> Error {
        let kind = match &e {
            ConfigError::Read { .. } | ConfigError::Write { .. } | ConfigError::Lock(_) => {
                ErrorKind::Runtime
            }
            ConfigError::NotFound { .. }
            | ConfigError::Syntax { .. }
            | ConfigError::Invalid { .. }
            | ConfigError::Edit { .. }
            | ConfigError::Conflict { .. } => ErrorKind::User,
        };
        let hint = match &e {
            ConfigError::NotFound { .. } => {
                Some("create one with `qctl init`, or point --config / QUBE_CONFIG at it")
            }
            ConfigError::Lock(crate::fsutil::LockError::TimedOut { .. }) => Some(
                "let the other qctl finish (or stop it) and run this again, or wait longer with \
                 --lock-timeout",
            ),
            _ => None,
        };
        let error = Error::new(kind, e);
        match hint {
            Some(hint) => error.with_hint(hint),
            None => error,
        }
    }
}
