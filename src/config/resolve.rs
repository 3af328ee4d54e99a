//! From config to [`Network`]: the validated config plus each node's keys become the resolved
//! network the generators read. The last step where the config's vocabulary is seen.

use super::Config;
use crate::network::{
    ExternalNode, GenesisSettings, K8sSettings, LocalNode, Network, NodeIdentity, NodeSecrets,
    TesseraSpec, TxManagerKind,
};

/// A node's public identity and private material, in config order.
pub type NodeKeys = (NodeIdentity, NodeSecrets);

/// The resolved network: `config` plus each node's keys (in the order of `config.nodes`).
pub fn resolve(config: &Config, keys: Vec<NodeKeys>) -> Network {
    let nodes = config
        .nodes
        .iter()
        .zip(keys)
        .map(|(n, (identity, secrets))| LocalNode {
            name: n.name.clone(),
            key_dir: n.key_dir.clone(),
            consensus: n.consensus,
            quorum_version: n.quorum_version.clone(),
            quorum_image: n.quorum_image.clone(),
            tessera: (n.tm == TxManagerKind::Tessera).then(|| TesseraSpec {
                version: n.tm_version.clone(),
                image: n.tm_image.clone(),
            }),
            geth_params: n.geth_params.clone(),
            verbosity: n.verbosity,
            identity,
            secrets,
        })
        .collect();
    let external_nodes = config
        .external_nodes
        .iter()
        .map(ExternalNode::from)
        .collect();
    let g = &config.genesis;
    let runs_tessera = config.nodes.iter().any(|n| n.tm == TxManagerKind::Tessera);
    Network {
        genesis: GenesisSettings {
            consensus: g.consensus,
            chain_id: g.chain_id,
            quorum_version: g.quorum_version.clone(),
            tm_version: runs_tessera.then(|| g.tm_version.clone()),
            test_qbft_block: g.test_qbft_block,
        },
        nodes,
        external_nodes,
        k8s: K8sSettings {
            namespace: config.k8s.namespace.clone(),
            service_type: config.k8s.service_type,
            storage: config.k8s.storage.clone(),
            ingress: config.k8s.ingress.clone(),
            network_policy: config.k8s.network_policy,
            run_as_user: config.k8s.run_as_user,
            run_as_group: config.k8s.run_as_group,
            fs_group: config.k8s.fs_group,
            prometheus: config.prometheus,
            prometheus_node_port: config.prometheus_node_port,
        },
    }
}
