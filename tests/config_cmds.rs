//! `init` and `node add | ls | rm`, including lossless edits, invalid input and concurrency.

use std::fs;

use crate::common::{TestEnv, assert_golden, testdata};

#[test]
fn init_with_defaults_writes_the_golden_config_and_names_the_next_step() {
    let env = TestEnv::new();
    let run = env.run(&["init", "--yes"]);
    run.ok();
    assert_golden("cases/init/default.yaml", &env.read("qubernetes.yaml"));
    assert!(
        run.stderr().contains("next: qctl generate"),
        "{}",
        run.stderr()
    );
}

#[test]
fn init_flags_choose_consensus_count_prefix_and_namespace() {
    let env = TestEnv::new();
    env.run(&[
        "init",
        "--num",
        "3",
        "--consensus",
        "raft",
        "--chain-id",
        "4242",
        "--name-prefix",
        "orga",
        "--quorum-version",
        "22.7.1",
        "--tm",
        "none",
        "--namespace",
        "org-a",
    ])
    .ok();
    assert_golden("cases/init/raft-3-orga.yaml", &env.read("qubernetes.yaml"));
}

#[test]
fn init_never_overwrites_without_force() {
    let env = TestEnv::new();
    env.write("qubernetes.yaml", "# mine\n");
    let err = env.run(&["init", "--yes"]).invalid();
    assert!(err.contains("already exists; use --force"), "{err}");
    assert_eq!(env.read("qubernetes.yaml"), "# mine\n");
    env.run(&["init", "--yes", "--force", "--num", "2"]).ok();
    assert!(env.read("qubernetes.yaml").contains("quorum-node2"));
}

#[test]
fn init_then_node_add_lists_five_nodes_as_json() {
    let env = TestEnv::new();
    env.run(&["init", "--yes"]).ok();
    env.run(&["node", "add", "extra"]).ok();
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["node", "ls", "-o", "json"]).ok()).unwrap();
    let names: Vec<_> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "quorum-node1",
            "quorum-node2",
            "quorum-node3",
            "quorum-node4",
            "extra"
        ]
    );
    assert_eq!(json[4]["key_dir"], "key-extra");
    assert_eq!(json[4]["consensus"], "qbft");
}

#[test]
fn node_add_and_rm_keep_comments_unknown_keys_and_order() {
    let env = TestEnv::new();
    let original = fs::read_to_string(testdata("cases/node/commented.yaml")).unwrap();
    env.write("qubernetes.yaml", &original);

    env.run(&[
        "node",
        "add",
        "org-a-node3",
        "--geth-params",
        "--rpccorsdomain=\"*\"",
    ])
    .ok();
    let added = env.read("qubernetes.yaml");
    assert_golden("cases/node/commented-after-add.yaml", &added);
    // The diff is the new entry alone: cutting it out gives back the original.
    let start = added.find("  - Node_UserIdent: org-a-node3").unwrap();
    let end = added.find("\nexternal_nodes:").unwrap();
    assert_eq!(format!("{}{}", &added[..start], &added[end..]), original);

    env.run(&["node", "rm", "org-a-node3"]).ok();
    assert_eq!(
        env.read("qubernetes.yaml"),
        original,
        "add then rm restores the file byte for byte"
    );

    env.run(&["node", "rm", "org-a-node1"]).ok();
    assert_golden(
        "cases/node/commented-after-rm.yaml",
        &env.read("qubernetes.yaml"),
    );
}

#[test]
fn node_ls_table_and_yaml_show_local_and_external_nodes() {
    let env = TestEnv::new();
    env.write(
        "qubernetes.yaml",
        &fs::read_to_string(testdata("cases/node/commented.yaml")).unwrap(),
    );
    let table = env.run(&["node", "ls", "-o", "table"]).ok();
    assert!(
        table.contains("org-a-node1") && table.contains("external"),
        "{table}"
    );
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&env.run(&["node", "ls", "-o", "yaml"]).ok()).unwrap();
    let ext = &yaml[2];
    assert_eq!(ext["kind"], "external");
    assert_eq!(
        ext["tm_url"], "http://203.0.113.10:30853",
        "a scheme-less Tm_Url is read with http://"
    );
    assert_eq!(ext["address"], "0xd8Dba507e85F116b1f7e231cA8525fC9008A6966");
    assert_eq!(
        yaml[0]["quorum_version"], "2.10.0",
        "2.10 is read as a version, not the float 2.1"
    );
}

