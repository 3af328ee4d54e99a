//! `generate` end to end with the real binary: complete keys and a consensus-specific genesis for
//! every engine, updates (`node add`/`rm`, reruns that change nothing), runs killed midway,
//! read-only output, key dirs of the original qubernetes, a pinned genesis, and a golden `out/`.
//!
//! Every generated account keystore costs one scrypt run (n = 262144, ~0.5 s), so the networks
//! here are small, and tests that need no fresh keys use the published 7nodes key dirs.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use qctl::genesis::extradata;
use qctl::k8s::names;
use qctl::keys::{self, address, files, keystore, nodekey};
use qctl::network::NodeIdentity;
use serde::Deserialize;
use serde_json::Value;

use crate::common::{
    Run, TestEnv, assert_golden, assert_golden_tree, copy_dir, files_under, testdata,
};

/// Input of the 7nodes tests: four istanbul nodes whose keys are under `keys/` beside it.
const SEVEN_NODES_CONFIG: &str = "cases/generate/7nodes-istanbul.yaml";

/// IBFT extraData of the first four 7nodes validators (key1..key4), as published in
/// Consensys/quorum-dev-quickstart@0abbd37677163aee5bd72ec639861593dc64a0e6,
/// `examples/7nodes/istanbul-extradata.txt` (also in testdata/genesis/extradata-vectors.json).
const SEVEN_NODES_4_VALIDATOR_EXTRA_DATA: &str = "0x0000000000000000000000000000000000000000000000000000000000000000f89af85494d8dba507e85f116b1f7e231ca8525fc9008a6966946571d97f340c8495b661a823f2c2145ca47d63c294e36cbeb565b061217930767886474e3cde903ac594f512a992f3fb749857d758ffda1330e590fa915eb8410000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000c0";

const PRIVATE_FILES: [&str; 4] = [
    files::NODEKEY,
    files::KEYSTORE,
    files::PASSWORD,
    files::TM_KEY,
];
const PUBLIC_FILES: [&str; 3] = [files::ENODE, files::ADDRESS, files::TM_PUB];

/// A local node of the config, in config order.
struct Node {
    name: String,
    key_dir: String,
}

