//! Field validators shared by the config reader and the command line: names, key dirs,
//! versions and URLs as qubernetes.yaml and the flags write them.

use crate::external::{EnodeUrl, TmUrl, is_dns1123_label};

/// Parses a version the way users write it: `24.4.1`, `2.6`, `v21.7.1`.
pub fn parse_version(text: &str) -> Result<semver::Version, String> {
    let t = text.trim().trim_start_matches('v');
    let padded = match t.split('.').count() {
        1 => format!("{t}.0.0"),
        2 => format!("{t}.0"),
        _ => t.to_string(),
    };
    semver::Version::parse(&padded)
        .map_err(|_| format!("`{text}` is not a version; expected a version such as `24.4.1`"))
}

/// DNS-1123 label: what Kubernetes accepts as a Service name.
pub fn check_dns_label(name: &str) -> Result<(), String> {
    if is_dns1123_label(name) {
        Ok(())
    } else {
        Err(format!(
            "`{name}` is not a DNS-1123 label: use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit"
        ))
    }
}

/// `Key_Dir`: one plain path component, so keys can never land outside the key base.
pub fn check_key_dir(dir: &str) -> Result<(), String> {
    let ok = !dir.is_empty()
        && dir != "."
        && dir != ".."
        && !dir.contains(['/', '\\'])
        && !dir.starts_with('.')
        && !dir.chars().any(char::is_control);
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{dir}` is not a plain directory name: no `/`, no `..` and no leading `.` (for example `key-node1`)"
        ))
    }
}

/// Checks `enode://<128 hex>@host:port?discport=0[&raftport=N]` (the id a curve point).
pub fn check_enode_url(url: &str) -> Result<(), String> {
    url.parse::<EnodeUrl>()
        .map(|_| ())
        .map_err(|e| format!("`{url}`: {e}"))
}

/// A Tessera public key as `tm.pub` holds it: the base64 of 32 bytes.
pub fn check_tm_public_key(key: &str) -> Result<String, String> {
    crate::keys::tessera::parse_public_key(key).map_err(|_| {
        "expected a Tessera public key: the base64 of 32 bytes, as in `tm.pub`".to_string()
    })
}

/// The Tessera URL in canonical form; the old scheme-less `host:port` reads as `http://`.
pub fn normalise_tm_url(url: &str) -> Result<String, String> {
    url.parse::<TmUrl>()
        .map(|u| u.to_string())
        .map_err(|e| format!("`{url}`: {e}"))
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A Kubernetes quantity such as `1Gi`, `500Mi`, `10G`.
pub(super) fn is_quantity(s: &str) -> bool {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    !digits.is_empty()
        && digits.parse::<f64>().is_ok()
        && [
            "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "k", "M", "G", "T", "P", "E",
        ]
        .contains(&suffix)
}