#[test]
fn every_qubernetes_example_config_loads() {
    let dir = testdata("config/qubernetes");
    let mut seen = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let env = TestEnv::new();
            let run = env.run(&["-c", path.to_str().unwrap(), "node", "ls", "-o", "json"]);
            assert_eq!(run.code(), 0, "{}: {}", path.display(), run.stderr());
            seen += 1;
        }
    }
    assert!(seen >= 8);
}

/// Each invalid input: the message names file, line and field; exit 2; the file is unchanged.
/// `base` with one external node whose entry ends with `extra`.
fn external(base: &str, extra: &str) -> String {
    format!(
        "{base}external_nodes:\n  - Node_UserIdent: orgb-node1\n    Enode_Url: enode://ac6b1096ca56b9f6d004b779ae3728bf83f8e22453404cc3cef16a3d9b96608bc67c4b30db88e0a5a6c6390213f7acbe1153ff6d23ce57380104288ae19373ef@198.51.100.7:30303?discport=0\n{extra}"
    )
}

#[test]
fn invalid_configs_are_refused_with_line_and_field_and_left_unchanged() {
    let base = fs::read_to_string(testdata("cases/init/default.yaml")).unwrap();
    let cases: &[(&str, String, &str)] = &[
        (
            "bad yaml",
            base.replace("  consensus: qbft\n", "  consensus: [qbft\n"),
            "qubernetes.yaml` line ",
        ),
        (
            "duplicate name",
            base.replace(
                "Node_UserIdent: quorum-node2",
                "Node_UserIdent: quorum-node1",
            ),
            "qubernetes.yaml:20: nodes[1].Node_UserIdent: `quorum-node1` is already used by nodes[0]",
        ),
        (
            "name not DNS-1123",
            base.replace(
                "Node_UserIdent: quorum-node3",
                "Node_UserIdent: Quorum_Node3",
            ),
            "qubernetes.yaml:31: nodes[2].Node_UserIdent: `Quorum_Node3` is not a DNS-1123 label",
        ),
        (
            "key dir escapes",
            base.replace("Key_Dir: key2", "Key_Dir: ../x"),
            "qubernetes.yaml:21: nodes[1].Key_Dir: `../x` is not a plain directory name",
        ),
        (
            "unknown consensus",
            base.replace("  consensus: qbft\n  Quorum", "  consensus: pow\n  Quorum"),
            "qubernetes.yaml:4: genesis.consensus: unknown consensus `pow`; expected one of qbft, istanbul, raft, clique",
        ),
        (
            "not a version",
            base.replace(
                "  Quorum_Version: \"24.4.1\"\n  Tm",
                "  Quorum_Version: 2.x\n  Tm",
            ),
            "qubernetes.yaml:5: genesis.Quorum_Version: `2.x` is not a version; expected a version such as `24.4.1`",
        ),
        (
            "not a Tessera key",
            external(
                &base,
                "    Tm_Url: http://198.51.100.7:9001\n    Tm_Public_Key: c2hvcnQ=\n",
            ),
            "external_nodes[0].Tm_Public_Key: expected a Tessera public key: the base64 of 32 bytes",
        ),
        (
            "a Tessera key without a Tessera",
            external(
                &base,
                "    Tm_Public_Key: BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=\n",
            ),
            "external_nodes[0].Tm_Public_Key: a Tessera key without `Tm_Url`",
        ),
    ];
    for (what, text, expected) in cases {
        let env = TestEnv::new();
        env.write("qubernetes.yaml", text);
        for args in [
            &["node", "ls"][..],
            &["node", "add", "new-node"],
            &["node", "rm", "quorum-node4"],
        ] {
            let err = env.run(args).invalid();
            assert!(
                err.contains(expected),
                "{what} / {args:?}: expected `{expected}` in:\n{err}"
            );
            assert_eq!(
                &env.read("qubernetes.yaml"),
                text,
                "{what}: the file must be unchanged"
            );
        }
    }
}

#[test]
fn version_2_10_is_newer_than_2_6() {
    use qctl::config::model::parse_version;
    assert!(parse_version("2.10").unwrap() > parse_version("2.6").unwrap());
    assert!(parse_version("21.7.1").unwrap() > parse_version("9.0").unwrap());
}

