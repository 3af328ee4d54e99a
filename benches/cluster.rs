//! Benchmarks of the cluster-facing commands against the in-process API double: `deploy` of a
//! network (wall time and API requests, first and unchanged) and `add-external` of a large
//! bundle. Run with `cargo bench --bench cluster`; `DEPLOY_NODES` sets the network size
//! (default 64), `BUNDLE_NODES` the bundle size (default 200; 2,650 make the largest
//! bundle `add-external` accepts, 1 MiB).

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use qctl::external::{Format, build_bundle, render};
use qctl::network::Consensus;
use support::apiserver::ApiServer;

fn main() {
    let nodes: usize = env_or("DEPLOY_NODES", 64);
    let bundle_nodes: usize = env_or("BUNDLE_NODES", 200);
    let dir = tempfile::tempdir().unwrap();
    let api = ApiServer::start();
    api.add_node("k8s-1", "10.0.0.1", Some("203.0.113.10"), true);
    api.set_auto_ready(true);
    let kubeconfig = api.kubeconfig(dir.path());

    qctl(
        dir.path(),
        &kubeconfig,
        &["init", "--yes", "--num", &nodes.to_string()],
    );
    let (_, took) = timed(|| qctl(dir.path(), &kubeconfig, &["generate", "-q"]));
    println!("generate, {nodes} nodes from scratch: {}", ms(took));

    for label in ["first deploy", "deploy, nothing changed"] {
        api.clear_requests();
        let (_, took) = timed(|| qctl(dir.path(), &kubeconfig, &["deploy", "-q"]));
        let requests = api.requests();
        let writes = requests.iter().filter(|r| r.is_mutating()).count();
        println!(
            "{label}, {nodes} nodes: {} wall, {} API requests ({writes} applies)",
            ms(took),
            requests.len()
        );
    }
    api.clear_requests();
    let (_, took) = timed(|| {
        qctl(
            dir.path(),
            &kubeconfig,
            &[
                "deploy",
                "-q",
                "--wait",
                "--wait-for",
                "pods",
                "--timeout",
                "60s",
            ],
        )
    });
    println!(
        "deploy --wait --wait-for pods, {nodes} nodes all ready: {} wall, {} API requests",
        ms(took),
        api.requests().len()
    );

    // A bundle of `bundle_nodes` nodes carrying this network's genesis, imported by a new org.
    let genesis = std::fs::read_to_string(dir.path().join("out/config/genesis.json")).unwrap();
    let exported = support::bundle::exported_nodes(bundle_nodes);
    let bundle = build_bundle(1000, Consensus::Qbft, &genesis, &exported).unwrap();
    let importer = tempfile::tempdir().unwrap();
    let text = render(&bundle, Format::Yaml);
    let bundle_bytes = text.len();
    std::fs::write(importer.path().join("bundle.yaml"), text).unwrap();
    qctl(
        importer.path(),
        &kubeconfig,
        &["init", "--yes", "--num", "4", "--name-prefix", "orgy"],
    );
    let (_, took) = timed(|| {
        qctl(
            importer.path(),
            &kubeconfig,
            &["add-external", "bundle.yaml", "--yes", "-q"],
        )
    });
    println!(
        "add-external of a {bundle_nodes}-node bundle ({bundle_bytes} bytes): {}",
        ms(took)
    );
    let (_, took) = timed(|| {
        qctl(
            importer.path(),
            &kubeconfig,
            &["add-external", "bundle.yaml", "--yes", "-q"],
        )
    });
    println!(
        "add-external of the same bundle again (no-op): {}",
        ms(took)
    );
}

fn qctl(dir: &Path, kubeconfig: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_qctl"))
        .current_dir(dir)
        .env("KUBECONFIG", kubeconfig)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "qctl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
