//! `qctl node update`

use clap::Args;

use super::flags::NodeFlags;
use crate::cli::{Context, Ui};
use crate::error::Result;
use crate::ops::node::{NodeUpdateOptions, update};

/// Change settings of a node in the config; only the flags given change
#[derive(Debug, Args)]
#[command(
    after_help = "Comments and unknown keys of the config are kept. Changes that would give the node a new \
identity (another key dir once it has keys, a consensus engine the chain does not run) are refused."
)]
pub struct NodeUpdateArgs {
    /// Node name
    pub name: String,
    #[command(flatten)]
    pub settings: NodeFlags,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &NodeUpdateArgs) -> Result<()> {
    let opts = NodeUpdateOptions {
        name: args.name.clone(),
        settings: args.settings.settings(),
        out: ctx.out().to_path_buf(),
    };
    let updated = update(ctx.config_path(), &opts)?;
    if updated.changes.is_empty() {
        ui.status(format!(
            "node `{}` already has these settings; `{}` is unchanged",
            updated.name,
            ctx.config_path().display()
        ));
        return Ok(());
    }
    for c in &updated.changes {
        ui.status(format!("{}: `{}` → `{}`", c.field, c.from, c.to));
    }
    ui.status(format!(
        "updated node `{}` in `{}`",
        updated.name,
        ctx.config_path().display()
    ));
    ui.hint("qctl generate && qctl deploy");
    Ok(())
}
