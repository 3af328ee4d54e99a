//! `qctl status`

use clap::Args;

use super::table::plain;
use super::{Context, OutputFormat, Ui};
use crate::cluster::human_age;
use crate::error::Result;
use crate::ops::cluster::status;

/// Show each node's pod, readiness, restarts and NodePorts
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Output format; wide adds columns [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
}

/// One node of `status -o json|yaml` (schema: docs/schema/status.json).
#[derive(serde::Serialize)]
struct Row {
    node: String,
    kind: &'static str,
    pod: Option<String>,
    phase: Option<String>,
    /// Ready containers of the pod, out of how many; `null` when there is no pod.
    ready: Option<Ready>,
    restarts: u32,
    node_ports: std::collections::BTreeMap<String, u16>,
    age_seconds: Option<u64>,
    /// The full enode URL of an external node.
    #[serde(skip_serializing_if = "Option::is_none")]
    enode: Option<String>,
}

#[derive(serde::Serialize)]
struct Ready {
    ready: u32,
    containers: u32,
}

impl Ready {
    /// `1/2` as the cluster code reports it.
    fn parse(text: &str) -> Option<Ready> {
        let (ready, containers) = text.split_once('/')?;
        Some(Ready {
            ready: ready.parse().ok()?,
            containers: containers.parse().ok()?,
        })
    }
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &StatusArgs) -> Result<()> {
    let loaded = ctx.loaded()?;
    let ns = ctx.namespace()?;
    ui.status(format!("namespace `{ns}` ({})", ctx.namespace_source()?));
    let nodes: Vec<String> = loaded.config.nodes.iter().map(|n| n.name.clone()).collect();
    let statuses = status(ctx.cluster()?, &ns, &nodes)?;
    let mut rows: Vec<Row> = statuses
        .into_iter()
        .map(|s| Row {
            node: s.node,
            kind: "local",
            ready: s.pod.as_ref().and_then(|_| Ready::parse(&s.ready)),
            pod: s.pod,
            phase: s.phase,
            restarts: s.restarts,
            node_ports: s
                .node_ports
                .into_iter()
                .map(|p| (p.name, p.node_port))
                .collect(),
            age_seconds: s.age.map(|a| a.as_secs()),
            enode: None,
        })
        .collect();
    rows.extend(loaded.config.external_nodes.iter().map(|e| Row {
        node: e.name.clone(),
        kind: "external",
        pod: None,
        phase: None,
        ready: None,
        restarts: 0,
        node_ports: Default::default(),
        age_seconds: None,
        enode: Some(e.enode_url.clone()),
    }));
    let text = OutputFormat::resolve(args.output).render(&rows, |wide| table(&rows, wide))?;
    if !text.is_empty() {
        ui.data(&text)?;
    }
    Ok(())
}

/// NODE READY STATUS RESTARTS AGE, like `kubectl get pods`; wide adds the kind, the pod and
/// the NodePorts.
fn table(rows: &[Row], wide: bool) -> String {
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
                r.phase.clone().unwrap_or_else(|| {
                    if r.kind == "external" {
                        "Elsewhere".into()
                    } else {
                        "NotDeployed".into()
                    }
                }),
                r.restarts.to_string(),
                r.age_seconds
                    .map_or("-".into(), |s| human_age(std::time::Duration::from_secs(s))),
                r.kind.to_string(),
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
