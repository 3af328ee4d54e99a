//! `qctl export-external`

use std::path::PathBuf;

use clap::Args;

use super::{GlobalArgs, Ui};
use crate::external::Format;
use crate::fsutil;
use crate::ops::cluster::namespace;
use crate::ops::external::{ExportOptions, export};

/// Print a join bundle of this network's nodes for another organisation
#[derive(Debug, Args)]
#[command(
    after_help = "Reads each node's peer-facing Service, its public identity and the genesis from the \
cluster. The bundle holds public data only."
)]
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

pub fn run(ui: &mut Ui, g: &GlobalArgs, args: &ExportExternalArgs) -> anyhow::Result<()> {
    let loaded = crate::config::load(&g.config)?;
    let ns = namespace(&loaded.config, g.namespace.as_deref())?;
    let exported = export(&ExportOptions {
        loaded: &loaded,
        namespace: &ns,
        context: g.context.as_deref(),
        node_ip: args.node_ip.as_deref(),
        nodes: &args.nodes,
        with_genesis: !args.without_genesis,
        format: if args.output == "json" {
            Format::Json
        } else {
            Format::Yaml
        },
    })?;
    for w in &exported.warnings {
        ui.warn(w);
    }
    match &args.output_file {
        Some(path) => {
            fsutil::write_atomic(path, exported.text.as_bytes(), 0o644).map_err(|e| {
                anyhow::anyhow!(e).context(format!("failed to write `{}`", path.display()))
            })?;
            ui.status(format!(
                "wrote a join bundle of {} node(s) to `{}`",
                exported.bundle.external_nodes.len(),
                path.display()
            ));
        }
        None => ui.data(&exported.text)?,
    }
    ui.hint("send the bundle to the other organisation: qctl add-external FILE");
    Ok(())
}