/// The nodes of the env's config, as `node ls` reports them.
fn nodes(env: &TestEnv) -> Vec<Node> {
    let json: Value = serde_json::from_str(&env.run(&["node", "ls", "-o", "json"]).ok()).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "local")
        .map(|n| Node {
            name: n["name"].as_str().unwrap().into(),
            key_dir: n["key_dir"].as_str().unwrap().into(),
        })
        .collect()
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn json_file(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Checks a key dir qctl generated: complete, private files 0600 in a 0700 dir, well-formed
/// files that agree with the nodekey; with `decrypt`, the keystore opens with the password to
/// the key of its declared address.
fn check_key_dir(dir: &Path, decrypt: bool) -> NodeIdentity {
    let at = |file: &str| dir.join(file);
    let read = |file: &str| fs::read_to_string(at(file)).unwrap();
    let shown = dir.display();
    assert_eq!(mode(dir), 0o700, "{shown} must be private");
    let mut expected: Vec<String> = PRIVATE_FILES
        .iter()
        .chain(&PUBLIC_FILES)
        .map(|f| f.to_string())
        .collect();
    expected.sort();
    let found: Vec<String> = files_under(dir)
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(found, expected, "{shown} holds exactly the key files");
    for file in PRIVATE_FILES {
        assert_eq!(mode(&at(file)), 0o600, "{shown}/{file}");
    }
    for file in PUBLIC_FILES {
        assert_eq!(
            mode(&at(file)) & 0o022,
            0,
            "{shown}/{file} is writable by others"
        );
    }

    assert!(
        is_hex(&read(files::NODEKEY), 64),
        "{shown}/nodekey is 64 hex digits"
    );
    let enode = read(files::ENODE);
    assert!(
        is_hex(enode.trim_end(), 128),
        "{shown}/enode is 128 hex digits"
    );
    let address_file = read(files::ADDRESS);
    let node_address = address_file.trim_end();
    assert_eq!(
        address::to_checksum(&address::parse(node_address).unwrap()),
        node_address,
        "{shown}/address is EIP-55"
    );
    assert!(
        !read(files::PASSWORD).trim().is_empty(),
        "{shown}/password.txt is empty"
    );
    let tm_key = json_file(&at(files::TM_KEY));
    assert_eq!(tm_key["type"], "unlocked");
    assert_eq!(
        tm_key["data"]["bytes"].as_str().unwrap().len(),
        44,
        "{shown}/tm.key holds 32 bytes in base64"
    );
    assert_eq!(
        read(files::TM_PUB).len(),
        44,
        "{shown}/tm.pub holds 32 bytes in base64"
    );

    let keystore_json = json_file(&at(files::KEYSTORE));
    assert_eq!(keystore_json["version"], 3);
    assert_eq!(keystore_json["crypto"]["cipher"], "aes-128-ctr");
    assert_eq!(keystore_json["crypto"]["kdf"], "scrypt");
    let kdf = &keystore_json["crypto"]["kdfparams"];
    assert_eq!(
        (kdf["n"].as_u64(), kdf["r"].as_u64(), kdf["p"].as_u64()),
        (Some(262144), Some(8), Some(1))
    );
    let declared = keystore_json["address"].as_str().unwrap();
    assert!(
        is_hex(declared, 40) && declared == declared.to_lowercase(),
        "{shown}: keystore address `{declared}`"
    );

    let (identity, secrets) = keys::load(dir).unwrap();
    assert_eq!(
        enode.trim_end(),
        identity.enode_id,
        "{shown}/enode is the nodekey's public key"
    );
    assert_eq!(
        node_address, identity.node_address,
        "{shown}/address is the nodekey's address"
    );
    assert_eq!(
        format!("0x{declared}"),
        identity.account_address.to_lowercase()
    );
    assert_ne!(
        identity.node_address, identity.account_address,
        "the account key is not the nodekey"
    );
    if decrypt {
        let account = keystore::decrypt(&secrets.keystore_json, &secrets.password).unwrap();
        assert_eq!(
            nodekey::address(&account),
            identity.account_address,
            "{shown}: the keystore decrypts to its address"
        );
    }
    identity
}

fn parse_addresses(addresses: impl IntoIterator<Item = String>) -> Vec<[u8; 20]> {
    addresses
        .into_iter()
        .map(|a| address::parse(&a).unwrap())
        .collect()
}

/// The genesis holds the validators (signers for clique) and funds the accounts of `ids`, in
/// their order, in the layout of `consensus`.
fn check_genesis(out: &Path, consensus: &str, ids: &[NodeIdentity]) {
    let genesis = json_file(&out.join("config/genesis.json"));
    let extra = genesis["extraData"].as_str().unwrap();
    let config = &genesis["config"];
    let node_addresses = parse_addresses(ids.iter().map(|i| i.node_address.clone()));
    let engines = ["qbft", "istanbul", "clique"];
    let engine = engines.iter().copied().find(|e| config.get(e).is_some());
    match consensus {
        "qbft" => {
            assert_eq!(
                engine,
                Some("qbft"),
                "a current GoQuorum reads the `config.qbft` block"
            );
            assert!(config["qbft"]["blockperiodseconds"].is_u64(), "{config}");
            // RLP([vanity, validators, vote = c0, round = 80, seals = c0]).
            assert!(extra.ends_with("c080c0"), "{extra}");
            assert_eq!(extra, extradata::to_hex(&extradata::qbft(&node_addresses)));
        }
        "istanbul" => {
            assert_eq!(engine, Some("istanbul"));
            // vanity ‖ RLP([validators, 65 zero bytes (b8 41 …), no committed seals (c0)]).
            assert!(
                extra.ends_with(&format!("b841{}c0", "00".repeat(65))),
                "{extra}"
            );
            assert_eq!(extra, extradata::to_hex(&extradata::ibft(&node_addresses)));
        }
        "clique" => {
            assert_eq!(engine, Some("clique"));
            let signers = parse_addresses(ids.iter().map(|i| i.account_address.clone()));
            assert_eq!(
                extra,
                extradata::to_hex(&extradata::clique(&signers)),
                "clique signers are the account addresses"
            );
        }
        "raft" => {
            assert_eq!(engine, None, "raft has no consensus block: {config}");
            assert_eq!(
                extra,
                format!("0x{}", "00".repeat(32)),
                "raft has no validators"
            );
        }
        other => panic!("unknown consensus {other}"),
    }
    let alloc: BTreeSet<String> = genesis["alloc"]
        .as_object()
        .unwrap()
        .keys()
        .map(|a| a.to_lowercase())
        .collect();
    for id in ids {
        assert!(
            alloc.contains(&id.account_address.to_lowercase()),
            "alloc funds {}",
            id.account_address
        );
    }
}

/// Every document of every manifest under `out/`, as (file, kind, name, document).
fn manifests(out: &Path) -> Vec<(PathBuf, String, String, serde_yaml::Value)> {
    let mut docs = Vec::new();
    for rel in files_under(out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
    {
        let text = fs::read_to_string(out.join(&rel)).unwrap();
        for doc in serde_yaml::Deserializer::from_str(&text) {
            let doc = serde_yaml::Value::deserialize(doc).unwrap();
            let kind = doc["kind"].as_str().unwrap().to_string();
            let name = doc["metadata"]["name"].as_str().unwrap().to_string();
            docs.push((rel.clone(), kind, name, doc));
        }
    }
    docs
}

/// Peer lists, Tessera configs and manifests cover exactly the config's nodes.
fn check_derived(out: &Path, consensus: &str, nodes: &[Node], ids: &[NodeIdentity]) {
    let config = out.join("config");
    let raft = if consensus == "raft" {
        "&raftport=50401"
    } else {
        ""
    };
    let enodes: Vec<String> = nodes
        .iter()
        .zip(ids)
        .map(|(n, id)| format!("enode://{}@{}:30303?discport=0{raft}", id.enode_id, n.name))
        .collect();
    for file in ["static-nodes.json", "permissioned-nodes.json"] {
        assert_eq!(
            json_file(&config.join(file)),
            serde_json::json!(enodes),
            "{file}"
        );
    }
    assert_eq!(
        config.join("istanbul-validator-config.toml").exists(),
        consensus == "qbft" || consensus == "istanbul",
        "a validator config exactly for BFT"
    );

    let tessera: Vec<String> = files_under(&config.join("tessera"))
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let mut expected: Vec<String> = nodes.iter().map(|n| format!("{}.json", n.name)).collect();
    expected.sort();
    assert_eq!(tessera, expected, "one Tessera config per node");
    for node in nodes {
        let tm = json_file(&config.join("tessera").join(format!("{}.json", node.name)));
        let peers: BTreeSet<&str> = tm["peer"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["url"].as_str().unwrap())
            .collect();
        let others: Vec<String> = nodes
            .iter()
            .filter(|o| o.name != node.name)
            .map(|o| format!("http://{}:9001", o.name))
            .collect();
        assert_eq!(
            peers,
            others.iter().map(String::as_str).collect(),
            "Tessera peers of {}",
            node.name
        );
    }

    let docs = manifests(out);
    let objects: BTreeSet<(&str, &str)> = docs
        .iter()
        .map(|(_, kind, name, _)| (kind.as_str(), name.as_str()))
        .collect();
    for node in nodes {
        let n = node.name.as_str();
        for (kind, name) in [
            ("PersistentVolumeClaim", names::pvc(n)),
            ("Service", names::peer_service(n)),
            ("Service", names::rpc_service(n)),
            ("Secret", names::keys_secret(n)),
            ("ConfigMap", names::identity_configmap(n)),
            ("ConfigMap", names::tessera_configmap(n)),
        ] {
            assert!(
                objects.contains(&(kind, name.as_str())),
                "no {kind} `{name}` in {objects:?}"
            );
        }
        let deployment = PathBuf::from(format!("deployments/{n}-quorum-deployment.yaml"));
        let (_, kind, _, _) = docs
            .iter()
            .find(|(file, _, name, _)| *file == deployment && *name == names::workload(n))
            .unwrap_or_else(|| panic!("no workload of {n} in {}", deployment.display()));
        assert!(
            ["Deployment", "StatefulSet"].contains(&kind.as_str()),
            "{kind}"
        );
    }
    assert_eq!(
        genesis_config_map(out),
        fs::read_to_string(config.join("genesis.json")).unwrap(),
        "the genesis ConfigMap holds genesis.json"
    );
}

/// `genesis.json` as the genesis ConfigMap holds it.
fn genesis_config_map(out: &Path) -> String {
    let docs = manifests(out);
    let (_, _, _, cm) = docs
        .iter()
        .find(|(_, kind, name, _)| kind == "ConfigMap" && name == names::GENESIS_CONFIGMAP)
        .expect("a genesis ConfigMap");
    cm["data"][names::GENESIS_KEY].as_str().unwrap().to_string()
}

/// Content, mtime and inode of every file under `dir`: equal snapshots mean nothing was
/// rewritten (an atomic rewrite gives a new inode even within one mtime tick).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, i64, i64, u64)> {
    files_under(dir)
        .into_iter()
        .map(|rel| {
            let path = dir.join(&rel);
            let meta = fs::metadata(&path).unwrap();
            (
                rel,
                (
                    fs::read(&path).unwrap(),
                    meta.mtime(),
                    meta.mtime_nsec(),
                    meta.ino(),
                ),
            )
        })
        .collect()
}

fn generate(env: &TestEnv) -> Run {
    let run = env.run(&["generate"]);
    run.ok();
    run
}

/// `init` + `generate` of 3 nodes of `consensus`, every output checked; then a rerun changes
/// no file.
fn check_new_network(consensus: &str, decrypt: bool) {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "3", "--consensus", consensus])
        .ok();
    let run = generate(&env);
    assert!(run.stderr().contains("genesis created"), "{}", run.stderr());
    let out = env.path("out");
    let nodes = nodes(&env);
    let ids: Vec<NodeIdentity> = nodes
        .iter()
        // One scrypt decrypt (~0.5 s) is proof enough per network.
        .enumerate()
        .map(|(i, n)| check_key_dir(&out.join("config").join(&n.key_dir), decrypt && i == 0))
        .collect();
    check_genesis(&out, consensus, &ids);
    check_derived(&out, consensus, &nodes, &ids);
    let listed = env.run(&["node", "ls", "-o", "wide"]).ok();
    for (node, id) in nodes.iter().zip(&ids) {
        let row = listed
            .lines()
            .find(|l| l.contains(&node.name))
            .unwrap()
            .to_string();
        assert!(row.contains(&id.node_address), "node ls row: {row}");
    }
    assert!(
        run.stdout().is_empty(),
        "no data on stdout: {}",
        run.stdout()
    );

    let before = snapshot(&out);
    let rerun = generate(&env);
    assert_eq!(
        snapshot(&out),
        before,
        "a rerun with no config change rewrites nothing"
    );
    assert!(
        rerun.stderr().contains("genesis kept; 0 file(s) written"),
        "{}",
        rerun.stderr()
    );
    assert!(rerun.stdout().is_empty(), "{}", rerun.stdout());
}

