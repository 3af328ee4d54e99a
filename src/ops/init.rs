//! `qctl init`: a minimal config for a new network.

use std::path::PathBuf;

use serde_json::{Map, Value};

use crate::config::{self, Config, edit};
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
    config::create(&opts.path, &render(opts), opts.force)
}

/// The config text `init` writes.
pub fn render(opts: &InitOptions) -> String {
    let mut genesis = Map::new();
    genesis.insert("consensus".into(), opts.consensus.as_str().into());
    genesis.insert(
        "Quorum_Version".into(),
        opts.quorum_version.to_string().into(),
    );
    genesis.insert("Tm_Version".into(), opts.tm_version.to_string().into());
    genesis.insert("Chain_Id".into(), Value::Number(opts.chain_id.into()));
    let mut top = Map::new();
    top.insert("genesis".into(), Value::Object(genesis));
    if let Some(ns) = &opts.namespace {
        let mut k8s = Map::new();
        k8s.insert("namespace".into(), ns.as_str().into());
        top.insert("k8s".into(), Value::Object(k8s));
    }
    let mut text = String::from(
        "# GoQuorum network for qctl. Edit by hand or with `qctl node add|rm`;\n\
         # comments and unknown keys are kept. Reference: docs/config.md\n",
    );
    text.push_str(&crate::yaml::block_text(&Value::Object(top)));
    text.push_str("nodes:\n");
    for i in 1..=opts.num {
        let spec = super::node::NodeSpec {
            name: format!("{}-node{i}", opts.name_prefix),
            key_dir: format!("key{i}"),
            consensus: opts.consensus,
            quorum_version: opts.quorum_version.clone(),
            tm: opts.tm,
            tm_version: opts.tm_version.clone(),
            quorum_image: None,
            tm_image: None,
            geth_params: String::new(),
        };
        text.push_str(&edit::render_item(&spec.entry(), 2, 4, "\n"));
    }
    text
}
