//! Reading a bundle from untrusted bytes. The input is bounded in size, scanned event by event
//! before serde sees it (no anchors or aliases, one document, shallow nesting), and every error
//! names the input, the line and the field.

use std::collections::BTreeMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

use super::error::{At, BundleError, MAX_BUNDLE_BYTES, Problem, clip, shown};
use super::model::{API_VERSION, JoinBundle, KIND, RawBundle};

/// A bundle is three levels deep; anything much deeper is not a bundle and only costs stack.
const MAX_DEPTH: usize = 16;

/// A parsed bundle and where its fields were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub bundle: JoinBundle,
    pub origin: Origin,
}

/// The input a bundle came from and the line of each field path in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// File path, or `-` for standard input.
    pub input: String,
    lines: BTreeMap<String, usize>,
}

impl Origin {
    /// An origin without line information, for bundles built in memory.
    pub fn new(input: impl Into<String>) -> Self {
        Origin {
            input: input.into(),
            lines: BTreeMap::new(),
        }
    }

    /// Line of a field path, or of its closest enclosing field.
    pub fn line(&self, path: &str) -> Option<usize> {
        let mut path = path;
        loop {
            if let Some(line) = self.lines.get(path) {
                return Some(*line);
            }
            path = &path[..path.rfind(['.', '['])?];
        }
    }

    pub(crate) fn problem(&self, path: impl Into<String>, message: impl Into<String>) -> Problem {
        let path = path.into();
        Problem {
            line: self.line(&path),
            path,
            message: message.into(),
        }
    }

    fn at(&self, line: Option<usize>) -> At {
        At {
            input: self.input.clone(),
            line,
        }
    }
}

/// Parses a join bundle (YAML, or JSON, which is YAML too) or a bare `external_nodes:` list.
/// `input_name` names the input in errors: a file path, or `-` for standard input.
pub fn parse(input: &[u8], input_name: &str) -> Result<Parsed, BundleError> {
    if input.len() > MAX_BUNDLE_BYTES {
        return Err(BundleError::TooLarge {
            input: input_name.to_string(),
            limit: MAX_BUNDLE_BYTES,
        });
    }
    let mut origin = Origin::new(input_name);
    let text = std::str::from_utf8(input).map_err(|e| BundleError::Syntax {
        at: origin.at(Some(line_at(input, e.valid_up_to()))),
        message: "the input is not UTF-8 text".to_string(),
    })?;
    // Editors on some systems start a UTF-8 file with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    origin.lines = scan(text, &origin)?;
    let raw: RawBundle = serde_yaml::from_str(text).map_err(|e| {
        let message = e.to_string();
        // The line goes into `At`; drop serde_yaml's own " at line N column M" suffix.
        let message = match message.rfind(" at line ") {
            Some(i) if e.location().is_some() => message[..i].to_string(),
            _ => message,
        };
        BundleError::Syntax {
            at: origin.at(e.location().map(|l| l.line())),
            message: clip(&message, 400),
        }
    })?;
    let bundle = envelope(raw, &origin)?;
    Ok(Parsed { bundle, origin })
}

/// Checks `apiVersion`/`kind` and fills them in for a bare `external_nodes:` list.
fn envelope(raw: RawBundle, origin: &Origin) -> Result<JoinBundle, BundleError> {
    let missing_nodes = || BundleError::Syntax {
        at: origin.at(None),
        message: "missing `external_nodes` (the list of nodes to import)".to_string(),
    };
    if raw.api_version.is_none() && raw.kind.is_none() {
        if let Some(field) = [
            ("network", raw.network.is_some()),
            ("genesis", raw.genesis.is_some()),
        ]
        .into_iter()
        .find_map(|(field, present)| present.then_some(field))
        {
            return Err(BundleError::Syntax {
                at: origin.at(origin.line(field)),
                message: format!(
                    "`{field}` needs `apiVersion: {API_VERSION}` and `kind: {KIND}`; only a bare `external_nodes:` list may omit them"
                ),
            });
        }
    } else {
        for (field, value, expected) in [
            ("apiVersion", &raw.api_version, API_VERSION),
            ("kind", &raw.kind, KIND),
        ] {
            if value.as_deref() != Some(expected) {
                return Err(BundleError::Unsupported {
                    at: origin.at(origin.line(field)),
                    field,
                    value: value
                        .as_deref()
                        .map_or_else(|| "(missing)".to_string(), shown),
                    expected,
                });
            }
        }
    }
    Ok(JoinBundle {
        api_version: API_VERSION.to_string(),
        kind: KIND.to_string(),
        network: raw.network,
        external_nodes: raw.external_nodes.ok_or_else(missing_nodes)?,
        genesis: raw.genesis.map(|g| g.0),
    })
}

