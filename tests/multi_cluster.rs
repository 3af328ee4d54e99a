//! Two organisations, two clusters (two API doubles), one network: the walkthrough of
//! `docs/multi-cluster.md` with the real binary, and the bundles `add-external` must refuse.
//!
//! Fixtures in `testdata/cases/external/`: `orga-bundle.yaml` is a real export of organisation
//! A's 2-node qbft network (chain id 1000, cluster node ExternalIP 203.0.113.10); every other
//! file is that bundle with one defect, named in its first line.

use std::fs;

use serde_json::Value;

use crate::common::{TestEnv, testdata};
use crate::support::apiserver::ApiServer;

/// One organisation: its directory and its cluster.
struct Org {
    env: TestEnv,
    api: ApiServer,
}

impl Org {
    /// `init --name-prefix <prefix> --num 2` on a cluster whose one Ready node has `external_ip`.
    fn new(prefix: &str, external_ip: &str) -> Org {
        let api = ApiServer::start();
        api.add_node(
            &format!("{prefix}-worker"),
            "10.0.0.4",
            Some(external_ip),
            true,
        );
        let env = TestEnv::new();
        env.run(&["init", "--name-prefix", prefix, "--num", "2", "--yes"])
            .ok();
        Org { env, api }
    }

    fn qctl(&self, args: &[&str]) -> crate::common::Run {
        self.env.run_on(&self.api, args)
    }

    fn read(&self, rel: &str) -> String {
        self.env.read(rel)
    }

    /// `enode://<id>@<ip>:<p2p NodePort>?discport=0` of a deployed node, from its key files and
    /// the NodePort its cluster allocated.
    fn public_enode(&self, key_dir: &str, node: &str, ip: &str) -> String {
        let id = self.read(&format!("out/config/{key_dir}/enode"));
        let port = self.node_port(node, "p2p");
        format!("enode://{}@{ip}:{port}?discport=0", id.trim())
    }

    /// Tessera P2P URL of a deployed node as the other organisation reaches it.
    fn public_tessera(&self, node: &str, ip: &str) -> String {
        format!("http://{ip}:{}", self.node_port(node, "tessera-p2p"))
    }

