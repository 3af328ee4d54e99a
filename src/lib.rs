//! qctl takes a GoQuorum network from a minimal `qubernetes.yaml` to running on Kubernetes,
//! and joins networks that different organisations run in different clusters.
//!
//! Layers, from the edge inwards:
//! - [`cli`]: clap commands, one file per subcommand; parse, call one `ops` function, render.
//! - [`ops`]: one module per operation; the steps of a command, with file and cluster I/O.
//! - pure domain modules, no I/O beyond what their names say:
//!   [`config`] (the `qubernetes.yaml` document and its typed model), [`network`] (the resolved
//!   network that generators consume), [`keys`], [`genesis`], [`quorum`] (peer lists, Tessera
//!   and validator config), [`k8s`] (manifest builders), [`external`] (the join bundle).
//! - [`cluster`]: the only module that talks to a Kubernetes API server.
//! - [`error`]: the error of a command and its kind (exit code), converted from each area's
//!   error where it leaves that area.
//! - [`layout`]: every path of `out/` and the key dirs, and which files are qctl's.
//! - [`fsutil`]: atomic writes and the config lock; [`yaml`]: the YAML writer; [`text`]: text
//!   from files, bundles and the cluster made safe to print.

pub mod cli;
pub mod cluster;
pub mod config;
pub mod error;
pub mod external;
pub mod fsutil;
pub mod genesis;
pub mod k8s;
pub mod keys;
pub mod layout;
pub mod network;
pub mod ops;
pub mod quorum;
#[cfg(test)]
mod testing;
pub mod text;
pub mod yaml;
