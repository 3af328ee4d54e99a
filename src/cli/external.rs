//! `qctl external …`: the nodes other organisations run, as the config lists them.

use clap::{Args, Subcommand};

use super::table::plain;
use super::{Context, OutputFormat, Ui};
use crate::error::Result;
use crate::ops::external::{ExternalInfo, list, remove};

/// List and remove the external nodes (other organisations' nodes this network peers with)
#[derive(Debug, Subcommand)]
pub enum ExternalCommand {
    #[command(alias = "list")]
    Ls(ExternalLsArgs),
    #[command(alias = "remove")]
    Rm(ExternalRmArgs),
}

/// List the external nodes of the config
#[derive(Debug, Args)]
pub struct ExternalLsArgs {
    /// Output format; wide adds the address [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
}

/// Remove an external node from the config (then `qctl generate` and `qctl deploy`)
#[derive(Debug, Args)]
pub struct ExternalRmArgs {
    /// External node name
    pub name: String,
}

pub fn run(ui: &mut Ui, ctx: &Context, cmd: &ExternalCommand) -> Result<()> {
    match cmd {
        ExternalCommand::Ls(args) => {
            let rows = list(ctx.loaded()?);
            let text =
                OutputFormat::resolve(args.output).render(&rows, |wide| table(&rows, wide))?;
            ui.data(&text)
        }
        ExternalCommand::Rm(args) => {
            let removed = remove(ctx.config_path(), &args.name)?;
            let node = &removed.node;
            ui.status(format!(
                "removed external node `{}` ({}) from `{}`",
                node.name,
                node.enode,
                ctx.config_path().display()
            ));
            if let Some(call) = &removed.vote_out {
                ui.warn(format!(
                    "`{}` is a validator: removing it from the config does not change the \
                     validator set; vote it out with `{call}`",
                    node.name
                ));
            }
            ui.hint("qctl generate && qctl deploy");
            Ok(())
        }
    }
}

/// NAME ENODE TM URL; wide adds the address.
fn table(rows: &[ExternalInfo], wide: bool) -> String {
    let dash = || "-".to_string();
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.name.clone(),
                peer_address(&r.enode).unwrap_or_else(dash),
                r.tm_url.clone().unwrap_or_else(dash),
                r.address.clone().unwrap_or_else(dash),
                r.enode.clone(),
            ]
        })
        .collect();
    if wide {
        plain(["NAME", "P2P", "TM URL", "ADDRESS", "ENODE"], &cells)
    } else {
        // The enode URL alone is longer than a terminal line: the narrow table shows where it
        // points.
        let narrow: Vec<[String; 3]> = cells.into_iter().map(|[a, b, c, ..]| [a, b, c]).collect();
        plain(["NAME", "P2P", "TM URL"], &narrow)
    }
}

/// `host:port` of an enode URL (`enode://<id>@host:port?discport=0`).
fn peer_address(enode: &str) -> Option<String> {
    let (_, rest) = enode.split_once('@')?;
    Some(rest.split('?').next().unwrap_or(rest).to_string())
}
