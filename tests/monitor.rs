//! `monitor add | rm` with the real binary: lossless edits of `prometheus`, the Prometheus
//! server's manifests that `generate` writes and removes, and `deploy` applying and pruning them
//! on the API double.

use std::path::Path;

use serde_yaml::Value;

use crate::common::TestEnv;
use crate::support::apiserver::ApiServer;

const MONITOR_FILE: &str = "out/06-quorum-monitor.yaml";

/// A two-node network's config and keys, generated without monitoring.
fn network() -> TestEnv {
    let env = TestEnv::new();
    env.run(&["init", "--num", "2", "--yes"]).ok();
    env
}

fn documents(text: &str) -> Vec<Value> {
    serde_yaml::Deserializer::from_str(text)
        .map(|d| serde::Deserialize::deserialize(d).unwrap())
        .collect()
}

fn prometheus_on(env: &TestEnv) -> bool {
    qctl::config::parse(Path::new("q.yaml"), &env.read("qubernetes.yaml"))
        .unwrap()
        .prometheus
}

#[test]
fn add_then_rm_gives_back_the_config_byte_for_byte() {
    let env = network();
    let commented = "genesis:\n  consensus: qbft # the engine\n\nnodes:\n  - Node_UserIdent: n1\n    \
                     Key_Dir: key1\n\n# dashboards are elsewhere\nprometheus:\n  enabled: false  # not yet\n  \
                     nodePort_prom: 31323\n\nk8s:\n  namespace: mon # ours\n";
    for original in [env.read("qubernetes.yaml"), commented.to_string()] {
        env.write("qubernetes.yaml", &original);
        assert!(!prometheus_on(&env));
        let run = env.run(&["monitor", "add"]);
        run.ok();
        let stderr = run.stderr();
        assert!(stderr.contains("turned monitoring on"), "{stderr}");
        assert!(
            stderr.contains("next: qctl generate && qctl deploy"),
            "{stderr}"
        );
        assert!(prometheus_on(&env));
        assert_ne!(env.read("qubernetes.yaml"), original);
        let run = env.run(&["monitor", "rm"]);
        run.ok();
        assert!(
            run.stderr().contains("next: qctl generate && qctl deploy"),
            "{}",
            run.stderr()
        );
        assert_eq!(env.read("qubernetes.yaml"), original);
    }
    assert!(!env.path(".qubernetes.yaml.lock").exists());
}

#[test]
fn add_when_on_and_rm_when_off_change_nothing_and_say_so() {
    let env = network();
    let off = env.read("qubernetes.yaml");
    let run = env.run(&["monitor", "rm"]);
    assert_eq!(run.code(), 0);
    assert!(
        run.stderr().contains("monitoring is already off"),
        "{}",
        run.stderr()
    );
    assert_eq!(env.read("qubernetes.yaml"), off);

    // On through the original's spelling of the section: `add` leaves it as it is.
    let on = format!("{off}prometheus:\n  nodePort_prom: 31323\n");
    env.write("qubernetes.yaml", &on);
    let run = env.run(&["monitor", "add"]);
    assert_eq!(run.code(), 0);
    assert!(
        run.stderr().contains("monitoring is already on"),
        "{}",
        run.stderr()
    );
    assert_eq!(env.read("qubernetes.yaml"), on);
    // Turned off, the section keeps its port for the next `add`.
    env.run(&["monitor", "remove"]).ok();
    assert_eq!(
        env.read("qubernetes.yaml"),
        format!("{on}  enabled: false\n")
    );
    let run = env.run(&["monitor", "add"]);
    run.ok();
    assert!(run.stderr().contains("NodePort"), "{}", run.stderr());
}

