//! `deploy`, `status` and `destroy`: the generated network on a cluster, through
//! [`crate::cluster`]. Each takes the connected [`Cluster`] handle and runs the async cluster
//! code on its runtime.

use std::collections::BTreeMap;
use std::time::Duration;

use super::OpsError;
use super::node::NodeKind;
use crate::cluster::prune::PrunePlan;
use crate::cluster::{
    self, ApplyOptions, ApplyReport, Cluster, DestroyReport, NodeProgress, NodeStatus,
};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::k8s::names;
use crate::layout::Layout;

/// The namespace the flags or the config name: `--namespace`, else `k8s.namespace`; `None`
/// leaves it to the kube context (whose own default is `default`). Refuses a flag that
/// contradicts the config, which would split the network across namespaces.
pub fn namespace(config: &Config, flag: Option<&str>) -> Result<Option<String>, OpsError> {
    match (flag, config.k8s.namespace.as_deref()) {
        (Some(f), Some(c)) if f != c => Err(OpsError::Invalid(format!(
            "--namespace (or QUORUM_NAMESPACE) `{f}` differs from k8s.namespace `{c}` in the config; drop it or change the config"
        ))),
        (Some(f), _) => Ok(Some(f.to_string())),
        (None, Some(c)) => Ok(Some(c.to_string())),
        (None, None) => Ok(None),
    }
}

/// Checks that `out/` holds a deployment for every node of the config.
pub fn check_generated(config: &Config, paths: &Layout) -> Result<()> {
    let out = paths.out();
    let missing: Vec<&str> = config
        .nodes
        .iter()
        .filter(|n| !paths.deployment_manifest(&n.name).exists())
        .map(|n| n.name.as_str())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::user(format!(
            "`{}` has no manifests for {}",
            out.display(),
            missing.join(", ")
        ))
        .with_hint("run `qctl generate` first"))
    }
}

pub struct DeployOptions<'a> {
    pub paths: &'a Layout,
    pub namespace: &'a str,
    pub dry_run: bool,
    /// Take over fields other field managers own.
    pub force_conflicts: bool,
    /// Wait this long for every node to be ready.
    pub wait: Option<Duration>,
    /// With `wait`, also wait for the chain of this consensus to work (peers, blocks), not
    /// only for the pods to be Ready.
    pub wait_chain: Option<crate::network::Consensus>,
    pub nodes: Vec<String>,
    /// What to do with the qctl-labelled objects `out/` no longer contains.
    pub prune: Prune,
    /// Deploy even if the live genesis or a node's identity differs from `out/`'s.
    pub replace_identity: bool,
}

/// Whether `deploy` deletes the objects of nodes removed from the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prune {
    /// Leave them (`--prune=false`).
    Off,
    /// Delete them, PVCs kept.
    On,
    /// Delete them, PVCs included (`--prune-data`).
    WithData,
}

pub struct DeployOutcome {
    pub report: ApplyReport,
    /// What was (or, for a dry run, would be) pruned; empty when pruning is off.
    pub prune: PrunePlan,
    /// Objects deleted by the pruning.
    pub pruned: Vec<cluster::ObjectRef>,
    /// Objects the pruning could not delete.
    pub prune_failed: Vec<cluster::ClusterError>,
    /// Raft members of removed nodes that left the raft cluster (dry run: would leave).
    pub raft_left: Vec<super::live::raft::RaftLeave>,
}

/// Plans the pruning, lets `before_apply` see the plan (and refuse it, which stops the
/// deploy before anything is applied), applies `out/`, prunes unless it is a dry run, then,
/// with `wait`, waits for readiness. Apply failures are in the report; nothing is pruned
/// after a failed apply.
pub fn deploy(
    cluster: &Cluster,
    opts: &DeployOptions,
    before_apply: &dyn Fn(&PrunePlan) -> Result<()>,
    on_applied: &dyn Fn(&ApplyReport),
    progress: &dyn Fn(NodeProgress),
) -> Result<DeployOutcome> {
    let manifests = cluster::load_dir(opts.paths.out())?;
    cluster.run(|conn| async move {
        let plan = match opts.prune {
            Prune::Off => PrunePlan::default(),
            Prune::On | Prune::WithData => {
                cluster::prune::plan(
                    conn,
                    &manifests,
                    opts.namespace,
                    opts.prune == Prune::WithData,
                )
                .await?
            }
        };
        if !opts.replace_identity {
            let differences = cluster::guard::check(conn, &manifests, opts.namespace).await?;
            if !differences.is_empty() {
                let lines: Vec<String> = differences
                    .iter()
                    .map(|d| format!("  {}: {}", d.object, d.detail))
                    .collect();
                return Err(Error::user(format!(
                    "out/ describes another network than the one running in `{}`; nothing was applied:\n{}",
                    opts.namespace,
                    lines.join("\n")
                ))
                .with_hint(
                    "deploy from the folder that generated the running network, or pass \
                     --replace-identity to replace it on purpose",
                ));
            }
        }
        before_apply(&plan)?;
        let raft_left = super::live::raft::remove_members(
            conn,
            opts.namespace,
            &opts.nodes,
            &plan.removed_identities,
            opts.dry_run,
        )
        .await?;
        let report = cluster::apply(
            conn,
            &manifests,
            opts.namespace,
            ApplyOptions {
                dry_run: opts.dry_run,
                force_conflicts: opts.force_conflicts,
            },
        )
        .await?;
        on_applied(&report);
        let (pruned, prune_failed) = if report.is_success() && !opts.dry_run {
            cluster::prune::prune(conn, &plan).await
        } else {
            (Vec::new(), Vec::new())
        };
        if let Some(timeout) = opts.wait.filter(|_| report.is_success() && !opts.dry_run) {
            let hashes = config_hashes(&manifests);
            // A node `qctl node stop` stopped runs no pod to wait for.
            let stopped = report.kept_stopped();
            let nodes: Vec<String> = opts
                .nodes
                .iter()
                .filter(|n| !stopped.contains(&names::workload(n)))
                .cloned()
                .collect();
            let start = std::time::Instant::now();
            cluster::wait_ready(
                conn,
                opts.namespace,
                &nodes,
                &hashes,
                timeout,
                progress,
            )
            .await?;
            if let Some(consensus) = opts.wait_chain {
                let deadline = (start + timeout, timeout);
                super::live::wait_chain(conn, opts.namespace, &nodes, consensus, deadline, progress)
                    .await?;
            }
        }
        Ok(DeployOutcome {
            report,
            prune: plan,
            pruned,
            prune_failed,
            raft_left,
        })
    })
}

