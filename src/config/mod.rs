//! `qubernetes.yaml`: the document layer ([`doc`], [`edit`]: lossless text edits) and the typed,
//! validated model ([`model`]). Reading the original qubernetes format unchanged.

mod checks;
pub mod doc;
pub mod edit;
mod entries;
mod error;
pub mod keys;
pub mod model;
#[cfg(test)]
mod proptests;
mod read;
mod resolve;

use std::fs;
use std::path::{Path, PathBuf};

pub use entries::{InitialConfig, NodeSpec, external_entry, initial_config, pin_genesis};
pub use error::ConfigError;
pub use model::{Config, ExternalEntry, NodeEntry, Problem};
pub use resolve::{NodeKeys, resolve};

use crate::fsutil::{self, FileLock};

/// A config as read from disk: its text (for lossless edits) and its model.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub text: String,
    pub config: Config,
}

impl Loaded {
    /// Directory that relative paths in the config (`config.*`) are resolved against.
    pub fn base_dir(&self) -> PathBuf {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }
}

/// Reads and validates the config at `path`.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let text = fs::read_to_string(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => ConfigError::NotFound { path: path.into() },
        _ => ConfigError::Read {
            path: path.into(),
            source,
        },
    })?;
    let config = parse(path, &text)?;
    Ok(Loaded {
        path: path.into(),
        text,
        config,
    })
}

/// Validates config text; `path` only names it in errors.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let doc = doc::parse(text).map_err(|e| ConfigError::Syntax {
        path: path.into(),
        line: e.line,
        column: e.column,
        message: e.message,
    })?;
    Config::from_doc(&doc).map_err(|problems| ConfigError::Invalid {
        path: path.into(),
        problems,
    })
}

/// Takes the lock of an existing config, so concurrent qctl processes queue up. A missing
/// config is reported as such (and leaves no lock file behind).
pub fn lock(path: &Path) -> Result<FileLock, ConfigError> {
    if !path.is_file() {
        load(path)?;
    }
    FileLock::acquire(path).map_err(|source| ConfigError::Write {
        path: path.into(),
        source,
    })
}

/// Runs `edit` on the current text under the file lock, validates the result and writes it
/// atomically. Nothing is written if reading, the edit or validation fails. Returns the new
/// config and the value `edit` produced. `edit` may fail with any error a [`ConfigError`]
/// converts into, so callers keep their own error kinds.
pub fn update<T, E: From<ConfigError>>(
    path: &Path,
    edit: impl FnOnce(&Loaded) -> Result<(String, T), E>,
) -> Result<(Loaded, T), E> {
    let _lock = lock(path)?;
    let before = load(path)?;
    let (text, value) = edit(&before)?;
    let config = parse(path, &text)?;
    if text != before.text {
        fsutil::write_atomic(path, text.as_bytes(), 0o644).map_err(|source| {
            E::from(ConfigError::Write {
                path: path.into(),
                source,
            })
        })?;
    }
    Ok((
        Loaded {
            path: path.into(),
            text,
            config,
        },
        value,
    ))
}

/// Creates a new config file; refuses to replace an existing one unless `force`.
pub fn create(path: &Path, text: &str, force: bool) -> Result<Config, ConfigError> {
    let _lock = FileLock::acquire(path).map_err(|source| ConfigError::Write {
        path: path.into(),
        source,
    })?;
    let config = parse(path, text)?;
    if !force && path.exists() {
        return Err(ConfigError::Conflict {
            path: path.into(),
            message: "already exists; use --force to replace it".into(),
        });
    }
    fsutil::write_atomic(path, text.as_bytes(), 0o644).map_err(|source| ConfigError::Write {
        path: path.into(),
        source,
    })?;
    Ok(config)
}
