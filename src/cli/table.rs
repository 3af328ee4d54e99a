//! Tables like kubectl's: a header of upper-case names and plain columns aligned with spaces,
//! no box drawing. Cells are made safe to print ([`crate::text`]).

/// Spaces between columns.
const GAP: usize = 3;
/// The longest a cell is printed, in characters.
const MAX_CELL: usize = 160;

/// `header` and `rows` as aligned text; every line without trailing spaces, ending in `\n`.
pub fn plain<const N: usize>(header: [&str; N], rows: &[[String; N]]) -> String {
    let rows: Vec<[String; N]> = rows
        .iter()
        .map(|r| r.clone().map(|c| crate::text::clip(&c, MAX_CELL)))
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let header = header.map(str::to_string);
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < N {
                let pad = widths[i] - cell.chars().count() + GAP;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_aligned_with_spaces_and_cells_escaped() {
        let text = plain(
            ["NAME", "READY"],
            &[
                ["quorum-node1".to_string(), "2/2".to_string()],
                ["n\x1b[2J".to_string(), "-".to_string()],
            ],
        );
        assert_eq!(
            text,
            "NAME           READY\nquorum-node1   2/2\nn\\u{1b}[2J     -\n"
        );
    }
}
