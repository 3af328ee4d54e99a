//! The key names of `qubernetes.yaml` (the original qubernetes layout), shared by the reader
//! and the writer of entries, so a name is spelled once.

/// A node's name (local and external nodes).
pub const NODE_NAME: &str = "Node_UserIdent";
/// A local node's key directory name.
pub const KEY_DIR: &str = "Key_Dir";
/// GoQuorum version (genesis default, or per node).
pub const QUORUM_VERSION: &str = "Quorum_Version";
/// A full image reference (GoQuorum or the transaction manager).
pub const IMAGE: &str = "Docker_Repo_Full";
/// Transaction manager version (genesis default, or per node).
pub const TM_VERSION: &str = "Tm_Version";
/// Extra geth flags of a node.
pub const GETH_PARAMS: &str = "Geth_Startup_Params";
/// An external node's enode URL.
pub const ENODE_URL: &str = "Enode_Url";
/// An external node's Tessera URL.
pub const TM_URL: &str = "Tm_Url";
/// An external node's Tessera public key.
pub const TM_PUBLIC_KEY: &str = "Tm_Public_Key";
/// An external validator's address.
pub const VALIDATOR_ADDRESS: &str = "Node_Acct_Addr";
/// The chain id (genesis).
pub const CHAIN_ID: &str = "Chain_Id";
/// A pinned genesis, relative to the config (config section).
pub const GENESIS_FILE: &str = "Genesis_File";
/// Parent of the key dirs, relative to the config (config section).
pub const KEY_DIR_BASE: &str = "Key_Dir_Base";
/// The transaction manager a node runs (tessera, none).
pub const TM_NAME: &str = "Name";
/// The section that turns monitoring on (top level).
pub const PROMETHEUS: &str = "prometheus";
/// Whether monitoring is on (`prometheus` section; on when absent from a present section).
pub const PROMETHEUS_ENABLED: &str = "enabled";
/// A fixed NodePort for the Prometheus Service (`prometheus` section; the original's key).
pub const PROMETHEUS_NODE_PORT: &str = "nodePort_prom";
