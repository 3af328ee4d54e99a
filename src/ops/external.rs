//! `export-external` and `add-external`: the join bundle between organisations.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::OpsError;
use crate::cluster::{self, Cluster};
use crate::config::{self, ConfigError, Loaded, edit, external_entry, pin_genesis};
use crate::error::{Error, ErrorKind, Result};
use crate::external::{
    self, BundleError, ExportedNode, Format, ImportPlan, JoinBundle, LocalNodeRef, LocalView,
    PinnedGenesis, ValidBundle, genesis_sha256,
};
use crate::fsutil;
use crate::k8s::names;
use crate::keys::files;
use crate::layout::{Layout, PINNED_GENESIS_FILE};
use crate::network::ExternalNode;

pub struct ExportOptions<'a> {
    pub loaded: &'a Loaded,
    pub namespace: &'a str,
    pub node_ip: Option<&'a str>,
    /// Empty: every local node.
    pub nodes: &'a [String],
    pub with_genesis: bool,
    pub format: Format,
}

pub struct Exported {
    pub text: String,
    pub bundle: JoinBundle,
    pub warnings: Vec<String>,
}

/// Reads the deployed network's public facts and renders the join bundle.
pub fn export(cluster: &Cluster, opts: &ExportOptions) -> Result<Exported> {
    let config = &opts.loaded.config;
    let names: Vec<String> = if opts.nodes.is_empty() {
        config.nodes.iter().map(|n| n.name.clone()).collect()
    } else {
        for name in opts.nodes {
            if config.node(name).is_none() {
                let known: Vec<_> = config.nodes.iter().map(|n| n.name.as_str()).collect();
                return Err(OpsError::Invalid(format!(
                    "--nodes: no local node named `{name}`; local nodes are: {}",
                    known.join(", ")
                ))
                .into());
            }
        }
        opts.nodes.to_vec()
    };
    let read = cluster
        .run(|conn| cluster::read_public_nodes(conn, opts.namespace, &names, opts.node_ip))?;
    let nodes: Vec<ExportedNode> = read
        .nodes
        .iter()
        .map(|n| ExportedNode {
            name: n.name.clone(),
            host: n.host.clone(),
            p2p_port: n.p2p_port,
            raft_port: n.raft_port,
            tm_port: n.tessera_port,
            tm_public_key: n.tm_public_key.clone(),
            enode_id: n.enode_id.clone(),
            // What the other side votes on.
            node_address: n
                .consensus
                .voting_address(&n.node_address, &n.account_address)
                .map(str::to_string),
        })
        .collect();
    let mut bundle = external::build_bundle(
        config.genesis.chain_id,
        config.genesis.consensus,
        &read.genesis_json,
        &nodes,
    )?;
    if !opts.with_genesis {
        bundle.genesis = None;
    }
    Ok(Exported {
        text: external::render(&bundle, opts.format),
        bundle,
        warnings: read.warnings,
    })
}

/// What this network has, for planning an import.
pub fn local_view(loaded: &Loaded, paths: &Layout) -> Result<LocalView, OpsError> {
    let config = &loaded.config;
    let nodes = config
        .nodes
        .iter()
        .map(|n| LocalNodeRef {
            name: n.name.clone(),
            enode_id: fs::read_to_string(paths.key_dir(&n.key_dir).join(files::ENODE))
                .ok()
                .map(|s| s.trim().to_string()),
        })
        .collect();
    let pinned_genesis = match &config.paths.genesis_file {
        None => None,
        Some(file) => {
            let path = loaded.base_dir().join(file);
            let text = fs::read_to_string(&path)
                .map_err(OpsError::io("read the pinned genesis", &path))?;
            let chain_id = serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|g| g.pointer("/config/chainId").and_then(Value::as_u64))
                .ok_or_else(|| {
                    OpsError::Invalid(format!(
                        "pinned genesis `{}` has no config.chainId",
                        path.display()
                    ))
                })?;
            Some(PinnedGenesis {
                sha256: genesis_sha256(&text),
                chain_id,
            })
        }
    };
    let generated_genesis_sha256 = match pinned_genesis {
        Some(_) => None,
        None => fs::read_to_string(paths.genesis())
            .ok()
            .map(|text| genesis_sha256(&text)),
    };
    let object_names = config
        .nodes
        .iter()
        .flat_map(|n| {
            let name = n.name.as_str();
            [
                names::peer_service(name),
                names::rpc_service(name),
                names::workload(name),
            ]
        })
        .collect();
    Ok(LocalView {
        object_names,
        generated_genesis_sha256,
        chain_id: config.genesis.chain_id,
        consensus: config.genesis.consensus,
        nodes,
        external: config
            .external_nodes
            .iter()
            .map(ExternalNode::from)
            .collect(),
        pinned_genesis,
    })
}

