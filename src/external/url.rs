//! The two URLs a bundle carries, parsed strictly and written back in one canonical form so
//! that the same node always compares equal: `enode://<id>@host:port?discport=0[&raftport=N]`
//! and the Tessera P2P URL `http(s)://host:port`.

use std::fmt;
use std::net::{IpAddr, Ipv6Addr};
use std::str::FromStr;

use super::error::shown;
use crate::keys::enode;

/// A host a peer dials: an IP literal or a DNS name (kept lower-case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    Ip(IpAddr),
    Name(String),
}

impl FromStr for Host {
    type Err = String;

    /// Accepts `1.2.3.4`, `2001:db8::1`, `[2001:db8::1]` and DNS names.
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            return inner
                .parse::<Ipv6Addr>()
                .map(|ip| Host::Ip(IpAddr::V6(ip)))
                .map_err(|_| format!("`{}` is not a bracketed IPv6 address", shown(s)));
        }
        if let Ok(ip) = s.parse::<IpAddr>() {
            return Ok(Host::Ip(ip));
        }
        if is_dns_name(s) {
            return Ok(Host::Name(s.to_ascii_lowercase()));
        }
        Err(format!(
            "host `{}` is not an IPv4 address, an IPv6 address in brackets or a DNS name",
            shown(s)
        ))
    }
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Ip(IpAddr::V6(ip)) => write!(f, "[{ip}]"),
            Host::Ip(IpAddr::V4(ip)) => write!(f, "{ip}"),
            Host::Name(name) => f.write_str(name),
        }
    }
}

/// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, at most 253
/// characters; the last label is not all digits (that would be a malformed IPv4 address).
fn is_dns_name(s: &str) -> bool {
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    s.len() <= 253
        && s.split('.').all(label_ok)
        && !s
            .rsplit('.')
            .next()
            .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()))
}

/// `host:port` with the host bracketed when it is IPv6.
fn split_host_port(s: &str, missing_port: &str) -> Result<(Host, u16), String> {
    let (host, port) = if s.starts_with('[') {
        let end = s
            .find(']')
            .ok_or_else(|| format!("`{}` opens `[` but never closes it", shown(s)))?;
        let port = s[end + 1..]
            .strip_prefix(':')
            .ok_or_else(|| missing_port.to_string())?;
        (&s[..=end], port)
    } else {
        let (host, port) = s.rsplit_once(':').ok_or_else(|| missing_port.to_string())?;
        if host.contains(':') {
            return Err(format!(
                "`{}` looks like an IPv6 address; write it in brackets, e.g. `[2001:db8::1]:30303`",
                shown(host)
            ));
        }
        (host, port)
    };
    Ok((host.parse()?, parse_port(port, "port")?))
}

/// A TCP port, 1–65535, in plain decimal.
fn parse_port(s: &str, what: &str) -> Result<u16, String> {
    let out_of_range = || {
        format!(
            "{what} `{}` is not valid; expected a number from 1 to 65535",
            shown(s)
        )
    };
    if s.is_empty() || s.len() > 5 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(out_of_range());
    }
    match s.parse::<u32>() {
        Ok(p @ 1..=65535) => Ok(p as u16),
        _ => Err(out_of_range()),
    }
}

/// An enode URL of a node reachable without discovery, as GoQuorum's permissioned and static
/// node lists carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnodeUrl {
    /// 128 lower-case hex digits, a valid secp256k1 public key.
    pub id: String,
    pub host: Host,
    pub port: u16,
    /// Raft port; only raft networks need it.
    pub raft_port: Option<u16>,
}

