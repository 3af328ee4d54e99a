//! Whether the chain works on each node: `deploy --wait` and `status -o wide`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::json;

use super::Geth;
use super::votes::members;
use crate::cluster::{self, Cluster, Connection};
use crate::config::Config;
use crate::error::Result;
use crate::quorum::validators;

/// How one node's chain looks while `deploy --wait` waits for it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ChainState {
    ready: bool,
    detail: String,
}

/// Waits until the chain works on every node of `nodes` (all pods Ready already): each geth
/// has at least the other local nodes as peers, and blocks advance (IBFT/QBFT, clique) or the
/// raft cluster has a leader (raft makes blocks only for transactions). Tessera needs no check
/// here: its readiness probe is `/upcheck`. Calls `progress` on each change; fails naming every
/// node that is not there at `deadline`, the end of the whole `--timeout` of `timeout`.
pub async fn wait_chain(
    conn: &Connection,
    namespace: &str,
    nodes: &[String],
    consensus: crate::network::Consensus,
    (deadline, timeout): (Instant, Duration),
    progress: &dyn Fn(cluster::NodeProgress),
) -> Result<()> {
    let expected_peers = nodes.len().saturating_sub(1) as u64;
    let mut first_block: BTreeMap<&str, u64> = BTreeMap::new();
    let mut last: BTreeMap<&str, ChainState> = BTreeMap::new();
    loop {
        let geth = Geth::at(conn, namespace).await?;
        for node in nodes {
            if last.get(node.as_str()).is_some_and(|s| s.ready) {
                continue;
            }
            let state = match chain_state(&geth, node, consensus, expected_peers).await {
                Ok((state, block)) => {
                    let first = *first_block.entry(node).or_insert(block);
                    let advancing = block > first || consensus == crate::network::Consensus::Raft;
                    match state {
                        Some(why) => ChainState {
                            ready: false,
                            detail: why,
                        },
                        None if advancing => ChainState {
                            ready: true,
                            detail: format!("chain ready: block {block}"),
                        },
                        None => ChainState {
                            ready: false,
                            detail: format!(
                                "peers connected; waiting for block {first} to advance"
                            ),
                        },
                    }
                }
                Err(e) => ChainState {
                    ready: false,
                    detail: crate::text::clip(&e.to_string(), 200),
                },
            };
            if last.get(node.as_str()) != Some(&state) {
                last.insert(node, state.clone());
                progress(cluster::NodeProgress {
                    node: node.clone(),
                    ready: state.ready,
                    detail: state.detail,
                    ready_nodes: last.values().filter(|s| s.ready).count(),
                    total_nodes: nodes.len(),
                });
            }
        }
        if last.values().filter(|s| s.ready).count() == nodes.len() {
            return Ok(());
        }
        let now = Instant::now();
        if now >= deadline {
            let unready = nodes
                .iter()
                .filter_map(|node| {
                    let state = last.get(node.as_str())?;
                    (!state.ready).then(|| cluster::UnreadyNode {
                        node: node.clone(),
                        pod: None,
                        reason: state.detail.clone(),
                        logs: Vec::new(),
                    })
                })
                .collect();
            return Err(cluster::ClusterError::NotReady {
                namespace: namespace.into(),
                timeout,
                total: nodes.len(),
                nodes: unready,
            }
            .into());
        }
        tokio::time::sleep(Duration::from_secs(2).min(deadline - now)).await;
    }
}

/// Why `node`'s chain is not ready yet (`None`: peers are there), and its block number.
async fn chain_state(
    geth: &Geth<'_>,
    node: &str,
    consensus: crate::network::Consensus,
    expected_peers: u64,
) -> Result<(Option<String>, u64)> {
    let peers = geth.number(node, "net_peerCount").await?;
    let block = geth.number(node, "eth_blockNumber").await?;
    if peers < expected_peers {
        return Ok((
            Some(format!(
                "{peers} of {expected_peers} peers connected; block {block}"
            )),
            block,
        ));
    }
    if consensus == crate::network::Consensus::Raft {
        let leader = geth.call(node, "raft_leader", &json!([])).await;
        if !leader.is_ok_and(|l| l.as_str().is_some_and(|l| !l.is_empty())) {
            return Ok((Some("the raft cluster has no leader yet".into()), block));
        }
    }
    Ok((None, block))
}

/// What a running node's geth says of its chain, for `status -o wide`; `None` where it did not
/// answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ChainFacts {
    pub block: Option<u64>,
    pub peers: Option<u64>,
    /// `validator`, `signer` (or not), or the raft role (`minter`, `verifier`, `learner`).
    pub role: Option<String>,
}

/// [`ChainFacts`] of each of `nodes` that answers: one list of the pods, two or three JSON-RPC
/// calls per node, and one for the validator set. Best effort: a node that does not answer
/// gets empty facts.
pub fn chain_facts(
    cluster: &Cluster,
    config: &Config,
    namespace: &str,
    nodes: &[String],
) -> BTreeMap<String, ChainFacts> {
    cluster.run(|conn| async move {
        let Ok(geth) = Geth::at(conn, namespace).await else {
            return BTreeMap::new();
        };
        let consensus = config.genesis.consensus;
        let set = match validators::vote_api(consensus) {
            Some(api) => members(&geth, config, api)
                .await
                .ok()
                .map(|(_, members)| (api, members)),
            None => None,
        };
        let mut facts = BTreeMap::new();
        for node in nodes {
            let Ok(block) = geth.number(node, "eth_blockNumber").await else {
                facts.insert(node.clone(), ChainFacts::default());
                continue;
            };
            let peers = geth.number(node, "net_peerCount").await.ok();
            let role = match &set {
                Some((api, members)) => {
                    let identity = cluster::export::read_identity(conn, namespace, node).await;
                    identity.ok().and_then(|id| {
                        let address = id.voting_address()?.to_string();
                        let member = members.iter().any(|m| m.eq_ignore_ascii_case(&address));
                        Some(if member {
                            api.member.to_string()
                        } else {
                            format!("not a {}", api.member)
                        })
                    })
                }
                None => geth
                    .call(node, "raft_role", &json!([]))
                    .await
                    .ok()
                    .and_then(|r| r.as_str().map(str::to_string)),
            };
            facts.insert(
                node.clone(),
                ChainFacts {
                    block: Some(block),
                    peers,
                    role,
                },
            );
        }
        facts
    })
}