    fn node_port(&self, node: &str, port_name: &str) -> u64 {
        let service = self
            .api
            .object("services", "default", node)
            .expect("peer Service");
        service["spec"]["ports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == port_name)
            .and_then(|p| p["nodePort"].as_u64())
            .unwrap_or_else(|| panic!("{node} has no NodePort for {port_name}"))
    }

    fn address(&self, key_dir: &str) -> String {
        self.read(&format!("out/config/{key_dir}/address"))
            .trim()
            .to_string()
    }

    fn json(&self, rel: &str) -> Vec<String> {
        serde_json::from_str(&self.read(rel)).unwrap()
    }

    /// The peer URLs of a node's Tessera config.
    fn tessera_peers(&self, node: &str) -> Vec<String> {
        let config: Value =
            serde_json::from_str(&self.read(&format!("out/config/tessera/{node}.json"))).unwrap();
        config["peer"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["url"].as_str().unwrap().to_string())
            .collect()
    }

    /// The Service named `node` in this cluster has no selector and one EndpointSlice, at
    /// `ip:port` under the port name of Tessera P2P, so `http://<node>:9001` reaches it.
    fn assert_reaches_tessera_of(&self, node: &str, ip: &str, port: u64) {
        let service = self
            .api
            .object("services", "default", node)
            .expect("Service");
        assert_eq!(service["spec"]["type"], "ClusterIP", "{service:#}");
        assert!(service["spec"]["selector"].is_null(), "{service:#}");
        assert_eq!(service["spec"]["ports"][0]["port"], 9001, "{service:#}");
        assert_eq!(
            service["spec"]["ports"][0]["name"], "tessera-p2p",
            "{service:#}"
        );
        assert_eq!(
            service["metadata"]["labels"]["app.kubernetes.io/managed-by"],
            "qctl"
        );
        let slice = self
            .api
            .object("endpointslices", "default", node)
            .expect("EndpointSlice");
        assert_eq!(
            slice["metadata"]["labels"]["kubernetes.io/service-name"],
            node
        );
        assert_eq!(slice["addressType"], "IPv4");
        assert_eq!(slice["endpoints"][0]["addresses"], serde_json::json!([ip]));
        assert_eq!(slice["ports"][0]["name"], "tessera-p2p");
        assert_eq!(slice["ports"][0]["port"], port);
    }

    fn rollouts(&self, nodes: &[&str]) -> Vec<u32> {
        nodes.iter().map(|n| self.api.rollouts(n)).collect()
    }
}

const A_IP: &str = "203.0.113.10";
const B_IP: &str = "198.51.100.20";

/// The names in `node ls -o json` whose kind is `kind`.
fn node_names(env: &TestEnv, kind: &str) -> Vec<String> {
    let rows: Value = serde_json::from_str(&env.run(&["node", "ls", "-o", "json"]).ok()).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == kind)
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

fn fixture(name: &str) -> String {
    testdata(&format!("cases/external/{name}"))
        .to_str()
        .unwrap()
        .to_string()
}

#[test]
fn two_organisations_join_one_network_through_join_bundles_in_both_directions() {
    // Organisation A starts the network and exports its nodes.
    let a = Org::new("orga", A_IP);
    a.env.run(&["generate"]).ok();
    a.qctl(&["deploy"]).ok();
    a.qctl(&["export-external", "--output-file", "a.yaml"]).ok();
    let bundle_a = a.read("a.yaml");
    // Each node's Tessera key travels with it, as its key dir holds it.
    let tm_pub = a.read("out/config/key1/tm.pub");
    assert!(
        bundle_a.contains(&format!("    Tm_Public_Key: \"{}\"\n", tm_pub.trim())),
        "{bundle_a}"
    );

    // Organisation B joins with A's bundle: same chain id, A's genesis pinned.
    let b = Org::new("orgb", B_IP);
    b.env.write("a.yaml", &bundle_a);
    let run = b.env.run(&["add-external", "a.yaml", "--yes"]);
    run.ok();
    assert!(
        run.stderr().contains("pin the bundle's genesis"),
        "{}",
        run.stderr()
    );
    // A's validators are in the genesis B pins: no votes needed for them.
    assert!(
        !run.stderr().contains("validator propose"),
        "{}",
        run.stderr()
    );
    let run = b.env.run(&["generate"]);
    run.ok();
    assert!(
        run.stderr()
            .contains("genesis pinned (config.Genesis_File)"),
        "{}",
        run.stderr()
    );
    // B's validators are not in A's genesis: generate says how to vote them in.
    let b_address = b.address("key1");
    assert!(
        run.stderr()
            .contains(&format!("({b_address}) is not in the existing genesis"))
            && run.stderr().contains("qctl validator propose "),
        "{}",
        run.stderr()
    );
    b.qctl(&["deploy"]).ok();
    let bundle_b = b.qctl(&["export-external"]).ok();

    // A takes B's bundle and redeploys.
    a.env.write("b.yaml", &bundle_b);
    let run = a.env.run(&["add-external", "b.yaml", "--yes"]);
    run.ok();
    // B's validators are not in A's genesis: A is told the command that votes them in.
    let b_nodes: Vec<String> = bundle_b
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- Node_UserIdent: "))
        .map(|n| n.trim_matches(|c| c == '\'' || c == '"').to_string())
        .collect();
    assert!(!b_nodes.is_empty(), "{bundle_b}");
    assert!(
        run.stderr().contains(&format!(
            "run `qctl validator propose {}`",
            b_nodes.join(" ")
        )),
        "{}",
        run.stderr()
    );
    a.env.run(&["generate"]).ok();
    let genesis_configmap_version = a
        .api
        .object("configmaps", "default", "quorum-genesis")
        .unwrap()["metadata"]["resourceVersion"]
        .clone();
    let run = a.qctl(&["deploy"]);
    run.ok();

    // One genesis, byte for byte, pinned on B.
    assert_eq!(
        b.read("out/config/genesis.json"),
        a.read("out/config/genesis.json")
    );
    assert!(
        b.read("qubernetes.yaml")
            .contains("\nconfig:\n  Genesis_File: pinned-genesis.json\n"),
        "{}",
        b.read("qubernetes.yaml")
    );
    assert_eq!(
        b.read("pinned-genesis.json"),
        a.read("out/config/genesis.json")
    );

    // Each side dials the other's nodes on the other cluster's node IP and p2p NodePorts, and
    // its Tessera nodes know the other's Tessera URLs.
    for (local, local_nodes, remote, remote_nodes, remote_ip) in [
        (
            &a,
            ["orga-node1", "orga-node2"],
            &b,
            ["orgb-node1", "orgb-node2"],
            B_IP,
        ),
        (
            &b,
            ["orgb-node1", "orgb-node2"],
            &a,
            ["orga-node1", "orga-node2"],
            A_IP,
        ),
    ] {
        let static_nodes = local.json("out/config/static-nodes.json");
        let permissioned = local.json("out/config/permissioned-nodes.json");
        assert_eq!(static_nodes, permissioned);
        assert_eq!(static_nodes.len(), 4, "{static_nodes:#?}");
        for (key_dir, node) in ["key1", "key2"].into_iter().zip(remote_nodes) {
            let enode = remote.public_enode(key_dir, node, remote_ip);
            assert!(
                static_nodes.contains(&enode),
                "{enode} not in {static_nodes:#?}"
            );
            // Each Tessera lists the remote one at the URL it advertises, which resolves in
            // this cluster through a selector-less Service whose EndpointSlice points at the
            // remote cluster's node IP and Tessera NodePort.
            let advertised = format!("http://{node}:9001");
            for local_node in local_nodes {
                let peers = local.tessera_peers(local_node);
                assert!(
                    peers.contains(&advertised),
                    "{local_node}: {advertised} not in {peers:?}"
                );
                assert!(!peers.contains(&remote.public_tessera(node, remote_ip)));
            }
            local.assert_reaches_tessera_of(node, remote_ip, remote.node_port(node, "tessera-p2p"));
        }
        // Validators: both organisations' node addresses, in the list the nodes vote with.
        let validators = local.read("out/config/istanbul-validator-config.toml");
        for org in [local, remote] {
            for key_dir in ["key1", "key2"] {
                let address = org.address(key_dir);
                assert!(
                    validators.contains(&format!("\"{address}\"")),
                    "{address}: {validators}"
                );
            }
        }
    }
    // The genesis (extraData) holds A's validators, who created it, and none of B's.
    let extra_data = a.read("out/config/genesis.json").to_lowercase();
    for key_dir in ["key1", "key2"] {
        assert!(extra_data.contains(&a.address(key_dir).to_lowercase()[2..]));
        assert!(!extra_data.contains(&b.address(key_dir).to_lowercase()[2..]));
    }

    // A's final deploy rolled A's nodes (their peer lists changed) and nothing else: the
    // peers ConfigMap, the Tessera configs and the Deployments changed; the genesis, the
    // Services (and so the NodePorts B dials) did not.
    assert!(
        run.stderr()
            .contains(": 4 created, 5 changed, 12 unchanged"),
        "{}",
        run.stderr()
    );
    assert_eq!(a.rollouts(&["orga-node1", "orga-node2"]), [2, 2]);
    assert_eq!(b.rollouts(&["orgb-node1", "orgb-node2"]), [1, 1]);
    assert_eq!(
        a.api
            .object("configmaps", "default", "quorum-genesis")
            .unwrap()["metadata"]["resourceVersion"],
        genesis_configmap_version
    );
    assert_eq!(
        a.qctl(&["export-external"]).ok(),
        bundle_a,
        "A's bundle is still valid"
    );
    let run = a.qctl(&["deploy"]);
    run.ok();
    assert!(
        run.stderr()
            .contains(": 0 created, 0 changed, 21 unchanged"),
        "{}",
        run.stderr()
    );
    assert_eq!(a.rollouts(&["orga-node1", "orga-node2"]), [2, 2]);

    // Importing a bundle again is a no-op.
    for (org, file) in [(&a, "b.yaml"), (&b, "a.yaml")] {
        let config = org.read("qubernetes.yaml");
        let run = org.env.run(&["add-external", file, "--yes"]);
        run.ok();
        assert!(run.stderr().contains("nothing to do"), "{}", run.stderr());
        assert_eq!(org.read("qubernetes.yaml"), config);
    }

    // The other organisation's nodes are listed as external.
    assert_eq!(node_names(&a.env, "external"), ["orgb-node1", "orgb-node2"]);
    assert_eq!(node_names(&a.env, "local"), ["orga-node1", "orga-node2"]);
    let rows: Value = serde_json::from_str(&a.qctl(&["status", "-o", "json"]).ok()).unwrap();
    let kinds: Vec<(&str, &str)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["node"].as_str().unwrap(), r["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("orga-node1", "local"),
            ("orga-node2", "local"),
            ("orgb-node1", "external"),
            ("orgb-node2", "external")
        ]
    );
    assert_eq!(rows[2]["enode"], b.public_enode("key1", "orgb-node1", B_IP));
    let table = a.qctl(&["status", "-o", "table"]).ok();
    let row = table.lines().find(|l| l.contains("orgb-node2")).unwrap();
    assert!(row.contains("Elsewhere"), "{table}");
    let wide = a.qctl(&["status", "-o", "wide"]).ok();
    let row = wide.lines().find(|l| l.contains("orgb-node2")).unwrap();
    assert!(row.contains("external"), "{wide}");
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
}

