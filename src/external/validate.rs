//! Checking every field of a parsed bundle. All problems are collected, so a user fixes a
//! bundle in one round; the result carries the nodes in canonical form.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::error::{BundleError, Problem, Problems, shown};
use super::model::{ExternalNodeEntry, JoinBundle, NetworkInfo};
use super::parse::Origin;
use super::url::{EnodeUrl, TmUrl};
use crate::keys::address;
use crate::network::{Consensus, ExternalNode};

/// A bundle whose every field was checked. Only [`validate`] builds one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidBundle {
    pub origin: Origin,
    /// `genesis_sha256` in lower case.
    pub network: Option<NetworkInfo>,
    /// Exact genesis text; its SHA-256 matched `network.genesisSha256`.
    pub genesis: Option<String>,
    /// The nodes in canonical form: enode and Tessera URLs as [`EnodeUrl`] and [`TmUrl`] print
    /// them, addresses EIP-55.
    pub nodes: Vec<ExternalNode>,
    /// Enode id of each of `nodes`, same order.
    pub(crate) enode_ids: Vec<String>,
}

/// Lower-case hex SHA-256 of the genesis text: the hash is over the exact bytes that are
/// written to `genesis.json`, so both sides can compare files byte for byte.
pub fn genesis_sha256(genesis: &str) -> String {
    hex::encode(Sha256::digest(canonical_genesis(genesis).as_bytes()))
}

