//! The config lock: a command that waits for it says so and gives up after `--lock-timeout`; a
//! read-only checkout runs a `generate` that has nothing to write; temp files of killed edits
//! are removed by the next edit.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::{TestEnv, files_under};

const LOCK: &str = ".qubernetes.yaml.lock";

/// Holds the config's lock as another qctl would: an exclusive `flock` on the lock file.
fn hold_lock(env: &TestEnv) -> fs::File {
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(env.path(LOCK))
        .unwrap();
    file.lock().unwrap();
    file
}

#[test]
fn a_command_waiting_for_the_lock_says_so_once_and_gives_up_after_the_lock_timeout() {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "1"]).ok();
    let before = env.read("qubernetes.yaml");
    let held = hold_lock(&env);
    let err = env
        .run(&["--lock-timeout", "2s", "node", "add", "extra"])
        .failed();
    assert_eq!(
        err.matches("waiting for `.qubernetes.yaml.lock`, held by another qctl")
            .count(),
        1,
        "{err}"
    );
    assert!(
        err.contains(
            "gave up after 2s waiting for `.qubernetes.yaml.lock`, which another qctl holds"
        ),
        "{err}"
    );
    assert_eq!(env.read("qubernetes.yaml"), before, "nothing was edited");

    // Under --quiet the wait is not announced; the failure is.
    let err = env
        .run(&["-q", "--lock-timeout", "1s", "generate"])
        .failed();
    assert!(!err.contains("held by another qctl ("), "{err}");
    assert!(err.contains("gave up after 1s"), "{err}");

    drop(held);
    env.run(&["--lock-timeout", "0s", "node", "add", "extra"])
        .ok();
    assert!(env.read("qubernetes.yaml").contains("extra"));
    assert!(!env.path(LOCK).exists());
}

#[test]
fn a_lock_timeout_that_is_not_a_duration_is_a_usage_error() {
    let env = TestEnv::new();
    let err = env.run(&["--lock-timeout", "soon", "node", "ls"]).invalid();
    assert!(err.contains("`soon` is not a duration"), "{err}");
}

/// Every directory under `root`, `root` included, except the test binary's.
fn dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![root.to_path_buf()];
    for rel in files_under(root) {
        let mut dir = root.join(&rel);
        while dir.pop() && dir != root {
            if !dirs.contains(&dir) {
                dirs.push(dir.clone());
            }
        }
    }
    dirs
}

fn set_modes(dirs: &[PathBuf], mode: u32) {
    for dir in dirs {
        fs::set_permissions(dir, fs::Permissions::from_mode(mode)).unwrap();
    }
}

#[test]
fn a_read_only_checkout_runs_a_generate_with_nothing_to_write_and_refuses_one_with_writes() {
    // Runs as an unprivileged user when the tests run as root, so the modes are enforced.
    let env = TestEnv::unprivileged();
    env.run(&["init", "--yes", "--num", "1"]).ok();
    env.run(&["generate"]).ok();
    let root = env.dir.path().to_path_buf();
    let read_only = dirs(&root);
    let files = files_under(&root);

    set_modes(&read_only, 0o555);
    let run = env.run(&["generate"]);
    let config = env.path("qubernetes.yaml");
    let unchanged = fs::read_to_string(&config).unwrap();
    // A change that needs new manifests (the test's own user can still write the file).
    fs::write(
        &config,
        format!("{unchanged}k8s:\n  namespace: elsewhere\n"),
    )
    .unwrap();
    let refused = env.run(&["generate"]);
    set_modes(&read_only, 0o755);

    let out = run.ok();
    assert!(out.is_empty(), "{out}");
    assert!(
        run.stderr().contains("0 file(s) written"),
        "{}",
        run.stderr()
    );
    let err = refused.failed();
    assert!(
        err.contains("cannot take the lock of `qubernetes.yaml` (`.qubernetes.yaml.lock`)")
            && err.contains("Permission denied")
            && !err.contains("cannot edit")
            && err.contains("generate needs to write `out/"),
        "{err}"
    );
    assert_eq!(
        files_under(&root),
        files,
        "no lock, temp or other file appeared"
    );
}

/// A link named `rel` to a file outside: a temp-like name must not make qctl touch either.
fn planted_link(env: &TestEnv, rel: &str) -> (PathBuf, PathBuf) {
    let target = env.write("elsewhere/kept.txt", "kept");
    let link = env.path(rel);
    std::os::unix::fs::symlink(&target, &link).unwrap();
    (link, target)
}

fn assert_link_kept(link: &Path, target: &Path) {
    assert!(fs::symlink_metadata(link).unwrap().file_type().is_symlink());
    assert_eq!(fs::read_to_string(target).unwrap(), "kept");
}

#[test]
fn temp_files_of_killed_edits_beside_the_config_are_removed_by_the_next_edit_and_no_others() {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "1"]).ok();
    // What a kill between the temp file's creation and its rename leaves beside the config.
    let litter = env.write(".qctl-tmp-qubernetes.yaml.Ab12Cd", "genesis:\n  cons");
    // Not qctl's: another file's temp, another pattern, a directory, a link to a file elsewhere.
    let others = [
        env.write(".qctl-tmp-other.yaml.Ab12Cd", "x"),
        env.write(".qctl-tmp-qubernetes.yaml.Ab12Cd.bak", "x"),
        env.write(".qctl-tmp-qubernetes.yaml.toolong1", "x"),
        env.write("notes.txt", "mine"),
    ];
    fs::create_dir(env.path(".qctl-tmp-qubernetes.yaml.Dir123")).unwrap();
    let (link, target) = planted_link(&env, ".qctl-tmp-qubernetes.yaml.Lnk123");

    env.run(&["node", "add", "extra"]).ok();
    assert!(!litter.exists(), "the stale temp file is removed");
    for other in &others {
        assert!(other.exists(), "{} is kept", other.display());
    }
    assert!(env.path(".qctl-tmp-qubernetes.yaml.Dir123").is_dir());
    assert_link_kept(&link, &target);
}

#[test]
fn temp_files_of_killed_writes_under_out_are_removed_by_the_next_generate_but_not_links() {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "1"]).ok();
    env.run(&["generate"]).ok();
    let litter = env.write(
        "out/.qctl-tmp-03-quorum-services.yaml.Ab12Cd",
        "apiVersion: v1\nkind: Ser",
    );
    let (link, target) = planted_link(&env, "out/config/.qctl-tmp-genesis.json.Lnk123");
    env.run(&["generate"]).ok();
    assert!(!litter.exists());
    assert_link_kept(&link, &target);
}
