//! `--help` of every command, and the committed completion scripts, are snapshots.

use crate::common::{TestEnv, assert_golden};

/// Every command of the clap tree as its path of subcommand names (`[]` is `qctl` itself), so a
/// new command gets a help snapshot without being listed anywhere.
fn commands() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&qctl::cli::command(), &mut Vec::new(), &mut out);
    out
}

#[test]
fn help_of_every_command_matches_its_snapshot() {
    let env = TestEnv::new();
    for cmd in commands() {
        let mut args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        args.push("--help");
        let out = env.run(&args).ok();
        let name = if cmd.is_empty() {
            "qctl".to_string()
        } else {
            cmd.join("-")
        };
        assert_golden(&format!("help/{name}.txt"), &out);
    }
}

#[test]
fn committed_completion_scripts_are_current() {
    use clap::ValueEnum;
    use qctl::cli::{Shell, render_completions};
    for shell in Shell::value_variants() {
        assert_generated_document(
            &format!("completions/{}", shell.file_name()),
            &render_completions(*shell),
        );
    }
    let bash = TestEnv::new().run(&["completions", "bash"]).ok();
    assert!(bash.contains("export-external") && bash.contains("--purge-keys"));
}

/// A document generated from the clap tree, committed at `rel`: compared, or rewritten with
/// `QCTL_BLESS`.
fn assert_generated_document(rel: &str, fresh: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    if std::env::var_os("QCTL_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{rel} is stale; run `QCTL_BLESS=1 cargo test` and commit it"
    );
}

#[test]
fn committed_reference_and_man_page_are_current() {
    let reference = qctl::cli::markdown_reference();
    for cmd in commands() {
        let heading = format!(
            "`{}`",
            ["qctl".to_string()]
                .iter()
                .chain(&cmd)
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert!(
            reference.contains(&heading),
            "{heading} is not in the reference"
        );
    }
    assert_generated_document("docs/cli-reference.md", &reference);
    assert_generated_document("docs/man/qctl.1", &qctl::cli::man_page());
}
