//! `qctl destroy`

use clap::Args;

use super::{GlobalArgs, Ui};

/// Delete what deploy created (asks unless --yes)
#[derive(Debug, Args)]
pub struct DestroyArgs {
    /// Keep the nodes' volumes (PVCs) and so their chain data
    #[arg(long)]
    pub keep_data: bool,
}

pub fn run(_ui: &mut Ui, _g: &GlobalArgs, _args: &DestroyArgs) -> anyhow::Result<()> {
    anyhow::bail!("`qctl destroy` is not available yet")
}
