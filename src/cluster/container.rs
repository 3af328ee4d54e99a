//! A node's running containers, through the API server as kubectl reaches them: the node's pod,
//! its logs (`pods/log`), a command run in a container (`pods/exec`), and an HTTP request to a
//! container port (`pods/portforward`). Nothing is reached over the pod network, so this works
//! from outside the cluster and past the NetworkPolicy, for whoever the RBAC allows.

use std::time::Duration;

use bytes::Bytes;
use futures::{AsyncBufReadExt, StreamExt};
use http_body_util::{BodyExt, Full, Limited};
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, AttachParams, LogParams, TerminalSize};
use tokio::io::{AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::connect::{Connection, NoAnswer};
use super::error::{ClusterError, ObjectRef};
use super::pods::{list_network_pods, newest_pod};

/// The largest HTTP answer read from a container (a JSON-RPC result).
const MAX_ANSWER_BYTES: usize = 64 << 20;

/// What `qctl logs` asks for.
#[derive(Debug, Clone, Default)]
pub struct LogRequest {
    pub container: String,
    pub follow: bool,
    pub tail: Option<i64>,
    pub previous: bool,
    pub timestamps: bool,
    pub since_seconds: Option<i64>,
}

/// What a command run in a container gave back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecOutput {
    pub stdout: String,
    pub stderr: String,
    /// `None` when the command exited 0; otherwise the exit code, or the reason the API
    /// server gave.
    pub failure: Option<String>,
}

/// The newest pod of `node` (running or not, for logs), or an error saying there is none.
pub async fn node_pod(conn: &Connection, namespace: &str, node: &str) -> Result<Pod, ClusterError> {
    let pods = list_network_pods(conn, namespace).await?;
    pod_of(&pods, namespace, node).cloned()
}

/// The newest pod of `node` if `container` runs in it.
pub async fn running_pod(
    conn: &Connection,
    namespace: &str,
    node: &str,
    container: &str,
) -> Result<String, ClusterError> {
    let pods = list_network_pods(conn, namespace).await?;
    running_pod_in(&pods, namespace, node, container)
}

/// [`running_pod`] among `pods` (the network's, listed once for many calls).
pub fn running_pod_in(
    pods: &[Pod],
    namespace: &str,
    node: &str,
    container: &str,
) -> Result<String, ClusterError> {
    let pod = pod_of(pods, namespace, node)?;
    let name = pod.metadata.name.clone().unwrap_or_default();
    if runs(pod, container) {
        return Ok(name);
    }
    let phase = pod.status.as_ref().and_then(|s| s.phase.as_deref());
    Err(ClusterError::NoPod {
        node: node.into(),
        namespace: namespace.into(),
        reason: format!(
            "container `{container}` of pod `{name}` is not running (pod {})",
            phase.unwrap_or("Unknown")
        ),
    })
}

fn pod_of<'a>(pods: &'a [Pod], namespace: &str, node: &str) -> Result<&'a Pod, ClusterError> {
    newest_pod(pods, node).ok_or_else(|| ClusterError::NoPod {
        node: node.into(),
        namespace: namespace.into(),
        reason: "it has no pod (not deployed, or stopped)".into(),
    })
}

/// Whether `container` of `pod` is running.
pub fn runs(pod: &Pod, container: &str) -> bool {
    pod.status
        .iter()
        .flat_map(|s| s.container_statuses.iter().flatten())
        .find(|c| c.name == container)
        .is_some_and(|c| c.state.as_ref().is_some_and(|s| s.running.is_some()))
}

