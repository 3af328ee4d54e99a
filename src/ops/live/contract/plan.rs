//! What `qctl test contract` will do, checked against the config and read from the key dirs
//! before anything connects.

use std::time::Duration;

use k256::ecdsa::SigningKey;
use serde::Serialize;

use super::super::OpsError;
use crate::config::{Config, NodeEntry};
use crate::keys::address;

/// Which halves of the test to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds {
    pub public: bool,
    pub private: bool,
}

/// A node that must (or must not) see the private contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    /// A node or external node of this config, or the key itself when it was given as one.
    pub name: String,
    /// Its Tessera public key.
    pub key: String,
    /// Whether it runs in this cluster, where qctl can read its state.
    #[serde(skip)]
    pub local: bool,
}

/// Everything the test needs, checked before anything connects.
pub struct ContractPlan {
    pub node: String,
    pub(super) signer: SigningKey,
    pub sender: String,
    /// The sender's Tessera public key, when it runs one.
    pub(super) from_key: Option<String>,
    pub public: bool,
    /// `privateFor`, when the private half runs.
    pub parties: Option<Vec<Party>>,
    /// A local node with Tessera that is no party, to check it cannot read the private state.
    pub outsider: Option<String>,
    /// The other local nodes, which must all see the public contract.
    pub others: Vec<String>,
    pub timeout: Duration,
}

/// Checks the request against the config and reads the node's key: an unknown node, a private
/// test without Tessera, or a party that is not a node with Tessera, an external node with a
/// `Tm_Public_Key` or a Tessera key is refused here, before qctl connects.
pub fn plan(
    config: &Config,
    layout: &crate::layout::Layout,
    node: &str,
    kinds: Kinds,
    private_for: &[String],
    timeout: Duration,
) -> Result<ContractPlan, OpsError> {
    let entry = super::super::local_node(config, node)?;
    if kinds.private && !entry.has_tessera() {
        return Err(OpsError::Invalid(format!(
            "node `{node}` runs without Tessera (`tm: none`), so it cannot send a private \
             transaction; run `qctl test contract {node} --public`"
        )));
    }
    let keys = |name: &str, key_dir: &str| {
        crate::keys::load(&layout.key_dir(key_dir)).map_err(|e| {
            OpsError::Invalid(format!(
                "the keys of node `{name}` in {}: {e}; `qctl generate` writes them",
                layout.key_dir(key_dir).display()
            ))
        })
    };
    // Every name first, then the key files: a misspelt party is reported as such. A party of
    // another organisation is `Err((name, key))`.
    let mut named: Vec<Result<&NodeEntry, (String, String)>> = Vec::new();
    for name in private_for {
        if let Some(party) = config.nodes.iter().find(|n| &n.name == name) {
            if party.name == entry.name || !party.has_tessera() {
                return Err(OpsError::Invalid(format!(
                    "--private-for `{name}`: {}",
                    if party.name == entry.name {
                        "the sender is always party to its own private transaction"
                    } else {
                        "that node runs without Tessera"
                    }
                )));
            }
            named.push(Ok(party));
        } else if let Some(external) = config.external_nodes.iter().find(|e| &e.name == name) {
            let key = external.tm_public_key.clone().ok_or_else(|| {
                OpsError::Invalid(format!(
                    "--private-for `{name}`: the external node has no `Tm_Public_Key` in the \
                     config (a bundle from an older qctl, or a node without Tessera); name it by \
                     its Tessera public key, or import a fresh bundle with `qctl add-external \
                     --replace`"
                ))
            })?;
            named.push(Err((name.clone(), key)));
        } else if crate::keys::tessera::parse_public_key(name).is_ok() {
            named.push(Err((name.clone(), name.clone())));
        } else {
            let known: Vec<&str> = config
                .nodes
                .iter()
                .filter(|n| n.name != entry.name && n.has_tessera())
                .map(|n| n.name.as_str())
                .collect();
            return Err(OpsError::Invalid(format!(
                "--private-for `{}` is neither a node of this config with Tessera ({}) nor a \
                 Tessera public key (44 characters of base64)",
                crate::text::sanitize(name),
                if known.is_empty() {
                    "there is none".to_string()
                } else {
                    known.join(", ")
                }
            )));
        }
    }
    let others: Vec<&NodeEntry> = config
        .nodes
        .iter()
        .filter(|n| n.name != entry.name)
        .collect();
    if kinds.private && private_for.is_empty() {
        // By default the first other node with Tessera is the party.
        named.extend(others.iter().find(|n| n.has_tessera()).map(|n| Ok(*n)));
    }

    let (identity, secrets) = keys(&entry.name, &entry.key_dir)?;
    let secret = crate::keys::keystore::decrypt(&secrets.keystore_json, &secrets.password)
        .map_err(|e| OpsError::Invalid(format!("the keystore of node `{node}`: {e}")))?;
    let sender = address::to_checksum(&crate::keys::nodekey::address_bytes(&secret));
    let signer = SigningKey::from(&secret);
    let mut parties = Vec::new();
    for party in named {
        parties.push(match party {
            Ok(node) => Party {
                name: node.name.clone(),
                key: keys(&node.name, &node.key_dir)?
                    .0
                    .tm_public_key
                    .ok_or_else(|| no_tessera_key(&node.name))?,
                local: true,
            },
            Err((name, key)) => Party {
                name,
                key,
                local: false,
            },
        });
    }
    let run_private = kinds.private && !parties.is_empty();
    if kinds.private && !kinds.public && !run_private {
        return Err(OpsError::Invalid(format!(
            "no other node of this config runs Tessera to be party to a private contract; \
             name another organisation's with `--private-for NODE|KEY`, or run `qctl test contract \
             {node} --public`"
        )));
    }
    if run_private && identity.tm_public_key.is_none() {
        return Err(no_tessera_key(&entry.name));
    }
    let outsider = run_private
        .then(|| {
            others
                .iter()
                .filter(|n| n.has_tessera())
                .find(|n| !parties.iter().any(|p| p.name == n.name))
                .map(|n| n.name.clone())
        })
        .flatten();
    Ok(ContractPlan {
        node: entry.name.clone(),
        sender,
        signer,
        from_key: identity.tm_public_key,
        public: kinds.public,
        parties: run_private.then_some(parties),
        outsider,
        others: others.iter().map(|n| n.name.clone()).collect(),
        timeout,
    })
}

fn no_tessera_key(node: &str) -> OpsError {
    OpsError::Invalid(format!(
        "node `{node}` has no Tessera key in its key dir; `qctl generate` writes it"
    ))
}
