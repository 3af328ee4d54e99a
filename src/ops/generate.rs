//! `qctl generate`: keys for nodes that have none, the genesis (once), and everything derived
//! from the network, written only where the content changed.
//!
//! Order matters for interrupted runs: all key dirs first (each appears whole or not at all),
//! then the genesis, then the derived files (each written atomically). A rerun after a kill at
//! any point finishes the job and ends in a complete, consistent `out/`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::{OpsError, OutPaths};
use crate::config::Config;
use crate::fsutil;
use crate::network::{
    Consensus, ExternalNode, GenesisSettings, K8sSettings, LocalNode, Network, NodeIdentity,
    NodeSecrets, TesseraSpec, TxManagerKind,
};
use crate::{genesis, k8s, keys, quorum};

/// The oldest GoQuorum the generated pods can run: 21.10.0 moved GoQuorum onto geth 1.10,
/// whose `--http.*`/`--ws.*` flags the pods use (older releases only know `--rpc*`).
pub const OLDEST_QUORUM_VERSION: &str = "21.10.0";

fn oldest_quorum() -> semver::Version {
    semver::Version::parse(OLDEST_QUORUM_VERSION).expect("a valid version")
}

#[derive(Debug, Clone, Default)]
pub struct GenerateOptions {
    pub config: PathBuf,
    pub out: PathBuf,
    /// Wipe `out/` first: new keys and a new genesis. The caller confirms.
    pub recreate: bool,
}

/// Where the genesis came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenesisSource {
    Created,
    /// `out/config/genesis.json` existed and was kept.
    Kept,
    /// `config.Genesis_File`, used verbatim.
    Pinned,
}

#[derive(Debug, Clone)]
pub struct NodeSummary {
    pub name: String,
    pub identity: NodeIdentity,
    pub new_keys: bool,
}

#[derive(Debug, Clone)]
pub struct GenerateOutcome {
    pub nodes: Vec<NodeSummary>,
    pub genesis: GenesisSource,
    pub written: Vec<PathBuf>,
    pub unchanged: usize,
    pub removed: Vec<PathBuf>,
    pub warnings: Vec<String>,
}

