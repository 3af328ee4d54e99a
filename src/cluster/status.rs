//! What `qctl status` shows: per node its newest pod, the NodePorts of its peer Service and,
//! when asked, its endpoints. Two requests whatever the number of nodes: one list of pods, one
//! list of Services; a third, a list of the cluster's Nodes, for the address of NodePort
//! endpoints (not with `--node-ip`).

use std::time::Duration;

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{Pod, Service};
use k8s_openapi::jiff::Timestamp;

use super::connect::Connection;
use super::error::ClusterError;
use super::export::{Exposure, NodeAddress, exposed_port, exposure, host_port};
use super::pods::{list_network_pods, newest_pod};
use crate::k8s::names;
use crate::network::ports;

/// A Service port exposed on every cluster node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodePortMapping {
    /// The Service port's name (`p2p`, `tessera`, `raft`, … as generated).
    pub name: String,
    pub port: u16,
    pub node_port: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeStatus {
    pub node: String,
    /// `None`: the node has no pod.
    pub pod: Option<String>,
    pub phase: Option<String>,
    /// Ready containers over containers, as kubectl shows it (`2/2`); `0/0` without a pod.
    pub ready: String,
    pub restarts: u32,
    /// Type of the peer-facing Service, `None` when it does not exist.
    pub service_type: Option<String>,
    pub node_ports: Vec<NodePortMapping>,
    /// Age of the pod.
    pub age: Option<Duration>,
    /// Where the node is reached; `None` unless asked for.
    pub endpoints: Option<Endpoints>,
}

/// Where a node is reached, as its Services say; `None` where a Service or port is missing or
/// the address is unknown. The API (RPC Service) is in-cluster only:
/// `http://<node>-rpc.<namespace>.svc:8545`. The peer ports are `host:port` as peers dial
/// them: the NodePort on the cluster nodes' address (see [`NodeAddress`]), the Service port on
/// a LoadBalancer's address, or the Service's in-cluster name for a ClusterIP peer Service.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Endpoints {
    /// geth's JSON-RPC over HTTP.
    pub rpc: Option<String>,
    /// geth's JSON-RPC over WebSocket.
    pub ws: Option<String>,
    /// Tessera's third-party API.
    pub tessera_third_party: Option<String>,
    /// devp2p, the host and port of the node's enode URL.
    pub p2p: Option<String>,
    /// Tessera's P2P API.
    pub tessera_p2p: Option<String>,
    /// Raft's port (raft networks only).
    pub raft: Option<String>,
}

/// What `status` reads besides the pods and Services.
#[derive(Debug, Clone, Copy, Default)]
pub struct StatusOptions<'a> {
    /// Work out each node's [`Endpoints`].
    pub endpoints: bool,
    /// The address of NodePort endpoints (`--node-ip`); else read from the cluster's Nodes.
    pub node_ip: Option<&'a str>,
}

/// The status of each of `nodes`, in their order, and what made endpoints unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub nodes: Vec<NodeStatus>,
    pub warnings: Vec<String>,
}

