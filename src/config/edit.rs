//! Lossless edits of `qubernetes.yaml`: each edit splices whole lines of the original text, so
//! comments, unknown keys and key order survive, and the diff is the edited entry alone. Every
//! edit re-parses its result and checks that nothing but the intended change happened.

use std::ops::Range;

mod verify;

use super::doc::{self, Node, Value};
pub use verify::same;
use verify::{entry_node, same_except, same_items, verify};

mod field;
pub use field::set_item_scalar;
mod switch;
pub use switch::{is_on, set_switch};

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error(
        "`{key}` (line {line}) is written in flow style (`[...]` or `{{...}}`); qctl edits block-style lists only, so rewrite it as `- ` items with one key per line"
    )]
    FlowStyle { key: String, line: usize },
    #[error("`{key}` (line {line}) is not a list")]
    NotAList { key: String, line: usize },
    #[error(
        "`{section}` (line {line}) is not a block map; rewrite it with one `key: value` per line"
    )]
    NotABlockMap { section: String, line: usize },
    #[error("`{what}` (line {line}) is a list or map, not a single value")]
    NotAScalar { what: String, line: usize },
    #[error("`{what}` (line {line}) is not true or false")]
    NotABoolean { what: String, line: usize },
    #[error("the edit of `{what}` did not re-read as intended; the file was left unchanged")]
    Unverified { what: String },
}

/// An entry to insert: keys in order with nested maps, rendered as block YAML.
pub type Entry = serde_json::Map<String, serde_json::Value>;

/// Appends `entry` to the top-level list `key`, creating the list when absent.
pub fn append_item(text: &str, key: &str, entry: &Entry) -> Result<String, EditError> {
    append_items(text, key, std::slice::from_ref(entry))
}

/// Appends `entries` in order to the top-level list `key`, creating the list when absent: the
/// text [`append_item`] gives for each in turn, made in one pass over the document (one parse,
/// one splice, one verification), so the cost does not grow with the square of the entries.
pub fn append_items(text: &str, key: &str, entries: &[Entry]) -> Result<String, EditError> {
    if entries.is_empty() {
        return Ok(text.to_string());
    }
    let doc = parse_ok(text);
    let lines = Lines::new(text);
    let render_all = |dash: usize, content: usize, gap: bool| {
        let mut body = String::new();
        for entry in entries {
            if gap {
                body.push_str(lines.eol);
            }
            body.push_str(&render_item(entry, dash, content, lines.eol));
        }
        body
    };
    let out = match doc.get(key).filter(|n| !n.is_null()) {
        None => {
            // `key:` with an empty value is replaced; a missing key is appended at the end.
            let body = render_all(2, 4, false);
            match doc.get(key) {
                Some(_) => {
                    // `key:` (and its comment, if any) stays; the list starts below it.
                    let at = null_key_line(&lines, &doc, key);
                    let head = lines.get(at).trim_end().to_string();
                    let mut l = lines.clone();
                    l.replace(at..at + 1, &format!("{head}{}{body}", lines.eol));
                    l.join()
                }
                None => {
                    let mut l = lines.clone();
                    l.push(&format!("{key}:{}{body}", lines.eol));
                    l.join()
                }
            }
        }
        Some(seq) => {
            let items = seq.as_seq().ok_or_else(|| EditError::NotAList {
                key: key.into(),
                line: seq.line,
            })?;
            if items.is_empty() {
                if !lines.get(seq.line - 1).contains("[]") {
                    return Err(EditError::FlowStyle {
                        key: key.into(),
                        line: seq.line,
                    });
                }
                let at = seq.line - 1;
                let line = lines.get(at).replacen("[]", "", 1);
                let body = render_all(2, 4, false);
                let mut l = lines.clone();
                l.replace(
                    at..at + 1,
                    &format!("{}{}{body}", line.trim_end(), lines.eol),
                );
                l.join()
            } else {
                let blocks = item_blocks(&lines, key, seq)?;
                let last = blocks.last().expect("non-empty list");
                let (dash, content) = item_indent(lines.get(last.start));
                // Keep the file's habit of blank lines between items.
                let gap = blocks.len() > 1 && lines.get(last.start - 1).trim().is_empty();
                let mut l = lines.clone();
                l.insert(last.end, &render_all(dash, content, gap));
                l.join()
            }
        }
    };
    let added: Vec<Node> = entries.iter().map(entry_node).collect();
    verify(&doc, &out, key, |before, after| {
        after.len() == before.len() + added.len()
            && same_items(before, &after[..before.len()])
            && same_items(&added, &after[before.len()..])
    })?;
    Ok(out)
}

