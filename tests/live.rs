//! Commands on a running network (`logs`, `rpc`, `geth`, `connect`, `validator`): input refused before any
//! connection, and `logs` through the real kube-rs client against the API double. Exec,
//! port-forward and the votes run on the real API server (`.ci/e2e cp-operate`).

use crate::common::TestEnv;
use crate::support::apiserver::ApiServer;

/// A config of three qbft nodes, the last without Tessera (no keys needed: nothing here
/// generates).
fn config(consensus: &str) -> TestEnv {
    let env = TestEnv::new();
    env.run(&["init", "--num", "2", "--consensus", consensus, "--yes"])
        .ok();
    env.run(&["node", "add", "quiet", "--tm", "none"]).ok();
    env
}

/// Every case is refused with exit 2 before a connection is tried: the kubeconfig points
/// nowhere, so a connection attempt would exit 1 instead.
#[test]
fn bad_input_is_refused_before_connecting() {
    let env = config("qbft");
    let cases: &[(&[&str], &str)] = &[
        (
            &["logs", "nodeX"],
            "no node named `nodeX`; the nodes of this network are: quorum-node1, quorum-node2, quiet",
        ),
        (
            &["logs", "quiet", "--container", "tessera"],
            "node `quiet` runs without Tessera",
        ),
        (&["logs", "quorum-node1", "--tail=-1"], "--tail"),
        (
            &["logs", "quorum-node1", "--container", "geth"],
            "possible values: quorum, tessera, init-datadir",
        ),
        (
            &["rpc", "quorum-node1", "eth_blockNumber", "latest"],
            "PARAMS is not JSON",
        ),
        (
            &["rpc", "quorum-node1", "eth_blockNumber", "5"],
            "PARAMS must be a JSON array or object",
        ),
        (
            &["rpc", "quorum-node1", "blockNumber"],
            "not a JSON-RPC method name",
        ),
        (
            &["rpc", "nodeX", "eth_blockNumber"],
            "no node named `nodeX`",
        ),
        (
            &["geth", "exec", "nodeX", "eth.blockNumber"],
            "no node named `nodeX`",
        ),
        (&["geth", "attach", "nodeX"], "no node named `nodeX`"),
        (&["connect", "nodeX"], "no node named `nodeX`"),
        (
            &["connect", "nodeX", "--", "ls"],
            "no node named `nodeX`; the nodes of this network are",
        ),
        (
            &["connect", "quiet", "--container", "tessera"],
            "node `quiet` runs without Tessera",
        ),
        (
            &["connect", "quorum-node1", "--container", "init-datadir"],
            "possible values: quorum, tessera",
        ),
        (
            &["connect", "quorum-node1", "tessera"],
            "use `qctl connect NODE --container tessera`",
        ),
        (
            &["validator", "propose", "nodeX"],
            "no node named `nodeX`; name one of quorum-node1, quorum-node2, quiet or give a 0x address",
        ),
        (
            &["validator", "propose", "0x12"],
            "`0x12` is not an address",
        ),
        (&["validator", "propose"], "NODE|ADDRESS"),
    ];
    let before = env.read("qubernetes.yaml");
    for (args, expected) in cases {
        let run = env.run_env(args, &[("KUBECONFIG", env.path("nowhere").as_os_str())]);
        let stderr = run.invalid();
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    assert_eq!(env.read("qubernetes.yaml"), before);
}

#[test]
fn raft_has_no_validator_votes() {
    let env = config("raft");
    for args in [
        &["validator", "ls"][..],
        &["validator", "propose", "quorum-node1"],
    ] {
        let stderr = env.run(args).invalid();
        assert!(stderr.contains("raft has no validator votes"), "{stderr}");
        assert!(stderr.contains("raft_cluster"), "{stderr}");
    }
}

#[test]
fn logs_print_the_newest_pod_of_the_node_through_the_api_server() {
    let api = ApiServer::start();
    let env = TestEnv::new();
    env.run(&["init", "--num", "2", "--yes"]).ok();
    env.run(&["generate"]).ok();
    env.run_on(&api, &["deploy"]).ok();
    api.set_logs("quorum-node2", &["INFO one", "INFO two\u{1b}[2J"]);
    let run = env.run_on(&api, &["logs", "quorum-node2", "--tail", "5"]);
    // Logs are data: printed as the container wrote them, to stdout.
    assert_eq!(run.ok(), "INFO one\nINFO two\u{1b}[2J\n");
    let log_request = api
        .requests()
        .into_iter()
        .find(|r| r.path.ends_with("/log"))
        .expect("a pods/log request");
    assert!(
        log_request.path.contains("/pods/quorum-node2-"),
        "{}",
        log_request.path
    );
    assert!(
        log_request.query.contains("container=quorum"),
        "{}",
        log_request.query
    );
    assert!(
        log_request.query.contains("tailLines=5"),
        "{}",
        log_request.query
    );
}

#[test]
fn logs_and_connect_of_a_node_without_a_pod_say_so() {
    let api = ApiServer::start();
    let env = TestEnv::new();
    env.run(&["init", "--num", "1", "--yes"]).ok();
    env.run(&["generate"]).ok();
    for args in [
        &["logs", "quorum-node1"][..],
        &["connect", "quorum-node1"],
        &["connect", "quorum-node1", "--", "true"],
    ] {
        let stderr = env.run_on(&api, args).failed();
        assert!(
            stderr.contains(
                "node `quorum-node1` cannot be reached in namespace `default`: it has no pod"
            ),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("qctl status"), "{stderr}");
    }
}

/// The API double serves no port-forward, as a cluster whose RBAC or kubelets refuse it: the
/// chain wait then fails naming each node and why, within the timeout.
#[test]
fn deploy_wait_for_the_chain_names_each_node_it_could_not_check() {
    let api = ApiServer::start();
    api.set_auto_ready(true);
    let env = TestEnv::new();
    env.run(&["init", "--num", "2", "--yes"]).ok();
    env.run(&["generate"]).ok();
    let started = std::time::Instant::now();
    let stderr = env
        .run_on(&api, &["deploy", "--wait", "--timeout", "4s"])
        .failed();
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert!(
        stderr.contains("2 of 2 node(s) not ready after 4s"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`quorum-node1`") && stderr.contains("`quorum-node2`"),
        "{stderr}"
    );
    assert!(stderr.contains("port-forward to port 8545"), "{stderr}");
}

/// A raft node added to a running network must be added to the raft cluster before it starts;
/// when no member can be asked (the double serves no port-forward), deploy stops before it
/// applies anything and the config keeps its flags.
#[test]
fn a_raft_node_that_cannot_be_added_to_the_running_cluster_is_not_deployed() {
    let api = ApiServer::start();
    api.set_auto_ready(true);
    let env = TestEnv::new();
    env.run(&["init", "--num", "2", "--consensus", "raft", "--yes"])
        .ok();
    env.run(&["generate"]).ok();
    env.run_on(&api, &["deploy"]).ok();
    env.run(&["node", "add", "late"]).ok();
    env.run(&["generate"]).ok();
    let config = env.read("qubernetes.yaml");
    let stderr = env.run_on(&api, &["deploy"]).failed();
    assert!(stderr.contains("raft_cluster"), "{stderr}");
    assert!(api.object("deployments", "default", "late").is_none());
    assert_eq!(env.read("qubernetes.yaml"), config);
}

/// A raft node removed from the config leaves the raft cluster before its objects go; when no
/// member can be asked, deploy stops before it applies or deletes anything.
#[test]
fn a_removed_raft_node_that_cannot_leave_the_raft_cluster_is_not_pruned() {
    let api = ApiServer::start();
    api.set_auto_ready(true);
    let env = TestEnv::new();
    env.run(&["init", "--num", "3", "--consensus", "raft", "--yes"])
        .ok();
    env.run(&["generate"]).ok();
    env.run_on(&api, &["deploy"]).ok();
    env.run(&["node", "rm", "quorum-node3"]).ok();
    env.run(&["generate"]).ok();
    let stderr = env.run_on(&api, &["deploy", "--yes"]).failed();
    assert!(
        stderr.contains("raft node(s) `quorum-node3` must leave the running raft cluster"),
        "{stderr}"
    );
    assert!(stderr.contains("--prune=false"), "{stderr}");
    assert!(
        api.object("deployments", "default", "quorum-node3")
            .is_some()
    );
    // Without pruning there is nothing to leave.
    env.run_on(&api, &["deploy", "--prune=false"]).ok();
}

/// `out/` of another raft network must not add its nodes to the running one: the identity
/// guard refuses it (exit 2) before any raft call.
#[test]
fn another_raft_networks_out_adds_no_raft_member_and_is_refused_by_the_guard() {
    let api = ApiServer::start();
    api.set_auto_ready(true);
    let running = TestEnv::new();
    running
        .run(&["init", "--num", "2", "--consensus", "raft", "--yes"])
        .ok();
    running.run(&["generate"]).ok();
    running.run_on(&api, &["deploy"]).ok();
    let other = TestEnv::new();
    other
        .run(&["init", "--num", "3", "--consensus", "raft", "--yes"])
        .ok();
    other.run(&["generate"]).ok();
    let stderr = other.run_on(&api, &["deploy"]).invalid();
    assert!(stderr.contains("describes another network"), "{stderr}");
    assert!(!stderr.contains("raft_cluster"), "{stderr}");
}

/// Enode ids (points on secp256k1) for hand-written external nodes: 7nodes key1 and key2.
const ENODE_IDS: [&str; 2] = [
    "ac6b1096ca56b9f6d004b779ae3728bf83f8e22453404cc3cef16a3d9b96608bc67c4b30db88e0a5a6c6390213f7acbe1153ff6d23ce57380104288ae19373ef",
    "0ba6b9f606a43a95edc6247cdb1c1e105145817be7bcafd6b2c0ba15d58145f0dc1a194f70ba73cd6f4cdd6864edc7687f311254c7555cc32e4d45aeb1b80416",
];

/// `test contract` checks its parties and reads the sender's keys before connecting; a missing
/// key dir is named with what writes it.
#[test]
fn test_contract_input_is_refused_before_connecting() {
    let env = config("qbft");
    let nowhere = env.path("nowhere");
    let refused = |args: &[&str]| {
        env.run_env(args, &[("KUBECONFIG", nowhere.as_os_str())])
            .invalid()
    };
    let stderr = refused(&["test", "contract", "quorum-node1"]);
    assert!(
        stderr.contains("the keys of node `quorum-node1`") && stderr.contains("`qctl generate`"),
        "{stderr}"
    );
    env.run(&["generate", "-q"]).ok();
    let cases: &[(&[&str], &str)] = &[
        (&["test", "contract", "nodeX"], "no node named `nodeX`"),
        (
            &["test", "contract", "quiet"],
            "node `quiet` runs without Tessera (`tm: none`), so it cannot send a private transaction",
        ),
        (
            &[
                "test",
                "contract",
                "quorum-node1",
                "--private-for",
                "nobody",
            ],
            "--private-for `nobody` is neither a node of this config with Tessera (quorum-node2)",
        ),
        (
            &["test", "contract", "quorum-node1", "--private-for", "quiet"],
            "--private-for `quiet`: that node runs without Tessera",
        ),
        (
            &[
                "test",
                "contract",
                "quorum-node1",
                "--private-for",
                "quorum-node1",
            ],
            "the sender is always party to its own private transaction",
        ),
        (
            &["test", "contract", "quorum-node1", "--public", "--private"],
            "cannot be used with",
        ),
        (
            &["test", "contract", "quorum-node1", "--timeout", "soon"],
            "--timeout",
        ),
    ];
    for (args, expected) in cases {
        let stderr = refused(args);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    // Another organisation's nodes: by the key their bundle gave, else only by the key itself.
    let key = "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=";
    let mut text = env.read("qubernetes.yaml");
    text.push_str(&format!(
        "external_nodes:
  - Node_UserIdent: orgb-node1
    Enode_Url: enode://{}@198.51.100.7:30301?discport=0
    Tm_Url: http://198.51.100.7:9001
    Tm_Public_Key: \"{key}\"
  - Node_UserIdent: orgb-node2
    Enode_Url: enode://{}@198.51.100.7:30302?discport=0
    Tm_Url: http://198.51.100.7:9002
",
        ENODE_IDS[0], ENODE_IDS[1]
    ));
    env.write("qubernetes.yaml", &text);
    let stderr = refused(&[
        "test",
        "contract",
        "quorum-node1",
        "--private-for",
        "orgb-node2",
    ]);
    assert!(
        stderr.contains("`orgb-node2`: the external node has no `Tm_Public_Key`"),
        "{stderr}"
    );
    // Valid input goes on to connect, which fails with 1, not 2.
    for args in [
        &["test", "contract", "quiet", "--public"][..],
        &["test", "contract", "quorum-node1", "--private-for", key],
        &[
            "test",
            "contract",
            "quorum-node1",
            "--private-for",
            "orgb-node1",
        ],
    ] {
        let run = env.run_env(args, &[("KUBECONFIG", nowhere.as_os_str())]);
        assert_eq!(run.code(), 1, "{args:?}: {}", run.stderr());
    }
}