#[test]
fn a_bundle_imported_into_a_config_without_external_nodes_starts_a_block_list() {
    let bundle = testdata("external/bundle-v1.yaml");
    let bundle = bundle.to_str().unwrap();
    // No key at all, an empty flow list, an empty value.
    for empty in ["", "external_nodes: []\n", "external_nodes:\n"] {
        let env = TestEnv::new();
        env.run(&[
            "init",
            "--num",
            "1",
            "--consensus",
            "istanbul",
            "--chain-id",
            "10",
            "--yes",
        ])
        .ok();
        let config = env.read("qubernetes.yaml");
        env.write("qubernetes.yaml", &format!("{config}{empty}"));
        env.run(&["add-external", bundle, "--yes"]).ok();
        let after = env.read("qubernetes.yaml");
        assert!(after.starts_with(&config), "{after}");
        assert!(
            after.contains(
                "\nexternal_nodes:\n  - Node_UserIdent: orga-node1\n    Enode_Url: \"enode://"
            ),
            "{after}"
        );
        assert!(
            after.ends_with("\nconfig:\n  Genesis_File: pinned-genesis.json\n"),
            "{after}"
        );
        assert_eq!(
            node_names(&env, "external"),
            ["orga-node1", "orga-node2", "orga-node3"]
        );
    }
}

