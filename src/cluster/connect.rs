//! The connection to the cluster: finding it the way kubectl does, proving it answers before
//! anything else runs, and sending every request ([`Connection::call`]: counted, transient
//! failures retried per [`RetryPolicy`]). This is the one place a client is built and a request
//! is sent; [`Cluster`] is its synchronous handle, which owns the runtime.
//!
//! The kubeconfig is the merge of every existing file in `KUBECONFIG` (a path list; files that
//! do not exist are skipped, as kubectl does), else `~/.kube/config`. With no kubeconfig at all
//! inside a pod, the pod's service account is used.

use std::ffi::OsString;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::{Client, Config};

use super::error::{ApiFailure, ClusterError, ObjectRef, RequestFailure};
use super::retry::{RetryPolicy, is_transient, retry_after};
use crate::error::chain as error_chain;

/// How long the reachability probe (and a TCP connect) may take.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long one request may go unanswered unless `--request-timeout` says otherwise.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Context name reported when the pod's service account is used.
pub const IN_CLUSTER_CONTEXT: &str = "in-cluster";

/// A verified client plus what errors need to say where it points.
#[derive(Clone)]
pub struct Connection {
    pub client: Client,
    pub context: String,
    /// API server URL, as the kubeconfig gives it.
    pub server: String,
    /// The namespace of the kubeconfig context (`default` when it names none), or the service
    /// account's namespace inside a cluster.
    pub namespace: String,
    /// How transient failures are retried; tests shorten the delays.
    pub retry: RetryPolicy,
    /// How long one attempt may wait for its answer.
    pub request_timeout: Duration,
    /// What the client was built from, for [`Connection::streaming_client`].
    config: Config,
    requests: Arc<AtomicU64>,
    /// Set once a request went unanswered: the rest of the command fails at once instead of
    /// waiting out the timeout for each of its requests.
    silent: Arc<AtomicBool>,
}

/// An attempt that got no answer within [`Connection::request_timeout`].
#[derive(Debug, thiserror::Error)]
#[error("no answer within {}s (--request-timeout)", .0.as_secs_f64())]
pub struct NoAnswer(pub Duration);

impl Connection {
    /// Requests sent through this connection (and its clones) so far, retries included.
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    pub(crate) fn count_request(&self) {
        self.requests.fetch_add(1, Ordering::Relaxed);
    }

    /// A client for streams that may rightly stay quiet for long (`logs -f`, an interactive
    /// console): no read timeout. Connecting is still bounded, and the caller bounds the wait
    /// for the stream to open.
    pub(crate) fn streaming_client(&self) -> Result<Client, ClusterError> {
        let mut config = self.config.clone();
        config.read_timeout = None;
        config.write_timeout = None;
        Client::try_from(config).map_err(|source| ClusterError::Client {
            context: self.context.clone(),
            server: self.server.clone(),
            source: Box::new(source),
        })
    }
}

impl Connection {
    /// Sends the request `send` builds, retrying transient failures per [`Connection::retry`].
    /// Each attempt waits at most [`Connection::request_timeout`]; one that gets no answer is
    /// not retried, and later calls fail at once (a server that accepts and stays silent would
    /// only multiply the wait), so a command is bounded by the retries of quick failures plus
    /// one timeout.
    pub(crate) async fn call<T, F, Fut>(&self, mut send: F) -> kube::Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = kube::Result<T>>,
    {
        if self.silent.load(Ordering::Relaxed) {
            return Err(kube::Error::Service(Box::new(NoAnswer(
                self.request_timeout,
            ))));
        }
        let mut attempt = 1;
        loop {
            self.count_request();
            let answer = tokio::time::timeout(self.request_timeout, send())
                .await
                .map_err(|_| kube::Error::Service(Box::new(NoAnswer(self.request_timeout))));
            match answer.and_then(|result| result) {
                Err(kube::Error::Service(e)) if e.is::<NoAnswer>() => {
                    self.silent.store(true, Ordering::Relaxed);
                    return Err(kube::Error::Service(e));
                }
                Err(e) if attempt < self.retry.tries && is_transient(&e) => {
                    tokio::time::sleep(self.retry.delay(attempt, retry_after(&e))).await;
                    attempt += 1;
                }
                result => return result,
            }
        }
    }