/// The status of each of `nodes`, in their order.
pub async fn status(
    conn: &Connection,
    namespace: &str,
    nodes: &[String],
    options: StatusOptions<'_>,
) -> Result<Status, ClusterError> {
    let pods = list_network_pods(conn, namespace).await?;
    let services: Vec<Service> = conn.list(namespace, names::MANAGED_SELECTOR).await?;
    let service = |name: String| {
        services
            .iter()
            .find(|s| s.metadata.name.as_deref() == Some(name.as_str()))
    };
    let mut warnings = Vec::new();
    // Only a NodePort peer Service needs the cluster nodes' address.
    let node_address = if options.endpoints
        && nodes.iter().any(|node| {
            service(names::peer_service(node)).is_some_and(|s| exposure(s) == Exposure::NodePort)
        }) {
        // Unlike a join bundle, an InternalIP is what a local cluster (kind, minikube) is
        // reached at: no warning for it here.
        match NodeAddress::new(options.node_ip)
            .get(conn, &mut Vec::new())
            .await
        {
            Ok(address) => Some(address),
            Err(e) => {
                warnings.push(format!(
                    "the NodePort endpoints are shown without an address: {e}; pass \
                     `--node-ip` with the address of a cluster node"
                ));
                None
            }
        }
    } else {
        None
    };
    let now = Timestamp::now();
    let nodes = nodes
        .iter()
        .map(|node| {
            let peer = service(names::peer_service(node));
            let mut status = node_status(node, newest_pod(&pods, node), peer, now);
            if options.endpoints {
                let rpc = service(names::rpc_service(node));
                let endpoints = endpoints(node, namespace, rpc, peer, node_address.as_deref());
                if let Some(Exposure::LoadBalancer(None)) = peer.map(exposure) {
                    warnings.push(format!(
                        "the LoadBalancer Service `{}` of node `{node}` has no external address \
                         yet: its peer endpoints are not shown",
                        names::peer_service(node)
                    ));
                }
                status.endpoints = Some(endpoints);
            }
            status
        })
        .collect();
    Ok(Status { nodes, warnings })
}

/// [`Endpoints`] of `node` from its RPC and peer Services; `node_address` is where NodePorts
/// are reached, if known.
pub fn endpoints(
    node: &str,
    namespace: &str,
    rpc: Option<&Service>,
    peer: Option<&Service>,
    node_address: Option<&str>,
) -> Endpoints {
    let in_cluster = |service: &Service, scheme: &str, number: u16| {
        let spec = service.spec.as_ref()?;
        exposed_port(spec, number, false)??;
        let host = names::service_host(&names::rpc_service(node), namespace);
        Some(format!("{scheme}://{}", host_port(&host, number)))
    };
    let api = |scheme: &str, number: u16| rpc.and_then(|s| in_cluster(s, scheme, number));
    let peer_port = |number: u16| {
        let service = peer?;
        let spec = service.spec.as_ref()?;
        let (host, node_port) = match exposure(service) {
            Exposure::NodePort => (node_address?.to_string(), true),
            Exposure::LoadBalancer(address) => (address?, false),
            Exposure::ClusterIp => (
                names::service_host(&names::peer_service(node), namespace),
                false,
            ),
        };
        Some(host_port(&host, exposed_port(spec, number, node_port)??))
    };
    Endpoints {
        rpc: api("http", ports::RPC),
        ws: api("ws", ports::WS),
        tessera_third_party: api("http", ports::TESSERA_THIRD_PARTY),
        p2p: peer_port(ports::P2P),
        tessera_p2p: peer_port(ports::TESSERA_P2P),
        raft: peer_port(ports::RAFT),
    }
}

fn node_status(
    node: &str,
    pod: Option<&Pod>,
    service: Option<&Service>,
    now: Timestamp,
) -> NodeStatus {
    let statuses = pod
        .and_then(|p| p.status.as_ref())
        .and_then(|s| s.container_statuses.clone())
        .unwrap_or_default();
    let containers = pod
        .and_then(|p| p.spec.as_ref())
        .map_or(0, |s| s.containers.len());
    let spec = service.and_then(|s| s.spec.as_ref());
    let node_ports = spec
        .and_then(|s| s.ports.as_ref())
        .into_iter()
        .flatten()
        .filter_map(|p| {
            Some(NodePortMapping {
                name: p.name.clone().unwrap_or_default(),
                port: u16::try_from(p.port).ok()?,
                node_port: u16::try_from(p.node_port?).ok()?,
            })
        })
        .collect();
    NodeStatus {
        node: node.to_string(),
        pod: pod.and_then(|p| p.metadata.name.clone()),
        phase: pod
            .and_then(|p| p.status.as_ref())
            .and_then(|s| s.phase.clone()),
        ready: format!(
            "{}/{}",
            statuses.iter().filter(|c| c.ready).count(),
            containers
        ),
        restarts: statuses
            .iter()
            .map(|c| u32::try_from(c.restart_count).unwrap_or(0))
            .sum(),
        service_type: service.map(|_| {
            spec.and_then(|s| s.type_.clone())
                .unwrap_or_else(|| "ClusterIP".into())
        }),
        node_ports,
        age: pod
            .and_then(|p| p.metadata.creation_timestamp.as_ref())
            .map(|created| {
                Duration::from_secs(
                    u64::try_from(now.as_second() - created.0.as_second()).unwrap_or(0),
                )
            }),
        endpoints: None,
    }
}

