//! `qctl status`

use clap::Args;
use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};

use super::{Context, OutputFormat, Ui};
use crate::cluster::human_age;
use crate::error::Result;
use crate::ops::cluster::status;
use crate::ops::node::NodeKind;

/// Show each node's pod, readiness, restarts and NodePorts
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Output format [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &StatusArgs) -> Result<()> {
    let loaded = ctx.loaded()?;
    let ns = ctx.namespace()?;
    let rows = status(ctx.cluster()?, &loaded.config, &ns)?;
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
                r.kind.as_str().to_string(),
                r.pod.clone().unwrap_or_else(|| "-".into()),
                r.phase.clone().unwrap_or_else(|| {
                    if r.kind == NodeKind::External {
                        "elsewhere".into()
                    } else if r.kind == NodeKind::Orphan {
                        "not in config".into()
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
