//! Text that came from a file, a bundle or the cluster, made safe to print: control characters
//! and the invisible characters that reorder or break lines are escaped, so such text cannot
//! send terminal escapes or disguise what a message says, and long values are clipped.

/// How many characters [`sanitize`] keeps.
pub const DEFAULT_MAX_CHARS: usize = 80;

/// `s` with control and format characters escaped, clipped to [`DEFAULT_MAX_CHARS`]
/// characters with an ellipsis.
pub fn sanitize(s: &str) -> String {
    clip(s, DEFAULT_MAX_CHARS)
}

/// [`sanitize`] with a given length, counted in characters of the input.
pub fn clip(s: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for c in s.chars().take(max_chars) {
        if needs_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if s.chars().nth(max_chars).is_some() {
        out.push('…');
    }
    out
}

/// C0/C1 controls (incl. ESC, CR, LF, DEL), line and paragraph separators, bidirectional
/// overrides and isolates, and other zero-width format characters.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00ad}'
                | '\u{061c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// `400ms`, `45s`, `10m`, `1m30s`.
pub fn human_duration(d: &std::time::Duration) -> String {
    let secs = d.as_secs();
    match (secs, secs / 60, secs % 60) {
        (0, _, _) => format!("{}ms", d.as_millis()),
        (s, 0, _) => format!("{s}s"),
        (_, m, 0) => format!("{m}m"),
        (_, m, s) => format!("{m}m{s}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_direction_characters_are_escaped() {
        assert_eq!(sanitize("a\u{1b}[31mb\n"), "a\\u{1b}[31mb\\n");
        assert_eq!(sanitize("x\u{202e}y\u{2028}z"), "x\\u{202e}y\\u{2028}z");
        assert_eq!(sanitize("\u{85}\u{7f}\u{feff}"), "\\u{85}\\u{7f}\\u{feff}");
        assert_eq!(sanitize("plain ünïcode"), "plain ünïcode");
    }

    #[test]
    fn long_values_are_clipped_with_an_ellipsis() {
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(clip("abc", 3), "abc");
        let long = "é".repeat(200);
        assert_eq!(sanitize(&long).chars().count(), DEFAULT_MAX_CHARS + 1);
    }
}
