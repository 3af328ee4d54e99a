//! The kinds qctl manages, in one table: what [`super::build`] generates, what `deploy` accepts
//! from `out/` and applies tier by tier, what `destroy` lists and deletes, and what the API
//! double of the tests serves. A kind added to the manifests is added here, once.

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service};
use k8s_openapi::api::discovery::v1::EndpointSlice;
use k8s_openapi::api::networking::v1::{Ingress, NetworkPolicy};
use k8s_openapi::{ClusterResourceScope, NamespaceResourceScope, Resource};

/// Apply order: each tier only depends on earlier ones (pods need their Secrets, ConfigMaps,
/// PVCs and Services; everything namespaced needs the Namespace). Deletion runs it backwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    Namespace,
    Config,
    Service,
    Workload,
    /// Objects nothing else depends on (Ingress, NetworkPolicy).
    Other,
}

/// A kind qctl manages, with where it lives in the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManagedKind {
    /// `v1`, `apps/v1`, …
    pub api_version: &'static str,
    /// Empty for the core group.
    pub group: &'static str,
    pub version: &'static str,
    pub kind: &'static str,
    /// The resource's path segment, e.g. `persistentvolumeclaims`.
    pub plural: &'static str,
    pub namespaced: bool,
    pub tier: Tier,
}

/// Every kind qctl generates, in apply order.
pub const MANAGED_KINDS: &[ManagedKind] = &[
    managed::<Namespace>(Tier::Namespace),
    managed::<Secret>(Tier::Config),
    managed::<ConfigMap>(Tier::Config),
    managed::<PersistentVolumeClaim>(Tier::Config),
    managed::<Service>(Tier::Service),
    // The endpoints of the selector-less Services that stand for other organisations' Tessera.
    managed::<EndpointSlice>(Tier::Service),
    managed::<Deployment>(Tier::Workload),
    managed::<Ingress>(Tier::Other),
    managed::<NetworkPolicy>(Tier::Other),
];

/// The managed kind of `kind` in `api_version`, if qctl manages it.
pub fn managed_kind(api_version: &str, kind: &str) -> Option<&'static ManagedKind> {
    MANAGED_KINDS
        .iter()
        .find(|k| k.api_version == api_version && k.kind == kind)
}

/// Whether a resource scope is a namespace.
pub trait Scope {
    const NAMESPACED: bool;
}

impl Scope for NamespaceResourceScope {
    const NAMESPACED: bool = true;
}

impl Scope for ClusterResourceScope {
    const NAMESPACED: bool = false;
}

/// The table entry of the k8s-openapi type `K`.
pub const fn managed<K>(tier: Tier) -> ManagedKind
where
    K: Resource,
    K::Scope: Scope,
{
    ManagedKind {
        api_version: K::API_VERSION,
        group: K::GROUP,
        version: K::VERSION,
        kind: K::KIND,
        plural: K::URL_PATH_SEGMENT,
        namespaced: <K::Scope as Scope>::NAMESPACED,
        tier,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_know_their_scope_and_api_path() {
        let find = |k: &str| MANAGED_KINDS.iter().find(|i| i.kind == k).unwrap();
        assert!(!find("Namespace").namespaced);
        assert!(find("Secret").namespaced);
        assert_eq!(find("Deployment").api_version, "apps/v1");
        assert_eq!(find("NetworkPolicy").plural, "networkpolicies");
        assert_eq!(find("EndpointSlice").api_version, "discovery.k8s.io/v1");
        assert_eq!(find("EndpointSlice").plural, "endpointslices");
        assert_eq!(
            find("PersistentVolumeClaim").plural,
            "persistentvolumeclaims"
        );
    }

    #[test]
    fn the_table_is_in_apply_order() {
        assert!(MANAGED_KINDS.windows(2).all(|w| w[0].tier <= w[1].tier));
    }
}