/// The parsed document, its lines and the line ranges of the items of the existing top-level
/// list `key`.
fn existing_list<'a>(
    text: &'a str,
    key: &str,
) -> Result<(Node, Lines<'a>, Vec<Range<usize>>), EditError> {
    let doc = parse_ok(text);
    let lines = Lines::new(text);
    let seq = doc.get(key).ok_or_else(|| EditError::NotAList {
        key: key.into(),
        line: 1,
    })?;
    let blocks = item_blocks(&lines, key, seq)?;
    Ok((doc, lines, blocks))
}

/// Removes item `index` of the top-level list `key`.
pub fn remove_item(text: &str, key: &str, index: usize) -> Result<String, EditError> {
    let (doc, lines, blocks) = existing_list(text, key)?;
    let mut range = blocks[index].clone();
    // Items set apart by blank lines: the item goes with one separator. For the last item that
    // is the one before it (the one `append_item` wrote), so append then remove restores the
    // text byte for byte; otherwise the one after it, if there is one.
    let blank = |i: usize| i < lines.len() && lines.get(i).trim().is_empty();
    if range.start > 0 && blank(range.start - 1) {
        if index > 0 && index + 1 == blocks.len() {
            range.start -= 1;
        } else if blank(range.end) {
            range.end += 1;
        }
    }
    let mut l = lines.clone();
    l.replace(range, "");
    let out = l.join();
    verify(&doc, &out, key, |before, after| {
        after.len() + 1 == before.len()
            && same_items(&before[..index], &after[..index])
            && same_items(&before[index + 1..], &after[index..])
    })?;
    Ok(out)
}

/// Replaces item `index` of the top-level list `key` with `entry`, keeping its indentation.
pub fn replace_item(
    text: &str,
    key: &str,
    index: usize,
    entry: &Entry,
) -> Result<String, EditError> {
    replace_items(text, key, &[(index, entry.clone())])
}

/// Replaces items of the top-level list `key`, each `(index, entry)` keeping the indentation of
/// the item it replaces, in one pass over the document. An index given twice takes the last
/// entry; an index past the end of the list is a bug of the caller (it panics).
pub fn replace_items(
    text: &str,
    key: &str,
    replacements: &[(usize, Entry)],
) -> Result<String, EditError> {
    if replacements.is_empty() {
        return Ok(text.to_string());
    }
    let (doc, lines, blocks) = existing_list(text, key)?;
    let by_index: std::collections::BTreeMap<usize, &Entry> =
        replacements.iter().map(|(i, e)| (*i, e)).collect();
    let mut out = String::with_capacity(text.len());
    let mut next = 0;
    for (&index, entry) in &by_index {
        let block = &blocks[index];
        for i in next..block.start {
            out.push_str(lines.get(i));
        }
        let (dash, content) = item_indent(lines.get(block.start));
        out.push_str(&render_item(entry, dash, content, lines.eol));
        next = block.end;
    }
    for i in next..lines.len() {
        out.push_str(lines.get(i));
    }
    let replaced: std::collections::BTreeMap<usize, Node> =
        by_index.iter().map(|(&i, e)| (i, entry_node(e))).collect();
    verify(&doc, &out, key, |before, after| {
        before.len() == after.len()
            && before.iter().zip(after).enumerate().all(|(i, (b, a))| {
                replaced
                    .get(&i)
                    .map_or_else(|| same(b, a), |entry| same(entry, a))
            })
    })?;
    Ok(out)
}

/// Sets the scalar `section.key` (e.g. `config.Genesis_File`), adding the key or the section
/// when absent.
pub fn set_scalar(text: &str, section: &str, key: &str, value: &str) -> Result<String, EditError> {
    let doc = parse_ok(text);
    let lines = Lines::new(text);
    let rendered = render_scalar(value);
    let mut l = lines.clone();
    match doc.get(section).filter(|n| !n.is_null()) {
        None => {
            if doc.get(section).is_some() {
                let at = null_key_line(&lines, &doc, section);
                l.replace(
                    at..at + 1,
                    &format!("{section}:{eol}  {key}: {rendered}{eol}", eol = lines.eol),
                );
            } else {
                l.push(&format!(
                    "{section}:{eol}  {key}: {rendered}{eol}",
                    eol = lines.eol
                ));
            }
        }
        Some(map) => {
            let entries = map.as_map().ok_or_else(|| EditError::NotABlockMap {
                section: section.into(),
                line: map.line,
            })?;
            let line = lines.get(map.line - 1);
            let flow = line.trim_start().starts_with('{')
                || line
                    .split_once(&format!("{section}:"))
                    .is_some_and(|(_, value)| value.trim_start().starts_with('{'));
            if flow || entries.is_empty() {
                return Err(EditError::NotABlockMap {
                    section: section.into(),
                    line: map.line,
                });
            }
            let indent = indent_of(lines.get(map.line - 1));
            match map.get(key) {
                Some(existing) if matches!(existing.value, Value::Scalar { .. }) => {
                    let at = key_line(&lines, existing.line - 1, key);
                    l.replace(
                        at..at + 1,
                        &format!("{}{key}: {rendered}{}", " ".repeat(indent), lines.eol),
                    );
                }
                Some(other) => {
                    return Err(EditError::NotABlockMap {
                        section: format!("{section}.{key}"),
                        line: other.line,
                    });
                }
                None => {
                    let end = block_end(&lines, map.line - 1, indent.saturating_sub(1));
                    l.insert(
                        end,
                        &format!("{}{key}: {rendered}{}", " ".repeat(indent), lines.eol),
                    );
                }
            }
        }
    }
    let out = l.join();
    let after = doc::parse(&out).map_err(|_| EditError::Unverified {
        what: format!("{section}.{key}"),
    })?;
    let ok = after
        .get(section)
        .and_then(|s| s.get(key))
        .and_then(Node::as_str)
        == Some(value)
        && same_except(&doc, &after, section);
    if !ok {
        return Err(EditError::Unverified {
            what: format!("{section}.{key}"),
        });
    }
    Ok(out)
}

