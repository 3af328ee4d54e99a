//! Manifest tests on fixed networks built from the public qubernetes 7nodes keys
//! (`testdata/keys/7nodes/`, Consensys/qubernetes@4e6a879 `7nodes/keyN`).
//! Golden files live in `testdata/k8s/<case>/`; `QCTL_BLESS=1` rewrites them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use super::{K8sError, MAX_DATA_BYTES, ManifestFile, build, check_data_size, names};
use crate::keys::{address, enode};
use crate::network::{
    Consensus, DerivedConfig, GenesisSettings, IngressSpec, IngressStrategy, K8sSettings,
    LocalNode, Network, NodeIdentity, NodeSecrets, ServiceType, StorageSpec, TesseraSpec,
};

const QUORUM_VERSION: &str = "24.4.1";
const TESSERA_VERSION: &str = "24.4.2";

fn key_file(key: u8, file: &str) -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("testdata/keys/7nodes/key{key}/{file}"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn node(name: &str, key: u8, consensus: Consensus, tessera: bool) -> LocalNode {
    let enode_id = key_file(key, "enode").trim().to_string();
    let keystore_json = key_file(key, "acctkeyfile.json");
    let keystore: Value = serde_json::from_str(&keystore_json).unwrap();
    let account = address::parse(&format!("0x{}", keystore["address"].as_str().unwrap())).unwrap();
    let tm_version = semver::Version::parse(TESSERA_VERSION).unwrap();
    LocalNode {
        name: name.into(),
        key_dir: format!("key{key}"),
        consensus,
        quorum_version: semver::Version::parse(QUORUM_VERSION).unwrap(),
        quorum_image: format!("quorumengineering/quorum:{QUORUM_VERSION}"),
        tessera: tessera.then(|| TesseraSpec {
            image: format!("quorumengineering/tessera:{tm_version}"),
            version: tm_version,
        }),
        geth_params: String::new(),
        verbosity: 3,
        identity: NodeIdentity {
            node_address: address::to_checksum(&address::from_public_key(
                &enode::parse_id(&enode_id).unwrap(),
            )),
            enode_id,
            account_address: address::to_checksum(&account),
            tm_public_key: tessera.then(|| key_file(key, "tm.pub").trim().to_string()),
        },
        secrets: NodeSecrets {
            nodekey: key_file(key, "nodekey").trim().to_string(),
            keystore_json,
            password: key_file(key, "password.txt"),
            tm_private_key_json: tessera.then(|| key_file(key, "tm.key")),
        },
    }
}

/// The files geth and Tessera read, as the quorum and genesis modules would derive them.
fn derived(net: &Network) -> DerivedConfig {
    let raft = net.genesis.consensus == Consensus::Raft;
    let enodes: Vec<String> = net
        .nodes
        .iter()
        .map(|n| {
            let raft_port = if raft { "&raftport=50401" } else { "" };
            format!(
                "enode://{}@{}:30303?discport=0{raft_port}",
                n.identity.enode_id, n.name
            )
        })
        .collect();
    let peers = serde_json::to_string_pretty(&enodes).unwrap();
    let tm_peers: Vec<Value> = net
        .nodes
        .iter()
        .filter(|n| n.tessera.is_some())
        .map(|n| serde_json::json!({"url": format!("http://{}:9001", n.name)}))
        .collect();
    let tessera_configs = net
        .nodes
        .iter()
        .filter(|n| n.tessera.is_some())
        .map(|n| {
            let config = serde_json::json!({
                "useWhiteList": false,
                "jdbc": {
                    "username": "sa",
                    "password": "",
                    "url": "jdbc:h2:/data/tm/db;MODE=Oracle;TRACE_LEVEL_SYSTEM_OUT=0",
                    "autoCreateTables": true
                },
                "serverConfigs": [
                    {"app": "ThirdParty", "serverAddress": "http://0.0.0.0:9080", "communicationType": "REST"},
                    {"app": "Q2T", "serverAddress": "unix:/data/tm/tm.ipc", "communicationType": "REST"},
                    {"app": "P2P", "serverAddress": format!("http://{}:9001", n.name),
                     "bindingAddress": "http://0.0.0.0:9001", "sslConfig": {"tls": "OFF"},
                     "communicationType": "REST"}
                ],
                "peer": tm_peers,
                "keys": {"keyData": [{"privateKeyPath": "/keys/tm.key", "publicKeyPath": "/keys/tm.pub"}]},
                "alwaysSendTo": []
            });
            (n.name.clone(), serde_json::to_string_pretty(&config).unwrap())
        })
        .collect();
    let engine = match net.genesis.consensus {
        Consensus::Raft => String::new(),
        _ => "\n    \"qbft\": {\"epochlength\": 30000, \"blockperiodseconds\": 5, \"policy\": 0, \"ceil2Nby3Block\": 0},".into(),
    };
    DerivedConfig {
        genesis_json: format!(
            "{{\n  \"config\": {{\n    \"chainId\": {},{engine}\n    \"isQuorum\": true\n  }},\n  \
             \"difficulty\": \"0x1\",\n  \"gasLimit\": \"0xE0000000\"\n}}\n",
            net.genesis.chain_id
        ),
        permissioned_nodes_json: peers.clone(),
        static_nodes_json: peers,
        tessera_configs,
    }
}

fn network(consensus: Consensus, nodes: Vec<LocalNode>, k8s: K8sSettings) -> Network {
    Network {
        genesis: GenesisSettings {
            consensus,
            chain_id: 1000,
            quorum_version: semver::Version::parse(QUORUM_VERSION).unwrap(),
            tm_version: None,
            test_qbft_block: None,
        },
        nodes,
        external_nodes: Vec::new(),
        k8s,
    }
}

/// 4 QBFT validators with Tessera in their own namespace, with every optional object.
fn qbft4() -> Network {
    let nodes = (1..=4)
        .map(|i| node(&format!("quorum-node{i}"), i, Consensus::Qbft, true))
        .collect();
    network(
        Consensus::Qbft,
        nodes,
        K8sSettings {
            namespace: Some("quorum".into()),
            service_type: ServiceType::NodePort,
            storage: StorageSpec {
                capacity: "5Gi".into(),
                storage_class: Some("standard".into()),
                annotations: BTreeMap::from([("example.com/backup".into(), "daily".into())]),
            },
            ingress: Some(IngressSpec {
                strategy: IngressStrategy::OneToMany,
                host: Some("quorum.example.com".into()),
                ws: true,
            }),
            network_policy: true,
            prometheus: true,
            ..K8sSettings::default()
        },
    )
}

/// 3 raft nodes without Tessera, with defaults, no namespace (so `kubectl -n` decides).
fn raft3() -> Network {
    let mut nodes: Vec<LocalNode> = (5..=7)
        .map(|i| node(&format!("raft-node{}", i - 4), i, Consensus::Raft, false))
        .collect();
    nodes[0].geth_params = r#"--txpool.globalslots 4096 --identity "raft node one""#.into();
    network(
        Consensus::Raft,
        nodes,
        K8sSettings {
            ingress: Some(IngressSpec {
                strategy: IngressStrategy::OneToOne,
                host: None,
                ws: false,
            }),
            run_as_user: Some(2000),
            ..K8sSettings::default()
        },
    )
}

fn build_ok(net: &Network) -> Vec<ManifestFile> {
    build(net, &derived(net)).expect("fixture network builds")
}

/// Every document of every file, parsed back.
fn documents(files: &[ManifestFile]) -> Vec<Value> {
    files
        .iter()
        .flat_map(|f| {
            serde_yaml::Deserializer::from_str(&f.yaml).map(|d| Value::deserialize(d).unwrap())
        })
        .collect()
}

fn find<'a>(docs: &'a [Value], kind: &str, name: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["kind"] == kind && d["metadata"]["name"] == name)
        .unwrap_or_else(|| panic!("no {kind} `{name}`"))
}

