//! Tests of the whole bundle path (parse → validate → plan, build → render → parse) against
//! the fixtures in `testdata/external/`.

use std::path::PathBuf;

use super::*;
use crate::network::{Consensus, ExternalNode};

// Public keys and addresses of Consensys/qubernetes 7nodes key1..key3 (commit 4e6a879,
// `7nodes/keyN/enode` and `7nodes/istanbul-validator-config.toml`).
const KEYS: [(&str, &str); 3] = [
    (
        "ac6b1096ca56b9f6d004b779ae3728bf83f8e22453404cc3cef16a3d9b96608bc67c4b30db88e0a5a6c6390213f7acbe1153ff6d23ce57380104288ae19373ef",
        "0xd8Dba507e85F116b1f7e231cA8525fC9008A6966",
    ),
    (
        "0ba6b9f606a43a95edc6247cdb1c1e105145817be7bcafd6b2c0ba15d58145f0dc1a194f70ba73cd6f4cdd6864edc7687f311254c7555cc32e4d45aeb1b80416",
        "0x6571D97f340c8495B661a823F2C2145cA47D63c2",
    ),
    (
        "579f786d4e2830bbcc02815a27e8a9bacccc9605df4dc6f20bcc1a6eb391e7225fff7cb83e5b4ecd1f3a94d8b733803f2f66b7e871961e7b029e22c155c3a778",
        "0xe36cbeB565B061217930767886474e3cDe903AC5",
    ),
];

// Tessera public keys of 7nodes tm1..tm3 (same commit, `7nodes/keyN/tm.pub`).
const TM_KEYS: [&str; 3] = [
    "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=",
    "QfeDAys9MPDs2XHExtc84jKGHxZg/aj52DTh0vtA3Xc=",
    "1iTZde/ndBHvzhcl7V68x44Vx7pl8nwx9LqnM/AfJUg=",
];

fn testdata(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/external")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(testdata(name)).unwrap()
}

/// Compares with the golden file `testdata/external/<name>`.
fn assert_golden(name: &str, actual: &str) {
    crate::testing::assert_golden(&format!("external/{name}"), actual);
}

/// Genesis of Consensys/qubernetes 7nodes (commit 4e6a879, `7nodes/istanbul-genesis.json`),
/// byte for byte: it starts with a newline and has trailing spaces, which the hash must keep.
fn genesis() -> String {
    String::from_utf8(fixture("istanbul-genesis.json")).unwrap()
}

const GENESIS_CHAIN_ID: u64 = 10;

fn exported(i: usize, host: &str) -> ExportedNode {
    ExportedNode {
        name: format!("orga-node{}", i + 1),
        host: host.to_string(),
        p2p_port: 31500 + i as u16,
        raft_port: None,
        tm_port: Some(30850 + i as u16),
        tm_public_key: Some(TM_KEYS[i].to_string()),
        enode_id: KEYS[i].0.to_string(),
        node_address: Some(KEYS[i].1.to_string()),
    }
}

fn org_a_bundle() -> JoinBundle {
    let nodes: Vec<_> = (0..3).map(|i| exported(i, "203.0.113.10")).collect();
    build_bundle(GENESIS_CHAIN_ID, Consensus::Istanbul, &genesis(), &nodes).unwrap()
}

fn problem_paths(err: &BundleError) -> Vec<&str> {
    err.problems().iter().map(|p| p.path.as_str()).collect()
}

fn fresh_local(chain_id: u64) -> LocalView {
    LocalView {
        chain_id,
        consensus: Consensus::Istanbul,
        nodes: vec![LocalNodeRef {
            name: "orgb-node1".to_string(),
            enode_id: None,
        }],
        external: Vec::new(),
        pinned_genesis: None,
        generated_genesis_sha256: None,
        object_names: vec!["orgb-node1-rpc".to_string()],
    }
}

#[test]
fn the_old_qctl_external_block_imports_with_urls_and_addresses_normalised() {
    let parsed = parse(&fixture("old-qctl-output.yaml"), "old.yaml").unwrap();
    let first = &parsed.bundle.external_nodes[0];
    // Unquoted `0x…` must stay the text it is, not become a number.
    assert_eq!(first.node_acct_addr.as_deref(), Some(KEYS[0].1));
    assert_eq!(first.tm_url.as_deref(), Some("192.168.64.49:30853"));
    assert_eq!(parsed.bundle.network, None);

    let valid = validate(&parsed.bundle, &parsed.origin).unwrap();
    assert_eq!(
        valid.nodes[0],
        ExternalNode {
            name: "quorum-node1".to_string(),
            enode_url: format!(
                "enode://{}@192.168.64.49:31500?discport=0&raftport=50401",
                KEYS[0].0
            ),
            tm_url: Some("http://192.168.64.49:30853".to_string()),
            tm_public_key: None,
            validator_address: Some(KEYS[0].1.to_string()),
        }
    );
    assert_eq!(
        valid.nodes[1].tm_url.as_deref(),
        Some("http://192.168.64.49:30854")
    );
}