#[test]
fn qbft_gets_complete_keys_a_qbft_block_genesis_and_a_rerun_changes_nothing() {
    check_new_network("qbft", true);
}

#[test]
fn istanbul_gets_complete_keys_an_ibft_extra_data_genesis_and_a_rerun_changes_nothing() {
    check_new_network("istanbul", false);
}

#[test]
fn raft_gets_complete_keys_a_genesis_without_validators_and_a_rerun_changes_nothing() {
    check_new_network("raft", false);
}

#[test]
fn clique_gets_complete_keys_account_signers_and_a_rerun_changes_nothing() {
    check_new_network("clique", true);
}

#[test]
fn node_add_keeps_old_keys_and_the_genesis_byte_for_byte_and_warns_about_the_new_validator() {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "2"]).ok();
    generate(&env);
    let config = env.path("out/config");
    let before = snapshot(&config);

    env.run(&["node", "add", "extra"]).ok();
    let run = generate(&env);
    let after = snapshot(&config);
    for (path, file) in &before {
        let kept = path.starts_with("key1")
            || path.starts_with("key2")
            || path == Path::new("genesis.json");
        if kept {
            assert_eq!(
                after.get(path),
                Some(file),
                "{} was rewritten",
                path.display()
            );
        }
    }
    let key_dirs = |snap: &BTreeMap<PathBuf, _>| -> BTreeSet<PathBuf> {
        snap.keys()
            .filter(|p| p.components().count() == 2)
            .map(|p| p.parent().unwrap().to_path_buf())
            .collect()
    };
    let added: Vec<_> = key_dirs(&after)
        .difference(&key_dirs(&before))
        .cloned()
        .collect();
    assert_eq!(
        added,
        [PathBuf::from("key-extra")],
        "exactly one new key dir"
    );

    let nodes = nodes(&env);
    let ids: Vec<NodeIdentity> = nodes
        .iter()
        .map(|n| check_key_dir(&config.join(&n.key_dir), false))
        .collect();
    check_genesis(&env.path("out"), "qbft", &ids[..2]);
    check_derived(&env.path("out"), "qbft", &nodes, &ids);
    let err = run.stderr();
    assert!(
        err.contains(&format!(
            "warning: validator `extra` ({}) is not in the existing genesis",
            ids[2].node_address
        )),
        "{err}"
    );
    let listed = env.run(&["node", "ls", "-o", "wide"]).ok();
    let extra_row = listed.lines().find(|l| l.contains("extra")).unwrap();
    assert!(extra_row.contains(&ids[2].node_address), "{extra_row}");
}

