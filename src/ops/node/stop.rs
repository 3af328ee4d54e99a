//! `node stop` and `node start`: a deployed node's workload scaled to 0 or back to 1 through
//! [`cluster::set_stopped`], everything else of the node kept.

use std::time::Duration;

use crate::cluster::{self, Cluster, NodeProgress, Scaled};
use crate::config::Loaded;
use crate::error::{Error, Result};
use crate::ops::OpsError;

/// `node stop NAME` or `node start NAME [--wait]`.
pub struct StopOptions<'a> {
    pub loaded: &'a Loaded,
    pub namespace: &'a str,
    pub name: &'a str,
    /// Stop (scale to 0), else start (scale to 1).
    pub stop: bool,
    /// After a start, wait this long for the node's pod to be ready.
    pub wait: Option<Duration>,
}

/// The local node `name` of the config, or exit 2 naming the nodes there are. Checked before
/// anything connects to the cluster.
pub fn check_local_node(loaded: &Loaded, name: &str) -> Result<(), OpsError> {
    match loaded.config.node(name) {
        Some(_) => Ok(()),
        None => Err(OpsError::Invalid(format!(
            "`{}`: {}",
            loaded.path.display(),
            super::unknown_node(loaded, name)
        ))),
    }
}

/// Stops or starts the node; `Scaled::Already` when it already was. A node with no
/// Deployment in the namespace is a runtime failure (exit 1): there is nothing to scale.
pub fn stop_or_start(
    cluster: &Cluster,
    opts: &StopOptions,
    progress: &dyn Fn(NodeProgress),
) -> Result<Scaled> {
    check_local_node(opts.loaded, opts.name)?;
    let scaled = cluster.run(|conn| async move {
        let scaled = cluster::set_stopped(conn, opts.namespace, opts.name, opts.stop).await?;
        if let Some(timeout) = opts
            .wait
            .filter(|_| !opts.stop && scaled != Scaled::NotDeployed)
        {
            let nodes = [opts.name.to_string()];
            cluster::wait_ready(
                conn,
                opts.namespace,
                &nodes,
                &Default::default(),
                timeout,
                progress,
            )
            .await?;
        }
        Ok::<_, cluster::ClusterError>(scaled)
    })?;
    if scaled == Scaled::NotDeployed {
        return Err(Error::runtime(format!(
            "node `{}` is not deployed in namespace `{}`: there is no Deployment `{}` to {}",
            opts.name,
            opts.namespace,
            crate::k8s::names::workload(opts.name),
            if opts.stop { "stop" } else { "start" }
        ))
        .with_hint("qctl deploy"));
    }
    Ok(scaled)
}
