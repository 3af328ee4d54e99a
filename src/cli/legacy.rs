//! The commands and flags of the original qctl, recognised when clap refuses a command line so
//! the error names the new form (clap alone would suggest `--version` for `--qversion`).
//! `docs/migrating.md` lists the same mapping for people.

/// Original commands (their first words) and what replaces them.
const COMMANDS: &[(&[&str], &str)] = &[
    (
        &["generate", "network"],
        "`qctl generate` (it creates or updates out/)",
    ),
    (&["deploy", "network"], "`qctl deploy`"),
    (&["delete", "network"], "`qctl destroy`"),
    (&["destroy", "network"], "`qctl destroy`"),
    (
        &["delete", "node"],
        "`qctl node rm NAME`, then `qctl generate` and `qctl deploy`",
    ),
    (&["delete", "external-node"], "`qctl external rm NAME`"),
    (&["delete", "extnode"], "`qctl external rm NAME`"),
    (&["delete", "extnodes"], "`qctl external rm NAME`"),
    (&["add", "node"], "`qctl node add NAME`"),
    (
        &["add", "external-node"],
        "`qctl add-external BUNDLE` (a bundle from `qctl export-external`)",
    ),
    (&["add", "extnode"], "`qctl add-external BUNDLE`"),
    (
        &["add", "monitor"],
        "`qctl monitor add`, then `qctl generate` and `qctl deploy`",
    ),
    (
        &["delete", "monitor"],
        "`qctl monitor rm`, then `qctl generate` and `qctl deploy`",
    ),
    (&["update", "node"], "`qctl node update NAME`"),
    (
        &["stop", "node"],
        "`qctl node stop NAME` (and `qctl node start NAME`)",
    ),
    (&["ls", "url"], "`qctl status --endpoints`"),
    (&["ls", "urls"], "`qctl status --endpoints`"),
    (&["ls", "external-node"], "`qctl external ls`"),
    (&["ls", "extnode"], "`qctl external ls`"),
    (&["ls", "extnodes"], "`qctl external ls`"),
    (&["list"], "`qctl node ls` or `qctl status`"),
    (&["ls"], "`qctl node ls` or `qctl status`"),
    (&["get"], "`qctl node ls` or `qctl status`"),
    (&["delete"], "`qctl destroy` or `qctl node rm NAME`"),
    (
        &["add"],
        "`qctl node add NAME` or `qctl add-external BUNDLE`",
    ),
    (&["log"], "`qctl logs NODE`"),
    (
        &["test", "accepttest"],
        "nothing: qctl runs no acceptance suite; `qctl test contract NODE` checks a running network",
    ),
    (&["test", "contracts"], "`qctl test contract NODE`"),
];

/// Original flags and what replaces them.
const FLAGS: &[(&str, &str)] = &[
    ("--k8sdir", "`--out PATH` (env QUBE_K8S_DIR)"),
    ("--qversion", "`--quorum-version VERSION`"),
    ("--qv", "`--quorum-version VERSION`"),
    ("--tmversion", "`--tm-version VERSION`"),
    ("--tmv", "`--tm-version VERSION`"),
    ("--chainid", "`--chain-id ID`"),
    ("--ns", "`--namespace NS` (`-n NS`)"),
    ("--qimagefull", "`--quorum-image IMAGE`"),
    ("--tmimagefull", "`--tm-image IMAGE`"),
    ("--gethparams", "`--geth-params FLAGS`"),
    ("--gp", "`--geth-params FLAGS`"),
    ("--keydir", "`--key-dir DIR`"),
    (
        "--testqbftblock",
        "`Test_QBFT_Block` under `genesis:` in qubernetes.yaml",
    ),
    ("--monitor", "`qctl monitor add` before `qctl generate`"),
    ("--monit", "`qctl monitor add` before `qctl generate`"),
    ("--ingress", "`k8s.service.Ingress` in qubernetes.yaml"),
    ("--cakeshop", "nothing: qctl does not deploy Cakeshop"),
    ("--cake", "nothing: qctl does not deploy Cakeshop"),
    (
        "--create",
        "nothing: `qctl generate` creates or updates out/",
    ),
    (
        "--update",
        "nothing: `qctl generate` creates or updates out/",
    ),
    ("--qubecontainer", "nothing: qctl generates without Docker"),
    ("--qcontainer", "nothing: qctl generates without Docker"),
    ("--container", "nothing: qctl generates without Docker"),
    (
        "--enode",
        "`qctl add-external BUNDLE` or `Enode_Url` in external_nodes",
    ),
    (
        "--enodeurl",
        "`qctl add-external BUNDLE` or `Enode_Url` in external_nodes",
    ),
    (
        "--tmurl",
        "`qctl add-external BUNDLE` or `Tm_Url` in external_nodes",
    ),
    (
        "--nodekeyaddr",
        "`qctl add-external BUNDLE` or `Node_Acct_Addr` in external_nodes",
    ),
    ("--asexternal", "`qctl export-external`"),
    ("--asext", "`qctl export-external`"),
    ("--bare", "`-o json` or `-o yaml`"),
    (
        "--both",
        "nothing: `qctl test contract` tests both by default",
    ),
    ("--priv", "`--private`"),
    ("--pub", "`--public`"),
];

