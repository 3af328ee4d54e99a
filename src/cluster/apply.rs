//! Server-side apply of `out/`, tier by tier, objects of a tier concurrently.
//!
//! How an object is classified:
//! - for a real apply, one LIST per kind and namespace (of the objects qctl manages) before
//!   the applies gives each object's `metadata.resourceVersion`: **created** when the object
//!   is not in it, **changed** when the version the apply returns differs, else **unchanged**
//!   (the API server does not write, and so does not bump the version, when an apply changes
//!   nothing). Requests: one per object plus one per kind and namespace.
//! - for a dry run nothing is written, so one GET per object reads the live object and the
//!   returned object is compared with it, ignoring what the server maintains itself
//!   (`resourceVersion`, `generation`, `managedFields` and `status`); objects in a namespace
//!   the same dry run would create are reported created without asking, as the server cannot
//!   dry-run into a namespace that does not exist. Requests: two per object.
//!
//! A failed object (after retries of transient failures) does not stop the others; the report
//! lists it with the API server's message and the file it came from.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use futures::StreamExt;
use kube::ResourceExt;
use kube::api::{Api, DynamicObject, ListParams, Patch, PatchParams};

use super::connect::Connection;
use super::error::{ClusterError, ObjectRef};
use super::manifests::{Manifest, Tier};
use crate::k8s::names;

/// Objects of one tier applied at once.
const CONCURRENCY: usize = 8;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApplyOptions {
    /// Ask the server what would change (`dryRun=All`); nothing is stored.
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Created,
    Changed,
    Unchanged,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Created => "created",
            Outcome::Changed => "changed",
            Outcome::Unchanged => "unchanged",
        }
    }
}

/// One object the server accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub object: ObjectRef,
    pub file: PathBuf,
    pub outcome: Outcome,
}

#[derive(Debug)]
pub struct ApplyReport {
    pub dry_run: bool,
    /// In apply order.
    pub applied: Vec<Applied>,
    /// Objects the server refused, each with its file and the server's message.
    pub failed: Vec<ClusterError>,
    /// Requests sent, retries included.
    pub requests: u64,
}

impl ApplyReport {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.applied.iter().filter(|a| a.outcome == outcome).count()
    }

    pub fn is_success(&self) -> bool {
        self.failed.is_empty()
    }
}

/// Applies `manifests` with field manager [`names::FIELD_MANAGER`], forcing ownership of the
/// fields qctl sets. Namespaced objects without a namespace of their own go to `namespace`.
pub async fn apply(
    conn: &Connection,
    manifests: &[Manifest],
    namespace: &str,
    opts: ApplyOptions,
) -> Result<ApplyReport, ClusterError> {
    let start = conn.requests();
    let mut tiers: BTreeMap<Tier, Vec<&Manifest>> = BTreeMap::new();
    for manifest in manifests {
        tiers.entry(manifest.kind.tier).or_default().push(manifest);
    }
    let mut report = ApplyReport {
        dry_run: opts.dry_run,
        applied: Vec::new(),
        failed: Vec::new(),
        requests: 0,
    };
    let live = if opts.dry_run {
        None
    } else {
        Some(live_versions(conn, manifests, namespace).await?)
    };
    let live = live.as_ref();
    let mut new_namespaces = BTreeSet::new();
    for tier in tiers.values() {
        let known_new = &new_namespaces;
        let mut results: Vec<_> = futures::stream::iter(tier.iter().enumerate())
            .map(|(index, manifest)| async move {
                let result = match manifest.target_namespace(namespace) {
                    Some(ns) if known_new.contains(ns) => Ok(Applied {
                        object: manifest.object_ref(namespace),
                        file: manifest.file.clone(),
                        outcome: Outcome::Created,
                    }),
                    _ => apply_one(conn, manifest, namespace, live).await,
                };
                (index, result)
            })
            .buffer_unordered(CONCURRENCY)
            .collect()
            .await;
        results.sort_by_key(|(index, _)| *index);
        for (_, result) in results {
            match result {
                Ok(applied) => {
                    if opts.dry_run
                        && applied.outcome == Outcome::Created
                        && applied.object.kind == "Namespace"
                    {
                        new_namespaces.insert(applied.object.name.clone());
                    }
                    report.applied.push(applied)
                }
                Err(error) => report.failed.push(error),
            }
        }
    }
    report.requests = conn.requests() - start;
    Ok(report)
}

/// Where an object is: kind, namespace (`None` when cluster-scoped), name.
type ObjectKey = (String, Option<String>, String);

