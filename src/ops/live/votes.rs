//! `qctl validator`: the validator (IBFT/QBFT) or signer (clique) set as a running member
//! sees it, and the votes that change it.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{Value, json};

use super::Geth;
use crate::cluster::{self, Cluster, Connection};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::ops::OpsError;
use crate::quorum::rpc;
use crate::quorum::validators::{self, KnownNode, Origin, Row, State, VoteApi};

/// `qctl validator ls`: the set as a running member sees it.
#[derive(Debug, Clone, Serialize)]
pub struct ValidatorSet {
    /// `validator` or `signer`.
    pub member: &'static str,
    /// The local node the set was read from.
    pub read_from: String,
    pub rows: Vec<Row>,
}

/// The vote API of the config's consensus, or why it has none.
fn vote_api(config: &Config) -> Result<VoteApi, OpsError> {
    validators::vote_api(config.genesis.consensus).ok_or_else(|| {
        OpsError::Invalid(
            "raft has no validator votes: its members are the nodes of the raft cluster, \
             which join through `raft_addPeer`; `qctl rpc NODE raft_cluster` lists them"
                .into(),
        )
    })
}

/// Checks, before connecting, that the config's consensus has votes.
pub fn check_votes(config: &Config) -> Result<(), OpsError> {
    vote_api(config).map(|_| ())
}

/// Reads the set from the first local node that answers, with the proposals every local
/// member casts.
pub fn validator_set(cluster: &Cluster, config: &Config, namespace: &str) -> Result<ValidatorSet> {
    let api = vote_api(config)?;
    cluster.run(|conn| async move {
        let known = known_nodes(conn, config, namespace).await?;
        read_set(&Geth::at(conn, namespace).await?, &known, config, api).await
    })
}

/// The set as it stands, with the proposals of the local members among `known`.
async fn read_set(
    geth: &Geth<'_>,
    known: &[KnownNode],
    config: &Config,
    api: VoteApi,
) -> Result<ValidatorSet> {
    let (read_from, members) = members(geth, config, api).await?;
    let mut proposals = Vec::new();
    for voter in local_members(known, &members) {
        let answer = geth.call(&voter, api.proposals, &json!([])).await?;
        proposals.push(proposal_map(&answer));
    }
    Ok(ValidatorSet {
        member: api.member,
        read_from,
        rows: validators::rows(&members, known, &proposals),
    })
}

/// The set, from the first local node whose geth answers.
pub(super) async fn members(
    geth: &Geth<'_>,
    config: &Config,
    api: VoteApi,
) -> Result<(String, Vec<String>)> {
    let mut last_error = None;
    for node in &config.nodes {
        match geth.call(&node.name, api.list, &json!([])).await {
            Ok(answer) => {
                let members = rpc::addresses(&answer).map_err(|e| {
                    Error::runtime(format!(
                        "node `{}` answered `{}` with {e}",
                        node.name, api.list
                    ))
                })?;
                return Ok((node.name.clone(), members));
            }
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| Error::user("the config has no nodes")))
}

/// Every node of the config with its voting address: local ones from their deployed identity,
/// external ones from the bundle they came in.
async fn known_nodes(
    conn: &Connection,
    config: &Config,
    namespace: &str,
) -> Result<Vec<KnownNode>> {
    let mut known = Vec::new();
    for node in &config.nodes {
        let identity = match cluster::export::read_identity(conn, namespace, &node.name).await {
            Ok(identity) => identity,
            // Not deployed yet: it votes and counts once it is.
            Err(cluster::ClusterError::NotDeployed { .. }) => continue,
            Err(e) => return Err(e.into()),
        };
        if let Some(address) = identity.voting_address() {
            known.push(KnownNode {
                name: node.name.clone(),
                address: address.to_string(),
                origin: Origin::Local,
            });
        }
    }
    known.extend(config.external_nodes.iter().filter_map(|e| {
        Some(KnownNode {
            name: e.name.clone(),
            address: e.node_acct_addr.clone()?,
            origin: Origin::External,
        })
    }));
    Ok(known)
}

/// The local nodes in the set: those that can vote.
fn local_members(known: &[KnownNode], members: &[String]) -> Vec<String> {
    known
        .iter()
        .filter(|k| k.origin == Origin::Local)
        .filter(|k| members.iter().any(|m| m.eq_ignore_ascii_case(&k.address)))
        .map(|k| k.name.clone())
        .collect()
}

fn proposal_map(answer: &Value) -> BTreeMap<String, bool> {
    answer
        .as_object()
        .map(|o| {
            o.iter()
                .filter_map(|(a, v)| Some((a.clone(), v.as_bool()?)))
                .collect()
        })
        .unwrap_or_default()
}

/// What `qctl validator propose` votes on.
#[derive(Debug, Clone)]
pub struct ProposeOptions {
    /// Node names (of the config) or `0x` addresses.
    pub targets: Vec<String>,
    /// Vote to remove instead of to add.
    pub remove: bool,
    /// How long to watch the set change; zero casts the votes and returns.
    pub timeout: Duration,
}

/// One target of a vote, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    pub address: String,
    pub node: Option<String>,
}

