//! Kubernetes manifests of a network, built from k8s-openapi types. Pure: no network I/O.
//!
//! [`build`] turns the resolved [`Network`] and its [`DerivedConfig`] into numbered multi-document
//! YAML files, so `kubectl apply -f out -f out/deployments` creates objects in dependency order.
//! Output is deterministic: the same input gives byte-identical files.

mod external_tessera;
pub mod kinds;
mod monitor;
pub mod names;
mod objects;
mod pod;
mod workload;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use serde::Serialize;
use serde_json::{Map, Value};

pub use kinds::{MANAGED_KINDS, ManagedKind, Tier, managed_kind};
pub use workload::split_geth_params;

use crate::layout::{deployment_manifest, numbered_manifest};
use crate::network::{DerivedConfig, Network};

/// One manifest file, relative to `out/` ([`crate::layout`] names it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestFile {
    /// E.g. `01-quorum-genesis.yaml` or `deployments/<node>-quorum-deployment.yaml`.
    pub path: PathBuf,
    pub yaml: String,
    /// It holds private keys (a Secret; base64 is no protection): readable by its owner only.
    pub sensitive: bool,
}

/// Why the manifests of a network cannot be built.
#[derive(Debug, thiserror::Error)]
pub enum K8sError {
    #[error(
        "node `{node}`: geth parameters `{params}` cannot be split into arguments ({reason}); \
         quote and escape them as in a POSIX shell"
    )]
    GethParams {
        node: String,
        params: String,
        reason: String,
    },
    #[error(
        "node `{node}` runs {node_consensus} but the network runs {network_consensus}; \
         a node must run the consensus of the genesis (qbft and istanbul may mix)"
    )]
    ConsensusMismatch {
        node: String,
        node_consensus: crate::network::Consensus,
        network_consensus: crate::network::Consensus,
    },
    #[error(
        "node `{node}` runs Tessera but {missing}: put a Tessera key pair (`tm.key`, `tm.pub`) in its \
         key directory, or set its `quorum.tm.Name` to none"
    )]
    IncompleteTessera { node: String, missing: &'static str },
    #[error(
        "external node `{node}`: {reason}; this cluster reaches its Tessera through a Service \
         named `{node}`, at the URL that Tessera advertises"
    )]
    ExternalTessera { node: String, reason: String },
    #[error(
        "external node `{node}` has the name of local node `{local}`'s {what}; the Service that \
         stands for its Tessera would replace it. Import the other organisation's nodes under \
         another name prefix"
    )]
    ExternalNameTaken {
        node: String,
        local: String,
        what: &'static str,
    },
    #[error(
        "{kind} `{name}` (in `{}`) would hold {} bytes of data, more than the {} bytes \
         (1 MiB) Kubernetes accepts in one ConfigMap or Secret, so the API server would refuse \
         it; its data: {entries}. {advice}; nothing was written",
        file.display(),
        thousands(*size),
        thousands(MAX_DATA_BYTES)
    )]
    TooLarge {
        kind: &'static str,
        name: String,
        file: PathBuf,
        size: usize,
        /// Each data key with its size, largest first.
        entries: String,
        advice: &'static str,
    },
    #[error(
        "{which} `{node}` has the name of the Prometheus Deployment and Service that \
         `prometheus` turns on; rename the node, or turn monitoring off (`qctl monitor rm`)"
    )]
    MonitorNameTaken { which: &'static str, node: String },
    #[error("cannot render {kind} `{name}` as YAML")]
    Render {
        kind: &'static str,
        name: String,
        #[source]
        source: serde_json::Error,
    },
}

impl K8sError {
    /// The error with the manifest file it names (relative to `out/`) placed under `out`.
    pub fn in_dir(self, out: &std::path::Path) -> K8sError {
        match self {
            K8sError::TooLarge {
                kind,
                name,
                file,
                size,
                entries,
                advice,
            } => K8sError::TooLarge {
                kind,
                name,
                file: out.join(file),
                size,
                entries,
                advice,
            },
            other => other,
        }
    }
}

impl From<K8sError> for crate::error::Error {
    fn from(e: K8sError) -> crate::error::Error {
        let kind = match &e {
            K8sError::GethParams { .. }
            | K8sError::ConsensusMismatch { .. }
            | K8sError::IncompleteTessera { .. }
            | K8sError::ExternalTessera { .. }
            | K8sError::ExternalNameTaken { .. }
            | K8sError::MonitorNameTaken { .. }
            | K8sError::TooLarge { .. } => crate::error::ErrorKind::User,
            K8sError::Render { .. } => crate::error::ErrorKind::Runtime,
        };
        crate::error::Error::new(kind, e)
    }
}

