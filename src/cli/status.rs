//! `qctl status`

use std::collections::BTreeMap;

use clap::Args;

use super::table::plain;
use super::{Context, OutputFormat, Ui};
use crate::cluster::{Endpoints, StatusOptions, human_age};
use crate::error::Result;
use crate::ops::cluster::{StatusRow, status};
use crate::ops::live::{self, ChainFacts};
use crate::ops::node::NodeKind;

/// Show each node's pod, readiness, restarts, NodePorts and endpoints
#[derive(Debug, Args)]
#[command(
    after_help = "Endpoints (--endpoints, and always in -o json|yaml): geth's JSON-RPC over HTTP \
and WebSocket and Tessera's third-party API at the node's in-cluster Service \
(http://<node>-rpc.<namespace>.svc:8545), and devp2p, Tessera P2P and raft where peers reach \
them: a cluster node's address and the NodePort, a LoadBalancer's address, or the in-cluster \
name of a ClusterIP Service.

Examples:
  qctl status -o wide
  qctl status --endpoints
  qctl status -o json | jq -r '.[].endpoints.rpc // empty'"
)]
pub struct StatusArgs {
    /// Output format; wide adds columns [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
    /// List each node's endpoints instead of the table of pods (JSON and YAML always hold them)
    #[arg(long)]
    pub endpoints: bool,
    /// Address of the cluster's nodes for NodePort endpoints [default: ExternalIP of a Ready node, else its InternalIP]
    #[arg(long, value_name = "IP")]
    pub node_ip: Option<String>,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &StatusArgs) -> Result<()> {
    let loaded = ctx.loaded()?;
    let ns = ctx.namespace()?;
    ui.status(format!("namespace `{ns}` ({})", ctx.namespace_source()?));
    let format = OutputFormat::resolve(args.output);
    let tabular = matches!(format, OutputFormat::Table | OutputFormat::Wide);
    let options = StatusOptions {
        endpoints: args.endpoints || !tabular,
        node_ip: args.node_ip.as_deref(),
    };
    let report = status(ctx.cluster()?, &loaded.config, &ns, options)?;
    for warning in &report.warnings {
        ui.warn(warning);
    }
    let rows = report.rows;
    if args.endpoints && tabular {
        return ui.data(&endpoints_table(&rows));
    }
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

/// NODE ENDPOINT ADDRESS: one line per endpoint of each local node, so `grep` finds one; a node
/// without any (not deployed) is one line of dashes.
fn endpoints_table(rows: &[StatusRow]) -> String {
    let mut cells: Vec<[String; 3]> = Vec::new();
    for row in rows {
        let Some(endpoints) = &row.endpoints else {
            continue;
        };
        let Endpoints {
            rpc,
            ws,
            tessera_third_party,
            p2p,
            tessera_p2p,
            raft,
        } = endpoints;
        let named = [
            ("rpc", rpc),
            ("ws", ws),
            ("tessera-third-party", tessera_third_party),
            ("p2p", p2p),
            ("tessera-p2p", tessera_p2p),
            ("raft", raft),
        ];
        let before = cells.len();
        for (name, url) in named {
            if let Some(url) = url {
                cells.push([row.node.clone(), name.into(), url.clone()]);
            }
        }
        if cells.len() == before {
            cells.push([row.node.clone(), "-".into(), "-".into()]);
        }
    }
    plain(["NODE", "ENDPOINT", "ADDRESS"], &cells)
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
