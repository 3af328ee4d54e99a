//! Reading `out/` back as API objects, in the order they must be applied.
//!
//! Kinds map to API resources statically from k8s-openapi types: qctl generates a known set,
//! so there is no discovery round-trip, and a kind (or an old apiVersion such as
//! `extensions/v1beta1` Ingress) outside that set is refused naming its file.

use std::path::{Path, PathBuf};

use kube::api::{ApiResource, DynamicObject};
use serde::Deserialize;

use super::error::{ClusterError, ObjectRef};
pub use crate::k8s::Tier;
use crate::k8s::{MANAGED_KINDS, ManagedKind, managed_kind};

/// A kind qctl applies, with where it lives in the API.
#[derive(Debug, Clone)]
pub struct KindInfo {
    pub resource: ApiResource,
    pub namespaced: bool,
    pub tier: Tier,
}

impl From<&ManagedKind> for KindInfo {
    fn from(k: &ManagedKind) -> KindInfo {
        KindInfo {
            resource: ApiResource {
                group: k.group.into(),
                version: k.version.into(),
                api_version: k.api_version.into(),
                kind: k.kind.into(),
                plural: k.plural.into(),
            },
            namespaced: k.namespaced,
            tier: k.tier,
        }
    }
}

/// Every kind qctl generates ([`MANAGED_KINDS`]), in apply order.
pub fn known_kinds() -> Vec<KindInfo> {
    MANAGED_KINDS.iter().map(KindInfo::from).collect()
}

/// One object read from `out/`.
#[derive(Debug, Clone)]
pub struct Manifest {
    pub object: DynamicObject,
    pub kind: KindInfo,
    pub file: PathBuf,
}

impl Manifest {
    pub fn name(&self) -> &str {
        self.object.metadata.name.as_deref().unwrap_or_default()
    }

    /// Namespace the object goes to: its own, else `namespace`; `None` when cluster-scoped.
    pub fn target_namespace<'a>(&'a self, namespace: &'a str) -> Option<&'a str> {
        self.kind.namespaced.then(|| {
            self.object
                .metadata
                .namespace
                .as_deref()
                .unwrap_or(namespace)
        })
    }

    pub fn object_ref(&self, namespace: &str) -> ObjectRef {
        ObjectRef {
            kind: self.kind.resource.kind.clone(),
            name: self.name().to_string(),
            namespace: self.target_namespace(namespace).map(str::to_string),
        }
    }
}

/// Every object of every `*.yaml` in `out/` and `out/deployments/`, sorted by [`Tier`]
/// (files in name order within a tier, as `kubectl apply -f` reads them).
pub fn load_dir(out: &Path) -> Result<Vec<Manifest>, ClusterError> {
    if !out.is_dir() {
        return Err(ClusterError::NoManifestDir {
            dir: out.to_path_buf(),
        });
    }
    let mut manifests = Vec::new();
    for dir in [out.to_path_buf(), out.join(crate::layout::DEPLOYMENTS_DIR)] {
        if !dir.is_dir() {
            continue;
        }
        for file in yaml_files(&dir)? {
            let text = std::fs::read_to_string(&file).map_err(|source| ClusterError::Io {
                path: file.clone(),
                source,
            })?;
            manifests.extend(parse_file(&file, &text)?);
        }
    }
    if manifests.is_empty() {
        return Err(ClusterError::NoManifests {
            dir: out.to_path_buf(),
        });
    }
    manifests.sort_by_key(|m| m.kind.tier);
    Ok(manifests)
}

fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, ClusterError> {
    let io = |source| ClusterError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
        if yaml && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The objects of one multi-document YAML file; empty documents are skipped.
pub fn parse_file(file: &Path, text: &str) -> Result<Vec<Manifest>, ClusterError> {
    let mut manifests = Vec::new();
    for (index, document) in serde_yaml::Deserializer::from_str(text).enumerate() {
        let doc = index + 1;
        let bad = |message: String| ClusterError::BadManifest {
            file: file.to_path_buf(),
            doc,
            message,
        };
        let value = serde_yaml::Value::deserialize(document).map_err(|e| bad(e.to_string()))?;
        if value.is_null() {
            continue;
        }
        let json = serde_json::to_value(&value).map_err(|e| bad(e.to_string()))?;
        let object: DynamicObject = serde_json::from_value(json)
            .map_err(|e| bad(format!("not a Kubernetes object: {e}")))?;
        let Some(types) = object.types.clone() else {
            return Err(bad("`apiVersion` and `kind` are required".into()));
        };
        if object
            .metadata
            .name
            .as_deref()
            .unwrap_or_default()
            .is_empty()
        {
            return Err(bad(format!("{} without `metadata.name`", types.kind)));
        }
        let Some(kind) = managed_kind(&types.api_version, &types.kind) else {
            return Err(ClusterError::UnsupportedKind {
                file: file.to_path_buf(),
                doc,
                api_version: types.api_version,
                kind: types.kind,
                expected: MANAGED_KINDS
                    .iter()
                    .map(|k| format!("`{}` `{}`", k.api_version, k.kind))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        };
        manifests.push(Manifest {
            object,
            kind: kind.into(),
            file: file.to_path_buf(),
        });
    }
    Ok(manifests)
}

/// Whether a live object carrying qctl's label is one qctl applied. Controllers copy labels onto
/// what they make: the EndpointSlice controller gives each Service's slices the Service's labels,
/// the Deployment controller its ReplicaSets and pods. Those have an owner and no field of
/// qctl's, and are never qctl's to prune or delete.
pub fn applied_by_qctl(object: &kube::api::DynamicObject) -> bool {
    let meta = &object.metadata;
    let owned = meta
        .owner_references
        .as_ref()
        .is_some_and(|o| !o.is_empty());
    let fields = meta.managed_fields.as_deref().unwrap_or_default();
    !owned
        && fields
            .iter()
            .any(|f| f.manager.as_deref() == Some(crate::k8s::names::FIELD_MANAGER))
}

#[cfg(test)]
mod tests {
    use super::applied_by_qctl;

    #[test]
    fn objects_a_controller_made_from_qctls_are_not_qctls() {
        let object = |extra: serde_json::Value| -> kube::api::DynamicObject {
            let mut o = serde_json::json!({
                "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
                "metadata": {"name": "node1-abcde",
                             "labels": {"app.kubernetes.io/managed-by": "qctl"}}
            });
            for (k, v) in extra.as_object().unwrap() {
                o["metadata"][k] = v.clone();
            }
            serde_json::from_value(o).unwrap()
        };
        let by_qctl = serde_json::json!([{"manager": "qctl", "operation": "Apply"}]);
        let by_controller =
            serde_json::json!([{"manager": "endpointslice-controller", "operation": "Update"}]);
        let owner = serde_json::json!([{"apiVersion": "v1", "kind": "Service", "name": "node1", "uid": "u"}]);
        assert!(applied_by_qctl(&object(
            serde_json::json!({"managedFields": by_qctl})
        )));
        assert!(!applied_by_qctl(&object(
            serde_json::json!({"managedFields": by_controller})
        )));
        assert!(!applied_by_qctl(&object(
            serde_json::json!({"managedFields": by_qctl, "ownerReferences": owner})
        )));
        assert!(!applied_by_qctl(&object(serde_json::json!({}))));
    }

    use super::*;

    #[test]
    fn multi_document_files_skip_empty_documents_and_keep_order() {
        let text = "---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n\
                    apiVersion: v1\nkind: Secret\nmetadata: {name: b}\n---\n";
        let manifests = parse_file(Path::new("x.yaml"), text).unwrap();
        let names: Vec<_> = manifests
            .iter()
            .map(|m| (m.kind.resource.kind.as_str(), m.name()))
            .collect();
        assert_eq!(names, [("ConfigMap", "a"), ("Secret", "b")]);
    }

    #[test]
    fn an_unknown_kind_or_removed_api_version_is_refused_naming_the_file() {
        let ingress = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\n";
        let err = parse_file(Path::new("out/06-ingress.yaml"), ingress).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("`out/06-ingress.yaml` document 1"), "{text}");
        assert!(text.contains("`extensions/v1beta1` `Ingress`"), "{text}");
        assert!(text.contains("`networking.k8s.io/v1` `Ingress`"), "{text}");
    }

    #[test]
    fn an_object_without_a_name_is_refused() {
        let err = parse_file(
            Path::new("a.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n",
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("ConfigMap without `metadata.name`"),
            "{err}"
        );
    }

    #[test]
    fn namespaced_objects_go_to_their_own_namespace_or_the_default() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: own}\n---\n\
                    apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n---\n\
                    apiVersion: v1\nkind: Namespace\nmetadata: {name: own}\n";
        let m = parse_file(Path::new("x.yaml"), text).unwrap();
        assert_eq!(m[0].target_namespace("dflt"), Some("own"));
        assert_eq!(m[1].target_namespace("dflt"), Some("dflt"));
        assert_eq!(m[2].target_namespace("dflt"), None);
    }
}
