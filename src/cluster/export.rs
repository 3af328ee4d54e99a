//! Reading what another organisation needs to join this network: per node its reachable
//! address and ports and its public identity, plus the genesis. Everything comes from objects
//! fetched by exact name (never a substring match: `node1` is not `node10`), from the peer
//! Service, the identity ConfigMap and the genesis ConfigMap. No Secret is ever read.
//!
//! Where peers reach a node: a LoadBalancer Service's ingress address and Service ports; for
//! a NodePort Service, the NodePorts on `node_ip` if given, else the ExternalIP of a Ready
//! Kubernetes node, else its InternalIP (with a warning: that address is often private).

use std::str::FromStr;

use base64::Engine;
use k8s_openapi::api::core::v1::{ConfigMap, Node, Service, ServiceSpec};

use super::connect::Connection;
use super::error::ClusterError;
use crate::k8s::names::{self, identity_keys};
use crate::keys::{address, enode};
use crate::network::{Consensus, ports};

/// One node as other networks reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedNode {
    pub name: String,
    /// IP address or DNS name.
    pub host: String,
    pub p2p_port: u16,
    /// Present when the node runs Tessera.
    pub tessera_port: Option<u16>,
    /// Present for raft nodes.
    pub raft_port: Option<u16>,
    /// 128 hex digits.
    pub enode_id: String,
    pub node_address: String,
    pub account_address: String,
    pub tm_public_key: Option<String>,
    pub consensus: Consensus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedNetwork {
    pub nodes: Vec<ExportedNode>,
    /// The deployed genesis, verbatim.
    pub genesis_json: String,
    /// Doubts a user should hear about (such as an InternalIP used as the address).
    pub warnings: Vec<String>,
}

/// Reads `nodes` (in their order) from `namespace`. Requests: two per node, one for the
/// genesis, and one list of cluster nodes when a NodePort address must be found.
pub async fn read_public_nodes(
    conn: &Connection,
    namespace: &str,
    nodes: &[String],
    node_ip: Option<&str>,
) -> Result<ExportedNetwork, ClusterError> {
    let mut warnings = Vec::new();
    let mut node_address = NodeAddress::new(node_ip);
    let mut exported = Vec::new();
    for node in nodes {
        let service_name = names::peer_service(node);
        let service = conn
            .get_opt::<Service>(namespace, &service_name)
            .await?
            .ok_or_else(|| not_deployed(node, namespace, "Service", &service_name))?;
        let identity = read_identity(conn, namespace, node).await?;

        let spec = service.spec.clone().unwrap_or_default();
        let (host, use_node_port) = match exposure(&service) {
            Exposure::LoadBalancer(address) => (
                address.ok_or_else(|| ClusterError::NoLoadBalancerAddress {
                    node: node.clone(),
                    service: service_name.clone(),
                })?,
                false,
            ),
            Exposure::NodePort => (node_address.get(conn, &mut warnings).await?, true),
            Exposure::ClusterIp => {
                return Err(ClusterError::NotExposed {
                    node: node.clone(),
                    service: service_name,
                });
            }
        };
        let missing = |number: u16, what: &'static str| ClusterError::MissingPort {
            node: node.clone(),
            service: service_name.clone(),
            what,
            port: number,
        };
        let port = |number: u16, what: &'static str| -> Option<Result<u16, ClusterError>> {
            exposed_port(&spec, number, use_node_port)
                .map(|p| p.ok_or_else(|| missing(number, what)))
        };
        let required =
            |number, what| port(number, what).unwrap_or_else(|| Err(missing(number, what)));
        let p2p_port = required(ports::P2P, "devp2p")?;
        let tessera_port = match identity.tm_public_key {
            Some(_) => Some(required(ports::TESSERA_P2P, "Tessera P2P")?),
            None => port(ports::TESSERA_P2P, "Tessera P2P").transpose()?,
        };
        let raft_port = match identity.consensus {
            Consensus::Raft => Some(required(ports::RAFT, "raft")?),
            _ => None,
        };
        exported.push(ExportedNode {
            name: node.clone(),
            host,
            p2p_port,
            tessera_port,
            raft_port,
            enode_id: identity.enode_id,
            node_address: identity.node_address,
            account_address: identity.account_address,
            tm_public_key: identity.tm_public_key,
            consensus: identity.consensus,
        });
    }
    let genesis_json = read_genesis(conn, namespace).await?;
    Ok(ExportedNetwork {
        nodes: exported,
        genesis_json,
        warnings,
    })
}