    /// The error for a failed `op` on `object`, keeping the API server's `Status` message.
    pub(crate) fn error(
        &self,
        op: &'static str,
        object: ObjectRef,
        file: Option<&Path>,
        error: kube::Error,
    ) -> ClusterError {
        let context = self.context.clone();
        let server = self.server.clone();
        let file = file.map(Path::to_path_buf);
        match error {
            kube::Error::Api(status) => ClusterError::Api(Box::new(ApiFailure {
                op,
                object,
                file,
                context,
                server,
                code: status.code,
                reason: status.reason,
                message: status.message,
            })),
            source => ClusterError::Request(Box::new(RequestFailure {
                op,
                object,
                file,
                context,
                server,
                source,
            })),
        }
    }
}

/// A k8s-openapi object type the typed helpers read.
pub(crate) trait Typed:
    kube::Resource<DynamicType = ()> + Clone + serde::de::DeserializeOwned + std::fmt::Debug
{
}

impl<K> Typed for K where
    K: kube::Resource<DynamicType = ()> + Clone + serde::de::DeserializeOwned + std::fmt::Debug
{
}

/// Typed reads: the `Api`, the request through [`Connection::call`] and the error naming the
/// object, in one place.
impl Connection {
    /// The namespaced object `name` of kind `K`, or `None` if it does not exist.
    pub(crate) async fn get_opt<K>(
        &self,
        namespace: &str,
        name: &str,
    ) -> Result<Option<K>, ClusterError>
    where
        K: Typed<Scope = k8s_openapi::NamespaceResourceScope>,
    {
        let api: kube::Api<K> = kube::Api::namespaced(self.client.clone(), namespace);
        self.call(|| api.get_opt(name)).await.map_err(|e| {
            let object = ObjectRef {
                kind: K::kind(&()).into_owned(),
                name: name.into(),
                namespace: Some(namespace.into()),
            };
            self.error("read", object, None, e)
        })
    }

    /// The objects of kind `K` in `namespace` whose labels match `selector` (empty: all).
    pub(crate) async fn list<K>(
        &self,
        namespace: &str,
        selector: &str,
    ) -> Result<Vec<K>, ClusterError>
    where
        K: Typed<Scope = k8s_openapi::NamespaceResourceScope>,
    {
        let api: kube::Api<K> = kube::Api::namespaced(self.client.clone(), namespace);
        self.list_with(api, Some(namespace), selector).await
    }

    /// The cluster-scoped objects of kind `K` whose labels match `selector` (empty: all).
    pub(crate) async fn list_cluster<K>(&self, selector: &str) -> Result<Vec<K>, ClusterError>
    where
        K: Typed<Scope = k8s_openapi::ClusterResourceScope>,
    {
        let api: kube::Api<K> = kube::Api::all(self.client.clone());
        self.list_with(api, None, selector).await
    }

    async fn list_with<K>(
        &self,
        api: kube::Api<K>,
        namespace: Option<&str>,
        selector: &str,
    ) -> Result<Vec<K>, ClusterError>
    where
        K: Typed,
    {
        let params = kube::api::ListParams::default().labels(selector);
        match self.call(|| api.list(&params)).await {
            Ok(list) => Ok(list.items),
            Err(e) => {
                let object = ObjectRef {
                    kind: K::kind(&()).into_owned(),
                    name: if selector.is_empty() {
                        "*".into()
                    } else {
                        selector.into()
                    },
                    namespace: namespace.map(str::to_string),
                };
                Err(self.error("list", object, None, e))
            }
        }
    }
}

/// A connected cluster for synchronous callers: the runtime the async cluster code runs on and
/// the verified [`Connection`]. A command builds one, and only when it talks to the cluster.
pub struct Cluster {
    /// Always `Some` until dropped.
    runtime: Option<tokio::runtime::Runtime>,
    conn: Connection,
}

