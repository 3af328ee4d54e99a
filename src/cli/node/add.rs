//! `qctl node add`

use clap::Args;

use crate::cli::{GlobalArgs, Ui, UsageError};
use crate::config::model::parse_version;
use crate::network::{Consensus, TxManagerKind};
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
    pub consensus: Option<Consensus>,
    /// GoQuorum version [default: genesis.Quorum_Version]
    #[arg(long, value_name = "VERSION")]
    pub quorum_version: Option<String>,
    /// Transaction manager [default: that of the first node]
    #[arg(long, value_enum)]
    pub tm: Option<TxManagerKind>,
    /// Tessera version [default: that of the first node]
    #[arg(long, value_name = "VERSION")]
    pub tm_version: Option<String>,
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

pub fn run(ui: &mut Ui, g: &GlobalArgs, args: &NodeAddArgs) -> anyhow::Result<()> {
    let version = |flag: &str, v: &Option<String>| {
        v.as_deref()
            .map(parse_version)
            .transpose()
            .map_err(|m| UsageError(format!("{flag}: {m}")))
    };
    let opts = NodeAddOptions {
        name: args.name.clone(),
        key_dir: args.key_dir.clone(),
        consensus: args.consensus,
        quorum_version: version("--quorum-version", &args.quorum_version)?,
        tm: args.tm,
        tm_version: version("--tm-version", &args.tm_version)?,
        quorum_image: args.quorum_image.clone(),
        tm_image: args.tm_image.clone(),
        geth_params: args.geth_params.clone(),
    };
    let spec = add(&g.config, &opts)?;
    ui.status(format!(
        "added node `{}` ({} GoQuorum {}, key dir `{}`) to `{}`",
        spec.name,
        spec.consensus,
        spec.quorum_version,
        spec.key_dir,
        g.config.display()
    ));
    ui.hint("qctl generate");
    Ok(())
}
