//! `qctl geth exec | attach`

use std::io::IsTerminal;

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
            let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
            if !terminal {
                return live::geth_attach(cluster, &ns, &node.name, None);
            }
            let size = rustix::termios::tcgetwinsize(std::io::stdout())
                .map(|w| (w.ws_col, w.ws_row))
                .unwrap_or((80, 24));
            let _raw = RawMode::enter()?;
            live::geth_attach(cluster, &ns, &node.name, Some(size))
        }
    }
}

/// The local terminal in raw mode, so keys reach the remote console as typed; restored when
/// dropped, also on an error.
struct RawMode {
    saved: rustix::termios::Termios,
}

impl RawMode {
    fn enter() -> Result<RawMode> {
        let stdin = std::io::stdin();
        let saved = rustix::termios::tcgetattr(&stdin).map_err(|e| {
            crate::error::Error::runtime(format!("cannot read the terminal's mode: {e}"))
        })?;
        let mut raw = saved.clone();
        raw.make_raw();
        rustix::termios::tcsetattr(&stdin, rustix::termios::OptionalActions::Now, &raw).map_err(
            |e| crate::error::Error::runtime(format!("cannot set the terminal's mode: {e}")),
        )?;
        Ok(RawMode { saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = rustix::termios::tcsetattr(
            std::io::stdin(),
            rustix::termios::OptionalActions::Now,
            &self.saved,
        );
    }
}
