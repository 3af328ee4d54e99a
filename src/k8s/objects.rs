//! The objects around a node's workload: storage, ConfigMaps, the keys Secret, Services,
//! Ingress and NetworkPolicy.

use std::collections::BTreeMap;

use k8s_openapi::ByteString;
use k8s_openapi::api::core::v1::{
    ConfigMap, Namespace, PersistentVolumeClaim, PersistentVolumeClaimSpec, Secret, Service,
    ServicePort, ServiceSpec, VolumeResourceRequirements,
};
use k8s_openapi::api::networking::v1::{
    HTTPIngressPath, HTTPIngressRuleValue, Ingress, IngressBackend, IngressRule,
    IngressServiceBackend, IngressSpec, NetworkPolicy, NetworkPolicyEgressRule,
    NetworkPolicyIngressRule, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec,
    ServiceBackendPort,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::names::{self, components, identity_keys};
use crate::network::{
    Consensus, DerivedConfig, IngressStrategy, LocalNode, Network, ServiceType, ports,
};

/// Container port names, shared by containers, Services, Ingress and probes. At most 15
/// characters (IANA service name).
pub(super) mod port_names {
    pub const P2P: &str = "p2p";
    pub const RAFT: &str = "raft";
    pub const RPC: &str = "rpc";
    pub const WS: &str = "ws";
    pub const METRICS: &str = "metrics";
    pub const TESSERA_P2P: &str = "tessera-p2p";
    pub const TESSERA_THIRD_PARTY: &str = "tessera-3rdpty";
}

/// Keys of the keys Secret; the file names the pod sees under `/keys`.
pub(super) mod secret_keys {
    pub const NODEKEY: &str = "nodekey";
    pub const KEYSTORE: &str = "acctkeyfile.json";
    pub const PASSWORD: &str = "password.txt";
    pub const TM_KEY: &str = "tm.key";
}

/// Key of the Tessera ConfigMap.
pub(super) const TESSERA_CONFIG_KEY: &str = "tessera-config.json";

/// Pod pages served through an Ingress: RPC under the node's path, WebSocket below it.
const INGRESS_WS_PATH: &str = "quorum-ws";

/// What every builder needs from the network beyond the node at hand.
pub(super) struct Context<'a> {
    pub net: &'a Network,
}

impl<'a> Context<'a> {
    pub fn new(net: &'a Network) -> Self {
        Context { net }
    }

    /// Metadata of a namespaced object; `namespace` only when `k8s.namespace` is set, so that
    /// `kubectl -n` decides otherwise.
    pub fn meta(&self, name: impl Into<String>, labels: BTreeMap<String, String>) -> ObjectMeta {
        ObjectMeta {
            name: Some(name.into()),
            namespace: self.net.k8s.namespace.clone(),
            labels: Some(labels),
            ..ObjectMeta::default()
        }
    }
}

pub(super) fn namespace(net: &Network) -> Option<Namespace> {
    let name = net.k8s.namespace.clone()?;
    let labels = names::shared_labels(components::NAMESPACE);
    Some(Namespace {
        metadata: ObjectMeta {
            name: Some(name),
            labels: Some(labels),
            ..ObjectMeta::default()
        },
        ..Namespace::default()
    })
}

pub(super) fn pvc(ctx: &Context, node: &LocalNode) -> PersistentVolumeClaim {
    let storage = &ctx.net.k8s.storage;
    let mut meta = ctx.meta(
        names::pvc(&node.name),
        names::node_labels(&node.name, components::STORAGE),
    );
    if !storage.annotations.is_empty() {
        meta.annotations = Some(storage.annotations.clone());
    }
    PersistentVolumeClaim {
        metadata: meta,
        spec: Some(PersistentVolumeClaimSpec {
            access_modes: Some(vec!["ReadWriteOnce".into()]),
            storage_class_name: storage.storage_class.clone(),
            resources: Some(VolumeResourceRequirements {
                requests: Some(BTreeMap::from([(
                    "storage".to_string(),
                    Quantity(storage.capacity.clone()),
                )])),
                ..VolumeResourceRequirements::default()
            }),
            ..PersistentVolumeClaimSpec::default()
        }),
        ..PersistentVolumeClaim::default()
    }
}

