//! The `-o json` outputs match their published schemas (`docs/schema/`): outputs of the real
//! binary (against the API double where a cluster is needed), checked field by field, and every
//! field a schema declares is seen in some output, so adding, renaming, retyping or dropping a
//! field fails here until the schema says so.

use std::collections::BTreeMap;

use qctl::quorum::validators::{self, KnownNode, Origin};
use serde_json::Value;

use crate::common::TestEnv;
use crate::common::schema::Checker;
use crate::support::apiserver::ApiServer;

/// Two local istanbul nodes and the three external nodes of the example join bundle.
fn network_with_external_nodes() -> TestEnv {
    let env = TestEnv::new();
    env.run(&[
        "init",
        "--yes",
        "--num",
        "2",
        "--consensus",
        "istanbul",
        "--chain-id",
        "10",
    ])
    .ok();
    let bundle = crate::common::testdata("external/bundle-v1.yaml");
    env.run(&["add-external", "--yes", bundle.to_str().unwrap()])
        .ok();
    env
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn node_ls_and_external_ls_match_their_schemas() {
    let env = network_with_external_nodes();
    let mut node_ls = Checker::new("node-ls");
    // Before and after the keys exist.
    node_ls.check(&json(&env.run(&["node", "ls", "-o", "json"]).ok()));
    env.run(&["generate", "-q"]).ok();
    node_ls.check(&json(&env.run(&["node", "ls", "-o", "json"]).ok()));
    node_ls.check(&json(
        &env.run(&["node", "ls", "quorum-node1", "-o", "json"]).ok(),
    ));
    node_ls.all_properties_seen();

    let mut external_ls = Checker::new("external-ls");
    external_ls.check(&json(&env.run(&["external", "ls", "-o", "json"]).ok()));
    external_ls.all_properties_seen();
}

#[test]
fn status_matches_its_schema_with_local_external_stopped_and_orphan_rows() {
    let api = ApiServer::start();
    api.add_node("worker-a", "10.0.0.1", Some("203.0.113.10"), true);
    let env = network_with_external_nodes();
    env.run(&["generate", "-q"]).ok();
    let mut status = Checker::new("status");
    // Not deployed: rows without pods.
    status.check(&json(&env.run_on(&api, &["status", "-o", "json"]).ok()));
    env.run_on(&api, &["deploy", "--yes"]).ok();
    // `status` checked, with a row whose `field` is `value`.
    let check_with = |status: &mut Checker, field: &str, value: Value| {
        let rows = json(&env.run_on(&api, &["status", "-o", "json"]).ok());
        status.check(&rows);
        let rows = rows.as_array().unwrap();
        assert!(rows.iter().any(|r| r[field] == value), "{rows:#?}");
    };
    env.run_on(&api, &["node", "stop", "quorum-node2"]).ok();
    check_with(&mut status, "stopped", Value::Bool(true));
    // A node removed from the config but still deployed is an orphan.
    env.run(&["node", "rm", "quorum-node2"]).ok();
    check_with(&mut status, "kind", Value::from("orphan"));
    status.all_properties_seen();
}

/// The API double serves no port-forward, so `validator ls` cannot reach geth here; its rows
/// are made by the function the command renders, from every origin and state.
#[test]
fn validator_rows_match_their_schema() {
    let address = |n: u8| format!("0x{}", format!("{n:02x}").repeat(20));
    let known = [
        KnownNode {
            name: "quorum-node1".into(),
            address: address(1),
            origin: Origin::Local,
        },
        KnownNode {
            name: "orga-node1".into(),
            address: address(2),
            origin: Origin::External,
        },
    ];
    let members = [address(1), address(3)];
    let proposals = [BTreeMap::from([(address(3), false), (address(2), true)])];
    let rows = validators::rows(&members, &known, &proposals);
    let mut checker = Checker::new("validator-ls");
    checker.check(&serde_json::to_value(&rows).unwrap());
    checker.all_properties_seen();
}

#[test]
fn the_schema_checker_catches_a_field_added_renamed_or_retyped() {
    let row = json(r#"[{"name": "orga-node1", "enode": "enode://x"}]"#);
    let mut checker = Checker::new("external-ls");
    checker.check(&row);
    for bad in [
        r#"[{"name": "n", "enode": "e", "extra": 1}]"#,
        r#"[{"name": "n", "enodeUrl": "e"}]"#,
        r#"[{"name": 7, "enode": "e"}]"#,
    ] {
        let value = json(bad);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Checker::new("external-ls").check(&value)
        }));
        assert!(caught.is_err(), "{bad} passed");
    }
    let caught = std::panic::catch_unwind(|| checker.all_properties_seen());
    assert!(caught.is_err(), "tm_url and address were never seen");
}

#[test]
fn test_contract_report_matches_its_schema() {
    use qctl::ops::live::contract::{ContractReport, Party, Read, Run};
    let run = |party: bool| Run {
        contract: format!("0x{}", "ab".repeat(20)),
        deploy_tx: format!("0x{}", "01".repeat(32)),
        set_tx: format!("0x{}", "02".repeat(32)),
        initial: 7,
        value: 8,
        reads: vec![
            Read {
                node: "quorum-node1".into(),
                value: Some(8),
                party: true,
            },
            Read {
                node: "quorum-node3".into(),
                value: None,
                party,
            },
        ],
    };
    let report = ContractReport {
        node: "quorum-node1".into(),
        sender: format!("0x{}", "Cd".repeat(20)),
        public: Some(run(true)),
        private: Some(run(false)),
        private_for: vec![Party {
            name: "quorum-node2".into(),
            key: "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=".into(),
            local: true,
        }],
    };
    let mut checker = Checker::new("test-contract");
    checker.check(&serde_json::to_value(&report).unwrap());
    checker.all_properties_seen();
}
