//! A fixed network for golden tests: the published qubernetes 7nodes key directories
//! `key1`..`key4` (in `testdata/keys/7nodes/`) as `quorum-node1`..`quorum-node4`, and
//! optionally one external node with the public values of 7nodes `key5`.

use std::path::Path;

use crate::keys;
use crate::network::*;

pub(crate) fn network(consensus: Consensus) -> Network {
    let quorum_version = semver::Version::parse(DEFAULT_QUORUM_VERSION).unwrap();
    let tm_version = semver::Version::parse(DEFAULT_TESSERA_VERSION).unwrap();
    let nodes = (1..=4)
        .map(|i| {
            let dir =
                Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("testdata/keys/7nodes/key{i}"));
            let (identity, secrets) = keys::load(&dir).unwrap();
            LocalNode {
                name: format!("quorum-node{i}"),
                key_dir: format!("key{i}"),
                consensus,
                quorum_version: quorum_version.clone(),
                quorum_image: format!("quorumengineering/quorum:{quorum_version}"),
                tessera: Some(TesseraSpec {
                    version: tm_version.clone(),
                    image: format!("quorumengineering/tessera:{tm_version}"),
                }),
                geth_params: String::new(),
                verbosity: 3,
                identity,
                secrets,
            }
        })
        .collect();
    Network {
        genesis: GenesisSettings {
            consensus,
            chain_id: DEFAULT_CHAIN_ID,
            quorum_version,
            tm_version: Some(tm_version),
            test_qbft_block: None,
        },
        nodes,
        external_nodes: vec![],
        k8s: K8sSettings::default(),
    }
}

/// Adds an external node with 7nodes `key5`'s enode id and node address (Consensys/qubernetes
/// `7nodes/key5/enode`, `7nodes/istanbul-validator-config.toml`).
pub(crate) fn with_external(mut net: Network) -> Network {
    let raft = if net.genesis.consensus == Consensus::Raft {
        "&raftport=50401"
    } else {
        ""
    };
    net.external_nodes.push(ExternalNode {
        name: "orgb-node1".into(),
        enode_url: format!(
            "enode://3701f007bfa4cb26512d7df18e6bbd202e8484a6e11d387af6e482b525fa25542d46ff9c99db87bd419b980c24a086117a397f6d8f88e74351b41693880ea0cb@203.0.113.10:31500?discport=0{raft}"
        ),
        tm_url: Some("http://203.0.113.10:30853".into()),
        tm_public_key: None,
        validator_address: Some("0xb912De287F9b047B4228436E94B5b78E3Ee16171".into()),
    });
    net
}

pub(crate) use crate::testing::assert_golden;
