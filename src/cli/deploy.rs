//! `qctl deploy`

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use clap::Args;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{Context, Ui};
use crate::cluster::Outcome;
use crate::cluster::prune::PrunePlan;
use crate::error::{Error, Result};
use crate::ops::cluster::{DeployOptions, Prune, check_generated, deploy};
use crate::ops::live::raft;

/// Apply out/ to the cluster with server-side apply
#[derive(Debug, Args)]
#[command(
    after_help = "Objects go in dependency order (Namespace, Secrets and ConfigMaps, volumes, Services, \
workloads); a second deploy with no change changes nothing and restarts no pod."
)]
pub struct DeployArgs {
    /// Wait until every node is ready (see --wait-for)
    #[arg(long)]
    pub wait: bool,
    /// What --wait waits for: the chain (pods Ready, peers connected, blocks advancing or a
    /// raft leader) or only the pods
    #[arg(long, value_enum, default_value_t = WaitFor::Chain, value_name = "WHAT")]
    pub wait_for: WaitFor,
    /// How long --wait waits, e.g. 10m, 90s
    #[arg(long, default_value = "10m", value_parser = parse_duration, value_name = "DURATION")]
    pub timeout: Duration,
    /// Ask the API server what would change, change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Take over fields that another field manager (kubectl, an operator) set on qctl's objects
    #[arg(long)]
    pub force_conflicts: bool,
    /// Delete the qctl-labelled objects of nodes no longer in the config (asks unless --yes);
    /// --prune=false leaves them
    #[arg(
        long,
        value_name = "BOOL",
        default_value_t = true,
        action = clap::ArgAction::Set,
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "true"
    )]
    pub prune: bool,
    /// Also prune the volumes (PVCs, chain data) of removed nodes
    #[arg(long)]
    pub prune_data: bool,
    /// Deploy even if the running genesis or a node's identity (enode id, address) differs
    /// from out/'s
    #[arg(long)]
    pub replace_identity: bool,
}

/// `--wait-for`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum WaitFor {
    /// Pods Ready, then every geth with its peers and its blocks advancing (raft: a leader).
    Chain,
    /// Pods Ready (every container's readiness probe, Tessera's `/upcheck` included).
    Pods,
}

/// Longest `--timeout`: a day.
const MAX_TIMEOUT_SECS: u64 = 24 * 3600;

