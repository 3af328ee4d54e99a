//! `qctl status`

use std::collections::BTreeMap;

use clap::Args;

use super::table::plain;
use super::{Context, OutputFormat, Ui};
use crate::cluster::human_age;
use crate::error::Result;
use crate::ops::cluster::{StatusRow, status};
use crate::ops::live::{self, ChainFacts};
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
    let format = OutputFormat::resolve(args.output);
    // Asking each geth costs a few requests per node: only the wide table shows it.
    let chain = if format == OutputFormat::Wide {
        let running: Vec<String> = rows
            .iter()
            .filter(|r| r.kind == NodeKind::Local && r.phase.as_deref() == Some("Running"))
            .map(|r| r.node.clone())
            .collect();
        live::chain_facts(ctx.cluster()?, &loaded.config, &ns, &running)
    } else {
        BTreeMap::new()
    };
    let text = format.render(&rows, |wide| table(&rows, &chain, wide))?;
    if !text.is_empty() {
        ui.data(&text)?;
    }
    Ok(())
}

/// NODE READY STATUS RESTARTS AGE, like `kubectl get pods`; wide adds the kind, the pod, the
/// NodePorts and what each running geth says of the chain (block, peers, role).
fn table(rows: &[StatusRow], chain: &BTreeMap<String, ChainFacts>, wide: bool) -> String {
    let cells: Vec<[String; 11]> = rows
        .iter()
        .map(|r| {
            let facts = chain.get(&r.node).cloned().unwrap_or_default();
            let number = |n: Option<u64>| n.map_or("-".into(), |n| n.to_string());
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
                number(facts.block),
                number(facts.peers),
                facts.role.unwrap_or_else(|| "-".into()),
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
        "BLOCK",
        "PEERS",
        "ROLE",
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
