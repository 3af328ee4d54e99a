//! The resolved network: what `generate` knows once the config is validated and every node's
//! keys are loaded. The generators ([`crate::genesis`], [`crate::quorum`], [`crate::k8s`]) read
//! only this, never the raw config, so they stay pure and testable from fixed values.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// Ports fixed by the network layout (anchor reference §4.1).
pub mod ports {
    pub const P2P: u16 = 30303;
    pub const RAFT: u16 = 50401;
    pub const RPC: u16 = 8545;
    pub const WS: u16 = 8546;
    pub const METRICS: u16 = 6060;
    pub const TESSERA_P2P: u16 = 9001;
    pub const TESSERA_THIRD_PARTY: u16 = 9080;
    /// The Prometheus server's web UI and API (with `prometheus`).
    pub const PROMETHEUS: u16 = 9090;
}

/// The name of the Prometheus server `prometheus` turns on (its Deployment and Service). No
/// node, local or external, may have it while monitoring is on: the node's Deployment and peer
/// Service would be the server's.
pub const MONITOR_NAME: &str = "quorum-monitor";

/// Default versions when the config names none.
pub const DEFAULT_QUORUM_VERSION: &str = "24.4.1";
pub const DEFAULT_TESSERA_VERSION: &str = "24.4.2";
pub const DEFAULT_CHAIN_ID: u64 = 1000;

/// A consensus engine GoQuorum runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Consensus {
    Qbft,
    Istanbul,
    Raft,
    Clique,
}

impl Consensus {
    /// Of a node's two addresses, the one the engine's votes name: IBFT/QBFT validators are
    /// nodekey addresses, clique signers the keystore accounts that seal; raft has neither.
    pub fn voting_address<'a>(
        self,
        node_address: &'a str,
        account_address: &'a str,
    ) -> Option<&'a str> {
        match self {
            Consensus::Qbft | Consensus::Istanbul => Some(node_address),
            Consensus::Clique => Some(account_address),
            Consensus::Raft => None,
        }
    }

    pub const ALL: [Consensus; 4] = [
        Consensus::Qbft,
        Consensus::Istanbul,
        Consensus::Raft,
        Consensus::Clique,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Consensus::Qbft => "qbft",
            Consensus::Istanbul => "istanbul",
            Consensus::Raft => "raft",
            Consensus::Clique => "clique",
        }
    }

    /// IBFT and QBFT: validators are node (nodekey) addresses.
    pub fn is_bft(self) -> bool {
        matches!(self, Consensus::Qbft | Consensus::Istanbul)
    }
}

impl fmt::Display for Consensus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Consensus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Consensus::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                format!("unknown consensus `{s}`; expected one of qbft, istanbul, raft, clique")
            })
    }
}

/// The transaction manager a node runs beside GoQuorum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxManagerKind {
    Tessera,
    /// Read from old configs so they load; `generate` refuses it with a clear error.
    Constellation,
    None,
}

impl TxManagerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TxManagerKind::Tessera => "tessera",
            TxManagerKind::Constellation => "constellation",
            TxManagerKind::None => "none",
        }
    }
}

impl FromStr for TxManagerKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "tessera" => Ok(TxManagerKind::Tessera),
            "constellation" => Ok(TxManagerKind::Constellation),
            "none" => Ok(TxManagerKind::None),
            _ => Err(format!(
                "unknown transaction manager `{s}`; expected tessera or none"
            )),
        }
    }
}

/// Public identity of a node: safe to print, export and put in ConfigMaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeIdentity {
    /// 128 lower-case hex chars: the uncompressed secp256k1 public key X‖Y of the nodekey.
    pub enode_id: String,
    /// EIP-55 `0x…` address of the nodekey (IBFT/QBFT validator address).
    pub node_address: String,
    /// EIP-55 `0x…` address of the account keystore (alloc, clique signer).
    pub account_address: String,
    /// Base64 Tessera public key, when the node has Tessera keys.
    pub tm_public_key: Option<String>,
}

/// Private material of a node. Goes to files with mode 0600 and to Secrets, nowhere else.
#[derive(Clone, PartialEq, Eq)]
pub struct NodeSecrets {
    /// 64 hex chars, no `0x`.
    pub nodekey: String,
    /// Web3 Secret Storage v3 JSON of the account key.
    pub keystore_json: String,
    pub password: String,
    /// Tessera private key file content (`{"data":{"bytes":…},"type":"unlocked"}`).
    pub tm_private_key_json: Option<String>,
}

impl fmt::Debug for NodeSecrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NodeSecrets(<redacted>)")
    }
}

/// Tessera settings of a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TesseraSpec {
    pub version: semver::Version,
    /// Full image reference, e.g. `quorumengineering/tessera:24.4.2`.
    pub image: String,
}

