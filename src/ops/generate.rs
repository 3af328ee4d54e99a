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
use crate::network::{Consensus, DerivedConfig, Network, NodeIdentity, TxManagerKind};
use crate::{genesis, k8s, keys, quorum};

/// The oldest GoQuorum `generate` writes for: 21.7.0 brought QBFT, and every geth flag the pods
/// pass is checked against the flags of GoQuorum 21.7.1 (the original qctl's default), as read
/// from its source (`testdata/goquorum/geth-21.7.1-flags.txt`).
pub const OLDEST_QUORUM_VERSION: semver::Version = semver::Version::new(21, 7, 0);
/// The oldest Tessera `generate` writes for. Older (0.x) releases load and edit, but their
/// config and launcher are not what the pods give Tessera.
pub const OLDEST_TESSERA_VERSION: semver::Version = semver::Version::new(1, 0, 0);
/// geth serves JSON-RPC on the Ingress paths (`--http.rpcprefix`, `--ws.rpcprefix`) from
/// GoQuorum 22.1.0 on; before, only at `/`.
pub const RPC_PREFIX_SINCE: semver::Version = semver::Version::new(22, 1, 0);

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
    check_generatable(&loaded)?;
    let paths = Layout::new(&loaded, &opts.out);
    check_privacy_manager(&loaded, &paths, opts.recreate)?;
    if opts.recreate {
        remove_generated(&paths, &loaded)?;
    }
    for dir in [paths.config_dir().as_path(), paths.key_base()] {
        fsutil::create_dir_no_follow(paths.out(), dir).map_err(OpsError::io("create", dir))?;
    }
    keys::remove_stale_temp_dirs(paths.key_base())?;

    let (material, new_keys) = node_keys(config, &paths)?;
    let net = crate::config::resolve(config, material);
    let (genesis_json, genesis_source) = choose_genesis(&loaded, &paths, &net)?;
    let mut warnings = loose_key_files(config, &paths);
    if genesis_source != GenesisSource::Created {
        warnings.extend(joining_warnings(&net, &genesis_json, &new_keys));
    }
    let derived = quorum::derive_with_genesis(&net, genesis_json)?;
    let files = file_set(&paths, &net, &derived)?;
    let (written, unchanged) = write_files(paths.out(), &files)?;
    let keep: BTreeSet<&Path> = files.iter().map(|f| f.path.as_path()).collect();
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

/// Refuses a config that loads but cannot be generated: no nodes, a transaction manager
/// GoQuorum dropped, a GoQuorum older than the pods support.
fn check_generatable(loaded: &crate::config::Loaded) -> Result<(), OpsError> {
    let config = &loaded.config;
    if config.nodes.is_empty() {
        return Err(OpsError::Invalid(format!(
            "`{}` has no nodes; add one with `qctl node add NAME`",
            loaded.path.display()
        )));
    }
    if let Some(n) = config
        .nodes
        .iter()
        .find(|n| n.tm == TxManagerKind::Constellation)
    {
        return Err(OpsError::Invalid(format!(
            "node `{}` uses constellation, which GoQuorum no longer supports; set its quorum.tm.Name to tessera (or none)",
            n.name
        )));
    }
    check_versions(loaded)?;
    if config.genesis.consensus == Consensus::Raft && !config.external_nodes.is_empty() {
        return Err(OpsError::Invalid(format!(
            "external_nodes: {}; remove the external_nodes entries",
            super::external::RAFT_ACROSS_CLUSTERS
        )));
    }
    if config.genesis.consensus == Consensus::Clique && config.k8s.ingress.is_some() {
        return Err(OpsError::Invalid(
            "k8s.service.Ingress: a clique signer keeps its account unlocked to seal blocks, so an \
             Ingress would let anyone who reaches it send transactions signed by that account; \
             remove the Ingress (reach RPC through the `<node>-rpc` Services from the namespace), \
             or run qbft"
                .to_string(),
        ));
    }
    Ok(())
}