#[test]
fn unquoted_hex_values_are_read_as_text_whatever_their_length() {
    // The anchor's example address, unquoted as the old qctl printed it, and a short hex value
    // that a YAML 1.1 reader would take for the integer 18.
    let yaml = format!(
        "external_nodes:\n- Node_UserIdent: a\n  Enode_Url: enode://{}@h:1?discport=0\n  Node_Acct_Addr:   0xC7868aA6C261aAaDA3E370315B6CF752056F54d1\n- Node_UserIdent: b\n  Enode_Url: x\n  Node_Acct_Addr: 0x12\n",
        KEYS[0].0
    );
    let parsed = parse(yaml.as_bytes(), "-").unwrap();
    let addrs: Vec<_> = parsed
        .bundle
        .external_nodes
        .iter()
        .map(|n| n.node_acct_addr.as_deref())
        .collect();
    assert_eq!(
        addrs,
        [
            Some("0xC7868aA6C261aAaDA3E370315B6CF752056F54d1"),
            Some("0x12")
        ]
    );
}

#[test]
fn an_exported_bundle_matches_its_golden_files_and_reads_back_equal() {
    let bundle = org_a_bundle();
    let network = bundle.network.as_ref().unwrap();
    assert_eq!(network.genesis_sha256, genesis_sha256(&genesis()));
    assert_eq!(bundle.genesis.as_deref(), Some(genesis().as_str()));

    for (format, golden) in [
        (Format::Yaml, "bundle-v1.yaml"),
        (Format::Json, "bundle-v1.json"),
    ] {
        let text = render(&bundle, format);
        assert_golden(golden, &text);
        let parsed = parse(text.as_bytes(), golden).unwrap();
        assert_eq!(parsed.bundle, bundle);
        let valid = validate(&parsed.bundle, &parsed.origin).unwrap();
        assert_eq!(valid.genesis.as_deref(), Some(genesis().as_str()));
        assert_eq!(valid.nodes.len(), 3);
    }
}

#[test]
fn yaml_output_quotes_every_address_and_url() {
    let text = render(&org_a_bundle(), Format::Yaml);
    assert!(text.contains(&format!("Node_Acct_Addr: \"{}\"", KEYS[0].1)));
    assert!(text.contains("Tm_Url: \"http://203.0.113.10:30850\""));
    assert!(text.contains(&format!(
        "Enode_Url: \"enode://{}@203.0.113.10:31500?discport=0\"",
        KEYS[0].0
    )));
}

#[test]
fn a_genesis_without_leading_newline_is_written_as_a_literal_block_and_kept_exact() {
    let genesis = format!("{}\n", genesis().trim());
    let nodes = [exported(0, "203.0.113.10")];
    let bundle = build_bundle(GENESIS_CHAIN_ID, Consensus::Istanbul, &genesis, &nodes).unwrap();
    let text = render(&bundle, Format::Yaml);
    assert!(text.contains("\ngenesis: |2\n  {\n"), "{text}");
    let back = load(text.as_bytes(), "-").unwrap();
    assert_eq!(back.genesis.as_deref(), Some(genesis.as_str()));
}

#[test]
fn export_brackets_ipv6_hosts_and_adds_the_raft_port() {
    let mut node = exported(0, "2001:db8::10");
    node.raft_port = Some(32401);
    node.enode_id = KEYS[0].0.to_ascii_uppercase();
    let genesis = genesis().replace("\"istanbul\"", "\"raft\"");
    let bundle = build_bundle(GENESIS_CHAIN_ID, Consensus::Raft, &genesis, &[node]).unwrap();
    let entry = &bundle.external_nodes[0];
    assert_eq!(
        entry.enode_url,
        format!(
            "enode://{}@[2001:db8::10]:31500?discport=0&raftport=32401",
            KEYS[0].0
        )
    );
    assert_eq!(entry.tm_url.as_deref(), Some("http://[2001:db8::10]:30850"));
}

#[test]
fn export_refuses_a_host_that_peers_cannot_dial() {
    let err = build_bundle(
        GENESIS_CHAIN_ID,
        Consensus::Istanbul,
        &genesis(),
        &[exported(0, "not a host")],
    )
    .unwrap_err();
    assert_eq!(
        problem_paths(&err),
        ["external_nodes[0].Enode_Url", "external_nodes[0].Tm_Url"]
    );
    assert!(err.to_string().contains("host `not a host`"), "{err}");
}