impl FromStr for EnodeUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        const SHAPE: &str = "enode://<128 hex digits>@<host>:<port>?discport=0[&raftport=<port>]";
        let rest = s
            .strip_prefix("enode://")
            .ok_or_else(|| format!("must have the form `{SHAPE}`"))?;
        let (id, rest) = rest.split_once('@').ok_or_else(|| {
            format!("missing `@<host>:<port>` after the enode id; expected `{SHAPE}`")
        })?;
        let xy = enode::parse_id(id).map_err(|e| e.to_string())?;
        let (host_port, query) = match rest.split_once('?') {
            Some((hp, q)) => (hp, Some(q)),
            None => (rest, None),
        };
        let (host, port) = split_host_port(host_port, "missing port; expected `@<host>:<port>`")?;
        let mut discport = false;
        let mut raft_port = None;
        for param in query.into_iter().flat_map(|q| q.split('&')) {
            match param.split_once('=') {
                Some(("discport", "0")) if !discport => discport = true,
                Some(("discport", value)) if !discport => {
                    return Err(format!(
                        "`discport={}` is not supported; qctl networks run without discovery, so it must be `discport=0`",
                        shown(value)
                    ));
                }
                Some(("raftport", value)) if raft_port.is_none() => {
                    raft_port = Some(parse_port(value, "raftport")?);
                }
                Some((key @ ("discport" | "raftport"), _)) => {
                    return Err(format!("`{key}` is given twice"));
                }
                _ => {
                    return Err(format!(
                        "query parameter `{}` is not allowed; only `discport=0` and `raftport=<port>` are",
                        shown(param)
                    ));
                }
            }
        }
        if !discport {
            return Err(format!(
                "missing `?discport=0` (qctl networks run without discovery); expected `{SHAPE}`"
            ));
        }
        Ok(EnodeUrl {
            id: hex::encode(xy),
            host,
            port,
            raft_port,
        })
    }
}

impl fmt::Display for EnodeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "enode://{}@{}:{}?discport=0",
            self.id, self.host, self.port
        )?;
        if let Some(raft) = self.raft_port {
            write!(f, "&raftport={raft}")?;
        }
        Ok(())
    }
}

/// A Tessera P2P URL: `http` or `https`, host and explicit port, nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmUrl {
    pub https: bool,
    pub host: Host,
    pub port: u16,
}

impl FromStr for TmUrl {
    type Err = String;

    /// Also accepts the old qctl's scheme-less `host:port`, read as `http://host:port`.
    fn from_str(s: &str) -> Result<Self, String> {
        let (scheme, rest) = s.split_once("://").unwrap_or(("http", s));
        let https = match scheme.to_ascii_lowercase().as_str() {
            "http" => false,
            "https" => true,
            _ => {
                return Err(format!(
                    "scheme `{}` is not allowed; expected `http://host:port` or `https://host:port`",
                    shown(scheme)
                ));
            }
        };
        let (authority, tail) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
        if authority.contains('@') {
            return Err(
                "must not carry credentials (`user:password@`); a join bundle holds public data only"
                    .to_string(),
            );
        }
        let tail = tail.strip_prefix('/').unwrap_or(tail);
        if !tail.is_empty() {
            let what = match tail.as_bytes()[0] {
                b'?' => "a query",
                b'#' => "a fragment",
                _ => "a path",
            };
            return Err(format!(
                "must not have {what} (`{}`); expected `http://host:port`",
                shown(tail)
            ));
        }
        let (host, port) = split_host_port(
            authority,
            "needs an explicit port; expected `http://host:port`",
        )?;
        Ok(TmUrl { https, host, port })
    }
}

