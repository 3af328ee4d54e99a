//! The document layer: a YAML tree that remembers where every node sits in the text, so
//! validation can name lines and edits can splice the original text instead of re-serialising
//! it (which would lose comments, key order and unknown keys).
//!
//! Scalars keep their raw text: `Quorum_Version: 2.10` stays `"2.10"`, never the float 2.1.

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// A YAML node with the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub line: usize,
    /// The line of its key when it is the value of a map entry, else `line`: a block
    /// collection starts on the line after its key.
    pub key_line: usize,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Raw scalar text; `quoted` is true for '…' and "…" (never a number, bool or null).
    Scalar {
        text: String,
        quoted: bool,
    },
    Seq(Vec<Node>),
    /// Entries in document order; keys are scalar texts.
    Map(Vec<(String, Node)>),
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The scalar text, `None` for YAML null (`~`, `null`, empty) and for collections.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar {
                text,
                quoted: false,
            } if is_null(text) => None,
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, quoted: false } if is_null(text))
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(String, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// Line of `key`, else of this node.
    pub fn line_of(&self, key: &str) -> usize {
        self.get(key).map_or(self.line, |n| n.key_line)
    }
}

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// Why a document could not be read as YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses one YAML document. Anchors and aliases are refused: qubernetes files never need
/// them, and refusing them rules out alias bombs.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    #[cfg(test)]
    PARSED_BYTES.with(|n| n.set(n.get() + text.len()));
    let mut builder = Builder::default();
    let mut parser = Parser::new_from_str(text);
    parser.load(&mut builder, true).map_err(|e| SyntaxError {
        line: e.marker().line(),
        column: e.marker().col() + 1,
        message: e.info().to_string(),
    })?;
    if let Some(err) = builder.error {
        return Err(err);
    }
    match builder.documents.len() {
        0 => Ok(Node {
            line: 1,
            key_line: 1,
            value: Value::Map(Vec::new()),
        }),
        1 => Ok(builder.documents.pop().expect("one document")),
        _ => Err(SyntaxError {
            line: builder.second_document_line,
            column: 1,
            message: "more than one YAML document; expected exactly one".to_string(),
        }),
    }
}

/// Builds [`Node`]s from parser events with a stack of open collections.
#[derive(Default)]
struct Builder {
    stack: Vec<(Node, Option<String>)>,
    /// Per open map, the key (and its line) whose value comes next.
    pending_key: Vec<Option<(String, usize)>>,
    documents: Vec<Node>,
    second_document_line: usize,
    error: Option<SyntaxError>,
}

impl Builder {
    fn push_value(&mut self, mut node: Node) {
        let Some((parent, _)) = self.stack.last_mut() else {
            if !self.documents.is_empty() && self.second_document_line == 0 {
                self.second_document_line = node.line;
            }
            self.documents.push(node);
            return;
        };
        match &mut parent.value {
            Value::Seq(items) => items.push(node),
            Value::Map(entries) => {
                let key = self.pending_key.last_mut().expect("map has a key slot");
                match key.take() {
                    None => match node.value {
                        Value::Scalar { text, .. } => *key = Some((text, node.line)),
                        _ => {
                            self.error.get_or_insert(SyntaxError {
                                line: node.line,
                                column: 1,
                                message: "complex mapping keys are not supported".into(),
                            });
                        }
                    },
                    Some((k, key_line)) => {
                        node.key_line = key_line;
                        if entries.iter().any(|(existing, _)| *existing == k) {
                            self.error.get_or_insert(SyntaxError {
                                line: key_line,
                                column: 1,
                                message: format!("duplicate key `{k}`"),
                            });
                        }
                        entries.push((k, node));
                    }
                }
            }
            Value::Scalar { .. } => unreachable!("scalars are never open"),
        }
    }

    fn open(&mut self, value: Value, mark: Marker) {
        self.stack.push((
            Node {
                line: mark.line(),
                key_line: mark.line(),
                value,
            },
            None,
        ));
        self.pending_key.push(None);
    }

    fn close(&mut self) {
        self.pending_key.pop();
        if let Some((node, _)) = self.stack.pop() {
            self.push_value(node);
        }
    }

    fn refuse_anchor(&mut self, anchor: usize, mark: Marker) {
        if anchor != 0 {
            self.error.get_or_insert(SyntaxError {
                line: mark.line(),
                column: mark.col() + 1,
                message: "YAML anchors and aliases are not allowed".into(),
            });
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(text, style, anchor, _tag) => {
                self.refuse_anchor(anchor, mark);
                let quoted = !matches!(style, TScalarStyle::Plain);
                self.push_value(Node {
                    line: mark.line(),
                    key_line: mark.line(),
                    value: Value::Scalar { text, quoted },
                });
            }
            Event::SequenceStart(anchor, _) => {
                self.refuse_anchor(anchor, mark);
                self.open(Value::Seq(Vec::new()), mark);
            }
            Event::MappingStart(anchor, _) => {
                self.refuse_anchor(anchor, mark);
                self.open(Value::Map(Vec::new()), mark);
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(),
            Event::Alias(_) => self.refuse_anchor(usize::MAX, mark),
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart
            | Event::DocumentEnd => {}
        }
    }
}

#[cfg(test)]
thread_local! {
    /// Bytes [`parse`] has read on this thread: lets tests bound the work of an operation
    /// without timing it.
    pub(crate) static PARSED_BYTES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_keep_their_raw_text_and_lines() {
        let doc =
            parse("genesis:\n  Quorum_Version: 2.10\n  Chain_Id: \"1000\"\nnodes: []\n").unwrap();
        let genesis = doc.get("genesis").unwrap();
        assert_eq!(genesis.line, 2);
        assert_eq!(
            genesis.get("Quorum_Version").unwrap().as_str(),
            Some("2.10")
        );
        assert_eq!(genesis.line_of("Chain_Id"), 3);
        assert_eq!(doc.get("nodes").unwrap().as_seq().unwrap().len(), 0);
    }

    #[test]
    fn a_key_whose_value_is_a_block_is_on_its_own_line() {
        let doc = parse(
            "k8s:
  bogus:
    x: 1
  list:
    - 1
",
        )
        .unwrap();
        let k8s = doc.get("k8s").unwrap();
        assert_eq!(doc.line_of("k8s"), 1);
        assert_eq!(k8s.line, 2, "a block map starts at its first key");
        assert_eq!(k8s.line_of("bogus"), 2);
        assert_eq!(k8s.line_of("list"), 4);
        assert_eq!(
            parse(
                "a:
  b: 1
a:
  c: 2
"
            )
            .unwrap_err()
            .line,
            3
        );
    }

    #[test]
    fn aliases_are_refused_with_their_line() {
        let err = parse("a: &x [1, 2]\nb: *x\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("anchors and aliases"));
    }

    #[test]
    fn duplicate_keys_and_syntax_errors_name_the_line() {
        assert_eq!(parse("a: 1\nb: 2\na: 3\n").unwrap_err().line, 3);
        let err = parse("nodes:\n  - a: [1\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
    }

    #[test]
    fn null_values_read_as_absent() {
        let doc = parse("a: ~\nb:\nc: ''\n").unwrap();
        assert!(doc.get("a").unwrap().is_null());
        assert_eq!(doc.get("b").unwrap().as_str(), None);
        assert_eq!(doc.get("c").unwrap().as_str(), Some(""));
    }
}
