//! `deploy`, `status` and `destroy`: the generated network on a cluster, through
//! [`crate::cluster`]. Synchronous entry points that run the async cluster code on a runtime.

use std::path::Path;
use std::time::Duration;

use super::OpsError;
use crate::cluster::{self, ApplyOptions, ApplyReport, DestroyReport, NodeProgress, NodeStatus};
use crate::config::Config;

/// A current-thread runtime is enough: the work is I/O bound and bounded in concurrency.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts")
        .block_on(future)
}

/// The namespace to use: `--namespace`, else `k8s.namespace`, else `default`. Refuses a flag
/// that contradicts the config, which would split the network across namespaces.
pub fn namespace(config: &Config, flag: Option<&str>) -> Result<String, OpsError> {
    match (flag, config.k8s.namespace.as_deref()) {
        (Some(f), Some(c)) if f != c => Err(OpsError::Invalid(format!(
            "--namespace (or QUORUM_NAMESPACE) `{f}` differs from k8s.namespace `{c}` in the config; drop it or change the config"
        ))),
        (Some(f), _) => Ok(f.to_string()),
        (None, Some(c)) => Ok(c.to_string()),
        (None, None) => Ok("default".to_string()),
    }
}

/// Checks that `out/` holds a deployment for every node of the config.
pub fn check_generated(config: &Config, out: &Path) -> Result<(), OpsError> {
    let missing: Vec<&str> = config
        .nodes
        .iter()
        .filter(|n| {
            !out.join("deployments")
                .join(format!("{}-quorum-deployment.yaml", n.name))
                .exists()
        })
        .map(|n| n.name.as_str())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(OpsError::Invalid(format!(
            "`{}` has no manifests for {}; run `qctl generate` first",
            out.display(),
            missing.join(", ")
        )))
    }
}

pub struct DeployOptions<'a> {
    pub out: &'a Path,
    pub namespace: &'a str,
    pub context: Option<&'a str>,
    pub dry_run: bool,
    /// Wait this long for every node to be ready.
    pub wait: Option<Duration>,
    pub nodes: Vec<String>,
}

pub struct DeployOutcome {
    pub context: String,
    pub report: ApplyReport,
}

/// Applies `out/`; then, with `wait`, waits for readiness. Apply failures are in the report.
pub fn deploy(
    opts: &DeployOptions,
    on_applied: &dyn Fn(&ApplyReport),
    progress: &dyn Fn(NodeProgress),
) -> anyhow::Result<DeployOutcome> {
    let manifests = cluster::load_dir(opts.out)?;
    block_on(async {
        let conn = cluster::connect(opts.context).await?;
        let report = cluster::apply(
            &conn,
            &manifests,
            opts.namespace,
            ApplyOptions {
                dry_run: opts.dry_run,
                force_conflicts: false,
            },
        )
        .await?;
        on_applied(&report);
        if let Some(timeout) = opts.wait.filter(|_| report.is_success() && !opts.dry_run) {
            let hashes = config_hashes(&manifests);
            cluster::wait_ready(
                &conn,
                opts.namespace,
                &opts.nodes,
                &hashes,
                timeout,
                progress,
            )
            .await?;
        }
        Ok(DeployOutcome {
            context: conn.context.clone(),
            report,
        })
    })
}

/// The pod-template config hash of each node's workload in `out/`, so `--wait` waits for the
/// pods of this apply and not the ones it replaces.
fn config_hashes(manifests: &[cluster::Manifest]) -> std::collections::BTreeMap<String, String> {
    manifests
        .iter()
        .filter(|m| m.kind.resource.kind == "Deployment")
        .filter_map(|m| {
            let hash = m.object.data["spec"]["template"]["metadata"]["annotations"]
                [crate::k8s::names::ANNOTATION_CONFIG_HASH]
                .as_str()?;
            Some((m.name().to_string(), hash.to_string()))
        })
        .collect()
}

pub fn status(
    context: Option<&str>,
    namespace: &str,
    nodes: &[String],
) -> anyhow::Result<Vec<NodeStatus>> {
    block_on(async {
        let conn = cluster::connect(context).await?;
        Ok(cluster::status(&conn, namespace, nodes).await?)
    })
}

/// Deletes the network's objects; returns the context used and the report.
pub fn destroy(
    context: Option<&str>,
    namespace: &str,
    keep_data: bool,
) -> anyhow::Result<(String, DestroyReport)> {
    block_on(async {
        let conn = cluster::connect(context).await?;
        let report = cluster::destroy(&conn, namespace, keep_data).await?;
        Ok((conn.context.clone(), report))
    })
}
