//! The join bundle document as it is written and read. Keys follow the exchange format:
//! camelCase for the envelope, the old qctl's mixed-case keys for node entries.

use serde::{Deserialize, Serialize};

use crate::network::{Consensus, ExternalNode};

pub const API_VERSION: &str = "qctl/v1";
pub const KIND: &str = "JoinBundle";

/// A join bundle. A bare `external_nodes:` list parses into one with `network` and `genesis`
/// unset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JoinBundle {
    #[serde(rename = "apiVersion")]
    pub api_version: String,
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<NetworkInfo>,
    pub external_nodes: Vec<ExternalNodeEntry>,
    /// The exact text of the exporting network's `genesis.json`; `network.genesisSha256` is
    /// the SHA-256 of these bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub genesis: Option<String>,
}

/// What identifies the network a bundle belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkInfo {
    pub chain_id: u64,
    #[serde(with = "consensus_name")]
    pub consensus: Consensus,
    /// Lower-case hex SHA-256 of the genesis file bytes.
    pub genesis_sha256: String,
}

/// One node of the exporting organisation, with the keys the old qctl used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalNodeEntry {
    #[serde(rename = "Node_UserIdent")]
    pub name: String,
    #[serde(rename = "Enode_Url")]
    pub enode_url: String,
    #[serde(rename = "Tm_Url", default, skip_serializing_if = "Option::is_none")]
    pub tm_url: Option<String>,
    #[serde(
        rename = "Tm_Public_Key",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tm_public_key: Option<String>,
    #[serde(
        rename = "Node_Acct_Addr",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub node_acct_addr: Option<String>,
}

impl From<ExternalNodeEntry> for ExternalNode {
    fn from(entry: ExternalNodeEntry) -> Self {
        ExternalNode {
            name: entry.name,
            enode_url: entry.enode_url,
            tm_url: entry.tm_url,
            tm_public_key: entry.tm_public_key,
            validator_address: entry.node_acct_addr,
        }
    }
}

impl From<ExternalNode> for ExternalNodeEntry {
    fn from(node: ExternalNode) -> Self {
        ExternalNodeEntry {
            name: node.name,
            enode_url: node.enode_url,
            tm_url: node.tm_url,
            tm_public_key: node.tm_public_key,
            node_acct_addr: node.validator_address,
        }
    }
}

/// The document as read, before the envelope is checked: every envelope key is optional so
/// a bare `external_nodes:` list reads too.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBundle {
    #[serde(rename = "apiVersion")]
    pub api_version: Option<String>,
    pub kind: Option<String>,
    pub network: Option<NetworkInfo>,
    pub genesis: Option<GenesisText>,
    pub external_nodes: Option<Vec<ExternalNodeEntry>>,
}

/// The genesis carried as text. A mapping is refused with a message that says why: only the
/// exact bytes can be hashed and written reproducibly.
#[derive(Debug)]
pub(crate) struct GenesisText(pub String);

impl<'de> Deserialize<'de> for GenesisText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = GenesisText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "the exact text of genesis.json as a string (a YAML block scalar `genesis: |`)",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<GenesisText, E> {
                Ok(GenesisText(v.to_string()))
            }
        }
        d.deserialize_str(Text)
    }
}

/// `Consensus` as its lower-case name.
mod consensus_name {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::network::Consensus;

    pub fn serialize<S: Serializer>(consensus: &Consensus, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(consensus.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Consensus, D::Error> {
        String::deserialize(d)?.parse().map_err(D::Error::custom)
    }
}
