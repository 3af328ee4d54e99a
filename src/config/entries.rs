//! Writing `qubernetes.yaml` entries, in the original key names the reader ([`super::read`])
//! takes: a new config, a node, an external node, the pinned genesis. With the reader, this
//! is the one place those names are spelled; `ops` decides what to write, not how.

use serde_json::{Map, Value};

use super::edit::{self, EditError, Entry};
use super::keys as key;
use crate::network::{Consensus, ExternalNode, TxManagerKind};

/// A node entry as `init` and `node add` write it (the original qctl layout).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeSpec {
    pub name: String,
    pub key_dir: String,
    pub consensus: Consensus,
    pub quorum_version: semver::Version,
    pub tm: TxManagerKind,
    pub tm_version: semver::Version,
    pub quorum_image: Option<String>,
    pub tm_image: Option<String>,
    pub geth_params: String,
}

impl NodeSpec {
    pub fn entry(&self) -> Entry {
        let mut quorum = Map::new();
        quorum.insert("consensus".into(), self.consensus.as_str().into());
        quorum.insert(
            key::QUORUM_VERSION.into(),
            self.quorum_version.to_string().into(),
        );
        if let Some(image) = &self.quorum_image {
            quorum.insert(key::IMAGE.into(), image.as_str().into());
        }
        let mut tm = Map::new();
        tm.insert(key::TM_NAME.into(), self.tm.as_str().into());
        tm.insert(key::TM_VERSION.into(), self.tm_version.to_string().into());
        if let Some(image) = &self.tm_image {
            tm.insert(key::IMAGE.into(), image.as_str().into());
        }
        let mut both = Map::new();
        both.insert("quorum".into(), Value::Object(quorum));
        both.insert("tm".into(), Value::Object(tm));
        let mut geth = Map::new();
        geth.insert(key::GETH_PARAMS.into(), self.geth_params.as_str().into());
        let mut entry = Map::new();
        entry.insert(key::NODE_NAME.into(), self.name.as_str().into());
        entry.insert(key::KEY_DIR.into(), self.key_dir.as_str().into());
        entry.insert("quorum".into(), Value::Object(both));
        entry.insert("geth".into(), Value::Object(geth));
        entry
    }
}

/// A setting of a node entry that `node update` changes, at its place in the original
/// layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeField {
    KeyDir,
    Consensus,
    QuorumVersion,
    QuorumImage,
    Tm,
    TmVersion,
    TmImage,
    GethParams,
}

impl NodeField {
    /// The keys from the node entry down to the value.
    pub fn path(self) -> &'static [&'static str] {
        match self {
            NodeField::KeyDir => &[key::KEY_DIR],
            NodeField::Consensus => &["quorum", "quorum", "consensus"],
            NodeField::QuorumVersion => &["quorum", "quorum", key::QUORUM_VERSION],
            NodeField::QuorumImage => &["quorum", "quorum", key::IMAGE],
            NodeField::Tm => &["quorum", "tm", key::TM_NAME],
            NodeField::TmVersion => &["quorum", "tm", key::TM_VERSION],
            NodeField::TmImage => &["quorum", "tm", key::IMAGE],
            NodeField::GethParams => &["geth", key::GETH_PARAMS],
        }
    }

    /// `nodes[i].quorum.quorum.Quorum_Version`, as the config's errors name fields.
    pub fn field(self, index: usize) -> String {
        format!("nodes[{index}].{}", self.path().join("."))
    }
}

/// Sets `field` of `nodes[index]` to `value`, keeping everything else of the text.
pub fn set_node_field(
    text: &str,
    index: usize,
    field: NodeField,
    value: &str,
) -> Result<String, EditError> {
    edit::set_item_scalar(text, "nodes", index, field.path(), value)
}

/// What a new config holds (see [`initial_config`]).
#[derive(Debug, Clone)]
pub struct InitialConfig<'a> {
    pub num: usize,
    pub consensus: Consensus,
    pub quorum_version: &'a semver::Version,
    pub tm: TxManagerKind,
    pub tm_version: &'a semver::Version,
    pub chain_id: u64,
    pub name_prefix: &'a str,
    pub namespace: Option<&'a str>,
}

/// The config text `init` writes: the genesis section, `k8s.namespace` if given, and `num`
/// nodes named `<prefix>-node<i>` with key dirs `key<i>`.
pub fn initial_config(opts: &InitialConfig) -> String {
    let mut genesis = Map::new();
    genesis.insert("consensus".into(), opts.consensus.as_str().into());
    genesis.insert(
        key::QUORUM_VERSION.into(),
        opts.quorum_version.to_string().into(),
    );
    genesis.insert(key::TM_VERSION.into(), opts.tm_version.to_string().into());
    genesis.insert(key::CHAIN_ID.into(), Value::Number(opts.chain_id.into()));
    let mut top = Map::new();
    top.insert("genesis".into(), Value::Object(genesis));
    if let Some(ns) = opts.namespace {
        let mut k8s = Map::new();
        k8s.insert("namespace".into(), ns.into());
        top.insert("k8s".into(), Value::Object(k8s));
    }
    let mut text = String::from(
        "# GoQuorum network for qctl. Edit by hand or with `qctl node add|rm`;\n\
         # comments and unknown keys are kept. Reference: docs/config.md\n",
    );
    text.push_str(&crate::yaml::block_text(&Value::Object(top)));
    text.push_str("nodes:\n");
    for i in 1..=opts.num {
        let spec = NodeSpec {
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

/// An `external_nodes` entry in the original key names.
pub fn external_entry(node: &ExternalNode) -> Entry {
    let mut m = Map::new();
    m.insert(key::NODE_NAME.into(), node.name.clone().into());
    m.insert(key::ENODE_URL.into(), node.enode_url.clone().into());
    if let Some(url) = &node.tm_url {
        m.insert(key::TM_URL.into(), url.clone().into());
    }
    if let Some(k) = &node.tm_public_key {
        m.insert(key::TM_PUBLIC_KEY.into(), k.clone().into());
    }
    if let Some(addr) = &node.validator_address {
        m.insert(key::VALIDATOR_ADDRESS.into(), addr.clone().into());
    }
    m
}

/// Sets `config.Genesis_File` to `file` (relative to the config), pinning the genesis.
pub fn pin_genesis(text: &str, file: &str) -> Result<String, EditError> {
    edit::set_scalar(text, "config", key::GENESIS_FILE, file)
}
