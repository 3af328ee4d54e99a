//! `qctl add-external`

use clap::Args;

use super::{GlobalArgs, Ui};

/// Import another organisation's join bundle into the config
#[derive(Debug, Args)]
pub struct AddExternalArgs {
    /// Bundle file, or - for stdin
    #[arg(default_value = "-", value_name = "FILE|-")]
    pub file: String,
    /// Update entries of the same names whose content changed
    #[arg(long)]
    pub replace: bool,
}

pub fn run(_ui: &mut Ui, _g: &GlobalArgs, _args: &AddExternalArgs) -> anyhow::Result<()> {
    anyhow::bail!("`qctl add-external` is not available yet")
}
