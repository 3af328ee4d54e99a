//! `qctl destroy`

use clap::Args;

use super::{GlobalArgs, Ui, UsageError};
use crate::ops::cluster::{destroy, namespace};

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

pub fn run(ui: &mut Ui, g: &GlobalArgs, args: &DestroyArgs) -> anyhow::Result<()> {
    let loaded = crate::config::load(&g.config)?;
    let ns = namespace(&loaded.config, g.namespace.as_deref())?;
    let what = if args.keep_data {
        "(volumes kept)"
    } else {
        "including its volumes and chain data"
    };
    if !ui.confirm(&format!("Delete the network in namespace `{ns}` {what}?"))? {
        return Err(UsageError("cancelled; nothing was deleted".into()).into());
    }
    let (context, report) = destroy(g.context.as_deref(), &ns, args.keep_data)?;
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
        let failures: Vec<String> = report.failed.iter().map(|e| format!("  {e}")).collect();
        anyhow::bail!(
            "{} object(s) could not be deleted:\n{}",
            report.failed.len(),
            failures.join("\n")
        );
    }
    Ok(())
}
