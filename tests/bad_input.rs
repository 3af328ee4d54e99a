//! Bad input end to end, table-driven: each case edits a valid config or passes bad flags or
//! cluster arguments, and asserts the exit code, the message, and that no file changed.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{TestEnv, files_under};
use crate::support::apiserver::ApiServer;

/// A config with every map the reader knows, one level each.
const BASE: &str = "\
genesis:
  consensus: qbft
  Quorum_Version: 24.4.1
  Tm_Version: 24.4.2
  Chain_Id: 1000
config:
  Key_Dir_Base: keys
k8s:
  namespace: bad-input
  service:
    type: ClusterIP
  storage:
    Capacity: 1Gi
nodes:
  - Node_UserIdent: quorum-node1
    Key_Dir: key-quorum-node1
    quorum:
      quorum:
        consensus: qbft
        Quorum_Version: 24.4.1
      tm:
        Name: tessera
        Tm_Version: 24.4.2
    geth:
      Geth_Startup_Params: ''
external_nodes:
  - Node_UserIdent: other-node1
    Enode_Url: enode://ac6b1096ca56b9f6d004b779ae3728bf83f8e22453404cc3cef16a3d9b96608bc67c4b30db88e0a5a6c6390213f7acbe1153ff6d23ce57380104288ae19373ef@node1.other.example:30303?discport=0
";

/// Every file under the env's dir and its content.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|rel| {
            let bytes = std::fs::read(dir.join(&rel)).unwrap();
            (rel.display().to_string(), bytes)
        })
        .collect()
}

struct Case {
    /// `from` → `to` in the base config (first occurrence); empty `from` keeps it.
    edit: (&'static str, &'static str),
    args: &'static [&'static str],
    code: i32,
    /// Each must be in stderr.
    says: &'static [&'static str],
}

const fn case(
    edit: (&'static str, &'static str),
    args: &'static [&'static str],
    code: i32,
    says: &'static [&'static str],
) -> Case {
    Case {
        edit,
        args,
        code,
        says,
    }
}

const LS: &[&str] = &["node", "ls", "-o", "json"];
const NONE: (&str, &str) = ("", "");

/// Near misses of a known key: an error at every level, with the line and the right key.
const NEAR_MISSES: &[Case] = &[
    case(
        ("Chain_Id: 1000", "Chain_ID: 1000"),
        LS,
        2,
        &["qubernetes.yaml:5: genesis.Chain_ID: unknown key; did you mean `Chain_Id`?"],
    ),
    case(
        ("Chain_Id: 1000", "Chain_Idd: 1000"),
        LS,
        2,
        &["genesis.Chain_Idd: unknown key; did you mean `Chain_Id`?"],
    ),
    case(
        ("    Key_Dir: key", "    Key_dir: key"),
        LS,
        2,
        &["qubernetes.yaml:16: nodes[0].Key_dir: unknown key; did you mean `Key_Dir`?"],
    ),
    case(
        ("        Quorum_Version: 24", "        Quorum_version: 24"),
        LS,
        2,
        &["nodes[0].quorum.quorum.Quorum_version: unknown key; did you mean `Quorum_Version`?"],
    ),
    case(
        ("        Tm_Version: 24", "        TmVersion: 24"),
        LS,
        2,
        &["nodes[0].quorum.tm.TmVersion: unknown key; did you mean `Tm_Version`?"],
    ),
    case(
        ("Geth_Startup_Params", "Geth_Startup_Param"),
        LS,
        2,
        &["nodes[0].geth.Geth_Startup_Param: unknown key; did you mean `Geth_Startup_Params`?"],
    ),
    case(
        ("  namespace: bad", "  Namespace: bad"),
        LS,
        2,
        &["qubernetes.yaml:9: k8s.Namespace: unknown key; did you mean `namespace`?"],
    ),
    case(
        ("    type: ClusterIP", "    tpye: ClusterIP"),
        LS,
        2,
        &["k8s.service.tpye: unknown key; did you mean `type`?"],
    ),
    case(
        ("Key_Dir_Base", "Key_Dir_base"),
        LS,
        2,
        &["qubernetes.yaml:7: config.Key_Dir_base: unknown key; did you mean `Key_Dir_Base`?"],
    ),
    case(
        ("    Enode_Url", "    Enode_URL"),
        LS,
        2,
        &["external_nodes[0].Enode_URL: unknown key; did you mean `Enode_Url`?"],
    ),
    case(
        ("genesis:", "Genesis:"),
        LS,
        2,
        &["Genesis: unknown key; did you mean `genesis`?"],
    ),
    case(
        ("    Capacity: 1Gi", "    capacity: 1Gi"),
        LS,
        2,
        &["k8s.storage.capacity: unknown key; did you mean `Capacity`?"],
    ),
];

