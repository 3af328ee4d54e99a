//! Turning a top-level section such as `prometheus` on or off. The section is on when present
//! and not switched off: `section:` alone, `section: true`, or a map whose `enabled` is absent
//! or true; it is off when absent, `section: false`, or a map with `enabled: false` (how
//! [`crate::config::Config`] reads it).
//!
//! Each edit is the smallest splice that flips the state, and off undoes on byte for byte:
//!
//! | before | on | off |
//! |---|---|---|
//! | absent | `section:` / `  enabled: true` appended | — |
//! | `section: false` ↔ `section: true` | the scalar replaced, comments kept | the scalar replaced |
//! | `enabled: false` ↔ `enabled: true` in a map | the scalar replaced | the scalar replaced |
//! | a map holding only `enabled: true` | — | the section removed (with the blank line before it, as appended) |
//! | `section:` alone | — | `section: false` |
//! | a map without `enabled` | — | `enabled: false` added at its end |

use super::{
    EditError, Lines, block_end, indent_of, is_blank_or_comment, key_line, null_key_line, parse_ok,
    same, same_except,
};
use crate::config::doc::{self, Node};

/// The key of a section's map that switches it.
const ENABLED: &str = "enabled";

/// Whether the top-level `section` of `doc` is on; `None` when a value is not a boolean.
pub fn is_on(doc: &Node, section: &str) -> Option<bool> {
    let Some(node) = doc.get(section) else {
        return Some(false);
    };
    if node.is_null() {
        return Some(true);
    }
    if node.as_map().is_some() {
        return match node.get(ENABLED) {
            None => Some(true),
            Some(enabled) if enabled.is_null() => Some(true),
            Some(enabled) => boolean(enabled),
        };
    }
    boolean(node)
}

fn boolean(node: &Node) -> Option<bool> {
    match node.as_str()? {
        "true" | "True" | "TRUE" | "yes" => Some(true),
        "false" | "False" | "FALSE" | "no" => Some(false),
        _ => None,
    }
}

/// The text with the top-level `section` switched `on` (or off); the text unchanged when it
/// already is.
pub fn set_switch(text: &str, section: &str, on: bool) -> Result<String, EditError> {
    let doc = parse_ok(text);
    let unverified = || EditError::Unverified {
        what: section.into(),
    };
    let state = is_on(&doc, section).ok_or_else(|| EditError::NotABoolean {
        what: section.into(),
        line: doc.line_of(section),
    })?;
    if state == on {
        return Ok(text.to_string());
    }
    let lines = Lines::new(text);
    let mut l = lines.clone();
    let word = if on { "true" } else { "false" };
    let node = doc.get(section);
    match node {
        None => {
            // Off when absent, so this turns it on.
            let separate = separated_by_blank_lines(&lines, &doc);
            let eol = lines.eol;
            let blank = if separate { eol } else { "" };
            l.push(&format!("{blank}{section}:{eol}  {ENABLED}: true{eol}"));
        }
        Some(node) if node.is_null() => {
            // `section:` alone is on; this turns it off.
            let at = null_key_line(&lines, &doc, section);
            let line = lines.get(at);
            let (key, rest) = line.split_once(':').ok_or_else(unverified)?;
            let rest = rest.trim_start();
            let rest = ["~", "null", "Null", "NULL"]
                .iter()
                .find_map(|null| rest.strip_prefix(null))
                .unwrap_or(rest);
            let comment = rest.trim_end_matches(['\r', '\n']);
            let spacer = if comment.is_empty() || comment.starts_with(' ') {
                ""
            } else {
                " "
            };
            l.replace(
                at..at + 1,
                &format!("{key}: {word}{spacer}{comment}{}", lines.eol),
            );
        }
        Some(map) if map.as_map().is_some() => match map.get(ENABLED) {
            Some(_) if !on && only_enabled(&lines, map, section) => {
                remove_section(&lines, &mut l, map, section);
            }
            Some(enabled) if enabled.is_null() => return Err(unverified()),
            Some(enabled) => {
                let at = enabled.line - 1;
                let replaced = replace_value(lines.get(at), ENABLED, on).ok_or_else(unverified)?;
                l.replace(at..at + 1, &replaced);
            }
            None => {
                let first = lines.get(map.line - 1);
                let flow = first.trim_start().starts_with('{')
                    || first
                        .split_once(&format!("{section}:"))
                        .is_some_and(|(_, value)| value.trim_start().starts_with('{'));
                if flow {
                    return Err(EditError::NotABlockMap {
                        section: section.into(),
                        line: map.line,
                    });
                }
                let indent = indent_of(first);
                let end = block_end(&lines, map.line - 1, indent.saturating_sub(1));
                l.insert(
                    end,
                    &format!("{}{ENABLED}: {word}{}", " ".repeat(indent), lines.eol),
                );
            }
        },
        Some(scalar) => {
            let at = key_line(&lines, scalar.line - 1, section);
            let replaced = replace_value(lines.get(at), section, on).ok_or_else(unverified)?;
            l.replace(at..at + 1, &replaced);
        }
    }
    let out = l.join();
    let after = doc::parse(&out).map_err(|_| unverified())?;
    let kept = match (node.and_then(Node::as_map), after.get(section)) {
        (Some(before), Some(now)) => others_same(before, now),
        _ => true,
    };
    if is_on(&after, section) != Some(on) || !same_except(&doc, &after, section) || !kept {
        return Err(unverified());
    }
    Ok(out)
}

