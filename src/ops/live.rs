//! Working with a running network through the API server: a node's logs, its geth console,
//! JSON-RPC calls, and the validator (or clique signer) votes that let another organisation's
//! nodes seal. Every call goes through [`crate::cluster::container`]; nothing here dials a pod.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{Value, json};

use super::OpsError;
use crate::cluster::container::{self, ExecOutput, LogRequest};
use crate::cluster::{self, Cluster, Connection};
use crate::config::{Config, NodeEntry};
use crate::error::{Error, Result};
use crate::k8s::names;
use crate::network::{TxManagerKind, ports};
use crate::quorum::rpc;
use crate::quorum::validators::{self, KnownNode, Origin, Row, State, VoteApi};

/// The node of the config named `name`, or an error listing the nodes there are.
pub fn local_node<'a>(config: &'a Config, name: &str) -> Result<&'a NodeEntry, OpsError> {
    config.nodes.iter().find(|n| n.name == name).ok_or_else(|| {
        let external = config.external_nodes.iter().any(|e| e.name == name);
        let known: Vec<&str> = config.nodes.iter().map(|n| n.name.as_str()).collect();
        OpsError::Invalid(format!(
            "{} `{}`; the nodes of this network are: {}",
            if external {
                "qctl reaches only this cluster's nodes, not the external node"
            } else {
                "no node named"
            },
            crate::text::sanitize(name),
            if known.is_empty() {
                "none".into()
            } else {
                known.join(", ")
            }
        ))
    })
}

/// Checks that `node` has `container` before anything connects: Tessera only where the
/// config gives the node one.
pub fn check_container(node: &NodeEntry, container: &str) -> Result<(), OpsError> {
    if container == names::CONTAINER_TESSERA && node.tm == TxManagerKind::None {
        return Err(OpsError::Invalid(format!(
            "node `{}` runs without Tessera (`tm: none` in the config); its containers are `{}` and `{}`",
            node.name,
            names::CONTAINER_INIT,
            names::CONTAINER_QUORUM
        )));
    }
    Ok(())
}

/// Copies the logs of `node`'s newest pod to stdout.
pub fn logs(cluster: &Cluster, namespace: &str, node: &str, request: &LogRequest) -> Result<()> {
    cluster.run(|conn| async move {
        let pod = container::node_pod(conn, namespace, node).await?;
        let pod = pod.metadata.name.unwrap_or_default();
        container::copy_logs(conn, namespace, &pod, request, &mut tokio::io::stdout()).await?;
        Ok(())
    })
}

/// What `geth attach --exec` printed for `js` on `node`; a JavaScript exception is an error.
pub fn geth_exec(
    cluster: &Cluster,
    namespace: &str,
    node: &str,
    js: &str,
    timeout: Duration,
) -> Result<String> {
    let nonce = nonce();
    let command = vec![
        "geth".to_string(),
        "attach".into(),
        "--exec".into(),
        rpc::console_program(js, &nonce),
        crate::quorum::GETH_IPC_PATH.into(),
    ];
    let output = cluster.run(|conn| async move {
        let pod = container::running_pod(conn, namespace, node, names::CONTAINER_QUORUM).await?;
        container::exec(
            conn,
            namespace,
            &pod,
            names::CONTAINER_QUORUM,
            command,
            timeout,
        )
        .await
        .map_err(Error::from)
    })?;
    let ExecOutput {
        stdout,
        stderr,
        failure,
    } = output;
    if let Some(failure) = failure {
        return Err(Error::runtime(format!(
            "`geth attach` on node `{node}` failed ({failure}): {}",
            crate::text::clip(stderr.trim(), 500)
        )));
    }
    rpc::console_outcome(&stdout, &nonce).map_err(|exception| {
        Error::runtime(format!(
            "the script raised on node `{node}`: {}",
            crate::text::clip(&exception, 500)
        ))
    })
}

/// `geth attach` on `node` with this terminal (or these pipes); `size` is the terminal's
/// (columns, rows) when stdin is one.
pub fn geth_attach(
    cluster: &Cluster,
    namespace: &str,
    node: &str,
    size: Option<(u16, u16)>,
) -> Result<()> {
    let command = vec![
        "geth".to_string(),
        "attach".into(),
        crate::quorum::GETH_IPC_PATH.into(),
    ];
    let failure = cluster.run(|conn| async move {
        let pod = container::running_pod(conn, namespace, node, names::CONTAINER_QUORUM).await?;
        container::exec_interactive(
            conn,
            namespace,
            &pod,
            names::CONTAINER_QUORUM,
            command,
            size,
        )
        .await
        .map_err(Error::from)
    })?;
    match failure {
        None => Ok(()),
        Some(failure) => Err(Error::runtime(format!(
            "`geth attach` on node `{node}` ended with {failure}"
        ))),
    }
}

/// The result of `method(params)` on `node`'s geth.
pub fn rpc(
    cluster: &Cluster,
    namespace: &str,
    node: &str,
    method: &str,
    params: &Value,
) -> Result<Value> {
    cluster.run(|conn| call(conn, namespace, node, method, params))
}