#[test]
fn generate_writes_the_prometheus_server_with_monitoring_and_removes_it_without() {
    let env = network();
    env.run(&["monitor", "add"]).ok();
    env.run(&["generate", "-q"]).ok();
    let docs = documents(&env.read(MONITOR_FILE));
    let kinds: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| {
            (
                d["kind"].as_str().unwrap(),
                d["metadata"]["name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("ConfigMap", "quorum-monitor-config"),
            ("Service", "quorum-monitor"),
            ("Deployment", "quorum-monitor"),
            ("NetworkPolicy", "quorum-monitor"),
        ]
    );
    let config = docs[0]["data"]["prometheus.yml"].as_str().unwrap();
    for node in ["quorum-node1", "quorum-node2"] {
        assert!(config.contains(&format!("\"{node}-rpc:6060\"")), "{config}");
    }
    assert_eq!(docs[1]["spec"]["type"], "ClusterIP");
    let services = env.read("out/03-quorum-services.yaml");
    assert!(services.contains("port: 6060"), "{services}");

    // A second generate writes nothing.
    let run = env.run(&["generate"]);
    run.ok();
    assert!(
        run.stderr().contains("0 file(s) written"),
        "{}",
        run.stderr()
    );

    env.run(&["monitor", "rm"]).ok();
    let run = env.run(&["generate"]);
    run.ok();
    assert!(!env.path(MONITOR_FILE).exists());
    assert!(run.stderr().contains("1 stale removed"), "{}", run.stderr());
    let services = env.read("out/03-quorum-services.yaml");
    assert!(!services.contains("port: 6060"), "{services}");
}

#[test]
fn a_fixed_node_port_makes_the_prometheus_service_a_node_port() {
    let env = network();
    let config = env.read("qubernetes.yaml");
    env.write(
        "qubernetes.yaml",
        &format!("{config}prometheus:\n  enabled: true\n  nodePort_prom: 31323\n"),
    );
    env.run(&["generate", "-q"]).ok();
    let docs = documents(&env.read(MONITOR_FILE));
    let service = &docs[1];
    assert_eq!(service["spec"]["type"], "NodePort");
    assert_eq!(service["spec"]["ports"][0]["nodePort"], 31323);
}

#[test]
fn a_node_port_that_is_no_port_is_refused_before_anything_is_written() {
    let env = network();
    let config = format!(
        "{}prometheus:\n  nodePort_prom: 99999\n",
        env.read("qubernetes.yaml")
    );
    env.write("qubernetes.yaml", &config);
    let line = config.lines().count();
    let err = env.run(&["generate"]).invalid();
    assert!(
        err.contains(&format!(
            "qubernetes.yaml:{line}: prometheus.nodePort_prom: `99999` is not a port"
        )),
        "{err}"
    );
    assert!(!env.path("out").exists());
    let err = env.run(&["monitor", "rm"]).invalid();
    assert!(err.contains("prometheus.nodePort_prom"), "{err}");
    assert_eq!(env.read("qubernetes.yaml"), config);
}

#[test]
fn a_node_named_like_the_prometheus_server_is_refused_with_monitoring_on() {
    let env = network();
    env.run(&["node", "add", "quorum-monitor"]).ok();
    let before = env.read("qubernetes.yaml");
    let err = env.run(&["monitor", "add"]).invalid();
    assert!(
        err.contains("nodes[2].Node_UserIdent: `quorum-monitor` is the name of the Prometheus"),
        "{err}"
    );
    assert!(err.contains("qubernetes.yaml:"), "{err}");
    assert_eq!(env.read("qubernetes.yaml"), before);

    env.run(&["node", "rm", "quorum-monitor"]).ok();
    env.run(&["monitor", "add"]).ok();
    let before = env.read("qubernetes.yaml");
    let err = env.run(&["node", "add", "quorum-monitor"]).invalid();
    assert!(err.contains("Prometheus"), "{err}");
    assert_eq!(env.read("qubernetes.yaml"), before);
}

#[test]
fn deploy_applies_the_prometheus_server_and_prunes_it_once_monitoring_is_off() {
    let api = ApiServer::start();
    let env = network();
    env.run(&["monitor", "add"]).ok();
    env.run(&["generate", "-q"]).ok();
    env.run_on(&api, &["deploy"]).ok();
    let objects = [
        ("configmaps", "quorum-monitor-config"),
        ("services", "quorum-monitor"),
        ("deployments", "quorum-monitor"),
        ("networkpolicies", "quorum-monitor"),
    ];
    for (plural, name) in objects {
        let object = api
            .object(plural, "default", name)
            .unwrap_or_else(|| panic!("{plural} {name} was not created"));
        let labels = &object["metadata"]["labels"];
        assert_eq!(labels["app.kubernetes.io/managed-by"], "qctl");
        assert_eq!(labels["app.kubernetes.io/component"], "monitor");
    }
    // The nodes' status knows nothing of the monitor: no orphan row.
    let rows: serde_json::Value =
        serde_json::from_str(&env.run_on(&api, &["status", "-o", "json"]).ok()).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2, "{rows}");

    env.run(&["monitor", "rm"]).ok();
    env.run(&["generate", "-q"]).ok();
    let run = env.run_on(&api, &["deploy", "--yes"]);
    run.ok();
    for (plural, name) in objects {
        assert!(
            api.object(plural, "default", name).is_none(),
            "{plural} {name} was not pruned: {}",
            run.stderr()
        );
    }
    assert!(
        api.object("deployments", "default", "quorum-node1")
            .is_some()
    );
}
