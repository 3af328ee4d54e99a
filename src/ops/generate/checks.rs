//! What `generate` refuses before it writes anything: configs it cannot generate (versions,
//! transaction managers) and nodes without Tessera on a privacy-enhanced genesis.

use std::fs;

use crate::genesis;
use crate::layout::Layout;
use crate::network::{Consensus, TxManagerKind};
use crate::ops::{OpsError, external};

/// The oldest GoQuorum `generate` writes for: 21.7.0 brought QBFT, and every geth flag the pods
/// pass is checked against the flags of GoQuorum 21.7.1 (the original qctl's default), as read
/// from its source (`testdata/goquorum/geth-21.7.1-flags.txt`).
pub const OLDEST_QUORUM_VERSION: semver::Version = semver::Version::new(21, 7, 0);
/// The oldest Tessera `generate` writes for. Older (0.x) releases load and edit, but their
/// config and launcher are not what the pods give Tessera.
pub const OLDEST_TESSERA_VERSION: semver::Version = semver::Version::new(1, 0, 0);
/// geth serves JSON-RPC on the Ingress paths (`--http.rpcprefix`, `--ws.rpcprefix`) from
/// GoQuorum 22.1.0 on; before, only at `/`.
pub const RPC_PREFIX_SINCE: semver::Version = semver::Version::new(22, 1, 0);

/// Refuses a config that loads but cannot be generated: no nodes, a transaction manager
/// GoQuorum dropped, a GoQuorum older than the pods support.
pub(super) fn check_generatable(loaded: &crate::config::Loaded) -> Result<(), OpsError> {
    let config = &loaded.config;
    if config.nodes.is_empty() {
        return Err(OpsError::Invalid(format!(
            "`{}` has no nodes; add one with `qctl node add NAME`",
            loaded.path.display()
        )));
    }
    if let Some(n) = config
        .nodes
        .iter()
        .find(|n| n.tm == TxManagerKind::Constellation)
    {
        return Err(OpsError::Invalid(format!(
            "node `{}` uses constellation, which GoQuorum no longer supports; set its quorum.tm.Name to tessera (or none)",
            n.name
        )));
    }
    check_versions(loaded)?;
    if config.genesis.consensus == Consensus::Raft && !config.external_nodes.is_empty() {
        return Err(OpsError::Invalid(format!(
            "external_nodes: {}; remove the external_nodes entries",
            external::RAFT_ACROSS_CLUSTERS
        )));
    }
    if config.genesis.consensus == Consensus::Clique && config.k8s.ingress.is_some() {
        return Err(OpsError::Invalid(
            "k8s.service.Ingress: a clique signer keeps its account unlocked to seal blocks, so an \
             Ingress would let anyone who reaches it send transactions signed by that account; \
             remove the Ingress (reach RPC through the `<node>-rpc` Services from the namespace), \
             or run qbft"
                .to_string(),
        ));
    }
    Ok(())
}

/// Refuses a node whose GoQuorum or Tessera is older than the pods support, naming the file, the
/// node's line and the oldest version; and, with an Ingress, a GoQuorum that cannot serve
/// JSON-RPC on the Ingress paths.
fn check_versions(loaded: &crate::config::Loaded) -> Result<(), OpsError> {
    let config = &loaded.config;
    let file = loaded.path.display();
    let mut problems = Vec::new();
    for (i, n) in config.nodes.iter().enumerate() {
        let at = format!("{file}:{}: nodes[{i}] (`{}`)", n.line, n.name);
        if n.quorum_version < OLDEST_QUORUM_VERSION {
            problems.push(format!(
                "{at}: quorum.quorum.Quorum_Version {} is older than {OLDEST_QUORUM_VERSION}, the oldest GoQuorum qctl generates for; \
                 set it to {OLDEST_QUORUM_VERSION} or later (for example 21.7.1, or 24.4.1 as `qctl init` writes), \
                 or run `qctl node update {} --quorum-version VERSION`",
                n.quorum_version, n.name
            ));
        } else if config.k8s.ingress.is_some() && n.quorum_version < RPC_PREFIX_SINCE {
            problems.push(format!(
                "{at}: k8s.service.Ingress needs GoQuorum {RPC_PREFIX_SINCE} or later (`--http.rpcprefix`); \
                 GoQuorum {} answers JSON-RPC only at `/`, not at the Ingress paths; \
                 set quorum.quorum.Quorum_Version to {RPC_PREFIX_SINCE} or later, or remove the Ingress",
                n.quorum_version
            ));
        }
        if n.tm == TxManagerKind::Tessera && n.tm_version < OLDEST_TESSERA_VERSION {
            problems.push(format!(
                "{at}: quorum.tm.Tm_Version {} is older than {OLDEST_TESSERA_VERSION}, the oldest Tessera qctl generates for; \
                 set it to {OLDEST_TESSERA_VERSION} or later (for example 21.7.2, or 24.4.2 as `qctl init` writes), \
                 or run `qctl node update {} --tm-version VERSION`",
                n.tm_version, n.name
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(OpsError::Invalid(format!(
            "cannot generate for `{file}` ({} problem(s)):\n  {}\nsee docs/migrating.md, \"GoQuorum and Tessera versions\"",
            problems.len(),
            problems.join("\n  ")
        )))
    }
}

/// Refuses local nodes without Tessera on a genesis that turns privacy enhancements on (a
/// kept genesis made when every node ran Tessera, or a pinned one from an organisation that
/// does): their geth would exit at start. Runs before anything is written. A genesis made now
/// never does (see [`genesis::privacy_enhancements`]).
pub(super) fn check_privacy_manager(
    loaded: &crate::config::Loaded,
    paths: &Layout,
    recreate: bool,
) -> Result<(), OpsError> {
    let config = &loaded.config;
    let tessera_less: Vec<&str> = config
        .nodes
        .iter()
        .filter(|n| !n.has_tessera())
        .map(|n| n.name.as_str())
        .collect();
    if tessera_less.is_empty() {
        return Ok(());
    }
    let (path, fix) = match &config.paths.genesis_file {
        Some(file) => (
            loaded.base_dir().join(file),
            "set their quorum.tm.Name to tessera: the network they join uses private transactions",
        ),
        None if !recreate => (
            paths.genesis(),
            "set their quorum.tm.Name to tessera, or start a new chain without privacy \
             enhancements with `qctl generate --recreate` (new keys, new genesis)",
        ),
        None => return Ok(()),
    };
    // An unreadable pinned genesis is reported where it is read.
    let Ok(json) = fs::read_to_string(&path) else {
        return Ok(());
    };
    let shown = format!("`{}`", path.display());
    match genesis::tessera_less_problem(&json, &tessera_less, &shown, fix) {
        Some(problem) => Err(OpsError::Invalid(problem)),
        None => Ok(()),
    }
}
