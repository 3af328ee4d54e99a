//! `qctl monitor add | rm`: monitoring (`prometheus` in the config) on or off. `generate`
//! then writes or removes the Prometheus server's manifests, and `deploy` applies or prunes
//! them.

use std::path::Path;

use crate::config::{self, ConfigError, edit, keys};

/// What `monitor add` or `monitor rm` found and did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitorSwitched {
    /// The config was edited; `false`: monitoring already was as asked.
    pub changed: bool,
    /// `prometheus.nodePort_prom`: the Prometheus Service is a NodePort on this port.
    pub node_port: Option<u16>,
}

/// Turns monitoring on or off in the config at `path`, under its lock; the edit keeps every
/// other byte of the file, and turning off after turning on gives back the file as it was.
pub fn switch(path: &Path, on: bool) -> Result<MonitorSwitched, ConfigError> {
    let (loaded, changed) = config::update(path, |loaded| {
        if loaded.config.prometheus == on {
            return Ok((loaded.text.clone(), false));
        }
        let text = edit::set_switch(&loaded.text, keys::PROMETHEUS, on).map_err(|source| {
            ConfigError::Edit {
                path: path.into(),
                source,
            }
        })?;
        Ok((text, true))
    })?;
    debug_assert_eq!(loaded.config.prometheus, on);
    Ok(MonitorSwitched {
        changed,
        node_port: loaded.config.prometheus_node_port,
    })
}
