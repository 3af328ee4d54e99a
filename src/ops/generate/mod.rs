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
use crate::error::{Error, Result};
use crate::fsutil;
use crate::layout::Layout;
use crate::network::{Consensus, DerivedConfig, Network, NodeIdentity};
use crate::{genesis, k8s, keys, quorum};

mod checks;

pub use checks::{OLDEST_QUORUM_VERSION, OLDEST_TESSERA_VERSION, RPC_PREFIX_SINCE};
use checks::{check_generatable, check_privacy_manager};

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
    // dirs, which must never be those of a run in progress. Where the lock file cannot be
    // made (a read-only checkout), a run that turns out to have nothing to write needs none.
    let lock = match crate::config::lock(&opts.config) {
        Ok(lock) => Ok(lock),
        Err(e) if e.lock_not_writable() => Err(e),
        Err(e) => return Err(e.into()),
    };
    let loaded = crate::config::load(&opts.config)?;
    let config = &loaded.config;
    check_generatable(&loaded)?;
    let paths = Layout::new(&loaded, &opts.out);
    check_privacy_manager(&loaded, &paths, opts.recreate)?;

    // Everything is computed, and so checked, before anything is written or deleted: a
    // refused run (`--recreate` included) leaves `out/` as it was.
    let replaced = |dir: &Path| opts.recreate && is_within(dir, &paths.config_dir());
    let (material, new_keys) = node_keys(config, &paths, &replaced)?;
    let net = crate::config::resolve(config, material);
    let (genesis_json, genesis_source) = choose_genesis(&loaded, &paths, &net, opts.recreate)?;
    let mut warnings = loose_key_files(config, &paths);
    if genesis_source != GenesisSource::Created {
        warnings.extend(joining_warnings(&net, &genesis_json, &new_keys.names));
    }
    let derived = quorum::derive_with_genesis(&net, genesis_json)?;
    let files = file_set(&paths, &net, &derived)?;
    let keep: BTreeSet<&Path> = files.iter().map(|f| f.path.as_path()).collect();
    let summary = |written, unchanged, removed| {
        let nodes = net
            .nodes
            .iter()
            .map(|n| NodeSummary {
                name: n.name.clone(),
                identity: n.identity.clone(),
                new_keys: new_keys.names.contains(&n.name),
            })
            .collect();
        GenerateOutcome {
            nodes,
            genesis: genesis_source,
            written,
            unchanged,
            removed,
            warnings: warnings.clone(),
        }
    };

    let _lock = match lock {
        Ok(lock) => lock,
        Err(e) => {
            let stale = paths.stale_files(&|p| keep.contains(p));
            let pending = pending_writes(&paths, &files, &new_keys, &stale, opts.recreate);
            return match pending.split_first() {
                None => Ok(summary(Vec::new(), files.len(), Vec::new())),
                Some((first, rest)) => Err(Error::runtime(format!(
                    "{}; generate needs to write `{}`{} and cannot: make the directory writable",
                    crate::error::chain(&e),
                    first.display(),
                    if rest.is_empty() {
                        String::new()
                    } else {
                        format!(" and {} more", rest.len())
                    }
                ))),
            };
        }
    };
    if opts.recreate {
        remove_generated(&paths, &loaded)?;
    }
    for dir in [paths.config_dir().as_path(), paths.key_base()] {
        fsutil::create_dir_no_follow(paths.out(), dir).map_err(OpsError::io("create", dir))?;
    }
    keys::remove_stale_temp_dirs(paths.key_base())?;
    for (dir, (identity, secrets)) in &new_keys.dirs {
        keys::store(dir, identity, secrets)?;
    }
    let (written, unchanged) = write_files(paths.out(), &files)?;
    let removed = paths.stale_files(&|p| keep.contains(p));
    for path in &removed {
        fs::remove_file(path).map_err(OpsError::io("remove", path))?;
    }
    Ok(summary(written, unchanged, removed))
}

/// Whether `path` is `dir` or below it, by name or once both are resolved.
fn is_within(path: &Path, dir: &Path) -> bool {
    path.starts_with(dir)
        || matches!(
            (fs::canonicalize(path), fs::canonicalize(dir)),
            (Ok(path), Ok(dir)) if path.starts_with(&dir)
        )
}

