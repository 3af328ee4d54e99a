//! Operating a deployed network end to end: pruning the objects of removed nodes. The real
//! binary against the in-process API double, on networks made by the real `init` and
//! `generate`.

use std::sync::OnceLock;

use qctl::k8s::names;
use serde_json::Value;

use crate::common::{TestEnv, copy_dir};
use crate::support::apiserver::ApiServer;

const NODE3: &str = "quorum-node3";

/// `init --num 3` (qbft, Tessera) and `generate`, made once and copied into each test.
fn network() -> TestEnv {
    static TEMPLATE: OnceLock<tempfile::TempDir> = OnceLock::new();
    let template = TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        let env = TestEnv::new();
        env.run(&["init", "--num", "3", "--yes"]).ok();
        env.run(&["generate"]).ok();
        copy_dir(env.dir.path(), dir.path());
        dir
    });
    let env = TestEnv::new();
    copy_dir(template.path(), env.dir.path());
    env
}

/// The 3-node network deployed, then `quorum-node3` removed from the config and regenerated.
fn deployed_then_node3_removed(api: &ApiServer) -> TestEnv {
    let env = network();
    env.run_on(api, &["deploy"]).ok();
    env.run(&["node", "rm", NODE3]).ok();
    env.run(&["generate"]).ok();
    env
}

/// The node's objects qctl created, by plural and name.
fn node3_objects() -> Vec<(&'static str, String)> {
    vec![
        ("deployments", names::workload(NODE3)),
        ("services", names::peer_service(NODE3)),
        ("services", names::rpc_service(NODE3)),
        ("secrets", names::keys_secret(NODE3)),
        ("configmaps", names::identity_configmap(NODE3)),
        ("configmaps", names::tessera_configmap(NODE3)),
    ]
}

#[test]
fn deploy_without_a_terminal_or_yes_refuses_to_prune_before_applying_anything() {
    let api = ApiServer::start();
    let env = deployed_then_node3_removed(&api);
    api.clear_requests();
    let stderr = env.run_on(&api, &["deploy"]).invalid();
    assert!(stderr.contains("Deployment `quorum-node3`"), "{stderr}");
    assert!(
        stderr.contains("ConfigMap `quorum-node3-identity`"),
        "{stderr}"
    );
    assert!(stderr.contains("--prune=false"), "{stderr}");
    let mutating: Vec<_> = api
        .requests()
        .into_iter()
        .filter(|r| r.is_mutating())
        .collect();
    assert!(mutating.is_empty(), "{mutating:?}");
    for (plural, name) in node3_objects() {
        assert!(api.object(plural, "default", &name).is_some(), "{name}");
    }
}

#[test]
fn deploy_dry_run_lists_what_would_be_pruned_and_deletes_nothing() {
    let api = ApiServer::start();
    let env = deployed_then_node3_removed(&api);
    let stdout = env.run_on(&api, &["deploy", "--dry-run"]).ok();
    for kind_name in [
        "Deployment `quorum-node3`",
        "Service `quorum-node3-rpc`",
        "Secret `quorum-node3-keys`",
    ] {
        assert!(
            stdout.contains(&format!("pruned    {kind_name}")),
            "{stdout}"
        );
    }
    assert!(
        !stdout.contains("pruned    PersistentVolumeClaim"),
        "{stdout}"
    );
    for (plural, name) in node3_objects() {
        assert!(api.object(plural, "default", &name).is_some(), "{name}");
    }
}

#[test]
fn deploy_yes_prunes_a_removed_validator_keeps_its_volume_and_says_how_to_vote_it_out() {
    let api = ApiServer::start();
    let env = deployed_then_node3_removed(&api);
    let identity = api
        .object("configmaps", "default", &names::identity_configmap(NODE3))
        .unwrap();
    let address = identity["data"][names::identity_keys::NODE_ADDRESS]
        .as_str()
        .unwrap()
        .to_string();

    let run = env.run_on(&api, &["deploy", "--yes"]);
    run.ok();
    let stderr = run.stderr();
    for (plural, name) in node3_objects() {
        assert!(
            api.object(plural, "default", &name).is_none(),
            "{name} kept"
        );
    }
    assert!(
        api.object("persistentvolumeclaims", "default", &names::pvc(NODE3))
            .is_some(),
        "the volume is kept without --prune-data"
    );
    assert!(
        stderr.contains(&format!("qctl validator propose --remove {address}")),
        "{stderr}"
    );
    // The other nodes are untouched.
    for node in ["quorum-node1", "quorum-node2"] {
        assert!(api.object("deployments", "default", node).is_some());
    }

    env.run_on(&api, &["deploy", "--yes", "--prune-data"]).ok();
    assert!(
        api.object("persistentvolumeclaims", "default", &names::pvc(NODE3))
            .is_none()
    );
    assert!(
        api.object(
            "persistentvolumeclaims",
            "default",
            &names::pvc("quorum-node1")
        )
        .is_some()
    );
}

