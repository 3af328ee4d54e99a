//! Property tests of the document layer and the list editor on generated configs: random
//! names, comments and blank lines at random places, unknown keys, 2- or 4-space nesting,
//! `- ` or `-   ` items at column 0 or 2, LF or CRLF. Every comment carries a unique marker, so
//! a test can tell exactly which comments an edit may drop (those inside a removed item).

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

use super::NodeSpec;
use super::doc::{self, Node};
use super::model::{Config, NodeEntry};
use super::{edit, parse};
use crate::network::{Consensus, TxManagerKind};

/// What may stand between two lines.
#[derive(Debug, Clone, Copy)]
enum Deco {
    Nothing,
    /// An empty line, or one of spaces alone.
    Blank {
        spaces: bool,
    },
    /// A comment at column 0, at the indentation of the next line, or deeper.
    Comment {
        at: CommentAt,
    },
    BlankThenComment,
}

fn deco() -> impl Strategy<Value = Deco> {
    prop_oneof![
        4 => Just(Deco::Nothing),
        1 => any::<bool>().prop_map(|spaces| Deco::Blank { spaces }),
        1 => prop::sample::select(vec![CommentAt::Column0, CommentAt::Next, CommentAt::Deeper]).prop_map(|at| Deco::Comment { at }),
        1 => Just(Deco::BlankThenComment),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CommentAt {
    Column0,
    Next,
    Deeper,
}

#[derive(Debug, Clone, Copy)]
struct Style {
    /// Column of an item's `-`.
    dash: usize,
    /// Spaces after the `-`.
    after_dash: usize,
    /// Indentation step of nested maps.
    nest: usize,
    crlf: bool,
    final_newline: bool,
}

#[derive(Debug, Clone)]
struct ItemSpec {
    name: String,
    /// `Node_UserIdent` first, else `Key_Dir`.
    name_first: bool,
    unknown: Vec<(String, String)>,
    /// What follows each line of the item but its last.
    between: Vec<Deco>,
    /// Which lines carry a trailing comment.
    trailing: Vec<bool>,
}

/// What follows the last item.
#[derive(Debug, Clone, Copy)]
enum Tail {
    Eof,
    /// A blank line or a comment, then the end of the file.
    Deco(Deco),
    /// Another top-level section after the list, with or without a blank line.
    Section {
        blank: bool,
    },
}

#[derive(Debug, Clone)]
struct Spec {
    style: Style,
    header: bool,
    genesis_unknown: Option<String>,
    k8s_before_nodes: bool,
    nodes_comment: bool,
    first: Deco,
    items: Vec<ItemSpec>,
    separators: Vec<Deco>,
    tail: Tail,
}

/// Unknown keys' values: plain, quoted, number-like and null-like scalars.
const VALUES: &[&str] = &[
    "r17",
    "2.10",
    "'single quoted'",
    "\"double: quoted\"",
    "yes",
    "~",
    "0x1f",
    "a b c",
    "''",
];

/// Lines of an item after the dash: (nesting level, text).
const ITEM_LINES: usize = 11;

fn item_spec(index: usize) -> impl Strategy<Value = ItemSpec> {
    (
        "[a-z][a-z0-9]{0,8}",
        prop::collection::vec(("[a-z][a-z0-9_]{0,6}", prop::sample::select(VALUES)), 0..3),
        prop::collection::vec(deco(), ITEM_LINES + 2),
        prop::collection::vec(prop::bool::weighted(0.2), ITEM_LINES + 2),
        prop::bool::weighted(0.8),
    )
        .prop_map(
            move |(prefix, unknown, between, trailing, name_first)| ItemSpec {
                name: format!("{prefix}-n{index}"),
                name_first,
                unknown: unknown
                    .into_iter()
                    .enumerate()
                    .map(|(j, (k, v))| (format!("x-{k}{j}"), v.to_string()))
                    .collect(),
                between,
                trailing,
            },
        )
}

fn spec() -> impl Strategy<Value = Spec> {
    let style = (
        prop::sample::select(vec![0, 2]),
        prop::sample::select(vec![1, 3]),
        prop::sample::select(vec![2, 4]),
        any::<bool>(),
        prop::bool::weighted(0.9),
    )
        .prop_map(|(dash, after_dash, nest, crlf, final_newline)| Style {
            dash,
            after_dash,
            nest,
            crlf,
            final_newline,
        });
    let items = (1..6usize).prop_flat_map(|n| (0..n).map(item_spec).collect::<Vec<_>>());
    let tail = prop_oneof![
        Just(Tail::Eof),
        deco().prop_map(Tail::Deco),
        any::<bool>().prop_map(|blank| Tail::Section { blank }),
    ];
    (
        style,
        any::<bool>(),
        prop::option::of(prop::sample::select(VALUES)),
        any::<bool>(),
        any::<bool>(),
        deco(),
        items,
        prop::collection::vec(deco(), 5),
        tail,
    )
        .prop_map(
            |(
                style,
                header,
                genesis_unknown,
                k8s_before_nodes,
                nodes_comment,
                first,
                items,
                separators,
                tail,
            )| Spec {
                style,
                header,
                genesis_unknown: genesis_unknown.map(str::to_string),
                k8s_before_nodes,
                nodes_comment,
                first,
                items,
                separators,
                tail,
            },
        )
}

/// A generated config: its text, and each comment marker with the item it is inside, if any.
#[derive(Debug)]
struct Fixture {
    text: String,
    comments: Vec<(String, Option<usize>)>,
}

struct Writer {
    lines: Vec<String>,
    comments: Vec<(String, Option<usize>)>,
}

impl Writer {
    fn comment(&mut self, item: Option<usize>) -> String {
        let marker = format!("<c{}>", self.comments.len());
        self.comments.push((marker.clone(), item));
        marker
    }

    fn deco(&mut self, deco: Deco, next_indent: usize, item: Option<usize>) {
        let comment = |w: &mut Writer, at: CommentAt| {
            let marker = w.comment(item);
            let indent = match at {
                CommentAt::Column0 => 0,
                CommentAt::Next => next_indent,
                CommentAt::Deeper => next_indent + 3,
            };
            w.lines
                .push(format!("{}# {marker} note", " ".repeat(indent)));
        };
        match deco {
            Deco::Nothing => {}
            Deco::Blank { spaces } => {
                self.lines
                    .push(if spaces { "   ".into() } else { String::new() })
            }
            Deco::Comment { at } => comment(self, at),
            Deco::BlankThenComment => {
                self.deco(Deco::Blank { spaces: false }, next_indent, item);
                comment(self, CommentAt::Next);
            }
        }
    }

    /// A line, with a trailing comment when `trailing`.
    fn line(&mut self, text: String, trailing: bool, item: Option<usize>) {
        if trailing {
            let marker = self.comment(item);
            self.lines.push(format!("{text}   # {marker}"));
        } else {
            self.lines.push(text);
        }
    }
}

fn render(spec: &Spec) -> Fixture {
    let s = spec.style;
    let mut w = Writer {
        lines: Vec::new(),
        comments: Vec::new(),
    };
    if spec.header {
        let marker = w.comment(None);
        w.lines
            .push(format!("# {marker} a network for the property tests"));
        w.lines.push(String::new());
    }
    let pad = |n: usize| " ".repeat(n);
    w.lines.push("genesis:".into());
    for line in [
        "consensus: qbft",
        "Quorum_Version: 24.4.1",
        "Tm_Version: 24.4.2",
        "Chain_Id: 1000",
    ] {
        w.lines.push(format!("{}{line}", pad(s.nest)));
    }
    if let Some(v) = &spec.genesis_unknown {
        w.line(format!("{}x-owner: {v}", pad(s.nest)), true, None);
    }
    let k8s = [
        String::from("k8s:"),
        format!("{}namespace: props", pad(s.nest)),
    ];
    if spec.k8s_before_nodes {
        w.lines.extend(k8s.clone());
    }
    if spec.nodes_comment {
        w.line("nodes:".into(), true, None);
    } else {
        w.lines.push("nodes:".into());
    }
    let content = s.dash + 1 + s.after_dash;
    w.deco(spec.first, s.dash, None);
    for (i, item) in spec.items.iter().enumerate() {
        let mut lines: Vec<(usize, String)> = vec![
            (0, format!("Node_UserIdent: {}", item.name)),
            (0, format!("Key_Dir: key-{}", item.name)),
            (0, "quorum:".into()),
            (1, "quorum:".into()),
            (2, "consensus: qbft".into()),
            (2, "Quorum_Version: 24.4.1".into()),
            (1, "tm:".into()),
            (2, "Name: tessera".into()),
            (2, "Tm_Version: 24.4.2".into()),
            (0, "geth:".into()),
            (1, "Geth_Startup_Params: ''".into()),
        ];
        if !item.name_first {
            lines.swap(0, 1);
        }
        lines.extend(item.unknown.iter().map(|(k, v)| (0, format!("{k}: {v}"))));
        let indent = |level: usize| content + level * s.nest;
        for (j, (level, text)) in lines.iter().enumerate() {
            let text = if j == 0 {
                format!("{}-{}{text}", pad(s.dash), pad(s.after_dash))
            } else {
                format!("{}{text}", pad(indent(*level)))
            };
            w.line(text, item.trailing[j], Some(i));
            if let Some((next, _)) = lines.get(j + 1) {
                w.deco(item.between[j], indent(*next), Some(i));
            }
        }
        if i + 1 < spec.items.len() {
            w.deco(spec.separators[i % spec.separators.len()], s.dash, None);
        }
    }
    match spec.tail {
        Tail::Eof => {}
        Tail::Deco(deco) => w.deco(deco, 0, None),
        Tail::Section { blank } => {
            if blank {
                w.lines.push(String::new());
            }
            if spec.k8s_before_nodes {
                w.line("x-trailer: kept".into(), true, None);
            } else {
                w.lines.extend(k8s);
            }
        }
    }
    let eol = if s.crlf { "\r\n" } else { "\n" };
    let mut text = w.lines.join(eol);
    if s.final_newline {
        text.push_str(eol);
    }
    Fixture {
        text,
        comments: w.comments,
    }
}

fn new_node() -> impl Strategy<Value = NodeSpec> {
    (
        "[a-z][a-z0-9]{0,8}",
        "[ -~]{0,24}",
        prop::option::of("[a-z]{1,8}/[a-z]{1,8}:[0-9]{1,2}"),
    )
        .prop_map(|(prefix, geth_params, image)| NodeSpec {
            name: format!("{prefix}-added"),
            key_dir: format!("key-{prefix}-added"),
            consensus: Consensus::Qbft,
            quorum_version: semver::Version::new(24, 4, 1),
            tm: TxManagerKind::Tessera,
            tm_version: semver::Version::new(24, 4, 2),
            quorum_image: image,
            tm_image: None,
            geth_params,
        })
}

fn config(text: &str) -> Config {
    parse(Path::new("qubernetes.yaml"), text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// A node entry without its line, which moves when lines are inserted or removed above it.
fn unplaced(n: &NodeEntry) -> NodeEntry {
    NodeEntry {
        line: 0,
        ..n.clone()
    }
}

fn items(doc: &Node) -> &[Node] {
    doc.get("nodes").and_then(Node::as_seq).unwrap_or_default()
}

/// Top-level entries other than `nodes` (lines ignored).
fn same_outside_nodes(a: &Node, b: &Node) -> bool {
    let others = |d: &Node| {
        d.as_map()
            .unwrap()
            .iter()
            .filter(|(k, _)| k != "nodes")
            .cloned()
            .collect::<Vec<_>>()
    };
    let (x, y) = (others(a), others(b));
    x.len() == y.len()
        && x.iter()
            .zip(&y)
            .all(|((kx, vx), (ky, vy))| kx == ky && edit::same(vx, vy))
}

/// An edit's result, or a failure that shows the text the edit was given.
fn edited(result: Result<String, edit::EditError>, text: &str) -> Result<String, TestCaseError> {
    result.map_err(|e| TestCaseError::fail(format!("{e} in:\n{text}")))
}

/// `cases` cases, or `PROPTEST_CASES` for a longer run.
fn proptest_config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(cases);
    // No regression files in the source tree: a failure found here becomes a named unit test.
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(proptest_config(256))]

    #[test]
    fn appending_a_node_equals_appending_it_in_the_model(spec in spec(), node in new_node()) {
        let f = render(&spec);
        let before = config(&f.text);
        let out = edited(edit::append_item(&f.text, "nodes", &node.entry()), &f.text)?;
        let after = config(&out);

        let (last, rest) = after.nodes.split_last().unwrap();
        prop_assert_eq!(rest.iter().map(unplaced).collect::<Vec<_>>(), before.nodes.iter().map(unplaced).collect::<Vec<_>>());
        prop_assert_eq!(&last.name, &node.name);
        prop_assert_eq!(&last.key_dir, &node.key_dir);
        prop_assert_eq!(&last.geth_params, &node.geth_params);
        if let Some(image) = &node.quorum_image {
            prop_assert_eq!(&last.quorum_image, image);
        }
        prop_assert_eq!((&after.genesis, &after.k8s), (&before.genesis, &before.k8s));

        let (doc_before, doc_after) = (doc::parse(&f.text).unwrap(), doc::parse(&out).unwrap());
        prop_assert!(same_outside_nodes(&doc_before, &doc_after));
        prop_assert_eq!(items(&doc_after).len(), items(&doc_before).len() + 1);
        for (marker, _) in &f.comments {
            prop_assert!(out.contains(&format!("# {marker}")), "comment {} lost:\n{}", marker, out);
        }
        // The diff is the new entry alone: the original lines are all there, in order.
        let mut remaining = out.lines();
        for line in f.text.lines() {
            prop_assert!(remaining.any(|l| l == line), "line {:?} lost or moved:\n{}", line, out);
        }
    }

    #[test]
    fn removing_a_node_equals_removing_it_in_the_model(spec in spec(), seed in any::<usize>()) {
        let f = render(&spec);
        let before = config(&f.text);
        let index = seed % before.nodes.len();
        let out = edited(edit::remove_item(&f.text, "nodes", index), &f.text)?;

        let (doc_before, doc_after) = (doc::parse(&f.text).unwrap(), doc::parse(&out).unwrap());
        prop_assert!(same_outside_nodes(&doc_before, &doc_after));
        let mut expected = items(&doc_before).to_vec();
        expected.remove(index);
        prop_assert_eq!(items(&doc_after).len(), expected.len());
        prop_assert!(items(&doc_after).iter().zip(&expected).all(|(a, b)| edit::same(a, b)));
        if before.nodes.len() > 1 {
            let after = config(&out);
            let mut expected = before.nodes.iter().map(unplaced).collect::<Vec<_>>();
            expected.remove(index);
            prop_assert_eq!(after.nodes.iter().map(unplaced).collect::<Vec<_>>(), expected);
        }
        for (marker, item) in &f.comments {
            let kept = out.contains(&format!("# {marker}"));
            prop_assert_eq!(kept, *item != Some(index), "comment {} (in item {:?}):\n{}", marker, item, out);
        }
    }

    #[test]
    fn appending_then_removing_a_node_restores_the_text_byte_for_byte(spec in spec(), node in new_node()) {
        let f = render(&spec);
        let n = items(&doc::parse(&f.text).unwrap()).len();
        let added = edited(edit::append_item(&f.text, "nodes", &node.entry()), &f.text)?;
        // A file without a final newline gains one: the new item's lines needed it.
        let mut expected = f.text.clone();
        if !expected.ends_with('\n') {
            expected.push_str(if spec.style.crlf { "\r\n" } else { "\n" });
        }
        prop_assert_eq!(edited(edit::remove_item(&added, "nodes", n), &added)?, expected);
    }

    #[test]
    fn replacing_a_node_changes_that_node_alone(spec in spec(), node in new_node(), seed in any::<usize>()) {
        let f = render(&spec);
        let before = config(&f.text);
        let index = seed % before.nodes.len();
        let out = edited(edit::replace_item(&f.text, "nodes", index, &node.entry()), &f.text)?;
        let after = config(&out);
        prop_assert_eq!(after.nodes.len(), before.nodes.len());
        for (i, (a, b)) in after.nodes.iter().zip(&before.nodes).enumerate() {
            if i == index {
                prop_assert_eq!((&a.name, &a.geth_params), (&node.name, &node.geth_params));
            } else {
                prop_assert_eq!(unplaced(a), unplaced(b));
            }
        }
    }
}

proptest! {
    #![proptest_config(proptest_config(2000))]

    #[test]
    fn parsing_arbitrary_text_never_panics(text in any::<String>()) {
        let _ = doc::parse(&text);
    }

    #[test]
    fn parsing_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = doc::parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn parsing_yaml_like_text_never_panics(text in "([-:#?,&*!|>'\"%@`{}\\[\\] \t\n]|[a-z0-9]{1,4}|\r\n){0,80}") {
        let _ = doc::parse(&text);
    }
}

#[test]
fn parsing_deeply_nested_flow_collections_fails_cleanly() {
    for open in ["[", "{a: "] {
        let text = open.repeat(100_000);
        assert!(doc::parse(&text).is_err());
    }
}
