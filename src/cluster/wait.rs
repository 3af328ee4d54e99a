//! Waiting until every node's pod is ready, and saying why not when time runs out.
//!
//! One list of the network's pods per poll (every 2 s, faster for short timeouts), matched to
//! nodes by each workload's pod selector ([`names::node_selector`]); a node's pod is its newest
//! one that is not being deleted, so a rollout counts only once the new pod is up.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, ListParams, LogParams};

use super::connect::Connection;
use super::error::{ClusterError, ObjectRef, UnreadyNode};
use crate::k8s::names;

/// Log lines shown for a crashing container.
const LOG_LINES: i64 = 10;

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
        let pods = list_network_pods(conn, namespace).await?;
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
        if now >= deadline {
            let mut unready = Vec::new();
            for (node, pod, why) in states {
                let Some(why) = why else { continue };
                let pod_name = pod.and_then(|p| p.metadata.name.clone());
                let logs = match (&pod_name, &why.crashing_container) {
                    (Some(pod), Some(container)) => {
                        last_logs(conn, namespace, pod, container).await
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

/// Every pod of the network, in one request: the part of the node selectors that all nodes
/// share (the instance label differs per node and is matched afterwards).
pub(crate) async fn list_network_pods(
    conn: &Connection,
    namespace: &str,
) -> Result<Vec<Pod>, ClusterError> {
    let selector = names::node_selector("")
        .into_iter()
        .filter(|(key, _)| key != names::LABEL_INSTANCE)
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join(",");
    let api: Api<Pod> = Api::namespaced(conn.client.clone(), namespace);
    let params = ListParams::default().labels(&selector);
    let list = conn.call(|| api.list(&params)).await.map_err(|e| {
        let object = ObjectRef {
            kind: "Pod".into(),
            name: selector.clone(),
            namespace: Some(namespace.into()),
        };
        conn.error("list", object, None, e)
    })?;
    Ok(list.items)
}

/// The node's newest pod that is not being deleted.
pub(crate) fn newest_pod<'a>(pods: &'a [Pod], node: &str) -> Option<&'a Pod> {
    let selector = names::node_selector(node);
    pods.iter()
        .filter(|pod| pod.metadata.deletion_timestamp.is_none())
        .filter(|pod| {
            let labels = pod.metadata.labels.as_ref();
            selector
                .iter()
                .all(|(k, v)| labels.and_then(|l| l.get(k)) == Some(v))
        })
        .max_by(|a, b| {
            let key = |p: &Pod| {
                (
                    p.metadata.creation_timestamp.clone().map(|t| t.0),
                    p.metadata.name.clone(),
                )
            };
            key(a).cmp(&key(b))
        })
}

/// Why a pod is not ready.
pub(crate) struct Diagnosis {
    pub reason: String,
    /// A container in CrashLoopBackOff, whose logs explain more than its state.
    pub crashing_container: Option<String>,
}

impl Diagnosis {
    fn no_pod() -> Self {
        Diagnosis {
            reason: "no pod: the node's workload is missing or has not created a pod yet; run `qctl deploy`".into(),
            crashing_container: None,
        }
    }
}

/// `None` when the pod is Running with every container ready.
pub(crate) fn diagnose(pod: &Pod) -> Option<Diagnosis> {
    let status = pod.status.clone().unwrap_or_default();
    let phase = status.phase.clone().unwrap_or_else(|| "Unknown".into());
    let containers = status.container_statuses.clone().unwrap_or_default();
    let expected = pod.spec.as_ref().map_or(0, |s| s.containers.len());
    if phase == "Running" && containers.len() >= expected && containers.iter().all(|c| c.ready) {
        return None;
    }
    let detail = |reason: &Option<String>, message: &Option<String>| {
        [reason.as_deref(), message.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(": ")
    };
    if phase == "Failed" || phase == "Succeeded" {
        let why = detail(&status.reason, &status.message);
        return Some(Diagnosis {
            reason: format!("pod {phase}: {why}"),
            crashing_container: None,
        });
    }
    let init = status.init_container_statuses.clone().unwrap_or_default();
    let mut problems = Vec::new();
    let mut crashing_container = None;
    for c in init.iter().chain(&containers) {
        let state = c.state.clone().unwrap_or_default();
        if let Some(waiting) = state.waiting {
            if waiting.reason.as_deref() == Some("CrashLoopBackOff") {
                crashing_container.get_or_insert_with(|| c.name.clone());
            }
            let mut why = detail(&waiting.reason, &waiting.message);
            if c.restart_count > 0 {
                why.push_str(&format!(" ({} restarts)", c.restart_count));
            }
            problems.push(format!("container `{}` waiting: {why}", c.name));
        } else if let Some(terminated) = state.terminated {
            let why = detail(&terminated.reason, &terminated.message);
            problems.push(format!(
                "container `{}` terminated (exit code {}): {why}",
                c.name, terminated.exit_code
            ));
        } else if !c.ready && !init.iter().any(|i| i.name == c.name) {
            problems.push(format!("container `{}` running but not ready", c.name));
        }
    }
    if phase == "Pending" {
        let unscheduled = status
            .conditions
            .unwrap_or_default()
            .into_iter()
            .find(|c| c.type_ == "PodScheduled" && c.status == "False");
        if let Some(condition) = unscheduled {
            problems.insert(
                0,
                format!(
                    "not scheduled: {}",
                    detail(&condition.reason, &condition.message)
                ),
            );
        }
    }
    let reason = if problems.is_empty() {
        phase
    } else {
        format!("{phase}: {}", problems.join("; "))
    };
    Some(Diagnosis {
        reason,
        crashing_container,
    })
}

/// The last lines a crashing container wrote before it died (or, failing that, now).
async fn last_logs(conn: &Connection, namespace: &str, pod: &str, container: &str) -> Vec<String> {
    let api: Api<Pod> = Api::namespaced(conn.client.clone(), namespace);
    let mut last_error = String::new();
    for previous in [true, false] {
        let params = LogParams {
            container: Some(container.to_string()),
            tail_lines: Some(LOG_LINES),
            previous,
            ..LogParams::default()
        };
        match conn.call(|| api.logs(pod, &params)).await {
            Ok(text) => {
                let lines: Vec<String> = text.lines().map(str::to_string).collect();
                return lines[lines.len().saturating_sub(LOG_LINES as usize)..].to_vec();
            }
            Err(kube::Error::Api(status)) => last_error = status.message,
            Err(e) => last_error = e.to_string(),
        }
    }
    vec![format!("(logs unavailable: {last_error})")]
}
