//! `qctl node stop` and `qctl node start`

use std::time::Duration;

use clap::Args;

use crate::cli::deploy::parse_duration;
use crate::cli::{Context, Ui};
use crate::cluster::Scaled;
use crate::error::Result;
use crate::ops::node::{StopOptions, check_local_node, stop_or_start};

/// Stop a deployed node: scale its Deployment to 0, keeping its keys, volume and Services
#[derive(Debug, Args)]
#[command(
    after_help = "The node stays stopped through later `qctl deploy` runs until `qctl node start`. \
`qctl status` shows it as Stopped."
)]
pub struct NodeStopArgs {
    /// Node name
    pub name: String,
}

/// Start a node that `qctl node stop` stopped: scale its Deployment back to 1
#[derive(Debug, Args)]
pub struct NodeStartArgs {
    /// Node name
    pub name: String,
    /// Wait until the node's pod is ready
    #[arg(long)]
    pub wait: bool,
    /// How long --wait waits, e.g. 5m, 90s
    #[arg(long, default_value = "10m", value_parser = parse_duration, value_name = "DURATION")]
    pub timeout: Duration,
}

pub fn stop(ui: &mut Ui, ctx: &Context, args: &NodeStopArgs) -> Result<()> {
    run(ui, ctx, &args.name, true, None)
}

pub fn start(ui: &mut Ui, ctx: &Context, args: &NodeStartArgs) -> Result<()> {
    run(
        ui,
        ctx,
        &args.name,
        false,
        args.wait.then_some(args.timeout),
    )
}

fn run(ui: &Ui, ctx: &Context, name: &str, stop: bool, wait: Option<Duration>) -> Result<()> {
    let loaded = ctx.loaded()?;
    check_local_node(loaded, name)?;
    let ns = ctx.namespace()?;
    let opts = StopOptions {
        loaded,
        namespace: &ns,
        name,
        stop,
        wait,
    };
    let progress = |p: crate::cluster::NodeProgress| ui.status(format!("{}: {}", p.node, p.detail));
    let scaled = stop_or_start(ctx.cluster()?, &opts, &progress)?;
    let (done, state) = if stop {
        ("stopped", "stopped")
    } else {
        ("started", "running")
    };
    match scaled {
        Scaled::Already => ui.status(format!(
            "node `{name}` in namespace `{ns}` is already {state}; nothing changed"
        )),
        _ if stop => {
            ui.status(format!(
                "{done} node `{name}` in namespace `{ns}` (0 replicas; keys, volume and Services kept)"
            ));
            ui.hint(format!("qctl node start {name}"));
        }
        _ => {
            ui.status(format!("{done} node `{name}` in namespace `{ns}`"));
            if wait.is_some() {
                ui.status(format!("node `{name}` is ready"));
            } else {
                ui.hint(format!("qctl node start {name} --wait, or qctl status"));
            }
        }
    }
    Ok(())
}
