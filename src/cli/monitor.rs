//! `qctl monitor …`: the network's Prometheus server, on or off.

use clap::{Args, Subcommand};

use super::{Context, Ui};
use crate::error::Result;
use crate::k8s::names;
use crate::network::ports;
use crate::ops::monitor::switch;

/// Turn the Prometheus server that scrapes every node's metrics on or off
#[derive(Debug, Subcommand)]
pub enum MonitorCommand {
    Add(MonitorAddArgs),
    #[command(alias = "remove")]
    Rm(MonitorRmArgs),
}

/// Turn monitoring on: geth metrics and a Prometheus server (then `qctl generate` and `qctl deploy`)
#[derive(Debug, Args)]
pub struct MonitorAddArgs {}

/// Turn monitoring off (then `qctl generate` and `qctl deploy`, which deletes the Prometheus server)
#[derive(Debug, Args)]
pub struct MonitorRmArgs {}

pub fn run(ui: &mut Ui, ctx: &Context, cmd: &MonitorCommand) -> Result<()> {
    let config = ctx.config_path().display();
    let on = matches!(cmd, MonitorCommand::Add(_));
    let switched = switch(ctx.config_path(), on)?;
    let state = if on { "on" } else { "off" };
    if !switched.changed {
        ui.status(format!(
            "monitoring is already {state} in `{config}`; nothing changed"
        ));
        return Ok(());
    }
    ui.status(format!(
        "turned monitoring {state} in `{config}` (`prometheus`)"
    ));
    if on {
        let reach = match switched.node_port {
            Some(port) => format!(
                "on every cluster node's port {port} (NodePort, `prometheus.nodePort_prom`)"
            ),
            None => format!(
                "with `kubectl port-forward svc/{} {port}` at http://localhost:{port}",
                names::MONITOR,
                port = ports::PROMETHEUS
            ),
        };
        ui.status(format!(
            "once deployed, Prometheus (Service `{}`) scrapes every node's metrics; reach it {reach}",
            names::MONITOR
        ));
    } else {
        ui.status(format!(
            "`qctl generate` removes the Prometheus server's manifests, and `qctl deploy` \
             deletes its objects from the cluster (Service `{}`)",
            names::MONITOR
        ));
    }
    ui.hint("qctl generate && qctl deploy");
    Ok(())
}
