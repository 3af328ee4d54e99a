//! `qctl connect`

use clap::{Args, ValueEnum};

use super::{Context, Ui};
use crate::error::Result;
use crate::k8s::names;
use crate::ops::live;

/// A container of a node's pod that runs a shell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellContainer {
    Quorum,
    Tessera,
}

impl ShellContainer {
    pub fn name(self) -> &'static str {
        match self {
            ShellContainer::Quorum => names::CONTAINER_QUORUM,
            ShellContainer::Tessera => names::CONTAINER_TESSERA,
        }
    }
}

/// Open a shell in a node's container, or run a command there
#[derive(Debug, Args)]
#[command(
    after_help = "Runs `/bin/sh` (or COMMAND) in the container of the node's newest \
pod through the API server's exec, as `kubectl exec -it` does: with this terminal when there is \
one, else reading the shell's input from stdin. A command that exits non-zero exits 1.

Examples:
  qctl connect quorum-node1
  qctl connect quorum-node1 --container tessera
  qctl connect quorum-node1 -- ls -l /data/dd
  echo 'du -sh /data/dd' | qctl connect quorum-node1"
)]
pub struct ConnectArgs {
    /// The node (of this config)
    pub node: String,
    /// The container (`-c` is `--config` in every qctl command)
    #[arg(long, value_enum, default_value_t = ShellContainer::Quorum)]
    pub container: ShellContainer,
    /// A command to run instead of the shell, after `--`
    #[arg(last = true, value_name = "COMMAND")]
    pub command: Vec<String>,
}

pub fn run(_ui: &mut Ui, ctx: &Context, args: &ConnectArgs) -> Result<()> {
    let node = live::local_node(&ctx.loaded()?.config, &args.node)?;
    let container = args.container.name();
    live::check_container(node, container)?;
    let ns = ctx.namespace()?;
    let cluster = ctx.cluster()?;
    super::terminal::session(|size| {
        live::connect(cluster, &ns, &node.name, container, &args.command, size)
    })
}