pub fn generate(opts: &GenerateOptions) -> anyhow::Result<GenerateOutcome> {
    // One generate at a time per config (and not during an edit): it removes stale key temp
    // dirs, which must never be those of a run in progress.
    let _lock = crate::config::lock(&opts.config)?;
    let loaded = crate::config::load(&opts.config)?;
    let config = &loaded.config;
    if config.nodes.is_empty() {
        return Err(OpsError::Invalid(format!(
            "`{}` has no nodes; add one with `qctl node add NAME`",
            opts.config.display()
        ))
        .into());
    }
    if let Some(n) = config
        .nodes
        .iter()
        .find(|n| n.tm == TxManagerKind::Constellation)
    {
        return Err(OpsError::Invalid(format!(
            "node `{}` uses constellation, which GoQuorum no longer supports; set its quorum.tm.Name to tessera (or none)",
            n.name
        ))
        .into());
    }
    if let Some(n) = config
        .nodes
        .iter()
        .find(|n| n.quorum_version < oldest_quorum())
    {
        return Err(OpsError::Invalid(format!(
            "node `{}` runs GoQuorum {}, older than {}, the oldest qctl runs (pods use geth's --http flags, \
             which GoQuorum has since 21.10); set its Quorum_Version to {} or later",
            n.name,
            n.quorum_version,
            OLDEST_QUORUM_VERSION,
            OLDEST_QUORUM_VERSION
        ))
        .into());
    }
    if config.genesis.consensus == Consensus::Clique && config.k8s.ingress.is_some() {
        return Err(OpsError::Invalid(
            "k8s.service.Ingress: a clique signer keeps its account unlocked to seal blocks, so an \
             Ingress would let anyone who reaches it send transactions signed by that account; \
             remove the Ingress (reach RPC through the `<node>-rpc` Services from the namespace), \
             or run qbft"
                .to_string(),
        )
        .into());
    }
    let paths = OutPaths::new(&loaded, &opts.out);
    if opts.recreate {
        remove_generated(&opts.out, &loaded)?;
    }
    let config_dir = paths.config_dir();
    for dir in [&config_dir, &paths.key_base] {
        fsutil::create_dir_no_follow(&opts.out, dir).map_err(OpsError::io("create", dir))?;
    }
    keys::remove_stale_temp_dirs(&paths.key_base)?;

    let (material, new_keys) = node_keys(config, &paths)?;
    let mut warnings = Vec::new();
    for (node, dir) in config
        .nodes
        .iter()
        .map(|n| (&n.name, paths.key_dir(&n.key_dir)))
    {
        warnings.extend(keys::loose_private_files(&dir).into_iter().map(|file| {
            format!(
                "node `{node}`: private key file `{}` is readable by group or others; \
                 restrict it with `chmod 600`",
                file.display()
            )
        }));
    }
    let net = network(config, material);

    let genesis_path = config_dir.join("genesis.json");
    let (genesis_json, genesis_source) = match &config.paths.genesis_file {
        Some(pinned) => {
            let path = loaded.base_dir().join(pinned);
            let text = fs::read_to_string(&path).map_err(|e| {
                OpsError::Invalid(format!(
                    "config.Genesis_File: cannot read `{}` ({e}); point it at the genesis to use, or remove the key",
                    path.display()
                ))
            })?;
            (text, GenesisSource::Pinned)
        }
        None if genesis_path.exists() => {
            let text =
                fs::read_to_string(&genesis_path).map_err(OpsError::io("read", &genesis_path))?;
            (text, GenesisSource::Kept)
        }
        None => (genesis::render(&net)?, GenesisSource::Created),
    };
    if genesis_source != GenesisSource::Created {
        let source = match &config.paths.genesis_file {
            Some(pinned) => loaded.base_dir().join(pinned),
            None => genesis_path.clone(),
        };
        check_kept_genesis(&genesis_json, config, &source)?;
    }
    if genesis_source != GenesisSource::Created && net.genesis.consensus.is_bft() {
        warnings.extend(missing_validators(&net, &genesis_json));
    }
    if genesis_source != GenesisSource::Created && net.genesis.consensus == Consensus::Raft {
        // A raft node started next to a running cluster must be added to it first.
        warnings.extend(net.nodes.iter().filter(|n| new_keys.contains(&n.name)).map(|n| {
            format!(
                "raft node `{}` joins a running network: on a running node call raft.addPeer(\"enode://{}@{}:{}?discport=0&raftport={}\"), then set its geth.Geth_Startup_Params to `--raftjoinexisting <the raft id it returns>`",
                n.name,
                n.identity.enode_id,
                n.name,
                crate::network::ports::P2P,
                crate::network::ports::RAFT
            )
        }));
    }
    let derived = quorum::derive_with_genesis(&net, genesis_json)?;

    let mut files: Vec<(PathBuf, String, u32)> = vec![
        (genesis_path, derived.genesis_json.clone(), 0o644),
        (
            config_dir.join("permissioned-nodes.json"),
            derived.permissioned_nodes_json.clone(),
            0o644,
        ),
        (
            config_dir.join("static-nodes.json"),
            derived.static_nodes_json.clone(),
            0o644,
        ),
    ];
    if let Some(toml) = quorum::validators(&net) {
        files.push((
            config_dir.join("istanbul-validator-config.toml"),
            toml,
            0o644,
        ));
    }
    for (node, tessera) in &derived.tessera_configs {
        files.push((
            config_dir.join("tessera").join(format!("{node}.json")),
            tessera.clone(),
            0o644,
        ));
    }
    for manifest in k8s::build(&net, &derived)? {
        // A manifest with a Secret holds private keys (base64 is no protection): owner only.
        let mode = if manifest.yaml.contains("\nkind: Secret\n") {
            0o600
        } else {
            0o644
        };
        files.push((opts.out.join(&manifest.path), manifest.yaml, mode));
    }

    let mut written = Vec::new();
    let mut unchanged = 0;
    for (path, text, mode) in &files {
        // Never through a link; the mode is set on unchanged files too (an older qctl may have
        // written a Secret world-readable).
        if fsutil::write_no_follow(&opts.out, path, text.as_bytes(), *mode)
            .map_err(OpsError::io("write", path))?
        {
            written.push(path.clone());
        } else {
            unchanged += 1;
        }
    }
    let keep: BTreeSet<&Path> = files.iter().map(|(p, _, _)| p.as_path()).collect();
    let removed = remove_stale(&opts.out, &keep)?;

    let nodes = net
        .nodes
        .iter()
        .map(|n| NodeSummary {
            name: n.name.clone(),
            identity: n.identity.clone(),
            new_keys: new_keys.contains(&n.name),
        })
        .collect();
    Ok(GenerateOutcome {
        nodes,
        genesis: genesis_source,
        written,
        unchanged,
        removed,
        warnings,
    })
}

