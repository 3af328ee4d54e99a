//! An in-process Kubernetes API server for tests: real HTTP on `127.0.0.1:<random port>`, so
//! the real `kube::Client` (and the real `qctl` binary, through a kubeconfig) talks to it.
//!
//! It speaks enough of the protocol for what qctl does: `/version`; GET, LIST (equality label
//! selectors), DELETE, server-side apply and JSON merge PATCH on core and group resources; pod
//! logs; real `Status` errors. Server-side apply is simplified to a deep merge of the applied object over
//! the live one (maps merge, lists are replaced), but keeps what clients observe: a no-op
//! apply writes nothing, so `resourceVersion` and `generation` only move on a real change.
//!
//! It also plays the controllers qctl relies on: Services get a cluster IP and NodePorts
//! (unique server-wide, stable across re-applies); a Deployment or StatefulSet gets a pod,
//! replaced whenever its pod template changes (counted as a rollout); deleting a Namespace or
//! a workload deletes what it owns. Tests set pod states, logs, cluster nodes and load
//! balancer addresses, inject failures, and read the request log.

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, mpsc};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Query, State as AxumState};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use k8s_openapi::api::core::v1::{Node, Pod};
use qctl::k8s::kinds::{MANAGED_KINDS, Tier, managed};
use qctl::k8s::names;

/// A resource the double serves.
struct ResourceType {
    group_version: &'static str,
    plural: &'static str,
    kind: &'static str,
    namespaced: bool,
}

/// What the double serves: every kind qctl manages (qctl's own table), and the kinds qctl only
/// reads, which the double plays the controllers of.
fn resources() -> &'static [ResourceType] {
    static RESOURCES: OnceLock<Vec<ResourceType>> = OnceLock::new();
    RESOURCES.get_or_init(|| {
        let read_only = [managed::<Node>(Tier::Other), managed::<Pod>(Tier::Workload)];
        MANAGED_KINDS
            .iter()
            .chain(&read_only)
            .map(|k| ResourceType {
                group_version: k.api_version,
                plural: k.plural,
                kind: k.kind,
                namespaced: k.namespaced,
            })
            .collect()
    })
}

fn resource_by_plural(plural: &str) -> &'static ResourceType {
    resources()
        .iter()
        .find(|r| r.plural == plural)
        .unwrap_or_else(|| panic!("the double does not serve `{plural}`"))
}

const NODE_PORT_RANGE: std::ops::RangeInclusive<u16> = 30000..=32767;

/// One request as the server saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    /// Raw (percent-encoded) query string.
    pub query: String,
}

impl RecordedRequest {
    pub fn is_mutating(&self) -> bool {
        !matches!(self.method.as_str(), "GET" | "HEAD")
    }
}

struct Fault {
    remaining: u32,
    code: u16,
    /// Only requests whose path contains this.
    path_contains: Option<String>,
}

/// Store key: (`group_version/plural`, namespace or "", name).
type Key = (String, String, String);

#[derive(Default)]
struct Store {
    objects: BTreeMap<Key, Value>,
    resource_version: u64,
    uids: u64,
    cluster_ips: u32,
    /// (namespace, workload kind, name) → its current pod.
    workload_pods: BTreeMap<(String, String, String), String>,
    rollouts: BTreeMap<String, u32>,
    logs: BTreeMap<String, Vec<String>>,
    faults: Vec<Fault>,
    requests: Vec<RecordedRequest>,
    auto_ready: bool,
}

/// The running double. Dropping it stops the server.
pub struct ApiServer {
    addr: SocketAddr,
    store: Arc<Mutex<Store>>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    stopped: Mutex<mpsc::Receiver<()>>,
}