/// Other unknown keys: kept with a warning, errors with `--strict` or `config.strict: true`.
const UNKNOWN: &[Case] = &[
    case(
        ("Chain_Id: 1000", "Chain_Id: 1000\n  sealer: x"),
        &["--strict", "node", "ls", "-o", "json"],
        2,
        &["qubernetes.yaml:6: genesis.sealer: unknown key (known here:"],
    ),
    case(
        ("    Key_Dir: key", "    owner: ops\n    Key_Dir: key"),
        &["--strict", "node", "ls", "-o", "json"],
        2,
        &["nodes[0].owner: unknown key"],
    ),
    case(
        ("      tm:\n", "      tm:\n        port: 9000\n"),
        &["node", "ls", "--strict"],
        2,
        &["nodes[0].quorum.tm.port: unknown key"],
    ),
    case(
        (
            "      quorum:\n        consensus",
            "      quorum:\n        mining: on\n        consensus",
        ),
        &["node", "ls", "--strict"],
        2,
        &["nodes[0].quorum.quorum.mining: unknown key"],
    ),
    case(
        ("    geth:\n", "    geth:\n      network_id: 4\n"),
        &["node", "ls", "--strict"],
        2,
        &["nodes[0].geth.network_id: unknown key"],
    ),
    case(
        (
            "  namespace: bad-input",
            "  namespace: bad-input\n  sep_deployment_files: true",
        ),
        &["node", "ls", "--strict"],
        2,
        &["k8s.sep_deployment_files: unknown key"],
    ),
    case(
        // A key whose value is a block is named on its own line, not its first child's.
        (
            "  namespace: bad-input",
            "  namespace: bad-input\n  extras:\n    owner: ops",
        ),
        &["node", "ls", "--strict"],
        2,
        &["qubernetes.yaml:10: k8s.extras: unknown key"],
    ),
    case(
        (
            "    type: ClusterIP",
            "    type: ClusterIP\n    nodePort_ws: 30001",
        ),
        &["node", "ls", "--strict"],
        2,
        &["k8s.service.nodePort_ws: unknown key"],
    ),
    case(
        (
            "  Key_Dir_Base: keys",
            "  Key_Dir_Base: keys\n  strict: true\n  Tessera_Config_Dir: out",
        ),
        LS,
        2,
        &["config.Tessera_Config_Dir: unknown key"],
    ),
    case(
        ("    Enode_Url", "    org: other\n    Enode_Url"),
        &["node", "ls", "--strict"],
        2,
        &["external_nodes[0].org: unknown key"],
    ),
    case(
        ("genesis:", "cakeshop: latest\ngenesis:"),
        &["node", "ls", "--strict"],
        2,
        &["qubernetes.yaml:1: cakeshop: unknown key"],
    ),
    // A key that echoes a terminal escape is printed escaped.
    case(
        ("genesis:", "\"x\\e[2J\": 1\ngenesis:"),
        &["node", "ls", "--strict"],
        2,
        &["x\\u{1b}[2J: unknown key"],
    ),
];

/// Flags and cluster arguments.
const ARGS: &[Case] = &[
    case(
        NONE,
        &["node", "ls", "-o", "xml"],
        2,
        &["invalid value 'xml'"],
    ),
    case(
        NONE,
        &["node", "rm", "no-such-node", "--yes"],
        2,
        &["no-such-node"],
    ),
    case(NONE, &["node", "add", "Bad_Name"], 2, &["Bad_Name"]),
    case(NONE, &["node", "add", "quorum-node1"], 2, &["quorum-node1"]),
    case(NONE, &["node", "add", "other-node1"], 2, &["other-node1"]),
    case(NONE, &["init", "--num", "0", "--force"], 2, &["--num"]),
    case(NONE, &["init", "--num", "1001", "--force"], 2, &["--num"]),
    case(
        NONE,
        &["init", "--chain-id", "0", "--force"],
        2,
        &["--chain-id"],
    ),
    case(
        NONE,
        &["init", "--name-prefix", "Bad_Prefix", "--force"],
        2,
        &["Bad_Prefix"],
    ),
    case(
        NONE,
        &["init", "--consensus", "pow", "--force"],
        2,
        &["invalid value 'pow'"],
    ),
    case(NONE, &["init"], 2, &["already exists"]),
    case(NONE, &["status", "--namespace", "Bad_NS"], 2, &["Bad_NS"]),
    case(
        NONE,
        &["status", "--namespace", "other"],
        2,
        &["`other` differs from k8s.namespace"],
    ),
    case(NONE, &["deploy"], 2, &["run `qctl generate` first"]),
    case(
        NONE,
        &["status", "--kubeconfig", "nowhere.yaml"],
        2,
        &["--kubeconfig `nowhere.yaml`: no such file", "KUBECONFIG"],
    ),
    case(
        NONE,
        &["node", "stop", "quorum-node1", "--kubeconfig", "."],
        2,
        &["--kubeconfig `.`: not a file"],
    ),
    case(NONE, &["status", "-o", "xml"], 2, &["invalid value 'xml'"]),
    case(NONE, &["frobnicate"], 2, &["unrecognized subcommand"]),
    case(
        NONE,
        &["--config", "missing.yaml", "node", "ls"],
        2,
        &["missing.yaml` not found"],
    ),
    case(("genesis:\n", "genesis: [\n"), LS, 2, &["qubernetes.yaml"]),
    case(
        ("consensus: qbft", "consensus: pow"),
        LS,
        2,
        &["genesis.consensus"],
    ),
    case(
        ("Chain_Id: 1000", "Chain_Id: -1"),
        LS,
        2,
        &["genesis.Chain_Id"],
    ),
    // A value that holds a terminal escape is echoed escaped.
    case(
        ("consensus: qbft", "consensus: \"po\\e[2Jw\""),
        LS,
        2,
        &["unknown consensus `po\\u{1b}[2Jw`"],
    ),
];