/// Builds every manifest of the network, in the order `kubectl apply` should see them.
pub fn build(net: &Network, derived: &DerivedConfig) -> Result<Vec<ManifestFile>, K8sError> {
    let ctx = objects::Context::new(net);
    let mut files = Vec::new();
    let mut push = |path: PathBuf, docs: Vec<Value>, sensitive: bool| {
        for doc in &docs {
            check_data_size(doc, &path)?;
        }
        files.push(ManifestFile {
            path,
            yaml: render(&docs),
            sensitive,
        });
        Ok::<(), K8sError>(())
    };
    let mut file = |name: &str, docs: Vec<Value>| push(numbered_manifest(name), docs, false);

    if let Some(ns) = objects::namespace(net) {
        file("00-namespace.yaml", vec![to_value(&ns)?])?;
    }
    let pvcs = net.nodes.iter().map(|n| to_value(&objects::pvc(&ctx, n)));
    file(
        "00-quorum-persistent-volumes.yaml",
        pvcs.collect::<Result<_, _>>()?,
    )?;
    file(
        "01-quorum-genesis.yaml",
        vec![to_value(&objects::genesis_configmap(&ctx, derived))?],
    )?;
    file(
        "02-quorum-shared-config.yaml",
        vec![to_value(&objects::peers_configmap(&ctx, derived))?],
    )?;

    let mut services = Vec::new();
    for node in &net.nodes {
        services.push(to_value(&objects::peer_service(&ctx, node))?);
        services.push(to_value(&objects::rpc_service(&ctx, node))?);
    }
    file("03-quorum-services.yaml", services)?;

    let external = external_tessera(&ctx, net)?;
    if !external.is_empty() {
        file("03.2-quorum-external-tessera.yaml", external)?;
    }

    if net.k8s.ingress.is_some() {
        let ingresses = objects::ingresses(&ctx);
        file(
            "03.1-quorum-ingress.yaml",
            ingresses.iter().map(to_value).collect::<Result<_, _>>()?,
        )?;
    }

    let mut node_config = Vec::new();
    let mut deployments = Vec::new();
    for node in &net.nodes {
        check_node(net, node, derived)?;
        let secret = objects::keys_secret(&ctx, node);
        let identity = objects::identity_configmap(&ctx, node);
        let tessera = objects::tessera_configmap(&ctx, node, derived);
        let deployment = workload::deployment(&ctx, node, derived, &secret, &identity)?;
        node_config.push(to_value(&secret)?);
        node_config.push(to_value(&identity)?);
        if let Some(tessera) = &tessera {
            node_config.push(to_value(tessera)?);
        }
        deployments.push((node.name.as_str(), to_value(&deployment)?));
    }
    // The keys Secrets make this file sensitive.
    push(
        numbered_manifest("04-quorum-node-config.yaml"),
        node_config,
        true,
    )?;

    if net.k8s.network_policy {
        push(
            numbered_manifest("05-quorum-network-policy.yaml"),
            vec![to_value(&objects::network_policy(&ctx))?],
            false,
        )?;
    }
    if net.k8s.prometheus {
        push(numbered_manifest(MONITOR_FILE), monitor_docs(&ctx)?, false)?;
    }
    for (node, deployment) in deployments {
        push(deployment_manifest(node), vec![deployment], false)?;
    }
    Ok(files)
}

/// The file of the Prometheus server's objects (with `prometheus`).
pub const MONITOR_FILE: &str = "06-quorum-monitor.yaml";

/// The Prometheus server: its config, Service, Deployment and, with the network's policy, its
/// own NetworkPolicy. Refused when a node has the server's name.
fn monitor_docs(ctx: &objects::Context) -> Result<Vec<Value>, K8sError> {
    let net = ctx.net;
    let local = net.nodes.iter().map(|n| ("node", &n.name));
    let external = net
        .external_nodes
        .iter()
        .map(|n| ("external node", &n.name));
    if let Some((which, node)) = local.chain(external).find(|(_, n)| *n == names::MONITOR) {
        return Err(K8sError::MonitorNameTaken {
            which,
            node: node.clone(),
        });
    }
    let config = monitor::configmap(ctx);
    let deployment = monitor::deployment(ctx, &config);
    let mut docs = vec![
        to_value(&config)?,
        to_value(&monitor::service(ctx))?,
        to_value(&deployment)?,
    ];
    if net.k8s.network_policy {
        docs.push(to_value(&monitor::network_policy(ctx))?);
    }
    Ok(docs)
}

/// The most data one ConfigMap or Secret may hold, in bytes: Kubernetes' API validation adds
/// up the values under `data` and `binaryData` (a Secret's `data` decoded) and refuses an
/// object above `MaxSecretSize`, 1 MiB = 1,048,576 bytes.
pub const MAX_DATA_BYTES: usize = 1024 * 1024;