/// Writes the 7nodes config to the env and copies the published key dirs key1..key4 to
/// `key_base` (relative to the env).
fn seven_nodes_env(key_base: &str) -> TestEnv {
    let env = TestEnv::new();
    let config = fs::read_to_string(testdata(SEVEN_NODES_CONFIG)).unwrap();
    env.write(
        "qubernetes.yaml",
        &config.replace("Key_Dir_Base: keys", &format!("Key_Dir_Base: {key_base}")),
    );
    copy_dir(&testdata("keys/7nodes"), &env.path(key_base));
    // Private key files as an owner keeps them (a checkout makes them 0644).
    for entry in fs::read_dir(env.path(key_base)).unwrap() {
        for f in ["nodekey", "acctkeyfile.json", "password.txt", "tm.key"] {
            let path = entry.as_ref().unwrap().path().join(f);
            if path.exists() {
                fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
            }
        }
    }
    env
}

#[test]
fn node_rm_then_generate_deletes_the_nodes_manifest_and_tessera_config_and_keeps_its_keys() {
    // The default layout: key dirs in out/config, here the published ones put there by hand.
    let env = seven_nodes_env("out/config");
    let config = env.path("qubernetes.yaml");
    fs::write(
        &config,
        fs::read_to_string(&config)
            .unwrap()
            .replace("config:\n  Key_Dir_Base: out/config\n", ""),
    )
    .unwrap();
    generate(&env);
    let out = env.path("out");
    let deployment = out.join("deployments/quorum-node2-quorum-deployment.yaml");
    let tessera = out.join("config/tessera/quorum-node2.json");
    assert!(deployment.exists() && tessera.exists());
    let enode2 = fs::read_to_string(out.join("config/key2/enode")).unwrap();
    let keys_before = snapshot(&out.join("config/key2"));

    env.run(&["node", "rm", "quorum-node2"]).ok();
    let run = generate(&env);
    assert!(run.stderr().contains("2 stale removed"), "{}", run.stderr());
    assert!(
        !deployment.exists() && !tessera.exists(),
        "stale files of the removed node are deleted"
    );
    assert_eq!(
        snapshot(&out.join("config/key2")),
        keys_before,
        "the removed node's key dir is kept"
    );
    assert!(
        !fs::read_to_string(out.join("config/static-nodes.json"))
            .unwrap()
            .contains(enode2.trim())
    );
    let objects: Vec<_> = manifests(&out)
        .into_iter()
        .filter(|(_, _, name, _)| name.starts_with("quorum-node2"))
        .collect();
    assert!(
        objects.is_empty(),
        "objects of the removed node remain: {:?}",
        objects.iter().map(|o| &o.2).collect::<Vec<_>>()
    );
    let nodes = nodes(&env);
    let ids: Vec<NodeIdentity> = nodes
        .iter()
        .map(|n| keys::load(&out.join("config").join(&n.key_dir)).unwrap().0)
        .collect();
    check_derived(&out, "istanbul", &nodes, &ids);
}

const RIGHT_AWAY: &str = "right away";

#[test]
fn a_generate_killed_at_any_point_is_completed_by_the_next_run() {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "6"]).ok();
    let out = env.path("out");
    let nodes = nodes(&env);
    type Ready = dyn Fn(&Path, Duration) -> bool;
    let kill_points: [(&str, Box<Ready>); 5] = [
        (RIGHT_AWAY, Box::new(|_, _| true)),
        (
            "after 300 ms",
            Box::new(|_, t| t >= Duration::from_millis(300)),
        ),
        (
            "when the first key dir appears",
            Box::new(|out, _| (1..=6).any(|i| out.join(format!("config/key{i}")).exists())),
        ),
        (
            "when genesis.json appears",
            Box::new(|out, _| out.join("config/genesis.json").exists()),
        ),
        (
            "when the first manifest appears",
            Box::new(|out, _| out.join("00-quorum-persistent-volumes.yaml").exists()),
        ),
    ];
    for (when, ready) in kill_points {
        let _ = fs::remove_dir_all(&out);
        let mut child = env
            .std_cmd()
            .arg("generate")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while !ready(&out, start.elapsed()) && child.try_wait().unwrap().is_none() {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "generate of 6 nodes took over a minute"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        let was_running = child.try_wait().unwrap().is_none();
        child.kill().unwrap();
        child.wait().unwrap();
        if when == RIGHT_AWAY {
            assert!(was_running, "generate finished before it could be killed");
        }

        generate(&env);
        let config = out.join("config");
        let leftovers: Vec<String> = fs::read_dir(&config)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".tmp-"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "killed {when}: temp key dirs left: {leftovers:?}"
        );
        let ids: Vec<NodeIdentity> = nodes
            .iter()
            .map(|n| check_key_dir(&config.join(&n.key_dir), false))
            .collect();
        check_genesis(&out, "qbft", &ids);
        check_derived(&out, "qbft", &nodes, &ids);
    }
}

