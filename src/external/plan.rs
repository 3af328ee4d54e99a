//! Deciding what an import changes, against what this network already has. Pure: the caller
//! gathers a [`LocalView`] from the config and `out/`, and applies the [`ImportPlan`].

use std::collections::{HashMap, HashSet};
use std::net::{IpAddr, Ipv4Addr};

use super::error::{BundleError, Problem, Problems, shown};
use super::url::Host;
use super::url::{EnodeUrl, TmUrl};
use super::validate::ValidBundle;
use crate::network::{Consensus, ExternalNode};

/// What the importing side has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalView {
    /// `genesis.Chain_Id` of the config.
    pub chain_id: u64,
    /// `genesis.consensus` of the config.
    pub consensus: Consensus,
    /// Nodes this organisation runs.
    pub nodes: Vec<LocalNodeRef>,
    /// `external_nodes` already in the config.
    pub external: Vec<ExternalNode>,
    /// The genesis this network is pinned to, if one was imported before.
    pub pinned_genesis: Option<PinnedGenesis>,
    /// SHA-256 (as [`super::genesis_sha256`]) of the genesis `generate` wrote, when the network
    /// is not pinned and has one.
    pub generated_genesis_sha256: Option<String>,
    /// Names of the in-cluster objects of the local nodes (their Services and workloads), which
    /// a bundle must not name as peer hosts.
    pub object_names: Vec<String>,
}

/// A local node by name, with its enode id once its keys exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalNodeRef {
    pub name: String,
    pub enode_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinnedGenesis {
    /// Lower-case hex SHA-256 of the pinned `genesis.json` bytes.
    pub sha256: String,
    pub chain_id: u64,
}

/// A genesis to store and pin: write `json` verbatim; `sha256` is its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenesisToPin {
    pub json: String,
    pub sha256: String,
}

/// What an import does. Empty `add` and `replace` and no genesis: nothing to write.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    /// New `external_nodes` entries.
    pub add: Vec<ExternalNode>,
    /// Entries that overwrite the external node of the same name (`--replace`).
    pub replace: Vec<ExternalNode>,
    /// Names of entries already present with the same content.
    pub unchanged: Vec<String>,
    pub genesis_to_pin: Option<GenesisToPin>,
}

impl ImportPlan {
    pub fn is_noop(&self) -> bool {
        self.add.is_empty() && self.replace.is_empty() && self.genesis_to_pin.is_none()
    }
}

