//! `qctl deploy | status | destroy` end to end: the real binary against the in-process API
//! double, on networks made by the real `init` and `generate`.

use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use qctl::k8s::names;
use serde_json::{Value, json};

use crate::common::{Run, TestEnv, copy_dir};
use crate::support::apiserver::ApiServer;

const NODE1: &str = "quorum-node1";
const NODE2: &str = "quorum-node2";
const NODE3: &str = "quorum-node3";

/// Objects `generate` writes for a 2-node qbft/Tessera network in `default`: per node a PVC, a
/// peer and an RPC Service, a keys Secret, identity and Tessera ConfigMaps and a Deployment;
/// the genesis and peers ConfigMaps; the NetworkPolicy.
const OBJECTS_2_NODES: usize = 17;

/// Kinds in a 2-node network without a namespace: Secret, ConfigMap, PVC, Service, Deployment,
/// NetworkPolicy.
const KINDS_2_NODES: usize = 6;

/// Reads before the apply: the pruning plan's LIST per namespaced kind qctl manages (Secret,
/// ConfigMap, PVC, Service, EndpointSlice, Deployment, Ingress, NetworkPolicy)
/// and the live-network guard's GET of the genesis and LIST of identity ConfigMaps.
const PRUNE_LISTS: usize = 8 + 2;

/// Upper bound of API requests for one deploy of a 2-node network: the reachability probe, one
/// LIST per kind (to tell created from changed) and one server-side apply per object, plus the
/// pruning plan's LISTs.
const MAX_REQUESTS_2_NODES: usize = 1 + KINDS_2_NODES + OBJECTS_2_NODES + PRUNE_LISTS;

/// `init --num 2` (qbft, Tessera) and `generate`, made once (key generation is the slow part)
/// and copied into each test's own directory.
fn network() -> TestEnv {
    static TEMPLATE: OnceLock<tempfile::TempDir> = OnceLock::new();
    let template = TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        let env = TestEnv::new();
        env.run(&["init", "--num", "2", "--yes"]).ok();
        env.run(&["generate"]).ok();
        copy_dir(env.dir.path(), dir.path());
        dir
    });
    let env = TestEnv::new();
    copy_dir(template.path(), env.dir.path());
    env
}

/// Every object of `out/` as (plural, namespace, name), through the loader `deploy` uses.
fn generated_objects(out: &Path, namespace: &str) -> Vec<(String, String, String)> {
    qctl::cluster::load_dir(out)
        .unwrap()
        .iter()
        .map(|m| {
            let ns = if m.kind.namespaced { namespace } else { "" };
            (
                m.kind.resource.plural.clone(),
                ns.to_string(),
                m.name().to_string(),
            )
        })
        .collect()
}

fn rollouts(api: &ApiServer, nodes: &[&str]) -> Vec<u32> {
    nodes
        .iter()
        .map(|n| api.rollouts(&names::workload(n)))
        .collect()
}

/// The `(N requests)` a deploy reports on stderr.
fn reported_requests(run: &Run) -> u64 {
    let stderr = run.stderr();
    let start = stderr.rfind(" (").expect("a request count") + 2;
    let end = start + stderr[start..].find(" requests)").expect("a request count");
    stderr[start..end].parse().unwrap()
}

/// Replaces the `n`th (0-based) occurrence of `from` in the config.
fn edit_config(env: &TestEnv, n: usize, from: &str, to: &str) {
    let text = env.read("qubernetes.yaml");
    let (at, _) = text
        .match_indices(from)
        .nth(n)
        .unwrap_or_else(|| panic!("no `{from}` #{n}"));
    let edited = format!("{}{to}{}", &text[..at], &text[at + from.len()..]);
    env.write("qubernetes.yaml", &edited);
}