/// The section's other keys are those it had, in order, with the values they had.
fn others_same(before: &[(String, Node)], now: &Node) -> bool {
    let Some(now) = now.as_map() else {
        return false;
    };
    let others = |m: &'_ [(String, Node)]| -> Vec<(String, Node)> {
        m.iter().filter(|(k, _)| k != ENABLED).cloned().collect()
    };
    let (x, y) = (others(before), others(now));
    x.len() == y.len()
        && x.iter()
            .zip(&y)
            .all(|((kx, vx), (ky, vy))| kx == ky && same(vx, vy))
}

/// The section is a block map of the one key `enabled`, with no comment in its lines.
fn only_enabled(lines: &Lines, map: &Node, section: &str) -> bool {
    if map.as_map().map(<[_]>::len) != Some(1) {
        return false;
    }
    let start = key_line(lines, map.line - 1, section);
    if !lines.get(start).starts_with(&format!("{section}:")) {
        return false;
    }
    let end = block_end(lines, start, 0);
    (start..end).all(|i| !lines.get(i).contains('#'))
        && lines.get(start).trim_end() == format!("{section}:")
        && end == start + 2
}

/// Removes the section's lines, and the blank line before them when a blank line or the end
/// of the text follows (the separator [`set_switch`] adds when appending).
fn remove_section(lines: &Lines, l: &mut Lines, map: &Node, section: &str) {
    let start = key_line(lines, map.line - 1, section);
    let end = block_end(lines, start, 0);
    let blank_before = start > 0 && lines.get(start - 1).trim().is_empty();
    let blank_after = end >= lines.len() || lines.get(end).trim().is_empty();
    let from = if blank_before && blank_after {
        start - 1
    } else {
        start
    };
    l.lines.drain(from..end);
}

/// Whether the top-level keys of the text are set apart by blank lines (then an appended
/// section is too).
fn separated_by_blank_lines(lines: &Lines, doc: &Node) -> bool {
    let keys = doc.as_map().unwrap_or_default();
    keys.iter().skip(1).any(|(key, value)| {
        let at = key_line(lines, value.line.saturating_sub(1), key);
        (0..at)
            .rev()
            .map(|i| lines.get(i))
            .take_while(|line| is_blank_or_comment(line))
            .any(|line| line.trim().is_empty())
    })
}

/// `line` (`key: old  # comment`, or a flow map holding `key: old`) with the boolean after
/// `key:` replaced by `on` in the old value's spelling (`true`/`false`, `True`/`False`,
/// `TRUE`/`FALSE`, `yes`/`no`) and quotes; the rest of the line as it was.
fn replace_value(line: &str, key: &str, on: bool) -> Option<String> {
    let pattern = format!("{key}:");
    let at = line.find(&pattern)? + pattern.len();
    let (head, tail) = line.split_at(at);
    let spaces = tail.len() - tail.trim_start_matches(' ').len();
    let value = &tail[spaces..];
    let (len, quote) = match value.chars().next()? {
        quote @ ('\'' | '"') => (value[1..].find(quote)? + 2, Some(quote)),
        _ => (
            value
                .find(|c: char| c.is_whitespace() || matches!(c, '#' | ',' | '}' | ']'))
                .unwrap_or(value.len()),
            None,
        ),
    };
    let old = &value[..len];
    let bare = quote.map_or(old, |q| old.trim_matches(q));
    let word = SPELLINGS
        .iter()
        .find(|pair| pair.contains(&bare))
        .map_or(if on { "true" } else { "false" }, |pair| {
            pair[usize::from(!on)]
        });
    let quote = quote.map(String::from).unwrap_or_default();
    let spaces = spaces.max(1);
    Some(format!(
        "{head}{}{quote}{word}{quote}{}",
        " ".repeat(spaces),
        &value[len..]
    ))
}