/// What a run would write or delete, without writing: new key dirs, missing directories,
/// files whose content differs, stale files, and with `--recreate` everything.
fn pending_writes(
    paths: &Layout,
    files: &[OutFile],
    new_keys: &NewKeys,
    stale: &[PathBuf],
    recreate: bool,
) -> Vec<PathBuf> {
    let mut pending: Vec<PathBuf> = Vec::new();
    if recreate {
        pending.push(paths.out().to_path_buf());
    }
    for dir in [paths.config_dir().as_path(), paths.key_base()] {
        if !fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
            pending.push(dir.to_path_buf());
        }
    }
    pending.extend(new_keys.dirs.iter().map(|(dir, _)| dir.clone()));
    for file in files {
        // Modes are not compared: a checkout does not keep them, and nothing can fix them here.
        let same = fs::symlink_metadata(&file.path).is_ok_and(|m| m.is_file())
            && fs::read(&file.path).is_ok_and(|bytes| bytes == file.text.as_bytes());
        if !same {
            pending.push(file.path.clone());
        }
    }
    pending.extend(stale.iter().cloned());
    pending
}

/// The genesis to run on: the pinned one (`config.Genesis_File`), else the one an earlier run
/// wrote (unless `recreate` replaces it), else a new one. A genesis not created now is checked against the config.
fn choose_genesis(
    loaded: &crate::config::Loaded,
    paths: &Layout,
    net: &Network,
    recreate: bool,
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
        None if kept.exists() && !recreate => {
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

/// What joining nodes to a running chain needs by hand: votes for validators the genesis
/// lacks, and `raft.addPeer` for new raft nodes.
fn joining_warnings(net: &Network, genesis_json: &str, new_keys: &BTreeSet<String>) -> Vec<String> {
    let mut warnings = Vec::new();
    if net.genesis.consensus.is_bft() {
        warnings.extend(genesis::missing_validators(net, genesis_json));
    }
    if net.genesis.consensus == Consensus::Raft {
        // A raft node started next to a running cluster must be added to it first, and start
        // with the raft id the cluster gives it: `deploy` does both (ops::live::raft).
        warnings.extend(
            net.nodes
                .iter()
                .filter(|n| new_keys.contains(&n.name))
                .filter(|n| !n.geth_params.contains(crate::ops::live::raft::JOIN_FLAG))
                .map(|n| {
                    format!(
                        "raft node `{}` is new: if the network runs, `qctl deploy` adds it to the \
                         raft cluster (raft_addPeer on a running member) and records its raft id \
                         as `{} <id>` in its geth flags",
                        n.name,
                        crate::ops::live::raft::JOIN_FLAG
                    )
                }),
        );
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
    for manifest in k8s::build(net, derived).map_err(|e| e.in_dir(paths.out()))? {
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

/// Keys made by this run, not yet on disk.
#[derive(Default)]
struct NewKeys {
    /// Each new key dir with its keys, for [`keys::store`].
    dirs: Vec<(PathBuf, NodeKeys)>,
    /// Names of the nodes whose keys are new.
    names: BTreeSet<String>,
}

/// Loads existing key dirs and makes keys for the missing ones (and for those `replaced`
/// says `--recreate` deletes), in parallel and in memory: nothing is written here.
fn node_keys(
    config: &Config,
    paths: &Layout,
    replaced: &dyn Fn(&Path) -> bool,
) -> Result<(Vec<NodeKeys>, NewKeys)> {
    let dirs: Vec<PathBuf> = config
        .nodes
        .iter()
        .map(|n| paths.key_dir(&n.key_dir))
        .collect();
    let missing: Vec<bool> = dirs.iter().map(|d| replaced(d) || !d.exists()).collect();
    let count = missing.iter().filter(|&&m| m).count();
    let mut made = keys::generate_many_in_memory(count).into_iter();
    let mut out = Vec::with_capacity(dirs.len());
    let mut new = NewKeys::default();
    for (i, dir) in dirs.iter().enumerate() {
        let keys = if missing[i] {
            let keys = made.next().expect("one result per dir")?;
            new.dirs.push((dir.clone(), keys.clone()));
            new.names.insert(config.nodes[i].name.clone());
            keys
        } else {
            keys::load(dir)?
        };
        out.push(keys);
    }
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
