//! Every exit code and example of `docs/exit-codes.md`, end to end with the real binary: 0 for
//! success, 1 for runtime failures, 2 for bad usage and invalid input. A new row in that table
//! gets a test here.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use crate::common::{TestEnv, copy_dir, testdata};
use crate::support::apiserver::ApiServer;

/// The four 7nodes validators with their published keys: generate runs without key generation.
fn seven_nodes() -> TestEnv {
    let env = TestEnv::new();
    let config = fs::read_to_string(testdata("cases/generate/7nodes-istanbul.yaml")).unwrap();
    env.write("qubernetes.yaml", &config);
    copy_dir(&testdata("keys/7nodes"), &env.path("keys"));
    env
}

/// Replaces the first occurrence of `from` in the env's config.
fn edit_config(env: &TestEnv, from: &str, to: &str) {
    let text = env.read("qubernetes.yaml");
    assert!(text.contains(from), "`{from}` is not in the config");
    env.write("qubernetes.yaml", &text.replacen(from, to, 1));
}

// ---------------------------------------------------------------------------------------------
// 0: success

#[test]
fn help_version_and_a_successful_command_exit_0() {
    let env = seven_nodes();
    env.run(&["--help"]).ok();
    env.run(&["--version"]).ok();
    env.run(&["generate", "--help"]).ok();
    env.run(&["node", "ls", "-o", "json"]).ok();
}

// ---------------------------------------------------------------------------------------------
// 1: runtime failures

#[test]
fn an_unreachable_cluster_exits_1() {
    let env = seven_nodes();
    env.run(&["generate"]).ok();
    // No kubeconfig at all is a failure to find the cluster, not bad input.
    let stderr = env.run(&["status"]).failed();
    assert!(stderr.contains("no kubeconfig found"), "{stderr}");
}

#[test]
fn an_api_server_error_exits_1() {
    let api = ApiServer::start();
    let env = seven_nodes();
    env.run(&["generate"]).ok();
    // Every write refused: each object's failure is listed with the server's answer.
    api.fail_next(100, 403);
    let stderr = env.run_on(&api, &["deploy"]).failed();
    assert!(stderr.contains("object(s) failed:"), "{stderr}");
    assert!(stderr.contains("403"), "{stderr}");
}

#[test]
fn a_wait_that_times_out_exits_1() {
    let api = ApiServer::start();
    api.set_auto_ready(false);
    let env = seven_nodes();
    env.run(&["generate"]).ok();
    let stderr = env
        .run_on(
            &api,
            &["deploy", "--wait", "--wait-for", "pods", "--timeout", "1s"],
        )
        .failed();
    assert!(stderr.contains("not ready after 1s"), "{stderr}");
}

#[test]
fn a_file_that_cannot_be_written_exits_1() {
    // Runs as an unprivileged user when the tests run as root, so the mode is enforced.
    let env = TestEnv::unprivileged();
    fs::create_dir_all(env.path("ro")).unwrap();
    fs::set_permissions(env.path("ro"), fs::Permissions::from_mode(0o555)).unwrap();
    let stderr = env
        .run(&["init", "--yes", "-c", "ro/qubernetes.yaml"])
        .failed();
    assert!(stderr.contains("ro/qubernetes.yaml"), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// 2: bad usage and invalid input

#[test]
fn an_unknown_flag_exits_2() {
    let env = TestEnv::new();
    env.run(&["generate", "--no-such-flag"]).invalid();
}

#[test]
fn an_invalid_config_exits_2_with_the_line_and_field() {
    let env = seven_nodes();
    edit_config(&env, "Key_Dir: key2", "Key_Dir: ../x");
    let stderr = env.run(&["generate"]).invalid();
    assert!(
        stderr.contains("qubernetes.yaml:25: nodes[1].Key_Dir:"),
        "{stderr}"
    );
}

#[test]
fn a_duplicate_node_name_exits_2() {
    let env = seven_nodes();
    let stderr = env.run(&["node", "add", "quorum-node1"]).invalid();
    assert!(stderr.contains("already exists"), "{stderr}");
}

#[test]
fn a_node_named_quorum_monitor_with_monitoring_on_exits_2() {
    let env = seven_nodes();
    edit_config(
        &env,
        "Node_UserIdent: quorum-node2",
        "Node_UserIdent: quorum-monitor",
    );
    env.run(&["generate", "-q"]).ok();
    let stderr = env.run(&["monitor", "add"]).invalid();
    assert!(
        stderr.contains("qubernetes.yaml:24: nodes[1].Node_UserIdent: `quorum-monitor`"),
        "{stderr}"
    );
}

#[test]
fn an_invalid_join_bundle_exits_2() {
    let env = seven_nodes();
    env.write("bundle.yaml", "apiVersion: qctl/v9\n");
    env.run(&["add-external", "bundle.yaml"]).invalid();
}

#[test]
fn a_confirmation_without_a_terminal_or_yes_exits_2() {
    let env = seven_nodes();
    env.run(&["generate"]).ok();
    let stderr = env.run(&["generate", "--recreate"]).invalid();
    assert!(stderr.contains("pass --yes"), "{stderr}");
}

#[test]
fn a_node_whose_consensus_differs_from_the_network_exits_2() {
    let env = seven_nodes();
    edit_config(
        &env,
        "consensus: istanbul\n        Quorum",
        "consensus: raft\n        Quorum",
    );
    let stderr = env.run(&["generate"]).invalid();
    assert!(
        stderr.contains("runs raft but the network runs istanbul"),
        "{stderr}"
    );
}

#[test]
fn geth_parameters_that_do_not_split_into_arguments_exit_2() {
    let env = seven_nodes();
    edit_config(
        &env,
        "Geth_Startup_Params: ''",
        "Geth_Startup_Params: '--verbosity \"5'",
    );
    let stderr = env.run(&["generate"]).invalid();
    assert!(
        stderr.contains("cannot be split into arguments"),
        "{stderr}"
    );
}

#[test]
fn a_config_without_nodes_exits_2() {
    let env = seven_nodes();
    let text = env.read("qubernetes.yaml");
    let nodes = text.find("nodes:\n").unwrap();
    env.write("qubernetes.yaml", &format!("{}nodes: []\n", &text[..nodes]));
    let stderr = env.run(&["generate"]).invalid();
    assert!(stderr.contains("has no nodes"), "{stderr}");
}

#[test]
fn a_goquorum_older_than_generate_supports_exits_2_and_writes_nothing() {
    let env = seven_nodes();
    let text = env.read("qubernetes.yaml");
    env.write(
        "qubernetes.yaml",
        &text.replace("Quorum_Version: 24.4.1", "Quorum_Version: 2.7.0"),
    );
    let stderr = env.run(&["generate"]).invalid();
    assert!(stderr.contains("older than 21.7.0"), "{stderr}");
    assert!(!env.path("out").exists());
}

#[test]
fn a_kubeconfig_flag_naming_no_file_exits_2() {
    let env = seven_nodes();
    let stderr = env.run(&["--kubeconfig", "gone.yaml", "status"]).invalid();
    assert!(
        stderr.contains("--kubeconfig `gone.yaml`: no such file"),
        "{stderr}"
    );
}