/// The config hash of each Deployment of `component` (`node`, `monitor`).
fn hashes_of(net: &Network, derived: &DerivedConfig, component: &str) -> BTreeMap<String, String> {
    let docs = documents(&build(net, derived).unwrap());
    docs.iter()
        .filter(|d| d["kind"] == "Deployment")
        .filter(|d| d["metadata"]["labels"][names::LABEL_COMPONENT] == component)
        .map(|d| {
            let hash =
                &d["spec"]["template"]["metadata"]["annotations"][names::ANNOTATION_CONFIG_HASH];
            (
                d["metadata"]["name"].as_str().unwrap().to_string(),
                hash.as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The config hash of each node's Deployment.
fn config_hashes(net: &Network, derived: &DerivedConfig) -> BTreeMap<String, String> {
    hashes_of(net, derived, "node")
}

fn check_golden(case: &str, files: &[ManifestFile]) {
    let files: BTreeMap<PathBuf, Vec<u8>> = files
        .iter()
        .map(|f| (f.path.clone(), f.yaml.clone().into_bytes()))
        .collect();
    crate::testing::assert_golden_files(&format!("k8s/{case}"), &files);
}

#[test]
fn qbft_network_with_tessera_matches_its_golden_manifests() {
    check_golden("qbft4-tessera", &build_ok(&qbft4()));
}

#[test]
fn raft_network_without_tessera_matches_its_golden_manifests() {
    check_golden("raft3", &build_ok(&raft3()));
}

#[test]
fn files_come_in_apply_order_with_optional_ones_only_when_configured() {
    let paths = |net: &Network| -> Vec<String> {
        build_ok(net)
            .iter()
            .map(|f| f.path.display().to_string())
            .collect()
    };
    assert_eq!(
        paths(&qbft4()),
        [
            "00-namespace.yaml",
            "00-quorum-persistent-volumes.yaml",
            "01-quorum-genesis.yaml",
            "02-quorum-shared-config.yaml",
            "03-quorum-services.yaml",
            "03.1-quorum-ingress.yaml",
            "04-quorum-node-config.yaml",
            "05-quorum-network-policy.yaml",
            "06-quorum-monitor.yaml",
            "deployments/quorum-node1-quorum-deployment.yaml",
            "deployments/quorum-node2-quorum-deployment.yaml",
            "deployments/quorum-node3-quorum-deployment.yaml",
            "deployments/quorum-node4-quorum-deployment.yaml",
        ]
    );
    let mut plain = raft3();
    plain.k8s.ingress = None;
    let plain_paths = paths(&plain);
    assert!(!plain_paths.iter().any(|p| p.contains("namespace")
        || p.contains("ingress")
        || p.contains("policy")
        || p.contains("monitor")));
    // `kubectl apply -f out` applies a directory in lexical order.
    let top: Vec<&String> = plain_paths.iter().filter(|p| !p.contains('/')).collect();
    assert!(top.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn every_kind_the_manifests_hold_is_in_the_managed_kinds_table() {
    // qbft4 has the optional Ingress and NetworkPolicy, and a Namespace.
    for net in [qbft4(), raft3()] {
        for doc in documents(&build_ok(&net)) {
            let (api_version, kind) = (
                doc["apiVersion"].as_str().unwrap(),
                doc["kind"].as_str().unwrap(),
            );
            assert!(
                super::managed_kind(api_version, kind).is_some(),
                "`{api_version}` `{kind}` is generated but not in k8s::MANAGED_KINDS"
            );
        }
    }
}

#[test]
fn peer_service_exposes_only_peer_ports_for_each_consensus_and_tessera_choice() {
    let cases = [
        (
            Consensus::Qbft,
            true,
            vec![("p2p", 30303), ("tessera-p2p", 9001)],
        ),
        (Consensus::Istanbul, false, vec![("p2p", 30303)]),
        (Consensus::Clique, false, vec![("p2p", 30303)]),
        (
            Consensus::Raft,
            false,
            vec![("p2p", 30303), ("raft", 50401)],
        ),
        (
            Consensus::Raft,
            true,
            vec![("p2p", 30303), ("tessera-p2p", 9001), ("raft", 50401)],
        ),
    ];
    for (consensus, tessera, expected) in cases {
        let net = network(
            consensus,
            vec![node("n1", 1, consensus, tessera)],
            K8sSettings::default(),
        );
        let docs = documents(&build_ok(&net));
        let service = find(&docs, "Service", &names::peer_service("n1"));
        assert_eq!(service["spec"]["type"], "NodePort");
        let ports: Vec<(&str, u64)> = service["spec"]["ports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["name"].as_str().unwrap(), p["port"].as_u64().unwrap()))
            .collect();
        assert_eq!(ports, expected, "{consensus} tessera={tessera}");

        let rpc = find(&docs, "Service", &names::rpc_service("n1"));
        assert_eq!(rpc["spec"]["type"], "ClusterIP");
        let rpc_ports: Vec<u64> = rpc["spec"]["ports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["port"].as_u64().unwrap())
            .collect();
        assert_eq!(
            rpc_ports,
            if tessera {
                vec![8545, 8546, 9080]
            } else {
                vec![8545, 8546]
            }
        );
    }
}

#[test]
fn no_secret_value_appears_in_any_object_but_the_nodes_secret() {
    let mut net = qbft4();
    // The 7nodes password is empty; give one so it can be looked for.
    net.nodes[0].secrets.password = "correct horse battery staple".into();
    let docs = documents(&build_ok(&net));
    for n in &net.nodes {
        let keystore: Value = serde_json::from_str(&n.secrets.keystore_json).unwrap();
        let tm_key: Value =
            serde_json::from_str(n.secrets.tm_private_key_json.as_ref().unwrap()).unwrap();
        let mut needles = vec![
            n.secrets.nodekey.clone(),
            keystore["crypto"]["ciphertext"]
                .as_str()
                .unwrap()
                .to_string(),
            tm_key["data"]["bytes"].as_str().unwrap().to_string(),
        ];
        if !n.secrets.password.is_empty() {
            needles.push(n.secrets.password.clone());
        }
        let secret = find(&docs, "Secret", &names::keys_secret(&n.name));
        for doc in docs.iter().filter(|d| *d != secret) {
            let text = doc.to_string();
            for needle in &needles {
                assert!(
                    !text.contains(needle.as_str()),
                    "{} `{}` carries a secret of {}",
                    doc["kind"],
                    doc["metadata"]["name"],
                    n.name
                );
            }
        }
        // …and the Secret does carry every one, base64-encoded under `data`.
        use base64::Engine as _;
        let data = &secret["data"];
        let decode = |key: &str| {
            String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(data[key].as_str().unwrap())
                    .unwrap(),
            )
            .unwrap()
        };
        assert_eq!(secret["type"], "Opaque");
        assert_eq!(decode("nodekey"), n.secrets.nodekey);
        assert_eq!(decode("acctkeyfile.json"), n.secrets.keystore_json);
        assert_eq!(decode("password.txt"), n.secrets.password);
        assert_eq!(
            &decode("tm.key"),
            n.secrets.tm_private_key_json.as_ref().unwrap()
        );
    }
}

#[test]
fn identity_configmap_holds_the_public_identity() {
    let net = qbft4();
    let docs = documents(&build_ok(&net));
    let n = &net.nodes[0];
    let data = &find(&docs, "ConfigMap", &names::identity_configmap(&n.name))["data"];
    assert_eq!(data[names::identity_keys::NODE], n.name.as_str());
    assert_eq!(
        data[names::identity_keys::ENODE_ID],
        n.identity.enode_id.as_str()
    );
    // 7nodes key1: validator 0xd8Dba507… of istanbul-validator-config.toml.
    assert_eq!(
        data[names::identity_keys::NODE_ADDRESS],
        "0xd8Dba507e85F116b1f7e231cA8525fC9008A6966"
    );
    assert_eq!(
        data[names::identity_keys::ACCOUNT_ADDRESS],
        n.identity.account_address.as_str()
    );
    assert_eq!(
        data[names::identity_keys::TM_PUB],
        "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo="
    );
    assert_eq!(data[names::identity_keys::CONSENSUS], "qbft");
}

#[test]
fn configmaps_carry_the_derived_files_verbatim() {
    for net in [qbft4(), raft3()] {
        let derived = derived(&net);
        let docs = documents(&build(&net, &derived).unwrap());
        let genesis = find(&docs, "ConfigMap", names::GENESIS_CONFIGMAP);
        assert_eq!(
            genesis["data"][names::GENESIS_KEY],
            derived.genesis_json.as_str()
        );
        let peers = find(&docs, "ConfigMap", names::PEERS_CONFIGMAP);
        assert_eq!(
            peers["data"][names::PERMISSIONED_KEY],
            derived.permissioned_nodes_json.as_str()
        );
        assert_eq!(
            peers["data"][names::STATIC_KEY],
            derived.static_nodes_json.as_str()
        );
        for (node, config) in &derived.tessera_configs {
            let tessera = find(&docs, "ConfigMap", &names::tessera_configmap(node));
            assert_eq!(tessera["data"]["tessera-config.json"], config.as_str());
        }
    }
}

#[test]
fn config_hash_changes_only_for_the_node_whose_keys_or_tessera_config_change() {
    let net = qbft4();
    let base_derived = derived(&net);
    let before = config_hashes(&net, &base_derived);
    assert_eq!(
        before.values().collect::<BTreeSet<_>>().len(),
        4,
        "each node has its own hash"
    );

    let mut rekeyed = net.clone();
    rekeyed.nodes[1].secrets.password = "new password".into();
    let after = config_hashes(&rekeyed, &base_derived);
    let changed: Vec<&String> = before.keys().filter(|k| before[*k] != after[*k]).collect();
    assert_eq!(changed, ["quorum-node2"]);

    let mut retuned = base_derived.clone();
    retuned
        .tessera_configs
        .get_mut("quorum-node3")
        .unwrap()
        .push(' ');
    let after = config_hashes(&net, &retuned);
    let changed: Vec<&String> = before.keys().filter(|k| before[*k] != after[*k]).collect();
    assert_eq!(changed, ["quorum-node3"]);

    let mut reflagged = net.clone();
    reflagged.nodes[3].geth_params = "--rpc.gascap 0".into();
    let after = config_hashes(&reflagged, &base_derived);
    let changed: Vec<&String> = before.keys().filter(|k| before[*k] != after[*k]).collect();
    assert_eq!(changed, ["quorum-node4"]);
}

#[test]
fn config_hash_changes_for_every_node_when_the_peer_lists_change() {
    let net = qbft4();
    let base = derived(&net);
    let mut joined = base.clone();
    joined.static_nodes_json = joined.static_nodes_json.replace(
        "\n]",
        ",\n  \"enode://ac6b1096ca56b9f6d004b779ae3728bf83f8e22453404cc3cef16a3d9b96608bc67c4b30db88e0a5a6c6390213f7acbe1153ff6d23ce57380104288ae19373ef@203.0.113.10:31500?discport=0\"\n]",
    );
    let (before, after) = (config_hashes(&net, &base), config_hashes(&net, &joined));
    assert!(before.keys().all(|k| before[k] != after[k]));
}

#[test]
fn every_namespaced_object_carries_the_namespace_only_when_one_is_set() {
    let docs = documents(&build_ok(&qbft4()));
    assert_eq!(
        find(&docs, "Namespace", "quorum")["metadata"].get("namespace"),
        None
    );
    for doc in docs.iter().filter(|d| d["kind"] != "Namespace") {
        assert_eq!(
            doc["metadata"]["namespace"], "quorum",
            "{} {}",
            doc["kind"], doc["metadata"]["name"]
        );
    }
    for doc in documents(&build_ok(&raft3())) {
        assert_eq!(
            doc["metadata"].get("namespace"),
            None,
            "{} {}",
            doc["kind"],
            doc["metadata"]["name"]
        );
    }
}

#[test]
fn every_object_and_pod_template_carries_the_recommended_labels() {
    for doc in documents(&build_ok(&qbft4())) {
        let mut labeled = vec![&doc["metadata"]["labels"]];
        if doc["kind"] == "Deployment" {
            labeled.push(&doc["spec"]["template"]["metadata"]["labels"]);
        }
        for labels in labeled {
            for key in [
                names::LABEL_NAME,
                names::LABEL_INSTANCE,
                names::LABEL_PART_OF,
                names::LABEL_COMPONENT,
            ] {
                assert!(
                    labels.get(key).is_some(),
                    "{} {} lacks {key}",
                    doc["kind"],
                    doc["metadata"]["name"]
                );
            }
            assert_eq!(labels[names::LABEL_MANAGED_BY], names::MANAGED_BY);
        }
    }
}

#[test]
fn same_input_gives_byte_identical_output() {
    for net in [qbft4(), raft3()] {
        assert_eq!(build_ok(&net), build_ok(&net.clone()));
    }
}

fn quorum_args(net: &Network, node: &str) -> Vec<String> {
    let docs = documents(&build_ok(net));
    let deployment = find(&docs, "Deployment", &names::workload(node));
    let containers = deployment["spec"]["template"]["spec"]["containers"]
        .as_array()
        .unwrap();
    let quorum = containers
        .iter()
        .find(|c| c["name"] == names::CONTAINER_QUORUM)
        .unwrap();
    quorum["args"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn geth_params_are_appended_as_shell_words() {
    let args = quorum_args(&raft3(), "raft-node1");
    assert_eq!(
        args[args.len() - 4..],
        [
            "--txpool.globalslots",
            "4096",
            "--identity",
            "raft node one"
        ]
    );
}

#[test]
fn unbalanced_quotes_in_geth_params_are_refused() {
    let mut net = raft3();
    net.nodes[2].geth_params = r#"--identity "unterminated"#.into();
    let err = build(&net, &derived(&net)).unwrap_err();
    assert!(
        matches!(&err, K8sError::GethParams { node, .. } if node == "raft-node3"),
        "{err}"
    );
}

#[test]
fn rpc_and_ws_never_offer_admin_personal_or_debug() {
    for (net, node) in [(qbft4(), "quorum-node1"), (raft3(), "raft-node1")] {
        for arg in quorum_args(&net, node) {
            if let Some(apis) = arg
                .strip_prefix("--http.api=")
                .or_else(|| arg.strip_prefix("--ws.api="))
            {
                for api in apis.split(',') {
                    assert!(!["admin", "personal", "debug"].contains(&api), "{arg}");
                }
            }
        }
    }
}

#[test]
fn only_quorum_versions_before_22_4_get_the_istanbul_block_period_flag() {
    let mut net = qbft4();
    assert!(
        !quorum_args(&net, "quorum-node1")
            .iter()
            .any(|a| a.starts_with("--istanbul.blockperiod"))
    );
    net.nodes[0].quorum_version = semver::Version::new(22, 1, 0);
    assert!(quorum_args(&net, "quorum-node1").contains(&"--istanbul.blockperiod=3".to_string()));
}

#[test]
fn a_node_whose_consensus_differs_from_the_genesis_is_refused() {
    let mut net = raft3();
    net.nodes[1].consensus = Consensus::Qbft;
    let err = build(&net, &derived(&net)).unwrap_err();
    assert!(matches!(err, K8sError::ConsensusMismatch { .. }), "{err}");
    // IBFT and QBFT nodes share one engine and may mix.
    let mut mixed = qbft4();
    mixed.nodes[3].consensus = Consensus::Istanbul;
    assert!(build(&mixed, &derived(&mixed)).is_ok());
}

#[test]
fn a_tessera_node_without_its_derived_config_is_refused() {
    let net = qbft4();
    let mut partial = derived(&net);
    partial.tessera_configs.remove("quorum-node2");
    let err = build(&net, &partial).unwrap_err();
    assert_eq!(
        err.to_string(),
        "node `quorum-node2` runs Tessera but no Tessera config was derived for it: put a Tessera \
         key pair (`tm.key`, `tm.pub`) in its key directory, or set its `quorum.tm.Name` to none"
    );
}

fn clique3() -> Network {
    let nodes = (1..=3)
        .map(|i| node(&format!("clique-node{i}"), i, Consensus::Clique, true))
        .collect();
    network(Consensus::Clique, nodes, K8sSettings::default())
}

fn pod_spec(net: &Network, node: &str) -> Value {
    let docs = documents(&build_ok(net));
    find(&docs, "Deployment", &names::workload(node))["spec"]["template"]["spec"].clone()
}

/// The Secret keys a container can read, through any volume it mounts.
fn secret_keys_of(pod: &Value, container: &str) -> BTreeSet<String> {
    let all: Vec<&Value> = pod["initContainers"]
        .as_array()
        .unwrap()
        .iter()
        .chain(pod["containers"].as_array().unwrap())
        .collect();
    let c = all.iter().find(|c| c["name"] == container).unwrap();
    let mut keys = BTreeSet::new();
    for m in c["volumeMounts"].as_array().unwrap() {
        let volume = pod["volumes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["name"] == m["name"])
            .unwrap();
        let mut secrets = Vec::new();
        if !volume["secret"].is_null() {
            secrets.push(&volume["secret"]);
        }
        for source in volume["projected"]["sources"]
            .as_array()
            .into_iter()
            .flatten()
        {
            if !source["secret"].is_null() {
                secrets.push(&source["secret"]);
            }
        }
        for s in secrets {
            let items = s["items"]
                .as_array()
                .expect("secret volumes list the keys they mount");
            let wanted = m["subPath"].as_str();
            for i in items {
                let key = i["key"].as_str().unwrap();
                if wanted.is_none_or(|w| w == i["path"]) {
                    keys.insert(key.to_string());
                }
            }
        }
    }
    keys
}

#[test]
fn no_account_is_unlocked_outside_clique_and_geth_reads_its_nodekey_from_the_secret() {
    for (net, node) in [(qbft4(), "quorum-node1"), (raft3(), "raft-node1")] {
        let args = quorum_args(&net, node);
        for flag in [
            "--unlock",
            "--allow-insecure-unlock",
            "--password",
            "--keystore",
        ] {
            assert!(
                !args.iter().any(|a| a.starts_with(flag)),
                "{node}: {args:?}"
            );
        }
        assert!(
            args.contains(&"--nodekey=/keys/nodekey".to_string()),
            "{args:?}"
        );
    }
}

#[test]
fn a_clique_signer_unlocks_its_own_account_from_a_read_only_keystore_mount() {
    let net = clique3();
    let account = net.nodes[0].identity.account_address.clone();
    let args = quorum_args(&net, "clique-node1");
    for wanted in [
        format!("--unlock={account}"),
        format!("--miner.etherbase={account}"),
        "--keystore=/keystore".to_string(),
        "--password=/keys/password.txt".to_string(),
        "--allow-insecure-unlock".to_string(),
        "--mine".to_string(),
    ] {
        assert!(args.contains(&wanted), "{wanted} missing from {args:?}");
    }
    let pod = pod_spec(&net, "clique-node1");
    let quorum = &pod["containers"][0];
    let keystore = quorum["volumeMounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["mountPath"] == "/keystore/acctkeyfile.json")
        .expect("keystore mount");
    assert_eq!(keystore["subPath"], "acctkeyfile.json");
    assert_eq!(keystore["readOnly"], true);
}

#[test]
fn each_container_mounts_only_the_private_files_it_uses() {
    let set = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect::<BTreeSet<_>>();
    let pod = pod_spec(&qbft4(), "quorum-node1");
    assert_eq!(secret_keys_of(&pod, "init-datadir"), set(&[]));
    assert_eq!(secret_keys_of(&pod, "quorum"), set(&["nodekey"]));
    assert_eq!(secret_keys_of(&pod, "tessera"), set(&["tm.key"]));
    let pod = pod_spec(&clique3(), "clique-node2");
    assert_eq!(
        secret_keys_of(&pod, "quorum"),
        set(&["nodekey", "acctkeyfile.json", "password.txt"])
    );
    // Nothing private is copied to the volume; older copies are removed.
    let script = pod["initContainers"][0]["command"][2].as_str().unwrap();
    assert!(!script.contains("cat /keys"), "{script}");
    assert!(script.contains("rm -f /data/tm/tm.ipc /data/dd/geth/nodekey /data/dd/keystore/key"));
}

fn external(name: &str, tm_url: Option<&str>) -> crate::network::ExternalNode {
    crate::network::ExternalNode {
        name: name.into(),
        enode_url: format!("enode://{}@203.0.113.10:30001?discport=0", "ab".repeat(64)),
        tm_url: tm_url.map(Into::into),
        tm_public_key: None,
        validator_address: None,
    }
}

#[test]
fn external_tessera_nodes_get_a_service_of_their_name_leading_to_their_tm_url() {
    let mut net = qbft4();
    net.external_nodes = vec![
        external("orga-node1", Some("http://203.0.113.10:31625")),
        external("orga-node2", Some("http://[2001:db8::7]:31626")),
        external("orga-node3", Some("http://lb.orga.example:9001")),
        external("orga-node4", None),
    ];
    let files = build_ok(&net);
    let file = files
        .iter()
        .find(|f| f.path == Path::new("03.2-quorum-external-tessera.yaml"))
        .expect("the external Tessera file");
    let docs = documents(std::slice::from_ref(file));
    let kinds: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| {
            (
                d["kind"].as_str().unwrap(),
                d["metadata"]["name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("Service", "orga-node1"),
            ("EndpointSlice", "orga-node1"),
            ("Service", "orga-node2"),
            ("EndpointSlice", "orga-node2"),
            ("Service", "orga-node3"),
        ]
    );
    let service = find(&docs, "Service", "orga-node1");
    assert!(service["spec"]["selector"].is_null());
    assert_eq!(service["spec"]["type"], "ClusterIP");
    assert_eq!(
        service["spec"]["ports"],
        serde_json::json!([{"name": "tessera-p2p", "port": 9001, "protocol": "TCP", "targetPort": 31625}])
    );
    assert_eq!(service["metadata"]["namespace"], "quorum");
    assert_eq!(
        service["metadata"]["labels"][names::LABEL_MANAGED_BY],
        "qctl"
    );
    let slice = find(&docs, "EndpointSlice", "orga-node1");
    assert_eq!(slice["apiVersion"], "discovery.k8s.io/v1");
    assert_eq!(slice["addressType"], "IPv4");
    assert_eq!(
        slice["endpoints"][0]["addresses"],
        serde_json::json!(["203.0.113.10"])
    );
    assert_eq!(
        slice["ports"],
        serde_json::json!([{"name": "tessera-p2p", "port": 31625, "protocol": "TCP"}])
    );
    assert_eq!(
        slice["metadata"]["labels"][names::LABEL_SERVICE_NAME],
        "orga-node1"
    );
    let v6 = find(&docs, "EndpointSlice", "orga-node2");
    assert_eq!(v6["addressType"], "IPv6");
    assert_eq!(
        v6["endpoints"][0]["addresses"],
        serde_json::json!(["2001:db8::7"])
    );
    let cname = find(&docs, "Service", "orga-node3");
    assert_eq!(cname["spec"]["type"], "ExternalName");
    assert_eq!(cname["spec"]["externalName"], "lb.orga.example");

    // Without a local Tessera nothing needs to reach theirs.
    let mut plain = raft3();
    plain.external_nodes = net.external_nodes.clone();
    assert!(
        !build_ok(&plain)
            .iter()
            .any(|f| f.path.to_string_lossy().contains("external"))
    );
}

#[test]
fn external_tessera_that_this_cluster_cannot_stand_for_is_refused() {
    let refused = |node: crate::network::ExternalNode| {
        let mut net = qbft4();
        net.external_nodes = vec![node];
        let err = build(&net, &derived(&net)).unwrap_err();
        assert!(
            matches!(
                err,
                K8sError::ExternalTessera { .. } | K8sError::ExternalNameTaken { .. }
            ),
            "{err}"
        );
        err.to_string()
    };
    let err = refused(external("orga-node1", Some("http://lb.orga.example:31625")));
    assert!(err.contains("must listen on port 9001"), "{err}");
    assert!(err.contains("external node `orga-node1`"), "{err}");
    let err = refused(external("orga-node1", Some("http://127.0.0.1:31625")));
    assert!(err.contains("loopback"), "{err}");
    let err = refused(external(
        "quorum-node1-rpc",
        Some("http://203.0.113.10:31625"),
    ));
    assert!(
        err.contains("local node `quorum-node1`'s RPC Service"),
        "{err}"
    );
}

#[test]
fn config_maps_and_secrets_are_held_to_the_kubernetes_data_limit_in_decoded_bytes() {
    use base64::Engine;
    let file = std::path::Path::new("02-x.yaml");
    let config_map = |size: usize| {
        serde_json::json!({
            "kind": "ConfigMap",
            "metadata": {"name": "quorum-peers"},
            "data": {"a": "x".repeat(size - 10), "b": "y".repeat(10)}
        })
    };
    assert!(check_data_size(&config_map(MAX_DATA_BYTES), file).is_ok());
    let err = check_data_size(&config_map(MAX_DATA_BYTES + 1), file)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(
            "ConfigMap `quorum-peers` (in `02-x.yaml`) would hold 1,048,577 bytes of data, \
             more than the 1,048,576 bytes (1 MiB)"
        ) && err.contains("`a` 1,048,567 bytes, `b` 10 bytes"),
        "{err}"
    );
    // A Secret's data is counted decoded: base64 of exactly 1 MiB is within the limit.
    let secret = |size: usize| {
        let encoded = base64::engine::general_purpose::STANDARD.encode(vec![7u8; size]);
        serde_json::json!({"kind": "Secret", "metadata": {"name": "k"}, "data": {"k": encoded}})
    };
    assert!(check_data_size(&secret(MAX_DATA_BYTES), file).is_ok());
    assert!(check_data_size(&secret(MAX_DATA_BYTES + 1), file).is_err());
    let service = serde_json::json!({"kind": "Service", "data": {"a": "x".repeat(2 << 20)}});
    assert!(check_data_size(&service, file).is_ok());
}

/// The Prometheus server's objects in a network's documents.
fn monitor_objects(docs: &[Value]) -> Vec<(String, String)> {
    docs.iter()
        .filter(|d| d["metadata"]["labels"][names::LABEL_COMPONENT] == "monitor")
        .map(|d| {
            (
                d["kind"].as_str().unwrap().to_string(),
                d["metadata"]["name"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn prometheus_config(docs: &[Value]) -> Value {
    let text = find(docs, "ConfigMap", names::MONITOR_CONFIGMAP)["data"][names::MONITOR_CONFIG_KEY]
        .as_str()
        .unwrap()
        .to_string();
    serde_yaml::from_str(&text).unwrap()
}

#[test]
fn the_prometheus_server_comes_in_its_own_file_only_with_prometheus() {
    let files = build_ok(&qbft4());
    let monitor = files
        .iter()
        .find(|f| f.path == Path::new(super::MONITOR_FILE))
        .expect("qbft4 has prometheus on");
    assert!(!monitor.sensitive);
    let docs = documents(std::slice::from_ref(monitor));
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(k, n)| (k.to_string(), n.to_string()))
            .collect()
    };
    assert_eq!(
        monitor_objects(&docs),
        pairs(&[
            ("ConfigMap", "quorum-monitor-config"),
            ("Service", "quorum-monitor"),
            ("Deployment", "quorum-monitor"),
            ("NetworkPolicy", "quorum-monitor"),
        ])
    );
    assert_eq!(monitor_objects(&docs).len(), docs.len());

    // Without the network's NetworkPolicy, the monitor has none either.
    let mut open = qbft4();
    open.k8s.network_policy = false;
    let docs = documents(&build_ok(&open));
    assert_eq!(
        monitor_objects(&docs),
        pairs(&[
            ("ConfigMap", "quorum-monitor-config"),
            ("Service", "quorum-monitor"),
            ("Deployment", "quorum-monitor"),
        ])
    );

    let off = build_ok(&raft3());
    assert!(off.iter().all(|f| f.path != Path::new(super::MONITOR_FILE)));
    assert_eq!(monitor_objects(&documents(&off)), Vec::new());
}

#[test]
fn prometheus_scrapes_every_node_at_the_metrics_port_of_its_rpc_service() {
    let mut net = qbft4();
    net.nodes.truncate(3);
    let docs = documents(&build_ok(&net));
    let config = prometheus_config(&docs);
    assert_eq!(config["global"]["scrape_interval"], "5s");
    let jobs = config["scrape_configs"].as_array().unwrap();
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0]["job_name"], "geth");
    assert_eq!(jobs[0]["metrics_path"], "/debug/metrics/prometheus");
    let groups = jobs[0]["static_configs"].as_array().unwrap();
    let targets: Vec<(String, String)> = groups
        .iter()
        .map(|g| {
            let targets = g["targets"].as_array().unwrap();
            assert_eq!(targets.len(), 1, "one target per group: {g:?}");
            (
                g["labels"]["node"].as_str().unwrap().to_string(),
                targets[0].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = (1..=3)
        .map(|i| {
            (
                format!("quorum-node{i}"),
                format!("quorum-node{i}-rpc:6060"),
            )
        })
        .collect();
    assert_eq!(targets, expected);
    // Each target is a Service of the manifests that carries the metrics port.
    for (_, target) in &targets {
        let (service, port) = target.split_once(':').unwrap();
        let service = find(&docs, "Service", service);
        assert_eq!(service["spec"]["type"], "ClusterIP");
        assert!(
            service["spec"]["ports"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["name"] == "metrics" && p["port"] == port.parse::<u64>().unwrap()),
            "{service}"
        );
    }
}

#[test]
fn a_node_added_changes_the_targets_and_restarts_prometheus() {
    let hash = |net: &Network| hashes_of(net, &derived(net), "monitor")[names::MONITOR].clone();
    let mut three = qbft4();
    three.nodes.truncate(3);
    assert_ne!(hash(&three), hash(&qbft4()));
    assert_eq!(hash(&qbft4()), hash(&qbft4()));
}

#[test]
fn the_prometheus_service_is_cluster_ip_unless_a_node_port_is_asked_for() {
    let docs = documents(&build_ok(&qbft4()));
    let service = find(&docs, "Service", names::MONITOR);
    assert_eq!(service["spec"]["type"], "ClusterIP");
    let ports = service["spec"]["ports"].as_array().unwrap();
    assert_eq!(ports.len(), 1);
    assert_eq!(ports[0]["port"], 9090);
    assert_eq!(ports[0].get("nodePort"), None);
    let policy = find(&docs, "NetworkPolicy", names::MONITOR);
    assert_eq!(
        policy["spec"]["ingress"],
        serde_json::json!([{"from": [{"podSelector": {}}], "ports": [{"port": 9090, "protocol": "TCP"}]}]),
        "the web port only from the namespace"
    );

    let mut exposed = qbft4();
    exposed.k8s.prometheus_node_port = Some(31323);
    let docs = documents(&build_ok(&exposed));
    let service = find(&docs, "Service", names::MONITOR);
    assert_eq!(service["spec"]["type"], "NodePort");
    assert_eq!(service["spec"]["ports"][0]["nodePort"], 31323);
    let policy = find(&docs, "NetworkPolicy", names::MONITOR);
    assert_eq!(
        policy["spec"]["ingress"],
        serde_json::json!([{"ports": [{"port": 9090, "protocol": "TCP"}]}]),
        "a NodePort is reached from outside the cluster"
    );
    // The node's peer Services keep their own type.
    assert_eq!(
        find(&docs, "Service", "quorum-node1")["spec"]["type"],
        "NodePort"
    );
}

#[test]
fn the_prometheus_pod_runs_pinned_non_root_and_read_only() {
    let docs = documents(&build_ok(&qbft4()));
    let deployment = find(&docs, "Deployment", names::MONITOR);
    let pod = &deployment["spec"]["template"]["spec"];
    let container = &pod["containers"][0];
    assert_eq!(pod["containers"].as_array().unwrap().len(), 1);
    let image = container["image"].as_str().unwrap();
    let (repo, tag) = image.split_once(':').unwrap();
    assert_eq!(repo, "prom/prometheus");
    assert!(tag.starts_with("v3."), "a pinned 3.x tag: {image}");
    assert_eq!(container["readinessProbe"]["httpGet"]["path"], "/-/ready");
    assert_eq!(container["securityContext"]["readOnlyRootFilesystem"], true);
    assert_eq!(
        container["securityContext"]["allowPrivilegeEscalation"],
        false
    );
    assert_eq!(
        container["securityContext"]["capabilities"]["drop"][0],
        "ALL"
    );
    assert!(container["resources"]["limits"]["memory"].is_string());
    assert!(container["resources"]["requests"]["cpu"].is_string());
    assert_eq!(pod["securityContext"]["runAsNonRoot"], true);
    assert_eq!(pod["securityContext"]["runAsUser"], 65534);
    assert_eq!(pod["automountServiceAccountToken"], false);
    let data = pod["volumes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "data")
        .unwrap();
    assert!(data["emptyDir"]["sizeLimit"].is_string(), "{data}");
    let args: Vec<&str> = container["args"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(args.contains(&"--config.file=/etc/prometheus/prometheus.yml"));
    assert!(
        !args
            .iter()
            .any(|a| a.contains("enable-lifecycle") || a.contains("admin-api"))
    );
    // `k8s.securityContext` ids apply to it as to the nodes.
    let mut net = qbft4();
    net.k8s.run_as_user = Some(2000);
    let docs = documents(&build_ok(&net));
    let pod = &find(&docs, "Deployment", names::MONITOR)["spec"]["template"]["spec"];
    assert_eq!(pod["securityContext"]["runAsUser"], 2000);
}

/// Whether `selector` (matchLabels) selects a pod with `labels`.
fn selects(selector: &Value, labels: &Value) -> bool {
    selector
        .as_object()
        .unwrap()
        .iter()
        .all(|(k, v)| labels.get(k) == Some(v))
}

#[test]
fn the_prometheus_pod_and_the_node_pods_select_only_their_own() {
    let docs = documents(&build_ok(&qbft4()));
    let deployments: Vec<&Value> = docs.iter().filter(|d| d["kind"] == "Deployment").collect();
    for workload in &deployments {
        let selector = &workload["spec"]["selector"]["matchLabels"];
        for other in &deployments {
            let labels = &other["spec"]["template"]["metadata"]["labels"];
            assert_eq!(
                selects(selector, labels),
                workload["metadata"]["name"] == other["metadata"]["name"],
                "{} and {}",
                workload["metadata"]["name"],
                other["metadata"]["name"]
            );
        }
    }
    let monitor_pod =
        &find(&docs, "Deployment", names::MONITOR)["spec"]["template"]["metadata"]["labels"];
    let node_policy = find(&docs, "NetworkPolicy", names::NETWORK_POLICY);
    assert!(!selects(
        &node_policy["spec"]["podSelector"]["matchLabels"],
        monitor_pod
    ));
    let monitor_policy = find(&docs, "NetworkPolicy", names::MONITOR);
    assert!(selects(
        &monitor_policy["spec"]["podSelector"]["matchLabels"],
        monitor_pod
    ));
    let node_pod =
        &find(&docs, "Deployment", "quorum-node1")["spec"]["template"]["metadata"]["labels"];
    assert!(!selects(
        &monitor_policy["spec"]["podSelector"]["matchLabels"],
        node_pod
    ));
    // Out of the Prometheus pod: DNS anywhere, and only the metrics port of node pods.
    let egress = monitor_policy["spec"]["egress"].as_array().unwrap();
    assert_eq!(egress.len(), 2);
    assert_eq!(egress[0].get("to"), None);
    assert!(
        egress[0]["ports"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["port"] == 53)
    );
    assert!(selects(
        &egress[1]["to"][0]["podSelector"]["matchLabels"],
        node_pod
    ));
    assert_eq!(
        egress[1]["ports"],
        serde_json::json!([{"port": 6060, "protocol": "TCP"}])
    );
}

#[test]
fn monitoring_opens_the_node_policy_to_metrics_and_to_nothing_else() {
    let policy = |prometheus: bool| {
        let mut net = qbft4();
        net.k8s.prometheus = prometheus;
        let docs = documents(&build_ok(&net));
        find(&docs, "NetworkPolicy", names::NETWORK_POLICY).clone()
    };
    let (off, on) = (policy(false), policy(true));
    let rules = |p: &Value| p["spec"]["ingress"].as_array().unwrap().clone();
    let (before, after) = (rules(&off), rules(&on));
    assert_eq!(&after[..before.len()], &before[..]);
    assert_eq!(after.len(), before.len() + 1);
    let added = &after[before.len()];
    assert_eq!(
        added["ports"],
        serde_json::json!([{"port": 6060, "protocol": "TCP"}])
    );
    // The Prometheus pod is in the namespace: a peer of the rule admits it.
    assert!(
        added["from"]
            .as_array()
            .unwrap()
            .iter()
            .any(
                |peer| peer.get("namespaceSelector") == Some(&serde_json::json!({}))
                    || peer.get("podSelector") == Some(&serde_json::json!({}))
            )
    );
    assert_eq!(off["spec"]["egress"], on["spec"]["egress"]);
    assert_eq!(off["spec"]["podSelector"], on["spec"]["podSelector"]);
}

#[test]
fn a_node_named_like_the_prometheus_server_is_refused_with_monitoring_on() {
    let mut net = qbft4();
    net.nodes[1].name = names::MONITOR.into();
    let err = build(&net, &derived(&net)).unwrap_err();
    assert!(
        matches!(&err, K8sError::MonitorNameTaken { node, .. } if node == names::MONITOR),
        "{err}"
    );
    net.k8s.prometheus = false;
    build(&net, &derived(&net)).expect("without monitoring the name is free");
}
