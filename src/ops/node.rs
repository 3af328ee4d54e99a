//! `qctl node add | ls | rm`: edits of the `nodes` list, and what is known of each node.

use std::fs;
use std::path::{Path, PathBuf};

use super::OpsError;
use crate::config::model::{check_dns_label, check_key_dir};
use crate::config::{self, ConfigError, Loaded, NodeSpec, edit};
use crate::keys::files;
use crate::layout::Layout;
use crate::network::{Consensus, TxManagerKind, ports};

mod stop;
mod update;
pub use stop::{StopOptions, check_local_node, stop_or_start};
pub use update::{FieldChange, NodeUpdateOptions, NodeUpdated, update};

/// The settings of a node that `node add` and `node update` take; `None`: not given.
#[derive(Debug, Clone, Default)]
pub struct NodeSettings {
    pub key_dir: Option<String>,
    pub consensus: Option<Consensus>,
    pub quorum_version: Option<semver::Version>,
    pub tm: Option<TxManagerKind>,
    pub tm_version: Option<semver::Version>,
    pub quorum_image: Option<String>,
    pub tm_image: Option<String>,
    pub geth_params: Option<String>,
}

/// `node add`: values not given default to the genesis and the first node.
#[derive(Debug, Clone, Default)]
pub struct NodeAddOptions {
    pub name: String,
    pub settings: NodeSettings,
    /// Where `generate` writes, to find the genesis the network already runs.
    pub out: PathBuf,
}

/// Appends a node; returns the entry written.
pub fn add(path: &Path, opts: &NodeAddOptions) -> Result<NodeSpec, ConfigError> {
    let invalid = |message: String| ConfigError::Conflict {
        path: path.into(),
        message,
    };
    let given = &opts.settings;
    check_dns_label(&opts.name).map_err(|m| invalid(format!("node name {m}")))?;
    let key_dir = given
        .key_dir
        .clone()
        .unwrap_or_else(|| format!("key-{}", opts.name));
    check_key_dir(&key_dir).map_err(|m| invalid(format!("--key-dir {m}")))?;
    let (_, spec) = config::update(path, |loaded| {
        let c = &loaded.config;
        if c.names().any(|n| n == opts.name) {
            return Err(invalid(format!(
                "a node named `{}` already exists; node names must be unique across nodes and external_nodes",
                opts.name
            )));
        }
        let first = c.nodes.first();
        let spec = NodeSpec {
            name: opts.name.clone(),
            key_dir: key_dir.clone(),
            consensus: given.consensus.unwrap_or(c.genesis.consensus),
            quorum_version: given
                .quorum_version
                .clone()
                .unwrap_or_else(|| c.genesis.quorum_version.clone()),
            tm: given
                .tm
                .or(first.map(|n| n.tm))
                .unwrap_or(TxManagerKind::Tessera),
            tm_version: given
                .tm_version
                .clone()
                .or(first.map(|n| n.tm_version.clone()))
                .unwrap_or_else(|| c.genesis.tm_version.clone()),
            quorum_image: given.quorum_image.clone(),
            tm_image: given.tm_image.clone(),
            geth_params: given.geth_params.clone().unwrap_or_default(),
        };
        check_node(
            loaded,
            &opts.out,
            &spec.name,
            &spec.key_dir,
            spec.tm,
            &spec.geth_params,
        )
        .map_err(invalid)?;
        let text = edit::append_item(&loaded.text, "nodes", &spec.entry()).map_err(|source| {
            ConfigError::Edit {
                path: path.into(),
                source,
            }
        })?;
        Ok((text, spec))
    })?;
    Ok(spec)
}

/// What `node add` and `node update` check of a node's settings against the rest of the
/// config: its key dir is its own, its geth flags split into arguments, and a node without
/// Tessera is only where the genesis allows it.
pub(super) fn check_node(
    loaded: &Loaded,
    out: &Path,
    name: &str,
    key_dir: &str,
    tm: TxManagerKind,
    geth_params: &str,
) -> Result<(), String> {
    check_key_dir(key_dir).map_err(|m| format!("--key-dir {m}"))?;
    crate::k8s::split_geth_params(geth_params).map_err(|reason| {
        format!(
            "--geth-params `{geth_params}` cannot be split into arguments ({reason}); quote and \
             escape them as in a POSIX shell"
        )
    })?;
    if let Some(other) = loaded
        .config
        .nodes
        .iter()
        .find(|n| n.key_dir == key_dir && n.name != name)
    {
        return Err(format!(
            "key dir `{key_dir}` is already used by node `{}`; pass another --key-dir",
            other.name
        ));
    }
    if tm == TxManagerKind::None {
        check_genesis_allows_no_tessera(loaded, out, name)?;
    }
    Ok(())
}

/// Refuses a node without Tessera when the genesis the network runs (pinned, else the one
/// `generate` wrote) turns privacy enhancements on: its geth would exit at start.
fn check_genesis_allows_no_tessera(loaded: &Loaded, out: &Path, name: &str) -> Result<(), String> {
    let (path, fix) = match &loaded.config.paths.genesis_file {
        Some(file) => (
            loaded.base_dir().join(file),
            "add it with `--tm tessera`: the network it joins uses private transactions",
        ),
        None => (
            Layout::new(loaded, out).genesis(),
            "add it with `--tm tessera` (only a new chain, `qctl generate --recreate`, can drop \
             privacy enhancements)",
        ),
    };
    let Ok(genesis) = fs::read_to_string(&path) else {
        return Ok(());
    };
    let shown = format!("`{}`", path.display());
    match crate::genesis::tessera_less_problem(&genesis, &[name], &shown, fix) {
        Some(problem) => Err(problem),
        None => Ok(()),
    }
}

