//! Deleting what `deploy` created, and nothing else: only objects carrying both
//! `app.kubernetes.io/managed-by=qctl` and `app.kubernetes.io/part-of=goquorum-network`, in the
//! given namespace, kinds in reverse apply order. The Namespace itself goes only when it
//! carries those labels (qctl generated it) and data is not kept: deleting a namespace deletes
//! its PVCs.

use futures::StreamExt;
use kube::api::{Api, DeleteParams, DynamicObject, ListParams};

use super::connect::Connection;
use super::error::{ClusterError, ObjectRef};
use super::manifests::{KindInfo, Tier, known_kinds};
use super::retry::is_not_found;
use crate::k8s::names;

/// Deletions sent at once.
const CONCURRENCY: usize = 8;

#[derive(Debug)]
pub struct DestroyReport {
    /// In deletion order.
    pub deleted: Vec<ObjectRef>,
    /// Managed objects left in place because data is kept (PVCs, and their Namespace).
    pub kept: Vec<ObjectRef>,
    pub failed: Vec<ClusterError>,
    pub requests: u64,
}

impl DestroyReport {
    pub fn is_success(&self) -> bool {
        self.failed.is_empty()
    }
}

/// The selector of everything `destroy` may delete.
pub fn destroy_selector() -> String {
    format!(
        "{},{}={}",
        names::MANAGED_SELECTOR,
        names::LABEL_PART_OF,
        names::PART_OF
    )
}

pub async fn destroy(
    conn: &Connection,
    namespace: &str,
    keep_data: bool,
) -> Result<DestroyReport, ClusterError> {
    let start = conn.requests();
    let mut report = DestroyReport {
        deleted: Vec::new(),
        kept: Vec::new(),
        failed: Vec::new(),
        requests: 0,
    };
    let mut kinds = known_kinds();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.tier));
    for kind in &kinds {
        let api: Api<DynamicObject> = if kind.namespaced {
            Api::namespaced_with(conn.client.clone(), namespace, &kind.resource)
        } else {
            Api::all_with(conn.client.clone(), &kind.resource)
        };
        let objects = match list(conn, &api, kind, namespace).await {
            Ok(objects) => objects,
            Err(error) => {
                report.failed.push(error);
                continue;
            }
        };
        let keep = keep_data
            && (kind.tier == Tier::Namespace || kind.resource.kind == "PersistentVolumeClaim");
        let mut targets = Vec::new();
        for object in objects {
            if keep {
                report.kept.push(object);
            } else {
                targets.push(object);
            }
        }
        let results: Vec<_> = futures::stream::iter(targets)
            .map(|object| {
                let api = &api;
                async move { delete(conn, api, object).await }
            })
            .buffered(CONCURRENCY)
            .collect()
            .await;
        for result in results {
            match result {
                Ok(object) => report.deleted.push(object),
                Err(error) => report.failed.push(error),
            }
        }
    }
    report.requests = conn.requests() - start;
    Ok(report)
}

/// Deletes one object in the background (its dependents follow); one already gone counts as
/// deleted.
pub(super) async fn delete(
    conn: &Connection,
    api: &Api<DynamicObject>,
    object: ObjectRef,
) -> Result<ObjectRef, ClusterError> {
    let params = DeleteParams::background();
    match conn.call(|| api.delete(&object.name, &params)).await {
        Ok(_) => Ok(object),
        Err(e) if is_not_found(&e) => Ok(object),
        Err(e) => Err(conn.error("delete", object, None, e)),
    }
}

/// The managed objects of one kind; for Namespaces, only `namespace` itself.
async fn list(
    conn: &Connection,
    api: &Api<DynamicObject>,
    kind: &KindInfo,
    namespace: &str,
) -> Result<Vec<ObjectRef>, ClusterError> {
    let selector = destroy_selector();
    let params = ListParams::default().labels(&selector);
    let scope = kind.namespaced.then(|| namespace.to_string());
    let list = conn.call(|| api.list(&params)).await.map_err(|e| {
        let object = ObjectRef {
            kind: kind.resource.kind.clone(),
            name: selector.clone(),
            namespace: scope.clone(),
        };
        conn.error("list", object, None, e)
    })?;
    let mut objects: Vec<ObjectRef> = list
        .items
        .into_iter()
        .filter(super::manifests::applied_by_qctl)
        .filter_map(|o| o.metadata.name)
        .filter(|name| kind.namespaced || name == namespace)
        .map(|name| ObjectRef {
            kind: kind.resource.kind.clone(),
            name,
            namespace: scope.clone(),
        })
        .collect();
    objects.sort();
    Ok(objects)
}
