//! genesis.json per consensus, with RLP extraData for IBFT, QBFT and clique.
//!
//! The layout follows the original qubernetes template (anchor reference §6.3); fields that
//! depend on the GoQuorum or Tessera version are chosen by comparing semver versions.

pub mod extradata;
mod kept;

use crate::error::{Error, ErrorKind};
use semver::Version;
use serde_json::{Map, Value, json};

use crate::keys::address::{self, AddressError};
use crate::network::{BLOCK_PERIOD_SECONDS, Consensus, GENESIS_BLOCK_PERIOD_SINCE, Network};
pub use kept::{KeptGenesisError, check_kept, holds_address, missing_validators};

/// Balance of every local account: 10^27 wei.
pub const ACCOUNT_BALANCE: &str = "1000000000000000000000000000";

/// GoQuorum 2.6.0 replaced `maxCodeSize`/`maxCodeSizeChangeBlock` by `maxCodeSizeConfig`.
const MAX_CODE_SIZE_CONFIG_SINCE: Version = Version::new(2, 6, 0);
/// Privacy enhancements (`privacyEnhancementsBlock`) arrived in GoQuorum 20.10.0
/// (Consensys/quorum PR #1073, "Privacy Enhancements", merged 2020-09).
const PRIVACY_ENHANCEMENTS_QUORUM_SINCE: Version = Version::new(20, 10, 0);
/// Tessera versions from 1.0.0 on accept `features.enablePrivacyEnhancements` (the qubernetes
/// templates enable it for every Tessera >= 1.0.0).
const PRIVACY_ENHANCEMENTS_TESSERA_SINCE: Version = Version::new(1, 0, 0);
/// QBFT, switched on by `istanbul.testQBFTBlock`, first shipped in GoQuorum 21.7.0
/// (istanbul-tools PR #26 renamed the fork block to `testQBFTBlock` in July 2021).
const QBFT_SINCE: Version = Version::new(21, 7, 0);
/// GoQuorum 22.4.0 added the `qbft`/`ibft` genesis blocks and deprecated `istanbul` and the
/// `--istanbul.blockperiod`/`--istanbul.requesttimeout` flags (Consensys/quorum PR #1357,
/// "Add new genesis config attribut ibft and qbft"; GoQuorum docs, "Configure QBFT consensus").
const QBFT_CONFIG_SINCE: Version = GENESIS_BLOCK_PERIOD_SINCE;
/// `emptyblockperiodseconds` came with GoQuorum 22.7.0 ("Support Empty Blocks in QBFT"), but
/// enabling it could fork the chain until 24.4.0 (Consensys/quorum PR #1669), so it is only
/// written from there on.
const EMPTY_BLOCK_PERIOD_SINCE: Version = Version::new(24, 4, 0);

/// `maxCodeSizeConfig` size (KiB) for GoQuorum >= 2.6.0, and the old `maxCodeSize`.
const MAX_CODE_SIZE: u64 = 32;
const LEGACY_MAX_CODE_SIZE: u64 = 35;
const EPOCH: u64 = 30000;
/// Seconds between empty blocks (the quorum-genesis-tool default).
const EMPTY_BLOCK_PERIOD_SECONDS: u64 = 60;
/// GoQuorum's default request timeout (10000 ms), in seconds.
const REQUEST_TIMEOUT_SECONDS: u64 = 10;

const GAS_LIMIT: &str = "0xE0000000";
const ZERO_ADDRESS: &str = "0x0000000000000000000000000000000000000000";
const ZERO_HASH: &str = "0x0000000000000000000000000000000000000000000000000000000000000000";
/// "Istanbul practical byzantine fault tolerance" magic, required by IBFT and QBFT headers.
const BFT_MIX_HASH: &str = "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365";
const RAFT_MIX_HASH: &str = "0x00000000000000000000000000000000000000647572616c65787365646c6578";