/// Renders `entry` as a list item: `- ` at column `dash`, keys at column `content`.
pub fn render_item(entry: &Entry, dash: usize, content: usize, eol: &str) -> String {
    let yaml = crate::yaml::block_text(&serde_json::Value::Object(entry.clone()));
    let mut out = String::new();
    for (i, line) in yaml.lines().enumerate() {
        if i == 0 {
            out.push_str(&" ".repeat(dash));
            out.push('-');
            out.push_str(&" ".repeat(content - dash - 1));
        } else {
            out.push_str(&" ".repeat(content));
        }
        out.push_str(line);
        out.push_str(eol);
    }
    out
}

fn render_scalar(value: &str) -> String {
    crate::yaml::block_text(&serde_json::Value::String(value.to_string()))
        .trim_end()
        .to_string()
}

/// The text as lines with their endings, for whole-line splices.
#[derive(Clone)]
struct Lines<'a> {
    lines: Vec<std::borrow::Cow<'a, str>>,
    eol: &'static str,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let mut lines: Vec<_> = text
            .split_inclusive('\n')
            .map(std::borrow::Cow::Borrowed)
            .collect();
        if let Some(last) = lines.last_mut()
            && !last.ends_with('\n')
        {
            *last = format!("{last}{eol}").into();
        }
        Lines { lines, eol }
    }
    fn len(&self) -> usize {
        self.lines.len()
    }
    fn get(&self, i: usize) -> &str {
        self.lines.get(i).map_or("", |l| l)
    }
    fn replace(&mut self, range: Range<usize>, with: &str) {
        let end = range.end.min(self.lines.len());
        self.lines.splice(
            range.start..end,
            [std::borrow::Cow::Owned(with.to_string())],
        );
    }
    fn insert(&mut self, at: usize, text: &str) {
        self.lines
            .insert(at.min(self.lines.len()), text.to_string().into());
    }
    fn push(&mut self, text: &str) {
        self.lines.push(text.to_string().into());
    }
    fn join(&self) -> String {
        self.lines.concat()
    }
}

