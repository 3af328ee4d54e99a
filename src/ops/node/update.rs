//! `node update`: changes the settings given of one node, in place in the config. Validated
//! as `node add` validates a new node, and refused when the change needs another identity.

use std::path::{Path, PathBuf};

use super::{NodeSettings, check_node};
use crate::config::{self, ConfigError, Loaded, NodeEntry, NodeField, set_node_field};
use crate::layout::Layout;
use crate::network::Consensus;

/// `node update NAME`.
#[derive(Debug, Clone, Default)]
pub struct NodeUpdateOptions {
    pub name: String,
    pub settings: NodeSettings,
    /// Where `generate` writes: the node's keys and the genesis the network runs.
    pub out: PathBuf,
}

/// One setting that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The config field, e.g. `nodes[1].quorum.quorum.Quorum_Version`.
    pub field: String,
    pub from: String,
    pub to: String,
}

/// What `node update` did: nothing when every given value was already the node's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeUpdated {
    pub name: String,
    pub changes: Vec<FieldChange>,
}

/// Sets the given settings of node `opts.name`. Everything is checked before the file is
/// written; a refused change leaves it untouched.
pub fn update(path: &Path, opts: &NodeUpdateOptions) -> Result<NodeUpdated, ConfigError> {
    let invalid = |message: String| ConfigError::Conflict {
        path: path.into(),
        message,
    };
    let (_, changes) = config::update(path, |loaded| {
        let c = &loaded.config;
        let Some(index) = c.nodes.iter().position(|n| n.name == opts.name) else {
            return Err(invalid(super::unknown_node(loaded, &opts.name)));
        };
        let node = &c.nodes[index];
        let given = &opts.settings;
        let key_dir = given.key_dir.as_deref().unwrap_or(&node.key_dir);
        let tm = given.tm.unwrap_or(node.tm);
        let geth_params = given.geth_params.as_deref().unwrap_or(&node.geth_params);
        check_node(loaded, &opts.out, &node.name, key_dir, tm, geth_params)
            .map_err(|m| invalid(format!("node `{}`: {m}", node.name)))?;
        check_identity_kept(loaded, &opts.out, index, given).map_err(invalid)?;
        let changes = changes(index, node, given);
        let mut text = loaded.text.clone();
        for (field, change) in &changes {
            text = set_node_field(&text, index, *field, &change.to).map_err(|source| {
                ConfigError::Edit {
                    path: path.into(),
                    source,
                }
            })?;
        }
        Ok((text, changes.into_iter().map(|(_, c)| c).collect()))
    })?;
    Ok(NodeUpdated {
        name: opts.name.clone(),
        changes,
    })
}

/// The given settings that differ from those of `nodes[index]`, with the field each is
/// written to.
fn changes(index: usize, node: &NodeEntry, given: &NodeSettings) -> Vec<(NodeField, FieldChange)> {
    let text = |v: &Option<semver::Version>| v.as_ref().map(ToString::to_string);
    let settings: [(NodeField, Option<String>, String); 8] = [
        (
            NodeField::KeyDir,
            given.key_dir.clone(),
            node.key_dir.clone(),
        ),
        (
            NodeField::Consensus,
            given.consensus.map(|c| c.as_str().to_string()),
            node.consensus.as_str().to_string(),
        ),
        (
            NodeField::QuorumVersion,
            text(&given.quorum_version),
            node.quorum_version.to_string(),
        ),
        (
            NodeField::QuorumImage,
            given.quorum_image.clone(),
            node.quorum_image.clone(),
        ),
        (
            NodeField::Tm,
            given.tm.map(|t| t.as_str().to_string()),
            node.tm.as_str().to_string(),
        ),
        (
            NodeField::TmVersion,
            text(&given.tm_version),
            node.tm_version.to_string(),
        ),
        (
            NodeField::TmImage,
            given.tm_image.clone(),
            node.tm_image.clone(),
        ),
        (
            NodeField::GethParams,
            given.geth_params.clone(),
            node.geth_params.clone(),
        ),
    ];
    settings
        .into_iter()
        .filter_map(|(field, to, from)| {
            let to = to.filter(|to| *to != from)?;
            let change = FieldChange {
                field: field.field(index),
                from,
                to,
            };
            Some((field, change))
        })
        .collect()
}

/// Refuses what an existing node cannot take and stay itself: another key dir once it has
/// keys (its enode id and addresses are those keys), and a consensus engine the chain does
/// not run (the genesis fixes it; IBFT and QBFT share their validators, nodekey addresses).
fn check_identity_kept(
    loaded: &Loaded,
    out: &Path,
    index: usize,
    given: &NodeSettings,
) -> Result<(), String> {
    let node = &loaded.config.nodes[index];
    let genesis = loaded.config.genesis.consensus;
    if let Some(consensus) = given.consensus
        && !(consensus == genesis || consensus.is_bft() && genesis.is_bft())
    {
        let valid = if genesis.is_bft() {
            format!("{} or {}", Consensus::Qbft, Consensus::Istanbul)
        } else {
            genesis.to_string()
        };
        return Err(format!(
            "{}: node `{}` cannot run {consensus} on this chain, whose genesis.consensus is \
             {genesis}: the genesis fixes the consensus engine; use {valid}, or start a new chain \
             (change genesis.consensus, then `qctl generate --recreate`: new keys, new genesis)",
            NodeField::Consensus.field(index),
            node.name
        ));
    }
    if let Some(key_dir) = given.key_dir.as_deref().filter(|d| *d != node.key_dir) {
        let keys = Layout::new(loaded, out).key_dir(&node.key_dir);
        if keys.exists() {
            return Err(format!(
                "{}: `{key_dir}` would give node `{}` a new identity: its keys (enode id, \
                 addresses) are in `{}`, and a running network knows it by them; keep \
                 `{}` (rename the folder by hand and set Key_Dir to move it), or give the new \
                 identity a new node (`qctl node rm {}`, `qctl node add NAME --key-dir {key_dir}`)",
                NodeField::KeyDir.field(index),
                node.name,
                keys.display(),
                node.key_dir,
                node.name
            ));
        }
    }
    Ok(())
}
