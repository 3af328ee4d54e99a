//! End-to-end tests of the real `qctl` binary and of the cluster code against an in-process
//! API double, compiled into one test binary.

mod common;
mod support;

mod architecture;
mod bad_input;
mod cluster;
mod config_cmds;
mod deploy;
mod exit_codes;
mod generate;
mod geth_flags;
mod help;
mod live;
mod locking;
mod monitor;
mod multi_cluster;
mod operate;
mod schemas;
mod timeouts;

/// `autotests = false` builds only this binary, so a test file not listed above would never run.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let listed = include_str!("cli.rs");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(module) = name.strip_suffix(".rs").filter(|m| *m != "cli") {
            assert!(
                listed.contains(&format!("mod {module};")),
                "tests/{name} is not listed in tests/cli.rs"
            );
        }
    }
}
