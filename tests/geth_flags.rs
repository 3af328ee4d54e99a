//! Every flag the generated pods pass to `geth` is one GoQuorum 24.4.1 accepts. geth exits at
//! start on an unknown flag, and the runtime tier cannot run GoQuorum here (docs/testing.md),
//! so the flags are checked against the list read from its source
//! (`testdata/goquorum/geth-24.4.1-flags.txt`).

use std::collections::BTreeSet;

use serde_yaml::Value;

use crate::common::TestEnv;

fn accepted_flags() -> BTreeSet<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/testdata/goquorum/geth-24.4.1-flags.txt"
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

#[test]
fn every_generated_geth_flag_is_one_goquorum_24_4_1_accepts() {
    let accepted = accepted_flags();
    assert!(accepted.contains("http") && accepted.contains("raftjoinexisting"));
    for consensus in ["qbft", "istanbul", "raft", "clique"] {
        let env = TestEnv::new();
        env.run(&["init", "--yes", "--num", "2", "--consensus", consensus])
            .ok();
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
        assert!(
            flags.iter().any(|(_, f)| f == "maxpeers"),
            "{consensus}: the node's own flags were not found in its Deployment"
        );
        let unknown: Vec<_> = flags
            .iter()
            .filter(|(_, f)| !accepted.contains(f))
            .collect();
        assert!(
            unknown.is_empty(),
            "{consensus}: geth 24.4.1 refuses {unknown:?}"
        );
    }
}

#[test]
fn the_flag_check_catches_a_flag_geth_does_not_know() {
    let accepted = accepted_flags();
    // Flags of other geth versions that GoQuorum 24.4.1 never had, or dropped.
    for flag in [
        "rpc.gascap.wrong",
        "http.rpcprefixx",
        "miner.etherbase2",
        "unlock.all",
    ] {
        assert!(!accepted.contains(flag), "{flag}");
    }
}