/// Spellings of the booleans the config reads, on and off.
const SPELLINGS: [[&str; 2]; 4] = [
    ["true", "false"],
    ["True", "False"],
    ["TRUE", "FALSE"],
    ["yes", "no"],
];

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "genesis:\n  consensus: qbft\n\nnodes:\n  - Node_UserIdent: a\n";

    fn on(text: &str) -> String {
        set_switch(text, "prometheus", true).unwrap()
    }

    fn off(text: &str) -> String {
        set_switch(text, "prometheus", false).unwrap()
    }

    fn state(text: &str) -> Option<bool> {
        is_on(&doc::parse(text).unwrap(), "prometheus")
    }

    #[test]
    fn on_then_off_gives_back_every_off_text_byte_for_byte() {
        for tail in [
            "",
            "\nprometheus:\n  enabled: false  # not yet\n  nodePort_prom: 31323\n",
            "prometheus: false # later\n",
            "prometheus: 'false'\n",
            "prometheus: {enabled: false}\n",
            "prometheus:\n  # off for now\n  enabled: no\nk8s:\n  namespace: a\n",
        ] {
            for base in [
                BASE,
                "genesis:\n  consensus: qbft\nnodes:\n  - Node_UserIdent: a\n",
                "genesis:\r\n  consensus: qbft\r\n",
            ] {
                let text = format!("{base}{tail}");
                let text = if base.contains('\r') {
                    text.replace("\r\n", "\n").replace('\n', "\r\n")
                } else {
                    text
                };
                assert_eq!(state(&text), Some(false), "{text:?}");
                let added = on(&text);
                assert_eq!(state(&added), Some(true), "{added:?}");
                assert_eq!(on(&added), added, "on twice: {added:?}");
                assert_eq!(off(&added), text, "{added:?}");
            }
        }
    }

    #[test]
    fn a_section_of_enabled_alone_turned_off_goes_as_an_appended_one_does() {
        // `on` makes the same text of an absent section and of one holding only
        // `enabled: false`; `off` gives back the shape `on` appends, the absent section.
        let text = format!("{BASE}prometheus:\n  enabled: false\n");
        assert_eq!(off(&on(&text)), BASE);
    }

    #[test]
    fn an_appended_section_follows_the_files_blank_line_style() {
        assert_eq!(on(BASE), format!("{BASE}\nprometheus:\n  enabled: true\n"));
        let tight = "genesis:\n  consensus: qbft\nnodes: []\n";
        assert_eq!(on(tight), format!("{tight}prometheus:\n  enabled: true\n"));
    }

    #[test]
    fn turning_off_keeps_every_other_key_and_comment() {
        let text = "prometheus:\n  # the original's key\n  nodePort_prom: 31323\nk8s: {}\n";
        assert_eq!(
            off(text),
            "prometheus:\n  # the original's key\n  nodePort_prom: 31323\n  enabled: false\nk8s: {}\n"
        );
        assert_eq!(off("prometheus:\n"), "prometheus: false\n");
        assert_eq!(off("prometheus: # on\n"), "prometheus: false # on\n");
        assert_eq!(off("prometheus: ~\n"), "prometheus: false\n");
        assert_eq!(off("prometheus: true\n"), "prometheus: false\n");
        let commented = "prometheus:\n  enabled: true # yes\n";
        assert_eq!(off(commented), "prometheus:\n  enabled: false # yes\n");
        assert_eq!(
            off("a: 1\n\nprometheus:\n  enabled: true\n\nb: 2\n"),
            "a: 1\n\nb: 2\n"
        );
    }

    #[test]
    fn a_section_already_in_the_state_is_left_as_it_is() {
        for text in [
            BASE,
            "prometheus: false\n",
            "prometheus:\n  enabled: False\n",
        ] {
            assert_eq!(off(text), text);
        }
        for text in [
            "prometheus:\n",
            "prometheus: yes\n",
            "prometheus:\n  nodePort_prom: 1\n",
        ] {
            assert_eq!(on(text), text);
        }
    }

    #[test]
    fn a_value_that_is_no_boolean_is_refused() {
        let err = set_switch("prometheus:\n  enabled: maybe\n", "prometheus", true).unwrap_err();
        assert!(matches!(err, EditError::NotABoolean { .. }), "{err}");
    }
}
