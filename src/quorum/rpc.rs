//! geth's two front doors as qctl uses them, as pure functions: JSON-RPC 2.0 over HTTP
//! (`qctl rpc`, `qctl validator`) and the JavaScript console's `--exec` (`qctl geth exec`).

use serde_json::{Value, json};

/// geth's JSON-RPC path on the HTTP port.
pub const HTTP_PATH: &str = "/";

/// A JSON-RPC failure: geth's error object, or an answer that is not JSON-RPC at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RpcError {
    #[error("error {code}: {}", crate::text::clip(message, 300))]
    Remote { code: i64, message: String },
    #[error("not a JSON-RPC answer: {0}")]
    Malformed(String),
}

/// The body of a call of `method` with `params` (a JSON array or object).
pub fn request(method: &str, params: &Value) -> Vec<u8> {
    serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}))
        .expect("a JSON value serialises")
}

/// The `result` of an answer, or its `error`.
pub fn result(body: &[u8]) -> Result<Value, RpcError> {
    let answer: Value = serde_json::from_slice(body).map_err(|e| {
        RpcError::Malformed(format!(
            "{e} in `{}`",
            crate::text::clip(&String::from_utf8_lossy(body), 200)
        ))
    })?;
    if let Some(error) = answer.get("error").filter(|e| !e.is_null()) {
        return Err(RpcError::Remote {
            code: error.get("code").and_then(Value::as_i64).unwrap_or(0),
            message: error
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("(no message)")
                .to_string(),
        });
    }
    answer
        .get("result")
        .cloned()
        .ok_or_else(|| RpcError::Malformed("neither `result` nor `error`".into()))
}

/// Parameters as given on the command line: a JSON array or object; nothing means `[]`.
pub fn params(text: Option<&str>) -> Result<Value, String> {
    let Some(text) = text else {
        return Ok(json!([]));
    };
    match serde_json::from_str::<Value>(text) {
        Ok(value @ (Value::Array(_) | Value::Object(_))) => Ok(value),
        Ok(_) => Err(format!(
            "PARAMS must be a JSON array or object, such as '[\"latest\", false]'; got `{}`",
            crate::text::clip(text, 80)
        )),
        Err(e) => Err(format!(
            "PARAMS is not JSON ({e}); give a JSON array such as '[\"latest\", false]'"
        )),
    }
}

/// A JSON-RPC quantity (`"0x1b4"`) as a number.
pub fn quantity(value: &Value) -> Result<u64, RpcError> {
    value
        .as_str()
        .and_then(|s| s.strip_prefix("0x"))
        .and_then(|hex| u64::from_str_radix(hex, 16).ok())
        .ok_or_else(|| RpcError::Malformed(format!("`{value}` is not a hex quantity")))
}

/// A list of `0x` addresses (`istanbul_getValidators`, `clique_getSigners`), checksummed.
pub fn addresses(value: &Value) -> Result<Vec<String>, RpcError> {
    let bad = || RpcError::Malformed(format!("`{value}` is not a list of addresses"));
    value
        .as_array()
        .ok_or_else(bad)?
        .iter()
        .map(|a| {
            a.as_str()
                .and_then(|a| crate::keys::address::parse(a).ok())
                .map(|a| crate::keys::address::to_checksum(&a))
                .ok_or_else(bad)
        })
        .collect()
}

/// The console program `geth attach --exec` runs for `js`: it evaluates `js` as the console
/// would, and turns an exception into a string value tagged with `nonce`. The console prints
/// an exception like any value and exits 0, so the tag is how a failure is told apart.
pub fn console_program(js: &str, nonce: &str) -> String {
    // A JSON string is a JavaScript string literal once the two line separators JSON allows
    // raw (and ES5 does not) are escaped.
    let literal = serde_json::to_string(js)
        .expect("a string serialises")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    format!(
        "try {{ eval({literal}) }} catch (e) {{ {:?} + e }}",
        error_tag(nonce)
    )
}

/// What the console printed for [`console_program`]: `Ok(output)`, or the exception.
pub fn console_outcome(printed: &str, nonce: &str) -> Result<String, String> {
    // The console prints a string value quoted: `"<tag>ReferenceError: …"`.
    let tagged = format!("\"{}", error_tag(nonce));
    match printed.trim_start().strip_prefix(&tagged) {
        Some(rest) => Err(rest.trim_end().trim_end_matches('"').to_string()),
        None => Ok(printed.to_string()),
    }
}

fn error_tag(nonce: &str) -> String {
    format!("qctl-exec-error-{nonce}: ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_is_a_jsonrpc_2_request_and_its_result_or_error_is_read() {
        let body = request("eth_blockNumber", &json!([]));
        assert_eq!(
            serde_json::from_slice::<Value>(&body).unwrap(),
            json!({"jsonrpc": "2.0", "id": 1, "method": "eth_blockNumber", "params": []})
        );
        assert_eq!(
            result(br#"{"jsonrpc":"2.0","id":1,"result":"0x1b4"}"#),
            Ok(json!("0x1b4"))
        );
        assert_eq!(
            result(br#"{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"the method foo does not exist/is not available"}}"#),
            Err(RpcError::Remote {
                code: -32601,
                message: "the method foo does not exist/is not available".into()
            })
        );
        assert!(matches!(
            result(b"404 page not found"),
            Err(RpcError::Malformed(_))
        ));
        assert!(matches!(
            result(br#"{"jsonrpc":"2.0","id":1}"#),
            Err(RpcError::Malformed(_))
        ));
    }

    #[test]
    fn params_must_be_an_array_or_an_object() {
        assert_eq!(params(None), Ok(json!([])));
        assert_eq!(
            params(Some(r#"["latest", false]"#)),
            Ok(json!(["latest", false]))
        );
        assert!(params(Some("latest")).unwrap_err().contains("not JSON"));
        assert!(params(Some("5")).unwrap_err().contains("array or object"));
    }

    #[test]
    fn quantities_and_address_lists_are_decoded() {
        assert_eq!(quantity(&json!("0x1b4")), Ok(436));
        assert_eq!(quantity(&json!("0x0")), Ok(0));
        assert!(quantity(&json!(436)).is_err());
        assert!(quantity(&json!("1b4")).is_err());
        assert_eq!(
            addresses(&json!(["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"])),
            Ok(vec![
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".to_string()
            ])
        );
        assert!(addresses(&json!(["0x12"])).is_err());
        assert!(addresses(&json!("0x12")).is_err());
    }

    #[test]
    fn the_console_program_quotes_any_script_and_tags_exceptions() {
        let js = "var s = \"a'b\\\"c\u{2028}\"; s.length";
        let program = console_program(js, "n0nce");
        assert!(program.starts_with("try { eval(\""), "{program}");
        assert!(program.contains("\\u2028") && !program.contains('\u{2028}'));
        assert!(program.ends_with("catch (e) { \"qctl-exec-error-n0nce: \" + e }"));
        assert_eq!(console_outcome("436\n", "n0nce"), Ok("436\n".into()));
        assert_eq!(
            console_outcome(
                "\"qctl-exec-error-n0nce: ReferenceError: foo is not defined\"\n",
                "n0nce"
            ),
            Err("ReferenceError: foo is not defined".into())
        );
        // A value that merely looks like a failure, without the nonce, is output.
        assert!(console_outcome("\"qctl-exec-error-other: x\"\n", "n0nce").is_ok());
    }
}
