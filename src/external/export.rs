//! Building and writing a bundle for another organisation. The YAML is written by hand so
//! that every string is double-quoted (old readers such as Ruby's Psych would otherwise read an
//! unquoted `0x…` address as an integer) and the genesis is a readable block.

use super::error::BundleError;
use super::model::{API_VERSION, ExternalNodeEntry, JoinBundle, KIND, NetworkInfo};
use super::parse::Origin;
use super::url::Host;
use super::validate::{canonical_genesis, genesis_sha256, validate};
use crate::network::Consensus;
use crate::yaml::quoted;

/// Name under which problems of a freshly built bundle are reported.
const EXPORT_ORIGIN: &str = "exported bundle";

/// What the cluster says about one local node, as another organisation reaches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedNode {
    pub name: String,
    /// Reachable address: a Kubernetes node IP (`--node-ip`), a LoadBalancer IP or DNS name.
    pub host: String,
    /// Port peers dial for devp2p (the NodePort of 30303).
    pub p2p_port: u16,
    /// Port for raft (the NodePort of 50401); raft networks only.
    pub raft_port: Option<u16>,
    /// Port for Tessera P2P (the NodePort of 9001); nodes with Tessera only.
    pub tm_port: Option<u16>,
    /// Tessera's public key; nodes with Tessera only.
    pub tm_public_key: Option<String>,
    /// 128 hex digits.
    pub enode_id: String,
    /// Validator (nodekey) address.
    pub node_address: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Json,
}

/// Builds the bundle for `nodes`, carrying `genesis_json` verbatim. The result is validated
/// the way the importing side will validate it, and returned in canonical form. Set
/// `genesis` to `None` afterwards for a bundle that names the genesis only by its hash.
pub fn build_bundle(
    chain_id: u64,
    consensus: Consensus,
    genesis_json: &str,
    nodes: &[ExportedNode],
) -> Result<JoinBundle, BundleError> {
    let external_nodes = nodes
        .iter()
        .map(|n| {
            // An unparsable host is kept as given so validation reports it against the field.
            let host = n
                .host
                .parse::<Host>()
                .map_or(n.host.clone(), |h| h.to_string());
            let raft = n
                .raft_port
                .map(|p| format!("&raftport={p}"))
                .unwrap_or_default();
            ExternalNodeEntry {
                name: n.name.clone(),
                enode_url: format!(
                    "enode://{}@{host}:{}?discport=0{raft}",
                    n.enode_id, n.p2p_port
                ),
                tm_url: n.tm_port.map(|p| format!("http://{host}:{p}")),
                tm_public_key: n.tm_port.and(n.tm_public_key.clone()),
                node_acct_addr: n.node_address.clone(),
            }
        })
        .collect();
    let bundle = JoinBundle {
        api_version: API_VERSION.to_string(),
        kind: KIND.to_string(),
        network: Some(NetworkInfo {
            chain_id,
            consensus,
            genesis_sha256: genesis_sha256(genesis_json),
        }),
        external_nodes,
        // Same hash; survives a YAML reader (see `canonical_genesis`).
        genesis: Some(canonical_genesis(genesis_json).into_owned()),
    };
    let valid = validate(&bundle, &Origin::new(EXPORT_ORIGIN))?;
    Ok(JoinBundle {
        external_nodes: valid
            .nodes
            .into_iter()
            .map(ExternalNodeEntry::from)
            .collect(),
        ..bundle
    })
}

/// Writes a bundle as YAML (the default, for people) or JSON (for programs).
pub fn render(bundle: &JoinBundle, format: Format) -> String {
    match format {
        Format::Json => {
            let mut out = serde_json::to_string_pretty(bundle)
                .expect("a bundle holds only strings and numbers, which always serialise");
            out.push('\n');
            out
        }
        Format::Yaml => render_yaml(bundle),
    }
}

fn render_yaml(bundle: &JoinBundle) -> String {
    let mut lines = vec![
        "# qctl join bundle: public node data only. Import it with `qctl add-external FILE`."
            .to_string(),
        format!("apiVersion: {}", quoted(&bundle.api_version)),
        format!("kind: {}", quoted(&bundle.kind)),
    ];
    if let Some(n) = &bundle.network {
        lines.push("network:".to_string());
        lines.push(format!("  chainId: {}", n.chain_id));
        lines.push(format!("  consensus: {}", quoted(n.consensus.as_str())));
        lines.push(format!("  genesisSha256: {}", quoted(&n.genesis_sha256)));
    }
    lines.push(
        if bundle.external_nodes.is_empty() {
            "external_nodes: []"
        } else {
            "external_nodes:"
        }
        .to_string(),
    );
    for node in &bundle.external_nodes {
        lines.push(format!("  - Node_UserIdent: {}", quoted(&node.name)));
        lines.push(format!("    Enode_Url: {}", quoted(&node.enode_url)));
        if let Some(tm) = &node.tm_url {
            lines.push(format!("    Tm_Url: {}", quoted(tm)));
        }
        if let Some(key) = &node.tm_public_key {
            lines.push(format!("    Tm_Public_Key: {}", quoted(key)));
        }
        if let Some(addr) = &node.node_acct_addr {
            lines.push(format!("    Node_Acct_Addr: {}", quoted(addr)));
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    if let Some(genesis) = &bundle.genesis {
        out.push_str("genesis: ");
        out.push_str(&block_or_quoted(genesis));
    }
    out
}

/// `text` as a YAML literal block when that reproduces it exactly, else double-quoted; ends
/// with a newline. The indentation indicator allows leading blank lines and spaces, and the
/// chomping indicator keeps the exact number of final newlines. Tabs, carriage returns,
/// non-printable characters and lines of only spaces are left to the quoted form.
fn block_or_quoted(text: &str) -> String {
    let literal_safe = !text.trim_matches('\n').is_empty()
        && text
            .chars()
            .all(|c| c == '\n' || (c != '\t' && crate::yaml::printable(c)))
        && text
            .split('\n')
            .all(|l| l.is_empty() || !l.trim_start_matches(' ').is_empty());
    if !literal_safe {
        return format!("{}\n", quoted(text));
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let chomp = match text.len() - text.trim_end_matches('\n').len() {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let mut out = format!("|2{chomp}\n");
    for line in body.split('\n') {
        if !line.is_empty() {
            out.push_str("  ");
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}
