//! Raft membership: a raft node added to a running network must be added to the raft cluster
//! (`raft_addPeer` on a running member) and start with the raft id the cluster assigns
//! (`--raftjoinexisting`), never a list position; a node removed from the config leaves it
//! (`raft_removePeer`) before its objects are pruned. `deploy` does both before it applies.

use serde::Serialize;
use serde_json::{Value, json};

use super::Geth;
use crate::cluster::prune::RemovedIdentity;
use crate::cluster::{Cluster, Connection};
use crate::config::Loaded;
use crate::error::{Error, Result};
use crate::k8s::names;
use crate::layout::Layout;
use crate::network::{Consensus, ports};
use crate::ops::generate::GenerateOptions;

/// The geth flag that makes a node join a running raft cluster under the id it was given.
pub const JOIN_FLAG: &str = "--raftjoinexisting";

/// A raft node that joins the running raft cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RaftJoin {
    pub node: String,
    /// The raft id the running cluster assigned.
    pub raft_id: u64,
    /// The running member that was asked.
    pub via: String,
}

/// The raft nodes of the config that were never deployed and whose geth flags do not say how
/// to join: each is added with `raft_addPeer` on a running member (unless `dry_run`), which
/// returns its raft id. A node the cluster already lists (added by an earlier, interrupted
/// run) gets the id the cluster holds. Nothing to do when the network is not raft or no
/// member runs yet (a first deploy forms the cluster from static-nodes).
pub async fn join_new_members(
    conn: &Connection,
    loaded: &Loaded,
    paths: &Layout,
    namespace: &str,
    dry_run: bool,
) -> Result<Vec<RaftJoin>> {
    let config = &loaded.config;
    if config.genesis.consensus != Consensus::Raft {
        return Ok(Vec::new());
    }
    // Newcomers have never been deployed: a node whose workload exists (starting, restarting
    // or stopped) is a member already.
    let deployed: Vec<k8s_openapi::api::apps::v1::Deployment> =
        conn.list(namespace, names::MANAGED_SELECTOR).await?;
    let has_workload = |node: &str| {
        let workload = names::workload(node);
        deployed
            .iter()
            .any(|d| d.metadata.name.as_deref() == Some(workload.as_str()))
    };
    let newcomers: Vec<_> = config
        .nodes
        .iter()
        .filter(|n| !n.geth_params.contains(JOIN_FLAG) && !has_workload(&n.name))
        .collect();
    if newcomers.is_empty() {
        return Ok(Vec::new());
    }
    let geth = Geth::at(conn, namespace).await?;
    // No member runs: a first deploy forms the cluster from static-nodes.json.
    let Some(member) = config
        .nodes
        .iter()
        .find(|n| geth.runs(&n.name))
        .map(|n| n.name.clone())
    else {
        return Ok(Vec::new());
    };
    // `out/` of another network must not add its nodes to this one: leave it to deploy's
    // identity guard, which refuses it before anything changes.
    let manifests = crate::cluster::load_dir(paths.out())?;
    if !crate::cluster::guard::check(conn, &manifests, namespace)
        .await?
        .is_empty()
    {
        return Ok(Vec::new());
    }
    let names: Vec<&str> = newcomers.iter().map(|n| n.name.as_str()).collect();
    let cannot = |what: &str, e: Error| {
        Error::runtime(format!(
            "raft node(s) `{}` must join the running raft cluster before they start, but {what} \
             on `{member}` failed, so nothing was applied: {}",
            names.join("`, `"),
            e.chain()
        ))
    };
    let cluster = geth
        .call(&member, "raft_cluster", &json!([]))
        .await
        .map_err(|e| cannot("`raft_cluster`", e))?;
    let mut joins = Vec::new();
    for node in newcomers {
        let enode_file = paths.key_dir(&node.key_dir).join(crate::keys::files::ENODE);
        let enode_id = std::fs::read_to_string(&enode_file)
            .map_err(|e| {
                Error::runtime(format!(
                    "cannot read `{}` to add raft node `{}`: {e}; run `qctl generate` first",
                    enode_file.display(),
                    node.name
                ))
            })?
            .trim()
            .to_ascii_lowercase();
        // Listed already: an earlier deploy stopped after `raft_addPeer`.
        let raft_id = match listed_id(&cluster, &enode_id) {
            Some(id) => id,
            None if dry_run => 0,
            None => {
                let url = format!(
                    "enode://{enode_id}@{}:{}?discport=0&raftport={}",
                    node.name,
                    ports::P2P,
                    ports::RAFT
                );
                let answer = geth
                    .call(&member, "raft_addPeer", &json!([url]))
                    .await
                    .map_err(|e| cannot("`raft_addPeer`", e))?;
                answer.as_u64().ok_or_else(|| {
                    Error::runtime(format!(
                        "node `{member}` answered `raft_addPeer` with `{answer}`, not a raft id"
                    ))
                })?
            }
        };
        joins.push(RaftJoin {
            node: node.name.clone(),
            raft_id,
            via: member.clone(),
        });
    }
    Ok(joins)
}