#[derive(Debug, thiserror::Error)]
pub enum GenesisError {
    #[error("node `{node}` has an invalid {what} `{value}`")]
    BadAddress {
        node: String,
        what: &'static str,
        value: String,
        source: AddressError,
    },
    #[error(
        "a {0} network needs at least one validator: add a local node or an external node with `Node_Acct_Addr`"
    )]
    NoValidators(Consensus),
    #[error(
        "{consensus} needs GoQuorum {minimum} or later, but `genesis.Quorum_Version` is {version}"
    )]
    UnsupportedVersion {
        consensus: Consensus,
        minimum: Version,
        version: Version,
    },
    #[error("the existing genesis is not a JSON object with a `config` object: {0}")]
    InvalidGenesis(String),
}

/// The IBFT/QBFT validators as written, with the node they come from: every local node's node
/// address in config order, then the `validator_address` of every external node that has one.
pub fn validator_entries(net: &Network) -> Vec<(&str, &str)> {
    let local = net
        .nodes
        .iter()
        .map(|n| (n.name.as_str(), n.identity.node_address.as_str()));
    let external = net
        .external_nodes
        .iter()
        .filter_map(|n| Some((n.name.as_str(), n.validator_address.as_deref()?)));
    local.chain(external).collect()
}

fn parse_address(node: &str, what: &'static str, value: &str) -> Result<[u8; 20], GenesisError> {
    address::parse(value).map_err(|source| GenesisError::BadAddress {
        node: node.to_string(),
        what,
        value: value.to_string(),
        source,
    })
}

/// IBFT/QBFT validator addresses ([`validator_entries`]), parsed.
pub fn validators(net: &Network) -> Result<Vec<[u8; 20]>, GenesisError> {
    validator_entries(net)
        .into_iter()
        .map(|(node, addr)| parse_address(node, "validator address", addr))
        .collect()
}

/// Clique signers: the local nodes' account addresses, in config order. External nodes are not
/// signers at genesis; they are voted in.
pub fn signers(net: &Network) -> Result<Vec<[u8; 20]>, GenesisError> {
    net.nodes
        .iter()
        .map(|n| parse_address(&n.name, "account address", &n.identity.account_address))
        .collect()
}

/// Whether the network turns on GoQuorum privacy enhancements: GoQuorum supports them, every
/// local node runs Tessera (geth without a privacy manager refuses to start on such a chain),
/// and every Tessera version involved supports them. The genesis
/// `privacyEnhancementsBlock` and every Tessera `features.enablePrivacyEnhancements` follow this
/// one answer, because geth refuses to start when the two disagree.
pub fn privacy_enhancements(net: &Network) -> bool {
    let mut versions = net
        .nodes
        .iter()
        .filter_map(|n| n.tessera.as_ref().map(|t| &t.version))
        .chain(net.genesis.tm_version.as_ref())
        .peekable();
    net.genesis.quorum_version >= PRIVACY_ENHANCEMENTS_QUORUM_SINCE
        && net.nodes.iter().all(|n| n.tessera.is_some())
        && versions.peek().is_some()
        && versions.all(|v| *v >= PRIVACY_ENHANCEMENTS_TESSERA_SINCE)
}

