//! Deciding what an import changes, against what this network already has. Pure: the caller
//! gathers a [`LocalView`] from the config and `out/`, and applies the [`ImportPlan`].

use super::error::{BundleError, Problems};
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
                        network.genesis_sha256, pinned.sha256
                    ),
                ));
            }
        }
    }
    let mut plan = ImportPlan::default();
    for (i, (node, id)) in bundle.nodes.iter().zip(&bundle.enode_ids).enumerate() {
        let field = |name: &str| format!("external_nodes[{i}].{name}");
        if local.nodes.iter().any(|l| l.name == node.name) {
            problems.push(origin.problem(
                field("Node_UserIdent"),
                format!(
                    "`{}` is a node of this network; an imported node needs a name no local node uses",
                    node.name
                ),
            ));
            continue;
        }
        let local_owner = local
            .nodes
            .iter()
            .find(|l| {
                l.enode_id
                    .as_deref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(id))
            })
            .map(|l| format!("local node `{}`", l.name));
        let external_owner = || {
            local
                .external
                .iter()
                .find(|e| e.name != node.name && enode_id_of(&e.enode_url).as_ref() == Some(id))
                .map(|e| format!("external node `{}`", e.name))
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
        match local.external.iter().find(|e| e.name == node.name) {
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
