//! Pruning: the objects qctl labelled as its own (`app.kubernetes.io/managed-by=qctl`) in the
//! target namespace that `out/` no longer contains — what is left of a node removed from the
//! config. One LIST per namespaced managed kind to plan; deletions in reverse apply order.
//!
//! PVCs (chain data) are kept unless asked. For a removed node's identity ConfigMap, its
//! consensus and validator address are read before it goes, so the caller can say how to vote
//! the node out of the running validator set.

use std::collections::BTreeSet;

use futures::StreamExt;
use kube::ResourceExt;
use kube::api::{Api, DynamicObject, ListParams};

use super::connect::Connection;
use super::error::{ClusterError, ObjectRef};
use super::manifests::{Manifest, known_kinds};
use super::retry::is_not_found;
use crate::k8s::names::{self, components, identity_keys};

/// Deletions sent at once.
const CONCURRENCY: usize = 8;

/// The objects of removed nodes, in deletion order.
#[derive(Debug, Clone, Default)]
pub struct PrunePlan {
    pub delete: Vec<ObjectRef>,
    /// PVCs that would be pruned but hold chain data; deleted only when asked.
    pub kept_data: Vec<ObjectRef>,
    /// Identities of removed nodes, from their identity ConfigMaps.
    pub removed_identities: Vec<RemovedIdentity>,
}

impl PrunePlan {
    pub fn is_empty(&self) -> bool {
        self.delete.is_empty() && self.kept_data.is_empty()
    }
}

/// What a removed node's identity ConfigMap said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedIdentity {
    pub node: String,
    pub consensus: String,
    pub address: String,
    /// Its enode id: how a raft cluster names its member.
    pub enode_id: String,
}

impl RemovedIdentity {
    pub fn vote_out(&self) -> Option<String> {
        vote_out(&self.consensus, &self.address)
    }
}

/// The command that votes a member with `address` out of the validator (or signer) set, for
/// the consensus protocols with votes.
pub fn vote_out(consensus: &str, address: &str) -> Option<String> {
    match consensus {
        "qbft" | "istanbul" | "ibft" | "clique" => {
            Some(format!("qctl validator propose --remove {address}"))
        }
        _ => None,
    }
}

/// The qctl-labelled objects in `namespace` that `manifests` do not contain. With
/// `prune_data`, PVCs are among them; otherwise they are listed as kept.
pub async fn plan(
    conn: &Connection,
    manifests: &[Manifest],
    namespace: &str,
    prune_data: bool,
) -> Result<PrunePlan, ClusterError> {
    let wanted: BTreeSet<(String, String, String)> = manifests
        .iter()
        .filter_map(|m| {
            let ns = m.target_namespace(namespace)?;
            Some((
                m.kind.resource.kind.clone(),
                ns.to_string(),
                m.name().into(),
            ))
        })
        .collect();
    let mut kinds: Vec<_> = known_kinds().into_iter().filter(|k| k.namespaced).collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.tier));
    let params = ListParams::default().labels(names::MANAGED_SELECTOR);
    let mut plan = PrunePlan::default();
    for kind in kinds {
        let api: Api<DynamicObject> =
            Api::namespaced_with(conn.client.clone(), namespace, &kind.resource);
        let objects = match conn.call(|| api.list(&params)).await {
            Ok(list) => list.items,
            // The namespace does not exist yet: nothing to prune.
            Err(e) if is_not_found(&e) => Vec::new(),
            Err(e) => {
                let object = ObjectRef {
                    kind: kind.resource.kind.clone(),
                    name: names::MANAGED_SELECTOR.into(),
                    namespace: Some(namespace.into()),
                };
                return Err(conn.error("list", object, None, e));
            }
        };
        let mut objects: Vec<DynamicObject> = objects
            .into_iter()
            .filter(|o| {
                let key = (kind.resource.kind.clone(), namespace.into(), o.name_any());
                !wanted.contains(&key) && super::manifests::applied_by_qctl(o)
            })
            .collect();
        objects.sort_by_key(ResourceExt::name_any);
        for object in objects {
            let object_ref = ObjectRef {
                kind: kind.resource.kind.clone(),
                name: object.name_any(),
                namespace: Some(namespace.into()),
            };
            if kind.resource.kind == "ConfigMap"
                && object
                    .labels()
                    .get(names::LABEL_COMPONENT)
                    .map(String::as_str)
                    == Some(components::IDENTITY)
                && let Some(identity) = identity(&object)
            {
                plan.removed_identities.push(identity);
            }
            if kind.resource.kind == "PersistentVolumeClaim" && !prune_data {
                plan.kept_data.push(object_ref);
            } else {
                plan.delete.push(object_ref);
            }
        }
    }
    Ok(plan)
}

fn identity(object: &DynamicObject) -> Option<RemovedIdentity> {
    let data = &object.data["data"];
    let get = |key: &str| data[key].as_str().map(str::to_string);
    Some(RemovedIdentity {
        node: get(identity_keys::NODE).unwrap_or_else(|| object.name_any()),
        consensus: get(identity_keys::CONSENSUS)?,
        address: get(identity_keys::NODE_ADDRESS)?,
        enode_id: get(identity_keys::ENODE_ID)?,
    })
}

/// Deletes the planned objects, kinds in the plan's (reverse apply) order. Objects already
/// gone count as deleted.
pub async fn prune(conn: &Connection, plan: &PrunePlan) -> (Vec<ObjectRef>, Vec<ClusterError>) {
    let kinds: std::collections::HashMap<String, _> = known_kinds()
        .into_iter()
        .map(|k| (k.resource.kind.clone(), k))
        .collect();
    let results: Vec<_> = futures::stream::iter(plan.delete.iter().cloned())
        .map(|object| {
            let kinds = &kinds;
            async move {
                let Some(kind) = kinds.get(&object.kind) else {
                    return Ok(object);
                };
                let ns = object.namespace.clone().unwrap_or_default();
                let api: Api<DynamicObject> =
                    Api::namespaced_with(conn.client.clone(), &ns, &kind.resource);
                super::destroy::delete(conn, &api, object).await
            }
        })
        .buffered(CONCURRENCY)
        .collect()
        .await;
    let mut deleted = Vec::new();
    let mut failed = Vec::new();
    for result in results {
        match result {
            Ok(object) => deleted.push(object),
            Err(error) => failed.push(error),
        }
    }
    (deleted, failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validators_are_voted_out_with_their_protocols_console_call() {
        let id = |consensus: &str| RemovedIdentity {
            node: "n".into(),
            consensus: consensus.into(),
            address: "0xabc".into(),
            enode_id: "ab".repeat(64),
        };
        for consensus in ["qbft", "istanbul", "clique"] {
            assert_eq!(
                id(consensus).vote_out().unwrap(),
                "qctl validator propose --remove 0xabc"
            );
        }
        assert_eq!(id("raft").vote_out(), None);
    }
}
