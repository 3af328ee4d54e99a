//! Every command that talks to the cluster is bounded in time: a server that answers the
//! reachability probe and then goes silent fails the command within `--request-timeout`,
//! naming the server and the request.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use crate::common::TestEnv;

/// A server that answers `GET /version` like an API server and never answers anything else.
fn silent_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || serve(stream));
        }
    });
    url
}

fn serve(stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                break;
            }
        }
        if !request_line.starts_with("GET /version ") {
            // Accepted, read, and never answered; the socket stays open.
            std::thread::sleep(Duration::from_secs(120));
            return;
        }
        let body = r#"{"major":"1","minor":"36","gitVersion":"v1.36.3","platform":"linux/amd64"}"#;
        let _ = write!(
            writer,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
    }
}

fn kubeconfig(env: &TestEnv, server: &str) -> std::path::PathBuf {
    let path = env.dir.path().join("silent-kubeconfig");
    std::fs::write(
        &path,
        format!(
            "apiVersion: v1\nkind: Config\ncurrent-context: silent\n\
             clusters:\n- name: silent\n  cluster:\n    server: {server}\n\
             contexts:\n- name: silent\n  context:\n    cluster: silent\n    user: silent\n\
             users:\n- name: silent\n  user: {{}}\n"
        ),
    )
    .unwrap();
    path
}

#[test]
fn a_server_that_goes_silent_fails_each_command_within_the_request_timeout() {
    let env = TestEnv::new();
    env.run(&["init", "--yes", "--num", "1"]).ok();
    env.run(&["generate", "-q"]).ok();
    let server = silent_server();
    let kubeconfig = kubeconfig(&env, &server);
    for args in [
        &["status", "-o", "json"][..],
        &["deploy"],
        &["deploy", "--dry-run"],
        &["deploy", "--wait", "--wait-for", "pods", "--timeout", "5s"],
        &["export-external"],
        &["destroy", "--yes"],
    ] {
        let mut args = args.to_vec();
        args.extend(["--request-timeout", "2s"]);
        let started = Instant::now();
        let run = env.run_env(&args, &[("KUBECONFIG", kubeconfig.as_os_str())]);
        let took = started.elapsed();
        let stderr = run.failed();
        assert!(took < Duration::from_secs(15), "{args:?} took {took:?}");
        assert!(stderr.contains(&server), "{args:?}: {stderr}");
        assert!(stderr.contains("no answer within 2s"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_request_timeout_of_zero_is_refused() {
    let env = TestEnv::new();
    let stderr = env.run(&["status", "--request-timeout", "0s"]).invalid();
    assert!(stderr.contains("at least 1s"), "{stderr}");
}
