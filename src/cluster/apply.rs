//! Server-side apply of `out/`, tier by tier, objects of a tier concurrently.
//!
//! An object is **created** when it was not live before, **changed** when a field qctl sets
//! (a key of its manifest, at any depth) has another value afterwards, else **unchanged**.
//! Comparing only the manifest's own fields matters on a real cluster: controllers write
//! `status`, annotations and `resourceVersion` of Deployments and PVCs at any moment, and
//! those writes are not qctl's changes.
//! - for a real apply, one LIST per kind and namespace (of the objects qctl manages) before the
//!   applies gives each live object; Secrets are listed as metadata only (their data never
//!   leaves the server) and compared by `resourceVersion`, which only their writers bump.
//!   Requests: one per object plus one per kind and namespace.
//! - for a dry run nothing is written, so one GET per object reads the live object to compare
//!   with the returned one; objects in a namespace the same dry run would create are reported
//!   created without asking, as the server cannot dry-run into a namespace that does not
//!   exist. Requests: two per object.
//!
//! Fields another field manager owns are not taken over unless `force_conflicts` says so: the
//! server answers 409 naming the manager and the fields. A tier with a failed object stops the
//! apply, since later tiers refer to it (a Deployment mounts the Secret of an earlier tier).

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
    /// Take over fields that another field manager owns instead of failing with a conflict.
    pub force_conflicts: bool,
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
    /// A node's Deployment applied with 0 replicas, as `qctl node stop` left it.
    pub kept_stopped: bool,
}

#[derive(Debug)]
pub struct ApplyReport {
    pub dry_run: bool,
    /// In apply order.
    pub applied: Vec<Applied>,
    /// Objects the server refused, each with its file and the server's message.
    pub failed: Vec<ClusterError>,
    /// Objects not sent because an earlier tier failed.
    pub skipped: Vec<ObjectRef>,
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

    /// The Deployments kept at 0 replicas because `qctl node stop` stopped them.
    pub fn kept_stopped(&self) -> Vec<String> {
        let stopped = self.applied.iter().filter(|a| a.kept_stopped);
        stopped.map(|a| a.object.name.clone()).collect()
    }
}

