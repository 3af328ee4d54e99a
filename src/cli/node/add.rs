//! `qctl node add`

use clap::Args;

use crate::cli::args::parse_version;
use crate::cli::{ConsensusArg, TmArg};
use crate::cli::{Context, Ui};
use crate::error::Result;
use crate::ops::node::{NodeAddOptions, add};

/// Append a node to the config
#[derive(Debug, Args)]
pub struct NodeAddArgs {
    /// Node name (a DNS-1123 label, unique in the network)
    pub name: String,
    /// Key directory name [default: key-<NAME>]
    #[arg(long, value_name = "DIR")]
    pub key_dir: Option<String>,
    /// Consensus [default: genesis.consensus]
    #[arg(long, value_enum)]
    pub consensus: Option<ConsensusArg>,
    /// GoQuorum version [default: genesis.Quorum_Version]
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    pub quorum_version: Option<semver::Version>,
    /// Transaction manager [default: that of the first node]
    #[arg(long, value_enum)]
    pub tm: Option<TmArg>,
    /// Tessera version [default: that of the first node]
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    pub tm_version: Option<semver::Version>,
    /// Full GoQuorum image reference
    #[arg(long, value_name = "IMAGE")]
    pub quorum_image: Option<String>,
    /// Full Tessera image reference
    #[arg(long, value_name = "IMAGE")]
    pub tm_image: Option<String>,
    /// Extra geth flags, appended verbatim
    #[arg(long, value_name = "FLAGS", allow_hyphen_values = true)]
    pub geth_params: Option<String>,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &NodeAddArgs) -> Result<()> {
    let opts = NodeAddOptions {
        name: args.name.clone(),
        key_dir: args.key_dir.clone(),
        consensus: args.consensus.map(Into::into),
        quorum_version: args.quorum_version.clone(),
        tm: args.tm.map(Into::into),
        tm_version: args.tm_version.clone(),
        quorum_image: args.quorum_image.clone(),
        tm_image: args.tm_image.clone(),
        geth_params: args.geth_params.clone(),
        out: ctx.out().to_path_buf(),
    };
    let spec = add(ctx.config_path(), &opts)?;
    ui.status(format!(
        "added node `{}` ({} GoQuorum {}, key dir `{}`) to `{}`",
        spec.name,
        spec.consensus,
        spec.quorum_version,
        spec.key_dir,
        ctx.config_path().display()
    ));
    ui.hint("qctl generate");
    Ok(())
}
