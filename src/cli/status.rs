//! `qctl status`

use clap::Args;

use super::{GlobalArgs, OutputFormat, Ui};

/// Show each node's pod, readiness, restarts and NodePorts
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Output format [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
}

pub fn run(_ui: &mut Ui, _g: &GlobalArgs, _args: &StatusArgs) -> anyhow::Result<()> {
    anyhow::bail!("`qctl status` is not available yet")
}
