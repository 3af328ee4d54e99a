//! `qctl deploy`

use std::time::Duration;

use clap::Args;

use super::{GlobalArgs, Ui};

/// Apply out/ to the cluster with server-side apply
#[derive(Debug, Args)]
pub struct DeployArgs {
    /// Wait until every node's pods are ready
    #[arg(long)]
    pub wait: bool,
    /// How long --wait waits, e.g. 10m, 90s
    #[arg(long, default_value = "10m", value_parser = parse_duration, value_name = "DURATION")]
    pub timeout: Duration,
    /// Ask the API server what would change, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `90s`, `10m`, `1h`, or plain seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: u64 = num.parse().map_err(|_| format!("`{s}` is not a duration; expected e.g. 90s, 10m, 1h"))?;
    let secs = match unit {
        "" | "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        _ => return Err(format!("`{s}` is not a duration; expected e.g. 90s, 10m, 1h")),
    };
    Ok(Duration::from_secs(secs))
}

pub fn run(_ui: &mut Ui, _g: &GlobalArgs, _args: &DeployArgs) -> anyhow::Result<()> {
    anyhow::bail!("`qctl deploy` is not available yet")
}