#[test]
fn every_bad_field_is_reported_at_once_with_its_path_and_line() {
    let err = load(&fixture("bad-fields.yaml"), "bad-fields.yaml").unwrap_err();
    let problems = err.problems();
    let summary: Vec<_> = problems.iter().map(|p| (p.path.as_str(), p.line)).collect();
    assert_eq!(
        summary,
        [
            ("network.genesisSha256", Some(6)),
            ("external_nodes[0].Node_UserIdent", Some(8)),
            ("external_nodes[0].Enode_Url", Some(9)),
            ("external_nodes[0].Tm_Url", Some(10)),
            ("external_nodes[1].Enode_Url", Some(13)),
            ("external_nodes[1].Tm_Url", Some(14)),
            ("external_nodes[1].Node_Acct_Addr", Some(15)),
            ("external_nodes[2].Enode_Url", Some(17)),
            ("external_nodes[3].Enode_Url", Some(19)),
            ("external_nodes[4].Node_UserIdent", Some(20)),
            ("external_nodes[5].Enode_Url", Some(23)),
        ]
    );
    let expect = [
        "expected 64 hex digits",
        "DNS-1123 label",
        "enode id is not hex",
        "credentials",
        "not a point on the secp256k1 curve",
        "must not have a path",
        "wrong EIP-55 checksum",
        "port `0` is not valid; expected a number from 1 to 65535",
        "port `70000` is not valid",
        "duplicate name `orgb-node4`",
        "duplicate enode id",
    ];
    for (problem, text) in problems.iter().zip(expect) {
        assert!(problem.message.contains(text), "{problem}");
    }
    let message = err.to_string();
    assert!(
        message.starts_with("`bad-fields.yaml` is not a valid join bundle (11 problems):"),
        "{message}"
    );
    assert!(
        message.contains("\n  - line 10: `external_nodes[0].Tm_Url`: must not carry credentials"),
        "{message}"
    );
}

#[test]
fn a_tessera_key_must_be_one_and_come_with_a_tessera_url() {
    let node = |i: usize, extra: &str| {
        format!(
            "  - Node_UserIdent: orgb-node{i}\n    Enode_Url: enode://{}@198.51.100.7:3030{i}?discport=0\n{extra}",
            KEYS[i].0
        )
    };
    let text = format!(
        "external_nodes:\n{}{}{}",
        node(
            0,
            &format!(
                "    Tm_Url: http://198.51.100.7:9001\n    Tm_Public_Key: \"{}\"\n",
                TM_KEYS[0]
            )
        ),
        node(
            1,
            "    Tm_Url: http://198.51.100.7:9002\n    Tm_Public_Key: not-a-key\n"
        ),
        node(2, &format!("    Tm_Public_Key: \"{}\"\n", TM_KEYS[2])),
    );
    let err = load(text.as_bytes(), "keys.yaml").unwrap_err();
    let problems = err.problems();
    let summary: Vec<_> = problems.iter().map(|p| (p.path.as_str(), p.line)).collect();
    assert_eq!(
        summary,
        [
            ("external_nodes[1].Tm_Public_Key", Some(9)),
            ("external_nodes[2].Tm_Public_Key", Some(12)),
        ]
    );
    assert!(
        problems[0].message.contains("not a Tessera public key"),
        "{}",
        problems[0]
    );
    assert!(
        problems[1].message.contains("without `Tm_Url`"),
        "{}",
        problems[1]
    );
    let fine = format!(
        "external_nodes:\n{}",
        node(
            0,
            &format!(
                "    Tm_Url: http://198.51.100.7:9001\n    Tm_Public_Key: \"{}\"\n",
                TM_KEYS[0]
            )
        )
    );
    let valid = load(fine.as_bytes(), "key.yaml").unwrap();
    assert_eq!(valid.nodes[0].tm_public_key.as_deref(), Some(TM_KEYS[0]));
}

#[test]
fn an_input_over_one_mebibyte_is_refused_before_parsing() {
    let input = vec![b'#'; 2 * 1024 * 1024];
    let err = parse(&input, "big.yaml").unwrap_err();
    assert_eq!(
        err,
        BundleError::TooLarge {
            input: "big.yaml".to_string(),
            limit: MAX_BUNDLE_BYTES,
        }
    );
    assert!(
        err.to_string()
            .contains("`big.yaml`: the bundle is larger than 1048576 bytes (1 MiB)"),
        "{err}"
    );
}