pub(super) fn genesis_configmap(ctx: &Context, derived: &DerivedConfig) -> ConfigMap {
    ConfigMap {
        metadata: ctx.meta(
            names::GENESIS_CONFIGMAP,
            names::shared_labels(components::GENESIS),
        ),
        data: Some(BTreeMap::from([(
            names::GENESIS_KEY.into(),
            derived.genesis_json.clone(),
        )])),
        ..ConfigMap::default()
    }
}

pub(super) fn peers_configmap(ctx: &Context, derived: &DerivedConfig) -> ConfigMap {
    ConfigMap {
        metadata: ctx.meta(
            names::PEERS_CONFIGMAP,
            names::shared_labels(components::PEERS),
        ),
        data: Some(BTreeMap::from([
            (
                names::PERMISSIONED_KEY.into(),
                derived.permissioned_nodes_json.clone(),
            ),
            (names::STATIC_KEY.into(), derived.static_nodes_json.clone()),
        ])),
        ..ConfigMap::default()
    }
}

/// The node's private material. `data` (base64) rather than `stringData`, so what `kubectl
/// apply` sends equals what the server stores and re-applies show no diff.
pub(super) fn keys_secret(ctx: &Context, node: &LocalNode) -> Secret {
    let secrets = &node.secrets;
    let mut data = BTreeMap::from([
        (secret_keys::NODEKEY.to_string(), bytes(&secrets.nodekey)),
        (
            secret_keys::KEYSTORE.to_string(),
            bytes(&secrets.keystore_json),
        ),
        (secret_keys::PASSWORD.to_string(), bytes(&secrets.password)),
    ]);
    if node.tessera.is_some()
        && let Some(tm_key) = &secrets.tm_private_key_json
    {
        data.insert(secret_keys::TM_KEY.into(), bytes(tm_key));
    }
    Secret {
        metadata: ctx.meta(
            names::keys_secret(&node.name),
            names::node_labels(&node.name, components::KEYS),
        ),
        type_: Some("Opaque".into()),
        data: Some(data),
        ..Secret::default()
    }
}

fn bytes(s: &str) -> ByteString {
    ByteString(s.as_bytes().to_vec())
}

/// Public identity of the node, read back by `export-external`.
pub(super) fn identity_configmap(ctx: &Context, node: &LocalNode) -> ConfigMap {
    let id = &node.identity;
    let mut data = BTreeMap::from([
        (identity_keys::NODE.to_string(), node.name.clone()),
        (identity_keys::ENODE_ID.to_string(), id.enode_id.clone()),
        (
            identity_keys::NODE_ADDRESS.to_string(),
            id.node_address.clone(),
        ),
        (
            identity_keys::ACCOUNT_ADDRESS.to_string(),
            id.account_address.clone(),
        ),
        (
            identity_keys::CONSENSUS.to_string(),
            node.consensus.to_string(),
        ),
    ]);
    if node.tessera.is_some()
        && let Some(tm_pub) = &id.tm_public_key
    {
        data.insert(identity_keys::TM_PUB.into(), tm_pub.clone());
    }
    ConfigMap {
        metadata: ctx.meta(
            names::identity_configmap(&node.name),
            names::node_labels(&node.name, components::IDENTITY),
        ),
        data: Some(data),
        ..ConfigMap::default()
    }
}

pub(super) fn tessera_configmap(
    ctx: &Context,
    node: &LocalNode,
    derived: &DerivedConfig,
) -> Option<ConfigMap> {
    node.tessera.as_ref()?;
    let config = derived.tessera_configs.get(&node.name)?;
    Some(ConfigMap {
        metadata: ctx.meta(
            names::tessera_configmap(&node.name),
            names::node_labels(&node.name, components::TESSERA),
        ),
        data: Some(BTreeMap::from([(
            TESSERA_CONFIG_KEY.into(),
            config.clone(),
        )])),
        ..ConfigMap::default()
    })
}

