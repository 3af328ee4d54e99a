//! `qctl geth exec | attach`

use clap::{Args, Subcommand};

use super::{Context, Ui};
use crate::error::Result;
use crate::ops::live;

/// geth's JavaScript console on a node
#[derive(Debug, Subcommand)]
pub enum GethCommand {
    Exec(ExecArgs),
    Attach(AttachArgs),
}

/// Run JavaScript in a node's geth console and print the result
#[derive(Debug, Args)]
#[command(
    after_help = "Runs `geth attach --exec` on the node's IPC socket, through the API \
server's exec. An exception exits 1 with its message.

Examples:
  qctl geth exec node1 eth.blockNumber
  qctl geth exec node1 'admin.peers.length'"
)]
pub struct ExecArgs {
    /// The node (of this config)
    pub node: String,
    /// The JavaScript to run
    pub js: String,
    /// How long the script may run
    #[arg(long, default_value = "30s", value_parser = super::deploy::parse_duration, value_name = "DURATION")]
    pub timeout: std::time::Duration,
}

/// Open geth's interactive console on a node
#[derive(Debug, Args)]
#[command(
    after_help = "Runs `geth attach` on the node's IPC socket with this terminal. Without a \
terminal, reads the console's input from stdin."
)]
pub struct AttachArgs {
    /// The node (of this config)
    pub node: String,
}

pub fn run(ui: &mut Ui, ctx: &Context, cmd: &GethCommand) -> Result<()> {
    match cmd {
        GethCommand::Exec(args) => {
            let node = live::local_node(&ctx.loaded()?.config, &args.node)?;
            let ns = ctx.namespace()?;
            let printed = live::geth_exec(ctx.cluster()?, &ns, &node.name, &args.js, args.timeout)?;
            ui.data(printed.trim_end())
        }
        GethCommand::Attach(args) => {
            let node = live::local_node(&ctx.loaded()?.config, &args.node)?;
            let ns = ctx.namespace()?;
            let cluster = ctx.cluster()?;
            super::terminal::session(|size| live::geth_attach(cluster, &ns, &node.name, size))
        }
    }
}
