//! `qctl export-external`

use std::path::PathBuf;

use clap::Args;

use super::{GlobalArgs, Ui};

/// Print a join bundle of this network's nodes for another organisation
#[derive(Debug, Args)]
pub struct ExportExternalArgs {
    /// Reachable address of the cluster's nodes [default: ExternalIP of a Ready node]
    #[arg(long, value_name = "IP")]
    pub node_ip: Option<String>,
    /// Export only these nodes
    #[arg(long, value_delimiter = ',', value_name = "A,B")]
    pub nodes: Vec<String>,
    /// Write the bundle to a file instead of stdout
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Bundle format
    #[arg(short, long, value_parser = ["yaml", "json"], default_value = "yaml")]
    pub output: String,
    /// Leave the genesis out of the bundle
    #[arg(long)]
    pub without_genesis: bool,
}

pub fn run(_ui: &mut Ui, _g: &GlobalArgs, _args: &ExportExternalArgs) -> anyhow::Result<()> {
    anyhow::bail!("`qctl export-external` is not available yet")
}
