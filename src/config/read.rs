//! Reading the typed model from the document tree. Reading is the validation: every problem
//! is collected with its line and field path, so one run tells the user everything that is
//! wrong.

use std::collections::BTreeMap;

use super::checks::{
    check_dns_label, check_enode_url, check_key_dir, check_tm_public_key, is_quantity, join,
    normalise_tm_url, parse_version,
};
use super::doc::{Node, Value};
use super::keys as key;
use super::model::*;
use crate::keys::address;
use crate::network::{
    Consensus, DEFAULT_CHAIN_ID, DEFAULT_QUORUM_VERSION, DEFAULT_TESSERA_VERSION, IngressSpec,
    IngressStrategy, ServiceType, TxManagerKind,
};

impl Config {
    /// Builds the model, or every problem found.
    pub fn from_doc(doc: &Node) -> Result<Config, Vec<Problem>> {
        let mut cx = Cx::default();
        let config = cx.config(doc);
        if cx.problems.is_empty() {
            Ok(config.expect("no problems means a config"))
        } else {
            cx.problems.sort_by_key(|p| p.line);
            Err(cx.problems)
        }
    }
}

/// Collects problems while walking the tree.
#[derive(Default)]
struct Cx {
    problems: Vec<Problem>,
}

impl Cx {
    fn problem(&mut self, line: usize, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            line,
            path: path.into(),
            message: message.into(),
        });
    }

    /// A scalar field that must be a string if present.
    fn string(&mut self, parent: &Node, key: &str, path: &str) -> Option<String> {
        let node = parent.get(key)?;
        match &node.value {
            Value::Scalar { .. } => node.as_str().map(str::to_string),
            _ => {
                self.problem(
                    node.line,
                    format!("{path}.{key}"),
                    "expected a single value, not a list or map",
                );
                None
            }
        }
    }

    fn map<'a>(&mut self, parent: &'a Node, key: &str, path: &str) -> Option<&'a Node> {
        let node = parent.get(key)?;
        if node.is_null() {
            return None;
        }
        if node.as_map().is_none() {
            self.problem(node.line, join(path, key), "expected a map of keys");
            return None;
        }
        Some(node)
    }

    fn parsed<T>(
        &mut self,
        parent: &Node,
        key: &str,
        path: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        let text = self.string(parent, key, path)?;
        match parse(&text) {
            Ok(v) => Some(v),
            Err(msg) => {
                self.problem(parent.line_of(key), join(path, key), msg);
                None
            }
        }
    }

    fn bool(&mut self, parent: &Node, key: &str, path: &str) -> Option<bool> {
        self.parsed(parent, key, path, |t| match t {
            "true" | "True" | "TRUE" | "yes" => Ok(true),
            "false" | "False" | "FALSE" | "no" => Ok(false),
            _ => Err(format!("`{t}` is not a boolean; expected true or false")),
        })
    }

    fn int(&mut self, parent: &Node, key: &str, path: &str) -> Option<i64> {
        self.parsed(parent, key, path, |t| {
            t.parse::<i64>()
                .map_err(|_| format!("`{t}` is not a whole number"))
        })
    }

    fn config(&mut self, doc: &Node) -> Option<Config> {
        if doc.as_map().is_none() {
            self.problem(
                doc.line,
                "(top level)",
                "expected a map with `genesis` and `nodes`",
            );
            return None;
        }
        let genesis = self.genesis(doc);
        let nodes = self.nodes(doc, genesis.as_ref());
        let external_nodes = self.external_nodes(doc);
        let k8s = self.k8s(doc);
        let (prometheus, prometheus_node_port) = self.prometheus(doc);
        let taken = super::names::name_problems(&nodes, &external_nodes, prometheus);
        self.problems.extend(taken);
        let paths = self.paths(doc);
        Some(Config {
            genesis: genesis?,
            nodes,
            external_nodes,
            k8s,
            prometheus,
            prometheus_node_port,
            paths,
        })
    }

    /// Whether monitoring is on (`prometheus` present and not `enabled: false`, or a bare
    /// `prometheus: true`), and `prometheus.nodePort_prom`.
    fn prometheus(&mut self, doc: &Node) -> (bool, Option<u16>) {
        let section = key::PROMETHEUS;
        match doc.get(section) {
            None => (false, None),
            Some(p) if p.is_null() => (true, None),
            Some(p) if p.as_map().is_some() => {
                let on = self
                    .bool(p, key::PROMETHEUS_ENABLED, section)
                    .unwrap_or(true);
                let port = self.parsed(p, key::PROMETHEUS_NODE_PORT, section, |t| {
                    match t.parse::<u16>() {
                        Ok(port) if port > 0 => Ok(port),
                        _ => Err(format!(
                            "`{t}` is not a port; expected a NodePort number such as 31323 \
                             (in the cluster's NodePort range, by default 30000-32767)"
                        )),
                    }
                });
                (on, port)
            }
            Some(_) => (self.bool(doc, section, "").unwrap_or(false), None),
        }
    }

    fn genesis(&mut self, doc: &Node) -> Option<GenesisSection> {
        let Some(g) = self.map(doc, "genesis", "") else {
            self.problem(
                doc.line,
                "genesis",
                "missing; add `genesis:` with at least `consensus: qbft`",
            );
            return None;
        };
        let consensus = self.parsed(g, "consensus", "genesis", |t| t.parse::<Consensus>());
        if g.get("consensus").is_none_or(Node::is_null) {
            self.problem(
                g.line,
                "genesis.consensus",
                "missing; expected one of qbft, istanbul, raft, clique",
            );
        }
        let quorum_version = self.parsed(g, key::QUORUM_VERSION, "genesis", parse_version);
        let tm_version = self.parsed(g, key::TM_VERSION, "genesis", parse_version);
        let chain_id = self.parsed(g, key::CHAIN_ID, "genesis", |t| match t.parse::<u64>() {
            Ok(id) if id > 0 => Ok(id),
            _ => Err(format!(
                "`{t}` is not a chain id; expected a positive whole number such as 1000"
            )),
        });
        let test_qbft_block = self.parsed(g, "Test_QBFT_Block", "genesis", |t| {
            t.parse::<u64>()
                .map_err(|_| format!("`{t}` is not a block number"))
        });
        Some(GenesisSection {
            consensus: consensus?,
            quorum_version: quorum_version
                .unwrap_or_else(|| parse_version(DEFAULT_QUORUM_VERSION).expect("default")),
            tm_version: tm_version
                .unwrap_or_else(|| parse_version(DEFAULT_TESSERA_VERSION).expect("default")),
            chain_id: chain_id.unwrap_or(DEFAULT_CHAIN_ID),
            test_qbft_block,
        })
    }

    fn nodes(&mut self, doc: &Node, genesis: Option<&GenesisSection>) -> Vec<NodeEntry> {
        // No nodes yet is a valid config (`qctl node add` fills it); `generate` needs one.
        let Some(list) = doc.get("nodes").filter(|n| !n.is_null()) else {
            return Vec::new();
        };
        let Some(items) = list.as_seq() else {
            self.problem(list.line, "nodes", "expected a list of nodes");
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut key_dirs: BTreeMap<String, usize> = BTreeMap::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("nodes[{i}]");
            if let Some(node) = self.node(item, &path, genesis) {
                if let Some(first) = key_dirs.insert(node.key_dir.clone(), i) {
                    self.problem(
                        item.line_of(key::KEY_DIR),
                        format!("{path}.Key_Dir"),
                        format!("`{}` is already the key dir of nodes[{first}]; each node needs its own", node.key_dir),
                    );
                }
                out.push(node);
            }
        }
        out
    }

    fn node(
        &mut self,
        item: &Node,
        path: &str,
        genesis: Option<&GenesisSection>,
    ) -> Option<NodeEntry> {
        if item.as_map().is_none() {
            self.problem(
                item.line,
                path,
                "expected a map with `Node_UserIdent` and `Key_Dir`",
            );
            return None;
        }
        let name = self.string(item, key::NODE_NAME, path);
        if name.is_none() {
            self.problem(
                item.line,
                format!("{path}.Node_UserIdent"),
                "missing; every node needs a name",
            );
        }
        let name = name.and_then(|n| match check_dns_label(&n) {
            Ok(()) => Some(n),
            Err(msg) => {
                self.problem(
                    item.line_of(key::NODE_NAME),
                    format!("{path}.Node_UserIdent"),
                    msg,
                );
                None
            }
        });
        let key_dir = match self.string(item, key::KEY_DIR, path) {
            Some(d) => match check_key_dir(&d) {
                Ok(()) => Some(d),
                Err(msg) => {
                    self.problem(item.line_of(key::KEY_DIR), format!("{path}.Key_Dir"), msg);
                    None
                }
            },
            None => name.as_ref().map(|n| format!("key-{n}")),
        };
        let quorum_path = format!("{path}.quorum");
        let quorum = self.map(item, "quorum", path);
        let q = quorum.and_then(|q| self.map(q, "quorum", &quorum_path));
        let tm = quorum.and_then(|q| self.map(q, "tm", &quorum_path));
        let q_path = format!("{quorum_path}.quorum");
        let tm_path = format!("{quorum_path}.tm");

        let consensus = q
            .and_then(|q| self.parsed(q, "consensus", &q_path, |t| t.parse::<Consensus>()))
            .or(genesis.map(|g| g.consensus));
        let quorum_version = q
            .and_then(|q| self.parsed(q, key::QUORUM_VERSION, &q_path, parse_version))
            .or(genesis.map(|g| g.quorum_version.clone()));
        let quorum_image = image(self, q, &q_path, "quorum", quorum_version.as_ref());
        let tm_kind = tm
            .and_then(|t| self.parsed(t, key::TM_NAME, &tm_path, |s| s.parse::<TxManagerKind>()))
            .unwrap_or(TxManagerKind::Tessera);
        let tm_version = tm
            .and_then(|t| self.parsed(t, key::TM_VERSION, &tm_path, parse_version))
            .or(genesis.map(|g| g.tm_version.clone()));
        let tm_image = image(self, tm, &tm_path, tm_kind.as_str(), tm_version.as_ref());

        let geth = self.map(item, "geth", path);
        let geth_path = format!("{path}.geth");
        let geth_params = geth
            .and_then(|g| self.string(g, key::GETH_PARAMS, &geth_path))
            .unwrap_or_default();
        let verbosity = geth
            .and_then(|g| {
                self.parsed(g, "verbosity", &geth_path, |t| match t.parse::<u8>() {
                    Ok(v @ 0..=9) => Ok(v),
                    _ => Err(format!("`{t}` is not a geth verbosity; expected 0 (silent) to 5 (detail); old configs may say up to 9")),
                })
            })
            .unwrap_or(DEFAULT_VERBOSITY);
        Some(NodeEntry {
            name: name?,
            key_dir: key_dir?,
            consensus: consensus?,
            quorum_version: quorum_version?,
            quorum_image,
            tm: tm_kind,
            tm_version: tm_version?,
            tm_image,
            geth_params,
            verbosity,
            line: item.line,
        })
    }

    fn external_nodes(&mut self, doc: &Node) -> Vec<ExternalEntry> {
        let Some(list) = doc.get("external_nodes").filter(|n| !n.is_null()) else {
            return Vec::new();
        };
        let Some(items) = list.as_seq() else {
            self.problem(list.line, "external_nodes", "expected a list");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("external_nodes[{i}]");
            if item.as_map().is_none() {
                self.problem(
                    item.line,
                    &path,
                    "expected a map with `Node_UserIdent` and `Enode_Url`",
                );
                continue;
            }
            let name = self.parsed(item, key::NODE_NAME, &path, |n| {
                check_dns_label(n).map(|_| n.to_string())
            });
            if item.get(key::NODE_NAME).is_none() {
                self.problem(
                    item.line,
                    format!("{path}.Node_UserIdent"),
                    "missing; every external node needs a name",
                );
            }
            let enode_url = self.parsed(item, key::ENODE_URL, &path, |u| {
                check_enode_url(u).map(|_| u.to_string())
            });
            if item.get(key::ENODE_URL).is_none() {
                self.problem(
                    item.line,
                    format!("{path}.Enode_Url"),
                    "missing; expected `enode://<128 hex>@host:port?discport=0`",
                );
            }
            let tm_url = self.parsed(item, key::TM_URL, &path, normalise_tm_url);
            let tm_public_key = self.parsed(item, key::TM_PUBLIC_KEY, &path, check_tm_public_key);
            if tm_public_key.is_some() && item.get(key::TM_URL).is_none() {
                self.problem(
                    item.line_of(key::TM_PUBLIC_KEY),
                    format!("{path}.{}", key::TM_PUBLIC_KEY),
                    "a Tessera key without `Tm_Url`: a node runs both or neither",
                );
            }
            let addr = self.parsed(item, key::VALIDATOR_ADDRESS, &path, |a| {
                address::parse(a)
                    .map(|b| address::to_checksum(&b))
                    .map_err(|e| e.to_string())
            });
            if let (Some(name), Some(enode_url)) = (name, enode_url) {
                out.push(ExternalEntry {
                    name,
                    enode_url,
                    tm_url,
                    tm_public_key,
                    node_acct_addr: addr,
                    line: item.line,
                });
            }
        }
        out
    }

    fn k8s(&mut self, doc: &Node) -> K8sSection {
        let mut k8s = K8sSection::default();
        let Some(k) = self.map(doc, "k8s", "") else {
            return k8s;
        };
        k8s.namespace = self.parsed(k, "namespace", "k8s", |n| {
            check_dns_label(n).map(|_| n.to_string())
        });
        if let Some(service) = self.map(k, "service", "k8s") {
            if let Some(t) =
                self.parsed(service, "type", "k8s.service", |t| t.parse::<ServiceType>())
            {
                k8s.service_type = t;
            }
            if let Some(ingress) = self.map(service, "Ingress", "k8s.service") {
                let strategy = self
                    .parsed(ingress, "Strategy", "k8s.service.Ingress", |s| match s {
                        "OneToOne" => Ok(IngressStrategy::OneToOne),
                        "OneToMany" => Ok(IngressStrategy::OneToMany),
                        _ => Err(format!(
                            "`{s}` is not an ingress strategy; expected OneToOne or OneToMany"
                        )),
                    })
                    .unwrap_or(IngressStrategy::OneToMany);
                k8s.ingress = Some(IngressSpec {
                    strategy,
                    host: self.string(ingress, "Host", "k8s.service.Ingress"),
                    ws: self
                        .bool(ingress, "ws", "k8s.service.Ingress")
                        .unwrap_or(false),
                });
            }
            k8s.network_policy = self
                .bool(service, "NetworkPolicy", "k8s.service")
                .unwrap_or(true);
        }
        if let Some(storage) = self.map(k, "storage", "k8s") {
            let pvc = self.map(storage, "PVC", "k8s.storage");
            let from = pvc.unwrap_or(storage);
            let from_path = if pvc.is_some() {
                "k8s.storage.PVC"
            } else {
                "k8s.storage"
            };
            let capacity = self
                .string(from, "Capacity", from_path)
                .or_else(|| self.string(storage, "Capacity", "k8s.storage"));
            if let Some(c) = capacity {
                if is_quantity(&c) {
                    k8s.storage.capacity = c;
                } else {
                    self.problem(
                        from.line_of("Capacity"),
                        format!("{from_path}.Capacity"),
                        format!(
                            "`{c}` is not a storage quantity; expected for example `1Gi` or `500Mi`"
                        ),
                    );
                }
            }
            k8s.storage.storage_class = self.string(from, "storageClassName", from_path);
            if let Some(ann) = self.map(from, "annotations", from_path) {
                for (key, value) in ann.as_map().unwrap_or_default() {
                    k8s.storage
                        .annotations
                        .insert(key.clone(), value.as_str().unwrap_or_default().to_string());
                }
            }
        }
        if let Some(sc) = self.map(k, "securityContext", "k8s") {
            k8s.run_as_user = self.int(sc, "runAsUser", "k8s.securityContext");
            k8s.run_as_group = self.int(sc, "runAsGroup", "k8s.securityContext");
            k8s.fs_group = self.int(sc, "fsGroup", "k8s.securityContext");
        }
        k8s
    }

    fn paths(&mut self, doc: &Node) -> PathsSection {
        let Some(c) = self.map(doc, "config", "") else {
            return PathsSection::default();
        };
        PathsSection {
            key_dir_base: self.string(c, key::KEY_DIR_BASE, "config"),
            genesis_file: self.string(c, key::GENESIS_FILE, "config"),
        }
    }
}

/// The image of a container: `Docker_Repo_Full`, else `<Docker_Repo>/<name>:<version>`.
fn image(
    cx: &mut Cx,
    section: Option<&Node>,
    path: &str,
    name: &str,
    version: Option<&semver::Version>,
) -> String {
    if let Some(full) = section
        .and_then(|s| cx.string(s, key::IMAGE, path))
        .filter(|s| !s.is_empty())
    {
        return full;
    }
    let repo = section
        .and_then(|s| cx.string(s, "Docker_Repo", path))
        .unwrap_or_else(|| DEFAULT_DOCKER_REPO.to_string());
    match version {
        Some(v) => format!("{repo}/{name}:{v}"),
        None => format!("{repo}/{name}"),
    }
}
