//! What `qctl status` shows: per node its newest pod and the NodePorts of its peer Service.
//! Two requests whatever the number of nodes: one list of pods, one list of Services.

use std::time::Duration;

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{Pod, Service};
use k8s_openapi::jiff::Timestamp;

use super::connect::Connection;
use super::error::ClusterError;
use super::pods::{list_network_pods, newest_pod};
use crate::k8s::names;

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
}

/// The status of each of `nodes`, in their order.
pub async fn status(
    conn: &Connection,
    namespace: &str,
    nodes: &[String],
) -> Result<Vec<NodeStatus>, ClusterError> {
    let pods = list_network_pods(conn, namespace).await?;
    let services: Vec<Service> = conn.list(namespace, names::MANAGED_SELECTOR).await?;
    let now = Timestamp::now();
    Ok(nodes
        .iter()
        .map(|node| {
            let service_name = names::peer_service(node);
            let service = services
                .iter()
                .find(|s| s.metadata.name.as_deref() == Some(service_name.as_str()));
            node_status(node, newest_pod(&pods, node), service, now)
        })
        .collect())
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

    #[test]
    fn ages_read_like_kubectl() {
        assert_eq!(human_age(Duration::from_secs(45)), "45s");
        assert_eq!(human_age(Duration::from_secs(12 * 60 + 5)), "12m");
        assert_eq!(human_age(Duration::from_secs(5 * 3600)), "5h");
        assert_eq!(human_age(Duration::from_secs(3 * 86_400)), "3d");
    }
}
