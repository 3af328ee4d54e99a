//! The Prometheus server of `prometheus`: a ConfigMap with its `prometheus.yml`, whose static
//! targets are the nodes' metrics ports behind their in-cluster `<node>-rpc` Services; a
//! Deployment that runs it; a Service that is ClusterIP unless `prometheus.nodePort_prom` asks
//! for a NodePort; and, with the network's NetworkPolicy, a policy of its own that lets in only
//! what the Service offers and lets out only DNS and the nodes' metrics.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{
    ConfigMap, Container, EmptyDirVolumeSource, HTTPGetAction, PodSpec, Probe, Service,
    ServicePort, ServiceSpec, Volume,
};
use k8s_openapi::api::networking::v1::{
    NetworkPolicy, NetworkPolicyEgressRule, NetworkPolicyIngressRule, NetworkPolicyPeer,
    NetworkPolicyPort, NetworkPolicySpec,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::names::{self, components};
use super::objects::Context;
use super::pod::{
    self, configmap_volume, container_port, container_security, mount, pod_security, resources,
};
use crate::network::{ServiceType, ports};

/// Prometheus, pinned: 3.5 is the long-term-support release of Prometheus 3 (supported until
/// July 2026), so the image gets fixes without a change of features. There is no config key to
/// override it (see docs/config.md).
pub const PROMETHEUS_IMAGE: &str = "prom/prometheus:v3.5.0";
/// Where geth serves Prometheus metrics (`--metrics`).
pub const METRICS_PATH: &str = "/debug/metrics/prometheus";
/// The scrape job of the nodes, as the original qubernetes named it.
pub const JOB: &str = "geth";
/// How often each node is scraped (the original's interval), and how long a scrape may take.
const SCRAPE_INTERVAL: &str = "5s";
const SCRAPE_TIMEOUT: &str = "4s";
/// The image's user, `nobody`, unless `k8s.securityContext` names another.
const PROMETHEUS_UID: i64 = 65534;
/// Port name of Prometheus' web UI and API (at most 15 characters).
const WEB: &str = "web";
/// Volumes and where they are mounted.
const VOL_CONFIG: &str = "config";
const VOL_DATA: &str = "data";
const CONFIG_DIR: &str = "/etc/prometheus";
const DATA_DIR: &str = "/prometheus";
/// The data lives on an `emptyDir` (lost with the pod, as metrics of a test network may be):
/// at most this much of the node's disk, with Prometheus told to keep less.
const DATA_LIMIT: &str = "2Gi";
const RETENTION_SIZE: &str = "1GB";
const RETENTION_TIME: &str = "7d";
/// DNS, which Prometheus needs to resolve the nodes' Service names.
const DNS_PORT: u16 = 53;

/// Host and port of each local node's metrics, as Prometheus in the same namespace reaches
/// them: the node's ClusterIP `<node>-rpc` Service, which carries the metrics port.
pub(super) fn targets(ctx: &Context) -> Vec<(String, String)> {
    ctx.net
        .nodes
        .iter()
        .map(|n| {
            let target = format!("{}:{}", names::rpc_service(&n.name), ports::METRICS);
            (n.name.clone(), target)
        })
        .collect()
}

/// `prometheus.yml`: one job, one static target per node, labelled with the node's name.
pub(super) fn prometheus_yml(ctx: &Context) -> String {
    let groups: Vec<_> = targets(ctx)
        .into_iter()
        .map(|(node, target)| json!({"targets": [target], "labels": {"node": node}}))
        .collect();
    let config = json!({
        "global": {
            "scrape_interval": SCRAPE_INTERVAL,
            "scrape_timeout": SCRAPE_TIMEOUT,
            "evaluation_interval": SCRAPE_INTERVAL,
        },
        "scrape_configs": [{
            "job_name": JOB,
            "metrics_path": METRICS_PATH,
            "static_configs": groups,
        }],
    });
    format!(
        "# Written by qctl generate from qubernetes.yaml (`prometheus`); edits are overwritten.\n{}",
        crate::yaml::block_text(&config)
    )
}

pub(super) fn configmap(ctx: &Context) -> ConfigMap {
    ConfigMap {
        metadata: ctx.meta(names::MONITOR_CONFIGMAP, names::monitor_labels()),
        data: Some(BTreeMap::from([(
            names::MONITOR_CONFIG_KEY.to_string(),
            prometheus_yml(ctx),
        )])),
        ..ConfigMap::default()
    }
}

pub(super) fn deployment(ctx: &Context, config: &ConfigMap) -> Deployment {
    let labels = names::monitor_labels();
    let spec = pod_spec(ctx);
    let annotations = BTreeMap::from([(
        names::ANNOTATION_CONFIG_HASH.to_string(),
        config_hash(&spec, config),
    )]);
    pod::deployment(
        ctx.meta(names::MONITOR, labels.clone()),
        names::monitor_selector(),
        labels,
        annotations,
        (spec, names::CONTAINER_PROMETHEUS),
        None,
    )
}

/// SHA-256 of the pod spec and `prometheus.yml`: Prometheus reads its config at start only,
/// so a changed target list restarts it.
fn config_hash(spec: &PodSpec, config: &ConfigMap) -> String {
    let mut hasher = Sha256::new();
    let spec = serde_json::to_vec(spec).expect("a PodSpec serialises to JSON");
    hasher.update((spec.len() as u64).to_be_bytes());
    hasher.update(&spec);
    for (key, value) in config.data.iter().flatten() {
        for part in [key.as_bytes(), value.as_bytes()] {
            hasher.update((part.len() as u64).to_be_bytes());
            hasher.update(part);
        }
    }
    hex::encode(hasher.finalize())
}

fn pod_spec(ctx: &Context) -> PodSpec {
    let probe = |path: &str, initial_delay: i32, period: i32| Probe {
        http_get: Some(HTTPGetAction {
            path: Some(path.into()),
            port: IntOrString::String(WEB.into()),
            ..HTTPGetAction::default()
        }),
        initial_delay_seconds: Some(initial_delay),
        period_seconds: Some(period),
        ..Probe::default()
    };
    let container = Container {
        name: names::CONTAINER_PROMETHEUS.into(),
        image: Some(PROMETHEUS_IMAGE.into()),
        // The image's entrypoint is the server; these replace its default arguments. No
        // `--web.enable-lifecycle` or `--web.enable-admin-api`: the API only reads.
        args: Some(vec![
            format!("--config.file={CONFIG_DIR}/{}", names::MONITOR_CONFIG_KEY),
            format!("--storage.tsdb.path={DATA_DIR}"),
            format!("--storage.tsdb.retention.time={RETENTION_TIME}"),
            format!("--storage.tsdb.retention.size={RETENTION_SIZE}"),
            format!("--web.listen-address=:{}", ports::PROMETHEUS),
        ]),
        ports: Some(vec![container_port(WEB, ports::PROMETHEUS)]),
        readiness_probe: Some(probe("/-/ready", 5, 5)),
        liveness_probe: Some(Probe {
            failure_threshold: Some(6),
            ..probe("/-/healthy", 30, 10)
        }),
        volume_mounts: Some(vec![
            mount(VOL_CONFIG, CONFIG_DIR, true),
            mount(VOL_DATA, DATA_DIR, false),
        ]),
        resources: Some(resources("100m", "256Mi", "1Gi")),
        security_context: Some(container_security()),
        ..Container::default()
    };
    PodSpec {
        containers: vec![container],
        volumes: Some(vec![
            configmap_volume(VOL_CONFIG, names::MONITOR_CONFIGMAP),
            Volume {
                name: VOL_DATA.into(),
                empty_dir: Some(EmptyDirVolumeSource {
                    size_limit: Some(Quantity(DATA_LIMIT.into())),
                    medium: None,
                }),
                ..Volume::default()
            },
        ]),
        security_context: Some(pod_security(&ctx.net.k8s, PROMETHEUS_UID)),
        // Static targets: Prometheus never calls the Kubernetes API.
        automount_service_account_token: Some(false),
        enable_service_links: Some(false),
        ..PodSpec::default()
    }
}

/// ClusterIP by default: nobody outside the cluster reaches Prometheus unless
/// `prometheus.nodePort_prom` asks for it.
pub(super) fn service(ctx: &Context) -> Service {
    let node_port = ctx.net.k8s.prometheus_node_port;
    let service_type = match node_port {
        Some(_) => ServiceType::NodePort,
        None => ServiceType::ClusterIP,
    };
    Service {
        metadata: ctx.meta(names::MONITOR, names::monitor_labels()),
        spec: Some(ServiceSpec {
            type_: Some(service_type.as_str().into()),
            selector: Some(names::monitor_selector()),
            ports: Some(vec![ServicePort {
                name: Some(WEB.into()),
                port: ports::PROMETHEUS.into(),
                target_port: Some(IntOrString::String(WEB.into())),
                node_port: node_port.map(i32::from),
                protocol: Some("TCP".into()),
                ..ServicePort::default()
            }]),
            ..ServiceSpec::default()
        }),
        ..Service::default()
    }
}

/// The Prometheus pod's own NetworkPolicy: its web port from pods of the namespace (from
/// anywhere only with the NodePort opt-in); out, DNS and the metrics port of the node pods.
pub(super) fn network_policy(ctx: &Context) -> NetworkPolicy {
    let port = |number: u16, protocol: &str| NetworkPolicyPort {
        port: Some(IntOrString::Int(number.into())),
        protocol: Some(protocol.into()),
        ..NetworkPolicyPort::default()
    };
    let from = match ctx.net.k8s.prometheus_node_port {
        // A NodePort is reached from outside the cluster, at addresses nobody knows up front.
        Some(_) => None,
        None => Some(vec![NetworkPolicyPeer {
            pod_selector: Some(LabelSelector::default()),
            ..NetworkPolicyPeer::default()
        }]),
    };
    let nodes = BTreeMap::from([
        (
            names::LABEL_MANAGED_BY.to_string(),
            names::MANAGED_BY.to_string(),
        ),
        (
            names::LABEL_COMPONENT.to_string(),
            components::NODE.to_string(),
        ),
    ]);
    NetworkPolicy {
        metadata: ctx.meta(names::MONITOR, names::monitor_labels()),
        spec: Some(NetworkPolicySpec {
            pod_selector: Some(LabelSelector {
                match_labels: Some(names::monitor_selector()),
                ..LabelSelector::default()
            }),
            policy_types: Some(vec!["Ingress".into(), "Egress".into()]),
            ingress: Some(vec![NetworkPolicyIngressRule {
                from,
                ports: Some(vec![port(ports::PROMETHEUS, "TCP")]),
            }]),
            egress: Some(vec![
                NetworkPolicyEgressRule {
                    to: None,
                    ports: Some(vec![port(DNS_PORT, "UDP"), port(DNS_PORT, "TCP")]),
                },
                NetworkPolicyEgressRule {
                    to: Some(vec![NetworkPolicyPeer {
                        pod_selector: Some(LabelSelector {
                            match_labels: Some(nodes),
                            ..LabelSelector::default()
                        }),
                        ..NetworkPolicyPeer::default()
                    }]),
                    ports: Some(vec![port(ports::METRICS, "TCP")]),
                },
            ]),
        }),
    }
}
