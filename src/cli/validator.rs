//! `qctl validator ls | propose`

use clap::{Args, Subcommand};

use super::table::plain;
use super::{Context, OutputFormat, Ui};
use crate::error::Result;
use crate::ops::live::{self, ProposeOptions, ValidatorSet};
use crate::quorum::validators::{Row, State};

/// The validator (QBFT/IBFT) or signer (clique) set, and votes to change it
#[derive(Debug, Subcommand)]
pub enum ValidatorCommand {
    Ls(LsArgs),
    Propose(ProposeArgs),
}

/// Show the set as a running node sees it: local, external and pending members
#[derive(Debug, Args)]
pub struct LsArgs {
    /// Output format; wide adds the votes [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
}

/// Vote a node into (or out of) the set on every local member, and watch the tally
#[derive(Debug, Args)]
#[command(
    after_help = "A change needs the votes of more than half of the set; when this \
organisation's members are not enough, the other organisation votes too. Each vote is cast in \
the blocks its node seals, so the set changes over the next blocks.

Examples:
  qctl validator propose org-b-node1 org-b-node2
  qctl validator propose --remove 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
)]
pub struct ProposeArgs {
    /// Nodes of the config (local or external) or 0x addresses
    #[arg(required = true, value_name = "NODE|ADDRESS")]
    pub targets: Vec<String>,
    /// Vote to remove instead of to add
    #[arg(long)]
    pub remove: bool,
    /// How long to watch the set change; 0 casts the votes and returns
    #[arg(long, default_value = "2m", value_parser = super::deploy::parse_duration, value_name = "DURATION")]
    pub timeout: std::time::Duration,
    /// Output format of the final set [default: table on a terminal, else json]
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,
}

pub fn run(ui: &mut Ui, ctx: &Context, cmd: &ValidatorCommand) -> Result<()> {
    let config = &ctx.loaded()?.config;
    live::check_votes(config)?;
    match cmd {
        ValidatorCommand::Ls(args) => {
            let ns = ctx.namespace()?;
            let set = live::validator_set(ctx.cluster()?, config, &ns)?;
            ui.status(format!(
                "{}s read from node `{}`",
                set.member, set.read_from
            ));
            let text = OutputFormat::resolve(args.output)
                .render(&set.rows, |wide| table(&set.rows, wide))?;
            ui.data(&text)
        }
        ValidatorCommand::Propose(args) => {
            live::resolve_targets(config, &args.targets)?;
            let ns = ctx.namespace()?;
            let opts = ProposeOptions {
                targets: args.targets.clone(),
                remove: args.remove,
                timeout: args.timeout,
            };
            let progress = |set: &ValidatorSet| {
                let pending: Vec<String> = set
                    .rows
                    .iter()
                    .filter(|r| r.state != State::Active)
                    .map(|r| format!("{} {} {}/{}", name(r), r.state.as_str(), r.votes, r.needed))
                    .collect();
                ui.status(format!(
                    "{} {}s{}",
                    set.rows
                        .iter()
                        .filter(|r| r.state != State::Pending)
                        .count(),
                    set.member,
                    if pending.is_empty() {
                        String::new()
                    } else {
                        format!("; votes: {}", pending.join(", "))
                    }
                ));
            };
            let outcome = live::propose(ctx.cluster()?, config, &ns, &opts, &progress)?;
            ui.status(format!(
                "voted on {} by {}",
                outcome
                    .targets
                    .iter()
                    .map(|t| t.node.clone().unwrap_or_else(|| t.address.clone()))
                    .collect::<Vec<_>>()
                    .join(", "),
                outcome.voters.join(", ")
            ));
            let rows = &outcome.set.rows;
            let text = OutputFormat::resolve(args.output).render(rows, |wide| table(rows, wide))?;
            ui.data(&text)?;
            if outcome.done || args.timeout.is_zero() {
                Ok(())
            } else {
                Err(crate::error::Error::runtime(format!(
                    "the set did not change within {}: the votes of this organisation's {} member(s) \
                     are cast; a change needs more than half of the set, so the other members must \
                     vote too (`qctl validator propose` on their side)",
                    seconds(args.timeout),
                    outcome.voters.len()
                )))
            }
        }
    }
}

fn seconds(d: std::time::Duration) -> String {
    format!("{}s", d.as_secs())
}

fn name(row: &Row) -> String {
    row.node.clone().unwrap_or_else(|| row.address.clone())
}

/// NODE ORIGIN STATE VOTES, wide adds the address.
fn table(rows: &[Row], wide: bool) -> String {
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.node.clone().unwrap_or_else(|| "-".into()),
                r.origin.as_str().into(),
                r.state.as_str().into(),
                if r.votes == 0 && r.state == State::Active {
                    "-".into()
                } else {
                    format!("{}/{}", r.votes, r.needed)
                },
                r.address.clone(),
            ]
        })
        .collect();
    if wide {
        plain(["NODE", "ORIGIN", "STATE", "VOTES", "ADDRESS"], &cells)
    } else {
        let narrow: Vec<[String; 4]> = cells
            .into_iter()
            .map(|[n, o, s, v, a]| [if n == "-" { a } else { n }, o, s, v])
            .collect();
        plain(["NODE", "ORIGIN", "STATE", "VOTES"], &narrow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quorum::validators::Origin;

    #[test]
    fn the_default_table_fits_80_columns_and_wide_adds_the_address() {
        let row = |node: Option<&str>, origin, state, votes| Row {
            address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into(),
            node: node.map(str::to_string),
            origin,
            state,
            votes,
            needed: 4,
        };
        let rows = [
            row(
                Some("quorum-node-with-a-long-name-1"),
                Origin::Local,
                State::Active,
                0,
            ),
            row(Some("orgb-node1"), Origin::External, State::Pending, 3),
            row(None, Origin::Unknown, State::Leaving, 1),
        ];
        let narrow = table(&rows, false);
        assert!(narrow.lines().all(|l| l.chars().count() <= 80), "{narrow}");
        assert!(narrow.starts_with("NODE"), "{narrow}");
        assert!(
            narrow.contains("pending") && narrow.contains("3/4"),
            "{narrow}"
        );
        // A member the config does not know is shown by its address.
        assert!(
            narrow.contains("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
            "{narrow}"
        );
        assert!(table(&rows, true).contains("ADDRESS"));
    }
}