/// Copies the logs of `pod` to `out` as they come. Without `follow`, opening the stream and
/// every read wait at most the request timeout; with it, the stream may stay quiet for as long
/// as the container does (connecting is still bounded).
pub async fn copy_logs(
    conn: &Connection,
    namespace: &str,
    pod: &str,
    request: &LogRequest,
    out: &mut (impl AsyncWrite + Unpin),
) -> Result<(), ClusterError> {
    let client = conn.streaming_client()?;
    let api: Api<Pod> = Api::namespaced(client, namespace);
    let params = LogParams {
        container: Some(request.container.clone()),
        follow: request.follow,
        tail_lines: request.tail,
        previous: request.previous,
        timestamps: request.timestamps,
        since_seconds: request.since_seconds,
        ..LogParams::default()
    };
    let object = pod_ref(pod, namespace);
    conn.count_request();
    // A followed container that is quiet sends nothing, not even the answer's headers, until it
    // logs a line: only the user ends that wait.
    let opened = if request.follow {
        api.log_stream(pod, &params).await
    } else {
        bounded(conn.request_timeout, api.log_stream(pod, &params)).await
    };
    let stream = opened.map_err(|e| conn.error("read the logs", object.clone(), None, e))?;
    let mut lines = stream.lines();
    loop {
        let next = if request.follow {
            lines.next().await
        } else {
            tokio::time::timeout(conn.request_timeout, lines.next())
                .await
                .map_err(|_| {
                    conn.error(
                        "read the logs",
                        object.clone(),
                        None,
                        no_answer(conn.request_timeout),
                    )
                })?
        };
        let Some(line) = next else { return Ok(()) };
        let line = line.map_err(|e| {
            conn.error(
                "read the logs",
                object.clone(),
                None,
                kube::Error::ReadEvents(e),
            )
        })?;
        let written = async {
            out.write_all(line.as_bytes()).await?;
            out.write_all(b"\n").await?;
            out.flush().await
        };
        match written.await {
            Ok(()) => {}
            // The reader went away (`qctl logs NODE | head`): the logs it wanted are out.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => {
                return Err(ClusterError::Io {
                    path: "<stdout>".into(),
                    source: e,
                });
            }
        }
    }
}

/// Runs `command` in `container` of `pod` without a terminal and collects its output; the
/// whole run is bounded by `timeout`.
pub async fn exec(
    conn: &Connection,
    namespace: &str,
    pod: &str,
    container: &str,
    command: Vec<String>,
    timeout: Duration,
) -> Result<ExecOutput, ClusterError> {
    let api: Api<Pod> = Api::namespaced(conn.client.clone(), namespace);
    let params = AttachParams::default()
        .container(container)
        .stdin(false)
        .stdout(true)
        .stderr(true);
    let object = pod_ref(pod, namespace);
    conn.count_request();
    let run = async {
        let mut process = api.exec(pod, command, &params).await?;
        let mut stdout = process.stdout().expect("stdout was requested");
        let mut stderr = process.stderr().expect("stderr was requested");
        let status = process.take_status().expect("the status is taken once");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let (read_out, read_err) =
            tokio::join!(stdout.read_to_end(&mut out), stderr.read_to_end(&mut err));
        read_out.and(read_err).map_err(kube::Error::ReadEvents)?;
        let status = status.await;
        process.join().await.map_err(service_error)?;
        Ok(ExecOutput {
            stdout: String::from_utf8_lossy(&out).into_owned(),
            stderr: String::from_utf8_lossy(&err).into_owned(),
            failure: status.and_then(exec_failure),
        })
    };
    bounded(timeout, run)
        .await
        .map_err(|e| conn.error("exec in", object, None, e))
}

/// Runs `command` in `container` of `pod` with this process's standard streams: a terminal
/// (raw, with its size) when stdin is one, plain pipes otherwise. Only opening the session is
/// bounded in time; the session lasts as long as the user keeps it.
pub async fn exec_interactive(
    conn: &Connection,
    namespace: &str,
    pod: &str,
    container: &str,
    command: Vec<String>,
    size: Option<(u16, u16)>,
) -> Result<Option<String>, ClusterError> {
    let client = conn.streaming_client()?;
    let api: Api<Pod> = Api::namespaced(client, namespace);
    let tty = size.is_some();
    let params = AttachParams::default()
        .container(container)
        .stdin(true)
        .stdout(true)
        .stderr(!tty)
        .tty(tty);
    let object = pod_ref(pod, namespace);
    conn.count_request();
    let mut process = bounded(conn.request_timeout, api.exec(pod, command, &params))
        .await
        .map_err(|e| conn.error("exec in", object.clone(), None, e))?;
    if let (Some((width, height)), Some(mut sizes)) = (size, process.terminal_size()) {
        use futures::SinkExt;
        let _ = sizes.send(TerminalSize { width, height }).await;
    }
    let mut stdin = process.stdin().expect("stdin was requested");
    let mut stdout = process.stdout().expect("stdout was requested");
    let stderr = process.stderr();
    let status = process.take_status().expect("the status is taken once");
    // stdin is copied until the session ends; a blocked read of the local stdin must not keep
    // the command alive after the remote side is done, so it is not awaited.
    let input = tokio::spawn(async move {
        let _ = tokio::io::copy(&mut tokio::io::stdin(), &mut stdin).await;
        let _ = stdin.shutdown().await;
    });
    let output = async {
        let mut local = tokio::io::stdout();
        let _ = tokio::io::copy(&mut stdout, &mut local).await;
        let _ = local.flush().await;
    };
    let errors = async {
        if let Some(mut stderr) = stderr {
            let _ = tokio::io::copy(&mut stderr, &mut tokio::io::stderr()).await;
        }
    };
    tokio::join!(output, errors);
    input.abort();
    let failure = status.await.and_then(exec_failure);
    process
        .join()
        .await
        .map_err(|e| conn.error("exec in", object, None, service_error(e)))?;
    Ok(failure)
}

