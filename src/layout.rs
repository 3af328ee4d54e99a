//! Where qctl's files live: every path under `out/`, the key directories, the pinned genesis,
//! and the rule that tells a file qctl generated from a file of the user's.
//!
//! ```text
//! <config dir>/
//!   qubernetes.yaml                       the config (any name, --config)
//!   pinned-genesis.json                   add-external: the imported genesis (config.Genesis_File)
//!   <Key_Dir_Base>/<Key_Dir>/             key dirs, when config.Key_Dir_Base is set
//! out/                                    --out
//!   00-namespace.yaml, NN-quorum-*.yaml   numbered manifests, applied in name order
//!   deployments/
//!     <node>-quorum-deployment.yaml       one workload per node, applied last
//!   config/
//!     <Key_Dir>/                          key dirs (the default key base)
//!     genesis.json                        created once, then kept
//!     permissioned-nodes.json
//!     static-nodes.json
//!     istanbul-validator-config.toml      IBFT/QBFT only
//!     tessera/<node>.json                 nodes with Tessera
//! ```
//!
//! Only this module spells these names. It reads directories but deletes nothing: the callers
//! decide what to remove and report it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::config::Loaded;

/// Directory of the per-node workloads, relative to `out/`.
pub const DEPLOYMENTS_DIR: &str = "deployments";
/// Directory of the derived config files (and, by default, the key dirs), relative to `out/`.
pub const CONFIG_DIR: &str = "config";
/// Directory of the per-node Tessera configs, relative to the config dir.
const TESSERA_DIR: &str = "tessera";
/// Suffix of a node's workload manifest under [`DEPLOYMENTS_DIR`].
const DEPLOYMENT_SUFFIX: &str = "-quorum-deployment.yaml";

/// File name of the genesis under [`CONFIG_DIR`].
pub const GENESIS_FILE: &str = "genesis.json";

/// File name of an imported genesis, stored beside the config and pinned by `config.Genesis_File`.
pub const PINNED_GENESIS_FILE: &str = "pinned-genesis.json";

/// A node's workload manifest, relative to `out/`.
pub fn deployment_manifest(node: &str) -> PathBuf {
    Path::new(DEPLOYMENTS_DIR).join(format!("{node}{DEPLOYMENT_SUFFIX}"))
}

/// A numbered top-level manifest such as `03-quorum-services.yaml`, relative to `out/`.
pub fn numbered_manifest(name: &str) -> PathBuf {
    debug_assert!(is_numbered_manifest(name), "{name}");
    PathBuf::from(name)
}

/// The files of one network: `out/`, and the key base the config chooses.
#[derive(Debug, Clone)]
pub struct Layout {
    out: PathBuf,
    key_base: PathBuf,
    config_base: PathBuf,
}

impl Layout {
    /// The layout of `loaded` with its generated files in `out`.
    pub fn new(loaded: &Loaded, out: &Path) -> Layout {
        let config_base = loaded.base_dir();
        let key_base = match &loaded.config.paths.key_dir_base {
            Some(base) => config_base.join(base),
            None => out.join(CONFIG_DIR),
        };
        Layout {
            out: out.to_path_buf(),
            key_base,
            config_base,
        }
    }

    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Parent of the per-node key dirs: `config.Key_Dir_Base` (relative to the config file),
    /// else `<out>/config`.
    pub fn key_base(&self) -> &Path {
        &self.key_base
    }

    pub fn key_dir(&self, key_dir: &str) -> PathBuf {
        self.key_base.join(key_dir)
    }

    pub fn config_dir(&self) -> PathBuf {
        self.out.join(CONFIG_DIR)
    }

    pub fn genesis(&self) -> PathBuf {
        self.config_dir().join(GENESIS_FILE)
    }

    pub fn permissioned_nodes(&self) -> PathBuf {
        self.config_dir().join("permissioned-nodes.json")
    }

    pub fn static_nodes(&self) -> PathBuf {
        self.config_dir().join("static-nodes.json")
    }

    pub fn validator_config(&self) -> PathBuf {
        self.config_dir().join("istanbul-validator-config.toml")
    }