#[test]
fn importing_the_same_bundle_twice_changes_nothing_the_second_time() {
    let env = TestEnv::new();
    env.run(&["init", "--name-prefix", "orgb", "--num", "2", "--yes"])
        .ok();
    env.run(&["add-external", &fixture("orga-bundle.yaml"), "--yes"])
        .ok();
    let config = env.read("qubernetes.yaml");
    let pinned = env.read("pinned-genesis.json");
    let run = env.run(&["add-external", &fixture("orga-bundle.yaml"), "--yes"]);
    run.ok();
    assert!(
        run.stderr()
            .contains("nothing to do: all 2 node(s) of the bundle are already in the config"),
        "{}",
        run.stderr()
    );
    assert_eq!(env.read("qubernetes.yaml"), config);
    assert_eq!(env.read("pinned-genesis.json"), pinned);
}

/// Runs `add-external FILE --yes` in organisation B's fresh config and checks it is refused
/// with exit 2, nothing written; returns stderr.
fn refused(env: &TestEnv, file: &str) -> String {
    let config = env.read("qubernetes.yaml");
    let pinned = fs::read(env.path("pinned-genesis.json")).ok();
    let stderr = env.run(&["add-external", file, "--yes"]).invalid();
    assert_eq!(
        env.read("qubernetes.yaml"),
        config,
        "{file}: the config changed"
    );
    assert_eq!(
        fs::read(env.path("pinned-genesis.json")).ok(),
        pinned,
        "{file}: the genesis changed"
    );
    stderr
}

