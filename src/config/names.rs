//! The names of the network's nodes: unique across local and external nodes, and free of the
//! names of the objects the network's other parts take.

use super::model::{ExternalEntry, NodeEntry, Problem};
use crate::network::MONITOR_NAME as MONITOR;

/// A problem for each node name used twice, and, with monitoring on (`prometheus`), for a node
/// named like the Prometheus Deployment and Service.
pub(super) fn name_problems(
    nodes: &[NodeEntry],
    external: &[ExternalEntry],
    prometheus: bool,
) -> Vec<Problem> {
    let all = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.name.as_str(), n.line, format!("nodes[{i}]")))
        .chain(
            external
                .iter()
                .enumerate()
                .map(|(i, n)| (n.name.as_str(), n.line, format!("external_nodes[{i}]"))),
        );
    let mut seen: std::collections::BTreeMap<&str, String> = Default::default();
    let mut problems = Vec::new();
    for (name, line, path) in all {
        let message = if let Some(first) = seen.get(name) {
            format!(
                "`{name}` is already used by {first}; node names must be unique across nodes \
                 and external_nodes"
            )
        } else if prometheus && name == MONITOR {
            format!(
                "`{name}` is the name of the Prometheus Deployment and Service that `prometheus` \
                 turns on; rename the node, or turn monitoring off (`qctl monitor rm`)"
            )
        } else {
            seen.insert(name, path);
            continue;
        };
        problems.push(Problem {
            line,
            path: format!("{path}.Node_UserIdent"),
            message,
        });
    }
    problems
}
