//! A node's Deployment: an init container that prepares the geth data dir, GoQuorum, and
//! Tessera beside it when the node has one.
//!
//! Private files are read straight from the keys Secret, each container mounting only those it
//! uses: geth its nodekey (and, on a clique signer, the keystore and its password), Tessera its
//! key pair. Nothing private is copied onto the PVC, where it would outlive the Secret.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{Deployment, DeploymentStrategy};
use k8s_openapi::api::core::v1::{
    ConfigMap, ConfigMapProjection, Container, EmptyDirVolumeSource, EnvVar, HTTPGetAction,
    KeyToPath, PersistentVolumeClaimVolumeSource, PodSpec, Probe, ProjectedVolumeSource, Secret,
    SecretProjection, SecretVolumeSource, Volume, VolumeMount, VolumeProjection,
};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use semver::Version;
use sha2::{Digest, Sha256};

use super::K8sError;
use super::names::{self, components, identity_keys};
use super::objects::{Context, TESSERA_CONFIG_KEY, port_names, secret_keys};
use super::pod::{
    self, configmap_volume, container_port, container_security, mount, pod_security, resources,
};
use crate::network::{
    BLOCK_PERIOD_SECONDS, Consensus, DerivedConfig, GENESIS_BLOCK_PERIOD_SINCE, LocalNode, ports,
};

// The pod's file layout; the Tessera config (written by `quorum`) refers to the same paths.
use crate::quorum::{DATA_DIR, GETH_DATADIR, KEYS_DIR, TM_IPC_PATH as TM_SOCKET};
/// Tessera's working dir, on the PVC so the Q2T socket is shared with the quorum container.
const TM_DIR: &str = "/data/tm";
const GENESIS_DIR: &str = "/config/genesis";
const PEERS_DIR: &str = "/config/peers";
const TESSERA_CONFIG_DIR: &str = "/config/tessera";
/// geth's `--keystore` on a clique signer: the keystore file alone, mounted with `subPath` so
/// it is a regular file (geth skips the symlinks a Secret volume is made of).
const KEYSTORE_DIR: &str = "/keystore";

/// Volume names.
const VOL_DATA: &str = "data";
const VOL_KEYS: &str = "keys";
const VOL_TM_KEYS: &str = "tessera-keys";
const VOL_GENESIS: &str = "genesis";
const VOL_PEERS: &str = "peers";
const VOL_TESSERA: &str = "tessera-config";
const VOL_TMP: &str = "tmp";

/// Ids the pod runs as unless `k8s.securityContext` says otherwise. The GoQuorum and Tessera
/// images run as root by default but need no privilege: with `fsGroup` the PVC is writable and
/// the Secret readable by this uid.
const DEFAULT_UID: i64 = 1000;
use names::CONTAINER_INIT as INIT_CONTAINER;

/// geth APIs on HTTP and WebSocket. `admin`, `personal` and `debug` stay on the IPC socket.
const BASE_APIS: &str = "eth,net,web3,txpool,quorum";
/// Tessera ships the `/tessera/bin/tessera` launcher from this version on; before, a jar.
const TESSERA_LAUNCHER_SINCE: Version = Version::new(21, 7, 0);

pub(super) fn deployment(
    ctx: &Context,
    node: &LocalNode,
    derived: &DerivedConfig,
    secret: &Secret,
    identity: &ConfigMap,
) -> Result<Deployment, K8sError> {
    let labels = names::node_labels(&node.name, components::NODE);
    let spec = pod_spec(ctx, node)?;
    let mut annotations = BTreeMap::from([(
        names::ANNOTATION_CONFIG_HASH.to_string(),
        config_hash(&spec, node, derived, secret, identity),
    )]);
    if ctx.net.k8s.prometheus {
        annotations.extend([
            ("prometheus.io/scrape".to_string(), "true".to_string()),
            ("prometheus.io/port".to_string(), ports::METRICS.to_string()),
            (
                "prometheus.io/path".to_string(),
                "/debug/metrics/prometheus".to_string(),
            ),
        ]);
    }
    Ok(pod::deployment(
        ctx.meta(names::workload(&node.name), labels.clone()),
        names::node_selector(&node.name),
        labels,
        annotations,
        (spec, names::CONTAINER_QUORUM),
        // The old pod must release the ReadWriteOnce volume before the new one mounts it.
        Some(DeploymentStrategy {
            type_: Some("Recreate".into()),
            rolling_update: None,
        }),
    ))
}