/// What other organisations reach: devp2p, Tessera P2P, raft. Nothing that can sign or read
/// private state.
pub(super) fn peer_service(ctx: &Context, node: &LocalNode) -> Service {
    let mut service_ports = vec![service_port(port_names::P2P, ports::P2P)];
    if node.tessera.is_some() {
        service_ports.push(service_port(port_names::TESSERA_P2P, ports::TESSERA_P2P));
    }
    if node.consensus == Consensus::Raft {
        service_ports.push(service_port(port_names::RAFT, ports::RAFT));
    }
    Service {
        metadata: ctx.meta(
            names::peer_service(&node.name),
            names::node_labels(&node.name, components::P2P),
        ),
        spec: Some(ServiceSpec {
            type_: Some(ctx.net.k8s.service_type.as_str().into()),
            selector: Some(names::node_selector(&node.name)),
            ports: Some(service_ports),
            // Peers must reach a starting node (raft joins, Tessera partyinfo) before its RPC
            // answers, which is what readiness measures.
            publish_not_ready_addresses: Some(true),
            ..ServiceSpec::default()
        }),
        ..Service::default()
    }
}

/// In-cluster access to RPC, WebSocket, Tessera's third-party API and metrics.
pub(super) fn rpc_service(ctx: &Context, node: &LocalNode) -> Service {
    let mut service_ports = vec![
        service_port(port_names::RPC, ports::RPC),
        service_port(port_names::WS, ports::WS),
    ];
    if node.tessera.is_some() {
        service_ports.push(service_port(
            port_names::TESSERA_THIRD_PARTY,
            ports::TESSERA_THIRD_PARTY,
        ));
    }
    if ctx.net.k8s.prometheus {
        service_ports.push(service_port(port_names::METRICS, ports::METRICS));
    }
    Service {
        metadata: ctx.meta(
            names::rpc_service(&node.name),
            names::node_labels(&node.name, components::RPC),
        ),
        spec: Some(ServiceSpec {
            type_: Some(ServiceType::ClusterIP.as_str().into()),
            selector: Some(names::node_selector(&node.name)),
            ports: Some(service_ports),
            ..ServiceSpec::default()
        }),
        ..Service::default()
    }
}

fn service_port(name: &str, port: u16) -> ServicePort {
    ServicePort {
        name: Some(name.into()),
        port: port.into(),
        target_port: Some(IntOrString::String(name.into())),
        protocol: Some("TCP".into()),
        ..ServicePort::default()
    }
}

/// RPC (and WebSocket) Ingresses. geth serves JSON-RPC on every path when an Ingress exists
/// (see [`super::workload`]), so no controller-specific rewrite annotation is needed.
pub(super) fn ingresses(ctx: &Context) -> Vec<Ingress> {
    let Some(spec) = &ctx.net.k8s.ingress else {
        return Vec::new();
    };
    let paths = |node: &LocalNode, prefix: &str| {
        let mut paths = vec![ingress_path(node, prefix.to_string(), ports::RPC)];
        if spec.ws {
            let ws = format!("{}/{INGRESS_WS_PATH}", prefix.trim_end_matches('/'));
            paths.push(ingress_path(node, ws, ports::WS));
        }
        paths
    };
    match spec.strategy {
        IngressStrategy::OneToOne => ctx
            .net
            .nodes
            .iter()
            .map(|node| {
                // With a host each node gets its own name and the whole path space; without
                // one, nodes share the controller's host and are told apart by path.
                let (host, prefix) = match &spec.host {
                    Some(host) => (Some(format!("{}.{host}", node.name)), "/".to_string()),
                    None => (None, format!("/{}", node.name)),
                };
                let labels = names::node_labels(&node.name, components::RPC);
                ingress(
                    ctx,
                    names::rpc_ingress(&node.name),
                    labels,
                    host,
                    paths(node, &prefix),
                )
            })
            .collect(),
        IngressStrategy::OneToMany => {
            let all = ctx
                .net
                .nodes
                .iter()
                .flat_map(|node| paths(node, &format!("/{}", node.name)));
            vec![ingress(
                ctx,
                names::SHARED_INGRESS.into(),
                names::shared_labels(components::RPC),
                spec.host.clone(),
                all.collect(),
            )]
        }
    }
}