#[test]
fn a_yaml_bomb_is_refused_at_its_first_anchor() {
    let err = parse(&fixture("yaml-bomb.yaml"), "bomb.yaml").unwrap_err();
    assert!(
        matches!(&err, BundleError::Alias { at } if at.line == Some(2)),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .starts_with("`bomb.yaml` line 2: YAML anchors and aliases"),
        "{err}"
    );
    // An alias of a plain scalar anchor, and a merge key, are refused the same way.
    let alias = "external_nodes: []\nx: *y\n";
    assert!(matches!(
        parse(alias.as_bytes(), "-"),
        Err(BundleError::Syntax { .. } | BundleError::Alias { .. })
    ));
    let merge = "base: &b {Tm_Url: x}\nexternal_nodes:\n- <<: *b\n";
    assert!(matches!(
        parse(merge.as_bytes(), "-"),
        Err(BundleError::Alias { .. })
    ));
}

#[test]
fn envelope_errors_name_the_field_and_what_is_expected() {
    let cases = [
        (
            "apiVersion: qctl/v2\nkind: JoinBundle\nexternal_nodes: []\n",
            "unsupported apiVersion `qctl/v2`; expected `qctl/v1`",
        ),
        (
            "apiVersion: qctl/v1\nkind: Bundle\nexternal_nodes: []\n",
            "line 2: unsupported kind `Bundle`; expected `JoinBundle`",
        ),
        (
            "kind: JoinBundle\nexternal_nodes: []\n",
            "unsupported apiVersion `(missing)`",
        ),
        (
            "network: {chainId: 1, consensus: qbft, genesisSha256: x}\nexternal_nodes: []\n",
            "line 1: not a readable join bundle: `network` needs `apiVersion: qctl/v1`",
        ),
        (
            "apiVersion: qctl/v1\nkind: JoinBundle\n",
            "missing `external_nodes`",
        ),
        (
            "external_nodes:\n- Node_UserIdent: a\n  Enode_URL: x\n",
            "external_nodes[0]: unknown field `Enode_URL`",
        ),
        (
            "external_nodes:\n- Node_UserIdent: a\n",
            "external_nodes[0]: missing field `Enode_Url`",
        ),
        (
            "external_nodes: []\ngenesis: {config: {chainId: 1}}\n",
            "expected the exact text of genesis.json as a string",
        ),
        (
            "apiVersion: qctl/v1\nkind: JoinBundle\nnetwork: {chainId: 1, consensus: pow, genesisSha256: x}\nexternal_nodes: []\n",
            "unknown consensus `pow`",
        ),
        (
            "external_nodes: []\n---\nexternal_nodes: []\n",
            "line 2: a join bundle is one YAML or JSON document",
        ),
        ("external_nodes: [\n", "line 2: not a readable join bundle"),
        ("# nothing but a comment\n", "the bundle is empty"),
        ("~\n", "the bundle is empty"),
        ("{[a]: 1}\n", "mapping keys must be plain strings"),
    ];
    for (input, expected) in cases {
        let err = parse(input.as_bytes(), "b.yaml").unwrap_err();
        assert!(err.to_string().contains(expected), "{input:?}: {err}");
    }
    let deep = format!("external_nodes: {}{}\n", "[".repeat(40), "]".repeat(40));
    assert!(
        parse(deep.as_bytes(), "-")
            .unwrap_err()
            .to_string()
            .contains("nested more than 16 levels")
    );
    let err = parse(b"external_nodes: [\xff]\n", "-").unwrap_err();
    assert_eq!(
        err.to_string(),
        "standard input line 1: not a readable join bundle: the input is not UTF-8 text"
    );
}

#[test]
fn values_echoed_in_errors_are_escaped_and_shortened() {
    let name = format!("\u{1b}[31m{}", "x".repeat(500));
    let yaml = format!(
        "external_nodes:\n- Node_UserIdent: \"{}\"\n  Enode_Url: x\n  Node_Acct_Addr: \"0x{}\"\n",
        name.replace('\u{1b}', "\\e"),
        "a".repeat(5000)
    );
    let err = load(yaml.as_bytes(), "-").unwrap_err();
    let message = err.to_string();
    assert!(!message.contains('\u{1b}'), "{message}");
    assert!(message.contains("`\\u{1b}[31mxxx"), "{message}");
    assert!(message.len() < 1000, "{message}");
}

#[test]
fn json_input_is_accepted() {
    let json = format!(
        r#"{{"external_nodes": [{{"Node_UserIdent": "n1", "Enode_Url": "enode://{}@10.0.0.1:30303?discport=0", "Node_Acct_Addr": "{}"}}]}}"#,
        KEYS[1].0, KEYS[1].1
    );
    let valid = load(json.as_bytes(), "b.json").unwrap();
    assert_eq!(valid.nodes[0].validator_address.as_deref(), Some(KEYS[1].1));
}

