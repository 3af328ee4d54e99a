//! `qctl node ls`

use clap::Args;
use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};

use crate::cli::{Context, OutputFormat, Ui};
use crate::error::Result;
use crate::ops::node::{NodeInfo, NodeKind, list};

/// List the nodes; with generated keys, their enode, address and Tessera key
#[derive(Debug, Args)]
pub struct NodeLsArgs {
    /// Show only this node
    pub name: Option<String>,
    /// Output format [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &NodeLsArgs) -> Result<()> {
    let rows = list(ctx.loaded()?, ctx.out(), args.name.as_deref())?;
    let text = OutputFormat::resolve(args.output).render(&rows, || table(&rows))?;
    ui.data(&text)?;
    Ok(())
}

fn table(rows: &[NodeInfo]) -> String {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED);
    t.set_header([
        "NAME",
        "KIND",
        "CONSENSUS",
        "QUORUM",
        "TM",
        "ENODE",
        "ADDRESS",
        "TM KEY / URL",
    ]);
    let dash = || "-".to_string();
    for r in rows {
        let enode = r.enode.as_deref().map_or_else(dash, |e| {
            if r.kind == NodeKind::External {
                e.to_string()
            } else {
                format!("{}…", e.chars().take(12).collect::<String>())
            }
        });
        t.add_row([
            r.name.clone(),
            r.kind.as_str().to_string(),
            r.consensus.clone().unwrap_or_else(dash),
            r.quorum_version.clone().unwrap_or_else(dash),
            r.tm.clone().unwrap_or_else(dash),
            enode,
            r.address.clone().unwrap_or_else(dash),
            r.tm_public_key
                .clone()
                .or(r.tm_url.clone())
                .unwrap_or_else(dash),
        ]);
    }
    t.to_string()
}
