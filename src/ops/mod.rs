//! Operations: the steps of each command over the pure domain modules, with the file and
//! cluster I/O they need. Each takes an options struct and returns a typed outcome.

pub mod cluster;
pub mod external;
pub mod generate;
pub mod init;
pub mod live;
pub mod monitor;
pub mod node;

use crate::error::{Error, ErrorKind};
use std::path::{Path, PathBuf};

/// Errors of operations that are not config or cluster errors.
#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    /// The request is invalid (exit 2).
    #[error("{0}")]
    Invalid(String),
    /// A file could not be read or written (exit 1).
    #[error("failed to {action} `{}`", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl OpsError {
    pub fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> OpsError {
        let path = path.to_path_buf();
        move |source| OpsError::Io {
            action,
            path,
            source,
        }
    }
}

impl From<OpsError> for Error {
    fn from(e: crate::ops::OpsError) -> Error {
        let kind = match &e {
            OpsError::Invalid(_) => ErrorKind::User,
            OpsError::Io { .. } => ErrorKind::Runtime,
        };
        Error::new(kind, e)
    }
}
