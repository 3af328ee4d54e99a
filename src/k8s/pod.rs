//! Pieces every pod qctl generates shares: its security context, resources, ports and
//! volumes.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{Deployment, DeploymentSpec, DeploymentStrategy};
use k8s_openapi::api::core::v1::{
    Capabilities, ConfigMapVolumeSource, ContainerPort, PodSecurityContext, PodSpec,
    PodTemplateSpec, ResourceRequirements, SeccompProfile, SecurityContext, Volume, VolumeMount,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};

use crate::network::K8sSettings;

/// A Deployment of one pod: `meta` for the Deployment, `labels` (a superset of `selector`)
/// for the pod, whose `default_container` `kubectl logs` and `exec` pick without `-c`.
pub(super) fn deployment(
    meta: ObjectMeta,
    selector: BTreeMap<String, String>,
    labels: BTreeMap<String, String>,
    mut annotations: BTreeMap<String, String>,
    (spec, default_container): (PodSpec, &str),
    strategy: Option<DeploymentStrategy>,
) -> Deployment {
    annotations.insert(
        "kubectl.kubernetes.io/default-container".to_string(),
        default_container.to_string(),
    );
    Deployment {
        metadata: meta,
        spec: Some(DeploymentSpec {
            replicas: Some(1),
            strategy,
            selector: LabelSelector {
                match_labels: Some(selector),
                ..LabelSelector::default()
            },
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(labels),
                    annotations: Some(annotations),
                    ..ObjectMeta::default()
                }),
                spec: Some(spec),
            },
            ..DeploymentSpec::default()
        }),
        ..Deployment::default()
    }
}

/// A pod that runs as non-root with `uid` (the group and `fsGroup` too) unless
/// `k8s.securityContext` names other ids, under the `RuntimeDefault` seccomp profile.
pub(super) fn pod_security(settings: &K8sSettings, uid: i64) -> PodSecurityContext {
    PodSecurityContext {
        run_as_non_root: Some(true),
        run_as_user: Some(settings.run_as_user.unwrap_or(uid)),
        run_as_group: Some(settings.run_as_group.unwrap_or(uid)),
        fs_group: Some(settings.fs_group.unwrap_or(uid)),
        fs_group_change_policy: Some("OnRootMismatch".into()),
        seccomp_profile: Some(SeccompProfile {
            type_: "RuntimeDefault".into(),
            localhost_profile: None,
        }),
        ..PodSecurityContext::default()
    }
}

pub(super) fn configmap_volume(name: &str, configmap: &str) -> Volume {
    Volume {
        name: name.into(),
        config_map: Some(ConfigMapVolumeSource {
            name: configmap.into(),
            ..ConfigMapVolumeSource::default()
        }),
        ..Volume::default()
    }
}

pub(super) fn mount(volume: &str, path: &str, read_only: bool) -> VolumeMount {
    VolumeMount {
        name: volume.into(),
        mount_path: path.into(),
        read_only: read_only.then_some(true),
        ..VolumeMount::default()
    }
}

pub(super) fn container_port(name: &str, port: u16) -> ContainerPort {
    ContainerPort {
        name: Some(name.into()),
        container_port: port.into(),
        protocol: Some("TCP".into()),
        ..ContainerPort::default()
    }
}

/// Requests for scheduling, and a memory limit so a leaking node cannot starve its neighbours.
/// No CPU limit: throttling a consensus participant costs more than it protects.
pub(super) fn resources(cpu: &str, memory: &str, memory_limit: &str) -> ResourceRequirements {
    let quantity = |s: &str| Quantity(s.into());
    ResourceRequirements {
        requests: Some(BTreeMap::from([
            ("cpu".to_string(), quantity(cpu)),
            ("memory".to_string(), quantity(memory)),
        ])),
        limits: Some(BTreeMap::from([(
            "memory".to_string(),
            quantity(memory_limit),
        )])),
        ..ResourceRequirements::default()
    }
}

pub(super) fn container_security() -> SecurityContext {
    SecurityContext {
        allow_privilege_escalation: Some(false),
        capabilities: Some(Capabilities {
            drop: Some(vec!["ALL".into()]),
            add: None,
        }),
        read_only_root_filesystem: Some(true),
        ..SecurityContext::default()
    }
}