#[test]
fn bad_bundles_are_refused_with_exit_2_naming_the_problem_and_leaving_the_config_untouched() {
    let env = TestEnv::new();
    env.run(&["init", "--name-prefix", "orgb", "--num", "2", "--yes"])
        .ok();
    // (fixture, what stderr must say)
    let cases = [
        (
            "wrong-chain-id.yaml",
            vec![
                "`network.chainId`: bundle is from a different network",
                "1001",
                "1000",
            ],
        ),
        (
            "genesis-tampered.yaml",
            vec![
                "`genesis`: the SHA-256 of the genesis text",
                "`network.genesisSha256`",
            ],
        ),
        (
            "name-collision.yaml",
            vec!["`orgb-node1` is a node of this network"],
        ),
        (
            "enode-bad-hex.yaml",
            vec!["line 11: `external_nodes[0].Enode_Url`: enode id is not hex"],
        ),
        (
            "enode-not-on-curve.yaml",
            vec!["`external_nodes[0].Enode_Url`: enode id is not a point on the secp256k1 curve"],
        ),
        (
            "enode-port-0.yaml",
            vec!["`external_nodes[0].Enode_Url`: port `0` is not valid"],
        ),
        (
            "enode-port-70000.yaml",
            vec!["`external_nodes[0].Enode_Url`: port `70000` is not valid"],
        ),
        (
            "address-checksum.yaml",
            vec![
                "`external_nodes[0].Node_Acct_Addr`",
                "wrong EIP-55 checksum",
            ],
        ),
        (
            "tm-url-credentials.yaml",
            vec!["`external_nodes[0].Tm_Url`: must not carry credentials"],
        ),
        (
            "yaml-bomb.yaml",
            vec!["anchors and aliases", "are not allowed"],
        ),
    ];
    for (file, needles) in cases {
        let stderr = refused(&env, &fixture(file));
        for needle in needles {
            assert!(
                stderr.contains(needle),
                "{file}: `{needle}` not in: {stderr}"
            );
        }
    }

    // Over the size limit: the valid bundle padded with a 2 MiB comment.
    let mut big = fs::read_to_string(fixture("orga-bundle.yaml")).unwrap();
    big.push_str(&format!("# {}\n", "x".repeat(2 << 20)));
    env.write("big.yaml", &big);
    let stderr = refused(&env, "big.yaml");
    assert!(
        stderr.contains("`big.yaml`: the bundle is larger than 1048576 bytes (1 MiB)"),
        "{stderr}"
    );
    assert!(!env.path("pinned-genesis.json").exists());
}

#[test]
fn a_bundle_with_another_genesis_than_the_pinned_one_is_refused() {
    let env = TestEnv::new();
    env.run(&["init", "--name-prefix", "orgb", "--num", "2", "--yes"])
        .ok();
    env.run(&["add-external", &fixture("orga-bundle.yaml"), "--yes"])
        .ok();
    let stderr = refused(&env, &fixture("other-genesis.yaml"));
    assert!(
        stderr.contains("genesisSha256") && stderr.contains("pinned"),
        "{stderr}"
    );
}

#[test]
fn export_refuses_a_node_whose_peer_service_is_cluster_ip_and_names_it() {
    let org = Org::new("orga", A_IP);
    let config = org.read("qubernetes.yaml");
    org.env.write(
        "qubernetes.yaml",
        &format!("{config}k8s:\n  service:\n    type: ClusterIP\n"),
    );
    org.env.run(&["generate"]).ok();
    org.qctl(&["deploy"]).ok();
    let run = org.qctl(&["export-external"]);
    let stderr = run.failed();
    assert!(
        stderr.contains("`orga-node1`") && stderr.contains("ClusterIP"),
        "{stderr}"
    );
    assert!(
        run.stdout().is_empty(),
        "no partial bundle: {}",
        run.stdout()
    );
}

#[test]
fn export_of_a_node_that_is_not_deployed_names_the_node() {
    let org = Org::new("orga", A_IP);
    let run = org.qctl(&["export-external", "--output-file", "a.yaml"]);
    let stderr = run.failed();
    assert!(stderr.contains("`orga-node1`"), "{stderr}");
    assert!(stderr.contains("qctl deploy"), "{stderr}");
    assert!(!org.env.path("a.yaml").exists());
}

#[test]
fn a_bundle_of_another_consensus_is_refused_and_a_missing_file_is_a_usage_error() {
    let env = TestEnv::new();
    env.run(&[
        "init",
        "--name-prefix",
        "orgb",
        "--num",
        "2",
        "--consensus",
        "raft",
        "--yes",
    ])
    .ok();
    let stderr = refused(&env, &fixture("orga-bundle.yaml"));
    assert!(
        stderr.contains("`network.consensus`: bundle is from a different network: it runs qbft")
            && stderr.contains("`genesis.consensus` is raft"),
        "{stderr}"
    );
    let stderr = refused(&env, "no-such-bundle.yaml");
    assert!(
        stderr.contains("cannot read the bundle `no-such-bundle.yaml`"),
        "{stderr}"
    );
}