/// Kubeconfig pointing at `127.0.0.1:<port>` where nothing listens.
fn closed_port_kubeconfig(env: &TestEnv) -> (std::path::PathBuf, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = format!("https://127.0.0.1:{port}");
    let text = format!(
        "apiVersion: v1\nkind: Config\ncurrent-context: gone\nclusters:\n- name: c\n  cluster: {{server: '{server}'}}\n\
         contexts:\n- name: gone\n  context: {{cluster: c, user: u}}\nusers:\n- name: u\n  user: {{}}\n"
    );
    (env.write("closed-kubeconfig", &text), server)
}

// ---------------------------------------------------------------------------------------------
// deploy

#[test]
fn deploy_creates_every_generated_object_labelled_and_owned_by_the_qctl_field_manager() {
    let api = ApiServer::start();
    let env = network();
    let run = env.run_on(&api, &["deploy"]);
    run.ok();

    let expected = generated_objects(&env.path("out"), "default");
    assert_eq!(expected.len(), OBJECTS_2_NODES);
    for (plural, ns, name) in &expected {
        let object = api
            .object(plural, ns, name)
            .unwrap_or_else(|| panic!("{plural} {ns}/{name} was not created"));
        let labels = &object["metadata"]["labels"];
        assert_eq!(labels[names::LABEL_MANAGED_BY], "qctl", "{plural} {name}");
        assert_eq!(
            labels[names::LABEL_PART_OF],
            names::PART_OF,
            "{plural} {name}"
        );
        assert_eq!(labels[names::LABEL_NAME], "goquorum", "{plural} {name}");
        assert!(labels[names::LABEL_INSTANCE].is_string(), "{plural} {name}");
        let managers: Vec<&Value> = object["metadata"]["managedFields"]
            .as_array()
            .unwrap()
            .iter()
            .collect();
        assert!(
            managers
                .iter()
                .any(|m| m["manager"] == "qctl" && m["operation"] == "Apply"),
            "{plural} {name}: {managers:?}"
        );
    }
    assert_eq!(rollouts(&api, &[NODE1, NODE2]), [1, 1], "one pod per node");

    let stderr = run.stderr();
    assert!(
        stderr.contains(&format!(
            "applied {OBJECTS_2_NODES} objects to `double` in namespace `default`: {OBJECTS_2_NODES} created, 0 changed, 0 unchanged ("
        )),
        "{stderr}"
    );
    // What the binary counted for the apply is what the server saw, but for the reachability
    // probe and the pruning plan.
    assert_eq!(
        reported_requests(&run),
        (api.requests().len() - 1 - PRUNE_LISTS) as u64
    );
}

#[test]
fn one_deploy_of_a_two_node_network_takes_one_list_per_kind_and_one_apply_per_object() {
    let api = ApiServer::start();
    let env = network();
    env.run_on(&api, &["deploy"]).ok();
    let requests = api.requests();
    let count = |method: &str| requests.iter().filter(|r| r.method == method).count();
    assert_eq!(
        count("PATCH"),
        OBJECTS_2_NODES,
        "one server-side apply per object"
    );
    assert!(
        requests
            .iter()
            .filter(|r| r.method == "PATCH")
            .all(|r| r.query.contains("fieldManager=qctl")),
        "{requests:#?}"
    );
    assert_eq!(
        count("GET"),
        1 + KINDS_2_NODES + PRUNE_LISTS,
        "the probe, one list per kind and the pruning plan's: {requests:#?}"
    );
    // Measured: 24 (the probe, 6 lists, 17 applies).
    assert!(
        requests.len() <= MAX_REQUESTS_2_NODES,
        "{} requests: {requests:#?}",
        requests.len()
    );
}

