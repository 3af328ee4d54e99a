//! `qctl test contract`

use clap::{Args, Subcommand};

use super::table::plain;
use super::{Context, OutputFormat, Ui};
use crate::error::Result;
use crate::ops::live::contract::{self, ContractReport, Kinds};

/// Check a running network end to end
#[derive(Debug, Subcommand)]
pub enum TestCommand {
    Contract(ContractArgs),
}

/// Deploy a storage contract from a node, public and private, and check who can read it
#[derive(Debug, Args)]
#[command(
    after_help = "Signs with the node's own account (its keystore in the key dir) and \
sends through the API server's port-forward: `eth_sendRawTransaction` for the public contract; \
for the private one, the payload goes to the node's Tessera (`/storeraw`) and \
`eth_sendRawPrivateTransaction` names the parties. Each contract is created with a random \
value, set to another, and read with `get()`: the public one on every running node, the \
private one on the sender and each party of this cluster, and on one node that is no party, \
which must not see it. Exits 0 only if every check holds.

By default the first other node with Tessera is the party. Another organisation's node is \
named like any other when its bundle gave its Tessera key (`Tm_Public_Key`), else by the key \
itself; its side reads the value with `qctl rpc` (see docs/multi-cluster.md).

Examples:
  qctl test contract node1
  qctl test contract node1 --private --private-for node3
  qctl test contract node1 --private-for orgb-node1
  qctl test contract node1 --private-for 'BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo='"
)]
pub struct ContractArgs {
    /// The node that deploys (of this config)
    pub node: String,
    /// Only the public contract
    #[arg(long, conflicts_with_all = ["private", "private_for"])]
    pub public: bool,
    /// Only the private contract
    #[arg(long)]
    pub private: bool,
    /// A party to the private contract: a node or external node of this config, or a Tessera
    /// public key
    #[arg(long, value_name = "NODE|KEY")]
    pub private_for: Vec<String>,
    /// How long to wait for blocks and for the values to show on every node
    #[arg(long, default_value = "2m", value_parser = super::deploy::parse_duration, value_name = "DURATION")]
    pub timeout: std::time::Duration,
    /// Output format of the results [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
}

pub fn run(ui: &mut Ui, ctx: &Context, cmd: &TestCommand) -> Result<()> {
    let TestCommand::Contract(args) = cmd;
    let kinds = Kinds {
        public: !args.private,
        private: !args.public,
    };
    let plan = contract::plan(
        &ctx.loaded()?.config,
        &ctx.layout()?,
        &args.node,
        kinds,
        &args.private_for,
        args.timeout,
    )?;
    if kinds.private && plan.parties.is_none() {
        ui.warn(
            "private contract skipped: no other node of this config runs Tessera; name another \
             organisation's with `--private-for NODE|KEY`",
        );
    }
    let ns = ctx.namespace()?;
    let report = contract::run(ctx.cluster()?, &ns, &plan, &|step| ui.status(step))?;
    let text = OutputFormat::resolve(args.output).render(&report, |wide| table(&report, wide))?;
    ui.data(&text)
}

/// KIND CONTRACT NODE GET() PARTY per read; wide adds the transactions.
fn table(report: &ContractReport, wide: bool) -> String {
    let mut rows: Vec<[String; 7]> = Vec::new();
    for (kind, run) in [("public", &report.public), ("private", &report.private)] {
        let Some(run) = run else { continue };
        for read in &run.reads {
            rows.push([
                kind.to_string(),
                run.contract.clone(),
                read.node.clone(),
                read.value.map_or("-".into(), |v| v.to_string()),
                if read.party { "yes" } else { "no" }.to_string(),
                run.deploy_tx.clone(),
                run.set_tx.clone(),
            ]);
        }
    }
    const HEADER: [&str; 7] = [
        "KIND",
        "CONTRACT",
        "NODE",
        "GET()",
        "PARTY",
        "DEPLOY TX",
        "SET TX",
    ];
    if wide {
        return plain(HEADER, &rows);
    }
    let narrow: Vec<[String; 5]> = rows
        .into_iter()
        .map(|[k, c, n, v, p, _, _]| [k, c, n, v, p])
        .collect();
    plain(HEADER[..5].try_into().expect("five columns"), &narrow)
}