    pub fn tessera_config(&self, node: &str) -> PathBuf {
        self.config_dir()
            .join(TESSERA_DIR)
            .join(format!("{node}.json"))
    }

    /// A manifest file of [`crate::k8s::build`], whose path is relative to `out/`.
    pub fn manifest(&self, relative: &Path) -> PathBuf {
        self.out.join(relative)
    }

    pub fn deployment_manifest(&self, node: &str) -> PathBuf {
        self.out.join(deployment_manifest(node))
    }

    /// The directories whose `*.yaml` files `deploy` applies, in apply order.
    pub fn manifest_dirs(&self) -> [PathBuf; 2] {
        [self.out.clone(), self.out.join(DEPLOYMENTS_DIR)]
    }

    /// Where `add-external` stores a bundle's genesis: beside the config.
    pub fn pinned_genesis(&self) -> PathBuf {
        self.config_base.join(PINNED_GENESIS_FILE)
    }

    /// What `generate --recreate` deletes: the generated directories (key dirs of the default
    /// key base included) and the numbered manifests. Nothing else in `out/` is qctl's.
    pub fn recreate_targets(&self) -> (Vec<PathBuf>, Vec<PathBuf>) {
        let dirs = vec![self.config_dir(), self.out.join(DEPLOYMENTS_DIR)];
        let mut files = Vec::new();
        if let Ok(entries) = fs::read_dir(&self.out) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_file() && is_numbered_manifest(&entry.file_name().to_string_lossy()) {
                    files.push(path);
                }
            }
        }
        files.sort();
        (dirs, files)
    }

    /// Files qctl generated earlier and `keep` does not hold (manifests of removed nodes,
    /// dropped optional objects, Tessera configs of removed nodes), and temp files of writes a
    /// killed run left behind. Files of other names are the user's and never listed.
    pub fn stale_files(&self, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
        let config = self.config_dir();
        let dirs = [
            self.out.clone(),
            self.out.join(DEPLOYMENTS_DIR),
            config.join(TESSERA_DIR),
            config,
        ];
        let mut stale = Vec::new();
        for dir in dirs {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let name = entry.file_name();
                // `file_type` does not follow links: a link is never qctl's.
                let is_file = entry.file_type().is_ok_and(|t| t.is_file());
                if is_file && is_generated(&dir, &name.to_string_lossy()) && !keep(&path) {
                    stale.push(path);
                }
            }
        }
        stale.sort();
        stale
    }
}

/// Whether the file `name` in `dir` (a directory of the layout) is one qctl writes.
fn is_generated(dir: &Path, name: &str) -> bool {
    if name.starts_with(crate::fsutil::TEMP_PREFIX) {
        return true;
    }
    match dir.file_name().and_then(|d| d.to_str()) {
        Some(DEPLOYMENTS_DIR) => name.ends_with(DEPLOYMENT_SUFFIX),
        Some(TESSERA_DIR) => name.ends_with(".json"),
        _ => is_numbered_manifest(name),
    }
}

/// `NN-quorum-….yaml` or `NN-namespace.yaml`, the names of the top-level manifests.
fn is_numbered_manifest(name: &str) -> bool {
    let Some((number, rest)) = name.split_once('-') else {
        return false;
    };
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && (rest.starts_with("quorum-") || rest == "namespace.yaml")
        && rest.ends_with(".yaml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_manifests_are_ours_and_other_yaml_is_the_users() {
        for ours in [
            "00-namespace.yaml",
            "03.1-quorum-ingress.yaml",
            "04-quorum-node-config.yaml",
        ] {
            assert!(is_numbered_manifest(ours), "{ours}");
        }
        for theirs in [
            "notes.yaml",
            "00-mine.yaml",
            "x-quorum-a.yaml",
            "01-quorum-a.yml",
        ] {
            assert!(!is_numbered_manifest(theirs), "{theirs}");
        }
    }

    #[test]
    fn a_deployment_manifest_is_recognised_only_in_the_deployments_dir() {
        let name = deployment_manifest("n1");
        let file = name.file_name().unwrap().to_str().unwrap();
        assert!(is_generated(Path::new("out/deployments"), file));
        assert!(!is_generated(Path::new("out"), file));
    }
}