/// `90s`, `10m`, `1h`, or plain seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: u64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a duration; expected e.g. 90s, 10m, 1h"))?;
    let secs = match unit {
        "" | "s" => Some(n),
        "m" => n.checked_mul(60),
        "h" => n.checked_mul(3600),
        _ => {
            return Err(format!(
                "`{s}` is not a duration; expected e.g. 90s, 10m, 1h"
            ));
        }
    };
    match secs {
        Some(secs) if secs <= MAX_TIMEOUT_SECS => Ok(Duration::from_secs(secs)),
        _ => Err(format!("`{s}` is longer than the maximum of 24h")),
    }
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &DeployArgs) -> Result<()> {
    let loaded = ctx.loaded()?;
    let paths = ctx.layout()?;
    check_generated(&loaded.config, &paths)?;
    let ns = ctx.namespace()?;
    let nodes: Vec<String> = loaded.config.nodes.iter().map(|n| n.name.clone()).collect();
    let regenerate = crate::ops::generate::GenerateOptions {
        config: ctx.config_path().to_path_buf(),
        out: ctx.out().to_path_buf(),
        recreate: false,
    };
    for j in raft::join(ctx.cluster()?, loaded, &regenerate, &ns, args.dry_run)? {
        if args.dry_run {
            ui.status(format!(
                "would add raft node `{}` to the running raft cluster (raft_addPeer on `{}`)",
                j.node, j.via
            ));
        } else {
            ui.status(format!(
                "added raft node `{}` to the running raft cluster as raft id {} (raft_addPeer on \
                 `{}`); its geth flags in the config now say `{} {}`, and out/ is regenerated",
                j.node,
                j.raft_id,
                j.via,
                raft::JOIN_FLAG,
                j.raft_id
            ));
        }
    }

    let multi = MultiProgress::with_draw_target(if ui.is_quiet() {
        ProgressDrawTarget::hidden()
    } else {
        ProgressDrawTarget::stderr()
    });
    let bars: Mutex<BTreeMap<String, ProgressBar>> = Mutex::new(BTreeMap::new());
    let style =
        ProgressStyle::with_template("{spinner} {prefix:20} {msg}").expect("valid template");
    let on_applied = |report: &crate::cluster::ApplyReport| {
        if report.dry_run {
            for a in &report.applied {
                let _ = ui.data(&format!(
                    "{:9} {} ({})",
                    a.outcome.as_str(),
                    a.object,
                    a.file.display()
                ));
            }
        }
        let stopped = report.kept_stopped();
        for node in &stopped {
            ui.status(format!(
                "kept node `{node}` stopped (0 replicas); `qctl node start {node}` starts it"
            ));
        }
        if args.wait && report.is_success() && !report.dry_run {
            let mut bars = bars.lock().expect("not poisoned");
            for node in nodes.iter().filter(|n| !stopped.contains(n)) {
                let bar = multi.add(
                    ProgressBar::new_spinner()
                        .with_style(style.clone())
                        .with_prefix(node.clone()),
                );
                bar.set_message("waiting");
                bar.enable_steady_tick(Duration::from_millis(120));
                bars.insert(node.clone(), bar);
            }
        }
    };
    // Without a terminal the bars draw nothing, so each change is a plain line instead.
    let plain = multi.is_hidden();
    // With the chain to wait for, a Ready pod is only the first step.
    let pods_only = args.wait_for == WaitFor::Pods;
    let progress = |p: crate::cluster::NodeProgress| {
        if plain {
            ui.status(format!("{}: {}", p.node, p.detail));
        } else if let Some(bar) = bars.lock().expect("not poisoned").get(&p.node) {
            if p.ready && (pods_only || p.detail.starts_with("chain ready")) {
                bar.finish_with_message(p.detail.clone());
            } else if p.ready {
                bar.set_message("pod ready; checking peers and blocks");
            } else {
                bar.set_message(p.detail.clone());
            }
        }
    };
    let opts = DeployOptions {
        paths: &paths,
        namespace: &ns,
        dry_run: args.dry_run,
        force_conflicts: args.force_conflicts,
        wait: args.wait.then_some(args.timeout),
        wait_chain: (args.wait_for == WaitFor::Chain).then_some(loaded.config.genesis.consensus),
        nodes: nodes.clone(),
        prune: match (args.prune, args.prune_data) {
            (false, _) => Prune::Off,
            (true, false) => Prune::On,
            (true, true) => Prune::WithData,
        },
        replace_identity: args.replace_identity,
    };
    let before_apply = |plan: &PrunePlan| confirm_prune(ui, plan, args.dry_run);
    let cluster = ctx.cluster()?;
    let result = deploy(cluster, &opts, &before_apply, &on_applied, &progress);
    for bar in bars.lock().expect("not poisoned").values() {
        if !bar.is_finished() {
            bar.abandon();
        }
    }
    let outcome = result?;
    let r = &outcome.report;
    if r.dry_run {
        for object in &outcome.prune.delete {
            ui.data(&format!("{:9} {object}", "pruned"))?;
        }
    }
    ui.status(format!(
        "{}{} objects to `{}` in namespace `{ns}`: {} created, {} changed, {} unchanged ({} requests)",
        if r.dry_run { "dry run: would apply " } else { "applied " },
        r.applied.len(),
        cluster.context(),
        r.count(Outcome::Created),
        r.count(Outcome::Changed),
        r.count(Outcome::Unchanged),
        r.requests
    ));
    if !r.is_success() {
        let mut error = Error::failures("failed", &r.failed);
        if !r.skipped.is_empty() {
            let names: Vec<String> = r.skipped.iter().map(ToString::to_string).collect();
            error = error.with_hint(format!(
                "not applied, as they depend on what failed: {}",
                names.join(", ")
            ));
        }
        if r.failed
            .iter()
            .any(crate::cluster::ClusterError::is_conflict)
        {
            error = error.with_hint(
                "another field manager owns fields qctl sets (named above): undo its change, or \
                 take the fields over with `qctl deploy --force-conflicts`",
            );
        }
        return Err(error);
    }
    report_pruned(ui, &outcome)?;
    if args.wait && !r.dry_run {
        let stopped = r.kept_stopped().len();
        ui.status(match stopped {
            0 => format!("all {} nodes are ready", nodes.len()),
            _ => format!(
                "all {} running nodes are ready ({stopped} stopped)",
                nodes.len() - stopped
            ),
        });
        ui.hint("qctl status");
    } else if !r.dry_run {
        ui.hint("qctl status, or qctl deploy --wait to wait for readiness");
    }
    Ok(())
}

/// Shows what pruning deletes and asks; without a terminal and without --yes, refuses (exit
/// 2), so nothing is applied either.
fn confirm_prune(ui: &Ui, plan: &PrunePlan, dry_run: bool) -> Result<()> {
    for pvc in &plan.kept_data {
        ui.status(format!(
            "keeping {pvc} of a removed node (chain data; --prune-data deletes it)"
        ));
    }
    if plan.delete.is_empty() || dry_run {
        return Ok(());
    }
    let names: Vec<String> = plan.delete.iter().map(ToString::to_string).collect();
    let question = format!(
        "Delete {} object(s) of nodes no longer in the config: {}?",
        names.len(),
        names.join(", ")
    );
    if !ui.can_confirm() {
        return Err(Error::user(format!(
            "{question} — not a terminal, so nothing was applied"
        ))
        .with_hint("pass --yes to delete them, or --prune=false to keep them"));
    }
    if !ui.confirm(&question)? {
        return Err(Error::cancelled("nothing was applied or deleted")
            .with_hint("qctl deploy --prune=false applies without deleting them"));
    }
    Ok(())
}

/// What pruning deleted, the validators to vote out, and what it could not delete.
fn report_pruned(ui: &Ui, outcome: &crate::ops::cluster::DeployOutcome) -> Result<()> {
    let plan = &outcome.prune;
    for leave in &outcome.raft_left {
        ui.status(format!(
            "{} raft node `{}` (raft id {}) from the running raft cluster (raft_removePeer on `{}`)",
            if outcome.report.dry_run {
                "would remove"
            } else {
                "removed"
            },
            leave.node,
            leave.raft_id,
            leave.via
        ));
    }
    for object in &outcome.pruned {
        ui.status(format!("pruned {object}"));
    }
    for id in &plan.removed_identities {
        if let Some(call) = id.vote_out() {
            let verb = if outcome.report.dry_run {
                "would remove"
            } else {
                "removed"
            };
            ui.warn(format!(
                "{verb} `{}`, a {} validator: vote it out with `{call}`",
                id.node, id.consensus
            ));
        }
    }
    if !outcome.prune_failed.is_empty() {
        return Err(Error::failures(
            "could not be pruned",
            &outcome.prune_failed,
        ));
    }
    Ok(())
}
