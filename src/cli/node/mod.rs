//! `qctl node …`

mod add;
mod flags;
mod ls;
mod rm;
mod stop;
mod update;

use clap::Subcommand;

use super::{Context, Ui};
use crate::error::Result;

/// Add, change, list, remove, stop and start the nodes of the network
#[derive(Debug, Subcommand)]
pub enum NodeCommand {
    Add(add::NodeAddArgs),
    Update(update::NodeUpdateArgs),
    #[command(alias = "list")]
    Ls(ls::NodeLsArgs),
    #[command(alias = "remove")]
    Rm(rm::NodeRmArgs),
    Stop(stop::NodeStopArgs),
    Start(stop::NodeStartArgs),
}

pub fn run(ui: &mut Ui, ctx: &Context, cmd: &NodeCommand) -> Result<()> {
    match cmd {
        NodeCommand::Add(args) => add::run(ui, ctx, args),
        NodeCommand::Update(args) => update::run(ui, ctx, args),
        NodeCommand::Ls(args) => ls::run(ui, ctx, args),
        NodeCommand::Rm(args) => rm::run(ui, ctx, args),
        NodeCommand::Stop(args) => stop::stop(ui, ctx, args),
        NodeCommand::Start(args) => stop::start(ui, ctx, args),
    }
}
