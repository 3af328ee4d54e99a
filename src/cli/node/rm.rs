//! `qctl node rm`

use clap::Args;

use crate::cli::{Context, Ui};
use crate::error::{Error, Result};
use crate::ops::node::remove;

/// Remove a node from the config (its keys stay unless --purge-keys)
#[derive(Debug, Args)]
pub struct NodeRmArgs {
    /// Node name
    pub name: String,
    /// Also delete the node's key directory (asks unless --yes)
    #[arg(long)]
    pub purge_keys: bool,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &NodeRmArgs) -> Result<()> {
    if args.purge_keys && !ui.confirm(&format!("Delete the keys of `{}` for good?", args.name))? {
        return Err(Error::cancelled("nothing was changed"));
    }
    let removed = remove(ctx.config_path(), ctx.out(), &args.name, args.purge_keys)?;
    ui.status(format!(
        "removed node `{}` from `{}`",
        removed.name,
        ctx.config_path().display()
    ));
    if removed.keys_purged {
        ui.status(format!("deleted key dir `{}`", removed.key_dir.display()));
    } else if removed.key_dir.exists() {
        ui.status(format!("kept key dir `{}`", removed.key_dir.display()));
    }
    ui.hint("qctl generate && qctl deploy");
    Ok(())
}
