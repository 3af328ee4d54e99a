//! Quorum network files derived from the resolved network: permissioned and static nodes, validator list, Tessera configs.
//!
//! Paths inside pods are fixed here ([`DATA_DIR`], [`KEYS_DIR`]) so the Kubernetes builder mounts
//! volumes exactly where these files point.

pub mod contract;
pub mod rpc;
pub mod tessera;
pub mod tx;
pub mod validators;

use serde_json::{Value, json};

use crate::genesis::{self, GenesisError};
use crate::keys::address;
use crate::network::{Consensus, DerivedConfig, LocalNode, Network, ports};

/// Where a node's persistent volume is mounted in its pods (geth datadir, Tessera database).
pub const DATA_DIR: &str = "/data";
/// Where a node's key Secret is mounted in its pods (`tm.key`, `tm.pub`, keystore, nodekey…).
pub const KEYS_DIR: &str = "/keys";
/// geth's `--datadir`, on the data volume.
pub const GETH_DATADIR: &str = "/data/dd";
/// geth's IPC socket (its default place in the datadir), where `geth attach` connects: the
/// only endpoint that serves the admin APIs.
pub const GETH_IPC_PATH: &str = "/data/dd/geth.ipc";
/// Tessera's Q2T socket; GoQuorum's `PRIVATE_CONFIG` points here.
pub const TM_IPC_PATH: &str = "/data/tm/tm.ipc";
/// Tessera's H2 database, under the data volume so it survives restarts.
const TM_JDBC_URL: &str = "jdbc:h2:/data/tm/db;MODE=Oracle;TRACE_LEVEL_SYSTEM_OUT=0";

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON value serialises");
    text.push('\n');
    text
}

/// Enode URLs of the network: every local node at its Service name (with `raftport` for raft
/// nodes), then every external node's URL verbatim.
fn enode_urls(net: &Network) -> Vec<String> {
    let local = net.nodes.iter().map(|node| {
        let raft = match node.consensus {
            Consensus::Raft => format!("&raftport={}", ports::RAFT),
            _ => String::new(),
        };
        format!(
            "enode://{}@{}:{}?discport=0{raft}",
            node.identity.enode_id,
            node.name,
            ports::P2P
        )
    });
    let external = net.external_nodes.iter().map(|n| n.enode_url.clone());
    local.chain(external).collect()
}

/// `permissioned-nodes.json`: a JSON array of every node's enode URL.
pub fn permissioned_nodes(net: &Network) -> String {
    pretty(&json!(enode_urls(net)))
}

/// `static-nodes.json`: the same peers, dialled at start-up.
pub fn static_nodes(net: &Network) -> String {
    permissioned_nodes(net)
}

/// `istanbul-validator-config.toml` for IBFT/QBFT networks (the validators of the genesis
/// extraData, in the same order); `None` for raft and clique.
pub fn validators(net: &Network) -> Option<String> {
    if !net.genesis.consensus.is_bft() {
        return None;
    }
    let mut toml = String::from("vanity = \"0x00\"\nvalidators = [\n");
    for (_, addr) in genesis::validator_entries(net) {
        let shown =
            address::parse(addr).map_or_else(|_| addr.to_string(), |a| address::to_checksum(&a));
        toml.push_str(&format!("  \"{shown}\",\n"));
    }
    toml.push_str("]\n");
    Some(toml)
}

/// Tessera's JSON config for `node` (`None` if it runs no Tessera), in the current Tessera
/// format (Tessera docs, "Configuration file"): ThirdParty, Q2T (unix socket) and P2P servers,
/// peers, unlocked key files, and the privacy-enhancements feature flag that must agree with
/// genesis. Tests only: `generate` derives them with the genesis it runs on.
#[cfg(test)]
fn tessera_config(net: &Network, node: &LocalNode) -> Option<String> {
    tessera_config_with(net, node, genesis::privacy_enhancements(net))
}

fn tessera_config_with(
    net: &Network,
    node: &LocalNode,
    privacy_enhancements: bool,
) -> Option<String> {
    node.tessera.as_ref()?;
    let local_peers = net
        .nodes
        .iter()
        .filter(|other| other.name != node.name && other.tessera.is_some())
        .map(|other| format!("http://{}:{}", other.name, ports::TESSERA_P2P));
    let external_peers = net.external_nodes.iter().filter_map(external_tessera_peer);
    let peers: Vec<Value> = local_peers
        .chain(external_peers)
        .map(|url| json!({ "url": url }))
        .collect();
    let config = json!({
        "useWhiteList": false,
        "jdbc": {
            "username": "sa",
            "password": "",
            "url": TM_JDBC_URL,
            "autoCreateTables": true
        },
        "serverConfigs": [
            {
                "app": "ThirdParty",
                "enabled": true,
                "serverAddress": format!("http://0.0.0.0:{}", ports::TESSERA_THIRD_PARTY),
                "communicationType": "REST"
            },
            {
                "app": "Q2T",
                "enabled": true,
                "serverAddress": format!("unix:{TM_IPC_PATH}"),
                "communicationType": "REST"
            },
            {
                "app": "P2P",
                "enabled": true,
                "serverAddress": format!("http://{}:{}", node.name, ports::TESSERA_P2P),
                "bindingAddress": format!("http://0.0.0.0:{}", ports::TESSERA_P2P),
                "sslConfig": { "tls": "OFF" },
                "communicationType": "REST"
            }
        ],
        "peer": peers,
        "keys": {
            "passwords": [],
            "keyData": [{
                "privateKeyPath": format!("{KEYS_DIR}/tm.key"),
                "publicKeyPath": format!("{KEYS_DIR}/tm.pub")
            }]
        },
        "alwaysSendTo": [],
        "features": { "enablePrivacyEnhancements": privacy_enhancements }
    });
    Some(pretty(&config))
}