/// A node's public identity and private material.
type NodeKeys = (NodeIdentity, NodeSecrets);

/// Loads existing key dirs and generates the missing ones, in parallel. Also returns the names
/// of the nodes whose keys are new.
fn node_keys(
    config: &Config,
    paths: &OutPaths,
) -> anyhow::Result<(Vec<NodeKeys>, BTreeSet<String>)> {
    let dirs: Vec<PathBuf> = config
        .nodes
        .iter()
        .map(|n| paths.key_dir(&n.key_dir))
        .collect();
    let missing: Vec<usize> = (0..dirs.len()).filter(|&i| !dirs[i].exists()).collect();
    let to_make: Vec<PathBuf> = missing.iter().map(|&i| dirs[i].clone()).collect();
    let mut made = keys::generate_many(&to_make).into_iter();
    let mut out = Vec::with_capacity(dirs.len());
    for (i, dir) in dirs.iter().enumerate() {
        let keys = if missing.contains(&i) {
            made.next().expect("one result per dir")?
        } else {
            keys::load(dir)?
        };
        out.push(keys);
    }
    let new = missing
        .iter()
        .map(|&i| config.nodes[i].name.clone())
        .collect();
    Ok((out, new))
}

/// The resolved network: config plus each node's keys.
pub fn network(config: &Config, keys: Vec<NodeKeys>) -> Network {
    let nodes = config
        .nodes
        .iter()
        .zip(keys)
        .map(|(n, (identity, secrets))| LocalNode {
            name: n.name.clone(),
            key_dir: n.key_dir.clone(),
            consensus: n.consensus,
            quorum_version: n.quorum_version.clone(),
            quorum_image: n.quorum_image.clone(),
            tessera: (n.tm == TxManagerKind::Tessera).then(|| TesseraSpec {
                version: n.tm_version.clone(),
                image: n.tm_image.clone(),
            }),
            geth_params: n.geth_params.clone(),
            verbosity: n.verbosity,
            identity,
            secrets,
        })
        .collect();
    let external_nodes = config
        .external_nodes
        .iter()
        .map(ExternalNode::from)
        .collect();
    let g = &config.genesis;
    let runs_tessera = config.nodes.iter().any(|n| n.tm == TxManagerKind::Tessera);
    Network {
        genesis: GenesisSettings {
            consensus: g.consensus,
            chain_id: g.chain_id,
            quorum_version: g.quorum_version.clone(),
            tm_version: runs_tessera.then(|| g.tm_version.clone()),
            test_qbft_block: g.test_qbft_block,
        },
        nodes,
        external_nodes,
        k8s: K8sSettings {
            namespace: config.k8s.namespace.clone(),
            service_type: config.k8s.service_type,
            storage: config.k8s.storage.clone(),
            ingress: config.k8s.ingress.clone(),
            network_policy: config.k8s.network_policy,
            run_as_user: config.k8s.run_as_user,
            run_as_group: config.k8s.run_as_group,
            fs_group: config.k8s.fs_group,
            prometheus: config.prometheus,
        },
    }
}

/// Validators the config names that a kept genesis does not hold: they must be voted in.
fn missing_validators(net: &Network, genesis_json: &str) -> Vec<String> {
    let extra = genesis_json.to_ascii_lowercase();
    genesis::validator_entries(net)
        .into_iter()
        .filter(|(_, addr)| !extra.contains(&addr.trim_start_matches("0x").to_ascii_lowercase()))
        .map(|(name, addr)| {
            format!(
                "validator `{name}` ({addr}) is not in the existing genesis; vote it in with istanbul.propose(\"{addr}\", true) on the running validators, or regenerate with --recreate"
            )
        })
        .collect()
}

