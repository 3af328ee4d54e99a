//! `qctl test contract`: deploys the storage contract of [`crate::quorum::contract`] from a
//! node's own account, public and private, sets a value and reads it back where it must be
//! seen, and checks a node not party to the private contract cannot read it. Transactions are
//! signed here with the node's key from its key dir; nothing in the pods unlocks an account.

use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{Value, json};

use super::Geth;
use crate::cluster::Cluster;
use crate::error::{Error, Result};
use crate::k8s::names;
use crate::keys::address;
use crate::network::ports;
use crate::quorum::{contract, tessera, tx};

mod plan;

pub use plan::{ContractPlan, Kinds, Party, plan};

/// Gas of every transaction: creating the contract takes about 110 000; gas is free.
const GAS: u64 = 1_000_000;
/// Between two looks at a receipt or a value.
const POLL: Duration = Duration::from_millis(500);

/// One half's results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    pub contract: String,
    pub deploy_tx: String,
    pub set_tx: String,
    pub initial: u64,
    pub value: u64,
    /// What `get()` answered on each node read, after the set.
    pub reads: Vec<Read>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Read {
    pub node: String,
    /// `None`: no contract there (a node not party to a private one).
    pub value: Option<u64>,
    pub party: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContractReport {
    pub node: String,
    pub sender: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public: Option<Run>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<Run>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub private_for: Vec<Party>,
}

/// Runs the plan on the cluster; `progress` hears of each step. Fails at the first check that
/// does not hold, naming it.
pub fn run(
    cluster: &Cluster,
    namespace: &str,
    plan: &ContractPlan,
    progress: &dyn Fn(&str),
) -> Result<ContractReport> {
    cluster.run(|conn| async move {
        let deadline = Instant::now() + plan.timeout;
        let geth = Geth::at(conn, namespace).await?;
        let chain_id = geth.number(&plan.node, "eth_chainId").await?;
        let nonce = geth
            .number_with(
                &plan.node,
                "eth_getTransactionCount",
                json!([plan.sender, "pending"]),
            )
            .await?;
        let mut sender = Sender {
            geth: &geth,
            plan,
            chain_id,
            nonce,
            deadline,
        };
        let mut report = ContractReport {
            node: plan.node.clone(),
            sender: plan.sender.clone(),
            public: None,
            private: None,
            private_for: plan.parties.clone().unwrap_or_default(),
        };
        // A node without a running geth (`node stop`) cannot be read; it is named, not failed.
        let running = |kind: &str, readers: Vec<(String, bool)>| -> Vec<(String, bool)> {
            readers
                .into_iter()
                .filter(|(node, _)| {
                    let runs = geth.runs(node);
                    if !runs {
                        progress(&format!("{kind}: `{node}` runs no geth; not read"));
                    }
                    runs
                })
                .collect()
        };
        if plan.public {
            let readers = std::iter::once(&plan.node)
                .chain(plan.others.iter())
                .map(|n| (n.clone(), true))
                .collect();
            let readers = running("public", readers);
            report.public = Some(sender.half(None, &readers, progress).await?);
        }
        if let Some(parties) = &plan.parties {
            let mut readers: Vec<(String, bool)> = std::iter::once(plan.node.clone())
                .chain(parties.iter().filter(|p| p.local).map(|p| p.name.clone()))
                .map(|n| (n, true))
                .collect();
            match &plan.outsider {
                Some(outsider) => readers.push((outsider.clone(), false)),
                None => progress(
                    "private: no other local node with Tessera is outside the parties, so none \
                     is checked to be unable to read the contract",
                ),
            }
            let readers = running("private", readers);
            report.private = Some(sender.half(Some(parties), &readers, progress).await?);
        }
        Ok(report)
    })
}

/// Sends the plan's transactions from its node, one nonce after the other.
struct Sender<'a, 'g> {
    geth: &'a Geth<'g>,
    plan: &'a ContractPlan,
    chain_id: u64,
    /// The nonce of the next transaction.
    nonce: u64,
    deadline: Instant,
}

impl Sender<'_, '_> {
    /// Deploys the contract (privately when `parties` is given), sets a new value, and reads
    /// it on each of `readers` (node, whether it must see the value).
    async fn half(
        &mut self,
        parties: Option<&[Party]>,
        readers: &[(String, bool)],
        progress: &dyn Fn(&str),
    ) -> Result<Run> {
        let kind = if parties.is_some() {
            "private"
        } else {
            "public"
        };
        let initial = random_value();
        let (deploy_tx, receipt) = self
            .send(None, contract::creation(initial), parties)
            .await?;
        let contract = receipt
            .get("contractAddress")
            .and_then(Value::as_str)
            .ok_or_else(|| {
                failure(format!(
                    "the {kind} contract's receipt ({deploy_tx}) names no contract address"
                ))
            })?
            .to_string();
        progress(&format!(
            "{kind}: contract {contract} deployed by {} ({deploy_tx})",
            self.plan.node
        ));
        self.await_value(&self.plan.node, &contract, Some(initial), kind)
            .await?;
        let mut value = random_value();
        if value == initial {
            value += 1;
        }
        let to = address::parse(&contract).map_err(|e| {
            failure(format!(
                "the {kind} contract's receipt ({deploy_tx}) names no address: {e}"
            ))
        })?;
        let (set_tx, _) = self.send(Some(to), contract::set(value), parties).await?;
        progress(&format!("{kind}: set({value}) ({set_tx})"));
        let mut reads = Vec::new();
        for (node, party) in readers {
            let seen = if *party {
                self.await_value(node, &contract, Some(value), kind).await?
            } else {
                self.await_absent(node, &contract, value, kind).await?
            };
            progress(&format!(
                "{kind}: get() on {node} = {}{}",
                seen.map_or("nothing (no contract)".to_string(), |v| v.to_string()),
                if *party { "" } else { ", not a party" }
            ));
            reads.push(Read {
                node: node.clone(),
                value: seen,
                party: *party,
            });
        }
        Ok(Run {
            contract,
            deploy_tx,
            set_tx,
            initial,
            value,
            reads,
        })
    }

    /// Signs and sends one transaction, then waits for its receipt, which must report success.
    async fn send(
        &mut self,
        to: Option<[u8; 20]>,
        data: Vec<u8>,
        parties: Option<&[Party]>,
    ) -> Result<(String, Value)> {
        let node = &self.plan.node;
        let mut transaction = tx::Transaction {
            nonce: self.nonce,
            gas_price: 0,
            gas: GAS,
            to,
            value: 0,
            data,
        };
        let hash = match parties {
            None => {
                let signed = transaction.sign_public(&self.plan.signer, self.chain_id);
                let raw = format!("0x{}", hex::encode(&signed));
                self.geth
                    .call(node, "eth_sendRawTransaction", &json!([raw]))
                    .await?
            }
            Some(parties) => {
                let from = self.plan.from_key.as_deref().expect("planned with Tessera");
                transaction.data = self.store_raw(&transaction.data, from).await?;
                let signed = transaction.sign_private(&self.plan.signer);
                let raw = format!("0x{}", hex::encode(&signed));
                let keys: Vec<&str> = parties.iter().map(|p| p.key.as_str()).collect();
                self.geth
                    .call(
                        node,
                        "eth_sendRawPrivateTransaction",
                        &json!([raw, { "privateFor": keys }]),
                    )
                    .await?
            }
        };
        self.nonce += 1;
        let hash = hash
            .as_str()
            .ok_or_else(|| failure(format!("node `{node}` answered a transaction with {hash}")))?
            .to_string();
        let receipt = self.receipt(&hash).await?;
        if receipt.get("status").and_then(Value::as_str) != Some("0x1") {
            return Err(failure(format!(
                "transaction {hash} failed on node `{node}`: receipt status {}",
                receipt.get("status").unwrap_or(&Value::Null)
            )));
        }
        Ok((hash, receipt))
    }

    /// Stores `payload` in the sender's Tessera; the hash it answers is the transaction's data.
    async fn store_raw(&self, payload: &[u8], from: &str) -> Result<Vec<u8>> {
        let node = &self.plan.node;
        let (status, body) = self
            .geth
            .post(
                node,
                names::CONTAINER_TESSERA,
                (ports::TESSERA_THIRD_PARTY, tessera::STORE_RAW_PATH),
                tessera::store_raw_request(payload, from),
            )
            .await?;
        if status != 200 {
            return Err(failure(format!(
                "Tessera of node `{node}` answered {} with HTTP {status}: {}",
                tessera::STORE_RAW_PATH,
                crate::text::clip(&String::from_utf8_lossy(&body), 200)
            )));
        }
        tessera::store_raw_hash(&body).map_err(|e| {
            failure(format!(
                "Tessera of node `{node}` answered {}: {e}",
                tessera::STORE_RAW_PATH
            ))
        })
    }

    async fn receipt(&self, hash: &str) -> Result<Value> {
        let node = &self.plan.node;
        loop {
            let receipt = self
                .geth
                .call(node, "eth_getTransactionReceipt", &json!([hash]))
                .await?;
            if !receipt.is_null() {
                return Ok(receipt);
            }
            self.pause(|| {
                format!("transaction {hash} was not mined on node `{node}` within the timeout")
            })
            .await?;
        }
    }

    /// Reads `get()` on `node` until it answers `want`.
    async fn await_value(
        &self,
        node: &str,
        contract: &str,
        want: Option<u64>,
        kind: &str,
    ) -> Result<Option<u64>> {
        loop {
            let seen = self.get(node, contract).await?;
            if seen == want {
                return Ok(seen);
            }
            self.pause(|| {
                format!(
                    "{kind} contract {contract}: get() on node `{node}` answered {} within the \
                     timeout, not {}",
                    shown(seen),
                    shown(want)
                )
            })
            .await?;
        }
    }

    /// Reads `get()` on `node`, which is no party: it must not see `value`. Its chain must have
    /// the block of the set first, or the check would prove nothing; the sender's latest block
    /// is later than that.
    async fn await_absent(
        &self,
        node: &str,
        contract: &str,
        value: u64,
        kind: &str,
    ) -> Result<Option<u64>> {
        let block = self.geth.number(&self.plan.node, "eth_blockNumber").await?;
        while self.geth.number(node, "eth_blockNumber").await? < block {
            self.pause(|| format!("node `{node}` did not reach block {block} within the timeout"))
                .await?;
        }
        let seen = self.get(node, contract).await?;
        if seen == Some(value) {
            return Err(failure(format!(
                "{kind} contract {contract}: node `{node}` is not a party and yet reads its \
                 value {value}"
            )));
        }
        Ok(seen)
    }

    async fn get(&self, node: &str, contract: &str) -> Result<Option<u64>> {
        let call = json!([{ "to": contract, "data": format!("0x{}", hex::encode(contract::get())) }, "latest"]);
        let answer = self.geth.call(node, "eth_call", &call).await?;
        let text = answer.as_str().unwrap_or_default();
        contract::decode_get(text).map_err(|e| {
            failure(format!(
                "node `{node}` answered get() on {contract} with {answer}: {e}"
            ))
        })
    }

    /// Waits one poll interval, or fails with `why` once the deadline has passed.
    async fn pause(&self, why: impl FnOnce() -> String) -> Result<()> {
        if Instant::now() + POLL > self.deadline {
            return Err(failure(format!(
                "{} (--timeout {}s)",
                why(),
                self.plan.timeout.as_secs()
            )));
        }
        tokio::time::sleep(POLL).await;
        Ok(())
    }
}

fn shown(value: Option<u64>) -> String {
    value.map_or("nothing".to_string(), |v| v.to_string())
}

/// A value to store: random, so a contract left by an earlier run cannot pass for this one.
fn random_value() -> u64 {
    let mut bytes = [0u8; 4];
    getrandom::getrandom(&mut bytes).expect("the OS gives random bytes");
    u64::from(u32::from_be_bytes(bytes)) + 1
}

fn failure(message: String) -> Error {
    Error::runtime(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_of_receipts_parse_whatever_their_case() {
        let lower = "0x1932c48b2bf8102ba33b4a6b545c32236e342f34";
        assert_eq!(address::parse(lower).unwrap()[0], 0x19);
        assert!(address::parse("0x12").is_err());
    }

    #[test]
    fn values_are_never_zero_so_an_empty_slot_cannot_pass_for_one() {
        for _ in 0..100 {
            assert!(random_value() > 0);
        }
    }
}