#[test]
fn status_shows_a_removed_nodes_workload_as_orphan_until_deploy_prunes_it() {
    let api = ApiServer::start();
    let env = deployed_then_node3_removed(&api);
    let kinds = |env: &TestEnv| -> Vec<(String, String)> {
        let rows: Vec<Value> =
            serde_json::from_str(&env.run_on(&api, &["status", "-o", "json"]).ok()).unwrap();
        rows.iter()
            .map(|r| {
                (
                    r["node"].as_str().unwrap().to_string(),
                    r["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert!(
        kinds(&env).contains(&(NODE3.to_string(), "orphan".to_string())),
        "{:?}",
        kinds(&env)
    );
    env.run_on(&api, &["deploy", "--prune=false"]).ok();
    assert!(api.object("deployments", "default", NODE3).is_some());
    assert!(kinds(&env).contains(&(NODE3.to_string(), "orphan".to_string())));
    env.run_on(&api, &["deploy", "--yes"]).ok();
    assert!(!kinds(&env).iter().any(|(_, kind)| kind == "orphan"));
}

#[test]
fn deploying_another_networks_out_over_a_running_one_is_refused_before_anything_is_applied() {
    let api = ApiServer::start();
    let running = network();
    running.run_on(&api, &["deploy"]).ok();
    // The same config generated from scratch elsewhere: new keys, a new genesis.
    let elsewhere = TestEnv::new();
    std::fs::copy(
        running.path("qubernetes.yaml"),
        elsewhere.path("qubernetes.yaml"),
    )
    .unwrap();
    elsewhere.run(&["generate"]).ok();
    api.clear_requests();
    let stderr = elsewhere.run_on(&api, &["deploy", "--yes"]).invalid();
    assert!(stderr.contains("ConfigMap `quorum-genesis`"), "{stderr}");
    assert!(stderr.contains("genesis.json sha256"), "{stderr}");
    assert!(
        stderr.contains("ConfigMap `quorum-node1-identity`"),
        "{stderr}"
    );
    assert!(stderr.contains("enode id"), "{stderr}");
    assert!(stderr.contains("--replace-identity"), "{stderr}");
    let mutating: Vec<_> = api
        .requests()
        .into_iter()
        .filter(|r| r.is_mutating())
        .collect();
    assert!(mutating.is_empty(), "{mutating:?}");

    elsewhere
        .run_on(&api, &["deploy", "--yes", "--replace-identity"])
        .ok();
    // The running network's own out/ deploys as before.
    running
        .run_on(&api, &["deploy", "--yes", "--replace-identity"])
        .ok();
    running.run_on(&api, &["deploy"]).ok();
}

const NODE2: &str = "quorum-node2";

/// The config of [`network`] with a comment and an unknown key in node2's entry, as a person
/// would leave them.
fn annotated(env: &TestEnv) -> String {
    let text = env.read("qubernetes.yaml").replacen(
        "  - Node_UserIdent: quorum-node2\n    Key_Dir: key2\n",
        "  - Node_UserIdent: quorum-node2\n    # the node that faces the partner\n    Key_Dir: key2\n    owner: team-b\n",
        1,
    );
    env.write("qubernetes.yaml", &text);
    text
}

#[test]
fn node_update_changes_only_the_given_settings_and_keeps_comments_and_unknown_keys() {
    let env = network();
    let before = annotated(&env);
    let deployment = |env: &TestEnv, node: &str| {
        env.read(&format!("out/deployments/{node}-quorum-deployment.yaml"))
    };
    let node1 = deployment(&env, "quorum-node1");
    let run = env.run(&[
        "node",
        "update",
        NODE2,
        "--quorum-version",
        "24.4.2",
        "--geth-params",
        "--verbosity 4",
        "--tm",
        "tessera",
    ]);
    run.ok();
    let stderr = run.stderr();
    assert!(
        stderr.contains("nodes[1].quorum.quorum.Quorum_Version: `24.4.1` → `24.4.2`"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("Name"),
        "an unchanged setting was reported: {stderr}"
    );
    assert!(stderr.contains("qctl generate && qctl deploy"), "{stderr}");
    let after = env.read("qubernetes.yaml");
    let expected = before
        .replacen(
            "    owner: team-b\n    quorum:\n      quorum:\n        consensus: qbft\n        Quorum_Version: \"24.4.1\"",
            "    owner: team-b\n    quorum:\n      quorum:\n        consensus: qbft\n        Quorum_Version: \"24.4.2\"",
            1,
        )
        .replacen(
            "        Tm_Version: \"24.4.2\"\n    geth:\n      Geth_Startup_Params: \"\"\n  - Node_UserIdent: quorum-node3",
            "        Tm_Version: \"24.4.2\"\n    geth:\n      Geth_Startup_Params: \"--verbosity 4\"\n  - Node_UserIdent: quorum-node3",
            1,
        );
    assert_ne!(expected, before);
    assert_eq!(after, expected, "only node2's two values change");

    // Nothing given that differs: nothing written.
    let run = env.run(&["node", "update", NODE2, "--quorum-version", "24.4.2"]);
    run.ok();
    assert!(run.stderr().contains("unchanged"), "{}", run.stderr());
    assert_eq!(env.read("qubernetes.yaml"), after);

    env.run(&["generate"]).ok();
    assert_eq!(deployment(&env, "quorum-node1"), node1);
    let node2 = deployment(&env, NODE2);
    assert!(node2.contains("quorum:24.4.2"), "{node2}");
    // The default `--verbosity=3` and the given flags, split into arguments.
    assert_eq!(node2.matches("--verbosity").count(), 2, "{node2}");
}

#[test]
fn node_update_refuses_bad_or_identity_changing_settings_naming_the_field_and_writes_nothing() {
    let env = network();
    let before = annotated(&env);
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["node", "update", "nope", "--tm-version", "24.4.3"],
            &[
                "no node named `nope`",
                "quorum-node1, quorum-node2, quorum-node3",
            ],
        ),
        (
            &["node", "update", NODE2, "--consensus", "raft"],
            &[
                "nodes[1].quorum.quorum.consensus",
                "genesis.consensus is qbft",
                "use qbft or istanbul",
            ],
        ),
        (
            &["node", "update", NODE2, "--key-dir", "key9"],
            &["nodes[1].Key_Dir", "new identity", "keep `key2`"],
        ),
        (
            &["node", "update", NODE2, "--key-dir", "key1"],
            &["`key1` is already used by node `quorum-node1`"],
        ),
        (
            &["node", "update", NODE2, "--key-dir", "../elsewhere"],
            &["--key-dir"],
        ),
        (
            &["node", "update", NODE2, "--quorum-version", "twenty"],
            &["--quorum-version"],
        ),
        (
            &[
                "node",
                "update",
                NODE2,
                "--geth-params",
                "--identity 'unclosed",
            ],
            &["--geth-params", "cannot be split into arguments"],
        ),
    ];
    for (args, wanted) in cases {
        let stderr = env.run(args).invalid();
        for want in *wanted {
            assert!(stderr.contains(want), "{args:?}: {stderr}");
        }
        assert_eq!(env.read("qubernetes.yaml"), before, "{args:?} wrote");
    }
    // A bft sibling keeps the node's validator identity: allowed.
    env.run(&["node", "update", NODE2, "--consensus", "istanbul"])
        .ok();
}

/// The replicas and the stopped annotation of a node's Deployment in the double.
fn replicas_and_stopped(api: &ApiServer, node: &str) -> (i64, Option<String>) {
    let d = api.object("deployments", "default", node).unwrap();
    let stopped = d["metadata"]["annotations"][names::ANNOTATION_STOPPED]
        .as_str()
        .map(str::to_string);
    (d["spec"]["replicas"].as_i64().unwrap(), stopped)
}

fn status_row(env: &TestEnv, api: &ApiServer, node: &str) -> Value {
    let rows: Vec<Value> =
        serde_json::from_str(&env.run_on(api, &["status", "-o", "json"]).ok()).unwrap();
    rows.into_iter().find(|r| r["node"] == node).unwrap()
}

#[test]
fn node_stop_scales_to_zero_keeps_everything_else_and_survives_deploy_until_start() {
    let api = ApiServer::start();
    api.set_auto_ready(true);
    let env = network();
    env.run_on(&api, &["deploy"]).ok();
    let service = api.object("services", "default", NODE2).unwrap();
    assert_eq!(api.pods_of(NODE2).len(), 1);

    let run = env.run_on(&api, &["node", "stop", NODE2]);
    run.ok();
    assert!(
        run.stderr().contains("stopped node `quorum-node2`"),
        "{}",
        run.stderr()
    );
    assert_eq!(replicas_and_stopped(&api, NODE2), (0, Some("true".into())));
    assert!(api.pods_of(NODE2).is_empty(), "the pod is gone");
    assert_eq!(
        api.object("services", "default", NODE2).unwrap()["spec"],
        service["spec"]
    );
    for (plural, name) in [
        ("persistentvolumeclaims", names::pvc(NODE2)),
        ("secrets", names::keys_secret(NODE2)),
        ("configmaps", names::identity_configmap(NODE2)),
    ] {
        assert!(api.object(plural, "default", &name).is_some(), "{name}");
    }
    let row = status_row(&env, &api, NODE2);
    assert_eq!(row["stopped"], true, "{row}");
    assert_eq!(status_row(&env, &api, "quorum-node1")["stopped"], false);
    let table = env.run_on(&api, &["status", "-o", "table"]).ok();
    let line = table.lines().find(|l| l.starts_with(NODE2)).unwrap();
    assert!(line.contains("Stopped"), "{table}");
    // Stopping again changes nothing.
    let again = env.run_on(&api, &["node", "stop", NODE2]);
    again.ok();
    assert!(
        again.stderr().contains("already stopped"),
        "{}",
        again.stderr()
    );

    // A deploy, with --wait, keeps it stopped and does not wait for it.
    let run = env.run_on(
        &api,
        &["deploy", "--wait", "--wait-for", "pods", "--timeout", "30s"],
    );
    run.ok();
    assert!(
        run.stderr().contains("kept node `quorum-node2` stopped"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr()
            .contains("all 2 running nodes are ready (1 stopped)"),
        "{}",
        run.stderr()
    );
    assert_eq!(replicas_and_stopped(&api, NODE2), (0, Some("true".into())));
    assert!(api.pods_of(NODE2).is_empty());

    let run = env.run_on(
        &api,
        &["node", "start", NODE2, "--wait", "--timeout", "30s"],
    );
    run.ok();
    assert!(run.stderr().contains("is ready"), "{}", run.stderr());
    assert_eq!(replicas_and_stopped(&api, NODE2), (1, None));
    assert_eq!(api.pods_of(NODE2).len(), 1);
    assert_eq!(status_row(&env, &api, NODE2)["stopped"], false);
    let run = env.run_on(&api, &["node", "start", NODE2]);
    run.ok();
    assert!(run.stderr().contains("already running"), "{}", run.stderr());
    env.run_on(&api, &["deploy"]).ok();
    assert_eq!(replicas_and_stopped(&api, NODE2), (1, None));
}

#[test]
fn node_stop_of_an_unknown_node_is_refused_before_connecting_and_of_an_undeployed_one_fails() {
    let api = ApiServer::start();
    let env = network();
    let stderr = env.run_on(&api, &["node", "stop", "nope"]).invalid();
    assert!(
        stderr
            .contains("no node named `nope`; nodes are: quorum-node1, quorum-node2, quorum-node3"),
        "{stderr}"
    );
    let stderr = env.run_on(&api, &["node", "start", "nope"]).invalid();
    assert!(stderr.contains("no node named `nope`"), "{stderr}");
    assert!(api.requests().is_empty(), "{:?}", api.requests());

    let stderr = env.run_on(&api, &["node", "stop", NODE2]).failed();
    assert!(
        stderr.contains("node `quorum-node2` is not deployed in namespace `default`"),
        "{stderr}"
    );
    assert!(stderr.contains("qctl deploy"), "{stderr}");
    assert!(!api.requests().iter().any(|r| r.is_mutating()));
}