/// The consensus engine's `config` entry (none for raft), e.g. `("qbft", {...})`.
type EngineEntry = Option<(&'static str, Value)>;

/// The consensus-specific `config` entry and the extraData.
fn consensus_config(net: &Network) -> Result<(EngineEntry, Vec<u8>), GenesisError> {
    let genesis = &net.genesis;
    let consensus = genesis.consensus;
    let non_empty = |v: Vec<[u8; 20]>| {
        if v.is_empty() {
            Err(GenesisError::NoValidators(consensus))
        } else {
            Ok(v)
        }
    };
    Ok(match consensus {
        Consensus::Raft => (None, vec![0; 32]),
        Consensus::Clique => (
            Some(("clique", json!({ "period": 0, "epoch": EPOCH }))),
            extradata::clique(&non_empty(signers(net)?)?),
        ),
        Consensus::Istanbul => (
            Some((
                "istanbul",
                json!({ "epoch": EPOCH, "policy": 0, "ceil2Nby3Block": 0 }),
            )),
            extradata::ibft(&non_empty(validators(net)?)?),
        ),
        Consensus::Qbft => {
            let version = &genesis.quorum_version;
            if *version < QBFT_SINCE {
                return Err(GenesisError::UnsupportedVersion {
                    consensus,
                    minimum: QBFT_SINCE,
                    version: version.clone(),
                });
            }
            let validators = non_empty(validators(net)?)?;
            match genesis.test_qbft_block.filter(|&block| block > 0) {
                // The chain starts as IBFT and switches to QBFT at that block, so genesis
                // carries IBFT extraData (the original wrote QBFT extraData here, anchor §8.24).
                Some(block) => (
                    Some(("istanbul", istanbul_with_qbft_block(block))),
                    extradata::ibft(&validators),
                ),
                None if *version < QBFT_CONFIG_SINCE => (
                    Some(("istanbul", istanbul_with_qbft_block(0))),
                    extradata::qbft(&validators),
                ),
                None => (
                    Some(("qbft", qbft_block(version))),
                    extradata::qbft(&validators),
                ),
            }
        }
    })
}

fn istanbul_with_qbft_block(block: u64) -> Value {
    json!({ "testQBFTBlock": block, "epoch": EPOCH, "policy": 0, "ceil2Nby3Block": 0 })
}

/// The `qbft` block of GoQuorum >= 22.4.0, with the field names of GoQuorum's `BFTConfig`
/// (`params/config.go`) as the GoQuorum QBFT docs and quorum-genesis-tool write them.
fn qbft_block(version: &Version) -> Value {
    let mut qbft = Map::new();
    qbft.insert("epochlength".into(), EPOCH.into());
    qbft.insert("blockperiodseconds".into(), BLOCK_PERIOD_SECONDS.into());
    if *version >= EMPTY_BLOCK_PERIOD_SINCE {
        qbft.insert(
            "emptyblockperiodseconds".into(),
            EMPTY_BLOCK_PERIOD_SECONDS.into(),
        );
    }
    qbft.insert(
        "requesttimeoutseconds".into(),
        REQUEST_TIMEOUT_SECONDS.into(),
    );
    qbft.insert("policy".into(), 0.into());
    qbft.insert("ceil2Nby3Block".into(), 0.into());
    Value::Object(qbft)
}

/// Renders genesis.json: pretty JSON (2-space indent), keys in a fixed order, trailing newline.
pub fn render(net: &Network) -> Result<String, GenesisError> {
    let genesis = &net.genesis;
    let (engine, extra) = consensus_config(net)?;

    let mut alloc = Map::new();
    for node in &net.nodes {
        let account = parse_address(
            &node.name,
            "account address",
            &node.identity.account_address,
        )?;
        alloc.insert(
            address::to_checksum(&account),
            json!({ "balance": ACCOUNT_BALANCE }),
        );
    }

    let mut config = Map::new();
    for fork in [
        "homesteadBlock",
        "byzantiumBlock",
        "constantinopleBlock",
        "petersburgBlock",
        "istanbulBlock",
    ] {
        config.insert(fork.into(), 0.into());
    }
    if privacy_enhancements(net) {
        config.insert("privacyEnhancementsBlock".into(), 0.into());
    }
    config.insert("eip150Block".into(), 0.into());
    config.insert("eip150Hash".into(), ZERO_HASH.into());
    config.insert("eip155Block".into(), 0.into());
    config.insert("eip158Block".into(), 0.into());
    if genesis.quorum_version >= MAX_CODE_SIZE_CONFIG_SINCE {
        config.insert(
            "maxCodeSizeConfig".into(),
            json!([{ "block": 0, "size": MAX_CODE_SIZE }]),
        );
    } else {
        config.insert("maxCodeSize".into(), LEGACY_MAX_CODE_SIZE.into());
        config.insert("maxCodeSizeChangeBlock".into(), 0.into());
    }
    config.insert("chainId".into(), genesis.chain_id.into());
    config.insert("isQuorum".into(), true.into());
    if let Some((key, value)) = engine {
        config.insert(key.into(), value);
    }

    let raft = genesis.consensus == Consensus::Raft;
    let mut root = Map::new();
    root.insert("alloc".into(), Value::Object(alloc));
    root.insert("coinbase".into(), ZERO_ADDRESS.into());
    root.insert("config".into(), Value::Object(config));
    root.insert("difficulty".into(), if raft { "0x0" } else { "0x1" }.into());
    root.insert("extraData".into(), extradata::to_hex(&extra).into());
    root.insert("gasLimit".into(), GAS_LIMIT.into());
    root.insert(
        "mixHash".into(),
        if raft { RAFT_MIX_HASH } else { BFT_MIX_HASH }.into(),
    );
    root.insert("nonce".into(), "0x0".into());
    root.insert("parentHash".into(), ZERO_HASH.into());
    root.insert("timestamp".into(), "0x00".into());

    let mut text = serde_json::to_string_pretty(&Value::Object(root)).expect("genesis serialises");
    text.push('\n');
    Ok(text)
}

/// Whether an existing genesis.json turns on privacy enhancements, so the Tessera configs of a
/// network pinned to it agree with it.
pub fn genesis_privacy_enhancements(genesis_json: &str) -> Result<bool, GenesisError> {
    let value: Value = serde_json::from_str(genesis_json)
        .map_err(|e| GenesisError::InvalidGenesis(e.to_string()))?;
    let config = value
        .get("config")
        .and_then(Value::as_object)
        .ok_or_else(|| GenesisError::InvalidGenesis("no `config` object".into()))?;
    // geth decodes JSON keys case-insensitively.
    Ok(config
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("privacyEnhancementsBlock") && !v.is_null()))
}

