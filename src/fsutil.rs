//! Atomic file writes and the advisory lock that serialises edits of one file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Name prefix of the temp files of [`write_atomic`]; a killed run may leave some behind, and
/// the next `generate` removes them.
pub const TEMP_PREFIX: &str = ".qctl-tmp-";

/// Writes `contents` to `path` atomically: a temp file in the same directory, fsynced, with the
/// original's permissions (or `mode` for a new file), then renamed over the target. A symlink
/// is followed, so the link itself survives. Readers see the old or the new file, never a mix.
pub fn write_atomic(path: &Path, contents: &[u8], new_file_mode: u32) -> io::Result<()> {
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)?;
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

/// An exclusive advisory lock on `.<file>.lock` beside the file, held until dropped. Concurrent qctl processes
/// editing the same file queue up here instead of losing each other's updates.
pub struct FileLock {
    _file: File,
}

impl FileLock {
    pub fn acquire(file: &Path) -> io::Result<FileLock> {
        let mut name = std::ffi::OsString::from(".");
        name.push(file.file_name().unwrap_or_default());
        name.push(".lock");
        let path = file.with_file_name(name);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        lock.lock()?;
        Ok(FileLock { _file: lock })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

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
    fn unchanged_content_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a");
        assert!(write_if_changed(&f, b"x", 0o644).unwrap());
        assert!(!write_if_changed(&f, b"x", 0o644).unwrap());
        assert!(write_if_changed(&f, b"y", 0o644).unwrap());
    }
}
