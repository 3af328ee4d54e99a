//! `qctl generate`

use clap::Args;
use std::io::IsTerminal;

use super::table::plain;

use super::{Context, Ui};
use crate::error::{Error, Result};
use crate::ops::generate::{GenerateOptions, GenesisSource, generate};

/// Create or update out/: keys, genesis, Quorum and Tessera config, Kubernetes manifests
#[derive(Debug, Args)]
#[command(
    after_help = "Existing keys and the genesis are kept; running it again with no config change changes no file."
)]
pub struct GenerateArgs {
    /// Wipe out/ (after confirmation) and generate everything anew, genesis and keys included
    #[arg(long)]
    pub recreate: bool,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &GenerateArgs) -> Result<()> {
    if args.recreate
        && ctx.out().exists()
        && !ui.confirm(&format!(
            "Delete `{}` with all its keys and the genesis?",
            ctx.out().display()
        ))?
    {
        return Err(Error::cancelled("nothing was changed"));
    }
    let outcome = generate(&GenerateOptions {
        config: ctx.config_path().to_path_buf(),
        out: ctx.out().to_path_buf(),
        recreate: args.recreate,
    })?;
    let rows: Vec<[String; 5]> = outcome
        .nodes
        .iter()
        .map(|n| {
            [
                n.name.clone(),
                format!("{}…", &n.identity.enode_id[..12]),
                n.identity.node_address.clone(),
                n.identity
                    .tm_public_key
                    .clone()
                    .unwrap_or_else(|| "-".into()),
                (if n.new_keys { "new" } else { "kept" }).to_string(),
            ]
        })
        .collect();
    // A summary for people: a message, shown on a terminal only.
    if std::io::stdout().is_terminal() {
        ui.status(plain(["NODE", "ENODE", "ADDRESS", "TM.PUB", "KEYS"], &rows).trim_end());
    }
    let genesis = match outcome.genesis {
        GenesisSource::Created => "created",
        GenesisSource::Kept => "kept",
        GenesisSource::Pinned => "pinned (config.Genesis_File)",
    };
    ui.status(format!(
        "genesis {genesis}; {} file(s) written, {} unchanged, {} stale removed in `{}`",
        outcome.written.len(),
        outcome.unchanged,
        outcome.removed.len(),
        ctx.out().display()
    ));
    for w in &outcome.warnings {
        ui.warn(w);
    }
    ui.hint("qctl deploy --wait");
    Ok(())
}
