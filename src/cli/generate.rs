//! `qctl generate`

use clap::Args;

use super::{GlobalArgs, Ui};

/// Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Wipe out/ (after confirmation) and generate everything anew, genesis and keys included
    #[arg(long)]
    pub recreate: bool,
}

pub fn run(_ui: &mut Ui, _g: &GlobalArgs, _args: &GenerateArgs) -> anyhow::Result<()> {
    anyhow::bail!("`qctl generate` is not available yet")
}
