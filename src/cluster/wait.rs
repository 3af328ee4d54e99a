//! Waiting until every node's pod is ready, and saying why not when time runs out.
//!
//! One list of the network's pods per poll (every 2 s, faster for short timeouts), matched to
//! nodes by each workload's pod selector ([`names::node_selector`]); a node's pod is its newest
//! one that is not being deleted, so a rollout counts only once the new pod is up.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use k8s_openapi::api::core::v1::Pod;

use super::connect::Connection;
use super::error::{ClusterError, UnreadyNode, human_duration};
use super::pods::{Diagnosis, diagnose, last_logs, list_network_pods, newest_pod};
use crate::k8s::names;

/// Least time given to one poll (and to reading a crashing container's last logs).
const MIN_POLL: Duration = Duration::from_secs(1);

/// Restarts after which a crashing container fails the wait at once: it will not heal by
/// waiting out the timeout.
pub const CRASH_RESTARTS: i32 = 3;

/// A node's state changed while waiting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeProgress {
    pub node: String,
    pub ready: bool,
    /// `ready`, or why not (as in the timeout error).
    pub detail: String,
    pub ready_nodes: usize,
    pub total_nodes: usize,
}

/// Returns once every node in `nodes` has a ready pod; calls `progress` whenever a node's
/// state changes. After `timeout`, fails listing every unready node with the reason (and the
/// last log lines of a crashing container). A node with an entry in `config_hashes` counts
/// only a pod whose `qctl.io/config-hash` annotation is that value: right after an apply the
/// old pod is still Ready, and must not pass for the new one.
pub async fn wait_ready(
    conn: &Connection,
    namespace: &str,
    nodes: &[String],
    config_hashes: &BTreeMap<String, String>,
    timeout: Duration,
    progress: &dyn Fn(NodeProgress),
) -> Result<(), ClusterError> {
    let deadline = Instant::now() + timeout;
    let interval = (timeout / 10).clamp(Duration::from_millis(100), Duration::from_secs(2));
    let mut last: BTreeMap<&str, (bool, String)> = BTreeMap::new();
    loop {
        // `--timeout` is a hard bound, also when the API server stops answering.
        let remaining = deadline.saturating_duration_since(Instant::now());
        let pods =
            tokio::time::timeout(remaining.max(MIN_POLL), list_network_pods(conn, namespace))
                .await
                .map_err(|_| ClusterError::Unreachable {
                    context: conn.context.clone(),
                    server: conn.server.clone(),
                    reason: format!(
                        "the list of the network's pods got no answer within the {} of --timeout",
                        human_duration(&timeout)
                    ),
                })??;
        let states: Vec<(&String, Option<&Pod>, Option<Diagnosis>)> = nodes
            .iter()
            .map(|node| {
                let pod = newest_pod(&pods, node).filter(|pod| {
                    config_hashes.get(node).is_none_or(|want| {
                        let annotations = pod.metadata.annotations.as_ref();
                        annotations.and_then(|a| a.get(names::ANNOTATION_CONFIG_HASH)) == Some(want)
                    })
                });
                (node, pod, pod.map_or(Some(Diagnosis::no_pod()), diagnose))
            })
            .collect();
        let ready_nodes = states.iter().filter(|(_, _, why)| why.is_none()).count();
        for (node, _, why) in &states {
            let state = (
                why.is_none(),
                why.as_ref()
                    .map_or("ready".to_string(), |d| d.reason.clone()),
            );
            if last.get(node.as_str()) != Some(&state) {
                progress(NodeProgress {
                    node: node.to_string(),
                    ready: state.0,
                    detail: state.1.clone(),
                    ready_nodes,
                    total_nodes: nodes.len(),
                });
                last.insert(node, state);
            }
        }
        if ready_nodes == nodes.len() {
            return Ok(());
        }
        let now = Instant::now();
        let crashing = states.iter().any(|(_, _, why)| {
            why.as_ref()
                .is_some_and(|d| d.crash_restarts >= CRASH_RESTARTS)
        });
        if now >= deadline || crashing {
            let mut unready = Vec::new();
            for (node, pod, why) in states {
                let Some(why) = why else { continue };
                if crashing && why.crash_restarts < CRASH_RESTARTS {
                    continue;
                }
                let pod_name = pod.and_then(|p| p.metadata.name.clone());
                let logs = match (&pod_name, &why.crashing_container) {
                    (Some(pod), Some(container)) => {
                        tokio::time::timeout(MIN_POLL, last_logs(conn, namespace, pod, container))
                            .await
                            .unwrap_or_default()
                    }
                    _ => Vec::new(),
                };
                unready.push(UnreadyNode {
                    node: node.clone(),
                    pod: pod_name,
                    reason: why.reason,
                    logs,
                });
            }
            if crashing {
                return Err(ClusterError::Crashing {
                    namespace: namespace.to_string(),
                    nodes: unready,
                });
            }
            return Err(ClusterError::NotReady {
                namespace: namespace.to_string(),
                timeout,
                total: nodes.len(),
                nodes: unready,
            });
        }
        tokio::time::sleep(interval.min(deadline - now)).await;
    }
}