/// Why nodes without Tessera cannot run on `genesis_json`, or `None`: geth without a private
/// transaction manager exits at start on a chain whose genesis sets
/// `config.privacyEnhancementsBlock` ("Cannot start quorum with privacy enhancements enabled
/// while the transaction manager does not support it"). `genesis` names the file for the
/// message, `fix` says what the user can do.
pub fn tessera_less_problem(
    genesis_json: &str,
    tessera_less: &[&str],
    genesis: &str,
    fix: &str,
) -> Option<String> {
    if tessera_less.is_empty() || !genesis_privacy_enhancements(genesis_json).unwrap_or(false) {
        return None;
    }
    let nodes: Vec<String> = tessera_less.iter().map(|n| format!("`{n}`")).collect();
    let (noun, verb) = if nodes.len() == 1 {
        ("node", "runs")
    } else {
        ("nodes", "run")
    };
    Some(format!(
        "{noun} {} {verb} no Tessera (quorum.tm.Name: none), but the genesis {genesis} sets \
         `config.privacyEnhancementsBlock`, and geth without a transaction manager exits at start \
         on such a chain; {fix}",
        nodes.join(", ")
    ))
}

impl From<GenesisError> for Error {
    fn from(e: GenesisError) -> Error {
        let kind = match &e {
            GenesisError::BadAddress { .. }
            | GenesisError::NoValidators(_)
            | GenesisError::UnsupportedVersion { .. }
            | GenesisError::InvalidGenesis(_) => ErrorKind::User,
        };
        Error::new(kind, e)
    }
}

#[cfg(test)]
pub(crate) mod test_network;

#[cfg(test)]
mod tests {
    use super::test_network::{assert_golden, network, with_external};
    use super::*;

    fn render_value(net: &Network) -> Value {
        serde_json::from_str(&render(net).unwrap()).unwrap()
    }

    fn with_version(mut net: Network, version: &str) -> Network {
        net.genesis.quorum_version = Version::parse(version).unwrap();
        net
    }

    #[test]
    fn genesis_files_match_their_golden_copies() {
        for consensus in Consensus::ALL {
            let text = render(&network(consensus)).unwrap();
            assert!(text.ends_with("}\n"));
            assert_golden(&format!("genesis/{consensus}.json"), &text);
        }
    }