/// SHA-256 of everything the pod reads, so a node restarts exactly when its inputs change.
/// Each part is length-prefixed so that moving bytes between parts changes the hash.
fn config_hash(
    spec: &PodSpec,
    node: &LocalNode,
    derived: &DerivedConfig,
    secret: &Secret,
    identity: &ConfigMap,
) -> String {
    let mut hasher = Sha256::new();
    let mut part = |bytes: &[u8]| {
        hasher.update((bytes.len() as u64).to_be_bytes());
        hasher.update(bytes);
    };
    part(&serde_json::to_vec(spec).expect("a PodSpec serialises to JSON"));
    for (key, value) in secret.data.iter().flatten() {
        part(key.as_bytes());
        part(&value.0);
    }
    for (key, value) in identity.data.iter().flatten() {
        part(key.as_bytes());
        part(value.as_bytes());
    }
    if node.tessera.is_some() {
        part(
            derived
                .tessera_configs
                .get(&node.name)
                .map_or(&[][..], |c| c.as_bytes()),
        );
    }
    part(derived.genesis_json.as_bytes());
    part(derived.permissioned_nodes_json.as_bytes());
    part(derived.static_nodes_json.as_bytes());
    hex::encode(hasher.finalize())
}

fn pod_spec(ctx: &Context, node: &LocalNode) -> Result<PodSpec, K8sError> {
    let settings = &ctx.net.k8s;
    let mut containers = vec![quorum_container(ctx, node)?];
    if let Some(tessera) = &node.tessera {
        containers.push(tessera_container(&tessera.image, &tessera.version));
    }

    let mut volumes = vec![
        Volume {
            name: VOL_DATA.into(),
            persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                claim_name: names::pvc(&node.name),
                read_only: None,
            }),
            ..Volume::default()
        },
        geth_keys_volume(node),
        configmap_volume(VOL_GENESIS, names::GENESIS_CONFIGMAP),
        configmap_volume(VOL_PEERS, names::PEERS_CONFIGMAP),
    ];
    if node.tessera.is_some() {
        volumes.push(tessera_keys_volume(node));
        volumes.push(configmap_volume(
            VOL_TESSERA,
            &names::tessera_configmap(&node.name),
        ));
    }
    volumes.push(Volume {
        name: VOL_TMP.into(),
        empty_dir: Some(EmptyDirVolumeSource::default()),
        ..Volume::default()
    });

    Ok(PodSpec {
        init_containers: Some(vec![init_container(node)]),
        containers,
        volumes: Some(volumes),
        security_context: Some(pod_security(settings, DEFAULT_UID)),
        // The pod never calls the Kubernetes API and finds peers by DNS, not by env vars.
        automount_service_account_token: Some(false),
        enable_service_links: Some(false),
        ..PodSpec::default()
    })
}

/// Whether geth needs the node's account: a clique signer seals blocks with it.
fn unlocks_account(node: &LocalNode) -> bool {
    node.consensus == Consensus::Clique
}

fn key_item(key: &str) -> KeyToPath {
    KeyToPath {
        key: key.into(),
        path: key.into(),
        mode: None,
    }
}

/// geth's `/keys`: the nodekey, and on a clique signer the keystore and its password.
fn geth_keys_volume(node: &LocalNode) -> Volume {
    let mut items = vec![key_item(secret_keys::NODEKEY)];
    if unlocks_account(node) {
        items.push(key_item(secret_keys::KEYSTORE));
        items.push(key_item(secret_keys::PASSWORD));
    }
    Volume {
        name: VOL_KEYS.into(),
        secret: Some(SecretVolumeSource {
            secret_name: Some(names::keys_secret(&node.name)),
            items: Some(items),
            default_mode: Some(0o400),
            optional: None,
        }),
        ..Volume::default()
    }
}