/// POSTs `body` to `path` on `port` of `pod` through a port-forward and returns the answer's
/// status and body; the whole exchange is bounded by the request timeout.
pub async fn http_post(
    conn: &Connection,
    namespace: &str,
    pod: &str,
    port: u16,
    path: &str,
    body: Vec<u8>,
) -> Result<(u16, Vec<u8>), ClusterError> {
    let api: Api<Pod> = Api::namespaced(conn.client.clone(), namespace);
    let object = pod_ref(pod, namespace);
    conn.count_request();
    let exchange = async {
        let mut forwarder = api.portforward(pod, &[port]).await?;
        let stream = forwarder
            .take_stream(port)
            .expect("the forwarded port has a stream");
        let io = hyper_util::rt::TokioIo::new(stream);
        let (mut sender, connection) = hyper::client::conn::http1::handshake(io)
            .await
            .map_err(http_error)?;
        let driver = tokio::spawn(connection);
        let request = hyper::Request::post(path)
            // geth checks the Host against `--http.vhosts`; as seen from the pod, this is it.
            .header(hyper::header::HOST, "localhost")
            .header(hyper::header::CONTENT_TYPE, "application/json")
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| kube::Error::Service(Box::new(e)))?;
        let answer = sender.send_request(request).await.map_err(http_error)?;
        let status = answer.status().as_u16();
        let bytes = Limited::new(answer.into_body(), MAX_ANSWER_BYTES)
            .collect()
            .await
            .map_err(kube::Error::Service)?
            .to_bytes();
        drop(sender);
        driver.abort();
        forwarder.abort();
        if let Some(error) = forwarder.take_error(port)
            && let Some(message) = error.await
        {
            return Err(kube::Error::Service(message.into()));
        }
        Ok((status, bytes.to_vec()))
    };
    bounded(conn.request_timeout, exchange)
        .await
        .map_err(|e| conn.error(port_forward_op(port), object, None, e))
}

fn port_forward_op(port: u16) -> &'static str {
    match port {
        crate::network::ports::RPC => "JSON-RPC over a port-forward to port 8545",
        crate::network::ports::TESSERA_THIRD_PARTY => {
            "Tessera's third-party API over a port-forward to port 9080"
        }
        _ => "port-forward",
    }
}

/// The exit code or reason of a command's final Status, `None` for success.
fn exec_failure(status: k8s_openapi::apimachinery::pkg::apis::meta::v1::Status) -> Option<String> {
    if status.status.as_deref() == Some("Success") {
        return None;
    }
    let code = status
        .details
        .as_ref()
        .and_then(|d| d.causes.as_ref())
        .and_then(|causes| {
            causes
                .iter()
                .find(|c| c.reason.as_deref() == Some("ExitCode"))
        })
        .and_then(|c| c.message.clone());
    Some(match code {
        Some(code) => format!("exit code {code}"),
        None => status
            .message
            .unwrap_or_else(|| "the command failed".into()),
    })
}

/// `work`, or [`NoAnswer`] when it takes longer than `limit`.
async fn bounded<T>(
    limit: Duration,
    work: impl Future<Output = kube::Result<T>>,
) -> kube::Result<T> {
    tokio::time::timeout(limit, work)
        .await
        .unwrap_or_else(|_| Err(no_answer(limit)))
}

fn no_answer(limit: Duration) -> kube::Error {
    kube::Error::Service(Box::new(NoAnswer(limit)))
}

fn http_error(e: hyper::Error) -> kube::Error {
    service_error(e)
}

fn service_error(e: impl std::error::Error + Send + Sync + 'static) -> kube::Error {
    kube::Error::Service(Box::new(e))
}

fn pod_ref(pod: &str, namespace: &str) -> ObjectRef {
    ObjectRef {
        kind: "Pod".into(),
        name: pod.into(),
        namespace: Some(namespace.into()),
    }
}
