//! The command line: clap types and one handler per subcommand. Handlers parse, call one
//! `ops` function and render its result; each error carries its exit code ([`crate::error`]).

mod add_external;
mod args;
mod completions;
mod connect;
mod context;
mod deploy;
mod destroy;
mod export_external;
mod external;
mod generate;
mod geth;
mod init;
mod legacy;
mod logs;
mod monitor;
mod node;
mod reference;
mod rpc;
mod status;
mod table;
mod terminal;
mod test;
mod ui;
mod validator;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::error::{ErrorKind, Result};

pub use args::{ConsensusArg, GlobalArgs, OutputFormat, TmArg};
pub use completions::{Shell, render as render_completions};
pub use context::Context;
pub use reference::{man_page, markdown as markdown_reference};
pub use ui::Ui;

/// Take a GoQuorum network from a minimal qubernetes.yaml to running on Kubernetes.
#[derive(Debug, Parser)]
#[command(name = "qctl", version, propagate_version = true, max_term_width = 100)]
#[command(after_help = "Start with `qctl init`, then `qctl generate` and `qctl deploy --wait`.")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::InitArgs),
    #[command(subcommand)]
    Node(node::NodeCommand),
    Generate(generate::GenerateArgs),
    Deploy(deploy::DeployArgs),
    Status(status::StatusArgs),
    Destroy(destroy::DestroyArgs),
    ExportExternal(export_external::ExportExternalArgs),
    AddExternal(add_external::AddExternalArgs),
    Logs(logs::LogsArgs),
    Connect(connect::ConnectArgs),
    #[command(subcommand)]
    Geth(geth::GethCommand),
    Rpc(rpc::RpcArgs),
    #[command(subcommand)]
    Validator(validator::ValidatorCommand),
    #[command(subcommand)]
    External(external::ExternalCommand),
    #[command(subcommand)]
    Test(test::TestCommand),
    #[command(subcommand)]
    Monitor(monitor::MonitorCommand),
    Completions(completions::CompletionsArgs),
}

/// Runs qctl with the process arguments.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let color = if no_color_requested(&args) {
        clap::ColorChoice::Never
    } else {
        clap::ColorChoice::Auto
    };
    let parsed = command()
        .color(color)
        .try_get_matches_from(std::iter::once("qctl".to_string()).chain(args.iter().cloned()))
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // Only a word or flag clap does not know can be an old spelling; a bad value of a
            // current flag is explained by clap.
            let unknown = matches!(
                e.kind(),
                clap::error::ErrorKind::UnknownArgument | clap::error::ErrorKind::InvalidSubcommand
            );
            if let Some(message) = legacy::explain(&args).filter(|_| unknown) {
                ui::usage_error(&message, color == clap::ColorChoice::Never);
            } else {
                let _ = e.print();
            }
            return ExitCode::from(2);
        }
        Err(e) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    let mut ui = Ui::new(&cli.global);
    crate::config::set_strict(cli.global.strict);
    // A warning is not data: `--quiet` silences it like any other message.
    if !cli.global.quiet {
        crate::config::on_warning(ui::config_warning);
    }
    let lock_wait: fn(&str) = if cli.global.quiet {
        |_| {}
    } else {
        ui::lock_wait
    };
    crate::config::set_lock_wait(cli.global.lock_timeout, lock_wait);
    match run(&mut ui, &cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == ErrorKind::StdoutClosed => ExitCode::SUCCESS,
        Err(err) => {
            ui.error(&err);
            ExitCode::from(err.exit_code())
        }
    }
}

fn run(ui: &mut Ui, cli: &Cli) -> Result<()> {
    let ctx = &Context::new(&cli.global);
    match &cli.command {
        Command::Init(args) => init::run(ui, ctx, args),
        Command::Node(cmd) => node::run(ui, ctx, cmd),
        Command::Generate(args) => generate::run(ui, ctx, args),
        Command::Deploy(args) => deploy::run(ui, ctx, args),
        Command::Status(args) => status::run(ui, ctx, args),
        Command::Destroy(args) => destroy::run(ui, ctx, args),
        Command::ExportExternal(args) => export_external::run(ui, ctx, args),
        Command::AddExternal(args) => add_external::run(ui, ctx, args),
        Command::Logs(args) => logs::run(ui, ctx, args),
        Command::Connect(args) => connect::run(ui, ctx, args),
        Command::Geth(cmd) => geth::run(ui, ctx, cmd),
        Command::Rpc(args) => rpc::run(ui, ctx, args),
        Command::Validator(cmd) => validator::run(ui, ctx, cmd),
        Command::External(cmd) => external::run(ui, ctx, cmd),
        Command::Test(cmd) => test::run(ui, ctx, cmd),
        Command::Monitor(cmd) => monitor::run(ui, ctx, cmd),
        Command::Completions(args) => completions::run(ui, args),
    }
}

/// `--no-color` among the arguments, or `NO_COLOR` set to anything but the empty string
/// (<https://no-color.org>), before clap has parsed anything.
fn no_color_requested(args: &[String]) -> bool {
    args.iter()
        .take_while(|a| *a != "--")
        .any(|a| a == "--no-color")
        || env_no_color()
}

/// `NO_COLOR` is set and not empty.
pub fn env_no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The whole command tree, for completions and tests.
pub fn command() -> clap::Command {
    Cli::command()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_tree_is_consistent() {
        super::command().debug_assert();
    }
}