impl ApiServer {
    /// Starts the server on its own thread and runtime, so sync tests, async tests and
    /// subprocesses can all use it. Namespace `default` exists, as in a real cluster.
    pub fn start() -> ApiServer {
        let store = Arc::new(Mutex::new(Store::default()));
        let (addr_tx, addr_rx) = mpsc::channel();
        let (shutdown_tx, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let (stopped_tx, stopped) = mpsc::channel();
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(store.clone());
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind 127.0.0.1");
                addr_tx
                    .send(listener.local_addr().expect("local addr"))
                    .expect("report address");
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        shutdown_rx.await.ok();
                    })
                    .await
                    .expect("serve");
            });
            stopped_tx.send(()).ok();
        });
        let addr = addr_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the API double did not start");
        let server = ApiServer {
            addr,
            store,
            shutdown: Some(shutdown_tx),
            stopped: Mutex::new(stopped),
        };
        server.insert(
            json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "default"}}),
        );
        server
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Writes `dir/kubeconfig` pointing at the double, context `double`, namespace `default`.
    pub fn kubeconfig(&self, dir: &Path) -> PathBuf {
        let path = dir.join("kubeconfig");
        let text = format!(
            "apiVersion: v1\nkind: Config\ncurrent-context: double\n\
             clusters:\n- name: double\n  cluster:\n    server: {}\n\
             contexts:\n- name: double\n  context:\n    cluster: double\n    user: double\n    namespace: default\n\
             users:\n- name: double\n  user: {{}}\n",
            self.url()
        );
        std::fs::write(&path, text).expect("write kubeconfig");
        path
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stores an object as if someone else had created it (no side effects).
    pub fn insert(&self, object: Value) {
        let mut store = self.store();
        let kind = object["kind"].as_str().expect("kind");
        let resource = resources()
            .iter()
            .find(|r| r.kind == kind)
            .expect("a kind the double serves");
        let ns = if resource.namespaced {
            object["metadata"]["namespace"]
                .as_str()
                .unwrap_or("default")
        } else {
            ""
        };
        let key = key(
            resource,
            ns,
            object["metadata"]["name"].as_str().expect("name"),
        );
        let mut object = object.clone();
        object["apiVersion"] = resource.group_version.into();
        if resource.namespaced {
            object["metadata"]["namespace"] = ns.into();
        }
        store.stamp_new(&mut object);
        store.objects.insert(key, object);
    }

    /// A stored object by plural (`configmaps`), namespace (`""` if cluster-scoped) and name.
    pub fn object(&self, plural: &str, namespace: &str, name: &str) -> Option<Value> {
        self.store()
            .objects
            .get(&key(resource_by_plural(plural), namespace, name))
            .cloned()
    }

    /// Every stored object of a plural, in namespace and name order.
    pub fn objects(&self, plural: &str) -> Vec<Value> {
        let prefix = resource_key(resource_by_plural(plural));
        self.store()
            .objects
            .iter()
            .filter(|((r, _, _), _)| *r == prefix)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// Names of the pods of `node` (label `app.kubernetes.io/instance`).
    pub fn pods_of(&self, node: &str) -> Vec<String> {
        self.store()
            .pod_keys(node)
            .into_iter()
            .map(|(_, _, name)| name)
            .collect()
    }

    /// How many pods the workload `name` has been given (creation, every template change, and
    /// every scale from 0 back up).
    pub fn rollouts(&self, name: &str) -> u32 {
        self.store().rollouts.get(name).copied().unwrap_or(0)
    }

    /// New pods start Running and ready (for tests that run `qctl deploy --wait`).
    pub fn set_auto_ready(&self, on: bool) {
        self.store().auto_ready = on;
    }

    /// Marks every pod of `node` Running with all containers ready (or running, not ready).
    pub fn set_pod_ready(&self, node: &str, ready: bool) {
        self.store()
            .update_pods(node, |pod| set_running(pod, ready));
    }

    /// First container waiting with `reason` (`CrashLoopBackOff`, `ImagePullBackOff`, …), the
    /// others running. Image pull problems keep the pod Pending; crash loops count restarts.
    pub fn set_pod_waiting(&self, node: &str, reason: &str, message: &str) {
        self.store().update_pods(node, |pod| {
            set_running(pod, true);
            let pending = matches!(
                reason,
                "ErrImagePull" | "ImagePullBackOff" | "ContainerCreating"
            );
            pod["status"]["phase"] = if pending { "Pending" } else { "Running" }.into();
            set_condition(pod, "Ready", false, None, None);
            set_condition(pod, "ContainersReady", false, None, None);
            let first = &mut pod["status"]["containerStatuses"][0];
            first["ready"] = false.into();
            first["started"] = false.into();
            first["state"] = json!({"waiting": {"reason": reason, "message": message}});
            if reason == "CrashLoopBackOff" {
                first["restartCount"] = (first["restartCount"].as_i64().unwrap_or(0) + 5).into();
                first["lastState"] = json!({"terminated": {"exitCode": 1, "reason": "Error"}});
            }
        });
    }

    /// Every pod of `node` unschedulable: Pending with a False `PodScheduled` condition.
    pub fn set_pod_pending(&self, node: &str, reason: &str, message: &str) {
        self.store().update_pods(node, |pod| {
            pod["status"] = json!({"phase": "Pending"});
            set_condition(pod, "PodScheduled", false, Some(reason), Some(message));
        });
    }

    /// Log lines every container of `node`'s pods returns.
    pub fn set_logs(&self, node: &str, lines: &[&str]) {
        self.store().logs.insert(
            node.to_string(),
            lines.iter().map(|l| l.to_string()).collect(),
        );
    }

    /// A Kubernetes node with its addresses and Ready condition.
    pub fn add_node(&self, name: &str, internal_ip: &str, external_ip: Option<&str>, ready: bool) {
        let mut addresses = vec![json!({"type": "InternalIP", "address": internal_ip})];
        if let Some(ip) = external_ip {
            addresses.push(json!({"type": "ExternalIP", "address": ip}));
        }
        addresses.push(json!({"type": "Hostname", "address": name}));
        let status = if ready { "True" } else { "False" };
        self.insert(json!({
            "apiVersion": "v1", "kind": "Node", "metadata": {"name": name},
            "status": {"addresses": addresses, "conditions": [{"type": "Ready", "status": status}]}
        }));
    }

    /// What a cloud controller does once a LoadBalancer Service gets its address.
    pub fn set_load_balancer_ingress(&self, namespace: &str, service: &str, ip: &str) {
        let mut store = self.store();
        let key = key(resource_by_plural("services"), namespace, service);
        let mut object = store
            .objects
            .get(&key)
            .cloned()
            .expect("the Service exists");
        object["status"] = json!({"loadBalancer": {"ingress": [{"ip": ip}]}});
        store.bump(&mut object);
        store.objects.insert(key, object);
    }

    /// Answers the next `n` mutating requests with `code` (500, 429 with `Retry-After`, …).
    pub fn fail_next(&self, n: u32, code: u16) {
        self.store().faults.push(Fault {
            remaining: n,
            code,
            path_contains: None,
        });
    }

    /// Like [`ApiServer::fail_next`], for mutating requests whose path contains `path_part`.
    pub fn fail_next_matching(&self, path_part: &str, n: u32, code: u16) {
        self.store().faults.push(Fault {
            remaining: n,
            code,
            path_contains: Some(path_part.to_string()),
        });
    }

    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.store().requests.clone()
    }

    pub fn clear_requests(&self) {
        self.store().requests.clear();
    }
}

