//! The only module that talks to a Kubernetes API server (kube + tokio).
//!
//! Every operation is an `async fn` taking a [`Connection`]; a synchronous caller builds a
//! tokio runtime and `block_on`s it. Every request is counted and transient failures are
//! retried ([`RetryPolicy`]).

pub mod apply;
pub mod connect;
pub mod container;
pub mod destroy;
pub mod error;
pub mod export;
pub mod guard;
pub mod manifests;
pub mod pods;
pub mod prune;
mod retry;
pub mod scale;
pub mod status;
pub mod wait;

pub use apply::{Applied, ApplyOptions, ApplyReport, Outcome, apply};
pub use connect::{Cluster, Connection, connect, connect_with};
pub use destroy::{DestroyReport, destroy};
pub use error::{ApiFailure, ClusterError, ObjectRef, RequestFailure, UnreadyNode};
pub use export::{ExportedNetwork, ExportedNode, read_public_nodes};
pub use manifests::{Manifest, Tier, load_dir};
pub use retry::RetryPolicy;
pub use scale::{Scaled, set_stopped};
pub use status::{
    Endpoints, NodePortMapping, NodeStatus, Status, StatusOptions, Workload, human_age, status,
    workloads,
};
pub use wait::{NodeProgress, wait_ready};
