//! `qctl init`: a minimal config for a new network.

use std::path::PathBuf;

use crate::config::{self, Config};
use crate::network::{Consensus, TxManagerKind};

#[derive(Debug, Clone)]
pub struct InitOptions {
    pub path: PathBuf,
    pub num: usize,
    pub consensus: Consensus,
    pub quorum_version: semver::Version,
    pub tm: TxManagerKind,
    pub tm_version: semver::Version,
    pub chain_id: u64,
    pub name_prefix: String,
    pub namespace: Option<String>,
    pub force: bool,
}

/// Writes the config; refuses to overwrite unless `force`.
pub fn init(opts: &InitOptions) -> Result<Config, config::ConfigError> {
    config::create(
        &opts.path,
        &config::initial_config(&config::InitialConfig {
            num: opts.num,
            consensus: opts.consensus,
            quorum_version: &opts.quorum_version,
            tm: opts.tm,
            tm_version: &opts.tm_version,
            chain_id: opts.chain_id,
            name_prefix: &opts.name_prefix,
            namespace: opts.namespace.as_deref(),
        }),
        opts.force,
    )
}