impl Drop for ApiServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            shutdown.send(()).ok();
            // Bounded: a client holding a connection open must not hang the test.
            if let Ok(stopped) = self.stopped.lock() {
                stopped.recv_timeout(Duration::from_secs(2)).ok();
            }
        }
    }
}

fn resource_key(resource: &ResourceType) -> String {
    format!("{}/{}", resource.group_version, resource.plural)
}

fn key(resource: &ResourceType, namespace: &str, name: &str) -> Key {
    (
        resource_key(resource),
        namespace.to_string(),
        name.to_string(),
    )
}

fn now() -> String {
    let now = k8s_openapi::jiff::Timestamp::now();
    k8s_openapi::jiff::Timestamp::from_second(now.as_second())
        .expect("now")
        .to_string()
}

/// A Kubernetes-style error.
struct ApiError {
    code: u16,
    reason: &'static str,
    message: String,
    retry_after: Option<u32>,
}

impl ApiError {
    fn new(code: u16, reason: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            code,
            reason,
            message: message.into(),
            retry_after: None,
        }
    }

    fn not_found(resource: &ResourceType, name: &str) -> Self {
        ApiError::new(
            404,
            "NotFound",
            format!("{} \"{name}\" not found", qualified(resource)),
        )
    }

    fn invalid(resource: &ResourceType, name: &str, problem: String) -> Self {
        ApiError::new(
            422,
            "Invalid",
            format!("{} \"{name}\" is invalid: {problem}", resource.kind),
        )
    }
}