/// The genesis text with NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR written as JSON escapes.
/// They can only stand inside JSON strings, where the escape means the same character, but a
/// YAML reader takes them for line breaks; so this form carries the same genesis through JSON
/// and YAML bundles unchanged, and the SHA-256 is computed over it.
pub fn canonical_genesis(genesis: &str) -> std::borrow::Cow<'_, str> {
    if !genesis.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
        return std::borrow::Cow::Borrowed(genesis);
    }
    let mut out = String::with_capacity(genesis.len() + 16);
    for c in genesis.chars() {
        match c {
            '\u{85}' => out.push_str("\\u0085"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A Kubernetes DNS-1123 label: what a node name must be, since it names Services and pods.
pub fn is_dns1123_label(s: &str) -> bool {
    let b = s.as_bytes();
    let edge_ok = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    (1..=63).contains(&b.len())
        && b.iter().all(|c| edge_ok(c) || *c == b'-')
        && b.first().is_some_and(edge_ok)
        && b.last().is_some_and(edge_ok)
}

/// Checks every field of `bundle` and returns it in canonical form, or every problem found.
pub fn validate(bundle: &JoinBundle, origin: &Origin) -> Result<ValidBundle, BundleError> {
    let mut problems = Vec::new();
    let network = bundle.network.as_ref().map(|n| NetworkInfo {
        genesis_sha256: n.genesis_sha256.to_ascii_lowercase(),
        ..n.clone()
    });
    if let Some(n) = &network
        && !(n.genesis_sha256.len() == 64
            && n.genesis_sha256.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        problems.push(origin.problem(
            "network.genesisSha256",
            format!(
                "`{}` is not a SHA-256; expected 64 hex digits",
                shown(&n.genesis_sha256)
            ),
        ));
    }
    if let Some(genesis) = &bundle.genesis {
        check_genesis(genesis, network.as_ref(), origin, &mut problems);
    }
    if bundle.external_nodes.is_empty() {
        problems.push(origin.problem("external_nodes", "lists no nodes; expected at least one"));
    }
    let consensus = network.as_ref().map(|n| n.consensus);
    let mut names: HashMap<&str, usize> = HashMap::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut nodes = Vec::new();
    let mut enode_ids = Vec::new();
    for (i, entry) in bundle.external_nodes.iter().enumerate() {
        let mut report = |field: &str, message: String| {
            problems.push(origin.problem(format!("external_nodes[{i}].{field}"), message));
        };
        if !is_dns1123_label(&entry.name) {
            report(
                "Node_UserIdent",
                format!(
                    "`{}` is not a valid node name; expected a DNS-1123 label: at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit",
                    shown(&entry.name)
                ),
            );
        } else if let Some(first) = names.get(entry.name.as_str()) {
            report(
                "Node_UserIdent",
                format!(
                    "duplicate name `{}`; `external_nodes[{first}]` already uses it",
                    entry.name
                ),
            );
        } else {
            names.insert(&entry.name, i);
        }
        let enode = match entry.enode_url.parse::<EnodeUrl>() {
            Ok(enode) => {
                if let Some(first) = ids.get(&enode.id) {
                    report(
                        "Enode_Url",
                        format!("duplicate enode id; `external_nodes[{first}]` already uses it"),
                    );
                } else {
                    ids.insert(enode.id.clone(), i);
                }
                if consensus == Some(Consensus::Raft) && enode.raft_port.is_none() {
                    report(
                        "Enode_Url",
                        "a raft network needs `&raftport=<port>` in every enode URL".to_string(),
                    );
                }
                Some(enode)
            }
            Err(message) => {
                report("Enode_Url", message);
                None
            }
        };
        let tm_url = entry.tm_url.as_deref().and_then(|url| {
            url.parse::<TmUrl>()
                .map_err(|message| report("Tm_Url", message))
                .ok()
        });
        let tm_public_key = entry.tm_public_key.as_deref().and_then(|key| {
            if entry.tm_url.is_none() {
                report(
                    "Tm_Public_Key",
                    "a Tessera key without `Tm_Url`: a node runs both or neither".to_string(),
                );
            }
            crate::keys::tessera::parse_public_key(key)
                .map_err(|_| {
                    report(
                        "Tm_Public_Key",
                        format!(
                            "`{}` is not a Tessera public key: expected the base64 of 32 bytes",
                            shown(key)
                        ),
                    )
                })
                .ok()
        });
        let address = entry.node_acct_addr.as_deref().and_then(|a| {
            address::parse(a)
                .map_err(|e| report("Node_Acct_Addr", e.to_string().replace(a, &shown(a))))
                .ok()
        });
        if let Some(enode) = enode {
            enode_ids.push(enode.id.clone());
            nodes.push(ExternalNode::from(ExternalNodeEntry {
                name: entry.name.clone(),
                enode_url: enode.to_string(),
                tm_url: tm_url.map(|u| u.to_string()),
                tm_public_key,
                node_acct_addr: address.map(|a| address::to_checksum(&a)),
            }));
        }
    }
    if !problems.is_empty() {
        return Err(BundleError::Invalid {
            input: origin.input.clone(),
            problems: Problems(problems),
        });
    }
    Ok(ValidBundle {
        origin: origin.clone(),
        network,
        genesis: bundle.genesis.clone(),
        nodes,
        enode_ids,
    })
}

/// The genesis must be what `network` says: the same bytes and the same chain.
fn check_genesis(
    genesis: &str,
    network: Option<&NetworkInfo>,
    origin: &Origin,
    problems: &mut Vec<Problem>,
) {
    let Some(network) = network else {
        problems.push(origin.problem(
            "genesis",
            "a bundle that carries `genesis` needs `network` (chainId, consensus, genesisSha256) to check it against",
        ));
        return;
    };
    let actual = genesis_sha256(genesis);
    if actual != network.genesis_sha256 {
        problems.push(origin.problem(
            "genesis",
            format!(
                "the SHA-256 of the genesis text is {actual} but `network.genesisSha256` is {}; the genesis was altered or belongs to another network",
                shown(&network.genesis_sha256)
            ),
        ));
    }
    let parsed: Result<serde_json::Value, _> = serde_json::from_str(genesis);
    let message = match parsed {
        Err(e) => format!("is not valid JSON: {e}"),
        Ok(value) => match value.pointer("/config/chainId").and_then(|v| v.as_u64()) {
            None => "has no numeric `config.chainId`; expected a GoQuorum genesis.json".to_string(),
            Some(id) if id != network.chain_id => format!(
                "`config.chainId` is {id} but `network.chainId` is {}; they must agree",
                network.chain_id
            ),
            Some(_) => match engine_mismatch(&value, network.consensus) {
                Some(message) => message,
                None => return,
            },
        },
    };
    problems.push(origin.problem("genesis", message));
}

/// Whether the genesis `config` names the engine of `consensus`: `qbft` (or `istanbul` with
/// `testQBFTBlock`, as older GoQuorum wrote it), `istanbul`, `clique`, or none of them for raft.
fn engine_mismatch(genesis: &serde_json::Value, consensus: Consensus) -> Option<String> {
    let has = |key: &str| genesis.pointer(&format!("/config/{key}")).is_some();
    let qbft_fork = genesis.pointer("/config/istanbul/testQBFTBlock").is_some();
    let engines: Vec<&str> = ["qbft", "istanbul", "clique"]
        .into_iter()
        .filter(|k| has(k))
        .collect();
    let ok = match consensus {
        Consensus::Raft => engines.is_empty(),
        Consensus::Clique => engines == ["clique"],
        Consensus::Qbft => engines == ["qbft"] || (engines == ["istanbul"] && qbft_fork),
        Consensus::Istanbul => engines == ["istanbul"],
    };
    if ok {
        return None;
    }
    let found = if engines.is_empty() {
        "no consensus engine (`config.qbft`, `config.istanbul` or `config.clique`), as for raft"
            .to_string()
    } else {
        engines
            .iter()
            .map(|e| format!("`config.{e}`"))
            .collect::<Vec<_>>()
            .join(" and ")
    };
    Some(format!(
        "`network.consensus` is {consensus} but the genesis has {found}; they must agree"
    ))
}
