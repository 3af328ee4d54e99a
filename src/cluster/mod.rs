//! The only module that talks to a Kubernetes API server (kube + tokio).