#[test]
fn a_second_deploy_without_changes_changes_nothing_and_restarts_no_pod() {
    let api = ApiServer::start();
    let env = network();
    env.run_on(&api, &["deploy"]).ok();
    let versions: Vec<Value> = api
        .objects("deployments")
        .iter()
        .map(|d| d["metadata"]["resourceVersion"].clone())
        .collect();

    let run = env.run_on(&api, &["deploy"]);
    run.ok();
    assert!(
        run.stderr().contains(&format!(
            "0 created, 0 changed, {OBJECTS_2_NODES} unchanged"
        )),
        "{}",
        run.stderr()
    );
    assert_eq!(rollouts(&api, &[NODE1, NODE2]), [1, 1]);
    let after: Vec<Value> = api
        .objects("deployments")
        .iter()
        .map(|d| d["metadata"]["resourceVersion"].clone())
        .collect();
    assert_eq!(after, versions);
}

#[test]
fn adding_a_node_rolls_every_existing_node_because_every_peer_list_changes() {
    let api = ApiServer::start();
    let env = network();
    env.run_on(&api, &["deploy"]).ok();

    env.run(&["node", "add", NODE3]).ok();
    env.run(&["generate"]).ok();
    let run = env.run_on(&api, &["deploy"]);
    run.ok();
    // The new node joins static-nodes.json, permissioned-nodes.json and every Tessera peer
    // list, which every pod reads (each node's config hash covers them): node1 and node2 get a
    // new pod, node3 its first. The genesis is kept, so its ConfigMap does not change.
    assert_eq!(rollouts(&api, &[NODE1, NODE2, NODE3]), [2, 2, 1]);
    // node3's 7 objects are new; the peers ConfigMap, node1's and node2's Deployments and
    // Tessera configs changed.
    assert!(
        run.stderr()
            .contains(": 7 created, 5 changed, 12 unchanged"),
        "{}",
        run.stderr()
    );
}

#[test]
fn changing_one_nodes_geth_flags_rolls_that_node_alone() {
    let api = ApiServer::start();
    let env = network();
    env.run_on(&api, &["deploy"]).ok();

    // node2's `Geth_Startup_Params` is the second one in the file. Only node2's command line
    // changes; the peer lists and the other node's config stay as they are.
    edit_config(
        &env,
        1,
        "Geth_Startup_Params: \"\"",
        "Geth_Startup_Params: \"--cache 2048\"",
    );
    env.run(&["generate"]).ok();
    let run = env.run_on(&api, &["deploy"]);
    run.ok();
    assert_eq!(rollouts(&api, &[NODE1, NODE2]), [1, 2]);
    assert!(
        run.stderr().contains(&format!(
            "0 created, 1 changed, {} unchanged",
            OBJECTS_2_NODES - 1
        )),
        "{}",
        run.stderr()
    );
    let args = &api.object("deployments", "default", NODE2).unwrap()["spec"]["template"]["spec"]["containers"]
        [0]["args"];
    let args: Vec<&str> = args
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(args[args.len() - 2..], ["--cache", "2048"]);
}

#[test]
fn deploy_wait_returns_once_the_pods_are_ready_and_says_so_per_node() {
    let api = ApiServer::start();
    api.set_auto_ready(true);
    let env = network();
    let run = env.run_on(
        &api,
        &["deploy", "--wait", "--wait-for", "pods", "--timeout", "20s"],
    );
    run.ok();
    let stderr = run.stderr();
    // Not a terminal, so no progress bars: one line per node as its state changes.
    for node in [NODE1, NODE2] {
        assert!(
            stderr.lines().any(|l| l == format!("{node}: ready")),
            "{stderr}"
        );
    }
    assert!(stderr.contains("all 2 nodes are ready"), "{stderr}");
}

