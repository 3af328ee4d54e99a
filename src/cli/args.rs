//! Flags shared by every command.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::error::{Error, ErrorKind, Result};
use crate::network::{Consensus, TxManagerKind};

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
    /// Kubernetes namespace [default: k8s.namespace from the config, else the kube context's, else `default`]
    #[arg(
        short = 'n',
        long,
        global = true,
        env = "QUORUM_NAMESPACE",
        value_name = "NS"
    )]
    pub namespace: Option<String>,
    /// Kubeconfig file to use [default: KUBECONFIG, else ~/.kube/config]
    #[arg(long, global = true, value_name = "PATH")]
    pub kubeconfig: Option<PathBuf>,
    /// Kubernetes context to use [default: the current context]
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,
    /// How long one request to the API server may go unanswered, e.g. 30s, 2m
    #[arg(
        long,
        global = true,
        default_value = "30s",
        value_parser = parse_request_timeout,
        value_name = "DURATION"
    )]
    pub request_timeout: std::time::Duration,
    /// How long to wait for the config's lock while another qctl holds it, e.g. 30s, 2m
    #[arg(
        long,
        global = true,
        default_value = "3m",
        value_parser = super::deploy::parse_duration,
        value_name = "DURATION"
    )]
    pub lock_timeout: std::time::Duration,
    /// Unknown keys in the config are errors, not warnings (also `config.strict: true`)
    #[arg(long, global = true)]
    pub strict: bool,
    /// Print only data and errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Never colour the output (also when NO_COLOR is set and not empty)
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Never prompt; take defaults and confirm
    #[arg(short, long, global = true)]
    pub yes: bool,
}

/// Output format of read commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    /// The table with more columns.
    Wide,
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

    /// `rows` as JSON or YAML, or the table `table` draws (with more columns when `wide`).
    pub fn render<T: serde::Serialize>(
        self,
        rows: &T,
        table: impl FnOnce(bool) -> String,
    ) -> Result<String> {
        let value = || {
            serde_json::to_value(rows)
                .map_err(|e| Error::new(ErrorKind::Runtime, e).with_hint("this is a bug in qctl"))
        };
        Ok(match self {
            OutputFormat::Json => {
                serde_json::to_string_pretty(&value()?).expect("a JSON value renders")
            }
            OutputFormat::Yaml => crate::yaml::block_text(&value()?),
            OutputFormat::Table => table(false),
            OutputFormat::Wide => table(true),
        })
    }
}

/// `--consensus`: the engines of [`Consensus`] as command-line values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConsensusArg {
    Qbft,
    Istanbul,
    Raft,
    Clique,
}

impl From<ConsensusArg> for Consensus {
    fn from(arg: ConsensusArg) -> Consensus {
        match arg {
            ConsensusArg::Qbft => Consensus::Qbft,
            ConsensusArg::Istanbul => Consensus::Istanbul,
            ConsensusArg::Raft => Consensus::Raft,
            ConsensusArg::Clique => Consensus::Clique,
        }
    }
}

/// `--tm`: the transaction managers a new node may run (constellation is only read from old
/// configs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TmArg {
    Tessera,
    None,
}

impl From<TmArg> for TxManagerKind {
    fn from(arg: TmArg) -> TxManagerKind {
        match arg {
            TmArg::Tessera => TxManagerKind::Tessera,
            TmArg::None => TxManagerKind::None,
        }
    }
}

/// A `--*-version` flag: a GoQuorum or Tessera version such as `24.4.1`.
pub fn parse_version(s: &str) -> Result<semver::Version, String> {
    crate::config::model::parse_version(s)
}

/// `--request-timeout`: a duration of at least one second (every request is bounded).
fn parse_request_timeout(text: &str) -> Result<std::time::Duration, String> {
    let d = super::deploy::parse_duration(text)?;
    if d.as_secs() == 0 {
        return Err(format!("`{text}` is too short; give at least 1s"));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_consensus_is_a_value_of_its_flag_under_its_own_name() {
        let names: Vec<String> = ConsensusArg::value_variants()
            .iter()
            .map(|v| v.to_possible_value().unwrap().get_name().to_string())
            .collect();
        assert_eq!(names, Consensus::ALL.map(|c| c.as_str().to_string()));
        for arg in ConsensusArg::value_variants() {
            let name = arg.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(Consensus::from(*arg).as_str(), name);
        }
        for arg in TmArg::value_variants() {
            let name = arg.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(TxManagerKind::from(*arg).as_str(), name);
        }
    }
}
