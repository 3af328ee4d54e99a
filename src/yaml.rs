//! Block-style YAML for everything qctl writes (manifests, config entries). serde_yaml writes `0xd8Dba5…` (an EIP-55 address) plain,
//! because it overflows its own integers; YAML 1.1 readers (PyYAML, Ruby, schema validators)
//! then read an integer. So strings are written plain only when no YAML 1.1 or 1.2 reader can
//! take them for anything else, as literal blocks when multi-line, and double-quoted otherwise.

use serde_json::Value;

/// A mapping or sequence as block YAML without a document marker, ending in a newline.
pub fn block_text(value: &Value) -> String {
    let mut out = String::new();
    block(&mut out, value, 0);
    out.push('\n');
    out
}

/// One document, introduced by `---`.
pub fn document(value: &Value) -> String {
    let mut out = String::from("---\n");
    match value {
        Value::Object(map) if !map.is_empty() => block(&mut out, value, 0),
        Value::Array(items) if !items.is_empty() => block(&mut out, value, 0),
        scalar => write_scalar(&mut out, scalar, 0),
    }
    out.push('\n');
    out
}

/// A non-empty mapping or sequence whose first line starts at the cursor, already indented.
fn block(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Object(map) => {
            for (i, (key, value)) in map.iter().enumerate() {
                if i > 0 {
                    newline(out, indent);
                }
                write_string(out, key, indent, false);
                out.push(':');
                match value {
                    Value::Object(m) if !m.is_empty() => {
                        newline(out, indent + 2);
                        block(out, value, indent + 2);
                    }
                    // Sequences sit at their key's indentation, as kubectl writes them.
                    Value::Array(a) if !a.is_empty() => {
                        newline(out, indent);
                        block(out, value, indent);
                    }
                    scalar => {
                        out.push(' ');
                        write_scalar(out, scalar, indent + 2);
                    }
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    newline(out, indent);
                }
                out.push_str("- ");
                match item {
                    Value::Object(m) if !m.is_empty() => block(out, item, indent + 2),
                    Value::Array(a) if !a.is_empty() => block(out, item, indent + 2),
                    scalar => write_scalar(out, scalar, indent + 2),
                }
            }
        }
        scalar => write_scalar(out, scalar, indent),
    }
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', indent));
}

/// A scalar or an empty collection; `indent` is where a literal block's lines go.
fn write_scalar(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(out, s, indent, true),
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
    }
}

fn write_string(out: &mut String, s: &str, indent: usize, allow_literal: bool) {
    if is_plain_safe(s) {
        out.push_str(s);
    } else if allow_literal && literal_fits(s) {
        let body = s.strip_suffix('\n');
        out.push_str(if body.is_some() { "|" } else { "|-" });
        for line in body.unwrap_or(s).split('\n') {
            if line.is_empty() {
                out.push('\n');
            } else {
                newline(out, indent);
                out.push_str(line);
            }
        }
    } else {
        quote(out, s);
    }
}

/// Multi-line text a literal block reproduces exactly: at most one final newline (kept by
/// `|`, absent with `|-`), a first line that starts with content (it sets the indentation), no
/// lines of only blanks (which chomping and indentation rules treat specially), and only
/// characters that are printable and no line break to any YAML reader.
fn literal_fits(s: &str) -> bool {
    let first = s.split('\n').next().unwrap_or_default();
    s.contains('\n')
        && !s.ends_with("\n\n")
        && first.starts_with(|c: char| !c.is_whitespace())
        && !s
            .split('\n')
            .any(|line| !line.is_empty() && line.trim().is_empty())
        && s.chars().all(|c| c == '\n' || c == '\t' || printable(c))
}

/// YAML's printable set, less the characters some readers take for line breaks (NEL, U+2028,
/// U+2029) and the byte-order mark.
pub fn printable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// `s` as a double-quoted scalar that reads back exactly.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    quote(&mut out, s);
    out
}

/// A double-quoted scalar; everything outside [`printable`] is escaped.
fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
}

/// Words YAML 1.1 resolves to booleans or null.
const YAML11_WORDS: [&str; 22] = [
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
    "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
];

/// Conservative: a few safe characters, a safe first character, and nothing a YAML 1.1 or 1.2
/// resolver reads as a number (anything that starts like one), boolean or null.
fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let safe_char = |c: char| c.is_ascii_alphanumeric() || "._/-=+,@".contains(c);
    s.chars().all(safe_char)
        && (first.is_ascii_alphabetic()
            || first == '/'
            || first == '_'
            || (first == '-' && s.len() > 1))
        && !s.starts_with("-.")
        && !s
            .chars()
            .nth(1)
            .is_some_and(|c| first == '-' && c.is_ascii_digit())
        && !YAML11_WORDS.contains(&s)
        && !["null", "Null", "NULL"].contains(&s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Deserialize;

    fn round_trip(value: &Value) -> Value {
        Value::deserialize(serde_yaml::Deserializer::from_str(&document(value))).unwrap()
    }

    #[test]
    fn hex_addresses_numbers_and_yaml11_booleans_are_quoted() {
        let doc = document(&serde_json::json!({
            "address": "0xd8Dba507e85F116b1f7e231cA8525fC9008A6966",
            "hash": "04215e30",
            "port": "6060",
            "switch": "on",
            "time": "12:30",
            "image": "quorumengineering/quorum:24.4.1",
            "flag": "--datadir=/data/dd",
        }));
        assert_eq!(
            doc,
            "---\naddress: \"0xd8Dba507e85F116b1f7e231cA8525fC9008A6966\"\nhash: \"04215e30\"\n\
             port: \"6060\"\nswitch: \"on\"\ntime: \"12:30\"\nimage: \"quorumengineering/quorum:24.4.1\"\n\
             flag: --datadir=/data/dd\n"
        );
    }

    #[test]
    fn nested_collections_use_kubectl_block_layout() {
        let value = serde_json::json!({
            "spec": {"ports": [{"name": "p2p", "port": 30303}], "empty": {}, "none": []},
            "data": {"genesis.json": "{\n  \"a\": 1\n}\n", "compact": "[\n]"}
        });
        assert_eq!(
            document(&value),
            "---\nspec:\n  ports:\n  - name: p2p\n    port: 30303\n  empty: {}\n  none: []\n\
             data:\n  genesis.json: |\n    {\n      \"a\": 1\n    }\n  compact: |-\n    [\n    ]\n"
        );
        assert_eq!(round_trip(&value), value);
    }

    #[test]
    fn text_a_literal_block_would_alter_is_double_quoted() {
        for s in [
            "\n ",
            " leading\nspace",
            "blank\n  \nline",
            "two\n\n",
            "nel\u{85}\nx",
            "cr\r\nlf",
        ] {
            let value = serde_json::json!({ "k": s });
            assert!(document(&value).starts_with("---\nk: \""), "{s:?}");
            assert_eq!(round_trip(&value), value);
        }
    }

    proptest! {
        #[test]
        fn any_string_reads_back_unchanged(key in "\\PC{0,12}", s in "(\\PC|\\p{Cc}|\n|\t| |\u{2028}|\u{85}){0,40}") {
            let value = serde_json::json!({ key: [s.clone(), {"k": s}] });
            prop_assert_eq!(round_trip(&value), value);
        }
    }
}