    #[test]
    fn istanbul_and_clique_extradata_equal_the_published_7nodes_genesis_for_the_same_keys() {
        // Consensys/quorum-dev-quickstart@0abbd37 examples/7nodes/{istanbul,clique}-extradata.txt
        // (4-node entries), whose keys are qubernetes 7nodes key1..key4.
        let vectors: Value = serde_json::from_str(include_str!(
            "../../testdata/genesis/extradata-vectors.json"
        ))
        .unwrap();
        let published = |name: &str| {
            vectors["vectors"]
                .as_array()
                .unwrap()
                .iter()
                .find(|v| v["name"] == name)
                .unwrap()["extraData"]
                .as_str()
                .unwrap()
                .to_lowercase()
        };
        let ibft = render_value(&network(Consensus::Istanbul));
        assert_eq!(
            ibft["extraData"],
            published("quorum-examples/7nodes/istanbul-extradata.txt#4node")
        );
        let clique = render_value(&network(Consensus::Clique));
        assert_eq!(
            clique["extraData"],
            published("quorum-examples/7nodes/clique-extradata.txt#4node")
        );
    }

    #[test]
    fn alloc_funds_every_local_account_and_bft_mix_hash_is_the_istanbul_magic() {
        let genesis = render_value(&network(Consensus::Qbft));
        let alloc = genesis["alloc"].as_object().unwrap();
        let keys: Vec<&str> = alloc.keys().map(String::as_str).collect();
        // Consensys/qubernetes 7nodes/istanbul-genesis.json alloc, first four entries.
        assert_eq!(
            keys,
            [
                "0xed9d02e382b34818e88B88a309c7fe71E65f419d",
                "0xcA843569e3427144cEad5e4d5999a3D0cCF92B8e",
                "0x0fBDc686b912d7722dc86510934589E0AAf3b55A",
                "0x9186eb3d20Cbd1F5f992a950d808C4495153ABd5",
            ]
        );
        assert!(alloc.values().all(|v| v["balance"] == ACCOUNT_BALANCE));
        assert_eq!(genesis["mixHash"], BFT_MIX_HASH);
        assert_eq!(genesis["difficulty"], "0x1");
    }