#[test]
fn temp_files_of_a_killed_write_are_removed_by_the_next_run() {
    let env = seven_nodes_env("keys");
    generate(&env);
    // What a kill between the temp file's creation and its rename leaves (fsutil::write_atomic).
    let litter = [
        "out/.qctl-tmp-Ab12Cd",
        "out/config/.qctl-tmp-Ef34Gh",
        "out/config/tessera/.qctl-tmp-Ij56Kl",
        "out/deployments/.qctl-tmp-Mn78Op",
    ];
    for file in litter {
        env.write(file, "apiVersion: v1\nkind: Sec");
    }
    generate(&env);
    let left: Vec<_> = litter
        .into_iter()
        .filter(|f| env.path(f).exists())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_read_only_out_dir_fails_with_exit_1_naming_the_path_and_writes_nothing() {
    // Runs as an unprivileged user when the tests run as root, so the mode is enforced.
    let env = TestEnv::unprivileged();
    env.run(&["init", "--yes", "--num", "2"]).ok();
    generate(&env);
    env.run(&["node", "add", "extra"]).ok();
    let out = env.path("out");
    let before = snapshot(&out);

    let config = out.join("config");
    fs::set_permissions(&config, fs::Permissions::from_mode(0o555)).unwrap();
    let run = env.run(&["generate"]);
    fs::set_permissions(&config, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        run.code(),
        1,
        "stdout: {}\nstderr: {}",
        run.stdout(),
        run.stderr()
    );
    let err = run.stderr();
    assert!(
        err.contains("`out/config/") && err.contains("Permission denied"),
        "{err}"
    );
    assert_eq!(snapshot(&out), before, "nothing is half-written");
    let entries: Vec<_> = fs::read_dir(&config)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        !entries
            .iter()
            .any(|n| n.to_string_lossy().contains("extra")),
        "a partial key dir was left: {entries:?}"
    );

    generate(&env);
    check_key_dir(&config.join("key-extra"), false);
}

#[test]
fn key_dirs_of_the_original_qubernetes_give_the_published_4_validator_extra_data() {
    // Key_Dir_Base as an absolute path straight at the repository's copy: read, never written.
    let keys = testdata("keys/7nodes");
    let env = TestEnv::new();
    let config = fs::read_to_string(testdata(SEVEN_NODES_CONFIG)).unwrap();
    env.write(
        "qubernetes.yaml",
        &config.replace(
            "Key_Dir_Base: keys",
            &format!("Key_Dir_Base: {}", keys.display()),
        ),
    );
    let untouched = snapshot(&keys);
    let run = generate(&env);

    let genesis = json_file(&env.path("out/config/genesis.json"));
    assert_eq!(genesis["extraData"], SEVEN_NODES_4_VALIDATOR_EXTRA_DATA);
    assert_eq!(
        snapshot(&keys),
        untouched,
        "existing key dirs are never written"
    );
    assert!(
        !run.stdout().contains("new"),
        "no key is generated: {}",
        run.stdout()
    );
    let nodes = nodes(&env);
    let ids: Vec<NodeIdentity> = nodes
        .iter()
        .map(|n| {
            let dir = keys.join(&n.key_dir);
            let (id, secrets) = keys::load(&dir).unwrap();
            assert_eq!(
                secrets.password, "",
                "qubernetes key dirs have an empty password file"
            );
            let enode_file = fs::read_to_string(dir.join(files::ENODE)).unwrap();
            assert_eq!(
                format!("{}\n", id.enode_id),
                enode_file,
                "trailing newline read"
            );
            id
        })
        .collect();
    check_genesis(&env.path("out"), "istanbul", &ids);
    check_derived(&env.path("out"), "istanbul", &nodes, &ids);
    // One decrypt: the published keystore opens with the empty password.
    let (id, secrets) = keys::load(&keys.join("key1")).unwrap();
    let account = keystore::decrypt(&secrets.keystore_json, &secrets.password).unwrap();
    assert_eq!(nodekey::address(&account), id.account_address);
}

#[test]
fn a_constellation_node_is_refused_with_exit_2_naming_it_and_nothing_is_written() {
    let env = seven_nodes_env("keys");
    let config = env.read("qubernetes.yaml");
    let at = config.find("Node_UserIdent: quorum-node3").unwrap();
    let (head, tail) = config.split_at(at);
    env.write(
        "qubernetes.yaml",
        &format!(
            "{head}{}",
            tail.replacen("Name: tessera", "Name: constellation", 1)
        ),
    );
    let err = env.run(&["generate"]).invalid();
    assert!(
        err.contains("node `quorum-node3` uses constellation"),
        "{err}"
    );
    assert!(!env.path("out").exists(), "nothing is written");
}

#[test]
fn a_pinned_genesis_is_used_verbatim_in_out_and_in_the_genesis_config_map() {
    let env = seven_nodes_env("keys");
    let config = env.read("qubernetes.yaml");
    env.write(
        "qubernetes.yaml",
        &config.replace(
            "  Key_Dir_Base: keys\n",
            "  Key_Dir_Base: keys\n  Genesis_File: pinned.json\n",
        ),
    );
    // The published 7nodes genesis, with its original (irregular) whitespace.
    let pinned = fs::read_to_string(testdata("external/istanbul-genesis.json")).unwrap();
    env.write("pinned.json", &pinned);
    let run = generate(&env);
    assert!(run.stderr().contains("genesis pinned"), "{}", run.stderr());
    assert_eq!(env.read("out/config/genesis.json"), pinned);
    assert_eq!(genesis_config_map(&env.path("out")), pinned);
    assert!(
        !run.stderr().contains("warning"),
        "the pinned genesis holds all four validators: {}",
        run.stderr()
    );
}

/// The summary table is a message: on stderr when stdout is a terminal, never under `-q`.
#[test]
fn the_summary_table_goes_to_stderr_on_a_terminal_and_not_under_quiet() {
    let env = seven_nodes_env("keys");
    let bin = assert_cmd::cargo::cargo_bin("qctl");
    // `script` runs the command with its stdout on a pseudo-terminal.
    let run_in_pty = |extra: &str| {
        let line = format!("{} generate {extra} 2>err.txt", bin.display());
        let status = std::process::Command::new("script")
            .current_dir(env.dir.path())
            .env("NO_COLOR", "1")
            .env("HOME", env.dir.path())
            .env("KUBECONFIG", env.path("no-kubeconfig"))
            .args(["-qec", &line, "/dev/null"])
            .status()
            .unwrap();
        assert!(status.success());
        env.read("err.txt")
    };
    let err = run_in_pty("");
    assert!(
        err.contains("NODE   ") && err.contains("quorum-node1"),
        "{err}"
    );
    assert!(!err.contains('┆'), "no box drawing: {err}");
    let err = run_in_pty("-q");
    assert!(!err.contains("quorum-node1"), "{err}");
}

