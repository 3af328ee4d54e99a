//! Errors of everything that talks to the API server. Each carries what a user needs to act:
//! the context and server, the object and the file it came from, and the API server's own
//! `Status` message.

use crate::error::{Error, ErrorKind};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A Kubernetes object as errors and reports name it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectRef {
    pub kind: String,
    pub name: String,
    /// `None` for cluster-scoped objects.
    pub namespace: Option<String>,
}

impl fmt::Display for ObjectRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}`", self.kind, self.name)?;
        if let Some(ns) = &self.namespace {
            write!(f, " in namespace `{ns}`")?;
        }
        Ok(())
    }
}

/// Why one node is not ready, as `wait_ready` found it when its time ran out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadyNode {
    pub node: String,
    /// The node's newest pod, if it has one.
    pub pod: Option<String>,
    /// One line: phase, condition or container state with the reason and message.
    pub reason: String,
    /// Last log lines of a crashing container (empty otherwise).
    pub logs: Vec<String>,
}

impl fmt::Display for UnreadyNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.pod {
            Some(pod) => write!(f, "`{}` (pod `{pod}`): {}", self.node, shown(&self.reason))?,
            None => write!(f, "`{}`: {}", self.node, shown(&self.reason))?,
        }
        for line in &self.logs {
            write!(f, "\n    | {}", shown(line))?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error(
        "no kubeconfig found (looked at {looked_at}) and not running inside a cluster; \
         set `KUBECONFIG` to your kubeconfig file"
    )]
    NoKubeconfig { looked_at: String },

    #[error("cannot read kubeconfig `{}`", path.display())]
    KubeconfigFile {
        path: PathBuf,
        #[source]
        source: kube::config::KubeconfigError,
    },

    #[error("context `{context}` is not in the kubeconfig; available contexts: {available}")]
    UnknownContext { context: String, available: String },

    #[error("the kubeconfig sets no current context; pass `--context`, one of: {available}")]
    NoCurrentContext { available: String },

    #[error("cannot use context `{context}` of the kubeconfig")]
    Kubeconfig {
        context: String,
        #[source]
        source: kube::config::KubeconfigError,
    },

    #[error("cannot load the in-cluster service account config")]
    InCluster(#[source] kube::config::InClusterError),

    #[error("cannot build a client for context `{context}` (server `{server}`)")]
    Client {
        context: String,
        server: String,
        #[source]
        source: Box<kube::Error>,
    },

    #[error("the API server of context `{context}` at `{server}` is unreachable: {reason}")]
    Unreachable {
        context: String,
        server: String,
        reason: String,
    },

    #[error("cannot read `{}`", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("manifest directory `{}` does not exist", dir.display())]
    NoManifestDir { dir: PathBuf },

    #[error("no manifests (`*.yaml`) in `{}`", dir.display())]
    NoManifests { dir: PathBuf },

    #[error("`{}` document {doc}: {message}", file.display())]
    BadManifest {
        file: PathBuf,
        doc: usize,
        message: String,
    },

    #[error(
        "`{}` document {doc}: qctl does not apply `{api_version}` `{kind}`; \
         it applies {expected}",
        file.display()
    )]
    UnsupportedKind {
        file: PathBuf,
        doc: usize,
        api_version: String,
        kind: String,
        expected: String,
    },

    #[error(transparent)]
    Api(Box<ApiFailure>),

    #[error(transparent)]
    Request(Box<RequestFailure>),

    #[error(
        "{} of {} node(s) not ready after {} in namespace `{namespace}`:\n  {}",
        nodes.len(),
        total,
        human_duration(timeout),
        nodes.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n  ")
    )]
    NotReady {
        namespace: String,
        timeout: Duration,
        total: usize,
        nodes: Vec<UnreadyNode>,
    },

    #[error(
        "{} node(s) keep crashing in namespace `{namespace}`, so waiting longer would not help:\n  {}",
        nodes.len(),
        nodes.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n  ")
    )]
    Crashing {
        namespace: String,
        nodes: Vec<UnreadyNode>,
    },

    #[error("node `{node}` is not deployed in namespace `{namespace}`: {missing} not found")]
    NotDeployed {
        node: String,
        namespace: String,
        missing: String,
    },

    #[error("node `{node}` cannot be reached in namespace `{namespace}`: {reason}")]
    NoPod {
        node: String,
        namespace: String,
        reason: String,
    },

    #[error(
        "the peer Service `{service}` of node `{node}` is of type ClusterIP, which other \
         clusters cannot reach; set `k8s.service.type` to NodePort or LoadBalancer and redeploy"
    )]
    NotExposed { node: String, service: String },

    #[error(
        "the LoadBalancer Service `{service}` of node `{node}` has no external address yet; \
         wait until `kubectl get service {service}` shows one, then export again"
    )]
    NoLoadBalancerAddress { node: String, service: String },

    #[error("the peer Service `{service}` of node `{node}` has no {what} port {port}")]
    MissingPort {
        node: String,
        service: String,
        what: &'static str,
        port: u16,
    },

    #[error(
        "no Ready Kubernetes node has an address to reach NodePorts on; pass `--node-ip` \
         with an address of a cluster node"
    )]
    NoNodeAddress,

    #[error("the identity ConfigMap `{configmap}` of node `{node}` {problem}")]
    BadIdentity {
        node: String,
        configmap: String,
        problem: String,
    },

    #[error("the genesis ConfigMap `{configmap}` in namespace `{namespace}` {problem}")]
    BadGenesis {
        namespace: String,
        configmap: String,
        problem: String,
    },
}

impl ClusterError {
    /// A server-side apply refused because another field manager owns a field (409).
    pub fn is_conflict(&self) -> bool {
        matches!(self, ClusterError::Api(failure) if failure.code == 409)
    }
}

pub(crate) use crate::text::human_duration;

/// The API server refused a request; `message` is its `Status` message.
#[derive(Debug, thiserror::Error)]
#[error(
    "{op} of {object}{} was refused by the API server of context `{context}` (`{server}`): \
     {code} {}: {}",
    from_file(file),
    shown(reason),
    shown(message)
)]
pub struct ApiFailure {
    pub op: &'static str,
    pub object: ObjectRef,
    pub file: Option<PathBuf>,
    pub context: String,
    pub server: String,
    pub code: u16,
    pub reason: String,
    pub message: String,
}

/// A request got no answer from the API server (after retries).
#[derive(Debug, thiserror::Error)]
#[error(
    "{op} of {object}{} on context `{context}` (`{server}`) failed",
    from_file(file)
)]
pub struct RequestFailure {
    pub op: &'static str,
    pub object: ObjectRef,
    pub file: Option<PathBuf>,
    pub context: String,
    pub server: String,
    #[source]
    pub source: kube::Error,
}

/// What the API server or a pod said, safe to print: control characters escaped, clipped.
fn shown(text: &str) -> String {
    crate::text::clip(text, 300)
}

fn from_file(file: &Option<PathBuf>) -> String {
    file.as_deref()
        .map(|f: &Path| format!(" from `{}`", f.display()))
        .unwrap_or_default()
}

impl From<ClusterError> for Error {
    /// Everything the cluster says is a runtime failure, including a `--context` the
    /// kubeconfig lacks: the kubeconfig, not qctl's input, decides which contexts exist.
    fn from(e: ClusterError) -> Error {
        let hint = match &e {
            ClusterError::NoManifestDir { .. } | ClusterError::NoManifests { .. } => {
                Some("run `qctl generate` first")
            }
            ClusterError::NotDeployed { .. } | ClusterError::BadGenesis { .. } => {
                Some("run `qctl deploy` first")
            }
            ClusterError::NoPod { .. } => Some("`qctl status` shows each node's pod"),
            _ => None,
        };
        let error = Error::new(ErrorKind::Runtime, e);
        match hint {
            Some(hint) => error.with_hint(hint),
            None => error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_server_messages_are_escaped_and_clipped() {
        let failure = ApiFailure {
            op: "apply",
            object: ObjectRef {
                kind: "ConfigMap".into(),
                name: "quorum-genesis".into(),
                namespace: None,
            },
            file: None,
            context: "kind".into(),
            server: "https://127.0.0.1:6443".into(),
            code: 422,
            reason: "Invalid\u{1b}[2J".into(),
            message: format!("bad\u{1b}]0;title\u{7}\n{}", "x".repeat(1000)),
        };
        let text = failure.to_string();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text}"
        );
        assert!(text.contains("Invalid\\u{1b}[2J"), "{text}");
        assert!(text.contains("bad\\u{1b}]0;title\\u{7}\\n"), "{text}");
        assert!(text.ends_with('…') && text.len() < 700, "{text}");
        let node = UnreadyNode {
            node: "n1".into(),
            pod: None,
            reason: "CrashLoopBackOff\r".into(),
            logs: vec!["\u{1b}[31mFatal\u{2028}".into()],
        };
        let text = node.to_string();
        assert!(!text.contains('\u{1b}') && !text.contains('\r'), "{text}");
        assert!(text.contains("\\u{2028}"), "{text}");
    }
}