/// The peer URL of an external node's Tessera: the URL it advertises, `http://<node>:9001`, not
/// the public address of the bundle. Tessera files a peer's keys under the URL the peer
/// advertises and sends payloads there, so that is the URL that must work; the generated
/// Service of that name (see `crate::k8s`) forwards it to the address in the bundle. Listing
/// the advertised URL also keeps the peer known when peer discovery is off, which accepts only
/// callers whose advertised URL is a configured peer.
fn external_tessera_peer(node: &crate::network::ExternalNode) -> Option<String> {
    let url = node.tm_url.as_deref()?;
    let scheme = match url.parse::<crate::external::TmUrl>() {
        Ok(parsed) if parsed.https => "https",
        Ok(_) => "http",
        Err(_) => return Some(url.to_string()),
    };
    Some(format!("{scheme}://{}:{}", node.name, ports::TESSERA_P2P))
}

/// Everything derived from the network, with a freshly rendered genesis. Tests only:
/// `generate` uses [`derive_with_genesis`] with the genesis it chose.
#[cfg(test)]
fn derive(net: &Network) -> Result<DerivedConfig, GenesisError> {
    let genesis_json = genesis::render(net)?;
    Ok(derive_files(
        net,
        genesis_json,
        genesis::privacy_enhancements(net),
    ))
}

/// Everything derived from the network around an existing (kept or imported) genesis, which is
/// used verbatim; the Tessera configs follow its `privacyEnhancementsBlock`.
pub fn derive_with_genesis(
    net: &Network,
    genesis_json: String,
) -> Result<DerivedConfig, GenesisError> {
    let privacy_enhancements = genesis::genesis_privacy_enhancements(&genesis_json)?;
    Ok(derive_files(net, genesis_json, privacy_enhancements))
}