#[test]
fn deploy_wait_fails_at_once_naming_the_crashing_node_its_reason_and_its_last_log_lines() {
    let api = ApiServer::start();
    api.set_auto_ready(true);
    let env = network();
    env.run_on(&api, &["deploy"]).ok();
    // Nothing changes on the second deploy, so the pods the test sets up stay.
    api.set_pod_waiting(
        NODE2,
        "CrashLoopBackOff",
        "back-off 40s restarting failed container=quorum",
    );
    api.set_logs(
        NODE2,
        &[
            "INFO starting geth",
            "Fatal: invalid genesis file: missing 0x prefix",
        ],
    );

    let started = Instant::now();
    // A container that keeps crashing ends the wait long before the timeout.
    let run = env.run_on(
        &api,
        &["deploy", "--wait", "--wait-for", "pods", "--timeout", "2m"],
    );
    let stderr = run.failed();
    assert!(stderr.contains("keep crashing"), "{stderr}");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "took {:?}",
        started.elapsed()
    );
    assert!(stderr.contains(NODE2), "{stderr}");
    assert!(stderr.contains("CrashLoopBackOff"), "{stderr}");
    assert!(
        stderr.contains("Fatal: invalid genesis file: missing 0x prefix"),
        "{stderr}"
    );
    let error = &stderr[stderr.find("error:").expect("an error")..];
    assert!(!error.contains(NODE1), "node1 is ready: {error}");
}

#[test]
fn a_dry_run_on_an_empty_cluster_stores_nothing_and_lists_what_would_be_created() {
    let api = ApiServer::start();
    let env = network();
    let run = env.run_on(&api, &["deploy", "--dry-run"]);
    let stdout = run.ok();
    for (plural, ns, name) in generated_objects(&env.path("out"), "default") {
        assert!(
            api.object(&plural, &ns, &name).is_none(),
            "{plural} {name} was stored"
        );
    }
    assert!(api.objects("pods").is_empty());
    let created: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("created"))
        .collect();
    assert_eq!(created.len(), OBJECTS_2_NODES, "{stdout}");
    assert!(
        stdout.lines().any(|l| l
            == format!("created   Deployment `{NODE1}` in namespace `default` (out/deployments/{NODE1}-quorum-deployment.yaml)")),
        "{stdout}"
    );
    assert!(
        run.stderr().contains("dry run: would apply 17 objects"),
        "{}",
        run.stderr()
    );
    // Every apply was sent as a server-side dry run.
    assert!(
        api.requests()
            .iter()
            .filter(|r| r.method == "PATCH")
            .all(|r| r.query.contains("dryRun=All"))
    );
}

#[test]
fn an_unreachable_api_server_fails_fast_naming_the_context_and_the_server() {
    let env = network();
    let (kubeconfig, server) = closed_port_kubeconfig(&env);
    let started = Instant::now();
    let run = env.run_env(&["deploy"], &[("KUBECONFIG", kubeconfig.as_os_str())]);
    let stderr = run.failed();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    assert!(stderr.contains("context `gone`"), "{stderr}");
    assert!(stderr.contains(&server), "{stderr}");
}

#[test]
fn a_refused_object_stops_deploy_after_its_tier_and_names_what_was_not_applied() {
    let env = network();
    let api = ApiServer::start();
    api.fail_next_matching(
        &format!("/configmaps/{}", names::identity_configmap(NODE1)),
        100,
        500,
    );
    let stderr = env.run_on(&api, &["deploy"]).failed();
    assert!(stderr.contains("1 object(s) failed"), "{stderr}");
    assert!(
        stderr.contains(&format!("ConfigMap `{}`", names::identity_configmap(NODE1))),
        "{stderr}"
    );
    assert!(
        stderr.contains("not applied, as they depend on what failed")
            && stderr.contains(&format!("Deployment `{NODE1}`"))
            && stderr.contains(&format!("Deployment `{NODE2}`")),
        "{stderr}"
    );
    assert!(api.objects("deployments").is_empty(), "workloads applied");
}