impl Cluster {
    /// Connects with `context` (else the kubeconfig's current context) of `kubeconfig` (else
    /// `KUBECONFIG`, else `~/.kube/config`) on a new runtime; each request then waits at most
    /// `request_timeout`.
    pub fn connect(
        context: Option<&str>,
        kubeconfig: Option<&Path>,
        request_timeout: Duration,
    ) -> Result<Cluster, ClusterError> {
        // A current-thread runtime is enough: the work is I/O bound and bounded in concurrency.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime starts");
        let mut conn = runtime.block_on(connect(context, kubeconfig))?;
        conn.request_timeout = request_timeout;
        Ok(Cluster {
            runtime: Some(runtime),
            conn,
        })
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The kubeconfig context in use.
    pub fn context(&self) -> &str {
        &self.conn.context
    }

    /// Runs `work` on the connection to its end.
    pub fn run<'a, F: Future>(&'a self, work: impl FnOnce(&'a Connection) -> F) -> F::Output {
        let runtime = self
            .runtime
            .as_ref()
            .expect("the runtime lives as long as the Cluster");
        runtime.block_on(work(&self.conn))
    }
}

impl Drop for Cluster {
    /// Without waiting for blocking reads: after `geth attach`, the read of this terminal's
    /// stdin cannot be cancelled and would hold the command until the next key press.
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// Connects with `kubeconfig` (`--kubeconfig`, which beats `KUBECONFIG`), else the user's
/// kubeconfig (or the in-cluster config), and `context`, or the kubeconfig's current context
/// when `None`.
pub async fn connect(
    context: Option<&str>,
    kubeconfig: Option<&Path>,
) -> Result<Connection, ClusterError> {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    let files = match kubeconfig {
        Some(path) => Some(path.as_os_str().to_owned()),
        None => std::env::var_os("KUBECONFIG"),
    };
    let (paths, kubeconfig) = load_kubeconfig(files, home)?;
    match kubeconfig {
        Some(kubeconfig) => connect_with(kubeconfig, context).await,
        None if std::env::var_os("KUBERNETES_SERVICE_HOST").is_some() => {
            if let Some(context) = context {
                return Err(ClusterError::UnknownContext {
                    context: context.to_string(),
                    available: "none (no kubeconfig; running inside a cluster)".into(),
                });
            }
            let config = Config::incluster().map_err(ClusterError::InCluster)?;
            verify(config, IN_CLUSTER_CONTEXT.into()).await
        }
        None => Err(ClusterError::NoKubeconfig {
            looked_at: paths
                .iter()
                .map(|p| format!("`{}`", p.display()))
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// Connects with an already loaded kubeconfig (tests build one for the API double).
pub async fn connect_with(
    kubeconfig: Kubeconfig,
    context: Option<&str>,
) -> Result<Connection, ClusterError> {
    let available = || {
        let names: Vec<_> = kubeconfig
            .contexts
            .iter()
            .map(|c| format!("`{}`", c.name))
            .collect();
        if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        }
    };
    let context = match context
        .map(str::to_string)
        .or_else(|| kubeconfig.current_context.clone())
    {
        Some(context) if !context.is_empty() => context,
        _ => {
            return Err(ClusterError::NoCurrentContext {
                available: available(),
            });
        }
    };
    if !kubeconfig.contexts.iter().any(|c| c.name == context) {
        return Err(ClusterError::UnknownContext {
            available: available(),
            context,
        });
    }
    let options = KubeConfigOptions {
        context: Some(context.clone()),
        ..Default::default()
    };
    let config = Config::from_custom_kubeconfig(kubeconfig, &options)
        .await
        .map_err(|source| ClusterError::Kubeconfig {
            context: context.clone(),
            source,
        })?;
    verify(config, context).await
}

/// Merged kubeconfig from the value of `KUBECONFIG` (else `home/.kube/config`), and the paths
/// considered (for the error when there is none).
fn load_kubeconfig(
    kubeconfig_env: Option<OsString>,
    home: Option<OsString>,
) -> Result<(Vec<PathBuf>, Option<Kubeconfig>), ClusterError> {
    let paths: Vec<PathBuf> = match kubeconfig_env {
        Some(list) if !list.is_empty() => std::env::split_paths(&list)
            .filter(|p| !p.as_os_str().is_empty())
            .collect(),
        _ => home
            .map(|home| vec![PathBuf::from(home).join(".kube").join("config")])
            .unwrap_or_default(),
    };
    let mut merged: Option<Kubeconfig> = None;
    for path in paths.iter().filter(|p| p.is_file()) {
        let file_error = |source| ClusterError::KubeconfigFile {
            path: path.clone(),
            source,
        };
        let next = Kubeconfig::read_from(path).map_err(file_error)?;
        merged = Some(match merged {
            None => next,
            Some(first) => first.merge(next).map_err(file_error)?,
        });
    }
    Ok((paths, merged))
}

/// Builds the client and sends one cheap request, so an unreachable cluster fails in seconds
/// with the context and URL instead of deep inside a deploy.
async fn verify(mut config: Config, context: String) -> Result<Connection, ClusterError> {
    let server = config
        .cluster_url
        .to_string()
        .trim_end_matches('/')
        .to_string();
    config.connect_timeout = Some(PROBE_TIMEOUT);
    let namespace = config.default_namespace.clone();
    let client = Client::try_from(config.clone()).map_err(|source| ClusterError::Client {
        context: context.clone(),
        server: server.clone(),
        source: Box::new(source),
    })?;
    let conn = Connection {
        client,
        context,
        server,
        namespace,
        retry: RetryPolicy::default(),
        request_timeout: DEFAULT_REQUEST_TIMEOUT,
        config,
        requests: Arc::default(),
        silent: Arc::default(),
    };
    conn.count_request();
    let unreachable = |reason: String| ClusterError::Unreachable {
        context: conn.context.clone(),
        server: conn.server.clone(),
        reason,
    };
    match tokio::time::timeout(PROBE_TIMEOUT, conn.client.apiserver_version()).await {
        Ok(Ok(_)) => Ok(conn.clone()),
        Ok(Err(kube::Error::Api(status))) => Err(unreachable(format!(
            "it answered {} {}: {}",
            status.code, status.reason, status.message
        ))),
        Ok(Err(e)) => Err(unreachable(error_chain(&e))),
        Err(_) => Err(unreachable(format!(
            "no answer within {}s",
            PROBE_TIMEOUT.as_secs()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kubeconfig(dir: &std::path::Path, file: &str, context: &str, server: &str) -> PathBuf {
        let path = dir.join(file);
        let text = format!(
            "apiVersion: v1\nkind: Config\ncurrent-context: {context}\n\
             clusters:\n- name: {context}\n  cluster: {{server: '{server}'}}\n\
             contexts:\n- name: {context}\n  context: {{cluster: {context}, user: u}}\n\
             users:\n- name: u\n  user: {{}}\n"
        );
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn kubeconfig_files_merge_like_kubectl_skipping_missing_ones_and_the_first_current_context_wins()
     {
        let dir = tempfile::tempdir().unwrap();
        let a = kubeconfig(dir.path(), "a", "alpha", "https://a.example:6443");
        let b = kubeconfig(dir.path(), "b", "beta", "https://b.example:6443");
        let list = std::env::join_paths([dir.path().join("missing"), a, b]).unwrap();
        let (paths, merged) = load_kubeconfig(Some(list), None).unwrap();
        assert_eq!(paths.len(), 3);
        let merged = merged.unwrap();
        assert_eq!(merged.current_context.as_deref(), Some("alpha"));
        let contexts: Vec<_> = merged.contexts.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(contexts, ["alpha", "beta"]);
    }

    #[test]
    fn without_kubeconfig_the_home_config_is_tried_and_its_absence_is_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let (paths, merged) = load_kubeconfig(None, Some(dir.path().into())).unwrap();
        assert_eq!(paths, [dir.path().join(".kube").join("config")]);
        assert!(merged.is_none());
    }

    #[test]
    fn a_kubeconfig_that_does_not_parse_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad");
        std::fs::write(&bad, "clusters: [unclosed").unwrap();
        let error = load_kubeconfig(Some(bad.clone().into()), None).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with(&format!("cannot read kubeconfig `{}`", bad.display())),
            "{error}"
        );
    }
}
