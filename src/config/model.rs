//! The typed model of `qubernetes.yaml`. [`Config::from_doc`] (in `read.rs`) builds it from
//! the document tree; the field validators are in `checks.rs`.

use crate::network::{
    Consensus, ExternalNode, IngressSpec, ServiceType, StorageSpec, TxManagerKind,
};

pub const DEFAULT_DOCKER_REPO: &str = "quorumengineering";
pub const DEFAULT_VERBOSITY: u8 = 3;

/// One problem found in the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    /// Field path such as `nodes[2].Key_Dir`.
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub genesis: GenesisSection,
    pub nodes: Vec<NodeEntry>,
    pub external_nodes: Vec<ExternalEntry>,
    pub k8s: K8sSection,
    /// `prometheus` present and not `enabled: false` (see [`Config::prometheus_node_port`]).
    pub prometheus: bool,
    /// `prometheus.nodePort_prom`, whether or not monitoring is on.
    pub prometheus_node_port: Option<u16>,
    pub paths: PathsSection,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenesisSection {
    pub consensus: Consensus,
    pub quorum_version: semver::Version,
    pub tm_version: semver::Version,
    pub chain_id: u64,
    pub test_qbft_block: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeEntry {
    pub name: String,
    pub key_dir: String,
    pub consensus: Consensus,
    pub quorum_version: semver::Version,
    pub quorum_image: String,
    pub tm: TxManagerKind,
    pub tm_version: semver::Version,
    pub tm_image: String,
    pub geth_params: String,
    pub verbosity: u8,
    pub line: usize,
}

impl NodeEntry {
    /// Whether the node runs a transaction manager (Tessera).
    pub fn has_tessera(&self) -> bool {
        self.tm != TxManagerKind::None
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalEntry {
    pub name: String,
    pub enode_url: String,
    /// Normalised with a scheme (`http://` is added to the old scheme-less form).
    pub tm_url: Option<String>,
    /// Base64 of 32 bytes.
    pub tm_public_key: Option<String>,
    /// EIP-55 form.
    pub node_acct_addr: Option<String>,
    pub line: usize,
}

impl From<&ExternalEntry> for ExternalNode {
    fn from(e: &ExternalEntry) -> Self {
        ExternalNode {
            name: e.name.clone(),
            enode_url: e.enode_url.clone(),
            tm_url: e.tm_url.clone(),
            tm_public_key: e.tm_public_key.clone(),
            validator_address: e.node_acct_addr.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct K8sSection {
    pub namespace: Option<String>,
    pub service_type: ServiceType,
    pub ingress: Option<IngressSpec>,
    pub network_policy: bool,
    pub storage: StorageSpec,
    pub run_as_user: Option<i64>,
    pub run_as_group: Option<i64>,
    pub fs_group: Option<i64>,
}

impl Default for K8sSection {
    /// A NetworkPolicy unless the config turns it off: RPC is reachable only from the namespace.
    fn default() -> Self {
        K8sSection {
            namespace: None,
            service_type: ServiceType::default(),
            ingress: None,
            network_policy: true,
            storage: StorageSpec::default(),
            run_as_user: None,
            run_as_group: None,
            fs_group: None,
        }
    }
}

/// `config.*`: paths relative to the config file's directory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PathsSection {
    pub key_dir_base: Option<String>,
    /// A pinned genesis (imported from another organisation, or hand-made), used verbatim.
    pub genesis_file: Option<String>,
}

impl Config {
    pub fn node(&self, name: &str) -> Option<&NodeEntry> {
        self.nodes.iter().find(|n| n.name == name)
    }

    /// Every name in use, local and external.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.nodes
            .iter()
            .map(|n| n.name.as_str())
            .chain(self.external_nodes.iter().map(|n| n.name.as_str()))
    }
}

pub use super::checks::{
    check_dns_label, check_enode_url, check_key_dir, normalise_tm_url, parse_version,
};