/// The addresses `targets` name: node names of the config (local or external) or addresses.
/// Checked before connecting, except local nodes, whose address is read from the cluster.
pub fn resolve_targets(
    config: &Config,
    targets: &[String],
) -> Result<Vec<(String, Option<String>)>, OpsError> {
    if targets.is_empty() {
        return Err(OpsError::Invalid(
            "name at least one node (of the config) or 0x address to vote on".into(),
        ));
    }
    targets
        .iter()
        .map(|t| {
            if t.starts_with("0x") || t.starts_with("0X") {
                let bytes = crate::keys::address::parse(t).map_err(|e| {
                    OpsError::Invalid(format!("`{}` is not an address: {e}", crate::text::sanitize(t)))
                })?;
                Ok((crate::keys::address::to_checksum(&bytes), None))
            } else if config.nodes.iter().any(|n| &n.name == t) {
                Ok((String::new(), Some(t.clone())))
            } else if let Some(e) = config.external_nodes.iter().find(|e| &e.name == t) {
                let address = e.node_acct_addr.clone().ok_or_else(|| {
                    OpsError::Invalid(format!(
                        "external node `{t}` came without a validator address (its bundle has none: \
                         a raft node, or an older export); vote on its address instead"
                    ))
                })?;
                Ok((address, Some(t.clone())))
            } else {
                let names: Vec<&str> = config.names().collect();
                Err(OpsError::Invalid(format!(
                    "no node named `{}`; name one of {} or give a 0x address",
                    crate::text::sanitize(t),
                    names.join(", ")
                )))
            }
        })
        .collect()
}

/// What `propose` did.
#[derive(Debug, Clone, Serialize)]
pub struct ProposeOutcome {
    /// Local members that cast the vote.
    pub voters: Vec<String>,
    pub targets: Vec<Target>,
    /// Every target reached its state.
    pub done: bool,
    /// The set at the end.
    pub set: ValidatorSet,
}

/// Casts the vote on every local member, then watches the set until every target is in it
/// (or out of it) or the timeout passes; `progress` hears each reading.
pub fn propose(
    cluster: &Cluster,
    config: &Config,
    namespace: &str,
    opts: &ProposeOptions,
    progress: &dyn Fn(&ValidatorSet),
) -> Result<ProposeOutcome> {
    let api = vote_api(config)?;
    let resolved = resolve_targets(config, &opts.targets)?;
    cluster.run(|conn| async move {
        let known = known_nodes(conn, config, namespace).await?;
        let targets: Vec<Target> = resolved
            .into_iter()
            .map(|(address, node)| {
                let address = match (&node, address.is_empty()) {
                    (Some(name), true) => known
                        .iter()
                        .find(|k| &k.name == name)
                        .map(|k| k.address.clone())
                        .unwrap_or_default(),
                    _ => address,
                };
                Target { address, node }
            })
            .collect();
        if let Some(t) = targets.iter().find(|t| t.address.is_empty()) {
            return Err(Error::runtime(format!(
                "node `{}` is not deployed, so its address is not known here; deploy it first",
                t.node.as_deref().unwrap_or_default()
            )));
        }
        let geth = Geth::at(conn, namespace).await?;
        let (_, members) = members(&geth, config, api).await?;
        let voters = local_members(&known, &members);
        if voters.is_empty() {
            return Err(Error::runtime(format!(
                "no node of this config is a {} yet, so none can vote; the votes must come from \
                 the organisation whose nodes are in the set",
                api.member
            )));
        }
        let authorize = !opts.remove;
        on_every_voter(&geth, &voters, &targets, api.propose, |t| {
            json!([t.address, authorize])
        })
        .await?;
        let settled = |set: &ValidatorSet| {
            targets.iter().all(|t| {
                let state = set
                    .rows
                    .iter()
                    .find(|r| r.address.eq_ignore_ascii_case(&t.address))
                    .map(|r| r.state);
                if authorize {
                    matches!(state, Some(State::Active | State::Leaving))
                } else {
                    !matches!(state, Some(State::Active | State::Leaving))
                }
            })
        };
        let deadline = Instant::now() + opts.timeout;
        loop {
            // Pods may be replaced while votes are cast: list them for each reading.
            let geth = Geth::at(conn, namespace).await?;
            let set = read_set(&geth, &known, config, api).await?;
            progress(&set);
            let done = settled(&set);
            if done || Instant::now() >= deadline {
                if done {
                    // The change is made: stop casting the vote in every block.
                    on_every_voter(&geth, &voters, &targets, api.discard, |t| {
                        json!([t.address])
                    })
                    .await?;
                }
                return Ok(ProposeOutcome {
                    voters,
                    targets,
                    done,
                    set,
                });
            }
            tokio::time::sleep(Duration::from_secs(2).min(deadline - Instant::now())).await;
        }
    })
}

/// Calls `method` with `params(target)` on every voter, for every target.
async fn on_every_voter(
    geth: &Geth<'_>,
    voters: &[String],
    targets: &[Target],
    method: &str,
    params: impl Fn(&Target) -> Value,
) -> Result<()> {
    for voter in voters {
        for target in targets {
            geth.call(voter, method, &params(target)).await?;
        }
    }
    Ok(())
}
