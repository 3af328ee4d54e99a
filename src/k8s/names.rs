//! Names, labels and annotations of the objects qctl manages. One place, because `generate`
//! writes them, `deploy`/`status`/`destroy` select by them and `export-external` reads them.

use std::collections::BTreeMap;

/// Field manager of every server-side apply.
pub const FIELD_MANAGER: &str = "qctl";
/// Value of `app.kubernetes.io/managed-by`.
pub const MANAGED_BY: &str = "qctl";
/// Value of `app.kubernetes.io/part-of`.
pub const PART_OF: &str = "goquorum-network";

pub const LABEL_NAME: &str = "app.kubernetes.io/name";
pub const LABEL_INSTANCE: &str = "app.kubernetes.io/instance";
pub const LABEL_PART_OF: &str = "app.kubernetes.io/part-of";
pub const LABEL_MANAGED_BY: &str = "app.kubernetes.io/managed-by";
pub const LABEL_COMPONENT: &str = "app.kubernetes.io/component";

/// Field manager of `node stop` and `node start` (a merge patch of a node's Deployment).
pub const SCALE_FIELD_MANAGER: &str = "qctl-node-stop";
/// Deployment annotation: `"true"` while `qctl node stop` keeps the node at 0 replicas; a
/// later `deploy` keeps it so until `qctl node start`.
pub const ANNOTATION_STOPPED: &str = "qctl.io/stopped";

/// Pod-template annotation: hash of everything the node's pod reads.
pub const ANNOTATION_CONFIG_HASH: &str = "qctl.io/config-hash";

/// Label selector that finds every object qctl manages.
pub const MANAGED_SELECTOR: &str = "app.kubernetes.io/managed-by=qctl";

/// Container names in a node's pod.
pub const CONTAINER_QUORUM: &str = "quorum";
pub const CONTAINER_TESSERA: &str = "tessera";
/// The init container that prepares geth's datadir.
pub const CONTAINER_INIT: &str = "init-datadir";

/// Peer-facing Service of a node (p2p, Tessera P2P, raft). Named like the node so in-cluster
/// enodes and Tessera peers can use the node name as host.
pub fn peer_service(node: &str) -> String {
    node.to_string()
}
/// ClusterIP Service for RPC, WS and Tessera third-party.
pub fn rpc_service(node: &str) -> String {
    format!("{node}-rpc")
}
/// The name of Service `service` that resolves in every pod of the cluster, whatever its
/// cluster domain: `<service>.<namespace>.svc`.
pub fn service_host(service: &str, namespace: &str) -> String {
    format!("{service}.{namespace}.svc")
}
/// Secret holding nodekey, keystore, password and tm.key.
pub fn keys_secret(node: &str) -> String {
    format!("{node}-keys")
}
/// Public identity ConfigMap read by `export-external`: keys in [`identity_keys`].
pub fn identity_configmap(node: &str) -> String {
    format!("{node}-identity")
}
/// Keys of the identity ConfigMap.
pub mod identity_keys {
    pub const NODE: &str = "node";
    pub const ENODE_ID: &str = "enode";
    pub const NODE_ADDRESS: &str = "address";
    pub const ACCOUNT_ADDRESS: &str = "account";
    pub const TM_PUB: &str = "tm.pub";
    pub const CONSENSUS: &str = "consensus";
}
/// Tessera config of a node.
pub fn tessera_configmap(node: &str) -> String {
    format!("{node}-tessera")
}
pub fn pvc(node: &str) -> String {
    format!("{node}-data")
}
/// The node's workload (Deployment).
pub fn workload(node: &str) -> String {
    node.to_string()
}
/// Ingress of a node's RPC when `k8s.service.Ingress.Strategy` is `OneToOne`.
pub fn rpc_ingress(node: &str) -> String {
    format!("{node}-rpc")
}
/// The single Ingress of every node's RPC when the strategy is `OneToMany`.
pub const SHARED_INGRESS: &str = "quorum-ingress";
/// NetworkPolicy that guards every node pod.
pub const NETWORK_POLICY: &str = "quorum-network-policy";

