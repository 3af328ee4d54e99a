//! Flags shared by every command.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Path of the network config
    #[arg(
        short = 'c',
        long,
        global = true,
        env = "QUBE_CONFIG",
        default_value = "qubernetes.yaml",
        value_name = "PATH"
    )]
    pub config: PathBuf,
    /// Directory of generated files
    #[arg(
        long = "out",
        global = true,
        env = "QUBE_K8S_DIR",
        default_value = "out",
        value_name = "PATH"
    )]
    pub out: PathBuf,
    /// Kubernetes namespace [default: k8s.namespace from the config, else `default`]
    #[arg(
        short = 'n',
        long,
        global = true,
        env = "QUORUM_NAMESPACE",
        value_name = "NS"
    )]
    pub namespace: Option<String>,
    /// Kubernetes context to use [default: the current context]
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,
    /// Print only data and errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Never colour the output
    #[arg(long, global = true, env = "NO_COLOR", hide_env_values = true, value_parser = clap::builder::FalseyValueParser::new())]
    pub no_color: bool,
    /// Never prompt; take defaults and confirm
    #[arg(short, long, global = true)]
    pub yes: bool,
}

/// Output format of read commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Yaml,
    Json,
}

impl OutputFormat {
    /// The chosen format, else a table on a terminal and JSON when piped.
    pub fn resolve(choice: Option<OutputFormat>) -> OutputFormat {
        use std::io::IsTerminal;
        choice.unwrap_or(if std::io::stdout().is_terminal() {
            OutputFormat::Table
        } else {
            OutputFormat::Json
        })
    }
}
