//! `qctl::cluster` against the in-process API double, through the real `kube::Client` built
//! from the double's kubeconfig. Fixture manifests: `testdata/cluster/out/` (two istanbul
//! nodes with the public Consensys/qubernetes 7nodes keys key1 and key2, namespace `qnet`).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use kube::config::Kubeconfig;
use qctl::cluster::{
    self, ApplyOptions, ApplyReport, ClusterError, Connection, Endpoints, Manifest, NodeProgress,
    Outcome, RetryPolicy, StatusOptions,
};
use qctl::network::Consensus;
use serde_json::{Value, json};

use crate::support::apiserver::ApiServer;

const NS: &str = "qnet";
const FIXTURE: &str = "testdata/cluster/out";
/// Objects in the fixture.
const OBJECTS: usize = 14;
/// Kinds among them (Namespace, Secret, ConfigMap, PVC, Service, Deployment): one LIST each.
const KINDS: usize = 6;

// Public identities of the fixture nodes (Consensys/qubernetes 7nodes key1/key2/key3 at
// commit 4e6a87908bf1ad35b0ad4c6c0202158a73c9951c: enode, istanbul-validator-config.toml,
// acctkeyfile.json and tm.pub).
const KEY1_ENODE: &str = "ac6b1096ca56b9f6d004b779ae3728bf83f8e22453404cc3cef16a3d9b96608bc67c4b30db88e0a5a6c6390213f7acbe1153ff6d23ce57380104288ae19373ef";
const KEY1_NODE_ADDRESS: &str = "0xd8Dba507e85F116b1f7e231cA8525fC9008A6966";
const KEY1_ACCOUNT: &str = "0xed9d02e382b34818e88B88a309c7fe71E65f419d";
const KEY1_TM_PUB: &str = "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=";
const KEY3_ENODE: &str = "579f786d4e2830bbcc02815a27e8a9bacccc9605df4dc6f20bcc1a6eb391e7225fff7cb83e5b4ecd1f3a94d8b733803f2f66b7e871961e7b029e22c155c3a778";
const KEY3_NODE_ADDRESS: &str = "0xe36cbeB565B061217930767886474e3cDe903AC5";
const KEY3_ACCOUNT: &str = "0x0fBDc686b912d7722dc86510934589E0AAf3b55A";

struct Fixture {
    api: Arc<ApiServer>,
    conn: Connection,
    dir: tempfile::TempDir,
}

impl Fixture {
    async fn start() -> Fixture {
        let api = Arc::new(ApiServer::start());
        let dir = tempfile::tempdir().unwrap();
        let conn = connect(&api.kubeconfig(dir.path()), None).await.unwrap();
        Fixture { api, conn, dir }
    }

    /// A private copy of the fixture `out/`, for tests that edit it.
    fn out(&self) -> PathBuf {
        let out = self.dir.path().join("out");
        if !out.exists() {
            copy_dir(Path::new(FIXTURE), &out);
        }
        out
    }

    fn manifests(&self) -> Vec<Manifest> {
        cluster::load_dir(&self.out()).unwrap()
    }

    async fn apply(&self) -> ApplyReport {
        self.apply_with(ApplyOptions::default()).await
    }

    async fn apply_with(&self, opts: ApplyOptions) -> ApplyReport {
        cluster::apply(&self.conn, &self.manifests(), NS, opts)
            .await
            .unwrap()
    }

    /// Replaces `from` by `to` in a file of the private `out/`.
    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.out().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "`{from}` not in {file}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    fn node_port(&self, service: &str, port: u64) -> u16 {
        let svc = self.api.object("services", NS, service).unwrap();
        let entry = svc["spec"]["ports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["port"] == port)
            .unwrap()
            .clone();
        entry["nodePort"].as_u64().unwrap() as u16
    }
}