#[test]
fn the_out_tree_of_four_7nodes_istanbul_nodes_matches_its_golden_copy() {
    let env = seven_nodes_env("keys");
    let run = generate(&env);
    assert_golden(
        "cases/generate/7nodes-istanbul.summary.txt",
        &format!("{}{}", run.stdout(), run.stderr()),
    );
    let out = env.path("out");
    assert!(
        !files_under(&out)
            .iter()
            .any(|p| p.starts_with("config/key1")),
        "keys stay under Key_Dir_Base"
    );
    assert_golden_tree("cases/generate/7nodes-istanbul", &out, |_| true);
}

#[test]
fn stale_file_removal_spares_files_the_user_put_in_out() {
    let env = seven_nodes_env("out/config");
    generate(&env);
    let mine = env.write(
        "out/06-mine.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: mine}\n",
    );
    let notes = env.write("out/deployments/notes.yaml", "# mine\n");
    generate(&env);
    assert!(
        mine.exists() && notes.exists(),
        "files qctl never writes are never deleted"
    );
}

#[test]
fn a_kept_genesis_that_contradicts_the_config_is_refused_with_exit_2() {
    let env = seven_nodes_env("out/config");
    generate(&env);
    let config = env.path("qubernetes.yaml");
    let text = fs::read_to_string(&config).unwrap();
    let before = snapshot(&env.path("out"));
    for (what, changed, expected) in [
        (
            "chain id",
            text.replace("Chain_Id: 10\n", "Chain_Id: 11\n"),
            "has chain id 10 but genesis.Chain_Id is 11",
        ),
        (
            "consensus",
            text.replace(
                "  consensus: istanbul\n  Quorum",
                "  consensus: raft\n  Quorum",
            ),
            "is a istanbul/qbft genesis but genesis.consensus is raft",
        ),
    ] {
        assert_ne!(
            changed, text,
            "{what}: the fixture must contain the value to change"
        );
        fs::write(&config, &changed).unwrap();
        let err = env.run(&["generate"]).invalid();
        assert!(
            err.contains(expected) && err.contains("--recreate"),
            "{what}: {err}"
        );
        assert_eq!(
            snapshot(&env.path("out")),
            before,
            "{what}: nothing is written"
        );
    }
}

#[test]
fn recreate_wipes_what_generate_wrote_and_nothing_else_and_never_the_config() {
    let env = seven_nodes_env("out/config");
    generate(&env);
    let genesis = fs::read(env.path("out/config/genesis.json")).unwrap();
    let nodekey = fs::read(env.path("out/config/key1/nodekey")).unwrap();
    let notes = env.write("out/notes.txt", "mine\n");
    let run = env.run(&["generate", "--recreate", "--yes"]);
    run.ok();
    assert!(notes.exists(), "files qctl never writes survive --recreate");
    assert_ne!(
        fs::read(env.path("out/config/key1/nodekey")).unwrap(),
        nodekey,
        "new keys"
    );
    assert_ne!(
        fs::read(env.path("out/config/genesis.json")).unwrap(),
        genesis,
        "a new genesis"
    );

    // A config inside what --recreate deletes: refused, nothing deleted.
    let inside = env.path("out/config/mine.yaml");
    fs::copy(env.path("qubernetes.yaml"), &inside).unwrap();
    // (The config's lock file beside it is the one thing allowed to appear.)
    let files = |env: &TestEnv| {
        let mut s = snapshot(&env.path("out"));
        s.retain(|p, _| !p.to_string_lossy().ends_with(".lock"));
        s
    };
    let before = files(&env);
    let err = env
        .run(&[
            "-c",
            "out/config/mine.yaml",
            "--out",
            "out",
            "generate",
            "--recreate",
            "--yes",
        ])
        .invalid();
    assert!(
        err.contains("--recreate would delete") && err.contains("choose another --out"),
        "{err}"
    );
    assert_eq!(files(&env), before);
}

#[test]
fn manifests_holding_secrets_are_readable_by_their_owner_only() {
    let env = seven_nodes_env("out/config");
    generate(&env);
    for entry in fs::read_dir(env.path("out")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let has_secret = fs::read_to_string(&path)
                .unwrap()
                .contains("\nkind: Secret\n");
            let expected = if has_secret { 0o600 } else { 0o644 };
            assert_eq!(mode(&path), expected, "{}", path.display());
        }
    }
}

#[test]
fn a_raft_node_added_to_a_generated_network_is_told_how_to_join_it() {
    let env = TestEnv::new();
    env.run(&[
        "init",
        "--yes",
        "--num",
        "1",
        "--consensus",
        "raft",
        "--tm",
        "none",
    ])
    .ok();
    generate(&env);
    env.run(&["node", "add", "late"]).ok();
    let run = generate(&env);
    assert!(
        run.stderr().contains(
            "raft node `late` is new: if the network runs, `qctl deploy` adds it to the raft \
             cluster (raft_addPeer on a running member)"
        ),
        "{}",
        run.stderr()
    );
}

