//! `qctl status`

use clap::Args;
use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};

use super::{Context, OutputFormat, Ui};
use crate::cluster::human_age;
use crate::error::Result;
use crate::ops::cluster::status;

/// Show each node's pod, readiness, restarts and NodePorts
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Output format [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
}

#[derive(serde::Serialize)]
struct Row {
    node: String,
    kind: &'static str,
    pod: Option<String>,
    phase: Option<String>,
    ready: String,
    restarts: u32,
    node_ports: std::collections::BTreeMap<String, u16>,
    age_seconds: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enode: Option<String>,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &StatusArgs) -> Result<()> {
    let loaded = ctx.loaded()?;
    let ns = ctx.namespace()?;
    let nodes: Vec<String> = loaded.config.nodes.iter().map(|n| n.name.clone()).collect();
    let statuses = status(ctx.cluster()?, &ns, &nodes)?;
    let mut rows: Vec<Row> = statuses
        .into_iter()
        .map(|s| Row {
            node: s.node,
            kind: "local",
            pod: s.pod,
            phase: s.phase,
            ready: s.ready,
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
        ready: "-".into(),
        restarts: 0,
        node_ports: Default::default(),
        age_seconds: None,
        enode: Some(e.enode_url.clone()),
    }));
    let text = OutputFormat::resolve(args.output).render(&rows, || {
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED);
        t.set_header([
            "NODE",
            "KIND",
            "POD",
            "PHASE",
            "READY",
            "RESTARTS",
            "NODEPORTS",
            "AGE",
        ]);
        for r in &rows {
            let ports: Vec<String> = r
                .node_ports
                .iter()
                .map(|(n, p)| format!("{n}:{p}"))
                .collect();
            t.add_row([
                r.node.clone(),
                r.kind.to_string(),
                r.pod.clone().unwrap_or_else(|| "-".into()),
                r.phase.clone().unwrap_or_else(|| {
                    if r.kind == "external" {
                        "elsewhere".into()
                    } else {
                        "not deployed".into()
                    }
                }),
                r.ready.clone(),
                r.restarts.to_string(),
                if ports.is_empty() {
                    "-".into()
                } else {
                    ports.join(" ")
                },
                r.age_seconds
                    .map_or("-".into(), |s| human_age(std::time::Duration::from_secs(s))),
            ]);
        }
        t.to_string()
    })?;
    ui.data(&text)?;
    Ok(())
}
