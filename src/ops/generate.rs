//! `qctl generate`: keys for nodes that have none, the genesis (once), and everything derived
//! from the network, written only where the content changed.
//!
//! Order matters for interrupted runs: all key dirs first (each appears whole or not at all),
//! then the genesis, then the derived files (each written atomically). A rerun after a kill at
//! any point finishes the job and ends in a complete, consistent `out/`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::OpsError;
use crate::config::Config;
use crate::config::NodeKeys;
use crate::error::Result;
use crate::fsutil;
use crate::layout::Layout;
use crate::network::{Consensus, NodeIdentity, TxManagerKind};
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

pub fn generate(opts: &GenerateOptions) -> Result<GenerateOutcome> {
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
    let paths = Layout::new(&loaded, &opts.out);
    if opts.recreate {
        remove_generated(&paths, &loaded)?;
    }
    for dir in [paths.config_dir().as_path(), paths.key_base()] {
        fs::create_dir_all(dir).map_err(OpsError::io("create", dir))?;
    }
    keys::remove_stale_temp_dirs(paths.key_base())?;

    let (material, new_keys) = node_keys(config, &paths)?;
    let mut warnings = Vec::new();
    let net = crate::config::resolve(config, material);

    let genesis_path = paths.genesis();
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
        genesis::check_kept(
            &genesis_json,
            config.genesis.chain_id,
            config.genesis.consensus,
            &source,
        )?;
    }
    if genesis_source != GenesisSource::Created && net.genesis.consensus.is_bft() {
        warnings.extend(genesis::missing_validators(&net, &genesis_json));
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
            paths.permissioned_nodes(),
            derived.permissioned_nodes_json.clone(),
            0o644,
        ),
        (
            paths.static_nodes(),
            derived.static_nodes_json.clone(),
            0o644,
        ),
    ];
    if let Some(toml) = quorum::validators(&net) {
        files.push((paths.validator_config(), toml, 0o644));
    }
    for (node, tessera) in &derived.tessera_configs {
        files.push((paths.tessera_config(node), tessera.clone(), 0o644));
    }
    for manifest in k8s::build(&net, &derived)? {
        let mode = if manifest.sensitive { 0o600 } else { 0o644 };
        files.push((paths.manifest(&manifest.path), manifest.yaml, mode));
    }

    let mut written = Vec::new();
    let mut unchanged = 0;
    for (path, text, mode) in &files {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(OpsError::io("create", parent))?;
        }
        if fsutil::write_if_changed(path, text.as_bytes(), *mode)
            .map_err(OpsError::io("write", path))?
        {
            written.push(path.clone());
        } else {
            unchanged += 1;
        }
        if *mode == 0o600 {
            // Also tighten a file an older qctl wrote world-readable.
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(path, fs::Permissions::from_mode(0o600))
                .map_err(OpsError::io("protect", path))?;
        }
    }
    let keep: BTreeSet<&Path> = files.iter().map(|(p, _, _)| p.as_path()).collect();
    let removed = paths.stale_files(&|p| keep.contains(p));
    for path in &removed {
        fs::remove_file(path).map_err(OpsError::io("remove", path))?;
    }

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

/// Loads existing key dirs and generates the missing ones, in parallel. Also returns the names
/// of the nodes whose keys are new.
fn node_keys(config: &Config, paths: &Layout) -> Result<(Vec<NodeKeys>, BTreeSet<String>)> {
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

/// `--recreate`: deletes what generate writes into `out/` ([`Layout::recreate_targets`]) and
/// nothing else. Refuses when the config file lives there, so a mistaken `--out` can never take
/// the config with it.
fn remove_generated(paths: &Layout, loaded: &crate::config::Loaded) -> Result<(), OpsError> {
    let (dirs, files) = paths.recreate_targets();
    let config = fs::canonicalize(&loaded.path).unwrap_or_else(|_| loaded.path.clone());
    for dir in &dirs {
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
    for dir in &dirs {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(OpsError::io("remove", dir))?;
        }
    }
    for file in &files {
        fs::remove_file(file).map_err(OpsError::io("remove", file))?;
    }
    Ok(())
}
