//! The join bundle exchanged between organisations (`export-external` → `add-external`).
//!
//! Import is [`load`] (size limit, safe YAML scan, serde, [`validate`]) then [`plan_import`]
//! against the local config; export is [`build_bundle`] then [`render`]. Nothing here does I/O.
//! The format is specified in `docs/join-bundle.md`.

mod error;
mod export;
mod model;
mod parse;
mod plan;
mod url;
mod validate;

pub use error::{At, BundleError, MAX_BUNDLE_BYTES, Problem, Problems};
pub use export::{ExportedNode, Format, build_bundle, render};
pub use model::{API_VERSION, ExternalNodeEntry, JoinBundle, KIND, NetworkInfo};
pub use parse::{Origin, Parsed, parse};
pub use plan::{
    GenesisToPin, ImportPlan, LocalNodeRef, LocalView, PinnedGenesis, check_peer_hosts, plan_import,
};
pub use url::{EnodeUrl, Host, TmUrl};
pub use validate::{ValidBundle, canonical_genesis, genesis_sha256, is_dns1123_label, validate};

/// Parses and validates a bundle: what `add-external` reads. `input_name` is the file path, or
/// `-` for standard input.
pub fn load(input: &[u8], input_name: &str) -> Result<ValidBundle, BundleError> {
    let parsed = parse(input, input_name)?;
    validate(&parsed.bundle, &parsed.origin)
}

#[cfg(test)]
mod tests;