#[test]
fn a_bundle_pointing_peers_at_this_cluster_is_refused_unless_private_peers_are_allowed() {
    let env = TestEnv::new();
    env.run(&["init", "--name-prefix", "orgb", "--num", "2", "--yes"])
        .ok();
    let bundle = fs::read_to_string(fixture("orga-bundle.yaml")).unwrap();
    env.write(
        "metadata.yaml",
        &bundle.replacen("@203.0.113.10:30265", "@169.254.169.254:30265", 1),
    );
    env.write(
        "internal.yaml",
        &bundle.replacen(
            "http://203.0.113.10:31625",
            "http://orgb-node1-rpc.default.svc.cluster.local:9080",
            1,
        ),
    );
    let stderr = refused(&env, "metadata.yaml");
    assert!(
        stderr.contains("external_nodes[0].Enode_Url") && stderr.contains("169.254.169.254"),
        "{stderr}"
    );
    assert!(stderr.contains("--allow-private-peers"), "{stderr}");
    let stderr = refused(&env, "internal.yaml");
    assert!(stderr.contains("external_nodes[0].Tm_Url"), "{stderr}");
    env.run(&[
        "add-external",
        "metadata.yaml",
        "--allow-private-peers",
        "--yes",
    ])
    .ok();
    assert_eq!(node_names(&env, "external"), ["orga-node1", "orga-node2"]);
}

#[test]
fn a_bundle_starting_with_a_byte_order_mark_imports() {
    let env = TestEnv::new();
    env.run(&["init", "--name-prefix", "orgb", "--num", "2", "--yes"])
        .ok();
    let bundle = fs::read_to_string(fixture("orga-bundle.yaml")).unwrap();
    env.write("bom.yaml", &format!("\u{feff}{bundle}"));
    env.run(&["add-external", "bom.yaml", "--yes"]).ok();
    assert_eq!(node_names(&env, "external"), ["orga-node1", "orga-node2"]);
}

#[test]
fn a_hash_only_bundle_of_another_genesis_than_the_generated_one_is_refused() {
    let env = TestEnv::new();
    env.run(&["init", "--name-prefix", "orgb", "--num", "1", "--yes"])
        .ok();
    env.run(&["generate"]).ok();
    let bundle = fs::read_to_string(fixture("orga-bundle.yaml")).unwrap();
    let at = bundle.find("\ngenesis: |").unwrap();
    env.write("hash-only.yaml", &format!("{}\n", &bundle[..at]));
    let stderr = refused(&env, "hash-only.yaml");
    assert!(
        stderr.contains("network.genesisSha256") && stderr.contains("different network"),
        "{stderr}"
    );
}

/// `qubernetes.yaml` without the `external_nodes` entry of `name`.
fn without_external(config: &str, name: &str) -> String {
    let mut out = Vec::new();
    let mut skipping = false;
    for line in config.lines() {
        if line.starts_with("  - ") {
            skipping = line.contains(&format!("Node_UserIdent: {name}"));
        } else if !line.starts_with("    ") {
            skipping = false;
        }
        if !skipping {
            out.push(line);
        }
    }
    format!("{}\n", out.join("\n"))
}

#[test]
fn the_services_standing_for_external_tessera_follow_the_external_nodes() {
    let b = Org::new("orgb", B_IP);
    b.env
        .run(&["add-external", &fixture("orga-bundle.yaml"), "--yes"])
        .ok();
    b.env.run(&["generate"]).ok();
    let file = "out/03.2-quorum-external-tessera.yaml";
    let manifest = b.read(file);
    for name in ["orga-node1", "orga-node2"] {
        assert!(manifest.contains(&format!("name: {name}\n")), "{manifest}");
    }
    b.qctl(&["deploy"]).ok();
    // The bundle's Tessera URL of orga-node1 is where its Service leads.
    let config = b.read("qubernetes.yaml");
    let tm_url = config
        .lines()
        .skip_while(|l| !l.contains("Node_UserIdent: orga-node1"))
        .find_map(|l| l.trim().strip_prefix("Tm_Url: "))
        .unwrap()
        .trim_matches('"')
        .to_string();
    let (ip, port) = tm_url
        .strip_prefix("http://")
        .unwrap()
        .split_once(':')
        .unwrap();
    b.assert_reaches_tessera_of("orga-node1", ip, port.parse().unwrap());

    // Removing an external node from the config drops its objects from `out/`; removing the
    // last one drops the file.
    b.env
        .write("qubernetes.yaml", &without_external(&config, "orga-node2"));
    assert!(!b.read("qubernetes.yaml").contains("orga-node2"));
    b.env.run(&["generate"]).ok();
    let manifest = b.read(file);
    assert!(manifest.contains("orga-node1"), "{manifest}");
    assert!(!manifest.contains("orga-node2"), "{manifest}");
    let config = b.read("qubernetes.yaml");
    b.env
        .write("qubernetes.yaml", &without_external(&config, "orga-node1"));
    let run = b.env.run(&["generate"]);
    run.ok();
    assert!(!b.env.path(file).exists());
    // Destroy finds what deploy created, the external Services and EndpointSlices included.
    b.qctl(&["destroy", "--yes"]).ok();
    for plural in ["services", "endpointslices"] {
        assert!(b.api.objects(plural).is_empty(), "{plural} left");
    }
}