/// The first original command or flag in `args` (without the program name), as an error
/// message naming its replacement.
pub fn explain(args: &[String]) -> Option<String> {
    let mut words = Vec::new();
    for arg in args {
        if arg == "--" {
            break;
        }
        let flag = arg.split('=').next().unwrap_or(arg);
        if let Some((old, new)) = FLAGS.iter().find(|(old, _)| *old == flag) {
            return Some(format!(
                "`{old}` is a flag of the original qctl; use {new} (see docs/migrating.md)"
            ));
        }
        if !arg.starts_with('-') {
            words.push(arg.as_str());
        }
    }
    // The original's `connect POD CONTAINER`: here the container is a flag.
    let container_flag = args.iter().any(|a| a.starts_with("--container"));
    if let ["connect", _, container, ..] = words[..]
        && !container_flag
    {
        return Some(format!(
            "`qctl connect POD {}` is the original qctl's form; use `qctl connect NODE --container {}` (see docs/migrating.md)",
            crate::text::sanitize(container),
            crate::text::sanitize(container)
        ));
    }
    COMMANDS
        .iter()
        .find(|(old, _)| words.len() >= old.len() && words[..old.len()] == **old)
        .map(|(old, new)| {
            format!(
                "`qctl {}` is a command of the original qctl; use {new} (see docs/migrating.md)",
                old.join(" ")
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explain_line(line: &str) -> Option<String> {
        explain(&line.split(' ').map(String::from).collect::<Vec<_>>())
    }

    #[test]
    fn original_flags_and_commands_name_their_replacement() {
        let e = explain_line("generate --k8sdir=out").unwrap();
        assert!(e.contains("`--out PATH`"), "{e}");
        let e = explain_line("deploy network --wait").unwrap();
        assert!(e.contains("`qctl deploy`"), "{e}");
        for (line, new) in [
            ("update node n --qv 24.4.2", "`--quorum-version VERSION`"),
            ("update node n", "`qctl node update NAME`"),
            ("stop node n", "`qctl node stop NAME`"),
            ("delete external-node n", "`qctl external rm NAME`"),
            ("ls extnodes", "`qctl external ls`"),
            ("add monitor", "`qctl monitor add`"),
            ("delete monitor", "`qctl monitor rm`"),
            ("generate network --monitor", "`qctl monitor add`"),
            ("ls url --type nodeport", "`qctl status --endpoints`"),
            (
                "connect quorum-node1 tessera",
                "`qctl connect NODE --container tessera`",
            ),
        ] {
            let e = explain_line(line).unwrap();
            assert!(e.contains(new), "{line}: {e}");
        }
        assert_eq!(explain_line("generate -- --k8sdir"), None);
        assert_eq!(explain_line("status"), None);
        assert_eq!(explain_line("connect quorum-node1"), None);
    }
}
