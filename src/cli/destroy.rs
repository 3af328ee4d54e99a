//! `qctl destroy`

use clap::Args;

use super::{Context, Ui};
use crate::error::{Error, Result};
use crate::ops::cluster::destroy;

/// Delete what deploy created (asks unless --yes)
#[derive(Debug, Args)]
#[command(
    after_help = "Only objects labelled app.kubernetes.io/managed-by=qctl of this network are deleted."
)]
pub struct DestroyArgs {
    /// Keep the nodes' volumes (PVCs) and so their chain data
    #[arg(long)]
    pub keep_data: bool,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &DestroyArgs) -> Result<()> {
    if !ui.can_confirm() {
        // Refused before the namespace is looked up, which may need the cluster.
        return Err(Error::user(
            "destroy deletes the network — not a terminal, so pass --yes to confirm",
        ));
    }
    let ns = ctx.namespace()?;
    let what = if args.keep_data {
        "(volumes kept)"
    } else {
        "including its volumes and chain data"
    };
    if !ui.confirm(&format!("Delete the network in namespace `{ns}` {what}?"))? {
        return Err(Error::cancelled("nothing was deleted"));
    }
    let cluster = ctx.cluster()?;
    let report = destroy(cluster, &ns, args.keep_data)?;
    let context = cluster.context();
    for o in &report.deleted {
        ui.status(format!("deleted {o}"));
    }
    ui.status(format!(
        "deleted {} objects in `{ns}` on `{context}`{}",
        report.deleted.len(),
        if report.kept.is_empty() {
            String::new()
        } else {
            format!(", kept {}", report.kept.len())
        }
    ));
    if !report.is_success() {
        return Err(Error::failures("could not be deleted", &report.failed));
    }
    Ok(())
}