/// Tessera's `/keys`: `tm.key` from the Secret and `tm.pub` from the identity ConfigMap, side by
/// side as its config expects.
fn tessera_keys_volume(node: &LocalNode) -> Volume {
    let sources = vec![
        VolumeProjection {
            secret: Some(SecretProjection {
                name: names::keys_secret(&node.name),
                items: Some(vec![key_item(secret_keys::TM_KEY)]),
                optional: None,
            }),
            ..VolumeProjection::default()
        },
        VolumeProjection {
            config_map: Some(ConfigMapProjection {
                name: names::identity_configmap(&node.name),
                items: Some(vec![key_item(identity_keys::TM_PUB)]),
                optional: None,
            }),
            ..VolumeProjection::default()
        },
    ];
    Volume {
        name: VOL_TM_KEYS.into(),
        projected: Some(ProjectedVolumeSource {
            default_mode: Some(0o400),
            sources: Some(sources),
        }),
        ..Volume::default()
    }
}

/// Initialises the chain, then refreshes the peer lists geth reads from its data dir. `geth
/// init` runs at every start: it does nothing when the stored genesis is the same and fails with
/// "incompatible genesis" when it is not (say, after a pinned genesis replaced it), so the pod
/// stops with that message instead of running an old chain. The previous pod's Tessera socket
/// is removed, so geth waits for the new Tessera. Copies (not mounts) of the public peer lists
/// are fine: a change to any of them changes the config hash, which restarts the pod. The
/// container mounts no key: the copies of the nodekey and keystore older qctl versions made on
/// the volume are deleted.
fn init_container(node: &LocalNode) -> Container {
    let script = [
        "set -eu".to_string(),
        "umask 077".to_string(),
        format!(
            "geth --datadir {GETH_DATADIR} init {GENESIS_DIR}/{}",
            names::GENESIS_KEY
        ),
        format!("rm -f {TM_SOCKET} {GETH_DATADIR}/geth/nodekey {GETH_DATADIR}/keystore/key"),
        format!("mkdir -p {TM_DIR}"),
        format!(
            "cat {PEERS_DIR}/{0} > {GETH_DATADIR}/{0}",
            names::PERMISSIONED_KEY
        ),
        format!(
            "cat {PEERS_DIR}/{0} > {GETH_DATADIR}/{0}",
            names::STATIC_KEY
        ),
    ]
    .join("\n");
    Container {
        name: INIT_CONTAINER.into(),
        image: Some(node.quorum_image.clone()),
        command: Some(vec!["sh".into(), "-c".into(), script]),
        volume_mounts: Some(vec![
            mount(VOL_DATA, DATA_DIR, false),
            mount(VOL_GENESIS, GENESIS_DIR, true),
            mount(VOL_PEERS, PEERS_DIR, true),
            mount(VOL_TMP, "/tmp", false),
        ]),
        resources: Some(resources("100m", "128Mi", "512Mi")),
        security_context: Some(container_security()),
        ..Container::default()
    }
}