/// `--recreate`: deletes what generate writes into `out/` (`config/` with the key dirs in it,
/// `deployments/`, the numbered manifests) and nothing else. Refuses when the config file lives
/// there, so a mistaken `--out` can never take the config with it.
fn remove_generated(out: &Path, loaded: &crate::config::Loaded) -> Result<(), OpsError> {
    let doomed = [out.join("config"), out.join("deployments")];
    let config = fs::canonicalize(&loaded.path).unwrap_or_else(|_| loaded.path.clone());
    for dir in &doomed {
        if let Ok(dir) = fs::canonicalize(dir)
            && config.starts_with(&dir)
        {
            return Err(OpsError::Invalid(format!(
                "--recreate would delete `{}`, which holds the config `{}`; choose another --out",
                dir.display(),
                loaded.path.display()
            )));
        }
    }
    for dir in &doomed {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(OpsError::io("remove", dir))?;
        }
    }
    let Ok(entries) = fs::read_dir(out) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() && is_numbered_manifest(&entry.file_name().to_string_lossy()) {
            fs::remove_file(&path).map_err(OpsError::io("remove", &path))?;
        }
    }
    Ok(())
}

/// Deletes files qctl generated earlier that the current network no longer has (manifests of
/// removed nodes, dropped optional objects, Tessera configs of removed nodes), and temp files
/// of writes a killed run left behind. Files of other names are the user's and stay.
fn remove_stale(out: &Path, keep: &BTreeSet<&Path>) -> anyhow::Result<Vec<PathBuf>> {
    let ours = |dir: &Path, name: &str| -> bool {
        if name.starts_with(fsutil::TEMP_PREFIX) {
            return true;
        }
        match dir.file_name().and_then(|d| d.to_str()) {
            Some("deployments") => name.ends_with("-quorum-deployment.yaml"),
            Some("tessera") => name.ends_with(".json"),
            _ => is_numbered_manifest(name),
        }
    };
    let mut removed = Vec::new();
    let dirs = [
        out.to_path_buf(),
        out.join("deployments"),
        out.join("config"),
        out.join("config").join("tessera"),
    ];
    for dir in dirs {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_file()
                && ours(&dir, &name.to_string_lossy())
                && !keep.contains(path.as_path())
            {
                fs::remove_file(&path).map_err(OpsError::io("remove", &path))?;
                removed.push(path);
            }
        }
    }
    removed.sort();
    Ok(removed)
}

/// `NN-quorum-….yaml` or `NN-namespace.yaml`, the names of [`k8s::build`]'s top-level files.
fn is_numbered_manifest(name: &str) -> bool {
    let Some((number, rest)) = name.split_once('-') else {
        return false;
    };
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && (rest.starts_with("quorum-") || rest == "namespace.yaml")
        && rest.ends_with(".yaml")
}

/// Refuses a kept or pinned genesis whose chain id or consensus the config does not have: the pods
/// would start with flags that contradict their chain.
fn check_kept_genesis(genesis_json: &str, config: &Config, path: &Path) -> Result<(), OpsError> {
    let genesis: serde_json::Value = serde_json::from_str(genesis_json)
        .map_err(|e| OpsError::Invalid(format!("`{}` is not JSON: {e}", path.display())))?;
    let cfg = &genesis["config"];
    let fix = "restore the config, or start a new chain with `qctl generate --recreate`";
    if let Some(id) = cfg["chainId"].as_u64()
        && id != config.genesis.chain_id
    {
        return Err(OpsError::Invalid(format!(
            "`{}` has chain id {id} but genesis.Chain_Id is {}; {fix}",
            path.display(),
            config.genesis.chain_id
        )));
    }
    let engine = if cfg.get("clique").is_some() {
        "clique"
    } else if cfg.get("qbft").is_some() || cfg.get("istanbul").is_some() {
        "istanbul/qbft"
    } else {
        "raft"
    };
    let wanted = match config.genesis.consensus {
        crate::network::Consensus::Clique => "clique",
        crate::network::Consensus::Raft => "raft",
        _ => "istanbul/qbft",
    };
    if engine != wanted {
        return Err(OpsError::Invalid(format!(
            "`{}` is a {engine} genesis but genesis.consensus is {}; {fix}",
            path.display(),
            config.genesis.consensus
        )));
    }
    Ok(())
}
