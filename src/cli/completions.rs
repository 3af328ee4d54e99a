//! `qctl completions`: shell completion scripts, the same ones committed under `completions/`.

use clap::{Args, ValueEnum};
use clap_complete::Shell as ClapShell;

use super::Ui;
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

impl Shell {
    /// File name under `completions/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Shell::Bash => "qctl.bash",
            Shell::Zsh => "_qctl",
            Shell::Fish => "qctl.fish",
            Shell::Powershell => "_qctl.ps1",
            Shell::Elvish => "qctl.elv",
        }
    }
}

/// Print a shell completion script
#[derive(Debug, Args)]
#[command(
    after_help = "Example: qctl completions bash > ~/.local/share/bash-completion/completions/qctl"
)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(ui: &mut Ui, args: &CompletionsArgs) -> Result<()> {
    ui.data(&render(args.shell))?;
    Ok(())
}

/// The completion script for `shell`.
pub fn render(shell: Shell) -> String {
    let shell = match shell {
        Shell::Bash => ClapShell::Bash,
        Shell::Zsh => ClapShell::Zsh,
        Shell::Fish => ClapShell::Fish,
        Shell::Powershell => ClapShell::PowerShell,
        Shell::Elvish => ClapShell::Elvish,
    };
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut super::command(), "qctl", &mut buf);
    String::from_utf8(buf).expect("completion scripts are UTF-8")
}
