//! Setting one scalar inside an item of a top-level list, e.g. `Quorum_Version` at
//! `nodes[2].quorum.quorum`, creating the maps on its path when they are absent. One splice:
//! the scalar's own lines are replaced (an inline comment after it is kept), or the missing
//! keys are inserted after the last line of the deepest map that exists. Everything else —
//! comments, unknown keys, key order, the other items — stays byte for byte, and the result is
//! re-read to prove it.

use std::ops::Range;

use super::{
    EditError, block_end, existing_list, indent_of, is_blank_or_comment, item_indent,
    render_scalar, same, same_except, same_items,
};
use crate::config::doc::{self, Node};

/// Sets `path` (keys from the item down, the last one a scalar) of item `index` of the
/// top-level list `key` to the string `value`.
pub fn set_item_scalar(
    text: &str,
    key: &str,
    index: usize,
    path: &[&str],
    value: &str,
) -> Result<String, EditError> {
    assert!(!path.is_empty(), "a path names at least the scalar");
    let (doc, lines, blocks) = existing_list(text, key)?;
    let what = format!("{key}[{index}].{}", path.join("."));
    let item = &doc.get(key).and_then(Node::as_seq).unwrap_or_default()[index];
    let rendered = render_scalar(value);
    let eol = lines.eol;
    let mut out = lines.clone();
    let (_, content) = item_indent(lines.get(blocks[index].start));
    // The map being searched: its lines and the column of its keys.
    let mut range: Range<usize> = blocks[index].clone();
    let mut indent = content;
    let mut node = Some(item);
    for (depth, segment) in path.iter().enumerate() {
        let rest = &path[depth + 1..];
        let child = node.and_then(|n| n.get(segment));
        let Some(at) = range
            .clone()
            .find(|&i| key_at(lines.get(i), indent, segment))
        else {
            // Absent: the rest of the path goes after the map's last line.
            out.insert(
                range.end,
                &render_path(&path[depth..], &rendered, indent, eol),
            );
            break;
        };
        let line = lines.get(at);
        let prefix = &line[..indent];
        let end = block_end(&lines, at, indent);
        let after_key = line[indent + segment.len() + 1..].trim_end_matches(['\r', '\n']);
        if rest.is_empty() {
            if let Some(found) = child.filter(|c| c.as_seq().is_some() || c.as_map().is_some()) {
                return Err(EditError::NotAScalar {
                    what,
                    line: found.line,
                });
            }
            let comment = child
                .and_then(Node::as_str)
                .and_then(|old| inline_comment(after_key, old))
                .unwrap_or_default();
            out.replace(
                at..end,
                &format!("{prefix}{segment}: {rendered}{comment}{eol}"),
            );
            break;
        }
        match child {
            Some(c) if c.as_map().is_some() => {
                let flow = after_key.trim_start().starts_with('{');
                let first = (at + 1..end).find(|&i| !is_blank_or_comment(lines.get(i)));
                match first {
                    Some(first) if !flow => {
                        range = at + 1..end;
                        indent = indent_of(lines.get(first));
                        node = Some(c);
                    }
                    _ => {
                        return Err(EditError::NotABlockMap {
                            section: what,
                            line: c.line,
                        });
                    }
                }
            }
            // `key:` with no value (or `~`): the key stays, the rest of the path goes below it.
            Some(c) if c.is_null() => {
                let below = render_path(rest, &rendered, indent + 2, eol);
                let kept = if after_key.trim_start().starts_with('#') || after_key.is_empty() {
                    after_key
                } else {
                    ""
                };
                out.replace(at..end, &format!("{prefix}{segment}:{kept}{eol}{below}"));
                break;
            }
            _ => {
                return Err(EditError::NotABlockMap {
                    section: what,
                    line: child.map_or(item.line, |c| c.line),
                });
            }
        }
    }
    let text = out.join();
    let after = doc::parse(&text).map_err(|_| EditError::Unverified { what: what.clone() })?;
    let items = |d: &Node| {
        d.get(key)
            .and_then(Node::as_seq)
            .unwrap_or_default()
            .to_vec()
    };
    let (before_items, after_items) = (items(&doc), items(&after));
    let ok = before_items.len() == after_items.len()
        && same_items(&before_items[..index], &after_items[..index])
        && same_items(&before_items[index + 1..], &after_items[index + 1..])
        && value_at(&after_items[index], path) == Some(value)
        && same_but(Some(&before_items[index]), &after_items[index], path)
        && same_except(&doc, &after, key);
    if !ok {
        return Err(EditError::Unverified { what });
    }
    Ok(text)
}

/// Whether `line` holds `key:` with the key at column `indent` (the `-` of a list item's first
/// line counts as indentation).
fn key_at(line: &str, indent: usize, key: &str) -> bool {
    let start = indent_of(line);
    let line = if line[start..].starts_with("- ") {
        format!("{}  {}", &line[..start], &line[start + 2..])
    } else {
        line.to_string()
    };
    indent_of(&line) == indent
        && line[indent..]
            .strip_prefix(key)
            .is_some_and(|r| r.starts_with(':'))
}

/// `keys` as nested block maps at column `indent`, the last key holding `rendered`.
fn render_path(keys: &[&str], rendered: &str, indent: usize, eol: &str) -> String {
    let mut text = String::new();
    for (depth, key) in keys.iter().enumerate() {
        text.push_str(&" ".repeat(indent + 2 * depth));
        text.push_str(key);
        text.push(':');
        if depth + 1 == keys.len() {
            text.push(' ');
            text.push_str(rendered);
        }
        text.push_str(eol);
    }
    text
}