/// The original qctl's defaults, GoQuorum 21.7.1 and Tessera 21.7.2, generate a network that
/// version runs: QBFT switched on by `istanbul.testQBFTBlock` (no `qbft` block before 22.4.0),
/// the block period as a flag, and Tessera's launcher.
#[test]
fn goquorum_21_7_1_with_tessera_21_7_2_generates_the_genesis_and_flags_of_that_version() {
    let env = TestEnv::new();
    env.run(&[
        "init",
        "--yes",
        "--num",
        "2",
        "--quorum-version",
        "21.7.1",
        "--tm-version",
        "21.7.2",
    ])
    .ok();
    env.run(&["generate", "-q"]).ok();
    let genesis: serde_json::Value =
        serde_json::from_str(&env.read("out/config/genesis.json")).unwrap();
    let config = &genesis["config"];
    assert_eq!(config["istanbul"]["testQBFTBlock"], 0, "{config}");
    assert_eq!(config["istanbul"]["ceil2Nby3Block"], 0, "{config}");
    assert!(config.get("qbft").is_none(), "{config}");
    assert_eq!(config["privacyEnhancementsBlock"], 0, "{config}");
    let deployment = env.read("out/deployments/quorum-node1-quorum-deployment.yaml");
    assert!(
        deployment.contains("--istanbul.blockperiod=")
            && deployment.contains("--permissioned")
            && deployment.contains("/tessera/bin/tessera")
            && deployment.contains("image: \"quorumengineering/quorum:21.7.1\""),
        "{deployment}"
    );
}

#[test]
fn goquorum_and_tessera_older_than_supported_load_but_generate_refuses_them_naming_the_oldest() {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "2"]).ok();
    let config = env.read("qubernetes.yaml");
    // The second node: GoQuorum 2.x and Tessera 0.x, as configs of the original qctl had.
    let mut old = config.replacen("Quorum_Version: \"24.4.1\"", "Quorum_Version: 2.10.0", 3);
    old = old.replacen("Quorum_Version: 2.10.0", "Quorum_Version: \"24.4.1\"", 2);
    old = old.replacen("Tm_Version: \"24.4.2\"", "Tm_Version: 0.10.4", 3);
    old = old.replacen("Tm_Version: 0.10.4", "Tm_Version: \"24.4.2\"", 2);
    env.write("qubernetes.yaml", &old);
    // It still loads and edits.
    env.run(&["node", "ls"]).ok();
    env.run(&[
        "node",
        "update",
        "quorum-node2",
        "--geth-params",
        "--maxpeers 10",
    ])
    .ok();
    let err = env.run(&["generate"]).invalid();
    for expected in [
        "qubernetes.yaml:20: nodes[1] (`quorum-node2`): quorum.quorum.Quorum_Version 2.10.0 is older than 21.7.0",
        "qctl node update quorum-node2 --quorum-version VERSION",
        "quorum.tm.Tm_Version 0.10.4 is older than 1.0.0",
        "docs/migrating.md",
    ] {
        assert!(err.contains(expected), "{expected}: {err}");
    }
    assert!(!env.path("out").exists(), "nothing is generated");
}

#[test]
fn an_ingress_on_a_goquorum_without_the_rpc_path_prefix_is_refused() {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "1", "--quorum-version", "21.10.2"])
        .ok();
    let config = env.read("qubernetes.yaml");
    env.write(
        "qubernetes.yaml",
        &format!("{config}k8s:\n  service:\n    Ingress:\n      Host: quorum.example\n"),
    );
    let err = env.run(&["generate"]).invalid();
    assert!(
        err.contains("k8s.service.Ingress needs GoQuorum 22.1.0 or later (`--http.rpcprefix`)"),
        "{err}"
    );
    assert!(!env.path("out").exists(), "nothing is generated");
}

#[test]
fn clique_with_an_ingress_is_refused_with_exit_2_and_without_one_gets_a_network_policy() {
    let env = seven_nodes_env("keys");
    let clique = env
        .read("qubernetes.yaml")
        .replace("consensus: istanbul", "consensus: clique");
    env.write(
        "qubernetes.yaml",
        &clique.replace(
            "k8s:\n  namespace: sevennodes\n",
            "k8s:\n  namespace: sevennodes\n  service:\n    Ingress:\n      Strategy: OneToMany\n",
        ),
    );
    let err = env.run(&["generate"]).invalid();
    assert!(err.contains("k8s.service.Ingress"), "{err}");
    assert!(err.contains("unlocked"), "{err}");
    assert!(!env.path("out").exists(), "nothing is written");

    env.write("qubernetes.yaml", &clique);
    generate(&env);
    let policy = env.read("out/05-quorum-network-policy.yaml");
    assert!(policy.contains("kind: NetworkPolicy"), "{policy}");
}