fn not_deployed(node: &str, namespace: &str, kind: &str, name: &str) -> ClusterError {
    ClusterError::NotDeployed {
        node: node.into(),
        namespace: namespace.into(),
        missing: format!("{kind} `{name}`"),
    }
}

/// How a node's peer Service is reached from outside the cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exposure {
    /// At the load balancer's address (an IP or a DNS name; `None` until the cloud assigns
    /// one), on the Service ports.
    LoadBalancer(Option<String>),
    /// On every cluster node's address, at the NodePorts.
    NodePort,
    /// Not at all: only inside the cluster.
    ClusterIp,
}

/// How `service` is reached from outside the cluster, by its type.
pub fn exposure(service: &Service) -> Exposure {
    let service_type = service.spec.as_ref().and_then(|s| s.type_.as_deref());
    match service_type.unwrap_or("ClusterIP") {
        "LoadBalancer" => Exposure::LoadBalancer(load_balancer_address(service)),
        "NodePort" => Exposure::NodePort,
        _ => Exposure::ClusterIp,
    }
}

/// The port peers dial for the Service port `number`: its NodePort when `node_port`, else the
/// Service port itself. `None` when the Service has no such port; `Some(None)` when it has no
/// NodePort (yet).
pub fn exposed_port(spec: &ServiceSpec, number: u16, node_port: bool) -> Option<Option<u16>> {
    let entry = spec
        .ports
        .iter()
        .flatten()
        .find(|p| p.port == i32::from(number))?;
    let exposed = if node_port {
        entry.node_port
    } else {
        Some(entry.port)
    };
    Some(exposed.and_then(|p| u16::try_from(p).ok()))
}

fn load_balancer_address(service: &Service) -> Option<String> {
    service
        .status
        .as_ref()
        .and_then(|s| s.load_balancer.as_ref())
        .and_then(|lb| lb.ingress.as_ref())
        .into_iter()
        .flatten()
        .find_map(|ingress| ingress.ip.clone().or_else(|| ingress.hostname.clone()))
}

/// The address on which the cluster's nodes serve NodePorts: `--node-ip` when given, else
/// read from the Node objects on first use (one list) and kept.
#[derive(Debug, Clone, Default)]
pub struct NodeAddress {
    known: Option<String>,
}

impl NodeAddress {
    pub fn new(node_ip: Option<&str>) -> NodeAddress {
        NodeAddress {
            known: node_ip.map(str::to_string),
        }
    }

    /// The address; doubts about it (an InternalIP) are pushed to `warnings`.
    pub async fn get(
        &mut self,
        conn: &Connection,
        warnings: &mut Vec<String>,
    ) -> Result<String, ClusterError> {
        if let Some(address) = &self.known {
            return Ok(address.clone());
        }
        let address = node_address(conn, warnings).await?;
        self.known = Some(address.clone());
        Ok(address)
    }
}

