//! Test environment: a temp dir, a hermetic environment and the real binary.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

use crate::support::apiserver::ApiServer;

pub mod schema;

#[path = "../../src/testing.rs"]
mod testing;
pub use testing::{assert_golden, assert_golden_tree, files_under, testdata};

/// Copies the directory tree `from` to `to` (file modes as `fs::copy` keeps them).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for rel in files_under(from) {
        fs::create_dir_all(to.join(&rel).parent().unwrap()).unwrap();
        fs::copy(from.join(&rel), to.join(&rel)).unwrap();
    }
}

/// The unprivileged user ("nobody") commands run as when the tests run as root, for whom
/// file modes do not restrict anything.
const UNPRIVILEGED: u32 = 65534;

pub struct TestEnv {
    pub dir: tempfile::TempDir,
    /// The qctl binary the commands run.
    bin: PathBuf,
    /// Uid and gid the commands run as, if not the test's own.
    user: Option<u32>,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().unwrap(),
            bin: assert_cmd::cargo::cargo_bin("qctl"),
            user: None,
        }
    }

    /// An env whose commands cannot override file modes: when the tests run as root, its dir is
    /// handed to an unprivileged user and every command runs as that user.
    pub fn unprivileged() -> TestEnv {
        use std::os::unix::fs::MetadataExt;
        let mut env = TestEnv::new();
        // A new dir belongs to the effective user of this process.
        if fs::metadata(env.dir.path()).unwrap().uid() == 0 {
            std::os::unix::fs::chown(env.dir.path(), Some(UNPRIVILEGED), Some(UNPRIVILEGED))
                .unwrap();
            // The build dir may be out of that user's reach (e.g. under /root).
            let bin = env.path(".qctl-bin");
            fs::hard_link(&env.bin, &bin)
                .or_else(|_| fs::copy(&env.bin, &bin).map(drop))
                .unwrap();
            env.bin = bin;
            env.user = Some(UNPRIVILEGED);
        }
        env
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.path(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, text).unwrap();
        p
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    /// `qctl` in the env's dir, with no inherited qctl or kube settings.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(&self.bin);
        cmd.current_dir(self.dir.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("KUBECONFIG", self.dir.path().join("no-kubeconfig"))
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100");
        if let Some(id) = self.user {
            use std::os::unix::process::CommandExt;
            cmd.uid(id).gid(id);
        }
        cmd
    }

    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run(self.cmd().args(args).output().unwrap())
    }

    /// `qctl args` with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &OsStr)]) -> Run {
        let mut cmd = self.cmd();
        for (k, v) in env {
            cmd.env(k, v);
        }
        Run(cmd.args(args).output().unwrap())
    }

    /// `qctl args` against the API double, through its kubeconfig (context `double`) written
    /// into the env's dir.
    pub fn run_on(&self, api: &ApiServer, args: &[&str]) -> Run {
        let kubeconfig = api.kubeconfig(self.dir.path());
        self.run_env(args, &[("KUBECONFIG", kubeconfig.as_os_str())])
    }
}

/// A finished run.
pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    /// Asserts success and returns stdout.
    #[track_caller]
    pub fn ok(&self) -> String {
        assert_eq!(self.code(), 0, "stderr: {}", self.stderr());
        self.stdout()
    }
    /// Asserts exit code 1 and returns stderr.
    #[track_caller]
    pub fn failed(&self) -> String {
        assert_eq!(
            self.code(),
            1,
            "stdout: {}\nstderr: {}",
            self.stdout(),
            self.stderr()
        );
        self.stderr()
    }
    /// Asserts exit code 2 and returns stderr.
    #[track_caller]
    pub fn invalid(&self) -> String {
        assert_eq!(
            self.code(),
            2,
            "stdout: {}\nstderr: {}",
            self.stdout(),
            self.stderr()
        );
        self.stderr()
    }
}
