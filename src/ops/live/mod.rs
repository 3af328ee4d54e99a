//! Working with a running network through the API server: a node's logs, its geth console,
//! JSON-RPC calls ([`votes`]: the validator or clique signer votes that let another
//! organisation's nodes seal; [`chain`]: whether the chain works). Every call goes through
//! [`crate::cluster::container`]; nothing here dials a pod.

mod chain;
pub mod contract;
pub mod raft;
mod votes;

pub use chain::{ChainFacts, chain_facts, wait_chain};
pub use votes::{
    ProposeOptions, ProposeOutcome, Target, ValidatorSet, check_votes, propose, resolve_targets,
    validator_set,
};

use std::time::Duration;

use serde_json::Value;

use super::OpsError;
use crate::cluster::container::{self, ExecOutput, LogRequest};
use crate::cluster::{Cluster, Connection};
use crate::config::{Config, NodeEntry};
use crate::error::{Error, Result};
use crate::k8s::names;
use crate::network::ports;
use crate::quorum::rpc;

/// The node of the config named `name`, or an error listing the nodes there are.
pub fn local_node<'a>(config: &'a Config, name: &str) -> Result<&'a NodeEntry, OpsError> {
    config.nodes.iter().find(|n| n.name == name).ok_or_else(|| {
        let external = config.external_nodes.iter().any(|e| e.name == name);
        let known: Vec<&str> = config.nodes.iter().map(|n| n.name.as_str()).collect();
        OpsError::Invalid(format!(
            "{} `{}`; the nodes of this network are: {}",
            if external {
                "qctl reaches only this cluster's nodes, not the external node"
            } else {
                "no node named"
            },
            crate::text::sanitize(name),
            if known.is_empty() {
                "none".into()
            } else {
                known.join(", ")
            }
        ))
    })
}

/// Checks that `node` has `container` before anything connects: Tessera only where the
/// config gives the node one.
pub fn check_container(node: &NodeEntry, container: &str) -> Result<(), OpsError> {
    if container == names::CONTAINER_TESSERA && !node.has_tessera() {
        return Err(OpsError::Invalid(format!(
            "node `{}` runs without Tessera (`tm: none` in the config); its containers are `{}` and `{}`",
            node.name,
            names::CONTAINER_INIT,
            names::CONTAINER_QUORUM
        )));
    }
    Ok(())
}

/// Copies the logs of `node`'s newest pod to stdout.
pub fn logs(cluster: &Cluster, namespace: &str, node: &str, request: &LogRequest) -> Result<()> {
    cluster.run(|conn| async move {
        let pod = container::node_pod(conn, namespace, node).await?;
        let pod = pod.metadata.name.unwrap_or_default();
        container::copy_logs(conn, namespace, &pod, request, &mut tokio::io::stdout()).await?;
        Ok(())
    })
}

/// What `geth attach --exec` printed for `js` on `node`; a JavaScript exception is an error.
pub fn geth_exec(
    cluster: &Cluster,
    namespace: &str,
    node: &str,
    js: &str,
    timeout: Duration,
) -> Result<String> {
    let nonce = nonce();
    let command = vec![
        "geth".to_string(),
        "attach".into(),
        "--exec".into(),
        rpc::console_program(js, &nonce),
        crate::quorum::GETH_IPC_PATH.into(),
    ];
    let output = cluster.run(|conn| async move {
        let pod = container::running_pod(conn, namespace, node, names::CONTAINER_QUORUM).await?;
        container::exec(
            conn,
            namespace,
            &pod,
            names::CONTAINER_QUORUM,
            command,
            timeout,
        )
        .await
        .map_err(Error::from)
    })?;
    let ExecOutput {
        stdout,
        stderr,
        failure,
    } = output;
    if let Some(failure) = failure {
        return Err(Error::runtime(format!(
            "`geth attach` on node `{node}` failed ({failure}): {}",
            crate::text::clip(stderr.trim(), 500)
        )));
    }
    rpc::console_outcome(&stdout, &nonce).map_err(|exception| {
        Error::runtime(format!(
            "the script raised on node `{node}`: {}",
            crate::text::clip(&exception, 500)
        ))
    })
}

/// `geth attach` on `node` with this terminal (or these pipes); `size` is the terminal's
/// (columns, rows) when stdin is one.
pub fn geth_attach(
    cluster: &Cluster,
    namespace: &str,
    node: &str,
    size: Option<(u16, u16)>,
) -> Result<()> {
    let command = vec![
        "geth".to_string(),
        "attach".into(),
        crate::quorum::GETH_IPC_PATH.into(),
    ];
    match session(
        cluster,
        namespace,
        node,
        names::CONTAINER_QUORUM,
        command,
        size,
    )? {
        None => Ok(()),
        Some(failure) => Err(Error::runtime(format!(
            "`geth attach` on node `{node}` ended with {failure}"
        ))),
    }
}

/// The shell `qctl connect` opens: the GoQuorum image (alpine) and Tessera's (alpine or
/// Ubuntu, by release) both have it; `ash`, the original qctl's, is alpine's only.
pub const SHELL: &str = "/bin/sh";

