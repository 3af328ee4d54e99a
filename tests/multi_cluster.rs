//! Two organisations, two clusters (two API doubles), one network: the walkthrough of
//! `docs/multi-cluster.md` with the real binary, and the bundles `add-external` must refuse.

use serde_json::Value;

use crate::common::{TestEnv, testdata};

/// The names in `node ls -o json` whose kind is `kind`.
fn node_names(env: &TestEnv, kind: &str) -> Vec<String> {
    let rows: Value = serde_json::from_str(&env.run(&["node", "ls", "-o", "json"]).ok()).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == kind)
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_bundle_imported_into_a_config_without_external_nodes_starts_a_block_list() {
    let bundle = testdata("external/bundle-v1.yaml");
    let bundle = bundle.to_str().unwrap();
    // No key at all, an empty flow list, an empty value.
    for empty in ["", "external_nodes: []\n", "external_nodes:\n"] {
        let env = TestEnv::new();
        env.run(&[
            "init",
            "--num",
            "1",
            "--consensus",
            "istanbul",
            "--chain-id",
            "10",
            "--yes",
        ])
        .ok();
        let config = env.read("qubernetes.yaml");
        env.write("qubernetes.yaml", &format!("{config}{empty}"));
        env.run(&["add-external", bundle, "--yes"]).ok();
        let after = env.read("qubernetes.yaml");
        assert!(after.starts_with(&config), "{after}");
        assert!(
            after.contains(
                "\nexternal_nodes:\n  - Node_UserIdent: orga-node1\n    Enode_Url: \"enode://"
            ),
            "{after}"
        );
        assert!(
            after.ends_with("\nconfig:\n  Genesis_File: pinned-genesis.json\n"),
            "{after}"
        );
        assert_eq!(
            node_names(&env, "external"),
            ["orga-node1", "orga-node2", "orga-node3"]
        );
    }
}