fn derive_files(net: &Network, genesis_json: String, privacy_enhancements: bool) -> DerivedConfig {
    DerivedConfig {
        genesis_json,
        permissioned_nodes_json: permissioned_nodes(net),
        static_nodes_json: static_nodes(net),
        tessera_configs: net
            .nodes
            .iter()
            .filter_map(|node| {
                let config = tessera_config_with(net, node, privacy_enhancements)?;
                Some((node.name.clone(), config))
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::genesis::test_network::{assert_golden, network, with_external};

    /// Consensys/qubernetes@4e6a879 `7nodes/permissioned-nodes.json`, first four entries (the
    /// original writes `raftport` for every consensus; qctl only for raft nodes).
    const SEVEN_NODES_PERMISSIONED: [&str; 4] = [
        "enode://ac6b1096ca56b9f6d004b779ae3728bf83f8e22453404cc3cef16a3d9b96608bc67c4b30db88e0a5a6c6390213f7acbe1153ff6d23ce57380104288ae19373ef@quorum-node1:30303?discport=0&raftport=50401",
        "enode://0ba6b9f606a43a95edc6247cdb1c1e105145817be7bcafd6b2c0ba15d58145f0dc1a194f70ba73cd6f4cdd6864edc7687f311254c7555cc32e4d45aeb1b80416@quorum-node2:30303?discport=0&raftport=50401",
        "enode://579f786d4e2830bbcc02815a27e8a9bacccc9605df4dc6f20bcc1a6eb391e7225fff7cb83e5b4ecd1f3a94d8b733803f2f66b7e871961e7b029e22c155c3a778@quorum-node3:30303?discport=0&raftport=50401",
        "enode://3d9ca5956b38557aba991e31cf510d4df641dce9cc26bfeb7de082f0c07abb6ede3a58410c8f249dabeecee4ad3979929ac4c7c496ad20b8cfdd061b7401b4f5@quorum-node4:30303?discport=0&raftport=50401",
    ];

    fn parse(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn network_files_match_their_golden_copies() {
        for consensus in [Consensus::Raft, Consensus::Qbft] {
            let net = with_external(network(consensus));
            let dir = format!("quorum/{consensus}");
            assert_golden(
                &format!("{dir}/permissioned-nodes.json"),
                &permissioned_nodes(&net),
            );
            assert_golden(
                &format!("{dir}/tessera-config-quorum-node1.json"),
                &tessera_config(&net, &net.nodes[0]).unwrap(),
            );
            if let Some(toml) = validators(&net) {
                assert_golden(&format!("{dir}/istanbul-validator-config.toml"), &toml);
            }
        }
    }

    #[test]
    fn raft_enodes_equal_the_published_7nodes_permissioned_list() {
        let net = network(Consensus::Raft);
        assert_eq!(
            parse(&permissioned_nodes(&net)),
            json!(SEVEN_NODES_PERMISSIONED)
        );
    }

    #[test]
    fn bft_enodes_have_no_raft_port_and_external_enodes_come_last_verbatim() {
        let net = with_external(network(Consensus::Qbft));
        let list = parse(&permissioned_nodes(&net));
        let list = list.as_array().unwrap();
        assert_eq!(list.len(), 5);
        assert_eq!(
            list[0],
            SEVEN_NODES_PERMISSIONED[0].replace("&raftport=50401", "")
        );
        assert_eq!(list[4], net.external_nodes[0].enode_url);
        assert_eq!(static_nodes(&net), permissioned_nodes(&net));
        assert!(permissioned_nodes(&net).ends_with("]\n"));
    }

    #[test]
    fn the_validator_list_equals_the_published_7nodes_toml_entries() {
        // Consensys/qubernetes@4e6a879 7nodes/istanbul-validator-config.toml, first four entries.
        let toml = validators(&network(Consensus::Istanbul)).unwrap();
        assert_eq!(
            toml,
            "vanity = \"0x00\"\nvalidators = [\n  \"0xd8Dba507e85F116b1f7e231cA8525fC9008A6966\",\n  \"0x6571D97f340c8495B661a823F2C2145cA47D63c2\",\n  \"0xe36cbeB565B061217930767886474e3cDe903AC5\",\n  \"0xF512a992F3fb749857d758fFDa1330e590fa915E\",\n]\n"
        );
        assert!(validators(&network(Consensus::Raft)).is_none());
        assert!(validators(&network(Consensus::Clique)).is_none());
    }

    #[test]
    fn tessera_peers_are_the_other_tessera_nodes_then_the_urls_external_ones_advertise() {
        let mut net = with_external(network(Consensus::Raft));
        net.nodes[2].tessera = None;
        let mut https = net.external_nodes[0].clone();
        https.name = "orgb-node2".into();
        https.tm_url = Some("https://203.0.113.10:30854".into());
        let mut no_tessera = https.clone();
        no_tessera.name = "orgb-node3".into();
        no_tessera.tm_url = None;
        net.external_nodes.extend([https, no_tessera]);
        let config = parse(&tessera_config(&net, &net.nodes[1]).unwrap());
        // External nodes at their own name (the URL their Tessera advertises, which a generated
        // Service forwards to their `Tm_Url`), not at the bundle's public URL.
        assert_eq!(
            config["peer"],
            json!([
                { "url": "http://quorum-node1:9001" },
                { "url": "http://quorum-node4:9001" },
                { "url": "http://orgb-node1:9001" },
                { "url": "https://orgb-node2:9001" },
            ])
        );
        assert_eq!(
            config["serverConfigs"][2]["serverAddress"],
            "http://quorum-node2:9001"
        );
        assert!(tessera_config(&net, &net.nodes[2]).is_none());
    }

    #[test]
    fn tessera_paths_live_under_the_shared_mount_points() {
        assert!(TM_IPC_PATH.starts_with(&format!("{DATA_DIR}/")));
        assert!(TM_JDBC_URL.starts_with(&format!("jdbc:h2:{DATA_DIR}/")));
        let net = network(Consensus::Qbft);
        let config = parse(&tessera_config(&net, &net.nodes[0]).unwrap());
        assert_eq!(
            config["serverConfigs"][1]["serverAddress"],
            format!("unix:{TM_IPC_PATH}")
        );
        assert_eq!(
            config["keys"]["keyData"][0]["privateKeyPath"],
            format!("{KEYS_DIR}/tm.key")
        );
    }

    #[test]
    fn tessera_privacy_enhancements_agree_with_the_genesis() {
        let net = network(Consensus::Qbft);
        let derived = derive(&net).unwrap();
        let genesis_pe = parse(&derived.genesis_json)["config"]
            .get("privacyEnhancementsBlock")
            .is_some();
        assert!(genesis_pe);
        assert_eq!(derived.tessera_configs.len(), 4);
        for config in derived.tessera_configs.values() {
            assert_eq!(
                parse(config)["features"]["enablePrivacyEnhancements"],
                genesis_pe
            );
        }
    }

    #[test]
    fn an_existing_genesis_is_used_verbatim_and_decides_privacy_enhancements() {
        let net = network(Consensus::Qbft);
        // An imported genesis without privacyEnhancementsBlock, as another organisation made it.
        let imported = "{\"config\": {\"chainId\": 1000, \"isQuorum\": true}}\n".to_string();
        let derived = derive_with_genesis(&net, imported.clone()).unwrap();
        assert_eq!(derived.genesis_json, imported);
        assert_eq!(derived.permissioned_nodes_json, permissioned_nodes(&net));
        for config in derived.tessera_configs.values() {
            assert_eq!(
                parse(config)["features"]["enablePrivacyEnhancements"],
                false
            );
        }
        assert!(derive_with_genesis(&net, "not json".into()).is_err());
    }
}
