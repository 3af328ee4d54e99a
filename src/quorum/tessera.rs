//! Tessera's third-party API as `qctl test contract` uses it: `POST /storeraw` keeps a private
//! payload encrypted for the sender and answers the hash a private transaction carries as data.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

pub const STORE_RAW_PATH: &str = "/storeraw";

/// The body of `/storeraw` for `payload`, sent from the Tessera key `from` (base64).
pub fn store_raw_request(payload: &[u8], from: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({ "payload": STANDARD.encode(payload), "from": from }))
        .expect("a JSON value serialises")
}

/// The payload's hash out of `/storeraw`'s answer `{"key": "<base64 of 64 bytes>"}`.
pub fn store_raw_hash(body: &[u8]) -> Result<Vec<u8>, String> {
    let answer: Value = serde_json::from_slice(body).map_err(|_| {
        format!(
            "not JSON: `{}`",
            crate::text::clip(&String::from_utf8_lossy(body), 200)
        )
    })?;
    let key = answer.get("key").and_then(Value::as_str).ok_or_else(|| {
        format!(
            "no `key` in `{}`",
            crate::text::clip(&answer.to_string(), 200)
        )
    })?;
    let hash = STANDARD
        .decode(key)
        .map_err(|e| format!("`key` is not base64: {e}"))?;
    if hash.len() != 64 {
        return Err(format!("`key` holds {} bytes, not 64", hash.len()));
    }
    Ok(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_carries_the_payload_and_sender_in_base64() {
        let body: Value = serde_json::from_slice(&store_raw_request(b"\x60\x80", "QfeD")).unwrap();
        assert_eq!(body, json!({"payload": "YIA=", "from": "QfeD"}));
    }

    #[test]
    fn the_answer_gives_a_64_byte_hash_or_a_reason() {
        let key = STANDARD.encode([9u8; 64]);
        assert_eq!(
            store_raw_hash(format!(r#"{{"key":"{key}"}}"#).as_bytes()),
            Ok(vec![9u8; 64])
        );
        assert!(store_raw_hash(b"I'm up!").unwrap_err().contains("not JSON"));
        assert!(store_raw_hash(b"{}").unwrap_err().contains("no `key`"));
        let short = STANDARD.encode([9u8; 32]);
        assert!(
            store_raw_hash(format!(r#"{{"key":"{short}"}}"#).as_bytes())
                .unwrap_err()
                .contains("32 bytes")
        );
    }
}
