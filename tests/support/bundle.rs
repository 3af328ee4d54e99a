//! Nodes of another organisation with fresh keys, for join bundles of any size.

use qctl::external::ExportedNode;
use qctl::keys::{nodekey, tessera};

/// `count` QBFT nodes named `orgx-node<i>` at a documentation address, each with its own
/// devp2p and Tessera ports.
pub fn exported_nodes(count: usize) -> Vec<ExportedNode> {
    (0..count)
        .map(|i| {
            let key = nodekey::generate().expect("a key");
            ExportedNode {
                name: format!("orgx-node{i}"),
                host: "198.51.100.20".into(),
                p2p_port: 20000 + (i % 20000) as u16,
                raft_port: None,
                tm_port: Some(40000 + (i % 20000) as u16),
                tm_public_key: Some(tessera::generate().expect("a key").public_b64),
                enode_id: nodekey::enode_id(&key),
                node_address: Some(nodekey::address(&key)),
            }
        })
        .collect()
}