/// A node workload (Deployment) qctl labelled as its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workload {
    pub name: String,
    /// `spec.replicas` (1 when unset, as the API server defaults it).
    pub replicas: i32,
    /// Stopped by `qctl node stop` (see [`super::scale`]).
    pub stopped: bool,
}

/// Every qctl-labelled node workload in `namespace`, in one request.
pub async fn workloads(conn: &Connection, namespace: &str) -> Result<Vec<Workload>, ClusterError> {
    let selector = format!(
        "{},{}={}",
        names::MANAGED_SELECTOR,
        names::LABEL_COMPONENT,
        names::components::NODE
    );
    let deployments: Vec<Deployment> = conn.list(namespace, &selector).await?;
    let mut workloads: Vec<Workload> = deployments
        .into_iter()
        .map(|d| Workload {
            stopped: super::scale::is_stopped(d.metadata.annotations.as_ref()),
            name: d.metadata.name.unwrap_or_default(),
            replicas: d.spec.and_then(|s| s.replicas).unwrap_or(1),
        })
        .collect();
    workloads.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(workloads)
}

/// An age as kubectl prints it: `45s`, `12m`, `5h`, `3d`.
pub fn human_age(age: Duration) -> String {
    let secs = age.as_secs();
    match secs {
        0..120 => format!("{secs}s"),
        120..7_200 => format!("{}m", secs / 60),
        7_200..172_800 => format!("{}h", secs / 3_600),
        _ => format!("{}d", secs / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(type_: &str, ports: &[(u16, Option<u16>)]) -> Service {
        use k8s_openapi::api::core::v1::{ServicePort, ServiceSpec};
        Service {
            spec: Some(ServiceSpec {
                type_: Some(type_.into()),
                ports: Some(
                    ports
                        .iter()
                        .map(|&(port, node_port)| ServicePort {
                            port: port.into(),
                            node_port: node_port.map(i32::from),
                            ..ServicePort::default()
                        })
                        .collect(),
                ),
                ..ServiceSpec::default()
            }),
            ..Service::default()
        }
    }

    #[test]
    fn a_raft_node_without_tessera_has_rpc_ws_p2p_and_raft_endpoints() {
        let rpc = service("ClusterIP", &[(8545, None), (8546, None)]);
        let peer = service("NodePort", &[(30303, Some(31001)), (50401, Some(31002))]);
        assert_eq!(
            endpoints("n1", "ns", Some(&rpc), Some(&peer), Some("10.1.2.3")),
            Endpoints {
                rpc: Some("http://n1-rpc.ns.svc:8545".into()),
                ws: Some("ws://n1-rpc.ns.svc:8546".into()),
                tessera_third_party: None,
                p2p: Some("10.1.2.3:31001".into()),
                tessera_p2p: None,
                raft: Some("10.1.2.3:31002".into()),
            }
        );
        // A NodePort not allocated (yet), or no address: no peer endpoint.
        let pending = service("NodePort", &[(30303, None)]);
        assert_eq!(
            endpoints("n1", "ns", None, Some(&pending), Some("10.1.2.3")),
            Endpoints::default()
        );
        assert_eq!(endpoints("n1", "ns", None, Some(&peer), None).p2p, None);
    }

    #[test]
    fn ages_read_like_kubectl() {
        assert_eq!(human_age(Duration::from_secs(45)), "45s");
        assert_eq!(human_age(Duration::from_secs(12 * 60 + 5)), "12m");
        assert_eq!(human_age(Duration::from_secs(5 * 3600)), "5h");
        assert_eq!(human_age(Duration::from_secs(3 * 86_400)), "3d");
    }
}