/// Connects through the kubeconfig file the way the CLI does, with retries shortened.
async fn connect(kubeconfig: &Path, context: Option<&str>) -> Result<Connection, ClusterError> {
    let kubeconfig = Kubeconfig::read_from(kubeconfig).unwrap();
    let mut conn = cluster::connect_with(kubeconfig, context).await?;
    conn.retry = RetryPolicy {
        tries: 5,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(40),
    };
    Ok(conn)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

fn outcomes(report: &ApplyReport) -> Vec<(String, String, Outcome)> {
    report
        .applied
        .iter()
        .map(|a| (a.object.kind.clone(), a.object.name.clone(), a.outcome))
        .collect()
}

fn nodes(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

// ---------------------------------------------------------------------------------------------
// apply

#[tokio::test]
async fn applying_the_fixture_creates_every_object_in_tier_order_with_labels_and_the_qctl_field_manager()
 {
    let f = Fixture::start().await;
    let report = f.apply().await;
    assert!(report.is_success(), "{:?}", report.failed);
    assert_eq!(report.count(Outcome::Created), OBJECTS);
    let kinds: Vec<String> = report
        .applied
        .iter()
        .map(|a| a.object.kind.clone())
        .collect();
    assert_eq!(kinds.first().map(String::as_str), Some("Namespace"));
    assert_eq!(kinds[kinds.len() - 2..], ["Deployment", "Deployment"]);
    let services = kinds.iter().position(|k| k == "Service").unwrap();
    assert!(kinds[..services].iter().all(|k| matches!(
        k.as_str(),
        "Namespace" | "Secret" | "ConfigMap" | "PersistentVolumeClaim"
    )));

    let cm = f.api.object("configmaps", NS, "node1-identity").unwrap();
    assert_eq!(
        cm["metadata"]["labels"]["app.kubernetes.io/managed-by"],
        "qctl"
    );
    assert_eq!(cm["metadata"]["managedFields"][0]["manager"], "qctl");
    assert_eq!(cm["metadata"]["managedFields"][0]["operation"], "Apply");
    assert_eq!(
        f.api
            .objects("namespaces")
            .iter()
            .filter(|n| n["metadata"]["name"] == NS)
            .count(),
        1
    );
    assert_eq!(f.api.pods_of("node1").len(), 1);
    assert_eq!((f.api.rollouts("node1"), f.api.rollouts("node2")), (1, 1));

    // One LIST per kind and namespace and one server-side apply per object, all counted.
    assert_eq!(report.requests, (KINDS + OBJECTS) as u64);
    let patches: Vec<_> = f
        .api
        .requests()
        .into_iter()
        .filter(|r| r.method == "PATCH")
        .collect();
    assert_eq!(patches.len(), OBJECTS);
    assert!(
        patches
            .iter()
            .all(|r| r.query.contains("fieldManager=qctl") && !r.query.contains("force=true")),
        "fields another manager owns are not taken over without --force-conflicts"
    );
}

#[tokio::test]
async fn reapplying_unchanged_manifests_reports_everything_unchanged_and_restarts_no_pod() {
    let f = Fixture::start().await;
    f.apply().await;
    let pods_before = (f.api.pods_of("node1"), f.api.pods_of("node2"));
    let version_before =
        f.api.object("deployments", NS, "node1").unwrap()["metadata"]["resourceVersion"].clone();

    let report = f.apply().await;
    assert!(report.is_success(), "{:?}", report.failed);
    assert_eq!(
        report.count(Outcome::Unchanged),
        OBJECTS,
        "{:?}",
        outcomes(&report)
    );
    assert_eq!(
        (f.api.pods_of("node1"), f.api.pods_of("node2")),
        pods_before
    );
    assert_eq!((f.api.rollouts("node1"), f.api.rollouts("node2")), (1, 1));
    assert_eq!(
        f.api.object("deployments", NS, "node1").unwrap()["metadata"]["resourceVersion"],
        version_before
    );
}

#[tokio::test]
async fn a_changed_pod_template_changes_only_that_deployment_and_replaces_only_its_pod() {
    let f = Fixture::start().await;
    f.apply().await;
    let node1_pods = f.api.pods_of("node1");
    let node2_pods = f.api.pods_of("node2");
    let generation = f.api.object("deployments", NS, "node2").unwrap()["metadata"]["generation"]
        .as_i64()
        .unwrap();

    f.edit(
        "deployments/node2-quorum-deployment.yaml",
        "qctl.io/config-hash: \"",
        "qctl.io/config-hash: \"0",
    );
    let report = f.apply().await;
    let changed: Vec<_> = outcomes(&report)
        .into_iter()
        .filter(|(_, _, o)| *o != Outcome::Unchanged)
        .collect();
    assert_eq!(
        changed,
        [(
            "Deployment".to_string(),
            "node2".to_string(),
            Outcome::Changed
        )]
    );
    assert_eq!(f.api.pods_of("node1"), node1_pods);
    assert_ne!(f.api.pods_of("node2"), node2_pods);
    assert_eq!(f.api.pods_of("node2").len(), 1);
    assert_eq!((f.api.rollouts("node1"), f.api.rollouts("node2")), (1, 2));
    let after = f.api.object("deployments", NS, "node2").unwrap();
    assert_eq!(
        after["metadata"]["generation"].as_i64().unwrap(),
        generation + 1
    );
}

#[tokio::test]
async fn a_dry_run_stores_nothing_and_reports_what_would_change() {
    let f = Fixture::start().await;
    // Into an empty cluster: everything would be created, including objects in the namespace
    // the same dry run would create (which the server cannot dry-run into).
    let report = f
        .apply_with(ApplyOptions {
            dry_run: true,
            ..Default::default()
        })
        .await;
    assert!(report.is_success(), "{:?}", report.failed);
    assert_eq!(report.count(Outcome::Created), OBJECTS);
    assert!(f.api.object("namespaces", "", NS).is_none());
    assert!(f.api.objects("configmaps").is_empty());
    assert_eq!(f.api.rollouts("node1"), 0);
    assert!(
        f.api
            .requests()
            .iter()
            .filter(|r| r.method == "PATCH")
            .all(|r| r.query.contains("dryRun=All"))
    );

    f.apply().await;
    f.edit(
        "02-configmaps.yaml",
        "consensus: istanbul",
        "consensus: qbft",
    );
    let version =
        f.api.object("configmaps", NS, "node1-identity").unwrap()["metadata"]["resourceVersion"]
            .clone();
    let report = f
        .apply_with(ApplyOptions {
            dry_run: true,
            ..Default::default()
        })
        .await;
    let changed: Vec<_> = outcomes(&report)
        .into_iter()
        .filter(|(_, _, o)| *o != Outcome::Unchanged)
        .collect();
    assert_eq!(
        changed,
        [(
            "ConfigMap".to_string(),
            "node1-identity".to_string(),
            Outcome::Changed
        )]
    );
    let live = f.api.object("configmaps", NS, "node1-identity").unwrap();
    assert_eq!(live["metadata"]["resourceVersion"], version);
    assert_eq!(live["data"]["consensus"], "istanbul");
}

#[tokio::test]
async fn an_object_the_server_refuses_is_reported_with_its_message_and_file_and_later_tiers_wait() {
    let f = Fixture::start().await;
    f.apply().await;
    let taken = f.node_port("node1", 30303);
    let extra = f.out().join("05-extra.yaml");
    std::fs::write(
        &extra,
        format!(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: clash\n  namespace: qnet\n\
             spec:\n  type: NodePort\n  ports:\n  - {{name: p2p, port: 30303, nodePort: {taken}}}\n"
        ),
    )
    .unwrap();
    let report = f.apply().await;
    assert_eq!(report.failed.len(), 1);
    // The Services' tier failed: its other objects are applied, the workloads are not.
    assert!(!report.skipped.is_empty());
    assert!(
        report.skipped.iter().all(|o| o.kind == "Deployment"),
        "{:?}",
        report.skipped
    );
    assert_eq!(report.applied.len() + report.skipped.len(), OBJECTS);
    let error = report.failed[0].to_string();
    assert!(
        error.contains("Service `clash` in namespace `qnet`"),
        "{error}"
    );
    assert!(
        error.contains(&format!("from `{}`", extra.display())),
        "{error}"
    );
    assert!(error.contains("422 Invalid"), "{error}");
    assert!(
        error.contains("provided port is already allocated"),
        "{error}"
    );
    assert!(error.contains("context `double`"), "{error}");
}

#[tokio::test]
async fn server_errors_and_throttling_are_retried_until_the_apply_succeeds() {
    let f = Fixture::start().await;
    f.api.fail_next(2, 500);
    f.api.fail_next(2, 429);
    let report = f.apply().await;
    assert!(report.is_success(), "{:?}", report.failed);
    assert_eq!(report.count(Outcome::Created), OBJECTS);
    assert_eq!(report.requests, (KINDS + OBJECTS) as u64 + 4);
    assert_eq!(
        f.api
            .requests()
            .iter()
            .filter(|r| r.method == "PATCH")
            .count(),
        OBJECTS + 4
    );
}

#[tokio::test]
async fn a_persistent_server_error_fails_that_object_after_bounded_retries_and_stops_the_apply_after_its_tier()
 {
    let f = Fixture::start().await;
    f.api
        .fail_next_matching("/configmaps/node1-identity", 100, 500);
    let report = f.apply().await;
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.applied.len() + report.skipped.len(), OBJECTS - 1);
    let error = report.failed[0].to_string();
    assert!(error.contains("ConfigMap `node1-identity`"), "{error}");
    assert!(error.contains("02-configmaps.yaml"), "{error}");
    assert!(error.contains("injected: server error 500"), "{error}");
    let attempts = f
        .api
        .requests()
        .iter()
        .filter(|r| r.method == "PATCH" && r.path.ends_with("/node1-identity"))
        .count();
    assert_eq!(attempts, 5);
    // The Deployments mount what failed, so they wait for the next deploy.
    assert!(f.api.object("deployments", NS, "node1").is_none());
    assert!(report.skipped.iter().any(|o| o.kind == "Deployment"));
}

// ---------------------------------------------------------------------------------------------
// Services

#[tokio::test]
async fn node_ports_are_unique_across_services_and_stable_across_reapplies() {
    let f = Fixture::start().await;
    f.apply().await;
    let ports = |api: &ApiServer| -> Vec<u64> {
        api.objects("services")
            .iter()
            .flat_map(|s| s["spec"]["ports"].as_array().unwrap().clone())
            .filter_map(|p| p["nodePort"].as_u64())
            .collect()
    };
    let first = ports(&f.api);
    assert_eq!(
        first.len(),
        4,
        "p2p and tessera of two NodePort Services; none on the ClusterIP ones"
    );
    let unique: std::collections::BTreeSet<_> = first.iter().collect();
    assert_eq!(unique.len(), first.len());
    assert!(first.iter().all(|p| (30000..=32767).contains(p)));
    assert!(f.api.object("services", NS, "node1-rpc").unwrap()["spec"]["clusterIP"].is_string());

    f.apply().await;
    assert_eq!(ports(&f.api), first);
}

// ---------------------------------------------------------------------------------------------
// wait and status

#[tokio::test]
async fn waiting_ignores_a_ready_pod_of_another_configuration() {
    let f = Fixture::start().await;
    f.apply().await;
    f.api.set_pod_ready("node1", true);
    // The pod that runs now carries the hash of what was applied; a different expected hash
    // stands for an apply whose pod the controller has not created yet.
    let pod_name = f.api.pods_of("node1").remove(0);
    let pod = f.api.object("pods", NS, &pod_name).unwrap();
    let current = pod["metadata"]["annotations"]["qctl.io/config-hash"]
        .as_str()
        .unwrap()
        .to_string();
    let expect = |hash: &str| BTreeMap::from([("node1".to_string(), hash.to_string())]);
    let error = cluster::wait_ready(
        &f.conn,
        NS,
        &nodes(&["node1"]),
        &expect("0ther"),
        Duration::from_millis(300),
        &|_| {},
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(error.contains("node1"), "{error}");
    cluster::wait_ready(
        &f.conn,
        NS,
        &nodes(&["node1"]),
        &expect(&current),
        Duration::from_secs(5),
        &|_| {},
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn waiting_returns_once_every_node_has_a_ready_pod_and_reports_progress() {
    let f = Fixture::start().await;
    f.apply().await;
    f.api.set_pod_ready("node1", true);
    let api = f.api.clone();
    let later = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        api.set_pod_ready("node2", true);
    });
    let seen = RefCell::new(Vec::new());
    let progress = |p: NodeProgress| seen.borrow_mut().push(p);
    cluster::wait_ready(
        &f.conn,
        NS,
        &nodes(&["node1", "node2"]),
        &Default::default(),
        Duration::from_secs(10),
        &progress,
    )
    .await
    .unwrap();
    later.await.unwrap();
    let seen = seen.into_inner();
    assert!(
        seen.iter()
            .any(|p| p.node == "node2" && !p.ready && p.detail.contains("ContainerCreating")),
        "{seen:?}"
    );
    let last = seen.last().unwrap();
    assert_eq!(
        (
            last.node.as_str(),
            last.ready,
            last.ready_nodes,
            last.total_nodes
        ),
        ("node2", true, 2, 2)
    );
}

#[tokio::test]
async fn a_crash_loop_fails_the_wait_at_once_with_its_last_log_lines() {
    let f = Fixture::start().await;
    f.apply().await;
    f.api.set_pod_ready("node2", true);
    // The double counts five restarts, past the three after which waiting cannot help.
    f.api.set_pod_waiting(
        "node1",
        "CrashLoopBackOff",
        "back-off 5m0s restarting failed container=quorum",
    );
    let lines: Vec<String> = (1..=12).map(|i| format!("geth log line {i}")).collect();
    f.api.set_logs(
        "node1",
        &lines.iter().map(String::as_str).collect::<Vec<_>>(),
    );

    let started = Instant::now();
    let error = cluster::wait_ready(
        &f.conn,
        NS,
        &nodes(&["node1", "node2", "node3"]),
        &Default::default(),
        Duration::from_secs(60),
        &|_| {},
    )
    .await
    .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(10));
    let ClusterError::Crashing {
        nodes: crashing, ..
    } = &error
    else {
        panic!("{error}")
    };
    assert_eq!(crashing.len(), 1, "only the crashing node: {error}");
    let text = error.to_string();
    assert!(
        text.starts_with("1 node(s) keep crashing in namespace `qnet`"),
        "{text}"
    );
    assert!(
        text.contains("container `quorum` waiting: CrashLoopBackOff: back-off 5m0s")
            && text.contains("(5 restarts)"),
        "{text}"
    );
    assert_eq!(crashing[0].logs, lines[2..]);
    assert!(
        text.contains("| geth log line 12") && !text.contains("geth log line 2\n"),
        "{text}"
    );
}

#[tokio::test]
async fn waiting_times_out_naming_an_unschedulable_pod_and_a_missing_one() {
    let f = Fixture::start().await;
    f.apply().await;
    f.api.set_pod_ready("node1", true);
    f.api.set_pod_pending(
        "node2",
        "Unschedulable",
        "0/3 nodes are available: 3 Insufficient memory.",
    );

    let started = Instant::now();
    let error = cluster::wait_ready(
        &f.conn,
        NS,
        &nodes(&["node1", "node2", "node3"]),
        &Default::default(),
        Duration::from_millis(400),
        &|_| {},
    )
    .await
    .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    let ClusterError::NotReady { nodes: unready, .. } = &error else {
        panic!("{error}")
    };
    assert_eq!(unready.len(), 2);
    let text = error.to_string();
    assert!(
        text.starts_with("2 of 3 node(s) not ready after 400ms in namespace `qnet`"),
        "{text}"
    );
    assert!(
        text.contains("`node2`")
            && text.contains("Pending: not scheduled: Unschedulable: 0/3 nodes are available"),
        "{text}"
    );
    assert!(text.contains("`node3`: no pod"), "{text}");
}

#[tokio::test]
async fn an_image_pull_failure_is_named_with_its_message() {
    let f = Fixture::start().await;
    f.apply().await;
    f.api.set_pod_ready("node1", true);
    f.api.set_pod_waiting(
        "node2",
        "ImagePullBackOff",
        "Back-off pulling image \"quorumengineering/quorum:99\"",
    );
    let error = cluster::wait_ready(
        &f.conn,
        NS,
        &nodes(&["node1", "node2"]),
        &Default::default(),
        Duration::from_millis(200),
        &|_| {},
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(error.starts_with("1 of 2 node(s) not ready"), "{error}");
    assert!(
        error.contains(
            "Pending: container `quorum` waiting: ImagePullBackOff: Back-off pulling image"
        ),
        "{error}"
    );
    assert!(!error.contains("`node1`"), "{error}");
}

#[tokio::test]
async fn status_shows_each_nodes_pod_readiness_restarts_and_node_ports_in_two_requests() {
    let f = Fixture::start().await;
    f.apply().await;
    f.api.set_pod_ready("node1", true);
    f.api
        .set_pod_waiting("node2", "CrashLoopBackOff", "back-off");
    f.api.clear_requests();
    let status = cluster::status(
        &f.conn,
        NS,
        &nodes(&["node1", "node2", "node3"]),
        StatusOptions::default(),
    )
    .await
    .unwrap()
    .nodes;
    assert_eq!(f.api.requests().len(), 2);
    assert!(status.iter().all(|s| s.endpoints.is_none()));

    assert_eq!(status[0].node, "node1");
    assert_eq!(status[0].pod, f.api.pods_of("node1").first().cloned());
    assert_eq!(
        (
            status[0].phase.as_deref(),
            status[0].ready.as_str(),
            status[0].restarts
        ),
        (Some("Running"), "2/2", 0)
    );
    assert_eq!(status[0].service_type.as_deref(), Some("NodePort"));
    let p2p = status[0]
        .node_ports
        .iter()
        .find(|p| p.port == 30303)
        .unwrap();
    assert_eq!(
        (p2p.name.as_str(), p2p.node_port),
        ("p2p", f.node_port("node1", 30303))
    );
    assert!(status[0].age.unwrap() < Duration::from_secs(60));
    assert_eq!((status[1].ready.as_str(), status[1].restarts), ("1/2", 5));
    assert_eq!(
        (
            status[2].pod.as_deref(),
            status[2].ready.as_str(),
            status[2].service_type.as_deref()
        ),
        (None, "0/0", None)
    );
}

#[tokio::test]
async fn status_endpoints_are_the_rpc_services_name_and_the_node_ports_on_the_export_address() {
    let f = Fixture::start().await;
    f.apply().await;
    f.api.add_node("worker-a", "10.0.0.1", None, true);
    f.api
        .add_node("worker-b", "10.0.0.2", Some("203.0.113.20"), true);
    f.api.clear_requests();
    let with_endpoints = StatusOptions {
        endpoints: true,
        node_ip: None,
    };
    let status = cluster::status(&f.conn, NS, &nodes(&["node1", "node3"]), with_endpoints)
        .await
        .unwrap();
    // Pods, Services, and the cluster's Nodes once.
    assert_eq!(f.api.requests().len(), 3);
    assert!(status.warnings.is_empty(), "{:?}", status.warnings);
    let exported = cluster::read_public_nodes(&f.conn, NS, &nodes(&["node1"]), None)
        .await
        .unwrap();
    let node1 = &exported.nodes[0];
    assert_eq!(
        status.nodes[0].endpoints,
        Some(Endpoints {
            rpc: Some(format!("http://node1-rpc.{NS}.svc:8545")),
            ws: Some(format!("ws://node1-rpc.{NS}.svc:8546")),
            tessera_third_party: Some(format!("http://node1-rpc.{NS}.svc:9080")),
            p2p: Some(format!("{}:{}", node1.host, node1.p2p_port)),
            tessera_p2p: Some(format!("{}:{}", node1.host, node1.tessera_port.unwrap())),
            raft: None,
        })
    );
    assert_eq!(node1.host, "203.0.113.20");
    // A node that is not deployed has none.
    assert_eq!(status.nodes[1].endpoints, Some(Endpoints::default()));

    // `--node-ip` wins and spares the node list.
    f.api.clear_requests();
    let status = cluster::status(
        &f.conn,
        NS,
        &nodes(&["node1"]),
        StatusOptions {
            endpoints: true,
            node_ip: Some("2001:db8::7"),
        },
    )
    .await
    .unwrap();
    assert_eq!(f.api.requests().len(), 2);
    let endpoints = status.nodes[0].endpoints.clone().unwrap();
    assert_eq!(
        endpoints.p2p,
        Some(format!("[2001:db8::7]:{}", f.node_port("node1", 30303)))
    );
}

#[tokio::test]
async fn status_endpoints_without_a_node_address_warn_and_leave_the_node_ports_out() {
    let f = Fixture::start().await;
    f.apply().await;
    let with_endpoints = StatusOptions {
        endpoints: true,
        node_ip: None,
    };
    let status = cluster::status(&f.conn, NS, &nodes(&["node1"]), with_endpoints)
        .await
        .unwrap();
    let endpoints = status.nodes[0].endpoints.clone().unwrap();
    assert_eq!(
        (endpoints.p2p, endpoints.tessera_p2p),
        (None, None),
        "no Node to take an address from"
    );
    assert_eq!(
        endpoints.rpc.as_deref(),
        Some("http://node1-rpc.qnet.svc:8545")
    );
    assert_eq!(status.warnings.len(), 1, "{:?}", status.warnings);
    assert!(
        status.warnings[0].contains("no Ready Kubernetes node")
            && status.warnings[0].contains("--node-ip"),
        "{:?}",
        status.warnings
    );
}

#[tokio::test]
async fn status_endpoints_of_load_balancer_and_cluster_ip_peer_services() {
    let f = Fixture::start().await;
    f.edit("04-services.yaml", "type: NodePort", "type: LoadBalancer");
    f.edit("04-services.yaml", "type: NodePort", "type: ClusterIP");
    f.apply().await;
    f.api.clear_requests();
    let with_endpoints = StatusOptions {
        endpoints: true,
        node_ip: None,
    };
    let status = cluster::status(&f.conn, NS, &nodes(&["node1", "node2"]), with_endpoints)
        .await
        .unwrap();
    // No NodePort: no list of the cluster's Nodes.
    assert!(f.api.requests().iter().all(|r| r.path != "/api/v1/nodes"));
    let node1 = status.nodes[0].endpoints.clone().unwrap();
    assert_eq!((node1.p2p, node1.tessera_p2p), (None, None));
    assert!(
        status.warnings.len() == 1
            && status.warnings[0].contains("LoadBalancer Service `node1` of node `node1`"),
        "{:?}",
        status.warnings
    );
    let node2 = status.nodes[1].endpoints.clone().unwrap();
    assert_eq!(node2.p2p.as_deref(), Some("node2.qnet.svc:30303"));
    assert_eq!(node2.tessera_p2p.as_deref(), Some("node2.qnet.svc:9001"));

    f.api.set_load_balancer_ingress(NS, "node1", "192.0.2.44");
    let status = cluster::status(&f.conn, NS, &nodes(&["node1"]), with_endpoints)
        .await
        .unwrap();
    let node1 = status.nodes[0].endpoints.clone().unwrap();
    assert_eq!(
        (node1.p2p.as_deref(), node1.tessera_p2p.as_deref()),
        (Some("192.0.2.44:30303"), Some("192.0.2.44:9001"))
    );
    assert!(status.warnings.is_empty(), "{:?}", status.warnings);
}

// ---------------------------------------------------------------------------------------------
// destroy

fn managed_left(api: &ApiServer) -> Vec<String> {
    [
        "namespaces",
        "secrets",
        "configmaps",
        "persistentvolumeclaims",
        "services",
        "deployments",
        "pods",
    ]
    .iter()
    .flat_map(|plural| api.objects(plural))
    .filter(|o| o["metadata"]["labels"]["app.kubernetes.io/managed-by"] == "qctl")
    .map(|o| {
        format!(
            "{}/{}",
            o["kind"].as_str().unwrap(),
            o["metadata"]["name"].as_str().unwrap()
        )
    })
    .collect()
}

#[tokio::test]
async fn destroy_with_keep_data_keeps_volumes_and_namespace_and_never_touches_unmanaged_objects() {
    let f = Fixture::start().await;
    f.apply().await;
    f.api.insert(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "someone-elses", "namespace": NS}}));
    f.api.insert(
        json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "elsewhere"}}),
    );
    let other_network = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {
        "name": "quorum-genesis", "namespace": "elsewhere",
        "labels": {"app.kubernetes.io/managed-by": "qctl", "app.kubernetes.io/part-of": "goquorum-network"}}});
    f.api.insert(other_network);

    let report = cluster::destroy(&f.conn, NS, true).await.unwrap();
    assert!(report.is_success(), "{:?}", report.failed);
    let kept: Vec<_> = report
        .kept
        .iter()
        .map(|o| format!("{}/{}", o.kind, o.name))
        .collect();
    assert_eq!(
        kept,
        [
            "PersistentVolumeClaim/node1-data",
            "PersistentVolumeClaim/node2-data",
            "Namespace/qnet"
        ]
    );
    assert_eq!(report.deleted.len(), OBJECTS - 3);
    assert_eq!(report.deleted[0].kind, "Deployment", "workloads go first");
    let mut left = managed_left(&f.api);
    left.sort();
    assert_eq!(
        left,
        [
            "ConfigMap/quorum-genesis",
            "Namespace/qnet",
            "PersistentVolumeClaim/node1-data",
            "PersistentVolumeClaim/node2-data"
        ]
    );
    assert!(
        f.api
            .object("configmaps", "elsewhere", "quorum-genesis")
            .is_some()
    );
    assert!(f.api.object("configmaps", NS, "someone-elses").is_some());
    assert!(f.api.pods_of("node1").is_empty());

    // Without keep-data the volumes go, and the Namespace qctl generated with them.
    let report = cluster::destroy(&f.conn, NS, false).await.unwrap();
    let deleted: Vec<_> = report
        .deleted
        .iter()
        .map(|o| format!("{}/{}", o.kind, o.name))
        .collect();
    assert_eq!(
        deleted,
        [
            "PersistentVolumeClaim/node1-data",
            "PersistentVolumeClaim/node2-data",
            "Namespace/qnet"
        ]
    );
    assert!(f.api.object("namespaces", "", NS).is_none());
    assert!(
        f.api
            .object("configmaps", "elsewhere", "quorum-genesis")
            .is_some()
    );
}

