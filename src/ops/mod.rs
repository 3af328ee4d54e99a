//! Operations: the steps of each command over the pure domain modules, with the file and
//! cluster I/O they need. Each takes an options struct and returns a typed outcome.

pub mod cluster;
pub mod external;
pub mod generate;
pub mod init;
pub mod node;

use std::path::{Path, PathBuf};

use crate::config::Loaded;

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
    pub fn is_user_error(&self) -> bool {
        matches!(self, OpsError::Invalid(_))
    }

    pub fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> OpsError {
        let path = path.to_path_buf();
        move |source| OpsError::Io {
            action,
            path,
            source,
        }
    }
}

/// Where generated files live.
#[derive(Debug, Clone)]
pub struct OutPaths {
    pub out: PathBuf,
    /// Parent of the per-node key dirs: `config.Key_Dir_Base` (relative to the config file), else
    /// `<out>/config`.
    pub key_base: PathBuf,
}

impl OutPaths {
    pub fn new(loaded: &Loaded, out: &Path) -> OutPaths {
        let key_base = match &loaded.config.paths.key_dir_base {
            Some(base) => loaded.base_dir().join(base),
            None => out.join("config"),
        };
        OutPaths {
            out: out.to_path_buf(),
            key_base,
        }
    }

    pub fn config_dir(&self) -> PathBuf {
        self.out.join("config")
    }

    pub fn key_dir(&self, key_dir: &str) -> PathBuf {
        self.key_base.join(key_dir)
    }
}
