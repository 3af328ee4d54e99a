//! Every flag the generated pods pass to `geth` is one their GoQuorum accepts: 24.4.1 (what
//! `qctl init` writes) and 21.7.1 (the original qctl's default, the oldest line qctl generates
//! for). geth exits at start on an unknown flag, and the runtime tier cannot run GoQuorum here
//! (docs/testing.md), so the flags are checked against the lists read from its source
//! (`testdata/goquorum/geth-<version>-flags.txt`, each saying how it was derived).

use std::collections::BTreeSet;

use serde_yaml::Value;

use crate::common::TestEnv;

fn accepted_flags(version: &str) -> BTreeSet<String> {
    let path = format!(
        "{}/testdata/goquorum/geth-{version}-flags.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// (container, flag name) of every `--flag` a quorum container passes to geth.
fn geth_flags(env: &TestEnv) -> Vec<(String, String)> {
    let mut flags = Vec::new();
    let dir = env.dir.path().join("out/deployments");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let doc: Value = serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let containers = doc["spec"]["template"]["spec"]["containers"]
            .as_sequence()
            .unwrap();
        for c in containers {
            // The quorum container runs `sh -c '… exec geth "$@"' geth ARGS…`.
            if c["name"].as_str() != Some(qctl::k8s::names::CONTAINER_QUORUM) {
                continue;
            }
            let name = c["name"].as_str().unwrap().to_string();
            for arg in c["args"].as_sequence().unwrap() {
                let arg = arg.as_str().unwrap();
                if let Some(flag) = arg.strip_prefix("--") {
                    let flag = flag.split('=').next().unwrap();
                    flags.push((format!("{}:{name}", path.display()), flag.to_string()));
                }
            }
        }
    }
    flags
}

/// Generates a network of each consensus with `init_args` and Prometheus on, a node with flags
/// of its own, and checks every geth flag of every Deployment against `version`'s list.
fn check_generated_flags(version: &str, init_args: &[&str]) {
    let accepted = accepted_flags(version);
    for consensus in ["qbft", "istanbul", "raft", "clique"] {
        let env = TestEnv::new();
        let mut init = vec!["init", "--yes", "--num", "2", "--consensus", consensus];
        init.extend(init_args);
        env.run(&init).ok();
        env.run(&["monitor", "add"]).ok();
        // A node's own flags are appended verbatim; they must be checked like the rest.
        env.run(&[
            "node",
            "add",
            "extra",
            "--geth-params",
            "--verbosity 4 --maxpeers=30",
        ])
        .ok();
        env.run(&["generate", "-q"]).ok();
        let flags = geth_flags(&env);
        for expected in ["maxpeers", "metrics.port", "http.api", "permissioned"] {
            assert!(
                flags.iter().any(|(_, f)| f == expected),
                "{consensus}: `--{expected}` was not found in the Deployments"
            );
        }
        let unknown: Vec<_> = flags
            .iter()
            .filter(|(_, f)| !accepted.contains(f))
            .collect();
        assert!(
            unknown.is_empty(),
            "{consensus}: geth {version} refuses {unknown:?}"
        );
    }
}

#[test]
fn every_generated_geth_flag_is_one_goquorum_24_4_1_accepts() {
    let accepted = accepted_flags("24.4.1");
    assert!(accepted.contains("http") && accepted.contains("raftjoinexisting"));
    check_generated_flags("24.4.1", &[]);
}

#[test]
fn every_generated_geth_flag_is_one_goquorum_21_7_1_accepts() {
    let accepted = accepted_flags("21.7.1");
    assert!(accepted.contains("http") && accepted.contains("istanbul.blockperiod"));
    check_generated_flags(
        "21.7.1",
        &["--quorum-version", "21.7.1", "--tm-version", "21.7.2"],
    );
}

#[test]
fn the_flag_check_catches_a_flag_geth_does_not_know() {
    let accepted = accepted_flags("24.4.1");
    // Flags of other geth versions that GoQuorum 24.4.1 never had, or dropped.
    for flag in [
        "rpc.gascap.wrong",
        "http.rpcprefixx",
        "miner.etherbase2",
        "unlock.all",
    ] {
        assert!(!accepted.contains(flag), "{flag}");
    }
    // GoQuorum 21.7.1 predates the RPC path prefix and the renamed log flags.
    let old = accepted_flags("21.7.1");
    for flag in ["http.rpcprefix", "ws.rpcprefix", "log.json"] {
        assert!(!old.contains(flag), "{flag}");
    }
}