/// The pod-template config hash of each node's workload in `out/`, so `--wait` waits for the
/// pods of this apply and not the ones it replaces.
fn config_hashes(manifests: &[cluster::Manifest]) -> BTreeMap<String, String> {
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

/// One row of `status`: a local node's pod and ports, or an external node.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StatusRow {
    pub node: String,
    pub kind: NodeKind,
    pub pod: Option<String>,
    pub phase: Option<String>,
    /// Ready containers of the pod, out of how many; `None` when there is no pod.
    pub ready: Option<Readiness>,
    pub restarts: u32,
    pub node_ports: BTreeMap<String, u16>,
    pub age_seconds: Option<u64>,
    /// Stopped by `qctl node stop`: its workload runs no pod until `qctl node start`.
    pub stopped: bool,
    /// The full enode URL of an external node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enode: Option<String>,
    /// Where a local node is reached (when asked for); `None` for external and orphan rows.
    pub endpoints: Option<cluster::Endpoints>,
}

impl StatusRow {
    /// A row of a node that has no pod here: external, or a leftover of a removed node.
    fn without_pod(node: String, kind: NodeKind) -> StatusRow {
        StatusRow {
            node,
            kind,
            pod: None,
            phase: None,
            ready: None,
            restarts: 0,
            node_ports: BTreeMap::new(),
            age_seconds: None,
            stopped: false,
            enode: None,
            endpoints: None,
        }
    }
}

/// `{"ready": 1, "containers": 2}` of a pod.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Readiness {
    pub ready: u32,
    pub containers: u32,
}

impl Readiness {
    /// `1/2` as the cluster code reports it.
    fn parse(text: &str) -> Option<Readiness> {
        let (ready, containers) = text.split_once('/')?;
        Some(Readiness {
            ready: ready.parse().ok()?,
            containers: containers.parse().ok()?,
        })
    }
}

/// The rows of `status` and why some endpoints are unknown.
#[derive(Debug, Clone)]
pub struct StatusReport {
    pub rows: Vec<StatusRow>,
    pub warnings: Vec<String>,
}

/// What runs of the network in `namespace`: each local node's newest pod, then the external
/// nodes of the config, then the qctl-labelled workloads the config no longer describes
/// (`orphan`: `qctl deploy` prunes them).
pub fn status(
    cluster: &Cluster,
    config: &Config,
    namespace: &str,
    options: cluster::StatusOptions<'_>,
) -> Result<StatusReport> {
    let nodes: Vec<String> = config.nodes.iter().map(|n| n.name.clone()).collect();
    let (status, workloads) = cluster.run(|conn| async move {
        let status = cluster::status(conn, namespace, &nodes, options).await?;
        let workloads = cluster::workloads(conn, namespace).await?;
        Ok::<_, cluster::ClusterError>((status, workloads))
    })?;
    let statuses: Vec<NodeStatus> = status.nodes;
    let orphans: Vec<String> = workloads
        .iter()
        .filter(|w| !config.nodes.iter().any(|n| n.name == w.name))
        .map(|w| w.name.clone())
        .collect();
    let local = statuses.into_iter().map(|s| StatusRow {
        stopped: workloads
            .iter()
            .any(|w| w.name == names::workload(&s.node) && w.stopped),
        node: s.node,
        kind: NodeKind::Local,
        ready: s.pod.as_ref().and_then(|_| Readiness::parse(&s.ready)),
        pod: s.pod,
        phase: s.phase,
        restarts: s.restarts,
        node_ports: s
            .node_ports
            .into_iter()
            .map(|p| (p.name, p.node_port))
            .collect(),
        age_seconds: s.age.map(|a| a.as_secs()),
        enode: None,
        endpoints: s.endpoints,
    });
    let external = config.external_nodes.iter().map(|e| StatusRow {
        enode: Some(e.enode_url.clone()),
        ..StatusRow::without_pod(e.name.clone(), NodeKind::External)
    });
    let orphans = orphans
        .into_iter()
        .map(|name| StatusRow::without_pod(name, NodeKind::Orphan));
    Ok(StatusReport {
        rows: local.chain(external).chain(orphans).collect(),
        warnings: status.warnings,
    })
}

/// Deletes the network's objects.
pub fn destroy(cluster: &Cluster, namespace: &str, keep_data: bool) -> Result<DestroyReport> {
    Ok(cluster.run(|conn| cluster::destroy(conn, namespace, keep_data))?)
}
