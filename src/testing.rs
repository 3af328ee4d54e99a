//! Golden files, for the unit tests in `src/` and the end-to-end tests in `tests/` alike
//! (`tests/common` includes this file). One bless rule: with `QCTL_BLESS` set, every golden
//! file or tree is rewritten from the output instead of compared.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Root of the repository's `testdata/`.
pub fn testdata(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel)
}

/// The bless rule: `QCTL_BLESS` is set (to anything).
pub fn blessing() -> bool {
    std::env::var_os("QCTL_BLESS").is_some()
}

/// Compares `actual` with the golden file `testdata/<rel>`.
#[track_caller]
pub fn assert_golden(rel: &str, actual: &str) {
    let path = testdata(rel);
    if blessing() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with QCTL_BLESS=1",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{} differs from the output (run with QCTL_BLESS=1 to accept):\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        );
    }
}

/// Compares `files` (paths relative to the tree) with the golden tree `testdata/<rel>/`: the
/// same file set and the same bytes.
#[track_caller]
pub fn assert_golden_files(rel: &str, files: &BTreeMap<PathBuf, Vec<u8>>) {
    let golden = testdata(rel);
    if blessing() {
        let _ = fs::remove_dir_all(&golden);
        for (path, bytes) in files {
            fs::create_dir_all(golden.join(path).parent().unwrap()).unwrap();
            fs::write(golden.join(path), bytes).unwrap();
        }
        return;
    }
    let names = |paths: Vec<&PathBuf>| {
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
    };
    let expected = files_under(&golden);
    assert_eq!(
        names(files.keys().collect()),
        names(expected.iter().collect()),
        "the file set differs from the golden tree {} (run with QCTL_BLESS=1 to accept)",
        golden.display()
    );
    for (path, bytes) in files {
        assert_golden(
            &format!("{rel}/{}", path.display()),
            &String::from_utf8_lossy(bytes),
        );
    }
}

/// Compares every file under `dir` accepted by `include` with the golden tree `testdata/<rel>/`.
#[track_caller]
pub fn assert_golden_tree(rel: &str, dir: &Path, include: impl Fn(&Path) -> bool) {
    let actual: BTreeMap<PathBuf, Vec<u8>> = files_under(dir)
        .into_iter()
        .filter(|p| include(p))
        .map(|p| (p.clone(), fs::read(dir.join(p)).unwrap()))
        .collect();
    assert_golden_files(rel, &actual);
}

/// Every file under `dir`, as sorted paths relative to it (empty if `dir` does not exist).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}