/// The ` # comment` after the scalar `old` in `after_key` (the text after `key:`), if any.
fn inline_comment(after_key: &str, old: &str) -> Option<String> {
    after_key.match_indices(" #").find_map(|(at, _)| {
        let value = &after_key[..at];
        let reread = doc::parse(&format!("k:{value}")).ok()?;
        (reread.get("k")?.as_str() == Some(old))
            .then(|| after_key[value.trim_end().len()..].to_string())
    })
}

fn value_at<'a>(node: &'a Node, path: &[&str]) -> Option<&'a str> {
    path.iter()
        .try_fold(node, |n, k| n.get(k))
        .and_then(Node::as_str)
}

/// `after` equals `before` except along `path`: the keys of every map on it are the same and
/// in order (plus the path's key appended where it was absent), and every value off the path
/// is unchanged.
fn same_but(before: Option<&Node>, after: &Node, path: &[&str]) -> bool {
    let Some((segment, rest)) = path.split_first() else {
        return true;
    };
    let before_entries = match before {
        Some(b) if b.is_null() => &[][..],
        Some(b) => match b.as_map() {
            Some(entries) => entries,
            None => return false,
        },
        None => &[][..],
    };
    let Some(after_entries) = after.as_map() else {
        return false;
    };
    let had = before_entries.iter().any(|(k, _)| k == segment);
    let mut keys: Vec<&str> = before_entries.iter().map(|(k, _)| k.as_str()).collect();
    if !had {
        keys.push(segment);
    }
    if !after_entries.iter().map(|(k, _)| k.as_str()).eq(keys) {
        return false;
    }
    before_entries
        .iter()
        .all(|(k, v)| k == segment || after.get(k).is_some_and(|a| same(v, a)))
        && after
            .get(segment)
            .is_some_and(|a| same_but(before.and_then(|b| b.get(segment)), a, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NODES: &str = "\
# the network
nodes:
  - Node_UserIdent: a   # first
    Key_Dir: key1
    quorum:
      quorum:
        consensus: qbft
        Quorum_Version: 24.4.1 # pinned on purpose
        Extra: kept
      # Tessera
      tm:
        Name: tessera
    custom: {x: 1}

  - Node_UserIdent: b
    Key_Dir: key2
k8s:
  namespace: a
";

    #[test]
    fn a_scalar_changes_on_its_line_with_its_comment() {
        let out = set_item_scalar(
            NODES,
            "nodes",
            0,
            &["quorum", "quorum", "Quorum_Version"],
            "24.4.2",
        )
        .unwrap();
        assert_eq!(
            out,
            NODES.replace("Quorum_Version: 24.4.1 #", "Quorum_Version: \"24.4.2\" #")
        );
    }

    #[test]
    fn absent_keys_and_maps_are_added_at_the_end_of_the_deepest_map_that_exists() {
        let out =
            set_item_scalar(NODES, "nodes", 0, &["quorum", "tm", "Tm_Version"], "24.4.2").unwrap();
        assert_eq!(
            out,
            NODES.replace(
                "Name: tessera\n",
                "Name: tessera\n        Tm_Version: \"24.4.2\"\n"
            )
        );
        let out =
            set_item_scalar(NODES, "nodes", 1, &["geth", "Geth_Startup_Params"], "--x 1").unwrap();
        assert_eq!(
            out,
            NODES.replace(
                "Key_Dir: key2\n",
                "Key_Dir: key2\n    geth:\n      Geth_Startup_Params: \"--x 1\"\n"
            )
        );
        let out = set_item_scalar(NODES, "nodes", 0, &["Node_UserIdent"], "z").unwrap();
        assert!(
            out.starts_with("# the network\nnodes:\n  - Node_UserIdent: z   # first\n"),
            "{out}"
        );
    }

    #[test]
    fn an_empty_map_key_gets_the_path_below_it() {
        let text = "nodes:\n  - Node_UserIdent: a\n    geth: # none yet\n";
        let out = set_item_scalar(text, "nodes", 0, &["geth", "Geth_Startup_Params"], "").unwrap();
        assert_eq!(
            out,
            "nodes:\n  - Node_UserIdent: a\n    geth: # none yet\n      Geth_Startup_Params: \"\"\n"
        );
    }

    #[test]
    fn flow_maps_and_collections_at_the_scalar_are_refused() {
        let err = set_item_scalar(NODES, "nodes", 0, &["custom", "x"], "2").unwrap_err();
        assert!(matches!(err, EditError::NotABlockMap { .. }), "{err}");
        let err = set_item_scalar(NODES, "nodes", 0, &["quorum", "tm"], "x").unwrap_err();
        assert!(
            matches!(err, EditError::NotAScalar { line: 12, .. }),
            "{err}"
        );
    }

    #[test]
    fn block_scalars_are_replaced_whole() {
        let text = "nodes:\n  - Node_UserIdent: a\n    geth:\n      Geth_Startup_Params: >-\n        --a\n        --b\n    Key_Dir: k\n";
        let out =
            set_item_scalar(text, "nodes", 0, &["geth", "Geth_Startup_Params"], "--c").unwrap();
        assert_eq!(
            out,
            "nodes:\n  - Node_UserIdent: a\n    geth:\n      Geth_Startup_Params: --c\n    Key_Dir: k\n"
        );
    }
}