/// [`SHELL`], or `command` when there is one, in `container` of `node` with this terminal (or
/// these pipes); `size` is the terminal's (columns, rows) when stdin is one.
pub fn connect(
    cluster: &Cluster,
    namespace: &str,
    node: &str,
    container: &str,
    command: &[String],
    size: Option<(u16, u16)>,
) -> Result<()> {
    let command = if command.is_empty() {
        vec![SHELL.to_string()]
    } else {
        command.to_vec()
    };
    let shown = crate::text::clip(&crate::text::sanitize(&shell_words(&command)), 100);
    match session(cluster, namespace, node, container, command, size)? {
        None => Ok(()),
        Some(failure) => Err(Error::runtime(format!(
            "`{shown}` in container `{container}` of node `{node}` ended with {failure}"
        ))),
    }
}

/// `words` as a shell would take them: a word with anything but letters, digits and `-_./=:,@%+`
/// in single quotes.
fn shell_words(words: &[String]) -> String {
    let plain = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c))
    };
    words
        .iter()
        .map(|w| {
            if plain(w) {
                w.clone()
            } else {
                format!("'{}'", w.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `command` in `container` of `node`'s newest pod with this process's streams; the reason it
/// failed, `None` when it exited 0.
fn session(
    cluster: &Cluster,
    namespace: &str,
    node: &str,
    container: &str,
    command: Vec<String>,
    size: Option<(u16, u16)>,
) -> Result<Option<String>> {
    cluster.run(|conn| async move {
        let pod = container::running_pod(conn, namespace, node, container).await?;
        container::exec_interactive(conn, namespace, &pod, container, command, size)
            .await
            .map_err(Error::from)
    })
}

/// The result of `method(params)` on `node`'s geth.
pub fn rpc(
    cluster: &Cluster,
    namespace: &str,
    node: &str,
    method: &str,
    params: &Value,
) -> Result<Value> {
    cluster.run(|conn| async move {
        Geth::at(conn, namespace)
            .await?
            .call(node, method, params)
            .await
    })
}

/// The geth of every node of the network, reached over a port-forward to its HTTP port. The
/// network's pods are listed once when it is made, so a round of calls costs one list.
pub(super) struct Geth<'a> {
    conn: &'a Connection,
    namespace: &'a str,
    pods: Vec<k8s_openapi::api::core::v1::Pod>,
}

impl<'a> Geth<'a> {
    pub async fn at(conn: &'a Connection, namespace: &'a str) -> Result<Geth<'a>> {
        let pods = crate::cluster::pods::list_network_pods(conn, namespace).await?;
        Ok(Geth {
            conn,
            namespace,
            pods,
        })
    }

    /// Whether `node`'s geth container runs.
    pub fn runs(&self, node: &str) -> bool {
        self.pod(node).is_ok()
    }

    fn pod(&self, node: &str) -> Result<String, crate::cluster::ClusterError> {
        container::running_pod_in(&self.pods, self.namespace, node, names::CONTAINER_QUORUM)
    }

    /// POSTs `body` to `path` on `port` of `node`'s pod, where `container` must run; returns
    /// the HTTP status and body.
    pub async fn post(
        &self,
        node: &str,
        container: &str,
        (port, path): (u16, &str),
        body: Vec<u8>,
    ) -> Result<(u16, Vec<u8>)> {
        let pod = container::running_pod_in(&self.pods, self.namespace, node, container)?;
        Ok(container::http_post(self.conn, self.namespace, &pod, port, path, body).await?)
    }

    /// One JSON-RPC call to the geth of `node`.
    pub async fn call(&self, node: &str, method: &str, params: &Value) -> Result<Value> {
        let (status, body) = self
            .post(
                node,
                names::CONTAINER_QUORUM,
                (ports::RPC, rpc::HTTP_PATH),
                rpc::request(method, params),
            )
            .await?;
        // geth answers JSON-RPC errors with a body too; only a body that is not JSON-RPC is
        // explained by the HTTP status.
        rpc::result(&body).map_err(|e| {
            let why = match (&e, status) {
                (rpc::RpcError::Malformed(_), 200) | (rpc::RpcError::Remote { .. }, _) => {
                    e.to_string()
                }
                _ => format!(
                    "HTTP {status}: {}",
                    crate::text::clip(&String::from_utf8_lossy(&body), 200)
                ),
            };
            Error::runtime(format!("node `{node}` answered `{method}` with {why}"))
        })
    }

    /// A JSON-RPC quantity `method` answers on `node`, as a number.
    pub async fn number(&self, node: &str, method: &str) -> Result<u64> {
        self.number_with(node, method, serde_json::json!([])).await
    }

    /// A JSON-RPC quantity `method(params)` answers on `node`, as a number.
    pub async fn number_with(&self, node: &str, method: &str, params: Value) -> Result<u64> {
        let answer = self.call(node, method, &params).await?;
        rpc::quantity(&answer)
            .map_err(|e| Error::runtime(format!("node `{node}` answered `{method}` with {e}")))
    }
}

/// 16 random hex digits: tags a console run's exception so no printed value can pass for one.
fn nonce() -> String {
    let mut bytes = [0u8; 8];
    getrandom::getrandom(&mut bytes).expect("the OS gives random bytes");
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_is_shown_as_a_shell_would_take_it() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            shell_words(&words(&["ls", "-l", "/data/dd"])),
            "ls -l /data/dd"
        );
        assert_eq!(
            shell_words(&words(&["sh", "-c", "exit 3"])),
            "sh -c 'exit 3'"
        );
        assert_eq!(
            shell_words(&words(&["echo", "it's", ""])),
            r"echo 'it'\''s' ''"
        );
    }
}