/// The Prometheus server of `prometheus`: its Deployment, Service and NetworkPolicy (see
/// [`crate::network::MONITOR_NAME`]).
pub const MONITOR: &str = crate::network::MONITOR_NAME;
/// ConfigMap holding the Prometheus server's `prometheus.yml`.
pub const MONITOR_CONFIGMAP: &str = "quorum-monitor-config";
/// Key of [`MONITOR_CONFIGMAP`]: the file Prometheus reads.
pub const MONITOR_CONFIG_KEY: &str = "prometheus.yml";
/// Container name of the Prometheus server.
pub const CONTAINER_PROMETHEUS: &str = "prometheus";

/// Values of `app.kubernetes.io/component`, so `status` and `destroy` can tell objects apart.
pub mod components {
    pub const NAMESPACE: &str = "namespace";
    pub const STORAGE: &str = "storage";
    pub const GENESIS: &str = "genesis";
    pub const PEERS: &str = "peers";
    pub const P2P: &str = "p2p";
    pub const RPC: &str = "rpc";
    pub const KEYS: &str = "keys";
    pub const IDENTITY: &str = "identity";
    pub const TESSERA: &str = "tessera";
    pub const NETWORK_POLICY: &str = "network-policy";
    /// The Service (and EndpointSlice) through which local Tessera reaches an external node.
    pub const EXTERNAL_TESSERA: &str = "external-tessera";
    /// The node's workload and its pods.
    pub const NODE: &str = "node";
    /// The Prometheus server of `prometheus` and what it reads.
    pub const MONITOR: &str = "monitor";
}
/// Selector-less Service (and its EndpointSlice) of an external node's Tessera: named like the
/// node, so the URL that node's Tessera advertises, `http://<node>:9001`, resolves here too.
pub fn external_tessera_service(node: &str) -> String {
    node.to_string()
}
/// Label linking an EndpointSlice to its Service.
pub const LABEL_SERVICE_NAME: &str = "kubernetes.io/service-name";
/// Label naming who maintains an EndpointSlice (the EndpointSlice controller leaves others alone).
pub const LABEL_ENDPOINTSLICE_MANAGED_BY: &str = "endpointslice.kubernetes.io/managed-by";
/// Value of [`LABEL_ENDPOINTSLICE_MANAGED_BY`] on qctl's EndpointSlices.
/// (A label value: no `/`.)
pub const ENDPOINTSLICE_MANAGER: &str = "qctl";

/// Shared ConfigMaps.
pub const GENESIS_CONFIGMAP: &str = "quorum-genesis";
pub const GENESIS_KEY: &str = "genesis.json";
pub const PEERS_CONFIGMAP: &str = "quorum-peers";
pub const PERMISSIONED_KEY: &str = "permissioned-nodes.json";
pub const STATIC_KEY: &str = "static-nodes.json";

/// Labels of an object that belongs to one node (also its pod template and selector).
pub fn node_labels(node: &str, component: &str) -> BTreeMap<String, String> {
    let mut labels = shared_labels(component);
    labels.insert(LABEL_INSTANCE.into(), node.into());
    labels
}

/// Labels of an object the whole network shares.
pub fn shared_labels(component: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (LABEL_NAME.into(), "goquorum".into()),
        (LABEL_INSTANCE.into(), PART_OF.into()),
        (LABEL_PART_OF.into(), PART_OF.into()),
        (LABEL_MANAGED_BY.into(), MANAGED_BY.into()),
        (LABEL_COMPONENT.into(), component.into()),
    ])
}

/// Labels of the Prometheus server's objects and pod: those of a node's objects, with the
/// monitor's name as instance, so no node's pod selector can match its pod.
pub fn monitor_labels() -> BTreeMap<String, String> {
    node_labels(MONITOR, components::MONITOR)
}

/// Pod selector of the Prometheus server's Deployment and Service.
pub fn monitor_selector() -> BTreeMap<String, String> {
    node_selector(MONITOR)
}

/// Pod selector of a node's workload: stable across qctl versions, so never add to it.
pub fn node_selector(node: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (LABEL_NAME.into(), "goquorum".into()),
        (LABEL_INSTANCE.into(), node.into()),
    ])
}