#[test]
fn without_a_namespace_in_flags_or_config_the_kube_contexts_namespace_is_used() {
    let env = network();
    let api = ApiServer::start();
    let kubeconfig = api.kubeconfig(env.dir.path());
    let text = std::fs::read_to_string(&kubeconfig).unwrap();
    std::fs::write(
        &kubeconfig,
        text.replace("namespace: default", "namespace: team-a"),
    )
    .unwrap();
    api.insert(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}}));
    let run = env.run_env(&["deploy"], &[("KUBECONFIG", kubeconfig.as_os_str())]);
    run.ok();
    let stderr = run.stderr();
    assert!(stderr.contains("in namespace `team-a`"), "{stderr}");
    assert!(api.object("deployments", "team-a", NODE1).is_some());
    assert!(
        api.objects("deployments")
            .iter()
            .all(|d| d["metadata"]["namespace"] == "team-a")
    );
    // The flag still wins over the context.
    let run = env.run_env(
        &["status", "-n", "other", "-o", "json"],
        &[("KUBECONFIG", kubeconfig.as_os_str())],
    );
    let rows: Value = serde_json::from_str(&run.ok()).unwrap();
    assert_eq!(rows[0]["pod"], Value::Null, "nothing runs in `other`");
}

#[test]
fn deploy_before_generate_is_a_usage_error_that_says_to_run_generate() {
    let api = ApiServer::start();
    let env = TestEnv::new();
    env.run(&["init", "--num", "2", "--yes"]).ok();
    let stderr = env.run_on(&api, &["deploy"]).invalid();
    assert!(stderr.contains("run `qctl generate`"), "{stderr}");
    assert!(
        api.requests().is_empty(),
        "nothing was sent: {:?}",
        api.requests()
    );
}

// ---------------------------------------------------------------------------------------------
// status

#[test]
fn status_as_json_has_one_row_per_node_with_its_pod_readiness_and_node_ports() {
    let api = ApiServer::start();
    api.set_auto_ready(true);
    let env = network();
    env.run_on(&api, &["deploy"]).ok();
    let external = "enode://579f786d4e2830bbcc02815a27e8a9bacccc9605df4dc6f20bcc1a6eb391e7225fff7cb83e5b4ecd1f3a94d8b733803f2f66b7e871961e7b029e22c155c3a778@198.51.100.7:31000?discport=0";
    let config = env.read("qubernetes.yaml");
    env.write(
        "qubernetes.yaml",
        &format!("{config}external_nodes:\n  - Node_UserIdent: partner-node1\n    Enode_Url: \"{external}\"\n"),
    );

    let rows: Value =
        serde_json::from_str(&env.run_on(&api, &["status", "-o", "json"]).ok()).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 3, "{rows:#?}");
    for (row, node) in rows.iter().zip([NODE1, NODE2]) {
        assert_eq!(row["node"], node);
        assert_eq!(row["kind"], "local");
        assert_eq!(
            row["pod"].as_str(),
            api.pods_of(node).first().map(String::as_str)
        );
        assert_eq!(
            row["ready"],
            serde_json::json!({"ready": 2, "containers": 2})
        );
        let service = api
            .object("services", "default", &names::peer_service(node))
            .unwrap();
        let node_ports: serde_json::Map<String, Value> = service["spec"]["ports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["name"].as_str().unwrap().to_string(),
                    p["nodePort"].clone(),
                )
            })
            .collect();
        assert_eq!(row["node_ports"], Value::Object(node_ports), "{row}");
    }
    assert_eq!(rows[2]["node"], "partner-node1");
    assert_eq!(rows[2]["kind"], "external");
    assert_eq!(rows[2]["pod"], Value::Null);
    assert_eq!(rows[2]["enode"], external);
    assert_eq!(rows[2]["endpoints"], Value::Null);
}