#[test]
fn a_genesis_must_match_its_hash_and_chain_id() {
    let bundle = org_a_bundle();

    let mut altered = bundle.clone();
    altered.genesis = Some(genesis().replace("\"epoch\": 30000", "\"epoch\": 1"));
    let err = validate(&altered, &Origin::new("a.yaml")).unwrap_err();
    assert_eq!(problem_paths(&err), ["genesis"]);
    assert!(
        err.to_string()
            .contains("the genesis was altered or belongs to another network"),
        "{err}"
    );

    let mut other_chain = bundle.clone();
    other_chain.network.as_mut().unwrap().chain_id = 1000;
    let err = validate(&other_chain, &Origin::new("a.yaml")).unwrap_err();
    assert!(
        err.to_string()
            .contains("`config.chainId` is 10 but `network.chainId` is 1000"),
        "{err}"
    );

    let mut not_json = bundle;
    not_json.genesis = Some("not json".to_string());
    not_json.network.as_mut().unwrap().genesis_sha256 = genesis_sha256("not json");
    let err = validate(&not_json, &Origin::new("a.yaml")).unwrap_err();
    assert!(
        err.to_string().contains("`genesis`: is not valid JSON"),
        "{err}"
    );
}

#[test]
fn a_raft_bundle_needs_a_raft_port_in_every_enode() {
    let genesis = genesis().replace("\"istanbul\"", "\"raft\"");
    let err = build_bundle(
        GENESIS_CHAIN_ID,
        Consensus::Raft,
        &genesis,
        &[exported(0, "10.0.0.1")],
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("a raft network needs `&raftport=<port>`"),
        "{err}"
    );
}

#[test]
fn importing_a_fresh_bundle_adds_every_node_and_pins_its_genesis() {
    let valid = load(render(&org_a_bundle(), Format::Yaml).as_bytes(), "a.yaml").unwrap();
    let plan = plan_import(&valid, &fresh_local(GENESIS_CHAIN_ID), false).unwrap();
    assert_eq!(plan.add, valid.nodes);
    assert!(plan.replace.is_empty() && plan.unchanged.is_empty());
    assert_eq!(
        plan.genesis_to_pin,
        Some(GenesisToPin {
            json: genesis(),
            sha256: genesis_sha256(&genesis()),
        })
    );
}

#[test]
fn re_importing_the_same_bundle_changes_nothing() {
    let text = render(&org_a_bundle(), Format::Yaml);
    let valid = load(text.as_bytes(), "a.yaml").unwrap();
    let mut local = fresh_local(GENESIS_CHAIN_ID);
    let first = plan_import(&valid, &local, false).unwrap();
    // What the importer writes: the entries, and the pinned genesis.
    local.external = first.add;
    local.pinned_genesis = Some(PinnedGenesis {
        sha256: first.genesis_to_pin.unwrap().sha256,
        chain_id: GENESIS_CHAIN_ID,
    });
    let again = plan_import(&valid, &local, false).unwrap();
    assert!(again.is_noop(), "{again:?}");
    assert_eq!(again.unchanged, ["orga-node1", "orga-node2", "orga-node3"]);
}

#[test]
fn an_entry_written_by_hand_in_the_old_form_counts_as_unchanged() {
    let valid = load(&fixture("old-qctl-output.yaml"), "old.yaml").unwrap();
    let mut local = fresh_local(GENESIS_CHAIN_ID);
    local.external = vec![ExternalNode {
        name: "quorum-node1".to_string(),
        enode_url: format!(
            "enode://{}@192.168.64.49:31500?raftport=50401&discport=0",
            KEYS[0].0.to_ascii_uppercase()
        ),
        tm_url: Some("192.168.64.49:30853".to_string()),
        tm_public_key: None,
        validator_address: Some(KEYS[0].1.to_ascii_lowercase()),
    }];
    let plan = plan_import(&valid, &local, false).unwrap();
    assert_eq!(plan.unchanged, ["quorum-node1"]);
    assert_eq!(plan.add.len(), 1);
}

#[test]
fn a_changed_external_node_needs_replace() {
    let valid = load(render(&org_a_bundle(), Format::Yaml).as_bytes(), "a.yaml").unwrap();
    let mut local = fresh_local(GENESIS_CHAIN_ID);
    let mut moved = valid.nodes[1].clone();
    moved.tm_url = Some("http://198.51.100.7:30851".to_string());
    local.external = vec![moved];

    let err = plan_import(&valid, &local, false).unwrap_err();
    assert_eq!(problem_paths(&err), ["external_nodes[1].Node_UserIdent"]);
    let message = err.to_string();
    assert!(
        message.starts_with("`a.yaml` cannot be imported into this network (1 conflict):"),
        "{message}"
    );
    assert!(
        message.contains("a different Tm_Url; import with `--replace` to overwrite it"),
        "{message}"
    );

    let plan = plan_import(&valid, &local, true).unwrap();
    assert_eq!(plan.replace, [valid.nodes[1].clone()]);
    assert_eq!(plan.add, [valid.nodes[0].clone(), valid.nodes[2].clone()]);
}

