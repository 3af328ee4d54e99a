//! Micro-benchmarks behind the targets in `docs/performance.md`: one scrypt derivation (the
//! unit of the `generate` bound), the config work `qctl node add` does on 1,000 nodes, and
//! `add-external` of a 5,000-node bundle through the library.
//!
//! `cargo bench --bench micro [-- NAME...]` prints one `name median_ms min_ms runs` line per
//! benchmark (wall time; `scrypt_single_cpu` is the CPU time of the same runs); `.ci/bench`
//! reads them.

#[path = "../tests/support/bundle.rs"]
mod bundle;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use qctl::config::{self, doc, edit};
use qctl::config::{InitialConfig, NodeSpec, initial_config};
use qctl::external::{self, Origin, build_bundle};
use qctl::keys::keystore::ScryptParams;
use qctl::network::{Consensus, TxManagerKind};

/// Runs `f` at least `min_runs` times and for at least `min_time`; returns the sorted samples.
fn sample(min_runs: usize, min_time: Duration, mut f: impl FnMut()) -> Vec<Duration> {
    let start = Instant::now();
    let mut samples = Vec::new();
    while samples.len() < min_runs || start.elapsed() < min_time {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
    }
    samples.sort();
    samples
}

fn report(name: &str, samples: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name} {:.3} {:.3} {}",
        ms(samples[samples.len() / 2]),
        ms(samples[0]),
        samples.len()
    );
}

/// CPU time of the calling thread so far (Linux: the first field of its schedstat, in ns).
fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").expect("Linux /proc");
    Duration::from_nanos(
        stat.split_whitespace()
            .next()
            .and_then(|ns| ns.parse().ok())
            .expect("schedstat"),
    )
}

fn scrypt_once() {
    let p = ScryptParams::STANDARD;
    let params = scrypt::Params::new(p.log_n, p.r, p.p, 32).expect("standard parameters are valid");
    let mut out = [0u8; 32];
    scrypt::scrypt(
        black_box(b"password"),
        black_box(&[7u8; 32]),
        &params,
        &mut out,
    )
    .expect("scrypt runs");
    black_box(out);
}

fn config_text(num: usize) -> String {
    initial_config(&InitialConfig {
        num,
        consensus: Consensus::Qbft,
        quorum_version: &"24.4.1".parse().expect("version"),
        tm: TxManagerKind::Tessera,
        tm_version: &"24.4.2".parse().expect("version"),
        chain_id: 1000,
        name_prefix: "quorum",
        namespace: None,
    })
}

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let run = |name: &str| wanted.is_empty() || wanted.iter().any(|w| name.contains(w.as_str()));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());

    if run("scrypt_single") {
        // CPU time too: on a busy machine wall time also counts waiting for a core.
        let mut cpu = Vec::new();
        let wall = sample(5, Duration::from_secs(3), || {
            let before = thread_cpu();
            scrypt_once();
            cpu.push(thread_cpu() - before);
        });
        report("scrypt_single", &wall);
        cpu.sort();
        report("scrypt_single_cpu", &cpu);
    }
    if run("scrypt_all_cores") {
        // One derivation on every core at once: the wall time of one round of `generate`.
        let samples = sample(3, Duration::from_secs(3), || {
            std::thread::scope(|s| {
                for _ in 0..cores {
                    s.spawn(scrypt_once);
                }
            })
        });
        report("scrypt_all_cores", &samples);
    }

    let text = config_text(1000);
    let path = Path::new("qubernetes.yaml");
    if run("doc_parse_1000") {
        report(
            "doc_parse_1000",
            &sample(20, Duration::from_secs(1), || {
                black_box(doc::parse(black_box(&text)).expect("parses"));
            }),
        );
    }
    if run("config_parse_1000") {
        report(
            "config_parse_1000",
            &sample(20, Duration::from_secs(1), || {
                black_box(config::parse(path, black_box(&text)).expect("valid"));
            }),
        );
    }
    if run("append_1000") {
        let spec = NodeSpec {
            name: "quorum-node1001".into(),
            key_dir: "key1001".into(),
            consensus: Consensus::Qbft,
            quorum_version: "24.4.1".parse().expect("version"),
            tm: TxManagerKind::Tessera,
            tm_version: "24.4.2".parse().expect("version"),
            quorum_image: None,
            tm_image: None,
            geth_params: String::new(),
        };
        let entry = spec.entry();
        report(
            "append_1000",
            &sample(20, Duration::from_secs(1), || {
                black_box(edit::append_item(black_box(&text), "nodes", &entry).expect("appends"));
            }),
        );
    }
    if run("add_external_5000") {
        // What `qctl add-external` does after reading the file: validate the bundle, plan the
        // import against the config, edit and write the config, under its lock.
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("qubernetes.yaml");
        let base = config_text(4);
        let bundle = bundle(5000);
        report(
            "add_external_5000",
            &sample(3, Duration::from_secs(1), || {
                std::fs::write(&config, &base).expect("config written");
                let valid = external::validate(&bundle, &Origin::new("bundle.yaml"))
                    .expect("a valid bundle");
                let plan = qctl::ops::external::import(
                    &config,
                    &dir.path().join("out"),
                    &valid,
                    false,
                    false,
                    |_| Ok(true),
                )
                .expect("imports");
                assert_eq!(plan.add.len(), 5000);
            }),
        );
    }
}

/// A bundle of `nodes` nodes of another organisation, naming the genesis by its hash only.
fn bundle(nodes: usize) -> external::JoinBundle {
    let genesis = r#"{"config":{"chainId":1000,"qbft":{}}}"#;
    let exported = bundle::exported_nodes(nodes);
    let mut bundle = build_bundle(1000, Consensus::Qbft, genesis, &exported).expect("a bundle");
    bundle.genesis = None;
    bundle
}