/// `deploy`'s first step on a raft network: adds each newcomer to the running raft cluster,
/// writes `--raftjoinexisting <id>` into its geth flags in the config (a lossless edit) and
/// regenerates `out/`, so the node starts as the member the cluster expects. A dry run only
/// says who would be added.
pub fn join(
    cluster: &Cluster,
    loaded: &Loaded,
    opts: &GenerateOptions,
    namespace: &str,
    dry_run: bool,
) -> Result<Vec<RaftJoin>> {
    let paths = Layout::new(loaded, &opts.out);
    let joins = cluster
        .run(|conn| async { join_new_members(conn, loaded, &paths, namespace, dry_run).await })?;
    if dry_run || joins.is_empty() {
        return Ok(joins);
    }
    for j in &joins {
        let node = loaded.config.nodes.iter().find(|n| n.name == j.node);
        let params = node.map_or(String::new(), |n| n.geth_params.clone());
        let params = format!("{params} {JOIN_FLAG} {}", j.raft_id);
        crate::ops::node::update(
            &opts.config,
            &crate::ops::node::NodeUpdateOptions {
                name: j.node.clone(),
                settings: crate::ops::node::NodeSettings {
                    geth_params: Some(params.trim().to_string()),
                    ..Default::default()
                },
                out: opts.out.clone(),
            },
        )?;
    }
    crate::ops::generate::generate(opts)?;
    Ok(joins)
}

/// A raft node that left the running raft cluster before its objects were pruned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RaftLeave {
    pub node: String,
    pub raft_id: u64,
    /// The running member that was asked.
    pub via: String,
}

/// Removes the raft members among `removed` (nodes whose objects pruning deletes) from the
/// running raft cluster with `raft_removePeer` on a running node of `members` (unless
/// `dry_run`), so the cluster does not keep counting a member that will never answer. A node
/// the cluster no longer lists is left alone. Fails, before anything is applied, when no member
/// runs to ask or the call fails.
pub async fn remove_members(
    conn: &Connection,
    namespace: &str,
    members: &[String],
    removed: &[RemovedIdentity],
    dry_run: bool,
) -> Result<Vec<RaftLeave>> {
    let leaving: Vec<&RemovedIdentity> = removed
        .iter()
        .filter(|r| r.consensus == Consensus::Raft.as_str())
        .collect();
    if leaving.is_empty() {
        return Ok(Vec::new());
    }
    let names: Vec<&str> = leaving.iter().map(|r| r.node.as_str()).collect();
    let cannot = |why: String| {
        Error::runtime(format!(
            "raft node(s) `{}` must leave the running raft cluster before their objects are \
             deleted, but {why}; nothing was applied",
            names.join("`, `")
        ))
        .with_hint("`qctl deploy --prune=false` applies without deleting them")
    };
    let geth = Geth::at(conn, namespace).await?;
    let Some(member) = members.iter().find(|n| geth.runs(n)) else {
        return Err(cannot("no member of the config runs to ask".into()));
    };
    let cluster = geth
        .call(member, "raft_cluster", &json!([]))
        .await
        .map_err(|e| {
            cannot(format!(
                "`raft_cluster` on `{member}` failed: {}",
                e.chain()
            ))
        })?;
    let mut leaves = Vec::new();
    for node in leaving {
        let Some(raft_id) = listed_id(&cluster, &node.enode_id.to_ascii_lowercase()) else {
            continue;
        };
        if !dry_run {
            geth.call(member, "raft_removePeer", &json!([raft_id]))
                .await
                .map_err(|e| {
                    cannot(format!(
                        "`raft_removePeer` of raft id {raft_id} on `{member}` failed: {}",
                        e.chain()
                    ))
                })?;
        }
        leaves.push(RaftLeave {
            node: node.node.clone(),
            raft_id,
            via: member.clone(),
        });
    }
    Ok(leaves)
}

/// The raft id `raft_cluster` lists for the enode id, if any.
fn listed_id(cluster: &Value, enode_id: &str) -> Option<u64> {
    cluster.as_array()?.iter().find_map(|member| {
        let id = member.get("nodeId")?.as_str()?;
        (id.trim_start_matches("0x").eq_ignore_ascii_case(enode_id))
            .then(|| member.get("raftId")?.as_u64())
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_raft_id_of_a_listed_enode_is_found_whatever_its_case_or_prefix() {
        let cluster = json!([
            {"raftId": 1, "nodeId": "AB12", "hostname": "n1", "role": "minter"},
            {"raftId": 4, "nodeId": "0xcd34", "hostname": "n4", "role": "verifier"},
        ]);
        assert_eq!(listed_id(&cluster, "ab12"), Some(1));
        assert_eq!(listed_id(&cluster, "cd34"), Some(4));
        assert_eq!(listed_id(&cluster, "ef56"), None);
        assert_eq!(listed_id(&json!(null), "ab12"), None);
    }
}
