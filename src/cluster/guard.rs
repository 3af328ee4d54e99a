//! The live-network guard: `out/` generated elsewhere (another folder, other keys) must not be
//! deployed over a running network. Before anything is applied, the live genesis ConfigMap
//! and each node's identity ConfigMap are compared with `out/`'s: a different genesis or a
//! node with another enode id or address is refused unless the caller replaces identities on
//! purpose. One GET (the genesis) and one LIST (the identity ConfigMaps).

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::ConfigMap;
use sha2::{Digest, Sha256};

use super::connect::Connection;
use super::error::{ClusterError, ObjectRef};
use super::manifests::Manifest;
use crate::k8s::names::{self, components, identity_keys};

/// One way `out/` differs from the live network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub object: ObjectRef,
    /// What differs, e.g. `genesis.json sha256 1a2b3c4d… live, 5e6f… in out/`.
    pub detail: String,
}

/// The live objects that `manifests` would change into another network's.
pub async fn check(
    conn: &Connection,
    manifests: &[Manifest],
    namespace: &str,
) -> Result<Vec<Difference>, ClusterError> {
    let configmaps: Vec<&Manifest> = manifests
        .iter()
        .filter(|m| m.kind.resource.kind == "ConfigMap")
        .collect();
    let data = |m: &Manifest, key: &str| m.object.data["data"][key].as_str().map(str::to_string);
    let object_ref = |name: &str| ObjectRef {
        kind: "ConfigMap".into(),
        name: name.into(),
        namespace: Some(namespace.into()),
    };
    let mut differences = Vec::new();

    if let Some(genesis) = configmaps
        .iter()
        .find(|m| m.name() == names::GENESIS_CONFIGMAP)
    {
        let live: Option<ConfigMap> = conn.get_opt(namespace, names::GENESIS_CONFIGMAP).await?;
        let live = live
            .and_then(|c| c.data)
            .and_then(|d| d.get(names::GENESIS_KEY).cloned());
        let ours = data(genesis, names::GENESIS_KEY);
        if let (Some(live), Some(ours)) = (live, ours)
            && live != ours
        {
            differences.push(Difference {
                object: object_ref(names::GENESIS_CONFIGMAP),
                detail: format!(
                    "{} sha256 {} live, {} in out/",
                    names::GENESIS_KEY,
                    short(&sha256(&live)),
                    short(&sha256(&ours))
                ),
            });
        }
    }

    let identities: Vec<&&Manifest> = configmaps
        .iter()
        .filter(|m| {
            m.object
                .metadata
                .labels
                .as_ref()
                .and_then(|l| l.get(names::LABEL_COMPONENT))
                == Some(&components::IDENTITY.to_string())
        })
        .collect();
    if !identities.is_empty() {
        let selector = format!(
            "{},{}={}",
            names::MANAGED_SELECTOR,
            names::LABEL_COMPONENT,
            components::IDENTITY
        );
        let live: Vec<ConfigMap> = conn.list(namespace, &selector).await?;
        let live: BTreeMap<String, BTreeMap<String, String>> = live
            .into_iter()
            .filter_map(|c| Some((c.metadata.name?, c.data.unwrap_or_default())))
            .collect();
        for m in identities {
            let Some(live) = live.get(m.name()) else {
                continue;
            };
            let mut changes = Vec::new();
            for (key, what) in [
                (identity_keys::ENODE_ID, "enode id"),
                (identity_keys::NODE_ADDRESS, "address"),
            ] {
                let (Some(before), Some(after)) = (live.get(key), data(m, key)) else {
                    continue;
                };
                if *before != after {
                    changes.push(format!(
                        "{what} {} live, {} in out/",
                        short(before),
                        short(&after)
                    ));
                }
            }
            if !changes.is_empty() {
                differences.push(Difference {
                    object: object_ref(m.name()),
                    detail: changes.join("; "),
                });
            }
        }
    }
    Ok(differences)
}

fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The first 12 characters of a hash, enode id or address, and `…`.
fn short(text: &str) -> String {
    let text = text.strip_prefix("0x").unwrap_or(text);
    match text.char_indices().nth(12) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_ids_are_shortened_and_short_ones_kept() {
        assert_eq!(short("0x0123456789abcdef"), "0123456789ab…");
        assert_eq!(short("abc"), "abc");
    }
}