#[test]
fn a_bundle_of_another_chain_is_from_a_different_network() {
    let valid = load(render(&org_a_bundle(), Format::Yaml).as_bytes(), "a.yaml").unwrap();
    let err = plan_import(&valid, &fresh_local(1000), false).unwrap_err();
    assert_eq!(problem_paths(&err), ["network.chainId"]);
    assert!(
        err.to_string().contains("bundle is from a different network: its chain id is 10 but this network's `genesis.Chain_Id` is 1000"),
        "{err}"
    );
}

#[test]
fn a_bundle_with_another_genesis_than_the_pinned_one_is_refused() {
    let valid = load(render(&org_a_bundle(), Format::Yaml).as_bytes(), "a.yaml").unwrap();
    let mut local = fresh_local(GENESIS_CHAIN_ID);
    local.pinned_genesis = Some(PinnedGenesis {
        sha256: genesis_sha256("{}"),
        chain_id: GENESIS_CHAIN_ID,
    });
    let err = plan_import(&valid, &local, true).unwrap_err();
    assert_eq!(problem_paths(&err), ["network.genesisSha256"]);
    assert!(
        err.to_string().contains("this network is pinned to"),
        "{err}"
    );
}

#[test]
fn names_and_enode_ids_already_taken_locally_are_conflicts() {
    let valid = load(render(&org_a_bundle(), Format::Yaml).as_bytes(), "a.yaml").unwrap();
    let mut local = fresh_local(GENESIS_CHAIN_ID);
    local.nodes = vec![
        LocalNodeRef {
            name: "orga-node1".to_string(),
            enode_id: None,
        },
        LocalNodeRef {
            name: "orgb-node1".to_string(),
            enode_id: Some(KEYS[1].0.to_ascii_uppercase()),
        },
    ];
    local.external = vec![ExternalNode {
        name: "old-name".to_string(),
        enode_url: format!("enode://{}@10.1.1.1:30303?discport=0", KEYS[2].0),
        tm_url: None,
        tm_public_key: None,
        validator_address: None,
    }];
    let err = plan_import(&valid, &local, true).unwrap_err();
    let messages: Vec<_> = err.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "line 9: `external_nodes[0].Node_UserIdent`: `orga-node1` is a node of this network; an imported node needs a name no local node uses",
            "line 15: `external_nodes[1].Enode_Url`: enode id of `orga-node2` is already used by local node `orgb-node1`; one node cannot appear under two names",
            "line 20: `external_nodes[2].Enode_Url`: enode id of `orga-node3` is already used by external node `old-name`; one node cannot appear under two names",
        ]
    );
}

mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::keys::{address, enode};

    /// A valid bundle's text, to mutate.
    fn sample() -> String {
        render(&org_a_bundle(), Format::Yaml)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn parsing_arbitrary_bytes_never_panics(input in proptest::collection::vec(any::<u8>(), 0..1024)) {
            let _ = load(&input, "-");
        }

        #[test]
        fn parsing_a_mutated_bundle_never_panics(pos in any::<prop::sample::Index>(), text in "[ -~\n]{0,8}") {
            let mut bundle = sample();
            let at = pos.index(bundle.len());
            let at = (0..=at).rev().find(|&i| bundle.is_char_boundary(i)).unwrap_or(0);
            bundle.insert_str(at, &text);
            let _ = load(bundle.as_bytes(), "-");
        }

        #[test]
        fn url_and_host_parsers_never_panic(s in "\\PC{0,80}") {
            let _ = s.parse::<EnodeUrl>();
            let _ = s.parse::<TmUrl>();
            let _ = s.parse::<Host>();
            let _ = format!("enode://{}@{s}", KEYS[0].0).parse::<EnodeUrl>();
            let _ = format!("http://{s}").parse::<TmUrl>();
        }
    }

    fn host() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<[u8; 4]>().prop_map(|o| std::net::Ipv4Addr::from(o).to_string()),
            any::<[u8; 16]>().prop_map(|o| std::net::Ipv6Addr::from(o).to_string()),
            "[a-z][a-z0-9-]{0,8}[a-z0-9](\\.[a-z][a-z0-9]{0,5}){0,3}",
        ]
    }

    fn node() -> impl Strategy<Value = (String, u16, Option<u16>, Option<u16>, [u8; 32], bool)> {
        (
            host(),
            1..=u16::MAX,
            proptest::option::of(1..=u16::MAX),
            proptest::option::of(1..=u16::MAX),
            any::<[u8; 32]>(),
            any::<bool>(),
        )
    }

    /// A genesis text for `chain_id`: arbitrary string content and line endings around a
    /// fixed config, so both the literal and the quoted genesis forms are exercised.
    fn genesis_text(chain_id: u64) -> impl Strategy<Value = String> {
        let start = prop_oneof![Just(""), Just("\n"), Just("\n\n"), Just("  "), Just("\t")];
        let middle = prop_oneof![
            Just("\n"),
            Just("\n\n"),
            Just("\n   \n"),
            Just("\r\n"),
            Just(" \n")
        ];
        let end = prop_oneof![
            Just(""),
            Just("\n"),
            Just("\n\n"),
            Just("\n\n\n"),
            Just("\r\n"),
            Just(" \n")
        ];
        ("\\PC{0,40}", start, middle, end).prop_map(move |(extra, start, middle, end)| {
            let value = serde_json::json!({"config": {"chainId": chain_id}, "extraData": extra});
            let text = serde_json::to_string_pretty(&value)
                .unwrap()
                .replacen('\n', middle, 1);
            format!("{start}{text}{end}")
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn a_built_bundle_renders_and_reads_back_equal(
            consensus in prop::sample::select(Consensus::ALL.to_vec()),
            nodes in proptest::collection::vec(node(), 1..5),
            (chain_id, genesis) in (1..u64::MAX).prop_flat_map(|c| (Just(c), genesis_text(c))),
            with_genesis in any::<bool>(),
        ) {
            let exported: Vec<_> = nodes
                .into_iter()
                .enumerate()
                .filter_map(|(i, (host, p2p_port, raft, tm_port, secret, with_address))| {
                    let key = k256::SecretKey::from_slice(&secret).ok()?;
                    let xy = enode::public_key_xy(&key.public_key());
                    Some(ExportedNode {
                        name: format!("node-{i}"),
                        host,
                        p2p_port,
                        raft_port: if consensus == Consensus::Raft { Some(raft.unwrap_or(50401)) } else { raft },
                        tm_port,
                        tm_public_key: None,
                        enode_id: hex::encode(xy),
                        node_address: with_address.then(|| address::to_checksum(&address::from_public_key(&xy))),
                    })
                })
                .collect();
            prop_assume!(!exported.is_empty());
            // The genesis names the engine of the consensus, as a real one does.
            let genesis = match consensus {
                Consensus::Raft => genesis,
                c => genesis.replacen("\"chainId\"", &format!("\"{}\": {{}}, \"chainId\"", match c {
                    Consensus::Qbft => "qbft",
                    Consensus::Istanbul => "istanbul",
                    _ => "clique",
                }), 1),
            };
            let mut bundle = build_bundle(chain_id, consensus, &genesis, &exported).unwrap();
            if !with_genesis {
                bundle.genesis = None;
            }
            for format in [Format::Yaml, Format::Json] {
                let text = render(&bundle, format);
                let parsed = parse(text.as_bytes(), "-").unwrap();
                prop_assert_eq!(&parsed.bundle, &bundle);
                let valid = validate(&parsed.bundle, &parsed.origin).unwrap();
                let entries: Vec<ExternalNodeEntry> = valid.nodes.into_iter().map(Into::into).collect();
                prop_assert_eq!(&entries, &bundle.external_nodes);
            }
        }
    }
}

fn bundle_with_hosts(hosts: &[&str]) -> ValidBundle {
    let nodes: Vec<_> = hosts
        .iter()
        .enumerate()
        .map(|(i, h)| exported(i, h))
        .collect();
    let bundle = build_bundle(GENESIS_CHAIN_ID, Consensus::Istanbul, &genesis(), &nodes).unwrap();
    load(render(&bundle, Format::Yaml).as_bytes(), "hosts.yaml").unwrap()
}

#[test]
fn private_and_cluster_internal_peer_hosts_are_refused_with_their_field_path() {
    let local = fresh_local(GENESIS_CHAIN_ID);
    for host in [
        "127.0.0.1",
        "169.254.169.254",
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "localhost",
        "orgb-node1",
        "quorum-node1",
        "orgb-node1.default",
        "orgb-node1-rpc.quorum",
        "orgb-node1.quorum.svc",
        "orgb-node1.quorum.svc.cluster.local",
        "kubernetes.default.svc",
        "kubernetes.default",
    ] {
        let valid = bundle_with_hosts(&["203.0.113.10", host]);
        let err = check_peer_hosts(&valid, &local)
            .err()
            .unwrap_or_else(|| panic!("{host} accepted"));
        assert_eq!(
            problem_paths(&err),
            ["external_nodes[1].Enode_Url", "external_nodes[1].Tm_Url"],
            "{host}: {err}"
        );
        assert!(err.to_string().contains("--allow-private-peers"), "{err}");
    }
    for host in [
        "203.0.113.10",
        "10.0.0.7",
        "2001:db8::1",
        "node1.example.com",
        "orgb-node1.example.com",
        "other.quorum",
    ] {
        let valid = bundle_with_hosts(&[host]);
        assert!(check_peer_hosts(&valid, &local).is_ok(), "{host} refused");
    }
}

#[test]
fn the_consensus_must_match_the_engine_of_the_bundles_genesis() {
    let nodes: Vec<_> = (0..1).map(|i| exported(i, "203.0.113.10")).collect();
    for consensus in [Consensus::Raft, Consensus::Clique, Consensus::Qbft] {
        let err = build_bundle(GENESIS_CHAIN_ID, consensus, &genesis(), &nodes)
            .err()
            .unwrap_or_else(|| panic!("{consensus} accepted with an istanbul genesis"));
        assert!(err.to_string().contains("`config.istanbul`"), "{err}");
    }
    assert!(build_bundle(GENESIS_CHAIN_ID, Consensus::Istanbul, &genesis(), &nodes).is_ok());
    let raft_genesis = r#"{"config":{"chainId":10},"alloc":{}}"#;
    let mut raft_nodes = nodes.clone();
    raft_nodes[0].raft_port = Some(50401);
    assert!(build_bundle(GENESIS_CHAIN_ID, Consensus::Raft, raft_genesis, &raft_nodes).is_ok());
    let qbft = r#"{"config":{"chainId":10,"qbft":{"epochLength":30000}}}"#;
    assert!(build_bundle(GENESIS_CHAIN_ID, Consensus::Qbft, qbft, &nodes).is_ok());
    let err = build_bundle(GENESIS_CHAIN_ID, Consensus::Raft, qbft, &raft_nodes).unwrap_err();
    assert!(err.to_string().contains("`config.qbft`"), "{err}");
}

#[test]
fn a_genesis_with_yaml_line_breaks_in_strings_round_trips_through_json_and_yaml() {
    let genesis = genesis().replacen(
        "\"config\"",
        "\"extra\": \"a\u{85}b\u{2028}c\u{2029}d\",\n  \"config\"",
        1,
    );
    let nodes: Vec<_> = (0..1).map(|i| exported(i, "203.0.113.10")).collect();
    let bundle = build_bundle(GENESIS_CHAIN_ID, Consensus::Istanbul, &genesis, &nodes).unwrap();
    let hash = genesis_sha256(&genesis);
    for format in [Format::Json, Format::Yaml] {
        let valid = load(render(&bundle, format).as_bytes(), "g").unwrap();
        assert_eq!(valid.network.as_ref().unwrap().genesis_sha256, hash);
        let carried = valid.genesis.unwrap();
        assert_eq!(genesis_sha256(&carried), hash);
        // The same JSON value as the original.
        let value = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
        assert_eq!(value(&carried), value(&genesis));
    }
}

#[test]
fn a_bundle_starting_with_a_byte_order_mark_is_read() {
    let text = format!("\u{feff}{}", render(&org_a_bundle(), Format::Yaml));
    assert!(load(text.as_bytes(), "bom.yaml").is_ok());
    let json = format!("\u{feff}{}", render(&org_a_bundle(), Format::Json));
    assert!(load(json.as_bytes(), "bom.json").is_ok());
}

#[test]
fn the_genesis_hash_is_checked_against_a_generated_genesis_unless_the_bundle_pins_its_own() {
    let mut local = fresh_local(GENESIS_CHAIN_ID);
    local.generated_genesis_sha256 = Some("ab".repeat(32));
    let with_genesis = load(render(&org_a_bundle(), Format::Yaml).as_bytes(), "a").unwrap();
    assert!(plan_import(&with_genesis, &local, false).is_ok());
    let mut hash_only = org_a_bundle();
    hash_only.genesis = None;
    let valid = load(render(&hash_only, Format::Yaml).as_bytes(), "a").unwrap();
    let err = plan_import(&valid, &local, false).unwrap_err();
    assert_eq!(problem_paths(&err), ["network.genesisSha256"], "{err}");
    local.generated_genesis_sha256 = Some(genesis_sha256(&genesis()));
    assert!(plan_import(&valid, &local, false).is_ok());
}
