//! `qctl node add`

use clap::Args;

use super::flags::NodeFlags;
use crate::cli::{Context, Ui};
use crate::error::Result;
use crate::ops::node::{NodeAddOptions, add};

/// Append a node to the config
#[derive(Debug, Args)]
pub struct NodeAddArgs {
    /// Node name (a DNS-1123 label, unique in the network)
    pub name: String,
    #[command(flatten)]
    pub settings: NodeFlags,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &NodeAddArgs) -> Result<()> {
    let opts = NodeAddOptions {
        name: args.name.clone(),
        settings: args.settings.settings(),
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
