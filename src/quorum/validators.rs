//! The validator (QBFT/IBFT) or signer (clique) set as `qctl validator` shows it: who is in
//! it, who the config expects in it, and the votes cast to change it. Pure: the chain's answers
//! come in, rows go out.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::network::Consensus;

/// The JSON-RPC methods of an engine's votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VoteApi {
    /// The current set, at the latest block.
    pub list: &'static str,
    /// The proposals the queried node casts in the blocks it seals: `{address: authorize}`.
    pub proposals: &'static str,
    /// `[address, authorize]`.
    pub propose: &'static str,
    /// `[address]`: stop casting a proposal.
    pub discard: &'static str,
    /// What the engine calls the members, for people.
    pub member: &'static str,
}

/// The vote API of `consensus`; raft has none (its membership is `raft_addPeer`).
pub fn vote_api(consensus: Consensus) -> Option<VoteApi> {
    match consensus {
        Consensus::Qbft | Consensus::Istanbul => Some(VoteApi {
            list: "istanbul_getValidators",
            proposals: "istanbul_candidates",
            propose: "istanbul_propose",
            discard: "istanbul_discard",
            member: "validator",
        }),
        Consensus::Clique => Some(VoteApi {
            list: "clique_getSigners",
            proposals: "clique_proposals",
            propose: "clique_propose",
            discard: "clique_discard",
            member: "signer",
        }),
        Consensus::Raft => None,
    }
}

/// Where an address comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A node of this config.
    Local,
    /// An external node of this config (another organisation's).
    External,
    /// Neither: a member the config does not describe.
    Unknown,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Local => "local",
            Origin::External => "external",
            Origin::Unknown => "unknown",
        }
    }
}

/// Where an address stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// In the set.
    Active,
    /// In the set, with votes cast to remove it.
    Leaving,
    /// Not in the set: the config expects it there, or votes are cast to add it.
    Pending,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Active => "active",
            State::Leaving => "leaving",
            State::Pending => "pending",
        }
    }
}

/// A node the config knows, with the address that would be in the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownNode {
    pub name: String,
    pub address: String,
    pub origin: Origin,
}

/// One row of `qctl validator ls`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub address: String,
    pub node: Option<String>,
    pub origin: Origin,
    pub state: State,
    /// Local members casting a vote to change this address's state (add for pending, remove
    /// for active).
    pub votes: usize,
    /// Votes the change needs: more than half of the current set.
    pub needed: usize,
}

/// Votes a change of a set of `members` needs: more than half of them.
pub fn majority(members: usize) -> usize {
    members / 2 + 1
}

/// The rows for the set `members`, the nodes the config knows, and the proposals each local
/// member casts (`{address: authorize}`), addresses compared case-insensitively.
pub fn rows(
    members: &[String],
    known: &[KnownNode],
    proposals: &[BTreeMap<String, bool>],
) -> Vec<Row> {
    let key = |a: &str| a.to_ascii_lowercase();
    let needed = majority(members.len());
    let votes = |address: &str, authorize: bool| {
        proposals
            .iter()
            .filter(|p| {
                p.iter()
                    .any(|(a, auth)| key(a) == key(address) && *auth == authorize)
            })
            .count()
    };
    let node_of = |address: &str| known.iter().find(|k| key(&k.address) == key(address));
    let mut rows: Vec<Row> = members
        .iter()
        .map(|address| {
            let removals = votes(address, false);
            Row {
                address: address.clone(),
                node: node_of(address).map(|k| k.name.clone()),
                origin: node_of(address).map_or(Origin::Unknown, |k| k.origin),
                state: if removals > 0 {
                    State::Leaving
                } else {
                    State::Active
                },
                votes: removals,
                needed,
            }
        })
        .collect();
    let in_set = |address: &str| members.iter().any(|m| key(m) == key(address));
    let mut candidates: Vec<(String, Option<&KnownNode>)> = known
        .iter()
        .filter(|k| !in_set(&k.address))
        .map(|k| (k.address.clone(), Some(k)))
        .collect();
    for (address, authorize) in proposals.iter().flatten() {
        if *authorize && !in_set(address) && !candidates.iter().any(|(a, _)| key(a) == key(address))
        {
            candidates.push((address.clone(), None));
        }
    }
    rows.extend(candidates.into_iter().map(|(address, node)| Row {
        votes: votes(&address, true),
        node: node.map(|k| k.name.clone()),
        origin: node.map_or(Origin::Unknown, |k| k.origin),
        address,
        state: State::Pending,
        needed,
    }));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "0x1111111111111111111111111111111111111111";
    const B: &str = "0x2222222222222222222222222222222222222222";
    const C: &str = "0x3333333333333333333333333333333333333333";
    const D: &str = "0x4444444444444444444444444444444444444444";

    fn known(name: &str, address: &str, origin: Origin) -> KnownNode {
        KnownNode {
            name: name.into(),
            address: address.into(),
            origin,
        }
    }

    #[test]
    fn a_change_needs_more_than_half_of_the_set() {
        assert_eq!(majority(1), 1);
        assert_eq!(majority(4), 3);
        assert_eq!(majority(5), 3);
        assert_eq!(majority(6), 4);
    }

    #[test]
    fn members_expected_nodes_and_votes_become_rows() {
        let members = [A.to_string(), B.to_string(), D.to_string()];
        let known = [
            known("a1", A, Origin::Local),
            known("a2", &B.to_uppercase().replace("0X", "0x"), Origin::Local),
            known("b1", C, Origin::External),
        ];
        let proposals = [
            BTreeMap::from([(C.to_string(), true), (D.to_string(), false)]),
            BTreeMap::from([(C.to_string(), true)]),
        ];
        let rows = rows(&members, &known, &proposals);
        let brief: Vec<_> = rows
            .iter()
            .map(|r| (r.node.as_deref(), r.origin, r.state, r.votes, r.needed))
            .collect();
        assert_eq!(
            brief,
            [
                (Some("a1"), Origin::Local, State::Active, 0, 2),
                (Some("a2"), Origin::Local, State::Active, 0, 2),
                (None, Origin::Unknown, State::Leaving, 1, 2),
                (Some("b1"), Origin::External, State::Pending, 2, 2),
            ]
        );
    }

    #[test]
    fn an_address_voted_for_that_the_config_does_not_know_is_pending() {
        let rows = rows(
            &[A.to_string()],
            &[],
            &[BTreeMap::from([(B.to_string(), true)])],
        );
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[1].address.as_str(), rows[1].state),
            (B, State::Pending)
        );
        assert_eq!(rows[1].origin, Origin::Unknown);
    }

    #[test]
    fn the_names_shown_are_the_json_names() {
        for origin in [Origin::Local, Origin::External, Origin::Unknown] {
            assert_eq!(serde_json::to_value(origin).unwrap(), origin.as_str());
        }
        for state in [State::Active, State::Leaving, State::Pending] {
            assert_eq!(serde_json::to_value(state).unwrap(), state.as_str());
        }
    }

    #[test]
    fn raft_has_no_votes() {
        assert!(vote_api(Consensus::Raft).is_none());
        assert_eq!(
            vote_api(Consensus::Qbft).unwrap().propose,
            "istanbul_propose"
        );
        assert_eq!(
            vote_api(Consensus::Clique).unwrap().list,
            "clique_getSigners"
        );
    }
}
