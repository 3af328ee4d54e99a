//! `qctl init`

use clap::Args;

use super::args::parse_version;
use super::ui::prompt_failed;
use super::{ConsensusArg, TmArg};
use super::{Context, Ui};
use crate::config::model::check_dns_label;
use crate::error::{Error, Result};
use crate::network::{
    Consensus, DEFAULT_CHAIN_ID, DEFAULT_QUORUM_VERSION, DEFAULT_TESSERA_VERSION, TxManagerKind,
};
use crate::ops::init::{InitOptions, init};

/// The most nodes `--num` and the prompt accept.
const MAX_NODES: u16 = 1000;

/// Write a minimal qubernetes.yaml for a new network
#[derive(Debug, Args)]
#[command(
    after_help = "On a terminal with no flags, init asks for each value; --yes takes the defaults.\n\
--namespace NS is written to k8s.namespace."
)]
pub struct InitArgs {
    /// Number of nodes
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=i64::from(MAX_NODES)))]
    pub num: Option<u16>,
    /// Consensus engine [default: qbft]
    #[arg(long, value_enum)]
    pub consensus: Option<ConsensusArg>,
    /// GoQuorum version [default: 24.4.1]
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    pub quorum_version: Option<semver::Version>,
    /// Transaction manager [default: tessera]
    #[arg(long, value_enum)]
    pub tm: Option<TmArg>,
    /// Tessera version [default: 24.4.2]
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    pub tm_version: Option<semver::Version>,
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

pub fn run(ui: &mut Ui, ctx: &Context, args: &InitArgs) -> Result<()> {
    let no_flags = args.num.is_none()
        && args.consensus.is_none()
        && args.quorum_version.is_none()
        && args.tm.is_none()
        && args.tm_version.is_none()
        && args.chain_id.is_none()
        && args.name_prefix.is_none()
        && ctx.global().namespace.is_none();
    let answers = if no_flags && ui.can_prompt() {
        ask()?
    } else {
        Answers::default()
    };
    let prefix = args
        .name_prefix
        .clone()
        .or(answers.prefix)
        .unwrap_or_else(|| "quorum".into());
    let num = args.num.or(answers.num).unwrap_or(4);
    // The longest name checks the prefix for every node.
    check_prefix(&prefix, num)
        .map_err(|m| Error::user(format!("--name-prefix with --num {num}: {m}")))?;
    // The global --namespace doubles as init's: it is written to k8s.namespace.
    let namespace = ctx.global().namespace.clone();
    if let Some(ns) = &namespace {
        check_dns_label(ns).map_err(|m| Error::user(format!("namespace: {m}")))?;
    }
    let consensus = args
        .consensus
        .map(Consensus::from)
        .or(answers.consensus)
        .unwrap_or(Consensus::Qbft);
    let tm = args.tm.map_or(TxManagerKind::Tessera, TxManagerKind::from);
    let opts = InitOptions {
        path: ctx.config_path().to_path_buf(),
        num: usize::from(num),
        consensus,
        quorum_version: args
            .quorum_version
            .clone()
            .unwrap_or_else(|| default_version(DEFAULT_QUORUM_VERSION)),
        tm,
        tm_version: args
            .tm_version
            .clone()
            .unwrap_or_else(|| default_version(DEFAULT_TESSERA_VERSION)),
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
        ctx.config_path().display(),
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

/// On Ctrl-C during the prompts: show the cursor again (the menu hides it) and exit 130, as
/// the shell would for an interrupted command.
fn restore_terminal_on_interrupt() {
    let _ = std::thread::Builder::new().name("ctrl-c".into()).spawn(|| {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        if rt.block_on(tokio::signal::ctrl_c()).is_ok() {
            let _ = console::Term::stderr().show_cursor();
            eprintln!();
            std::process::exit(130);
        }
    });
}

fn ask() -> Result<Answers> {
    use dialoguer::{Input, Select};
    restore_terminal_on_interrupt();
    let engines = Consensus::ALL.map(Consensus::as_str);
    let num: u16 = Input::new()
        .with_prompt("Number of nodes")
        .default(4)
        .validate_with(|n: &u16| check_num(*n))
        .interact_text()
        .map_err(prompt_failed)?;
    let pick = Select::new()
        .with_prompt("Consensus")
        .items(&engines)
        .default(0)
        .interact()
        .map_err(prompt_failed)?;
    let chain_id: u64 = Input::new()
        .with_prompt("Chain id")
        .default(DEFAULT_CHAIN_ID)
        .validate_with(|id: &u64| check_chain_id(*id))
        .interact_text()
        .map_err(prompt_failed)?;
    let prefix: String = Input::new()
        .with_prompt("Node name prefix")
        .default("quorum".into())
        .validate_with(|p: &String| check_prefix(p, num))
        .interact_text()
        .map_err(prompt_failed)?;
    Ok(Answers {
        num: Some(num),
        consensus: Some(Consensus::ALL[pick]),
        chain_id: Some(chain_id),
        prefix: Some(prefix),
    })
}

/// The limits of `--num`, for its prompt.
fn check_num(n: u16) -> Result<(), String> {
    if (1..=MAX_NODES).contains(&n) {
        Ok(())
    } else {
        Err(format!("expected 1 to {MAX_NODES} nodes"))
    }
}

/// The limits of `--chain-id`, for its prompt.
fn check_chain_id(id: u64) -> Result<(), String> {
    if id > 0 {
        Ok(())
    } else {
        Err("expected a positive whole number such as 1000".into())
    }
}

/// A prefix whose every node name (`<prefix>-node<num>`) is a DNS label.
fn check_prefix(prefix: &str, num: u16) -> Result<(), String> {
    check_dns_label(&format!("{prefix}-node{num}"))
}

fn default_version(v: &str) -> semver::Version {
    semver::Version::parse(v).expect("the default versions are valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_prompt_has_the_limits_of_its_flag() {
        assert!(check_num(0).is_err() && check_num(1).is_ok());
        assert!(check_num(MAX_NODES).is_ok() && check_num(MAX_NODES + 1).is_err());
        assert!(check_chain_id(0).is_err() && check_chain_id(1).is_ok());
        assert!(check_prefix("quorum", 4).is_ok());
        assert!(check_prefix("Bad_Prefix", 4).is_err());
        assert!(check_prefix(&"a".repeat(60), 4).is_err());
    }
}