/// One JSON-RPC call to the geth of `node`, over a port-forward to its HTTP port.
async fn call(
    conn: &Connection,
    namespace: &str,
    node: &str,
    method: &str,
    params: &Value,
) -> Result<Value> {
    let pod = container::running_pod(conn, namespace, node, names::CONTAINER_QUORUM).await?;
    let (status, body) = container::http_post(
        conn,
        namespace,
        &pod,
        ports::RPC,
        rpc::HTTP_PATH,
        rpc::request(method, params),
    )
    .await?;
    let failed =
        |why: String| Error::runtime(format!("node `{node}` answered `{method}` with {why}"));
    if status != 200 && status != 400 && status != 500 {
        return Err(failed(format!(
            "HTTP {status}: {}",
            crate::text::clip(&String::from_utf8_lossy(&body), 200)
        )));
    }
    rpc::result(&body).map_err(|e| failed(e.to_string()))
}

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
    cluster.run(|conn| async move { read_set(conn, config, namespace, api).await })
}

async fn read_set(
    conn: &Connection,
    config: &Config,
    namespace: &str,
    api: VoteApi,
) -> Result<ValidatorSet> {
    let known = known_nodes(conn, config, namespace).await?;
    let (read_from, members) = members(conn, config, namespace, api).await?;
    let mut proposals = Vec::new();
    for voter in local_members(&known, &members) {
        let answer = call(conn, namespace, &voter, api.proposals, &json!([])).await?;
        proposals.push(proposal_map(&answer));
    }
    Ok(ValidatorSet {
        member: api.member,
        read_from,
        rows: validators::rows(&members, &known, &proposals),
    })
}

/// The set, from the first local node whose geth answers.
async fn members(
    conn: &Connection,
    config: &Config,
    namespace: &str,
    api: VoteApi,
) -> Result<(String, Vec<String>)> {
    let mut last_error = None;
    for node in &config.nodes {
        match call(conn, namespace, &node.name, api.list, &json!([])).await {
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
        let (_, members) = members(conn, config, namespace, api).await?;
        let voters = local_members(&known, &members);
        if voters.is_empty() {
            return Err(Error::user(format!(
                "no node of this config is a {} yet, so none can vote; the votes must come from \
                 the organisation whose nodes are in the set",
                api.member
            )));
        }
        let authorize = !opts.remove;
        for voter in &voters {
            for target in &targets {
                call(
                    conn,
                    namespace,
                    voter,
                    api.propose,
                    &json!([target.address, authorize]),
                )
                .await?;
            }
        }
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
            let set = read_set(conn, config, namespace, api).await?;
            progress(&set);
            let done = settled(&set);
            if done || Instant::now() >= deadline {
                if done {
                    // The change is made: stop casting the vote in every block.
                    for voter in &voters {
                        for target in &targets {
                            call(
                                conn,
                                namespace,
                                voter,
                                api.discard,
                                &json!([target.address]),
                            )
                            .await?;
                        }
                    }
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

/// 16 random hex digits: tags a console run's exception so no printed value can pass for one.
fn nonce() -> String {
    let mut bytes = [0u8; 8];
    getrandom::getrandom(&mut bytes).expect("the OS gives random bytes");
    hex::encode(bytes)
}

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
        for node in nodes {
            if last.get(node.as_str()).is_some_and(|s| s.ready) {
                continue;
            }
            let state = match chain_state(conn, namespace, node, consensus, expected_peers).await {
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
    conn: &Connection,
    namespace: &str,
    node: &str,
    consensus: crate::network::Consensus,
    expected_peers: u64,
) -> Result<(Option<String>, u64)> {
    let quantity = |method: &'static str, answer: Value| {
        rpc::quantity(&answer)
            .map_err(|e| Error::runtime(format!("node `{node}` answered `{method}` with {e}")))
    };
    let peers = quantity(
        "net_peerCount",
        call(conn, namespace, node, "net_peerCount", &json!([])).await?,
    )?;
    let block = quantity(
        "eth_blockNumber",
        call(conn, namespace, node, "eth_blockNumber", &json!([])).await?,
    )?;
    if peers < expected_peers {
        return Ok((
            Some(format!(
                "{peers} of {expected_peers} peers connected; block {block}"
            )),
            block,
        ));
    }
    if consensus == crate::network::Consensus::Raft {
        let leader = call(conn, namespace, node, "raft_leader", &json!([])).await;
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

/// [`ChainFacts`] of each of `nodes` that answers: two or three JSON-RPC calls per node, plus
/// one for the validator set. Best effort: a node that does not answer gets empty facts.
pub fn chain_facts(
    cluster: &Cluster,
    config: &Config,
    namespace: &str,
    nodes: &[String],
) -> BTreeMap<String, ChainFacts> {
    cluster.run(|conn| async move {
        let consensus = config.genesis.consensus;
        let set = match validators::vote_api(consensus) {
            Some(api) => members(conn, config, namespace, api)
                .await
                .ok()
                .map(|(_, members)| (api, members)),
            None => None,
        };
        let mut facts = BTreeMap::new();
        for node in nodes {
            let number = |method: &'static str| async move {
                let answer = call(conn, namespace, node, method, &json!([])).await.ok()?;
                rpc::quantity(&answer).ok()
            };
            let block = number("eth_blockNumber").await;
            if block.is_none() {
                facts.insert(node.clone(), ChainFacts::default());
                continue;
            }
            let peers = number("net_peerCount").await;
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
                None => call(conn, namespace, node, "raft_role", &json!([]))
                    .await
                    .ok()
                    .and_then(|r| r.as_str().map(str::to_string)),
            };
            facts.insert(node.clone(), ChainFacts { block, peers, role });
        }
        facts
    })
}