/// Why `name` names no local node: the local nodes there are, or that it is an external one.
pub fn unknown_node(loaded: &Loaded, name: &str) -> String {
    let c = &loaded.config;
    if c.external_nodes.iter().any(|n| n.name == name) {
        return format!(
            "`{name}` is an external node (another organisation runs it); `qctl external rm {name}` removes it"
        );
    }
    let known: Vec<_> = c.nodes.iter().map(|n| n.name.as_str()).collect();
    format!("no node named `{name}`; nodes are: {}", known.join(", "))
}

/// What `node rm` did.
#[derive(Debug, Clone)]
pub struct NodeRemoved {
    pub name: String,
    pub key_dir: PathBuf,
    pub keys_purged: bool,
}

/// Removes a node from the config; with `purge_keys`, also its key dir.
pub fn remove(
    path: &Path,
    out: &Path,
    name: &str,
    purge_keys: bool,
) -> crate::error::Result<NodeRemoved> {
    let (loaded, key_dir) = config::update(path, |loaded| {
        let c = &loaded.config;
        let Some(index) = c.nodes.iter().position(|n| n.name == name) else {
            return Err(ConfigError::Conflict {
                path: path.into(),
                message: unknown_node(loaded, name),
            });
        };
        if c.nodes.len() == 1 {
            return Err(ConfigError::Conflict {
                path: path.into(),
                message: format!("`{name}` is the only node; a network needs at least one"),
            });
        }
        let key_dir = c.nodes[index].key_dir.clone();
        let text = edit::remove_item(&loaded.text, "nodes", index).map_err(|source| {
            ConfigError::Edit {
                path: path.into(),
                source,
            }
        })?;
        Ok((text, key_dir))
    })?;
    let dir = Layout::new(&loaded, out).key_dir(&key_dir);
    let keys_purged = purge_keys && dir.exists();
    if keys_purged {
        fs::remove_dir_all(&dir).map_err(OpsError::io("remove", &dir))?;
    }
    Ok(NodeRemoved {
        name: name.to_string(),
        key_dir: dir,
        keys_purged,
    })
}

/// Whether a node runs in this network's cluster or is another organisation's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Local,
    External,
    /// A qctl-labelled workload in the namespace that the config no longer describes.
    Orphan,
}

impl NodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Local => "local",
            NodeKind::External => "external",
            NodeKind::Orphan => "orphan",
        }
    }
}

/// One row of `node ls`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NodeInfo {
    pub name: String,
    pub kind: NodeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_dir: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consensus: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quorum_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tm: Option<String>,
    /// The full enode URL (a local node's at its Service name, as its peers dial it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tm_public_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tm_url: Option<String>,
}

/// Lists nodes (all, or the one named), with public key facts from `out/` when generated.
pub fn list(loaded: &Loaded, out: &Path, name: Option<&str>) -> Result<Vec<NodeInfo>, ConfigError> {
    let paths = Layout::new(loaded, out);
    let read = |dir: &Path, file: &str| {
        fs::read_to_string(dir.join(file))
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let mut rows: Vec<NodeInfo> = loaded
        .config
        .nodes
        .iter()
        .map(|n| {
            let dir = paths.key_dir(&n.key_dir);
            NodeInfo {
                name: n.name.clone(),
                kind: NodeKind::Local,
                key_dir: Some(n.key_dir.clone()),
                consensus: Some(n.consensus.to_string()),
                quorum_version: Some(n.quorum_version.to_string()),
                tm: Some(match n.tm {
                    TxManagerKind::None => "none".to_string(),
                    kind => format!("{} {}", kind.as_str(), n.tm_version),
                }),
                enode: read(&dir, files::ENODE).map(|id| {
                    let raft = match n.consensus {
                        Consensus::Raft => format!("&raftport={}", ports::RAFT),
                        _ => String::new(),
                    };
                    format!("enode://{id}@{}:{}?discport=0{raft}", n.name, ports::P2P)
                }),
                address: read(&dir, files::ADDRESS),
                tm_public_key: read(&dir, files::TM_PUB),
                tm_url: None,
            }
        })
        .chain(loaded.config.external_nodes.iter().map(|e| NodeInfo {
            name: e.name.clone(),
            kind: NodeKind::External,
            key_dir: None,
            consensus: None,
            quorum_version: None,
            tm: None,
            enode: Some(e.enode_url.clone()),
            address: e.node_acct_addr.clone(),
            tm_public_key: e.tm_public_key.clone(),
            tm_url: e.tm_url.clone(),
        }))
        .collect();
    if let Some(name) = name {
        rows.retain(|r| r.name == name);
        if rows.is_empty() {
            return Err(ConfigError::Conflict {
                path: loaded.path.clone(),
                message: format!("no node named `{name}`"),
            });
        }
    }
    Ok(rows)
}
