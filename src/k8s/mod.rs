//! Kubernetes manifests of a network, built from k8s-openapi types. Pure: no network I/O.

pub mod names;