/// `resourceVersion` of every live object qctl manages among the kinds and namespaces of
/// `manifests`: one LIST per kind and namespace instead of one GET per object.
async fn live_versions(
    conn: &Connection,
    manifests: &[Manifest],
    namespace: &str,
) -> Result<HashMap<ObjectKey, Option<String>>, ClusterError> {
    let mut groups: BTreeMap<(String, Option<String>), &Manifest> = BTreeMap::new();
    for m in manifests {
        let ns = m.target_namespace(namespace).map(str::to_string);
        groups
            .entry((m.kind.resource.kind.clone(), ns))
            .or_insert(m);
    }
    let params = ListParams::default().labels(names::MANAGED_SELECTOR);
    let mut live = HashMap::new();
    for ((kind, ns), m) in groups {
        let api: Api<DynamicObject> = match &ns {
            Some(ns) => Api::namespaced_with(conn.client.clone(), ns, &m.kind.resource),
            None => Api::all_with(conn.client.clone(), &m.kind.resource),
        };
        match conn.call(|| api.list(&params)).await {
            Ok(list) => {
                for object in list.items {
                    let key = (kind.clone(), ns.clone(), object.name_any());
                    live.insert(key, object.metadata.resource_version);
                }
            }
            // The namespace does not exist yet: nothing of this kind is live there.
            Err(kube::Error::Api(e)) if e.code == 404 => {}
            Err(e) => {
                let object = ObjectRef {
                    kind: kind.clone(),
                    name: "*".into(),
                    namespace: ns.clone(),
                };
                return Err(conn.error("list", object, Some(m.file.as_path()), e));
            }
        }
    }
    Ok(live)
}

/// Applies one object; `live` holds the versions read before a real apply, `None` for a dry
/// run (which reads the live object itself).
async fn apply_one(
    conn: &Connection,
    manifest: &Manifest,
    namespace: &str,
    live: Option<&HashMap<ObjectKey, Option<String>>>,
) -> Result<Applied, ClusterError> {
    let dry_run = live.is_none();
    let object = manifest.object_ref(namespace);
    let file = Some(manifest.file.as_path());
    let resource = &manifest.kind.resource;
    let api: Api<DynamicObject> = match manifest.target_namespace(namespace) {
        Some(ns) => Api::namespaced_with(conn.client.clone(), ns, resource),
        None => Api::all_with(conn.client.clone(), resource),
    };
    let name = manifest.name();

    let live_object = match live {
        Some(_) => None,
        None => conn
            .call(|| api.get_opt(name))
            .await
            .map_err(|e| conn.error("read", object.clone(), file, e))?,
    };

    let mut body = manifest.object.clone();
    body.metadata.namespace = object.namespace.clone();
    let mut params = PatchParams::apply(names::FIELD_MANAGER).force();
    if dry_run {
        params = params.dry_run();
    }
    let patch = Patch::Apply(&body);
    let result = conn
        .call(|| api.patch(name, &params, &patch))
        .await
        .map_err(|e| conn.error("apply", object.clone(), file, e))?;

    let outcome = match live {
        Some(versions) => {
            let key = (
                object.kind.clone(),
                object.namespace.clone(),
                object.name.clone(),
            );
            match versions.get(&key) {
                None => Outcome::Created,
                Some(before) if *before == result.metadata.resource_version => Outcome::Unchanged,
                Some(_) => Outcome::Changed,
            }
        }
        None => match &live_object {
            None => Outcome::Created,
            Some(live) if comparable(live) == comparable(&result) => Outcome::Unchanged,
            Some(_) => Outcome::Changed,
        },
    };
    Ok(Applied {
        object,
        file: manifest.file.clone(),
        outcome,
    })
}

/// The object without what the server maintains on its own.
fn comparable(object: &DynamicObject) -> DynamicObject {
    let mut object = object.clone();
    object.metadata.resource_version = None;
    object.metadata.generation = None;
    object.metadata.managed_fields = None;
    if let Some(data) = object.data.as_object_mut() {
        data.remove("status");
    }
    object
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dry_run_compares_objects_without_server_maintained_fields() {
        let live: DynamicObject = serde_json::from_value(serde_json::json!({
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "a", "resourceVersion": "7", "generation": 1,
                         "managedFields": [{"manager": "qctl"}]},
            "data": {"k": "v"}, "status": {"x": 1}
        }))
        .unwrap();
        let mut same = live.clone();
        same.metadata.resource_version = Some("8".into());
        same.metadata.managed_fields = None;
        same.data["status"] = serde_json::json!({"x": 2});
        assert_eq!(comparable(&live), comparable(&same));
        let mut changed = live.clone();
        changed.data["data"]["k"] = "w".into();
        assert_ne!(comparable(&live), comparable(&changed));
    }
}
