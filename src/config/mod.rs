//! `qubernetes.yaml`: the document layer ([`doc`], [`edit`]: lossless text edits) and the typed,
//! validated model ([`model`]). Reading the original qubernetes format unchanged.

mod checks;
pub mod doc;
pub mod edit;
mod entries;
mod error;
pub mod keys;
pub mod model;
mod names;
#[cfg(test)]
mod proptests;
mod read;
mod resolve;
mod unknown;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

pub use entries::{
    InitialConfig, NodeField, NodeSpec, external_entry, initial_config, pin_genesis, set_node_field,
};
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

static STRICT: AtomicBool = AtomicBool::new(false);
static ON_WARNING: OnceLock<fn(&str)> = OnceLock::new();
static WARNED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Makes unknown keys errors in every config read from now on (`--strict`).
pub fn set_strict(strict: bool) {
    STRICT.store(strict, Ordering::Relaxed);
}

/// Where warnings about a config (unknown keys kept) go; each distinct warning once.
pub fn on_warning(report: fn(&str)) {
    let _ = ON_WARNING.set(report);
}

fn warn(text: String) {
    let Some(report) = ON_WARNING.get() else {
        return;
    };
    let mut warned = WARNED.lock().unwrap_or_else(|e| e.into_inner());
    if !warned.contains(&text) {
        report(&text);
        warned.push(text);
    }
}

/// Validates config text; `path` only names it in errors and warnings.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let doc = doc::parse(text).map_err(|e| ConfigError::Syntax {
        path: path.into(),
        line: e.line,
        column: e.column,
        message: e.message,
    })?;
    let unknown = unknown::check(&doc, STRICT.load(Ordering::Relaxed));
    let config = Config::from_doc(&doc);
    let mut problems = unknown.errors;
    if let Err(more) = &config {
        problems.extend(more.iter().cloned());
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(ConfigError::Invalid {
            path: path.into(),
            problems,
        });
    }
    for w in unknown.warnings {
        warn(format!(
            "{}:{}: {}: {}",
            path.display(),
            w.line,
            w.path,
            w.message
        ));
    }
    Ok(config.expect("no problems means a config"))
}

/// How long a command waits for the lock of a config that another qctl holds (`--lock-timeout`).
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(180);

/// How long to wait for a lock, and where to say that a command waits.
type LockWait = (Duration, fn(&str));

static LOCK_WAIT: OnceLock<LockWait> = OnceLock::new();

/// How long [`lock`] waits for another holder, and where it says once that it is waiting
/// (`--lock-timeout`; by default [`DEFAULT_LOCK_TIMEOUT`] and no message).
pub fn set_lock_wait(timeout: Duration, report: fn(&str)) {
    let _ = LOCK_WAIT.set((timeout, report));
}

/// Takes the lock of an existing config, so concurrent qctl processes queue up. A missing
/// config is reported as such (and leaves no lock file behind).
pub fn lock(path: &Path) -> Result<FileLock, ConfigError> {
    if !path.is_file() {
        load(path)?;
    }
    lock_file(path)
}

/// Takes the lock of `path`, waiting as [`set_lock_wait`] says.
fn lock_file(path: &Path) -> Result<FileLock, ConfigError> {
    let (timeout, report) = LOCK_WAIT
        .get()
        .copied()
        .unwrap_or((DEFAULT_LOCK_TIMEOUT, |_| {}));
    FileLock::acquire_within(path, timeout, &mut |lock| {
        report(&format!(
            "waiting for `{}`, held by another qctl (giving up after {}; --lock-timeout)",
            lock.display(),
            crate::text::human_duration(&timeout)
        ))
    })
    .map_err(ConfigError::Lock)
}

/// Removes the temp files of atomic writes of `file` that a killed run left beside it. Call it
/// only while holding the lock of `file`, so no write of it is in progress.
fn remove_stale_temp_files(file: &Path) -> Result<(), ConfigError> {
    fsutil::remove_stale_temp_files(file)
        .map(drop)
        .map_err(|source| ConfigError::Write {
            path: file.into(),
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
    remove_stale_temp_files(path)?;
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
    let _lock = lock_file(path)?;
    remove_stale_temp_files(path)?;
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