fn qualified(resource: &ResourceType) -> String {
    match resource.group_version.split_once('/') {
        Some((group, _)) => format!("{}.{group}", resource.plural),
        None => resource.plural.to_string(),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut details = json!({});
        if let Some(seconds) = self.retry_after {
            details["retryAfterSeconds"] = seconds.into();
        }
        let body = json!({
            "kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
            "message": self.message, "reason": self.reason, "details": details, "code": self.code,
        });
        let mut response = (
            StatusCode::from_u16(self.code).expect("status code"),
            axum::Json(body),
        )
            .into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

type Reply = Result<(StatusCode, Value), ApiError>;

async fn handle(
    AxumState(store): AxumState<Arc<Mutex<Store>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let query: BTreeMap<String, String> = Query::try_from_uri(&uri)
        .map(|Query(q)| q)
        .unwrap_or_default();
    let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
    let request = RecordedRequest {
        method: method.to_string(),
        path: uri.path().to_string(),
        query: uri.query().unwrap_or_default().to_string(),
    };
    store.requests.push(request.clone());
    if request.is_mutating()
        && let Some(error) = store.injected_fault(&request.path)
    {
        return error.into_response();
    }
    let segments: Vec<&str> = uri.path().trim_matches('/').split('/').collect();
    if segments == ["version"] {
        return axum::Json(json!({
            "major": "1", "minor": "33", "gitVersion": "v1.33.0-qctl-double", "gitCommit": "0",
            "gitTreeState": "clean", "buildDate": "2025-04-23T00:00:00Z", "goVersion": "go1.24",
            "compiler": "gc", "platform": "linux/amd64",
        }))
        .into_response();
    }
    let Some(route) = Route::parse(&segments) else {
        return ApiError::new(
            404,
            "NotFound",
            "the server could not find the requested resource",
        )
        .into_response();
    };
    let reply = match (&method, &route.name, route.subresource) {
        (&Method::GET, None, None) => store.list(&route, &query),
        (&Method::GET, Some(name), None) => store.get(&route, name),
        (&Method::GET, Some(name), Some("log")) if route.resource.plural == "pods" => {
            return match store.logs(&route, name, &query) {
                Ok(text) => ([(header::CONTENT_TYPE, "text/plain")], text).into_response(),
                Err(error) => error.into_response(),
            };
        }
        (&Method::PATCH, Some(name), None) => store.apply(&route, name, &headers, &body, &query),
        (&Method::DELETE, Some(name), None) => store.delete(&route, name),
        _ => Err(ApiError::new(
            405,
            "MethodNotAllowed",
            format!("{method} is not supported by the API double here"),
        )),
    };
    match reply {
        Ok((code, body)) => (code, axum::Json(body)).into_response(),
        Err(error) => error.into_response(),
    }
}

struct Route {
    resource: &'static ResourceType,
    namespace: String,
    name: Option<String>,
    subresource: Option<&'static str>,
}

impl Route {
    /// `/api/v1/…` or `/apis/{group}/{version}/…`, then `{plural}[/{name}]` or
    /// `namespaces/{ns}/{plural}[/{name}[/{subresource}]]`.
    fn parse(segments: &[&str]) -> Option<Route> {
        let (group_version, rest) = match segments {
            ["api", "v1", rest @ ..] => ("v1".to_string(), rest),
            ["apis", group, version, rest @ ..] => (format!("{group}/{version}"), rest),
            _ => return None,
        };
        let find = |plural: &str| {
            resources()
                .iter()
                .find(|r| r.group_version == group_version && r.plural == plural)
        };
        let (resource, namespace, name, subresource) = match rest {
            [plural] => (find(plural)?, String::new(), None, None),
            [plural, name] => (find(plural)?, String::new(), Some(name.to_string()), None),
            ["namespaces", ns, plural] => (find(plural)?, ns.to_string(), None, None),
            ["namespaces", ns, plural, name] => {
                (find(plural)?, ns.to_string(), Some(name.to_string()), None)
            }
            ["namespaces", ns, plural, name, "log"] => (
                find(plural)?,
                ns.to_string(),
                Some(name.to_string()),
                Some("log"),
            ),
            _ => return None,
        };
        if resource.namespaced == namespace.is_empty() && name.is_some() {
            return None;
        }
        Some(Route {
            resource,
            namespace,
            name,
            subresource,
        })
    }

    fn key(&self, name: &str) -> Key {
        key(self.resource, &self.namespace, name)
    }
}

/// `a=b,c==d,e!=f` against labels.
fn selector_matches(selector: &str, labels: &Value) -> bool {
    selector
        .split(',')
        .filter(|term| !term.trim().is_empty())
        .all(|term| {
            let label = |k: &str| labels.get(k.trim()).and_then(Value::as_str);
            if let Some((k, v)) = term.split_once("!=") {
                label(k) != Some(v.trim())
            } else if let Some((k, v)) = term.split_once("==").or_else(|| term.split_once('=')) {
                label(k) == Some(v.trim())
            } else {
                label(term).is_some()
            }
        })
}

/// Maps merge key by key; anything else (lists included) is replaced.
fn merge(live: &mut Value, applied: &Value) {
    match (live, applied) {
        (Value::Object(live), Value::Object(applied)) => {
            for (k, v) in applied {
                match live.get_mut(k) {
                    Some(existing) if existing.is_object() && v.is_object() => merge(existing, v),
                    _ => {
                        live.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (live, applied) => *live = applied.clone(),
    }
}

/// RFC 7386: maps merge key by key, `null` removes the key, anything else replaces.
fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = json!({});
    }
    let target = target.as_object_mut().expect("an object");
    for (k, v) in patch {
        if v.is_null() {
            target.remove(k);
        } else {
            merge_patch(target.entry(k.clone()).or_insert(Value::Null), v);
        }
    }
}

/// The object without what the server maintains, to tell whether an apply changed anything.
fn content(object: &Value) -> Value {
    let mut object = object.clone();
    if let Some(meta) = object["metadata"].as_object_mut() {
        for k in ["resourceVersion", "generation", "managedFields"] {
            meta.remove(k);
        }
    }
    object
}

fn set_condition(
    pod: &mut Value,
    kind: &str,
    status: bool,
    reason: Option<&str>,
    message: Option<&str>,
) {
    let mut condition = json!({"type": kind, "status": if status { "True" } else { "False" }, "lastTransitionTime": now()});
    if let Some(reason) = reason {
        condition["reason"] = reason.into();
    }
    if let Some(message) = message {
        condition["message"] = message.into();
    }
    let conditions = pod["status"]["conditions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut conditions: Vec<Value> = conditions
        .into_iter()
        .filter(|c| c["type"] != kind)
        .collect();
    conditions.push(condition);
    pod["status"]["conditions"] = conditions.into();
}

fn set_running(pod: &mut Value, ready: bool) {
    let containers = pod["spec"]["containers"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let previous = pod["status"]["containerStatuses"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let statuses: Vec<Value> = containers
        .iter()
        .map(|c| {
            let restarts = previous.iter().find(|p| p["name"] == c["name"]).map_or(json!(0), |p| p["restartCount"].clone());
            json!({
                "name": c["name"], "image": c["image"], "imageID": "", "ready": ready, "started": true,
                "restartCount": restarts, "state": {"running": {"startedAt": now()}},
            })
        })
        .collect();
    pod["status"]["phase"] = "Running".into();
    pod["status"]["containerStatuses"] = statuses.into();
    set_condition(pod, "PodScheduled", true, None, None);
    set_condition(pod, "ContainersReady", ready, None, None);
    set_condition(pod, "Ready", ready, None, None);
}

impl Store {
    fn injected_fault(&mut self, path: &str) -> Option<ApiError> {
        let fault = self.faults.iter_mut().find(|f| {
            f.remaining > 0
                && f.path_contains
                    .as_deref()
                    .is_none_or(|part| path.contains(part))
        })?;
        fault.remaining -= 1;
        let mut error = match fault.code {
            429 => ApiError::new(
                429,
                "TooManyRequests",
                "injected: too many requests, please try again later",
            ),
            code => ApiError::new(
                code,
                "InternalError",
                format!("injected: server error {code}"),
            ),
        };
        if fault.code == 429 {
            error.retry_after = Some(1);
        }
        Some(error)
    }

    fn next_version(&mut self) -> String {
        self.resource_version += 1;
        self.resource_version.to_string()
    }

    fn stamp_new(&mut self, object: &mut Value) {
        self.uids += 1;
        let uid = format!("00000000-0000-4000-8000-{:012x}", self.uids);
        let version = self.next_version();
        let meta = &mut object["metadata"];
        meta["uid"] = uid.into();
        meta["creationTimestamp"] = now().into();
        meta["resourceVersion"] = version.into();
    }

    fn bump(&mut self, object: &mut Value) {
        object["metadata"]["resourceVersion"] = self.next_version().into();
    }

    fn list(&self, route: &Route, query: &BTreeMap<String, String>) -> Reply {
        if query.get("watch").is_some_and(|w| w == "true" || w == "1") {
            return Err(ApiError::new(
                405,
                "MethodNotAllowed",
                "the API double does not serve watches",
            ));
        }
        let selector = query
            .get("labelSelector")
            .map(String::as_str)
            .unwrap_or_default();
        let prefix = resource_key(route.resource);
        let items: Vec<Value> = self
            .objects
            .iter()
            .filter(|((r, ns, _), _)| {
                *r == prefix && (route.namespace.is_empty() || *ns == route.namespace)
            })
            .filter(|(_, o)| selector_matches(selector, &o["metadata"]["labels"]))
            .map(|(_, o)| o.clone())
            .collect();
        Ok((
            StatusCode::OK,
            json!({
                "apiVersion": route.resource.group_version,
                "kind": format!("{}List", route.resource.kind),
                "metadata": {"resourceVersion": self.resource_version.to_string()},
                "items": items,
            }),
        ))
    }

    fn get(&self, route: &Route, name: &str) -> Reply {
        let object = self
            .objects
            .get(&route.key(name))
            .ok_or_else(|| ApiError::not_found(route.resource, name))?;
        Ok((StatusCode::OK, object.clone()))
    }

    fn logs(
        &self,
        route: &Route,
        name: &str,
        query: &BTreeMap<String, String>,
    ) -> Result<String, ApiError> {
        let pod = self
            .objects
            .get(&route.key(name))
            .ok_or_else(|| ApiError::not_found(route.resource, name))?;
        let node = pod["metadata"]["labels"][names::LABEL_INSTANCE]
            .as_str()
            .unwrap_or_default();
        let lines = self.logs.get(node).cloned().unwrap_or_default();
        let tail = query
            .get("tailLines")
            .and_then(|t| t.parse::<usize>().ok())
            .unwrap_or(lines.len());
        let shown = &lines[lines.len().saturating_sub(tail)..];
        Ok(shown.iter().map(|l| format!("{l}\n")).collect())
    }

    fn apply(
        &mut self,
        route: &Route,
        name: &str,
        headers: &HeaderMap,
        body: &[u8],
        query: &BTreeMap<String, String>,
    ) -> Reply {
        let resource = route.resource;
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if content_type.starts_with("application/merge-patch+json") {
            return self.merge_patch(route, name, body, query);
        }
        if !content_type.starts_with("application/apply-patch+yaml") {
            return Err(ApiError::new(
                415,
                "UnsupportedMediaType",
                format!(
                    "the API double serves server-side apply and merge patches, not `{content_type}`"
                ),
            ));
        }
        let Some(manager) = query.get("fieldManager").filter(|m| !m.is_empty()) else {
            return Err(ApiError::invalid(
                resource,
                name,
                "metadata.managedFields.manager: Required value: fieldManager is required for apply requests".into(),
            ));
        };
        let dry_run = query.get("dryRun").is_some_and(|d| d == "All");
        let mut applied: Value = serde_yaml::from_slice(body)
            .map_err(|e| ApiError::new(400, "BadRequest", format!("error decoding YAML: {e}")))?;
        if applied["apiVersion"] != resource.group_version || applied["kind"] != resource.kind {
            return Err(ApiError::new(
                400,
                "BadRequest",
                format!(
                    "the body is {} {}, not {} {}",
                    applied["apiVersion"], applied["kind"], resource.group_version, resource.kind
                ),
            ));
        }
        if applied["metadata"]["name"] != name {
            return Err(ApiError::new(
                400,
                "BadRequest",
                "the name of the object does not match the name on the URL",
            ));
        }
        if resource.namespaced {
            match applied["metadata"]["namespace"].as_str() {
                Some(ns) if ns != route.namespace => {
                    return Err(ApiError::new(
                        400,
                        "BadRequest",
                        "the namespace of the provided object does not match the namespace sent on the request",
                    ));
                }
                _ => applied["metadata"]["namespace"] = route.namespace.clone().into(),
            }
            let ns_key = key(resource_by_plural("namespaces"), "", &route.namespace);
            if !self.objects.contains_key(&ns_key) {
                return Err(ApiError::new(
                    404,
                    "NotFound",
                    format!("namespaces \"{}\" not found", route.namespace),
                ));
            }
        }
        if let Some(labels) = applied["metadata"]["labels"].as_object() {
            for (label, value) in labels {
                let value = value.as_str().unwrap_or_default();
                if !is_label_value(value) {
                    return Err(ApiError::invalid(
                        resource,
                        name,
                        format!(
                            "metadata.labels: Invalid value: \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (label `{label}`)"
                        ),
                    ));
                }
            }
        }
        if let Some(map) = applied.as_object_mut() {
            map.remove("status");
        }
        let key = route.key(name);
        let live = self.objects.get(&key).cloned();
        let mut object = live.clone().unwrap_or_else(|| json!({}));
        merge(&mut object, &applied);
        if resource.kind == "Service" {
            self.default_service(&key, &mut object, live.as_ref())?;
        }
        if resource.kind == "EndpointSlice" {
            validate_endpoint_slice(&object).map_err(|p| ApiError::invalid(resource, name, p))?;
        }
        let entry = json!({
            "manager": manager, "operation": "Apply", "apiVersion": resource.group_version,
            "time": now(), "fieldsType": "FieldsV1", "fieldsV1": {},
        });
        let Some(live) = live else {
            object["metadata"]["managedFields"] = json!([entry]);
            object["metadata"]["generation"] = 1.into();
            if !dry_run {
                self.stamp_new(&mut object);
                self.objects.insert(key, object.clone());
                self.reconcile(route, name, None);
            }
            return Ok((StatusCode::CREATED, object));
        };
        let managers = live["metadata"]["managedFields"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let has_entry = managers
            .iter()
            .any(|m| m["manager"] == manager.as_str() && m["operation"] == "Apply");
        if content(&object) == content(&live) && has_entry {
            return Ok((StatusCode::OK, live));
        }
        let mut managers: Vec<Value> = managers
            .into_iter()
            .filter(|m| !(m["manager"] == manager.as_str() && m["operation"] == "Apply"))
            .collect();
        managers.push(entry);
        object["metadata"]["managedFields"] = managers.into();
        if content(&object) != content(&live) {
            object["metadata"]["generation"] =
                (live["metadata"]["generation"].as_i64().unwrap_or(0) + 1).into();
        }
        if !dry_run {
            self.bump(&mut object);
            self.objects.insert(key, object.clone());
            self.reconcile(route, name, Some(&live));
        }
        Ok((StatusCode::OK, object))
    }

    /// A JSON merge patch (RFC 7386: maps merge, `null` deletes a key, anything else is
    /// replaced), as `kubectl patch --type merge` sends it: an update, so the field manager is
    /// recorded with operation `Update`. The object must exist.
    fn merge_patch(
        &mut self,
        route: &Route,
        name: &str,
        body: &[u8],
        query: &BTreeMap<String, String>,
    ) -> Reply {
        let patch: Value = serde_json::from_slice(body)
            .map_err(|e| ApiError::new(400, "BadRequest", format!("error decoding JSON: {e}")))?;
        let key = route.key(name);
        let live = self
            .objects
            .get(&key)
            .cloned()
            .ok_or_else(|| ApiError::not_found(route.resource, name))?;
        let mut object = live.clone();
        merge_patch(&mut object, &patch);
        if content(&object) == content(&live) {
            return Ok((StatusCode::OK, live));
        }
        let manager = query
            .get("fieldManager")
            .cloned()
            .unwrap_or_else(|| "unknown".into());
        let mut managers: Vec<Value> = live["metadata"]["managedFields"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|m| !(m["manager"] == manager.as_str() && m["operation"] == "Update"))
            .collect();
        managers.push(json!({
            "manager": manager, "operation": "Update", "apiVersion": route.resource.group_version,
            "time": now(), "fieldsType": "FieldsV1", "fieldsV1": {},
        }));
        object["metadata"]["managedFields"] = managers.into();
        if object["spec"] != live["spec"] {
            object["metadata"]["generation"] =
                (live["metadata"]["generation"].as_i64().unwrap_or(0) + 1).into();
        }
        if query.get("dryRun").is_none_or(|d| d != "All") {
            self.bump(&mut object);
            self.objects.insert(key, object.clone());
            self.reconcile(route, name, Some(&live));
        }
        Ok((StatusCode::OK, object))
    }

    /// Cluster IP and NodePorts, kept from the live Service so re-applies are stable.
    fn default_service(
        &mut self,
        key: &Key,
        service: &mut Value,
        live: Option<&Value>,
    ) -> Result<(), ApiError> {
        let resource = resource_by_plural("services");
        let name = key.2.clone();
        let spec = &mut service["spec"];
        let kind = spec["type"].as_str().unwrap_or("ClusterIP").to_string();
        spec["type"] = kind.clone().into();
        if kind == "ExternalName" {
            // A CNAME: no cluster IP, no NodePorts; the name is required.
            let problem = match spec["externalName"].as_str() {
                None | Some("") => Some("spec.externalName: Required value".to_string()),
                Some(_) if !spec["clusterIP"].is_null() => Some(
                    "spec.clusterIP: Invalid value: must be empty for 'ExternalName' services"
                        .to_string(),
                ),
                Some(_) => None,
            };
            if let Some(problem) = problem {
                return Err(ApiError::invalid(resource, &name, problem));
            }
            if let Some(ports) = spec["ports"].as_array_mut() {
                for port in ports {
                    if port["protocol"].is_null() {
                        port["protocol"] = "TCP".into();
                    }
                    if port["targetPort"].is_null() {
                        port["targetPort"] = port["port"].clone();
                    }
                }
            }
            return Ok(());
        }
        if spec["clusterIP"].is_null() {
            let ip = match live.map(|l| l["spec"]["clusterIP"].clone()) {
                Some(Value::String(ip)) => ip,
                _ => {
                    self.cluster_ips += 1;
                    format!(
                        "10.96.{}.{}",
                        self.cluster_ips / 250,
                        self.cluster_ips % 250 + 1
                    )
                }
            };
            spec["clusterIPs"] = json!([ip]);
            spec["clusterIP"] = ip.into();
        }
        let exposes = kind == "NodePort" || kind == "LoadBalancer";
        let taken: BTreeSet<u64> = self
            .objects
            .iter()
            .filter(|(k, _)| k.0 == key.0 && *k != key)
            .flat_map(|(_, s)| s["spec"]["ports"].as_array().cloned().unwrap_or_default())
            .filter_map(|p| p["nodePort"].as_u64())
            .collect();
        let live_ports = live
            .and_then(|l| l["spec"]["ports"].as_array().cloned())
            .unwrap_or_default();
        let mut chosen = BTreeSet::new();
        let ports = spec["ports"]
            .as_array_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        let mut defaulted = Vec::new();
        for (index, mut port) in ports.into_iter().enumerate() {
            if port["protocol"].is_null() {
                port["protocol"] = "TCP".into();
            }
            if port["targetPort"].is_null() {
                port["targetPort"] = port["port"].clone();
            }
            if !exposes {
                if let Some(p) = port.as_object_mut() {
                    p.remove("nodePort");
                }
            } else if let Some(requested) = port["nodePort"].as_u64() {
                if taken.contains(&requested) || !chosen.insert(requested) {
                    return Err(ApiError::invalid(
                        resource,
                        &name,
                        format!(
                            "spec.ports[{index}].nodePort: Invalid value: {requested}: provided port is already allocated"
                        ),
                    ));
                }
            } else {
                let same = live_ports
                    .iter()
                    .find(|p| p["port"] == port["port"] && p["protocol"] == port["protocol"]);
                let kept = same
                    .and_then(|p| p["nodePort"].as_u64())
                    .filter(|p| !taken.contains(p) && !chosen.contains(p));
                let node_port = kept.unwrap_or_else(|| free_node_port(&taken, &chosen));
                chosen.insert(node_port);
                port["nodePort"] = node_port.into();
            }
            defaulted.push(port);
        }
        spec["ports"] = defaulted.into();
        Ok(())
    }

    /// What controllers do after a write: a workload whose pod template changed gets a new pod;
    /// one scaled to 0 replicas loses its pod, and gets one again when scaled back up.
    fn reconcile(&mut self, route: &Route, name: &str, live: Option<&Value>) {
        let kind = route.resource.kind;
        if kind != "Deployment" && kind != "StatefulSet" {
            return;
        }
        let object = self.objects[&route.key(name)].clone();
        let template = &object["spec"]["template"];
        let owner = (route.namespace.clone(), kind.to_string(), name.to_string());
        let scaled_to_zero = object["spec"]["replicas"].as_i64() == Some(0);
        let has_pod = self.workload_pods.contains_key(&owner);
        if !scaled_to_zero && has_pod && live.is_some_and(|l| l["spec"]["template"] == *template) {
            return;
        }
        if let Some(old) = self.workload_pods.remove(&owner) {
            self.objects
                .remove(&key(resource_by_plural("pods"), &route.namespace, &old));
        }
        if scaled_to_zero {
            return;
        }
        let hash = template_hash(template);
        let pod_name = if kind == "StatefulSet" {
            format!("{name}-0")
        } else {
            self.uids += 1;
            format!("{name}-{hash}-{}", &template_hash(&json!(self.uids))[..5])
        };
        let mut labels = template["metadata"]["labels"].clone();
        if labels.is_null() {
            labels = json!({});
        }
        labels["pod-template-hash"] = hash.clone().into();
        let mut pod = json!({
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {
                "name": pod_name, "namespace": route.namespace, "labels": labels,
                "annotations": template["metadata"]["annotations"].clone(),
                "ownerReferences": [{
                    "apiVersion": "apps/v1", "kind": if kind == "StatefulSet" { "StatefulSet" } else { "ReplicaSet" },
                    "name": if kind == "StatefulSet" { name.to_string() } else { format!("{name}-{hash}") },
                    "uid": object["metadata"]["uid"], "controller": true,
                }],
            },
            "spec": template["spec"].clone(),
            "status": {"phase": "Pending"},
        });
        if self.auto_ready {
            set_running(&mut pod, true);
        } else {
            set_condition(&mut pod, "PodScheduled", true, None, None);
            let statuses: Vec<Value> = pod["spec"]["containers"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|c| json!({"name": c["name"], "image": c["image"], "ready": false, "restartCount": 0,
                                "state": {"waiting": {"reason": "ContainerCreating"}}}))
                .collect();
            pod["status"]["containerStatuses"] = statuses.into();
        }
        self.stamp_new(&mut pod);
        self.objects.insert(
            key(resource_by_plural("pods"), &route.namespace, &pod_name),
            pod,
        );
        self.workload_pods.insert(owner, pod_name);
        *self.rollouts.entry(name.to_string()).or_default() += 1;
    }

    fn delete(&mut self, route: &Route, name: &str) -> Reply {
        let object = self
            .objects
            .remove(&route.key(name))
            .ok_or_else(|| ApiError::not_found(route.resource, name))?;
        match route.resource.kind {
            // Namespace finalization and garbage collection, done at once.
            "Namespace" => {
                self.objects.retain(|(_, ns, _), _| ns != name);
                self.workload_pods.retain(|(ns, _, _), _| ns != name);
            }
            "Deployment" | "StatefulSet" => {
                let owner = (
                    route.namespace.clone(),
                    route.resource.kind.to_string(),
                    name.to_string(),
                );
                if let Some(pod) = self.workload_pods.remove(&owner) {
                    self.objects
                        .remove(&key(resource_by_plural("pods"), &route.namespace, &pod));
                }
            }
            _ => {}
        }
        Ok((StatusCode::OK, object))
    }

    fn pod_keys(&self, node: &str) -> Vec<Key> {
        let pods = resource_key(resource_by_plural("pods"));
        self.objects
            .iter()
            .filter(|((r, _, _), o)| {
                *r == pods && o["metadata"]["labels"][names::LABEL_INSTANCE] == node
            })
            .map(|(k, _)| k.clone())
            .collect()
    }

    fn update_pods(&mut self, node: &str, change: impl Fn(&mut Value)) {
        let keys = self.pod_keys(node);
        assert!(
            !keys.is_empty(),
            "node `{node}` has no pod in the API double"
        );
        for key in keys {
            let mut pod = self.objects[&key].clone();
            change(&mut pod);
            self.bump(&mut pod);
            self.objects.insert(key, pod);
        }
    }
}

/// A stand-in for the ReplicaSet pod-template hash: 10 characters of the alphabet Kubernetes
/// uses for generated names.
/// A label value as the API server accepts it: at most 63 characters of alphanumerics, `-`,
/// `_` and `.`, starting and ending with an alphanumeric; or empty.
fn is_label_value(value: &str) -> bool {
    let bytes = value.as_bytes();
    value.is_empty()
        || (bytes.len() <= 63
            && bytes
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            && bytes[0].is_ascii_alphanumeric()
            && bytes[bytes.len() - 1].is_ascii_alphanumeric())
}

/// What the API server's validation of a `discovery.k8s.io/v1` EndpointSlice checks of the
/// fields qctl sets: `addressType` (IPv4, IPv6 or FQDN), at least one address per endpoint, of
/// that type, and not loopback, link-local or unspecified; ports, when given, in 1-65535.
fn validate_endpoint_slice(slice: &Value) -> Result<(), String> {
    use std::net::IpAddr;
    let address_type = slice["addressType"].as_str().unwrap_or_default();
    if !["IPv4", "IPv6", "FQDN"].contains(&address_type) {
        return Err(format!(
            "addressType: Unsupported value: \"{address_type}\": supported values: \"FQDN\", \"IPv4\", \"IPv6\""
        ));
    }
    let Some(endpoints) = slice["endpoints"].as_array() else {
        return Err("endpoints: Required value".into());
    };
    for (i, endpoint) in endpoints.iter().enumerate() {
        let addresses = endpoint["addresses"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if addresses.is_empty() {
            return Err(format!(
                "endpoints[{i}].addresses: Required value: must contain at least 1 address"
            ));
        }
        for (j, address) in addresses.iter().enumerate() {
            let text = address.as_str().unwrap_or_default();
            let field = format!("endpoints[{i}].addresses[{j}]");
            if address_type == "FQDN" {
                continue;
            }
            let ip: IpAddr = text.parse().map_err(|_| {
                format!("{field}: Invalid value: \"{text}\": must be a valid IP address")
            })?;
            if ip.is_ipv4() != (address_type == "IPv4") {
                return Err(format!(
                    "{field}: Invalid value: \"{text}\": must be an {address_type} address"
                ));
            }
            let unusable = match ip {
                IpAddr::V4(v4) => v4.is_loopback() || v4.is_link_local() || v4.is_unspecified(),
                IpAddr::V6(v6) => {
                    v6.is_loopback() || v6.is_unspecified() || v6.is_unicast_link_local()
                }
            };
            if unusable {
                return Err(format!(
                    "{field}: Invalid value: \"{text}\": may not be a loopback, link-local or unspecified address"
                ));
            }
        }
    }
    for (i, port) in slice["ports"].as_array().into_iter().flatten().enumerate() {
        if let Some(number) = port.get("port").filter(|p| !p.is_null())
            && !number.as_u64().is_some_and(|p| (1..=65535).contains(&p))
        {
            return Err(format!(
                "ports[{i}].port: Invalid value: {number}: must be between 1 and 65535, inclusive"
            ));
        }
    }
    Ok(())
}

fn template_hash(template: &Value) -> String {
    const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    Sha256::digest(template.to_string().as_bytes())
        .iter()
        .take(10)
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect()
}

fn free_node_port(taken: &BTreeSet<u64>, chosen: &BTreeSet<u64>) -> u64 {
    let span = u64::from(NODE_PORT_RANGE.end() - NODE_PORT_RANGE.start()) + 1;
    let mut random = [0u8; 8];
    getrandom::getrandom(&mut random).expect("random");
    let start = u64::from_le_bytes(random) % span;
    (0..span)
        .map(|i| u64::from(*NODE_PORT_RANGE.start()) + (start + i) % span)
        .find(|p| !taken.contains(p) && !chosen.contains(p))
        .expect("a free NodePort")
}