/// Why qctl refuses raft across organisations.
pub const RAFT_ACROSS_CLUSTERS: &str = "raft cannot span two organisations' clusters: a node's \
    raft id is its position in static-nodes.json, which lists each side's own nodes first, so \
    the two sides number the nodes differently; a node with a raft log ignores static-nodes.json \
    when it restarts, so a running raft cluster admits new members only through raft.addPeer; \
    and raft nodes refuse p2p peers outside their raft cluster. Run both organisations on qbft \
    (`genesis.consensus: qbft`) to share one network";

/// Reads a bundle from a file or `-` (stdin), refusing more than the size limit without
/// reading it whole.
pub fn read_bundle(source: &str) -> Result<ValidBundle> {
    use std::io::Read;
    let limit = external::MAX_BUNDLE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if source == "-" {
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal() {
            return Err(OpsError::Invalid(
                "no bundle: pass a FILE, or pipe a bundle into `qctl add-external -`".into(),
            )
            .into());
        }
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                Error::new(
                    ErrorKind::Runtime,
                    anyhow::Error::new(e).context("cannot read the bundle from standard input"),
                )
            })?;
    } else {
        let path = PathBuf::from(source);
        let file = fs::File::open(&path).map_err(|e| {
            OpsError::Invalid(format!("cannot read the bundle `{}`: {e}", path.display()))
        })?;
        file.take(limit)
            .read_to_end(&mut bytes)
            .map_err(OpsError::io("read", &path))?;
    }
    Ok(external::load(&bytes, source)?)
}