impl fmt::Display for TmUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = if self.https { "https" } else { "http" };
        write!(f, "{scheme}://{}:{}", self.host, self.port)
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use super::*;

    fn v4(a: u8, b: u8, c: u8, d: u8) -> Host {
        Host::Ip(IpAddr::V4(Ipv4Addr::new(a, b, c, d)))
    }

    // qubernetes 7nodes key1 (Consensys/qubernetes 7nodes/key1/enode).
    const ID: &str = "ac6b1096ca56b9f6d004b779ae3728bf83f8e22453404cc3cef16a3d9b96608bc67c4b30db88e0a5a6c6390213f7acbe1153ff6d23ce57380104288ae19373ef";

    #[test]
    fn an_enode_url_parses_into_its_parts_and_prints_back_unchanged() {
        let text = format!("enode://{ID}@203.0.113.10:31500?discport=0&raftport=50401");
        let url: EnodeUrl = text.parse().unwrap();
        assert_eq!(url.host, v4(203, 0, 113, 10));
        assert_eq!((url.port, url.raft_port), (31500, Some(50401)));
        assert_eq!(url.to_string(), text);
    }

    #[test]
    fn enode_urls_are_normalised_to_one_form() {
        let upper = ID.to_ascii_uppercase();
        let url: EnodeUrl =
            format!("enode://{upper}@Node1.Example.COM:30303?raftport=50401&discport=0")
                .parse()
                .unwrap();
        assert_eq!(
            url.to_string(),
            format!("enode://{ID}@node1.example.com:30303?discport=0&raftport=50401")
        );
        let v6: EnodeUrl = format!("enode://{ID}@[2001:DB8:0::1]:30303?discport=0")
            .parse()
            .unwrap();
        assert_eq!(
            v6.to_string(),
            format!("enode://{ID}@[2001:db8::1]:30303?discport=0")
        );
    }

    #[test]
    fn malformed_enode_urls_say_what_is_wrong() {
        let cases = [
            (
                format!("http://{ID}@1.2.3.4:30303?discport=0"),
                "must have the form",
            ),
            (
                format!("enode://{ID}?discport=0"),
                "missing `@<host>:<port>`",
            ),
            (
                format!("enode://{}@1.2.3.4:30303?discport=0", &ID[..100]),
                "128 hex digits",
            ),
            (format!("enode://{ID}@1.2.3.4?discport=0"), "missing port"),
            (
                format!("enode://{ID}@1.2.3.4:0?discport=0"),
                "port `0` is not valid",
            ),
            (
                format!("enode://{ID}@1.2.3.4:70000?discport=0"),
                "port `70000` is not valid",
            ),
            (
                format!("enode://{ID}@1.2.3.4:+1?discport=0"),
                "port `+1` is not valid",
            ),
            (
                format!("enode://{ID}@1.2.3.4:30303"),
                "missing `?discport=0`",
            ),
            (
                format!("enode://{ID}@1.2.3.4:30303?discport=30301"),
                "must be `discport=0`",
            ),
            (
                format!("enode://{ID}@1.2.3.4:30303?discport=0&raftport=0"),
                "raftport `0`",
            ),
            (
                format!("enode://{ID}@1.2.3.4:30303?discport=0&raftport=1&raftport=2"),
                "given twice",
            ),
            (
                format!("enode://{ID}@1.2.3.4:30303?discport=0&x=1"),
                "`x=1` is not allowed",
            ),
            (
                format!("enode://{ID}@2001:db8::1:30303?discport=0"),
                "in brackets",
            ),
            (
                format!("enode://{ID}@bad_host:30303?discport=0"),
                "host `bad_host`",
            ),
            (
                format!("enode://{ID}@1.2.3.400:30303?discport=0"),
                "host `1.2.3.400`",
            ),
        ];
        for (url, expected) in cases {
            let err = url.parse::<EnodeUrl>().unwrap_err();
            assert!(err.contains(expected), "{url}: {err}");
        }
    }

    #[test]
    fn tessera_urls_accept_the_old_scheme_less_form() {
        let url: TmUrl = "192.168.64.49:30853".parse().unwrap();
        assert_eq!(url.to_string(), "http://192.168.64.49:30853");
        let url: TmUrl = "HTTPS://tm.example.com:9001/".parse().unwrap();
        assert_eq!(url.to_string(), "https://tm.example.com:9001");
        let url: TmUrl = "http://[::1]:9001".parse().unwrap();
        assert_eq!(url.to_string(), "http://[::1]:9001");
    }

    #[test]
    fn tessera_urls_with_credentials_paths_or_no_port_are_refused() {
        let cases = [
            ("http://user:secret@1.2.3.4:9001", "credentials"),
            ("user@1.2.3.4:9001", "credentials"),
            ("ftp://1.2.3.4:9001", "scheme `ftp`"),
            ("http://1.2.3.4", "explicit port"),
            ("http://1.2.3.4:9001/partyinfo", "a path"),
            ("http://1.2.3.4:9001?x=1", "a query"),
            ("http://1.2.3.4:9001/#top", "a fragment"),
            ("http://1.2.3.4:0", "port `0`"),
        ];
        for (url, expected) in cases {
            let err = url.parse::<TmUrl>().unwrap_err();
            assert!(err.contains(expected), "{url}: {err}");
        }
    }

    #[test]
    fn hosts_are_ip_literals_or_dns_names() {
        assert_eq!("10.0.0.1".parse::<Host>().unwrap(), v4(10, 0, 0, 1));
        assert_eq!(
            "2001:db8::1".parse::<Host>().unwrap().to_string(),
            "[2001:db8::1]"
        );
        assert_eq!(
            "[2001:db8::1]".parse::<Host>().unwrap().to_string(),
            "[2001:db8::1]"
        );
        assert!("[10.0.0.1]".parse::<Host>().is_err());
        assert!("-a.example".parse::<Host>().is_err());
        assert!("a..example".parse::<Host>().is_err());
        assert!(format!("{}.com", "a".repeat(64)).parse::<Host>().is_err());
        assert!("".parse::<Host>().is_err());
    }
}
