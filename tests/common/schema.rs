//! The published JSON Schemas of the `-o json` outputs (`docs/schema/*.json`), checked against
//! outputs of the real binary by a small checker of the keywords they use: `type`, `enum`,
//! `required`, `properties`, `additionalProperties`, `items`, `oneOf`, `minimum`, `maximum`.
//! `pattern` and the annotations are not checked; any other keyword fails, so a schema never
//! says more than is checked.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{Map, Value};

const ANNOTATIONS: &[&str] = &["$schema", "title", "description", "pattern"];

/// The schema `docs/schema/<name>.json`.
pub fn load(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/schema/{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Checks outputs against one schema: each must match, and together they must show every
/// property the schema declares (so a renamed or dropped field fails too).
pub struct Checker {
    name: String,
    schema: Value,
    seen: BTreeSet<String>,
}

impl Checker {
    pub fn new(name: &str) -> Checker {
        Checker {
            name: name.to_string(),
            schema: load(name),
            seen: BTreeSet::new(),
        }
    }

    #[track_caller]
    pub fn check(&mut self, value: &Value) {
        let mut errors = Vec::new();
        check(&self.schema, value, "", &mut errors, &mut self.seen);
        assert!(
            errors.is_empty(),
            "output does not match docs/schema/{}.json:\n{}\n{value:#}",
            self.name,
            errors.join("\n")
        );
    }

    /// Every property the schema declares appeared in a checked output.
    #[track_caller]
    pub fn all_properties_seen(&self) {
        let mut declared = BTreeSet::new();
        declared_properties(&self.schema, "", &mut declared);
        let unseen: Vec<_> = declared.difference(&self.seen).collect();
        assert!(
            unseen.is_empty(),
            "docs/schema/{}.json declares {unseen:?}, which no checked output has",
            self.name
        );
    }
}

fn declared_properties(schema: &Value, at: &str, out: &mut BTreeSet<String>) {
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, sub) in props {
            let path = format!("{at}.{name}");
            out.insert(path.clone());
            declared_properties(sub, &path, out);
        }
    }
    if let Some(items) = schema.get("items") {
        declared_properties(items, &format!("{at}[]"), out);
    }
    for sub in schema
        .get("oneOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        declared_properties(sub, at, out);
    }
}

fn type_matches(name: &str, value: &Value) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        other => panic!("unknown type `{other}` in a schema"),
    }
}

/// `schema` at `at` (a path such as `[0].ready`) against `value`; problems into `errors`,
/// the paths of the properties met into `seen` (array indexes as `[]`).
fn check(
    schema: &Value,
    value: &Value,
    at: &str,
    errors: &mut Vec<String>,
    seen: &mut BTreeSet<String>,
) {
    let schema = schema.as_object().expect("a schema is an object");
    for key in schema.keys() {
        let known = [
            "type",
            "enum",
            "required",
            "properties",
            "additionalProperties",
            "items",
            "oneOf",
            "minimum",
            "maximum",
        ];
        assert!(
            known.contains(&key.as_str()) || ANNOTATIONS.contains(&key.as_str()),
            "schema keyword `{key}` is not checked"
        );
    }
    let shown = if at.is_empty() { "(root)" } else { at };
    if let Some(types) = schema.get("type") {
        let names: Vec<&str> = match types {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().map(|t| t.as_str().unwrap()).collect(),
            _ => panic!("bad `type`"),
        };
        if !names.iter().any(|t| type_matches(t, value)) {
            errors.push(format!("{shown}: {value} is not of type {names:?}"));
            return;
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array)
        && !values.contains(value)
    {
        errors.push(format!("{shown}: {value} is not one of {values:?}"));
    }
    let bound = |key: &str| schema.get(key).and_then(Value::as_f64);
    if let (Some(n), Some(min)) = (value.as_f64(), bound("minimum"))
        && n < min
    {
        errors.push(format!("{shown}: {n} < minimum {min}"));
    }
    if let (Some(n), Some(max)) = (value.as_f64(), bound("maximum"))
        && n > max
    {
        errors.push(format!("{shown}: {n} > maximum {max}"));
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let matching: Vec<BTreeSet<String>> = options
            .iter()
            .filter_map(|option| {
                let (mut e, mut s) = (Vec::new(), BTreeSet::new());
                check(option, value, at, &mut e, &mut s);
                e.is_empty().then_some(s)
            })
            .collect();
        if matching.len() != 1 {
            errors.push(format!(
                "{shown}: {value} matches {} of the oneOf options, not exactly one",
                matching.len()
            ));
        }
        seen.extend(matching.into_iter().flatten());
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            let mut item_seen = BTreeSet::new();
            check(items, item, &format!("{at}[{i}]"), errors, &mut item_seen);
            let prefix = format!("{at}[{i}]");
            seen.extend(
                item_seen
                    .into_iter()
                    .map(|p| format!("{at}[]{}", &p[prefix.len()..])),
            );
        }
    }
    if let Some(object) = value.as_object() {
        check_object(schema, object, at, errors, seen);
    }
}

fn check_object(
    schema: &Map<String, Value>,
    object: &Map<String, Value>,
    at: &str,
    errors: &mut Vec<String>,
    seen: &mut BTreeSet<String>,
) {
    let shown = if at.is_empty() { "(root)" } else { at };
    for name in schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = name.as_str().unwrap();
        if !object.contains_key(name) {
            errors.push(format!("{shown}: required field `{name}` is missing"));
        }
    }
    let properties = schema.get("properties").and_then(Value::as_object);
    for (name, field) in object {
        let path = format!("{at}.{name}");
        match properties.and_then(|p| p.get(name)) {
            Some(sub) => {
                seen.insert(path.clone());
                check(sub, field, &path, errors, seen);
            }
            None => match schema.get("additionalProperties") {
                Some(Value::Bool(false)) => {
                    errors.push(format!("{shown}: field `{name}` is not in the schema"))
                }
                Some(sub @ Value::Object(_)) => check(sub, field, &path, errors, seen),
                _ => {}
            },
        }
    }
}
