//! `qctl logs`

use clap::{Args, ValueEnum};

use super::{Context, Ui};
use crate::cluster::container::LogRequest;
use crate::error::Result;
use crate::k8s::names;
use crate::ops::live;

/// A container of a node's pod.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ContainerArg {
    Quorum,
    Tessera,
    #[value(name = "init-datadir")]
    InitDatadir,
}

impl ContainerArg {
    pub fn name(self) -> &'static str {
        match self {
            ContainerArg::Quorum => names::CONTAINER_QUORUM,
            ContainerArg::Tessera => names::CONTAINER_TESSERA,
            ContainerArg::InitDatadir => names::CONTAINER_INIT,
        }
    }
}

/// Print the logs of a node's container
#[derive(Debug, Args)]
#[command(
    after_help = "Reads the node's newest pod through the API server, as `kubectl logs` does."
)]
pub struct LogsArgs {
    /// The node (of this config)
    pub node: String,
    /// The container (`-c` is `--config` in every qctl command)
    #[arg(long, value_enum, default_value_t = ContainerArg::Quorum)]
    pub container: ContainerArg,
    /// Keep printing new lines until interrupted
    #[arg(short, long)]
    pub follow: bool,
    /// Print only the last N lines
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i64).range(0..))]
    pub tail: Option<i64>,
    /// The logs of the container's previous run (after a restart)
    #[arg(short, long)]
    pub previous: bool,
    /// Prefix each line with its time
    #[arg(long)]
    pub timestamps: bool,
    /// Only lines newer than this, e.g. 10m, 1h
    #[arg(long, value_name = "DURATION", value_parser = super::deploy::parse_duration)]
    pub since: Option<std::time::Duration>,
}

pub fn run(_ui: &mut Ui, ctx: &Context, args: &LogsArgs) -> Result<()> {
    let node = live::local_node(&ctx.loaded()?.config, &args.node)?;
    live::check_container(node, args.container.name())?;
    let ns = ctx.namespace()?;
    let request = LogRequest {
        container: args.container.name().into(),
        follow: args.follow,
        tail: args.tail,
        previous: args.previous,
        timestamps: args.timestamps,
        since_seconds: args.since.map(|d| d.as_secs().max(1) as i64),
    };
    live::logs(ctx.cluster()?, &ns, &node.name, &request)
}
