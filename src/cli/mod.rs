//! The command line: clap types and one handler per subcommand. Handlers parse, call one
//! `ops` function and render its result; errors map to exit codes in [`exit_code`].

mod add_external;
mod args;
mod completions;
mod deploy;
mod destroy;
mod export_external;
mod generate;
mod init;
mod node;
mod status;
mod ui;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

pub use args::{GlobalArgs, OutputFormat};
pub use completions::{Shell, render as render_completions};
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
    Completions(completions::CompletionsArgs),
}

/// Bad usage or invalid input: exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Runs qctl with the process arguments.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let mut ui = Ui::new(&cli.global);
    match run(&mut ui, &cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.is::<ui::StdoutClosed>() => ExitCode::SUCCESS,
        Err(err) => {
            ui.error(&err);
            ExitCode::from(exit_code(&err))
        }
    }
}

fn run(ui: &mut Ui, cli: &Cli) -> anyhow::Result<()> {
    let g = &cli.global;
    match &cli.command {
        Command::Init(args) => init::run(ui, g, args),
        Command::Node(cmd) => node::run(ui, g, cmd),
        Command::Generate(args) => generate::run(ui, g, args),
        Command::Deploy(args) => deploy::run(ui, g, args),
        Command::Status(args) => status::run(ui, g, args),
        Command::Destroy(args) => destroy::run(ui, g, args),
        Command::ExportExternal(args) => export_external::run(ui, g, args),
        Command::AddExternal(args) => add_external::run(ui, g, args),
        Command::Completions(args) => completions::run(ui, args),
    }
}

/// 2 for bad usage or invalid input, 1 for everything else (cluster, I/O, timeouts).
pub fn exit_code(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if cause.is::<UsageError>() {
            return 2;
        }
        if let Some(e) = cause.downcast_ref::<crate::config::ConfigError>() {
            return if e.is_user_error() { 2 } else { 1 };
        }
        if let Some(e) = cause.downcast_ref::<crate::ops::OpsError>() {
            return if e.is_user_error() { 2 } else { 1 };
        }
        if cause.is::<crate::external::BundleError>() {
            return 2;
        }
    }
    1
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