#[test]
fn a_node_without_tessera_on_a_privacy_enhanced_genesis_is_refused_at_node_add_and_generate() {
    let env = TestEnv::new();
    env.run(&["init", "--num", "2", "--yes"]).ok();
    env.run(&["generate"]).ok();
    assert!(
        env.read("out/config/genesis.json")
            .contains("privacyEnhancementsBlock")
    );
    let config = env.read("qubernetes.yaml");
    let err = env
        .run(&["node", "add", "quorum-node3", "--tm", "none"])
        .invalid();
    assert!(err.contains("`quorum-node3` runs no Tessera"), "{err}");
    assert!(err.contains("`config.privacyEnhancementsBlock`"), "{err}");
    assert!(err.contains("--tm tessera"), "{err}");
    assert_eq!(env.read("qubernetes.yaml"), config);

    // The same node written by hand: generate refuses before writing anything.
    let fresh = TestEnv::new();
    fresh.run(&["init", "--num", "2", "--yes"]).ok();
    fresh
        .run(&["node", "add", "quorum-node3", "--tm", "none"])
        .ok();
    env.write("qubernetes.yaml", &fresh.read("qubernetes.yaml"));
    let before = env.read("out/03-quorum-services.yaml");
    let err = env.run(&["generate"]).invalid();
    assert!(err.contains("`quorum-node3` runs no Tessera"), "{err}");
    assert!(err.contains("`config.privacyEnhancementsBlock`"), "{err}");
    assert!(err.contains("qctl generate --recreate"), "{err}");
    assert_eq!(env.read("out/03-quorum-services.yaml"), before);
    assert!(!env.path("out/config/key-quorum-node3").exists());
}

#[test]
fn a_tessera_less_organisation_importing_a_privacy_enhanced_genesis_is_refused() {
    let env = TestEnv::new();
    env.run(&[
        "init",
        "--name-prefix",
        "orgb",
        "--num",
        "2",
        "--tm",
        "none",
        "--yes",
    ])
    .ok();
    let err = refused(&env, &fixture("orga-bundle.yaml"));
    assert!(
        err.contains("`orgb-node1`, `orgb-node2` run no Tessera"),
        "{err}"
    );
    assert!(err.contains("`config.privacyEnhancementsBlock`"), "{err}");
    assert!(err.contains("quorum.tm.Name to tessera"), "{err}");
    assert!(!env.path("pinned-genesis.json").exists());
}

#[test]
fn raft_across_organisations_is_refused_at_add_external_and_generate() {
    let env = TestEnv::new();
    env.run(&[
        "init",
        "--name-prefix",
        "orgb",
        "--num",
        "2",
        "--consensus",
        "raft",
        "--yes",
    ])
    .ok();
    let enode = fs::read_to_string(fixture("orga-bundle.yaml"))
        .unwrap()
        .lines()
        .find_map(|l| l.trim().strip_prefix("Enode_Url: "))
        .unwrap()
        .trim_matches('"')
        .to_string();
    // A raft node list as the original qctl printed it.
    env.write(
        "raft.yaml",
        &format!(
            "external_nodes:\n- Node_UserIdent: orga-node1\n  Enode_Url: \"{enode}&raftport=30500\"\n"
        ),
    );
    let err = refused(&env, "raft.yaml");
    assert!(err.contains("raft cannot span two organisations"), "{err}");
    assert!(err.contains("raft.addPeer"), "{err}");

    // external_nodes written by hand: generate refuses and writes nothing.
    let config = env.read("qubernetes.yaml");
    env.write(
        "qubernetes.yaml",
        &format!(
            "{config}external_nodes:\n  - Node_UserIdent: orga-node1\n    Enode_Url: \"{enode}&raftport=30500\"\n"
        ),
    );
    let err = env.run(&["generate"]).invalid();
    assert!(err.contains("external_nodes: raft cannot span"), "{err}");
    assert!(!env.path("out").exists());
}

