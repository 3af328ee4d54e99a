//! `qctl node ls`

use clap::Args;

use crate::cli::table::plain;
use crate::cli::{Context, OutputFormat, Ui};
use crate::error::Result;
use crate::ops::node::{NodeInfo, list};

/// List the nodes; with generated keys, their enode, address and Tessera key
#[derive(Debug, Args)]
pub struct NodeLsArgs {
    /// Show only this node
    pub name: Option<String>,
    /// Output format; wide adds columns [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &NodeLsArgs) -> Result<()> {
    let rows = list(ctx.loaded()?, ctx.out(), args.name.as_deref())?;
    let text = OutputFormat::resolve(args.output).render(&rows, |wide| table(&rows, wide))?;
    ui.data(&text)?;
    Ok(())
}

/// NAME KIND CONSENSUS QUORUM TM ENODE (shortened); wide adds the full enode URL, the
/// address and the Tessera key or URL.
fn table(rows: &[NodeInfo], wide: bool) -> String {
    let dash = || "-".to_string();
    let cells: Vec<[String; 8]> = rows
        .iter()
        .map(|r| {
            let enode = r.enode.clone().unwrap_or_else(dash);
            let short = match enode.strip_prefix("enode://") {
                Some(rest) => format!("{}…", rest.chars().take(12).collect::<String>()),
                None => enode.clone(),
            };
            [
                r.name.clone(),
                r.kind.as_str().to_string(),
                r.consensus.clone().unwrap_or_else(dash),
                r.quorum_version.clone().unwrap_or_else(dash),
                r.tm.clone().unwrap_or_else(dash),
                if wide { enode } else { short },
                r.address.clone().unwrap_or_else(dash),
                r.tm_public_key
                    .clone()
                    .or(r.tm_url.clone())
                    .unwrap_or_else(dash),
            ]
        })
        .collect();
    let header = [
        "NAME",
        "KIND",
        "CONSENSUS",
        "QUORUM",
        "TM",
        "ENODE",
        "ADDRESS",
        "TM KEY / URL",
    ];
    if wide {
        plain(header, &cells)
    } else {
        let narrow: Vec<[String; 6]> = cells
            .into_iter()
            .map(|[a, b, c, d, e, f, ..]| [a, b, c, d, e, f])
            .collect();
        plain(
            ["NAME", "KIND", "CONSENSUS", "QUORUM", "TM", "ENODE"],
            &narrow,
        )
    }
}
