//! The settings of a node, shared by `qctl node add` and `qctl node update`.

use clap::Args;

use crate::cli::args::parse_version;
use crate::cli::{ConsensusArg, TmArg};
use crate::ops::node::NodeSettings;

/// A node's settings; each flag not given is left to the default (`add`) or unchanged
/// (`update`).
#[derive(Debug, Clone, Args)]
pub struct NodeFlags {
    /// Key directory name [add: key-<NAME>]
    #[arg(long, value_name = "DIR")]
    pub key_dir: Option<String>,
    /// Consensus [add: genesis.consensus]
    #[arg(long, value_enum)]
    pub consensus: Option<ConsensusArg>,
    /// GoQuorum version [add: genesis.Quorum_Version]
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    pub quorum_version: Option<semver::Version>,
    /// Transaction manager [add: that of the first node]
    #[arg(long, value_enum)]
    pub tm: Option<TmArg>,
    /// Tessera version [add: that of the first node]
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    pub tm_version: Option<semver::Version>,
    /// Full GoQuorum image reference
    #[arg(long, value_name = "IMAGE")]
    pub quorum_image: Option<String>,
    /// Full Tessera image reference
    #[arg(long, value_name = "IMAGE")]
    pub tm_image: Option<String>,
    /// Extra geth flags, appended verbatim (update: replaces the node's)
    #[arg(long, value_name = "FLAGS", allow_hyphen_values = true)]
    pub geth_params: Option<String>,
}

impl NodeFlags {
    pub fn settings(&self) -> NodeSettings {
        NodeSettings {
            key_dir: self.key_dir.clone(),
            consensus: self.consensus.map(Into::into),
            quorum_version: self.quorum_version.clone(),
            tm: self.tm.map(Into::into),
            tm_version: self.tm_version.clone(),
            quorum_image: self.quorum_image.clone(),
            tm_image: self.tm_image.clone(),
            geth_params: self.geth_params.clone(),
        }
    }
}
