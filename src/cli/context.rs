//! What every command resolves from the global flags, once: the config (loaded on first use),
//! the namespace, the layout of the generated files, and the connected cluster.

use std::cell::OnceCell;
use std::path::Path;

use super::GlobalArgs;
use crate::cluster::Cluster;
use crate::config::{self, Loaded};
use crate::error::{Error, Result};
use crate::layout::Layout;

pub struct Context<'a> {
    global: &'a GlobalArgs,
    loaded: OnceCell<Loaded>,
    cluster: OnceCell<Cluster>,
}

impl<'a> Context<'a> {
    pub fn new(global: &'a GlobalArgs) -> Context<'a> {
        Context {
            global,
            loaded: OnceCell::new(),
            cluster: OnceCell::new(),
        }
    }

    pub fn global(&self) -> &'a GlobalArgs {
        self.global
    }

    /// `--config`. Commands that edit the config read it themselves, under its lock.
    pub fn config_path(&self) -> &'a Path {
        &self.global.config
    }

    /// `--out`.
    pub fn out(&self) -> &'a Path {
        &self.global.out
    }

    /// The config, read and validated on first use.
    pub fn loaded(&self) -> Result<&Loaded> {
        if let Some(loaded) = self.loaded.get() {
            return Ok(loaded);
        }
        let loaded = config::load(self.config_path())?;
        Ok(self.loaded.get_or_init(|| loaded))
    }

    /// `--namespace`, else `k8s.namespace`, else the kube context's namespace, else `default`
    /// (as kubectl); a flag that contradicts the config is refused. Only the last two steps
    /// connect to the cluster.
    pub fn namespace(&self) -> Result<String> {
        let config = &self.loaded()?.config;
        match crate::ops::cluster::namespace(config, self.global.namespace.as_deref())? {
            Some(ns) => Ok(ns),
            None => Ok(self.cluster()?.connection().namespace.clone()),
        }
    }

    /// Where [`Context::namespace`] comes from, for people.
    pub fn namespace_source(&self) -> Result<String> {
        let config = &self.loaded()?.config;
        Ok(if self.global.namespace.is_some() {
            "from --namespace or QUORUM_NAMESPACE".to_string()
        } else if config.k8s.namespace.is_some() {
            format!("from k8s.namespace in `{}`", self.config_path().display())
        } else {
            format!("from kube context `{}`", self.cluster()?.context())
        })
    }

    /// Where the config's generated files are.
    pub fn layout(&self) -> Result<Layout> {
        Ok(Layout::new(self.loaded()?, self.out()))
    }

    /// A `--kubeconfig` that is not a file is bad input, refused before connecting. (The files
    /// `KUBECONFIG` lists that do not exist are skipped, as kubectl does.)
    fn check_kubeconfig(&self) -> Result<()> {
        match self.global.kubeconfig.as_deref() {
            Some(path) if !path.is_file() => Err(Error::user(format!(
                "--kubeconfig `{}`: {}; pass the path of a kubeconfig file, or leave the flag out to use \
                 KUBECONFIG or ~/.kube/config",
                path.display(),
                if path.exists() {
                    "not a file"
                } else {
                    "no such file"
                }
            ))),
            _ => Ok(()),
        }
    }

    /// The cluster of `--context` (else the current context), connected and verified once.
    pub fn cluster(&self) -> Result<&Cluster> {
        if let Some(cluster) = self.cluster.get() {
            return Ok(cluster);
        }
        self.check_kubeconfig()?;
        let cluster = Cluster::connect(
            self.global.context.as_deref(),
            self.global.kubeconfig.as_deref(),
            self.global.request_timeout,
        )?;
        Ok(self.cluster.get_or_init(|| cluster))
    }
}
