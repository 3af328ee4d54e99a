//! The network's pods: listing them in one request, finding each node's newest pod, saying
//! why a pod is not ready, and reading a container's last log lines. Shared by `status`,
//! `wait` and whatever else looks at a node's pod.

use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, LogParams};

use super::connect::Connection;
use super::error::ClusterError;
use crate::k8s::names;

/// Log lines shown for a crashing container.
pub(crate) const LOG_LINES: i64 = 10;

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
    conn.list(namespace, &selector).await
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
    /// How often that container has restarted.
    pub crash_restarts: i32,
}

impl Diagnosis {
    pub(crate) fn no_pod() -> Self {
        Diagnosis {
            reason: "no pod: the node's workload is missing or has not created a pod yet; run `qctl deploy`".into(),
            crashing_container: None,
            crash_restarts: 0,
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
            crash_restarts: 0,
        });
    }
    let init = status.init_container_statuses.clone().unwrap_or_default();
    let mut problems = Vec::new();
    let mut crashing_container = None;
    let mut crash_restarts = 0;
    for c in init.iter().chain(&containers) {
        let state = c.state.clone().unwrap_or_default();
        if let Some(waiting) = state.waiting {
            if waiting.reason.as_deref() == Some("CrashLoopBackOff") && crashing_container.is_none()
            {
                crashing_container = Some(c.name.clone());
                crash_restarts = c.restart_count;
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
        crash_restarts,
    })
}

/// The last lines a crashing container wrote before it died (or, failing that, now).
pub(crate) async fn last_logs(
    conn: &Connection,
    namespace: &str,
    pod: &str,
    container: &str,
) -> Vec<String> {
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