/// Imports `bundle` into the config at `path` (whose generated files are in `out`) under its
/// lock. `confirm` sees the plan before anything is written and may cancel. Returns the plan
/// carried out.
pub fn import(
    path: &Path,
    out: &Path,
    bundle: &ValidBundle,
    replace: bool,
    allow_private_peers: bool,
    confirm: impl FnOnce(&ImportPlan) -> Result<bool>,
) -> Result<ImportPlan> {
    let (_, plan) = config::update(path, |loaded| {
        let paths = Layout::new(loaded, out);
        let view = local_view(loaded, &paths)?;
        if !allow_private_peers {
            external::check_peer_hosts(bundle, &view)?;
        }
        let plan = external::plan_import(bundle, &view, replace)?;
        if loaded.config.genesis.consensus == crate::network::Consensus::Raft {
            return Err(OpsError::Invalid(RAFT_ACROSS_CLUSTERS.to_string()).into());
        }
        if let Some(genesis) = &plan.genesis_to_pin {
            let tessera_less: Vec<&str> = loaded
                .config
                .nodes
                .iter()
                .filter(|n| !n.has_tessera())
                .map(|n| n.name.as_str())
                .collect();
            let fix = "set their quorum.tm.Name to tessera (then `qctl generate` makes their \
                       Tessera keys) and import the bundle again";
            if let Some(problem) = crate::genesis::tessera_less_problem(
                &genesis.json,
                &tessera_less,
                "the bundle carries",
                fix,
            ) {
                return Err(OpsError::Invalid(problem).into());
            }
        }
        if plan.is_noop() {
            return Ok((loaded.text.clone(), plan));
        }
        if !confirm(&plan)? {
            return Err(Error::cancelled("nothing was changed"));
        }
        let edit_err = |source| ConfigError::Edit {
            path: path.into(),
            source,
        };
        // One edit for all replaced entries and one for all new ones: an edit re-reads the
        // whole document, so one per node would cost the square of the bundle's size.
        let index: HashMap<&str, usize> = loaded
            .config
            .external_nodes
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.as_str(), i))
            .collect();
        let replacements: Vec<(usize, _)> = plan
            .replace
            .iter()
            .map(|node| (index[node.name.as_str()], external_entry(node)))
            .collect();
        let mut text =
            edit::replace_items(&loaded.text, "external_nodes", &replacements).map_err(edit_err)?;
        let added: Vec<_> = plan.add.iter().map(external_entry).collect();
        text = edit::append_items(&text, "external_nodes", &added).map_err(edit_err)?;
        if let Some(genesis) = &plan.genesis_to_pin {
            text = pin_genesis(&text, PINNED_GENESIS_FILE).map_err(edit_err)?;
            // The genesis file goes last, once the new config is known to be valid, so a
            // refused import leaves no file behind; an unrelated file of that name is kept.
            config::parse(path, &text)?;
            let file = paths.pinned_genesis();
            if fs::read(&file).is_ok_and(|existing| existing != genesis.json.as_bytes()) {
                return Err(ConfigError::Conflict {
                    path: path.into(),
                    message: format!(
                        "`{}` exists with other content; move it away to import this genesis",
                        file.display()
                    ),
                }
                .into());
            }
            fsutil::write_atomic(&file, genesis.json.as_bytes(), 0o644).map_err(|source| {
                ConfigError::Write {
                    path: file.clone(),
                    source,
                }
            })?;
        }
        Ok((text, plan))
    })?;
    Ok(plan)
}

impl From<BundleError> for Error {
    fn from(e: BundleError) -> Error {
        Error::new(ErrorKind::User, e)
    }
}

/// One row of `external ls`: an external node as the config names it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExternalInfo {
    pub name: String,
    pub enode: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tm_url: Option<String>,
    /// Its Tessera public key, the bundle's `Tm_Public_Key`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tm_public_key: Option<String>,
    /// The validator (or clique signer) address the other organisation gave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// The external nodes of the config, in its order.
pub fn list(loaded: &Loaded) -> Vec<ExternalInfo> {
    let external = loaded.config.external_nodes.iter();
    external
        .map(|e| ExternalInfo {
            name: e.name.clone(),
            enode: e.enode_url.clone(),
            tm_url: e.tm_url.clone(),
            tm_public_key: e.tm_public_key.clone(),
            address: e.node_acct_addr.clone(),
        })
        .collect()
}

/// What `external rm` removed.
#[derive(Debug, Clone)]
pub struct ExternalRemoved {
    pub node: ExternalInfo,
    /// The console call that votes it out of the validator set, when the config gave its
    /// address on a chain whose validators vote.
    pub vote_out: Option<String>,
}