fn ingress(
    ctx: &Context,
    name: String,
    labels: BTreeMap<String, String>,
    host: Option<String>,
    paths: Vec<HTTPIngressPath>,
) -> Ingress {
    Ingress {
        metadata: ctx.meta(name, labels),
        spec: Some(IngressSpec {
            rules: Some(vec![IngressRule {
                host,
                http: Some(HTTPIngressRuleValue { paths }),
            }]),
            ..IngressSpec::default()
        }),
        ..Ingress::default()
    }
}

fn ingress_path(node: &LocalNode, path: String, port: u16) -> HTTPIngressPath {
    HTTPIngressPath {
        path: Some(path),
        path_type: "Prefix".into(),
        backend: IngressBackend {
            service: Some(IngressServiceBackend {
                name: names::rpc_service(&node.name),
                port: Some(ServiceBackendPort {
                    number: Some(port.into()),
                    ..ServiceBackendPort::default()
                }),
            }),
            ..IngressBackend::default()
        },
    }
}

/// Peer ports open to anyone (peers may live in other clusters); RPC, WebSocket and Tessera's
/// third-party API only to pods of this namespace, plus any namespace when an Ingress
/// controller must reach RPC; metrics to any namespace (Prometheus usually runs in its own).
/// Egress is open: peers are dialled at addresses and ports (NodePorts) nobody knows up front,
/// and DNS must resolve.
pub(super) fn network_policy(ctx: &Context) -> NetworkPolicy {
    let nodes = &ctx.net.nodes;
    let any_tessera = nodes.iter().any(|n| n.tessera.is_some());
    let any_raft = nodes.iter().any(|n| n.consensus == Consensus::Raft);

    let mut peer_ports = vec![ports::P2P];
    if any_tessera {
        peer_ports.push(ports::TESSERA_P2P);
    }
    if any_raft {
        peer_ports.push(ports::RAFT);
    }
    let mut api_ports = vec![ports::RPC, ports::WS];
    if any_tessera {
        api_ports.push(ports::TESSERA_THIRD_PARTY);
    }

    let same_namespace = NetworkPolicyPeer {
        pod_selector: Some(LabelSelector::default()),
        ..NetworkPolicyPeer::default()
    };
    let any_namespace = NetworkPolicyPeer {
        namespace_selector: Some(LabelSelector::default()),
        ..NetworkPolicyPeer::default()
    };
    let mut rules = vec![
        NetworkPolicyIngressRule {
            from: None,
            ports: Some(policy_ports(&peer_ports)),
        },
        NetworkPolicyIngressRule {
            from: Some(vec![same_namespace]),
            ports: Some(policy_ports(&api_ports)),
        },
    ];
    if ctx.net.k8s.ingress.is_some() {
        rules.push(NetworkPolicyIngressRule {
            from: Some(vec![any_namespace.clone()]),
            ports: Some(policy_ports(&[ports::RPC, ports::WS])),
        });
    }
    if ctx.net.k8s.prometheus {
        rules.push(NetworkPolicyIngressRule {
            from: Some(vec![any_namespace]),
            ports: Some(policy_ports(&[ports::METRICS])),
        });
    }

    let selector = BTreeMap::from([
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
        metadata: ctx.meta(
            names::NETWORK_POLICY,
            names::shared_labels(components::NETWORK_POLICY),
        ),
        spec: Some(NetworkPolicySpec {
            pod_selector: Some(LabelSelector {
                match_labels: Some(selector),
                ..LabelSelector::default()
            }),
            policy_types: Some(vec!["Ingress".into(), "Egress".into()]),
            ingress: Some(rules),
            egress: Some(vec![NetworkPolicyEgressRule::default()]),
        }),
    }
}

fn policy_ports(numbers: &[u16]) -> Vec<NetworkPolicyPort> {
    numbers
        .iter()
        .map(|&port| NetworkPolicyPort {
            port: Some(IntOrString::Int(port.into())),
            protocol: Some("TCP".into()),
            ..NetworkPolicyPort::default()
        })
        .collect()
}