fn quorum_container(ctx: &Context, node: &LocalNode) -> Result<Container, K8sError> {
    let args = geth_args(ctx, node)?;
    let (command, private_config) = if node.tessera.is_some() {
        // Wait for Tessera's Q2T socket, then become geth with the container's args (`$0` is only
        // the name the script runs under).
        let wait = format!(
            "until [ -S {TM_SOCKET} ]; do echo waiting for tessera; sleep 1; done; exec geth \"$@\""
        );
        (
            vec!["sh".into(), "-c".into(), wait, "geth".into()],
            TM_SOCKET,
        )
    } else {
        (vec!["geth".into()], "ignore")
    };
    let mut container_ports = vec![
        container_port(port_names::P2P, ports::P2P),
        container_port(port_names::RPC, ports::RPC),
        container_port(port_names::WS, ports::WS),
    ];
    if node.consensus == Consensus::Raft {
        container_ports.push(container_port(port_names::RAFT, ports::RAFT));
    }
    if ctx.net.k8s.prometheus {
        container_ports.push(container_port(port_names::METRICS, ports::METRICS));
    }
    Ok(Container {
        name: names::CONTAINER_QUORUM.into(),
        image: Some(node.quorum_image.clone()),
        command: Some(command),
        args: Some(args),
        env: Some(vec![EnvVar {
            name: "PRIVATE_CONFIG".into(),
            value: Some(private_config.into()),
            value_from: None,
        }]),
        ports: Some(container_ports),
        // geth answers an empty GET with 200 once its HTTP server is up (after the chain and
        // consensus engine have started); cheaper than spawning `geth attach`.
        readiness_probe: Some(Probe {
            http_get: Some(HTTPGetAction {
                path: Some("/".into()),
                port: IntOrString::String(port_names::RPC.into()),
                ..HTTPGetAction::default()
            }),
            initial_delay_seconds: Some(5),
            period_seconds: Some(5),
            ..Probe::default()
        }),
        volume_mounts: Some(quorum_mounts(node)),
        resources: Some(resources("250m", "512Mi", "2Gi")),
        security_context: Some(container_security()),
        ..Container::default()
    })
}

fn quorum_mounts(node: &LocalNode) -> Vec<VolumeMount> {
    let mut mounts = vec![
        mount(VOL_DATA, DATA_DIR, false),
        mount(VOL_KEYS, KEYS_DIR, true),
    ];
    if unlocks_account(node) {
        mounts.push(VolumeMount {
            sub_path: Some(secret_keys::KEYSTORE.into()),
            ..mount(
                VOL_KEYS,
                &format!("{KEYSTORE_DIR}/{}", secret_keys::KEYSTORE),
                true,
            )
        });
    }
    mounts.push(mount(VOL_TMP, "/tmp", false));
    mounts
}

