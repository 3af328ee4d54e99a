//! `qctl export-external`

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{Context, Ui};
use crate::error::Result;
use crate::external::Format;
use crate::fsutil;
use crate::ops::OpsError;
use crate::ops::external::{ExportOptions, export};

/// `-o`: the format of the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BundleFormat {
    Yaml,
    Json,
}

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
    #[arg(short, long, value_enum, default_value_t = BundleFormat::Yaml)]
    pub output: BundleFormat,
    /// Leave the genesis out of the bundle
    #[arg(long)]
    pub without_genesis: bool,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &ExportExternalArgs) -> Result<()> {
    let ns = ctx.namespace()?;
    let cluster = ctx.cluster()?;
    let exported = export(
        cluster,
        &ExportOptions {
            loaded: ctx.loaded()?,
            namespace: &ns,
            node_ip: args.node_ip.as_deref(),
            nodes: &args.nodes,
            with_genesis: !args.without_genesis,
            format: match args.output {
                BundleFormat::Yaml => Format::Yaml,
                BundleFormat::Json => Format::Json,
            },
        },
    )?;
    for w in &exported.warnings {
        ui.warn(w);
    }
    match &args.output_file {
        Some(path) => {
            fsutil::write_atomic(path, exported.text.as_bytes(), 0o644)
                .map_err(OpsError::io("write", path))?;
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
