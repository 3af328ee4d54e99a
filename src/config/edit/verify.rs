//! Checking an edit: the edited text re-read, the edited list as intended, everything else
//! unchanged.

use super::super::doc::{self, Node, Value};
use super::{EditError, Entry};

pub(super) fn entry_node(entry: &Entry) -> Node {
    let text = crate::yaml::block_text(&serde_json::Value::Object(entry.clone()));
    doc::parse(&text).expect("rendered YAML parses")
}

/// Re-parses the edited text and checks `check(items before, items after)` for the list `key`
/// and that every other top-level entry is unchanged. `before` is the parse of the text the
/// edit started from: the caller has it already, and a 1,000-node document costs milliseconds
/// to parse.
pub(super) fn verify(
    before: &Node,
    after_text: &str,
    key: &str,
    check: impl Fn(&[Node], &[Node]) -> bool,
) -> Result<(), EditError> {
    let unverified = || EditError::Unverified { what: key.into() };
    let after = doc::parse(after_text).map_err(|_| unverified())?;
    fn items<'a>(d: &'a Node, key: &str) -> &'a [Node] {
        d.get(key).and_then(Node::as_seq).unwrap_or_default()
    }
    if check(items(before, key), items(&after, key)) && same_except(before, &after, key) {
        Ok(())
    } else {
        Err(unverified())
    }
}

pub(super) fn same_items(a: &[Node], b: &[Node]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
}

/// Equal values, ignoring lines.
pub fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (
            Value::Scalar {
                text: x,
                quoted: qx,
            },
            Value::Scalar {
                text: y,
                quoted: qy,
            },
        ) => x == y && (qx == qy || x.parse::<f64>().is_err()),
        (Value::Seq(x), Value::Seq(y)) => same_items(x, y),
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, vx), (ky, vy))| kx == ky && same(vx, vy))
        }
        _ => false,
    }
}

/// Top-level entries other than `key` are equal and in the same order.
pub(super) fn same_except(before: &Node, after: &Node, key: &str) -> bool {
    fn others<'a>(d: &'a Node, key: &str) -> Vec<&'a (String, Node)> {
        d.as_map()
            .unwrap_or_default()
            .iter()
            .filter(|(k, _)| k != key)
            .collect()
    }
    let (x, y) = (others(before, key), others(after, key));
    x.len() == y.len()
        && x.iter()
            .zip(&y)
            .all(|((kx, vx), (ky, vy))| kx == ky && same(vx, vy))
}
