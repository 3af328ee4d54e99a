//! `qctl init`

use clap::Args;

use super::{GlobalArgs, Ui, UsageError};
use crate::config::model::{check_dns_label, parse_version};
use crate::network::{
    Consensus, DEFAULT_CHAIN_ID, DEFAULT_QUORUM_VERSION, DEFAULT_TESSERA_VERSION, TxManagerKind,
};
use crate::ops::init::{InitOptions, init};

/// Write a minimal qubernetes.yaml for a new network
#[derive(Debug, Args)]
#[command(
    after_help = "On a terminal with no flags, init asks for each value; --yes takes the defaults.\n\
--namespace NS is written to k8s.namespace."
)]
pub struct InitArgs {
    /// Number of nodes
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub num: Option<u16>,
    /// Consensus engine [default: qbft]
    #[arg(long, value_enum)]
    pub consensus: Option<Consensus>,
    /// GoQuorum version [default: 24.4.1]
    #[arg(long, value_name = "VERSION")]
    pub quorum_version: Option<String>,
    /// Transaction manager [default: tessera]
    #[arg(long, value_enum)]
    pub tm: Option<TxManagerKind>,
    /// Tessera version [default: 24.4.2]
    #[arg(long, value_name = "VERSION")]
    pub tm_version: Option<String>,
    /// Chain id [default: 1000]
    #[arg(long, value_name = "ID", value_parser = clap::value_parser!(u64).range(1..))]
    pub chain_id: Option<u64>,
    /// Node names are <prefix>-node1, <prefix>-node2, … [default: quorum]
    #[arg(long, value_name = "PREFIX")]
    pub name_prefix: Option<String>,
    /// Replace an existing config
    #[arg(long)]
    pub force: bool,
}

pub fn run(ui: &mut Ui, g: &GlobalArgs, args: &InitArgs) -> anyhow::Result<()> {
    let no_flags = args.num.is_none()
        && args.consensus.is_none()
        && args.quorum_version.is_none()
        && args.tm.is_none()
        && args.tm_version.is_none()
        && args.chain_id.is_none()
        && args.name_prefix.is_none()
        && g.namespace.is_none();
    let answers = if no_flags && ui.can_prompt() {
        ask()?
    } else {
        Answers::default()
    };
    let version = |flag: &str, v: Option<&String>, default: &str| {
        parse_version(v.map_or(default, String::as_str))
            .map_err(|m| UsageError(format!("{flag}: {m}")))
    };
    let prefix = args
        .name_prefix
        .clone()
        .or(answers.prefix)
        .unwrap_or_else(|| "quorum".into());
    let num = args.num.or(answers.num).unwrap_or(4);
    // The longest name checks the prefix for every node.
    check_dns_label(&format!("{prefix}-node{num}"))
        .map_err(|m| UsageError(format!("--name-prefix with --num {num}: {m}")))?;
    // The global --namespace doubles as init's: it is written to k8s.namespace.
    let namespace = g.namespace.clone();
    if let Some(ns) = &namespace {
        check_dns_label(ns).map_err(|m| UsageError(format!("namespace: {m}")))?;
    }
    let consensus = args
        .consensus
        .or(answers.consensus)
        .unwrap_or(Consensus::Qbft);
    let tm = args.tm.unwrap_or(TxManagerKind::Tessera);
    let opts = InitOptions {
        path: g.config.clone(),
        num: usize::from(num),
        consensus,
        quorum_version: version(
            "--quorum-version",
            args.quorum_version.as_ref(),
            DEFAULT_QUORUM_VERSION,
        )?,
        tm,
        tm_version: version(
            "--tm-version",
            args.tm_version.as_ref(),
            DEFAULT_TESSERA_VERSION,
        )?,
        chain_id: args
            .chain_id
            .or(answers.chain_id)
            .unwrap_or(DEFAULT_CHAIN_ID),
        name_prefix: prefix,
        namespace,
        force: args.force,
    };
    let config = init(&opts)?;
    ui.status(format!(
        "wrote `{}`: {} {} nodes, GoQuorum {}, chain id {}",
        g.config.display(),
        config.nodes.len(),
        config.genesis.consensus,
        config.genesis.quorum_version,
        config.genesis.chain_id
    ));
    ui.hint("qctl generate");
    Ok(())
}

#[derive(Default)]
struct Answers {
    num: Option<u16>,
    consensus: Option<Consensus>,
    chain_id: Option<u64>,
    prefix: Option<String>,
}

fn ask() -> anyhow::Result<Answers> {
    use dialoguer::{Input, Select};
    let engines = Consensus::ALL.map(Consensus::as_str);
    let num: u16 = Input::new()
        .with_prompt("Number of nodes")
        .default(4)
        .interact_text()?;
    let pick = Select::new()
        .with_prompt("Consensus")
        .items(&engines)
        .default(0)
        .interact()?;
    let chain_id: u64 = Input::new()
        .with_prompt("Chain id")
        .default(DEFAULT_CHAIN_ID)
        .interact_text()?;
    let prefix: String = Input::new()
        .with_prompt("Node name prefix")
        .default("quorum".into())
        .interact_text()?;
    Ok(Answers {
        num: Some(num),
        consensus: Some(Consensus::ALL[pick]),
        chain_id: Some(chain_id),
        prefix: Some(prefix),
    })
}