/// Refuses a ConfigMap or Secret whose data is over [`MAX_DATA_BYTES`]; other kinds pass.
fn check_data_size(doc: &Value, file: &std::path::Path) -> Result<(), K8sError> {
    let kind = match doc.get("kind").and_then(Value::as_str) {
        Some("ConfigMap") => "ConfigMap",
        Some("Secret") => "Secret",
        _ => return Ok(()),
    };
    // Bytes of a base64 value once decoded (k8s-openapi writes padded standard base64).
    let decoded = |text: &str| {
        let padding = text.bytes().rev().take_while(|&b| b == b'=').count();
        (text.len() / 4 * 3).saturating_sub(padding)
    };
    let mut entries: Vec<(&str, usize)> = Vec::new();
    for (field, base64) in [("data", kind == "Secret"), ("binaryData", true)] {
        let Some(map) = doc.get(field).and_then(Value::as_object) else {
            continue;
        };
        for (key, value) in map {
            let text = value.as_str().unwrap_or_default();
            entries.push((key, if base64 { decoded(text) } else { text.len() }));
        }
    }
    let size = entries.iter().map(|(_, n)| n).sum();
    if size <= MAX_DATA_BYTES {
        return Ok(());
    }
    entries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let name = doc
        .pointer("/metadata/name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let advice = if name == names::PEERS_CONFIGMAP {
        "It lists the enode URL of every node, local and external, twice; a network this \
         large needs fewer external_nodes or shorter peer host names"
    } else {
        "Make the files it carries smaller"
    };
    Err(K8sError::TooLarge {
        kind,
        name,
        file: file.to_path_buf(),
        size,
        entries: entries
            .iter()
            .map(|(key, n)| format!("`{key}` {} bytes", thousands(*n)))
            .collect::<Vec<_>>()
            .join(", "),
        advice,
    })
}

/// `1048576` as `1,048,576`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Per external node with a `Tm_Url`, the Service (and EndpointSlice) under its name through
/// which local Tessera nodes reach it; nothing when no local node runs Tessera.
fn external_tessera(ctx: &objects::Context, net: &Network) -> Result<Vec<Value>, K8sError> {
    if net.nodes.iter().all(|n| n.tessera.is_none()) {
        return Ok(Vec::new());
    }
    // The local Services an external node's Service must not be named like, by name.
    let taken: std::collections::HashMap<String, (&str, &'static str)> = net
        .nodes
        .iter()
        .flat_map(|local| {
            [
                (
                    names::peer_service(&local.name),
                    (local.name.as_str(), "peer Service"),
                ),
                (
                    names::rpc_service(&local.name),
                    (local.name.as_str(), "RPC Service"),
                ),
            ]
        })
        .collect();
    let mut docs = Vec::new();
    for node in &net.external_nodes {
        let Some(target) = external_tessera::target(node) else {
            continue;
        };
        let target = target.map_err(|reason| K8sError::ExternalTessera {
            node: node.name.clone(),
            reason,
        })?;
        if let Some((local, what)) = taken.get(&names::external_tessera_service(&node.name)) {
            return Err(K8sError::ExternalNameTaken {
                node: node.name.clone(),
                local: local.to_string(),
                what,
            });
        }
        let (service, slice) = external_tessera::objects(ctx, node, &target);
        docs.push(to_value(&service)?);
        if let Some(slice) = slice {
            docs.push(to_value(&slice)?);
        }
    }
    Ok(docs)
}

/// Refuses node settings whose pod could never start.
fn check_node(
    net: &Network,
    node: &crate::network::LocalNode,
    derived: &DerivedConfig,
) -> Result<(), K8sError> {
    let network = net.genesis.consensus;
    if node.consensus != network && !(node.consensus.is_bft() && network.is_bft()) {
        return Err(K8sError::ConsensusMismatch {
            node: node.name.clone(),
            node_consensus: node.consensus,
            network_consensus: network,
        });
    }
    if node.tessera.is_some() {
        let missing = if node.secrets.tm_private_key_json.is_none() {
            Some("it has no Tessera private key")
        } else if node.identity.tm_public_key.is_none() {
            Some("it has no Tessera public key")
        } else if !derived.tessera_configs.contains_key(&node.name) {
            Some("no Tessera config was derived for it")
        } else {
            None
        };
        if let Some(missing) = missing {
            return Err(K8sError::IncompleteTessera {
                node: node.name.clone(),
                missing,
            });
        }
    }
    Ok(())
}

/// A k8s-openapi object as JSON, with `apiVersion`, `kind` and `metadata` first (k8s-openapi
/// writes the remaining fields in alphabetical order, which keeps the output stable).
fn to_value<
    T: Serialize
        + k8s_openapi::Metadata<Ty = k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta>,
>(
    object: &T,
) -> Result<Value, K8sError> {
    let render_error = |source| K8sError::Render {
        kind: T::KIND,
        name: object.metadata().name.clone().unwrap_or_default(),
        source,
    };
    let Value::Object(mut fields) = serde_json::to_value(object).map_err(render_error)? else {
        unreachable!("k8s-openapi objects serialise to JSON objects");
    };
    let mut ordered = Map::new();
    for key in ["apiVersion", "kind", "metadata"] {
        if let Some(value) = fields.remove(key) {
            ordered.insert(key.to_string(), value);
        }
    }
    ordered.extend(fields);
    Ok(Value::Object(ordered))
}

/// The one place objects become YAML: documents each introduced by `---`.
fn render(docs: &[Value]) -> String {
    docs.iter().map(crate::yaml::document).collect()
}
