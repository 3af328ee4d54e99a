//! Reference documents generated from the clap tree, committed and checked for staleness like
//! the completion scripts: `docs/cli-reference.md` and the man page `docs/man/qctl.1`.

/// Width the reference is wrapped at, whatever the terminal.
const WIDTH: usize = 100;

/// The clap tree, built (global flags propagated) and wrapped at [`WIDTH`]. Environment
/// values are hidden, so the documents do not depend on who generates them.
fn tree() -> clap::Command {
    let mut cmd = super::command()
        .term_width(WIDTH)
        .max_term_width(WIDTH)
        .mut_args(|a| a.hide_env_values(true));
    cmd.build();
    cmd
}

/// `docs/cli-reference.md`: every command's full help, in tree order.
pub fn markdown() -> String {
    fn section(cmd: &clap::Command, path: &str, out: &mut String) {
        let level = path.matches(' ').count().min(2) + 1;
        out.push_str(&format!("\n{} `{path}`\n\n", "#".repeat(level + 1)));
        let help = cmd.clone().render_long_help().to_string();
        out.push_str("```text\n");
        for line in help.trim_end().lines() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push_str("```\n");
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            section(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }
    let mut out = String::from(
        "# qctl command reference\n\n\
         Generated from the command definitions (`src/cli/`); do not edit by hand. \
         `QCTL_BLESS=1 cargo test` regenerates it.\n",
    );
    section(&tree(), "qctl", &mut out);
    out
}

/// `docs/man/qctl.1`: the man page of `qctl` with its commands.
pub fn man_page() -> String {
    let mut buf = Vec::new();
    clap_mangen::Man::new(tree())
        .render(&mut buf)
        .expect("rendering into memory succeeds");
    String::from_utf8(buf).expect("the man page is UTF-8")
}