/// Applies `manifests` with field manager [`names::FIELD_MANAGER`]. Namespaced objects without
/// a namespace of their own go to `namespace`.
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
        skipped: Vec::new(),
        requests: 0,
    };
    let live = if opts.dry_run {
        None
    } else {
        Some(live_objects(conn, manifests, namespace).await?)
    };
    let live = live.as_ref();
    let mut new_namespaces = BTreeSet::new();
    for tier in tiers.values() {
        if !report.failed.is_empty() {
            report
                .skipped
                .extend(tier.iter().map(|m| m.object_ref(namespace)));
            continue;
        }
        let known_new = &new_namespaces;
        let mut results: Vec<_> = futures::stream::iter(tier.iter().enumerate())
            .map(|(index, manifest)| async move {
                let result = match manifest.target_namespace(namespace) {
                    Some(ns) if known_new.contains(ns) => Ok(Applied {
                        object: manifest.object_ref(namespace),
                        file: manifest.file.clone(),
                        outcome: Outcome::Created,
                        kept_stopped: false,
                    }),
                    _ => apply_one(conn, manifest, namespace, live, opts).await,
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

/// What an object looked like before the apply.
enum Live {
    /// A Secret: its `resourceVersion` only.
    Version(Option<String>),
    Object(Box<DynamicObject>),
}

/// Every live object qctl manages among the kinds and namespaces of `manifests`: one LIST per
/// kind and namespace instead of one GET per object.
async fn live_objects(
    conn: &Connection,
    manifests: &[Manifest],
    namespace: &str,
) -> Result<HashMap<ObjectKey, Live>, ClusterError> {
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
        let listed = if kind == "Secret" {
            conn.call(|| api.list_metadata(&params)).await.map(|list| {
                let versions = list.items.into_iter();
                versions
                    .map(|o| (o.name_any(), Live::Version(o.metadata.resource_version)))
                    .collect::<Vec<_>>()
            })
        } else {
            conn.call(|| api.list(&params)).await.map(|list| {
                let objects = list.items.into_iter();
                objects
                    .map(|o| (o.name_any(), Live::Object(Box::new(o))))
                    .collect()
            })
        };
        match listed {
            Ok(objects) => {
                for (name, object) in objects {
                    live.insert((kind.clone(), ns.clone(), name), object);
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
    live: Option<&HashMap<ObjectKey, Live>>,
    opts: ApplyOptions,
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

    let key = (
        object.kind.clone(),
        object.namespace.clone(),
        object.name.clone(),
    );
    let live_object = live_object.map(|o| Live::Object(Box::new(o)));
    let before = match live {
        Some(objects) => objects.get(&key),
        None => live_object.as_ref(),
    };
    let mut body = manifest.object.clone();
    body.metadata.namespace = object.namespace.clone();
    let kept_stopped = object.kind == "Deployment"
        && super::scale::keep_stopped(
            &mut body,
            match before {
                Some(Live::Object(o)) => Some(o),
                _ => None,
            },
        );
    let mut params = PatchParams::apply(names::FIELD_MANAGER);
    if opts.force_conflicts {
        params = params.force();
    }
    if dry_run {
        params = params.dry_run();
    }
    let patch = Patch::Apply(&body);
    let result = conn
        .call(|| api.patch(name, &params, &patch))
        .await
        .map_err(|e| conn.error("apply", object.clone(), file, e))?;

    let same = match before {
        None => None,
        Some(Live::Version(version)) => Some(*version == result.metadata.resource_version),
        Some(Live::Object(before)) => Some(same_fields(&manifest.object, before, &result)),
    };
    let outcome = match same {
        None => Outcome::Created,
        Some(true) => Outcome::Unchanged,
        Some(false) => Outcome::Changed,
    };
    Ok(Applied {
        object,
        file: manifest.file.clone(),
        outcome,
        kept_stopped,
    })
}

/// Whether `before` and `after` agree on every field `manifest` sets. Lists are compared
/// whole, as the server returns them (defaults included) on both sides. The object's type is
/// left out: items of a LIST do not carry it.
fn same_fields(manifest: &DynamicObject, before: &DynamicObject, after: &DynamicObject) -> bool {
    let mut shape = serde_json::to_value(manifest).unwrap_or_default();
    if let Some(shape) = shape.as_object_mut() {
        shape.remove("apiVersion");
        shape.remove("kind");
    }
    let project =
        |object: &DynamicObject| project(&serde_json::to_value(object).unwrap_or_default(), &shape);
    project(before) == project(after)
}

/// `value` restricted to the keys of `shape`, at every depth of nested maps.
fn project(value: &serde_json::Value, shape: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match (value, shape) {
        (Value::Object(value), Value::Object(shape)) => Value::Object(
            shape
                .iter()
                .filter_map(|(k, s)| value.get(k).map(|v| (k.clone(), project(v, s))))
                .collect(),
        ),
        _ => value.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(json: serde_json::Value) -> DynamicObject {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn only_fields_the_manifest_sets_count_as_changes() {
        let manifest = object(serde_json::json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "a", "labels": {"l": "1"}},
            "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "c"}]}}}
        }));
        let before = object(serde_json::json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "a", "labels": {"l": "1"}, "resourceVersion": "7",
                         "generation": 1, "managedFields": [{"manager": "qctl"}]},
            "spec": {"replicas": 1, "strategy": {"type": "Recreate"},
                     "template": {"spec": {"containers": [{"name": "c", "imagePullPolicy": "Always"}]}}},
            "status": {"readyReplicas": 0}
        }));
        // What controllers write between the list and the apply is not a change of qctl's.
        let mut touched = before.clone();
        touched.types = None;
        touched.metadata.resource_version = Some("9".into());
        touched.metadata.annotations = Some(
            [(
                "deployment.kubernetes.io/revision".to_string(),
                "1".to_string(),
            )]
            .into(),
        );
        touched.data["status"] = serde_json::json!({"readyReplicas": 1});
        assert!(same_fields(&manifest, &before, &touched));
        // A field the manifest sets, here inside a list the server defaulted, is.
        let mut changed = before.clone();
        changed.data["spec"]["template"]["spec"]["containers"][0]["args"] =
            serde_json::json!(["x"]);
        assert!(!same_fields(&manifest, &before, &changed));
        let mut relabelled = before.clone();
        relabelled.metadata.labels = Some([("l".to_string(), "2".to_string())].into());
        assert!(!same_fields(&manifest, &before, &relabelled));
    }
}