#[test]
fn status_endpoints_list_the_in_cluster_api_and_the_peer_node_ports_at_the_nodes_address() {
    let api = ApiServer::start();
    api.set_auto_ready(true);
    api.add_node("worker-a", "10.0.0.1", Some("203.0.113.10"), true);
    let env = network();
    env.run_on(&api, &["deploy"]).ok();
    let node_port = |node: &str, port: u64| {
        let service = api
            .object("services", "default", &names::peer_service(node))
            .unwrap();
        let entry = service["spec"]["ports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["port"] == port)
            .unwrap()
            .clone();
        entry["nodePort"].as_u64().unwrap()
    };

    let run = env.run_on(&api, &["status", "-o", "json"]);
    let rows: Value = serde_json::from_str(&run.ok()).unwrap();
    assert_eq!(
        rows[0]["endpoints"],
        json!({
            "rpc": "http://quorum-node1-rpc.default.svc:8545",
            "ws": "ws://quorum-node1-rpc.default.svc:8546",
            "tessera_third_party": "http://quorum-node1-rpc.default.svc:9080",
            "p2p": format!("203.0.113.10:{}", node_port(NODE1, 30303)),
            "tessera_p2p": format!("203.0.113.10:{}", node_port(NODE1, 9001)),
            "raft": null,
        })
    );
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());

    // The table: one line per endpoint; `--node-ip` names the address.
    let table = env
        .run_on(
            &api,
            &[
                "status",
                "--endpoints",
                "-o",
                "table",
                "--node-ip",
                "198.51.100.9",
            ],
        )
        .ok();
    let lines: Vec<Vec<&str>> = table
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(lines[0], ["NODE", "ENDPOINT", "ADDRESS"]);
    assert_eq!(lines.len(), 1 + 2 * 5, "{table}");
    let p2p = format!("198.51.100.9:{}", node_port(NODE2, 30303));
    assert!(lines.contains(&vec![NODE2, "p2p", p2p.as_str()]), "{table}");
    assert!(
        lines.contains(&vec![
            NODE1,
            "rpc",
            "http://quorum-node1-rpc.default.svc:8545"
        ]),
        "{table}"
    );
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    // Without `--endpoints` the table is the pods'.
    let table = env.run_on(&api, &["status", "-o", "table"]).ok();
    assert!(table.starts_with("NODE"), "{table}");
    assert!(!table.contains("8545"), "{table}");
}

// ---------------------------------------------------------------------------------------------
// destroy

fn unrelated_configmap(namespace: &str) -> Value {
    json!({
        "apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": "someone-elses", "namespace": namespace, "labels": {"app": "other"}},
        "data": {"k": "v"},
    })
}

#[test]
fn destroy_yes_deletes_what_deploy_created_and_nothing_else() {
    let api = ApiServer::start();
    let env = network();
    api.insert(unrelated_configmap("default"));
    env.run_on(&api, &["deploy"]).ok();

    let run = env.run_on(&api, &["destroy", "--yes"]);
    run.ok();
    for (plural, ns, name) in generated_objects(&env.path("out"), "default") {
        assert!(
            api.object(&plural, &ns, &name).is_none(),
            "{plural} {name} survived"
        );
    }
    assert!(api.objects("pods").is_empty());
    assert!(
        api.object("configmaps", "default", "someone-elses")
            .is_some()
    );
    assert!(
        api.object("namespaces", "", "default").is_some(),
        "qctl did not create `default`"
    );
    assert!(
        run.stderr().contains(&format!(
            "deleted {OBJECTS_2_NODES} objects in `default` on `double`"
        )),
        "{}",
        run.stderr()
    );
}

#[test]
fn destroy_without_yes_and_without_a_terminal_deletes_nothing() {
    let api = ApiServer::start();
    let env = network();
    env.run_on(&api, &["deploy"]).ok();
    let before = api.requests().len();
    let stderr = env.run_on(&api, &["destroy"]).invalid();
    assert!(stderr.contains("pass --yes"), "{stderr}");
    assert_eq!(api.requests().len(), before, "no request was sent");
    assert_eq!(
        generated_objects(&env.path("out"), "default").len(),
        OBJECTS_2_NODES
    );
    assert_eq!(api.objects("deployments").len(), 2);
}