#[tokio::test]
async fn destroy_leaves_a_namespace_qctl_did_not_create_and_what_else_lives_in_it() {
    let f = Fixture::start().await;
    f.api
        .insert(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": NS}}));
    f.api.insert(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "someone-elses", "namespace": NS,
        "labels": {"app.kubernetes.io/managed-by": "qctl"}}}));
    let manifests: Vec<Manifest> = f
        .manifests()
        .into_iter()
        .filter(|m| m.kind.resource.kind != "Namespace")
        .collect();
    let applied = cluster::apply(&f.conn, &manifests, NS, ApplyOptions::default())
        .await
        .unwrap();
    assert!(applied.is_success(), "{:?}", applied.failed);

    let report = cluster::destroy(&f.conn, NS, false).await.unwrap();
    assert!(report.is_success(), "{:?}", report.failed);
    assert_eq!(report.deleted.len(), OBJECTS - 1);
    assert!(f.api.object("namespaces", "", NS).is_some());
    assert!(
        f.api.object("configmaps", NS, "someone-elses").is_some(),
        "not part-of the network"
    );
    assert_eq!(managed_left(&f.api), ["ConfigMap/someone-elses"]);
}

// ---------------------------------------------------------------------------------------------
// export

fn genesis_fixture() -> String {
    let text = std::fs::read_to_string(Path::new(FIXTURE).join("02-configmaps.yaml")).unwrap();
    let first: Value = serde_yaml::from_str(text.split("\n---\n").nth(1).unwrap()).unwrap();
    first["data"]["genesis.json"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn export_reads_node_ports_on_a_ready_nodes_external_ip_and_the_public_identity_without_reading_secrets()
 {
    let f = Fixture::start().await;
    f.apply().await;
    f.api.add_node("worker-a", "10.0.0.1", None, true);
    f.api
        .add_node("worker-b", "10.0.0.2", Some("203.0.113.20"), true);
    f.api
        .add_node("worker-c", "10.0.0.3", Some("203.0.113.30"), false);
    f.api.clear_requests();

    let exported = cluster::read_public_nodes(&f.conn, NS, &nodes(&["node1", "node2"]), None)
        .await
        .unwrap();
    assert!(exported.warnings.is_empty(), "{:?}", exported.warnings);
    assert_eq!(exported.genesis_json, genesis_fixture());
    let node1 = &exported.nodes[0];
    assert_eq!(node1.name, "node1");
    assert_eq!(node1.host, "203.0.113.20");
    assert_eq!(node1.p2p_port, f.node_port("node1", 30303));
    assert_eq!(node1.tessera_port, Some(f.node_port("node1", 9001)));
    assert_eq!(node1.raft_port, None);
    assert_eq!(node1.enode_id, KEY1_ENODE);
    assert_eq!(node1.node_address, KEY1_NODE_ADDRESS);
    assert_eq!(
        node1.account_address, KEY1_ACCOUNT,
        "checksummed from the lower-case ConfigMap value"
    );
    assert_eq!(node1.tm_public_key.as_deref(), Some(KEY1_TM_PUB));
    assert_eq!(node1.consensus, Consensus::Istanbul);
    assert_eq!(exported.nodes[1].p2p_port, f.node_port("node2", 30303));
    let requests = f.api.requests();
    assert!(
        requests.iter().all(|r| !r.path.contains("/secrets")),
        "{requests:?}"
    );
    assert_eq!(requests.len(), 2 * 2 + 1 + 1);

    // `--node-ip` wins and spares the node list.
    f.api.clear_requests();
    let exported =
        cluster::read_public_nodes(&f.conn, NS, &nodes(&["node1"]), Some("198.51.100.7"))
            .await
            .unwrap();
    assert_eq!(exported.nodes[0].host, "198.51.100.7");
    assert!(f.api.requests().iter().all(|r| r.path != "/api/v1/nodes"));
}

#[tokio::test]
async fn without_an_external_ip_export_uses_an_internal_ip_and_warns() {
    let f = Fixture::start().await;
    f.apply().await;
    f.api.add_node("worker-a", "10.0.0.1", None, true);
    let exported = cluster::read_public_nodes(&f.conn, NS, &nodes(&["node1"]), None)
        .await
        .unwrap();
    assert_eq!(exported.nodes[0].host, "10.0.0.1");
    assert_eq!(exported.warnings.len(), 1);
    assert!(
        exported.warnings[0].contains("InternalIP `10.0.0.1` of node `worker-a`"),
        "{:?}",
        exported.warnings
    );
    assert!(exported.warnings[0].contains("--node-ip"));
}

#[tokio::test]
async fn a_load_balancer_is_reached_on_its_ingress_address_and_service_ports() {
    let f = Fixture::start().await;
    f.edit("04-services.yaml", "type: NodePort", "type: LoadBalancer");
    f.apply().await;
    let error = cluster::read_public_nodes(&f.conn, NS, &nodes(&["node1"]), None)
        .await
        .unwrap_err();
    assert!(
        matches!(&error, ClusterError::NoLoadBalancerAddress { node, .. } if node == "node1"),
        "{error}"
    );

    f.api.set_load_balancer_ingress(NS, "node1", "192.0.2.44");
    let exported = cluster::read_public_nodes(&f.conn, NS, &nodes(&["node1"]), None)
        .await
        .unwrap();
    let node1 = &exported.nodes[0];
    assert_eq!(
        (node1.host.as_str(), node1.p2p_port, node1.tessera_port),
        ("192.0.2.44", 30303, Some(9001))
    );
}

#[tokio::test]
async fn a_cluster_ip_peer_service_cannot_be_exported_and_the_error_says_what_to_use() {
    let f = Fixture::start().await;
    f.edit("04-services.yaml", "type: NodePort", "type: ClusterIP");
    f.apply().await;
    let error = cluster::read_public_nodes(
        &f.conn,
        NS,
        &nodes(&["node1", "node2"]),
        Some("198.51.100.7"),
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("Service `node1` of node `node1` is of type ClusterIP"),
        "{error}"
    );
    assert!(error.contains("NodePort or LoadBalancer"), "{error}");
}

#[tokio::test]
async fn a_node_that_is_not_deployed_is_named_and_node1_never_matches_node10() {
    let f = Fixture::start().await;
    f.apply().await;
    let error = cluster::read_public_nodes(&f.conn, NS, &nodes(&["node10"]), Some("198.51.100.7"))
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "node `node10` is not deployed in namespace `qnet`: Service `node10` not found"
    );

    let labels = json!({"app.kubernetes.io/managed-by": "qctl", "app.kubernetes.io/part-of": "goquorum-network"});
    f.api.insert(json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "node10", "namespace": NS, "labels": labels},
        "spec": {"type": "NodePort", "ports": [{"name": "p2p", "port": 30303, "nodePort": 31010}]}}));
    f.api.insert(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "node10-identity", "namespace": NS, "labels": labels},
        "data": {"node": "node10", "enode": KEY3_ENODE, "address": KEY3_NODE_ADDRESS, "account": KEY3_ACCOUNT, "consensus": "istanbul"}}));
    let exported = cluster::read_public_nodes(
        &f.conn,
        NS,
        &nodes(&["node1", "node10"]),
        Some("198.51.100.7"),
    )
    .await
    .unwrap();
    assert_eq!(exported.nodes[0].enode_id, KEY1_ENODE);
    assert_eq!(exported.nodes[0].p2p_port, f.node_port("node1", 30303));
    assert_eq!(exported.nodes[1].enode_id, KEY3_ENODE);
    assert_eq!(
        (exported.nodes[1].p2p_port, exported.nodes[1].tessera_port),
        (31010, None)
    );
}

