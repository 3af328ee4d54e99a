//! Tessera X25519 key pairs in Tessera's unlocked file format: `tm.key` =
//! `{"data":{"bytes":"<base64 private>"},"type":"unlocked"}`, `tm.pub` = base64 public key,
//! both without a trailing newline.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::Deserialize;
use x25519_dalek::{PublicKey, StaticSecret};

use super::{KeyError, random_bytes};

/// A Tessera key pair in its file forms.
#[derive(Clone, PartialEq, Eq)]
pub struct TesseraKeyPair {
    /// Content of `tm.key`.
    pub private_json: String,
    /// Content of `tm.pub`.
    pub public_b64: String,
}

impl std::fmt::Debug for TesseraKeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TesseraKeyPair")
            .field("public_b64", &self.public_b64)
            .finish_non_exhaustive()
    }
}

/// A fresh key pair from 32 random bytes (X25519 clamps them when it uses them, as NaCl does).
pub fn generate() -> Result<TesseraKeyPair, KeyError> {
    let secret = StaticSecret::from(random_bytes::<32>()?);
    Ok(TesseraKeyPair {
        private_json: private_key_json(&secret),
        public_b64: public_key_b64(&secret),
    })
}

/// The `tm.key` content for a secret.
pub fn private_key_json(secret: &StaticSecret) -> String {
    format!(
        r#"{{"data":{{"bytes":"{}"}},"type":"unlocked"}}"#,
        BASE64.encode(secret.as_bytes())
    )
}

/// The `tm.pub` content for a secret.
pub fn public_key_b64(secret: &StaticSecret) -> String {
    BASE64.encode(PublicKey::from(secret).as_bytes())
}

#[derive(Deserialize)]
struct KeyFile {
    data: KeyData,
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Deserialize)]
struct KeyData {
    bytes: String,
}

/// Parses a `tm.key` file (surrounding whitespace allowed). Only unlocked keys are supported:
/// a password-protected key cannot be used by an unattended pod anyway.
pub fn parse_private_key(text: &str) -> Result<StaticSecret, KeyError> {
    let file: KeyFile = serde_json::from_str(text.trim()).map_err(|_| {
        KeyError::TmKey(r#"expected {"data":{"bytes":"<base64>"},"type":"unlocked"}"#.into())
    })?;
    if file.kind != "unlocked" {
        return Err(KeyError::TmKey(
            "its `type` is not supported; expected an unlocked key".into(),
        ));
    }
    let bytes: [u8; 32] = BASE64
        .decode(file.data.bytes.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| KeyError::TmKey("`data.bytes` must be 32 bytes in base64".into()))?;
    Ok(StaticSecret::from(bytes))
}

/// Checks a `tm.pub` file: base64 of 32 bytes, surrounding whitespace allowed. Returns it trimmed.
pub fn parse_public_key(text: &str) -> Result<String, KeyError> {
    let text = text.trim();
    match BASE64.decode(text) {
        Ok(bytes) if bytes.len() == 32 => Ok(text.to_string()),
        _ => Err(KeyError::TmPub(
            "expected the base64 of a 32-byte public key".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tessera_keys` of `quorum-public-vectors.json`: Consensys/qubernetes@4e6a879
    /// `7nodes/key{1,2,3}/{tm.key,tm.pub}` and Consensys/quorum-dev-quickstart@0abbd37
    /// `examples/7nodes/keys/tm1a.{key,pub}`.
    const VECTORS: [(&str, &str); 4] = [
        (
            "Wl+xSyXVuuqzpvznOS7dOobhcn4C5auxkFRi7yLtgtA=",
            "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=",
        ),
        (
            "nDFwJNHSiT1gNzKBy9WJvMhmYRkW3TzFUmPsNzR6oFk=",
            "QfeDAys9MPDs2XHExtc84jKGHxZg/aj52DTh0vtA3Xc=",
        ),
        (
            "tMxUVR8bX7aq/TbpVHc2QV3SN2iUuExBwefAuFsO0Lg=",
            "1iTZde/ndBHvzhcl7V68x44Vx7pl8nwx9LqnM/AfJUg=",
        ),
        (
            "wGEar7J9G0JAgdisp61ZChyrJWeW2QPyKvecjjeVHOY=",
            "8SjRHlUBe4hAmTk3KDeJ96RhN+s10xRrHDrxEi1O5W0=",
        ),
    ];

    #[test]
    fn published_tessera_private_keys_give_their_published_public_keys() {
        for (private, public) in VECTORS {
            let json = format!(r#"{{"data":{{"bytes":"{private}"}},"type":"unlocked"}}"#);
            let secret = parse_private_key(&format!("{json}\n")).unwrap();
            assert_eq!(public_key_b64(&secret), public);
            assert_eq!(private_key_json(&secret), json);
        }
    }

    #[test]
    fn a_generated_pair_is_consistent_and_has_no_newlines() {
        let pair = generate().unwrap();
        assert!(!pair.private_json.contains('\n') && !pair.public_b64.contains('\n'));
        let secret = parse_private_key(&pair.private_json).unwrap();
        assert_eq!(public_key_b64(&secret), pair.public_b64);
        assert_eq!(parse_public_key(&pair.public_b64).unwrap(), pair.public_b64);
        assert!(!format!("{pair:?}").contains(&pair.private_json));
    }

    #[test]
    fn locked_or_malformed_tessera_keys_are_refused() {
        let locked = r#"{"data":{"aopts":{},"bytes":"AAAA"},"type":"argon2sbox"}"#;
        assert!(
            parse_private_key(locked)
                .err()
                .unwrap()
                .to_string()
                .contains("unlocked")
        );
        let short = r#"{"data":{"bytes":"AAAA"},"type":"unlocked"}"#;
        assert!(
            parse_private_key(short)
                .err()
                .unwrap()
                .to_string()
                .contains("32 bytes")
        );
        assert!(parse_private_key("nope").is_err());
        assert!(parse_public_key("AAAA").is_err());
    }
}