/// Refuses a node whose GoQuorum or Tessera is older than the pods support, naming the file, the
/// node's line and the oldest version; and, with an Ingress, a GoQuorum that cannot serve
/// JSON-RPC on the Ingress paths.
fn check_versions(loaded: &crate::config::Loaded) -> Result<(), OpsError> {
    let config = &loaded.config;
    let file = loaded.path.display();
    let mut problems = Vec::new();
    for (i, n) in config.nodes.iter().enumerate() {
        let at = format!("{file}:{}: nodes[{i}] (`{}`)", n.line, n.name);
        if n.quorum_version < OLDEST_QUORUM_VERSION {
            problems.push(format!(
                "{at}: quorum.quorum.Quorum_Version {} is older than {OLDEST_QUORUM_VERSION}, the oldest GoQuorum qctl generates for; \
                 set it to {OLDEST_QUORUM_VERSION} or later (for example 21.7.1, or 24.4.1 as `qctl init` writes), \
                 or run `qctl node update {} --quorum-version VERSION`",
                n.quorum_version, n.name
            ));
        } else if config.k8s.ingress.is_some() && n.quorum_version < RPC_PREFIX_SINCE {
            problems.push(format!(
                "{at}: k8s.service.Ingress needs GoQuorum {RPC_PREFIX_SINCE} or later (`--http.rpcprefix`); \
                 GoQuorum {} answers JSON-RPC only at `/`, not at the Ingress paths; \
                 set quorum.quorum.Quorum_Version to {RPC_PREFIX_SINCE} or later, or remove the Ingress",
                n.quorum_version
            ));
        }
        if n.tm == TxManagerKind::Tessera && n.tm_version < OLDEST_TESSERA_VERSION {
            problems.push(format!(
                "{at}: quorum.tm.Tm_Version {} is older than {OLDEST_TESSERA_VERSION}, the oldest Tessera qctl generates for; \
                 set it to {OLDEST_TESSERA_VERSION} or later (for example 21.7.2, or 24.4.2 as `qctl init` writes), \
                 or run `qctl node update {} --tm-version VERSION`",
                n.tm_version, n.name
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(OpsError::Invalid(format!(
            "cannot generate for `{file}` ({} problem(s)):\n  {}\nsee docs/migrating.md, \"GoQuorum and Tessera versions\"",
            problems.len(),
            problems.join("\n  ")
        )))
    }
}

/// The genesis to run on: the pinned one (`config.Genesis_File`), else the one an earlier run
/// wrote, else a new one. A genesis not created now is checked against the config.
fn choose_genesis(
    loaded: &crate::config::Loaded,
    paths: &Layout,
    net: &Network,
) -> Result<(String, GenesisSource)> {
    let config = &loaded.config;
    let kept = paths.genesis();
    let (json, source, from) = match &config.paths.genesis_file {
        Some(pinned) => {
            let path = loaded.base_dir().join(pinned);
            let text = fs::read_to_string(&path).map_err(|e| {
                OpsError::Invalid(format!(
                    "config.Genesis_File: cannot read `{}` ({e}); point it at the genesis to use, or remove the key",
                    path.display()
                ))
            })?;
            (text, GenesisSource::Pinned, path)
        }
        None if kept.exists() => {
            let text = fs::read_to_string(&kept).map_err(OpsError::io("read", &kept))?;
            (text, GenesisSource::Kept, kept)
        }
        None => return Ok((genesis::render(net)?, GenesisSource::Created)),
    };
    genesis::check_kept(
        &json,
        config.genesis.chain_id,
        config.genesis.consensus,
        &from,
    )?;
    Ok((json, source))
}

/// Refuses local nodes without Tessera on a genesis that turns privacy enhancements on (a
/// kept genesis made when every node ran Tessera, or a pinned one from an organisation that
/// does): their geth would exit at start. Runs before anything is written. A genesis made now
/// never does (see [`genesis::privacy_enhancements`]).
fn check_privacy_manager(
    loaded: &crate::config::Loaded,
    paths: &Layout,
    recreate: bool,
) -> Result<(), OpsError> {
    let config = &loaded.config;
    let tessera_less: Vec<&str> = config
        .nodes
        .iter()
        .filter(|n| n.tm == TxManagerKind::None)
        .map(|n| n.name.as_str())
        .collect();
    if tessera_less.is_empty() {
        return Ok(());
    }
    let (path, fix) = match &config.paths.genesis_file {
        Some(file) => (
            loaded.base_dir().join(file),
            "set their quorum.tm.Name to tessera: the network they join uses private transactions",
        ),
        None if !recreate => (
            paths.genesis(),
            "set their quorum.tm.Name to tessera, or start a new chain without privacy \
             enhancements with `qctl generate --recreate` (new keys, new genesis)",
        ),
        None => return Ok(()),
    };
    // An unreadable pinned genesis is reported where it is read.
    let Ok(json) = fs::read_to_string(&path) else {
        return Ok(());
    };
    let shown = format!("`{}`", path.display());
    match genesis::tessera_less_problem(&json, &tessera_less, &shown, fix) {
        Some(problem) => Err(OpsError::Invalid(problem)),
        None => Ok(()),
    }
}

/// What joining nodes to a running chain needs by hand: votes for validators the genesis
/// lacks, and `raft.addPeer` for new raft nodes.
fn joining_warnings(net: &Network, genesis_json: &str, new_keys: &BTreeSet<String>) -> Vec<String> {
    let mut warnings = Vec::new();
    if net.genesis.consensus.is_bft() {
        warnings.extend(genesis::missing_validators(net, genesis_json));
    }
    if net.genesis.consensus == Consensus::Raft {
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
    warnings
}

/// A file `generate` writes.
struct OutFile {
    path: PathBuf,
    text: String,
    /// Holds private keys: written (and kept) owner-only.
    sensitive: bool,
}

/// Every file of the network under `out/`, computed without touching the disk.
fn file_set(paths: &Layout, net: &Network, derived: &DerivedConfig) -> Result<Vec<OutFile>> {
    let public = |path: PathBuf, text: String| OutFile {
        path,
        text,
        sensitive: false,
    };
    let mut files = vec![
        public(paths.genesis(), derived.genesis_json.clone()),
        public(
            paths.permissioned_nodes(),
            derived.permissioned_nodes_json.clone(),
        ),
        public(paths.static_nodes(), derived.static_nodes_json.clone()),
    ];
    if let Some(toml) = quorum::validators(net) {
        files.push(public(paths.validator_config(), toml));
    }
    for (node, tessera) in &derived.tessera_configs {
        files.push(public(paths.tessera_config(node), tessera.clone()));
    }
    for manifest in k8s::build(net, derived)? {
        files.push(OutFile {
            path: paths.manifest(&manifest.path),
            text: manifest.yaml,
            sensitive: manifest.sensitive,
        });
    }
    Ok(files)
}

/// Writes the files whose content changed, never through a link below `root`; returns those
/// written and the count unchanged. Modes are set on unchanged files too (an older qctl may
/// have written a Secret world-readable).
fn write_files(root: &Path, files: &[OutFile]) -> Result<(Vec<PathBuf>, usize), OpsError> {
    let mut written = Vec::new();
    let mut unchanged = 0;
    for file in files {
        let path = &file.path;
        let mode = if file.sensitive { 0o600 } else { 0o644 };
        if fsutil::write_no_follow(root, path, file.text.as_bytes(), mode)
            .map_err(OpsError::io("write", path))?
        {
            written.push(path.clone());
        } else {
            unchanged += 1;
        }
    }
    Ok((written, unchanged))
}

/// A warning for each private key file that group or others can read.
fn loose_key_files(config: &Config, paths: &Layout) -> Vec<String> {
    let dirs = config
        .nodes
        .iter()
        .map(|n| (&n.name, paths.key_dir(&n.key_dir)));
    dirs.flat_map(|(node, dir)| {
        keys::loose_private_files(&dir)
            .into_iter()
            .map(move |file| {
                format!(
                    "node `{node}`: private key file `{}` is readable by group or others; \
                 restrict it with `chmod 600`",
                    file.display()
                )
            })
    })
    .collect()
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