// ---------------------------------------------------------------------------------------------
// connect

#[tokio::test]
async fn an_unreachable_api_server_is_reported_quickly_with_its_context_and_url() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = format!("http://127.0.0.1:{port}");
    let kubeconfig = dir.path().join("kubeconfig");
    std::fs::write(
        &kubeconfig,
        format!(
            "apiVersion: v1\nkind: Config\ncurrent-context: gone\nclusters:\n- name: c\n  cluster: {{server: '{server}'}}\n\
             contexts:\n- name: gone\n  context: {{cluster: c, user: u}}\nusers:\n- name: u\n  user: {{}}\n"
        ),
    )
    .unwrap();
    let started = Instant::now();
    let error = connect(&kubeconfig, None).await.err().unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    let text = error.to_string();
    assert!(
        text.starts_with(&format!(
            "the API server of context `gone` at `{server}` is unreachable: "
        )),
        "{text}"
    );

    let error = connect(&kubeconfig, Some("prod")).await.err().unwrap();
    assert_eq!(
        error.to_string(),
        "context `prod` is not in the kubeconfig; available contexts: `gone`"
    );
}

#[test]
fn a_synchronous_caller_drives_the_cluster_api_through_its_own_runtime() {
    // As the CLI does: no ambient runtime, one built for the command.
    let api = ApiServer::start();
    let dir = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let report = runtime.block_on(async {
        let conn = connect(&api.kubeconfig(dir.path()), Some("double"))
            .await
            .unwrap();
        let manifests = cluster::load_dir(Path::new(FIXTURE)).unwrap();
        cluster::apply(&conn, &manifests, NS, ApplyOptions::default())
            .await
            .unwrap()
    });
    assert_eq!(report.count(Outcome::Created), OBJECTS);
}

