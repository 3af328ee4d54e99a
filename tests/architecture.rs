//! The layering of `src/`, checked: `cli` → `ops` → the rest, no import circles between
//! top-level modules or between the files of one module, and no production file over 500 lines.
//! Test code (`#[cfg(test)]` modules and the test files in `src/`) is left out: tests may reach
//! across layers.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Longest production file, in lines.
const MAX_LINES: usize = 500;

/// Files allowed over [`MAX_LINES`] for now, each with the reason. Shrink, never grow.
const LONG_FILES_WAIVED: &[(&str, &str)] = &[(
    "k8s/workload.rs",
    "one Deployment builder, under change on another branch; split it once that has landed",
)];

/// Files of `src/` that hold only tests.
fn is_test_file(path: &Path) -> bool {
    matches!(
        path.file_name().and_then(|n| n.to_str()),
        Some("tests.rs" | "proptests.rs" | "test_network.rs" | "testing.rs")
    )
}

/// Every `.rs` file under `src/`, relative to it, with its production code: comment lines and
/// everything from a trailing `#[cfg(test)] mod tests` on are dropped.
fn sources() -> BTreeMap<PathBuf, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !is_test_file(&path) {
                let text = fs::read_to_string(&path).unwrap();
                let production = match text.find("#[cfg(test)]\nmod tests {") {
                    Some(end) => &text[..end],
                    None => &text,
                };
                let code: Vec<&str> = production
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect();
                out.insert(
                    path.strip_prefix(root).unwrap().to_path_buf(),
                    code.join("\n"),
                );
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out);
    out
}

/// Identifiers that follow `prefix` in `code`, e.g. the `ops` of `crate::ops::node`.
fn paths_after<'a>(code: &'a str, prefix: &str) -> BTreeSet<&'a str> {
    code.match_indices(prefix)
        .filter(|(i, _)| {
            // `crate::` but not `qctl_crate::`; `super::` but not `super::super::`.
            !code[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
        })
        .filter_map(|(i, _)| {
            let rest = &code[i + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            (end > 0).then(|| &rest[..end])
        })
        .collect()
}

/// The first circle in `graph`, if any, as the nodes along it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

/// `cli/node/add.rs` → `cli`; `lib.rs` and `main.rs` are the crate root.
fn top_module(file: &Path) -> String {
    let first = file
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, code) in sources() {
        let from = top_module(&file);
        if from == "lib" || from == "main" {
            continue;
        }
        let entry = graph.entry(from.clone()).or_default();
        for to in paths_after(&code, "crate::") {
            if to != from {
                entry.insert(to.to_string());
            }
        }
    }
    graph
}

#[test]
fn only_the_cli_imports_the_cli_and_only_the_cli_imports_ops() {
    for (module, imports) in module_graph() {
        if module != "cli" {
            assert!(
                !imports.contains("cli"),
                "`{module}` imports `cli`, the outermost layer"
            );
            if module != "ops" {
                assert!(
                    !imports.contains("ops"),
                    "`{module}` imports `ops`; only `cli` drives operations"
                );
            }
        }
    }
}

#[test]
fn top_level_modules_import_each_other_without_a_circle() {
    let graph = module_graph();
    assert_eq!(find_cycle(&graph), None, "import graph: {graph:#?}");
}

#[test]
fn the_files_of_a_module_import_each_other_without_a_circle() {
    // Edges between sibling files through `super::<file>`; a `mod.rs` only declares and
    // re-exports, so its edges are left out.
    let mut by_dir: BTreeMap<PathBuf, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (file, code) in sources() {
        let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) else {
            continue;
        };
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        if name == "mod" {
            continue;
        }
        let siblings = by_dir.entry(dir.to_path_buf()).or_default();
        let imports: BTreeSet<String> = paths_after(&code, "super::")
            .into_iter()
            .filter(|s| {
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("src")
                    .join(dir)
                    .join(format!("{s}.rs"))
                    .is_file()
            })
            .map(str::to_string)
            .collect();
        siblings.entry(name).or_default().extend(imports);
    }
    for (dir, graph) in by_dir {
        assert_eq!(
            find_cycle(&graph),
            None,
            "files of `src/{}` import each other in a circle",
            dir.display()
        );
    }
}

#[test]
fn no_production_file_is_longer_than_500_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long = Vec::new();
    for file in sources().keys() {
        let text = fs::read_to_string(root.join(file)).unwrap();
        let production = match text.find("#[cfg(test)]\nmod tests {") {
            Some(end) => &text[..end],
            None => &text,
        };
        let lines = production.lines().count();
        let waived = LONG_FILES_WAIVED
            .iter()
            .any(|(f, _)| Path::new(f) == file.as_path());
        if lines > MAX_LINES && !waived {
            long.push(format!("src/{}: {lines} lines", file.display()));
        }
    }
    assert!(
        long.is_empty(),
        "split these files (tests may go to a sibling `tests.rs`):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_checks_see_a_circle_and_an_import() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["a".to_string()])),
    ]
    .into();
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "a".into()])
    );
    let code = "use crate::ops::node;\nlet x = super::connect::Connection;";
    assert_eq!(paths_after(code, "crate::"), BTreeSet::from(["ops"]));
    assert_eq!(paths_after(code, "super::"), BTreeSet::from(["connect"]));
}