/// geth's command line. HTTP and WebSocket carry no account or admin APIs, and no account is
/// unlocked except on a clique signer, which seals blocks with it (GoQuorum's clique signs
/// through the keystore wallet). Clients sign their own transactions (`eth_sendRawTransaction`,
/// `eth_sendRawPrivateTransaction`). The nodekey is read from the Secret mount.
fn geth_args(ctx: &Context, node: &LocalNode) -> Result<Vec<String>, K8sError> {
    let settings = &ctx.net.k8s;
    let apis = format!(
        "{BASE_APIS},{}",
        match node.consensus {
            Consensus::Qbft | Consensus::Istanbul => "istanbul",
            Consensus::Raft => "raft",
            Consensus::Clique => "clique",
        }
    );
    let mut args = vec![
        format!("--datadir={GETH_DATADIR}"),
        format!("--nodekey={KEYS_DIR}/{}", secret_keys::NODEKEY),
        "--nodiscover".into(),
        "--permissioned".into(),
        "--nat=none".into(),
        format!("--verbosity={}", node.verbosity),
        format!("--networkid={}", ctx.net.genesis.chain_id),
        "--syncmode=full".into(),
        // Private state cannot be rebuilt from peers, so keep every state.
        "--gcmode=archive".into(),
        format!("--port={}", ports::P2P),
        "--http".into(),
        "--http.addr=0.0.0.0".into(),
        format!("--http.port={}", ports::RPC),
        // Reached through the ClusterIP Service under names that depend on the namespace
        // `kubectl -n` picks; no `--http.corsdomain`, so browsers on other origins get nothing.
        "--http.vhosts=*".into(),
        format!("--http.api={apis}"),
        "--ws".into(),
        "--ws.addr=0.0.0.0".into(),
        format!("--ws.port={}", ports::WS),
        format!("--ws.api={apis}"),
    ];
    if settings.ingress.is_some() {
        // Ingress paths (`/<node>`, `/quorum-ws`) reach geth unchanged; serve RPC on all paths.
        args.extend(["--http.rpcprefix=/".into(), "--ws.rpcprefix=/".into()]);
    }
    let account = &node.identity.account_address;
    match node.consensus {
        Consensus::Raft => args.extend([
            "--raft".into(),
            format!("--raftport={}", ports::RAFT),
            // Peers are known by Service name, not IP.
            "--raftdnsenable".into(),
        ]),
        Consensus::Qbft | Consensus::Istanbul => {
            // No keystore: the etherbase `--mine` requires is named (the engine seals with the
            // nodekey and ignores it).
            args.extend([
                "--mine".into(),
                "--miner.threads=1".into(),
                format!("--miner.etherbase={account}"),
                "--emitcheckpoints".into(),
            ]);
            if node.quorum_version < GENESIS_BLOCK_PERIOD_SINCE {
                args.push(format!("--istanbul.blockperiod={BLOCK_PERIOD_SECONDS}"));
            }
        }
        // The signer's account, unlocked for sealing. `generate` refuses clique with an Ingress,
        // and the NetworkPolicy keeps RPC to the namespace.
        Consensus::Clique => args.extend([
            "--mine".into(),
            "--miner.threads=1".into(),
            format!("--miner.etherbase={account}"),
            format!("--keystore={KEYSTORE_DIR}"),
            format!("--unlock={account}"),
            format!("--password={KEYS_DIR}/{}", secret_keys::PASSWORD),
            "--allow-insecure-unlock".into(),
        ]),
    }
    if settings.prometheus {
        args.extend([
            "--metrics".into(),
            "--metrics.addr=0.0.0.0".into(),
            format!("--metrics.port={}", ports::METRICS),
        ]);
    }
    let extra = split_geth_params(&node.geth_params).map_err(|reason| K8sError::GethParams {
        node: node.name.clone(),
        params: node.geth_params.clone(),
        reason,
    })?;
    args.extend(extra);
    Ok(args)
}

/// A node's extra geth flags as arguments, split as a POSIX shell splits words.
pub fn split_geth_params(params: &str) -> Result<Vec<String>, String> {
    shell_words::split(params).map_err(|e| e.to_string())
}

fn tessera_container(image: &str, version: &Version) -> Container {
    let config = format!("{TESSERA_CONFIG_DIR}/{TESSERA_CONFIG_KEY}");
    let mut command: Vec<String> = if *version >= TESSERA_LAUNCHER_SINCE {
        vec!["/tessera/bin/tessera".into()]
    } else {
        [
            "java",
            "-Xms128M",
            "-Xmx128M",
            "-jar",
            "/tessera/tessera-app.jar",
        ]
        .map(String::from)
        .to_vec()
    };
    command.extend(["-configfile".into(), config]);
    Container {
        name: names::CONTAINER_TESSERA.into(),
        image: Some(image.into()),
        command: Some(command),
        ports: Some(vec![
            container_port(port_names::TESSERA_P2P, ports::TESSERA_P2P),
            container_port(port_names::TESSERA_THIRD_PARTY, ports::TESSERA_THIRD_PARTY),
        ]),
        readiness_probe: Some(Probe {
            http_get: Some(HTTPGetAction {
                path: Some("/upcheck".into()),
                port: IntOrString::String(port_names::TESSERA_P2P.into()),
                ..HTTPGetAction::default()
            }),
            initial_delay_seconds: Some(10),
            period_seconds: Some(5),
            ..Probe::default()
        }),
        volume_mounts: Some(vec![
            mount(VOL_DATA, DATA_DIR, false),
            mount(VOL_TM_KEYS, KEYS_DIR, true),
            mount(VOL_TESSERA, TESSERA_CONFIG_DIR, true),
            mount(VOL_TMP, "/tmp", false),
        ]),
        resources: Some(resources("100m", "512Mi", "1Gi")),
        security_context: Some(container_security()),
        ..Container::default()
    }
}