fn parse_ok(text: &str) -> Node {
    doc::parse(text).expect("callers edit only documents that parsed")
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// Columns of the dash and of the content of an item's first line (`  - key: v` → 2, 4).
fn item_indent(line: &str) -> (usize, usize) {
    let dash = indent_of(line);
    let after = &line[dash + 1..];
    let content = dash + 1 + (after.len() - after.trim_start_matches(' ').len()).max(1);
    (dash, content)
}

/// End (exclusive) of the block that starts at `start`: the lines after it that are blank,
/// comments or indented deeper than `parent_indent`, minus trailing blanks and comments.
fn block_end(lines: &Lines, start: usize, parent_indent: usize) -> usize {
    let mut end = start + 1;
    for j in start + 1..lines.len() {
        let line = lines.get(j);
        if is_blank_or_comment(line) {
            continue;
        }
        if indent_of(line) > parent_indent {
            end = j + 1;
        } else {
            break;
        }
    }
    end
}

/// Line ranges of the items of a block list, from each `-` line to its last content line.
fn item_blocks(lines: &Lines, key: &str, seq: &Node) -> Result<Vec<Range<usize>>, EditError> {
    let items = seq.as_seq().ok_or_else(|| EditError::NotAList {
        key: key.into(),
        line: seq.line,
    })?;
    let mut blocks = Vec::with_capacity(items.len());
    for item in items {
        let mut dash_line = item.line - 1;
        while !lines.get(dash_line).trim_start().starts_with('-') {
            if dash_line == 0 {
                return Err(EditError::FlowStyle {
                    key: key.into(),
                    line: seq.line,
                });
            }
            dash_line -= 1;
        }
        // `- [..]` or `- {..}`: the item itself is a flow collection.
        let item = lines.get(dash_line).trim_start()[1..].trim_start();
        if item.starts_with(['[', '{']) {
            return Err(EditError::FlowStyle {
                key: key.into(),
                line: seq.line,
            });
        }
        let dash = indent_of(lines.get(dash_line));
        blocks.push(dash_line..block_end(lines, dash_line, dash));
    }
    if blocks.windows(2).any(|w| w[0].end > w[1].start) {
        return Err(EditError::FlowStyle {
            key: key.into(),
            line: seq.line,
        });
    }
    Ok(blocks)
}

/// The line of a top-level `key:` whose value is empty.
fn null_key_line(lines: &Lines, doc: &Node, key: &str) -> usize {
    let near = doc.get(key).map_or(0, |n| n.line.saturating_sub(1));
    (0..lines.len())
        .rev()
        .find(|&i| i <= near && lines.get(i).starts_with(&format!("{key}:")))
        .unwrap_or(near)
}

/// The line of `key:` at or before `value_line`.
fn key_line(lines: &Lines, value_line: usize, key: &str) -> usize {
    (0..=value_line)
        .rev()
        .find(|&i| lines.get(i).trim_start().starts_with(&format!("{key}:")))
        .unwrap_or(value_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str) -> Entry {
        let mut e = Entry::new();
        e.insert("Node_UserIdent".into(), name.into());
        e
    }

    #[test]
    fn removing_the_last_item_after_an_append_restores_a_list_with_blank_separators() {
        // The list ends the file, or is followed by a comment or a key without a blank line:
        // the blank line `append_item` put before the new item used to stay behind.
        for tail in [
            "",
            "# trailing note\n",
            "k8s:\n  namespace: a\n",
            "\nk8s: {}\n",
        ] {
            let text = format!("nodes:\n  - Node_UserIdent: a\n\n  - Node_UserIdent: b\n{tail}");
            let added = append_item(&text, "nodes", &entry("c")).unwrap();
            assert!(added.contains("b\n\n  - Node_UserIdent: c\n"), "{added}");
            assert_eq!(remove_item(&added, "nodes", 2).unwrap(), text);
        }
    }

    #[test]
    fn removing_an_item_between_blank_lines_keeps_one_of_them() {
        let text =
            "nodes:\n  - Node_UserIdent: a\n\n  - Node_UserIdent: b\n\n  - Node_UserIdent: c\n";
        let expected = "nodes:\n  - Node_UserIdent: a\n\n  - Node_UserIdent: c\n";
        assert_eq!(remove_item(text, "nodes", 1).unwrap(), expected);
        assert_eq!(
            remove_item(text, "nodes", 2).unwrap(),
            "nodes:\n  - Node_UserIdent: a\n\n  - Node_UserIdent: b\n"
        );
    }

    #[test]
    fn appending_many_at_once_gives_the_text_of_appending_one_at_a_time() {
        let entries: Vec<Entry> = ["x", "y", "z"].into_iter().map(entry).collect();
        for text in [
            "k8s:\n  namespace: a\n",
            "nodes:\nk8s: {}\n",
            "nodes: []\n# end\n",
            "nodes:\n  - Node_UserIdent: a\n",
            "nodes:\n  - Node_UserIdent: a\n\n  - Node_UserIdent: b\n# tail\n",
            "nodes:\r\n- Node_UserIdent: a\r\n- Node_UserIdent: b\r\n",
        ] {
            let mut one_by_one = text.to_string();
            for e in &entries {
                one_by_one = append_item(&one_by_one, "nodes", e).unwrap();
            }
            assert_eq!(
                append_items(text, "nodes", &entries).unwrap(),
                one_by_one,
                "{text:?}"
            );
        }
        assert_eq!(append_items("a: 1\n", "nodes", &[]).unwrap(), "a: 1\n");
    }

    #[test]
    fn replacing_many_at_once_gives_the_text_of_replacing_one_at_a_time() {
        let text = "nodes:\n  - Node_UserIdent: a\n\n  - Node_UserIdent: b\n    # about b\n  - Node_UserIdent: c\nk8s: {}\n";
        let replacements = [(2, entry("z")), (0, entry("x"))];
        let mut one_by_one = text.to_string();
        for (i, e) in &replacements {
            one_by_one = replace_item(&one_by_one, "nodes", *i, e).unwrap();
        }
        assert_eq!(
            replace_items(text, "nodes", &replacements).unwrap(),
            one_by_one
        );
    }
}
