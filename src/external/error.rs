//! Errors of the join bundle: every one names the input it came from, and problems carry the
//! field path and, when known, the line.

use std::fmt;

/// The largest bundle accepted: a bundle is a few kilobytes plus a genesis file.
pub const MAX_BUNDLE_BYTES: usize = 1024 * 1024;

/// One thing wrong with one field of a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Field path such as `external_nodes[2].Enode_Url`.
    pub path: String,
    /// 1-based line of the field in the input, when the bundle was parsed from text.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        write!(f, "`{}`: {}", self.path, self.message)
    }
}

/// A list of problems, one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.0 {
            write!(f, "\n  - {problem}")?;
        }
        Ok(())
    }
}

/// Where a parse error sits: the input and, when known, its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    pub input: String,
    pub line: Option<usize>,
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", InputName(&self.input))?;
        if let Some(line) = self.line {
            write!(f, " line {line}")?;
        }
        Ok(())
    }
}

/// Names an input in messages; `-` is standard input.
pub struct InputName<'a>(pub &'a str);

impl fmt::Display for InputName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            "-" => f.write_str("standard input"),
            path => write!(f, "`{path}`"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    #[error(
        "{input_name}: the bundle is larger than {limit} bytes (1 MiB), the most a join bundle may hold",
        input_name = InputName(input)
    )]
    /// Only the first byte past the limit is read, so the size is not known.
    TooLarge { input: String, limit: usize },
    #[error("{at}: not a readable join bundle: {message}")]
    Syntax { at: At, message: String },
    #[error(
        "{at}: YAML anchors and aliases (`&name`, `*name`, `<<: *name`) are not allowed in a join bundle; write every value out in full"
    )]
    Alias { at: At },
    #[error("{at}: a join bundle is one YAML or JSON document; remove the extra `---` document")]
    MultipleDocuments { at: At },
    #[error(
        "{input_name}: the bundle is empty; expected an `apiVersion: qctl/v1` join bundle or an `external_nodes:` list",
        input_name = InputName(input)
    )]
    Empty { input: String },
    #[error("{at}: unsupported {field} `{value}`; expected `{expected}`")]
    Unsupported {
        at: At,
        field: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error(
        "{input_name} is not a valid join bundle ({count} problem{s}):{problems}",
        input_name = InputName(input),
        count = problems.0.len(),
        s = if problems.0.len() == 1 { "" } else { "s" }
    )]
    Invalid { input: String, problems: Problems },
    #[error(
        "{input_name} cannot be imported into this network ({count} conflict{s}):{problems}",
        input_name = InputName(input),
        count = problems.0.len(),
        s = if problems.0.len() == 1 { "" } else { "s" }
    )]
    Conflicts { input: String, problems: Problems },
}

impl BundleError {
    /// The problems of an [`BundleError::Invalid`] or [`BundleError::Conflicts`], else none.
    pub fn problems(&self) -> &[Problem] {
        match self {
            BundleError::Invalid { problems, .. } | BundleError::Conflicts { problems, .. } => {
                &problems.0
            }
            _ => &[],
        }
    }
}

/// Text from a bundle as messages show it: control characters escaped, so a mailed file cannot
/// send terminal escapes, and cut to a readable length.
pub(crate) fn shown(s: &str) -> String {
    crate::text::sanitize(s)
}

/// [`shown`] with a given length.
pub(crate) fn clip(s: &str, max_chars: usize) -> String {
    crate::text::clip(s, max_chars)
}
