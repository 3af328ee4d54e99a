//! Keys the model does not read. A key that is a known key of its map but for case or a small
//! misspelling (`Chain_ID`, `Chain_Idd`) is an error: it would otherwise be silently ignored
//! and its default used. Any other unknown key is kept (edits are lossless) and warned about,
//! unless the reader is strict (`--strict`, or `config.strict: true` in the file).

use super::checks::join;
use super::doc::Node;
use super::keys as key;
use super::model::Problem;

/// The original qctl's top-level Cakeshop section, which qctl does not deploy.
const CAKESHOP: &str = "cakeshop";

/// The key of `config:` that makes every unknown key an error.
pub const STRICT: &str = "strict";

/// What the unknown keys of a document amount to.
#[derive(Debug, Default)]
pub struct Unknown {
    /// Near misses, and every unknown key when strict.
    pub errors: Vec<Problem>,
    /// Unknown keys that are kept.
    pub warnings: Vec<Problem>,
}

const TOP: &[&str] = &[
    "genesis",
    "nodes",
    "external_nodes",
    "k8s",
    "prometheus",
    "config",
];
const GENESIS: &[&str] = &[
    "consensus",
    key::QUORUM_VERSION,
    key::TM_VERSION,
    key::CHAIN_ID,
    "Test_QBFT_Block",
];
const NODE: &[&str] = &[key::NODE_NAME, key::KEY_DIR, "quorum", "geth"];
const NODE_QUORUM: &[&str] = &["quorum", "tm"];
const QUORUM: &[&str] = &["consensus", key::QUORUM_VERSION, key::IMAGE, "Docker_Repo"];
const TM: &[&str] = &[key::TM_NAME, key::TM_VERSION, key::IMAGE, "Docker_Repo"];
const GETH: &[&str] = &[key::GETH_PARAMS, "verbosity"];
const K8S: &[&str] = &["namespace", "service", "storage", "securityContext"];
const SERVICE: &[&str] = &["type", "Ingress", "NetworkPolicy"];
const INGRESS: &[&str] = &["Strategy", "Host", "ws"];
const STORAGE: &[&str] = &["PVC", "Capacity", "storageClassName", "annotations"];
const PVC: &[&str] = &["Capacity", "storageClassName", "annotations"];
const SECURITY: &[&str] = &["runAsUser", "runAsGroup", "fsGroup"];
const PATHS: &[&str] = &[key::KEY_DIR_BASE, key::GENESIS_FILE, STRICT];
const PROMETHEUS: &[&str] = &["enabled", key::PROMETHEUS_NODE_PORT];
const EXTERNAL: &[&str] = &[
    key::NODE_NAME,
    key::ENODE_URL,
    key::TM_URL,
    key::TM_PUBLIC_KEY,
    key::VALIDATOR_ADDRESS,
];

/// `config.strict: true` in the document.
pub fn strict_in(doc: &Node) -> bool {
    doc.get("config")
        .and_then(|c| c.get(STRICT))
        .and_then(Node::as_str)
        .is_some_and(|v| matches!(v, "true" | "True" | "TRUE" | "yes"))
}

/// Checks every map the model reads for keys it does not know.
pub fn check(doc: &Node, strict: bool) -> Unknown {
    let mut w = Walk {
        strict: strict || strict_in(doc),
        out: Unknown::default(),
    };
    if doc.as_map().is_none() {
        return w.out;
    }
    w.map(doc, "", TOP);
    w.child(doc, "genesis", "", GENESIS);
    for (list, known, per_item) in [("nodes", NODE, true), ("external_nodes", EXTERNAL, false)] {
        let Some(items) = doc.get(list).and_then(Node::as_seq) else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let path = format!("{list}[{i}]");
            if item.as_map().is_none() {
                continue;
            }
            w.map(item, &path, known);
            if per_item {
                w.node(item, &path);
            }
        }
    }
    if let Some(k) = w.child(doc, "k8s", "", K8S) {
        if let Some(s) = w.child(k, "service", "k8s", SERVICE) {
            w.child(s, "Ingress", "k8s.service", INGRESS);
        }
        if let Some(s) = w.child(k, "storage", "k8s", STORAGE) {
            w.child(s, "PVC", "k8s.storage", PVC);
        }
        w.child(k, "securityContext", "k8s", SECURITY);
    }
    w.child(doc, "config", "", PATHS);
    w.child(doc, "prometheus", "", PROMETHEUS);
    w.out
}

struct Walk {
    strict: bool,
    out: Unknown,
}

impl Walk {
    fn node(&mut self, item: &Node, path: &str) {
        if let Some(q) = self.child(item, "quorum", path, NODE_QUORUM) {
            let qp = join(path, "quorum");
            self.child(q, "quorum", &qp, QUORUM);
            self.child(q, "tm", &qp, TM);
        }
        self.child(item, "geth", path, GETH);
    }

    /// Checks the map under `parent.name`, if it is one, and returns it.
    fn child<'a>(
        &mut self,
        parent: &'a Node,
        name: &str,
        path: &str,
        known: &[&str],
    ) -> Option<&'a Node> {
        let node = parent.get(name).filter(|n| n.as_map().is_some())?;
        self.map(node, &join(path, name), known);
        Some(node)
    }

    fn map(&mut self, map: &Node, path: &str, known: &[&str]) {
        for (name, value) in map.as_map().unwrap_or_default() {
            if known.contains(&name.as_str()) {
                continue;
            }
            let field = join(path, &crate::text::sanitize(name));
            let line = value.key_line;
            if let Some(near) = near_miss(name, known) {
                self.out.errors.push(Problem {
                    line,
                    path: field,
                    message: format!("unknown key; did you mean `{near}`?"),
                });
            } else {
                let message = if path.is_empty() && name == CAKESHOP {
                    "unknown key: qctl does not deploy Cakeshop (the original qctl's \
                     `add cakeshop`); the section is kept and ignored"
                        .to_string()
                } else {
                    format!("unknown key (known here: {})", list(known))
                };
                let problem = Problem {
                    line,
                    path: field,
                    message,
                };
                if self.strict {
                    self.out.errors.push(problem);
                } else {
                    self.out.warnings.push(problem);
                }
            }
        }
    }
}

fn list(known: &[&str]) -> String {
    known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The known key `name` is a misspelling of: equal but for case, or at most two edits away
/// (fewer for short keys, so `id` is not taken for `ws`).
pub fn near_miss<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(name)) {
        return Some(k);
    }
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .filter(|(d, k)| *d <= 2.min(k.chars().count().saturating_sub(1) / 2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_small_misspellings_are_near_misses() {
        assert_eq!(near_miss("Chain_ID", GENESIS), Some("Chain_Id"));
        assert_eq!(near_miss("Chain_Idd", GENESIS), Some("Chain_Id"));
        assert_eq!(near_miss("Cahin_Id", GENESIS), Some("Chain_Id"));
        assert_eq!(near_miss("Key_dir", NODE), Some("Key_Dir"));
        assert_eq!(near_miss("WS", INGRESS), Some("ws"));
        assert_eq!(near_miss("id", INGRESS), None);
        assert_eq!(near_miss("sep_deployment_files", K8S), None);
    }
}