/// Plans importing `bundle` into `local`. Refuses, listing every conflict: another chain or
/// genesis, a name taken by a local node, an enode id used by another node, and (without
/// `replace`) an external node of the same name with different content.
pub fn plan_import(
    bundle: &ValidBundle,
    local: &LocalView,
    replace: bool,
) -> Result<ImportPlan, BundleError> {
    let origin = &bundle.origin;
    let mut problems = Vec::new();
    // A bundle that brings its genesis to an unpinned network replaces the generated one.
    let will_pin = local.pinned_genesis.is_none() && bundle.genesis.is_some();
    if let Some(network) = &bundle.network
        && !will_pin
        && let Some(generated) = &local.generated_genesis_sha256
        && network.genesis_sha256 != generated.to_ascii_lowercase()
    {
        problems.push(origin.problem(
            "network.genesisSha256",
            format!(
                "bundle is from a different network: its genesis SHA-256 is {} but this network's \
                 genesis has {}",
                shown(&network.genesis_sha256),
                shown(generated)
            ),
        ));
    }
    if let Some(network) = &bundle.network {
        if network.chain_id != local.chain_id {
            problems.push(origin.problem(
                "network.chainId",
                format!(
                    "bundle is from a different network: its chain id is {} but this network's `genesis.Chain_Id` is {}",
                    network.chain_id, local.chain_id
                ),
            ));
        }
        if network.consensus != local.consensus {
            problems.push(origin.problem(
                "network.consensus",
                format!(
                    "bundle is from a different network: it runs {} but this network's `genesis.consensus` is {}",
                    network.consensus, local.consensus
                ),
            ));
        }
        if let Some(pinned) = &local.pinned_genesis {
            if network.chain_id != pinned.chain_id {
                problems.push(origin.problem(
                    "network.chainId",
                    format!(
                        "bundle is from a different network: its chain id is {} but the pinned genesis has {}",
                        network.chain_id, pinned.chain_id
                    ),
                ));
            }
            if network.genesis_sha256 != pinned.sha256.to_ascii_lowercase() {
                problems.push(origin.problem(
                    "network.genesisSha256",
                    format!(
                        "bundle is from a different network: its genesis SHA-256 is {} but this network is pinned to {}",
                        shown(&network.genesis_sha256),
                        shown(&pinned.sha256)
                    ),
                ));
            }
        }
    }
    // Lookups by name and by enode id, built once: a bundle of thousands of nodes against a
    // config of thousands stays linear.
    let local_names: HashSet<&str> = local.nodes.iter().map(|l| l.name.as_str()).collect();
    let mut local_ids: HashMap<String, &str> = HashMap::new();
    for l in &local.nodes {
        if let Some(id) = &l.enode_id {
            local_ids
                .entry(id.to_ascii_lowercase())
                .or_insert(l.name.as_str());
        }
    }
    let mut external_by_name: HashMap<&str, &ExternalNode> = HashMap::new();
    let mut external_ids: HashMap<String, Vec<&str>> = HashMap::new();
    for e in &local.external {
        external_by_name.entry(e.name.as_str()).or_insert(e);
        if let Some(id) = enode_id_of(&e.enode_url) {
            external_ids.entry(id).or_default().push(e.name.as_str());
        }
    }
    let mut plan = ImportPlan::default();
    for (i, (node, id)) in bundle.nodes.iter().zip(&bundle.enode_ids).enumerate() {
        let field = |name: &str| format!("external_nodes[{i}].{name}");
        if local_names.contains(node.name.as_str()) {
            problems.push(origin.problem(
                field("Node_UserIdent"),
                format!(
                    "`{}` is a node of this network; an imported node needs a name no local node uses",
                    node.name
                ),
            ));
            continue;
        }
        let id = id.to_ascii_lowercase();
        let local_owner = local_ids
            .get(&id)
            .map(|name| format!("local node `{name}`"));
        let external_owner = || {
            external_ids
                .get(&id)
                .and_then(|names| names.iter().find(|n| **n != node.name))
                .map(|name| format!("external node `{name}`"))
        };
        if let Some(owner) = local_owner.or_else(external_owner) {
            problems.push(origin.problem(
                field("Enode_Url"),
                format!(
                    "enode id of `{}` is already used by {owner}; one node cannot appear under two names",
                    node.name
                ),
            ));
            continue;
        }
        match external_by_name.get(node.name.as_str()) {
            None => plan.add.push(node.clone()),
            Some(existing) => match differences(existing, node).as_slice() {
                [] => plan.unchanged.push(node.name.clone()),
                _ if replace => plan.replace.push(node.clone()),
                fields => problems.push(origin.problem(
                    field("Node_UserIdent"),
                    format!(
                        "external node `{}` is already in the config with a different {}; import with `--replace` to overwrite it",
                        node.name,
                        fields.join(" and ")
                    ),
                )),
            },
        }
    }
    if !problems.is_empty() {
        return Err(BundleError::Conflicts {
            input: origin.input.clone(),
            problems: Problems(problems),
        });
    }
    if local.pinned_genesis.is_none() {
        plan.genesis_to_pin =
            bundle
                .genesis
                .clone()
                .zip(bundle.network.as_ref())
                .map(|(json, n)| GenesisToPin {
                    json,
                    sha256: n.genesis_sha256.clone(),
                });
    }
    Ok(plan)
}