#[test]
fn destroy_keep_data_keeps_the_volumes() {
    let api = ApiServer::start();
    let env = network();
    env.run_on(&api, &["deploy"]).ok();
    env.run_on(&api, &["destroy", "--yes", "--keep-data"]).ok();
    let pvcs: Vec<String> = api
        .objects("persistentvolumeclaims")
        .iter()
        .map(|p| p["metadata"]["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(pvcs, [names::pvc(NODE1), names::pvc(NODE2)]);
    assert!(api.objects("deployments").is_empty());
    assert!(api.objects("secrets").is_empty());
    assert!(api.objects("services").is_empty());
}

// ---------------------------------------------------------------------------------------------
// namespaces

#[test]
fn a_namespaced_network_lands_in_its_namespace_and_destroy_removes_it() {
    let api = ApiServer::start();
    let env = TestEnv::new();
    env.run(&["init", "--num", "2", "--yes", "--namespace", "org-a"])
        .ok();
    env.run(&["generate"]).ok();
    api.insert(unrelated_configmap("default"));
    let run = env.run_on(&api, &["deploy"]);
    run.ok();
    assert!(
        run.stderr().contains("in namespace `org-a`"),
        "{}",
        run.stderr()
    );

    let expected = generated_objects(&env.path("out"), "org-a");
    assert!(expected.contains(&("namespaces".into(), String::new(), "org-a".into())));
    for (plural, ns, name) in &expected {
        assert!(
            api.object(plural, ns, name).is_some(),
            "{plural} {ns}/{name} missing"
        );
    }
    let namespaces: Vec<&str> = expected
        .iter()
        .map(|(_, ns, _)| ns.as_str())
        .filter(|ns| !ns.is_empty())
        .collect();
    assert!(namespaces.iter().all(|ns| *ns == "org-a"));
    let in_default = api
        .objects("configmaps")
        .iter()
        .filter(|c| c["metadata"]["namespace"] == "default")
        .count();
    assert_eq!(
        in_default, 1,
        "only the unrelated ConfigMap lives in `default`"
    );

    env.run_on(&api, &["destroy", "--yes"]).ok();
    assert!(
        api.object("namespaces", "", "org-a").is_none(),
        "qctl created `org-a`, so it goes"
    );
    assert!(
        api.object("configmaps", "default", "someone-elses")
            .is_some()
    );
}

#[test]
fn the_pruning_plan_lists_every_namespaced_managed_kind() {
    let namespaced = qctl::k8s::kinds::MANAGED_KINDS
        .iter()
        .filter(|k| k.namespaced)
        .count();
    assert_eq!(PRUNE_LISTS, namespaced + 2);
}

/// The namespaced Role and the ClusterRole of `docs/qctl-rbac.yaml` grant the writes on exactly
/// the kinds qctl manages: a kind added without its rule fails here (and on a real API server,
/// in `.ci/e2e cp-documented-role`), a rule left behind by a removed kind too.
#[test]
fn the_documented_rbac_covers_exactly_the_managed_kinds() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/qctl-rbac.yaml"))
        .unwrap();
    let mut granted = std::collections::BTreeSet::new();
    for doc in serde_yaml::Deserializer::from_str(&text) {
        let doc: serde_yaml::Value = serde::Deserialize::deserialize(doc).unwrap();
        for rule in doc["rules"].as_sequence().into_iter().flatten() {
            let verbs: Vec<&str> = rule["verbs"]
                .as_sequence()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            if !verbs.contains(&"patch") {
                continue;
            }
            for group in rule["apiGroups"].as_sequence().unwrap() {
                for resource in rule["resources"].as_sequence().unwrap() {
                    granted.insert((
                        group.as_str().unwrap().to_string(),
                        resource.as_str().unwrap().to_string(),
                    ));
                }
            }
        }
    }
    let managed: std::collections::BTreeSet<(String, String)> = qctl::k8s::kinds::MANAGED_KINDS
        .iter()
        .map(|k| (k.group.to_string(), k.plural.to_string()))
        .collect();
    assert_eq!(granted, managed);
}