/// A node this organisation runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalNode {
    /// DNS-1123 label; also the name of its peer-facing Service.
    pub name: String,
    pub key_dir: String,
    pub consensus: Consensus,
    pub quorum_version: semver::Version,
    /// Full image reference, e.g. `quorumengineering/quorum:24.4.1`.
    pub quorum_image: String,
    pub tessera: Option<TesseraSpec>,
    /// Extra geth flags, appended verbatim.
    pub geth_params: String,
    pub verbosity: u8,
    pub identity: NodeIdentity,
    pub secrets: NodeSecrets,
}

/// A node another organisation runs, known from `external_nodes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalNode {
    pub name: String,
    /// Full `enode://<128 hex>@host:port?discport=0[&raftport=N]`.
    pub enode_url: String,
    /// Tessera P2P URL with scheme, e.g. `http://203.0.113.10:30853`.
    pub tm_url: Option<String>,
    /// Its Tessera public key (base64), which names it as a party to a private transaction.
    pub tm_public_key: Option<String>,
    /// EIP-55 validator (node) address, for BFT networks.
    pub validator_address: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ServiceType {
    #[default]
    NodePort,
    LoadBalancer,
    ClusterIP,
}

impl ServiceType {
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceType::NodePort => "NodePort",
            ServiceType::LoadBalancer => "LoadBalancer",
            ServiceType::ClusterIP => "ClusterIP",
        }
    }
}

impl FromStr for ServiceType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "NodePort" => Ok(ServiceType::NodePort),
            "LoadBalancer" => Ok(ServiceType::LoadBalancer),
            "ClusterIP" => Ok(ServiceType::ClusterIP),
            _ => Err(format!(
                "unknown service type `{s}`; expected NodePort, LoadBalancer or ClusterIP"
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngressStrategy {
    /// One Ingress per node.
    OneToOne,
    /// One Ingress with a path per node.
    OneToMany,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngressSpec {
    pub strategy: IngressStrategy,
    pub host: Option<String>,
    pub ws: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageSpec {
    /// Kubernetes quantity, default `1Gi`.
    pub capacity: String,
    pub storage_class: Option<String>,
    pub annotations: BTreeMap<String, String>,
}

impl Default for StorageSpec {
    fn default() -> Self {
        StorageSpec {
            capacity: "1Gi".to_string(),
            storage_class: None,
            annotations: BTreeMap::new(),
        }
    }
}

/// Kubernetes settings of the network (`k8s.*`, `prometheus`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct K8sSettings {
    /// `k8s.namespace`; when set a Namespace object is generated and every object carries it.
    pub namespace: Option<String>,
    pub service_type: ServiceType,
    pub storage: StorageSpec,
    pub ingress: Option<IngressSpec>,
    pub network_policy: bool,
    /// Pod-level security context overrides from `k8s.securityContext` (numeric ids only).
    pub run_as_user: Option<i64>,
    pub run_as_group: Option<i64>,
    pub fs_group: Option<i64>,
    /// `prometheus` present and not `enabled: false`.
    pub prometheus: bool,
    /// `prometheus.nodePort_prom`: the Prometheus Service becomes a NodePort on this port
    /// (an explicit opt-in; ClusterIP otherwise).
    pub prometheus_node_port: Option<u16>,
}

/// Genesis-level settings (`genesis.*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenesisSettings {
    pub consensus: Consensus,
    pub chain_id: u64,
    pub quorum_version: semver::Version,
    pub tm_version: Option<semver::Version>,
    /// `Test_QBFT_Block` of old configs (QBFT on top of IBFT from that block).
    pub test_qbft_block: Option<u64>,
}

/// Seconds between IBFT/QBFT blocks: in the genesis, and for GoQuorum before
/// [`GENESIS_BLOCK_PERIOD_SINCE`] in the pods' `--istanbul.blockperiod` flag. 3 is what the
/// original qubernetes pods ran with.
pub const BLOCK_PERIOD_SECONDS: u64 = 3;

/// GoQuorum 22.4.0 added the `qbft`/`ibft` genesis blocks, which carry the block period, and
/// deprecated `istanbul` and the `--istanbul.blockperiod` flag (Consensys/quorum PR #1357).
pub const GENESIS_BLOCK_PERIOD_SINCE: semver::Version = semver::Version::new(22, 4, 0);

/// Everything the generators need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    pub genesis: GenesisSettings,
    pub nodes: Vec<LocalNode>,
    pub external_nodes: Vec<ExternalNode>,
    pub k8s: K8sSettings,
}

/// Files derived from the network that pods read; built by [`crate::quorum`] and
/// [`crate::genesis`], carried into ConfigMaps by [`crate::k8s`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DerivedConfig {
    /// `genesis.json`, exactly as written to `out/config/genesis.json`.
    pub genesis_json: String,
    pub permissioned_nodes_json: String,
    pub static_nodes_json: String,
    /// Tessera config JSON per local node name (only nodes running Tessera).
    pub tessera_configs: BTreeMap<String, String>,
}