// ---------------------------------------------------------------------------------------------
// real cluster (opt-in; see docs/real-cluster-e2e.md)

#[tokio::test]
#[ignore = "needs a real cluster: set QCTL_E2E_KUBECONFIG"]
async fn a_real_cluster_takes_the_fixture_through_apply_reapply_status_export_and_destroy() {
    let Some(kubeconfig) = std::env::var_os("QCTL_E2E_KUBECONFIG") else {
        eprintln!("skipped: QCTL_E2E_KUBECONFIG is not set");
        return;
    };
    let context = std::env::var("QCTL_E2E_CONTEXT").ok();
    let conn = connect(Path::new(&kubeconfig), context.as_deref())
        .await
        .unwrap();
    // A namespace of its own, so the test never touches anything else.
    let ns = format!("qctl-e2e-{}", std::process::id());
    let mut manifests = cluster::load_dir(Path::new(FIXTURE)).unwrap();
    for m in &mut manifests {
        if m.kind.resource.kind == "Namespace" {
            m.object.metadata.name = Some(ns.clone());
        } else {
            m.object.metadata.namespace = Some(ns.clone());
        }
    }
    let first = cluster::apply(&conn, &manifests, &ns, ApplyOptions::default())
        .await
        .unwrap();
    assert!(first.is_success(), "{:?}", first.failed);
    assert_eq!(first.count(Outcome::Created), OBJECTS);
    let again = cluster::apply(&conn, &manifests, &ns, ApplyOptions::default())
        .await
        .unwrap();
    assert_eq!(
        again.count(Outcome::Unchanged),
        OBJECTS,
        "{:?}",
        outcomes(&again)
    );
    let dry = cluster::apply(
        &conn,
        &manifests,
        &ns,
        ApplyOptions {
            dry_run: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        dry.count(Outcome::Unchanged),
        OBJECTS,
        "{:?}",
        outcomes(&dry)
    );

    let status = cluster::status(
        &conn,
        &ns,
        &nodes(&["node1", "node2"]),
        StatusOptions::default(),
    )
    .await
    .unwrap()
    .nodes;
    assert!(status.iter().all(|s| s.node_ports.len() == 2), "{status:?}");
    let exported = cluster::read_public_nodes(&conn, &ns, &nodes(&["node1", "node2"]), None)
        .await
        .unwrap();
    assert_eq!(exported.nodes[0].enode_id, KEY1_ENODE);
    assert_eq!(
        exported.nodes[0].p2p_port,
        status[0]
            .node_ports
            .iter()
            .find(|p| p.port == 30303)
            .unwrap()
            .node_port
    );

    let destroyed = cluster::destroy(&conn, &ns, false).await.unwrap();
    assert!(destroyed.is_success(), "{:?}", destroyed.failed);
    assert_eq!(destroyed.deleted.len(), OBJECTS);
}