/// One open collection while scanning.
enum Frame {
    /// A mapping; `key` is set between a key and the end of its value.
    Map {
        path: String,
        key: Option<String>,
    },
    Seq {
        path: String,
        next: usize,
    },
}

/// Walks the YAML events: refuses anchors, aliases, several documents, non-scalar keys and
/// deep nesting, and records the 1-based line of every field path.
fn scan(text: &str, origin: &Origin) -> Result<BTreeMap<String, usize>, BundleError> {
    let mut lines = BTreeMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut documents = 0;
    let mut content = false;
    let mut parser = Parser::new_from_str(text);
    loop {
        let (event, mark) = parser.next_token().map_err(|e| BundleError::Syntax {
            at: origin.at(Some(e.marker().line())),
            message: e.info().to_string(),
        })?;
        let line = mark.line();
        let syntax = |message: &str| BundleError::Syntax {
            at: origin.at(Some(line)),
            message: message.to_string(),
        };
        let (anchor, opens) = match &event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(BundleError::MultipleDocuments {
                        at: origin.at(Some(line)),
                    });
                }
                continue;
            }
            Event::Alias(_) => {
                return Err(BundleError::Alias {
                    at: origin.at(Some(line)),
                });
            }
            Event::Scalar(value, style, anchor, _) => {
                if *anchor == 0
                    && let Some(Frame::Map {
                        key: key @ None, ..
                    }) = stack.last_mut()
                {
                    // A mapping key: it names the value that follows.
                    *key = Some(value.clone());
                    let path = value_path(&mut stack);
                    lines.entry(path).or_insert(line);
                    continue;
                }
                let null =
                    *style == TScalarStyle::Plain && matches!(value.as_str(), "" | "~" | "null");
                content |= !(stack.is_empty() && null);
                (*anchor, false)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                content = true;
                (*anchor, true)
            }
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
                end_value(&mut stack);
                continue;
            }
            Event::StreamStart | Event::DocumentEnd | Event::Nothing => continue,
        };
        if anchor != 0 {
            return Err(BundleError::Alias {
                at: origin.at(Some(line)),
            });
        }
        if matches!(stack.last(), Some(Frame::Map { key: None, .. })) {
            return Err(syntax("mapping keys must be plain strings"));
        }
        let path = value_path(&mut stack);
        lines.entry(path.clone()).or_insert(line);
        if !opens {
            end_value(&mut stack);
            continue;
        }
        if stack.len() >= MAX_DEPTH {
            return Err(syntax(&format!(
                "nested more than {MAX_DEPTH} levels deep; a join bundle is a flat document"
            )));
        }
        stack.push(match event {
            Event::MappingStart(..) => Frame::Map { path, key: None },
            _ => Frame::Seq { path, next: 0 },
        });
    }
    if !content {
        return Err(BundleError::Empty {
            input: origin.input.clone(),
        });
    }
    Ok(lines)
}

/// Path of the node that starts now; advances a sequence's index.
fn value_path(stack: &mut [Frame]) -> String {
    match stack.last_mut() {
        None => String::new(),
        Some(Frame::Map { path, key }) => {
            let key = key.as_deref().unwrap_or_default();
            if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            }
        }
        Some(Frame::Seq { path, next }) => {
            *next += 1;
            format!("{path}[{}]", *next - 1)
        }
    }
}

/// A value ended: its mapping waits for the next key.
fn end_value(stack: &mut [Frame]) {
    if let Some(Frame::Map { key, .. }) = stack.last_mut() {
        *key = None;
    }
}

/// 1-based line of a byte offset.
fn line_at(input: &[u8], offset: usize) -> usize {
    1 + input[..offset].iter().filter(|&&b| b == b'\n').count()
}
