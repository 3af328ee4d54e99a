//! Checks of a genesis that qctl did not just create (kept from an earlier run, or pinned by
//! `config.Genesis_File`) against the network about to run on it.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::network::{Consensus, Network};

/// Why a kept or pinned genesis does not fit the config.
#[derive(Debug, thiserror::Error)]
pub enum KeptGenesisError {
    #[error("`{}` is not JSON: {message}", path.display())]
    NotJson { path: PathBuf, message: String },
    #[error(
        "`{}` has chain id {genesis} but genesis.Chain_Id is {config}",
        path.display()
    )]
    ChainId {
        path: PathBuf,
        genesis: u64,
        config: u64,
    },
    #[error(
        "`{}` is a {engine} genesis but genesis.consensus is {consensus}",
        path.display()
    )]
    Engine {
        path: PathBuf,
        engine: &'static str,
        consensus: Consensus,
    },
}

impl From<KeptGenesisError> for crate::error::Error {
    fn from(e: KeptGenesisError) -> Self {
        // Every variant is a config that contradicts its own chain: the user's to fix.
        let fix = !matches!(e, KeptGenesisError::NotJson { .. });
        let error = crate::error::Error::new(crate::error::ErrorKind::User, e);
        if fix {
            error.with_hint(
                "restore the config, or start a new chain with `qctl generate --recreate`",
            )
        } else {
            error
        }
    }
}

/// The engine family a genesis configures: the pods' flags must match it.
fn engine_of(consensus: Consensus) -> &'static str {
    match consensus {
        Consensus::Clique => "clique",
        Consensus::Raft => "raft",
        Consensus::Istanbul | Consensus::Qbft => "istanbul/qbft",
    }
}

/// Refuses a kept or pinned genesis (read from `path`) whose chain id or consensus `chain_id`
/// and `consensus` contradict: the pods would start with flags that contradict their chain.
pub fn check_kept(
    genesis_json: &str,
    chain_id: u64,
    consensus: Consensus,
    path: &Path,
) -> Result<(), KeptGenesisError> {
    let genesis: Value =
        serde_json::from_str(genesis_json).map_err(|e| KeptGenesisError::NotJson {
            path: path.into(),
            message: e.to_string(),
        })?;
    let cfg = &genesis["config"];
    if let Some(id) = cfg["chainId"].as_u64()
        && id != chain_id
    {
        return Err(KeptGenesisError::ChainId {
            path: path.into(),
            genesis: id,
            config: chain_id,
        });
    }
    let engine = if cfg.get("clique").is_some() {
        engine_of(Consensus::Clique)
    } else if cfg.get("qbft").is_some() || cfg.get("istanbul").is_some() {
        engine_of(Consensus::Qbft)
    } else {
        engine_of(Consensus::Raft)
    };
    if engine != engine_of(consensus) {
        return Err(KeptGenesisError::Engine {
            path: path.into(),
            engine,
            consensus,
        });
    }
    Ok(())
}

/// Whether `address` is in the genesis: its hex appears in the `extraData` (IBFT/QBFT
/// validators, clique signers) or anywhere else in the text, compared without case.
pub fn holds_address(genesis_json: &str, address: &str) -> bool {
    let hex = address.trim_start_matches("0x").to_ascii_lowercase();
    genesis_json.to_ascii_lowercase().contains(&hex)
}

/// Validators the config names that a kept genesis does not hold: they must be voted in.
pub fn missing_validators(net: &Network, genesis_json: &str) -> Vec<String> {
    super::validator_entries(net)
        .into_iter()
        .filter(|(_, addr)| !holds_address(genesis_json, addr))
        .map(|(name, addr)| {
            format!(
                "validator `{name}` ({addr}) is not in the existing genesis; once deployed, vote it in with `qctl validator propose {name}` (or regenerate with --recreate)"
            )
        })
        .collect()
}