#[test]
fn a_clique_bundle_carries_the_signer_account_address() {
    let a = Org::new("orga", A_IP);
    let config = a
        .read("qubernetes.yaml")
        .replace("consensus: qbft", "consensus: clique");
    a.env.write("qubernetes.yaml", &config);
    a.env.run(&["generate"]).ok();
    a.qctl(&["deploy"]).ok();
    let bundle = a.qctl(&["export-external"]).ok();
    for key_dir in ["key1", "key2"] {
        let keystore: Value =
            serde_json::from_str(&a.read(&format!("out/config/{key_dir}/acctkeyfile.json")))
                .unwrap();
        let account = keystore["address"].as_str().unwrap().to_lowercase();
        let node_address = a.address(key_dir).to_lowercase();
        assert_ne!(account, node_address.trim_start_matches("0x"));
        let carried = bundle.to_lowercase();
        assert!(
            carried.contains(&format!("node_acct_addr: \"0x{account}\"")),
            "{bundle}"
        );
        assert!(!carried.contains(&node_address), "{bundle}");
    }
}

#[test]
fn external_rm_drops_the_node_from_the_config_and_generate_then_deploy_drop_its_objects() {
    let b = Org::new("orgb", B_IP);
    b.env
        .run(&["add-external", &fixture("orga-bundle.yaml"), "--yes"])
        .ok();
    let with_comment =
        b.read("qubernetes.yaml")
            .replacen("external_nodes:\n", "# partners\nexternal_nodes:\n", 1);
    b.env.write("qubernetes.yaml", &with_comment);
    b.env.run(&["generate"]).ok();
    b.qctl(&["deploy"]).ok();

    let rows: Vec<Value> =
        serde_json::from_str(&b.env.run(&["external", "ls", "-o", "json"]).ok()).unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["orga-node1", "orga-node2"]);
    assert!(rows[0]["tm_url"].as_str().unwrap().starts_with("http://"));
    let table = b.env.run(&["external", "ls", "-o", "table"]).ok();
    assert!(table.starts_with("NAME"), "{table}");
    assert!(table.contains(&format!("{A_IP}:")), "{table}");
    // Like every default table, it fits an 80-column terminal; wide has the enode URLs.
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    let wide = b.env.run(&["external", "ls", "-o", "wide"]).ok();
    assert!(wide.contains("enode://"), "{wide}");

    // Unknown names are refused naming the external nodes; the file stays as it was.
    for (name, want) in [
        ("nope", "external nodes are: orga-node1, orga-node2"),
        ("orgb-node1", "`qctl node rm orgb-node1`"),
    ] {
        let stderr = b.env.run(&["external", "rm", name]).invalid();
        assert!(stderr.contains(want), "{stderr}");
        assert_eq!(b.read("qubernetes.yaml"), with_comment);
    }

    let run = b.env.run(&["external", "rm", "orga-node2"]);
    run.ok();
    let stderr = run.stderr();
    assert!(stderr.contains("qctl generate && qctl deploy"), "{stderr}");
    assert!(
        stderr.contains(
            "vote it out with `qctl validator propose --remove 0x4E0fdd584fcd7048dC34D5A5B75Df4E7e73B77b3`"
        ),
        "{stderr}"
    );
    let config = b.read("qubernetes.yaml");
    assert_eq!(config, without_external(&with_comment, "orga-node2"));
    assert!(config.contains("# partners\n"));

    b.env.run(&["generate"]).ok();
    for file in [
        "out/config/static-nodes.json",
        "out/config/permissioned-nodes.json",
        "out/03.2-quorum-external-tessera.yaml",
    ] {
        let text = b.read(file);
        assert!(!text.contains("b57cacffaf816737"), "{file}: {text}");
        assert!(!text.contains("orga-node2"), "{file}: {text}");
        assert!(
            text.contains("orga-node1") || text.contains("edc67408e96e2db2"),
            "{file}"
        );
    }
    assert!(
        !b.tessera_peers("orgb-node1")
            .iter()
            .any(|p| p.contains("31258"))
    );
    let stderr = b.qctl(&["deploy", "--yes"]).stderr();
    for plural in ["services", "endpointslices"] {
        assert!(
            b.api.object(plural, "default", "orga-node2").is_none(),
            "{plural} kept"
        );
        assert!(
            b.api.object(plural, "default", "orga-node1").is_some(),
            "{plural}"
        );
    }
    assert!(stderr.contains("pruned Service `orga-node2`"), "{stderr}");
}
