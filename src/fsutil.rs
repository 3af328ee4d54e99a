//! Atomic file writes, writes under `out/` that never follow a link, and the advisory lock that
//! serialises edits of one file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Name prefix of the temp files of [`write_atomic`] and [`write_no_follow`]; a killed run may
/// leave some behind, and the next edit under the lock removes them. The full name is
/// `.qctl-tmp-<target file name>.<6 random letters and digits>` ([`is_temp_of`]).
pub const TEMP_PREFIX: &str = ".qctl-tmp-";

/// Length of the random part of a temp file name.
const TEMP_RANDOM_LEN: usize = 6;

/// A temp file beside `target`, named after it, for an atomic replacement of `target`.
fn temp_beside(dir: &Path, target: &Path) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&temp_prefix(target))
        .suffix("")
        .rand_bytes(TEMP_RANDOM_LEN)
        .tempfile_in(dir)
}

/// `.qctl-tmp-<file name>.`; long names are cut so the temp name stays within `NAME_MAX`.
fn temp_prefix(target: &Path) -> String {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let name: String = name.chars().take(128).collect();
    format!("{TEMP_PREFIX}{name}.")
}

/// Whether `name` is the name of a temp file [`write_atomic`] or [`write_no_follow`] made for
/// `target`.
pub fn is_temp_of(name: &str, target: &Path) -> bool {
    name.strip_prefix(&temp_prefix(target)).is_some_and(|rest| {
        rest.len() == TEMP_RANDOM_LEN && rest.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// Removes the temp files of writes of `file` (see [`is_temp_of`]) that a killed run left in
/// its directory, and returns them. Only regular files are removed, links never followed.
/// Call it only while holding the lock that serialises writes of `file`.
pub fn remove_stale_temp_files(file: &Path) -> io::Result<Vec<PathBuf>> {
    // `write_atomic` writes beside the file a link points at.
    let target = fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut removed = Vec::new();
    for entry in entries {
        let entry = entry?;
        let ours = entry
            .file_name()
            .to_str()
            .is_some_and(|name| is_temp_of(name, &target));
        // `DirEntry::file_type` does not follow links.
        if ours && entry.file_type()?.is_file() {
            let path = entry.path();
            match fs::remove_file(&path) {
                Ok(()) => removed.push(path),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
    removed.sort();
    Ok(removed)
}

/// Writes `contents` to `path` atomically: a temp file in the same directory, fsynced, with the
/// original's permissions (or `mode` for a new file), then renamed over the target. A symlink
/// is followed, so the link itself survives. Readers see the old or the new file, never a mix.
pub fn write_atomic(path: &Path, contents: &[u8], new_file_mode: u32) -> io::Result<()> {
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = temp_beside(dir, &target)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    let perms = match fs::metadata(&target) {
        Ok(meta) => meta.permissions(),
        Err(_) => {
            use std::os::unix::fs::PermissionsExt;
            fs::Permissions::from_mode(new_file_mode)
        }
    };
    fs::set_permissions(tmp.path(), perms)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Writes only when the content differs, so unchanged files keep their mtime.
/// Returns whether the file was written.
pub fn write_if_changed(path: &Path, contents: &[u8], new_file_mode: u32) -> io::Result<bool> {
    match fs::read(path) {
        Ok(existing) if existing == contents => Ok(false),
        _ => write_atomic(path, contents, new_file_mode).map(|()| true),
    }
}

/// Mode of the directories qctl creates under `out/`.
pub const DIR_MODE: u32 = 0o700;

fn link_refused(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "`{}` is a symbolic link; qctl never writes through a link under its output \
             directory, remove it",
            path.display()
        ),
    )
}

fn not_a(path: &Path, what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("`{}` exists and is not a {what}", path.display()),
    )
}

/// `path` as a real directory, created (mode [`DIR_MODE`], whatever the umask) when missing.
fn ensure_dir(path: &Path, recursive: bool) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(link_refused(path)),
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(not_a(path, "directory")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            match fs::DirBuilder::new()
                .recursive(recursive)
                .mode(DIR_MODE)
                .create(path)
            {
                Ok(()) => fs::set_permissions(path, fs::Permissions::from_mode(DIR_MODE)),
                // Made meanwhile by someone else: check what it is.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => ensure_dir(path, false),
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// Creates `dir` below `root` like `mkdir -p`, never through a symbolic link: `root` and every
/// component between it and `dir` must be a real directory or absent. Directories it creates
/// get mode 0700. A `dir` outside `root` is only created, links allowed (the user chose it).
pub fn create_dir_no_follow(root: &Path, dir: &Path) -> io::Result<()> {
    let Ok(rel) = dir.strip_prefix(root) else {
        use std::os::unix::fs::DirBuilderExt;
        return fs::DirBuilder::new()
            .recursive(true)
            .mode(DIR_MODE)
            .create(dir);
    };
    ensure_dir(root, true)?;
    let mut current = root.to_path_buf();
    for part in rel.components() {
        current.push(part);
        ensure_dir(&current, false)?;
    }
    Ok(())
}

/// Writes `contents` to `path` below `root` unless it already holds them, and gives it `mode`
/// whatever the umask. Never follows a symbolic link: a link at `path` or at any directory
/// between `root` and `path` is refused, so a planted link cannot redirect private keys
/// elsewhere. The write is atomic (temp file and rename; rename replaces a name, it never
/// writes through it). Returns whether the content was written.
pub fn write_no_follow(root: &Path, path: &Path, contents: &[u8], mode: u32) -> io::Result<bool> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_dir_no_follow(root, dir)?;
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => return Err(link_refused(path)),
        Ok(meta) if !meta.is_file() => return Err(not_a(path, "regular file")),
        Ok(_) => {
            // O_NOFOLLOW: a link swapped in since the check fails here instead of being read.
            let mut file = OpenOptions::new()
                .read(true)
                .custom_flags(no_follow())
                .open(path)?;
            let mut existing = Vec::new();
            io::Read::read_to_end(&mut file, &mut existing)?;
            if existing == contents {
                file.set_permissions(fs::Permissions::from_mode(mode))?;
                return Ok(false);
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut tmp = temp_beside(dir, path)?;
    tmp.write_all(contents)?;
    tmp.as_file()
        .set_permissions(fs::Permissions::from_mode(mode))?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(true)
}

/// How long [`FileLock::acquire_within`] waits before it tells its caller that another process
/// holds the lock.
pub const LOCK_NOTICE_AFTER: Duration = Duration::from_secs(1);

/// Why a lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// The lock file could not be created or locked.
    #[error("cannot take the lock of `{}` (`{}`)", file.display(), path.display())]
    Io {
        file: PathBuf,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// Another process held the lock for the whole of `waited`.
    #[error(
        "gave up after {} waiting for `{}`, which another qctl holds",
        crate::text::human_duration(waited),
        path.display()
    )]
    TimedOut { path: PathBuf, waited: Duration },
}

impl LockError {
    /// The lock file.
    pub fn path(&self) -> &Path {
        match self {
            LockError::Io { path, .. } | LockError::TimedOut { path, .. } => path,
        }
    }
}

/// An exclusive advisory lock on `.<file>.lock` beside the file, held until dropped. Concurrent
/// qctl processes editing the same file queue up here instead of losing each other's updates.
/// The lock file is removed when the lock is released, so it does not linger beside the config.
pub struct FileLock {
    file: File,
    path: PathBuf,
}

impl FileLock {
    /// The path of the lock file of `file`.
    pub fn path_for(file: &Path) -> PathBuf {
        let mut name = std::ffi::OsString::from(".");
        name.push(file.file_name().unwrap_or_default());
        name.push(".lock");
        file.with_file_name(name)
    }

    /// Waits as long as it takes.
    pub fn acquire(file: &Path) -> Result<FileLock, LockError> {
        Self::acquire_within(file, Duration::MAX, &mut |_| {})
    }

    /// Takes the lock, waiting at most `timeout` for another holder to release it. If the lock
    /// is still held after [`LOCK_NOTICE_AFTER`], `on_wait` is called once with the lock file's
    /// path, so the user learns why nothing happens.
    pub fn acquire_within(
        file: &Path,
        timeout: Duration,
        on_wait: &mut dyn FnMut(&Path),
    ) -> Result<FileLock, LockError> {
        let path = Self::path_for(file);
        let failed = |source| LockError::Io {
            file: file.to_path_buf(),
            path: path.clone(),
            source,
        };
        let start = Instant::now();
        let mut told = false;
        let mut pause = Duration::from_millis(5);
        loop {
            let lock = open_lock_file(&path).map_err(failed)?;
            match lock.try_lock() {
                Ok(()) => {
                    // The holder before us removes the file before it unlocks: a lock on a
                    // file that is no longer at `path` locks nothing, so open it again.
                    if is_at(&lock, &path) {
                        return Ok(FileLock { file: lock, path });
                    }
                    continue;
                }
                Err(std::fs::TryLockError::WouldBlock) => {}
                Err(std::fs::TryLockError::Error(e)) => return Err(failed(e)),
            }
            let waited = start.elapsed();
            if waited >= timeout {
                return Err(LockError::TimedOut { path, waited });
            }
            if !told && waited >= LOCK_NOTICE_AFTER {
                told = true;
                on_wait(&path);
            }
            std::thread::sleep(pause.min(timeout - waited));
            pause = (pause * 2).min(Duration::from_millis(100));
        }
    }
}

/// Opens (creating) the lock file, never through a symbolic link.
fn open_lock_file(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o644)
        .custom_flags(no_follow())
        .open(path)
}

/// `O_NOFOLLOW` for [`OpenOptionsExt::custom_flags`](std::os::unix::fs::OpenOptionsExt).
fn no_follow() -> i32 {
    rustix::fs::OFlags::NOFOLLOW.bits() as i32
}

/// `file` is the file `path` names now.
fn is_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

impl Drop for FileLock {
    /// Removes the lock file while still holding the lock, then releases it.
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_lock_file_is_gone_after_use_and_the_lock_still_excludes() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("qubernetes.yaml");
        let lock_file = dir.path().join(".qubernetes.yaml.lock");
        let first = FileLock::acquire(&config).unwrap();
        assert!(lock_file.exists());
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter = {
            let config = config.clone();
            std::thread::spawn(move || {
                let _second = FileLock::acquire(&config).unwrap();
                tx.send(()).unwrap();
            })
        };
        assert!(
            rx.recv_timeout(std::time::Duration::from_millis(200))
                .is_err()
        );
        drop(first);
        rx.recv_timeout(std::time::Duration::from_secs(5)).unwrap();
        waiter.join().unwrap();
        assert!(!lock_file.exists());
    }

    #[test]
    fn atomic_write_keeps_permissions_and_symlinks() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.yaml");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new", 0o600).unwrap();
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::metadata(&real).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn no_follow_writes_refuse_links_to_files_and_directories() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir_all(&elsewhere).unwrap();
        fs::create_dir_all(&root).unwrap();
        let target = elsewhere.join("stolen");
        let link = root.join("secret.yaml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = write_no_follow(&root, &link, b"key", 0o600).unwrap_err();
        assert!(err.to_string().contains("secret.yaml"), "{err}");
        assert!(!target.exists());
        std::os::unix::fs::symlink(&elsewhere, root.join("deployments")).unwrap();
        let inside = root.join("deployments").join("a.yaml");
        let err = write_no_follow(&root, &inside, b"key", 0o600).unwrap_err();
        assert!(err.to_string().contains("deployments"), "{err}");
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    }

    #[test]
    fn no_follow_writes_set_the_mode_of_new_unchanged_and_changed_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let f = root.join("config").join("a");
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert!(write_no_follow(&root, &f, b"x", 0o600).unwrap());
        assert_eq!((mode(&f), mode(&root.join("config"))), (0o600, 0o700));
        fs::set_permissions(&f, fs::Permissions::from_mode(0o666)).unwrap();
        assert!(!write_no_follow(&root, &f, b"x", 0o644).unwrap());
        assert_eq!(mode(&f), 0o644);
        assert!(write_no_follow(&root, &f, b"y", 0o600).unwrap());
        assert_eq!(mode(&f), 0o600);
    }

    #[test]
    fn unchanged_content_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a");
        assert!(write_if_changed(&f, b"x", 0o644).unwrap());
        assert!(!write_if_changed(&f, b"x", 0o644).unwrap());
        assert!(write_if_changed(&f, b"y", 0o644).unwrap());
    }
}