/// Refuses peer hosts a node of another organisation cannot mean: loopback, link-local
/// (169.254.169.254 is the cloud metadata service), unspecified, multicast and broadcast
/// addresses, also as IPv4-mapped IPv6; names that resolve inside this cluster (`*.svc`,
/// `*.cluster.local`, `kubernetes.default…`, `localhost`, single labels) and short names of
/// this network's own objects. Such a host would point this network's nodes at itself or at
/// the cluster's internals. `add-external --allow-private-peers` skips the check.
pub fn check_peer_hosts(bundle: &ValidBundle, local: &LocalView) -> Result<(), BundleError> {
    let origin = &bundle.origin;
    let mut problems: Vec<Problem> = Vec::new();
    let local_objects: HashSet<&str> = local
        .nodes
        .iter()
        .map(|n| n.name.as_str())
        .chain(local.object_names.iter().map(String::as_str))
        .collect();
    for (i, node) in bundle.nodes.iter().enumerate() {
        let enode_host = node.enode_url.parse::<EnodeUrl>().ok().map(|u| u.host);
        let tm_host = node
            .tm_url
            .as_deref()
            .and_then(|u| u.parse::<TmUrl>().ok())
            .map(|u| u.host);
        for (field, host) in [("Enode_Url", enode_host), ("Tm_Url", tm_host)] {
            if let Some(why) = host.as_ref().and_then(|h| private_host(h, &local_objects)) {
                problems.push(origin.problem(
                    format!("external_nodes[{i}].{field}"),
                    format!(
                        "host `{}` {why}, not an address another organisation's node can be \
                         reached at; use the node's public address, or pass \
                         `--allow-private-peers` if this really is where it runs",
                        shown(&host.expect("checked").to_string())
                    ),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(BundleError::Invalid {
            input: origin.input.clone(),
            problems: Problems(problems),
        })
    }
}

/// Why `host` is private, or `None`. `local_objects` are the names of the local nodes and of
/// the objects qctl makes for them.
fn private_host(host: &Host, local_objects: &HashSet<&str>) -> Option<String> {
    fn v4(ip: Ipv4Addr) -> Option<&'static str> {
        if ip.is_loopback() {
            Some("is a loopback address")
        } else if ip.is_link_local() {
            Some("is a link-local address")
        } else if ip.is_unspecified() {
            Some("is the unspecified address")
        } else if ip.is_multicast() {
            Some("is a multicast address")
        } else if ip.is_broadcast() {
            Some("is the broadcast address")
        } else {
            None
        }
    }
    let why = match host {
        Host::Ip(IpAddr::V4(ip)) => v4(*ip),
        Host::Ip(IpAddr::V6(ip)) => {
            if ip.is_loopback() {
                Some("is a loopback address")
            } else if ip.is_unspecified() {
                Some("is the unspecified address")
            } else if ip.is_multicast() {
                Some("is a multicast address")
            } else if ip.segments()[0] & 0xffc0 == 0xfe80 {
                Some("is a link-local address")
            } else if let Some(mapped) = ip.to_ipv4_mapped() {
                v4(mapped).map(|_| "is an IPv4-mapped form of a private address")
            } else if ip.segments()[..6] == [0; 6] {
                // The deprecated IPv4-compatible form `::a.b.c.d`.
                ip.to_ipv4()
                    .and_then(v4)
                    .map(|_| "is an IPv4-compatible form of a private address")
            } else {
                None
            }
        }
        Host::Name(name) => {
            let name = name.trim_end_matches('.');
            let labels: Vec<&str> = name.split('.').collect();
            if name == "localhost" || name.ends_with(".localhost") {
                Some("names this machine")
            } else if name.ends_with(".svc")
                || name.contains(".svc.")
                || name.ends_with(".cluster.local")
                || name == "kubernetes"
                || name.starts_with("kubernetes.default")
            {
                Some("is a cluster-internal name")
            } else if labels.len() == 1 {
                Some("is a single-label name, which resolves inside the cluster")
            } else if labels.len() == 2 && local_objects.contains(labels[0]) {
                Some("names an object of this network (`<service>.<namespace>`)")
            } else {
                None
            }
        }
    };
    why.map(str::to_string)
}

/// Fields in which a configured external node differs from a validated one. The configured
/// entry may be hand-written, so it is compared in canonical form where it parses.
fn differences(existing: &ExternalNode, new: &ExternalNode) -> Vec<&'static str> {
    let canonical_enode = |url: &str| {
        url.parse::<EnodeUrl>()
            .map_or(url.to_string(), |e| e.to_string())
    };
    let canonical_tm = |url: &Option<String>| {
        url.as_deref()
            .map(|u| u.parse::<TmUrl>().map_or(u.to_string(), |t| t.to_string()))
    };
    let lower = |a: &Option<String>| a.as_deref().map(str::to_ascii_lowercase);
    [
        (
            "Enode_Url",
            canonical_enode(&existing.enode_url) != new.enode_url,
        ),
        ("Tm_Url", canonical_tm(&existing.tm_url) != new.tm_url),
        ("Tm_Public_Key", existing.tm_public_key != new.tm_public_key),
        (
            "Node_Acct_Addr",
            lower(&existing.validator_address) != lower(&new.validator_address),
        ),
    ]
    .into_iter()
    .filter_map(|(name, differs)| differs.then_some(name))
    .collect()
}

/// The enode id of an enode URL as found in a config, without judging the rest; lets a
/// hand-edited entry still be matched by identity.
fn enode_id_of(url: &str) -> Option<String> {
    let id = url.strip_prefix("enode://")?.split('@').next()?;
    Some(id.to_ascii_lowercase())
}
