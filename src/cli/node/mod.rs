//! `qctl node …`

mod add;
mod ls;
mod rm;

use clap::Subcommand;

use super::{GlobalArgs, Ui};

/// Add, list and remove the nodes of the network
#[derive(Debug, Subcommand)]
pub enum NodeCommand {
    Add(add::NodeAddArgs),
    #[command(alias = "list")]
    Ls(ls::NodeLsArgs),
    #[command(alias = "remove")]
    Rm(rm::NodeRmArgs),
}

pub fn run(ui: &mut Ui, g: &GlobalArgs, cmd: &NodeCommand) -> anyhow::Result<()> {
    match cmd {
        NodeCommand::Add(args) => add::run(ui, g, args),
        NodeCommand::Ls(args) => ls::run(ui, g, args),
        NodeCommand::Rm(args) => rm::run(ui, g, args),
    }
}