/// The original qctl's commands and flags name their replacement instead of clap's guess.
const ORIGINAL: &[Case] = &[
    case(
        NONE,
        &["generate", "network", "--create"],
        2,
        &[
            "`--create` is a flag of the original qctl",
            "`qctl generate`",
        ],
    ),
    case(
        NONE,
        &["deploy", "network"],
        2,
        &["`qctl deploy network` is a command of the original qctl; use `qctl deploy`"],
    ),
    case(NONE, &["delete", "network"], 2, &["use `qctl destroy`"]),
    case(
        NONE,
        &["generate", "--k8sdir", "out"],
        2,
        &["`--k8sdir`", "`--out PATH`"],
    ),
    case(NONE, &["generate", "--k8sdir=out"], 2, &["`--out PATH`"]),
    case(
        NONE,
        &["init", "--qversion", "21.7.1", "--force"],
        2,
        &["`--quorum-version VERSION`"],
    ),
    case(
        NONE,
        &["init", "--chainid", "10", "--force"],
        2,
        &["`--chain-id ID`"],
    ),
    case(
        NONE,
        &["init", "--tmversion", "21.7.2", "--force"],
        2,
        &["`--tm-version VERSION`"],
    ),
    case(NONE, &["status", "--ns", "x"], 2, &["`--namespace NS`"]),
    case(
        NONE,
        &["node", "add", "n5", "--gethparams", "x"],
        2,
        &["`--geth-params FLAGS`"],
    ),
    case(
        NONE,
        &["node", "add", "n5", "--keydir", "k"],
        2,
        &["`--key-dir DIR`"],
    ),
    case(
        NONE,
        &["add", "node", "n5"],
        2,
        &["use `qctl node add NAME`"],
    ),
    case(NONE, &["ls", "node"], 2, &["`qctl node ls`"]),
];