#[test]
fn node_commands_refuse_bad_requests_and_change_nothing() {
    let env = TestEnv::new();
    env.run(&["init", "--yes"]).ok();
    let before = env.read("qubernetes.yaml");
    let cases: &[(&[&str], &str)] = &[
        (
            &["node", "add", "quorum-node1"],
            "a node named `quorum-node1` already exists",
        ),
        (
            &["node", "add", "Node_5"],
            "`Node_5` is not a DNS-1123 label",
        ),
        (
            &["node", "add", "n5", "--key-dir", "../x"],
            "--key-dir `../x` is not a plain directory name",
        ),
        (
            &["node", "add", "n5", "--key-dir", "key1"],
            "key dir `key1` is already used by node `quorum-node1`",
        ),
        (
            &["node", "rm", "nope"],
            "no node named `nope`; nodes are: quorum-node1",
        ),
        (
            &["node", "rm", "quorum-node1", "--purge-keys"],
            "pass --yes to confirm",
        ),
    ];
    for (args, expected) in cases {
        let err = env.run(args).invalid();
        assert!(
            err.contains(expected),
            "{args:?}: expected `{expected}` in:\n{err}"
        );
        assert_eq!(env.read("qubernetes.yaml"), before);
    }
}

#[test]
fn missing_config_is_a_clear_usage_error() {
    let env = TestEnv::new();
    let err = env.run(&["node", "ls"]).invalid();
    assert!(
        err.contains(
            "error: config `qubernetes.yaml` not found\nhint: create one with `qctl init`"
        ),
        "{err}"
    );
}

#[test]
fn twenty_parallel_node_adds_lose_no_update() {
    let env = TestEnv::new();
    env.run(&["init", "--yes"]).ok();
    let children: Vec<_> = (0..20)
        .map(|i| {
            env.std_cmd()
                .args(["node", "add", &format!("par-{i}")])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["node", "ls", "-o", "json"]).ok()).unwrap();
    let mut names: Vec<_> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 24);
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 24);
}

#[test]
fn an_empty_nodes_list_is_filled_by_node_add_and_refused_by_generate() {
    let env = TestEnv::new();
    env.write(
        "qubernetes.yaml",
        "genesis:\n  consensus: qbft\nnodes: []  # none yet\n",
    );
    let err = env.run(&["generate"]).invalid();
    assert!(
        err.contains("has no nodes; add one with `qctl node add NAME`"),
        "{err}"
    );
    env.run(&["node", "add", "first"]).ok();
    let text = env.read("qubernetes.yaml");
    assert!(
        text.starts_with(
            "genesis:\n  consensus: qbft\nnodes:   # none yet\n  - Node_UserIdent: first\n"
        ),
        "{text}"
    );
}

#[test]
fn a_timeout_beyond_a_day_is_a_usage_error() {
    let env = TestEnv::new();
    let err = env
        .run(&["deploy", "--timeout", "999999999999999999h"])
        .invalid();
    assert!(err.contains("longer than the maximum of 24h"), "{err}");
}

#[test]
fn prometheus_is_on_when_present_unless_it_says_false() {
    use qctl::config::parse;
    let path = std::path::Path::new("q.yaml");
    let base = "genesis:\n  consensus: qbft\nnodes: []\n";
    for (extra, on) in [
        ("", false),
        ("prometheus:\n", true),
        ("prometheus:\n  enabled: true\n", true),
        ("prometheus:\n  nodePort_prom: 31323\n", true),
        ("prometheus:\n  enabled: false\n", false),
        ("prometheus: false\n", false),
        ("prometheus: true\n", true),
    ] {
        assert_eq!(
            parse(path, &format!("{base}{extra}")).unwrap().prometheus,
            on,
            "{extra:?}"
        );
    }
}

#[test]
fn a_comment_on_an_empty_list_key_survives_the_first_entry() {
    let env = TestEnv::new();
    env.write(
        "qubernetes.yaml",
        "genesis:\n  consensus: qbft\nnodes:   # filled by qctl\n",
    );
    env.run(&["node", "add", "first"]).ok();
    assert!(
        env.read("qubernetes.yaml")
            .contains("nodes:   # filled by qctl\n  - Node_UserIdent: first\n")
    );
}