/// Removes the external node `name` from the config (the rest of the text kept). An unknown
/// name is refused (exit 2) naming the external nodes there are.
pub fn remove(path: &Path, name: &str) -> Result<ExternalRemoved> {
    let (_, removed) = config::update(path, |loaded| {
        let c = &loaded.config;
        let Some(index) = c.external_nodes.iter().position(|e| e.name == name) else {
            let known: Vec<&str> = c.external_nodes.iter().map(|e| e.name.as_str()).collect();
            let known = match known.is_empty() {
                true => "there are none".to_string(),
                false => format!("external nodes are: {}", known.join(", ")),
            };
            let local = match c.node(name) {
                Some(_) => format!(" (`{name}` is a local node; `qctl node rm {name}` removes it)"),
                None => String::new(),
            };
            return Err(ConfigError::Conflict {
                path: path.into(),
                message: format!("no external node named `{name}`; {known}{local}"),
            });
        };
        let text = edit::remove_item(&loaded.text, "external_nodes", index).map_err(|source| {
            ConfigError::Edit {
                path: path.into(),
                source,
            }
        })?;
        let node = list(loaded).swap_remove(index);
        let vote_out = node
            .address
            .as_ref()
            .and_then(|address| cluster::prune::vote_out(c.genesis.consensus.as_str(), address));
        Ok::<_, ConfigError>((text, ExternalRemoved { node, vote_out }))
    })?;
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::doc::PARSED_BYTES;
    use crate::keys::nodekey;
    use crate::network::Consensus;

    /// A bare `external_nodes:` list of `nodes` nodes named `<prefix>-<i>`, read as
    /// `add-external` reads it.
    fn bundle(prefix: &str, nodes: usize) -> ValidBundle {
        let mut text = String::from("external_nodes:\n");
        for i in 0..nodes {
            let id = nodekey::enode_id(&nodekey::generate().unwrap());
            text.push_str(&format!(
                "  - Node_UserIdent: {prefix}-{i}\n    Enode_Url: enode://{id}@198.51.100.7:{}?discport=0\n",
                20000 + i
            ));
        }
        crate::external::load(text.as_bytes(), "bundle.yaml").unwrap()
    }

    /// Bytes of YAML parsed while `f` runs.
    fn parsed_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
        let before = PARSED_BYTES.with(|n| n.get());
        let value = f();
        (value, PARSED_BYTES.with(|n| n.get()) - before)
    }

    #[test]
    fn an_import_reads_the_config_a_fixed_number_of_times_whatever_the_bundle_size() {
        // One edit per node re-read the whole config for every node: 400 nodes parsed the
        // growing document 400 times. The bound is on bytes parsed, not on time.
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("qubernetes.yaml");
        let text = crate::config::initial_config(&crate::config::InitialConfig {
            num: 2,
            consensus: Consensus::Qbft,
            quorum_version: &"24.4.1".parse().unwrap(),
            tm: crate::network::TxManagerKind::Tessera,
            tm_version: &"24.4.2".parse().unwrap(),
            chain_id: 1000,
            name_prefix: "quorum",
            namespace: None,
        });
        fs::write(&config, text).unwrap();
        let out = dir.path().join("out");
        let first = bundle("orga", 400);
        let (plan, parsed) =
            parsed_during(|| import(&config, &out, &first, false, false, |_| Ok(true)).unwrap());
        assert_eq!(plan.add.len(), 400);
        let size = fs::metadata(&config).unwrap().len() as usize;
        assert!(
            parsed < 12 * size,
            "parsed {parsed} bytes for a {size}-byte config"
        );

        // Replacing and adding at once, into a config that already lists 400 external nodes.
        let mut second = bundle("orga", 400);
        second.nodes.truncate(200);
        second.enode_ids.truncate(200);
        let more = bundle("orgb", 400);
        second.nodes.extend(more.nodes);
        second.enode_ids.extend(more.enode_ids);
        let (plan, parsed) =
            parsed_during(|| import(&config, &out, &second, true, false, |_| Ok(true)).unwrap());
        assert_eq!((plan.replace.len(), plan.add.len()), (200, 400));
        let size = fs::metadata(&config).unwrap().len() as usize;
        assert!(
            parsed < 12 * size,
            "parsed {parsed} bytes for a {size}-byte config"
        );
        let loaded = crate::config::load(&config).unwrap();
        assert_eq!(loaded.config.external_nodes.len(), 800);
        for (i, node) in second.nodes.iter().enumerate().take(200) {
            assert_eq!(loaded.config.external_nodes[i].enode_url, node.enode_url);
        }
    }
}
