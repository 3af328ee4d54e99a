//! Stopping and starting a node: its Deployment scaled to 0 or 1 with the
//! [`names::ANNOTATION_STOPPED`] annotation set or removed, in one merge patch. Nothing else of
//! the node is touched: its keys, volume (PVC) and Services — and so the NodePorts other
//! organisations dial — stay.
//!
//! A stopped node must stay stopped through a later `deploy`, whose server-side apply of
//! `out/` says `replicas: 1`. [`keep_stopped`] makes `deploy` apply `replicas: 0` to a
//! Deployment carrying the annotation. The other way — leaving `replicas` out of the applied
//! manifest so that the field stays with the manager that scaled it — does not work on a real
//! API server: `qctl` owns `spec.replicas` from every earlier apply, and a field its manager
//! stops applying is removed when no other manager owns it, which defaults it back to 1. It
//! would also make `out/` depend on the cluster's state. So the merge patch, field manager
//! [`names::SCALE_FIELD_MANAGER`], takes `replicas` over (an update always may), and `deploy`
//! applies the same value, which a real server accepts without a conflict; the annotation is
//! never in an applied manifest, so `deploy` never removes it.

use k8s_openapi::api::apps::v1::Deployment;
use kube::api::{Api, DynamicObject, Patch, PatchParams};

use super::connect::Connection;
use super::error::{ClusterError, ObjectRef};
use crate::k8s::names;

/// What `node stop` or `node start` found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scaled {
    /// The Deployment was patched.
    Done,
    /// It was already in that state (annotation and replicas); nothing was sent.
    Already,
    /// There is no Deployment of that name: the node is not deployed.
    NotDeployed,
}

/// Whether a live Deployment is stopped by qctl.
pub fn is_stopped(annotations: Option<&std::collections::BTreeMap<String, String>>) -> bool {
    annotations
        .and_then(|a| a.get(names::ANNOTATION_STOPPED))
        .is_some_and(|v| v == "true")
}

/// Scales the Deployment of `node` to 0 with the stopped annotation (`stop`), or back to 1
/// without it. One GET, and one PATCH unless it is already so.
pub async fn set_stopped(
    conn: &Connection,
    namespace: &str,
    node: &str,
    stop: bool,
) -> Result<Scaled, ClusterError> {
    let name = names::workload(node);
    let Some(live) = conn.get_opt::<Deployment>(namespace, &name).await? else {
        return Ok(Scaled::NotDeployed);
    };
    let replicas = live.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1);
    let want = i32::from(!stop);
    if is_stopped(live.metadata.annotations.as_ref()) == stop && replicas == want {
        return Ok(Scaled::Already);
    }
    let annotation = if stop {
        serde_json::Value::from("true")
    } else {
        serde_json::Value::Null
    };
    let patch = serde_json::json!({
        "metadata": {"annotations": {names::ANNOTATION_STOPPED: annotation}},
        "spec": {"replicas": want},
    });
    let api: Api<Deployment> = Api::namespaced(conn.client.clone(), namespace);
    let params = PatchParams {
        field_manager: Some(names::SCALE_FIELD_MANAGER.into()),
        ..PatchParams::default()
    };
    let patch = Patch::Merge(&patch);
    conn.call(|| api.patch(&name, &params, &patch))
        .await
        .map_err(|e| {
            let object = ObjectRef {
                kind: "Deployment".into(),
                name: name.clone(),
                namespace: Some(namespace.into()),
            };
            conn.error(if stop { "stop" } else { "start" }, object, None, e)
        })?;
    Ok(Scaled::Done)
}

/// Makes the apply body of a node's Deployment keep it stopped when the live one is: replicas
/// 0 instead of the manifest's. Returns whether it did.
pub fn keep_stopped(body: &mut DynamicObject, live: Option<&DynamicObject>) -> bool {
    let stopped = live.is_some_and(|l| {
        let annotations = l.metadata.annotations.as_ref();
        is_stopped(annotations)
    });
    if stopped {
        body.data["spec"]["replicas"] = 0.into();
    }
    stopped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_deployment_is_applied_with_no_replicas_and_a_running_one_as_generated() {
        let manifest: DynamicObject = serde_json::from_value(serde_json::json!({
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "n"},
            "spec": {"replicas": 1}
        }))
        .unwrap();
        let mut live = manifest.clone();
        let mut body = manifest.clone();
        assert!(!keep_stopped(&mut body, Some(&live)));
        assert!(!keep_stopped(&mut body, None));
        assert_eq!(body.data["spec"]["replicas"], 1);
        live.metadata.annotations =
            Some([(names::ANNOTATION_STOPPED.to_string(), "true".to_string())].into());
        assert!(keep_stopped(&mut body, Some(&live)));
        assert_eq!(body.data["spec"]["replicas"], 0);
        // The annotation stays with the manager that set it: deploy never applies it.
        assert!(body.metadata.annotations.is_none());
    }
}