/// `host:port`, with an IPv6 host in brackets.
pub fn host_port(host: &str, port: u16) -> String {
    if host.parse::<std::net::Ipv6Addr>().is_ok() {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

/// An address of a Ready Kubernetes node (by name order, so repeated exports agree):
/// an ExternalIP if any node has one, else an InternalIP with a warning.
async fn node_address(
    conn: &Connection,
    warnings: &mut Vec<String>,
) -> Result<String, ClusterError> {
    let nodes: Vec<Node> = conn.list_cluster("").await?;
    let mut ready: Vec<Node> = nodes
        .into_iter()
        .filter(|n| {
            let conditions = n.status.as_ref().and_then(|s| s.conditions.as_ref());
            conditions
                .into_iter()
                .flatten()
                .any(|c| c.type_ == "Ready" && c.status == "True")
        })
        .collect();
    ready.sort_by(|a, b| a.metadata.name.cmp(&b.metadata.name));
    let address_of = |kind: &str| {
        ready.iter().find_map(|n| {
            let addresses = n.status.as_ref().and_then(|s| s.addresses.as_ref());
            let address = addresses.into_iter().flatten().find(|a| a.type_ == kind)?;
            Some((
                n.metadata.name.clone().unwrap_or_default(),
                address.address.clone(),
            ))
        })
    };
    if let Some((_, ip)) = address_of("ExternalIP") {
        return Ok(ip);
    }
    let (name, ip) = address_of("InternalIP").ok_or(ClusterError::NoNodeAddress)?;
    warnings.push(format!(
        "no Ready Kubernetes node has an ExternalIP; using the InternalIP `{ip}` of node `{name}`, \
         which other networks may not reach; pass `--node-ip` with a reachable address"
    ));
    Ok(ip)
}

/// The validated public identity of a node, as its identity ConfigMap holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub enode_id: String,
    /// The nodekey's address: what an IBFT/QBFT validator set holds.
    pub node_address: String,
    /// The account's address: what a clique signer set holds.
    pub account_address: String,
    pub tm_public_key: Option<String>,
    pub consensus: Consensus,
}

impl Identity {
    /// The address the engine's votes name; raft has none.
    pub fn voting_address(&self) -> Option<&str> {
        self.consensus
            .voting_address(&self.node_address, &self.account_address)
    }
}

/// The deployed identity of `node`.
pub async fn read_identity(
    conn: &Connection,
    namespace: &str,
    node: &str,
) -> Result<Identity, ClusterError> {
    let cm_name = names::identity_configmap(node);
    let cm = conn
        .get_opt::<ConfigMap>(namespace, &cm_name)
        .await?
        .ok_or_else(|| not_deployed(node, namespace, "ConfigMap", &cm_name))?;
    Identity::read(node, &cm_name, &cm)
}

impl Identity {
    fn read(node: &str, cm_name: &str, cm: &ConfigMap) -> Result<Self, ClusterError> {
        let bad = |problem: String| ClusterError::BadIdentity {
            node: node.into(),
            configmap: cm_name.into(),
            problem,
        };
        let data = cm.data.clone().unwrap_or_default();
        let key = |key: &str| data.get(key).map(|v| v.trim().to_string());
        let required = |k: &str| key(k).ok_or_else(|| bad(format!("has no key `{k}`")));
        if let Some(named) = key(identity_keys::NODE).filter(|n| n != node) {
            return Err(bad(format!("belongs to node `{named}`")));
        }
        let enode_id = required(identity_keys::ENODE_ID)?.to_ascii_lowercase();
        enode::parse_id(&enode_id)
            .map_err(|e| bad(format!("has a bad `{}`: {e}", identity_keys::ENODE_ID)))?;
        let checked_address = |k: &str| -> Result<String, ClusterError> {
            let value = required(k)?;
            let bytes = address::parse(&value).map_err(|e| bad(format!("has a bad `{k}`: {e}")))?;
            Ok(address::to_checksum(&bytes))
        };
        let node_address = checked_address(identity_keys::NODE_ADDRESS)?;
        let account_address = checked_address(identity_keys::ACCOUNT_ADDRESS)?;
        let tm_public_key = key(identity_keys::TM_PUB).filter(|k| !k.is_empty());
        if let Some(tm) = &tm_public_key {
            let decoded = base64::engine::general_purpose::STANDARD.decode(tm);
            if decoded.map(|b| b.len()) != Ok(32) {
                return Err(bad(format!(
                    "has a bad `{}`: expected the base64 of 32 bytes",
                    identity_keys::TM_PUB
                )));
            }
        }
        let consensus = Consensus::from_str(&required(identity_keys::CONSENSUS)?)
            .map_err(|e| bad(format!("has a bad `{}`: {e}", identity_keys::CONSENSUS)))?;
        Ok(Identity {
            enode_id,
            node_address,
            account_address,
            tm_public_key,
            consensus,
        })
    }
}

async fn read_genesis(conn: &Connection, namespace: &str) -> Result<String, ClusterError> {
    let bad = |problem: &str| ClusterError::BadGenesis {
        namespace: namespace.into(),
        configmap: names::GENESIS_CONFIGMAP.into(),
        problem: problem.into(),
    };
    let cm = conn
        .get_opt::<ConfigMap>(namespace, names::GENESIS_CONFIGMAP)
        .await?
        .ok_or_else(|| bad("does not exist"))?;
    let genesis = cm
        .data
        .and_then(|mut d| d.remove(names::GENESIS_KEY))
        .ok_or_else(|| bad(&format!("has no key `{}`", names::GENESIS_KEY)))?;
    serde_json::from_str::<serde_json::Value>(&genesis).map_err(|e| {
        bad(&format!(
            "holds invalid JSON under `{}`: {e}",
            names::GENESIS_KEY
        ))
    })?;
    Ok(genesis)
}