fn run_cases(cases: &[Case]) {
    let mut failures = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let env = TestEnv::new();
        let config = if c.edit.0.is_empty() {
            BASE.to_string()
        } else {
            assert!(
                BASE.contains(c.edit.0),
                "case {i}: `{}` not in BASE",
                c.edit.0
            );
            BASE.replacen(c.edit.0, c.edit.1, 1)
        };
        env.write("qubernetes.yaml", &config);
        let before = snapshot(env.dir.path());
        let run = env.run(c.args);
        let stderr = run.stderr();
        let mut wrong = Vec::new();
        if run.code() != c.code {
            wrong.push(format!("exit {} instead of {}", run.code(), c.code));
        }
        for s in c.says {
            if !stderr.contains(s) {
                wrong.push(format!("stderr lacks `{s}`"));
            }
        }
        if snapshot(env.dir.path()) != before {
            wrong.push("files changed".into());
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "case {i} {:?}: {}\n{stderr}",
                c.args,
                wrong.join("; ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn near_misses_of_known_keys_are_errors_at_every_level() {
    run_cases(NEAR_MISSES);
}

#[test]
fn other_unknown_keys_are_errors_when_strict() {
    run_cases(UNKNOWN);
}

#[test]
fn bad_flags_and_cluster_arguments_exit_2_and_change_nothing() {
    run_cases(ARGS);
}

#[test]
fn the_original_commands_and_flags_name_their_replacement() {
    run_cases(ORIGINAL);
    let env = TestEnv::new();
    let stderr = env.run(&["init", "--qversion", "21.7.1"]).invalid();
    assert!(!stderr.contains("--version"), "{stderr}");
}

/// A warning is not data: `-q` silences the config's warnings; without it, the original qctl's
/// Cakeshop section is named with what qctl does with it.
#[test]
fn config_warnings_name_the_cakeshop_key_and_are_silent_under_quiet() {
    let env = TestEnv::new();
    let config = format!(
        // As the original `qctl init --cakeshop` wrote it.
        "cakeshop: {{version: latest, service: {{}}}}\n{}",
        BASE.replacen("Chain_Id: 1000", "Chain_Id: 1000\n  sealer: x", 1)
    );
    env.write("qubernetes.yaml", &config);
    let run = env.run(&["node", "ls", "-o", "json"]);
    run.ok();
    for expected in [
        "warning: qubernetes.yaml:1: cakeshop: unknown key: qctl does not deploy Cakeshop",
        "warning: qubernetes.yaml:7: genesis.sealer: unknown key",
    ] {
        assert!(run.stderr().contains(expected), "{}", run.stderr());
    }
    for quiet in [
        &["-q", "node", "ls", "-o", "json"][..],
        &["node", "add", "n2", "--quiet"],
    ] {
        let run = env.run(quiet);
        let stdout = run.ok();
        assert!(run.stderr().is_empty(), "{quiet:?}: {}", run.stderr());
        if quiet[1] == "node" {
            assert!(
                stdout.contains("quorum-node1"),
                "data is still printed: {stdout}"
            );
        }
    }
}

#[test]
fn other_unknown_keys_are_kept_with_one_warning_each() {
    let env = TestEnv::new();
    let config = BASE
        .replacen("Chain_Id: 1000", "Chain_Id: 1000\n  sealer: x", 1)
        .replacen("    geth:\n", "    geth:\n      network_id: 4\n", 1);
    env.write("qubernetes.yaml", &config);
    let run = env.run(&["node", "add", "quorum-node2"]);
    run.ok();
    let stderr = run.stderr();
    for key in ["genesis.sealer", "nodes[0].geth.network_id"] {
        assert_eq!(
            stderr.matches(&format!("{key}: unknown key")).count(),
            1,
            "{stderr}"
        );
        assert!(stderr.contains("warning: qubernetes.yaml:"), "{stderr}");
    }
    let after = env.read("qubernetes.yaml");
    assert!(
        after.contains("  sealer: x\n") && after.contains("network_id: 4"),
        "{after}"
    );
}

#[test]
fn kubeconfig_flag_beats_the_env_and_status_says_where_the_namespace_came_from() {
    let api = ApiServer::start();
    let env = TestEnv::new();
    env.write("qubernetes.yaml", BASE);
    let kubeconfig = api.kubeconfig(env.dir.path());
    let kubeconfig = kubeconfig.to_str().unwrap();
    let run = env.run(&["--kubeconfig", kubeconfig, "status", "-o", "json"]);
    run.ok();
    assert!(
        run.stderr()
            .contains("namespace `bad-input` (from k8s.namespace in `qubernetes.yaml`)"),
        "{}",
        run.stderr()
    );
    let run = env.run(&["-q", "--kubeconfig", kubeconfig, "status", "-o", "json"]);
    run.ok();
    assert!(run.stderr().is_empty(), "{}", run.stderr());
}

/// clap colours on a terminal unless told not to: `--no-color`, or `NO_COLOR` with any
/// non-empty value (`NO_COLOR=0` included).
#[test]
fn no_color_with_any_non_empty_value_turns_colour_off_in_usage_errors() {
    let bin = assert_cmd::cargo::cargo_bin("qctl");
    let env = TestEnv::new();
    let run = |no_color: Option<&str>, flag: &str| {
        // `script` gives qctl a pseudo-terminal, where clap would colour.
        let line = format!("{} {flag} --frobnicate 2>&1", bin.display());
        let mut cmd = std::process::Command::new("script");
        cmd.current_dir(env.dir.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", env.dir.path())
            .env("TERM", "xterm");
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let out = cmd.args(["-qec", &line, "/dev/null"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let coloured = run(None, "");
    assert!(coloured.contains("\x1b["), "{coloured:?}");
    for (value, flag) in [(Some("0"), ""), (Some("1"), ""), (None, "--no-color")] {
        let text = run(value, flag);
        assert!(text.contains("--frobnicate"), "{text:?}");
        assert!(
            !text.contains("\x1b["),
            "NO_COLOR={value:?} {flag}: {text:?}"
        );
    }
}
