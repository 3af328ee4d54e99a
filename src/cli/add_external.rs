//! `qctl add-external`

use clap::Args;

use super::{Context, Ui};
use crate::error::Result;
use crate::layout::{self, PINNED_GENESIS_FILE};
use crate::ops::external::{import, read_bundle};

/// Import another organisation's join bundle into the config
#[derive(Debug, Args)]
#[command(
    after_help = "Accepts a JoinBundle from `qctl export-external` or a bare `external_nodes:` list as the old \
qctl printed it. Every field is checked before anything is written; importing the same bundle again changes nothing."
)]
pub struct AddExternalArgs {
    /// Bundle file, or - for stdin
    #[arg(default_value = "-", value_name = "FILE|-")]
    pub file: String,
    /// Update entries of the same names whose content changed
    #[arg(long)]
    pub replace: bool,
    /// Accept peer hosts that are loopback, link-local or cluster-internal names (a test
    /// network whose "other organisation" runs in the same cluster)
    #[arg(long)]
    pub allow_private_peers: bool,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &AddExternalArgs) -> Result<()> {
    let bundle = read_bundle(&args.file)?;
    let consensus = ctx.loaded()?.config.genesis.consensus;
    let plan = import(
        ctx.config_path(),
        ctx.out(),
        &bundle,
        args.replace,
        args.allow_private_peers,
        |plan| {
            for n in &plan.add {
                ui.status(format!("add     {} {}", n.name, n.enode_url));
            }
            for n in &plan.replace {
                ui.status(format!("replace {} {}", n.name, n.enode_url));
            }
            if let Some(g) = &plan.genesis_to_pin {
                ui.status(format!(
                    "pin the bundle's genesis (sha256 {}) as `{PINNED_GENESIS_FILE}`",
                    g.sha256
                ));
            }
            ui.confirm("Write these changes to the config?")
        },
    )?;
    if plan.is_noop() {
        ui.status(format!(
            "nothing to do: all {} node(s) of the bundle are already in the config",
            plan.unchanged.len()
        ));
        return Ok(());
    }
    ui.status(format!(
        "added {}, replaced {}, unchanged {} external node(s) in `{}`",
        plan.add.len(),
        plan.replace.len(),
        plan.unchanged.len(),
        ctx.config_path().display()
    ));
    if plan.genesis_to_pin.is_some() {
        ui.warn(format!(
            "the network is now pinned to the imported genesis: the next `qctl generate` replaces `{}` with it; \
             nodes already deployed with another genesis need `qctl destroy` (without --keep-data) first",
            ctx.out()
                .join(layout::CONFIG_DIR)
                .join(layout::GENESIS_FILE)
                .display()
        ));
    }
    // Validators the bundle's genesis holds are in the set already; the others need votes.
    let voters: Vec<&str> = match &bundle.genesis {
        Some(genesis) => plan
            .add
            .iter()
            .chain(&plan.replace)
            .filter(|n| {
                n.validator_address
                    .as_ref()
                    .is_some_and(|a| !crate::genesis::holds_address(genesis, a))
            })
            .map(|n| n.name.as_str())
            .collect(),
        None => Vec::new(),
    };
    if !voters.is_empty() && crate::quorum::validators::vote_api(consensus).is_some() {
        ui.warn(format!(
            "{} imported node(s) seal blocks only once the running {}s vote them in: after \
             `qctl deploy`, run `qctl validator propose {}`",
            voters.len(),
            crate::quorum::validators::vote_api(consensus).map_or("", |a| a.member),
            voters.join(" ")
        ));
    }
    ui.hint("qctl generate && qctl deploy");
    Ok(())
}