    #[test]
    fn bft_validators_include_external_validators_but_clique_signers_do_not() {
        let qbft = with_external(network(Consensus::Qbft));
        assert_eq!(validators(&qbft).unwrap().len(), 5);
        let extra = render_value(&qbft)["extraData"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(extra.contains("b912de287f9b047b4228436e94b5b78e3ee16171"));
        let clique = with_external(network(Consensus::Clique));
        let extra = render_value(&clique)["extraData"]
            .as_str()
            .unwrap()
            .to_string();
        assert_eq!(extra.len(), 2 + 2 * (32 + 4 * 20 + 65));
    }

    #[test]
    fn raft_has_no_validators_and_the_raft_mix_hash() {
        let genesis = render_value(&network(Consensus::Raft));
        assert_eq!(genesis["extraData"], format!("0x{}", "0".repeat(64)));
        assert_eq!(genesis["difficulty"], "0x0");
        assert_eq!(genesis["mixHash"], RAFT_MIX_HASH);
        let config = genesis["config"].as_object().unwrap();
        assert!(
            !["istanbul", "qbft", "clique"]
                .iter()
                .any(|k| config.contains_key(*k))
        );
    }

    #[test]
    fn qbft_config_follows_the_goquorum_version() {
        let current = render_value(&network(Consensus::Qbft));
        assert_eq!(current["config"]["qbft"]["emptyblockperiodseconds"], 60);
        assert!(current["config"].get("istanbul").is_none());

        let v22 = render_value(&with_version(network(Consensus::Qbft), "22.7.1"));
        assert_eq!(v22["config"]["qbft"]["blockperiodseconds"], 3);
        assert!(
            v22["config"]["qbft"]
                .get("emptyblockperiodseconds")
                .is_none()
        );

        let v21 = render_value(&with_version(network(Consensus::Qbft), "21.7.1"));
        assert!(v21["config"].get("qbft").is_none());
        assert_eq!(v21["config"]["istanbul"]["testQBFTBlock"], 0);
        assert!(v21["extraData"].as_str().unwrap().ends_with("c080c0"));

        // Version order, not string order: "9.0.0" > "22.4.0" as strings.
        let err = render(&with_version(network(Consensus::Qbft), "9.0.0")).unwrap_err();
        assert!(err.to_string().contains("needs GoQuorum 21.7.0"), "{err}");
        let v100 = render_value(&with_version(network(Consensus::Qbft), "100.0.0"));
        assert!(v100["config"].get("qbft").is_some());
    }

    #[test]
    fn a_later_qbft_block_starts_the_chain_as_ibft() {
        let mut net = network(Consensus::Qbft);
        net.genesis.test_qbft_block = Some(100);
        let genesis = render_value(&net);
        assert_eq!(genesis["config"]["istanbul"]["testQBFTBlock"], 100);
        assert!(genesis["config"].get("qbft").is_none());
        let ibft = render_value(&network(Consensus::Istanbul));
        assert_eq!(genesis["extraData"], ibft["extraData"]);
    }

    #[test]
    fn max_code_size_form_follows_the_goquorum_version() {
        let old = render_value(&with_version(network(Consensus::Raft), "2.5.0"));
        assert_eq!(old["config"]["maxCodeSize"], 35);
        assert_eq!(old["config"]["maxCodeSizeChangeBlock"], 0);
        assert!(old["config"].get("maxCodeSizeConfig").is_none());
        let new = render_value(&with_version(network(Consensus::Raft), "2.10.0"));
        assert_eq!(
            new["config"]["maxCodeSizeConfig"],
            json!([{ "block": 0, "size": 32 }])
        );
    }

    #[test]
    fn privacy_enhancements_need_tessera_nodes_with_a_version_that_supports_them() {
        assert!(privacy_enhancements(&network(Consensus::Raft)));
        let pe = |net: &Network| {
            render_value(net)["config"]
                .get("privacyEnhancementsBlock")
                .cloned()
        };
        assert_eq!(pe(&network(Consensus::Raft)), Some(json!(0)));

        let mut no_tessera = network(Consensus::Raft);
        no_tessera.nodes.iter_mut().for_each(|n| n.tessera = None);
        assert_eq!(pe(&no_tessera), None);

        let mut old_tessera = network(Consensus::Raft);
        old_tessera.nodes[2].tessera.as_mut().unwrap().version = Version::new(0, 10, 4);
        assert_eq!(pe(&old_tessera), None);

        assert_eq!(pe(&with_version(network(Consensus::Raft), "2.7.0")), None);
    }

    #[test]
    fn bft_and_clique_networks_without_validators_are_refused() {
        for consensus in [Consensus::Qbft, Consensus::Istanbul, Consensus::Clique] {
            let mut net = network(consensus);
            net.nodes.clear();
            let err = render(&net).unwrap_err();
            assert!(matches!(err, GenesisError::NoValidators(_)), "{err}");
        }
        let mut raft = network(Consensus::Raft);
        raft.nodes.clear();
        render(&raft).unwrap();
    }

    #[test]
    fn invalid_external_validator_addresses_name_the_node() {
        let mut net = with_external(network(Consensus::Istanbul));
        net.external_nodes[0].validator_address = Some("0x1234".into());
        let err = render(&net).unwrap_err().to_string();
        assert!(
            err.contains("`orgb-node1`") && err.contains("`0x1234`"),
            "{err}"
        );
    }

    #[test]
    fn privacy_enhancements_are_read_back_from_an_existing_genesis() {
        let on = render(&network(Consensus::Qbft)).unwrap();
        assert!(genesis_privacy_enhancements(&on).unwrap());
        // Consensys/qubernetes 7nodes/clique-genesis.json has no privacyEnhancementsBlock.
        let clique_7nodes = r#"{"config": {"chainId": 10, "isQuorum": true}}"#;
        assert!(!genesis_privacy_enhancements(clique_7nodes).unwrap());
        assert!(genesis_privacy_enhancements("[]").is_err());
    }
}