#[test]
fn private_key_material_in_the_wrong_key_file_never_reaches_the_messages() {
    let key1 = |env: &TestEnv, f: &str| env.read(&format!("keys/key1/{f}"));
    // A nodekey pasted into `enode`.
    let env = seven_nodes_env("keys");
    let nodekey = key1(&env, "nodekey").trim().to_string();
    env.write("keys/key1/enode", &format!("{nodekey}\n"));
    let run = env.run(&["generate"]);
    assert_ne!(run.code(), 0);
    let err = run.stderr();
    assert!(err.contains("enode"), "{err}");
    assert!(!err.contains(&nodekey), "{err}");

    // The Tessera private key pasted into `tm.pub`.
    let env = seven_nodes_env("keys");
    let tm_key: Value = serde_json::from_str(&key1(&env, "tm.key")).unwrap();
    let private = tm_key["data"]["bytes"].as_str().unwrap().to_string();
    env.write("keys/key1/tm.pub", &private);
    let run = env.run(&["generate"]);
    assert_ne!(run.code(), 0);
    let err = run.stderr();
    assert!(err.contains("tm.pub"), "{err}");
    assert!(!err.contains(&private), "{err}");

    // Keystores whose fields hold the secret in places the parser rejects.
    for (from, to) in [
        (r#""version":3"#, format!(r#""version":"{nodekey}""#)),
        (
            r#""address":"ed9d02e382b34818e88b88a309c7fe71e65f419d""#,
            format!(r#""address":"{nodekey}""#),
        ),
        (r#""kdf":"scrypt""#, format!(r#""kdf":"{nodekey}""#)),
    ] {
        let env = seven_nodes_env("keys");
        let keystore = key1(&env, "acctkeyfile.json");
        assert!(keystore.contains(from), "{from}");
        env.write("keys/key1/acctkeyfile.json", &keystore.replace(from, &to));
        let run = env.run(&["generate"]);
        let err = run.stderr();
        assert!(!err.contains(&nodekey), "{to}: {err}");
        if run.code() != 0 {
            assert!(err.contains("acctkeyfile.json"), "{err}");
        }
    }
}

#[test]
fn a_symlink_planted_in_out_is_refused_with_exit_1_and_receives_nothing() {
    // A link at the manifest that holds the Secrets.
    let env = seven_nodes_env("keys");
    let stolen = env.path("elsewhere/stolen.yaml");
    fs::create_dir_all(stolen.parent().unwrap()).unwrap();
    fs::create_dir_all(env.path("out")).unwrap();
    std::os::unix::fs::symlink(&stolen, env.path("out/04-quorum-node-config.yaml")).unwrap();
    let run = env.run(&["generate"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let err = run.stderr();
    assert!(
        err.contains("04-quorum-node-config.yaml") && err.contains("link"),
        "{err}"
    );
    assert!(!stolen.exists(), "the link target received the Secrets");

    // A linked directory on the way to a manifest.
    let env = seven_nodes_env("keys");
    let elsewhere = env.path("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::create_dir_all(env.path("out")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, env.path("out/deployments")).unwrap();
    let run = env.run(&["generate"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert!(run.stderr().contains("out/deployments"), "{}", run.stderr());
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);

    // A linked key folder parent: new keys must not land behind it.
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "1"]).ok();
    let elsewhere = env.path("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::create_dir_all(env.path("out")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, env.path("out/config")).unwrap();
    let run = env.run(&["generate"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert!(run.stderr().contains("out/config"), "{}", run.stderr());
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
}

#[test]
fn modes_are_exact_whatever_the_umask_and_loose_key_files_are_named() {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "1"]).ok();
    let cmd = env.std_cmd();
    let mut sh = std::process::Command::new("sh");
    sh.env_clear()
        .current_dir(cmd.get_current_dir().unwrap())
        .args(["-c", "umask 000 && exec \"$0\" generate"])
        .arg(cmd.get_program());
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            sh.env(k, v);
        }
    }
    let output = sh.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let out = env.path("out");
    let mut seen = 0;
    for rel in files_under(&out) {
        let path = out.join(&rel);
        let name = rel.file_name().unwrap().to_string_lossy().to_string();
        let private = ["nodekey", "acctkeyfile.json", "password.txt", "tm.key"]
            .contains(&name.as_str())
            || fs::read_to_string(&path)
                .unwrap()
                .contains("\nkind: Secret\n");
        let expected = if private { 0o600 } else { 0o644 };
        assert_eq!(mode(&path), expected, "{}", rel.display());
        let mut dir = path.parent().unwrap();
        while dir != out {
            assert_eq!(mode(dir), 0o700, "{}", dir.display());
            dir = dir.parent().unwrap();
        }
        seen += 1;
    }
    assert!(seen > 10, "{seen} files");

    // A key file another user can read is named in a warning.
    let key_dir = fs::read_dir(out.join("config"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.join("nodekey").exists())
        .unwrap();
    let nodekey = key_dir.join("nodekey");
    fs::set_permissions(&nodekey, fs::Permissions::from_mode(0o644)).unwrap();
    let run = generate(&env);
    let err = run.stderr();
    assert!(
        err.contains(
            &nodekey
                .strip_prefix(env.path(""))
                .unwrap()
                .display()
                .to_string()
        ) || err.contains(&nodekey.display().to_string()),
        "{err}"
    );
    assert!(err.contains("readable by group or others"), "{err}");
}

#[test]
fn recreate_checks_everything_before_it_deletes_anything() {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "1"]).ok();
    generate(&env);
    let before = snapshot(&env.path("out"));
    let config = env.read("qubernetes.yaml");
    for (what, broken, expected) in [
        (
            "geth parameters the manifests cannot carry",
            config.replace(
                "Geth_Startup_Params: \"\"",
                "Geth_Startup_Params: '--verbosity \"5'",
            ),
            "cannot be split into arguments",
        ),
        (
            "a pinned genesis that is not there",
            format!("{config}config:\n  Genesis_File: missing-genesis.json\n"),
            "config.Genesis_File: cannot read",
        ),
    ] {
        assert_ne!(broken, config, "{what}: the fixture must change");
        env.write("qubernetes.yaml", &broken);
        let err = env.run(&["generate", "--recreate", "--yes"]).invalid();
        assert!(err.contains(expected), "{what}: {err}");
        assert_eq!(
            snapshot(&env.path("out")),
            before,
            "{what}: nothing is deleted"
        );
    }
}

#[test]
fn a_peers_config_map_over_the_kubernetes_size_limit_is_refused_naming_it_and_writes_nothing() {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "1"]).ok();
    // 1,800 external nodes with long (valid) host names: their enode URLs, listed in both
    // static-nodes.json and permissioned-nodes.json, are over 1 MiB.
    let host = format!("{}.{}.example", "a".repeat(63), "b".repeat(63));
    let mut bundle = String::from("external_nodes:\n");
    for i in 0..1800 {
        let key = nodekey::generate().unwrap();
        bundle.push_str(&format!(
            "  - Node_UserIdent: big-node{i}\n    Enode_Url: enode://{}@{host}:30303?discport=0\n",
            nodekey::enode_id(&key)
        ));
    }
    env.write("bundle.yaml", &bundle);
    env.run(&["add-external", "bundle.yaml", "--yes"]).ok();

    let err = env.run(&["generate"]).invalid();
    assert!(
        err.contains(
            "ConfigMap `quorum-peers` (in `out/02-quorum-shared-config.yaml`) would hold 1,"
        ) && err.contains("more than the 1,048,576 bytes (1 MiB) Kubernetes accepts")
            && err.contains("`static-nodes.json`")
            && err.contains("nothing was written"),
        "{err}"
    );
    assert!(
        !env.path("out").exists(),
        "no key, genesis or manifest was written"
    );
}
