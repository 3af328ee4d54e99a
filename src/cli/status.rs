//! `qctl status`

use clap::Args;

use super::table::plain;
use super::{Context, OutputFormat, Ui};
use crate::cluster::human_age;
use crate::error::Result;
use crate::ops::cluster::{StatusRow, status};
use crate::ops::node::NodeKind;

/// Show each node's pod, readiness, restarts and NodePorts
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Output format; wide adds columns [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &StatusArgs) -> Result<()> {
    let loaded = ctx.loaded()?;
    let ns = ctx.namespace()?;
    ui.status(format!("namespace `{ns}` ({})", ctx.namespace_source()?));
    let rows = status(ctx.cluster()?, &loaded.config, &ns)?;
    let text = OutputFormat::resolve(args.output).render(&rows, |wide| table(&rows, wide))?;
    if !text.is_empty() {
        ui.data(&text)?;
    }
    Ok(())
}

/// NODE READY STATUS RESTARTS AGE, like `kubectl get pods`; wide adds the kind, the pod and
/// the NodePorts.
fn table(rows: &[StatusRow], wide: bool) -> String {
    let cells: Vec<[String; 8]> = rows
        .iter()
        .map(|r| {
            let ports: Vec<String> = r
                .node_ports
                .iter()
                .map(|(n, p)| format!("{n}:{p}"))
                .collect();
            [
                r.node.clone(),
                r.ready
                    .as_ref()
                    .map_or("-".into(), |x| format!("{}/{}", x.ready, x.containers)),
                r.phase.clone().filter(|_| !r.stopped).unwrap_or_else(|| {
                    if r.stopped {
                        return "Stopped".into();
                    }
                    if r.kind == NodeKind::External {
                        "Elsewhere".into()
                    } else if r.kind == NodeKind::Orphan {
                        "NotInConfig".into()
                    } else {
                        "NotDeployed".into()
                    }
                }),
                r.restarts.to_string(),
                r.age_seconds
                    .map_or("-".into(), |s| human_age(std::time::Duration::from_secs(s))),
                r.kind.as_str().to_string(),
                r.pod.clone().unwrap_or_else(|| "-".into()),
                if ports.is_empty() {
                    "-".into()
                } else {
                    ports.join(",")
                },
            ]
        })
        .collect();
    let header = [
        "NODE",
        "READY",
        "STATUS",
        "RESTARTS",
        "AGE",
        "KIND",
        "POD",
        "NODEPORTS",
    ];
    if wide {
        plain(header, &cells)
    } else {
        let narrow: Vec<[String; 5]> = cells
            .into_iter()
            .map(|[a, b, c, d, e, ..]| [a, b, c, d, e])
            .collect();
        plain(["NODE", "READY", "STATUS", "RESTARTS", "AGE"], &narrow)
    }
}
